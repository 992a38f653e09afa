//go:build !windows

package data

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"gongwen/app"
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
	must(t, s.RestoreFrom(daily))
	want := map[string]fs.FileMode{
		filepath.Dir(path): 0o700, path: 0o600, path + "-wal": 0o600, path + "-shm": 0o600, lockPath(path): 0o600,
		backups: 0o700, daily: 0o600, filepath.Dir(byHand): 0o700, byHand: 0o600,
		path + ".before-restore": 0o600,
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

const helperWrite = "GONGWEN_TEST_WRITE"

// TestWriteHelper opens the database named by the environment and writes
// one unit, printing "ok" or the error.
func TestWriteHelper(t *testing.T) {
	path := os.Getenv(helperWrite)
	if path == "" {
		t.Skip("helper process of TestStaleShm")
	}
	s, err := Open(path)
	if err == nil {
		err = s.Update(ctx, func(tx app.Tx) error {
			return tx.SaveUnit(&app.Unit{Name: fmt.Sprintf("单位%d", time.Now().UnixNano()), Active: true})
		})
		s.Close()
	}
	if err != nil {
		fmt.Println("error", app.ErrorMessage(err))
		os.Exit(1)
	}
	fmt.Println("ok")
}

// Issue 13.9: a -shm the user cannot write (left by another user, or from
// a time the file was read-only) no longer makes every write fail: with
// no one else on the file it is removed and rebuilt.
func TestStaleShm(t *testing.T) {
	needRoot(t)
	const nobody = 65534
	dir, err := os.MkdirTemp("", "gongwen-shm")
	must(t, err)
	defer os.RemoveAll(dir)
	must(t, os.Chmod(dir, 0o755))
	// the test binary, where the other user can run it
	self, err := os.ReadFile(os.Args[0])
	must(t, err)
	bin := filepath.Join(dir, "data.test")
	must(t, os.WriteFile(bin, self, 0o755))
	office := filepath.Join(dir, "office")
	must(t, os.Mkdir(office, 0o700))
	must(t, os.Chown(office, nobody, nobody))
	path := filepath.Join(office, "gongwen.db")
	write := func() string {
		cmd := exec.Command(bin, "-test.run=^TestWriteHelper$", "-test.count=1")
		cmd.Env = append(os.Environ(), helperWrite+"="+path)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
		out, _ := cmd.CombinedOutput()
		return string(out)
	}
	if out := write(); !strings.HasPrefix(out, "ok") {
		t.Fatalf("the first write as another user: %s", out)
	}
	// a -shm of someone else's, read-only to the user
	must(t, os.WriteFile(path+"-shm", make([]byte, 32768), 0o644))
	// while another window holds the file the -shm stays, and the cause is named
	other, err := holdShared(path)
	must(t, err)
	out := write()
	other.release()
	if !strings.Contains(out, "“gongwen.db-shm”是只读的") {
		t.Errorf("a stale -shm while the file is in use: %s", out)
	}
	if out := write(); !strings.HasPrefix(out, "ok") {
		t.Errorf("a write beside a stale read-only -shm: %s", out)
	}
}
