package app

import (
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/6tail/lunar-go/HolidayUtil"
)

// DayOverride is one day of the State Council's schedule or of the office's
// own corrections: a holiday (Work=false) or a make-up working day on a
// weekend (Work=true).
type DayOverride struct {
	Day  Date
	Work bool
	Name string
}

// Calendar counts working days: Monday to Friday, minus holidays, plus the
// weekend days declared working days. It knows which years it covers.
type Calendar struct {
	days    map[Date]DayOverride
	covered map[int]bool
}

// builtinYears are the years whose schedule lunar-go carries. Computed once.
var builtinYears = func() []int {
	var ys []int
	for y := 2001; y <= 2100; y++ {
		if l := HolidayUtil.GetHolidaysByYear(y); l != nil && l.Len() > 0 {
			ys = append(ys, y)
		}
	}
	return ys
}()

// NewCalendar builds the calendar from the built-in State Council schedules,
// then the office's overrides (which win), and the years the office has
// entered by hand.
func NewCalendar(overrides []DayOverride, confirmedYears []int) *Calendar {
	c := &Calendar{days: map[Date]DayOverride{}, covered: map[int]bool{}}
	for _, y := range builtinYears {
		c.covered[y] = true
		for e := HolidayUtil.GetHolidaysByYear(y).Front(); e != nil; e = e.Next() {
			h := e.Value.(*HolidayUtil.Holiday)
			d, err := ParseDate(h.GetDay())
			if err != nil || d.Year != y {
				continue
			}
			c.days[d] = DayOverride{Day: d, Work: h.IsWork(), Name: h.GetName()}
		}
	}
	for _, o := range overrides {
		c.days[o.Day] = o
	}
	for _, y := range confirmedYears {
		c.covered[y] = true
	}
	return c
}

// BuiltinYears lists the years whose schedule ships with the program.
func BuiltinYears() []int { return append([]int(nil), builtinYears...) }

// Covers reports whether the holiday schedule of year is known.
func (c *Calendar) Covers(year int) bool { return c.covered[year] }

// CoveredYears lists the covered years in order.
func (c *Calendar) CoveredYears() []int {
	var ys []int
	for y := range c.covered {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}

// Day returns the schedule entry for d, if any.
func (c *Calendar) Day(d Date) (DayOverride, bool) {
	o, ok := c.days[d]
	return o, ok
}

// IsWorkday reports whether d is a working day.
func (c *Calendar) IsWorkday(d Date) bool {
	if o, ok := c.days[d]; ok {
		return o.Work
	}
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// AddWorkdays returns the n-th working day after from (the start day is not
// counted). With n <= 0 it returns from. The warning (WCOVERAGE) is non-nil
// when any day counted lies in a year the calendar does not cover; the date
// returned is then computed on weekends alone and must be shown as uncertain.
func (c *Calendar) AddWorkdays(from Date, n int) (Date, *Warning) {
	d := from
	var uncovered []int
	for i := 0; i < n; {
		d = d.AddDays(1)
		if !c.covered[d.Year] && (len(uncovered) == 0 || uncovered[len(uncovered)-1] != d.Year) {
			uncovered = append(uncovered, d.Year)
		}
		if c.IsWorkday(d) {
			i++
		}
	}
	if len(uncovered) > 0 {
		return d, UncoveredYear(uncovered[0])
	}
	return d, nil
}

// SubWorkdays returns the n-th working day before d (for topics due before a
// meeting), with the same coverage warning as AddWorkdays.
func (c *Calendar) SubWorkdays(to Date, n int) (Date, *Warning) {
	d := to
	var warn *Warning
	for i := 0; i < n; {
		d = d.AddDays(-1)
		if !c.covered[d.Year] && warn == nil {
			warn = UncoveredYear(d.Year)
		}
		if c.IsWorkday(d) {
			i++
		}
	}
	return d, warn
}

// WorkdaysBetween counts working days after from up to and including to;
// negative when to is before from.
func (c *Calendar) WorkdaysBetween(from, to Date) int {
	sign := 1
	if to.Before(from) {
		from, to, sign = to, from, -1
	}
	n := 0
	for d := from.AddDays(1); !d.After(to); d = d.AddDays(1) {
		if c.IsWorkday(d) {
			n++
		}
	}
	return sign * n
}

// UncoveredYear warns that year's holiday schedule is missing.
func UncoveredYear(year int) *Warning {
	return &Warning{Code: WCOVERAGE, Message: fmt.Sprintf("%d年的节假日安排尚未录入，期限按普通周末推算，可能不准确；请在“设置—节假日”中补录%s年的安排", year, strconv.Itoa(year))}
}
