package typeset

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// OFD (GB/T 33190-2016) is the national fixed-layout format in which
// offices exchange and archive documents: a zip of XML parts. WriteOFD
// renders the same Document as WritePDF, so that the two never drift:
//
//	OFD.xml                      DocBody: DocInfo (DocID, title, author, date, creator), DocRoot
//	Doc_0/Document.xml           CommonData (MaxUnitID, PageArea, PublicRes), Pages
//	Doc_0/PublicRes.xml          the fonts, each with its embedded file in Res/
//	Doc_0/Pages/Page_N/Content.xml  one layer of TextObjects and PathObjects
//
// Coordinates are millimetres from the top-left corner, as in the
// Document. The fonts are cut down to the glyphs the Document uses, by
// the same subsetFont as the PDF's.

const ofdNamespace = "http://www.ofdspec.org/2016"

// ofdCreator names the program in DocInfo.
const ofdCreator = "公文督办台"

// OFDFile is a destination that asks for OFD: the forms write to an
// io.Writer, and Canvas.Write renders OFD onto W when given an *OFDFile
// (PDF otherwise).
type OFDFile struct {
	W       io.Writer
	Created time.Time // the document's CreationDate: the caller's clock
}

func (o *OFDFile) Write(p []byte) (int, error) { return o.W.Write(p) }

// Write renders the canvas's pages as PDF on w, or as OFD when w is an
// *OFDFile. The file is complete even when characters had to be printed
// as 〓: Printed names them.
func (c *Canvas) Write(w io.Writer) (Printed, error) {
	o, ok := w.(*OFDFile)
	if !ok {
		return c.WritePDF(w)
	}
	d := c.Document()
	if err := WriteOFD(o.W, d, o.Created); err != nil {
		return Printed{}, err
	}
	return Printed{Replaced: d.Replaced}, nil
}

// WriteOFD renders a page description into an OFD package on w; created
// is its CreationDate.
func WriteOFD(w io.Writer, d *Document, created time.Time) error {
	pkg, err := buildOFD(d, created)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, p := range pkg {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: created})
		if err != nil {
			return fmt.Errorf("生成OFD失败：%w", err)
		}
		if _, err := fw.Write(p.data); err != nil {
			return fmt.Errorf("生成OFD失败：%w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("生成OFD失败：%w", err)
	}
	return nil
}

// ofdPart is one file of the package.
type ofdPart struct {
	name string
	data []byte
}

// ofdFont is a font resource: its ID, and for each code of the
// Document's Ops the glyph of the source font (to measure it) and of the
// embedded subset (to name it in a CGTransform).
type ofdFont struct {
	id     int
	source map[uint16]uint16
	glyph  map[uint16]uint16
}

