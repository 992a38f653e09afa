package exchange

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"unicode/utf8"

	"gongwen/app"
)

// What an import reads is bounded before it is read, so that a damaged or
// hostile file is refused in little time and memory instead of ending the
// program: a .xlsx is a zip archive whose directory may claim any size,
// and a few kilobytes of it can unpack to gigabytes. The limits lie far
// above any real register: a 10,000-row 收文登记簿 is about 0.5 MB as .xlsx
// and 7 MB unpacked, a row has a few dozen columns, and Excel itself holds
// at most 32,767 characters in a cell.
const (
	maxFileBytes     = 100_000_000 // the file as given (.xlsx or .csv)
	maxUnpackedBytes = 200_000_000 // all the parts of a .xlsx, unpacked
	maxZipEntries    = 10_000      // parts of a .xlsx
	maxRows          = 200_000     // rows of all sheets, blank ones included
	maxColumns       = 256         // columns of a row, up to its last filled cell
	maxCells         = 5_000_000   // cells of all sheets (rows × their columns)
	maxCellRunes     = 32_767      // characters of one cell, as in Excel
	unzipInMemory    = 16_000_000  // larger sheets are unpacked to a temporary file
)

// sizeText writes a byte count for a secretary, in decimal units as disks
// are sold: 16 GB, 200 MB, 6 KB.
func sizeText(n uint64) string {
	switch {
	case n >= 1e9:
		return fmt.Sprintf("%.3g GB", float64(n)/1e9)
	case n >= 1e6:
		return fmt.Sprintf("%.3g MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%d KB", (n+999)/1000)
}

// readLimited reads the whole file, refusing one above maxFileBytes
// without reading further.
func readLimited(name string, r io.Reader) ([]byte, error) {
	tooBig := app.Errorf(app.EINVALID, "“%s”超过%s（可导入文件的上限），没有导入。请把登记簿按年度分成几个文件再导入", name, sizeText(maxFileBytes))
	// a file, or bytes in memory, tell their size before they are read
	if f, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > maxFileBytes {
			return nil, tooBig
		}
	}
	if b, ok := r.(interface{ Len() int }); ok && b.Len() > maxFileBytes {
		return nil, tooBig
	}
	data, err := io.ReadAll(io.LimitReader(r, maxFileBytes+1))
	if err != nil {
		return nil, app.Errorf(app.EINVALID, "无法读取“%s”：%s", name, app.Cause(err))
	}
	if len(data) > maxFileBytes {
		return nil, tooBig
	}
	return data, nil
}

// checkZip reads the directory of a .xlsx and unpacks every part to
// nowhere, before excelize is let near it: the declared size of each part
// and of all of them must stay within maxUnpackedBytes, and no part may
// unpack to more than it declares (archive/zip stops it with an error) or
// fail its checksum. It returns the unpacked size.
func checkZip(name string, data []byte) (uint64, error) {
	broken := app.Errorf(app.EINVALID, "“%s”不是有效的 .xlsx 文件（文件已损坏或没有完整下载），请用 Excel 或 WPS 打开后重新保存为 .xlsx 再导入", name)
	// The directory is read whole by zip.NewReader, one record per entry:
	// count the records' signatures first (an upper bound) so that a file
	// of millions of empty entries is refused before.
	if bytes.Count(data, []byte("PK\x01\x02")) > maxZipEntries {
		return 0, app.Errorf(app.EINVALID, "“%s”包含的部件超过%d个（.xlsx 文件的上限），不像是 Excel 登记簿，没有导入", name, maxZipEntries)
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return 0, broken
	}
	tooBig := func(part string, size uint64) error {
		return app.Errorf(app.EINVALID, "“%s”解压后%s达 %s，超过了可导入的上限（%s），没有导入：文件可能已损坏，或不是登记簿。如确是登记簿，请按年度分成几个文件再导入",
			name, part, sizeText(size), sizeText(maxUnpackedBytes))
	}
	var total uint64
	for _, f := range z.File {
		if f.UncompressedSize64 > maxUnpackedBytes {
			return 0, tooBig("其中“"+f.Name+"”", f.UncompressedSize64)
		}
		if total += f.UncompressedSize64; total > maxUnpackedBytes {
			return 0, tooBig("", total)
		}
	}
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			return 0, broken
		}
		text := &textRuns{}
		n, err := io.Copy(text, io.LimitReader(rc, int64(f.UncompressedSize64)+1))
		rc.Close()
		if err != nil || uint64(n) != f.UncompressedSize64 {
			return 0, broken
		}
		if text.longest > maxXMLRun && (strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels")) {
			return 0, app.Errorf(app.EINVALID, "“%s”中有一段超过%s的文字或标记（其中“%s”），不像是登记簿，没有导入", name, sizeText(maxXMLRun), f.Name)
		}
	}
	return total, nil
}

// maxXMLRun bounds the bytes between two tags of a part's XML: a cell of
// 32,767 characters, each written as an entity, stays below it. The XML
// decoder holds such a run in memory whole (a 190 MB run cost 400 MB), so
// it is measured while the part is unpacked to nowhere.
const maxXMLRun = 1_000_000

// textRuns measures the longest run of bytes without a '<' written to it.
type textRuns struct{ current, longest int }

func (r *textRuns) Write(p []byte) (int, error) {
	for rest := p; len(rest) > 0; {
		i := bytes.IndexByte(rest, '<')
		if i < 0 {
			r.current += len(rest)
			break
		}
		r.current += i
		r.longest = max(r.longest, r.current)
		r.current, rest = 0, rest[i+1:]
	}
	r.longest = max(r.longest, r.current)
	return len(p), nil
}

// gridLimits counts what has been read of a file's sheets and refuses the
// row that goes beyond a limit.
type gridLimits struct {
	file  string
	rows  int
	cells int
}

// addRows counts n rows (blank ones of a sheet included).
func (g *gridLimits) addRows(n int) error {
	if g.rows += n; g.rows > maxRows {
		return g.tooManyRows()
	}
	return nil
}

func (g *gridLimits) tooManyRows() error {
	return app.Errorf(app.EINVALID, "“%s”超过%d行（可导入的上限），没有导入。请按年度分成几个文件再导入", g.file, maxRows)
}

// addRow checks one row's width and cells: where names the sheet and
// row for the message.
func (g *gridLimits) addRow(row []string, where func() string) error {
	if len(row) > maxColumns {
		return app.Errorf(app.EINVALID, "“%s”%s有%d列，超过了可导入的上限（%d列），不像是登记簿，没有导入", g.file, where(), len(row), maxColumns)
	}
	for i, c := range row {
		if len(c) > maxCellRunes && utf8.RuneCountInString(c) > maxCellRunes {
			return app.Errorf(app.EINVALID, "“%s”%s%s列的单元格超过%d个字（单元格的上限），不像是登记簿，没有导入", g.file, where(), columnLetter(i), maxCellRunes)
		}
	}
	return g.addCells(len(row))
}

// addCells counts cells, also those a merged range fills.
func (g *gridLimits) addCells(n int) error {
	if g.cells += n; g.cells > maxCells {
		return app.Errorf(app.EINVALID, "“%s”的单元格超过%d万个（可导入的上限），没有导入。请按年度分成几个文件再导入", g.file, maxCells/10_000)
	}
	return nil
}
