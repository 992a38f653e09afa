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

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/exchange"
	"gongwen/ui/widgets"
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

// ---- files ----

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

// ---- export ----

const (
	formatXLSX = "Excel 工作簿（.xlsx）"
	formatCSV  = "CSV 文本（.csv）"
)

// exportForm asks what to export and in which format, then where.
func (p *porter) exportForm() {
	u := p.u
	c := p.last
	if c.format == "" {
		c.format = exchange.XLSX
	}
	if c.year == 0 {
		c.year = u.desk.Today().Year
	}
	n := p.count()
	f := u.newForm("导出"+p.title, "导出…")
	what := fmt.Sprintf("%s（当前筛选条件下的%d条）", p.title, n)
	const catalog = "归档文件目录"
	var content *widget.RadioGroup
	year := intField("年度", c.year)
	if p.dir != "" {
		content = widget.NewRadioGroup([]string{what, catalog}, func(s string) {
			if s == catalog {
				year.Enable()
			} else {
				year.Disable()
			}
		})
		content.Required = true
		if c.catalog {
			content.SetSelected(catalog)
		} else {
			content.SetSelected(what)
			year.Disable()
		}
		f.Field("内容", content)
		f.Field("归档年度", year, "归档文件目录：该年度已归档的收文和发文，按保管期限、件号排列（DA/T 22-2015）")
	} else {
		f.Top(wrapLabel(what))
	}
	format := radioField([]string{formatXLSX, formatCSV}, map[exchange.Format]string{exchange.XLSX: formatXLSX, exchange.CSV: formatCSV}[c.format])
	f.Field("格式", format)
	f.Bottom(note("登记簿按表格当前的筛选条件导出，按登记顺序排列。Excel 工作簿带表头、列宽和日期格式，逾期的行标红，可直接打印；CSV 是 UTF-8 编码的纯文本表格，Excel、WPS 都能打开。"))
	var chosen exportChoice
	f.Show(func(bool) error {
		ch := exportChoice{format: exchange.XLSX, catalog: content != nil && content.Selected == catalog, year: c.year}
		if format.Selected == formatCSV {
			ch.format = exchange.CSV
		}
		p.last = ch // offered again next time, even when this one fails
		if ch.catalog {
			y, err := parseInt("归档年度", year.Text)
			if err != nil {
				return err
			}
			if y < 1949 || y > 9999 {
				return app.Errorf(app.EINVALID, "归档年度应填写四位数的年份")
			}
			ch.year, p.last.year = y, y
			if _, n, err := u.desk.Store.Documents(u.ctx, app.DocumentFilter{ArchiveYear: y, Statuses: []app.DocStatus{app.StatusArchived}, Page: app.Page{Limit: 1}}); err != nil {
				return err
			} else if n == 0 {
				return app.Errorf(app.ENOTFOUND, "%d年度还没有归档的文件，没有可导出的归档文件目录", y)
			}
		} else if n == 0 {
			return app.Errorf(app.ENOTFOUND, "当前筛选条件下没有记录可导出，请先调整筛选条件")
		}
		chosen = ch
		return nil
	})
	f.OnSaved = func(string) {
		p.saveAs(p.exportName(chosen), "."+string(chosen.format), func(wc fyne.URIWriteCloser) { p.exportTo(chosen, wc) })
	}
}

// exportName is the file name offered: 收文登记簿-2026-11-23.xlsx.
func (p *porter) exportName(c exportChoice) string {
	if c.catalog {
		return fmt.Sprintf("归档文件目录-%d年.%s", c.year, c.format)
	}
	return fmt.Sprintf("%s-%s.%s", p.title, p.u.desk.Today(), c.format)
}

// exportTo writes the export chosen into wc (the file the save dialog
// opened). A file named .csv gets CSV and one named .xlsx a workbook,
// whatever was chosen.
func (p *porter) exportTo(c exportChoice, wc fyne.URIWriteCloser) {
	switch strings.ToLower(wc.URI().Extension()) {
	case ".csv":
		c.format = exchange.CSV
	case ".xlsx":
		c.format = exchange.XLSX
	}
	var export exportFunc
	title := "正在导出" + p.title
	if c.catalog {
		year := c.year
		title = fmt.Sprintf("正在导出%d年归档文件目录", year)
		export = func(ctx context.Context, w io.Writer, opt exchange.ExportOptions) (int, error) {
			return exchange.ExportCatalog(ctx, p.u.desk, year, w, opt)
		}
	} else {
		export = p.filtered()
	}
	p.exportInto(title, c.format, wc, export)
}

