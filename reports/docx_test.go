package reports

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gongwen/typeset"
	"gongwen/typeset/docx"
)

// readDocx is a Word file as a reader sees it: its parts, and the text of
// each paragraph of the body (tabs as \t) with its style, tables' cells
// each a paragraph.
type readDocx struct {
	parts  map[string][]byte
	paras  []string
	styles []string // of each paragraph, "" for none
}

func readBackDocx(t *testing.T, data []byte) readDocx {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	d := readDocx{parts: map[string][]byte{}}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		d.parts[f.Name], _ = io.ReadAll(r)
		r.Close()
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml", "word/footer1.xml", "word/_rels/document.xml.rels"} {
		if d.parts[name] == nil {
			t.Fatalf("the file lacks %s", name)
		}
	}
	for name, b := range d.parts {
		if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
			if err := xml.Unmarshal(b, new(struct{})); err != nil {
				t.Errorf("%s is not well-formed XML: %v", name, err)
			}
		}
	}
	dec := xml.NewDecoder(bytes.NewReader(d.parts["word/document.xml"]))
	var text strings.Builder
	style, inText, inPPr := "", false, false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			switch x.Name.Local {
			case "p":
				text.Reset()
				style = ""
			case "pStyle":
				style = attr(x, "val")
			case "t":
				inText = true
			case "pPr":
				inPPr = true
			case "tab": // a tab in a run, not a tab stop of the paragraph's
				if !inPPr {
					text.WriteString("\t")
				}
			case "br":
				text.WriteString("\n")
			}
		case xml.EndElement:
			switch x.Name.Local {
			case "t":
				inText = false
			case "pPr":
				inPPr = false
			case "p":
				d.paras = append(d.paras, text.String())
				d.styles = append(d.styles, style)
			}
		case xml.CharData:
			if inText {
				text.Write(x)
			}
		}
	}
	return d
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// checkDocxPage verifies the section: A4, the GB/T 9704 margins, the
// line grid, odd and even footers with the page number.
func checkDocxPage(t *testing.T, d readDocx) {
	t.Helper()
	doc := string(d.parts["word/document.xml"])
	want := []string{
		fmt.Sprintf(`<w:pgSz w:w="%d" w:h="%d"/>`, docx.Twips(210), docx.Twips(297)),
		fmt.Sprintf(`<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d"`, docx.Twips(37), docx.Twips(26), docx.Twips(35), docx.Twips(28)),
		fmt.Sprintf(`<w:docGrid w:type="lines" w:linePitch="%d"/>`, docx.Twips(225.0/22)),
		`<w:footerReference w:type="even"`, `<w:footerReference w:type="default"`,
	}
	for _, w := range want {
		if !strings.Contains(doc, w) {
			t.Errorf("document.xml lacks %s", w)
		}
	}
	for _, f := range []string{"word/footer1.xml", "word/footer2.xml"} {
		if s := string(d.parts[f]); !strings.Contains(s, "— </w:t>") || !strings.Contains(s, " PAGE ") {
			t.Errorf("%s is not a page number “— N —”: %s", f, s)
		}
	}
	if !strings.Contains(string(d.parts["word/settings.xml"]), "evenAndOddHeaders") {
		t.Error("odd and even pages share a footer")
	}
	styles := string(d.parts["word/styles.xml"])
	for _, s := range slices.Compact(slices.Sorted(slices.Values(d.styles))) {
		if s != "" && !strings.Contains(styles, `w:styleId="`+s+`"`) {
			t.Errorf("style %s is used but not defined", s)
		}
	}
	for _, w := range []string{`w:eastAsia="仿宋_GB2312"`, `<w:sz w:val="32"/>`, `w:eastAsia="方正小标宋简体"`, `<w:sz w:val="44"/>`, `w:eastAsia="黑体"`, `w:eastAsia="楷体_GB2312"`} {
		if !strings.Contains(styles, w) {
			t.Errorf("styles.xml lacks %s", w)
		}
	}
	if !strings.Contains(string(d.parts["word/fontTable.xml"]), `<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>`) {
		t.Error("仿宋_GB2312 has no fallback to 仿宋")
	}
}

