package exchange

import (
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"gongwen/app"
)

// Template writes an import template of a book: one sheet per register
// (收文 and 发文 for documents) with the bold header (required columns in
// red), an example row in grey, which import skips, column widths and
// drop-down lists, and a 填写说明 sheet explaining each column's format.
func Template(book Book, w io.Writer) error {
	var sheets []templateSheet
	switch book {
	case Docs:
		sheets = []templateSheet{templateOf(docTable(app.Incoming)), templateOf(docTable(app.Outgoing))}
	case Seals:
		sheets = []templateSheet{templateOf(sealTable)}
	case Supervision:
		sheets = []templateSheet{templateOf(itemTable)}
	default:
		return bookError(book)
	}
	f := excelize.NewFile()
	defer f.Close()
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	need, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "C00000"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	example, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "808080"}, NumFmt: 49}) // 49: text
	text, _ := f.NewStyle(&excelize.Style{NumFmt: 49})
	for i, s := range sheets {
		if i == 0 {
			err = f.SetSheetName("Sheet1", s.name)
		} else {
			_, err = f.NewSheet(s.name)
		}
		if err != nil {
			return err
		}
		for j, c := range s.cols {
			col := columnLetter(j)
			style := head
			if c.need {
				style = need
			}
			cells := []error{f.SetColWidth(s.name, col, col, c.width)}
			if c.text { // numbers like 0012 must stay as typed
				cells = append(cells, f.SetColStyle(s.name, col, text))
			}
			cells = append(cells,
				f.SetCellStr(s.name, col+"1", c.header),
				f.SetCellStyle(s.name, col+"1", col+"1", style),
				f.SetCellStr(s.name, col+"2", c.example),
				f.SetCellStyle(s.name, col+"2", col+"2", example))
			if len(c.choices) > 0 {
				dv := excelize.NewDataValidation(true)
				dv.Sqref = col + "3:" + col + "5000"
				cells = append(cells, dv.SetDropList(c.choices), f.AddDataValidation(s.name, dv))
			}
			for _, err := range cells {
				if err != nil {
					return err
				}
			}
		}
		if err := f.SetPanes(s.name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
		if err := f.SetRowHeight(s.name, 1, 24); err != nil {
			return err
		}
	}
	if err := templateNotes(f, sheets, head); err != nil {
		return err
	}
	return f.Write(w)
}

// templateSheet is a register's importable columns, as plain data.
type templateSheet struct {
	name string
	cols []templateColumn
}

type templateColumn struct {
	header, example, note string
	width                 float64
	need, text            bool
	choices               []string
}

func templateOf[T any](t table[T]) templateSheet {
	s := templateSheet{name: t.name}
	for _, c := range t.columns {
		if !c.imported() {
			continue
		}
		isString := false
		if c.field != nil {
			var zero T
			_, isString = c.field(&zero).(*string)
		}
		s.cols = append(s.cols, templateColumn{header: c.header, example: c.example, note: c.note, width: c.width,
			need: c.need, text: isString && c.kind == kName, choices: c.choices()})
	}
	return s
}

// templateNotes writes the 填写说明 sheet.
func templateNotes(f *excelize.File, sheets []templateSheet, head int) error {
	const name = "填写说明"
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	general := []string{
		"填写说明",
		"1. 每个登记簿一张工作表，第1行是表头，从第3行起每行一条记录；第2行灰色斜体是示例，导入时自动跳过，也可以删除。",
		"2. 红色表头的列必须填写；其他列可以留空。表头名称可以改用本单位习惯的叫法（如“来文机关”“缓急”），程序会自动识别，导入预览中也可以调整。",
		"3. 日期" + dateNote + "。",
		"4. 一个工作簿可以有多张工作表（如每年或每月一张），表头上方可以有标题行，合并单元格、空行都可以。",
		"5. 导入前会先预览：逐行检查，列出每个问题所在的工作表、行和列；默认有任何一行有问题就不导入，也可以选择只导入没有问题的行。",
		"6. 与已有记录来文单位和文号相同、或编号相同的行视为可能重复，不会导入，请核对后处理。",
		"7. 也可以另存为 CSV（UTF-8 或 GBK 编码均可）再导入。",
	}
	for i, l := range general {
		if err := f.SetCellStr(name, cellName(1, i+1), l); err != nil {
			return err
		}
	}
	row := len(general) + 2
	for _, s := range sheets {
		if err := f.SetSheetRow(name, cellName(1, row), &[]any{"工作表：" + s.name}); err != nil {
			return err
		}
		row++
		if err := f.SetSheetRow(name, cellName(1, row), &[]any{"列名", "必填", "填写说明", "示例", "可选值"}); err != nil {
			return err
		}
		if err := f.SetCellStyle(name, cellName(1, row), cellName(5, row), head); err != nil {
			return err
		}
		row++
		for _, c := range s.cols {
			must := ""
			if c.need {
				must = "是"
			}
			if err := f.SetSheetRow(name, cellName(1, row), &[]any{c.header, must, c.note, c.example, strings.Join(c.choices, "、")}); err != nil {
				return err
			}
			row++
		}
		row++
	}
	for col, w := range map[string]float64{"A": 16, "B": 6, "C": 60, "D": 30, "E": 40} {
		if err := f.SetColWidth(name, col, col, w); err != nil {
			return err
		}
	}
	return nil
}
