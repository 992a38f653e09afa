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
	if err := os.MkdirAll(filepath.Dir(db), 0o755); err != nil {
		return nil, wrapIO("创建数据文件夹", err)
	}
	f, err := os.OpenFile(lockPath(db), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, wrapIO("打开锁文件", err)
	}
	if err := lockFile(f, exclusive); err != nil {
		f.Close()
		if exclusive {
			return nil, app.Errorf(app.EBUSY, "数据文件正被公文督办台的窗口或另一个命令使用；请先关闭所有公文督办台窗口，再恢复数据")
		}
		return nil, app.Errorf(app.EBUSY, "数据文件正在恢复，请稍后再打开")
	}
	return &inUse{f: f}, nil
}

func (l *inUse) release() {
	if l != nil && l.f != nil {
		unlockFile(l.f)
		l.f.Close()
		l.f = nil
	}
}
