package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A search hit's title (plain, bold match, plain) too long for its column
// ends in an ellipsis, as a label would.
func TestFittedSegmentsEndInAnEllipsis(t *testing.T) {
	test.NewTempApp(t)
	segs := []widget.RichTextSegment{
		&widget.TextSegment{Text: "区应急局牵头开展燃气", Style: widget.RichTextStyleInline},
		&widget.TextSegment{Text: "安全", Style: widget.RichTextStyleStrong},
		&widget.TextSegment{Text: "专项整治，限期完成隐患整改并报送情况", Style: widget.RichTextStyleInline},
	}
	text := func(ss []widget.RichTextSegment) string {
		var sb strings.Builder
		for _, s := range ss {
			sb.WriteString(s.Textual())
		}
		return sb.String()
	}
	width := fyne.MeasureText("区应急局牵头开展燃气安全专项整治", theme.TextSize(), fyne.TextStyle{}).Width
	got := fitted(segs, width)
	if s := text(got); !strings.HasSuffix(s, "…") || !strings.HasPrefix(s, "区应急局牵头开展燃气安全专") {
		t.Fatalf("cut to %q", s)
	}
	var w float32
	for _, s := range got {
		ts := s.(*widget.TextSegment)
		w += fyne.MeasureText(ts.Text, theme.TextSize(), ts.Style.TextStyle).Width
	}
	if w > width {
		t.Fatalf("cut text is %.0f wide in %.0f", w, width)
	}
	if got := fitted(segs, 10000); len(got) != 3 || text(got) != text(segs) {
		t.Fatalf("text that fits was changed: %q", text(got))
	}
}
