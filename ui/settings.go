package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/data"
	"gongwen/reports"
	"gongwen/ui/widgets"
)

// 设置: the office's own data and the program's configuration.

const (
	settingsTabOffice = iota
	settingsTabCodes
	settingsTabLeaders
	settingsTabUnits
	settingsTabSeals
	settingsTabRules
	settingsTabHolidays
	settingsTabFonts
	settingsTabData
	settingsTabAbout
)

type settingsScreen struct {
	u    *UI
	tabs *container.AppTabs
	root fyne.CanvasObject
	msg  *widget.Label

	org, district, fonds, orgCode, operators *widgets.Entry
	supContact, supPhone                     *widgets.Entry // 督查室 contact on the 督查文书
	codes                                    *widgets.RowEditor
	rules                                    map[string]*widgets.Entry

	leaders *refList[app.Leader]
	units   *refList[app.Unit]
	seals   *refList[app.Seal]

	holYear   *widgets.Select
	holCover  *widget.Label
	holWarn   *widget.Label
	holidays  *refList[holidayRow]
	notice    *noticePreview // the notice being checked before import
	fontsBox  *fyne.Container
	fontSel   map[reports.FontRole]*widgets.Select
	fontRoles []reports.RoleFonts
	dataBox   *fyne.Container
	fontsRoot fyne.CanvasObject
	dataRoot  fyne.CanvasObject
}

func newSettingsScreen(u *UI) *settingsScreen {
	s := &settingsScreen{u: u, rules: map[string]*widgets.Entry{}, fontSel: map[reports.FontRole]*widgets.Select{}}
	s.msg = widget.NewLabel("")
	s.msg.Importance = widget.SuccessImportance
	s.tabs = container.NewAppTabs(
		container.NewTabItem("单位信息", s.officeTab()),
		container.NewTabItem("发文代字", s.codesTab()),
		container.NewTabItem("领导", s.leadersTab()),
		container.NewTabItem("单位", s.unitsTab()),
		container.NewTabItem("印章", s.sealsTab()),
		container.NewTabItem("办理时限", s.rulesTab()),
		container.NewTabItem("节假日", s.holidaysTab()),
		container.NewTabItem("打印字体", s.fontsTab()),
		container.NewTabItem("数据与备份", s.dataTab()),
		container.NewTabItem("关于", s.aboutTab()),
	)
	s.tabs.SetTabLocation(container.TabLocationLeading)
	s.tabs.OnSelected = func(*container.TabItem) { s.tabShown() }
	s.root = container.NewBorder(container.NewHBox(heading("设置"), layout.NewSpacer(), s.msg), nil, nil, nil, s.tabs)
	s.load()
	return s
}

func (s *settingsScreen) content() fyne.CanvasObject { return s.root }
func (s *settingsScreen) refresh()                   { s.load(); s.tabShown() }

func (s *settingsScreen) tabShown() {
	switch s.tabs.SelectedIndex() {
	case settingsTabFonts:
		s.loadFonts()
	case settingsTabData:
		s.fillData()
	case settingsTabHolidays:
		s.fillHolidays()
	}
}

// saveButton is the 保存设置 of the tabs that edit app.Settings.
func (s *settingsScreen) saveButton() fyne.CanvasObject {
	b := widget.NewButtonWithIcon("保存设置（Ctrl+S）", theme.DocumentSaveIcon(), s.save)
	b.Importance = widget.HighImportance
	return container.NewHBox(b)
}

func page(objs ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVScroll(container.NewPadded(container.NewVBox(objs...)))
}

func (s *settingsScreen) officeTab() fyne.CanvasObject {
	s.org = widgets.NewEntry("如：示例区人民政府办公室")
	s.district = widgets.NewEntry("如：示例区")
	s.fonds = widgets.NewEntry("如：Z109")
	s.orgCode = widgets.NewEntry("如：BGS")
	s.operators = widgets.NewEntry("多人用“、”分隔")
	s.supContact = widgets.NewEntry("如：陈督查")
	s.supPhone = widgets.NewEntry("如：0571-87650000")
	f := widget.NewForm(
		widget.NewFormItem("单位名称", s.org),
		widget.NewFormItem("区名", s.district),
		widget.NewFormItem("全宗号", s.fonds),
		widget.NewFormItem("机构（问题）代码", s.orgCode),
		widget.NewFormItem("操作员", s.operators),
		widget.NewFormItem("督查室联系人", s.supContact),
		widget.NewFormItem("督查室电话", s.supPhone),
	)
	f.Items[2].HintText = "档号的第一段，由档案馆给定"
	f.Items[3].HintText = "档号中的机构代码，如办公室为 BGS"
	f.Items[4].HintText = "登记、拟办、核稿时记录的经办人，可在窗口右下角切换"
	f.Items[5].HintText = "印在交办单、催办单、督办通知单上，承办单位向其反馈"
	return page(f, s.saveButton())
}

