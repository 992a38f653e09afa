package reports

import (
	"fmt"
	"io"

	"gongwen/app"
	"gongwen/typeset"
	"gongwen/typeset/docx"
)

// The 督查通报 and the 纪要 also go out as Word files, for the leaders who
// change the wording before they sign: the same text as the PDF, in the
// styles of a 公文 (GB/T 9704 page, 3号仿宋 body, 2号小标宋 title, 黑体 and
// 楷体 headings), tables as tables, the charts as pictures. Word sets the
// lines itself, so the pages break where it decides; the 版记 follows the
// text instead of standing at the foot of an even page.

// The fonts by the names Word and WPS know, with the name tried when the
// first is missing: the first and the plain name of typeset's candidates.
var (
	docxFangsong = docx.Font{EastAsia: "仿宋_GB2312", Alt: "仿宋"}
	docxTitle    = docx.Font{EastAsia: "方正小标宋简体", Alt: "小标宋"}
	docxHei      = docx.Font{EastAsia: "黑体", Alt: "SimHei"}
	docxKai      = docx.Font{EastAsia: "楷体_GB2312", Alt: "楷体"}
	docxSong     = docx.Font{EastAsia: "宋体", Alt: "SimSun"}
)

// The paragraph styles of the Word file.
const (
	styleBody     = "Body"
	stylePlain    = "Plain" // on the grid, without indent: the 版头's lines
	styleTitle    = "Title"
	styleMark     = "Mark"
	styleHeading1 = "Heading1"
	styleHeading2 = "Heading2"
	styleHeading3 = "Heading3"
	styleTable    = "TableText"
	styleColophon = "Colophon"
	styleFooter   = "FooterText"
	styleRule     = "Rule" // an empty line of a rule's height that carries a rule across the type area
)

func hexColor(c typeset.Color) string { return fmt.Sprintf("%02X%02X%02X", c.R, c.G, c.B) }

// mmToPt converts the character spacing of typeset's styles.
func mmToPt(mm float64) float64 { return mm / typeset.PtToMM }

// A4 is the paper of every 公文.
const a4W, a4H = 210.0, 297.0

// gbDocx is an empty GB/T 9704 document: A4, the type area of 22 lines
// of 28 characters, the styles, "— N —" at the outside corner in 4号宋体.
func gbDocx(title, author string) *docx.Document {
	indent2 := 2 * typeset.GBCharPitch
	bodySpacing := mmToPt(typeset.GBBody.Spacing)
	body := docx.Style{ID: styleBody, Name: "Normal", Font: docxFangsong, SizePt: typeset.GBBody.Size, Spacing: bodySpacing,
		Align: docx.AlignBoth, FirstLine: indent2, LineMM: typeset.GBPitch}
	heading := func(id, name string, f docx.Font, bold bool, level int) docx.Style {
		st := body
		st.ID, st.Name, st.BasedOn, st.Font, st.Bold, st.KeepNext, st.Heading = id, name, styleBody, f, bold, true, level
		return st
	}
	em := typeset.GBFolioPt * typeset.PtToMM
	folio := func(align docx.Align, left, right float64) []docx.Paragraph {
		return []docx.Paragraph{{Style: styleFooter, Align: align, Left: left, Right: right,
			Runs: []docx.Run{{Text: "— "}, {Page: true}, {Text: " —"}}}}
	}
	return &docx.Document{
		Title: title, Author: author,
		Styles: []docx.Style{
			body,
			{ID: stylePlain, Name: "公文版头", BasedOn: styleBody, Font: docxFangsong, SizePt: typeset.GBBody.Size, Align: docx.AlignCenter, LineMM: typeset.GBPitch},
			{ID: styleTitle, Name: "Title", BasedOn: styleBody, Font: docxTitle, SizePt: typeset.GBTitle.Size, Align: docx.AlignCenter, LineMM: typeset.GBPitch},
			{ID: styleMark, Name: "公文发文机关标志", Font: docxTitle, SizePt: monthlyMarkStyle.Size, Color: hexColor(typeset.Red), Align: docx.AlignCenter, OffGrid: true},
			heading(styleHeading1, "heading 1", docxHei, false, 1),
			heading(styleHeading2, "heading 2", docxKai, false, 2),
			heading(styleHeading3, "heading 3", docxFangsong, true, 3),
			{ID: styleTable, Name: "公文表格", Font: docxFangsong, SizePt: typeset.FormSmall.Size, Align: docx.AlignCenter, OffGrid: true},
			{ID: styleColophon, Name: "公文版记", Font: docxFangsong, SizePt: colophonStyle.Size, LineMM: colophonLineH(), Indent: em, OffGrid: true},
			{ID: styleRule, Name: "公文分隔线", Font: docxFangsong, SizePt: 1, LineMM: 1, OffGrid: true},
			{ID: styleFooter, Name: "footer", Font: docxSong, SizePt: typeset.GBFolioPt, OffGrid: true},
		},
		Page: docx.Page{
			Width: a4W, Height: a4H,
			Top: typeset.GBTop, Left: typeset.GBLeft, Right: a4W - typeset.GBLeft - typeset.GBWidth, Bottom: a4H - typeset.GBBottom,
			// the dashes' middle 7 mm below the type area, as on paper
			FooterMM:  a4H - (typeset.GBBottom + 7 + em/2),
			LinePitch: typeset.GBPitch,
			OddFooter: folio(docx.AlignRight, 0, em), EvenFooter: folio(docx.AlignLeft, em, 0),
		},
	}
}

