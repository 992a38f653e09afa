package ui

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/ui/widgets"
)

// caretBox is where the focused entry draws its caret, in the window's
// canvas coordinates (Fyne units, not pixels).
type caretBox struct {
	Pos  fyne.Position
	Size fyne.Size
}

// caretFinder finds the caret of the window's focused entry, so that an
// input method's windows can be put there (ime_windows.go). Fyne keeps
// the entry's horizontal scroll private: scrollX follows it by the rule
// Fyne moves it with (the caret kept a little inside the field).
type caretFinder struct {
	entry   *widget.Entry
	scrollX float32
	// wide is the text's width (with its padding) at the last look, -1
	// before the first: Fyne lets a field scroll only once its text was
	// wider than the field before the change that moved the caret
	wide float32
}

// focusedEntry returns the entry that has the canvas's focus (the object
// itself, which is where it is laid out, and its embedded widget.Entry).
func focusedEntry(c fyne.Canvas) (fyne.CanvasObject, *widget.Entry) {
	switch e := c.Focused().(type) {
	case *widget.Entry:
		return e, e
	case *widgets.Entry:
		return e, &e.Entry
	case *widgets.NameField:
		return e, &e.Entry.Entry
	case *widget.SelectEntry:
		return e, &e.Entry
	}
	return nil, nil
}

// caret returns the focused entry's caret box, or false when no entry has
// the focus.
func (f *caretFinder) caret(c fyne.Canvas) (caretBox, bool) {
	obj, e := focusedEntry(c)
	if e == nil {
		f.entry = nil
		return caretBox{}, false
	}
	if e != f.entry {
		f.entry, f.scrollX, f.wide = e, 0, -1
	}
	th := e.Theme()
	border := th.Size(theme.SizeNameInputBorder)
	textSize := th.Size(theme.SizeNameText)
	cursor := e.CursorPosition() // inside the entry's text, before its scroll
	height := fyne.MeasureText("M", textSize, e.TextStyle).Height
	leading := float32(0)
	if e.Icon != nil {
		leading = th.Size(theme.SizeNameInlineIcon) + th.Size(theme.SizeNameLineSpacing)
	}
	if !e.MultiLine && e.Wrapping == fyne.TextWrapOff && e.Scroll != fyne.ScrollNone {
		f.followScroll(e, cursor.X, leading)
	} else {
		// the project's multi-line entries grow to their text
		// (widgets.Entry.MinSize): they never scroll inside
		f.scrollX, f.wide = 0, -1
	}
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(obj)
	return caretBox{
		Pos:  at.Add(fyne.NewPos(leading+cursor.X-f.scrollX, border+cursor.Y)),
		Size: fyne.NewSize(border, height),
	}, true
}

// followScroll moves scrollX as Fyne moves a single-line entry's scroll
// (widget.Entry's ensureCursorVisible): when the caret comes within two
// letters of an edge of the visible part, the text scrolls, never past
// its ends.
func (f *caretFinder) followScroll(e *widget.Entry, cursorX, leading float32) {
	th := e.Theme()
	textSize := th.Size(theme.SizeNameText)
	letter := fyne.MeasureText("e", textSize, e.TextStyle)
	pad := letter.Width*2 + th.Size(theme.SizeNameLineSpacing)
	trailing := float32(0)
	if e.ActionItem != nil {
		trailing = e.ActionItem.MinSize().Width
	}
	if e.Validator != nil {
		trailing += th.Size(theme.SizeNameInlineIcon) + th.Size(theme.SizeNameLineSpacing)
		if e.ActionItem == nil {
			trailing += th.Size(theme.SizeNameInnerPadding)
		}
	}
	visible := e.Size().Width - leading - trailing
	text := e.Text
	if e.Password {
		text = strings.Repeat("•", utf8.RuneCountInString(text))
	}
	content := fyne.MeasureText(text, textSize, e.TextStyle).Width + 2*th.Size(theme.SizeNameInnerPadding)
	if cursorX-pad < f.scrollX {
		f.scrollX = cursorX - pad
	} else if right := cursorX + th.Size(theme.SizeNameInputBorder) + pad; right >= f.scrollX+visible {
		f.scrollX = right - visible
	}
	if f.wide < 0 {
		f.wide = content
	}
	if f.wide <= visible {
		f.scrollX = 0
	}
	f.scrollX = max(0, min(f.scrollX, content-visible))
	f.wide = content
}
