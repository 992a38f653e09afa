package ui

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"gongwen/app"
	"gongwen/data"
	"gongwen/sample"
)

// DataEnv is the Env of a window over an open data.Store: backups go to
// backupDir as gongwen-YYYYMMDD.db (the daily file the automatic backup
// also writes), restore closes the store, puts the backup in place and
// reopens it under the desk, and 载入示例单位 uses package sample.
// Current returns the store in use (it changes after a restore); main.go
// should close Current() on exit rather than the store it opened.
func DataEnv(desk *app.Desk, store *data.Store, backupDir string) (Env, func() *data.Store) {
	var mu sync.Mutex
	cur := store
	current := func() *data.Store {
		mu.Lock()
		defer mu.Unlock()
		return cur
	}
	env := Env{
		Desk:      desk,
		DataPath:  store.Path(),
		BackupDir: backupDir,
		Backup: func(ctx context.Context) (string, error) {
			// timed, so a copy taken by hand never replaces the day's automatic one
			dest := filepath.Join(backupDir, "gongwen-"+time.Now().Format("20060102-150405")+".db")
			return dest, current().Backup(ctx, dest)
		},
		AutoBackup: func(ctx context.Context) (string, error) {
			return current().AutoBackup(ctx, backupDir, time.Now())
		},
		LastBackup: func() (string, time.Time, error) {
			file, at, _ := data.LastBackup(backupDir)
			return file, at, nil
		},
		Check: func(ctx context.Context) error {
			problems, err := current().Check(ctx)
			if err != nil {
				return err
			}
			if len(problems) > 0 {
				return app.Errorf(app.EINTERNAL, "数据文件有问题：%s", strings.Join(problems, "；"))
			}
			return nil
		},
		Restore: func(ctx context.Context, src string) error {
			mu.Lock()
			defer mu.Unlock()
			path := cur.Path()
			// keep what is there now before replacing it
			if err := cur.Backup(ctx, filepath.Join(backupDir, "gongwen-before-restore-"+time.Now().Format("20060102-150405")+".db")); err != nil {
				return err
			}
			if err := cur.Close(); err != nil {
				return err
			}
			restoreErr := data.Restore(src, path)
			reopened, err := data.Open(path)
			if err != nil {
				return err
			}
			cur = reopened
			desk.Store = reopened
			if restoreErr != nil {
				return restoreErr
			}
			return desk.Reload(ctx)
		},
		LoadSample: func(ctx context.Context, d *app.Desk) error {
			_, err := sample.Load(ctx, d)
			return err
		},
	}
	return env, current
}
