package app

import (
	"fmt"
	"slices"
	"strings"
)

// AbsenceKind is why a leader is away (003 第四十四条: 出差出访、脱产学习、
// 请假休假; 000 三十九: 出差、休假、病假、事假).
type AbsenceKind string

const (
	AbsenceTrip    AbsenceKind = "出差"
	AbsenceVisit   AbsenceKind = "出访"
	AbsenceStudy   AbsenceKind = "学习"
	AbsenceLeave   AbsenceKind = "休假"
	AbsenceSick    AbsenceKind = "病假"
	AbsencePrivate AbsenceKind = "事假"
	AbsenceOther   AbsenceKind = "其他"
)

// AbsenceKinds lists the kinds in the order the register offers them.
var AbsenceKinds = []AbsenceKind{AbsenceTrip, AbsenceVisit, AbsenceStudy, AbsenceLeave, AbsenceSick, AbsencePrivate, AbsenceOther}

// AbsenceReport is one report of the absence: to whom (市政府办公室,
// 区委办公室, 区长 …) and on which day.
type AbsenceReport struct {
	To string
	On Date
}

// Absence is one entry of the register of leaders' absences: who is away,
// when, where and how to reach him, who stands in, and to whom it was
// reported (003 第四十四条; 002 第三篇 二十二: 时间、前往地点、联系办法;
// 004 四十一; 000 三十九).
type Absence struct {
	ID       int64
	Leader   string
	Kind     AbsenceKind
	From, To Date // both days included
	Place    string
	Contact  string // 联系办法
	StandIn  string // who acts for him meanwhile; empty: nobody named
	Reports  []AbsenceReport
	Remarks  string // 文件呈送方式 and the like (002 第三篇 二十二)
}

// Covers reports whether the leader is away on day d.
func (a Absence) Covers(d Date) bool { return !d.Before(a.From) && !d.After(a.To) }

// Overlaps reports whether the absence shares a day with from–to.
func (a Absence) Overlaps(from, to Date) bool { return !a.To.Before(from) && !a.From.After(to) }

// Period is the absence's days as the office writes them.
func (a Absence) Period() string { return period(a.From, a.To) }

// Validate checks the entry before it is recorded; a named stand-in must
// be one the office's rules allow (see StandIn.Validate).
func (a *Absence) Validate(leaders []Leader, rules SigningRules) error {
	a.Leader, a.Place, a.Contact = strings.TrimSpace(a.Leader), strings.TrimSpace(a.Place), strings.TrimSpace(a.Contact)
	a.StandIn, a.Remarks = strings.TrimSpace(a.StandIn), strings.TrimSpace(a.Remarks)
	if _, err := LeaderNamed(leaders, a.Leader); err != nil {
		return err
	}
	if a.Kind == "" {
		a.Kind = AbsenceTrip
	}
	if !slices.Contains(AbsenceKinds, a.Kind) {
		return Errorf(EINVALID, "外出类别“%s”不认识，应为%s", a.Kind, orPosts(AbsenceKinds))
	}
	if a.From.IsZero() || a.To.IsZero() {
		return Errorf(EINVALID, "请填写外出的起止日期")
	}
	if a.To.Before(a.From) {
		return Errorf(EINVALID, "返回日期（%s）不能早于外出日期（%s）", a.To, a.From)
	}
	if a.Place == "" {
		return Errorf(EINVALID, "请填写前往地点")
	}
	for i := range a.Reports {
		r := &a.Reports[i]
		r.To = strings.TrimSpace(r.To)
		if r.To == "" {
			return Errorf(EINVALID, "第%d条报告请写明报告给谁（如市政府办公室、区委办公室）", i+1)
		}
		if r.On.IsZero() {
			return Errorf(EINVALID, "请填写向%s报告的日期", r.To)
		}
	}
	if a.StandIn != "" {
		s, _ := a.StandInRecord()
		if err := s.Validate(leaders, rules); err != nil {
			return err
		}
	}
	return nil
}

// StandInRecord is the stand-in an absence names: the deputy acts for the
// leader for the whole absence.
func (a Absence) StandInRecord() (StandIn, bool) {
	if a.StandIn == "" {
		return StandIn{}, false
	}
	return StandIn{Leader: a.Leader, Deputy: a.StandIn, From: a.From, To: a.To,
		Reason: a.Leader + string(a.Kind) + "（" + a.Place + "）", AbsenceID: a.ID}, true
}

