package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/exchange"
	"gongwen/ui/widgets"
)

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
