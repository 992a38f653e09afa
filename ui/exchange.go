package ui

import (
	"context"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/exchange"
)

// 导入, 导出 and 导入模板 of the books. Each book has one porter: it knows
// the book's name, which spreadsheet book it imports into (none for 会议)
// and how to export what its filter shows; the dialogs are the same for
// every book. Reading, checking and writing the spreadsheets is package
// exchange's; here we only choose files, show the preview and run the work
// off the UI thread.

// exportFunc writes a book (as its filter selected it when the export was
// asked for) and returns the rows written.
type exportFunc func(ctx context.Context, w io.Writer, opt exchange.ExportOptions) (int, error)

// exportWith binds a book's filter, taken now on the UI thread, to its
// export function.
func exportWith[F any](desk *app.Desk, f F, export func(context.Context, *app.Desk, F, io.Writer, exchange.ExportOptions) (int, error)) exportFunc {
	return func(ctx context.Context, w io.Writer, opt exchange.ExportOptions) (int, error) {
		return export(ctx, desk, f, w, opt)
	}
}

// porter is the 导入/导出 of one book.
type porter struct {
	u     *UI
	title string        // 收文登记簿: dialog titles and file names
	book  exchange.Book // the book imported into; "" when the book has no import (会议)
	dir   app.Direction // 收文 or 发文: the register the buttons are in
	// filtered is the export of what the book's filter shows; it is called
	// on the UI thread, the function it returns off it.
	filtered func() exportFunc
	count    func() int // records the filter shows
	reload   func()     // rereads the book after an import

	last    exportChoice   // what was chosen last time, offered again
	preview *importPreview // the preview dialog last opened
}

// exportChoice is what the export dialog asks.
type exportChoice struct {
	format  exchange.Format
	catalog bool // the year's 归档文件目录 instead of the register
	year    int
}

// tools are the book's toolbar buttons: 导入…, 导出… and 导入模板….
func (p *porter) tools() []fyne.CanvasObject {
	var out []fyne.CanvasObject
	if p.book != "" {
		out = append(out, widget.NewButtonWithIcon("导入…", theme.FolderOpenIcon(), p.chooseImport))
	}
	out = append(out, widget.NewButtonWithIcon("导出…", theme.DocumentSaveIcon(), p.exportForm))
	if p.book != "" {
		out = append(out, widget.NewButtonWithIcon("导入模板…", theme.FileIcon(), p.saveTemplate))
	}
	return out
}

// saveAs asks where to save a file named name; then runs with the open file.
func (p *porter) saveAs(name string, ext string, then func(fyne.URIWriteCloser)) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			p.u.showError(app.Errorf(app.EINTERNAL, "无法保存文件：%v", err))
			return
		}
		if wc == nil {
			return
		}
		p.u.rememberFolder(folderSheet, wc.URI())
		then(wc)
	}, p.u.win)
	d.SetFileName(safeFileName(name))
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	p.u.startIn(d, folderSheet)
	p.u.showFileDialog(d, "保存文件")
}

// writeFile runs write into wc off the UI thread with a progress bar and
// closes it; a file that could not be written whole is removed.
func (p *porter) writeFile(title string, wc fyne.URIWriteCloser, write func(ctx context.Context, w io.Writer, progress func(done, total int)) error, done func(path string, err error)) {
	path := wc.URI().Path()
	p.u.withProgress(title, func(ctx context.Context, progress func(done, total int)) error {
		err := write(ctx, wc, progress)
		if cerr := wc.Close(); err == nil {
			err = cerr // the last bytes reach the disk only here
		}
		if err != nil {
			_ = storage.Delete(wc.URI())
		}
		return err
	}, func(err error) { done(path, err) })
}

// withProgress runs work off the UI thread in a dialog with a progress bar
// that work advances, and a 取消 button that cancels its context; done runs
// on the UI thread afterwards with work's error.
func (u *UI) withProgress(title string, work func(ctx context.Context, progress func(done, total int)) error, done func(error)) {
	ctx, cancel := context.WithCancel(u.ctx)
	msg := widget.NewLabel(title + "，请稍候…")
	spin := widget.NewProgressBarInfinite()
	bar := widget.NewProgressBar()
	bar.Hide()
	var stop *widget.Button
	stop = widget.NewButtonWithIcon("取消", theme.CancelIcon(), func() {
		cancel()
		stop.Disable()
		msg.SetText("正在取消…")
	})
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(msg, container.NewStack(spin, bar)), u.win)
	d.SetButtons([]fyne.CanvasObject{stop})
	d.Show()
	d.Resize(fyne.NewSize(420, d.MinSize().Height))
	progress := func(n, total int) {
		fyne.Do(func() {
			if ctx.Err() != nil {
				return
			}
			if spin.Visible() {
				spin.Stop()
				spin.Hide()
				bar.Show()
			}
			if total > 0 {
				bar.SetValue(float64(n) / float64(total))
			}
			msg.SetText(fmt.Sprintf("%s：%d / %d 条", title, n, total))
		})
	}
	u.wg.Add(1)
	go func() {
		defer u.wg.Done()
		err := work(ctx, progress)
		if err != nil && ctx.Err() != nil {
			err = context.Canceled
		}
		cancel()
		fyne.DoAndWait(func() {
			spin.Stop()
			d.Hide()
			done(err)
		})
	}()
}
