package app

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Direction tells the two books apart.
type Direction string

const (
	Incoming Direction = "in"  // 收文
	Outgoing Direction = "out" // 发文
)

func (d Direction) Label() string {
	if d == Outgoing {
		return "发文"
	}
	return "收文"
}

// Secrecy is the 密级.
type Secrecy string

const (
	SecrecyNone      Secrecy = "无"
	SecrecySecret    Secrecy = "秘密"
	SecrecyConfid    Secrecy = "机密"
	SecrecyTopSecret Secrecy = "绝密"
)

var Secrecies = []Secrecy{SecrecyNone, SecrecySecret, SecrecyConfid, SecrecyTopSecret}

// Classified reports whether the document carries a 密级 that must be shown.
func (s Secrecy) Classified() bool { return s != "" && s != SecrecyNone }

// ParseSecrecy accepts the names used in registers ("普通", "非密" and "" mean none).
func ParseSecrecy(s string) (Secrecy, error) {
	switch t := strings.TrimSpace(s); t {
	case "", "无", "普通", "非密", "公开", "一般":
		return SecrecyNone, nil
	case "秘密", "机密", "绝密":
		return Secrecy(t), nil
	}
	return "", Errorf(EINVALID, "密级“%s”无法识别，应为 无、秘密、机密 或 绝密", Excerpt(s))
}

// Urgency is the 紧急程度.
type Urgency string

const (
	UrgencyNormal     Urgency = "平件"
	UrgencyUrgent     Urgency = "加急"
	UrgencyVeryUrgent Urgency = "特急"
)

var Urgencies = []Urgency{UrgencyNormal, UrgencyUrgent, UrgencyVeryUrgent}

// ParseUrgency accepts 急件 and 紧急 as 加急 and "" as 平件.
func ParseUrgency(s string) (Urgency, error) {
	switch t := strings.TrimSpace(s); t {
	case "", "平件", "普通", "一般", "无":
		return UrgencyNormal, nil
	case "加急", "急件", "紧急", "急":
		return UrgencyUrgent, nil
	case "特急", "特提", "特急件":
		return UrgencyVeryUrgent, nil
	}
	return "", Errorf(EINVALID, "紧急程度“%s”无法识别，应为 平件、加急 或 特急", Excerpt(s))
}

// DocKind is the 文件类别: 办件 need action, 阅件 are for reading.
type DocKind string

const (
	KindAction  DocKind = "办件"
	KindReading DocKind = "阅件"
)

// DocStatus is where a document stands in its lifecycle.
type DocStatus string

const (
	// incoming
	StatusRegistered  DocStatus = "registered"
	StatusProposed    DocStatus = "proposed"
	StatusInstructed  DocStatus = "instructed"
	StatusAssigned    DocStatus = "assigned"
	StatusDone        DocStatus = "done"
	StatusArchived    DocStatus = "archived"
	StatusReturned    DocStatus = "returned"
	StatusTransferred DocStatus = "transferred"
	// outgoing
	StatusDrafted  DocStatus = "drafted"
	StatusChecked  DocStatus = "checked"
	StatusReviewed DocStatus = "reviewed"
	StatusSigned   DocStatus = "signed"
	StatusIssued   DocStatus = "issued"
)

var statusLabels = map[DocStatus]string{
	StatusRegistered: "待拟办", StatusProposed: "待批示", StatusInstructed: "已批示",
	StatusAssigned: "承办中", StatusDone: "已办结", StatusArchived: "已归档",
	StatusReturned: "已退文", StatusTransferred: "已转办",
	StatusDrafted: "待核稿", StatusChecked: "待审核", StatusReviewed: "待签发",
	StatusSigned: "待印发", StatusIssued: "已印发",
}

// Label is the Chinese name of the status.
func (s DocStatus) Label() string {
	if l, ok := statusLabels[s]; ok {
		return l
	}
	return string(s)
}

// IncomingStatuses and OutgoingStatuses list each book's statuses in order.
var (
	IncomingStatuses = []DocStatus{StatusRegistered, StatusProposed, StatusInstructed, StatusAssigned, StatusDone, StatusArchived, StatusReturned, StatusTransferred}
	OutgoingStatuses = []DocStatus{StatusDrafted, StatusChecked, StatusReviewed, StatusSigned, StatusIssued, StatusArchived}
)

