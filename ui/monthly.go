package ui

import (
	"fmt"
	"io"
	"strings"
	"time"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"

	"gongwen/app"
	"gongwen/reports"
	"gongwen/ui/widgets"
)

// 月度督查通报: pick the month (or a quarter, for the quarterly edition),
// edit the requirements, look at the counts, then print or export.

// buildMonthly counts the items active in the month (app.Desk.MonthlyReport),
// or in the quarter when quarter is 1–4 (app.Desk.QuarterlyReport), with
// the issue number, requirements and 报/送 lines of the dialog.
func (u *UI) buildMonthly(year int, month time.Month, quarter, issue int, requirements, reportTo, sendTo string) (app.MonthlyReport, error) {
	r, err := u.desk.MonthlyReport(u.ctx, year, month)
	if quarter > 0 {
		r, err = u.desk.QuarterlyReport(u.ctx, year, quarter)
	}
	if err != nil {
		return r, err
	}
	if issue > 0 {
		r.Issue = issue
	}
	if strings.TrimSpace(requirements) != "" {
		r.Requirements = requirements
	}
	r.ReportTo, r.SendTo = strings.TrimSpace(reportTo), strings.TrimSpace(sendTo)
	return r, nil
}

func monthlySummary(r app.MonthlyReport) string {
	var sb strings.Builder
	period := reports.PeriodWord(r)
	fmt.Fprintf(&sb, "统计截至 %s：本年事项 %d 项（%s新增 %d 项），累计办结 %d 项（%s办结 %d 项），正在办理 %d 项，逾期未办结 %d 项。\n",
		r.AsOf.Chinese(), r.Total, period, r.NewThisMonth, r.Done, period, r.DoneThisMonth, r.Open, r.Overdue)
	onTime := "—" // nothing done yet: no rate, as on paper
	if r.Done > 0 {
		onTime = fmt.Sprintf("%.1f%%", r.OnTimeRate())
	}
	fmt.Fprintf(&sb, "办结率 %.1f%%，按期办结率 %s。\n", r.DoneRate(), onTime)
	var lag []string
	for _, t := range r.ByUnit {
		if t.Overdue > 0 && len(lag) < 5 {
			lag = append(lag, fmt.Sprintf("%s（逾期%d项）", t.Unit, t.Overdue))
		}
	}
	if len(lag) > 0 {
		sb.WriteString("逾期较多的单位：" + strings.Join(lag, "、") + "。\n")
	}
	var src []string
	for _, s := range r.BySource {
		src = append(src, fmt.Sprintf("%s %d项", s.Source, s.Total()))
	}
	if len(src) > 0 {
		sb.WriteString("按来源：" + strings.Join(src, "，") + "。")
	}
	return sb.String()
}

func (u *UI) showMonthlyReport() {
	today := u.desk.Today()
	var years []string
	for y := today.Year; y >= today.Year-5; y-- {
		years = append(years, fmt.Sprintf("%d年", y))
	}
	var months []string
	for m := 1; m <= 12; m++ {
		months = append(months, fmt.Sprintf("%d月", m))
	}
	// after the months, the quarters of the quarterly edition
	for q := 1; q <= 4; q++ {
		months = append(months, fmt.Sprintf("第%s季度", app.ChineseNumeral(q)))
	}
	year := widgets.NewSelect(years, nil)
	year.PlaceHolder = "（年份）"
	year.SetSelectedIndex(0)
	month := widgets.NewSelect(months, nil)
	month.PlaceHolder = "（月份）"
	month.SetSelectedIndex(int(today.Month) - 1)
	issue := intField("期数", int(today.Month))
	req := textArea("工作要求", app.DefaultRequirements, 6)
	// The 版记's lines start from what the last 通报 used.
	start, _ := u.desk.MonthlyReport(u.ctx, today.Year, today.Month)
	reportTo := textField(app.DefaultReportTo, start.ReportTo)
	sendTo := textField(app.DefaultSendTo, start.SendTo)
	preview := wrapLabel("")
	var current app.MonthlyReport
	update := func() {
		y := selectedYear(year)
		m, quarter := time.Month(month.SelectedIndex()+1), 0
		if m > 12 {
			m, quarter = time.December, int(m)-12
		}
		n, _ := parseInt("期数", issue.Text)
		r, err := u.buildMonthly(y, m, quarter, n, req.Text, reportTo.Text, sendTo.Text)
		if err != nil {
			preview.SetText(app.ErrorMessage(err))
			return
		}
		current = r
		preview.SetText(monthlySummary(r))
	}
	year.OnChanged = func(string) { update() }
	month.OnChanged = func(string) { update() }
	update()
	f := u.newForm("月度督查通报", "打印")
	f.Width = 760
	f.Field("月份", container.NewGridWithColumns(2, year, month), "选季度则印季度通报").Field("期数", issue, "通报的期号，第N期")
	f.Field("工作要求", req, "通报末尾的工作要求，可修改")
	f.Field("报", reportTo, "版记中的报送范围，留空用默认，下次通报沿用")
	f.Field("送", sendTo, "版记中的抄送范围，留空用默认，下次通报沿用")
	f.Bottom(sectionLabel("统计预览"))
	f.Bottom(preview)
	// export runs save with the report as it stands, its 版记 remembered
	export := func(save func(r app.MonthlyReport)) func() {
		return func() {
			update()
			if err := u.desk.RememberMonthlyColophon(u.ctx, current.ReportTo, current.SendTo); err != nil {
				u.showError(err)
				return
			}
			save(current)
		}
	}
	f.Bottom(container.NewHBox(
		widgets.NewButton("导出PDF…", theme.DocumentSaveIcon(), export(func(r app.MonthlyReport) { u.printPaper(monthlyPaper(r), true) })),
		widgets.NewButton("导出OFD…", theme.DocumentSaveIcon(), export(func(r app.MonthlyReport) { u.exportOFD(monthlyPaper(r)) })),
		widgets.NewButton("导出Word…", theme.DocumentSaveIcon(), export(func(r app.MonthlyReport) {
			u.exportWord(monthlyPaper(r).name, func(w io.Writer, f *reports.Fonts, s app.Settings) error {
				return reports.MonthlyReportDocx(w, f, s, r)
			})
		})),
	))
	f.Show(func(bool) error {
		update()
		if current.Total == 0 {
			return app.Errorf(app.EINVALID, "%d年%d月没有督办事项，无需通报", current.Year, int(current.Month))
		}
		if err := u.desk.RememberMonthlyColophon(u.ctx, current.ReportTo, current.SendTo); err != nil {
			return err
		}
		u.printPaper(monthlyPaper(current), false)
		return nil
	})
}

// showMessage is the information dialog of the window.
func (u *UI) showMessage(title, msg string) { widgets.ShowMessage(u.win, title, msg) }

// confirm asks a yes/no question with Chinese buttons.
func (u *UI) confirm(title, msg, yes string, fn func()) {
	scroll := container.NewVScroll(wrapLabel(msg))
	d := dialog.NewCustomConfirm(title, yes, "取消", scroll, func(ok bool) {
		if ok {
			fn()
		}
	}, u.win)
	d.Show()
	widgets.FitDialog(u.win, d, 460, scroll)
}
