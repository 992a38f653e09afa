// The Desk's steps on the 督查 book: 立项 to 销号, 回访, and the monthly 通报.

package app

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// CreateItem saves a new supervision item (立项), open, with the next 督办编号
// of its year. Its 分管领导, when given, must be on the 领导名单.
func (k *Desk) CreateItem(ctx context.Context, it *Item) error {
	if err := k.optionalLeader(ctx, it.LeaderInCharge); err != nil {
		return err
	}
	return k.Store.Update(ctx, func(tx Tx) error { return k.createItem(ctx, tx, it) })
}

func (k *Desk) createItem(ctx context.Context, tx Tx, it *Item) error {
	it.ID, it.Status = 0, ItemOpen
	if err := it.Validate(); err != nil {
		return err
	}
	it.Year = it.AssignedOn.Year
	n, err := tx.NextNumber(fmt.Sprintf("item:%d", it.Year))
	if err != nil {
		return err
	}
	it.Seq, it.Number = n, ItemNumber(it.Year, n)
	it.CreatedAt, it.UpdatedAt = k.Now(), k.Now()
	if err := tx.SaveItem(it); err != nil {
		return err
	}
	return k.history(ctx, tx, EntityItem, it.ID, "立项", it.Number+" "+it.Title)
}

// EditItem saves changes to an item's assignment data. The item must not be
// 已办结 (CanEdit); its progress, follow-ups, result and finished stages stay
// as stored.
func (k *Desk) EditItem(ctx context.Context, edited *Item) (*Item, error) {
	if err := k.optionalLeader(ctx, edited.LeaderInCharge); err != nil {
		return nil, err
	}
	return k.changeItem(ctx, edited.ID, "修改事项", func(_ Tx, it *Item) (string, error) {
		if err := it.CanEdit(); err != nil {
			return "", err
		}
		keep := *it
		*it = *edited
		it.ID, it.Number, it.Year, it.Seq, it.Status, it.CreatedAt = keep.ID, keep.Number, keep.Year, keep.Seq, keep.Status, keep.CreatedAt
		it.Progress, it.FollowUps, it.DoneOn, it.Result = keep.Progress, keep.FollowUps, keep.DoneOn, keep.Result
		it.Satisfaction = keep.Satisfaction
		// a stage finished in the store stays finished, whatever the form held
		for i := range it.Stages {
			for _, old := range keep.Stages {
				if old.Name == it.Stages[i].Name && !old.DoneOn.IsZero() {
					it.Stages[i].DoneOn = old.DoneOn
				}
			}
		}
		return it.Title, it.Validate()
	})
}

// AddProgress records the lead unit's feedback (进展反馈) under the operator
// of ctx. The item must not be 已办结 (CanAddProgress).
func (k *Desk) AddProgress(ctx context.Context, id int64, on Date, text string) (*Item, error) {
	return k.changeItem(ctx, id, "进展反馈", func(_ Tx, it *Item) (string, error) {
		return text, it.AddProgress(Progress{On: on, Text: text, Operator: k.Operator(ctx)})
	})
}

// CompleteStage marks the item's stage (from 0) done on day on. The item
// must have a stage not done yet (CanCompleteStage).
func (k *Desk) CompleteStage(ctx context.Context, id int64, stage int, on Date) (*Item, error) {
	return k.changeItem(ctx, id, "阶段完成", func(_ Tx, it *Item) (string, error) {
		err := it.CompleteStage(stage, on)
		if err != nil {
			return "", err
		}
		return it.Stages[stage].Name, nil
	})
}

// CompleteItem closes an open item (办结销号, CanComplete) with its result.
func (k *Desk) CompleteItem(ctx context.Context, id int64, result string, on Date) (*Item, error) {
	return k.changeItem(ctx, id, "办结", func(_ Tx, it *Item) (string, error) { return result, it.Complete(result, on) })
}

// VisitItem records a 回访 of a 已办结 item (CanVisit); reopen sends it back
// to the unit with newDeadline.
func (k *Desk) VisitItem(ctx context.Context, id int64, on Date, text string, reopen bool, newDeadline Date) (*Item, error) {
	action := "回访"
	if reopen {
		action = "回访并重新交办"
	}
	return k.changeItem(ctx, id, action, func(_ Tx, it *Item) (string, error) {
		return text, it.Visit(on, text, reopen, newDeadline)
	})
}

