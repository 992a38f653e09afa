package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"gongwen/app"
)

// pgEngine is the engine of a Store on a PostgreSQL server: the search
// index of character grams under GIN (postgres_search.go), plain page
// reads (PostgreSQL's planner has the statistics SQLite's lacks), and the
// checks a server needs. The server keeps its own storage sound, so
// nothing here refuses writes for damage.
type pgEngine struct {
	server string // host:port/database, for messages
}

var _ engine = (*pgEngine)(nil)

func (e *pgEngine) index(db *gorm.DB, entity app.Entity, id int64, entry searchEntry) error {
	return pgIndexEntry(db, entity, id, entry)
}

func (e *pgEngine) search(db *gorm.DB, text string, p app.Page) ([]app.SearchHit, int, error) {
	return pgSearch(db, text, p)
}

func (e *pgEngine) reindex(db *gorm.DB) error { return pgRebuildSearch(db) }

// page counts the matching records, then reads the page's ids in order,
// in the read's one snapshot.
func (e *pgEngine) page(db *gorm.DB, table string, c conds, order string, offset, limit int) ([]int64, int, error) {
	where, args := pgWhere(c)
	if where != "" {
		where = " WHERE " + where
	}
	var total int
	if err := db.Raw("SELECT count(*) FROM "+table+where, args...).Scan(&total).Error; err != nil {
		return nil, 0, err
	}
	if total == 0 || offset >= total {
		return nil, total, nil
	}
	var ids []int64
	err := db.Raw("SELECT id FROM "+table+where+" ORDER BY "+order+" LIMIT ? OFFSET ?", append(args, limit, offset)...).Scan(&ids).Error
	return ids, total, err
}

// pgWhere is the WHERE of every condition of c, its 关键词 read from the
// server's search index.
func pgWhere(c conds) (string, []any) {
	where, args := c.where, c.args
	if c.match != nil {
		sub, subArgs := pgMatchIDs(c.match.words, c.match.book)
		where = append(where[:len(where):len(where)], "id IN (SELECT entity_id FROM search_entries WHERE entity = ? AND id IN ("+sub+"))")
		args = append(append(args[:len(args):len(args)], string(c.match.entity)), subArgs...)
	}
	return strings.Join(where, " AND "), args
}

func (e *pgEngine) backupCopy(ctx context.Context, tmp string) error {
	return errServerBackup(e.server)
}

// OnServer reports an office on a PostgreSQL server (Path is then its
// host:port/database).
func (s *Store) OnServer() bool {
	_, ok := s.eng.(*pgEngine)
	return ok
}

// errServerBackup refuses backup and restore on a server office and names
// what does the work meanwhile: copy writes the office into a data file.
func errServerBackup(server string) error {
	return app.Errorf(app.EINVALID, "服务器“%s”上的单位数据暂时不能用本程序备份或恢复；可用“gongwen copy 服务器地址 文件.db”把全部数据复制成一个数据文件保存，或由服务器管理员用 pg_dump 备份", server)
}

// checks: the search index against the books, references to missing
// records, counters behind their numbers. The server checks its own
// storage, and its columns keep their types.
func (e *pgEngine) checks() []check {
	return []check{pgSearchProblems, referenceProblems, pgCounterProblems}
}

func pgCounterProblems(ctx context.Context, db *sql.DB) ([]string, error) {
	return counterProblemsWhere(ctx, db, "~ '^[0-9]{4}-[0-9]+$'")
}

func (e *pgEngine) beforeWrite(ctx context.Context) error { return nil }
func (e *pgEngine) after(err error)                       {}
func (e *pgEngine) damaged() string                       { return "" }

// afterCopy moves every identity column's sequence past the ids a copy
// wrote explicitly, so that the next record a seat saves gets a new id.
func (e *pgEngine) afterCopy(db *gorm.DB) error {
	var cols []struct{ TableName, ColumnName string }
	if err := db.Raw(`SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND is_identity = 'YES'`).Scan(&cols).Error; err != nil {
		return err
	}
	for _, c := range cols {
		q := fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('%s', '%s'), COALESCE(MAX(%s), 0) + 1, false) FROM %s`,
			c.TableName, c.ColumnName, c.ColumnName, c.TableName)
		if err := db.Exec(q).Error; err != nil {
			return err
		}
	}
	return nil
}

// pgSearchProblems is indexProblems in PostgreSQL's words.
func pgSearchProblems(ctx context.Context, db *sql.DB) ([]string, error) {
	return indexProblems(ctx, db, "$1")
}
