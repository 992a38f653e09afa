package widgets

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// press delivers a key as the desktop driver does: to the focused widget
// only, or to the window when nothing has the focus.
func press(c fyne.Canvas, key fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: key}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// shown is every text of the top-most overlay (dialog or pop-up) of c.
func shown(c fyne.Canvas) string {
	top := c.Overlays().Top()
	if top == nil {
		return ""
	}
	var sb strings.Builder
	for _, o := range test.LaidOutObjects(top) {
		switch w := o.(type) {
		case *Text:
			sb.WriteString(w.Full() + "\n")
		case *widget.Label:
			sb.WriteString(w.Text + "\n")
		case *Button:
			sb.WriteString(w.Text + "\n")
		case *widget.Button:
			sb.WriteString(w.Text + "\n")
		case *canvas.Text:
			sb.WriteString(w.Text + "\n")
		}
	}
	return sb.String()
}

// tabTo moves the focus with Tab until it is on target.
func tabTo(t *testing.T, c fyne.Canvas, target fyne.Focusable) {
	t.Helper()
	for i := 0; i < 30; i++ {
		if c.Focused() == target {
			return
		}
		test.FocusNext(c)
	}
	t.Fatalf("Tab never reached the %T (focus on %T)", target, c.Focused())
}

// keyForm is a small 收文 dialog with a text field, a pick list and a check.
type keyForm struct {
	win   fyne.Window
	form  *Form
	title *Entry
	kind  *Select
	check *Check
	// urgency and readers are groups whose items take the focus
	urgency *RadioGroup
	readers *CheckGroup
	saved   int
}

// targets are the controls Tab reaches, by name.
func (k *keyForm) targets() map[string]fyne.Focusable {
	return map[string]fyne.Focusable{
		"文件标题": k.title, "类别": k.kind, "需要传阅": k.check,
		"缓急·急件": k.urgency.items[1].(fyne.Focusable), "传阅·李四": k.readers.items[1].(fyne.Focusable),
	}
}

func newKeyForm(t *testing.T) *keyForm {
	test.NewTempApp(t)
	k := &keyForm{win: test.NewTempWindow(t, widget.NewLabel("工作台"))}
	k.win.Resize(fyne.NewSize(900, 700))
	stack := &FormStack{}
	// the window's own Esc, for when nothing has the focus (the question)
	k.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if f := stack.Top(); f != nil && ev.Name == fyne.KeyEscape {
			f.Cancel()
		}
	})
	k.form = NewForm(k.win, stack, "登记收文", "登记")
	k.title = NewEntry("文件标题")
	k.kind = NewSelect([]string{"办件", "阅件"}, nil)
	k.kind.SetSelected("办件")
	k.check = NewCheck("需要传阅", nil)
	k.urgency = NewRadioGroup([]string{"平件", "急件", "特急"}, nil)
	k.urgency.Horizontal, k.urgency.Required = true, true
	k.urgency.SetSelected("平件")
	k.readers = NewCheckGroup([]string{"张三", "李四"}, nil)
	k.readers.Horizontal = true
	k.form.Field("文件标题", k.title).Field("类别", k.kind).Field("", k.check)
	k.form.Field("缓急", k.urgency).Field("传阅", k.readers)
	k.form.Show(func(bool) error { k.saved++; return nil })
	return k
}

// Esc cancels the dialog from wherever Tab left the focus: a pick list, a
// check, an item of a radio or check group, the 取消 and 登记 buttons.
func TestEscapeFromEveryControlOfADialog(t *testing.T) {
	for _, name := range []string{"类别", "需要传阅", "缓急·急件", "传阅·李四", "取消", "登记"} {
		k := newKeyForm(t)
		c := k.win.Canvas()
		if c.Focused() != k.title {
			t.Fatalf("the dialog opened with the focus on %T, not the text field", c.Focused())
		}
		target, ok := k.targets()[name]
		if !ok {
			target = buttonIn(t, c, name)
		}
		tabTo(t, c, target)
		press(c, fyne.KeyEscape)
		if k.form.Visible() {
			t.Errorf("Esc on %s left the dialog open", name)
		}
	}
}

