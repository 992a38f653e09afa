// Package app is the domain of Gongwen Desk: the four books (documents, seal
// requests, supervision items, meetings), their rules, the working-day
// calendar, and the service interfaces the store implements. It imports no
// UI, database or PDF library.
package app

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"syscall"
	"time"
)

// Error codes: machine-readable kinds of failure, every one the program
// uses. The message that goes with them is always Chinese and written for a
// secretary. A step that succeeded never returns an error: what it asks the
// secretary to check comes back as a Warning beside a nil error.
const (
	// EINVALID: the input is wrong (a field missing, too long, out of
	// range); nothing was changed and the form stays open.
	EINVALID = "invalid"
	// ENOTFOUND: no such record, or a name not in the settings (a leader, a
	// seal), then with Missing set so that the window can offer to add it.
	ENOTFOUND = "not_found"
	// ECONFLICT: the change would duplicate what must be unique (a number,
	// a 文号, a name in the settings) or was already done.
	ECONFLICT = "conflict"
	// ESTATE: a workflow step out of order (the record's state does not
	// allow it); the message says what must come first.
	ESTATE = "state"
	// EDUPLICATE: a probable duplicate registration; the user may confirm
	// it and save again (RegisterIncoming's allowDuplicate).
	EDUPLICATE = "duplicate"
	// EBUSY: the database is locked by another program or window.
	EBUSY = "busy"
	// EINTERNAL: a bug or an I/O failure; ErrorCode gives it to every error
	// that is not an *Error.
	EINTERNAL = "internal"
	// EROLLBACK ends a write transaction that must leave nothing behind (an
	// import's dry run, or one with bad rows); the importer catches it and
	// it never reaches the user.
	EROLLBACK = "rollback"
)

// Warning is what a step that succeeded asks the secretary to check: a due
// date counted without its year's holidays, a 第N次 that goes against its
// date. It travels beside the error, never as one.
type Warning struct {
	Code    string // WCOVERAGE or WSEQUENCE
	Message string // Chinese, for the secretary
}

// String is the warning's message, "" for none.
func (w *Warning) String() string {
	if w == nil {
		return ""
	}
	return w.Message
}

// Warning codes.
const (
	// WCOVERAGE: a due date counted in a year whose holidays are not
	// entered, on weekends alone; it may move when they are.
	WCOVERAGE = "coverage"
	// WSEQUENCE: a meeting's 第N次 goes against its date among the others.
	WSEQUENCE = "sequence"
)

// Warnings are the warnings of one step, in the order they were found.
type Warnings []Warning

// add appends w when there is one.
func (ws *Warnings) add(w *Warning) {
	if w != nil {
		*ws = append(*ws, *w)
	}
}

// String is the warnings' messages, one a line; "" when there are none.
func (ws Warnings) String() string {
	msgs := make([]string, len(ws))
	for i, w := range ws {
		msgs[i] = w.Message
	}
	return strings.Join(msgs, "\n")
}

// Error is a domain error with a code and a Chinese message.
type Error struct {
	Code    string
	Message string
	// Missing, when set, is the setting whose absence made the step fail,
	// so that the window can offer to add it on the spot.
	Missing *Missing
}

// Missing names a setting a step needs that the office has not entered yet.
type Missing struct {
	Kind MissingKind
	Name string // the name that was typed (a leader's or a seal's), if any
	Role Role   // for a leader: the post the step needs, when it is known
}

// MissingKind is the kind of setting that is missing.
type MissingKind string

const (
	MissingLeader MissingKind = "leader" // a name not on the 领导名单
	MissingSeal   MissingKind = "seal"   // a seal not in the settings
	MissingFonds  MissingKind = "fonds"  // the 全宗号 for the 档号
)

// MissingOf returns what setting err says is missing.
func MissingOf(err error) (Missing, bool) {
	var e *Error
	if errors.As(err, &e) && e.Missing != nil {
		return *e.Missing, true
	}
	return Missing{}, false
}

// NeedsSetting marks e as caused by a missing setting of kind (name, when
// one was typed).
func NeedsSetting(e *Error, kind MissingKind, name string) *Error {
	e.Missing = &Missing{Kind: kind, Name: name}
	return e
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with a formatted Chinese message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err, EINTERNAL for errors of other kinds and
// "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the Chinese message of err; other errors are wrapped in
// a general message that still shows the technical cause.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil || errors.As(err, &e) {
		return Cause(err)
	}
	return "操作未能完成：" + Cause(err)
}

// causes translate the library and system errors a secretary can act on,
// by their text on every system (Linux, Windows, the Go libraries), into
// Chinese; the first that matches wins.
var causes = []struct {
	is    error    // matched with errors.Is, or nil
	texts []string // matched in the lower-case message
	cause string
}{
	{fs.ErrNotExist, []string{"no such file or directory", "cannot find the file", "cannot find the path"}, "文件不存在（请检查文件名和所在文件夹）"},
	{syscall.ENOSPC, []string{"no space left on device", "not enough space on the disk", "disk is full", "database or disk is full"}, "磁盘已满，请清理磁盘空间（或换一个空间充足的磁盘）后重试"},
	{syscall.EROFS, []string{"read-only file system"}, "磁盘或文件夹是只读的（如光盘或写保护的U盘），请换一个可以写入的位置"},
	{fs.ErrPermission, []string{"permission denied", "access is denied", "operation not permitted"}, "没有访问权限（文件可能正被其他程序打开，或没有这个文件夹的读写权限）"},
	{syscall.EISDIR, []string{"is a directory"}, "这是一个文件夹，不是文件"},
	{nil, []string{"zip: not a valid zip file", "zip: checksum error", "zip: unsupported compression algorithm"}, "不是有效的 .xlsx 文件（文件已损坏或没有完整下载），请用 Excel 或 WPS 打开后重新保存为 .xlsx"},
	{io.ErrUnexpectedEOF, []string{"unexpected eof"}, "文件不完整（可能没有完整下载或复制），请重新获取文件"},
}

// Cause is the Chinese cause of err: the message of an *Error, a
// translation of a known library or system error (文件不存在, 磁盘已满 …),
// else the error's own text.
func Cause(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Message
	}
	msg := strings.ToLower(err.Error())
	for _, c := range causes {
		if c.is != nil && errors.Is(err, c.is) {
			return c.cause
		}
		for _, t := range c.texts {
			if strings.Contains(msg, t) {
				return c.cause
			}
		}
	}
	// excelize: "sheet 收文 does not exist"
	if rest, ok := strings.CutPrefix(err.Error(), "sheet "); ok && strings.HasSuffix(rest, " does not exist") {
		return "工作表“" + strings.TrimSuffix(rest, " does not exist") + "”不存在"
	}
	return err.Error()
}

// EditConflict refuses the save of a form opened before someone else
// (by, at) saved the same record: what the form shows is no longer the
// record, and saving it would undo their change.
func EditConflict(by string, at time.Time) *Error {
	if by == "" {
		by = "他人"
	}
	at = at.Local() // a form stays open for hours, not years: the day says enough
	when := fmt.Sprintf("%d月%d日 %02d:%02d", at.Month(), at.Day(), at.Hour(), at.Minute())
	return Errorf(ECONFLICT, "此记录已被%s于 %s 修改，请重新打开后再改", by, when)
}
