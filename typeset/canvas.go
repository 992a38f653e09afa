package typeset

import "strings"

// The forms lay out their pages into a canvas: a list of drawing operations
// per page, in millimetres from the top-left corner. Only when the layout is
// done, and so every character of the document is known, are the fonts cut
// down to those characters and the pages replayed into gofpdf.

// PtToMM converts type sizes in points to millimetres.
const PtToMM = 25.4 / 72

// Color is an RGB colour of text, rules and fills.
type Color struct{ R, G, B uint8 }

// The colours of the office's paper.

var (
	Black    = Color{0, 0, 0}
	Red      = Color{218, 37, 29} // the red of marks and rules on official paper
	Grey     = Color{110, 110, 110}
	RuleGrey = Color{170, 170, 170}
	White    = Color{255, 255, 255}
)

// Style is how a piece of text is set.
type Style struct {
	Role    FontRole
	Size    float64 // points
	bold    bool
	Color   Color
	Spacing float64 // space added after every character, mm (the GB/T 9704 character grid)
}

func (st Style) SizeMM() float64 { return st.Size * PtToMM }

func (st Style) WithColor(c Color) Style      { st.Color = c; return st }
func (st Style) withSize(pt float64) Style    { st.Size = pt; return st }
func (st Style) withRole(r FontRole) Style    { st.Role = r; return st }
func (st Style) WithBold(b bool) Style        { st.bold = b; return st }
func (st Style) WithSpacing(tc float64) Style { st.Spacing = tc; return st }

type OpKind uint8

const (
	OpText OpKind = iota
	OpLine
	OpRect
	OpCircle
)

// Op is one drawing operation. Text: x and the baseline y. Line: from (x,
// y) to (x2, y2). Rect: corner (x, y), size (x2, y2). Circle: centre (x, y),
// radius x2.
type Op struct {
	Kind         OpKind
	X, Y, X2, Y2 float64
	Color        Color // text or stroke
	Fill         Color
	Filled       bool
	Stroked      bool
	Width        float64 // line width, mm

	Face    *face
	Size    float64 // points
	Codes   string  // what to draw: characters, or their private-use stand-ins
	Actual  string  // the characters themselves, when codes stand in for them
	Spacing float64
	Faux    bool // bold by stroking the outline
}

// Canvas records a document's pages as Ops (Document returns them) while
// the forms lay them out; it measures text with the fonts the pages will
// carry.
type Canvas struct {
	sh           *shaper
	landscape    bool
	pageW, pageH float64
	Pages        []Page
	cur          int
	title        string
	author       string
}

// NewCanvas starts an A4 document, upright or landscape; title and author
// go into the file's information.
func NewCanvas(f *Fonts, landscape bool, title, author string) *Canvas {
	c := &Canvas{sh: newShaper(f), landscape: landscape, pageW: 210, pageH: 297, title: title, author: author, cur: -1}
	if landscape {
		c.pageW, c.pageH = 297, 210
	}
	return c
}

func (c *Canvas) newPage() {
	c.Pages = append(c.Pages, nil)
	c.cur = len(c.Pages) - 1
}

// setPage makes later drawing go to page i (for page numbers).
func (c *Canvas) setPage(i int) { c.cur = i }

func (c *Canvas) add(o Op) { c.Pages[c.cur] = append(c.Pages[c.cur], o) }

// runeWidth is the advance of r in the style, spacing included, in mm.
func (c *Canvas) runeWidth(st Style, r rune) float64 {
	if ignorable(r) {
		return 0
	}
	if r == '\t' {
		r = ' '
	}
	return c.sh.resolve(st.Role, st.bold, r).adv*st.SizeMM() + st.Spacing
}

func (c *Canvas) Width(st Style, s string) float64 {
	w := 0.0
	for _, r := range s {
		w += c.runeWidth(st, r)
	}
	return w
}

// ascent is how far below the top of a line of the style its baseline lies:
// the line's top is the top of the characters' em box.
func (c *Canvas) ascent(st Style) float64 {
	return c.sh.fonts.primary[st.Role].emTop * st.SizeMM()
}

// Text draws s with the top of its em box at top and returns its width.
func (c *Canvas) Text(x, top float64, st Style, s string) float64 {
	base := top + c.ascent(st)
	start := x
	var run strings.Builder
	var runFace *face
	runX := x
	flush := func() {
		if run.Len() > 0 {
			c.add(Op{Kind: OpText, X: runX, Y: base, Face: runFace, Size: st.Size, Codes: run.String(), Color: st.Color, Spacing: st.Spacing, Faux: st.bold && runFace.sf.weight < 600})
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
		g := c.sh.resolve(st.Role, st.bold, r)
		w := g.adv*st.SizeMM() + st.Spacing
		if g.actual {
			flush()
			runFace = nil
			c.add(Op{Kind: OpText, X: x, Y: base, Face: g.face, Size: st.Size, Codes: string(rune(g.code)), Actual: string(r), Color: st.Color, Spacing: st.Spacing, Faux: st.bold && g.face.sf.weight < 600})
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

type Alignment uint8

const (
	AlignLeft Alignment = iota
	AlignCenter
	AlignRight
)

// TextIn draws s aligned within [x, x+w].
func (c *Canvas) TextIn(x, w, top float64, st Style, s string, a Alignment) {
	switch a {
	case AlignCenter:
		x += (w - c.Width(st, s)) / 2
	case AlignRight:
		x += w - c.Width(st, s)
	}
	c.Text(x, top, st, s)
}

func (c *Canvas) Line(x1, y1, x2, y2, width float64, col Color) {
	c.add(Op{Kind: OpLine, X: x1, Y: y1, X2: x2, Y2: y2, Width: width, Color: col, Stroked: true})
}

func (c *Canvas) FillRect(x, y, w, h float64, fill Color) {
	c.add(Op{Kind: OpRect, X: x, Y: y, X2: w, Y2: h, Fill: fill, Filled: true})
}

func (c *Canvas) strokeRect(x, y, w, h, width float64, col Color) {
	c.add(Op{Kind: OpRect, X: x, Y: y, X2: w, Y2: h, Width: width, Color: col, Stroked: true})
}

func (c *Canvas) Circle(x, y, r float64, fill *Color, stroke *Color, width float64) {
	o := Op{Kind: OpCircle, X: x, Y: y, X2: r, Width: width}
	if fill != nil {
		o.Fill, o.Filled = *fill, true
	}
	if stroke != nil {
		o.Color, o.Stroked = *stroke, true
	}
	c.add(o)
}
