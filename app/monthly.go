package app

import (
	"sort"
	"time"
)

// UnitTally counts one lead unit's items for the monthly report.
type UnitTally struct {
	Unit       string
	DoneOnTime int
	DoneLate   int
	Open       int // open and not overdue
	Overdue    int
}

// Total is every item of the unit.
func (u UnitTally) Total() int { return u.DoneOnTime + u.DoneLate + u.Open + u.Overdue }

// SourceTally counts the items of one source type.
type SourceTally struct {
	Source  SourceType
	Done    int
	Open    int
	Overdue int
}

func (s SourceTally) Total() int { return s.Done + s.Open + s.Overdue }

// ReportRow is one item with its colour at the end of the period.
type ReportRow struct {
	Item   Item
	Colour Colour
}

// MonthlyReport is the 督查通报 of one month: the items in its scope (every
// item assigned by the month's end that was not already done before the
// year began), their counts and rates as of the report day. The counts are
// cumulative over the year, so that an item closed in March stays among
// the year's 累计办结 in every later month.
type MonthlyReport struct {
	OrgName       string
	Issue         int // 第N期
	Year          int
	Month         time.Month
	AsOf          Date // the day colours and overdue are judged on
	IssuedOn      Date // the day of issue printed on the bulletin: the desk's today when built
	Total         int  // 事项总数
	NewThisMonth  int  // 本月新增
	Done          int  // 累计办结: done in the year up to AsOf
	DoneThisMonth int  // 本月办结
	Open          int  // 正在办理 (not overdue)
	Overdue       int  // 逾期未办结
	DoneOnTime    int
	ByUnit        []UnitTally   // most overdue first
	BySource      []SourceTally // in the order of SourceTypes
	Rows          []ReportRow
	OverdueRows   []ReportRow
	Requirements  string
	// ReportTo and SendTo are the 报 and 送 lines of the 版记; empty:
	// DefaultReportTo and DefaultSendTo.
	ReportTo, SendTo string
}

// DoneRate is 办结率, in percent.
func (r MonthlyReport) DoneRate() float64 { return percent(r.Done, r.Total) }

// OnTimeRate is 按期办结率: done on time among done, in percent.
func (r MonthlyReport) OnTimeRate() float64 { return percent(r.DoneOnTime, r.Done) }

func percent(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) * 100 / float64(b)
}

// Whom the 通报 goes to when the secretary names no one: up to the
// district's leaders, out to the towns, streets and departments.
const (
	DefaultReportTo = "区委、区人大常委会、区政协主要领导，区政府领导"
	DefaultSendTo   = "各镇人民政府、街道办事处，区政府各部门、各直属机构"
)

// DefaultRequirements is the closing section a secretary starts from.
const DefaultRequirements = "一、各牵头单位要对照时限要求，倒排工期、挂图作战，确保按期办结。\n" +
	"二、对已逾期事项，牵头单位要于5个工作日内书面说明原因并提出整改措施，报区政府督查室。\n" +
	"三、临期事项的责任单位要加快进度，及时反馈办理情况，避免逾期。\n" +
	"四、区政府督查室将对办结事项开展回访，对敷衍塞责、弄虚作假的予以通报。"

// BuildMonthlyReport counts the items in the month's scope (assigned by its
// end and not done before the year's start), judged on asOf: the month's
// last day, or today for the current month.
func BuildMonthlyReport(items []Item, year int, month time.Month, asOf Date, cal *Calendar, warnDays int) MonthlyReport {
	issued := asOf
	first := D(year, month, 1)
	yearStart := D(year, time.January, 1)
	last := first.LastOfMonth()
	if asOf.IsZero() || asOf.After(last) {
		asOf = last
	}
	r := MonthlyReport{Year: year, Month: month, AsOf: asOf, IssuedOn: issued, Requirements: DefaultRequirements}
	units := map[string]*UnitTally{}
	sources := map[SourceType]*SourceTally{}
	for _, it := range items {
		if it.AssignedOn.After(last) || (it.Status == ItemDone && it.DoneOn.Before(yearStart)) {
			continue
		}
		// judge as of asOf: an item done after it counts as open then
		view := it
		if view.Status == ItemDone && view.DoneOn.After(asOf) {
			view.Status = ItemOpen
		}
		colour := view.ColourOn(asOf, cal, warnDays)
		row := ReportRow{Item: it, Colour: colour}
		r.Rows = append(r.Rows, row)
		r.Total++
		if it.AssignedOn.SameMonth(first) {
			r.NewThisMonth++
		}
		u := units[it.LeadUnit]
		if u == nil {
			u = &UnitTally{Unit: it.LeadUnit}
			units[it.LeadUnit] = u
		}
		s := sources[it.SourceType]
		if s == nil {
			s = &SourceTally{Source: it.SourceType}
			sources[it.SourceType] = s
		}
		switch {
		case colour == ColourDone:
			r.Done++
			s.Done++
			if view.DoneOn.SameMonth(first) {
				r.DoneThisMonth++
			}
			if view.DoneOnTime() {
				r.DoneOnTime++
				u.DoneOnTime++
			} else {
				u.DoneLate++
			}
		case colour == ColourRed:
			r.Overdue++
			u.Overdue++
			s.Overdue++
			r.OverdueRows = append(r.OverdueRows, row)
		default:
			r.Open++
			u.Open++
			s.Open++
		}
	}
	for _, u := range units {
		r.ByUnit = append(r.ByUnit, *u)
	}
	sort.Slice(r.ByUnit, func(i, j int) bool {
		a, b := r.ByUnit[i], r.ByUnit[j]
		if a.Overdue != b.Overdue {
			return a.Overdue > b.Overdue
		}
		if a.Total() != b.Total() {
			return a.Total() > b.Total()
		}
		return a.Unit < b.Unit
	})
	for _, st := range SourceTypes {
		if s := sources[st]; s != nil {
			r.BySource = append(r.BySource, *s)
		}
	}
	sort.SliceStable(r.Rows, func(i, j int) bool { return colourRank(r.Rows[i].Colour) < colourRank(r.Rows[j].Colour) })
	return r
}

func colourRank(c Colour) int {
	return map[Colour]int{ColourRed: 0, ColourYellow: 1, ColourBlue: 2, ColourDone: 3}[c]
}
