package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"gongwen/app"
	"gongwen/data"
	"gongwen/exchange"
	"gongwen/sample"
)

func (c *command) demo(args []string) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	scale := fs.String("scale", "small", "")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 || (*scale != "small" && *scale != "large") {
		return usagef("用法：gongwen demo [--scale small|large]（small：两年的示例数据；large：十年、十万件公文的大型示例数据）")
	}
	desk, err := c.open()
	if err != nil {
		return err
	}
	defer c.close()
	var loaded bool
	if *scale == "large" {
		started := time.Now()
		if _, n, err := desk.Store.Documents(c.ctx, app.DocumentFilter{Page: app.Page{Limit: 1}}); err == nil && n == 0 {
			fmt.Fprintf(c.env.Stdout, "正在生成大型示例数据（%s）到 %s，需要几分钟……\n", sample.LargeOptions{}.Sizes(), c.name())
		}
		year := 0
		loaded, err = sample.LoadLarge(c.ctx, desk, sample.LargeOptions{Progress: func(through app.Date, records int) {
			if through.Year != year {
				year = through.Year
				fmt.Fprintf(c.env.Stdout, "  已写入至%s，%d条记录，用时%s\n", through.Chinese(), records, time.Since(started).Round(time.Second))
			}
		}})
	} else {
		loaded, err = sample.Load(c.ctx, desk)
	}
	if err != nil {
		return err
	}
	if !loaded {
		fmt.Fprintln(c.env.Stdout, "示例数据已在 "+c.name()+" 中，未重复载入。")
		return nil
	}
	_, docs, _ := desk.Store.Documents(c.ctx, app.DocumentFilter{Page: app.Page{Limit: 1}})
	_, seals, _ := desk.Store.SealRequests(c.ctx, app.SealFilter{Page: app.Page{Limit: 1}})
	_, items, _ := desk.Store.Items(c.ctx, app.ItemFilter{Page: app.Page{Limit: 1}})
	_, meetings, _ := desk.Store.Meetings(c.ctx, app.MeetingFilter{Page: app.Page{Limit: 1}})
	fmt.Fprintf(c.env.Stdout, "已载入示例数据到 %s：公文%d件，用印申请%d件，督办事项%d项，会议%d次。\n", c.name(), docs, seals, items, meetings)
	return nil
}

