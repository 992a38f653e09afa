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
	return convert(rows, func(_ int, r historyRow) app.HistoryEntry { return r.entry() }), nil
}

// historyChunk keeps a Histories query well under SQLite's limit on
// bound parameters.
const historyChunk = 500

// Histories lists the entries of the records ids of kind e, oldest first.
func (s *Store) Histories(ctx context.Context, e app.Entity, ids []int64) (map[int64][]app.HistoryEntry, error) {
	out := map[int64][]app.HistoryEntry{}
	for start := 0; start < len(ids); start += historyChunk {
		chunk := ids[start:min(start+historyChunk, len(ids))]
		var rows []historyRow
		if err := s.reading(ctx, func(db *gorm.DB) error {
			return db.Where("entity = ? AND entity_id IN ?", string(e), chunk).Order("at, id").Find(&rows).Error
		}); err != nil {
			return nil, mapError(err)
		}
		for _, r := range rows {
			out[r.EntityID] = append(out[r.EntityID], r.entry())
		}
	}
	return out, nil
}

func (r historyRow) entry() app.HistoryEntry {
	return app.HistoryEntry{ID: r.ID, Entity: app.Entity(r.Entity), EntityID: r.EntityID, At: r.At, Operator: r.Operator, Action: r.Action, Detail: r.Detail}
}
