package app_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gongwen/app"
	"gongwen/data"
)

func importDesk(t *testing.T) *app.Desk {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "office.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	k, err := app.NewDesk(context.Background(), guarded(t, s), "测试员")
	if err != nil {
		t.Fatal(err)
	}
	k.Now = func() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local) }
	return k
}

func rows[T any](recs ...T) []app.ImportRow[T] {
	out := make([]app.ImportRow[T], len(recs))
	for i, r := range recs {
		out[i] = app.ImportRow[T]{At: app.RowRef{Sheet: "2024年", Row: i + 2}, Rec: r}
	}
	return out
}

func incoming(serial, from, no, title string, on app.Date) app.Document {
	return app.Document{Serial: serial, FromUnit: from, DocNo: no, Title: title, ReceivedOn: on}
}

func TestImportStatuses(t *testing.T) {
	ctx := context.Background()
	k := importDesk(t)
	mar5 := app.D(2026, 3, 5)
	with := func(d app.Document, f func(*app.Document)) app.Document { f(&d); return d }
	docs := []app.Document{
		incoming("", "区财政局", "", "登记", mar5),
		with(incoming("", "区财政局", "", "拟办", mar5), func(d *app.Document) { d.Proposal = "拟请区长阅示" }),
		with(incoming("", "区财政局", "", "批示", mar5), func(d *app.Document) {
			d.Instructions = []app.Instruction{{Leader: "王区长", Text: "请财政局办理"}}
		}),
		with(incoming("", "区财政局", "", "承办", mar5), func(d *app.Document) { d.LeadUnit, d.LimitWorkdays = "区财政局", 5 }),
		with(incoming("", "区财政局", "", "办结", mar5), func(d *app.Document) { d.LeadUnit, d.Result = "区财政局", "已办" }),
		with(incoming("", "区财政局", "", "归档", mar5), func(d *app.Document) {
			d.Archive = app.Archive{Fonds: "Z109", Year: 2026, Retention: app.RetainForever, OrgCode: "BGS", Piece: 3}
		}),
		with(incoming("", "区财政局", "", "退文", mar5), func(d *app.Document) { d.Status, d.ReturnReason = app.StatusReturned, "不属于本级" }),
		{Direction: app.Outgoing, DocNo: "示府办发[2026]5号", Title: "印发", SignedOn: mar5, IssuedOn: mar5.AddDays(1)},
		{Direction: app.Outgoing, IssuingCode: "示府办发", Title: "草稿", DraftedOn: mar5},
	}
	res, err := k.ImportDocuments(ctx, rows(docs...), app.ImportOptions{Source: "测试.xlsx"})
	if err != nil || res.Imported != len(docs) {
		t.Fatalf("%+v %v", res, err)
	}
	got := map[string]*app.Document{}
	list, _, _ := k.Store.Documents(ctx, app.DocumentFilter{})
	for i := range list {
		got[list[i].Title] = &list[i]
	}
	for title, want := range map[string]app.DocStatus{"登记": app.StatusRegistered, "拟办": app.StatusProposed, "批示": app.StatusInstructed,
		"承办": app.StatusAssigned, "办结": app.StatusDone, "归档": app.StatusArchived, "退文": app.StatusReturned,
		"印发": app.StatusIssued, "草稿": app.StatusDrafted} {
		if got[title].Status != want {
			t.Errorf("%s: status %s, want %s", title, got[title].Status, want)
		}
	}
	// 5 working days from Thursday 5 March 2026
	if d := got["承办"]; d.DueOn != app.D(2026, 3, 12) || d.DueUncertain {
		t.Errorf("due %s %v", d.DueOn, d.DueUncertain)
	}
	if d := got["批示"]; d.Instructions[0].On != mar5 || d.Instructions[0].Role != app.RoleOther {
		t.Errorf("instruction %+v", d.Instructions[0])
	}
	if d := got["印发"]; d.Serial != "示府办发〔2026〕5号" || d.Year != 2026 || d.IssuingCode != "示府办发" || d.DraftedOn != mar5 || d.DraftUnit != "" {
		t.Errorf("outgoing %+v", d)
	}
	if d := got["草稿"]; d.Serial != "" {
		t.Errorf("a draft has no serial: %q", d.Serial)
	}
	// one history entry for the import
	h, _ := k.Store.History(ctx, app.EntityDocument, 0)
	if len(h) != 1 || h[0].Action != "导入" || !strings.Contains(h[0].Detail, "从测试.xlsx导入9件：2026-0001 登记 至 ") {
		t.Errorf("history %+v", h)
	}
}

