package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"gongwen/data"
	"gongwen/serverconf"
)

// testNow is the tests' clock: the sample office and every date the
// commands count from today are the same whatever day the tests run.
func testNow() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local) }

// runCLI runs one command line and returns its exit status and outputs.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(args, Env{Stdout: &out, Stderr: &errOut, Now: testNow})
	return code, out.String(), errOut.String()
}

// demoDB is one sample office shared by the tests that only read it.
var demoDB string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "gongwen-cli")
	if err != nil {
		panic(err)
	}
	demoDB = filepath.Join(dir, "demo.db")
	var out, errOut bytes.Buffer
	if code := Run([]string{"--db", demoDB, "demo"}, Env{Stdout: &out, Stderr: &errOut, Now: testNow}); code != 0 {
		panic("demo failed: " + errOut.String())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func TestDemoTwiceDoesNotDuplicate(t *testing.T) {
	before := exportBook(t, demoDB, "docs")
	code, out, errOut := runCLI(t, "--db", demoDB, "demo")
	if code != 0 || !strings.Contains(out, "未重复载入") {
		t.Fatalf("second demo: %d %q %q", code, out, errOut)
	}
	if after := exportBook(t, demoDB, "docs"); len(after) != len(before) {
		t.Fatalf("documents %d → %d", len(before), len(after))
	}
}

func TestDemoHasEveryState(t *testing.T) {
	docs := exportBook(t, demoDB, "docs")
	if len(docs) < 150 {
		t.Fatalf("only %d documents", len(docs))
	}
	states := map[string]int{}
	for _, d := range docs {
		states[d["direction"].(string)+":"+d["status"].(string)]++
	}
	for _, s := range []string{"in:registered", "in:proposed", "in:instructed", "in:assigned", "in:done", "in:archived",
		"in:returned", "in:transferred", "out:issued", "out:archived"} {
		if states[s] == 0 {
			t.Errorf("no document in state %s (have %v)", s, states)
		}
	}
	seals := map[string]int{}
	for _, r := range exportBook(t, demoDB, "seals") {
		seals[r["status"].(string)]++
	}
	for _, s := range []string{"draft", "submitted", "reviewed", "approved", "used", "rejected", "withdrawn"} {
		if seals[s] == 0 {
			t.Errorf("no seal request in state %s (have %v)", s, seals)
		}
	}
	colours := map[string]int{}
	for _, it := range exportBook(t, demoDB, "supervision") {
		colours[it["colour"].(string)]++
	}
	for _, c := range []string{"red", "blue", "done"} {
		if colours[c] == 0 {
			t.Errorf("no %s supervision item (have %v)", c, colours)
		}
	}
	if n := len(exportBook(t, demoDB, "meetings")); n < 6 {
		t.Errorf("%d meetings", n)
	}
}

func exportBook(t *testing.T, db, book string) []map[string]any {
	t.Helper()
	file := filepath.Join(t.TempDir(), book+".json")
	code, _, errOut := runCLI(t, "--db", db, "export", book, "--format", "json", "-o", file)
	if code != 0 {
		t.Fatalf("export %s: %d %s", book, code, errOut)
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(raw, &rows); err != nil {
		t.Fatalf("export %s is not a JSON array: %v", book, err)
	}
	return rows
}

// The sample office is built up to the day of the Env's clock.
func TestSampleOfficeEndsOnTheEnvsToday(t *testing.T) {
	last := ""
	for _, d := range exportBook(t, demoDB, "docs") {
		if on, _ := d["received_on"].(string); on > last {
			last = on
		}
	}
	if today := testNow().Format("2006-01-02"); last > today || last < testNow().AddDate(0, 0, -14).Format("2006-01-02") {
		t.Errorf("the last document was received on %s, want within the fortnight before %s", last, today)
	}
}

func TestExportDocumentKeys(t *testing.T) {
	docs := exportBook(t, demoDB, "docs")
	for _, k := range []string{"id", "direction", "serial", "doc_no", "title", "from_unit", "received_on", "secrecy",
		"urgency", "time_limit_workdays", "due_on", "status", "lead_unit"} {
		if _, ok := docs[0][k]; !ok {
			t.Errorf("export lacks key %q", k)
		}
	}
	for _, d := range docs {
		if d["direction"] == "in" {
			if s := d["received_on"].(string); len(s) != 10 || s[4] != '-' {
				t.Fatalf("received_on %q is not YYYY-MM-DD", s)
			}
			if no := d["doc_no"].(string); strings.ContainsAny(no, "[]【】") {
				t.Fatalf("doc_no %q is not in normal form", no)
			}
		}
	}
}

func TestExportEmptyAndUnknown(t *testing.T) {
	db := filepath.Join(t.TempDir(), "empty.db")
	s, err := data.Open(db) // an office with nothing in it yet
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if rows := exportBook(t, db, "seals"); len(rows) != 0 {
		t.Fatalf("empty book exported %d rows", len(rows))
	}
	if code, _, _ := runCLI(t, "--db", db, "export", "letters", "-o", filepath.Join(t.TempDir(), "x.json")); code != 2 {
		t.Fatalf("unknown book: exit %d, want 2", code)
	}
}

func TestSearch(t *testing.T) {
	for _, q := range []string{"安", "安全", "安全生产", "〔2026〕1"} {
		code, out, errOut := runCLI(t, "--db", demoDB, "search", "--json", q)
		if code != 0 {
			t.Fatalf("search %q: %s", q, errOut)
		}
		var res struct {
			Total int
			Hits  []struct{ Title, Number string }
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		if res.Total == 0 || len(res.Hits) == 0 {
			t.Errorf("search %q found nothing", q)
		}
	}
	code, out, _ := runCLI(t, "--db", demoDB, "search", "不可能出现的词语组合")
	if code != 0 || !strings.Contains(out, "共找到0条") {
		t.Errorf("no hits: %d %q", code, out)
	}
}

// The text output names the registers as the window does.
func TestSearchBooks(t *testing.T) {
	code, out, errOut := runCLI(t, "--db", demoDB, "search", "安全")
	if code != 0 {
		t.Fatalf("search: %s", errOut)
	}
	seen := map[string]bool{}
	for _, ln := range strings.Split(strings.TrimSpace(out), "\n") {
		if book, _, ok := strings.Cut(ln, "\t"); ok {
			seen[book] = true
			if !slices.Contains([]string{"收文", "发文", "用印", "督查", "会议"}, book) {
				t.Errorf("register %q in %q", book, ln)
			}
		}
	}
	if !seen["收文"] || !seen["发文"] || !seen["督查"] {
		t.Errorf("registers %v, want 收文, 发文 and 督查 among them:\n%s", seen, out)
	}
}

func TestDue(t *testing.T) {
	code, out, _ := runCLI(t, "--db", filepath.Join(t.TempDir(), "none.db"), "due", "--from", "2026-09-30", "--workdays", "5")
	if code != 0 || strings.TrimSpace(out) != "2026-10-13" {
		t.Fatalf("due: %d %q", code, out)
	}
	t.Setenv("GONGWEN_DB", filepath.Join(t.TempDir(), "none.db")) // never the user's own data
	code, _, errOut := runCLI(t, "due", "--from", "2027-12-27", "--workdays", "5")
	if code != 1 || !strings.Contains(errOut, "2028年") {
		t.Fatalf("uncovered year: %d %q", code, errOut)
	}
	if code, _, errOut := runCLI(t, "due", "--from", "2026-02-30", "--workdays", "5"); code != 1 || !strings.Contains(errOut, "不存在") {
		t.Fatalf("bad date: %d %q", code, errOut)
	}
	if code, _, _ := runCLI(t, "due", "--workdays", "5"); code != 2 {
		t.Fatalf("missing --from: exit %d", code)
	}
}

func TestUsage(t *testing.T) {
	if code, _, errOut := runCLI(t, "frobnicate"); code != 2 || !strings.Contains(errOut, "用法") {
		t.Fatalf("unknown verb: %d %q", code, errOut)
	}
	if code, out, _ := runCLI(t, "version"); code != 0 || !strings.Contains(out, "gongwen") {
		t.Fatalf("version: %d %q", code, out)
	}
	if code, _, _ := runCLI(t, "--nosuchflag"); code != 2 {
		t.Fatal("unknown flag")
	}
}

func TestBackupRestoreCheck(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "office.db")
	if code, _, errOut := runCLI(t, "--db", db, "backup"); code != 1 || !strings.Contains(errOut, "不存在") {
		t.Fatalf("backup of nothing: %d %q", code, errOut)
	}
	if code, _, errOut := runCLI(t, "--db", db, "demo"); code != 0 {
		t.Fatal(errOut)
	}
	backup := filepath.Join(dir, "copy.db")
	if code, out, errOut := runCLI(t, "--db", db, "backup", "-o", backup); code != 0 || !strings.Contains(out, backup) {
		t.Fatalf("backup: %d %q %q", code, out, errOut)
	}
	if code, out, _ := runCLI(t, "--db", backup, "check"); code != 0 || !strings.Contains(out, "完好") {
		t.Fatalf("check of the backup: %d %q", code, out)
	}
	// A second office's file is replaced by the backup.
	other := filepath.Join(dir, "other.db")
	if code, _, errOut := runCLI(t, "--db", other, "restore", backup); code != 0 {
		t.Fatalf("restore: %s", errOut)
	}
	if a, b := exportBook(t, db, "docs"), exportBook(t, other, "docs"); len(a) != len(b) || len(a) == 0 {
		t.Fatalf("restored %d documents of %d", len(b), len(a))
	}
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte("这不是数据库"), 0o644)
	if code, _, errOut := runCLI(t, "--db", other, "restore", junk); code != 1 || errOut == "" {
		t.Fatalf("restore of junk: %d %q", code, errOut)
	}
	if b := exportBook(t, other, "docs"); len(b) == 0 {
		t.Fatal("a failed restore must leave the data as it was")
	}
}

func TestDatabasePath(t *testing.T) {
	t.Setenv("GONGWEN_DB", "/x/env.db")
	if p, _ := DatabasePath(" /x/flag.db "); p != "/x/flag.db" {
		t.Errorf("flag wins: %q", p)
	}
	if p, _ := DatabasePath(""); p != "/x/env.db" {
		t.Errorf("env next: %q", p)
	}
	t.Setenv("GONGWEN_DB", "")
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	if p, _ := DatabasePath(""); !strings.HasSuffix(p, filepath.Join("Gongwen", "gongwen.db")) {
		t.Errorf("default: %q", p)
	}
	const server = "postgres://gongwen:secret@192.168.1.10:5432/gongwen"
	if err := serverconf.Save(server); err != nil {
		t.Fatal(err)
	}
	if p, _ := DatabasePath(""); p != server {
		t.Errorf("the window's server next: %q", p)
	}
	if p, _ := DatabasePath("/x/flag.db"); p != "/x/flag.db" {
		t.Errorf("flag wins over the server: %q", p)
	}
}

// Issue 12: a --db that names no file is refused by the verbs that only
// read, which never create an empty office there.
func TestReadVerbsRefuseAMissingFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "typo", "gongwen.db")
	out := filepath.Join(t.TempDir(), "out")
	for _, args := range [][]string{
		{"search", "安全"},
		{"export", "docs", "-o", out + ".json"},
		{"export", "docs", "--format", "csv", "-o", out + ".csv"},
		{"print", "slip", "2026-0001", "-o", out + ".pdf"},
		{"check"},
		{"backup"},
	} {
		code, _, errOut := runCLI(t, append([]string{"--db", db}, args...)...)
		if code != 1 || !strings.Contains(errOut, "不存在") {
			t.Errorf("%v on a missing file: %d %q", args, code, errOut)
		}
	}
	if _, err := os.Stat(filepath.Dir(db)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the read verbs created %s (%v)", filepath.Dir(db), err)
	}
}

