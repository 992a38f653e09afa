package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// A new office's settings: the guided steps after 从空白开始, and the
// setting a later step finds missing, added on the spot over its dialog.

// addMissing offers, over the dialog whose save failed, to add the setting
// that was missing; once it is added that dialog is saved again, with
// everything typed in it still there.
func (u *UI) addMissing(m app.Missing, retry func()) {
	switch m.Kind {
	case app.MissingLeader:
		u.settings.leaderDialog(nil, m, fmt.Sprintf("“%s”不在领导名单中。是本单位新的领导，请选好职务后保存，保存后接着办理；是写错了，请取消，再从名单中选择。", m.Name),
			func(app.Leader) { retry() })
	case app.MissingSeal:
		why := "添加印章后接着办理。"
		if m.Name != "" {
			why = fmt.Sprintf("印章“%s”还不在设置中。添加后接着办理。", m.Name)
		}
		u.settings.sealDialog(nil, m.Name, why, retry)
	case app.MissingFonds:
		u.fondsForm("归档需要全宗号（档号的第一段，由档案馆给定）。填写后接着归档。", "保存", 0, retry)
	}
}

// fondsForm asks for the 全宗号 and 机构代码 of the 档号; setupStep, when
// not 0, makes it that step of the guided setup.
func (u *UI) fondsForm(why, saveText string, setupStep int, saved func()) {
	st := u.desk.Settings()
	fonds := textField("如：Z109", st.FondsCode)
	org := textField("如：BGS", st.OrgCode)
	f := u.newForm("全宗号与机构代码", saveText)
	f.Top(wrapLabel(why))
	f.Field("全宗号", fonds, "档号的第一段，由档案馆给定").Field("机构（问题）代码", org, "档号中的机构代码，如办公室为 BGS；没有可不填")
	if setupStep > 0 {
		u.setupForm(f, setupStep, saved)
	} else {
		f.Width = 560 // narrower than the dialog it is over, which shows at its sides
	}
	f.OnSaved = func(string) { saved() }
	f.Show(func(bool) error {
		code := strings.TrimSpace(app.NormalizeWidth(fonds.Text))
		if code == "" {
			return app.Errorf(app.EINVALID, "请填写全宗号")
		}
		st := u.desk.Settings()
		st.FondsCode, st.OrgCode = code, strings.TrimSpace(app.NormalizeWidth(org.Text))
		if err := u.desk.SaveSettings(u.ctx, st); err != nil {
			return err
		}
		u.settings.load()
		u.refreshStatus()
		return nil
	})
}

// setupSteps are the steps after 单位与代字 (step 1, the welcome dialog).
const setupSteps = 4

// guidedSetup runs the first-run steps from step on: 领导, 印章 and their
// approval chains, 全宗号. Each can be skipped; what is skipped is asked for
// later, when a step needs it.
func (u *UI) guidedSetup(step int) {
	next := func() { u.guidedSetup(step + 1) }
	switch step {
	case 2:
		u.setupLeaders(next)
	case 3:
		u.setupSeals(next)
	case 4:
		u.fondsForm("归档时编档号要用全宗号和机构代码。还不知道可以跳过，第一次归档时再填写。", "完成", step, next)
	default:
		u.reloadAll() // the day's backup was taken when step 1 made the office
	}
}

// setupForm makes f a step of the guided setup: its number in the title and
// a 跳过 button that goes on without saving.
func (u *UI) setupForm(f *widgets.Form, step int, next func()) {
	f.Title = fmt.Sprintf("开始使用（第%d步，共%d步）：%s", step, setupSteps, f.Title)
	skip := widget.NewButtonWithIcon("跳过这一步", theme.MediaSkipNextIcon(), func() {
		f.Hide()
		next()
	})
	f.Bottom(container.NewBorder(nil, nil, container.NewVBox(skip), nil, note("跳过的内容以后可在“设置”中填写，办理中用到时也会提示。")))
}