// Warnings are what the secretary should look at before recording the
// absence, none of which stops it: a report that is missing or came after
// the leader left (the rules ask 事先), the same leader away twice on one
// day, and a 副主任 away together with the vice-mayor he is linked to
// (000 三十九: 副主任不和分管副区长同时休假).
func (a Absence) Warnings(register []Absence, leaders []Leader, rules SigningRules) []string {
	var out []string
	who, _ := leaderByName(leaders, a.Leader)
	if rule, ok := rules.ReportsFor(who.Role); ok {
		var missing []string
		for _, to := range rule.To {
			if !slices.ContainsFunc(a.Reports, func(r AbsenceReport) bool { return strings.Contains(r.To, to) }) {
				missing = append(missing, to)
			}
		}
		if len(missing) > 0 {
			out = append(out, fmt.Sprintf("%s外出应事先报告%s（%s），尚未记录向%s的报告", who.Role, strings.Join(rule.To, "、"), rule.Cite, strings.Join(missing, "、")))
		}
	}
	for _, r := range a.Reports {
		if r.On.After(a.From) {
			out = append(out, fmt.Sprintf("向%s的报告（%s）晚于外出日期（%s），应事先报告", r.To, r.On, a.From))
		}
	}
	for _, o := range register {
		if (a.ID != 0 && o.ID == a.ID) || !o.Overlaps(a.From, a.To) {
			continue
		}
		from, to := slices.MaxFunc([]Date{a.From, o.From}, Date.Compare), slices.MinFunc([]Date{a.To, o.To}, Date.Compare)
		other, _ := leaderByName(leaders, o.Leader)
		switch {
		case o.Leader == a.Leader:
			out = append(out, fmt.Sprintf("%s在%s已有一条外出登记（%s），请核对是否重复", a.Leader, period(from, to), o.Period()))
		case who.Role == RoleDeputyDirector && who.LinkedTo == o.Leader:
			out = append(out, linkedAway(who, other, from, to))
		case other.Role == RoleDeputyDirector && other.LinkedTo == a.Leader:
			out = append(out, linkedAway(other, who, from, to))
		}
	}
	return out
}

func linkedAway(deputy, vice Leader, from, to Date) string {
	return fmt.Sprintf("副主任%s与其联系的%s%s在%s同时外出；副主任不宜与分管副区长同时休假，请另作安排或指定代理", deputy.Name, vice.Role, vice.Name, period(from, to))
}

// WeekOf is the Monday and the Sunday of the week of d, the week the
// 工作台 shows.
func WeekOf(d Date) (Date, Date) {
	back := (int(d.Weekday()) + 6) % 7 // days since Monday
	monday := d.AddDays(-back)
	return monday, monday.AddDays(6)
}

// AwayBetween lists the absences that share a day with from–to, in the
// order of the leaders' list, then by the day they leave: "who is away
// this week" on the 工作台.
func AwayBetween(register []Absence, from, to Date, leaders []Leader) []Absence {
	var out []Absence
	for _, a := range register {
		if a.Overlaps(from, to) {
			out = append(out, a)
		}
	}
	rank := map[string]int{}
	for i, l := range LeadersInOrder(leaders) {
		rank[l.Name] = i + 1
	}
	slices.SortStableFunc(out, func(a, b Absence) int {
		ra, rb := rank[a.Leader], rank[b.Leader]
		if ra == 0 {
			ra = len(leaders) + 1
		}
		if rb == 0 {
			rb = len(leaders) + 1
		}
		if ra != rb {
			return ra - rb
		}
		return a.From.Compare(b.From)
	})
	return out
}

// AwayLine is an absence as the 工作台 lists it: 王五（区长）出差 3月2日—3月6日
// 北京，李四代理.
func (a Absence) AwayLine(leaders []Leader) string {
	days := shortDay(a.From)
	if a.To != a.From {
		days += "—" + shortDay(a.To)
	}
	line := fmt.Sprintf("%s%s %s %s", withPost(leaders, a.Leader), a.Kind, days, a.Place)
	if a.StandIn != "" {
		line += "，" + a.StandIn + "代理"
	}
	return line
}

func shortDay(d Date) string { return fmt.Sprintf("%d月%d日", int(d.Month), d.Day) }
