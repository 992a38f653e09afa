package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// 设置—节假日: the year's 放假 and 调休上班 days, entered, imported from the notice, confirmed.

type holidayRow struct {
	day    app.DayOverride
	office bool // entered by the office (can be removed)
}

func (s *settingsScreen) holidaysTab() fyne.CanvasObject {
	today := s.u.desk.Today()
	var years []string
	for y := today.Year + 1; y >= today.Year-3; y-- {
		years = append(years, fmt.Sprintf("%d年", y))
	}
	s.holYear = widgets.NewSelect(years, nil)
	s.holYear.PlaceHolder = "（请选择年份）"
	s.holYear.SetSelectedIndex(1)
	s.holYear.OnChanged = func(string) { s.fillHolidays() }
	s.holCover = wrapLabel("")
	s.holWarn = wrapLabel("")
	s.holWarn.Importance = widget.WarningImportance
	confirm := widget.NewButtonWithIcon("确认该年安排已录入完整", theme.ConfirmIcon(), func() {
		y := selectedYear(s.holYear)
		s.u.confirm("确认节假日安排", fmt.Sprintf("确认%d年的放假和调休上班日已按国务院通知全部录入？确认后该年的期限不再标为“待核”。", y), "确认", func() {
			if err := s.u.desk.ConfirmYear(s.u.ctx, y, true); err != nil {
				s.u.showError(err)
				return
			}
			s.fillHolidays()
			s.u.changed()
		})
	})
	s.holidays = newRefList(func(h holidayRow) string {
		kind := "放假"
		if h.day.Work {
			kind = "调休上班"
		}
		t := fmt.Sprintf("%s　%s　%s　%s", h.day.Day, weekdayCN(h.day.Day), kind, h.day.Name)
		if h.office {
			t += "　（本单位录入）"
		}
		return t
	}, func() { s.dayForm(app.DayOverride{}) }, func(h holidayRow) { s.dayForm(h.day) }, func(h holidayRow) {
		if !h.office {
			s.u.showMessage("不能删除", "这一天是程序内置的国务院安排；如有变动，请用“修改所选”更正。")
			return
		}
		if err := s.u.desk.ClearDay(s.u.ctx, h.day.Day); err != nil {
			s.u.showError(err)
			return
		}
		s.fillHolidays()
		s.u.changed()
	}, widget.NewLabel("年度："), s.holYear, confirm,
		widget.NewButtonWithIcon("从通知导入…", theme.DocumentIcon(), s.noticeForm))
	top := container.NewVBox(s.holCover, s.holWarn,
		note("国务院每年11月前后公布下一年的放假安排，届时请点“从通知导入…”粘贴通知全文；也可逐日录入放假日和调休上班日，再点“确认该年安排已录入完整”。"))
	return container.NewBorder(top, nil, nil, nil, s.holidays.root)
}

func (s *settingsScreen) fillHolidays() {
	cal := s.u.desk.Calendar()
	years := cal.CoveredYears()
	builtin := app.BuiltinYears()
	cover := "已掌握节假日安排的年度："
	if len(builtin) > 0 {
		cover += fmt.Sprintf("%d–%d年（程序内置）", builtin[0], builtin[len(builtin)-1])
	}
	var own []string
	for _, y := range years {
		if !slices.Contains(builtin, y) {
			own = append(own, fmt.Sprint(y))
		}
	}
	if len(own) > 0 {
		cover += "；本单位确认：" + strings.Join(own, "、") + "年"
	}
	s.holCover.SetText(cover)
	if w := s.u.desk.CalendarWarning(); w != "" {
		s.holWarn.SetText("注意：" + w)
		s.holWarn.Show()
	} else {
		s.holWarn.Hide()
	}
	y := selectedYear(s.holYear)
	office := map[app.Date]bool{}
	if ovs, err := s.u.desk.Store.DayOverrides(s.u.ctx); err == nil {
		for _, o := range ovs {
			office[o.Day] = true
		}
	}
	var rows []holidayRow
	for d := app.D(y, 1, 1); d.Year == y; d = d.AddDays(1) {
		if o, ok := cal.Day(d); ok {
			rows = append(rows, holidayRow{day: o, office: office[d]})
		}
	}
	s.holidays.set(rows)
}

func (s *settingsScreen) dayForm(o app.DayOverride) {
	day := s.u.dateField(o.Day, true)
	kind := radioField([]string{"放假", "调休上班"}, map[bool]string{false: "放假", true: "调休上班"}[o.Work])
	name := textField("如：春节", o.Name)
	f := s.u.newForm("录入节假日", "保存")
	f.Field("日期", day).Field("类型", kind, "放假：本来是工作日而放假；调休上班：周末上班").Field("名称", name)
	f.Show(func(bool) error {
		d, err := dateOf("日期", day)
		if err != nil {
			return err
		}
		if err := s.u.desk.SetDay(s.u.ctx, app.DayOverride{Day: d, Work: kind.Selected == "调休上班", Name: strings.TrimSpace(name.Text)}); err != nil {
			return err
		}
		s.holYear.SetSelected(fmt.Sprintf("%d年", d.Year))
		s.fillHolidays()
		s.u.changed()
		return nil
	})
}
