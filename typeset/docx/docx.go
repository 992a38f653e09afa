// Package docx writes Word documents (.docx, Office Open XML
// WordprocessingML) that Word, WPS and LibreOffice open for editing: styled
// paragraphs of runs, tables, PNG pictures, one section with its page size,
// margins, line grid and a page-number footer. It is the editable sibling of
// the fixed-layout renderers of package typeset: the forms that leaders
// revise before signing are written both ways from the same wording. Only
// what those documents need is written; nothing is read.
package docx

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// Twips per millimetre: WordprocessingML measures in twentieths of a point.
const twipsPerMM = 1440 / 25.4

// Twips converts millimetres to twips.
func Twips(mm float64) int { return int(mm*twipsPerMM + 0.5) }

// Font names a face for the Chinese text (EastAsia) and for Latin letters
// and digits (Latin, often the same); Alt is the name Word and WPS try
// when EastAsia is not installed (仿宋 for 仿宋_GB2312).
type Font struct {
	EastAsia, Latin, Alt string
}

// Style is a paragraph style: its font, size and colour, its indent and
// alignment, and the line pitch. Styles are referenced by ID.
type Style struct {
	ID, Name  string
	BasedOn   string
	Font      Font
	SizePt    float64
	Bold      bool
	Color     string  // RRGGBB, "" for automatic
	Spacing   float64 // extra space after each character, pt (may be negative)
	Align     Align
	FirstLine float64 // first-line indent, mm (negative: hanging)
	Indent    float64 // left indent of the whole paragraph, mm
	LineMM    float64 // exact line pitch, 0 for single
	KeepNext  bool
	Heading   int  // outline level 1…9 for the navigation pane, 0 for body text
	OffGrid   bool // lines not snapped to the page's line grid (tables, footers)
}

// Align is a paragraph's alignment.
type Align string

const (
	AlignBoth   Align = "both"
	AlignLeft   Align = "left"
	AlignCenter Align = "center"
	AlignRight  Align = "right"
)

// Run is text in one character format; the zero format is the paragraph
// style's. Text may hold "\n" for a line break within the paragraph and
// "\t" for a tab (to the paragraph's RightTab).
type Run struct {
	Text    string
	Font    *Font
	SizePt  float64
	Bold    bool
	Color   string
	Spacing float64 // extra space after each character, pt
	Page    bool    // the current page number instead of Text
}

// Block is a paragraph, a table or a picture of the body.
type Block interface{ block() }

// Paragraph is a paragraph in a style.
type Paragraph struct {
	Style       string
	Align       Align // "" for the style's
	Runs        []Run
	BorderBelow *Border // a rule under the paragraph (the red rule of the 版头)
	BorderAbove *Border
	PageBefore  bool
	SpaceBefore float64 // mm
	// Indents in mm, overriding the style's when any is set: Left of
	// every line, FirstLine more (negative: hanging), Right.
	Left, FirstLine, Right float64
	RightTab               float64 // a right-aligned tab stop, mm from the left indent; 0 for none
}

// Border is a paragraph rule: width in points, colour RRGGBB.
type Border struct {
	WidthPt float64
	Color   string
}

// Table is a ruled table; Widths are the columns in mm, the first row
// repeats on every page when HeaderRow.
type Table struct {
	Widths    []float64
	Rows      [][]Cell
	HeaderRow bool
	Style     string // the style of the cells' paragraphs
	Align     []Align
}

// Cell is a table cell's text, or its Runs when it has any; Bold for a
// header; Fill shades it RRGGBB; Align, when set, overrides the column's.
type Cell struct {
	Text  string
	Runs  []Run
	Bold  bool
	Color string
	Fill  string
	Align Align
}

// Picture is a PNG image shown at a width in mm, centred.
type Picture struct {
	PNG           []byte
	Width, Height float64 // mm
	Name          string  // alternative text
}

func (Paragraph) block() {}
func (Table) block()     {}
func (Picture) block()   {}

