package ui

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"gongwen/app"
	"gongwen/exchange"
	"gongwen/ui/widgets"
)

// incomingRegister writes a 收文登记簿 as an office keeps it: a title row
// merged across, the office's own header names, and in row 5 a date that
// does not exist.
func incomingRegister(t *testing.T) string {
	t.Helper()
	rows := [][]any{
		{"2026年收文登记簿"},
		{"顺序号", "收到日期", "来文机关", "文件字号", "文件名称", "缓急", "承办科室"},
		{"1", "2026.3.2", "市人民政府办公室", "市府办发[2026]31号", "关于做好春季森林防火工作的通知", "急件", "区财政局"},
		{"2", "2026年3月3日", "区司法局", "示司〔2026〕4号", "关于开展法治宣传月活动的报告", "", ""},
		{"3", "2026-02-30", "区财政局", "示财〔2026〕9号", "关于一季度预算执行情况的报告", "", ""},
	}
	return writeRegister(t, "2026年", "G1", rows)
}

func documentCount(t *testing.T, h *harness, dir app.Direction) int {
	t.Helper()
	_, n, err := h.desk.Store.Documents(context.Background(), app.DocumentFilter{Direction: dir, Page: app.Page{Limit: 1}})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestImportIncoming(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	u.show(ScreenIncoming)
	before := u.incoming.table.Total()

	u.incoming.port.importFile(incomingRegister(t))
	u.Wait()
	pv := u.incoming.port.preview
	if pv == nil || !pv.shown {
		t.Fatal("the import preview did not open")
	}
	// the header found under the title, the office's names mapped, the bad date named
	if s := pv.plan.Sheets[0]; s.HeaderRow != 2 || s.Direction != app.Incoming || s.Year != 2026 || s.Rows != 3 {
		t.Fatalf("sheet read as %+v", s)
	}
	for header, want := range map[string]string{"顺序号": "收文编号", "收到日期": "收文日期（必填）", "来文机关": "来文单位（必填）",
		"文件字号": "文号", "文件名称": "文件标题（必填）", "缓急": "紧急程度", "承办科室": "承办单位"} {
		s := pv.selects["2026年\x00"+header]
		if s == nil || s.Selected != want {
			t.Fatalf("column %s mapped to %v, want %s", header, s, want)
		}
	}
	for _, want := range []string{"表头在第2行", "数据3行", "导入收文登记簿", "2026年 第5行 收到日期：", "不存在", "可以导入2行，有问题1行", "D列　文件字号", "市府办发〔2026〕31号"} {
		if !pv.showsText(want) {
			t.Fatalf("the preview does not show %q", want)
		}
	}

	if got := strings.Join(pv.plan.Sheets[0].First[0], "|"); got != "1|2026-03-02|市人民政府办公室|市府办发〔2026〕31号|关于做好春季森林防火工作的通知|加急|区财政局" {
		t.Fatalf("first row previewed as %s", got)
	}

	// all or nothing: with the bad row and no 只导入无误的行, nothing is written
	test.Tap(pv.ok)
	u.Wait()
	if !pv.shown {
		t.Fatal("the preview closed although nothing was imported")
	}
	if got := pv.banner.Text; !strings.Contains(got, "有1行有问题，没有导入任何数据") || !strings.Contains(got, "只导入无误的行") {
		t.Fatalf("the preview says %q", got)
	}
	if n := documentCount(t, h, app.Incoming); n != 0 {
		t.Fatalf("%d documents written by a refused import", n)
	}

	// a column left out: the file is read again, the choice stays
	// (as choosing in the list does; SetSelected would go on redrawing the
	// select while the reading runs, which the test driver does not keep apart)
	sel := pv.selects["2026年\x00承办科室"]
	sel.Selected = notImported
	sel.OnChanged(notImported)
	u.Wait()
	if s := pv.plan.Sheets[0]; strings.Contains(strings.Join(s.Columns, ","), "承办单位") {
		t.Fatalf("承办科室 still imported: %v", s.Columns)
	}
	if got := pv.selects["2026年\x00承办科室"].Selected; got != notImported {
		t.Fatalf("the choice was lost: %q", got)
	}

	// only the good rows
	pv.skip.SetChecked(true)
	test.Tap(pv.ok)
	u.Wait()
	if pv.shown {
		t.Fatalf("the preview stayed open: %s", pv.banner.Text)
	}
	if !h.shows("已导入2条，跳过1条") {
		t.Fatal("no message saying what was imported")
	}
	if got := u.incoming.table.Total(); got != before+2 {
		t.Fatalf("the table shows %d, want %d", got, before+2)
	}
	i, ok := u.incoming.table.Find(func(d app.Document) bool { return d.Title == "关于做好春季森林防火工作的通知" })
	if !ok {
		t.Fatal("the imported document is not in the table")
	}
	u.incoming.table.Select(i)
	if d := u.incoming.sel; d.Serial != "2026-0001" || d.DocNo != "市府办发〔2026〕31号" || d.FromUnit != "市人民政府办公室" ||
		d.Urgency != app.UrgencyUrgent || d.LeadUnit != "" || d.ReceivedOn != app.D(2026, 3, 2) {
		t.Fatalf("imported as %+v", *d)
	}
	if n := h.dash(cardProposal); n != 2 {
		t.Fatalf("工作台 待拟办 = %d after the import, want 2", n)
	}
}

func TestImportUnreadableFile(t *testing.T) {
	h := newHarness(t, false)
	path := filepath.Join(t.TempDir(), "登记簿.xlsx")
	if err := os.WriteFile(path, []byte("not a workbook"), 0o644); err != nil {
		t.Fatal(err)
	}
	h.u.show(ScreenSeals)
	h.u.seals.port.importFile(path)
	h.u.Wait()
	if h.u.seals.port.preview != nil || !h.shows("不是有效的 Excel 文件") {
		t.Fatal("a broken file is not reported in Chinese")
	}
}

// exportFile runs an export of porter p into a new file named name.
func exportFile(t *testing.T, h *harness, p *porter, c exportChoice, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	wc, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	p.exportTo(c, wc)
	h.u.Wait()
	return path
}

func TestExportIncomingFiltered(t *testing.T) {
	h := newHarness(t, true)
	u := h.u
	u.show(ScreenIncoming)
	all := u.incoming.table.Total()
	u.incoming.urgency.SetSelected(string(app.UrgencyUrgent))
	n := u.incoming.table.Total()
	if n == 0 || n >= all {
		t.Fatalf("the filter shows %d of %d", n, all)
	}

	path := exportFile(t, h, u.incoming.port, exportChoice{format: exchange.XLSX}, "收文.xlsx")
	if !h.shows("已导出" + itoa(n) + "条到") {
		t.Fatal("no message with the count")
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("收文登记簿")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows)-1 != n {
		t.Fatalf("the workbook has %d rows, the table %d", len(rows)-1, n)
	}
	col := -1
	for i, hd := range rows[0] {
		if hd == "紧急程度" {
			col = i
		}
	}
	for _, r := range rows[1:] {
		if col < 0 || r[col] != string(app.UrgencyUrgent) {
			t.Fatalf("a row outside the filter: %v", r)
		}
	}

	// a file named .csv gets CSV, whatever was chosen
	path = exportFile(t, h, u.incoming.port, exportChoice{format: exchange.XLSX}, "收文.csv")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF")))).ReadAll()
	if err != nil || len(recs)-1 != n {
		t.Fatalf("the CSV has %d rows (%v), the table %d", len(recs)-1, err, n)
	}
}

func TestExportForm(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	u.show(ScreenIncoming)
	u.incoming.port.exportForm()
	f := h.form()
	if f.Title != "导出收文登记簿" {
		t.Fatalf("form %q", f.Title)
	}
	// nothing to export: the form stays open with the choices
	f.Get("格式").(*widgets.RadioGroup).SetSelected(formatCSV)
	h.saveFails("没有记录可导出")
	f.Get("内容").(*widgets.RadioGroup).SetSelected("归档文件目录")
	h.typeIn("归档年度", "2025")
	h.saveFails("2025年度还没有归档的文件")
	if got := f.Get("格式").(*widgets.RadioGroup).Selected; got != formatCSV {
		t.Fatalf("the format chosen was lost: %q", got)
	}
	f.Hide()
	// offered again next time
	u.incoming.port.exportForm()
	if got := h.form().Get("归档年度").(fyne.Disableable); got.Disabled() {
		t.Fatal("归档年度 disabled although 归档文件目录 was chosen last")
	}
	if got := h.form().Get("格式").(*widgets.RadioGroup).Selected; got != formatCSV {
		t.Fatalf("the format chosen last is not offered again: %q", got)
	}
	h.form().Hide()

	if len(u.meetings.port.tools()) != 1 {
		t.Fatal("会议 offers an import")
	}
}

func TestExportCatalogAndTemplate(t *testing.T) {
	h := newHarness(t, true)
	u := h.u
	year := 0
	for y := testDay.Year(); y > testDay.Year()-3 && year == 0; y-- {
		_, n, err := h.desk.Store.Documents(context.Background(), app.DocumentFilter{ArchiveYear: y, Statuses: []app.DocStatus{app.StatusArchived}, Page: app.Page{Limit: 1}})
		if err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			year = y
		}
	}
	if year == 0 {
		t.Fatal("the sample office has nothing archived")
	}
	path := exportFile(t, h, u.outgoing.port, exportChoice{format: exchange.XLSX, catalog: true, year: year}, "目录.xlsx")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if list := f.GetSheetList(); len(list) != 1 || list[0] != itoa(year)+"年归档文件目录" {
		t.Fatalf("catalogue sheets %v", list)
	}
	f.Close()

	path = filepath.Join(t.TempDir(), "模板.xlsx")
	wc, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	u.items.port.templateTo(wc)
	u.Wait()
	if !h.shows("导入模板") && !h.shows("红色表头") {
		t.Fatal("no message after saving the template")
	}
	f, err = excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if list := f.GetSheetList(); len(list) != 2 || list[1] != "填写说明" {
		t.Fatalf("template sheets %v", list)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// showsText reports whether a label of the dialog on top (the preview)
// contains text.
func (pv *importPreview) showsText(text string) bool {
	for _, o := range test.LaidOutObjects(pv.p.u.win.Canvas().Overlays().Top()) {
		switch w := o.(type) {
		case *widget.Label:
			if strings.Contains(w.Text, text) {
				return true
			}
		}
	}
	return false
}

// writeRegister saves rows as the one sheet of a workbook named like an
// office's register, with the title in row 1 merged across to mergeTo.
func writeRegister(t *testing.T, sheet, mergeTo string, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.MergeCell(sheet, "A1", mergeTo); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "2026年收文登记簿.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// A malformed 文号 imports as written with a 提醒, shown under the problems
// of the preview as the command line prints it.
func TestImportPreviewShowsWarnings(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	u.show(ScreenIncoming)
	u.incoming.port.importFile(writeRegister(t, "2026年", "E1", [][]any{
		{"2026年收文登记簿"},
		{"收到日期", "来文机关", "文件字号", "文件名称"},
		{"2026-03-02", "区财政局", "括号发〔2026号", "关于拨付防汛物资经费的请示"},
		{"2026-03-03", "区司法局", "示司〔2026〕4号", "关于开展法治宣传月活动的报告"},
		{"2026-02-30", "区财政局", "示财〔2026〕9号", "关于一季度预算执行情况的报告"},
	}))
	u.Wait()
	pv := u.incoming.port.preview
	if pv == nil || !pv.shown {
		t.Fatal("the import preview did not open")
	}
	if len(pv.report.Warnings) != 1 {
		t.Fatalf("the dry run warns %v", pv.report.Warnings)
	}
	for _, want := range []string{"发现的问题（1个", "提醒（1个", "2026年 第3行 文件字号：文号“括号发〔2026号”"} {
		if !pv.showsText(want) {
			t.Errorf("the preview does not show %q", want)
		}
	}
	if !pv.warnings.Visible() {
		t.Error("the 提醒 section is hidden")
	}
	writePNGFromEnv(t, u, "GONGWEN_IMPORT_PNG")
}
