//go:build !windows

package ui

import "fyne.io/fyne/v2"

// followCaretWithIME does nothing outside Windows (on Linux the input
// method talks to GLFW through XIM: see the README).
func followCaretWithIME(fyne.Window) {}
