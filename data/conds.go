package data

import (
	"fmt"
	"strings"
	"unicode"

	"gorm.io/gorm"

	"gongwen/app"
)

// conds collects the WHERE conditions of a filter, joined with AND. The
// 关键词 filter is kept apart (match) because book.list reads it in
// one of several ways depending on how many records it finds (sqlite_plan.go).
type conds struct {
	where  []string
	args   []any
	scoped int        // how many of where only pick the book (收文 or 发文)
	match  *textMatch // the 关键词 filter, or nil
	// noIndex is set when a condition is one no index serves (a
	// substring, a sub-select): such a filter is read in the page's order.
	noIndex bool
}

func (c *conds) add(sql string, args ...any) {
	c.where = append(c.where, sql)
	c.args = append(c.args, args...)
}

// scope adds the condition that picks one book out of a table that holds
// two (收文 and 发文): it is implied by the book's search marker. It comes
// before every other condition.
func (c *conds) scope(col string, v string) {
	if v != "" {
		if len(c.where) > c.scoped {
			panic("conds.scope after another condition")
		}
		c.add(col+" = ?", v)
		c.scoped++
	}
}

// bookOnly is the conditions that pick the book, without the filter's.
func (c conds) bookOnly() conds {
	return conds{where: c.where[:c.scoped], args: c.args[:c.scoped], scoped: c.scoped}
}

// onlyText reports whether the 关键词 is the whole filter, so that the
// search index alone can count the records.
func (c conds) onlyText() bool { return c.match != nil && len(c.where) == c.scoped }

// apply adds every condition, the 关键词 included, to db.
func (c conds) apply(db *gorm.DB) *gorm.DB {
	where, args := c.sql()
	if where == "" {
		return db
	}
	return db.Where(where, args...)
}

// sql is the WHERE clause of every condition, the 关键词 included, and its
// arguments; "" when nothing is filtered.
func (c conds) sql() (string, []any) {
	where, args := c.where, c.args
	if c.match != nil {
		where = append(where[:len(where):len(where)], "id IN (SELECT entity_id FROM search_entries WHERE entity = ? AND id IN ("+c.match.sub+"))")
		args = append(append(args[:len(args):len(args)], string(c.match.entity)), c.match.args...)
	}
	return strings.Join(where, " AND "), args
}

// eq filters col = v unless v is empty.
func eq[T comparable](c *conds, col string, v T) {
	var zero T
	if v != zero {
		c.add(col+" = ?", v)
	}
}

// oneOf filters col IN vs unless vs is empty.
func oneOf[T ~string](c *conds, col string, vs []T) {
	if len(vs) > 0 {
		c.add(col+" IN ?", vs)
	}
}

// between filters a date column to [from, to]; a zero end is open. Rows
// without a date never match a range.
func (c *conds) between(col string, from, to app.Date) {
	if !from.IsZero() {
		c.add(col+" >= ?", dateText(from))
	}
	if !to.IsZero() {
		c.add(col+" <> '' AND "+col+" <= ?", dateText(to))
	}
}

// contains filters rows where any of cols contains s, ignoring the case of
// ASCII letters. Text without letters (a Chinese unit name) is matched with
// instr, which finds the same rows a little faster than LIKE over a whole
// book (documents_unit, docs/BENCHMARKS.md).
func (c *conds) contains(s string, cols ...string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	test, arg := "instr(%s, ?) > 0", s
	if strings.ContainsFunc(s, isASCIILetter) { // lower(): PostgreSQL's LIKE minds case, SQLite's does not
		test, arg = `lower(%s) LIKE ? ESCAPE '\'`, "%"+likeEscaper.Replace(asciiLower(s))+"%"
	}
	ors := make([]string, len(cols))
	for i, col := range cols {
		ors[i] = fmt.Sprintf(test, col)
		c.args = append(c.args, arg)
	}
	c.where = append(c.where, "("+strings.Join(ors, " OR ")+")")
	c.noIndex = true
}

// asciiLower lowers ASCII letters only, as SQLite's lower() does.
func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

func isASCIILetter(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// textMatch is a book's 关键词 filter: the search entries of one book (its
// marker, see sqlite_search.go) that contain every word.
type textMatch struct {
	entity app.Entity
	book   string
	words  [][]rune // the folded words, for an engine's own index
	query  ftsQuery
	sub    string // SELECT of the matching entry ids (SQLite)
	args   []any
}

// text filters the records of entity in book (a marker of sqlite_search.go) whose
// search entry contains every word of text; a text of spaces only does not
// filter.
func (c *conds) text(entity app.Entity, book string, text string) {
	if q, ok := textQuery(text); ok {
		sub, args := q.ids(book)
		c.match = &textMatch{entity: entity, book: book, words: queryWords(text), query: q, sub: sub, args: args}
	}
}
