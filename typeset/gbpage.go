package typeset

import (
	"fmt"
	"math"
	"strings"

	"gongwen/textbreak"
)

// GB/T 9704-2012 page facts (A4).
const (
	GBTop       = 37.0  // top margin
	GBLeft      = 28.0  // binding margin
	GBWidth     = 156.0 // type area
	GBHeight    = 225.0
	gbLines     = 22
	GBChars     = 28
	GBPitch     = GBHeight / gbLines // line pitch
	GBCharPitch = GBWidth / GBChars  // character pitch
	gbBodyPt    = 16                 // 3号
	gbTitlePt   = 22                 // 2号
	GBFolioPt   = 14                 // 4号 page numbers
)

// gbSpacing is the character spacing that makes n characters of size pt
// fill the line: 28 characters of 3号 in 156 mm.
func gbSpacing(pt float64) float64 { return GBCharPitch - pt*PtToMM }

var (
	GBBody    = Style{Role: RoleBody, Size: gbBodyPt, Color: Black, Spacing: gbSpacing(gbBodyPt)}
	GBHeading = GBBody.withRole(RoleHeading)
	GBKai     = GBBody.withRole(RoleKai)
	GBTitle   = Style{Role: RoleTitle, Size: gbTitlePt, Color: Black}
)

// GBFlow sets text on the GB/T 9704 type area: lines a line pitch apart,
// 22 to the page, each from the left edge of the type area. Tables and
// charts may take any height; text after them goes on from there.
type GBFlow struct {
	Canvas *Canvas
	mark   string  // the 密级 printed at the top left of every page, "" for none
	Y      float64 // top of the next line

	lines    []flowLine   // every line of text set by paragraph, in order
	Push     map[int]bool // the lines that must start a page
	keepNext bool         // the text set next stays with the heading above it, if it follows at once
	keepY    float64      // where the text following that heading starts
	keep     bool         // inside a block kept together
	pushedAt []float64    // the bottom of the text on each page ended by push
}

// flowLine is where a line of text went, and whether a page may begin at
// it without leaving a heading, a first or a last line alone.
type flowLine struct {
	page      int
	top       bool // first on its page
	breakable bool
	inKeep    bool // part of a block kept together
}

func NewGBFlow(c *Canvas, mark string) *GBFlow {
	f := &GBFlow{Canvas: c, mark: mark}
	f.NewPage()
	return f
}

const GBBottom = GBTop + GBHeight

// NewPage starts a page and returns the top of its first free line.
func (f *GBFlow) NewPage() float64 {
	f.Canvas.newPage()
	f.Y = f.pageTop()
	if f.mark != "" {
		// the 密级 takes the first line of every page
		secrecyMark(f.Canvas, GBLeft, GBTop, f.mark)
	}
	return f.Y
}

func (f *GBFlow) pageTop() float64 { return GBTop + secrecyRoomGB(f.mark) }

func (f *GBFlow) AtTop() bool { return f.Y <= f.pageTop()+0.01 }

// Next returns the top of the next line, starting a page when the line
// would reach below the type area.
func (f *GBFlow) Next() float64 {
	if f.Y+GBBody.SizeMM() > GBBottom+0.01 {
		f.NewPage()
	}
	y := f.Y
	f.Y += GBPitch
	return y
}

// linesLeft is how many lines still fit on the page.
func (f *GBFlow) linesLeft() int {
	return max(0, int(math.Floor((GBBottom+0.01-GBBody.SizeMM()-f.Y)/GBPitch))+1)
}

// SkipTo moves down to the first grid line at or below y.
func (f *GBFlow) SkipTo(y float64) {
	f.Y = GBTop + math.Ceil((y-GBTop)/GBPitch-0.001)*GBPitch
}

// Blank leaves a line empty, except at the top of a page.
func (f *GBFlow) Blank() {
	if !f.AtTop() {
		f.Y += GBPitch
	}
}

// Ensure starts a page unless h fits below the next line's top.
func (f *GBFlow) Ensure(h float64) {
	if f.Y+h > GBBottom+0.01 {
		f.NewPage()
	}
}

// UsedBottom is the bottom of the text last set on the page.
func (f *GBFlow) UsedBottom() float64 { return f.Y - GBPitch + GBBody.SizeMM() }

func secrecyRoomGB(mark string) float64 {
	if mark != "" {
		return GBPitch
	}
	return 0
}

// Segment is a piece of a paragraph in one style (a heading in 黑体 and
// the rest of its paragraph in 仿宋).
type Segment struct {
	Style Style
	Text  string
}

// Paragraph sets a paragraph on the grid: its first line indented by
// indent characters, the following lines by hang characters.
func (f *GBFlow) Paragraph(segs []Segment, indent, hang int) {
	f.SetLines(f.LayoutSegments(segs, GBWidth-float64(hang)*GBCharPitch, float64(indent-hang)*GBCharPitch), indent, hang)
}

