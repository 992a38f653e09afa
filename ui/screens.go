package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The pages of the window and switching between them.

// Screen names, in the order of the navigation.
const (
	ScreenDashboard = "工作台"
	ScreenIncoming  = "收文"
	ScreenOutgoing  = "发文"
	ScreenSeals     = "用印"
	ScreenItems     = "督查"
	ScreenMeetings  = "会议"
	ScreenSettings  = "设置"
	ScreenSearch    = "搜索"
)

var navOrder = []string{ScreenDashboard, ScreenIncoming, ScreenOutgoing, ScreenSeals, ScreenItems, ScreenMeetings, ScreenSettings}

// navIcons are looked up when the window is built: the theme's icons need
// a running app, which the command-line verbs never start.
func navIcons() map[string]fyne.Resource {
	return map[string]fyne.Resource{
		ScreenDashboard: theme.HomeIcon(), ScreenIncoming: theme.DownloadIcon(), ScreenOutgoing: theme.UploadIcon(),
		ScreenSeals: theme.ConfirmIcon(), ScreenItems: theme.WarningIcon(), ScreenMeetings: theme.AccountIcon(),
		ScreenSettings: theme.SettingsIcon(),
	}
}

// screen is one page of the window.
type screen interface {
	content() fyne.CanvasObject
	// refresh rereads what the screen shows.
	refresh()
}

// creator is a screen with a 新建 (Ctrl+N).
type creator interface{ create() }

// printer is a screen that prints its selection (Ctrl+P).
type printer interface{ print() }

// show switches the page.
func (u *UI) show(name string) {
	s, ok := u.screens[name]
	if !ok {
		return
	}
	u.current = name
	for n, b := range u.navBtns {
		if n == name {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.LowImportance
		}
		b.Refresh()
	}
	u.body.Objects = []fyne.CanvasObject{s.content()}
	u.body.Refresh()
	s.refresh()
}

// changed is called after every successful change: the books and the
// dashboard reread.
func (u *UI) changed() {
	// what this window wrote it has just reread: when the counter moved by
	// that one write alone, the next check has nothing to reread
	if n, err := u.desk.Store.Changes(u.ctx); err == nil && n == u.seenChanges+1 {
		u.seenChanges = n
	}
	u.dashboardChanged()
}

// dashboardChanged rereads the 工作台's counts, now when it is shown or
// else when it is next shown.
func (u *UI) dashboardChanged() {
	u.dashboard.stale = true
	if u.current == ScreenDashboard {
		u.dashboard.refresh()
	}
}
