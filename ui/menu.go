package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"gongwen/ui/widgets"
)

// The menu bar and its shortcuts (Ctrl+N, Ctrl+S, Ctrl+P, Ctrl+F, Ctrl+1…7,
// Ctrl+Q, Alt+F), and quitting.

func (u *UI) mainMenu() *fyne.MainMenu {
	ctrl := fyne.KeyModifierShortcutDefault
	item := func(label string, key fyne.KeyName, fn func()) *fyne.MenuItem {
		m := fyne.NewMenuItem(label, fn)
		if key != "" {
			m.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: ctrl}
		}
		return m
	}
	file := fyne.NewMenu("文件",
		item("新建登记", fyne.KeyN, u.shortcutNew),
		item("保存", fyne.KeyS, u.shortcutSave),
		fyne.NewMenuItemSeparator(),
		item("打印", fyne.KeyP, u.shortcutPrint),
		item("月度督查通报…", "", u.showMonthlyReport),
		fyne.NewMenuItemSeparator(),
		item("立即备份", "", u.backupNow),
		fyne.NewMenuItemSeparator(),
		u.quitItem(),
	)
	find := fyne.NewMenu("查找", item("全局搜索", fyne.KeyF, u.focusSearch))
	nav := fyne.NewMenu("转到")
	for i, name := range navOrder {
		m := fyne.NewMenuItem(name, func() { u.show(name) })
		m.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyName(fmt.Sprint(i + 1)), Modifier: ctrl}
		nav.Items = append(nav.Items, m)
	}
	help := fyne.NewMenu("帮助", item("关于公文督办台", "", u.showAbout))
	return fyne.NewMainMenu(file, find, nav, help)
}

func (u *UI) shortcutNew() {
	if u.forms.Top() != nil {
		return
	}
	if c, ok := u.screens[u.current].(creator); ok {
		c.create()
	}
}

func (u *UI) shortcutSave() {
	if f := u.forms.Top(); f != nil {
		f.Save()
		return
	}
	if u.current == ScreenSettings {
		u.settings.save()
	}
}

func (u *UI) shortcutPrint() {
	if u.forms.Top() != nil {
		return
	}
	if p, ok := u.screens[u.current].(printer); ok {
		p.print()
	}
}

func (u *UI) focusSearch() { u.win.Canvas().Focus(u.searchBox) }

// escape cancels the top form when no field has the focus.
func (u *UI) escape() {
	if f := u.forms.Top(); f != nil {
		f.Cancel()
	}
}

// quitItem is 文件—退出 (Ctrl+Q). Marked as the quit item, it replaces the
// English "Quit" Fyne would add, and runs through quit like the window's
// close button.
func (u *UI) quitItem() *fyne.MenuItem {
	m := fyne.NewMenuItem("退出", u.quit)
	m.IsQuit = true
	m.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	return m
}

// quit closes the window, asking first about each dialog holding unsaved
// input: 保存 saves and goes on, 不保存 drops it and goes on, 取消 stays.
func (u *UI) quit() {
	if f := u.forms.Unsaved(); f != nil {
		widgets.AskUnsaved(u.win, f, "退出", func() {
			f.Hide()
			u.quit()
		})
		return
	}
	u.win.Close()
}

// openFileMenu is Alt+F: the menu bar opens on its first menu, 文件. Fyne
// draws the menu bar itself (no native menu outside macOS) and its canvas
// can toggle it; on a canvas without a menu bar nothing happens.
func (u *UI) openFileMenu() {
	if c, ok := u.win.Canvas().(interface{ ToggleMenu() }); ok {
		c.ToggleMenu()
	}
}
