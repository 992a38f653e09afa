package reports

import (
	"fmt"
	"io"
	"strings"

	"gongwen/app"
	"gongwen/typeset"
)

// MonthlyReport prints the 督查通报 of a month for leadership, on the GB/T
// 9704 page: the red mark, 第N期, the office and date over a red rule, the
// title, then 一、总体情况 (counts and rates), 二、分单位 and 三、分来源
// (stacked bar charts), 四、逾期未办结事项 naming the units, 五、督查事项清单
// (every item with its colour mark) and 六、工作要求 (r.Requirements, as the
// secretary edited it).
func MonthlyReport(w io.Writer, f *Fonts, s app.Settings, r app.MonthlyReport) (Printed, error) {
	org, title := monthlyOrg(s, r), monthlyTitle(r)
	build := func(push map[int]bool) (*typeset.Canvas, *typeset.GBFlow) {
		c := typeset.NewCanvas(f, false, "督查通报 "+title, org)
		fl := typeset.NewGBFlow(c, "")
		fl.Push = push
		monthlyText(c, fl, org, title, r, s.MonthlyHonourN)
		return c, fl
	}
	c := layoutGB(build, monthlyColophon(org, r))
	return c.Write(w)
}

// The wording of the 督查通报, shared by the PDF and the Word file.

// monthlyMark is the red mark of the 版头, monthlyMarkDrop mm below the
// top of the type area.
const (
	monthlyMark     = "督查通报"
	monthlyMarkDrop = 8
)

var monthlyMarkStyle = typeset.Style{Role: RoleTitle, Size: 42, Color: typeset.Red, Spacing: 42 * typeset.PtToMM * 0.35}

func monthlyOrg(s app.Settings, r app.MonthlyReport) string {
	if r.OrgName != "" {
		return r.OrgName
	}
	return orgName(s)
}

func monthlyTitle(r app.MonthlyReport) string {
	if r.Quarter > 0 {
		return fmt.Sprintf("关于%d年第%s季度督查事项办理情况的通报", r.Year, app.ChineseNumeral(r.Quarter))
	}
	return fmt.Sprintf("关于%d年%d月督查事项办理情况的通报", r.Year, int(r.Month))
}

// PeriodWord is the report's period in its sentences: 本月, or 本季度 in
// the quarterly edition.
func PeriodWord(r app.MonthlyReport) string {
	if r.Quarter > 0 {
		return "本季度"
	}
	return "本月"
}

func monthlyColophon(org string, r app.MonthlyReport) colophon {
	return newColophon(org, r.IssuedOn,
		colophonLine{"报", firstNonEmpty(r.ReportTo, app.DefaultReportTo)}, colophonLine{"送", firstNonEmpty(r.SendTo, app.DefaultSendTo)})
}

// monthlyAsOf is the day the figures are counted to.
func monthlyAsOf(r app.MonthlyReport) app.Date {
	if r.AsOf.IsZero() {
		return app.D(r.Year, r.Month, 1).LastOfMonth()
	}
	return r.AsOf
}

// sectionHeading is the n-th 一级标题: 一、总体情况.
func sectionHeading(n int, text string) string { return app.ChineseNumeral(n) + "、" + text }

// The headings and fixed sentences of the report's sections.
const (
	headingTotals       = "总体情况"
	headingUnits        = "分单位办理情况"
	headingSources      = "分来源办理情况"
	headingOverdue      = "逾期未办结事项"
	headingList         = "督查事项清单"
	headingRequirements = "工作要求"
	unitsIntro          = "按牵头单位统计如下（逾期事项多的单位在前）。"
	unitTableIntro      = "各牵头单位办理情况排名如下（先比按期办结率，再比办结率，均从高到低；相同的按单位名称排列）。"
	noOverdue           = "本期无逾期未办结事项。"
)

