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
	Month         time.Month // for a quarter, its last month
	Quarter       int        // 1–4 for a quarterly edition, 0 for a month's report
	AsOf          Date       // the day colours and overdue are judged on
	IssuedOn      Date       // the day of issue printed on the bulletin: the desk's today when built
	Total         int        // 事项总数
	NewThisMonth  int        // 本月新增
	Done          int        // 累计办结: done in the year up to AsOf
	DoneThisMonth int        // 本月办结
	Open          int        // 正在办理 (not overdue)
	Overdue       int        // 逾期未办结
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
	return buildReport(items, MonthlyReport{Year: year, Month: month}, asOf, cal, warnDays)
}

// BuildQuarterlyReport is the quarterly edition of the 通报: the same
// counts, with 本季度新增 and 本季度办结 over the quarter's three months.
func BuildQuarterlyReport(items []Item, year, quarter int, asOf Date, cal *Calendar, warnDays int) MonthlyReport {
	return buildReport(items, MonthlyReport{Year: year, Month: time.Month(3 * quarter), Quarter: quarter}, asOf, cal, warnDays)
}

// PeriodStart is the first day of the report's month or quarter.
func (r MonthlyReport) PeriodStart() Date {
	if r.Quarter > 0 {
		return D(r.Year, time.Month(3*r.Quarter-2), 1)
	}
	return D(r.Year, r.Month, 1)
}

// InPeriod tells whether d falls in the report's month or quarter.
func (r MonthlyReport) InPeriod(d Date) bool {
	return !d.Before(r.PeriodStart()) && !d.After(D(r.Year, r.Month, 1).LastOfMonth())
}

func buildReport(items []Item, r MonthlyReport, asOf Date, cal *Calendar, warnDays int) MonthlyReport {
	issued := asOf
	yearStart := D(r.Year, time.January, 1)
	last := D(r.Year, r.Month, 1).LastOfMonth()
	if asOf.IsZero() || asOf.After(last) {
		asOf = last
	}
	r.AsOf, r.IssuedOn, r.Requirements = asOf, issued, DefaultRequirements
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
		if r.InPeriod(it.AssignedOn) {
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
			if r.InPeriod(view.DoneOn) {
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

// Done is the unit's items done by the report day, on time or late.
func (u UnitTally) Done() int { return u.DoneOnTime + u.DoneLate }

// DoneRate is the unit's 办结率, in percent.
func (u UnitTally) DoneRate() float64 { return percent(u.Done(), u.Total()) }

// OnTimeRate is the unit's 按期办结率: done on time among done, in percent.
func (u UnitTally) OnTimeRate() float64 { return percent(u.DoneOnTime, u.Done()) }

// RankUnits orders the units for the per-unit table: by 按期办结率, then
// 办结率, both highest first, then by name. A unit with nothing done has
// no 按期办结率 and comes after every unit that has done something. Rates
// are compared as fractions (a/b against c/d by a·d and c·b), so that
// 1/3 and 2/6 tie. The tallies given are not changed.
func RankUnits(units []UnitTally) []UnitTally {
	ranked := append([]UnitTally(nil), units...)
	// cmpRate is above 0 when a/b is higher than c/d
	cmpRate := func(a, b, c, d int) int { return a*d - c*b }
	sort.SliceStable(ranked, func(i, j int) bool {
		a, b := ranked[i], ranked[j]
		if (a.Done() > 0) != (b.Done() > 0) {
			return a.Done() > 0
		}
		if a.Done() > 0 {
			if c := cmpRate(a.DoneOnTime, a.Done(), b.DoneOnTime, b.Done()); c != 0 {
				return c > 0
			}
		}
		if c := cmpRate(a.Done(), a.Total(), b.Done(), b.Total()); c != 0 {
			return c > 0
		}
		return a.Unit < b.Unit
	})
	return ranked
}

// RankedUnits are the report's units in the order of RankUnits.
func (r MonthlyReport) RankedUnits() []UnitTally { return RankUnits(r.ByUnit) }

// HonourLists are the 红黄榜 of the per-unit table, n units each way from
// units ranked by RankUnits: 红榜 the first n that have done something and
// have no overdue item (a unit the bulletin names among 逾期未办结 is not
// praised in it), 黄榜 the last n that have an overdue item, worst first.
// No unit is on both; n ≤ 0 names no one.
func HonourLists(ranked []UnitTally, n int) (red, yellow []UnitTally) {
	if n <= 0 {
		return nil, nil
	}
	for _, u := range ranked {
		if len(red) < n && u.Done() > 0 && u.Overdue == 0 {
			red = append(red, u)
		}
	}
	for i := len(ranked) - 1; i >= 0 && len(yellow) < n; i-- {
		if ranked[i].Overdue > 0 {
			yellow = append(yellow, ranked[i])
		}
	}
	return red, yellow
}
