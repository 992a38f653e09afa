package exchange

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"gongwen/app"
)

// Hostile and broken files are refused within bounded memory: each test
// measures what reading the file allocated (runtime.MemStats.TotalAlloc,
// an upper bound of the heap it could have grown by) and logs the time
// (not asserted: machines differ).

// smallRegister is a genuine one-row 收文登记簿.
func smallRegister(t testing.TB) []byte {
	return workbook(t, func(f *excelize.File) {
		setRows(t, f, "Sheet1", 1, []any{"收文编号", "收文日期", "来文单位", "文号", "文件标题"},
			[]any{"2026-0001", "2026-03-05", "市政府办公室", "市府办发〔2026〕1号", "关于做好安全生产工作的通知"})
	})
}

// rewriteZip copies a zip archive entry by entry, still compressed;
// change may alter an entry's header (its declared size, say) or return
// new content for it (compressed again).
func rewriteZip(t testing.TB, src []byte, change func(h *zip.FileHeader) io.Reader) []byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	w.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) { return flate.NewWriter(out, flate.BestCompression) })
	for _, f := range z.File {
		h := f.FileHeader
		if content := change(&h); content != nil {
			h.CompressedSize64, h.UncompressedSize64, h.CRC32 = 0, 0, 0
			dst, err := w.CreateHeader(&h)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := io.Copy(dst, content); err != nil {
				t.Fatal(err)
			}
			continue
		}
		raw, err := f.OpenRaw()
		if err != nil {
			t.Fatal(err)
		}
		dst, err := w.CreateRaw(&h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(dst, raw); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// claim16GB is a small register whose zip directory says its sheet
// unpacks to 16 GB (the campaign's repro: excelize allocated that much).
func claim16GB(t testing.TB) []byte {
	return rewriteZip(t, smallRegister(t), func(h *zip.FileHeader) io.Reader {
		if h.Name == "xl/worksheets/sheet1.xml" {
			h.UncompressedSize64 = 16_000_000_000
		}
		return nil
	})
}

// readMeasured reads a file as the import does and returns the error,
// what the reading allocated in all and how long it took; it logs these
// and the peak of the heap in use, sampled every 10 ms.
func readMeasured(t *testing.T, name string, b []byte) (error, uint64, time.Duration) {
	t.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	peak, done := before.HeapInuse, make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var m runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-time.After(10 * time.Millisecond):
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapInuse)
			}
		}
	}()
	start := time.Now()
	_, err := ReadFrom(Docs, name, bytes.NewReader(b), ReadOptions{})
	took := time.Since(start)
	close(done)
	<-sampled
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%s (%s): %s; allocated %s, heap peak +%s, %v", name, sizeText(uint64(len(b))), app.ErrorMessage(err),
		sizeText(alloc), sizeText(max(peak, after.HeapInuse)-before.HeapInuse), took.Round(time.Millisecond))
	return err, alloc, took
}

// refused asserts a file is refused with a message containing want, having
// allocated at most maxAlloc bytes.
func refused(t *testing.T, name string, b []byte, want string, maxAlloc uint64) {
	t.Helper()
	err, alloc, _ := readMeasured(t, name, b)
	if app.ErrorCode(err) != app.EINVALID || !strings.Contains(app.ErrorMessage(err), want) {
		t.Errorf("%s: %v, want a refusal saying %q", name, err, want)
	}
	if alloc > maxAlloc {
		t.Errorf("%s: reading it allocated %s, more than %s", name, sizeText(alloc), sizeText(maxAlloc))
	}
}

