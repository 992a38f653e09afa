package data

import (
	"context"
	"database/sql"
	"strings"

	"gorm.io/gorm"

	"gongwen/app"
)

// Search design (measured in bench_test.go):
//
// Every record of the four books has one search entry: a row of
// search_entries (what a hit shows: number, title, date, status) and one
// row in each of two contentless FTS5 tables with the same rowid:
// search_chars holds the entry's set of characters (detail=none, for
// 1-character queries), search_pairs the sequence of its overlapping
// character pairs (detail=full, for queries of 2 or more characters,
// matched as phrases of pairs; see sqlite_searchtext.go). FTS5's
// trigram tokenizer is not used because it finds nothing for the 1- and
// 2-character words Chinese users type most.
//
// The entry id encodes the record's date: day<<20 | slot, day counted from
// 1900-01-01 and slot numbering the entries of that day. FTS5 returns rowids
// in order, so "ORDER BY rowid DESC LIMIT n" gives the newest hits first
// without sorting every match.
//
// The entry is rewritten in the same transaction as every save of the
// record, so the index is never behind the books. The snippet of a hit is
// cut from the record itself when its page is read (schema version 3: the
// entries no longer keep a copy of the text).
//
// Each entry also carries its book's marker tokens (schema version 5:
// "bookdocument" and "bookin" for a 收文): a book's 关键词 filter ANDs the
// marker into its query, so that FTS5 alone counts the book's matching
// records, where mapping 20,000 entries to their records took 11 ms and
// checking 80,000 收文 against them 30 more (sqlite_plan.go reads the page).

const slotBits = 20

var searchEpoch = app.D(1900, 1, 1)

func dayOf(d app.Date) int64 {
	if d.IsZero() || d.Before(searchEpoch) {
		return 0
	}
	return int64(searchEpoch.DaysUntil(d)) + 1
}

// indexEntry writes the search entry of a record, replacing its old one.
func indexEntry(db *gorm.DB, entity app.Entity, id int64, e searchEntry) error {
	day := dayOf(e.Date)
	var old []int64
	if !isFresh(db) {
		if err := db.Raw("SELECT id FROM search_entries WHERE entity = ? AND entity_id = ?", string(entity), id).Scan(&old).Error; err != nil {
			return mapError(err)
		}
	}
	sameDay := len(old) > 0 && old[0]>>slotBits == day
	if len(old) > 0 {
		if err := unindex(db, old[0], !sameDay); err != nil {
			return err
		}
	}
	var key int64
	if sameDay {
		key = old[0] // keep its place in the order
	} else {
		var err error
		if key, err = nextSlot(db, day); err != nil {
			return err
		}
	}
	chars, pairs := indexTokens(e.Fields)
	markers := bookMarker(string(entity)) + " "
	if e.Book != "" {
		markers += bookMarker(e.Book) + " "
	}
	chars, pairs = chars+markers, pairs+markers
	return mapError(firstErr(
		func() error {
			return execDirect(db, `INSERT INTO search_entries (id, entity, entity_id, number, title, status, on_date)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET number = excluded.number, title = excluded.title,
					status = excluded.status, on_date = excluded.on_date`,
				key, string(entity), id, e.Number, e.Title, e.Status, dateText(e.Date))
		},
		func() error { return execDirect(db, "INSERT INTO search_chars (rowid, c) VALUES (?, ?)", key, chars) },
		func() error { return execDirect(db, "INSERT INTO search_pairs (rowid, p) VALUES (?, ?)", key, pairs) },
	))
}

// execDirect runs a statement on the transaction's connection without
// GORM's callbacks, which cost more than the statement itself here: the
// index is written for every record saved.
func execDirect(db *gorm.DB, query string, args ...any) error {
	st, err := prepared(db, query)
	switch {
	case err != nil:
	case st != nil:
		_, err = st.ExecContext(db.Statement.Context, args...)
	default:
		_, err = db.Statement.ConnPool.ExecContext(db.Statement.Context, query, args...)
	}
	return err
}

// scanDirect runs a query of one row as execDirect runs a statement and
// scans the row into dest.
func scanDirect(db *gorm.DB, query string, args []any, dest ...any) error {
	st, err := prepared(db, query)
	switch {
	case err != nil:
	case st != nil:
		err = st.QueryRowContext(db.Statement.Context, args...).Scan(dest...)
	default:
		err = db.Statement.ConnPool.QueryRowContext(db.Statement.Context, query, args...).Scan(dest...)
	}
	return err
}

// stmtCache keeps, by their SQL, the statements one write transaction has
// prepared for the search index: an import indexes thousands of records
// with the same four statements, and preparing them again for each record
// cost 7 % of its time (BenchmarkImport10k 2.05 → 1.90 s). Statements
// prepared in a transaction close with it.
type stmtCache map[string]*sql.Stmt

type stmtCacheKey struct{}

