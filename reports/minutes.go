package reports

import (
	"fmt"
	"io"
	"math"
	"regexp"
	"strings"

	"gongwen/app"
)

// Minutes prints the 会议纪要 of a meeting in the layout of GB/T 9704-2012
// §10.3: the red mark (示例区人民政府常务会议纪要) 35 mm below the top of the
// type area, the number, the issuing office and date over a red rule; the
// body on the 22×28 grid with its headings (一、黑体, （一）楷体, 1. 仿宋 bold);
// the 出席, 请假 and 列席 lists; the colophon (分送, 印发) at the foot of the
// last page; "— N —" page numbers at the outside corners.
func Minutes(w io.Writer, f *Fonts, s app.Settings, m *app.Meeting) error {
	mark := minutesMark(s, m)
	c := newCanvas(f, false, mark+m.Minutes.NumberText(), orgName(s))
	fl := newGBFlow(c, app.SecrecyNone)

	// 版头: the mark as large as 小初 (36 pt) allows on one line
	markSt := style{role: RoleTitle, size: 36, color: red}
	if wd := c.width(markSt, mark); wd > gbWidth {
		markSt.size = math.Floor(36*gbWidth/wd*10) / 10
	}
	const markTop = gbTop + 35
	c.textIn(gbLeft, gbWidth, markTop, markSt, mark, alignCenter)
	fl.skipTo(markTop + markSt.sizeMM() + gbPitch)
	plain := gbBody.withSpacing(0)
	c.textIn(gbLeft, gbWidth, fl.next(), plain, minutesNumber(m), alignCenter)
	y := fl.next()
	c.text(gbLeft+gbCharPitch, y, plain, orgName(s))
	issued := m.Minutes.IssuedOn
	c.textIn(gbLeft, gbWidth-gbCharPitch, y, plain, dateOr(issued), alignRight)
	rule := y + plain.sizeMM() + 4
	c.line(gbLeft, rule, gbLeft+gbWidth, rule, 0.6, red)
	fl.skipTo(rule + 0.5*gbPitch)

	if t := m.Minutes.Title; t != "" && t != mark && t != m.Name()+"纪要" {
		fl.blank()
		for _, ln := range c.wrap(gbTitle, t, gbWidth, 0) {
			c.textIn(gbLeft, gbWidth, fl.next(), gbTitle, ln, alignCenter)
		}
		fl.blank()
	}

	body := m.Minutes.Body
	if strings.TrimSpace(body) == "" {
		body = minutesFromDecisions(m)
	}
	for _, para := range strings.Split(body, "\n") {
		if para = strings.TrimSpace(para); para != "" {
			fl.paragraph(headingSegments(para), 2, 0)
		}
	}

	// 出席, 请假, 列席: two characters in, the label in 黑体, the names in
	// 仿宋 aligned after the colon when they wrap.
	lists := []struct{ label, names string }{
		{"出席", strings.Join(m.Attendees, "、")},
		{"请假", absenteesText(m.Absentees)},
		{"列席", strings.Join(m.Observers, "、")},
	}
	first := true
	for _, l := range lists {
		if l.names == "" {
			continue
		}
		if first {
			fl.blank()
			first = false
		}
		fl.paragraph([]segment{{gbHeading, l.label + "："}, {gbBody, l.names}}, 2, 2+len([]rune(l.label))+1)
	}

	colophon(c, fl, orgName(s), issued, m.Minutes.CopyTo)
	numberGBPages(c)
	return c.write(w)
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
	year := m.Minutes.Year
	if year == 0 {
		year = m.Date.Year
	}
	return fmt.Sprintf("〔%d〕　　号", year)
}

func absenteesText(as []app.Absentee) string {
	parts := make([]string, len(as))
	for i, a := range as {
		parts[i] = a.Name
		if a.Reason != "" {
			parts[i] += "（" + a.Reason + "）"
		}
	}
	return strings.Join(parts, "、")
}