// Instruction is a leader's 批示 as the secretary copied it from paper.
type Instruction struct {
	Leader string
	Role   Role
	Text   string
	On     Date
}

// Circulation is one reader of the 传阅 list.
type Circulation struct {
	Seq        int
	Reader     string
	SentOn     Date
	ReturnedOn Date
	Comment    string
}

// Reminder is one recorded 催办.
type Reminder struct {
	On       Date
	Text     string
	Operator string
}

// Review is one 审核 of an outgoing draft.
type Review struct {
	Leader  string
	Role    Role // the post reviewed in: the stood-in leader's when For is set
	On      Date
	Opinion string
	For     string // the leader stood in for, when the reviewer acted for him
}

// Document is an entry of either book.
type Document struct {
	ID        int64
	Direction Direction
	Status    DocStatus
	Serial    string // 收文编号 2026-0001 (incoming) or 发文字号 (outgoing, once signed)
	Year      int    // the year the serial counts in

	DocNo       string // 来文字号 (incoming, normalised) or 发文字号 (outgoing)
	Title       string
	FromUnit    string // 来文单位
	ReceivedOn  Date   // 收文日期
	WrittenOn   Date   // 成文日期
	Copies      int
	Pages       int
	Attachments string
	Secrecy     Secrecy
	Urgency     Urgency
	Kind        DocKind
	Remarks     string
	Genre       Genre // 文种 (doctype.go)

	Proposal   string // 拟办意见
	ProposedBy string
	ProposedOn Date

	Instructions []Instruction

	LeadUnit      string
	CoUnits       []string
	LimitWorkdays int
	AssignedOn    Date // 交办: the day the time limit counts from
	DueOn         Date
	DueUncertain  bool // the due date lies in a year whose holidays are unknown

	Result string
	DoneOn Date

	Circulations []Circulation
	Reminders    []Reminder
	Archive      Archive

	ReturnReason string      // 退文 or 转办 reason
	ReturnCause  ReturnCause // the preset cause of a 退文 (doctype.go)
	SenderSigner string      // 来文签发人 of an incoming document
	TransferTo   string
	DuplicateOf  int64 // a probable duplicate the user chose to keep

	// outgoing
	IssuingCode string
	DraftUnit   string
	Drafter     string
	DraftedOn   Date
	CheckedBy   string
	CheckedOn   Date
	Reviews     []Review
	SigningKind SigningKind // 一般公文 …: which row of the signing rules applies
	Signer      string
	SignedFor   string // the leader the signer stood in for, if any
	// SignerPrinted is the signer as the 发文稿纸 prints him: 王五 or 李四（代）
	SignerPrinted string
	SignedOn      Date
	MainTo        string
	CopyTo        string
	Countersign   []string // 会签单位
	IssuedOn      Date     // 印发日期
	PrintCount    int

	Disclosure       Disclosure  // 公开属性 (disclosure.go)
	DisclosureReason string      // why 不予公开
	Normative        bool        // 规范性文件 (normative.go)
	LegalReview      LegalReview // the 区司法局's 合法性审查 of a 规范性文件
	Cosigns          []Cosign    // 会签 sent and replied (cosign.go)

	CreatedAt time.Time
	UpdatedAt time.Time
	UpdatedBy string // who saved it last
	// Version counts the saves: a form's save is refused when the record
	// was saved by someone else since the form read it (EditConflict).
	Version int
}

// IncomingSerial formats a 收文编号.
func IncomingSerial(year, n int) string { return fmt.Sprintf("%d-%04d", year, n) }

