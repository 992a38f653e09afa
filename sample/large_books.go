package sample

import (
	"fmt"
	"slices"

	"gongwen/app"
)

// ---- seal requests ----

var largeSealMatters = append(append([]struct{ unit, reason, file, destination string }(nil), sealMatters...),
	[]struct{ unit, reason, file, destination string }{
		{"区民政局", "报送{y}年度社会救助资金使用情况", "社会救助资金使用情况报告", "市民政局"},
		{"区司法局", "出具行政复议决定书", "行政复议决定书", "申请人"},
		{"区自然资源局", "报批{y}年度建设用地", "建设用地报批材料", "市自然资源和规划局"},
		{"区应急管理局", "签订安全生产责任书", "{y}年度安全生产目标责任书", "各镇街"},
		{"区市场监督管理局", "报送食品安全工作总结", "{y}年食品安全工作总结", "市市场监督管理局"},
		{"区水利局", "签订河道整治工程合同", "河道整治工程施工合同", "施工单位"},
		{"区政府办公室", "报送政府信息公开年度报告", "{y}年政府信息公开工作年度报告", "市政府办公室"},
		{"区信访局", "出具信访事项答复意见书", "信访事项答复意见书", "信访人"},
		{"桃花镇", "申报美丽乡村建设项目", "美丽乡村建设项目申报书", "市农业农村局"},
		{"东城街道", "报送社区工作者招聘方案", "社区工作者招聘方案", "区人力资源和社会保障局"},
		{"区城市管理局", "签订环卫作业服务合同", "环卫作业服务合同", "服务单位"},
		{"区发展和改革局", "报送国民经济和社会发展计划执行情况", "{y}年国民经济和社会发展计划执行情况", "区人大常委会"},
	}...)

var sealContacts = []string{"钱会计", "冯科长", "褚干事", "卫主任", "蒋科员", "沈主任", "韩干事", "杨科长"}

// sealRequest makes request j of day and carries it through 提交, the
// seal's approval chain and 用印 as far as today allows; a few are
// withdrawn or refused, the newest wait at each step. The 申请编号 is taken
// on the day of the request, the 用印登记号 on the day of use.
func (g *large) sealRequest(j int, day app.Date) error {
	r := g.rSeals
	m := largeSealMatters[r.IntN(len(largeSealMatters))]
	var s app.Seal
	switch j % 10 {
	case 0, 1, 2, 3:
		s = seals[0]
	case 4, 5, 6, 7:
		s = seals[1]
	case 8:
		s = seals[2]
	default:
		s = seals[3]
	}
	y := fmt.Sprint(day.Year)
	req := &app.SealRequest{SealName: s.Name, SealKind: s.Kind, Unit: m.unit, Contact: r.pick(sealContacts),
		Phone: fmt.Sprintf("0000-68%06d", 100000+(j*37)%900000), Reason: fill(m.reason, "y", y), FileName: fill(m.file, "y", y),
		Copies: r.between(1, 5), Destination: m.destination, OffSite: j%11 == 5, RequestedOn: day}
	if err := req.Validate(); err != nil {
		return fmt.Errorf("%s：%w", req.Reason, err)
	}
	req.CreatedAt = at(day, j)
	last := day
	var used app.Date
	err := func() error {
		if day == g.today && j%3 == 0 {
			return nil // a draft not submitted yet
		}
		if err := req.Submit(s); err != nil {
			return err
		}
		if j%37 == 8 {
			return req.Withdraw()
		}
		step := day
		for i := range req.Chain {
			step = g.wd(step, 1)
			if !g.past(step) {
				return nil // waiting for this step
			}
			who := g.leader(approverFor(req.Chain[i].Role))
			last = step
			if j%29 == 6 && i == 0 {
				return req.Reject(who, step, "用印事由与所附材料不一致，请补充说明后重新申请")
			}
			if err := req.Approve(who, step, "同意。"); err != nil {
				return err
			}
		}
		use := g.wd(step, 1)
		if !g.past(use) || (j%41 == 3 && g.today.DaysUntil(day) > -60) {
			return nil // approved, not used yet
		}
		used, last = use, use
		return nil
	}()
	if err != nil {
		return fmt.Errorf("%s：%w", req.Reason, err)
	}
	req.UpdatedAt = at(last, j+30)
	save := func(tx app.Tx) error {
		if err := tx.SaveSealRequest(req); err != nil {
			return err
		}
		return g.saved(tx, app.EntitySeal, req.ID, req.CreatedAt, "张文书", "申请", req.Unit+" "+req.Reason)
	}
	g.push(day, func(tx app.Tx) error {
		n, err := next(tx, "seal:%d", day.Year)
		if err != nil {
			return err
		}
		req.Number = app.IncomingSerial(day.Year, n)
		if used.IsZero() {
			return save(tx)
		}
		g.push(used, func(tx app.Tx) error {
			n, err := next(tx, "seallog:%d", used.Year)
			if err != nil {
				return err
			}
			if err := req.MarkUsed(used, req.Copies, req.Contact, "张文书", app.IncomingSerial(used.Year, n), ""); err != nil {
				return err
			}
			return save(tx)
		})
		return nil
	})
	return nil
}

