package data

import (
	"context"
	"database/sql"

	"gongwen/app"
)

// Check looks for damage: SQLite's integrity check, references to missing
// records, a search index out of step with the books, and what SQLite
// cannot see: values the program could not read back (lists, dates,
// times, text), and counters behind the numbers already given out. It returns the
// problems found in Chinese; none means the file is sound.
func (s *Store) Check(ctx context.Context) ([]string, error) {
	defer s.use(ctx)()
	problems, err := s.eng.integrity(ctx, s.rsql)
	if err != nil {
		return nil, err
	}
	for _, more := range []func(context.Context, *sql.DB) ([]string, error){s.eng.indexProblems, recordProblems, referenceProblems, counterProblems} {
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

// column reads a one-column result.
func column(ctx context.Context, db *sql.DB, query string) ([]string, error) {
	out, err := pragmaRows(ctx, db, query)
	return out, mapError(err)
}
