package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"gongwen/app"
	"gongwen/reports"
)

// paper is one printed form: a file name and what writes the PDF. The
// drawing itself is package reports'; here we only pick the data, run it
// off the UI thread and hand the file to the system viewer.
type paper struct {
	name  string // file name without .pdf
	write func(ctx context.Context, u *UI, w io.Writer, f *reports.Fonts, s app.Settings) error
	// record is what the form prints, checked for characters no font has
	// before printing (nil for books and reports built while writing)
	record  any
	checked bool
	after   func() // once the PDF is made (a slip sent is recorded by then)
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
	u.busy("正在生成 "+p.name, func(ctx context.Context) error {
		var buf bytes.Buffer
		var err error
		if warning, err = u.renderPaper(ctx, p, &buf); err != nil {
			return err
		}
		dir := u.env.TempDir
		if dir == "" {
			dir = filepath.Join(os.TempDir(), "gongwen-print")
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		path = filepath.Join(dir, safeFileName(p.name)+"-"+time.Now().Format("150405")+".pdf")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			return err
		}
		return u.env.OpenFile(path)
	}, func(err error) {
		if err != nil {
			u.showError(app.Errorf(app.EINTERNAL, "打印未能完成：%s", app.ErrorMessage(err)))
			return
		}
		u.lastPrinted = path
		if p.after != nil {
			p.after()
		}
		if warning != "" {
			u.showMessage("请核对", warning)
		}
	})
}

// renderPaper draws the form. Characters no font has are printed as 〓
// and named in the warning; the PDF is complete all the same.
func (u *UI) renderPaper(ctx context.Context, p paper, w io.Writer) (warning string, err error) {
	st := u.desk.Settings()
	fonts, err := reports.LoadFonts(st.Fonts)
	if err != nil {
		return "", err
	}
	err = p.write(ctx, u, w, fonts, st)
	var replaced *reports.ReplacedChars
	if errors.As(err, &replaced) {
		return replaced.Error(), nil
	}
	return "", err
}

func (u *UI) exportPaper(p paper) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if wc == nil {
			return
		}
		var warning string
		u.busy("正在导出 "+p.name, func(ctx context.Context) error {
			var buf bytes.Buffer
			var err error
			if warning, err = u.renderPaper(ctx, p, &buf); err != nil {
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
			u.showMessage("已导出", strings.TrimSpace("PDF 已保存：\n"+wc.URI().Path()+"\n"+warning))
		})
	}, u.win)
	d.SetFileName(safeFileName(p.name) + ".pdf")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	if home, err := os.UserHomeDir(); err == nil {
		if l, err := storage.ListerForURI(storage.NewFileURI(home)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
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
