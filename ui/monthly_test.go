package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// The 通报's 报 and 送 lines are set in its dialog, start from the defaults,
// go onto the paper and are remembered for the next month's 通报.
func TestMonthlyReportColophon(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	it := app.Item{Title: "推进老旧小区改造", LeadUnit: "区财政局", AssignedOn: app.D(2026, 3, 2), Deadline: app.D(2026, 4, 30)}
	if err := u.desk.CreateItem(u.ctx, &it); err != nil {
		t.Fatal(err)
	}
	u.showMonthlyReport()
	if got := h.form().Get("报").(*widgets.Entry).Text; got != app.DefaultReportTo {
		t.Fatalf("报 starts as %q, want the default", got)
	}
	if got := h.form().Get("送").(*widgets.Entry).Text; got != app.DefaultSendTo {
		t.Fatalf("送 starts as %q, want the default", got)
	}
	h.typeIn("报", "区委、区政府主要领导")
	h.typeIn("送", "区住房城乡建设局、区财政局")
	writePNGFromEnv(t, u, "GONGWEN_MONTHLY_PNG")
	h.save()
	if len(h.opened) != 1 {
		t.Fatalf("打印 opened %v", h.opened)
	}
	text := pdfText(t, h.opened[0])
	for _, want := range []string{"报：区委、区政府主要领导", "送：区住房城乡建设局、区财政局"} {
		if !strings.Contains(text, want) {
			t.Errorf("the 通报 lacks %q:\n%s", want, text)
		}
	}
	if st := u.desk.Settings(); st.MonthlyReportTo != "区委、区政府主要领导" || st.MonthlySendTo != "区住房城乡建设局、区财政局" {
		t.Fatalf("settings keep %q / %q", st.MonthlyReportTo, st.MonthlySendTo)
	}

	// Next time the dialog starts from them; emptied, the default comes back.
	u.showMonthlyReport()
	if got := h.form().Get("报").(*widgets.Entry).Text; got != "区委、区政府主要领导" {
		t.Fatalf("报 reopens as %q", got)
	}
	h.typeIn("送", "")
	h.save()
	if text := pdfText(t, h.opened[1]); !strings.Contains(text, "送："+app.DefaultSendTo) {
		t.Errorf("an empty 送 did not print the default:\n%s", text)
	}
	if st := u.desk.Settings(); st.MonthlySendTo != "" {
		t.Fatalf("an empty 送 is kept as %q", st.MonthlySendTo)
	}
}

// pdfText is the text of a PDF as pdftotext reads it, without spaces.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

// writePNGFromEnv captures the window to the PNG file the environment variable
// names, to look at; without it nothing is written.
func writePNGFromEnv(t *testing.T, u *UI, env string) {
	t.Helper()
	path := os.Getenv(env)
	if path == "" {
		return
	}
	u.Wait()
	writePNG(t, u, filepath.Clean(path))
}

// The window's summary counts as the paper does: the year's 累计办结 with
// the month's own, and no 按期办结率 while nothing is done.
func TestMonthlySummaryCounts(t *testing.T) {
	r := app.MonthlyReport{Total: 12, NewThisMonth: 2, Done: 5, DoneThisMonth: 1, Open: 6, Overdue: 1}
	if s := monthlySummary(r); !strings.Contains(s, "累计办结 5 项（本月办结 1 项）") {
		t.Errorf("summary %q", s)
	}
	if s := monthlySummary(app.MonthlyReport{Total: 3, Open: 3}); !strings.Contains(s, "按期办结率 —") {
		t.Errorf("nothing done yet: %q", s)
	}
}

// The office names units on the 通报's 红黄榜 from 设置 › 单位信息: off by
// default, N units each way once set, a negative N refused.
func TestMonthlyHonourSetting(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	today := u.desk.Today()
	done := app.Item{Title: "推进老旧小区改造", LeadUnit: "区财政局", AssignedOn: today.AddDays(-20), Deadline: today.AddDays(10)}
	late := app.Item{Title: "完成农村饮水安全巩固提升工程", LeadUnit: "区水利局", AssignedOn: today.AddDays(-20), Deadline: today.AddDays(-5)}
	for _, it := range []*app.Item{&done, &late} {
		if err := u.desk.CreateItem(u.ctx, it); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := u.desk.CompleteItem(u.ctx, done.ID, "已完成改造", today.AddDays(-1)); err != nil {
		t.Fatal(err)
	}
	print := func() string {
		h.opened = nil
		u.showMonthlyReport()
		h.save()
		if len(h.opened) != 1 {
			t.Fatalf("打印 opened %v", h.opened)
		}
		return strings.Join(strings.Fields(pdfText(t, h.opened[0])), "")
	}
	if text := print(); strings.Contains(text, "红榜") || strings.Contains(text, "黄榜") {
		t.Error("a 红黄榜 by default")
	}
	u.show(ScreenSettings)
	u.settings.honourN.SetText("-1")
	u.settings.save()
	if n := u.desk.Settings().MonthlyHonourN; n != 0 {
		t.Fatalf("-1 saved as %d", n)
	}
	u.settings.honourN.SetText("1")
	u.settings.save()
	text := print()
	if !strings.Contains(text, "红榜：区财政局") || !strings.Contains(text, "黄榜：区水利局") {
		t.Errorf("the 红黄榜 of one unit each way is not printed:\n%s", text)
	}
}

// Picking a quarter after the months prints the quarterly edition, its
// preview speaking of 本季度.
func TestMonthlyDialogQuarter(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	today := u.desk.Today()
	it := app.Item{Title: "推进老旧小区改造", LeadUnit: "区财政局", AssignedOn: today.AddDays(-3), Deadline: today.AddDays(30)}
	if err := u.desk.CreateItem(u.ctx, &it); err != nil {
		t.Fatal(err)
	}
	u.showMonthlyReport()
	grid := h.form().Get("月份").(*fyne.Container)
	month := grid.Objects[1].(*widgets.Select)
	quarter := (int(today.Month) + 2) / 3
	month.SetSelected("第" + app.ChineseNumeral(quarter) + "季度")
	if !h.shows("本季度新增 1 项") {
		t.Error("the preview does not count the quarter")
	}
	h.save()
	if len(h.opened) != 1 {
		t.Fatalf("打印 opened %v", h.opened)
	}
	title := fmt.Sprintf("关于%d年第%s季度督查事项办理情况的通报", today.Year, app.ChineseNumeral(quarter))
	if text := strings.Join(strings.Fields(pdfText(t, h.opened[0])), ""); !strings.Contains(text, title) {
		t.Errorf("the quarterly edition lacks its title %s:\n%s", title, text)
	}
}