// buildOFD lays out the parts of the package, in the order they are
// written: OFD.xml first, as readers expect.
func buildOFD(d *Document, created time.Time) ([]ofdPart, error) {
	var ids unitIDs
	var parts []ofdPart

	// The characters drawn by stand-ins (outside the BMP, or 〓 for one no
	// font has): the OFD's text carries them as themselves, so each font's
	// character map gives them the stand-in's glyph too, for readers that
	// do not follow the CGTransform.
	standIns := map[*face]map[rune]uint16{}
	for _, page := range d.Pages {
		for _, o := range page {
			if o.Kind != OpText || o.Actual == "" {
				continue
			}
			if standIns[o.Face] == nil {
				standIns[o.Face] = map[rune]uint16{}
			}
			for _, code := range o.Codes {
				for _, r := range o.Actual {
					standIns[o.Face][r] = uint16(code)
				}
			}
		}
	}

	fonts := map[*face]ofdFont{}
	res := ofdRes{NS: ofdNamespace, BaseLoc: "Res"}
	for i, fu := range d.Fonts {
		f := fu.Face
		glyphs := make([]subsetGlyph, 0, len(fu.Glyphs))
		for code, gid := range fu.Glyphs {
			glyphs = append(glyphs, subsetGlyph{code, gid})
		}
		var wide []wideGlyph
		for r, code := range standIns[f] {
			gid := fu.Glyphs[code]
			if _, taken := fu.Glyphs[uint16(r)]; r > 0xFFFF {
				wide = append(wide, wideGlyph{r, gid})
			} else if !taken {
				glyphs = append(glyphs, subsetGlyph{uint16(r), gid})
			}
		}
		data := subsetFontWide(f.sf, glyphs, wide, fmt.Sprintf("%s-%d", f.psName, i+1))
		sub, err := parseSFNT(data, 0)
		if err != nil {
			return nil, fmt.Errorf("生成OFD时无法嵌入字体%s：%w", f.name, err)
		}
		of := ofdFont{id: ids.next(), source: fu.Glyphs, glyph: map[uint16]uint16{}}
		for code := range fu.Glyphs {
			of.glyph[code] = sub.glyphIndex(rune(code))
		}
		fonts[f] = of
		file := fmt.Sprintf("font_%d.ttf", of.id)
		res.Fonts = append(res.Fonts, ofdFontRes{ID: of.id, FontName: f.name, FamilyName: f.name,
			Bold: f.sf.weight >= 600, FontFile: file})
		parts = append(parts, ofdPart{"Doc_0/Res/" + file, data})
	}
	resXML, err := ofdXML(res)
	if err != nil {
		return nil, err
	}
	parts = append(parts, ofdPart{"Doc_0/PublicRes.xml", resXML})

	doc := ofdDocument{NS: ofdNamespace, PublicRes: "PublicRes.xml"}
	doc.PageArea.PhysicalBox = fmt.Sprintf("0 0 %s %s", num(d.Width), num(d.Height))
	digest := sha256.New()
	for i, page := range d.Pages {
		content := ofdPage{NS: ofdNamespace}
		doc.Pages = append(doc.Pages, ofdPageRef{ID: ids.next(), BaseLoc: fmt.Sprintf("Pages/Page_%d/Content.xml", i)})
		content.Layer.ID = ids.next()
		content.Layer.Type = "Body"
		for _, o := range page {
			switch o.Kind {
			case OpText:
				content.Layer.Objects = append(content.Layer.Objects, textObject(&ids, o, fonts[o.Face]))
			case OpLine, OpRect, OpCircle:
				content.Layer.Objects = append(content.Layer.Objects, pathObject(&ids, o))
			}
		}
		data, err := ofdXML(content)
		if err != nil {
			return nil, err
		}
		digest.Write(data)
		parts = append(parts, ofdPart{"Doc_0/" + doc.Pages[i].BaseLoc, data})
	}
	doc.MaxUnitID = ids.last
	docXML, err := ofdXML(doc)
	if err != nil {
		return nil, err
	}
	parts = append(parts, ofdPart{"Doc_0/Document.xml", docXML})

	// The DocID names this document: the same pages, title and date give
	// the same ID.
	fmt.Fprintf(digest, "\x00%s\x00%s\x00%s", d.Title, d.Author, created.Format(time.RFC3339))
	root := ofdRoot{NS: ofdNamespace, Version: "1.0", DocType: "OFD"}
	root.DocBody.DocInfo = ofdDocInfo{DocID: hex.EncodeToString(digest.Sum(nil)[:16]), Title: d.Title, Author: d.Author,
		CreationDate: created.Format("2006-01-02"), Creator: ofdCreator}
	root.DocBody.DocRoot = "Doc_0/Document.xml"
	rootXML, err := ofdXML(root)
	if err != nil {
		return nil, err
	}
	return append([]ofdPart{{"OFD.xml", rootXML}}, parts...), nil
}

// unitIDs hands out the document's object identifiers, 1, 2, …; the last
// one is the MaxUnitID of Document.xml.
type unitIDs struct{ last int }

func (u *unitIDs) next() int { u.last++; return u.last }

// textObject is one text Op: its characters with their advances. A
// character drawn by a stand-in glyph (outside the BMP, or 〓 for one no
// font has) is written as itself, and a CGTransform names the glyph, so
// that the text read out of the file is the original, as in the PDF.
func textObject(ids *unitIDs, o Op, f ofdFont) ofdTextObject {
	size := o.Size * PtToMM
	var deltas []float64
	width := 0.0
	for _, r := range o.Codes {
		adv := codeAdvance(o, f.source[uint16(r)])
		deltas = append(deltas, adv)
		width += adv
	}
	t := ofdTextObject{ID: ids.next(), Font: f.id, Size: num(size),
		// the em box of the line, and what descends below it
		Boundary:  box(o.X, o.Y-size, max(width, size), size*1.3),
		FillColor: &ofdColor{Value: rgb(o.Color)}}
	if o.Faux { // bold by stroking the outline, as in the PDF
		t.Stroke = true
		t.LineWidth = num(size * 0.035)
		t.StrokeColor = &ofdColor{Value: rgb(o.Color)}
	}
	code := ofdTextCode{X: "0", Y: num(size), Text: o.Codes}
	if len(deltas) > 1 {
		code.DeltaX = deltaX(deltas[:len(deltas)-1])
	}
	if o.Actual != "" {
		code.Text = o.Actual
		n := len([]rune(o.Codes))
		glyphs := make([]string, 0, n)
		for _, r := range o.Codes {
			glyphs = append(glyphs, strconv.Itoa(int(f.glyph[uint16(r)])))
		}
		t.CGTransform = &ofdCGTransform{CodePosition: 0, CodeCount: len([]rune(o.Actual)), GlyphCount: n, Glyphs: strings.Join(glyphs, " ")}
	}
	t.TextCode = code
	return t
}

