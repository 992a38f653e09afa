package data

import (
	"testing"

	"gongwen/app"
)

// BenchmarkListPage reads one page (100 rows, as the window's tables ask)
// of each book with its total, as the window asks for it: the default
// view, each column a header click sorts by, the quick views of the 工作台
// and the filter bar's filters, and the last page of 收文 (scrolled to the
// end). Target: ≤ 20 ms each.
func BenchmarkListPage(b *testing.B) {
	s, today := benchStore(b)
	q := benchQuery(today)
	page := app.Page{Limit: 100}
	_, inTotal, err := s.Documents(ctx, app.DocumentFilter{Direction: app.Incoming, Page: app.Page{Limit: 1}})
	if err != nil {
		b.Fatal(err)
	}
	month := today.FirstOfMonth().AddDays(-1).FirstOfMonth()
	type listCase struct {
		name string
		read func() (int, error)
	}
	var cases []listCase
	doc := func(name string, f app.DocumentFilter) {
		if f.Sort == "" {
			f.Sort, f.Desc = "serial", true
		}
		if f.Page.Limit == 0 {
			f.Page = page
		}
		cases = append(cases, listCase{name, func() (int, error) { _, n, err := s.Documents(ctx, f); return n, err }})
	}
	seal := func(name string, f app.SealFilter) {
		if f.Sort == "" {
			f.Sort, f.Desc = "number", true
		}
		f.Page = page
		cases = append(cases, listCase{name, func() (int, error) { _, n, err := s.SealRequests(ctx, f); return n, err }})
	}
	item := func(name string, f app.ItemFilter) {
		if f.Sort == "" {
			f.Sort, f.Desc = "number", true
		}
		f.Page = page
		cases = append(cases, listCase{name, func() (int, error) { _, n, err := s.Items(ctx, f); return n, err }})
	}
	meeting := func(name string, f app.MeetingFilter) {
		if f.Sort == "" {
			f.Sort, f.Desc = "date", true
		}
		f.Page = page
		cases = append(cases, listCase{name, func() (int, error) { _, n, err := s.Meetings(ctx, f); return n, err }})
	}
	in, out := app.Incoming, app.Outgoing
	doc("收文/first-page", app.DocumentFilter{Direction: in})
	doc("收文/last-page", app.DocumentFilter{Direction: in, Page: app.Page{Offset: inTotal - 100, Limit: 100}})
	for _, key := range []string{"received_on", "title", "from_unit", "status", "due_on"} {
		doc("收文/sort-"+key, app.DocumentFilter{Direction: in, Sort: key})
	}
	doc("收文/overdue", app.DocumentFilter{Direction: in, DueBefore: q.Today})
	doc("收文/due-soon", app.DocumentFilter{Direction: in, DueFrom: q.Today, DueTo: q.WarnUntil})
	doc("收文/awaiting-proposal", app.DocumentFilter{Direction: in, Statuses: []app.DocStatus{app.StatusRegistered}})
	doc("收文/assigned", app.DocumentFilter{Direction: in, Statuses: []app.DocStatus{app.StatusAssigned}})
	doc("收文/unreturned", app.DocumentFilter{Direction: in, Unreturned: true})
	doc("收文/year", app.DocumentFilter{Direction: in, Year: today.Year - 1})
	doc("收文/old-year-status", app.DocumentFilter{Direction: in, Year: today.Year - 8, Statuses: []app.DocStatus{app.StatusArchived}, Sort: "received_on", Desc: true})
	doc("收文/urgency", app.DocumentFilter{Direction: in, Urgency: app.UrgencyVeryUrgent})
	doc("收文/unit", app.DocumentFilter{Direction: in, Unit: "财政"})
	doc("收文/dates", app.DocumentFilter{Direction: in, From: month, To: month.LastOfMonth(), Sort: "received_on"})
	doc("收文/text-4-char", app.DocumentFilter{Direction: in, Text: "安全生产"})
	doc("收文/text-2-char", app.DocumentFilter{Direction: in, Text: "安全"})
	doc("收文/text-1-char", app.DocumentFilter{Direction: in, Text: "区"})
	doc("收文/text-rare", app.DocumentFilter{Direction: in, Text: "防汛 2019"})
	doc("收文/text-and-year", app.DocumentFilter{Direction: in, Text: "安全", Year: today.Year - 1})
	doc("收文/text-sorted-by-title", app.DocumentFilter{Direction: in, Text: "安全", Sort: "title"})
	doc("收文/middle-page-by-title", app.DocumentFilter{Direction: in, Sort: "title", Page: app.Page{Offset: inTotal / 2, Limit: 100}})
	doc("收文/middle-page-by-due_on-desc", app.DocumentFilter{Direction: in, Sort: "due_on", Desc: true, Page: app.Page{Offset: inTotal / 2, Limit: 100}})
	doc("收文/awaiting-proposal-by-date", app.DocumentFilter{Direction: in, Statuses: []app.DocStatus{app.StatusRegistered}, Sort: "received_on", Desc: true})
	doc("发文/first-page", app.DocumentFilter{Direction: out})
	doc("发文/in-progress", app.DocumentFilter{Direction: out, Statuses: []app.DocStatus{app.StatusDrafted, app.StatusChecked, app.StatusReviewed, app.StatusSigned}})
	doc("发文/year", app.DocumentFilter{Direction: out, Year: today.Year - 3})
	for _, key := range []string{"received_on", "title", "status"} {
		doc("发文/sort-"+key, app.DocumentFilter{Direction: out, Sort: key})
	}
	seal("用印/first-page", app.SealFilter{})
	for _, key := range []string{"requested_on", "used_on", "unit"} {
		seal("用印/sort-"+key, app.SealFilter{Sort: key})
	}
	seal("用印/awaiting", app.SealFilter{Statuses: []app.SealStatus{app.SealSubmitted, app.SealReviewed}})
	seal("用印/year", app.SealFilter{Year: today.Year - 2})
	seal("用印/log-month", app.SealFilter{Statuses: []app.SealStatus{app.SealUsed}, UsedFrom: month, UsedTo: month.LastOfMonth(), Sort: "used_on"})
	item("督查/first-page", app.ItemFilter{})
	for _, key := range []string{"deadline", "assigned_on", "lead_unit"} {
		item("督查/sort-"+key, app.ItemFilter{Sort: key})
	}
	item("督查/red", app.ItemFilter{DeadlineBefore: q.Today})
	item("督查/blue", app.ItemFilter{DeadlineFrom: q.WarnUntil.AddDays(1)})
	item("督查/done", app.ItemFilter{Statuses: []app.ItemStatus{app.ItemDone}})
	item("督查/year-source", app.ItemFilter{Year: today.Year - 1, SourceType: app.SourceNPC})
	item("督查/unit", app.ItemFilter{Unit: "教育"})
	item("督查/text-2-char", app.ItemFilter{Text: "安全"})
	meeting("会议/first-page", app.MeetingFilter{})
	meeting("会议/sort-kind", app.MeetingFilter{Sort: "kind"})
	meeting("会议/year", app.MeetingFilter{Year: today.Year - 1})
	meeting("会议/this-week", app.MeetingFilter{From: q.WeekFrom, To: q.WeekTo})
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			total := 0
			for b.Loop() {
				n, err := c.read()
				if err != nil {
					b.Fatal(err)
				}
				total = n
			}
			b.ReportMetric(float64(total), "rows")
		})
	}
}

