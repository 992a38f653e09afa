package data

import (
	"context"
	"time"

	"gorm.io/gorm"

	"gongwen/app"
)

// itemBook stores the 督查事项 with their stages, progress and 回访.
var itemBook = &book[app.Item, itemRow, *itemRow]{
	entity:   app.EntityItem,
	toRow:    itemToRow,
	fill:     fillItems,
	children: saveItemChildren,
	search:   itemEntry,
	meta: func(it *app.Item) (*int64, *time.Time, *time.Time) {
		return &it.ID, &it.CreatedAt, &it.UpdatedAt
	},
	version: func(it *app.Item) *int { return &it.Version },
	missing: func(id int64) *app.Error {
		return notFound("这项督办事项（内部编号%d），可能已被删除", id)
	},
	sorts: map[string]string{
		"number":      "year %[1]s, seq %[1]s",
		"deadline":    "current_deadline %[1]s",
		"assigned_on": "assigned_on %[1]s",
		"lead_unit":   "lead_unit %[1]s",
	},
	newest: "assigned_on DESC, id DESC",
}

func itemToRow(it *app.Item) itemRow {
	var r itemRow
	toRow(&r, it, "")
	r.CurrentDeadline = dateText(it.CurrentDeadline())
	return r
}

func (r *itemRow) domain() app.Item {
	var it app.Item
	fromRow(&it, r, "")
	return it
}

func fillItems(db *gorm.DB, rows []itemRow) ([]app.Item, error) {
	ids := keys(rows)
	var err error
	stages := children[stageRow](db, "item_id", ids, &err)
	progress := children[progressRow](db, "item_id", ids, &err)
	visits := children[followUpRow](db, "item_id", ids, &err)
	if err != nil {
		return nil, err
	}
	out := make([]app.Item, len(rows))
	for i := range rows {
		it := rows[i].domain()
		it.Stages = convert(stages[it.ID], func(_ int, s stageRow) app.Stage {
			return app.Stage{Name: s.Name, Deadline: dateOf(s.Deadline), DoneOn: dateOf(s.DoneOn)}
		})
		it.Progress = convert(progress[it.ID], func(_ int, p progressRow) app.Progress {
			return app.Progress{On: dateOf(p.OnDate), Text: p.Text, Operator: p.Operator}
		})
		it.FollowUps = convert(visits[it.ID], func(_ int, f followUpRow) app.FollowUp {
			return app.FollowUp{On: dateOf(f.OnDate), Text: f.Text, Reopened: f.Reopened}
		})
		out[i] = it
	}
	return out, nil
}

func saveItemChildren(db *gorm.DB, id int64, it *app.Item) error {
	return firstErr(
		func() error {
			return replaceChildren(db, "item_id", id, convert(it.Stages, func(i int, s app.Stage) stageRow {
				return stageRow{ItemID: id, Pos: i, Name: s.Name, Deadline: dateText(s.Deadline), DoneOn: dateText(s.DoneOn)}
			}))
		},
		func() error {
			return replaceChildren(db, "item_id", id, convert(it.Progress, func(i int, p app.Progress) progressRow {
				return progressRow{ItemID: id, Pos: i, OnDate: dateText(p.On), Text: p.Text, Operator: p.Operator}
			}))
		},
		func() error {
			return replaceChildren(db, "item_id", id, convert(it.FollowUps, func(i int, f app.FollowUp) followUpRow {
				return followUpRow{ItemID: id, Pos: i, OnDate: dateText(f.On), Text: f.Text, Reopened: f.Reopened}
			}))
		},
	)
}

func itemEntry(it *app.Item) searchEntry {
	fields := []string{it.Number, it.Title, it.Content, it.SourceRef, it.LeadUnit, it.Responsible, it.LeaderInCharge, it.Result}
	fields = append(fields, it.CoUnits...)
	for _, s := range it.Stages {
		fields = append(fields, s.Name)
	}
	for _, p := range it.Progress {
		fields = append(fields, p.Text)
	}
	for _, f := range it.FollowUps {
		fields = append(fields, f.Text)
	}
	return searchEntry{Number: it.Number, Title: it.Title, Status: it.Status.Label(), Date: it.AssignedOn, Fields: fields}
}

func itemConds(f app.ItemFilter) conds {
	var c conds
	oneOf(&c, "status", f.Statuses)
	eq(&c, "year", f.Year)
	eq(&c, "source_type", string(f.SourceType))
	c.contains(f.Unit, "lead_unit", "co_units")
	c.text(app.EntityItem, string(app.EntityItem), f.Text)
	open := string(app.ItemOpen)
	if !f.DeadlineBefore.IsZero() {
		c.add("status = ? AND current_deadline < ?", open, dateText(f.DeadlineBefore))
	}
	if !f.DeadlineFrom.IsZero() || !f.DeadlineTo.IsZero() {
		c.add("status = ?", open)
		c.between("current_deadline", f.DeadlineFrom, f.DeadlineTo)
	}
	// active in a period: assigned by its end and not done before its start
	if !f.ActiveTo.IsZero() {
		c.add("assigned_on <= ?", dateText(f.ActiveTo))
	}
	if !f.ActiveFrom.IsZero() {
		c.add("NOT (status = ? AND done_on < ?)", string(app.ItemDone), dateText(f.ActiveFrom))
	}
	return c
}

func (s *Store) Item(ctx context.Context, id int64) (*app.Item, error) {
	return view(s, ctx, func(db *gorm.DB) (*app.Item, error) { return itemBook.get(db, id) })
}

func (s *Store) ItemByNumber(ctx context.Context, number string) (*app.Item, error) {
	return view(s, ctx, func(db *gorm.DB) (*app.Item, error) { return itemByNumber(db, number) })
}

func (t *tx) ItemByNumber(number string) (*app.Item, error) { return itemByNumber(t.db, number) }

func itemByNumber(db *gorm.DB, number string) (*app.Item, error) {
	number = app.NormalizeDocNo(number) // 督[2026]3号 is 督〔2026〕3号
	return itemBook.first(db, notFound("督办事项%s", number), "id", "number = ? AND number <> ''", number)
}

func (s *Store) Items(ctx context.Context, f app.ItemFilter) ([]app.Item, int, error) {
	return viewList(s, ctx, func(db *gorm.DB) ([]app.Item, int, error) {
		return itemBook.list(db, s.eng, itemConds(f), f.Sort, f.Desc, f.Page)
	})
}

func (t *tx) Item(id int64) (*app.Item, error) { return itemBook.get(t.db, id) }

func (t *tx) SaveItem(it *app.Item) error { return itemBook.save(t.db, t.eng, it) }
