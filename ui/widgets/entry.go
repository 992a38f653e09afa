// Package widgets holds the small Fyne widgets every book of Gongwen Desk
// shares: the paged table, the date field, the unit/leader name field with
// type-ahead, colour chips, the form dialog and the row editor.
package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Entry is a plain widget.Entry (no data binding: Chinese IMEs deliver
// committed text reliably only to unbound entries) that also reports Esc,
// so that a dialog can close even while the cursor is in a field.
type Entry struct {
	widget.Entry
	// OnEscape is called when Esc is pressed in the field.
	OnEscape func()
	// onKey, when set, sees a key first and returns true to consume it.
	onKey func(*fyne.KeyEvent) bool
	// onFocusLost is called after the field loses the focus.
	onFocusLost func()
	// onEnter, when set, is Enter in a single-line field without its own
	// OnSubmitted: the dialog's save.
	onEnter func()
	// rows is the height of a multi-line entry when its text is short; it
	// grows with its text (see MinSize), so that it never scrolls inside.
	rows int
	// onGrow is called when the text's number of lines changed, so that
	// the dialog lays its fields out again.
	onGrow func()
	lines  int
}

// NewEntry returns a single-line entry with a placeholder.
func NewEntry(placeholder string) *Entry {
	e := &Entry{}
	e.Wrapping = fyne.TextWrapOff
	e.Scroll = 0
	e.PlaceHolder = placeholder
	e.ExtendBaseWidget(e)
	return e
}

// NewMultiLineEntry returns a wrapping multi-line entry of rows visible lines.
func NewMultiLineEntry(placeholder string, rows int) *Entry {
	e := &Entry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapBreak
	e.PlaceHolder = placeholder
	e.SetMinRowsVisible(rows)
	e.rows = rows
	e.ExtendBaseWidget(e)
	return e
}

// MinSize of a multi-line entry is tall enough for all its text at its
// width: an entry that scrolls inside takes the mouse wheel from the
// dialog it is in (Fyne gives the wheel to the innermost scroller), so a
// long dialog could not be scrolled with the pointer over a text field.
// Grown to its text, the entry leaves the wheel to the dialog.
func (e *Entry) MinSize() fyne.Size {
	m := e.Entry.MinSize()
	lines := e.wrappedLines()
	if lines <= e.rows {
		return m
	}
	m.Height += float32(lines-e.rows) * lineHeight(e.TextStyle)
	return m
}

func lineHeight(style fyne.TextStyle) float32 {
	return fyne.MeasureText("国", theme.TextSize(), style).Height + theme.LineSpacing()
}

// wrappedLines counts the lines of a wrapping multi-line entry's text at
// its width (0 when it has none yet or does not grow).
func (e *Entry) wrappedLines() int {
	if !e.MultiLine || e.Wrapping == fyne.TextWrapOff || e.rows == 0 {
		return 0
	}
	// the text area is narrower than the entry by its padding; a little
	// more is kept back so that a line wrapped early is still counted
	width := e.Size().Width - 2*theme.InnerPadding() - theme.TextSize()
	if width <= 0 {
		return 0
	}
	n := 0
	for _, para := range strings.Split(e.Text, "\n") {
		w := fyne.MeasureText(para, theme.TextSize(), e.TextStyle).Width
		n += 1 + int(w/width)
	}
	return n
}

// grew tells the dialog when the text's number of lines changed.
func (e *Entry) grew() {
	if n := e.wrappedLines(); n != e.lines {
		e.lines = n
		if e.onGrow != nil && e.rows > 0 {
			e.onGrow()
		}
	}
}

// Resize counts the lines again at the new width.
func (e *Entry) Resize(s fyne.Size) {
	e.Entry.Resize(s)
	e.grew()
}

// TypedRune grows the entry with what is typed.
func (e *Entry) TypedRune(r rune) {
	e.Entry.TypedRune(r)
	e.grew()
}

// SetText grows the entry with what is set.
func (e *Entry) SetText(s string) {
	e.Entry.SetText(s)
	e.grew()
}

// TypedKey handles Esc and the hook before the normal entry keys.
func (e *Entry) TypedKey(k *fyne.KeyEvent) {
	if e.onKey != nil && e.onKey(k) {
		return
	}
	if k.Name == fyne.KeyEscape && e.OnEscape != nil {
		e.OnEscape()
		return
	}
	if (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && !e.MultiLine && e.OnSubmitted == nil && e.onEnter != nil {
		e.onEnter()
		return
	}
	e.Entry.TypedKey(k)
	e.grew()
}

// TypedShortcut passes Alt+letter shortcuts (Alt+F opens the 文件 menu)
// on to the window, which would never see them while a field has focus.
func (e *Entry) TypedShortcut(sc fyne.Shortcut) {
	if cs, ok := sc.(*desktop.CustomShortcut); ok && cs.Modifier == fyne.KeyModifierAlt {
		if c, ok := fyne.CurrentApp().Driver().CanvasForObject(e).(fyne.Shortcutable); ok {
			c.TypedShortcut(sc)
			return
		}
	}
	e.Entry.TypedShortcut(sc)
	e.grew() // a paste
}

// FocusLost runs the hook after the entry's own handling.
func (e *Entry) FocusLost() {
	e.Entry.FocusLost()
	if e.onFocusLost != nil {
		e.onFocusLost()
	}
}

// Escapable is a field that can report Esc to its dialog.
type Escapable interface {
	SetOnEscape(func())
}

// SetOnEscape sets the Esc hook.
func (e *Entry) SetOnEscape(f func()) { e.OnEscape = f }