// benchQuery is the 工作台's query on day, as app.Desk makes it with the
// default of 3 working days' warning.
func benchQuery(day app.Date) app.DashboardQuery {
	monday := day.AddDays(-((int(day.Weekday()) + 6) % 7))
	return app.DashboardQuery{Today: day, WarnUntil: app.WarnUntil(day, app.NewCalendar(nil, nil), 3), WeekFrom: monday, WeekTo: monday.AddDays(6)}
}

// BenchmarkDashboard counts everything the 工作台 shows (one statement);
// with-lists adds the two short lists under the counts. Target: ≤ 50 ms.
func BenchmarkDashboard(b *testing.B) {
	s, today := benchStore(b)
	q := benchQuery(today)
	dash, err := s.Dashboard(ctx, q)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("工作台 on %s: %+v", today, dash)
	b.Run("counts", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Dashboard(ctx, q); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("with-lists", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Dashboard(ctx, q); err != nil {
				b.Fatal(err)
			}
			if _, _, err := s.Documents(ctx, app.DocumentFilter{Direction: app.Incoming, DueBefore: q.Today, Sort: "due_on", Page: app.Page{Limit: 8}}); err != nil {
				b.Fatal(err)
			}
			if _, _, err := s.Items(ctx, app.ItemFilter{DeadlineBefore: q.Today, Sort: "deadline", Page: app.Page{Limit: 8}}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
