package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// 搜索: one box that finds anything in any book, read page by page.

type searchScreen struct {
	u     *UI
	text  string
	title *widget.Label
	table *widgets.PagedTable[app.SearchHit]
	root  fyne.CanvasObject
}

// bookOf is the register a hit is in: 收文 or 发文 for a document.
func bookOf(h app.SearchHit) string { return h.Book() }

// marked is text with the ranges the search matched in bold, in the
// primary colour.
func marked(text string, marks [][2]int) []widget.RichTextSegment {
	rs := []rune(text)
	plain := widget.RichTextStyleInline
	match := widget.RichTextStyleStrong
	match.ColorName = theme.ColorNamePrimary
	var segs []widget.RichTextSegment
	add := func(s string, style widget.RichTextStyle) {
		if s != "" {
			segs = append(segs, &widget.TextSegment{Text: s, Style: style})
		}
	}
	at := 0
	for _, m := range marks {
		from, to := max(m[0], at), min(m[1], len(rs))
		if from >= to {
			continue
		}
		add(string(rs[at:from]), plain)
		add(string(rs[from:to]), match)
		at = to
	}
	add(string(rs[at:]), plain)
	return segs
}

// flat puts text on one line rune for rune, so that marks stay in place.
func flat(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// typicalMeetingName is a long meeting name, the 编号 of a meeting hit: the
// 编号 column shows it whole.
const typicalMeetingName = "十八届政府第13次常务会议"

// snippetOfTitle reports whether a hit's excerpt is only its title (the
// match is in the title), which the 标题 column already shows.
func snippetOfTitle(h app.SearchHit) bool {
	excerpt := strings.TrimSpace(strings.Trim(flat(h.Snippet), "…"))
	return excerpt != "" && strings.Contains(flat(h.Title), excerpt)
}

func newSearchScreen(u *UI) *searchScreen {
	s := &searchScreen{u: u}
	s.title = heading("搜索")
	s.table = widgets.NewPagedTable(searchColumns(), func(h app.SearchHit) int64 { return int64(len(h.Entity))<<56 | h.ID }, s.fetch)
	s.table.OnSelected = func(h app.SearchHit) { u.openRecord(h.Entity, h.ID) }
	s.table.OnError = u.showError
	s.table.OnReload = func(total int) {
		if strings.TrimSpace(s.text) == "" {
			s.title.SetText("搜索：请在右上角的搜索框输入要找的内容")
			return
		}
		s.title.SetText(fmt.Sprintf("搜索“%s”：共 %d 条（点击一行打开）", s.text, total))
	}
	hint := note("可搜索标题、文号、来文单位、承办单位、领导批示、用印事由、督办事项、会议议题和议定事项；两个字的词也能找到。")
	s.root = container.NewBorder(container.NewVBox(s.title, hint), nil, nil, nil, s.table.Table)
	return s
}

func searchColumns() []widgets.Column[app.SearchHit] {
	return []widgets.Column[app.SearchHit]{
		{Title: "登记簿", Width: 70, Text: bookOf},
		{Title: "编号", Width: widgets.WidthFor(typicalMeetingName), Rich: func(h app.SearchHit) []widget.RichTextSegment {
			if h.Number == "" && h.Entity == app.EntityDocument {
				return []widget.RichTextSegment{&widget.TextSegment{Text: "未编号", Style: widget.RichTextStyleInline}}
			}
			return marked(h.Number, h.Marks.Number)
		}},
		{Title: "标题", Width: 320, Rich: func(h app.SearchHit) []widget.RichTextSegment { return marked(h.Title, h.Marks.Title) }},
		{Title: "摘要", Width: 320, Rich: func(h app.SearchHit) []widget.RichTextSegment {
			if snippetOfTitle(h) {
				return nil
			}
			return marked(flat(h.Snippet), h.Marks.Snippet)
		}},
		{Title: "日期", Width: 100, Text: func(h app.SearchHit) string { return h.Date.String() }},
		{Title: "状态", Width: 90, Text: func(h app.SearchHit) string { return h.Status }},
	}
}

func (s *searchScreen) fetch(_ string, _ bool, p app.Page) ([]app.SearchHit, int, error) {
	if strings.TrimSpace(s.text) == "" {
		return nil, 0, nil
	}
	return s.u.desk.Store.Search(s.u.ctx, strings.TrimSpace(s.text), p)
}

func (s *searchScreen) query(text string) {
	s.text = text
	s.table.Reload()
}

func (s *searchScreen) content() fyne.CanvasObject { return s.root }
func (s *searchScreen) refresh()                   { s.table.Reload() }

// openRecord shows a record in its book.
func (u *UI) openRecord(e app.Entity, id int64) {
	switch e {
	case app.EntityDocument:
		d, err := u.desk.Store.Document(context.Background(), id)
		if err != nil {
			u.showError(err)
			return
		}
		b := u.incoming
		name := ScreenIncoming
		if d.Direction == app.Outgoing {
			b, name = u.outgoing, ScreenOutgoing
		}
		u.show(name)
		b.open(id)
	case app.EntitySeal:
		u.show(ScreenSeals)
		u.seals.open(id)
	case app.EntityItem:
		u.show(ScreenItems)
		u.items.open(id)
	case app.EntityMeeting:
		u.show(ScreenMeetings)
		u.meetings.open(id)
	}
}
