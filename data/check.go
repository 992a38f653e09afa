package data

import (
	"context"
	"database/sql"
	"fmt"

	"gongwen/app"
)

// Check looks for damage with the engine's checks (SQLite's: its integrity
// check, references to missing records, a search index out of step with
// the books, and what SQLite cannot see: values the program could not read
// back (lists, dates, times, text), and counters behind the numbers
// already given out). It returns the problems found in Chinese; none means
// the file is sound.
func (s *Store) Check(ctx context.Context) ([]string, error) {
	defer s.use(ctx)()
	checks := s.eng.checks()
	problems, err := checks[0](ctx, s.rsql)
	if err != nil {
		return nil, err
	}
	for _, more := range checks[1:] {
		found, err := more(ctx, s.rsql)
		if err != nil && len(problems) > 0 { // a damaged file: report what was found, and this
			problems = append(problems, "损坏处使其余记录无法逐条检查："+app.ErrorMessage(err))
			break
		}
		if err != nil {
			return nil, err
		}
		problems = append(problems, found...)
	}
	return problems, nil
}

// indexProblems compares the search entries with the books: every record
// has exactly one entry, every entry has its record. param is how the
// engine writes the query's one parameter (?1, $1).
func indexProblems(ctx context.Context, db *sql.DB, param string) ([]string, error) {
	var problems []string
	for _, b := range []struct {
		entity app.Entity
		table  string
		name   string
	}{
		{app.EntityDocument, "documents", "公文"},
		{app.EntitySeal, "seal_requests", "用印申请"},
		{app.EntityItem, "items", "督办事项"},
		{app.EntityMeeting, "meetings", "会议"},
	} {
		var unindexed, orphans int
		err := db.QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM `+b.table+` r WHERE NOT EXISTS (SELECT 1 FROM search_entries e WHERE e.entity = `+param+` AND e.entity_id = r.id)),
			(SELECT count(*) FROM search_entries e WHERE e.entity = `+param+` AND NOT EXISTS (SELECT 1 FROM `+b.table+` r WHERE r.id = e.entity_id))`,
			string(b.entity)).Scan(&unindexed, &orphans)
		if err != nil {
			return nil, mapError(err)
		}
		if unindexed+orphans > 0 {
			problems = append(problems, fmt.Sprintf("检索索引与%s台账不一致（%d条未编入索引，%d条索引没有对应记录），请执行“重建检索索引”", b.name, unindexed, orphans))
		}
	}
	return problems, nil
}
