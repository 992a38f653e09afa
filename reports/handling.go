package reports

import (
	"fmt"
	"io"
	"strings"

	"gongwen/app"
)

// HandlingSlip prints the 收文处理笺 of an incoming document (DOMAIN.md §6):
// the document's particulars, the 拟办意见 and the leaders' 批示 as
// recorded, the lead unit and time limit, the result and remarks. Boxes
// with nothing recorded are left open, with a signature and date line, to
// be written in by hand.
func HandlingSlip(w io.Writer, f *Fonts, s app.Settings, d *app.Document) error {
	title := orgName(s) + "收文处理笺"
	c := newCanvas(f, false, title, orgName(s))
	sh := newSheet(c, d.Secrecy)
	sh.running = continued(title, "收文编号", d.Serial)
	sh.newPage()
	sh.title(title)
	sh.infoLine("收文编号", d.Serial, "收文日期", d.ReceivedOn.Chinese(), "类别", string(d.Kind))

	g := sh.grid()
	const lw = 26.0 // label column
	half := (sh.width() - 2*lw) / 2
	third := (sh.width() - 3*lw) / 3
	rest := sh.width() - lw

	docTitle := d.Title
	if d.Attachments != "" {
		docTitle += "\n附件：" + d.Attachments
	}
	rows := []row{
		{cells: []cell{label("来文单位", lw), value(d.FromUnit, half), label("来文字号", lw), value(d.DocNo, half)}},
		{cells: []cell{label("密级", lw), value(secrecyText(d.Secrecy), third), label("紧急程度", lw), value(string(d.Urgency), third),
			label("份数", lw), value(countText(d.Copies, "份")+pagesText(d.Pages), third)}},
		{cells: []cell{label("文件标题", lw), value(docTitle, rest)}, minH: 16},
		{cells: []cell{label("拟办意见", lw), proposalCell(d, rest)}, minH: 34},
		{cells: []cell{label("领导批示", lw), instructionsCell(d, rest)}, minH: 70, stretch: true},
		{cells: []cell{label("承办单位", lw), value(unitsText(d.LeadUnit, d.CoUnits), half), label("办理时限", lw), value(limitText(d), half)}, minH: 14},
		{cells: []cell{label("办理结果", lw), resultCell(d, rest)}, minH: 22},
	}
	// a document sent back or passed on says where and why
	switch d.Status {
	case app.StatusReturned:
		rows = append(rows, row{cells: []cell{label("退文理由", lw), datedBox(d.ReturnReason, "退文日期：", d.DoneOn, rest)}, minH: 14})
	case app.StatusTransferred:
		rows = append(rows,
			row{cells: []cell{label("转办单位", lw), value(d.TransferTo, half), label("转办日期", lw), value(dateOr(d.DoneOn), half)}},
			row{cells: []cell{label("转办理由", lw), box(d.ReturnReason, rest)}, minH: 14})
	}
	rows = append(rows, row{cells: []cell{label("备注", lw), value(d.Remarks, rest)}, minH: 13})
	g.fit(c, rows, sh.bottom-sh.y, 0.75)
	g.draw(c, rows, sh.y, sh.bottom)
	numberFormPages(c, sh)
	return c.write(w)
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
func proposalCell(d *app.Document, w float64) cell {
	if d.Proposal == "" {
		return cell{width: w, top: true, footer: signLine}
	}
	who := strings.TrimSpace(d.ProposedBy + "　" + d.ProposedOn.Chinese())
	return cell{width: w, top: true, blocks: []block{{text: d.Proposal, indent: 0}, {text: who, align: alignRight, gap: 1}}}
}

func resultCell(d *app.Document, w float64) cell {
	if d.Result == "" {
		return cell{width: w, top: true, footer: "办结日期：" + blankDate}
	}
	return cell{width: w, top: true, blocks: []block{{text: d.Result}, {text: "办结日期：" + d.DoneOn.Chinese(), align: alignRight, gap: 1}}}
}

// datedBox is a recorded text with its date at the right.
func datedBox(text, dateLabel string, on app.Date, w float64) cell {
	return cell{width: w, top: true, blocks: []block{{text: text}, {text: dateLabel + dateOr(on), align: alignRight, gap: 1}}}
}
