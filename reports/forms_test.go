package reports

import (
	"fmt"
	"io"
	"math"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"gongwen/app"
	"gongwen/typeset"
)

func formFooter(n, total int) string { return fmt.Sprintf("第 %d 页　共 %d 页", n, total) }
func gbFooter(n, _ int) string       { return fmt.Sprintf("— %d —", n) }

func docTexts(d *app.Document) []string {
	out := []string{d.Serial, d.DocNo, d.Title, d.FromUnit, d.Attachments, d.Proposal, d.ProposedBy, d.LeadUnit, d.Result, d.Remarks,
		d.MainTo, d.CopyTo, d.Drafter, d.DraftUnit, d.CheckedBy, d.Signer}
	out = append(out, d.CoUnits...)
	out = append(out, d.Countersign...)
	for _, in := range d.Instructions {
		out = append(out, in.Leader, in.Text, in.On.Chinese())
	}
	for _, r := range d.Reviews {
		out = append(out, r.Leader, r.Opinion)
	}
	if d.Secrecy.Classified() {
		out = append(out, string(d.Secrecy))
	}
	return out
}

// wordsOn returns the words of a page whose text contains s.
func wordsOn(words []word, page int, s string) []word {
	var out []word
	for _, w := range words {
		if w.page == page && strings.Contains(w.text, s) {
			out = append(out, w)
		}
	}
	return out
}

// checkSecrecyTopLeft verifies the 密级 stands at the top left of every page.
func checkSecrecyTopLeft(t *testing.T, path string, sec app.Secrecy, left float64) {
	t.Helper()
	words := bboxWords(t, path)
	pages := 0
	for _, w := range words {
		pages = max(pages, w.page)
	}
	for p := 1; p <= pages; p++ {
		ws := wordsOn(words, p, string(sec))
		if len(ws) == 0 || math.Abs(ws[0].xMin-left) > 1 || ws[0].yMin > 40 {
			t.Errorf("page %d: 密级 %s not at the top left: %+v", p, sec, ws)
		}
	}
}

func TestHandlingSlip(t *testing.T) {
	f := bundledFonts(t)
	d := sampleIncoming()
	path, replaced := render(t, "handling", func(w io.Writer) (Printed, error) { return HandlingSlip(w, f, sampleSettings, d) })
	if !slices.Equal(replaced, []rune("𠮷")) {
		t.Errorf("replaced %q, want only 𠮷 (no installed font has it here)", string(replaced))
	}
	if n := checkAll(t, path, false); n != 1 {
		t.Errorf("the slip with a long 批示 takes %d pages, want 1", n)
	}
	checkAllCharacters(t, path, append(docTexts(d), "示例区人民政府办公室收文处理笺", "拟办意见", "领导批示", "承办单位", "办理时限", "办理结果"))
	checkPageNumbers(t, path, formFooter)
}

// A document just registered prints with its 密级 and open boxes to write in.
func TestHandlingSlipBlank(t *testing.T) {
	f := bundledFonts(t)
	d := sampleBlank()
	path, replaced := render(t, "blank", func(w io.Writer) (Printed, error) { return HandlingSlip(w, f, sampleSettings, d) })
	if len(replaced) > 0 {
		t.Errorf("replaced %q", string(replaced))
	}
	checkAll(t, path, false)
	checkAllCharacters(t, path, []string{d.Serial, d.DocNo, d.Title, d.FromUnit, string(d.Secrecy), string(d.Urgency)})
	checkSecrecyTopLeft(t, path, d.Secrecy, 20)
	words := bboxWords(t, path)
	instr, lead := wordsOn(words, 1, "领导批示"), wordsOn(words, 1, "承办单位")
	if len(instr) == 0 || len(lead) == 0 {
		t.Fatal("labels missing")
	}
	// the 批示 box: from half its height above the label to the next row
	if h := 2 * (lead[0].yMin - instr[0].yMax); h < 70 {
		t.Errorf("the 领导批示 box is only about %.0f mm high: no room to write", h)
	}
	if n := len(wordsOn(words, 1, "签名")); n < 2 {
		t.Errorf("%d signature lines, want one under 拟办意见 and one under 领导批示", n)
	}
}