// buttonIn is the focusable button labelled text in the top overlay.
func buttonIn(t *testing.T, c fyne.Canvas, text string) fyne.Focusable {
	t.Helper()
	for _, o := range test.LaidOutObjects(c.Overlays().Top()) {
		if b, ok := o.(*Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %s", text)
	return nil
}

// With something typed, Esc on a pick list or a check asks 保存 / 不保存 /
// 取消 exactly as it does from the text field; Esc again is 取消.
func TestEscapeFromAPickListAsksAboutTypedInput(t *testing.T) {
	for _, name := range []string{"文件标题", "类别", "需要传阅", "缓急·急件", "传阅·李四"} {
		k := newKeyForm(t)
		c := k.win.Canvas()
		test.Type(k.title, "关于做好岁末年初安全生产工作的通知")
		tabTo(t, c, k.targets()[name])
		press(c, fyne.KeyEscape)
		if !k.form.Visible() || !strings.Contains(shown(c), "「登记收文」中有尚未保存的内容。") {
			t.Fatalf("Esc on %s did not ask before dropping typed input: %q", name, shown(c))
		}
		for _, b := range []string{"保存", "不保存", "取消"} {
			if !strings.Contains(shown(c), b+"\n") {
				t.Errorf("the question has no %s button: %q", b, shown(c))
			}
		}
		press(c, fyne.KeyEscape)
		if !k.form.Visible() || strings.Contains(shown(c), "尚未保存") {
			t.Fatalf("Esc on the question (from %s) did not just close the question", name)
		}
		if k.title.Text != "关于做好岁末年初安全生产工作的通知" {
			t.Fatalf("the typed title was lost: %q", k.title.Text)
		}
	}
}

// A pick list opened and closed without a choice keeps the focus: the
// first Esc closes its list, the next one the dialog.
func TestEscapeAfterClosingAPickListUnchosen(t *testing.T) {
	k := newKeyForm(t)
	c := k.win.Canvas()
	test.Tap(k.kind)
	if !strings.Contains(shown(c), "阅件") {
		t.Fatalf("tapping the pick list showed no list: %q", shown(c))
	}
	press(c, fyne.KeyEscape)
	if !k.form.Visible() || strings.Contains(shown(c), "阅件") {
		t.Fatal("the first Esc did not just close the list")
	}
	if k.kind.Selected != "办件" {
		t.Fatalf("closing the list changed the choice to %q", k.kind.Selected)
	}
	press(c, fyne.KeyEscape)
	if k.form.Visible() {
		t.Fatalf("Esc after closing the list left the dialog open (focus on %T)", c.Focused())
	}
}

// Enter on a pick list, a check or a group's item saves a dialog of
// single-line fields, as it does in a text field; space and the arrows
// still work the control.
func TestEnterOnAPickListOrCheckSaves(t *testing.T) {
	for _, name := range []string{"类别", "需要传阅", "缓急·急件", "传阅·李四"} {
		k := newKeyForm(t)
		c := k.win.Canvas()
		tabTo(t, c, k.targets()[name])
		press(c, fyne.KeyReturn)
		if k.saved != 1 || k.form.Visible() {
			t.Errorf("Enter on %s: saved %d times, dialog open %v", name, k.saved, k.form.Visible())
		}
	}
	k := newKeyForm(t)
	tabTo(t, k.win.Canvas(), k.kind)
	press(k.win.Canvas(), fyne.KeyRight)
	if k.kind.Selected != "阅件" {
		t.Errorf("→ on the pick list chose %q, not the next option", k.kind.Selected)
	}
	k = newKeyForm(t)
	tabTo(t, k.win.Canvas(), k.check)
	test.Type(k.check, " ")
	if !k.check.Checked {
		t.Error("space did not tick the check")
	}
}

// In a dialog with a multi-line field Enter on a pick list saves nothing.
func TestEnterOnAPickListKeepsAMultiLineDialog(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("工作台"))
	w.Resize(fyne.NewSize(900, 700))
	f := NewForm(w, &FormStack{}, "批示", "保存")
	sel := NewSelect([]string{"张三", "李四"}, nil)
	f.Field("领导", sel).Field("批示内容", NewMultiLineEntry("批示内容", 3))
	saved := 0
	f.Show(func(bool) error { saved++; return nil })
	tabTo(t, w.Canvas(), sel)
	press(w.Canvas(), fyne.KeyReturn)
	if saved != 0 || !f.Visible() {
		t.Fatal("Enter on the pick list saved a dialog with a multi-line field")
	}
}

// Enter on a focused button presses it, as space does.
func TestEnterPressesAFocusedButton(t *testing.T) {
	k := newKeyForm(t)
	c := k.win.Canvas()
	tabTo(t, c, buttonIn(t, c, "取消"))
	press(c, fyne.KeyReturn)
	if k.form.Visible() || k.saved != 0 {
		t.Fatalf("Enter on 取消: dialog open %v, saved %d", k.form.Visible(), k.saved)
	}
}

// Outside a form dialog (a book's filter bar) a focused pick list, check or
// button hands Esc and Enter to the window, as if nothing had the focus.
func TestKeysOutsideADialogReachTheWindow(t *testing.T) {
	test.NewTempApp(t)
	sel := NewSelect([]string{"全部", "办件"}, nil)
	check := NewCheck("只看逾期", nil)
	button := NewButton("清空条件", nil, nil)
	w := test.NewTempWindow(t, NewFlow(sel, check, button))
	var heard []fyne.KeyName
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { heard = append(heard, ev.Name) })
	for _, f := range []fyne.Focusable{sel, check, button} {
		w.Canvas().Focus(f)
		press(w.Canvas(), fyne.KeyEscape)
	}
	w.Canvas().Focus(sel)
	press(w.Canvas(), fyne.KeyReturn)
	if fmt.Sprint(heard) != "[Escape Escape Escape Return]" {
		t.Fatalf("the window heard %v", heard)
	}
}