// RecordSatisfaction records the deputy's answer to a 人大代表建议 or 政协委员
// 提案 that is 已办结 (CanRecordSatisfaction); 不满意 sends it back to the unit
// with newDeadline.
func (k *Desk) RecordSatisfaction(ctx context.Context, id int64, s Satisfaction, newDeadline Date) (*Item, error) {
	return k.changeItem(ctx, id, "满意度", func(_ Tx, it *Item) (string, error) {
		return string(s), it.RecordSatisfaction(s, k.Today(), newDeadline)
	})
}

// ItemFromInstruction makes a supervision item of the n-th 批示 (from 0) of
// a document in one step. The document must have a 批示 and a lead unit
// (CanMakeItem).
func (k *Desk) ItemFromInstruction(ctx context.Context, docID int64, n int, deadline Date) (*Item, error) {
	var it Item
	err := k.Store.Update(ctx, func(tx Tx) error {
		d, err := tx.Document(docID)
		if err != nil {
			return err
		}
		if err := d.CanMakeItem(); err != nil {
			return err
		}
		if n < 0 || n >= len(d.Instructions) {
			return Errorf(ENOTFOUND, "这份公文没有第%d条批示", n+1)
		}
		it = ItemFromInstruction(d, d.Instructions[n], deadline)
		if err := k.createItem(ctx, tx, &it); err != nil {
			return err
		}
		return k.history(ctx, tx, EntityDocument, d.ID, "转督办", it.Number)
	})
	return &it, err
}

// MonthlyReport counts the supervision items of a month's 督查通报 (its
// scope is the year's: see BuildMonthlyReport); the issue number is the
// month's (one 通报 a month, counted per year). It changes nothing.
func (k *Desk) MonthlyReport(ctx context.Context, year int, month time.Month) (MonthlyReport, error) {
	return k.periodReport(ctx, year, month, func(items []Item) MonthlyReport {
		r := BuildMonthlyReport(items, year, month, k.Today(), k.Calendar(), k.Settings().Rules.WarnDays)
		r.Issue = int(month)
		return r
	})
}

// QuarterlyReport is the quarterly edition of the 督查通报, numbered by
// its quarter (第4期 for the fourth).
func (k *Desk) QuarterlyReport(ctx context.Context, year, quarter int) (MonthlyReport, error) {
	if quarter < 1 || quarter > 4 {
		return MonthlyReport{}, Errorf(EINVALID, "季度应为1至4，不是%d", quarter)
	}
	return k.periodReport(ctx, year, time.Month(3*quarter), func(items []Item) MonthlyReport {
		r := BuildQuarterlyReport(items, year, quarter, k.Today(), k.Calendar(), k.Settings().Rules.WarnDays)
		r.Issue = quarter
		return r
	})
}

// periodReport builds the 通报 ending with month from the items active in
// the year up to its end.
func (k *Desk) periodReport(ctx context.Context, year int, month time.Month, build func([]Item) MonthlyReport) (MonthlyReport, error) {
	items, err := All(func(p Page) ([]Item, int, error) {
		return k.Store.Items(ctx, ItemFilter{ActiveFrom: D(year, time.January, 1), ActiveTo: D(year, month, 1).LastOfMonth(), Sort: "number", Page: p})
	})
	if err != nil {
		return MonthlyReport{}, err
	}
	r := build(items)
	st := k.Settings()
	r.OrgName = st.OrgName
	r.ReportTo = firstNonEmpty(st.MonthlyReportTo, DefaultReportTo)
	r.SendTo = firstNonEmpty(st.MonthlySendTo, DefaultSendTo)
	return r, nil
}

// RememberMonthlyColophon keeps the 报 and 送 lines given to a 通报 for the
// next one; a line left empty or as the default follows the default.
func (k *Desk) RememberMonthlyColophon(ctx context.Context, reportTo, sendTo string) error {
	keep := func(line, def string) string {
		if line = strings.TrimSpace(line); line == def {
			return ""
		}
		return line
	}
	st := k.Settings()
	reportTo, sendTo = keep(reportTo, DefaultReportTo), keep(sendTo, DefaultSendTo)
	if reportTo == st.MonthlyReportTo && sendTo == st.MonthlySendTo {
		return nil
	}
	st.MonthlyReportTo, st.MonthlySendTo = reportTo, sendTo
	return k.changeSettings(ctx, "修改通报报送范围", st.OrgName, func(tx Tx) error { return tx.SaveSettings(st) })
}
