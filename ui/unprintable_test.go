package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"gongwen/app"
)

// A record with a character no font has (𰻞 of CJK Extension G) is named
// before printing; printing goes on only when the secretary says so.
func TestWarnBeforePrintingUnprintable(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	u.show(ScreenIncoming)
	d := app.Document{FromUnit: "区财政局", Title: "关于“𰻞𰻞面”非遗项目申报的请示", ReceivedOn: app.D(2026, 3, 9)}
	if err := u.desk.RegisterIncoming(u.ctx, &d, false); err != nil {
		t.Fatal(err)
	}
	u.incoming.refresh()
	u.incoming.table.Select(0)
	u.shortcutPrint()
	u.Wait()
	if len(h.opened) != 0 {
		t.Fatal("the PDF was opened before the secretary was told")
	}
	if !h.shows("“𰻞”（U+30EDE）") || !h.shows("〓") {
		t.Fatal("no warning naming 𰻞")
	}
	tapButton(t, u, "仍然打印")
	u.Wait()
	if len(h.opened) != 1 {
		t.Fatalf("仍然打印 opened %d PDFs", len(h.opened))
	}
}

// tapButton taps the button labelled text in the dialog on top.
func tapButton(t *testing.T, u *UI, text string) {
	t.Helper()
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if b, ok := asButton(o); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q", text)
}
