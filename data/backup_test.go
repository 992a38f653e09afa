package data

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"gongwen/app"
)

func saveIncoming(t testing.TB, s *Store, title string) app.Document {
	t.Helper()
	var doc app.Document
	update(t, s, func(tx app.Tx) error {
		n, err := tx.NextNumber("in:2026")
		if err != nil {
			return err
		}
		doc = incoming()
		doc.Serial, doc.Title = app.IncomingSerial(2026, n), title
		doc.DuplicateOf, doc.Archive = 0, app.Archive{} // no made-up references: Check finds none
		return tx.SaveDocument(&doc)
	})
	return doc
}

// A backup taken while another connection keeps writing is consistent and
// restores into a sound database.
func TestBackupWhileWritingAndRestore(t *testing.T) {
	dir := t.TempDir()
	s := newStore(t)
	for i := 0; i < 20; i++ {
		saveIncoming(t, s, fmt.Sprintf("备份前的文件%d", i))
	}
	writer, err := Open(s.Path()) // another connection pool, as another window would have
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	var (
		stop    atomic.Bool
		written atomic.Int64
		wg      sync.WaitGroup
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; !stop.Load(); i++ {
			if err := writer.Update(ctx, func(tx app.Tx) error {
				n, err := tx.NextNumber("in:2026")
				if err != nil {
					return err
				}
				doc := incoming()
				doc.Serial, doc.Title = app.IncomingSerial(2026, n), fmt.Sprintf("备份时写入的文件%d", i)
				return tx.SaveDocument(&doc)
			}); err != nil {
				t.Error(err)
				return
			}
			written.Add(1)
		}
	}()
	for written.Load() < 10 {
		time.Sleep(time.Millisecond)
	}
	backup := filepath.Join(dir, "备份", "copy.db")
	for i := 0; i < 3; i++ { // again and again over the same file
		if err := s.Backup(ctx, backup); err != nil {
			t.Fatal(err)
		}
	}
	stop.Store(true)
	wg.Wait()

	restored := filepath.Join(dir, "restored", "gongwen.db")
	if err := Restore(backup, restored); err != nil {
		t.Fatal(err)
	}
	r, err := Open(restored)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if problems, err := checkFixtures(r); err != nil || len(problems) > 0 {
		t.Fatalf("restored backup: %v %v", problems, err)
	}
	docs := count(t, r, "SELECT count(*) FROM documents")
	counter := count(t, r, "SELECT value FROM counters WHERE name = 'in:2026'")
	if docs < 30 || docs != counter {
		t.Errorf("backup holds %d documents and the counter at %d: not one snapshot", docs, counter)
	}
	if _, total, _ := r.Search(ctx, "备份", app.Page{}); total != docs {
		t.Errorf("search finds %d of %d documents in the backup", total, docs)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, "备份", "*.tmp-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
	wantCode(t, s.Backup(ctx, s.Path()), app.EINVALID)
}

func TestRestoreReplacesAndKeepsTheOld(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "gongwen.db")
	s, err := Open(dest)
	if err != nil {
		t.Fatal(err)
	}
	saveIncoming(t, s, "备份里的文件")
	backup := filepath.Join(dir, "b.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	saveIncoming(t, s, "备份之后的文件")
	s.Close()
	// a stale WAL from the old file must not be replayed onto the restored one
	os.WriteFile(dest+"-wal", []byte("stale"), 0o644)
	os.WriteFile(dest+"-shm", []byte("stale"), 0o644)

	if err := Restore(backup, dest); err != nil {
		t.Fatal(err)
	}
	for _, stale := range []string{dest + "-wal", dest + "-shm"} {
		if _, err := os.Stat(stale); err == nil {
			t.Errorf("%s still there", stale)
		}
	}
	titles := func(path string) []string {
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		ds, _, err := s.Documents(ctx, app.DocumentFilter{Sort: "serial"})
		if err != nil {
			t.Fatal(err)
		}
		return docTitles(ds)
	}
	mustEqual(t, "restored", titles(dest), []string{"备份里的文件"})
	mustEqual(t, "kept before restore", titles(dest+".before-restore"), []string{"备份里的文件", "备份之后的文件"})

	// a second restore keeps the first original too, under its time
	if err := Restore(backup, dest); err != nil {
		t.Fatal(err)
	}
	older, _ := filepath.Glob(dest + ".before-restore-*")
	if len(older) != 1 {
		t.Fatalf("earlier before-restore copies: %v", older)
	}
	mustEqual(t, "first original kept", titles(older[0]), []string{"备份里的文件", "备份之后的文件"})
}

func TestRestoreRefuses(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "gongwen.db")
	s, err := Open(dest)
	if err != nil {
		t.Fatal(err)
	}
	saveIncoming(t, s, "现有文件")
	good := filepath.Join(dir, "good.db")
	if err := s.Backup(ctx, good); err != nil {
		t.Fatal(err)
	}
	s.Close()

	foreign := filepath.Join(dir, "foreign.db")
	fdb, _ := sql.Open("sqlite3", "file:"+foreign)
	fdb.Exec("CREATE TABLE contacts (name TEXT)")
	fdb.Close()

	newer := filepath.Join(dir, "newer.db")
	copyFile(good, newer)
	ndb, _ := sql.Open("sqlite3", "file:"+newer)
	ndb.Exec("PRAGMA user_version = 99")
	ndb.Close()

	// damage a page in the middle of a good backup
	corrupt := filepath.Join(dir, "corrupt.db")
	copyFile(good, corrupt)
	b, _ := os.ReadFile(corrupt)
	for i := 4096 * 3; i < 4096*5 && i < len(b); i++ {
		b[i] = 0x5A
	}
	os.WriteFile(corrupt, b, 0o644)

	text := filepath.Join(dir, "text.db")
	os.WriteFile(text, []byte(strings.Repeat("不是数据库", 1000)), 0o644)

	before, _ := os.ReadFile(dest)
	for _, c := range []struct {
		name, src, code, msg string
	}{
		{"missing", filepath.Join(dir, "none.db"), app.ENOTFOUND, "找不到备份文件"},
		{"not a database", text, app.EINVALID, "不能用来恢复"},
		{"another program's", foreign, app.EINVALID, "它不是公文督办台的数据文件"},
		{"newer", newer, app.EINVALID, "较新版本"},
		{"corrupt", corrupt, app.EINVALID, "不能用来恢复"},
		{"itself", dest, app.EINVALID, "同一个文件"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := Restore(c.src, dest)
			wantCode(t, err, c.code)
			if !strings.Contains(app.ErrorMessage(err), c.msg) {
				t.Errorf("message %q", app.ErrorMessage(err))
			}
			if after, _ := os.ReadFile(dest); string(after) != string(before) {
				t.Error("a refused restore changed the database")
			}
			if _, err := os.Stat(dest + ".before-restore"); err == nil {
				t.Error("a refused restore made a before-restore copy")
			}
		})
	}
}

