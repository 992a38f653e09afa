package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gongwen/app"
)

// maxReported bounds the problems listed per kind, so that a badly damaged
// file still gives a readable report.
const maxReported = 20

// column kinds recordProblems checks.
const (
	kindText = iota
	kindInt
	kindList // a JSON array (co-units, attendees, a seal's chain …)
	kindDate // 'YYYY-MM-DD' or ''
	kindTime // a DATETIME the driver reads as a time
)

// tableColumn is one column of a book table and what it must hold.
type tableColumn struct {
	name string
	kind int
}

// recordProblems reads every row of every table (the search index aside,
// searchProblems compares it) and reports values the program would read
// wrong or not at all: a list that is not a JSON array, a date that is not
// a date (it would read back as none), a time that does not parse (it
// would read back as the zero time), text that is not UTF-8, a number
// that is text, and settings that do not decode.
func recordProblems(ctx context.Context, db *sql.DB) ([]string, error) {
	tables, err := column(ctx, db, `SELECT name FROM sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'search%' ORDER BY name`)
	if err != nil {
		return nil, err
	}
	var problems []string
	report := func(format string, args ...any) {
		if len(problems) < maxReported {
			problems = append(problems, fmt.Sprintf(format, args...))
		} else if len(problems) == maxReported {
			problems = append(problems, "……（更多无法读取的记录未列出）")
		}
	}
	for _, table := range tables {
		cols, err := tableColumns(ctx, db, table)
		if err != nil {
			return nil, err
		}
		if err := checkRows(ctx, db, table, cols, report); err != nil {
			return nil, err
		}
	}
	var js []string
	if err := scanAll(ctx, db, "SELECT json FROM settings", &js); err != nil {
		return nil, err
	}
	for _, j := range js {
		var st app.Settings
		if err := json.Unmarshal([]byte(j), &st); err != nil {
			report("设置无法读取（%s）", shortReason(err))
		}
	}
	return problems, nil
}

// tableColumns reads a table's columns and classifies them: DATETIME is a
// time, INTEGER a number, a TEXT column whose default is '[]' a list, and
// the date columns by their names (…_on, on_date, deadline, day).
func tableColumns(ctx context.Context, db *sql.DB, table string) ([]tableColumn, error) {
	rows, err := db.QueryContext(ctx, "SELECT name, type, coalesce(dflt_value, '') FROM pragma_table_info(?)", table)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []tableColumn
	for rows.Next() {
		var name, typ, dflt string
		if err := rows.Scan(&name, &typ, &dflt); err != nil {
			return nil, mapError(err)
		}
		c := tableColumn{name: name, kind: kindText}
		switch {
		case strings.EqualFold(typ, "DATETIME"):
			c.kind = kindTime
		case strings.EqualFold(typ, "INTEGER"):
			c.kind = kindInt
		case dflt == "'[]'":
			c.kind = kindList
		case strings.HasSuffix(name, "_on") || name == "on_date" || name == "deadline" || name == "day":
			c.kind = kindDate
		}
		out = append(out, c)
	}
	return out, mapError(rows.Err())
}

// checkRows reads one table row by row.
func checkRows(ctx context.Context, db *sql.DB, table string, cols []tableColumn, report func(string, ...any)) error {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = `"` + c.name + `"`
	}
	rows, err := db.QueryContext(ctx, "SELECT rowid, "+strings.Join(names, ", ")+` FROM "`+table+`"`)
	if err != nil {
		// WITHOUT ROWID tables (counters, day_overrides) have no rowid
		if rows, err = db.QueryContext(ctx, "SELECT 0, "+strings.Join(names, ", ")+` FROM "`+table+`"`); err != nil {
			return mapError(err)
		}
	}
	defer rows.Close()
	values := make([]any, len(cols)+1)
	ptrs := make([]any, len(values))
	for i := range values {
		ptrs[i] = &values[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return mapError(err)
		}
		for i, c := range cols {
			if why := badValue(c.kind, values[i+1]); why != "" {
				report("表%s第%v行的%s%s", table, values[0], c.name, why)
			}
		}
	}
	return mapError(rows.Err())
}

// badValue says what is wrong with a value of the given kind ("" if
// nothing).
func badValue(kind int, v any) string {
	if b, ok := v.([]byte); ok {
		v = string(b)
	}
	if s, ok := v.(string); ok && !utf8.ValidString(s) {
		return "含有无法识别的字符（乱码）"
	}
	switch kind {
	case kindInt:
		if _, ok := v.(int64); !ok && v != nil {
			return fmt.Sprintf("应为数字，却是“%s”", clip(v))
		}
	case kindTime:
		if t, ok := v.(time.Time); !ok || t.IsZero() {
			return "的时间无法读取"
		}
	case kindList:
		s, _ := v.(string)
		var list []json.RawMessage
		if err := json.Unmarshal([]byte(s), &list); err != nil {
			return fmt.Sprintf("的列表无法读取（“%s”）", clip(v))
		}
	case kindDate:
		s, ok := v.(string)
		if !ok {
			return fmt.Sprintf("应为日期，却是“%s”", clip(v))
		}
		if s == "" {
			return ""
		}
		if d, err := app.ParseDate(s); err != nil || d.String() != s {
			return fmt.Sprintf("的日期“%s”无法读取", clip(v))
		}
	}
	return ""
}