// Heading sets a paragraph that stays on the page of what follows it.
func (f *GBFlow) Heading(segs []Segment, indent int) {
	lines := f.LayoutSegments(segs, GBWidth, float64(indent)*GBCharPitch)
	if f.linesLeft() < len(lines)+2 {
		f.NewPage()
	}
	f.SetLines(lines, indent, 0)
	f.keepNext, f.keepY = true, f.Y
}

// KeepTogether sets the paragraphs of set on one page when they fit on
// one: it starts a page unless the lines fit on this one.
func (f *GBFlow) KeepTogether(lines int, set func()) {
	if lines > f.linesLeft() && lines <= gbLines {
		f.NewPage()
	}
	f.keep = true
	set()
	f.keep = false
}

// SetLines places a paragraph's lines, justified to the type area but
// the last. A paragraph is cut over two pages so that neither part is a
// single line: its first line alone at the foot of a page, or its last
// at the head of the next.
func (f *GBFlow) SetLines(lines [][]Segment, indent, hang int) {
	n := len(lines)
	glued := f.keepNext && math.Abs(f.Y-f.keepY) < 0.01 // not when a table or chart came between
	firstInBlock := !f.keep || len(f.lines) == 0 || !f.lines[len(f.lines)-1].inKeep
	for i := 0; i < n; {
		if f.Push[len(f.lines)] && !f.AtTop() {
			f.pushedAt = append(f.pushedAt, f.UsedBottom())
			f.NewPage()
		}
		take := n - i
		if room := f.linesLeft(); take > room {
			take = room
			if n-i-take == 1 && take > 1 {
				take-- // no last line alone on the next page
			}
			if i == 0 && take == 1 {
				take = 0 // no first line alone at the foot
			}
			if take == 0 && !f.AtTop() {
				f.NewPage()
				continue
			}
			take = max(take, 1)
		}
		for end := i + take; i < end; i++ {
			if f.Push[len(f.lines)] && !f.AtTop() {
				break
			}
			breakable := (i == 0 && !glued) || (i >= 2 && n-i >= 2)
			if f.keep {
				breakable = i == 0 && firstInBlock
			}
			f.lines = append(f.lines, flowLine{page: f.Canvas.cur, top: f.AtTop(), breakable: breakable, inKeep: f.keep})
			x := GBLeft + float64(hang)*GBCharPitch
			avail := GBWidth - float64(hang)*GBCharPitch
			if i == 0 {
				x += float64(indent-hang) * GBCharPitch
				avail -= float64(indent-hang) * GBCharPitch
			}
			f.drawLine(x, f.Next(), avail, lines[i], i < n-1)
		}
		if i < n && !f.Push[len(f.lines)] {
			f.NewPage()
		}
	}
	f.keepNext = false
}

// MaxJustify is the widest extra space put between two characters of a
// justified line (0.15 of a character: more reads as letter-spaced); a
// line shorter than that allows (a list of names that cannot be broken)
// stays ragged.
const MaxJustify = 0.15 * GBCharPitch

// wrapJustifiable is textbreak.Spans for text that is justified: when a line
// would be spread by more than maxJustify because the date after it
// (2026年11月28日, a single token to the line breaker) did not fit, the
// date is cut after its 年 or 月 so that its first part ends the line.
func wrapJustifiable(rs []rune, ws []float64, width, indent float64) []textbreak.Span {
	sum := func(from, to int) float64 {
		w := 0.0
		for _, x := range ws[from:to] {
			w += x
		}
		return w
	}
	sps := textbreak.Spans(rs, ws, width, indent)
	for i := 0; i+1 < len(sps); i++ {
		line, next := sps[i], sps[i+1]
		avail := width
		if i == 0 {
			avail -= indent
		}
		used := sum(line.Start, line.End)
		if n := line.End - line.Start; n < 2 || (avail-used)/float64(n-1) <= MaxJustify || line.End != next.Start {
			continue
		}
		start := next.Start
		for start < len(rs) && strings.ContainsRune("（《“", rs[start]) {
			start++
		}
		if start == len(rs) {
			continue
		}
		cut := -1
		for k := start; k < textbreak.TokenEnd(rs, start); k++ {
			if (rs[k] == '年' || rs[k] == '月') && used+sum(next.Start, k+1) <= avail+0.01 {
				cut = k + 1
			}
		}
		if cut < 0 {
			continue
		}
		rest := textbreak.Spans(rs[cut:], ws[cut:], width, 0)
		sps = append(sps[:i], textbreak.Span{Start: line.Start, End: cut})
		for _, sp := range rest {
			sps = append(sps, textbreak.Span{Start: sp.Start + cut, End: sp.End + cut})
		}
	}
	return sps
}