// deltaX writes the advances between characters, runs of the same value
// abbreviated as "g N value" (GB/T 33190 §11.3).
func deltaX(ds []float64) string {
	var out []string
	for i := 0; i < len(ds); {
		v := num(ds[i])
		j := i + 1
		for j < len(ds) && num(ds[j]) == v {
			j++
		}
		if j-i > 1 {
			out = append(out, "g", strconv.Itoa(j-i), v)
		} else {
			out = append(out, v)
		}
		i = j
	}
	return strings.Join(out, " ")
}

// pathObject is a rule, box or circle: its outline in the coordinates of
// its boundary, which holds the whole stroke.
func pathObject(ids *unitIDs, o Op) ofdPathObject {
	half := 0.0
	if o.Stroked {
		half = o.Width / 2
	}
	var x0, y0, x1, y1 float64
	var path func(dx, dy float64) string
	switch o.Kind {
	case OpLine:
		x0, y0, x1, y1 = min(o.X, o.X2), min(o.Y, o.Y2), max(o.X, o.X2), max(o.Y, o.Y2)
		path = func(dx, dy float64) string {
			return "M " + num(o.X-dx) + " " + num(o.Y-dy) + " L " + num(o.X2-dx) + " " + num(o.Y2-dy)
		}
	case OpRect:
		x0, y0, x1, y1 = min(o.X, o.X+o.X2), min(o.Y, o.Y+o.Y2), max(o.X, o.X+o.X2), max(o.Y, o.Y+o.Y2)
		path = func(dx, dy float64) string {
			l, t, r, b := num(o.X-dx), num(o.Y-dy), num(o.X+o.X2-dx), num(o.Y+o.Y2-dy)
			return "M " + l + " " + t + " L " + r + " " + t + " L " + r + " " + b + " L " + l + " " + b + " C"
		}
	case OpCircle:
		x0, y0, x1, y1 = o.X-o.X2, o.Y-o.X2, o.X+o.X2, o.Y+o.X2
		path = func(dx, dy float64) string { return circlePath(o.X-dx, o.Y-dy, o.X2) }
	}
	left, top := x0-half, y0-half
	p := ofdPathObject{ID: ids.next(), Boundary: box(left, top, x1-x0+2*half, y1-y0+2*half),
		Stroke: o.Stroked, Fill: o.Filled, AbbreviatedData: path(left, top)}
	if o.Stroked {
		p.LineWidth = num(o.Width)
		p.StrokeColor = &ofdColor{Value: rgb(o.Color)}
	}
	if o.Filled {
		p.FillColor = &ofdColor{Value: rgb(o.Fill)}
	}
	return p
}

// circlePath is a circle as four cubic Béziers, as gofpdf draws it.
func circlePath(cx, cy, r float64) string {
	k := 4 * (math.Sqrt2 - 1) / 3 * r
	pts := [][6]float64{
		{cx + r, cy + k, cx + k, cy + r, cx, cy + r},
		{cx - k, cy + r, cx - r, cy + k, cx - r, cy},
		{cx - r, cy - k, cx - k, cy - r, cx, cy - r},
		{cx + k, cy - r, cx + r, cy - k, cx + r, cy},
	}
	s := []string{"M", num(cx + r), num(cy)}
	for _, p := range pts {
		s = append(s, "B")
		for _, v := range p {
			s = append(s, num(v))
		}
	}
	return strings.Join(append(s, "C"), " ")
}

