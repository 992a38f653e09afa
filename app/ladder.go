package app

import (
	"context"
	"fmt"
	"strings"
)

// SlipKind is one rung of the 交办 → 催办 → 督办 ladder: the paper the
// 督查室 sends the lead unit of an item.
type SlipKind string

const (
	SlipAssign   SlipKind = "交办单"
	SlipReminder SlipKind = "催办单"
	SlipNotice   SlipKind = "督办通知单"
)

// SlipKinds in the order of the ladder.
var SlipKinds = []SlipKind{SlipAssign, SlipReminder, SlipNotice}

// Title is the form's name on paper.
func (k SlipKind) Title() string {
	if k == SlipNotice {
		return "督办通知单"
	}
	return "督查事项" + string(k)
}

// action is the history entry that records a slip sent.
func (k SlipKind) action() string { return "印发" + string(k) }

// ReplyWorkdays is how many working days a unit has to answer a 催办单 or a
// 督办通知单.
const ReplyWorkdays = 3

// DefaultChaseAfter is the default of Rules.ChaseAfter.
const DefaultChaseAfter = 5

// ChaseAfterDays is the number of working days without progress after which
// a yellow item is due a 催办单.
func (r Rules) ChaseAfterDays() int {
	if r.ChaseAfter <= 0 {
		return DefaultChaseAfter
	}
	return r.ChaseAfter
}

// ReminderNumber formats a 催办单's number: 催〔2026〕3号.
func ReminderNumber(year, seq int) string { return fmt.Sprintf("催〔%d〕%d号", year, seq) }

// SlipSent is a slip printed as the one sent to the unit.
type SlipSent struct {
	Kind   SlipKind
	Number string // the 催办单's own number; the item's for the others
	On     Date
}

// Label is how the item's detail names it: 2026年3月2日 催办单 催〔2026〕3号.
func (s SlipSent) Label() string {
	return strings.TrimSpace(s.On.Chinese() + "　" + string(s.Kind) + "　" + s.Number)
}

// SlipsSent reads the ladder from an item's history, oldest first.
func SlipsSent(history []HistoryEntry) []SlipSent {
	var out []SlipSent
	for _, h := range history {
		for _, k := range SlipKinds {
			if h.Action == k.action() {
				out = append(out, SlipSent{Kind: k, Number: h.Detail, On: DateOf(h.At)})
			}
		}
	}
	return out
}

// LastProgressOn is the day of the unit's last feedback, else the day the
// item was assigned.
func (it *Item) LastProgressOn() Date {
	last := it.AssignedOn
	for _, p := range it.Progress {
		if p.On.After(last) {
			last = p.On
		}
	}
	return last
}

// ReportDueOn is the day the unit's next progress report is due, by the
// item's ReportEvery (每周, 每半月, 每月); zero when the unit reports only
// when done, or the item is done.
func (it *Item) ReportDueOn() Date {
	if it.Status == ItemDone {
		return Date{}
	}
	last := it.LastProgressOn()
	switch it.ReportEvery {
	case "每周":
		return last.AddDays(7)
	case "每半月":
		return last.AddDays(15)
	case "每月":
		t := last.Time().AddDate(0, 1, 0)
		if t.Day() != last.Day { // 1月31日 + 一个月: the month's last day
			t = t.AddDate(0, 0, -t.Day())
		}
		return DateOf(t)
	}
	return Date{}
}

// ReportLate says whether the unit is late with its progress report on day:
// the report was due before day and none came.
func (it *Item) ReportLate(day Date) bool {
	due := it.ReportDueOn()
	return !due.IsZero() && due.Before(day)
}

// NextSlip is the rung of the ladder due on day, or "" when none is: a
// 催办单 when the item is yellow and the unit has given no progress for
// chaseAfter working days (nor been sent a 催办单 in that time), a 督办通知单
// when it is red and none was sent since it turned red.
func (it *Item) NextSlip(day Date, cal *Calendar, warnDays, chaseAfter int, sent []SlipSent) SlipKind {
	switch it.ColourOn(day, cal, warnDays) {
	case ColourYellow:
		quiet := it.LastProgressOn()
		for _, s := range sent {
			if s.Kind != SlipAssign && s.On.After(quiet) {
				quiet = s.On
			}
		}
		if cal.WorkdaysBetween(quiet, day) >= chaseAfter {
			return SlipReminder
		}
	case ColourRed:
		redSince := it.CurrentDeadline().AddDays(1)
		for _, s := range sent {
			if s.Kind == SlipNotice && !s.On.Before(redSince) {
				return ""
			}
		}
		return SlipNotice
	}
	return ""
}

