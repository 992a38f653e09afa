package ui

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// capture writes the window to a PNG when GONGWEN_SHOTS names a folder (to
// look at the new dialogs).
func (h *harness) capture(name string) {
	h.t.Helper()
	dir := os.Getenv("GONGWEN_SHOTS")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		h.t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, h.u.win.Canvas().Capture()); err != nil {
		h.t.Fatal(err)
	}
}

func progressBar(h *harness) *widget.ProgressBarInfinite {
	for _, o := range test.LaidOutObjects(h.u.win.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.ProgressBarInfinite); ok {
			return b
		}
	}
	return nil
}

// Loading the sample office shows which part is being made, in a dialog
// that covers the window until the office is there.
func TestSampleLoadShowsProgress(t *testing.T) {
	h := openHarness(t, func(*app.Desk) {})
	backups := 0
	h.u.env.AutoBackup = func(context.Context) (string, error) { backups++; return "", nil }
	reached, release := make(chan struct{}), make(chan struct{})
	h.u.env.LoadSample = func(ctx context.Context, d *app.Desk, progress func(int, int, string)) error {
		progress(1, 6, "单位、领导和印章")
		progress(2, 6, "收文登记簿")
		reached <- struct{}{}
		<-release
		return d.SaveSettings(ctx, app.Settings{OrgName: "示例区人民政府办公室", Operators: []string{"张文书"}, Rules: app.DefaultRules()})
	}
	f := h.form()
	f.Get("开始方式").(*widgets.RadioGroup).SetSelected(startSample)
	h.u.shortcutSave()
	<-reached
	h.capture("sample-progress")
	if !h.shows("第2步，共6步：正在生成收文登记簿") || progressBar(h) == nil {
		t.Error("the dialog does not say what is being loaded")
	}
	close(release)
	h.u.Wait()
	if progressBar(h) != nil {
		t.Error("the progress dialog stayed after loading")
	}
	if h.u.desk.Settings().OrgName != "示例区人民政府办公室" {
		t.Error("the office was not loaded")
	}
	h.u.Wait()
	if backups != 1 {
		t.Errorf("the sample office was backed up %d times, want once", backups)
	}
}

// welcomeEmpty fills the welcome dialog for an empty office and goes on.
func welcomeEmpty(h *harness) {
	h.typeIn("单位名称", "测试区人民政府办公室")
	h.typeIn("区名", "测试区")
	h.typeIn("发文代字", "测府办发")
	h.typeIn("操作员", "张文书")
	h.save()
}

func wantStep(h *harness, n int) *widgets.Form {
	h.t.Helper()
	f := h.form()
	if !strings.Contains(f.Title, fmt.Sprintf("第%d步", n)) {
		h.t.Fatalf("the dialog on top is %q, want step %d", f.Title, n)
	}
	return f
}

// 从空白开始 goes on to the leaders, the seals and the 全宗号; what is
// filled in lands in the settings.
func TestGuidedSetup(t *testing.T) {
	h := openHarness(t, func(*app.Desk) {})
	h.capture("setup-1-welcome")
	welcomeEmpty(h)

	f := wantStep(h, 2)
	h.capture("setup-2-leaders")
	rows := f.Get("领导").(*widgets.RowEditor).Rows()
	rows[0][0].(*widgets.Entry).SetText("王区长")
	rows[2][0].(*widgets.Entry).SetText("李副区长")
	rows[2][2].(*widgets.Entry).SetText("财政、税务")
	rows[3][0].(*widgets.Entry).SetText("陈主任")
	h.save()

	f = wantStep(h, 3)
	h.capture("setup-3-seals")
	rows = f.Get("印章").(*widgets.RowEditor).Rows()
	if got := rows[0][0].(*widgets.Entry).Text; got != "测试区人民政府" {
		t.Errorf("the government's seal is offered as %q", got)
	}
	if got := rows[0][3].(*widget.Label).Text; got != "副区长审核 → 区长审签" {
		t.Errorf("the chain shown for the government's seal: %q", got)
	}
	rows[1][2].(*widgets.Entry).SetText("孙保管")
	h.save()

	wantStep(h, 4)
	h.capture("setup-4-fonds")
	h.typeIn("全宗号", "Z109")
	h.typeIn("机构（问题）代码", "BGS")
	h.save()
	if top := h.u.forms.Top(); top != nil {
		t.Fatalf("a dialog is still open after the last step: %q", top.Title)
	}

	st := h.u.desk.Settings()
	if st.OrgName != "测试区人民政府办公室" || st.FondsCode != "Z109" || st.OrgCode != "BGS" {
		t.Errorf("settings: %+v", st)
	}
	leaders, _ := h.store.Leaders(h.u.ctx)
	var got []string
	for _, l := range app.LeadersInOrder(leaders) {
		got = append(got, fmt.Sprintf("%d.%s %s %s", l.Order, l.Name, l.Role, l.Portfolio))
	}
	if want := []string{"1.王区长 区长 ", "2.李副区长 副区长 财政、税务", "3.陈主任 主任 "}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("leaders %q, want %q", got, want)
	}
	seals, _ := h.store.Seals(h.u.ctx)
	if len(seals) != 2 || seals[1].Keeper != "孙保管" && seals[0].Keeper != "孙保管" {
		t.Errorf("seals: %+v", seals)
	}
}

