package reports

import (
	"fmt"
	"math"
	"strings"

	"gongwen/app"
	"gongwen/textbreak"
)

// Pages: the sheet of the office forms, the GB/T 9704-2012 page of the
// minutes and the bulletin, the 密级 mark and page numbers.

// today is the date printed as the day of issue; tests fix it.
var today = app.Today

// sheet is the page of a form: A4 with plain margins, the 密级 at the top
// left of every page, a page number at the bottom.
type sheet struct {
	c                        *canvas
	left, right, top, bottom float64
	secrecy                  app.Secrecy
	y                        float64
	// running heads every page after the first of a record: the form's
	// title and the record's number, with 续页, so that a sheet that comes
	// loose is still known
	running   string
	pageStart int // the first page of the record on the canvas
}

func newSheet(c *canvas, secrecy app.Secrecy) *sheet {
	s := &sheet{c: c, secrecy: secrecy, left: 20, right: c.pageW - 20, top: 16, bottom: c.pageH - 18}
	if c.landscape {
		s.left, s.right, s.top, s.bottom = 15, c.pageW-15, 14, c.pageH-16
	}
	return s
}

func (s *sheet) width() float64 { return s.right - s.left }

// newPage starts a page and returns the y where content begins: below the
// 密级 and, on a continuation page, the running head.
func (s *sheet) newPage() float64 {
	s.c.newPage()
	s.y = s.top
	if s.secrecy.Classified() {
		s.y += secrecyMark(s.c, s.left, s.top, s.secrecy) + 2
	}
	if s.running != "" && len(s.c.pages)-1 > s.pageStart {
		s.c.textIn(s.left, s.width(), s.y, runningHead, s.running, alignCenter)
		s.y += runningRoom
	}
	return s.y
}

// firstPage starts the first page of a record (a form, a catalogue of one
// 保管期限): it carries the full title, not the running head.
func (s *sheet) firstPage() float64 {
	s.pageStart = len(s.c.pages)
	return s.newPage()
}

// runningHead sets the line that heads a continuation page.
var runningHead = style{role: RoleHeading, size: 12, color: black}

var runningRoom = runningHead.sizeMM()*1.5 + 1

// contentTop is where a grid starts on a continuation page.
func (s *sheet) contentTop() float64 {
	top := s.top + secrecyRoom(s.secrecy)
	if s.running != "" {
		top += runningRoom
	}
	return top
}

// secrecyMark prints the 密级 as 公文 do: 3号黑体 at the top left. It
// returns the height used.
func secrecyMark(c *canvas, x, y float64, sec app.Secrecy) float64 {
	st := style{role: RoleHeading, size: 16, color: black}
	c.text(x, y, st, string(sec))
	return st.sizeMM()
}

// Styles of the forms.
var (
	formTitle = style{role: RoleTitle, size: 22, color: black}
	formLabel = style{role: RoleHeading, size: 12, color: black}
	formBody  = style{role: RoleBody, size: 13, color: black}
	formSmall = style{role: RoleBody, size: 10.5, color: black}
)

// title prints a centred form title and moves below it.
func (s *sheet) title(text string) {
	st := formTitle
	lines := s.c.wrap(st, text, s.width(), 0)
	for _, ln := range lines {
		s.c.textIn(s.left, s.width(), s.y, st, ln, alignCenter)
		s.y += st.sizeMM() * 1.3
	}
	s.y += 2
}

// infoLine prints small "label：value" pairs on one line, spread out from
// the right (收文编号 and 收文日期 at the top right of a slip).
func (s *sheet) infoLine(pairs ...string) {
	var parts []string
	for i := 0; i+1 < len(pairs); i += 2 {
		v := pairs[i+1]
		if v == "" {
			v = "　　　　"
		}
		parts = append(parts, pairs[i]+"："+v)
	}
	s.c.textIn(s.left, s.width(), s.y, formBody, strings.Join(parts, "　　"), alignRight)
	s.y += formBody.sizeMM() * 1.6
}

