package data

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"gongwen/app"
)

// Backup writes a consistent copy of the database to dest while the program
// runs and others write: VACUUM INTO reads one snapshot (WAL content
// included) into a temporary file, which is flushed and then renamed over
// dest, so dest is never half written. The copy is one self-contained file
// (no -wal), private to the user: it can be moved, and checked or restored
// from read-only media.
func (s *Store) Backup(ctx context.Context, dest string) error {
	if s.OnServer() {
		return errServerBackup(s.path)
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		return wrapIO("备份", err)
	}
	if abs == s.path {
		return app.Errorf(app.EINVALID, "备份文件不能是正在使用的数据文件本身")
	}
	return writeCopy(abs, "备份", func(tmp string) error {
		defer s.use(ctx)()
		return s.eng.backupCopy(ctx, tmp)
	})
}

// vacuumInto writes a consistent copy of db into the empty file tmp. The
// copy is a rollback-journal file even when db is in WAL mode (pinned by
// TestReadOnlyMedia): a WAL file could not be read on read-only media,
// where SQLite cannot make its -shm.
func vacuumInto(ctx context.Context, db *sql.DB, tmp string) error {
	_, err := db.ExecContext(ctx, "VACUUM INTO ?", tmp)
	return mapError(err)
}

// RestoreFrom puts the backup src in place of the open file and reopens it,
// by the one policy of every restore (Restore's): the data it replaces is
// kept as .before-restore, once the backup and the file's users have passed
// the checks, and a refused restore writes nothing. Reads and writes of
// other goroutines wait meanwhile and then see the restored data. If the
// file cannot be reopened the store stays closed and every later call fails.
func (s *Store) RestoreFrom(src string) (err error) {
	s.gate.replace(func() { err = s.restoreLocked(src) })
	return err
}

func (s *Store) restoreLocked(src string) error {
	if s.OnServer() {
		return errServerBackup(s.path)
	}
	if s.readOnly {
		return app.Errorf(app.EINVALID, "数据文件“%s”是以只读方式打开的，不能恢复", s.path)
	}
	restoreErr := s.closeLocked()
	if restoreErr == nil {
		restoreErr = Restore(src, s.path)
		if restoreErr == errInUse { // this window holds the file too: the others must close
			restoreErr = app.Errorf(app.EBUSY, "数据文件正被另一个公文督办台窗口或命令使用；请先关闭其他公文督办台窗口，再恢复数据（没有做任何改动）")
		}
	}
	fresh, err := open(s.path, s.opts)
	if err != nil {
		return err // the store stays closed: this matters more than why the restore failed
	}
	s.db, s.sql, s.rdb, s.rsql, s.lock = fresh.db, fresh.sql, fresh.rdb, fresh.rsql, fresh.lock
	s.eng = fresh.eng
	return restoreErr
}

// Restore replaces the database file dest by the backup src. The store on
// dest must be closed. src must be a Gongwen Desk database this program can
// read and that passes SQLite's integrity check; the current dest is kept
// whole as dest+".before-restore" (a consistent copy, or when dest is too
// damaged for that the file and its -wal as they are), the one safety copy
// of a restore, and only then are its -wal and -shm removed, so that SQLite
// cannot replay them onto the restored file.
func Restore(src, dest string) error {
	src, err := filepath.Abs(src)
	if err != nil {
		return wrapIO("恢复", err)
	}
	if dest, err = filepath.Abs(dest); err != nil {
		return wrapIO("恢复", err)
	}
	if src == dest {
		return app.Errorf(app.EINVALID, "备份文件和要恢复的数据文件是同一个文件")
	}
	// the backup first: a refused restore touches nothing, not even the lock
	backup, err := openChecked(src)
	if err != nil {
		return err
	}
	defer backup.Close()
	lock, err := holdExclusive(dest)
	if err != nil {
		return err
	}
	defer lock.release()
	if _, err := os.Stat(dest); err == nil {
		if err := keepBeforeRestore(dest); err != nil {
			return err
		}
	}
	return writeCopy(dest, "恢复", func(tmp string) error {
		if err := vacuumInto(context.Background(), backup, tmp); err != nil {
			return wrapIO("读取备份", err)
		}
		for _, stale := range []string{dest + "-wal", dest + "-shm"} {
			if err := os.Remove(stale); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return wrapIO("清理旧的日志文件", err)
			}
		}
		return nil
	})
}

