// Package sample builds the fictional 示例区 office that a new user can load
// to try the program, and that the tests and screenshots use: units, leaders,
// seals, and two years of documents, seal requests, supervision items and
// meetings in every state. Everything goes through app.Desk, so the sample
// obeys the same rules as typed data. The result is the same for the same
// day: the random choices come from a fixed seed.
package sample

import "gongwen/app"

// OrgName is the sample office's name; it marks a database as the sample's.
const OrgName = "示例区人民政府办公室"

var settings = app.Settings{
	OrgName:      OrgName,
	DistrictName: "示例区",
	FondsCode:    "Z109",
	OrgCode:      "BGS",
	IssuingCodes: []app.IssuingCode{
		{Code: "示府发", Body: app.IssuerGovernment},
		{Code: "示府函", Body: app.IssuerGovernment},
		{Code: "示府办发", Body: app.IssuerOffice},
		{Code: "示府办函", Body: app.IssuerOffice},
	},
	Rules:     app.DefaultRules(),
	Operators: []string{"张文书", "刘秘书", "孙督查"},
}

var units = []app.Unit{
	{Name: "市政府办公室", Kind: app.UnitSuperior},
	{Name: "市应急管理局", Kind: app.UnitSuperior},
	{Name: "市财政局", Kind: app.UnitSuperior},
	{Name: "省政府办公厅", Kind: app.UnitSuperior},
	{Name: "市住房和城乡建设局", Kind: app.UnitSuperior},
	{Name: "区发展和改革局", Kind: app.UnitDepartment},
	{Name: "区财政局", Kind: app.UnitDepartment},
	{Name: "区教育局", Kind: app.UnitDepartment},
	{Name: "区住房和城乡建设局", Kind: app.UnitDepartment},
	{Name: "区应急管理局", Kind: app.UnitDepartment},
	{Name: "区农业农村局", Kind: app.UnitDepartment},
	{Name: "区卫生健康局", Kind: app.UnitDepartment},
	{Name: "区司法局", Kind: app.UnitDepartment},
	{Name: "区自然资源局", Kind: app.UnitDepartment},
	{Name: "区市场监督管理局", Kind: app.UnitDepartment},
	{Name: "区人力资源和社会保障局", Kind: app.UnitDepartment},
	{Name: "区民政局", Kind: app.UnitDepartment},
	{Name: "区水利局", Kind: app.UnitDepartment},
	{Name: "区信访局", Kind: app.UnitDepartment},
	{Name: "区城市管理局", Kind: app.UnitDepartment},
	{Name: "桃花镇", Kind: app.UnitStreet},
	{Name: "柳溪镇", Kind: app.UnitStreet},
	{Name: "东城街道", Kind: app.UnitStreet},
	{Name: "西湖街道", Kind: app.UnitStreet},
	{Name: "区公安分局", Kind: app.UnitDistrict},
	{Name: "区消防救援大队", Kind: app.UnitDistrict},
}

var leaders = []app.Leader{
	{Name: "王建国", Role: app.RoleMayor, Portfolio: "主持区政府全面工作"},
	{Name: "周启明", Role: app.RoleExecutiveVice, Portfolio: "发展改革、财政、审计",
		Units: []string{"区发展和改革局", "区财政局"}},
	{Name: "李晓红", Role: app.RoleViceMayor, Portfolio: "教育、卫生健康、民政、人社",
		Units: []string{"区教育局", "区卫生健康局", "区民政局", "区人力资源和社会保障局"}},
	{Name: "吴振华", Role: app.RoleViceMayor, Portfolio: "住房城乡建设、城市管理、自然资源",
		Units: []string{"区住房和城乡建设局", "区城市管理局", "区自然资源局", "东城街道", "西湖街道"}},
	{Name: "郑国强", Role: app.RoleViceMayor, Portfolio: "农业农村、水利、应急管理、市场监管",
		Units: []string{"区农业农村局", "区水利局", "区应急管理局", "区市场监督管理局", "桃花镇", "柳溪镇"}},
	{Name: "陈志远", Role: app.RoleOfficeDirector, Portfolio: "区政府办公室全面工作"},
	{Name: "赵丽娟", Role: app.RoleDeputyDirector, LinkedTo: "李晓红", Portfolio: "联系教育卫生口"},
	{Name: "孙海涛", Role: app.RoleDeputyDirector, LinkedTo: "吴振华", Portfolio: "联系城建口"},
	{Name: "钱玉梅", Role: app.RoleDeputyDirector, LinkedTo: "郑国强", Portfolio: "联系农业应急口，分管督查室"},
}

var seals = []app.Seal{
	{Name: "示例区人民政府", Kind: app.SealGovernment, Keeper: "张文书"},
	{Name: "示例区人民政府办公室", Kind: app.SealOffice, Keeper: "张文书"},
	{Name: "中共示例区人民政府党组", Kind: app.SealParty, Keeper: "张文书",
		Chain: []app.ApprovalStep{{Role: app.RoleDeputyDirector, Action: "审核"}, {Role: app.RoleMayor, Action: "审签"}}},
	{Name: "王建国名章", Kind: app.SealName, Keeper: "张文书",
		Chain: []app.ApprovalStep{{Role: app.RoleOfficeDirector, Action: "审核"}, {Role: app.RoleMayor, Action: "审签"}}},
}

// topics are the matters the sample office's documents deal with.
var topics = []struct{ subject, unit string }{
	{"冬季安全生产", "区应急管理局"}, {"森林防灭火", "区应急管理局"}, {"防汛抗旱", "区水利局"},
	{"优化营商环境", "区发展和改革局"}, {"农村人居环境整治", "区农业农村局"}, {"老旧小区改造", "区住房和城乡建设局"},
	{"耕地保护和粮食安全", "区自然资源局"}, {"食品安全", "区市场监督管理局"}, {"义务教育“双减”", "区教育局"},
	{"基层医疗卫生服务能力提升", "区卫生健康局"}, {"高标准农田建设", "区农业农村局"}, {"城乡低保提标", "区民政局"},
	{"信访积案化解", "区信访局"}, {"秸秆禁烧", "区农业农村局"}, {"燃气安全专项整治", "区住房和城乡建设局"},
	{"生活垃圾分类", "区城市管理局"}, {"稳就业促增收", "区人力资源和社会保障局"}, {"河湖长制", "区水利局"},
	{"预算绩效管理", "区财政局"}, {"行政复议体制改革", "区司法局"}, {"消防安全大排查大整治", "区消防救援大队"},
	{"校园周边环境治理", "区教育局"}, {"城市内涝治理", "区城市管理局"}, {"政府债务风险防范", "区财政局"},
}
