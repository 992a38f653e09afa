package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/reports"
	"gongwen/ui/widgets"
)

// 设置—打印字体: which installed font prints each role, or the bundled one.

const fontAuto = "自动（优先使用本机安装的公文字体）"

func setFontChoice(c *app.FontChoice, role reports.FontRole, v string) {
	switch role {
	case reports.RoleBody:
		c.Body = v
	case reports.RoleTitle:
		c.Title = v
	case reports.RoleHeading:
		c.Heading = v
	case reports.RoleKai:
		c.Kai = v
	}
}

func fontChoiceOf(c app.FontChoice, role reports.FontRole) string {
	switch role {
	case reports.RoleBody:
		return c.Body
	case reports.RoleTitle:
		return c.Title
	case reports.RoleHeading:
		return c.Heading
	}
	return c.Kai
}

func (s *settingsScreen) fontsTab() fyne.CanvasObject {
	s.fontsBox = container.NewVBox(note("打开此页时查找本机字体…"))
	rescan := widget.NewButtonWithIcon("重新查找已安装字体", theme.ViewRefreshIcon(), func() {
		reports.RescanFonts()
		s.fontRoles = nil
		s.loadFonts()
	})
	s.fontsRoot = page(note("打印按 GB/T 9704 使用仿宋_GB2312、方正小标宋简体、黑体、楷体；本机装有这些字体时自动使用，否则使用程序内置的思源字体。"),
		s.fontsBox, container.NewHBox(rescan), s.saveButton())
	return s.fontsRoot
}

func (s *settingsScreen) loadFonts() {
	if s.fontRoles != nil {
		return
	}
	choice := s.u.desk.Settings().Fonts
	var roles []reports.RoleFonts
	s.u.busy("正在查找本机字体", func(context.Context) error {
		roles = reports.FontCandidates(choice)
		return nil
	}, func(error) {
		s.fontRoles = roles
		s.fillFonts(choice)
	})
}

func (s *settingsScreen) fillFonts(choice app.FontChoice) {
	f := widget.NewForm()
	for _, rf := range s.fontRoles {
		opts := []string{fontAuto}
		for _, c := range rf.Candidates {
			if c.Usable {
				opts = append(opts, c.Name)
			}
		}
		sel := widgets.NewSelect(opts, nil)
		sel.PlaceHolder = "（请选择字体）"
		sel.SetSelected(fontAuto)
		if v := fontChoiceOf(choice, rf.Role); v != "" {
			sel.SetSelected(rf.Chosen.Name)
		}
		s.fontSel[rf.Role] = sel
		hint := "将使用：" + rf.Chosen.Name
		if rf.Problem != "" {
			hint += "；" + rf.Problem
		}
		var bad []string
		for _, c := range rf.Candidates {
			if !c.Usable {
				bad = append(bad, c.Name+"（"+c.Problem+"）")
			}
		}
		if len(bad) > 0 {
			hint += "；不能使用：" + strings.Join(bad, "，")
		}
		item := widget.NewFormItem(rf.Role.Label(), sel)
		item.HintText = hint
		f.AppendItem(item)
	}
	s.fontsBox.Objects = []fyne.CanvasObject{f}
	s.fontsBox.Refresh()
	s.fontsRoot.Refresh()
}
