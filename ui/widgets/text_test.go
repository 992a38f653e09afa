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

// A list of names breaks only between names (or before a post in
// brackets): 司马青 never becomes 司马/青.
func TestNamesBreakBetweenNames(t *testing.T) {
	test.NewTempApp(t)
	names := []string{"王区长", "司马青（区财政局）", "欧阳明", "李副区长", "诸葛文（区教育局）", "赵主任"}
	text := strings.Join(names, "、")
	tx := NewNames(text)
	test.NewTempWindow(t, widget.NewCard("", "", tx))
	for width := float32(200); width <= 420; width += 11 {
		tx.Resize(fyne.NewSize(width, tx.MinSize().Height))
		lines := strings.Split(tx.Label.Text, "\n")
		if strings.Join(lines, "") != text {
			t.Fatalf("width %v: text changed: %q", width, lines)
		}
		joined := strings.Join(lines, "|")
		for _, n := range []string{"王区长", "司马青", "（区财政局）、", "欧阳明、", "李副区长、", "诸葛文", "（区教育局）、", "赵主任"} {
			if !strings.Contains(joined, n) {
				t.Errorf("width %v: %s broken: %q", width, n, lines)
			}
		}
	}
}

// New text set on a shown Text is broken for the width it has, at once.
func TestSetTextBreaksAtTheShownWidth(t *testing.T) {
	test.NewTempApp(t)
	tx := NewText("")
	test.NewTempWindow(t, widget.NewCard("", "", tx))
	tx.Resize(fyne.NewSize(220, 100))
	text := "请于2026年12月15日前将落实情况书面报区政府办公室督查科，逾期未报的予以通报。"
	tx.SetText(text)
	lines := strings.Split(tx.Label.Text, "\n")
	if len(lines) < 2 || strings.Join(lines, "") != text || tx.Full() != text {
		t.Fatalf("set at 220: %q", lines)
	}
	if !strings.Contains(strings.Join(lines, "|"), "2026年12月15日") {
		t.Errorf("the date was broken: %q", lines)
	}
	tx.SetText("已保存。")
	if tx.Label.Text != "已保存。" {
		t.Errorf("a short text shows as %q", tx.Label.Text)
	}
}
