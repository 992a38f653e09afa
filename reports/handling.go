package reports

import (
	"fmt"
	"io"
	"strings"

	"gongwen/app"
	"gongwen/typeset"
)

// HandlingSlip prints the 收文处理笺 of an incoming document (DOMAIN.md §6):
// the document's particulars, the 拟办意见 and the leaders' 批示 as
// recorded, the lead unit and time limit, the result and remarks. Boxes
// with nothing recorded are left open, with a signature and date line, to
// be written in by hand.
func HandlingSlip(w io.Writer, f *Fonts, s app.Settings, d *app.Document) (Printed, error) {
	title := orgName(s) + "收文处理笺"
	c := typeset.NewCanvas(f, false, title, orgName(s))
	sh := typeset.NewSheet(c, secrecyMark(d.Secrecy))
	sh.Running = continued(title, "收文编号", d.Serial)
	sh.NewPage()
	sh.Title(title)
	sh.InfoLine("收文编号", d.Serial, "收文日期", d.ReceivedOn.Chinese(), "类别", string(d.Kind))

	g := sh.Grid()
	const lw = 26.0 // label column
	half := (sh.Width() - 2*lw) / 2
	third := (sh.Width() - 3*lw) / 3
	rest := sh.Width() - lw

	docTitle := d.Title
	if d.Attachments != "" {
		docTitle += "\n附件：" + d.Attachments
	}
	rows := []typeset.Row{
		{Cells: []typeset.Cell{label("来文单位", lw), value(d.FromUnit, half), label("来文字号", lw), value(d.DocNo, half)}},
		{Cells: []typeset.Cell{label("密级", lw), value(secrecyText(d.Secrecy), third), label("紧急程度", lw), value(string(d.Urgency), third),
			label("份数", lw), value(countText(d.Copies, "份")+pagesText(d.Pages), third)}},
		{Cells: []typeset.Cell{label("文件标题", lw), value(docTitle, rest)}, MinH: 16},
		{Cells: []typeset.Cell{label("拟办意见", lw), proposalCell(d, rest)}, MinH: 34},
		{Cells: []typeset.Cell{label("领导批示", lw), instructionsCell(d, rest)}, MinH: 70, Stretch: true},
		{Cells: []typeset.Cell{label("承办单位", lw), value(unitsText(d.LeadUnit, d.CoUnits), half), label("办理时限", lw), value(limitText(d), half)}, MinH: 14},
		{Cells: []typeset.Cell{label("办理结果", lw), resultCell(d, rest)}, MinH: 22},
	}
	// a document sent back or passed on says where and why
	switch d.Status {
	case app.StatusReturned:
		rows = append(rows, typeset.Row{Cells: []typeset.Cell{label("退文理由", lw), datedBox(d.ReturnReason, "退文日期：", d.DoneOn, rest)}, MinH: 14})
	case app.StatusTransferred:
		rows = append(rows,
			typeset.Row{Cells: []typeset.Cell{label("转办单位", lw), value(d.TransferTo, half), label("转办日期", lw), value(dateOr(d.DoneOn), half)}},
			typeset.Row{Cells: []typeset.Cell{label("转办理由", lw), box(d.ReturnReason, rest)}, MinH: 14})
	}
	rows = append(rows, typeset.Row{Cells: []typeset.Cell{label("备注", lw), value(d.Remarks, rest)}, MinH: 13})
	g.Fit(c, rows, sh.Bottom-sh.Y, 0.75)
	g.Draw(c, rows, sh.Y, sh.Bottom)
	typeset.NumberFormPages(c, sh)
	return c.Write(w)
}

func unitsText(lead string, co []string) string {
	if lead == "" {
		return ""
	}
	if len(co) == 0 {
		return lead
	}
	return lead + "（牵头）\n协办：" + strings.Join(co, "、")
}

func limitText(d *app.Document) string {
	var parts []string
	if d.LimitWorkdays > 0 {
		parts = append(parts, fmt.Sprintf("%d个工作日", d.LimitWorkdays))
	}
	if !d.DueOn.IsZero() {
		due := d.DueOn.Chinese() + "前"
		if d.DueUncertain {
			due += "（节假日安排未定，请核对）"
		}
		parts = append(parts, due)
	}
	return strings.Join(parts, "，")
}

// proposalCell is the 拟办意见 with who proposed it and when, or room to
// write one.
func proposalCell(d *app.Document, w float64) typeset.Cell {
	if d.Proposal == "" {
		return typeset.Cell{Width: w, Top: true, Footer: signLine}
	}
	who := strings.TrimSpace(d.ProposedBy + "　" + d.ProposedOn.Chinese())
	return typeset.Cell{Width: w, Top: true, Blocks: []typeset.Block{{Text: d.Proposal, Indent: 0}, {Text: who, Align: typeset.AlignRight, Gap: 1}}}
}

func resultCell(d *app.Document, w float64) typeset.Cell {
	if d.Result == "" {
		return typeset.Cell{Width: w, Top: true, Footer: "办结日期：" + blankDate}
	}
	return typeset.Cell{Width: w, Top: true, Blocks: []typeset.Block{{Text: d.Result}, {Text: "办结日期：" + d.DoneOn.Chinese(), Align: typeset.AlignRight, Gap: 1}}}
}

// datedBox is a recorded text with its date at the right.
func datedBox(text, dateLabel string, on app.Date, w float64) typeset.Cell {
	return typeset.Cell{Width: w, Top: true, Blocks: []typeset.Block{{Text: text}, {Text: dateLabel + dateOr(on), Align: typeset.AlignRight, Gap: 1}}}
}
