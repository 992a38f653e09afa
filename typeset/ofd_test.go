package typeset

import (
	"archive/zip"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
)

var ofdCreated = time.Date(2026, 3, 9, 10, 30, 0, 0, time.UTC)

// sampleCanvas lays out a page of every kind of drawing: black and red
// text, bold set by stroking, characters outside the BMP and one no font
// has, rules, boxes and a circle.
func sampleCanvas(t *testing.T, landscape bool) *Canvas {
	t.Helper()
	f, err := LoadFonts(FontChoice{BundledChoice, BundledChoice, BundledChoice, BundledChoice})
	if err != nil {
		t.Fatal(err)
	}
	c := NewCanvas(f, landscape, "示例区人民政府办公室收文处理笺", "示例区人民政府办公室")
	c.newPage()
	body := Style{Role: RoleBody, Size: 16, Color: Black}
	c.Text(20, 20, Style{Role: RoleTitle, Size: 22, Color: Red}, "示例区人民政府办公室")
	c.Line(20, 32, 190, 32, 0.6, Red)
	c.Text(20, 40, body.WithSpacing(0.5), "关于做好2026年春节期间值班工作的通知")
	c.Text(20, 50, body.WithBold(true), "喆堃镕玥 A-1（加粗）")
	c.Text(20, 60, body, "生僻字𠮷与\U000F0000无字")
	c.strokeRect(20, 70, 80, 20, 0.3, Black)
	c.FillRect(110, 70, 30, 10, RuleGrey)
	c.Circle(160, 80, 8, &White, &Red, 0.5)
	c.newPage()
	c.Text(20, 20, body, "第二页 — 2 —")
	return c
}

// documentText is what the Document draws, as its text: the characters
// themselves where stand-ins draw them.
func documentText(p Page) string {
	var b strings.Builder
	for _, o := range p {
		if o.Kind == OpText {
			b.WriteString(map[bool]string{true: o.Actual, false: o.Codes}[o.Actual != ""])
		}
	}
	return b.String()
}

func TestOFDReadsBack(t *testing.T) {
	c := sampleCanvas(t, false)
	var buf bytes.Buffer
	printed, err := c.Write(&OFDFile{W: &buf, Created: ofdCreated})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(printed.Replaced, 0xF0000) {
		t.Errorf("replaced %q, want the private-use character named", string(printed.Replaced))
	}
	if w := printed.Warning(); !strings.Contains(w, "U+F0000") || !strings.Contains(w, "OFD") {
		t.Errorf("the warning %q does not name the character, or speaks of PDF alone", w)
	}
	got, err := CheckOFD(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "示例区人民政府办公室收文处理笺" || got.Creator != "公文督办台" || got.CreationDate != "2026-03-09" {
		t.Errorf("DocInfo: %+v", got)
	}
	if got.PhysicalBox != "0 0 210 297" {
		t.Errorf("PhysicalBox %q", got.PhysicalBox)
	}
	d := c.Document()
	if len(got.Pages) != len(d.Pages) {
		t.Fatalf("%d pages, want %d", len(got.Pages), len(d.Pages))
	}
	for i, p := range d.Pages {
		if want := documentText(p); got.Pages[i] != want {
			t.Errorf("page %d: text %q, want %q", i+1, got.Pages[i], want)
		}
	}
	if !strings.Contains(got.Pages[0], "生僻字𠮷与\U000F0000无字") {
		t.Errorf("the characters drawn by stand-ins are not read back as themselves: %q", got.Pages[0])
	}
	if got.Fonts != len(d.Fonts) {
		t.Errorf("%d fonts, want %d", got.Fonts, len(d.Fonts))
	}

	// The same Document and date make the same file.
	var again bytes.Buffer
	if _, err := c.Write(&OFDFile{W: &again, Created: ofdCreated}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("the same document written twice differs")
	}
}

// The parts say what the standard asks: a landscape page area, red fills
// and strokes, paths for rules, boxes and circles, bold by stroking.
func TestOFDParts(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteOFD(&buf, sampleCanvas(t, true).Document(), ofdCreated); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	part := func(name string) string {
		for _, f := range zr.File {
			if f.Name == name {
				rc, _ := f.Open()
				defer rc.Close()
				var b bytes.Buffer
				b.ReadFrom(rc)
				return b.String()
			}
		}
		t.Fatalf("%s missing", name)
		return ""
	}
	if zr.File[0].Name != "OFD.xml" {
		t.Errorf("first part %s, want OFD.xml", zr.File[0].Name)
	}
	root := part("OFD.xml")
	for _, want := range []string{`xmlns:ofd="http://www.ofdspec.org/2016"`, "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>", "<ofd:Author>示例区人民政府办公室</ofd:Author>"} {
		if !strings.Contains(root, want) {
			t.Errorf("OFD.xml lacks %s:\n%s", want, root)
		}
	}
	if doc := part("Doc_0/Document.xml"); !strings.Contains(doc, "<ofd:PhysicalBox>0 0 297 210</ofd:PhysicalBox>") || !strings.Contains(doc, "<ofd:MaxUnitID>") {
		t.Errorf("Document.xml:\n%s", doc)
	}
	page := part("Doc_0/Pages/Page_0/Content.xml")
	for _, re := range []string{
		`<ofd:TextObject [^>]*Font="\d+" Size="7\.7611"[^>]*><ofd:FillColor Value="218 37 29">`, // the red 2号 title
		`<ofd:PathObject [^>]*LineWidth="0\.6" Stroke="true" Fill="false"><ofd:StrokeColor Value="218 37 29"></ofd:StrokeColor><ofd:AbbreviatedData>M 0\.3 0\.3 L 170\.3 0\.3</ofd:AbbreviatedData>`,
		`Fill="true"><ofd:FillColor Value="170 170 170"></ofd:FillColor><ofd:AbbreviatedData>M 0 0 L 30 0 L 30 10 L 0 10 C<`,
		`<ofd:AbbreviatedData>M 16\.25 8\.25 B [^<]* C</ofd:AbbreviatedData>`, // the circle, its stroke inside the boundary
		`Stroke="true" LineWidth="[0-9.]+"><ofd:FillColor Value="0 0 0"></ofd:FillColor><ofd:StrokeColor Value="0 0 0">`,
		`DeltaX="g \d+ [0-9.]+`, // the spaced line abbreviated
		`<ofd:CGTransform CodePosition="0" CodeCount="1" GlyphCount="1"><ofd:Glyphs>\d+</ofd:Glyphs></ofd:CGTransform><ofd:TextCode X="0" Y="[0-9.]+">𠮷</ofd:TextCode>`,
	} {
		if !regexp.MustCompile(re).MatchString(page) {
			t.Errorf("page lacks %s", re)
		}
	}
}

func TestDeltaX(t *testing.T) {
	if got := deltaX([]float64{5.6, 5.6, 5.6, 2.8, 5.6}); got != "g 3 5.6 2.8 5.6" {
		t.Errorf("deltaX = %q", got)
	}
}

// The OFD's text is the PDF's, character for character, as pdftotext
// reads it in drawing order (-raw).
func TestOFDTextEqualsPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	c := sampleCanvas(t, false)
	var pdf, ofd bytes.Buffer
	if _, err := c.WritePDF(&pdf); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Write(&OFDFile{W: &ofd, Created: ofdCreated}); err != nil {
		t.Fatal(err)
	}
	got, err := CheckOFD(ofd.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "s.pdf")
	os.WriteFile(path, pdf.Bytes(), 0o644)
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
	if len(pages) != len(got.Pages) {
		t.Fatalf("PDF %d pages, OFD %d", len(pages), len(got.Pages))
	}
	for i := range pages {
		if a, b := withoutSpace(pages[i]), withoutSpace(got.Pages[i]); a != b {
			t.Errorf("page %d:\nPDF %q\nOFD %q", i+1, a, b)
		}
	}
}

func withoutSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// CheckOFD finds what a reader would trip over.
func TestCheckOFDFindsFaults(t *testing.T) {
	var good bytes.Buffer
	if err := WriteOFD(&good, sampleCanvas(t, false).Document(), ofdCreated); err != nil {
		t.Fatal(err)
	}
	// rewrite is the package with one part changed (or dropped, for "").
	rewrite := func(name string, change func(string) string) []byte {
		zr, err := zip.NewReader(bytes.NewReader(good.Bytes()), int64(good.Len()))
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		zw := zip.NewWriter(&out)
		for _, f := range zr.File {
			rc, _ := f.Open()
			var b bytes.Buffer
			b.ReadFrom(rc)
			rc.Close()
			data := b.String()
			if f.Name == name {
				if data = change(data); data == "" {
					continue
				}
			}
			w, _ := zw.Create(f.Name)
			w.Write([]byte(data))
		}
		zw.Close()
		return out.Bytes()
	}
	page := "Doc_0/Pages/Page_0/Content.xml"
	for _, c := range []struct {
		name, part string
		change     func(string) string
		want       string
	}{
		{"a font file missing", "Doc_0/Res/font_1.ttf", func(string) string { return "" }, "missing"},
		{"a font that is not TrueType", "Doc_0/Res/font_1.ttf", func(s string) string { return "OTTO" + s[4:] }, "not a TrueType"},
		{"a part that does not parse", page, func(s string) string { return strings.Replace(s, "</ofd:Layer>", "", 1) }, "XML"},
		{"an element outside the namespace", page, func(s string) string { return strings.Replace(s, "ofd:TextCode", "TextCode", 2) }, "namespace"},
		{"an ID used twice", page, func(s string) string { return regexp.MustCompile(`ID="\d+"`).ReplaceAllString(s, `ID="4"`) }, "twice"},
		{"an ID above MaxUnitID", "Doc_0/Document.xml", func(s string) string {
			return regexp.MustCompile(`<ofd:MaxUnitID>\d+`).ReplaceAllString(s, "<ofd:MaxUnitID>3")
		}, "outside"},
		{"a font that is no resource", page, func(s string) string { return strings.Replace(s, `Font="1"`, `Font="999"`, 1) }, "not a resource"},
		{"a character the font lacks", page, func(s string) string { return strings.Replace(s, "示例区", "國例区", 1) }, "no glyph"},
		{"a page missing", page, func(string) string { return "" }, "missing"},
	} {
		_, err := CheckOFD(rewrite(c.part, c.change))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error saying %q", c.name, err, c.want)
		}
	}
}
