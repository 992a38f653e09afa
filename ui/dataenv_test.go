package ui

import (
	"context"
	"strings"
	"time"

	"gongwen/app"
	"gongwen/data"
	"gongwen/sample"
	"gongwen/serverconf"
)

// dataEnv is the tests' Env over a real store, wired as the program's
// dataenv.go wires it (package main cannot be imported from here): the
// first-day backup and the restore run for real, and 设置 and 欢迎 show the
// buttons the program shows.
func dataEnv(desk *app.Desk, store *data.Store, backupDir string) Env {
	return Env{
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
		Check: func(ctx context.Context) error {
			problems, err := store.Check(ctx)
			if err == nil && len(problems) > 0 {
				err = app.Errorf(app.EINTERNAL, "数据文件有问题：%s", strings.Join(problems, "；"))
			}
			return err
		},
		Restore: func(ctx context.Context, src string) error {
			if err := store.RestoreFrom(src); err != nil {
				return err
			}
			return desk.Reload(ctx)
		},
		TestServer: func(_ context.Context, url string) error {
			st, err := data.Open(url)
			if err != nil {
				return err
			}
			return st.Close()
		},
		ConnectServer: serverconf.Save,
		LoadSample: func(ctx context.Context, d *app.Desk, progress func(step, total int, what string)) error {
			_, err := sample.LoadWithProgress(ctx, d, progress)
			return err
		},
	}
}
