package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func cellsOf(t *testing.T, file string) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][][]string{}
	for _, s := range f.GetSheetList() {
		out[s], _ = f.GetRows(s, excelize.Options{RawCellValue: true})
	}
	return out
}

// TestSpreadsheetRoundTrip: export every book, import into an empty
// database, export again: the same cells.
func TestSpreadsheetRoundTrip(t *testing.T) {
	dir := t.TempDir()
	fresh := filepath.Join(dir, "fresh.db")
	for _, book := range []string{"docs", "seals", "supervision"} {
		first, second := filepath.Join(dir, book+"-1.xlsx"), filepath.Join(dir, book+"-2.xlsx")
		if code, _, errOut := runCLI(t, "--db", demoDB, "export", book, "--format", "xlsx", "-o", first); code != 0 {
			t.Fatalf("export %s: %s", book, errOut)
		}
		code, out, errOut := runCLI(t, "--db", fresh, "import", book, first)
		if code != 0 || !strings.Contains(out, "跳过0条，问题0处") {
			t.Fatalf("import %s: %d %s %s", book, code, out, errOut)
		}
		if code, _, errOut := runCLI(t, "--db", fresh, "export", book, "--format", "xlsx", "-o", second); code != 0 {
			t.Fatalf("export again %s: %s", book, errOut)
		}
		if a, b := cellsOf(t, first), cellsOf(t, second); !reflect.DeepEqual(a, b) {
			t.Fatalf("%s differs after the round trip", book)
		}
	}
}

const badRegister = "收文编号,收文日期,来文单位,文号,文件标题\r\n" +
	"2024-0001,2024-03-05,市政府办公室,市府办发[2024]1号,关于甲的通知\r\n" +
	"2024-0002,2024-02-30,区财政局,示财〔2024〕2号,关于乙的请示\r\n" +
	"2024-0003,2024/3/7,区教育局,,关于丙的报告\r\n"

func TestImportBadRows(t *testing.T) {
	dir := t.TempDir()
	db, file := filepath.Join(dir, "office.db"), filepath.Join(dir, "收文.csv")
	os.WriteFile(file, []byte(badRegister), 0o644)

	code, out, errOut := runCLI(t, "--db", db, "import", "docs", file)
	if code != 1 || !strings.Contains(out, "第3行 收文日期：日期“2024-02-30”不存在（2024年2月没有30日）\n") ||
		!strings.Contains(out, "导入0条，跳过3条，问题1处（共3行）") || !strings.Contains(errOut, "--skip-bad") {
		t.Fatalf("all or nothing: %d\n%s\n%s", code, out, errOut)
	}
	if n := len(exportBook(t, db, "docs")); n != 0 {
		t.Fatalf("a refused import wrote %d documents", n)
	}
	code, out, _ = runCLI(t, "--db", db, "import", "docs", file, "--skip-bad", "--dry-run")
	if code != 0 || !strings.Contains(out, "试导入（未写入任何数据）：可导入2条，跳过1条") || len(exportBook(t, db, "docs")) != 0 {
		t.Fatalf("dry run: %d %s", code, out)
	}
	code, out, _ = runCLI(t, "--db", db, "import", "--skip-bad", "docs", file)
	if code != 0 || !strings.Contains(out, "导入2条，跳过1条，问题1处") || len(exportBook(t, db, "docs")) != 2 {
		t.Fatalf("skip bad: %d %s", code, out)
	}
	// again: probable duplicates, nothing doubled
	code, out, _ = runCLI(t, "--db", db, "import", "--skip-bad", "docs", file)
	if code != 0 || !strings.Contains(out, "导入0条，跳过3条，问题3处") || len(exportBook(t, db, "docs")) != 2 {
		t.Fatalf("second import: %d %s", code, out)
	}
}

