package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// NoticeChange is one day whose place in the calendar the notice changes or
// on which the notice and another schedule disagree.
type NoticeChange struct {
	Day    Date
	Before string // 工作日, 休息日, 放假（春节）, 调休上班（…）
	After  string
}

// NoticePlan is what importing a notice does to the office's calendar: the
// days to store as the office's own, the office's days of that year the
// notice drops, the days that change between working day and day off, and
// where the notice differs from the schedule built into the program.
type NoticePlan struct {
	Notice HolidayNotice
	Save   []DayOverride
	Remove []Date
	// Changes are the days that become days off or working days.
	Changes []NoticeChange
	// Builtin says whether the program carries that year's schedule;
	// BuiltinDiffers lists the days on which the notice says otherwise.
	Builtin        bool
	BuiltinDiffers []NoticeChange
}

// noticeSpan is the stretch of days a year's notice speaks for: from New
// Year's Day (or its earlier first day off) to the end of November. The
// last days of December belong to the next year's 元旦 and its notice.
func noticeSpan(n HolidayNotice) (Date, Date) {
	from := D(n.Year, 1, 1)
	if days := n.Days(); len(days) > 0 && days[0].Day.Before(from) {
		from = days[0].Day
	}
	return from, D(n.Year, 11, 30)
}

// plainWorkday is whether d is a working day when no schedule says otherwise.
func plainWorkday(d Date) bool { return d.Weekday() != time.Saturday && d.Weekday() != time.Sunday }

// dayText describes a day in a calendar for the preview.
func dayText(cal *Calendar, d Date) string {
	if o, ok := cal.Day(d); ok {
		return entryText(o)
	}
	if plainWorkday(d) {
		return "工作日"
	}
	return "休息日"
}

func entryText(o DayOverride) string {
	kind, name := "放假", o.Name
	if o.Work {
		kind, name = "调休上班", strings.TrimSuffix(strings.TrimSuffix(name, "调休上班"), "调休")
	}
	if o.Name == "" || o.Name == noticeNeutral {
		if plainWorkday(o.Day) == o.Work {
			return map[bool]string{true: "工作日", false: "休息日"}[o.Work]
		}
		return kind
	}
	return kind + "（" + name + "）"
}

// noticeNeutral names a day the office stores only to undo another
// schedule's holiday or make-up day that the notice does not have.
const noticeNeutral = "按通知恢复正常"

// PlanNoticeImport compares the notice with the calendar in force (cal) and
// the office's own days (office), and says what importing it will do.
func PlanNoticeImport(n HolidayNotice, cal *Calendar, office []DayOverride) NoticePlan {
	p := NoticePlan{Notice: n, Builtin: slices.Contains(BuiltinYears(), n.Year)}
	builtin := NewCalendar(nil, nil)
	notice := map[Date]DayOverride{}
	for _, o := range n.Days() {
		notice[o.Day] = o
	}
	own := map[Date]bool{}
	for _, o := range office {
		own[o.Day] = true
	}
	from, to := noticeSpan(n)
	for d := from; !d.After(to); d = d.AddDays(1) {
		want, listed := notice[d]
		if !listed {
			want = DayOverride{Day: d, Work: plainWorkday(d), Name: noticeNeutral}
		}
		if cal.IsWorkday(d) != want.Work {
			p.Changes = append(p.Changes, NoticeChange{Day: d, Before: dayText(cal, d), After: entryText(want)})
		}
		if p.Builtin {
			b, inBuiltin := builtin.Day(d)
			if listed != inBuiltin || (listed && b.Work != want.Work) {
				p.BuiltinDiffers = append(p.BuiltinDiffers, NoticeChange{Day: d, Before: dayText(builtin, d), After: entryText(want)})
			}
		}
		switch {
		case listed:
			p.Save = append(p.Save, want)
		case cal.IsWorkday(d) == want.Work:
			// Nothing to undo: a weekend holiday of another notice stays.
		case own[d] && builtin.IsWorkday(d) == want.Work:
			p.Remove = append(p.Remove, d)
		default:
			p.Save = append(p.Save, want)
		}
	}
	return p
}

// Summary is one line on the notice: 2027年：放假29天，调休上班6天.
func (p NoticePlan) Summary() string {
	return fmt.Sprintf("%d年：放假%d天，调休上班%d天", p.Notice.Year, len(p.Notice.Holidays()), len(p.Notice.Workdays()))
}

// PlanHolidayNotice says what importing the notice would change.
func (k *Desk) PlanHolidayNotice(ctx context.Context, n HolidayNotice) (NoticePlan, error) {
	office, err := k.Store.DayOverrides(ctx)
	if err != nil {
		return NoticePlan{}, err
	}
	return PlanNoticeImport(n, k.Calendar(), office), nil
}

// ImportHolidayNotice makes the notice the office's schedule of its year:
// its days are stored as the office's own, the office's days it drops are
// removed, the year is confirmed, and due dates counted while the year was
// unknown are counted again. History records the import.
func (k *Desk) ImportHolidayNotice(ctx context.Context, n HolidayNotice) error {
	p, err := k.PlanHolidayNotice(ctx, n)
	if err != nil {
		return err
	}
	detail := fmt.Sprintf("%s，日历变化%d天", p.Summary(), len(p.Changes))
	if err := k.changeSettings(ctx, "从通知导入节假日", detail, func(tx Tx) error {
		for _, o := range p.Save {
			if err := tx.SaveDayOverride(o); err != nil {
				return err
			}
		}
		for _, d := range p.Remove {
			if err := tx.DeleteDayOverride(d); err != nil {
				return err
			}
		}
		return tx.SetYearConfirmed(n.Year, true)
	}); err != nil {
		return err
	}
	return k.recountUncertain(ctx)
}

// Describe is the item in one line for checking against the notice:
// “1月1日至1月3日放假（3天）；1月4日（星期日）上班”. Days outside year carry
// their year.
func (it NoticeItem) Describe(year int) string {
	short := func(d Date) string {
		if d.Year != year {
			return d.Chinese()
		}
		return fmt.Sprintf("%d月%d日", d.Month, d.Day)
	}
	var runs []string
	for i := 0; i < len(it.Holidays); {
		j := i
		for j+1 < len(it.Holidays) && it.Holidays[j+1] == it.Holidays[j].AddDays(1) {
			j++
		}
		if j == i {
			runs = append(runs, short(it.Holidays[i]))
		} else {
			runs = append(runs, short(it.Holidays[i])+"至"+short(it.Holidays[j]))
		}
		i = j + 1
	}
	out := fmt.Sprintf("%s放假（%d天）", strings.Join(runs, "、"), len(it.Holidays))
	if len(it.Workdays) > 0 {
		var ws []string
		for _, d := range it.Workdays {
			ws = append(ws, short(d)+"（"+WeekdayName(d)+"）")
		}
		out += "；" + strings.Join(ws, "、") + "上班"
	}
	return out
}
