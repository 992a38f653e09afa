package ui

import (
	"context"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/exchange"
	"gongwen/ui/widgets"
)

// sealLogView is the 用印登记簿 on screen: the uses of a month or of a date
// range in order of use, with the period's totals, printed or exported as
// PDF or .xlsx like every other book.
type sealLogView struct {
	b        *sealBook
	month    *widgets.Select
	from, to *widgets.DateField
	used     []app.SealRequest // the period's uses, in order of use
	table    *widgets.PagedTable[app.SealRequest]
	total    *widget.Label
	dlg      dialog.Dialog
}

// logMonths is how many months back the month list goes.
const logMonths = 24

func monthLabel(d app.Date) string { return fmt.Sprintf("%d年%d月", d.Year, int(d.Month)) }

func (b *sealBook) logView() *sealLogView {
	v := &sealLogView{b: b}
	today := b.u.desk.Today()
	var months []string
	first := map[string]app.Date{}
	for i, m := 0, today.FirstOfMonth(); i < logMonths; i, m = i+1, app.D(m.Year, m.Month-1, 1) {
		months = append(months, monthLabel(m))
		first[monthLabel(m)] = m
	}
	v.from, v.to = b.u.dateField(today.FirstOfMonth(), true), b.u.dateField(today.LastOfMonth(), true)
	v.month = widgets.NewSelect(months, func(s string) {
		if m, ok := first[s]; ok {
			v.from.SetDate(m)
			v.to.SetDate(m.LastOfMonth())
			v.reload()
		}
	})
	v.month.PlaceHolder = "（按日期范围）" // Fyne's own is English
	query := widget.NewButtonWithIcon("查询", theme.SearchIcon(), func() {
		v.month.ClearSelected() // a range of its own
		v.reload()
	})
	query.Importance = widget.HighImportance
	v.from.Entry.OnSubmitted = func(string) { query.OnTapped() }
	v.to.Entry.OnSubmitted = func(string) { query.OnTapped() }

	v.table = widgets.NewPagedTable([]widgets.Column[app.SealRequest]{
		{Title: "登记号", Width: 95, Text: func(r app.SealRequest) string { return orText(r.LogNo, r.Number) }},
		{Title: "申请编号", Width: 95, Text: func(r app.SealRequest) string { return r.Number }},
		{Title: "用印日期", Width: 100, Text: func(r app.SealRequest) string { return r.UsedOn.String() }},
		{Title: "印章", Width: 170, Text: func(r app.SealRequest) string { return r.SealName }},
		{Title: "用印单位", Width: 130, Text: func(r app.SealRequest) string { return r.Unit }},
		{Title: "用印事由", Width: 200, Text: func(r app.SealRequest) string { return r.Reason }},
		{Title: "文件名称", Width: 180, Text: func(r app.SealRequest) string { return r.FileName }},
		{Title: "份数", Width: 50, Text: func(r app.SealRequest) string { return fmt.Sprint(r.UsedCopies()) }},
		{Title: "批准人", Width: 75, Text: func(r app.SealRequest) string { return r.ApprovedBy() }},
		{Title: "经办人", Width: 75, Text: func(r app.SealRequest) string { return r.Handler }},
		{Title: "监印人", Width: 75, Text: func(r app.SealRequest) string { return r.Witness }},
		{Title: "备注", Width: 120, Text: func(r app.SealRequest) string { return r.Remarks }},
	}, func(r app.SealRequest) int64 { return r.ID }, func(_ string, _ bool, p app.Page) ([]app.SealRequest, int, error) {
		lo := min(p.Offset, len(v.used))
		return v.used[lo:min(lo+p.Limit, len(v.used))], len(v.used), nil
	})
	v.table.OnSelected = func(r app.SealRequest) { // the request behind a use, in the book
		v.dlg.Hide()
		b.open(r.ID)
	}
	v.total = widget.NewLabel("")
	v.total.TextStyle.Bold = true

	printBtn := widget.NewButtonWithIcon("打印", theme.DocumentPrintIcon(), func() { v.paper(false) })
	pdf := widget.NewButtonWithIcon("导出PDF…", theme.DocumentSaveIcon(), func() { v.paper(true) })
	ofd := widget.NewButtonWithIcon("导出OFD…", theme.DocumentSaveIcon(), v.exportOFD)
	xlsx := widget.NewButtonWithIcon("导出Excel…", theme.DocumentSaveIcon(), v.saveXLSX)
	bar := container.NewHBox(widget.NewLabel("月份"), sized(v.month, 120), widget.NewLabel("或 用印日期"),
		v.from, widget.NewLabel("至"), v.to, query)
	tools := container.NewHBox(v.total, layout.NewSpacer(), printBtn, pdf, ofd, xlsx)
	hint := note("点击一行可打开该用印申请。")
	content := container.NewBorder(container.NewVBox(bar, widget.NewSeparator()), container.NewVBox(widget.NewSeparator(), tools, hint),
		nil, nil, v.table.Table)
	v.dlg = dialog.NewCustom("用印登记簿", "关闭", content, b.u.win)
	v.month.SetSelected(monthLabel(v.latestMonth(today)))
	return v
}

