package data

import (
	"context"

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
