package data

import (
	"os"
	"path/filepath"

	"gongwen/app"
)

// inUse is a lock beside the database file: every open Store holds it
// shared, and Restore takes it exclusively, so a restore never replaces a
// file that a window (or another command) still has open. SQLite's own
// locks cannot tell: an idle connection holds none.
type inUse struct{ f *os.File }

func lockPath(db string) string { return db + ".lock" }

// holdShared takes the shared lock of the database at db.
func holdShared(db string) (*inUse, error) { return hold(db, false) }

// holdExclusive takes the exclusive lock, failing at once when anyone
// holds the file open.
func holdExclusive(db string) (*inUse, error) { return hold(db, true) }

func hold(db string, exclusive bool) (*inUse, error) {
	if err := makePrivateDir(filepath.Dir(db)); err != nil {
		return nil, folderError(filepath.Dir(db), "创建数据文件夹", err)
	}
	f, err := os.OpenFile(lockPath(db), os.O_RDWR|os.O_CREATE, privateFile)
	if err != nil {
		return nil, folderError(filepath.Dir(db), "打开锁文件", err)
	}
	return lockOrClose(f, exclusive)
}

// holdForReading takes the shared lock for a read-only store. In a folder
// the program cannot write (read-only media) an existing lock file is
// opened read-only, and without one there is no lock: nobody can restore
// into such a folder either.
func holdForReading(db string) (*inUse, error) {
	f, err := os.OpenFile(lockPath(db), os.O_RDWR|os.O_CREATE, privateFile)
	if err != nil && isReadOnlyPlace(err) {
		if f, err = os.Open(lockPath(db)); err != nil {
			return nil, nil
		}
	}
	if err != nil {
		return nil, folderError(filepath.Dir(db), "打开锁文件", err)
	}
	return lockOrClose(f, false)
}

func lockOrClose(f *os.File, exclusive bool) (*inUse, error) {
	if err := lockFile(f, exclusive); err != nil {
		f.Close()
		if exclusive {
			return nil, errInUse
		}
		return nil, app.Errorf(app.EBUSY, "数据文件正在恢复，请稍后再打开")
	}
	return &inUse{f: f}, nil
}

// errInUse refuses a restore from the command line; a window restoring
// its own file says 其他 (see RestoreFrom).
var errInUse = app.Errorf(app.EBUSY, "数据文件正被公文督办台的窗口或另一个命令使用；请先关闭所有公文督办台窗口，再恢复数据")

func (l *inUse) release() {
	if l != nil && l.f != nil {
		unlockFile(l.f)
		l.f.Close()
		l.f = nil
	}
}
