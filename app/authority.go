package app

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// IssuerPartyGroup is the 区政府党组, the third body the office drafts for
// (000 二十九: 以区政府党组、区政府名义行文 … 再呈党组书记、区长签发).
const IssuerPartyGroup IssuerBody = "区人民政府党组"

// IssuerBodies lists the bodies in whose name the office drafts.
var IssuerBodies = []IssuerBody{IssuerGovernment, IssuerOffice, IssuerPartyGroup}

// SigningKind is the kind of an outgoing document as far as signing goes:
// the seeds give different signers to ordinary documents, to 规范性文件、
// 决定、议案, to 请示、报告 sent up to the city, and to important ones.
type SigningKind string

const (
	SignOrdinary  SigningKind = "一般公文"
	SignNormative SigningKind = "规范性文件、决定、议案"
	SignUpward    SigningKind = "向上级的请示、报告"
	SignImportant SigningKind = "重要公文"
)

// SigningKinds lists the kinds in the order 设置 shows them.
var SigningKinds = []SigningKind{SignOrdinary, SignNormative, SignUpward, SignImportant}

// SigningStep is one review a draft needs before it is signed: 分管副区长
// 审核, 区长同意 … Steps of a lower Stage must be recorded before those of a
// higher one; steps of the same Stage may come in any order.
type SigningStep struct {
	Name  string `json:"name"`
	Posts []Role `json:"posts"`
	Stage int    `json:"stage"`
}

// SigningRule says, for documents of one kind issued in one body's name,
// who reviews and who may sign, and where the office's rules say so.
type SigningRule struct {
	Body    IssuerBody    `json:"body"`
	Kind    SigningKind   `json:"kind"`
	Reviews []SigningStep `json:"reviews"`
	Signers []Role        `json:"signers"`
	Cite    string        `json:"cite"` // 《…工作规则》第二十六条
}

// DeputyRule says who may stand in for the holder of a post (003 第六条:
// the 区长's work is led by the 常务副区长 or another 副区长).
type DeputyRule struct {
	For  Role   `json:"for"`
	By   []Role `json:"by"`
	Cite string `json:"cite"`
}

// ReportRule says whom a leader of the post tells before he leaves the
// district (003 第四十四条: the 区长's absence is reported to the
// 市政府办公室 and the 区委办公室).
type ReportRule struct {
	Who  Role     `json:"who"`
	To   []string `json:"to"`
	Cite string   `json:"cite"`
}

// MinutesRule says who signs the minutes of a kind of meeting: leaders of
// the posts, or the leader who chaired it (003 第十九条: 专题会议纪要报主持
// 会议的区政府领导签发).
type MinutesRule struct {
	Kind    MeetingKind `json:"kind"`
	Signers []Role      `json:"signers,omitempty"`
	Chair   bool        `json:"chair,omitempty"` // the chair signs
	Cite    string      `json:"cite"`
}

// SigningRules are an office's rules of authority: who reviews and signs
// each kind of document, who may stand in for whom, whom an absence is
// reported to and who signs a meeting's minutes. They are office data; the
// presets (authority_presets.go) give the rules of the districts the
// program was modelled on, Preset003 the default.
type SigningRules struct {
	Name       string        `json:"name"` // the preset it started from, shown in 设置
	Rows       []SigningRule `json:"rows"`
	Deputies   []DeputyRule  `json:"deputies"`
	Reporting  []ReportRule  `json:"reporting"`
	Minutes    []MinutesRule `json:"minutes"`
	ActingMark string        `json:"acting_mark"` // printed after a stand-in's name: （代）, or （代{职务}）
}

// DefaultActingMark is printed after the name of a leader who signs for
// another: 李四（代）.
const DefaultActingMark = "（代）"

// postPlaceholder in an ActingMark is replaced by the post stood in for:
// （代{职务}） prints 李四（代区长）.
const postPlaceholder = "{职务}"

// orPosts lists the choices as the office writes them, 甲、乙或丙: posts,
// and also the kinds and bodies a refusal names, so that a message always
// lists what the code accepts.
func orPosts[T ~string](choices []T) string {
	names := make([]string, len(choices))
	for i, c := range choices {
		names[i] = string(c)
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], "、") + "或" + names[len(names)-1]
}

func leaderPost(r Role) bool { return slices.Contains(Roles, r) && r != RoleOther }

