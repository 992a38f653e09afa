package exchange

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"gongwen/app"
)

// Importing a register is two steps. Read (or ReadFrom) reads the file and
// every row of it into records and returns a Plan: the sheets found, the
// mapping of their columns, the first rows as understood, and every cell
// that could not be read. Plan.Run then checks the records against the
// books and imports them in one transaction — or, with DryRun, only says
// what it would do. Nothing is written before Run, and with a bad row and
// no SkipBad nothing at all.

// ReadOptions say how a register is read.
type ReadOptions struct {
	// Sheet, when set, reads only the worksheet of that name.
	Sheet string
	// Mapping overrides the automatic mapping: a header as written in the
	// file (any spacing) → the key of the column it holds (see Columns),
	// or "" for a column not to import.
	Mapping map[string]string
}

// Plan is a register read from a file, ready to be imported.
type Plan struct {
	Book     Book
	File     string
	Sheets   []SheetInfo
	Rows     int           // data rows read
	Problems []app.Problem // cells that could not be read; Run adds the rest
	Warnings []app.Problem // cells read and kept that should be looked at (a malformed 文号)
	bad      int           // rows with a problem
	run      func(context.Context, *app.Desk, app.ImportOptions) (app.ImportResult, error)
}

// SheetInfo is what the preview shows of one worksheet.
type SheetInfo struct {
	Name      string
	HeaderRow int           // as the spreadsheet numbers it; 0: no header found, the sheet is skipped
	Direction app.Direction // documents: the book its rows go to; "" when a 收发 column says it row by row
	Year      int           // the year of dates written without one (from the sheet name, title or file name); 0 unknown
	Mapping   []Mapping     // one per header cell
	Rows      int           // data rows
	Columns   []string      // the headers of First: the book's columns, in the file's order
	First     [][]string    // the first rows as they will be imported
	Note      string        // why the sheet is skipped, or a remark
}

// Mapping is where one column of the file goes.
type Mapping struct {
	Col    int    // from 0
	Letter string // A, B, …
	Header string // as written in the file
	Key    string // the column it is imported into; "" not imported
	Name   string // that column's header
}

// Field is a column a register can be imported into: the choices of the
// preview's mapping.
type Field struct {
	Key      string
	Header   string
	Required bool
	Note     string
}

// Report is what an import did, or in a dry run would do.
type Report struct {
	Rows     int           // data rows in the file
	Imported int           // records written (in a dry run: that would be)
	Skipped  int           // rows not imported
	Bad      int           // rows with a problem
	Problems []app.Problem // every problem, in the file's order
	Warnings []app.Problem // rows imported as written that should be looked at
	DryRun   bool
}

// Fields lists the columns of a book that can be imported.
func Fields(book Book) ([]Field, error) {
	switch book {
	case Docs:
		return fields(docTable("").columns), nil
	case Seals:
		return fields(sealColumns), nil
	case Supervision:
		return fields(itemColumns), nil
	}
	return nil, bookError(book)
}

func fields[T any](cols []column[T]) []Field {
	var out []Field
	for _, c := range cols {
		if c.imported() {
			out = append(out, Field{Key: c.key, Header: c.header, Required: c.need, Note: c.note})
		}
	}
	return out
}

func bookError(book Book) error {
	return app.Errorf(app.EINVALID, "没有“%s”这本可导入的登记簿，应为 docs（收文、发文）、seals（用印）或 supervision（督办事项）", book)
}

// Read reads the register at path (.xlsx or .csv).
func Read(book Book, path string, opt ReadOptions) (*Plan, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, app.Errorf(app.ENOTFOUND, "无法打开%s：%s", path, app.Cause(err))
	}
	defer f.Close()
	return ReadFrom(book, filepath.Base(path), f, opt)
}

// ReadFrom reads a register from r; name is the file's name, whose year
// counts for dates written without one.
func ReadFrom(book Book, name string, r io.Reader, opt ReadOptions) (*Plan, error) {
	if _, err := Fields(book); err != nil {
		return nil, err
	}
	sheets, err := readSheets(name, r)
	if err != nil {
		return nil, err
	}
	if opt.Sheet != "" {
		var names []string
		for _, s := range sheets {
			if s.name == opt.Sheet {
				sheets, names = []sheet{s}, nil
				break
			}
			names = append(names, "“"+s.name+"”")
		}
		if names != nil {
			return nil, app.Errorf(app.ENOTFOUND, "“%s”中没有名为“%s”的工作表（有%s）", name, opt.Sheet, strings.Join(names, "、"))
		}
	}
	switch book {
	case Docs:
		return readBook(docBook, name, sheets, opt)
	case Seals:
		return readBook(sealBook, name, sheets, opt)
	}
	return readBook(itemBook, name, sheets, opt)
}

