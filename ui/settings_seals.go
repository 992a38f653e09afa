package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// 设置—印章: the seals, their keepers and approval chains.

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