func (s *settingsScreen) codesTab() fyne.CanvasObject {
	bodies := []string{string(app.IssuerGovernment), string(app.IssuerOffice)}
	s.codes = widgets.NewRowEditor([]string{"发文代字", "发文机关（决定由谁签发）"}, []float32{1, 1}, "添加发文代字", func() []fyne.CanvasObject {
		return []fyne.CanvasObject{widgets.NewEntry("如：示府办发"), selectField(bodies, string(app.IssuerOffice))}
	})
	return page(note("发文字号由代字、年份和序号组成，如 示府办发〔2026〕7号；序号按代字和年度连续编号，不跳号、不重号。以区人民政府名义发文由区长签发，以区政府办公室名义发文由主任签发。"),
		s.codes, s.saveButton())
}

func (s *settingsScreen) rulesTab() fyne.CanvasObject {
	items := []struct{ key, label, hint string }{
		{"WithinPowers", "职权范围内事项（工作日）", "单位职权范围内的事项、提出意见：一般5个工作日"},
		{"Consult", "会同相关单位办理（工作日）", "需会同有关单位办理、会签：一般7个工作日"},
		{"Investigate", "需调查论证（工作日）", "需调查研究、论证的事项：最长30个工作日"},
		{"Review", "公文审核（工作日）", "副主任、主任审核：1个工作日"},
		{"Urgent", "加急件（工作日）", "加急（急件）未写明时限时"},
		{"VeryUrgent", "特急件（工作日）", "特急未写明时限时"},
		{"WarnDays", "黄色预警（工作日）", "距时限不超过这些工作日时显示黄色"},
		{"ChaseAfter", "催办（工作日）", "黄色事项连续这些工作日没有进展时，工作台提示发催办单（一般5个工作日）"},
	}
	f := widget.NewForm()
	for _, it := range items {
		e := widgets.NewEntry("")
		s.rules[it.key] = e
		fi := widget.NewFormItem(it.label, sized(e, 120))
		fi.HintText = it.hint
		f.AppendItem(fi)
	}
	return page(note("时限均按工作日计算：不含周末和法定节假日，含调休上班日；起始日不计入。"), f, s.saveButton())
}

// load fills the widgets from the settings in force.
func (s *settingsScreen) load() {
	st := s.u.desk.Settings()
	s.org.SetText(st.OrgName)
	s.district.SetText(st.DistrictName)
	s.fonds.SetText(st.FondsCode)
	s.orgCode.SetText(st.OrgCode)
	s.operators.SetText(strings.Join(st.Operators, "、"))
	s.supContact.SetText(st.SupervisionContact)
	s.supPhone.SetText(st.SupervisionPhone)
	s.codes.Clear()
	for _, c := range st.IssuingCodes {
		r := s.codes.AddRow()
		r[0].(*widgets.Entry).SetText(c.Code)
		r[1].(*widgets.Select).SetSelected(string(c.Body))
	}
	r := st.Rules
	if r.WithinPowers == 0 {
		r = app.DefaultRules()
	}
	for k, v := range map[string]int{"WithinPowers": r.WithinPowers, "Consult": r.Consult, "Investigate": r.Investigate,
		"Review": r.Review, "Urgent": r.Urgent, "VeryUrgent": r.VeryUrgent, "WarnDays": r.WarnDays,
		"ChaseAfter": r.ChaseAfterDays()} {
		s.rules[k].SetText(strconv.Itoa(v))
	}
	s.loadRefLists()
}

