package app_test

import (
	"strings"
	"testing"
	"time"

	"gongwen/app"
)

// draftThrough opens a 区政府 draft (西府发) and takes it through 核稿 and the
// reviews named, in order, on 2026-01-05.
func draftThrough(t *testing.T, desk *app.Desk, kind app.SigningKind, reviewers ...string) *app.Document {
	t.Helper()
	doc := &app.Document{Direction: app.Outgoing, Title: "关于做好2026年春节期间安全生产工作的通知", IssuingCode: "西府发",
		DraftUnit: "区应急管理局", Drafter: "陈拟稿", DraftedOn: d("2026-01-05"), SigningKind: kind, Disclosure: app.DiscloseActively}
	must(t, desk.DraftOutgoing(ctx, doc))
	_, err := desk.CheckDraft(ctx, doc.ID)
	must(t, err)
	for _, r := range reviewers {
		doc, err = desk.ReviewDraft(ctx, doc.ID, r, "同意", d("2026-01-05"))
		must(t, err)
	}
	return doc
}

func useRules(t *testing.T, desk *app.Desk, rules app.SigningRules) {
	t.Helper()
	must(t, desk.SaveSigningRules(ctx, rules))
}

func wantRefusal(t *testing.T, err error, says string) {
	t.Helper()
	if err == nil || !strings.Contains(app.ErrorMessage(err), says) {
		t.Fatalf("want a refusal saying %q, got %v", says, err)
	}
}

// Each preset signs the same ordinary 区政府 draft the way its district
// would, through the Desk on a real file: who reviews, who signs, and the
// article the refusal cites.
func TestPresetsSignThroughDesk(t *testing.T) {
	for _, c := range []struct {
		name      string
		rules     app.SigningRules
		reviewers []string
		refused   string // a signer the district refuses …
		says      string // … and the article the refusal cites
		signer    string
	}{
		// 003 第二十六条: 主任 and 分管副区长 review, the 区长 signs.
		{"003", app.Preset003(), []string{"周副主任", "孙主任", "钱副区长"}, "钱副区长", "第二十六条", "王区长"},
		// 004 三十一(三): the 分管副区长 signs an ordinary 区政府 document.
		{"004", app.Preset004(), []string{"孙主任"}, "孙主任", "三十一(三)", "钱副区长"},
		// 002: 分管副主任 → 主任复审 → 分管领导审核, the 区长 signs.
		{"002", app.Preset002(), []string{"周副主任", "孙主任", "钱副区长"}, "赵副区长", "第三篇 十七", "王区长"},
		// 000 二十九: 副主任审核, then 主任 and 副区长审签, the 区长 signs.
		{"000", app.Preset000(), []string{"周副主任", "孙主任", "钱副区长"}, "孙主任", "二十九", "王区长"},
	} {
		t.Run(c.name, func(t *testing.T) {
			desk, s, _ := newDesk(t)
			useRules(t, desk, c.rules)
			doc := draftThrough(t, desk, app.SignOrdinary, c.reviewers...)
			_, err := desk.Sign(ctx, doc.ID, c.refused, d("2026-01-06"))
			wantRefusal(t, err, c.says)
			if got, _ := s.Document(ctx, doc.ID); got.DocNo != "" || got.Status != app.StatusReviewed {
				t.Fatalf("a refused 签发 took a number: %q %s", got.DocNo, got.Status)
			}
			signed, err := desk.Sign(ctx, doc.ID, c.signer, d("2026-01-06"))
			must(t, err)
			if signed.DocNo != "西府发〔2026〕1号" || signed.Signer != c.signer || signed.SignerPrinted != c.signer || signed.SignedFor != "" {
				t.Fatalf("signed: %q by %q printed %q for %q", signed.DocNo, signed.Signer, signed.SignerPrinted, signed.SignedFor)
			}
			issued, err := desk.Issue(ctx, doc.ID, d("2026-01-07"), 60)
			must(t, err)
			if issued.Status != app.StatusIssued {
				t.Fatalf("not issued: %s", issued.Status)
			}
		})
	}
	t.Run("003 without the vice-mayor's review", func(t *testing.T) {
		desk, _, _ := newDesk(t)
		doc := draftThrough(t, desk, app.SignOrdinary, "孙主任")
		_, err := desk.Sign(ctx, doc.ID, "王区长", d("2026-01-06"))
		wantRefusal(t, err, "请先由副区长或常务副区长审核")
	})
	t.Run("003 规范性文件 needs only the 主任", func(t *testing.T) {
		desk, s, _ := newDesk(t)
		doc := draftThrough(t, desk, app.SignNormative, "孙主任")
		_, err := desk.Sign(ctx, doc.ID, "王区长", d("2026-01-06"))
		must(t, err)
		got, _ := s.Document(ctx, doc.ID)
		if got.SigningKind != app.SignNormative {
			t.Errorf("kind kept: %q", got.SigningKind)
		}
	})
	t.Run("a review by a post the rules do not name", func(t *testing.T) {
		desk, _, _ := newDesk(t)
		doc := draftThrough(t, desk, app.SignOrdinary)
		_, err := desk.ReviewDraft(ctx, doc.ID, "王区长", "", d("2026-01-05"))
		wantRefusal(t, err, "审核应由副主任、主任、副区长或常务副区长进行，王区长是区长")
	})
}

