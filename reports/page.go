package reports

import (
	"fmt"
	"math"
	"strings"

	"gongwen/app"
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
	f.y = gbTop
	if f.secrecy.Classified() {
		// the 密级 takes the first line of every page
		secrecyMark(f.c, gbLeft, gbTop, f.secrecy)
		f.y += gbPitch
	}
	return f.y
}

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

// skipTo moves down to the first grid line at or below y.
func (f *gbFlow) skipTo(y float64) {
	f.y = gbTop + math.Ceil((y-gbTop)/gbPitch-0.001)*gbPitch
}

// blank leaves a line empty, except at the top of a page.
func (f *gbFlow) blank() {
	if f.y > gbTop+secrecyRoomGB(f.secrecy)+0.01 {
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
	lines := f.layoutSegments(segs, gbWidth-float64(hang)*gbCharPitch, float64(indent-hang)*gbCharPitch)
	for i, ln := range lines {
		x := gbLeft + float64(hang)*gbCharPitch
		if i == 0 {
			x += float64(indent-hang) * gbCharPitch
		}
		y := f.next()
		for _, sg := range ln {
			x += f.c.text(x, y, sg.st, sg.text)
		}
	}
}

// layoutSegments wraps mixed-style text as one paragraph and returns each
// line as its segments.
func (f *gbFlow) layoutSegments(segs []segment, width, indent float64) [][]segment {
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
	var out [][]segment
	for _, sp := range wrapRunes(rs, ws, width, indent) {
		var line []segment
		for j := sp.start; j < sp.end; j++ {
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

// numberGBPages writes "— N —" in 4号 under the type area of every page,
// at the outside corner: right on odd pages, left on even ones, one
// character in from the edge.
func numberGBPages(c *canvas) {
	st := style{role: RoleBody, size: gbFolioPt, color: black}
	em := st.sizeMM()
	y := gbTop + gbHeight + 7 - em/2 // the dashes sit 7 mm below the type area
	for i := range c.pages {
		c.setPage(i)
		s := fmt.Sprintf("— %d —", i+1)
		if (i+1)%2 == 1 {
			c.text(gbLeft+gbWidth-em-c.width(st, s), y, st, s)
		} else {
			c.text(gbLeft+em, y, st, s)
		}
	}
}
