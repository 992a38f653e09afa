package app

import (
	"testing"
	"time"
)

func TestReportDue(t *testing.T) {
	it := newItem() // assigned 2026-10-09
	if !it.ReportDueOn().IsZero() || it.ReportLate(MustDate("2027-01-01")) {
		t.Errorf("an item reported only when done is never late with a report")
	}
	tests := []struct{ every, due string }{{"每周", "2026-10-16"}, {"每半月", "2026-10-24"}, {"每月", "2026-11-09"}}
	for _, tt := range tests {
		it.ReportEvery = tt.every
		if got := it.ReportDueOn(); got != MustDate(tt.due) {
			t.Errorf("%s: due %s, want %s", tt.every, got, tt.due)
		}
	}
	it.ReportEvery = "每周"
	if it.ReportLate(MustDate("2026-10-16")) || !it.ReportLate(MustDate("2026-10-17")) {
		t.Errorf("a weekly report is late the day after it was due")
	}
	// a report restarts the clock
	if err := it.AddProgress(Progress{On: MustDate("2026-10-15"), Text: "已摸底"}); err != nil {
		t.Fatal(err)
	}
	if it.ReportLate(MustDate("2026-10-20")) || !it.ReportLate(MustDate("2026-10-23")) {
		t.Errorf("after a report on 10-15 the next is due 10-22, got %s", it.ReportDueOn())
	}
	// a monthly report after the 31st is due on the next month's last day
	it.ReportEvery, it.Progress = "每月", []Progress{{On: MustDate("2026-10-31"), Text: "x"}}
	if got := it.ReportDueOn(); got != MustDate("2026-11-30") {
		t.Errorf("monthly after 10-31: %s, want 2026-11-30", got)
	}
	_ = it.Complete("完成", MustDate("2026-11-02"))
	if it.ReportLate(MustDate("2027-01-01")) {
		t.Errorf("a done item owes no report")
	}
}

func TestNextSlip(t *testing.T) {
	cal := NewCalendar(nil, nil)
	it := newItem() // deadline 2026-11-30 (Monday)
	const warn, chase = 3, 5
	next := func(day string, sent ...SlipSent) SlipKind {
		return it.NextSlip(MustDate(day), cal, warn, chase, sent)
	}
	if got := next("2026-11-20"); got != "" {
		t.Errorf("blue item: %q, want nothing", got)
	}
	// yellow, no progress since assignment: a 催办单
	if got := next("2026-11-25"); got != SlipReminder {
		t.Errorf("yellow and quiet: %q, want 催办单", got)
	}
	// progress 4 working days ago (11-19): not yet
	it.Progress = []Progress{{On: MustDate("2026-11-19"), Text: "推进中"}}
	if got := next("2026-11-25"); got != "" {
		t.Errorf("progress 4 working days ago: %q, want nothing", got)
	}
	if got := next("2026-11-26"); got != SlipReminder {
		t.Errorf("progress 5 working days ago: %q, want 催办单", got)
	}
	// a 催办单 sent restarts the count; the 交办单 does not
	if got := next("2026-11-26", SlipSent{Kind: SlipReminder, On: MustDate("2026-11-25")}); got != "" {
		t.Errorf("催办单 sent yesterday: %q, want nothing", got)
	}
	if got := next("2026-11-26", SlipSent{Kind: SlipAssign, On: MustDate("2026-11-25")}); got != SlipReminder {
		t.Errorf("交办单 yesterday: %q, want 催办单", got)
	}
	// red: a 督办通知单, until one is sent after it turned red
	if got := next("2026-12-02", SlipSent{Kind: SlipNotice, On: MustDate("2026-11-20")}); got != SlipNotice {
		t.Errorf("red, notice sent before the deadline: %q, want 督办通知单", got)
	}
	if got := next("2026-12-09", SlipSent{Kind: SlipNotice, On: MustDate("2026-12-01")}); got != "" {
		t.Errorf("red, notice sent the day it turned red: %q, want nothing", got)
	}
	_ = it.Complete("完成", MustDate("2026-12-10"))
	if got := next("2026-12-11"); got != "" {
		t.Errorf("done item: %q", got)
	}
}

func TestCanSend(t *testing.T) {
	it := newItem()
	day := MustDate("2026-11-25")
	if err := it.CanSend(SlipNotice, day); ErrorCode(err) != ESTATE {
		t.Errorf("notice for an item not overdue: %v", err)
	}
	for _, k := range []SlipKind{SlipAssign, SlipReminder} {
		if err := it.CanSend(k, day); err != nil {
			t.Errorf("%s: %v", k, err)
		}
	}
	if err := it.CanSend(SlipNotice, MustDate("2026-12-01")); err != nil {
		t.Errorf("notice for a red item: %v", err)
	}
	_ = it.Complete("完成", day)
	if err := it.CanSend(SlipReminder, day); ErrorCode(err) != ESTATE {
		t.Errorf("reminder for a done item: %v", err)
	}
	if err := it.CanSend(SlipAssign, day); err != nil {
		t.Errorf("a done item's 交办单 can still be printed: %v", err)
	}
}

func TestSlipsSent(t *testing.T) {
	at := time.Date(2026, 11, 25, 10, 0, 0, 0, time.Local)
	h := []HistoryEntry{
		{Action: "立项", At: at},
		{Action: "印发交办单", Detail: "督〔2026〕1号", At: at},
		{Action: "进展反馈", At: at},
		{Action: "印发催办单", Detail: "催〔2026〕4号", At: at.AddDate(0, 0, 1)},
	}
	got := SlipsSent(h)
	if len(got) != 2 || got[0].Kind != SlipAssign || got[1].Number != "催〔2026〕4号" || got[1].On != MustDate("2026-11-26") {
		t.Fatalf("slips: %+v", got)
	}
	if l := got[1].Label(); l != "2026年11月26日　催办单　催〔2026〕4号" {
		t.Errorf("label %q", l)
	}
}

func TestChaseAfterRule(t *testing.T) {
	r := DefaultRules()
	if r.ChaseAfterDays() != 5 || (Rules{}).ChaseAfterDays() != 5 {
		t.Errorf("default N is 5")
	}
	r.ChaseAfter = 61
	if r.Validate() == nil {
		t.Errorf("61 working days accepted")
	}
}
