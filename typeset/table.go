package typeset

import (
	"math"
	"slices"
	"strings"
)

// A grid is a ruled table: the forms' label/value boxes and the data tables
// of the registers both are grids. A row's height follows its tallest cell;
// a grid that runs past the page continues on the next one, repeating its
// header row, and a row taller than the room left is split between lines.

type Cell struct {
	Text   string
	Blocks []Block // instead of text: paragraphs each with its own style and alignment
	Width  float64 // mm
	Style  *Style  // nil: the grid's label or body style
	Label  bool    // a caption such as 来文单位: label style, centred, repeated on split rows
	Align  Alignment
	Top    bool   // text starts at the top (boxes to write in), else it is centred vertically
	Footer string // a line at the bottom right: who signs and when
	Mark   *Color // a coloured dot before the text (the warning colours)
	fill   *Color
	indent float64 // first-line indent of each paragraph, mm
}

// Block is one paragraph of a cell.
type Block struct {
	Text   string
	Style  *Style
	Align  Alignment
	Indent float64
	Gap    float64 // space above, mm
}

type Row struct {
	Cells   []Cell
	MinH    float64
	Stretch bool // grows so that the grid reaches the bottom of the page (room to write)
	// Flows marks a field whose long text goes on to a continuation page:
	// the stretching boxes keep the room they have when it is short
	Flows bool
}

type Grid struct {
	x          float64
	Body       Style
	label      Style
	Header     *Row // repeated at the top of every page the grid reaches
	PadX, padY float64
	leading    float64 // line height as a multiple of the font size
	MinRow     float64
	headerFill Color
	// newPage starts a new page and returns where the grid goes on
	// (pageTop); the header is redrawn below it.
	newPage func() float64
	pageTop float64
	scale   float64 // text size factor (0 = 1), set by fit
}

const (
	thinRule  = 0.2
	thickRule = 0.5
	MarkR     = 1.5 // radius of a colour mark, mm
	markGap   = 1.5
)

type laidLine struct {
	text   string
	st     Style
	align  Alignment
	indent float64
	above  float64 // space above the line
	h      float64
}

// laidCell is a cell broken into lines; next is the first line not yet
// drawn when a row is split across pages.
type laidCell struct {
	Cell
	lines   []laidLine
	footerH float64
	footerS Style
	next    int
}

func (g *Grid) lay(c *Canvas, r Row) ([]laidCell, float64) {
	cells := make([]laidCell, len(r.Cells))
	h := math.Max(r.MinH, g.MinRow)
	for i, cl := range r.Cells {
		st := g.Body
		if cl.Label {
			st = g.label
		}
		if cl.Style != nil {
			st = *cl.Style
		}
		st = g.scaled(st)
		inner := cl.Width - 2*g.PadX
		if cl.Mark != nil {
			inner -= 2*MarkR + markGap
		}
		blocks := cl.Blocks
		if cl.Text != "" {
			blocks = append([]Block{{Text: cl.Text, Align: cl.Align, Indent: cl.indent}}, blocks...)
		}
		lc := laidCell{Cell: cl, footerS: st}
		for _, b := range blocks {
			bst := st
			if b.Style != nil {
				bst = g.scaled(*b.Style)
			}
			above := b.Gap
			for _, para := range strings.Split(b.Text, "\n") {
				for j, ln := range c.Wrap(bst, para, inner, b.Indent) {
					ll := laidLine{text: ln, st: bst, align: b.Align, h: bst.SizeMM() * g.leading}
					if j == 0 {
						ll.indent, ll.above = b.Indent, above
						above = 0
					}
					lc.lines = append(lc.lines, ll)
				}
			}
		}
		if cl.Footer != "" {
			lc.footerH = st.SizeMM() * g.leading * 1.3
		}
		cells[i] = lc
		h = math.Max(h, lc.height(g, 0))
	}
	return cells, h
}

// baseHeight is the height of r were each of its fields one line long (a
// caption keeps its lines, a box its footer).
func (g *Grid) baseHeight(c *Canvas, r Row) float64 {
	short := Row{MinH: r.MinH, Cells: make([]Cell, len(r.Cells))}
	for i, cl := range r.Cells {
		if !cl.Label && (cl.Text != "" || len(cl.Blocks) > 0) {
			cl.Text, cl.Blocks = "字", nil
		}
		short.Cells[i] = cl
	}
	_, h := g.lay(c, short)
	return h
}

// minReadable is the smallest text size fit may shrink to (五号, 10.5 pt):
// a longer record goes on to a continuation page instead.
const minReadable = 10.5

func (g *Grid) scaled(st Style) Style {
	if g.scale > 0 {
		st.Size = math.Max(st.Size*g.scale, math.Min(st.Size, minReadable))
	}
	return st
}

// Height is the height of rows (and the header) at the grid's scale.
func (g *Grid) Height(c *Canvas, rows []Row) float64 {
	total := 0.0
	if g.Header != nil {
		_, h := g.lay(c, *g.Header)
		total += h
	}
	for _, r := range rows {
		_, h := g.lay(c, r)
		total += h
	}
	return total
}

