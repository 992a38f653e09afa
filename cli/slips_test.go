package cli

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gongwen/app"
	"gongwen/data"
)

// itemsByColour opens an office and returns the 督办编号 of an open item of
// each colour today.
func itemsByColour(t *testing.T, db string) map[app.Colour]string {
	t.Helper()
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	desk, err := app.NewDesk(context.Background(), s, "测试")
	if err != nil {
		t.Fatal(err)
	}
	desk.Now = testNow
	items, err := app.All(func(p app.Page) ([]app.Item, int, error) {
		return s.Items(context.Background(), app.ItemFilter{Statuses: []app.ItemStatus{app.ItemOpen}, Page: p})
	})
	if err != nil {
		t.Fatal(err)
	}
	out := map[app.Colour]string{}
	for i := range items {
		out[desk.Colour(&items[i])] = items[i].Number
	}
	return out
}

// The three 督查文书 print from the sample office; printed --sent they are
// recorded, and the 催办单 numbers run on without a gap.
func TestPrintSlips(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "office.db")
	if code, _, errOut := runCLI(t, "--db", demoDB, "backup", "-o", db); code != 0 {
		t.Fatalf("copy of the sample office: %s", errOut)
	}
	byColour := itemsByColour(t, db)
	red, yellow, blue := byColour[app.ColourRed], byColour[app.ColourYellow], byColour[app.ColourBlue]
	if red == "" || yellow == "" || blue == "" {
		t.Fatalf("the sample office lacks an item of each colour: %v", byColour)
	}
	print := func(form, item string, extra ...string) (string, int, string, string) {
		file := filepath.Join(dir, form+item+strconv.Itoa(len(extra))+".pdf")
		code, out, errOut := runCLI(t, append([]string{"--db", db, "print", form, item, "-o", file}, extra...)...)
		if code != 0 {
			return "", code, out, errOut
		}
		return pdfText(t, file), code, out, errOut
	}
	year := strconv.Itoa(testNow().Year())
	for _, tt := range []struct{ form, item, want string }{
		{"assign-slip", blue, "督查事项交办单"},
		{"reminder", yellow, "催〔" + year + "〕号"},
		{"notice", red, "督办通知单"},
	} {
		text, code, _, errOut := print(tt.form, tt.item)
		if code != 0 || !strings.Contains(text, tt.want) || !strings.Contains(text, tt.item) || !strings.Contains(text, "签收") {
			t.Errorf("print %s %s: %d %q\n%.200s", tt.form, tt.item, code, errOut, text)
		}
	}
	if slips := history(t, db, yellow); len(slips) != 0 {
		t.Errorf("a print not sent was recorded: %v", slips)
	}
	for n := 1; n <= 2; n++ {
		text, code, out, errOut := print("reminder", yellow, "--sent")
		if want := "催〔" + year + "〕" + strconv.Itoa(n) + "号"; code != 0 || !strings.Contains(text, want) || !strings.Contains(out, "已记入") {
			t.Errorf("reminder %d sent: %d %q %q, want %s", n, code, out, errOut, want)
		}
	}
	if slips := history(t, db, yellow); len(slips) != 2 || slips[1].Kind != app.SlipReminder {
		t.Errorf("the ladder after two reminders: %v", slips)
	}
	// a 督办通知单 is for a red item only; nothing is written or recorded
	file := filepath.Join(dir, "bad.pdf")
	code, _, errOut := runCLI(t, "--db", db, "print", "notice", blue, "-o", file, "--sent")
	if code != 1 || !strings.Contains(errOut, "督办通知单只用于已超过时限") {
		t.Errorf("notice for a blue item: %d %q", code, errOut)
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) || len(history(t, db, blue)) != 0 {
		t.Error("a refused notice left a file or a record")
	}
	if code, _, _ := runCLI(t, "--db", db, "print", "slip", "1", "-o", file, "--sent"); code != 2 {
		t.Errorf("--sent on a form that is not a 督查文书: exit %d", code)
	}
}

func history(t *testing.T, db, number string) []app.SlipSent {
	t.Helper()
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	it, err := s.ItemByNumber(context.Background(), number)
	if err != nil {
		t.Fatal(err)
	}
	h, err := s.History(context.Background(), app.EntityItem, it.ID)
	if err != nil {
		t.Fatal(err)
	}
	return app.SlipsSent(h)
}