func TestImportNumbers(t *testing.T) {
	ctx := context.Background()
	k := importDesk(t)
	// one registration before the import: 2024-0001
	first := incoming("", "区教育局", "", "先登记的", app.D(2024, 1, 3))
	if err := k.RegisterIncoming(ctx, &first, false); err != nil || first.Serial != "2024-0001" {
		t.Fatal(first.Serial, err)
	}
	on := app.D(2024, 2, 1)
	res, err := k.ImportDocuments(ctx, rows(
		incoming("2024-0003", "区财政局", "", "三", on),
		incoming("", "区财政局", "", "无号甲", on), // takes 2, free
		incoming("4", "区财政局", "", "四", on),  // a bare number counts in its own year
		incoming("", "区财政局", "", "无号乙", on), // takes 5
		incoming("2024年第9号", "区财政局", "", "九", on),
		incoming("", "区财政局", "", "二〇二三", app.D(2023, 12, 1)),
	), app.ImportOptions{})
	if err != nil || res.Imported != 6 {
		t.Fatalf("%+v %v", res, err)
	}
	want := map[string]string{"三": "2024-0003", "无号甲": "2024-0002", "四": "2024-0004", "无号乙": "2024-0005", "九": "2024-0009", "二〇二三": "2023-0001"}
	list, _, _ := k.Store.Documents(ctx, app.DocumentFilter{})
	for _, d := range list {
		if w, ok := want[d.Title]; ok && d.Serial != w {
			t.Errorf("%s: %s, want %s", d.Title, d.Serial, w)
		}
	}
	next := incoming("", "区教育局", "", "后登记的", app.D(2024, 3, 1))
	if err := k.RegisterIncoming(ctx, &next, false); err != nil || next.Serial != "2024-0010" {
		t.Fatalf("after the import: %s %v", next.Serial, err)
	}
	// numbers in use, in the store or in the file
	res, err = k.ImportDocuments(ctx, rows(
		incoming("2024-0001", "区财政局", "", "重号", on),
		incoming("2024-0020", "区财政局", "", "甲", on),
		incoming("2024-0020", "区财政局", "", "乙", on),
	), app.ImportOptions{SkipBad: true})
	msgs := strings.Join(problems(res), "\n")
	if err != nil || res.Imported != 1 || !strings.Contains(msgs, "2024年 第2行：可能重复：收文编号2024-0001已被“先登记的”使用") ||
		!strings.Contains(msgs, "2024年 第4行：可能重复：收文编号2024-0020与第3行相同") {
		t.Fatalf("%+v %v\n%s", res, err, msgs)
	}
}

func problems(r app.ImportResult) []string {
	var out []string
	for _, p := range r.Problems {
		out = append(out, p.String())
	}
	return out
}

