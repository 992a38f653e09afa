package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
)

// FormStack tracks the form dialogs open in a window, so that Ctrl+S saves
// the one on top.
type FormStack struct{ forms []*Form }

// Top is the form dialog in front, or nil.
func (s *FormStack) Top() *Form {
	if s == nil || len(s.forms) == 0 {
		return nil
	}
	return s.forms[len(s.forms)-1]
}

func (s *FormStack) push(f *Form) {
	if s != nil {
		s.forms = append(s.forms, f)
	}
}

func (s *FormStack) pop(f *Form) {
	if s == nil {
		return
	}
	for i := len(s.forms) - 1; i >= 0; i-- {
		if s.forms[i] == f {
			s.forms = append(s.forms[:i], s.forms[i+1:]...)
			return
		}
	}
}

// Submit saves the form. allowDuplicate is true when the user confirmed a
// probable duplicate. An error keeps the dialog open with the message; a
// Submit that saved with something to check says so with Form.Warn.
type Submit func(allowDuplicate bool) error

// Form is a dialog of labelled fields with a red message line. A failed
// save leaves the dialog open with everything the user typed and the
// Chinese message on top; Esc cancels it (asking first when something was
// typed), Ctrl+S saves it (through the window's FormStack), and so does
// Enter when every field is a single line.
type Form struct {
	Title    string
	SaveText string
	Width    float32
	// Height, when set, scrolls the fields in a dialog of that height.
	Height float32

	win    fyne.Window
	stack  *FormStack
	form   *widget.Form
	banner *Text
	icon   *widget.Icon
	top    []fyne.CanvasObject
	bottom []fyne.CanvasObject
	first  fyne.Focusable
	dlg    *dialog.CustomDialog
	byName map[string]fyne.CanvasObject
	submit Submit
	shown  bool
	busy   bool
	// warning is what the last save asked to check (Warn), or "".
	warning string
	// content is the dialog's body; opened is what its fields held when
	// the dialog opened, to tell whether anything was typed since.
	content fyne.CanvasObject
	opened  []string
	scroll  *container.Scroll
	// question is the 保存/不保存/取消 question while it is shown.
	question *dialog.CustomDialog

	// OnSaved runs after a successful save and the dialog closed; warning
	// is the one the save gave (Warn) or "".
	OnSaved func(warning string)
	// OnWarning shows a warning after saving; the default is an
	// information dialog.
	OnWarning func(string)
	// OnMissing is told when a save failed for want of a setting
	// (app.MissingOf): it may offer to add the setting over this dialog,
	// then retry, which saves again with everything typed still there.
	OnMissing func(m app.Missing, retry func())
}

// NewForm starts a form dialog on win.
func NewForm(win fyne.Window, stack *FormStack, title, saveText string) *Form {
	f := &Form{Title: title, SaveText: saveText, Width: 640, win: win, stack: stack, form: widget.NewForm()}
	f.banner = NewText("")
	f.banner.Importance = widget.DangerImportance
	f.icon = widget.NewIcon(theme.ErrorIcon())
	return f
}

// Field adds a labelled field; hint is shown under it in grey.
func (f *Form) Field(label string, obj fyne.CanvasObject, hint ...string) *Form {
	item := widget.NewFormItem(label, obj)
	if len(hint) > 0 {
		item.HintText = hint[0]
	}
	f.form.AppendItem(item)
	f.wire(obj)
	if f.byName == nil {
		f.byName = map[string]fyne.CanvasObject{}
	}
	f.byName[label] = obj
	return f
}

// Get is the field with that label (for tests and for the window's
// keyboard handling).
func (f *Form) Get(label string) fyne.CanvasObject { return f.byName[label] }

// Top adds content above the fields (e.g. what the record is).
func (f *Form) Top(obj fyne.CanvasObject) *Form {
	f.top = append(f.top, obj)
	return f
}

// Bottom adds content under the fields (e.g. the computed due date).
func (f *Form) Bottom(obj fyne.CanvasObject) *Form {
	f.bottom = append(f.bottom, obj)
	f.wire(obj)
	return f
}

// wire connects Esc of every field inside obj to closing the dialog, and
// notes the first field to focus.
func (f *Form) wire(obj fyne.CanvasObject) {
	switch o := obj.(type) {
	case Escapable:
		o.SetOnEscape(f.Cancel)
	case *fyne.Container:
		for _, c := range o.Objects {
			f.wire(c)
		}
	}
	if f.first == nil {
		f.first = textField(obj)
	}
}

// textField is obj when it is a text field, or nil: a dialog opens with
// the focus there, to be typed in at once.
func textField(obj fyne.CanvasObject) fyne.Focusable {
	if d, ok := obj.(*DateField); ok {
		obj = d.Entry
	}
	switch obj.(type) {
	case *Entry, *NameField:
	default:
		return nil
	}
	if d, ok := obj.(fyne.Disableable); ok && d.Disabled() {
		return nil
	}
	o, _ := obj.(fyne.Focusable)
	return o
}

