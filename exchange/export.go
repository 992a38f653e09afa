package exchange

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"sort"

	"github.com/xuri/excelize/v2"

	"gongwen/app"
)

// Export writes a book, as its filter selects it, to an .xlsx workbook
// (bold frozen header, column widths, real date cells, overdue rows in
// red) or a .csv file (UTF-8 with BOM, which Excel opens correctly). The
// store is read a page at a time and the workbook streamed, so a book is
// never held in memory whole. An empty Sort gives register order.

// Format is xlsx or csv.
type Format string

const (
	XLSX Format = "xlsx"
	CSV  Format = "csv"
)

// ExportOptions say how a book is written.
type ExportOptions struct {
	Format Format
	// Progress, when set, is told how many rows are written so far and
	// how many there are (as far as known).
	Progress func(done, total int)
}

// pageSize is how many records are read at a time.
const pageSize = 500

// ExportDocuments writes documents. A filter of one book (Direction set)
// gives its register; both books give two sheets (收文登记簿, 发文登记簿) in
// .xlsx and one table with a 收发 column in .csv. Register order is 收文 by
// 收文编号 and 发文 by 拟稿日期.
func ExportDocuments(ctx context.Context, desk *app.Desk, f app.DocumentFilter, w io.Writer, opt ExportOptions) (int, error) {
	e := newEnv(desk)
	fetch := func(f app.DocumentFilter) func(app.Page) ([]doc, int, error) {
		if f.Sort == "" && f.Direction == app.Incoming {
			f.Sort = "serial"
		} else if f.Sort == "" {
			f.Sort = "received_on" // 收文日期 or 拟稿日期
		}
		return func(p app.Page) ([]doc, int, error) { f.Page = p; return desk.Store.Documents(ctx, f) }
	}
	if f.Direction != "" || opt.Format == CSV {
		return write(w, opt, sheetOf(docTable(f.Direction), e, fetch(f)))
	}
	in, out := f, f
	in.Direction, out.Direction = app.Incoming, app.Outgoing
	return write(w, opt, sheetOf(docTable(app.Incoming), e, fetch(in)), sheetOf(docTable(app.Outgoing), e, fetch(out)))
}

// ExportSeals writes seal requests (the 用印登记簿), in number order by default.
func ExportSeals(ctx context.Context, desk *app.Desk, f app.SealFilter, w io.Writer, opt ExportOptions) (int, error) {
	if f.Sort == "" {
		f.Sort = "number"
	}
	return write(w, opt, sheetOf(sealTable, newEnv(desk), func(p app.Page) ([]seal, int, error) {
		f.Page = p
		return desk.Store.SealRequests(ctx, f)
	}))
}

// ExportSealLog writes the 用印登记簿 of a period: the uses from from to to,
// in order of use, in the columns of the printed log.
func ExportSealLog(ctx context.Context, desk *app.Desk, from, to app.Date, w io.Writer, opt ExportOptions) (int, error) {
	f := app.SealFilter{Statuses: []app.SealStatus{app.SealUsed}, UsedFrom: from, UsedTo: to, Sort: "used_on"}
	return write(w, opt, sheetOf(sealLogTable, newEnv(desk), func(p app.Page) ([]seal, int, error) {
		f.Page = p
		return desk.Store.SealRequests(ctx, f)
	}))
}

// ExportItems writes supervision items with their colour today; red ones
// are filled red.
func ExportItems(ctx context.Context, desk *app.Desk, f app.ItemFilter, w io.Writer, opt ExportOptions) (int, error) {
	if f.Sort == "" {
		f.Sort = "number"
	}
	return write(w, opt, sheetOf(itemTable, newEnv(desk), func(p app.Page) ([]item, int, error) {
		f.Page = p
		return desk.Store.Items(ctx, f)
	}))
}

