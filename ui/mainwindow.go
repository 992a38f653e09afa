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

// Env is what the window needs from main.go besides the app.
type Env struct {
	// Desk carries out every change; Desk.Store answers every list.
	Desk *app.Desk
	// DataPath is the database file, shown in the status line and 设置.
	DataPath string
	// BackupDir is where backups go.
	BackupDir string
	// Backup copies the database into BackupDir now and returns the file.
	Backup func(ctx context.Context) (string, error)
	// Restore replaces the data with the backup file src (the store is
	// reopened by the function; the desk is reloaded by the window).
	Restore func(ctx context.Context, src string) error
	// AutoBackup writes today's automatic backup if it is not there yet
	// ("" when it was); the window runs it in the background at start.
	AutoBackup func(ctx context.Context) (string, error)
	// LastBackup is the newest backup file and its time ("" when none).
	LastBackup func() (string, time.Time, error)
	// Check runs the database's integrity check.
	Check func(ctx context.Context) error
	// LoadSample fills an empty database with the fictional 示例区 office.
	// progress is told which part is being made (step of total).
	LoadSample func(ctx context.Context, desk *app.Desk, progress func(step, total int, what string)) error
	// OpenFile shows a file (a PDF) in the system's viewer; nil uses
	// OpenWithSystem. Tests stub it.
	OpenFile func(path string) error
	// TempDir is where 打印 writes its PDF files; "" is a private folder
	// in the user's cache folder.
	TempDir string
	// Version is shown in 关于.
	Version string
}

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

// UI is the main window and its screens.
type UI struct {
	env   Env
	desk  *app.Desk
	app   fyne.App
	win   fyne.Window
	forms *widgets.FormStack
	ctx   context.Context

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
	statusRow  *fyne.Container
	topRow     *fyne.Container
	operator   *widget.Select

	refMu   sync.Mutex
	units   []app.Unit
	leaders []app.Leader
	seals_  []app.Seal

	wg          sync.WaitGroup // long work running off the UI thread
	lastPrinted string         // the last PDF handed to the viewer
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
// page by page. GOGC=30 keeps it close to what is live: on the large office
// under Xvfb, 385 → 315 MB resident after scrolling 80,000 收文 end to end,
// for about 5% more CPU (docs/BENCHMARKS.md). A GOGC in the environment
// wins.
func Run(a fyne.App, env Env) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(30)
	}
	w := NewMainWindow(a, env)
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
	if u.desk.Operator == "" {
		if ops := u.desk.Settings().Operators; len(ops) > 0 {
			u.desk.Operator = ops[0]
		}
	}
	u.win = a.NewWindow("公文督办台")
	followCaretWithIME(u.win)
	widgets.Workdays = u.desk.Calendar
	widgets.Today = u.desk.Today
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

// autoBackup writes today's automatic backup in the background, if it is
// not there yet.
func (u *UI) autoBackup() {
	if u.env.AutoBackup == nil {
		return
	}
	u.wg.Add(1)
	go func() {
		defer u.wg.Done()
		_, err := u.env.AutoBackup(u.ctx)
		trace("automatic backup done (%v)", err)
		fyne.Do(func() {
			u.refreshStatus()
			if err != nil { // say so today, not when the copies are a week old
				u.showError(app.Errorf(app.EINTERNAL, "今天的自动备份没有完成：%s。请在“设置—数据与备份”中立即备份，或检查备份文件夹。", app.ErrorMessage(err)))
			}
		})
	}()
}

// loadRef rereads the units, leaders and seals the name fields offer.
func (u *UI) loadRef() {
	units, err1 := u.desk.Store.Units(u.ctx)
	leaders, err2 := u.desk.Store.Leaders(u.ctx)
	seals, err3 := u.desk.Store.Seals(u.ctx)
	u.refMu.Lock()
	defer u.refMu.Unlock()
	if err1 == nil {
		u.units = units
	}
	if err2 == nil {
		u.leaders = app.LeadersInOrder(leaders) // the pick lists' order, as in the messages
	}
	if err3 == nil {
		u.seals_ = seals
	}
}

func (u *UI) unitNames() []string {
	u.refMu.Lock()
	defer u.refMu.Unlock()
	var out []string
	for _, x := range u.units {
		if x.Active {
			out = append(out, x.Name)
		}
	}
	return out
}

func (u *UI) leaderNames() []string {
	u.refMu.Lock()
	defer u.refMu.Unlock()
	var out []string
	for _, x := range u.leaders {
		if x.Active {
			out = append(out, x.Name)
		}
	}
	return out
}

func (u *UI) leaderList() []app.Leader {
	u.refMu.Lock()
	defer u.refMu.Unlock()
	return append([]app.Leader(nil), u.leaders...)
}

func (u *UI) sealList() []app.Seal {
	u.refMu.Lock()
	defer u.refMu.Unlock()
	return append([]app.Seal(nil), u.seals_...)
}

// leadersWith lists the active leaders holding one of roles.
func (u *UI) leadersWith(roles ...app.Role) []string {
	var out []string
	for _, l := range u.leaderList() {
		if !l.Active {
			continue
		}
		for _, r := range roles {
			if l.Role == r {
				out = append(out, l.Name)
				break
			}
		}
	}
	return out
}

