package exchange

import (
	"context"
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongwen/app"
)

// register10k is a 收文登记簿 of 10,000 rows over two years: a title row,
// numbers, dates in several forms, 文号 in [] and 〔〕, lead units and time
// limits on half the rows, results on a quarter.
func register10k(b testing.TB) []byte {
	units := []string{"市政府办公室", "市应急管理局", "区财政局", "桃花镇", "东城街道", "区教育局", "省政府办公厅"}
	return workbook(b, func(f *excelize.File) {
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		sw.SetRow("A1", []any{"收文登记簿（2024—2025年）"})
		sw.SetRow("A2", []any{"收文编号", "收文日期", "来文单位", "文号", "文件标题", "密级", "缓急", "份数", "承办科室", "办结时限", "办理结果", "备注"})
		for i := 0; i < 10000; i++ {
			year, n := 2024+i/5000, i%5000+1
			day := app.D(year, 1, 2).AddDays(n * 360 / 5000)
			var date any = day.String()
			switch i % 4 {
			case 1:
				date = fmt.Sprintf("%d/%d/%d", day.Year, day.Month, day.Day)
			case 2:
				date = day.Time() // a real date cell
			case 3:
				date = day.Chinese()
			}
			unit := units[i%len(units)]
			no := fmt.Sprintf("%s[%d]%d号", unit[:6], year, n)
			if i%2 == 0 {
				no = fmt.Sprintf("%s〔%d〕%d号", unit[:6], year, n)
			}
			row := []any{fmt.Sprintf("%d-%04d", year, n), date, unit, no, fmt.Sprintf("关于第%d项工作的通知", i+1), "无", "平件", 1 + i%3}
			if i%2 == 0 {
				row = append(row, "区应急管理局", 5)
			} else {
				row = append(row, "", "")
			}
			if i%4 == 0 {
				row = append(row, "已办理并反馈")
			} else {
				row = append(row, "")
			}
			row = append(row, "")
			cell, _ := excelize.CoordinatesToCellName(1, i+3)
			if err := sw.SetRow(cell, row); err != nil {
				b.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkImport10k reads a 10,000-row register and imports it into an
// empty database in one transaction.
//
//	go test -tags sqlite_fts5 -run '^$' -bench Import10k -benchtime 3x ./exchange
func BenchmarkImport10k(b *testing.B) {
	file := register10k(b)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		desk := newDesk(b)
		b.StartTimer()
		p := readBytes(b, Docs, "收文登记簿.xlsx", file, ReadOptions{})
		rep, err := p.Run(context.Background(), desk, app.ImportOptions{})
		if err != nil || rep.Imported != 10000 {
			b.Fatalf("%+v %v %v", rep, err, problemTexts(rep.Problems[:min(5, len(rep.Problems))]))
		}
	}
}