// ---- meetings ----

// plannedMeeting is a meeting made before the load starts (its decisions
// decide how many items come from meetings), written when its day comes.
type plannedMeeting struct {
	m       *app.Meeting
	created app.Date // its day, or today for one later this week
	minutes app.Date // when its minutes are issued; zero for none by today
	signer  string
	slots   []*itemSlot // the decisions that become items
}

var (
	meetingTopics = []string{"审议《示例区{s}实施方案》", "听取{u}关于{s}工作情况的汇报", "研究{s}有关问题",
		"审议《示例区{y}年{s}工作要点》"}
	meetingDecisions = []string{"原则通过《示例区{s}实施方案》，由{u}修改完善后印发实施",
		"{u}牵头抓好{s}工作，确保按期完成各项任务", "区财政局统筹安排{s}所需资金，{u}负责组织实施",
		"{u}会同有关部门研究{s}中存在的问题，提出解决方案报区政府", "同意{u}关于{s}工作的汇报，各有关单位按会议意见抓好落实"}
	absenceReasons = []string{"在省委党校学习", "带队外出招商", "参加市政府会议", "因公出差"}
)

// termOf is the 届次 of the government in year: a new one every five
// years, the current one 十八届.
func (g *large) termOf(year int) string {
	n := 18 + floorDiv(year-(g.today.Year-4), 5)
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	return "十" + digits[n%10] + "届政府"
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// planMeetings makes every meeting up front: about one a working day
// across the kinds, the last ones later this week when there are days left.
func (g *large) planMeetings() {
	r := g.rMeetings
	seqs := map[string]int{}
	var later []app.Date // working days left this week
	for d := g.today.AddDays(1); d.Weekday() != 1; d = d.AddDays(1) {
		if g.cal.IsWorkday(d) {
			later = append(later, d)
		}
	}
	n := g.sz.Meetings
	for j := 0; j < n; j++ {
		day := g.dayOf(j, n)
		planned := false
		if k := n - 1 - j; k < 2 && k < len(later) {
			day, planned = later[len(later)-1-k], true
		}
		var kind app.MeetingKind
		switch {
		case j%100 == 50:
			kind = app.MeetingPlenary
		case j%10 == 0:
			kind = app.MeetingExecutive
		case j%10 == 5:
			kind = app.MeetingMayor
		case j%10 == 3 || j%10 == 8:
			kind = app.MeetingDirectors
		default:
			kind = app.MeetingTopical
		}
		t := largeTopics[r.IntN(len(largeTopics))]
		m := &app.Meeting{Kind: kind, Date: day, Time: r.pick([]string{"上午9:00", "上午9:30", "下午2:30", "下午3:00"}), Recorder: "刘秘书"}
		pm := &plannedMeeting{m: m, created: day, signer: "王建国"}
		nTopics, nDecisions, itemChance := 1, 1, 0.0
		switch kind {
		case app.MeetingExecutive, app.MeetingPlenary:
			m.Term = g.termOf(day.Year)
			seqs[string(kind)+m.Term]++
			m.Seq = seqs[string(kind)+m.Term]
			m.Place, m.Chair = "区政府第一会议室", "王建国"
			nTopics, itemChance = r.between(2, 4), 0.8
			nDecisions = nTopics
			if kind == app.MeetingPlenary {
				m.Place, nTopics, nDecisions, itemChance = "区政府大礼堂", 2, 1, 0
			}
		case app.MeetingMayor:
			key := fmt.Sprint(kind, day.Year)
			seqs[key]++
			m.Seq = seqs[key]
			m.Place, m.Chair = "区政府第二会议室", "王建国"
			nTopics, itemChance = r.between(1, 2), 0.8
			nDecisions = nTopics
		case app.MeetingTopical:
			m.Chair = leaderInCharge(t.unit)
			m.Place = t.unit + "会议室"
			m.Attendees = []string{m.Chair, g.deputyFor(t.unit).Name}
			m.Observers = []string{t.unit + "、区财政局及有关镇街负责同志"}
			nDecisions, itemChance = r.between(1, 2), 0.4
			pm.signer = m.Chair
		case app.MeetingDirectors:
			m.Chair, m.Place = "陈志远", "区政府办公室小会议室"
			m.Attendees = []string{"陈志远", "赵丽娟", "孙海涛", "钱玉梅"}
			nTopics, nDecisions = r.between(1, 2), r.IntN(2)
			pm.signer = "陈志远"
		}
		if kind == app.MeetingExecutive || kind == app.MeetingPlenary || kind == app.MeetingMayor {
			gov := []string{"王建国", "周启明", "李晓红", "吴振华", "郑国强"}
			if j%4 == 1 {
				away := gov[2+j/4%3]
				m.Absentees = []app.Absentee{{Name: away, Reason: r.pick(absenceReasons)}}
				gov = slices.DeleteFunc(gov, func(s string) bool { return s == away })
			}
			m.Attendees = gov
			m.Observers = []string{"陈志远", "赵丽娟", "孙海涛", "钱玉梅"}
		}
		subjects := []struct{ subject, unit string }{t}
		for len(subjects) < nTopics {
			subjects = append(subjects, largeTopics[r.IntN(len(largeTopics))])
		}
		for _, s := range subjects {
			m.Topics = append(m.Topics, app.Topic{ReportingUnit: s.unit,
				Title: fill(r.pick(meetingTopics), "s", s.subject, "u", s.unit, "y", fmt.Sprint(day.Year))})
			if kind != app.MeetingDirectors && kind != app.MeetingTopical && kind != app.MeetingPlenary {
				m.Observers = append(m.Observers, s.unit+"主要负责同志")
			}
		}
		offsets := []int{15, 30, 45, 60}
		for i := 0; i < nDecisions && !planned; i++ {
			s := subjects[i%len(subjects)]
			dec := app.Decision{Content: fill(r.pick(meetingDecisions), "s", s.subject, "u", s.unit), LeadUnit: s.unit,
				Deadline: day.AddDays(offsets[r.IntN(len(offsets))])}
			if r.chance(0.3) && s.unit != "区财政局" {
				dec.CoUnits = []string{"区财政局"}
			}
			m.Decisions = append(m.Decisions, dec)
			if r.chance(itemChance) {
				pm.slots = append(pm.slots, &itemSlot{assigned: day, deadline: dec.Deadline, source: app.SourceMeeting, meeting: pm, decision: i})
			}
		}
		issue := g.wd(day, r.between(2, 5))
		needs := kind.NeedsMinutes() || (kind == app.MeetingTopical && r.chance(0.5))
		if needs && !planned && g.past(issue) {
			pm.minutes = issue
		}
		if planned {
			pm.created = g.today
		}
		g.meetings = append(g.meetings, pm)
	}
}

// meeting queues the writing of a planned meeting on its day (with the
// items of its decisions) and the issue of its minutes.
func (g *large) meeting(pm *plannedMeeting) error {
	m := pm.m
	if err := m.Validate(); err != nil {
		return fmt.Errorf("%s：%w", m.Name(), err)
	}
	_ = m.TopicsDue(g.cal) // the coverage warning does not matter here
	m.CreatedAt, m.UpdatedAt = at(pm.created, g.nextMeeting), at(pm.created, g.nextMeeting+30)
	if !pm.minutes.IsZero() {
		m.UpdatedAt = at(pm.minutes, g.nextMeeting+30)
	}
	g.push(pm.created, func(tx app.Tx) error {
		if err := tx.SaveMeeting(m); err != nil {
			return err
		}
		if err := g.saved(tx, app.EntityMeeting, m.ID, m.CreatedAt, "刘秘书", "登记会议", m.Name()); err != nil {
			return err
		}
		for _, s := range pm.slots {
			it := app.ItemFromDecision(m, m.Decisions[s.decision])
			if err := g.makeItem(tx, s, &it); err != nil {
				return err
			}
			m.Decisions[s.decision].ItemID = it.ID
		}
		if len(pm.slots) > 0 {
			if err := tx.SaveMeeting(m); err != nil {
				return err
			}
		}
		if pm.minutes.IsZero() {
			return nil
		}
		g.push(pm.minutes, func(tx app.Tx) error {
			n, err := next(tx, "minutes:%s:%d", m.Kind, pm.minutes.Year)
			if err != nil {
				return err
			}
			if err := m.IssueMinutes(n, minutesBody(m), pm.signer, pm.minutes); err != nil {
				return err
			}
			return tx.SaveMeeting(m)
		})
		return nil
	})
	return nil
}

// ---- supervision items ----

// itemSlot is one item planned up front: its days and how it ends are
// known before the load starts, so that the 100,000 progress entries can
// be shared out among the items in proportion to how long each ran.
type itemSlot struct {
	assigned, deadline app.Date
	source             app.SourceType
	meeting            *plannedMeeting // a decision's item
	decision           int
	topic              int
	stages             []app.Stage // with the days they are done (zero: not by today)
	done               app.Date    // zero: open today
	progress           int
	visit              app.Date
	satisfaction       app.Satisfaction
}

// end is the last day of the slot's work: done, or today.
func (s *itemSlot) end(today app.Date) app.Date {
	if s.done.IsZero() {
		return today
	}
	return s.done
}

var (
	freeSources = []struct {
		source  app.SourceType
		share   float64
		minDays int
		maxDays int
	}{
		{app.SourceInstruction, 0.45, 15, 60}, {app.SourceKeyTask, 0.15, 120, 300}, {app.SourceSuperior, 0.12, 30, 90},
		{app.SourceNPC, 0.07, 60, 90}, {app.SourceCPPCC, 0.07, 60, 90}, {app.SourceLetter, 0.08, 15, 30},
		{app.SourceProject, 0.04, 180, 360}, {app.SourceOther, 0.02, 30, 60},
	}
	letterPlaces = []struct{ place, unit string }{{"桃花镇某村", "桃花镇"}, {"柳溪镇某企业周边", "柳溪镇"},
		{"东城街道某路段", "东城街道"}, {"西湖街道某小区", "西湖街道"}}
	letterProblems = []string{"路灯长期不亮", "噪音扰民", "污水外溢", "道路破损", "违章搭建", "异味扰民", "停车难", "垃圾清运不及时"}
	projects       = []struct{ name, unit string }{{"示例区人民医院新院区建设", "区卫生健康局"}, {"城北污水处理厂扩建", "区水利局"},
		{"城东学校新建工程", "区教育局"}, {"城乡供水管网改造", "区水利局"}, {"农贸市场改造提升", "区市场监督管理局"},
		{"老旧小区改造", "区住房和城乡建设局"}, {"城市道路提升改造", "区城市管理局"}, {"高标准农田建设", "区农业农村局"}}
	responsibles  = []string{"张局长", "王镇长", "刘主任", "陈科长", "李局长", "赵副局长", "周主任", "吴镇长"}
	largeProgress = []string{
		"已制定工作方案，明确责任分工和时间节点。",
		"已完成前期摸底调查，正在组织实施。",
		"工作进度过半，资金已拨付{p}%。",
		"遇到用地手续问题，正在协调自然资源部门办理。",
		"已完成主要任务，正在组织验收。",
		"{u}召开专题会议研究部署，已完成阶段性任务。",
		"已完成总工作量的{p}%，预计按期完成。",
		"受天气影响进度有所滞后，已增加力量加快推进。",
		"已形成初步方案，正在征求相关部门意见。",
		"已开展现场督导检查，发现问题{n}个，已整改{k}个。",
	}
	itemResults = []string{"已按要求办结，{u}已书面报告办理结果。", "各项任务已全部完成并通过验收。",
		"已办结，经核实符合销号条件。", "{u}已完成整改并举一反三建立长效机制。"}
)

// planItems plans the items: those of meeting decisions, then as many
// others as make up the total, spread over the ten years; how each ends;
// and the share of the progress entries each gets.
func (g *large) planItems() error {
	r := g.rItems
	var fromMeetings []*itemSlot
	for _, pm := range g.meetings {
		fromMeetings = append(fromMeetings, pm.slots...)
	}
	if over := len(fromMeetings) - g.sz.Items/2; over > 0 { // keep most items from other sources
		for i := len(g.meetings) - 1; i >= 0 && over > 0; i-- {
			pm := g.meetings[i]
			for len(pm.slots) > 0 && over > 0 {
				pm.slots, over = pm.slots[:len(pm.slots)-1], over-1
			}
		}
		fromMeetings = fromMeetings[:0]
		for _, pm := range g.meetings {
			fromMeetings = append(fromMeetings, pm.slots...)
		}
	}
	free := g.sz.Items - len(fromMeetings)
	slots := make([]*itemSlot, 0, g.sz.Items)
	slots = append(slots, fromMeetings...)
	for j := 0; j < free; j++ {
		s := &itemSlot{assigned: g.dayOf(j, free), topic: r.IntN(len(largeTopics))}
		x, acc := r.Float64(), 0.0
		for _, fs := range freeSources {
			acc += fs.share
			s.source = fs.source
			if x < acc {
				s.deadline = s.assigned.AddDays(r.between(fs.minDays, fs.maxDays))
				break
			}
		}
		if s.deadline.IsZero() {
			s.deadline = s.assigned.AddDays(30)
		}
		slots = append(slots, s)
	}
	slices.SortStableFunc(slots, func(a, b *itemSlot) int { return a.assigned.Compare(b.assigned) })

	weights := make([]int, len(slots))
	caps := make([]int, len(slots))
	total := 0
	for j, s := range slots {
		span := s.assigned.DaysUntil(s.deadline)
		late, lateness, early := r.chance(0.22), r.between(5, 60), r.IntN(min(10, span/3)+1)
		s.done = s.deadline.AddDays(-early)
		if late {
			s.done = s.deadline.AddDays(lateness)
		}
		if age := s.assigned.DaysUntil(g.today); j%331 == 17 && age > 200 && age < 730 {
			s.done = app.Date{} // a long-overdue item
		}
		if !g.past(s.done) {
			s.done = app.Date{}
		}
		if span > 90 {
			first, second := s.assigned.AddDays(20), s.deadline.AddDays(-20)
			s.stages = []app.Stage{{Name: "制定方案", Deadline: first}, {Name: "组织实施", Deadline: second}}
			for i := range s.stages {
				on := s.stages[i].Deadline.AddDays(-r.IntN(4))
				if late {
					on = s.stages[i].Deadline.AddDays(lateness / 2)
				}
				if g.past(on) && (s.done.IsZero() || on.Before(s.done)) {
					s.stages[i].DoneOn = on
				}
			}
		}
		if s.source.NeedsSatisfaction() {
			s.satisfaction = []app.Satisfaction{app.Satisfied, app.FairlySatisfied}[r.IntN(2)]
		}
		if visit := s.done.AddDays(30); !s.done.IsZero() && j%9 == 0 && g.past(visit) {
			s.visit = visit
		}
		w := s.assigned.DaysUntil(s.end(g.today))
		weights[j], caps[j] = w, min(12, w/7)
		total += w
	}
	// the progress entries in proportion to each item's days, within what
	// its days allow (one a week at most), the rest handed out in turn
	left := g.sz.Progress
	for j, s := range slots {
		if total > 0 {
			s.progress = min(caps[j], int(int64(g.sz.Progress)*int64(weights[j])/int64(total)))
		}
		left -= s.progress
	}
	for left > 0 {
		gave := false
		for j, s := range slots {
			if left > 0 && s.progress < caps[j] {
				s.progress++
				left--
				gave = true
			}
		}
		if !gave {
			return app.Errorf(app.EINTERNAL, "大型示例数据：督办事项的时间不够容纳%d条进展", g.sz.Progress)
		}
	}
	g.slots = slots
	return nil
}

// freeItem queues an item not made from a meeting: from a recent 批示 when
// there is one to take, else from the other sources.
func (g *large) freeItem(s *itemSlot) {
	g.push(s.assigned, func(tx app.Tx) error {
		t := largeTopics[s.topic]
		y := s.assigned.Year
		var it app.Item
		if s.source == app.SourceInstruction {
			for i := len(g.instructed) - 1; i >= 0; i-- {
				d := g.instructed[i]
				if in := d.Instructions[0]; !in.On.After(s.assigned) {
					it = app.ItemFromInstruction(d, in, s.deadline)
					it.AssignedOn = s.assigned // registered by the supervision office that day
					g.instructed = slices.Delete(g.instructed, i, i+1)
					break
				}
			}
			if it.Title == "" {
				s.source = app.SourceSuperior
			}
		}
		ref := func(format string) string {
			key := fmt.Sprint(s.source, y)
			g.docNos[key]++
			return fill(format, "y", fmt.Sprint(y), "n", fmt.Sprint(g.docNos[key]))
		}
		switch s.source {
		case app.SourceInstruction:
		case app.SourceKeyTask:
			it = app.Item{Title: "推进" + t.subject, Content: fmt.Sprintf("按照区政府工作报告部署，%d年完成%s各项目标任务", y, t.subject),
				SourceRef: ref("{y}年区政府工作报告重点任务第{n}项"), LeadUnit: t.unit}
		case app.SourceSuperior:
			sup := largeSuperiors[s.topic%len(largeSuperiors)].name
			it = app.Item{Title: "落实上级" + t.subject + "工作部署", Content: "按照上级部署要求抓好" + t.subject + "工作",
				SourceRef: sup + "关于做好" + t.subject + "工作的通知", LeadUnit: t.unit}
		case app.SourceNPC:
			it = app.Item{Title: "关于" + t.subject + "的建议", Content: "研究办理代表关于" + t.subject + "的建议，按时答复代表",
				SourceRef: ref("{y}年区人代会第{n}号建议"), LeadUnit: t.unit}
		case app.SourceCPPCC:
			it = app.Item{Title: "关于" + t.subject + "的提案", Content: "研究办理委员关于" + t.subject + "的提案，按时答复委员",
				SourceRef: ref("{y}年区政协全会第{n}号提案"), LeadUnit: t.unit}
		case app.SourceLetter:
			p := letterPlaces[s.topic%len(letterPlaces)]
			problem := letterProblems[s.topic%len(letterProblems)]
			it = app.Item{Title: p.place + problem + "问题", Content: "核查" + p.place + problem + "问题，限期整改并答复群众",
				SourceRef: ref("12345热线工单第{y}-{n}号"), LeadUnit: p.unit}
		case app.SourceProject:
			p := projects[s.topic%len(projects)]
			it = app.Item{Title: fmt.Sprintf("%s（%d年）", p.name, y), Content: "按计划推进" + p.name + "，确保完成年度投资和形象进度",
				SourceRef: ref("区重大项目清单（{y}年）第{n}项"), LeadUnit: p.unit}
		default:
			it = app.Item{Title: t.subject + "相关工作", Content: "做好" + t.subject + "相关工作", SourceRef: "区政府办公室交办", LeadUnit: t.unit}
		}
		if s.source != app.SourceInstruction {
			it.SourceType, it.AssignedOn, it.Deadline = s.source, s.assigned, s.deadline
			it.LeaderInCharge = leaderInCharge(it.LeadUnit)
			it.ReportEvery = []string{"每月", "每半月", "每周"}[s.topic%3]
		}
		return g.makeItem(tx, s, &it)
	})
}

// makeItem gives the item of slot s its number, stages, progress and end,
// and writes it.
func (g *large) makeItem(tx app.Tx, s *itemSlot, it *app.Item) error {
	it.Responsible = responsibles[(s.topic+int(s.assigned.Month))%len(responsibles)]
	for _, st := range s.stages {
		it.Stages = append(it.Stages, app.Stage{Name: st.Name, Deadline: st.Deadline})
	}
	if err := it.Validate(); err != nil {
		return fmt.Errorf("%s：%w", it.Title, err)
	}
	it.Year = it.AssignedOn.Year
	n, err := next(tx, "item:%d", it.Year)
	if err != nil {
		return err
	}
	it.Seq, it.Number = n, app.ItemNumber(it.Year, n)
	end := s.end(g.today)
	w := it.AssignedOn.DaysUntil(end)
	last := it.AssignedOn
	for i := 0; i < s.progress; i++ {
		on := it.AssignedOn.AddDays((i + 1) * w / (s.progress + 1))
		text := fill(largeProgress[(s.topic+i)%len(largeProgress)], "u", it.LeadUnit, "p", fmt.Sprint(30+(i*17+s.topic)%65),
			"n", fmt.Sprint(3+i%5), "k", fmt.Sprint(1+i%3))
		if err := it.AddProgress(app.Progress{On: on, Text: text, Operator: "孙督查"}); err != nil {
			return fmt.Errorf("%s：%w", it.Title, err)
		}
		last = on
	}
	for i, st := range s.stages {
		if !st.DoneOn.IsZero() {
			if err := it.CompleteStage(i, st.DoneOn); err != nil {
				return err
			}
		}
	}
	if !s.done.IsZero() {
		result := fill(itemResults[s.topic%len(itemResults)], "u", it.LeadUnit)
		if err := it.Complete(result, s.done); err != nil {
			return fmt.Errorf("%s：%w", it.Title, err)
		}
		last = s.done
		if s.satisfaction != "" {
			if err := it.RecordSatisfaction(s.satisfaction, s.done, app.Date{}); err != nil {
				return err
			}
		}
		if !s.visit.IsZero() {
			if err := it.Visit(s.visit, "回访时牵头单位和群众表示满意，事项已销号。", false, app.Date{}); err != nil {
				return err
			}
			last = s.visit
		}
	}
	it.CreatedAt, it.UpdatedAt = at(it.AssignedOn, n), at(last, n+30)
	if err := tx.SaveItem(it); err != nil {
		return err
	}
	return g.saved(tx, app.EntityItem, it.ID, it.CreatedAt, "孙督查", "立项", it.Number+" "+it.Title)
}
