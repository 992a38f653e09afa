package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"

	"gongwen/app"
	"gongwen/exchange"
	"gongwen/ui/widgets"
)

// 导出 of a book (its rows, filtered as on screen, or all) and its 导入模板.

const (
	formatXLSX = "Excel 工作簿（.xlsx）"
	formatCSV  = "CSV 文本（.csv）"
)

// exportForm asks what to export and in which format, then where.
func (p *porter) exportForm() {
	u := p.u
	c := p.last
	if c.format == "" {
		c.format = exchange.XLSX
	}
	if c.year == 0 {
		c.year = u.desk.Today().Year
	}
	n := p.count()
	f := u.newForm("导出"+p.title, "导出…")
	what := fmt.Sprintf("%s（当前筛选条件下的%d条）", p.title, n)
	const catalog = "归档文件目录"
	var content *widgets.RadioGroup
	year := intField("年度", c.year)
	if p.dir != "" {
		content = widgets.NewRadioGroup([]string{what, catalog}, func(s string) {
			if s == catalog {
				year.Enable()
			} else {
				year.Disable()
			}
		})
		content.Required = true
		if c.catalog {
			content.SetSelected(catalog)
		} else {
			content.SetSelected(what)
			year.Disable()
		}
		f.Field("内容", content)
		f.Field("归档年度", year, "归档文件目录：该年度已归档的收文和发文，按保管期限、件号排列（DA/T 22-2015）")
	} else {
		f.Top(wrapLabel(what))
	}
	format := radioField([]string{formatXLSX, formatCSV}, map[exchange.Format]string{exchange.XLSX: formatXLSX, exchange.CSV: formatCSV}[c.format])
	f.Field("格式", format)
	f.Bottom(note("登记簿按表格当前的筛选条件导出，按登记顺序排列。Excel 工作簿带表头、列宽和日期格式，逾期的行标红，可直接打印；CSV 是 UTF-8 编码的纯文本表格，Excel、WPS 都能打开。"))
	var chosen exportChoice
	f.Show(func(bool) error {
		ch := exportChoice{format: exchange.XLSX, catalog: content != nil && content.Selected == catalog, year: c.year}
		if format.Selected == formatCSV {
			ch.format = exchange.CSV
		}
		p.last = ch // offered again next time, even when this one fails
		if ch.catalog {
			y, err := parseInt("归档年度", year.Text)
			if err != nil {
				return err
			}
			if y < 1949 || y > 9999 {
				return app.Errorf(app.EINVALID, "归档年度应填写四位数的年份")
			}
			ch.year, p.last.year = y, y
			if _, n, err := u.desk.Store.Documents(u.ctx, app.DocumentFilter{ArchiveYear: y, Statuses: []app.DocStatus{app.StatusArchived}, Page: app.Page{Limit: 1}}); err != nil {
				return err
			} else if n == 0 {
				return app.Errorf(app.ENOTFOUND, "%d年度还没有归档的文件，没有可导出的归档文件目录", y)
			}
		} else if n == 0 {
			return app.Errorf(app.ENOTFOUND, "当前筛选条件下没有记录可导出，请先调整筛选条件")
		}
		chosen = ch
		return nil
	})
	f.OnSaved = func(string) {
		p.saveAs(p.exportName(chosen), "."+string(chosen.format), func(wc fyne.URIWriteCloser) { p.exportTo(chosen, wc) })
	}
}

// exportName is the file name offered: 收文登记簿-2026-11-23.xlsx.
func (p *porter) exportName(c exportChoice) string {
	if c.catalog {
		return fmt.Sprintf("归档文件目录-%d年.%s", c.year, c.format)
	}
	return fmt.Sprintf("%s-%s.%s", p.title, p.u.desk.Today(), c.format)
}

// exportTo writes the export chosen into wc (the file the save dialog
// opened). A file named .csv gets CSV and one named .xlsx a workbook,
// whatever was chosen.
func (p *porter) exportTo(c exportChoice, wc fyne.URIWriteCloser) {
	switch strings.ToLower(wc.URI().Extension()) {
	case ".csv":
		c.format = exchange.CSV
	case ".xlsx":
		c.format = exchange.XLSX
	}
	var export exportFunc
	title := "正在导出" + p.title
	if c.catalog {
		year := c.year
		title = fmt.Sprintf("正在导出%d年归档文件目录", year)
		export = func(ctx context.Context, w io.Writer, opt exchange.ExportOptions) (int, error) {
			return exchange.ExportCatalog(ctx, p.u.desk, year, w, opt)
		}
	} else {
		export = p.filtered()
	}
	p.exportInto(title, c.format, wc, export)
}

// exportInto runs export into wc off the UI thread and says how it went.
func (p *porter) exportInto(title string, format exchange.Format, wc fyne.URIWriteCloser, export exportFunc) {
	var n int
	p.writeFile(title, wc, func(ctx context.Context, w io.Writer, progress func(int, int)) (err error) {
		n, err = export(ctx, w, exchange.ExportOptions{Format: format, Progress: progress})
		return err
	}, func(path string, err error) {
		switch {
		case errors.Is(err, context.Canceled):
			p.u.showMessage("已取消", "导出已取消，没有保存文件。")
		case err != nil:
			p.u.showError(app.Errorf(app.ErrorCode(err), "导出未能完成：%s", reason(err)))
		default:
			p.u.showMessage("导出完成", fmt.Sprintf("已导出%d条到\n%s", n, path))
		}
	})
}

func (p *porter) templateName() string {
	switch p.book {
	case exchange.Docs:
		return "收文发文登记簿导入模板.xlsx"
	case exchange.Seals:
		return "用印申请导入模板.xlsx"
	}
	return "督查督办事项导入模板.xlsx"
}

func (p *porter) saveTemplate() {
	p.saveAs(p.templateName(), ".xlsx", p.templateTo)
}

// templateTo writes the book's import template into wc.
func (p *porter) templateTo(wc fyne.URIWriteCloser) {
	p.writeFile("正在生成导入模板", wc, func(_ context.Context, w io.Writer, _ func(int, int)) error {
		return exchange.Template(p.book, w)
	}, func(path string, err error) {
		if err != nil {
			p.u.showError(app.Errorf(app.ErrorCode(err), "导入模板未能保存：%s", reason(err)))
			return
		}
		p.u.showMessage("导入模板已保存", path+"\n\n红色表头的列必须填写；第2行灰色的示例行导入时自动跳过；“填写说明”工作表说明每一列的写法。表头也可以用本单位习惯的叫法，导入时会自动识别。")
	})
}
