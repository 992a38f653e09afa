package reports

import (
	"fmt"
	"io"
	"math"
	"regexp"
	"strings"
	"unicode/utf8"

	"gongwen/app"
	"gongwen/textbreak"
	"gongwen/typeset"
)

// Minutes prints the 会议纪要 of a meeting in the layout of GB/T 9704-2012
// §10.3: the red mark (示例区人民政府常务会议纪要) 35 mm below the top of the
// type area, the number, the issuing office and date over a red rule; the
// body on the 22×28 grid with its headings (一、黑体, （一）楷体, 1. 仿宋 bold);
// the 出席, 请假 and 列席 lists; the colophon (分送, 印发) at the foot of the
// last page; "— N —" page numbers at the outside corners.
func Minutes(w io.Writer, f *Fonts, s app.Settings, m *app.Meeting) (Printed, error) {
	mark := minutesMark(s, m)
	build := func(push map[int]bool) (*typeset.Canvas, *typeset.GBFlow) {
		c := typeset.NewCanvas(f, false, mark+m.Minutes.NumberText(), orgName(s))
		fl := typeset.NewGBFlow(c, "")
		fl.Push = push
		minutesText(c, fl, s, m, mark)
		return c, fl
	}
	c := layoutGB(build, minutesColophon(s, m))
	return c.Write(w)
}

// The parts of the 纪要, shared by the PDF and the Word file.

func minutesColophon(s app.Settings, m *app.Meeting) colophon {
	return newColophon(orgName(s), m.Minutes.IssuedOn, colophonLine{"分送", m.Minutes.CopyTo})
}

// minutesMarkDrop is how far below the top of the type area the red mark
// of minutes stands (GB/T 9704 §10.3.1).
const minutesMarkDrop = 35

// minutesMarkStyle is the red mark as large as 小初 (36 pt) allows on one
// line.
func minutesMarkStyle(c *typeset.Canvas, mark string) typeset.Style {
	markSt := typeset.Style{Role: RoleTitle, Size: 36, Color: typeset.Red}
	if wd := c.Width(markSt, mark); wd > typeset.GBWidth {
		markSt.Size = math.Floor(36*typeset.GBWidth/wd*10) / 10
	}
	return markSt
}

// minutesTitle is the title under the 版头, "" when the minutes have none
// of their own (the mark or the meeting's name says it).
func minutesTitle(m *app.Meeting, mark string) string {
	if t := m.Minutes.Title; t != "" && t != mark && t != m.Name()+"纪要" {
		return t
	}
	return ""
}

// minutesParas are the paragraphs of the body: as written, or the draft
// made from the meeting's topics.
func minutesParas(m *app.Meeting) []string {
	body := m.Minutes.Body
	if strings.TrimSpace(body) == "" {
		body = m.DraftMinutes()
	}
	var out []string
	for _, para := range strings.Split(body, "\n") {
		if para = strings.TrimSpace(para); para != "" {
			out = append(out, para)
		}
	}
	return out
}

// nameListLine is a list of names under the body: 出席, 请假 or 列席.
type nameListLine struct {
	label string
	names []string
}

// minutesLists are the 出席, 请假 and 列席 lists that have names.
func minutesLists(m *app.Meeting) []nameListLine {
	var absent []string
	for _, a := range m.Absentees {
		absent = append(absent, absenteeText(a))
	}
	var lists []nameListLine
	for _, l := range []nameListLine{{"出席", m.Attendees}, {"请假", absent}, {"列席", m.Observers}} {
		if len(l.names) > 0 {
			lists = append(lists, l)
		}
	}
	return lists
}

