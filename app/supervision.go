package app

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// SourceType is where a supervision item comes from.
type SourceType string

const (
	SourceInstruction SourceType = "领导批示"
	SourceMeeting     SourceType = "会议议定事项"
	SourceKeyTask     SourceType = "重点工作"
	SourceSuperior    SourceType = "上级决策部署"
	SourceNPC         SourceType = "人大代表建议"
	SourceCPPCC       SourceType = "政协委员提案"
	SourceLetter      SourceType = "群众来信来电"
	SourceProject     SourceType = "重大项目"
	SourceOther       SourceType = "其他"
)

var SourceTypes = []SourceType{SourceInstruction, SourceMeeting, SourceKeyTask, SourceSuperior, SourceNPC, SourceCPPCC, SourceLetter, SourceProject, SourceOther}

// NeedsSatisfaction reports whether the deputy's satisfaction is asked.
func (s SourceType) NeedsSatisfaction() bool { return s == SourceNPC || s == SourceCPPCC }

// ItemStatus is open or done; a follow-up visit may reopen.
type ItemStatus string

const (
	ItemOpen ItemStatus = "open"
	ItemDone ItemStatus = "done"
)

func (s ItemStatus) Label() string {
	if s == ItemDone {
		return "已办结"
	}
	return "正在办理"
}

// Satisfaction of a deputy with the answer to a suggestion or proposal.
type Satisfaction string

const (
	Satisfied       Satisfaction = "满意"
	FairlySatisfied Satisfaction = "基本满意"
	Unsatisfied     Satisfaction = "不满意"
)

// Stage is an intermediate deadline of an item.
type Stage struct {
	Name     string
	Deadline Date
	DoneOn   Date
}

// Progress is one entry of feedback from the lead unit.
type Progress struct {
	On       Date
	Text     string
	Operator string
}

// FollowUp is a 回访 after closing.
type FollowUp struct {
	On       Date
	Text     string
	Reopened bool
}

// Item is a 督查事项.
type Item struct {
	ID              int64
	Number          string // 督办编号 督〔2026〕12号
	Year            int
	Seq             int
	SourceType      SourceType
	SourceRef       string // the document, meeting decision or instruction it comes from
	SourceDocID     int64
	SourceMeetingID int64
	Title           string
	Content         string
	LeadUnit        string
	CoUnits         []string
	Responsible     string // 责任人
	LeaderInCharge  string // 分管领导
	AssignedOn      Date
	Deadline        Date
	Stages          []Stage
	ReportEvery     string // 每周 / 每半月 / 每月 / 办结时
	Status          ItemStatus
	DoneOn          Date
	Result          string
	Satisfaction    Satisfaction
	Progress        []Progress
	FollowUps       []FollowUp

	CreatedAt time.Time
	UpdatedAt time.Time
	UpdatedBy string // who saved it last
	// Version counts the saves: a form's save is refused when the record
	// was saved by someone else since the form read it (EditConflict).
	Version int
}

// ItemNumber formats the 督办编号.
func ItemNumber(year, seq int) string { return fmt.Sprintf("督〔%d〕%d号", year, seq) }

// Validate checks a new or edited item.
func (it *Item) Validate() error {
	it.Title, it.LeadUnit = strings.TrimSpace(it.Title), strings.TrimSpace(it.LeadUnit)
	switch {
	case it.Title == "":
		return Errorf(EINVALID, "请填写督办事项名称")
	case it.LeadUnit == "":
		return Errorf(EINVALID, "请填写牵头单位")
	case it.AssignedOn.IsZero():
		return Errorf(EINVALID, "请填写交办日期")
	case it.Deadline.IsZero():
		return Errorf(EINVALID, "请填写完成时限")
	case it.Deadline.Before(it.AssignedOn):
		return Errorf(EINVALID, "完成时限（%s）不能早于交办日期（%s）", it.Deadline, it.AssignedOn)
	}
	if err := it.CheckLengths(); err != nil {
		return err
	}
	if it.SourceType == "" {
		it.SourceType = SourceOther
	}
	if !slices.Contains(SourceTypes, it.SourceType) {
		return Errorf(EINVALID, "事项来源“%s”无法识别", it.SourceType)
	}
	for _, s := range it.Stages {
		if s.Deadline.IsZero() || s.Deadline.After(it.Deadline) || s.Deadline.Before(it.AssignedOn) {
			return Errorf(EINVALID, "阶段“%s”的时限应在交办日期和完成时限之间", s.Name)
		}
	}
	if it.Status == "" {
		it.Status = ItemOpen
	}
	return nil
}

// CurrentDeadline is the deadline that counts now: the first unfinished
// stage's, else the item's.
func (it *Item) CurrentDeadline() Date {
	for _, s := range it.Stages {
		if s.DoneOn.IsZero() {
			return s.Deadline
		}
	}
	return it.Deadline
}