// ValidateNew checks a document about to be registered or drafted, and puts
// its fields in normal form.
func (d *Document) ValidateNew() error {
	d.Title = strings.TrimSpace(d.Title)
	d.FromUnit = strings.TrimSpace(d.FromUnit)
	if d.Title == "" {
		return Errorf(EINVALID, "请填写文件标题")
	}
	if err := d.CheckLengths(); err != nil {
		return err
	}
	if d.Copies < 0 || d.Pages < 0 || d.PrintCount < 0 {
		return Errorf(EINVALID, "份数、页数和印数不能为负数")
	}
	if d.Secrecy == "" {
		d.Secrecy = SecrecyNone
	}
	if !slices.Contains(Secrecies, d.Secrecy) {
		return Errorf(EINVALID, "密级“%s”无法识别", Excerpt(string(d.Secrecy)))
	}
	if d.Urgency == "" {
		d.Urgency = UrgencyNormal
	}
	if !slices.Contains(Urgencies, d.Urgency) {
		return Errorf(EINVALID, "紧急程度“%s”无法识别", Excerpt(string(d.Urgency)))
	}
	if d.Kind == "" {
		d.Kind = KindAction
	}
	if d.Kind != KindAction && d.Kind != KindReading {
		return Errorf(EINVALID, "文件类别应为办件或阅件")
	}
	if err := d.validateGenre(); err != nil {
		return err
	}
	switch d.Direction {
	case Incoming:
		if d.FromUnit == "" {
			return Errorf(EINVALID, "请填写来文单位")
		}
		if d.ReceivedOn.IsZero() {
			return Errorf(EINVALID, "请填写收文日期")
		}
		if !d.WrittenOn.IsZero() && d.WrittenOn.After(d.ReceivedOn) {
			return Errorf(EINVALID, "成文日期（%s）不能晚于收文日期（%s）", d.WrittenOn, d.ReceivedOn)
		}
		d.DocNo = NormalizeDocNo(d.DocNo)
		d.Year = d.ReceivedOn.Year
		if d.Status == "" {
			d.Status = StatusRegistered
		}
	case Outgoing:
		d.IssuingCode = strings.TrimSpace(d.IssuingCode)
		if d.IssuingCode == "" {
			return Errorf(EINVALID, "请选择发文代字")
		}
		if strings.TrimSpace(d.DraftUnit) == "" || strings.TrimSpace(d.Drafter) == "" {
			return Errorf(EINVALID, "请填写起草单位和拟稿人")
		}
		if d.DraftedOn.IsZero() {
			return Errorf(EINVALID, "请填写拟稿日期")
		}
		if d.SigningKind != "" && !slices.Contains(SigningKinds, d.SigningKind) {
			return Errorf(EINVALID, "公文类别“%s”无法识别，应为%s、%s、%s或%s", Excerpt(string(d.SigningKind)), SignOrdinary, SignNormative, SignUpward, SignImportant)
		}
		if err := d.validateDisclosure(); err != nil {
			return err
		}
		if d.Status == "" {
			d.Status = StatusDrafted
		}
	default:
		return Errorf(EINVALID, "请指明收文还是发文")
	}
	return nil
}

// ApplyRegistration copies the registration fields of edited onto d: what
// the clerk typed at 登记 or 拟稿. The workflow data (拟办, 批示, 承办, 传阅,
// 催办, results, reviews, signature, archive) is never taken from an edit,
// so an edit form opened before another secretary recorded a step cannot
// undo that step. The 发文代字 is fixed once the document is signed.
func (d *Document) ApplyRegistration(edited *Document) error {
	if err := d.CanEdit(); err != nil {
		return err
	}
	d.Title, d.FromUnit, d.DocNo, d.WrittenOn = edited.Title, edited.FromUnit, edited.DocNo, edited.WrittenOn
	d.Copies, d.Pages, d.Attachments, d.Remarks = edited.Copies, edited.Pages, edited.Attachments, edited.Remarks
	d.Secrecy, d.Urgency, d.Kind, d.Genre = edited.Secrecy, edited.Urgency, edited.Kind, edited.Genre
	if d.Direction == Incoming {
		d.ReceivedOn, d.SenderSigner = edited.ReceivedOn, edited.SenderSigner
	} else {
		d.DraftUnit, d.Drafter, d.DraftedOn = edited.DraftUnit, edited.Drafter, edited.DraftedOn
		d.Disclosure, d.DisclosureReason, d.Normative = edited.Disclosure, edited.DisclosureReason, edited.Normative
		d.MainTo, d.CopyTo, d.Countersign = edited.MainTo, edited.CopyTo, edited.Countersign
		fixed := d.CanChangeIssuingCode()
		if fixed != nil && edited.IssuingCode != d.IssuingCode {
			return fixed
		}
		d.IssuingCode = edited.IssuingCode
		if fixed == nil {
			d.DocNo = ""
			d.SigningKind = edited.SigningKind // a signed document keeps the kind it was signed as
		}
	}
	return d.ValidateNew()
}

