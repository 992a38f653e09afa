package ui

import (
	"context"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/data"
	"gongwen/sample"
	"gongwen/ui/widgets"
)

// testDay is the fixed today of the tests: a Tuesday of a covered year.
var testDay = time.Date(2026, 3, 10, 9, 30, 0, 0, time.Local)

type harness struct {
	t      *testing.T
	u      *UI
	desk   *app.Desk
	store  *data.Store
	opened []string
	// backups is the window's backup folder
	backups string
}

// newHarness opens a fresh database; withSample gives it the 示例区 office
// (a copy of the one built for the package), otherwise a minimal office is
// set up through the desk.
func newHarness(t *testing.T, withSample bool) *harness {
	if withSample {
		return openHarnessOn(t, sampleCopy(t), func(*app.Desk) {})
	}
	return openHarness(t, func(d *app.Desk) { minimalOffice(t, d) })
}

// The 示例区 office takes seconds to build: it is built once, on the
// tests' day, into sampleFile, and each test that wants it works on a copy.
var (
	sampleOnce sync.Once
	sampleDir  string
	sampleFile string
	sampleErr  error
)

func TestMain(m *testing.M) {
	// Fyne's test driver never empties its renderer cache (a real window's
	// frame loop does), so every test's window stays in the heap and the
	// collector rescans it all: with twice the default headroom the tests
	// take a third less CPU (docs/BENCHMARKS.md).
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	code := m.Run()
	if sampleDir != "" {
		os.RemoveAll(sampleDir)
	}
	os.Exit(code)
}

// sampleCopy is a fresh copy of the 示例区 office's data file.
func sampleCopy(t *testing.T) string {
	t.Helper()
	sampleOnce.Do(func() { sampleFile, sampleErr = buildSample() })
	if sampleErr != nil {
		t.Fatal(sampleErr)
	}
	b, err := os.ReadFile(sampleFile)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "gongwen.db")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// buildSample loads the 示例区 office as of testDay and backs it up into
// one file (the store's own copy, with nothing left in a -wal beside it).
func buildSample() (string, error) {
	ctx := context.Background()
	var err error
	if sampleDir, err = os.MkdirTemp("", "gongwen-ui"); err != nil {
		return "", err
	}
	store, err := data.Open(filepath.Join(sampleDir, "building.db"))
	if err != nil {
		return "", err
	}
	defer store.Close()
	desk, err := app.NewDesk(ctx, store, "张文书")
	if err != nil {
		return "", err
	}
	desk.Now = func() time.Time { return testDay }
	if _, err := sample.Load(ctx, desk); err != nil {
		return "", err
	}
	file := filepath.Join(sampleDir, "sample.db")
	return file, store.Backup(ctx, file)
}

// openHarness opens a window over a fresh database that fill prepares.
func openHarness(t *testing.T, fill func(*app.Desk)) *harness {
	t.Helper()
	return openHarnessOn(t, filepath.Join(t.TempDir(), "gongwen.db"), fill)
}

// openHarnessOn opens a window over the data file path, fill preparing it.
func openHarnessOn(t *testing.T, path string, fill func(*app.Desk)) *harness {
	t.Helper()
	a := test.NewTempApp(t)
	ctx := context.Background()
	store, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	desk, err := app.NewDesk(ctx, store, "张文书")
	if err != nil {
		t.Fatal(err)
	}
	desk.Now = func() time.Time { return testDay }
	fill(desk)
	h := &harness{t: t, desk: desk, store: store, backups: t.TempDir()}
	env := dataEnv(desk, store, h.backups)
	env.OpenFile = func(p string) error { h.opened = append(h.opened, p); return nil }
	env.TempDir = t.TempDir()
	if desk.Settings().OrgName != "" {
		env.AutoBackup = nil // only a new office's first-day backup is tested
	}
	h.u = newUI(a, env)
	h.u.win.Resize(fyne.NewSize(1280, 800))
	h.u.win.Show()
	return h
}