// Page is the section's paper: size and margins in mm; Footer is
// written at FooterMM from the bottom edge; LinePitch sets the document
// grid (lines per page) when not 0.
type Page struct {
	Width, Height            float64
	Top, Bottom, Left, Right float64
	FooterMM                 float64
	LinePitch                float64
	// Footers: odd and even pages may differ (the page number on the
	// outside corner); EvenFooter nil uses OddFooter on every page.
	OddFooter, EvenFooter []Paragraph
}

// Document is what Write writes.
type Document struct {
	Title, Author string
	Styles        []Style
	Page          Page
	Body          []Block
}

// Write writes the document as a .docx file.
func (d *Document) Write(w io.Writer) error {
	z := zip.NewWriter(w)
	var pics []Picture
	for _, b := range d.Body {
		if p, ok := b.(Picture); ok {
			pics = append(pics, p)
		}
	}
	parts := []struct {
		name string
		body string
	}{
		{"[Content_Types].xml", contentTypes(d)},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", d.core()},
		{"word/_rels/document.xml.rels", documentRels(d, len(pics))},
		{"word/document.xml", d.document()},
		{"word/styles.xml", d.styles()},
		{"word/settings.xml", d.settings()},
		{"word/fontTable.xml", d.fontTable()},
		{"word/footer1.xml", footer(d.Page.OddFooter)},
	}
	if d.Page.EvenFooter != nil {
		parts = append(parts, struct{ name, body string }{"word/footer2.xml", footer(d.Page.EvenFooter)})
	}
	for _, p := range parts {
		f, err := z.Create(p.name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, xml.Header+p.body); err != nil {
			return err
		}
	}
	for i, p := range pics {
		f, err := z.Create(fmt.Sprintf("word/media/image%d.png", i+1))
		if err != nil {
			return err
		}
		if _, err := f.Write(p.PNG); err != nil {
			return err
		}
	}
	return z.Close()
}

const (
	nsW   = `http://schemas.openxmlformats.org/wordprocessingml/2006/main`
	nsR   = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
	nsRel = `http://schemas.openxmlformats.org/package/2006/relationships`
)

