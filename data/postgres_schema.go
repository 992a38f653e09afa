package data

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"

	"gorm.io/gorm"

	"gongwen/app"
)

// The schema of a server office is the SQLite schema (sqlite_schema.go,
// sqlite_migrate.go), translated: the migrations are written once, for
// SQLite, and a server gets the tables, columns and indexes they end with.
// A fresh SQLite database in memory is migrated to the version wanted, and
// each table and index it holds is translated to PostgreSQL
// (pgTranslateTable, pgTranslateIndex). Text is compared byte by byte
// (COLLATE "C") as SQLite does, so that sorts and pages agree.
//
// A server records its version in gongwen_schema (PostgreSQL has no
// user_version). Bringing an older server up to date adds what its version
// lacks: the tables, columns and indexes it does not have yet.

// pgSchemaTable marks a database as a Gongwen Desk office and holds its
// schema version.
const pgSchemaTable = `CREATE TABLE gongwen_schema (
	id      INTEGER PRIMARY KEY CHECK (id = 1),
	program TEXT NOT NULL,
	version INTEGER NOT NULL
)`

// pgProgram is the program gongwen_schema names.
const pgProgram = "gongwen"

// pgExtras is what only a server has: its search columns (postgres_search.go)
// and instr, which SQLite has built in and the list filters use (conds.go).
var pgExtras = []string{
	`ALTER TABLE search_entries ADD COLUMN IF NOT EXISTS body TEXT COLLATE "C" NOT NULL DEFAULT ''`,
	`ALTER TABLE search_entries ADD COLUMN IF NOT EXISTS grams TEXT[] NOT NULL DEFAULT '{}'`,
	`CREATE INDEX IF NOT EXISTS search_entries_grams ON search_entries USING gin (grams)`,
	`CREATE OR REPLACE FUNCTION instr(text, text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT strpos($1, $2)'`,
}

// pgObject is one table or index of the translated schema.
type pgObject struct {
	kind, name, table string
	sql               string
	columns           map[string]string // a table's columns and their definitions
}

// pgSchema is the schema of version target, translated from SQLite.
func pgSchema(target int) ([]pgObject, error) {
	db, sqlDB, err := connect("file::memory:?_foreign_keys=on", 1)
	if err != nil {
		return nil, err
	}
	defer sqlDB.Close()
	if err := migrateTo(db, ":memory:", target); err != nil {
		return nil, err
	}
	var rows []struct{ Type, Name, TblName, SQL string }
	if err := db.Raw(`SELECT type, name, tbl_name, sql FROM sqlite_master
		WHERE sql IS NOT NULL AND type IN ('table', 'index') ORDER BY type = 'index', rowid`).Scan(&rows).Error; err != nil {
		return nil, mapError(err)
	}
	bools := pgBoolColumns(db)
	var virtual []string
	var out []pgObject
	for _, r := range rows {
		if strings.HasPrefix(r.SQL, "CREATE VIRTUAL") {
			virtual = append(virtual, r.Name)
			continue
		}
		if slicesHasPrefix(r.TblName, virtual) {
			continue // FTS5's own tables and indexes
		}
		o := pgObject{kind: r.Type, name: r.Name, table: r.TblName}
		if r.Type == "table" {
			o.sql, o.columns = pgTranslateTable(r.SQL, bools[r.Name])
		} else {
			o.sql = pgTranslateIndex(r.SQL)
		}
		out = append(out, o)
	}
	return out, nil
}

func slicesHasPrefix(name string, prefixes []string) bool {
	for _, p := range prefixes {
		if name == p || strings.HasPrefix(name, p+"_") {
			return true
		}
	}
	return false
}

// pgBoolColumns are the columns the models read as bool (SQLite keeps them
// as 0/1 integers), by table: on a server they are boolean.
func pgBoolColumns(db *gorm.DB) map[string]map[string]bool {
	out := map[string]map[string]bool{
		"day_overrides": {"work": true}, // read and written by SQL of its own (reference.go)
	}
	for _, m := range []any{&documentRow{}, &sealRequestRow{}, &itemRow{}, &followUpRow{}, &unitRow{}, &leaderRow{}, &sealRow{}} {
		st := &gorm.Statement{DB: db}
		if err := st.Parse(m); err != nil {
			continue
		}
		for _, f := range st.Schema.Fields {
			if f.FieldType.Kind() == reflect.Bool && f.DBName != "" {
				if out[st.Schema.Table] == nil {
					out[st.Schema.Table] = map[string]bool{}
				}
				out[st.Schema.Table][f.DBName] = true
			}
		}
	}
	return out
}