// docxHead is the 版头 under the mark: a centred line (the 期号 or the
// 纪要's number), then the office and the date over the red rule.
func docxHead(d *docx.Document, number, office string, date string) {
	em := typeset.GBCharPitch
	d.Body = append(d.Body,
		docx.Paragraph{Style: stylePlain, Runs: []docx.Run{{Text: number}}},
		docx.Paragraph{Style: stylePlain, Align: docx.AlignLeft, Left: em, Right: em, RightTab: typeset.GBWidth - 2*em,
			Runs: []docx.Run{{Text: office + "\t" + date}}},
		rule(0.6, typeset.Red),
	)
}

// rule is a rule across the type area, width mm thick: a paragraph's own
// border would stop at its indents.
func rule(width float64, c typeset.Color) docx.Paragraph {
	return docx.Paragraph{Style: styleRule, BorderBelow: &docx.Border{WidthPt: mmToPt(width), Color: hexColor(c)}}
}

func docxTitleLines(d *docx.Document, title string) {
	d.Body = append(d.Body, docx.Paragraph{Style: stylePlain}, docx.Paragraph{Style: styleTitle, Runs: []docx.Run{{Text: title}}}, docx.Paragraph{Style: stylePlain})
}

func docxPara(text string) docx.Paragraph {
	return docx.Paragraph{Style: styleBody, Runs: []docx.Run{{Text: text}}}
}

// segmentRun is a piece of a paragraph in its face: 黑体, 楷体 or bold 仿宋
// for a heading phrase, the body's otherwise.
func segmentRun(sg typeset.Segment) docx.Run {
	r := docx.Run{Text: sg.Text}
	switch {
	case sg.Style.Role == typeset.RoleHeading:
		r.Font = &docxHei
	case sg.Style.Role == typeset.RoleKai:
		r.Font = &docxKai
	case sg.Style == typeset.GBBody.WithBold(true):
		r.Bold = true
	}
	return r
}

// headingStyle is the paragraph style of a heading standing alone.
func headingStyle(st typeset.Style) string {
	switch st.Role {
	case typeset.RoleHeading:
		return styleHeading1
	case typeset.RoleKai:
		return styleHeading2
	}
	return styleHeading3
}

// docxColophon is the 版记 after the text: its lines between rules, thick
// above and below, the office and the date of printing last.
func docxColophon(d *docx.Document, v colophon) {
	const thick, thin = 0.35, 0.25
	d.Body = append(d.Body, docx.Paragraph{Style: stylePlain}, rule(thick, typeset.Black))
	em := colophonStyle.SizeMM()
	for _, l := range v.lines {
		label := l.label + "："
		hang := float64(len([]rune(label))) * em
		d.Body = append(d.Body, docx.Paragraph{Style: styleColophon, Left: em + hang, FirstLine: -hang, Right: em,
			Runs: []docx.Run{{Text: label + l.text}}}, rule(thin, typeset.Black))
	}
	d.Body = append(d.Body, docx.Paragraph{Style: styleColophon, Left: em, Right: em,
		RightTab: typeset.GBWidth - 2*em, Runs: []docx.Run{{Text: v.office + "\t" + dateOr(v.printed) + "印发"}}}, rule(thick, typeset.Black))
}