func minimalOffice(t *testing.T, d *app.Desk) {
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(d.SaveSettings(ctx, app.Settings{OrgName: "测试区人民政府办公室", DistrictName: "测试区", FondsCode: "Z109", OrgCode: "BGS",
		IssuingCodes: []app.IssuingCode{{Code: "测府办发", Body: app.IssuerOffice}, {Code: "测府发", Body: app.IssuerGovernment}},
		Rules:        app.DefaultRules(), Operators: []string{"张文书"}}))
	for _, l := range []app.Leader{
		{Name: "王区长", Role: app.RoleMayor, Order: 1, Active: true},
		{Name: "李副区长", Role: app.RoleViceMayor, Order: 3, Units: []string{"区财政局"}, Active: true},
		{Name: "陈主任", Role: app.RoleOfficeDirector, Order: 5, Active: true},
		{Name: "赵副主任", Role: app.RoleDeputyDirector, Order: 6, LinkedTo: "李副区长", Active: true},
	} {
		must(d.SaveLeader(ctx, &l))
	}
	for _, u := range []app.Unit{
		{Name: "区财政局", Kind: app.UnitDepartment, Active: true},
		{Name: "区司法局", Kind: app.UnitDepartment, Active: true},
		{Name: "市人民政府办公室", Kind: app.UnitSuperior, Active: true},
	} {
		must(d.SaveUnit(ctx, &u))
	}
	for _, s := range []app.Seal{
		{Name: "测试区人民政府办公室印章", Kind: app.SealOffice, Keeper: "孙保管", Active: true},
		{Name: "测试区人民政府印章", Kind: app.SealGovernment, Keeper: "孙保管", Active: true},
	} {
		must(d.SaveSeal(ctx, &s))
	}
}

// form is the form dialog on top, failing the test when none is open.
func (h *harness) form() *widgets.Form {
	h.t.Helper()
	f := h.u.forms.Top()
	if f == nil {
		h.t.Fatal("no form dialog is open")
	}
	return f
}

// typeIn types text into the field labelled label of the top form.
func (h *harness) typeIn(label, text string) {
	h.t.Helper()
	o := h.form().Get(label)
	switch f := o.(type) {
	case *widgets.NameField:
		f.SetText("")
		test.Type(f, text)
		f.HideSuggestions()
	case *widgets.Entry:
		f.SetText("")
		test.Type(f, text)
	case *widgets.DateField:
		f.Entry.SetText("")
		test.Type(f.Entry, text)
	default:
		h.t.Fatalf("field %q is %T", label, o)
	}
}

// save presses Ctrl+S (the window's save) and wants the form closed.
func (h *harness) save() {
	h.t.Helper()
	f := h.form()
	h.u.shortcutSave()
	h.u.Wait()
	if f.Visible() {
		h.t.Fatalf("form %q stayed open: %s", f.Title, f.ErrorText())
	}
}

// saveFails saves and wants the form to stay open with a message.
func (h *harness) saveFails(want string) {
	h.t.Helper()
	f := h.form()
	h.u.shortcutSave()
	if !f.Visible() {
		h.t.Fatalf("form %q closed, want error %q", f.Title, want)
	}
	if got := f.ErrorText(); got == "" || !strings.Contains(got, want) {
		h.t.Fatalf("form error = %q, want it to contain %q", got, want)
	}
}

// tap presses an action button of a book's selected record.
func tapAction[T any](h *harness, b *book[T], label string) {
	h.t.Helper()
	btn := b.button(label)
	if btn == nil {
		h.t.Fatalf("no action %q", label)
	}
	if btn.Disabled() {
		h.t.Fatalf("action %q is disabled", label)
	}
	test.Tap(btn)
}

func enabled[T any](b *book[T], label string) bool {
	btn := b.button(label)
	return btn != nil && !btn.Disabled()
}

// shows reports whether a label or entry of the dialog on top (or of the
// window when none) contains text.
func (h *harness) shows(text string) bool {
	var root fyne.CanvasObject = h.u.win.Canvas().Content()
	if top := h.u.win.Canvas().Overlays().Top(); top != nil {
		root = top
	}
	for _, o := range test.LaidOutObjects(root) {
		switch w := o.(type) {
		case *widget.Label:
			if strings.Contains(w.Text, text) {
				return true
			}
		case *widgets.Text:
			if strings.Contains(w.Full(), text) {
				return true
			}
		case *canvas.Text:
			if strings.Contains(w.Text, text) {
				return true
			}
		}
	}
	return false
}

func (h *harness) dash(card string) int {
	h.u.show(ScreenDashboard)
	return h.u.dashboard.count(card)
}

// asButton is o when it is a button: Fyne's own, or ours that passes Esc
// on to its dialog.
func asButton(o fyne.CanvasObject) (*widget.Button, bool) {
	switch b := o.(type) {
	case *widget.Button:
		return b, true
	case *widgets.Button:
		return &b.Button, true
	}
	return nil, false
}
