package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func chips() []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, s := range []string{"待办", "逾期", "已办结", "传阅中", "待归档", "待用印审批", "已印发", "送审稿"} {
		out = append(out, NewChip(s, ColourBlue))
	}
	return out
}

// Items run on in a line and wrap to the next one, each whole and inside
// the width; the container grows to the lines it needs.
func TestFlowWrapsItemsWhole(t *testing.T) {
	test.NewTempApp(t)
	items := chips()
	items[3].Hide() // hidden items take no room
	box := NewFlow(items...)
	test.NewTempWindow(t, box)
	oneLine := items[0].MinSize().Height
	for _, width := range []float32{90, 160, 250, 1000} {
		box.Resize(fyne.NewSize(width, box.MinSize().Height))
		lines := map[float32]bool{}
		for _, o := range items {
			if !o.Visible() {
				continue
			}
			if o.Size() != o.MinSize() {
				t.Errorf("width %v: an item is drawn %v, not its size %v", width, o.Size(), o.MinSize())
			}
			if o.Position().X+o.Size().Width > width && o.Position().X > 0 {
				t.Errorf("width %v: an item runs past the edge", width)
			}
			lines[o.Position().Y] = true
		}
		if width == 1000 && len(lines) != 1 {
			t.Errorf("everything fits in one line at 1000 but takes %d", len(lines))
		}
		if width == 90 && len(lines) < 4 {
			t.Errorf("at 90 the items take only %d lines", len(lines))
		}
		// the container asks for the height of its lines
		want := float32(len(lines))*oneLine + float32(len(lines)-1)*theme.Padding()
		if h := box.MinSize().Height; h != want {
			t.Errorf("width %v: %d lines but a height of %v, not %v", width, len(lines), h, want)
		}
	}
}

// NewFlowEnd keeps each line against the right edge (buttons under a form).
func TestFlowEndAlignsRight(t *testing.T) {
	test.NewTempApp(t)
	a, b := widget.NewButton("导出PDF…", nil), widget.NewButton("打印", nil)
	box := NewFlowEnd(a, b)
	test.NewTempWindow(t, box)
	box.Resize(fyne.NewSize(600, box.MinSize().Height))
	if right := b.Position().X + b.Size().Width; right != 600 {
		t.Fatalf("the last button ends at %v, not at the right edge", right)
	}
	if a.Position().Y != b.Position().Y || a.Position().X >= b.Position().X {
		t.Fatal("the buttons left their order or their line")
	}
}

// A window shrunk from 1280 to 1024 wide wraps its filter row at once, and
// the table under it moves down in the same layout: the row's second line
// never covers the table's header.
func TestFlowWrapsClearOfTheTableWhenTheWindowShrinks(t *testing.T) {
	test.NewTempApp(t)
	var filters []fyne.CanvasObject
	for _, label := range []string{"年度", "视图", "状态", "紧急程度", "单位", "收文日期", "关键词"} {
		e := widget.NewEntry()
		e.SetPlaceHolder("标题、文号、批示")
		filters = append(filters, container.NewHBox(widget.NewLabel(label), container.NewGridWrap(fyne.NewSize(110, 36), e)))
	}
	row := NewFlow(filters...)
	header := widget.NewLabel("收文编号　收文日期　文件标题")
	table := container.NewBorder(header, nil, nil, nil, widget.NewLabel("2026-0001"))
	w := test.NewTempWindow(t, container.NewBorder(container.NewVBox(row, widget.NewSeparator()), nil, nil, nil, table))
	w.Resize(fyne.NewSize(1280, 700))
	oneLine := filters[0].MinSize().Height
	for _, width := range []float32{1280, 1024, 800, 1280} {
		w.Resize(fyne.NewSize(width, 700))
		d := fyne.CurrentApp().Driver()
		rowBottom := d.AbsolutePositionForObject(row).Y + row.Size().Height
		var lowest float32
		for _, o := range filters {
			lowest = max(lowest, d.AbsolutePositionForObject(o).Y+o.Size().Height)
		}
		if lowest > rowBottom {
			t.Errorf("at %v wide the filters reach down to %v, past their row's %v", width, lowest, rowBottom)
		}
		if top := d.AbsolutePositionForObject(header).Y; top < max(rowBottom, lowest) {
			t.Errorf("at %v wide the table's header starts at %v, under the filter row ending at %v", width, top, rowBottom)
		}
		if width == 1280 && row.Size().Height != oneLine || width <= 1024 && row.Size().Height == oneLine {
			t.Errorf("at %v wide the row is %v high (one line: %v)", width, row.Size().Height, oneLine)
		}
	}
}
