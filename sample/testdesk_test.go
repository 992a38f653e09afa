package sample

import (
	"context"
	"os"
	"path/filepath"
	"sync"
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

// sampleDay is the day of the shared sample office: the 第15次 meeting is
// four days ahead.
var sampleDay = time.Date(2026, 12, 3, 10, 0, 0, 0, time.Local)

// The sample office takes seconds to load: the tests that only read it
// share one, built once into sharedFile, each on a copy.
var (
	sharedOnce sync.Once
	sharedDir  string
	sharedFile string
	sharedErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if sharedDir != "" {
		os.RemoveAll(sharedDir)
	}
	os.Exit(code)
}

// OpenSampleCopy opens a copy of the sample office as loaded on sampleDay,
// with a desk whose clock reads sampleDay. It is exported for the
// sample_test files.
func OpenSampleCopy(t testing.TB) (*data.Store, *app.Desk) {
	t.Helper()
	sharedOnce.Do(func() { sharedFile, sharedErr = buildShared() })
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	b, err := os.ReadFile(sharedFile)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sample.db")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	store, desk := OpenTestDesk(t, path)
	desk.Now = func() time.Time { return sampleDay }
	return store, desk
}

// buildShared loads the sample office on sampleDay and backs it up into
// one file (nothing left in a -wal beside it).
func buildShared() (string, error) {
	ctx := context.Background()
	var err error
	if sharedDir, err = os.MkdirTemp("", "gongwen-sample"); err != nil {
		return "", err
	}
	store, err := data.Open(filepath.Join(sharedDir, "building.db"))
	if err != nil {
		return "", err
	}
	defer store.Close()
	desk, err := app.NewDesk(ctx, store, "测试员")
	if err != nil {
		return "", err
	}
	desk.Now = func() time.Time { return sampleDay }
	if _, err := Load(ctx, desk); err != nil {
		return "", err
	}
	file := filepath.Join(sharedDir, "sample.db")
	return file, store.Backup(ctx, file)
}
