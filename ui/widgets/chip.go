package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The colours of 三单预警 and of the status chips.
var (
	ColourBlue   = color.NRGBA{R: 0x1d, G: 0x63, B: 0xd6, A: 0xff}
	ColourYellow = color.NRGBA{R: 0xf0, G: 0xa0, B: 0x10, A: 0xff}
	ColourRed    = color.NRGBA{R: 0xd9, G: 0x2b, B: 0x2b, A: 0xff}
	ColourGrey   = color.NRGBA{R: 0x8a, G: 0x8f, B: 0x98, A: 0xff}
	ColourGreen  = color.NRGBA{R: 0x2e, G: 0x9d, B: 0x4f, A: 0xff}
	ColourPurple = color.NRGBA{R: 0x7b, G: 0x4f, B: 0xc9, A: 0xff}
)

// Chip is a small rounded label in a colour: the traffic light of an item
// or the status of a record.
type Chip struct {
	widget.BaseWidget
	Text  string
	Color color.Color
}

// NewChip returns a chip.
func NewChip(text string, c color.Color) *Chip {
	ch := &Chip{Text: text, Color: c}
	ch.ExtendBaseWidget(ch)
	return ch
}

// Set changes text and colour.
func (c *Chip) Set(text string, col color.Color) {
	if c.Text == text && c.Color == col {
		return
	}
	c.Text, c.Color = text, col
	c.Refresh()
}

func (c *Chip) CreateRenderer() fyne.WidgetRenderer {
	r := &chipRenderer{chip: c, bg: canvas.NewRectangle(c.Color), text: canvas.NewText(c.Text, color.White)}
	r.bg.CornerRadius = 4
	r.text.TextStyle.Bold = true
	r.Refresh()
	return r
}

type chipRenderer struct {
	chip *Chip
	bg   *canvas.Rectangle
	text *canvas.Text
}

func (r *chipRenderer) textColor() color.Color {
	if r.chip.Color == color.Color(ColourYellow) {
		return color.NRGBA{R: 0x3a, G: 0x2a, B: 0x00, A: 0xff}
	}
	return color.White
}

func (r *chipRenderer) Layout(size fyne.Size) {
	ts := r.text.MinSize()
	pad := theme.Padding()
	w := ts.Width + 2*pad
	if w > size.Width {
		w = size.Width
	}
	h := ts.Height + pad/2
	if h > size.Height {
		h = size.Height
	}
	y := (size.Height - h) / 2
	r.bg.Move(fyne.NewPos(0, y))
	r.bg.Resize(fyne.NewSize(w, h))
	r.text.Move(fyne.NewPos(pad, y+(h-ts.Height)/2))
	r.text.Resize(ts)
}

func (r *chipRenderer) MinSize() fyne.Size {
	ts := r.text.MinSize()
	pad := theme.Padding()
	return fyne.NewSize(ts.Width+2*pad, ts.Height+pad/2)
}

func (r *chipRenderer) Refresh() {
	r.text.Text = r.chip.Text
	r.text.TextSize = theme.TextSize() - 1
	r.text.Color = r.textColor()
	r.bg.FillColor = r.chip.Color
	r.bg.Hidden = r.chip.Text == ""
	r.Layout(r.chip.Size())
	r.bg.Refresh()
	r.text.Refresh()
}

func (r *chipRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.text} }
func (r *chipRenderer) Destroy()                     {}