// latestMonth is the month of the last use up to today, or today's month
// when there is none: the log opens on uses, not on an empty month.
func (v *sealLogView) latestMonth(today app.Date) app.Date {
	last, _, err := v.b.u.desk.Store.SealRequests(v.b.u.ctx, app.SealFilter{Statuses: []app.SealStatus{app.SealUsed},
		UsedTo: today, Sort: "used_on", Desc: true, Page: app.Page{Limit: 1}})
	if err != nil || len(last) == 0 || last[0].UsedOn.Before(app.D(today.Year, today.Month-logMonths+1, 1)) {
		return today
	}
	return last[0].UsedOn
}

// showLog opens the 用印登记簿 on the month of the last use.
func (b *sealBook) showLog() {
	v := b.logView()
	size := b.u.win.Canvas().Size()
	v.dlg.Resize(fyne.NewSize(min(1180, size.Width-40), min(640, size.Height-40)))
	v.dlg.Show()
}

// period is the range the fields give, checked.
func (v *sealLogView) period() (from, to app.Date, err error) {
	if from, err = dateOf("起始日期", v.from); err != nil {
		return
	}
	if to, err = dateOf("截止日期", v.to); err != nil {
		return
	}
	if to.Before(from) {
		err = app.Errorf(app.EINVALID, "截止日期不能早于起始日期")
	}
	return
}

// reload reads the period's uses and their totals.
func (v *sealLogView) reload() {
	from, to, err := v.period()
	if err != nil {
		v.b.u.showError(err)
		return
	}
	v.used, err = app.All(func(p app.Page) ([]app.SealRequest, int, error) {
		return v.b.u.desk.Store.SealRequests(v.b.u.ctx, app.SealFilter{Statuses: []app.SealStatus{app.SealUsed},
			UsedFrom: from, UsedTo: to, Sort: "used_on", Page: p})
	})
	if err != nil {
		v.b.u.showError(err)
		return
	}
	copies := 0
	for _, r := range v.used {
		copies += r.UsedCopies()
	}
	if len(v.used) == 0 {
		v.total.SetText(fmt.Sprintf("%s至%s：本期无用印记录", from.Chinese(), to.Chinese()))
	} else {
		v.total.SetText(fmt.Sprintf("%s至%s：共用印%d次，计%d份", from.Chinese(), to.Chinese(), len(v.used), copies))
	}
	v.table.Reload()
}

// paper prints the period's log, or saves it as PDF.
func (v *sealLogView) paper(export bool) {
	from, to, err := v.period()
	if err != nil {
		v.b.u.showError(err)
		return
	}
	v.b.u.printPaper(sealLogPaper(v.b.u, from, to), export)
}

// exportOFD saves the period's log as OFD.
func (v *sealLogView) exportOFD() {
	from, to, err := v.period()
	if err != nil {
		v.b.u.showError(err)
		return
	}
	v.b.u.exportOFD(sealLogPaper(v.b.u, from, to))
}

// saveXLSX asks where to save the period's log as a workbook.
func (v *sealLogView) saveXLSX() {
	from, to, err := v.period()
	if err != nil {
		v.b.u.showError(err)
		return
	}
	p := v.b.port
	name := fmt.Sprintf("用印登记簿-%s至%s.xlsx", from, to)
	p.saveAs(name, ".xlsx", func(wc fyne.URIWriteCloser) {
		p.exportInto("正在导出用印登记簿", exchange.XLSX, wc, func(ctx context.Context, w io.Writer, opt exchange.ExportOptions) (int, error) {
			return exchange.ExportSealLog(ctx, v.b.u.desk, from, to, w, opt)
		})
	})
}
