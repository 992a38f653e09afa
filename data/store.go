// Package data is the GORM + SQLite implementation of app.Store: the books,
// their search index, counters, history and reference data in one SQLite
// file, with migrations, backup and restore. It is the only package that
// knows SQL. Build with -tags sqlite_fts5.
//
// Generic and engine-specific code are apart by file name:
//
//   - The files without a prefix run on any SQL engine through GORM: the
//     Store, its reads and transactions (store.go), the gate that lets a
//     restore replace the connections (gate.go), the books and their rows
//     (book.go, documents.go, seals.go, items.go, meetings.go, models.go,
//     fields.go, columns.go), list filters (conds.go), counters, history,
//     reference lists, the dashboard, Check's frame (check.go), and where
//     backups go and how they are named and kept (backup.go, files.go).
//
//   - sqlite_*.go is SQLite: opening the file with its pragmas, WAL and
//     file lock (sqlite_open.go, sqlite_filelock*.go, sqlite_files.go), the
//     schema and its migrations (sqlite_schema.go, sqlite_migrate.go), the
//     FTS5 search index (sqlite_search*.go), the page plans tuned to
//     SQLite's planner (sqlite_plan.go), VACUUM INTO backups and the
//     restore of the file (sqlite_backup.go), quick_check, integrity_check
//     and the checks of values SQLite's loose types let in (sqlite_health.go,
//     sqlite_check*.go), and SQLite's error codes (sqlite_errors.go).
//
//   - postgres_*.go is an office on a PostgreSQL server (a postgres:// URL
//     where a path would be): connecting and its Chinese errors
//     (postgres_open.go, postgres_errors.go), the schema translated from
//     the SQLite migrations with its version in gongwen_schema
//     (postgres_schema.go), search by character grams under GIN
//     (postgres_search.go), plain page reads and the server's checks
//     (postgres_engine.go). Backup and restore of a server office are
//     refused for now.
//
// Where the generic code needs the engine it calls the engine interface
// (engine.go), which sqliteEngine (sqlite_engine.go) and pgEngine
// (postgres_engine.go) implement.
package data

import (
	"context"
	"database/sql"

	"gorm.io/gorm"

	"gongwen/app"
)

// Store is one open Gongwen Desk database file. Writes go through one pool
// whose transactions take the write lock at once; reads through another
// whose transactions are read-only snapshots, so that a list's page and
// total, or a record and its child lists, always agree.
type Store struct {
	// gate is entered by every use of the connections below; RestoreFrom
	// and Close replace them when no use runs.
	gate     gate
	db       *gorm.DB // writes
	sql      *sql.DB
	rdb      *gorm.DB // reads
	rsql     *sql.DB
	eng      engine
	path     string
	opts     options
	lock     *inUse // shared while open: no restore replaces the file under us
	readOnly bool   // opened by OpenReadOnly: every write is refused
}

var _ app.Store = (*Store)(nil)

// Path is the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// Update runs fn in one immediate write transaction: everything fn does is
// committed together, or rolled back if fn (or the commit) fails.
func (s *Store) Update(ctx context.Context, fn func(app.Tx) error) error {
	defer s.use(ctx)()
	if outer, ok := ctx.Value(batchKey{}).(*gorm.DB); ok { // a savepoint of the batch
		return mapError(outer.Transaction(func(db *gorm.DB) error { return fn(&tx{db: db, eng: s.eng}) }))
	}
	return s.write(ctx, func(db *gorm.DB) error { return fn(&tx{db: db, eng: s.eng}) })
}

// write runs fn in one immediate write transaction, unless the file is
// read-only or damaged.
func (s *Store) write(ctx context.Context, fn func(*gorm.DB) error) error {
	if s.readOnly {
		return app.Errorf(app.EINVALID, "数据文件“%s”是以只读方式打开的，不能修改", s.path)
	}
	if err := s.eng.beforeWrite(ctx); err != nil {
		return err
	}
	err := s.db.WithContext(withStmtCache(ctx)).Transaction(func(db *gorm.DB) error {
		if err := fn(db); err != nil {
			return err
		}
		return bumpChanges(db) // other seats reload (changes.go)
	})
	s.eng.after(err)
	return s.named(mapError(err))
}

// batchKey marks the context of a Batch.
type batchKey struct{}

// Batch runs fn so that every write and read it makes through the context
// it is given is part of one write transaction: everything is committed
// together, or nothing if fn fails or the program is killed midway (the
// sample office is loaded so). Other writers wait meanwhile.
func (s *Store) Batch(ctx context.Context, fn func(ctx context.Context) error) error {
	defer s.use(ctx)()
	return s.write(ctx, func(db *gorm.DB) error { return fn(context.WithValue(ctx, batchKey{}, db)) })
}

// readDB is where a read runs: the batch's transaction inside a Batch (so
// that it sees the batch's own writes), else the read pool.
func (s *Store) readDB(ctx context.Context) *gorm.DB {
	if outer, ok := ctx.Value(batchKey{}).(*gorm.DB); ok {
		return outer
	}
	return s.rdb.WithContext(ctx)
}

// reading runs a read of one statement.
func (s *Store) reading(ctx context.Context, fn func(*gorm.DB) error) error {
	defer s.use(ctx)()
	err := fn(s.readDB(ctx))
	s.eng.after(err) // damage met by a read is checked before the next write
	return s.named(err)
}

// view runs a read of several statements in one read transaction.
func view[T any](s *Store, ctx context.Context, fn func(*gorm.DB) (T, error)) (out T, err error) {
	defer s.use(ctx)()
	err = s.readDB(ctx).Transaction(func(db *gorm.DB) error {
		var ferr error
		out, ferr = fn(db)
		return ferr
	})
	s.eng.after(err)
	return out, s.named(mapError(err))
}

// viewList is view for a page of a list and its total.
func viewList[T any](s *Store, ctx context.Context, fn func(*gorm.DB) ([]T, int, error)) ([]T, int, error) {
	total := 0
	page, err := view(s, ctx, func(db *gorm.DB) ([]T, error) {
		page, n, err := fn(db)
		total = n
		return page, err
	})
	return page, total, err
}

// tx is the app.Tx of one Update.
type tx struct {
	db  *gorm.DB
	eng engine
}

var _ app.Tx = (*tx)(nil)

// Damaged is the damage the quick check found ("" when the file is sound),
// once the check at open has run.
func (s *Store) Damaged() string {
	s.gate.enter()
	defer s.gate.leave()
	return s.eng.damaged()
}

// Search finds text in every book: any substring of one or more characters
// of titles, numbers, units, 拟办, 批示, results, progress, meeting topics,
// decisions and minutes, seal requests. Words separated by spaces must all
// occur. Hits come newest first.
func (s *Store) Search(ctx context.Context, text string, p app.Page) ([]app.SearchHit, int, error) {
	return viewList(s, ctx, func(db *gorm.DB) ([]app.SearchHit, int, error) { return s.eng.search(db, text, p) })
}

// Reindex rebuilds the search index from the books (after Check reports it
// out of step).
func (s *Store) Reindex(ctx context.Context) error {
	defer s.use(ctx)()
	return mapError(s.db.WithContext(ctx).Transaction(s.eng.reindex))
}
