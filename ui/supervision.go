package ui

import (
	"context"
	"fmt"
	"image/color"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/exchange"
	"gongwen/reports"
	"gongwen/ui/widgets"
)

// 督查: supervision items with their colour (蓝 on track, 黄 close to the
// limit, 红 overdue, 灰 done), feedback, closing and follow-up.

type itemBook struct {
	*book[app.Item]
	fb     *filterBar
	year   *widgets.Select
	view   *widgets.Select
	source *widgets.Select
	unit   *widgets.NameField
	text   *widgets.Entry
	port   *porter           // 导入, 导出
	menu   *widget.PopUpMenu // 打印督查文书: 交办单, 催办单, 督办通知单
	slips  *fyne.Menu
	ask    *dialog.CustomDialog // 正式印发 or 仅预览
}

const (
	viewRed    = "红色（逾期）"
	viewYellow = "黄色（临期）"
	viewBlue   = "蓝色（正常）"
	viewOpen   = "正在办理"
	viewDone   = "已办结"
)

var reportEvery = []string{"每周", "每半月", "每月", "办结时"}

func newItemBook(u *UI) *itemBook {
	b := &itemBook{}
	b.book = &book[app.Item]{u: u, title: "督查督办", entity: app.EntityItem,
		id:   func(it app.Item) int64 { return it.ID },
		load: func(ctx context.Context, id int64) (app.Item, error) { return deref(u.desk.Store.Item(ctx, id)) },
	}
	b.heading = func(it app.Item) (string, []*widgets.Chip) {
		t, c := b.colourChip(it)
		chips := []*widgets.Chip{chip(t, c), chip(string(it.SourceType), widgets.ColourGrey)}
		if it.Satisfaction != "" {
			chips = append(chips, chip(string(it.Satisfaction), widgets.ColourGrey))
		}
		if it.ReportLate(u.desk.Today()) {
			chips = append(chips, chip("进展报告逾期", widgets.ColourYellow))
		}
		return it.Number + "　" + it.Title, chips
	}
	b.fb = newFilterBar(func() {
		if b.table != nil {
			b.table.Reload()
		}
	})
	b.year = b.fb.choice("年度", yearOptions(u.desk.Today()), 90)
	b.view = b.fb.choice("预警", []string{viewRed, viewYellow, viewBlue, viewOpen, viewDone}, 130)
	b.source = b.fb.choice("来源", strs(app.SourceTypes), 130)
	b.fb.newline()
	b.unit = b.fb.unit("牵头单位", u.unitNames, 150)
	b.text = b.fb.text("关键词", "事项、内容…", 150)
	b.fb.buttons()
	b.filters = b.fb.box
	b.table = widgets.NewPagedTable([]widgets.Column[app.Item]{
		{Title: "预警", Width: 64, Chip: b.colourChip},
		{Title: "督办编号", Width: 120, Sort: "number", Text: func(it app.Item) string { return it.Number }},
		{Title: "督办事项", Width: 260, Text: func(it app.Item) string { return it.Title }},
		{Title: "牵头单位", Width: 130, Sort: "lead_unit", Text: func(it app.Item) string { return it.LeadUnit }},
		{Title: "完成时限", Width: 95, Sort: "deadline", Text: func(it app.Item) string { return it.CurrentDeadline().String() }},
		{Title: "来源", Width: 100, Text: func(it app.Item) string { return string(it.SourceType) }},
		{Title: "分管领导", Width: 80, Text: func(it app.Item) string { return it.LeaderInCharge }},
		{Title: "交办日期", Width: 95, Sort: "assigned_on", Text: func(it app.Item) string { return it.AssignedOn.String() }},
		{Title: "状态", Width: 80, Text: func(it app.Item) string { return it.Status.Label() }},
	}, b.id, b.fetch)
	b.table.SetSort("number", true)
	newBtn := widget.NewButtonWithIcon("新建督办事项（Ctrl+N）", theme.ContentAddIcon(), b.create)
	newBtn.Importance = widget.HighImportance
	b.port = &porter{u: u, title: "督查督办事项", book: exchange.Supervision, count: func() int { return b.table.Total() }, reload: b.refresh,
		filtered: func() exportFunc { return exportWith(u.desk, b.filter(), exchange.ExportItems) }}
	b.tools = append([]fyne.CanvasObject{newBtn, widget.NewButtonWithIcon("月度督查通报", theme.DocumentPrintIcon(), u.showMonthlyReport)}, b.port.tools()...)
	b.details = b.detailsOf
	b.actions = []*action[app.Item]{
		{label: "进展反馈", icon: theme.MailReplyIcon(), run: b.progressForm, check: rule((*app.Item).CanAddProgress)},
		{label: "阶段完成", icon: theme.CheckButtonCheckedIcon(), run: b.stageForm, check: rule((*app.Item).CanCompleteStage)},
		{label: "办结销号", icon: theme.ConfirmIcon(), run: b.completeForm, check: rule((*app.Item).CanComplete)},
		{label: "回访", icon: theme.ViewRefreshIcon(), run: b.visitForm, check: rule((*app.Item).CanVisit)},
		{label: "满意度", icon: theme.AccountIcon(), run: b.satisfactionForm, check: rule((*app.Item).CanRecordSatisfaction)},
		{label: "修改", icon: theme.DocumentCreateIcon(), run: func(it app.Item) { b.itemForm(&it) }, check: rule((*app.Item).CanEdit)},
		{label: "查看来源", icon: theme.SearchIcon(), run: b.openSource, check: rule((*app.Item).CanOpenSource)},
		{label: "打印督查文书", icon: theme.DocumentPrintIcon(), run: b.slipMenu, paper: true},
	}
	b.build()
	return b
}

