package app

import (
	"strings"
	"testing"
)

// reviewedDraft is a 发文 of the office ready to be signed by its 主任.
func reviewedDraft() *Document {
	return &Document{Direction: Outgoing, Status: StatusReviewed, Title: "关于开展2026年安全生产检查的通知", IssuingCode: "示府办发",
		DraftUnit: "综合科", Drafter: "刘文书", DraftedOn: MustDate("2026-03-02"),
		Reviews: []Review{{Leader: "周主任", Role: RoleOfficeDirector, On: MustDate("2026-03-03")}}}
}

var (
	officeCode = IssuingCode{Code: "示府办发", Body: IssuerOffice}
	director   = Leader{Name: "周主任", Role: RoleOfficeDirector}
)

func wantMessage(t *testing.T, err error, code, part, what string) {
	t.Helper()
	wantCode(t, err, code, what)
	if !strings.Contains(ErrorMessage(err), part) {
		t.Fatalf("%s: message %q does not say %q", what, ErrorMessage(err), part)
	}
}

// 000, 001, 003, 004 print the 公开属性 under the title ("（此件主动公开）"):
// it is chosen before 签发, with a reason for 不予公开.
func TestSignNeedsDisclosure(t *testing.T) {
	on := MustDate("2026-03-04")
	d := reviewedDraft()
	wantMessage(t, d.Sign(director, on, officeCode, 1), EINVALID, "公开属性", "签发 without 公开属性")
	if d.Status != StatusReviewed || d.DocNo != "" {
		t.Fatalf("a refused 签发 changed the draft: %s %q", d.Status, d.DocNo)
	}
	d.Disclosure = DiscloseNot
	wantMessage(t, d.Sign(director, on, officeCode, 1), EINVALID, "不予公开的理由", "不予公开 without reason")
	d.DisclosureReason = "涉及内部人事安排"
	if err := d.Sign(director, on, officeCode, 1); err != nil {
		t.Fatalf("不予公开 with reason: %v", err)
	}
	if got := d.DisclosureText(); got != "不予公开（涉及内部人事安排）" {
		t.Errorf("DisclosureText %q", got)
	}

	n := &Document{Direction: Outgoing, Title: "x", IssuingCode: "示府办发", DraftUnit: "综合科", Drafter: "刘", DraftedOn: on,
		Disclosure: DiscloseActively, DisclosureReason: "无关的理由"}
	if err := n.ValidateNew(); err != nil || n.DisclosureReason != "" {
		t.Fatalf("a reason is kept only for 不予公开: %v %q", err, n.DisclosureReason)
	}
	n.Disclosure = "半公开"
	wantCode(t, n.ValidateNew(), EINVALID, "unknown 公开属性")
	for in, want := range map[string]Disclosure{"此件公开发布": DiscloseActively, "依申请公开": DiscloseOnRequest, "不公开": DiscloseNot, "": ""} {
		if got, err := ParseDisclosure(in); err != nil || got != want {
			t.Errorf("ParseDisclosure(%q) = %q, %v", in, got, err)
		}
	}
}

// 003 第二十八条, 004 三十: a 规范性文件 is signed, or put before the 常务会议,
// only after a passed 合法性审查 by the 区司法局.
func TestNormativeNeedsLegalReview(t *testing.T) {
	on := MustDate("2026-03-04")
	d := reviewedDraft()
	d.Disclosure = DiscloseActively
	wantCode(t, d.RecordLegalReview(LegalReview{On: on, Opinion: "合法", Passed: true}), ESTATE, "review of a document not marked 规范性文件")
	d.Normative = true
	wantMessage(t, d.Sign(director, on, officeCode, 1), ESTATE, "第二十八条", "签发 without review")
	wantMessage(t, d.CanPutBeforeMeeting(), ESTATE, "才能提交常务会议讨论", "meeting without review")
	wantCode(t, d.RecordLegalReview(LegalReview{On: MustDate("2026-03-01"), Opinion: "合法", Passed: true}), EINVALID, "review before the draft")
	wantCode(t, d.RecordLegalReview(LegalReview{On: on, Opinion: " "}), EINVALID, "review without opinion")
	if err := d.RecordLegalReview(LegalReview{On: on, Opinion: "第五条超越职权，建议删除", Passed: false}); err != nil {
		t.Fatal(err)
	}
	wantMessage(t, d.Sign(director, on, officeCode, 1), ESTATE, "审查未通过", "签发 after a failed review")
	wantCode(t, d.CanPutBeforeMeeting(), ESTATE, "meeting after a failed review")
	if err := d.RecordLegalReview(LegalReview{On: on, Opinion: "经审查，符合法律法规规定", Passed: true}); err != nil {
		t.Fatal(err)
	}
	if err := d.CanPutBeforeMeeting(); err != nil {
		t.Fatalf("meeting after a passed review: %v", err)
	}
	if err := d.Sign(director, on, officeCode, 1); err != nil {
		t.Fatalf("签发 after a passed review: %v", err)
	}
	wantCode(t, d.RecordLegalReview(LegalReview{On: on, Opinion: "再审", Passed: true}), ESTATE, "review after 签发")
}