// CanChangeIssuingCode says why the 发文代字 is fixed, or nil: a signed
// document has its 发文字号 taken under it.
func (d *Document) CanChangeIssuingCode() error {
	if d.Status == StatusSigned || d.Status == StatusIssued {
		return Errorf(ESTATE, "已签发的公文不能更改发文代字（发文字号%s已取号）", d.DocNo)
	}
	return nil
}

// CanEdit says why the registration can no longer be changed, or nil.
func (d *Document) CanEdit() error {
	if d.Status == StatusArchived {
		return Errorf(ESTATE, "已归档的公文不能修改")
	}
	return nil
}

func (d *Document) mustBe(step string, allowed ...DocStatus) error {
	if slices.Contains(allowed, d.Status) {
		return nil
	}
	names := make([]string, len(allowed))
	for i, s := range allowed {
		names[i] = s.Label()
	}
	return Errorf(ESTATE, "“%s”的当前状态是“%s”，不能%s（只有%s的公文可以%s）", d.shortTitle(), d.Status.Label(), step, strings.Join(names, "、"), step)
}

func (d *Document) shortTitle() string {
	if r := []rune(d.Title); len(r) > 16 {
		return string(r[:16]) + "…"
	}
	return d.Title
}

// perfunctory are proposals that are only a circle or a tick: 000 第二十六条
// asks the proposal to be explicit, "不得简单圈阅处理".
var perfunctory = []string{"阅", "已阅", "圈阅", "请阅", "同意", "拟同意", "请领导阅", "请阅示", "阅示", "√", "○"}

// CanPropose says why the 拟办意见 cannot be written now, or nil.
func (d *Document) CanPropose() error {
	return d.mustBe("拟办", StatusRegistered, StatusProposed)
}

// Propose records the 拟办意见.
func (d *Document) Propose(text, by string, on Date) error {
	if err := d.CanPropose(); err != nil {
		return err
	}
	text = strings.TrimSpace(text)
	if text == "" {
		return Errorf(EINVALID, "请填写拟办意见")
	}
	if slices.Contains(perfunctory, strings.Trim(text, "。.！!，, ")) {
		return Errorf(EINVALID, "拟办意见要明确提出呈送哪位领导、由哪个单位办理，不得简单圈阅处理")
	}
	if on.IsZero() || on.Before(d.ReceivedOn) {
		return Errorf(EINVALID, "拟办日期不能早于收文日期（%s）", d.ReceivedOn)
	}
	d.Proposal, d.ProposedBy, d.ProposedOn = text, strings.TrimSpace(by), on
	d.Status = StatusProposed
	return nil
}

// CanInstruct says why a 批示 cannot be recorded now, or nil.
func (d *Document) CanInstruct() error {
	if d.Status == StatusRegistered {
		return Errorf(ESTATE, "请先填写拟办意见，再登记领导批示")
	}
	return d.mustBe("登记批示", StatusProposed, StatusInstructed, StatusAssigned)
}

// Instruct records a leader's 批示. Several leaders may write in turn.
func (d *Document) Instruct(in Instruction) error {
	if err := d.CanInstruct(); err != nil {
		return err
	}
	in.Leader, in.Text = strings.TrimSpace(in.Leader), strings.TrimSpace(in.Text)
	if in.Leader == "" {
		return Errorf(EINVALID, "请选择作出批示的领导")
	}
	if in.Text == "" {
		return Errorf(EINVALID, "请照录领导批示的内容")
	}
	if in.On.IsZero() || in.On.Before(d.ReceivedOn) {
		return Errorf(EINVALID, "批示日期不能早于收文日期（%s）", d.ReceivedOn)
	}
	d.Instructions = append(d.Instructions, in)
	if d.Status == StatusProposed {
		d.Status = StatusInstructed
	}
	return nil
}