// Every step of the guided setup can be skipped.
func TestGuidedSetupSkipsEveryStep(t *testing.T) {
	h := openHarness(t, func(*app.Desk) {})
	backups := 0
	h.u.env.AutoBackup = func(context.Context) (string, error) { backups++; return "", nil }
	welcomeEmpty(h)
	for step := 2; step <= 4; step++ {
		wantStep(h, step)
		test.Tap(h.button("跳过这一步"))
	}
	if top := h.u.forms.Top(); top != nil {
		t.Fatalf("a dialog is still open: %q", top.Title)
	}
	leaders, _ := h.store.Leaders(h.u.ctx)
	seals, _ := h.store.Seals(h.u.ctx)
	if st := h.u.desk.Settings(); st.OrgName != "测试区人民政府办公室" || st.FondsCode != "" || len(leaders) != 0 || len(seals) != 0 {
		t.Errorf("skipped steps saved something: %+v, %d leaders, %d seals", st, len(leaders), len(seals))
	}
	h.u.Wait()
	if backups != 1 {
		t.Errorf("the new office was backed up %d times on its first day, want once", backups)
	}
}

// issuedDocument is an outgoing document ready to be filed.
func issuedDocument(h *harness) app.Document {
	h.t.Helper()
	k, ctx, today := h.u.desk, h.u.ctx, h.u.desk.Today()
	d := &app.Document{Direction: app.Outgoing, Title: "关于调整区政府工作部门联系人的通知", IssuingCode: "测府办发", Drafter: "刘秘书", DraftUnit: "区政府办公室", DraftedOn: today, Disclosure: app.DiscloseActively}
	step := func(_ *app.Document, err error) {
		h.t.Helper()
		if err != nil {
			h.t.Fatal(err)
		}
	}
	if err := k.DraftOutgoing(ctx, d); err != nil {
		h.t.Fatal(err)
	}
	step(k.CheckDraft(ctx, d.ID))
	step(k.ReviewDraft(ctx, d.ID, "赵副主任", "", today))
	step(k.ReviewDraft(ctx, d.ID, "陈主任", "", today))
	step(k.Sign(ctx, d.ID, "陈主任", today))
	step(k.Issue(ctx, d.ID, today, 30))
	return *d
}

// 归档 without a 全宗号 offers to fill it in over the 归档 dialog, then files
// the document with what was chosen there.
func TestArchiveAddsTheMissingFondsOnTheSpot(t *testing.T) {
	h := newHarness(t, false)
	st := h.u.desk.Settings()
	st.FondsCode = ""
	if err := h.u.desk.SaveSettings(h.u.ctx, st); err != nil {
		t.Fatal(err)
	}
	d := issuedDocument(h)
	h.u.show(ScreenOutgoing)
	h.u.outgoing.open(d.ID)
	tapAction(h, h.u.outgoing.book, "归档")
	archive := h.form()
	archive.Get("保管期限").(*widgets.Select).SetSelected(app.RetainForever.Label())
	h.u.shortcutSave()
	if !strings.Contains(archive.ErrorText(), "全宗号") || !archive.Visible() {
		t.Fatalf("归档 without a 全宗号: %q", archive.ErrorText())
	}
	if h.form() == archive {
		t.Fatal("no dialog offers to fill in the 全宗号")
	}
	h.capture("missing-fonds")
	h.typeIn("全宗号", "Z200")
	h.save() // the 全宗号 dialog, then the 归档 again
	if archive.Visible() {
		t.Fatalf("the 归档 dialog stayed open: %q", archive.ErrorText())
	}
	if got := h.u.outgoing.sel.Archive.Number(); got != "Z200-WS·2026-Y-BGS-0001" {
		t.Errorf("filed as %q", got)
	}
}