func (c *command) search(args []string) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "")
	limit := fs.Int("limit", 50, "")
	words, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(words) != 1 {
		return usagef("请给出要查找的文字，如：gongwen search 安全生产")
	}
	desk, err := c.openToRead()
	if err != nil {
		return err
	}
	defer c.close()
	hits, total, err := desk.Store.Search(c.ctx, words[0], app.Page{Limit: *limit})
	if err != nil {
		return err
	}
	if *asJSON {
		type hit struct {
			Entity  string `json:"entity"`
			ID      int64  `json:"id"`
			Number  string `json:"number"`
			Title   string `json:"title"`
			Snippet string `json:"snippet"`
			Date    string `json:"date"`
			Status  string `json:"status"`
		}
		out := struct {
			Total int   `json:"total"`
			Hits  []hit `json:"hits"`
		}{Total: total, Hits: []hit{}}
		for _, h := range hits {
			clean := app.StripControl // JSON escapes C0 controls but not C1 (U+009B is a terminal's CSI)
			out.Hits = append(out.Hits, hit{string(h.Entity), h.ID, clean(h.Number), clean(h.Title), clean(h.Snippet), h.Date.String(), clean(h.Status)})
		}
		enc := json.NewEncoder(c.env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	for _, h := range hits {
		// the window's names of the registers: 收文, 发文, 用印, 督查, 会议
		fmt.Fprintf(c.env.Stdout, "%s\t%s\t%s\t%s\t%s\n", h.Book(), terminalText(h.Number), h.Date, terminalText(h.Status), terminalText(h.Title))
	}
	fmt.Fprintf(c.env.Stdout, "共找到%d条", total)
	if total > len(hits) {
		fmt.Fprintf(c.env.Stdout, "，显示前%d条", len(hits))
	}
	fmt.Fprintln(c.env.Stdout)
	return nil
}

// exportPageSize is how many records export reads at a time; a book is
// never held in memory whole.
const exportPageSize = 500

func (c *command) export(args []string) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	format := fs.String("format", "json", "")
	out := fs.String("o", "", "")
	year := fs.Int("year", 0, "")
	books, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(books) != 1 {
		return usagef("请指明导出哪本登记簿：docs、seals、supervision 或 meetings")
	}
	if err := formatOfFile(fs, format, *out); err != nil {
		return err
	}
	switch *format {
	case "json":
	case "xlsx", "csv":
		return c.exportTable(books[0], *format, *out, *year)
	default:
		return usagef("导出格式应为 json、xlsx 或 csv")
	}
	desk, err := c.openToRead()
	if err != nil {
		return err
	}
	defer c.close()
	var each func(page app.Page, emit func(any) error) (int, error)
	switch books[0] {
	case "docs":
		each = func(p app.Page, emit func(any) error) (int, error) {
			return emitPage(desk.Store.Documents(c.ctx, app.DocumentFilter{Sort: "id", Page: p}))(func(d *app.Document) error { return emit(exchange.Document(d)) })
		}
	case "seals":
		each = func(p app.Page, emit func(any) error) (int, error) {
			return emitPage(desk.Store.SealRequests(c.ctx, app.SealFilter{Sort: "id", Page: p}))(func(r *app.SealRequest) error { return emit(exchange.Seal(r)) })
		}
	case "supervision":
		each = func(p app.Page, emit func(any) error) (int, error) {
			return emitPage(desk.Store.Items(c.ctx, app.ItemFilter{Sort: "id", Page: p}))(func(it *app.Item) error { return emit(exchange.Item(it, desk.Colour(it))) })
		}
	case "meetings":
		each = func(p app.Page, emit func(any) error) (int, error) {
			return emitPage(desk.Store.Meetings(c.ctx, app.MeetingFilter{Sort: "id", Page: p}))(func(m *app.Meeting) error { return emit(exchange.Meeting(m)) })
		}
	default:
		return usagef("没有“%s”这本登记簿，应为 docs、seals、supervision 或 meetings", books[0])
	}
	write := func(w io.Writer) error { return writeJSONArray(w, each) }
	if *out == "" || *out == "-" {
		return write(c.env.Stdout)
	}
	if err := writeFileAtomic(*out, write); err != nil {
		return err
	}
	fmt.Fprintln(c.env.Stderr, "已导出到 "+*out)
	return nil
}

// emitPage adapts one page of a list to a per-record callback; it returns
// how many records the page held.
func emitPage[T any](rows []T, _ int, err error) func(func(*T) error) (int, error) {
	return func(emit func(*T) error) (int, error) {
		if err != nil {
			return 0, err
		}
		for i := range rows {
			if err := emit(&rows[i]); err != nil {
				return i, err
			}
		}
		return len(rows), nil
	}
}

// writeJSONArray writes the records page by page as one indented array.
func writeJSONArray(w io.Writer, each func(app.Page, func(any) error) (int, error)) error {
	if _, err := io.WriteString(w, "["); err != nil {
		return err
	}
	first := true
	emit := func(v any) error {
		b, err := json.MarshalIndent(v, "  ", "  ")
		if err != nil {
			return err
		}
		sep := ",\n  "
		if first {
			sep, first = "\n  ", false
		}
		_, err = io.WriteString(w, sep+string(b))
		return err
	}
	for offset := 0; ; offset += exportPageSize {
		n, err := each(app.Page{Offset: offset, Limit: exportPageSize}, emit)
		if err != nil {
			return err
		}
		if n < exportPageSize {
			break
		}
	}
	end := "\n]\n"
	if first {
		end = "]\n"
	}
	_, err := io.WriteString(w, end)
	return err
}

