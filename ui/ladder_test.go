package ui

import (
	"context"
	"os/exec"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
)

// overlayButton is the button labelled text in the dialog on top.
func (h *harness) overlayButton(text string) *widget.Button {
	h.t.Helper()
	top := h.u.win.Canvas().Overlays().Top()
	if top == nil {
		h.t.Fatal("no dialog is open")
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := asButton(o); ok && b.Text == text {
			return b
		}
	}
	h.t.Fatalf("the dialog has no button %q", text)
	return nil
}

func menuEntry(m *fyne.Menu, prefix string) *fyne.MenuItem {
	for _, it := range m.Items {
		if strings.HasPrefix(it.Label, prefix) {
			return it
		}
	}
	return nil
}

// 工作台 names the items due a 督办通知单; the item's 打印督查文书 menu offers
// the slips that fit it, and a slip printed as sent shows in the item's
// detail and takes the item off the list.
func TestSlipLadder(t *testing.T) {
	h := newHarness(t, true)
	u := h.u
	steps, err := h.desk.LadderDue(u.ctx)
	if err != nil {
		t.Fatal(err)
	}
	var red app.Item
	for _, s := range steps {
		if s.Next == app.SlipNotice && !s.ReportLate {
			red = s.Item
			break
		}
	}
	if red.ID == 0 {
		t.Fatalf("the sample office has no red item due a 督办通知单: %+v", steps)
	}
	listed := func(number string) string {
		u.show(ScreenDashboard)
		for _, l := range u.dashboard.ladderLines() {
			if strings.HasPrefix(l, number) {
				return l
			}
		}
		return ""
	}
	l := listed(red.Number)
	if sc, ok := u.dashboard.root.(*container.Scroll); ok {
		sc.ScrollToBottom()
	}
	h.capture("ladder-dashboard")
	if !strings.Contains(l, "应发督办通知单") {
		t.Fatalf("工作台 does not list %s for a 督办通知单: %q\n%v", red.Number, l, u.dashboard.ladderLines())
	}

	// an item whose unit owes its report says so in its heading and detail
	late := false
	for _, s := range steps {
		if s.ReportLate {
			late = true
			u.show(ScreenItems)
			u.items.open(s.Item.ID)
			if !h.shows("进展报告逾期") || !h.shows("应于"+s.ReportDue.String()+"报送，尚未报送") {
				t.Errorf("%s: the late report is not shown", s.Item.Number)
			}
			break
		}
	}
	if !late {
		t.Error("the sample office has no item late with its report")
	}

	// a blue item: no 督办通知单
	u.show(ScreenItems)
	items, _, err := h.store.Items(u.ctx, app.ItemFilter{Statuses: []app.ItemStatus{app.ItemOpen}})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if h.desk.Colour(&it) == app.ColourBlue {
			u.items.open(it.ID)
			tapAction(h, u.items.book, "打印督查文书")
			if e := menuEntry(u.items.slips, "督办通知单"); e == nil || !e.Disabled || !strings.Contains(e.Label, "仅用于已逾期事项") {
				t.Errorf("blue item: 督办通知单 entry %+v", e)
			}
			u.items.menu.Hide()
			break
		}
	}

	u.items.open(red.ID)
	tapAction(h, u.items.book, "打印督查文书")
	if !u.items.menu.Visible() || len(u.items.slips.Items) != 3 {
		t.Fatal("the 打印督查文书 menu did not open with three slips")
	}
	h.capture("ladder-menu")
	notice := menuEntry(u.items.slips, "督办通知单")
	if notice == nil || notice.Disabled {
		t.Fatalf("red item: 督办通知单 entry %+v", notice)
	}
	notice.Action()
	if !h.shows("是正式送给" + red.LeadUnit + "的吗") {
		t.Fatal("the window did not ask whether the print is the one sent")
	}
	h.capture("ladder-ask")
	test.Tap(h.overlayButton("正式印发"))
	u.Wait()
	if len(h.opened) != 1 {
		t.Fatalf("opened %v", h.opened)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		out, err := exec.Command("pdftotext", h.opened[0], "-").Output()
		if err != nil || !strings.Contains(strings.Join(strings.Fields(string(out)), ""), "督办通知单") {
			t.Errorf("the PDF is not the 督办通知单: %v", err)
		}
	}
	u.items.detailScroll.Offset = fyne.NewPos(0, 420)
	u.items.detailScroll.Refresh()
	h.capture("ladder-detail")
	if !h.shows("已发文书") || !h.shows("督办通知单　"+red.Number) {
		top := u.win.Canvas().Overlays().Top()
		var texts []string
		for _, o := range test.LaidOutObjects(u.items.detailBox) {
			switch w := o.(type) {
			case *widget.Label:
				texts = append(texts, w.Text)
			}
		}
		t.Errorf("the item's detail does not show the 督办通知单 sent (overlay %v): %q", top != nil, texts)
	}
	if l := listed(red.Number); strings.Contains(l, "督办通知单") {
		t.Errorf("still listed for a 督办通知单 after one was sent: %q", l)
	}

	// a preview records nothing
	u.show(ScreenItems)
	u.items.open(red.ID)
	tapAction(h, u.items.book, "打印督查文书")
	menuEntry(u.items.slips, "交办单").Action()
	test.Tap(h.overlayButton("仅预览"))
	u.Wait()
	slips, err := h.desk.ItemSlips(u.ctx, red.ID)
	if err != nil || len(slips) != 1 || slips[0].Kind != app.SlipNotice {
		t.Errorf("after a preview of the 交办单: %v %v", slips, err)
	}
}

