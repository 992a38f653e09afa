package ui

import (
	"context"
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/exchange"
	"gongwen/ui/widgets"
)

// 用印: seal requests approved step by step, then the use and the log.

type sealBook struct {
	*book[app.SealRequest]
	fb     *filterBar
	year   *widgets.Select
	view   *widgets.Select
	status *widgets.Select
	unit   *widgets.NameField
	text   *widgets.Entry
	port   *porter // 导入, 导出
}

const (
	viewSealsWaiting  = "待审批"
	viewSealsApproved = "已批准待用印"
)

func newSealBook(u *UI) *sealBook {
	b := &sealBook{}
	b.book = &book[app.SealRequest]{u: u, title: "用印申请", entity: app.EntitySeal,
		id: func(r app.SealRequest) int64 { return r.ID },
		load: func(ctx context.Context, id int64) (app.SealRequest, error) {
			return deref(u.desk.Store.SealRequest(ctx, id))
		},
	}
	b.heading = func(r app.SealRequest) (string, []*widgets.Chip) {
		st, col := sealChip(r)
		chips := []*widgets.Chip{chip(st, col)}
		if r.OffSite {
			chips = append(chips, chip("异地用印", widgets.ColourYellow))
		}
		return r.Number + "　" + r.Reason, chips
	}
	b.fb = newFilterBar(func() {
		if b.table != nil {
			b.table.Reload()
		}
	})
	b.year = b.fb.choice("年度", yearOptions(u.desk.Today()), 90)
	b.view = b.fb.choice("视图", []string{viewSealsWaiting, viewSealsApproved}, 120)
	var labels []string
	for _, s := range app.SealStatuses {
		labels = append(labels, s.Label())
	}
	b.status = b.fb.choice("状态", labels, 110)
	b.fb.newline()
	b.unit = b.fb.unit("用印单位", u.unitNames, 150)
	b.text = b.fb.text("关键词", "事由、文件名称…", 160)
	b.fb.buttons()
	b.filters = b.fb.box
	b.table = widgets.NewPagedTable([]widgets.Column[app.SealRequest]{
		{Title: "申请编号", Width: 95, Sort: "number", Text: func(r app.SealRequest) string { return r.Number }},
		{Title: "申请日期", Width: 95, Sort: "requested_on", Text: func(r app.SealRequest) string { return r.RequestedOn.String() }},
		{Title: "用印事由", Width: 220, Text: func(r app.SealRequest) string { return r.Reason }},
		{Title: "用印单位", Width: 130, Sort: "unit", Text: func(r app.SealRequest) string { return r.Unit }},
		{Title: "状态", Width: 110, Chip: sealChip},
		{Title: "印章", Width: 170, Text: func(r app.SealRequest) string { return r.SealName }},
		{Title: "文件名称", Width: 200, Text: func(r app.SealRequest) string { return r.FileName }},
		{Title: "份数", Width: 50, Text: func(r app.SealRequest) string { return fmt.Sprint(r.Copies) }},
		{Title: "登记号", Width: 95, Text: func(r app.SealRequest) string { return r.LogNo }},
		{Title: "用印日期", Width: 95, Sort: "used_on", Text: func(r app.SealRequest) string { return r.UsedOn.String() }},
	}, b.id, b.fetch)
	b.table.SetSort("number", true)
	newBtn := widget.NewButtonWithIcon("新建用印申请（Ctrl+N）", theme.ContentAddIcon(), b.create)
	newBtn.Importance = widget.HighImportance
	b.port = &porter{u: u, title: "用印申请", book: exchange.Seals, count: func() int { return b.table.Total() }, reload: b.refresh,
		filtered: func() exportFunc { return exportWith(u.desk, b.filter(), exchange.ExportSeals) }}
	b.tools = append([]fyne.CanvasObject{newBtn, widget.NewButtonWithIcon("用印登记簿", theme.ListIcon(), b.showLog)}, b.port.tools()...)
	b.details = b.detailsOf
	b.actions = []*action[app.SealRequest]{
		{label: "修改", icon: theme.DocumentCreateIcon(), run: func(r app.SealRequest) { b.requestForm(&r) },
			check: rule((*app.SealRequest).CanEdit)},
		{label: "提交审批", icon: theme.MailSendIcon(), run: b.submit, check: rule((*app.SealRequest).CanSubmit)},
		{label: "审批", icon: theme.ConfirmIcon(), run: b.approveForm, check: rule((*app.SealRequest).CanApprove)},
		{label: "退回", icon: theme.CancelIcon(), run: b.rejectForm, check: rule((*app.SealRequest).CanReject)},
		{label: "撤回", icon: theme.ContentUndoIcon(), run: b.withdraw, check: rule((*app.SealRequest).CanWithdraw)},
		{label: "用印登记", icon: theme.DocumentCreateIcon(), run: b.useForm, check: rule((*app.SealRequest).CanUse)},
		{label: "打印申请单", icon: theme.DocumentPrintIcon(), run: func(r app.SealRequest) { u.printPaper(sealRequestPaper(r), false) }},
		{label: "导出PDF…", icon: theme.DocumentSaveIcon(), run: func(r app.SealRequest) { u.printPaper(sealRequestPaper(r), true) }},
		{label: "导出OFD…", icon: theme.DocumentSaveIcon(), run: func(r app.SealRequest) { u.exportOFD(sealRequestPaper(r)) }},
	}
	b.build()
	return b
}

