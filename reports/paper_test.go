package reports

import (
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gongwen/app"
)

// Each 保管期限 is a catalogue of its own: its own heading, 序号 from 1,
// items by date; the 责任者 of an outgoing document follows its 发文代字.
func TestArchiveCatalogBlocks(t *testing.T) {
	f := bundledFonts(t)
	docs := sampleArchive(90)
	path, _ := render(t, "archive-blocks", func(w io.Writer) error { return ArchiveCatalog(w, f, sampleSettings, 2026, docs) })
	checkAll(t, path, true)
	words := bboxWords(t, path)
	pages := pageTexts(t, path)
	dateRE := regexp.MustCompile(`^20\d{6}$`)
	block := ""
	var seqs []int
	var dates []string
	check := func() {
		for i, n := range seqs {
			if n != i+1 {
				t.Errorf("%s: 序号 %v, want 1…%d", block, seqs, len(seqs))
				break
			}
		}
		if !slices.IsSorted(dates) {
			t.Errorf("%s: dates out of order %v", block, dates)
		}
	}
	for p := 1; p <= len(pages); p++ {
		text := squeeze(pages[p-1])
		for _, ret := range app.Retentions {
			if strings.Contains(text, "保管期限："+ret.Label()) && ret.Label() != block {
				if block != "" {
					check()
				}
				block, seqs, dates = ret.Label(), nil, nil
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
			if dateRE.MatchString(w.text) {
				dates = append(dates, w.text)
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
	path, _ := render(t, "archive-tokens", func(w io.Writer) error { return ArchiveCatalog(w, f, sampleSettings, 2026, docs) })
	var tokens []string
	for _, d := range docs {
		tokens = append(tokens, d.Archive.Number(), d.DocNo, d.DocDate().Compact())
	}
	checkTokensWhole(t, path, tokens)

	used := sampleSealLog(40)
	path, _ = render(t, "seallog-tokens", func(w io.Writer) error {
		return SealLog(w, f, sampleSettings, app.D(2026, 1, 1), app.D(2026, 1, 31), used)
	})
	tokens = nil
	for _, r := range used {
		tokens = append(tokens, r.UsedOn.String(), r.LogNo, r.Number)
	}
	checkTokensWhole(t, path, tokens)
}
