package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"gongwen/app"
	"gongwen/data"
	"gongwen/ui/widgets"
)

// A second window on the same data file is refused with a Chinese message;
// the command line (the store's shared lock) is not; after the first
// window closes, a new one opens.
func TestOneWindowPerDataFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "gongwen.db")
	release, err := HoldWindow(db)
	if err != nil {
		t.Fatal(err)
	}
	_, err = HoldWindow(db)
	if app.ErrorCode(err) != app.EBUSY || !strings.Contains(app.ErrorMessage(err), "已经在另一个公文督办台窗口中打开") {
		t.Fatalf("second window: %v", err)
	}
	s, err := data.Open(db)
	if err != nil {
		t.Fatalf("the command line cannot open the file while the window is open: %v", err)
	}
	s.Close()
	other, err := HoldWindow(filepath.Join(t.TempDir(), "other.db"))
	if err != nil {
		t.Fatalf("another data file: %v", err)
	}
	other()
	release()
	again, err := HoldWindow(db)
	if err != nil {
		t.Fatalf("after the first window closed: %v", err)
	}
	again()
	if runtime.GOOS != "windows" {
		if st, err := os.Stat(windowLockPath(db)); err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("lock file mode %v (%v)", st.Mode().Perm(), err)
		}
	}
}

func TestAlreadyOpenMessage(t *testing.T) {
	a := test.NewTempApp(t)
	w := alreadyOpenWindow(a, "数据文件 D:\\公文督办台\\gongwen.db 已经在另一个公文督办台窗口中打开。请切换到那个窗口（看任务栏）；同一个数据文件只能在一个窗口中打开。")
	w.Show()
	found := false
	for _, o := range test.LaidOutObjects(w.Content()) {
		// broken by the paper's rules: no line starts with "。"
		if l, ok := o.(*widgets.Text); ok && strings.Contains(l.Full(), "已经在另一个公文督办台窗口中打开") {
			found = true
			for _, line := range strings.Split(l.Text, "\n") {
				if strings.HasPrefix(line, "。") || strings.HasPrefix(line, "；") {
					t.Errorf("a line starts with punctuation: %q", line)
				}
			}
		}
	}
	if !found {
		t.Fatal("the message is not shown in a text broken by the paper's rules")
	}
	if dir := os.Getenv("GONGWEN_SHOTS"); dir != "" {
		writePNGOf(t, w, filepath.Join(dir, "already-open.png"))
	}
}