// A 批示 by a leader not on the list offers to add him; the 批示 is then
// saved with what was typed.
func TestInstructionAddsTheMissingLeaderOnTheSpot(t *testing.T) {
	h := newHarness(t, false)
	d := &app.Document{Title: "关于做好森林防火工作的通知", FromUnit: "市人民政府办公室", ReceivedOn: h.u.desk.Today()}
	if err := h.u.desk.RegisterIncoming(h.u.ctx, d, false); err != nil {
		t.Fatal(err)
	}
	if _, err := h.u.desk.Propose(h.u.ctx, d.ID, "拟请王区长阅示，由区财政局办理"); err != nil {
		t.Fatal(err)
	}
	h.u.show(ScreenIncoming)
	h.u.incoming.open(d.ID)
	tapAction(h, h.u.incoming.book, "批示")
	instruct := h.form()
	h.typeIn("批示领导", "孙副区长")
	h.typeIn("批示内容", "请财政局抓紧落实。")
	h.u.shortcutSave()
	if msg := instruct.ErrorText(); !strings.Contains(msg, "王区长（区长）、李副区长（副区长）") {
		t.Fatalf("the refusal does not list the leaders: %q", msg)
	}
	add := h.form()
	if add == instruct || add.Get("姓名").(*widgets.Entry).Text != "孙副区长" {
		t.Fatal("no dialog offers to add 孙副区长")
	}
	h.capture("missing-leader")
	h.save()
	if instruct.Visible() {
		t.Fatalf("the 批示 dialog stayed open: %q", instruct.ErrorText())
	}
	got := h.u.incoming.sel.Instructions
	if len(got) != 1 || got[0].Leader != "孙副区长" || got[0].Text != "请财政局抓紧落实。" || got[0].Role != app.RoleViceMayor {
		t.Errorf("instructions: %+v", got)
	}
}

// proposedDocument is an incoming document awaiting a 批示, shown.
func proposedDocument(h *harness) {
	h.t.Helper()
	d := &app.Document{Title: "关于做好森林防火工作的通知", FromUnit: "市人民政府办公室", ReceivedOn: h.u.desk.Today()}
	if err := h.u.desk.RegisterIncoming(h.u.ctx, d, false); err != nil {
		h.t.Fatal(err)
	}
	if _, err := h.u.desk.Propose(h.u.ctx, d.ID, "拟请王区长阅示，由区财政局办理"); err != nil {
		h.t.Fatal(err)
	}
	h.u.show(ScreenIncoming)
	h.u.incoming.open(d.ID)
}

