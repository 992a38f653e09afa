package sample

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"gongwen/app"
)

// The sample minutes are read by leaders: every heading keeps its 《》,
// every sentence ends in punctuation, no two topics read alike and every
// decision has one deadline.
func TestSampleMinutesRead(t *testing.T) {
	ctx := context.Background()
	store, desk := OpenSampleCopy(t) // the 第15次 is four days ahead
	meetings, _, err := store.Meetings(ctx, app.MeetingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	withMinutes := 0
	for i := range meetings {
		m := &meetings[i]
		for _, d := range m.Decisions {
			checkOneDeadline(t, m.Name(), d)
		}
		// issue 12: no minutes of a meeting not yet held, and those later
		// this week can wait for them
		if m.Minutes.Number != 0 && (m.CanIssueMinutes(desk.Today()) != nil || m.Minutes.IssuedOn.After(desk.Today())) {
			t.Errorf("%s (%s) has minutes issued on %s", m.Name(), m.Date, m.Minutes.IssuedOn)
		}
		if m.Date.After(desk.Today()) && (m.Minutes.Body != "" || m.CanIssueMinutes(desk.Today()) == nil) {
			t.Errorf("%s (%s) is not yet held but has minutes or may issue them", m.Name(), m.Date)
		}
		if m.Minutes.Body != "" {
			withMinutes++
			checkMinutesBody(t, m.Name(), m.Minutes.Body)
		}
	}
	if withMinutes < 3 {
		t.Fatalf("%d sample meetings have minutes", withMinutes)
	}
}

// The large office's minutes are drafted from templates: every topic and
// decision template, in meetings of one to four topics.
func TestLargeMinutesRead(t *testing.T) {
	for n := 1; n <= 4; n++ {
		for k := range meetingTopics {
			m := &app.Meeting{Kind: app.MeetingExecutive, Term: "十八届政府", Seq: 3 + n, Date: app.D(2026, time.Month(3+k), 10+n),
				Place: "区政府第一会议室", Chair: "王建国"}
			for i := 0; i < n; i++ {
				s := largeTopics[(k*7+i*3)%len(largeTopics)]
				m.Topics = append(m.Topics, app.Topic{ReportingUnit: s.unit,
					Title: fill(meetingTopics[(k+i)%len(meetingTopics)], "s", s.subject, "u", s.unit, "y", "2026")})
				d := app.Decision{Content: fill(meetingDecisions[(k+i)%len(meetingDecisions)], "s", s.subject, "u", s.unit),
					LeadUnit: s.unit, Deadline: m.Date.AddDays(30)}
				checkOneDeadline(t, m.Name(), d)
				m.Decisions = append(m.Decisions, d)
			}
			checkMinutesBody(t, m.Name(), minutesBody(m))
		}
	}
}

var (
	numbered   = regexp.MustCompile(`^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)`)
	dateInText = regexp.MustCompile(`[0-9０-９一二三四五六七八九十]+月|月底|年底|限期|[0-9]+日前`)
	fullDate   = regexp.MustCompile(`\d{4}年\d{1,2}月\d{1,2}日`)
)

// checkOneDeadline: a decision's text carries no deadline of its own
// beside the one in its Deadline field.
func checkOneDeadline(t *testing.T, meeting string, d app.Decision) {
	t.Helper()
	if w := dateInText.FindString(d.Content); w != "" {
		t.Errorf("%s: decision %q names a deadline (%s) besides %s", meeting, d.Content, w, d.Deadline.Chinese())
	}
}

func checkMinutesBody(t *testing.T, meeting, body string) {
	t.Helper()
	seen := map[string]bool{}
	inDecisions := false
	for _, p := range strings.Split(body, "\n") {
		if strings.Count(p, "《") != strings.Count(p, "》") || strings.Index(p, "》") < strings.Index(p, "《") {
			t.Errorf("%s: unbalanced 《》 in %q", meeting, p)
		}
		heading := numbered.MatchString(p) && !strings.ContainsAny(p, "，。；：")
		if heading {
			inDecisions = strings.HasSuffix(p, "会议议定事项")
			continue
		}
		if !strings.HasSuffix(p, "。") && !strings.HasSuffix(p, "：") {
			t.Errorf("%s: a paragraph does not end in punctuation: %q", meeting, p)
		}
		for _, sentence := range strings.Split(strings.TrimSuffix(p, "。"), "。") {
			if strings.TrimSpace(sentence) == "" || strings.HasSuffix(sentence, "，") {
				t.Errorf("%s: an empty or broken sentence in %q", meeting, p)
			}
		}
		if inDecisions {
			if n := len(fullDate.FindAllString(p, -1)); n != 1 {
				t.Errorf("%s: a decision with %d deadlines: %q", meeting, n, p)
			}
			continue
		}
		if seen[p] {
			t.Errorf("%s: two topics with the same paragraph: %q", meeting, p)
		}
		seen[p] = true
	}
}
