package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// A long dialog scrolls with the mouse wheel even with the pointer over a
// multi-line field, which grows with its text instead of scrolling inside.
func TestWheelOverTextFieldScrollsDialog(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(700, 360))
	f := NewForm(w, &FormStack{}, "议定事项", "保存")
	area := NewMultiLineEntry("内容", 3)
	f.Field("内容", area)
	for _, l := range []string{"牵头单位", "配合单位", "时限", "备注", "联系人", "电话"} {
		f.Field(l, NewEntry(l))
	}
	f.Show(func(bool) error { return nil })
	before := area.Size().Height
	area.SetText(strings.Repeat("请区财政局牵头，会同区发展改革委等单位抓紧研究提出资金保障方案。\n", 8))
	if area.Size().Height < before+5*lineHeight(area.TextStyle) {
		t.Fatalf("the field did not grow with its text: %.0f → %.0f", before, area.Size().Height)
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(area).Add(fyne.NewPos(20, 20))
	test.Scroll(w.Canvas(), pos, 0, -120)
	if f.scroll.Offset.Y <= 0 {
		t.Fatal("the wheel over the text field did not scroll the dialog")
	}
	if h := f.scroll.Size().Height; h >= f.scroll.Content.Size().Height {
		t.Fatalf("the dialog did not need to scroll (%.0f of %.0f)", h, f.scroll.Content.Size().Height)
	}
}

// The scroll bar of a long dialog is drawn beside its fields, not over
// their right edge.
func TestScrollBarLeavesTheFieldsWhole(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(700, 360))
	f := NewForm(w, &FormStack{}, "登记会议", "保存")
	var last *Entry
	for _, l := range []string{"届次", "第几次", "日期", "时间", "地点", "主持", "出席", "列席", "记录"} {
		last = NewEntry(l)
		f.Field(l, last)
	}
	f.Show(func(bool) error { return nil })
	if h := f.scroll.Size().Height; h >= f.scroll.Content.Size().Height {
		t.Fatalf("the dialog does not scroll (%.0f of %.0f)", h, f.scroll.Content.Size().Height)
	}
	d := fyne.CurrentApp().Driver()
	right := d.AbsolutePositionForObject(last).X + last.Size().Width
	bar := d.AbsolutePositionForObject(f.scroll).X + f.scroll.Size().Width - theme.Size(theme.SizeNameScrollBar)
	if right > bar {
		t.Errorf("the fields end at %.0f, under the scroll bar that starts at %.0f", right, bar)
	}
}
