package data

import (
	"os"
	"testing"

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
func benchStore(b *testing.B) (s *Store, today app.Date) {
	b.Helper()
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
