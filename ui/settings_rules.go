package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"gongwen/ui/widgets"
)

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
