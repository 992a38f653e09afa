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
			{Content: "区财政局统筹安排老旧小区改造配套资金，11月底前拨付到位", LeadUnit: "区财政局", CoUnits: []string{"区住房和城乡建设局"}}}},
	{app.MeetingExecutive, 13, 60, "区政府第一会议室",
		[]app.Topic{{Title: "听取全区安全生产工作情况汇报", ReportingUnit: "区应急管理局"}, {Title: "审议《示例区优化营商环境若干措施》", ReportingUnit: "区发展和改革局"}},
		[]app.Decision{{Content: "区应急局牵头开展燃气安全专项整治，限期完成隐患整改", LeadUnit: "区应急管理局", CoUnits: []string{"区住房和城乡建设局", "区市场监督管理局"}},
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
				"区住房和城乡建设局局长 上官文", "区应急管理局局长 诸葛亮亮", "区审计局局长 皇甫琳"}
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

// minutesBody writes the minutes' text from the topics and decisions, with
// the heading levels of GB/T 9704 (一、 （一） 1.).
func minutesBody(m *app.Meeting) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s，%s同志在%s主持召开%s，研究了%d个议题。现将会议议定事项纪要如下：\n",
		m.Date.Chinese(), m.Chair, m.Place, m.Name(), len(m.Topics))
	numerals := []string{"一", "二", "三", "四", "五", "六", "七", "八", "九"}
	for i, t := range m.Topics {
		fmt.Fprintf(&sb, "%s、%s\n", numerals[i%9], strings.Trim(t.Title, "《》"))
		fmt.Fprintf(&sb, "会议听取了%s的汇报。会议认为，这项工作事关全区经济社会发展大局和人民群众切身利益，各有关单位要提高政治站位，压实工作责任，确保各项任务落地见效。\n", t.ReportingUnit)
	}
	if len(m.Decisions) > 0 {
		fmt.Fprintf(&sb, "%s、会议议定事项\n", numerals[len(m.Topics)%9])
		for i, d := range m.Decisions {
			fmt.Fprintf(&sb, "（%s）%s，%s前完成。\n", numerals[i%9], d.Content, d.Deadline.Chinese())
		}
	}
	return strings.TrimSpace(sb.String())
}
