package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
)

// Seats see each other: when another seat (or another program on the same
// office) writes, the store's change counter moves (app.Reader.Changes).
// The window reads it once a second, off the UI thread, and when it moved
// rereads what it shows: the current list page, the detail pane and the
// 工作台's counts. Selection and open dialogs stay as they are.

// changeCheckEvery is how often the window reads the change counter.
const changeCheckEvery = time.Second

// watchChanges starts reading the change counter every second for as long
// as the program runs.
func (u *UI) watchChanges() {
	u.seenChanges, _ = u.desk.Store.Changes(u.ctx)
	go func() {
		tick := time.NewTicker(changeCheckEvery)
		defer tick.Stop()
		for range tick.C {
			n, err := u.desk.Store.Changes(context.Background())
			fyne.Do(func() { u.showChanges(n, err) })
		}
	}()
}

// checkChanges reads the change counter on the UI thread and shows what
// moved (the tests' tick).
func (u *UI) checkChanges() {
	n, err := u.desk.Store.Changes(u.ctx)
	u.showChanges(n, err)
}

// showChanges rereads what the window shows when the counter is not at n
// any more. When the store cannot be read (the office's server is gone)
// the status bar says so until a read succeeds again, and then everything
// shown is reread; open forms keep their input meanwhile, and a save that
// fails leaves its form open with the message.
func (u *UI) showChanges(n int64, err error) {
	if err != nil {
		u.statusLost.Show()
		u.statusRow.Refresh()
		return
	}
	back := u.statusLost.Visible()
	if back {
		u.statusLost.Hide()
		u.statusRow.Refresh()
	}
	if n == u.seenChanges && !back {
		return
	}
	u.seenChanges = n
	if err := u.desk.Reload(u.ctx); err != nil { // settings, calendar
		return
	}
	u.loadRef()
	// not u.changed: a write another seat made during this reread is not
	// one of this window's own, and the next check rereads it
	u.dashboardChanged()
	switch u.current {
	case ScreenDashboard, ScreenSettings:
		// the 工作台 is reread by changed; the settings' forms keep what is typed
	default:
		u.screens[u.current].refresh()
	}
}
