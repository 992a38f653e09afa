package app

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// ImportDocuments imports documents of both books. A record's status is
// the one its register gives, else follows from what it carries: 档号 →
// archived; incoming: 办理结果 or 办结日期 → done, 承办单位 → assigned (due
// date counted in working days from the 收文日期 when the 办理时限 is a number
// of days), 批示 → instructed, 拟办意见 → proposed, else registered;
// outgoing: 印发日期 → issued, 发文字号 or 签发日期 → signed, else drafted.
// Probable duplicates (same sender and 文号 as a document in the store or
// another row, or a 收文编号/发文字号 already used) are problems.
func (k *Desk) ImportDocuments(ctx context.Context, rows []ImportRow[Document], opt ImportOptions) (ImportResult, error) {
	leaders, err := k.Store.Leaders(ctx)
	if err != nil {
		return ImportResult{}, err
	}
	roles := map[string]Role{}
	for _, l := range leaders {
		roles[l.Name] = l.Role
	}
	cal := k.Calendar()
	some := somethingIn()
	return runImport(ctx, k, importer[Document]{
		entity:  EntityDocument,
		prepare: func(d *Document) error { return prepareDocument(d, roles, cal) },
		keys: func(d *Document) []dupKey {
			if d.Direction != Incoming || d.DocNo == "" {
				return nil
			}
			return []dupKey{{"from\x00" + d.FromUnit + "\x00" + d.DocNo, fmt.Sprintf("来文单位和文号（%s，%s）", d.FromUnit, d.DocNo)}}
		},
		check: func(tx Tx, d *Document) error {
			if d.Direction == Incoming && d.DocNo != "" && some(tx, "in") {
				dup, err := tx.IncomingDuplicate(d.FromUnit, d.DocNo, 0)
				if err != nil {
					return err
				}
				if dup != nil {
					return Errorf(EDUPLICATE, "可能重复：已有收文%s“%s”的来文单位和文号与此相同（%s，%s）", dup.Serial, dup.shortTitle(), dup.FromUnit, dup.DocNo)
				}
			}
			if !some(tx, fmt.Sprintf("%s:%d", d.Direction, d.Year)) {
				return nil
			}
			return inUse(d.Serial, tx.DocumentBySerial, func(old *Document) string {
				if old.Serial != d.Serial || old.Direction != d.Direction { // found by its 来文字号
					return ""
				}
				return fmt.Sprintf("%s%s已被“%s”使用", serialName(d.Direction), d.Serial, old.shortTitle())
			})
		},
		slots:  documentSlots,
		save:   func(tx Tx, ds []*Document) error { return tx.InsertDocuments(ds) },
		detail: func(d *Document) string { return strings.TrimSpace(d.Serial + " " + d.Title) },
	}, rows, opt)
}

// somethingIn answers, once per key, whether the store holds any document
// of a direction ("in") or of a direction and year ("in:2024"), so that an
// import into an empty book skips the lookups.
func somethingIn() func(tx Tx, key string) bool {
	known := map[string]bool{}
	return func(tx Tx, key string) bool {
		if v, ok := known[key]; ok {
			return v
		}
		dir, year, _ := strings.Cut(key, ":")
		y, _ := strconv.Atoi(year)
		_, n, err := tx.Documents(DocumentFilter{Direction: Direction(dir), Year: y, Page: Page{Limit: 1}})
		known[key] = err != nil || n > 0 // on error, look up
		return known[key]
	}
}

// inUse asks the store for the record numbered no: a probable duplicate
// when there is one and taken describes it ("" when the record found is not
// the same number after all).
func inUse[T any](no string, find func(string) (*T, error), taken func(*T) string) error {
	if no == "" {
		return nil
	}
	old, err := find(no)
	switch {
	case ErrorCode(err) == ENOTFOUND:
		return nil
	case err != nil:
		return err
	}
	if what := taken(old); what != "" {
		return Errorf(ECONFLICT, "可能重复：%s", what)
	}
	return nil
}

func serialName(d Direction) string {
	if d == Outgoing {
		return "发文字号"
	}
	return "收文编号"
}

// importedStatus is the status a document's fields point to.
func importedStatus(d *Document) DocStatus {
	switch {
	case !d.Archive.IsZero():
		return StatusArchived
	case d.Direction == Outgoing && !d.IssuedOn.IsZero():
		return StatusIssued
	case d.Direction == Outgoing && (d.DocNo != "" || !d.SignedOn.IsZero()):
		return StatusSigned
	case d.Direction == Outgoing:
		return StatusDrafted
	case d.Result != "" || !d.DoneOn.IsZero():
		return StatusDone
	case d.LeadUnit != "":
		return StatusAssigned
	case len(d.Instructions) > 0:
		return StatusInstructed
	case d.Proposal != "":
		return StatusProposed
	}
	return StatusRegistered
}

