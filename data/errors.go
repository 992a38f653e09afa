package data

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/mattn/go-sqlite3"
	"gorm.io/gorm"

	"gongwen/app"
)

// Messages a secretary reads when the database itself is the problem.
const (
	msgBusy    = "数据库正被其他程序占用，请稍后再试"
	msgFull    = "磁盘已满，数据没有保存。请清理磁盘空间（或把数据文件移到空间充足的磁盘）后重试"
	msgIO      = "无法写入数据文件（磁盘已满、只读、被拔出或没有写入权限），本次操作没有保存。请检查存放数据文件的磁盘后重试"
	msgCorrupt = "数据文件已损坏或不是公文督办台的数据文件。请停止使用它，并从最近的备份恢复（设置—备份与恢复）"
	msgCancel  = "操作已取消，没有保存任何改动"
)

// uniqueNames names the columns a UNIQUE constraint can fail on.
var uniqueNames = map[string]string{
	"documents.direction, documents.serial": "收文编号或发文字号",
	"seal_requests.number":                  "用印申请编号",
	"items.number":                          "督办编号",
	"units.name":                            "单位名称",
	"leaders.name":                          "领导姓名",
	"seals.name":                            "印章名称",
	"counters.name":                         "编号计数器",
}

// mapError turns driver and GORM errors into app errors with Chinese
// messages. App errors, nil and errors it does not know (such as those a
// transaction's fn returns) pass through unchanged.
func mapError(err error) error {
	var ae *app.Error
	var se sqlite3.Error
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ae):
		return ae
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return app.Errorf(app.EINTERNAL, msgCancel)
	case errors.Is(err, gorm.ErrRecordNotFound):
		return app.Errorf(app.ENOTFOUND, "没有找到这条记录，可能已被删除")
	case !errors.As(err, &se):
		return err
	}
	switch se.Code {
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		return app.Errorf(app.EBUSY, msgBusy)
	case sqlite3.ErrFull:
		return app.Errorf(app.EINTERNAL, msgFull)
	case sqlite3.ErrIoErr, sqlite3.ErrReadonly, sqlite3.ErrCantOpen, sqlite3.ErrPerm:
		return app.Errorf(app.EINTERNAL, msgIO)
	case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
		return app.Errorf(app.EINTERNAL, msgCorrupt)
	case sqlite3.ErrConstraint:
		if se.ExtendedCode == sqlite3.ErrConstraintUnique || se.ExtendedCode == sqlite3.ErrConstraintPrimaryKey {
			return app.Errorf(app.ECONFLICT, "%s与已有记录重复，没有保存", uniqueWhat(se.Error()))
		}
	}
	return app.Errorf(app.EINTERNAL, "数据库出错：%v", err)
}

// uniqueWhat names what a "UNIQUE constraint failed: t.c" message is about.
func uniqueWhat(msg string) string {
	_, cols, _ := strings.Cut(msg, "failed: ")
	if name, ok := uniqueNames[cols]; ok {
		return name
	}
	return "编号"
}

// notFound says which record is missing, e.g. 没有找到收文2026-0001.
func notFound(format string, args ...any) *app.Error {
	return app.Errorf(app.ENOTFOUND, "没有找到"+format, args...)
}

// wrapIO is for file operations outside SQLite (backup, restore).
func wrapIO(what string, err error) error {
	if err == nil {
		return nil
	}
	var ae *app.Error
	if errors.As(err, &ae) {
		return ae
	}
	return app.Errorf(app.EINTERNAL, "%s失败：%s", what, ioReason(err))
}

func ioReason(err error) string {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "no space left"), strings.Contains(msg, "disk is full"), strings.Contains(msg, "database or disk is full"):
		return "磁盘已满"
	case strings.Contains(msg, "permission denied"), strings.Contains(msg, "access is denied"):
		return "没有写入权限"
	}
	return fmt.Sprint(err)
}
