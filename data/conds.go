package data

import (
	"strings"

	"gorm.io/gorm"

	"gongwen/app"
)

// conds collects the WHERE conditions of a filter, joined with AND.
type conds struct {
	where []string
	args  []any
}

func (c *conds) add(sql string, args ...any) {
	c.where = append(c.where, sql)
	c.args = append(c.args, args...)
}

func (c conds) apply(db *gorm.DB) *gorm.DB {
	if len(c.where) == 0 {
		return db
	}
	return db.Where(strings.Join(c.where, " AND "), c.args...)
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

// contains filters rows where any of cols contains s.
func (c *conds) contains(s string, cols ...string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	pattern := "%" + likeEscaper.Replace(s) + "%"
	ors := make([]string, len(cols))
	for i, col := range cols {
		ors[i] = col + ` LIKE ? ESCAPE '\'`
		c.args = append(c.args, pattern)
	}
	c.where = append(c.where, "("+strings.Join(ors, " OR ")+")")
}

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// text filters the records of entity whose search entry contains every word
// of text (see search.go); a text of spaces only does not filter.
func (c *conds) text(entity app.Entity, text string) {
	sub, args, ok := matchingIDs(text)
	if !ok {
		return
	}
	c.add("id IN (SELECT entity_id FROM search_entries WHERE entity = ? AND id IN ("+sub+"))", append([]any{string(entity)}, args...)...)
}