// Validate checks the rules can decide every signature they are asked
// about; the message names the row to correct.
func (s SigningRules) Validate() error {
	if len(s.Rows) == 0 {
		return Errorf(EINVALID, "签发规则是空的：请至少为以区人民政府和区人民政府办公室名义的一般公文各写一行")
	}
	for i, r := range s.Rows {
		row := fmt.Sprintf("签发规则第%d行", i+1)
		if !slices.Contains(IssuerBodies, r.Body) {
			return Errorf(EINVALID, "%s：发文机关“%s”不认识，应为%s", row, r.Body, orPosts(IssuerBodies))
		}
		if !slices.Contains(SigningKinds, r.Kind) {
			return Errorf(EINVALID, "%s：公文类别“%s”不认识，应为%s", row, r.Kind, orPosts(SigningKinds))
		}
		row += fmt.Sprintf("（以%s名义的%s）", r.Body, r.Kind)
		for j := range i {
			if s.Rows[j].Body == r.Body && s.Rows[j].Kind == r.Kind {
				return Errorf(EINVALID, "%s与第%d行重复，请合并为一行", row, j+1)
			}
		}
		if len(r.Signers) == 0 {
			return Errorf(EINVALID, "%s：请写明由谁签发", row)
		}
		for _, p := range r.Signers {
			if !leaderPost(p) {
				return Errorf(EINVALID, "%s：签发人“%s”不是领导职务，应为%s", row, p, orPosts(Roles[:len(Roles)-1]))
			}
		}
		for k, st := range r.Reviews {
			if strings.TrimSpace(st.Name) == "" {
				return Errorf(EINVALID, "%s：第%d个审核环节没有名称（如“分管副区长审核”）", row, k+1)
			}
			if len(st.Posts) == 0 {
				return Errorf(EINVALID, "%s：“%s”请写明由哪些职务办理", row, st.Name)
			}
			for _, p := range st.Posts {
				if !leaderPost(p) {
					return Errorf(EINVALID, "%s：“%s”的职务“%s”不是领导职务", row, st.Name, p)
				}
			}
			if k > 0 && st.Stage < r.Reviews[k-1].Stage {
				return Errorf(EINVALID, "%s：审核环节请按先后顺序排列（“%s”的顺序号小于前一环节）", row, st.Name)
			}
		}
		if strings.TrimSpace(r.Cite) == "" {
			return Errorf(EINVALID, "%s：请写明依据的规则条款", row)
		}
	}
	for _, b := range []IssuerBody{IssuerGovernment, IssuerOffice} {
		if !slices.ContainsFunc(s.Rows, func(r SigningRule) bool { return r.Body == b && r.Kind == SignOrdinary }) {
			return Errorf(EINVALID, "签发规则缺少以%s名义的%s一行（其他类别未写明时按这一行签发）", b, SignOrdinary)
		}
	}
	for i, d := range s.Deputies {
		row := fmt.Sprintf("代理规则第%d行", i+1)
		if !leaderPost(d.For) {
			return Errorf(EINVALID, "%s：被代理的职务“%s”不是领导职务", row, d.For)
		}
		if len(d.By) == 0 {
			return Errorf(EINVALID, "%s：请写明%s外出时由哪些职务代理", row, d.For)
		}
		for _, p := range d.By {
			if !leaderPost(p) {
				return Errorf(EINVALID, "%s：代理人的职务“%s”不是领导职务", row, p)
			}
		}
		for j := range i {
			if s.Deputies[j].For == d.For {
				return Errorf(EINVALID, "%s与第%d行都是%s的代理，请合并为一行", row, j+1, d.For)
			}
		}
		if strings.TrimSpace(d.Cite) == "" {
			return Errorf(EINVALID, "%s：请写明依据的规则条款", row)
		}
	}
	for i, r := range s.Reporting {
		if !leaderPost(r.Who) || len(r.To) == 0 || slices.ContainsFunc(r.To, func(t string) bool { return strings.TrimSpace(t) == "" }) {
			return Errorf(EINVALID, "外出报告规则第%d行：请写明哪个职务外出、向谁报告", i+1)
		}
	}
	for i, m := range s.Minutes {
		row := fmt.Sprintf("纪要签发规则第%d行", i+1)
		if !slices.Contains(MeetingKinds, m.Kind) {
			return Errorf(EINVALID, "%s：会议类型“%s”不认识", row, m.Kind)
		}
		if m.Chair == (len(m.Signers) > 0) {
			return Errorf(EINVALID, "%s（%s）：请在“由主持人签发”和“由以下职务签发”中选一种", row, m.Kind)
		}
		for _, p := range m.Signers {
			if !leaderPost(p) {
				return Errorf(EINVALID, "%s（%s）：签发人“%s”不是领导职务", row, m.Kind, p)
			}
		}
		for j := range i {
			if s.Minutes[j].Kind == m.Kind {
				return Errorf(EINVALID, "%s与第%d行都是%s，请合并为一行", row, j+1, m.Kind)
			}
		}
		if strings.TrimSpace(m.Cite) == "" {
			return Errorf(EINVALID, "%s（%s）：请写明依据的规则条款", row, m.Kind)
		}
	}
	mark := strings.TrimSpace(s.ActingMark)
	if mark == "" {
		return Errorf(EINVALID, "请填写代签时名字后的标注，如“%s”", DefaultActingMark)
	}
	if utf8.RuneCountInString(mark) > 12 {
		return Errorf(EINVALID, "代签标注“%s”太长，请不超过12个字", mark)
	}
	return nil
}

