package ui

import (
	"context"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// 设置—数据与备份: the data file, 立即备份, 从备份恢复, 检查数据文件 and
// 连接单位服务器.

func (s *settingsScreen) dataTab() fyne.CanvasObject {
	s.dataBox = container.NewVBox()
	s.dataRoot = page(s.dataBox)
	return s.dataRoot
}

func (s *settingsScreen) fillData() {
	u := s.u
	f := newFields()
	f.addAlways("数据文件", u.env.DataPath)
	f.addAlways("备份文件夹", u.env.BackupDir)
	last := "还没有备份"
	if u.env.LastBackup != nil {
		if file, at, err := u.env.LastBackup(); err == nil && file != "" {
			last = at.Format("2006-01-02 15:04") + "　" + file
		}
	}
	f.addAlways("最近备份", last)
	f.addAlways("自动备份", "每天第一次打开程序时自动备份到备份文件夹，保留最近的备份")
	backup := widget.NewButtonWithIcon("立即备份", theme.DocumentSaveIcon(), u.backupNow)
	backup.Importance = widget.HighImportance
	restore := widget.NewButtonWithIcon("从备份恢复…", theme.HistoryIcon(), s.restore)
	check := widget.NewButtonWithIcon("检查数据文件", theme.ConfirmIcon(), func() {
		if u.env.Check == nil {
			return
		}
		u.busy("正在检查数据文件", u.env.Check, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			u.showMessage("检查完成", "数据文件完好。")
		})
	})
	server := widget.NewButtonWithIcon("连接单位服务器…", theme.ComputerIcon(), u.showServerForm)
	if u.env.ConnectServer == nil {
		server.Hide()
	}
	if u.env.Backup == nil {
		backup.Disable()
	}
	if u.env.Restore == nil {
		restore.Disable()
	}
	if u.env.Check == nil {
		check.Disable()
	}
	s.dataBox.Objects = []fyne.CanvasObject{f.form, container.NewHBox(backup, restore, check, server),
		note("恢复会用备份文件替换当前数据，替换前会先自动备份当前数据。要把数据换到别的电脑或磁盘，请“立即备份”，把备份文件带过去再“从备份恢复”；不要直接复制数据文件（最近的改动可能还在旁边的 -wal 文件中）。密级文件只能在经批准的脱网计算机上登记办理，本程序不向任何地方发送数据。")}
	s.dataBox.Refresh()
	s.dataRoot.Refresh()
}

// restoreQuestion asks before the backup at path replaces the data file
// dataPath, warning when the backup was taken of another data file, owner
// (not "").
func restoreQuestion(path, dataPath, owner string) string {
	q := "用备份文件\n" + path + "\n替换当前全部数据？当前数据会先自动备份。"
	if owner != "" {
		q = fmt.Sprintf("注意：这是数据文件“%s”的备份，不是当前数据文件“%s”的。\n", owner, filepath.Base(dataPath)) + q
	}
	return q
}

func (s *settingsScreen) restore() {
	u := s.u
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			return
		}
		path := rc.URI().Path()
		rc.Close()
		u.rememberFolder(folderBackup, rc.URI())
		owner := ""
		if u.env.ForeignBackup != nil {
			owner = u.env.ForeignBackup(path)
		}
		u.confirm("从备份恢复", restoreQuestion(path, u.env.DataPath, owner), "恢复", func() {
			u.busy("正在恢复数据", func(ctx context.Context) error {
				if err := u.env.Restore(ctx, path); err != nil {
					return err
				}
				return u.desk.Reload(ctx)
			}, func(err error) {
				if err != nil {
					u.showError(err)
					return
				}
				u.reloadAll()
				u.dashboard.checkDamage() // the restored file was checked as it was opened
				u.showMessage("恢复完成", "已从备份恢复数据。")
			})
		})
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".db", ".sqlite", ".bak"}))
	u.startIn(d, folderBackup)
	u.showFileDialog(d, "打开文件")
}
