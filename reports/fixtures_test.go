package reports

import (
	"fmt"
	"strings"
	"time"

	"gongwen/app"
)

// The sample office and its paper: long 批示, a 330-character paragraph,
// names with rare characters (喆 堃 镕 玥, and 𠮷 outside the BMP),
// classified documents, a crowded meeting and a month of 300 items.

var sampleSettings = app.Settings{
	OrgName: "示例区人民政府办公室", DistrictName: "示例区", FondsCode: "Z109", OrgCode: "BGS",
	IssuingCodes: []app.IssuingCode{{Code: "示府发", Body: app.IssuerGovernment}, {Code: "示府函", Body: app.IssuerGovernment},
		{Code: "示府办发", Body: app.IssuerOffice}},
}

// longParagraph is a 330-character paragraph of an instruction or minutes.
var longParagraph = func() string {
	base := "各街道办事处、区政府各部门要切实提高政治站位，深刻认识做好年终岁末安全生产工作的重要性和紧迫性，坚持人民至上、生命至上，" +
		"统筹发展和安全，严格落实属地管理责任、部门监管责任和企业主体责任，聚焦道路交通、消防、燃气、建筑施工、危险化学品等重点行业领域，" +
		"全面开展隐患排查整治，做到排查不留死角、整改不留后患；要加强应急值守，严格执行领导带班和24小时值班制度，遇有重大情况及时报告，" +
		"确保全区安全形势持续稳定。对工作不力、推诿扯皮、造成严重后果的，依规依纪严肃追究相关单位和人员责任。"
	r := []rune(base)
	for len(r) < 330 {
		r = append(r, []rune("区政府督查室将适时组织开展专项督查，并通报结果。")...)
	}
	return string(r[:329]) + "。"
}()

const rareNames = "张喆、王堃、朱镕、李玥、吉𠮷"

func sampleIncoming() *app.Document {
	return &app.Document{
		ID: 1, Direction: app.Incoming, Status: app.StatusAssigned, Serial: "2026-0007", Year: 2026,
		DocNo: "市府办发〔2026〕3号", Title: "市人民政府办公室关于做好2026年元旦春节期间安全生产和安全防范工作的通知",
		FromUnit: "市人民政府办公室", ReceivedOn: app.D(2026, 1, 5), WrittenOn: app.D(2026, 1, 4),
		Copies: 2, Pages: 8, Attachments: "1. 重点检查事项清单；2. 值班安排表", Secrecy: app.SecrecyNone,
		Urgency: app.UrgencyVeryUrgent, Kind: app.KindAction,
		Proposal:   "拟呈王喆区长、李堃常务副区长阅示，由区应急管理局牵头，会同区公安分局、区住房城乡建设局等单位抓好落实，于1月12日前报送工作方案。",
		ProposedBy: "秘书科 朱镕", ProposedOn: app.D(2026, 1, 5),
		Instructions: []app.Instruction{
			{Leader: "王喆", Role: app.RoleMayor, Text: "请李堃同志牵头研究落实。" + longParagraph, On: app.D(2026, 1, 6)},
			{Leader: "李堃", Role: app.RoleExecutiveVice, Text: "请应急局按王区长批示要求，抓紧制定方案，1月12日前报我。", On: app.D(2026, 1, 6)},
		},
		LeadUnit: "区应急管理局", CoUnits: []string{"区公安分局", "区住房城乡建设局", "区市场监管局"},
		LimitWorkdays: 5, DueOn: app.D(2026, 1, 12),
		Circulations: []app.Circulation{
			{Seq: 1, Reader: "王喆", SentOn: app.D(2026, 1, 6), ReturnedOn: app.D(2026, 1, 6), Comment: "已阅，见批示"},
			{Seq: 2, Reader: "李堃", SentOn: app.D(2026, 1, 6)},
		},
		Remarks: "原件存秘书科；吉𠮷同志电话通知到位。",
	}
}

// sampleBlank is a document just registered: nothing to print but room.
func sampleBlank() *app.Document {
	return &app.Document{
		ID: 2, Direction: app.Incoming, Status: app.StatusRegistered, Serial: "2026-0031", Year: 2026,
		DocNo: "省政办函〔2026〕12号", Title: "关于开展2026年度政务公开第三方评估的函", FromUnit: "省人民政府办公厅",
		ReceivedOn: app.D(2026, 2, 3), Copies: 1, Secrecy: app.SecrecyConfid, Urgency: app.UrgencyUrgent, Kind: app.KindAction,
	}
}

