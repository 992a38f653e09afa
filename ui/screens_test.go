package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// heldDocument registers a document that is done while the second of the
// readers (the office's leaders) still holds it on the 传阅 list.
func heldDocument(h *harness, proposal string, readers ...string) app.Document {
	t := h.t
	t.Helper()
	u := h.u
	d := app.Document{FromUnit: "区财政局", Title: "关于拨付防汛物资经费的请示", ReceivedOn: app.D(2026, 3, 9)}
	if err := u.desk.RegisterIncoming(u.ctx, &d, false); err != nil {
		t.Fatal(err)
	}
	steps := []func() (*app.Document, error){
		func() (*app.Document, error) {
			return u.desk.Propose(u.ctx, d.ID, proposal)
		},
		func() (*app.Document, error) { return u.desk.Assign(u.ctx, d.ID, "区财政局", nil, 5) },
		func() (*app.Document, error) {
			return u.desk.Circulate(u.ctx, d.ID, readers)
		},
		func() (*app.Document, error) {
			return u.desk.ReturnCirculation(u.ctx, d.ID, 1, app.D(2026, 3, 10), "")
		},
		func() (*app.Document, error) { return u.desk.Complete(u.ctx, d.ID, "已拨付。") },
	}
	for _, step := range steps {
		if _, err := step(); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

// minimalHeldDocument is heldDocument in the minimal office, still held by
// 李副区长.
func minimalHeldDocument(h *harness) app.Document {
	return heldDocument(h, "拟呈王区长阅示，请区财政局牵头办理。", "王区长", "李副区长")
}

func TestGreyButtonSaysWhy(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	d := minimalHeldDocument(h)
	u.show(ScreenIncoming)
	u.incoming.open(d.ID)
	b := u.incoming.book
	if enabled(b, "归档") {
		t.Fatal("归档 enabled while a reader holds the document")
	}
	if !b.why.Visible() || b.why.Full() != whyNotHint {
		t.Fatalf("under the buttons: %q (visible %v), want the hint", b.why.Full(), b.why.Visible())
	}
	cover := b.blocked["归档"]
	if cover == nil {
		t.Fatal("the grey 归档 button tells nothing")
	}
	test.Tap(cover)
	want := "归档：还有1位传阅人（李副区长等）未退回文件，不能归档"
	if b.why.Full() != want || !h.shows(want) {
		t.Fatalf("after tapping 归档: %q, want %q", b.why.Full(), want)
	}
	cover.MouseOut()
	if b.why.Full() != whyNotHint {
		t.Fatalf("after the mouse left: %q", b.why.Full())
	}
	// the reason is the domain's: the step refuses with the same words
	if _, err := u.desk.Archive(u.ctx, d.ID, 2026, app.Retain30); !strings.Contains(want, app.ErrorMessage(err)) {
		t.Fatalf("Archive refused with %v", err)
	}
	// an allowed step has no cover
	if b.blocked["传阅退回"] != nil || !enabled(b, "传阅退回") {
		t.Fatal("传阅退回 should be allowed")
	}
}

// scrollDown turns the mouse wheel over s.
func scrollDown(s *container.Scroll) {
	s.Refresh() // lay the new content out first, as the window does before a wheel turn
	s.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -200}})
}

func TestNewRecordShownFromTheTopAndHighlighted(t *testing.T) {
	h := newHarness(t, true)
	u := h.u
	u.show(ScreenIncoming)
	b := u.incoming.book
	u.win.Resize(fyne.NewSize(1024, 480)) // short enough for the new record to scroll too
	b.table.Select(3)
	scrollDown(b.detailScroll) // the secretary reads down the record
	if b.detailScroll.Offset.Y == 0 {
		t.Fatal("the detail pane does not scroll")
	}
	u.shortcutNew()
	h.typeIn("来文单位", "市人民政府办公室")
	h.typeIn("文件标题", "关于做好春季森林防火工作的通知")
	h.save()
	if b.sel == nil || b.sel.Title != "关于做好春季森林防火工作的通知" {
		t.Fatal("the new document is not shown")
	}
	if y := b.detailScroll.Offset.Y; y != 0 {
		t.Fatalf("the new document is shown scrolled down by %v", y)
	}
	row, ok := b.table.Row(b.table.Selected())
	if !ok || row.ID != b.sel.ID {
		t.Fatalf("the table highlights row %d (%q), not the new document", b.table.Selected(), row.Title)
	}
}