// Fit shrinks the text, down to minScale, until rows and the header fit
// in room: a slip that travels with a document should stay one sheet. A
// long flowing field does not count: it goes on to a continuation page.
func (g *Grid) Fit(c *Canvas, rows []Row, room, minScale float64) {
	for g.scale = 1; g.scale > minScale+0.001; g.scale -= 0.05 {
		h := g.Height(c, slices.DeleteFunc(slices.Clone(rows), func(r Row) bool { return r.Flows }))
		for _, r := range rows {
			if r.Flows {
				h += g.baseHeight(c, r)
			}
		}
		if h <= room {
			return
		}
	}
}

// height is what the cell needs from line `from` on.
func (lc *laidCell) height(g *Grid, from int) float64 {
	h := lc.footerH + 2*g.padY
	for _, ln := range lc.lines[min(from, len(lc.lines)):] {
		h += ln.h + ln.above
	}
	return h
}

// Draw lays out rows below y and returns the y under the grid. bottom is the
// lowest y the grid may reach on any page.
func (g *Grid) Draw(c *Canvas, rows []Row, y, bottom float64) float64 {
	if len(rows) == 0 {
		return y
	}
	type laid struct {
		cells []laidCell
		h     float64
		r     Row
	}
	all := make([]laid, len(rows))
	total := 0.0
	stretchers := 0
	for i, r := range rows {
		cells, h := g.lay(c, r)
		all[i] = laid{cells, h, r}
		total += h
		if r.Stretch {
			stretchers++
		}
	}
	var head []laidCell
	headH := 0.0
	if g.Header != nil {
		head, headH = g.lay(c, *g.Header)
		total += headH
	}
	// The boxes to write in (the ones leaders sign) keep the room they
	// have when the flowing fields are short: a long 主送 or 事由 goes on
	// to a continuation page rather than squeeze them.
	if stretchers > 0 {
		room := bottom - y - headH
		for i, r := range rows {
			if r.Flows {
				room -= g.baseHeight(c, r)
			} else {
				room -= all[i].h
			}
		}
		for i := range all {
			if all[i].r.Stretch {
				if keep := all[i].h + room/float64(stretchers); keep > all[i].h {
					total += keep - all[i].h
					all[i].h = keep
				}
			}
		}
	}
	// On a single page, the boxes to write in share the room left.
	if stretchers > 0 && y+total < bottom {
		extra := (bottom - y - total) / float64(stretchers)
		for i := range all {
			if all[i].r.Stretch {
				all[i].h += extra
			}
		}
	}
	width := 0.0
	for _, cl := range rows[0].Cells {
		width += cl.Width
	}
	top := y
	drawHeader := func() {
		if head != nil {
			g.drawRow(c, head, y, headH, true, true)
			y += headH
		}
	}
	turn := func() {
		c.strokeRect(g.x, top, width, y-top, thickRule, Black)
		y = g.newPage()
		top = y
		drawHeader()
	}
	// a header is not left alone at the foot of a page
	if len(all) > 0 && y+headH+math.Min(all[0].h, 12) > bottom && y > g.pageTop+0.01 {
		y = g.newPage()
		top = y
	}
	drawHeader()
	for _, l := range all {
		used := y > top+headH+0.01 // something besides the header is on this page
		if y+l.h > bottom+0.01 && used && l.h <= bottom-g.pageTop-headH {
			turn() // the row fits on a page of its own: move it whole
		}
		// A row taller than the room left is split between its lines.
		for y+l.h > bottom+0.01 {
			if !g.fitsSome(l.cells, bottom-y) {
				if y > top+headH+0.01 {
					turn()
					continue
				}
				break // not one line fits on an empty page: let it overflow
			}
			g.drawRow(c, l.cells, y, bottom-y, false, false)
			y = bottom
			turn()
			l.h = math.Max(l.r.MinH, g.MinRow)
			for i := range l.cells {
				l.h = math.Max(l.h, l.cells[i].height(g, l.cells[i].next))
			}
		}
		g.drawRow(c, l.cells, y, l.h, true, false)
		y += l.h
	}
	c.strokeRect(g.x, top, width, y-top, thickRule, Black)
	return y
}

// fitsSome reports whether at least one more line of the row fits in room.
func (g *Grid) fitsSome(cells []laidCell, room float64) bool {
	for _, lc := range cells {
		if !lc.Label && lc.next < len(lc.lines) && lc.lines[lc.next].h+2*g.padY <= room {
			return true
		}
	}
	return false
}