// docxTable is a ruled table of the columns' titles and widths (0 shares
// what the others leave of the type area) over rows of text; red names
// the columns whose figures are printed in red.
func docxTable(cols []typeset.Column, rows [][]docx.Cell) docx.Table {
	t := docx.Table{HeaderRow: true, Style: styleTable}
	fixed, flexible := 0.0, 0
	for _, c := range cols {
		fixed += c.Width
		if c.Width == 0 {
			flexible++
		}
	}
	var header []docx.Cell
	for _, c := range cols {
		w := c.Width
		if w == 0 {
			w = (typeset.GBWidth - fixed) / float64(flexible)
		}
		t.Widths = append(t.Widths, w)
		align := docx.AlignCenter
		switch c.Align {
		case typeset.AlignLeft:
			align = docx.AlignLeft
		case typeset.AlignRight:
			align = docx.AlignRight
		}
		t.Align = append(t.Align, align)
		header = append(header, docx.Cell{Text: c.Title, Bold: true, Align: docx.AlignCenter})
	}
	t.Rows = append([][]docx.Cell{header}, rows...)
	return t
}

func textCells(texts []string) []docx.Cell {
	cells := make([]docx.Cell, len(texts))
	for i, s := range texts {
		cells[i] = docx.Cell{Text: s}
	}
	return cells
}

// chartPicture draws a chart as on paper and returns it as a picture the
// width of the type area.
func chartPicture(f *Fonts, ch *barChart, name string) (docx.Picture, error) {
	c := typeset.NewCanvas(f, false, "", "")
	typeset.NewGBFlow(c, "")
	n := len(ch.cats)
	ch.draw(c, typeset.GBLeft, typeset.GBTop, typeset.GBWidth, 0, n)
	h := ch.height(n)
	png, err := c.Document().PNG(0, typeset.GBLeft, typeset.GBTop, typeset.GBWidth, h, chartDPI)
	if err != nil {
		return docx.Picture{}, err
	}
	return docx.Picture{PNG: png, Width: typeset.GBWidth, Height: h, Name: name}, nil
}

// chartDPI is sharp on paper and small in the file.
const chartDPI = 200

// MonthlyReportDocx writes the 督查通报 of a month as a Word file with the
// PDF's wording (MonthlyReport).
func MonthlyReportDocx(w io.Writer, f *Fonts, s app.Settings, r app.MonthlyReport) error {
	org, title := monthlyOrg(s, r), monthlyTitle(r)
	d := gbDocx("督查通报 "+title, org)
	d.Body = append(d.Body, docx.Paragraph{Style: styleMark, SpaceBefore: monthlyMarkDrop,
		Runs: []docx.Run{{Text: monthlyMark, Spacing: mmToPt(monthlyMarkStyle.Spacing)}}})
	docxHead(d, issueText(r), org, r.IssuedOn.Chinese())
	docxTitleLines(d, title)

	sections := 0
	heading := func(text string) {
		sections++
		d.Body = append(d.Body, docx.Paragraph{Style: styleHeading1, Runs: []docx.Run{{Text: sectionHeading(sections, text)}}})
	}
	para := func(text string) { d.Body = append(d.Body, docxPara(text)) }

	heading(headingTotals)
	para(totalsText(r))
	if r.Total > 0 {
		var values []docx.Cell
		for i, v := range summaryValues(r) {
			run := docx.Run{Text: v, SizePt: summaryValuePt}
			if i == summaryOverdueCol {
				run.Color = hexColor(typeset.Red)
			}
			values = append(values, docx.Cell{Runs: []docx.Run{run}})
		}
		d.Body = append(d.Body, docxTable(summaryColumnsOf(r), [][]docx.Cell{values}))
		for _, sec := range []struct {
			heading, intro string
			chart          *barChart
		}{{headingUnits, unitsIntro, unitsChart(r)}, {headingSources, "", sourcesChart(r)}} {
			heading(sec.heading)
			if sec.intro != "" {
				para(sec.intro)
			}
			pic, err := chartPicture(f, sec.chart, sec.heading)
			if err != nil {
				return err
			}
			d.Body = append(d.Body, pic)
			if sec.heading == headingUnits {
				para(unitTableIntro)
				var rows [][]docx.Cell
				for i, u := range r.RankedUnits() {
					rows = append(rows, textCells(unitCells(i, u)))
				}
				d.Body = append(d.Body, docxTable(unitColumns, rows))
				if honour := honourText(r, s.MonthlyHonourN); honour != "" {
					para(honour)
				}
			}
		}

		heading(headingOverdue)
		if len(r.OverdueRows) == 0 {
			para(noOverdue)
		} else {
			para(overdueSentence(r.OverdueRows))
			var rows [][]docx.Cell
			for i, row := range r.OverdueRows {
				rows = append(rows, textCells(overdueCells(i, row, r)))
			}
			d.Body = append(d.Body, docxTable(overdueColumns, rows))
		}

		listed := listedRows(r)
		heading(headingList)
		if earlier := len(r.Rows) - len(listed); earlier > 0 {
			para(earlierText(earlier))
		}
		var legend []docx.Run
		for i, col := range legendColours {
			if i > 0 {
				legend = append(legend, docx.Run{Text: "　"})
			}
			legend = append(legend, colourDot(col), docx.Run{Text: colourName(col)})
		}
		d.Body = append(d.Body, docx.Paragraph{Style: styleTable, Align: docx.AlignLeft, Left: 2 * typeset.GBCharPitch, Runs: legend})
		var rows [][]docx.Cell
		for i, row := range listed {
			cells := textCells(listCells(i, row, r))
			cells[1].Runs = []docx.Run{colourDot(row.Colour), {Text: cells[1].Text}}
			rows = append(rows, cells)
		}
		d.Body = append(d.Body, docxTable(listColumns, rows))
	}
	if reqs := requirementParas(r); len(reqs) > 0 {
		heading(headingRequirements)
		for _, p := range reqs {
			para(p)
		}
	}
	docxColophon(d, monthlyColophon(org, r))
	return d.Write(w)
}

