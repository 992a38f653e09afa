package data

import (
	"bytes"
	"compress/gzip"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"gongwen/app"
)

// needRoot skips, with one visible line, a test that mounts file systems
// or changes users; CI runs as root, so there it always runs.
func needRoot(t *testing.T) {
	t.Helper()
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Skip("SKIPPED: needs root on Linux to mount a real read-only or full disk")
	}
}

// mountTmpfs mounts a fresh tmpfs of size bytes on a new folder.
func mountTmpfs(t *testing.T, size int) string {
	t.Helper()
	needRoot(t)
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", fmt.Sprintf("size=%d,mode=0755", size), "tmpfs", dir).CombinedOutput(); err != nil {
		t.Fatalf("mount tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

// remountReadOnly makes the tmpfs at dir read-only, as a CD or a locked
// USB stick is.
func remountReadOnly(t *testing.T, dir string) {
	t.Helper()
	if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
		t.Fatalf("remount ro: %v %s", err, out)
	}
}

func countRows(t *testing.T, dsn, table string) int {
	t.Helper()
	db, err := sql.Open("sqlite3", dsn)
	must(t, err)
	defer db.Close()
	var n int
	must(t, db.QueryRow("SELECT count(*) FROM "+table).Scan(&n))
	return n
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	must(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// damagePage overwrites the page of the named table in the database file
// at path with garbage, as a failing disk does.
func damagePage(t *testing.T, path, table string) {
	t.Helper()
	var root, pageSize int64
	db, err := sql.Open("sqlite3", fileURI(path)+"?mode=ro")
	must(t, err)
	must(t, db.QueryRow("SELECT rootpage FROM sqlite_master WHERE name = ?", table).Scan(&root))
	must(t, db.QueryRow("PRAGMA page_size").Scan(&pageSize))
	db.Close()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	must(t, err)
	defer f.Close()
	garbage := []byte(strings.Repeat("\xff\x13", int(pageSize)/2))
	if _, err := f.WriteAt(garbage, (root-1)*pageSize); err != nil {
		t.Fatal(err)
	}
}

// Issue 13.2: committed rows that sit only in the -wal of a damaged file
// survive a restore in .before-restore (with its -wal).
func TestRestoreKeepsTheWALOfADamagedFile(t *testing.T) {
	crashed, backup := crashedPairWithWAL(t, t.TempDir())
	restoreKeepsTheWAL(t, crashed, backup)
}

// The window's restore of a damaged file goes on, the damaged file kept
// whole as .before-restore.
func TestRestoreFromADamagedOpenFile(t *testing.T) {
	dir := t.TempDir()
	crashed, backup := crashedPairWithWAL(t, dir)
	s, err := Open(crashed)
	must(t, err)
	defer s.Close()
	if s.Damaged() == "" {
		t.Fatal("the quick check at open found no damage: the test proves nothing")
	}
	must(t, s.RestoreFrom(backup))
	if got := countRows(t, fileURI(crashed+".before-restore")+"?mode=ro", "documents"); got != committedInWAL {
		t.Errorf(".before-restore holds %d of the %d committed documents", got, committedInWAL)
	}
	if s.Damaged() != "" {
		t.Errorf("the restored file is still damaged: %s", s.Damaged())
	}
	update(t, s, func(tx app.Tx) error {
		return tx.SaveLeader(&app.Leader{Name: "李副区长", Role: "副区长", Active: true})
	})
}

// The campaign's repro, committed: a main file with a damaged page and its
// -wal holding committed documents (gzipped: they are mostly empty pages),
// restored over (a copy of it). Regenerate it with GONGWEN_WRITE_TESTDATA=1.
func TestRestoreKeepsTheWALOfTheCommittedRepro(t *testing.T) {
	const repro = "testdata/damaged-with-wal.sqlite" // not .db: the pair is committed
	if os.Getenv("GONGWEN_WRITE_TESTDATA") != "" {
		crashed, _ := crashedPairWithWAL(t, t.TempDir())
		for _, suffix := range []string{"", "-wal"} {
			b, err := os.ReadFile(crashed + suffix)
			must(t, err)
			var z bytes.Buffer
			w, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
			w.Write(b)
			must(t, w.Close())
			must(t, os.WriteFile(repro+suffix+".gz", z.Bytes(), 0o644))
		}
	}
	dir := t.TempDir()
	crashed := filepath.Join(dir, "gongwen.db")
	for _, suffix := range []string{"", "-wal"} {
		packed, err := os.ReadFile(repro + suffix + ".gz")
		must(t, err)
		if len(packed) > 100<<10 {
			t.Fatalf("%s%s.gz is %d KB: keep the repro small", repro, suffix, len(packed)>>10)
		}
		r, err := gzip.NewReader(bytes.NewReader(packed))
		must(t, err)
		b, err := io.ReadAll(r)
		must(t, err)
		must(t, os.WriteFile(crashed+suffix, b, 0o600))
	}
	// the main file is damaged: SQLite itself says so
	if result := quickCheck(t, crashed); result == "ok" {
		t.Fatal("the repro's main file is not damaged: the test proves nothing")
	}
	s := newStore(t)
	backup := filepath.Join(dir, "gongwen-backup.db")
	must(t, s.Backup(ctx, backup))
	restoreKeepsTheWAL(t, crashed, backup)
}

// committedInWAL is how many documents crashedPairWithWAL leaves in the WAL.
const committedInWAL = 5

// crashedPairWithWAL makes in dir what a crash on a failing disk leaves: a
// database file with a damaged page (the leaders') and its -wal holding
// committedInWAL committed documents, not yet checkpointed; and a backup
// taken before them.
func crashedPairWithWAL(t *testing.T, dir string) (crashed, backup string) {
	t.Helper()
	s, err := Open(filepath.Join(dir, "live", "gongwen.db"))
	must(t, err)
	t.Cleanup(func() { s.Close() })
	update(t, s, func(tx app.Tx) error {
		if err := tx.SaveSettings(app.Settings{OrgName: "测试区人民政府办公室", Rules: app.DefaultRules()}); err != nil {
			return err
		}
		return tx.SaveLeader(&app.Leader{Name: "王区长", Role: "区长", Active: true})
	})
	backup = filepath.Join(dir, "gongwen-backup.db")
	must(t, s.Backup(ctx, backup))
	_, err = s.sql.Exec("PRAGMA wal_checkpoint(TRUNCATE)") // the leader is in the main file
	must(t, err)
	for i := 0; i < committedInWAL; i++ {
		saveIncoming(t, s, fmt.Sprintf("只在日志里的文件%d", i))
	}
	// a crash: the pair as the writer left it, the WAL not yet checkpointed
	crashed = filepath.Join(dir, "crashed", "gongwen.db")
	must(t, os.MkdirAll(filepath.Dir(crashed), 0o700))
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(s.Path() + suffix)
		must(t, err)
		must(t, os.WriteFile(crashed+suffix, b, 0o600))
	}
	damagePage(t, crashed, "leaders")
	return crashed, backup
}

// restoreKeepsTheWAL restores backup over the crashed pair and wants every
// committed document kept in .before-restore.
func restoreKeepsTheWAL(t *testing.T, crashed, backup string) {
	t.Helper()
	if n := countRows(t, dsnImmutable(crashed), "documents"); n != 0 { // immutable: the main file alone
		t.Fatalf("%d documents are in the main file already: the test proves nothing", n)
	}
	must(t, Restore(backup, crashed))
	kept := crashed + ".before-restore"
	if got := countRows(t, fileURI(kept)+"?mode=ro", "documents"); got != committedInWAL {
		t.Errorf(".before-restore holds %d of the %d committed documents (files: %v)", got, committedInWAL, listDir(t, filepath.Dir(crashed)))
	}
	if got := countRows(t, fileURI(crashed)+"?mode=ro", "documents"); got != 0 {
		t.Errorf("the restored file holds %d documents, the backup none", got)
	}
}

// quickCheck is the first line of PRAGMA quick_check on a copy of the file
// at path and its -wal (SQLite would write beside the file it reads).
func quickCheck(t *testing.T, path string) string {
	t.Helper()
	dir := t.TempDir()
	probe := filepath.Join(dir, "probe.db")
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(path + suffix)
		if err == nil {
			must(t, os.WriteFile(probe+suffix, b, 0o600))
		}
	}
	db, err := sql.Open("sqlite3", fileURI(probe))
	must(t, err)
	defer db.Close()
	var result string
	if err := db.QueryRow("PRAGMA quick_check").Scan(&result); err != nil {
		return err.Error()
	}
	return result
}

// Issue 13.6: a backup is one file without WAL, so that it can be checked
// and restored from read-only media, and a database on read-only media can
// be read without anything being created beside it.
func TestReadOnlyMedia(t *testing.T) {
	media := mountTmpfs(t, 16<<20)
	s := newStore(t)
	saveIncoming(t, s, "光盘上的文件")
	backup := filepath.Join(media, "gongwen-backup.db")
	must(t, s.Backup(ctx, backup))
	header := make([]byte, 20)
	f, err := os.Open(backup)
	must(t, err)
	f.ReadAt(header, 0)
	f.Close()
	if header[18] != 1 || header[19] != 1 {
		t.Errorf("the backup is in WAL mode (header bytes %d %d): read-only media cannot read it", header[18], header[19])
	}
	// the live file too, in WAL mode, closed cleanly
	live := filepath.Join(media, "live.db")
	l, err := Open(live)
	must(t, err)
	saveIncoming(t, l, "盘上的数据")
	must(t, l.Close())
	os.Remove(lockPath(live))
	remountReadOnly(t, media)
	before := listDir(t, media)

	for _, p := range []string{backup, live} {
		r, err := OpenReadOnly(p)
		if err != nil {
			t.Fatalf("open %s read-only: %v", filepath.Base(p), err)
		}
		if problems, err := r.Check(ctx); err != nil || len(problems) > 0 {
			t.Errorf("check %s: %v %v", filepath.Base(p), problems, err)
		}
		if _, n, err := r.Documents(ctx, app.DocumentFilter{Page: app.Page{Limit: 1}}); err != nil || n != 1 {
			t.Errorf("read %s: %d documents, %v", filepath.Base(p), n, err)
		}
		hits, _, err := r.Search(ctx, "上的", app.Page{Limit: 5})
		if err != nil || len(hits) == 0 {
			t.Errorf("search %s: %v %v", filepath.Base(p), hits, err)
		}
		if err := r.Update(ctx, func(app.Tx) error { return nil }); err == nil || !strings.Contains(app.ErrorMessage(err), "只读") {
			t.Errorf("a write to a read-only store: %v", err)
		}
		must(t, r.Close())
	}
	mustEqual(t, "files on the read-only disk", listDir(t, media), before)

	// opening it to write names the real cause
	_, err = Open(live)
	if msg := app.ErrorMessage(err); err == nil || !strings.Contains(msg, "只读") || strings.Contains(msg, "损坏") {
		t.Errorf("open to write on read-only media: %q", msg)
	}
	// and restoring from it leaves nothing beside the backup
	must(t, Restore(backup, filepath.Join(t.TempDir(), "restored.db")))
	mustEqual(t, "files on the read-only disk after restore", listDir(t, media), before)
}

// Issue 13.6 and 13.10: a restore reads its source without making -shm or
// -wal files beside it.
func TestRestoreSourceGetsNothingBeside(t *testing.T) {
	s := newStore(t)
	saveIncoming(t, s, "备份里的文件")
	dir := t.TempDir()
	backup := filepath.Join(dir, "gongwen-backup.db")
	must(t, s.Backup(ctx, backup))
	must(t, Restore(backup, filepath.Join(t.TempDir(), "restored.db")))
	mustEqual(t, "files beside the backup", listDir(t, dir), []string{"gongwen-backup.db"})
}

// Issue 13.5: on a full disk the message sends the secretary to 立即备份,
// never to moving the data file.
func TestDiskFullMessage(t *testing.T) {
	disk := mountTmpfs(t, 1<<20)
	s, err := Open(filepath.Join(disk, "gongwen.db"))
	must(t, err)
	defer s.Close()
	long := strings.Repeat("满", 60000)
	var werr error
	for i := 0; i < 200 && werr == nil; i++ {
		werr = s.Update(ctx, func(tx app.Tx) error {
			return tx.SaveUnit(&app.Unit{Name: fmt.Sprintf("单位%d%s", i, long), Active: true})
		})
	}
	msg := app.ErrorMessage(werr)
	if werr == nil || !strings.Contains(msg, "磁盘已满") || !strings.Contains(msg, "立即备份") || strings.Contains(msg, "移到") {
		t.Errorf("disk full: %q", msg)
	}
}

const helperBackupLoop = "GONGWEN_TEST_BACKUP_LOOP"

// TestBackupLoopHelper is the process the kill test kills: it backs up the
// database into backups/ again and again.
func TestBackupLoopHelper(t *testing.T) {
	path := os.Getenv(helperBackupLoop)
	if path == "" {
		t.Skip("helper process of TestLeftoversOfAKilledBackup")
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; ; i++ {
		s.Backup(ctx, filepath.Join(BackupDir(path), fmt.Sprintf("gongwen-%d.db", i%3)))
	}
}

// Issue 13.10: a backup killed with kill -9 leaves its temporary file; the
// next open removes it (its process is gone), and never a running one's.
func TestLeftoversOfAKilledBackup(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SKIPPED: kill -9")
	}
	path := filepath.Join(t.TempDir(), "gongwen.db")
	s, err := Open(path)
	must(t, err)
	for i := 0; i < 200; i++ {
		saveIncoming(t, s, fmt.Sprintf("要备份的文件%d", i))
	}
	must(t, s.Close())
	backups := BackupDir(path)
	cmd := exec.Command(os.Args[0], "-test.run=^TestBackupLoopHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperBackupLoop+"="+path)
	must(t, cmd.Start())
	ended := make(chan error, 1)
	go func() { ended <- cmd.Wait() }()
	var left []string
	for len(left) == 0 { // until the helper is caught in the middle of a copy
		select {
		case err := <-ended:
			t.Fatalf("the backup helper ended by itself: %v", err)
		default:
		}
		left, _ = filepath.Glob(filepath.Join(backups, "*.tmp-*"))
	}
	must(t, cmd.Process.Signal(syscall.SIGKILL))
	<-ended
	left, _ = filepath.Glob(filepath.Join(backups, "*.tmp-*"))
	if len(left) == 0 {
		t.Fatal("the killed backup left no temporary file: the test proves nothing")
	}
	// a running process's temporary file is not touched
	mine := filepath.Join(filepath.Dir(path), fmt.Sprintf("gongwen.db.tmp-%d-1", os.Getpid()))
	must(t, os.WriteFile(mine, nil, 0o600))
	s, err = Open(path)
	must(t, err)
	defer s.Close()
	if left, _ := filepath.Glob(filepath.Join(backups, "*.tmp-*")); len(left) > 0 {
		t.Errorf("after the next open backups/ still holds %v", left)
	}
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("the running process's temporary file went: %v", err)
	}
}

// Issue 13.7: a file that fails SQLite's quick check takes no writes, and
// says what to do.
func TestDamagedFileTakesNoWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gongwen.db")
	s, err := Open(path)
	must(t, err)
	update(t, s, func(tx app.Tx) error {
		return tx.SaveLeader(&app.Leader{Name: "王区长", Role: "区长", Active: true})
	})
	saveIncoming(t, s, "损坏前的文件")
	must(t, s.Close())
	damagePage(t, path, "leaders")

	s, err = Open(path)
	must(t, err)
	defer s.Close()
	if s.Damaged() == "" {
		t.Error("the quick check at open found nothing")
	}
	err = s.Update(ctx, func(tx app.Tx) error {
		return tx.SaveUnit(&app.Unit{Name: "区财政局", Active: true})
	})
	if msg := app.ErrorMessage(err); err == nil || !strings.Contains(msg, "备份恢复") {
		t.Errorf("a write to a damaged file: %q", msg)
	}
	// check reports the damage rather than failing on it
	if problems, err := s.Check(ctx); err != nil || len(problems) == 0 {
		t.Errorf("check of a damaged file: %v %v", problems, err)
	}
	// what is left can still be read (and so copied)
	if _, n, err := s.Documents(ctx, app.DocumentFilter{Page: app.Page{Limit: 1}}); err != nil || n != 1 {
		t.Errorf("read a damaged file: %d %v", n, err)
	}
}

