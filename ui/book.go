package ui

import (
	"context"
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// action is a workflow step on the selected record: its button is enabled
// only when check (the domain's rule for the step) finds nothing against it;
// otherwise the button is grey and tells why when pointed at or tapped.
type action[T any] struct {
	label string
	icon  fyne.Resource
	check func(T) error
	run   func(T)
	paper bool // printing and export: shown on their own row
}

// book is the page every register shares: a title with the count, a filter
// bar, the paged table on the left and on the right the selected record
// with its action buttons, all its data and its history.
type book[T any] struct {
	u       *UI
	title   string
	entity  app.Entity
	table   *widgets.PagedTable[T]
	id      func(T) int64
	load    func(ctx context.Context, id int64) (T, error)
	heading func(T) (title string, chips []*widgets.Chip)
	details func(T) fyne.CanvasObject
	actions []*action[T]
	tools   []fyne.CanvasObject
	filters fyne.CanvasObject

	sel          *T
	count        *widget.Label
	detailBox    *fyne.Container
	detailScroll *container.Scroll
	root         fyne.CanvasObject
	buttons      map[string]*widget.Button
	why          *widgets.Text         // why the grey buttons are grey (breaks as the paper does)
	blocked      map[string]*whyNotTap // the cover of each grey button
}

func (b *book[T]) build() {
	b.count = widget.NewLabel("")
	b.buttons = map[string]*widget.Button{}
	b.table.OnSelected = func(r T) { b.show(r) }
	b.table.OnError = b.u.showError
	b.table.OnReload = func(total int) { b.count.SetText(fmt.Sprintf("共 %d 条", total)) }
	b.detailBox = container.NewVBox()
	b.clearDetail()
	// the tools wrap under each other rather than widen the window
	head := container.NewBorder(nil, nil, container.NewHBox(heading(b.title), b.count), nil, widgets.NewFlowEnd(b.tools...))
	top := container.NewVBox(head, b.filters, widget.NewSeparator())
	b.detailScroll = container.NewVScroll(container.NewPadded(b.detailBox))
	split := container.NewHSplit(b.table.Table, b.detailScroll)
	split.SetOffset(0.62)
	b.root = container.NewBorder(top, nil, nil, nil, split)
}

func (b *book[T]) content() fyne.CanvasObject { return b.root }

// rule adapts a domain rule on *T (the record's method saying why a step is
// not allowed) to an action's check.
func rule[T any](can func(*T) error) func(T) error {
	return func(r T) error { return can(&r) }
}

// refresh rereads the table and the selected record.
func (b *book[T]) refresh() {
	b.table.Reload()
	if b.sel != nil {
		b.reloadSelected()
	}
}

func (b *book[T]) clearDetail() {
	b.sel = nil
	hint := widget.NewLabel("在左侧表格中选择一条记录，这里显示它的全部信息、办理记录和可以进行的操作。")
	hint.Wrapping = fyne.TextWrapBreak
	b.detailBox.Objects = []fyne.CanvasObject{hint}
	b.detailBox.Refresh()
}

// show puts record r in the detail pane, at its top when it is another
// record than the one shown before.
func (b *book[T]) show(r T) {
	if b.sel == nil || b.id(*b.sel) != b.id(r) {
		b.detailScroll.ScrollToTop()
	}
	b.sel = &r
	title, chips := b.heading(r)
	t := widgets.NewText(title)
	t.TextStyle.Bold = true
	t.SizeName = theme.SizeNameSubHeadingText
	// broken at the pane's width now, so that the first layout gives a
	// title of two lines its height and the chips stand below it
	if w := b.detailBox.Size().Width; w > 0 {
		t.Resize(fyne.NewSize(w, t.MinSize().Height))
	}
	chipRow := container.NewHBox()
	for _, c := range chips {
		chipRow.Add(c)
	}
	acts := container.NewGridWithColumns(4)
	// the paper: 打印… on one row, 导出… on the next, so that neither row
	// runs out of the pane
	papers, exports := container.NewHBox(), container.NewHBox()
	b.blocked = map[string]*whyNotTap{}
	b.why = widgets.NewText("")
	b.why.Importance = widget.WarningImportance
	b.why.Hide()
	for _, a := range b.actions {
		btn := widget.NewButtonWithIcon(a.label, a.icon, func() {
			if b.sel != nil {
				a.run(*b.sel)
			}
		})
		b.buttons[a.label] = btn
		var o fyne.CanvasObject = btn
		if a.check != nil {
			if err := a.check(r); err != nil {
				btn.Disable()
				cover := newWhyNotTap(a.label+"："+app.ErrorMessage(err), b.tellWhy)
				b.blocked[a.label] = cover
				o = container.NewStack(btn, cover)
			}
		}
		if a.paper || strings.HasPrefix(a.label, "打印") || strings.HasPrefix(a.label, "导出") {
			btn.Importance = widget.LowImportance
			if strings.HasPrefix(a.label, "导出") {
				exports.Add(o)
			} else {
				papers.Add(o)
			}
		} else {
			acts.Add(o)
		}
	}
	if len(b.blocked) > 0 {
		b.tellWhy("")
	}
	objs := []fyne.CanvasObject{t, chipRow, acts}
	for _, row := range []*fyne.Container{papers, exports} {
		if len(row.Objects) > 0 {
			objs = append(objs, row)
		}
	}
	objs = append(objs, b.why, widget.NewSeparator(), b.details(r))
	objs = append(objs, b.history(b.id(r))...)
	b.detailBox.Objects = objs
	b.detailBox.Refresh()
}

// Button is the action button of the selected record (for tests).
func (b *book[T]) button(label string) *widget.Button { return b.buttons[label] }

// whyNotHint is the line under the buttons while none is pointed at.
const whyNotHint = "灰色按钮表示现在还不能办理，鼠标指向或点击它可以看到原因。"

// tellWhy shows the reason a grey button gives, or the hint when "".
func (b *book[T]) tellWhy(reason string) {
	if reason == "" {
		b.why.Importance, b.why.SizeName = widget.MediumImportance, theme.SizeNameCaptionText
		b.why.SetText(whyNotHint)
	} else {
		b.why.Importance, b.why.SizeName = widget.WarningImportance, theme.SizeNameText
		b.why.SetText(reason)
	}
	b.why.Show()
	b.detailBox.Refresh() // a reason of two lines moves what is under it
}

// whyNotTap lies over a disabled button (which takes no taps and shows no
// tooltip in Fyne) and tells its reason when pointed at or tapped.
type whyNotTap struct {
	widget.BaseWidget
	reason string
	tell   func(string)
}

func newWhyNotTap(reason string, tell func(string)) *whyNotTap {
	w := &whyNotTap{reason: reason, tell: tell}
	w.ExtendBaseWidget(w)
	return w
}

func (w *whyNotTap) Tapped(*fyne.PointEvent)        { w.tell(w.reason) }
func (w *whyNotTap) MouseIn(*desktop.MouseEvent)    { w.tell(w.reason) }
func (w *whyNotTap) MouseMoved(*desktop.MouseEvent) {}
func (w *whyNotTap) MouseOut()                      { w.tell("") }

func (w *whyNotTap) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

func (b *book[T]) history(id int64) []fyne.CanvasObject {
	hs, err := b.u.desk.Store.History(b.u.ctx, b.entity, id)
	if err != nil || len(hs) == 0 {
		return nil
	}
	objs := []fyne.CanvasObject{widget.NewSeparator(), sectionLabel("办理记录")}
	for _, h := range hs {
		line := fmt.Sprintf("%s  %s  %s", h.At.Format("2006-01-02 15:04"), orDash(h.Operator), h.Action)
		if h.Detail != "" {
			line += "：" + h.Detail
		}
		objs = append(objs, widgets.NewText(line))
	}
	return objs
}

// reloadSelected reads the selected record again and shows it.
func (b *book[T]) reloadSelected() {
	if b.sel == nil {
		return
	}
	r, err := b.load(b.u.ctx, b.id(*b.sel))
	if err != nil {
		b.clearDetail()
		return
	}
	b.show(r)
}

// done is called after a workflow step changed record r: the table and
// the detail pane reread, the dashboard knows.
func (b *book[T]) done(r T) {
	b.table.Reload()
	if fresh, err := b.load(b.u.ctx, b.id(r)); err == nil {
		b.show(fresh)
	} else {
		b.show(r)
	}
	b.follow(b.id(r))
	b.u.changed()
}

// follow highlights the table row of record id, scrolled into view, or no
// row when the loaded rows do not hold it, so that the highlight never
// points at another record than the one shown.
func (b *book[T]) follow(id int64) {
	if i, ok := b.table.Find(func(x T) bool { return b.id(x) == id }); ok {
		b.table.Highlight(i)
	} else {
		b.table.Unselect()
	}
}

// open shows record id of this book, even if the filter hides it.
func (b *book[T]) open(id int64) {
	r, err := b.load(b.u.ctx, id)
	if err != nil {
		b.u.showError(err)
		return
	}
	b.show(r)
	b.follow(id)
}

// selectID selects the record id in the table when it is loaded.
func (b *book[T]) selectID(id int64) bool {
	i, ok := b.table.Find(func(x T) bool { return b.id(x) == id })
	if ok {
		b.table.Select(i)
	}
	return ok
}

// ---- details ----

// fields is the two-column list of a record's data.
type fields struct{ form *widget.Form }

func newFields() *fields { return &fields{form: widget.NewForm()} }

// add shows a value; empty values are left out.
func (f *fields) add(label, value string) *fields {
	if strings.TrimSpace(value) == "" {
		return f
	}
	l := widgets.NewText(value)
	l.Selectable = true
	f.form.Append(label, l)
	return f
}

// addNames shows a list of names (出席, 列席, 请假), none split between
// lines; an empty list is left out.
func (f *fields) addNames(label string, names []string) *fields {
	if len(names) == 0 {
		return f
	}
	l := widgets.NewNames(strings.Join(names, "、"))
	l.Selectable = true
	f.form.Append(label, l)
	return f
}

// addAlways shows a value, a dash when empty.
func (f *fields) addAlways(label, value string) *fields {
	return f.add(label, orDash(value))
}

func (f *fields) addObj(label string, o fyne.CanvasObject) *fields {
	f.form.Append(label, o)
	return f
}

func sectionLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	return l
}

