package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// The steps the seeds ask of a document beyond the register (issue 15): its
// 文种 with the 请示 checks, a 发文's 公开属性, the 合法性审查 of a 规范性文件
// and the preset causes of a 退文.

const genreUnset = "未注明"

// genreField offers the 文种; 未注明 for documents registered without one.
func genreField(g app.Genre) *widgets.Select {
	return selectField(append([]string{genreUnset}, strs(app.Genres)...), orText(string(g), genreUnset))
}

// genreOf reads the 文种 field; 未注明 takes the 文种 the title ends with.
func genreOf(s *widgets.Select, title string) app.Genre {
	if s.Selected == genreUnset || s.Selected == "" {
		return app.GenreOfTitle(title)
	}
	return app.Genre(s.Selected)
}

// warnGenre shows the 行文规则 warnings of a saved document once its form closes.
func warnGenre(f *widgets.Form, d app.Document) {
	if ws := d.GenreWarnings(); len(ws) > 0 {
		f.Warn(strings.Join(ws, "\n"))
	}
}

// addGenre adds the 文种 and its warnings to a document's details.
func (f *fields) addGenre(d app.Document) {
	f.add("文种", string(d.Genre))
	f.add("行文提示", strings.Join(d.GenreWarnings(), "\n"))
}

// disclosureFields are the 公开属性 choice and the reason of 不予公开, shown
// only when it is chosen.
type disclosureFields struct {
	choice *widgets.RadioGroup
	reason *widgets.Entry
	box    fyne.CanvasObject
}

func newDisclosureFields(d app.Document) *disclosureFields {
	f := &disclosureFields{reason: textField("不予公开的理由，如：涉及内部人事安排", d.DisclosureReason)}
	f.choice = widgets.NewRadioGroup(strs(app.Disclosures), func(s string) {
		if s == string(app.DiscloseNot) {
			f.reason.Show()
		} else {
			f.reason.Hide()
		}
	})
	f.choice.Horizontal = true
	f.choice.SetSelected(string(d.Disclosure))
	if d.Disclosure != app.DiscloseNot {
		f.reason.Hide()
	}
	f.box = container.NewVBox(f.choice, f.reason)
	return f
}

func (f *disclosureFields) read(d *app.Document) {
	d.Disclosure, d.DisclosureReason = app.Disclosure(f.choice.Selected), f.reason.Text
}

// addOutgoingSteps adds the 公开属性 and the 规范性文件's review to a 发文's details.
func (f *fields) addOutgoingSteps(d app.Document) {
	f.addAlways("公开属性", orText(d.DisclosureText(), "未选（签发前须选定）"))
	if !d.Normative {
		return
	}
	review := "未登记（签发前须经区司法局合法性审查）"
	if r := d.LegalReview; r.Recorded() {
		review = fmt.Sprintf("%s %s %s：%s", app.LegalReviewer, r.On, r.Verdict(), r.Opinion)
	}
	f.addAlways("规范性文件", "是").addAlways("合法性审查", review)
}

// legalReviewForm records the 区司法局's 合法性审查 of a 规范性文件.
func (b *docBook) legalReviewForm(d app.Document) {
	on := b.u.dateField(b.u.desk.Today(), true)
	verdict := radioField([]string{"通过", "不通过"}, "")
	opinion := textArea("照录区司法局的审查意见", "", 3)
	f := b.u.newForm("合法性审查 "+d.Title, "登记")
	f.Top(note("规范性文件须经区司法局合法性审查；未经审查或审查不合法的，不得提交常务会议讨论或签发印发（海门区政府工作规则第二十八条、西市区政府工作规则三十）。"))
	f.Field("审查日期", on).Field("审查结论", verdict).Field("审查意见", opinion)
	f.Show(func(bool) error {
		day, err := dateOf("审查日期", on)
		if err != nil {
			return err
		}
		out, err := b.u.desk.RecordLegalReview(b.u.ctx, d.ID, day, opinion.Text, verdict.Selected == "通过")
		if err == nil {
			b.done(*out)
		}
		return err
	})
}

// returnCauseText is a cause with the rule it rests on.
func returnCauseText(c app.ReturnCause) string {
	if a := c.Article(); a != "" {
		return fmt.Sprintf("%s（%s）", c, a)
	}
	return string(c)
}

// returnCounts is the year's 退文 counted by cause, for the 退文 dialog.
func (b *docBook) returnCounts() string {
	year := b.u.desk.Today().Year
	counts, err := b.u.desk.ReturnCauseCounts(b.u.ctx, year)
	if err != nil || len(counts) == 0 {
		return fmt.Sprintf("%d年尚无退文。", year)
	}
	var parts []string
	for _, c := range counts {
		parts = append(parts, fmt.Sprintf("%s %d件", orText(string(c.Cause), "未分类"), c.Count))
	}
	return fmt.Sprintf("%d年已退文：%s。", year, strings.Join(parts, "，"))
}

// addCosigns lists each 会签 of a draft with where it stands today.
func (f *fields) addCosigns(d app.Document, today app.Date) {
	var lines []string
	for _, c := range d.Cosigns {
		lines = append(lines, fmt.Sprintf("%s　%s送　%s", c.Party, c.SentOn, c.State(today)))
	}
	f.add("会签记录", strings.Join(lines, "\n"))
}

// cosignForm sends the draft for 会签 to a unit or a leader, today.
func (b *docBook) cosignForm(d app.Document) {
	party := b.u.unitField("")
	f := b.u.newForm("送会签 "+d.Title, "送会签")
	f.Top(note(fmt.Sprintf("会签一般应在%d个工作日内回复，逾期不回复的视为无不同意见（西市区政府工作规则二十九）。今天送出，到期日按工作日推算。", app.CosignWorkdays)))
	f.Field("会签单位或领导", party)
	f.Show(func(bool) error {
		out, warn, err := b.u.desk.SendCosign(b.u.ctx, d.ID, party.Text)
		if err == nil {
			if warn != nil {
				f.Warn(warn.String())
			}
			b.done(*out)
		}
		return err
	})
}

// cosignReplyForm records the reply of a pending 会签.
func (b *docBook) cosignReplyForm(d app.Document) {
	party := selectField(d.PendingCosigns(), "")
	reply := textArea("照录会签意见，如：同意", "", 3)
	on := b.u.dateField(b.u.desk.Today(), true)
	f := b.u.newForm("会签回复 "+d.Title, "登记")
	f.Field("会签单位或领导", party).Field("会签意见", reply).Field("回复日期", on)
	f.Show(func(bool) error {
		day, err := dateOf("回复日期", on)
		if err != nil {
			return err
		}
		out, err := b.u.desk.ReplyCosign(b.u.ctx, d.ID, party.Selected, reply.Text, day)
		if err == nil {
			b.done(*out)
		}
		return err
	})
}

// canReplyCosign says why no 会签 reply can be recorded, or nil.
func canReplyCosign(d *app.Document) error {
	if len(d.PendingCosigns()) == 0 {
		return app.Errorf(app.ESTATE, "没有待回复的会签")
	}
	return nil
}
