package reports

import (
	"bytes"
	"crypto/sha1"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"unicode/utf16"

	"github.com/jung-kurt/gofpdf"
)

// The forms lay out their pages into a canvas: a list of drawing operations
// per page, in millimetres from the top-left corner. Only when the layout is
// done, and so every character of the document is known, are the fonts cut
// down to those characters and the pages replayed into gofpdf.

const ptToMM = 25.4 / 72

type rgb struct{ r, g, b uint8 }

var (
	black    = rgb{0, 0, 0}
	red      = rgb{218, 37, 29} // the red of marks and rules on official paper
	grey     = rgb{110, 110, 110}
	ruleGrey = rgb{170, 170, 170}
	white    = rgb{255, 255, 255}
)

// style is how a piece of text is set.
type style struct {
	role  FontRole
	size  float64 // points
	bold  bool
	color rgb
	tc    float64 // space added after every character, mm (the GB/T 9704 character grid)
}

func (st style) sizeMM() float64 { return st.size * ptToMM }

func (st style) withColor(c rgb) style        { st.color = c; return st }
func (st style) withSize(pt float64) style    { st.size = pt; return st }
func (st style) withRole(r FontRole) style    { st.role = r; return st }
func (st style) withBold(b bool) style        { st.bold = b; return st }
func (st style) withSpacing(tc float64) style { st.tc = tc; return st }

type opKind uint8

const (
	opText opKind = iota
	opLine
	opRect
	opCircle
)

// op is one drawing operation. Text: x and the baseline y. Line: from (x,
// y) to (x2, y2). Rect: corner (x, y), size (x2, y2). Circle: centre (x, y),
// radius x2.
type op struct {
	kind         opKind
	x, y, x2, y2 float64
	color        rgb // text or stroke
	fill         rgb
	filled       bool
	stroked      bool
	width        float64 // line width, mm

	face   *face
	size   float64 // points
	codes  string  // what to draw: characters, or their private-use stand-ins
	actual string  // the characters themselves, when codes stand in for them
	tc     float64
	faux   bool // bold by stroking the outline
}

type canvas struct {
	sh           *shaper
	landscape    bool
	pageW, pageH float64
	pages        [][]op
	cur          int
	title        string
	author       string
}

func newCanvas(f *Fonts, landscape bool, title, author string) *canvas {
	c := &canvas{sh: newShaper(f), landscape: landscape, pageW: 210, pageH: 297, title: title, author: author, cur: -1}
	if landscape {
		c.pageW, c.pageH = 297, 210
	}
	return c
}

func (c *canvas) newPage() {
	c.pages = append(c.pages, nil)
	c.cur = len(c.pages) - 1
}

// setPage makes later drawing go to page i (for page numbers).
func (c *canvas) setPage(i int) { c.cur = i }

func (c *canvas) add(o op) { c.pages[c.cur] = append(c.pages[c.cur], o) }

// runeWidth is the advance of r in the style, spacing included, in mm.
func (c *canvas) runeWidth(st style, r rune) float64 {
	if ignorable(r) {
		return 0
	}
	if r == '\t' {
		r = ' '
	}
	return c.sh.resolve(st.role, st.bold, r).adv*st.sizeMM() + st.tc
}

func (c *canvas) width(st style, s string) float64 {
	w := 0.0
	for _, r := range s {
		w += c.runeWidth(st, r)
	}
	return w
}

// ascent is how far below the top of a line of the style its baseline lies:
// the line's top is the top of the characters' em box.
func (c *canvas) ascent(st style) float64 {
	return c.sh.fonts.primary[st.role].emTop * st.sizeMM()
}

// text draws s with the top of its em box at top and returns its width.
func (c *canvas) text(x, top float64, st style, s string) float64 {
	base := top + c.ascent(st)
	start := x
	var run strings.Builder
	var runFace *face
	runX := x
	flush := func() {
		if run.Len() > 0 {
			c.add(op{kind: opText, x: runX, y: base, face: runFace, size: st.size, codes: run.String(), color: st.color, tc: st.tc, faux: st.bold && runFace.sf.weight < 600})
			run.Reset()
		}
	}
	for _, r := range s {
		if ignorable(r) {
			continue
		}
		if r == '\t' {
			r = ' '
		}
		g := c.sh.resolve(st.role, st.bold, r)
		w := g.adv*st.sizeMM() + st.tc
		if g.actual {
			flush()
			runFace = nil
			c.add(op{kind: opText, x: x, y: base, face: g.face, size: st.size, codes: string(rune(g.code)), actual: string(r), color: st.color, tc: st.tc, faux: st.bold && g.face.sf.weight < 600})
		} else {
			if g.face != runFace {
				flush()
				runFace, runX = g.face, x
			}
			run.WriteRune(rune(g.code))
		}
		x += w
	}
	flush()
	return x - start
}

