package typeset

import (
	"fmt"
	"strings"
)

// Pages: the sheet of the office forms, the GB/T 9704-2012 page of the
// minutes and the bulletin, the 密级 mark and page numbers.

// Sheet is the page of a form: A4 with plain margins, the 密级 at the top
// left of every page, a page number at the bottom.
type Sheet struct {
	c                        *Canvas
	Left, right, top, Bottom float64
	mark                     string // the 密级 printed at the top left, "" for none
	Y                        float64
	// Running heads every page after the first of a record: the form's
	// title and the record's number, with 续页, so that a sheet that comes
	// loose is still known
	Running   string
	pageStart int // the first page of the record on the canvas
}

func NewSheet(c *Canvas, mark string) *Sheet {
	s := &Sheet{c: c, mark: mark, Left: 20, right: c.pageW - 20, top: 16, Bottom: c.pageH - 18}
	if c.landscape {
		s.Left, s.right, s.top, s.Bottom = 15, c.pageW-15, 14, c.pageH-16
	}
	return s
}

func (s *Sheet) Width() float64 { return s.right - s.Left }

// NewPage starts a page and returns the y where content begins: below the
// 密级 and, on a continuation page, the running head.
func (s *Sheet) NewPage() float64 {
	s.c.newPage()
	s.Y = s.top
	if s.mark != "" {
		s.Y += secrecyMark(s.c, s.Left, s.top, s.mark) + 2
	}
	if s.Running != "" && len(s.c.Pages)-1 > s.pageStart {
		s.c.TextIn(s.Left, s.Width(), s.Y, runningHead, s.Running, AlignCenter)
		s.Y += runningRoom
	}
	return s.Y
}

// FirstPage starts the first page of a record (a form, a catalogue of one
// 保管期限): it carries the full title, not the running head.
func (s *Sheet) FirstPage() float64 {
	s.pageStart = len(s.c.Pages)
	return s.NewPage()
}

// runningHead sets the line that heads a continuation page.
var runningHead = Style{Role: RoleHeading, Size: 12, Color: Black}

var runningRoom = runningHead.SizeMM()*1.5 + 1

// contentTop is where a grid starts on a continuation page.
func (s *Sheet) contentTop() float64 {
	top := s.top + secrecyRoom(s.mark)
	if s.Running != "" {
		top += runningRoom
	}
	return top
}

// secrecyMark prints the 密级 as 公文 do: 3号黑体 at the top left. It
// returns the height used.
func secrecyMark(c *Canvas, x, y float64, mark string) float64 {
	st := Style{Role: RoleHeading, Size: 16, Color: Black}
	c.Text(x, y, st, mark)
	return st.SizeMM()
}

// Styles of the forms.
var (
	formTitle = Style{Role: RoleTitle, Size: 22, Color: Black}
	formLabel = Style{Role: RoleHeading, Size: 12, Color: Black}
	FormBody  = Style{Role: RoleBody, Size: 13, Color: Black}
	FormSmall = Style{Role: RoleBody, Size: 10.5, Color: Black}
)

// Title prints a centred form title and moves below it.
func (s *Sheet) Title(text string) {
	st := formTitle
	lines := s.c.Wrap(st, text, s.Width(), 0)
	for _, ln := range lines {
		s.c.TextIn(s.Left, s.Width(), s.Y, st, ln, AlignCenter)
		s.Y += st.SizeMM() * 1.3
	}
	s.Y += 2
}

// InfoLine prints small "label：value" pairs on one line, spread out from
// the right (收文编号 and 收文日期 at the top right of a slip).
func (s *Sheet) InfoLine(pairs ...string) {
	var parts []string
	for i := 0; i+1 < len(pairs); i += 2 {
		v := pairs[i+1]
		if v == "" {
			v = "　　　　"
		}
		parts = append(parts, pairs[i]+"："+v)
	}
	s.c.TextIn(s.Left, s.Width(), s.Y, FormBody, strings.Join(parts, "　　"), AlignRight)
	s.Y += FormBody.SizeMM() * 1.6
}

// Grid returns a grid across the sheet's width in the forms' styles.
func (s *Sheet) Grid() *Grid {
	return &Grid{
		x: s.Left, Body: FormBody, label: formLabel, PadX: 2.2, padY: 2, leading: 1.5, MinRow: 11,
		headerFill: Color{236, 236, 236},
		newPage:    s.NewPage,
		pageTop:    s.contentTop(),
	}
}

func secrecyRoom(mark string) float64 {
	if mark != "" {
		return 16*PtToMM + 2
	}
	return 0
}

// NumberFormPages writes "第 N 页 共 M 页" under every page of a form.
func NumberFormPages(c *Canvas, s *Sheet) {
	st := FormSmall.WithColor(Grey)
	n := len(c.Pages)
	for i := range c.Pages {
		c.setPage(i)
		c.TextIn(s.Left, s.Width(), c.pageH-11, st, fmt.Sprintf("第 %d 页　共 %d 页", i+1, n), AlignCenter)
	}
}
