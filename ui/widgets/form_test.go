package widgets

import (
	"gongwen/app"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// A long dialog scrolls with the mouse wheel even with the pointer over a
// multi-line field, which grows with its text instead of scrolling inside.
func TestWheelOverTextFieldScrollsDialog(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(700, 360))
	f := NewForm(w, &FormStack{}, "议定事项", "保存")
	area := NewMultiLineEntry("内容", 3)
	f.Field("内容", area)
	for _, l := range []string{"牵头单位", "配合单位", "时限", "备注", "联系人", "电话"} {
		f.Field(l, NewEntry(l))
	}
	f.Show(func(bool) error { return nil })
	before := area.Size().Height
	area.SetText(strings.Repeat("请区财政局牵头，会同区发展改革委等单位抓紧研究提出资金保障方案。\n", 8))
	if area.Size().Height < before+5*lineHeight(area.TextStyle) {
		t.Fatalf("the field did not grow with its text: %.0f → %.0f", before, area.Size().Height)
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(area).Add(fyne.NewPos(20, 20))
	test.Scroll(w.Canvas(), pos, 0, -120)
	if f.scroll.Offset.Y <= 0 {
		t.Fatal("the wheel over the text field did not scroll the dialog")
	}
	if h := f.scroll.Size().Height; h >= f.scroll.Content.Size().Height {
		t.Fatalf("the dialog did not need to scroll (%.0f of %.0f)", h, f.scroll.Content.Size().Height)
	}
}

// The scroll bar of a long dialog is drawn beside its fields, not over
// their right edge.
func TestScrollBarLeavesTheFieldsWhole(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(700, 360))
	f := NewForm(w, &FormStack{}, "登记会议", "保存")
	var last *Entry
	for _, l := range []string{"届次", "第几次", "日期", "时间", "地点", "主持", "出席", "列席", "记录"} {
		last = NewEntry(l)
		f.Field(l, last)
	}
	f.Show(func(bool) error { return nil })
	if h := f.scroll.Size().Height; h >= f.scroll.Content.Size().Height {
		t.Fatalf("the dialog does not scroll (%.0f of %.0f)", h, f.scroll.Content.Size().Height)
	}
	d := fyne.CurrentApp().Driver()
	right := d.AbsolutePositionForObject(last).X + last.Size().Width
	bar := d.AbsolutePositionForObject(f.scroll).X + f.scroll.Size().Width - theme.Size(theme.SizeNameScrollBar)
	if right > bar {
		t.Errorf("the fields end at %.0f, under the scroll bar that starts at %.0f", right, bar)
	}
}

// incomingForm is a 登记收文 dialog with a text field, a date, a pick
// list, a check and rows, on a window of its own.
type incomingForm struct {
	win   fyne.Window
	stack *FormStack
	form  *Form
	title *Entry
	date  *DateField
	kind  *Select
	check *Check
	rows  *RowEditor
	saves []bool
	fail  error  // what the next save returns
	warn  string // what the next save warns of
}

func newIncomingForm(t *testing.T) *incomingForm {
	test.NewTempApp(t)
	in := &incomingForm{stack: &FormStack{}}
	in.win = test.NewTempWindow(t, NewText("工作台"))
	in.win.Resize(fyne.NewSize(900, 700))
	in.form = NewForm(in.win, in.stack, "登记收文", "登记")
	in.title = NewEntry("文件标题")
	in.title.SetText("关于岁末年初安全生产的通知")
	in.date = NewDateField(december, true)
	in.date.SetDate(app.MustDate("2026-12-03"))
	in.kind = NewSelect([]string{"办件", "阅件"}, nil)
	in.kind.SetSelected("办件")
	in.check = NewCheck("需要传阅", nil)
	in.rows = NewRowEditor([]string{"阶段", "时限"}, []float32{2, 1}, "添加阶段", func() []fyne.CanvasObject {
		return []fyne.CanvasObject{NewEntry("阶段名称"), NewDateField(december, false)}
	})
	in.form.Field("文件标题", in.title).Field("收文日期", in.date).Field("类别", in.kind).Field("", in.check).Field("阶段", in.rows)
	in.form.Show(func(dup bool) error {
		in.saves = append(in.saves, dup)
		err := in.fail
		in.fail = nil
		if in.warn != "" {
			in.form.Warn(in.warn)
			in.warn = ""
		}
		return err
	})
	return in
}

// The dialog counts as changed when any field holds something else than
// when it opened, and as unchanged again when the change is undone; a row
// added and left empty is no input.
func TestFormDirtyFollowsEveryKindOfField(t *testing.T) {
	in := newIncomingForm(t)
	if in.form.Dirty() {
		t.Fatal("a dialog just opened counts as changed")
	}
	changes := []struct {
		name     string
		do, undo func()
	}{
		{"文件标题", func() { test.Type(in.title, "（补发）") }, func() { in.title.SetText("关于岁末年初安全生产的通知") }},
		{"收文日期", func() { in.date.SetDate(app.MustDate("2026-12-04")) }, func() { in.date.SetDate(app.MustDate("2026-12-03")) }},
		{"类别", func() { in.kind.SetSelected("阅件") }, func() { in.kind.SetSelected("办件") }},
		{"需要传阅", func() { in.check.SetChecked(true) }, func() { in.check.SetChecked(false) }},
	}
	for _, c := range changes {
		c.do()
		if !in.form.Dirty() {
			t.Errorf("a change of %s does not count", c.name)
		}
		c.undo()
		if in.form.Dirty() {
			t.Errorf("%s changed back still counts as changed", c.name)
		}
	}
	row := in.rows.AddRow()
	if in.form.Dirty() {
		t.Error("an empty row added counts as input")
	}
	row[0].(*Entry).SetText("完成排查")
	if !in.form.Dirty() {
		t.Error("a row typed in does not count")
	}
	if in.stack.Unsaved() != in.form {
		t.Error("the window does not know this dialog has unsaved input")
	}
}

