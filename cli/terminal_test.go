package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestControlCharactersNeverReachTheTerminal: a title with ESC sequences
// (clear screen, set the window title, a bell) and a C1 CSI is imported;
// search, in text and JSON, and the import's own messages print it
// without them.
func TestControlCharactersNeverReachTheTerminal(t *testing.T) {
	dir := t.TempDir()
	db, file := filepath.Join(dir, "office.db"), filepath.Join(dir, "收文.csv")
	hostile := "安全\x1b[2J\x1b]0;pwned\x07生产\u009b31m通知"
	os.WriteFile(file, []byte("收文日期,来文单位,文件标题,文号\r\n2026-03-05,区财政局,"+hostile+",括号发〔2026号\x1b[5m\r\n2024-02-30,区教育局,坏\x1b[2J日期,\r\n"), 0o644)
	code, out, errOut := runCLI(t, "--db", db, "import", "docs", file, "--skip-bad")
	if code != 0 {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	for _, args := range [][]string{{"search", "安全"}, {"search", "--json", "安全"}} {
		code, o, e := runCLI(t, append([]string{"--db", db}, args...)...)
		if code != 0 || !strings.Contains(o, "共找到1条") && !strings.Contains(o, `"total": 1`) {
			t.Fatalf("%v: %d %q %q", args, code, o, e)
		}
		out += o + e
	}
	if strings.ContainsAny(out, "\x1b\x07\u009b") || !strings.Contains(out, "安全[2J]0;pwned生产31m通知") || !strings.Contains(out, "提醒：") {
		t.Errorf("terminal output:\n%q", out)
	}
}

// TestEnglishCausesTranslated: the library's English reaches the
// secretary in Chinese.
func TestEnglishCausesTranslated(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "office.db")
	code, _, errOut := runCLI(t, "--db", db, "import", "docs", filepath.Join(dir, "没有这个文件.xlsx"))
	if code != 1 || !strings.Contains(errOut, "文件不存在") || strings.Contains(errOut, "no such file") {
		t.Errorf("missing file: %d %q", code, errOut)
	}
	broken := filepath.Join(dir, "坏.xlsx")
	os.WriteFile(broken, []byte("PK\x03\x04 but not a zip at all"), 0o644)
	code, _, errOut = runCLI(t, "--db", db, "import", "docs", broken)
	if code != 1 || !strings.Contains(errOut, "不是有效的 .xlsx 文件") || strings.Contains(errOut, "zip:") {
		t.Errorf("broken zip: %d %q", code, errOut)
	}
	// a full disk under the export
	var out strings.Builder
	full := Env{Stdout: fullDisk{}, Stderr: &out, Now: testNow}
	if code := Run([]string{"--db", demoDB, "export", "docs", "--format", "csv"}, full); code != 1 ||
		!strings.Contains(out.String(), "磁盘已满") || strings.Contains(out.String(), "no space") {
		t.Errorf("full disk: %d %q", code, out.String())
	}
}

// fullDisk fails every write as a full disk does.
type fullDisk struct{}

func (fullDisk) Write([]byte) (int, error) {
	return 0, &os.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.ENOSPC}
}
