package exchange

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"gongwen/app"
)

// messyRegister is a 收文登记簿 as offices keep them: a sheet a year, title
// rows merged across, a two-row header with merged cells and its own
// names, dates in every form (and one that does not exist), full-width
// digits, 文号 in [] and 【】, a date merged over two rows, blank rows, a
// month row, the header repeated, a total, a probable duplicate and a
// sheet of notes.
func messyRegister(t testing.TB) []byte {
	return workbook(t, func(f *excelize.File) {
		f.SetSheetName("Sheet1", "2023年")
		setRows(t, f, "2023年", 1,
			[]any{"2023年收文登记簿"}, nil,
			[]any{"序号", "收文\n编号", "收到日期", "来文机关", "来文字号", "文件名称", "缓急", "秘密等级", "份  数", "承办科室", "办结时限", "备注"},
			[]any{1, "2023-0151", "2023.12.5", "市政府办公室", "市府办发(2023)88号", "关于做好冬季安全生产工作的通知", "急件", "", "２", "区应急管理局", "5个工作日", ""},
			[]any{2, "2023-0152", "2023年12月28日", "区 财 政 局", "示财〔2023〕40号", "关于2024年预算编制的请示", "", "秘密★1年", "1份", "", "", "已阅"},
		)
		f.MergeCell("2023年", "A1", "L1")

		setRows(t, f, "2024年", 1,
			[]any{"2024年收文登记簿（秘书股）"},
			[]any{"填表人：张文书"},
			[]any{"收文编号", "收文日期", "来文情况", "", "", "办理情况", ""},
			[]any{"", "", "来文单位", "文号", "文件标题", "承办单位", "办理结果"},
			[]any{"2024-0001", "2024-03-05", "市政府办公室", "市府办发[2024]12号", "关于做好安全生产工作的通知", "区应急管理局", ""}, // row 5
			[]any{"２０２４－０００２", "2024/3/5", "市应急管理局", "市应急发【2024】3号", "关于开展隐患排查的通知", "", ""},
			[]any{"2024-0003", "2024.3.6", "桃花镇", "", "关于春耕生产情况的报告", "", "已阅"},
			nil, // row 8: blank
			[]any{"三月份"},
			[]any{"2024-0004", "2024年3月7日", "东城街道", "东街办〔2024〕5号", "关于老旧小区改造的请示", "区住房和城乡建设局", ""}, // row 10
			[]any{"2024-0005", "20240308", "区教育局", "示教〔2024〕9号", "关于学校安全检查情况的报告", "", ""},
			[]any{"2024-0006", app.D(2024, 3, 8).Time(), "区民政局", "示民〔2024〕2号", "关于低保资金发放的报告", "", ""}, // a real date cell
			[]any{"0007", "3月11日", "区卫生健康局", "示卫健〔2024〕7号", "关于春季传染病防控的通知", "", ""},
			[]any{"2024-0008", "2024-02-30", "区农业农村局", "示农〔2024〕4号", "关于春播的通知", "", ""}, // row 14: no such day
			[]any{"2024-0009", "2024-03-12", "西湖街道", "西街办〔2024〕3号", "关于防汛准备的报告", "", ""},
			[]any{"2024-0010", "", "柳溪镇", "柳政〔2024〕6号", "关于河道清淤的请示", "", ""},                     // row 16: the date is merged from row 15
			[]any{"2024-0011", "2024-03-13", "市政府办公室", "市府办发〔2024〕12号", "关于做好安全生产工作的通知", "", ""}, // row 17: row 5 again
			[]any{"收文编号", "收文日期", "来文单位", "文号", "文件标题", "承办单位", "办理结果"},                          // row 18: printed header
			[]any{"合计：共11件"},
		)
		f.MergeCell("2024年", "A1", "G1")
		f.MergeCell("2024年", "A3", "A4")
		f.MergeCell("2024年", "B3", "B4")
		f.MergeCell("2024年", "C3", "E3")
		f.MergeCell("2024年", "F3", "G3")
		f.MergeCell("2024年", "B15", "B16")
		f.MergeCell("2024年", "A19", "G19")

		setRows(t, f, "说明", 1, []any{"本登记簿由秘书股填写。"}, []any{"收文编号按年度连续编号。"})
	})
}

