package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// A 承办 whose due date lies in a year without its holidays is saved; the
// warning is shown once the form has closed, and the step is recorded
// under the operator chosen in the status bar.
func TestAssignIntoAnUncoveredYearWarnsAfterSaving(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	ctx := context.Background()
	d := &app.Document{Title: "关于岁末年初安全检查的通知", FromUnit: "市人民政府办公室", ReceivedOn: app.D(2026, 3, 10)}
	if err := h.desk.RegisterIncoming(ctx, d, false); err != nil {
		t.Fatal(err)
	}
	if _, err := h.desk.Propose(ctx, d.ID, "呈王区长阅示，请区应急局办理。"); err != nil {
		t.Fatal(err)
	}
	h.desk.Now = func() time.Time { return time.Date(2027, 12, 27, 9, 0, 0, 0, time.Local) }
	st := h.desk.Settings()
	st.Operators = append(st.Operators, "刘秘书")
	if err := h.desk.SaveSettings(ctx, st); err != nil {
		t.Fatal(err)
	}
	u.refreshStatus()
	u.operator.SetSelected("刘秘书")
	u.show(ScreenIncoming)
	u.incoming.open(d.ID)
	tapAction(h, u.incoming.book, "承办")
	h.typeIn("承办单位", "区应急局")
	h.typeIn("时限（工作日）", "5")
	h.save()
	if sel := u.incoming.sel; sel.Status != app.StatusAssigned || !sel.DueUncertain || sel.DueOn != app.D(2028, 1, 3) {
		t.Fatalf("assigned: %s %v %s", sel.Status, sel.DueUncertain, sel.DueOn)
	}
	if !h.shows("2028年的节假日安排尚未录入") {
		t.Fatal("the coverage warning is not shown after saving")
	}
	if dir := os.Getenv("GONGWEN_SHOTS"); dir != "" {
		writePNGOf(t, u.win, filepath.Join(dir, "assign-uncovered-year.png"))
	}
	hs, err := h.desk.Store.History(ctx, app.EntityDocument, d.ID)
	if err != nil || hs[len(hs)-1].Action != "交办" || hs[len(hs)-1].Operator != "刘秘书" {
		t.Fatalf("history %+v (%v), want the 交办 by 刘秘书", hs, err)
	}
}

// The 发文代字 of a signed document is fixed by the domain's rule, and the
// edit form says why its field is grey; a draft's may still change.
func TestSignedDocumentShowsWhyItsCodeIsFixed(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	ctx := context.Background()
	draft := func(title string) *app.Document {
		d := &app.Document{Title: title, IssuingCode: "测府办发", DraftUnit: "区政府办公室", Drafter: "刘秘书", DraftedOn: h.desk.Today()}
		if err := h.desk.DraftOutgoing(ctx, d); err != nil {
			t.Fatal(err)
		}
		return d
	}
	signed, drafted := draft("关于调整值班安排的通知"), draft("关于春季植树的通知")
	for _, step := range []func() (*app.Document, error){
		func() (*app.Document, error) { return h.desk.CheckDraft(ctx, signed.ID) },
		func() (*app.Document, error) {
			return h.desk.ReviewDraft(ctx, signed.ID, "赵副主任", "同意", h.desk.Today())
		},
		func() (*app.Document, error) {
			return h.desk.ReviewDraft(ctx, signed.ID, "陈主任", "同意", h.desk.Today())
		},
		func() (*app.Document, error) { return h.desk.Sign(ctx, signed.ID, "陈主任", h.desk.Today()) },
	} {
		if _, err := step(); err != nil {
			t.Fatal(err)
		}
	}
	u.show(ScreenOutgoing)
	u.outgoing.open(signed.ID)
	tapAction(h, u.outgoing.book, "修改")
	if dir := os.Getenv("GONGWEN_SHOTS"); dir != "" {
		writePNGOf(t, u.win, filepath.Join(dir, "signed-code-fixed.png"))
	}
	if code := h.form().Get("发文代字").(*widgets.Select); !code.Disabled() || !h.shows("已签发的公文不能更改发文代字") {
		t.Fatalf("the code of a signed document: disabled %v, reason shown %v", code.Disabled(), h.shows("已签发的公文不能更改发文代字"))
	}
	h.form().Hide()
	u.outgoing.open(drafted.ID)
	tapAction(h, u.outgoing.book, "修改")
	if code := h.form().Get("发文代字").(*widgets.Select); code.Disabled() || h.shows("已签发") {
		t.Fatal("the code of a draft is fixed")
	}
}