// Run imports the records (see app.ImportOptions). With a row that cannot
// be read and no SkipBad it only checks the others, and fails.
func (p *Plan) Run(ctx context.Context, desk *app.Desk, opt app.ImportOptions) (Report, error) {
	if opt.Source == "" {
		opt.Source = p.File
	}
	check := opt
	if p.bad > 0 && !opt.SkipBad {
		check.DryRun = true
	}
	res, err := p.run(ctx, desk, check)
	rep := Report{Rows: p.Rows, Imported: res.Imported, Bad: p.bad + res.Bad, DryRun: opt.DryRun, Warnings: p.Warnings}
	rep.Problems = append(append([]app.Problem{}, p.Problems...), res.Problems...)
	order := map[string]int{}
	for i, s := range p.Sheets {
		order[s.Name] = i
	}
	sort.SliceStable(rep.Problems, func(a, b int) bool {
		pa, pb := rep.Problems[a].At, rep.Problems[b].At
		if pa.Sheet != pb.Sheet {
			return order[pa.Sheet] < order[pb.Sheet]
		}
		return pa.Row < pb.Row
	})
	refused := res.Bad > 0 && !opt.SkipBad // the books' all-or-nothing refusal, not a failure
	if err != nil && !refused {
		rep.Imported, rep.Skipped = 0, rep.Rows
		return rep, err
	}
	if rep.Bad > 0 && !opt.SkipBad {
		rep.Imported, rep.Skipped = 0, rep.Rows
		return rep, app.Errorf(app.EINVALID, "有%d行有问题，没有导入任何数据", rep.Bad)
	}
	rep.Skipped = rep.Rows - rep.Imported
	return rep, nil
}

// bookDef is what reading differs in between the books.
type bookDef[T any] struct {
	book     Book
	columns  func(dir app.Direction) []column[T] // the sheet's columns; dir matters for documents only
	directed bool                                // documents: each sheet is 收文 or 发文
	ignored  []string
	finish   func(rec *T, dir app.Direction)
	run      func(k *app.Desk) func(context.Context, []app.ImportRow[T], app.ImportOptions) (app.ImportResult, error)
}

var docBook = &bookDef[doc]{
	book:     Docs,
	columns:  func(dir app.Direction) []column[doc] { return docTable(dir).columns },
	directed: true,
	finish: func(d *doc, dir app.Direction) {
		if d.Direction == "" {
			d.Direction = dir
		}
	},
	run: func(k *app.Desk) func(context.Context, []app.ImportRow[doc], app.ImportOptions) (app.ImportResult, error) {
		return k.ImportDocuments
	},
}

var sealBook = &bookDef[seal]{
	book:    Seals,
	columns: func(app.Direction) []column[seal] { return sealColumns },
	run: func(k *app.Desk) func(context.Context, []app.ImportRow[seal], app.ImportOptions) (app.ImportResult, error) {
		return k.ImportSealRequests
	},
}

var itemBook = &bookDef[item]{
	book:    Supervision,
	columns: func(app.Direction) []column[item] { return itemColumns },
	ignored: []string{"备注", "备考"},
	run: func(k *app.Desk) func(context.Context, []app.ImportRow[item], app.ImportOptions) (app.ImportResult, error) {
		return k.ImportItems
	},
}

func dictOf[T any](cols []column[T], ignored []string) dict {
	names := make([][]string, len(cols))
	for i := range cols {
		names[i] = cols[i].allNames()
	}
	return newDict(names, append(append([]string{}, commonIgnored...), ignored...))
}

