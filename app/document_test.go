package app

import (
	"strings"
	"testing"
	"unicode"
)

func newIncoming() *Document {
	d := &Document{Direction: Incoming, Title: "关于做好2026年冬季安全生产工作的通知", FromUnit: "市政府办公室",
		DocNo: "市府办发[2026]12号", ReceivedOn: MustDate("2026-11-02"), Copies: 2, Pages: 4}
	if err := d.ValidateNew(); err != nil {
		panic(err)
	}
	return d
}

func wantCode(t *testing.T, err error, code string, what string) {
	t.Helper()
	if ErrorCode(err) != code {
		t.Fatalf("%s: error %v (code %q), want code %q", what, err, ErrorCode(err), code)
	}
	if err != nil && !hasHan(ErrorMessage(err)) {
		t.Fatalf("%s: message %q is not in Chinese", what, ErrorMessage(err))
	}
}

func TestValidateNewIncoming(t *testing.T) {
	d := newIncoming()
	if d.DocNo != "市府办发〔2026〕12号" || d.Status != StatusRegistered || d.Year != 2026 ||
		d.Secrecy != SecrecyNone || d.Urgency != UrgencyNormal || d.Kind != KindAction {
		t.Fatalf("normalised document: %+v", d)
	}
	bad := []struct {
		name string
		edit func(*Document)
	}{
		{"no title", func(d *Document) { d.Title = "  " }},
		{"no sender", func(d *Document) { d.FromUnit = "" }},
		{"no date", func(d *Document) { d.ReceivedOn = Date{} }},
		{"written after received", func(d *Document) { d.WrittenOn = MustDate("2026-11-03") }},
		{"negative copies", func(d *Document) { d.Copies = -1 }},
		{"unknown secrecy", func(d *Document) { d.Secrecy = "内部" }},
		{"title too long", func(d *Document) { d.Title = strings.Repeat("长", 201) }},
	}
	for _, b := range bad {
		d := &Document{Direction: Incoming, Title: "标题", FromUnit: "区财政局", ReceivedOn: MustDate("2026-11-02")}
		b.edit(d)
		wantCode(t, d.ValidateNew(), EINVALID, b.name)
	}
}

func TestIncomingLifecycle(t *testing.T) {
	d := newIncoming()
	day := MustDate("2026-11-03")

	wantCode(t, d.Instruct(Instruction{Leader: "王区长", Text: "请财政局办理", On: day}), ESTATE, "批示 before 拟办")
	wantCode(t, d.Assign("区财政局", nil, 5, day, day, false), ESTATE, "承办 before 拟办")
	wantCode(t, d.Complete("已办", day), ESTATE, "办结 before 承办")
	wantCode(t, d.Propose("阅", "张秘书", day), EINVALID, "圈阅 proposal")
	wantCode(t, d.Propose("  ", "张秘书", day), EINVALID, "empty proposal")
	wantCode(t, d.Propose("请李副区长阅示", "张秘书", MustDate("2026-11-01")), EINVALID, "拟办 before received")

	if err := d.Propose("呈王区长阅示，拟请区应急局牵头落实。", "张秘书", day); err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{"王区长", "李副区长"} {
		if err := d.Instruct(Instruction{Leader: l, Role: RoleMayor, Text: "请区应急局抓好落实。", On: day}); err != nil {
			t.Fatal(err)
		}
	}
	if d.Status != StatusInstructed || len(d.Instructions) != 2 {
		t.Fatalf("after 批示: %s, %d", d.Status, len(d.Instructions))
	}
	wantCode(t, d.Remind(day, "", "张秘书"), ESTATE, "催办 before 承办")
	wantCode(t, d.Assign("区应急局", nil, 0, day, day, false), EINVALID, "zero time limit")
	if err := d.Assign("区应急局", []string{"区公安分局", "区应急局", " "}, 5, day, MustDate("2026-11-10"), false); err != nil {
		t.Fatal(err)
	}
	if len(d.CoUnits) != 1 || d.CoUnits[0] != "区公安分局" {
		t.Fatalf("co-units are cleaned of the lead and blanks: %v", d.CoUnits)
	}
	if !d.OverdueOn(MustDate("2026-11-11")) || d.OverdueOn(MustDate("2026-11-10")) {
		t.Fatal("overdue is strictly after the due date")
	}
	if err := d.Remind(MustDate("2026-11-09"), "", "张秘书"); err != nil || !strings.Contains(d.Reminders[0].Text, "区应急局") {
		t.Fatalf("default reminder text: %v %+v", err, d.Reminders)
	}
	if err := d.Circulate([]string{"王区长", "李副区长"}, day); err != nil {
		t.Fatal(err)
	}
	wantCode(t, d.Circulate([]string{"王区长"}, day), ECONFLICT, "reader who still holds it")
	wantCode(t, d.ReturnCirculation(1, MustDate("2026-11-02"), ""), EINVALID, "returned before sent")
	if err := d.ReturnCirculation(1, MustDate("2026-11-04"), "已阅"); err != nil {
		t.Fatal(err)
	}
	wantCode(t, d.ReturnCirculation(1, MustDate("2026-11-05"), ""), ESTATE, "returned twice")
	wantCode(t, d.Complete("", day), EINVALID, "办结 without result")
	if err := d.Complete("已部署全区冬季安全生产大检查。", MustDate("2026-11-09")); err != nil {
		t.Fatal(err)
	}
	a := Archive{Fonds: "Z109", Year: 2026, Retention: Retain30, OrgCode: "BGS", Piece: 12}
	wantCode(t, d.ArchiveAs(a), ESTATE, "归档 with a reader outstanding")
	if err := d.ReturnCirculation(2, MustDate("2026-11-09"), ""); err != nil {
		t.Fatal(err)
	}
	// the filing is checked before a 件号 is taken; ArchiveAs wants one
	unnumbered := a
	unnumbered.Piece = 0
	if err := d.CheckArchive(unnumbered); err != nil || d.Status != StatusDone {
		t.Fatalf("check before the 件号: %v %s", err, d.Status)
	}
	wantCode(t, d.ArchiveAs(unnumbered), EINVALID, "归档 without a 件号")
	if err := d.ArchiveAs(a); err != nil {
		t.Fatal(err)
	}
	if d.Archive.Number() != "Z109-WS·2026-D30-BGS-0012" || d.Status != StatusArchived {
		t.Fatalf("档号 %q status %s", d.Archive.Number(), d.Status)
	}
	wantCode(t, d.Propose("再拟办", "张秘书", day), ESTATE, "拟办 after 归档")
}

