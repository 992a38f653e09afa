package app

import "testing"

func TestBuildMonthlyReport(t *testing.T) {
	cal := NewCalendar(nil, nil)
	mk := func(unit string, src SourceType, assigned, deadline, done string) Item {
		it := Item{Title: unit + "事项", LeadUnit: unit, SourceType: src, AssignedOn: MustDate(assigned), Deadline: MustDate(deadline), Status: ItemOpen}
		if done != "" {
			it.Status, it.DoneOn = ItemDone, MustDate(done)
		}
		return it
	}
	items := []Item{
		mk("区住建局", SourceKeyTask, "2026-09-01", "2026-10-20", ""),               // overdue
		mk("区住建局", SourceMeeting, "2026-10-08", "2026-10-30", "2026-10-28"),     // done on time in October
		mk("区财政局", SourceInstruction, "2026-10-10", "2026-10-15", "2026-10-20"), // done late
		mk("区财政局", SourceKeyTask, "2026-10-12", "2026-12-31", ""),               // open, blue
		mk("区财政局", SourceNPC, "2026-10-12", "2026-11-03", ""),                   // open, yellow at month end
		mk("区教育局", SourceKeyTask, "2026-08-01", "2026-09-01", "2026-09-20"),     // done late in September: in the year's count
		mk("区教育局", SourceKeyTask, "2025-08-01", "2025-09-01", "2025-12-20"),     // done before the year: not counted
		mk("区教育局", SourceKeyTask, "2026-11-02", "2026-12-01", ""),               // assigned after October: not counted
		mk("区教育局", SourceLetter, "2026-09-01", "2026-10-10", "2026-11-05"),      // done after the month: overdue then
	}
	r := BuildMonthlyReport(items, 2026, 10, MustDate("2026-11-23"), cal, 3)
	if r.AsOf != MustDate("2026-10-31") {
		t.Fatalf("a past month is judged on its last day, got %s", r.AsOf)
	}
	// Issue 12: the figures 截至 the month's end are cumulative over the
	// year; an item closed in September still counts in October
	if r.Total != 7 || r.NewThisMonth != 4 || r.Done != 3 || r.DoneThisMonth != 2 || r.Overdue != 2 || r.Open != 2 || r.DoneOnTime != 1 {
		t.Fatalf("counts: total %d new %d done %d (this month %d) overdue %d open %d ontime %d", r.Total, r.NewThisMonth, r.Done, r.DoneThisMonth, r.Overdue, r.Open, r.DoneOnTime)
	}
	if r.DoneRate() < 42.8 || r.DoneRate() > 42.9 || r.OnTimeRate() < 33.3 || r.OnTimeRate() > 33.4 {
		t.Fatalf("rates %.2f %.2f", r.DoneRate(), r.OnTimeRate())
	}
	if len(r.OverdueRows) != 2 || r.Rows[0].Colour != ColourRed {
		t.Fatalf("overdue rows first: %+v", r.Rows[0])
	}
	if r.ByUnit[0].Unit != "区住建局" && r.ByUnit[0].Unit != "区教育局" {
		t.Fatalf("units with overdue items first: %+v", r.ByUnit)
	}
	var fin UnitTally
	for _, u := range r.ByUnit {
		if u.Unit == "区财政局" {
			fin = u
		}
	}
	if fin.DoneLate != 1 || fin.Open != 2 || fin.Total() != 3 {
		t.Fatalf("区财政局: %+v", fin)
	}
	// the year's count never falls from one month to the next
	if nov := BuildMonthlyReport(items, 2026, 11, MustDate("2026-11-23"), cal, 3); nov.Done < r.Done || nov.DoneThisMonth != 1 {
		t.Fatalf("November: done %d (this month %d), October %d", nov.Done, nov.DoneThisMonth, r.Done)
	}
	if len(r.BySource) == 0 || r.BySource[0].Source != SourceInstruction {
		t.Fatalf("sources in the order of SourceTypes: %+v", r.BySource)
	}
	yellow := 0
	for _, row := range r.Rows {
		if row.Colour == ColourYellow {
			yellow++
		}
	}
	if yellow != 1 {
		t.Fatalf("one yellow item at month end, got %d", yellow)
	}
}