func TestAutoBackupAndPruning(t *testing.T) {
	dir := t.TempDir()
	s := newStore(t)
	saveIncoming(t, s, "要备份的文件")
	if _, _, ok := LastBackup(dir, s.Path()); ok {
		t.Fatal("a backup in an empty folder")
	}

	// fabricated daily copies from 2024-12-01 to 2026-03-14, and files that
	// are not daily backups
	for day := time.Date(2024, 12, 1, 0, 0, 0, 0, time.Local); day.Before(time.Date(2026, 3, 15, 0, 0, 0, 0, time.Local)); day = day.AddDate(0, 0, 1) {
		path := filepath.Join(dir, dailyName(s.Path(), day))
		os.WriteFile(path, []byte("old"), 0o644)
		os.Chtimes(path, day, day)
	}
	others := []string{"notes.txt", "gongwen-2026.db", "gongwen-20250101.db.tmp-1-2", "gongwen.db"}
	for _, name := range others {
		os.WriteFile(filepath.Join(dir, name), nil, 0o644)
	}

	now := time.Date(2026, 3, 15, 18, 0, 0, 0, time.Local)
	created, err := s.AutoBackup(ctx, dir, now)
	if err != nil {
		t.Fatal(err)
	}
	if created != filepath.Join(dir, "gongwen-20260315.db") {
		t.Fatalf("created %q", created)
	}
	want := []string{ // the newest 14 days
		"gongwen-20260315.db", "gongwen-20260314.db", "gongwen-20260313.db", "gongwen-20260312.db", "gongwen-20260311.db",
		"gongwen-20260310.db", "gongwen-20260309.db", "gongwen-20260308.db", "gongwen-20260307.db", "gongwen-20260306.db",
		"gongwen-20260305.db", "gongwen-20260304.db", "gongwen-20260303.db", "gongwen-20260302.db",
		// then the newest older copy of each month from 2025-04 to 2026-03
		"gongwen-20260301.db", "gongwen-20260228.db", "gongwen-20260131.db", "gongwen-20251231.db",
		"gongwen-20251130.db", "gongwen-20251031.db", "gongwen-20250930.db", "gongwen-20250831.db",
		"gongwen-20250731.db", "gongwen-20250630.db", "gongwen-20250531.db", "gongwen-20250430.db",
	}
	want = append(want, others...)
	sort.Strings(want)
	names := func() []string {
		entries, _ := os.ReadDir(dir)
		var out []string
		for _, e := range entries {
			out = append(out, e.Name())
		}
		sort.Strings(out)
		return out
	}
	mustEqual(t, "kept files", names(), want)

	// today's backup is a real, restorable database
	if _, err := openChecked(created); err != nil {
		t.Fatalf("today's backup: %v", err)
	}
	_, last, ok := LastBackup(dir, s.Path())
	if fi, _ := os.Stat(created); !ok || !last.Equal(fi.ModTime()) {
		t.Errorf("last backup %v %v", last, ok)
	}

	// later the same day: nothing new, nothing removed
	again, err := s.AutoBackup(ctx, dir, now.Add(time.Hour))
	if err != nil || again != "" {
		t.Fatalf("second backup of the day: %q %v", again, err)
	}
	mustEqual(t, "kept files", names(), want)
}

