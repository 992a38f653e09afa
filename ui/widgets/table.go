package widgets

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
)

// PageSize is how many rows the paged table asks the store for at a time.
const PageSize = 100

// Column describes one column of a paged table.
type Column[T any] struct {
	Title string
	Width float32
	Sort  string // the store's sort key; "" when the column does not sort
	Text  func(T) string
	// Chip, when set, draws the cell as a coloured chip.
	Chip func(T) (string, color.Color)
	// Rich, when set, draws the cell as styled text (a search match in bold).
	Rich func(T) []widget.RichTextSegment
}

// Fetch reads one page of rows in the given order, with the total count.
type Fetch[T any] func(sort string, desc bool, p app.Page) ([]T, int, error)

// PagedTable is a widget.Table over a book that is read page by page from
// the store as the user scrolls: only the pages on screen are ever loaded.
// Clicking a header sorts by that column (again: reverse).
type PagedTable[T any] struct {
	Table *widget.Table

	cols  []Column[T]
	fetch Fetch[T]
	key   func(T) int64

	pages    map[int][]T
	total    int
	sortKey  string
	desc     bool
	selected int

	// OnSelected is called with the row the user picked.
	OnSelected func(T)
	// OnError reports a failed read.
	OnError func(error)
	// OnReload is called after each reload with the total count.
	OnReload func(total int)
}

// NewPagedTable builds the table; key identifies a row across reloads.
func NewPagedTable[T any](cols []Column[T], key func(T) int64, fetch Fetch[T]) *PagedTable[T] {
	p := &PagedTable[T]{cols: cols, fetch: fetch, key: key, pages: map[int][]T{}, selected: -1}
	t := widget.NewTable(
		func() (int, int) { return p.total, len(p.cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			ch := NewChip("", ColourGrey)
			ch.Hide()
			rt := widget.NewRichText()
			rt.Truncation = fyne.TextTruncateEllipsis
			rt.Hide()
			bg := canvas.NewRectangle(color.Transparent)
			return container.NewStack(bg, l, ch, rt)
		},
		p.updateCell)
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	t.UpdateHeader = p.updateHeader
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row < 0 {
			return
		}
		p.selected = id.Row
		t.Refresh() // the whole row shows as selected
		if row, ok := p.Row(id.Row); ok && p.OnSelected != nil {
			p.OnSelected(row)
		}
	}
	for i, c := range cols {
		t.SetColumnWidth(i, c.Width)
	}
	p.Table = t
	return p
}

func (p *PagedTable[T]) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 || id.Col >= len(p.cols) {
		b.SetText("")
		return
	}
	c := p.cols[id.Col]
	text := c.Title
	if c.Sort != "" && c.Sort == p.sortKey {
		if p.desc {
			text += " ▼"
		} else {
			text += " ▲"
		}
	}
	b.SetText(text)
	if c.Sort == "" {
		b.OnTapped = nil
		return
	}
	key := c.Sort
	b.OnTapped = func() { p.SortBy(key, key == p.sortKey && !p.desc) }
}

func (p *PagedTable[T]) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	st := o.(*fyne.Container)
	bg, l, ch, rt := st.Objects[0].(*canvas.Rectangle), st.Objects[1].(*widget.Label), st.Objects[2].(*Chip), st.Objects[3].(*widget.RichText)
	var fill color.Color = color.Transparent
	if id.Row == p.selected {
		fill = theme.Color(theme.ColorNameSelection)
	}
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
	row, ok := p.Row(id.Row)
	if !ok || id.Col >= len(p.cols) {
		l.SetText("…")
		l.Show()
		ch.Hide()
		rt.Hide()
		return
	}
	c := p.cols[id.Col]
	if c.Chip != nil {
		text, col := c.Chip(row)
		ch.Set(text, col)
		ch.Show()
		l.Hide()
		rt.Hide()
		return
	}
	ch.Hide()
	if c.Rich != nil {
		width := o.Size().Width
		if width <= 0 {
			width = c.Width
		}
		rt.Segments = fitted(c.Rich(row), width-2*theme.InnerPadding())
		rt.Refresh()
		rt.Show()
		l.Hide()
		return
	}
	rt.Hide()
	l.Show()
	l.SetText(c.Text(row))
}

// fitted cuts text segments to width with an ellipsis, as a label's text is
// cut: a RichText cuts a row of several segments without one.
func fitted(segs []widget.RichTextSegment, width float32) []widget.RichTextSegment {
	size := theme.TextSize()
	ellipsis := fyne.MeasureText("…", size, fyne.TextStyle{}).Width
	var used float32
	for i, seg := range segs {
		ts, ok := seg.(*widget.TextSegment)
		if !ok {
			return segs
		}
		for j, r := range []rune(ts.Text) {
			w := fyne.MeasureText(string(r), size, ts.Style.TextStyle).Width
			if used+w > width-ellipsis && !fits(segs[i:], j, used, width, size) {
				out := append([]widget.RichTextSegment{}, segs[:i]...)
				return append(out, &widget.TextSegment{Text: string([]rune(ts.Text)[:j]) + "…", Style: ts.Style})
			}
			used += w
		}
	}
	return segs
}

