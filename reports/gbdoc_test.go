package reports

import (
	"encoding/xml"
	"fmt"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"gongwen/app"
	"gongwen/textbreak"
	"gongwen/typeset"
)

// Checks of the GB/T 9704 documents (the 纪要 and the 督查通报) as printed.

// textLine is a line of a page as pdftotext reads it: its words joined.
type textLine struct {
	page             int
	xMin, xMax, yMin float64
	text             string
}

func textLines(words []word) []textLine {
	var lines []textLine
	for _, w := range words {
		n := len(lines)
		if n > 0 && lines[n-1].page == w.page && math.Abs(lines[n-1].yMin-w.yMin) < 1 && w.xMin > lines[n-1].xMin {
			l := &lines[n-1]
			l.xMax, l.text = math.Max(l.xMax, w.xMax), l.text+w.text
			continue
		}
		lines = append(lines, textLine{w.page, w.xMin, w.xMax, w.yMin, w.text})
	}
	return lines
}

// bodyIndent is where a paragraph's first line starts: two characters in.
const bodyIndent = typeset.GBLeft + 2*typeset.GBCharPitch

// checkJustified verifies that every line of body text followed by a
// line of the same paragraph (one starting on the type area's left edge
// a line pitch below) reaches the right edge of the type area.
func checkJustified(t *testing.T, path string) int {
	t.Helper()
	lines := textLines(bboxWords(t, path))
	checked := 0
	for i := 0; i+1 < len(lines); i++ {
		l, next := lines[i], lines[i+1]
		if next.page != l.page || math.Abs(next.xMin-typeset.GBLeft) > 0.3 || math.Abs(next.yMin-l.yMin-typeset.GBPitch) > 0.5 ||
			(math.Abs(l.xMin-typeset.GBLeft) > 0.3 && math.Abs(l.xMin-bodyIndent) > 0.3) {
			continue
		}
		checked++
		if right := typeset.GBLeft + typeset.GBWidth; math.Abs(l.xMax-right) > 0.5 {
			t.Errorf("page %d: a line ends %.1f mm from the type area's right edge: %s", l.page, right-l.xMax, l.text)
		}
	}
	return checked
}

// checkNoWidows verifies that no page starts with a paragraph's last line
// alone, and none ends with a paragraph's first line alone.
func checkNoWidows(t *testing.T, path string) {
	t.Helper()
	var lines []textLine // body text: from the left edge or two characters in
	for _, l := range textLines(bboxWords(t, path)) {
		if l.yMin < typeset.GBBottom && (math.Abs(l.xMin-typeset.GBLeft) < 0.3 || math.Abs(l.xMin-bodyIndent) < 0.3) {
			lines = append(lines, l)
		}
	}
	continues := func(a, b textLine) bool { // b is the line after a in its paragraph
		return b.page == a.page && math.Abs(b.xMin-typeset.GBLeft) < 0.3 && math.Abs(b.yMin-a.yMin-typeset.GBPitch) < 0.5
	}
	for i := 0; i+1 < len(lines); i++ {
		l, next := lines[i], lines[i+1]
		if next.page != l.page+1 || math.Abs(next.xMin-typeset.GBLeft) > 0.3 || math.Abs(next.yMin-typeset.GBTop) > 0.5 {
			continue // not a paragraph running over a page
		}
		if math.Abs(l.xMin-bodyIndent) < 0.3 && (i == 0 || !continues(lines[i-1], l)) {
			t.Errorf("page %d ends with a paragraph's first line alone: %s", l.page, l.text)
		}
		if i+2 >= len(lines) || !continues(next, lines[i+2]) {
			t.Errorf("page %d starts with a paragraph's last line alone: %s", next.page, next.text)
		}
	}
}

