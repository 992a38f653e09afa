package sample

import (
	"fmt"
	"strings"

	"gongwen/app"
)

type meetingPlan struct {
	kind      app.MeetingKind
	seq       int
	daysAgo   int // negative: later this week
	place     string
	topics    []app.Topic
	decisions []app.Decision // Deadline holds days after the meeting in Day
}

var meetingPlans = []meetingPlan{
	{app.MeetingExecutive, 12, 95, "区政府第一会议室",
		[]app.Topic{{Title: "审议《示例区冬季供暖保障工作方案》", ReportingUnit: "区住房和城乡建设局"}, {Title: "研究老旧小区改造资金安排", ReportingUnit: "区财政局"}},
		[]app.Decision{{Content: "原则通过《示例区冬季供暖保障工作方案》，由区住建局修改完善后以区政府办公室名义印发", LeadUnit: "区住房和城乡建设局"},
			{Content: "区财政局统筹安排老旧小区改造配套资金，按工程进度及时拨付到位", LeadUnit: "区财政局", CoUnits: []string{"区住房和城乡建设局"}}}},
	{app.MeetingExecutive, 13, 60, "区政府第一会议室",
		[]app.Topic{{Title: "听取全区安全生产工作情况汇报", ReportingUnit: "区应急管理局"}, {Title: "审议《示例区优化营商环境若干措施》", ReportingUnit: "区发展和改革局"}},
		[]app.Decision{{Content: "区应急局牵头开展燃气安全专项整治，对排查出的隐患逐项整改销号", LeadUnit: "区应急管理局", CoUnits: []string{"区住房和城乡建设局", "区市场监督管理局"}},
			{Content: "区发改局按会议意见修改营商环境措施，提请区委常委会审定", LeadUnit: "区发展和改革局"},
			{Content: "各镇街落实秸秆禁烧网格化管理责任", LeadUnit: "区农业农村局", CoUnits: []string{"桃花镇", "柳溪镇"}}}},
	{app.MeetingMayor, 7, 40, "区政府第二会议室",
		[]app.Topic{{Title: "研究桃花镇农贸市场改造问题", ReportingUnit: "桃花镇"}},
		[]app.Decision{{Content: "桃花镇农贸市场改造纳入年度民生实事，由桃花镇负责实施", LeadUnit: "桃花镇", CoUnits: []string{"区市场监督管理局"}}}},
	{app.MeetingExecutive, 14, 20, "区政府第一会议室",
		[]app.Topic{{Title: "审议《示例区2027年政府投资项目计划（草案）》", ReportingUnit: "区发展和改革局"}, {Title: "研究城市内涝治理工程", ReportingUnit: "区城市管理局"}},
		[]app.Decision{{Content: "区发改局修改完善政府投资项目计划，提交区人大常委会审议", LeadUnit: "区发展和改革局"},
			{Content: "区城管局牵头编制城市内涝治理三年行动计划", LeadUnit: "区城市管理局", CoUnits: []string{"区水利局"}}}},
	{app.MeetingTopical, 0, 12, "区应急管理局会议室",
		[]app.Topic{{Title: "冬春火灾防控工作调度", ReportingUnit: "区消防救援大队"}},
		[]app.Decision{{Content: "区消防救援大队对人员密集场所开展全覆盖检查", LeadUnit: "区消防救援大队"}}},
	{app.MeetingDirectors, 0, 6, "区政府办公室小会议室",
		[]app.Topic{{Title: "安排年底收文清理和归档工作", ReportingUnit: "区政府办公室"}}, nil},
	{app.MeetingExecutive, 15, -2, "区政府第一会议室",
		[]app.Topic{{Title: "审议《示例区2027年重点工作任务分解方案》", ReportingUnit: "区政府办公室"}, {Title: "研究年底前债务化解工作", ReportingUnit: "区财政局"}}, nil},
}

// decisionDays is how long after the meeting each decision is due.
var decisionDays = []int{15, 30, 45}

