package app

// The presets are the rules of authority of the districts whose working
// rules the program was modelled on, each row citing its article in that
// document's own numbering. The office starts from one and edits it.

const (
	rules003 = "《南通市海门区人民政府工作规则》"
	rules004 = "《西市区人民政府工作规则》"
	rules002 = "《区政府工作规则》"
	supp002  = "《区政府办公室公文处理实施细则的补充规定》"
	rules000 = "《南昌市西湖区人民政府办公室主任和副主任工作规则》"
)

var vicePosts = []Role{RoleViceMayor, RoleExecutiveVice}

func step(name string, stage int, posts ...Role) SigningStep {
	return SigningStep{Name: name, Posts: posts, Stage: stage}
}

// Preset003 are the rules of 003 (海门区), the program's default. For the
// ordinary documents of both bodies they are exactly what Document.Sign
// has always enforced: a 区政府 document is reviewed by the 主任 and a
// vice-mayor (in any order) and signed by the 区长; an office document is
// signed by the 主任.
func Preset003() SigningRules {
	art26 := rules003 + "第二十六条"
	mayorAndVice := []SigningStep{step("办公室主任审核", 1, RoleOfficeDirector), step("分管副区长审核", 1, vicePosts...)}
	return SigningRules{
		Name: "海门区人民政府工作规则（默认）",
		Rows: []SigningRule{
			// 003 第二十六条: 以区政府名义发文，经区政府办公室主任、分管副区长审核，由区长签发.
			{Body: IssuerGovernment, Kind: SignOrdinary, Reviews: mayorAndVice, Signers: []Role{RoleMayor}, Cite: art26},
			// 003 第二十六条: 区政府发布的规范性文件、决定，向区人大及其常委会提出的议案，经区政府办公室主任审核，由区长签署.
			{Body: IssuerGovernment, Kind: SignNormative, Reviews: []SigningStep{step("办公室主任审核", 1, RoleOfficeDirector)}, Signers: []Role{RoleMayor}, Cite: art26},
			// 003 第二十六条: 区政府向市政府的请示、报告 … 由区长签发.
			{Body: IssuerGovernment, Kind: SignUpward, Reviews: mayorAndVice, Signers: []Role{RoleMayor}, Cite: art26},
			// 003 第二十六条: 以区政府办公室名义发文，一般由区政府办公室主任签发.
			{Body: IssuerOffice, Kind: SignOrdinary, Signers: []Role{RoleOfficeDirector}, Cite: art26},
			// 003 第二十六条: 重要文件，报区长同意后，由区政府办公室主任签发.
			{Body: IssuerOffice, Kind: SignImportant, Reviews: []SigningStep{step("区长同意", 1, RoleMayor)}, Signers: []Role{RoleOfficeDirector}, Cite: art26},
		},
		Deputies: []DeputyRule{
			// 003 第六条: 区长 … 期间，可委托负责常务工作的副区长或其他副区长主持区政府工作.
			{For: RoleMayor, By: vicePosts, Cite: rules003 + "第六条"},
		},
		Reporting: []ReportRule{
			// 003 第四十四条: 区长离开海门，由区政府办公室分别向市政府办公室、区委办公室请示和报备.
			{Who: RoleMayor, To: []string{"市政府办公室", "区委办公室"}, Cite: rules003 + "第四十四条"},
			// 003 第四十四条: 副区长、区政府办公室主任 … 事先向区政府书面报告。经区长批准同意后，再按要求向区委报备.
			{Who: RoleExecutiveVice, To: []string{"区长", "区委办公室"}, Cite: rules003 + "第四十四条"},
			{Who: RoleViceMayor, To: []string{"区长", "区委办公室"}, Cite: rules003 + "第四十四条"},
			{Who: RoleOfficeDirector, To: []string{"区长", "区委办公室"}, Cite: rules003 + "第四十四条"},
		},
		Minutes: []MinutesRule{
			// 003 第十九条: 常务会议、区长办公会议纪要 … 按程序报负责常务工作的副区长、区长签发
			// (the 区长 signs; the 常务副区长's signature before his is not recorded yet).
			{Kind: MeetingExecutive, Signers: []Role{RoleMayor}, Cite: rules003 + "第十九条"},
			{Kind: MeetingMayor, Signers: []Role{RoleMayor}, Cite: rules003 + "第十九条"},
			// 003 第十九条: 专题会议 … 报主持或委托召开会议的区政府领导签发.
			{Kind: MeetingTopical, Chair: true, Cite: rules003 + "第十九条"},
		},
		ActingMark: DefaultActingMark,
	}
}

