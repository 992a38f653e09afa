package sample_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"gongwen/app"
	"gongwen/data"
	"gongwen/sample"
)

func TestLoadIsCompleteAndIdempotent(t *testing.T) {
	ctx := context.Background()
	store, desk := sample.OpenTestDesk(t, filepath.Join(t.TempDir(), "sample.db"))
	start := time.Now()
	loaded, err := sample.Load(ctx, desk)
	if err != nil || !loaded {
		t.Fatalf("Load: %v %v", loaded, err)
	}
	t.Logf("sample loaded in %v", time.Since(start))
	_, docs, _ := store.Documents(ctx, app.DocumentFilter{})
	if docs < 200 {
		t.Errorf("%d documents, want about 200 or more", docs)
	}
	loaded, err = sample.Load(ctx, desk)
	if err != nil || loaded {
		t.Fatalf("second Load: %v %v", loaded, err)
	}
	if _, again, _ := store.Documents(ctx, app.DocumentFilter{}); again != docs {
		t.Fatalf("second load changed the count %d → %d", docs, again)
	}
	dash, err := store.Dashboard(ctx, desk.DashboardQuery())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("dashboard: %+v", dash)
	if dash.DocsOverdue == 0 || dash.AwaitingProposal == 0 || dash.ItemsRed == 0 || dash.SealsAwaiting == 0 || dash.MeetingsThisWeek == 0 || dash.CirculationOut == 0 {
		t.Errorf("the sample should give every 工作台 count something: %+v", dash)
	}
}

func TestLoadRefusesAnotherOffice(t *testing.T) {
	ctx := context.Background()
	store, err := data.Open(filepath.Join(t.TempDir(), "other.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	desk, _ := app.NewDesk(ctx, store, "测试员")
	if err := desk.SaveSettings(ctx, app.Settings{OrgName: "某某区人民政府办公室", Rules: app.DefaultRules()}); err != nil {
		t.Fatal(err)
	}
	if _, err := sample.Load(ctx, desk); app.ErrorCode(err) != app.ECONFLICT {
		t.Fatalf("load into another office: %v", err)
	}
}

// failingStore fails the writes after the first n, as a full disk or a
// kill would stop a load midway.
type failingStore struct {
	*data.Store
	n int
}

func (f *failingStore) Update(ctx context.Context, fn func(app.Tx) error) error {
	if f.n--; f.n < 0 {
		return app.Errorf(app.EINTERNAL, "磁盘已满（测试）")
	}
	return f.Store.Update(ctx, fn)
}

// checkNothingThenComplete checks that a failed load left nothing, and that
// loading again gives the whole sample office.
func checkNothingThenComplete(t *testing.T, store *data.Store) {
	t.Helper()
	ctx := context.Background()
	_, docs, err := store.Documents(ctx, app.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	st, _ := store.Settings(ctx)
	units, _ := store.Units(ctx)
	if docs != 0 || st.OrgName != "" || len(units) != 0 {
		t.Errorf("a failed load left %d documents, %d units, office %q", docs, len(units), st.OrgName)
	}
	desk, err := app.NewDesk(ctx, store, "测试员")
	if err != nil {
		t.Fatal(err)
	}
	desk.Now = func() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local) }
	if loaded, err := sample.Load(ctx, desk); err != nil || !loaded {
		t.Fatalf("rerun: %v %v", loaded, err)
	}
	if _, docs, _ = store.Documents(ctx, app.DocumentFilter{}); docs != 242 {
		t.Errorf("the rerun loaded %d documents, want all 242", docs)
	}
}

// Issue 13.8: a load that fails midway leaves nothing, and a rerun loads
// the whole office (not "已载入", not a duplicate unit).
func TestLoadFailingMidwayLeavesNothing(t *testing.T) {
	ctx := context.Background()
	store, err := data.Open(filepath.Join(t.TempDir(), "half.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	desk, err := app.NewDesk(ctx, &failingStore{Store: store, n: 100}, "测试员")
	if err != nil {
		t.Fatal(err)
	}
	desk.Now = func() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local) }
	if loaded, err := sample.Load(ctx, desk); err == nil || loaded {
		t.Fatalf("the failing load went through: %v %v", loaded, err)
	}
	checkNothingThenComplete(t, store)
}

// Issue 13.8 on a real full disk: a tmpfs too small for the office.
func TestLoadOnAFullDisk(t *testing.T) {
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Skip("SKIPPED: needs root on Linux to mount a small disk")
	}
	disk := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk).CombinedOutput(); err != nil {
		t.Fatalf("mount: %v %s", err, out)
	}
	defer exec.Command("umount", "-l", disk).Run()
	ctx := context.Background()
	store, desk := sample.OpenTestDesk(t, filepath.Join(disk, "full.db"))
	_, err := sample.Load(ctx, desk)
	if msg := app.ErrorMessage(err); !strings.Contains(msg, "磁盘已满") {
		t.Fatalf("load on a full disk: %q", msg)
	}
	if out, err := exec.Command("mount", "-o", "remount,size=64m", disk).CombinedOutput(); err != nil {
		t.Fatalf("grow the disk: %v %s", err, out)
	}
	checkNothingThenComplete(t, store)
}
