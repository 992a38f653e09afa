package data

import (
	"strings"

	"gongwen/app"
)

// NextNumber takes the next value of the named counter (收文编号, 发文字号,
// 件号 …) in the caller's transaction. The transaction began IMMEDIATE, so
// it holds the write lock: no other program can take the same value, and a
// rollback gives the value back, leaving no gap.
func (t *tx) NextNumber(key string) (int, error) {
	if strings.TrimSpace(key) == "" {
		return 0, app.Errorf(app.EINVALID, "编号计数器没有名称")
	}
	var n int
	err := t.db.Raw(`INSERT INTO counters (name, value) VALUES (?, 1)
		ON CONFLICT (name) DO UPDATE SET value = counters.value + 1
		RETURNING value`, key).Scan(&n).Error
	return n, mapError(err)
}

// AdvanceNumber moves the named counter up to at least n (an import that
// numbered rows itself up to n), in one statement; a counter already past
// n stays where it is.
func (t *tx) AdvanceNumber(key string, n int) error {
	if strings.TrimSpace(key) == "" {
		return app.Errorf(app.EINVALID, "编号计数器没有名称")
	}
	err := t.db.Exec(`INSERT INTO counters (name, value) VALUES (?, ?)
		ON CONFLICT (name) DO UPDATE SET value = CASE WHEN counters.value < excluded.value THEN excluded.value ELSE counters.value END`,
		key, max(n, 0)).Error
	return mapError(err)
}
