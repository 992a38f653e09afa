package ui

import (
	"os/exec"
	"strings"
	"testing"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// Issue 12: a meeting not yet held cannot have its minutes issued, and its
// chip does not ask for them; a draft with a body prints as the 送审稿 for
// the 区长 to read and sign, without a number.
func TestMinutesOfFutureMeetingAndDraft(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	today := u.desk.Today()
	save := func(seq int, day app.Date) {
		m := &app.Meeting{Kind: app.MeetingExecutive, Term: "十八届政府", Seq: seq, Date: day, Chair: "王区长",
			Topics: []app.Topic{{Title: "研究城市内涝治理工程", ReportingUnit: "区财政局"}}}
		if _, err := u.desk.SaveMeeting(u.ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	save(14, today.AddDays(-1))
	save(15, today.AddDays(4))
	u.show(ScreenMeetings)
	u.meetings.table.SetSort("date", true)
	u.meetings.table.Select(0)
	if m := u.meetings.sel; m == nil || m.Seq != 15 {
		t.Fatalf("selected %+v", m)
	}
	if enabled(u.meetings.book, "印发纪要") || enabled(u.meetings.book, "打印纪要") {
		t.Error("印发纪要 or 打印纪要 enabled for a meeting four days ahead")
	}
	if text, _ := minutesChip(*u.meetings.sel, today); text != "会后印发纪要" {
		t.Errorf("a future meeting's chip says %q", text)
	}
	if _, err := u.desk.IssueMinutes(u.ctx, u.meetings.sel.ID, "正文", "王区长", today); app.ErrorCode(err) != app.ESTATE {
		t.Errorf("minutes of a future meeting issued: %v", err)
	}

	u.meetings.table.Select(1)
	tapAction(h, u.meetings.book, "印发纪要")
	h.form().Get("").(*widgets.Check).SetChecked(true) // 只保存为送审稿
	h.save()
	m := u.meetings.sel
	if m.Seq != 14 || m.Minutes.Number != 0 || !m.Minutes.Draft() {
		t.Fatalf("draft saved as %+v", m.Minutes)
	}
	if text, _ := minutesChip(*m, today); text != "纪要送审稿" {
		t.Errorf("a draft's chip says %q", text)
	}
	tapAction(h, u.meetings.book, "打印纪要")
	u.Wait()
	if len(h.opened) != 1 {
		t.Fatal("打印纪要 opened no PDF")
	}
	out, err := exec.Command("pdftotext", "-layout", h.opened[0], "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	if !strings.Contains(text, "（送审稿）") || strings.Contains(text, "号") && strings.Contains(text, "〔") {
		t.Errorf("the draft prints without its mark or with a number:\n%s", text)
	}
}
