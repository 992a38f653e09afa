package app

import (
	"strings"
	"testing"
)

// stepCase is one workflow step checked in one state: want is a part of
// the reason it is not allowed, "" when it is allowed.
type stepCase struct {
	name string
	can  func() error
	want string
}

func checkSteps(t *testing.T, cases []stepCase) {
	t.Helper()
	for _, c := range cases {
		err := c.can()
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: refused with %q, want allowed", c.name, ErrorMessage(err))
		case c.want != "" && err == nil:
			t.Errorf("%s: allowed, want refused with %q", c.name, c.want)
		case c.want != "" && !strings.Contains(ErrorMessage(err), c.want):
			t.Errorf("%s: reason %q, want it to contain %q", c.name, ErrorMessage(err), c.want)
		case c.want != "" && !hasHan(ErrorMessage(err)):
			t.Errorf("%s: reason %q is not in Chinese", c.name, ErrorMessage(err))
		}
	}
}

func TestIncomingStepReasons(t *testing.T) {
	registered := newIncoming()
	proposed := newIncoming()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(proposed.Propose("拟呈王区长阅示，请区财政局办理。", "张文书", MustDate("2026-11-03")))
	held := newIncoming() // done, but a reader still has it
	must(held.Propose("拟呈王区长阅示，请区财政局办理。", "张文书", MustDate("2026-11-03")))
	must(held.Assign("区财政局", nil, 5, MustDate("2026-11-03"), MustDate("2026-11-10"), false))
	must(held.Circulate([]string{"王区长", "李副区长"}, MustDate("2026-11-04")))
	must(held.ReturnCirculation(1, MustDate("2026-11-05"), ""))
	must(held.Complete("已办理。", MustDate("2026-11-06")))
	reading := newIncoming()
	reading.Kind = KindReading
	must(reading.Propose("拟呈王区长阅知。", "张文书", MustDate("2026-11-03")))
	archived := newIncoming()
	archived.Status = StatusArchived

	checkSteps(t, []stepCase{
		{"拟办 registered", registered.CanPropose, ""},
		{"拟办 done", held.CanPropose, "只有待拟办、待批示的公文可以拟办"},
		{"批示 registered", registered.CanInstruct, "请先填写拟办意见，再登记领导批示"},
		{"批示 proposed", proposed.CanInstruct, ""},
		{"批示 done", held.CanInstruct, "不能登记批示"},
		{"承办 registered", registered.CanAssign, "请先填写拟办意见，再交办承办单位"},
		{"承办 done", held.CanAssign, "不能交办承办"},
		{"传阅 registered", registered.CanCirculate, "请先填写拟办意见，再送领导传阅"},
		{"传阅 done", held.CanCirculate, ""},
		{"传阅 archived", archived.CanCirculate, "不能传阅"},
		{"传阅退回 none sent", proposed.CanReturnCirculation, "还没有送阅"},
		{"传阅退回 one out", held.CanReturnCirculation, ""},
		{"打印传阅单 none sent", proposed.CanPrintCirculation, "没有传阅单可打印"},
		{"打印传阅单", held.CanPrintCirculation, ""},
		{"催办 proposed", proposed.CanRemind, "只有承办中的公文可以催办"},
		{"办结 办件 proposed", proposed.CanComplete, "只有承办中的公文可以办结"},
		{"办结 阅件 proposed", reading.CanComplete, ""},
		{"归档 proposed", proposed.CanArchive, "只有已办结的公文可以归档"},
		{"归档 reader holds it", held.CanArchive, "还有1位传阅人（李副区长等）未退回文件，不能归档"},
		{"转督办 no 批示", proposed.CanMakeItem, "还没有领导批示"},
		{"退文 registered", registered.CanReturnToSender, ""},
		{"退文 done", held.CanReturnToSender, "不能退文"},
		{"转办 done", held.CanTransfer, "不能转办"},
		{"修改 archived", archived.CanEdit, "已归档的公文不能修改"},
		{"修改 done", held.CanEdit, ""},
	})

	must(held.ReturnCirculation(2, MustDate("2026-11-06"), ""))
	checkSteps(t, []stepCase{
		{"归档 all back", held.CanArchive, ""},
		{"传阅退回 all back", held.CanReturnCirculation, "传阅人都已退回文件"},
	})
	must(proposed.Instruct(Instruction{Leader: "王区长", Text: "同意。", On: MustDate("2026-11-04")}))
	checkSteps(t, []stepCase{{"转督办 no lead unit", proposed.CanMakeItem, "请先交办承办单位"}})

	// the step itself gives the same reason as its button
	if err := held.Propose("拟呈王区长阅示，请区财政局办理。", "张文书", MustDate("2026-11-07")); ErrorMessage(err) != ErrorMessage(held.CanPropose()) {
		t.Fatalf("Propose refused with %v, CanPropose says %v", err, held.CanPropose())
	}
}

