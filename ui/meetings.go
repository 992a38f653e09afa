package ui

import (
	"context"
	"fmt"
	"image/color"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/exchange"
	"gongwen/reports"
	"gongwen/ui/widgets"
)

// 会议: meetings with their people, topics, decisions (→ 督办) and minutes.

type meetingBook struct {
	*book[app.Meeting]
	fb   *filterBar
	year *widgets.Select
	kind *widgets.Select
	view *widgets.Select
	text *widgets.Entry
	from *widgets.DateField
	to   *widgets.DateField
	port *porter // 导出
}

const viewThisWeek = "本周会议"

func newMeetingBook(u *UI) *meetingBook {
	b := &meetingBook{}
	b.book = &book[app.Meeting]{u: u, title: "会议与纪要", entity: app.EntityMeeting,
		id:   func(m app.Meeting) int64 { return m.ID },
		load: func(ctx context.Context, id int64) (app.Meeting, error) { return deref(u.desk.Store.Meeting(ctx, id)) },
	}
	b.heading = func(m app.Meeting) (string, []*widgets.Chip) {
		t, c := minutesChip(m, u.desk.Today())
		return m.Name(), []*widgets.Chip{chip(t, c)}
	}
	b.fb = newFilterBar(func() {
		if b.table != nil {
			b.table.Reload()
		}
	})
	b.year = b.fb.choice("年度", yearOptions(u.desk.Today()), 90)
	b.view = b.fb.choice("视图", []string{viewThisWeek}, 100)
	b.kind = b.fb.choice("类型", strs(app.MeetingKinds), 140)
	b.fb.newline()
	b.from, b.to = b.fb.dates("会议日期", u.desk)
	b.text = b.fb.text("关键词", "议题、议定事项…", 150)
	b.fb.buttons()
	b.filters = b.fb.box
	b.table = widgets.NewPagedTable([]widgets.Column[app.Meeting]{
		{Title: "会议日期", Width: 100, Sort: "date", Text: func(m app.Meeting) string { return m.Date.String() }},
		{Title: "类型", Width: 120, Sort: "kind", Text: func(m app.Meeting) string { return m.Kind.Short() }},
		{Title: "会议名称", Width: 300, Text: func(m app.Meeting) string { return m.Name() }},
		{Title: "主持", Width: 80, Text: func(m app.Meeting) string { return m.Chair }},
		{Title: "地点", Width: 140, Text: func(m app.Meeting) string { return m.Place }},
		{Title: "议题", Width: 50, Text: func(m app.Meeting) string { return fmt.Sprint(len(m.Topics)) }},
		{Title: "议定事项", Width: 70, Text: func(m app.Meeting) string { return fmt.Sprint(len(m.Decisions)) }},
		{Title: "纪要", Width: 120, Chip: func(m app.Meeting) (string, color.Color) { return minutesChip(m, u.desk.Today()) }},
	}, b.id, b.fetch)
	b.table.SetSort("date", true)
	newBtn := widget.NewButtonWithIcon("登记会议（Ctrl+N）", theme.ContentAddIcon(), b.create)
	newBtn.Importance = widget.HighImportance
	b.port = &porter{u: u, title: "会议登记簿", count: func() int { return b.table.Total() }, reload: b.refresh,
		filtered: func() exportFunc { return exportWith(u.desk, b.filter(), exchange.ExportMeetings) }}
	b.tools = append([]fyne.CanvasObject{newBtn}, b.port.tools()...)
	b.details = b.detailsOf
	b.actions = []*action[app.Meeting]{
		{label: "修改会议", icon: theme.DocumentCreateIcon(), run: func(m app.Meeting) { b.meetingForm(&m) }},
		{label: "转督办", icon: theme.ViewRefreshIcon(), run: b.decisionForm, check: rule((*app.Meeting).CanMakeItem)},
		{label: "印发纪要", icon: theme.MailSendIcon(), run: b.minutesForm,
			check: func(m app.Meeting) error { return m.CanIssueMinutes(u.desk.Today()) }},
		{label: "打印纪要", icon: theme.DocumentPrintIcon(), run: func(m app.Meeting) { u.printPaper(minutesPaper(m), false) },
			check: rule((*app.Meeting).CanPrintMinutes)},
		{label: "导出PDF…", icon: theme.DocumentSaveIcon(), run: func(m app.Meeting) { u.printPaper(minutesPaper(m), true) },
			check: rule((*app.Meeting).CanPrintMinutes)},
		{label: "导出OFD…", icon: theme.DocumentSaveIcon(), run: func(m app.Meeting) { u.exportOFD(minutesPaper(m)) },
			check: rule((*app.Meeting).CanPrintMinutes)},
		{label: "导出Word…", icon: theme.DocumentSaveIcon(), run: func(m app.Meeting) {
			u.exportWord(minutesPaper(m).name, func(w io.Writer, f *reports.Fonts, s app.Settings) error { return reports.MinutesDocx(w, f, s, &m) })
		}, check: rule((*app.Meeting).CanPrintMinutes)},
	}
	b.build()
	return b
}

