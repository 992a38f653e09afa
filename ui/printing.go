package ui

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/reports"
	"gongwen/ui/widgets"
)

// paper is one printed form: a file name and what writes the PDF. The
// drawing itself is package reports'; here we only pick the data, run it
// off the UI thread and hand the file to the system viewer.
type paper struct {
	name  string // file name without .pdf
	write func(ctx context.Context, u *UI, w io.Writer, f *reports.Fonts, s app.Settings) (reports.Printed, error)
	// record is what the form prints, checked for characters no font has
	// before printing (nil for books and reports built while writing)
	record  any
	checked bool
	after   func() // once the PDF is made (a slip sent is recorded by then)
	ofd     bool   // exported as OFD (导出OFD…) rather than PDF
}

// exportOFD asks where to save the form as OFD: the same pages as the PDF.
func (u *UI) exportOFD(p paper) {
	p.ofd = true
	u.printPaper(p, true)
}

// printPaper makes the PDF. Printing (export false) writes it to a
// temporary file and opens it in the system viewer, where the secretary
// prints it; export asks where to save it.
func (u *UI) printPaper(p paper, export bool) {
	if !p.checked {
		p.checked = true
		u.confirmPrintable(p, func() { u.printPaper(p, export) })
		return
	}
	if export {
		u.exportPaper(p)
		return
	}
	var path, warning string
	var openErr error
	u.busy("正在生成 "+p.name, func(ctx context.Context) error {
		var buf bytes.Buffer
		var err error
		if warning, err = u.renderPaper(ctx, p, &buf); err != nil {
			return err
		}
		if path, err = writePrintFile(u.env, p.name, buf.Bytes()); err != nil {
			return err
		}
		openErr = u.env.OpenFile(path)
		return nil
	}, func(err error) {
		if err != nil {
			u.showError(app.Errorf(app.EINTERNAL, "没有生成 PDF：%s", app.ErrorMessage(err)))
			return
		}
		u.lastPrinted = path
		if p.after != nil {
			p.after()
		}
		if openErr != nil {
			u.showPrintedFile(p, path, warning)
			return
		}
		if warning != "" {
			u.showMessage("请核对", warning)
		}
	})
}

// writePrintFile writes a PDF to be printed into the private print folder
// under a name no one can guess (0600, random part).
func writePrintFile(env Env, name string, pdf []byte) (string, error) {
	dir, err := printDir(env)
	if err != nil {
		return "", err
	}
	f, err := os.CreateTemp(dir, safeFileName(name)+"-*.pdf")
	if err != nil {
		return "", app.Errorf(app.EINTERNAL, "无法在 %s 中建立 PDF 文件：%s", dir, app.ErrorMessage(err))
	}
	if _, err := f.Write(pdf); err != nil {
		f.Close()
		os.Remove(f.Name())
		return "", app.Errorf(app.EINTERNAL, "无法写入 PDF 文件 %s：%s", f.Name(), app.ErrorMessage(err))
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return "", app.Errorf(app.EINTERNAL, "无法写入 PDF 文件 %s：%s", f.Name(), app.ErrorMessage(err))
	}
	return f.Name(), nil
}

// showPrintedFile is 打印 when no program on this machine opened the PDF:
// it says where the file is and offers to open its folder or save it
// elsewhere (to open it with WPS or a browser, or print it from another
// computer).
func (u *UI) showPrintedFile(p paper, path, warning string) {
	msg := widgets.NewText("PDF 已经生成，但这台电脑上没有能自动打开 PDF 的程序（或它没有打开）。\n" +
		"文件在临时文件夹中（一天后自动删除）：")
	// the path in a field of its own: whole on one line (it scrolls), and
	// copied without the breaks a wrapping label would add
	where := widget.NewEntry()
	where.SetText(path)
	where.OnChanged = func(s string) {
		if s != path {
			where.SetText(path)
		}
	}
	hint := widgets.NewText("可以打开所在文件夹，用 WPS、浏览器等打开后打印；或另存到别处。")
	body := container.NewVBox(msg, where, hint)
	if warning != "" {
		w := widgets.NewText(warning)
		w.Importance = widget.WarningImportance
		body.Add(w)
	}
	d := dialog.NewCustomWithoutButtons("PDF 已生成，未能自动打开", body, u.win)
	folder := widget.NewButtonWithIcon("打开所在文件夹", theme.FolderOpenIcon(), func() {
		if err := u.env.OpenFile(filepath.Dir(path)); err != nil {
			u.showMessage("未能打开文件夹", "这台电脑上没有能打开文件夹的程序。请在文件管理器中找到：\n"+filepath.Dir(path))
		}
	})
	saveAs := widget.NewButtonWithIcon("另存为…", theme.DocumentSaveIcon(), func() {
		d.Hide()
		u.saveCopyAs(path, p.name)
	})
	saveAs.Importance = widget.HighImportance
	closeBtn := widget.NewButtonWithIcon("关闭", theme.CancelIcon(), d.Hide)
	d.SetButtons([]fyne.CanvasObject{closeBtn, folder, saveAs})
	d.Show()
	widgets.FitDialog(u.win, d, 560, nil)
}