func TestOutgoingStepReasons(t *testing.T) {
	d := &Document{Direction: Outgoing, Title: "关于印发工作要点的通知", IssuingCode: "示府办发", DraftUnit: "综合科",
		Drafter: "张文书", DraftedOn: MustDate("2026-11-02")}
	if err := d.ValidateNew(); err != nil {
		t.Fatal(err)
	}
	checkSteps(t, []stepCase{
		{"核稿 drafted", d.CanCheckDraft, ""},
		{"审核 drafted", d.CanReview, "请先核稿"},
		{"签发 drafted", d.CanSign, "请先核稿并由办公室主任审核"},
		{"印发 drafted", d.CanIssue, "公文尚未签发"},
		{"归档 drafted", d.CanArchive, "只有已印发的公文可以归档"},
		{"传阅 outgoing", d.CanCirculate, "只有收文可以传阅"},
		{"修改 drafted", d.CanEdit, ""},
	})
	if err := d.CheckDraft("刘秘书", MustDate("2026-11-03")); err != nil {
		t.Fatal(err)
	}
	checkSteps(t, []stepCase{
		{"核稿 checked", d.CanCheckDraft, "只有待核稿的公文可以核稿"},
		{"审核 checked", d.CanReview, ""},
		{"签发 checked", d.CanSign, "请先由办公室主任审核，再签发"},
	})
	d.Status = StatusIssued
	checkSteps(t, []stepCase{
		{"审核 issued", d.CanReview, "不能审核"},
		{"签发 issued", d.CanSign, "不能签发"},
		{"印发 issued", d.CanIssue, "不能印发"},
		{"归档 issued", d.CanArchive, ""},
	})
}

func TestSealStepReasons(t *testing.T) {
	draft := newSealRequest()
	submitted := newSealRequest()
	if err := submitted.Submit(Seal{Name: "示例区人民政府", Kind: SealGovernment}); err != nil {
		t.Fatal(err)
	}
	used := newSealRequest()
	used.Status, used.UsedOn = SealUsed, MustDate("2026-11-05")
	checkSteps(t, []stepCase{
		{"修改 draft", draft.CanEdit, ""},
		{"修改 submitted", submitted.CanEdit, "已提交的用印申请不能修改，请撤回后重新申请"},
		{"提交 submitted", submitted.CanSubmit, "不能提交"},
		{"审批 draft", draft.CanApprove, "尚未提交审批"},
		{"审批 submitted", submitted.CanApprove, ""},
		{"审批 used", used.CanApprove, "不能审批"},
		{"退回 draft", draft.CanReject, "尚未提交审批"},
		{"退回 used", used.CanReject, "不能退回"},
		{"撤回 used", used.CanWithdraw, "不能撤回"},
		{"撤回 submitted", submitted.CanWithdraw, ""},
		{"用印 submitted", submitted.CanUse, "尚未审批完毕，不能用印"},
		{"用印 used", used.CanUse, "一次审批只能用印一次"},
	})
}

func TestItemStepReasons(t *testing.T) {
	open := newItem()
	staged := newItem()
	staged.Stages = []Stage{{Name: "方案", Deadline: MustDate("2026-10-30")}}
	done := newItem()
	if err := done.Complete("已完成改造。", MustDate("2026-11-20")); err != nil {
		t.Fatal(err)
	}
	checkSteps(t, []stepCase{
		{"进展 open", open.CanAddProgress, ""},
		{"进展 done", done.CanAddProgress, "已办结销号，不再登记进展"},
		{"阶段 no stages", open.CanCompleteStage, "没有分阶段时限"},
		{"阶段 one open", staged.CanCompleteStage, ""},
		{"阶段 done", done.CanCompleteStage, "已办结销号"},
		{"办结 done", done.CanComplete, "已办结"},
		{"回访 open", open.CanVisit, "回访只能在办结之后进行"},
		{"回访 done", done.CanVisit, ""},
		{"满意度 key task", done.CanRecordSatisfaction, "只有人大代表建议和政协委员提案需要登记满意度"},
		{"修改 done", done.CanEdit, "不能修改"},
		{"来源 none", open.CanOpenSource, "没有来源记录"},
	})
	if err := staged.CompleteStage(0, MustDate("2026-10-29")); err != nil {
		t.Fatal(err)
	}
	checkSteps(t, []stepCase{{"阶段 all done", staged.CanCompleteStage, "各阶段都已完成"}})
	if err := done.AddProgress(Progress{On: MustDate("2026-11-21"), Text: "补充材料"}); ErrorCode(err) != ESTATE {
		t.Fatalf("progress on a closed item: %v", err)
	}
	proposal := newItem()
	proposal.SourceType = SourceCPPCC
	checkSteps(t, []stepCase{{"满意度 proposal open", proposal.CanRecordSatisfaction, "答复办结后才能登记满意度"}})
}