func contentTypes(d *Document) string {
	var b strings.Builder
	b.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	b.WriteString(`<Default Extension="png" ContentType="image/png"/>`)
	wml := "application/vnd.openxmlformats-officedocument.wordprocessingml."
	for _, o := range [][2]string{
		{"/word/document.xml", wml + "document.main+xml"},
		{"/word/styles.xml", wml + "styles+xml"},
		{"/word/settings.xml", wml + "settings+xml"},
		{"/word/fontTable.xml", wml + "fontTable+xml"},
		{"/word/footer1.xml", wml + "footer+xml"},
		{"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
	} {
		fmt.Fprintf(&b, `<Override PartName="%s" ContentType="%s"/>`, o[0], o[1])
	}
	if d.Page.EvenFooter != nil {
		fmt.Fprintf(&b, `<Override PartName="/word/footer2.xml" ContentType="%s"/>`, wml+"footer+xml")
	}
	b.WriteString(`</Types>`)
	return b.String()
}

const rootRels = `<Relationships xmlns="` + nsRel + `">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

// The relationships of document.xml: rIdStyles… fixed, the pictures
// rIdImage1….
func documentRels(d *Document, pics int) string {
	var b strings.Builder
	b.WriteString(`<Relationships xmlns="` + nsRel + `">`)
	rel := func(id, kind, target string) {
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="%s/%s" Target="%s"/>`, id, nsR, kind, target)
	}
	rel("rIdStyles", "styles", "styles.xml")
	rel("rIdSettings", "settings", "settings.xml")
	rel("rIdFonts", "fontTable", "fontTable.xml")
	rel("rIdFooterOdd", "footer", "footer1.xml")
	if d.Page.EvenFooter != nil {
		rel("rIdFooterEven", "footer", "footer2.xml")
	}
	for i := 1; i <= pics; i++ {
		rel(fmt.Sprintf("rIdImage%d", i), "image", fmt.Sprintf("media/image%d.png", i))
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func (d *Document) core() string {
	return `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
		`<dc:title>` + esc(d.Title) + `</dc:title><dc:creator>` + esc(d.Author) + `</dc:creator></cp:coreProperties>`
}

func (d *Document) settings() string {
	even := ""
	if d.Page.EvenFooter != nil {
		even = `<w:evenAndOddHeaders/>`
	}
	return `<w:settings xmlns:w="` + nsW + `">` + even +
		`<w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>` +
		`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`
}

// fontTable names every font used, with the name to try when it is
// missing.
func (d *Document) fontTable() string {
	var b strings.Builder
	b.WriteString(`<w:fonts xmlns:w="` + nsW + `">`)
	seen := map[string]bool{}
	for _, st := range d.Styles {
		for _, name := range []string{st.Font.EastAsia, st.Font.Latin} {
			if name == "" || seen[name] {
				continue
			}
			seen[name] = true
			fmt.Fprintf(&b, `<w:font w:name="%s">`, esc(name))
			if name == st.Font.EastAsia && st.Font.Alt != "" {
				fmt.Fprintf(&b, `<w:altName w:val="%s"/>`, esc(st.Font.Alt))
			}
			if name == st.Font.EastAsia {
				b.WriteString(`<w:charset w:val="86"/>`) // GB2312
			}
			b.WriteString(`</w:font>`)
		}
	}
	b.WriteString(`</w:fonts>`)
	return b.String()
}

func (f Font) rPr(b *strings.Builder) {
	if f.EastAsia == "" && f.Latin == "" {
		return
	}
	latin := f.Latin
	if latin == "" {
		latin = f.EastAsia
	}
	fmt.Fprintf(b, `<w:rFonts w:ascii="%s" w:hAnsi="%s" w:eastAsia="%s" w:cs="%s" w:hint="eastAsia"/>`, esc(latin), esc(latin), esc(f.EastAsia), esc(latin))
}

func halfPoints(pt float64) int { return int(pt*2 + 0.5) }

func runProps(b *strings.Builder, f *Font, size float64, bold bool, color string, spacing float64) {
	if f != nil {
		f.rPr(b)
	}
	if bold {
		b.WriteString(`<w:b/><w:bCs/>`)
	}
	if color != "" {
		fmt.Fprintf(b, `<w:color w:val="%s"/>`, color)
	}
	if spacing != 0 {
		fmt.Fprintf(b, `<w:spacing w:val="%d"/>`, int(spacing*20))
	}
	if size > 0 {
		fmt.Fprintf(b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, halfPoints(size), halfPoints(size))
	}
}

func (d *Document) styles() string {
	var b strings.Builder
	b.WriteString(`<w:styles xmlns:w="` + nsW + `">`)
	b.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>`)
	for i, st := range d.Styles {
		def := ""
		if i == 0 {
			def = ` w:default="1"`
		}
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="%s"%s><w:name w:val="%s"/>`, esc(st.ID), def, esc(st.Name))
		if st.BasedOn != "" {
			fmt.Fprintf(&b, `<w:basedOn w:val="%s"/>`, esc(st.BasedOn))
		}
		b.WriteString(`<w:qFormat/><w:pPr>`)
		if st.KeepNext {
			b.WriteString(`<w:keepNext/>`)
		}
		b.WriteString(`<w:widowControl/>`)
		if st.LineMM > 0 {
			fmt.Fprintf(&b, `<w:spacing w:before="0" w:after="0" w:line="%d" w:lineRule="exact"/>`, Twips(st.LineMM))
		} else {
			b.WriteString(`<w:spacing w:before="0" w:after="0"/>`)
		}
		// written even when 0, so that a style based on one with an
		// indent (the body's two characters) does not inherit it
		indent(&b, st.Indent, st.FirstLine)
		if st.OffGrid {
			b.WriteString(`<w:snapToGrid w:val="0"/>`)
		}
		if st.Align != "" {
			fmt.Fprintf(&b, `<w:jc w:val="%s"/>`, st.Align)
		}
		if st.Heading > 0 {
			fmt.Fprintf(&b, `<w:outlineLvl w:val="%d"/>`, st.Heading-1)
		}
		b.WriteString(`</w:pPr><w:rPr>`)
		f := st.Font
		runProps(&b, &f, st.SizePt, st.Bold, st.Color, st.Spacing)
		b.WriteString(`</w:rPr></w:style>`)
	}
	b.WriteString(`<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(&b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, side)
	}
	b.WriteString(`</w:tblBorders><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	b.WriteString(`</w:styles>`)
	return b.String()
}

func indent(b *strings.Builder, left, first float64) {
	fmt.Fprintf(b, `<w:ind w:left="%d"`, Twips(left))
	if first >= 0 {
		fmt.Fprintf(b, ` w:firstLine="%d"/>`, Twips(first))
	} else {
		fmt.Fprintf(b, ` w:hanging="%d"/>`, Twips(-first))
	}
}

func border(b *strings.Builder, side string, br *Border) {
	if br != nil {
		fmt.Fprintf(b, `<w:%s w:val="single" w:sz="%d" w:space="1" w:color="%s"/>`, side, int(br.WidthPt*8+0.5), br.Color)
	}
}

func writeParagraph(b *strings.Builder, p Paragraph) {
	b.WriteString(`<w:p><w:pPr>`)
	if p.Style != "" {
		fmt.Fprintf(b, `<w:pStyle w:val="%s"/>`, esc(p.Style))
	}
	if p.PageBefore {
		b.WriteString(`<w:pageBreakBefore/>`)
	}
	if p.BorderAbove != nil || p.BorderBelow != nil {
		b.WriteString(`<w:pBdr>`)
		border(b, "top", p.BorderAbove)
		border(b, "bottom", p.BorderBelow)
		b.WriteString(`</w:pBdr>`)
	}
	if p.RightTab > 0 {
		fmt.Fprintf(b, `<w:tabs><w:tab w:val="right" w:pos="%d"/></w:tabs>`, Twips(p.RightTab))
	}
	if p.SpaceBefore > 0 {
		fmt.Fprintf(b, `<w:spacing w:before="%d"/>`, Twips(p.SpaceBefore))
	}
	if p.Left != 0 || p.FirstLine != 0 || p.Right != 0 {
		fmt.Fprintf(b, `<w:ind w:left="%d" w:right="%d"`, Twips(p.Left), Twips(p.Right))
		if p.FirstLine >= 0 {
			fmt.Fprintf(b, ` w:firstLine="%d"/>`, Twips(p.FirstLine))
		} else {
			fmt.Fprintf(b, ` w:hanging="%d"/>`, Twips(-p.FirstLine))
		}
	}
	if p.Align != "" {
		fmt.Fprintf(b, `<w:jc w:val="%s"/>`, p.Align)
	}
	b.WriteString(`</w:pPr>`)
	for _, r := range p.Runs {
		writeRun(b, r)
	}
	b.WriteString(`</w:p>`)
}

func writeRun(b *strings.Builder, r Run) {
	var props strings.Builder
	runProps(&props, r.Font, r.SizePt, r.Bold, r.Color, r.Spacing)
	rpr := ""
	if props.Len() > 0 {
		rpr = `<w:rPr>` + props.String() + `</w:rPr>`
	}
	if r.Page {
		b.WriteString(`<w:r>` + rpr + `<w:fldChar w:fldCharType="begin"/></w:r>`)
		b.WriteString(`<w:r>` + rpr + `<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>`)
		b.WriteString(`<w:r>` + rpr + `<w:fldChar w:fldCharType="separate"/></w:r>`)
		b.WriteString(`<w:r>` + rpr + `<w:t>1</w:t></w:r>`)
		b.WriteString(`<w:r>` + rpr + `<w:fldChar w:fldCharType="end"/></w:r>`)
		return
	}
	b.WriteString(`<w:r>` + rpr)
	for i, line := range strings.Split(r.Text, "\n") {
		if i > 0 {
			b.WriteString(`<w:br/>`)
		}
		for j, part := range strings.Split(line, "\t") {
			if j > 0 {
				b.WriteString(`<w:tab/>`)
			}
			if part != "" {
				fmt.Fprintf(b, `<w:t xml:space="preserve">%s</w:t>`, esc(part))
			}
		}
	}
	b.WriteString(`</w:r>`)
}

func writeTable(b *strings.Builder, t Table) {
	total := 0.0
	for _, w := range t.Widths {
		total += w
	}
	fmt.Fprintf(b, `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>`, Twips(total))
	for _, w := range t.Widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, Twips(w))
	}
	b.WriteString(`</w:tblGrid>`)
	for i, row := range t.Rows {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
		if i == 0 && t.HeaderRow {
			b.WriteString(`<w:tblHeader/>`)
		}
		b.WriteString(`</w:trPr>`)
		for j, c := range row {
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, Twips(t.Widths[j]))
			if c.Fill != "" {
				fmt.Fprintf(b, `<w:shd w:val="clear" w:color="auto" w:fill="%s"/>`, c.Fill)
			}
			b.WriteString(`<w:vAlign w:val="center"/></w:tcPr>`)
			align := AlignCenter
			if j < len(t.Align) && t.Align[j] != "" {
				align = t.Align[j]
			}
			if c.Align != "" {
				align = c.Align
			}
			runs := c.Runs
			if runs == nil {
				runs = []Run{{Text: c.Text, Bold: c.Bold, Color: c.Color}}
			}
			writeParagraph(b, Paragraph{Style: t.Style, Align: align, Runs: runs})
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
}

// emuPerMM: DrawingML measures in English Metric Units.
const emuPerMM = 36000

func writePicture(b *strings.Builder, p Picture, n int) {
	cx, cy := int(p.Width*emuPerMM), int(p.Height*emuPerMM)
	fmt.Fprintf(b, `<w:p><w:pPr><w:spacing w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr><w:r><w:drawing>`+
		`<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%d" cy="%d"/><wp:docPr id="%d" name="%s" descr="%s"/>`+
		`<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">`+
		`<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="%d" name="image%d.png"/><pic:cNvPicPr/></pic:nvPicPr>`+
		`<pic:blipFill><a:blip r:embed="rIdImage%d"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>`+
		`</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`,
		cx, cy, n, esc(p.Name), esc(p.Name), n, n, n, cx, cy)
}

