package sample

import (
	"fmt"

	"gongwen/app"
)

var itemPlans = []struct {
	source  app.SourceType
	title   string
	unit    string
	ref     string
	content string
}{
	{app.SourceKeyTask, "推进老旧小区改造", "区住房和城乡建设局", "区政府工作报告重点任务第12项", "完成12个老旧小区改造，惠及居民3200户"},
	{app.SourceKeyTask, "高标准农田建设", "区农业农村局", "区政府工作报告重点任务第5项", "新建高标准农田1.2万亩"},
	{app.SourceKeyTask, "新建城东学校", "区教育局", "区政府工作报告重点任务第18项", "城东学校主体工程封顶"},
	{app.SourceSuperior, "燃气安全专项整治", "区应急管理局", "市政府办公室关于开展燃气安全专项整治的通知", "全面排查整治餐饮场所燃气隐患"},
	{app.SourceSuperior, "耕地保护督察问题整改", "区自然资源局", "省政府办公厅督察反馈意见", "完成督察反馈问题整改"},
	{app.SourceNPC, "关于增设公交线路方便群众出行的建议", "区城市管理局", "区人大十八届五次会议第23号建议", "研究增设城东至桃花镇公交线路"},
	{app.SourceNPC, "关于加强农村饮水安全的建议", "区水利局", "区人大十八届五次会议第41号建议", "推进农村供水管网改造"},
	{app.SourceCPPCC, "关于发展农村电商的提案", "区农业农村局", "区政协十届五次会议第17号提案", "建设镇级电商服务站"},
	{app.SourceCPPCC, "关于规范校外培训机构的提案", "区教育局", "区政协十届五次会议第9号提案", "开展校外培训机构专项治理"},
	{app.SourceLetter, "西湖街道某小区路灯长期不亮问题", "西湖街道", "12345热线工单第2026-0815号", "修复路灯并建立巡查机制"},
	{app.SourceLetter, "柳溪镇养殖场异味扰民问题", "柳溪镇", "群众来信第2026-112号", "督促养殖场整改，开展环境监测"},
	{app.SourceProject, "示例区人民医院新院区建设", "区卫生健康局", "区重大项目清单第3项", "完成主体工程建设"},
	{app.SourceProject, "城北污水处理厂扩建", "区水利局", "区重大项目清单第7项", "日处理能力提高到5万吨"},
	{app.SourceKeyTask, "优化营商环境“一网通办”", "区发展和改革局", "区政府工作报告重点任务第2项", "政务服务事项网上可办率达到95%"},
	{app.SourceKeyTask, "城乡低保提标", "区民政局", "区政府工作报告重点任务第22项", "城乡低保标准分别提高5%"},
	{app.SourceSuperior, "预算绩效管理改革", "区财政局", "市财政局关于全面实施预算绩效管理的通知", "实现绩效目标管理全覆盖"},
}

var progressTexts = []string{
	"已制定工作方案，明确责任分工和时间节点。",
	"已完成前期摸底调查，正在组织实施。",
	"工程（工作）进度过半，资金已拨付%d%%。",
	"遇到用地手续问题，正在协调自然资源部门办理。",
	"已完成主要任务，正在组织验收。",
}

// items makes the supervision items of the plans, some from leaders'
// instructions on documents, each with progress as far as today.
func (b *builder) items() error {
	for round := 0; round < 3; round++ {
		for i, p := range itemPlans {
			assigned := b.today.AddDays(-400 + round*150 + i*9)
			if !b.at(assigned) {
				continue
			}
			span := 30 + b.rnd.IntN(150)
			it := &app.Item{SourceType: p.source, SourceRef: p.ref, Title: p.title, Content: p.content, LeadUnit: p.unit,
				Responsible: b.pick([]string{"张局长", "王镇长", "刘主任", "陈科长"}), LeaderInCharge: leaderInCharge(p.unit),
				AssignedOn: assigned, Deadline: assigned.AddDays(span), ReportEvery: b.pick([]string{"每月", "每半月", "每周"})}
			if round > 0 {
				it.Title = fmt.Sprintf("%s（第%d批）", p.title, round+1)
			}
			if span > 90 {
				it.Stages = []app.Stage{{Name: "制定方案", Deadline: assigned.AddDays(20)}, {Name: "组织实施", Deadline: assigned.AddDays(span - 20)}}
			}
			if err := must(it.Title, b.desk.CreateItem(b.ctx, it)); err != nil {
				return err
			}
			if err := b.follow(it, i+round); err != nil {
				return must(it.Number, err)
			}
		}
	}
	return b.instructionItems()
}

// follow adds monthly progress, closes most items (some late), and visits
// a few closed ones.
func (b *builder) follow(it *app.Item, i int) error {
	ctx, k := b.ctx, b.desk
	lateness := 0
	if i%4 == 1 {
		lateness = 20 + b.rnd.IntN(30) // a lagging unit
	}
	done := it.Deadline.AddDays(lateness - b.rnd.IntN(15))
	n := 0
	for day := it.AssignedOn.AddDays(20); day.Before(done) && b.at(day); day = day.AddDays(30) {
		text := progressTexts[n%len(progressTexts)]
		if n%len(progressTexts) == 2 {
			text = fmt.Sprintf(text, 40+10*n%60)
		}
		if _, err := k.AddProgress(ctx, it.ID, day, text); err != nil {
			return err
		}
		for s := range it.Stages {
			if st := it.Stages[s]; st.DoneOn.IsZero() && st.Deadline.Before(day) && lateness == 0 {
				if _, err := k.CompleteStage(ctx, it.ID, s, day); err != nil {
					return err
				}
				it.Stages[s].DoneOn = day
			}
		}
		n++
	}
	if !b.at(done) {
		return nil
	}
	if _, err := k.CompleteItem(ctx, it.ID, it.Content+"，已全部完成并通过验收。", done); err != nil {
		return err
	}
	if it.SourceType.NeedsSatisfaction() {
		if _, err := k.RecordSatisfaction(ctx, it.ID, []app.Satisfaction{app.Satisfied, app.FairlySatisfied}[i%2], app.Date{}); err != nil {
			return err
		}
	}
	if visit := done.AddDays(30); i%5 == 0 && b.at(visit) {
		reopen := i%10 == 0
		text := "回访时群众表示满意，事项已销号。"
		if reopen {
			text = "回访发现问题有反弹，重新交办牵头单位整改。"
		}
		if _, err := k.VisitItem(ctx, it.ID, visit, text, reopen, visit.AddDays(45)); err != nil {
			return err
		}
	}
	return nil
}

// instructionItems turns the first 批示 on some recent documents into
// supervision items, as the supervision office does every week.
func (b *builder) instructionItems() error {
	docs, _, err := b.desk.Store.Documents(b.ctx, app.DocumentFilter{Direction: app.Incoming, Statuses: []app.DocStatus{app.StatusAssigned, app.StatusDone},
		From: b.today.AddDays(-150), Sort: "serial", Page: app.Page{Limit: 12}})
	if err != nil {
		return err
	}
	for i, d := range docs {
		if i%2 == 1 || d.Kind != app.KindAction || len(d.Instructions) == 0 {
			continue
		}
		b.day = d.Instructions[0].On
		if _, err := b.desk.ItemFromInstruction(b.ctx, d.ID, 0, app.Date{}); err != nil {
			return must(d.Serial, err)
		}
	}
	return nil
}

func leaderInCharge(unit string) string {
	for _, l := range leaders {
		for _, u := range l.Units {
			if u == unit {
				return l.Name
			}
		}
	}
	return "周启明"
}