// CanSend says why this slip cannot be printed for the item now, or nil.
func (it *Item) CanSend(kind SlipKind, day Date) error {
	switch kind {
	case SlipAssign:
		return nil
	case SlipReminder, SlipNotice:
		if it.Status == ItemDone {
			return Errorf(ESTATE, "督办事项%s已办结销号，不再%s", it.Number, map[SlipKind]string{SlipReminder: "催办", SlipNotice: "督办"}[kind])
		}
		if kind == SlipNotice && !it.CurrentDeadline().Before(day) {
			return Errorf(ESTATE, "督办通知单只用于已超过时限（红色）的事项；督办事项%s的时限是%s，尚未逾期，请用催办单", it.Number, it.CurrentDeadline().Chinese())
		}
		return nil
	}
	return Errorf(EINVALID, "没有“%s”这种督查文书", kind)
}

// SlipPrint is what a slip prints besides the item: its number, the day it
// is dated, the reply date asked, and the ladder so far.
type SlipPrint struct {
	Kind    SlipKind
	Number  string // empty on a 催办单 not printed as sent: the number is left blank
	On      Date
	ReplyBy Date       // 催办单 and 督办通知单
	Sent    []SlipSent // sent before this one
	// the source quoted on the 交办单: the 批示 with its leader and date,
	// or the meeting's decision
	SourceQuote, SourceBy string
}

// OverdueDays is how many calendar days past its current deadline the item
// is on day (0 when it is not).
func (it *Item) OverdueDays(day Date) int {
	if d := it.CurrentDeadline(); d.Before(day) {
		return d.DaysUntil(day)
	}
	return 0
}

// ItemSlips lists the slips sent for an item.
func (k *Desk) ItemSlips(ctx context.Context, id int64) ([]SlipSent, error) {
	h, err := k.Store.History(ctx, EntityItem, id)
	if err != nil {
		return nil, err
	}
	return SlipsSent(h), nil
}

// PrepareSlip gets a slip ready to print; the item must allow that slip
// today (CanSend). Printed as sent, it is recorded in the item's history in
// one transaction, and a 催办单 takes the next number of the year's counter
// (催〔2026〕N号, no gaps: a failed print returns it). print runs inside that
// transaction, so a slip that fails to print is not recorded as sent.
func (k *Desk) PrepareSlip(ctx context.Context, id int64, kind SlipKind, sent bool, print func(*Item, SlipPrint) error) error {
	today := k.Today()
	before, err := k.ItemSlips(ctx, id)
	if err != nil {
		return err
	}
	do := func(tx Tx, it *Item) error {
		if err := it.CanSend(kind, today); err != nil {
			return err
		}
		sp := SlipPrint{Kind: kind, On: today, Sent: before}
		switch kind {
		case SlipAssign:
			if sp.SourceQuote, sp.SourceBy, err = k.slipSource(ctx, tx, it); err != nil {
				return err
			}
			sp.On, sp.Number = it.AssignedOn, it.Number
		case SlipNotice:
			sp.Number = it.Number
			sp.ReplyBy, _ = k.Calendar().AddWorkdays(today, ReplyWorkdays)
		case SlipReminder: // its number is taken below, when it is sent
			sp.ReplyBy, _ = k.Calendar().AddWorkdays(today, ReplyWorkdays)
		}
		if sent && tx != nil {
			if kind == SlipReminder {
				n, err := tx.NextNumber(fmt.Sprintf("reminder:%d", today.Year))
				if err != nil {
					return err
				}
				sp.Number = ReminderNumber(today.Year, n)
			}
			if err := tx.AddHistory(HistoryEntry{Entity: EntityItem, EntityID: id, At: k.Now(), Operator: k.Operator(ctx), Action: kind.action(), Detail: sp.Number}); err != nil {
				return err
			}
		}
		return print(it, sp)
	}
	if !sent {
		it, err := k.Store.Item(ctx, id)
		if err != nil {
			return err
		}
		return do(nil, it)
	}
	return k.Store.Update(ctx, func(tx Tx) error {
		it, err := tx.Item(id)
		if err != nil {
			return err
		}
		return do(tx, it)
	})
}