// peopleNames are leaders and operators: who reads, signs, keeps seals.
func (u *UI) peopleNames() []string {
	out := u.leaderNames()
	return append(out, u.desk.Settings().Operators...)
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
	u.operator = widget.NewSelect(nil, func(s string) {
		if s != "" {
			u.desk.Operator = s
		}
	})
	u.operator.PlaceHolder = "选择操作员"
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameHeaderBackground))
	u.statusRow = container.NewHBox(u.statusData, widget.NewSeparator(), u.statusBak, layout.NewSpacer(),
		widget.NewLabel("操作员："), u.operator)
	return container.NewStack(bg, u.statusRow)
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
	if u.desk.Operator != "" && !contains(ops, u.desk.Operator) {
		ops = append([]string{u.desk.Operator}, ops...)
	}
	u.operator.Options = ops
	u.operator.Selected = u.desk.Operator
	u.operator.Refresh()
	u.statusRow.Refresh()
	u.topRow.Refresh()
}

func (u *UI) mainMenu() *fyne.MainMenu {
	ctrl := fyne.KeyModifierShortcutDefault
	item := func(label string, key fyne.KeyName, fn func()) *fyne.MenuItem {
		m := fyne.NewMenuItem(label, fn)
		if key != "" {
			m.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: ctrl}
		}
		return m
	}
	file := fyne.NewMenu("文件",
		item("新建登记", fyne.KeyN, u.shortcutNew),
		item("保存", fyne.KeyS, u.shortcutSave),
		fyne.NewMenuItemSeparator(),
		item("打印", fyne.KeyP, u.shortcutPrint),
		item("月度督查通报…", "", u.showMonthlyReport),
		fyne.NewMenuItemSeparator(),
		item("立即备份", "", u.backupNow),
		fyne.NewMenuItemSeparator(),
		u.quitItem(),
	)
	find := fyne.NewMenu("查找", item("全局搜索", fyne.KeyF, u.focusSearch))
	nav := fyne.NewMenu("转到")
	for i, name := range navOrder {
		name := name
		m := fyne.NewMenuItem(name, func() { u.show(name) })
		m.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyName(fmt.Sprint(i + 1)), Modifier: ctrl}
		nav.Items = append(nav.Items, m)
	}
	help := fyne.NewMenu("帮助", item("关于公文督办台", "", u.showAbout))
	return fyne.NewMainMenu(file, find, nav, help)
}

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

func (u *UI) shortcutNew() {
	if u.forms.Top() != nil {
		return
	}
	if c, ok := u.screens[u.current].(creator); ok {
		c.create()
	}
}

func (u *UI) shortcutSave() {
	if f := u.forms.Top(); f != nil {
		f.Save()
		return
	}
	if u.current == ScreenSettings {
		u.settings.save()
	}
}

func (u *UI) shortcutPrint() {
	if u.forms.Top() != nil {
		return
	}
	if p, ok := u.screens[u.current].(printer); ok {
		p.print()
	}
}

func (u *UI) focusSearch() { u.win.Canvas().Focus(u.searchBox) }

// escape cancels the top form when no field has the focus.
func (u *UI) escape() {
	if f := u.forms.Top(); f != nil {
		f.Cancel()
	}
}

// quitItem is 文件—退出 (Ctrl+Q). Marked as the quit item, it replaces the
// English "Quit" Fyne would add, and runs through quit like the window's
// close button.
func (u *UI) quitItem() *fyne.MenuItem {
	m := fyne.NewMenuItem("退出", u.quit)
	m.IsQuit = true
	m.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	return m
}

// quit closes the window, asking first about each dialog holding unsaved
// input: 保存 saves and goes on, 不保存 drops it and goes on, 取消 stays.
func (u *UI) quit() {
	if f := u.forms.Unsaved(); f != nil {
		widgets.AskUnsaved(u.win, f, "退出", func() {
			f.Hide()
			u.quit()
		})
		return
	}
	u.win.Close()
}

// openFileMenu is Alt+F: the menu bar opens on its first menu, 文件. Fyne
// draws the menu bar itself (no native menu outside macOS) and its canvas
// can toggle it; on a canvas without a menu bar nothing happens.
func (u *UI) openFileMenu() {
	if c, ok := u.win.Canvas().(interface{ ToggleMenu() }); ok {
		c.ToggleMenu()
	}
}

func (u *UI) runSearch(text string) {
	u.search.query(text)
	u.show(ScreenSearch)
}

// changed is called after every successful change: the books and the
// dashboard reread.
func (u *UI) changed() {
	u.dashboard.stale = true
	if u.current == ScreenDashboard {
		u.dashboard.refresh()
	}
}

// showError shows a failure in a dialog with the Chinese message.
func (u *UI) showError(err error) {
	if err == nil {
		return
	}
	if app.ErrorCode(err) == app.ECOVERAGE {
		widgets.ShowMessage(u.win, "请注意", app.ErrorMessage(err))
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
	go func() {
		defer u.wg.Done()
		err := work(u.ctx)
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

func (u *UI) backupNow() {
	if u.env.Backup == nil {
		widgets.ShowMessage(u.win, "备份", "这个窗口没有配置备份功能。")
		return
	}
	var file string
	u.busy("正在备份数据", func(ctx context.Context) (err error) {
		file, err = u.env.Backup(ctx)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.refreshStatus()
		u.settings.refresh()
		widgets.ShowMessage(u.win, "备份完成", "数据已备份到：\n"+file)
	})
}

func (u *UI) showAbout() {
	v := u.env.Version
	if v == "" {
		v = "0.1.0"
	}
	widgets.ShowMessage(u.win, "关于公文督办台", "公文督办台 "+v+"\n区政府办公室收文、发文、用印、督查督办和会议纪要的登记与办理。\n"+
		"数据只保存在本机，不向任何地方发送。\n界面字体：思源黑体（Noto Sans SC，SIL Open Font License）。")
}

// ---- small helpers shared by the screens ----

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func heading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

func wrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapBreak
	return l
}
