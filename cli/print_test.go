package cli

import (
	"archive/zip"
	"encoding/xml"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gongwen/typeset"

	"github.com/xuri/excelize/v2"
)

func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

func TestPrintEveryForm(t *testing.T) {
	docs := exportBook(t, demoDB, "docs")
	var incoming, outgoing string
	for _, d := range docs {
		switch {
		case d["direction"] == "in" && incoming == "" && len(d["instructions"].([]any)) > 0:
			incoming = d["serial"].(string)
		case d["direction"] == "out" && outgoing == "" && d["status"] == "issued":
			outgoing = d["serial"].(string)
		}
	}
	var seal string
	for _, r := range exportBook(t, demoDB, "seals") {
		if r["status"] == "used" {
			seal, _ = r["number"].(string)
		}
	}
	var minutes string
	for _, m := range exportBook(t, demoDB, "meetings") {
		if m["minutes_no"] != "" {
			minutes = strconv.FormatInt(int64(m["id"].(float64)), 10)
		}
	}
	var usedMonth, archiveYear string
	for _, r := range exportBook(t, demoDB, "seals") {
		if u, _ := r["used_on"].(string); u != "" {
			usedMonth = u[:7]
		}
	}
	for _, d := range docs {
		if no, _ := d["archive_no"].(string); no != "" {
			archiveYear = strings.Split(strings.Split(no, "·")[1], "-")[0]
		}
	}
	tests := []struct {
		form, arg string
		want      []string
	}{
		{"slip", incoming, []string{"收文处理笺", incoming, "拟办意见", "领导批示"}},
		{"circulation", incoming, []string{"传阅", incoming}},
		{"outgoing", outgoing, []string{"签发", outgoing}},
		{"seal", seal, []string{"用印申请", seal}},
		{"seal-log", usedMonth, []string{"用印登记簿"}},
		{"minutes", minutes, []string{"会议纪要", "出席"}},
		{"monthly", "2026-10", []string{"督查通报", "办结率"}},
		{"catalog", archiveYear, []string{"归档文件目录", "档号"}},
	}
	for _, tt := range tests {
		if tt.arg == "" {
			t.Errorf("%s: the sample office has nothing to print", tt.form)
			continue
		}
		file := filepath.Join(t.TempDir(), tt.form+".pdf")
		code, _, errOut := runCLI(t, "--db", demoDB, "print", tt.form, tt.arg, "-o", file)
		if code != 0 {
			t.Errorf("print %s %s: %d %s", tt.form, tt.arg, code, errOut)
			continue
		}
		text := pdfText(t, file)
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("print %s %s: the PDF lacks %q", tt.form, tt.arg, w)
			}
		}
		checkOFDLikePDF(t, tt.form, tt.arg, file)
	}
}