func minutesChip(m app.Meeting, today app.Date) (string, color.Color) {
	switch {
	case m.Minutes.Number != 0:
		return "纪要" + m.Minutes.NumberText(), widgets.ColourGreen
	case m.Kind.NeedsMinutes() && m.Date.After(today):
		return "会后印发纪要", widgets.ColourGrey
	case m.Minutes.Draft():
		return "纪要送审稿", widgets.ColourYellow
	case m.Kind.NeedsMinutes():
		return "纪要待印发", widgets.ColourYellow
	}
	return "无需纪要", widgets.ColourGrey
}

func (b *meetingBook) fetch(sort string, desc bool, p app.Page) ([]app.Meeting, int, error) {
	f := b.filter()
	f.Sort, f.Desc, f.Page = sort, desc, p
	return b.u.desk.Store.Meetings(b.u.ctx, f)
}

// filter is the store query the filter bar describes.
func (b *meetingBook) filter() app.MeetingFilter {
	f := app.MeetingFilter{Year: selectedYear(b.year), Text: strings.TrimSpace(b.text.Text)}
	f.From, _ = b.from.Date()
	f.To, _ = b.to.Date()
	if k := b.kind.Selected; k != "全部" {
		f.Kind = app.MeetingKind(k)
	}
	if b.view.Selected == viewThisWeek {
		q := b.u.desk.DashboardQuery()
		f.From, f.To = q.WeekFrom, q.WeekTo
	}
	return f
}

func (b *meetingBook) showView(view string) { b.fb.showOnly(b.view, view) }

func (b *meetingBook) create() { b.meetingForm(nil) }

func (b *meetingBook) print() {
	if b.sel == nil || b.sel.CanPrintMinutes() != nil {
		widgets.ShowMessage(b.u.win, "打印", "请先选择一个已有纪要正文（已印发或送审稿）的会议。")
		return
	}
	b.u.printPaper(minutesPaper(*b.sel), false)
}

func (b *meetingBook) detailsOf(m app.Meeting) fyne.CanvasObject {
	f := newFields()
	f.addAlways("会议类型", string(m.Kind)).addAlways("时间", strings.TrimSpace(m.Date.Chinese()+" "+m.Time)).addAlways("地点", m.Place)
	f.addAlways("主持", m.Chair).addNames("出席", m.Attendees).addNames("列席", m.Observers)
	var abs []string
	for _, a := range m.Absentees {
		abs = append(abs, a.Name+"（"+a.Reason+"）")
	}
	f.addNames("请假", abs).add("记录", m.Recorder)
	var topics []string
	for _, t := range m.Topics {
		line := fmt.Sprintf("%d. %s", t.Seq, t.Title)
		if t.ReportingUnit != "" {
			line += "（" + t.ReportingUnit + "汇报）"
		}
		if !t.DueOn.IsZero() {
			line += "，材料" + t.DueOn.String() + "前报送"
		}
		topics = append(topics, line)
	}
	f.add("议题", strings.Join(topics, "\n"))
	var decs []string
	for _, d := range m.Decisions {
		line := fmt.Sprintf("%d. %s", d.Seq, d.Content)
		if d.LeadUnit != "" {
			line += "（牵头：" + d.LeadUnit
			if len(d.CoUnits) > 0 {
				line += "；协办：" + strings.Join(d.CoUnits, "、")
			}
			line += "）"
		}
		if !d.Deadline.IsZero() {
			line += "，" + d.Deadline.String() + "前完成"
		}
		if d.ItemID != 0 {
			line += "　【已转督办】"
		}
		decs = append(decs, line)
	}
	f.add("议定事项", strings.Join(decs, "\n"))
	if m.Minutes.Number != 0 {
		f.add("纪要", fmt.Sprintf("%s %s，%s签发，%s印发", m.Minutes.Title, m.Minutes.NumberText(), m.Minutes.PrintedSigner(), m.Minutes.IssuedOn))
	}
	f.add("纪要正文", ellipsis(m.Minutes.Body, 300))
	return f.form
}