// totalsText is the paragraph of 一、总体情况.
func totalsText(r app.MonthlyReport) string {
	asOf := monthlyAsOf(r)
	if r.Total == 0 {
		return fmt.Sprintf("截至%s，%s没有纳入督查督办的事项。", asOf.Chinese(), PeriodWord(r))
	}
	rates := fmt.Sprintf("办结率%s，按期办结率%s。", rateText(r.Done, r.Total), rateText(r.DoneOnTime, r.Done))
	if r.Done == 0 {
		rates = "尚无办结事项，办结率为零，不计按期办结率。"
	}
	// the figures run from the year's start: an item closed in an
	// earlier month stays among those 累计办结
	period := PeriodWord(r)
	return fmt.Sprintf("截至%s，%d年纳入督查督办的事项共%d项，其中%s新增%d项；累计办结%d项（%s办结%d项），正在办理%d项，逾期未办结%d项。%s",
		asOf.Chinese(), r.Year, r.Total, period, r.NewThisMonth, r.Done, period, r.DoneThisMonth, r.Open, r.Overdue, rates)
}

func overdueSentence(rows []app.ReportRow) string {
	return fmt.Sprintf("逾期未办结事项%d项，涉及%s。请相关单位于5个工作日内说明原因、提出整改措施。", len(rows), overdueUnits(rows))
}

func earlierText(n int) string {
	return fmt.Sprintf("本年度此前各月已办结的%d项不再列出。", n)
}

// requirementParas are the paragraphs of 工作要求, as the secretary edited them.
func requirementParas(r app.MonthlyReport) []string {
	var reqs []string
	for _, p := range strings.Split(r.Requirements, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			reqs = append(reqs, p)
		}
	}
	return reqs
}

// summaryValues are the cells of the summary table, under summaryColumnsOf.
func summaryValues(r app.MonthlyReport) []string { return figureTexts(summaryFigures(r)) }

func summaryFigures(r app.MonthlyReport) []any {
	return []any{r.Total, r.NewThisMonth, r.Done, r.Open, r.Overdue, rateFigure(r.Done, r.Total), rateFigure(r.DoneOnTime, r.Done)}
}

// summaryOverdueCol is the summary's column printed in red; its figures
// are in 4号 (summaryValuePt).
const (
	summaryOverdueCol = 4
	summaryValuePt    = 14
)

// summaryColumnsOf are the summary table's columns, 本季度新增 in the
// quarterly edition.
func summaryColumnsOf(r app.MonthlyReport) []typeset.Column {
	cols := append([]typeset.Column(nil), summaryColumns...)
	cols[1].Title = PeriodWord(r) + "新增"
	return cols
}

var summaryColumns = []typeset.Column{
	{Title: "事项总数", Width: 0, Align: typeset.AlignCenter}, {Title: "本月新增", Width: 0, Align: typeset.AlignCenter}, {Title: "累计办结", Width: 0, Align: typeset.AlignCenter}, {Title: "正在办理", Width: 0, Align: typeset.AlignCenter},
	{Title: "逾期", Width: 0, Align: typeset.AlignCenter}, {Title: "办结率", Width: 0, Align: typeset.AlignCenter}, {Title: "按期办结率", Width: 0, Align: typeset.AlignCenter},
}

var overdueColumns = []typeset.Column{
	{Title: "序号", Width: numberColW, Align: typeset.AlignCenter}, {Title: "督办编号", Width: itemNumberColW, Align: typeset.AlignCenter}, {Title: "事项", Width: 0, Align: typeset.AlignLeft}, {Title: "牵头单位", Width: unitColW + 4, Align: typeset.AlignLeft}, // and its 协办 units
	{Title: "完成时限", Width: deadlineColW, Align: typeset.AlignCenter}, {Title: "逾期", Width: 13, Align: typeset.AlignCenter},
}

// overdueCells is a row of the overdue table; the title and the units
// (columns 2 and 3) are wrapped by the PDF.
func overdueCells(i int, row app.ReportRow, r app.MonthlyReport) []string {
	it := row.Item
	return []string{fmt.Sprint(i + 1), it.Number, it.Title, unitsLine(it.LeadUnit, it.CoUnits), deadlineText(it, r.Year),
		fmt.Sprintf("%d天", it.CurrentDeadline().DaysUntil(monthlyAsOf(r)))}
}