// inOrder checks that every wanted paragraph comes, whole, in this order.
func inOrder(t *testing.T, d readDocx, want []string) {
	t.Helper()
	i := 0
	for _, w := range want {
		for i < len(d.paras) && d.paras[i] != w {
			i++
		}
		if i == len(d.paras) {
			t.Fatalf("paragraph %q is missing or out of order; the paragraphs:\n%s", w, strings.Join(d.paras, "\n"))
		}
	}
}

func styleOf(d readDocx, text string) string {
	if i := slices.Index(d.paras, text); i >= 0 {
		return d.styles[i]
	}
	return "(missing)"
}

func TestMonthlyReportDocx(t *testing.T) {
	f := bundledFonts(t)
	r := sampleMonthlyReadable(40)
	r.Requirements = "各牵头单位要对照时限倒排工期。\n逾期事项请于5个工作日内书面说明。"
	var buf bytes.Buffer
	if err := MonthlyReportDocx(&buf, f, sampleSettings, r); err != nil {
		t.Fatal(err)
	}
	d := readBackDocx(t, buf.Bytes())
	checkDocxPage(t, d)

	org := monthlyOrg(sampleSettings, r)
	want := []string{monthlyMark, issueText(r), org + "\t" + r.IssuedOn.Chinese(), monthlyTitle(r),
		sectionHeading(1, headingTotals), totalsText(r)}
	want = append(want, summaryValues(r)...)
	want = append(want, sectionHeading(2, headingUnits), unitsIntro, unitTableIntro)
	for i, u := range r.RankedUnits() {
		want = append(want, unitCells(i, u)...)
	}
	want = append(want, sectionHeading(3, headingSources),
		sectionHeading(4, headingOverdue), overdueSentence(r.OverdueRows))
	for i, row := range r.OverdueRows {
		want = append(want, overdueCells(i, row, r)...)
	}
	want = append(want, sectionHeading(5, headingList))
	listed := listedRows(r)
	for i, row := range listed {
		cells := listCells(i, row, r)
		cells[1] = strings.TrimSpace(colourDot(row.Colour).Text + cells[1])
		want = append(want, cells...)
	}
	want = append(want, sectionHeading(6, headingRequirements), "各牵头单位要对照时限倒排工期。", "逾期事项请于5个工作日内书面说明。",
		"报："+firstNonEmpty(r.ReportTo, "")+"。")
	if r.ReportTo == "" {
		want = want[:len(want)-1]
	}
	want = append(want, org+"\t"+dateOr(r.IssuedOn)+"印发")
	inOrder(t, d, want)
	if len(r.OverdueRows) == 0 || len(listed) == 0 {
		t.Fatal("the sample has no overdue items or no list: the test checks nothing of the tables")
	}
	for text, st := range map[string]string{monthlyTitle(r): styleTitle, sectionHeading(1, headingTotals): styleHeading1, totalsText(r): styleBody} {
		if got := styleOf(d, text); got != st {
			t.Errorf("%q has style %q, want %q", text, got, st)
		}
	}
	if n := strings.Count(string(d.parts["word/document.xml"]), "<w:tbl>"); n != 4 {
		t.Errorf("%d tables, want the summary, the units, the overdue items and the list", n)
	}

	// the two charts, as PNG pictures the width of the type area
	for i := 1; i <= 2; i++ {
		name := fmt.Sprintf("word/media/image%d.png", i)
		img, err := png.Decode(bytes.NewReader(d.parts[name]))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if w, want := img.Bounds().Dx(), typeset.GBWidth/25.4*chartDPI; float64(w) < want-1 {
			t.Errorf("%s is %d pixels wide", name, w)
		}
		if !strings.Contains(string(d.parts["word/_rels/document.xml.rels"]), `Target="media/image`+fmt.Sprint(i)+`.png"`) {
			t.Errorf("%s has no relationship", name)
		}
	}
	pdf := func(w io.Writer) (Printed, error) { return MonthlyReport(w, f, sampleSettings, r) }
	sameTextAsPDF(t, d, pdf)
	saveDocx(t, "monthly", buf.Bytes(), pdf)
}

