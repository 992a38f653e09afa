package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// RowEditor is an editable list of rows of fields (议题, 议定事项, 请假人员,
// 阶段, 发文代字 …) with a button to add a row and one per row to remove it.
type RowEditor struct {
	widget.BaseWidget
	headers []string
	weights []float32
	newRow  func() []fyne.CanvasObject
	rows    [][]fyne.CanvasObject
	box     *fyne.Container
	add     *Button
	escape  func()
	fresh   []string // the values of a new row (see untouched)
}

// NewRowEditor makes an editor whose rows are made by newRow; weights give
// the relative widths of the columns.
func NewRowEditor(headers []string, weights []float32, addText string, newRow func() []fyne.CanvasObject) *RowEditor {
	r := &RowEditor{headers: headers, weights: weights, newRow: newRow, box: container.NewVBox()}
	r.add = NewButton(addText, theme.ContentAddIcon(), r.addAndFocus)
	r.add.SetOnEscape(r.passEscape)
	r.add.Importance = widget.LowImportance
	r.ExtendBaseWidget(r)
	r.rebuild()
	return r
}

// AddRow appends an empty row and returns its fields.
func (r *RowEditor) AddRow() []fyne.CanvasObject {
	row := r.newRow()
	for _, o := range row {
		if e, ok := o.(Escapable); ok && r.escape != nil {
			e.SetOnEscape(r.escape)
		}
	}
	r.rows = append(r.rows, row)
	r.rebuild()
	return row
}

// addAndFocus is the add button: the new row's first text field takes the
// focus, to be typed in at once and to pass Esc on to the dialog (the
// button, clicked, would keep the focus from the field before).
func (r *RowEditor) addAndFocus() {
	row := r.AddRow()
	c := fyne.CurrentApp().Driver().CanvasForObject(r)
	if c == nil {
		return
	}
	for _, o := range row {
		if f := textField(o); f != nil {
			c.Focus(f)
			return
		}
	}
	c.Unfocus()
}

// Rows are the fields of every row, in order.
func (r *RowEditor) Rows() [][]fyne.CanvasObject { return r.rows }

// Clear removes every row.
func (r *RowEditor) Clear() {
	r.rows = nil
	r.rebuild()
}

// SetOnEscape passes Esc of every field to the dialog.
func (r *RowEditor) SetOnEscape(f func()) {
	r.escape = f
	for _, row := range r.rows {
		for _, o := range row {
			if e, ok := o.(Escapable); ok {
				e.SetOnEscape(f)
			}
		}
	}
}

// passEscape is Esc on the editor's own buttons.
func (r *RowEditor) passEscape() {
	if r.escape != nil {
		r.escape()
	}
}

func (r *RowEditor) rebuild() {
	var objs []fyne.CanvasObject
	if len(r.rows) > 0 {
		var hs []fyne.CanvasObject
		for _, h := range r.headers {
			l := widget.NewLabel(h)
			l.TextStyle.Bold = true
			hs = append(hs, l)
		}
		gap := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil) // as wide as the rows' delete buttons
		gap.Hide()
		hs = append(hs, gap)
		// the headers take the widths of the fields under them
		objs = append(objs, &fyne.Container{Layout: &weighted{r.weights, r.rows[0]}, Objects: hs})
	}
	for i, row := range r.rows {
		i := i
		del := NewButton("", theme.DeleteIcon(), func() {
			r.rows = append(r.rows[:i], r.rows[i+1:]...)
			r.rebuild()
		})
		del.SetOnEscape(r.passEscape)
		del.Importance = widget.LowImportance
		cells := append(append([]fyne.CanvasObject{}, row...), del)
		objs = append(objs, &fyne.Container{Layout: &weighted{weights: r.weights}, Objects: cells})
	}
	objs = append(objs, container.NewHBox(r.add))
	r.box.Objects = objs
	r.box.Refresh()
	r.Refresh()
}

func (r *RowEditor) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

// weighted lays objects in a row with widths by weight; a last object
// beyond the weights (the delete button) and a date field keep their
// minimum width, so that a whole date always shows.
type weighted struct {
	weights []float32
	like    []fyne.CanvasObject // a row whose widths these objects take (the headers)
}

// keepsMinWidth reports whether the object of column i is not stretched by
// weight.
func (w *weighted) keepsMinWidth(i int, o fyne.CanvasObject) bool {
	_, date := w.model(i, o).(*DateField)
	return i >= len(w.weights) || date
}

// model is the object whose minimum width column i has.
func (w *weighted) model(i int, o fyne.CanvasObject) fyne.CanvasObject {
	if i < len(w.like) {
		return w.like[i]
	}
	return o
}

func (w *weighted) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	var fixed, sum float32
	for i, o := range objs {
		if w.keepsMinWidth(i, o) {
			fixed += w.model(i, o).MinSize().Width
		} else {
			sum += w.weights[i]
		}
	}
	free := size.Width - fixed - pad*float32(len(objs)-1)
	x := float32(0)
	for i, o := range objs {
		width := w.model(i, o).MinSize().Width
		if !w.keepsMinWidth(i, o) {
			width = free * w.weights[i] / sum
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(width, size.Height))
		x += width + pad
	}
}

func (w *weighted) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	var width, h float32
	for i, o := range objs {
		m := o.MinSize()
		m.Width = w.model(i, o).MinSize().Width
		if !w.keepsMinWidth(i, o) {
			// a text field needs no more than a few characters to be usable
			m.Width = 80
		}
		width += m.Width + pad
		if m.Height > h {
			h = m.Height
		}
	}
	return fyne.NewSize(width, h)
}
