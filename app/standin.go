package app

import (
	"fmt"
	"slices"
	"strings"
)

// StandIn records that Deputy acts for Leader from From to To, both days
// included: the 常务副区长 主持工作 while the 区长 is away (003 第六条,
// 002 第三篇 七), a vice-mayor for his AB 角 partner (004 五), a 副主任 for
// the 主任 (000 二十五).
type StandIn struct {
	ID        int64
	Leader    string // the leader stood in for
	Deputy    string // who acts for him
	From, To  Date
	Reason    string // 区长出差, 委托主持工作 …
	AbsenceID int64  // the absence it was made from; 0 when entered alone
}

// Covers reports whether the stand-in holds on day d.
func (s StandIn) Covers(d Date) bool { return !d.Before(s.From) && !d.After(s.To) }

// Period is the stand-in's days as the office writes them.
func (s StandIn) Period() string { return period(s.From, s.To) }

func period(from, to Date) string {
	if from == to {
		return from.String()
	}
	return from.String() + "至" + to.String()
}

func leaderByName(leaders []Leader, name string) (Leader, bool) {
	i := slices.IndexFunc(leaders, func(l Leader) bool { return l.Name == name })
	if i < 0 {
		return Leader{}, false
	}
	return leaders[i], true
}

// Validate checks the stand-in before it is recorded: both leaders on the
// list, two different people, a whole period, and a deputy whose post the
// office's rules allow to act for the leader's post.
func (s *StandIn) Validate(leaders []Leader, rules SigningRules) error {
	s.Leader, s.Deputy, s.Reason = strings.TrimSpace(s.Leader), strings.TrimSpace(s.Deputy), strings.TrimSpace(s.Reason)
	if s.Leader == "" {
		return Errorf(EINVALID, "请填写被代理的领导")
	}
	if s.Deputy == "" {
		return Errorf(EINVALID, "请填写代理人")
	}
	if s.Leader == s.Deputy {
		return Errorf(EINVALID, "代理人不能是%s本人", s.Leader)
	}
	who, err := LeaderNamed(leaders, s.Leader)
	if err != nil {
		return err
	}
	deputy, err := LeaderNamed(leaders, s.Deputy)
	if err != nil {
		return err
	}
	if !deputy.Active {
		return Errorf(EINVALID, "%s已不在领导名单的在任领导中，不能代理", deputy.Name)
	}
	if s.From.IsZero() || s.To.IsZero() {
		return Errorf(EINVALID, "请填写代理的起止日期")
	}
	if s.To.Before(s.From) {
		return Errorf(EINVALID, "代理的结束日期（%s）不能早于开始日期（%s）", s.To, s.From)
	}
	rule, ok := rules.Deputy(who.Role)
	if !ok {
		return Errorf(EINVALID, "签发规则没有规定%s外出时由谁代理，请先在“设置—签发规则”的代理规则中添加", who.Role)
	}
	if !slices.Contains(rule.By, deputy.Role) {
		return Errorf(EINVALID, "%s外出时应由%s代理（%s），%s是%s", who.Role, orPosts(rule.By), rule.Cite, deputy.Name, deputy.Role)
	}
	return nil
}

// Label is what the stand-in is called: 主持工作 for the 区长 or the 主任,
// AB角代行 between vice-mayors (004 五), 代理 otherwise.
func (s StandIn) Label(leaders []Leader) string {
	l, _ := leaderByName(leaders, s.Leader)
	switch l.Role {
	case RoleMayor, RoleOfficeDirector:
		return "主持工作"
	case RoleViceMayor, RoleExecutiveVice:
		return "AB角代行"
	}
	return "代理"
}

// HistoryText is the line the history keeps when the stand-in is recorded:
// 李四（常务副区长）代王五（区长）主持工作，2026-03-02至2026-03-06.
func (s StandIn) HistoryText(leaders []Leader) string {
	return fmt.Sprintf("%s代%s%s，%s", withPost(leaders, s.Deputy), withPost(leaders, s.Leader), s.Label(leaders), s.Period())
}

func withPost(leaders []Leader, name string) string {
	if l, ok := leaderByName(leaders, name); ok && l.Role != "" {
		return fmt.Sprintf("%s（%s）", name, l.Role)
	}
	return name
}

// Acting is how a leader takes a step: in his own post, or standing in for
// another leader (For) under a recorded stand-in.
type Acting struct {
	Leader  Leader
	For     Leader // zero when he acts in his own post
	StandIn StandIn
}

// IsStandIn reports whether the leader acts for another.
func (a Acting) IsStandIn() bool { return a.For.Name != "" }