func TestImportUsage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	for _, args := range [][]string{{"import"}, {"import", "docs"}, {"import", "letters", "x.csv"}, {"template", "docs"}, {"template", "letters", "-o", "x.xlsx"},
		{"export", "docs", "--format", "xlsx"}, {"export", "docs", "--format", "pdf", "-o", "x"}} {
		if code, _, _ := runCLI(t, append([]string{"--db", db}, args...)...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if code, _, errOut := runCLI(t, "--db", db, "import", "docs", filepath.Join(dir, "none.xlsx")); code != 1 || !strings.Contains(errOut, "无法打开") {
		t.Errorf("missing file: %d %s", code, errOut)
	}
	file := filepath.Join(dir, "r.csv")
	os.WriteFile(file, []byte(badRegister), 0o644)
	if code, _, errOut := runCLI(t, "--db", db, "import", "docs", file, "--sheet", "2024年"); code != 1 || !strings.Contains(errOut, "没有名为“2024年”的工作表") {
		t.Errorf("--sheet: %d %s", code, errOut)
	}
}

func TestTemplateAndExportFiles(t *testing.T) {
	dir := t.TempDir()
	for _, book := range []string{"docs", "seals", "supervision"} {
		file := filepath.Join(dir, book+"-模板.xlsx")
		if code, out, errOut := runCLI(t, "template", book, "-o", file); code != 0 || !strings.Contains(out, file) {
			t.Fatalf("template %s: %s %s", book, out, errOut)
		}
		if sheets := cellsOf(t, file); len(sheets["填写说明"]) < 5 {
			t.Errorf("%s: no notes", book)
		}
	}
	csvFile := filepath.Join(dir, "seals.csv")
	if code, _, errOut := runCLI(t, "--db", demoDB, "export", "seals", "--format", "csv", "-o", csvFile); code != 0 {
		t.Fatal(errOut)
	}
	if b, _ := os.ReadFile(csvFile); !bytes.HasPrefix(b, []byte("\uFEFF申请编号,")) {
		t.Fatalf("CSV starts %q", b[:12])
	}
	for _, book := range []string{"meetings", "catalog"} {
		file := filepath.Join(dir, book+".xlsx")
		if code, _, errOut := runCLI(t, "--db", demoDB, "export", book, "--format", "xlsx", "-o", file); code != 0 || len(cellsOf(t, file)) != 1 {
			t.Fatalf("export %s: %s", book, errOut)
		}
	}
	if code, out, _ := runCLI(t, "--db", demoDB, "export", "supervision", "--format", "csv"); code != 0 || !strings.HasPrefix(out, "\uFEFF督办编号,") {
		t.Fatalf("CSV to standard output: %d %.40q", code, out)
	}
}

// An output file's name says what it holds: the template is a workbook and
// is refused under another name; an export follows the name, or refuses a
// --format that contradicts it. A refusal leaves no file.
func TestOutputFollowsTheFileName(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"t.csv", "t.json", "t"} {
		file := filepath.Join(dir, name)
		code, _, errOut := runCLI(t, "template", "docs", "-o", file)
		if code != 1 || !strings.Contains(errOut, ".xlsx 结尾") {
			t.Errorf("template -o %s: exit %d %q", name, code, errOut)
		}
		if _, err := os.Stat(file); err == nil {
			t.Errorf("template -o %s wrote a file", name)
		}
	}
	if code, _, errOut := runCLI(t, "template", "docs", "-o", filepath.Join(dir, "T.XLSX")); code != 0 {
		t.Errorf("template -o T.XLSX: %d %s", code, errOut)
	}
	csvFile := filepath.Join(dir, "seals.csv")
	if code, _, errOut := runCLI(t, "--db", demoDB, "export", "seals", "-o", csvFile); code != 0 {
		t.Fatal(errOut)
	}
	if b, _ := os.ReadFile(csvFile); !bytes.HasPrefix(b, []byte("\uFEFF申请编号,")) {
		t.Errorf("export -o seals.csv without --format starts %q", b[:min(len(b), 12)])
	}
	xlsxFile := filepath.Join(dir, "seals.xlsx")
	if code, _, errOut := runCLI(t, "--db", demoDB, "export", "seals", "-o", xlsxFile); code != 0 || len(cellsOf(t, xlsxFile)) != 1 {
		t.Errorf("export -o seals.xlsx without --format: %d %s", code, errOut)
	}
	wrong := filepath.Join(dir, "wrong.csv")
	if code, _, errOut := runCLI(t, "--db", demoDB, "export", "seals", "--format", "xlsx", "-o", wrong); code != 1 || !strings.Contains(errOut, "不符") {
		t.Errorf("--format xlsx -o wrong.csv: %d %q", code, errOut)
	}
	if _, err := os.Stat(wrong); err == nil {
		t.Error("a refused export wrote a file")
	}
}
