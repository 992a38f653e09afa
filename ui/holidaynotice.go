package ui

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/exchange"
	"gongwen/ui/widgets"
)

// noticePreview is the dialog between reading a notice and saving it: the
// items as read, the days that change, the differences from the built-in
// schedule, and the 导入 button.
type noticePreview struct {
	plan    app.NoticePlan
	dlg     *dialog.CustomDialog
	content *fyne.Container
	ok      *widget.Button
}

// noticeForm is 设置 → 节假日 → 从通知导入…: the notice pasted or opened
// from a .txt; 下一步 reads and checks it (a mistake keeps the form open with
// the item named) and shows what it changes before anything is saved.
func (s *settingsScreen) noticeForm() {
	text := textArea("粘贴通知全文，连同标题“国务院办公厅关于××××年部分节假日安排的通知”", "", 12)
	var plan app.NoticePlan
	open := widget.NewButtonWithIcon("打开 .txt 文件…", theme.FolderOpenIcon(), func() { s.chooseNoticeFile(text) })
	f := s.u.newForm("从通知导入节假日", "下一步")
	f.Width = 780
	f.Top(note("把国务院办公厅公布的放假安排通知全文复制粘贴到下面，或打开保存的 .txt 文件（UTF-8 或 GBK 均可）。程序逐条核对日期、星期和天数，列出日历的变化，确认后才保存。"))
	f.Field("通知全文", text).Bottom(container.NewHBox(open))
	f.OnSaved = func(string) { s.showNoticePreview(plan) }
	f.Show(func(bool) error {
		n, err := app.ParseHolidayNotice(text.Text)
		if err != nil {
			return err
		}
		plan, err = s.u.desk.PlanHolidayNotice(s.u.ctx, n)
		return err
	})
}

func (s *settingsScreen) chooseNoticeFile(into *widgets.Entry) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			return
		}
		defer rc.Close()
		data, err := io.ReadAll(rc)
		if err != nil {
			s.u.showError(app.Errorf(app.EINVALID, "无法读取“%s”：%v", rc.URI().Name(), err))
			return
		}
		s.loadNoticeFile(into, rc.URI().Name(), data)
	}, s.u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".txt"}))
	s.u.showFileDialog(d, "打开文件")
}

// loadNoticeFile puts the text of a saved notice into the form's field.
func (s *settingsScreen) loadNoticeFile(into *widgets.Entry, name string, data []byte) {
	text, err := exchange.ReadText(name, data)
	if err != nil {
		s.u.showError(err)
		return
	}
	into.SetText(text)
}

func (s *settingsScreen) showNoticePreview(p app.NoticePlan) {
	y := p.Notice.Year
	pv := &noticePreview{plan: p, content: container.NewVBox()}
	add := func(o fyne.CanvasObject) { pv.content.Add(o) }
	add(wrapLabel(fmt.Sprintf("通知的安排（%s），请与原文核对：", p.Summary())))
	var items []string
	for _, it := range p.Notice.Items {
		items = append(items, it.Label()+"："+it.Describe(y))
	}
	add(wrapLabel(strings.Join(items, "\n")))

	add(sectionLabel("与程序内置的安排相比"))
	switch {
	case !p.Builtin:
		add(note(fmt.Sprintf("程序未内置%d年的安排。导入后，%d年的期限按通知计算，不再标为“待核”。", y, y)))
	case len(p.BuiltinDiffers) == 0:
		add(note("与程序内置的国务院安排完全一致。"))
	default:
		l := wrapLabel("以下日期与程序内置的安排不同，导入后按通知执行：\n" + changeLines(p.BuiltinDiffers, y, "内置为%s，通知为%s"))
		l.Importance = widget.WarningImportance
		add(l)
	}

	add(sectionLabel(fmt.Sprintf("日历的变化（%d天）", len(p.Changes))))
	if len(p.Changes) == 0 {
		add(note("与现在的日历相比，工作日和休息日没有变化。"))
	} else {
		add(wrapLabel(changeLines(p.Changes, y, "%s → %s")))
	}

	pv.dlg = dialog.NewCustomWithoutButtons(fmt.Sprintf("核对%d年节假日安排", y), container.NewVScroll(pv.content), s.u.win)
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), pv.dlg.Hide)
	pv.ok = widget.NewButtonWithIcon("导入", theme.ConfirmIcon(), func() { s.importNotice(pv) })
	pv.ok.Importance = widget.HighImportance
	pv.dlg.SetButtons([]fyne.CanvasObject{cancel, pv.ok})
	s.notice = pv
	pv.dlg.Show()
	win := s.u.win.Canvas().Size()
	pv.dlg.Resize(fyne.NewSize(min(820, win.Width-60), min(640, win.Height-60)))
}

// changeLines lists days one a line: “1月1日　星期五　工作日 → 放假（元旦）”.
func changeLines(cs []app.NoticeChange, year int, format string) string {
	var lines []string
	for _, c := range cs {
		day := fmt.Sprintf("%d月%d日", c.Day.Month, c.Day.Day)
		if c.Day.Year != year {
			day = c.Day.Chinese()
		}
		lines = append(lines, day+"　"+app.WeekdayName(c.Day)+"　"+fmt.Sprintf(format, c.Before, c.After))
	}
	return strings.Join(lines, "\n")
}

func (s *settingsScreen) importNotice(pv *noticePreview) {
	n := pv.plan.Notice
	if err := s.u.desk.ImportHolidayNotice(s.u.ctx, n); err != nil {
		s.u.showError(err)
		return
	}
	pv.dlg.Hide()
	s.notice = nil
	if year := fmt.Sprintf("%d年", n.Year); slices.Contains(s.holYear.Options, year) {
		s.holYear.SetSelected(year)
	}
	s.fillHolidays()
	s.u.changed()
	s.u.showMessage("导入完成", fmt.Sprintf("已按通知导入%d年的节假日安排。\n%s，日历变化%d天。",
		n.Year, strings.TrimPrefix(pv.plan.Summary(), fmt.Sprintf("%d年：", n.Year)), len(pv.plan.Changes)))
}
