package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
)

// The file dialog speaks Chinese where Fyne leaves English: its title, the
// places in its side list, and the question before overwriting a file.
func TestFileDialogInChinese(t *testing.T) {
	h := newHarness(t, false)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "发文登记簿.pdf"), []byte("%PDF"), 0o600); err != nil {
		t.Fatal(err)
	}
	saved := false
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if wc != nil {
			saved = true
			wc.Close()
		}
	}, h.u.win)
	l, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		t.Fatal(err)
	}
	d.SetLocation(l)
	d.SetFileName("发文登记簿.pdf")
	h.u.showFileDialog(d, "保存文件")
	for _, english := range []string{"Home", "Computer", "保存 文件"} {
		if h.shows(english) {
			t.Errorf("the file dialog shows %q", english)
		}
	}
	if !h.shows("主文件夹") || !h.shows("保存文件") {
		t.Error("the file dialog has no 主文件夹 or no title 保存文件")
	}
	if dir := os.Getenv("GONGWEN_SHOTS"); dir != "" {
		writePNGOf(t, h.u.win, filepath.Join(dir, "file-save.png"))
	}

	test.Tap(h.button("保存"))
	if h.shows("Overwrite") || h.shows("Are you sure") || !h.shows("要用新文件替换它吗？") {
		t.Fatal("the question before overwriting is not in Chinese")
	}
	if dir := os.Getenv("GONGWEN_SHOTS"); dir != "" {
		writePNGOf(t, h.u.win, filepath.Join(dir, "file-overwrite.png"))
	}
	test.Tap(h.button("是"))
	if !saved {
		t.Fatal("是 did not save over the file")
	}
}