// checkOFDLikePDF prints the form again as OFD, named by its extension,
// and compares it with the PDF: a sound package, as many pages, the same
// text in drawing order.
func checkOFDLikePDF(t *testing.T, form, arg, pdf string) {
	t.Helper()
	file := strings.TrimSuffix(pdf, ".pdf") + ".ofd"
	if code, out, errOut := runCLI(t, "--db", demoDB, "print", form, arg, "-o", file); code != 0 || !strings.Contains(out, "已生成 "+file) {
		t.Errorf("print %s %s -o .ofd: %d %s%s", form, arg, code, out, errOut)
		return
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	ofd, err := typeset.CheckOFD(data)
	if err != nil {
		t.Errorf("print %s %s: the OFD is unsound: %v", form, arg, err)
		return
	}
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	pages := strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
	if len(pages) != len(ofd.Pages) {
		t.Errorf("print %s %s: the OFD has %d pages, the PDF %d", form, arg, len(ofd.Pages), len(pages))
		return
	}
	for i := range pages {
		if a, b := strings.Join(strings.Fields(pages[i]), ""), strings.Join(strings.Fields(ofd.Pages[i]), ""); a != b {
			t.Errorf("print %s %s page %d: the OFD's text differs from the PDF's:\nPDF %s\nOFD %s", form, arg, i+1, a, b)
		}
	}
}

// --format chooses the format whatever the name; an unknown one is a
// usage error and writes nothing.
func TestPrintFormatFlag(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "slip.bin")
	if code, _, errOut := runCLI(t, "--db", demoDB, "print", "slip", "1", "--format", "ofd", "-o", file); code != 0 {
		t.Fatalf("--format ofd: %d %s", code, errOut)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := typeset.CheckOFD(data); err != nil {
		t.Errorf("--format ofd did not write an OFD: %v", err)
	}
	pdf := filepath.Join(dir, "slip.ofd")
	if code, _, errOut := runCLI(t, "--db", demoDB, "print", "slip", "1", "--format", "PDF", "-o", pdf); code != 0 {
		t.Fatalf("--format PDF: %d %s", code, errOut)
	} else if data, _ := os.ReadFile(pdf); !strings.HasPrefix(string(data), "%PDF-") {
		t.Error("--format PDF with a .ofd name did not write a PDF")
	}
	bad := filepath.Join(dir, "slip.doc")
	if code, _, errOut := runCLI(t, "--db", demoDB, "print", "slip", "1", "--format", "doc", "-o", bad); code != 2 || !strings.Contains(errOut, "不支持“doc”格式") {
		t.Errorf("--format doc: %d %q", code, errOut)
	}
	if _, err := os.Stat(bad); !os.IsNotExist(err) {
		t.Error("an unknown format left a file")
	}
}

func TestPrintUnknownRecordLeavesNoFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "slip.pdf")
	code, _, errOut := runCLI(t, "--db", demoDB, "print", "slip", "2099-9999", "-o", file)
	if code != 1 || !strings.Contains(errOut, "没有找到") {
		t.Fatalf("unknown record: %d %q", code, errOut)
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) {
		t.Fatal("a failed print left a file")
	}
	if code, _, _ := runCLI(t, "--db", demoDB, "print", "poster", "1", "-o", file); code != 2 {
		t.Fatalf("unknown form: exit %d", code)
	}
	if code, _, errOut := runCLI(t, "--db", demoDB, "print", "monthly", "2026-13", "-o", file); code != 1 || !strings.Contains(errOut, "月份") {
		t.Fatalf("bad month: %d %q", code, errOut)
	}
}

// docxText is the text of a Word file's body.
func docxText(t *testing.T, path string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s is not a Word file: %v", path, err)
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			var text strings.Builder
			dec := xml.NewDecoder(r)
			for {
				tok, err := dec.Token()
				if err != nil {
					break
				}
				if cd, ok := tok.(xml.CharData); ok {
					text.Write(cd)
				}
			}
			return text.String()
		}
	}
	t.Fatalf("%s has no document.xml", path)
	return ""
}

func TestPrintDocx(t *testing.T) {
	var minutes string
	for _, m := range exportBook(t, demoDB, "meetings") {
		if m["minutes_no"] != "" {
			minutes = strconv.FormatInt(int64(m["id"].(float64)), 10)
		}
	}
	dir := t.TempDir()
	for _, tt := range []struct {
		args []string
		file string
		want []string
	}{
		{[]string{"minutes", minutes, "-o", filepath.Join(dir, "纪要.docx")}, "纪要.docx", []string{"会议纪要", "出席："}},
		{[]string{"monthly", "2026-10", "--format", "docx", "-o", filepath.Join(dir, "通报.out")}, "通报.out", []string{"督查通报", "一、总体情况", "办结率"}},
	} {
		code, out, errOut := runCLI(t, append([]string{"--db", demoDB, "print"}, tt.args...)...)
		if code != 0 || !strings.Contains(out, "已生成") {
			t.Fatalf("print %v: %d %s %s", tt.args, code, out, errOut)
		}
		text := docxText(t, filepath.Join(dir, tt.file))
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("print %v: the Word file lacks %q", tt.args, w)
			}
		}
	}
	// a form with no Word version, an unknown format: a usage error, no file
	file := filepath.Join(dir, "slip.docx")
	if code, _, errOut := runCLI(t, "--db", demoDB, "print", "seal-log", "2026-10", "-o", file); code != 2 || !strings.Contains(errOut, "Word") {
		t.Errorf("seal-log as docx: %d %q", code, errOut)
	}
	if code, _, errOut := runCLI(t, "--db", demoDB, "print", "monthly", "2026-10", "--format", "doc", "-o", file); code != 2 || !strings.Contains(errOut, "格式") {
		t.Errorf("--format doc: %d %q", code, errOut)
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) {
		t.Error("a refused print left a file")
	}
}

