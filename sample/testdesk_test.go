package sample

import (
	"context"
	"testing"
	"time"

	"gongwen/app"
	"gongwen/data"
)

// testToday is the day the sample's tests are anchored on.
var testToday = time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local)

// OpenTestDesk opens a store at path and a desk on it whose clock reads
// testToday; the store is closed when the test ends. It is exported for
// the sample_test files.
func OpenTestDesk(t testing.TB, path string) (*data.Store, *app.Desk) {
	t.Helper()
	store, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	desk, err := app.NewDesk(context.Background(), store, "测试员")
	if err != nil {
		t.Fatal(err)
	}
	desk.Now = func() time.Time { return testToday }
	return store, desk
}
