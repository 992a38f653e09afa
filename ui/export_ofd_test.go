package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"gongwen/typeset"
)

// 导出OFD… stands beside every 导出PDF… and saves the same form as OFD,
// named .ofd, dated by the Desk's clock.
func TestExportOFD(t *testing.T) {
	h := newHarness(t, true)
	u := h.u
	dir := t.TempDir()
	u.rememberFolder(folderPDF, storage.NewFileURI(filepath.Join(dir, "x.pdf")))

	both := func(screen string, sel func(int), button func(string) bool) {
		u.show(screen)
		sel(0)
		if shots := os.Getenv("GONGWEN_SHOTS"); shots != "" {
			writePNGOf(t, u.win, filepath.Join(shots, "export-ofd-"+screen+".png"))
		}
		if !button("导出PDF…") || !button("导出OFD…") {
			t.Errorf("%s: 导出PDF… %v, 导出OFD… %v", screen, button("导出PDF…"), button("导出OFD…"))
		}
	}
	both(ScreenIncoming, u.incoming.table.Select, func(l string) bool { return u.incoming.book.button(l) != nil })
	both(ScreenOutgoing, u.outgoing.table.Select, func(l string) bool { return u.outgoing.book.button(l) != nil })
	both(ScreenSeals, u.seals.table.Select, func(l string) bool { return u.seals.book.button(l) != nil })
	both(ScreenMeetings, u.meetings.table.Select, func(l string) bool { return u.meetings.book.button(l) != nil })
	u.showMonthlyReport()
	h.button("导出PDF…")
	h.button("导出OFD…")
	if shots := os.Getenv("GONGWEN_SHOTS"); shots != "" {
		writePNGOf(t, u.win, filepath.Join(shots, "export-ofd-monthly.png"))
	}
	for u.forms.Top() != nil {
		u.forms.Top().Hide()
	}

	u.show(ScreenSeals)
	u.seals.table.Select(0)
	r := u.seals.sel
	if r == nil {
		t.Fatal("no seal request selected")
	}
	tapAction(h, u.seals.book, "导出OFD…")
	test.Tap(h.button("保存"))
	u.Wait()
	files, _ := filepath.Glob(filepath.Join(dir, "*.ofd"))
	if len(files) != 1 {
		t.Fatalf("saved %v, want one .ofd", files)
	}
	if !h.shows("OFD 已保存") {
		t.Error("no word that the OFD was saved")
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	got, err := typeset.CheckOFD(data)
	if err != nil {
		t.Fatal(err)
	}
	if got.CreationDate != testDay.Format("2006-01-02") {
		t.Errorf("CreationDate %s, want the Desk's day %s", got.CreationDate, testDay.Format("2006-01-02"))
	}
	if len(got.Pages) == 0 || !strings.Contains(got.Pages[0], "用印申请") || !strings.Contains(got.Pages[0], r.Number) {
		t.Errorf("the OFD does not show the request %s: %q", r.Number, got.Pages)
	}
}