func TestMessyRegister(t *testing.T) {
	ctx := context.Background()
	desk := newDesk(t)
	p := readBytes(t, Docs, "收文登记簿.xlsx", messyRegister(t), ReadOptions{})

	if len(p.Sheets) != 3 || p.Sheets[0].HeaderRow != 3 || p.Sheets[1].HeaderRow != 4 || p.Sheets[2].HeaderRow != 0 {
		t.Fatalf("sheets: %+v", p.Sheets)
	}
	if s := p.Sheets[1]; s.Year != 2024 || s.Direction != app.Incoming || s.Rows != 11 ||
		strings.Join(s.Columns, ",") != "收文编号,收文日期,来文单位,来文字号,文件标题,承办单位,办理结果" {
		t.Fatalf("2024年: year %d, %s, %d rows, columns %v", s.Year, s.Direction, s.Rows, s.Columns)
	}
	if m := p.Sheets[0].Mapping; m[0].Key != "" || m[1].Key != "serial" || m[1].Header != "收文编号" || m[3].Key != "from_unit" || m[10].Key != "time_limit_workdays" {
		t.Fatalf("2023年 mapping: %+v", m)
	}
	if got := p.Sheets[1].First[1]; strings.Join(got, "|") != "２０２４－０００２|2024-03-05|市应急管理局|市应急发〔2024〕3号|关于开展隐患排查的通知||" {
		t.Fatalf("preview row: %q", got)
	}

	// all or nothing: two bad rows, nothing written
	rep, err := p.Run(ctx, desk, app.ImportOptions{})
	want := []string{
		"2024年 第14行 收文日期：日期“2024-02-30”不存在（2024年2月没有30日）",
		"2024年 第17行：可能重复：来文单位和文号（市政府办公室，市府办发〔2024〕12号）与第5行相同",
	}
	if err == nil || rep.Imported != 0 || rep.Bad != 2 || strings.Join(problemTexts(rep.Problems), "\n") != strings.Join(want, "\n") {
		t.Fatalf("default run: %+v %v\n%s", rep, err, strings.Join(problemTexts(rep.Problems), "\n"))
	}
	if _, n, _ := desk.Store.Documents(ctx, app.DocumentFilter{}); n != 0 {
		t.Fatalf("a failed import wrote %d documents", n)
	}

	// a dry run of the good rows writes nothing either
	rep, err = p.Run(ctx, desk, app.ImportOptions{SkipBad: true, DryRun: true})
	if err != nil || rep.Imported != 11 || rep.Skipped != 2 {
		t.Fatalf("dry run: %+v %v", rep, err)
	}
	if _, n, _ := desk.Store.Documents(ctx, app.DocumentFilter{}); n != 0 {
		t.Fatalf("a dry run wrote %d documents", n)
	}

	rep, err = p.Run(ctx, desk, app.ImportOptions{SkipBad: true})
	if err != nil || rep.Imported != 11 || rep.Skipped != 2 || rep.Rows != 13 {
		t.Fatalf("skip-bad run: %+v %v", rep, err)
	}
	doc := func(serial string) *app.Document {
		d, err := desk.Store.DocumentBySerial(ctx, serial)
		if err != nil {
			t.Fatalf("%s: %v", serial, err)
		}
		return d
	}
	for serial, want := range map[string]string{
		"2023-0151": "2023-12-05", "2023-0152": "2023-12-28", "2024-0001": "2024-03-05", "2024-0002": "2024-03-05",
		"2024-0003": "2024-03-06", "2024-0004": "2024-03-07", "2024-0005": "2024-03-08", "2024-0006": "2024-03-08",
		"2024-0007": "2024-03-11", "2024-0009": "2024-03-12", "2024-0010": "2024-03-12",
	} {
		if got := doc(serial).ReceivedOn.String(); got != want {
			t.Errorf("%s received %s, want %s", serial, got, want)
		}
	}
	if d := doc("2024-0002"); d.DocNo != "市应急发〔2024〕3号" || d.Status != app.StatusRegistered {
		t.Errorf("2024-0002: %q %s", d.DocNo, d.Status)
	}
	if d := doc("2023-0151"); d.DocNo != "市府办发〔2023〕88号" || d.Urgency != app.UrgencyUrgent || d.Copies != 2 ||
		d.Status != app.StatusAssigned || d.LimitWorkdays != 5 || d.DueOn != app.D(2023, 12, 12) {
		t.Errorf("2023-0151: %+v", d)
	}
	if d := doc("2023-0152"); d.FromUnit != "区财政局" || d.Secrecy != app.SecrecySecret || d.Copies != 1 || d.Remarks != "已阅" {
		t.Errorf("2023-0152: %q %q %d %q", d.FromUnit, d.Secrecy, d.Copies, d.Remarks)
	}
	if d := doc("2024-0003"); d.Status != app.StatusDone || d.Result != "已阅" {
		t.Errorf("2024-0003: %s %q", d.Status, d.Result)
	}
	// later registrations continue after the highest imported number
	next := &app.Document{Title: "新收文件", FromUnit: "区财政局", ReceivedOn: app.D(2024, 3, 20)}
	if err := desk.RegisterIncoming(ctx, next, false); err != nil || next.Serial != "2024-0011" {
		t.Fatalf("next registration: %q %v", next.Serial, err)
	}
	// importing the register again doubles nothing
	rep, err = p.Run(ctx, desk, app.ImportOptions{SkipBad: true})
	if err != nil || rep.Imported != 0 || !strings.Contains(strings.Join(problemTexts(rep.Problems), "\n"), "2024年 第5行：可能重复：已有收文2024-0001") {
		t.Fatalf("second import: %+v %v\n%s", rep, err, strings.Join(problemTexts(rep.Problems), "\n"))
	}
}