const bodyNS = `xmlns:w="` + nsW + `" xmlns:r="` + nsR + `" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"`

func (d *Document) document() string {
	var b strings.Builder
	b.WriteString(`<w:document ` + bodyNS + `><w:body>`)
	pic := 0
	for _, bl := range d.Body {
		switch x := bl.(type) {
		case Paragraph:
			writeParagraph(&b, x)
		case Table:
			writeTable(&b, x)
			// Word needs a paragraph between a table and what follows
			writeParagraph(&b, Paragraph{Style: x.Style})
		case Picture:
			pic++
			writePicture(&b, x, pic)
		}
	}
	pg := d.Page
	b.WriteString(`<w:sectPr>`)
	if pg.EvenFooter != nil {
		b.WriteString(`<w:footerReference w:type="even" r:id="rIdFooterEven"/>`)
	}
	b.WriteString(`<w:footerReference w:type="default" r:id="rIdFooterOdd"/>`)
	fmt.Fprintf(&b, `<w:pgSz w:w="%d" w:h="%d"/>`, Twips(pg.Width), Twips(pg.Height))
	fmt.Fprintf(&b, `<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="%d" w:gutter="0"/>`,
		Twips(pg.Top), Twips(pg.Right), Twips(pg.Bottom), Twips(pg.Left), Twips(pg.FooterMM))
	if pg.LinePitch > 0 {
		fmt.Fprintf(&b, `<w:docGrid w:type="lines" w:linePitch="%d"/>`, Twips(pg.LinePitch))
	}
	b.WriteString(`</w:sectPr></w:body></w:document>`)
	return b.String()
}

func footer(ps []Paragraph) string {
	var b strings.Builder
	b.WriteString(`<w:ftr ` + bodyNS + `>`)
	for _, p := range ps {
		writeParagraph(&b, p)
	}
	if len(ps) == 0 {
		b.WriteString(`<w:p/>`)
	}
	b.WriteString(`</w:ftr>`)
	return b.String()
}