func (b *meetingBook) meetingForm(old *app.Meeting) {
	m := app.Meeting{Kind: app.MeetingExecutive, Date: b.u.desk.Today(), Time: "上午9:00"}
	title, save := "登记会议", "保存"
	if old != nil {
		m, title = *old, "修改会议 "+old.Name()
	}
	kind := selectField(strs(app.MeetingKinds), string(m.Kind))
	term := textField("如：十八届政府（可不填）", m.Term)
	seq := intField("第几次", m.Seq)
	date := b.u.dateField(m.Date, true)
	tm := textField("如：上午9:00", m.Time)
	place := textField("会议地点", m.Place)
	chair := b.u.leaderField(m.Chair, nil)
	attend := b.u.peopleField(m.Attendees)
	observe := b.u.peopleField(m.Observers)
	recorder := textField("记录人", m.Recorder)
	absent := widgets.NewRowEditor([]string{"请假人", "原因"}, []float32{1, 2}, "添加请假人员", func() []fyne.CanvasObject {
		return []fyne.CanvasObject{widgets.NewNameField("姓名", b.u.peopleNames), widgets.NewEntry("请假原因")}
	})
	for _, a := range m.Absentees {
		r := absent.AddRow()
		r[0].(*widgets.NameField).SetText(a.Name)
		r[1].(*widgets.Entry).SetText(a.Reason)
	}
	topics := widgets.NewRowEditor([]string{"议题", "汇报单位"}, []float32{3, 2}, "添加议题", func() []fyne.CanvasObject {
		return []fyne.CanvasObject{widgets.NewEntry("议题名称"), widgets.NewNameField("汇报单位", b.u.unitNames)}
	})
	for _, t := range m.Topics {
		r := topics.AddRow()
		r[0].(*widgets.Entry).SetText(t.Title)
		r[1].(*widgets.NameField).SetText(t.ReportingUnit)
	}
	decisions := widgets.NewRowEditor([]string{"议定事项", "牵头单位", "协办单位", "时限"}, []float32{4, 2, 2, 2}, "添加议定事项", func() []fyne.CanvasObject {
		return []fyne.CanvasObject{widgets.NewEntry("议定事项内容"), widgets.NewNameField("牵头单位", b.u.unitNames),
			widgets.NewNamesField("协办单位", b.u.unitNames), widgets.NewDateField(b.u.desk, false)}
	})
	for _, d := range m.Decisions {
		r := decisions.AddRow()
		r[0].(*widgets.Entry).SetText(d.Content)
		r[1].(*widgets.NameField).SetText(d.LeadUnit)
		r[2].(*widgets.NameField).SetNames(d.CoUnits)
		r[3].(*widgets.DateField).SetDate(d.Deadline)
	}
	f := b.u.newForm(title, save)
	f.Width, f.Height = 900, 620
	f.Field("会议类型", kind).Field("届次", term).Field("第几次", seq).Field("日期", date).Field("时间", tm).Field("地点", place)
	f.Field("主持", chair).Field("出席", attend).Field("列席", observe).Field("请假", absent).Field("记录", recorder)
	f.Field("议题", topics, "常务会议的议题材料须在会前5个工作日报送，保存时自动计算")
	f.Field("议定事项", decisions, "需要落实的议定事项可一键转为督办事项")
	f.Show(func(bool) error {
		n := m
		var err error
		if n.Date, err = dateOf("会议日期", date); err != nil {
			return err
		}
		if n.Seq, err = parseInt("会议次序", seq.Text); err != nil {
			return err
		}
		n.Kind, n.Term, n.Time, n.Place = app.MeetingKind(kind.Selected), strings.TrimSpace(term.Text), tm.Text, place.Text
		n.Chair, n.Attendees, n.Observers, n.Recorder = chair.Text, attend.Names(), observe.Names(), recorder.Text
		n.Absentees, n.Topics = nil, nil
		for _, r := range absent.Rows() {
			name := strings.TrimSpace(r[0].(*widgets.NameField).Text)
			if name != "" {
				n.Absentees = append(n.Absentees, app.Absentee{Name: name, Reason: r[1].(*widgets.Entry).Text})
			}
		}
		for _, r := range topics.Rows() {
			t := strings.TrimSpace(r[0].(*widgets.Entry).Text)
			if t != "" {
				n.Topics = append(n.Topics, app.Topic{Title: t, ReportingUnit: strings.TrimSpace(r[1].(*widgets.NameField).Text)})
			}
		}
		var decs []app.Decision
		for i, r := range decisions.Rows() {
			c := strings.TrimSpace(r[0].(*widgets.Entry).Text)
			if c == "" {
				continue
			}
			dl, err := dateOf(fmt.Sprintf("第%d项议定事项的时限", i+1), r[3].(*widgets.DateField))
			if err != nil {
				return err
			}
			d := app.Decision{Content: c, LeadUnit: strings.TrimSpace(r[1].(*widgets.NameField).Text),
				CoUnits: r[2].(*widgets.NameField).Names(), Deadline: dl}
			decs = append(decs, d)
		}
		n.Decisions = decs
		warns, err := b.u.desk.SaveMeeting(b.u.ctx, &n)
		if err != nil {
			return err
		}
		b.done(n)
		f.Warn(warns.String())
		return nil
	})
	_ = save
}