func (s *settingsScreen) loadRefLists() {
	ctx := s.u.ctx
	if ls, err := s.u.desk.Store.Leaders(ctx); err == nil {
		sort.SliceStable(ls, func(i, j int) bool { return ls[i].Order < ls[j].Order })
		s.leaders.set(ls)
	}
	if us, err := s.u.desk.Store.Units(ctx); err == nil {
		sort.SliceStable(us, func(i, j int) bool {
			if us[i].Kind != us[j].Kind {
				return us[i].Kind < us[j].Kind
			}
			return us[i].Order < us[j].Order
		})
		s.units.set(us)
	}
	if ss, err := s.u.desk.Store.Seals(ctx); err == nil {
		s.seals.set(ss)
	}
}

// save stores the fields of 单位信息, 发文代字, 办理时限 and 打印字体.
func (s *settingsScreen) save() {
	st := s.u.desk.Settings()
	st.OrgName, st.DistrictName = strings.TrimSpace(s.org.Text), strings.TrimSpace(s.district.Text)
	st.FondsCode, st.OrgCode = strings.TrimSpace(s.fonds.Text), strings.TrimSpace(s.orgCode.Text)
	st.Operators = widgets.SplitNames(s.operators.Text)
	st.SupervisionContact, st.SupervisionPhone = strings.TrimSpace(s.supContact.Text), strings.TrimSpace(s.supPhone.Text)
	st.IssuingCodes = nil
	for _, r := range s.codes.Rows() {
		code := strings.TrimSpace(r[0].(*widgets.Entry).Text)
		if code == "" {
			continue
		}
		st.IssuingCodes = append(st.IssuingCodes, app.IssuingCode{Code: code, Body: app.IssuerBody(r[1].(*widgets.Select).Selected)})
	}
	vals := map[string]*int{"WithinPowers": &st.Rules.WithinPowers, "Consult": &st.Rules.Consult, "Investigate": &st.Rules.Investigate,
		"Review": &st.Rules.Review, "Urgent": &st.Rules.Urgent, "VeryUrgent": &st.Rules.VeryUrgent, "WarnDays": &st.Rules.WarnDays,
		"ChaseAfter": &st.Rules.ChaseAfter}
	for k, p := range vals {
		n, err := parseInt("办理时限", s.rules[k].Text)
		if err != nil {
			s.u.showError(err)
			return
		}
		*p = n
	}
	for role, sel := range s.fontSel {
		for _, rf := range s.fontRoles {
			if rf.Role != role {
				continue
			}
			for _, c := range rf.Candidates {
				if c.Name == sel.Selected {
					setFontChoice(&st.Fonts, role, c.ChoiceValue())
				}
			}
			if sel.Selected == fontAuto {
				setFontChoice(&st.Fonts, role, "")
			}
		}
	}
	if err := s.u.desk.SaveSettings(s.u.ctx, st); err != nil {
		s.u.showError(err)
		return
	}
	s.u.refreshStatus()
	s.flash("设置已保存 " + time.Now().Format("15:04:05"))
	s.u.changed()
}

func (s *settingsScreen) flash(msg string) { s.msg.SetText(msg) }

// ---- reference lists ----

// refList is a list of reference records with 新增/修改/删除.
type refList[T any] struct {
	items []T
	sel   int
	list  *widget.List
	root  fyne.CanvasObject
}

func newRefList[T any](text func(T) string, onNew func(), onEdit func(T), onDelete func(T), extra ...fyne.CanvasObject) *refList[T] {
	r := &refList[T]{sel: -1}
	r.list = widget.NewList(func() int { return len(r.items) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(text(r.items[i])) })
	r.list.OnSelected = func(i widget.ListItemID) { r.sel = i }
	bar := container.NewHBox()
	if onNew != nil {
		add := widget.NewButtonWithIcon("新增", theme.ContentAddIcon(), onNew)
		add.Importance = widget.HighImportance
		bar.Add(add)
	}
	if onEdit != nil {
		bar.Add(widget.NewButtonWithIcon("修改所选", theme.DocumentCreateIcon(), func() {
			if r.sel >= 0 && r.sel < len(r.items) {
				onEdit(r.items[r.sel])
			}
		}))
	}
	if onDelete != nil {
		bar.Add(widget.NewButtonWithIcon("删除所选", theme.DeleteIcon(), func() {
			if r.sel >= 0 && r.sel < len(r.items) {
				onDelete(r.items[r.sel])
			}
		}))
	}
	for _, e := range extra {
		bar.Add(e)
	}
	r.root = container.NewBorder(bar, nil, nil, nil, r.list)
	return r
}