// meetings holds the seven planned meetings, with minutes for those that
// need them and a supervision item for each decision.
func (b *builder) meetings() error {
	people := []string{"王建国", "周启明", "吴振华", "郑国强"}
	for _, p := range meetingPlans {
		day := b.today.AddDays(-p.daysAgo)
		for !b.desk.Calendar().IsWorkday(day) {
			day = day.AddDays(1)
		}
		b.day = day
		if day.After(b.today) { // a meeting later this week is planned today
			b.day = b.today
		}
		m := &app.Meeting{Kind: p.kind, Term: "十八届政府", Seq: p.seq, Date: day, Time: "上午9:00", Place: p.place,
			Chair: "王建国", Recorder: "刘秘书", Topics: p.topics}
		switch p.kind {
		case app.MeetingTopical:
			m.Term, m.Chair = "", "郑国强"
			m.Attendees = []string{"郑国强", "钱玉梅"}
			m.Observers = []string{"区应急管理局、区消防救援大队、区住房和城乡建设局、区市场监督管理局负责同志"}
		case app.MeetingDirectors:
			m.Term, m.Chair = "", "陈志远"
			m.Attendees = []string{"陈志远", "赵丽娟", "孙海涛", "钱玉梅"}
		default:
			m.Absentees = []app.Absentee{{Name: "李晓红", Reason: "在省委党校学习"}}
			m.Attendees = people[:4]
			m.Observers = []string{"陈志远", "赵丽娟", "孙海涛", "钱玉梅", "区发展和改革局局长 欧阳明", "区财政局局长 司马青",
				"区住房和城乡建设局局长 上官文", "区应急管理局局长 诸葛晓峰", "区审计局局长 皇甫琳"}
		}
		for i, d := range p.decisions {
			d.Deadline = day.AddDays(decisionDays[i%len(decisionDays)])
			m.Decisions = append(m.Decisions, d)
		}
		if _, err := b.desk.SaveMeeting(b.ctx, m); err != nil {
			return must(m.Name(), err)
		}
		if day.After(b.today) {
			continue
		}
		for _, d := range m.Decisions {
			if _, err := b.desk.DecisionToItem(b.ctx, m.ID, d.Seq); err != nil {
				return must(m.Name(), err)
			}
		}
		issued := b.workdays(day, 3)
		if p.kind.NeedsMinutes() && b.at(issued) {
			if _, err := b.desk.IssueMinutes(b.ctx, m.ID, minutesBody(m), "王建国", issued); err != nil {
				return must(m.Name(), err)
			}
		}
	}
	return nil
}

// topicNotes is what the minutes say of each topic of the planned
// meetings: what was heard and what the meeting thought and asked.
var topicNotes = map[string]string{
	"审议《示例区冬季供暖保障工作方案》":        "会议审议了区住房和城乡建设局起草的《示例区冬季供暖保障工作方案》。会议认为，方案对热源调度、管网抢修和困难群众取暖作了具体安排，总体可行。会议要求，区住建局要督促供热企业在11月上旬完成管网试压，对老旧小区逐户排查室温不达标问题，开通24小时供热服务热线。",
	"研究老旧小区改造资金安排":             "会议听取了区财政局关于老旧小区改造资金筹措情况的汇报。今年全区计划改造老旧小区23个，总投资1.86亿元，其中上级补助资金已到位9200万元，区级配套尚有缺口。会议同意通过调整年度预算和争取专项债券相结合的方式解决配套资金，确保改造工程不因资金停工。",
	"听取全区安全生产工作情况汇报":           "会议听取了区应急管理局关于全区安全生产形势的汇报。前三季度全区未发生较大以上生产安全事故，但燃气、电动自行车充电和建筑施工领域隐患仍较突出，9月份以来群众反映燃气安全问题的来电有所增加。会议强调，各镇街、各部门要坚持“管行业必须管安全”，把燃气安全作为今冬明春的重点。",
	"审议《示例区优化营商环境若干措施》":        "会议审议了区发展和改革局起草的《示例区优化营商环境若干措施》。与会人员认为，措施中“一件事一次办”和涉企检查“综合查一次”的内容务实管用，但部分条款与市里新出台的政策衔接不够，个别承诺时限缺乏部门支撑。会议原则同意措施的总体框架。",
	"研究桃花镇农贸市场改造问题":            "会议听取了桃花镇关于农贸市场改造前期工作的汇报。该市场建于1998年，排水不畅、摊位拥挤，群众多次通过12345热线反映。会议认为，改造工作群众期盼、条件成熟，同意纳入区政府年度民生实事，改造期间要设置临时疏解点，保障群众日常买菜不受影响。",
	"审议《示例区2027年政府投资项目计划（草案）》": "会议审议了区发展和改革局提交的《示例区2027年政府投资项目计划（草案）》。草案共安排项目46个，年度计划投资12.4亿元，其中续建项目19个、新开工项目27个。会议指出，要坚持尽力而为、量力而行，优先保障在建项目和民生项目，严控新增隐性债务。",
	"研究城市内涝治理工程":               "会议听取了区城市管理局关于今年汛期城区积水情况和内涝治理思路的汇报。今年7月两次强降雨造成城区11处道路积水，其中解放路下穿通道积水最深达60厘米。会议同意按照“先急后缓、分年实施”的原则推进内涝治理，请区水利局在排涝泵站改造方面给予技术支持。",
	"冬春火灾防控工作调度":               "会议听取了区消防救援大队关于冬春火灾防控工作的情况汇报。入冬以来全区共接报火警37起，多数由电气线路老化和违规使用取暖器引起。会议要求，各成员单位要聚焦人员密集场所、“九小场所”和独居老人家庭，开展消防安全检查和宣传提醒。",
	"安排年底收文清理和归档工作":            "会议研究了年底收文清理和文书归档工作。截至目前，办公室今年登记收文1,800余件，尚有部分文件未办结或未退回。会议要求各科室在12月20日前完成在办文件清理，文书档案按件整理后移交档案室。",
}

