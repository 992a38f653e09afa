package app

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// MeetingKind is the kind of meeting (003 第十四–十九条).
type MeetingKind string

const (
	MeetingPlenary   MeetingKind = "区政府全体会议"
	MeetingExecutive MeetingKind = "区政府常务会议"
	MeetingMayor     MeetingKind = "区长办公会议"
	MeetingTopical   MeetingKind = "区政府专题会议"
	MeetingDirectors MeetingKind = "主任碰头会议"
)

var MeetingKinds = []MeetingKind{MeetingPlenary, MeetingExecutive, MeetingMayor, MeetingTopical, MeetingDirectors}

// NeedsMinutes reports whether meetings of the kind always get minutes.
func (k MeetingKind) NeedsMinutes() bool { return k == MeetingExecutive || k == MeetingMayor }

// Short is the kind without the 区政府 prefix, as used in numbers: 常务会议.
func (k MeetingKind) Short() string { return strings.TrimPrefix(string(k), "区政府") }

// Absentee is a person on leave, with the reason.
type Absentee struct {
	Name   string
	Reason string
}

// Topic is an 议题 with the unit that reports it.
type Topic struct {
	Seq           int
	Title         string
	ReportingUnit string
	DueOn         Date // materials due (常务会议: 5 working days before)
}

// Decision is an 议定事项.
type Decision struct {
	Seq      int
	Content  string
	LeadUnit string
	CoUnits  []string
	Deadline Date
	ItemID   int64 // the supervision item made of it, if any
}

// MinutesText is the decision as minutes print it: its text, then its lead
// and co-units and its one deadline in brackets, ending in 。.
func (d Decision) MinutesText() string {
	var notes []string
	if d.LeadUnit != "" {
		notes = append(notes, "牵头单位："+d.LeadUnit)
	}
	if len(d.CoUnits) > 0 {
		notes = append(notes, "协办单位："+strings.Join(d.CoUnits, "、"))
	}
	if !d.Deadline.IsZero() {
		notes = append(notes, "完成时限："+d.Deadline.Chinese())
	}
	text := strings.TrimSuffix(strings.TrimSpace(d.Content), "。")
	if len(notes) > 0 {
		text += "（" + strings.Join(notes, "；") + "）"
	}
	return text + "。"
}

// ChineseNumeral writes 1–99 as 一 … 九十九, the numbers of 一、 headings.
func ChineseNumeral(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 1 || n > 99:
		return fmt.Sprint(n)
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	}
	return digits[n/10] + "十" + digits[n%10]
}

// Minutes is the 会议纪要 of a meeting.
type Minutes struct {
	Year     int
	Number   int // per kind per year
	Title    string
	Body     string
	Signer   string
	IssuedOn Date
	CopyTo   string // 分送 for the colophon
	// SignedFor is the leader the signer stood in for; SignerPrinted the
	// signature as printed (李四（代）), empty when he signed himself.
	SignedFor     string
	SignerPrinted string
}

// NumberText is the minutes' number, e.g. 〔2026〕5号.
func (m Minutes) NumberText() string {
	if m.Number == 0 {
		return ""
	}
	return fmt.Sprintf("〔%d〕%d号", m.Year, m.Number)
}

// Meeting is one meeting with its people, topics, decisions and minutes.
type Meeting struct {
	ID        int64
	Kind      MeetingKind
	Term      string // 届次, e.g. 十八届政府
	Seq       int    // 第N次
	Date      Date
	Time      string // 上午9:00
	Place     string
	Chair     string
	Attendees []string
	Observers []string // 列席
	Absentees []Absentee
	Recorder  string
	Topics    []Topic
	Decisions []Decision
	Minutes   Minutes

	CreatedAt time.Time
	UpdatedAt time.Time
	UpdatedBy string // who saved it last
	// Version counts the saves: a form's save is refused when the record
	// was saved by someone else since the form read it (EditConflict).
	Version int
}

// Name is the meeting's full name: 十八届政府第5次常务会议 with a 届次,
// else 第5次区政府常务会议, or just the kind.
func (m *Meeting) Name() string {
	switch {
	case m.Term != "" && m.Seq > 0:
		return fmt.Sprintf("%s第%d次%s", m.Term, m.Seq, m.Kind.Short())
	case m.Seq > 0:
		return fmt.Sprintf("第%d次%s", m.Seq, m.Kind)
	}
	return m.Term + string(m.Kind)
}

// DraftMinutes is the body minutes start from when none was written: the
// meeting in one sentence, then each decision as a 一、 paragraph.
func (m *Meeting) DraftMinutes() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s，%s主持召开%s", m.Date.Chinese(), m.Chair, m.Name())
	if len(m.Topics) > 0 {
		titles := make([]string, len(m.Topics))
		for i, t := range m.Topics {
			titles[i] = t.Title
		}
		fmt.Fprintf(&b, "，研究%s等事项", strings.Join(titles, "、"))
	}
	b.WriteString("。现将会议议定事项纪要如下：")
	for i, d := range m.Decisions {
		fmt.Fprintf(&b, "\n%s、%s", ChineseNumeral(i+1), d.MinutesText())
	}
	return b.String()
}

