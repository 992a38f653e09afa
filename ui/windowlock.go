package ui

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// One window per data file. Two windows on one file would each show what
// the other no longer has on screen, and each would ask to be closed before
// a restore. The window holds an exclusive lock on a file beside the
// database for as long as it is open; a second start on the same file
// finds it held and says so. (The store's own lock is shared by every
// open, so the command line still works while the window is open.)

func windowLockPath(db string) string { return db + ".window.lock" }

// HoldWindow takes the window lock of the database at db; release it when
// the window closes. It fails with app.EBUSY when a window already has the
// file open.
func HoldWindow(db string) (release func(), err error) {
	if err := os.MkdirAll(filepath.Dir(db), 0o700); err != nil {
		return nil, app.Errorf(app.EINTERNAL, "无法建立数据文件夹 %s：%s", filepath.Dir(db), app.ErrorMessage(err))
	}
	f, err := os.OpenFile(windowLockPath(db), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, app.Errorf(app.EINTERNAL, "无法打开窗口锁文件 %s：%s", windowLockPath(db), app.ErrorMessage(err))
	}
	if err := lockExclusive(f); err != nil {
		f.Close()
		if abs, err := filepath.Abs(db); err == nil {
			db = abs
		}
		return nil, app.Errorf(app.EBUSY, "数据文件 %s 已经在另一个公文督办台窗口中打开。请切换到那个窗口（看任务栏）；同一个数据文件只能在一个窗口中打开。", db)
	}
	return func() {
		unlock(f)
		f.Close()
	}, nil
}

// RunAlreadyOpen shows why the window cannot open (msg) in a small window
// of its own and returns when it is closed: a program started from the
// desktop has no console to print to.
func RunAlreadyOpen(a fyne.App, msg string) {
	useChineseFyneText()
	w := alreadyOpenWindow(a, msg)
	w.ShowAndRun()
}

func alreadyOpenWindow(a fyne.App, msg string) fyne.Window {
	a.Settings().SetTheme(Theme())
	w := a.NewWindow("公文督办台")
	text := widgets.NewText(msg) // no line starts with "。"
	ok := widget.NewButtonWithIcon("确定", theme.ConfirmIcon(), w.Close)
	ok.Importance = widget.HighImportance
	content := container.NewPadded(container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), ok), widget.NewIcon(theme.InfoIcon()), nil, text))
	w.SetContent(content)
	// laid out at its width first: wrapped text measured narrower is taller
	size := fyne.NewSize(480, 10)
	for i := 0; i < 2; i++ {
		content.Resize(size)
		size.Height = content.MinSize().Height
	}
	w.Resize(size)
	w.CenterOnScreen()
	return w
}
