package data

import (
	"os"
	"testing"
	"time"

	"gongwen/app"
	"gongwen/sample"
)

// The benchmarks of the store run on the large office of package sample
// (issue 7: ten years, 100,000 documents, 20,000 supervision items with
// 100,000 progress entries, 10,000 seal requests, 2,000 meetings), built
// once into the system's temporary folder and reused by later runs. By
// default they use a twentieth of it (5,000 documents), which builds in
// seconds; GONGWEN_BENCH_LARGE=1 uses the full office (about three minutes
// to build the first time on two cores). See docs/BENCHMARKS.md.
//
//	go test -tags sqlite_fts5 -run '^$' -bench . ./data/
//	GONGWEN_BENCH_LARGE=1 go test -tags sqlite_fts5 -run '^$' -bench . -timeout 30m ./data/

// benchStore opens the benchmarks' large office, building it first when
// the temporary folder does not hold it yet; today is its day.
//
// GONGWEN_PG=URL runs them on that PostgreSQL database instead, building
// the same office there the first time (it stays for later runs):
//
//	GONGWEN_PG=postgres://…/gongwen_bench go test -tags sqlite_fts5 -run '^$' -bench 'Search|ListPage' ./data/
func benchStore(b *testing.B) (s *Store, today app.Date) {
	b.Helper()
	if u := os.Getenv("GONGWEN_PG"); u != "" {
		return benchServer(b, u)
	}
	cache := sample.BenchLarge(func(path string) (app.Store, func() error, error) {
		s, err := Open(path)
		if err != nil {
			return nil, nil, err
		}
		return s, s.Close, nil
	}, b.Logf)
	path, err := cache.Path(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if s, err = Open(path); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if fi, err := os.Stat(path); err == nil {
		b.Logf("store %s: %d MB", path, fi.Size()>>20)
	}
	return s, cache.Day
}

// benchServer opens the benchmarks' office on the server at u, building
// it when the database holds no documents yet.
func benchServer(b *testing.B, u string) (*Store, app.Date) {
	s, err := Open(u)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	cache := sample.BenchLarge(nil, b.Logf)
	if _, n, err := s.Documents(ctx, app.DocumentFilter{Page: app.Page{Limit: 1}}); err != nil {
		b.Fatal(err)
	} else if n == 0 {
		started := time.Now()
		desk, err := app.NewDesk(ctx, s, "张文书")
		if err != nil {
			b.Fatal(err)
		}
		desk.Now = func() time.Time { return cache.Day.Time().Add(10 * time.Hour) }
		if _, err := sample.LoadLarge(ctx, desk, sample.LargeOptions{Divisor: cache.Divisor}); err != nil {
			b.Fatal(err)
		}
		b.Logf("built the office (1/%d) on %s in %s", cache.Divisor, ServerName(u), time.Since(started).Round(time.Second))
	}
	return s, cache.Day
}

// BenchmarkSearch is the global search box: the first page of hits (50)
// and their total, for the words secretaries type. Target: ≤ 50 ms each.
func BenchmarkSearch(b *testing.B) {
	s, _ := benchStore(b)
	for _, c := range []struct{ name, q string }{
		{"1-char", "区"},      // in nearly every record
		{"1-char-rare", "汛"}, // in a few percent
		{"2-char", "安全"},
		{"4-char", "安全生产"},
		{"文号-fragment", "〔2024〕12"},
		{"two-words", "财政 预算"},
	} {
		b.Run(c.name, func(b *testing.B) {
			total := 0
			for b.Loop() {
				hits, n, err := s.Search(ctx, c.q, app.Page{Limit: 50})
				if err != nil || (n > 0 && len(hits) == 0) {
					b.Fatal(n, err)
				}
				total = n
			}
			b.ReportMetric(float64(total), "hits")
		})
	}
	b.Run("filter-2-char", func(b *testing.B) { // the 关键词 box of the 收文 book
		for b.Loop() {
			if _, _, err := s.Documents(ctx, app.DocumentFilter{Direction: app.Incoming, Text: "安全", Sort: "serial", Desc: true, Page: app.Page{Limit: 100}}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