// prepareDocument completes and checks an imported document.
func prepareDocument(d *Document, roles map[string]Role, cal *Calendar) error {
	d.ID, d.DuplicateOf = 0, 0
	if d.Direction == "" {
		d.Direction = Incoming
	}
	if d.Status == "" {
		d.Status = importedStatus(d)
	}
	statuses := IncomingStatuses
	if d.Direction == Outgoing {
		statuses = OutgoingStatuses
	}
	if !slices.Contains(statuses, d.Status) {
		return Errorf(EINVALID, "状态“%s”不是%s的状态", d.Status.Label(), d.Direction.Label())
	}
	signed := d.Direction == Outgoing && !slices.Contains([]DocStatus{StatusDrafted, StatusChecked, StatusReviewed}, d.Status)
	var no DocNo
	if signed && d.DocNo != "" {
		var err error
		if no, err = ParseDocNo(d.DocNo); err != nil {
			return err
		}
		if d.IssuingCode == "" {
			d.IssuingCode = no.Code
		}
	} else if signed && d.Status != StatusArchived {
		return Errorf(EINVALID, "%s的发文请填写发文字号", d.Status.Label())
	}
	if d.Direction == Outgoing {
		if strings.TrimSpace(d.IssuingCode) == "" {
			return Errorf(EINVALID, "请填写发文字号或发文代字")
		}
		if d.DraftedOn.IsZero() {
			d.DraftedOn = firstDate(d.SignedOn, d.WrittenOn, d.IssuedOn)
		}
		if d.DraftedOn.IsZero() {
			return Errorf(EINVALID, "请填写拟稿日期或签发日期")
		}
	}
	// A register of issued documents need not name the drafter: ValidateNew
	// sees stand-ins, which are then taken out again.
	unit, drafter := d.DraftUnit, d.Drafter
	if d.DraftUnit == "" {
		d.DraftUnit = "-"
	}
	if d.Drafter == "" {
		d.Drafter = "-"
	}
	err := d.ValidateNew()
	d.DraftUnit, d.Drafter = strings.TrimSpace(unit), strings.TrimSpace(drafter)
	if err != nil {
		return err
	}
	switch {
	case d.Direction == Incoming && d.Serial != "":
		y, n, ok := ParseSerial(d.Serial)
		if !ok {
			return Errorf(EINVALID, "收文编号“%s”无法识别，应为“年度-序号”（如 %s）或序号", Excerpt(d.Serial), IncomingSerial(d.Year, 12))
		}
		if y != 0 {
			d.Year = y
		}
		d.Serial = IncomingSerial(d.Year, n)
	case d.Direction == Outgoing && no.Serial > 0:
		d.DocNo, d.Serial, d.Year = no.String(), no.String(), no.Year
	case d.Direction == Outgoing:
		d.Serial = ""
	}
	if d.LimitWorkdays < 0 || d.LimitWorkdays > 365 {
		return Errorf(EINVALID, "办理时限应为1到365个工作日")
	}
	if d.Direction == Incoming {
		if !d.DoneOn.IsZero() && d.DoneOn.Before(d.ReceivedOn) {
			return Errorf(EINVALID, "办结日期（%s）不能早于收文日期（%s）", d.DoneOn, d.ReceivedOn)
		}
		if d.LeadUnit != "" && d.DueOn.IsZero() && d.LimitWorkdays > 0 {
			due, warn := cal.AddWorkdays(d.ReceivedOn, d.LimitWorkdays)
			d.DueOn, d.DueUncertain = due, warn != nil
		}
	}
	if d.Status == StatusArchived && d.Archive.IsZero() {
		return Errorf(EINVALID, "已归档的公文请填写档号")
	}
	if !d.Archive.IsZero() {
		if err := d.Archive.Validate(); err != nil {
			return err
		}
	}
	for i := range d.Instructions {
		in := &d.Instructions[i]
		if in.Role == "" {
			in.Role = RoleOther
			if r, ok := roles[in.Leader]; ok {
				in.Role = r
			}
		}
		if in.On.IsZero() {
			in.On = d.ReceivedOn
		}
	}
	return nil
}

func documentSlots(d *Document) []slot {
	var s []slot
	switch {
	case d.Direction == Incoming:
		_, n, _ := ParseSerial(d.Serial)
		s = append(s, slot{counter: fmt.Sprintf("in:%d", d.Year), n: n, what: "收文编号" + d.Serial, lookedUp: true,
			set: func(n int) { d.Serial = IncomingSerial(d.Year, n) }})
	case d.Serial != "":
		no, _ := ParseDocNo(d.Serial)
		s = append(s, slot{counter: fmt.Sprintf("out:%s:%d", no.Code, no.Year), n: no.Serial, what: "发文字号" + d.Serial, lookedUp: true})
	}
	if a := d.Archive; !a.IsZero() {
		s = append(s, slot{counter: fmt.Sprintf("archive:%d:%s", a.Year, a.Retention), n: a.Piece, what: "档号" + a.Number()})
	}
	return s
}