// TestSheetOption reads one sheet only, and names the others when asked for
// one that is not there.
func TestSheetOption(t *testing.T) {
	file := messyRegister(t)
	p := readBytes(t, Docs, "x.xlsx", file, ReadOptions{Sheet: "2023年"})
	if len(p.Sheets) != 1 || p.Rows != 2 {
		t.Fatalf("%+v", p.Sheets)
	}
	_, err := ReadFrom(Docs, "x.xlsx", bytes.NewReader(file), ReadOptions{Sheet: "2025年"})
	if err == nil || !strings.Contains(err.Error(), "“2023年”、“2024年”、“说明”") {
		t.Fatalf("missing sheet: %v", err)
	}
}

// TestYearFromFileName: 3月5日 takes the year of the file when the sheet
// has none; without any, the row is a problem.
func TestYearFromFileName(t *testing.T) {
	file := workbook(t, func(f *excelize.File) {
		setRows(t, f, "Sheet1", 1, []any{"来文单位", "文件标题", "日期"}, []any{"区财政局", "关于预算的请示", "3月5日"})
	})
	p := readBytes(t, Docs, "收文2025.xlsx", file, ReadOptions{})
	rep, err := p.Run(context.Background(), newDesk(t), app.ImportOptions{DryRun: true})
	if err != nil || rep.Imported != 1 || p.Sheets[0].Year != 2025 {
		t.Fatalf("%+v %v", rep, err)
	}
	p = readBytes(t, Docs, "收文.xlsx", file, ReadOptions{})
	if len(p.Problems) != 1 || !strings.Contains(p.Problems[0].String(), "第2行 日期：日期“3月5日”没有年份") {
		t.Fatalf("%v", problemTexts(p.Problems))
	}
}