// saveRecord creates rec when its form was opened empty, else saves the
// edit; done shows what the store kept.
func saveRecord[T any](ctx context.Context, isNew bool, rec *T, create func(context.Context, *T) error,
	edit func(context.Context, *T) (*T, error), done func(T)) error {
	if isNew {
		if err := create(ctx, rec); err != nil {
			return err
		}
		done(*rec)
		return nil
	}
	saved, err := edit(ctx, rec)
	if err == nil {
		done(*saved)
	}
	return err
}

// ---- filters ----

// filterBar is the row of filter widgets over a table.
type filterBar struct {
	box    *fyne.Container // the rows
	row    *fyne.Container // the row being filled
	reload func()
	resets []func()
}

func newFilterBar(reload func()) *filterBar {
	f := &filterBar{box: container.NewVBox(), reload: reload}
	f.newline()
	return f
}

// newline starts a new row of filters; a row wraps where the window is
// too narrow for it (1024 px screens).
func (f *filterBar) newline() {
	f.row = widgets.NewFlow()
	f.box.Add(f.row)
}

func (f *filterBar) labelled(label string, o fyne.CanvasObject) {
	f.row.Add(container.NewHBox(widget.NewLabel(label), o))
}

// choice is a select whose first option (全部) means no filter.
func (f *filterBar) choice(label string, options []string, width float32) *widgets.Select {
	s := widgets.NewSelect(append([]string{"全部"}, options...), func(string) { f.reload() })
	s.PlaceHolder = "全部"
	s.SetSelectedIndex(0)
	f.labelled(label, sized(s, width))
	f.resets = append(f.resets, func() { s.SetSelectedIndex(0) })
	return s
}

