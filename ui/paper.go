package ui

import (
	"context"
	"fmt"
	"io"

	"gongwen/app"
	"gongwen/reports"
)

// The forms of DOMAIN.md §6, each tied to its reports function.

func handlingSlipPaper(d app.Document) paper {
	return paper{name: "收文处理笺-" + docName(d), write: func(_ context.Context, _ *UI, w io.Writer, f *reports.Fonts, s app.Settings) (reports.Printed, error) {
		return reports.HandlingSlip(w, f, s, &d)
	}, record: d}
}

func circulationPaper(d app.Document) paper {
	return paper{name: "公文传阅单-" + docName(d), write: func(_ context.Context, _ *UI, w io.Writer, f *reports.Fonts, s app.Settings) (reports.Printed, error) {
		var readers []string
		for _, c := range d.Circulations {
			readers = append(readers, c.Reader)
		}
		return reports.CirculationSlip(w, f, s, &d, readers)
	}, record: d}
}

func outgoingPaper(d app.Document) paper {
	return paper{name: "发文稿纸-" + ellipsis(orText(d.DocNo, d.Title), 30), write: func(_ context.Context, _ *UI, w io.Writer, f *reports.Fonts, s app.Settings) (reports.Printed, error) {
		return reports.OutgoingForm(w, f, s, &d)
	}, record: d}
}

func sealRequestPaper(r app.SealRequest) paper {
	return paper{name: "用印申请单-" + r.Number, write: func(ctx context.Context, u *UI, w io.Writer, f *reports.Fonts, s app.Settings) (reports.Printed, error) {
		chain, err := u.desk.SealChain(ctx, &r)
		if err != nil {
			return reports.Printed{}, err
		}
		r.Chain = chain // a draft goes round with the steps it will take
		return reports.SealRequestForm(w, f, s, &r)
	}, record: r}
}

func sealLogPaper(u *UI, from, to app.Date) paper {
	return paper{name: fmt.Sprintf("用印登记簿-%s至%s", from, to), write: func(ctx context.Context, u *UI, w io.Writer, f *reports.Fonts, s app.Settings) (reports.Printed, error) {
		used, err := app.All(func(p app.Page) ([]app.SealRequest, int, error) {
			return u.desk.Store.SealRequests(ctx, app.SealFilter{Statuses: []app.SealStatus{app.SealUsed}, UsedFrom: from, UsedTo: to, Sort: "used_on", Page: p})
		})
		if err != nil {
			return reports.Printed{}, err
		}
		return reports.SealLog(w, f, s, from, to, used)
	}}
}

func minutesPaper(m app.Meeting) paper {
	return paper{name: "会议纪要-" + m.Name(), write: func(_ context.Context, _ *UI, w io.Writer, f *reports.Fonts, s app.Settings) (reports.Printed, error) {
		return reports.Minutes(w, f, s, &m)
	}, record: m}
}

func catalogPaper(u *UI, dir app.Direction, year int) paper {
	return paper{name: fmt.Sprintf("归档文件目录-%s-%d", dir.Label(), year), write: func(ctx context.Context, u *UI, w io.Writer, f *reports.Fonts, s app.Settings) (reports.Printed, error) {
		docs, err := app.All(func(p app.Page) ([]app.Document, int, error) {
			return u.desk.Store.Documents(ctx, app.DocumentFilter{Direction: dir, ArchiveYear: year, Statuses: []app.DocStatus{app.StatusArchived}, Page: p})
		})
		if err != nil {
			return reports.Printed{}, err
		}
		return reports.ArchiveCatalog(w, f, s, year, docs)
	}}
}

func monthlyPaper(r app.MonthlyReport) paper {
	name := fmt.Sprintf("督查通报-%d年%d月", r.Year, int(r.Month))
	if r.Quarter > 0 {
		name = fmt.Sprintf("督查通报-%d年第%d季度", r.Year, r.Quarter)
	}
	return paper{name: name, write: func(_ context.Context, _ *UI, w io.Writer, f *reports.Fonts, s app.Settings) (reports.Printed, error) {
		return reports.MonthlyReport(w, f, s, r)
	}, record: r}
}