// A stand-in recorded from an absence signs in its period and not outside
// it; the document keeps the printed "（代）" and whom he stood in for, and
// the history says who stood in for whom.
func TestStandInSigns(t *testing.T) {
	desk, s, _ := newDesk(t)
	away := &app.Absence{Leader: "王区长", Kind: app.AbsenceStudy, From: d("2026-01-06"), To: d("2026-01-08"), Place: "省委党校",
		Contact: "13800000000", StandIn: "赵副区长", Reports: []app.AbsenceReport{{To: "市政府办公室", On: d("2026-01-05")}}}
	warns, err := desk.AbsenceWarnings(ctx, *away)
	must(t, err)
	if len(warns) != 1 || !strings.Contains(warns[0], "尚未记录向区委办公室的报告") {
		t.Fatalf("warnings: %q", warns)
	}
	must(t, desk.SaveAbsence(ctx, away))
	standIns, err := s.StandIns(ctx)
	must(t, err)
	if len(standIns) != 1 || standIns[0].Deputy != "赵副区长" || standIns[0].AbsenceID != away.ID {
		t.Fatalf("stand-in saved with the absence: %+v", standIns)
	}

	doc := draftThrough(t, desk, app.SignOrdinary, "孙主任", "钱副区长")
	_, err = desk.Sign(ctx, doc.ID, "赵副区长", d("2026-01-09"))
	wantRefusal(t, err, "赵副区长代王区长（区长）主持工作的期间是2026-01-06至2026-01-08，2026-01-09不在其内")
	signed, err := desk.Sign(ctx, doc.ID, "赵副区长", d("2026-01-07"))
	must(t, err)
	if signed.SignerPrinted != "赵副区长（代）" || signed.SignedFor != "王区长" || signed.Signer != "赵副区长" {
		t.Fatalf("stand-in signature: %q for %q", signed.SignerPrinted, signed.SignedFor)
	}
	hist, err := s.History(ctx, app.EntityDocument, doc.ID)
	must(t, err)
	last := hist[len(hist)-1]
	if last.Action != "签发" || !strings.HasPrefix(last.Detail, "赵副区长（常务副区长）代王区长（区长）签发（代理期间2026-01-06至2026-01-08）") {
		t.Fatalf("history: %+v", last)
	}

	// the absence shortened: the stand-in follows it in the same save
	away.To = d("2026-01-06")
	must(t, desk.SaveAbsence(ctx, away))
	standIns, _ = s.StandIns(ctx)
	if len(standIns) != 1 || standIns[0].To != d("2026-01-06") {
		t.Fatalf("stand-in after the edit: %+v", standIns)
	}
	must(t, desk.DeleteAbsence(ctx, away.ID))
	if standIns, _ = s.StandIns(ctx); len(standIns) != 0 {
		t.Fatalf("stand-in left after the absence was deleted: %+v", standIns)
	}
}