// grid returns a grid across the sheet's width in the forms' styles.
func (s *sheet) grid() *grid {
	return &grid{
		x: s.left, body: formBody, label: formLabel, padX: 2.2, padY: 2, leading: 1.5, minRow: 11,
		headerFill: rgb{236, 236, 236},
		newPage:    s.newPage,
		pageTop:    s.contentTop(),
	}
}

func secrecyRoom(sec app.Secrecy) float64 {
	if sec.Classified() {
		return 16*ptToMM + 2
	}
	return 0
}

// numberFormPages writes "第 N 页 共 M 页" under every page of a form.
func numberFormPages(c *canvas, s *sheet) {
	st := formSmall.withColor(grey)
	n := len(c.pages)
	for i := range c.pages {
		c.setPage(i)
		c.textIn(s.left, s.width(), c.pageH-11, st, fmt.Sprintf("第 %d 页　共 %d 页", i+1, n), alignCenter)
	}
}

// GB/T 9704-2012 page facts (A4).
const (
	gbTop       = 37.0  // top margin
	gbLeft      = 28.0  // binding margin
	gbWidth     = 156.0 // type area
	gbHeight    = 225.0
	gbLines     = 22
	gbChars     = 28
	gbPitch     = gbHeight / gbLines // line pitch
	gbCharPitch = gbWidth / gbChars  // character pitch
	gbBodyPt    = 16                 // 3号
	gbTitlePt   = 22                 // 2号
	gbFolioPt   = 14                 // 4号 page numbers
)

// gbSpacing is the character spacing that makes n characters of size pt
// fill the line: 28 characters of 3号 in 156 mm.
func gbSpacing(pt float64) float64 { return gbCharPitch - pt*ptToMM }

var (
	gbBody    = style{role: RoleBody, size: gbBodyPt, color: black, tc: gbSpacing(gbBodyPt)}
	gbHeading = gbBody.withRole(RoleHeading)
	gbKai     = gbBody.withRole(RoleKai)
	gbTitle   = style{role: RoleTitle, size: gbTitlePt, color: black}
)