// exportInto runs export into wc off the UI thread and says how it went.
func (p *porter) exportInto(title string, format exchange.Format, wc fyne.URIWriteCloser, export exportFunc) {
	var n int
	p.writeFile(title, wc, func(ctx context.Context, w io.Writer, progress func(int, int)) (err error) {
		n, err = export(ctx, w, exchange.ExportOptions{Format: format, Progress: progress})
		return err
	}, func(path string, err error) {
		switch {
		case errors.Is(err, context.Canceled):
			p.u.showMessage("已取消", "导出已取消，没有保存文件。")
		case err != nil:
			p.u.showError(app.Errorf(app.ErrorCode(err), "导出未能完成：%s", reason(err)))
		default:
			p.u.showMessage("导出完成", fmt.Sprintf("已导出%d条到\n%s", n, path))
		}
	})
}

// ---- template ----

func (p *porter) templateName() string {
	switch p.book {
	case exchange.Docs:
		return "收文发文登记簿导入模板.xlsx"
	case exchange.Seals:
		return "用印申请导入模板.xlsx"
	}
	return "督查督办事项导入模板.xlsx"
}

func (p *porter) saveTemplate() {
	p.saveAs(p.templateName(), ".xlsx", p.templateTo)
}

// templateTo writes the book's import template into wc.
func (p *porter) templateTo(wc fyne.URIWriteCloser) {
	p.writeFile("正在生成导入模板", wc, func(_ context.Context, w io.Writer, _ func(int, int)) error {
		return exchange.Template(p.book, w)
	}, func(path string, err error) {
		if err != nil {
			p.u.showError(app.Errorf(app.ErrorCode(err), "导入模板未能保存：%s", reason(err)))
			return
		}
		p.u.showMessage("导入模板已保存", path+"\n\n红色表头的列必须填写；第2行灰色的示例行导入时自动跳过；“填写说明”工作表说明每一列的写法。表头也可以用本单位习惯的叫法，导入时会自动识别。")
	})
}

// ---- import ----

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

// importPreview is the dialog between choosing a file and importing it:
// each sheet's header row and column mapping (editable), the first rows
// as they will be imported, every problem, and the choice to import only
// the rows without one.
type importPreview struct {
	p       *porter
	name    string
	data    []byte
	mapping map[string]string // columns the user reassigned: header in the file → key ("" not imported)
	plan    *exchange.Plan    // nil when the last reading failed
	report  exchange.Report   // the dry run

	dlg      *dialog.CustomDialog
	content  *fyne.Container
	shown    bool
	banner   *widget.Label
	icon     *widget.Icon
	info     *widget.Label
	sheets   *fyne.Container
	tabs     *container.AppTabs
	problems *widget.Label
	probHead *widget.Label
	warnings *fyne.Container // 提醒: cells imported as written that should be looked at; hidden when none
	warnText *widget.Label
	warnHead *widget.Label
	sum      string // the counts of the dry run
	skip     *widgets.Check
	ok       *widget.Button
	selects  map[string]*widgets.Select // "sheet\x00header" → its mapping (for tests)
}

// read reads the file with the mapping and checks it without writing.
func (pv *importPreview) read(ctx context.Context, mapping map[string]string) (*exchange.Plan, exchange.Report, error) {
	plan, err := exchange.ReadFrom(pv.p.book, pv.name, bytes.NewReader(pv.data), exchange.ReadOptions{Mapping: mapping})
	if err != nil {
		return nil, exchange.Report{}, err
	}
	rep, err := plan.Run(ctx, pv.p.u.desk, app.ImportOptions{DryRun: true, SkipBad: true})
	return plan, rep, err
}