type alignment uint8

const (
	alignLeft alignment = iota
	alignCenter
	alignRight
)

// textIn draws s aligned within [x, x+w].
func (c *canvas) textIn(x, w, top float64, st style, s string, a alignment) {
	switch a {
	case alignCenter:
		x += (w - c.width(st, s)) / 2
	case alignRight:
		x += w - c.width(st, s)
	}
	c.text(x, top, st, s)
}

func (c *canvas) line(x1, y1, x2, y2, width float64, col rgb) {
	c.add(op{kind: opLine, x: x1, y: y1, x2: x2, y2: y2, width: width, color: col, stroked: true})
}

func (c *canvas) fillRect(x, y, w, h float64, fill rgb) {
	c.add(op{kind: opRect, x: x, y: y, x2: w, y2: h, fill: fill, filled: true})
}

func (c *canvas) strokeRect(x, y, w, h, width float64, col rgb) {
	c.add(op{kind: opRect, x: x, y: y, x2: w, y2: h, width: width, color: col, stroked: true})
}

func (c *canvas) circle(x, y, r float64, fill *rgb, stroke *rgb, width float64) {
	o := op{kind: opCircle, x: x, y: y, x2: r, width: width}
	if fill != nil {
		o.fill, o.filled = *fill, true
	}
	if stroke != nil {
		o.color, o.stroked = *stroke, true
	}
	c.add(o)
}