// Preset004 are the rules of 004 (西市区): ordinary 区政府 documents are
// signed by the vice-mayor in charge, office documents by the 常务副区长,
// important ones by the 区长 (004 三十一).
func Preset004() SigningRules {
	checked := []SigningStep{step("办公室把关", 1, RoleOfficeDirector), step("分管领导审核", 2, vicePosts...)}
	mayorOrVice := []Role{RoleViceMayor, RoleExecutiveVice, RoleMayor}
	return SigningRules{
		Name: "西市区人民政府工作规则",
		Rows: []SigningRule{
			// 004 三十一(三): 以区政府名义制发的其他公文，由区政府分管领导同志签发，重要的由区长签发.
			{Body: IssuerGovernment, Kind: SignOrdinary, Signers: mayorOrVice, Cite: rules004 + "三十一(三)"},
			// 004 三十一(一)(二): 命令、决定、议案，行政规范性文件，经区政府办公室把关并报区政府分管领导同志审核后，由区长签发.
			{Body: IssuerGovernment, Kind: SignNormative, Reviews: checked, Signers: []Role{RoleMayor}, Cite: rules004 + "三十一(一)(二)"},
			// 004 三十一(一): 区政府向市政府报送的请示、报告 … 由区长签发.
			{Body: IssuerGovernment, Kind: SignUpward, Reviews: checked, Signers: []Role{RoleMayor}, Cite: rules004 + "三十一(一)"},
			// 004 三十一(三)(八): 重要的由区长签发；报区政府领导同志签批的公文，需区分管领导审核把关.
			{Body: IssuerGovernment, Kind: SignImportant, Reviews: []SigningStep{step("分管领导审核", 1, vicePosts...)}, Signers: []Role{RoleMayor}, Cite: rules004 + "三十一(三)(八)"},
			// 004 三十一(七): 以区政府办公室名义制发的其他公文，一般由区政府负责常务工作的副区长签发，重要公文报区长签发.
			{Body: IssuerOffice, Kind: SignOrdinary, Signers: []Role{RoleExecutiveVice, RoleMayor}, Cite: rules004 + "三十一(七)"},
			// 004 三十一(六): 以区政府办公室名义制发的行政规范性文件，由区政府分管负责同志签发，重要的由区长签发.
			{Body: IssuerOffice, Kind: SignNormative, Signers: mayorOrVice, Cite: rules004 + "三十一(六)"},
			// 004 三十一(六)(七): 重要的由区长签发.
			{Body: IssuerOffice, Kind: SignImportant, Signers: []Role{RoleMayor}, Cite: rules004 + "三十一(六)(七)"},
		},
		Deputies: []DeputyRule{
			// 004 五: 区长离营期间，受区长委托，指定负责常务工作的副区长或其他副区长主持区政府工作.
			{For: RoleMayor, By: vicePosts, Cite: rules004 + "五"},
			// 004 五: 副区长之间实行 AB 角互补工作制度 … 一位外出期间，一般由另一位代行工作职责.
			{For: RoleViceMayor, By: vicePosts, Cite: rules004 + "五"},
			{For: RoleExecutiveVice, By: []Role{RoleViceMayor}, Cite: rules004 + "五"},
		},
		Reporting: []ReportRule{
			// 004 四十一: 副区长离营出访、出差和休假，应事先向区长请假，并按有关规定报备.
			{Who: RoleExecutiveVice, To: []string{"区长"}, Cite: rules004 + "四十一"},
			{Who: RoleViceMayor, To: []string{"区长"}, Cite: rules004 + "四十一"},
		},
		Minutes: []MinutesRule{
			// 004 二十二: 区政府全体会议和区政府常务会议的纪要 … 按程序报区长签发.
			{Kind: MeetingPlenary, Signers: []Role{RoleMayor}, Cite: rules004 + "二十二"},
			{Kind: MeetingExecutive, Signers: []Role{RoleMayor}, Cite: rules004 + "二十二"},
			// 004 二十三: 区长办公会议纪要由区长签发；专题会议纪要由主持召开会议的区政府领导同志签发.
			{Kind: MeetingMayor, Signers: []Role{RoleMayor}, Cite: rules004 + "二十三"},
			{Kind: MeetingTopical, Chair: true, Cite: rules004 + "二十三"},
		},
		ActingMark: DefaultActingMark,
	}
}