func sealChip(r app.SealRequest) (string, color.Color) {
	switch r.Status {
	case app.SealDraft:
		return r.Status.Label(), widgets.ColourPurple
	case app.SealSubmitted, app.SealReviewed:
		return r.Status.Label(), widgets.ColourYellow
	case app.SealApproved:
		return r.Status.Label(), widgets.ColourBlue
	case app.SealUsed:
		return r.Status.Label(), widgets.ColourGreen
	case app.SealRejected:
		return r.Status.Label(), widgets.ColourRed
	}
	return r.Status.Label(), widgets.ColourGrey
}

func (b *sealBook) fetch(sort string, desc bool, p app.Page) ([]app.SealRequest, int, error) {
	f := b.filter()
	f.Sort, f.Desc, f.Page = sort, desc, p
	return b.u.desk.Store.SealRequests(b.u.ctx, f)
}

// filter is the store query the filter bar describes.
func (b *sealBook) filter() app.SealFilter {
	f := app.SealFilter{Year: selectedYear(b.year), Unit: strings.TrimSpace(b.unit.Text), Text: strings.TrimSpace(b.text.Text)}
	for _, s := range app.SealStatuses {
		if s.Label() == b.status.Selected {
			f.Statuses = []app.SealStatus{s}
		}
	}
	switch b.view.Selected {
	case viewSealsWaiting:
		f.Statuses = []app.SealStatus{app.SealSubmitted, app.SealReviewed}
	case viewSealsApproved:
		f.Statuses = []app.SealStatus{app.SealApproved}
	}
	return f
}

func (b *sealBook) showView(view string) { b.fb.showOnly(b.view, view) }

func (b *sealBook) create() { b.requestForm(nil) }

func (b *sealBook) print() {
	if b.sel == nil {
		widgets.ShowMessage(b.u.win, "打印", "请先在表格中选择一份用印申请。")
		return
	}
	b.u.printPaper(sealRequestPaper(*b.sel), false)
}

// chainText is the approval chain, e.g. 副区长已审核 → 区长审签 when the
// first of two steps is done.
func chainText(chain []app.ApprovalStep, done int) string {
	var parts []string
	for i, s := range chain {
		mark := ""
		if i < done {
			mark = "已"
		}
		parts = append(parts, string(s.Role)+mark+s.Action)
	}
	return strings.Join(parts, " → ")
}

