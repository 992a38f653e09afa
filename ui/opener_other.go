//go:build !windows

package ui

// runningUnderWine is false outside Windows.
func runningUnderWine() bool { return false }
