package data

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gorm.io/gorm"

	"gongwen/app"
)

func pragma(t testing.TB, path, name string) int {
	t.Helper()
	db, err := sql.Open("sqlite3", dsnReadOnly(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRow("PRAGMA " + name).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestOpenEmptyFile(t *testing.T) {
	// a zero-byte file is a database at version 0
	path := filepath.Join(t.TempDir(), "gongwen.db")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if s.Path() != path {
		t.Errorf("path %s", s.Path())
	}
	doc := incoming()
	update(t, s, func(tx app.Tx) error { return tx.SaveDocument(&doc) })
	s.Close()
	if v := pragma(t, path, "user_version"); v != schemaVersion() {
		t.Errorf("version %d, want %d", v, schemaVersion())
	}
	if v := pragma(t, path, "application_id"); v != applicationID {
		t.Errorf("application id %x", v)
	}
	// opening again changes nothing
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Document(ctx, doc.ID); err != nil {
		t.Error(err)
	}
}

// signingColumns are the document columns version 7 added: files before it
// have none of them.
var signingColumns = []string{"SigningKind", "SignedFor", "SignerPrinted"}

// preVersion6Columns are the document columns of versions 6, 7 and 8, which
// the files these tests build before version 6 lack.
var preVersion6Columns = append(append([]string{"Version", "UpdatedBy"}, version6Columns...), signingColumns...)

// A file of version 1 (the books without the search index) is brought to
// the current version, and its records become searchable.
func TestMigrateFromVersion1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db, sqlDB, err := connect(dsn(path, defaultOptions), 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := migrateTo(db, path, 1); err != nil {
		t.Fatal(err)
	}
	in, it := incoming(), item()
	in.AssignedOn = app.Date{} // files before version 4 have no 交办 date
	clearVersion6(&in)
	in.Version, in.UpdatedBy = 0, "" // nor, before version 8, a save count
	it.Version, it.UpdatedBy = 0, ""
	row := documentToRow(&in)
	itRow := itemToRow(&it)
	if err := firstErr(
		func() error { return db.Omit(append(preVersion6Columns, "AssignedOn")...).Create(&row).Error },
		func() error { return saveOldChildren(db, row.ID, &in) },
		func() error { return db.Omit("Version", "UpdatedBy").Create(&itRow).Error },
		func() error { return saveItemChildren(db, itRow.ID, &it) },
	); err != nil {
		t.Fatal(err)
	}
	sqlDB.Close()
	if v := pragma(t, path, "user_version"); v != 1 {
		t.Fatalf("prepared file is at version %d", v)
	}

	s := openMigrated(t, path)
	got, err := s.Document(ctx, row.ID)
	if err != nil {
		t.Fatal(err)
	}
	in.ID = row.ID
	mustEqual(t, "document kept through the migration", *got, in)
	for _, q := range []string{"节前", "隐患", "春"} {
		if hits, _, _ := s.Search(ctx, q, app.Page{}); len(hits) == 0 {
			t.Errorf("%s: records of the old file are not searchable", q)
		}
	}
	if problems, err := checkFixtures(s); err != nil || len(problems) > 0 {
		t.Errorf("check: %v %v", problems, err)
	}
}

// A file of version 2 (search entries with a copy of the text) loses the
// copy; its entries, ids and snippets stay.
func TestMigrateFromVersion2(t *testing.T) {
	path, row := oldIndexedFile(t, 2,
		"INSERT INTO search_entries (id, entity, entity_id, number, title, status, on_date, body) VALUES (7, 'document', ?, ?, ?, '承办中', '2026-01-05', 'old text')")

	s := openMigrated(t, path)
	var names string
	s.sql.QueryRow("SELECT group_concat(name) FROM pragma_table_info('search_entries')").Scan(&names)
	if strings.Contains(names, "body") {
		t.Errorf("columns after the migration: %s", names)
	}
	hits, total, err := s.Search(ctx, "节前", app.Page{})
	if err != nil || total != 1 || hits[0].ID != row.ID || hits[0].Snippet != "请应急局抓紧落实，节前完成全面排查" {
		t.Errorf("search after the migration: %+v %d %v", hits, total, err)
	}
	if problems, err := checkFixtures(s); err != nil || len(problems) > 0 {
		t.Errorf("check: %v %v", problems, err)
	}
}

func TestOpenRefuses(t *testing.T) {
	dir := t.TempDir()
	newer := filepath.Join(dir, "newer.db")
	s, err := Open(newer)
	if err != nil {
		t.Fatal(err)
	}
	s.sql.Exec("PRAGMA user_version = 99")
	s.Close()

	foreign := filepath.Join(dir, "foreign.db")
	fdb, _ := sql.Open("sqlite3", "file:"+foreign)
	if _, err := fdb.Exec("CREATE TABLE contacts (name TEXT)"); err != nil {
		t.Fatal(err)
	}
	fdb.Close()

	text := filepath.Join(dir, "notes.db")
	os.WriteFile(text, []byte(strings.Repeat("这不是数据库。", 500)), 0o644)

	for _, c := range []struct {
		name, path, msg string
	}{
		{"newer program", newer, fmt.Sprintf("来自较新版本的公文督办台（数据版本99，本程序只认识到版本%d）", schemaVersion())},
		{"another program's database", foreign, "不是公文督办台的数据文件，程序没有打开也没有改动它"},
		{"not a database", text, "不是公文督办台的数据文件"},
	} {
		t.Run(c.name, func(t *testing.T) {
			before, _ := os.ReadFile(c.path)
			s, err := Open(c.path)
			if err == nil {
				s.Close()
				t.Fatal("opened")
			}
			if !strings.Contains(app.ErrorMessage(err), c.msg) {
				t.Errorf("message %q", app.ErrorMessage(err))
			}
			if after, _ := os.ReadFile(c.path); string(after) != string(before) {
				t.Error("the refused file was changed")
			}
		})
	}
}

func TestStatements(t *testing.T) {
	got := statements("CREATE TABLE a (x);\n-- a comment\nCREATE INDEX b ON a (x);\n")
	mustEqual(t, "statements", got, []string{"CREATE TABLE a (x)", "CREATE INDEX b ON a (x)"})
	for i, m := range migrations {
		if len(statements(m.sql)) == 0 {
			t.Errorf("migration %d has no statements", i+1)
		}
	}
}

// A file of version 4 gets the sort indexes, and its search entries the
// books' markers, so that the 关键词 filter of each book finds its records.
func TestMigrateFromVersion4(t *testing.T) {
	path, row := oldIndexedFile(t, 4, // indexed as version 4 did: no markers
		"INSERT INTO search_entries (id, entity, entity_id, number, title, status, on_date) VALUES (7, 'document', ?, ?, ?, '承办中', '2026-01-05')")

	s := openMigrated(t, path)
	for _, q := range []string{"节", "节前"} {
		docs, total, err := s.Documents(ctx, app.DocumentFilter{Direction: app.Incoming, Text: q})
		if err != nil || total != 1 || len(docs) != 1 || docs[0].ID != row.ID {
			t.Errorf("收文 关键词 %s after the migration: %d %v", q, total, err)
		}
		if _, total, _ := s.Documents(ctx, app.DocumentFilter{Direction: app.Outgoing, Text: q}); total != 0 {
			t.Errorf("发文 关键词 %s finds %d", q, total)
		}
	}
	var indexes int
	s.sql.QueryRow("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ('documents_title', 'documents_unit', 'documents_due', 'documents_dated', 'documents_urgency')").Scan(&indexes)
	if indexes != 5 {
		t.Errorf("%d of the 5 sort indexes", indexes)
	}
	if problems, err := checkFixtures(s); err != nil || len(problems) > 0 {
		t.Errorf("check: %v %v", problems, err)
	}
}

// oldIndexedFile writes a file of an older version holding one 收文 and its
// search entry, written with insertEntry (id, number and title are bound).
func oldIndexedFile(t *testing.T, version int, insertEntry string) (path string, row documentRow) {
	t.Helper()
	path = filepath.Join(t.TempDir(), fmt.Sprintf("v%d.db", version))
	db, sqlDB, err := connect(dsn(path, defaultOptions), 1)
	if err != nil {
		t.Fatal(err)
	}
	defer sqlDB.Close()
	if err := migrateTo(db, path, version); err != nil {
		t.Fatal(err)
	}
	in := incoming()
	clearVersion6(&in)
	in.Version, in.UpdatedBy = 0, "" // files before version 8 have no save count
	create := db.Omit(preVersion6Columns...).Create
	if version < 4 {
		in.AssignedOn = app.Date{} // files before version 4 have no 交办 date
		create = db.Omit(append(preVersion6Columns, "AssignedOn")...).Create
	}
	row = documentToRow(&in)
	chars, pairs := indexTokens(documentEntry(&in).Fields)
	if err := firstErr(
		func() error { return create(&row).Error },
		func() error { return saveOldChildren(db, row.ID, &in) },
		func() error { return db.Exec(insertEntry, row.ID, in.Serial, in.Title).Error },
		func() error { return db.Exec("INSERT INTO search_chars (rowid, c) VALUES (7, ?)", chars).Error },
		func() error { return db.Exec("INSERT INTO search_pairs (rowid, p) VALUES (7, ?)", pairs).Error },
	); err != nil {
		t.Fatal(err)
	}
	return path, row
}

// openMigrated opens the file at path, which brings it to the current
// version.
func openMigrated(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if v := pragma(t, path, "user_version"); v != schemaVersion() {
		t.Errorf("version after open %d", v)
	}
	return s
}

// version6Columns are the documents' columns files before version 6 lack.
var version6Columns = []string{"Genre", "ReturnCause", "SenderSigner", "Disclosure", "DisclosureReason",
	"Normative", "LegalReviewOn", "LegalReviewOpinion", "LegalReviewPassed"}

// clearVersion6 empties the fields files before version 6 cannot hold: they
// read back empty after the migration.
func clearVersion6(d *app.Document) {
	d.Genre, d.ReturnCause, d.SenderSigner = "", "", ""
	d.Disclosure, d.DisclosureReason, d.Normative, d.LegalReview = "", "", false, app.LegalReview{}
	d.Cosigns = nil
}

// saveOldChildren saves a document's child rows into a file before version
// 6, which has no doc_cosigns table yet (its documents have no 会签 records).
func saveOldChildren(db *gorm.DB, id int64, d *app.Document) error {
	if err := saveDocumentChildren(db, id, d); err != nil && !strings.Contains(err.Error(), "no such table: doc_cosigns") {
		return err
	}
	return nil
}