// 003 第二十四条, 004 二十七 and 三十, as warnings.
func TestGenreWarnings(t *testing.T) {
	cases := []struct {
		name string
		d    Document
		want string // a part of the warning; "" for none
	}{
		{"one matter", Document{Direction: Incoming, Genre: GenreRequest, Title: "关于申请安排防汛物资资金的请示", SenderSigner: "王局长"}, ""},
		{"two matters", Document{Direction: Incoming, Genre: GenreRequest, Title: "关于申请防汛资金和调整编制的请示", SenderSigner: "王局长"}, "一文一事"},
		{"no signer", Document{Direction: Incoming, Genre: GenreRequest, Title: "关于申请防汛资金的请示"}, "签发人"},
		{"many addressees", Document{Direction: Outgoing, Genre: GenreRequest, Title: "关于申请防汛资金的请示", MainTo: "市财政局、市水利局"}, "主送一个上级机关"},
		{"report asks", Document{Direction: Incoming, Genre: GenreReport, Title: "关于防汛工作情况并申请资金的报告"}, "报告不得夹带请示事项"},
		{"plain report", Document{Direction: Incoming, Genre: GenreReport, Title: "关于2026年防汛工作情况的报告"}, ""},
		{"a notice", Document{Direction: Incoming, Genre: GenreNotice, Title: "关于做好防汛和抗旱工作的通知"}, ""},
	}
	for _, c := range cases {
		ws := strings.Join(c.d.GenreWarnings(), "\n")
		if (c.want == "") != (ws == "") || !strings.Contains(ws, c.want) {
			t.Errorf("%s: warnings %q, want %q", c.name, ws, c.want)
		}
	}
	if g := GenreOfTitle("关于申请防汛资金的请示"); g != GenreRequest {
		t.Errorf("GenreOfTitle = %q", g)
	}
	if g, err := ParseGenre("令"); err != nil || g != "命令（令）" {
		t.Errorf("ParseGenre(令) = %q, %v", g, err)
	}
	if _, err := ParseGenre("便条"); err == nil {
		t.Error("ParseGenre accepted 便条")
	}
	d := newIncoming()
	d.Genre = "便条"
	wantCode(t, d.ValidateNew(), EINVALID, "unknown 文种")
}

// 002 补充规定 一(二)1–5: 退文 for a preset cause, counted by cause.
func TestReturnCauses(t *testing.T) {
	d := newIncoming()
	wantCode(t, d.ReturnToSender("看不顺眼", "x", d.ReceivedOn), EINVALID, "unknown cause")
	if err := d.ReturnToSender(CauseSkipLevel, "", d.ReceivedOn); err != nil || d.ReturnCause != CauseSkipLevel {
		t.Fatalf("a preset cause needs no particulars: %v", err)
	}
	docs := []Document{*d, *d, {Status: StatusReturned}, {Status: StatusDone, ReturnCause: CauseOther}}
	docs[1].ReturnCause = CauseToLeader
	got := CountReturnCauses(docs)
	want := []ReturnCauseCount{{CauseSkipLevel, 1}, {CauseToLeader, 1}, {"", 1}}
	if len(got) != len(want) {
		t.Fatalf("counts %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("counts %v, want %v", got, want)
		}
	}
}

// 004 二十九: a 会签 is due in 7 working days; past due without a reply it
// counts as 无不同意见.
func TestCosign(t *testing.T) {
	cal := NewCalendar(nil, []int{2026})
	d := reviewedDraft()
	sent := MustDate("2026-03-06") // a Friday
	if _, err := d.SendCosign("区财政局", sent, cal); err != nil {
		t.Fatal(err)
	}
	c := d.Cosigns[0]
	if c.DueOn != MustDate("2026-03-17") {
		t.Errorf("due %s, want 7 working days later, 2026-03-17", c.DueOn)
	}
	if _, err := d.SendCosign("区财政局", sent, cal); err == nil {
		t.Error("the same unit asked twice while its reply is pending")
	}
	wantCode(t, d.ReplyCosign("区财政局", " ", sent), EINVALID, "reply without text")
	if c.DeemedAgreed(MustDate("2026-03-17")) || !c.DeemedAgreed(MustDate("2026-03-18")) {
		t.Error("a 会签 counts as agreed only once past its due day")
	}
	if got := c.State(MustDate("2026-03-18")); got != "逾期未回复，视为无不同意见" {
		t.Errorf("state past due %q", got)
	}
	if err := d.ReplyCosign("区财政局", "同意", MustDate("2026-03-09")); err != nil {
		t.Fatal(err)
	}
	if d.Cosigns[0].DeemedAgreed(MustDate("2026-04-01")) || len(d.PendingCosigns()) != 0 {
		t.Error("a replied 会签 is still pending")
	}
	d.Status = StatusSigned
	_, err := d.SendCosign("区住建局", sent, cal)
	wantCode(t, err, ESTATE, "会签 after 签发")
}
