package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// damageReporter is a store that checks its file when it opens it
// (data.Store runs SQLite's quick check beside the first reads); Damaged
// waits for that check and returns the damage found, "" for none.
type damageReporter interface{ Damaged() string }

// damageBanner is the 工作台's line saying the data file is damaged, with
// the way out; hidden while the file is sound.
func (d *dashboardScreen) damageBanner() *fyne.Container {
	d.damageTxt = wrapLabel("")
	d.damageTxt.Importance = widget.DangerImportance
	restore := widget.NewButtonWithIcon("从备份恢复…", theme.HistoryIcon(), func() {
		d.u.show(ScreenSettings)
		d.u.settings.tabs.SelectIndex(settingsTabData)
	})
	d.damage = container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), restore, d.damageTxt)
	d.damage.Hide()
	return d.damage
}

// checkDamage waits off the UI thread for the store's check of its file
// and, when it found damage, says so at once (on the 工作台 and in a
// dialog) rather than at the first write, which the store refuses.
func (d *dashboardScreen) checkDamage() {
	store, ok := d.u.desk.Store.(damageReporter)
	if !ok {
		return
	}
	u := d.u
	u.wg.Add(1)
	go func() {
		defer u.wg.Done()
		damaged := store.Damaged() != "" // what SQLite found is for 检查数据文件, not for this notice
		fyne.Do(func() {
			if !damaged {
				d.damage.Hide()
				return
			}
			d.damageTxt.SetText("数据文件已损坏。为免损坏更多数据，程序不再向它写入：可以查看和打印，登记和修改无法保存。请从最近一次完好的备份恢复。")
			d.damage.Show()
			u.showMessage("数据文件已损坏", "打开数据文件时检查发现它已损坏。\n\n"+
				"为免损坏更多数据，程序不再向它写入：可以查看和打印，但登记和修改都无法保存。\n\n"+
				"请在“设置—数据与备份”中点“从备份恢复…”，选择最近一次完好的备份。"+
				"恢复前的数据（包括还没有写入主文件的部分）会另存为 .before-restore，不会丢失。")
		})
	}()
}