func sampleOutgoing() *app.Document {
	return &app.Document{
		ID: 3, Direction: app.Outgoing, Status: app.StatusIssued, Serial: "示府办发〔2026〕5号", Year: 2026,
		DocNo: "示府办发〔2026〕5号", Title: "示例区人民政府办公室关于印发《示例区2026年政务服务“一网通办”工作要点》的通知",
		Secrecy: app.SecrecySecret, Urgency: app.UrgencyNormal, Kind: app.KindAction,
		IssuingCode: "示府办发", DraftUnit: "区政务服务中心", Drafter: "赵玥", DraftedOn: app.D(2026, 1, 8),
		CheckedBy: "朱镕", CheckedOn: app.D(2026, 1, 9),
		Reviews: []app.Review{
			{Leader: "孙堃", Role: app.RoleDeputyDirector, On: app.D(2026, 1, 9), Opinion: "文字已核，建议第三部分压缩篇幅。"},
			{Leader: "周喆", Role: app.RoleOfficeDirector, On: app.D(2026, 1, 10), Opinion: "同意，呈签。"},
		},
		Signer: "周喆", SignedOn: app.D(2026, 1, 10),
		MainTo: "各街道办事处，区政府各部门、各直属机构", CopyTo: "区委办公室，区人大常委会办公室，区政协办公室",
		Countersign: []string{"区数据局", "区司法局"}, IssuedOn: app.D(2026, 1, 12), PrintCount: 60, Copies: 60, Pages: 6,
	}
}

func sampleSealRequest() *app.SealRequest {
	return &app.SealRequest{
		ID: 1, Number: "2026-0012", Status: app.SealApproved, SealName: "示例区人民政府办公室印章", SealKind: app.SealOffice,
		Unit: "区政府办公室秘书科", Contact: "吉𠮷", Phone: "0571-8888 6666", Reason: "报送2025年度政府信息公开工作年度报告，需加盖办公室印章。",
		FileName: "示例区人民政府办公室2025年政府信息公开工作年度报告", Copies: 3, Destination: "市人民政府办公室", RequestedOn: app.D(2026, 1, 20),
		Chain: []app.ApprovalStep{{Role: app.RoleDeputyDirector, Action: "审核"}, {Role: app.RoleOfficeDirector, Action: "审签"}},
		Approvals: []app.Approval{
			{Step: 1, Role: app.RoleDeputyDirector, Action: "审核", Approver: "孙堃", On: app.D(2026, 1, 20), Opinion: "同意用印。"},
		},
	}
}

func sampleSealLog(n int) []app.SealRequest {
	seals := []string{"示例区人民政府印章", "示例区人民政府办公室印章", "区政府党组印章"}
	units := []string{"区政府办公室秘书科", "区发展和改革局", "区财政局", "区应急管理局", "桃花镇人民政府", "区教育局"}
	var out []app.SealRequest
	for i := 0; i < n; i++ {
		d := app.D(2026, 1, 5).AddDays(i / 3)
		out = append(out, app.SealRequest{
			Number: fmt.Sprintf("2026-%04d", i+1), Status: app.SealUsed, SealName: seals[i%3], Unit: units[i%len(units)],
			Reason:   []string{"报送年度工作总结", "签订政府采购合同（第" + fmt.Sprint(i+1) + "号）", "出具情况说明", "报送" + rareNames + "等同志的推荐材料"}[i%4],
			FileName: "文件", Copies: 1 + i%5, RequestedOn: d, UsedOn: d, UsedCount: 1 + i%5, LogNo: fmt.Sprintf("YY2026-%03d", i+1),
			Approvals: []app.Approval{{Approver: []string{"王喆", "周喆", "李堃"}[i%3]}}, Handler: "朱镕", Witness: "赵玥",
			Remarks: map[bool]string{true: "异地用印", false: ""}[i%7 == 3],
		})
	}
	return out
}

