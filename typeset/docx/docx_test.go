package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// A document of every kind of block comes out as a package whose parts
// are well-formed XML, each declared in [Content_Types].xml and reached by
// a relationship, with the text and the section as given.
func TestWrite(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\nnot really")
	d := Document{
		Title:  "测试<文档>",
		Styles: []Style{{ID: "Body", Name: "Normal", Font: Font{EastAsia: "仿宋_GB2312", Alt: "仿宋"}, SizePt: 16, FirstLine: 11.1, LineMM: 10.2}},
		Page: Page{Width: 210, Height: 297, Top: 37, Bottom: 35, Left: 28, Right: 26, FooterMM: 20,
			OddFooter: []Paragraph{{Runs: []Run{{Text: "— "}, {Page: true}, {Text: " —"}}}}},
		Body: []Block{
			Paragraph{Style: "Body", RightTab: 150, Runs: []Run{{Text: "左\t右 & <b>"}, {Text: "换\n行", Bold: true}}},
			Table{Widths: []float64{20, 30}, HeaderRow: true, Rows: [][]Cell{{{Text: "甲"}, {Text: "乙"}}, {{Text: "1"}, {Runs: []Run{{Text: "●", Color: "FF0000"}, {Text: "红"}}}}}},
			Picture{PNG: png, Width: 100, Height: 50, Name: "图"},
		},
	}
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range z.File {
		r, _ := f.Open()
		b, _ := io.ReadAll(r)
		r.Close()
		parts[f.Name] = string(b)
		if strings.HasSuffix(f.Name, "xml") || strings.HasSuffix(f.Name, "rels") {
			if err := xml.Unmarshal(b, new(struct{})); err != nil {
				t.Errorf("%s: %v", f.Name, err)
			}
		}
	}
	if parts["word/media/image1.png"] != string(png) {
		t.Error("the picture is not stored as given")
	}
	types, rels := parts["[Content_Types].xml"], parts["word/_rels/document.xml.rels"]
	for _, name := range []string{"document", "styles", "settings", "fontTable", "footer1"} {
		if !strings.Contains(types, `PartName="/word/`+name+`.xml"`) {
			t.Errorf("%s is not declared", name)
		}
	}
	for _, target := range []string{"styles.xml", "settings.xml", "fontTable.xml", "footer1.xml", "media/image1.png"} {
		if !strings.Contains(rels, `Target="`+target+`"`) {
			t.Errorf("no relationship reaches %s", target)
		}
	}
	if parts["word/footer2.xml"] != "" || strings.Contains(parts["word/settings.xml"], "evenAndOdd") {
		t.Error("an even footer without EvenFooter")
	}
	doc := parts["word/document.xml"]
	for _, want := range []string{
		`<w:t xml:space="preserve">左</w:t><w:tab/><w:t xml:space="preserve">右 &amp; &lt;b&gt;</w:t>`,
		`<w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">换</w:t><w:br/><w:t xml:space="preserve">行</w:t>`,
		`<w:tab w:val="right" w:pos="8504"/>`,
		`<w:gridCol w:w="1134"/><w:gridCol w:w="1701"/>`, `<w:tblHeader/>`, `<w:color w:val="FF0000"/>`,
		`<wp:extent cx="3600000" cy="1800000"/>`, `r:embed="rIdImage1"`,
		`<w:pgSz w:w="11906" w:h="16838"/>`, `<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="1134"`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if !strings.Contains(parts["word/footer1.xml"], `<w:instrText xml:space="preserve"> PAGE </w:instrText>`) {
		t.Error("the footer has no page number")
	}
	st := parts["word/styles.xml"]
	for _, want := range []string{`w:styleId="Body" w:default="1"`, `w:eastAsia="仿宋_GB2312"`, `<w:sz w:val="32"/>`, `w:line="578" w:lineRule="exact"`, `w:firstLine="629"`} {
		if !strings.Contains(st, want) {
			t.Errorf("styles.xml lacks %s", want)
		}
	}
	if !strings.Contains(parts["docProps/core.xml"], "测试&lt;文档&gt;") {
		t.Error("the title is not escaped")
	}
}
