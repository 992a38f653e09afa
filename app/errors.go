// Package app is the domain of Gongwen Desk: the four books (documents, seal
// requests, supervision items, meetings), their rules, the working-day
// calendar, and the service interfaces the store implements. It imports no
// UI, database or PDF library.
package app

import (
	"errors"
	"fmt"
)

// Error codes: machine-readable kinds of failure. The message that goes with
// them is always Chinese and written for a secretary.
const (
	EINVALID   = "invalid"   // the input is wrong; nothing was changed
	ENOTFOUND  = "not_found" // no such record
	ECONFLICT  = "conflict"  // duplicate number or 文号
	ESTATE     = "state"     // a workflow step out of order
	EDUPLICATE = "duplicate" // a probable duplicate that the user may confirm
	EBUSY      = "busy"      // the database is locked by another program
	EINTERNAL  = "internal"  // a bug or an I/O failure
	EWARNING   = "warning"   // saved, but something looks wrong to check
)

// Error is a domain error with a code and a Chinese message.
type Error struct {
	Code    string
	Message string
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
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Message
	}
	return "操作未能完成：" + err.Error()
}