// Validate checks a new or edited meeting and numbers its topics and
// decisions.
func (m *Meeting) Validate() error {
	m.Place, m.Chair = strings.TrimSpace(m.Place), strings.TrimSpace(m.Chair)
	switch {
	case !slices.Contains(MeetingKinds, m.Kind):
		return Errorf(EINVALID, "请选择会议类型")
	case m.Date.IsZero():
		return Errorf(EINVALID, "请填写会议日期")
	case m.Chair == "":
		return Errorf(EINVALID, "请填写主持人")
	case m.Seq < 0:
		return Errorf(EINVALID, "会议次序不能为负数")
	}
	if err := m.CheckLengths(); err != nil {
		return err
	}
	for i := range m.Absentees {
		if strings.TrimSpace(m.Absentees[i].Reason) == "" {
			return Errorf(EINVALID, "请写明%s的请假原因", m.Absentees[i].Name)
		}
	}
	for i := range m.Topics {
		m.Topics[i].Seq = i + 1
		if strings.TrimSpace(m.Topics[i].Title) == "" {
			return Errorf(EINVALID, "第%d个议题没有名称", i+1)
		}
	}
	for i := range m.Decisions {
		m.Decisions[i].Seq = i + 1
		if strings.TrimSpace(m.Decisions[i].Content) == "" {
			return Errorf(EINVALID, "第%d项议定事项没有内容", i+1)
		}
		if dl := m.Decisions[i].Deadline; !dl.IsZero() && dl.Before(m.Date) {
			return Errorf(EINVALID, "第%d项议定事项的时限早于会议日期", i+1)
		}
	}
	return nil
}

// TopicsDue fills the materials due date of each topic: for the 常务会议 5
// working days before the meeting (003 第十五条), with the calendar's
// coverage warning.
func (m *Meeting) TopicsDue(cal *Calendar) *Warning {
	if m.Kind != MeetingExecutive {
		return nil
	}
	due, warn := cal.SubWorkdays(m.Date, 5)
	for i := range m.Topics {
		m.Topics[i].DueOn = due
	}
	return warn
}

// CanMakeItem says why none of the decisions can become a supervision item,
// or nil.
func (m *Meeting) CanMakeItem() error {
	if len(m.Decisions) == 0 {
		return Errorf(ESTATE, "这次会议没有登记议定事项，请先在“修改会议”中填写")
	}
	for _, d := range m.Decisions {
		if d.ItemID == 0 {
			return nil
		}
	}
	return Errorf(ESTATE, "议定事项都已转为督办事项")
}

// Draft says whether the minutes are a draft: written but not yet issued
// with a number. A draft prints as the 送审稿 the 区长 reads and signs.
func (m Minutes) Draft() bool { return m.Number == 0 && strings.TrimSpace(m.Body) != "" }

// CanPrintMinutes says why there are no minutes to print, or nil: issued
// minutes, or a draft once it has a body.
func (m *Meeting) CanPrintMinutes() error {
	if m.Minutes.Number == 0 && !m.Minutes.Draft() {
		return Errorf(ESTATE, "还没有纪要正文，请先在“印发纪要”中填写（可只保存为送审稿）")
	}
	return nil
}

// CanIssueMinutes says why the minutes cannot be issued on today, or nil:
// a meeting not yet held has no minutes.
func (m *Meeting) CanIssueMinutes(today Date) error {
	if m.Date.After(today) {
		return Errorf(ESTATE, "%s定于%s召开，会议召开后才能印发纪要", m.Name(), m.Date.Chinese())
	}
	return nil
}

// SequenceWarning is a warning, not a refusal, when m's 第N次 goes against
// its date among the others of the same kind and 届次: a later number dated
// before an earlier one. Meetings without a number are not compared.
func (m *Meeting) SequenceWarning(others []Meeting) *Warning {
	if m.Seq <= 0 {
		return nil
	}
	for _, o := range others {
		if (m.ID != 0 && o.ID == m.ID) || o.Kind != m.Kind || o.Term != m.Term || o.Seq <= 0 {
			continue
		}
		switch {
		case o.Seq < m.Seq && m.Date.Before(o.Date):
			return &Warning{WSEQUENCE, fmt.Sprintf("已保存，但请核对次序和日期：%s（%s）早于%s（%s）召开", m.Name(), m.Date, o.Name(), o.Date)}
		case o.Seq > m.Seq && o.Date.Before(m.Date):
			return &Warning{WSEQUENCE, fmt.Sprintf("已保存，但请核对次序和日期：%s（%s）晚于%s（%s）召开", m.Name(), m.Date, o.Name(), o.Date)}
		}
	}
	return nil
}

// CheckMinutes says why the minutes cannot be issued with these body,
// signer and date, or nil; it needs no number.
func (m *Meeting) CheckMinutes(body, signer string, on Date) error {
	if strings.TrimSpace(body) == "" {
		return Errorf(EINVALID, "请填写纪要正文")
	}
	if strings.TrimSpace(signer) == "" {
		return Errorf(EINVALID, "请填写纪要签发人")
	}
	if on.Before(m.Date) {
		return Errorf(EINVALID, "纪要印发日期不能早于会议日期（%s）", m.Date)
	}
	return nil
}

// NeedsMinutesNumber reports whether issuing the minutes takes a number:
// reissued minutes keep the one they were given, and its year.
func (m *Meeting) NeedsMinutesNumber() bool { return m.Minutes.Number == 0 }

// IssueMinutes fills the minutes, with number when NeedsMinutesNumber; it
// refuses what CheckMinutes refuses.
func (m *Meeting) IssueMinutes(number int, body, signer string, on Date) error {
	if err := m.CheckMinutes(body, signer, on); err != nil {
		return err
	}
	if m.NeedsMinutesNumber() {
		m.Minutes.Year, m.Minutes.Number = on.Year, number
	}
	m.Minutes.Body, m.Minutes.Signer, m.Minutes.IssuedOn = strings.TrimSpace(body), strings.TrimSpace(signer), on
	if m.Minutes.Title == "" {
		m.Minutes.Title = m.Name() + "纪要"
	}
	return nil
}
