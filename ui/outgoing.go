package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// 发文: from the draft to the issued, numbered document.

func (b *docBook) outgoingColumns() []widgets.Column[app.Document] {
	return []widgets.Column[app.Document]{
		{Title: "发文字号", Width: 160, Sort: "serial", Text: func(d app.Document) string { return orText(d.DocNo, "（签发时编号）") }},
		{Title: "拟稿日期", Width: 95, Sort: "received_on", Text: func(d app.Document) string { return d.DraftedOn.String() }},
		{Title: "文件标题", Width: 270, Sort: "title", Text: docTitle},
		{Title: "状态", Width: 74, Sort: "status", Chip: b.statusChip},
		{Title: "起草单位", Width: 120, Text: func(d app.Document) string { return d.DraftUnit }},
		{Title: "拟稿人", Width: 70, Text: func(d app.Document) string { return d.Drafter }},
		{Title: "签发人", Width: 70, Text: func(d app.Document) string { return d.PrintedSigner() }},
		{Title: "印发日期", Width: 95, Text: func(d app.Document) string { return d.IssuedOn.String() }},
		{Title: "紧急", Width: 50, Text: urgencyText},
	}
}

func orText(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

func (b *docBook) outgoingDetails(d app.Document) fyne.CanvasObject {
	f := newFields()
	f.addAlways("发文字号", orText(d.DocNo, "（签发时自动编号）"))
	f.addAlways("发文代字", d.IssuingCode).addAlways("公文类别", string(orKind(d.SigningKind)))
	f.addAlways("起草单位", d.DraftUnit).addAlways("拟稿人", d.Drafter).addAlways("拟稿日期", d.DraftedOn.String())
	f.addAlways("密级", string(d.Secrecy)).addAlways("紧急程度", string(d.Urgency))
	f.addGenre(d)
	f.addOutgoingSteps(d)
	f.add("主送", d.MainTo).add("抄送", d.CopyTo).add("会签单位", strings.Join(d.Countersign, "、"))
	f.addCosigns(d, b.u.desk.Today())
	f.add("份数", countOf(d.Copies, "份")).add("页数", countOf(d.Pages, "页")).add("附件", d.Attachments)
	if d.CheckedBy != "" {
		f.add("核稿", fmt.Sprintf("%s（%s）", d.CheckedBy, d.CheckedOn))
	}
	var reviews []string
	for _, r := range d.Reviews {
		reviews = append(reviews, fmt.Sprintf("%s %s（%s）%s", r.Role, r.Printed(), r.On, r.Opinion))
	}
	f.add("审核", strings.Join(reviews, "\n"))
	if d.Signer != "" {
		f.add("签发", fmt.Sprintf("%s（%s）", d.PrintedSigner(), d.SignedOn))
	}
	if !d.IssuedOn.IsZero() {
		f.add("印发", fmt.Sprintf("%s，印%d份", d.IssuedOn, d.PrintCount))
	}
	f.add("档号", d.Archive.Number())
	f.add("备注", d.Remarks)
	return f.form
}

func (b *docBook) outgoingActions() []*action[app.Document] {
	return []*action[app.Document]{
		{label: "核稿", icon: theme.DocumentCreateIcon(), run: b.checkForm, check: rule((*app.Document).CanCheckDraft)},
		{label: "审核", icon: theme.VisibilityIcon(), run: b.reviewForm, check: rule((*app.Document).CanReview)},
		{label: "合法性审查", icon: theme.DocumentIcon(), run: b.legalReviewForm, check: rule((*app.Document).CanRecordLegalReview)},
		{label: "送会签", icon: theme.MailSendIcon(), run: b.cosignForm, check: rule((*app.Document).CanCosign)},
		{label: "会签回复", icon: theme.MailReplyIcon(), run: b.cosignReplyForm, check: rule(canReplyCosign)},
		{label: "签发", icon: theme.ConfirmIcon(), run: b.signForm, check: rule((*app.Document).CanSign)},
		{label: "印发", icon: theme.DocumentPrintIcon(), run: b.issueForm, check: rule((*app.Document).CanIssue)},
		{label: "归档", icon: theme.StorageIcon(), run: b.archiveForm, check: rule((*app.Document).CanArchive)},
		{label: "修改", icon: theme.DocumentCreateIcon(), run: func(d app.Document) { b.draftForm(&d) },
			check: rule((*app.Document).CanEdit)},
		{label: "打印发文稿纸", icon: theme.DocumentPrintIcon(), run: func(d app.Document) { b.u.printPaper(outgoingPaper(d), false) }},
		{label: "导出PDF…", icon: theme.DocumentSaveIcon(), run: b.exportPDF},
		{label: "导出OFD…", icon: theme.DocumentSaveIcon(), run: b.exportOFD},
	}
}

func (b *docBook) issuingCodes() []string {
	var out []string
	for _, c := range b.u.desk.Settings().IssuingCodes {
		out = append(out, c.Code)
	}
	return out
}

func (b *docBook) draftForm(old *app.Document) {
	d := app.Document{DraftedOn: b.u.desk.Today(), Drafter: b.u.operatorName, Secrecy: app.SecrecyNone, Urgency: app.UrgencyNormal}
	if codes := b.issuingCodes(); len(codes) > 0 {
		d.IssuingCode = codes[0]
	}
	title, save := "拟稿登记", "登记"
	if old != nil {
		d, title, save = *old, "修改发文 "+orText(old.DocNo, old.Title), "保存"
	}
	code := selectField(b.issuingCodes(), d.IssuingCode)
	codeHint := "发文字号在签发时按代字和年度自动编号，如 示府办发〔2026〕7号"
	if old != nil {
		if err := old.CanChangeIssuingCode(); err != nil {
			code.Disable()
			codeHint = app.ErrorMessage(err)
		}
	}
	signingKind := selectField(strs(app.SigningKinds), string(orKind(d.SigningKind)))
	if old != nil && old.CanChangeIssuingCode() != nil {
		signingKind.Disable() // signed as that kind
	}
	titleE := textField("文件标题", d.Title)
	unit := b.u.unitField(d.DraftUnit)
	drafter := textField("拟稿人姓名", d.Drafter)
	drafted := b.u.dateField(d.DraftedOn, true)
	secrecy := selectField(strs(app.Secrecies), string(d.Secrecy))
	urgency := selectField(strs(app.Urgencies), string(d.Urgency))
	mainTo := textField("主送机关", d.MainTo)
	copyTo := textField("抄送机关", d.CopyTo)
	counter := b.u.unitsField(d.Countersign)
	copies := intField("份", d.Copies)
	pages := intField("页", d.Pages)
	attach := textField("附件名称", d.Attachments)
	remarks := textField("备注", d.Remarks)
	genre := genreField(d.Genre)
	disclosure := newDisclosureFields(d)
	normative := widgets.NewCheck("规范性文件（签发前须经区司法局合法性审查）", nil)
	normative.SetChecked(d.Normative)
	f := b.u.newForm(title, save)
	f.Field("发文代字", code, codeHint)
	f.Field("公文类别", signingKind, "决定由谁审核、由谁签发，见“设置—签发规则”")
	f.Field("文件标题", titleE).Field("起草单位", unit).Field("拟稿人", drafter).Field("拟稿日期", drafted)
	f.Field("密级／紧急程度", container.NewGridWithColumns(2, secrecy, urgency))
	f.Field("文种", container.NewGridWithColumns(2, genre, normative))
	f.Field("公开属性", disclosure.box, "签发前须选定，印在发文稿纸上")
	f.Field("主送", mainTo).Field("抄送", copyTo).Field("会签单位", counter)
	f.Field("份数／页数", container.NewGridWithColumns(4, copies, widget.NewLabel("份"), pages, widget.NewLabel("页")))
	f.Field("附件", attach).Field("备注", remarks)
	f.Show(func(bool) error {
		n := d
		var err error
		if n.DraftedOn, err = dateOf("拟稿日期", drafted); err != nil {
			return err
		}
		if n.Copies, err = parseInt("份数", copies.Text); err != nil {
			return err
		}
		if n.Pages, err = parseInt("页数", pages.Text); err != nil {
			return err
		}
		n.IssuingCode, n.Title, n.DraftUnit, n.Drafter = code.Selected, titleE.Text, unit.Text, drafter.Text
		n.SigningKind = app.SigningKind(signingKind.Selected)
		n.Secrecy, n.Urgency = app.Secrecy(secrecy.Selected), app.Urgency(urgency.Selected)
		n.MainTo, n.CopyTo, n.Countersign = mainTo.Text, copyTo.Text, counter.Names()
		n.Attachments, n.Remarks = attach.Text, remarks.Text
		n.Genre, n.Normative = genreOf(genre, n.Title), normative.Checked
		disclosure.read(&n)
		if old == nil {
			if err := b.u.desk.DraftOutgoing(b.u.ctx, &n); err != nil {
				return err
			}
			warnGenre(f, n)
			b.done(n)
			return nil
		}
		saved, err := b.u.desk.EditDocument(b.u.ctx, &n, false)
		if err == nil {
			warnGenre(f, *saved)
			b.done(*saved)
		}
		return err
	})
}

func (b *docBook) checkForm(d app.Document) {
	f := b.u.newForm("核稿", "核稿通过")
	f.Top(wrapLabel(d.Title))
	f.Bottom(note(fmt.Sprintf("核稿人：%s，日期：%s。核稿后送挂钩副主任、主任审核。", orDash(b.u.operatorName), b.u.desk.Today())))
	f.Show(func(bool) error {
		out, err := b.u.desk.CheckDraft(b.u.ctx, d.ID)
		if err == nil {
			b.done(*out)
		}
		return err
	})
}

func (b *docBook) reviewForm(d app.Document) {
	posts := []app.Role{app.RoleDeputyDirector, app.RoleOfficeDirector}
	rule, ruleErr := b.signingRule(d)
	for _, p := range rule.Reviewers() {
		if !slices.Contains(posts, p) {
			posts = append(posts, p)
		}
	}
	names := func() []string { return b.u.leadersWith(posts...) }
	leader := b.u.leaderField("", names)
	opinion := textArea("审核意见（可不填）", "", 3)
	on := b.u.dateField(b.u.desk.Today(), true)
	f := b.u.newForm("审核 "+d.Title, "登记审核")
	done := "尚无审核"
	if len(d.Reviews) > 0 {
		var ss []string
		for _, r := range d.Reviews {
			ss = append(ss, string(r.Role)+r.Leader)
		}
		done = "已审核：" + strings.Join(ss, "、")
	}
	steps := "先由挂钩副主任审核，再由主任审核；主任审核后即可签发。"
	if ruleErr == nil && len(rule.Reviews) > 0 {
		var names []string
		for _, st := range rule.Reviews {
			names = append(names, st.Name)
		}
		steps += "按签发规则，签发前还须经" + strings.Join(names, "、") + "（" + rule.Cite + "）。"
	}
	f.Top(note(done + "。" + steps + "代理人在代理期间可代被代理的领导审核。"))
	f.Field("审核人", leader).Field("审核意见", opinion).Field("审核日期", on)
	f.Show(func(bool) error {
		day, err := dateOf("审核日期", on)
		if err != nil {
			return err
		}
		out, err := b.u.desk.ReviewDraft(b.u.ctx, d.ID, leader.Text, opinion.Text, day)
		if err == nil {
			b.done(*out)
		}
		return err
	})
}

func (b *docBook) signForm(d app.Document) {
	code, _ := b.u.desk.Settings().IssuingCodeFor(d.IssuingCode)
	rule, _ := b.signingRule(d)
	roles := rule.Signers
	who := b.u.leadersWith(roles...)
	first := ""
	if len(who) > 0 {
		first = who[0]
	}
	signer := b.u.leaderField(first, func() []string { return b.u.leadersWith(roles...) })
	on := b.u.dateField(b.u.desk.Today(), true)
	f := b.u.newForm("签发 "+d.Title, "签发")
	f.Top(note(fmt.Sprintf("以%s名义的%s，由%s签发（%s）；领导外出时，登记的代理人在代理期间可代签，落款印“（代）”。签发后自动取得发文字号（%s〔%d〕N号）。",
		orDash(string(code.Body)), orKind(d.SigningKind), orDash(roleList(roles)), orDash(rule.Cite), d.IssuingCode, b.u.desk.Today().Year)))
	f.Field("签发人", signer).Field("签发日期", on)
	var out *app.Document
	f.OnSaved = func(string) {
		if out != nil {
			widgets.ShowMessage(b.u.win, "已签发", "发文字号："+out.DocNo)
		}
	}
	f.Show(func(bool) error {
		day, err := dateOf("签发日期", on)
		if err != nil {
			return err
		}
		out, err = b.u.desk.Sign(b.u.ctx, d.ID, signer.Text, day)
		if err == nil {
			b.done(*out)
		}
		return err
	})
}

func roleList(rs []app.Role) string { return strings.Join(strs(rs), "或") }

// orKind is the signing kind of a draft, 一般公文 when none was chosen.
func orKind(k app.SigningKind) app.SigningKind {
	if k == "" {
		return app.SignOrdinary
	}
	return k
}

// signingRule is the row of the office's signing rules the draft follows.
func (b *docBook) signingRule(d app.Document) (app.SigningRule, error) {
	code, ok := b.u.desk.Settings().IssuingCodeFor(d.IssuingCode)
	if !ok {
		return app.SigningRule{}, app.Errorf(app.EINVALID, "发文代字“%s”不在设置中", d.IssuingCode)
	}
	return b.u.desk.Settings().SigningRules().Rule(code.Body, d.SigningKind)
}

func (b *docBook) issueForm(d app.Document) {
	on := b.u.dateField(b.u.desk.Today(), true)
	count := intField("印数", d.Copies)
	f := b.u.newForm("印发 "+d.DocNo, "印发")
	f.Top(wrapLabel(d.Title))
	f.Field("印发日期", on).Field("印数", count)
	f.Show(func(bool) error {
		day, err := dateOf("印发日期", on)
		if err != nil {
			return err
		}
		n, err := parseInt("印数", count.Text)
		if err != nil {
			return err
		}
		out, err := b.u.desk.Issue(b.u.ctx, d.ID, day, n)
		if err == nil {
			b.done(*out)
		}
		return err
	})
}