func TestSearchResultShownFromTheTopAndHighlighted(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	d := minimalHeldDocument(h)
	other := app.Document{FromUnit: "区司法局", Title: "关于开展普法宣传月活动的通知", ReceivedOn: app.D(2026, 3, 10)}
	if err := u.desk.RegisterIncoming(u.ctx, &other, false); err != nil {
		t.Fatal(err)
	}
	u.show(ScreenIncoming)
	b := u.incoming.book
	u.incoming.open(other.ID)
	// a filter that hides the document the search will open
	b.table.Select(0)
	u.incoming.text.SetText("普法")
	u.incoming.fb.reload()
	if b.table.Total() != 1 {
		t.Fatalf("filter shows %d", b.table.Total())
	}
	u.win.Resize(fyne.NewSize(1024, 480))
	b.table.Select(0)
	scrollDown(b.detailScroll)

	u.focusSearch()
	test.Type(u.searchBox, "防汛")
	u.searchBox.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	u.search.table.Select(0)
	if u.current != ScreenIncoming || b.sel == nil || b.sel.ID != d.ID {
		t.Fatal("the hit did not open the document")
	}
	if y := b.detailScroll.Offset.Y; y != 0 {
		t.Fatalf("the opened document is shown scrolled down by %v", y)
	}
	if i := b.table.Selected(); i >= 0 {
		row, _ := b.table.Row(i)
		t.Fatalf("the table highlights %q while %q is shown", row.Title, d.Title)
	}
}

func TestSearchNamesTheRegisterAndMarksTheMatch(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	in := app.Document{FromUnit: "区财政局", Title: "关于拨付防汛物资经费的请示", ReceivedOn: app.D(2026, 3, 9)}
	if err := u.desk.RegisterIncoming(u.ctx, &in, false); err != nil {
		t.Fatal(err)
	}
	out := app.Document{IssuingCode: "测府办发", Title: "关于做好2026年防汛工作的通知", DraftUnit: "综合科", Drafter: "张文书",
		DraftedOn: app.D(2026, 3, 10)}
	if err := u.desk.DraftOutgoing(u.ctx, &out); err != nil {
		t.Fatal(err)
	}
	u.focusSearch()
	test.Type(u.searchBox, "防汛")
	u.searchBox.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	tbl := u.search.table
	if tbl.Total() != 2 {
		t.Fatalf("%d hits", tbl.Total())
	}
	books := map[string]string{}
	for i := 0; i < 2; i++ {
		books[tbl.Text(i, 2)] = tbl.Text(i, 0)
	}
	if books[in.Title] != "收文" || books[out.Title] != "发文" {
		t.Fatalf("登记簿 column: %v", books)
	}
	var marked []string
	for i := 0; i < 2; i++ {
		for _, s := range tbl.Segments(i, 2) {
			if ts, ok := s.(*widget.TextSegment); ok && ts.Style.TextStyle.Bold {
				marked = append(marked, ts.Text)
			}
		}
	}
	if len(marked) < 2 || slices.ContainsFunc(marked, func(s string) bool { return s != "防汛" }) {
		t.Fatalf("marked in the table: %q, want 防汛 in each title", marked)
	}
}

func TestEmptyPagesShowNothing(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	u.show(ScreenIncoming)
	u.shortcutNew()
	h.typeIn("来文单位", "区财政局")
	h.typeIn("文件标题", "关于拨付防汛物资经费的请示")
	test.Type(h.form().Get("份数／页数").(*fyne.Container).Objects[0].(*widgets.Entry), "2")
	test.Type(h.form().Get("文种／签发人").(*fyne.Container).Objects[1].(*widgets.Entry), "吴局长") // a 请示 names its 签发人
	h.save()
	if !h.shows("2份") || h.shows("0页") || h.shows("0份") {
		t.Fatal("份数／页数 does not show just 2份")
	}
}