// CanAssign says why the document cannot be sent to a lead unit now, or nil.
func (d *Document) CanAssign() error {
	if d.Status == StatusRegistered {
		return Errorf(ESTATE, "请先填写拟办意见，再交办承办单位")
	}
	return d.mustBe("交办承办", StatusProposed, StatusInstructed, StatusAssigned)
}

// Assign sends the document to its lead unit on day on with a time limit;
// due is the date computed by the calendar and uncertain its coverage
// warning.
func (d *Document) Assign(lead string, co []string, limitWorkdays int, on, due Date, uncertain bool) error {
	if err := d.CanAssign(); err != nil {
		return err
	}
	lead = strings.TrimSpace(lead)
	if lead == "" {
		return Errorf(EINVALID, "请填写承办单位")
	}
	if limitWorkdays < 1 || limitWorkdays > 365 {
		return Errorf(EINVALID, "办理时限应为1到365个工作日")
	}
	var cleaned []string
	for _, c := range co {
		if c = strings.TrimSpace(c); c != "" && c != lead && !slices.Contains(cleaned, c) {
			cleaned = append(cleaned, c)
		}
	}
	d.LeadUnit, d.CoUnits, d.LimitWorkdays, d.DueOn, d.DueUncertain = lead, cleaned, limitWorkdays, due, uncertain
	d.AssignedOn = on
	d.Status = StatusAssigned
	return nil
}

// CanCirculate says why the document cannot be sent round now, or nil.
func (d *Document) CanCirculate() error {
	if d.Direction != Incoming {
		return Errorf(ESTATE, "只有收文可以传阅")
	}
	if d.Status == StatusRegistered {
		return Errorf(ESTATE, "请先填写拟办意见，再送领导传阅")
	}
	return d.mustBe("传阅", StatusProposed, StatusInstructed, StatusAssigned, StatusDone)
}

// Circulate adds readers to the 传阅 list, in the order given.
func (d *Document) Circulate(readers []string, on Date) error {
	if err := d.CanCirculate(); err != nil {
		return err
	}
	if on.IsZero() {
		return Errorf(EINVALID, "请填写送阅日期")
	}
	if len(readers) == 0 {
		return Errorf(EINVALID, "请至少选择一位传阅人")
	}
	for _, r := range readers {
		r = strings.TrimSpace(r)
		if r == "" {
			continue
		}
		for _, c := range d.Circulations {
			if c.Reader == r && c.ReturnedOn.IsZero() {
				return Errorf(ECONFLICT, "%s手上已有这份文件，尚未退回", r)
			}
		}
		d.Circulations = append(d.Circulations, Circulation{Seq: len(d.Circulations) + 1, Reader: r, SentOn: on})
	}
	return nil
}

// CanReturnCirculation says why no reader can give the document back, or nil.
func (d *Document) CanReturnCirculation() error {
	if len(d.Circulations) == 0 {
		return Errorf(ESTATE, "这份公文还没有送阅，没有需要退回的传阅")
	}
	if len(d.Outstanding()) == 0 {
		return Errorf(ESTATE, "传阅人都已退回文件")
	}
	return nil
}

// CanPrintCirculation says why there is no 传阅单 to print, or nil.
func (d *Document) CanPrintCirculation() error {
	if len(d.Circulations) == 0 {
		return Errorf(ESTATE, "这份公文还没有送阅，没有传阅单可打印")
	}
	return nil
}

// ReturnCirculation records that the reader of row seq gave the document back.
func (d *Document) ReturnCirculation(seq int, on Date, comment string) error {
	for i := range d.Circulations {
		c := &d.Circulations[i]
		if c.Seq != seq {
			continue
		}
		if !c.ReturnedOn.IsZero() {
			return Errorf(ESTATE, "%s已于%s退回", c.Reader, c.ReturnedOn)
		}
		if on.IsZero() || on.Before(c.SentOn) {
			return Errorf(EINVALID, "退回日期不能早于送阅日期（%s）", c.SentOn)
		}
		c.ReturnedOn, c.Comment = on, strings.TrimSpace(comment)
		return nil
	}
	return Errorf(ENOTFOUND, "传阅单上没有第%d行", seq)
}