func (pv *importPreview) show() {
	u := pv.p.u
	pv.banner = widget.NewLabel("")
	pv.banner.Wrapping = fyne.TextWrapBreak
	pv.icon = widget.NewIcon(theme.ErrorIcon())
	pv.info = widget.NewLabel("")
	pv.info.Truncation = fyne.TextTruncateEllipsis
	pv.sheets = container.NewStack()
	pv.problems = widget.NewLabel("")
	pv.problems.Wrapping = fyne.TextWrapBreak
	pv.probHead = sectionLabel("")
	pv.skip = widgets.NewCheck("只导入无误的行（有问题的行跳过，不导入）", nil)
	pv.warnText = widget.NewLabel("")
	pv.warnText.Wrapping = fyne.TextWrapBreak
	pv.warnHead = sectionLabel("")
	pv.warnings = container.NewVBox(pv.warnHead, container.New(&boxSize{h: 70}, container.NewVScroll(pv.warnText)))
	bottom := container.NewVBox(widget.NewSeparator(), pv.probHead,
		container.New(&boxSize{h: 110}, container.NewVScroll(pv.problems)), pv.warnings,
		container.NewBorder(nil, nil, pv.icon, nil, pv.banner), pv.skip)
	pv.content = container.NewBorder(pv.info, bottom, nil, nil, pv.sheets)

	pv.dlg = dialog.NewCustomWithoutButtons("导入"+pv.p.title+" — 预览", pv.content, u.win)
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), pv.hide)
	pv.ok = widget.NewButtonWithIcon("导入", theme.ConfirmIcon(), pv.commit)
	pv.ok.Importance = widget.HighImportance
	pv.dlg.SetButtons([]fyne.CanvasObject{cancel, pv.ok})
	pv.dlg.SetOnClosed(func() { pv.shown = false })
	pv.fill()
	pv.shown = true
	pv.dlg.Show()
	win := u.win.Canvas().Size()
	pv.dlg.Resize(fyne.NewSize(min(1200, win.Width-60), min(780, win.Height-60)))
}

func (pv *importPreview) hide() {
	if pv.shown {
		pv.dlg.Hide()
	}
}

// fail shows msg in red over 只导入无误的行, where the counts of the dry
// run are otherwise ("" shows them again).
func (pv *importPreview) fail(msg string) {
	if msg == "" {
		pv.banner.Importance = widget.MediumImportance
		pv.banner.SetText(pv.sum)
		pv.icon.Hide()
	} else {
		pv.banner.Importance = widget.DangerImportance
		pv.banner.SetText(msg)
		pv.icon.Show()
	}
	pv.content.Refresh() // the message may take more lines
}

// fill shows the plan and its dry run.
func (pv *importPreview) fill() {
	plan, rep := pv.plan, pv.report
	info := fmt.Sprintf("文件：%s　　数据共%d行", pv.name, plan.Rows)
	if len(plan.Sheets) > 1 {
		info += fmt.Sprintf("，%d张工作表", len(plan.Sheets))
	}
	pv.info.SetText(info + "。")

	pv.selects = map[string]*widgets.Select{}
	selected := 0
	if pv.tabs != nil {
		selected = pv.tabs.SelectedIndex()
	}
	pv.tabs = nil
	if len(plan.Sheets) == 1 {
		pv.sheets.Objects = []fyne.CanvasObject{container.NewVScroll(pv.sheetView(plan.Sheets[0]))}
	} else {
		pv.tabs = container.NewAppTabs()
		for _, s := range plan.Sheets {
			name := s.Name
			if s.HeaderRow == 0 {
				name += "（跳过）"
			}
			pv.tabs.Append(container.NewTabItem(name, container.NewVScroll(pv.sheetView(s))))
		}
		if selected < len(plan.Sheets) {
			pv.tabs.SelectIndex(selected)
		}
		pv.sheets.Objects = []fyne.CanvasObject{pv.tabs}
	}
	pv.sheets.Refresh()
	pv.showProblems(rep.Problems)
	pv.showWarnings(rep.Warnings)

	sum := fmt.Sprintf("共%d行：可以导入%d行", rep.Rows, rep.Imported)
	if rep.Bad > 0 {
		sum += fmt.Sprintf("，有问题%d行。默认有任何一行有问题就不导入；勾选下面一项，只导入无误的%d行", rep.Bad, rep.Imported)
	}
	pv.sum = sum + "。"
	pv.fail("")
	if rep.Imported == 0 && rep.Bad == 0 {
		pv.ok.Disable()
		pv.fail("文件中没有可导入的行。")
	} else {
		pv.ok.Enable()
	}
}

