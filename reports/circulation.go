package reports

import (
	"fmt"
	"io"
	"slices"

	"gongwen/app"
	"gongwen/typeset"
)

// CirculationSlip prints the 公文传阅单: the document's particulars, then
// one row per reader (序号, 传阅人, 送阅时间, 退回时间, 签名/意见). The rows are
// the document's recorded circulation, or, when nothing is recorded yet,
// readers in the suggested order with the times left to fill in. Two empty
// rows follow for readers added by hand.
func CirculationSlip(w io.Writer, f *Fonts, s app.Settings, d *app.Document, readers []string) (Printed, error) {
	title := orgName(s) + "公文传阅单"
	c := typeset.NewCanvas(f, false, title, orgName(s))
	sh := typeset.NewSheet(c, secrecyMark(d.Secrecy))
	sh.Running = continued(title, "收文编号", d.Serial)
	sh.NewPage()
	sh.Title(title)
	sh.InfoLine("收文编号", d.Serial, "收文日期", d.ReceivedOn.Chinese())

	const lw = 26.0
	half := (sh.Width() - 2*lw) / 2
	third := (sh.Width() - 3*lw) / 3
	rest := sh.Width() - lw
	info := []typeset.Row{
		{Cells: []typeset.Cell{label("来文单位", lw), value(d.FromUnit, half), label("来文字号", lw), value(d.DocNo, half)}},
		{Cells: []typeset.Cell{label("文件标题", lw), value(d.Title, rest)}, MinH: 14},
		{Cells: []typeset.Cell{label("密级", lw), value(secrecyText(d.Secrecy), third), label("紧急程度", lw), value(string(d.Urgency), third),
			label("份数", lw), value(countText(d.Copies, "份")+pagesText(d.Pages), third)}},
	}
	if d.Proposal != "" {
		info = append(info, typeset.Row{Cells: []typeset.Cell{label("拟办意见", lw), box(d.Proposal, rest)}})
	}
	if len(d.Instructions) > 0 {
		info = append(info, typeset.Row{Cells: []typeset.Cell{label("领导批示", lw), instructionsCell(d, rest)}})
	}
	// the readers
	cols := []float64{14, 30, 30, 30, sh.Width() - 104}
	g := sh.Grid()
	g.MinRow = 15
	head := typeset.Row{Cells: []typeset.Cell{header("序号", cols[0]), header("传阅人", cols[1]), header("送阅时间", cols[2]), header("退回时间", cols[3]), header("签名/意见", cols[4])}}
	g.Header = &head
	var rows []typeset.Row
	circ := slices.Clone(d.Circulations)
	slices.SortStableFunc(circ, func(a, b app.Circulation) int { return a.Seq - b.Seq })
	if len(circ) == 0 {
		for i, r := range readers {
			circ = append(circ, app.Circulation{Seq: i + 1, Reader: r})
		}
	}
	year := d.ReceivedOn.Year
	for i, cr := range circ {
		rows = append(rows, typeset.Row{Cells: []typeset.Cell{
			{Text: fmt.Sprint(i + 1), Width: cols[0], Align: typeset.AlignCenter},
			{Text: cr.Reader, Width: cols[1], Align: typeset.AlignCenter},
			{Text: shortDate(cr.SentOn, year), Width: cols[2], Align: typeset.AlignCenter},
			{Text: shortDate(cr.ReturnedOn, year), Width: cols[3], Align: typeset.AlignCenter},
			{Text: cr.Comment, Width: cols[4]},
		}})
	}
	for i := 0; i < 2; i++ {
		rows = append(rows, typeset.Row{Cells: []typeset.Cell{
			{Text: fmt.Sprint(len(circ) + i + 1), Width: cols[0], Align: typeset.AlignCenter},
			{Width: cols[1]}, {Text: shortDate(app.Date{}, year), Width: cols[2], Align: typeset.AlignCenter},
			{Text: shortDate(app.Date{}, year), Width: cols[3], Align: typeset.AlignCenter}, {Width: cols[4]},
		}})
	}
	// The slip should stay one sheet: the particulars give way to the
	// readers' rows.
	readersH := g.Height(c, rows)
	ig := sh.Grid()
	ig.Fit(c, info, sh.Bottom-8-sh.Y-6-readersH, 0.75)
	y := ig.Draw(c, info, sh.Y, sh.Bottom) + 6
	y = g.Draw(c, rows, y, sh.Bottom-8)
	c.Text(sh.Left, y+2, typeset.FormSmall, "注：请按顺序传阅，阅后签名并注明意见和退回时间，及时退回。")
	typeset.NumberFormPages(c, sh)
	return c.Write(w)
}

// shortDate is 1月6日 within the document's year, else the full date, or
// a blank to fill in.
func shortDate(d app.Date, year int) string {
	switch {
	case d.IsZero():
		return "　月　日"
	case d.Year == year:
		return fmt.Sprintf("%d月%d日", int(d.Month), d.Day)
	}
	return d.Chinese()
}
