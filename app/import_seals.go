package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// ImportSealRequests imports seal requests; a row of a 用印登记簿 (a 用印日期,
// no status) becomes a used request whose 批准人 signed its last step.
func (k *Desk) ImportSealRequests(ctx context.Context, rows []ImportRow[SealRequest], opt ImportOptions) (ImportResult, error) {
	list, err := k.Store.Seals(ctx)
	if err != nil {
		return ImportResult{}, err
	}
	seals := map[string]Seal{}
	for _, s := range list {
		seals[s.Name] = s
	}
	return runImport(ctx, k, importer[SealRequest]{
		entity:  EntitySeal,
		prepare: func(r *SealRequest) error { return prepareSealRequest(r, seals) },
		keys:    func(*SealRequest) []dupKey { return nil },
		check: func(tx Tx, r *SealRequest) error {
			return inUse(r.Number, tx.SealRequestByNumber, func(old *SealRequest) string {
				return fmt.Sprintf("用印申请编号%s已被使用（%s，%s）", r.Number, old.Unit, old.Reason)
			})
		},
		slots: func(r *SealRequest) []slot {
			y, n, _ := ParseSerial(r.Number)
			if y == 0 {
				y = r.RequestedOn.Year
			}
			s := []slot{{counter: fmt.Sprintf("seal:%d", y), n: n, what: "用印申请编号" + r.Number, lookedUp: true,
				set: func(n int) { r.Number = IncomingSerial(y, n) }}}
			if r.Status == SealUsed {
				ly, ln, _ := ParseSerial(r.LogNo)
				if ly == 0 {
					ly = r.UsedOn.Year
				}
				s = append(s, slot{counter: fmt.Sprintf("seallog:%d", ly), n: ln, what: "用印登记号" + r.LogNo,
					set: func(n int) { r.LogNo = IncomingSerial(ly, n) }})
			}
			return s
		},
		save:   func(tx Tx, rs []*SealRequest) error { return each(rs, tx.SaveSealRequest) },
		detail: func(r *SealRequest) string { return strings.TrimSpace(r.Number + " " + r.Unit + " " + r.Reason) },
	}, rows, opt)
}

// prepareSealRequest completes and checks an imported seal request.
func prepareSealRequest(r *SealRequest, seals map[string]Seal) error {
	r.ID = 0
	for _, p := range []*string{&r.SealName, &r.Unit, &r.Contact, &r.Reason, &r.FileName, &r.Handler, &r.Witness, &r.Number, &r.LogNo} {
		*p = strings.TrimSpace(*p)
	}
	switch {
	case r.SealName == "":
		return Errorf(EINVALID, "请填写印章")
	case r.Unit == "":
		return Errorf(EINVALID, "请填写用印单位")
	case r.Reason == "" && r.FileName == "":
		return Errorf(EINVALID, "请填写用印事由或文件名称")
	}
	if r.RequestedOn.IsZero() {
		r.RequestedOn = r.UsedOn
	}
	if r.RequestedOn.IsZero() {
		return Errorf(EINVALID, "请填写申请日期或用印日期")
	}
	if r.Status == "" {
		r.Status = SealDraft
		if !r.UsedOn.IsZero() || r.LogNo != "" {
			r.Status = SealUsed
		}
	}
	if !slices.Contains(SealStatuses, r.Status) {
		return Errorf(EINVALID, "用印状态“%s”无法识别", r.Status)
	}
	if r.Copies == 0 {
		r.Copies = max(r.UsedCount, 1)
	}
	if r.Status == SealUsed {
		if r.UsedOn.IsZero() {
			return Errorf(EINVALID, "已用印的申请请填写用印日期")
		}
		if r.UsedOn.Before(r.RequestedOn) {
			return Errorf(EINVALID, "用印日期（%s）不能早于申请日期（%s）", r.UsedOn, r.RequestedOn)
		}
		if r.UsedCount == 0 {
			r.UsedCount = r.Copies
		}
	}
	if r.Copies < 1 || r.Copies > 999 {
		return Errorf(EINVALID, "份数应为1到999")
	}
	if r.UsedCount < 0 || r.UsedCount > r.Copies {
		return Errorf(EINVALID, "用印份数应为1到%d（申请份数）", r.Copies)
	}
	if r.Status != SealUsed {
		r.LogNo = ""
	}
	for _, f := range []struct {
		no   *string
		year int
	}{{&r.Number, r.RequestedOn.Year}, {&r.LogNo, r.UsedOn.Year}} {
		if *f.no == "" {
			continue
		}
		y, n, ok := ParseSerial(*f.no)
		if !ok {
			return Errorf(EINVALID, "编号“%s”无法识别，应为“年度-序号”（如 %s）或序号", Excerpt(*f.no), IncomingSerial(f.year, 12))
		}
		if y == 0 {
			y = f.year
		}
		*f.no = IncomingSerial(y, n)
	}
	seal, ok := seals[r.SealName]
	if !ok {
		seal = Seal{Name: r.SealName, Kind: SealOther}
	}
	r.SealKind, r.Chain = seal.Kind, nil
	if r.Status != SealDraft {
		r.Chain = ChainFor(seal, r.OffSite)
	}
	for i := range r.Approvals {
		a := &r.Approvals[i]
		a.Step = i + 1
		switch {
		case len(r.Chain) == 0:
		case a.Action == "": // the log's 批准人 signed the last step
			last := r.Chain[len(r.Chain)-1]
			a.Role, a.Action = last.Role, last.Action
		case a.Role == "" && i < len(r.Chain):
			a.Role = r.Chain[i].Role
		}
		if a.On.IsZero() {
			a.On = firstDate(r.UsedOn, r.RequestedOn)
		}
	}
	return nil
}