// unitColumns are the per-unit table's, under the units chart; its rows
// are unitCells, in the order of app.RankUnits. Each title fits its
// column on one line (a character of 五号 is 3.7 mm, and 3 mm of
// padding), leaving the unit's column 38.5 mm: nine characters.
var unitColumns = []typeset.Column{
	{Title: "排名", Width: numberColW, Align: typeset.AlignCenter}, {Title: "牵头单位", Width: 0, Align: typeset.AlignLeft},
	{Title: "事项数", Width: 14.5, Align: typeset.AlignCenter}, {Title: "已办结", Width: 14.5, Align: typeset.AlignCenter},
	{Title: "按期办结", Width: 18.5, Align: typeset.AlignCenter}, {Title: "逾期未办结", Width: 22.5, Align: typeset.AlignCenter},
	{Title: "办结率", Width: 14.5, Align: typeset.AlignCenter}, {Title: "按期办结率", Width: 22.5, Align: typeset.AlignCenter},
}

func unitCells(i int, u app.UnitTally) []string { return figureTexts(unitFigures(i, u)) }

// unitFigures are the figures of a row of the per-unit table: ints, and
// rates as rateFigure gives them.
func unitFigures(i int, u app.UnitTally) []any {
	return []any{i + 1, u.Unit, u.Total(), u.Done(), u.DoneOnTime, u.Overdue, rateFigure(u.Done(), u.Total()), rateFigure(u.DoneOnTime, u.Done())}
}

// rateFigure is a rate as a fraction (0.5 for 50%), or the text — when
// there is nothing to count it on.
func rateFigure(part, whole int) any {
	if whole == 0 {
		return "—"
	}
	return float64(part) / float64(whole)
}

// figureTexts are figures as printed: a fraction as a percentage with one
// decimal (rateText's form).
func figureTexts(figures []any) []string {
	texts := make([]string, len(figures))
	for i, v := range figures {
		if f, ok := v.(float64); ok {
			texts[i] = fmt.Sprintf("%.1f%%", f*100)
		} else {
			texts[i] = fmt.Sprint(v)
		}
	}
	return texts
}

// StatTable is a statistics table of the 督查通报 for a workbook: its
// cells are ints, fractions (float64, shown as percentages) and text.
type StatTable struct {
	Name    string
	Headers []string
	Rows    [][]any
}

// MonthlyStatTables are the 通报's statistics, for the leaders who want
// the numbers: the summary, the per-unit table and the counts by source,
// headed as on paper.
func MonthlyStatTables(r app.MonthlyReport) []StatTable {
	titles := func(cols []typeset.Column) []string {
		var t []string
		for _, c := range cols {
			t = append(t, c.Title)
		}
		return t
	}
	summary := StatTable{Name: headingTotals, Headers: titles(summaryColumnsOf(r)), Rows: [][]any{summaryFigures(r)}}
	units := StatTable{Name: headingUnits, Headers: titles(unitColumns)}
	for i, u := range r.RankedUnits() {
		units.Rows = append(units.Rows, unitFigures(i, u))
	}
	ch := sourcesChart(r)
	sources := StatTable{Name: headingSources, Headers: []string{sourceHeader, unitColumns[2].Title}}
	for _, s := range ch.series {
		sources.Headers = append(sources.Headers, s.name)
	}
	for i, st := range r.BySource {
		row := []any{ch.cats[i], st.Total()}
		for _, v := range ch.values[i] {
			row = append(row, v)
		}
		sources.Rows = append(sources.Rows, row)
	}
	return []StatTable{summary, units, sources}
}

// sourceHeader heads the sources' column in the workbook (on paper the
// chart names them).
const sourceHeader = "来源"

// honourText is the 红黄榜 under the per-unit table, when the office
// names n units each way; empty when it does not or names no one.
func honourText(r app.MonthlyReport, n int) string {
	red, yellow := app.HonourLists(r.RankedUnits(), n)
	names := func(us []app.UnitTally) string {
		var s []string
		for _, u := range us {
			s = append(s, u.Unit)
		}
		return strings.Join(s, "、")
	}
	var parts []string
	if len(red) > 0 {
		parts = append(parts, "红榜："+names(red)+"，按期办结率高、无逾期事项，予以通报表扬。")
	}
	if len(yellow) > 0 {
		parts = append(parts, "黄榜："+names(yellow)+"，有逾期未办结事项，请抓紧办理。")
	}
	return strings.Join(parts, "")
}