func TestCirculationSlip(t *testing.T) {
	f := bundledFonts(t)
	t.Run("recorded", func(t *testing.T) {
		d := sampleIncoming()
		path, _ := render(t, "circulation", func(w io.Writer) (Printed, error) {
			return CirculationSlip(w, f, sampleSettings, d, []string{"不用"})
		})
		n := checkAll(t, path, false)
		if n != 1 {
			t.Errorf("%d pages", n)
		}
		checkAllCharacters(t, path, []string{d.Serial, d.DocNo, d.Title, d.FromUnit, d.Proposal, d.Instructions[0].Text, d.Instructions[1].Text,
			"序号", "传阅人", "送阅时间", "退回时间", "签名/意见", "王喆", "李堃", "已阅，见批示", "1月6日"})
		if strings.Contains(strings.Join(pageTexts(t, path), ""), "不用") {
			t.Error("suggested readers printed although the document has its circulation")
		}
		checkPageNumbers(t, path, formFooter)
	})
	t.Run("suggested", func(t *testing.T) {
		d := sampleBlank()
		readers := []string{"王喆", "李堃", "张玥", "吉𠮷", "赵镕"}
		path, _ := render(t, "suggested", func(w io.Writer) (Printed, error) { return CirculationSlip(w, f, sampleSettings, d, readers) })
		checkAll(t, path, false)
		checkAllCharacters(t, path, append([]string{d.Serial, d.DocNo, d.Title, d.FromUnit, string(d.Secrecy)}, readers...))
		checkSecrecyTopLeft(t, path, d.Secrecy, 20)
		text := squeeze(strings.Join(pageTexts(t, path), ""))
		last := -1
		for _, r := range readers {
			i := strings.Index(text, r)
			if i <= last {
				t.Errorf("reader %s out of the suggested order", r)
			}
			last = i
		}
	})
}

func TestOutgoingForm(t *testing.T) {
	f := bundledFonts(t)
	d := sampleOutgoing()
	path, _ := render(t, "outgoing", func(w io.Writer) (Printed, error) { return OutgoingForm(w, f, sampleSettings, d) })
	if n := checkAll(t, path, false); n != 1 {
		t.Errorf("%d pages", n)
	}
	checkAllCharacters(t, path, []string{d.DocNo, d.Title, d.MainTo, d.CopyTo, d.Drafter, d.DraftUnit, d.CheckedBy, d.Signer, d.Countersign[0], d.Countersign[1],
		d.Reviews[0].Leader, d.Reviews[0].Opinion, d.Reviews[1].Opinion, string(d.Secrecy), "签发", "会签", "审核", "核稿", "拟稿", "主送", "抄送", "印数", "60份", "发文字号"})
	checkSecrecyTopLeft(t, path, d.Secrecy, 20)
	checkPageNumbers(t, path, formFooter)

	// a draft: open boxes and a number to fill in
	d.DocNo, d.Signer, d.SignedOn, d.Reviews = "", "", app.Date{}, nil
	path, _ = render(t, "draft", func(w io.Writer) (Printed, error) { return OutgoingForm(w, f, sampleSettings, d) })
	checkAllCharacters(t, path, []string{"示府办发〔2026〕号", "签名"})

	// a draft without a date: the year is left to be written, whatever
	// the clock of the machine says
	d.DraftedOn = app.Date{}
	path, _ = render(t, "undated", func(w io.Writer) (Printed, error) { return OutgoingForm(w, f, sampleSettings, d) })
	if text := squeeze(strings.Join(pageTexts(t, path), "")); !strings.Contains(text, "示府办发〔") || regexp.MustCompile(`〔\d`).MatchString(text) {
		t.Errorf("the undated draft's number is not left open:\n%s", text)
	}
}

func TestSealRequestForm(t *testing.T) {
	f := bundledFonts(t)
	r := sampleSealRequest()
	path, _ := render(t, "seal", func(w io.Writer) (Printed, error) { return SealRequestForm(w, f, sampleSettings, r) })
	if n := checkAll(t, path, false); n != 1 {
		t.Errorf("%d pages", n)
	}
	checkAllCharacters(t, path, []string{r.Number, r.Unit, r.Contact, r.Phone, r.Reason, r.FileName, r.Destination, r.SealName,
		"副主任审核", "主任审签", "孙堃", "同意用印。", "2026年1月20日", "3份", "签名"})
	checkPageNumbers(t, path, formFooter)

	// the government seal's chain, derived when the request has none
	r.Chain, r.Approvals, r.SealKind, r.OffSite = nil, nil, app.SealGovernment, true
	path, _ = render(t, "seal-gov", func(w io.Writer) (Printed, error) { return SealRequestForm(w, f, sampleSettings, r) })
	checkAllCharacters(t, path, []string{"副区长审核", "区长审签", "是"})
}