// Issue 13.7: check finds what SQLite's integrity check cannot: a garbled
// 批示 and history line, a broken list, a dangling reference, a counter
// behind the numbers used.
func TestCheckSeesWhatSQLiteCannot(t *testing.T) {
	s := newStore(t)
	doc := saveIncoming(t, s, "要被弄乱的文件")
	update(t, s, func(tx app.Tx) error {
		return tx.AddHistory(app.HistoryEntry{Entity: app.EntityDocument, EntityID: doc.ID, Operator: "李文书", Action: "登记", Detail: "正常"})
	})
	if problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("sound file: %v %v", problems, err)
	}
	raw, err := sql.Open("sqlite3", fileURI(s.Path()))
	must(t, err)
	defer raw.Close()
	for _, stmt := range []string{
		"UPDATE doc_instructions SET on_date = '2026-1?-0Z', text = CAST(x'e6b9fffe' AS TEXT) WHERE pos = 0",
		"UPDATE history SET at = 'xx:garbled', operator = CAST(x'ff' AS TEXT)",
		"UPDATE documents SET co_units = '[\"区公安分局\",'",
		"UPDATE documents SET copies = 'abc'",
		"UPDATE counters SET value = 0 WHERE name = 'in:2026'",
		"UPDATE documents SET duplicate_of = 4242",
	} {
		_, err := raw.Exec(stmt)
		must(t, err)
	}
	problems, err := s.Check(ctx)
	must(t, err)
	joined := strings.Join(problems, "\n")
	for _, want := range []string{
		"表doc_instructions第", "的on_date的日期“2026-1?-0Z”无法读取", "的text含有无法识别的字符",
		"表history第", "的at的时间无法读取", "的operator含有无法识别的字符",
		"的co_units的列表无法读取", "的copies应为数字", "编号计数器in:2026是0，但已用到1", "重复公文所指的原件不存在",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("check misses %q in:\n%s", want, joined)
		}
	}
}

