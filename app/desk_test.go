package app_test

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"gongwen/app"
	"gongwen/data"
)

// newDesk is a desk over a fresh store with the office's settings, leaders
// and seals, its clock set to 2026-01-05 (a Monday).
func newDesk(t *testing.T) (*app.Desk, *data.Store, *time.Time) {
	t.Helper()
	s := newStore(t)
	desk, err := app.NewDesk(ctx, guarded(t, s), "测试员")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 1, 5, 9, 0, 0, 0, time.Local)
	desk.Now = func() time.Time { return now }
	must(t, desk.SaveSettings(ctx, app.Settings{OrgName: "示例区人民政府办公室", DistrictName: "示例区", FondsCode: "Z109", OrgCode: "BGS",
		IssuingCodes: []app.IssuingCode{{Code: "西府发", Body: app.IssuerGovernment}, {Code: "西府办发", Body: app.IssuerOffice}},
		Rules:        app.DefaultRules()}))
	for _, l := range []app.Leader{
		{Name: "王区长", Role: app.RoleMayor, Order: 1, Active: true},
		{Name: "赵副区长", Role: app.RoleExecutiveVice, Order: 2, Units: []string{"区财政局"}, Active: true},
		{Name: "钱副区长", Role: app.RoleViceMayor, Order: 3, Units: []string{"区应急管理局"}, Active: true},
		{Name: "孙主任", Role: app.RoleOfficeDirector, Order: 4, Active: true},
		{Name: "周副主任", Role: app.RoleDeputyDirector, Order: 5, LinkedTo: "钱副区长", Active: true},
	} {
		must(t, desk.SaveLeader(ctx, &l))
	}
	for _, se := range []app.Seal{
		{Name: "区政府办公室印章", Kind: app.SealOffice, Keeper: "王监印", Active: true},
		{Name: "区政府印章", Kind: app.SealGovernment, Keeper: "王监印", Active: true},
	} {
		must(t, desk.SaveSeal(ctx, &se))
	}
	must(t, desk.SaveUnit(ctx, &app.Unit{Name: "市人民政府办公室", Kind: app.UnitSuperior, Active: true}))
	return desk, s, &now
}

var ctx = context.Background()

// newStore opens a fresh store in a folder of the test's.
func newStore(t testing.TB) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "数据", "gongwen.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
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

var d = app.MustDate