func TestSealLog(t *testing.T) {
	f := bundledFonts(t)
	used := sampleSealLog(60)
	path, _ := render(t, "seallog", func(w io.Writer) (Printed, error) {
		return SealLog(w, f, sampleSettings, app.D(2026, 1, 1), app.D(2026, 1, 31), used)
	})
	n := checkAll(t, path, true)
	if n < 2 {
		t.Fatalf("60 uses on %d page(s); the test wants the table to run over", n)
	}
	var texts []string
	for _, u := range used {
		texts = append(texts, u.LogNo, u.SealName, u.Unit, u.Reason, u.ApprovedBy(), u.Handler, u.Witness, u.Remarks)
	}
	checkAllCharacters(t, path, append(texts, "2026年1月1日至2026年1月31日", "本期共用印60次"))
	checkHeaderOnEveryPage(t, path, []string{"登记号", "用印日期", "印章", "用印单位", "事由", "份数", "批准人", "经办人", "监印人", "备注"})
	checkPageNumbers(t, path, formFooter)

	path, _ = render(t, "seallog-empty", func(w io.Writer) (Printed, error) {
		return SealLog(w, f, sampleSettings, app.D(2026, 2, 1), app.D(2026, 2, 28), nil)
	})
	checkAllCharacters(t, path, []string{"本期无用印记录"})
}

// checkHeaderOnEveryPage verifies that the given pages (all when none)
// carry a table's header: every caption on one line.
func checkHeaderOnEveryPage(t *testing.T, path string, captions []string, pages ...int) {
	t.Helper()
	words := bboxWords(t, path)
	if pages == nil {
		for _, w := range words {
			if len(pages) == 0 || pages[len(pages)-1] < w.page {
				pages = append(pages, w.page)
			}
		}
	}
	onLine := func(p int, c string, y float64) bool {
		for _, w := range words {
			if w.page == p && w.text == c && math.Abs(w.yMin-y) < 1.5 {
				return true
			}
		}
		return false
	}
	for _, p := range pages {
		found := false
		for _, w := range words {
			if w.page != p || w.text != captions[0] {
				continue
			}
			all := true
			for _, c := range captions[1:] {
				all = all && onLine(p, c, w.yMin)
			}
			found = found || all
		}
		if !found {
			t.Errorf("page %d has no table header %v", p, captions)
		}
	}
}

func TestArchiveCatalog(t *testing.T) {
	f := bundledFonts(t)
	docs := sampleArchive(80)
	path, _ := render(t, "archive", func(w io.Writer) (Printed, error) { return ArchiveCatalog(w, f, sampleSettings, 2026, docs) })
	if n := checkAll(t, path, true); n < 2 {
		t.Errorf("%d pages", n)
	}
	var texts []string
	for _, d := range docs {
		texts = append(texts, d.Archive.Number(), d.DocNo, d.ResponsibleBody(sampleSettings), d.Title, d.DocDate().Compact())
	}
	checkAllCharacters(t, path, append(texts, "归档文件目录", "Z109-WS·2026-Y-BGS-0001", "20260101"))
	checkHeaderOnEveryPage(t, path, []string{"序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注"})
	checkSecrecyTopLeft(t, path, app.SecrecyConfid, 15)
	checkPageNumbers(t, path, formFooter)
}

