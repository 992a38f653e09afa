package app

import "testing"

func TestMeetingTopicsDue(t *testing.T) {
	cal := NewCalendar(nil, nil)
	m := &Meeting{Kind: MeetingExecutive, Term: "十八届政府", Seq: 9, Date: MustDate("2026-10-12"), Chair: "王建国",
		Topics: []Topic{{Title: "审议冬季供暖方案", ReportingUnit: "区住建局"}}}
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := m.TopicsDue(cal); err != nil {
		t.Fatal(err)
	}
	// Five working days before Monday 10-12, over the National Day holiday,
	// with Saturday 10-10 a make-up working day: 10-10, 10-09, 10-08, 09-30, 09-29.
	if m.Topics[0].DueOn != MustDate("2026-09-29") || m.Topics[0].Seq != 1 {
		t.Fatalf("topic due %s", m.Topics[0].DueOn)
	}
	other := &Meeting{Kind: MeetingTopical, Date: MustDate("2026-10-12"), Chair: "李财政", Topics: []Topic{{Title: "x"}}}
	_ = other.TopicsDue(cal)
	if !other.Topics[0].DueOn.IsZero() {
		t.Fatal("only the 常务会议 has the five-day rule")
	}
	if !MeetingExecutive.NeedsMinutes() || !MeetingMayor.NeedsMinutes() || MeetingDirectors.NeedsMinutes() {
		t.Fatal("minutes rule")
	}
}

func TestMeetingValidate(t *testing.T) {
	base := func() *Meeting {
		return &Meeting{Kind: MeetingMayor, Date: MustDate("2026-11-05"), Chair: "王建国"}
	}
	for name, edit := range map[string]func(*Meeting){
		"no kind":               func(m *Meeting) { m.Kind = "" },
		"no date":               func(m *Meeting) { m.Date = Date{} },
		"no chair":              func(m *Meeting) { m.Chair = "" },
		"absent without reason": func(m *Meeting) { m.Absentees = []Absentee{{Name: "吴城建"}} },
		"empty decision":        func(m *Meeting) { m.Decisions = []Decision{{Content: " "}} },
		"decision due before":   func(m *Meeting) { m.Decisions = []Decision{{Content: "x", Deadline: MustDate("2026-11-01")}} },
	} {
		m := base()
		edit(m)
		wantCode(t, m.Validate(), EINVALID, name)
	}
	m := base()
	wantCode(t, m.IssueMinutes(3, "", "王建国", m.Date), EINVALID, "minutes without body")
	if err := m.IssueMinutes(3, "会议议定如下……", "王建国", m.Date.AddDays(2)); err != nil {
		t.Fatal(err)
	}
	if m.Minutes.NumberText() != "〔2026〕3号" || m.Minutes.Title != "区长办公会议纪要" {
		t.Fatalf("minutes %q %q", m.Minutes.NumberText(), m.Minutes.Title)
	}
}

func TestKeepDecisionLinks(t *testing.T) {
	old := []Decision{{Seq: 1, Content: "甲事项", ItemID: 11}, {Seq: 2, Content: "乙事项", ItemID: 12}, {Seq: 3, Content: "丙事项"}}
	edited := []Decision{{Seq: 1, Content: "甲事项（措辞更正）"}, {Seq: 2, Content: "乙事项"}, {Seq: 3, Content: "丙事项"}}
	keepDecisionLinks(old, edited)
	if edited[0].ItemID != 11 || edited[1].ItemID != 12 || edited[2].ItemID != 0 {
		t.Fatalf("links after a corrected wording: %+v", edited)
	}
}

// A decision prints with its units and one deadline, ending in one 。.
func TestDecisionMinutesText(t *testing.T) {
	for _, c := range []struct {
		d    Decision
		want string
	}{
		{Decision{Content: "原则同意城市更新方案", LeadUnit: "区住房城乡建设局", CoUnits: []string{"区财政局"}, Deadline: D(2026, 3, 1)},
			"原则同意城市更新方案（牵头单位：区住房城乡建设局；协办单位：区财政局；完成时限：2026年3月1日）。"},
		{Decision{Content: "各镇街落实秸秆禁烧责任。"}, "各镇街落实秸秆禁烧责任。"},
	} {
		if got := c.d.MinutesText(); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
	}
	for n, want := range map[int]string{1: "一", 10: "十", 12: "十二", 20: "二十", 99: "九十九", 100: "100"} {
		if got := ChineseNumeral(n); got != want {
			t.Errorf("ChineseNumeral(%d) = %s, want %s", n, got, want)
		}
	}
}

// Minutes are checked without a number, and reissued minutes keep the
// number (and its year) they were first given.
func TestMinutesNumberOnce(t *testing.T) {
	m := &Meeting{Kind: MeetingMayor, Date: MustDate("2026-12-28"), Chair: "王建国"}
	wantCode(t, m.CheckMinutes("会议议定如下……", "王建国", MustDate("2026-12-27")), EINVALID, "minutes before the meeting")
	if err := m.CheckMinutes("会议议定如下……", "王建国", MustDate("2026-12-29")); err != nil || !m.NeedsMinutesNumber() || m.Minutes.Body != "" {
		t.Fatalf("a check changed the minutes or refused good ones: %v %+v", err, m.Minutes)
	}
	if err := m.IssueMinutes(3, "会议议定如下……", "王建国", MustDate("2026-12-29")); err != nil {
		t.Fatal(err)
	}
	if err := m.IssueMinutes(9, "会议议定如下（更正）……", "王建国", MustDate("2027-01-04")); err != nil {
		t.Fatal(err)
	}
	if m.Minutes.NumberText() != "〔2026〕3号" || m.NeedsMinutesNumber() || m.Minutes.IssuedOn != MustDate("2027-01-04") {
		t.Fatalf("reissued minutes: %s %s", m.Minutes.NumberText(), m.Minutes.IssuedOn)
	}
}
