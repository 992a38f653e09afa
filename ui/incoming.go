package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// 收文: registration and the whole life of an incoming document.

func (b *docBook) incomingColumns() []widgets.Column[app.Document] {
	return []widgets.Column[app.Document]{
		{Title: "收文编号", Width: 95, Sort: "serial", Text: func(d app.Document) string { return d.Serial }},
		{Title: "收文日期", Width: 95, Sort: "received_on", Text: func(d app.Document) string { return d.ReceivedOn.String() }},
		{Title: "文件标题", Width: 290, Sort: "title", Text: docTitle},
		{Title: "来文单位", Width: 130, Sort: "from_unit", Text: func(d app.Document) string { return d.FromUnit }},
		{Title: "状态", Width: 74, Sort: "status", Chip: b.statusChip},
		{Title: "办理时限", Width: 95, Sort: "due_on", Text: dueText},
		{Title: "承办单位", Width: 120, Text: func(d app.Document) string { return d.LeadUnit }},
		{Title: "来文字号", Width: widgets.WidthFor(typicalDocNo), Text: func(d app.Document) string { return d.DocNo }},
		{Title: "紧急", Width: 50, Text: urgencyText},
	}
}

// typicalDocNo is a long 文号 as offices write them (a 代字 of five
// characters, the year, three digits): the 来文字号 column shows it whole.
const typicalDocNo = "省政府办发〔2026〕123号"

func (b *docBook) incomingDetails(d app.Document) fyne.CanvasObject {
	f := newFields()
	f.addAlways("收文编号", d.Serial).addAlways("收文日期", d.ReceivedOn.String())
	f.addAlways("来文单位", d.FromUnit).addAlways("来文字号", d.DocNo)
	f.add("成文日期", d.WrittenOn.String())
	f.add("份数", countOf(d.Copies, "份")).add("页数", countOf(d.Pages, "页"))
	f.add("附件", d.Attachments)
	f.addAlways("密级", string(d.Secrecy)).addAlways("紧急程度", string(d.Urgency)).addAlways("文件类别", string(d.Kind))
	f.add("来文签发人", d.SenderSigner).addGenre(d)
	if d.Proposal != "" {
		f.add("拟办意见", fmt.Sprintf("%s\n（%s %s）", d.Proposal, d.ProposedBy, d.ProposedOn))
	}
	f.add("领导批示", instructionsText(d))
	if d.LeadUnit != "" {
		f.add("承办单位", d.LeadUnit)
		f.add("协办单位", strings.Join(d.CoUnits, "、"))
		lim := fmt.Sprintf("%d个工作日，%s前办结", d.LimitWorkdays, d.DueOn)
		if d.DueUncertain {
			lim += "（该年节假日未录入，时限待核）"
		}
		f.add("办理时限", lim)
	}
	if len(d.Circulations) > 0 {
		var lines []string
		for _, c := range d.Circulations {
			ret := "未退回"
			if !c.ReturnedOn.IsZero() {
				ret = c.ReturnedOn.String() + "退回"
				if c.Comment != "" {
					ret += "，" + c.Comment
				}
			}
			lines = append(lines, fmt.Sprintf("%d. %s　%s送阅　%s", c.Seq, c.Reader, c.SentOn, ret))
		}
		f.add("传阅", strings.Join(lines, "\n"))
	}
	if len(d.Reminders) > 0 {
		var lines []string
		for _, r := range d.Reminders {
			lines = append(lines, fmt.Sprintf("%s %s（%s）", r.On, r.Text, r.Operator))
		}
		f.add("催办", strings.Join(lines, "\n"))
	}
	if d.Status == app.StatusDone || d.Status == app.StatusArchived {
		f.add("办理结果", d.Result)
		f.add("办结日期", d.DoneOn.String())
	}
	if d.TransferTo != "" { // the reason is of a 转办, else of a 退文
		f.add("转办单位", d.TransferTo).add("转办理由", d.ReturnReason)
	} else {
		f.add("退文原因", string(d.ReturnCause)).add("退文理由", d.ReturnReason)
	}
	f.add("档号", d.Archive.Number())
	f.add("备注", d.Remarks)
	return f.form
}