// clip shows at most 20 characters of a bad value.
func clip(v any) string {
	s := strings.ToValidUTF8(fmt.Sprint(v), "�")
	if r := []rune(s); len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}

func shortReason(err error) string { return clip(err.Error()) }

// referenceProblems finds references that SQLite's foreign keys do not
// cover: a supervision item's source document and meeting, a meeting
// decision's item, a document's duplicate.
func referenceProblems(ctx context.Context, db *sql.DB) ([]string, error) {
	var problems []string
	for _, r := range []struct{ what, query string }{
		{"督办事项的来源公文", `SELECT number FROM items i WHERE source_doc_id <> 0 AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = i.source_doc_id)`},
		{"督办事项的来源会议", `SELECT number FROM items i WHERE source_meeting_id <> 0 AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.id = i.source_meeting_id)`},
		{"会议议定事项的督办事项", `SELECT m.kind || '第' || m.seq || '次' FROM meeting_decisions x JOIN meetings m ON m.id = x.meeting_id WHERE x.item_id <> 0 AND NOT EXISTS (SELECT 1 FROM items i WHERE i.id = x.item_id)`},
		{"重复公文所指的原件", `SELECT serial FROM documents d WHERE duplicate_of <> 0 AND NOT EXISTS (SELECT 1 FROM documents o WHERE o.id = d.duplicate_of)`},
	} {
		var owners []string
		if err := scanAll(ctx, db, r.query, &owners); err != nil {
			return nil, err
		}
		for i, o := range owners {
			if i == 5 {
				problems = append(problems, fmt.Sprintf("……另有%d处%s不存在", len(owners)-5, r.what))
				break
			}
			problems = append(problems, fmt.Sprintf("“%s”引用的%s不存在", clip(o), r.what))
		}
	}
	return problems, nil
}

// counterProblems finds counters behind the highest number already given
// out: the next 收文编号, 督办编号 … would repeat one.
func counterProblems(ctx context.Context, db *sql.DB) ([]string, error) {
	return counterProblemsWhere(ctx, db, "GLOB '[0-9][0-9][0-9][0-9]-[0-9]*'")
}

// counterProblemsWhere is counterProblems with the engine's test of a
// number "YYYY-N…" (numbered).
func counterProblemsWhere(ctx context.Context, db *sql.DB, numbered string) ([]string, error) {
	rows, err := db.QueryContext(ctx, `WITH used (name, top) AS (
		SELECT 'in:' || year, max(serial_num) FROM documents WHERE direction = 'in' AND serial <> '' GROUP BY year
		UNION ALL SELECT 'item:' || year, max(seq) FROM items WHERE number <> '' GROUP BY year
		UNION ALL SELECT 'seal:' || substr(number, 1, 4), max(CAST(substr(number, 6) AS INTEGER)) FROM seal_requests
			WHERE number `+numbered+` GROUP BY substr(number, 1, 4)
		UNION ALL SELECT 'seallog:' || substr(log_no, 1, 4), max(CAST(substr(log_no, 6) AS INTEGER)) FROM seal_requests
			WHERE log_no `+numbered+` GROUP BY substr(log_no, 1, 4)
		UNION ALL SELECT 'archive:' || archive_year || ':' || archive_retention, max(archive_piece) FROM documents
			WHERE archive_piece > 0 GROUP BY archive_year, archive_retention
		UNION ALL SELECT 'minutes:' || kind || ':' || minutes_year, max(minutes_number) FROM meetings
			WHERE minutes_number > 0 GROUP BY kind, minutes_year)
		SELECT u.name, u.top, coalesce(c.value, 0) FROM used u LEFT JOIN counters c ON c.name = u.name
		WHERE coalesce(c.value, 0) < u.top ORDER BY u.name`)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var name string
		var top, value int
		if err := rows.Scan(&name, &top, &value); err != nil {
			return nil, mapError(err)
		}
		problems = append(problems, fmt.Sprintf("编号计数器%s是%d，但已用到%d：下一个编号会重复", name, value, top))
	}
	return problems, mapError(rows.Err())
}

// scanAll reads a one-column result into out.
func scanAll(ctx context.Context, db *sql.DB, query string, out *[]string) error {
	got, err := column(ctx, db, query)
	*out = got
	return err
}

// column reads a one-column result.
func column(ctx context.Context, db *sql.DB, query string) ([]string, error) {
	out, err := pragmaRows(ctx, db, query)
	return out, mapError(err)
}
