package widgets

import (
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
)

// Days is what a date field asks about days: which is today (where the
// picker opens on an empty field) and the working-day calendar (which days
// the picker marks 休, and which weekend days 班). The office's desk is one;
// both are asked each time the picker opens, so a changed calendar shows.
type Days interface {
	Today() app.Date
	Calendar() *app.Calendar
}

// DateField is a date typed the way secretaries write it (2026-01-05,
// 2026/1/5, 2026年1月5日 …) with a button that opens a month picker.
type DateField struct {
	widget.BaseWidget
	Entry    *Entry
	button   *Button
	days     Days
	required bool
	popup    *widget.PopUp
	// OnChanged is called with each valid date typed or picked.
	OnChanged func(app.Date)
}

// DatePlaceholder is the grey text of an empty date field: the form of a
// date, never a date that could be taken for a value already filled in.
const DatePlaceholder = "年-月-日"

// NewDateField returns a date field whose picker knows days; required
// makes an empty field invalid.
func NewDateField(days Days, required bool) *DateField {
	f := &DateField{Entry: NewEntry(DatePlaceholder), days: days, required: required}
	f.Entry.Validator = func(s string) error {
		d, err := app.ParseDate(s)
		if err != nil {
			return errors.New(app.ErrorMessage(err))
		}
		if d.IsZero() && f.required {
			return errors.New("请填写日期")
		}
		return nil
	}
	f.Entry.OnChanged = func(s string) {
		if d, err := app.ParseDate(s); err == nil && !d.IsZero() && f.OnChanged != nil {
			f.OnChanged(d)
		}
	}
	f.button = NewButton("", theme.CalendarIcon(), f.openPicker)
	f.button.SetOnEscape(func() { f.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) })
	f.ExtendBaseWidget(f)
	return f
}

// Date parses the field; an empty optional field is the zero date.
func (f *DateField) Date() (app.Date, error) {
	d, err := app.ParseDate(f.Entry.Text)
	if err != nil {
		return d, err
	}
	if d.IsZero() && f.required {
		return d, app.Errorf(app.EINVALID, "请填写日期")
	}
	return d, nil
}

// SetDate shows d (the zero date empties the field).
func (f *DateField) SetDate(d app.Date) { f.Entry.SetText(d.String()) }

// SetOnEscape passes Esc to the dialog.
func (f *DateField) SetOnEscape(fn func()) { f.Entry.OnEscape = fn }

// Validate lets widget.Form show the field's error.
func (f *DateField) Validate() error { return f.Entry.Validate() }

// SetOnValidationChanged lets widget.Form follow the field's validity.
func (f *DateField) SetOnValidationChanged(cb func(error)) { f.Entry.SetOnValidationChanged(cb) }

func (f *DateField) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, f.button, f.Entry))
}

// MinSize leaves room for a whole date, the entry's validation mark (✓ or
// ✗, drawn inside the entry) and the button.
func (f *DateField) MinSize() fyne.Size {
	m := f.BaseWidget.MinSize()
	mark := theme.IconInlineSize() + theme.Padding()*2
	w := widget.NewLabel("2026-12-31").MinSize().Width + mark + f.button.MinSize().Width + theme.Padding()*3
	if m.Width < w {
		m.Width = w
	}
	return m
}

// OpenPicker shows the month picker under the field.
func (f *DateField) OpenPicker() { f.openPicker() }

func (f *DateField) openPicker() {
	c := fyne.CurrentApp().Driver().CanvasForObject(f)
	if c == nil {
		return
	}
	start, err := f.Date()
	if err != nil || start.IsZero() {
		start = f.days.Today()
	}
	picker := NewMonthPicker(f.days, start, func(d app.Date) {
		f.SetDate(d)
		if f.popup != nil {
			f.popup.Hide()
		}
	})
	f.popup = widget.NewPopUp(picker, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(f)
	below := pos.Add(fyne.NewPos(0, f.Size().Height))
	if h := f.popup.MinSize().Height; below.Y+h > c.Size().Height && pos.Y-h >= 0 {
		below = pos.Subtract(fyne.NewPos(0, h)) // no room under the field: open above it
	}
	f.popup.ShowAtPosition(below)
}

// MonthPicker is a month grid with Chinese headings. Days off are marked
// 休 and weekend working days 班.
type MonthPicker struct {
	widget.BaseWidget
	days     Days
	month    app.Date
	selected app.Date
	onPick   func(app.Date)
	title    *widget.Label
	grid     *fyne.Container
}

// NewMonthPicker opens on the month of sel.
func NewMonthPicker(days Days, sel app.Date, onPick func(app.Date)) *MonthPicker {
	m := &MonthPicker{days: days, month: sel.FirstOfMonth(), selected: sel, onPick: onPick}
	m.title = widget.NewLabel("")
	m.title.Alignment = fyne.TextAlignCenter
	m.title.TextStyle.Bold = true
	m.grid = container.NewGridWithColumns(7)
	m.ExtendBaseWidget(m)
	m.fill()
	return m
}

func (m *MonthPicker) CreateRenderer() fyne.WidgetRenderer {
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { m.move(-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { m.move(1) })
	today := widget.NewButton("今天", func() { m.onPick(m.days.Today()) })
	head := container.NewBorder(nil, nil, prev, container.NewHBox(today, next), m.title)
	return widget.NewSimpleRenderer(container.NewBorder(head, nil, nil, nil, m.grid))
}

func (m *MonthPicker) move(n int) {
	m.month = app.D(m.month.Year, m.month.Month+time.Month(n), 1)
	m.fill()
}

func (m *MonthPicker) fill() {
	m.title.SetText(fmt.Sprintf("%d年%d月", m.month.Year, int(m.month.Month)))
	cal := m.days.Calendar()
	var objs []fyne.CanvasObject
	for _, w := range []string{"一", "二", "三", "四", "五", "六", "日"} {
		l := widget.NewLabel(w)
		l.Alignment = fyne.TextAlignCenter
		l.TextStyle.Bold = true
		objs = append(objs, l)
	}
	first := m.month
	for i := 0; i < (int(first.Weekday())+6)%7; i++ {
		objs = append(objs, layout.NewSpacer())
	}
	today := m.days.Today()
	for d := first; d.Month == first.Month; d = d.AddDays(1) {
		day := d
		text := fmt.Sprint(d.Day)
		weekend := d.Weekday() == time.Saturday || d.Weekday() == time.Sunday
		off := weekend
		if cal != nil { // a desk not yet opened has none
			off = !cal.IsWorkday(d)
			if o, ok := cal.Day(d); ok {
				if o.Work {
					text += "班"
				} else {
					text += "休"
				}
			}
		}
		b := widget.NewButton(text, func() { m.onPick(day) })
		switch {
		case day == m.selected:
			b.Importance = widget.HighImportance
		case day == today:
			b.Importance = widget.SuccessImportance
		case off:
			b.Importance = widget.MediumImportance
		default:
			b.Importance = widget.LowImportance
		}
		objs = append(objs, b)
	}
	m.grid.Objects = objs
	m.grid.Refresh()
}
