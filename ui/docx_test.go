package ui

import (
	"archive/zip"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"gongwen/app"
)

// savedWord is the body of the one Word file saved in dir whose name
// matches pattern, its markup left in.
func savedWord(t *testing.T, dir, pattern string) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, pattern))
	if len(files) != 1 {
		t.Fatalf("saved %v, want one %s", files, pattern)
	}
	z, err := zip.OpenReader(files[0])
	if err != nil {
		t.Fatalf("%s is not a Word file: %v", files[0], err)
	}
	defer z.Close()
	f, err := z.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, _ := io.ReadAll(f)
	return string(b)
}

// 导出Word… beside 导出PDF… saves the 通报 as a Word file, its 版记 as
// typed, in the folder of the exports.
func TestMonthlyReportExportWord(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	it := app.Item{Title: "推进老旧小区改造", LeadUnit: "区财政局", AssignedOn: app.D(2026, 3, 2), Deadline: app.D(2026, 4, 30)}
	if err := u.desk.CreateItem(u.ctx, &it); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	u.rememberFolder(folderPDF, storage.NewFileURI(filepath.Join(dir, "x.pdf")))
	u.showMonthlyReport()
	h.typeIn("送", "区住房城乡建设局、区财政局")
	findButton(t, u.win.Canvas().Overlays().Top(), "导出PDF…")
	test.Tap(findButton(t, u.win.Canvas().Overlays().Top(), "导出Word…"))
	test.Tap(h.button("保存"))
	u.Wait()
	doc := savedWord(t, dir, "督查通报-*.docx")
	for _, want := range []string{"督查通报", "一、总体情况", "推进老旧小区改造", "送：区住房城乡建设局、区财政局。"} {
		if !strings.Contains(doc, want) {
			t.Errorf("the Word file lacks %q", want)
		}
	}
	if !h.shows("Word 文件 已保存") {
		t.Error("no message says the file was saved")
	}
	if st := u.desk.Settings(); st.MonthlySendTo != "区住房城乡建设局、区财政局" {
		t.Errorf("the 送 line is not remembered: %q", st.MonthlySendTo)
	}
}

// The minutes' 导出Word… beside 导出PDF… saves the 纪要 as a Word file; a
// meeting not yet held has none to export.
func TestMinutesExportWord(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	today := u.desk.Today()
	for seq, day := range map[int]app.Date{14: today.AddDays(-1), 15: today.AddDays(4)} {
		m := &app.Meeting{Kind: app.MeetingExecutive, Term: "十八届政府", Seq: seq, Date: day, Chair: "王区长",
			Topics: []app.Topic{{Title: "研究城市内涝治理工程", ReportingUnit: "区财政局"}}}
		if _, err := u.desk.SaveMeeting(u.ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	u.rememberFolder(folderPDF, storage.NewFileURI(filepath.Join(dir, "x.pdf")))
	u.show(ScreenMeetings)
	u.meetings.table.SetSort("date", true)
	u.meetings.table.Select(0)
	if enabled(u.meetings.book, "导出Word…") {
		t.Error("导出Word… enabled for a meeting four days ahead")
	}
	u.meetings.table.Select(1)
	if _, err := u.desk.IssueMinutes(u.ctx, u.meetings.sel.ID, "一、关于城市内涝治理工程\n会议同意区财政局提出的方案。", "王区长", today); err != nil {
		t.Fatal(err)
	}
	u.meetings.refresh()
	u.meetings.table.Select(1)
	tapAction(h, u.meetings.book, "导出Word…")
	test.Tap(h.button("保存"))
	u.Wait()
	doc := savedWord(t, dir, "会议纪要-*.docx")
	for _, want := range []string{"常务会议纪要", "会议同意区财政局提出的方案。"} {
		if !strings.Contains(doc, want) {
			t.Errorf("the Word file lacks %q", want)
		}
	}
	heading := regexp.MustCompile(`<w:pStyle w:val="Heading1"/>(<w:spacing [^>]*/>)?</w:pPr><w:r><w:t xml:space="preserve">一、关于城市内涝治理工程`)
	if !heading.MatchString(doc) {
		t.Error("the minutes' first heading is not a Heading1 paragraph")
	}
}