func withStmtCache(ctx context.Context) context.Context {
	return context.WithValue(ctx, stmtCacheKey{}, stmtCache{})
}

// prepared is query prepared in db's transaction, once, or nil when db
// caches no statements (outside Update and rebuildSearch).
func prepared(db *gorm.DB, query string) (*sql.Stmt, error) {
	cache, ok := db.Statement.Context.Value(stmtCacheKey{}).(stmtCache)
	if !ok {
		return nil, nil
	}
	if st, ok := cache[query]; ok {
		return st, nil
	}
	st, err := db.Statement.ConnPool.PrepareContext(db.Statement.Context, query)
	if err != nil {
		return nil, err
	}
	cache[query] = st
	return st, nil
}

// unindex removes the FTS rows of entry key, and the entry itself when
// dropEntry is set.
func unindex(db *gorm.DB, key int64, dropEntry bool) error {
	steps := []func() error{
		func() error { return db.Exec("DELETE FROM search_chars WHERE rowid = ?", key).Error },
		func() error { return db.Exec("DELETE FROM search_pairs WHERE rowid = ?", key).Error },
	}
	if dropEntry {
		steps = append(steps, func() error { return db.Exec("DELETE FROM search_entries WHERE id = ?", key).Error })
	}
	return mapError(firstErr(steps...))
}

// nextSlot is the next free entry id of day; it runs under the write lock.
func nextSlot(db *gorm.DB, day int64) (int64, error) {
	base := day << slotBits
	var top sql.NullInt64
	err := scanDirect(db, "SELECT max(id) FROM search_entries WHERE id BETWEEN ? AND ?",
		[]any{base, base + (1 << slotBits) - 1}, &top)
	switch {
	case err != nil:
		return 0, mapError(err)
	case !top.Valid:
		return base, nil
	case top.Int64+1 >= base+(1<<slotBits):
		return 0, app.Errorf(app.EINTERNAL, "同一天的记录超过%d条，检索索引无法容纳", 1<<slotBits)
	}
	return top.Int64 + 1, nil
}

func joinFields(fields []string) string {
	var kept []string
	for _, f := range fields {
		if f = strings.TrimSpace(f); f != "" {
			kept = append(kept, f)
		}
	}
	return strings.Join(kept, "\n")
}

// ftsQuery is a query of the two indexes: FTS5 expressions for the
// character index and the pair index, "" where one is not needed.
type ftsQuery struct{ chars, pairs string }

// textQuery is the query for the words of text; ok is false when text has
// no word to look for.
func textQuery(text string) (q ftsQuery, ok bool) {
	q.chars, q.pairs = matchExprs(queryWords(text))
	return q, q.chars != "" || q.pairs != ""
}

// ids is a SELECT of the ids of the entries that contain every word and,
// unless book is "", carry that book's marker.
func (q ftsQuery) ids(book string) (string, []any) {
	return q.selects(" INTERSECT ", func(expr string) string {
		if book == "" {
			return expr
		}
		return expr + ` AND "` + bookMarker(book) + `"`
	})
}

// others is a SELECT of the ids of the entries of book that lack a word.
func (q ftsQuery) others(book string) (string, []any) {
	return q.selects(" UNION ", func(expr string) string {
		return `"` + bookMarker(book) + `" NOT (` + expr + `)`
	})
}

// selects joins the SELECT of each index needed, its expression rewritten
// by rewrite.
func (q ftsQuery) selects(join string, rewrite func(string) string) (string, []any) {
	var parts []string
	var args []any
	for _, ix := range []struct{ table, expr string }{{"search_chars", q.chars}, {"search_pairs", q.pairs}} {
		if ix.expr != "" {
			parts = append(parts, "SELECT rowid FROM "+ix.table+" WHERE "+ix.table+" MATCH ?")
			args = append(args, rewrite(ix.expr))
		}
	}
	return strings.Join(parts, join), args
}

// search returns a page of hits for text, newest first, and their number.
func search(db *gorm.DB, text string, p app.Page) ([]app.SearchHit, int, error) {
	q, ok := textQuery(text)
	if !ok {
		return nil, 0, nil
	}
	sub, args := q.ids("")
	return hitsPage(db, sub, args, queryWords(text), p)
}

// hitsPage counts the entries the query sub selects (their ids, in its
// one column) and reads page p of them, newest first: the same for every
// engine once it has written its match.
func hitsPage(db *gorm.DB, sub string, args []any, words [][]rune, p app.Page) ([]app.SearchHit, int, error) {
	var total int
	if err := db.Raw("SELECT count(*) FROM ("+sub+") AS m", args...).Scan(&total).Error; err != nil {
		return nil, 0, mapError(err)
	}
	offset, limit := limitOf(p)
	if total == 0 || offset >= total {
		return nil, total, nil
	}
	var ids []int64
	if err := db.Raw(sub+" ORDER BY 1 DESC LIMIT ? OFFSET ?", append(args, limit, offset)...).Scan(&ids).Error; err != nil {
		return nil, 0, mapError(err)
	}
	hits, err := hitsOf(db, ids, words)
	return hits, total, err
}

