package app

import (
	"strings"
	"testing"
)

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

func TestRankUnits(t *testing.T) {
	units := []UnitTally{
		{Unit: "区乙局", DoneOnTime: 1, DoneLate: 2, Open: 0, Overdue: 1}, // on time 1/3, done 3/4
		{Unit: "区甲局", DoneOnTime: 2, DoneLate: 4, Open: 2, Overdue: 0}, // on time 2/6 ties 1/3, done 6/8 ties 3/4: by name
		{Unit: "区丙局", DoneOnTime: 0, DoneLate: 0, Open: 1, Overdue: 2}, // nothing done: last
		{Unit: "区丁局", DoneOnTime: 1, DoneLate: 2, Open: 2, Overdue: 0}, // on time 1/3, done 3/5: after 3/4
		{Unit: "区戊局", DoneOnTime: 1, DoneLate: 0, Open: 3, Overdue: 0}, // on time 100%, done 25%: first
		{Unit: "区己局", DoneOnTime: 0, DoneLate: 0, Open: 1, Overdue: 0}, // nothing done, done 0/1
		{Unit: "区庚局", DoneOnTime: 0, DoneLate: 1, Open: 0, Overdue: 3}, // on time 0%, before any nothing-done unit
	}
	ranked := RankUnits(units)
	var got []string
	for _, u := range ranked {
		got = append(got, u.Unit)
	}
	// ties go by name, in the order of the names' characters (乙 U+4E59
	// before 甲 U+7532, 丙 U+4E19 before 己 U+5DF1)
	want := []string{"区戊局", "区乙局", "区甲局", "区丁局", "区庚局", "区丙局", "区己局"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("ranked %v, want %v", got, want)
	}
	if units[0].Unit != "区乙局" {
		t.Fatal("RankUnits changed its input")
	}
	if u := units[2]; u.Done() != 0 || u.OnTimeRate() != 0 || u.DoneRate() != 0 {
		t.Fatalf("nothing done: %+v", u)
	}

	red, yellow := HonourLists(ranked, 2)
	names := func(us []UnitTally) string {
		var s []string
		for _, u := range us {
			s = append(s, u.Unit)
		}
		return strings.Join(s, " ")
	}
	// 红榜 skips 区乙局 (it has an overdue item); 黄榜 worst first, only
	// units with overdue items
	if names(red) != "区戊局 区甲局" {
		t.Errorf("红榜 %q", names(red))
	}
	if names(yellow) != "区丙局 区庚局" {
		t.Errorf("黄榜 %q", names(yellow))
	}
	if r, y := HonourLists(ranked, 0); r != nil || y != nil {
		t.Error("n = 0 names units")
	}
	if _, y := HonourLists(ranked, 10); len(y) != 3 {
		t.Errorf("黄榜 of 10 holds %d units, want the 3 with overdue items", len(y))
	}
	if r, y := HonourLists(nil, 3); r != nil || y != nil {
		t.Error("no units, yet a list")
	}
}

// The quarterly edition counts 新增 and 办结 over the quarter's three
// months, the rest as the report of its last month.
func TestBuildQuarterlyReport(t *testing.T) {
	cal := NewCalendar(nil, nil)
	items := []Item{
		{LeadUnit: "区财政局", AssignedOn: MustDate("2026-09-30"), Deadline: MustDate("2026-12-31"), Status: ItemOpen},
		{LeadUnit: "区财政局", AssignedOn: MustDate("2026-10-01"), Deadline: MustDate("2026-11-30"), Status: ItemDone, DoneOn: MustDate("2026-11-10")},
		{LeadUnit: "区教育局", AssignedOn: MustDate("2026-11-15"), Deadline: MustDate("2027-03-01"), Status: ItemOpen},
		{LeadUnit: "区教育局", AssignedOn: MustDate("2026-12-31"), Deadline: MustDate("2027-03-01"), Status: ItemDone, DoneOn: MustDate("2027-01-05")},
	}
	q := BuildQuarterlyReport(items, 2026, 4, MustDate("2027-01-10"), cal, 3)
	if q.Quarter != 4 || q.Month != 12 || q.AsOf != MustDate("2026-12-31") || q.PeriodStart() != MustDate("2026-10-01") {
		t.Fatalf("quarter %d month %d as of %s from %s", q.Quarter, q.Month, q.AsOf, q.PeriodStart())
	}
	if q.Total != 4 || q.NewThisMonth != 3 || q.Done != 1 || q.DoneThisMonth != 1 {
		t.Fatalf("quarter: total %d new %d done %d (in the quarter %d)", q.Total, q.NewThisMonth, q.Done, q.DoneThisMonth)
	}
	if m := BuildMonthlyReport(items, 2026, 12, MustDate("2027-01-10"), cal, 3); m.Total != q.Total || m.NewThisMonth != 1 || m.DoneThisMonth != 0 {
		t.Fatalf("December: total %d new %d done in the month %d", m.Total, m.NewThisMonth, m.DoneThisMonth)
	}
}
