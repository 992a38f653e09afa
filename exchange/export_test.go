package exchange

import (
	"bytes"
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongwen/app"
)

func openXLSX(t *testing.T, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// fillOf is the fill colour of a cell, "" when none.
func fillOf(t *testing.T, f *excelize.File, sheet, cell string) string {
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	s, err := f.GetStyle(id)
	if err != nil || s == nil || len(s.Fill.Color) == 0 {
		return ""
	}
	return s.Fill.Color[0]
}

func TestExportDocumentsLayout(t *testing.T) {
	desk := sampleOffice(t)
	f := openXLSX(t, exportBook(t, desk, Docs, XLSX))
	if got := f.GetSheetList(); strings.Join(got, ",") != "收文登记簿,发文登记簿" {
		t.Fatalf("sheets %v", got)
	}
	const in = "收文登记簿"
	if id, _ := f.GetCellStyle(in, "A1"); true {
		if s, _ := f.GetStyle(id); s == nil || s.Font == nil || !s.Font.Bold {
			t.Error("header not bold")
		}
	}
	if p, err := f.GetPanes(in); err != nil || !p.Freeze || p.YSplit != 1 {
		t.Errorf("header not frozen: %+v %v", p, err)
	}
	if w, _ := f.GetColWidth(in, "E"); w < 40 {
		t.Errorf("title column width %v", w)
	}
	header, _ := f.GetRows(in)
	if strings.Join(header[0][:5], ",") != "收文编号,收文日期,来文单位,来文字号,文件标题" {
		t.Fatalf("header %v", header[0])
	}
	// 收文日期 is a real date: a number, shown as 2024-12-23
	if typ, _ := f.GetCellType(in, "B2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("B2 has type %v", typ)
	}
	raw, _ := f.GetCellValue(in, "B2", excelize.Options{RawCellValue: true})
	shown, _ := f.GetCellValue(in, "B2")
	if _, err := strconv.Atoi(raw); err != nil || !regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`).MatchString(shown) {
		t.Errorf("B2 raw %q shown %q", raw, shown)
	}
	// overdue documents are red, the others not
	overdue, plain := 0, 0
	today := desk.Today()
	docs, _ := app.All(func(p app.Page) ([]app.Document, int, error) {
		return desk.Store.Documents(context.Background(), app.DocumentFilter{Direction: app.Incoming, Sort: "serial", Page: p})
	})
	for i, d := range docs {
		fill := fillOf(t, f, in, cellName(5, i+2))
		switch {
		case d.OverdueOn(today) && fill == "FFC7CE":
			overdue++
		case !d.OverdueOn(today) && fill == "":
			plain++
		default:
			t.Fatalf("row %d (%s, overdue %v) has fill %q", i+2, d.Serial, d.OverdueOn(today), fill)
		}
	}
	if overdue == 0 || plain == 0 {
		t.Fatalf("overdue %d, plain %d", overdue, plain)
	}
}

func TestExportItemsRed(t *testing.T) {
	desk := sampleOffice(t)
	f := openXLSX(t, exportBook(t, desk, Supervision, XLSX))
	rows, _ := f.GetRows("督办事项")
	col := -1
	for i, h := range rows[0] {
		if h == "预警" {
			col = i
		}
	}
	red := 0
	for i, r := range rows[1:] {
		isRed := fillOf(t, f, "督办事项", cellName(1, i+2)) == "FFC7CE"
		if isRed != (r[col] == "逾期") {
			t.Fatalf("row %d: colour %q, red fill %v", i+2, r[col], isRed)
		}
		if isRed {
			red++
		}
	}
	if red == 0 {
		t.Fatal("no red item")
	}
}

func TestExportCatalog(t *testing.T) {
	desk := sampleOffice(t)
	year := 0
	for y := desk.Today().Year; y > desk.Today().Year-3 && year == 0; y-- {
		if _, n, _ := desk.Store.Documents(context.Background(), app.DocumentFilter{ArchiveYear: y, Page: app.Page{Limit: 1}}); n > 0 {
			year = y
		}
	}
	var buf bytes.Buffer
	n, err := ExportCatalog(context.Background(), desk, year, &buf, ExportOptions{Format: XLSX})
	if err != nil || n == 0 {
		t.Fatalf("%d %v", n, err)
	}
	f := openXLSX(t, buf.Bytes())
	sheet := f.GetSheetList()[0]
	rows, _ := f.GetRows(sheet)
	if strings.Join(rows[0], ",") != "序号,档号,文号,责任者,题名,日期,密级,页数,备注" {
		t.Fatalf("header %v", rows[0])
	}
	rank := map[app.Retention]int{app.RetainForever: 0, app.Retain30: 1, app.Retain10: 2}
	var last app.Archive
	for i, r := range rows[1:] {
		a, err := app.ParseArchiveNo(r[1])
		if err != nil || r[0] != strconv.Itoa(i+1) || !regexp.MustCompile(`^\d{8}$`).MatchString(r[5]) || a.Year != year {
			t.Fatalf("row %d: %q %v", i+2, r, err)
		}
		if i > 0 && (rank[a.Retention] < rank[last.Retention] || a.Retention == last.Retention && a.Piece <= last.Piece) {
			t.Fatalf("not in 保管期限, 件号 order: %s after %s", a.Number(), last.Number())
		}
		last = a
	}
	if sheet != strconv.Itoa(year)+"年归档文件目录" {
		t.Errorf("sheet %q", sheet)
	}
	if _, err := ExportCatalog(context.Background(), desk, 1990, &buf, ExportOptions{Format: XLSX}); app.ErrorCode(err) != app.ENOTFOUND {
		t.Fatalf("empty year: %v", err)
	}
	if b := exportBook(t, desk, Meetings, XLSX); len(sheetsOf(t, b)["会议"]) < 2 {
		t.Fatal("no meetings exported")
	}
}

// TestExportPages exports a book larger than a page.
func TestExportPages(t *testing.T) {
	desk := newDesk(t)
	rows := [][]any{{"收文日期", "来文单位", "文件标题"}}
	for i := 0; i < 1203; i++ {
		rows = append(rows, []any{app.D(2024, 1, 2).AddDays(i % 300).String(), "区财政局", "关于第" + strconv.Itoa(i) + "项工作的请示"})
	}
	file := workbook(t, func(f *excelize.File) { setRows(t, f, "Sheet1", 1, rows...) })
	if rep, err := readBytes(t, Docs, "收文.xlsx", file, ReadOptions{}).Run(context.Background(), desk, app.ImportOptions{}); err != nil || rep.Imported != 1203 {
		t.Fatalf("%+v %v", rep, err)
	}
	var buf bytes.Buffer
	var calls []int
	n, err := ExportDocuments(context.Background(), desk, app.DocumentFilter{Direction: app.Incoming}, &buf,
		ExportOptions{Format: CSV, Progress: func(done, total int) { calls = append(calls, done) }})
	lines := strings.Count(buf.String(), "\r\n")
	if err != nil || n != 1203 || lines != 1204 || len(calls) != 3 || calls[2] != 1203 {
		t.Fatalf("%d rows, %d lines, progress %v, %v", n, lines, calls, err)
	}
	// serials without a number in the register were given in order
	if !strings.Contains(buf.String(), "\r\n2024-1203,") {
		t.Fatal("serials were not given in order")
	}
}

// The 用印登记簿 of a period: the uses in it only, in order of use, in the
// printed log's columns.
func TestExportSealLog(t *testing.T) {
	desk := sampleOffice(t)
	ctx := context.Background()
	used, err := app.All(func(p app.Page) ([]app.SealRequest, int, error) {
		return desk.Store.SealRequests(ctx, app.SealFilter{Statuses: []app.SealStatus{app.SealUsed}, Sort: "used_on", Page: p})
	})
	if err != nil || len(used) < 3 {
		t.Fatalf("%d uses in the sample office (%v)", len(used), err)
	}
	from, to := used[1].UsedOn, used[len(used)-2].UsedOn
	want := 0
	for _, r := range used {
		if !r.UsedOn.Before(from) && !r.UsedOn.After(to) {
			want++
		}
	}
	var buf bytes.Buffer
	n, err := ExportSealLog(ctx, desk, from, to, &buf, ExportOptions{Format: XLSX})
	if err != nil || n != want {
		t.Fatalf("exported %d, want %d (%v)", n, want, err)
	}
	rows := sheetsOf(t, buf.Bytes())["用印登记簿"]
	if got := strings.Join(rows[0], ","); got != "登记号,用印日期,印章,用印单位,用印事由,文件名称,份数,批准人,经办人,监印人,备注" {
		t.Fatalf("header %s", got)
	}
	if len(rows) != want+1 {
		t.Fatalf("%d rows, want %d", len(rows)-1, want)
	}
	if rows[1][7] == "" || rows[1][6] == "0" || rows[1][8] == "" {
		t.Fatalf("first row %q: no 批准人, 经办人 or 份数", rows[1])
	}
}
