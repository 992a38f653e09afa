package widgets

import (
	"fmt"
	"gongwen/app"
	"image/color"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A search hit's title (plain, bold match, plain) too long for its column
// ends in an ellipsis, as a label would.
func TestFittedSegmentsEndInAnEllipsis(t *testing.T) {
	test.NewTempApp(t)
	segs := []widget.RichTextSegment{
		&widget.TextSegment{Text: "区应急局牵头开展燃气", Style: widget.RichTextStyleInline},
		&widget.TextSegment{Text: "安全", Style: widget.RichTextStyleStrong},
		&widget.TextSegment{Text: "专项整治，限期完成隐患整改并报送情况", Style: widget.RichTextStyleInline},
	}
	text := func(ss []widget.RichTextSegment) string {
		var sb strings.Builder
		for _, s := range ss {
			sb.WriteString(s.Textual())
		}
		return sb.String()
	}
	width := fyne.MeasureText("区应急局牵头开展燃气安全专项整治", theme.TextSize(), fyne.TextStyle{}).Width
	got := fitted(segs, width)
	if s := text(got); !strings.HasSuffix(s, "…") || !strings.HasPrefix(s, "区应急局牵头开展燃气安全专") {
		t.Fatalf("cut to %q", s)
	}
	var w float32
	for _, s := range got {
		ts := s.(*widget.TextSegment)
		w += fyne.MeasureText(ts.Text, theme.TextSize(), ts.Style.TextStyle).Width
	}
	if w > width {
		t.Fatalf("cut text is %.0f wide in %.0f", w, width)
	}
	if got := fitted(segs, 10000); len(got) != 3 || text(got) != text(segs) {
		t.Fatalf("text that fits was changed: %q", text(got))
	}
}

// doc is a row of a test book.
type doc struct {
	ID    int64
	No    string
	Title string
	Late  bool
}

// book is a store of n documents that counts its reads.
type book struct {
	docs  []doc
	reads []app.Page
	sorts []string
	fail  error
}

func newBook(n int) *book {
	b := &book{}
	for i := 1; i <= n; i++ {
		b.docs = append(b.docs, doc{ID: int64(i), No: fmt.Sprintf("示府发〔2026〕%d号", i), Title: fmt.Sprintf("第%d件", i), Late: i%7 == 0})
	}
	return b
}

func (b *book) fetch(sort string, desc bool, p app.Page) ([]doc, int, error) {
	if b.fail != nil {
		return nil, 0, b.fail
	}
	b.reads = append(b.reads, p)
	b.sorts = append(b.sorts, fmt.Sprint(sort, desc))
	rows := append([]doc(nil), b.docs...)
	if desc {
		slices.Reverse(rows)
	}
	end := min(p.Offset+p.Limit, len(rows))
	return rows[p.Offset:end], len(rows), nil
}

func bookTable(t *testing.T, b *book) (*PagedTable[doc], fyne.Window) {
	test.NewTempApp(t)
	cols := []Column[doc]{
		{Title: "文号", Width: 200, Sort: "doc_no", Text: func(d doc) string { return d.No }},
		{Title: "标题", Width: 200, Text: func(d doc) string { return d.Title }},
		{Title: "状态", Width: 80, Chip: func(d doc) (string, color.Color) {
			if d.Late {
				return "逾期", ColourRed
			}
			return "办理中", ColourBlue
		}},
	}
	p := NewPagedTable(cols, func(d doc) int64 { return d.ID }, b.fetch)
	w := test.NewTempWindow(t, p.Table)
	w.Resize(fyne.NewSize(600, 400))
	p.Reload()
	return p, w
}

// visibleTexts are the label texts the table shows.
func visibleTexts(o fyne.CanvasObject) string {
	var sb strings.Builder
	for _, o := range test.LaidOutObjects(o) {
		switch w := o.(type) {
		case *widget.Label:
			if w.Visible() {
				sb.WriteString(w.Text + "|")
			}
		case *widget.Button:
			sb.WriteString(w.Text + "|")
		}
	}
	return sb.String()
}

// The table shows the first rows at once and reads a further page only
// when a row on it is wanted.
func TestPagedTableReadsPageByPage(t *testing.T) {
	b := newBook(250)
	p, w := bookTable(t, b)
	if p.Total() != 250 || p.LoadedPages() != 1 {
		t.Fatalf("after opening: %d rows, %d pages read", p.Total(), p.LoadedPages())
	}
	if s := visibleTexts(w.Content()); !strings.Contains(s, "文号|标题|状态|") || p.Text(0, 0) != "示府发〔2026〕1号" {
		t.Fatalf("the table shows %q", s)
	}
	reads := len(b.reads)
	if p.Text(230, 1) != "第231件" || p.Text(6, 2) != "逾期" || p.Text(7, 2) != "办理中" {
		t.Fatalf("rows read as %q, %q, %q", p.Text(230, 1), p.Text(6, 2), p.Text(7, 2))
	}
	if len(b.reads) != reads+1 || b.reads[len(b.reads)-1].Offset != 200 {
		t.Fatalf("row 231 read %v", b.reads[reads:])
	}
	if p.Text(250, 0) != "" {
		t.Fatal("a row past the end has text")
	}
}

// Clicking a sortable header sorts by it, again reverses, and the header
// says which way; a column without a sort key does nothing.
func TestPagedTableHeaderSorts(t *testing.T) {
	b := newBook(30)
	p, w := bookTable(t, b)
	header := func(text string) *widget.Button {
		for _, o := range test.LaidOutObjects(w.Content()) {
			if h, ok := o.(*widget.Button); ok && strings.HasPrefix(h.Text, text) {
				return h
			}
		}
		t.Fatalf("no header %s", text)
		return nil
	}
	test.Tap(header("文号"))
	if b.sorts[len(b.sorts)-1] != "doc_nofalse" || header("文号").Text != "文号 ▲" {
		t.Fatalf("first click: read %v, header %q", b.sorts, header("文号").Text)
	}
	test.Tap(header("文号"))
	if b.sorts[len(b.sorts)-1] != "doc_notrue" || header("文号").Text != "文号 ▼" || p.Text(0, 1) != "第30件" {
		t.Fatalf("second click: read %v, header %q, first row %q", b.sorts, header("文号").Text, p.Text(0, 1))
	}
	reads := len(b.reads)
	test.Tap(header("标题"))
	if len(b.reads) != reads || header("标题").Text != "标题" {
		t.Fatal("a column without a sort key sorted")
	}
}

// A picked row is shown; after a reload the same record stays selected
// even when it moved; a failed read is reported and empties the table.
func TestPagedTableKeepsTheSelectedRecord(t *testing.T) {
	b := newBook(30)
	p, _ := bookTable(t, b)
	var picked []string
	p.OnSelected = func(d doc) { picked = append(picked, d.Title) }
	p.Select(4)
	if p.Selected() != 4 || fmt.Sprint(picked) != "[第5件]" {
		t.Fatalf("selected %d, picked %v", p.Selected(), picked)
	}
	b.docs = append([]doc{{ID: 99, No: "示府发〔2026〕99号", Title: "新登记"}}, b.docs...)
	p.Reload()
	if p.Selected() != 5 || p.Text(5, 1) != "第5件" {
		t.Fatalf("after a reload row %d is selected (%q)", p.Selected(), p.Text(p.Selected(), 1))
	}
	before := fmt.Sprint(picked)
	p.Highlight(0)
	if fmt.Sprint(picked) != before || p.Selected() != 0 {
		t.Fatalf("Highlight: picked %v, selected %d", picked, p.Selected())
	}
	var reported error
	p.OnError = func(err error) { reported = err }
	b.fail = app.Errorf(app.EINTERNAL, "数据库正忙")
	p.Reload()
	if reported == nil || p.Total() != 0 {
		t.Fatalf("a failed read: reported %v, %d rows", reported, p.Total())
	}
}
