package exchange

import (
	"context"
	"io"
	"testing"
	"time"

	"gongwen/app"
	"gongwen/data"
	"gongwen/sample"
)

// BenchmarkExport100k writes every document of the large office to .xlsx
// (target ≤ 10 s for 100,000). By default it uses the benchmarks' twentieth
// of the office; GONGWEN_BENCH_LARGE=1 uses the whole one (docs/BENCHMARKS.md).
func BenchmarkExport100k(b *testing.B) {
	ctx := context.Background()
	cache := sample.BenchLarge(func(path string) (app.Store, func() error, error) {
		s, err := data.Open(path)
		if err != nil {
			return nil, nil, err
		}
		return s, s.Close, nil
	}, b.Logf)
	path, err := cache.Path(ctx)
	if err != nil {
		b.Fatal(err)
	}
	store, err := data.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	desk, err := app.NewDesk(ctx, store, "基准测试")
	if err != nil {
		b.Fatal(err)
	}
	desk.Now = func() time.Time { return cache.Day.Time() }
	b.ResetTimer()
	for range b.N {
		n, err := ExportDocuments(ctx, desk, app.DocumentFilter{}, io.Discard, ExportOptions{Format: XLSX})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(n), "docs")
	}
}
