package data

import (
	"strings"

	"gorm.io/gorm"
)

// How a page of a book is read (issue 7, docs/BENCHMARKS.md). SQLite's
// planner has no statistics for the books and, given an ORDER BY that an
// index can deliver, walks that index even when the filter keeps a few
// hundred rows of 80,000: a page then reads the whole book (20–45 ms). The
// count, taken first, says how many rows the filter keeps, so the page is
// read one of these ways:
//
//   - few rows, and a filter an index serves: the ORDER BY is written so
//     that no index can deliver it (unary +), the planner takes the filter's
//     index and sorts the few rows;
//   - a 关键词 matching few records: the matching records are read from the
//     search index and sorted;
//   - a 关键词 matching many: the book is read in the page's order and each
//     record checked against the matches, which stops after a page;
//   - a 关键词 matching most of the book: the same, checked against the
//     entries of the book that do not match, which are fewer;
//   - otherwise the planner's own choice: the order's index.
//
// Every way selects the ids of the page only, so that sorting moves ids and
// sort keys rather than whole rows (an archived year sorted by date: 21 →
// 2 ms), and the page's rows are then read by id.

// fewRows is the most rows a filter may keep for its page to be sorted
// rather than read in an index's order: 10,000 ids sort in about 3 ms.
var fewRows = 10000

// fewMatches is the most records a 关键词 may match for them to be read
// from the search index and sorted; above it, reading the book in order
// finds a page within a few hundred records.
var fewMatches = 2000

// manyMatches is the number of matches above which the book's records are
// counted too: when fewer of them lack the word than have it (区 in 68,218
// of 80,000 收文), checking records against the entries that lack it is
// cheaper.
var manyMatches = 20000

// pagePlan is what the count found out, for reading the page.
type pagePlan struct {
	total   int
	matches int  // records matching the 关键词 alone, when there is one
	inverse bool // check records against the entries that do not match
}

// countPage counts the records matching c, and the records matching its
// 关键词 alone.
func countPage(db *gorm.DB, table string, c conds) (pagePlan, error) {
	var p pagePlan
	if c.match == nil {
		var n int64
		err := c.apply(db.Table(table)).Count(&n).Error
		p.total = int(n)
		return p, err
	}
	if err := db.Raw("SELECT count(*) FROM ("+c.match.sub+")", c.match.args...).Scan(&p.matches).Error; err != nil {
		return p, err
	}
	if p.matches > manyMatches {
		// The book's entries that lack the word number its records less
		// the matches: the book's index counts the records in a third of
		// the time the search index takes to find those entries.
		var records int64
		if err := c.bookOnly().apply(db.Table(table)).Count(&records).Error; err != nil {
			return p, err
		}
		p.inverse = int(records)-p.matches < p.matches
	}
	if c.onlyText() || p.matches == 0 {
		p.total = p.matches
		return p, nil
	}
	if p.matches <= fewMatches {
		from, args := fromMatches(table, c)
		return p, db.Raw("SELECT count(*) "+from, args...).Scan(&p.total).Error
	}
	where, args := walkMatches(table, c, p)
	var n int64
	err := db.Table(table).Where(where, args...).Count(&n).Error
	p.total = int(n)
	return p, err
}

// pageIDs selects the ids of one page of the records matching c in order.
func pageIDs(db *gorm.DB, table string, c conds, order string, p pagePlan, offset, limit int) ([]int64, error) {
	var ids []int64
	switch {
	case c.match != nil && p.matches <= fewMatches:
		from, args := fromMatches(table, c)
		err := db.Raw("SELECT "+table+".id "+from+" ORDER BY "+order+" LIMIT ? OFFSET ?", append(args, limit, offset)...).Scan(&ids).Error
		return ids, err
	case c.match != nil:
		where, args := walkMatches(table, c, p)
		err := db.Table(table).Where(where, args...).Order(order).Offset(offset).Limit(limit).Pluck("id", &ids).Error
		return ids, err
	case p.total <= fewRows && !c.noIndex && len(c.where) > c.scoped:
		order = unindexed(order)
	}
	err := c.apply(db.Table(table)).Order(order).Offset(offset).Limit(limit).Pluck("id", &ids).Error
	return ids, err
}

// walkMatches is the WHERE of the records matching c when the book is read
// in order and each record's entry checked against the matching entries
// (or, when p says they are fewer, against the entries that do not match).
func walkMatches(table string, c conds, p pagePlan) (string, []any) {
	where, args := c.whereWithout()
	sub, subArgs, in := c.match.sub, c.match.args, "IN"
	if p.inverse { // the record has an entry, and it is not one of the others
		sub, subArgs = c.match.query.others(c.match.book)
		in = "NOT IN"
	}
	where = append(where, "EXISTS (SELECT 1 FROM search_entries e WHERE e.entity = ? AND e.entity_id = "+table+".id AND e.id "+in+" ("+sub+"))")
	args = append(append(args, string(c.match.entity)), subArgs...)
	return strings.Join(where, " AND "), args
}

// fromMatches is the FROM … WHERE of the records matching c, read from
// the search index: CROSS JOIN keeps SQLite from reading the book first.
func fromMatches(table string, c conds) (string, []any) {
	args := append([]any{string(c.match.entity)}, c.match.args...)
	sql := "FROM (SELECT entity_id FROM search_entries WHERE entity = ? AND id IN (" + c.match.sub + ")) AS m CROSS JOIN " +
		table + " ON " + table + ".id = m.entity_id"
	where, wargs := c.whereWithout()
	if len(where) > 0 {
		sql += " WHERE " + strings.Join(where, " AND ")
		args = append(args, wargs...)
	}
	return sql, args
}

// whereWithout is the conditions of c other than the 关键词, as copies.
func (c conds) whereWithout() ([]string, []any) {
	return append([]string(nil), c.where...), append([]any(nil), c.args...)
}

// unindexed writes each term of an ORDER BY as an expression (+col), which
// no index delivers.
func unindexed(order string) string {
	terms := strings.Split(order, ",")
	for i, t := range terms {
		terms[i] = "+" + strings.TrimSpace(t)
	}
	return strings.Join(terms, ", ")
}