// sourceDSN reads a backup without creating anything beside it (it may sit
// on read-only media, or in backups/): immutable, unless it has a -wal
// whose content must be read too.
func sourceDSN(path string) string {
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		return dsnReadOnly(path)
	}
	return dsnImmutable(path)
}

// openChecked opens path read-only after making sure it is a Gongwen Desk
// database this program can read and that it is sound.
func openChecked(path string) (*sql.DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, app.Errorf(app.ENOTFOUND, "找不到备份文件“%s”", path)
	}
	db, err := sql.Open("sqlite3", sourceDSN(path))
	if err != nil {
		return nil, mapError(err)
	}
	bad := func(format string, args ...any) (*sql.DB, error) {
		db.Close()
		return nil, app.Errorf(app.EINVALID, "“%s”不能用来恢复："+format, append([]any{path}, args...)...)
	}
	version, appID, _, err := fileVersion(sqlScanner(db))
	switch {
	case err != nil:
		return bad("无法读取（%s）", app.ErrorMessage(notOurs(path, err)))
	case appID != applicationID || version < 1:
		return bad("它不是公文督办台的数据文件")
	case version > schemaVersion():
		return bad("它来自较新版本的公文督办台（数据版本%d），请升级程序后再恢复", version)
	}
	problems, err := integrity(context.Background(), db)
	if err != nil {
		return bad("无法检查（%s）", app.ErrorMessage(err))
	}
	if len(problems) > 0 {
		return bad("文件已损坏（%s）", problems[0])
	}
	return db, nil
}

// copyDatabase writes a consistent copy of the closed database src into
// the empty file tmp.
func copyDatabase(src, tmp string) error {
	db, err := sql.Open("sqlite3", dsnReadOnly(src))
	if err != nil {
		return mapError(err)
	}
	defer db.Close()
	return vacuumInto(context.Background(), db, tmp)
}

// keepBeforeRestore saves the current database whole as
// dest.before-restore: a consistent copy through SQLite when dest can be
// read, else the raw file together with its -wal (committed data may sit
// there only), which SQLite reads as one when the copy is opened.
func keepBeforeRestore(dest string) error {
	keep := dest + ".before-restore"
	// an earlier restore's copy may be the only original left: keep it too
	if fi, err := os.Stat(keep); err == nil {
		older := keep + "-" + fi.ModTime().Format("20060102-150405")
		if err := os.Rename(keep, older); err != nil {
			return wrapIO("保留上一次恢复前的数据", err)
		}
		if err := os.Rename(keep+"-wal", older+"-wal"); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return wrapIO("保留上一次恢复前的数据", err)
		}
	}
	err := writeCopy(keep, "保留恢复前的数据", func(tmp string) error { return copyDatabase(dest, tmp) })
	if err == nil {
		return nil
	}
	// the WAL first: the main file is renamed into place last, so a kill in
	// between never leaves a main file without its WAL
	if fi, err := os.Stat(dest + "-wal"); err == nil && fi.Size() > 0 {
		if err := writeCopy(keep+"-wal", "保留恢复前的数据", func(tmp string) error { return copyFile(dest+"-wal", tmp) }); err != nil {
			return err
		}
	}
	return writeCopy(keep, "保留恢复前的数据", func(tmp string) error { return copyFile(dest, tmp) })
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return wrapIO("复制数据文件", err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, privateFile)
	if err != nil {
		return wrapIO("复制数据文件", err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return wrapIO("复制数据文件", err)
	}
	return wrapIO("复制数据文件", out.Close())
}