func TestOutgoingRegister(t *testing.T) {
	ctx := context.Background()
	desk := newDesk(t)
	file := workbook(t, func(f *excelize.File) {
		f.SetSheetName("Sheet1", "发文登记簿")
		setRows(t, f, "发文登记簿", 1,
			[]any{"发文字号", "文件标题", "主办科室", "签发人", "签发日期", "发文日期", "份数", "主送机关"},
			[]any{"示府办发[2024]1号", "关于印发2024年工作要点的通知", "秘书股", "赵主任", "2024-01-08", "2024-01-09", "40", "各镇人民政府"},
			[]any{"示府办发〔2024〕3号", "关于做好春节值班的通知", "秘书股", "赵主任", "2024-01-20", "", "", ""},
		)
	})
	p := readBytes(t, Docs, "2024.xlsx", file, ReadOptions{})
	if p.Sheets[0].Direction != app.Outgoing {
		t.Fatalf("direction %q", p.Sheets[0].Direction)
	}
	if rep, err := p.Run(ctx, desk, app.ImportOptions{}); err != nil || rep.Imported != 2 {
		t.Fatalf("%+v %v", rep, err)
	}
	d, err := desk.Store.DocumentBySerial(ctx, "示府办发〔2024〕1号")
	if err != nil || d.Direction != app.Outgoing || d.Status != app.StatusIssued || d.IssuingCode != "示府办发" || d.PrintCount != 40 ||
		d.DraftUnit != "秘书股" || d.DraftedOn != app.D(2024, 1, 8) || d.IssuedOn != app.D(2024, 1, 9) || d.MainTo != "各镇人民政府" {
		t.Fatalf("%+v %v", d, err)
	}
	if d, _ := desk.Store.DocumentBySerial(ctx, "示府办发〔2024〕3号"); d.Status != app.StatusSigned {
		t.Fatalf("status %s", d.Status)
	}
	if n := nextNumber(t, desk, "out:示府办发:2024"); n != 4 {
		t.Fatalf("the 发文字号 counter gives %d next, want 4", n)
	}
}