func readBook[T any](b *bookDef[T], file string, sheets []sheet, opt ReadOptions) (*Plan, error) {
	p := &Plan{Book: b.book, File: file}
	var rows []app.ImportRow[T]
	found := false
	for i := range sheets {
		info, recs := readSheet(b, p, file, &sheets[i], opt)
		p.Sheets = append(p.Sheets, info)
		rows = append(rows, recs...)
		found = found || info.HeaderRow > 0
	}
	if !found {
		var want []string
		for _, c := range b.columns("") {
			if c.need {
				want = append(want, "“"+c.header+"”")
			}
		}
		return nil, app.Errorf(app.EINVALID, "“%s”中没有找到登记簿的表头：表头行应含有%s等列名", file, strings.Join(want, ""))
	}
	p.run = func(ctx context.Context, k *app.Desk, o app.ImportOptions) (app.ImportResult, error) {
		return b.run(k)(ctx, rows, o)
	}
	return p, nil
}

// previewRows is how many rows a sheet's preview shows.
const previewRows = 5

func readSheet[T any](b *bookDef[T], p *Plan, file string, sh *sheet, opt ReadOptions) (SheetInfo, []app.ImportRow[T]) {
	info := SheetInfo{Name: sh.name}
	all := b.columns("")
	h := dictOf(all, b.ignored).findHeader(sh.rows)
	if h < 0 {
		info.Note = "没有找到表头，已跳过"
		return info, nil
	}
	info.HeaderRow = sh.rowNo(h)
	header := sh.rows[h]
	// the year of dates without one, and the book of a documents sheet
	var titles strings.Builder
	for _, r := range sh.rows[:h] {
		titles.WriteString(strings.Join(r, " ") + " ")
	}
	for _, s := range []string{sh.name, titles.String(), file} {
		if info.Year == 0 {
			info.Year = yearIn(s)
		}
	}
	cols := all
	override := func(hd string) (int, bool) {
		for k, v := range opt.Mapping {
			if NormalizeHeader(k) == "" || NormalizeHeader(k) != NormalizeHeader(hd) {
				continue
			}
			for i, c := range cols {
				if c.key == v && c.imported() {
					return i, true
				}
			}
			return ignoredColumn, true
		}
		return 0, false
	}
	index := dictOf(cols, b.ignored).mapHeader(header, override)
	if b.directed && !mapsKey(cols, index, "direction") {
		info.Direction = directionOf(b, sh.name, titles.String(), file, header)
		cols = b.columns(info.Direction)
		index = dictOf(cols, b.ignored).mapHeader(header, override)
	}
	for i, hd := range header {
		if strings.TrimSpace(hd) == "" {
			continue
		}
		m := Mapping{Col: i, Letter: columnLetter(i), Header: cleanLine(hd)}
		if c := index[i]; c != ignoredColumn && cols[c].imported() {
			m.Key, m.Name = cols[c].key, cols[c].header
			info.Columns = append(info.Columns, m.Name)
		}
		info.Mapping = append(info.Mapping, m)
	}
	// rows
	var dataRows []int
	for r := h + 1; r < len(sh.rows); r++ {
		if !skipRow(sh.rows[r], header, cols, index) {
			dataRows = append(dataRows, r)
		}
	}
	info.Rows = len(dataRows)
	p.Rows += len(dataRows)
	var missing []string
	for i, c := range cols {
		if c.need && c.imported() && !contains(intsToKeys(cols, index), c.key) {
			missing = append(missing, "“"+cols[i].header+"”")
		}
	}
	if len(missing) > 0 {
		info.Note = "缺少" + strings.Join(missing, "") + "列，本表未导入"
		if len(dataRows) > 0 {
			p.bad += len(dataRows)
			p.Problems = append(p.Problems, app.Problem{At: app.RowRef{Sheet: sh.name, Row: info.HeaderRow},
				Reason: "没有找到" + strings.Join(missing, "") + "列，本表" + strconv.Itoa(len(dataRows)) + "行都未导入（可在导入预览中指定对应的列）"})
		}
		return info, nil
	}
	cx := cellCtx{year: info.Year, date1904: sh.date1904}
	var out []app.ImportRow[T]
	for _, r := range dataRows {
		row := sh.rows[r]
		at := app.RowRef{Sheet: sh.name, Row: sh.rowNo(r)}
		var rec T
		ok := true
		for i, c := range index {
			cell := cellAt(row, i)
			if c == ignoredColumn || !cols[c].imported() || blankMark(cell) {
				continue
			}
			if err := cols[c].read(&rec, cell, cx); err != nil {
				problem := app.Problem{At: at, Column: cleanLine(header[i]), Reason: app.ErrorMessage(err)}
				var w *warning
				if errors.As(err, &w) {
					problem.Reason = w.msg
					p.Warnings = append(p.Warnings, problem)
					continue
				}
				ok = false
				p.Problems = append(p.Problems, problem)
			}
		}
		if b.finish != nil {
			b.finish(&rec, info.Direction)
		}
		if len(info.First) < previewRows {
			info.First = append(info.First, previewRow(cols, index, row, cx))
		}
		if !ok {
			p.bad++
			continue
		}
		out = append(out, app.ImportRow[T]{At: at, Rec: rec})
	}
	return info, out
}

