// Package widgets holds the small Fyne widgets every book of Gongwen Desk
// shares: the paged table, the date field, the unit/leader name field with
// type-ahead, colour chips, the form dialog and the row editor.
package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
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
	e.ExtendBaseWidget(e)
	return e
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