// maxProblems is how many problems the preview lists.
const maxProblems = 300

func (pv *importPreview) showProblems(ps []app.Problem) {
	var lines []string
	for i, p := range ps {
		if i == maxProblems {
			lines = append(lines, fmt.Sprintf("……另有%d个问题未列出", len(ps)-maxProblems))
			break
		}
		lines = append(lines, p.String())
	}
	if len(ps) == 0 {
		pv.probHead.SetText("没有发现问题")
	} else {
		pv.probHead.SetText(fmt.Sprintf("发现的问题（%d个，每个注明工作表、行和列）", len(ps)))
	}
	pv.problems.SetText(strings.Join(lines, "\n"))
}

// showWarnings lists the 提醒 of the dry run under the problems: rows that
// import as written but should be looked at (a malformed 文号).
func (pv *importPreview) showWarnings(ws []app.Problem) {
	if len(ws) == 0 {
		pv.warnings.Hide()
		return
	}
	var lines []string
	for i, w := range ws {
		if i == maxProblems {
			lines = append(lines, fmt.Sprintf("……另有%d个提醒未列出", len(ws)-maxProblems))
			break
		}
		lines = append(lines, w.String())
	}
	pv.warnHead.SetText(fmt.Sprintf("提醒（%d个，这些内容照原样导入，导入后请核对）", len(ws)))
	pv.warnText.SetText(strings.Join(lines, "\n"))
	pv.warnings.Show()
}

// sheetView is one worksheet: where its header is and what its rows go
// to, then a column for each column of the file: its header, where it is
// imported (a choice) and its first rows as they will be imported.
func (pv *importPreview) sheetView(s exchange.SheetInfo) fyne.CanvasObject {
	where := "工作表“" + s.Name + "”"
	if s.Name == "" {
		where = "本文件"
	}
	if s.HeaderRow == 0 {
		return container.NewVBox(wrapLabel(where + "：" + orText(s.Note, "没有找到表头，已跳过") + "。"))
	}
	parts := []string{fmt.Sprintf("表头在第%d行", s.HeaderRow), fmt.Sprintf("数据%d行", s.Rows)}
	switch {
	case s.Direction != "":
		parts = append(parts, "导入"+s.Direction.Label()+"登记簿")
	case pv.p.book == exchange.Docs:
		parts = append(parts, "按“收发”列分别导入收文、发文登记簿")
	}
	if s.Year != 0 {
		parts = append(parts, fmt.Sprintf("未写年份的日期按%d年", s.Year))
	}
	objs := []fyne.CanvasObject{wrapLabel(where + "：" + strings.Join(parts, "，") + "。每列上方选择它导入到哪一项，下面是前几行导入后的样子。")}
	if pv.p.dir != "" && s.Direction != "" && s.Direction != pv.p.dir {
		w := wrapLabel("注意：这张工作表看来是" + s.Direction.Label() + "登记簿，将导入" + s.Direction.Label() + "，不是" + pv.p.dir.Label() + "。")
		w.Importance = widget.WarningImportance
		objs = append(objs, w)
	}
	if s.Note != "" {
		n := wrapLabel(s.Note)
		n.Importance = widget.WarningImportance
		objs = append(objs, n)
	}
	objs = append(objs, container.NewHScroll(pv.columns(s)))
	return container.NewVBox(objs...)
}

// columns lays the file's columns side by side, each with its mapping and
// its first rows (a column not imported shows none).
func (pv *importPreview) columns(s exchange.SheetInfo) fyne.CanvasObject {
	// s.First has the imported columns, in the file's order
	values, k := map[int][]string{}, 0
	for _, m := range s.Mapping {
		if m.Key == "" {
			continue
		}
		for _, r := range s.First {
			v := ""
			if k < len(r) {
				v = strings.ReplaceAll(r[k], "\n", " ")
			}
			values[m.Col] = append(values[m.Col], v)
		}
		k++
	}
	row := container.NewHBox()
	for _, m := range s.Mapping {
		head := widget.NewLabel(m.Letter + "列　" + m.Header)
		head.TextStyle.Bold = true
		head.Truncation = fyne.TextTruncateEllipsis
		sel := pv.mappingSelect(s.Name, m)
		w := max(textWidth(head.Text, true), textWidth(sel.Selected, false)+theme.IconInlineSize()+theme.Padding())
		cells := []fyne.CanvasObject{head, sel, widget.NewSeparator()}
		for i := range s.First {
			v := ""
			if i < len(values[m.Col]) {
				v = values[m.Col][i]
			}
			l := widget.NewLabel(v)
			l.Truncation = fyne.TextTruncateEllipsis
			w = max(w, textWidth(v, false))
			cells = append(cells, l)
		}
		w += 2*theme.InnerPadding() + 2*theme.Padding()
		row.Add(container.New(&boxSize{w: min(max(w, 120), 300)}, container.NewVBox(cells...)))
	}
	return row
}