func nextNumber(t *testing.T, desk *app.Desk, key string) int {
	t.Helper()
	var n int
	err := desk.Store.Update(context.Background(), func(tx app.Tx) (err error) { n, err = tx.NextNumber(key); return err })
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestSealLog(t *testing.T) {
	ctx := context.Background()
	desk := newDesk(t)
	if err := desk.SaveSeal(ctx, &app.Seal{Name: "区政府办公室印章", Kind: app.SealOffice, Active: true}); err != nil {
		t.Fatal(err)
	}
	file := workbook(t, func(f *excelize.File) {
		setRows(t, f, "Sheet1", 1,
			[]any{"2024年用印登记簿"},
			[]any{"编号", "日期", "印章名称", "用印单位", "事由", "份数", "批准人", "经办人", "监印人", "备注"},
			[]any{"1", "2024-03-05", "区政府办公室印章", "区财政局", "报送2024年部门预算", "3", "赵主任", "张三", "刘监印", ""},
			[]any{"2", "2024/3/6", "区政府印章", "区教育局", "签订校舍维修合同", "", "王区长", "李四", "刘监印", "合同两份"},
		)
	})
	rep, err := readBytes(t, Seals, "用印.xlsx", file, ReadOptions{}).Run(ctx, desk, app.ImportOptions{})
	if err != nil || rep.Imported != 2 {
		t.Fatalf("%+v %v %v", rep, err, problemTexts(rep.Problems))
	}
	rs, _, _ := desk.Store.SealRequests(ctx, app.SealFilter{Sort: "number"})
	r := rs[0]
	if r.Status != app.SealUsed || r.Number != "2024-0001" || r.LogNo != "2024-0001" || r.UsedOn != app.D(2024, 3, 5) || r.RequestedOn != r.UsedOn ||
		r.Copies != 3 || r.UsedCount != 3 || r.ApprovedBy() != "赵主任" || r.Approvals[0].Role != app.RoleOfficeDirector || r.Approvals[0].Action != "审签" ||
		r.Handler != "张三" || r.Witness != "刘监印" {
		t.Fatalf("%+v", r)
	}
	if r := rs[1]; r.SealKind != app.SealOther || r.Copies != 1 || r.LogNo != "2024-0002" || r.Remarks != "合同两份" {
		t.Fatalf("%+v", r)
	}
	if n := nextNumber(t, desk, "seallog:2024"); n != 3 {
		t.Fatalf("seal log counter %d", n)
	}
}

func TestSupervisionRegister(t *testing.T) {
	ctx := context.Background()
	desk := newDesk(t)
	file := workbook(t, func(f *excelize.File) {
		setRows(t, f, "2024年督办事项", 1,
			[]any{"督办编号", "事项来源", "督办事项", "牵头单位", "配合单位", "交办时间", "办结时限", "办结日期", "落实情况", "备注"},
			[]any{"督[2024]1号", "会议", "推进老旧小区改造", "区住房和城乡建设局", "东城街道、西湖街道", "2024-02-01", "2024-06-30", "2024-06-20", "已完成改造", "重点"},
			[]any{"", "人大建议", "增设公交站点", "区交通运输局", "", "2024-03-01", "2024-05-31", "", "", ""},
			[]any{"督〔2024〕3号", "领导批示", "整治河道", "柳溪镇", "", "2024-03-10", "2024-03-01", "", "", ""},
		)
	})
	p := readBytes(t, Supervision, "督办.xlsx", file, ReadOptions{})
	rep, err := p.Run(ctx, desk, app.ImportOptions{SkipBad: true})
	if err != nil || rep.Imported != 2 || len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0].String(), "第4行：完成时限（2024-03-01）不能早于交办日期") {
		t.Fatalf("%+v %v %v", rep, err, problemTexts(rep.Problems))
	}
	items, _, _ := desk.Store.Items(ctx, app.ItemFilter{Sort: "number"})
	if it := items[0]; it.Number != "督〔2024〕1号" || it.Status != app.ItemDone || it.SourceType != app.SourceMeeting || len(it.CoUnits) != 2 || it.Result != "已完成改造" {
		t.Fatalf("%+v", it)
	}
	if it := items[1]; it.Number != "督〔2024〕2号" || it.Status != app.ItemOpen || it.SourceType != app.SourceNPC {
		t.Fatalf("%+v", it)
	}
}

// TestCSVEncodings reads the same register written as UTF-8 with and
// without BOM, as GBK, and as tab-separated UTF-16.
func TestCSVEncodings(t *testing.T) {
	text := "收文编号,收文日期,来文单位,文号,文件标题\r\n2024-0001,2024/3/5,市政府办公室,\"市府办发[2024]12号\",\"关于做好安全生产工作的通知\"\r\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range strings.ReplaceAll(text, ",", "\t") {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	for name, b := range map[string][]byte{"utf8": []byte(text), "bom": append([]byte("\uFEFF"), text...), "gbk": []byte(gbk), "utf16": utf16} {
		p := readBytes(t, Docs, name+".csv", b, ReadOptions{})
		rep, err := p.Run(context.Background(), newDesk(t), app.ImportOptions{DryRun: true})
		if err != nil || rep.Imported != 1 || strings.Join(p.Sheets[0].First[0], "|") != "2024-0001|2024-03-05|市政府办公室|市府办发〔2024〕12号|关于做好安全生产工作的通知" {
			t.Errorf("%s: %+v %v %q", name, rep, err, p.Sheets[0].First)
		}
	}
}

