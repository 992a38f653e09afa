package exchange

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"gongwen/app"
)

// sheet is one worksheet (or a CSV file) as a grid of cell texts. Merged
// cells carry their value in every cell they cover.
type sheet struct {
	name     string
	rows     [][]string
	lines    []int // CSV: the line each row starts on; nil: row i is line i+1
	date1904 bool
}

func (s *sheet) rowNo(i int) int {
	if s.lines != nil {
		return s.lines[i]
	}
	return i + 1
}

func cellAt(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

// readSheets reads a workbook (.xlsx) or a CSV file, told apart by their
// first bytes, within the limits of limits.go.
func readSheets(name string, r io.Reader) ([]sheet, error) {
	data, err := readLimited(name, r)
	if err != nil {
		return nil, err
	}
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return readXLSX(name, data)
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, app.Errorf(app.EINVALID, "“%s”是旧版 Excel（.xls）或 WPS（.et）格式，请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后再导入", name)
	case len(data) == 0:
		return nil, app.Errorf(app.EINVALID, "“%s”是空文件", name)
	}
	if ext := strings.ToLower(filepath.Ext(name)); ext == ".xlsx" || ext == ".xlsm" {
		return nil, app.Errorf(app.EINVALID, "“%s”不是有效的 Excel 文件（可能已损坏），请用 Excel 或 WPS 打开后重新保存", name)
	}
	s, err := readCSV(name, data)
	if err != nil {
		return nil, err
	}
	return []sheet{s}, nil
}

func readXLSX(name string, data []byte) ([]sheet, error) {
	unpacked, err := checkZip(name, data)
	if err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnpackedBytes, UnzipXMLSizeLimit: unzipInMemory})
	if err != nil {
		return nil, app.Errorf(app.EINVALID, "“%s”无法打开（文件损坏或设有密码）：%s", name, app.Cause(err))
	}
	defer f.Close()
	date1904 := false
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		date1904 = *props.Date1904
	}
	merges := mergedRanges(data)
	limits := &gridLimits{file: name}
	var out []sheet
	for _, sn := range f.GetSheetList() {
		rows, err := sheetRows(f, sn, limits)
		if err != nil {
			return nil, err
		}
		ranges, ok := merges[sn]
		// Not found the cheap way: ask excelize, which reads the whole
		// sheet into memory again (several times its size), so only of
		// a workbook small enough to be unpacked in memory.
		if !ok && unpacked <= unzipInMemory {
			merged, err := f.GetMergeCells(sn, true)
			if err != nil {
				return nil, app.Errorf(app.EINVALID, "“%s”的工作表“%s”无法读取：%s", name, sn, app.Cause(err))
			}
			for _, m := range merged {
				ranges = append(ranges, [2]string{m.GetStartAxis(), m.GetEndAxis()})
			}
		}
		for _, m := range ranges {
			if err := fillMerged(rows, m[0], m[1], limits); err != nil {
				return nil, err
			}
		}
		out = append(out, sheet{name: sn, rows: rows, date1904: date1904})
	}
	return out, nil
}

// sheetRows reads the cell texts of a sheet row by row (as excelize's
// GetRows does), refusing it as soon as it goes beyond a limit.
func sheetRows(f *excelize.File, sn string, limits *gridLimits) ([][]string, error) {
	it, err := f.Rows(sn)
	if err != nil {
		return nil, app.Errorf(app.EINVALID, "“%s”的工作表“%s”无法读取：%s", limits.file, sn, app.Cause(err))
	}
	defer it.Close()
	var rows [][]string
	for n := 1; it.Next(); n++ {
		row, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, app.Errorf(app.EINVALID, "“%s”的工作表“%s”第%d行无法读取：%s", limits.file, sn, n, app.Cause(err))
		}
		if len(row) == 0 {
			if n-len(rows) > maxRows { // blank rows by the million
				return nil, limits.tooManyRows()
			}
			continue
		}
		if err := limits.addRows(n - len(rows)); err != nil {
			return nil, err
		}
		if err := limits.addRow(row, func() string { return fmt.Sprintf("的工作表“%s”第%d行", sn, n) }); err != nil {
			return nil, err
		}
		for len(rows) < n-1 {
			rows = append(rows, nil)
		}
		rows = append(rows, row)
	}
	if err := it.Error(); err != nil {
		return nil, app.Errorf(app.EINVALID, "“%s”的工作表“%s”无法读取：%s", limits.file, sn, app.Cause(err))
	}
	return rows, nil
}

