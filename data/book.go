package data

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"gongwen/app"
)

// The four books (documents, seal requests, items, meetings) share one
// shape: a main row, child lists, an entry in the search index, filters and
// sort keys. book holds what differs; the generic code below does the rest.

// keyedRow is a pointer to a row with an integer primary key.
type keyedRow[R any] interface {
	*R
	key() *int64
}

// childRow is a row of a child list.
type childRow interface{ parent() int64 }

type book[D any, R any, P keyedRow[R]] struct {
	entity   app.Entity
	toRow    func(*D) R
	fill     func(db *gorm.DB, rows []R) ([]D, error) // rows to records, children included
	children func(db *gorm.DB, id int64, d *D) error  // replace the child lists
	search   func(*D) searchEntry
	meta     func(*D) (id *int64, created, updated *time.Time)
	version  func(*D) *int // the record's save count, moved on by save
	missing  func(id int64) *app.Error
	sorts    map[string]string // sort key → ORDER BY template, %[1]s is ASC or DESC
	// descending holds the ORDER BY of keys whose descending order is not
	// the template with DESC
	descending map[string]string
	newest     string // ORDER BY when no known key is asked for
}

// Page sizes: 0 asks for the default; no page is larger than the maximum,
// so no caller loads a whole book by accident.
const (
	defaultLimit = 100
	maxLimit     = 1000
)

func limitOf(p app.Page) (offset, limit int) {
	offset, limit = max(p.Offset, 0), p.Limit
	switch {
	case limit <= 0:
		limit = defaultLimit
	case limit > maxLimit:
		limit = maxLimit
	}
	return offset, limit
}

// order is the ORDER BY clause of a whitelisted sort key; an unknown key
// gives the book's newest-first order. The id breaks ties so that pages
// never overlap.
func (b *book[D, R, P]) order(key string, desc bool) string {
	tmpl, ok := b.sorts[key]
	if !ok {
		return b.newest
	}
	dir := "ASC"
	if desc {
		dir = "DESC"
		if order, ok := b.descending[key]; ok {
			return order + ", id DESC"
		}
	}
	return fmt.Sprintf(tmpl+", id %[1]s", dir)
}

// get loads the record with id.
func (b *book[D, R, P]) get(db *gorm.DB, id int64) (*D, error) {
	return b.first(db, b.missing(id), "id", "id = ?", id)
}

// first loads the first record in order matching where; when there is none
// it returns the missing error, or nil, nil if missing is nil.
func (b *book[D, R, P]) first(db *gorm.DB, missing *app.Error, order, where string, args ...any) (*D, error) {
	var rows []R
	if err := db.Where(where, args...).Order(order).Limit(1).Find(&rows).Error; err != nil {
		return nil, mapError(err)
	}
	if len(rows) == 0 {
		if missing == nil {
			return nil, nil
		}
		return nil, missing
	}
	ds, err := b.fill(db, rows)
	if err != nil {
		return nil, mapError(err)
	}
	return &ds[0], nil
}

// list returns one page of the records matching c, and how many match
// (the engine's page says how the page is read).
func (b *book[D, R, P]) list(db *gorm.DB, eng engine, c conds, sort string, desc bool, p app.Page) ([]D, int, error) {
	offset, limit := limitOf(p)
	ids, total, err := eng.page(db, tableOf[R](), c, b.order(sort, desc), offset, limit)
	if err != nil {
		return nil, 0, mapError(err)
	}
	if len(ids) == 0 {
		return nil, total, nil
	}
	rows, err := rowsByID[R, P](db, ids)
	if err != nil {
		return nil, 0, mapError(err)
	}
	ds, err := b.fill(db, rows)
	if err != nil {
		return nil, 0, mapError(err)
	}
	return ds, total, nil
}

// rowsByID reads the rows with ids, in the order of ids.
func rowsByID[R any, P keyedRow[R]](db *gorm.DB, ids []int64) ([]R, error) {
	var found []R
	if err := db.Where("id IN ?", ids).Find(&found).Error; err != nil {
		return nil, err
	}
	at := make(map[int64]int, len(ids))
	for i, id := range ids {
		at[id] = i
	}
	rows := make([]R, 0, len(found))
	slots := make([]*R, len(ids))
	for i := range found {
		slots[at[*P(&found[i]).key()]] = &found[i]
	}
	for _, r := range slots {
		if r != nil { // deleted between the two reads of a page
			rows = append(rows, *r)
		}
	}
	return rows, nil
}

// tableOf is the table of row type R.
func tableOf[R any]() string {
	return any(new(R)).(interface{ TableName() string }).TableName()
}

// save inserts (ID 0) or replaces the record, its child lists and its
// search entry (through the engine), all in the caller's transaction.
func (b *book[D, R, P]) save(db *gorm.DB, eng engine, d *D) error {
	id, created, updated := b.meta(d)
	*created, *updated = utc(*created), utc(*updated)
	row := b.toRow(d)
	fresh := *id == 0
	if err := saveRow[R, P](db, &row, b.missing); err != nil {
		return err
	}
	*id = *P(&row).key()
	if v, ok := any(&row).(interface{ version() *int }); ok {
		*b.version(d) = *v.version()
	}
	if fresh { // a new record has no child rows or index entry to replace
		db = db.WithContext(context.WithValue(db.Statement.Context, freshRecord{}, true))
	}
	if err := b.children(db, *id, d); err != nil {
		return mapError(err)
	}
	return eng.index(db, b.entity, *id, b.search(d))
}

