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
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Message
	}
	return "操作未能完成：" + err.Error()
}