// countOf is "2份" or "4页"; a number not filled in (0) is empty.
func countOf(n int, unit string) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf("%d%s", n, unit)
}

func (b *docBook) incomingActions() []*action[app.Document] {
	return []*action[app.Document]{
		{label: "拟办", icon: theme.DocumentCreateIcon(), run: b.proposeForm,
			check: rule((*app.Document).CanPropose)},
		{label: "批示", icon: theme.MailReplyIcon(), run: b.instructForm, check: rule((*app.Document).CanInstruct)},
		{label: "承办", icon: theme.MailForwardIcon(), run: b.assignForm, check: rule((*app.Document).CanAssign)},
		{label: "传阅", icon: theme.AccountIcon(), run: b.circulateForm, check: rule((*app.Document).CanCirculate)},
		{label: "传阅退回", icon: theme.MailReplyAllIcon(), run: b.returnForm, check: rule((*app.Document).CanReturnCirculation)},
		{label: "催办", icon: theme.WarningIcon(), run: b.remindForm, check: rule((*app.Document).CanRemind)},
		{label: "办结", icon: theme.ConfirmIcon(), run: b.completeForm, check: rule((*app.Document).CanComplete)},
		{label: "归档", icon: theme.StorageIcon(), run: b.archiveForm, check: rule((*app.Document).CanArchive)},
		{label: "转督办", icon: theme.ViewRefreshIcon(), run: b.toItemForm, check: rule((*app.Document).CanMakeItem)},
		{label: "退文", icon: theme.CancelIcon(), run: b.returnToSenderForm, check: rule((*app.Document).CanReturnToSender)},
		{label: "转办", icon: theme.NavigateNextIcon(), run: b.transferForm, check: rule((*app.Document).CanTransfer)},
		{label: "修改登记", icon: theme.DocumentCreateIcon(), run: func(d app.Document) { b.registerForm(&d) },
			check: rule((*app.Document).CanEdit)},
		{label: "打印处理笺", icon: theme.DocumentPrintIcon(), run: func(d app.Document) { b.u.printPaper(handlingSlipPaper(d), false) }},
		{label: "打印传阅单", icon: theme.DocumentPrintIcon(), run: func(d app.Document) { b.u.printPaper(circulationPaper(d), false) },
			check: rule((*app.Document).CanPrintCirculation)},
		{label: "导出PDF…", icon: theme.DocumentSaveIcon(), run: b.exportPDF},
		{label: "导出OFD…", icon: theme.DocumentSaveIcon(), run: b.exportOFD},
	}
}