// checkColophonPage verifies that the 版记 is at the foot of an even last
// page, numbered, or, when the text filled an even page, on a page of its
// own after a blank one, neither numbered. (When the text ends on an odd
// page, the 版记 may take the next page alone rather than leave pages half
// empty: TestMonthlySampleOffice checks the pages' fill.)
func checkColophonPage(t *testing.T, path string) {
	t.Helper()
	pages := pageTexts(t, path)
	n := len(pages)
	if n%2 == 1 {
		t.Fatalf("%s: %d pages: the 版记 is not on an even page", filepath.Base(path), n)
	}
	last := squeeze(pages[n-1])
	if !strings.Contains(last, "印发") {
		t.Fatalf("%s: no 版记 on the last page", filepath.Base(path))
	}
	folio := fmt.Sprintf("—%d—", n)
	if strings.TrimSpace(pages[n-2]) == "" {
		if strings.Contains(last, folio) {
			t.Errorf("%s: the 版记 page after a blank page is numbered", filepath.Base(path))
		}
		return
	}
	if !strings.Contains(last, folio) {
		t.Errorf("%s: the last page has no number", filepath.Base(path))
	}
}

// minutesWithBody is the sample meeting cut to its first n paragraphs,
// with as many attendees.
func minutesWithBody(n, attendees int) *app.Meeting {
	m := sampleMeeting(attendees)
	paras := strings.Split(m.Minutes.Body, "\n")
	m.Minutes.Body = strings.Join(paras[:min(n, len(paras))], "\n")
	return m
}

func TestGBTextJustified(t *testing.T) {
	f := bundledFonts(t)
	m := sampleMeeting(24)
	path, _ := render(t, "minutes", func(w io.Writer) (Printed, error) { return Minutes(w, f, sampleSettings, m) })
	if n := checkJustified(t, path); n < 15 {
		t.Errorf("only %d lines of the minutes checked", n)
	}
	r := sampleMonthlyReadable(36)
	path, _ = render(t, "monthly", func(w io.Writer) (Printed, error) { return MonthlyReport(w, f, sampleSettings, r) })
	if n := checkJustified(t, path); n < 5 {
		t.Errorf("only %d lines of the report checked", n)
	}
}

// The 版记 goes at the foot of the last even page, whatever the length of
// the text; no paragraph leaves one line alone on a page.
func TestGBColophonOnLastEvenPage(t *testing.T) {
	f := bundledFonts(t)
	for paras := 1; paras <= 11; paras += 2 {
		for _, attendees := range []int{3, 12, 40} {
			m := minutesWithBody(paras, attendees)
			t.Run(fmt.Sprintf("minutes-%d-%d", paras, attendees), func(t *testing.T) {
				path, _ := render(t, "minutes", func(w io.Writer) (Printed, error) { return Minutes(w, f, sampleSettings, m) })
				checkColophonPage(t, path)
				checkNoWidows(t, path)
			})
		}
	}
	for _, items := range []int{0, 4, 5, 6, 9, 14, 20, 27, 36, 45, 50} {
		r := sampleMonthlyReadable(items)
		if items == 5 || items == 6 { // 工作要求 of one or two lines after the list's table
			r.Requirements = strings.Repeat("请各单位按要求抓好落实。", items-4)
		}
		t.Run(fmt.Sprintf("monthly-%d", items), func(t *testing.T) {
			path, _ := render(t, "monthly", func(w io.Writer) (Printed, error) { return MonthlyReport(w, f, sampleSettings, r) })
			checkColophonPage(t, path)
			checkNoWidows(t, path)
		})
	}
}

