package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
)

// An office's 1024×768 screen leaves about 1024×700 for the window: every
// screen and dialog must fit in it (the tables scroll sideways).
func TestScreensAndDialogsFit1024x700(t *testing.T) {
	h := newHarness(t, true)
	u := h.u
	u.win.Resize(fyne.NewSize(1024, 700))
	shots := os.Getenv("GONGWEN_SHOTS")
	for _, name := range navOrder {
		u.show(name)
		if m := u.win.Content().MinSize(); m.Width > 1024 || m.Height > 700 {
			t.Errorf("%s needs %.0f×%.0f", name, m.Width, m.Height)
		}
		if shots != "" {
			u.incoming.table.Select(0)
			writePNG(t, u, filepath.Join(shots, "1024-"+name+".png"))
		}
	}
	if s := u.win.Canvas().Size(); s.Width > 1024 || s.Height > 700 {
		t.Fatalf("the window grew to %.0f×%.0f", s.Width, s.Height)
	}
	dialogs := map[string]func(){
		"收文登记": func() { u.show(ScreenIncoming); u.incoming.create() },
		"拟稿登记": func() { u.show(ScreenOutgoing); u.outgoing.create() },
		"会议":   func() { u.show(ScreenMeetings); u.meetings.create() },
		"督办事项": func() { u.show(ScreenItems); u.items.create() },
		"用印申请": func() { u.show(ScreenSeals); u.seals.create() },
	}
	for name, open := range dialogs {
		open()
		f := h.form()
		if s := h.topDialogSize(); s.Width > 1024 || s.Height > 700 {
			t.Errorf("the %s dialog is %.0f×%.0f", name, s.Width, s.Height)
		}
		if shots != "" {
			writePNG(t, u, filepath.Join(shots, "1024-dialog-"+name+".png"))
		}
		f.Hide()
	}
}

func TestInitialWindowSize(t *testing.T) {
	cases := []struct {
		screen string
		work   fyne.Size // logical pixels above the taskbar
		want   fyne.Size
	}{
		{"1920×1080 at 100 %", fyne.NewSize(1920, 1040), fyne.NewSize(1280, 800)},
		{"1920×1080 at 150 %", fyne.NewSize(1280, 693), fyne.NewSize(1264, 653)},
		{"1366×768 at 125 %", fyne.NewSize(1093, 582), fyne.NewSize(1077, 542)},
		{"1024×768 at 100 %", fyne.NewSize(1024, 728), fyne.NewSize(1008, 688)},
		{"unknown", fyne.Size{}, fallbackWindow},
	}
	for _, c := range cases {
		if got := initialWindowSize(c.work); got != c.want {
			t.Errorf("%s: %v, want %v", c.screen, got, c.want)
		}
	}
	// the fallback fits the smallest of them
	if fallbackWindow.Width+windowFrame.Width > 1093 || fallbackWindow.Height+windowFrame.Height > 582 {
		t.Errorf("the fallback %v does not fit 1366×768 at 125 %%", fallbackWindow)
	}
}
