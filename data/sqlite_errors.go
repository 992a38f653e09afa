package data

import (
	"context"
	"errors"
	"strings"

	"github.com/mattn/go-sqlite3"
	"gorm.io/gorm"

	"gongwen/app"
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
	case isServerError(err):
		return mapServerError(err)
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

// notOurs says why a file could not be read as a Gongwen Desk database:
// a file that cannot be opened is not called damaged.
func notOurs(path string, err error) error {
	var ae *app.Error
	var se sqlite3.Error
	switch {
	case errors.As(err, &ae):
		return ae
	case errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked):
		return mapError(err)
	case errors.As(err, &se) && (se.Code == sqlite3.ErrCantOpen || se.Code == sqlite3.ErrPerm || se.Code == sqlite3.ErrReadonly):
		return app.Errorf(app.EINVALID, "无法打开数据文件“%s”：没有读取它（或写入它所在文件夹）的权限，或者它在只读的位置而旁边缺少它的日志文件；程序没有改动它", path)
	case errors.As(err, &se) && se.Code == sqlite3.ErrIoErr:
		return app.Errorf(app.EINTERNAL, "读取数据文件“%s”时出错（磁盘或U盘故障？）；程序没有改动它", path)
	}
	return app.Errorf(app.EINVALID, "“%s”不是公文督办台的数据文件，或者已经损坏；程序没有改动它", path)
}
