package data

import (
	"context"

	"gorm.io/gorm"

	"gongwen/app"
)

// AddHistory records who did what to which record; a zero time is now.
func (t *tx) AddHistory(h app.HistoryEntry) error {
	row := historyRow{Entity: string(h.Entity), EntityID: h.EntityID, At: utc(h.At), Operator: h.Operator, Action: h.Action, Detail: h.Detail}
	return mapError(t.db.Create(&row).Error)
}

// History lists a record's entries, oldest first.
func (s *Store) History(ctx context.Context, e app.Entity, id int64) ([]app.HistoryEntry, error) {
	var rows []historyRow
	if err := s.reading(ctx, func(db *gorm.DB) error {
		return db.Where("entity = ? AND entity_id = ?", string(e), id).Order("at, id").Find(&rows).Error
	}); err != nil {
		return nil, mapError(err)
	}
	return convert(rows, func(_ int, r historyRow) app.HistoryEntry {
		return app.HistoryEntry{ID: r.ID, Entity: app.Entity(r.Entity), EntityID: r.EntityID, At: r.At, Operator: r.Operator, Action: r.Action, Detail: r.Detail}
	}), nil
}
