package reports

import (
	"fmt"
	"io"
	"strings"

	"gongwen/app"
)

// MonthlyReport prints the 督查通报 of a month for leadership, on the GB/T
// 9704 page: the red mark, 第N期, the office and date over a red rule, the
// title, then 一、总体情况 (counts and rates), 二、分单位 and 三、分来源
// (stacked bar charts), 四、逾期未办结事项 naming the units, 五、督查事项清单
// (every item with its colour mark) and 六、工作要求 (r.Requirements, as the
// secretary edited it).
func MonthlyReport(w io.Writer, f *Fonts, s app.Settings, r app.MonthlyReport) error {
	org := r.OrgName
	if org == "" {
		org = orgName(s)
	}
	title := fmt.Sprintf("关于%d年%d月督查事项办理情况的通报", r.Year, int(r.Month))
	build := func(push map[int]bool) (*canvas, *gbFlow) {
		c := newCanvas(f, false, "督查通报 "+title, org)
		fl := newGBFlow(c, app.SecrecyNone)
		fl.push = push
		monthlyText(c, fl, org, title, r)
		return c, fl
	}
	c := layoutGB(build, newColophon(org, today(),
		colophonLine{"报", firstNonEmpty(r.ReportTo, app.DefaultReportTo)}, colophonLine{"送", firstNonEmpty(r.SendTo, app.DefaultSendTo)}))
	return c.write(w)
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
	return fmt.Sprintf("%.1f%%", float64(part)*100/float64(whole))
}

