package data

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"

	"gongwen/app"
)

// sealBook stores the 用印申请 and, through their use data, the 用印登记簿.
var sealBook = &book[app.SealRequest, sealRequestRow, *sealRequestRow]{
	entity:   app.EntitySeal,
	toRow:    sealRequestToRow,
	fill:     fillSealRequests,
	children: saveSealChildren,
	search:   sealEntry,
	meta: func(r *app.SealRequest) (*int64, *time.Time, *time.Time) {
		return &r.ID, &r.CreatedAt, &r.UpdatedAt
	},
	version: func(r *app.SealRequest) *int { return &r.Version },
	missing: func(id int64) *app.Error {
		return notFound("这份用印申请（内部编号%d），可能已被删除", id)
	},
	sorts: map[string]string{
		"number":       "year %[1]s, number %[1]s",
		"requested_on": "requested_on %[1]s",
		"used_on":      "used_on = '', used_on %[1]s", // unused last
		"unit":         "unit %[1]s",
	},
	newest: "requested_on DESC, id DESC",
}

func chainToRows(chain []app.ApprovalStep) jsonList[approvalStep] {
	return convert(chain, func(_ int, s app.ApprovalStep) approvalStep {
		return approvalStep{Role: string(s.Role), Action: s.Action}
	})
}

func chainOf(rows jsonList[approvalStep]) []app.ApprovalStep {
	return convert(rows, func(_ int, s approvalStep) app.ApprovalStep {
		return app.ApprovalStep{Role: app.Role(s.Role), Action: s.Action}
	})
}

func sealRequestToRow(r *app.SealRequest) sealRequestRow {
	var row sealRequestRow
	toRow(&row, r, "")
	row.Year, row.Chain = r.RequestedOn.Year, chainToRows(r.Chain)
	return row
}

func (r *sealRequestRow) domain() app.SealRequest {
	var req app.SealRequest
	fromRow(&req, r, "")
	req.Chain = chainOf(r.Chain)
	return req
}

func fillSealRequests(db *gorm.DB, rows []sealRequestRow) ([]app.SealRequest, error) {
	var err error
	approvals := children[approvalRow](db, "request_id", keys(rows), &err)
	if err != nil {
		return nil, err
	}
	out := make([]app.SealRequest, len(rows))
	for i := range rows {
		r := rows[i].domain()
		r.Approvals = convert(approvals[r.ID], func(_ int, a approvalRow) app.Approval {
			return app.Approval{Step: a.Step, Role: app.Role(a.Role), Action: a.Action, Approver: a.Approver, On: dateOf(a.OnDate), Opinion: a.Opinion, For: a.For, Printed: a.Printed}
		})
		out[i] = r
	}
	return out, nil
}

func saveSealChildren(db *gorm.DB, id int64, r *app.SealRequest) error {
	return replaceChildren(db, "request_id", id, convert(r.Approvals, func(i int, a app.Approval) approvalRow {
		return approvalRow{RequestID: id, Pos: i, Step: a.Step, Role: string(a.Role), Action: a.Action, Approver: a.Approver, OnDate: dateText(a.On), Opinion: a.Opinion, For: a.For, Printed: a.Printed}
	}))
}

func sealEntry(r *app.SealRequest) searchEntry {
	fields := []string{r.Number, r.LogNo, r.SealName, r.Unit, r.Contact, r.Reason, r.FileName, r.Destination, r.Remarks, r.RejectReason}
	for _, a := range r.Approvals {
		fields = append(fields, a.Approver, a.Opinion)
	}
	return searchEntry{Number: r.Number, Title: r.FileName, Status: r.Status.Label(), Date: r.RequestedOn, Fields: fields}
}

func sealConds(f app.SealFilter) conds {
	var c conds
	oneOf(&c, "status", f.Statuses)
	eq(&c, "year", f.Year)
	c.contains(f.Unit, "unit")
	c.text(app.EntitySeal, string(app.EntitySeal), f.Text)
	c.between("used_on", f.UsedFrom, f.UsedTo)
	return c
}

func (s *Store) SealRequest(ctx context.Context, id int64) (*app.SealRequest, error) {
	return view(s, ctx, func(db *gorm.DB) (*app.SealRequest, error) { return sealBook.get(db, id) })
}

func (s *Store) SealRequestByNumber(ctx context.Context, number string) (*app.SealRequest, error) {
	return view(s, ctx, func(db *gorm.DB) (*app.SealRequest, error) { return sealRequestByNumber(db, number) })
}

func (t *tx) SealRequestByNumber(number string) (*app.SealRequest, error) {
	return sealRequestByNumber(t.db, number)
}

func sealRequestByNumber(db *gorm.DB, number string) (*app.SealRequest, error) {
	number = strings.TrimSpace(number)
	return sealBook.first(db, notFound("用印申请%s", number), "id", "number = ? AND number <> ''", number)
}

func (s *Store) SealRequests(ctx context.Context, f app.SealFilter) ([]app.SealRequest, int, error) {
	return viewList(s, ctx, func(db *gorm.DB) ([]app.SealRequest, int, error) {
		return sealBook.list(db, s.eng, sealConds(f), f.Sort, f.Desc, f.Page)
	})
}

func (t *tx) SealRequest(id int64) (*app.SealRequest, error) { return sealBook.get(t.db, id) }

func (t *tx) SaveSealRequest(r *app.SealRequest) error { return sealBook.save(t.db, t.eng, r) }
