package exchange

import (
	"context"
	"slices"
	"testing"

	"gongwen/app"
)

// The 文种, 退文原因, 来文签发人, 公开属性, 规范性文件 and 合法性审查 are in the
// registers, and those that can be typed come back in by import.
func TestExportOutgoingSteps(t *testing.T) {
	ctx := context.Background()
	desk := newDesk(t)
	day := app.MustDate("2026-03-02")
	out := app.Document{Direction: app.Outgoing, Status: app.StatusDrafted, Title: "关于印发《示例区行政执法公示办法》的通知",
		IssuingCode: "示府办发", DraftUnit: "区司法局", Drafter: "刘文书", DraftedOn: day, Genre: app.GenreNotice,
		Disclosure: app.DiscloseNot, DisclosureReason: "涉密文件", Normative: true,
		LegalReview: app.LegalReview{On: day, Opinion: "符合法律法规规定", Passed: true},
		Cosigns:     []app.Cosign{{Party: "区财政局", SentOn: day, DueOn: app.MustDate("2026-03-11")}}}
	in := app.Document{Direction: app.Incoming, Status: app.StatusReturned, Serial: "2026-0001", Year: 2026, Title: "关于申请防汛资金的请示",
		FromUnit: "区水利局", ReceivedOn: day, Genre: app.GenreRequest, SenderSigner: "吴局长", ReturnCause: app.CauseSkipLevel, DoneOn: day}
	if err := desk.Store.Update(ctx, func(tx app.Tx) error { return tx.InsertDocuments([]*app.Document{&out, &in}) }); err != nil {
		t.Fatal(err)
	}
	first := exportBook(t, desk, Docs, XLSX)
	sheets := sheetsOf(t, first)
	cell := func(sheet, header string) string {
		rows := sheets[sheet]
		i := slices.Index(rows[0], header)
		if i < 0 || len(rows) < 2 || i >= len(rows[1]) {
			t.Fatalf("%s has no %s: %q", sheet, header, rows)
		}
		return rows[1][i]
	}
	for _, c := range []struct{ sheet, header, want string }{
		{"发文登记簿", "文种", "通知"},
		{"发文登记簿", "公开属性", "不予公开（涉密文件）"},
		{"发文登记簿", "规范性文件", "是"},
		{"发文登记簿", "合法性审查", "通过（2026-03-02）：符合法律法规规定"},
		{"发文登记簿", "会签记录", "区财政局：2026-03-02送，逾期未回复，视为无不同意见"},
		{"收文登记簿", "文种", "请示"},
		{"收文登记簿", "退文原因", "越级请示"},
		{"收文登记簿", "来文签发人", "吴局长"},
	} {
		if got := cell(c.sheet, c.header); got != c.want {
			t.Errorf("%s %s = %q, want %q", c.sheet, c.header, got, c.want)
		}
	}

	empty := newDesk(t)
	rep, err := readBytes(t, Docs, "docs.xlsx", first, ReadOptions{}).Run(ctx, empty, app.ImportOptions{})
	if err != nil || rep.Imported != 2 {
		t.Fatalf("import %+v: %v\n%v", rep, err, problemTexts(rep.Problems))
	}
	docs, _, err := empty.Store.Documents(ctx, app.DocumentFilter{Sort: "serial"})
	if err != nil || len(docs) != 2 {
		t.Fatalf("imported %d: %v", len(docs), err)
	}
	for _, d := range docs {
		switch d.Direction {
		case app.Outgoing:
			if d.Genre != app.GenreNotice || d.Disclosure != app.DiscloseNot || d.DisclosureReason != "涉密文件" || !d.Normative {
				t.Errorf("imported 发文: %q %q %q %v", d.Genre, d.Disclosure, d.DisclosureReason, d.Normative)
			}
		case app.Incoming:
			if d.Genre != app.GenreRequest || d.ReturnCause != app.CauseSkipLevel || d.SenderSigner != "吴局长" {
				t.Errorf("imported 收文: %q %q %q", d.Genre, d.ReturnCause, d.SenderSigner)
			}
		}
	}
}