// Issue 12: two offices' data files in one folder share backups/; each
// gets its own first-day backup, sees only its own last backup and prunes
// only its own, and the default gongwen.db keeps its old names.
func TestBackupsOfTwoDataFilesInOneFolder(t *testing.T) {
	folder := t.TempDir()
	open := func(name string) *Store {
		s, err := Open(filepath.Join(folder, name))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	office, fresh := open("gongwen.db"), open("new.db")
	saveIncoming(t, office, "老单位的文件")
	dir := BackupDir(office.Path())
	mustEqual(t, "one backup folder", BackupDir(fresh.Path()), dir)

	now := time.Date(2026, 12, 3, 9, 0, 0, 0, time.Local)
	// the old office has backed up today already, and long ago every day
	for day := now.AddDate(0, 0, -40); !day.After(now); day = day.AddDate(0, 0, 1) {
		if _, err := office.AutoBackup(ctx, dir, day); err != nil {
			t.Fatal(err)
		}
	}
	officeLast, _, _ := LastBackup(dir, office.Path())
	mustEqual(t, "the old office's last backup", filepath.Base(officeLast), "gongwen-20261203.db")
	if last, _, ok := LastBackup(dir, fresh.Path()); ok {
		t.Fatalf("the new office shows %s as its last backup", last)
	}

	created, err := fresh.AutoBackup(ctx, dir, now)
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "the new office's first-day backup", filepath.Base(created), "new-20261203.db")
	for file, owner := range map[string]string{created: "new.db", officeLast: "gongwen.db",
		"office-2024-20261203-101500.db": "office-2024.db", "new-before-restore-20261203-090000.db": "new.db", "notes.db": ""} {
		if got := BackupOwner(file); got != owner {
			t.Errorf("BackupOwner(%s) = %q, want %q", file, got, owner)
		}
	}
	if !IsBackupOf(created, fresh.Path()) || IsBackupOf(created, office.Path()) || !IsBackupOf(officeLast, office.Path()) {
		t.Error("IsBackupOf mixes up the two offices")
	}
	if last, _, _ := LastBackup(dir, fresh.Path()); last != created {
		t.Errorf("the new office's last backup is %q", last)
	}
	// a later by-hand copy of the old office does not become the new one's
	hand := BackupFile(dir, office.Path(), "", now.Add(time.Hour))
	mustEqual(t, "by hand", filepath.Base(hand), "gongwen-20261203-100000.db")
	must(t, office.Backup(ctx, hand))
	os.Chtimes(hand, now.Add(2*time.Hour), now.Add(2*time.Hour))
	if last, _, _ := LastBackup(dir, fresh.Path()); last != created {
		t.Errorf("after the old office's copy by hand the new office's last backup is %q", last)
	}
	mustEqual(t, "before restore", filepath.Base(BackupFile(dir, fresh.Path(), "before-restore", now)), "new-before-restore-20261203-090000.db")

	// pruning by the new office leaves the old office's 41 daily copies
	// to the old office's own rule
	if _, err := fresh.AutoBackup(ctx, dir, now.AddDate(0, 0, 1)); err != nil {
		t.Fatal(err)
	}
	olds, err := dailyBackups(dir, office.Path())
	if err != nil {
		t.Fatal(err)
	}
	if len(olds) != keepDaily+2 { // 14 days, and the newest of November and of October
		t.Errorf("the old office keeps %d daily backups", len(olds))
	}
	news, _ := dailyBackups(dir, fresh.Path())
	if len(news) != 2 {
		t.Errorf("the new office has %d daily backups", len(news))
	}
	// the new office's backup holds the new office
	restored := filepath.Join(folder, "restored.db")
	must(t, Restore(created, restored))
	r, err := Open(restored)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, n, err := r.Documents(ctx, app.DocumentFilter{}); err != nil || n != 0 {
		t.Errorf("the new office's backup holds %d documents of the old office (%v)", n, err)
	}
}