// gbFlow sets text on the GB/T 9704 type area: lines a line pitch apart,
// 22 to the page, each from the left edge of the type area. Tables and
// charts may take any height; text after them goes on from there.
type gbFlow struct {
	c       *canvas
	secrecy app.Secrecy
	y       float64 // top of the next line

	lines    []flowLine   // every line of text set by paragraph, in order
	push     map[int]bool // the lines that must start a page
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

func newGBFlow(c *canvas, sec app.Secrecy) *gbFlow {
	f := &gbFlow{c: c, secrecy: sec}
	f.newPage()
	return f
}

const gbBottom = gbTop + gbHeight

// newPage starts a page and returns the top of its first free line.
func (f *gbFlow) newPage() float64 {
	f.c.newPage()
	f.y = f.pageTop()
	if f.secrecy.Classified() {
		// the 密级 takes the first line of every page
		secrecyMark(f.c, gbLeft, gbTop, f.secrecy)
	}
	return f.y
}

func (f *gbFlow) pageTop() float64 { return gbTop + secrecyRoomGB(f.secrecy) }

func (f *gbFlow) atTop() bool { return f.y <= f.pageTop()+0.01 }

// next returns the top of the next line, starting a page when the line
// would reach below the type area.
func (f *gbFlow) next() float64 {
	if f.y+gbBody.sizeMM() > gbBottom+0.01 {
		f.newPage()
	}
	y := f.y
	f.y += gbPitch
	return y
}

// linesLeft is how many lines still fit on the page.
func (f *gbFlow) linesLeft() int {
	return max(0, int(math.Floor((gbBottom+0.01-gbBody.sizeMM()-f.y)/gbPitch))+1)
}

// skipTo moves down to the first grid line at or below y.
func (f *gbFlow) skipTo(y float64) {
	f.y = gbTop + math.Ceil((y-gbTop)/gbPitch-0.001)*gbPitch
}

// blank leaves a line empty, except at the top of a page.
func (f *gbFlow) blank() {
	if !f.atTop() {
		f.y += gbPitch
	}
}

// ensure starts a page unless h fits below the next line's top.
func (f *gbFlow) ensure(h float64) {
	if f.y+h > gbBottom+0.01 {
		f.newPage()
	}
}

// usedBottom is the bottom of the text last set on the page.
func (f *gbFlow) usedBottom() float64 { return f.y - gbPitch + gbBody.sizeMM() }

func secrecyRoomGB(sec app.Secrecy) float64 {
	if sec.Classified() {
		return gbPitch
	}
	return 0
}

// segment is a piece of a paragraph in one style (a heading in 黑体 and
// the rest of its paragraph in 仿宋).
type segment struct {
	st   style
	text string
}

// paragraph sets a paragraph on the grid: its first line indented by
// indent characters, the following lines by hang characters.
func (f *gbFlow) paragraph(segs []segment, indent, hang int) {
	f.setLines(f.layoutSegments(segs, gbWidth-float64(hang)*gbCharPitch, float64(indent-hang)*gbCharPitch), indent, hang)
}

// heading sets a paragraph that stays on the page of what follows it.
func (f *gbFlow) heading(segs []segment, indent int) {
	lines := f.layoutSegments(segs, gbWidth, float64(indent)*gbCharPitch)
	if f.linesLeft() < len(lines)+2 {
		f.newPage()
	}
	f.setLines(lines, indent, 0)
	f.keepNext, f.keepY = true, f.y
}

// keepTogether sets the paragraphs of set on one page when they fit on
// one: it starts a page unless the lines fit on this one.
func (f *gbFlow) keepTogether(lines int, set func()) {
	if lines > f.linesLeft() && lines <= gbLines {
		f.newPage()
	}
	f.keep = true
	set()
	f.keep = false
}

// setLines places a paragraph's lines, justified to the type area but
// the last. A paragraph is cut over two pages so that neither part is a
// single line: its first line alone at the foot of a page, or its last
// at the head of the next.
func (f *gbFlow) setLines(lines [][]segment, indent, hang int) {
	n := len(lines)
	glued := f.keepNext && math.Abs(f.y-f.keepY) < 0.01 // not when a table or chart came between
	firstInBlock := !f.keep || len(f.lines) == 0 || !f.lines[len(f.lines)-1].inKeep
	for i := 0; i < n; {
		if f.push[len(f.lines)] && !f.atTop() {
			f.pushedAt = append(f.pushedAt, f.usedBottom())
			f.newPage()
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
			if take == 0 && !f.atTop() {
				f.newPage()
				continue
			}
			take = max(take, 1)
		}
		for end := i + take; i < end; i++ {
			if f.push[len(f.lines)] && !f.atTop() {
				break
			}
			breakable := (i == 0 && !glued) || (i >= 2 && n-i >= 2)
			if f.keep {
				breakable = i == 0 && firstInBlock
			}
			f.lines = append(f.lines, flowLine{page: f.c.cur, top: f.atTop(), breakable: breakable, inKeep: f.keep})
			x := gbLeft + float64(hang)*gbCharPitch
			avail := gbWidth - float64(hang)*gbCharPitch
			if i == 0 {
				x += float64(indent-hang) * gbCharPitch
				avail -= float64(indent-hang) * gbCharPitch
			}
			f.drawLine(x, f.next(), avail, lines[i], i < n-1)
		}
		if i < n && !f.push[len(f.lines)] {
			f.newPage()
		}
	}
	f.keepNext = false
}

// maxJustify is the widest extra space put between two characters of a
// justified line (0.15 of a character: more reads as letter-spaced); a
// line shorter than that allows (a list of names that cannot be broken)
// stays ragged.
const maxJustify = 0.15 * gbCharPitch

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
		if n := line.End - line.Start; n < 2 || (avail-used)/float64(n-1) <= maxJustify || line.End != next.Start {
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
func (f *gbFlow) drawLine(x, y, avail float64, ln []segment, justify bool) {
	type unit struct {
		st   style
		text string
		word bool
		w    float64
	}
	var us []unit
	total := 0.0
	for _, sg := range ln {
		rs := []rune(sg.text)
		for i := 0; i < len(rs); {
			j := textbreak.TokenEnd(rs, i) // a date or number is spaced as one
			if j == i {
				j = i + 1
			}
			u := unit{st: sg.st, text: string(rs[i:j]), word: j-i > 1}
			u.w = f.c.width(u.st, u.text)
			total += u.w
			us = append(us, u)
			i = j
		}
	}
	gap := 0.0
	if justify && len(us) > 1 {
		gap = (avail - total) / float64(len(us)-1)
		if gap > maxJustify || gap < -maxJustify {
			gap = 0
		}
	}
	if gap == 0 {
		for _, sg := range ln {
			x += f.c.text(x, y, sg.st, sg.text)
		}
		return
	}
	// single characters in a row share one text run, spaced by the gap
	for i := 0; i < len(us); {
		u := us[i]
		if u.word {
			x += f.c.text(x, y, u.st, u.text) + gap
			i++
			continue
		}
		var run strings.Builder
		for ; i < len(us) && !us[i].word && us[i].st == u.st; i++ {
			run.WriteString(us[i].text)
		}
		x += f.c.text(x, y, u.st.withSpacing(u.st.tc+gap), run.String())
	}
}

// layoutSegments wraps mixed-style text as one paragraph and returns each
// line as its segments.
func (f *gbFlow) layoutSegments(segs []segment, width, indent float64) [][]segment {
	return f.layoutKept(segs, width, indent, nil)
}

// layoutKept is layoutSegments with runs of characters that are never
// broken (a person's name): keep holds, for each character of the
// paragraph, whether it joins the character before it.
func (f *gbFlow) layoutKept(segs []segment, width, indent float64, keep []bool) [][]segment {
	var rs []rune
	var ws []float64
	var owner []int // the segment of each rune
	for i, sg := range segs {
		for _, r := range sg.text {
			rs = append(rs, r)
			ws = append(ws, f.c.runeWidth(sg.st, r))
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
	var out [][]segment
	for _, sp := range wrapJustifiable(wrapRs, wrapWs, width, indent) {
		start, end := sp.Start, sp.End
		if first != nil {
			start, end = first[sp.Start], first[sp.End]
		}
		var line []segment
		for j := start; j < end; j++ {
			st := segs[owner[j]].st
			if n := len(line); n > 0 && line[n-1].st == st {
				line[n-1].text += string(rs[j])
			} else {
				line = append(line, segment{st, string(rs[j])})
			}
		}
		out = append(out, line)
	}
	return out
}

// pushesFilled reports whether every page that push ended early is
// still at least minFill full.
func (f *gbFlow) pushesFilled() bool {
	for _, y := range f.pushedAt {
		if y-gbTop < minFill*gbHeight {
			return false
		}
	}
	return true
}

// pushPoint is the index of the last line on page (0-based) where a page
// may begin with something left above it on the page, -1 when there is
// none.
func (f *gbFlow) pushPoint(page int) int {
	for i := len(f.lines) - 1; i >= 0 && f.lines[i].page >= page; i-- {
		if l := f.lines[i]; l.page == page && l.breakable && !l.top {
			return i
		}
	}
	return -1
}

// numberGBPages writes "— N —" in 4号 under the type area of the first
// numbered pages, at the outside corner: right on odd pages, left on even
// ones, one character in from the edge.
func numberGBPages(c *canvas, numbered int) {
	st := style{role: RoleBody, size: gbFolioPt, color: black}
	em := st.sizeMM()
	y := gbTop + gbHeight + 7 - em/2 // the dashes sit 7 mm below the type area
	for i := range c.pages[:numbered] {
		c.setPage(i)
		s := fmt.Sprintf("— %d —", i+1)
		if (i+1)%2 == 1 {
			c.text(gbLeft+gbWidth-em-c.width(st, s), y, st, s)
		} else {
			c.text(gbLeft+em, y, st, s)
		}
	}
}