func minutesText(c *typeset.Canvas, fl *typeset.GBFlow, s app.Settings, m *app.Meeting, mark string) {
	// 版头
	markSt := minutesMarkStyle(c, mark)
	const markTop = typeset.GBTop + minutesMarkDrop
	c.TextIn(typeset.GBLeft, typeset.GBWidth, markTop, markSt, mark, typeset.AlignCenter)
	fl.SkipTo(markTop + markSt.SizeMM() + typeset.GBPitch)
	plain := typeset.GBBody.WithSpacing(0)
	c.TextIn(typeset.GBLeft, typeset.GBWidth, fl.Next(), plain, minutesNumber(m), typeset.AlignCenter)
	y := fl.Next()
	c.Text(typeset.GBLeft+typeset.GBCharPitch, y, plain, orgName(s))
	c.TextIn(typeset.GBLeft, typeset.GBWidth-typeset.GBCharPitch, y, plain, dateOr(m.Minutes.IssuedOn), typeset.AlignRight)
	rule := y + plain.SizeMM() + 4
	c.Line(typeset.GBLeft, rule, typeset.GBLeft+typeset.GBWidth, rule, 0.6, typeset.Red)
	fl.SkipTo(rule + 0.5*typeset.GBPitch)

	if t := minutesTitle(m, mark); t != "" {
		fl.Blank()
		for _, ln := range c.Wrap(typeset.GBTitle, t, typeset.GBWidth, 0) {
			c.TextIn(typeset.GBLeft, typeset.GBWidth, fl.Next(), typeset.GBTitle, ln, typeset.AlignCenter)
		}
		fl.Blank()
	}

	for _, para := range minutesParas(m) {
		if segs, alone := headingSegments(para); alone {
			fl.Heading(segs, 2)
		} else {
			fl.Paragraph(segs, 2, 0)
		}
	}

	// 出席, 请假, 列席, on one page: two characters in, the label in 黑体,
	// the names in 仿宋 aligned after the colon when they wrap, a name
	// never broken.
	lists := minutesLists(m)
	if len(lists) == 0 {
		return
	}
	laid := make([][][]typeset.Segment, len(lists))
	lines := 1
	for i, l := range lists {
		hang := 2 + len([]rune(l.label)) + 1
		segs, keep := nameList(l.label, l.names)
		laid[i] = fl.LayoutKept(segs, typeset.GBWidth-float64(hang)*typeset.GBCharPitch, float64(2-hang)*typeset.GBCharPitch, keep)
		lines += len(laid[i])
	}
	fl.KeepTogether(lines, func() {
		fl.Blank()
		for i, l := range lists {
			fl.SetLines(laid[i], 2, 2+len([]rune(l.label))+1)
		}
	})
}

// nameList is "label：name、name…" with, for each character, whether it
// joins the one before it: a name (with its post, 区财政局局长 司马青) or
// a reason for absence is never broken; a line breaks after 、 or before
// （.
func nameList(label string, names []string) ([]typeset.Segment, []bool) {
	text := strings.Join(names, "、")
	keep := append(make([]bool, len([]rune(label))+1), textbreak.NameJoins(text)...)
	return []typeset.Segment{{Style: typeset.GBHeading, Text: label + "："}, {Style: typeset.GBBody, Text: text}}, keep
}

// minutesMark is the red mark: the district government and the kind of
// meeting, e.g. 示例区人民政府常务会议纪要; the office's own meetings carry
// the office's name.
func minutesMark(s app.Settings, m *app.Meeting) string {
	if m.Kind == app.MeetingDirectors {
		return orgName(s) + m.Kind.Short() + "纪要"
	}
	kind := m.Kind.Short()
	if kind == "" {
		kind = "会议"
	}
	return districtGov(s) + kind + "纪要"
}

func minutesNumber(m *app.Meeting) string {
	if n := m.Minutes.NumberText(); n != "" {
		return n
	}
	if m.Minutes.Draft() { // read and signed before it is issued: no number yet
		return "（送审稿）"
	}
	year := m.Minutes.Year
	if year == 0 {
		year = m.Date.Year
	}
	return fmt.Sprintf("〔%d〕　　号", year)
}

func absenteeText(a app.Absentee) string {
	if a.Reason != "" {
		return a.Name + "（" + a.Reason + "）"
	}
	return a.Name
}