func sampleMeeting(attendees int) *app.Meeting {
	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
	given := []string{"喆", "堃", "镕", "玥", "建国", "海燕", "卫东", "晓明", "丽华", "志强", "𠮷祥", "文博"}
	posts := []string{"区发展和改革局局长", "区财政局局长", "区教育局局长", "区公安分局局长", "区应急管理局局长", "桃花镇镇长", "区住房城乡建设局局长", "区卫生健康局局长"}
	var att []string
	for i := 0; i < attendees; i++ {
		att = append(att, string(surnames[i%len(surnames)])+given[i%len(given)])
	}
	var obs []string
	for i, p := range posts {
		obs = append(obs, p+string(surnames[(i+40)%len(surnames)])+given[(i+3)%len(given)])
	}
	body := strings.Join([]string{
		"2026年1月8日上午，区长王喆主持召开十八届区政府第5次常务会议，研究安全生产、民生实事和重点项目推进等工作。纪要如下：",
		"一、关于年终岁末安全生产工作",
		"会议听取了区应急管理局关于年终岁末安全生产工作的汇报。去年12月以来，全区开展安全生产隐患排查整治，检查生产经营单位1,260家，" +
			"发现并整改隐患3,418处，关停取缔非法违法生产经营场所17处。会议认为，全区安全生产形势总体平稳，但燃气、消防和道路交通领域风险仍然突出，" +
			"节日期间人员流动和生产经营活动增多，稍有松懈就可能酿成事故。会议强调，各街道办事处、区政府各部门要坚持人民至上、生命至上，" +
			"严格落实属地管理责任、部门监管责任和企业主体责任，严格执行领导带班和24小时值班制度，遇有重大情况及时报告。",
		"（一）压实安全责任。各街道、各部门主要负责同志要亲自部署、亲自检查，层层压实责任。",
		"（二）强化隐患整治。对排查发现的问题建立台账、限期整改、逐项销号，整改不到位的不得恢复生产经营；" +
			"对拒不整改的单位依法从严查处，并在全区范围内通报。区应急管理局要会同有关部门于春节前组织一次联合督查。",
		"1. 道路交通。由区公安分局牵头，开展酒驾醉驾专项整治。",
		"2. 燃气安全。由区住房城乡建设局牵头，完成老旧管网改造（1）期工程。",
		"二、关于2026年民生实事项目",
		"会议原则同意区发展和改革局提出的2026年十项民生实事项目安排，请各牵头单位细化方案，于1月20日前报区政府办公室（督查室）。" +
			"会议强调，民生实事要“件件有着落、事事有回音”，项目资金由区财政局统筹保障。",
		"三、关于桃花镇污水处理厂提标改造项目",
		"会议同意桃花镇污水处理厂提标改造项目按程序报批，总投资约1.2亿元（含配套管网3.5km），请桃花镇、区生态环境分局抓紧推进。",
	}, "\n")
	return &app.Meeting{
		ID: 5, Kind: app.MeetingExecutive, Term: "十八届区政府", Seq: 5, Date: app.D(2026, 1, 8), Time: "上午9:00",
		Place: "区政府第一会议室", Chair: "王喆", Attendees: att, Observers: obs,
		Absentees: []app.Absentee{{Name: "李堃", Reason: "参加市政府专题会议"}, {Name: "吉𠮷", Reason: "病假"}, {Name: "张玥", Reason: "带队赴对口帮扶地区考察"}},
		Recorder:  "朱镕",
		Minutes: app.Minutes{Year: 2026, Number: 5, Title: "十八届区政府第5次常务会议纪要", Body: body, Signer: "王喆", IssuedOn: app.D(2026, 1, 9),
			CopyTo: "区委各常委，区人大常委会主任、副主任，区政协主席、副主席，各街道办事处，区政府各部门"},
	}
}

// sampleMonthly builds a month of n items whose titles together use more
// than 2,000 distinct characters.
func sampleMonthly(n int) app.MonthlyReport {
	pool := []rune(commonHanzi)
	k := 0
	return buildMonthly(n, func(i int) string {
		title := []rune{}
		for j := 0; j < 14+i%9; j++ {
			title = append(title, pool[k%len(pool)])
			k++
		}
		if i%17 == 0 {
			return "落实" + rareNames + "等代表建议" + string(title)
		}
		return "推进" + string(title)
	})
}