func (c *command) due(args []string) error {
	fs := flag.NewFlagSet("due", flag.ContinueOnError)
	from := fs.String("from", "", "")
	n := fs.Int("workdays", -1, "")
	if rest, err := parseFlags(fs, args); err != nil || len(rest) > 0 {
		return usagef("用法：gongwen due --from 2026-01-05 --workdays 5")
	}
	if *from == "" || *n < 0 {
		return usagef("请给出 --from 日期 和 --workdays 工作日数")
	}
	start, err := app.ParseDate(*from)
	if err != nil {
		return err
	}
	cal := app.NewCalendar(nil, nil)
	// The office's own holiday corrections count when its database exists;
	// a date question never creates one.
	if _, statErr := os.Stat(c.dbPath); statErr == nil || c.onServer() {
		desk, err := c.openToRead()
		if err != nil {
			return err
		}
		defer c.close()
		cal = desk.Calendar()
	}
	// a date that may move when the year's holidays are entered is refused
	due, warn := cal.AddWorkdays(start, *n)
	if warn != nil {
		return app.Errorf(app.ESTATE, "%s", warn)
	}
	fmt.Fprintln(c.env.Stdout, due.String())
	return nil
}

func (c *command) backup(args []string) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	out := fs.String("o", "", "")
	if rest, err := parseFlags(fs, args); err != nil || len(rest) > 0 {
		return usagef("用法：gongwen backup [-o 文件]")
	}
	if c.onServer() {
		return data.ServerRefusesFiles(c.dbPath)
	}
	if _, err := os.Stat(c.dbPath); err != nil {
		return app.Errorf(app.ENOTFOUND, "数据文件%s不存在，无需备份", c.dbPath)
	}
	if _, err := c.openToRead(); err != nil {
		return err
	}
	defer c.close()
	dest, err := *out, error(nil)
	if dest == "" { // named after its data file, in its backups folder
		dest, err = c.store.BackupInto(c.ctx, BackupDir(c.dbPath), time.Now())
	} else {
		err = c.store.Backup(c.ctx, dest)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(c.env.Stdout, "已备份到 "+dest)
	return nil
}

func (c *command) restore(args []string) error {
	if len(args) != 1 {
		return usagef("用法：gongwen restore 备份文件")
	}
	if c.onServer() {
		return data.ServerRefusesFiles(c.dbPath)
	}
	if err := data.Restore(args[0], c.dbPath); err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stdout, "已从 %s 恢复数据到 %s（原数据另存为 %s.before-restore）。\n", args[0], c.dbPath, c.dbPath)
	return nil
}

func (c *command) check(args []string) error {
	if len(args) > 0 {
		return usagef("check 不带参数")
	}
	if _, err := c.openToRead(); err != nil {
		return err
	}
	defer c.close()
	problems, err := c.store.Check(c.ctx)
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(c.env.Stdout, app.StripControl(fmt.Sprint(p)))
		}
		return app.Errorf(app.EINTERNAL, "数据库检查发现%d处问题，请从备份恢复", len(problems))
	}
	fmt.Fprintln(c.env.Stdout, "数据库完好："+c.name())
	return nil
}

// parseMonth reads YYYY-MM.
func parseMonth(s string) (int, time.Month, error) {
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return 0, 0, app.Errorf(app.EINVALID, "月份“%s”应写成 2026-01 的形式", s)
	}
	return t.Year(), t.Month(), nil
}

// parseYear reads a four-digit year.
func parseYear(s string) (int, error) {
	y, err := strconv.Atoi(s)
	if err != nil || y < 1949 || y > 2200 {
		return 0, app.Errorf(app.EINVALID, "年份“%s”不对，应为四位数字，如 2026", s)
	}
	return y, nil
}

// formatOfFile makes the export format and the name of the file agree: with
// no --format, a file named .xlsx, .csv or .json gets that format; a
// --format that contradicts the name is refused, so that no .csv holds a
// workbook and no .xlsx holds JSON.
func formatOfFile(fs *flag.FlagSet, format *string, out string) error {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(out), "."))
	if ext != "xlsx" && ext != "csv" && ext != "json" {
		return nil
	}
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == "format" })
	if !given {
		*format = ext
		return nil
	}
	if *format != ext {
		return app.Errorf(app.EINVALID, "导出格式 %s 与文件名 %s 不符：请把文件名改为以 .%s 结尾，或改用 --format %s", *format, filepath.Base(out), *format, ext)
	}
	return nil
}