func TestReadingDocumentNeedsNoLeadUnit(t *testing.T) {
	d := newIncoming()
	d.Kind = KindReading
	_ = d.Propose("呈王区长阅。", "张秘书", d.ReceivedOn)
	if err := d.Complete("", d.ReceivedOn.AddDays(1)); err != nil {
		t.Fatalf("阅件 completes without result: %v", err)
	}
}

func TestReturnAndTransfer(t *testing.T) {
	d := newIncoming()
	wantCode(t, d.ReturnToSender(CauseOther, " ", d.ReceivedOn), EINVALID, "退文 for 其他 without reason")
	if err := d.ReturnToSender(CauseToLeader, "直接报送领导个人，不符合行文规则", d.ReceivedOn); err != nil || d.Status != StatusReturned {
		t.Fatalf("退文: %v %s", err, d.Status)
	}
	d = newIncoming()
	wantCode(t, d.Transfer("", "职责", d.ReceivedOn), EINVALID, "转办 without unit")
	if err := d.Transfer("区住建局", "属区住建局职责", d.ReceivedOn); err != nil || d.TransferTo != "区住建局" {
		t.Fatal(err)
	}
	d = newIncoming()
	_ = d.Propose("呈王区长阅示。", "张秘书", d.ReceivedOn)
	_ = d.Instruct(Instruction{Leader: "王区长", Text: "同意", On: d.ReceivedOn})
	wantCode(t, d.ReturnToSender(CauseOther, "理由", d.ReceivedOn), ESTATE, "退文 after 批示")
}

