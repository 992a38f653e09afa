package data

import (
	"errors"
	"io/fs"
	"syscall"

	"gongwen/app"
)

// Messages a secretary reads when the database itself is the problem.
const (
	msgBusy    = "数据库正被其他程序占用，请稍后再试"
	msgFull    = "磁盘已满，数据没有保存。请清理磁盘空间后重试；要把数据换到空间充足的磁盘，请在“设置—数据与备份”中“立即备份”（或 gongwen backup -o 文件）写出一份完整的副本，再在那里恢复；不要直接复制数据文件（最近的改动可能还在旁边的 -wal 文件中）"
	msgIO      = "无法写入数据文件（磁盘已满、只读、被拔出或没有写入权限），本次操作没有保存。请检查存放数据文件的磁盘后重试"
	msgCorrupt = "数据文件已损坏或不是公文督办台的数据文件。请停止使用它，并从最近的备份恢复（“设置—数据与备份—从备份恢复…”）"
	msgCancel  = "操作已取消，没有保存任何改动"
	msgDamaged = "数据文件已损坏，为免损坏更多数据，程序不再向它写入。请从最近一次完好的备份恢复（“设置—数据与备份—从备份恢复…”，或命令 gongwen restore 备份文件）；恢复前的数据会另存为 .before-restore"
)

// notFound says which record is missing, e.g. 没有找到收文2026-0001.
func notFound(format string, args ...any) *app.Error {
	return app.Errorf(app.ENOTFOUND, "没有找到"+format, args...)
}

// wrapIO is for file operations outside SQLite (backup, restore); the
// cause is translated by app.Cause, as everywhere else.
func wrapIO(what string, err error) error {
	if err == nil {
		return nil
	}
	var ae *app.Error
	if errors.As(err, &ae) {
		return ae
	}
	return app.Errorf(app.EINTERNAL, "%s失败：%s", what, app.Cause(err))
}

// folderError names why a file could not be made in dir: a read-only
// place and a missing permission are the causes a secretary can act on.
func folderError(dir, what string, err error) error {
	switch {
	case errors.Is(err, syscall.EROFS):
		return app.Errorf(app.EINVALID, "%s失败：文件夹“%s”在只读的位置（只读的光盘、U盘或网络文件夹），程序只能读取、不能在那里保存数据", what, dir)
	case errors.Is(err, fs.ErrPermission):
		return app.Errorf(app.EINVALID, "%s失败：没有写入文件夹“%s”的权限，程序不能在那里保存数据；请换一个自己的文件夹，或请管理员开放权限", what, dir)
	}
	return wrapIO(what, err)
}

// isReadOnlyPlace reports a file that could not be made because its
// folder is read-only or not ours.
func isReadOnlyPlace(err error) bool {
	return errors.Is(err, syscall.EROFS) || errors.Is(err, fs.ErrPermission)
}

// missingFile is the error for a database path that names no file.
func missingFile(path string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return app.Errorf(app.ENOTFOUND, "数据文件“%s”不存在，请检查路径", path)
	}
	if errors.Is(err, fs.ErrPermission) {
		return app.Errorf(app.EINVALID, "没有读取数据文件“%s”的权限", path)
	}
	return wrapIO("打开数据文件", err)
}
