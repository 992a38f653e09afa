package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
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