var (
	pgColumnLine  = regexp.MustCompile(`^\s*(\w+)\s+(INTEGER|TEXT|DATETIME)\b(.*?)(,?)\s*$`)
	pgDefault01   = regexp.MustCompile(`DEFAULT ([01])\b`)
	pgAddedColumn = regexp.MustCompile(`, (\w+ (?:INTEGER|TEXT|DATETIME)\b)`)
)

// pgTranslateTable translates SQLite's CREATE TABLE (as sqlite_master keeps
// it, one column a line): integer ids become identity columns, integers
// bigint (or boolean where the models read bool), DATETIME timestamptz.
func pgTranslateTable(sql string, bools map[string]bool) (string, map[string]string) {
	cols := map[string]string{}
	var lines []string
	// ALTER TABLE … ADD COLUMN appends ", col …" to the last column line
	sql = pgAddedColumn.ReplaceAllString(sql, ",\n$1")
	for _, l := range strings.Split(sql, "\n") {
		m := pgColumnLine.FindStringSubmatch(l)
		if m == nil || strings.HasPrefix(strings.TrimSpace(l), "CREATE") {
			l = strings.Replace(l, ") WITHOUT ROWID", ")", 1)
			lines = append(lines, l)
			continue
		}
		name, typ, rest, comma := m[1], m[2], m[3], m[4]
		// a column added last by ALTER TABLE carries the table's closing
		// parenthesis on its own line: it is the table's, not the column's
		closing := ""
		if strings.Count(rest, ")") > strings.Count(rest, "(") {
			rest = strings.TrimSuffix(strings.TrimRight(rest, " "), ")")
			closing = "\n)"
		}
		switch {
		case typ == "INTEGER" && strings.HasPrefix(strings.TrimSpace(rest), "PRIMARY KEY") && name == "id" && !strings.Contains(rest, "CHECK"):
			typ = "BIGINT GENERATED BY DEFAULT AS IDENTITY"
		case typ == "INTEGER" && bools[name]:
			typ = "BOOLEAN"
			rest = pgDefault01.ReplaceAllStringFunc(rest, func(d string) string {
				return map[string]string{"DEFAULT 0": "DEFAULT FALSE", "DEFAULT 1": "DEFAULT TRUE"}[d]
			})
		case typ == "INTEGER":
			typ = "BIGINT"
		case typ == "TEXT":
			typ = `TEXT COLLATE "C"`
		case typ == "DATETIME":
			typ = "TIMESTAMPTZ"
		}
		def := typ + rest
		cols[name] = def
		lines = append(lines, "\t"+name+" "+def+comma+closing)
	}
	return strings.Join(lines, "\n"), cols
}

var pgIndexColumns = regexp.MustCompile(`^(CREATE (?:UNIQUE )?INDEX \w+ ON \w+ )\((.*?)\)(.*)$`)

// pgTranslateIndex puts the expressions of an index in parentheses, as
// PostgreSQL wants them ("due_on = ”").
func pgTranslateIndex(sql string) string {
	sql = strings.Join(strings.Fields(sql), " ")
	m := pgIndexColumns.FindStringSubmatch(sql)
	if m == nil {
		return sql
	}
	parts := strings.Split(m[2], ",")
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if strings.ContainsAny(p, " =<>") {
			p = "(" + p + ")"
		}
		parts[i] = p
	}
	return m[1] + "(" + strings.Join(parts, ", ") + ")" + m[3]
}

// pgState is what a server database holds: the program and version of
// gongwen_schema (none when it has no such table) and how many tables.
type pgState struct {
	program string
	version int
	tables  int
}

