package ui

import (
	"fmt"
	"gongwen/ui/widgets"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// drawnCaret finds the caret rectangle an entry draws (in the renderer
// that holds its text: a RichText and the caret) and returns where the
// driver puts it in the window.
func drawnCaret(t *testing.T, e fyne.Widget) (fyne.Position, fyne.Size) {
	t.Helper()
	var caret *canvas.Rectangle
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		var objects []fyne.CanvasObject
		switch o := o.(type) {
		case *fyne.Container:
			objects = o.Objects
		case fyne.Widget:
			objects = test.WidgetRenderer(o).Objects()
		}
		var text, rect bool
		for _, child := range objects {
			switch child.(type) {
			case *widget.RichText:
				text = true
			case *canvas.Rectangle:
				rect = true
			}
		}
		for _, child := range objects {
			if r, ok := child.(*canvas.Rectangle); ok && text && rect {
				caret = r
			}
			walk(child)
		}
	}
	walk(e)
	if caret == nil {
		t.Fatal("the entry draws no caret")
	}
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(caret), caret.Size()
}

// The caret the IME is given (ime_windows.go) is where the entry draws it:
// after typing, at the start, and in a long text that scrolled the field,
// moved back from its end and home again.
func TestCaretFinderFollowsTheDrawnCaret(t *testing.T) {
	h := newHarness(t, false)
	box := h.u.searchBox
	var finder caretFinder
	if _, ok := finder.caret(h.u.win.Canvas()); ok {
		t.Fatal("a caret was found with no entry focused")
	}
	h.u.focusSearch()
	check := func(step string) {
		t.Helper()
		pos, size := drawnCaret(t, box)
		got, ok := finder.caret(h.u.win.Canvas())
		if !ok {
			t.Fatalf("%s: no caret found in the focused entry", step)
		}
		if d := got.Pos.Subtract(pos); d.X*d.X+d.Y*d.Y > 0.25 || got.Size != size {
			t.Errorf("%s: caret found at %v %v, drawn at %v %v", step, got.Pos, got.Size, pos, size)
		}
	}
	key := func(name fyne.KeyName, times int) {
		for range times {
			box.TypedKey(&fyne.KeyEvent{Name: name})
		}
	}
	test.Type(box, "防汛")
	check("after typing")
	key(fyne.KeyHome, 1)
	check("at the start")
	start, _ := finder.caret(h.u.win.Canvas())
	// one character at a time, through the width where the text fills
	// the field and starts to scroll
	for i, r := range []rune(strings.Repeat("关于做好防汛抗旱工作的通知", 12)) {
		key(fyne.KeyEnd, 1)
		test.Type(box, string(r))
		check(fmt.Sprintf("%d characters typed", i+1))
	}
	key(fyne.KeyLeft, 30)
	check("30 characters back in the scrolled text")
	key(fyne.KeyEnd, 1)
	key(fyne.KeyLeft, 150)
	check("150 characters back")
	key(fyne.KeyHome, 1)
	check("home again")
	if again, _ := finder.caret(h.u.win.Canvas()); again != start {
		t.Errorf("home again is at %v, the start was at %v", again.Pos, start.Pos)
	}
	h.u.win.Canvas().Unfocus()
	if _, ok := finder.caret(h.u.win.Canvas()); ok {
		t.Error("a caret was found after the entry lost the focus")
	}
}

// In the 拟办意见 field of its dialog the caret is found on its line,
// wrapped lines and new lines alike (the field grows with its text).
func TestCaretFinderInAMultiLineField(t *testing.T) {
	h := newHarness(t, true)
	h.u.incoming.refresh()
	h.u.incoming.table.Select(0)
	h.u.incoming.proposeForm(*h.u.incoming.sel)
	area := h.form().Get("拟办意见").(*widgets.Entry)
	h.u.win.Canvas().Focus(area)
	var finder caretFinder
	parts := []string{"请办公室阅处。", "\n", strings.Repeat("报区政府分管领导阅示后，转相关部门落实。", 4), "\n", "同意"}
	for i, part := range parts {
		area.SetText(area.Text + part)
		area.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown}) // the caret to the end
		pos, size := drawnCaret(t, area)
		got, ok := finder.caret(h.u.win.Canvas())
		if d := got.Pos.Subtract(pos); !ok || d.X*d.X+d.Y*d.Y > 0.25 || got.Size != size {
			t.Errorf("after part %d: caret found at %v %v, drawn at %v %v", i+1, got.Pos, got.Size, pos, size)
		}
	}
	if area.CursorRow < 4 {
		t.Fatalf("the caret is on line %d: the text should wrap", area.CursorRow+1)
	}
}

// A unit name field (with its suggestions) is an entry too.
func TestCaretFinderInANameField(t *testing.T) {
	h := newHarness(t, true)
	unit := h.newIncoming("关于拨付防汛物资经费的请示").Get("来文单位").(*widgets.NameField)
	h.u.win.Canvas().Focus(unit)
	unit.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	pos, size := drawnCaret(t, unit)
	var finder caretFinder
	got, ok := finder.caret(h.u.win.Canvas())
	if d := got.Pos.Subtract(pos); !ok || d.X*d.X+d.Y*d.Y > 0.25 || got.Size != size {
		t.Errorf("caret found at %v %v (%v), drawn at %v %v", got.Pos, got.Size, ok, pos, size)
	}
}
