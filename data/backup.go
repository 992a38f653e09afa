package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"time"

	"gongwen/app"
)

// Backup writes a consistent copy of the database to dest while the program
// runs and others write: VACUUM INTO reads one snapshot (WAL content
// included) into a temporary file, which is flushed and then renamed over
// dest, so dest is never half written.
func (s *Store) Backup(ctx context.Context, dest string) error {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return wrapIO("备份", err)
	}
	if abs == s.path {
		return app.Errorf(app.EINVALID, "备份文件不能是正在使用的数据文件本身")
	}
	return writeCopy(abs, "备份", func(tmp string) error {
		s.gate.enter()
		defer s.gate.leave()
		// A connection of its own with SQLite's small default page cache:
		// the copy reads every page once, and a pool connection would keep
		// 16 MB of them for the rest of the day (the window's memory).
		db, err := sql.Open("sqlite3", dsnReadOnly(s.path))
		if err != nil {
			return mapError(err)
		}
		defer db.Close()
		_, err = db.ExecContext(ctx, "VACUUM INTO ?", tmp)
		return mapError(err)
	})
}

// writeCopy makes dest by letting fill write a temporary file beside it;
// what names the operation in messages.
func writeCopy(dest, what string, fill func(tmp string) error) error {
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return wrapIO(what, err)
	}
	tmp := fmt.Sprintf("%s.tmp-%d-%d", dest, os.Getpid(), time.Now().UnixNano())
	defer os.Remove(tmp) // gone already after a successful rename
	if err := fill(tmp); err != nil {
		return err
	}
	if err := syncFile(tmp); err != nil {
		return wrapIO(what, err)
	}
	return wrapIO(what, os.Rename(tmp, dest))
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// RestoreFrom puts the backup src in place of the open file (as Restore
// does, keeping what it replaces as .before-restore) and reopens it. Reads
// and writes of other goroutines wait meanwhile and then see the restored
// data. If the file cannot be reopened the store stays closed and every
// later call fails.
func (s *Store) RestoreFrom(src string) (err error) {
	s.gate.replace(func() { err = s.restoreLocked(src) })
	return err
}

func (s *Store) restoreLocked(src string) error {
	restoreErr := s.closeLocked()
	if restoreErr == nil {
		restoreErr = Restore(src, s.path)
	}
	fresh, err := open(s.path, s.opts)
	if err != nil {
		return err // the store stays closed: this matters more than why the restore failed
	}
	s.db, s.sql, s.rdb, s.rsql, s.lock = fresh.db, fresh.sql, fresh.rdb, fresh.rsql, fresh.lock
	return restoreErr
}

// Restore replaces the database file dest by the backup src. The store on
// dest must be closed. src must be a Gongwen Desk database this program can
// read and that passes SQLite's integrity check; the current dest is kept as
// dest+".before-restore", and its stale -wal and -shm files are removed so
// that SQLite cannot replay them onto the restored file.
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
	lock, err := holdExclusive(dest)
	if err != nil {
		return err
	}
	defer lock.release()
	backup, err := openChecked(src)
	if err != nil {
		return err
	}
	defer backup.Close()
	if _, err := os.Stat(dest); err == nil {
		if err := keepBeforeRestore(dest); err != nil {
			return err
		}
	}
	return writeCopy(dest, "恢复", func(tmp string) error {
		if _, err := backup.Exec("VACUUM INTO ?", tmp); err != nil {
			return wrapIO("读取备份", mapError(err))
		}
		for _, stale := range []string{dest + "-wal", dest + "-shm"} {
			if err := os.Remove(stale); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return wrapIO("清理旧的日志文件", err)
			}
		}
		return nil
	})
}

// openChecked opens path read-only after making sure it is a Gongwen Desk
// database this program can read and that it is sound.
func openChecked(path string) (*sql.DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, app.Errorf(app.ENOTFOUND, "找不到备份文件“%s”", path)
	}
	db, err := sql.Open("sqlite3", dsnReadOnly(path))
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
		return bad("无法读取（%s）", app.ErrorMessage(mapError(err)))
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