func TestDecisionDeadlineShowsAWholeDate(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	u.show(ScreenMeetings)
	u.shortcutNew()
	decisions := h.form().Get("议定事项").(*widgets.RowEditor)
	row := decisions.AddRow()
	row[3].(*widgets.DateField).SetDate(app.D(2026, 12, 31))
	decisions.Resize(fyne.NewSize(decisions.Size().Width, decisions.MinSize().Height)) // lay the new row out
	date := row[3].(*widgets.DateField)
	// the entry holds the date, its padding and the validation mark drawn inside it
	need := fyne.MeasureText("2026-12-31", theme.TextSize(), fyne.TextStyle{}).Width +
		2*theme.InnerPadding() + theme.IconInlineSize() + theme.Padding()
	if w := date.Entry.Size().Width; w < need {
		t.Fatalf("时限 box is %.0f wide, a date needs %.0f", w, need)
	}
}

func TestMeetingNumberAgainstItsDateIsWarned(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	m15 := app.Meeting{Kind: app.MeetingExecutive, Seq: 15, Date: app.D(2026, 3, 12), Chair: "王区长"}
	if _, err := u.desk.SaveMeeting(u.ctx, &m15); err != nil {
		t.Fatal(err)
	}
	u.show(ScreenMeetings)
	u.shortcutNew()
	h.typeIn("主持", "王区长")
	h.typeIn("第几次", "16")
	h.typeIn("日期", "2026-03-05")
	h.save() // a warning, not a refusal: the form closes and the meeting is kept
	want := "第16次区政府常务会议（2026-03-05）早于第15次区政府常务会议（2026-03-12）召开"
	if !h.shows(want) {
		t.Fatalf("no warning %q in the window", want)
	}
	if _, n, err := u.desk.Store.Meetings(u.ctx, app.MeetingFilter{}); err != nil || n != 2 {
		t.Fatalf("%d meetings stored (%v)", n, err)
	}
}

func TestSealLogOnScreen(t *testing.T) {
	h := newHarness(t, true)
	u := h.u
	u.show(ScreenSeals)
	used, err := app.All(func(p app.Page) ([]app.SealRequest, int, error) {
		return u.desk.Store.SealRequests(u.ctx, app.SealFilter{Statuses: []app.SealStatus{app.SealUsed}, Sort: "used_on", Page: p})
	})
	if err != nil || len(used) == 0 {
		t.Fatalf("%d uses in the sample office (%v)", len(used), err)
	}
	// the month of the last use, and what it holds
	last := used[len(used)-1].UsedOn
	var month []app.SealRequest
	copies := 0
	for _, r := range used {
		if r.UsedOn.Year == last.Year && r.UsedOn.Month == last.Month {
			month = append(month, r)
			copies += r.UsedCopies()
		}
	}
	v := u.seals.logView()
	v.dlg.Show()
	v.month.SetSelected(monthLabel(last))
	if v.table.Total() != len(month) {
		t.Fatalf("%s shows %d uses, want %d", monthLabel(last), v.table.Total(), len(month))
	}
	if got := v.table.Text(0, 0); got != orText(month[0].LogNo, month[0].Number) {
		t.Fatalf("first row %q, want %q", got, month[0].LogNo)
	}
	want := fmt.Sprintf("共用印%d次，计%d份", len(month), copies)
	if !strings.Contains(v.total.Text, want) {
		t.Fatalf("totals %q, want %q", v.total.Text, want)
	}
	// a range of its own
	v.from.SetDate(app.D(1990, 1, 1))
	v.to.SetDate(app.D(1990, 1, 31))
	test.Tap(findButton(t, u.win.Canvas().Overlays().Top(), "查询"))
	if v.table.Total() != 0 || !strings.Contains(v.total.Text, "本期无用印记录") {
		t.Fatalf("empty range: %d rows, %q", v.table.Total(), v.total.Text)
	}
	v.month.SetSelected(monthLabel(last))
	test.Tap(findButton(t, u.win.Canvas().Overlays().Top(), "打印"))
	u.Wait()
	if len(h.opened) != 1 || !strings.Contains(h.opened[0], "用印登记簿") {
		t.Fatalf("打印 opened %v", h.opened)
	}
	for _, label := range []string{"导出PDF…", "导出OFD…", "导出Excel…"} {
		findButton(t, u.win.Canvas().Overlays().Top(), label)
	}
	// a row opens its request in the book
	v.table.Select(0)
	if u.seals.sel == nil || u.seals.sel.ID != month[0].ID {
		t.Fatal("the row did not open its request")
	}
}

