package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"gongwen/data"
)

const want2026 = `{"year":2026,"holidays":["2026-01-01","2026-01-02","2026-01-03","2026-02-15","2026-02-16","2026-02-17",` +
	`"2026-02-18","2026-02-19","2026-02-20","2026-02-21","2026-02-22","2026-02-23","2026-04-04","2026-04-05","2026-04-06",` +
	`"2026-05-01","2026-05-02","2026-05-03","2026-05-04","2026-05-05","2026-06-19","2026-06-20","2026-06-21","2026-09-25",` +
	`"2026-09-26","2026-09-27","2026-10-01","2026-10-02","2026-10-03","2026-10-04","2026-10-05","2026-10-06","2026-10-07"],` +
	`"workdays":["2026-01-04","2026-02-14","2026-02-28","2026-05-09","2026-09-20","2026-10-10"]}` + "\n"

func notice2026(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "app", "testdata", "holidays", "2026.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeText(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestHolidaysParse(t *testing.T) {
	text := notice2026(t)
	code, out, errOut := runCLI(t, "holidays", "parse", writeText(t, "2026.txt", text))
	if code != 0 || out != want2026 {
		t.Fatalf("parse: %d %q\n%s", code, out, errOut)
	}
	// The same notice saved by Notepad in GBK.
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runCLI(t, "holidays", "parse", writeText(t, "2026-gbk.txt", gbk))
	if code != 0 || out != want2026 {
		t.Fatalf("parse GBK: %d %q\n%s", code, out, errOut)
	}
	// A wrong day count: status 1, the item named, nothing printed.
	code, out, errOut = runCLI(t, "holidays", "parse", writeText(t, "bad.txt", strings.Replace(text, "共5天", "共6天", 1)))
	if code != 1 || out != "" || !strings.Contains(errOut, "“四、劳动节”：写的是“共6天”，但5月1日至5月5日共5天") {
		t.Fatalf("mangled: %d %q %q", code, out, errOut)
	}
}

func TestHolidaysImport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "office.db")
	text := notice2026(t)
	overrides := func() int {
		s, err := data.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		ovs, err := s.DayOverrides(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return len(ovs)
	}
	code, _, errOut := runCLI(t, "--db", db, "holidays", "import", writeText(t, "bad.txt", strings.Replace(text, "（周三）", "（周二）", 1)))
	if code != 1 || !strings.Contains(errOut, "“七、国庆节”：2026年10月7日是星期三，通知写的是“周二”") {
		t.Fatalf("mangled import: %d %q", code, errOut)
	}
	if _, err := os.Stat(db); err == nil && overrides() != 0 {
		t.Fatal("a mangled notice saved days")
	}
	code, out, errOut := runCLI(t, "--db", db, "holidays", "import", writeText(t, "2026.txt", text))
	if code != 0 || !strings.Contains(out, "已导入2026年：放假33天，调休上班6天") || !strings.Contains(out, "没有变化") {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	if n := overrides(); n != 39 {
		t.Fatalf("%d days stored, want 39", n)
	}
}
