package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// ruleField is one time limit of 办理时限: its field in app.Rules, the
// label and hint of its entry, and key, the name tests find it by.
type ruleField struct {
	key, label, hint string
	of               func(*app.Rules) *int
}

// ruleFields are the limits of 办理时限, in the order of the tab.
var ruleFields = []ruleField{
	{"WithinPowers", "职权范围内事项（工作日）", "单位职权范围内的事项、提出意见：一般5个工作日", func(r *app.Rules) *int { return &r.WithinPowers }},
	{"Consult", "会同相关单位办理（工作日）", "需会同有关单位办理、会签：一般7个工作日", func(r *app.Rules) *int { return &r.Consult }},
	{"Investigate", "需调查论证（工作日）", "需调查研究、论证的事项：最长30个工作日", func(r *app.Rules) *int { return &r.Investigate }},
	{"Review", "公文审核（工作日）", "副主任、主任审核：1个工作日", func(r *app.Rules) *int { return &r.Review }},
	{"Urgent", "加急件（工作日）", "加急（急件）未写明时限时", func(r *app.Rules) *int { return &r.Urgent }},
	{"VeryUrgent", "特急件（工作日）", "特急未写明时限时", func(r *app.Rules) *int { return &r.VeryUrgent }},
	{"WarnDays", "黄色预警（工作日）", "距时限不超过这些工作日时显示黄色", func(r *app.Rules) *int { return &r.WarnDays }},
	{"ChaseAfter", "催办（工作日）", "黄色事项连续这些工作日没有进展时，工作台提示发催办单（一般5个工作日）", func(r *app.Rules) *int { return &r.ChaseAfter }},
}

func (s *settingsScreen) rulesTab() fyne.CanvasObject {
	f := widget.NewForm()
	for _, rf := range ruleFields {
		e := widgets.NewEntry("")
		s.rules[rf.key] = e
		fi := widget.NewFormItem(rf.label, sized(e, 120))
		fi.HintText = rf.hint
		f.AppendItem(fi)
	}
	return page(note("时限均按工作日计算：不含周末和法定节假日，含调休上班日；起始日不计入。"), f, s.saveButton())
}

// loadRules shows the limits in force: the defaults for an office that
// has set none, and the 催办 default when only that one is unset.
func (s *settingsScreen) loadRules(r app.Rules) {
	if r.WithinPowers == 0 {
		r = app.DefaultRules()
	}
	r.ChaseAfter = r.ChaseAfterDays()
	for _, rf := range ruleFields {
		s.rules[rf.key].SetText(strconv.Itoa(*rf.of(&r)))
	}
}

// readRules puts the limits typed in into r; a field that is not a whole
// number is an error and r is then left as it was.
func (s *settingsScreen) readRules(r *app.Rules) error {
	read := *r
	for _, rf := range ruleFields {
		n, err := parseInt("办理时限", s.rules[rf.key].Text)
		if err != nil {
			return err
		}
		*rf.of(&read) = n
	}
	*r = read
	return nil
}