// notImported is the mapping choice of a column left out.
const notImported = "（不导入）"

// mappingSelect chooses where column m goes; a change reads the file again.
func (pv *importPreview) mappingSelect(sheet string, m exchange.Mapping) *widgets.Select {
	fields, _ := exchange.Fields(pv.p.book)
	options := []string{notImported}
	keys := map[string]string{notImported: ""}
	current := notImported
	for _, f := range fields {
		o := f.Header
		if f.Required {
			o += "（必填）"
		}
		if _, dup := keys[o]; dup {
			o += "（" + f.Key + "）"
		}
		options = append(options, o)
		keys[o] = f.Key
		if f.Key == m.Key {
			current = o
		}
	}
	s := widgets.NewSelect(options, nil)
	s.PlaceHolder = "（请选择）"
	s.Selected = current
	s.OnChanged = func(o string) { pv.remap(m.Header, keys[o]) }
	pv.selects[sheet+"\x00"+m.Header] = s
	return s
}

// remap sends column header to key ("" not imported) and reads the file again.
func (pv *importPreview) remap(header, key string) {
	pv.mapping[header] = key
	mapping := make(map[string]string, len(pv.mapping))
	for k, v := range pv.mapping {
		mapping[k] = v
	}
	var plan *exchange.Plan
	var rep exchange.Report
	pv.p.u.busy("正在按新的对应关系重新读取", func(ctx context.Context) (err error) {
		plan, rep, err = pv.read(ctx, mapping)
		return err
	}, func(err error) {
		if err != nil { // the choices stay as made; the user can change them again
			pv.plan = nil
			pv.ok.Disable()
			pv.fail(app.ErrorMessage(err))
			return
		}
		pv.plan, pv.report = plan, rep
		pv.fill()
	})
}

// commit imports the rows off the UI thread. A refusal (a bad row without
// 只导入无误的行) or a failure keeps the dialog open with the reason.
func (pv *importPreview) commit() {
	if pv.plan == nil {
		return
	}
	u, plan, skip := pv.p.u, pv.plan, pv.skip.Checked
	var rep exchange.Report
	pv.ok.Disable()
	u.withProgress("正在导入"+pv.p.title, func(ctx context.Context, progress func(int, int)) (err error) {
		rep, err = plan.Run(ctx, u.desk, app.ImportOptions{SkipBad: skip, Progress: progress})
		return err
	}, func(err error) {
		pv.ok.Enable()
		if err != nil {
			if len(rep.Problems) > 0 {
				pv.showProblems(rep.Problems)
			}
			msg := app.ErrorMessage(err)
			switch {
			case errors.Is(err, context.Canceled):
				msg = "导入已取消，没有导入任何数据。"
			case rep.Bad > 0 && !skip:
				msg += "。请改正文件后重新导入，或勾选下方“只导入无误的行”。"
			default:
				msg = "导入未能完成，没有导入任何数据：" + reason(err)
			}
			pv.fail(msg)
			return
		}
		pv.hide()
		pv.p.reload()
		u.changed()
		u.showMessage("导入完成", fmt.Sprintf("已导入%d条，跳过%d条。", rep.Imported, rep.Skipped))
	})
}

// reason is the Chinese message of an error of package app, else the
// error's own text.
func reason(err error) string {
	var e *app.Error
	if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}

func textWidth(s string, bold bool) float32 {
	return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{Bold: bold}).Width
}

// boxSize gives its content at least the width w and height h.
type boxSize struct{ w, h float32 }

func (b *boxSize) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (b *boxSize) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := fyne.NewSize(b.w, b.h)
	for _, o := range objs {
		m := o.MinSize()
		s = s.Max(m)
	}
	return s
}