// Rule is the row that governs documents of kind issued in body's name; a
// kind the office gave no row is signed as the body's ordinary documents.
func (s SigningRules) Rule(body IssuerBody, kind SigningKind) (SigningRule, error) {
	if kind == "" {
		kind = SignOrdinary
	}
	for _, want := range []SigningKind{kind, SignOrdinary} {
		for _, r := range s.Rows {
			if r.Body == body && r.Kind == want {
				return r, nil
			}
		}
	}
	return SigningRule{}, Errorf(EINVALID, "签发规则中没有以%s名义发文的规定，请先在“设置—签发规则”中添加", body)
}

// Reviewers lists every post that takes part in a review of the row, so
// that 审核 accepts exactly the leaders the rules name.
func (r SigningRule) Reviewers() []Role {
	var out []Role
	for _, st := range r.Reviews {
		for _, p := range st.Posts {
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// Deputy returns the rule of who may stand in for the post.
func (s SigningRules) Deputy(post Role) (DeputyRule, bool) {
	for _, d := range s.Deputies {
		if d.For == post {
			return d, true
		}
	}
	return DeputyRule{}, false
}

// ReportsFor is whom a leader of the post must tell before leaving.
func (s SigningRules) ReportsFor(post Role) (ReportRule, bool) {
	for _, r := range s.Reporting {
		if r.Who == post {
			return r, true
		}
	}
	return ReportRule{}, false
}

// Mark is the text printed after a stand-in's name when he acts for a
// leader of the post: （代） or, with {职务}, （代区长）.
func (s SigningRules) Mark(post Role) string {
	mark := strings.TrimSpace(s.ActingMark)
	if mark == "" {
		mark = DefaultActingMark
	}
	return strings.ReplaceAll(mark, postPlaceholder, string(post))
}

// Authority is what a signature is decided with: the office's rules, its
// leaders and the stand-ins it recorded.
type Authority struct {
	Rules    SigningRules
	Leaders  []Leader
	StandIns []StandIn
}

// SignatureRequest is a proposed 签发: the draft's body and kind, the
// reviews recorded on it so far, who signs and when.
type SignatureRequest struct {
	Body    IssuerBody
	Kind    SigningKind
	Reviews []Review
	Signer  Leader
	On      Date
}

// Signature is an accepted 签发: the rule that allowed it and, when the
// signer stood in for another leader, how he acted.
type Signature struct {
	Rule   SigningRule
	Acting Acting
}

// Printed is the signer as the paper shows him: 王五, or 李四（代）.
func (s Signature) Printed(rules SigningRules) string { return s.Acting.Printed(rules) }

// CheckSignature decides whether the request may be signed under the
// office's rules: the reviews of the row are recorded (in their order) and
// the signer holds one of its posts, himself or as a stand-in on that day.
// The refusal says why and cites the rule.
func (a Authority) CheckSignature(req SignatureRequest) (Signature, error) {
	kind := req.Kind
	if kind == "" {
		kind = SignOrdinary
	}
	rule, err := a.Rules.Rule(req.Body, kind)
	if err != nil {
		return Signature{}, err
	}
	what := fmt.Sprintf("以%s名义发文", req.Body)
	if kind != SignOrdinary {
		what = fmt.Sprintf("以%s名义的%s", req.Body, kind)
	}
	acting, err := a.ActingAs(req.Signer, rule.Signers, req.On)
	if err != nil {
		if ErrorCode(err) == ENOTFOUND {
			return Signature{}, Errorf(EINVALID, "%s应由%s签发，%s是%s（%s）", what, orPosts(rule.Signers), req.Signer.Name, req.Signer.Role, rule.Cite)
		}
		return Signature{}, err
	}
	if err := a.checkReviews(rule, req.Reviews, what); err != nil {
		return Signature{}, err
	}
	return Signature{Rule: rule, Acting: acting}, nil
}

// stepMatch is the review that satisfies a step: its index in the
// reviews, or -1; early is a review that would satisfy it but was recorded
// before a review of an earlier stage, or -1.
type stepMatch struct {
	step         SigningStep
	found, early int
}

// matchReviews finds, for each step of the rule, a review by one of its
// posts (or by a stand-in for one on the day of the review), recorded after
// every review used by the earlier stages; each review serves one step.
func (a Authority) matchReviews(rule SigningRule, reviews []Review) []stepMatch {
	used := make([]bool, len(reviews))
	last := -1  // index of the last review used so far
	after := -1 // reviews of the current stage must come after this index
	out := make([]stepMatch, len(rule.Reviews))
	for k, st := range rule.Reviews {
		if k > 0 && st.Stage != rule.Reviews[k-1].Stage {
			after = last
		}
		m := stepMatch{step: st, found: -1, early: -1}
		for i, r := range reviews {
			if used[i] || !a.reviewHolds(r, st.Posts) {
				continue
			}
			if i > after {
				m.found = i
				break
			}
			if m.early < 0 {
				m.early = i
			}
		}
		if m.found >= 0 {
			used[m.found] = true
			last = max(last, m.found)
		}
		out[k] = m
	}
	return out
}

// checkReviews says which review the rule still needs before signing, and
// which was recorded out of its order.
func (a Authority) checkReviews(rule SigningRule, reviews []Review, what string) error {
	for _, m := range a.matchReviews(rule, reviews) {
		switch {
		case m.found >= 0:
			continue
		case m.early >= 0:
			var before []SigningStep
			for _, p := range rule.Reviews {
				if p.Stage < m.step.Stage {
					before = append(before, p)
				}
			}
			return Errorf(ESTATE, "%s须先经%s，再经%s；%s的审核记在前面，请按顺序重新审核（%s）", what, stepNames(before), m.step.Name, reviews[m.early].Leader, rule.Cite)
		}
		return Errorf(ESTATE, "%s须经%s后才能签发，请先由%s审核（%s）", what, stepNames(rule.Reviews), orPosts(m.step.Posts), rule.Cite)
	}
	return nil
}

// ReviewsAwaited names the reviews a draft of that body and kind still
// waits for under the office's rules, in their order: what the 发文 book
// shows as 待审核.
func (a Authority) ReviewsAwaited(body IssuerBody, kind SigningKind, reviews []Review) ([]string, error) {
	rule, err := a.Rules.Rule(body, kind)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, m := range a.matchReviews(rule, reviews) {
		if m.found < 0 {
			out = append(out, m.step.Name)
		}
	}
	return out, nil
}

func stepNames(steps []SigningStep) string {
	names := make([]string, len(steps))
	for i, st := range steps {
		names[i] = st.Name
	}
	return strings.Join(names, "、")
}

// reviewHolds reports whether the review was made in one of the posts,
// by the holder or by his stand-in on the day of the review.
func (a Authority) reviewHolds(r Review, posts []Role) bool {
	_, err := a.ActingAs(Leader{Name: r.Leader, Role: r.Role}, posts, r.On)
	return err == nil
}

// CheckMinutesSigner decides whether signer may sign the minutes of the
// meeting on day on: a leader of the posts the office's rules name for its
// kind, or its chair, himself or as a recorded stand-in. A kind the rules
// say nothing of may be signed by any leader on the list.
func (a Authority) CheckMinutesSigner(m *Meeting, signer Leader, on Date) (Acting, error) {
	i := slices.IndexFunc(a.Rules.Minutes, func(r MinutesRule) bool { return r.Kind == m.Kind })
	if i < 0 {
		return Acting{Leader: signer}, nil
	}
	rule := a.Rules.Minutes[i]
	if rule.Chair {
		acting, err := a.ActsFor(signer, m.Chair, on)
		if ErrorCode(err) == ENOTFOUND {
			return Acting{}, Errorf(EINVALID, "%s的纪要应由主持会议的%s签发，%s不是主持人，也没有代理%s的记录（%s）", m.Kind, m.Chair, signer.Name, m.Chair, rule.Cite)
		}
		return acting, err
	}
	acting, err := a.ActingAs(signer, rule.Signers, on)
	if ErrorCode(err) == ENOTFOUND {
		return Acting{}, Errorf(EINVALID, "%s的纪要应由%s签发，%s是%s（%s）", m.Kind, orPosts(rule.Signers), signer.Name, signer.Role, rule.Cite)
	}
	return acting, err
}
