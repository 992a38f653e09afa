package reports

import (
	"context"
	"io"
	"testing"

	"gongwen/app"
	"gongwen/data"
	"gongwen/sample"
)

// BenchmarkMonthlyReportLarge is the 督查通报 of last month on the large
// office of package sample (see data/bench_test.go: a twentieth of it by
// default, the full office with GONGWEN_BENCH_LARGE=1): desk counts the
// items active in the month (app.Desk.MonthlyReport, every page of them
// read from the store), pdf prints them (reports.MonthlyReport), both is
// what 月度督查通报 → 打印 does. Target: ≤ 500 ms.
func BenchmarkMonthlyReportLarge(b *testing.B) {
	ctx := context.Background()
	desk, closeStore, err := sample.BenchDesk(ctx, openStore, b.Logf)
	if err != nil {
		b.Fatal(err)
	}
	defer closeStore()
	month := desk.Today().FirstOfMonth().AddDays(-1)
	fonts, err := LoadFonts(desk.Settings().Fonts)
	if err != nil {
		b.Fatal(err)
	}
	r, err := desk.MonthlyReport(ctx, month.Year, month.Month)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("督查通报 %d年%d月: %d items (%d new, %d done, %d overdue)", month.Year, month.Month, r.Total, r.NewThisMonth, r.Done, r.Overdue)
	b.Run("desk", func(b *testing.B) {
		for b.Loop() {
			if _, err := desk.MonthlyReport(ctx, month.Year, month.Month); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(r.Total), "items")
	})
	b.Run("pdf", func(b *testing.B) {
		for b.Loop() {
			if _, err := MonthlyReport(io.Discard, fonts, desk.Settings(), r); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(r.Total), "items")
	})
	b.Run("both", func(b *testing.B) {
		for b.Loop() {
			r, err := desk.MonthlyReport(ctx, month.Year, month.Month)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := MonthlyReport(io.Discard, fonts, desk.Settings(), r); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// openStore opens a store for the benchmarks' cache.
func openStore(path string) (app.Store, func() error, error) {
	s, err := data.Open(path)
	if err != nil {
		return nil, nil, err
	}
	return s, s.Close, nil
}
