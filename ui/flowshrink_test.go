package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Shrinking the window from 1280 to 1024 wide wraps each book's filter
// row in the same layout that moves the table down: no filter covers the
// table's header.
func TestFiltersStayAboveTheTableWhenTheWindowShrinks(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	books := []struct {
		screen         string
		filters, table fyne.CanvasObject
	}{
		{ScreenIncoming, u.incoming.filters, u.incoming.table.Table},
		{ScreenOutgoing, u.outgoing.filters, u.outgoing.table.Table},
		{ScreenSeals, u.seals.filters, u.seals.table.Table},
		{ScreenItems, u.items.filters, u.items.table.Table},
		{ScreenMeetings, u.meetings.filters, u.meetings.table.Table},
	}
	d := fyne.CurrentApp().Driver()
	for _, b := range books {
		u.win.Resize(fyne.NewSize(1280, 700))
		u.show(b.screen)
		for _, width := range []float32{1024, 1280, 1024} {
			u.win.Resize(fyne.NewSize(width, 700))
			var lowest float32
			for _, o := range test.LaidOutObjects(b.filters) {
				if o.Visible() {
					lowest = max(lowest, d.AbsolutePositionForObject(o).Y+o.Size().Height)
				}
			}
			if top := d.AbsolutePositionForObject(b.table).Y; top < lowest {
				t.Errorf("%s at %v wide: the table starts at %v, under filters reaching down to %v", b.screen, width, top, lowest)
			}
		}
	}
}
