package ui

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"gongwen/app"
	"gongwen/data"
)

// A window opened over a damaged data file says so at once, on the 工作台
// and in a dialog pointing to 从备份恢复, not at the first refused write.
// The file is the store's committed repro: a damaged page, and committed
// rows in its -wal.
func TestWindowAnnouncesADamagedFile(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "gongwen.db")
	for _, suffix := range []string{"", "-wal"} {
		packed, err := os.ReadFile("../data/testdata/damaged-with-wal.sqlite" + suffix + ".gz")
		if err != nil {
			t.Fatal(err)
		}
		r, err := gzip.NewReader(bytes.NewReader(packed))
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path+suffix, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	store, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	desk, err := app.NewDesk(context.Background(), store, "张文书")
	if err != nil {
		t.Fatal(err)
	}
	env := dataEnv(desk, store, t.TempDir())
	env.AutoBackup = nil // the announcement alone, not the backup's own failure
	u := newUI(a, env)
	u.win.Resize(fyne.NewSize(1280, 800))
	u.win.Show()
	u.Wait()
	h := &harness{t: t, u: u, desk: desk, store: store}
	writePNGFromEnv(t, u, "GONGWEN_DAMAGED_PNG")
	if u.desk.Settings().OrgName == "" {
		t.Fatal("the repro has no office: the welcome dialog would come first")
	}
	if !h.shows("打开数据文件时检查发现它已损坏") || !h.shows("从备份恢复") {
		t.Fatal("no dialog says the data file is damaged")
	}
	if !u.dashboard.damage.Visible() || !bytes.Contains([]byte(u.dashboard.damageTxt.Text), []byte("数据文件已损坏")) {
		t.Fatalf("the 工作台 does not say the file is damaged: %q", u.dashboard.damageTxt.Text)
	}

	// restored from a good backup (as 从备份恢复… does once a file is
	// chosen), the line goes and the pair is kept beside the data file
	good, err := data.Open(filepath.Join(t.TempDir(), "good.db"))
	if err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "gongwen-good.db")
	if err := good.Backup(context.Background(), backup); err != nil {
		t.Fatal(err)
	}
	good.Close()
	if err := u.env.Restore(context.Background(), backup); err != nil {
		t.Fatalf("restore over the damaged file: %v", err)
	}
	u.reloadAll()
	u.dashboard.checkDamage()
	u.Wait()
	if u.dashboard.damage.Visible() {
		t.Fatal("the 工作台 still says the restored file is damaged")
	}
	if _, err := os.Stat(path + ".before-restore"); err != nil {
		t.Fatalf("the damaged data was not kept: %v", err)
	}
}

// A sound file shows no such line.
func TestWindowOverASoundFileAnnouncesNothing(t *testing.T) {
	h := newHarness(t, false)
	h.u.Wait()
	if h.u.dashboard.damage.Visible() || h.shows("已损坏") {
		t.Fatal("a sound file is announced as damaged")
	}
}