// TestClaim16GB: the committed repro (a few KB, its directory claiming a
// 16 GB sheet) is refused before anything is unpacked. Regenerate it with
// GONGWEN_WRITE_TESTDATA=1.
func TestClaim16GB(t *testing.T) {
	const path = "testdata/claim-16gb.xlsx"
	if os.Getenv("GONGWEN_WRITE_TESTDATA") != "" {
		if err := os.WriteFile(path, claim16GB(t), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil || len(b) > 16<<10 {
		t.Fatalf("the repro should be a small zip: %d bytes, %v", len(b), err)
	}
	claimed := false
	for _, f := range z.File {
		claimed = claimed || f.UncompressedSize64 == 16_000_000_000
	}
	if !claimed {
		t.Fatal("the repro does not claim a 16 GB part")
	}
	refused(t, "claim-16gb.xlsx", b, "16 GB，超过了可导入的上限（200 MB）", 4<<20)
}

// TestZipBomb: a sheet that honestly unpacks to 300 MB (a thousand times
// its packed size) is refused by its directory; one whose directory lies
// (1 KB declared, 300 MB inside) is refused after 1 KB.
func TestZipBomb(t *testing.T) {
	spaces := func(n int) io.Reader {
		head := `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
		return io.MultiReader(strings.NewReader(head), io.LimitReader(repeatReader(' '), int64(n)), strings.NewReader(`</sheetData></worksheet>`))
	}
	bomb := rewriteZip(t, smallRegister(t), func(h *zip.FileHeader) io.Reader {
		if h.Name == "xl/worksheets/sheet1.xml" {
			return spaces(300_000_000)
		}
		return nil
	})
	refused(t, "bomb.xlsx", bomb, "超过了可导入的上限（200 MB）", 4<<20)

	// the lie: the bomb's sheet, its header saying 1 KB
	liar := rewriteZip(t, bomb, func(h *zip.FileHeader) io.Reader {
		if h.Name == "xl/worksheets/sheet1.xml" {
			h.UncompressedSize64 = 1 << 10
		}
		return nil
	})
	refused(t, "liar.xlsx", liar, "不是有效的 .xlsx 文件", 4<<20)

	// within the size limit, a 190 MB run of spaces or a 190 MB cell,
	// which the XML decoder would hold whole
	head := `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
	for name, sheet := range map[string]func() io.Reader{
		"spaces.xlsx": func() io.Reader { return spaces(190_000_000) },
		"cell.xlsx": func() io.Reader {
			return io.MultiReader(strings.NewReader(head+`<row r="1"><c r="A1" t="inlineStr"><is><t>`),
				io.LimitReader(repeatReader('x'), 190_000_000), strings.NewReader(`</t></is></c></row></sheetData></worksheet>`))
		},
	} {
		b := rewriteZip(t, smallRegister(t), func(h *zip.FileHeader) io.Reader {
			if h.Name == "xl/worksheets/sheet1.xml" {
				return sheet()
			}
			return nil
		})
		refused(t, name, b, "有一段超过1 MB的文字或标记", 4<<20)
	}
}

type repeatReader byte

func (r repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

// TestGridLimits: rows, columns, cell length and merged ranges beyond the
// limits are refused with a message naming the limit.
func TestGridLimits(t *testing.T) {
	header := []any{"收文编号", "收文日期", "来文单位", "文号", "文件标题"}
	sheetXML := func(rows string) io.Reader {
		return strings.NewReader(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + rows + `</sheetData>%s</worksheet>`)
	}
	_ = header
	withSheet := func(rows, after string) []byte {
		return rewriteZip(t, smallRegister(t), func(h *zip.FileHeader) io.Reader {
			if h.Name == "xl/worksheets/sheet1.xml" {
				b, _ := io.ReadAll(sheetXML(rows))
				return strings.NewReader(fmt.Sprintf(string(b), after))
			}
			return nil
		})
	}
	cell := func(ref, v string) string {
		return `<c r="` + ref + `" t="inlineStr"><is><t>` + v + `</t></is></c>`
	}
	first := `<row r="1">` + cell("A1", "收文编号") + cell("B1", "收文日期") + cell("C1", "来文单位") + cell("D1", "文件标题") + `</row>`
	var many strings.Builder
	many.WriteString(first)
	for r := 2; r <= maxRows+2; r++ {
		fmt.Fprintf(&many, `<row r="%d"><c r="A%d"><v>%d</v></c></row>`, r, r, r)
	}
	refused(t, "rows.xlsx", withSheet(many.String(), ""), fmt.Sprintf("超过%d行", maxRows), 512<<20)
	refused(t, "blank.xlsx", withSheet(first+strings.Repeat("<row/>", maxRows+1), ""), fmt.Sprintf("超过%d行", maxRows), 128<<20)
	refused(t, "far.xlsx", withSheet(first+`<row r="1048576">`+cell("A1048576", "x")+`</row>`, ""), fmt.Sprintf("超过%d行", maxRows), 16<<20)
	refused(t, "wide.xlsx", withSheet(first+`<row r="2">`+cell("XFD2", "x")+`</row>`, ""), "有16384列，超过了可导入的上限（256列）", 16<<20)
	refused(t, "cell.xlsx", withSheet(first+`<row r="2">`+cell("D2", strings.Repeat("长", maxCellRunes+1))+`</row>`, ""), "第2行D列的单元格超过32767个字", 16<<20)
	// 150,000 rows, each merged across 256 columns: 38 million cells
	var merged strings.Builder
	merged.WriteString(first)
	for r := 2; r <= 150_000; r++ {
		fmt.Fprintf(&merged, `<row r="%d"><c r="A%d"><v>%d</v></c></row>`, r, r, r)
	}
	refused(t, "merged.xlsx", withSheet(merged.String(), `<mergeCells count="1"><mergeCell ref="A2:XFD150000"/></mergeCells>`), "单元格超过500万个", 512<<20)
	// and CSV
	var csvRows strings.Builder
	csvRows.WriteString("收文编号,收文日期,来文单位,文件标题\n")
	csvRows.WriteString("1,2026-03-05,区财政局," + strings.Repeat("长", maxCellRunes+1) + "\n")
	refused(t, "cell.csv", []byte(csvRows.String()), "第2行D列的单元格超过32767个字", 16<<20)
	refused(t, "wide.csv", []byte("收文编号,收文日期,来文单位,文件标题\n"+strings.Repeat(",", 300)+"x\n"), "第2行有301列", 16<<20)
	big := bytes.Repeat([]byte("1,2026-03-05,区财政局,关于安全生产的通知\n"), maxFileBytes/40)
	refused(t, "big.csv", big, "超过100 MB（可导入文件的上限）", 1<<20)
}

// TestGenuineStillReads: the limits leave a genuine register alone, merged
// cells included.
func TestGenuineStillReads(t *testing.T) {
	err, alloc, _ := readMeasured(t, "收文.xlsx", smallRegister(t))
	if err != nil || alloc > 16<<20 {
		t.Fatalf("%v, %s", err, sizeText(alloc))
	}
}

// FuzzReadXLSX reads whole files, seeded with real registers and broken
// and hostile variants of them: reading must end, within the limits, in a
// plan or a Chinese refusal, never a panic or a stall. Most changes to a
// zip break its checksums, so an input that is not a zip is also read as
// the XML of a register's sheet, packed into a sound workbook. `make
// fuzz-short` runs it for 20 s.
func FuzzReadXLSX(f *testing.F) {
	template := smallRegister(f)
	seeds := [][]byte{template, messyRegister(f), claim16GB(f)}
	for _, name := range []string{"testdata/claim-16gb.xlsx", "testdata/formula-led.csv"} {
		if b, err := os.ReadFile(name); err == nil {
			seeds = append(seeds, b)
		}
	}
	for _, b := range seeds[:2] {
		seeds = append(seeds, b[:len(b)/2], b[:len(b)-10]) // cut short
		flipped := bytes.Clone(b)
		if i := bytes.LastIndex(flipped, []byte("PK\x01\x02")); i >= 0 && i+28 < len(flipped) {
			flipped[i+24] ^= 0x40 // the directory's uncompressed size of the last part
		}
		seeds = append(seeds, flipped)
		seeds = append(seeds, sheetXMLOf(f, b))
	}
	for _, b := range seeds {
		f.Add(b)
	}
	read := func(t *testing.T, b []byte) {
		p, err := ReadFrom(Docs, "登记簿.xlsx", bytes.NewReader(b), ReadOptions{})
		if err != nil {
			if code := app.ErrorCode(err); code != app.EINVALID && code != app.ENOTFOUND {
				t.Fatalf("error of kind %s: %v", code, err)
			}
			return
		}
		if p.Rows > maxRows || len(p.Sheets) == 0 {
			t.Fatalf("%d rows in %d sheets", p.Rows, len(p.Sheets))
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		read(t, b)
		if !bytes.HasPrefix(b, []byte("PK")) {
			read(t, rewriteZip(t, template, func(h *zip.FileHeader) io.Reader {
				if h.Name == "xl/worksheets/sheet1.xml" {
					return bytes.NewReader(b)
				}
				return nil
			}))
		}
	})
}

// sheetXMLOf is the first sheet's XML of a workbook.
func sheetXMLOf(t testing.TB, b []byte) []byte {
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.Name == "xl/worksheets/sheet1.xml" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			x, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return x
		}
	}
	t.Fatal("no sheet1.xml")
	return nil
}