// Issue 12: a restore refused (bad backup, or the file open elsewhere)
// writes no safety copy, and from inside a window asks to close the
// other windows.
func TestRefusedRestoreWritesNothing(t *testing.T) {
	s := newStore(t)
	saveIncoming(t, s, "现有的文件")
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	must(t, s.Backup(ctx, good))
	bad := filepath.Join(dir, "bad.db")
	must(t, os.WriteFile(bad, []byte("不是数据库"), 0o600))
	backups := BackupDir(s.Path())

	wantCode(t, s.RestoreFrom(bad), app.EINVALID)
	other, err := Open(s.Path()) // another window on the same file
	must(t, err)
	err = s.RestoreFrom(good)
	other.Close()
	wantCode(t, err, app.EBUSY)
	if msg := app.ErrorMessage(err); !strings.Contains(msg, "关闭其他公文督办台窗口") {
		t.Errorf("busy message from inside a window: %q", msg)
	}
	if _, err := os.Stat(s.Path() + ".before-restore"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a refused restore wrote .before-restore (%v)", err)
	}
	must(t, s.RestoreFrom(good))
	if _, err := os.Stat(s.Path() + ".before-restore"); err != nil {
		t.Errorf("the restore kept no safety copy: %v", err)
	}
	// one safety copy: none besides it in the backups folder
	if _, err := os.Stat(backups); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the restore wrote a second safety copy into %s (%v)", backups, err)
	}
}

