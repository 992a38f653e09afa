package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// An office that adopts 004's rules in 设置—签发规则 takes a 区政府 draft
// from 拟稿 to 印发 in the window, a 副区长 signing it (004 三十一(三)).
func TestOffice004DraftToIssueInWindow(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	u.show(ScreenSettings)
	u.settings.tabs.SelectIndex(settingsTabSigning)
	p004 := app.Preset004()
	u.settings.signPreset.SetSelected(signingPresetLabel(p004))
	h.tapButton("采用此预设")
	test.Tap(h.button("替换"))
	if got := u.desk.Settings().SigningRules(); got.Name != p004.Name {
		t.Fatalf("rules in force: %q", got.Name)
	}
	if !h.shows("签发：副区长、常务副区长、区长\n依据：《西市区人民政府工作规则》三十一(三)") || !strings.Contains(u.settings.signOther.Full(), "副区长外出时由副区长或常务副区长代理（《西市区人民政府工作规则》五）") {
		t.Error("the table does not show 004's rows with their articles")
	}
	h.capture("signing-004")
	u.settings.signingRowForm(0)
	if got := h.form().Get("签发人").(*widgets.CheckGroup).Selected; !slices.Equal(got, []string{"副区长", "常务副区长", "区长"}) {
		t.Errorf("the row's signers in its form: %v", got)
	}
	h.capture("signing-row-form")
	h.form().Hide()

	// the office lets only the 常务副区长 stand in for the 区长
	h.tapButton("修改代理规则")
	rows := h.form().Get("代理规则").(*widgets.RowEditor).Rows()
	rows[0][1].(*widgets.Entry).SetText("")
	test.Type(rows[0][1].(*widgets.Entry), "常务副区长")
	h.capture("signing-deputies-form")
	h.save()
	if d, _ := u.desk.Settings().SigningRules().Deputy(app.RoleMayor); !slices.Equal(d.By, []app.Role{app.RoleExecutiveVice}) {
		t.Fatalf("the 区长's deputies: %+v", d)
	}
	if err := u.desk.SaveAbsence(u.ctx, &app.Absence{Leader: "王区长", From: u.desk.Today(), To: u.desk.Today(), Place: "市里", StandIn: "李副区长"}); err == nil ||
		!strings.Contains(app.ErrorMessage(err), "区长外出时应由常务副区长代理") {
		t.Fatalf("a 副区长 as the 区长's stand-in: %v", err)
	}

	u.show(ScreenOutgoing)
	u.outgoing.create()
	f := h.form()
	f.Get("发文代字").(*widgets.Select).SetSelected("测府发")
	f.Get("公文类别").(*widgets.Select).SetSelected(string(app.SignOrdinary))
	h.typeIn("文件标题", "关于做好2026年防汛工作的通知")
	h.typeIn("起草单位", "区应急管理局")
	pickDisclosure(h, app.DiscloseActively, "")
	h.save()
	doc := u.outgoing.sel
	if doc == nil || doc.SigningKind != app.SignOrdinary {
		t.Fatalf("draft: %+v", doc)
	}
	tapAction(h, u.outgoing.book, "核稿")
	h.save()
	tapAction(h, u.outgoing.book, "审核")
	h.typeIn("审核人", "陈主任")
	h.save()
	tapAction(h, u.outgoing.book, "签发")
	if !h.shows("三十一(三)") {
		t.Error("the 签发 dialog does not cite the rule")
	}
	h.capture("signing-004-sign")
	h.typeIn("签发人", "陈主任")
	h.saveFails("以区人民政府名义发文应由副区长、常务副区长或区长签发，陈主任是主任（《西市区人民政府工作规则》三十一(三)）")
	h.typeIn("签发人", "李副区长")
	h.save()
	for u.win.Canvas().Overlays().Top() != nil { // the 已签发 message
		u.win.Canvas().Overlays().Top().Hide()
	}
	tapAction(h, u.outgoing.book, "印发")
	h.typeIn("印数", "30")
	h.save()
	got, err := h.store.Document(u.ctx, doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != app.StatusIssued || got.Signer != "李副区长" || got.DocNo != "测府发〔2026〕1号" {
		t.Fatalf("after 印发: %s, signed by %q, %q", got.Status, got.Signer, got.DocNo)
	}
}

// 设置—领导外出 records an absence with its stand-in, warns when a 副主任
// is away with his vice-mayor, and the 工作台 lists who is away this week.
func TestAbsenceRegisterInWindow(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	// 2026-03-10 is a Tuesday: the week runs 3月9日 to 3月15日
	must(u.desk.SaveAbsence(u.ctx, &app.Absence{Leader: "赵副主任", Kind: app.AbsenceLeave, From: app.MustDate("2026-03-11"), To: app.MustDate("2026-03-12"), Place: "老家"}))
	u.show(ScreenSettings)
	u.settings.tabs.SelectIndex(settingsTabAbsences)
	h.tapButton("新增")
	h.typeIn("外出领导", "李副区长")
	h.typeIn("前往地点", "北京")
	h.typeIn("联系办法", "13800000000")
	var dates []*widgets.DateField // 起止日期: two fields on one row
	for _, o := range test.LaidOutObjects(h.u.win.Canvas().Overlays().Top()) {
		if d, ok := o.(*widgets.DateField); ok {
			dates = append(dates, d)
		}
	}
	if len(dates) != 2 {
		t.Fatalf("%d date fields", len(dates))
	}
	to := dates[1]
	to.Entry.SetText("")
	test.Type(to.Entry, "2026-03-13")
	h.typeIn("代理人", "王区长")
	h.saveFails("副区长外出时")
	h.typeIn("代理人", "")
	h.typeIn("报告情况", "区长 2026-03-09")
	h.capture("absence-form")
	h.u.shortcutSave()
	h.u.Wait()
	if !h.shows("副主任赵副主任与其联系的副区长李副区长在2026-03-11至2026-03-12同时外出") {
		t.Fatal("the linked-leaders warning is not shown")
	}
	h.capture("absence-warning")
	for u.win.Canvas().Overlays().Top() != nil {
		u.win.Canvas().Overlays().Top().Hide()
	}
	h.capture("absences")

	away, _ := h.store.Absences(u.ctx)
	if len(away) != 2 {
		t.Fatalf("register: %+v", away)
	}
	u.show(ScreenDashboard)
	lines := u.dashboard.awayLines()
	want := []string{"李副区长（副区长）出差 3月10日—3月13日 北京", "赵副主任（副主任）休假 3月11日—3月12日 老家"}
	if !slices.Equal(lines, want) {
		t.Fatalf("工作台 away lines:\n%q\nwant\n%q", lines, want)
	}
	h.capture("dashboard-away")
	u.win.Resize(fyne.NewSize(1024, 768))
	h.capture("dashboard-away-1024")
	u.show(ScreenSettings)
	u.settings.tabs.SelectIndex(settingsTabSigning)
	h.capture("signing-1024")
}