// drawLine draws a line of a paragraph at x; when justify, the space the
// line leaves within avail is shared out between its characters (never
// inside a word or a number), so that it ends on the type area's edge as
// GB/T 9704 text does.
func (f *GBFlow) drawLine(x, y, avail float64, ln []Segment, justify bool) {
	type unit struct {
		st   Style
		text string
		word bool
		w    float64
	}
	var us []unit
	total := 0.0
	for _, sg := range ln {
		rs := []rune(sg.Text)
		for i := 0; i < len(rs); {
			j := textbreak.TokenEnd(rs, i) // a date or number is spaced as one
			if j == i {
				j = i + 1
			}
			u := unit{st: sg.Style, text: string(rs[i:j]), word: j-i > 1}
			u.w = f.Canvas.Width(u.st, u.text)
			total += u.w
			us = append(us, u)
			i = j
		}
	}
	gap := 0.0
	if justify && len(us) > 1 {
		gap = (avail - total) / float64(len(us)-1)
		if gap > MaxJustify || gap < -MaxJustify {
			gap = 0
		}
	}
	if gap == 0 {
		for _, sg := range ln {
			x += f.Canvas.Text(x, y, sg.Style, sg.Text)
		}
		return
	}
	// single characters in a row share one text run, spaced by the gap
	for i := 0; i < len(us); {
		u := us[i]
		if u.word {
			x += f.Canvas.Text(x, y, u.st, u.text) + gap
			i++
			continue
		}
		var run strings.Builder
		for ; i < len(us) && !us[i].word && us[i].st == u.st; i++ {
			run.WriteString(us[i].text)
		}
		x += f.Canvas.Text(x, y, u.st.WithSpacing(u.st.Spacing+gap), run.String())
	}
}

// LayoutSegments wraps mixed-style text as one paragraph and returns each
// line as its segments.
func (f *GBFlow) LayoutSegments(segs []Segment, width, indent float64) [][]Segment {
	return f.LayoutKept(segs, width, indent, nil)
}

// LayoutKept is layoutSegments with runs of characters that are never
// broken (a person's name): keep holds, for each character of the
// paragraph, whether it joins the character before it.
func (f *GBFlow) LayoutKept(segs []Segment, width, indent float64, keep []bool) [][]Segment {
	var rs []rune
	var ws []float64
	var owner []int // the segment of each rune
	for i, sg := range segs {
		for _, r := range sg.Text {
			rs = append(rs, r)
			ws = append(ws, f.Canvas.runeWidth(sg.Style, r))
			owner = append(owner, i)
		}
	}
	// A kept run narrower than the line is wrapped as one character
	// (a placeholder Han character: no line-breaking rule applies to it).
	wrapRs, wrapWs, first := rs, ws, []int(nil)
	if keep != nil {
		wrapRs, wrapWs = nil, nil
		for i := 0; i < len(rs); {
			j, w := i+1, ws[i]
			for j < len(rs) && keep[j] {
				w += ws[j]
				j++
			}
			if j-i > 1 && w <= width-indent {
				wrapRs, wrapWs, first = append(wrapRs, '名'), append(wrapWs, w), append(first, i)
			} else {
				for k := i; k < j; k++ {
					wrapRs, wrapWs, first = append(wrapRs, rs[k]), append(wrapWs, ws[k]), append(first, k)
				}
			}
			i = j
		}
		first = append(first, len(rs))
	}
	var out [][]Segment
	for _, sp := range wrapJustifiable(wrapRs, wrapWs, width, indent) {
		start, end := sp.Start, sp.End
		if first != nil {
			start, end = first[sp.Start], first[sp.End]
		}
		var line []Segment
		for j := start; j < end; j++ {
			st := segs[owner[j]].Style
			if n := len(line); n > 0 && line[n-1].Style == st {
				line[n-1].Text += string(rs[j])
			} else {
				line = append(line, Segment{st, string(rs[j])})
			}
		}
		out = append(out, line)
	}
	return out
}

// PushesFilled reports whether every page that push ended early is
// still at least minFill (of the type area's height) full.
func (f *GBFlow) PushesFilled(minFill float64) bool {
	for _, y := range f.pushedAt {
		if y-GBTop < minFill*GBHeight {
			return false
		}
	}
	return true
}

// PushPoint is the index of the last line on page (0-based) where a page
// may begin with something left above it on the page, -1 when there is
// none.
func (f *GBFlow) PushPoint(page int) int {
	for i := len(f.lines) - 1; i >= 0 && f.lines[i].page >= page; i-- {
		if l := f.lines[i]; l.page == page && l.breakable && !l.top {
			return i
		}
	}
	return -1
}

// NumberGBPages writes "— N —" in 4号 under the type area of the first
// numbered pages, at the outside corner: right on odd pages, left on even
// ones, one character in from the edge.
func NumberGBPages(c *Canvas, numbered int) {
	st := Style{Role: RoleBody, Size: GBFolioPt, Color: Black}
	em := st.SizeMM()
	y := GBTop + GBHeight + 7 - em/2 // the dashes sit 7 mm below the type area
	for i := range c.Pages[:numbered] {
		c.setPage(i)
		s := fmt.Sprintf("— %d —", i+1)
		if (i+1)%2 == 1 {
			c.Text(GBLeft+GBWidth-em-c.Width(st, s), y, st, s)
		} else {
			c.Text(GBLeft+em, y, st, s)
		}
	}
}
