package data

import (
	"slices"
	"testing"
	"time"

	"gorm.io/gorm"

	"gongwen/app"
	"gongwen/sample"
)

// planOffice is a hundredth of the large office (800 收文 over ten years):
// enough records for every way of reading a page once the thresholds are
// lowered.
func planOffice(t *testing.T) (*Store, app.Date) {
	t.Helper()
	return planOfficeIn(t, newStore(t))
}

// planOfficeIn loads the plan office into s.
func planOfficeIn(t *testing.T, s *Store) (*Store, app.Date) {
	t.Helper()
	day := app.D(2026, 11, 23)
	desk, err := app.NewDesk(ctx, s, "测试员")
	if err != nil {
		t.Fatal(err)
	}
	desk.Now = func() time.Time { return time.Date(day.Year, time.Month(day.Month), day.Day, 9, 0, 0, 0, time.Local) }
	if loaded, err := sample.LoadLarge(ctx, desk, sample.LargeOptions{Divisor: 100}); err != nil || !loaded {
		t.Fatalf("LoadLarge: %v %v", loaded, err)
	}
	return s, day
}

// plainPage is the reference: the filter's conditions as one WHERE, in the
// order asked, as SQLite reads it by itself; the 关键词 is looked up without
// the books' markers, as before schema 5.
func plainPage(t *testing.T, s *Store, c conds, order string, offset, limit int) (ids []int64, total int) {
	t.Helper()
	if c.match != nil {
		m := *c.match
		m.sub, m.args = m.query.ids("")
		c.match = &m
	}
	var n int64
	if err := c.apply(s.db.Table("documents")).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	if err := c.apply(s.db.Table("documents")).Order(order).Offset(offset).Limit(limit).Pluck("id", &ids).Error; err != nil {
		t.Fatal(err)
	}
	return ids, int(n)
}

// setThresholds lowers the planner's thresholds for one test.
func setThresholds(t *testing.T, rows, few, many int) {
	old := [3]int{fewRows, fewMatches, manyMatches}
	fewRows, fewMatches, manyMatches = rows, few, many
	t.Cleanup(func() { fewRows, fewMatches, manyMatches = old[0], old[1], old[2] })
}

// Each way of reading a page (sqlite_plan.go) gives the same records in the same
// order, and the same total, as the plain query, for filters and sorts of
// every kind and pages at the start, middle and end.
func TestPagePlansAgree(t *testing.T) {
	s, today := planOffice(t)
	in := app.Incoming
	filters := map[string]app.DocumentFilter{
		"book":            {Direction: in},
		"year":            {Direction: in, Year: today.Year - 3},
		"status":          {Direction: in, Statuses: []app.DocStatus{app.StatusArchived}},
		"year-status":     {Direction: in, Year: today.Year - 8, Statuses: []app.DocStatus{app.StatusArchived}},
		"urgency":         {Direction: in, Urgency: app.UrgencyVeryUrgent},
		"unit":            {Direction: in, Unit: "财政"},
		"unreturned":      {Direction: in, Unreturned: true},
		"text-common":     {Direction: in, Text: "区"},
		"text-2":          {Direction: in, Text: "安全"},
		"text-two-words":  {Direction: in, Text: "关于 通知"},
		"text-mixed":      {Direction: in, Text: "区 工作"},
		"text-and-year":   {Direction: in, Text: "工作", Year: today.Year - 1},
		"text-and-status": {Direction: in, Text: "区", Statuses: []app.DocStatus{app.StatusArchived}},
		"text-none":       {Direction: in, Text: "不存在的词语"},
		"outgoing-year":   {Direction: app.Outgoing, Year: today.Year - 2},
		"outgoing-text":   {Direction: app.Outgoing, Text: "通知"},
		"both-books-text": {Text: "通知"},
	}
	sorts := []struct {
		key  string
		desc bool
	}{{"serial", true}, {"received_on", true}, {"title", false}, {"from_unit", true}, {"due_on", false}, {"due_on", true}, {"status", false}}
	// thresholds: as shipped, then low enough for every other way
	for _, th := range [][3]int{{fewRows, fewMatches, manyMatches}, {50, 10, 100}, {0, 0, 0}, {1 << 30, 1 << 30, 1 << 30}} {
		setThresholds(t, th[0], th[1], th[2])
		for name, f := range filters {
			for _, so := range sorts {
				c := documentConds(f)
				order := docBook.order(so.key, so.desc)
				err := s.db.Transaction(func(db *gorm.DB) error {
					plan, err := countPage(db, "documents", c)
					if err != nil {
						return err
					}
					_, want := plainPage(t, s, c, order, 0, 1)
					if plan.total != want {
						t.Errorf("%v %s by %s: total %d, plain query %d", th, name, order, plan.total, want)
					}
					for _, offset := range []int{0, want / 2, max(want-7, 0)} {
						got, err := pageIDs(db, "documents", c, order, plan, offset, 20)
						if err != nil {
							return err
						}
						wantIDs, _ := plainPage(t, s, c, order, offset, 20)
						if !slices.Equal(got, wantIDs) {
							t.Errorf("%v %s by %s at %d: %v, plain query %v", th, name, order, offset, got, wantIDs)
						}
					}
					return nil
				})
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
			}
		}
	}
}

