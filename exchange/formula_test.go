package exchange

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"strings"
	"testing"

	"gongwen/app"
)

// TestCSVFormulasNeutralised imports the campaign's formula-led register,
// exports it as CSV: no cell may start a formula, and the export imported
// again gives back every text as it was.
func TestCSVFormulasNeutralised(t *testing.T) {
	file, err := os.ReadFile("testdata/formula-led.csv")
	if err != nil {
		t.Fatal(err)
	}
	desk := newDesk(t)
	if rep, err := readBytes(t, Docs, "formula-led.csv", file, ReadOptions{}).Run(context.Background(), desk, app.ImportOptions{}); err != nil || rep.Imported != 6 {
		t.Fatalf("%+v %v %v", rep, err, problemTexts(rep.Problems))
	}
	titles := func(desk *app.Desk) []string {
		docs, _, err := desk.Store.Documents(context.Background(), app.DocumentFilter{Sort: "serial"})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, d := range docs {
			out = append(out, d.FromUnit+"|"+d.Title+"|"+d.Remarks)
		}
		return out
	}
	want := titles(desk)
	for _, w := range []string{`=cmd|' /C calc'!A0`, "'引号开头的标题|'普通的引号", "=1+2"} {
		if !strings.Contains(strings.Join(want, "\n"), w) {
			t.Fatalf("imported %q, want %q among them", want, w)
		}
	}
	first := exportBook(t, desk, Docs, CSV)
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(first, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	quoted := 0
	for _, rec := range recs {
		for _, cell := range rec {
			if cell != "" && strings.ContainsRune(formulaStarts, rune(cell[0])) {
				t.Errorf("the CSV export starts a cell with a formula: %q", cell)
			}
			if strings.HasPrefix(cell, "'=") || strings.HasPrefix(cell, "'@") || strings.HasPrefix(cell, "'+") || strings.HasPrefix(cell, "'-") {
				quoted++
			}
		}
	}
	if quoted < 8 {
		t.Errorf("only %d cells neutralised:\n%s", quoted, first)
	}
	again := newDesk(t)
	if rep, err := readBytes(t, Docs, "docs.csv", first, ReadOptions{}).Run(context.Background(), again, app.ImportOptions{}); err != nil || rep.Imported != 6 {
		t.Fatalf("%+v %v %v", rep, err, problemTexts(rep.Problems))
	}
	if got := titles(again); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("after the round trip:\n%q\nwant\n%q", got, want)
	}
	if second := exportBook(t, again, Docs, CSV); !bytes.Equal(first, second) {
		t.Fatal("the CSV export differs after a round trip")
	}
}

// TestCSVQuoteRule: writing then reading gives back any text, quotes and
// all; only a quote before a formula character is added and taken away.
func TestCSVQuoteRule(t *testing.T) {
	for _, s := range []string{"", "'", "''", "=1", "'=1", "''=1", "'abc", "abc", "-", "'-", "@a", "\t=1", "'\r", "a=1", "＝1"} {
		if got := csvUnsafe(csvSafe(s)); got != s {
			t.Errorf("%q is written as %q and read as %q", s, csvSafe(s), got)
		}
		if w := csvSafe(s); w != "" && strings.ContainsRune(formulaStarts, rune(w[0])) {
			t.Errorf("%q is written as %q", s, w)
		}
	}
	if csvSafe("'abc") != "'abc" || csvUnsafe("'abc") != "'abc" {
		t.Error("a typed quote before plain text must stay as it is")
	}
}