// A leader field is a pick list: every leader in the office's order, the
// ones matching what is typed, and an offer to add a name not on the list.
func TestLeaderFieldIsAPickList(t *testing.T) {
	h := newHarness(t, false)
	proposedDocument(h)
	tapAction(h, h.u.incoming.book, "批示")
	instruct := h.form()
	h.typeIn("批示内容", "请财政局抓紧落实。")
	field := instruct.Get("批示领导").(*widgets.NameField)
	test.Tap(field.ActionItem.(*widgets.Button))
	if got := field.Matches(); fmt.Sprint(got) != "[王区长 李副区长 陈主任 赵副主任]" {
		t.Errorf("the list shows %v, want every leader in the office's order", got)
	}
	h.capture("picklist-all")
	field.HideSuggestions()
	test.Type(field, "区长")
	if got := field.Matches(); fmt.Sprint(got) != "[王区长 李副区长]" || !field.AddOffered() {
		t.Errorf("typing 区长 offers %v (add offered: %v)", got, field.AddOffered())
	}
	field.Pick(1)
	if field.Text != "李副区长" || field.AddOffered() {
		t.Errorf("picked %q", field.Text)
	}
	field.SetText("")
	test.Type(field, "孙副区长")
	if len(field.Matches()) != 0 || !field.AddOffered() {
		t.Fatalf("a new name is not offered to add: %v", field.Matches())
	}
	h.capture("picklist-add")
	field.Pick(0) // the offer to add, under no matches
	add := h.form()
	if add == instruct || add.Get("姓名").(*widgets.Entry).Text != "孙副区长" {
		t.Fatal("no dialog to add 孙副区长 to the list")
	}
	h.save()
	if h.form() != instruct || field.Text != "孙副区长" || instruct.Get("批示内容").(*widgets.Entry).Text != "请财政局抓紧落实。" {
		t.Fatalf("back in the 批示 dialog: %q, %q", field.Text, instruct.Get("批示内容").(*widgets.Entry).Text)
	}
	if !slicesContains(h.u.leaderNames(), "孙副区长") {
		t.Error("孙副区长 is not on the list")
	}
	h.save()
	if got := h.u.incoming.sel.Instructions; len(got) != 1 || got[0].Leader != "孙副区长" {
		t.Errorf("instructions %+v", got)
	}
}

func slicesContains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// A 用印申请 in an office with no seal yet offers to add one; the request
// is then saved with what was typed.
func TestSealRequestAddsTheMissingSealOnTheSpot(t *testing.T) {
	h := newHarness(t, false)
	for _, s := range h.u.sealList() {
		if err := h.u.desk.DeleteSeal(h.u.ctx, s.ID); err != nil {
			t.Fatal(err)
		}
	}
	h.u.loadRef()
	h.u.show(ScreenSeals)
	h.u.shortcutNew()
	request := h.form()
	h.typeIn("用印单位", "区司法局")
	h.typeIn("联系人", "周敏")
	h.typeIn("用印事由", "报送年度法治政府建设情况报告")
	h.typeIn("文件名称", "年度法治政府建设情况报告")
	h.u.shortcutSave()
	if !strings.Contains(request.ErrorText(), "还没有登记本单位的印章") {
		t.Fatalf("saved without a seal: %q", request.ErrorText())
	}
	if h.form() == request {
		t.Fatal("no dialog offers to add a seal")
	}
	h.typeIn("印章名称", "测试区人民政府办公室印章")
	h.typeIn("保管人", "孙保管")
	h.save()
	if request.Visible() {
		t.Fatalf("the request stayed open: %q", request.ErrorText())
	}
	rs, _, _ := h.store.SealRequests(h.u.ctx, app.SealFilter{})
	if len(rs) != 1 || rs[0].SealName != "测试区人民政府办公室印章" || rs[0].Reason != "报送年度法治政府建设情况报告" {
		t.Errorf("requests: %+v", rs)
	}
}

// A 审核 by a name not on the list offers to add the leader with the post
// the step needs, then records the 审核.
func TestReviewAddsTheMissingLeaderWithThePost(t *testing.T) {
	h := newHarness(t, false)
	k, ctx := h.u.desk, h.u.ctx
	d := &app.Document{Direction: app.Outgoing, Title: "关于调整区政府工作部门联系人的通知", IssuingCode: "测府办发", Drafter: "刘秘书", DraftUnit: "区政府办公室", DraftedOn: k.Today()}
	if err := k.DraftOutgoing(ctx, d); err != nil {
		t.Fatal(err)
	}
	if _, err := k.CheckDraft(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	h.u.show(ScreenOutgoing)
	h.u.outgoing.open(d.ID)
	tapAction(h, h.u.outgoing.book, "审核")
	review := h.form()
	h.typeIn("审核人", "周副主任")
	h.u.shortcutSave()
	add := h.form()
	if add == review || add.Get("职务").(*widgets.Select).Selected != string(app.RoleDeputyDirector) {
		t.Fatal("no dialog offers to add 周副主任 as a 副主任")
	}
	h.save()
	if review.Visible() {
		t.Fatalf("the 审核 dialog stayed open: %q", review.ErrorText())
	}
	if got := h.u.outgoing.sel.Reviews; len(got) != 1 || got[0].Leader != "周副主任" || got[0].Role != app.RoleDeputyDirector {
		t.Errorf("reviews %+v", got)
	}
}
