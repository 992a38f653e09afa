package data

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"gongwen/app"
)

var ctx = context.Background()

// newStore opens a fresh database in a folder that does not exist yet.
func newStore(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "数据", "gongwen.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// update runs fn in a transaction and fails the test on error.
func update(t testing.TB, s *Store, fn func(app.Tx) error) {
	t.Helper()
	if err := s.Update(ctx, fn); err != nil {
		t.Fatal(err)
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func mustEqual[T any](t testing.TB, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s:\n got %+v\nwant %+v", what, got, want)
	}
}

func wantCode(t testing.TB, err error, code string) {
	t.Helper()
	if app.ErrorCode(err) != code {
		t.Fatalf("want error %q, got %v (%q)", code, err, app.ErrorCode(err))
	}
}

var (
	created = time.Date(2026, 1, 5, 1, 30, 0, 123456789, time.UTC)
	changed = time.Date(2026, 1, 6, 8, 0, 0, 5, time.UTC)
	d       = app.MustDate
)

// incoming is an incoming document with every field and child list filled.
func incoming() app.Document {
	return app.Document{
		Direction: app.Incoming, Status: app.StatusAssigned, Serial: "2026-0007", Year: 2026,
		DocNo: "市政办发〔2025〕118号", Title: "关于做好2026年春节期间安全生产工作的通知", FromUnit: "市人民政府办公室",
		ReceivedOn: d("2026-01-05"), WrittenOn: d("2025-12-30"), Copies: 2, Pages: 6, Attachments: "1.检查表",
		Secrecy: app.SecrecySecret, Urgency: app.UrgencyUrgent, Kind: app.KindAction, Remarks: "原件存机要室",
		Proposal: "拟请常务副区长阅示，由区应急管理局牵头办理", ProposedBy: "李文书", ProposedOn: d("2026-01-05"),
		Instructions: []app.Instruction{
			{Leader: "王区长", Role: app.RoleMayor, Text: "请应急局抓紧落实，节前完成全面排查", On: d("2026-01-06")},
			{Leader: "赵副区长", Role: app.RoleExecutiveVice, Text: "按区长批示办", On: d("2026-01-07")},
		},
		LeadUnit: "区应急管理局", CoUnits: []string{"区公安分局", "桃花镇人民政府"}, LimitWorkdays: 5,
		AssignedOn: d("2026-01-07"), DueOn: d("2026-01-14"), DueUncertain: true, Result: "已完成排查", DoneOn: d("2026-01-13"),
		Circulations: []app.Circulation{
			{Seq: 1, Reader: "王区长", SentOn: d("2026-01-05"), ReturnedOn: d("2026-01-06"), Comment: "已阅"},
			{Seq: 2, Reader: "赵副区长", SentOn: d("2026-01-06")},
		},
		Reminders:    []app.Reminder{{On: d("2026-01-12"), Text: "请于1月14日前反馈", Operator: "李文书"}},
		Archive:      app.Archive{Fonds: "Z109", Year: 2026, Retention: app.Retain30, OrgCode: "BGS", Piece: 3, FiledOn: d("2026-02-01")},
		ReturnReason: "无", TransferTo: "区应急管理局", DuplicateOf: 99,
		Genre: app.GenreRequest, ReturnCause: app.CauseToLeader, SenderSigner: "吴局长",
		CreatedAt: created, UpdatedAt: changed, UpdatedBy: "李文书", Version: 3,
	}
}

// outgoing is an outgoing document with every field and child list filled.
func outgoing() app.Document {
	return app.Document{
		Direction: app.Outgoing, Status: app.StatusIssued, Serial: "西府办发〔2026〕12号", Year: 2026,
		DocNo: "西府办发〔2026〕12号", Title: "关于印发《示例区政务服务提升方案》的通知", Copies: 1, Pages: 9,
		Secrecy: app.SecrecyNone, Urgency: app.UrgencyNormal, Kind: app.KindAction,
		IssuingCode: "西府办发", DraftUnit: "区政务服务中心", Drafter: "陈拟稿", DraftedOn: d("2026-01-08"),
		CheckedBy: "李文书", CheckedOn: d("2026-01-09"),
		Reviews: []app.Review{
			{Leader: "周副主任", Role: app.RoleDeputyDirector, On: d("2026-01-09"), Opinion: "同意"},
			{Leader: "孙主任", Role: app.RoleOfficeDirector, On: d("2026-01-10"), Opinion: "可发"},
			{Leader: "钱副区长", Role: app.RoleMayor, On: d("2026-01-10"), Opinion: "同意", For: "王区长"},
		},
		SigningKind: app.SignImportant, Signer: "周副主任", SignedFor: "孙主任", SignerPrinted: "周副主任（代）", SignedOn: d("2026-01-10"), MainTo: "各镇人民政府，区政府各部门", CopyTo: "区委办公室",
		Countersign: []string{"区财政局"}, IssuedOn: d("2026-01-11"), PrintCount: 40,
		Genre: app.GenreNotice, Disclosure: app.DiscloseNot, DisclosureReason: "涉及内部工作安排", Normative: true,
		LegalReview: app.LegalReview{On: d("2026-01-09"), Opinion: "经审查，符合法律法规规定", Passed: true},
		Cosigns: []app.Cosign{
			{Party: "区财政局", SentOn: d("2026-01-08"), DueOn: d("2026-01-19"), RepliedOn: d("2026-01-09"), Reply: "同意"},
			{Party: "钱副区长", SentOn: d("2026-01-08"), DueOn: d("2026-01-19")},
		},
		CreatedAt: created, UpdatedAt: changed, UpdatedBy: "李文书", Version: 3,
	}
}

func sealRequest() app.SealRequest {
	return app.SealRequest{
		Number: "2026-0003", Status: app.SealUsed, SealName: "示例区人民政府办公室印章", SealKind: app.SealOffice,
		Unit: "区财政局", Contact: "刘会计", Phone: "0871-1234567", Reason: "报送年度预算执行情况",
		FileName: "2025年预算执行情况报告", Copies: 3, Destination: "市财政局", OffSite: true, RequestedOn: d("2026-01-05"),
		Chain: []app.ApprovalStep{{Role: app.RoleDeputyDirector, Action: "审核"}, {Role: app.RoleOfficeDirector, Action: "审签"}},
		Approvals: []app.Approval{
			{Step: 1, Role: app.RoleDeputyDirector, Action: "审核", Approver: "周副主任", On: d("2026-01-05"), Opinion: "同意"},
			{Step: 2, Role: app.RoleOfficeDirector, Action: "审签", Approver: "周副主任", On: d("2026-01-06"), Opinion: "同意用印",
				For: "孙主任", Printed: "周副主任（代）"},
		},
		RejectReason: "第一次申请份数有误，已退回重报", LogNo: "2026-0001", UsedOn: d("2026-01-06"), UsedCount: 3, Handler: "李文书", Witness: "王监印",
		Remarks: "带回一份", CreatedAt: created, UpdatedAt: changed, UpdatedBy: "李文书", Version: 3,
	}
}

func item() app.Item {
	return app.Item{
		Number: "督〔2026〕5号", Year: 2026, Seq: 5, SourceType: app.SourceInstruction,
		SourceRef: "王区长同志在《关于做好安全生产工作的通知》上的批示", SourceDocID: 7, SourceMeetingID: 3,
		Title: "春节期间安全生产大检查", Content: "对全区危化品企业开展拉网式排查", LeadUnit: "区应急管理局",
		CoUnits: []string{"区公安分局"}, Responsible: "吴局长", LeaderInCharge: "赵副区长",
		AssignedOn: d("2026-01-06"), Deadline: d("2026-03-31"),
		Stages: []app.Stage{
			{Name: "完成排查", Deadline: d("2026-01-31"), DoneOn: d("2026-01-30")},
			{Name: "完成整改", Deadline: d("2026-02-28")},
		},
		ReportEvery: "每周", Status: app.ItemDone, DoneOn: d("2026-03-20"), Result: "全部整改到位", Satisfaction: app.Satisfied,
		Progress: []app.Progress{
			{On: d("2026-01-15"), Text: "已排查企业32家，发现隐患5处", Operator: "李文书"},
			{On: d("2026-02-15"), Text: "隐患整改完成4处", Operator: "李文书"},
		},
		FollowUps: []app.FollowUp{{On: d("2026-03-25"), Text: "回访企业，整改巩固", Reopened: false}},
		CreatedAt: created, UpdatedAt: changed, UpdatedBy: "李文书", Version: 3,
	}
}

func meeting() app.Meeting {
	return app.Meeting{
		Kind: app.MeetingExecutive, Term: "十八届政府", Seq: 5, Date: d("2026-01-09"), Time: "上午9:00",
		Place: "区政府第一会议室", Chair: "王区长", Attendees: []string{"赵副区长", "钱副区长"}, Observers: []string{"区财政局局长"},
		Absentees: []app.Absentee{{Name: "孙副区长", Reason: "出差"}}, Recorder: "李文书",
		Topics: []app.Topic{
			{Seq: 1, Title: "研究老旧小区改造方案", ReportingUnit: "区住房和城乡建设局", DueOn: d("2026-01-02")},
			{Seq: 2, Title: "审议政务服务提升方案", ReportingUnit: "区政务服务中心", DueOn: d("2026-01-02")},
		},
		Decisions: []app.Decision{
			{Seq: 1, Content: "原则同意老旧小区改造方案，由区住建局牵头实施", LeadUnit: "区住房和城乡建设局",
				CoUnits: []string{"区财政局", "桃花镇人民政府"}, Deadline: d("2026-06-30"), ItemID: 11},
		},
		Minutes: app.Minutes{Year: 2026, Number: 2, Title: "十八届政府第5次常务会议纪要", Body: "会议听取了区住建局关于老旧小区改造的汇报。",
			Signer: "钱副区长", IssuedOn: d("2026-01-12"), CopyTo: "区委办公室", SignedFor: "王区长", SignerPrinted: "钱副区长（代）"},
		CreatedAt: created, UpdatedAt: changed, UpdatedBy: "李文书", Version: 3,
	}
}

// checkFixtures runs Check on a file filled with the fixtures above, which
// save records with made-up numbers and references (DuplicateOf 99, no
// counters), and leaves out the problems that only a real office's file
// is free of.
func checkFixtures(s *Store) ([]string, error) {
	problems, err := s.Check(ctx)
	var out []string
	for _, p := range problems {
		if !strings.HasPrefix(p, "编号计数器") && !strings.Contains(p, "不存在") || strings.Contains(p, "记录不存在") {
			out = append(out, p)
		}
	}
	return out, err
}
