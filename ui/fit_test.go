package ui

import "testing"

// Every screen must fit the smallest office monitor, 1280×800, without its
// right edge cut off; the real window adds its menu bar and, with long
// records, a little width, hence the margin.
func TestScreensFit1280x800(t *testing.T) {
	h := newHarness(t, true)
	for _, name := range navOrder {
		h.u.show(name)
		if m := h.u.win.Content().MinSize(); m.Width > 1240 || m.Height > 760 {
			t.Errorf("%s needs %.0f×%.0f", name, m.Width, m.Height)
		}
	}
}