// readableTasks are real-sounding items for the example in docs/samples.
var readableTasks = []string{
	"推进城市更新三年行动老旧小区改造（第二批）", "完成桃花镇污水处理厂提标改造", "落实王喆区长关于冬季供暖保障的批示",
	"办理区人大代表张玥关于增设社区养老服务站的建议", "推进政务服务“一网通办”事项全覆盖", "开展燃气安全专项整治",
	"建成杏花街道便民服务中心", "完成2026年度民生实事项目资金拨付", "整改中央生态环境保护督察反馈问题",
	"办理政协委员李堃关于规范校外培训机构的提案", "推进区人民医院新院区建设", "开展道路交通安全隐患排查治理",
	"落实市政府第12次常务会议议定事项", "完成农村饮水安全巩固提升工程", "回复群众来信反映的小区停车难问题",
	"推进重点项目“拿地即开工”改革", "做好春节期间市场保供稳价工作", "完成第五次全国经济普查数据质量核查",
}

func sampleMonthlyReadable(n int) app.MonthlyReport {
	return buildMonthly(n, func(i int) string { return readableTasks[i%len(readableTasks)] })
}

// buildMonthly counts n items of January 2026 with app.BuildMonthlyReport:
// a sixth of them open past their deadline, a third done (some late), the
// rest still running into February.
func buildMonthly(n int, title func(i int) string) app.MonthlyReport {
	units := []string{"区发展和改革局", "区财政局", "区教育局", "区公安分局", "区应急管理局", "桃花镇人民政府", "区住房城乡建设局", "区卫生健康局",
		"区生态环境分局", "区市场监管局", "区交通运输局", "区民政局", "区人力社保局", "区自然资源分局", "杏花街道办事处", "区农业农村局"}
	var items []app.Item
	for i := 0; i < n; i++ {
		it := app.Item{
			ID: int64(i + 1), Number: app.ItemNumber(2026, i+1), Year: 2026, Seq: i + 1, Status: app.ItemOpen,
			SourceType: app.SourceTypes[i%len(app.SourceTypes)], Title: title(i),
			LeadUnit: units[i%len(units)], AssignedOn: app.D(2025, 12, 20).AddDays(i % 20), Deadline: app.D(2026, 2, 1+i%27),
			Responsible: "朱镕", LeaderInCharge: "李堃",
		}
		switch i % 6 {
		case 0:
			it.Deadline = app.D(2026, 1, 10+i%20) // overdue at the month's end
		case 1, 2:
			it.Status, it.Deadline = app.ItemDone, app.D(2026, 1, 15+i%10)
			it.DoneOn = it.Deadline.AddDays(-1 + 2*(i%2))
		}
		items = append(items, it)
	}
	r := app.BuildMonthlyReport(items, 2026, time.January, app.D(2026, 2, 3), app.NewCalendar(nil, nil), 3)
	r.OrgName, r.Issue = "示例区人民政府办公室", 1
	return r
}

func sampleArchive(n int) []app.Document {
	var out []app.Document
	secs := []app.Secrecy{app.SecrecyNone, app.SecrecyNone, app.SecrecySecret, app.SecrecyNone, app.SecrecyConfid}
	for i := 0; i < n; i++ {
		d := app.Document{ID: int64(100 + i), Direction: app.Incoming, Status: app.StatusArchived,
			DocNo: fmt.Sprintf("市府办发〔2026〕%d号", i+1), FromUnit: []string{"市人民政府办公室", "省人民政府办公厅", "区财政局", "桃花镇人民政府"}[i%4],
			Title:     []string{"关于做好2026年春季森林防火工作的通知", "关于印发《示例市优化营商环境若干措施》的通知", "关于" + rareNames + "等同志职务任免的通知", sampleIncoming().Title}[i%4],
			WrittenOn: app.D(2026, 1, 1).AddDays(i * 3), Pages: 2 + i%9, Secrecy: secs[i%len(secs)],
			Archive: app.Archive{Fonds: "Z109", Year: 2026, Retention: []app.Retention{app.RetainForever, app.Retain30, app.Retain10}[i%3], OrgCode: "BGS", Piece: i + 1},
		}
		if i%6 == 5 {
			d.IssuingCode = []string{"示府办发", "示府发", "示府函"}[i%18/6]
			d.Direction, d.DocNo, d.FromUnit = app.Outgoing, fmt.Sprintf("%s〔2026〕%d号", d.IssuingCode, i), ""
			d.Remarks = "正本"
		}
		if i%9 == 4 {
			d.WrittenOn = d.WrittenOn.AddDays(-20) // archived late: its item number is out of date order
		}
		out = append(out, d)
	}
	return out
}