func (r *refList[T]) set(items []T) {
	r.items = items
	r.sel = -1
	r.list.UnselectAll()
	r.list.Refresh()
}

// afterRef is called after a reference record changed.
func (s *settingsScreen) afterRef(msg string) {
	s.u.loadRef()
	s.loadRefLists()
	s.flash(msg)
	s.u.changed()
}

func (s *settingsScreen) leadersTab() fyne.CanvasObject {
	s.leaders = newRefList(func(l app.Leader) string {
		t := fmt.Sprintf("%d. %s　%s", l.Order, l.Name, l.Role)
		if l.Portfolio != "" {
			t += "　分管：" + l.Portfolio
		}
		if l.LinkedTo != "" {
			t += "　挂钩：" + l.LinkedTo
		}
		if !l.Active {
			t += "（已停用）"
		}
		return t
	}, func() { s.leaderForm(nil) }, func(l app.Leader) { s.leaderForm(&l) }, func(l app.Leader) {
		s.u.confirm("删除领导", "删除“"+l.Name+"”？已登记的批示、审批记录不受影响。若只是调离，建议改为停用。", "删除", func() {
			if err := s.u.desk.DeleteLeader(s.u.ctx, l.ID); err != nil {
				s.u.showError(err)
				return
			}
			s.afterRef("已删除 " + l.Name)
		})
	})
	return container.NewBorder(note("领导名单决定传阅顺序（按排序号，1为区长）、审核签发和用印审批的资格。副主任挂钩一位副区长的分管领域。"), nil, nil, nil, s.leaders.root)
}

func (s *settingsScreen) leaderForm(old *app.Leader) { s.leaderDialog(old, app.Missing{}, "", nil) }

// leaderDialog edits old, or adds the leader named in m (with the post m
// names, if any); why, when given, says above the fields why the leader is
// asked for, and saved runs once the leader is on the list.
func (s *settingsScreen) leaderDialog(old *app.Leader, m app.Missing, why string, saved func(app.Leader)) {
	l := app.Leader{Name: m.Name, Role: app.RoleViceMayor, Active: true, Order: len(s.u.leaderList()) + 1}
	if m.Role != "" {
		l.Role = m.Role
	}
	title := "新增领导"
	if old != nil {
		l, title = *old, "修改领导 "+old.Name
	}
	nameE := textField("姓名", l.Name)
	role := selectField(strs(app.Roles), string(l.Role))
	order := intField("排序号", l.Order)
	portfolio := textField("分管领域，如：财政、税务、金融", l.Portfolio)
	units := s.u.unitsField(l.Units)
	linked := s.u.leaderField(l.LinkedTo, func() []string { return s.u.leadersWith(app.RoleViceMayor, app.RoleExecutiveVice) })
	active := widgets.NewCheck("在任", nil)
	active.SetChecked(l.Active)
	f := s.u.newForm(title, "保存")
	if why != "" {
		f.Top(wrapLabel(why))
	}
	f.Field("姓名", nameE).Field("职务", role).Field("排序号", order, "传阅自上而下按此顺序").Field("分管领域", portfolio)
	f.Field("联系单位", units, "分管的部门，用于自下而上传阅时找到分管领导").Field("挂钩副区长", linked, "副主任填写").Field("", active)
	f.Show(func(bool) error {
		n := l
		var err error
		if n.Order, err = parseInt("排序号", order.Text); err != nil {
			return err
		}
		n.Name, n.Role, n.Portfolio, n.Units = nameE.Text, app.Role(role.Selected), portfolio.Text, units.Names()
		n.LinkedTo, n.Active = strings.TrimSpace(linked.Text), active.Checked
		if err := s.u.desk.SaveLeader(s.u.ctx, &n); err != nil {
			return err
		}
		s.afterRef("已保存 " + n.Name)
		if saved != nil {
			f.OnSaved = func(string) { saved(n) }
		}
		return nil
	})
}

var unitKinds = []app.UnitKind{app.UnitStreet, app.UnitDepartment, app.UnitDistrict, app.UnitSuperior, app.UnitOther}