// registerForm registers a new document (old == nil) or corrects one.
func (b *docBook) registerForm(old *app.Document) {
	d := app.Document{ReceivedOn: b.u.desk.Today(), Secrecy: app.SecrecyNone, Urgency: app.UrgencyNormal, Kind: app.KindAction}
	title, save := "登记收文", "登记"
	if old != nil {
		d, title, save = *old, "修改登记信息 "+old.Serial, "保存"
	}
	received := b.u.dateField(d.ReceivedOn, true)
	from := b.u.unitField(d.FromUnit)
	docNo := textField("如 示府发〔2026〕3号；括号可用[]或【】，会自动规范", d.DocNo)
	titleE := textField("文件标题", d.Title)
	written := b.u.dateField(d.WrittenOn, false)
	copies := intField("份", d.Copies)
	pages := intField("页", d.Pages)
	attach := textField("附件名称", d.Attachments)
	secrecy := selectField(strs(app.Secrecies), string(d.Secrecy))
	urgency := selectField(strs(app.Urgencies), string(d.Urgency))
	kind := radioField([]string{string(app.KindAction), string(app.KindReading)}, string(d.Kind))
	genre := genreField(d.Genre)
	signer := textField("来文单位签发人姓名（请示必填）", d.SenderSigner)
	remarks := textField("备注", d.Remarks)
	f := b.u.newForm(title, save)
	f.Field("收文日期", received).Field("来文单位", from).Field("来文字号", docNo).Field("文件标题", titleE)
	f.Field("成文日期", written)
	f.Field("文种／签发人", container.NewGridWithColumns(2, genre, signer), "未注明文种的，按标题末尾的文种登记")
	f.Field("份数／页数", container.NewGridWithColumns(4, copies, widget.NewLabel("份"), pages, widget.NewLabel("页")))
	f.Field("附件", attach)
	f.Field("密级／紧急程度", container.NewGridWithColumns(2, secrecy, urgency))
	f.Field("文件类别", kind, "办件需要办理；阅件只需阅知")
	f.Field("备注", remarks)
	if old == nil {
		f.Bottom(note("收文编号在登记时按年度自动编号。同一来文单位、同一文号的文件会提示可能重复。"))
	}
	f.Show(func(allowDup bool) error {
		n := d
		var err error
		if n.ReceivedOn, err = dateOf("收文日期", received); err != nil {
			return err
		}
		if n.WrittenOn, err = dateOf("成文日期", written); err != nil {
			return err
		}
		if n.Copies, err = parseInt("份数", copies.Text); err != nil {
			return err
		}
		if n.Pages, err = parseInt("页数", pages.Text); err != nil {
			return err
		}
		n.FromUnit, n.DocNo, n.Title = from.Text, docNo.Text, titleE.Text
		n.Attachments, n.Remarks = attach.Text, remarks.Text
		n.Secrecy, n.Urgency, n.Kind = app.Secrecy(secrecy.Selected), app.Urgency(urgency.Selected), app.DocKind(kind.Selected)
		n.Genre, n.SenderSigner = genreOf(genre, n.Title), signer.Text
		if old == nil {
			if err := b.u.desk.RegisterIncoming(b.u.ctx, &n, allowDup); err != nil {
				return err
			}
			warnGenre(f, n)
			b.done(n)
			return nil
		}
		saved, err := b.u.desk.EditDocument(b.u.ctx, &n, allowDup)
		if err == nil {
			warnGenre(f, *saved)
			b.done(*saved)
		}
		return err
	})
}

func (b *docBook) proposeForm(d app.Document) {
	text := textArea("如：拟呈王区长阅示，请区财政局牵头办理。", d.Proposal, 4)
	f := b.u.newForm("拟办意见 "+d.Serial, "保存")
	f.Top(wrapLabel(d.Title))
	f.Field("拟办意见", text, "要明确提出呈送哪位领导、由哪个单位办理，不得简单圈阅处理")
	f.Bottom(note("拟办人：" + orDash(b.u.operatorName) + "，日期：" + b.u.desk.Today().String()))
	f.Show(func(bool) error {
		out, err := b.u.desk.Propose(b.u.ctx, d.ID, text.Text)
		if err == nil {
			b.done(*out)
		}
		return err
	})
}

func (b *docBook) instructForm(d app.Document) {
	leader := b.u.leaderField("", nil)
	text := textArea("照录领导在文件上写的批示", "", 4)
	on := b.u.dateField(b.u.desk.Today(), true)
	f := b.u.newForm("登记领导批示 "+d.Serial, "保存")
	f.Top(wrapLabel(d.Title))
	if d.Proposal != "" {
		f.Top(note("拟办意见：" + d.Proposal))
	}
	f.Field("批示领导", leader).Field("批示内容", text).Field("批示日期", on)
	f.Show(func(bool) error {
		day, err := dateOf("批示日期", on)
		if err != nil {
			return err
		}
		out, err := b.u.desk.Instruct(b.u.ctx, d.ID, leader.Text, text.Text, day)
		if err == nil {
			b.done(*out)
		}
		return err
	})
}

var limitKinds = []app.LimitKind{app.LimitWithinPowers, app.LimitConsult, app.LimitInvestigate}