// setupLeaders asks for the leaders, in the order the office lists them,
// with their posts and portfolios.
func (u *UI) setupLeaders(next func()) {
	rows := widgets.NewRowEditor([]string{"姓名", "职务", "分管领域"}, []float32{1, 1, 2}, "再添加一位领导", func() []fyne.CanvasObject {
		return []fyne.CanvasObject{widgets.NewEntry("姓名"), selectField(strs(app.Roles), string(app.RoleViceMayor)), widgets.NewEntry("如：财政、税务、金融")}
	})
	for _, role := range []app.Role{app.RoleMayor, app.RoleExecutiveVice, app.RoleViceMayor, app.RoleOfficeDirector, app.RoleDeputyDirector} {
		rows.AddRow()[1].(*widgets.Select).SetSelected(string(role))
	}
	f := u.newForm("领导名单", "下一步")
	f.Width = 720
	f.Top(wrapLabel("按本单位排列领导的顺序填写（自上而下即排序号1、2、3…，传阅按此顺序）。审核、签发、用印审批和批示都从这份名单中选人。没有的职务留空即可。"))
	f.Field("领导", rows)
	u.setupForm(f, 2, next)
	f.OnSaved = func(string) { next() }
	f.Show(func(bool) error {
		var leaders []app.Leader
		for _, r := range rows.Rows() {
			name := strings.TrimSpace(r[0].(*widgets.Entry).Text)
			if name == "" {
				continue
			}
			leaders = append(leaders, app.Leader{Name: name, Role: app.Role(r[1].(*widgets.Select).Selected),
				Portfolio: strings.TrimSpace(r[2].(*widgets.Entry).Text), Order: len(u.leaderList()) + len(leaders) + 1, Active: true})
		}
		if len(leaders) == 0 {
			return app.Errorf(app.EINVALID, "请至少填写一位领导的姓名，或点“跳过这一步”")
		}
		for i := range leaders {
			if err := u.desk.SaveLeader(u.ctx, &leaders[i]); err != nil {
				return err
			}
		}
		u.settings.afterRef(fmt.Sprintf("已添加%d位领导", len(leaders)))
		return nil
	})
	u.win.Canvas().Focus(rows.Rows()[0][0].(fyne.Focusable)) // not the 跳过 button
}

// setupSeals asks for the seals the office keeps, showing the approval
// chain each kind takes.
func (u *UI) setupSeals(next func()) {
	st := u.desk.Settings()
	chainOf := func(kind string) string {
		return chainText(app.ChainFor(app.Seal{Kind: app.SealKind(kind)}, false), 0)
	}
	rows := widgets.NewRowEditor([]string{"印章名称", "类别", "保管人（监印人）", "审批流程"}, []float32{3, 3, 2, 3}, "再添加一枚印章", func() []fyne.CanvasObject {
		chain := widget.NewLabel(chainOf(string(app.SealOffice)))
		chain.Wrapping = fyne.TextWrapWord
		kind := selectField(strs(sealKinds), string(app.SealOffice))
		kind.OnChanged = func(k string) { chain.SetText(chainOf(k)) }
		return []fyne.CanvasObject{widgets.NewEntry("印章名称"), kind, widgets.NewEntry("姓名"), chain}
	})
	for _, s := range []struct {
		name string
		kind app.SealKind
	}{{governmentName(st.DistrictName), app.SealGovernment}, {st.OrgName, app.SealOffice}} {
		r := rows.AddRow()
		r[0].(*widgets.Entry).SetText(s.name)
		r[1].(*widgets.Select).SetSelected(string(s.kind))
	}
	f := u.newForm("印章", "下一步")
	f.Width = 820
	f.Top(wrapLabel("填写本单位保管的印章。审批流程由类别决定；异地用印还须区长或主任批准。党组印章、领导名章的流程可在“设置—印章”中另定。"))
	f.Field("印章", rows)
	u.setupForm(f, 3, next)
	f.OnSaved = func(string) { next() }
	f.Show(func(bool) error {
		var seals []app.Seal
		for _, r := range rows.Rows() {
			name := strings.TrimSpace(r[0].(*widgets.Entry).Text)
			if name == "" {
				continue
			}
			seals = append(seals, app.Seal{Name: name, Kind: app.SealKind(r[1].(*widgets.Select).Selected),
				Keeper: strings.TrimSpace(r[2].(*widgets.Entry).Text), Active: true})
		}
		if len(seals) == 0 {
			return app.Errorf(app.EINVALID, "请至少填写一枚印章的名称，或点“跳过这一步”")
		}
		for i := range seals {
			if err := u.desk.SaveSeal(u.ctx, &seals[i]); err != nil {
				return err
			}
		}
		u.settings.afterRef(fmt.Sprintf("已添加%d枚印章", len(seals)))
		return nil
	})
	u.win.Canvas().Focus(rows.Rows()[0][2].(fyne.Focusable)) // the keeper: the names are filled in
}

// governmentName is the 区人民政府's name from the 区名 ("" when unknown).
func governmentName(district string) string {
	if district == "" {
		return ""
	}
	return district + "人民政府"
}
