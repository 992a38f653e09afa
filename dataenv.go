package main

import (
	"context"
	"strings"
	"time"

	"gongwen/app"
	"gongwen/data"
	"gongwen/sample"
	"gongwen/serverconf"
	"gongwen/ui"
)

// DataEnv is the Env of a window over an open data.Store: backups go to
// backupDir named after the data file (gongwen.db's as gongwen-YYYYMMDD.db,
// the daily file the automatic backup also writes), restore puts a backup in place under the open store (which
// holds reads and writes meanwhile) and reloads the desk, and 载入示例单位
// uses package sample.
func DataEnv(desk *app.Desk, store *data.Store, backupDir string) ui.Env {
	return ui.Env{
		Desk:      desk,
		DataPath:  store.Path(),
		BackupDir: backupDir,
		Backup: func(ctx context.Context) (string, error) {
			return store.BackupInto(ctx, backupDir, time.Now())
		},
		AutoBackup: func(ctx context.Context) (string, error) {
			return store.AutoBackup(ctx, backupDir, time.Now())
		},
		LastBackup: func() (string, time.Time, error) {
			file, at, _ := data.LastBackup(backupDir, store.Path())
			return file, at, nil
		},
		ForeignBackup: func(path string) string {
			if owner := data.BackupOwner(path); owner != "" && !data.IsBackupOf(path, store.Path()) {
				return owner
			}
			return ""
		},
		Check: func(ctx context.Context) error {
			problems, err := store.Check(ctx)
			if err != nil {
				return err
			}
			if len(problems) > 0 {
				return app.Errorf(app.EINTERNAL, "数据文件有问题：%s", strings.Join(problems, "；"))
			}
			return nil
		},
		Restore: func(ctx context.Context, src string) error {
			if err := store.RestoreFrom(src); err != nil {
				return err
			}
			return desk.Reload(ctx)
		},
		TestServer:    testServer,
		ConnectServer: serverconf.Save,
		LoadSample: func(ctx context.Context, d *app.Desk, progress func(step, total int, what string)) error {
			_, err := sample.LoadWithProgress(ctx, d, progress)
			return err
		},
	}
}

// testServer opens the office on the server at url, as the next start
// will, and closes it again.
func testServer(_ context.Context, url string) error {
	store, err := data.Open(url)
	if err != nil {
		return err
	}
	return store.Close()
}