// Preset002 are the rules of 002: the 补充规定 orders the office's reviews
// (核稿 → 分管副主任审核 → 主任复审 → 领导签发), the 区长 signs the
// government's documents and the 主任 the office's, who may ask a
// vice-mayor or the 区长 to sign instead.
func Preset002() SigningRules {
	office := []SigningStep{step("分管副主任审核", 1, RoleDeputyDirector), step("办公室主任复审", 2, RoleOfficeDirector)}
	government := append(office[:2:2], step("分管领导审核", 3, vicePosts...))
	return SigningRules{
		Name: "区政府工作规则和公文处理补充规定",
		Rows: []SigningRule{
			// 002 第三篇 十七: 以区人民政府名义发文，经区人民政府分管领导同志审核后，由区长签发;
			// 002 补充规定 三(三)6: 分管副主任审核 ── 主任复审 ── 区政府领导签发.
			{Body: IssuerGovernment, Kind: SignOrdinary, Reviews: government, Signers: []Role{RoleMayor}, Cite: rules002 + "第三篇 十七；" + supp002 + "三(三)6"},
			// 002 第三篇 十六: 规范性文件，议案，人员任免，由区长签署.
			{Body: IssuerGovernment, Kind: SignNormative, Reviews: office, Signers: []Role{RoleMayor}, Cite: rules002 + "第三篇 十六；" + supp002 + "三(三)6"},
			// 002 补充规定 三(一)3: 区政府向市政府、省政府的请示、报告，必须由区长签发.
			{Body: IssuerGovernment, Kind: SignUpward, Reviews: government, Signers: []Role{RoleMayor}, Cite: supp002 + "三(一)3"},
			// 002 第三篇 十七: 以区人民政府办公室名义发文，由办公室主任签发；如有需要，可由分管领导同志签发或核报区长签发.
			{Body: IssuerOffice, Kind: SignOrdinary, Reviews: office[:1], Signers: []Role{RoleOfficeDirector, RoleViceMayor, RoleExecutiveVice, RoleMayor}, Cite: rules002 + "第三篇 十七"},
			// 002 补充规定 三(一)3: 区政府办公室向市政府办公室的请示、报告，必须由办公室主任签发.
			{Body: IssuerOffice, Kind: SignUpward, Reviews: office[:1], Signers: []Role{RoleOfficeDirector}, Cite: supp002 + "三(一)3"},
		},
		Deputies: []DeputyRule{
			// 002 第三篇 七: 区长出国考察和较长期外出、学习期间，由负责常务工作的副区长代行区长职务.
			{For: RoleMayor, By: []Role{RoleExecutiveVice}, Cite: rules002 + "第三篇 七"},
		},
		Reporting: []ReportRule{
			// 002 第三篇 二十二: 副区长、办公室主任离区外出，应事先报告区长.
			{Who: RoleExecutiveVice, To: []string{"区长"}, Cite: rules002 + "第三篇 二十二"},
			{Who: RoleViceMayor, To: []string{"区长"}, Cite: rules002 + "第三篇 二十二"},
			{Who: RoleOfficeDirector, To: []string{"区长"}, Cite: rules002 + "第三篇 二十二"},
		},
		ActingMark: DefaultActingMark,
	}
}

// Preset000 are the rules of the 西湖区 office (000): the only seed with
// 区政府党组 documents, and with the 副主任's review first.
func Preset000() SigningRules {
	art29 := rules000 + "二十九"
	// 000 二十九: 送涉及分管联系领域工作的副主任审核，报呈副区长和主任审签后，再呈党组书记、区长签发.
	government := []SigningStep{step("分管联系领域的副主任审核", 1, RoleDeputyDirector),
		step("办公室主任审签", 2, RoleOfficeDirector), step("副区长审签", 2, vicePosts...)}
	return SigningRules{
		Name: "西湖区政府办公室主任和副主任工作规则",
		Rows: []SigningRule{
			{Body: IssuerGovernment, Kind: SignOrdinary, Reviews: government, Signers: []Role{RoleMayor}, Cite: art29},
			// the 党组书记 is the 区长 (000 四: 审核以区政府党组、区政府名义制发的公文).
			{Body: IssuerPartyGroup, Kind: SignOrdinary, Reviews: government, Signers: []Role{RoleMayor}, Cite: art29},
			// 000 二十九: 以区政府办公室名义行文 … 由涉及分管联系领域工作的副主任审核后报主任审签.
			{Body: IssuerOffice, Kind: SignOrdinary, Reviews: government[:1], Signers: []Role{RoleOfficeDirector}, Cite: art29},
			// 000 二十九: 需要区领导审签的，由主任审核后，报呈相关区领导审签.
			{Body: IssuerOffice, Kind: SignImportant, Reviews: []SigningStep{government[0], step("办公室主任审核", 2, RoleOfficeDirector)},
				Signers: []Role{RoleMayor, RoleExecutiveVice, RoleViceMayor}, Cite: art29},
		},
		Deputies: []DeputyRule{
			// 000 二十五: 主任外出时，由党组副书记、副主任主持工作，并实行 AB 岗制度.
			{For: RoleOfficeDirector, By: []Role{RoleDeputyDirector}, Cite: rules000 + "二十五"},
		},
		Reporting: []ReportRule{
			// 000 三十九: 主任出差、休假 … 应事先报告区长、常务副区长；副主任 … 应事先报告分管副区长、主任.
			{Who: RoleOfficeDirector, To: []string{"区长", "常务副区长"}, Cite: rules000 + "三十九"},
			{Who: RoleDeputyDirector, To: []string{"分管副区长", "主任"}, Cite: rules000 + "三十九"},
		},
		ActingMark: DefaultActingMark,
	}
}

// SigningPresets are the presets 设置 offers, the default first.
func SigningPresets() []SigningRules {
	return []SigningRules{Preset003(), Preset004(), Preset002(), Preset000()}
}