// Issue 13.6: on read-only media (a CD, a locked USB stick) search, export,
// print and check work without a lock file, and create nothing there.
func TestReadVerbsOnReadOnlyMedia(t *testing.T) {
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Skip("SKIPPED: needs root on Linux to mount a read-only disk")
	}
	media := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", media).CombinedOutput(); err != nil {
		t.Fatalf("mount: %v %s", err, out)
	}
	defer exec.Command("umount", "-l", media).Run()
	db := filepath.Join(media, "gongwen.db")
	if code, _, errOut := runCLI(t, "--db", demoDB, "backup", "-o", db); code != 0 {
		t.Fatal(errOut)
	}
	if out, err := exec.Command("mount", "-o", "remount,ro", media).CombinedOutput(); err != nil {
		t.Fatalf("remount ro: %v %s", err, out)
	}
	out := t.TempDir()
	for _, args := range [][]string{
		{"search", "安全"},
		{"export", "docs", "-o", filepath.Join(out, "docs.json")},
		{"export", "docs", "--format", "xlsx", "-o", filepath.Join(out, "docs.xlsx")},
		{"print", "slip", "2026-0001", "-o", filepath.Join(out, "slip.pdf")},
		{"check"},
		{"backup", "-o", filepath.Join(out, "copy.db")},
	} {
		if code, _, errOut := runCLI(t, append([]string{"--db", db}, args...)...); code != 0 {
			t.Errorf("%v on read-only media: %d %q", args, code, errOut)
		}
	}
	entries, _ := os.ReadDir(media)
	if len(entries) != 1 {
		t.Errorf("files on the read-only disk: %v", entries)
	}
	// a change is refused with the real cause
	code, _, errOut := runCLI(t, "--db", db, "import", "docs", filepath.Join(out, "docs.xlsx"))
	if code != 1 || !strings.Contains(errOut, "只读") || strings.Contains(errOut, "损坏") {
		t.Errorf("import on read-only media: %d %q", code, errOut)
	}
}

// Issue 13.10: an export killed midway leaves its .gongwen-PID-….tmp; the
// next export into that folder removes it once its process is gone.
func TestExportCleansAKilledExportsLeftover(t *testing.T) {
	dead := exec.Command(os.Args[0], "-test.run=^$")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	left := filepath.Join(dir, fmt.Sprintf(".gongwen-%d-123456.tmp", dead.Process.Pid))
	if err := os.WriteFile(left, []byte("半个导出"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCLI(t, "--db", demoDB, "export", "docs", "-o", filepath.Join(dir, "docs.json")); code != 0 {
		t.Fatal(errOut)
	}
	if _, err := os.Stat(left); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the killed export's leftover is still there (%v)", err)
	}
}