// Heading levels of GB/T 9704 §7.3.3 at the start of a paragraph.
var headingLevels = []struct {
	re *regexp.Regexp
	st typeset.Style
}{
	{regexp.MustCompile(`^[一二三四五六七八九十]+、`), typeset.GBHeading},
	{regexp.MustCompile(`^（[一二三四五六七八九十]+）`), typeset.GBKai},
	{regexp.MustCompile(`^[0-9０-９]+[.．]`), typeset.GBBody.WithBold(true)},
}

// headingSegments splits a paragraph that starts with a heading number
// into the part set in the level's face and the body text after it. Only
// the heading phrase takes the face (GB/T 9704 §7.3.3): the paragraph up
// to its first 。 when that fits on the first line, or the whole of a
// heading standing alone (no sentence in it, at most two lines); a
// numbered paragraph without a heading phrase has only its number in the
// face. alone reports a heading standing alone, which stays with the
// paragraph after it.
func headingSegments(para string) (segs []typeset.Segment, alone bool) {
	for _, lv := range headingLevels {
		num := lv.re.FindString(para)
		if num == "" {
			continue
		}
		n := utf8.RuneCountInString
		if i := strings.Index(para, "。"); i >= 0 {
			phrase := para[:i+len("。")]
			switch {
			case 2+n(phrase) > typeset.GBChars:
			case phrase == para:
				return []typeset.Segment{{Style: lv.st, Text: para}}, true
			default:
				return []typeset.Segment{{Style: lv.st, Text: phrase}, {Style: typeset.GBBody, Text: para[len(phrase):]}}, false
			}
		} else if !strings.ContainsAny(para, "，；：") && 2+n(para) <= 2*typeset.GBChars {
			return []typeset.Segment{{Style: lv.st, Text: para}}, true
		}
		return []typeset.Segment{{Style: lv.st, Text: num}, {Style: typeset.GBBody, Text: para[len(num):]}}, false
	}
	return []typeset.Segment{{Style: typeset.GBBody, Text: para}}, false
}

// colophon is the 版记: lines such as 分送：…, or 报：… and 送：…, then
// the issuing office and the date of printing, between rules.
type colophon struct {
	lines   []colophonLine
	office  string
	printed app.Date
}

type colophonLine struct{ label, text string }

// newColophon leaves out the lines without text and ends each with 。,
// as GB/T 9704 ends the 抄送 line.
func newColophon(office string, printed app.Date, lines ...colophonLine) colophon {
	v := colophon{office: office, printed: printed}
	for _, l := range lines {
		if l.text = strings.TrimSpace(l.text); l.text != "" {
			if !strings.HasSuffix(l.text, "。") {
				l.text += "。"
			}
			v.lines = append(v.lines, l)
		}
	}
	return v
}

var colophonStyle = typeset.Style{Role: RoleBody, Size: typeset.GBFolioPt, Color: typeset.Black}

// wrapped is each line's text wrapped one character in from both edges,
// later lines aligned after the colon.
func (v colophon) wrapped(c *typeset.Canvas) [][][]typeset.Segment {
	em := colophonStyle.SizeMM()
	var out [][][]typeset.Segment
	for _, l := range v.lines {
		colon := c.Width(colophonStyle, l.label+"：")
		lf := &typeset.GBFlow{Canvas: c}
		out = append(out, lf.LayoutSegments([]typeset.Segment{{Style: colophonStyle, Text: l.label + "：" + l.text}}, typeset.GBWidth-2*em-colon, -colon))
	}
	return out
}

func colophonLineH() float64 { return colophonStyle.SizeMM() * 1.45 }

// height is the room the 版记 takes at the foot of the type area.
func (v colophon) height(c *typeset.Canvas) float64 {
	n := 1
	for _, e := range v.wrapped(c) {
		n += len(e)
	}
	return float64(n)*colophonLineH() + 3
}