// insertAll inserts new records (ID 0) a few hundred rows a statement, then
// their child lists and search entries: the import of a register, where
// preparing one INSERT per record would cost more than the writing.
func (b *book[D, R, P]) insertAll(db *gorm.DB, eng engine, ds []*D) error {
	rows := make([]R, len(ds))
	for i, d := range ds {
		id, created, updated := b.meta(d)
		if *id != 0 {
			return app.Errorf(app.EINTERNAL, "批量插入只用于新记录（内部编号%d）", *id)
		}
		*created, *updated = utc(*created), utc(*updated)
		rows[i] = b.toRow(d)
	}
	if err := db.CreateInBatches(rows, 100).Error; err != nil {
		return mapError(err)
	}
	fresh := db.WithContext(context.WithValue(db.Statement.Context, freshRecord{}, true))
	for i, d := range ds {
		id, _, _ := b.meta(d)
		*id = *P(&rows[i]).key()
		if err := b.children(fresh, *id, d); err != nil {
			return mapError(err)
		}
		if err := eng.index(fresh, b.entity, *id, b.search(d)); err != nil {
			return err
		}
	}
	return nil
}

// freshRecord marks, in the statement's context, the saving of a record
// that was just inserted; it spares an import of thousands of rows the
// deletes and look-ups of what such a record cannot have yet.
type freshRecord struct{}

func isFresh(db *gorm.DB) bool {
	fresh, _ := db.Statement.Context.Value(freshRecord{}).(bool)
	return fresh
}

// each calls fn for every record of the book, a batch at a time (for
// rebuilding the search index).
func (b *book[D, R, P]) each(db *gorm.DB, fn func(*D) error) error {
	const batch = 500
	var last int64
	for {
		var rows []R
		if err := db.Where("id > ?", last).Order("id").Limit(batch).Find(&rows).Error; err != nil {
			return err
		}
		if len(rows) == 0 {
			return nil
		}
		last = *P(&rows[len(rows)-1]).key()
		ds, err := b.fill(db, rows)
		if err != nil {
			return err
		}
		for i := range ds {
			if err := fn(&ds[i]); err != nil {
				return err
			}
		}
	}
}

// saveRow inserts a row whose key is 0 and updates every column of any
// other; updating a row that is not there is missing(id).
func saveRow[R any, P keyedRow[R]](db *gorm.DB, row *R, missing func(int64) *app.Error) error {
	id := P(row).key()
	if *id == 0 {
		return mapError(db.Create(row).Error)
	}
	q := db.Model(row)
	v, versioned := any(row).(interface{ version() *int })
	if versioned { // only over the save the record had when it was read
		seen := *v.version()
		*v.version() = seen + 1
		q = q.Where("version = ?", seen)
	}
	res := q.Select("*").Updates(row)
	if res.Error != nil {
		return mapError(res.Error)
	}
	if res.RowsAffected == 0 && versioned {
		return savedSince[R](db, *id, missing)
	}
	if res.RowsAffected == 0 {
		return missing(*id)
	}
	return nil
}

// savedSince is the refusal of a save over a record someone else saved
// after it was read, naming who and when; or missing(id) when it is gone.
func savedSince[R any](db *gorm.DB, id int64, missing func(int64) *app.Error) error {
	var last struct {
		UpdatedBy string
		UpdatedAt time.Time
	}
	res := db.Table(tableOf[R]()).Select("updated_by, updated_at").Where("id = ?", id).Limit(1).Scan(&last)
	if res.Error != nil {
		return mapError(res.Error)
	}
	if res.RowsAffected == 0 {
		return missing(id)
	}
	return app.EditConflict(last.UpdatedBy, last.UpdatedAt)
}

// deleteRow deletes the row with id, or returns missing(id).
func deleteRow[R any](db *gorm.DB, id int64, missing func(int64) *app.Error) error {
	res := db.Where("id = ?", id).Delete(new(R))
	if res.Error != nil {
		return mapError(res.Error)
	}
	if res.RowsAffected == 0 {
		return missing(id)
	}
	return nil
}

// replaceChildren makes rows the child list of parent id: the old rows go,
// the new ones are inserted in order.
func replaceChildren[C any](db *gorm.DB, fk string, id int64, rows []C) error {
	if !isFresh(db) {
		if err := db.Where(fk+" = ?", id).Delete(new(C)).Error; err != nil {
			return err
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return db.Create(&rows).Error
}

// children loads the child lists of a page of records in one query per
// list; the first error sticks in *err and later loads do nothing.
func children[C childRow](db *gorm.DB, fk string, ids []int64, err *error) map[int64][]C {
	if *err != nil || len(ids) == 0 {
		return nil
	}
	var rows []C
	if *err = db.Where(fk+" IN ?", ids).Order(fk + ", pos").Find(&rows).Error; *err != nil {
		return nil
	}
	m := make(map[int64][]C)
	for _, r := range rows {
		m[r.parent()] = append(m[r.parent()], r)
	}
	return m
}

// keys lists the primary keys of rows.
func keys[R any, P keyedRow[R]](rows []R) []int64 {
	ids := make([]int64, len(rows))
	for i := range rows {
		ids[i] = *P(&rows[i]).key()
	}
	return ids
}

// firstErr runs steps until one fails.
func firstErr(steps ...func() error) error {
	for _, s := range steps {
		if err := s(); err != nil {
			return err
		}
	}
	return nil
}
