package exchange

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"gongwen/app"
)

// How cells are read: registers write the same value many ways, and each
// reader here accepts them all and says in Chinese what it could not read.

// cellCtx is what reading a cell may need beyond its text.
type cellCtx struct {
	year     int  // the year of the sheet or file, for dates written without one
	date1904 bool // the workbook counts its date serials from 1904
}

// ParseDate reads a date cell: everything app.ParseDate reads (2024-03-05,
// 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, full-width digits), and also an
// Excel date serial (45356), a date with a time of day, 24.3.5, 3/5/2024,
// and 3月5日 or 3.5 with the year given (0: none known).
func ParseDate(s string, year int) (app.Date, error) {
	return parseDate(s, cellCtx{year: year})
}

func parseDate(cell string, cx cellCtx) (app.Date, error) {
	s := strings.TrimSpace(app.NormalizeWidth(cell))
	if s == "" {
		return app.Date{}, nil
	}
	bad := app.Errorf(app.EINVALID, "日期“%s”无法识别，请按 2024-03-05 的格式填写", app.Excerpt(cell))
	if whole, _, _ := strings.Cut(s, "."); len(whole) == 5 && isDigits(whole) {
		if serial, err := strconv.ParseFloat(s, 64); err == nil {
			return serialDate(serial, cx.date1904, bad)
		}
	}
	// a time of day after the date: 2024-03-05 10:30, 2024/3/5 9:00:00
	if i := strings.IndexAny(s, " T"); i > 0 && strings.Contains(s[i:], ":") {
		s = strings.TrimSpace(s[:i])
	}
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(s, "日"), "号"))
	var parts []string
	if len(s) == 8 && isDigits(s) {
		parts = []string{s[:4], s[4:6], s[6:]}
	} else {
		parts = strings.FieldsFunc(s, func(r rune) bool {
			return r == '-' || r == '/' || r == '.' || r == '年' || r == '月' || r == ' ' || r == '_'
		})
	}
	var n []int
	for _, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || !isDigits(p) {
			return app.Date{}, bad
		}
		n = append(n, v)
	}
	var y, m, d int
	switch {
	case len(n) == 2 && cx.year == 0:
		return app.Date{}, app.Errorf(app.EINVALID, "日期“%s”没有年份，工作表名称和文件名中也找不到年份，请写全年月日（如 2024-03-05）", app.Excerpt(cell))
	case len(n) == 2:
		y, m, d = cx.year, n[0], n[1]
	case len(n) != 3:
		return app.Date{}, bad
	case n[0] >= 100:
		y, m, d = n[0], n[1], n[2]
	case n[2] >= 100: // 3/5/2024, as English Excel writes
		y, m, d = n[2], n[0], n[1]
	case len(parts[0]) == 2: // 24.3.5
		y, m, d = 2000+n[0], n[1], n[2]
	default:
		return app.Date{}, bad
	}
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 {
		return app.Date{}, bad
	}
	date := app.D(y, time.Month(m), d)
	if date.Day != d {
		return app.Date{}, app.Errorf(app.EINVALID, "日期“%s”不存在（%d年%d月没有%d日）", app.Excerpt(cell), y, m, d)
	}
	return inWindow(date, cell)
}

// firstDate is the earliest date a register can hold: the founding of
// the People's Republic. The latest is ten years from today (a 办理时限 or
// a 完成时限 lies ahead, a 2173 is a typing error).
var firstDate = app.D(1949, 10, 1)

// inWindow refuses a date outside firstDate … today + 10 years.
func inWindow(date app.Date, cell string) (app.Date, error) {
	last := app.DateOf(app.Today().Time().AddDate(10, 0, 0))
	if date.Before(firstDate) || date.After(last) {
		return app.Date{}, app.Errorf(app.EINVALID, "日期“%s”不在%s至%s之间，请检查年份", app.Excerpt(cell), firstDate.Chinese(), last.Chinese())
	}
	return date, nil
}

// serialDate turns an Excel date serial into a date; the time of day, if
// any, is dropped.
func serialDate(serial float64, date1904 bool, bad error) (app.Date, error) {
	days := math.Floor(serial)
	if days < 1 || days > 2958465 {
		return app.Date{}, bad
	}
	base := app.D(1899, 12, 30) // serial 60 is Excel's 29 February 1900, which never was
	switch {
	case date1904:
		base = app.D(1904, 1, 1)
	case days < 60:
		base = app.D(1899, 12, 31)
	case days == 60:
		return app.Date{}, bad
	}
	d := base.AddDays(int(days))
	if d.Year < 1949 || d.Year > 2200 {
		return app.Date{}, bad
	}
	return inWindow(d, strconv.FormatFloat(serial, 'f', -1, 64))
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// ParseDocNo reads a 文号 cell and returns its normal form: 代字〔年〕序号号
// when it parses (from [], 【】, （）, full-width digits, spaces), else the
// text as written; "无", "/" and dashes mean none.
func ParseDocNo(s string) string {
	s = strings.TrimSpace(strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return -1
		}
		return r
	}, s))
	if blankMark(s) {
		return ""
	}
	return app.NormalizeDocNo(s)
}