// findButton is the button labelled label in o (a dialog on top).
func findButton(t *testing.T, in fyne.CanvasObject, label string) *widget.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(in) {
		if b, ok := asButton(o); ok && b.Text == label {
			return b
		}
	}
	t.Fatalf("no button %q", label)
	return nil
}

// The reason under the buttons breaks by the paper's rules: at no width
// of the pane does a line of it start with a comma.
func TestGreyButtonReasonBreaks(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	d := minimalHeldDocument(h)
	u.show(ScreenIncoming)
	u.incoming.open(d.ID)
	b := u.incoming.book
	test.Tap(b.blocked["归档"])
	h.capture("grey-button-reason")
	wrapped := false
	for width := float32(120); width <= 420; width += 4 {
		b.why.Resize(fyne.NewSize(width, b.why.MinSize().Height))
		var lines []string
		for _, o := range test.LaidOutObjects(b.why) {
			if tx, ok := o.(*canvas.Text); ok && o.Visible() && tx.Text != "" {
				lines = append(lines, tx.Text)
			}
		}
		if strings.Join(lines, "") != "归档：还有1位传阅人（李副区长等）未退回文件，不能归档" {
			t.Fatalf("width %v: the reason reads %q", width, lines)
		}
		wrapped = wrapped || len(lines) > 1
		for _, ln := range lines[1:] {
			if strings.HasPrefix(ln, "，") || strings.HasPrefix(ln, "）") || strings.HasSuffix(ln, "（") {
				t.Errorf("width %v: a line of the reason starts with punctuation: %q", width, lines)
			}
		}
	}
	if !wrapped {
		t.Error("the reason never took two lines: the test proves nothing")
	}
}

// The meeting's 列席 list on screen keeps each name with its post whole,
// as the printed minutes do.
func TestMeetingNamesNeverSplit(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	observers := []string{"区发展和改革局局长 欧阳明", "区审计局局长 皇甫琳", "区财政局局长 司马青", "区住房和城乡建设局副局长 上官云"}
	m := app.Meeting{Kind: app.MeetingExecutive, Seq: 3, Date: app.D(2026, 3, 12), Chair: "王区长", Observers: observers}
	if _, err := u.desk.SaveMeeting(u.ctx, &m); err != nil {
		t.Fatal(err)
	}
	u.show(ScreenMeetings)
	u.meetings.open(m.ID)
	h.capture("meeting-observers")
	var list *widgets.Text
	for _, o := range test.LaidOutObjects(u.meetings.book.detailBox) {
		if tx, ok := o.(*widgets.Text); ok && strings.Contains(tx.Full(), "欧阳明") {
			list = tx
		}
	}
	if list == nil {
		t.Fatal("no 列席 list in the meeting's details")
	}
	wrapped := false
	for width := float32(260); width <= 700; width += 5 { // from the longest name up
		list.Resize(fyne.NewSize(width, list.MinSize().Height))
		lines := strings.Split(list.Label.Text, "\n")
		wrapped = wrapped || len(lines) > 1
		for _, name := range observers {
			if !slices.ContainsFunc(lines, func(ln string) bool { return strings.Contains(ln, name) }) {
				t.Errorf("width %v: %s split: %q", width, name, lines)
			}
		}
	}
	if !wrapped {
		t.Error("the list never took two lines: the test proves nothing")
	}
}