// num writes a length to the hundredth of a micrometre, without trailing
// zeros.
func num(v float64) string {
	v = math.Round(v*10000) / 10000
	if v == 0 {
		return "0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func box(x, y, w, h float64) string { return num(x) + " " + num(y) + " " + num(w) + " " + num(h) }

func rgb(c Color) string { return fmt.Sprintf("%d %d %d", c.R, c.G, c.B) }

// ofdXML writes a part with its XML declaration.
func ofdXML(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	if err := xml.NewEncoder(&b).Encode(v); err != nil {
		return nil, fmt.Errorf("生成OFD失败：%w", err)
	}
	return slices.Clip(b.Bytes()), nil
}

// The parts, as GB/T 33190-2016 names their elements. encoding/xml writes
// the "ofd:" prefix as part of each name; the root declares it.

type ofdRoot struct {
	XMLName xml.Name `xml:"ofd:OFD"`
	NS      string   `xml:"xmlns:ofd,attr"`
	Version string   `xml:"Version,attr"`
	DocType string   `xml:"DocType,attr"`
	DocBody struct {
		DocInfo ofdDocInfo `xml:"ofd:DocInfo"`
		DocRoot string     `xml:"ofd:DocRoot"`
	} `xml:"ofd:DocBody"`
}

type ofdDocInfo struct {
	DocID        string `xml:"ofd:DocID"`
	Title        string `xml:"ofd:Title,omitempty"`
	Author       string `xml:"ofd:Author,omitempty"`
	CreationDate string `xml:"ofd:CreationDate"`
	Creator      string `xml:"ofd:Creator"`
}

type ofdDocument struct {
	XMLName   xml.Name `xml:"ofd:Document"`
	NS        string   `xml:"xmlns:ofd,attr"`
	MaxUnitID int      `xml:"ofd:CommonData>ofd:MaxUnitID"`
	PageArea  struct {
		PhysicalBox string `xml:"ofd:PhysicalBox"`
	} `xml:"ofd:CommonData>ofd:PageArea"`
	PublicRes string       `xml:"ofd:CommonData>ofd:PublicRes"`
	Pages     []ofdPageRef `xml:"ofd:Pages>ofd:Page"`
}

type ofdPageRef struct {
	ID      int    `xml:"ID,attr"`
	BaseLoc string `xml:"BaseLoc,attr"`
}

type ofdRes struct {
	XMLName xml.Name     `xml:"ofd:Res"`
	NS      string       `xml:"xmlns:ofd,attr"`
	BaseLoc string       `xml:"BaseLoc,attr"`
	Fonts   []ofdFontRes `xml:"ofd:Fonts>ofd:Font"`
}

type ofdFontRes struct {
	ID         int    `xml:"ID,attr"`
	FontName   string `xml:"FontName,attr"`
	FamilyName string `xml:"FamilyName,attr"`
	Bold       bool   `xml:"Bold,attr,omitempty"`
	FontFile   string `xml:"ofd:FontFile"`
}

type ofdPage struct {
	XMLName xml.Name `xml:"ofd:Page"`
	NS      string   `xml:"xmlns:ofd,attr"`
	Layer   struct {
		ID      int    `xml:"ID,attr"`
		Type    string `xml:"Type,attr"`
		Objects []any
	} `xml:"ofd:Content>ofd:Layer"`
}

type ofdColor struct {
	Value string `xml:"Value,attr"`
}

type ofdTextObject struct {
	XMLName     xml.Name        `xml:"ofd:TextObject"`
	ID          int             `xml:"ID,attr"`
	Boundary    string          `xml:"Boundary,attr"`
	Font        int             `xml:"Font,attr"`
	Size        string          `xml:"Size,attr"`
	Stroke      bool            `xml:"Stroke,attr,omitempty"`
	LineWidth   string          `xml:"LineWidth,attr,omitempty"`
	FillColor   *ofdColor       `xml:"ofd:FillColor"`
	StrokeColor *ofdColor       `xml:"ofd:StrokeColor"`
	CGTransform *ofdCGTransform `xml:"ofd:CGTransform"`
	TextCode    ofdTextCode     `xml:"ofd:TextCode"`
}

type ofdCGTransform struct {
	CodePosition int    `xml:"CodePosition,attr"`
	CodeCount    int    `xml:"CodeCount,attr"`
	GlyphCount   int    `xml:"GlyphCount,attr"`
	Glyphs       string `xml:"ofd:Glyphs"`
}

type ofdTextCode struct {
	X      string `xml:"X,attr"`
	Y      string `xml:"Y,attr"`
	DeltaX string `xml:"DeltaX,attr,omitempty"`
	Text   string `xml:",chardata"`
}

type ofdPathObject struct {
	XMLName         xml.Name  `xml:"ofd:PathObject"`
	ID              int       `xml:"ID,attr"`
	Boundary        string    `xml:"Boundary,attr"`
	LineWidth       string    `xml:"LineWidth,attr,omitempty"`
	Stroke          bool      `xml:"Stroke,attr"`
	Fill            bool      `xml:"Fill,attr"`
	StrokeColor     *ofdColor `xml:"ofd:StrokeColor"`
	FillColor       *ofdColor `xml:"ofd:FillColor"`
	AbbreviatedData string    `xml:"ofd:AbbreviatedData"`
}