// fits reports whether the rest of the segments, from rune j of the first,
// fits in width after used.
func fits(segs []widget.RichTextSegment, j int, used, width, size float32) bool {
	for i, seg := range segs {
		ts := seg.(*widget.TextSegment)
		rs := []rune(ts.Text)
		if i == 0 {
			rs = rs[j:]
		}
		used += fyne.MeasureText(string(rs), size, ts.Style.TextStyle).Width
	}
	return used <= width
}

// Row returns row i, reading its page from the store when it is not loaded.
func (p *PagedTable[T]) Row(i int) (T, bool) {
	var zero T
	if i < 0 || i >= p.total {
		return zero, false
	}
	n := i / PageSize
	page, ok := p.pages[n]
	if !ok {
		rows, total, err := p.fetch(p.sortKey, p.desc, app.Page{Offset: n * PageSize, Limit: PageSize})
		if err != nil {
			if p.OnError != nil {
				p.OnError(err)
			}
			return zero, false
		}
		if len(p.pages) > 20 { // keep memory flat on very long scrolls
			p.pages = map[int][]T{}
		}
		p.pages[n] = rows
		page = rows
		if total != p.total {
			p.total = total
			defer p.Table.Refresh()
		}
	}
	if j := i - n*PageSize; j < len(page) {
		return page[j], true
	}
	return zero, false
}

// Total is the number of rows the filter matches.
func (p *PagedTable[T]) Total() int { return p.total }

// LoadedPages is how many pages are in memory (for tests).
func (p *PagedTable[T]) LoadedPages() int { return len(p.pages) }

// SortBy changes the order and reloads.
func (p *PagedTable[T]) SortBy(key string, desc bool) {
	p.sortKey, p.desc = key, desc
	p.Reload()
}

// SetSort sets the order without reloading.
func (p *PagedTable[T]) SetSort(key string, desc bool) { p.sortKey, p.desc = key, desc }

// Reload forgets every page, reads the first one again and keeps the
// selected record selected when it is still on it.
func (p *PagedTable[T]) Reload() {
	var keep int64 = -1
	if p.selected >= 0 {
		if r, ok := p.cachedRow(p.selected); ok {
			keep = p.key(r)
		}
	}
	p.pages = map[int][]T{}
	rows, total, err := p.fetch(p.sortKey, p.desc, app.Page{Offset: 0, Limit: PageSize})
	if err != nil {
		p.total = 0
		if p.OnError != nil {
			p.OnError(err)
		}
	} else {
		p.pages[0], p.total = rows, total
	}
	p.selected = -1
	p.Table.UnselectAll()
	p.Table.Refresh()
	if keep >= 0 {
		for i, r := range p.pages[0] {
			if p.key(r) == keep {
				p.selected = i
				p.Table.Select(widget.TableCellID{Row: i, Col: 0})
				break
			}
		}
	}
	if p.OnReload != nil {
		p.OnReload(p.total)
	}
}

func (p *PagedTable[T]) cachedRow(i int) (T, bool) {
	var zero T
	page, ok := p.pages[i/PageSize]
	if !ok || i%PageSize >= len(page) {
		return zero, false
	}
	return page[i%PageSize], true
}

// Find returns the first loaded row matching, with its index.
func (p *PagedTable[T]) Find(match func(T) bool) (int, bool) {
	for n, page := range p.pages {
		for j, r := range page {
			if match(r) {
				return n*PageSize + j, true
			}
		}
	}
	return -1, false
}

// Select selects row i as if the user clicked it.
func (p *PagedTable[T]) Select(i int) {
	p.Table.ScrollTo(widget.TableCellID{Row: i, Col: 0})
	p.Table.Select(widget.TableCellID{Row: i, Col: 0})
}

// Highlight selects row i and scrolls it into view without calling
// OnSelected: the record is already shown.
func (p *PagedTable[T]) Highlight(i int) {
	picked := p.OnSelected
	p.OnSelected = nil
	p.Select(i)
	p.OnSelected = picked
}

// Unselect leaves no row selected.
func (p *PagedTable[T]) Unselect() {
	p.selected = -1
	p.Table.UnselectAll()
	p.Table.Refresh() // the whole row loses its highlight
}

// Selected is the index of the selected row, -1 when none.
func (p *PagedTable[T]) Selected() int { return p.selected }

// Segments is the styled text of row i, column c when the column has it
// (for tests).
func (p *PagedTable[T]) Segments(i, c int) []widget.RichTextSegment {
	r, ok := p.Row(i)
	if !ok || p.cols[c].Rich == nil {
		return nil
	}
	return p.cols[c].Rich(r)
}

// Text is the cell text of row i, column c (for tests).
func (p *PagedTable[T]) Text(i, c int) string {
	r, ok := p.Row(i)
	if !ok {
		return ""
	}
	if p.cols[c].Chip != nil {
		t, _ := p.cols[c].Chip(r)
		return t
	}
	if p.cols[c].Text == nil && p.cols[c].Rich != nil {
		var sb strings.Builder
		for _, s := range p.cols[c].Rich(r) {
			sb.WriteString(s.Textual())
		}
		return sb.String()
	}
	return p.cols[c].Text(r)
}

// WidthFor is the width of a column that shows sample whole in a cell,
// with a margin: a cell is drawn a little narrower than its column.
func WidthFor(sample string) float32 {
	return fyne.MeasureText(sample, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding() + 2*theme.Padding()
}