// minutesBody writes the minutes' text from the topics and decisions, with
// the heading levels of GB/T 9704 (一、 （一） 1.): each topic under its
// own heading with what was said of it, then the decisions, each with its
// lead unit and its one deadline.
func minutesBody(m *app.Meeting) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s，%s同志在%s主持召开%s", m.Date.Chinese(), m.Chair, m.Place, m.Name())
	if len(m.Topics) > 0 {
		fmt.Fprintf(&sb, "，研究了%d个议题", len(m.Topics))
	}
	if len(m.Decisions) > 0 {
		sb.WriteString("。现将会议议定事项纪要如下：\n")
	} else {
		sb.WriteString("。现纪要如下：\n")
	}
	n := 0
	heading := func(text string) {
		n++
		fmt.Fprintf(&sb, "%s、%s\n", app.ChineseNumeral(n), text)
	}
	for i, t := range m.Topics {
		heading(t.Title)
		notes := topicNotes[t.Title]
		if notes == "" {
			notes = topicParagraph(m, i, t)
		}
		sb.WriteString(notes + "\n")
	}
	if len(m.Decisions) > 0 {
		heading("会议议定事项")
		for i, d := range m.Decisions {
			fmt.Fprintf(&sb, "（%s）%s\n", app.ChineseNumeral(i+1), d.MinutesText())
		}
	}
	return strings.TrimSpace(sb.String())
}

// What the minutes of the large office say of a topic: how the meeting
// heard it, what it thought and what it asked, picked so that no two
// topics of a meeting read alike.
var (
	topicHeard = []string{
		"会议听取了{u}关于{t}的情况汇报。",
		"会议听取了{u}的汇报，对{t}进行了研究。",
		"{u}主要负责同志汇报了{t}的进展情况和下一步打算。",
	}
	topicThought = []string{
		"会议认为，{u}前期工作扎实，目标明确、措施具体，符合我区实际。",
		"会议指出，这项工作推进中仍存在进度不均衡、部门协同不够等问题，必须引起重视。",
		"会议认为，这项工作群众关注度高，要坚持问题导向，稳妥有序推进。",
		"会议指出，当前各项准备工作已基本就绪，关键在于抓好落实。",
		"与会人员围绕资金保障、用地和工期安排等问题进行了讨论。",
	}
	topicAsked = []string{
		"会议要求，{u}要会同有关部门细化任务分工，明确责任人和时间表，每月向区政府报告进展。",
		"会议强调，各有关单位要加强协作配合，遇有重大问题及时报区政府研究。",
		"会议要求，要把握好时间节点，加强调度督导，确保年度目标任务如期完成。",
		"会议要求，{u}要认真吸收与会人员意见，进一步修改完善后按程序报批。",
	}
)

func topicParagraph(m *app.Meeting, i int, t app.Topic) string {
	seed := m.Date.Day + int(m.Date.Month) + m.Seq
	subject := strings.TrimPrefix(strings.TrimPrefix(t.Title, "研究"), "审议")
	if _, rest, ok := strings.Cut(subject, "关于"); ok && strings.HasPrefix(t.Title, "听取") {
		subject = strings.TrimSuffix(strings.TrimSuffix(rest, "的汇报"), "工作情况")
	}
	pick := func(pool []string, k int) string {
		return fill(pool[(seed+i*k)%len(pool)], "u", t.ReportingUnit, "t", subject)
	}
	return pick(topicHeard, 1) + pick(topicThought, 2) + pick(topicAsked, 3)
}
