package app

import (
	"strings"
	"testing"
)

// officeLeaders is a district's leaders: the 区长, the 常务副区长, two
// vice-mayors who are each other's AB 角, the 主任 and a 副主任 linked to
// the first vice-mayor.
func officeLeaders() []Leader {
	return []Leader{
		{Name: "王区长", Role: RoleMayor, Order: 1, Active: true},
		{Name: "李常务", Role: RoleExecutiveVice, Order: 2, Active: true},
		{Name: "张副区长", Role: RoleViceMayor, Order: 3, Active: true},
		{Name: "赵副区长", Role: RoleViceMayor, Order: 4, Active: true},
		{Name: "周主任", Role: RoleOfficeDirector, Order: 5, Active: true},
		{Name: "吴副主任", Role: RoleDeputyDirector, Order: 6, Active: true, LinkedTo: "张副区长"},
	}
}

func leader(t *testing.T, name string) Leader {
	t.Helper()
	l, err := LeaderNamed(officeLeaders(), name)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// reviewed is the draft's reviews by these leaders, in that order.
func reviewed(t *testing.T, names ...string) []Review {
	var out []Review
	for i, n := range names {
		l := leader(t, n)
		out = append(out, Review{Leader: l.Name, Role: l.Role, On: MustDate("2026-03-02").AddDays(i)})
	}
	return out
}

func TestPresetsValidate(t *testing.T) {
	for _, p := range SigningPresets() {
		if err := p.Validate(); err != nil {
			t.Fatalf("preset %s: %v", p.Name, err)
		}
		for _, r := range p.Rows {
			if !strings.Contains(r.Cite, "《") {
				t.Errorf("preset %s row %s %s cites no rules: %q", p.Name, r.Body, r.Kind, r.Cite)
			}
		}
	}
	bad := []struct {
		name, want string
		edit       func(*SigningRules)
	}{
		{"empty", "签发规则是空的", func(s *SigningRules) { s.Rows = nil }},
		{"unknown body", "发文机关“区委”不认识", func(s *SigningRules) { s.Rows[0].Body = "区委" }},
		{"unknown kind", "公文类别“通知”不认识", func(s *SigningRules) { s.Rows[0].Kind = "通知" }},
		{"duplicate row", "与第1行重复", func(s *SigningRules) { s.Rows[1].Kind = SignOrdinary }},
		{"no signer", "请写明由谁签发", func(s *SigningRules) { s.Rows[0].Signers = nil }},
		{"signer not a post", "签发人“其他”不是领导职务", func(s *SigningRules) { s.Rows[0].Signers = []Role{RoleOther} }},
		{"step without posts", "“分管副区长审核”请写明由哪些职务办理", func(s *SigningRules) { s.Rows[0].Reviews[1].Posts = nil }},
		{"steps out of order", "请按先后顺序排列", func(s *SigningRules) { s.Rows[0].Reviews[0].Stage = 2 }},
		{"no citation", "请写明依据的规则条款", func(s *SigningRules) { s.Rows[2].Cite = " " }},
		{"no ordinary office row", "缺少以区人民政府办公室名义的一般公文一行", func(s *SigningRules) { s.Rows = s.Rows[:3] }},
		{"deputy without posts", "请写明区长外出时由哪些职务代理", func(s *SigningRules) { s.Deputies[0].By = nil }},
		{"no acting mark", "代签时名字后的标注", func(s *SigningRules) { s.ActingMark = "" }},
	}
	for _, b := range bad {
		s := Preset003()
		b.edit(&s)
		err := s.Validate()
		wantCode(t, err, EINVALID, b.name)
		if !strings.Contains(ErrorMessage(err), b.want) {
			t.Errorf("%s: %q, want it to say %q", b.name, ErrorMessage(err), b.want)
		}
	}
}

// Each preset signs the same drafts the way its district would.
func TestPresetsSignTheSameDraft(t *testing.T) {
	type want struct {
		preset SigningRules
		says   string // "" accepts; else a part of the refusal
	}
	p003, p004, p002, p000 := Preset003(), Preset004(), Preset002(), Preset000()
	cases := []struct {
		name    string
		body    IssuerBody
		kind    SigningKind
		reviews []string
		signer  string
		wants   []want
	}{
		{"a 副区长 signs an ordinary 区政府 document", IssuerGovernment, SignOrdinary, []string{"吴副主任", "周主任"}, "张副区长", []want{
			{p003, "以区人民政府名义发文应由区长签发，张副区长是副区长（《南通市海门区人民政府工作规则》第二十六条）"},
			{p004, ""}, // 004 三十一(三): 由区政府分管领导同志签发
			{p002, "应由区长签发"},
			{p000, "应由区长签发"},
		}},
		{"the 区长 signs an ordinary 区政府 document after the 主任 and a 副区长", IssuerGovernment, SignOrdinary, []string{"周主任", "张副区长"}, "王区长", []want{
			{p003, ""}, {p004, ""},
			{p002, "请先由副主任审核"}, // 002 补充规定 三(三)6: 分管副主任审核 first
			{p000, "请先由副主任审核"},
		}},
		{"the 区长 signs an office document", IssuerOffice, SignOrdinary, []string{"吴副主任", "周主任"}, "王区长", []want{
			{p003, "以区人民政府办公室名义发文应由主任签发"},
			{p004, ""}, // 三十一(七): 重要公文报区长签发
			{p002, ""}, // 第三篇 十七: 核报区长签发
			{p000, "应由主任签发"},
		}},
		{"the 主任 signs an office document", IssuerOffice, SignOrdinary, []string{"吴副主任", "周主任"}, "周主任", []want{
			{p003, ""},
			{p004, "应由常务副区长或区长签发，周主任是主任（《西市区人民政府工作规则》三十一(七)）"},
			{p002, ""}, {p000, ""},
		}},
		{"the 常务副区长 signs an office document", IssuerOffice, SignOrdinary, []string{"吴副主任", "周主任"}, "李常务", []want{
			{p003, "应由主任签发"}, {p004, ""}, {p002, ""}, {p000, "应由主任签发"},
		}},
		{"a 规范性文件 reviewed by the 主任 alone", IssuerGovernment, SignNormative, []string{"周主任"}, "王区长", []want{
			{p003, ""}, // 第二十六条: 经区政府办公室主任审核，由区长签署
			{p004, "请先由副区长或常务副区长审核（《西市区人民政府工作规则》三十一(一)(二)）"},
			{p002, "请先由副主任审核"},
		}},
		{"the 区长 signs the office's 请示 to the city", IssuerOffice, SignUpward, []string{"吴副主任", "周主任"}, "王区长", []want{
			{p003, "应由主任签发"},
			{p004, ""}, // no row: as the office's ordinary documents
			{p002, "以区人民政府办公室名义的向上级的请示、报告应由主任签发，王区长是区长（《区政府办公室公文处理实施细则的补充规定》三(一)3）"},
		}},
		{"an important office document without the 区长's agreement", IssuerOffice, SignImportant, []string{"周主任"}, "周主任", []want{
			{p003, "请先由区长审核"}, {p004, "应由区长签发"},
		}},
		{"an important office document with the 区长's agreement", IssuerOffice, SignImportant, []string{"周主任", "王区长"}, "周主任", []want{
			{p003, ""},
		}},
		{"the 主任 reviewed before the 副主任", IssuerGovernment, SignOrdinary, []string{"周主任", "吴副主任", "张副区长"}, "王区长", []want{
			{p003, ""},
			{p002, "须先经分管副主任审核，再经办公室主任复审；周主任的审核记在前面"},
			{p000, "须先经分管联系领域的副主任审核，再经办公室主任审签"},
		}},
		{"the 副区长 审签 before the 主任's, after the 副主任", IssuerGovernment, SignOrdinary, []string{"吴副主任", "张副区长", "周主任"}, "王区长", []want{
			{p000, ""}, // 000 二十九: 报呈副区长和主任审签, in either order
			{p002, "须先经分管副主任审核、办公室主任复审，再经分管领导审核"},
		}},
		{"a 党组 document", IssuerPartyGroup, SignOrdinary, []string{"吴副主任", "周主任", "张副区长"}, "王区长", []want{
			{p003, "签发规则中没有以区人民政府党组名义发文的规定"},
			{p000, ""},
		}},
	}
	for _, c := range cases {
		for _, w := range c.wants {
			a := Authority{Rules: w.preset, Leaders: officeLeaders()}
			sig, err := a.CheckSignature(SignatureRequest{Body: c.body, Kind: c.kind, Reviews: reviewed(t, c.reviews...), Signer: leader(t, c.signer), On: MustDate("2026-03-10")})
			if w.says == "" {
				if err != nil {
					t.Errorf("%s under %s: refused: %v", c.name, w.preset.Name, err)
				} else if sig.Printed(w.preset) != c.signer || sig.Rule.Cite == "" {
					t.Errorf("%s under %s: printed %q, rule %+v", c.name, w.preset.Name, sig.Printed(w.preset), sig.Rule)
				}
				continue
			}
			if err == nil || !strings.Contains(ErrorMessage(err), w.says) {
				t.Errorf("%s under %s: got %v, want a refusal saying %q", c.name, w.preset.Name, err, w.says)
			}
		}
	}
}

// The reviews a draft still waits for, by each preset's rule for it.
func TestReviewsAwaitedByTheRules(t *testing.T) {
	cases := []struct {
		rules   SigningRules
		body    IssuerBody
		kind    SigningKind
		reviews []string
		want    []string
	}{
		{Preset003(), IssuerGovernment, SignOrdinary, nil, []string{"办公室主任审核", "分管副区长审核"}},
		{Preset003(), IssuerGovernment, SignOrdinary, []string{"李常务"}, []string{"办公室主任审核"}},
		{Preset003(), IssuerOffice, SignOrdinary, nil, nil},
		{Preset003(), IssuerOffice, SignImportant, []string{"周主任"}, []string{"区长同意"}},
		{Preset002(), IssuerGovernment, SignOrdinary, []string{"吴副主任"}, []string{"办公室主任复审", "分管领导审核"}},
		// out of order: the 主任's review before the 副主任's does not count
		{Preset002(), IssuerGovernment, SignOrdinary, []string{"周主任", "吴副主任"}, []string{"办公室主任复审", "分管领导审核"}},
		{Preset004(), IssuerGovernment, SignUpward, []string{"周主任", "张副区长"}, nil},
		{Preset004(), IssuerGovernment, SignOrdinary, nil, nil},
	}
	for _, c := range cases {
		a := Authority{Rules: c.rules, Leaders: officeLeaders()}
		got, err := a.ReviewsAwaited(c.body, c.kind, reviewed(t, c.reviews...))
		if err != nil || strings.Join(got, "、") != strings.Join(c.want, "、") {
			t.Errorf("%s, %s %s reviewed by %v: awaits %v (%v), want %v", c.rules.Name, c.body, c.kind, c.reviews, got, err, c.want)
		}
	}
	if _, err := (Authority{Rules: Preset004()}).ReviewsAwaited(IssuerPartyGroup, SignOrdinary, nil); err == nil {
		t.Error("a body the rules do not know")
	}
}

// Who signs a meeting's minutes (003 第十九条, 004 二十二、二十三), or his
// stand-in; a kind the rules say nothing of is signed by any leader.
func TestMinutesSigner(t *testing.T) {
	executive := &Meeting{Kind: MeetingExecutive, Chair: "王区长"}
	topical := &Meeting{Kind: MeetingTopical, Chair: "张副区长"}
	directors := &Meeting{Kind: MeetingDirectors, Chair: "周主任"}
	away := StandIn{Leader: "王区长", Deputy: "李常务", From: MustDate("2026-07-01"), To: MustDate("2026-07-03")}
	ab := StandIn{Leader: "张副区长", Deputy: "赵副区长", From: MustDate("2026-07-01"), To: MustDate("2026-07-01")}
	on := MustDate("2026-07-01")
	cases := []struct {
		name   string
		rules  SigningRules
		m      *Meeting
		signer string
		on     Date
		says   string // "" accepts, printing printed
		print  string
	}{
		{"a 副区长 signs the 常务会议's minutes", Preset003(), executive, "张副区长", on, "区政府常务会议的纪要应由区长签发，张副区长是副区长（《南通市海门区人民政府工作规则》第十九条）", ""},
		{"the 区长 signs them", Preset003(), executive, "王区长", on, "", "王区长"},
		{"the 常务副区长 signs them for the away 区长", Preset003(), executive, "李常务", MustDate("2026-07-03"), "", "李常务（代）"},
		{"the day after the stand-in", Preset003(), executive, "李常务", MustDate("2026-07-04"), "不在其内", ""},
		{"the chair signs the 专题会议's", Preset003(), topical, "张副区长", on, "", "张副区长"},
		{"another vice-mayor signs them", Preset003(), topical, "李常务", on, "区政府专题会议的纪要应由主持会议的张副区长签发，李常务不是主持人，也没有代理张副区长的记录（《南通市海门区人民政府工作规则》第十九条）", ""},
		{"his AB 角 a day after the stand-in", Preset003(), topical, "赵副区长", MustDate("2026-07-02"), "赵副区长代张副区长（副区长）AB角代行的期间是2026-07-01，2026-07-02不在其内", ""},
		{"his AB 角 signs them while he is away", Preset004(), topical, "赵副区长", on, "", "赵副区长（代）"},
		{"a 主任碰头会议, which the rules do not name", Preset003(), directors, "吴副主任", on, "", "吴副主任"},
		{"002 names no signer of minutes", Preset002(), executive, "赵副区长", on, "", "赵副区长"},
	}
	for _, c := range cases {
		a := Authority{Rules: c.rules, Leaders: officeLeaders(), StandIns: []StandIn{away, ab}}
		acting, err := a.CheckMinutesSigner(c.m, leader(t, c.signer), c.on)
		if c.says == "" {
			if err != nil || acting.Printed(c.rules) != c.print {
				t.Errorf("%s: %q, %v", c.name, acting.Printed(c.rules), err)
			}
			continue
		}
		if err == nil || !strings.Contains(ErrorMessage(err), c.says) {
			t.Errorf("%s: %v, want a refusal saying %q", c.name, err, c.says)
		}
	}
	bad := Preset003()
	bad.Minutes[2].Signers = []Role{RoleMayor}
	if err := bad.Validate(); err == nil || !strings.Contains(ErrorMessage(err), "选一种") {
		t.Errorf("a minutes rule with both the chair and posts: %v", err)
	}
}
