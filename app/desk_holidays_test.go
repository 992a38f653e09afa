package app_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"gongwen/app"
)

// Importing the notice of a year the program does not know covers the
// year, stores its days as the office's, recounts the uncertain due dates
// and is recorded in the history.
func TestImportHolidayNoticeOfANewYear(t *testing.T) {
	desk, s, now := newDesk(t)
	*now = time.Date(2029, 12, 28, 9, 0, 0, 0, time.Local)
	must(t, desk.ConfirmYear(ctx, 2029, true))
	doc := &app.Document{Title: "关于做好元旦期间值班工作的通知", FromUnit: "市人民政府办公室", ReceivedOn: desk.Today()}
	must(t, desk.RegisterIncoming(ctx, doc, false))
	_, err := desk.Propose(ctx, doc.ID, "拟请王区长阅示")
	must(t, err)
	assigned, err := desk.Assign(ctx, doc.ID, "区应急管理局", nil, 5)
	must(t, err)
	if assigned.DueOn != d("2030-01-04") || !assigned.DueUncertain {
		t.Fatalf("assigned into 2030: %s uncertain %v", assigned.DueOn, assigned.DueUncertain)
	}

	text, err := os.ReadFile("../app/testdata/holidays/2030-invented.txt")
	must(t, err)
	n, err := app.ParseHolidayNotice(string(text))
	must(t, err)
	plan, err := desk.PlanHolidayNotice(ctx, n)
	must(t, err)
	if plan.Builtin || len(plan.Remove) != 0 || len(plan.Save) != 32 {
		t.Fatalf("plan: builtin %v, save %d, remove %v", plan.Builtin, len(plan.Save), plan.Remove)
	}
	// 元旦 Tuesday becomes a day off; the Sunday 1月27日 a working day.
	if c := plan.Changes[0]; c.Day != d("2030-01-01") || c.Before != "工作日" || c.After != "放假（元旦）" {
		t.Errorf("first change: %+v", c)
	}
	if c := plan.Changes[1]; c.Day != d("2030-01-27") || c.Before != "休息日" || c.After != "调休上班（春节）" {
		t.Errorf("second change: %+v", c)
	}

	must(t, desk.ImportHolidayNotice(ctx, n))
	cal := desk.Calendar()
	if !cal.Covers(2030) || cal.IsWorkday(d("2030-10-07")) || !cal.IsWorkday(d("2030-10-12")) {
		t.Fatalf("calendar after import: covers %v", cal.Covers(2030))
	}
	got, err := s.Document(ctx, doc.ID)
	must(t, err)
	if got.DueOn != d("2030-01-07") || got.DueUncertain {
		t.Errorf("due date after the import: %s uncertain %v", got.DueOn, got.DueUncertain)
	}
	hist, err := s.History(ctx, app.EntitySettings, 0)
	must(t, err)
	if last := hist[len(hist)-1]; last.Action != "从通知导入节假日" || !strings.Contains(last.Detail, "2030年：放假27天，调休上班5天") {
		t.Errorf("history ends with %+v", last)
	}
	// A second import changes nothing.
	plan, err = desk.PlanHolidayNotice(ctx, n)
	must(t, err)
	if len(plan.Changes) != 0 {
		t.Errorf("again: %+v", plan.Changes)
	}
}

// In a year the program carries, the notice replaces what the office had
// entered by hand, and where it differs from the built-in schedule the
// notice wins (a holiday undone is stored as a plain day).
func TestImportHolidayNoticeOverABuiltinYear(t *testing.T) {
	desk, _, _ := newDesk(t)
	must(t, desk.SetDay(ctx, app.DayOverride{Day: d("2026-10-09"), Name: "本地调整"}))
	text, err := os.ReadFile("../app/testdata/holidays/2026.txt")
	must(t, err)
	n, err := app.ParseHolidayNotice(string(text))
	must(t, err)
	plan, err := desk.PlanHolidayNotice(ctx, n)
	must(t, err)
	if !plan.Builtin || len(plan.BuiltinDiffers) != 0 {
		t.Fatalf("the 2026 notice differs from the built-in schedule: %+v", plan.BuiltinDiffers)
	}
	if len(plan.Changes) != 1 || plan.Changes[0].Before != "放假（本地调整）" || plan.Changes[0].After != "工作日" ||
		len(plan.Remove) != 1 || plan.Remove[0] != d("2026-10-09") {
		t.Fatalf("changes %+v, remove %v", plan.Changes, plan.Remove)
	}

	// A notice that moves the make-up Saturday 10月10日 to a ninth day off.
	moved := strings.Replace(string(text), "10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。",
		"10月1日（周四）至8日（周四）放假调休，共8天。9月20日（周日）上班。", 1)
	n, err = app.ParseHolidayNotice(moved)
	must(t, err)
	plan, err = desk.PlanHolidayNotice(ctx, n)
	must(t, err)
	var differs []string
	for _, c := range plan.BuiltinDiffers {
		differs = append(differs, c.Day.String()+" "+c.Before+"→"+c.After)
	}
	if strings.Join(differs, "；") != "2026-10-08 工作日→放假（国庆节）；2026-10-10 调休上班（国庆节）→休息日" {
		t.Fatalf("differences from the built-in schedule: %v", differs)
	}
	must(t, desk.ImportHolidayNotice(ctx, n))
	cal := desk.Calendar()
	for day, work := range map[string]bool{"2026-10-08": false, "2026-10-09": true, "2026-10-10": false, "2026-10-11": false, "2026-09-20": true} {
		if cal.IsWorkday(d(day)) != work {
			t.Errorf("%s working day %v, want %v", day, !work, work)
		}
	}
}
