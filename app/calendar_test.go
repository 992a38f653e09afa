package app

import (
	"strings"
	"testing"
)

func TestAddWorkdays(t *testing.T) {
	cal := NewCalendar(nil, nil)
	tests := []struct {
		name string
		from string
		n    int
		want string
	}{
		{"a normal week: Wednesday + 5 is the next Wednesday", "2026-11-18", 5, "2026-11-25"},
		{"the start day is not counted", "2026-11-20", 1, "2026-11-23"},
		{"over the National Day holiday", "2026-09-30", 1, "2026-10-08"},
		{"a make-up Sunday counts", "2026-09-18", 1, "2026-09-20"},
		{"a make-up Saturday after the holiday", "2026-10-09", 1, "2026-10-10"},
		{"over Spring Festival 2026", "2026-02-13", 1, "2026-02-14"},
		{"zero days", "2026-11-18", 0, "2026-11-18"},
		// 2027 from the State Council's schedule (lunar-go v1.4.7).
		{"New Year's Day 2027 (Friday) is a holiday", "2026-12-31", 1, "2027-01-04"},
		{"the make-up Sunday before Spring Festival 2027 counts", "2027-01-29", 1, "2027-01-31"},
		{"over Spring Festival 2027 to its make-up Sunday", "2027-02-04", 1, "2027-02-14"},
		{"after Spring Festival 2027", "2027-02-14", 1, "2027-02-15"},
		{"thirty days over the Dragon Boat Festival (06-19)", "2026-06-01", 30, "2026-07-14"},
	}
	for _, tt := range tests {
		got, err := cal.AddWorkdays(MustDate(tt.from), tt.n)
		if err != nil || got != MustDate(tt.want) {
			t.Errorf("%s: AddWorkdays(%s, %d) = %v, %v; want %s", tt.name, tt.from, tt.n, got, err, tt.want)
		}
	}
}

func TestCalendarCoverage(t *testing.T) {
	cal := NewCalendar(nil, nil)
	// 2028's schedule is not published yet (the State Council announces it in
	// late 2027): no library may claim it.
	if !cal.Covers(2026) || !cal.Covers(2027) || cal.Covers(2028) {
		t.Fatalf("built-in years: %v", cal.CoveredYears())
	}
	got, warn := cal.AddWorkdays(MustDate("2027-12-27"), 5)
	if warn == nil || warn.Code != WCOVERAGE || got != MustDate("2028-01-03") || !strings.Contains(warn.String(), "2028年") {
		t.Fatalf("into 2028: %v %v; want a coverage warning and the weekend-only date", got, warn)
	}
	// The office enters the New Year's holiday of 2028 and confirms the year.
	cal = NewCalendar([]DayOverride{{Day: MustDate("2028-01-03"), Name: "元旦"}}, []int{2028})
	got, warn = cal.AddWorkdays(MustDate("2027-12-27"), 5)
	if warn != nil || got != MustDate("2028-01-04") {
		t.Fatalf("with 2028 entered: %v %v", got, warn)
	}
	// Office overrides win over the built-in schedule.
	cal = NewCalendar([]DayOverride{{Day: MustDate("2026-10-08"), Name: "本地调整"}}, nil)
	if cal.IsWorkday(MustDate("2026-10-08")) {
		t.Fatal("override ignored")
	}
}

func TestWorkdaysBetweenAndBack(t *testing.T) {
	cal := NewCalendar(nil, nil)
	if n := cal.WorkdaysBetween(MustDate("2026-09-30"), MustDate("2026-10-09")); n != 2 {
		t.Errorf("WorkdaysBetween over National Day = %d, want 2", n)
	}
	if n := cal.WorkdaysBetween(MustDate("2026-11-25"), MustDate("2026-11-18")); n != -5 {
		t.Errorf("backwards = %d, want -5", n)
	}
	d, err := cal.SubWorkdays(MustDate("2026-10-12"), 5)
	if err != nil || d != MustDate("2026-09-29") {
		t.Errorf("SubWorkdays = %v %v; want 2026-09-29 (10-10 Saturday is a make-up day)", d, err)
	}
}