// Colour is the warning colour of 三单预警.
type Colour string

const (
	ColourBlue   Colour = "blue"   // 蓝: on track
	ColourYellow Colour = "yellow" // 黄: close to the limit
	ColourRed    Colour = "red"    // 红: overdue
	ColourDone   Colour = "done"   // 已办结
)

func (c Colour) Label() string {
	return map[Colour]string{ColourBlue: "正常", ColourYellow: "临期", ColourRed: "逾期", ColourDone: "已办结"}[c]
}

// ColourOn is the item's colour on day: red past the current deadline, yellow
// when it falls within warnDays working days, blue otherwise.
func (it *Item) ColourOn(day Date, cal *Calendar, warnDays int) Colour {
	if it.Status == ItemDone {
		return ColourDone
	}
	dl := it.CurrentDeadline()
	if dl.Before(day) {
		return ColourRed
	}
	if cal.WorkdaysBetween(day, dl) <= warnDays {
		return ColourYellow
	}
	return ColourBlue
}

// WarnUntil is the last day whose deadline is yellow on day.
func WarnUntil(day Date, cal *Calendar, warnDays int) Date {
	d, _ := cal.AddWorkdays(day, warnDays)
	// calendar days after the last working day but before the next one count too
	for next := d.AddDays(1); !cal.IsWorkday(next); next = next.AddDays(1) {
		d = next
	}
	return d
}

// DoneOnTime reports whether a done item closed within its deadline.
func (it *Item) DoneOnTime() bool {
	return it.Status == ItemDone && !it.DoneOn.After(it.Deadline)
}

// CanAddProgress says why no feedback can be recorded now, or nil.
func (it *Item) CanAddProgress() error {
	if it.Status == ItemDone {
		return Errorf(ESTATE, "督办事项%s已办结销号，不再登记进展；如需继续办理，请在“回访”中重新交办", it.Number)
	}
	return nil
}

// CanEdit says why the item's assignment can no longer be changed, or nil.
func (it *Item) CanEdit() error {
	if it.Status == ItemDone {
		return Errorf(ESTATE, "督办事项%s已办结销号，不能修改；如需继续办理，请在“回访”中重新交办", it.Number)
	}
	return nil
}

// AddProgress records feedback from the lead unit.
func (it *Item) AddProgress(p Progress) error {
	if err := it.CanAddProgress(); err != nil {
		return err
	}
	p.Text = strings.TrimSpace(p.Text)
	if p.Text == "" {
		return Errorf(EINVALID, "请填写进展情况")
	}
	if p.On.IsZero() || p.On.Before(it.AssignedOn) {
		return Errorf(EINVALID, "反馈日期不能早于交办日期（%s）", it.AssignedOn)
	}
	it.Progress = append(it.Progress, p)
	return nil
}

// CanCompleteStage says why no stage can be marked done now, or nil.
func (it *Item) CanCompleteStage() error {
	if it.Status == ItemDone {
		return Errorf(ESTATE, "督办事项%s已办结销号", it.Number)
	}
	if len(it.Stages) == 0 {
		return Errorf(ESTATE, "督办事项%s没有分阶段时限", it.Number)
	}
	for _, st := range it.Stages {
		if st.DoneOn.IsZero() {
			return nil
		}
	}
	return Errorf(ESTATE, "督办事项%s的各阶段都已完成", it.Number)
}

// CompleteStage marks stage i done.
func (it *Item) CompleteStage(i int, on Date) error {
	if it.Status == ItemDone {
		return Errorf(ESTATE, "督办事项%s已办结销号", it.Number)
	}
	if i < 0 || i >= len(it.Stages) {
		return Errorf(ENOTFOUND, "没有这个阶段")
	}
	if !it.Stages[i].DoneOn.IsZero() {
		return Errorf(ESTATE, "阶段“%s”已完成", it.Stages[i].Name)
	}
	it.Stages[i].DoneOn = on
	return nil
}

// CanComplete says why the item cannot be closed now, or nil.
func (it *Item) CanComplete() error {
	if it.Status == ItemDone {
		return Errorf(ESTATE, "督办事项%s已办结", it.Number)
	}
	return nil
}

// Complete closes the item (办结/销号) with its result.
func (it *Item) Complete(result string, on Date) error {
	if err := it.CanComplete(); err != nil {
		return err
	}
	if strings.TrimSpace(result) == "" {
		return Errorf(EINVALID, "请填写办理结果")
	}
	if on.IsZero() || on.Before(it.AssignedOn) {
		return Errorf(EINVALID, "办结日期不能早于交办日期（%s）", it.AssignedOn)
	}
	for i := range it.Stages {
		if it.Stages[i].DoneOn.IsZero() {
			it.Stages[i].DoneOn = on
		}
	}
	it.Result, it.DoneOn, it.Status = strings.TrimSpace(result), on, ItemDone
	return nil
}