// mergedRanges finds the merged ranges of each sheet by name in the
// workbook's XML, without reading every cell again; a sheet it cannot
// place is left out.
func mergedRanges(data []byte) map[string][][2]string {
	out := map[string][][2]string{}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return out
	}
	read := func(name string) []byte {
		f, err := z.Open(name)
		if err != nil {
			return nil
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		return b
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.Unmarshal(read("xl/workbook.xml"), &wb) != nil || xml.Unmarshal(read("xl/_rels/workbook.xml.rels"), &rels) != nil {
		return out
	}
	for _, s := range wb.Sheets {
		for _, r := range rels.Rels {
			if r.ID != s.ID {
				continue
			}
			target := strings.TrimPrefix(r.Target, "/")
			if !strings.HasPrefix(target, "xl/") {
				target = "xl/" + target
			}
			ranges, ok := scanMerges(z, target)
			if !ok {
				break
			}
			out[s.Name] = ranges
		}
	}
	return out
}

// scanMerges finds the merged ranges of the sheet part name a chunk at a
// time, so that a large sheet is never held in memory whole.
func scanMerges(z *zip.Reader, name string) ([][2]string, bool) {
	f, err := z.Open(name)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	const chunk, overlap = 1 << 20, 64 // a <mergeCell ref="…"> is shorter than the overlap
	ranges := [][2]string{}
	buf := make([]byte, 0, chunk+overlap)
	for {
		n, err := io.ReadFull(f, buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		last := err != nil
		// a match may only start before the kept tail, unless this is the end
		limit := len(buf) - overlap
		if last {
			limit = len(buf)
		}
		for _, m := range mergeRef.FindAllSubmatchIndex(buf, -1) {
			if m[0] < limit {
				ranges = append(ranges, [2]string{string(buf[m[2]:m[3]]), string(buf[m[4]:m[5]])})
			}
		}
		if last {
			return ranges, true
		}
		buf = append(buf[:0], buf[limit:]...)
	}
}

var mergeRef = regexp.MustCompile(`<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+):([A-Z]+[0-9]+)"`)

// fillMerged copies the top-left value of a merged range into every cell
// of it, so that a date or a sender merged over several rows belongs to
// each of them. A range is cut at the last row read and at maxColumns, and
// the cells it adds count against the limits.
func fillMerged(rows [][]string, from, to string, limits *gridLimits) error {
	c0, r0, err1 := excelize.CellNameToCoordinates(from)
	c1, r1, err2 := excelize.CellNameToCoordinates(to)
	if err1 != nil || err2 != nil || r0 > len(rows) || c0 > c1 {
		return nil
	}
	v := cellAt(rows[r0-1], c0-1)
	if v == "" {
		return nil
	}
	c1 = min(c1, maxColumns)
	for r := r0; r <= r1 && r <= len(rows); r++ {
		if grow := c1 - len(rows[r-1]); grow > 0 {
			if err := limits.addCells(grow); err != nil {
				return err
			}
			rows[r-1] = append(rows[r-1], make([]string, grow)...)
		}
		for c := c0; c <= c1; c++ {
			rows[r-1][c-1] = v
		}
	}
	return nil
}

// decodeText turns the bytes of a Chinese text file into UTF-8: UTF-8 (with
// or without BOM), UTF-16 with BOM (Excel's “Unicode 文本”), or GBK, which
// Chinese Excel, WPS and Notepad write by default: valid UTF-8 is taken as
// UTF-8, anything else as GBK. ok is false for what is not text at all.
func decodeText(data []byte) (text []byte, ok bool) {
	var err error
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		data, err = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
	case !utf8.Valid(data):
		data, err = simplifiedchinese.GBK.NewDecoder().Bytes(data)
	}
	return data, err == nil && bytes.IndexByte(data, 0) < 0
}

// ReadText is the text of a plain-text file (a notice saved as .txt), in
// any encoding decodeText knows; name is for the message.
func ReadText(name string, data []byte) (string, error) {
	text, ok := decodeText(data)
	if !ok {
		return "", app.Errorf(app.EINVALID, "“%s”不是可读的文本文件（请保存为 .txt 纯文本）", name)
	}
	return string(text), nil
}

// readCSV reads comma- (or tab-) separated text in any encoding decodeText
// knows.
func readCSV(name string, data []byte) (sheet, error) {
	data, ok := decodeText(data)
	if !ok {
		return sheet{}, app.Errorf(app.EINVALID, "“%s”不是 Excel 工作簿，也不是可读的 CSV 文本文件", name)
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord, cr.LazyQuotes = -1, true
	if bytes.Count(first, []byte("\t")) > bytes.Count(first, []byte(",")) {
		cr.Comma = '\t'
	}
	s := sheet{lines: []int{}}
	limits := &gridLimits{file: name}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := cr.FieldPos(0)
			return sheet{}, app.Errorf(app.EINVALID, "“%s”第%d行无法读取：%s", name, line, app.Cause(err))
		}
		line, _ := cr.FieldPos(0)
		if err := limits.addRows(1); err != nil {
			return sheet{}, err
		}
		if err := limits.addRow(rec, func() string { return fmt.Sprintf("第%d行", line) }); err != nil {
			return sheet{}, err
		}
		for i := range rec {
			rec[i] = csvUnsafe(rec[i])
		}
		s.rows, s.lines = append(s.rows, rec), append(s.lines, line)
	}
	return s, nil
}
