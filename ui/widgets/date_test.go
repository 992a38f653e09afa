package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
)

// office is the Days of a test office: a fixed today and a calendar with
// the office's own corrections.
type office struct {
	today app.Date
	cal   *app.Calendar
}

func (o office) Today() app.Date         { return o.today }
func (o office) Calendar() *app.Calendar { return o.cal }

// Saturday 2026-12-05 is a make-up working day and Wednesday 2026-12-09 a
// day off in this office.
var december = office{today: app.MustDate("2026-12-03"), cal: app.NewCalendar([]app.DayOverride{
	{Day: app.MustDate("2026-12-05"), Work: true, Name: "调休"},
	{Day: app.MustDate("2026-12-09"), Work: false, Name: "停电"},
}, nil)}

// A date is typed the ways secretaries write it.
func TestDateFieldReadsTheUsualForms(t *testing.T) {
	test.NewTempApp(t)
	f := NewDateField(december, true)
	for _, typed := range []string{"2026-01-05", "2026/1/5", "2026.1.5", "2026年1月5日", "20260105", "２０２６－０１－０５", " 2026-1-5 "} {
		f.Entry.SetText(typed)
		d, err := f.Date()
		if err != nil || d != app.MustDate("2026-01-05") {
			t.Errorf("%q read as %s, %v", typed, d, err)
		}
		if err := f.Validate(); err != nil {
			t.Errorf("%q marked invalid: %v", typed, err)
		}
	}
}

// A date that does not exist or cannot be read is refused with a Chinese
// message; an empty field is refused only when the date is required.
func TestDateFieldRefusesBadDates(t *testing.T) {
	test.NewTempApp(t)
	f := NewDateField(december, true)
	for typed, want := range map[string]string{
		"2026-02-30": "不存在",
		"2026-13-01": "无法识别",
		"明天":         "无法识别",
		"2026-1":     "无法识别",
		"":           "请填写日期",
	} {
		f.Entry.SetText(typed)
		err := f.Validate()
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: message %v, want one saying %s", typed, err, want)
		}
		if _, err := f.Date(); err == nil {
			t.Errorf("%q was read as a date", typed)
		}
	}
	optional := NewDateField(december, false)
	if d, err := optional.Date(); err != nil || !d.IsZero() || optional.Validate() != nil {
		t.Errorf("an empty optional date: %s, %v", d, err)
	}
}

// OnChanged hears every whole date typed, and nothing in between.
func TestDateFieldReportsWholeDates(t *testing.T) {
	test.NewTempApp(t)
	f := NewDateField(december, false)
	var heard []string
	f.OnChanged = func(d app.Date) { heard = append(heard, d.String()) }
	test.Type(f.Entry, "2026-12-15")
	if len(heard) == 0 || heard[len(heard)-1] != "2026-12-15" {
		t.Fatalf("heard %v", heard)
	}
	for _, h := range heard {
		if _, err := app.ParseDate(h); err != nil {
			t.Errorf("heard a date that is none: %q", h)
		}
	}
	f.SetDate(app.Date{})
	if f.Entry.Text != "" {
		t.Errorf("the zero date shows as %q", f.Entry.Text)
	}
}

// pickerIn is the month picker shown on c.
func pickerIn(t *testing.T, c fyne.Canvas) *MonthPicker {
	t.Helper()
	if top := c.Overlays().Top(); top != nil {
		for _, o := range test.LaidOutObjects(top) {
			if m, ok := o.(*MonthPicker); ok {
				return m
			}
		}
	}
	t.Fatal("no month picker is shown")
	return nil
}