// Post is the post the step is taken in.
func (a Acting) Post() Role {
	if a.IsStandIn() {
		return a.For.Role
	}
	return a.Leader.Role
}

// Printed is the name the paper shows: 王五, or 李四（代） in the office's
// wording.
func (a Acting) Printed(rules SigningRules) string {
	if a.IsStandIn() {
		return a.Leader.Name + rules.Mark(a.For.Role)
	}
	return a.Leader.Name
}

// HistoryText is the history's line for a step (签发, 审签 …) taken this
// way: 王五签发, or 李四（常务副区长）代王五（区长）签发（代理期间…）.
func (a Acting) HistoryText(step string) string {
	if !a.IsStandIn() {
		return a.Leader.Name + step
	}
	return fmt.Sprintf("%s（%s）代%s（%s）%s（代理期间%s）", a.Leader.Name, a.Leader.Role, a.For.Name, a.For.Role, step, a.StandIn.Period())
}

// ActingAs decides whether leader may take a step that needs one of posts
// on day on: in his own post, or as the recorded stand-in of a leader who
// holds one of them, on a day of the stand-in. A stand-in outside its
// period is refused with its period; no stand-in at all is ENOTFOUND, for
// the caller to say what the step needs.
func (a Authority) ActingAs(leader Leader, posts []Role, on Date) (Acting, error) {
	if slices.Contains(posts, leader.Role) {
		return Acting{Leader: leader}, nil
	}
	acting, err := a.standingIn(leader, on, func(s StandIn, who Leader) bool { return who.Name != "" && slices.Contains(posts, who.Role) })
	if ErrorCode(err) == ENOTFOUND {
		return Acting{}, Errorf(ENOTFOUND, "%s是%s，也没有代理%s的记录", leader.Name, leader.Role, orPosts(posts))
	}
	return acting, err
}

// ActsFor decides whether leader may take a step that needs the named
// leader himself (the chair who signs a 专题会议's minutes, 003 第十九条),
// or his stand-in on day on; like ActingAs, no stand-in at all is ENOTFOUND.
func (a Authority) ActsFor(leader Leader, name string, on Date) (Acting, error) {
	if leader.Name == name {
		return Acting{Leader: leader}, nil
	}
	acting, err := a.standingIn(leader, on, func(s StandIn, _ Leader) bool { return s.Leader == name })
	if ErrorCode(err) == ENOTFOUND {
		return Acting{}, Errorf(ENOTFOUND, "应由%s办理，%s也没有代理%s的记录", name, leader.Name, name)
	}
	return acting, err
}

// standingIn finds the recorded stand-in under which leader acts, on day
// on, for a leader that stoodFor accepts. A stand-in whose period does not
// cover the day is refused with its period (the last such one); none at
// all is ENOTFOUND, for the caller to say what the step needs.
func (a Authority) standingIn(leader Leader, on Date, stoodFor func(s StandIn, who Leader) bool) (Acting, error) {
	var outside *StandIn
	for _, s := range a.StandIns {
		if s.Deputy != leader.Name {
			continue
		}
		who, _ := leaderByName(a.Leaders, s.Leader)
		if !stoodFor(s, who) {
			continue
		}
		if s.Covers(on) {
			return Acting{Leader: leader, For: who, StandIn: s}, nil
		}
		outside = &s
	}
	if outside != nil {
		return Acting{}, Errorf(EINVALID, "%s代%s%s的期间是%s，%s不在其内", leader.Name, withPost(a.Leaders, outside.Leader), outside.Label(a.Leaders), outside.Period(), on)
	}
	return Acting{}, Errorf(ENOTFOUND, "%s没有代理的记录", leader.Name)
}

// PrintedSigner is the signer as the 发文稿纸 prints him: the printed name
// kept at 签发 (李四（代）), else his name.
func (d *Document) PrintedSigner() string {
	if d.SignerPrinted != "" {
		return d.SignerPrinted
	}
	return d.Signer
}

// Printed is the reviewer as the paper shows him: 李四, or 李四（代王五）
// when he reviewed for another leader.
func (r Review) Printed() string {
	if r.For != "" {
		return r.Leader + "（代" + r.For + "）"
	}
	return r.Leader
}

// PrintedApprover is the approver as the seal form prints him: the printed
// name kept when he stood in (李四（代）), else his name.
func (a Approval) PrintedApprover() string {
	if a.Printed != "" {
		return a.Printed
	}
	return a.Approver
}

// PrintedSigner is the minutes' signer as printed: 李四（代） when he stood
// in, else his name.
func (m Minutes) PrintedSigner() string {
	if m.SignerPrinted != "" {
		return m.SignerPrinted
	}
	return m.Signer
}
