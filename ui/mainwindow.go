// Package ui is the desktop window of Gongwen Desk (公文督办台): the 工作台,
// the four books (收文/发文, 用印, 督查, 会议), 设置, global search and
// printing, over the services of package app. It holds no SQL and draws no
// PDF: it calls app.Desk for every change, app.Reader for every list, and
// package reports for paper.
package ui

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// UI is the main window and its screens.
type UI struct {
	env   Env
	desk  *app.Desk
	app   fyne.App
	win   fyne.Window
	forms *widgets.FormStack
	// ctx is the context of every step; it names the operator (setOperator)
	ctx context.Context
	// operatorName is the secretary at the desk, chosen in the status bar
	operatorName string

	screens map[string]screen
	current string
	navBtns map[string]*widget.Button
	body    *fyne.Container

	dashboard *dashboardScreen
	incoming  *docBook
	outgoing  *docBook
	seals     *sealBook
	items     *itemBook
	meetings  *meetingBook
	settings  *settingsScreen
	search    *searchScreen

	searchBox  *widgets.Entry
	orgLabel   *widget.Label
	statusData *widget.Label
	statusBak  *widget.Label
	statusLost *widget.Label // the store cannot be read (seats.go)
	statusRow  *fyne.Container
	topRow     *fyne.Container
	operator   *widgets.Select

	refMu   sync.Mutex
	units   []app.Unit
	leaders []app.Leader
	seals_  []app.Seal

	wg          sync.WaitGroup // long work running off the UI thread
	lastPrinted string         // the last PDF handed to the viewer
	seenChanges int64          // the store's change counter when last read (seats.go)
}

// NewMainWindow builds the main window (1280×800) over env. It does not
// show it: call ShowAndRun (or Show) on the result. On the first run (no
// organisation name saved) the welcome dialog opens over it.
func NewMainWindow(a fyne.App, env Env) fyne.Window {
	return newUI(a, env).win
}

// Run builds the window, shows it and runs the app until it is closed.
//
// Most of the window's Go heap is the two Chinese UI fonts, which Fyne
// parses whole (about 60 MB of glyph outlines) and keeps; with Go's default
// GOGC=100 the heap is allowed to grow to twice that while tables are read
// page by page. GOGC=30 keeps it close to what is live, for a little more
// CPU (docs/BENCHMARKS.md has the figures). A GOGC in the environment wins.
func Run(a fyne.App, env Env) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(30)
	}
	u := newUI(a, env)
	u.watchChanges()
	w := u.win
	w.Resize(fallbackWindow)
	a.Lifecycle().SetOnStarted(func() {
		trace("first frame drawn")
		// the window is made on the main thread after this returns; sized
		// once it is there and knows its scale
		go fyne.Do(func() { fitWindowToScreen(w) })
	})
	w.ShowAndRun()
}

// traceStart is when the ui package was initialised, near the program's
// start; trace prints the window's start-up steps on standard error when
// GONGWEN_TRACE=1 (scripts/measure-window.sh reads them).
var (
	traceStart = time.Now()
	tracing    = os.Getenv("GONGWEN_TRACE") == "1"
)

func trace(format string, args ...any) {
	if tracing {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		fmt.Fprintf(os.Stderr, "gongwen-trace %d %d ms (Go heap %d MB of %d MB): %s\n", time.Now().UnixMilli(), time.Since(traceStart).Milliseconds(),
			m.HeapInuse>>20, m.Sys>>20, fmt.Sprintf(format, args...))
	}
}

func newUI(a fyne.App, env Env) *UI {
	trace("building the window")
	a.Lifecycle().SetOnStarted(func() { trace("first frame drawn") })
	a.Settings().SetTheme(Theme())
	useChineseFyneText()
	if env.OpenFile == nil {
		env.OpenFile = OpenWithSystem
	}
	u := &UI{env: env, desk: env.Desk, app: a, forms: &widgets.FormStack{}, ctx: context.Background(),
		screens: map[string]screen{}, navBtns: map[string]*widget.Button{}}
	u.setOperator(u.desk.Operator(u.ctx))
	u.win = a.NewWindow("公文督办台")
	followCaretWithIME(u.win)
	u.loadRef()

	u.dashboard = newDashboard(u)
	u.incoming = newDocBook(u, app.Incoming)
	u.outgoing = newDocBook(u, app.Outgoing)
	u.seals = newSealBook(u)
	u.items = newItemBook(u)
	u.meetings = newMeetingBook(u)
	u.settings = newSettingsScreen(u)
	u.search = newSearchScreen(u)
	u.screens = map[string]screen{
		ScreenDashboard: u.dashboard, ScreenIncoming: u.incoming, ScreenOutgoing: u.outgoing,
		ScreenSeals: u.seals, ScreenItems: u.items, ScreenMeetings: u.meetings,
		ScreenSettings: u.settings, ScreenSearch: u.search,
	}

	u.body = container.NewStack()
	u.win.SetContent(container.NewBorder(u.topBar(), u.statusBar(), u.sideBar(), nil, u.body))
	u.win.SetMainMenu(u.mainMenu())
	u.win.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		switch k.Name {
		case fyne.KeyEscape:
			if !widgets.CloseMessage(u.win) {
				u.escape()
			}
		case fyne.KeyReturn, fyne.KeyEnter:
			widgets.CloseMessage(u.win)
		}
	})
	// the window manager's close, Alt+F4 and 退出 all ask before typed
	// input is lost
	u.win.SetCloseIntercept(u.quit)
	u.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierAlt}, func(fyne.Shortcut) { u.openFileMenu() })
	u.win.Resize(fyne.NewSize(1280, 800))
	if dir, err := printDir(env); err == nil {
		cleanPrinted(dir, time.Now())
	}
	u.show(ScreenDashboard)
	trace("工作台 counts set: %+v", u.dashboard.last)
	u.refreshStatus()
	if u.desk.Settings().OrgName == "" {
		u.showWelcome() // which backs the new office up once it is there
	} else {
		u.autoBackup()
	}
	return u
}