func (b *meetingBook) decisionForm(m app.Meeting) {
	var opts []string
	var seqs []int
	for _, d := range m.Decisions {
		if d.ItemID == 0 {
			dl := "未定时限"
			if !d.Deadline.IsZero() {
				dl = d.Deadline.String() + "前"
			}
			opts = append(opts, fmt.Sprintf("%d. %s（%s，%s）", d.Seq, ellipsis(d.Content, 24), orDash(d.LeadUnit), dl))
			seqs = append(seqs, d.Seq)
		}
	}
	which := selectField(opts, "")
	f := b.u.newForm("议定事项转督办", "立项督办")
	f.Top(wrapLabel(m.Name()))
	f.Field("议定事项", which)
	f.Bottom(note("以会议日期为交办日期、议定事项的时限为完成时限立项，督办编号自动取下一个。没有时限或牵头单位的事项请先在“修改会议”中补全。"))
	var made *app.Item
	f.OnSaved = func(string) {
		if made != nil {
			b.u.items.table.Reload()
			widgets.ShowMessage(b.u.win, "已立项督办", fmt.Sprintf("已立项：%s，可在“督查”中跟踪。", made.Number))
		}
	}
	f.Show(func(bool) error {
		i := which.SelectedIndex()
		if i < 0 {
			return app.Errorf(app.EINVALID, "请选择议定事项")
		}
		it, err := b.u.desk.DecisionToItem(b.u.ctx, m.ID, seqs[i])
		if err == nil {
			made = it
			b.done(m)
		}
		return err
	})
}

func (b *meetingBook) minutesForm(m app.Meeting) {
	body := m.Minutes.Body
	if body == "" {
		body = m.DraftMinutes()
	}
	titleText := m.Minutes.Title
	if titleText == "" {
		titleText = m.Name() + "纪要"
	}
	signerName := m.Minutes.Signer
	if signerName == "" {
		if ms := b.u.leadersWith(app.RoleMayor); len(ms) > 0 {
			signerName = ms[0]
		}
	}
	title := textField("纪要标题", titleText)
	text := textArea("纪要正文", body, 12)
	signer := b.u.leaderField(signerName, nil)
	issue := b.u.desk.Today()
	if issue.Before(m.Date) {
		issue = m.Date
	}
	on := b.u.dateField(issue, true)
	copyTo := textField("分送单位", m.Minutes.CopyTo)
	draftOnly := widgets.NewCheck("只保存为送审稿（暂不印发、不编号，可打印送区长审签）", nil)
	f := b.u.newForm("印发纪要 "+m.Name(), "印发")
	f.Width = 820
	f.Field("纪要标题", title).Field("正文", text).Field("签发人", signer).Field("印发日期", on).Field("分送", copyTo).Field("", draftOnly)
	f.Bottom(note("纪要编号按会议类型和年度自动编号（如〔2026〕5号），已编号的纪要重新印发时保留原编号。纪要不加盖印章。"))
	f.Show(func(bool) error {
		day, err := dateOf("印发日期", on)
		if err != nil {
			return err
		}
		edited := m
		edited.Minutes.Title, edited.Minutes.CopyTo, edited.Minutes.Body = strings.TrimSpace(title.Text), copyTo.Text, text.Text
		if _, err := b.u.desk.SaveMeeting(b.u.ctx, &edited); err != nil {
			return err
		}
		if draftOnly.Checked {
			b.done(edited)
			return nil
		}
		out, err := b.u.desk.IssueMinutes(b.u.ctx, m.ID, text.Text, signer.Text, day)
		if err == nil {
			b.done(*out)
		}
		return err
	})
}