// ExportMeetings writes meetings, by date by default.
func ExportMeetings(ctx context.Context, desk *app.Desk, f app.MeetingFilter, w io.Writer, opt ExportOptions) (int, error) {
	if f.Sort == "" {
		f.Sort = "date"
	}
	return write(w, opt, sheetOf(meetingTable, newEnv(desk), func(p app.Page) ([]meeting, int, error) {
		f.Page = p
		return desk.Store.Meetings(ctx, f)
	}))
}

// ExportCatalog writes the 归档文件目录 of a year in the columns of DA/T
// 22-2015, by 保管期限 then 件号 (a year's catalogue is bounded, so it is
// read whole to be put in that order).
func ExportCatalog(ctx context.Context, desk *app.Desk, year int, w io.Writer, opt ExportOptions) (int, error) {
	docs, err := app.All(func(p app.Page) ([]doc, int, error) {
		return desk.Store.Documents(ctx, app.DocumentFilter{ArchiveYear: year, Statuses: []app.DocStatus{app.StatusArchived}, Sort: "archive", Page: p})
	})
	if err != nil {
		return 0, err
	}
	if len(docs) == 0 {
		return 0, app.Errorf(app.ENOTFOUND, "%d年度还没有归档的文件", year)
	}
	rank := map[app.Retention]int{app.RetainForever: 0, app.Retain30: 1, app.Retain10: 2}
	sort.SliceStable(docs, func(a, b int) bool {
		x, y := docs[a].Archive, docs[b].Archive
		if x.Retention != y.Retention {
			return rank[x.Retention] < rank[y.Retention]
		}
		return x.Piece < y.Piece
	})
	t := catalogTable
	t.name = fmt.Sprintf("%d年归档文件目录", year)
	return write(w, opt, sheetOf(t, newEnv(desk), func(p app.Page) ([]doc, int, error) {
		lo := min(p.Offset, len(docs))
		return docs[lo:min(lo+p.Limit, len(docs))], len(docs), nil
	}))
}

// sheetData is a sheet to write, with its rows as plain values: string,
// int or app.Date.
type sheetData struct {
	name    string
	headers []string
	widths  []float64
	wrap    []bool
	rows    func(emit func(vals []any, red bool) error, total func(int)) error
}

func sheetOf[T any](t table[T], e *env, fetch func(app.Page) ([]T, int, error)) sheetData {
	s := sheetData{name: t.name}
	for _, c := range t.columns {
		s.headers = append(s.headers, c.header)
		s.widths = append(s.widths, c.width)
		s.wrap = append(s.wrap, c.kind == kText || c.kind == kLines)
	}
	s.rows = func(emit func([]any, bool) error, total func(int)) error {
		e.seq = 0
		for offset := 0; ; offset += pageSize {
			page, n, err := fetch(app.Page{Offset: offset, Limit: pageSize})
			if err != nil {
				return err
			}
			if offset == 0 {
				total(n)
			}
			for i := range page {
				e.seq++
				vals := make([]any, len(t.columns))
				for j := range t.columns {
					vals[j] = t.columns[j].value(&page[i], e)
				}
				if err := emit(vals, t.red != nil && t.red(&page[i], e)); err != nil {
					return err
				}
			}
			if len(page) < pageSize || offset+len(page) >= n {
				return nil
			}
		}
	}
	return s
}

// write writes the sheets in the asked format and returns the rows written.
func write(w io.Writer, opt ExportOptions, sheets ...sheetData) (int, error) {
	done, total := 0, 0
	count := func(n int) { total += n }
	tick := func() {
		done++
		if opt.Progress != nil && (done%pageSize == 0 || done == total) {
			opt.Progress(done, total)
		}
	}
	switch opt.Format {
	case XLSX:
		return done, writeXLSX(w, sheets, count, tick)
	case CSV:
		if len(sheets) != 1 {
			return 0, app.Errorf(app.EINVALID, "CSV 文件只能保存一张表")
		}
		return done, writeCSV(w, sheets[0], count, tick)
	}
	return 0, app.Errorf(app.EINVALID, "导出格式应为 xlsx 或 csv")
}