func TestMeetingStepReasons(t *testing.T) {
	m := &Meeting{Kind: MeetingExecutive, Seq: 15, Date: MustDate("2026-03-12"), Chair: "王区长"}
	checkSteps(t, []stepCase{
		{"转督办 no decisions", m.CanMakeItem, "没有登记议定事项"},
		{"打印纪要 no body", m.CanPrintMinutes, "还没有纪要正文"},
		{"印发纪要 before the meeting", func() error { return m.CanIssueMinutes(MustDate("2026-03-11")) }, "会议召开后才能印发纪要"},
		{"印发纪要 on the day", func() error { return m.CanIssueMinutes(MustDate("2026-03-12")) }, ""},
	})
	m.Minutes.Body = "一、会议议定事项"
	checkSteps(t, []stepCase{{"打印纪要 draft (送审稿)", m.CanPrintMinutes, ""}})
	m.Decisions = []Decision{{Seq: 1, Content: "推进改造", ItemID: 7}}
	m.Minutes.Number = 3
	checkSteps(t, []stepCase{
		{"转督办 all made", m.CanMakeItem, "议定事项都已转为督办事项"},
		{"打印纪要", m.CanPrintMinutes, ""},
	})
	m.Decisions = append(m.Decisions, Decision{Seq: 2, Content: "开展检查"})
	checkSteps(t, []stepCase{{"转督办 one open", m.CanMakeItem, ""}})
}

func TestMeetingSequenceWarning(t *testing.T) {
	others := []Meeting{
		{ID: 1, Kind: MeetingExecutive, Term: "十八届政府", Seq: 15, Date: MustDate("2026-03-12")},
		{ID: 2, Kind: MeetingExecutive, Term: "十八届政府", Seq: 17, Date: MustDate("2026-04-09")},
		{ID: 3, Kind: MeetingMayor, Term: "十八届政府", Seq: 20, Date: MustDate("2026-01-05")},     // another kind
		{ID: 4, Kind: MeetingExecutive, Term: "十七届政府", Seq: 30, Date: MustDate("2026-01-05")}, // another term
	}
	m := Meeting{Kind: MeetingExecutive, Term: "十八届政府", Seq: 16, Date: MustDate("2026-03-26")}
	if err := m.SequenceWarning(others); err != nil {
		t.Fatalf("16 between 15 and 17: %v", err)
	}
	m.Date = MustDate("2026-03-05")
	warn := m.SequenceWarning(others)
	if warn == nil || warn.Code != WSEQUENCE {
		t.Fatalf("16 before 15: %v, want a sequence warning", warn)
	}
	if msg := warn.String(); !strings.Contains(msg, "十八届政府第16次常务会议（2026-03-05）早于十八届政府第15次常务会议（2026-03-12）") {
		t.Fatalf("warning: %s", msg)
	}
	m.Date = MustDate("2026-04-20")
	if msg := m.SequenceWarning(others).String(); !strings.Contains(msg, "晚于十八届政府第17次常务会议（2026-04-09）") {
		t.Fatalf("16 after 17: %s", msg)
	}
	// editing meeting 15 itself is not compared with its stored self
	m15 := others[0]
	m15.Date = MustDate("2026-03-13")
	if err := m15.SequenceWarning(others); err != nil {
		t.Fatalf("meeting compared with itself: %v", err)
	}
	unnumbered := Meeting{Kind: MeetingExecutive, Term: "十八届政府", Date: MustDate("2026-01-01")}
	if err := unnumbered.SequenceWarning(others); err != nil {
		t.Fatalf("unnumbered meeting: %v", err)
	}
}
