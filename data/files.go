package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"time"
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