// commonHanzi are the first 2,600 characters of GB 2312 level 1.
const commonHanzi = "啊阿埃挨哎唉哀皑癌蔼矮艾碍爱隘鞍氨安俺按暗岸胺案肮昂盎凹敖熬翱袄傲奥懊澳芭捌扒叭吧笆八疤巴拔跋靶把耙坝霸罢爸白柏百摆佰败拜稗斑班搬扳般颁板版扮拌伴瓣半办绊邦帮梆榜膀绑棒磅蚌镑傍谤苞胞包褒剥薄雹保堡饱宝抱报暴豹鲍爆杯碑悲卑北辈背贝钡倍狈备惫焙被奔苯本笨崩绷甭泵蹦迸逼鼻比鄙笔彼碧蓖蔽毕毙毖币庇痹闭敝弊必辟壁臂避陛鞭边编贬扁便变卞辨辩辫遍标彪膘表鳖憋别瘪彬斌濒滨宾摈兵冰柄丙秉饼炳病并玻菠播拨钵波博勃搏铂箔伯帛舶脖膊渤泊驳捕卜哺补埠不布步簿部怖擦猜裁材才财睬踩采彩菜蔡餐参蚕残惭惨灿苍舱仓沧藏操糙槽曹草厕策侧册测层蹭插叉茬茶查碴搽察岔差诧拆柴豺搀掺蝉馋谗缠铲产阐颤昌猖场尝常长偿肠厂敞畅唱倡超抄钞朝嘲潮巢吵炒车扯撤掣彻澈郴臣辰尘晨忱沉陈趁衬撑称城橙成呈乘程惩澄诚承逞骋秤吃痴持匙池迟弛驰耻齿侈尺赤翅斥炽充冲虫崇宠抽酬畴踌稠愁筹仇绸瞅丑臭初出橱厨躇锄雏滁除楚础储矗搐触处揣川穿椽传船喘串疮窗幢床闯创吹炊捶锤垂春椿醇唇淳纯蠢戳绰疵茨磁雌辞慈瓷词此刺赐次聪葱囱匆从丛凑粗醋簇促蹿篡窜摧崔催脆瘁粹淬翠村存寸磋撮搓措挫错搭达答瘩打大呆歹傣戴带殆代贷袋待逮怠耽担丹单郸掸胆旦氮但惮淡诞弹蛋当挡党荡档刀捣蹈倒岛祷导到稻悼道盗德得的蹬灯登等瞪凳邓堤低滴迪敌笛狄涤翟嫡抵底地蒂第帝弟递缔颠掂滇碘点典靛垫电佃甸店惦奠淀殿碉叼雕凋刁掉吊钓调跌爹碟蝶迭谍叠丁盯叮钉顶鼎锭定订丢东冬董懂动栋侗恫冻洞兜抖斗陡豆逗痘都督毒犊独读堵睹赌杜镀肚度渡妒端短锻段断缎堆兑队对墩吨蹲敦顿囤钝盾遁掇哆多夺垛躲朵跺舵剁惰堕蛾峨鹅俄额讹娥恶厄扼遏鄂饿恩而儿耳尔饵洱二贰发罚筏伐乏阀法珐藩帆番翻樊矾钒繁凡烦反返范贩犯饭泛坊芳方肪房防妨仿访纺放菲非啡飞肥匪诽吠肺废沸费芬酚吩氛分纷坟焚汾粉奋份忿愤粪丰封枫蜂峰锋风疯烽逢冯缝讽奉凤佛否夫敷肤孵扶拂辐幅氟符伏俘服浮涪福袱弗甫抚辅俯釜斧脯腑府腐赴副覆赋复傅付阜父腹负富讣附妇缚咐噶嘎该改概钙盖溉干甘杆柑竿肝赶感秆敢赣冈刚钢缸肛纲岗港杠篙皋高膏羔糕搞镐稿告哥歌搁戈鸽胳疙割革葛格蛤阁隔铬个各给根跟耕更庚羹埂耿梗工攻功恭龚供躬公宫弓巩汞拱贡共钩勾沟苟狗垢构购够辜菇咕箍估沽孤姑鼓古蛊骨谷股故顾固雇刮瓜剐寡挂褂乖拐怪棺关官冠观管馆罐惯灌贯光广逛瑰规圭硅归龟闺轨鬼诡癸桂柜跪贵刽辊滚棍锅郭国果裹过哈骸孩海氦亥害骇酣憨邯韩含涵寒函喊罕翰撼捍旱憾悍焊汗汉夯杭航壕嚎豪毫郝好耗号浩呵喝荷菏核禾和何合盒貉阂河涸赫褐鹤贺嘿黑痕很狠恨哼亨横衡恒轰哄烘虹鸿洪宏弘红喉侯猴吼厚候后呼乎忽瑚壶葫胡蝴狐糊湖弧虎唬护互沪户花哗华猾滑画划化话槐徊怀淮坏欢环桓还缓换患唤痪豢焕涣宦幻荒慌黄磺蝗簧皇凰惶煌晃幌恍谎灰挥辉徽恢蛔回毁悔慧卉惠晦贿秽会烩汇讳诲绘荤昏婚魂浑混豁活伙火获或惑霍货祸击圾基机畸稽积箕肌饥迹激讥鸡姬绩缉吉极棘辑籍集及急疾汲即嫉级挤几脊己蓟技冀季伎祭剂悸济寄寂计记既忌际妓继纪嘉枷夹佳家加荚颊贾甲钾假稼价架驾嫁歼监坚尖笺间煎兼肩艰奸缄茧检柬碱硷拣捡简俭剪减荐槛鉴践贱见键箭件健舰剑饯渐溅涧建僵姜将浆江疆蒋桨奖讲匠酱降蕉椒礁焦胶交郊浇骄娇嚼搅铰矫侥脚狡角饺缴绞剿教酵轿较叫窖揭接皆秸街阶截劫节桔杰捷睫竭洁结解姐戒藉芥界借介疥诫届巾筋斤金今津襟紧锦仅谨进靳晋禁近烬浸尽劲荆兢茎睛晶鲸京惊精粳经井警景颈静境敬镜径痉靖竟竞净炯窘揪究纠玖韭久灸九酒厩救旧臼舅咎就疚鞠拘狙疽居驹菊局咀矩举沮聚拒据巨具距踞锯俱句惧炬剧捐鹃娟倦眷卷绢撅攫抉掘倔爵觉决诀绝均菌钧军君峻俊竣浚郡骏喀咖卡咯开揩楷凯慨刊堪勘坎砍看康慷糠扛抗亢炕考拷烤靠坷苛柯棵磕颗科壳咳可渴克刻客课肯啃垦恳坑吭空恐孔控抠口扣寇枯哭窟苦酷库裤夸垮挎跨胯块筷侩快宽款匡筐狂框矿眶旷况亏盔岿窥葵奎魁傀馈愧溃坤昆捆困括扩廓阔垃拉喇蜡腊辣啦莱来赖蓝婪栏拦篮阑兰澜谰揽览懒缆烂滥琅榔狼廊郎朗浪捞劳牢老佬姥酪烙涝勒乐雷镭蕾磊累儡垒擂肋类泪棱楞冷厘梨犁黎篱狸离漓理李里鲤礼莉荔吏栗丽厉励砾历利傈例俐痢立粒沥隶力璃哩俩联莲连镰廉怜涟帘敛脸链恋炼练粮凉梁粱良两辆量晾亮谅撩聊僚疗燎寥辽潦了撂镣廖料列裂烈劣猎琳林磷霖临邻鳞淋凛赁吝拎玲菱零龄铃伶羚凌灵陵岭领另令溜琉榴硫馏留刘瘤流柳六龙聋咙笼窿隆垄拢陇楼娄搂篓漏陋芦卢颅庐炉掳卤虏鲁麓碌露路赂鹿潞禄录陆戮驴吕铝侣旅履屡缕虑氯律率滤绿峦挛孪滦卵乱掠略抡轮伦仑沦纶论萝螺罗逻锣箩骡裸落洛骆络妈麻玛码蚂马骂嘛吗埋买麦卖迈脉瞒馒蛮满蔓曼慢漫谩芒茫盲氓忙莽猫茅锚毛矛铆卯茂冒帽貌贸么玫枚梅酶霉煤没眉媒镁每美昧寐妹媚门闷们萌蒙檬盟锰猛梦孟眯醚靡糜迷谜弥米秘觅泌蜜密幂棉眠绵冕免勉娩缅面苗描瞄藐秒渺庙妙蔑灭民抿皿敏悯闽明螟鸣铭名命谬摸摹蘑模膜磨摩魔抹末莫墨默沫漠寞陌谋牟某拇牡亩姆母墓暮幕募慕木目睦牧穆拿哪呐钠那娜纳氖乃奶耐奈南男难囊挠脑恼闹淖呢馁内嫩能妮霓倪泥尼拟你匿腻逆溺蔫拈年碾撵捻念娘酿鸟尿捏聂孽啮镊镍涅您柠狞凝宁拧泞牛扭钮纽脓浓农弄奴努怒女暖虐疟挪懦糯诺哦欧鸥殴藕呕偶沤啪趴爬帕怕琶拍排牌徘湃派攀潘盘磐盼畔判叛乓庞旁耪胖抛咆刨炮袍跑泡呸胚培裴赔陪配佩沛喷盆砰抨烹澎彭蓬棚硼篷膨朋鹏捧碰坯砒霹批披劈琵毗啤脾疲皮匹痞僻屁譬篇偏片骗飘漂瓢票撇瞥拼频贫品聘乒坪苹萍平凭瓶评屏坡泼颇婆破魄迫粕剖扑铺仆莆葡菩蒲埔朴圃普浦谱曝瀑期欺栖戚妻七凄漆柒沏其棋奇歧畦崎脐齐旗祈祁骑起岂乞企启契砌器气迄弃汽泣讫掐恰洽牵扦钎铅千迁签仟谦乾黔钱钳前潜遣浅谴堑嵌欠歉枪呛腔羌墙蔷强抢橇锹敲悄桥瞧乔侨巧鞘撬翘峭俏窍切茄且怯窃钦侵亲秦琴勤芹擒禽寝沁青轻氢倾卿清擎晴氰情顷请庆琼穷秋丘邱球求囚酋泅趋区蛆曲躯屈驱渠取娶龋趣去圈颧权醛泉全痊拳犬券劝缺炔瘸却鹊榷确雀裙群然燃冉染瓤壤攘嚷让饶扰绕惹热壬仁人忍韧任认刃妊纫扔仍日戎茸蓉荣融熔溶容绒冗揉柔肉茹蠕儒孺如辱乳汝入褥软阮蕊瑞锐闰润若弱撒洒萨腮鳃塞赛三叁伞散桑嗓丧搔骚扫嫂瑟色涩森僧莎砂杀刹沙纱傻啥煞筛晒珊苫杉山删煽衫闪陕擅赡膳善汕扇缮墒伤商赏晌上尚裳梢捎稍烧芍勺韶少哨邵绍奢赊蛇舌舍赦摄射慑涉社设砷申呻伸身深娠绅神沈审婶甚肾慎渗声生甥牲升绳省盛剩胜圣师失狮施湿诗尸虱十石拾时什食蚀实识史矢使屎驶始式示士世柿事拭誓逝势是嗜噬适仕侍释饰氏市恃室视试收手首守寿授售受瘦兽蔬枢梳殊抒输叔舒淑疏书赎孰熟薯暑曙署蜀黍鼠属术述树束戍竖墅庶数漱恕刷耍摔衰甩帅栓拴霜双爽谁水睡税吮瞬顺舜说硕朔烁斯撕嘶思私司丝死肆寺嗣四伺似饲巳松耸怂颂送宋讼诵搜艘擞嗽苏酥俗素速粟僳塑溯宿"
