package reports

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gongwen/app"
)

// Each 保管期限 is a catalogue of its own: its own heading, 序号 from 1,
// items in 件号 order (DA/T 22), even where a late-filed item's date is
// out of order; the 责任者 of an outgoing document follows its 发文代字.
func TestArchiveCatalogBlocks(t *testing.T) {
	f := bundledFonts(t)
	docs := sampleArchive(90)
	path, _ := render(t, "archive-blocks", func(w io.Writer) (Printed, error) { return ArchiveCatalog(w, f, sampleSettings, 2026, docs) })
	checkAll(t, path, true)
	words := bboxWords(t, path)
	pages := pageTexts(t, path)
	pieceRE := regexp.MustCompile(`^Z109-WS·2026-\w+-BGS-(\d{4})$`)
	block := ""
	var seqs, pieces []int
	check := func() {
		for i, n := range seqs {
			if n != i+1 {
				t.Errorf("%s: 序号 %v, want 1…%d", block, seqs, len(seqs))
				break
			}
		}
		if !slices.IsSorted(pieces) || len(pieces) != len(seqs) {
			t.Errorf("%s: 件号 out of order %v", block, pieces)
		}
	}
	for p := 1; p <= len(pages); p++ {
		text := squeeze(pages[p-1])
		for _, ret := range app.Retentions {
			if strings.Contains(text, "保管期限："+ret.Label()) && ret.Label() != block {
				if block != "" {
					check()
				}
				block, seqs, pieces = ret.Label(), nil, nil
				if !strings.Contains(text, "归档文件目录") {
					t.Errorf("page %d starts %s without the title", p, block)
				}
			}
		}
		if block == "" {
			t.Fatalf("page %d: no 保管期限 heading:\n%s", p, text)
		}
		for _, w := range words {
			if w.page != p {
				continue
			}
			if n, err := strconv.Atoi(w.text); err == nil && w.xMax < 15+11 && w.yMin > 30 {
				seqs = append(seqs, n)
			}
			if m := pieceRE.FindStringSubmatch(w.text); m != nil {
				n, _ := strconv.Atoi(m[1])
				pieces = append(pieces, n)
			}
		}
	}
	check()
	if block != app.Retain10.Label() {
		t.Errorf("last block %q", block)
	}
	// the 责任者 stands on the 文号's line: both fit their columns
	layout := run(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
	for no, body := range map[string]string{"示府发〔2026〕11号": "示例区人民政府", "示府函〔2026〕17号": "示例区人民政府",
		"示府办发〔2026〕5号": "示例区人民政府办公室", "市府办发〔2026〕3号": "区财政局"} {
		found := false
		for _, ln := range strings.Split(layout, "\n") {
			if f := strings.Fields(ln); slices.Contains(f, no) {
				found = true
				if i := slices.Index(f, no); i+1 >= len(f) || f[i+1] != body {
					t.Errorf("%s: 责任者 %q, want %s", no, ln, body)
				}
			}
		}
		if !found {
			t.Errorf("%s not on one line", no)
		}
	}
}

// checkTokensWhole verifies that each token (a date, a 档号, a 文号)
// comes back from pdftotext on one line: no table cell broke it.
func checkTokensWhole(t *testing.T, path string, tokens []string) {
	t.Helper()
	lines := strings.Split(run(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-"), "\n")
	split := 0
	for _, tok := range tokens {
		if !slices.ContainsFunc(lines, func(ln string) bool { return strings.Contains(ln, tok) }) {
			if split++; split <= 5 {
				t.Errorf("%s: %q is broken across lines", path, tok)
			}
		}
	}
	if split > 0 {
		t.Errorf("%d of %d tokens broken", split, len(tokens))
	}
}

// Dates, 档号 and 文号 never break in the registers' cells.
func TestTokensWholeInTables(t *testing.T) {
	f := bundledFonts(t)
	docs := sampleArchive(60)
	docs[7].DocNo = "省政办函〔2026〕1234号"
	path, _ := render(t, "archive-tokens", func(w io.Writer) (Printed, error) { return ArchiveCatalog(w, f, sampleSettings, 2026, docs) })
	var tokens []string
	for _, d := range docs {
		tokens = append(tokens, d.Archive.Number(), d.DocNo, d.DocDate().Compact())
	}
	checkTokensWhole(t, path, tokens)

	used := sampleSealLog(40)
	path, _ = render(t, "seallog-tokens", func(w io.Writer) (Printed, error) {
		return SealLog(w, f, sampleSettings, app.D(2026, 1, 1), app.D(2026, 1, 31), used)
	})
	tokens = nil
	for _, r := range used {
		tokens = append(tokens, r.UsedOn.String(), r.LogNo, r.Number)
	}
	checkTokensWhole(t, path, tokens)
}

// longRecords are records too long for one sheet.
func longRecords() (out *app.Document, seal *app.SealRequest, circ, slip *app.Document) {
	out = sampleOutgoing()
	out.IssuingCode, out.DocNo = "示府发", "示府发〔2026〕12号"
	out.MainTo = strings.Repeat("各街道办事处，区政府各部门、各直属机构，区属各国有企业，", 12)
	seal = sampleSealRequest()
	seal.Reason = strings.Repeat(seal.Reason, 14)
	seal.Remarks = strings.Repeat("原件存档。", 20)
	seal.Chain = append(seal.Chain, app.ApprovalStep{Role: app.RoleMayor, Action: "审签"})
	circ = sampleIncoming()
	for i := 0; i < 6; i++ {
		circ.Circulations = append(circ.Circulations, app.Circulation{Seq: 3 + i, Reader: "赵镕", SentOn: app.D(2026, 1, 7)})
	}
	slip = sampleIncoming()
	slip.Instructions = append(slip.Instructions, slip.Instructions...)
	slip.Instructions = append(slip.Instructions, slip.Instructions...)
	return
}

// A long record goes on to continuation pages that carry the form's title
// and the record's number; text never shrinks below 10.5 pt; the boxes
// leaders sign keep their room.
func TestContinuationPages(t *testing.T) {
	f := bundledFonts(t)
	out, seal, circ, slip := longRecords()
	forms := []struct {
		name, head string
		form       func(io.Writer) (Printed, error)
	}{
		{"outgoing", "示例区人民政府发文稿纸（续页）|发文字号：示府发〔2026〕12号", func(w io.Writer) (Printed, error) { return OutgoingForm(w, f, sampleSettings, out) }},
		{"seal", "示例区人民政府办公室用印申请单（续页）|申请编号：2026-0012", func(w io.Writer) (Printed, error) { return SealRequestForm(w, f, sampleSettings, seal) }},
		{"circulation", "示例区人民政府办公室公文传阅单（续页）|收文编号：2026-0007", func(w io.Writer) (Printed, error) {
			return CirculationSlip(w, f, sampleSettings, circ, nil)
		}},
		{"slip", "示例区人民政府办公室收文处理笺（续页）|收文编号：2026-0007", func(w io.Writer) (Printed, error) { return HandlingSlip(w, f, sampleSettings, slip) }},
	}
	for _, fm := range forms {
		path, _ := render(t, fm.name, fm.form)
		checkAll(t, path, false)
		pages := pageTexts(t, path)
		if len(pages) < 2 {
			t.Errorf("%s: %d page; the record should need two", fm.name, len(pages))
		}
		for i, p := range pages[1:] {
			for _, part := range strings.Split(fm.head, "|") {
				if !strings.Contains(squeeze(p), part) {
					t.Errorf("%s page %d has no running head %q:\n%s", fm.name, i+2, part, p)
				}
			}
		}
		// every word is at least as tall as the 10.5 pt page number
		words := bboxWords(t, path)
		folio := 0.0
		for _, w := range words {
			if w.text == "第" && w.yMin > 270 {
				folio = w.yMax - w.yMin
			}
		}
		for _, w := range words {
			if h := w.yMax - w.yMin; h < folio-0.05 {
				t.Errorf("%s page %d: %q is %.2f mm tall, smaller than 10.5 pt (%.2f mm)", fm.name, w.page, w.text, h, folio)
				break
			}
		}
		if fm.name == "outgoing" {
			// the 签发 label sits in the middle of its box, which starts
			// under the title
			var title, sign float64
			for _, w := range words {
				switch {
				case w.page == 1 && strings.Contains(w.text, "发文稿纸"):
					title = w.yMax
				case w.page == 1 && w.text == "签" && sign == 0:
					sign = (w.yMin + w.yMax) / 2
				}
			}
			if h := 2 * (sign - title); h < 58 {
				t.Errorf("the 签发 box is %.0f mm high, want 60", h)
			}
		}
	}
}

// What a secretary would look for is on the paper.
func TestFormFields(t *testing.T) {
	f := bundledFonts(t)
	tr := sampleIncoming()
	tr.Status, tr.TransferTo, tr.ReturnReason, tr.DoneOn = app.StatusTransferred, "区应急管理局", "属区应急管理局职责，转其办理。", app.D(2026, 1, 6)
	rt := sampleBlank()
	rt.Status, rt.ReturnReason, rt.DoneOn = app.StatusReturned, "来文不符合行文规则，请按程序报送。", app.D(2026, 2, 4)
	gov := sampleOutgoing()
	gov.IssuingCode, gov.DocNo = "示府发", "示府发〔2026〕12号"
	withheld := sampleOutgoing() // 不予公开, and a 规范性文件 reviewed by the 区司法局
	withheld.Disclosure, withheld.DisclosureReason, withheld.Normative = app.DiscloseNot, "涉密文件", true
	withheld.LegalReview = app.LegalReview{On: app.D(2026, 1, 9), Opinion: "经审查，符合法律法规规定。", Passed: true}
	withheld.Cosigns = []app.Cosign{
		{Party: "区数据局", SentOn: app.D(2026, 1, 8), DueOn: app.D(2026, 1, 19), RepliedOn: app.D(2026, 1, 9), Reply: "同意"},
		{Party: "钱副区长", SentOn: app.D(2026, 1, 8), DueOn: app.D(2026, 1, 19)},
	}
	public := sampleOutgoing()
	public.Disclosure = app.DiscloseActively
	for _, tt := range []struct {
		name string
		form func(io.Writer) (Printed, error)
		want []string
	}{
		{"transfer", func(w io.Writer) (Printed, error) { return HandlingSlip(w, f, sampleSettings, tr) }, []string{"转办单位", "转办日期", "2026年1月6日", "转办理由", "属区应急管理局职责，转其办理。"}},
		{"return", func(w io.Writer) (Printed, error) { return HandlingSlip(w, f, sampleSettings, rt) }, []string{"退文理由", "来文不符合行文规则，请按程序报送。", "退文日期：2026年2月4日"}},
		{"outgoing", func(w io.Writer) (Printed, error) { return OutgoingForm(w, f, sampleSettings, sampleOutgoing()) }, []string{"示例区人民政府办公室发文稿纸", "校对", "公开属性", "□主动公开", "□依申请公开", "□不予公开"}},
		{"government", func(w io.Writer) (Printed, error) { return OutgoingForm(w, f, sampleSettings, gov) }, []string{"示例区人民政府发文稿纸"}},
		{"withheld", func(w io.Writer) (Printed, error) { return OutgoingForm(w, f, sampleSettings, withheld) },
			[]string{"□主动公开", "□依申请公开", "■不予公开（涉密文件）", "法制审核", "区数据局：同意（2026年1月9日）",
				"钱副区长：2026年1月19日前回复，逾期视为无不同意见", "区司法局", "区司法局合法性审查通过（2026年1月9日）：经审查，符合法律法规规定。"}},
		{"public", func(w io.Writer) (Printed, error) { return OutgoingForm(w, f, sampleSettings, public) }, []string{"■主动公开", "□依申请公开", "□不予公开"}},
		{"seal", func(w io.Writer) (Printed, error) { return SealRequestForm(w, f, sampleSettings, sampleSealRequest()) }, []string{"负责人"}},
		{"seallog", func(w io.Writer) (Printed, error) {
			return SealLog(w, f, sampleSettings, app.D(2026, 1, 1), app.D(2026, 1, 31), sampleSealLog(3))
		}, []string{"申请编号", "文件名称", "2026-0001", "YY2026-001"}},
	} {
		path, _ := render(t, tt.name, tt.form)
		text := squeeze(strings.Join(pageTexts(t, path), ""))
		for _, want := range tt.want {
			if !strings.Contains(text, want) {
				t.Errorf("%s: no %q in\n%s", tt.name, want, text)
			}
		}
	}
	if path, _ := render(t, "government", func(w io.Writer) (Printed, error) { return OutgoingForm(w, f, sampleSettings, gov) }); strings.Contains(squeeze(pageTexts(t, path)[0]), "人民政府办公室发文稿纸") {
		t.Error("a 示府发 draft on the office's 稿纸")
	}
}

// A 文号 in running text keeps its 机关代字 with 〔year〕: wherever the
// line ends, 示府发〔2026〕5号 comes back on one line.
func TestDocNoWholeInText(t *testing.T) {
	f := bundledFonts(t)
	r := sampleSealRequest()
	var tokens []string
	for n := 0; n < 14; n++ {
		no := fmt.Sprintf("示府发〔2026〕%d号", n+1)
		r.Reason += strings.Repeat("报", 14+n) + "根据文号" + no + "的要求办理。\n"
		tokens = append(tokens, no)
	}
	path, _ := render(t, "seal-docno", func(w io.Writer) (Printed, error) { return SealRequestForm(w, f, sampleSettings, r) })
	checkTokensWhole(t, path, tokens)
}
