package data

import (
	"fmt"
	"testing"

	"gongwen/app"
)

// Documents inserted together come back whole, with their own ids, child
// lists and search entries.
func TestInsertDocuments(t *testing.T) {
	s := newStore(t)
	var ds []*app.Document
	for i := 1; i <= 250; i++ { // more than one INSERT batch
		d := incoming()
		d.Serial, d.DocNo = fmt.Sprintf("2026-%04d", i), fmt.Sprintf("市政办发〔2025〕%d号", i)
		d.Title = fmt.Sprintf("关于第%d批隐患排查的通知", i)
		ds = append(ds, &d)
	}
	must(t, s.Update(ctx, func(tx app.Tx) error { return tx.InsertDocuments(ds) }))
	seen := map[int64]bool{}
	for _, d := range ds {
		if d.ID == 0 || seen[d.ID] {
			t.Fatalf("id %d given twice or not at all", d.ID)
		}
		seen[d.ID] = true
	}
	last := ds[len(ds)-1]
	got, err := s.Document(ctx, last.ID)
	must(t, err)
	mustEqual(t, "stored", *got, *last)
	hits, total, err := s.Search(ctx, "第250批", app.Page{})
	must(t, err)
	if total != 1 || hits[0].ID != last.ID {
		t.Fatalf("search for the last inserted: %d %+v", total, hits)
	}
	wantCode(t, s.Update(ctx, func(tx app.Tx) error { return tx.InsertDocuments([]*app.Document{got}) }), app.EINTERNAL)
}
