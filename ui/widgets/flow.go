package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// FlowLayout places objects left to right at their minimum size and wraps
// to a new line when the width runs out: used for action buttons.
// It remembers the width it was last laid out at, so that its minimum
// height counts the lines it needs at that width.
type FlowLayout struct {
	width float32
	// end aligns each line to the right (toolbars at a screen's right edge).
	end bool
}

// NewFlow returns a container with a flow layout.
func NewFlow(objs ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: &FlowLayout{}, Objects: objs}
}

// NewFlowEnd is a flow whose lines are aligned to the right.
func NewFlowEnd(objs ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: &FlowLayout{end: true}, Objects: objs}
}

func (f *FlowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	f.width = size.Width
	pad := theme.Padding()
	x, y, lineH := float32(0), float32(0), float32(0)
	var line []fyne.CanvasObject
	// endLine moves the objects of a finished line to the right edge
	endLine := func() {
		if f.end && len(line) > 0 {
			last := line[len(line)-1]
			shift := size.Width - (last.Position().X + last.Size().Width)
			for _, o := range line {
				o.Move(o.Position().AddXY(shift, 0))
			}
		}
		line = line[:0]
	}
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		if x > 0 && x+m.Width > size.Width {
			endLine()
			x, y, lineH = 0, y+lineH+pad, 0
		}
		o.Move(fyne.NewPos(x, y))
		o.Resize(m)
		line = append(line, o)
		x += m.Width + pad
		if m.Height > lineH {
			lineH = m.Height
		}
	}
	endLine()
}

// MinSize is the widest object by the height of all lines at the width the
// container last had; before the first layout it is one line.
func (f *FlowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	var w float32
	x, y, lineH := float32(0), float32(0), float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		if m.Width > w {
			w = m.Width
		}
		if f.width > 0 && x > 0 && x+m.Width > f.width {
			x, y, lineH = 0, y+lineH+pad, 0
		}
		x += m.Width + pad
		if m.Height > lineH {
			lineH = m.Height
		}
	}
	return fyne.NewSize(w, y+lineH)
}
