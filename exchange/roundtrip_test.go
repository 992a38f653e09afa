package exchange

import (
	"bytes"
	"context"
	"reflect"
	"testing"

	"gongwen/app"
)

// exportBook writes one book of desk as .xlsx or .csv.
func exportBook(t *testing.T, desk *app.Desk, book Book, format Format) []byte {
	t.Helper()
	var buf bytes.Buffer
	ctx, opt := context.Background(), ExportOptions{Format: format}
	var err error
	switch book {
	case Docs:
		_, err = ExportDocuments(ctx, desk, app.DocumentFilter{}, &buf, opt)
	case Seals:
		_, err = ExportSeals(ctx, desk, app.SealFilter{}, &buf, opt)
	case Supervision:
		_, err = ExportItems(ctx, desk, app.ItemFilter{}, &buf, opt)
	case Meetings:
		_, err = ExportMeetings(ctx, desk, app.MeetingFilter{}, &buf, opt)
	}
	if err != nil {
		t.Fatalf("export %s: %v", book, err)
	}
	return buf.Bytes()
}

// TestRoundTrip exports every book of the sample office, imports the
// workbooks into an empty database and exports again: the cells must be
// the same.
func TestRoundTrip(t *testing.T) {
	office := sampleOffice(t)
	empty := newDesk(t)
	for _, book := range []Book{Docs, Seals, Supervision} {
		first := exportBook(t, office, book, XLSX)
		p := readBytes(t, book, string(book)+".xlsx", first, ReadOptions{})
		rep, err := p.Run(context.Background(), empty, app.ImportOptions{})
		if err != nil || rep.Imported != rep.Rows || rep.Rows == 0 {
			t.Fatalf("%s: import %+v: %v\n%v", book, rep, err, problemTexts(rep.Problems))
		}
		second := exportBook(t, empty, book, XLSX)
		a, b := sheetsOf(t, first), sheetsOf(t, second)
		if !reflect.DeepEqual(a, b) {
			for name, rows := range a {
				for i := range rows {
					if i >= len(b[name]) || !reflect.DeepEqual(rows[i], b[name][i]) {
						t.Fatalf("%s, sheet %s, row %d differs:\n%q\n%q", book, name, i+1, rows[i], b[name][i])
					}
				}
			}
			t.Fatalf("%s: sheets differ", book)
		}
		t.Logf("%s: %d rows round-tripped", book, rep.Rows)
	}
}

// TestRoundTripCSV does the same for the documents as one CSV table.
func TestRoundTripCSV(t *testing.T) {
	office := sampleOffice(t)
	empty := newDesk(t)
	first := exportBook(t, office, Docs, CSV)
	if !bytes.HasPrefix(first, []byte("\uFEFF收发,")) {
		t.Fatalf("CSV should start with a BOM and the header: %q", first[:20])
	}
	rep, err := readBytes(t, Docs, "docs.csv", first, ReadOptions{}).Run(context.Background(), empty, app.ImportOptions{})
	if err != nil || rep.Imported != rep.Rows {
		t.Fatalf("import %+v: %v\n%v", rep, err, problemTexts(rep.Problems))
	}
	if second := exportBook(t, empty, Docs, CSV); !bytes.Equal(first, second) {
		t.Fatal("the CSV export differs after a round trip")
	}
}
