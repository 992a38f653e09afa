package reports

import (
	"fmt"
	"io"
	"slices"

	"gongwen/app"
)

// CirculationSlip prints the 公文传阅单: the document's particulars, then
// one row per reader (序号, 传阅人, 送阅时间, 退回时间, 签名/意见). The rows are
// the document's recorded circulation, or, when nothing is recorded yet,
// readers in the suggested order with the times left to fill in. Two empty
// rows follow for readers added by hand.
func CirculationSlip(w io.Writer, f *Fonts, s app.Settings, d *app.Document, readers []string) error {
	title := orgName(s) + "公文传阅单"
	c := newCanvas(f, false, title, orgName(s))
	sh := newSheet(c, d.Secrecy)
	sh.running = continued(title, "收文编号", d.Serial)
	sh.newPage()
	sh.title(title)
	sh.infoLine("收文编号", d.Serial, "收文日期", d.ReceivedOn.Chinese())

	const lw = 26.0
	half := (sh.width() - 2*lw) / 2
	third := (sh.width() - 3*lw) / 3
	rest := sh.width() - lw
	info := []row{
		{cells: []cell{label("来文单位", lw), value(d.FromUnit, half), label("来文字号", lw), value(d.DocNo, half)}},
		{cells: []cell{label("文件标题", lw), value(d.Title, rest)}, minH: 14},
		{cells: []cell{label("密级", lw), value(secrecyText(d.Secrecy), third), label("紧急程度", lw), value(string(d.Urgency), third),
			label("份数", lw), value(countText(d.Copies, "份")+pagesText(d.Pages), third)}},
	}
	if d.Proposal != "" {
		info = append(info, row{cells: []cell{label("拟办意见", lw), box(d.Proposal, rest)}})
	}
	if len(d.Instructions) > 0 {
		info = append(info, row{cells: []cell{label("领导批示", lw), instructionsCell(d, rest)}})
	}
	// the readers
	cols := []float64{14, 30, 30, 30, sh.width() - 104}
	g := sh.grid()
	g.minRow = 15
	head := row{cells: []cell{header("序号", cols[0]), header("传阅人", cols[1]), header("送阅时间", cols[2]), header("退回时间", cols[3]), header("签名/意见", cols[4])}}
	g.header = &head
	var rows []row
	circ := slices.Clone(d.Circulations)
	slices.SortStableFunc(circ, func(a, b app.Circulation) int { return a.Seq - b.Seq })
	if len(circ) == 0 {
		for i, r := range readers {
			circ = append(circ, app.Circulation{Seq: i + 1, Reader: r})
		}
	}
	year := d.ReceivedOn.Year
	for i, cr := range circ {
		rows = append(rows, row{cells: []cell{
			{text: fmt.Sprint(i + 1), width: cols[0], align: alignCenter},
			{text: cr.Reader, width: cols[1], align: alignCenter},
			{text: shortDate(cr.SentOn, year), width: cols[2], align: alignCenter},
			{text: shortDate(cr.ReturnedOn, year), width: cols[3], align: alignCenter},
			{text: cr.Comment, width: cols[4]},
		}})
	}
	for i := 0; i < 2; i++ {
		rows = append(rows, row{cells: []cell{
			{text: fmt.Sprint(len(circ) + i + 1), width: cols[0], align: alignCenter},
			{width: cols[1]}, {text: shortDate(app.Date{}, year), width: cols[2], align: alignCenter},
			{text: shortDate(app.Date{}, year), width: cols[3], align: alignCenter}, {width: cols[4]},
		}})
	}
	// The slip should stay one sheet: the particulars give way to the
	// readers' rows.
	readersH := g.height(c, rows)
	ig := sh.grid()
	ig.fit(c, info, sh.bottom-8-sh.y-6-readersH, 0.75)
	y := ig.draw(c, info, sh.y, sh.bottom) + 6
	y = g.draw(c, rows, y, sh.bottom-8)
	c.text(sh.left, y+2, formSmall, "注：请按顺序传阅，阅后签名并注明意见和退回时间，及时退回。")
	numberFormPages(c, sh)
	return c.write(w)
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
