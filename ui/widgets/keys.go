package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Fyne gives a key only to the focused widget, and a pick list, a check or
// a button reached with Tab (or a pick list opened and closed without a
// choice) keeps the focus and drops Esc and Enter. These widgets are Fyne's
// own, passing Esc on to their dialog (cancel) and Enter to the dialog's
// save where it has one, as an Entry does; outside a form dialog they pass
// both to the window, as if nothing had the focus.

// dialogKeys are the dialog's handlers for Esc and Enter.
type dialogKeys struct {
	onEscape func()
	onEnter  func()
}

// SetOnEscape sets what Esc does (the dialog's cancel).
func (k *dialogKeys) SetOnEscape(f func()) { k.onEscape = f }

// pass hands Esc, and Enter, to the dialog when it has a handler for them,
// or else to the window of obj, as if nothing had the focus; it reports
// whether the key was passed on.
func (k *dialogKeys) pass(obj fyne.CanvasObject, ev *fyne.KeyEvent) bool {
	var handler func()
	switch ev.Name {
	case fyne.KeyEscape:
		handler = k.onEscape
	case fyne.KeyReturn, fyne.KeyEnter:
		handler = k.onEnter
	default:
		return false
	}
	if handler != nil {
		handler()
		return true
	}
	return toWindow(obj, ev)
}

// toWindow gives ev to the key handler of obj's window, if it has one.
func toWindow(obj fyne.CanvasObject, ev *fyne.KeyEvent) bool {
	if c := fyne.CurrentApp().Driver().CanvasForObject(obj); c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(ev)
		return true
	}
	return false
}

// Select is a widget.Select that passes Esc and Enter on to its dialog.
type Select struct {
	widget.Select
	dialogKeys
}

// NewSelect is widget.NewSelect with a Chinese placeholder.
func NewSelect(options []string, changed func(string)) *Select {
	s := &Select{}
	s.Options, s.OnChanged, s.PlaceHolder = options, changed, "（请选择）"
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey passes Esc and Enter on; the arrows and space work the list.
func (s *Select) TypedKey(ev *fyne.KeyEvent) {
	if !s.pass(s, ev) {
		s.Select.TypedKey(ev)
	}
}

// Check is a widget.Check that passes Esc and Enter on to its dialog.
type Check struct {
	widget.Check
	dialogKeys
}

// NewCheck is widget.NewCheck.
func NewCheck(label string, changed func(bool)) *Check {
	c := &Check{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey passes Esc and Enter on; space ticks the box (a rune).
func (c *Check) TypedKey(ev *fyne.KeyEvent) {
	if !c.pass(c, ev) {
		c.Check.TypedKey(ev)
	}
}

// Button is a widget.Button that passes Esc on to its dialog. Enter, like
// space, presses the focused button: the one the user moved to is the
// action meant.
type Button struct {
	widget.Button
	onEscape func()
}

// NewButton is widget.NewButtonWithIcon (icon may be nil).
func NewButton(label string, icon fyne.Resource, tapped func()) *Button {
	b := &Button{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// SetOnEscape sets what Esc does (the dialog's cancel).
func (b *Button) SetOnEscape(f func()) { b.onEscape = f }

// TypedKey passes Esc on and presses the button on Enter.
func (b *Button) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyEscape && b.onEscape != nil:
		b.onEscape()
	case ev.Name == fyne.KeyEscape:
		toWindow(b, ev)
	case ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter:
		if !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
		}
	default:
		b.Button.TypedKey(ev)
	}
}
