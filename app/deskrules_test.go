package app_test

import (
	"context"
	"testing"
	"time"

	"gongwen/app"
)

// deskWithLeaders is importDesk with a mayor and an office director.
func deskWithLeaders(t *testing.T) *app.Desk {
	t.Helper()
	k := importDesk(t)
	ctx := context.Background()
	for _, l := range []app.Leader{{Name: "王区长", Role: app.RoleMayor, Active: true}, {Name: "孙主任", Role: app.RoleOfficeDirector, Active: true}} {
		if err := k.SaveLeader(ctx, &l); err != nil {
			t.Fatal(err)
		}
	}
	return k
}

// Who does a step travels in its context; a context naming no one leaves
// it to the operator the desk was opened for.
func TestStepsAreDoneByTheOperatorOfTheirContext(t *testing.T) {
	k := deskWithLeaders(t)
	wu := app.WithOperator(context.Background(), "吴文书")
	d := &app.Document{Title: "关于冬季安全生产的通知", FromUnit: "市人民政府办公室", ReceivedOn: k.Today()}
	if err := k.RegisterIncoming(wu, d, false); err != nil {
		t.Fatal(err)
	}
	if _, err := k.Propose(wu, d.ID, "呈王区长阅示，请区应急局办理。"); err != nil {
		t.Fatal(err)
	}
	if _, err := k.Instruct(context.Background(), d.ID, "王区长", "同意。", k.Today()); err != nil {
		t.Fatal(err)
	}
	h, err := k.Store.History(context.Background(), app.EntityDocument, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range h {
		got[e.Action] = e.Operator
	}
	if got["登记"] != "吴文书" || got["拟办"] != "吴文书" || got["批示"] != "测试员" {
		t.Errorf("operators by step: %v", got)
	}
	saved, err := k.Store.Document(context.Background(), d.ID)
	if err != nil || saved.ProposedBy != "吴文书" {
		t.Errorf("拟办人 %q (%v), want the operator of the step", saved.ProposedBy, err)
	}
	if k.Operator(wu) != "吴文书" || k.Operator(context.Background()) != "测试员" || app.OperatorFrom(context.Background()) != "" {
		t.Error("Operator does not read the context first")
	}
}

// A meeting saved with a due date in a year without its holidays and a 第N次
// against its date is saved; both warnings come back beside a nil error.
func TestSaveMeetingReturnsItsWarnings(t *testing.T) {
	k := deskWithLeaders(t)
	ctx := context.Background()
	first := &app.Meeting{Kind: app.MeetingExecutive, Term: "十八届政府", Seq: 2, Date: app.D(2027, 12, 20), Chair: "王区长"}
	if warns, err := k.SaveMeeting(ctx, first); err != nil || len(warns) != 0 {
		t.Fatalf("first meeting: %v %v", warns, err)
	}
	m := &app.Meeting{Kind: app.MeetingExecutive, Term: "十八届政府", Seq: 1, Date: app.D(2028, 1, 3), Chair: "王区长",
		Topics: []app.Topic{{Title: "审议2028年重点工作", ReportingUnit: "区发改委"}}}
	warns, err := k.SaveMeeting(ctx, m)
	if err != nil || m.ID == 0 {
		t.Fatalf("a meeting with warnings was not saved: %v", err)
	}
	if len(warns) != 2 || warns[0].Code != app.WCOVERAGE || warns[1].Code != app.WSEQUENCE {
		t.Fatalf("warnings %+v, want the coverage and the sequence one", warns)
	}
	if s := warns.String(); s != warns[0].Message+"\n"+warns[1].Message {
		t.Errorf("the warnings read %q", s)
	}
}

// The minutes' number is taken once they are accepted: a refused issue
// leaves no gap, and reissued minutes keep their number.
func TestMinutesAreNumberedOnlyOnceAccepted(t *testing.T) {
	k := deskWithLeaders(t)
	ctx := context.Background()
	m := &app.Meeting{Kind: app.MeetingMayor, Date: k.Today(), Chair: "王区长"}
	if _, err := k.SaveMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	if _, err := k.IssueMinutes(ctx, m.ID, " ", "王区长", k.Today()); app.ErrorCode(err) != app.EINVALID {
		t.Fatalf("minutes without a body: %v", err)
	}
	issued, err := k.IssueMinutes(ctx, m.ID, "会议议定如下……", "王区长", k.Today())
	if err != nil || issued.Minutes.NumberText() != "〔2026〕1号" {
		t.Fatalf("first issue: %v %q", err, issued.Minutes.NumberText())
	}
	k.Now = func() time.Time { return time.Date(2027, 1, 4, 10, 0, 0, 0, time.Local) }
	again, err := k.IssueMinutes(ctx, m.ID, "会议议定如下（更正）……", "王区长", k.Today())
	if err != nil || again.Minutes.NumberText() != "〔2026〕1号" {
		t.Fatalf("reissued: %v %q", err, again.Minutes.NumberText())
	}
}