func (b *sealBook) detailsOf(r app.SealRequest) fyne.CanvasObject {
	f := newFields()
	f.addAlways("申请编号", r.Number).addAlways("申请日期", r.RequestedOn.String())
	f.addAlways("印章", fmt.Sprintf("%s（%s）", r.SealName, r.SealKind))
	f.addAlways("用印单位", r.Unit).addAlways("联系人", strings.TrimSpace(r.Contact+" "+r.Phone))
	f.addAlways("用印事由", r.Reason).addAlways("文件名称", r.FileName)
	f.addAlways("份数", fmt.Sprint(r.Copies)).add("报送去向", r.Destination)
	if r.OffSite {
		f.add("异地用印", "是（须经区长或主任批准）")
	}
	chain := r.Chain
	if len(chain) == 0 {
		chain = b.previewChain(r.SealName, r.OffSite)
	}
	f.add("审批流程", chainText(chain, len(r.Approvals)))
	if s := r.NextStep(); s != nil {
		f.add("下一步", fmt.Sprintf("第%d步：%s%s", len(r.Approvals)+1, s.Role, s.Action))
	}
	var lines []string
	for _, a := range r.Approvals {
		lines = append(lines, fmt.Sprintf("%d. %s %s %s（%s）%s", a.Step, a.Role, a.PrintedApprover(), a.Action, a.On, a.Opinion))
	}
	f.add("审批记录", strings.Join(lines, "\n"))
	f.add("退回理由", r.RejectReason)
	if r.Status == app.SealUsed {
		f.add("用印登记", fmt.Sprintf("登记号%s，%s用印%d份，经办人%s，监印人%s", r.LogNo, r.UsedOn, r.UsedCount, r.Handler, r.Witness))
		f.add("备注", r.Remarks)
	}
	return f.form
}

func (b *sealBook) previewChain(sealName string, offSite bool) []app.ApprovalStep {
	for _, s := range b.u.sealList() {
		if s.Name == sealName {
			return app.ChainFor(s, offSite)
		}
	}
	return nil
}

func (b *sealBook) sealNames() []string {
	var out []string
	for _, s := range b.u.sealList() {
		if s.Active {
			out = append(out, s.Name)
		}
	}
	return out
}

func (b *sealBook) requestForm(old *app.SealRequest) {
	r := app.SealRequest{RequestedOn: b.u.desk.Today(), Copies: 1}
	title, save := "新建用印申请", "保存草稿"
	if old != nil {
		r, title, save = *old, "修改用印申请 "+old.Number, "保存"
	}
	seal := selectField(b.sealNames(), r.SealName)
	unit := b.u.unitField(r.Unit)
	contact := textField("联系人", r.Contact)
	phone := textField("电话", r.Phone)
	reason := textField("一事一申请：写明用印事由", r.Reason)
	file := textField("需盖章的文件名称", r.FileName)
	copies := intField("份数", r.Copies)
	dest := textField("报送去向", r.Destination)
	off := widgets.NewCheck("在保管人办公室以外用印（异地用印）", nil)
	off.SetChecked(r.OffSite)
	on := b.u.dateField(r.RequestedOn, true)
	chain := note("")
	upd := func() {
		chain.SetText("审批流程：" + orDash(chainText(b.previewChain(seal.Selected, off.Checked), 0)))
	}
	seal.OnChanged = func(string) { upd() }
	off.OnChanged = func(bool) { upd() }
	upd()
	f := b.u.newForm(title, save)
	f.Field("印章", seal).Field("用印单位", unit).Field("联系人", contact).Field("电话", phone)
	f.Field("用印事由", reason).Field("文件名称", file).Field("份数", copies).Field("报送去向", dest)
	f.Field("", off).Field("申请日期", on)
	f.Bottom(chain)
	f.Show(func(bool) error {
		if len(seal.Options) == 0 { // none yet, or one just added on the spot
			if seal.Options = b.sealNames(); len(seal.Options) == 0 {
				return app.NeedsSetting(app.Errorf(app.EINVALID, "还没有登记本单位的印章，请先添加印章（名称、类别和保管人）"), app.MissingSeal, "")
			}
			seal.SetSelectedIndex(0)
		}
		n := r
		var err error
		if n.RequestedOn, err = dateOf("申请日期", on); err != nil {
			return err
		}
		if n.Copies, err = parseInt("份数", copies.Text); err != nil {
			return err
		}
		n.SealName, n.Unit, n.Contact, n.Phone = seal.Selected, unit.Text, contact.Text, phone.Text
		n.Reason, n.FileName, n.Destination, n.OffSite = reason.Text, file.Text, dest.Text, off.Checked
		return saveRecord(b.u.ctx, old == nil, &n, b.u.desk.CreateSealRequest, b.u.desk.EditSealRequest, b.done)
	})
}

func (b *sealBook) submit(r app.SealRequest) {
	f := b.u.newForm("提交审批 "+r.Number, "提交")
	f.Top(wrapLabel(r.Reason + "（" + r.FileName + "）"))
	f.Bottom(note("审批流程：" + chainText(b.previewChain(r.SealName, r.OffSite), 0)))
	f.Show(func(bool) error {
		out, err := b.u.desk.SubmitSeal(b.u.ctx, r.ID)
		if err == nil {
			b.done(*out)
		}
		return err
	})
}

