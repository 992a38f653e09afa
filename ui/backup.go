package ui

import (
	"context"

	"fyne.io/fyne/v2"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// The day's automatic backup and 立即备份.

// autoBackup writes today's automatic backup in the background, if it is
// not there yet.
func (u *UI) autoBackup() {
	if u.env.AutoBackup == nil {
		return
	}
	u.wg.Add(1)
	ctx := u.ctx // taken on the UI thread, where setOperator replaces it
	go func() {
		defer u.wg.Done()
		_, err := u.env.AutoBackup(ctx)
		trace("automatic backup done (%v)", err)
		fyne.Do(func() {
			u.refreshStatus()
			if err != nil { // say so today, not when the copies are a week old
				u.showError(app.Errorf(app.EINTERNAL, "今天的自动备份没有完成：%s。请在“设置—数据与备份”中立即备份，或检查备份文件夹。", app.ErrorMessage(err)))
			}
		})
	}()
}

func (u *UI) backupNow() {
	if u.env.Backup == nil {
		widgets.ShowMessage(u.win, "备份", "这个窗口没有配置备份功能。")
		return
	}
	var file string
	u.busy("正在备份数据", func(ctx context.Context) (err error) {
		file, err = u.env.Backup(ctx)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.refreshStatus()
		u.settings.refresh()
		widgets.ShowMessage(u.win, "备份完成", "数据已备份到：\n"+file)
	})
}