func TestMinutes(t *testing.T) {
	f := bundledFonts(t)
	m := sampleMeeting(60)
	path, replaced := render(t, "minutes", func(w io.Writer) (Printed, error) { return Minutes(w, f, sampleSettings, m) })
	if !slices.Equal(replaced, []rune("𠮷")) {
		t.Errorf("replaced %q", string(replaced))
	}
	pages := checkAll(t, path, false)
	if pages < 3 {
		t.Fatalf("%d pages; the sample should run to 3", pages)
	}
	texts := []string{"示例区人民政府常务会议纪要", "〔2026〕5号", "示例区人民政府办公室", "2026年1月9日", m.Minutes.Body, m.Minutes.CopyTo,
		"出席：", "请假：", "列席：", "2026年1月9日印发"}
	texts = append(texts, m.Attendees...)
	texts = append(texts, m.Observers...)
	for _, a := range m.Absentees {
		texts = append(texts, absenteeText(a))
	}
	var paras []string
	for _, p := range strings.Split(m.Minutes.Body, "\n") {
		paras = append(paras, p)
	}
	checkAllCharacters(t, path, texts, append(paras, strings.Join(m.Attendees, "、"))...)
	checkPageNumbers(t, path, gbFooter)

	words := bboxWords(t, path)
	// the mark: its top 35 mm below the type area's top
	mark := wordsOn(words, 1, "纪要")
	if len(mark) == 0 || math.Abs(mark[0].yMin-72) > 1 {
		t.Errorf("纪要 mark at %+v, want its top at 72 mm", mark)
	}
	// the body's left edge on the binding margin; page 2 starts on the type area's top
	minX, minY := 999.0, 999.0
	for _, w := range words {
		if w.page == 2 && !strings.Contains(w.text, "—") {
			minX, minY = min(minX, w.xMin), min(minY, w.yMin)
		}
	}
	if math.Abs(minX-28) > 1 {
		t.Errorf("body text starts %.1f mm from the left edge, want 28", minX)
	}
	if math.Abs(minY-37) > 1 {
		t.Errorf("page 2's first line at %.1f mm, want 37", minY)
	}
	// 28 characters fill the 156 mm line
	for _, w := range words {
		if w.page == 2 && math.Abs(w.xMin-28) < 0.5 && len([]rune(w.text)) == 28 && unicode.Is(unicode.Han, []rune(w.text)[27]) {
			if math.Abs(w.xMax-184) > 1 {
				t.Errorf("a full line ends at %.1f mm, want 184: %s", w.xMax, w.text)
			}
			break
		}
	}
	// page numbers: odd pages at the right, even at the left
	for _, w := range words {
		if w.text == "—" {
			if w.page%2 == 1 && w.xMin < 150 || w.page%2 == 0 && w.xMin > 60 {
				t.Errorf("page number of page %d at x=%.0f mm", w.page, w.xMin)
			}
			if w.yMin < 262 {
				t.Errorf("page number of page %d inside the type area", w.page)
			}
		}
	}
	// 出席: label at two characters in, wrapped names aligned after the colon
	for _, label := range []string{"出席：", "列席："} {
		var lw *word
		for i := range words {
			if strings.HasPrefix(words[i].text, label) {
				lw = &words[i]
				break
			}
		}
		if lw == nil {
			t.Fatalf("%s not found", label)
		}
		if want := 28 + 2*typeset.GBCharPitch; math.Abs(lw.xMin-want) > 1 {
			t.Errorf("%s at %.1f mm, want %.1f", label, lw.xMin, want)
		}
		next := ""
		for _, w := range words {
			if w.page == lw.page && w.yMin > lw.yMin+5 && w.yMin < lw.yMin+15 {
				if want := 28 + 5*typeset.GBCharPitch; math.Abs(w.xMin-want) > 1 {
					t.Errorf("the line after %s starts at %.1f mm, want %.1f", label, w.xMin, want)
				}
				next = w.text
			}
		}
		if next == "" {
			t.Errorf("%s does not wrap in the sample", label)
		}
	}
	// the colophon on the last page
	last := pageTexts(t, path)[pages-1]
	if !strings.Contains(squeeze(last), "分送：") || !strings.Contains(squeeze(last), "印发") {
		t.Error("no colophon on the last page")
	}
}

// Minutes without a body are drafted from the decisions.
func TestMinutesFromDecisions(t *testing.T) {
	f := bundledFonts(t)
	m := sampleMeeting(5)
	m.Minutes = app.Minutes{}
	m.Kind = app.MeetingMayor
	m.Decisions = []app.Decision{{Content: "原则同意城市更新方案", LeadUnit: "区住房城乡建设局", CoUnits: []string{"区财政局"}, Deadline: app.D(2026, 3, 1)}}
	path, _ := render(t, "draft-minutes", func(w io.Writer) (Printed, error) { return Minutes(w, f, sampleSettings, m) })
	checkAll(t, path, false)
	checkAllCharacters(t, path, []string{"示例区人民政府区长办公会议纪要", "〔2026〕号", "一、原则同意城市更新方案（牵头单位：区住房城乡建设局；协办单位：区财政局；完成时限：2026年3月1日）。"})
}