// hitsOf reads the hits of the entries ids, in their order, with the
// snippets of words.
func hitsOf(db *gorm.DB, ids []int64, words [][]rune) ([]app.SearchHit, error) {
	var rows []struct {
		Entity   string
		EntityID int64
		Number   string
		Title    string
		Status   string
		OnDate   string
	}
	if err := db.Raw("SELECT entity, entity_id, number, title, status, on_date FROM search_entries WHERE id IN ? ORDER BY id DESC", ids).Scan(&rows).Error; err != nil {
		return nil, mapError(err)
	}
	byEntity := map[app.Entity][]int64{}
	for _, r := range rows {
		byEntity[app.Entity(r.Entity)] = append(byEntity[app.Entity(r.Entity)], r.EntityID)
	}
	texts, err := pageTexts(db, byEntity)
	if err != nil {
		return nil, mapError(err)
	}
	hits := make([]app.SearchHit, len(rows))
	for i, r := range rows {
		page := texts[app.Entity(r.Entity)][r.EntityID]
		h := app.SearchHit{Entity: app.Entity(r.Entity), ID: r.EntityID, Number: r.Number, Title: r.Title,
			Snippet: snippet(page.text, words), Date: dateOf(r.OnDate), Status: r.Status}
		if h.Entity == app.EntityDocument {
			h.Direction = app.Direction(page.book)
		}
		h.Marks = app.HitMarks{Number: matchRanges(h.Number, words), Title: matchRanges(h.Title, words),
			Snippet: matchRanges(h.Snippet, words)}
		hits[i] = h
	}
	return hits, nil
}

// pageTexts reads the searchable text (one field per line) of the records
// of a page of hits, by book and id: one query per book and child list.
func pageTexts(db *gorm.DB, ids map[app.Entity][]int64) (map[app.Entity]map[int64]pageText, error) {
	out := map[app.Entity]map[int64]pageText{}
	var err error
	for e, list := range ids {
		switch e {
		case app.EntityDocument:
			out[e], err = bookTexts(db, docBook, list)
		case app.EntitySeal:
			out[e], err = bookTexts(db, sealBook, list)
		case app.EntityItem:
			out[e], err = bookTexts(db, itemBook, list)
		case app.EntityMeeting:
			out[e], err = bookTexts(db, meetingBook, list)
		}
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// pageText is the searchable text of a record of a page of hits, and its
// book within the entity (a document's direction).
type pageText struct{ text, book string }

func bookTexts[D any, R any, P keyedRow[R]](db *gorm.DB, b *book[D, R, P], ids []int64) (map[int64]pageText, error) {
	var rows []R
	if err := db.Where("id IN ?", ids).Find(&rows).Error; err != nil {
		return nil, err
	}
	ds, err := b.fill(db, rows)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]pageText, len(ds))
	for i := range ds {
		id, _, _ := b.meta(&ds[i])
		e := b.search(&ds[i])
		out[*id] = pageText{text: joinFields(e.Fields), book: e.Book}
	}
	return out, nil
}

// rebuildSearch empties the index and indexes every record again, in db's
// transaction.
func rebuildSearch(db *gorm.DB) error {
	db = db.WithContext(withStmtCache(db.Statement.Context))
	for _, stmt := range []string{
		"DELETE FROM search_entries",
		"INSERT INTO search_chars (search_chars) VALUES ('delete-all')",
		"INSERT INTO search_pairs (search_pairs) VALUES ('delete-all')",
	} {
		if err := db.Exec(stmt).Error; err != nil {
			return mapError(err)
		}
	}
	return mapError(firstErr(
		func() error { return reindexBook(db, docBook) },
		func() error { return reindexBook(db, sealBook) },
		func() error { return reindexBook(db, itemBook) },
		func() error { return reindexBook(db, meetingBook) },
		func() error { return db.Exec("INSERT INTO search_chars (search_chars) VALUES ('optimize')").Error },
		func() error { return db.Exec("INSERT INTO search_pairs (search_pairs) VALUES ('optimize')").Error },
	))
}

func reindexBook[D any, R any, P keyedRow[R]](db *gorm.DB, b *book[D, R, P]) error {
	return reindexBookWith(db, b, indexEntry)
}

// reindexBookWith indexes every record of b with index.
func reindexBookWith[D any, R any, P keyedRow[R]](db *gorm.DB, b *book[D, R, P], index func(*gorm.DB, app.Entity, int64, searchEntry) error) error {
	return b.each(db, func(d *D) error {
		id, _, _ := b.meta(d)
		return index(db, b.entity, *id, b.search(d))
	})
}
