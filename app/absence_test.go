package app

import (
	"slices"
	"strings"
	"testing"
)

func absence(who, from, to string) Absence {
	return Absence{Leader: who, Kind: AbsenceLeave, From: MustDate(from), To: MustDate(to), Place: "南京", Contact: "13800000000"}
}

func hasWarning(warnings []string, part string) bool {
	return slices.ContainsFunc(warnings, func(w string) bool { return strings.Contains(w, part) })
}

func TestAbsenceValidate(t *testing.T) {
	leaders, rules := officeLeaders(), Preset003()
	a := absence(" 王区长 ", "2026-03-02", "2026-03-06")
	a.StandIn = "李常务"
	a.Reports = []AbsenceReport{{To: "市政府办公室", On: MustDate("2026-02-27")}, {To: "区委办公室", On: MustDate("2026-02-27")}}
	if err := a.Validate(leaders, rules); err != nil {
		t.Fatal(err)
	}
	s, ok := a.StandInRecord()
	if !ok || s.Leader != "王区长" || s.Deputy != "李常务" || s.From != a.From || s.To != a.To {
		t.Fatalf("the stand-in of the absence: %+v", s)
	}
	// the stand-in the absence names signs for the 区长 while he is away
	auth := Authority{Rules: rules, Leaders: leaders, StandIns: []StandIn{s}}
	if _, err := auth.ActingAs(leader(t, "李常务"), []Role{RoleMayor}, MustDate("2026-03-06")); err != nil {
		t.Errorf("the absence's stand-in on its last day: %v", err)
	}
	if _, none := (Absence{}).StandInRecord(); none {
		t.Error("an absence with no stand-in made one")
	}

	bad := []struct {
		name, want string
		edit       func(*Absence)
	}{
		{"not on the list", "领导名单中没有“孙某”", func(a *Absence) { a.Leader = "孙某" }},
		{"no return day", "请填写外出的起止日期", func(a *Absence) { a.To = Date{} }},
		{"back before leaving", "返回日期（2026-03-01）不能早于外出日期（2026-03-02）", func(a *Absence) { a.To = MustDate("2026-03-01") }},
		{"no place", "请填写前往地点", func(a *Absence) { a.Place = " " }},
		{"unknown kind", "外出类别“旅游”不认识", func(a *Absence) { a.Kind = "旅游" }},
		{"report to nobody", "写明报告给谁", func(a *Absence) { a.Reports = []AbsenceReport{{On: MustDate("2026-02-27")}} }},
		{"report without a day", "请填写向区委办公室报告的日期", func(a *Absence) { a.Reports = []AbsenceReport{{To: "区委办公室"}} }},
		{"a stand-in the rules do not allow", "区长外出时应由常务副区长代理", func(a *Absence) { a.StandIn = "张副区长"; rules = Preset002() }},
	}
	for _, b := range bad {
		rules = Preset003()
		a := absence("王区长", "2026-03-02", "2026-03-06")
		b.edit(&a)
		err := a.Validate(leaders, rules)
		if b.name != "not on the list" { // ENOTFOUND, so the window offers to add him
			wantCode(t, err, EINVALID, b.name)
		}
		if !strings.Contains(ErrorMessage(err), b.want) {
			t.Errorf("%s: %q, want %q", b.name, ErrorMessage(err), b.want)
		}
	}
}

// 000 三十九: 副主任不和分管副区长同时休假. 吴副主任 is linked to 张副区长.
func TestAbsenceLinkedLeadersAwayTogether(t *testing.T) {
	leaders, rules := officeLeaders(), Preset000()
	register := []Absence{absence("张副区长", "2026-06-08", "2026-06-10")}
	register[0].ID = 1
	cases := []struct {
		name, from, to string
		warn           bool
	}{
		{"the same days", "2026-06-08", "2026-06-10", true},
		{"leaves on his last day", "2026-06-10", "2026-06-12", true},
		{"back on his first day", "2026-06-05", "2026-06-08", true},
		{"back the day before", "2026-06-05", "2026-06-07", false},
		{"leaves the day after", "2026-06-11", "2026-06-12", false},
	}
	for _, c := range cases {
		a := absence("吴副主任", c.from, c.to)
		got := hasWarning(a.Warnings(register, leaders, rules), "副主任吴副主任与其联系的副区长张副区长")
		if got != c.warn {
			t.Errorf("%s: warned %v, want %v (%v)", c.name, got, c.warn, a.Warnings(register, leaders, rules))
		}
	}
	w := absence("吴副主任", "2026-06-10", "2026-06-12").Warnings(register, leaders, rules)
	if !hasWarning(w, "在2026-06-10同时外出") {
		t.Errorf("the shared day: %v", w)
	}
	// the other way round: the vice-mayor's absence registered second
	mine := absence("吴副主任", "2026-06-09", "2026-06-09")
	if w := absence("张副区长", "2026-06-01", "2026-06-30").Warnings([]Absence{mine}, leaders, rules); !hasWarning(w, "副主任吴副主任与其联系的副区长张副区长在2026-06-09同时外出") {
		t.Errorf("the vice-mayor's absence over his 副主任's: %v", w)
	}
	// another vice-mayor, or another 副主任's vice-mayor, is no clash
	if w := absence("赵副区长", "2026-06-08", "2026-06-10").Warnings([]Absence{mine}, leaders, rules); hasWarning(w, "同时外出") {
		t.Errorf("a vice-mayor the 副主任 is not linked to: %v", w)
	}
	// the entry itself, when edited, is not a clash with itself
	if w := register[0].Warnings(register, leaders, rules); hasWarning(w, "已有一条外出登记") {
		t.Errorf("an entry against itself: %v", w)
	}
	if w := absence("张副区长", "2026-06-10", "2026-06-11").Warnings(register, leaders, rules); !hasWarning(w, "张副区长在2026-06-10已有一条外出登记") {
		t.Errorf("the same leader twice: %v", w)
	}
}