// drawRow draws a row of height h at y: every remaining line of each cell
// and its footer when last, else the lines that fit in h.
func (g *Grid) drawRow(c *Canvas, cells []laidCell, y, h float64, last, header bool) {
	x := g.x
	for i := range cells {
		lc := &cells[i]
		switch {
		case header:
			c.FillRect(x, y, lc.Width, h, g.headerFill)
		case lc.fill != nil:
			c.FillRect(x, y, lc.Width, h, *lc.fill)
		}
		c.strokeRect(x, y, lc.Width, h, thinRule, Black)

		// the lines this part of the row shows
		from, to := lc.next, len(lc.lines)
		if lc.Label { // a caption is repeated on each part of a split row
			from = 0
		}
		if !last && !lc.Label {
			room := h - 2*g.padY
			for to = from; to < len(lc.lines) && lc.lines[to].h+lc.lines[to].above <= room; to++ {
				room -= lc.lines[to].h + lc.lines[to].above
			}
		}
		lc.next = to
		textH := 0.0
		for _, ln := range lc.lines[from:to] {
			textH += ln.h + ln.above
		}
		ty := y + g.padY
		if !lc.Top {
			ty = y + (h-textH-lc.footerH)/2
		}
		tx, tw := x+g.PadX, lc.Width-2*g.PadX
		if lc.Mark != nil {
			col := *lc.Mark
			lineH := g.Body.SizeMM() * g.leading
			if len(lc.lines) > 0 {
				lineH = lc.lines[0].h
			}
			c.Circle(tx+MarkR, ty+lineH/2, MarkR, &col, &Grey, 0.15)
			tx += 2*MarkR + markGap
			tw -= 2*MarkR + markGap
		}
		for _, ln := range lc.lines[from:to] {
			ty += ln.above
			align := ln.align
			if lc.Label && align == AlignLeft {
				align = AlignCenter
			}
			// the glyphs sit in the middle of their line
			c.TextIn(tx+ln.indent, tw-ln.indent, ty+(ln.h-ln.st.SizeMM())/2, ln.st, ln.text, align)
			ty += ln.h
		}
		if lc.footerH > 0 && last {
			c.TextIn(tx, tw, y+h-g.padY-lc.footerH+(lc.footerH-lc.footerS.SizeMM())/2, lc.footerS, lc.Cell.Footer, AlignRight)
		}
		x += lc.Width
	}
}

// Column is a column of a data table; width 0 shares the room left.
type Column struct {
	Title string
	Width float64
	Align Alignment
}

// Table is a data table: a header row repeated on every page, rows of text.
type Table struct {
	Canvas *Canvas
	Grid   *Grid
	Cols   []Column
	Rows   []Row
}

var (
	TableBody  = Style{Role: RoleBody, Size: 10.5, Color: Black}
	TableLabel = Style{Role: RoleHeading, Size: 10.5, Color: Black}
)

func NewTable(c *Canvas, x, width float64, cols []Column, newPage func() float64, pageTop float64) *Table {
	cols = append([]Column(nil), cols...)
	fixed, free := 0.0, 0
	for _, col := range cols {
		if col.Width == 0 {
			free++
		}
		fixed += col.Width
	}
	var head Row
	for i := range cols {
		if cols[i].Width == 0 {
			cols[i].Width = (width - fixed) / float64(free)
		}
		head.Cells = append(head.Cells, Cell{Text: cols[i].Title, Width: cols[i].Width, Label: true})
	}
	g := &Grid{x: x, Body: TableBody, label: TableLabel, Header: &head, PadX: 1.5, padY: 1.2, leading: 1.4, MinRow: 7.5,
		headerFill: Color{230, 230, 230}, newPage: newPage, pageTop: pageTop}
	return &Table{Canvas: c, Grid: g, Cols: cols}
}

// small sets the table in 小五 (9 pt), for long lists.
func (t *Table) small() *Table {
	t.Grid.Body, t.Grid.label = t.Grid.Body.withSize(9), t.Grid.label.withSize(9)
	t.Grid.padY, t.Grid.leading, t.Grid.MinRow = 1, 1.35, 6.5
	for i := range t.Grid.Header.Cells {
		t.Grid.Header.Cells[i].Width = t.Cols[i].Width
	}
	return t
}

// Table is a data table across a form's sheet.
func (s *Sheet) Table(cols []Column) *Table {
	return NewTable(s.c, s.Left, s.Width(), cols, s.NewPage, s.contentTop())
}

// Add appends a row of plain values, one per column.
func (t *Table) Add(values ...string) {
	cells := make([]Cell, len(values))
	for i, v := range values {
		cells[i] = Cell{Text: v}
	}
	t.AddCells(cells...)
}

// AddCells appends a row; each cell takes its column's width and, unless
// it says otherwise, its alignment.
func (t *Table) AddCells(cells ...Cell) {
	for i := range cells {
		cells[i].Width = t.Cols[i].Width
		if cells[i].Align == AlignLeft {
			cells[i].Align = t.Cols[i].Align
		}
	}
	t.Rows = append(t.Rows, Row{Cells: cells})
}

// Draw puts the table below y and returns the y under it.
func (t *Table) Draw(y, bottom float64) float64 {
	if len(t.Rows) == 0 {
		return y
	}
	return t.Grid.Draw(t.Canvas, t.Rows, y, bottom)
}