// Error shows msg in red above the fields ("" clears it).
func (f *Form) Error(msg string) {
	f.banner.SetText(msg)
	if msg == "" {
		f.banner.Hide()
		f.icon.Hide()
	} else {
		f.banner.Show()
		f.icon.Show()
	}
	if f.dlg != nil {
		f.dlg.Resize(f.size())
		f.dlg.Resize(f.size()) // a wrapped message measured at its width, as in Show
	}
}

// ErrorText is the message shown (for tests).
func (f *Form) ErrorText() string { return f.banner.Full() }

// Visible reports whether the dialog is showing.
func (f *Form) Visible() bool { return f.shown }

// size is the dialog's size: Width (or wider when the fields need it), the
// height its fields need (or Height, when set, with the fields scrolling
// in it), and never larger than the window: what does not fit scrolls.
func (f *Form) size() fyne.Size {
	m := f.dlg.MinSize()
	w := f.Width
	if m.Width > w {
		w = m.Width
	}
	h := m.Height + f.scroll.Content.MinSize().Height - f.scroll.MinSize().Height
	if f.Height > 0 {
		h = m.Height
		if f.Height > h {
			h = f.Height
		}
	}
	if c := f.win.Canvas().Size(); c.Width > 0 && c.Height > 0 {
		if max := c.Width - 2*theme.Padding(); w > max {
			w = max
		}
		if max := c.Height - 4*theme.Padding(); h > max {
			h = max
		}
	}
	return fyne.NewSize(w, h)
}

// Show opens the dialog; submit runs on 保存 and on Ctrl+S.
func (f *Form) Show(submit Submit) {
	f.submit = submit
	var objs []fyne.CanvasObject
	objs = append(objs, container.NewBorder(nil, nil, f.icon, nil, f.banner))
	objs = append(objs, f.top...)
	objs = append(objs, f.form)
	objs = append(objs, f.bottom...)
	// the fields scroll when the window is too small for them; the wheel
	// scrolls them wherever the pointer is (see wheel)
	// with room on the right for the scroll bar, which is drawn over the
	// content and would cover the fields' right edge
	fields := container.New(layout.NewCustomPaddedLayout(0, 0, 0, theme.Size(theme.SizeNameScrollBar)), container.NewVBox(objs...))
	f.scroll = container.NewVScroll(container.NewStack(fields, &wheel{to: func(ev *fyne.ScrollEvent) { f.scroll.Scrolled(ev) }}))
	content := f.scroll
	f.content = content
	f.wireKeys()
	f.Error("")
	f.dlg = dialog.NewCustomWithoutButtons(f.Title, content, f.win)
	cancel := NewButton("取消", theme.CancelIcon(), f.Hide)
	cancel.SetOnEscape(f.Cancel)
	save := NewButton(f.SaveText, theme.ConfirmIcon(), f.Save)
	save.SetOnEscape(f.Cancel)
	save.Importance = widget.HighImportance
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, save})
	f.dlg.SetOnClosed(func() {
		f.shown = false
		f.stack.pop(f)
	})
	f.shown = true
	f.stack.push(f)
	f.opened = snapshot(content)
	f.dlg.Show()
	f.dlg.Resize(f.size())
	// wrapped text is taller when measured before the dialog has its width:
	// measured again at that width, the dialog loses the empty space
	f.dlg.Resize(f.size())
	if f.first != nil {
		f.win.Canvas().Focus(f.first)
	}
}

// Dirty reports whether a field holds something other than what it held
// when the dialog opened.
func (f *Form) Dirty() bool {
	return f.shown && f.content != nil && !sameValues(f.opened, snapshot(f.content))
}

// Cancel is Esc: it closes the dialog, first asking 保存 / 不保存 / 取消
// when something typed would be lost.
func (f *Form) Cancel() {
	if !f.shown {
		return
	}
	if f.question != nil { // Esc on the question is its 取消
		f.question.Hide()
		return
	}
	if f.Dirty() {
		AskUnsaved(f.win, f, "", f.Hide)
		return
	}
	f.Hide()
}

// wireKeys gives every field of the shown dialog the dialog's keys: Esc
// cancels from any field (rows added later too), and Enter in a
// single-line field, a pick list, a check or a radio saves when the dialog has no
// multi-line field (where Enter starts a new line, saving on Enter would
// surprise).
func (f *Form) wireKeys() {
	multiLine := false
	walk(f.content, func(o fyne.CanvasObject) {
		if e, ok := o.(*Entry); ok && e.MultiLine {
			multiLine = true
		}
	})
	walk(f.content, func(o fyne.CanvasObject) {
		if e, ok := o.(*Entry); ok && e.MultiLine {
			e.onGrow = f.relayout
		}
		if w, ok := o.(Escapable); ok {
			w.SetOnEscape(f.Cancel)
		}
		if multiLine {
			return
		}
		switch w := o.(type) {
		case *NameField:
			w.onEnter = f.Save
		case *Entry:
			w.onEnter = f.Save
		case *Select:
			w.onEnter = f.Save
		case *Check:
			w.onEnter = f.Save
		case *RadioGroup:
			w.onEnter = f.Save
		case *CheckGroup:
			w.onEnter = f.Save
		}
	})
}

