package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// On screen, as on paper, a date, a number and a 文号 stay whole and no
// line starts with a comma, at every width.
func TestTextBreaksLikePaper(t *testing.T) {
	test.NewTempApp(t)
	text := "经研究，同意于2026-12-15前报送，依据示府发〔2026〕12号文件，联系电话0571-88886666，请于2026年12月15日前办结，同意。"
	tx := NewText(text)
	test.NewTempWindow(t, widget.NewCard("", "", tx))
	for width := float32(185); width <= 460; width += 7 { // from the longest token (示府发〔2026〕12号) up
		tx.Resize(fyne.NewSize(width, tx.MinSize().Height))
		lines := strings.Split(tx.Label.Text, "\n")
		if strings.Join(lines, "") != text {
			t.Fatalf("width %v: text changed: %q", width, lines)
		}
		joined := strings.Join(lines, "|")
		for _, tok := range []string{"2026-12-15", "〔2026〕12号", "0571-88886666", "2026年12月15日"} {
			if !strings.Contains(joined, tok) {
				t.Errorf("width %v: %s broken: %q", width, tok, lines)
			}
		}
		for _, ln := range lines[1:] {
			if strings.HasPrefix(ln, "，") || strings.HasPrefix(ln, "。") {
				t.Errorf("width %v: a line starts with punctuation: %q", width, lines)
			}
		}
		// each line fits, so Fyne's own wrapping adds no break of its own
		th := tx.Theme()
		for _, ln := range lines {
			if lw := fyne.MeasureText(ln, th.Size(theme.SizeNameText), tx.TextStyle).Width; lw > width-2*th.Size(theme.SizeNameInnerPadding) {
				t.Errorf("width %v: %q is %v wide", width, ln, lw)
			}
		}
	}
	if tx.Full() != text {
		t.Errorf("Full() = %q", tx.Full())
	}
}
