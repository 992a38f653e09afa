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

// 设置—签发规则: who reviews and signs each kind of document, who stands
// in for whom; the office starts from a preset (003 by default) and edits
// the rows.

// signingPresetLabel names a preset in the picker with the document it
// comes from.
func signingPresetLabel(r app.SigningRules) string {
	if len(r.Rows) == 0 {
		return r.Name
	}
	source, _, _ := strings.Cut(r.Rows[0].Cite, "》")
	if strings.Contains(source, strings.TrimSuffix(r.Name, "（默认）")) {
		return r.Name // the name is the document's
	}
	return r.Name + "　依据" + source + "》"
}

func (s *settingsScreen) signingTab() fyne.CanvasObject {
	var labels []string
	for _, p := range app.SigningPresets() {
		labels = append(labels, signingPresetLabel(p))
	}
	s.signPreset = selectField(labels, labels[0])
	use := widget.NewButtonWithIcon("采用此预设", theme.ContentPasteIcon(), func() {
		i := slices.Index(labels, s.signPreset.Selected)
		if i < 0 {
			return
		}
		p := app.SigningPresets()[i]
		s.u.confirm("采用签发规则预设", "用“"+p.Name+"”的规则替换现在的签发规则？替换后可再逐行修改。已签发的公文不受影响。", "替换", func() {
			s.saveSigning(p, "已采用 "+p.Name)
		})
	})
	s.signMark = textField("如：（代）或（代{职务}）", "")
	saveMark := widget.NewButtonWithIcon("保存标注", theme.DocumentSaveIcon(), func() {
		r := s.u.desk.Settings().SigningRules()
		r.ActingMark = s.signMark.Text
		s.saveSigning(r, "代签标注已保存")
	})
	s.signRows = container.NewVBox()
	s.signOther = widgets.NewText("")
	add := widget.NewButtonWithIcon("新增一行", theme.ContentAddIcon(), func() { s.signingRowForm(-1) })
	return page(
		note("签发规则决定每类公文由谁审核、由谁签发，领导外出时由谁代理。可从下列规则预设开始，再按本单位的规定逐行修改；签发、审核、用印审签和纪要签发都按这里的规则检查。"),
		widget.NewForm(widget.NewFormItem("规则预设", container.NewBorder(nil, nil, nil, use, s.signPreset))),
		heading("发文的审核和签发"),
		s.signRows,
		container.NewHBox(add),
		heading("代理、外出报告和纪要签发"),
		s.signOther,
		container.NewHBox(widget.NewButtonWithIcon("修改代理规则", theme.DocumentCreateIcon(), s.deputiesForm)),
		widget.NewForm(widget.NewFormItem("代签标注", container.NewBorder(nil, nil, nil, saveMark, s.signMark))),
		note("代理人签发、审签时，名字后印此标注，如“李四（代）”；写“{职务}”处印被代理人的职务，如“（代{职务}）”印作“李四（代区长）”。"),
	)
}

// saveSigning stores the rules and redraws the tab.
func (s *settingsScreen) saveSigning(r app.SigningRules, msg string) {
	if err := s.u.desk.SaveSigningRules(s.u.ctx, r); err != nil {
		s.u.showError(err)
		return
	}
	s.loadSigning()
	s.flash(msg)
	s.u.changed()
}

func postsText(posts []app.Role) string { return strings.Join(strs(posts), "、") }

// signingRowText is one row of the table as the office reads it.
func signingRowText(r app.SigningRule) string {
	var steps []string
	for _, st := range r.Reviews {
		steps = append(steps, fmt.Sprintf("%s（%s）", st.Name, postsText(st.Posts)))
	}
	reviews := "无"
	if len(steps) > 0 {
		reviews = strings.Join(steps, " → ")
	}
	return fmt.Sprintf("以%s名义的%s\n审核：%s\n签发：%s\n依据：%s", r.Body, r.Kind, reviews, postsText(r.Signers), r.Cite)
}

func (s *settingsScreen) loadSigning() {
	r := s.u.desk.Settings().SigningRules()
	for _, p := range app.SigningPresets() {
		if p.Name == r.Name {
			s.signPreset.SetSelected(signingPresetLabel(p))
		}
	}
	s.signMark.SetText(r.ActingMark)
	s.signRows.RemoveAll()
	for i, row := range r.Rows {
		edit := widget.NewButtonWithIcon("修改", theme.DocumentCreateIcon(), func() { s.signingRowForm(i) })
		del := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), func() {
			s.u.confirm("删除签发规则", "删除“以"+string(row.Body)+"名义的"+string(row.Kind)+"”这一行？", "删除", func() {
				n := s.u.desk.Settings().SigningRules()
				n.Rows = slices.Delete(slices.Clone(n.Rows), i, i+1)
				s.saveSigning(n, "已删除一行签发规则")
			})
		})
		card := container.NewBorder(nil, nil, nil, container.NewVBox(edit, del), widgets.NewText(signingRowText(row)))
		s.signRows.Add(widget.NewCard("", "", card))
	}
	var lines []string
	for _, d := range r.Deputies {
		lines = append(lines, fmt.Sprintf("%s外出时由%s代理（%s）", d.For, strings.Join(strs(d.By), "或"), d.Cite))
	}
	for _, rep := range r.Reporting {
		lines = append(lines, fmt.Sprintf("%s外出应事先报告%s（%s）", rep.Who, strings.Join(rep.To, "、"), rep.Cite))
	}
	for _, m := range r.Minutes {
		who := "主持会议的领导"
		if !m.Chair {
			who = strings.Join(strs(m.Signers), "或")
		}
		lines = append(lines, fmt.Sprintf("%s纪要由%s签发（%s）", m.Kind, who, m.Cite))
	}
	s.signOther.SetText(strings.Join(lines, "\n"))
}

