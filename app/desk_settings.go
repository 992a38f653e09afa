// The Desk's changes to the settings: office, units, leaders, seals, holidays.

package app

import (
	"context"
	"fmt"
	"strings"
)

func (k *Desk) changeSettings(ctx context.Context, action, detail string, fn func(tx Tx) error) error {
	err := k.Store.Update(ctx, func(tx Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		return k.history(ctx, tx, EntitySettings, 0, action, detail)
	})
	if err != nil {
		return err
	}
	return k.Reload(ctx)
}

// SaveSettings validates and stores the office's settings: a 单位名称,
// valid rules and distinct 发文代字. The desk rereads them.
func (k *Desk) SaveSettings(ctx context.Context, s Settings) error {
	s.OrgName = strings.TrimSpace(s.OrgName)
	if s.OrgName == "" {
		return Errorf(EINVALID, "请填写单位名称")
	}
	if err := s.Rules.Validate(); err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, c := range s.IssuingCodes {
		if strings.TrimSpace(c.Code) == "" {
			return Errorf(EINVALID, "发文代字不能为空")
		}
		if seen[c.Code] {
			return Errorf(ECONFLICT, "发文代字“%s”重复", c.Code)
		}
		seen[c.Code] = true
	}
	return k.changeSettings(ctx, "修改设置", s.OrgName, func(tx Tx) error { return tx.SaveSettings(s) })
}

// SaveUnit adds (ID 0) or corrects a unit of the settings; it needs a name.
func (k *Desk) SaveUnit(ctx context.Context, u *Unit) error {
	if u.Name = strings.TrimSpace(u.Name); u.Name == "" {
		return Errorf(EINVALID, "请填写单位名称")
	}
	if u.Kind == "" {
		u.Kind = UnitOther
	}
	return k.changeSettings(ctx, "保存单位", u.Name, func(tx Tx) error { return tx.SaveUnit(u) })
}

// DeleteUnit removes a unit from the settings; the records that name it
// keep the name.
func (k *Desk) DeleteUnit(ctx context.Context, id int64) error {
	return k.changeSettings(ctx, "删除单位", fmt.Sprint(id), func(tx Tx) error { return tx.DeleteUnit(id) })
}

// SaveLeader adds (ID 0) or corrects a leader of the 领导名单; it needs a name
// and a post.
func (k *Desk) SaveLeader(ctx context.Context, l *Leader) error {
	if l.Name = strings.TrimSpace(l.Name); l.Name == "" {
		return Errorf(EINVALID, "请填写领导姓名")
	}
	if l.Role == "" {
		return Errorf(EINVALID, "请选择%s的职务", l.Name)
	}
	return k.changeSettings(ctx, "保存领导", l.Name, func(tx Tx) error { return tx.SaveLeader(l) })
}

// DeleteLeader removes a leader from the 领导名单; the steps they signed keep
// their name.
func (k *Desk) DeleteLeader(ctx context.Context, id int64) error {
	return k.changeSettings(ctx, "删除领导", fmt.Sprint(id), func(tx Tx) error { return tx.DeleteLeader(id) })
}

// SaveSeal adds (ID 0) or corrects a seal of the settings; it needs a name
// and a valid approval chain. Requests already submitted keep their chain.
func (k *Desk) SaveSeal(ctx context.Context, s *Seal) error {
	if s.Name = strings.TrimSpace(s.Name); s.Name == "" {
		return Errorf(EINVALID, "请填写印章名称")
	}
	if s.Kind == "" {
		s.Kind = SealOther
	}
	if err := s.CheckChain(); err != nil {
		return err
	}
	return k.changeSettings(ctx, "保存印章", s.Name, func(tx Tx) error { return tx.SaveSeal(s) })
}

// DeleteSeal removes a seal from the settings; the requests that name it
// keep the name.
func (k *Desk) DeleteSeal(ctx context.Context, id int64) error {
	return k.changeSettings(ctx, "删除印章", fmt.Sprint(id), func(tx Tx) error { return tx.DeleteSeal(id) })
}

// SetDay adds or corrects a day of the holiday calendar; the due dates
// counted while their year was unknown are counted again.
func (k *Desk) SetDay(ctx context.Context, o DayOverride) error {
	if o.Day.IsZero() {
		return Errorf(EINVALID, "请填写日期")
	}
	kind := "放假"
	if o.Work {
		kind = "调休上班"
	}
	if err := k.changeSettings(ctx, "修改节假日", o.Day.String()+" "+kind, func(tx Tx) error { return tx.SaveDayOverride(o) }); err != nil {
		return err
	}
	return k.recountUncertain(ctx)
}

// recountUncertain counts again, on the calendar now in force, the due
// dates that were counted while their year's holidays were unknown.
func (k *Desk) recountUncertain(ctx context.Context) error {
	assigned, err := All(func(p Page) ([]Document, int, error) {
		return k.Store.Documents(ctx, DocumentFilter{Statuses: []DocStatus{StatusAssigned}, Sort: "id", Page: p})
	})
	if err != nil {
		return err
	}
	cal := k.Calendar()
	return k.Store.Update(ctx, func(tx Tx) error {
		for i := range assigned {
			d := &assigned[i]
			old := d.DueOn
			if !d.Recount(cal) {
				continue
			}
			if err := tx.SaveDocument(d); err != nil {
				return err
			}
			if err := k.history(ctx, tx, EntityDocument, d.ID, "重算期限", fmt.Sprintf("节假日安排录入后，办理期限由%s改为%s", old, d.DueOn)); err != nil {
				return err
			}
		}
		return nil
	})
}

// ClearDay removes the office's own entry for day d of the holiday calendar.
func (k *Desk) ClearDay(ctx context.Context, d Date) error {
	return k.changeSettings(ctx, "删除节假日", d.String(), func(tx Tx) error { return tx.DeleteDayOverride(d) })
}

// ConfirmYear marks a year's schedule as entered by the office (or not);
// the due dates counted while it was unknown are counted again.
func (k *Desk) ConfirmYear(ctx context.Context, year int, confirmed bool) error {
	if year < 2000 || year > 2200 {
		return Errorf(EINVALID, "年份不对")
	}
	if err := k.changeSettings(ctx, "确认节假日年度", fmt.Sprint(year), func(tx Tx) error { return tx.SetYearConfirmed(year, confirmed) }); err != nil {
		return err
	}
	return k.recountUncertain(ctx)
}

// CalendarWarning says which of this year and next the calendar lacks, or "".
func (k *Desk) CalendarWarning() string {
	y := k.Today().Year
	var missing []string
	for _, yr := range []int{y, y + 1} {
		if !k.Calendar().Covers(yr) {
			missing = append(missing, fmt.Sprint(yr))
		}
	}
	if len(missing) == 0 {
		return ""
	}
	return strings.Join(missing, "、") + "年的节假日安排尚未录入，期限按普通周末推算；国务院公布安排后请在“设置—节假日”中补录"
}