// draw sets the 版记 at the foot of the current page, its last rule on
// the type area's last line: thick first and last rules, thin ones
// between its parts.
func (v colophon) draw(c *typeset.Canvas) {
	st, em, lineH := colophonStyle, colophonStyle.SizeMM(), colophonLineH()
	y := typeset.GBBottom - v.height(c)
	c.Line(typeset.GBLeft, y, typeset.GBLeft+typeset.GBWidth, y, 0.35, typeset.Black)
	y += 1.5
	for i, e := range v.wrapped(c) {
		if i > 0 {
			c.Line(typeset.GBLeft, y, typeset.GBLeft+typeset.GBWidth, y, 0.25, typeset.Black)
		}
		colon := c.Width(st, v.lines[i].label+"：")
		for j, ln := range e {
			x := typeset.GBLeft + em
			if j > 0 {
				x += colon
			}
			for _, sg := range ln {
				x += c.Text(x, y+(lineH-em)/2, sg.Style, sg.Text)
			}
			y += lineH
		}
		c.Line(typeset.GBLeft, y, typeset.GBLeft+typeset.GBWidth, y, 0.25, typeset.Black)
	}
	c.Text(typeset.GBLeft+em, y+(lineH-em)/2, st, v.office)
	c.TextIn(typeset.GBLeft, typeset.GBWidth-em, y+(lineH-em)/2, st, dateOr(v.printed)+"印发", typeset.AlignRight)
	y += lineH + 1.5
	c.Line(typeset.GBLeft, y, typeset.GBLeft+typeset.GBWidth, y, 0.35, typeset.Black)
}

// layoutGB lays out a GB/T 9704 document (build sets its text, starting a
// page at each line of push) and puts its 版记 at the foot of the last
// even page: in double-sided printing it is on the back of the last
// sheet. When the text ends on an odd page, its last lines move over to
// the next so that the 版记 has text above it (lines from the page before
// too, when all of the last page's text must stay together), but only
// while every page they leave stays at least minFill full: rather than
// pages half empty, the text ends where it ends and the 版记 takes an even
// page of its own. When the text fills an even page, a blank page and a
// page for the 版记 follow, and neither is numbered (GB/T 9704-2012 §7.5).
func layoutGB(build func(push map[int]bool) (*typeset.Canvas, *typeset.GBFlow), v colophon) *typeset.Canvas {
	push := map[int]bool{}
	c, fl := build(push)
	h := v.height(c)
	fits := func(fl *typeset.GBFlow) bool { return fl.AtTop() || fl.UsedBottom()+3 <= typeset.GBBottom-h }
	finish := func(c *typeset.Canvas, numbered int) *typeset.Canvas {
		v.draw(c)
		typeset.NumberGBPages(c, numbered)
		return c
	}
	if len(c.Pages)%2 == 1 {
		// move the last lines over, from the page before when the last
		// page's text cannot be cut; give up after a few tries, or as soon
		// as a page would be left too empty
		tried := map[int]bool{}
		for try := 0; try < 4; try++ {
			k := fl.PushPoint(len(c.Pages) - 1)
			if k < 0 && len(c.Pages) > 1 {
				k = fl.PushPoint(len(c.Pages) - 2)
			}
			if k < 0 || tried[k] {
				break
			}
			tried[k], push[k] = true, true
			c2, fl2 := build(push)
			if !fl2.PushesFilled(minFill) {
				break
			}
			if len(c2.Pages)%2 == 0 && fits(fl2) {
				return finish(c2, len(c2.Pages))
			}
			if len(c2.Pages) != len(c.Pages) {
				break
			}
			c, fl = c2, fl2
		}
		c, fl = build(map[int]bool{})
		fl.NewPage()
		return finish(c, len(c.Pages))
	}
	if fits(fl) {
		return finish(c, len(c.Pages))
	}
	n := len(c.Pages)
	fl.NewPage()
	fl.NewPage()
	return finish(c, n)
}

// minFill is how full (of the type area's height) a page must stay when
// lines are moved off it to bring the 版记 onto an even page.
const minFill = 2.0 / 3