// previewRow shows a row's mapped cells as they will be imported: each
// read on its own and written back in the export's form, or as written
// when it cannot be read.
func previewRow[T any](cols []column[T], index []int, row []string, cx cellCtx) []string {
	var out []string
	for i, c := range index {
		if c == ignoredColumn || !cols[c].imported() {
			continue
		}
		cell, shown := cellAt(row, i), ""
		var rec T
		if !blankMark(cell) && cols[c].read(&rec, cell, cx) == nil {
			shown = text(cols[c].value(&rec, &env{}))
		}
		if shown == "" && !blankMark(cell) {
			shown = strings.TrimSpace(cell)
		}
		out = append(out, shown)
	}
	return out
}

// skipRow tells rows that carry no record: blank rows, the header repeated
// (printed registers repeat it on each page), titles merged across the row
// (“三月份”), totals and notes, and the example row of a template.
func skipRow[T any](row, header []string, cols []column[T], index []int) bool {
	var cells []string
	for _, c := range row {
		if c = strings.TrimSpace(c); c != "" {
			cells = append(cells, c)
		}
	}
	if len(cells) == 0 || slicesEqualTrim(row, header) {
		return true
	}
	first := cells[0]
	for _, w := range []string{"合计", "小计", "总计", "说明", "注：", "注:", "填表", "制表", "填报"} {
		if strings.HasPrefix(first, w) {
			return true
		}
	}
	same := true
	for _, c := range cells {
		same = same && c == first
	}
	if same && (len(cells) >= 2 || monthTitle(first)) {
		return true
	}
	example, filled := true, 0
	for i, c := range index {
		cell := strings.TrimSpace(cellAt(row, i))
		if c == ignoredColumn || cell == "" {
			continue
		}
		filled++
		example = example && cols[c].example != "" && cell == cols[c].example
	}
	return example && filled > 0
}

// monthTitle tells a row that only names a month: 三月份, 2024年3月.
func monthTitle(s string) bool {
	s = strings.TrimSuffix(app.NormalizeWidth(s), "份")
	if !strings.HasSuffix(s, "月") {
		return false
	}
	return yearIn(s) != 0 || len([]rune(s)) <= 4
}

func slicesEqualTrim(a, b []string) bool {
	n := max(len(a), len(b))
	for i := 0; i < n; i++ {
		if strings.TrimSpace(cellAt(a, i)) != strings.TrimSpace(cellAt(b, i)) {
			return false
		}
	}
	return true
}

func mapsKey[T any](cols []column[T], index []int, key string) bool {
	return contains(intsToKeys(cols, index), key)
}

func intsToKeys[T any](cols []column[T], index []int) []string {
	var keys []string
	for _, c := range index {
		if c != ignoredColumn {
			keys = append(keys, cols[c].key)
		}
	}
	return keys
}

// directionOf tells whether a sheet of documents is 收文 or 发文: by its
// name, its title, the file's name, else by which book's own columns its
// header names more of.
func directionOf[T any](b *bookDef[T], name, title, file string, header []string) app.Direction {
	for _, s := range []string{name, title, file} {
		in, out := strings.Contains(s, "收文") || strings.Contains(s, "来文"), strings.Contains(s, "发文")
		switch {
		case in && !out:
			return app.Incoming
		case out && !in:
			return app.Outgoing
		}
	}
	score := func(dir app.Direction) int {
		var own []column[T]
		for _, c := range b.columns(dir) {
			if c.dir == dir {
				own = append(own, c)
			}
		}
		s, _ := dictOf(own, nil).score(header)
		return s
	}
	if score(app.Outgoing) > score(app.Incoming) {
		return app.Outgoing
	}
	return app.Incoming
}

func columnLetter(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}
