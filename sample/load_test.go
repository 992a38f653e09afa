package sample_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"gongwen/app"
	"gongwen/data"
	"gongwen/sample"
)

func TestLoadIsCompleteAndIdempotent(t *testing.T) {
	ctx := context.Background()
	store, err := data.Open(filepath.Join(t.TempDir(), "sample.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	desk, err := app.NewDesk(ctx, store, "测试员")
	if err != nil {
		t.Fatal(err)
	}
	desk.Now = func() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local) }
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