// The attendance block stays on one page and a name is never broken.
func TestMinutesAttendance(t *testing.T) {
	f := bundledFonts(t)
	observers := []string{"陈志远", "赵丽娟", "孙海涛", "钱玉梅", "区发展和改革局局长 欧阳明", "区财政局局长 司马青",
		"区住房和城乡建设局局长 上官文", "区应急管理局局长 诸葛亮亮", "区审计局局长 皇甫琳"}
	for paras := 1; paras <= 11; paras++ {
		for _, attendees := range []int{4, 14, 20} {
			m := minutesWithBody(paras, attendees)
			m.Observers = observers
			path, _ := render(t, "minutes", func(w io.Writer) (Printed, error) { return Minutes(w, f, sampleSettings, m) })
			lines := textLines(bboxWords(t, path))
			page := map[string]int{}
			for _, l := range lines {
				for _, label := range []string{"出席：", "请假：", "列席："} {
					if strings.HasPrefix(l.text, label) {
						page[label] = l.page
					}
				}
			}
			if page["出席："] != page["请假："] || page["请假："] != page["列席："] {
				t.Errorf("%d paragraphs, %d attendees: 出席, 请假 and 列席 on pages %v", paras, attendees, page)
			}
			names := append(append([]string{}, m.Attendees...), observers...)
			for _, name := range names { // a post stays with its name: 区财政局局长 司马青
				whole := false
				for _, l := range lines {
					whole = whole || strings.Contains(l.text, squeeze(name))
				}
				if !whole && !strings.ContainsRune(name, '𠮷') {
					t.Errorf("%d paragraphs, %d attendees: %s is broken over two lines", paras, attendees, name)
				}
			}
		}
	}
}

// faceRun is a piece of text and the font it is set in, as pdftohtml
// reads it.
type faceRun struct {
	page   int
	top    int
	text   string
	family string
	bold   bool
}

func faceRuns(t *testing.T, path string) []faceRun {
	t.Helper()
	needTool(t, "pdftohtml")
	out := run(t, "pdftohtml", "-xml", "-stdout", "-i", path)
	var doc struct {
		Pages []struct {
			Number int `xml:"number,attr"`
			Fonts  []struct {
				ID     string `xml:"id,attr"`
				Family string `xml:"family,attr"`
			} `xml:"fontspec"`
			Texts []struct {
				Top   int    `xml:"top,attr"`
				Font  string `xml:"font,attr"`
				Inner string `xml:",innerxml"`
			} `xml:"text"`
		} `xml:"page"`
	}
	dec := xml.NewDecoder(strings.NewReader(out))
	dec.Strict = false
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("reading pdftohtml -xml: %v", err)
	}
	families := map[string]string{}
	var runs []faceRun
	for _, p := range doc.Pages {
		for _, fs := range p.Fonts {
			families[fs.ID] = fs.Family
		}
		for _, tx := range p.Texts {
			text := tx.Inner
			bold := strings.Contains(text, "<b>")
			for _, tag := range []string{"<b>", "</b>", "<i>", "</i>"} {
				text = strings.ReplaceAll(text, tag, "")
			}
			runs = append(runs, faceRun{p.Number, tx.Top, text, families[tx.Font], bold})
		}
	}
	return runs
}

// Only the heading phrase of a （一） or 1. paragraph takes the level's
// face: a numbered paragraph without one has only its number in it.
func TestMinutesHeadingPhrase(t *testing.T) {
	f := bundledFonts(t)
	m := sampleMeeting(3)
	m.Minutes.Body = strings.Join([]string{
		"会议研究了以下事项：",
		"（一）原则通过《示例区冬季供暖保障工作方案》，由区住房和城乡建设局修改完善后以区政府办公室名义印发实施。",
		"（二）压实安全责任。各街道、各部门主要负责同志要亲自部署、亲自检查，层层压实责任。",
		"1.由区公安分局牵头，开展酒驾醉驾专项整治，对重点路段实行全天候巡逻管控。",
		"2.燃气安全。由区住房城乡建设局牵头，完成老旧管网改造工程。",
	}, "\n")
	path, _ := render(t, "minutes", func(w io.Writer) (Printed, error) { return Minutes(w, f, sampleSettings, m) })
	var kai, bold []string
	for _, r := range faceRuns(t, path) {
		switch {
		case strings.Contains(r.family, "Kai"):
			kai = append(kai, r.text)
		case r.bold && !strings.Contains(r.text, "纪要"): // not the red mark
			bold = append(bold, r.text)
		}
	}
	if want := []string{"（一）", "（二）压实安全责任。"}; strings.Join(kai, "|") != strings.Join(want, "|") {
		t.Errorf("in 楷体: %q, want %q", kai, want)
	}
	if want := []string{"1.", "2.燃气安全。"}; strings.Join(bold, "|") != strings.Join(want, "|") {
		t.Errorf("in bold: %q, want %q", bold, want)
	}
}

