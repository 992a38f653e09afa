package ui

import (
	"strconv"
	"testing"

	"gongwen/app"
)

// Every limit of 办理时限 shows the rule in force and saves into its own
// field of app.Rules; a limit that is not a number saves none of them.
func TestRulesTabShowsAndSavesEveryLimit(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	u.show(ScreenSettings)
	u.settings.tabs.SelectIndex(settingsTabRules)
	h.capture("settings-rules")
	in := app.DefaultRules()
	for _, rf := range ruleFields {
		if got, want := u.settings.rules[rf.key].Text, strconv.Itoa(*rf.of(&in)); got != want {
			t.Errorf("%s shows %q, want %q", rf.label, got, want)
		}
	}
	for i, rf := range ruleFields {
		u.settings.rules[rf.key].SetText(strconv.Itoa(11 + i))
	}
	u.settings.save()
	saved := u.desk.Settings().Rules
	want := app.Rules{WithinPowers: 11, Consult: 12, Investigate: 13, Review: 14, Urgent: 15, VeryUrgent: 16, WarnDays: 17, ChaseAfter: 18}
	if saved != want {
		t.Fatalf("saved %+v, want %+v", saved, want)
	}
	u.settings.rules["Urgent"].SetText("２０")     // full-width digits are numbers too
	u.settings.rules["VeryUrgent"].SetText("三天") // not a number
	u.settings.save()
	if !h.shows("办理时限应填写数字，“三天”不是数字") {
		t.Error("no message says the limit is not a number")
	}
	if got := u.desk.Settings().Rules; got != want {
		t.Errorf("a refused save changed the rules to %+v", got)
	}
}
