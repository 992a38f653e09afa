package cli

import (
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestCopySampleOffice(t *testing.T) {
	dir := t.TempDir()
	copied := filepath.Join(dir, "copy.db")
	code, out, errOut := runCLI(t, "copy", demoDB, copied)
	if code != 0 {
		t.Fatalf("copy: %d %s", code, errOut)
	}
	if !regexp.MustCompile(`共\d+张表`).MatchString(out) || !strings.Contains(out, "两边条数相同，每条记录的校验和（SHA-256）相同") {
		t.Fatalf("report:\n%s", out)
	}
	for _, book := range []string{"docs", "seals", "supervision", "meetings"} {
		if a, b := exportBook(t, demoDB, book), exportBook(t, copied, book); !reflect.DeepEqual(a, b) {
			t.Errorf("%s differ after the copy", book)
		}
	}
	if code, out, _ := runCLI(t, "--db", copied, "check"); code != 0 {
		t.Fatalf("check of the copy: %s", out)
	}
	// a second copy into it is refused, and changes nothing
	before := exportBook(t, copied, "docs")
	code, _, errOut = runCLI(t, "copy", demoDB, copied)
	if code != 1 || !strings.Contains(errOut, "目标数据库不是空的") || !strings.Contains(errOut, "没有写入任何内容") {
		t.Fatalf("copy into a full store: %d %s", code, errOut)
	}
	if after := exportBook(t, copied, "docs"); len(after) != len(before) {
		t.Fatalf("the refused copy changed the target: %d → %d documents", len(before), len(after))
	}
	if code, _, errOut := runCLI(t, "copy", filepath.Join(dir, "无此文件.db"), filepath.Join(dir, "x.db")); code != 1 || !strings.Contains(errOut, "不存在") {
		t.Fatalf("copy from no file: %d %s", code, errOut)
	}
}

func TestCopySkipsClassifiedDocuments(t *testing.T) {
	classified := 0
	docs := exportBook(t, demoDB, "docs")
	for _, d := range docs {
		if s, _ := d["secrecy"].(string); s != "" && s != "无" {
			classified++
		}
	}
	if classified == 0 {
		t.Fatal("the sample office has no classified documents")
	}
	copied := filepath.Join(t.TempDir(), "copy.db")
	code, out, errOut := runCLI(t, "copy", "--skip-classified", demoDB, copied)
	if code != 0 {
		t.Fatalf("copy: %d %s", code, errOut)
	}
	if !strings.Contains(out, "未复制有密级的公文"+strconv.Itoa(classified)+"件") {
		t.Fatalf("report does not count %d classified documents:\n%s", classified, out)
	}
	if n := len(exportBook(t, copied, "docs")); n != len(docs)-classified {
		t.Fatalf("copied %d documents, want %d", n, len(docs)-classified)
	}
}