// 设置 → 办理时限 → 催办 sets after how many quiet working days a yellow
// item is listed for a 催办单; the 督查室 contact is kept with the settings.
func TestChaseAfterSetting(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	it := &app.Item{Title: "春季造林绿化任务", LeadUnit: "区财政局", AssignedOn: app.D(2026, 3, 3), Deadline: app.D(2026, 3, 12)}
	if err := h.desk.CreateItem(u.ctx, it); err != nil {
		t.Fatal(err)
	}
	listed := func() bool {
		u.show(ScreenDashboard)
		u.dashboard.refresh()
		for _, l := range u.dashboard.ladderLines() {
			if strings.HasPrefix(l, it.Number) && strings.Contains(l, "应发催办单") {
				return true
			}
		}
		return false
	}
	// five working days without progress (3-4 … 3-10), the default N
	if !listed() {
		t.Fatalf("a yellow item quiet for 5 working days is not listed: %v", u.dashboard.ladderLines())
	}
	u.show(ScreenSettings)
	u.settings.rules["ChaseAfter"].SetText("6")
	u.settings.supContact.SetText("陈督查")
	u.settings.save()
	if st := u.desk.Settings(); st.Rules.ChaseAfter != 6 || st.SupervisionContact != "陈督查" {
		t.Fatalf("settings not saved: %+v", st)
	}
	if listed() {
		t.Error("listed although N is now 6")
	}
	u.show(ScreenSettings)
	u.settings.rules["ChaseAfter"].SetText("61")
	u.settings.save()
	if u.desk.Settings().Rules.ChaseAfter != 6 {
		t.Error("61 working days was saved")
	}
}

// itemCounter counts the store's reads of items.
type itemCounter struct {
	app.Store
	reads int
}

func (c *itemCounter) Items(ctx context.Context, f app.ItemFilter) ([]app.Item, int, error) {
	c.reads++
	return c.Store.Items(ctx, f)
}

// 显示全部 under the 工作台's 催办督办 list shows the whole list already read,
// without reading every open item again on the UI thread.
func TestLadderShowAllRereadsNothing(t *testing.T) {
	h := newHarness(t, true)
	u := h.u
	steps, err := h.desk.LadderDue(u.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(steps) <= ladderShown {
		t.Fatalf("the sample office has only %d items due a step; the list is not cut", len(steps))
	}
	u.show(ScreenDashboard)
	if n := len(u.dashboard.ladderLines()); n != ladderShown+1 { // the items and 显示全部
		t.Fatalf("the 工作台 lists %d lines before 显示全部, want %d", n, ladderShown+1)
	}
	counter := &itemCounter{Store: u.desk.Store}
	u.desk.Store = counter
	defer func() { u.desk.Store = counter.Store }()
	var more *widget.Button
	for _, o := range test.LaidOutObjects(u.dashboard.ladder) {
		if b, ok := asButton(o); ok && strings.HasPrefix(b.Text, "显示全部") {
			more = b
		}
	}
	if more == nil {
		t.Fatalf("no 显示全部 under the list: %v", u.dashboard.ladderLines())
	}
	test.Tap(more)
	if n := len(u.dashboard.ladderLines()); n != len(steps) {
		t.Fatalf("显示全部 lists %d items, want %d", n, len(steps))
	}
	if counter.reads != 0 {
		t.Fatalf("显示全部 read the items from the store again (%d reads)", counter.reads)
	}
}