// A refused save keeps the dialog open with everything typed and the
// Chinese message on top; the next save that works closes it.
func TestFormRefusedSaveKeepsTheInput(t *testing.T) {
	in := newIncomingForm(t)
	in.fail = app.Errorf(app.EINVALID, "请填写来文单位")
	in.form.Save()
	if !in.form.Visible() || in.form.ErrorText() != "请填写来文单位" {
		t.Fatalf("refused save: open %v, message %q", in.form.Visible(), in.form.ErrorText())
	}
	if !strings.Contains(shown(in.win.Canvas()), "请填写来文单位") {
		t.Error("the message is not shown in the dialog")
	}
	if in.title.Text != "关于岁末年初安全生产的通知" {
		t.Errorf("the title was lost: %q", in.title.Text)
	}
	saved := ""
	in.form.OnSaved = func(warning string) { saved = "saved:" + warning }
	in.form.Save()
	if in.form.Visible() || saved != "saved:" {
		t.Fatalf("second save: open %v, OnSaved %q", in.form.Visible(), saved)
	}
}

// A save that works with a warning closes the dialog and shows the warning.
func TestFormWarningAfterSaving(t *testing.T) {
	in := newIncomingForm(t)
	in.warn = "2028年的放假安排尚未公布，办结时限按周末推算"
	in.form.Save()
	if in.form.Visible() || !strings.Contains(shown(in.win.Canvas()), "尚未公布") {
		t.Fatalf("saved with a warning: open %v, shown %q", in.form.Visible(), shown(in.win.Canvas()))
	}
}

// A probable duplicate asks; 仍然登记 saves with the duplicate allowed.
func TestFormAsksBeforeADuplicate(t *testing.T) {
	in := newIncomingForm(t)
	in.fail = app.Errorf(app.EDUPLICATE, "已有同一文号的收文：2026-0012")
	in.form.Save()
	if !in.form.Visible() || !strings.Contains(shown(in.win.Canvas()), "仍然登记") {
		t.Fatalf("no question about the duplicate: %q", shown(in.win.Canvas()))
	}
	test.Tap(buttonText(t, in.win.Canvas().Overlays().Top(), "仍然登记"))
	if in.form.Visible() || len(in.saves) != 2 || !in.saves[1] {
		t.Fatalf("仍然登记: open %v, saves %v", in.form.Visible(), in.saves)
	}
}

// buttonText is the button labelled text in root.
func buttonText(t *testing.T, root fyne.CanvasObject, text string) fyne.Tappable {
	t.Helper()
	for _, o := range test.LaidOutObjects(root) {
		switch b := o.(type) {
		case *widget.Button:
			if b.Text == text {
				return b
			}
		case *Button:
			if b.Text == text {
				return b
			}
		}
	}
	t.Fatalf("no button %s", text)
	return nil
}

// The question before typed input is lost: 保存 saves and goes on, 不保存
// goes on without saving, 取消 stays; a refused 保存 stays with its message.
func TestUnsavedQuestionAnswers(t *testing.T) {
	for _, answer := range []string{"保存", "不保存", "取消", "保存 refused"} {
		in := newIncomingForm(t)
		test.Type(in.title, "（补发）")
		wentOn := false
		AskUnsaved(in.win, in.form, "退出", func() { wentOn = true })
		if !strings.Contains(shown(in.win.Canvas()), "「登记收文」中有尚未保存的内容。退出前要保存吗？") {
			t.Fatalf("the question reads %q", shown(in.win.Canvas()))
		}
		if answer == "保存 refused" {
			in.fail = app.Errorf(app.EINVALID, "请填写来文单位")
		}
		test.Tap(buttonText(t, in.win.Canvas().Overlays().Top(), strings.Fields(answer)[0]))
		switch answer {
		case "保存":
			if !wentOn || len(in.saves) != 1 || in.form.Visible() {
				t.Errorf("保存: went on %v, saves %d, open %v", wentOn, len(in.saves), in.form.Visible())
			}
		case "不保存":
			if !wentOn || len(in.saves) != 0 {
				t.Errorf("不保存: went on %v, saves %d", wentOn, len(in.saves))
			}
		case "取消":
			if wentOn || len(in.saves) != 0 || !in.form.Visible() || !strings.Contains(in.title.Text, "（补发）") {
				t.Errorf("取消: went on %v, saves %d, open %v", wentOn, len(in.saves), in.form.Visible())
			}
		default:
			if wentOn || !in.form.Visible() || in.form.ErrorText() != "请填写来文单位" {
				t.Errorf("refused 保存: went on %v, open %v, message %q", wentOn, in.form.Visible(), in.form.ErrorText())
			}
		}
	}
}

// Esc in an untouched dialog closes it at once; with input it asks.
func TestFormEscapeAsksOnlyWhenInputWouldBeLost(t *testing.T) {
	in := newIncomingForm(t)
	press(in.win.Canvas(), fyne.KeyEscape)
	if in.form.Visible() {
		t.Fatal("Esc did not close an untouched dialog")
	}
	in = newIncomingForm(t)
	in.check.SetChecked(true)
	press(in.win.Canvas(), fyne.KeyEscape)
	if !in.form.Visible() || !strings.Contains(shown(in.win.Canvas()), "尚未保存") {
		t.Fatal("Esc dropped a ticked check without asking")
	}
}
