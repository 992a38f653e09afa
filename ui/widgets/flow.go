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
	box   *fyne.Container
	width float32
	// windowWidth is the width of the window at that layout.
	windowWidth float32
	// end aligns each line to the right (toolbars at a screen's right edge).
	end bool
}

// NewFlow returns a container with a flow layout.
func NewFlow(objs ...fyne.CanvasObject) *fyne.Container {
	return newFlow(&FlowLayout{}, objs)
}

// NewFlowEnd is a flow whose lines are aligned to the right.
func NewFlowEnd(objs ...fyne.CanvasObject) *fyne.Container {
	return newFlow(&FlowLayout{end: true}, objs)
}

func newFlow(f *FlowLayout, objs []fyne.CanvasObject) *fyne.Container {
	f.box = &fyne.Container{Layout: f, Objects: objs}
	return f.box
}

// currentWindowWidth is the width of the flow's window, 0 when unknown.
func (f *FlowLayout) currentWindowWidth() float32 {
	if f.box == nil {
		return 0
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(f.box); c != nil {
		return c.Size().Width
	}
	return 0
}

// expectedWidth is the width the flow is about to be laid out at. A parent
// asks for the minimum size before it gives the flow its new size, so
// after the window was resized the width last laid out at is stale: the
// lines counted at it would leave the flow the old height, and its extra
// lines would cover what lies below (the table's header) until the next
// layout. A flow stretches with the window, so its width changes by as
// much as the window's did.
func (f *FlowLayout) expectedWidth() float32 {
	w := f.width
	if now := f.currentWindowWidth(); now > 0 && f.windowWidth > 0 {
		w += now - f.windowWidth
	}
	return w
}

func (f *FlowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	f.width, f.windowWidth = size.Width, f.currentWindowWidth()
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
// container is expected to have; before the first layout it is one line.
func (f *FlowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	width := f.expectedWidth()
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
		if f.width > 0 && x > 0 && x+m.Width > width {
			x, y, lineH = 0, y+lineH+pad, 0
		}
		x += m.Width + pad
		if m.Height > lineH {
			lineH = m.Height
		}
	}
	return fyne.NewSize(w, y+lineH)
}
