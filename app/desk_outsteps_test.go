package app_test

import (
	"strings"
	"testing"

	"gongwen/app"
)

// A 规范性文件 is signed only after its 合法性审查 is recorded and passed
// (003 第二十八条), through the store; the refused 签发 takes no number.
func TestDeskNormativeSigning(t *testing.T) {
	desk, _, _ := newDesk(t)
	ok := mustDoc(t)
	d := &app.Document{Title: "关于印发《示例区行政执法公示办法》的通知", IssuingCode: "西府办发", DraftUnit: "区司法局", Drafter: "陈拟稿",
		DraftedOn: desk.Today(), Disclosure: app.DiscloseActively, Normative: true}
	must(t, desk.DraftOutgoing(ctx, d))
	ok(desk.CheckDraft(ctx, d.ID))
	ok(desk.ReviewDraft(ctx, d.ID, "孙主任", "可发", desk.Today()))
	_, err := desk.Sign(ctx, d.ID, "孙主任", desk.Today())
	if wantCode(t, err, app.ESTATE); !strings.Contains(app.ErrorMessage(err), "第二十八条") {
		t.Errorf("message %q cites no article", app.ErrorMessage(err))
	}
	ok(desk.RecordLegalReview(ctx, d.ID, desk.Today(), "第三条与上位法不一致", false))
	_, err = desk.Sign(ctx, d.ID, "孙主任", desk.Today())
	wantCode(t, err, app.ESTATE)
	ok(desk.RecordLegalReview(ctx, d.ID, desk.Today(), "经审查，符合法律法规规定", true))
	signed := ok(desk.Sign(ctx, d.ID, "孙主任", desk.Today()))
	if !strings.HasSuffix(signed.DocNo, "1号") || !signed.LegalReview.Passed {
		t.Errorf("signed %s, review %+v: the refused 签发 took a number or the review was lost", signed.DocNo, signed.LegalReview)
	}
}

// 退文 are counted by their preset cause over the year.
func TestDeskReturnCauseCounts(t *testing.T) {
	desk, _, _ := newDesk(t)
	ok := mustDoc(t)
	for i, cause := range []app.ReturnCause{app.CauseSkipLevel, app.CauseToLeader, app.CauseSkipLevel} {
		d := &app.Document{Title: "关于申请资金的请示" + strings.Repeat("。", i), FromUnit: "区水利局", ReceivedOn: desk.Today()}
		must(t, desk.RegisterIncoming(ctx, d, false))
		ok(desk.ReturnToSender(ctx, d.ID, cause, ""))
	}
	got, err := desk.ReturnCauseCounts(ctx, desk.Today().Year)
	must(t, err)
	want := []app.ReturnCauseCount{{Cause: app.CauseSkipLevel, Count: 2}, {Cause: app.CauseToLeader, Count: 1}}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("counts %v, want %v", got, want)
	}
}
