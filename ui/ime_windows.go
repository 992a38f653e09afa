//go:build windows

package ui

import (
	"fmt"
	"io"
	"math"
	"os"
	"time"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"golang.org/x/sys/windows"
)

// Chinese input at the caret. GLFW, under Fyne, has no input method API
// (Fyne #618), so an IME opens its composition and candidate windows
// where Windows last heard of a caret: a corner of the window. Here the
// window's input context is told where the focused entry's caret is,
// through imm32 (no cgo): the composition window at the caret, the
// candidate list below it, never over the caret's line. A hidden system
// caret is moved there too, for the input methods that follow it.
//
// Fyne tells nobody when the focus or a caret moves, and a caret also
// moves on the screen when its dialog scrolls or the window is laid out
// again, so the focused entry is looked at ten times a second (a few
// measurements; imm32 is called only when the caret moved).
//
// GONGWEN_IME=off leaves the input method where Windows puts it.
// GONGWEN_IME_LOG=FILE writes, whenever the caret moves, the positions
// read back from the input context (scripts/wine-smoke.sh checks them).

var (
	imm32                   = windows.NewLazySystemDLL("imm32.dll")
	immGetContext           = imm32.NewProc("ImmGetContext")
	immReleaseContext       = imm32.NewProc("ImmReleaseContext")
	immSetCompositionWindow = imm32.NewProc("ImmSetCompositionWindow")
	immGetCompositionWindow = imm32.NewProc("ImmGetCompositionWindow")
	immSetCandidateWindow   = imm32.NewProc("ImmSetCandidateWindow")
	immGetCandidateWindow   = imm32.NewProc("ImmGetCandidateWindow")
	user32                  = windows.NewLazySystemDLL("user32.dll")
	clientToScreen          = user32.NewProc("ClientToScreen")
	createCaret             = user32.NewProc("CreateCaret")
	setCaretPos             = user32.NewProc("SetCaretPos")
)

// The styles of COMPOSITIONFORM and CANDIDATEFORM (imm.h).
const (
	cfsPoint         = 0x0002
	cfsForcePosition = 0x0020
	cfsExclude       = 0x0080
)

type point struct{ X, Y int32 }

// compositionForm is imm.h's COMPOSITIONFORM.
type compositionForm struct {
	Style uint32
	Pos   point
	Area  windows.Rect
}

// candidateForm is imm.h's CANDIDATEFORM.
type candidateForm struct {
	Index uint32
	Style uint32
	Pos   point
	Area  windows.Rect
}

// imeFollower puts the input method's windows at the caret of one window.
type imeFollower struct {
	win    fyne.Window
	native driver.NativeWindow
	finder caretFinder
	on     bool
	log    io.Writer
	// placed is the caret last given to the input context (client
	// pixels); empty when it has to be given again
	placed windows.Rect
}

// followCaretWithIME starts putting the input method's windows at the
// caret of w's focused entry.
func followCaretWithIME(w fyne.Window) {
	native, ok := w.(driver.NativeWindow)
	if !ok {
		return
	}
	f := &imeFollower{win: w, native: native, on: os.Getenv("GONGWEN_IME") != "off"}
	if path := os.Getenv("GONGWEN_IME_LOG"); path != "" {
		if file, err := os.Create(path); err == nil {
			f.log = file
		}
	}
	if !f.on && f.log == nil {
		return
	}
	go func() {
		for range time.Tick(100 * time.Millisecond) {
			fyne.DoAndWait(f.follow)
		}
	}()
}

// follow gives the input context the caret when it moved (on the main
// thread: an input context belongs to its window's thread).
func (f *imeFollower) follow() {
	box, ok := f.finder.caret(f.win.Canvas())
	if !ok {
		f.placed = windows.Rect{}
		return
	}
	scale := f.win.Canvas().Scale()
	pixel := func(v float32) int32 { return int32(math.Round(float64(v * scale))) }
	caret := windows.Rect{Left: pixel(box.Pos.X), Top: pixel(box.Pos.Y),
		Right: pixel(box.Pos.X + box.Size.Width), Bottom: pixel(box.Pos.Y + box.Size.Height)}
	if caret == f.placed {
		return
	}
	f.native.RunNative(func(ctx any) {
		native, ok := ctx.(driver.WindowsWindowContext)
		if !ok || native.HWND == 0 {
			return // not a Win32 window (a test's), or not made yet
		}
		hwnd := native.HWND
		if f.on && !placeIME(hwnd, caret) {
			return // no input context yet: tried again on the next look
		}
		f.placed = caret
		if f.log != nil {
			logIME(f.log, hwnd, caret)
		}
	})
}

// placeIME puts the composition window at the caret (client pixels) and
// the candidate list below it, kept off the caret's line; false when the
// window has no input context.
func placeIME(hwnd uintptr, caret windows.Rect) bool {
	himc, _, _ := immGetContext.Call(hwnd)
	if himc == 0 {
		return false
	}
	defer immReleaseContext.Call(hwnd, himc)
	composition := compositionForm{Style: cfsPoint | cfsForcePosition, Pos: point{caret.Left, caret.Top}}
	immSetCompositionWindow.Call(himc, uintptr(unsafe.Pointer(&composition)))
	candidates := candidateForm{Index: 0, Style: cfsExclude, Pos: point{caret.Left, caret.Bottom}, Area: caret}
	immSetCandidateWindow.Call(himc, uintptr(unsafe.Pointer(&candidates)))
	// a hidden caret (never shown) of the caret's size, where it is
	createCaret.Call(hwnd, 0, uintptr(caret.Right-caret.Left), uintptr(caret.Bottom-caret.Top))
	setCaretPos.Call(uintptr(caret.Left), uintptr(caret.Top))
	return true
}

// logIME writes the caret and what the input context says, in screen
// pixels: "caret X,Y composition X,Y candidate X,Y exclude L,T,R,B", with
// "none" for a position the context does not have.
func logIME(w io.Writer, hwnd uintptr, caret windows.Rect) {
	screen := func(p point) point {
		clientToScreen.Call(hwnd, uintptr(unsafe.Pointer(&p)))
		return p
	}
	at := screen(point{caret.Left, caret.Top})
	reading := fmt.Sprintf("caret %d,%d", at.X, at.Y)
	himc, _, _ := immGetContext.Call(hwnd)
	if himc == 0 {
		fmt.Fprintln(w, reading, "no input context")
		return
	}
	defer immReleaseContext.Call(hwnd, himc)
	var composition compositionForm
	if ok, _, _ := immGetCompositionWindow.Call(himc, uintptr(unsafe.Pointer(&composition))); ok != 0 {
		c := screen(composition.Pos)
		reading += fmt.Sprintf(" composition %d,%d", c.X, c.Y)
	} else {
		reading += " composition none"
	}
	var candidates candidateForm
	if ok, _, _ := immGetCandidateWindow.Call(himc, 0, uintptr(unsafe.Pointer(&candidates))); ok != 0 {
		p := screen(candidates.Pos)
		tl := screen(point{candidates.Area.Left, candidates.Area.Top})
		br := screen(point{candidates.Area.Right, candidates.Area.Bottom})
		reading += fmt.Sprintf(" candidate %d,%d exclude %d,%d,%d,%d", p.X, p.Y, tl.X, tl.Y, br.X, br.Y)
	} else {
		reading += " candidate none"
	}
	fmt.Fprintln(w, reading)
}