func TestHeadingSegments(t *testing.T) {
	for _, c := range []struct {
		para, face string
		alone      bool
	}{
		{"一、关于年终岁末安全生产工作", "一、关于年终岁末安全生产工作", true},
		{"（一）压实安全责任。", "（一）压实安全责任。", true},
		{"（一）压实安全责任。各街道要亲自部署。", "（一）压实安全责任。", false},
		{"（一）原则通过《示例区冬季供暖保障工作方案》，由区住建局修改完善后以区政府办公室名义印发。", "（一）", false},
		{"1.由区公安分局牵头，开展专项整治，对重点路段实行全天候巡逻管控，确保不发生事故。", "1.", false},
		{"二、原则同意城市更新方案（牵头单位：区住房城乡建设局；完成时限：2026年3月1日）。", "二、", false},
		{"会议强调，要抓好落实。", "", false},
	} {
		segs, alone := headingSegments(c.para)
		face := ""
		if len(segs) > 0 && segs[0].Style != typeset.GBBody {
			face = segs[0].Text
		}
		if face != c.face || alone != c.alone {
			t.Errorf("%s: face %q alone %v, want %q %v", c.para, face, alone, c.face, c.alone)
		}
	}
}

// monthlyWith is a month of the readable sample with the given items.
func monthlyWith(items []app.Item, month time.Month) app.MonthlyReport {
	r := app.BuildMonthlyReport(items, 2026, month, app.D(2026, month, 1).LastOfMonth(), app.NewCalendar(nil, nil), 3)
	r.OrgName, r.Issue = "示例区人民政府办公室", int(month)
	return r
}

// Rates with nothing to count on print —; an empty month says so and
// prints no empty sections; a stage's deadline names its stage; the 版记
// has its 报 and 送 lines.
func TestMonthlyReportWording(t *testing.T) {
	f := bundledFonts(t)
	staged := app.Item{ID: 1, Number: "督〔2026〕30号", Year: 2026, Seq: 30, Status: app.ItemOpen, SourceType: app.SourceTypes[0],
		Title: "城北污水处理厂扩建（第2批）", LeadUnit: "区水利局", AssignedOn: app.D(2026, 7, 1), Deadline: app.D(2027, 1, 6),
		Stages: []app.Stage{{Name: "制定方案", Deadline: app.D(2026, 8, 3)}, {Name: "组织实施", Deadline: app.D(2026, 12, 20)}}}
	open := staged
	open.ID, open.Number, open.Title, open.Stages, open.Deadline = 2, "督〔2026〕31号", "完成农村饮水安全巩固提升工程", nil, app.D(2026, 12, 1)
	r := monthlyWith([]app.Item{staged, open}, time.November)
	path, _ := render(t, "monthly", func(w io.Writer) (Printed, error) { return MonthlyReport(w, f, sampleSettings, r) })
	text := squeeze(strings.Join(pageTexts(t, path), ""))
	// 办结率 is 0.0% of two items; 按期办结率 has nothing to count on
	summary, _, _ := strings.Cut(text, "二、分单位办理情况")
	if strings.Contains(summary, "按期办结率0") || !strings.Contains(summary, "0.0%—") {
		t.Errorf("a rate of nothing done prints as a number:\n%s", text)
	}
	if !strings.Contains(text, "尚无办结事项") {
		t.Error("no word that nothing is done yet")
	}
	stageWords := 0
	for _, w := range bboxWords(t, path) {
		if strings.Contains(w.text, "制定方案") {
			stageWords++
		}
	}
	if stageWords < 2 { // in the overdue table and the list
		t.Errorf("the stage of a stage deadline is named %d times", stageWords)
	}
	for _, want := range []string{"报：区委", "送：各镇人民政府", "印发"} {
		if !strings.Contains(text, want) {
			t.Errorf("the 版记 has no %s", want)
		}
	}

	empty := monthlyWith(nil, time.June)
	path, _ = render(t, "empty", func(w io.Writer) (Printed, error) { return MonthlyReport(w, f, sampleSettings, empty) })
	text = squeeze(strings.Join(pageTexts(t, path), ""))
	if !strings.Contains(text, "本月没有纳入督查督办的事项") {
		t.Error("an empty month does not say it is empty")
	}
	for _, heading := range []string{"分单位办理情况", "分来源办理情况", "逾期未办结事项", "督查事项清单", "0.0%"} {
		if strings.Contains(text, heading) {
			t.Errorf("an empty month prints %s", heading)
		}
	}
	if !strings.Contains(text, "二、工作要求") {
		t.Error("the sections of an empty month are not numbered in order")
	}
}