func monthlyText(c *canvas, fl *gbFlow, org, title string, r app.MonthlyReport) {
	// 版头
	markSt := style{role: RoleTitle, size: 42, color: red, tc: 42 * ptToMM * 0.35}
	const markTop = gbTop + 8
	c.textIn(gbLeft+markSt.tc/2, gbWidth, markTop, markSt, "督查通报", alignCenter)
	fl.skipTo(markTop + markSt.sizeMM() + 4)
	plain := gbBody.withSpacing(0)
	c.textIn(gbLeft, gbWidth, fl.next(), plain, issueText(r), alignCenter)
	y := fl.next()
	c.text(gbLeft+gbCharPitch, y, plain, org)
	c.textIn(gbLeft, gbWidth-gbCharPitch, y, plain, today().Chinese(), alignRight)
	rule := y + plain.sizeMM() + 4
	c.line(gbLeft, rule, gbLeft+gbWidth, rule, 0.6, red)
	fl.skipTo(rule + 0.5*gbPitch)
	for _, ln := range c.wrap(gbTitle, title, gbWidth, 0) {
		c.textIn(gbLeft, gbWidth, fl.next(), gbTitle, ln, alignCenter)
	}
	fl.blank()

	para := func(text string) { fl.paragraph([]segment{{gbBody, text}}, 2, 0) }
	sections := 0
	heading := func(text string) {
		sections++
		fl.heading([]segment{{gbHeading, app.ChineseNumeral(sections) + "、" + text}}, 2)
	}
	asOf := r.AsOf
	if asOf.IsZero() {
		asOf = app.D(r.Year, r.Month, 1).LastOfMonth()
	}

	heading("总体情况")
	if r.Total == 0 {
		// nothing to count, chart or list: the sections after this one are left out
		para(fmt.Sprintf("截至%s，本月没有纳入督查督办的事项。", asOf.Chinese()))
	} else {
		rates := fmt.Sprintf("办结率%s，按期办结率%s。", rateText(r.Done, r.Total), rateText(r.DoneOnTime, r.Done))
		if r.Done == 0 {
			rates = "尚无办结事项，办结率为零，不计按期办结率。"
		}
		// the figures run from the year's start: an item closed in an
		// earlier month stays among those 累计办结
		para(fmt.Sprintf("截至%s，%d年纳入督查督办的事项共%d项，其中本月新增%d项；累计办结%d项（本月办结%d项），正在办理%d项，逾期未办结%d项。%s",
			asOf.Chinese(), r.Year, r.Total, r.NewThisMonth, r.Done, r.DoneThisMonth, r.Open, r.Overdue, rates))
		summaryTable(c, fl, r)
		monthlyDetails(c, fl, r, asOf, heading, para)
	}

	var reqs []string
	for _, p := range strings.Split(r.Requirements, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			reqs = append(reqs, p)
		}
	}
	if len(reqs) > 0 {
		heading("工作要求")
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

func summaryTable(c *canvas, fl *gbFlow, r app.MonthlyReport) {
	summary := newTable(c, gbLeft, gbWidth, []column{
		{"事项总数", 0, alignCenter}, {"本月新增", 0, alignCenter}, {"累计办结", 0, alignCenter}, {"正在办理", 0, alignCenter},
		{"逾期", 0, alignCenter}, {"办结率", 0, alignCenter}, {"按期办结率", 0, alignCenter},
	}, fl.newPage, gbTop)
	big := style{role: RoleBody, size: 14, color: black}
	overdueBig := big.withColor(red)
	summary.addCells(
		cell{text: fmt.Sprint(r.Total), st: &big}, cell{text: fmt.Sprint(r.NewThisMonth), st: &big},
		cell{text: fmt.Sprint(r.Done), st: &big}, cell{text: fmt.Sprint(r.Open), st: &big},
		cell{text: fmt.Sprint(r.Overdue), st: &overdueBig},
		cell{text: rateText(r.Done, r.Total), st: &big}, cell{text: rateText(r.DoneOnTime, r.Done), st: &big})
	summary.g.minRow = 10
	fl.ensure(22)
	fl.y = summary.draw(fl.y+1, gbBottom) + gbPitch*0.6
}

// monthlyDetails sets the charts by unit and by source, the overdue items
// and the list of every item.
func monthlyDetails(c *canvas, fl *gbFlow, r app.MonthlyReport, asOf app.Date, heading, para func(string)) {
	units := barChart{series: []series{{"按期办结", colourDoneOnTime, false}, {"逾期办结", colourDoneLate, false}, {"正在办理", colourOpenBar, false}, {"逾期未办结", colourRed, true}}}
	for _, u := range r.ByUnit {
		units.cats = append(units.cats, u.Unit)
		units.values = append(units.values, []int{u.DoneOnTime, u.DoneLate, u.Open, u.Overdue})
	}
	chartSection(c, fl, heading, "分单位办理情况", "按牵头单位统计如下（逾期事项多的单位在前）。", &units)

	sources := barChart{series: []series{{"已办结", colourDoneOnTime, false}, {"正在办理", colourOpenBar, false}, {"逾期未办结", colourRed, true}}}
	for _, st := range r.BySource {
		sources.cats = append(sources.cats, string(st.Source))
		sources.values = append(sources.values, []int{st.Done, st.Open, st.Overdue})
	}
	chartSection(c, fl, heading, "分来源办理情况", "", &sources)

	if len(r.OverdueRows) == 0 {
		heading("逾期未办结事项")
		para("本期无逾期未办结事项。")
	} else {
		heading("逾期未办结事项")
		para(fmt.Sprintf("逾期未办结事项%d项，涉及%s。请相关单位于5个工作日内说明原因、提出整改措施。", len(r.OverdueRows), overdueUnits(r.OverdueRows)))
		t := newTable(c, gbLeft, gbWidth, []column{
			{"序号", numberColW, alignCenter}, {"督办编号", itemNumberColW, alignCenter}, {"事项", 0, alignLeft}, {"牵头单位", unitColW + 4, alignLeft}, // and its 协办 units
			{"完成时限", deadlineColW, alignCenter}, {"逾期", 13, alignCenter},
		}, fl.newPage, gbTop)
		for i, row := range r.OverdueRows {
			it := row.Item
			t.add(fmt.Sprint(i+1), it.Number, t.cellText(2, it.Title), t.cellText(3, unitsLine(it.LeadUnit, it.CoUnits)), deadlineText(it, r.Year),
				fmt.Sprintf("%d天", it.CurrentDeadline().DaysUntil(asOf)))
		}
		fl.ensure(tableStart)
		fl.y = t.draw(fl.y+1, gbBottom) + gbPitch*0.6
	}

	// the items closed in an earlier month count in the figures above but
	// are not listed again
	month := app.D(r.Year, r.Month, 1)
	var listed []app.ReportRow
	for _, row := range r.Rows {
		if row.Colour != app.ColourDone || row.Item.DoneOn.SameMonth(month) {
			listed = append(listed, row)
		}
	}
	fl.ensure(gbPitch + legendRoom) // the heading with the legend and the list's first rows
	heading("督查事项清单")
	if earlier := len(r.Rows) - len(listed); earlier > 0 {
		para(fmt.Sprintf("本年度此前各月已办结的%d项不再列出。", earlier))
		fl.ensure(legendRoom)
	}
	fl.ensure(legendRoom)
	legendY := fl.y
	lx := gbLeft + 2*gbCharPitch
	for _, col := range []app.Colour{app.ColourBlue, app.ColourYellow, app.ColourRed, app.ColourDone} {
		fill := colourOf(col)
		c.circle(lx+markR, legendY+gbBody.sizeMM()/2, markR, &fill, &grey, 0.15)
		lx += 2*markR + 1.5
		lx += c.text(lx, legendY+(gbBody.sizeMM()-formSmall.sizeMM())/2, formSmall, colourName(col)) + 6
	}
	fl.y += gbPitch
	// 来源 is left to the chart above: the list keeps the title wide.
	list := newTable(c, gbLeft, gbWidth, []column{
		{"序号", numberColW, alignCenter}, {"预警", 15, alignLeft}, {"督办编号", itemNumberColW, alignCenter}, {"事项名称", 0, alignLeft},
		{"牵头单位", unitColW, alignLeft}, {"完成时限", deadlineColW, alignCenter},
	}, fl.newPage, gbTop)
	for i, row := range listed {
		it := row.Item
		fill := colourOf(row.Colour)
		list.addCells(cell{text: fmt.Sprint(i + 1)}, cell{text: warningLabel(row.Colour), mark: &fill}, cell{text: it.Number},
			cell{text: list.cellText(3, it.Title)}, cell{text: list.cellText(4, it.LeadUnit)}, cell{text: deadlineText(it, r.Year)})
	}
	fl.y = list.draw(fl.y, gbBottom) + gbPitch*0.6
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
func (t *table) cellText(col int, text string) string {
	st := t.g.body
	width := t.cols[col].width - 2*t.g.padX
	rs := []rune(text)
	var lines []string
	for len(rs) > 0 {
		wrapped := t.c.wrap(st, string(rs), width, 0)
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
	colourBlue   = rgb{38, 110, 190}
	colourYellow = rgb{245, 190, 30}
	colourRed    = rgb{210, 35, 35}
	// The bars' colours differ in lightness too, and overdue bars are
	// hatched, so that the charts read in black and white.
	colourDoneOnTime = rgb{40, 120, 60}
	colourDoneLate   = rgb{170, 210, 130}
	colourOpenBar    = rgb{100, 155, 220}
	colourDoneMark   = rgb{255, 255, 255}
)

func colourOf(c app.Colour) rgb {
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
func chartSection(c *canvas, fl *gbFlow, heading func(string), title, intro string, ch *barChart) {
	lines := 1
	if intro != "" {
		lines += len(c.wrap(gbBody, intro, gbWidth, 2*gbCharPitch))
	}
	room := gbBottom - fl.y - float64(lines)*gbPitch
	if !ch.fitsShrunk(room) && chartCut(room, len(ch.cats)) == 0 {
		fl.newPage()
	}
	heading(title)
	if intro != "" {
		fl.paragraph([]segment{{gbBody, intro}}, 2, 0)
	}
	drawChart(c, fl, ch)
}

// drawChart places a chart in the flow: whole, its bars a little thinner
// when that makes it fit, else over as many pages as it needs.
func drawChart(c *canvas, fl *gbFlow, ch *barChart) {
	if room := gbBottom - fl.y; ch.fitsShrunk(room) {
		ch.pitch = min(barPitch, (room-legendH-axisH)/float64(len(ch.cats)))
		ch.draw(c, gbLeft, fl.y, gbWidth, 0, len(ch.cats))
		fl.y += ch.height(len(ch.cats)) + gbPitch*0.5
		return
	}
	for from := 0; from < len(ch.cats); {
		take := chartCut(gbBottom-fl.y, len(ch.cats)-from)
		if take == 0 {
			fl.newPage()
			continue
		}
		to := from + take
		ch.draw(c, gbLeft, fl.y, gbWidth, from, to)
		fl.y += ch.height(to-from) + gbPitch*0.5
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
