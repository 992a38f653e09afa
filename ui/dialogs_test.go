package ui

import (
	"image/png"
	"os"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// button is the button labelled text in the dialog on top, failing the
// test when there is none.
func (h *harness) button(text string) *widget.Button {
	h.t.Helper()
	top := h.u.win.Canvas().Overlays().Top()
	if top == nil {
		h.t.Fatalf("no dialog is open (looking for %q)", text)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := asButton(o); ok && b.Text == text {
			return b
		}
	}
	h.t.Fatalf("the dialog on top has no button %q", text)
	return nil
}

// watchClose notes when the window closes.
func (h *harness) watchClose() *bool {
	closed := false
	h.u.win.SetOnClosed(func() { closed = true })
	return &closed
}

func (h *harness) newIncoming(title string) *widgets.Form {
	h.t.Helper()
	h.u.show(ScreenIncoming)
	h.u.shortcutNew()
	h.typeIn("来文单位", "区财政局")
	h.typeIn("文件标题", title)
	return h.form()
}

func (h *harness) incomingTitled(title string) bool {
	docs, _, err := h.u.desk.Store.Documents(h.u.ctx, app.DocumentFilter{Direction: app.Incoming, Page: app.Page{Limit: 100}})
	if err != nil {
		h.t.Fatal(err)
	}
	for _, d := range docs {
		if d.Title == title {
			return true
		}
	}
	return false
}

func TestQuitAsksBeforeLosingInput(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	// the window's close button and Alt+F4 go through the same question
	intercept := reflect.ValueOf(u.win).Elem().FieldByName("onCloseIntercepted")
	if !intercept.IsValid() || intercept.IsNil() {
		t.Fatal("closing the window is not intercepted")
	}
	closed := h.watchClose()
	f := h.newIncoming("关于拨付防汛物资经费的请示")

	u.quit()
	if *closed || !f.Visible() {
		t.Fatal("quit with unsaved input closed at once")
	}
	if !h.shows("尚未保存") {
		t.Fatal("no question about the unsaved input")
	}
	test.Tap(h.button("取消"))
	if *closed || !f.Visible() || f.Get("文件标题").(*widgets.Entry).Text != "关于拨付防汛物资经费的请示" {
		t.Fatal("取消 did not keep the dialog and its text")
	}

	u.quit()
	test.Tap(h.button("保存"))
	if !*closed {
		t.Fatal("保存 did not go on to quit")
	}
	if !h.incomingTitled("关于拨付防汛物资经费的请示") {
		t.Fatal("保存 did not save the document")
	}
}

func TestQuitWithoutSaving(t *testing.T) {
	h := newHarness(t, false)
	closed := h.watchClose()
	h.newIncoming("关于不保存的测试文件")
	h.u.quit()
	test.Tap(h.button("不保存"))
	if !*closed {
		t.Fatal("不保存 did not quit")
	}
	if h.incomingTitled("关于不保存的测试文件") {
		t.Fatal("不保存 saved")
	}
}

// A refused save keeps the dialog with its message and does not quit.
func TestQuitSaveRefused(t *testing.T) {
	h := newHarness(t, false)
	closed := h.watchClose()
	h.newIncoming("关于日期有误的文件")
	h.typeIn("成文日期", "2026-03-20") // after the day it arrived
	h.u.quit()
	test.Tap(h.button("保存"))
	if *closed || !h.form().Visible() || !strings.Contains(h.form().ErrorText(), "成文日期") {
		t.Fatalf("a refused save quit or lost its message (%q)", h.form().ErrorText())
	}
}

func TestQuitUntouchedDialogClosesAtOnce(t *testing.T) {
	h := newHarness(t, false)
	closed := h.watchClose()
	h.u.show(ScreenIncoming)
	h.u.shortcutNew()
	h.u.quit()
	if !*closed {
		t.Fatal("an untouched dialog held up quitting")
	}
}

func TestQuitMenuItem(t *testing.T) {
	h := newHarness(t, false)
	file := h.u.win.MainMenu().Items[0]
	last := file.Items[len(file.Items)-1]
	if last.Label != "退出" || !last.IsQuit {
		t.Fatalf("the 文件 menu ends with %q (quit %v)", last.Label, last.IsQuit)
	}
	sc, ok := last.Shortcut.(interface{ ShortcutName() string })
	if !ok || !strings.Contains(sc.ShortcutName(), "+Q") {
		t.Fatalf("退出 has no Ctrl+Q shortcut: %#v", last.Shortcut)
	}
	closed := h.watchClose()
	h.newIncoming("关于菜单退出的文件")
	last.Action()
	if *closed || !h.shows("尚未保存") {
		t.Fatal("退出 quit without asking")
	}
}

func TestEscapeAsksAndWorksWithoutFocus(t *testing.T) {
	h := newHarness(t, false)
	f := h.newIncoming("关于按Esc的文件")
	esc := &fyne.KeyEvent{Name: fyne.KeyEscape}
	f.Get("文件标题").(*widgets.Entry).TypedKey(esc)
	if !f.Visible() || !h.shows("尚未保存") {
		t.Fatal("Esc dropped typed input without asking")
	}
	test.Tap(h.button("取消"))

	// a select keeps the focus after a choice and passes Esc on
	sel := f.Get("密级／紧急程度").(*fyne.Container).Objects[0].(*widgets.Select)
	h.u.win.Canvas().Focus(sel)
	sel.SetSelectedIndex(1)
	h.press(fyne.KeyEscape)
	if !h.shows("尚未保存") {
		t.Fatalf("Esc after a choice in a pick list did not ask (focus on %T)", h.u.win.Canvas().Focused())
	}
	test.Tap(h.button("不保存"))
	if f.Visible() {
		t.Fatal("不保存 did not close the dialog")
	}

	// untouched: Esc closes at once
	h.u.shortcutNew()
	g := h.form()
	h.u.win.Canvas().Unfocus()
	h.u.win.Canvas().OnTypedKey()(esc)
	if g.Visible() {
		t.Fatal("Esc without focus did not close an untouched dialog")
	}
}

func TestEnterSavesSingleLineDialog(t *testing.T) {
	h := newHarness(t, false)
	f := h.newIncoming("关于按回车登记的文件")
	f.Get("文件标题").(*widgets.Entry).TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if f.Visible() || !h.incomingTitled("关于按回车登记的文件") {
		t.Fatalf("Enter did not save the 收文 dialog (%q)", f.ErrorText())
	}

	// in a dialog with a multi-line field Enter starts a new line
	h.u.incoming.refresh()
	h.u.incoming.table.Select(0)
	h.u.incoming.proposeForm(*h.u.incoming.sel)
	g := h.form()
	area := g.Get("拟办意见").(*widgets.Entry)
	test.Type(area, "拟请王区长阅示")
	area.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !g.Visible() || !strings.Contains(area.Text, "\n") {
		t.Fatal("Enter in a multi-line dialog saved it")
	}
}

// writePNG captures the window (with its dialogs) to a PNG file.
func writePNG(t *testing.T, u *UI, path string) {
	t.Helper()
	writePNGOf(t, u.win, path)
}

// Fyne's file dialogs and menus speak Chinese on an English system.
func TestFyneTextChineseWhateverTheLocale(t *testing.T) {
	for _, locale := range []string{"C", "en_US.UTF-8", "fr_FR.UTF-8"} {
		t.Setenv("LANGUAGE", "")
		t.Setenv("LC_ALL", locale)
		t.Setenv("LANG", locale)
		useChineseFyneText()
		for en, zh := range map[string]string{"Save": "保存", "Cancel": "取消", "Open": "打开", "Create Folder": "新建文件夹", "Quit": "退出"} {
			if got := lang.L(en); got != zh {
				t.Errorf("%s: %q is %q, want %q", locale, en, got, zh)
			}
		}
		if got := lang.X("file.name", "Name"); got != "名称" {
			t.Errorf("%s: file.name is %q", locale, got)
		}
		if v, ok := os.LookupEnv("LANGUAGE"); !ok || v != "" {
			t.Errorf("LANGUAGE left at %q", v)
		}
	}
}

// topDialogSize is the size of the dialog on top.
func (h *harness) topDialogSize() fyne.Size {
	h.t.Helper()
	p, ok := h.u.win.Canvas().Overlays().Top().(*widget.PopUp)
	if !ok {
		h.t.Fatal("no dialog on top")
	}
	return p.Content.Size()
}

// A short message makes a small dialog; a long one wraps and stays on
// the screen.
func TestMessageDialogsFitTheirText(t *testing.T) {
	h := newHarness(t, false)
	h.u.win.Resize(fyne.NewSize(1024, 700))
	h.u.showMessage("已导出", "PDF 已保存：\n/home/文书/收文处理笺-2026-0001.pdf")
	if s := h.topDialogSize(); s.Height > 220 || s.Width > 600 {
		t.Errorf("a two-line message takes %.0f×%.0f", s.Width, s.Height)
	}
	if dir := os.Getenv("GONGWEN_SHOTS"); dir != "" {
		writePNG(t, h.u, dir+"/message-short.png")
	}
	h.u.win.Canvas().Overlays().Top().Hide()
	h.u.confirm("从备份恢复", "用备份文件\n/home/文书/备份/gongwen-20261203.db\n替换当前全部数据？当前数据会先自动备份。", "恢复", func() {})
	if s := h.topDialogSize(); s.Height > 260 {
		t.Errorf("a three-line question takes %.0f×%.0f", s.Width, s.Height)
	}
	if dir := os.Getenv("GONGWEN_SHOTS"); dir != "" {
		writePNG(t, h.u, dir+"/confirm.png")
	}
	h.u.win.Canvas().Overlays().Top().Hide()
	h.u.showMessage("数据文件有问题", strings.Repeat("第1页的索引与表不一致，请从最近的备份恢复。", 60))
	if s := h.topDialogSize(); s.Height > 700 {
		t.Errorf("a long message is %.0f tall, taller than the window", s.Height)
	}
	if dir := os.Getenv("GONGWEN_SHOTS"); dir != "" {
		writePNG(t, h.u, dir+"/message-long.png")
	}
}

// Each kind of file has its folder, kept across starts; a folder that is
// gone gives the home folder again.
func TestFileDialogsRememberFolderPerKind(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	home, _ := os.UserHomeDir()
	pdfDir, sheetDir := t.TempDir(), t.TempDir()
	for _, k := range []fileKind{folderPDF, folderSheet} {
		if got := u.lastFolder(k); got != home {
			t.Errorf("%s starts in %q, want the home folder", k, got)
		}
	}
	u.rememberFolder(folderPDF, storage.NewFileURI(pdfDir+"/收文处理笺.pdf"))
	u.rememberFolder(folderSheet, storage.NewFileURI(sheetDir+"/收文登记簿.xlsx"))
	if got := u.lastFolder(folderPDF); got != pdfDir {
		t.Errorf("pdf folder %q, want %q", got, pdfDir)
	}
	if got := u.lastFolder(folderSheet); got != sheetDir {
		t.Errorf("sheet folder %q, want %q", got, sheetDir)
	}
	if got := u.lastFolder(folderBackup); got != u.env.BackupDir {
		t.Errorf("backups start in %q, want the backup folder %q", got, u.env.BackupDir)
	}
	// the preferences outlive the window
	again := newUI(u.app, u.env)
	if got := again.lastFolder(folderPDF); got != pdfDir {
		t.Errorf("after a restart the pdf folder is %q", got)
	}
	os.RemoveAll(pdfDir)
	if got := u.lastFolder(folderPDF); got != home {
		t.Errorf("a removed folder gives %q", got)
	}
}

// writePNGOf captures any window to a PNG file.
func writePNGOf(t *testing.T, w fyne.Window, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

// Esc or a second 退出 while the question is shown does not stack a second
// question: Esc answers 取消.
func TestEscapeOnTheQuestion(t *testing.T) {
	h := newHarness(t, false)
	f := h.newIncoming("关于问题上按Esc的文件")
	h.u.quit()
	h.u.quit()
	n := len(h.u.win.Canvas().Overlays().List())
	if h.u.win.Canvas().Focused() != nil {
		t.Fatal("a field under the question keeps the keys")
	}
	h.u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if got := len(h.u.win.Canvas().Overlays().List()); got != n-1 || !f.Visible() || h.shows("尚未保存") {
		t.Fatalf("Esc on the question: %d overlays of %d, dialog shown %v", got, n, f.Visible())
	}
}
