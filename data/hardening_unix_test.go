//go:build !windows

package data

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Issue 13.13: the data folder, the database and its companions, the
// backups and their folder are private to the user.
func TestFilesArePrivate(t *testing.T) {
	old := syscall.Umask(0o022) // the usual umask, whatever the test runner's
	defer syscall.Umask(old)
	dir := t.TempDir()
	path := filepath.Join(dir, "数据", "gongwen.db")
	s, err := Open(path)
	must(t, err)
	defer s.Close()
	saveIncoming(t, s, "私密")
	backups := BackupDir(path)
	daily, err := s.AutoBackup(ctx, backups, time.Now())
	must(t, err)
	byHand := filepath.Join(dir, "别处", "副本.db")
	must(t, s.Backup(ctx, byHand))
	must(t, s.RestoreFrom(daily, filepath.Join(backups, "gongwen-before-restore.db")))
	want := map[string]fs.FileMode{
		filepath.Dir(path): 0o700, path: 0o600, path + "-wal": 0o600, path + "-shm": 0o600, lockPath(path): 0o600,
		backups: 0o700, daily: 0o600, filepath.Dir(byHand): 0o700, byHand: 0o600,
		path + ".before-restore": 0o600, filepath.Join(backups, "gongwen-before-restore.db"): 0o600,
	}
	for p, mode := range want {
		fi, err := os.Stat(p)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(p), err)
			continue
		}
		if got := fi.Mode().Perm(); got != mode {
			t.Errorf("%s is %o, want %o", strings.TrimPrefix(p, dir), got, mode)
		}
	}
}