// 来源 is left to the chart: the list keeps the title wide.
var listColumns = []typeset.Column{
	{Title: "序号", Width: numberColW, Align: typeset.AlignCenter}, {Title: "预警", Width: 15, Align: typeset.AlignLeft}, {Title: "督办编号", Width: itemNumberColW, Align: typeset.AlignCenter}, {Title: "事项名称", Width: 0, Align: typeset.AlignLeft},
	{Title: "牵头单位", Width: unitColW, Align: typeset.AlignLeft}, {Title: "完成时限", Width: deadlineColW, Align: typeset.AlignCenter},
}

func listCells(i int, row app.ReportRow, r app.MonthlyReport) []string {
	it := row.Item
	return []string{fmt.Sprint(i + 1), warningLabel(row.Colour), it.Number, it.Title, it.LeadUnit, deadlineText(it, r.Year)}
}

// listedRows are the items of 督查事项清单: the items closed before the
// month (or quarter) count in the figures but are not listed again.
func listedRows(r app.MonthlyReport) []app.ReportRow {
	var listed []app.ReportRow
	for _, row := range r.Rows {
		if row.Colour != app.ColourDone || r.InPeriod(row.Item.DoneOn) {
			listed = append(listed, row)
		}
	}
	return listed
}

// legendColours are the colours of 三单预警 in the list's legend.
var legendColours = []app.Colour{app.ColourBlue, app.ColourYellow, app.ColourRed, app.ColourDone}

func unitsChart(r app.MonthlyReport) *barChart {
	units := barChart{series: []series{{"按期办结", colourDoneOnTime, false}, {"逾期办结", colourDoneLate, false}, {"正在办理", colourOpenBar, false}, {"逾期未办结", colourRed, true}}}
	for _, u := range r.ByUnit {
		units.cats = append(units.cats, u.Unit)
		units.values = append(units.values, []int{u.DoneOnTime, u.DoneLate, u.Open, u.Overdue})
	}
	return &units
}

