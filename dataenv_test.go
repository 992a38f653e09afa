package main

import (
	"context"
	"path/filepath"
	"testing"

	"gongwen/app"
	"gongwen/data"
)

// The window's Env over a store: 立即备份 writes a backup that the status
// line finds, 从备份恢复 puts it back, and a backup of another data file
// of the same folder is named before it replaces anything.
func TestDataEnvBacksUpAndRestores(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	store, err := data.Open(filepath.Join(dir, "gongwen.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	desk, err := app.NewDesk(ctx, store, "张文书")
	if err != nil {
		t.Fatal(err)
	}
	env := DataEnv(desk, store, filepath.Join(dir, "backups"))
	if err := desk.SaveSettings(ctx, app.Settings{OrgName: "测试区人民政府办公室", Operators: []string{"张文书"}, Rules: app.DefaultRules()}); err != nil {
		t.Fatal(err)
	}
	file, err := env.Backup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if last, _, _ := env.LastBackup(); last != file {
		t.Errorf("the last backup is %q, want %q", last, file)
	}
	if err := desk.SaveSettings(ctx, app.Settings{OrgName: "改过的名称", Operators: []string{"张文书"}, Rules: app.DefaultRules()}); err != nil {
		t.Fatal(err)
	}
	if err := env.Restore(ctx, file); err != nil {
		t.Fatal(err)
	}
	if got := desk.Settings().OrgName; got != "测试区人民政府办公室" {
		t.Errorf("after the restore the office is %q", got)
	}
	if err := env.Check(ctx); err != nil {
		t.Errorf("the restored file: %v", err)
	}
	if owner := env.ForeignBackup(file); owner != "" {
		t.Errorf("the window's own backup is said to be of %q", owner)
	}
	if owner := env.ForeignBackup(filepath.Join(dir, "backups", "new-20261203.db")); owner != "new.db" {
		t.Errorf("another data file's backup is said to be of %q", owner)
	}
}
