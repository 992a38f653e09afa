package ui

import (
	"context"
	"io"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"gongwen/app"
	"gongwen/exchange"
)

// 导入: choosing the file to import; importpreview.go shows it before anything is written.

func (p *porter) chooseImport() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			p.u.showError(app.Errorf(app.EINTERNAL, "无法打开文件：%s", app.Cause(err)))
			return
		}
		if rc == nil {
			return
		}
		p.u.rememberFolder(folderSheet, rc.URI())
		name := rc.URI().Name()
		p.openImport(name, func() ([]byte, error) {
			defer rc.Close()
			return io.ReadAll(rc)
		})
	}, p.u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".xlsm", ".csv", ".txt"}))
	p.u.startIn(d, folderSheet)
	p.u.showFileDialog(d, "打开文件")
}

// importFile reads the register at path and opens its preview (what the
// file dialog leads to; tests call it directly).
func (p *porter) importFile(path string) {
	p.openImport(filepath.Base(path), func() ([]byte, error) { return os.ReadFile(path) })
}

// openImport reads a register off the UI thread, checks it without
// writing and shows the preview.
func (p *porter) openImport(name string, load func() ([]byte, error)) {
	pv := &importPreview{p: p, name: name, mapping: map[string]string{}}
	var plan *exchange.Plan
	var rep exchange.Report
	p.u.busy("正在读取“"+name+"”", func(ctx context.Context) error {
		data, err := load()
		if err != nil {
			return app.Errorf(app.EINVALID, "无法读取“%s”：%v", name, err)
		}
		pv.data = data
		plan, rep, err = pv.read(ctx, nil)
		return err
	}, func(err error) {
		if err != nil {
			p.u.showError(err)
			return
		}
		pv.plan, pv.report = plan, rep
		p.preview = pv
		pv.show()
	})
}