func docTitles(ds []app.Document) []string {
	titles := make([]string, len(ds))
	for i, doc := range ds {
		titles[i] = doc.Title
	}
	return titles
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func mustDoc(t testing.TB) func(*app.Document, error) *app.Document {
	return func(d *app.Document, err error) *app.Document {
		t.Helper()
		must(t, err)
		return d
	}
}

func TestDeskIncomingWorkflow(t *testing.T) {
	desk, s, now := newDesk(t)
	ok := mustDoc(t)
	newDoc := func() *app.Document {
		return &app.Document{Title: "关于做好春节期间安全生产工作的通知", FromUnit: "市人民政府办公室", DocNo: "市政办发[2025]118号",
			ReceivedOn: desk.Today(), Urgency: app.UrgencyUrgent}
	}
	doc := newDoc()
	must(t, desk.RegisterIncoming(ctx, doc, false))
	if doc.Serial != "2026-0001" || doc.DocNo != "市政办发〔2025〕118号" {
		t.Fatalf("registered as %s, %s", doc.Serial, doc.DocNo)
	}
	// the same sender and 文号 again: a probable duplicate, unless confirmed
	dup := newDoc()
	wantCode(t, desk.RegisterIncoming(ctx, dup, false), app.EDUPLICATE)
	must(t, desk.RegisterIncoming(ctx, dup, true))
	if dup.Serial != "2026-0002" || dup.DuplicateOf != doc.ID {
		t.Errorf("confirmed duplicate: %s of %d", dup.Serial, dup.DuplicateOf)
	}

	dash := func() app.Dashboard {
		d, err := s.Dashboard(ctx, desk.DashboardQuery())
		must(t, err)
		return d
	}
	if dash().AwaitingProposal != 2 {
		t.Errorf("awaiting 拟办: %+v", dash())
	}
	ok(desk.Propose(ctx, doc.ID, "拟请王区长阅示，由区应急管理局牵头办理"))
	if d := dash(); d.AwaitingProposal != 1 || d.AwaitingInstruction != 1 {
		t.Errorf("after 拟办: %+v", d)
	}
	ok(desk.Instruct(ctx, doc.ID, "王区长", "请应急局节前完成全面排查", desk.Today()))
	got := ok(desk.Assign(ctx, doc.ID, "区应急管理局", []string{"区公安分局"}, 5))
	if got.DueOn != d("2026-01-12") || got.Status != app.StatusAssigned {
		t.Errorf("assigned: due %s, %s", got.DueOn, got.Status)
	}
	got = ok(desk.Circulate(ctx, doc.ID, []string{"王区长", "赵副区长"}))
	if out, _, _ := s.Documents(ctx, app.DocumentFilter{Unreturned: true}); len(out) != 1 || dash().CirculationOut != 1 {
		t.Errorf("circulation out: %d, %+v", len(out), dash())
	}
	ok(desk.ReturnCirculation(ctx, doc.ID, 1, desk.Today(), "已阅"))

	*now = now.AddDate(0, 0, 8) // 2026-01-13: past the due date
	if d := dash(); d.DocsOverdue != 1 || d.DocsDueSoon != 0 {
		t.Errorf("overdue: %+v", d)
	}
	if list, _, _ := s.Documents(ctx, app.DocumentFilter{DueBefore: desk.Today()}); len(list) != 1 {
		t.Errorf("overdue list: %d", len(list))
	}
	got = ok(desk.Remind(ctx, doc.ID, ""))
	if len(got.Reminders) != 1 || !strings.Contains(got.Reminders[0].Text, "区应急管理局") {
		t.Errorf("reminder: %+v", got.Reminders)
	}
	ok(desk.Complete(ctx, doc.ID, "已完成排查，整改隐患5处"))
	_, err := desk.Archive(ctx, doc.ID, 2026, app.Retain30)
	wantCode(t, err, app.ESTATE) // 赵副区长 still has it
	ok(desk.ReturnCirculation(ctx, doc.ID, 2, desk.Today(), ""))
	got = ok(desk.Archive(ctx, doc.ID, 2026, app.Retain30))
	if got.Archive.Number() != "Z109-WS·2026-D30-BGS-0001" || got.Status != app.StatusArchived {
		t.Errorf("archived as %s (%s)", got.Archive.Number(), got.Status)
	}

	it, err := desk.ItemFromInstruction(ctx, doc.ID, 0, d("2026-02-28"))
	must(t, err)
	if it.Number != "督〔2026〕1号" || it.SourceDocID != doc.ID || it.LeadUnit != "区应急管理局" {
		t.Errorf("item from 批示: %+v", it)
	}

	// the stored document is the one the desk returned
	stored, err := s.DocumentBySerial(ctx, "2026-0001")
	must(t, err)
	mustEqual(t, "stored", *stored, *got)

	hist, err := s.History(ctx, app.EntityDocument, doc.ID)
	must(t, err)
	var actions []string
	for _, h := range hist {
		actions = append(actions, h.Action)
		if h.Operator != "测试员" {
			t.Errorf("history operator %q", h.Operator)
		}
	}
	mustEqual(t, "history", actions, []string{"登记", "拟办", "批示", "交办", "传阅", "传阅退回", "催办", "办结", "传阅退回", "归档", "转督办"})

	for _, q := range []string{"节前", "排查", "隐患5处", "〔2025〕118"} {
		if hits, _, _ := s.Search(ctx, q, app.Page{}); len(hits) == 0 || hits[len(hits)-1].ID != doc.ID {
			t.Errorf("%s: %+v", q, hits)
		}
	}
}

func TestDeskOutgoingWorkflow(t *testing.T) {
	desk, s, _ := newDesk(t)
	ok := mustDoc(t)
	draft := func(code, title string) *app.Document {
		d := &app.Document{Title: title, IssuingCode: code, DraftUnit: "区政务服务中心", Drafter: "陈拟稿", DraftedOn: desk.Today(), Disclosure: app.DiscloseActively}
		must(t, desk.DraftOutgoing(ctx, d))
		ok(desk.CheckDraft(ctx, d.ID))
		ok(desk.ReviewDraft(ctx, d.ID, "周副主任", "同意", desk.Today()))
		ok(desk.ReviewDraft(ctx, d.ID, "孙主任", "可发", desk.Today()))
		return d
	}
	a, b, c := draft("西府办发", "办公室发文一"), draft("西府办发", "办公室发文二"), draft("西府发", "政府发文一")
	if dash, _ := s.Dashboard(ctx, desk.DashboardQuery()); dash.OutgoingInProgress != 3 {
		t.Errorf("in progress: %+v", dash)
	}

	// a refused signature takes no number
	_, err := desk.Sign(ctx, c.ID, "孙主任", desk.Today()) // a government document is signed by the 区长
	wantCode(t, err, app.EINVALID)
	_, err = desk.Sign(ctx, c.ID, "王区长", desk.Today()) // not yet reviewed by the 分管副区长
	wantCode(t, err, app.ESTATE)
	ok(desk.ReviewDraft(ctx, c.ID, "赵副区长", "同意", desk.Today()))
	signedB := ok(desk.Sign(ctx, b.ID, "孙主任", desk.Today()))
	signedA := ok(desk.Sign(ctx, a.ID, "孙主任", desk.Today()))
	signedC := ok(desk.Sign(ctx, c.ID, "王区长", desk.Today()))
	for _, c := range []struct{ got, want string }{
		{signedB.Serial, "西府办发〔2026〕1号"},
		{signedA.Serial, "西府办发〔2026〕2号"},
		{signedC.Serial, "西府发〔2026〕1号"},
	} {
		if c.got != c.want {
			t.Errorf("发文字号 %s, want %s", c.got, c.want)
		}
	}
	issued := ok(desk.Issue(ctx, a.ID, desk.Today(), 40))
	if issued.Status != app.StatusIssued || issued.PrintCount != 40 {
		t.Errorf("issued: %+v", issued)
	}
	found, err := s.DocumentBySerial(ctx, "西府办发[2026]2号")
	must(t, err)
	if found.ID != a.ID {
		t.Errorf("by 发文字号: %s", found.Title)
	}
	list, total, err := s.Documents(ctx, app.DocumentFilter{Direction: app.Outgoing, Year: 2026, Sort: "serial"})
	must(t, err)
	if total != 3 || list[0].Serial != "西府办发〔2026〕1号" {
		t.Errorf("outgoing book: %d %v", total, docTitles(list))
	}
}

func TestDeskSealWorkflow(t *testing.T) {
	desk, s, _ := newDesk(t)
	r := &app.SealRequest{SealName: "区政府办公室印章", Unit: "区财政局", Contact: "刘会计", Phone: "1234",
		Reason: "报送年度预算执行情况", FileName: "预算执行情况报告", Copies: 3, RequestedOn: desk.Today()}
	must(t, desk.CreateSealRequest(ctx, r))
	if r.Number != "2026-0001" || r.Status != app.SealDraft {
		t.Fatalf("created %s %s", r.Number, r.Status)
	}
	step := func(r *app.SealRequest, err error) *app.SealRequest {
		t.Helper()
		must(t, err)
		return r
	}
	got := step(desk.SubmitSeal(ctx, r.ID))
	if len(got.Chain) != 2 || got.Chain[0].Role != app.RoleDeputyDirector {
		t.Errorf("chain %+v", got.Chain)
	}
	if dash, _ := s.Dashboard(ctx, desk.DashboardQuery()); dash.SealsAwaiting != 1 {
		t.Errorf("awaiting: %+v", dash)
	}
	step(desk.ApproveSeal(ctx, r.ID, "周副主任", "同意", desk.Today()))
	got = step(desk.ApproveSeal(ctx, r.ID, "孙主任", "同意用印", desk.Today()))
	if dash, _ := s.Dashboard(ctx, desk.DashboardQuery()); got.Status != app.SealApproved || dash.SealsApproved != 1 || dash.SealsAwaiting != 0 {
		t.Errorf("approved: %s %+v", got.Status, dash)
	}
	got = step(desk.UseSeal(ctx, r.ID, desk.Today(), 3, "李文书", "王监印", ""))
	if got.LogNo != "2026-0001" || got.Status != app.SealUsed {
		t.Errorf("used: %s %s", got.LogNo, got.Status)
	}
	_, err := desk.UseSeal(ctx, r.ID, desk.Today(), 1, "李文书", "王监印", "")
	wantCode(t, err, app.ESTATE) // one approval, one use
	log, _, err := s.SealRequests(ctx, app.SealFilter{UsedFrom: desk.Today(), UsedTo: desk.Today()})
	must(t, err)
	if len(log) != 1 || log[0].ApprovedBy() != "孙主任" {
		t.Errorf("seal log: %+v", log)
	}
	byNo, err := s.SealRequestByNumber(ctx, "2026-0001")
	must(t, err)
	mustEqual(t, "stored", *byNo, *got)
}

func TestDeskMeetingAndItems(t *testing.T) {
	desk, s, now := newDesk(t)
	m := &app.Meeting{Kind: app.MeetingExecutive, Term: "十八届政府", Seq: 5, Date: d("2026-01-16"), Chair: "王区长", Place: "第一会议室",
		Topics: []app.Topic{{Title: "研究老旧小区改造方案", ReportingUnit: "区住房和城乡建设局"}},
		Decisions: []app.Decision{
			{Content: "原则同意老旧小区改造方案", LeadUnit: "区住房和城乡建设局", Deadline: d("2026-06-30")},
			{Content: "区财政局落实改造资金", LeadUnit: "区财政局", Deadline: d("2026-01-20")},
		}}
	_, err := desk.SaveMeeting(ctx, m)
	must(t, err)
	if m.Topics[0].DueOn.IsZero() {
		t.Error("topic due date not computed")
	}
	it1, err := desk.DecisionToItem(ctx, m.ID, 1)
	must(t, err)
	it2, err := desk.DecisionToItem(ctx, m.ID, 2)
	must(t, err)
	_, err = desk.DecisionToItem(ctx, m.ID, 1)
	wantCode(t, err, app.ECONFLICT)
	stored, err := s.Meeting(ctx, m.ID)
	must(t, err)
	if stored.Decisions[0].ItemID != it1.ID || it1.SourceMeetingID != m.ID || it2.Number != "督〔2026〕2号" {
		t.Errorf("links: %+v / %+v", stored.Decisions, it1)
	}
	*now = time.Date(2026, 1, 19, 9, 0, 0, 0, time.Local) // minutes after the meeting is held
	issued, err := desk.IssueMinutes(ctx, m.ID, "会议听取了区住建局关于老旧小区改造的汇报。", "王区长", d("2026-01-19"))
	must(t, err)
	if issued.Minutes.NumberText() != "〔2026〕1号" {
		t.Errorf("minutes %s", issued.Minutes.NumberText())
	}

	q := desk.DashboardQuery()
	dash, err := s.Dashboard(ctx, q)
	must(t, err)
	if dash.ItemsYellow != 1 || dash.ItemsBlue != 1 || dash.ItemsRed != 0 || dash.MeetingsThisWeek != 0 {
		t.Errorf("on %s (yellow until %s): %+v", q.Today, q.WarnUntil, dash)
	}
	_, err = desk.AddProgress(ctx, it2.ID, desk.Today(), "资金已拨付到位")
	must(t, err)
	done, err := desk.CompleteItem(ctx, it2.ID, "资金落实", desk.Today())
	must(t, err)
	if done.Status != app.ItemDone {
		t.Errorf("done: %s", done.Status)
	}
	reopened, err := desk.VisitItem(ctx, it2.ID, desk.Today(), "回访发现仍有缺口", true, d("2026-02-27"))
	must(t, err)
	if reopened.Status != app.ItemOpen || len(reopened.FollowUps) != 1 || len(reopened.Progress) != 1 {
		t.Errorf("reopened: %+v", reopened)
	}
	dash, _ = s.Dashboard(ctx, desk.DashboardQuery())
	if dash.ItemsBlue != 2 || dash.ItemsYellow != 0 {
		t.Errorf("after reopening with a later deadline: %+v", dash)
	}
	if hits, _, _ := s.Search(ctx, "缺口", app.Page{}); len(hits) != 1 || hits[0].ID != it2.ID {
		t.Errorf("search in follow-ups: %+v", hits)
	}
}

// A due date counted into a year without holidays is counted again when the
// office enters that year.
func TestDeskRecountsWhenAYearIsEntered(t *testing.T) {
	desk, s, now := newDesk(t)
	ok := mustDoc(t)
	*now = time.Date(2027, 12, 27, 9, 0, 0, 0, time.Local)
	doc := &app.Document{Title: "关于做好元旦期间值班工作的通知", FromUnit: "市人民政府办公室", ReceivedOn: desk.Today()}
	must(t, desk.RegisterIncoming(ctx, doc, false))
	ok(desk.Propose(ctx, doc.ID, "拟请王区长阅示，由区应急管理局牵头办理"))
	got := ok(desk.Assign(ctx, doc.ID, "区应急管理局", nil, 5))
	if got.DueOn != d("2028-01-03") || !got.DueUncertain {
		t.Fatalf("assigned into 2028: %s uncertain %v", got.DueOn, got.DueUncertain)
	}
	must(t, desk.SetDay(ctx, app.DayOverride{Day: d("2028-01-03"), Name: "元旦"}))
	must(t, desk.ConfirmYear(ctx, 2028, true))
	got, err := s.Document(ctx, doc.ID)
	must(t, err)
	if got.DueOn != d("2028-01-04") || got.DueUncertain {
		t.Fatalf("after 2028 was entered: %s uncertain %v", got.DueOn, got.DueUncertain)
	}
	hist, err := s.History(ctx, app.EntityDocument, doc.ID)
	must(t, err)
	if last := hist[len(hist)-1]; last.Action != "重算期限" {
		t.Fatalf("history ends with %+v", last)
	}
}