func sourcesChart(r app.MonthlyReport) *barChart {
	sources := barChart{series: []series{{"已办结", colourDoneOnTime, false}, {"正在办理", colourOpenBar, false}, {"逾期未办结", colourRed, true}}}
	for _, st := range r.BySource {
		sources.cats = append(sources.cats, string(st.Source))
		sources.values = append(sources.values, []int{st.Done, st.Open, st.Overdue})
	}
	return &sources
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// rateText is a rate in percent, or — when there is nothing to count it on.
func rateText(part, whole int) string {
	if whole == 0 {
		return "—"
	}
	return figureTexts([]any{rateFigure(part, whole)})[0]
}

// honourN is how many units the 红黄榜 names each way (0: none).
func monthlyText(c *typeset.Canvas, fl *typeset.GBFlow, org, title string, r app.MonthlyReport, honourN int) {
	// 版头
	markSt := monthlyMarkStyle
	const markTop = typeset.GBTop + monthlyMarkDrop
	c.TextIn(typeset.GBLeft+markSt.Spacing/2, typeset.GBWidth, markTop, markSt, monthlyMark, typeset.AlignCenter)
	fl.SkipTo(markTop + markSt.SizeMM() + 4)
	plain := typeset.GBBody.WithSpacing(0)
	c.TextIn(typeset.GBLeft, typeset.GBWidth, fl.Next(), plain, issueText(r), typeset.AlignCenter)
	y := fl.Next()
	c.Text(typeset.GBLeft+typeset.GBCharPitch, y, plain, org)
	c.TextIn(typeset.GBLeft, typeset.GBWidth-typeset.GBCharPitch, y, plain, r.IssuedOn.Chinese(), typeset.AlignRight)
	rule := y + plain.SizeMM() + 4
	c.Line(typeset.GBLeft, rule, typeset.GBLeft+typeset.GBWidth, rule, 0.6, typeset.Red)
	fl.SkipTo(rule + 0.5*typeset.GBPitch)
	for _, ln := range c.Wrap(typeset.GBTitle, title, typeset.GBWidth, 0) {
		c.TextIn(typeset.GBLeft, typeset.GBWidth, fl.Next(), typeset.GBTitle, ln, typeset.AlignCenter)
	}
	fl.Blank()

	para := func(text string) { fl.Paragraph([]typeset.Segment{{Style: typeset.GBBody, Text: text}}, 2, 0) }
	sections := 0
	heading := func(text string) {
		sections++
		fl.Heading([]typeset.Segment{{Style: typeset.GBHeading, Text: sectionHeading(sections, text)}}, 2)
	}

	heading(headingTotals)
	// with nothing to count, chart or list, the sections after this one are left out
	para(totalsText(r))
	if r.Total > 0 {
		summaryTable(c, fl, r)
		monthlyDetails(c, fl, r, honourN, heading, para)
	}

	if reqs := requirementParas(r); len(reqs) > 0 {
		heading(headingRequirements)
		for _, p := range reqs {
			para(p)
		}
	}
}

// issueText is the 期号 under the red mark: the issues are counted per
// year, so the year goes with the number (2026年第10期) and two years'
// October reports cannot be taken for each other.
func issueText(r app.MonthlyReport) string {
	return fmt.Sprintf("%d年第%d期", r.Year, r.Issue)
}

func summaryTable(c *typeset.Canvas, fl *typeset.GBFlow, r app.MonthlyReport) {
	summary := typeset.NewTable(c, typeset.GBLeft, typeset.GBWidth, summaryColumnsOf(r), fl.NewPage, typeset.GBTop)
	big := typeset.Style{Role: RoleBody, Size: summaryValuePt, Color: typeset.Black}
	overdueBig := big.WithColor(typeset.Red)
	var cells []typeset.Cell
	for i, v := range summaryValues(r) {
		st := &big
		if i == summaryOverdueCol {
			st = &overdueBig
		}
		cells = append(cells, typeset.Cell{Text: v, Style: st})
	}
	summary.AddCells(cells...)
	summary.Grid.MinRow = 10
	fl.Ensure(22)
	fl.Y = summary.Draw(fl.Y+1, typeset.GBBottom) + typeset.GBPitch*0.6
}

// monthlyDetails sets the charts by unit (with the per-unit table and
// the 红黄榜) and by source, the overdue items
// and the list of every item.
func monthlyDetails(c *typeset.Canvas, fl *typeset.GBFlow, r app.MonthlyReport, honourN int, heading, para func(string)) {
	chartSection(c, fl, heading, headingUnits, unitsIntro, unitsChart(r))
	fl.Ensure(2*typeset.GBPitch + tableStart) // the sentence stays with the table
	para(unitTableIntro)
	t := typeset.NewTable(c, typeset.GBLeft, typeset.GBWidth, unitColumns, fl.NewPage, typeset.GBTop)
	for i, u := range r.RankedUnits() {
		cells := unitCells(i, u)
		cells[1] = cellText(t, 1, cells[1])
		t.Add(cells...)
	}
	fl.Ensure(tableStart)
	fl.Y = t.Draw(fl.Y+1, typeset.GBBottom) + typeset.GBPitch*0.6
	if honour := honourText(r, honourN); honour != "" {
		para(honour)
	}
	chartSection(c, fl, heading, headingSources, "", sourcesChart(r))

	heading(headingOverdue)
	if len(r.OverdueRows) == 0 {
		para(noOverdue)
	} else {
		para(overdueSentence(r.OverdueRows))
		t := typeset.NewTable(c, typeset.GBLeft, typeset.GBWidth, overdueColumns, fl.NewPage, typeset.GBTop)
		for i, row := range r.OverdueRows {
			cells := overdueCells(i, row, r)
			cells[2], cells[3] = cellText(t, 2, cells[2]), cellText(t, 3, cells[3])
			t.Add(cells...)
		}
		fl.Ensure(tableStart)
		fl.Y = t.Draw(fl.Y+1, typeset.GBBottom) + typeset.GBPitch*0.6
	}

	listed := listedRows(r)
	fl.Ensure(typeset.GBPitch + legendRoom) // the heading with the legend and the list's first rows
	heading(headingList)
	if earlier := len(r.Rows) - len(listed); earlier > 0 {
		para(earlierText(earlier))
		fl.Ensure(legendRoom)
	}
	fl.Ensure(legendRoom)
	legendY := fl.Y
	lx := typeset.GBLeft + 2*typeset.GBCharPitch
	for _, col := range legendColours {
		fill := colourOf(col)
		c.Circle(lx+typeset.MarkR, legendY+typeset.GBBody.SizeMM()/2, typeset.MarkR, &fill, &typeset.Grey, 0.15)
		lx += 2*typeset.MarkR + 1.5
		lx += c.Text(lx, legendY+(typeset.GBBody.SizeMM()-typeset.FormSmall.SizeMM())/2, typeset.FormSmall, colourName(col)) + 6
	}
	fl.Y += typeset.GBPitch
	list := typeset.NewTable(c, typeset.GBLeft, typeset.GBWidth, listColumns, fl.NewPage, typeset.GBTop)
	for i, row := range listed {
		cells := listCells(i, row, r)
		fill := colourOf(row.Colour)
		list.AddCells(typeset.Cell{Text: cells[0]}, typeset.Cell{Text: cells[1], Mark: &fill}, typeset.Cell{Text: cells[2]},
			typeset.Cell{Text: cellText(list, 3, cells[3])}, typeset.Cell{Text: cellText(list, 4, cells[4])}, typeset.Cell{Text: cells[5]})
	}
	fl.Y = list.Draw(fl.Y, typeset.GBBottom) + typeset.GBPitch*0.6
}

// tableStart is the room a table needs to start on a page: its header
// and first rows; legendRoom adds the list's colour legend.
const (
	tableStart = 20
	legendRoom = 30
)

// The columns of the report's tables, in 五号 (10.5 pt): unitColW holds a
// unit's name of up to nine characters (区住房和城乡建设局) on a line,
// itemNumberColW 督〔2026〕30号, deadlineColW 2027年11月28日 (a stage's
// name goes in brackets under it).
const (
	numberColW     = 10.5
	itemNumberColW = 31
	unitColW       = 37
	deadlineColW   = 28.5
)

// warningLabel is the word by a colour mark in the list: two characters,
// as the column is narrow (办结, not 已办结).
func warningLabel(c app.Colour) string {
	return strings.TrimPrefix(c.Label(), "已")
}

// cellText is text for column col of the table with its lines broken,
// where it must wrap, after a 、，：； or before a （ when one of those falls
// in the last two thirds of a line, so that a unit's name or a bracketed
// phrase (（第2批）) stays whole.
func cellText(t *typeset.Table, col int, text string) string {
	st := t.Grid.Body
	width := t.Cols[col].Width - 2*t.Grid.PadX
	rs := []rune(text)
	var lines []string
	for len(rs) > 0 {
		wrapped := t.Canvas.Wrap(st, string(rs), width, 0)
		if len(wrapped) <= 1 {
			lines = append(lines, string(rs))
			break
		}
		n := len([]rune(wrapped[0]))
		for k := n; 3*k >= n; k-- {
			if strings.ContainsRune("、，：；", rs[k-1]) || rs[k] == '（' {
				n = k
				break
			}
		}
		lines = append(lines, string(rs[:n]))
		rs = rs[n:]
	}
	return strings.Join(lines, "\n")
}

// deadlineText is the deadline that counts now; a stage's deadline names
// its stage, so that it is not taken for the item's own.
func deadlineText(it app.Item, year int) string {
	dl := it.CurrentDeadline()
	for _, st := range it.Stages {
		if st.DoneOn.IsZero() && st.Deadline == dl {
			if dl != it.Deadline {
				return shortDate(dl, year) + "\n（" + st.Name + "）"
			}
			break
		}
	}
	return shortDate(dl, year)
}

// The colours of 三单预警 and of the charts.
var (
	colourBlue   = typeset.Color{R: 38, G: 110, B: 190}
	colourYellow = typeset.Color{R: 245, G: 190, B: 30}
	colourRed    = typeset.Color{R: 210, G: 35, B: 35}
	// The bars' colours differ in lightness too, and overdue bars are
	// hatched, so that the charts read in black and white.
	colourDoneOnTime = typeset.Color{R: 40, G: 120, B: 60}
	colourDoneLate   = typeset.Color{R: 170, G: 210, B: 130}
	colourOpenBar    = typeset.Color{R: 100, G: 155, B: 220}
	colourDoneMark   = typeset.Color{R: 255, G: 255, B: 255}
)

func colourOf(c app.Colour) typeset.Color {
	switch c {
	case app.ColourBlue:
		return colourBlue
	case app.ColourYellow:
		return colourYellow
	case app.ColourRed:
		return colourRed
	}
	return colourDoneMark
}

// colourName is the legend's wording: the colour and what it means.
func colourName(c app.Colour) string {
	switch c {
	case app.ColourBlue:
		return "蓝色：正常推进"
	case app.ColourYellow:
		return "黄色：临近时限"
	case app.ColourRed:
		return "红色：逾期未办结"
	}
	return "白色：已办结"
}

// chartSection sets a heading, a sentence and a chart, starting a page
// first when not even the first bars of the chart would fit after them.
func chartSection(c *typeset.Canvas, fl *typeset.GBFlow, heading func(string), title, intro string, ch *barChart) {
	lines := 1
	if intro != "" {
		lines += len(c.Wrap(typeset.GBBody, intro, typeset.GBWidth, 2*typeset.GBCharPitch))
	}
	room := typeset.GBBottom - fl.Y - float64(lines)*typeset.GBPitch
	if !ch.fitsShrunk(room) && chartCut(room, len(ch.cats)) == 0 {
		fl.NewPage()
	}
	heading(title)
	if intro != "" {
		fl.Paragraph([]typeset.Segment{{Style: typeset.GBBody, Text: intro}}, 2, 0)
	}
	drawChart(c, fl, ch)
}

// drawChart places a chart in the flow: whole, its bars a little thinner
// when that makes it fit, else over as many pages as it needs.
func drawChart(c *typeset.Canvas, fl *typeset.GBFlow, ch *barChart) {
	if room := typeset.GBBottom - fl.Y; ch.fitsShrunk(room) {
		ch.pitch = min(barPitch, (room-legendH-axisH)/float64(len(ch.cats)))
		ch.draw(c, typeset.GBLeft, fl.Y, typeset.GBWidth, 0, len(ch.cats))
		fl.Y += ch.height(len(ch.cats)) + typeset.GBPitch*0.5
		return
	}
	for from := 0; from < len(ch.cats); {
		take := chartCut(typeset.GBBottom-fl.Y, len(ch.cats)-from)
		if take == 0 {
			fl.NewPage()
			continue
		}
		to := from + take
		ch.draw(c, typeset.GBLeft, fl.Y, typeset.GBWidth, from, to)
		fl.Y += ch.height(to-from) + typeset.GBPitch*0.5
		from = to
	}
}

// minBars is the fewest bars a part of a chart cut over two pages has.
const minBars = 4

// chartCut is how many of the left bars of a chart go on a page with room
// mm free, 0 when the chart should start on the next page: as many as
// fit, but neither part of a cut chart has fewer than minBars bars.
func chartCut(room float64, left int) int {
	n := int((room - legendH - axisH) / barPitch)
	switch {
	case n >= left:
		return left
	case n < minBars:
		return 0
	case left-n < minBars:
		if left-minBars < minBars {
			return 0
		}
		return left - minBars
	}
	return n
}

// overdueUnits names the units with overdue items, most first:
// 区财政局（3项）、区教育局（1项）.
func overdueUnits(rows []app.ReportRow) string {
	count := map[string]int{}
	var order []string
	for _, r := range rows {
		if count[r.Item.LeadUnit] == 0 {
			order = append(order, r.Item.LeadUnit)
		}
		count[r.Item.LeadUnit]++
	}
	// stable by count, most first
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && count[order[j]] > count[order[j-1]]; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	parts := make([]string, len(order))
	for i, u := range order {
		parts[i] = fmt.Sprintf("%s（%d项）", u, count[u])
	}
	return strings.Join(parts, "、")
}

func unitsLine(lead string, co []string) string {
	if len(co) == 0 {
		return lead
	}
	return lead + "（协办：" + strings.Join(co, "、") + "）"
}
