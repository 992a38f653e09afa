package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// stagesEditor is the 阶段 editor of a 督办 item in a window.
func stagesEditor(t *testing.T) (*RowEditor, fyne.Canvas) {
	test.NewTempApp(t)
	r := NewRowEditor([]string{"阶段", "时限"}, []float32{2, 1}, "添加阶段时限", func() []fyne.CanvasObject {
		return []fyne.CanvasObject{NewEntry("阶段名称"), NewDateField(december, true)}
	})
	w := test.NewTempWindow(t, r)
	w.Resize(fyne.NewSize(600, 400))
	return r, w.Canvas()
}

// labels are the texts of the labels laid out in o.
func labels(o fyne.CanvasObject) string {
	var out []string
	for _, l := range test.LaidOutObjects(o) {
		if l, ok := l.(*widget.Label); ok && l.Visible() {
			out = append(out, l.Text)
		}
	}
	return strings.Join(out, "|")
}

// The add button adds a row with the focus in its first field, headed by
// the column titles; each row's delete button removes that row.
func TestRowEditorAddsAndRemovesRows(t *testing.T) {
	r, c := stagesEditor(t)
	if strings.Contains(labels(r), "阶段") {
		t.Fatal("column titles are shown over no rows")
	}
	add := buttonText(t, r, "添加阶段时限")
	for i := 0; i < 3; i++ {
		test.Tap(add)
		row := r.Rows()[len(r.Rows())-1]
		if c.Focused() != row[0].(fyne.Focusable) {
			t.Fatalf("after adding row %d the focus is on %T, not its first field", i+1, c.Focused())
		}
		test.Type(row[0].(*Entry), []string{"摸底排查", "集中整治", "总结验收"}[i])
	}
	if got := labels(r); !strings.HasPrefix(got, "阶段|时限") {
		t.Fatalf("the column titles read %q", got)
	}
	// the second row's delete button
	var deletes []*Button
	for _, o := range test.LaidOutObjects(r) {
		if b, ok := o.(*Button); ok && b.Icon != nil && b.Icon.Name() == theme.DeleteIcon().Name() {
			deletes = append(deletes, b)
		}
	}
	if len(deletes) != 3 {
		t.Fatalf("%d delete buttons for 3 rows", len(deletes))
	}
	test.Tap(deletes[1])
	var left []string
	for _, row := range r.Rows() {
		left = append(left, row[0].(*Entry).Text)
	}
	if strings.Join(left, "、") != "摸底排查、总结验收" {
		t.Fatalf("after deleting the second row: %v", left)
	}
	r.Clear()
	if len(r.Rows()) != 0 || strings.Contains(labels(r), "时限") {
		t.Fatal("Clear left rows or titles")
	}
}

// Esc in any row's field, even one added after the dialog opened, and on
// the editor's buttons reaches the dialog.
func TestRowEditorPassesEscapeOn(t *testing.T) {
	r, c := stagesEditor(t)
	escapes := 0
	r.AddRow()
	r.SetOnEscape(func() { escapes++ })
	test.Tap(buttonText(t, r, "添加阶段时限"))
	for _, row := range r.Rows() {
		c.Focus(row[0].(*Entry))
		press(c, fyne.KeyEscape)
		c.Focus(row[1].(*DateField).Entry)
		press(c, fyne.KeyEscape)
	}
	c.Focus(r.add)
	press(c, fyne.KeyEscape)
	if escapes != 5 {
		t.Fatalf("%d of 5 Esc reached the dialog", escapes)
	}
}

// A date column is as wide as a whole date however narrow the editor.
func TestRowEditorKeepsDatesWhole(t *testing.T) {
	r, _ := stagesEditor(t)
	row := r.AddRow()
	row[1].(*DateField).SetDate(december.today)
	r.Resize(fyne.NewSize(360, r.MinSize().Height))
	d := row[1].(*DateField)
	if d.Size().Width < d.MinSize().Width {
		t.Fatalf("the date field is %.0f wide, under the %.0f a date needs", d.Size().Width, d.MinSize().Width)
	}
}
