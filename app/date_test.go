package app

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		bad  bool
	}{
		{"2026-03-05", D(2026, 3, 5), false},
		{"2026/3/5", D(2026, 3, 5), false},
		{"2026.3.5", D(2026, 3, 5), false},
		{"2026年3月5日", D(2026, 3, 5), false},
		{" 2026年3月5号 ", D(2026, 3, 5), false},
		{"20260305", D(2026, 3, 5), false},
		{"２０２６－０３－０５", D(2026, 3, 5), false},
		{"", Date{}, false},
		{"2026-02-30", Date{}, true},
		{"2026-13-01", Date{}, true},
		{"明天", Date{}, true},
		{"2026-3", Date{}, true},
		{"0026-03-05", Date{}, true},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if tt.bad {
			if ErrorCode(err) != EINVALID {
				t.Errorf("ParseDate(%q) error = %v, want EINVALID", tt.in, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestDateForms(t *testing.T) {
	d := D(2026, 1, 5)
	if d.String() != "2026-01-05" || d.Compact() != "20260105" || d.Chinese() != "2026年1月5日" {
		t.Fatalf("forms of %v: %s %s %s", d, d.String(), d.Compact(), d.Chinese())
	}
	if (Date{}).String() != "" || !(Date{}).IsZero() {
		t.Fatal("zero date must print empty")
	}
	if D(2026, 2, 1).LastOfMonth() != D(2026, 2, 28) || d.Weekday() != time.Monday {
		t.Fatal("month arithmetic")
	}
	if !D(2026, 1, 5).Before(D(2026, 1, 6)) || D(2026, 1, 5).DaysUntil(D(2026, 2, 5)) != 31 {
		t.Fatal("comparison")
	}
}

func TestErrorHelpers(t *testing.T) {
	if ErrorCode(nil) != "" || ErrorMessage(nil) != "" {
		t.Fatal("nil error")
	}
	e := Errorf(ECONFLICT, "文号%s重复", "x")
	if ErrorCode(e) != ECONFLICT || ErrorMessage(e) != "文号x重复" {
		t.Fatal("app error")
	}
	if ErrorCode(errPlain("disk")) != EINTERNAL || ErrorMessage(errPlain("disk")) != "操作未能完成：disk" {
		t.Fatal("plain error")
	}
}

type errPlain string

func (e errPlain) Error() string { return string(e) }
