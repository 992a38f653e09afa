package widgets

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

var units = []string{"区财政局", "区发展改革委", "区教育局", "区财政局国库科"}

// nameWindow shows f alone in a window, so that its suggestions can open.
func nameWindow(t *testing.T, f *NameField) fyne.Canvas {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, f)
	w.Resize(fyne.NewSize(500, 400))
	w.Canvas().Focus(f)
	return w.Canvas()
}

// Typing part of a name offers the names that contain it; Down and Enter
// take one, and the user types on.
func TestNameFieldTypeAhead(t *testing.T) {
	f := NewNameField("单位名称", func() []string { return units })
	c := nameWindow(t, f)
	test.Type(f, "财政")
	if got := f.Matches(); !reflect.DeepEqual(got, []string{"区财政局", "区财政局国库科"}) {
		t.Fatalf("offered %v", got)
	}
	if s := shown(c); !strings.Contains(s, "区财政局国库科") || strings.Contains(s, "区教育局") {
		t.Fatalf("the list shows %q", s)
	}
	press(c, fyne.KeyDown)
	press(c, fyne.KeyReturn)
	if f.Text != "区财政局国库科" || c.Overlays().Top() != nil {
		t.Fatalf("after Down, Enter the field holds %q (list open %v)", f.Text, c.Overlays().Top() != nil)
	}
	if c.Focused() != f {
		t.Fatalf("the focus went to %T, not back to the field", c.Focused())
	}

	// Esc closes the list and keeps what was typed
	f.SetText("")
	test.Type(c.Focused(), "教育")
	press(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil || f.Text != "教育" {
		t.Fatalf("Esc: list open %v, text %q", c.Overlays().Top() != nil, f.Text)
	}
	// a name not on the list is accepted as typed
	f.SetText("区新成立的数据局")
	if len(f.Matches()) != 0 || f.Text != "区新成立的数据局" {
		t.Fatalf("a new name: offered %v, holds %q", f.Matches(), f.Text)
	}
}

// A field of several names completes the last one and adds the separator.
func TestNamesFieldCompletesTheLastName(t *testing.T) {
	f := NewNamesField("多个单位用“、”分隔", func() []string { return units })
	c := nameWindow(t, f)
	test.Type(f, "区财政局、发展")
	if got := f.Matches(); !reflect.DeepEqual(got, []string{"区发展改革委"}) {
		t.Fatalf("offered %v for the last name", got)
	}
	press(c, fyne.KeyReturn)
	if f.Text != "区财政局、区发展改革委、" {
		t.Fatalf("holds %q", f.Text)
	}
	f.SetText("区财政局，区教育局; 区发展改革委  ")
	if got := f.Names(); !reflect.DeepEqual(got, []string{"区财政局", "区教育局", "区发展改革委"}) {
		t.Fatalf("split into %v", got)
	}
	f.SetNames([]string{"甲", "乙"})
	if f.Text != "甲、乙" {
		t.Fatalf("SetNames wrote %q", f.Text)
	}
}

// A leader pick list: ▼ lists every name in the office's order, a name not
// on the list is offered for adding, and taking the offer adds it.
func TestPickListOffersANewNameForAdding(t *testing.T) {
	leaders := []string{"王区长", "李副区长", "陈主任"}
	f := NewNameField("领导姓名", func() []string { return leaders })
	var added []string
	f.PickList(func(name string) string { return "把“" + name + "”添加到领导名单…" }, func(name string) { added = append(added, name) })
	c := nameWindow(t, f)
	test.Tap(f.ActionItem.(*Button))
	if got := f.Matches(); !reflect.DeepEqual(got, leaders) {
		t.Fatalf("▼ lists %v", got)
	}
	press(c, fyne.KeyDown)
	press(c, fyne.KeyReturn)
	if f.Text != "李副区长" {
		t.Fatalf("Down, Enter on the full list took %q", f.Text)
	}
	if f.AddOffered() {
		t.Fatal("a listed name is offered for adding")
	}

	f.SetText("")
	test.Type(c.Focused(), "周")
	if !f.AddOffered() || !strings.Contains(shown(c), "把“周”添加到领导名单…") {
		t.Fatalf("a new name is not offered for adding: %q", shown(c))
	}
	test.Type(c.Focused(), "副主任")
	press(c, fyne.KeyReturn)
	if !reflect.DeepEqual(added, []string{"周副主任"}) {
		t.Fatalf("the offer added %v", added)
	}
	if c.Overlays().Top() != nil {
		t.Fatal("the list stayed open after the offer was taken")
	}
}