func (b *itemBook) colourChip(it app.Item) (string, color.Color) {
	c := b.u.desk.Colour(&it)
	return c.Label(), colourOf(c)
}

func (b *itemBook) fetch(sort string, desc bool, p app.Page) ([]app.Item, int, error) {
	f := b.filter()
	f.Sort, f.Desc, f.Page = sort, desc, p
	return b.u.desk.Store.Items(b.u.ctx, f)
}

// filter is the store query the filter bar describes.
func (b *itemBook) filter() app.ItemFilter {
	f := app.ItemFilter{Year: selectedYear(b.year), Unit: strings.TrimSpace(b.unit.Text), Text: strings.TrimSpace(b.text.Text)}
	if s := b.source.Selected; s != "全部" {
		f.SourceType = app.SourceType(s)
	}
	q := b.u.desk.DashboardQuery()
	switch b.view.Selected {
	case viewRed:
		f.DeadlineBefore = q.Today
	case viewYellow:
		f.DeadlineFrom, f.DeadlineTo = q.Today, q.WarnUntil
	case viewBlue:
		f.DeadlineFrom = q.WarnUntil.AddDays(1)
	case viewOpen:
		f.Statuses = []app.ItemStatus{app.ItemOpen}
	case viewDone:
		f.Statuses = []app.ItemStatus{app.ItemDone}
	}
	return f
}

func (b *itemBook) showView(view string) { b.fb.showOnly(b.view, view) }

func (b *itemBook) create() { b.itemForm(nil) }

func (b *itemBook) print() { b.u.showMonthlyReport() }

