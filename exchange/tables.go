package exchange

import (
	"io"

	"github.com/xuri/excelize/v2"
)

// Table is a table of figures for a workbook, one sheet each: its cells
// are ints, fractions (float64, shown as percentages with one decimal)
// and text. Unlike the registers, a 0 is written, not left blank: in a
// statistics table 0 is a figure.
type Table struct {
	Name    string
	Headers []string
	Rows    [][]any
}

// WriteTables writes the tables as a workbook, headed, ruled and set up
// for printing as the exported registers are.
func WriteTables(w io.Writer, tables []Table) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	pctFmt := "0.0%"
	pct, err := f.NewStyle(&excelize.Style{Border: tableBorder, CustomNumFmt: &pctFmt,
		Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}})
	if err != nil {
		return err
	}
	for i, t := range tables {
		if i == 0 {
			err = f.SetSheetName("Sheet1", t.Name)
		} else {
			_, err = f.NewSheet(t.Name)
		}
		if err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(t.Name)
		if err != nil {
			return err
		}
		widths := make([]float64, len(t.Headers))
		for j, h := range t.Headers {
			widths[j] = max(10, 2.2*float64(len([]rune(h)))+2)
			for _, row := range t.Rows {
				if s, ok := row[j].(string); ok {
					widths[j] = max(widths[j], 2.2*float64(len([]rune(s)))+2)
				}
			}
		}
		if err := startSheet(sw, t.Headers, widths, st.header); err != nil {
			return err
		}
		for r, row := range t.Rows {
			cells := make([]any, len(row))
			for j, v := range row {
				c := excelize.Cell{StyleID: st.text[0], Value: v}
				switch v.(type) {
				case int:
					c.StyleID = st.num[0]
				case float64:
					c.StyleID = pct
				}
				cells[j] = c
			}
			if err := sw.SetRow(cellName(1, r+2), cells); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
		if err := printSetup(f, t.Name); err != nil {
			return err
		}
	}
	return f.Write(w)
}