// assignForm sends the document to its lead unit, showing the due date the
// calendar gives before the user confirms.
func (b *docBook) assignForm(d app.Document) {
	rules := b.u.desk.Settings().Rules
	lead := b.u.unitField(d.LeadUnit)
	co := b.u.unitsField(d.CoUnits)
	kind := selectField(strs(limitKinds), "")
	days := intField("工作日", d.LimitWorkdays)
	if d.LimitWorkdays == 0 {
		days.SetText(strconv.Itoa(rules.DefaultLimit(d.Urgency, app.LimitWithinPowers)))
	}
	due := widgets.NewText("")
	due.TextStyle.Bold = true
	update := func() {
		n, err := parseInt("办理时限", days.Text)
		if err != nil || n < 1 {
			due.SetText("办理时限应为1到365个工作日")
			return
		}
		day, warn := b.u.desk.DueDate(b.u.desk.Today(), n)
		s := fmt.Sprintf("从今天（%s）起%d个工作日，应于 %s（%s）前办结", b.u.desk.Today(), n, day, weekdayCN(day))
		if warn != nil {
			s += "\n注意：" + warn.String()
		}
		due.SetText(s)
	}
	kind.OnChanged = func(s string) {
		days.SetText(strconv.Itoa(rules.DefaultLimit(d.Urgency, app.LimitKind(s))))
	}
	days.OnChanged = func(string) { update() }
	update()
	f := b.u.newForm("交办承办 "+d.Serial, "交办")
	f.Top(wrapLabel(d.Title))
	f.Field("承办单位", lead).Field("协办单位", co).Field("办理类型", kind, "按类型给出默认时限，特急、加急按文件要求")
	f.Field("时限（工作日）", days)
	f.Bottom(due)
	f.Show(func(bool) error {
		n, err := parseInt("办理时限", days.Text)
		if err != nil {
			return err
		}
		out, err := b.u.desk.Assign(b.u.ctx, d.ID, lead.Text, co.Names(), n)
		if err != nil {
			return err
		}
		b.done(*out)
		if out.DueUncertain {
			f.Warn(app.UncoveredYear(out.DueOn.Year).String())
		}
		return nil
	})
}

func weekdayCN(d app.Date) string {
	return "星期" + []string{"日", "一", "二", "三", "四", "五", "六"}[d.Weekday()]
}

// circulateForm sends the document round the leaders in the suggested
// order (top-down for superiors' documents, bottom-up for reports).
func (b *docBook) circulateForm(d app.Document) {
	suggested, err := b.u.desk.SuggestReaders(b.u.ctx, &d)
	if err != nil {
		b.u.showError(err)
		return
	}
	var names []string
	for _, l := range suggested {
		names = append(names, l.Name)
	}
	check := widgets.NewCheckGroup(names, nil)
	check.Horizontal = true
	check.SetSelected(names)
	others := b.u.peopleField(nil)
	order := "自下而上（先分管领导，再逐级呈送）"
	if app.IsSuperiorSender(d.FromUnit, nil) {
		order = "自上而下（上级来文先呈区长）"
	}
	f := b.u.newForm("传阅 "+d.Serial, "送阅")
	f.Top(wrapLabel(d.Title))
	f.Field("建议传阅顺序", check, "按"+order+"排列，可取消勾选")
	f.Field("其他传阅人", others)
	f.Bottom(note("送阅日期：" + b.u.desk.Today().String() + "。每位传阅人退回时在“传阅退回”中登记。"))
	f.Show(func(bool) error {
		var readers []string
		for _, n := range names { // keep the suggested order
			if slices.Contains(check.Selected, n) {
				readers = append(readers, n)
			}
		}
		readers = append(readers, others.Names()...)
		out, err := b.u.desk.Circulate(b.u.ctx, d.ID, readers)
		if err == nil {
			b.done(*out)
		}
		return err
	})
}

func (b *docBook) returnForm(d app.Document) {
	out := d.Outstanding()
	var opts []string
	for _, c := range out {
		opts = append(opts, fmt.Sprintf("%d. %s（%s送阅）", c.Seq, c.Reader, c.SentOn))
	}
	who := selectField(opts, "")
	on := b.u.dateField(b.u.desk.Today(), true)
	comment := textField("传阅人的意见（可不填）", "")
	f := b.u.newForm("传阅退回 "+d.Serial, "登记退回")
	f.Field("传阅人", who).Field("退回日期", on).Field("意见", comment)
	f.Show(func(bool) error {
		i := who.SelectedIndex()
		if i < 0 {
			return app.Errorf(app.EINVALID, "请选择退回文件的传阅人")
		}
		day, err := dateOf("退回日期", on)
		if err != nil {
			return err
		}
		res, err := b.u.desk.ReturnCirculation(b.u.ctx, d.ID, out[i].Seq, day, comment.Text)
		if err == nil {
			b.done(*res)
		}
		return err
	})
}