// saveCopyAs asks where to save a copy of the printed PDF src.
func (u *UI) saveCopyAs(src, name string) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(app.Errorf(app.EINTERNAL, "无法保存文件：%s", app.ErrorMessage(err)))
			return
		}
		if wc == nil {
			return
		}
		u.rememberFolder(folderPDF, wc.URI())
		b, err := os.ReadFile(src)
		if err == nil {
			_, err = wc.Write(b)
		}
		if cerr := wc.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			u.showError(app.Errorf(app.EINTERNAL, "PDF 没有保存：%s", app.ErrorMessage(err)))
			return
		}
		u.showMessage("已保存", "PDF 已保存：\n"+wc.URI().Path())
	}, u.win)
	d.SetFileName(safeFileName(name) + ".pdf")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	u.startIn(d, folderPDF)
	u.showFileDialog(d, "保存文件")
}

// renderPaper draws the form. Characters no font has are printed as 〓
// and named in the warning; the PDF is complete all the same.
func (u *UI) renderPaper(ctx context.Context, p paper, w io.Writer) (warning string, err error) {
	st := u.desk.Settings()
	fonts, err := reports.LoadFonts(st.Fonts)
	if err != nil {
		return "", err
	}
	printed, err := p.write(ctx, u, w, fonts, st)
	return printed.Warning(), err
}

func (u *UI) exportPaper(p paper) {
	if p.ofd {
		u.saveRendered(p.name, ".ofd", "OFD", func(ctx context.Context, w io.Writer) (string, error) {
			return u.renderPaper(ctx, p, reports.AsOFD(w, u.desk.Now()))
		})
		return
	}
	u.saveRendered(p.name, ".pdf", "PDF", func(ctx context.Context, w io.Writer) (string, error) { return u.renderPaper(ctx, p, w) })
}

// exportWord saves a form as a Word file, to be edited before it is signed.
func (u *UI) exportWord(name string, write func(w io.Writer, f *reports.Fonts, s app.Settings) error) {
	u.saveRendered(name, ".docx", "Word 文件", func(_ context.Context, w io.Writer) (string, error) {
		st := u.desk.Settings()
		fonts, err := reports.LoadFonts(st.Fonts)
		if err != nil {
			return "", err
		}
		return "", write(w, fonts, st)
	})
}

// saveRendered asks where to save a file name+ext and writes what render
// makes there, off the UI thread; kind names the file in the message, with
// render's warning.
func (u *UI) saveRendered(name, ext, kind string, render func(ctx context.Context, w io.Writer) (warning string, err error)) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if wc == nil {
			return
		}
		u.rememberFolder(folderPDF, wc.URI())
		var warning string
		u.busy("正在导出 "+name, func(ctx context.Context) error {
			var buf bytes.Buffer
			var err error
			if warning, err = render(ctx, &buf); err != nil {
				wc.Close()
				return err
			}
			if _, err = wc.Write(buf.Bytes()); err != nil {
				wc.Close()
				return err
			}
			return wc.Close() // the last bytes reach the disk only here
		}, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			u.showMessage("已导出", strings.TrimSpace(kind+" 已保存：\n"+wc.URI().Path()+"\n"+warning))
		})
	}, u.win)
	d.SetFileName(safeFileName(name) + ext)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	u.startIn(d, folderPDF)
	u.showFileDialog(d, "保存文件")
}

// safeFileName drops the characters Windows refuses in file names.
func safeFileName(s string) string {
	r := strings.NewReplacer("/", "-", "\\", "-", ":", "-", "*", "", "?", "", "\"", "", "<", "", ">", "", "|", "", "\n", " ")
	s = r.Replace(s)
	if rs := []rune(s); len(rs) > 60 {
		s = string(rs[:60])
	}
	return strings.TrimSpace(s)
}

func docName(d app.Document) string {
	return fmt.Sprintf("%s-%s", orText(d.Serial, "未编号"), ellipsis(d.Title, 20))
}
