package reports

import (
	"context"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"gongwen/app"
	"gongwen/data"
	"gongwen/sample"
	"gongwen/typeset"
)

// sampleOfficeDesk is the sample office of `gongwen demo`, loaded on
// 3 December 2026 into a store of the test's own.
func sampleOfficeDesk(t *testing.T) *app.Desk {
	t.Helper()
	ctx := context.Background()
	store, err := data.Open(filepath.Join(t.TempDir(), "office.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	desk, err := app.NewDesk(ctx, store, "测试")
	if err != nil {
		t.Fatal(err)
	}
	desk.Now = func() time.Time { return time.Date(2026, 12, 3, 10, 0, 0, 0, time.Local) }
	if _, err := sample.Load(ctx, desk); err != nil {
		t.Fatal(err)
	}
	return desk
}

// pageBottoms is, for each page, the bottom of the lowest word within the
// type area (the folio below it left out), in mm.
func pageBottoms(t *testing.T, path string) []float64 {
	t.Helper()
	var bottoms []float64
	for _, w := range bboxWords(t, path) {
		for len(bottoms) < w.page {
			bottoms = append(bottoms, typeset.GBTop)
		}
		if w.yMax < typeset.GBBottom+1 {
			bottoms[w.page-1] = math.Max(bottoms[w.page-1], w.yMax)
		}
	}
	return bottoms
}

// Issue 12: every month's 督查通报 of the sample office, as printed. No
// page is left less than two thirds full to bring the 版记 onto an even
// page (only the page before a page that carries the 版记 alone may end
// where the text ends); the 期号 names its year; the figures are the
// year's, and say so.
func TestMonthlySampleOffice(t *testing.T) {
	needTool(t, "pdftotext")
	desk := sampleOfficeDesk(t)
	f := bundledFonts(t)
	ctx := context.Background()
	prevDone := 0
	for m := app.D(2025, 10, 1); !m.After(app.D(2026, 12, 1)); m = app.D(m.Year, m.Month+1, 1) {
		r, err := desk.MonthlyReport(ctx, m.Year, m.Month)
		if err != nil {
			t.Fatal(err)
		}
		name := fmt.Sprintf("%d-%02d", m.Year, int(m.Month))
		path, _ := render(t, "monthly-"+name, func(w io.Writer) (Printed, error) { return MonthlyReport(w, f, desk.Settings(), r) })
		checkColophonPage(t, path)
		checkNoWidows(t, path)

		bottoms := pageBottoms(t, path)
		n := len(bottoms)
		pages := pageTexts(t, path)
		lastAlone := n >= 2 && strings.TrimSpace(pages[n-2]) != "" && colophonAlone(t, path, n)
		for i, b := range bottoms[:n-1] {
			if lastAlone && i == n-2 || strings.TrimSpace(pages[i]) == "" {
				continue // the text ends where it ends; a blank page before the 版记
			}
			if fill := (b - typeset.GBTop) / typeset.GBHeight; fill < minFill-0.01 {
				t.Errorf("%s: page %d of %d is only %.0f%% full", name, i+1, n, fill*100)
			}
		}

		// the tables' unit names, numbers and bracketed phrases are whole
		var tokens []string
		earlier := 0
		for _, row := range r.Rows {
			it := row.Item
			if row.Colour == app.ColourDone && !it.DoneOn.SameMonth(m) {
				earlier++ // counted, not listed again
				continue
			}
			tokens = append(tokens, it.Number, it.LeadUnit)
			tokens = append(tokens, batch.FindAllString(it.Title, -1)...)
			if row.Colour == app.ColourRed {
				tokens = append(tokens, it.CoUnits...)
			}
		}
		checkTokensWhole(t, path, tokens)

		text := squeeze(strings.Join(pages, ""))
		if issue := fmt.Sprintf("%d年第%d期", m.Year, int(m.Month)); !strings.Contains(text, issue) {
			t.Errorf("%s: no %s under the red mark", name, issue)
		}
		if r.Total > 0 {
			want := fmt.Sprintf("累计办结%d项（本月办结%d项）", r.Done, r.DoneThisMonth)
			if !strings.Contains(text, want) {
				t.Errorf("%s: the summary does not say %s", name, want)
			}
		}
		if said := fmt.Sprintf("本年度此前各月已办结的%d项不再列出", earlier); earlier > 0 && !strings.Contains(text, said) {
			t.Errorf("%s: the list does not say %s", name, said)
		}
		if m.Month == time.January {
			prevDone = 0
		}
		if r.Done < prevDone {
			t.Errorf("%s: 累计办结 fell from %d to %d", name, prevDone, r.Done)
		}
		prevDone = r.Done
	}
}

// batch is a bracketed phrase of a title: （第2批）.
var batch = regexp.MustCompile(`（第\d+批）`)

// colophonAlone reports whether page holds nothing but the 版记 and the
// folio.
func colophonAlone(t *testing.T, path string, page int) bool {
	t.Helper()
	top, first := 999.0, ""
	words := bboxWords(t, path) // pdftotext once, for both passes
	for _, w := range words {
		if w.page == page && !strings.Contains(w.text, "—") && w.yMin < top {
			top = w.yMin
		}
	}
	for _, w := range words {
		if w.page == page && w.yMin == top {
			first += w.text
		}
	}
	return strings.HasPrefix(first, "报：") || strings.HasPrefix(first, "分送：")
}
