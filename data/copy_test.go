package data

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gongwen/app"
)

// fillOffice puts one record of every kind into s: a classified incoming
// document (secret) with its child lists, a plain outgoing one, a seal
// request, an item from the classified document, a meeting, reference
// data, settings, a holiday override, history and counters.
func fillOffice(t *testing.T, s *Store) (classifiedID int64) {
	t.Helper()
	update(t, s, func(tx app.Tx) error {
		in, out, sr, it, m := incoming(), outgoing(), sealRequest(), item(), meeting()
		in.DuplicateOf = 0
		out.DuplicateOf = 0
		for _, d := range []*app.Document{&in, &out} {
			must(t, tx.SaveDocument(d))
		}
		classifiedID = in.ID
		it.SourceDocID = in.ID
		must(t, tx.SaveSealRequest(&sr))
		must(t, tx.SaveItem(&it))
		must(t, tx.SaveMeeting(&m))
		must(t, tx.SaveSettings(app.Settings{OrgName: "西城区人民政府办公室"}))
		must(t, tx.SaveUnit(&app.Unit{Name: "区应急管理局", Active: true}))
		must(t, tx.SaveLeader(&app.Leader{Name: "王区长", Role: app.RoleMayor, Active: true}))
		must(t, tx.SaveSeal(&app.Seal{Name: "区政府办公室印章", Active: true}))
		must(t, tx.SaveDayOverride(app.DayOverride{Day: d("2026-02-15"), Work: true, Name: "春节调休"}))
		must(t, tx.SetYearConfirmed(2026, true))
		for _, h := range []app.HistoryEntry{
			{Entity: app.EntityDocument, EntityID: in.ID, At: created, Operator: "李文书", Action: "登记"},
			{Entity: app.EntityDocument, EntityID: out.ID, At: changed, Operator: "李文书", Action: "登记"},
			{Entity: app.EntityItem, EntityID: it.ID, At: changed, Operator: "督查室", Action: "立项"},
		} {
			must(t, tx.AddHistory(h))
		}
		_, err := tx.NextNumber("收文:2026")
		return err
	})
	return classifiedID
}