func (s *settingsScreen) unitsTab() fyne.CanvasObject {
	s.units = newRefList(func(u app.Unit) string {
		t := fmt.Sprintf("%s　（%s）", u.Name, u.Kind)
		if !u.Active {
			t += "（已停用）"
		}
		return t
	}, func() { s.unitForm(nil) }, func(u app.Unit) { s.unitForm(&u) }, func(u app.Unit) {
		s.u.confirm("删除单位", "删除“"+u.Name+"”？已登记的公文中的单位名称不受影响。", "删除", func() {
			if err := s.u.desk.DeleteUnit(s.u.ctx, u.ID); err != nil {
				s.u.showError(err)
				return
			}
			s.afterRef("已删除 " + u.Name)
		})
	})
	return container.NewBorder(note("登记时单位名称可从这里选择，也可直接填写新单位。上级机关的来文自上而下呈送领导传阅。"), nil, nil, nil, s.units.root)
}

func (s *settingsScreen) unitForm(old *app.Unit) {
	u := app.Unit{Kind: app.UnitDepartment, Active: true}
	title := "新增单位"
	if old != nil {
		u, title = *old, "修改单位 "+old.Name
	}
	name := textField("单位全称，如：区财政局", u.Name)
	kind := selectField(strs(unitKinds), string(u.Kind))
	order := intField("排序号", u.Order)
	active := widgets.NewCheck("在用", nil)
	active.SetChecked(u.Active)
	f := s.u.newForm(title, "保存")
	f.Field("单位名称", name).Field("类别", kind).Field("排序号", order).Field("", active)
	f.Show(func(bool) error {
		n := u
		var err error
		if n.Order, err = parseInt("排序号", order.Text); err != nil {
			return err
		}
		n.Name, n.Kind, n.Active = name.Text, app.UnitKind(kind.Selected), active.Checked
		if err := s.u.desk.SaveUnit(s.u.ctx, &n); err != nil {
			return err
		}
		s.afterRef("已保存 " + n.Name)
		return nil
	})
}

var sealKinds = []app.SealKind{app.SealGovernment, app.SealOffice, app.SealParty, app.SealName, app.SealOther}

func (s *settingsScreen) sealsTab() fyne.CanvasObject {
	s.seals = newRefList(func(x app.Seal) string {
		t := fmt.Sprintf("%s　（%s）　保管人：%s　审批：%s", x.Name, x.Kind, orDash(x.Keeper), chainText(app.ChainFor(x, false), 0))
		if !x.Active {
			t += "（已停用）"
		}
		return t
	}, func() { s.sealForm(nil) }, func(x app.Seal) { s.sealForm(&x) }, func(x app.Seal) {
		s.u.confirm("删除印章", "删除“"+x.Name+"”？", "删除", func() {
			if err := s.u.desk.DeleteSeal(s.u.ctx, x.ID); err != nil {
				s.u.showError(err)
				return
			}
			s.afterRef("已删除 " + x.Name)
		})
	})
	return container.NewBorder(note("区政府印章：副区长审核、区长审签；区政府办公室印章：副主任审核、主任审签；党组印章：副主任审核、区长审签；领导名章：主任审核、区长审签；异地用印须区长或主任批准。党组印章、领导名章和其他印章的流程可点“修改所选”按本单位规定更改。"), nil, nil, nil, s.seals.root)
}

func (s *settingsScreen) sealForm(old *app.Seal) { s.sealDialog(old, "", "", nil) }