func writeCSV(w io.Writer, s sheetData, count func(int), tick func()) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(s.headers); err != nil {
		return err
	}
	rec := make([]string, len(s.headers))
	err := s.rows(func(vals []any, _ bool) error {
		for i, v := range vals {
			rec[i] = csvSafe(text(v))
		}
		tick()
		return cw.Write(rec)
	}, count)
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// styles are the cell styles of an exported workbook: header, and for each
// kind of cell a plain and a red (overdue) one.
type styles struct {
	header                int
	text, wrap, date, num [2]int // [0] plain, [1] red
}

// tableBorder rules every cell of an exported workbook.
var tableBorder = []excelize.Border{{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
	{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1}}

func newStyles(f *excelize.File) (styles, error) {
	border := tableBorder
	var s styles
	var err error
	add := func(st *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(st)
		return id
	}
	s.header = add(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	dateFmt := "yyyy-mm-dd"
	for red := 0; red < 2; red++ {
		cell := func(al excelize.Alignment, numFmt *string) int {
			st := &excelize.Style{Border: border, Alignment: &al, CustomNumFmt: numFmt}
			if red == 1 {
				st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}
				st.Font = &excelize.Font{Color: "9C0006"}
			}
			return add(st)
		}
		s.text[red] = cell(excelize.Alignment{Vertical: "top"}, nil)
		s.wrap[red] = cell(excelize.Alignment{Vertical: "top", WrapText: true}, nil)
		s.date[red] = cell(excelize.Alignment{Vertical: "top", Horizontal: "center"}, &dateFmt)
		s.num[red] = cell(excelize.Alignment{Vertical: "top", Horizontal: "center"}, nil)
	}
	return s, err
}

func writeXLSX(w io.Writer, sheets []sheetData, count func(int), tick func()) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	for i, s := range sheets {
		if i == 0 {
			err = f.SetSheetName("Sheet1", s.name)
		} else {
			_, err = f.NewSheet(s.name)
		}
		if err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(s.name)
		if err != nil {
			return err
		}
		if err := startSheet(sw, s.headers, s.widths, st.header); err != nil {
			return err
		}
		row := 1
		err = s.rows(func(vals []any, red bool) error {
			r := 0
			if red {
				r = 1
			}
			cells := make([]any, len(vals))
			for j, v := range vals {
				c := excelize.Cell{StyleID: st.text[r], Value: v}
				switch v := v.(type) {
				case app.Date:
					c.StyleID, c.Value = st.date[r], nil
					if !v.IsZero() {
						c.Value = v.Time()
					}
				case int:
					c.StyleID = st.num[r]
					if v == 0 {
						c.Value = nil
					}
				case string:
					if s.wrap[j] {
						c.StyleID = st.wrap[r]
					}
				}
				cells[j] = c
			}
			row++
			tick()
			return sw.SetRow(cellName(1, row), cells)
		}, count)
		if err != nil {
			return err
		}
		if err := sw.Flush(); err != nil {
			return err
		}
		if err := printSetup(f, s.name); err != nil {
			return err
		}
	}
	return f.Write(w)
}

// startSheet writes the column widths, the frozen pane and the header row.
func startSheet(sw *excelize.StreamWriter, headers []string, widths []float64, style int) error {
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	cells := make([]any, len(headers))
	for i, h := range headers {
		cells[i] = excelize.Cell{StyleID: style, Value: h}
	}
	return sw.SetRow("A1", cells, excelize.RowOpts{Height: 24})
}

// printSetup prints a register on landscape A4 with its header on every
// page.
func printSetup(f *excelize.File, sheet string) error {
	size, orientation := 9, "landscape"
	fit, zero := true, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orientation, FitToWidth: new(1), FitToHeight: &zero}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$1:$1", sheet), Scope: sheet})
}

func cellName(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col, row)
	return n
}
