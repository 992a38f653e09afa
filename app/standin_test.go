package app

import (
	"strings"
	"testing"
)

// The 常务副区长 主持工作 while the 区长 is away 2026-03-02 to 03-06
// (003 第六条): he signs 区政府 documents on the first and the last day,
// with （代） after his name, and not a day before or after.
func TestStandInSignsInItsPeriod(t *testing.T) {
	rules := Preset003()
	standIn := StandIn{Leader: "王区长", Deputy: "李常务", From: MustDate("2026-03-02"), To: MustDate("2026-03-06"), Reason: "王区长出差"}
	if err := standIn.Validate(officeLeaders(), rules); err != nil {
		t.Fatal(err)
	}
	a := Authority{Rules: rules, Leaders: officeLeaders(), StandIns: []StandIn{standIn}}
	sign := func(day string) (Signature, error) {
		return a.CheckSignature(SignatureRequest{Body: IssuerGovernment, Reviews: reviewed(t, "周主任", "张副区长"), Signer: leader(t, "李常务"), On: MustDate(day)})
	}
	for _, day := range []string{"2026-03-02", "2026-03-04", "2026-03-06"} {
		sig, err := sign(day)
		if err != nil {
			t.Fatalf("%s, inside the stand-in: %v", day, err)
		}
		if got := sig.Printed(rules); got != "李常务（代）" {
			t.Errorf("%s: printed %q", day, got)
		}
		if got := sig.Acting.HistoryText("签发"); got != "李常务（常务副区长）代王区长（区长）签发（代理期间2026-03-02至2026-03-06）" {
			t.Errorf("%s: history %q", day, got)
		}
		if sig.Acting.Post() != RoleMayor {
			t.Errorf("%s: acting as %s", day, sig.Acting.Post())
		}
	}
	for _, day := range []string{"2026-03-01", "2026-03-07"} {
		_, err := sign(day)
		wantCode(t, err, EINVALID, day+", outside the stand-in")
		if want := "李常务代王区长（区长）主持工作的期间是2026-03-02至2026-03-06，" + day + "不在其内"; ErrorMessage(err) != want {
			t.Errorf("%s: %q, want %q", day, ErrorMessage(err), want)
		}
	}
	// the 区长 himself still signs while a stand-in is recorded
	if sig, err := a.CheckSignature(SignatureRequest{Body: IssuerGovernment, Reviews: reviewed(t, "周主任", "张副区长"), Signer: leader(t, "王区长"), On: MustDate("2026-03-04")}); err != nil || sig.Acting.IsStandIn() || sig.Printed(rules) != "王区长" {
		t.Errorf("the 区长 signing during the stand-in: %+v, %v", sig, err)
	}
	// a stand-in for the 区长 does not make the deputy the 主任
	if _, err := a.CheckSignature(SignatureRequest{Body: IssuerOffice, Reviews: reviewed(t, "周主任"), Signer: leader(t, "李常务"), On: MustDate("2026-03-04")}); err == nil || !strings.Contains(ErrorMessage(err), "应由主任签发") {
		t.Errorf("the 区长's stand-in signing an office document: %v", err)
	}
	if got := standIn.HistoryText(officeLeaders()); got != "李常务（常务副区长）代王区长（区长）主持工作，2026-03-02至2026-03-06" {
		t.Errorf("stand-in history: %q", got)
	}
}

// 004 五: vice-mayors stand in for each other (AB 角). Under 004 the
// 常务副区长 signs office documents, so his AB 角 partner signs them while
// he is away, in the office's own wording.
func TestABRoleStandIn(t *testing.T) {
	rules := Preset004()
	rules.ActingMark = "（代{职务}）"
	standIn := StandIn{Leader: "李常务", Deputy: "张副区长", From: MustDate("2026-04-07"), To: MustDate("2026-04-07")}
	if err := standIn.Validate(officeLeaders(), rules); err != nil {
		t.Fatal(err)
	}
	if got := standIn.Label(officeLeaders()); got != "AB角代行" {
		t.Errorf("label %q", got)
	}
	a := Authority{Rules: rules, Leaders: officeLeaders(), StandIns: []StandIn{standIn}}
	sig, err := a.CheckSignature(SignatureRequest{Body: IssuerOffice, Signer: leader(t, "张副区长"), On: MustDate("2026-04-07")})
	if err != nil || sig.Printed(rules) != "张副区长（代常务副区长）" {
		t.Fatalf("AB 角 signing: %q, %v", sig.Printed(rules), err)
	}
	_, err = a.CheckSignature(SignatureRequest{Body: IssuerOffice, Signer: leader(t, "张副区长"), On: MustDate("2026-04-08")})
	wantCode(t, err, EINVALID, "the day after the AB 角 stand-in")
}

