package widgets

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// What the user typed into a form dialog is never lost without a question:
// the form remembers what its fields held when it opened, and Esc, closing
// the window or 退出 ask 保存 / 不保存 / 取消 when anything differs.

// children are the objects inside a form's content that can hold input:
// containers, widget.Form items, scrollers and our composite fields.
func children(o fyne.CanvasObject) []fyne.CanvasObject {
	switch c := o.(type) {
	case *fyne.Container:
		return c.Objects
	case *container.Scroll:
		return []fyne.CanvasObject{c.Content}
	case *widget.Form:
		var out []fyne.CanvasObject
		for _, it := range c.Items {
			out = append(out, it.Widget)
		}
		return out
	case *DateField:
		return []fyne.CanvasObject{c.Entry}
	case *RowEditor:
		var out []fyne.CanvasObject
		for _, row := range c.rows {
			out = append(out, row...)
		}
		return out
	}
	return nil
}

// walk calls visit for o and everything inside it, in order.
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	visit(o)
	for _, c := range children(o) {
		walk(c, visit)
	}
}

// valueOf is what an input widget holds, and whether o is one.
func valueOf(o fyne.CanvasObject) (string, bool) {
	switch w := o.(type) {
	case *NameField:
		return w.Text, true
	case *Entry:
		return w.Text, true
	case *widget.Entry:
		return w.Text, true
	case *widget.SelectEntry:
		return w.Text, true
	case *Select:
		return w.Selected, true
	case *RadioGroup:
		return w.Selected, true
	case *Check:
		return strconv.FormatBool(w.Checked), true
	case *CheckGroup:
		return strings.Join(w.Selected, "\x00"), true
	}
	return "", false
}

// snapshot lists the values of every input inside o; a row added or
// removed changes its length, except a row added and left as it came
// (nothing typed is no input).
func snapshot(o fyne.CanvasObject) []string {
	var out []string
	if v, ok := valueOf(o); ok {
		out = append(out, v)
	}
	if r, ok := o.(*RowEditor); ok {
		for _, row := range r.rows {
			if !r.untouched(row) {
				for _, c := range row {
					out = append(out, snapshot(c)...)
				}
			}
		}
		return out
	}
	for _, c := range children(o) {
		out = append(out, snapshot(c)...)
	}
	return out
}

// untouched reports whether row holds what a new row holds.
func (r *RowEditor) untouched(row []fyne.CanvasObject) bool {
	if r.fresh == nil {
		r.fresh = snapshot(&fyne.Container{Objects: r.newRow()})
	}
	return sameValues(r.fresh, snapshot(&fyne.Container{Objects: row}))
}

func sameValues(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// AskUnsaved asks what to do with the unsaved input of f before going on:
// 保存 saves it (and goes on only when the save succeeded: a refused save
// keeps the dialog with its message), 不保存 goes on without saving, 取消
// (or closing the question) stays. action names what goes on ("退出")
// when it is more than closing the dialog itself, or is "".
func AskUnsaved(win fyne.Window, f *Form, action string, goOn func()) {
	if f.question != nil {
		return // already asking
	}
	text := "「" + f.Title + "」中有尚未保存的内容。"
	if action != "" {
		text += action + "前要保存吗？"
	}
	msg := NewText(text) // one left-aligned block, broken by the paper's rules
	d := dialog.NewCustomWithoutButtons("保存填写的内容吗？", msg, win)
	save := NewButton("保存", theme.DocumentSaveIcon(), func() {
		d.Hide()
		f.Save()
		if !f.Visible() {
			goOn()
		}
	})
	save.Importance = widget.HighImportance
	discard := NewButton("不保存", theme.DeleteIcon(), func() {
		d.Hide()
		goOn()
	})
	stay := NewButton("取消", theme.CancelIcon(), d.Hide)
	for _, b := range []*Button{save, discard, stay} {
		b.SetOnEscape(d.Hide) // Esc is 取消 wherever Tab left the focus
	}
	d.SetButtons([]fyne.CanvasObject{stay, discard, save})
	f.question = d
	d.SetOnClosed(func() { f.question = nil })
	// keys go to the window, whose Esc answers 取消, not to the field below
	win.Canvas().Unfocus()
	d.Show()
	FitDialog(win, d, 440, nil)
}

// Unsaved is the top-most open form with unsaved input, or nil.
func (s *FormStack) Unsaved() *Form {
	if s == nil {
		return nil
	}
	for i := len(s.forms) - 1; i >= 0; i-- {
		if s.forms[i].Dirty() {
			return s.forms[i]
		}
	}
	return nil
}