// Outstanding lists the readers who have not returned the document.
func (d *Document) Outstanding() []Circulation {
	var out []Circulation
	for _, c := range d.Circulations {
		if c.ReturnedOn.IsZero() {
			out = append(out, c)
		}
	}
	return out
}

// CanRemind says why a 催办 cannot be recorded now, or nil.
func (d *Document) CanRemind() error {
	return d.mustBe("催办", StatusAssigned)
}

// Remind records a 催办.
func (d *Document) Remind(on Date, text, by string) error {
	if err := d.CanRemind(); err != nil {
		return err
	}
	if on.IsZero() {
		return Errorf(EINVALID, "请填写催办日期")
	}
	text = strings.TrimSpace(text)
	if text == "" {
		text = fmt.Sprintf("请%s于%s前办结并反馈", d.LeadUnit, d.DueOn.Chinese())
	}
	d.Reminders = append(d.Reminders, Reminder{On: on, Text: text, Operator: by})
	return nil
}

// CanComplete says why the document cannot be completed now, or nil.
func (d *Document) CanComplete() error {
	allowed := []DocStatus{StatusAssigned}
	if d.Kind == KindReading {
		allowed = append(allowed, StatusProposed, StatusInstructed)
	}
	return d.mustBe("办结", allowed...)
}

// Complete records the 办理结果 (办结). A 阅件 may be completed without a
// lead unit once read.
func (d *Document) Complete(result string, on Date) error {
	if err := d.CanComplete(); err != nil {
		return err
	}
	result = strings.TrimSpace(result)
	if result == "" && d.Kind == KindAction {
		return Errorf(EINVALID, "请填写办理结果")
	}
	if on.IsZero() || on.Before(d.ReceivedOn) {
		return Errorf(EINVALID, "办结日期不能早于收文日期（%s）", d.ReceivedOn)
	}
	d.Result, d.DoneOn, d.Status = result, on, StatusDone
	return nil
}

// Recount computes the due date again on cal, for a date counted while its
// year's holidays were unknown; it reports whether anything changed.
func (d *Document) Recount(cal *Calendar) bool {
	if d.Status != StatusAssigned || !d.DueUncertain || d.AssignedOn.IsZero() {
		return false
	}
	due, warn := cal.AddWorkdays(d.AssignedOn, d.LimitWorkdays)
	if due == d.DueOn && warn != nil {
		return false
	}
	d.DueOn, d.DueUncertain = due, warn != nil
	return true
}

// OverdueOn reports whether an assigned document is past its due date on day.
func (d *Document) OverdueOn(day Date) bool {
	return d.Status == StatusAssigned && !d.DueOn.IsZero() && d.DueOn.Before(day)
}

// CanReturnToSender says why the document can no longer be sent back, or nil.
func (d *Document) CanReturnToSender() error {
	return d.mustBe("退文", StatusRegistered, StatusProposed)
}

// ReturnToSender is 退文: the document is not accepted, for one of the
// preset causes (ReturnCauses), with the particulars; 其他 needs them.
func (d *Document) ReturnToSender(cause ReturnCause, reason string, on Date) error {
	if err := d.CanReturnToSender(); err != nil {
		return err
	}
	if !slices.Contains(ReturnCauses, cause) {
		return Errorf(EINVALID, "请选择退文原因")
	}
	reason = strings.TrimSpace(reason)
	if reason == "" && cause == CauseOther {
		return Errorf(EINVALID, "退文原因为“其他”的，请写明退文理由")
	}
	d.ReturnCause, d.ReturnReason, d.DoneOn, d.Status = cause, reason, on, StatusReturned
	return nil
}

// CanTransfer says why the document can no longer be passed on, or nil.
func (d *Document) CanTransfer() error {
	return d.mustBe("转办", StatusRegistered, StatusProposed)
}

// Transfer is 转办: the document goes to the competent unit instead.
func (d *Document) Transfer(to, reason string, on Date) error {
	if err := d.CanTransfer(); err != nil {
		return err
	}
	if strings.TrimSpace(to) == "" {
		return Errorf(EINVALID, "请填写转办的单位")
	}
	if strings.TrimSpace(reason) == "" {
		return Errorf(EINVALID, "请写明转办理由")
	}
	d.TransferTo, d.ReturnReason, d.DoneOn, d.Status = strings.TrimSpace(to), strings.TrimSpace(reason), on, StatusTransferred
	return nil
}

