package cli

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"gongwen/app"
	"gongwen/exchange"
	"gongwen/reports"
)

// forms lists the printable forms and what their argument is.
var forms = map[string]string{
	"slip":        "收文编号或id",
	"circulation": "收文编号或id",
	"outgoing":    "发文字号或id",
	"seal":        "用印申请编号或id",
	"seal-log":    "月份 YYYY-MM",
	"minutes":     "会议id",
	"monthly":     "月份 YYYY-MM 或季度 YYYY-Qn",
	"catalog":     "年份",
	"assign-slip": "督办编号或id",
	"reminder":    "督办编号或id",
	"notice":      "督办编号或id",
}

// slipForms are the 督查文书 printed from an item.
var slipForms = map[string]app.SlipKind{"assign-slip": app.SlipAssign, "reminder": app.SlipReminder, "notice": app.SlipNotice}

// docxForms are the forms also written as Word files, for leaders who
// change the wording before they sign.
var docxForms = map[string]bool{"minutes": true, "monthly": true}

// outputFormat is the file format asked for by --format, else by the
// output file's extension (x.ofd, x.docx, x.xlsx), else PDF.
func outputFormat(flagValue, out string) (string, error) {
	format := strings.ToLower(strings.TrimSpace(flagValue))
	if format == "" {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(out)), ".")
	}
	switch format {
	case "pdf", "ofd", "docx", "xlsx":
		return format, nil
	}
	if flagValue != "" {
		return "", usagef("不支持“%s”格式，可用 pdf、ofd、docx 或 xlsx", flagValue)
	}
	return "pdf", nil
}