// 003 第四十四条: the 区长's absence is reported to the 市政府办公室 and
// the 区委办公室, beforehand.
func TestAbsenceReports(t *testing.T) {
	leaders, rules := officeLeaders(), Preset003()
	a := absence("王区长", "2026-03-02", "2026-03-06")
	a.Reports = []AbsenceReport{{To: "市政府办公室", On: MustDate("2026-02-27")}}
	w := a.Warnings(nil, leaders, rules)
	if !hasWarning(w, "区长外出应事先报告市政府办公室、区委办公室（《南通市海门区人民政府工作规则》第四十四条），尚未记录向区委办公室的报告") {
		t.Errorf("missing report: %v", w)
	}
	a.Reports = append(a.Reports, AbsenceReport{To: "区委办公室", On: MustDate("2026-03-03")})
	w = a.Warnings(nil, leaders, rules)
	if len(w) != 1 || !strings.Contains(w[0], "向区委办公室的报告（2026-03-03）晚于外出日期（2026-03-02），应事先报告") {
		t.Errorf("late report: %v", w)
	}
	a.Reports[1].On = MustDate("2026-03-02") // reported the day he left: in time
	if w := a.Warnings(nil, leaders, rules); len(w) != 0 {
		t.Errorf("all reported: %v", w)
	}
	// 004 四十一 asks nothing of the 区长's own absence
	a.Reports = nil
	if w := a.Warnings(nil, leaders, Preset004()); len(w) != 0 {
		t.Errorf("the 区长 under 004: %v", w)
	}
}

// The 工作台 lists who is away in the week, in the order of the leaders'
// list.
func TestAwayThisWeek(t *testing.T) {
	monday, sunday := WeekOf(MustDate("2026-03-05")) // a Thursday
	if monday != MustDate("2026-03-02") || sunday != MustDate("2026-03-08") {
		t.Fatalf("week of 2026-03-05: %s–%s", monday, sunday)
	}
	if m, s := WeekOf(MustDate("2026-03-08")); m != monday || s != sunday {
		t.Fatalf("week of a Sunday: %s–%s", m, s)
	}
	if m, _ := WeekOf(MustDate("2026-03-02")); m != monday {
		t.Fatalf("week of a Monday: %s", m)
	}
	chief := absence("王区长", "2026-03-06", "2026-03-10")
	chief.StandIn = "李常务"
	register := []Absence{
		absence("吴副主任", "2026-03-02", "2026-03-03"),
		absence("张副区长", "2026-02-20", "2026-03-01"), // back before the week
		chief,
		absence("赵副区长", "2026-03-09", "2026-03-12"), // leaves after it
		absence("周主任", "2026-03-08", "2026-03-08"),  // its Sunday
	}
	away := AwayBetween(register, monday, sunday, officeLeaders())
	var lines []string
	for _, a := range away {
		lines = append(lines, a.AwayLine(officeLeaders()))
	}
	want := []string{
		"王区长（区长）休假 3月6日—3月10日 南京，李常务代理",
		"周主任（主任）休假 3月8日 南京",
		"吴副主任（副主任）休假 3月2日—3月3日 南京",
	}
	if !slices.Equal(lines, want) {
		t.Errorf("away this week:\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

// A refusal of an unknown kind, body or category lists every choice the
// code accepts.
func TestUnknownChoiceListsEveryChoice(t *testing.T) {
	a := absence("王区长", "2026-03-02", "2026-03-06")
	a.Kind = "开会"
	err := a.Validate(officeLeaders(), Preset003())
	if ErrorMessage(err) != "外出类别“开会”不认识，应为出差、出访、学习、休假、病假、事假或其他" {
		t.Fatalf("unknown absence kind: %v", err)
	}
	rules := Preset003()
	rules.Rows[0].Body = "区委"
	if got := ErrorMessage(rules.Validate()); !strings.HasSuffix(got, "应为区人民政府、区人民政府办公室或区人民政府党组") {
		t.Fatalf("unknown body: %s", got)
	}
	rules = Preset003()
	rules.Rows[0].Kind = "函"
	if got := ErrorMessage(rules.Validate()); !strings.HasSuffix(got, "应为一般公文、规范性文件、决定、议案、向上级的请示、报告或重要公文") {
		t.Fatalf("unknown kind: %s", got)
	}
}