// CanCheckDraft says why the draft cannot be checked now, or nil.
func (d *Document) CanCheckDraft() error {
	return d.mustBe("核稿", StatusDrafted)
}

// CheckDraft records the secretary section's 核稿 of an outgoing draft.
func (d *Document) CheckDraft(by string, on Date) error {
	if err := d.CanCheckDraft(); err != nil {
		return err
	}
	if strings.TrimSpace(by) == "" {
		return Errorf(EINVALID, "请填写核稿人")
	}
	d.CheckedBy, d.CheckedOn, d.Status = strings.TrimSpace(by), on, StatusChecked
	return nil
}

// CanReview says why the draft cannot be reviewed now, or nil.
func (d *Document) CanReview() error {
	if d.Status == StatusDrafted {
		return Errorf(ESTATE, "请先核稿，再送领导审核")
	}
	return d.mustBe("审核", StatusChecked, StatusReviewed)
}

// ReviewDraft records a 审核: the linked 副主任, then the 主任, whose review
// makes the draft ready for signing. Government documents are also reviewed
// by the vice-mayor in charge (003 第二十六条).
func (d *Document) ReviewDraft(leader Leader, on Date, opinion string) error {
	if err := d.CanReview(); err != nil {
		return err
	}
	switch leader.Role {
	case RoleDeputyDirector, RoleOfficeDirector, RoleViceMayor, RoleExecutiveVice, RoleMayor: // 区长同意 (003 第二十六条)
	default:
		return Errorf(EINVALID, "审核应由副主任、主任或分管副区长进行，%s是%s", leader.Name, leader.Role)
	}
	d.Reviews = append(d.Reviews, Review{Leader: leader.Name, Role: leader.Role, On: on, Opinion: strings.TrimSpace(opinion)})
	if leader.Role == RoleOfficeDirector {
		d.Status = StatusReviewed
	}
	return nil
}

// ReviewsAwaited names the 审核 a draft still waits for, in order: the
// 副主任, the 主任, then the steps the office's signing rules add for its
// body and kind (分管副区长审核 for a 区政府 document under 003); none once
// it is signed.
func (d *Document) ReviewsAwaited(s Settings) []string {
	if d.Signer != "" {
		return nil
	}
	done := func(roles ...Role) bool {
		return slices.ContainsFunc(d.Reviews, func(r Review) bool { return slices.Contains(roles, r.Role) })
	}
	var out []string
	if !done(RoleDeputyDirector) {
		out = append(out, string(RoleDeputyDirector))
	}
	if !done(RoleOfficeDirector) {
		out = append(out, string(RoleOfficeDirector))
	}
	rule, ok := s.SigningRuleFor(d)
	if !ok {
		return out
	}
	awaited, _ := Authority{Rules: s.SigningRules()}.ReviewsAwaited(rule.Body, d.SigningKind, d.Reviews)
	for _, st := range rule.Reviews {
		office := !slices.ContainsFunc(st.Posts, func(p Role) bool { return p != RoleDeputyDirector && p != RoleOfficeDirector })
		if slices.Contains(awaited, st.Name) && !office { // the office's own steps are named above
			out = append(out, st.Name)
		}
	}
	return out
}

// CanSign says why the document cannot be signed now, or nil.
func (d *Document) CanSign() error {
	switch d.Status {
	case StatusDrafted:
		return Errorf(ESTATE, "请先核稿并由办公室主任审核，再签发")
	case StatusChecked:
		return Errorf(ESTATE, "请先由办公室主任审核，再签发")
	}
	return d.mustBe("签发", StatusReviewed)
}

// CheckSign says why signer cannot sign the document on day on under code,
// or nil: the state and the date. Who may sign and which reviews come
// first are the office's signing rules (Authority.CheckSignature). It needs
// no serial, so that the number is taken only once the 签发 is allowed.
func (d *Document) CheckSign(signer Leader, on Date, code IssuingCode) error {
	if err := d.CanSign(); err != nil {
		return err
	}
	if on.IsZero() || on.Before(d.DraftedOn) {
		return Errorf(EINVALID, "签发日期不能早于拟稿日期（%s）", d.DraftedOn)
	}
	return d.checkBeforeSigning()
}