// approverNames are the leaders who may sign the step.
func (b *sealBook) approverNames(step app.ApprovalStep) []string {
	roles := []app.Role{step.Role}
	if step.Role == app.RoleViceMayor {
		roles = append(roles, app.RoleExecutiveVice)
	}
	if step.Action == "异地用印审批" {
		roles = append(roles, app.RoleMayor)
	}
	return b.u.leadersWith(roles...)
}

func (b *sealBook) approveForm(r app.SealRequest) {
	step := r.NextStep()
	if step == nil {
		return
	}
	names := b.approverNames(*step)
	first := ""
	if len(names) == 1 {
		first = names[0]
	}
	leader := b.u.leaderField(first, func() []string { return b.approverNames(*step) })
	opinion := textField("如：同意", "同意")
	on := b.u.dateField(b.u.desk.Today(), true)
	f := b.u.newForm(fmt.Sprintf("审批 %s：第%d步 %s%s", r.Number, len(r.Approvals)+1, step.Role, step.Action), "登记审批")
	f.Top(wrapLabel(r.Reason + "（" + r.FileName + "）"))
	f.Top(note("审批流程：" + chainText(r.Chain, len(r.Approvals))))
	f.Field(string(step.Role), leader).Field("意见", opinion).Field("日期", on)
	f.Show(func(bool) error {
		day, err := dateOf("审批日期", on)
		if err != nil {
			return err
		}
		out, err := b.u.desk.ApproveSeal(b.u.ctx, r.ID, leader.Text, opinion.Text, day)
		if err == nil {
			b.done(*out)
		}
		return err
	})
}

func (b *sealBook) rejectForm(r app.SealRequest) {
	step := r.NextStep()
	var names func() []string
	if step != nil {
		names = func() []string { return b.approverNames(*step) }
	}
	leader := b.u.leaderField("", names)
	reason := textArea("退回理由", "", 3)
	on := b.u.dateField(b.u.desk.Today(), true)
	f := b.u.newForm("退回用印申请 "+r.Number, "退回")
	f.Field("退回人", leader).Field("退回理由", reason).Field("日期", on)
	f.Show(func(bool) error {
		day, err := dateOf("日期", on)
		if err != nil {
			return err
		}
		out, err := b.u.desk.RejectSeal(b.u.ctx, r.ID, leader.Text, reason.Text, day)
		if err == nil {
			b.done(*out)
		}
		return err
	})
}

func (b *sealBook) withdraw(r app.SealRequest) {
	f := b.u.newForm("撤回用印申请 "+r.Number, "撤回")
	f.Top(wrapLabel("撤回后这份申请不能再审批或用印；如需用印请重新申请。\n" + r.Reason))
	f.Show(func(bool) error {
		out, err := b.u.desk.WithdrawSeal(b.u.ctx, r.ID)
		if err == nil {
			b.done(*out)
		}
		return err
	})
}

func (b *sealBook) useForm(r app.SealRequest) {
	keeper := ""
	for _, s := range b.u.sealList() {
		if s.Name == r.SealName {
			keeper = s.Keeper
		}
	}
	on := b.u.dateField(b.u.desk.Today(), true)
	count := intField("份数", r.Copies)
	handler := textField("经办人", b.u.operatorName)
	witness := textField("监印人", keeper)
	remarks := textField("备注", "")
	f := b.u.newForm("用印登记 "+r.Number, "登记用印")
	f.Top(wrapLabel(fmt.Sprintf("%s：%s（%s），批准人%s", r.SealName, r.Reason, r.FileName, r.ApprovedBy())))
	f.Field("用印日期", on).Field("用印份数", count).Field("经办人", handler).Field("监印人", witness).Field("备注", remarks)
	f.Bottom(note("一次审批只能用印一次。登记号按年度自动编号，进入用印登记簿。"))
	f.Show(func(bool) error {
		day, err := dateOf("用印日期", on)
		if err != nil {
			return err
		}
		n, err := parseInt("用印份数", count.Text)
		if err != nil {
			return err
		}
		out, err := b.u.desk.UseSeal(b.u.ctx, r.ID, day, n, handler.Text, witness.Text, remarks.Text)
		if err == nil {
			b.done(*out)
		}
		return err
	})
}