func TestImportAllOrNothing(t *testing.T) {
	ctx := context.Background()
	k := importDesk(t)
	on := app.D(2024, 2, 1)
	batch := rows(
		incoming("", "市政府办公室", "市府办发[2024]1号", "甲", on),
		incoming("", "市政府办公室", "市府办发〔2024〕1号", "甲（重复）", on),
		incoming("", "", "", "没有来文单位", on),
		incoming("", "区财政局", "", "乙", on),
	)
	count := func() int { _, n, _ := k.Store.Documents(ctx, app.DocumentFilter{}); return n }
	res, err := k.ImportDocuments(ctx, batch, app.ImportOptions{})
	if app.ErrorCode(err) != app.EINVALID || res.Imported != 0 || res.Bad != 2 || count() != 0 {
		t.Fatalf("%+v %v", res, err)
	}
	if want := "2024年 第3行：可能重复：来文单位和文号（市政府办公室，市府办发〔2024〕1号）与第2行相同\n2024年 第4行：请填写来文单位"; strings.Join(problems(res), "\n") != want {
		t.Fatalf("problems:\n%s", strings.Join(problems(res), "\n"))
	}
	res, err = k.ImportDocuments(ctx, batch, app.ImportOptions{SkipBad: true, DryRun: true})
	if err != nil || res.Imported != 2 || count() != 0 {
		t.Fatalf("dry run %+v %v", res, err)
	}
	var progress []int
	res, err = k.ImportDocuments(ctx, batch, app.ImportOptions{SkipBad: true, Progress: func(done, total int) { progress = append(progress, done, total) }})
	if err != nil || res.Imported != 2 || res.Skipped != 2 || count() != 2 || len(progress) != 2 || progress[0] != 2 {
		t.Fatalf("skip bad %+v %v %v", res, err, progress)
	}
	// the same sender and 文号 as a document in the store
	res, _ = k.ImportDocuments(ctx, batch[:1], app.ImportOptions{})
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Reason, "可能重复：已有收文2024-0001“甲”的来文单位和文号与此相同") {
		t.Fatalf("%v", problems(res))
	}
}

// TestImportCheckThenRun: the rows of a dry run are imported afresh, with
// the numbers free at the time.
func TestImportCheckThenRun(t *testing.T) {
	ctx := context.Background()
	k := importDesk(t)
	batch := rows(incoming("", "区财政局", "", "甲", app.D(2024, 2, 1)), incoming("", "区财政局", "", "乙", app.D(2024, 2, 2)))
	if res, err := k.ImportDocuments(ctx, batch, app.ImportOptions{DryRun: true}); err != nil || res.Imported != 2 {
		t.Fatalf("%+v %v", res, err)
	}
	meanwhile := incoming("", "区教育局", "", "其间登记的", app.D(2024, 2, 3))
	if err := k.RegisterIncoming(ctx, &meanwhile, false); err != nil || meanwhile.Serial != "2024-0001" {
		t.Fatal(meanwhile.Serial, err)
	}
	if res, err := k.ImportDocuments(ctx, batch, app.ImportOptions{}); err != nil || res.Imported != 2 || batch[0].Rec.Serial != "" {
		t.Fatalf("%+v %v %q", res, err, batch[0].Rec.Serial)
	}
	if d, err := k.Store.DocumentBySerial(ctx, "2024-0003"); err != nil || d.Title != "乙" {
		t.Fatalf("%+v %v", d, err)
	}
}

func TestImportArchivePieces(t *testing.T) {
	ctx := context.Background()
	k := importDesk(t)
	archived := func(piece int) app.Document {
		d := incoming("", "区财政局", "", "归档文件", app.D(2024, 2, 1))
		d.Archive = app.Archive{Fonds: "Z109", Year: 2024, Retention: app.Retain30, OrgCode: "BGS", Piece: piece}
		return d
	}
	if res, err := k.ImportDocuments(ctx, rows(archived(7), archived(2)), app.ImportOptions{}); err != nil || res.Imported != 2 {
		t.Fatalf("%+v %v", res, err)
	}
	// 件号 are not looked up: those the counter has given count as used
	res, _ := k.ImportDocuments(ctx, rows(archived(5)), app.ImportOptions{})
	if len(res.Problems) != 1 || res.Problems[0].Reason != "档号Z109-WS·2024-D30-BGS-0005已被使用（已编到第7号）" {
		t.Fatalf("%v", problems(res))
	}
}

