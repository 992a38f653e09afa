package app

import "testing"

func newItem() *Item {
	it := &Item{Number: "督〔2026〕1号", SourceType: SourceKeyTask, Title: "老旧小区改造", LeadUnit: "区住建局",
		AssignedOn: MustDate("2026-10-09"), Deadline: MustDate("2026-11-30")}
	if err := it.Validate(); err != nil {
		panic(err)
	}
	return it
}

func TestItemColour(t *testing.T) {
	cal := NewCalendar(nil, nil)
	it := newItem()
	tests := []struct {
		day  string
		want Colour
	}{
		{"2026-11-20", ColourBlue},   // 6 working days left
		{"2026-11-25", ColourYellow}, // 3 working days left (26, 27, 30)
		{"2026-11-30", ColourYellow}, // the last day is not yet overdue
		{"2026-12-01", ColourRed},
	}
	for _, tt := range tests {
		if got := it.ColourOn(MustDate(tt.day), cal, 3); got != tt.want {
			t.Errorf("colour on %s = %s, want %s", tt.day, got, tt.want)
		}
	}
	// A stage brings the deadline that counts forward.
	it.Stages = []Stage{{Name: "完成摸底", Deadline: MustDate("2026-11-10")}}
	if got := it.ColourOn(MustDate("2026-11-11"), cal, 3); got != ColourRed {
		t.Errorf("missed stage: %s, want red", got)
	}
	_ = it.CompleteStage(0, MustDate("2026-11-11"))
	if got := it.ColourOn(MustDate("2026-11-11"), cal, 3); got != ColourBlue {
		t.Errorf("after the stage: %s, want blue", got)
	}
	_ = it.Complete("改造完成", MustDate("2026-12-02"))
	if it.ColourOn(MustDate("2026-12-03"), cal, 3) != ColourDone || it.DoneOnTime() {
		t.Error("done late: done colour, not on time")
	}
}

func TestWarnUntil(t *testing.T) {
	cal := NewCalendar(nil, nil)
	// Friday + 3 working days is Wednesday.
	if got := WarnUntil(MustDate("2026-11-20"), cal, 3); got != MustDate("2026-11-25") {
		t.Errorf("WarnUntil = %s", got)
	}
	// Wednesday + 2 is Friday; the weekend after it has no more working days
	// before the deadline, so it is inside the window too.
	if got := WarnUntil(MustDate("2026-11-25"), cal, 2); got != MustDate("2026-11-29") {
		t.Errorf("WarnUntil = %s", got)
	}
}

func TestItemValidate(t *testing.T) {
	for name, edit := range map[string]func(*Item){
		"no title":             func(it *Item) { it.Title = "" },
		"no lead unit":         func(it *Item) { it.LeadUnit = " " },
		"deadline before":      func(it *Item) { it.Deadline = MustDate("2026-10-01") },
		"stage after deadline": func(it *Item) { it.Stages = []Stage{{Name: "一", Deadline: MustDate("2026-12-31")}} },
		"unknown source":       func(it *Item) { it.SourceType = "传闻" },
	} {
		it := newItem()
		edit(it)
		wantCode(t, it.Validate(), EINVALID, name)
	}
}

func TestItemCloseVisitReopen(t *testing.T) {
	it := newItem()
	wantCode(t, it.Visit(MustDate("2026-11-01"), "回访", false, Date{}), ESTATE, "回访 before 办结")
	wantCode(t, it.AddProgress(Progress{On: MustDate("2026-10-01"), Text: "x"}), EINVALID, "progress before assignment")
	if err := it.AddProgress(Progress{On: MustDate("2026-10-20"), Text: "已完成12个小区摸底"}); err != nil {
		t.Fatal(err)
	}
	wantCode(t, it.Complete("", MustDate("2026-11-20")), EINVALID, "办结 without result")
	if err := it.Complete("全部完成", MustDate("2026-11-20")); err != nil || !it.DoneOnTime() {
		t.Fatal(err)
	}
	wantCode(t, it.Complete("again", MustDate("2026-11-21")), ESTATE, "办结 twice")
	wantCode(t, it.Visit(MustDate("2026-11-25"), "群众反映管网未改", true, Date{}), EINVALID, "reopen without a new deadline")
	if err := it.Visit(MustDate("2026-11-25"), "群众反映管网未改", true, MustDate("2026-12-31")); err != nil {
		t.Fatal(err)
	}
	if it.Status != ItemOpen || it.Deadline != MustDate("2026-12-31") || len(it.FollowUps) != 1 || !it.FollowUps[0].Reopened {
		t.Fatalf("reopened: %+v", it)
	}
}

func TestSatisfaction(t *testing.T) {
	it := newItem()
	wantCode(t, it.RecordSatisfaction(Satisfied, MustDate("2026-11-01"), Date{}), EINVALID, "satisfaction of a key task")
	it.SourceType = SourceNPC
	wantCode(t, it.RecordSatisfaction(Satisfied, MustDate("2026-11-01"), Date{}), ESTATE, "before the answer")
	_ = it.Complete("已答复代表", MustDate("2026-11-10"))
	if err := it.RecordSatisfaction(Unsatisfied, MustDate("2026-11-15"), MustDate("2026-12-15")); err != nil {
		t.Fatal(err)
	}
	if it.Status != ItemOpen || it.Satisfaction != Unsatisfied {
		t.Fatal("不满意 sends the item back to the unit")
	}
}

func TestItemsFromInstructionAndDecision(t *testing.T) {
	d := newIncoming()
	d.ID, d.LeadUnit, d.DueOn = 42, "区应急局", MustDate("2026-11-10")
	in := Instruction{Leader: "王建国", Text: "请区应急局牵头，11月底前完成排查。", On: MustDate("2026-11-03")}
	it := ItemFromInstruction(d, in, Date{})
	if it.SourceType != SourceInstruction || it.SourceDocID != 42 || it.Deadline != d.DueOn || it.Content != in.Text || it.LeadUnit != "区应急局" {
		t.Fatalf("from instruction: %+v", it)
	}
	if err := it.Validate(); err != nil {
		t.Fatal(err)
	}
	m := &Meeting{ID: 7, Kind: MeetingExecutive, Term: "十八届政府", Seq: 5, Date: MustDate("2026-11-05"), Chair: "王建国"}
	dec := Decision{Seq: 2, Content: "区财政局筹措资金保障冬季供暖", LeadUnit: "区财政局", Deadline: MustDate("2026-11-30")}
	it = ItemFromDecision(m, dec)
	if it.SourceMeetingID != 7 || it.SourceRef != "十八届政府第5次常务会议议定事项第2项" || it.Deadline != dec.Deadline {
		t.Fatalf("from decision: %+v", it)
	}
}