// In black and white the legend's 正在办理 and 逾期未办结 still look
// different: one plain, one hatched.
func TestChartReadsInGrey(t *testing.T) {
	needTool(t, "pdftoppm")
	f := bundledFonts(t)
	r := sampleMonthlyReadable(36)
	path, _ := render(t, "monthly", func(w io.Writer) (Printed, error) { return MonthlyReport(w, f, sampleSettings, r) })
	const dpi = 300
	run(t, "pdftoppm", "-gray", "-png", "-r", fmt.Sprint(dpi), "-f", "1", "-l", "1", "-singlefile", path, strings.TrimSuffix(path, ".pdf"))
	file, err := os.Open(strings.TrimSuffix(path, ".pdf") + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	img, err := png.Decode(file)
	if err != nil {
		t.Fatal(err)
	}
	// the legend's swatch sits 4.4 mm left of its name, 3.2 mm square
	swatch := func(name string) (mean, spread float64) {
		var legend *word
		words := bboxWords(t, path)
		for i := range words {
			if words[i].page == 1 && words[i].text == name && words[i].yMax-words[i].yMin < 3.5 {
				legend = &words[i]
				break
			}
		}
		if legend == nil {
			t.Fatalf("no legend %s on page 1", name)
		}
		px := func(mm float64) int { return int(mm / 25.4 * dpi) }
		var vs []float64
		cy := (legend.yMin + legend.yMax) / 2
		for y := px(cy - 1.2); y <= px(cy+1.2); y++ {
			for x := px(legend.xMin - 4.0); x <= px(legend.xMin-1.6); x++ {
				vs = append(vs, float64(color.GrayModel.Convert(img.At(x, y)).(color.Gray).Y))
			}
		}
		sort.Float64s(vs)
		for _, v := range vs {
			mean += v / float64(len(vs))
		}
		return mean, vs[len(vs)*9/10] - vs[len(vs)/10]
	}
	openMean, openSpread := swatch("正在办理")
	lateMean, lateSpread := swatch("逾期未办结")
	t.Logf("正在办理 grey %.0f ±%.0f, 逾期未办结 grey %.0f ±%.0f", openMean, openSpread, lateMean, lateSpread)
	if math.Abs(openMean-lateMean) < 40 && math.Abs(openSpread-lateSpread) < 60 {
		t.Errorf("正在办理 (grey %.0f) and 逾期未办结 (grey %.0f) look alike in black and white", openMean, lateMean)
	}
}

// The unit chart does not jump whole to page 2 leaving page 1 a third
// empty: it is cut where page 1 ends (or made a little thinner).
func TestMonthlyFirstPageFilled(t *testing.T) {
	f := bundledFonts(t)
	for items := 10; items <= 60; items += 5 {
		r := sampleMonthlyReadable(items)
		path, _ := render(t, "monthly", func(w io.Writer) (Printed, error) { return MonthlyReport(w, f, sampleSettings, r) })
		bottom := 0.0
		for _, w := range bboxWords(t, path) {
			if w.page == 1 && w.yMax < typeset.GBBottom+1 {
				bottom = math.Max(bottom, w.yMax)
			}
		}
		// the most a page may keep empty: a heading and fewer than minBars bars
		if empty := typeset.GBBottom - bottom; empty > typeset.GBPitch+legendH+axisH+minBars*barPitch {
			t.Errorf("%d items: page 1 leaves %.0f mm empty", items, empty)
		}
	}
}

// Issue 12: a date that does not fit at the end of a line is cut after its
// 年 or 月 rather than leave the line before it letter-spaced; no line of a
// paragraph but its last is spread by more than maxJustify a character.
func TestDateDoesNotSpreadLine(t *testing.T) {
	f := bundledFonts(t)
	c := typeset.NewCanvas(f, false, "纪要", "")
	fl := typeset.NewGBFlow(c, "")
	for _, para := range []string{
		"（一）区发改局修改完善政府投资项目计划，提交区人大常委会审议（牵头单位：区发展和改革局；完成时限：2026年11月28日）。",
		"（二）区城管局牵头编制城市内涝治理三年行动计划（牵头单位：区城市管理局；协办单位：区水利局；完成时限：2026年12月13日）。",
		"请各单位于2026年12月31日前报送材料，于2027年1月15日前完成整改并报送整改情况报告，抄送区政府督查室。",
	} {
		lines := fl.LayoutSegments([]typeset.Segment{{Style: typeset.GBBody, Text: para}}, typeset.GBWidth, 2*typeset.GBCharPitch)
		var got []string
		for i, ln := range lines[:len(lines)-1] {
			avail := typeset.GBWidth
			if i == 0 {
				avail -= 2 * typeset.GBCharPitch
			}
			text := ln[0].Text
			n := 0 // the units drawLine spaces: a date or number is one
			for rs, k := []rune(text), 0; k < len(rs); n++ {
				k = max(k+1, textbreak.TokenEnd(rs, k))
			}
			if gap := (avail - c.Width(typeset.GBBody, text)) / float64(n-1); gap > typeset.MaxJustify+0.01 {
				t.Errorf("a line is spread by %.2f of a character: %s", gap/typeset.GBCharPitch, text)
			}
			got = append(got, text)
		}
		t.Logf("%q", got)
	}
}

// The bulletin's day of issue is the one the desk built it on, never the
// clock of the machine that prints it.
func TestMonthlyIssuedOnFromDesk(t *testing.T) {
	f := bundledFonts(t)
	r := sampleMonthlyReadable(3)
	r.IssuedOn = app.D(2031, 5, 6)
	path, _ := render(t, "issued", func(w io.Writer) (Printed, error) { return MonthlyReport(w, f, sampleSettings, r) })
	if text := squeeze(strings.Join(pageTexts(t, path), "")); strings.Count(text, "2031年5月6日") < 2 {
		t.Errorf("the day of issue 2031年5月6日 is not under the title and in the colophon:\n%s", text)
	}
}

// The per-unit table under the units chart: a row a unit, ranked, each
// row on one line (no unit name or rate broken), its header whole; the
// 红黄榜 under it only when the office names units.
func TestMonthlyUnitTable(t *testing.T) {
	f := bundledFonts(t)
	r := sampleMonthlyReadable(40)
	s := sampleSettings
	s.MonthlyHonourN = 2
	path, _ := render(t, "monthly-units", func(w io.Writer) (Printed, error) { return MonthlyReport(w, f, s, r) })
	// the words of each line of text, left to right (pdftotext gives a
	// table's words in no fixed order)
	type lineKey struct {
		page int
		y    int
	}
	byLine := map[lineKey][]word{}
	for _, w := range bboxWords(t, path) {
		k := lineKey{w.page, int(math.Round(w.yMin))}
		byLine[k] = append(byLine[k], w)
	}
	lines := map[string]bool{}
	for _, ws := range byLine {
		sort.Slice(ws, func(i, j int) bool { return ws[i].xMin < ws[j].xMin })
		var text string
		for _, w := range ws {
			text += w.text
		}
		lines[text] = true
	}
	var header []string
	for _, c := range unitColumns {
		header = append(header, c.Title)
	}
	if !lines[strings.Join(header, "")] {
		t.Errorf("no line holds the header %v", header)
	}
	ranked := r.RankedUnits()
	if len(ranked) < 5 {
		t.Fatalf("the sample has %d units: the test checks little", len(ranked))
	}
	for i, u := range ranked {
		if row := strings.Join(unitCells(i, u), ""); !lines[row] {
			t.Errorf("no line reads %s", row)
		}
	}
	text := squeeze(strings.Join(pageTexts(t, path), ""))
	red, yellow := app.HonourLists(ranked, 2)
	honour := honourText(r, 2)
	if len(red) == 0 || len(yellow) == 0 || !strings.Contains(honour, red[0].Unit) || !strings.Contains(honour, yellow[0].Unit) {
		t.Fatalf("the sample gives the 红黄榜 %q", honour)
	}
	if !strings.Contains(text, squeeze(unitTableIntro)) || !strings.Contains(text, squeeze(honour)) {
		t.Errorf("the table's sentence or the 红黄榜 is missing:\n%s", text)
	}

	path, _ = render(t, "monthly-units-off", func(w io.Writer) (Printed, error) { return MonthlyReport(w, f, sampleSettings, r) })
	if text := squeeze(strings.Join(pageTexts(t, path), "")); strings.Contains(text, "红榜") || strings.Contains(text, "黄榜") {
		t.Error("the 红黄榜 is printed though the office names no units")
	}
}

// The quarterly edition is titled by its quarter and counts 新增 and 办结
// over it, in its sentences and its summary's header.
func TestQuarterlyReportWording(t *testing.T) {
	f := bundledFonts(t)
	mk := func(id int, assigned, done app.Date) app.Item {
		it := app.Item{ID: int64(id), Number: app.ItemNumber(2026, id), Year: 2026, Seq: id, Status: app.ItemOpen, SourceType: app.SourceTypes[0],
			Title: fmt.Sprintf("完成第%d项重点工作", id), LeadUnit: "区水利局", AssignedOn: assigned, Deadline: app.D(2026, 12, 20)}
		if !done.IsZero() {
			it.Status, it.DoneOn = app.ItemDone, done
		}
		return it
	}
	items := []app.Item{mk(1, app.D(2026, 9, 2), app.D(2026, 10, 9)), mk(2, app.D(2026, 10, 12), app.Date{}), mk(3, app.D(2026, 11, 3), app.Date{})}
	r := app.BuildQuarterlyReport(items, 2026, 4, app.D(2026, 12, 31), app.NewCalendar(nil, nil), 3)
	r.OrgName, r.Issue = "示例区人民政府办公室", 4
	path, _ := render(t, "quarterly", func(w io.Writer) (Printed, error) { return MonthlyReport(w, f, sampleSettings, r) })
	text := squeeze(strings.Join(pageTexts(t, path), ""))
	for _, want := range []string{"关于2026年第四季度督查事项办理情况的通报", "其中本季度新增2项；累计办结1项（本季度办结1项）", "本季度新增", "完成第1项重点工作"} {
		if !strings.Contains(text, want) {
			t.Errorf("the quarterly edition lacks %s:\n%s", want, text)
		}
	}
	if strings.Contains(text, "本月") {
		t.Error("the quarterly edition speaks of 本月")
	}
}
