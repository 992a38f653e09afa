package reports

import (
	"math"
	"slices"
	"strings"
)

// A grid is a ruled table: the forms' label/value boxes and the data tables
// of the registers both are grids. A row's height follows its tallest cell;
// a grid that runs past the page continues on the next one, repeating its
// header row, and a row taller than the room left is split between lines.

type cell struct {
	text   string
	blocks []block // instead of text: paragraphs each with its own style and alignment
	width  float64 // mm
	st     *style  // nil: the grid's label or body style
	label  bool    // a caption such as 来文单位: label style, centred, repeated on split rows
	align  alignment
	top    bool   // text starts at the top (boxes to write in), else it is centred vertically
	footer string // a line at the bottom right: who signs and when
	mark   *rgb   // a coloured dot before the text (the warning colours)
	fill   *rgb
	indent float64 // first-line indent of each paragraph, mm
}

// block is one paragraph of a cell.
type block struct {
	text   string
	st     *style
	align  alignment
	indent float64
	gap    float64 // space above, mm
}

type row struct {
	cells   []cell
	minH    float64
	stretch bool // grows so that the grid reaches the bottom of the page (room to write)
	// flows marks a field whose long text goes on to a continuation page:
	// the stretching boxes keep the room they have when it is short
	flows bool
}

type grid struct {
	x          float64
	body       style
	label      style
	header     *row // repeated at the top of every page the grid reaches
	padX, padY float64
	leading    float64 // line height as a multiple of the font size
	minRow     float64
	headerFill rgb
	// newPage starts a new page and returns where the grid goes on
	// (pageTop); the header is redrawn below it.
	newPage func() float64
	pageTop float64
	scale   float64 // text size factor (0 = 1), set by fit
}

const (
	thinRule  = 0.2
	thickRule = 0.5
	markR     = 1.5 // radius of a colour mark, mm
	markGap   = 1.5
)

type laidLine struct {
	text   string
	st     style
	align  alignment
	indent float64
	above  float64 // space above the line
	h      float64
}

// laidCell is a cell broken into lines; next is the first line not yet
// drawn when a row is split across pages.
type laidCell struct {
	cell
	lines   []laidLine
	footerH float64
	footerS style
	next    int
}

func (g *grid) lay(c *canvas, r row) ([]laidCell, float64) {
	cells := make([]laidCell, len(r.cells))
	h := math.Max(r.minH, g.minRow)
	for i, cl := range r.cells {
		st := g.body
		if cl.label {
			st = g.label
		}
		if cl.st != nil {
			st = *cl.st
		}
		st = g.scaled(st)
		inner := cl.width - 2*g.padX
		if cl.mark != nil {
			inner -= 2*markR + markGap
		}
		blocks := cl.blocks
		if cl.text != "" {
			blocks = append([]block{{text: cl.text, align: cl.align, indent: cl.indent}}, blocks...)
		}
		lc := laidCell{cell: cl, footerS: st}
		for _, b := range blocks {
			bst := st
			if b.st != nil {
				bst = g.scaled(*b.st)
			}
			above := b.gap
			for _, para := range strings.Split(b.text, "\n") {
				for j, ln := range c.wrap(bst, para, inner, b.indent) {
					ll := laidLine{text: ln, st: bst, align: b.align, h: bst.sizeMM() * g.leading}
					if j == 0 {
						ll.indent, ll.above = b.indent, above
						above = 0
					}
					lc.lines = append(lc.lines, ll)
				}
			}
		}
		if cl.footer != "" {
			lc.footerH = st.sizeMM() * g.leading * 1.3
		}
		cells[i] = lc
		h = math.Max(h, lc.height(g, 0))
	}
	return cells, h
}

// baseHeight is the height of r were each of its fields one line long (a
// caption keeps its lines, a box its footer).
func (g *grid) baseHeight(c *canvas, r row) float64 {
	short := row{minH: r.minH, cells: make([]cell, len(r.cells))}
	for i, cl := range r.cells {
		if !cl.label && (cl.text != "" || len(cl.blocks) > 0) {
			cl.text, cl.blocks = "字", nil
		}
		short.cells[i] = cl
	}
	_, h := g.lay(c, short)
	return h
}

