package data

import (
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/mattn/go-sqlite3"

	"gongwen/app"
)

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