// colourDot is the mark of a 预警 colour: a disc in the colour, a ring for
// the done items' white.
func colourDot(c app.Colour) docx.Run {
	if c == app.ColourDone {
		return docx.Run{Text: "○"}
	}
	return docx.Run{Text: "●", Color: hexColor(colourOf(c))}
}

// MinutesDocx writes the 会议纪要 as a Word file with the PDF's wording
// (Minutes).
func MinutesDocx(w io.Writer, f *Fonts, s app.Settings, m *app.Meeting) error {
	mark := minutesMark(s, m)
	d := gbDocx(mark+m.Minutes.NumberText(), orgName(s))
	markSt := minutesMarkStyle(typeset.NewCanvas(f, false, "", ""), mark)
	d.Body = append(d.Body, docx.Paragraph{Style: styleMark, SpaceBefore: minutesMarkDrop,
		Runs: []docx.Run{{Text: mark, SizePt: markSt.Size}}}, docx.Paragraph{Style: stylePlain})
	docxHead(d, minutesNumber(m), orgName(s), dateOr(m.Minutes.IssuedOn))
	// the text starts half a line below the red rule, as on paper, or
	// under the title
	space := typeset.GBPitch / 2
	if t := minutesTitle(m, mark); t != "" {
		docxTitleLines(d, t)
		space = 0
	}
	for i, para := range minutesParas(m) {
		segs, alone := headingSegments(para)
		p := docx.Paragraph{Style: styleBody}
		if i == 0 {
			p.SpaceBefore = space
		}
		if alone {
			p.Style = headingStyle(segs[0].Style)
			p.Runs = []docx.Run{{Text: segs[0].Text}}
		} else {
			for _, sg := range segs {
				p.Runs = append(p.Runs, segmentRun(sg))
			}
		}
		d.Body = append(d.Body, p)
	}
	if lists := minutesLists(m); len(lists) > 0 {
		d.Body = append(d.Body, docx.Paragraph{Style: styleBody})
		for _, l := range lists {
			segs, _ := nameList(l.label, l.names)
			// two characters in, the names aligned after the colon
			hang := float64(len([]rune(l.label))+1) * typeset.GBCharPitch
			p := docx.Paragraph{Style: styleBody, Align: docx.AlignLeft, Left: 2*typeset.GBCharPitch + hang, FirstLine: -hang}
			for _, sg := range segs {
				p.Runs = append(p.Runs, segmentRun(sg))
			}
			d.Body = append(d.Body, p)
		}
	}
	docxColophon(d, minutesColophon(s, m))
	return d.Write(w)
}