func TestMinutesDocx(t *testing.T) {
	f := bundledFonts(t)
	m := sampleMeeting(30)
	var buf bytes.Buffer
	if err := MinutesDocx(&buf, f, sampleSettings, m); err != nil {
		t.Fatal(err)
	}
	d := readBackDocx(t, buf.Bytes())
	checkDocxPage(t, d)
	mark := minutesMark(sampleSettings, m)
	want := []string{mark, minutesNumber(m), orgName(sampleSettings) + "\t" + dateOr(m.Minutes.IssuedOn)}
	want = append(want, minutesParas(m)...)
	for _, l := range minutesLists(m) {
		want = append(want, l.label+"："+strings.Join(l.names, "、"))
	}
	want = append(want, "分送："+m.Minutes.CopyTo+"。", orgName(sampleSettings)+"\t"+dateOr(m.Minutes.IssuedOn)+"印发")
	inOrder(t, d, want)
	for text, st := range map[string]string{"一、关于年终岁末安全生产工作": styleHeading1, "二、关于2026年民生实事项目": styleHeading1} {
		if got := styleOf(d, text); got != st {
			t.Errorf("%q has style %q, want %q", text, got, st)
		}
	}
	// a heading phrase in its face, the rest of its paragraph in the body's
	if doc := string(d.parts["word/document.xml"]); !strings.Contains(doc, `w:eastAsia="楷体_GB2312" w:cs="楷体_GB2312" w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">（一）压实安全责任。</w:t>`) {
		t.Error("the 二级标题 （一）压实安全责任。 is not in 楷体")
	}
	pdf := func(w io.Writer) (Printed, error) { return Minutes(w, f, sampleSettings, m) }
	sameTextAsPDF(t, d, pdf)
	saveDocx(t, "minutes", buf.Bytes(), pdf)
}

// sameTextAsPDF checks that the text paragraphs of the Word file (the
// title, headings and body; tables wrap differently) are in the PDF of the
// same form, word for word.
func sameTextAsPDF(t *testing.T, d readDocx, pdf func(io.Writer) (Printed, error)) {
	t.Helper()
	needTool(t, "pdftotext")
	path, _ := render(t, "same-text", pdf)
	got := squeeze(folioRE.ReplaceAllString(strings.Join(pageTexts(t, path), ""), ""))
	checked := 0
	for i, p := range d.paras {
		switch d.styles[i] {
		case styleTitle, styleHeading1, styleHeading2, styleHeading3, styleBody:
			if p = squeeze(p); p != "" && !strings.Contains(got, p) {
				t.Errorf("the PDF lacks the Word file's %q", p)
			}
			checked++
		}
	}
	if checked < 10 {
		t.Fatalf("only %d paragraphs compared", checked)
	}
}

// saveDocx keeps the Word file and our PDF of the same form for make
// docx-check when DOCX_OUT names a folder.
func saveDocx(t *testing.T, name string, data []byte, pdf func(io.Writer) (Printed, error)) {
	dir := os.Getenv("DOCX_OUT")
	if dir == "" {
		return
	}
	var ours bytes.Buffer
	if _, err := pdf(&ours); err != nil {
		t.Fatal(err)
	}
	for file, b := range map[string][]byte{name + ".docx": data, name + ".pdf": ours.Bytes()} {
		if err := os.WriteFile(filepath.Join(dir, file), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
