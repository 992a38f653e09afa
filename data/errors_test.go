package data

import (
	"context"
	"os"
	"strings"
	"syscall"
	"testing"

	"gongwen/app"
)

// A failed backup or restore says its cause as app.Cause does everywhere
// else: with what the secretary can do about it, never in English.
func TestWrapIOTranslatesAsCause(t *testing.T) {
	for _, err := range []error{
		&os.PathError{Op: "write", Path: "x.bak", Err: syscall.ENOSPC},
		&os.PathError{Op: "open", Path: "x.bak", Err: syscall.EACCES},
	} {
		msg := app.ErrorMessage(wrapIO("备份", err))
		if !strings.HasPrefix(msg, "备份失败：") || !strings.HasSuffix(msg, app.Cause(err)) || strings.Contains(msg, "denied") || strings.Contains(msg, "no space") {
			t.Errorf("%v: %q", err, msg)
		}
	}
}

// A write whose check of a suspect file could not run says why in
// Chinese, as every other failed write does.
func TestSuspectCheckFailureIsTranslated(t *testing.T) {
	s := newStore(t)
	s.sqlite().health.waitOpened(ctx)
	s.sqlite().health.mu.Lock()
	s.sqlite().health.suspect = true
	s.sqlite().health.mu.Unlock()
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	err := s.Update(cancelled, func(app.Tx) error { return nil })
	if msg := app.ErrorMessage(err); msg != msgCancel {
		t.Errorf("write with the check cancelled: %q", msg)
	}
}
