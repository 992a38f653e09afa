package data

import (
	"context"
	"database/sql"

	"gorm.io/gorm"

	"gongwen/app"
)

// engine is what the generic code of a Store (the books, transactions,
// counters, history and reference lists: GORM and SQL that run alike on
// any SQL engine) asks of its SQL engine. SQLite's is sqliteEngine
// (sqlite_engine.go); another engine is a file set of its own beside it.
type engine interface {
	// index writes the search entry of a record, replacing its old one,
	// in the write's transaction db.
	index(db *gorm.DB, e app.Entity, id int64, entry searchEntry) error
	// search answers the global search (Store.Search) in the read db.
	search(db *gorm.DB, text string, p app.Page) ([]app.SearchHit, int, error)
	// reindex rebuilds the search index from the books in db's transaction.
	reindex(db *gorm.DB) error

	// page reads the ids of one page (offset, limit) of the records of
	// table matching c in order, and how many match.
	page(db *gorm.DB, table string, c conds, order string, offset, limit int) (ids []int64, total int, err error)

	// backupCopy writes a consistent copy of the live data into the new,
	// empty file tmp while others read and write.
	backupCopy(ctx context.Context, tmp string) error

	// checks are what Check runs, in order, in the read db: the first is of
	// the storage itself, whose damage may keep the others from running.
	checks() []check
	// beforeWrite refuses a write while the storage is known or suspected
	// to be damaged; after notes what an error met says about it; damaged
	// is the damage found ("" when none).
	beforeWrite(ctx context.Context) error
	after(err error)
	damaged() string
}

// check looks for one kind of problem, described in Chinese.
type check func(ctx context.Context, db *sql.DB) ([]string, error)

// searchEntry is what a record contributes to the index.
type searchEntry struct {
	Number, Title, Status string
	Date                  app.Date
	Fields                []string // searchable text, one field per line
	Book                  string   // a second marker: 收文 or 发文 for documents
}
