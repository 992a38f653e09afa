package widgets

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// chipParts are the background and the text a chip draws.
func chipParts(t *testing.T, c *Chip) (*canvas.Rectangle, *canvas.Text) {
	t.Helper()
	var bg *canvas.Rectangle
	var tx *canvas.Text
	for _, o := range test.LaidOutObjects(c) {
		switch o := o.(type) {
		case *canvas.Rectangle:
			bg = o
		case *canvas.Text:
			tx = o
		}
	}
	if bg == nil || tx == nil {
		t.Fatal("the chip draws no background or no text")
	}
	return bg, tx
}

// A chip shows its whole word on its colour, readable on every colour, and
// follows Set; an empty chip draws nothing.
func TestChipShowsItsWordReadably(t *testing.T) {
	test.NewTempApp(t)
	c := NewChip("逾期", ColourRed)
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(200, 60))
	c.Resize(fyne.NewSize(120, 40))
	bg, tx := chipParts(t, c)
	if tx.Text != "逾期" || bg.FillColor != color.Color(ColourRed) || tx.Color != color.Color(color.White) {
		t.Fatalf("a red chip draws %q in %v on %v", tx.Text, tx.Color, bg.FillColor)
	}
	if tx.Position().X+tx.Size().Width > bg.Position().X+bg.Size().Width {
		t.Error("the word runs out of its background")
	}
	if min := fyne.MeasureText("逾期", theme.TextSize()-1, fyne.TextStyle{Bold: true}); c.MinSize().Width < min.Width {
		t.Errorf("the chip asks for %v, less than its word's %v", c.MinSize().Width, min.Width)
	}

	// white on yellow cannot be read: the word is dark there
	c.Set("即将到期", ColourYellow)
	bg, tx = chipParts(t, c)
	if tx.Text != "即将到期" || bg.FillColor != color.Color(ColourYellow) {
		t.Fatalf("Set drew %q on %v", tx.Text, bg.FillColor)
	}
	if r, g, b, _ := tx.Color.RGBA(); r > 0x8000 && g > 0x8000 && b > 0x8000 {
		t.Errorf("a light word %v on yellow", tx.Color)
	}

	c.Set("", ColourGrey)
	bg, _ = chipParts(t, c)
	if bg.Visible() {
		t.Error("an empty chip draws its background")
	}
}
