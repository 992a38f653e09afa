package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Date is a calendar day with no time of day or zone. The zero Date means
// "no date".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// D builds a Date.
func D(year int, month time.Month, day int) Date {
	return DateOf(time.Date(year, month, day, 0, 0, 0, 0, time.UTC))
}

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// Today is the local calendar day.
func Today() Date { return DateOf(time.Now()) }

func (d Date) IsZero() bool { return d == Date{} }

// Time is midnight UTC of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// String is the ISO form 2026-01-05, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Compact is the 8-digit form 20260105 of the archive catalogue.
func (d Date) Compact() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day)
}

// Chinese is the form 2026年1月5日 used on printed paper.
func (d Date) Chinese() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year, int(d.Month), d.Day)
}

func (d Date) AddDays(n int) Date    { return DateOf(d.Time().AddDate(0, 0, n)) }
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }
func (d Date) Before(o Date) bool    { return d.Compare(o) < 0 }
func (d Date) After(o Date) bool     { return d.Compare(o) > 0 }
func (d Date) DaysUntil(o Date) int  { return int(o.Time().Sub(d.Time()).Hours() / 24) }
func (d Date) SameMonth(o Date) bool { return d.Year == o.Year && d.Month == o.Month }
func (d Date) FirstOfMonth() Date    { return Date{d.Year, d.Month, 1} }
func (d Date) LastOfMonth() Date     { return D(d.Year, d.Month+1, 0) }
func (d Date) Compare(o Date) int {
	switch a, b := d.Year*10000+int(d.Month)*100+d.Day, o.Year*10000+int(o.Month)*100+o.Day; {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// MustDate parses an ISO date and panics on error; for tests and fixed data.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// ParseDate reads a date the way secretaries write it: 2026-03-05, 2026/3/5,
// 2026.3.5, 2026年3月5日, 20260105, with full-width digits and stray spaces.
// An empty string is the zero date.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(NormalizeWidth(s))
	if s == "" {
		return Date{}, nil
	}
	typed := s // for the message, which is built only when needed
	bad := func() error {
		return Errorf(EINVALID, "日期“%s”无法识别，请按 2026-01-05 的格式填写", Excerpt(typed))
	}
	var parts []string
	if len(s) == 8 && !strings.ContainsFunc(s, func(r rune) bool { return r < '0' || r > '9' }) {
		parts = []string{s[:4], s[4:6], s[6:]}
	} else {
		s = strings.TrimSuffix(strings.TrimSuffix(s, "日"), "号")
		parts = strings.FieldsFunc(s, func(r rune) bool {
			return r == '-' || r == '/' || r == '.' || r == '年' || r == '月' || r == ' '
		})
	}
	if len(parts) != 3 {
		return Date{}, bad()
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return Date{}, bad()
		}
		n[i] = v
	}
	if n[0] < 1900 || n[0] > 2200 || n[1] < 1 || n[1] > 12 || n[2] < 1 {
		return Date{}, bad()
	}
	d := D(n[0], time.Month(n[1]), n[2])
	if d.Day != n[2] {
		return Date{}, Errorf(EINVALID, "日期“%s”不存在（%d年%d月没有%d日）", Excerpt(s), n[0], n[1], n[2])
	}
	return d, nil
}

// NormalizeWidth turns full-width ASCII (０-９, Ａ-Ｚ, the ideographic space)
// into its half-width form, which is how spreadsheets and IMEs often deliver
// digits.
func NormalizeWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\u3000':
			return ' '
		case r >= '！' && r <= '～' && r != '（' && r != '）':
			return r - 0xFEE0
		case unicode.IsSpace(r):
			return ' '
		}
		return r
	}, s)
}
