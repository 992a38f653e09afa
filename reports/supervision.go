package reports

import (
	"context"
	"fmt"
	"io"
	"strings"

	"gongwen/app"
	"gongwen/typeset"
)

// The 督查室's paper ladder (DOMAIN.md §3): the 交办单 that assigns an item
// to its lead unit, the 催办单 that chases it, the 督办通知单 for an item
// past its deadline. Each ends in a 签收 strip the unit signs and returns.

// SupervisionSlip prints one slip of an item.
func SupervisionSlip(w io.Writer, f *Fonts, s app.Settings, it *app.Item, sp app.SlipPrint) (Printed, error) {
	title := orgName(s) + sp.Kind.Title()
	c := typeset.NewCanvas(f, false, title, orgName(s))
	sh := typeset.NewSheet(c, "")
	number := sp.Number
	if number == "" { // a 催办单 not printed as sent: numbered by hand
		number = fmt.Sprintf("催〔%d〕　　号", sp.On.Year)
	}
	sh.Running = continued(title, "编号", number)
	sh.NewPage()
	sh.Title(title)
	dateLabel := map[app.SlipKind]string{app.SlipAssign: "交办日期", app.SlipReminder: "催办日期", app.SlipNotice: "督办日期"}[sp.Kind]
	sh.InfoLine("编号", number, dateLabel, sp.On.Chinese())

	const lw = 26.0
	half := (sh.Width() - 2*lw) / 2
	rest := sh.Width() - lw
	var rows []typeset.Row
	switch sp.Kind {
	case app.SlipAssign:
		rows = assignRows(s, it, sp, lw, half, rest)
	case app.SlipReminder:
		rows = reminderRows(s, it, sp, lw, half, rest)
	default:
		rows = noticeRows(s, it, sp, lw, half, rest)
	}
	// the 签收 strip: the unit signs and returns it to the 督查室
	rows = append(rows,
		typeset.Row{Cells: []typeset.Cell{label("签收单位", lw), value(it.LeadUnit, half), label("签收人", lw), value("", half)}, MinH: 13},
		typeset.Row{Cells: []typeset.Cell{label("签收时间", lw), value(blankDate+"　　时　　分", rest)}, MinH: 13},
	)
	after := afterGrid(s, it, sp)
	g := sh.Grid()
	g.Fit(c, rows, sh.Bottom-sh.Y-6*float64(len(after)), 0.8)
	y := g.Draw(c, rows, sh.Y, sh.Bottom-6*float64(len(after)))
	for _, line := range after {
		for _, ln := range c.Wrap(typeset.FormSmall, line, sh.Width(), 0) {
			if y+typeset.FormSmall.SizeMM()*1.6 > sh.Bottom {
				y = sh.NewPage()
			}
			c.Text(sh.Left, y+2, typeset.FormSmall, ln)
			y += typeset.FormSmall.SizeMM() * 1.6
		}
	}
	typeset.NumberFormPages(c, sh)
	return c.Write(w)
}

func assignRows(s app.Settings, it *app.Item, sp app.SlipPrint, lw, half, rest float64) []typeset.Row {
	rows := []typeset.Row{
		{Cells: []typeset.Cell{label("事项名称", lw), value(it.Title, rest)}, MinH: 14},
		{Cells: []typeset.Cell{label("事项来源", lw), value(string(it.SourceType), rest)}},
		{Cells: []typeset.Cell{label("来源依据", lw), value(it.SourceRef, rest)}, MinH: 13},
	}
	switch {
	case sp.SourceQuote != "" && it.SourceType == app.SourceMeeting:
		rows = append(rows, typeset.Row{Cells: []typeset.Cell{label("议定事项", lw), {Width: rest, Top: true, Blocks: []typeset.Block{{Text: sp.SourceQuote}, {Text: sp.SourceBy, Align: typeset.AlignRight, Gap: 1}}}}, MinH: 18})
	case sp.SourceQuote != "":
		rows = append(rows, typeset.Row{Cells: []typeset.Cell{label("领导批示", lw), {Width: rest, Top: true, Blocks: record(sp.SourceQuote, sp.SourceBy, 0)}}, MinH: 18})
	}
	rows = append(rows,
		typeset.Row{Cells: []typeset.Cell{label("督办内容", lw), box(it.Content, rest)}, MinH: 30, Stretch: true},
		typeset.Row{Cells: []typeset.Cell{label("牵头单位", lw), value(it.LeadUnit, half), label("协办单位", lw), value(strings.Join(it.CoUnits, "、"), half)}, MinH: 13},
		typeset.Row{Cells: []typeset.Cell{label("责任人", lw), value(it.Responsible, half), label("分管领导", lw), value(it.LeaderInCharge, half)}},
		typeset.Row{Cells: []typeset.Cell{label("完成时限", lw), value(stagesText(it), rest)}, MinH: 13},
		typeset.Row{Cells: []typeset.Cell{label("反馈要求", lw), box(feedbackText(s, it), rest)}, MinH: 20},
	)
	return rows
}

