package app

import (
	"slices"
	"strings"
)

// Role is a leader's post. The order of the constants is the order of rank.
type Role string

const (
	RoleMayor          Role = "区长"
	RoleExecutiveVice  Role = "常务副区长"
	RoleViceMayor      Role = "副区长"
	RoleOfficeDirector Role = "主任"
	RoleDeputyDirector Role = "副主任"
	RoleOther          Role = "其他"
)

// Roles lists the posts in rank order.
var Roles = []Role{RoleMayor, RoleExecutiveVice, RoleViceMayor, RoleOfficeDirector, RoleDeputyDirector, RoleOther}

// IsGovernmentLeader reports whether the role reads documents in the
// government's circulation (区长 and the vice-mayors).
func (r Role) IsGovernmentLeader() bool {
	return r == RoleMayor || r == RoleExecutiveVice || r == RoleViceMayor
}

// Leader is a person whose approvals and instructions the office records.
// Order is the position in the leaders' list (1 = 区长).
type Leader struct {
	ID        int64
	Name      string
	Role      Role
	Order     int
	Portfolio string   // 分管领域, free text
	Units     []string // linked departments
	LinkedTo  string   // for a 副主任: the vice-mayor whose portfolio he is linked to
	Active    bool
}

// LeaderNamed is the one rule for every field that names a leader (批示,
// 审核, 签发, 用印审批 and 退回, a meeting's 主持人, the 签发 of its minutes,
// an item's 分管领导): the name must be on the office's 领导名单.
// A name not on it is refused with the names that are, in the office's
// order, so the secretary sees at once whom she may pick.
func LeaderNamed(leaders []Leader, name string) (Leader, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return Leader{}, Errorf(EINVALID, "请填写领导姓名")
	}
	if l, ok := leaderByName(leaders, name); ok {
		return l, nil
	}
	var listed []string
	for _, l := range LeadersInOrder(leaders) {
		if l.Active {
			listed = append(listed, l.Name+"（"+string(l.Role)+"）")
		}
	}
	if len(listed) == 0 {
		return Leader{}, NeedsSetting(Errorf(ENOTFOUND, "领导名单中没有“%s”：名单还是空的，请先把领导添加到领导名单", name), MissingLeader, name)
	}
	return Leader{}, NeedsSetting(Errorf(ENOTFOUND, "领导名单中没有“%s”。名单中的领导：%s。新任领导请先添加到领导名单", name, strings.Join(listed, "、")), MissingLeader, name)
}

// LeadersInOrder is the leaders as the office orders them (排序号, then
// rank for equal numbers); the list given is not changed.
func LeadersInOrder(leaders []Leader) []Leader {
	out := slices.Clone(leaders)
	slices.SortStableFunc(out, func(a, b Leader) int {
		if a.Order != b.Order {
			return a.Order - b.Order
		}
		return slices.Index(Roles, a.Role) - slices.Index(Roles, b.Role)
	})
	return out
}

// InCharge reports whether the leader is in charge of unit by portfolio.
func (l Leader) InCharge(unit string) bool {
	unit = strings.TrimSpace(unit)
	return unit != "" && slices.Contains(l.Units, unit)
}

// UnitKind classifies units; upper bodies decide the circulation order.
type UnitKind string

const (
	UnitStreet     UnitKind = "街镇"
	UnitDepartment UnitKind = "区政府部门"
	UnitDistrict   UnitKind = "区直单位"
	UnitSuperior   UnitKind = "上级机关"
	UnitOther      UnitKind = "其他"
)

// Unit is a body the office corresponds with.
type Unit struct {
	ID     int64
	Name   string
	Kind   UnitKind
	Order  int
	Active bool
}

// superiorMarks are words by which a sender's name shows it is a superior
// body even when the unit list does not know it yet.
var superiorMarks = []string{"中共中央", "国务院", "中央", "省委", "省政府", "省人民政府", "市委", "市政府", "市人民政府", "省", "市"}

// IsSuperiorSender reports whether a document from name comes from a superior
// body: by the unit list when it knows the name, else by the name itself.
func IsSuperiorSender(name string, units []Unit) bool {
	name = strings.TrimSpace(name)
	for _, u := range units {
		if u.Name == name {
			return u.Kind == UnitSuperior
		}
	}
	if strings.HasPrefix(name, "区") {
		return false
	}
	for _, m := range superiorMarks {
		if strings.HasPrefix(name, m) || strings.Contains(name, m+"办公") {
			return true
		}
	}
	return false
}

// IssuerBody is the body in whose name an outgoing document is issued; it
// decides who signs (003 第二十六条).
type IssuerBody string

const (
	IssuerGovernment IssuerBody = "区人民政府"
	IssuerOffice     IssuerBody = "区人民政府办公室"
)

// SignerRoles lists who may sign documents of the body.
func (b IssuerBody) SignerRoles() []Role {
	if b == IssuerGovernment {
		return []Role{RoleMayor}
	}
	return []Role{RoleOfficeDirector}
}

// IssuingCode is a 机关代字 such as 西府办发, with the body it issues for.
type IssuingCode struct {
	Code string     `json:"code"`
	Body IssuerBody `json:"body"`
}

