package cli

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"gongwen/app"
	"gongwen/exchange"
)

// importBook, template and exportTable are the spreadsheet verbs (issue 6).

// importBook reads a register and imports it: every problem on its own
// line, then the counts. With a bad row and no --skip-bad nothing is
// written and the exit status is 1; --dry-run checks and writes nothing.
func (c *command) importBook(args []string) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	sheet := fs.String("sheet", "", "")
	skipBad := fs.Bool("skip-bad", false, "")
	dryRun := fs.Bool("dry-run", false, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("用法：gongwen import docs|seals|supervision 文件 [--sheet 工作表] [--skip-bad] [--dry-run]")
	}
	book, file := exchange.Book(pos[0]), pos[1]
	if _, err := exchange.Fields(book); err != nil {
		return usagef("%s", app.ErrorMessage(err))
	}
	plan, err := exchange.Read(book, file, exchange.ReadOptions{Sheet: *sheet})
	if err != nil {
		return err
	}
	desk, err := c.open()
	if err != nil {
		return err
	}
	defer c.close()
	rep, err := plan.Run(c.ctx, desk, app.ImportOptions{SkipBad: *skipBad, DryRun: *dryRun, Source: filepath.Base(file)})
	out := c.env.Stdout
	for _, s := range plan.Sheets {
		if s.Note != "" {
			fmt.Fprintf(out, "工作表“%s”：%s\n", terminalText(s.Name), s.Note)
		}
	}
	for _, p := range rep.Problems {
		fmt.Fprintln(out, app.StripControl(p.String()))
	}
	for _, w := range rep.Warnings {
		fmt.Fprintln(out, "提醒："+app.StripControl(w.String()))
	}
	verb := "导入"
	if *dryRun {
		verb = "试导入（未写入任何数据）：可导入"
	}
	fmt.Fprintf(out, "%s%d条，跳过%d条，问题%d处（共%d行）。\n", verb, rep.Imported, rep.Skipped, len(rep.Problems), rep.Rows)
	if err != nil && rep.Bad > 0 && !*skipBad {
		return app.Errorf(app.EINVALID, "有%d行有问题，没有导入任何数据。请改正后重新导入，或加 --skip-bad 只导入没有问题的行", rep.Bad)
	}
	return err
}

// template writes the import template of a book.
func (c *command) template(args []string) error {
	fs := flag.NewFlagSet("template", flag.ContinueOnError)
	out := fs.String("o", "", "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *out == "" {
		return usagef("用法：gongwen template docs|seals|supervision -o 文件.xlsx")
	}
	book := exchange.Book(pos[0])
	if _, err := exchange.Fields(book); err != nil {
		return usagef("%s", app.ErrorMessage(err))
	}
	if !strings.EqualFold(filepath.Ext(*out), ".xlsx") {
		return app.Errorf(app.EINVALID, "导入模板是 Excel 工作簿（带填写说明和下拉选项），文件名应以 .xlsx 结尾，如 -o %s；填好后可直接导入，也可在 Excel 中另存为 CSV 再导入",
			strings.TrimSuffix(*out, filepath.Ext(*out))+".xlsx")
	}
	if err := writeFileAtomic(*out, func(w io.Writer) error { return exchange.Template(book, w) }); err != nil {
		return err
	}
	fmt.Fprintln(c.env.Stdout, "已生成导入模板 "+*out)
	return nil
}

// exportTable writes a whole book as .xlsx or .csv; for the catalogue,
// the 归档文件目录 of year (0: the latest year with archived documents).
func (c *command) exportTable(book, format, out string, year int) error {
	f := exchange.Format(format)
	switch exchange.Book(book) {
	case exchange.Docs, exchange.Seals, exchange.Supervision, exchange.Meetings, exchange.Catalog:
	default:
		return usagef("没有“%s”这本登记簿，应为 docs、seals、supervision、meetings 或 catalog", book)
	}
	if f == exchange.XLSX && (out == "" || out == "-") {
		return usagef("导出 Excel 文件请用 -o 指定文件名，如 -o %s.xlsx", book)
	}
	desk, err := c.openToRead()
	if err != nil {
		return err
	}
	defer c.close()
	if exchange.Book(book) == exchange.Catalog && year == 0 {
		if year, err = latestArchiveYear(c, desk); err != nil {
			return err
		}
	}
	n := 0
	opt := exchange.ExportOptions{Format: f}
	write := func(w io.Writer) error {
		switch exchange.Book(book) {
		case exchange.Docs:
			n, err = exchange.ExportDocuments(c.ctx, desk, app.DocumentFilter{}, w, opt)
		case exchange.Seals:
			n, err = exchange.ExportSeals(c.ctx, desk, app.SealFilter{}, w, opt)
		case exchange.Supervision:
			n, err = exchange.ExportItems(c.ctx, desk, app.ItemFilter{}, w, opt)
		case exchange.Meetings:
			n, err = exchange.ExportMeetings(c.ctx, desk, app.MeetingFilter{}, w, opt)
		default:
			n, err = exchange.ExportCatalog(c.ctx, desk, year, w, opt)
		}
		return err
	}
	if out == "" || out == "-" {
		return write(c.env.Stdout)
	}
	if err := writeFileAtomic(out, write); err != nil {
		return err
	}
	what := map[exchange.Book]string{exchange.Docs: "公文", exchange.Seals: "用印申请", exchange.Supervision: "督办事项",
		exchange.Meetings: "会议", exchange.Catalog: fmt.Sprintf("%d年度归档文件", year)}[exchange.Book(book)]
	fmt.Fprintf(c.env.Stderr, "已导出%s%d条到 %s\n", what, n, out)
	return nil
}

// latestArchiveYear is the most recent year with archived documents.
func latestArchiveYear(c *command, desk *app.Desk) (int, error) {
	for y := desk.Today().Year + 1; y >= 1949 && y > desk.Today().Year-50; y-- {
		_, n, err := desk.Store.Documents(c.ctx, app.DocumentFilter{ArchiveYear: y, Page: app.Page{Limit: 1}})
		if err != nil {
			return 0, err
		}
		if n > 0 {
			return y, nil
		}
	}
	return 0, app.Errorf(app.ENOTFOUND, "还没有归档的文件")
}