func openAt(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path)
	must(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

// sums reads every copied table's count and checksum.
func sums(t *testing.T, s *Store) map[string]CopiedTable {
	t.Helper()
	out := map[string]CopiedTable{}
	for _, tb := range copyTables {
		c, err := checksum(s.rdb, tb, func(r any) bool { cr, ok := r.(*counterRow); return !ok || cr.Name != changeCounter })
		must(t, err)
		out[tb.name] = c
	}
	return out
}

// Every table of the schema is copied, or is the search index that a copy
// rebuilds: a migration that adds a table fails here until copyTables
// has it.
func TestCopyTablesAreTheSchema(t *testing.T) {
	s := newStore(t)
	tables, err := s.db.Migrator().GetTables()
	must(t, err)
	var schema, copied []string
	for _, name := range tables {
		if !derivedTable(name) {
			schema = append(schema, name)
		}
	}
	for _, tb := range copyTables {
		copied = append(copied, tb.name)
	}
	sort.Strings(schema)
	sort.Strings(copied)
	mustEqual(t, "tables copied", copied, schema)
}

func TestCopyIsVerifiedAndComplete(t *testing.T) {
	dir := t.TempDir()
	src, dst := openAt(t, filepath.Join(dir, "src.db")), openAt(t, filepath.Join(dir, "dst.db"))
	fillOffice(t, src)
	defer func(n int) { copyChunk = n }(copyChunk)
	copyChunk = 2
	report, err := Copy(ctx, src, dst, CopyOptions{})
	must(t, err)
	want, got := sums(t, src), sums(t, dst)
	mustEqual(t, "tables after copy", got, want)
	for _, tb := range copyTables { // counted apart from the chunks
		var n int64
		q := dst.rdb.Table(tb.name)
		if tb.name == "counters" {
			q = q.Where("name <> ?", changeCounter)
		}
		must(t, q.Count(&n).Error)
		mustEqual(t, "rows of "+tb.name, int(n), want[tb.name].Rows)
	}
	for _, tb := range report.Tables {
		mustEqual(t, "reported "+tb.Name, tb, want[tb.Name])
	}
	for _, name := range []string{"documents", "doc_instructions", "history", "settings", "day_overrides", "confirmed_years", "counters", "meeting_decisions"} {
		if want[name].Rows == 0 {
			t.Errorf("the office to copy has no %s: the test proves nothing about it", name)
		}
	}
	// the records read back whole, and the search index was rebuilt
	hits, total, err := src.Search(ctx, "安全生产", app.Page{})
	must(t, err)
	copiedHits, copiedTotal, err := dst.Search(ctx, "安全生产", app.Page{})
	must(t, err)
	if total == 0 || copiedTotal != total {
		t.Fatalf("search in the copy: %d hits, in the office %d", copiedTotal, total)
	}
	mustEqual(t, "hits in the copy", copiedHits, hits)
	// the fixtures are not a consistent office: Check finds the same in both
	problems, err := src.Check(ctx)
	must(t, err)
	copiedProblems, err := dst.Check(ctx)
	must(t, err)
	mustEqual(t, "check of the copy", copiedProblems, problems)
	// a new number in the copy follows the copied counter
	update(t, dst, func(tx app.Tx) error {
		n, err := tx.NextNumber("收文:2026")
		mustEqual(t, "next number in the copy", n, 2)
		return err
	})
}

func TestCopyRefusesAStoreWithData(t *testing.T) {
	dir := t.TempDir()
	src, dst := openAt(t, filepath.Join(dir, "src.db")), openAt(t, filepath.Join(dir, "dst.db"))
	fillOffice(t, src)
	update(t, dst, func(tx app.Tx) error { return tx.SaveUnit(&app.Unit{Name: "区财政局", Active: true}) })
	before := sums(t, dst)
	_, err := Copy(ctx, src, dst, CopyOptions{})
	wantCode(t, err, app.ECONFLICT)
	if msg := app.ErrorMessage(err); !strings.Contains(msg, "目标数据库不是空的") || !strings.Contains(msg, "单位1条") {
		t.Fatalf("message: %s", msg)
	}
	mustEqual(t, "target after the refusal", sums(t, dst), before)
}

// A failure midway (here the target refuses the history rows, the last
// table) leaves the target as empty as it was.
func TestCopyFailureLeavesTargetEmpty(t *testing.T) {
	dir := t.TempDir()
	src, dst := openAt(t, filepath.Join(dir, "src.db")), openAt(t, filepath.Join(dir, "dst.db"))
	fillOffice(t, src)
	must(t, dst.db.Exec(`CREATE TRIGGER no_history BEFORE INSERT ON history BEGIN SELECT RAISE(ABORT, 'injected failure'); END`).Error)
	if _, err := Copy(ctx, src, dst, CopyOptions{}); err == nil {
		t.Fatal("the copy did not fail")
	}
	must(t, dst.db.Exec(`DROP TRIGGER no_history`).Error)
	for name, c := range sums(t, dst) {
		if c.Rows != 0 {
			t.Errorf("%s has %d rows after the failed copy", name, c.Rows)
		}
	}
	var entries int64
	must(t, dst.rdb.Table("search_entries").Count(&entries).Error)
	mustEqual(t, "search entries after the failed copy", entries, int64(0))
	// and the target takes the copy once the failure is gone
	_, err := Copy(ctx, src, dst, CopyOptions{})
	must(t, err)
}

func TestCopySkipsClassified(t *testing.T) {
	dir := t.TempDir()
	src, dst := openAt(t, filepath.Join(dir, "src.db")), openAt(t, filepath.Join(dir, "dst.db"))
	secret := fillOffice(t, src)
	report, err := Copy(ctx, src, dst, CopyOptions{SkipClassified: true})
	must(t, err)
	// the document, its 2 批示, 2 传阅, 1 催办 and its history; the item's link
	mustEqual(t, "skipped", report.Skipped, SkippedRecords{Documents: 1, Children: 5, History: 1, Links: 1})
	before, after := sums(t, src), sums(t, dst)
	mustEqual(t, "documents copied", after["documents"].Rows, before["documents"].Rows-1)
	mustEqual(t, "history copied", after["history"].Rows, before["history"].Rows-1)
	if _, err := dst.Document(ctx, secret); app.ErrorCode(err) != app.ENOTFOUND {
		t.Fatalf("the classified document was copied: %v", err)
	}
	items, _, err := dst.Items(ctx, app.ItemFilter{})
	must(t, err)
	mustEqual(t, "the item's link to the classified document", items[0].SourceDocID, int64(0))
	hits, _, err := dst.Search(ctx, "市政办发", app.Page{})
	must(t, err)
	for _, h := range hits {
		if h.Entity == app.EntityDocument && h.ID == secret {
			t.Fatalf("the classified document is found in the copy: %+v", h)
		}
	}
}
