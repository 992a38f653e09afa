package ui

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/encoding/simplifiedchinese"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// tapButton taps the button with that text in the window or the dialog on top.
func (h *harness) tapButton(text string) {
	h.t.Helper()
	root := h.u.win.Canvas().Content()
	if top := h.u.win.Canvas().Overlays().Top(); top != nil {
		root = top
	}
	for _, o := range test.LaidOutObjects(root) {
		if b, ok := asButton(o); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	h.t.Fatalf("no button %q", text)
}

// shot writes the window to name.png in GONGWEN_SCREENSHOTS, when set, to be
// looked at.
func (h *harness) shot(name string) {
	dir := os.Getenv("GONGWEN_SCREENSHOTS")
	if dir == "" {
		return
	}
	h.u.Wait()
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		h.t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, h.u.win.Canvas().Capture()); err != nil {
		h.t.Fatal(err)
	}
}

// 设置 → 节假日 → 从通知导入…: a mangled notice is refused with the item
// named and nothing saved; the notice opened from a GBK .txt is shown
// against the calendar and saved on 导入.
func TestImportHolidayNoticeFromSettings(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	u.show(ScreenSettings)
	u.settings.tabs.SelectIndex(settingsTabHolidays)
	h.tapButton("从通知导入…")
	f := h.form()
	if f.Title != "从通知导入节假日" {
		t.Fatalf("form %q", f.Title)
	}
	b, err := os.ReadFile(filepath.Join("..", "app", "testdata", "holidays", "2030-invented.txt"))
	if err != nil {
		t.Fatal(err)
	}
	notice2030 := string(b)
	field := f.Get("通知全文").(*widgets.Entry)
	field.SetText(strings.Replace(notice2030, "共5天", "共4天", 1))
	h.saveFails("“四、劳动节”：写的是“共4天”，但5月1日至5月5日共5天")
	h.shot("holidays-notice-error")
	if ovs, _ := h.store.DayOverrides(context.Background()); len(ovs) != 0 || u.settings.notice != nil {
		t.Fatalf("a mangled notice went further: %d days stored", len(ovs))
	}

	gbk, err := simplifiedchinese.GBK.NewEncoder().String(notice2030)
	if err != nil {
		t.Fatal(err)
	}
	u.settings.loadNoticeFile(field, "2030年放假安排.txt", []byte(gbk))
	if field.Text != notice2030 {
		t.Fatalf("GBK file read as %q", field.Text)
	}
	h.save()
	pv := u.settings.notice
	if pv == nil || pv.plan.Notice.Year != 2030 {
		t.Fatal("no preview after 下一步")
	}
	for _, want := range []string{"2030年：放假27天，调休上班5天", "一、元旦：1月1日放假（1天）",
		"二、春节：2月2日至2月8日放假（7天）；1月27日（星期日）、2月9日（星期六）上班",
		"1月1日　星期二　工作日 → 放假（元旦）", "1月27日　星期日　休息日 → 调休上班（春节）", "程序未内置2030年的安排"} {
		if !h.shows(want) {
			t.Errorf("preview lacks %q", want)
		}
	}
	h.shot("holidays-notice-preview")
	if u.desk.Calendar().Covers(2030) {
		t.Fatal("saved before 导入")
	}
	test.Tap(pv.ok)
	cal := u.desk.Calendar()
	if !cal.Covers(2030) || cal.IsWorkday(app.D(2030, 1, 1)) || !cal.IsWorkday(app.D(2030, 1, 27)) {
		t.Fatal("calendar after 导入")
	}
	if !h.shows("已按通知导入2030年的节假日安排。\n放假27天，调休上班5天，日历变化23天。") {
		t.Error("no message after the import")
	}
	h.shot("holidays-notice-done")
	// The message is as tall as its two lines, not as tall as its text
	// measured one character a line.
	if pop, ok := u.win.Canvas().Overlays().Top().(*widget.PopUp); !ok || pop.Content.Size().Height > 200 {
		t.Errorf("message dialog %T %v", u.win.Canvas().Overlays().Top(), pop.Content.Size())
	}
}

// A notice that differs from the built-in schedule says where.
func TestHolidayNoticePreviewShowsDifferencesFromBuiltin(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	text, err := os.ReadFile(filepath.Join("..", "app", "testdata", "holidays", "2026.txt"))
	if err != nil {
		t.Fatal(err)
	}
	moved := strings.Replace(string(text), "10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。",
		"10月1日（周四）至8日（周四）放假调休，共8天。9月20日（周日）上班。", 1)
	u.show(ScreenSettings)
	u.settings.tabs.SelectIndex(settingsTabHolidays)
	u.settings.noticeForm()
	h.form().Get("通知全文").(*widgets.Entry).SetText(moved)
	h.save()
	for _, want := range []string{"日历的变化（2天）", "10月8日　星期四　工作日 → 放假（国庆节）",
		"以下日期与程序内置的安排不同", "10月10日　星期六　内置为调休上班（国庆节），通知为休息日"} {
		if !h.shows(want) {
			t.Errorf("preview lacks %q", want)
		}
	}
	h.shot("holidays-notice-builtin")
	h.tapButton("取消")
	if cal := u.desk.Calendar(); !cal.IsWorkday(app.D(2026, 10, 8)) {
		t.Fatal("取消 saved the notice")
	}
}