// leaderPosts are the posts a rule may name.
func leaderPosts() []string { return strs(app.Roles[:len(app.Roles)-1]) }

// reviewsText writes the review steps one a line: "1 办公室主任审核：主任".
func reviewsText(steps []app.SigningStep) string {
	var lines []string
	for _, st := range steps {
		lines = append(lines, fmt.Sprintf("%d %s：%s", st.Stage, st.Name, postsText(st.Posts)))
	}
	return strings.Join(lines, "\n")
}

// parseReviews reads the lines reviewsText writes; the order number may be
// left out (1).
func parseReviews(text string) ([]app.SigningStep, error) {
	var out []app.SigningStep
	for i, line := range strings.Split(app.NormalizeWidth(text), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		stage := 1
		if num, rest, ok := strings.Cut(line, " "); ok {
			if n, err := strconv.Atoi(num); err == nil {
				stage, line = n, strings.TrimSpace(rest)
			}
		}
		name, posts, ok := strings.Cut(strings.ReplaceAll(line, ":", "："), "：")
		if !ok {
			return nil, app.Errorf(app.EINVALID, "审核环节第%d行应写作“顺序号 环节名称：职务、职务”，如“1 办公室主任审核：主任”", i+1)
		}
		st := app.SigningStep{Name: strings.TrimSpace(name), Stage: stage}
		for _, p := range widgets.SplitNames(posts) {
			st.Posts = append(st.Posts, app.Role(p))
		}
		out = append(out, st)
	}
	return out, nil
}

// signingRowForm edits row i of the table, or adds one (i < 0).
func (s *settingsScreen) signingRowForm(i int) {
	rules := s.u.desk.Settings().SigningRules()
	row := app.SigningRule{Body: app.IssuerGovernment, Kind: app.SignOrdinary}
	title := "新增签发规则"
	if i >= 0 {
		row, title = rules.Rows[i], "修改签发规则"
	}
	body := selectField(strs(app.IssuerBodies), string(row.Body))
	kind := selectField(strs(app.SigningKinds), string(row.Kind))
	reviews := textArea("每行一个审核环节，如：1 办公室主任审核：主任", reviewsText(row.Reviews), 4)
	signers := widgets.NewCheckGroup(leaderPosts(), nil)
	signers.Horizontal = true
	signers.SetSelected(strs(row.Signers))
	cite := textField("如：《…人民政府工作规则》第二十六条", row.Cite)
	f := s.u.newForm(title, "保存")
	f.Field("发文机关", body).Field("公文类别", kind, "未单列的类别按同一机关的一般公文签发")
	f.Field("审核环节", reviews, "顺序号相同的环节不分先后，顺序号小的先审核")
	f.Field("签发人", signers).Field("依据条款", cite)
	f.Show(func(bool) error {
		n := app.SigningRule{Body: app.IssuerBody(body.Selected), Kind: app.SigningKind(kind.Selected), Cite: strings.TrimSpace(cite.Text)}
		var err error
		if n.Reviews, err = parseReviews(reviews.Text); err != nil {
			return err
		}
		for _, p := range signers.Selected {
			n.Signers = append(n.Signers, app.Role(p))
		}
		edited := rules
		edited.Rows = slices.Clone(rules.Rows)
		if i >= 0 {
			edited.Rows[i] = n
		} else {
			edited.Rows = append(edited.Rows, n)
		}
		if err := s.u.desk.SaveSigningRules(s.u.ctx, edited); err != nil {
			return err
		}
		s.loadSigning()
		s.flash("签发规则已保存")
		s.u.changed()
		return nil
	})
}

// deputiesForm edits who may stand in for whom: one row per post stood in
// for (003 第六条, 004 五, 002 第三篇 七, 000 二十五).
func (s *settingsScreen) deputiesForm() {
	rules := s.u.desk.Settings().SigningRules()
	rows := widgets.NewRowEditor([]string{"外出的职务", "代理人的职务", "依据条款"}, []float32{1, 1.4, 1.8}, "添加一行", func() []fyne.CanvasObject {
		return []fyne.CanvasObject{selectField(leaderPosts(), string(app.RoleMayor)), textField("如：常务副区长、副区长", ""), textField("如：《…工作规则》第六条", "")}
	})
	for _, d := range rules.Deputies {
		r := rows.AddRow()
		r[0].(*widgets.Select).SetSelected(string(d.For))
		r[1].(*widgets.Entry).SetText(postsText(d.By))
		r[2].(*widgets.Entry).SetText(d.Cite)
	}
	f := s.u.newForm("修改代理规则", "保存")
	f.Top(note("领导外出时，只有这里写明的职务可以登记为代理人（几个职务用“、”分隔）；代理人在代理期间签发、审签，落款印代签标注。"))
	f.Field("代理规则", rows)
	f.Show(func(bool) error {
		edited := rules
		edited.Deputies = nil
		for _, r := range rows.Rows() {
			d := app.DeputyRule{For: app.Role(r[0].(*widgets.Select).Selected), Cite: strings.TrimSpace(r[2].(*widgets.Entry).Text)}
			for _, p := range widgets.SplitNames(r[1].(*widgets.Entry).Text) {
				d.By = append(d.By, app.Role(p))
			}
			if len(d.By) == 0 && d.Cite == "" {
				continue // an empty row
			}
			edited.Deputies = append(edited.Deputies, d)
		}
		if err := s.u.desk.SaveSigningRules(s.u.ctx, edited); err != nil {
			return err
		}
		s.loadSigning()
		s.flash("代理规则已保存")
		s.u.changed()
		return nil
	})
}