func (b *itemBook) detailsOf(it app.Item) fyne.CanvasObject {
	f := newFields()
	f.addAlways("督办编号", it.Number).addAlways("事项来源", string(it.SourceType)).add("来源依据", it.SourceRef)
	f.add("具体内容", it.Content)
	f.addAlways("牵头单位", it.LeadUnit).add("协办单位", strings.Join(it.CoUnits, "、"))
	f.add("责任人", it.Responsible).add("分管领导", it.LeaderInCharge)
	f.addAlways("交办日期", it.AssignedOn.String()).addAlways("完成时限", it.Deadline.String())
	var stages []string
	for _, s := range it.Stages {
		line := fmt.Sprintf("%s：%s前", s.Name, s.Deadline)
		if !s.DoneOn.IsZero() {
			line += "（" + s.DoneOn.String() + "完成）"
		}
		stages = append(stages, line)
	}
	f.add("阶段时限", strings.Join(stages, "\n"))
	f.add("反馈要求", it.ReportEvery)
	if step, sent, err := b.u.desk.StepOf(b.u.ctx, &it); err == nil {
		if step.ReportLate {
			f.add("进展报告", "应于"+step.ReportDue.String()+"报送，尚未报送")
		}
		var lines []string
		for _, s := range sent {
			lines = append(lines, s.On.String()+"　"+string(s.Kind)+"　"+s.Number)
		}
		f.add("已发文书", strings.Join(lines, "\n"))
		if step.Next != "" {
			f.add("下一步", "应发"+string(step.Next)+"（"+step.Reason()+"）")
		}
	}
	var prog []string
	for _, p := range it.Progress {
		prog = append(prog, fmt.Sprintf("%s　%s（%s）", p.On, p.Text, p.Operator))
	}
	f.add("进展情况", strings.Join(prog, "\n"))
	if it.Status == app.ItemDone {
		f.add("办结", fmt.Sprintf("%s　%s", it.DoneOn, it.Result))
		if it.DoneOnTime() {
			f.add("是否按期", "按期办结")
		} else {
			f.add("是否按期", "逾期办结")
		}
	}
	var visits []string
	for _, v := range it.FollowUps {
		line := fmt.Sprintf("%s　%s", v.On, v.Text)
		if v.Reopened {
			line += "（重新交办）"
		}
		visits = append(visits, line)
	}
	f.add("回访", strings.Join(visits, "\n"))
	f.add("满意度", string(it.Satisfaction))
	return f.form
}

func (b *itemBook) itemForm(old *app.Item) {
	it := app.Item{AssignedOn: b.u.desk.Today(), SourceType: app.SourceKeyTask, ReportEvery: "每月"}
	title, save := "新建督办事项", "立项"
	if old != nil {
		it, title, save = *old, "修改督办事项 "+old.Number, "保存"
	}
	source := selectField(strs(app.SourceTypes), string(it.SourceType))
	ref := textField("如：王区长在《…》上的批示；区政府第5次常务会议议定事项第2项", it.SourceRef)
	titleE := textField("督办事项名称", it.Title)
	content := textArea("具体内容和要求", it.Content, 3)
	lead := b.u.unitField(it.LeadUnit)
	co := b.u.unitsField(it.CoUnits)
	resp := textField("责任人", it.Responsible)
	leader := b.u.leaderField(it.LeaderInCharge, nil)
	assigned := b.u.dateField(it.AssignedOn, true)
	deadline := b.u.dateField(it.Deadline, true)
	every := selectField(reportEvery, it.ReportEvery)
	stages := widgets.NewRowEditor([]string{"阶段", "时限"}, []float32{2, 1}, "添加阶段时限", func() []fyne.CanvasObject {
		return []fyne.CanvasObject{widgets.NewEntry("阶段名称"), widgets.NewDateField(b.u.desk, true)}
	})
	for _, s := range it.Stages {
		row := stages.AddRow()
		row[0].(*widgets.Entry).SetText(s.Name)
		row[1].(*widgets.DateField).SetDate(s.Deadline)
	}
	f := b.u.newForm(title, save)
	f.Width = 720
	f.Field("事项来源", source).Field("来源依据", ref).Field("督办事项", titleE).Field("具体内容", content)
	f.Field("牵头单位", lead).Field("协办单位", co).Field("责任人", resp).Field("分管领导", leader)
	f.Field("交办日期", assigned).Field("完成时限", deadline).Field("阶段时限", stages, "可分阶段设定时限；预警按当前未完成阶段的时限计算")
	f.Field("反馈要求", every)
	f.Show(func(bool) error {
		n := it
		var err error
		if n.AssignedOn, err = dateOf("交办日期", assigned); err != nil {
			return err
		}
		if n.Deadline, err = dateOf("完成时限", deadline); err != nil {
			return err
		}
		n.Stages = nil
		for i, row := range stages.Rows() {
			name := strings.TrimSpace(row[0].(*widgets.Entry).Text)
			dl, err := dateOf(fmt.Sprintf("第%d阶段时限", i+1), row[1].(*widgets.DateField))
			if err != nil {
				return err
			}
			if name == "" {
				name = fmt.Sprintf("第%d阶段", i+1)
			}
			st := app.Stage{Name: name, Deadline: dl}
			if old != nil && i < len(old.Stages) && old.Stages[i].Name == name {
				st.DoneOn = old.Stages[i].DoneOn
			}
			n.Stages = append(n.Stages, st)
		}
		n.SourceType, n.SourceRef, n.Title, n.Content = app.SourceType(source.Selected), ref.Text, titleE.Text, content.Text
		n.LeadUnit, n.CoUnits, n.Responsible, n.LeaderInCharge = lead.Text, co.Names(), resp.Text, leader.Text
		n.ReportEvery = every.Selected
		return saveRecord(b.u.ctx, old == nil, &n, b.u.desk.CreateItem, b.u.desk.EditItem, b.done)
	})
}