// A review made by a stand-in counts for the post he stood in for, on the
// day of the review (000 二十五: the 副主任 主持工作 while the 主任 is away).
func TestStandInReviewsAndActsFor(t *testing.T) {
	rules := Preset000()
	standIn := StandIn{Leader: "周主任", Deputy: "吴副主任", From: MustDate("2026-05-11"), To: MustDate("2026-05-15")}
	if err := standIn.Validate(officeLeaders(), rules); err != nil {
		t.Fatal(err)
	}
	a := Authority{Rules: rules, Leaders: officeLeaders(), StandIns: []StandIn{standIn}}
	review := func(name string, day string) Review {
		l := leader(t, name)
		return Review{Leader: l.Name, Role: l.Role, On: MustDate(day)}
	}
	req := SignatureRequest{Body: IssuerGovernment, Signer: leader(t, "王区长"), On: MustDate("2026-05-20"),
		Reviews: []Review{review("吴副主任", "2026-05-08"), review("吴副主任", "2026-05-12"), review("张副区长", "2026-05-13")}}
	if _, err := a.CheckSignature(req); err != nil {
		t.Fatalf("the 副主任's 审签 for the 主任 during the stand-in: %v", err)
	}
	req.Reviews[1].On = MustDate("2026-05-18")
	if _, err := a.CheckSignature(req); err == nil || !strings.Contains(ErrorMessage(err), "请先由主任审核") {
		t.Fatalf("the 副主任's second review after the stand-in: %v", err)
	}
	// the chair of a 专题会议 signs its minutes, or his stand-in (003 第十九条)
	if acting, err := a.ActsFor(leader(t, "吴副主任"), "周主任", MustDate("2026-05-15")); err != nil || acting.Printed(rules) != "吴副主任（代）" {
		t.Errorf("minutes signed for the chair: %q, %v", acting.Printed(rules), err)
	}
	if _, err := a.ActsFor(leader(t, "吴副主任"), "周主任", MustDate("2026-05-16")); err == nil || !strings.Contains(ErrorMessage(err), "不在其内") {
		t.Errorf("minutes signed for the chair after the stand-in: %v", err)
	}
	if _, err := a.ActsFor(leader(t, "张副区长"), "周主任", MustDate("2026-05-12")); err == nil || !strings.Contains(ErrorMessage(err), "应由周主任办理") {
		t.Errorf("minutes signed by someone else: %v", err)
	}
	// the seal's 审签 step (003 第三十一条: 主任审签 of the office seal)
	if acting, err := a.ActingAs(leader(t, "吴副主任"), []Role{RoleOfficeDirector}, MustDate("2026-05-11")); err != nil || acting.HistoryText("审签") != "吴副主任（副主任）代周主任（主任）审签（代理期间2026-05-11至2026-05-15）" {
		t.Errorf("seal 审签 by the stand-in: %q, %v", acting.HistoryText("审签"), err)
	}
}

func TestStandInValidate(t *testing.T) {
	leaders := append(officeLeaders(), Leader{Name: "钱前任", Role: RoleViceMayor, Order: 9})
	cases := []struct {
		name  string
		rules SigningRules
		s     StandIn
		want  string
	}{
		{"a 副区长 for the 区长 under 002", Preset002(), StandIn{Leader: "王区长", Deputy: "张副区长"}, "区长外出时应由常务副区长代理（《区政府工作规则》第三篇 七），张副区长是副区长"},
		{"no rule for the 主任 under 003", Preset003(), StandIn{Leader: "周主任", Deputy: "吴副主任"}, "签发规则没有规定主任外出时由谁代理"},
		{"himself", Preset003(), StandIn{Leader: "王区长", Deputy: " 王区长 "}, "代理人不能是王区长本人"},
		{"no deputy", Preset003(), StandIn{Leader: "王区长"}, "请填写代理人"},
		{"not on the list", Preset003(), StandIn{Leader: "王区长", Deputy: "孙某"}, "领导名单中没有“孙某”"},
		{"a former leader", Preset003(), StandIn{Leader: "王区长", Deputy: "钱前任"}, "钱前任已不在领导名单的在任领导中"},
		{"reversed dates", Preset003(), StandIn{Leader: "王区长", Deputy: "李常务", From: MustDate("2026-03-06"), To: MustDate("2026-03-02")}, "代理的结束日期（2026-03-02）不能早于开始日期（2026-03-06）"},
	}
	for _, c := range cases {
		s := c.s
		if s.From.IsZero() && !strings.Contains(c.name, "dates") {
			s.From, s.To = MustDate("2026-03-02"), MustDate("2026-03-06")
		}
		err := s.Validate(leaders, c.rules)
		if err == nil || !strings.Contains(ErrorMessage(err), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	ok := StandIn{Leader: "王区长", Deputy: "张副区长", From: MustDate("2026-03-02"), To: MustDate("2026-03-02")}
	if err := ok.Validate(leaders, Preset003()); err != nil {
		t.Errorf("a 副区长 for the 区长 under 003 第六条: %v", err)
	}
}