// Settings are the office's configuration, stored with its data.
// The JSON names are how the store keeps them: do not change them.
type Settings struct {
	OrgName      string        `json:"org_name"`      // 示例区人民政府办公室
	DistrictName string        `json:"district_name"` // 示例区
	FondsCode    string        `json:"fonds_code"`    // 全宗号 for the 档号
	OrgCode      string        `json:"org_code"`      // 机构(问题)代码, e.g. BGS
	IssuingCodes []IssuingCode `json:"issuing_codes"`
	Rules        Rules         `json:"rules"`
	Operators    []string      `json:"operators"`
	Fonts        FontChoice    `json:"fonts"`
	// who at the 督查室 the units report to, printed on the 督查文书
	SupervisionContact string `json:"supervision_contact,omitempty"`
	SupervisionPhone   string `json:"supervision_phone,omitempty"`
	// MonthlyReportTo and MonthlySendTo are the 报 and 送 lines the secretary
	// last gave the monthly 督查通报; empty: DefaultReportTo, DefaultSendTo.
	MonthlyReportTo string `json:"monthly_report_to,omitempty"`
	MonthlySendTo   string `json:"monthly_send_to,omitempty"`
	// MonthlyHonourN is how many units the monthly 督查通报 names on its
	// 红榜 and 黄榜 under the per-unit table; 0, the default: no 红黄榜.
	MonthlyHonourN int `json:"monthly_honour_n,omitempty"`
	// Signing are the office's rules of authority; nil: Preset003.
	Signing *SigningRules `json:"signing_rules,omitempty"`
}

// SigningRules are the office's rules of authority, Preset003 when it
// never chose any.
func (s Settings) SigningRules() SigningRules {
	if s.Signing == nil {
		return Preset003()
	}
	return *s.Signing
}

// FontChoice names the fonts printing should use; empty means automatic.
type FontChoice struct {
	Body    string `json:"body"`
	Title   string `json:"title"`
	Heading string `json:"heading"`
	Kai     string `json:"kai"`
}

// OfficeName is the office as its paper names it: 示例区人民政府办公室.
func (s Settings) OfficeName() string {
	switch {
	case s.OrgName != "":
		return s.OrgName
	case s.DistrictName != "":
		return s.DistrictName + "人民政府办公室"
	}
	return "区人民政府办公室"
}

// GovernmentName is the district government the office serves:
// 示例区人民政府.
func (s Settings) GovernmentName() string {
	switch {
	case s.DistrictName != "":
		return s.DistrictName + "人民政府"
	case strings.HasSuffix(s.OrgName, "办公室"):
		return strings.TrimSuffix(s.OrgName, "办公室")
	case s.OrgName != "":
		return s.OrgName
	}
	return "区人民政府"
}

// IssuingCodeFor returns the settings' entry for a 发文代字.
func (s Settings) IssuingCodeFor(code string) (IssuingCode, bool) {
	for _, c := range s.IssuingCodes {
		if c.Code == code {
			return c, true
		}
	}
	return IssuingCode{}, false
}

// SigningRuleFor is the signing rule of the draft: the row of the body its
// 发文代字 issues in the name of, for its kind; false when the code is not in
// the settings or the rules have no row for the body.
func (s Settings) SigningRuleFor(d *Document) (SigningRule, bool) {
	code, ok := s.IssuingCodeFor(d.IssuingCode)
	if !ok {
		return SigningRule{}, false
	}
	rule, err := s.SigningRules().Rule(code.Body, d.SigningKind)
	return rule, err == nil
}

// Rules are the configurable time limits, in working days (003 第二十九条).
type Rules struct {
	WithinPowers int `json:"within_powers"` // 职权范围内 / 提出意见: 5
	Consult      int `json:"consult"`       // 会同相关单位、会签: 7
	Investigate  int `json:"investigate"`   // 调查论证: 30
	Review       int `json:"review"`        // 审核: 1
	Urgent       int `json:"urgent"`        // 加急 (急件) when the document writes no limit: 5
	VeryUrgent   int `json:"very_urgent"`   // 特急 when the document writes no limit: 3
	WarnDays     int `json:"warn_days"`     // yellow warning window of supervision: 3
	// working days a yellow item may go without progress before a 催办单 is
	// due; 0 means DefaultChaseAfter
	ChaseAfter int `json:"chase_after,omitempty"`
}

// DefaultRules are the limits of DOMAIN.md §1.
func DefaultRules() Rules {
	return Rules{WithinPowers: 5, Consult: 7, Investigate: 30, Review: 1, Urgent: 5, VeryUrgent: 3, WarnDays: 3, ChaseAfter: DefaultChaseAfter}
}

// LimitKind names the kind of handling a time limit is chosen by.
type LimitKind string

const (
	LimitWithinPowers LimitKind = "职权范围内事项"
	LimitConsult      LimitKind = "会同相关单位办理"
	LimitInvestigate  LimitKind = "需调查论证"
)

// DefaultLimit returns the number of working days for a document of that
// urgency and kind of handling.
func (r Rules) DefaultLimit(u Urgency, k LimitKind) int {
	switch u {
	case UrgencyVeryUrgent:
		return r.VeryUrgent
	case UrgencyUrgent:
		return r.Urgent
	}
	switch k {
	case LimitConsult:
		return r.Consult
	case LimitInvestigate:
		return r.Investigate
	}
	return r.WithinPowers
}

// Validate checks the limits are usable.
func (r Rules) Validate() error {
	for _, v := range []int{r.WithinPowers, r.Consult, r.Investigate, r.Review, r.Urgent, r.VeryUrgent} {
		if v < 1 || v > 365 {
			return Errorf(EINVALID, "办理时限应为1到365个工作日")
		}
	}
	if r.WarnDays < 0 || r.WarnDays > 30 {
		return Errorf(EINVALID, "预警天数应为0到30个工作日")
	}
	if r.ChaseAfter < 0 || r.ChaseAfter > 60 {
		return Errorf(EINVALID, "催办天数应为1到60个工作日")
	}
	return nil
}
