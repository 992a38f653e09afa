package data

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"time"

	"github.com/mattn/go-sqlite3"

	"gongwen/app"
)

// The office's papers are nobody else's business: the database, its
// backups and their folders are private to the user who runs the program
// (on Windows the user's profile folder already is).
const (
	privateDir  fs.FileMode = 0o700
	privateFile fs.FileMode = 0o600
)

// BackupDir is where the backups of the database at dbPath go.
func BackupDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "backups") }

// makePrivateDir creates dir (and its missing parents) private to the user.
func makePrivateDir(dir string) error { return os.MkdirAll(dir, privateDir) }

// createPrivate makes an empty file at path, private to the user, unless
// one is there: SQLite then keeps its mode (and gives it to the -wal and
// -shm files), and VACUUM INTO writes into an empty file.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, privateFile)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return f.Close()
}

// tempName is the temporary file a copy is written to beside dest; the
// process id in it tells a later start whether its writer is gone.
func tempName(dest string) string {
	return fmt.Sprintf("%s.tmp-%d-%d", dest, os.Getpid(), time.Now().UnixNano())
}

// leftover matches what a killed copy, restore or export leaves behind:
// our temporary files (with SQLite's -journal, -wal or -shm of them) and
// the export's .gongwen-PID-*.tmp.
var leftover = regexp.MustCompile(`(?:\.tmp-(\d+)-\d+(?:-journal|-wal|-shm)?|^\.gongwen-(?:(\d+)-)?[^/]*\.tmp)$`)

// staleAfter is the age after which a leftover goes even if its process
// id has been taken by another program since.
const staleAfter = 24 * time.Hour

// CleanLeftovers removes from dir the temporary files of copies whose
// process has ended (or that are older than a day). Files of a process
// still running are left alone: it may be writing them now.
func CleanLeftovers(dir string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		m := leftover.FindStringSubmatch(e.Name())
		if m == nil || e.IsDir() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		pid, _ := strconv.Atoi(m[1] + m[2])
		if now.Sub(info.ModTime()) < staleAfter && (pid == 0 || pid == os.Getpid() || processAlive(pid)) {
			continue // an export without a process id in its name waits its day
		}
		os.Remove(filepath.Join(dir, e.Name()))
	}
}

// readableDSN is how OpenReadOnly reads the file at abs: mode=ro, which
// sees what others are writing; where its folder cannot hold SQLite's -shm
// (read-only media), immutable, unless a -wal beside it holds data.
func readableDSN(abs string) (string, error) {
	var last error
	for _, dsn := range []string{dsnReadOnly(abs), dsnImmutable(abs)} {
		if dsn == dsnImmutable(abs) && walHasData(abs) {
			break
		}
		db, err := sql.Open("sqlite3", dsn)
		if err != nil {
			return "", mapError(err)
		}
		_, _, _, err = fileVersion(sqlScanner(db))
		db.Close()
		if err == nil {
			return dsn, nil
		}
		last = err
		var se sqlite3.Error
		if !errors.As(err, &se) || (se.Code != sqlite3.ErrCantOpen && se.Code != sqlite3.ErrReadonly) {
			break
		}
	}
	return "", notOurs(abs, last)
}

func walHasData(abs string) bool {
	fi, err := os.Stat(abs + "-wal")
	return err == nil && fi.Size() > 0
}

// removeStaleShm deals with a -shm file the program cannot write (left by
// another user, or by a time the file was read-only): SQLite would then
// open the database read-only and every write would fail. The -shm is only
// an index of the -wal, rebuilt at the next open, so when no one else has
// the file open it is removed; otherwise the cause is named.
func removeStaleShm(abs string) error {
	shm := abs + "-shm"
	// never open the -shm (or the database) here: closing a descriptor of
	// a file drops every POSIX lock this process holds on it, SQLite's too
	if _, err := os.Stat(shm); err != nil || canWrite(shm) || !canWrite(abs) {
		return nil // none, fine, or the database itself is read-only (SQLite says so)
	}
	if alone, err := holdExclusive(abs); err == nil { // no one else has it open
		removed := os.Remove(shm)
		alone.release()
		if removed == nil || errors.Is(removed, fs.ErrNotExist) {
			return nil
		}
	}
	return app.Errorf(app.EINVALID, "数据文件旁的“%s”是只读的（可能是别的用户或以前只读时留下的），程序无法写入数据。请关闭所有公文督办台窗口，删除这个文件（或请管理员删除）后再打开；数据不会因此丢失", filepath.Base(shm))
}