// Sign records the 签发 and gives the document its 发文字号, serial being
// the number taken for the code's year; it refuses what CheckSign refuses.
func (d *Document) Sign(signer Leader, on Date, code IssuingCode, serial int) error {
	if err := d.CheckSign(signer, on, code); err != nil {
		return err
	}
	no := DocNo{Code: code.Code, Year: on.Year, Serial: serial}
	d.Signer, d.SignedOn, d.Year = signer.Name, on, on.Year
	d.DocNo, d.Serial, d.Status = no.String(), no.String(), StatusSigned
	return nil
}

// CanIssue says why the document cannot be issued now, or nil.
func (d *Document) CanIssue() error {
	if d.Status == StatusDrafted || d.Status == StatusChecked || d.Status == StatusReviewed {
		return Errorf(ESTATE, "公文尚未签发，签发取号后才能印发")
	}
	return d.mustBe("印发", StatusSigned)
}

// Issue records the 印发 of a signed document.
func (d *Document) Issue(on Date, printCount int) error {
	if err := d.CanIssue(); err != nil {
		return err
	}
	if on.Before(d.SignedOn) {
		return Errorf(EINVALID, "印发日期不能早于签发日期（%s）", d.SignedOn)
	}
	if printCount < 1 {
		return Errorf(EINVALID, "请填写印数")
	}
	d.IssuedOn, d.PrintCount, d.Status = on, printCount, StatusIssued
	return nil
}

// CanArchive says why the document cannot be filed now, or nil: incoming
// documents must be done and back from every reader, outgoing ones issued.
func (d *Document) CanArchive() error {
	want := StatusDone
	if d.Direction == Outgoing {
		want = StatusIssued
	}
	if err := d.mustBe("归档", want); err != nil {
		return err
	}
	if out := d.Outstanding(); len(out) > 0 {
		return Errorf(ESTATE, "还有%d位传阅人（%s等）未退回文件，不能归档", len(out), out[0].Reader)
	}
	return nil
}

// CheckArchive says why the document cannot be filed with a's data, or nil;
// a needs no 件号 yet, so that the number is taken only once the filing is
// allowed.
func (d *Document) CheckArchive(a Archive) error {
	if err := a.CheckFiling(); err != nil {
		return err
	}
	return d.CanArchive()
}

// ArchiveAs files the document (归档) when CanArchive allows it.
func (d *Document) ArchiveAs(a Archive) error {
	if err := d.CanArchive(); err != nil {
		return err
	}
	if err := a.Validate(); err != nil {
		return err
	}
	d.Archive, d.Status = a, StatusArchived
	return nil
}

// CanMakeItem says why none of the document's 批示 can become a supervision
// item now, or nil.
func (d *Document) CanMakeItem() error {
	if len(d.Instructions) == 0 {
		return Errorf(ESTATE, "这份公文还没有领导批示，无法转为督办事项")
	}
	if d.LeadUnit == "" {
		return Errorf(EINVALID, "请先交办承办单位，再将批示转为督办事项")
	}
	return nil
}

// ResponsibleBody is the 责任者 of the archive catalogue.
func (d *Document) ResponsibleBody(s Settings) string {
	if d.Direction == Incoming {
		return d.FromUnit
	}
	code := d.IssuingCode
	if code == "" {
		if no, err := ParseDocNo(d.DocNo); err == nil {
			code = no.Code
		}
	}
	// the body a document is issued in the name of follows its 发文代字:
	// 示府发 is the 区人民政府's, 示府办发 the office's
	if c, ok := s.IssuingCodeFor(code); ok && c.Body == IssuerGovernment {
		return s.GovernmentName()
	}
	return s.OfficeName()
}

// DocDate is the document's own date for the catalogue: 成文日期, else the
// date it was received or signed.
func (d *Document) DocDate() Date {
	switch {
	case !d.WrittenOn.IsZero():
		return d.WrittenOn
	case d.Direction == Outgoing:
		return d.SignedOn
	}
	return d.ReceivedOn
}