// write renders the pages into a PDF on w. It returns *ReplacedChars, after
// writing everything, when characters had to be printed as 〓.
func (c *canvas) write(w io.Writer) error {
	orient := "P"
	if c.landscape {
		orient = "L"
	}
	pdf := gofpdf.New(orient, "mm", "A4", "")
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCompression(true)
	pdf.SetTitle(metaText(c.title), true)
	pdf.SetAuthor(metaText(c.author), true)
	pdf.SetCreator("公文督办台", true)

	// One subset font per face (two when it has long runs of consecutive
	// characters, see splitRuns), named so that the PDF shows it as a
	// subset (see subsetTags).
	type fontPart struct {
		f    *face
		part int
	}
	family := map[fontPart]string{}
	partOf := map[*face]map[uint16]int{}
	tags := map[string]string{}
	for i, f := range c.sh.order {
		parts, of := splitRuns(c.sh.used[f])
		partOf[f] = of
		for p, glyphs := range parts {
			name := fmt.Sprintf("%s-%d", f.psName, i+1)
			if p > 0 {
				name += "b"
			}
			data := subsetFont(f.sf, glyphs, name)
			pdf.AddUTF8FontFromBytes("fnt"+name, "", data)
			family[fontPart{f, p}] = "fnt" + name
			sum := sha1.Sum(data)
			tag := make([]byte, 6)
			for j := range tag {
				tag[j] = 'A' + sum[j]%26
			}
			tags[strings.ToLower(name)] = string(tag) + "+" + name
		}
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("生成PDF时无法装入字体：%w", err)
	}

	k := 72 / 25.4
	for _, page := range c.pages {
		pdf.AddPage()
		for _, o := range page {
			switch o.kind {
			case opText:
				for _, pc := range c.pieces(o, partOf[o.face]) {
					pdf.SetFont(family[fontPart{o.face, pc.part}], "", o.size)
					pdf.SetTextColor(int(o.color.r), int(o.color.g), int(o.color.b))
					if o.faux {
						pdf.SetDrawColor(int(o.color.r), int(o.color.g), int(o.color.b))
						pdf.SetLineWidth(o.size * ptToMM * 0.035)
						pdf.RawWriteStr("2 Tr")
					}
					if o.tc != 0 {
						pdf.RawWriteStr(fmt.Sprintf("%.4f Tc", o.tc*k))
					}
					if o.actual != "" {
						pdf.RawWriteStr("/Span <</ActualText <" + utf16Hex(o.actual) + ">>> BDC")
					}
					pdf.Text(pc.x, o.y, pc.codes)
					if o.actual != "" {
						pdf.RawWriteStr("EMC")
					}
					if o.tc != 0 {
						pdf.RawWriteStr("0 Tc")
					}
					if o.faux {
						pdf.RawWriteStr("0 Tr")
					}
				}
			case opLine:
				pdf.SetDrawColor(int(o.color.r), int(o.color.g), int(o.color.b))
				pdf.SetLineWidth(o.width)
				pdf.Line(o.x, o.y, o.x2, o.y2)
			case opRect, opCircle:
				styleStr := ""
				if o.filled {
					pdf.SetFillColor(int(o.fill.r), int(o.fill.g), int(o.fill.b))
					styleStr += "F"
				}
				if o.stroked {
					pdf.SetDrawColor(int(o.color.r), int(o.color.g), int(o.color.b))
					pdf.SetLineWidth(o.width)
					styleStr += "D"
				}
				if o.kind == opRect {
					pdf.Rect(o.x, o.y, o.x2, o.y2, styleStr)
				} else {
					pdf.Circle(o.x, o.y, o.x2, styleStr)
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return fmt.Errorf("生成PDF失败：%w", err)
	}
	if _, err := w.Write(subsetTags(buf.Bytes(), tags)); err != nil {
		return err
	}
	if len(c.sh.replaced) > 0 {
		return &ReplacedChars{Runes: c.sh.replaced}
	}
	return nil
}

// metaText makes a string safe for gofpdf's document information, which
// reads UTF-8 by hand: valid, and within the BMP.
func metaText(s string) string {
	return strings.Map(func(r rune) rune {
		if r > 0xFFFF {
			return replacementMark
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// maxRun is the longest run of consecutive character codes one gofpdf font
// is given. gofpdf builds a font's width table (generateCIDFontMap) in time
// that grows with the cube of such a run: 2,000 consecutive characters cost
// it 4.8 s, whatever the font. Longer runs are shared between two fonts,
// alternate characters each, so that neither has a run at all.
const maxRun = 48

// splitRuns divides a face's glyphs (code → source glyph) between one font,
// or two when a run of consecutive codes is longer than maxRun; partOf
// tells which font has each code.
func splitRuns(used map[uint16]uint16) (parts [][]subsetGlyph, partOf map[uint16]int) {
	codes := make([]uint16, 0, len(used))
	for code := range used {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	partOf = map[uint16]int{}
	parts = [][]subsetGlyph{nil}
	for start := 0; start < len(codes); {
		end := start + 1
		for end < len(codes) && codes[end] == codes[end-1]+1 {
			end++
		}
		long := end-start > maxRun
		for i := start; i < end; i++ {
			p := 0
			if long && (i-start)%2 == 1 {
				p = 1
			}
			if p >= len(parts) {
				parts = append(parts, nil)
			}
			partOf[codes[i]] = p
			parts[p] = append(parts[p], subsetGlyph{codes[i], used[codes[i]]})
		}
		start = end
	}
	return parts, partOf
}

// piece is part of a text operation drawn with one of its face's fonts.
type piece struct {
	x     float64
	codes string
	part  int
}

// pieces splits a text operation where its characters change font (only
// for faces split by splitRuns), placing each piece after the advance of
// the characters before it.
func (c *canvas) pieces(o op, partOf map[uint16]int) []piece {
	var out []piece
	x := o.x
	for _, r := range o.codes {
		p := partOf[uint16(r)]
		if n := len(out); n > 0 && out[n-1].part == p {
			out[n-1].codes += string(r)
		} else {
			out = append(out, piece{x: x, codes: string(r), part: p})
		}
		gid := c.sh.used[o.face][uint16(r)]
		x += float64(o.face.sf.advance(gid))/float64(o.face.sf.unitsPerEm)*o.size*ptToMM + o.tc
	}
	return out
}

var gofpdfFontName = regexp.MustCompile(`/utf8fnt[a-z0-9-]+`)

// subsetTags renames gofpdf's fonts "/utf8fnt<name>" to "/ABCDEF+<Name>",
// the form PDF readers recognise as an embedded subset (ISO 32000 §9.6.4).
// Both names have the same length, so the cross-reference offsets hold.
func subsetTags(pdf []byte, tags map[string]string) []byte {
	return gofpdfFontName.ReplaceAllFunc(pdf, func(m []byte) []byte {
		if t, ok := tags[string(m[len("/utf8fnt"):])]; ok {
			return []byte("/" + t)
		}
		return m
	})
}

func utf16Hex(s string) string {
	var b strings.Builder
	b.WriteString("FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return b.String()
}
