package data

import (
	"testing"

	"gongwen/app"
)

// Histories reads the entries of many records in one go, each record's
// oldest first, past the chunk a single query holds.
func TestHistoriesOfManyItems(t *testing.T) {
	s := newStore(t)
	a, b := item(), item()
	b.Seq, b.Number = 6, "督〔2026〕6号"
	update(t, s, func(tx app.Tx) error {
		for _, it := range []*app.Item{&a, &b} {
			if err := tx.SaveItem(it); err != nil {
				return err
			}
		}
		for i, e := range []struct {
			id     int64
			action string
		}{{a.ID, "立项"}, {b.ID, "立项"}, {a.ID, "交办"}, {a.ID, "催办"}} {
			err := tx.AddHistory(app.HistoryEntry{Entity: app.EntityItem, EntityID: e.id, At: created.AddDate(0, 0, i), Operator: "测试员", Action: e.action})
			if err != nil {
				return err
			}
		}
		return nil
	})

	ids := []int64{a.ID}
	for i := int64(1); i <= historyChunk; i++ {
		ids = append(ids, b.ID+i) // records that have no history
	}
	ids = append(ids, b.ID) // in the second chunk
	got, err := s.Histories(ctx, app.EntityItem, ids)
	must(t, err)
	for _, id := range []int64{a.ID, b.ID} {
		one, err := s.History(ctx, app.EntityItem, id)
		must(t, err)
		mustEqual(t, "history", got[id], one)
	}
	mustEqual(t, "records with history", len(got), 2)
	none, err := s.Histories(ctx, app.EntityItem, nil)
	must(t, err)
	mustEqual(t, "no records", len(none), 0)
}
