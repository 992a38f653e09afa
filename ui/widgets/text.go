package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/textbreak"
)

// Text is a wrapping label that breaks its lines by the same rules as the
// printed paper (package textbreak): no date, number or 文号 is split and
// no line starts with closing punctuation. Fyne's own wrapping breaks
// anywhere, so the text is broken here at the label's width and handed to
// the label line by line.
type Text struct {
	widget.Label
	full  string  // the text as given, without the breaks
	width float32 // the width the breaks were made for
	names bool    // a list of names: a name with its post never breaks
}

// NewText returns a wrapping label for text.
func NewText(text string) *Text {
	t := &Text{full: text}
	t.Label.Text = text
	t.Wrapping = fyne.TextWrapBreak
	t.ExtendBaseWidget(t)
	return t
}

// NewNames returns a wrapping label for a list of names joined by 、 that
// breaks as the paper's 出席 and 列席 lists do: a name with its post
// (区审计局局长 皇甫琳) is never split.
func NewNames(text string) *Text {
	t := NewText(text)
	t.names = true
	return t
}

// SetText changes the text.
func (t *Text) SetText(text string) {
	t.full, t.width = text, 0
	t.Label.Text = text
	t.rebreak(t.Size().Width)
	t.Label.Refresh()
}

// Full is the text without the line breaks the label added.
func (t *Text) Full() string { return t.full }

// Resize breaks the text again for the new width.
func (t *Text) Resize(size fyne.Size) {
	t.rebreak(size.Width)
	t.Label.Resize(size)
}

func (t *Text) rebreak(width float32) {
	if width == t.width || width <= 0 {
		return
	}
	t.width = width
	th := t.Theme()
	size := th.Size(theme.SizeNameText)
	if t.SizeName != "" {
		size = th.Size(t.SizeName)
	}
	// half a character of room is kept: the label measures whole lines,
	// this sums characters, and a line Fyne finds too wide it breaks again
	// anywhere (a lone 。 under the line)
	avail := float64(width - 2*th.Size(theme.SizeNameInnerPadding) - size/2)
	widths := map[rune]float64{}
	widthOf := func(r rune) float64 {
		w, ok := widths[r]
		if !ok {
			w = float64(fyne.MeasureText(string(r), size, t.TextStyle).Width)
			widths[r] = w
		}
		return w
	}
	var lines []string
	if t.names {
		lines = textbreak.NameLines(t.full, avail, widthOf)
	} else {
		lines = textbreak.Lines(t.full, avail, 0, widthOf)
	}
	broken := strings.Join(lines, "\n")
	if broken != t.Label.Text {
		t.Label.Text = broken
		t.Label.Refresh()
	}
}