// dayButton is the button of the picker whose text starts with the day.
func dayButton(t *testing.T, m *MonthPicker, text string) *widget.Button {
	t.Helper()
	for _, o := range m.grid.Objects {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no day %q in %s", text, m.title.Text)
	return nil
}

// The picker opens on the office's today when the field is empty, marks
// the office's days off 休 and make-up days 班 as its calendar says, and a
// tap fills the field.
func TestDatePickerFollowsTheOfficeCalendar(t *testing.T) {
	test.NewTempApp(t)
	f := NewDateField(december, true)
	w := test.NewTempWindow(t, f)
	w.Resize(fyne.NewSize(500, 500))
	f.OpenPicker()
	m := pickerIn(t, w.Canvas())
	if m.title.Text != "2026年12月" {
		t.Fatalf("the picker opened on %s, not the office's month", m.title.Text)
	}
	if b := dayButton(t, m, "3"); b.Importance != widget.HighImportance {
		t.Error("the picker of an empty field does not stand on today")
	}
	dayButton(t, m, "5班")
	dayButton(t, m, "9休")
	if b := dayButton(t, m, "6"); b.Importance != widget.MediumImportance {
		t.Error("Sunday is not shown as a day off")
	}
	if b := dayButton(t, m, "8"); b.Importance != widget.LowImportance {
		t.Error("a plain working day is marked")
	}
	test.Tap(dayButton(t, m, "9休"))
	if f.Entry.Text != "2026-12-09" || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("picking the 9th: field %q, picker still open %v", f.Entry.Text, w.Canvas().Overlays().Top() != nil)
	}

	// a field holding a date opens on its month; 今天 is the office's day
	f.SetDate(app.MustDate("2027-02-10"))
	f.OpenPicker()
	m = pickerIn(t, w.Canvas())
	if m.title.Text != "2027年2月" {
		t.Fatalf("the picker opened on %s, not the field's month", m.title.Text)
	}
	for _, o := range test.LaidOutObjects(m) {
		if b, ok := o.(*widget.Button); ok && b.Text == "今天" {
			test.Tap(b)
		}
	}
	if f.Entry.Text != "2026-12-03" {
		t.Fatalf("今天 filled %q, not the office's today", f.Entry.Text)
	}

	// the field's day stands out, and today in another colour
	f.SetDate(app.MustDate("2026-12-15"))
	f.OpenPicker()
	m = pickerIn(t, w.Canvas())
	if dayButton(t, m, "15").Importance != widget.HighImportance || dayButton(t, m, "3").Importance != widget.SuccessImportance {
		t.Error("the field's day and today are not marked apart")
	}
}

// The picker's arrows move by month, across a year's end.
func TestDatePickerMovesByMonth(t *testing.T) {
	test.NewTempApp(t)
	m := NewMonthPicker(december, app.MustDate("2026-12-31"), func(app.Date) {})
	test.NewTempWindow(t, m)
	arrow := func(icon fyne.Resource) {
		for _, o := range test.LaidOutObjects(m) {
			if b, ok := o.(*widget.Button); ok && b.Icon != nil && b.Icon.Name() == icon.Name() {
				test.Tap(b)
				return
			}
		}
		t.Fatalf("no arrow %s", icon.Name())
	}
	arrow(theme.NavigateNextIcon())
	if m.title.Text != "2027年1月" {
		t.Fatalf("after December came %s", m.title.Text)
	}
	days := 0
	for _, o := range m.grid.Objects {
		if _, ok := o.(*widget.Button); ok {
			days++
		}
	}
	if days != 31 {
		t.Errorf("January has %d day buttons", days)
	}
	arrow(theme.NavigateBackIcon())
	arrow(theme.NavigateBackIcon())
	if m.title.Text != "2026年11月" {
		t.Fatalf("two months back is %s", m.title.Text)
	}
}

// Esc on the calendar button, reached with Tab, closes the dialog as Esc
// in the date does.
func TestEscapeOnTheCalendarButton(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("工作台"))
	w.Resize(fyne.NewSize(700, 500))
	f := NewForm(w, &FormStack{}, "办结", "办结")
	on := NewDateField(december, true)
	on.SetDate(december.today)
	f.Field("办结日期", on)
	f.Show(func(bool) error { return nil })
	tabTo(t, w.Canvas(), on.button)
	press(w.Canvas(), fyne.KeyEscape)
	if f.Visible() {
		t.Fatal("Esc on the calendar button left the dialog open")
	}
}
