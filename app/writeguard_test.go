package app_test

import (
	"context"
	"sync/atomic"
	"testing"

	"gongwen/app"
)

// writeGuard is the store under the desks of these tests: it fails the test
// when the desk reads through the store inside a write. Such a read must go
// through the write's Tx, which sees the write's own rows; through the
// store it would wait for a restore that waits for the write.
type writeGuard struct {
	app.Store
	t       testing.TB
	writing atomic.Bool
}

func guarded(t testing.TB, s app.Store) *writeGuard { return &writeGuard{Store: s, t: t} }

func (g *writeGuard) Update(ctx context.Context, fn func(app.Tx) error) error {
	g.writing.Store(true)
	defer g.writing.Store(false)
	return g.Store.Update(ctx, fn)
}

func (g *writeGuard) read(what string) {
	if g.writing.Load() {
		g.t.Helper()
		g.t.Errorf("the desk reads %s through the store inside a write", what)
	}
}

func (g *writeGuard) Document(ctx context.Context, id int64) (*app.Document, error) {
	g.read("Document")
	return g.Store.Document(ctx, id)
}

func (g *writeGuard) DocumentBySerial(ctx context.Context, serial string) (*app.Document, error) {
	g.read("DocumentBySerial")
	return g.Store.DocumentBySerial(ctx, serial)
}

func (g *writeGuard) Documents(ctx context.Context, f app.DocumentFilter) ([]app.Document, int, error) {
	g.read("Documents")
	return g.Store.Documents(ctx, f)
}

func (g *writeGuard) SealRequest(ctx context.Context, id int64) (*app.SealRequest, error) {
	g.read("SealRequest")
	return g.Store.SealRequest(ctx, id)
}

func (g *writeGuard) SealRequestByNumber(ctx context.Context, number string) (*app.SealRequest, error) {
	g.read("SealRequestByNumber")
	return g.Store.SealRequestByNumber(ctx, number)
}

func (g *writeGuard) SealRequests(ctx context.Context, f app.SealFilter) ([]app.SealRequest, int, error) {
	g.read("SealRequests")
	return g.Store.SealRequests(ctx, f)
}

func (g *writeGuard) Item(ctx context.Context, id int64) (*app.Item, error) {
	g.read("Item")
	return g.Store.Item(ctx, id)
}

func (g *writeGuard) ItemByNumber(ctx context.Context, number string) (*app.Item, error) {
	g.read("ItemByNumber")
	return g.Store.ItemByNumber(ctx, number)
}

func (g *writeGuard) Items(ctx context.Context, f app.ItemFilter) ([]app.Item, int, error) {
	g.read("Items")
	return g.Store.Items(ctx, f)
}

func (g *writeGuard) Meeting(ctx context.Context, id int64) (*app.Meeting, error) {
	g.read("Meeting")
	return g.Store.Meeting(ctx, id)
}

func (g *writeGuard) Meetings(ctx context.Context, f app.MeetingFilter) ([]app.Meeting, int, error) {
	g.read("Meetings")
	return g.Store.Meetings(ctx, f)
}

func (g *writeGuard) Search(ctx context.Context, text string, p app.Page) ([]app.SearchHit, int, error) {
	g.read("Search")
	return g.Store.Search(ctx, text, p)
}

func (g *writeGuard) Dashboard(ctx context.Context, q app.DashboardQuery) (app.Dashboard, error) {
	g.read("Dashboard")
	return g.Store.Dashboard(ctx, q)
}

func (g *writeGuard) History(ctx context.Context, e app.Entity, id int64) ([]app.HistoryEntry, error) {
	g.read("History")
	return g.Store.History(ctx, e, id)
}

func (g *writeGuard) Histories(ctx context.Context, e app.Entity, ids []int64) (map[int64][]app.HistoryEntry, error) {
	g.read("Histories")
	return g.Store.Histories(ctx, e, ids)
}

func (g *writeGuard) Settings(ctx context.Context) (app.Settings, error) {
	g.read("Settings")
	return g.Store.Settings(ctx)
}

func (g *writeGuard) Units(ctx context.Context) ([]app.Unit, error) {
	g.read("Units")
	return g.Store.Units(ctx)
}

func (g *writeGuard) Leaders(ctx context.Context) ([]app.Leader, error) {
	g.read("Leaders")
	return g.Store.Leaders(ctx)
}

func (g *writeGuard) Seals(ctx context.Context) ([]app.Seal, error) {
	g.read("Seals")
	return g.Store.Seals(ctx)
}

func (g *writeGuard) DayOverrides(ctx context.Context) ([]app.DayOverride, error) {
	g.read("DayOverrides")
	return g.Store.DayOverrides(ctx)
}

func (g *writeGuard) ConfirmedYears(ctx context.Context) ([]int, error) {
	g.read("ConfirmedYears")
	return g.Store.ConfirmedYears(ctx)
}