func TestCheckFindsProblems(t *testing.T) {
	s := newStore(t)
	doc := saveIncoming(t, s, "检查用的文件")
	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("sound file: %v %v", problems, err)
	}
	// another tool without foreign keys left a child row behind, and the
	// search entry went missing
	raw, err := sql.Open("sqlite3", "file:"+s.Path()+"?_foreign_keys=off")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, stmt := range []string{
		"INSERT INTO doc_reminders (doc_id, pos, text) VALUES (999, 0, '孤立的催办')",
		fmt.Sprintf("DELETE FROM search_entries WHERE entity_id = %d", doc.ID),
	} {
		if _, err := raw.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	problems, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(problems, "\n")
	for _, want := range []string{"表doc_reminders第", "引用的documents记录不存在", "检索索引与公文台账不一致（1条未编入索引"} {
		if !strings.Contains(joined, want) {
			t.Errorf("problems %q lack %q", joined, want)
		}
	}
	if err := s.Reindex(ctx); err != nil {
		t.Fatal(err)
	}
	problems, _ = s.Check(ctx)
	if len(problems) != 1 {
		t.Errorf("after reindex only the orphan row remains: %v", problems)
	}
}

// A restore refuses to replace a file that a store still has open, and
// goes ahead once it is closed.
func TestRestoreRefusesAnOpenFile(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "gongwen.db")
	s, err := Open(dest)
	if err != nil {
		t.Fatal(err)
	}
	saveIncoming(t, s, "窗口里的文件")
	backup := filepath.Join(dir, "copy.db")
	must(t, s.Backup(ctx, backup))
	wantCode(t, Restore(backup, dest), app.EBUSY)
	must(t, s.Close())
	must(t, Restore(backup, dest))
}

// A restore under an open store (the window's 恢复) holds the reads and
// writes of other goroutines while it swaps the file, and they then see the
// restored data; none of them fails or reaches a closed connection.
func TestRestoreFromWhileInUse(t *testing.T) {
	s := newStore(t)
	kept := saveIncoming(t, s, "备份前登记")
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	saveIncoming(t, s, "备份后登记")

	stop := make(chan struct{})
	var wg sync.WaitGroup
	var calls atomic.Int64
	errs := make(chan error, 100)
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				_, _, err := s.Documents(ctx, app.DocumentFilter{Direction: app.Incoming})
				if err == nil {
					_, err = s.Settings(ctx)
				}
				if err == nil { // a read inside a write, as the desk does when it checks a seal's chain
					err = s.Update(ctx, func(tx app.Tx) error {
						if _, err := tx.Seals(); err != nil {
							return err
						}
						_, err := tx.NextNumber("test")
						return err
					})
				}
				if err != nil {
					errs <- err
					return
				}
				calls.Add(1)
			}
		}()
	}
	// waitCalls waits until the goroutines have made n calls
	waitCalls := func(n int64, what string) {
		for deadline := time.Now().Add(10 * time.Second); calls.Load() < n; {
			if len(errs) > 0 {
				return // reported below
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: %d calls of %d after 10 s", what, calls.Load(), n)
			}
			time.Sleep(time.Millisecond)
		}
	}
	waitCalls(10, "before the restore")
	restored := make(chan error, 1)
	go func() { restored <- s.RestoreFrom(backup) }()
	select {
	case err := <-restored:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the restore did not end: deadlock")
	}
	waitCalls(calls.Load()+10, "after the restore") // the goroutines go on with the restored file
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("during the restore: %v", err)
	}
	docs, total, err := s.Documents(ctx, app.DocumentFilter{Direction: app.Incoming})
	if err != nil || total != 1 || docs[0].Title != kept.Title {
		t.Errorf("after the restore: %d documents, %v", total, err)
	}
	if _, err := os.Stat(s.Path() + ".before-restore"); err != nil {
		t.Errorf("the replaced data is not kept: %v", err)
	}
}
