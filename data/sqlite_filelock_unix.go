//go:build !windows

package data

import (
	"errors"
	"os"
	"syscall"
)

func lockFile(f *os.File, exclusive bool) error {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	return syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
}

func unlockFile(f *os.File) { syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }

// processAlive reports whether a process with this id runs (one of another
// user counts: signal 0 is refused with EPERM).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// canWrite reports whether this user may write the existing file at path,
// without opening it.
func canWrite(path string) bool { return syscall.Access(path, 2 /* W_OK */) == nil }