func TestImportSealLogRow(t *testing.T) {
	ctx := context.Background()
	k := importDesk(t)
	if err := k.SaveSeal(ctx, &app.Seal{Name: "区政府印章", Kind: app.SealGovernment, Active: true}); err != nil {
		t.Fatal(err)
	}
	on := app.D(2024, 3, 5)
	res, err := k.ImportSealRequests(ctx, rows(
		app.SealRequest{LogNo: "12", UsedOn: on, SealName: "区政府印章", Unit: "区财政局", Reason: "报送预算", Copies: 2,
			Approvals: []app.Approval{{Approver: "王区长"}}, Handler: "张三", Witness: "李四"},
		app.SealRequest{SealName: "区政府印章", Unit: "区教育局", Reason: "合同", RequestedOn: on, Status: app.SealSubmitted},
		app.SealRequest{SealName: "区政府印章", Unit: "区教育局", Reason: "缺日期"},
	), app.ImportOptions{SkipBad: true})
	if err != nil || res.Imported != 2 || strings.Join(problems(res), "") != "2024年 第4行：请填写申请日期或用印日期" {
		t.Fatalf("%+v %v", res, err)
	}
	list, _, _ := k.Store.SealRequests(ctx, app.SealFilter{Sort: "number"})
	used := list[0]
	if used.Status != app.SealUsed || used.LogNo != "2024-0012" || used.UsedCount != 2 || used.RequestedOn != on ||
		used.Approvals[0].Role != app.RoleMayor || used.Approvals[0].Action != "审签" || used.Approvals[0].On != on {
		t.Fatalf("%+v", used)
	}
	if r := list[1]; r.Status != app.SealSubmitted || len(r.Chain) != 2 || r.NextStep().Role != app.RoleViceMayor {
		t.Fatalf("a submitted request waits for its first step: %+v", r)
	}
}

func TestImportItems(t *testing.T) {
	ctx := context.Background()
	k := importDesk(t)
	item := func(no string, done app.Date) app.Item {
		return app.Item{Number: no, Title: "事项" + no, LeadUnit: "区财政局", AssignedOn: app.D(2024, 2, 1), Deadline: app.D(2024, 6, 30), DoneOn: done, Result: "已完成"}
	}
	res, err := k.ImportItems(ctx, rows(item("督[2024]4号", app.D(2024, 5, 1)), item("", app.Date{}), item("督办第x号", app.Date{})), app.ImportOptions{SkipBad: true})
	if err != nil || res.Imported != 2 || !strings.Contains(strings.Join(problems(res), ""), "督办编号“督办第x号”无法识别") {
		t.Fatalf("%+v %v", res, err)
	}
	list, _, _ := k.Store.Items(ctx, app.ItemFilter{Sort: "number"})
	if list[0].Number != "督〔2024〕1号" || list[0].Status != app.ItemOpen || list[1].Number != "督〔2024〕4号" || list[1].Status != app.ItemDone {
		t.Fatalf("%+v / %+v", list[0], list[1])
	}
}

func TestParseSerial(t *testing.T) {
	for in, want := range map[string][3]int{
		"2024-0012": {2024, 12, 1}, "２０２４－１２": {2024, 12, 1}, "12": {0, 12, 1}, "0012": {0, 12, 1},
		"督〔2026〕3号": {2026, 3, 1}, "2024年第9号": {2024, 9, 1}, "": {0, 0, 0}, "3-12": {0, 0, 0}, "20240012": {0, 0, 0}, "2024-0": {2024, 0, 0},
	} {
		y, n, ok := app.ParseSerial(in)
		if y != want[0] || n != want[1] || ok != (want[2] == 1) {
			t.Errorf("ParseSerial(%q) = %d, %d, %v", in, y, n, ok)
		}
	}
}

func TestParseArchiveNo(t *testing.T) {
	for _, s := range []string{"Z109-WS·2011-Y-BGS-0001", "Z109-WS·2026-D30-0012", "Z109-WS.2026-D10-BGS-0003"} {
		a, err := app.ParseArchiveNo(s)
		if err != nil || a.Piece == 0 {
			t.Errorf("%s: %+v %v", s, a, err)
		}
	}
	if a, _ := app.ParseArchiveNo("Z109-WS·2011-Y-BGS-0001"); a.Number() != "Z109-WS·2011-Y-BGS-0001" {
		t.Errorf("round trip %s", a.Number())
	}
	for _, s := range []string{"", "Z109", "Z109-WS·11-Y-BGS-0001", "Z109-WS·2011-X-BGS-0001", "Z109-WS·2011-Y-BGS-0"} {
		if _, err := app.ParseArchiveNo(s); err == nil {
			t.Errorf("%q accepted", s)
		}
	}
}
