package app

import (
	"context"
	"fmt"
	"regexp"
	"strings"
)

// ImportItems imports supervision items; an item with a 办结日期 is done.
func (k *Desk) ImportItems(ctx context.Context, rows []ImportRow[Item], opt ImportOptions) (ImportResult, error) {
	return runImport(ctx, k, importer[Item]{
		entity:  EntityItem,
		prepare: prepareItem,
		keys:    func(*Item) []dupKey { return nil },
		check: func(tx Tx, it *Item) error {
			return inUse(it.Number, tx.ItemByNumber, func(old *Item) string {
				return fmt.Sprintf("督办编号%s已被“%s”使用", it.Number, old.Title)
			})
		},
		slots: func(it *Item) []slot {
			return []slot{{counter: fmt.Sprintf("item:%d", it.Year), n: it.Seq, what: "督办编号" + it.Number, lookedUp: true,
				set: func(n int) { it.Seq, it.Number = n, ItemNumber(it.Year, n) }}}
		},
		save:   func(tx Tx, its []*Item) error { return each(its, tx.SaveItem) },
		detail: func(it *Item) string { return strings.TrimSpace(it.Number + " " + it.Title) },
	}, rows, opt)
}

func prepareItem(it *Item) error {
	it.ID = 0
	if it.Status == "" {
		it.Status = ItemOpen
		if !it.DoneOn.IsZero() {
			it.Status = ItemDone
		}
	}
	if err := it.Validate(); err != nil {
		return err
	}
	if it.Status != ItemOpen && it.Status != ItemDone {
		return Errorf(EINVALID, "事项状态“%s”无法识别", it.Status)
	}
	if it.Status == ItemDone && it.DoneOn.IsZero() {
		return Errorf(EINVALID, "已办结的事项请填写办结日期")
	}
	if !it.DoneOn.IsZero() && it.DoneOn.Before(it.AssignedOn) {
		return Errorf(EINVALID, "办结日期（%s）不能早于交办日期（%s）", it.DoneOn, it.AssignedOn)
	}
	it.Year, it.Seq = it.AssignedOn.Year, 0
	if it.Number = strings.TrimSpace(it.Number); it.Number != "" {
		y, n, ok := ParseSerial(it.Number)
		if !ok {
			return Errorf(EINVALID, "督办编号“%s”无法识别，应为 %s 或序号", Excerpt(it.Number), ItemNumber(it.Year, 12))
		}
		if y != 0 {
			it.Year = y
		}
		it.Seq, it.Number = n, ItemNumber(it.Year, n)
	}
	return nil
}

// maxSerial bounds the numbers an import may give.
const maxSerial = 99999

var digitRuns = regexp.MustCompile(`[0-9]+`)