// print monthly --format xlsx (or -o x.xlsx) writes the 通报's statistics
// as a workbook: the figures as numbers, rates as fractions, the per-unit
// rows adding up to the summary; no other form is written as a workbook.
func TestPrintMonthlyWorkbook(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"--format", "xlsx", "-o", filepath.Join(dir, "统计.out")}, {"-o", filepath.Join(dir, "统计.xlsx")}} {
		code, out, errOut := runCLI(t, append([]string{"--db", demoDB, "print", "monthly", "2026-10"}, args...)...)
		if code != 0 || !strings.Contains(out, "已生成") {
			t.Fatalf("print monthly %v: %d %s %s", args, code, out, errOut)
		}
		f, err := excelize.OpenFile(args[len(args)-1])
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if got := strings.Join(f.GetSheetList(), " "); got != "总体情况 分单位办理情况 分来源办理情况" {
			t.Fatalf("sheets %q", got)
		}
		summary, _ := f.GetRows("总体情况", excelize.Options{RawCellValue: true})
		units, _ := f.GetRows("分单位办理情况", excelize.Options{RawCellValue: true})
		if len(summary) != 2 || len(units) < 3 {
			t.Fatalf("summary %v, units %v", summary, units)
		}
		if got := strings.Join(units[0], " "); got != "排名 牵头单位 事项数 已办结 按期办结 逾期未办结 办结率 按期办结率" {
			t.Errorf("unit header %q", got)
		}
		num := func(s string) float64 {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatalf("%q is not a number", s)
			}
			return v
		}
		total, done := 0.0, 0.0
		for _, row := range units[1:] {
			total += num(row[2])
			done += num(row[3])
			if rate := num(row[6]); math.Abs(rate-num(row[3])/num(row[2])) > 1e-9 {
				t.Errorf("%s: 办结率 %v of %s/%s", row[1], rate, row[3], row[2])
			}
		}
		if total != num(summary[1][0]) || done != num(summary[1][2]) {
			t.Errorf("units add up to %v items, %v done; summary %v", total, done, summary[1])
		}
		if shown, _ := f.GetCellValue("分单位办理情况", "G2"); !strings.HasSuffix(shown, "%") {
			t.Errorf("a rate shows as %q", shown)
		}
	}
	file := filepath.Join(dir, "slip.xlsx")
	if code, _, errOut := runCLI(t, "--db", demoDB, "print", "slip", "1", "-o", file); code != 2 || !strings.Contains(errOut, "Excel") {
		t.Errorf("slip as xlsx: %d %q", code, errOut)
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) {
		t.Error("a refused workbook left a file")
	}
}

// print monthly 2026-Q4 prints the quarterly edition; a quarter that is
// not 1–4 is refused with no file.
func TestPrintQuarterly(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "季度.pdf")
	if code, out, errOut := runCLI(t, "--db", demoDB, "print", "monthly", "2026-Q4", "-o", file); code != 0 || !strings.Contains(out, "已生成") {
		t.Fatalf("print monthly 2026-Q4: %d %s %s", code, out, errOut)
	}
	if text := pdfText(t, file); !strings.Contains(text, "关于2026年第四季度督查事项办理情况的通报") || !strings.Contains(text, "本季度新增") {
		t.Errorf("not the quarterly edition:\n%s", text)
	}
	bad := filepath.Join(dir, "q5.pdf")
	if code, _, errOut := runCLI(t, "--db", demoDB, "print", "monthly", "2026-Q5", "-o", bad); code == 0 || !strings.Contains(errOut, "季度") {
		t.Errorf("2026-Q5: %d %q", code, errOut)
	}
	if _, err := os.Stat(bad); !os.IsNotExist(err) {
		t.Error("a refused quarter left a file")
	}
}