// slipSource finds the words the item came from: the leader's 批示 on its
// document (the one the item quotes, else the last), or its meeting's
// decision. Inside a write (tx not nil) it reads through the transaction.
func (k *Desk) slipSource(ctx context.Context, tx Tx, it *Item) (quote, by string, err error) {
	document := func(id int64) (*Document, error) { return k.Store.Document(ctx, id) }
	meeting := func(id int64) (*Meeting, error) { return k.Store.Meeting(ctx, id) }
	if tx != nil {
		document, meeting = tx.Document, tx.Meeting
	}
	switch {
	case it.SourceDocID != 0:
		d, err := document(it.SourceDocID)
		if err != nil || len(d.Instructions) == 0 {
			return "", "", err
		}
		in := d.Instructions[len(d.Instructions)-1]
		for _, x := range d.Instructions {
			if x.Text == it.Content {
				in = x
			}
		}
		return in.Text, strings.TrimSpace(in.Leader + "　" + in.On.Chinese()), nil
	case it.SourceMeetingID != 0:
		m, err := meeting(it.SourceMeetingID)
		if err != nil {
			return "", "", err
		}
		for _, dec := range m.Decisions {
			if dec.ItemID == it.ID {
				return dec.Content, m.Name() + "　" + m.Date.Chinese(), nil
			}
		}
		return "", m.Name() + "　" + m.Date.Chinese(), nil
	}
	return "", "", nil
}

// LadderStep is an open item whose unit is due a slip or late with its
// progress report.
type LadderStep struct {
	Item       Item
	Colour     Colour
	Next       SlipKind // "" when only the report is late
	ReportDue  Date     // the report was due on this day and did not come
	ReportLate bool
}

// Reason says in a few words why the item is listed.
func (s LadderStep) Reason() string {
	var parts []string
	switch s.Next {
	case SlipReminder:
		parts = append(parts, "临期且久无进展，应发催办单")
	case SlipNotice:
		parts = append(parts, "已逾期，应发督办通知单")
	}
	if s.ReportLate {
		parts = append(parts, "进展报告"+s.ReportDue.Chinese()+"到期未报")
	}
	return strings.Join(parts, "；")
}

// StepOf is where an item stands on the ladder today, with the slips sent.
func (k *Desk) StepOf(ctx context.Context, it *Item) (LadderStep, []SlipSent, error) {
	var sent []SlipSent
	if it.ID != 0 {
		var err error
		if sent, err = k.ItemSlips(ctx, it.ID); err != nil {
			return LadderStep{}, nil, err
		}
	}
	return k.stepOf(it, sent), sent, nil
}

// stepOf is where an item stands today, given the slips sent for it.
func (k *Desk) stepOf(it *Item, sent []SlipSent) LadderStep {
	today, cal, rules := k.Today(), k.Calendar(), k.Settings().Rules
	step := LadderStep{Item: *it, Colour: it.ColourOn(today, cal, rules.WarnDays), ReportLate: it.ReportLate(today), ReportDue: it.ReportDueOn()}
	step.Next = it.NextSlip(today, cal, rules.WarnDays, rules.ChaseAfterDays(), sent)
	return step
}

// LadderDue lists the open items whose next step is due today or whose unit
// is late with its report, reds first, then by deadline.
func (k *Desk) LadderDue(ctx context.Context) ([]LadderStep, error) {
	items, err := All(func(p Page) ([]Item, int, error) {
		return k.Store.Items(ctx, ItemFilter{Statuses: []ItemStatus{ItemOpen}, Sort: "deadline", Page: p})
	})
	if err != nil {
		return nil, err
	}
	// The slips sent matter only for a yellow or red item: their history
	// is read in one go, not item by item on every refresh of 工作台.
	today, cal, warn := k.Today(), k.Calendar(), k.Settings().Rules.WarnDays
	var late []int64
	for i := range items {
		if c := items[i].ColourOn(today, cal, warn); c == ColourYellow || c == ColourRed {
			late = append(late, items[i].ID)
		}
	}
	histories, err := k.Store.Histories(ctx, EntityItem, late)
	if err != nil {
		return nil, err
	}
	var red, rest []LadderStep
	for i := range items {
		step := k.stepOf(&items[i], SlipsSent(histories[items[i].ID]))
		switch {
		case step.Next == "" && !step.ReportLate:
		case step.Colour == ColourRed:
			red = append(red, step)
		default:
			rest = append(rest, step)
		}
	}
	return append(red, rest...), nil
}
