package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// pickDisclosure chooses the 公开属性 in the open 发文 form.
func pickDisclosure(h *harness, d app.Disclosure, reason string) {
	h.t.Helper()
	box := h.form().Get("公开属性").(*fyne.Container)
	box.Objects[0].(*widgets.RadioGroup).SetSelected(string(d))
	box.Objects[1].(*widgets.Entry).SetText(reason)
}

// draftInWindow drafts a 发文 through the form and carries it to 待签发.
func draftInWindow(h *harness, title string, normative bool) app.Document {
	h.t.Helper()
	u := h.u
	u.show(ScreenOutgoing)
	u.shortcutNew()
	h.typeIn("文件标题", title)
	h.typeIn("起草单位", "区政府办公室")
	h.typeIn("拟稿人", "刘秘书")
	if normative {
		h.form().Get("文种").(*fyne.Container).Objects[1].(*widgets.Check).SetChecked(true)
	}
	h.save()
	i, ok := u.outgoing.table.Find(func(d app.Document) bool { return d.Title == title })
	if !ok {
		h.t.Fatal("draft not in the table")
	}
	u.outgoing.table.Select(i)
	tapAction(h, u.outgoing.book, "核稿")
	h.save()
	for _, who := range []string{"赵副主任", "陈主任"} {
		tapAction(h, u.outgoing.book, "审核")
		h.typeIn("审核人", who)
		h.save()
	}
	return *u.outgoing.sel
}

// 签发 is refused in the window until the 公开属性 is chosen, and the
// 文种 is taken from the title.
func TestSignAsksForDisclosure(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	d := draftInWindow(h, "关于调整区政府值班安排的通知", false)
	if d.Genre != app.GenreNotice {
		t.Errorf("文种 %q, want 通知 from the title", d.Genre)
	}
	if !h.shows("未选（签发前须选定）") {
		t.Error("the details do not say the 公开属性 is missing")
	}
	tapAction(h, u.outgoing.book, "签发")
	h.typeIn("签发人", "陈主任")
	h.saveFails("公开属性")
	u.forms.Top().Cancel()
	tapAction(h, u.outgoing.book, "修改")
	pickDisclosure(h, app.DiscloseNot, "")
	h.save()
	tapAction(h, u.outgoing.book, "签发")
	h.typeIn("签发人", "陈主任")
	h.saveFails("不予公开的理由")
	u.forms.Top().Cancel()
	tapAction(h, u.outgoing.book, "修改")
	pickDisclosure(h, app.DiscloseNot, "涉及内部工作安排")
	h.save()
	tapAction(h, u.outgoing.book, "签发")
	h.typeIn("签发人", "陈主任")
	h.save()
	if got := u.outgoing.sel; got.Status != app.StatusSigned || got.DisclosureText() != "不予公开（涉及内部工作安排）" {
		t.Fatalf("signed %s with %q", got.Status, got.DisclosureText())
	}
}

// A 规范性文件 is signed in the window only after a passed 合法性审查.
func TestNormativeReviewInWindow(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	draftInWindow(h, "关于印发《测试区行政执法公示办法》的通知", true)
	tapAction(h, u.outgoing.book, "修改")
	pickDisclosure(h, app.DiscloseActively, "")
	h.save()
	tapAction(h, u.outgoing.book, "签发")
	h.typeIn("签发人", "陈主任")
	h.saveFails("第二十八条")
	u.forms.Top().Cancel()
	tapAction(h, u.outgoing.book, "合法性审查")
	h.form().Get("审查结论").(*widgets.RadioGroup).SetSelected("通过")
	h.typeIn("审查意见", "经审查，符合法律法规规定")
	h.save()
	if !h.shows("区司法局") {
		t.Error("the details do not show the 合法性审查")
	}
	tapAction(h, u.outgoing.book, "签发")
	h.typeIn("签发人", "陈主任")
	h.save()
	if u.outgoing.sel.Status != app.StatusSigned {
		t.Fatalf("status %s after a passed review", u.outgoing.sel.Status)
	}
}

// The 退文 dialog offers the preset causes and counts the year's 退文 by cause.
func TestReturnOffersCauses(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	for i := range 2 {
		d := &app.Document{Title: "关于申请防汛资金的请示" + strings.Repeat("。", i), FromUnit: "区水利局", ReceivedOn: u.desk.Today(), SenderSigner: "吴局长"}
		if err := u.desk.RegisterIncoming(u.ctx, d, false); err != nil {
			t.Fatal(err)
		}
		u.show(ScreenIncoming)
		u.incoming.open(d.ID)
		tapAction(h, u.incoming.book, "退文")
		cause := h.form().Get("退文原因").(*widgets.Select)
		if !strings.HasPrefix(cause.Options[0], "越级请示（") || len(cause.Options) != len(app.ReturnCauses) {
			t.Fatalf("causes offered: %q", cause.Options)
		}
		if i == 1 && !h.shows("已退文：越级请示 1件") {
			t.Error("the 退文 dialog does not count the earlier 退文")
		}
		h.save()
		if u.incoming.sel.ReturnCause != app.CauseSkipLevel {
			t.Fatalf("cause %q", u.incoming.sel.ReturnCause)
		}
	}
}

// A draft is sent for 会签 and the reply recorded in the window; the details
// list each 会签 with its due day or reply.
func TestCosignInWindow(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	draftInWindow(h, "关于调整区政府值班安排的通知", false)
	if enabled(u.outgoing.book, "会签回复") {
		t.Fatal("会签回复 enabled with no 会签 sent")
	}
	tapAction(h, u.outgoing.book, "送会签")
	h.typeIn("会签单位或领导", "区财政局")
	h.save()
	c := u.outgoing.sel.Cosigns
	if len(c) != 1 || c[0].DueOn.IsZero() || !h.shows("待回复，"+c[0].DueOn.String()+"前") {
		t.Fatalf("会签 sent: %+v", c)
	}
	tapAction(h, u.outgoing.book, "会签回复")
	h.typeIn("会签意见", "同意")
	h.save()
	if !h.shows("已回复：同意") || enabled(u.outgoing.book, "会签回复") {
		t.Fatal("the reply is not shown, or 会签回复 still enabled")
	}
}