// TestMappingOverride: a column the program does not know is mapped by
// hand, and a known one left out.
func TestMappingOverride(t *testing.T) {
	file := workbook(t, func(f *excelize.File) {
		setRows(t, f, "Sheet1", 1, []any{"收文日期", "发件方", "文件标题", "备注"}, []any{"2024-03-05", "区财政局", "关于预算的请示", "不要这一列"})
	})
	p := readBytes(t, Docs, "收文.xlsx", file, ReadOptions{})
	if p.Sheets[0].Note == "" || len(p.Problems) != 1 || !strings.Contains(p.Problems[0].Reason, "“来文单位”") {
		t.Fatalf("missing 来文单位: %q %v", p.Sheets[0].Note, problemTexts(p.Problems))
	}
	p = readBytes(t, Docs, "收文.xlsx", file, ReadOptions{Mapping: map[string]string{"发 件 方": "from_unit", "备注": ""}})
	desk := newDesk(t)
	if rep, err := p.Run(context.Background(), desk, app.ImportOptions{}); err != nil || rep.Imported != 1 {
		t.Fatalf("%+v %v", rep, err)
	}
	docs, _, _ := desk.Store.Documents(context.Background(), app.DocumentFilter{})
	if docs[0].FromUnit != "区财政局" || docs[0].Remarks != "" || p.Sheets[0].Mapping[1].Key != "from_unit" || p.Sheets[0].Mapping[3].Key != "" {
		t.Fatalf("%+v %+v", docs[0], p.Sheets[0].Mapping)
	}
}

func TestTemplates(t *testing.T) {
	for _, book := range []Book{Docs, Seals, Supervision} {
		var buf bytes.Buffer
		if err := Template(book, &buf); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		sheets := f.GetSheetList()
		if sheets[len(sheets)-1] != "填写说明" {
			t.Fatalf("%s: sheets %v", book, sheets)
		}
		style, _ := f.GetCellStyle(sheets[0], "A1")
		if s, _ := f.GetStyle(style); s == nil || s.Font == nil || !s.Font.Bold {
			t.Errorf("%s: header not bold", book)
		}
		if w, _ := f.GetColWidth(sheets[0], "A"); w < 6 {
			t.Errorf("%s: column width %v", book, w)
		}
		// the template itself holds no records: its example row is skipped
		p := readBytes(t, book, "模板.xlsx", buf.Bytes(), ReadOptions{})
		if p.Rows != 0 || len(p.Problems) != 0 {
			t.Errorf("%s: the empty template reads %d rows, %v", book, p.Rows, problemTexts(p.Problems))
		}
		f.Close()
	}
	// a filled template imports
	var buf bytes.Buffer
	Template(Docs, &buf)
	f, _ := excelize.OpenReader(&buf)
	setRows(t, f, "收文登记簿", 3, []any{"", "2024-04-01", "区财政局", "示财〔2024〕7号", "关于追加预算的请示"})
	var filled bytes.Buffer
	f.Write(&filled)
	p := readBytes(t, Docs, "模板.xlsx", filled.Bytes(), ReadOptions{})
	if rep, err := p.Run(context.Background(), newDesk(t), app.ImportOptions{}); err != nil || rep.Imported != 1 {
		t.Fatalf("filled template: %+v %v %v", rep, err, problemTexts(rep.Problems))
	}
}

// TestUnreadableFiles: old .xls, junk, and a workbook without a register
// are refused with a Chinese message.
func TestUnreadableFiles(t *testing.T) {
	for name, b := range map[string][]byte{
		"old.xls":   {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1},
		"bad.xlsx":  []byte("not a workbook"),
		"empty.csv": {},
		"none.xlsx": workbook(t, func(f *excelize.File) {
			setRows(t, f, "Sheet1", 1, []any{"姓名", "电话"}, []any{"张三", "123"})
		}),
	} {
		_, err := ReadFrom(Docs, name, bytes.NewReader(b), ReadOptions{})
		if err == nil || app.ErrorCode(err) != app.EINVALID {
			t.Errorf("%s: %v", name, err)
		}
		t.Logf("%s: %v", name, err)
	}
}