// Issue 13.7: damage met while the file is open (a read fails) is checked
// for before the next write, which is then refused.
func TestDamageMetWhileOpenStopsWrites(t *testing.T) {
	s := newStore(t)
	update(t, s, func(tx app.Tx) error {
		return tx.SaveLeader(&app.Leader{Name: "王区长", Role: "区长", Active: true})
	})
	_, err := s.sql.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	must(t, err)
	damagePage(t, s.Path(), "leaders") // the disk fails under the open file
	if _, err := s.Leaders(ctx); err == nil {
		t.Fatal("reading the damaged page went through: the test proves nothing")
	}
	err = s.Update(ctx, func(tx app.Tx) error { return tx.SaveUnit(&app.Unit{Name: "区财政局", Active: true}) })
	if msg := app.ErrorMessage(err); err == nil || !strings.Contains(msg, "备份恢复") {
		t.Errorf("a write after damage was met: %q", msg)
	}
}

// Issue 13.10: which leftovers go at the next start. A file of a process
// that still runs stays; one whose process is gone, or a day old, goes.
func TestCleanLeftovers(t *testing.T) {
	gone := exec.Command(os.Args[0], "-test.run=^$")
	must(t, gone.Run())
	dead, alive := gone.Process.Pid, os.Getpid()
	dir := t.TempDir()
	now := time.Now()
	files := map[string]bool{ // name: removed
		fmt.Sprintf("gongwen-20261203.db.tmp-%d-17", dead):          true,
		fmt.Sprintf("gongwen-20261203.db.tmp-%d-17-journal", dead):  true,
		fmt.Sprintf("gongwen.db.before-restore.tmp-%d-9-wal", dead): true,
		fmt.Sprintf(".gongwen-%d-4711.tmp", dead):                   true,
		fmt.Sprintf("gongwen-20261203.db.tmp-%d-18", alive):         false,
		".gongwen-8472947.tmp":                                      false, // no process id: waits its day
		"gongwen-20261203.db":                                       false,
		"说明.tmp":                                                    false,
	}
	for name := range files {
		must(t, os.WriteFile(filepath.Join(dir, name), nil, 0o600))
	}
	old := filepath.Join(dir, ".gongwen-123.tmp")
	must(t, os.WriteFile(old, nil, 0o600))
	must(t, os.Chtimes(old, now.Add(-25*time.Hour), now.Add(-25*time.Hour)))
	files[".gongwen-123.tmp"] = true
	CleanLeftovers(dir, now)
	for name, removed := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if gotRemoved := errors.Is(err, fs.ErrNotExist); gotRemoved != removed {
			t.Errorf("%s: removed %v, want %v", name, gotRemoved, removed)
		}
	}
}

// A file an older program wrote cannot be read without upgrading it, which
// OpenReadOnly never does: it says so, and the callers that may write
// (the command line where the folder is writable) open it with Open.
func TestOpenReadOnlyRefusesAnOldFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db, sqlDB, err := connect(dsn(path, defaultOptions), 1)
	must(t, err)
	must(t, migrateTo(db, path, 1))
	sqlDB.Close()
	if _, err := OpenReadOnly(path); !errors.Is(err, ErrNeedsUpgrade) {
		t.Errorf("read-only open of an old file: %v", err)
	}
	if v := pragma(t, path, "user_version"); v != 1 {
		t.Errorf("the read-only open changed the file to version %d", v)
	}
}