func reminderRows(s app.Settings, it *app.Item, sp app.SlipPrint, lw, half, rest float64) []typeset.Row {
	opinion := fmt.Sprintf("该事项由你单位牵头办理，完成时限为%s，%s。请你单位抓紧办理，于%s前将办理进展书面报送%s；确有困难不能按期完成的，请说明原因和拟完成时间。",
		it.CurrentDeadline().Chinese(), progressGap(it), sp.ReplyBy.Chinese(), supervisionOffice(s))
	return []typeset.Row{
		{Cells: []typeset.Cell{label("督办编号", lw), value(it.Number, half), label("交办日期", lw), value(it.AssignedOn.Chinese(), half)}},
		{Cells: []typeset.Cell{label("事项名称", lw), value(it.Title, rest)}, MinH: 14},
		{Cells: []typeset.Cell{label("牵头单位", lw), value(unitsText(it.LeadUnit, it.CoUnits), half), label("责任人", lw), value(it.Responsible, half)}, MinH: 13},
		{Cells: []typeset.Cell{label("完成时限", lw), value(currentDeadlineText(it), half), label("超期情况", lw), value(overdueText(it, sp.On), half)}, MinH: 13},
		{Cells: []typeset.Cell{label("最近进展", lw), box(lastProgressText(it), rest)}, MinH: 22},
		{Cells: []typeset.Cell{label("已发文书", lw), value(sentText(sp.Sent), rest)}, MinH: 11},
		{Cells: []typeset.Cell{label("催办意见", lw), box(opinion, rest)}, MinH: 30, Stretch: true},
		{Cells: []typeset.Cell{label("回复时限", lw), value(sp.ReplyBy.Chinese()+"前", rest)}},
		contactRow(s, lw, rest),
	}
}

func noticeRows(s app.Settings, it *app.Item, sp app.SlipPrint, lw, half, rest float64) []typeset.Row {
	leader := it.LeaderInCharge
	if leader == "" {
		leader = "　　　　"
	}
	opinion := fmt.Sprintf("该事项完成时限为%s，至今已逾期%d天仍未办结%s。请你单位高度重视，主要负责同志亲自过问，分管领导%s同志督促落实，于%s前将未按期办结的原因、目前进展、整改措施和办结时间书面报送%s。逾期仍未办结的，将在全区督查通报中予以通报，并按有关规定严肃问责。",
		it.CurrentDeadline().Chinese(), it.OverdueDays(sp.On), remindersText(sp.Sent), leader, sp.ReplyBy.Chinese(), supervisionOffice(s))
	return []typeset.Row{
		{Cells: []typeset.Cell{label("督办编号", lw), value(it.Number, half), label("交办日期", lw), value(it.AssignedOn.Chinese(), half)}},
		{Cells: []typeset.Cell{label("事项名称", lw), value(it.Title, rest)}, MinH: 14},
		{Cells: []typeset.Cell{label("牵头单位", lw), value(unitsText(it.LeadUnit, it.CoUnits), half), label("责任人", lw), value(it.Responsible, half)}, MinH: 13},
		{Cells: []typeset.Cell{label("分管领导", lw), value(it.LeaderInCharge, rest)}},
		{Cells: []typeset.Cell{label("完成时限", lw), value(currentDeadlineText(it), half), label("逾期情况", lw), value(overdueText(it, sp.On), half)}, MinH: 13},
		{Cells: []typeset.Cell{label("最近进展", lw), box(lastProgressText(it), rest)}, MinH: 22},
		{Cells: []typeset.Cell{label("已发文书", lw), value(sentText(sp.Sent), rest)}, MinH: 11},
		{Cells: []typeset.Cell{label("督办意见", lw), {Width: rest, Top: true, Text: opinion, Style: &formBodyBold}}, MinH: 34, Stretch: true},
		{Cells: []typeset.Cell{label("报告时限", lw), value(sp.ReplyBy.Chinese()+"前", rest)}},
		contactRow(s, lw, rest),
	}
}

// formBodyBold sets the 督办通知单's opinion: the stronger paper says it in
// 黑体.
var formBodyBold = typeset.Style{Role: RoleHeading, Size: 13, Color: typeset.Black}

// contactRow is who at the 督查室 the unit answers to.
func contactRow(s app.Settings, lw, rest float64) typeset.Row {
	return typeset.Row{Cells: []typeset.Cell{label("联系方式", lw), value(supervisionOffice(s)+"　"+contactText(s), rest)}}
}

