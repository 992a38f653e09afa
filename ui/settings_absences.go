package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
)

// 设置—领导外出: the register of leaders' absences (003 第四十四条), each
// with the stand-in it names and the reports made of it.

func (s *settingsScreen) absencesTab() fyne.CanvasObject {
	s.absences = newRefList(func(a app.Absence) string {
		t := a.Period() + "　" + a.AwayLine(s.u.leaderList())
		if len(a.Reports) > 0 {
			var to []string
			for _, r := range a.Reports {
				to = append(to, r.To)
			}
			t += "　已报告" + strings.Join(to, "、")
		}
		return t
	}, func() { s.absenceForm(nil) }, func(a app.Absence) { s.absenceForm(&a) }, func(a app.Absence) {
		msg := "删除" + a.Leader + a.Period() + "的外出登记？"
		if a.StandIn != "" {
			msg += "由此登记的" + a.StandIn + "代理记录一并删除。"
		}
		s.u.confirm("删除外出登记", msg, "删除", func() {
			if err := s.u.desk.DeleteAbsence(s.u.ctx, a.ID); err != nil {
				s.u.showError(err)
				return
			}
			s.afterAbsence("已删除 " + a.Leader + " 的外出登记")
		})
	})
	return container.NewBorder(note("登记领导外出（时间、地点、联系办法、代理人和报告情况）。登记了代理人的，代理期间由代理人签发、审签，落款印“（代）”；工作台列出本周外出的领导。"), nil, nil, nil, s.absences.root)
}

func (s *settingsScreen) loadAbsences() {
	if as, err := s.u.desk.Store.Absences(s.u.ctx); err == nil {
		s.absences.set(as)
	}
}

func (s *settingsScreen) afterAbsence(msg string) {
	s.loadAbsences()
	s.flash(msg)
	s.u.changed()
}

// reportsText writes the reports one a line: "市政府办公室 2026-03-01".
func reportsText(rs []app.AbsenceReport) string {
	var lines []string
	for _, r := range rs {
		lines = append(lines, r.To+" "+r.On.String())
	}
	return strings.Join(lines, "\n")
}

func parseReports(text string) ([]app.AbsenceReport, error) {
	var out []app.AbsenceReport
	for i, line := range strings.Split(strings.TrimSpace(app.NormalizeWidth(text)), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		cut := strings.LastIndex(line, " ")
		if cut < 0 {
			return nil, app.Errorf(app.EINVALID, "报告情况第%d行应写作“报告对象 日期”，如“市政府办公室 2026-03-01”", i+1)
		}
		on, err := app.ParseDate(strings.TrimSpace(line[cut+1:]))
		if err != nil {
			return nil, app.Errorf(app.EINVALID, "报告情况第%d行的日期“%s”无法识别，请写作2026-03-01", i+1, line[cut+1:])
		}
		out = append(out, app.AbsenceReport{To: strings.TrimSpace(line[:cut]), On: on})
	}
	return out, nil
}

func (s *settingsScreen) absenceForm(old *app.Absence) {
	a := app.Absence{Kind: app.AbsenceTrip, From: s.u.desk.Today(), To: s.u.desk.Today()}
	title := "登记领导外出"
	if old != nil {
		a, title = *old, "修改外出登记 "+old.Leader
	}
	leader := s.u.leaderField(a.Leader, nil)
	kind := selectField(strs(app.AbsenceKinds), string(a.Kind))
	from, to := s.u.dateField(a.From, true), s.u.dateField(a.To, true)
	place := textField("前往地点", a.Place)
	contact := textField("手机、驻地电话等", a.Contact)
	standIn := s.u.leaderField(a.StandIn, nil)
	reports := textArea("每行一条，如：市政府办公室 2026-03-01", reportsText(a.Reports), 3)
	remarks := textField("如：文件传真至驻地", a.Remarks)
	f := s.u.newForm(title, "保存")
	f.Field("外出领导", leader).Field("类别", kind)
	f.Field("起止日期", container.NewGridWithColumns(2, from, container.NewBorder(nil, nil, widget.NewLabel("至"), nil, to)))
	f.Field("前往地点", place).Field("联系办法", contact)
	f.Field("代理人", standIn, "不填则不设代理；代理人须是签发规则允许代理的职务")
	f.Field("报告情况", reports, "向谁报告、哪天报告").Field("备注", remarks)
	f.Show(func(bool) error {
		n := a
		var err error
		if n.From, err = dateOf("外出日期", from); err != nil {
			return err
		}
		if n.To, err = dateOf("返回日期", to); err != nil {
			return err
		}
		if n.Reports, err = parseReports(reports.Text); err != nil {
			return err
		}
		n.Leader, n.Kind, n.Place, n.Contact = leader.Text, app.AbsenceKind(kind.Selected), place.Text, contact.Text
		n.StandIn, n.Remarks = standIn.Text, remarks.Text
		warns, err := s.u.desk.AbsenceWarnings(s.u.ctx, n)
		if err != nil {
			return err
		}
		if err := s.u.desk.SaveAbsence(s.u.ctx, &n); err != nil {
			return err
		}
		if len(warns) > 0 {
			f.Warn(fmt.Sprintf("外出登记已保存。请注意：\n%s", strings.Join(warns, "\n")))
		}
		s.afterAbsence("已保存 " + n.Leader + " 的外出登记")
		return nil
	})
}