// warning is what a cell reader says about a cell it read and kept: the
// row is imported, and the import reports it.
type warning struct{ msg string }

func (w *warning) Error() string { return w.msg }

// docNoWarning warns of a 文号 written in brackets that does not read as
// 代字〔年份〕序号号 (括号发〔2026号, 〔2026〕10号, a 20-digit serial): it is
// kept as written, and search finds it, but the duplicate check can only
// match it written the same way.
func docNoWarning(no string) error {
	if no == "" || !strings.ContainsAny(no, "〔〕[]【】（）()［］{}｛｝") {
		return nil
	}
	if _, err := app.ParseDocNo(no); err != nil {
		return &warning{fmt.Sprintf("文号“%s”不是“代字〔年份〕序号号”的格式（如 西府办发〔2026〕7号），已按原样导入，查重时只能与写法完全相同的文号比对，请核对", app.Excerpt(no))}
	}
	return nil
}

// blankMark reports whether a cell only says "nothing here".
func blankMark(s string) bool {
	switch strings.TrimSpace(s) {
	case "", "无", "/", "／", "-", "－", "—", "——", "―", "空", "暂无":
		return true
	}
	return false
}

// parseInt reads a count: 3, ３, 3份, 3.0 (as Excel stores numbers).
func parseInt(cell string) (int, error) {
	s := strings.TrimSpace(app.NormalizeWidth(cell))
	s = strings.TrimRightFunc(s, func(r rune) bool { return strings.ContainsRune("份页件次个张册本套号", r) || r == ' ' })
	if s == "" || blankMark(s) {
		return 0, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	switch {
	case err == nil && f >= 0 && f < 1e6 && f == math.Trunc(f):
		return int(f), nil
	case err == nil && f < 0:
		return 0, app.Errorf(app.EINVALID, "“%s”是负数，应为0或正整数", app.Excerpt(cell))
	case err == nil && f >= 1e6:
		return 0, app.Errorf(app.EINVALID, "“%s”太大，应小于1000000", app.Excerpt(cell))
	case err == nil:
		return 0, app.Errorf(app.EINVALID, "“%s”不是整数", app.Excerpt(cell))
	}
	return 0, app.Errorf(app.EINVALID, "“%s”不是数字", app.Excerpt(cell))
}

// parseLimit reads a 办理时限: a number of working days (5, 5个工作日, 5天)
// or the date it ends.
func parseLimit(cell string, cx cellCtx) (days int, due app.Date, err error) {
	s := strings.TrimSpace(app.NormalizeWidth(cell))
	for _, suffix := range []string{"个工作日", "工作日", "天", "日"} {
		if t := strings.TrimSpace(strings.TrimSuffix(s, suffix)); t != s && isDigits(t) {
			s = t
			break
		}
	}
	if isDigits(s) && len(s) <= 3 {
		days, _ = strconv.Atoi(s)
		return days, app.Date{}, nil
	}
	if due, err = parseDate(cell, cx); err != nil {
		return 0, app.Date{}, app.Errorf(app.EINVALID, "办理时限“%s”应为工作日数（如 5）或日期", app.Excerpt(cell))
	}
	return 0, due, nil
}

// parseBool reads 是/否.
func parseBool(cell string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(app.NormalizeWidth(cell))) {
	case "", "否", "不", "无", "n", "no", "false", "0", "×", "x", "/", "-":
		return false, nil
	case "是", "有", "y", "yes", "true", "1", "√", "✓", "v":
		return true, nil
	}
	return false, app.Errorf(app.EINVALID, "“%s”应为“是”或“否”", app.Excerpt(cell))
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// splitList reads names separated by 、，, ；; / or line breaks.
func splitList(cell string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(cell, func(r rune) bool { return strings.ContainsRune("、，,；;/／\n\r", r) }) {
		if f = cleanName(f); f != "" && !blankMark(f) {
			out = append(out, f)
		}
	}
	return out
}

// splitLines reads one entry a line.
func splitLines(cell string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(cell, "\r", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// cleanName removes every space from a unit's or a person's name: registers
// space names out to align them (张  三, 区 财 政 局).
func cleanName(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' {
			return -1
		}
		return r
	}, s)
}