func (u *UI) topBar() fyne.CanvasObject {
	title := canvas.NewText("公文督办台", primary)
	title.TextSize = 20
	title.TextStyle.Bold = true
	u.orgLabel = widget.NewLabel("")
	u.searchBox = widgets.NewEntry("搜索全部登记簿：标题、文号、单位、批示…（Ctrl+F）")
	u.searchBox.OnSubmitted = func(s string) { u.runSearch(s) }
	u.searchBox.OnEscape = func() { u.searchBox.SetText("") }
	go_ := widget.NewButtonWithIcon("搜索", theme.SearchIcon(), func() { u.runSearch(u.searchBox.Text) })
	search := container.NewBorder(nil, nil, nil, go_, u.searchBox)
	left := container.NewHBox(container.NewPadded(title), u.orgLabel)
	u.topRow = left
	bar := container.NewBorder(nil, nil, left, nil, container.NewGridWithColumns(2, layout.NewSpacer(), search))
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameHeaderBackground))
	return container.NewStack(bg, container.NewPadded(bar))
}

func (u *UI) sideBar() fyne.CanvasObject {
	box := container.NewVBox()
	icons := navIcons()
	for _, name := range navOrder {
		b := widget.NewButtonWithIcon("  "+name+"  ", icons[name], func() { u.show(name) })
		b.Alignment = widget.ButtonAlignLeading
		u.navBtns[name] = b
		box.Add(b)
	}
	bg := canvas.NewRectangle(sidebarBg)
	return container.NewStack(bg, container.NewPadded(box))
}

func (u *UI) statusBar() fyne.CanvasObject {
	u.statusData = widget.NewLabel("")
	u.statusBak = widget.NewLabel("")
	u.operator = widgets.NewSelect(nil, func(s string) {
		if s != "" {
			u.setOperator(s)
		}
	})
	u.operator.PlaceHolder = "选择操作员"
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameHeaderBackground))
	u.statusLost = widget.NewLabel("与数据库的连接中断，正在重试；已填写的内容不会丢失")
	u.statusLost.Importance = widget.DangerImportance
	u.statusLost.Hide()
	u.statusRow = container.NewHBox(u.statusData, widget.NewSeparator(), u.statusBak, u.statusLost, layout.NewSpacer(),
		widget.NewLabel("操作员："), u.operator)
	return container.NewStack(bg, u.statusRow)
}

// setOperator makes name the secretary at the desk, or the office's first
// operator when name is "": the steps done from now on are recorded under
// that name.
func (u *UI) setOperator(name string) {
	if ops := u.desk.Settings().Operators; name == "" && len(ops) > 0 {
		name = ops[0]
	}
	u.operatorName = name
	u.ctx = app.WithOperator(u.ctx, name)
}

func (u *UI) refreshStatus() {
	st := u.desk.Settings()
	u.orgLabel.SetText(st.OrgName)
	title := "公文督办台"
	if st.OrgName != "" {
		title += " — " + st.OrgName
	}
	u.win.SetTitle(title)
	path := u.env.DataPath
	if path == "" {
		path = "（未指定）"
	}
	u.statusData.SetText("数据文件：" + path)
	bak := "最近备份：无"
	if u.env.LastBackup != nil {
		if f, at, err := u.env.LastBackup(); err == nil && f != "" {
			bak = "最近备份：" + at.Format("2006-01-02 15:04")
			if time.Since(at) > 7*24*time.Hour {
				bak += "（已超过7天，请备份）"
			}
		}
	}
	u.statusBak.SetText(bak)
	ops := st.Operators
	if u.operatorName != "" && !slices.Contains(ops, u.operatorName) {
		ops = append([]string{u.operatorName}, ops...)
	}
	u.operator.Options = ops
	u.operator.Selected = u.operatorName
	u.operator.Refresh()
	u.statusRow.Refresh()
	u.topRow.Refresh()
}

func (u *UI) runSearch(text string) {
	u.search.query(text)
	u.show(ScreenSearch)
}

// showError shows a failure in a dialog with the Chinese message.
func (u *UI) showError(err error) {
	if err == nil {
		return
	}
	widgets.ShowMessage(u.win, "未能完成", app.ErrorMessage(err))
}

// busy runs work off the UI thread with a progress dialog; done runs on
// the UI thread afterwards with work's error.
func (u *UI) busy(title string, work func(ctx context.Context) error, done func(error)) {
	bar := widget.NewProgressBarInfinite()
	msg := widget.NewLabel(title + "，请稍候…")
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(msg, bar), u.win)
	d.Show()
	d.Resize(fyne.NewSize(380, d.MinSize().Height))
	u.wg.Add(1)
	ctx := u.ctx // taken on the UI thread, where setOperator replaces it
	go func() {
		defer u.wg.Done()
		err := work(ctx)
		fyne.DoAndWait(func() {
			bar.Stop()
			d.Hide()
			if done != nil {
				done(err)
			} else {
				u.showError(err)
			}
		})
	}()
}

// Wait blocks until long work started from the window has finished (tests).
func (u *UI) Wait() { u.wg.Wait() }