func (b *itemBook) progressForm(it app.Item) {
	on := b.u.dateField(b.u.desk.Today(), true)
	text := textArea("牵头单位反馈的进展情况", "", 4)
	f := b.u.newForm("进展反馈 "+it.Number, "保存")
	f.Top(wrapLabel(it.Title))
	f.Field("反馈日期", on).Field("进展情况", text)
	f.Show(func(bool) error {
		day, err := dateOf("反馈日期", on)
		if err != nil {
			return err
		}
		out, err := b.u.desk.AddProgress(b.u.ctx, it.ID, day, text.Text)
		if err == nil {
			b.done(*out)
		}
		return err
	})
}

func (b *itemBook) stageForm(it app.Item) {
	var opts []string
	var idx []int
	for i, s := range it.Stages {
		if s.DoneOn.IsZero() {
			opts = append(opts, fmt.Sprintf("%s（%s前）", s.Name, s.Deadline))
			idx = append(idx, i)
		}
	}
	which := selectField(opts, "")
	on := b.u.dateField(b.u.desk.Today(), true)
	f := b.u.newForm("阶段完成 "+it.Number, "保存")
	f.Field("阶段", which).Field("完成日期", on)
	f.Show(func(bool) error {
		day, err := dateOf("完成日期", on)
		if err != nil {
			return err
		}
		i := which.SelectedIndex()
		if i < 0 {
			return app.Errorf(app.EINVALID, "请选择阶段")
		}
		out, err := b.u.desk.CompleteStage(b.u.ctx, it.ID, idx[i], day)
		if err == nil {
			b.done(*out)
		}
		return err
	})
}

func (b *itemBook) completeForm(it app.Item) {
	on := b.u.dateField(b.u.desk.Today(), true)
	result := textArea("办理结果", "", 4)
	f := b.u.newForm("办结销号 "+it.Number, "办结")
	f.Top(wrapLabel(fmt.Sprintf("%s\n完成时限：%s", it.Title, it.Deadline)))
	f.Field("办结日期", on).Field("办理结果", result)
	f.Show(func(bool) error {
		day, err := dateOf("办结日期", on)
		if err != nil {
			return err
		}
		out, err := b.u.desk.CompleteItem(b.u.ctx, it.ID, result.Text, day)
		if err == nil {
			b.done(*out)
		}
		return err
	})
}

func (b *itemBook) visitForm(it app.Item) {
	on := b.u.dateField(b.u.desk.Today(), true)
	text := textArea("回访了解到的情况", "", 3)
	reopen := widgets.NewCheck("落实不到位，重新交办", nil)
	deadline := b.u.dateField(app.Date{}, false)
	f := b.u.newForm("回访 "+it.Number, "保存")
	f.Top(wrapLabel(it.Title))
	f.Field("回访日期", on).Field("回访情况", text).Field("", reopen).Field("新的时限", deadline, "重新交办时必填")
	f.Show(func(bool) error {
		day, err := dateOf("回访日期", on)
		if err != nil {
			return err
		}
		dl, err := dateOf("新的时限", deadline)
		if err != nil {
			return err
		}
		out, err := b.u.desk.VisitItem(b.u.ctx, it.ID, day, text.Text, reopen.Checked, dl)
		if err == nil {
			b.done(*out)
		}
		return err
	})
}