func contactText(s app.Settings) string {
	return "联系人：" + blankOr(s.SupervisionContact, "　　　　") + "　电话：" + blankOr(s.SupervisionPhone, "　　　　　　")
}

// afterGrid is the lines below the slip: the 督办通知单's copy line naming
// the 分管领导.
func afterGrid(s app.Settings, it *app.Item, sp app.SlipPrint) []string {
	var lines []string
	if sp.Kind == app.SlipNotice {
		copyTo := districtGov(s) + "分管领导"
		if it.LeaderInCharge != "" {
			copyTo += it.LeaderInCharge + "同志"
		}
		lines = append(lines, "抄送："+copyTo+"，"+orgName(s)+"主任。")
	}
	return lines
}

func blankOr(s, blank string) string {
	if strings.TrimSpace(s) == "" {
		return blank
	}
	return s
}

// supervisionOffice is the office the units report to.
func supervisionOffice(s app.Settings) string { return districtGov(s) + "督查室" }

// stagesText is the deadline, then each stage's.
func stagesText(it *app.Item) string {
	text := it.Deadline.Chinese() + "前"
	for i, st := range it.Stages {
		line := fmt.Sprintf("\n阶段%d：%s　%s前", i+1, st.Name, st.Deadline.Chinese())
		if !st.DoneOn.IsZero() {
			line += "（" + st.DoneOn.Chinese() + "完成）"
		}
		text += line
	}
	return text
}

// currentDeadlineText is the deadline that counts now: an unfinished
// stage's names the stage.
func currentDeadlineText(it *app.Item) string {
	for _, st := range it.Stages {
		if st.DoneOn.IsZero() {
			return fmt.Sprintf("%s前（阶段：%s）\n全部完成：%s前", st.Deadline.Chinese(), st.Name, it.Deadline.Chinese())
		}
	}
	return it.Deadline.Chinese() + "前"
}

// feedbackText says how often the unit reports, to whom and how.
func feedbackText(s app.Settings, it *app.Item) string {
	how := "办结后及时报送办理结果"
	switch it.ReportEvery {
	case "每周", "每半月", "每月":
		how = it.ReportEvery + "报送一次办理进展，办结后及时报送办理结果"
	}
	return fmt.Sprintf("请你单位签收后明确责任人，自交办之日起%s，书面材料报%s（%s）。", how, supervisionOffice(s), contactText(s))
}

// overdueText is how far past its deadline the item is on day, or how
// much time it has left.
func overdueText(it *app.Item, day app.Date) string {
	if n := it.OverdueDays(day); n > 0 {
		return fmt.Sprintf("已超过时限%d天", n)
	}
	if n := day.DaysUntil(it.CurrentDeadline()); n > 0 {
		return fmt.Sprintf("距时限还有%d天", n)
	}
	return "今日到期"
}

// progressGap says in the 催办单's words how long the unit has been quiet.
func progressGap(it *app.Item) string {
	if len(it.Progress) == 0 {
		return "交办以来尚未报送办理进展"
	}
	return fmt.Sprintf("最近一次报送进展是%s", it.LastProgressOn().Chinese())
}

func lastProgressText(it *app.Item) string {
	if len(it.Progress) == 0 {
		return "交办以来尚未报送办理进展。"
	}
	p := it.Progress[len(it.Progress)-1]
	return p.Text + "（" + p.On.Chinese() + "报送）"
}

// sentText lists the slips sent before this one.
func sentText(sent []app.SlipSent) string {
	var parts []string
	for _, s := range sent {
		parts = append(parts, s.On.Chinese()+string(s.Kind)+strings.TrimSpace(" "+s.Number))
	}
	if len(parts) == 0 {
		return "无"
	}
	return strings.Join(parts, "；")
}

// remindersText names the 催办单 already sent, for the 督办通知单.
func remindersText(sent []app.SlipSent) string {
	n := 0
	for _, s := range sent {
		if s.Kind == app.SlipReminder {
			n++
		}
	}
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("，经%d次催办仍未按期完成", n)
}

// PrintSlip draws an item's slip, printed as sent or not (app.Desk.
// PrepareSlip). Characters printed as 〓 are reported after the slip is
// recorded, as they are for every form: they do not undo the sending.
func PrintSlip(ctx context.Context, desk *app.Desk, id int64, kind app.SlipKind, sent bool, w io.Writer, f *Fonts, s app.Settings) (Printed, error) {
	var printed Printed
	err := desk.PrepareSlip(ctx, id, kind, sent, func(it *app.Item, sp app.SlipPrint) error {
		var err error
		printed, err = SupervisionSlip(w, f, s, it, sp)
		return err
	})
	return printed, err
}
