package app_test

import (
	"errors"
	"testing"
	"time"

	"gongwen/app"
)

// Slips printed as sent are kept in the item's history; a 催办单 takes the
// year's next number, and a print that fails records nothing and leaves no
// gap.
func TestSlipsSentRecorded(t *testing.T) {
	desk, _, now := newDesk(t) // 2026-01-05
	it := &app.Item{Title: "推进老旧小区改造", LeadUnit: "区住建局", AssignedOn: desk.Today(), Deadline: app.D(2026, 1, 8), ReportEvery: "每周"}
	must(t, desk.CreateItem(ctx, it))
	var printed []app.SlipPrint
	keep := func(_ *app.Item, sp app.SlipPrint) error { printed = append(printed, sp); return nil }

	must(t, desk.PrepareSlip(ctx, it.ID, app.SlipAssign, true, keep))
	must(t, desk.PrepareSlip(ctx, it.ID, app.SlipReminder, false, keep)) // a preview: no number, nothing recorded
	must(t, desk.PrepareSlip(ctx, it.ID, app.SlipReminder, true, keep))
	err := desk.PrepareSlip(ctx, it.ID, app.SlipReminder, true, func(*app.Item, app.SlipPrint) error { return errors.New("打印机没有纸") })
	if err == nil {
		t.Fatal("a failed print was not reported")
	}
	*now = now.AddDate(0, 0, 1)
	must(t, desk.PrepareSlip(ctx, it.ID, app.SlipReminder, true, keep))
	if err := desk.PrepareSlip(ctx, it.ID, app.SlipNotice, true, keep); app.ErrorCode(err) != app.ESTATE {
		t.Errorf("notice for an item not overdue: %v", err)
	}

	mustEqual(t, "preview number", printed[1].Number, "")
	mustEqual(t, "first reminder", printed[2].Number, "催〔2026〕1号")
	mustEqual(t, "after a failed print", printed[3].Number, "催〔2026〕2号")
	mustEqual(t, "reply by", printed[3].ReplyBy, app.D(2026, 1, 9))
	slips, err := desk.ItemSlips(ctx, it.ID)
	must(t, err)
	mustEqual(t, "ladder", slips, []app.SlipSent{
		{Kind: app.SlipAssign, Number: it.Number, On: app.D(2026, 1, 5)},
		{Kind: app.SlipReminder, Number: "催〔2026〕1号", On: app.D(2026, 1, 5)},
		{Kind: app.SlipReminder, Number: "催〔2026〕2号", On: app.D(2026, 1, 6)},
	})
	// the printed slip lists what went out before it
	mustEqual(t, "sent before the slip", len(printed[3].Sent), 2)

	// on 01-09 the item is red: 工作台 lists it for a 督办通知单, and its
	// weekly report (due 01-12) is not late yet
	*now = time.Date(2026, 1, 9, 9, 0, 0, 0, time.Local)
	steps, err := desk.LadderDue(ctx)
	must(t, err)
	if len(steps) != 1 || steps[0].Next != app.SlipNotice || steps[0].ReportLate {
		t.Fatalf("steps on 01-09: %+v", steps)
	}
	must(t, desk.PrepareSlip(ctx, it.ID, app.SlipNotice, true, keep))
	*now = time.Date(2026, 1, 13, 9, 0, 0, 0, time.Local)
	steps, err = desk.LadderDue(ctx)
	must(t, err)
	if len(steps) != 1 || steps[0].Next != "" || !steps[0].ReportLate || steps[0].Reason() != "进展报告2026年1月12日到期未报" {
		t.Fatalf("steps on 01-13: %+v", steps)
	}
}