// text is a text filter applied on Enter.
func (f *filterBar) text(label, placeholder string, width float32) *widgets.Entry {
	e := widgets.NewEntry(placeholder)
	e.OnSubmitted = func(string) { f.reload() }
	f.labelled(label, sized(e, width))
	f.resets = append(f.resets, func() { e.SetText("") })
	return e
}

func (f *filterBar) unit(label string, options func() []string, width float32) *widgets.NameField {
	e := widgets.NewNameField("单位名称的一部分", options)
	e.OnSubmitted = func(string) { f.reload() }
	e.OnPicked = func(string) { f.reload() }
	f.labelled(label, sized(e, width))
	f.resets = append(f.resets, func() { e.SetText("") })
	return e
}

func (f *filterBar) dates(label string, days widgets.Days) (*widgets.DateField, *widgets.DateField) {
	from, to := widgets.NewDateField(days, false), widgets.NewDateField(days, false)
	from.Entry.PlaceHolder, to.Entry.PlaceHolder = "起始日期", "截止日期"
	from.Entry.OnSubmitted = func(string) { f.reload() }
	to.Entry.OnSubmitted = func(string) { f.reload() }
	f.labelled(label, container.NewHBox(sized(from, 150), widget.NewLabel("至"), sized(to, 150)))
	f.resets = append(f.resets, func() { from.SetDate(app.Date{}); to.SetDate(app.Date{}) })
	return from, to
}

