package widgets

import (
	"fmt"
	"image"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Tab goes from item to item of a group; the arrows move along a radio
// group choosing as they go, and space chooses; in a check group space
// ticks and the arrows only move.
func TestChoosingInGroupsWithTheKeyboard(t *testing.T) {
	k := newKeyForm(t)
	c := k.win.Canvas()
	first := k.urgency.items[0].(fyne.Focusable)
	tabTo(t, c, first)
	test.FocusNext(c)
	if c.Focused() != k.urgency.items[1].(fyne.Focusable) {
		t.Fatalf("Tab from 平件 went to %T, not 急件", c.Focused())
	}
	press(c, fyne.KeyRight)
	if k.urgency.Selected != "特急" || c.Focused() != k.urgency.items[2].(fyne.Focusable) {
		t.Errorf("→ on 急件 chose %q", k.urgency.Selected)
	}
	press(c, fyne.KeyRight) // past the end nothing moves
	press(c, fyne.KeyLeft)
	press(c, fyne.KeyLeft)
	if k.urgency.Selected != "平件" || c.Focused() != first {
		t.Errorf("← ← from 特急 chose %q", k.urgency.Selected)
	}
	test.FocusNext(c)
	test.Type(c.Focused(), " ")
	if k.urgency.Selected != "急件" {
		t.Errorf("space on 急件 chose %q", k.urgency.Selected)
	}
	test.Type(c.Focused(), " ") // a required choice stays
	if k.urgency.Selected != "急件" {
		t.Errorf("space again on the chosen 急件 left %q", k.urgency.Selected)
	}

	zhang := k.readers.items[0].(fyne.Focusable)
	tabTo(t, c, zhang)
	test.Type(zhang, " ")
	press(c, fyne.KeyRight)
	test.Type(c.Focused(), " ")
	if fmt.Sprint(k.readers.Selected) != "[张三 李四]" || c.Focused() != k.readers.items[1].(fyne.Focusable) {
		t.Errorf("space, →, space ticked %v", k.readers.Selected)
	}
	test.Type(zhang, " ")
	if fmt.Sprint(k.readers.Selected) != "[李四]" {
		t.Errorf("space on a ticked 张三 left %v", k.readers.Selected)
	}
	test.Tap(k.urgency.items[2].(fyne.Tappable))
	if k.urgency.Selected != "特急" || c.Focused() != k.urgency.items[2].(fyne.Focusable) {
		t.Errorf("a tap on 特急 chose %q and focused %T", k.urgency.Selected, c.Focused())
	}
}

// Choosing in a group is input: Esc asks before dropping it.
func TestAChoiceInAGroupIsUnsavedInput(t *testing.T) {
	for _, choose := range []func(k *keyForm){
		func(k *keyForm) { test.Tap(k.urgency.items[1].(fyne.Tappable)) },
		func(k *keyForm) { test.Tap(k.readers.items[0].(fyne.Tappable)) },
	} {
		k := newKeyForm(t)
		choose(k)
		press(k.win.Canvas(), fyne.KeyEscape)
		if !k.form.Visible() || !strings.Contains(shown(k.win.Canvas()), "尚未保存") {
			t.Errorf("Esc after a choice closed the dialog without asking: %q", shown(k.win.Canvas()))
		}
	}
}

// The groups look exactly like Fyne's: the same pixels, chosen or not,
// in a row or a column, enabled or greyed out.
func TestGroupsLookLikeFynes(t *testing.T) {
	test.NewTempApp(t)
	options := []string{"办件", "阅件（传阅后归档）"}
	draw := func(o fyne.CanvasObject) image.Image {
		w := test.NewTempWindow(t, o)
		w.Resize(fyne.NewSize(500, 200))
		return w.Canvas().Capture()
	}
	for _, horizontal := range []bool{true, false} {
		for _, disabled := range []bool{false, true} {
			ours, theirs := NewRadioGroup(options, nil), widget.NewRadioGroup(options, nil)
			ours.Horizontal, theirs.Horizontal = horizontal, horizontal
			ours.SetSelected("阅件（传阅后归档）")
			theirs.SetSelected("阅件（传阅后归档）")
			checks, fyneChecks := NewCheckGroup(options, nil), widget.NewCheckGroup(options, nil)
			checks.Horizontal, fyneChecks.Horizontal = horizontal, horizontal
			checks.SetSelected([]string{"办件"})
			fyneChecks.SetSelected([]string{"办件"})
			if disabled {
				ours.Disable()
				theirs.Disable()
				checks.Disable()
				fyneChecks.Disable()
			}
			what := fmt.Sprintf("horizontal %v, disabled %v", horizontal, disabled)
			if !samePixels(draw(ours), draw(theirs)) {
				t.Errorf("the radio group (%s) looks unlike Fyne's", what)
			}
			if !samePixels(draw(checks), draw(fyneChecks)) {
				t.Errorf("the check group (%s) looks unlike Fyne's", what)
			}
			if ours.MinSize() != theirs.MinSize() || checks.MinSize() != fyneChecks.MinSize() {
				t.Errorf("%s: sizes %v %v, Fyne's %v %v", what, ours.MinSize(), checks.MinSize(), theirs.MinSize(), fyneChecks.MinSize())
			}
		}
	}
}

func samePixels(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			r1, g1, b1, a1 := a.At(x, y).RGBA()
			r2, g2, b2, a2 := b.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				return false
			}
		}
	}
	return true
}
