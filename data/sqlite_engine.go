package data

import (
	"context"
	"database/sql"

	"gorm.io/gorm"

	"gongwen/app"
)

// sqliteEngine is the engine of a Store on one SQLite file: the FTS5
// search index (sqlite_search.go), the page plans (sqlite_plan.go),
// VACUUM INTO copies (sqlite_backup.go),
// PRAGMA integrity_check and quick_check (sqlite_check.go,
// sqlite_health.go). Opening the file with its pragmas, WAL and lock is
// sqlite_open.go.
type sqliteEngine struct {
	// readDSN opens the file read-only for a copy: mode=ro, or immutable
	// when its folder cannot even hold SQLite's -shm (read-only media).
	readDSN string
	health  *health
}

var _ engine = (*sqliteEngine)(nil)

func (e *sqliteEngine) index(db *gorm.DB, entity app.Entity, id int64, entry searchEntry) error {
	return indexEntry(db, entity, id, entry)
}

func (e *sqliteEngine) search(db *gorm.DB, text string, p app.Page) ([]app.SearchHit, int, error) {
	return search(db, text, p)
}

func (e *sqliteEngine) reindex(db *gorm.DB) error { return rebuildSearch(db) }

// page counts first, and the count decides how the page is read
// (sqlite_plan.go).
func (e *sqliteEngine) page(db *gorm.DB, table string, c conds, order string, offset, limit int) ([]int64, int, error) {
	plan, err := countPage(db, table, c)
	if err != nil {
		return nil, 0, err
	}
	if plan.total == 0 || offset >= plan.total {
		return nil, plan.total, nil
	}
	ids, err := pageIDs(db, table, c, order, plan, offset, limit)
	return ids, plan.total, err
}

func (e *sqliteEngine) backupCopy(ctx context.Context, tmp string) error {
	// A connection of its own with SQLite's small default page cache:
	// the copy reads every page once, and a pool connection would keep
	// 16 MB of them for the rest of the day (the window's memory).
	db, err := sql.Open("sqlite3", e.readDSN)
	if err != nil {
		return mapError(err)
	}
	defer db.Close()
	return vacuumInto(ctx, db, tmp)
}

// checks: integrity_check, the search index against the books, values
// SQLite stored but the program cannot read back (its columns take any
// type), references to missing records, counters behind their numbers.
func (e *sqliteEngine) checks() []check {
	return []check{integrity, searchProblems, recordProblems, referenceProblems, counterProblems}
}

func (e *sqliteEngine) beforeWrite(ctx context.Context) error {
	return e.health.beforeWrite(ctx, e.readDSN)
}

func (e *sqliteEngine) after(err error) { e.health.after(err) }

func (e *sqliteEngine) damaged() string {
	e.health.waitOpened(context.Background())
	e.health.mu.Lock()
	defer e.health.mu.Unlock()
	return e.health.damaged
}

// sqlite is the store's engine, for the SQLite-only code.
func (s *Store) sqlite() *sqliteEngine { return s.eng.(*sqliteEngine) }
