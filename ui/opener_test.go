package ui

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"gongwen/app"
)

func TestOpenerChoice(t *testing.T) {
	const win = `C:\Users\文书\AppData\Local\gongwen-print\收文处理笺-1.pdf`
	cases := []struct {
		p     platform
		path  string
		first []string
		all   []string // the programs tried, in order
	}{
		{platform{GOOS: "windows"}, win, []string{"rundll32", "url.dll,FileProtocolHandler", win}, []string{"rundll32", "cmd"}},
		{platform{GOOS: "windows", Wine: true}, `Z:\home\文书\a b.pdf`, []string{"winebrowser", "file:///Z:/home/文书/a b.pdf"}, []string{"winebrowser", "start", "rundll32", "cmd"}},
		{platform{GOOS: "linux"}, "/home/文书/x.pdf", []string{"xdg-open", "/home/文书/x.pdf"}, []string{"xdg-open", "gio", "kde-open5", "kde-open", "exo-open"}},
		{platform{GOOS: "darwin"}, "/Users/a/x.pdf", []string{"open", "/Users/a/x.pdf"}, []string{"open"}},
	}
	for _, c := range cases {
		cmds := openerCommands(c.p, c.path)
		if !reflect.DeepEqual(cmds[0], c.first) {
			t.Errorf("%+v: first opener %q, want %q", c.p, cmds[0], c.first)
		}
		var progs []string
		for _, cmd := range cmds {
			progs = append(progs, cmd[0])
		}
		if !reflect.DeepEqual(progs, c.all) {
			t.Errorf("%+v: openers %q, want %q", c.p, progs, c.all)
		}
	}
	// cmd's start takes its first quoted argument as a window title
	if got := openerCommands(platform{GOOS: "windows"}, win)[1]; !reflect.DeepEqual(got, []string{"cmd", "/c", "start", "", win}) {
		t.Errorf("cmd start = %q", got)
	}
	if got := openerCommands(platform{GOOS: "windows", Wine: true}, `Z:\home\文书\a.pdf`)[1]; !reflect.DeepEqual(got, []string{"start", "/unix", "/home/文书/a.pdf"}) {
		t.Errorf("start /unix = %q", got)
	}
	if runningUnderWine() {
		t.Error("this test machine is not Wine")
	}
}

// Printing where nothing opens PDFs says in Chinese where the file is and
// offers its folder and 另存为….
func TestPrintWithoutViewer(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	var tried []string
	u.env.OpenFile = func(p string) error {
		tried = append(tried, p)
		return errNoViewer
	}
	d := app.Document{FromUnit: "区财政局", Title: "关于拨付防汛物资经费的请示", ReceivedOn: app.D(2026, 3, 9)}
	if err := u.desk.RegisterIncoming(u.ctx, &d, false); err != nil {
		t.Fatal(err)
	}
	u.incoming.refresh()
	u.show(ScreenIncoming)
	u.incoming.table.Select(0)
	u.shortcutPrint()
	u.Wait()
	if len(tried) != 1 {
		t.Fatalf("tried to open %q", tried)
	}
	pdf := tried[0]
	if b, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("no PDF at %s: %v", pdf, err)
	}
	if !h.shows(pdf) || !h.shows("没有能自动打开 PDF 的程序") {
		t.Fatal("the message does not name the file")
	}
	if h.shows("未能完成") || h.shows("exec:") || h.shows("no program") {
		t.Fatal("the message shows a failure or English")
	}
	if os.Getenv("GONGWEN_SHOTS") != "" {
		writePNG(t, u, filepath.Join(os.Getenv("GONGWEN_SHOTS"), "print-no-viewer.png"))
	}
	test.Tap(h.button("打开所在文件夹"))
	if len(tried) != 2 || tried[1] != filepath.Dir(pdf) {
		t.Fatalf("打开所在文件夹 opened %q", tried)
	}
	// the folder did not open either: a message says where it is
	if !h.shows("请在文件管理器中找到") || !h.shows(filepath.Dir(pdf)) {
		t.Fatal("no message names the folder that could not be opened")
	}
}

func TestPrintFilesArePrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("file modes are Unix")
	}
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	t.Setenv("HOME", cache)
	dir, err := printDir(Env{})
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(dir) != cache {
		t.Fatalf("print folder %s is not in the user's cache folder", dir)
	}
	var names []string
	for i := 0; i < 2; i++ {
		p, err := writePrintFile(Env{}, "收文处理笺-2026-0001", []byte("%PDF-1.4"))
		if err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("print file mode %o, want 600", st.Mode().Perm())
		}
		names = append(names, filepath.Base(p))
	}
	if names[0] == names[1] || !strings.HasPrefix(names[0], "收文处理笺-2026-0001-") {
		t.Errorf("print file names %q: not unpredictable", names)
	}
	st, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o700 {
		t.Errorf("print folder mode %o, want 700", st.Mode().Perm())
	}
	// a folder an older version left open to everyone is closed
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := printDir(Env{}); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(dir); st.Mode().Perm() != 0o700 {
		t.Errorf("old print folder left at %o", st.Mode().Perm())
	}
}

func TestCleanPrinted(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, time.Local)
	files := map[string]time.Duration{"old.pdf": 25 * time.Hour, "today.pdf": 2 * time.Hour, "old-note.txt": 48 * time.Hour}
	for name, age := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, now.Add(-age), now.Add(-age)); err != nil {
			t.Fatal(err)
		}
	}
	if n := cleanPrinted(dir, now); n != 1 {
		t.Errorf("deleted %d files, want 1", n)
	}
	for name, keep := range map[string]bool{"old.pdf": false, "today.pdf": true, "old-note.txt": true} {
		if _, err := os.Stat(filepath.Join(dir, name)); (err == nil) != keep {
			t.Errorf("%s kept = %v, want %v", name, err == nil, keep)
		}
	}
}