// The seal 审签 and the minutes' signature accept the stand-in in his
// period and record him; a stand-in the rules do not allow is refused.
func TestStandInSealAndMinutes(t *testing.T) {
	desk, s, now := newDesk(t)
	bad := &app.Absence{Leader: "王区长", From: d("2026-01-05"), To: d("2026-01-20"), Place: "北京", StandIn: "孙主任"}
	wantRefusal(t, desk.SaveAbsence(ctx, bad), "区长外出时应由副区长或常务副区长代理")
	must(t, desk.SaveAbsence(ctx, &app.Absence{Leader: "王区长", From: d("2026-01-05"), To: d("2026-01-20"), Place: "北京", StandIn: "赵副区长"}))

	r := &app.SealRequest{SealName: "区政府印章", Unit: "区财政局", Contact: "李四", Reason: "报送材料", FileName: "关于某事的报告",
		Copies: 2, RequestedOn: desk.Today()}
	must(t, desk.CreateSealRequest(ctx, r))
	_, err := desk.SubmitSeal(ctx, r.ID)
	must(t, err)
	_, err = desk.ApproveSeal(ctx, r.ID, "钱副区长", "同意", d("2026-01-05"))
	must(t, err)
	_, err = desk.ApproveSeal(ctx, r.ID, "孙主任", "同意", d("2026-01-05"))
	wantRefusal(t, err, "应由区长办理")
	approved, err := desk.ApproveSeal(ctx, r.ID, "赵副区长", "同意", d("2026-01-06"))
	must(t, err)
	last := approved.Approvals[1]
	if approved.Status != app.SealApproved || last.Approver != "赵副区长" || last.Role != app.RoleMayor || last.For != "王区长" || last.Printed != "赵副区长（代）" {
		t.Fatalf("审签 by the stand-in: %+v", last)
	}
	hist, _ := s.History(ctx, app.EntitySeal, r.ID)
	if !strings.HasPrefix(hist[len(hist)-1].Detail, "赵副区长（常务副区长）代王区长（区长）审签") {
		t.Errorf("seal history: %+v", hist[len(hist)-1])
	}

	m := &app.Meeting{Kind: app.MeetingExecutive, Term: "十八届政府", Seq: 5, Date: d("2026-01-16"), Chair: "赵副区长", Place: "第一会议室"}
	_, err = desk.SaveMeeting(ctx, m)
	must(t, err)
	*now = time.Date(2026, 1, 21, 9, 0, 0, 0, time.Local)
	_, err = desk.IssueMinutes(ctx, m.ID, "会议研究了春节安全生产工作。", "赵副区长", d("2026-01-21"))
	wantRefusal(t, err, "期间是2026-01-05至2026-01-20，2026-01-21不在其内")
	_, err = desk.IssueMinutes(ctx, m.ID, "会议研究了春节安全生产工作。", "钱副区长", d("2026-01-19"))
	wantRefusal(t, err, "区政府常务会议的纪要应由区长签发，钱副区长是副区长（《南通市海门区人民政府工作规则》第十九条）")
	issued, err := desk.IssueMinutes(ctx, m.ID, "会议研究了春节安全生产工作。", "赵副区长", d("2026-01-19"))
	must(t, err)
	if issued.Minutes.SignerPrinted != "赵副区长（代）" || issued.Minutes.SignedFor != "王区长" || issued.Minutes.NumberText() != "〔2026〕1号" {
		t.Fatalf("minutes: %+v", issued.Minutes)
	}
}

// An office under 004's rules: an absence of a vice-mayor while the
// 副主任 linked to him is away too is warned about, not refused; the
// 工作台's week lists who is away.
func TestAbsenceWarningsAndWeek(t *testing.T) {
	desk, _, _ := newDesk(t)
	useRules(t, desk, app.Preset004())
	must(t, desk.SaveAbsence(ctx, &app.Absence{Leader: "周副主任", Kind: app.AbsenceLeave, From: d("2026-01-07"), To: d("2026-01-09"), Place: "老家"}))
	vice := app.Absence{Leader: "钱副区长", From: d("2026-01-08"), To: d("2026-01-12"), Place: "上海", StandIn: "赵副区长",
		Reports: []app.AbsenceReport{{To: "区长", On: d("2026-01-06")}}}
	warns, err := desk.AbsenceWarnings(ctx, vice)
	must(t, err)
	if len(warns) != 1 || !strings.Contains(warns[0], "副主任周副主任与其联系的副区长钱副区长在2026-01-08至2026-01-09同时外出") {
		t.Fatalf("warnings: %q", warns)
	}
	must(t, desk.SaveAbsence(ctx, &vice))
	away, err := desk.AwayThisWeek(ctx)
	must(t, err)
	if len(away) != 2 || away[0].Leader != "钱副区长" || away[1].Leader != "周副主任" {
		t.Fatalf("away this week: %+v", away)
	}
}