func (b *itemBook) satisfactionForm(it app.Item) {
	s := radioField([]string{string(app.Satisfied), string(app.FairlySatisfied), string(app.Unsatisfied)}, string(it.Satisfaction))
	deadline := b.u.dateField(app.Date{}, false)
	f := b.u.newForm("代表（委员）满意度 "+it.Number, "保存")
	f.Top(wrapLabel(it.Title))
	f.Field("满意度", s).Field("重新办理时限", deadline, "不满意时退回承办单位重新办理，须给出新时限")
	f.Show(func(bool) error {
		dl, err := dateOf("重新办理时限", deadline)
		if err != nil {
			return err
		}
		out, err := b.u.desk.RecordSatisfaction(b.u.ctx, it.ID, app.Satisfaction(s.Selected), dl)
		if err == nil {
			b.done(*out)
		}
		return err
	})
}

func (b *itemBook) openSource(it app.Item) {
	switch {
	case it.SourceDocID != 0:
		b.u.openRecord(app.EntityDocument, it.SourceDocID)
	case it.SourceMeetingID != 0:
		b.u.openRecord(app.EntityMeeting, it.SourceMeetingID)
	}
}

// slipMenu offers the three 督查文书 of the item; one that does not fit the
// item now is greyed, with the reason as its label.
func (b *itemBook) slipMenu(it app.Item) {
	today := b.u.desk.Today()
	var entries []*fyne.MenuItem
	for _, kind := range app.SlipKinds {
		m := fyne.NewMenuItem(string(kind), func() {
			b.menu.Hide() // a tap hides it already; a shortcut or test may not
			b.askSent(it, kind)
		})
		if err := it.CanSend(kind, today); err != nil {
			m.Label, m.Disabled = string(kind)+"（"+slipRefusal(kind)+"）", true
		}
		entries = append(entries, m)
	}
	b.slips = fyne.NewMenu("", entries...)
	b.menu = widget.NewPopUpMenu(b.slips, b.u.win.Canvas())
	pos := fyne.NewPos(100, 100)
	if btn := b.button("打印督查文书"); btn != nil {
		pos = fyne.CurrentApp().Driver().AbsolutePositionForObject(btn).AddXY(0, btn.Size().Height)
	}
	b.menu.ShowAtPosition(pos)
}

// slipRefusal is the short reason a slip is greyed in the menu.
func slipRefusal(kind app.SlipKind) string {
	if kind == app.SlipNotice {
		return "仅用于已逾期事项"
	}
	return "事项已办结"
}

// askSent asks whether this print is the one sent to the unit: that one is
// recorded in the item's history (and a 催办单 takes its number); a preview
// is not.
func (b *itemBook) askSent(it app.Item, kind app.SlipKind) {
	msg := "这次打印的" + string(kind) + "是正式送给" + it.LeadUnit + "的吗？\n正式印发的记入办理记录"
	if kind == app.SlipReminder {
		msg += "，并取本年下一个催办编号"
	}
	msg += "；仅预览的不记录" + map[bool]string{true: "，编号留空", false: ""}[kind == app.SlipReminder] + "。"
	var d *dialog.CustomDialog
	printIt := func(sent bool) {
		d.Hide()
		b.u.printPaper(slipPaper(it, kind, sent, func() {
			if sent {
				b.done(it)
			}
		}), false)
	}
	sentBtn := widget.NewButton("正式印发", func() { printIt(true) })
	sentBtn.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons("打印"+kind.Title(), wrapLabel(msg), b.u.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("取消", func() { d.Hide() }), widget.NewButton("仅预览", func() { printIt(false) }), sentBtn})
	b.ask = d
	d.Show()
	d.Resize(fyne.NewSize(460, d.MinSize().Height))
}

func slipPaper(it app.Item, kind app.SlipKind, sent bool, after func()) paper {
	return paper{name: kind.Title() + "-" + it.Number, record: it, after: after,
		write: func(ctx context.Context, u *UI, w io.Writer, f *reports.Fonts, s app.Settings) (reports.Printed, error) {
			return reports.PrintSlip(ctx, u.desk, it.ID, kind, sent, w, f, s)
		}}
}