// minutesFromDecisions drafts a body from the meeting's record when the
// minutes have none yet.
func minutesFromDecisions(m *app.Meeting) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s，%s主持召开%s", m.Date.Chinese(), m.Chair, m.Name())
	if len(m.Topics) > 0 {
		titles := make([]string, len(m.Topics))
		for i, t := range m.Topics {
			titles[i] = t.Title
		}
		fmt.Fprintf(&b, "，研究%s等事项", strings.Join(titles, "、"))
	}
	b.WriteString("。现将会议议定事项纪要如下：")
	for i, d := range m.Decisions {
		fmt.Fprintf(&b, "\n%s、%s", chineseNumber(i+1), strings.TrimSuffix(d.Content, "。"))
		var notes []string
		if d.LeadUnit != "" {
			notes = append(notes, "牵头单位："+d.LeadUnit)
		}
		if len(d.CoUnits) > 0 {
			notes = append(notes, "协办单位："+strings.Join(d.CoUnits, "、"))
		}
		if !d.Deadline.IsZero() {
			notes = append(notes, "完成时限："+d.Deadline.Chinese())
		}
		if len(notes) > 0 {
			b.WriteString("（" + strings.Join(notes, "；") + "）")
		}
		b.WriteString("。")
	}
	return b.String()
}

// chineseNumber writes 1–99 as 一 … 九十九.
func chineseNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	case n < 100:
		return digits[n/10] + "十" + digits[n%10]
	}
	return fmt.Sprint(n)
}

// Heading levels of GB/T 9704 §7.3.3 at the start of a paragraph.
var headingLevels = []struct {
	re *regexp.Regexp
	st style
}{
	{regexp.MustCompile(`^[一二三四五六七八九十]+、`), gbHeading},
	{regexp.MustCompile(`^（[一二三四五六七八九十]+）`), gbKai},
	{regexp.MustCompile(`^[0-9０-９]+[.．]`), gbBody.withBold(true)},
}

// headingSegments splits a paragraph into its heading, set in the level's
// face up to the first 。 (or the whole paragraph when it is a heading
// alone), and the body text after it.
func headingSegments(para string) []segment {
	for _, lv := range headingLevels {
		if !lv.re.MatchString(para) {
			continue
		}
		if i := strings.Index(para, "。"); i >= 0 && i+len("。") < len(para) {
			return []segment{{lv.st, para[:i+len("。")]}, {gbBody, para[i+len("。"):]}}
		}
		return []segment{{lv.st, para}}
	}
	return []segment{{gbBody, para}}
}

// colophon sets the 版记 at the foot of the last page: a rule, the 分送
// line, a thin rule, the issuing office and the date of printing, a rule.
// It starts a page when the text left no room for it.
func colophon(c *canvas, fl *gbFlow, office string, issued app.Date, copyTo string) {
	st := style{role: RoleBody, size: gbFolioPt, color: black}
	em := st.sizeMM()
	lineH := em * 1.45
	colon := c.width(st, "分送：")
	var copyLines [][]segment
	if copyTo != "" {
		// wrapped lines align after the colon
		lf := &gbFlow{c: c}
		copyLines = lf.layoutSegments([]segment{{st, "分送：" + copyTo}}, gbWidth-2*em-colon, -colon)
	}
	height := float64(len(copyLines)+1)*lineH + 3
	bottom := gbTop + gbHeight
	if fl.usedBottom()+3 > bottom-height {
		fl.newPage()
	}
	y := bottom - height
	c.line(gbLeft, y, gbLeft+gbWidth, y, 0.35, black)
	y += 1.5
	for i, ln := range copyLines {
		x := gbLeft + em
		if i > 0 {
			x += colon
		}
		for _, sg := range ln {
			x += c.text(x, y+(lineH-em)/2, sg.st, sg.text)
		}
		y += lineH
	}
	if len(copyLines) > 0 {
		c.line(gbLeft, y, gbLeft+gbWidth, y, 0.25, black)
	}
	c.text(gbLeft+em, y+(lineH-em)/2, st, office)
	c.textIn(gbLeft, gbWidth-em, y+(lineH-em)/2, st, dateOr(issued)+"印发", alignRight)
	y += lineH + 1.5
	c.line(gbLeft, y, gbLeft+gbWidth, y, 0.35, black)
}
