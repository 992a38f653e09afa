package ui

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
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
	settingsTabSigning
	settingsTabAbsences
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
	honourN                                  *widgets.Entry // how many units the 督查通报's 红黄榜 names
	codes                                    *widgets.RowEditor
	rules                                    map[string]*widgets.Entry

	leaders *refList[app.Leader]
	units   *refList[app.Unit]
	seals   *refList[app.Seal]

	signPreset *widgets.Select // 签发规则
	signMark   *widgets.Entry
	signRows   *fyne.Container
	signOther  *widgets.Text
	absences   *refList[app.Absence] // 领导外出

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
		container.NewTabItem("签发规则", s.signingTab()),
		container.NewTabItem("领导外出", s.absencesTab()),
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
	s.honourN = widgets.NewEntry("不填为不点名")
	f := widget.NewForm(
		widget.NewFormItem("单位名称", s.org),
		widget.NewFormItem("区名", s.district),
		widget.NewFormItem("全宗号", s.fonds),
		widget.NewFormItem("机构（问题）代码", s.orgCode),
		widget.NewFormItem("操作员", s.operators),
		widget.NewFormItem("督查室联系人", s.supContact),
		widget.NewFormItem("督查室电话", s.supPhone),
		widget.NewFormItem("通报红黄榜", s.honourN),
	)
	f.Items[2].HintText = "档号的第一段，由档案馆给定"
	f.Items[3].HintText = "档号中的机构代码，如办公室为 BGS"
	f.Items[4].HintText = "登记、拟办、核稿时记录的经办人，可在窗口右下角切换"
	f.Items[5].HintText = "印在交办单、催办单、督办通知单上，承办单位向其反馈"
	f.Items[7].HintText = "月度督查通报在分单位排名表下点名的单位数：前N名上红榜，有逾期事项的后N名上黄榜"
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
	s.honourN.SetText("")
	if st.MonthlyHonourN > 0 {
		s.honourN.SetText(strconv.Itoa(st.MonthlyHonourN))
	}
	s.codes.Clear()
	for _, c := range st.IssuingCodes {
		r := s.codes.AddRow()
		r[0].(*widgets.Entry).SetText(c.Code)
		r[1].(*widgets.Select).SetSelected(string(c.Body))
	}
	s.loadRules(st.Rules)
	s.loadRefLists()
	s.loadSigning()
	s.loadAbsences()
}

// save stores the fields of 单位信息, 发文代字, 办理时限 and 打印字体.
func (s *settingsScreen) save() {
	st := s.u.desk.Settings()
	st.OrgName, st.DistrictName = strings.TrimSpace(s.org.Text), strings.TrimSpace(s.district.Text)
	st.FondsCode, st.OrgCode = strings.TrimSpace(s.fonds.Text), strings.TrimSpace(s.orgCode.Text)
	st.Operators = widgets.SplitNames(s.operators.Text)
	st.SupervisionContact, st.SupervisionPhone = strings.TrimSpace(s.supContact.Text), strings.TrimSpace(s.supPhone.Text)
	n, err := parseInt("通报红黄榜", s.honourN.Text)
	if err == nil && n < 0 {
		err = app.Errorf(app.EINVALID, "通报红黄榜应填写点名的单位数，不能为负数")
	}
	if err != nil {
		s.u.showError(err)
		return
	}
	st.MonthlyHonourN = n
	st.IssuingCodes = nil
	for _, r := range s.codes.Rows() {
		code := strings.TrimSpace(r[0].(*widgets.Entry).Text)
		if code == "" {
			continue
		}
		st.IssuingCodes = append(st.IssuingCodes, app.IssuingCode{Code: code, Body: app.IssuerBody(r[1].(*widgets.Select).Selected)})
	}
	if err := s.readRules(&st.Rules); err != nil {
		s.u.showError(err)
		return
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