// print writes one form to a PDF or OFD file (or a Word file). An unknown
// record is an error and leaves no file.
func (c *command) print(args []string) error {
	fs := flag.NewFlagSet("print", flag.ContinueOnError)
	out := fs.String("o", "", "")
	formatFlag := fs.String("format", "", "")
	fs.BoolVar(&c.slipSent, "sent", false, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 || *out == "" {
		return usagef("用法：gongwen print slip|circulation|outgoing|seal|seal-log|minutes|monthly|catalog|assign-slip|reminder|notice 参数 -o 文件.pdf|文件.ofd [--format pdf|ofd|docx|xlsx] [--sent]")
	}
	form, arg := pos[0], pos[1]
	if _, ok := forms[form]; !ok {
		return usagef("没有“%s”这种表单", form)
	}
	format, err := outputFormat(*formatFlag, *out)
	if err != nil {
		return err
	}
	if format == "docx" && !docxForms[form] {
		return usagef("只有会议纪要（minutes）和督查通报（monthly）可以导出为Word文件")
	}
	if format == "xlsx" && form != "monthly" {
		return usagef("只有督查通报（monthly）的统计表可以导出为Excel文件")
	}
	if _, ok := slipForms[form]; c.slipSent && !ok {
		return usagef("--sent 只用于督查文书（assign-slip、reminder、notice）")
	}
	open := c.openToRead
	if c.slipSent {
		open = c.open // a slip printed as sent is recorded in the item
	}
	desk, err := open()
	if err != nil {
		return err
	}
	defer c.close()
	if format == "xlsx" {
		return c.monthlyWorkbook(desk, arg, *out)
	}
	write, err := c.formWriter(desk, form, arg, format == "docx")
	if err != nil {
		return err
	}
	fonts, err := reports.LoadFonts(desk.Settings().Fonts)
	if err != nil {
		return err
	}
	// Characters no font has are printed as 〓: the file is complete, and
	// the secretary is told which characters to check.
	var printed reports.Printed
	err = writeFileAtomic(*out, func(w io.Writer) error {
		var err error
		if format == "ofd" {
			w = reports.AsOFD(w, desk.Now())
		}
		printed, err = write(w, fonts)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(c.env.Stdout, "已生成 "+*out)
	if c.slipSent {
		fmt.Fprintln(c.env.Stdout, "已记入督办事项的办理记录（作为印发件）")
	}
	if warning := printed.Warning(); warning != "" {
		fmt.Fprintln(c.env.Stderr, "注意："+app.StripControl(warning))
	}
	return nil
}

type formWriter func(w io.Writer, f *reports.Fonts) (reports.Printed, error)

// formWriter loads what the form prints and returns the function drawing
// it, or writing it as a Word file when asWord (docxForms only).
func (c *command) formWriter(desk *app.Desk, form, arg string, asWord bool) (formWriter, error) {
	ctx, st := c.ctx, desk.Settings()
	switch form {
	case "slip", "circulation", "outgoing":
		d, err := c.document(desk, arg)
		if err != nil {
			return nil, err
		}
		switch {
		case form == "outgoing" && d.Direction != app.Outgoing:
			return nil, app.Errorf(app.EINVALID, "%s是收文，发文稿纸只用于发文", arg)
		case form != "outgoing" && d.Direction != app.Incoming:
			return nil, app.Errorf(app.EINVALID, "%s是发文，处理笺和传阅单只用于收文", arg)
		case form == "slip":
			return func(w io.Writer, f *reports.Fonts) (reports.Printed, error) { return reports.HandlingSlip(w, f, st, d) }, nil
		case form == "outgoing":
			return func(w io.Writer, f *reports.Fonts) (reports.Printed, error) { return reports.OutgoingForm(w, f, st, d) }, nil
		}
		readers, err := desk.SuggestReaders(ctx, d)
		if err != nil {
			return nil, err
		}
		var names []string
		for _, l := range readers {
			names = append(names, l.Name)
		}
		return func(w io.Writer, f *reports.Fonts) (reports.Printed, error) {
			return reports.CirculationSlip(w, f, st, d, names)
		}, nil
	case "seal":
		r, err := desk.Store.SealRequestByNumber(ctx, arg)
		if id, convErr := strconv.ParseInt(arg, 10, 64); err != nil && convErr == nil {
			r, err = desk.Store.SealRequest(ctx, id)
		}
		if err != nil {
			return nil, err
		}
		if r.Chain, err = desk.SealChain(ctx, r); err != nil {
			return nil, err
		}
		return func(w io.Writer, f *reports.Fonts) (reports.Printed, error) {
			return reports.SealRequestForm(w, f, st, r)
		}, nil
	case "seal-log":
		y, m, err := parseMonth(arg)
		if err != nil {
			return nil, err
		}
		from := app.D(y, m, 1)
		used, err := app.All(func(p app.Page) ([]app.SealRequest, int, error) {
			return desk.Store.SealRequests(ctx, app.SealFilter{Statuses: []app.SealStatus{app.SealUsed}, UsedFrom: from, UsedTo: from.LastOfMonth(), Sort: "used_on", Page: p})
		})
		if err != nil {
			return nil, err
		}
		return func(w io.Writer, f *reports.Fonts) (reports.Printed, error) {
			return reports.SealLog(w, f, st, from, from.LastOfMonth(), used)
		}, nil
	case "minutes":
		m, err := c.minutes(desk, arg)
		if err != nil {
			return nil, err
		}
		if asWord {
			return func(w io.Writer, f *reports.Fonts) (reports.Printed, error) {
				return reports.Printed{}, reports.MinutesDocx(w, f, st, m)
			}, nil
		}
		return func(w io.Writer, f *reports.Fonts) (reports.Printed, error) { return reports.Minutes(w, f, st, m) }, nil
	case "monthly":
		r, err := c.monthly(desk, arg)
		if err != nil {
			return nil, err
		}
		if asWord {
			return func(w io.Writer, f *reports.Fonts) (reports.Printed, error) {
				return reports.Printed{}, reports.MonthlyReportDocx(w, f, st, r)
			}, nil
		}
		return func(w io.Writer, f *reports.Fonts) (reports.Printed, error) {
			return reports.MonthlyReport(w, f, st, r)
		}, nil
	case "catalog":
		y, err := parseYear(arg)
		if err != nil {
			return nil, err
		}
		docs, err := app.All(func(p app.Page) ([]app.Document, int, error) {
			return desk.Store.Documents(ctx, app.DocumentFilter{ArchiveYear: y, Statuses: []app.DocStatus{app.StatusArchived}, Sort: "archive", Page: p})
		})
		if err != nil {
			return nil, err
		}
		if len(docs) == 0 {
			return nil, app.Errorf(app.ENOTFOUND, "%d年度还没有归档的文件", y)
		}
		return func(w io.Writer, f *reports.Fonts) (reports.Printed, error) {
			return reports.ArchiveCatalog(w, f, st, y, docs)
		}, nil
	}
	if kind, ok := slipForms[form]; ok {
		it, err := c.item(desk, arg)
		if err != nil {
			return nil, err
		}
		if err := it.CanSend(kind, desk.Today()); err != nil {
			return nil, err
		}
		sent := c.slipSent
		return func(w io.Writer, f *reports.Fonts) (reports.Printed, error) {
			return reports.PrintSlip(ctx, desk, it.ID, kind, sent, w, f, st)
		}, nil
	}
	return nil, usagef("没有“%s”这种表单", form)
}

// minutes finds the meeting by id, with the text of its minutes.
func (c *command) minutes(desk *app.Desk, arg string) (*app.Meeting, error) {
	id, err := strconv.ParseInt(arg, 10, 64)
	if err != nil {
		return nil, app.Errorf(app.EINVALID, "请给出会议的id（数字）")
	}
	m, err := desk.Store.Meeting(c.ctx, id)
	if err != nil {
		return nil, err
	}
	if m.Minutes.Body == "" {
		return nil, app.Errorf(app.ESTATE, "%s还没有纪要正文", m.Name())
	}
	return m, nil
}

// monthlyWorkbook writes the statistics tables of the 督查通报 of the
// month as a workbook, a sheet each, for the leaders who want the numbers.
func (c *command) monthlyWorkbook(desk *app.Desk, arg, out string) error {
	r, err := c.monthly(desk, arg)
	if err != nil {
		return err
	}
	var tables []exchange.Table
	for _, t := range reports.MonthlyStatTables(r) {
		tables = append(tables, exchange.Table(t))
	}
	if err := writeFileAtomic(out, func(w io.Writer) error { return exchange.WriteTables(w, tables) }); err != nil {
		return err
	}
	fmt.Fprintln(c.env.Stdout, "已生成 "+out)
	return nil
}

// monthly counts the month YYYY-MM of the 督查通报, or the quarter
// YYYY-Qn of its quarterly edition.
func (c *command) monthly(desk *app.Desk, arg string) (app.MonthlyReport, error) {
	if y, q, ok := strings.Cut(strings.ToUpper(strings.TrimSpace(arg)), "-Q"); ok {
		year, err := parseYear(y)
		if err != nil {
			return app.MonthlyReport{}, err
		}
		quarter, err := strconv.Atoi(q)
		if err != nil || quarter < 1 || quarter > 4 {
			return app.MonthlyReport{}, app.Errorf(app.EINVALID, "季度“%s”应写成 2026-Q4 的形式，季度为1至4", arg)
		}
		return desk.QuarterlyReport(c.ctx, year, quarter)
	}
	y, m, err := parseMonth(arg)
	if err != nil {
		return app.MonthlyReport{}, err
	}
	return desk.MonthlyReport(c.ctx, y, m)
}

// item finds a supervision item by 督办编号 or id.
func (c *command) item(desk *app.Desk, arg string) (*app.Item, error) {
	it, err := desk.Store.ItemByNumber(c.ctx, strings.TrimSpace(arg))
	if id, convErr := strconv.ParseInt(strings.TrimSpace(arg), 10, 64); app.ErrorCode(err) == app.ENOTFOUND && convErr == nil {
		return desk.Store.Item(c.ctx, id)
	}
	return it, err
}

// document finds a document by 收文编号, 文号 or id.
func (c *command) document(desk *app.Desk, arg string) (*app.Document, error) {
	d, err := desk.Store.DocumentBySerial(c.ctx, arg)
	if id, convErr := strconv.ParseInt(strings.TrimSpace(arg), 10, 64); app.ErrorCode(err) == app.ENOTFOUND && convErr == nil {
		return desk.Store.Document(c.ctx, id)
	}
	return d, err
}