// minReadable is the smallest text size fit may shrink to (五号, 10.5 pt):
// a longer record goes on to a continuation page instead.
const minReadable = 10.5

func (g *grid) scaled(st style) style {
	if g.scale > 0 {
		st.size = math.Max(st.size*g.scale, math.Min(st.size, minReadable))
	}
	return st
}

// height is the height of rows (and the header) at the grid's scale.
func (g *grid) height(c *canvas, rows []row) float64 {
	total := 0.0
	if g.header != nil {
		_, h := g.lay(c, *g.header)
		total += h
	}
	for _, r := range rows {
		_, h := g.lay(c, r)
		total += h
	}
	return total
}

// fit shrinks the text, down to minScale, until rows and the header fit
// in room: a slip that travels with a document should stay one sheet. A
// long flowing field does not count: it goes on to a continuation page.
func (g *grid) fit(c *canvas, rows []row, room, minScale float64) {
	for g.scale = 1; g.scale > minScale+0.001; g.scale -= 0.05 {
		h := g.height(c, slices.DeleteFunc(slices.Clone(rows), func(r row) bool { return r.flows }))
		for _, r := range rows {
			if r.flows {
				h += g.baseHeight(c, r)
			}
		}
		if h <= room {
			return
		}
	}
}

// height is what the cell needs from line `from` on.
func (lc *laidCell) height(g *grid, from int) float64 {
	h := lc.footerH + 2*g.padY
	for _, ln := range lc.lines[min(from, len(lc.lines)):] {
		h += ln.h + ln.above
	}
	return h
}

// draw lays out rows below y and returns the y under the grid. bottom is the
// lowest y the grid may reach on any page.
func (g *grid) draw(c *canvas, rows []row, y, bottom float64) float64 {
	if len(rows) == 0 {
		return y
	}
	type laid struct {
		cells []laidCell
		h     float64
		r     row
	}
	all := make([]laid, len(rows))
	total := 0.0
	stretchers := 0
	for i, r := range rows {
		cells, h := g.lay(c, r)
		all[i] = laid{cells, h, r}
		total += h
		if r.stretch {
			stretchers++
		}
	}
	var head []laidCell
	headH := 0.0
	if g.header != nil {
		head, headH = g.lay(c, *g.header)
		total += headH
	}
	// The boxes to write in (the ones leaders sign) keep the room they
	// have when the flowing fields are short: a long 主送 or 事由 goes on
	// to a continuation page rather than squeeze them.
	if stretchers > 0 {
		room := bottom - y - headH
		for i, r := range rows {
			if r.flows {
				room -= g.baseHeight(c, r)
			} else {
				room -= all[i].h
			}
		}
		for i := range all {
			if all[i].r.stretch {
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
			if all[i].r.stretch {
				all[i].h += extra
			}
		}
	}
	width := 0.0
	for _, cl := range rows[0].cells {
		width += cl.width
	}
	top := y
	drawHeader := func() {
		if head != nil {
			g.drawRow(c, head, y, headH, true, true)
			y += headH
		}
	}
	turn := func() {
		c.strokeRect(g.x, top, width, y-top, thickRule, black)
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
			l.h = math.Max(l.r.minH, g.minRow)
			for i := range l.cells {
				l.h = math.Max(l.h, l.cells[i].height(g, l.cells[i].next))
			}
		}
		g.drawRow(c, l.cells, y, l.h, true, false)
		y += l.h
	}
	c.strokeRect(g.x, top, width, y-top, thickRule, black)
	return y
}

// fitsSome reports whether at least one more line of the row fits in room.
func (g *grid) fitsSome(cells []laidCell, room float64) bool {
	for _, lc := range cells {
		if !lc.label && lc.next < len(lc.lines) && lc.lines[lc.next].h+2*g.padY <= room {
			return true
		}
	}
	return false
}

