package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"gongwen/app"
)

// Tab onto an item of each radio and check group of the dialogs (文件类别,
// 导出's 内容 and 格式, 开始方式, 传阅's readers, 放假/调休上班, 满意度): Esc
// closes the untouched dialog from there, and asks once the keyboard has
// changed the choice (→ on a radio, space on a check).
func TestEscapeAfterTabbingOntoRadiosAndCheckGroups(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	d := app.Document{FromUnit: "区财政局", Title: "关于拨付防汛物资经费的请示", ReceivedOn: app.D(2026, 3, 9)}
	if err := u.desk.RegisterIncoming(u.ctx, &d, false); err != nil {
		t.Fatal(err)
	}
	if _, err := u.desk.Propose(u.ctx, d.ID, "拟呈王区长阅示。"); err != nil {
		t.Fatal(err)
	}
	if _, err := u.desk.Assign(u.ctx, d.ID, "区财政局", nil, 5); err != nil {
		t.Fatal(err)
	}
	newIncoming := func() { u.show(ScreenIncoming); u.shortcutNew() }
	export := func() { u.show(ScreenIncoming); u.incoming.port.exportForm() }
	sites := []struct {
		label string
		open  func()
	}{
		{"文件类别", newIncoming},
		{"内容", export},
		{"格式", export},
		{"开始方式", func() { u.show(ScreenDashboard); u.showWelcome() }},
		{"建议传阅顺序", func() {
			u.show(ScreenIncoming)
			u.incoming.open(d.ID)
			tapAction(h, u.incoming.book, "传阅")
		}},
		{"类型", func() { u.settings.dayForm(app.DayOverride{Day: app.D(2026, 10, 1)}) }},
		{"满意度", func() {
			u.items.satisfactionForm(app.Item{Number: "督〔2026〕1号", Title: "关于加快老旧小区改造的建议"})
		}},
	}
	c := u.win.Canvas()
	for _, site := range sites {
		for _, change := range []bool{false, true} {
			site.open()
			f := h.form()
			items := test.LaidOutObjects(f.Get(site.label))
			item := tabToItem(h, items)
			if item == nil {
				t.Fatalf("%s: Tab never reached an item of %s", f.Title, site.label)
			}
			if change {
				press := fyne.KeyRight
				if item == items[len(items)-1] {
					press = fyne.KeyLeft
				}
				h.press(press)
				test.Type(c.Focused(), " ")
				h.capture("group-" + site.label)
			}
			h.press(fyne.KeyEscape)
			if !change && f.Visible() {
				t.Fatalf("%s: Esc on %s left the untouched dialog open", f.Title, site.label)
			}
			if change {
				if !f.Visible() || !h.shows("尚未保存") {
					t.Fatalf("%s: Esc on %s dropped a keyboard choice without asking", f.Title, site.label)
				}
				h.press(fyne.KeyEscape) // 取消 the question
				f.Hide()
			}
		}
	}
}

// tabToItem presses Tab until one of objs has the focus, and returns it.
func tabToItem(h *harness, objs []fyne.CanvasObject) fyne.CanvasObject {
	c := h.u.win.Canvas()
	for i := 0; i < 60; i++ {
		for _, o := range objs {
			if f, ok := o.(fyne.Focusable); ok && c.Focused() == f {
				return o
			}
		}
		test.FocusNext(c)
	}
	return nil
}