// buttons adds 查询 and 清空.
func (f *filterBar) buttons() {
	q := widget.NewButtonWithIcon("查询", theme.SearchIcon(), f.reload)
	q.Importance = widget.HighImportance
	c := widget.NewButtonWithIcon("清空条件", theme.ContentClearIcon(), f.clear)
	f.row.Add(container.NewHBox(q, c))
}

// showOnly clears every filter and selects option in s, reloading once
// (工作台 opens a book on one of its quick views this way).
func (f *filterBar) showOnly(s *widgets.Select, option string) {
	f.quiet(func() {
		f.resetAll()
		s.SetSelected(option)
	})
}

func (f *filterBar) clear() { f.quiet(f.resetAll) }

func (f *filterBar) resetAll() {
	for _, reset := range f.resets {
		reset()
	}
}

// quiet runs fn without reloading on each widget change, then reloads once.
func (f *filterBar) quiet(fn func()) {
	r := f.reload
	f.reload = func() {}
	fn()
	f.reload = r
	f.reload()
}

// yearOptions are this year and the nine before.
func yearOptions(today app.Date) []string {
	var out []string
	for y := today.Year + 1; y >= today.Year-9; y-- {
		out = append(out, strconv.Itoa(y)+"年")
	}
	return out
}

func selectedYear(s *widgets.Select) int {
	y, _ := strconv.Atoi(strings.TrimSuffix(s.Selected, "年"))
	return y
}

// sized keeps o at least w wide.
func sized(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.New(&minWidth{w}, o)
}

type minWidth struct{ w float32 }

func (m *minWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (m *minWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := fyne.NewSize(m.w, 0)
	for _, o := range objs {
		ms := o.MinSize()
		if ms.Width > s.Width {
			s.Width = ms.Width
		}
		if ms.Height > s.Height {
			s.Height = ms.Height
		}
	}
	return s
}

// ---- chips ----

func chip(text string, c color.Color) *widgets.Chip { return widgets.NewChip(text, c) }

// colourOf maps a 三单预警 colour to its chip colour.
func colourOf(c app.Colour) color.Color {
	switch c {
	case app.ColourRed:
		return widgets.ColourRed
	case app.ColourYellow:
		return widgets.ColourYellow
	case app.ColourBlue:
		return widgets.ColourBlue
	}
	return widgets.ColourGrey
}

func secrecyChip(s app.Secrecy) *widgets.Chip {
	if !s.Classified() {
		return nil
	}
	return chip("★"+string(s), widgets.ColourRed)
}

func urgencyChip(u app.Urgency) *widgets.Chip {
	switch u {
	case app.UrgencyVeryUrgent:
		return chip(string(u), widgets.ColourRed)
	case app.UrgencyUrgent:
		return chip(string(u), widgets.ColourYellow)
	}
	return nil
}

func nonNil(cs ...*widgets.Chip) []*widgets.Chip {
	var out []*widgets.Chip
	for _, c := range cs {
		if c != nil {
			out = append(out, c)
		}
	}
	return out
}
