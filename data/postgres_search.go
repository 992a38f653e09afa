package data

import (
	"strings"

	"gorm.io/gorm"

	"gongwen/app"
)

// Search on a server (the same hits and totals as SQLite's, see
// sqlite_search.go for the entry ids that sort newest first):
//
// Each search entry also holds, in two columns only a server has, its
// grams, the set of its characters, of its overlapping character pairs and
// its book markers, under a GIN index, and its body, the folded text in
// runs, one a line. A word of one character is a gram; a longer word needs
// all its pairs (from the index) and then occurs in the body (strpos), which
// makes a phrase exact where the pairs alone would also match "ab…bc" for
// "abc". pg_trgm is not used: its trigrams find nothing for the 1- and
// 2-character words Chinese users type most.

// pgIndexEntry writes the search entry of a record, replacing its old one.
func pgIndexEntry(db *gorm.DB, entity app.Entity, id int64, e searchEntry) error {
	day := dayOf(e.Date)
	var old []int64
	if !isFresh(db) {
		if err := db.Raw("SELECT id FROM search_entries WHERE entity = ? AND entity_id = ?", string(entity), id).Scan(&old).Error; err != nil {
			return mapError(err)
		}
	}
	key := int64(0)
	if len(old) > 0 && old[0]>>slotBits == day {
		key = old[0] // keep its place in the order
	} else {
		if len(old) > 0 {
			if err := db.Exec("DELETE FROM search_entries WHERE id = ?", old[0]).Error; err != nil {
				return mapError(err)
			}
		}
		// seats saving records of the same day take their slots in turn
		if err := db.Exec("SELECT pg_advisory_xact_lock(?)", day).Error; err != nil {
			return mapError(err)
		}
		var top *int64
		base := day << slotBits
		if err := db.Raw("SELECT max(id) FROM search_entries WHERE id BETWEEN ? AND ?", base, base+(1<<slotBits)-1).Scan(&top).Error; err != nil {
			return mapError(err)
		}
		switch {
		case top == nil:
			key = base
		case *top+1 >= base+(1<<slotBits):
			return app.Errorf(app.EINTERNAL, "同一天的记录超过%d条，检索索引无法容纳", 1<<slotBits)
		default:
			key = *top + 1
		}
	}
	markers := []string{bookMarker(string(entity))}
	if e.Book != "" {
		markers = append(markers, bookMarker(e.Book))
	}
	body, grams := pgTokens(e.Fields)
	err := db.Exec(`INSERT INTO search_entries (id, entity, entity_id, number, title, status, on_date, body, grams)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::text[])
		ON CONFLICT (id) DO UPDATE SET number = excluded.number, title = excluded.title,
			status = excluded.status, on_date = excluded.on_date, body = excluded.body, grams = excluded.grams`,
		key, string(entity), id, e.Number, e.Title, e.Status, dateText(e.Date), body, pgArray(append(grams, markers...))).Error
	return mapError(err)
}

// pgTokens is the body (folded runs, one a line) and the grams (characters
// and pairs, each once) of fields.
func pgTokens(fields []string) (body string, grams []string) {
	seen := map[string]bool{}
	var lines []string
	for _, f := range fields {
		for _, run := range runs(foldRunes(f)) {
			lines = append(lines, string(run))
			for i := range run {
				for _, g := range []string{string(run[i : i+1]), string(run[i:min(i+2, len(run))])} {
					if !seen[g] {
						seen[g] = true
						grams = append(grams, g)
					}
				}
			}
		}
	}
	return strings.Join(lines, "\n"), grams
}

// pgArray is the text of a PostgreSQL array of strings.
func pgArray(items []string) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, s := range items {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('"')
		b.WriteString(strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s))
		b.WriteByte('"')
	}
	b.WriteByte('}')
	return b.String()
}

// pgMatchIDs is a SELECT of the ids of the entries that contain every word
// and, unless book is "", carry that book's marker.
func pgMatchIDs(words [][]rune, book string) (string, []any) {
	var grams []string
	where := []string{"grams @> ?::text[]"}
	var args []any
	for _, w := range words {
		if len(w) == 1 {
			grams = append(grams, string(w))
			continue
		}
		for i := 0; i+1 < len(w); i++ {
			grams = append(grams, string(w[i:i+2]))
		}
		if len(w) > 2 {
			where = append(where, "strpos(body, ?) > 0")
			args = append(args, string(w))
		}
	}
	if book != "" {
		grams = append(grams, bookMarker(book))
	}
	return "SELECT id FROM search_entries WHERE " + strings.Join(where, " AND "), append([]any{pgArray(grams)}, args...)
}

// pgSearch returns a page of hits for text, newest first, and their number.
func pgSearch(db *gorm.DB, text string, p app.Page) ([]app.SearchHit, int, error) {
	words := queryWords(text)
	if len(words) == 0 {
		return nil, 0, nil
	}
	sub, args := pgMatchIDs(words, "")
	return hitsPage(db, sub, args, words, p)
}

// pgRebuildSearch empties the index and indexes every record again, in
// db's transaction.
func pgRebuildSearch(db *gorm.DB) error {
	if err := db.Exec("DELETE FROM search_entries").Error; err != nil {
		return mapError(err)
	}
	return mapError(firstErr(
		func() error { return reindexBookWith(db, docBook, pgIndexEntry) },
		func() error { return reindexBookWith(db, sealBook, pgIndexEntry) },
		func() error { return reindexBookWith(db, itemBook, pgIndexEntry) },
		func() error { return reindexBookWith(db, meetingBook, pgIndexEntry) },
	))
}
