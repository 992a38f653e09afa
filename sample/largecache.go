package sample

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"gongwen/app"
)

// BenchDay is the today of the benchmarks' large office: a fixed day, so
// that the figures of two runs (and the cached file) compare.
var BenchDay = app.D(2026, 11, 23)

// LargeCache is a large office built once and kept in a folder, for the
// benchmarks of several packages: the first run builds it (a few minutes
// at full size), later runs reuse it. Files are named by the generator's
// version, the day and the divisor, so a changed generator builds anew.
type LargeCache struct {
	Dir     string
	Day     app.Date
	Divisor int
	// Open opens (creating) a store at path and returns it with its Close.
	Open func(path string) (app.Store, func() error, error)
	// Log, when set, reports building.
	Log func(format string, args ...any)
}

// BenchLarge is the benchmarks' cache in the system's temporary folder: the
// full large office when GONGWEN_BENCH_LARGE=1, else a twentieth of it
// (5,000 documents), which builds in seconds.
func BenchLarge(open func(path string) (app.Store, func() error, error), log func(string, ...any)) LargeCache {
	divisor := 20
	if os.Getenv("GONGWEN_BENCH_LARGE") == "1" {
		divisor = 1
	}
	return LargeCache{Dir: filepath.Join(os.TempDir(), "gongwen-bench"), Day: BenchDay, Divisor: divisor, Open: open, Log: log}
}

// Path returns the cached file, building it first when it is missing.
// Two processes asking at once build it once: the second waits.
func (c LargeCache) Path(ctx context.Context) (string, error) {
	path := filepath.Join(c.Dir, fmt.Sprintf("large-g%d-%s-1of%d.db", LargeVersion, c.Day.Compact(), max(c.Divisor, 1)))
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	if err := os.MkdirAll(c.Dir, 0o755); err != nil {
		return "", err
	}
	unlock, err := lock(ctx, path+".lock")
	if err != nil {
		return "", err
	}
	defer unlock()
	if _, err := os.Stat(path); err == nil { // built while we waited
		return path, nil
	}
	started := time.Now()
	tmp := fmt.Sprintf("%s.building-%d", path, os.Getpid())
	for _, f := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
		os.Remove(f)
	}
	store, closeStore, err := c.Open(tmp)
	if err != nil {
		return "", err
	}
	desk, err := app.NewDesk(ctx, store, "张文书")
	if err == nil {
		desk.Now = func() time.Time { return c.Day.Time().Add(10 * time.Hour) }
		_, err = LoadLarge(ctx, desk, LargeOptions{Divisor: c.Divisor})
	}
	if cerr := closeStore(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return "", err
	}
	if err := os.Rename(tmp, path); err != nil {
		return "", err
	}
	if c.Log != nil {
		if fi, err := os.Stat(path); err == nil {
			c.Log("built %s (%d MB) in %v", path, fi.Size()>>20, time.Since(started).Round(time.Second))
		}
	}
	return path, nil
}

// lock takes the lock file path, waiting while another process holds it;
// a lock older than an hour is taken to be left over from a killed run.
func lock(ctx context.Context, path string) (func(), error) {
	for {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err == nil {
			f.Close()
			return func() { os.Remove(path) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		if fi, err := os.Stat(path); err == nil && time.Since(fi.ModTime()) > time.Hour {
			os.Remove(path)
			continue
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// BenchDesk opens the benchmarks' large office (building it first when it
// is missing) through open, with a desk whose today is the office's day; the
// function returned closes the store.
func BenchDesk(ctx context.Context, open func(path string) (app.Store, func() error, error), log func(string, ...any)) (*app.Desk, func() error, error) {
	cache := BenchLarge(open, log)
	path, err := cache.Path(ctx)
	if err != nil {
		return nil, nil, err
	}
	store, closeStore, err := open(path)
	if err != nil {
		return nil, nil, err
	}
	desk, err := app.NewDesk(ctx, store, "基准测试")
	if err != nil {
		closeStore()
		return nil, nil, err
	}
	desk.Now = func() time.Time { return cache.Day.Time().Add(10 * time.Hour) }
	return desk, closeStore, nil
}
