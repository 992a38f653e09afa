package data

import (
	"context"

	"gorm.io/gorm"
)

// Seats see each other through the change counter: every write transaction
// moves it (in write, so no write forgets it), and each open window reads
// it, one row, every second; when it moved, the window reloads what it
// shows. An engine that can push changes (a server's LISTEN/NOTIFY) may
// answer Changes otherwise; the counter stays the one trigger point.

// changeCounter is the counters row of the change counter: not a number
// of the books, and not copied with the office (each store counts its own).
const changeCounter = "~数据变更"

// bumpChanges moves the change counter in the write's transaction.
func bumpChanges(db *gorm.DB) error {
	return db.Exec(`INSERT INTO counters (name, value) VALUES (?, 1)
		ON CONFLICT (name) DO UPDATE SET value = counters.value + 1`, changeCounter).Error
}

// Changes is the change counter: it differs from the last value read when
// anything was written since, by this program or another seat.
func (s *Store) Changes(ctx context.Context) (int64, error) {
	var n int64
	err := s.reading(ctx, func(db *gorm.DB) error {
		return db.Raw("SELECT COALESCE(MAX(value), 0) FROM counters WHERE name = ?", changeCounter).Scan(&n).Error
	})
	return n, mapError(err)
}