// keepBeforeRestore saves the current database as dest.before-restore: a
// consistent copy through SQLite when dest can be read, else the raw file.
func keepBeforeRestore(dest string) error {
	keep := dest + ".before-restore"
	// an earlier restore's copy may be the only original left: keep it too
	if fi, err := os.Stat(keep); err == nil {
		if err := os.Rename(keep, keep+"-"+fi.ModTime().Format("20060102-150405")); err != nil {
			return wrapIO("保留上一次恢复前的数据", err)
		}
	}
	err := writeCopy(keep, "保留恢复前的数据", func(tmp string) error {
		db, err := sql.Open("sqlite3", dsnReadOnly(dest))
		if err != nil {
			return err
		}
		defer db.Close()
		_, err = db.Exec("VACUUM INTO ?", tmp)
		return err
	})
	if err == nil {
		return nil
	}
	return writeCopy(keep, "保留恢复前的数据", func(tmp string) error { return copyFile(dest, tmp) })
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return wrapIO("复制数据文件", err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return wrapIO("复制数据文件", err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return wrapIO("复制数据文件", err)
	}
	return wrapIO("复制数据文件", out.Close())
}

// Daily backups are named by their day; pruning keeps the newest
// keepDaily, and of the older ones the newest of each of the last
// keepMonths calendar months (this month included).
const (
	keepDaily  = 14
	keepMonths = 12
)

var backupName = regexp.MustCompile(`^gongwen-(\d{8})\.db$`)

func dailyName(day time.Time) string { return "gongwen-" + day.Format("20060102") + ".db" }

// AutoBackup writes today's backup gongwen-YYYYMMDD.db into dir if it is
// not there yet, then prunes the old ones. created is the path written, or
// "" when today's backup already existed.
func (s *Store) AutoBackup(ctx context.Context, dir string, now time.Time) (created string, err error) {
	path := filepath.Join(dir, dailyName(now))
	switch _, err := os.Stat(path); {
	case errors.Is(err, fs.ErrNotExist):
		if err := s.Backup(ctx, path); err != nil {
			return "", err
		}
		created = path
	case err != nil:
		return "", wrapIO("自动备份", err)
	}
	return created, pruneBackups(dir, now)
}

type dailyBackup struct {
	path string
	day  time.Time
}

// dailyBackups lists the daily backups in dir, newest first; other files
// are not touched.
func dailyBackups(dir string) ([]dailyBackup, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []dailyBackup
	for _, e := range entries {
		m := backupName.FindStringSubmatch(e.Name())
		if m == nil || e.IsDir() {
			continue
		}
		day, err := time.ParseInLocation("20060102", m[1], time.Local)
		if err != nil {
			continue
		}
		out = append(out, dailyBackup{path: filepath.Join(dir, e.Name()), day: day})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].day.After(out[j].day) })
	return out, nil
}

func monthIndex(t time.Time) int { return t.Year()*12 + int(t.Month()) - 1 }

// pruneBackups applies the keeping rule to the daily backups of dir.
func pruneBackups(dir string, now time.Time) error {
	all, err := dailyBackups(dir)
	if err != nil {
		return wrapIO("整理旧备份", err)
	}
	kept := map[int]bool{} // months whose newest older copy is kept
	for i, b := range all {
		if i < keepDaily {
			continue
		}
		month := monthIndex(b.day)
		if monthIndex(now)-month < keepMonths && !kept[month] {
			kept[month] = true
			continue
		}
		if err := os.Remove(b.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return wrapIO("删除旧备份", err)
		}
	}
	return nil
}

// LastBackup is the newest backup in dir and when it was written: a daily
// one or one taken by hand (any gongwen-*.db).
func LastBackup(dir string) (string, time.Time, bool) {
	files, err := filepath.Glob(filepath.Join(dir, "gongwen-*.db"))
	if err != nil {
		return "", time.Time{}, false
	}
	var path string
	var newest time.Time
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil && fi.ModTime().After(newest) {
			path, newest = f, fi.ModTime()
		}
	}
	return path, newest, path != ""
}