func (b *docBook) remindForm(d app.Document) {
	text := textArea(fmt.Sprintf("不填则为：请%s于%s前办结并反馈", d.LeadUnit, d.DueOn.Chinese()), "", 3)
	f := b.u.newForm("催办 "+d.Serial, "登记催办")
	f.Top(wrapLabel(fmt.Sprintf("%s\n承办单位：%s，办理时限：%s", d.Title, d.LeadUnit, dueText(d))))
	f.Field("催办内容", text)
	f.Show(func(bool) error {
		out, err := b.u.desk.Remind(b.u.ctx, d.ID, text.Text)
		if err == nil {
			b.done(*out)
		}
		return err
	})
}

func (b *docBook) completeForm(d app.Document) {
	result := textArea("承办单位的办理结果", d.Result, 4)
	f := b.u.newForm("办结 "+d.Serial, "办结")
	f.Top(wrapLabel(d.Title))
	hint := "办件必须填写办理结果"
	if d.Kind == app.KindReading {
		hint = "阅件阅毕即可办结"
	}
	f.Field("办理结果", result, hint)
	f.Show(func(bool) error {
		out, err := b.u.desk.Complete(b.u.ctx, d.ID, result.Text)
		if err == nil {
			b.done(*out)
		}
		return err
	})
}

func (b *docBook) returnToSenderForm(d app.Document) {
	reason := textArea("具体情况，如：未经区财政局会签；原因选“其他”时必填", "", 3)
	causes := make([]string, len(app.ReturnCauses))
	for i, c := range app.ReturnCauses {
		causes[i] = returnCauseText(c)
	}
	cause := selectField(causes, "")
	f := b.u.newForm("退文 "+d.Serial, "退文")
	f.Top(wrapLabel(d.Title))
	f.Field("退文原因", cause).Field("退文理由", reason)
	f.Bottom(note(b.returnCounts()))
	f.Show(func(bool) error {
		out, err := b.u.desk.ReturnToSender(b.u.ctx, d.ID, app.ReturnCauses[cause.SelectedIndex()], reason.Text)
		if err == nil {
			b.done(*out)
		}
		return err
	})
}

func (b *docBook) transferForm(d app.Document) {
	to := b.u.unitField("")
	reason := textArea("如：属于区市场监管局职责范围", "", 3)
	f := b.u.newForm("转办 "+d.Serial, "转办")
	f.Top(wrapLabel(d.Title))
	f.Field("转办单位", to).Field("转办理由", reason)
	f.Show(func(bool) error {
		out, err := b.u.desk.Transfer(b.u.ctx, d.ID, to.Text, reason.Text)
		if err == nil {
			b.done(*out)
		}
		return err
	})
}

// toItemForm makes a supervision item of one of the document's 批示.
func (b *docBook) toItemForm(d app.Document) {
	var opts []string
	for i, in := range d.Instructions {
		opts = append(opts, fmt.Sprintf("%d. %s：%s", i+1, in.Leader, ellipsis(in.Text, 30)))
	}
	which := selectField(opts, "")
	deadline := b.u.dateField(d.DueOn, true)
	f := b.u.newForm("批示转督办 "+d.Serial, "立项督办")
	f.Top(wrapLabel(d.Title))
	f.Field("批示", which).Field("完成时限", deadline, "默认为文件的办理时限")
	f.Bottom(note(fmt.Sprintf("牵头单位：%s；督办编号自动取下一个。", d.LeadUnit)))
	var made *app.Item
	f.OnSaved = func(string) {
		if made != nil {
			b.u.items.table.Reload()
			widgets.ShowMessage(b.u.win, "已立项督办", fmt.Sprintf("已立项：%s《%s》，可在“督查”中跟踪。", made.Number, made.Title))
		}
	}
	f.Show(func(bool) error {
		dl, err := dateOf("完成时限", deadline)
		if err != nil {
			return err
		}
		it, err := b.u.desk.ItemFromInstruction(b.u.ctx, d.ID, which.SelectedIndex(), dl)
		if err == nil {
			made = it
			b.done(d)
		}
		return err
	})
}

func ellipsis(s string, n int) string {
	r := []rune(strings.ReplaceAll(s, "\n", " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n]) + "…"
}
