package exchange

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"gongwen/app"
	"gongwen/data"
	"gongwen/sample"
)

// now is the day the tests run on: the sample office is built up to it.
var now = time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local)

// newDesk opens an empty database in a temporary folder.
func newDesk(t testing.TB) *app.Desk {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "office.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	desk, err := app.NewDesk(context.Background(), s, "测试员")
	if err != nil {
		t.Fatal(err)
	}
	desk.Now = func() time.Time { return now }
	return desk
}

var (
	sampleOnce sync.Once
	sampleDesk *app.Desk
	sampleErr  error
	sampleDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if sampleDesk != nil {
		sampleDesk.Store.(*data.Store).Close()
	}
	if sampleDir != "" {
		os.RemoveAll(sampleDir)
	}
	os.Exit(code)
}

// sampleOffice is the sample office, loaded once for the tests that only
// read it.
func sampleOffice(t *testing.T) *app.Desk {
	t.Helper()
	sampleOnce.Do(func() {
		var err error
		if sampleDir, err = os.MkdirTemp("", "gongwen-exchange"); err != nil {
			sampleErr = err
			return
		}
		s, err := data.Open(filepath.Join(sampleDir, "sample.db"))
		if err != nil {
			sampleErr = err
			return
		}
		sampleDesk, sampleErr = app.NewDesk(context.Background(), s, "测试员")
		if sampleErr != nil {
			return
		}
		sampleDesk.Now = func() time.Time { return now }
		_, sampleErr = sample.Load(context.Background(), sampleDesk)
	})
	if sampleErr != nil {
		t.Fatal(sampleErr)
	}
	return sampleDesk
}

// workbook builds an .xlsx in memory: fill writes the cells.
func workbook(t testing.TB, fill func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	fill(f)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// setRows writes rows from cell A<first>; a nil row is left blank.
func setRows(t testing.TB, f *excelize.File, sheet string, first int, rows ...[]any) {
	t.Helper()
	if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		if _, err := f.NewSheet(sheet); err != nil {
			t.Fatal(err)
		}
	}
	for i, r := range rows {
		if r == nil {
			continue
		}
		if err := f.SetSheetRow(sheet, cellName(1, first+i), &r); err != nil {
			t.Fatal(err)
		}
	}
}

// sheetsOf reads back every sheet of a workbook as raw cell texts.
func sheetsOf(t testing.TB, b []byte) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][][]string{}
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		out[s] = rows
	}
	return out
}

func readBytes(t testing.TB, book Book, name string, b []byte, opt ReadOptions) *Plan {
	t.Helper()
	p, err := ReadFrom(book, name, bytes.NewReader(b), opt)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return p
}

func problemTexts(ps []app.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}