func TestMonthlyReport(t *testing.T) {
	f := bundledFonts(t)
	r := sampleMonthly(300)
	r.Requirements = "一、请各牵头单位对照清单逐项销号（秘书科修改稿）。\n二、逾期事项纳入年度考核。"
	path, _ := render(t, "monthly", func(w io.Writer) (Printed, error) { return MonthlyReport(w, f, sampleSettings, r) })
	pages := checkAll(t, path, false)
	var texts []string
	distinct := map[rune]bool{}
	for _, row := range r.Rows {
		texts = append(texts, row.Item.Title, row.Item.LeadUnit, row.Item.Number)
		for _, c := range row.Item.Title {
			distinct[c] = true
		}
	}
	if len(distinct) < 2000 {
		t.Fatalf("the sample uses %d distinct characters, want ≥2,000", len(distinct))
	}
	texts = append(texts, "督查通报", "第1期", "一、总体情况", "300", "33.3%", "50.0%", "按期办结", "逾期办结", "正在办理", "逾期未办结")
	checkAllCharacters(t, path, texts, strings.Split(r.Requirements, "\n")...)
	checkAllCharacters(t, path, nil, "逾期未办结事项50项，涉及区发展和改革局（7项）")
	checkPageNumbers(t, path, gbFooter)

	// the item list repeats its header on every page it reaches
	ptexts := pageTexts(t, path)
	var listPages []int
	in := false
	for i, p := range ptexts {
		s := squeeze(p)
		if strings.Contains(s, "五、督查事项清单") {
			in = true
		}
		if in && strings.Contains(s, "事项名称") {
			listPages = append(listPages, i+1)
		}
		if strings.Contains(s, "六、工作要求") {
			break
		}
	}
	if last := listPages[len(listPages)-1]; !strings.Contains(squeeze(ptexts[last-1]), "300") {
		t.Errorf("the list does not end on page %d", last)
	}
	if len(listPages) < 3 {
		t.Fatalf("the list of 300 items covers pages %v", listPages)
	}
	checkHeaderOnEveryPage(t, path, []string{"序号", "预警", "督办编号", "事项名称", "牵头单位", "完成时限"}, listPages...)

	// the charts are vector graphics: no images in the file
	if hasTool("pdfimages") {
		out, _ := exec.Command("pdfimages", "-list", path).CombinedOutput()
		if lines := strings.Split(strings.TrimSpace(string(out)), "\n"); len(lines) > 2 {
			t.Errorf("the report holds images:\n%s", out)
		}
	}
	t.Logf("%d pages, %d distinct characters", pages, len(distinct))
}

// A chart too long for the rest of a page is cut where the page ends
// (a page left a third empty reads as a mistake), but neither part is
// three bars or fewer.
func TestChartCut(t *testing.T) {
	room := func(bars int) float64 { return legendH + axisH + float64(bars)*barPitch + 0.1 }
	full := int(math.Floor((typeset.GBHeight - legendH - axisH) / barPitch))
	for _, c := range []struct {
		name       string
		room       float64
		left, want int
	}{
		{"fits", room(9), 9, 9},
		{"a page of its own", typeset.GBHeight, full, full},
		{"a third of a page left: cut there", room(5), 18, 5},
		{"most fits: cut, four on the next page", room(8), 9, 5},
		{"cut leaves four", room(10), 12, 8},
		{"too short to cut in four and four", room(5), 7, 0},
		{"three at the foot: moves", room(3), 30, 0},
		{"longer than a page: cut where the page ends", room(12), full + 10, 12},
	} {
		if got := chartCut(c.room, c.left); got != c.want {
			t.Errorf("%s: %d of %d bars here, want %d", c.name, got, c.left, c.want)
		}
	}
	for left := 1; left < 3*full; left++ {
		for bars := 0; bars <= full; bars++ {
			if got := chartCut(room(bars), left); got != 0 && got != left && (got < minBars || left-got < minBars) {
				t.Errorf("%d bars with room for %d: cut %d + %d", left, bars, got, left-got)
			}
		}
	}
	for left := 1; left < 3*full; left++ { // a fresh page always takes some
		if chartCut(typeset.GBHeight, left) == 0 {
			t.Errorf("%d bars: a fresh page takes none", left)
		}
	}
}
