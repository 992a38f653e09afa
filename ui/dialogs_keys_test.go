package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"gongwen/ui/widgets"
)

// press sends a key as the desktop driver does: to the focused widget, or
// to the window when nothing has the focus.
func (h *harness) press(name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	if f := h.u.win.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
	} else {
		h.u.win.Canvas().OnTypedKey()(ev)
	}
}

// Esc closes a dialog that begins with a pick list (拟稿登记's 发文代字,
// 登记会议's 会议类型) right after it opens, and after 添加议定事项.
func TestEscapeReachesDialogsOpeningOnAPickList(t *testing.T) {
	h := newHarness(t, false)
	for _, screen := range []string{ScreenOutgoing, ScreenMeetings} {
		h.u.show(screen)
		h.u.shortcutNew()
		f := h.form()
		h.press(fyne.KeyEscape)
		if f.Visible() {
			t.Fatalf("%s: Esc right after opening left the dialog open (focus on %T)", f.Title, h.u.win.Canvas().Focused())
		}
	}

	h.u.shortcutNew()
	f := h.form()
	h.button("添加议定事项").OnTapped() // a click keeps the focus where it was
	if _, ok := h.u.win.Canvas().Focused().(*widgets.Entry); !ok {
		t.Fatalf("after 添加议定事项 the focus is on %T, not the new row's field", h.u.win.Canvas().Focused())
	}
	h.press(fyne.KeyEscape)
	if f.Visible() || h.shows("尚未保存") {
		t.Fatal("Esc after adding an empty 议定事项 row did not close the dialog at once")
	}

	// a row with something typed in it is input
	h.u.shortcutNew()
	f = h.form()
	h.button("添加议定事项").OnTapped()
	rows := f.Get("议定事项").(*widgets.RowEditor).Rows()
	rows[0][0].(*widgets.Entry).SetText("抓紧落实")
	h.press(fyne.KeyEscape)
	if !f.Visible() || !h.shows("尚未保存") {
		t.Fatal("Esc dropped a typed 议定事项 without asking")
	}
}

// Enter and Esc close an information dialog, and only it: the form under
// it stays as it was.
func TestEnterAndEscapeCloseMessages(t *testing.T) {
	h := newHarness(t, false)
	for _, key := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape} {
		h.u.showMessage("已保存", "PDF 已保存：\nD:\\公文\\发文登记簿.pdf")
		if !h.shows("PDF 已保存") {
			t.Fatal("the message is not shown")
		}
		h.press(key)
		if h.u.win.Canvas().Overlays().Top() != nil {
			t.Fatalf("%s did not close the message", key)
		}
	}

	f := h.newIncoming("关于消息上按Esc的文件")
	h.u.showMessage("请注意", "已登记。")
	h.press(fyne.KeyEscape)
	if !f.Visible() || h.shows("已登记") || h.shows("尚未保存") {
		t.Fatal("Esc on a message over a dialog did more than close the message")
	}
}

// The question before typed input is lost is one left-aligned text; it
// names 退出 only when quitting.
func TestUnsavedQuestionWording(t *testing.T) {
	h := newHarness(t, false)
	f := h.newIncoming("关于问题措辞的文件")
	f.Get("文件标题").(*widgets.Entry).TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !h.shows("「"+f.Title+"」中有尚未保存的内容。") || h.shows("退出") || h.shows("继续") {
		t.Fatal("the question after Esc is not worded for Esc")
	}
	if dir := os.Getenv("GONGWEN_SHOTS"); dir != "" {
		writePNGOf(t, h.u.win, filepath.Join(dir, "unsaved-esc.png"))
	}
	h.press(fyne.KeyEscape) // 取消
	h.u.quit()
	if !h.shows("退出前要保存吗？") {
		t.Fatal("the question on quitting does not name 退出")
	}
	if dir := os.Getenv("GONGWEN_SHOTS"); dir != "" {
		writePNGOf(t, h.u.win, filepath.Join(dir, "unsaved-quit.png"))
	}
}

// Tab onto a pick list or a check of a real dialog (用印申请's 印章 and
// 异地用印, 登记收文's 密级): Esc closes the untouched dialog from there, and
// asks when something was typed, as it does from a text field.
func TestEscapeAfterTabbingOntoPickListsAndChecks(t *testing.T) {
	h := newHarness(t, false)
	for _, screen := range []string{ScreenSeals, ScreenIncoming} {
		for _, want := range []string{"*widgets.Select", "*widgets.Check"} {
			h.u.show(screen)
			h.u.shortcutNew()
			f := h.form()
			c := h.u.win.Canvas()
			for i := 0; i < 60 && fmt.Sprintf("%T", c.Focused()) != want; i++ {
				test.FocusNext(c)
			}
			if fmt.Sprintf("%T", c.Focused()) != want {
				if screen == ScreenIncoming && want == "*widgets.Check" {
					h.press(fyne.KeyEscape)
					continue // 登记收文 has no check
				}
				t.Fatalf("%s: Tab never reached a %s", f.Title, want)
			}
			h.press(fyne.KeyEscape)
			if f.Visible() {
				t.Fatalf("%s: Esc on a %s left the untouched dialog open", f.Title, want)
			}

			h.u.shortcutNew()
			f = h.form()
			test.Type(c.Focused(), "关于")
			for i := 0; i < 60 && fmt.Sprintf("%T", c.Focused()) != want; i++ {
				test.FocusNext(c)
			}
			h.press(fyne.KeyEscape)
			if !f.Visible() || !h.shows("尚未保存") {
				t.Fatalf("%s: Esc on a %s dropped typed input without asking", f.Title, want)
			}
			h.press(fyne.KeyEscape) // 取消 the question
			f.Hide()
		}
	}
}