// relayout fits the dialog to fields that grew or shrank.
func (f *Form) relayout() {
	if f.dlg == nil || !f.shown {
		return
	}
	f.scroll.Content.Refresh()
	f.scroll.Refresh()
	f.dlg.Resize(f.size())
}

// wheel lies over a dialog's fields and takes the mouse wheel for the
// dialog's scroller: Fyne gives the wheel to the innermost scroller under
// the pointer, and every text field has one. It takes nothing else (taps,
// hover and drags find the fields under it).
type wheel struct {
	widget.BaseWidget
	to func(*fyne.ScrollEvent)
}

func (w *wheel) Scrolled(ev *fyne.ScrollEvent) { w.to(ev) }

func (w *wheel) CreateRenderer() fyne.WidgetRenderer {
	w.ExtendBaseWidget(w)
	return widget.NewSimpleRenderer(container.NewStack())
}

func (w *wheel) MinSize() fyne.Size { return fyne.Size{} }

// Hide closes the dialog without saving.
func (f *Form) Hide() {
	if f.dlg != nil && f.shown {
		f.dlg.Hide()
	}
}

// Save runs the submit function; on failure the message stays on the form.
func (f *Form) Save() { f.save(false) }

func (f *Form) save(allowDuplicate bool) {
	if f.submit == nil || f.busy {
		return
	}
	f.busy, f.warning = true, ""
	err := f.submit(allowDuplicate)
	f.busy = false
	switch app.ErrorCode(err) {
	case "":
		f.done(f.warning)
	case app.EDUPLICATE:
		f.Error(app.ErrorMessage(err))
		msg := NewText(app.ErrorMessage(err))
		c := dialog.NewCustomConfirm("可能重复登记", "仍然登记", "返回修改", msg, func(ok bool) {
			if ok {
				f.save(true)
			}
		}, f.win)
		c.Resize(fyne.NewSize(480, 200))
		c.Show()
	default:
		f.Error(app.ErrorMessage(err))
		if m, ok := app.MissingOf(err); ok && f.OnMissing != nil {
			f.OnMissing(m, func() { f.save(allowDuplicate) })
		}
	}
}

// Warn is called by a Submit that saved but has something for the
// secretary to check (a due date counted without the year's holidays):
// once the dialog closes, the warning is shown.
func (f *Form) Warn(msg string) { f.warning = msg }

func (f *Form) done(warning string) {
	f.Hide()
	if warning != "" {
		if f.OnWarning != nil {
			f.OnWarning(warning)
		} else {
			ShowMessage(f.win, "请注意", warning)
		}
	}
	if f.OnSaved != nil {
		f.OnSaved(warning)
	}
}

// ShowMessage is an information dialog with a wrapping Chinese text and a
// 确定 button, as tall as its text and no taller than the window (a long
// text scrolls).
// Enter and Esc close it (see CloseMessage).
func ShowMessage(win fyne.Window, title, msg string) {
	l := NewText(msg) // broken by the paper's rules
	scroll := container.NewVScroll(l)
	d := dialog.NewCustom(title, "确定", scroll, win)
	messages[win] = append(messages[win], d)
	d.SetOnClosed(func() {
		list := messages[win]
		for i := range list {
			if list[i] == d {
				messages[win] = append(list[:i:i], list[i+1:]...)
				break
			}
		}
		if len(messages[win]) == 0 {
			delete(messages, win)
		}
	})
	// keys go to the window, whose Enter and Esc close the message, not to
	// the field below (where Enter would save again)
	win.Canvas().Unfocus()
	d.Show()
	FitDialog(win, d, 460, scroll)
}

// messages are the information dialogs shown in each window, latest last.
var messages = map[fyne.Window][]dialog.Dialog{}

// CloseMessage closes the information dialog last shown in win and
// reports whether there was one: the window's Enter and Esc.
func CloseMessage(win fyne.Window) bool {
	list := messages[win]
	if len(list) == 0 {
		return false
	}
	list[len(list)-1].Hide()
	return true
}

// FitDialog sizes a shown dialog of wrapped text to width and to the
// height its content needs at that width, within the window; scroll is
// the scroller holding the text (nil when the dialog does not scroll).
func FitDialog(win fyne.Window, d dialog.Dialog, width float32, scroll *container.Scroll) {
	if max := win.Canvas().Size().Width - 2*theme.Padding(); max > 0 && width > max {
		width = max
	}
	// twice: wrapped text is measured at the width it was last laid out at
	for i := 0; i < 2; i++ {
		h := d.MinSize().Height
		if scroll != nil {
			h += scroll.Content.MinSize().Height - scroll.MinSize().Height
		}
		if max := win.Canvas().Size().Height - 4*theme.Padding(); max > 0 && h > max {
			h = max
		}
		d.Resize(fyne.NewSize(width, h))
	}
}
