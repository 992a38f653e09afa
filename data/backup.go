package data

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// writeCopy makes dest by letting fill write a temporary file beside it;
// what names the operation in messages. The folder and the file are
// private to the user.
func writeCopy(dest, what string, fill func(tmp string) error) error {
	dir := filepath.Dir(dest)
	if err := makePrivateDir(dir); err != nil {
		return folderError(dir, what, err)
	}
	CleanLeftovers(dir, time.Now())
	tmp := tempName(dest)
	defer os.Remove(tmp) // gone already after a successful rename
	if err := createPrivate(tmp); err != nil {
		return folderError(dir, what, err)
	}
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

// Daily backups are named by their data file and their day; pruning keeps
// the newest keepDaily, and of the older ones the newest of each of the
// last keepMonths calendar months (this month included).
const (
	keepDaily  = 14
	keepMonths = 12
)

// BackupStem is what the backups of the data file dbPath are named after:
// its base name without .db. Offices sharing a folder share backups/, so
// office.db's backups are office-YYYYMMDD.db and never new.db's; the
// default gongwen.db keeps its gongwen-YYYYMMDD.db.
func BackupStem(dbPath string) string {
	base := filepath.Base(dbPath)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// BackupInto writes a backup taken by hand into dir (BackupDir of the data
// file, as a rule), named by BackupFile, and returns its path.
func (s *Store) BackupInto(ctx context.Context, dir string, now time.Time) (string, error) {
	dest := BackupFile(dir, s.path, "", now)
	return dest, s.Backup(ctx, dest)
}

// BackupFile is a backup of dbPath taken by hand at t, in dir (kind
// "before-restore" named the safety copies of earlier versions): timed, so
// that it never replaces the day's automatic one.
func BackupFile(dir, dbPath, kind string, t time.Time) string {
	stem := BackupStem(dbPath)
	if kind != "" {
		stem += "-" + kind
	}
	return filepath.Join(dir, stem+"-"+t.Format("20060102-150405")+".db")
}

func dailyName(dbPath string, day time.Time) string {
	return BackupStem(dbPath) + "-" + day.Format("20060102") + ".db"
}

// dailyPattern matches the daily backups of dbPath only: office-2024.db's
// office-2024-20261203.db is not one of office.db's.
func dailyPattern(dbPath string) *regexp.Regexp {
	return regexp.MustCompile(`^` + regexp.QuoteMeta(BackupStem(dbPath)) + `-(\d{8})\.db$`)
}

// ownPattern matches every backup of dbPath: daily, by hand and before a
// restore.
func ownPattern(dbPath string) *regexp.Regexp {
	return regexp.MustCompile(`^` + regexp.QuoteMeta(BackupStem(dbPath)) + `-(?:before-restore-)?\d{8}(?:-\d{6})?\.db$`)
}

var anyBackup = regexp.MustCompile(`^(.+?)-(?:before-restore-)?\d{8}(?:-\d{6})?\.db$`)

// BackupOwner is the base name of the data file the backup is named after
// (office-20261203.db is office.db's), or "" for a file named otherwise.
func BackupOwner(backup string) string {
	if m := anyBackup.FindStringSubmatch(filepath.Base(backup)); m != nil {
		return m[1] + ".db"
	}
	return ""
}

// IsBackupOf says whether the file backup is named as one of dbPath's
// backups.
func IsBackupOf(backup, dbPath string) bool {
	return ownPattern(dbPath).MatchString(filepath.Base(backup))
}

// AutoBackup writes today's backup of the store's file (gongwen.db's is
// gongwen-YYYYMMDD.db) into dir if it is not there yet, then prunes the
// old ones of that file. created is the path written, or
// "" when today's backup already existed.
//
// An office on a server is backed up on the server: nothing is written.
func (s *Store) AutoBackup(ctx context.Context, dir string, now time.Time) (created string, err error) {
	if s.OnServer() {
		return "", nil
	}
	path := filepath.Join(dir, dailyName(s.path, now))
	switch _, err := os.Stat(path); {
	case errors.Is(err, fs.ErrNotExist):
		if err := s.Backup(ctx, path); err != nil {
			return "", err
		}
		created = path
	case err != nil:
		return "", wrapIO("自动备份", err)
	}
	return created, pruneBackups(dir, s.path, now)
}

type dailyBackup struct {
	path string
	day  time.Time
}

// dailyBackups lists the daily backups of dbPath in dir, newest first;
// other files are not touched.
func dailyBackups(dir, dbPath string) ([]dailyBackup, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	daily := dailyPattern(dbPath)
	var out []dailyBackup
	for _, e := range entries {
		m := daily.FindStringSubmatch(e.Name())
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

// pruneBackups applies the keeping rule to the daily backups of dbPath in
// dir.
func pruneBackups(dir, dbPath string, now time.Time) error {
	all, err := dailyBackups(dir, dbPath)
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

// LastBackup is the newest backup of the data file dbPath in dir and when
// it was written: a daily one, one taken by hand or before a restore.
// Another data file's backups in the same folder do not count.
func LastBackup(dir, dbPath string) (string, time.Time, bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", time.Time{}, false
	}
	own := ownPattern(dbPath)
	var path string
	var newest time.Time
	for _, e := range entries {
		if e.IsDir() || !own.MatchString(e.Name()) {
			continue
		}
		if fi, err := e.Info(); err == nil && fi.ModTime().After(newest) {
			path, newest = filepath.Join(dir, e.Name()), fi.ModTime()
		}
	}
	return path, newest, path != ""
}
