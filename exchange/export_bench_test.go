package exchange

import (
	"context"
	"io"
	"testing"

	"gongwen/app"
	"gongwen/data"
	"gongwen/sample"
)

// BenchmarkExport100k writes every document of the large office to .xlsx
// (target ≤ 10 s for 100,000). By default it uses the benchmarks' twentieth
// of the office; GONGWEN_BENCH_LARGE=1 uses the whole one (docs/BENCHMARKS.md).
func BenchmarkExport100k(b *testing.B) {
	ctx := context.Background()
	desk, closeStore, err := sample.BenchDesk(ctx, func(path string) (app.Store, func() error, error) {
		s, err := data.Open(path)
		if err != nil {
			return nil, nil, err
		}
		return s, s.Close, nil
	}, b.Logf)
	if err != nil {
		b.Fatal(err)
	}
	defer closeStore()
	b.ResetTimer()
	for range b.N {
		n, err := ExportDocuments(ctx, desk, app.DocumentFilter{}, io.Discard, ExportOptions{Format: XLSX})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(n), "docs")
	}
}