// CanVisit says why no 回访 can be recorded now, or nil.
func (it *Item) CanVisit() error {
	if it.Status != ItemDone {
		return Errorf(ESTATE, "回访只能在办结之后进行")
	}
	return nil
}

// Visit records a 回访 of a done item; reopen sends it back to the unit.
func (it *Item) Visit(on Date, text string, reopen bool, newDeadline Date) error {
	if err := it.CanVisit(); err != nil {
		return err
	}
	if strings.TrimSpace(text) == "" {
		return Errorf(EINVALID, "请填写回访情况")
	}
	if on.Before(it.DoneOn) {
		return Errorf(EINVALID, "回访日期不能早于办结日期（%s）", it.DoneOn)
	}
	if reopen {
		if err := checkNewDeadline(on, newDeadline); err != nil {
			return err
		}
		it.reopen(newDeadline)
	}
	it.FollowUps = append(it.FollowUps, FollowUp{On: on, Text: strings.TrimSpace(text), Reopened: reopen})
	return nil
}

func checkNewDeadline(on, newDeadline Date) error {
	if newDeadline.IsZero() || !newDeadline.After(on) {
		return Errorf(EINVALID, "重新交办时请给出晚于%s的新时限", on)
	}
	return nil
}

func (it *Item) reopen(newDeadline Date) {
	it.Status, it.DoneOn, it.Result, it.Deadline = ItemOpen, Date{}, "", newDeadline
}

// CanRecordSatisfaction says why no 满意度 can be recorded now, or nil.
func (it *Item) CanRecordSatisfaction() error {
	if !it.SourceType.NeedsSatisfaction() {
		return Errorf(EINVALID, "只有人大代表建议和政协委员提案需要登记满意度")
	}
	if it.Status != ItemDone {
		return Errorf(ESTATE, "答复办结后才能登记满意度")
	}
	return nil
}

// CanOpenSource says why the item has no source record to show, or nil.
func (it *Item) CanOpenSource() error {
	if it.SourceDocID == 0 && it.SourceMeetingID == 0 {
		return Errorf(ENOTFOUND, "这个督办事项是直接立项的，不是由公文批示或会议议定事项转来，没有来源记录")
	}
	return nil
}

// RecordSatisfaction records the deputy's answer to a suggestion or proposal;
// 不满意 sends the item back to the unit with a new deadline.
func (it *Item) RecordSatisfaction(s Satisfaction, on Date, newDeadline Date) error {
	if err := it.CanRecordSatisfaction(); err != nil {
		return err
	}
	switch s {
	case Satisfied, FairlySatisfied:
		it.Satisfaction = s
		return nil
	case Unsatisfied:
		if err := checkNewDeadline(on, newDeadline); err != nil {
			return err
		}
		it.Satisfaction = s
		it.FollowUps = append(it.FollowUps, FollowUp{On: on, Text: "代表（委员）对答复不满意，退回承办单位重新办理", Reopened: true})
		it.reopen(newDeadline)
		return nil
	}
	return Errorf(EINVALID, "满意度应为满意、基本满意或不满意")
}

// ItemFromInstruction makes a supervision item of a leader's 批示 on a
// document, keeping the link.
func ItemFromInstruction(d *Document, in Instruction, deadline Date) Item {
	return Item{
		SourceType: SourceInstruction, SourceDocID: d.ID,
		SourceRef:      fmt.Sprintf("%s同志在《%s》（%s）上的批示", in.Leader, d.Title, firstNonEmpty(d.DocNo, d.Serial)),
		Title:          d.Title,
		Content:        in.Text,
		LeadUnit:       d.LeadUnit,
		CoUnits:        slices.Clone(d.CoUnits),
		LeaderInCharge: in.Leader,
		AssignedOn:     in.On,
		Deadline:       firstDate(deadline, d.DueOn),
		ReportEvery:    "办结时",
	}
}

// ItemFromDecision makes a supervision item of a meeting's decision.
func ItemFromDecision(m *Meeting, dec Decision) Item {
	return Item{
		SourceType: SourceMeeting, SourceMeetingID: m.ID,
		SourceRef:      fmt.Sprintf("%s议定事项第%d项", m.Name(), dec.Seq),
		Title:          dec.Content,
		Content:        dec.Content,
		LeadUnit:       dec.LeadUnit,
		CoUnits:        slices.Clone(dec.CoUnits),
		LeaderInCharge: m.Chair,
		AssignedOn:     m.Date,
		Deadline:       dec.Deadline,
		ReportEvery:    "每月",
	}
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

func firstDate(ds ...Date) Date {
	for _, d := range ds {
		if !d.IsZero() {
			return d
		}
	}
	return Date{}
}