func pgReadState(db *gorm.DB) (st pgState, err error) {
	if err = db.Raw("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()").Scan(&st.tables).Error; err != nil {
		return
	}
	var has bool
	if err = db.Raw("SELECT to_regclass('gongwen_schema') IS NOT NULL").Scan(&has).Error; err != nil || !has {
		return
	}
	err = db.Raw("SELECT program, version FROM gongwen_schema WHERE id = 1").Row().Scan(&st.program, &st.version)
	return
}

// pgCheckState refuses databases this program must not touch.
func pgCheckState(server string, st pgState) error {
	switch {
	case st.program == "" && st.tables > 0, st.program != "" && st.program != pgProgram:
		return app.Errorf(app.EINVALID, "服务器上的数据库“%s”不是公文督办台的数据库（里面已有别的程序的表），程序没有改动它；请为公文督办台另建一个空数据库", server)
	case st.version > schemaVersion():
		return app.Errorf(app.EINVALID, "服务器上的数据库“%s”来自较新版本的公文督办台（数据版本%d，本程序只认识到版本%d）。为免损坏数据，程序没有打开它；请升级公文督办台后再连接", server, st.version, schemaVersion())
	}
	return nil
}

// pgMigrateTo brings the server database up to version target in one
// transaction; an advisory lock keeps two seats from migrating at once.
func pgMigrateTo(db *gorm.DB, server string, target int) error {
	return db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec("SELECT pg_advisory_xact_lock(4757444)").Error; err != nil {
			return err
		}
		st, err := pgReadState(tx)
		if err != nil {
			return err
		}
		if err := pgCheckState(server, st); err != nil {
			return err
		}
		if st.program != "" && st.version >= target {
			return nil
		}
		objects, err := pgSchema(target)
		if err != nil {
			return err
		}
		have, err := pgExisting(tx)
		if err != nil {
			return err
		}
		for _, o := range objects {
			for _, stmt := range pgMissing(o, have) {
				if err := tx.Exec(stmt).Error; err != nil {
					return app.Errorf(app.EINTERNAL, "在服务器“%s”上建立数据表失败（%s）：%v", server, o.name, mapError(err))
				}
			}
		}
		for _, stmt := range pgExtras {
			if err := tx.Exec(stmt).Error; err != nil {
				return app.Errorf(app.EINTERNAL, "在服务器“%s”上建立检索索引失败：%v", server, mapError(err))
			}
		}
		if st.program == "" {
			if err := tx.Exec(pgSchemaTable).Error; err != nil {
				return err
			}
			return tx.Exec("INSERT INTO gongwen_schema (id, program, version) VALUES (1, ?, ?)", pgProgram, target).Error
		}
		return tx.Exec("UPDATE gongwen_schema SET version = ? WHERE id = 1", target).Error
	})
}

// pgHave is what a server database already holds: tables with their
// columns, and index names.
type pgHave struct {
	columns map[string]map[string]bool
	indexes map[string]bool
}

func pgExisting(db *gorm.DB) (pgHave, error) {
	h := pgHave{columns: map[string]map[string]bool{}, indexes: map[string]bool{}}
	var cols []struct{ TableName, ColumnName string }
	if err := db.Raw(`SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = current_schema()`).Scan(&cols).Error; err != nil {
		return h, err
	}
	for _, c := range cols {
		if h.columns[c.TableName] == nil {
			h.columns[c.TableName] = map[string]bool{}
		}
		h.columns[c.TableName][c.ColumnName] = true
	}
	var idx []string
	if err := db.Raw("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()").Scan(&idx).Error; err != nil {
		return h, err
	}
	for _, n := range idx {
		h.indexes[n] = true
	}
	return h, nil
}

// pgMissing is what creates o, or the columns of o that have, lacks.
func pgMissing(o pgObject, have pgHave) []string {
	if o.kind == "index" {
		if have.indexes[o.name] {
			return nil
		}
		return []string{o.sql}
	}
	cols, ok := have.columns[o.name]
	if !ok {
		return []string{o.sql}
	}
	var out []string
	for name, def := range o.columns {
		if !cols[name] {
			out = append(out, fmt.Sprintf("ALTER TABLE %s ADD COLUMN %s %s", o.name, name, def))
		}
	}
	return out
}