// The filters reach every way of reading a page at the lowered thresholds,
// so that TestPagePlansAgree compares them all.
func TestPagePlansAreReached(t *testing.T) {
	s, _ := planOffice(t)
	setThresholds(t, 50, 10, 100)
	for _, c := range []struct {
		name    string
		f       app.DocumentFilter
		matches func(pagePlan) bool
	}{
		{"few matches", app.DocumentFilter{Direction: app.Incoming, Text: "不存在的词语 区"}, func(p pagePlan) bool { return p.matches <= fewMatches }},
		{"many matches", app.DocumentFilter{Direction: app.Incoming, Text: "安全"}, func(p pagePlan) bool { return p.matches > fewMatches && !p.inverse }},
		{"most of the book", app.DocumentFilter{Direction: app.Incoming, Text: "区"}, func(p pagePlan) bool { return p.inverse }},
		{"few rows", app.DocumentFilter{Direction: app.Incoming, Statuses: []app.DocStatus{app.StatusRegistered}}, func(p pagePlan) bool { return p.total <= fewRows }},
	} {
		plan, err := countPage(s.db, "documents", documentConds(c.f))
		if err != nil {
			t.Fatal(err)
		}
		if !c.matches(plan) {
			t.Errorf("%s: %+v", c.name, plan)
		}
	}
}

// Every record carries its book's markers in the search index: the 关键词
// filter of a book counts from them.
func TestBookMarkers(t *testing.T) {
	s, _ := planOffice(t)
	for _, c := range []struct {
		book  string
		table string
		where string
	}{
		{"in", "documents", "direction = 'in'"},
		{"out", "documents", "direction = 'out'"},
		{"document", "documents", "1"},
		{"item", "items", "1"},
		{"seal", "seal_requests", "1"},
		{"meeting", "meetings", "1"},
	} {
		var records int
		if err := s.db.Raw("SELECT count(*) FROM " + c.table + " WHERE " + c.where).Scan(&records).Error; err != nil {
			t.Fatal(err)
		}
		for _, index := range []string{"search_chars", "search_pairs"} {
			var marked int
			if err := s.db.Raw("SELECT count(*) FROM "+index+" WHERE "+index+" MATCH ?", `"`+bookMarker(c.book)+`"`).Scan(&marked).Error; err != nil {
				t.Fatal(err)
			}
			if marked != records || records == 0 {
				t.Errorf("%s in %s: %d entries marked, %d records", c.book, index, marked, records)
			}
		}
	}
}