func TestOutgoingLifecycle(t *testing.T) {
	d := &Document{Direction: Outgoing, Title: "关于印发《示例区2027年重点工作任务分解方案》的通知", IssuingCode: "示府发",
		DraftUnit: "区政府办公室", Drafter: "刘文书", DraftedOn: MustDate("2026-11-02"), Disclosure: DiscloseActively}
	if err := d.ValidateNew(); err != nil || d.Status != StatusDrafted {
		t.Fatal(err)
	}
	mayor := Leader{Name: "王建国", Role: RoleMayor}
	director := Leader{Name: "陈主任", Role: RoleOfficeDirector}
	deputy := Leader{Name: "赵副主任", Role: RoleDeputyDirector}
	gov := IssuingCode{Code: "示府发", Body: IssuerGovernment}
	wantCode(t, d.Sign(mayor, MustDate("2026-11-04"), gov, 1), ESTATE, "签发 before 核稿")
	wantCode(t, d.ReviewDraft(deputy, MustDate("2026-11-03"), ""), ESTATE, "审核 before 核稿")
	if err := d.CheckDraft("孙秘书", MustDate("2026-11-03")); err != nil {
		t.Fatal(err)
	}
	if err := d.ReviewDraft(deputy, MustDate("2026-11-03"), "同意"); err != nil || d.Status != StatusChecked {
		t.Fatalf("副主任 review keeps it waiting for the 主任: %v %s", err, d.Status)
	}
	wantCode(t, d.Sign(mayor, MustDate("2026-11-04"), gov, 1), ESTATE, "签发 before the 主任's review")
	wantCode(t, d.ReviewDraft(Leader{Name: "某某", Role: RoleOther}, MustDate("2026-11-03"), ""), EINVALID, "审核 by nobody")
	if err := d.ReviewDraft(director, MustDate("2026-11-03"), "同意"); err != nil || d.Status != StatusReviewed {
		t.Fatal(err)
	}
	if err := d.ReviewDraft(Leader{Name: "李财政", Role: RoleViceMayor}, MustDate("2026-11-04"), "同意"); err != nil {
		t.Fatal(err)
	}
	before := *d
	if err := d.CheckSign(mayor, MustDate("2026-11-04"), gov); err != nil || d.Status != before.Status || d.DocNo != "" {
		t.Fatalf("a check before the number is taken: %v, %s %q", err, d.Status, d.DocNo)
	}
	wantCode(t, d.CheckSign(mayor, MustDate("2026-11-01"), gov), EINVALID, "the check refuses what 签发 refuses")
	if err := d.Sign(mayor, MustDate("2026-11-04"), gov, 7); err != nil {
		t.Fatal(err)
	}
	if d.DocNo != "示府发〔2026〕7号" || d.Serial != d.DocNo || d.Status != StatusSigned {
		t.Fatalf("after 签发: %q %s", d.DocNo, d.Status)
	}
	wantCode(t, d.Issue(MustDate("2026-11-05"), 0), EINVALID, "印发 without 印数")
	if err := d.Issue(MustDate("2026-11-05"), 120); err != nil || d.Status != StatusIssued {
		t.Fatal(err)
	}
	office := IssuingCode{Code: "示府办发", Body: IssuerOffice}
	if r := office.Body.SignerRoles(); len(r) != 1 || r[0] != RoleOfficeDirector {
		t.Fatalf("office documents are signed by the 主任: %v", r)
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func TestApplyRegistrationKeepsWorkflow(t *testing.T) {
	d := newIncoming()
	_ = d.Propose("呈王区长阅示。", "张秘书", d.ReceivedOn)
	_ = d.Instruct(Instruction{Leader: "王区长", Text: "请应急局办理", On: d.ReceivedOn})
	_ = d.Assign("区应急局", nil, 5, d.ReceivedOn, d.ReceivedOn.AddDays(7), false)
	// an edit form opened before 拟办: no workflow data, an older status
	stale := *newIncoming()
	stale.Title, stale.Status = "关于做好2026年冬季安全生产工作的通知（更正）", StatusRegistered
	if err := d.ApplyRegistration(&stale); err != nil {
		t.Fatal(err)
	}
	if d.Title != stale.Title || d.Status != StatusAssigned || d.Proposal == "" || len(d.Instructions) != 1 || d.LeadUnit != "区应急局" || d.DueOn.IsZero() {
		t.Fatalf("the edit undid recorded steps: %+v", d)
	}
	out := &Document{Direction: Outgoing, Status: StatusSigned, IssuingCode: "示府发", DocNo: "示府发〔2026〕7号", Title: "x",
		DraftUnit: "区政府办公室", Drafter: "刘文书", DraftedOn: MustDate("2026-11-02")}
	changed := *out
	changed.IssuingCode = "示府办发"
	wantCode(t, out.ApplyRegistration(&changed), ESTATE, "changing the code of a signed document")
}

func TestRecountAfterTheHolidaysAreEntered(t *testing.T) {
	d := newIncoming()
	_ = d.Propose("呈王区长阅示。", "张秘书", d.ReceivedOn)
	start := MustDate("2027-12-27")
	due, warn := NewCalendar(nil, nil).AddWorkdays(start, 5)
	if err := d.Assign("区应急局", nil, 5, start, due, warn != nil); err != nil || !d.DueUncertain || due != MustDate("2028-01-03") {
		t.Fatalf("assigned into 2028: %v %v %v", err, d.DueUncertain, due)
	}
	entered := NewCalendar([]DayOverride{{Day: MustDate("2028-01-03"), Name: "元旦"}}, []int{2028})
	if !d.Recount(entered) || d.DueOn != MustDate("2028-01-04") || d.DueUncertain {
		t.Fatalf("recounted: %s uncertain %v", d.DueOn, d.DueUncertain)
	}
	if d.Recount(entered) {
		t.Fatal("a certain date is not counted again")
	}
}

// A draft awaits the 副主任's and the 主任's 审核, and a government
// document the 分管副区长's too; a signed one awaits none.
func TestReviewsAwaited(t *testing.T) {
	s := Settings{IssuingCodes: []IssuingCode{{Code: "示府发", Body: IssuerGovernment}, {Code: "示府办发", Body: IssuerOffice}}}
	d := &Document{Direction: Outgoing, IssuingCode: "示府办发"}
	if got := strings.Join(d.ReviewsAwaited(s), "、"); got != "副主任、主任" {
		t.Errorf("office draft awaits %s", got)
	}
	d.IssuingCode = "示府发"
	d.Reviews = []Review{{Leader: "孙堃", Role: RoleDeputyDirector}, {Leader: "周喆", Role: RoleOfficeDirector}}
	if got := strings.Join(d.ReviewsAwaited(s), "、"); got != "分管副区长审核" {
		t.Errorf("government draft after two reviews awaits %s", got)
	}
	d.Reviews = append(d.Reviews, Review{Leader: "刘常务", Role: RoleExecutiveVice})
	if got := d.ReviewsAwaited(s); len(got) != 0 {
		t.Errorf("reviewed draft awaits %v", got)
	}
	d.Reviews, d.Signer = nil, "王区长"
	if got := d.ReviewsAwaited(s); len(got) != 0 {
		t.Errorf("signed document awaits %v", got)
	}
}