// sealDialog edits old, or adds a seal named name; why and saved as for
// leaderDialog.
func (s *settingsScreen) sealDialog(old *app.Seal, sealName, why string, saved func()) {
	x := app.Seal{Name: sealName, Kind: app.SealOffice, Active: true}
	title := "新增印章"
	if old != nil {
		x, title = *old, "修改印章 "+old.Name
	}
	name := textField("印章名称", x.Name)
	kind := selectField(strs(sealKinds), string(x.Kind))
	keeper := textField("保管人（监印人）", x.Keeper)
	roles := strs(app.Roles)
	chain := widgets.NewRowEditor([]string{"审批人职务", "环节"}, []float32{1, 1}, "添加审批环节", func() []fyne.CanvasObject {
		return []fyne.CanvasObject{selectField(roles, ""), widgets.NewEntry("审核 或 审签")}
	})
	showChain := func(steps []app.ApprovalStep) {
		chain.Clear()
		for _, st := range steps {
			r := chain.AddRow()
			r[0].(*widgets.Select).SetSelected(string(st.Role))
			r[1].(*widgets.Entry).SetText(st.Action)
		}
	}
	chainSteps := func() []app.ApprovalStep {
		var steps []app.ApprovalStep
		for _, r := range chain.Rows() {
			role := r[0].(*widgets.Select).Selected
			act := strings.TrimSpace(r[1].(*widgets.Entry).Text)
			if role == "" {
				continue
			}
			if act == "" {
				act = "审核"
			}
			steps = append(steps, app.ApprovalStep{Role: app.Role(role), Action: act})
		}
		return steps
	}
	showChain(app.ChainFor(x, false)) // the chain in force, to be seen and changed
	shownKind := x.Kind
	kind.OnChanged = func(k string) {
		// a chain left as its kind's default follows the new kind
		if slices.Equal(chainSteps(), app.DefaultChain(shownKind)) || app.ChainFixed(app.SealKind(k)) {
			showChain(app.DefaultChain(app.SealKind(k)))
		}
		shownKind = app.SealKind(k)
	}
	active := widgets.NewCheck("在用", nil)
	active.SetChecked(x.Active)
	f := s.u.newForm(title, "保存")
	if why != "" {
		f.Top(wrapLabel(why))
	}
	f.Field("印章名称", name).Field("类别", kind).Field("保管人", keeper)
	f.Field("审批流程", chain, "区政府印章、区政府办公室印章的流程由规定确定；党组印章、领导名章和其他印章可按本单位规定更改").Field("", active)
	f.Show(func(bool) error {
		n := x
		n.Name, n.Kind, n.Keeper, n.Active = name.Text, app.SealKind(kind.Selected), strings.TrimSpace(keeper.Text), active.Checked
		n.Chain = chainSteps()
		if err := s.u.desk.SaveSeal(s.u.ctx, &n); err != nil {
			return err
		}
		s.afterRef("已保存 " + n.Name)
		if saved != nil {
			f.OnSaved = func(string) { saved() }
		}
		return nil
	})
}

// ---- holidays ----

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
		if !containsInt(builtin, y) {
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

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
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

// ---- fonts ----

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

// ---- data and backup ----

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
	if u.env.Backup == nil {
		backup.Disable()
	}
	if u.env.Restore == nil {
		restore.Disable()
	}
	if u.env.Check == nil {
		check.Disable()
	}
	s.dataBox.Objects = []fyne.CanvasObject{f.form, container.NewHBox(backup, restore, check),
		note("恢复会用备份文件替换当前数据，替换前会先自动备份当前数据。要把数据换到别的电脑或磁盘，请“立即备份”，把备份文件带过去再“从备份恢复”；不要直接复制数据文件（最近的改动可能还在旁边的 -wal 文件中）。密级文件只能在经批准的脱网计算机上登记办理，本程序不向任何地方发送数据。")}
	s.dataBox.Refresh()
	s.dataRoot.Refresh()
}

// restoreQuestion asks before the backup at path replaces the data file
// dataPath, warning when the backup is named after another data file (two
// offices keep their backups in one folder).
func restoreQuestion(path, dataPath string) string {
	q := "用备份文件\n" + path + "\n替换当前全部数据？当前数据会先自动备份。"
	if owner := data.BackupOwner(path); owner != "" && !data.IsBackupOf(path, dataPath) {
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
		u.confirm("从备份恢复", restoreQuestion(path, u.env.DataPath), "恢复", func() {
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

func (s *settingsScreen) aboutTab() fyne.CanvasObject {
	v := s.u.env.Version
	if v == "" {
		v = "0.1.0"
	}
	return page(heading("公文督办台 "+v),
		wrapLabel("区政府办公室的收文、发文、用印、督查督办和会议纪要登记与办理程序。"),
		wrapLabel("依据：《党政机关公文处理工作条例》、GB/T 9704-2012《党政机关公文格式》、DA/T 22-2015《归档文件整理规则》及各区政府工作规则。"),
		wrapLabel("界面字体：思源黑体 Noto Sans SC；打印内置字体：思源宋体 Noto Serif SC 及楷体，均按 SIL Open Font License 1.1 随程序分发。"),
		wrapLabel("快捷键：Ctrl+N 新建，Ctrl+S 保存，Ctrl+P 打印，Ctrl+F 搜索，Esc 关闭对话框，Ctrl+1…7 切换页面。"))
}