// drawRow draws a row of height h at y: every remaining line of each cell
// and its footer when last, else the lines that fit in h.
func (g *grid) drawRow(c *canvas, cells []laidCell, y, h float64, last, header bool) {
	x := g.x
	for i := range cells {
		lc := &cells[i]
		switch {
		case header:
			c.fillRect(x, y, lc.width, h, g.headerFill)
		case lc.fill != nil:
			c.fillRect(x, y, lc.width, h, *lc.fill)
		}
		c.strokeRect(x, y, lc.width, h, thinRule, black)

		// the lines this part of the row shows
		from, to := lc.next, len(lc.lines)
		if lc.label { // a caption is repeated on each part of a split row
			from = 0
		}
		if !last && !lc.label {
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
		if !lc.top {
			ty = y + (h-textH-lc.footerH)/2
		}
		tx, tw := x+g.padX, lc.width-2*g.padX
		if lc.mark != nil {
			col := *lc.mark
			lineH := g.body.sizeMM() * g.leading
			if len(lc.lines) > 0 {
				lineH = lc.lines[0].h
			}
			c.circle(tx+markR, ty+lineH/2, markR, &col, &grey, 0.15)
			tx += 2*markR + markGap
			tw -= 2*markR + markGap
		}
		for _, ln := range lc.lines[from:to] {
			ty += ln.above
			align := ln.align
			if lc.label && align == alignLeft {
				align = alignCenter
			}
			// the glyphs sit in the middle of their line
			c.textIn(tx+ln.indent, tw-ln.indent, ty+(ln.h-ln.st.sizeMM())/2, ln.st, ln.text, align)
			ty += ln.h
		}
		if lc.footerH > 0 && last {
			c.textIn(tx, tw, y+h-g.padY-lc.footerH+(lc.footerH-lc.footerS.sizeMM())/2, lc.footerS, lc.cell.footer, alignRight)
		}
		x += lc.width
	}
}

// column is a column of a data table; width 0 shares the room left.
type column struct {
	title string
	width float64
	align alignment
}

// table is a data table: a header row repeated on every page, rows of text.
type table struct {
	c    *canvas
	g    *grid
	cols []column
	rows []row
}

var (
	tableBody  = style{role: RoleBody, size: 10.5, color: black}
	tableLabel = style{role: RoleHeading, size: 10.5, color: black}
)

func newTable(c *canvas, x, width float64, cols []column, newPage func() float64, pageTop float64) *table {
	cols = append([]column(nil), cols...)
	fixed, free := 0.0, 0
	for _, col := range cols {
		if col.width == 0 {
			free++
		}
		fixed += col.width
	}
	var head row
	for i := range cols {
		if cols[i].width == 0 {
			cols[i].width = (width - fixed) / float64(free)
		}
		head.cells = append(head.cells, cell{text: cols[i].title, width: cols[i].width, label: true})
	}
	g := &grid{x: x, body: tableBody, label: tableLabel, header: &head, padX: 1.5, padY: 1.2, leading: 1.4, minRow: 7.5,
		headerFill: rgb{230, 230, 230}, newPage: newPage, pageTop: pageTop}
	return &table{c: c, g: g, cols: cols}
}

// small sets the table in 小五 (9 pt), for long lists.
func (t *table) small() *table {
	t.g.body, t.g.label = t.g.body.withSize(9), t.g.label.withSize(9)
	t.g.padY, t.g.leading, t.g.minRow = 1, 1.35, 6.5
	for i := range t.g.header.cells {
		t.g.header.cells[i].width = t.cols[i].width
	}
	return t
}

// table is a data table across a form's sheet.
func (s *sheet) table(cols []column) *table {
	return newTable(s.c, s.left, s.width(), cols, s.newPage, s.contentTop())
}

// add appends a row of plain values, one per column.
func (t *table) add(values ...string) {
	cells := make([]cell, len(values))
	for i, v := range values {
		cells[i] = cell{text: v}
	}
	t.addCells(cells...)
}

// addCells appends a row; each cell takes its column's width and, unless
// it says otherwise, its alignment.
func (t *table) addCells(cells ...cell) {
	for i := range cells {
		cells[i].width = t.cols[i].width
		if cells[i].align == alignLeft {
			cells[i].align = t.cols[i].align
		}
	}
	t.rows = append(t.rows, row{cells: cells})
}

// draw puts the table below y and returns the y under it.
func (t *table) draw(y, bottom float64) float64 {
	if len(t.rows) == 0 {
		return y
	}
	return t.g.draw(t.c, t.rows, y, bottom)
}
