//go:build windows

package ui

import "syscall"

// runningUnderWine reports whether this Windows program runs under Wine:
// Wine's ntdll exports wine_get_version, Windows' does not.
func runningUnderWine() bool {
	return syscall.NewLazyDLL("ntdll.dll").NewProc("wine_get_version").Find() == nil
}
