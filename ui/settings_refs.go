package ui

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// 设置—领导 and 设置—单位: the office's people and the units it deals with.

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
