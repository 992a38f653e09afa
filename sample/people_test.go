package sample

import (
	"context"
	"strings"
	"testing"

	"gongwen/app"
)

// famousNames are people of history a sample name must not be (nor
// contain): a reader takes 诸葛亮 or 司马光 in a meeting list for a joke.
var famousNames = []string{"诸葛亮", "司马懿", "司马光", "司马迁", "司马相如", "欧阳修", "上官婉儿", "皇甫谧",
	"曹操", "刘备", "关羽", "张飞", "孙权", "岳飞", "李白", "杜甫", "苏轼", "王安石", "包拯", "海瑞", "林则徐"}

// checkPersonName: a plausible name, never one with its last character
// doubled (诸葛亮亮) nor a famous historical one.
func checkPersonName(t *testing.T, where, name string) {
	t.Helper()
	r := []rune(name)
	if len(r) >= 3 && r[len(r)-1] == r[len(r)-2] {
		t.Errorf("%s: %q doubles its last character", where, name)
	}
	for _, f := range famousNames {
		if strings.Contains(name, f) {
			t.Errorf("%s: %q is the historical %s", where, name, f)
		}
	}
}

// Issue 12: in the sample office (as of 2026-12-03) no two leaders write
// the same 批示 on one slip, and every person has a plausible name.
func TestSampleLeadersAndNames(t *testing.T) {
	ctx := context.Background()
	store, _ := OpenSampleCopy(t)
	docs, err := app.All(func(p app.Page) ([]app.Document, int, error) {
		return store.Documents(ctx, app.DocumentFilter{Page: p})
	})
	if err != nil {
		t.Fatal(err)
	}
	instructed := 0
	for _, d := range docs {
		seen := map[string]string{}
		for _, in := range d.Instructions {
			if other, ok := seen[in.Text]; ok {
				t.Errorf("%s: %s and %s both wrote %q", d.Serial, other, in.Leader, in.Text)
			}
			seen[in.Text] = in.Leader
		}
		if len(d.Instructions) > 1 {
			instructed++
		}
	}
	if instructed == 0 {
		t.Error("no slip of the sample has two 批示")
	}
	meetings, _, err := store.Meetings(ctx, app.MeetingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range meetings {
		people := append([]string{m.Chair, m.Recorder}, m.Attendees...)
		for _, o := range m.Observers {
			if _, name, ok := strings.Cut(o, " "); ok { // 区财政局局长 司马青
				people = append(people, name)
			} else if !strings.Contains(o, "负责同志") {
				people = append(people, o)
			}
		}
		for _, p := range people {
			checkPersonName(t, m.Name(), p)
		}
	}
	leaders, err := store.Leaders(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range leaders {
		checkPersonName(t, "领导名单", l.Name)
	}
}
