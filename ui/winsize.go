package ui

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// The window opens within the screen it is on: 1280×800 where there is
// room, smaller on small or scaled screens (1366×768 at 125 % leaves about
// 1093×582 logical pixels above the taskbar; 1920×1080 at 150 %, 1280×690).

var (
	preferredWindow = fyne.NewSize(1280, 800)
	// fallbackWindow is used until the screen is known (and where it never
	// is): it fits 1366×768 at 125 % with the title bar and taskbar.
	fallbackWindow = fyne.NewSize(1000, 540)
)

// windowFrame is what the system adds around the window's content: the
// title bar above and a thin border, in logical pixels.
var windowFrame = fyne.NewSize(16, 40)

// initialWindowSize is the window's content size for a screen whose work
// area (the screen less the taskbar) is work logical pixels.
func initialWindowSize(work fyne.Size) fyne.Size {
	if work.Width <= 0 || work.Height <= 0 {
		return fallbackWindow
	}
	return fyne.NewSize(
		min(preferredWindow.Width, work.Width-windowFrame.Width),
		min(preferredWindow.Height, work.Height-windowFrame.Height))
}

// fitWindowToScreen resizes the shown window to the primary screen's work
// area, as GLFW reports it; it must run on the main thread once the window
// exists (its canvas then knows the scale Fyne draws at).
func fitWindowToScreen(w fyne.Window) {
	m := glfw.GetPrimaryMonitor()
	scale := w.Canvas().Scale()
	if m == nil || scale <= 0 {
		return
	}
	_, _, width, height := m.GetWorkarea()
	size := initialWindowSize(fyne.NewSize(float32(width)/scale, float32(height)/scale))
	trace("screen work area %d×%d px at scale %.2f: window %.0f×%.0f", width, height, scale, size.Width, size.Height)
	w.Resize(size)
	w.CenterOnScreen()
}