// cleanLine keeps one line of text: the line breaks a cell was wrapped with
// are dropped (Chinese needs no space in their place).
func cleanLine(s string) string {
	return strings.TrimSpace(strings.NewReplacer("\r\n", "", "\n", "", "\r", "", "\t", " ").Replace(s))
}

// cleanText keeps free text with its line breaks.
func cleanText(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
}

// enum reads one of a set of values by label, value or synonym.
type enum[S ~string] struct {
	what   string // 密级, 状态 …
	byName map[string]S
	hint   string
}

func newEnum[S ~string](what string, all []S, label func(S) string, synonyms map[string]S) enum[S] {
	e := enum[S]{what: what, byName: map[string]S{}}
	var names []string
	for _, v := range all {
		e.byName[string(v)] = v
		if l := label(v); l != "" {
			e.byName[l] = v
			names = append(names, l)
		}
	}
	for k, v := range synonyms {
		e.byName[k] = v
	}
	e.hint = strings.Join(names, "、")
	return e
}

func (e enum[S]) parse(cell string) (S, error) {
	s := cleanName(app.NormalizeWidth(cell))
	if v, ok := e.byName[s]; ok || s == "" {
		return v, nil
	}
	return "", app.Errorf(app.EINVALID, "%s“%s”无法识别，应为%s", e.what, app.Excerpt(cell), e.hint)
}

var (
	docStatuses = newEnum("状态", append(append([]app.DocStatus{}, app.IncomingStatuses...), app.OutgoingStatuses...), app.DocStatus.Label,
		map[string]app.DocStatus{"登记": app.StatusRegistered, "已登记": app.StatusRegistered, "待办": app.StatusRegistered,
			"已拟办": app.StatusProposed, "在办": app.StatusAssigned, "办理中": app.StatusAssigned, "正在办理": app.StatusAssigned,
			"已交办": app.StatusAssigned, "办结": app.StatusDone, "已办": app.StatusDone, "已完成": app.StatusDone, "完成": app.StatusDone,
			"归档": app.StatusArchived, "退文": app.StatusReturned, "转办": app.StatusTransferred, "已签发": app.StatusSigned,
			"印发": app.StatusIssued, "已发": app.StatusIssued, "已发文": app.StatusIssued})
	sealStatuses = newEnum("状态", app.SealStatuses, app.SealStatus.Label,
		map[string]app.SealStatus{"已盖章": app.SealUsed, "用印": app.SealUsed, "已用": app.SealUsed, "已批准": app.SealApproved,
			"退回": app.SealRejected, "撤回": app.SealWithdrawn})
	itemStatuses = newEnum("状态", []app.ItemStatus{app.ItemOpen, app.ItemDone}, app.ItemStatus.Label,
		map[string]app.ItemStatus{"在办": app.ItemOpen, "办理中": app.ItemOpen, "未办结": app.ItemOpen, "推进中": app.ItemOpen,
			"办结": app.ItemDone, "已完成": app.ItemDone, "完成": app.ItemDone, "已销号": app.ItemDone, "销号": app.ItemDone})
	docKinds = newEnum("文件类别", []app.DocKind{app.KindAction, app.KindReading}, func(k app.DocKind) string { return string(k) },
		map[string]app.DocKind{"办": app.KindAction, "阅": app.KindReading, "阅知": app.KindReading, "传阅": app.KindReading})
	sourceTypes = newEnum("事项来源", app.SourceTypes, func(s app.SourceType) string { return string(s) },
		map[string]app.SourceType{"批示": app.SourceInstruction, "领导批示件": app.SourceInstruction, "会议": app.SourceMeeting,
			"会议议定": app.SourceMeeting, "会议纪要": app.SourceMeeting, "重点任务": app.SourceKeyTask, "上级部署": app.SourceSuperior,
			"人大建议": app.SourceNPC, "建议": app.SourceNPC, "政协提案": app.SourceCPPCC, "提案": app.SourceCPPCC,
			"群众来信": app.SourceLetter, "来信来电": app.SourceLetter, "12345": app.SourceLetter, "项目": app.SourceProject})
	satisfactions = newEnum("满意度", []app.Satisfaction{app.Satisfied, app.FairlySatisfied, app.Unsatisfied},
		func(s app.Satisfaction) string { return string(s) }, nil)
)

// dateText is a date as CSV and previews show it.
func dateText(d app.Date) string { return d.String() }

// text renders any cell value as text.
func text(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case int:
		if v == 0 {
			return ""
		}
		return strconv.Itoa(v)
	case app.Date:
		return dateText(v)
	}
	return fmt.Sprint(v)
}
