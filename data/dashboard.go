package data

import (
	"context"
	"database/sql"

	"gongwen/app"
)

// dashboardSQL counts everything of 工作台 in one statement; each count is
// answered from an index (documents by status and due date, the partial
// index of circulations not returned, items by status and current deadline).
const dashboardSQL = `SELECT
	(SELECT count(*) FROM documents WHERE status = 'assigned' AND due_on <> '' AND due_on < @today),
	(SELECT count(*) FROM documents WHERE status = 'assigned' AND due_on >= @today AND due_on <= @warn),
	(SELECT count(*) FROM documents WHERE status = 'registered'),
	(SELECT count(*) FROM documents WHERE status = 'proposed'),
	(SELECT count(DISTINCT doc_id) FROM doc_circulations WHERE returned_on = ''),
	(SELECT count(*) FROM documents WHERE status IN ('drafted', 'checked', 'reviewed', 'signed')),
	(SELECT count(*) FROM seal_requests WHERE status IN ('submitted', 'reviewed')),
	(SELECT count(*) FROM seal_requests WHERE status = 'approved'),
	(SELECT count(*) FROM items WHERE status = 'open' AND current_deadline < @today),
	(SELECT count(*) FROM items WHERE status = 'open' AND current_deadline >= @today AND current_deadline <= @warn),
	(SELECT count(*) FROM items WHERE status = 'open' AND current_deadline > @warn),
	(SELECT count(*) FROM meetings WHERE held_on >= @from AND held_on <= @to)`

// Dashboard counts the work of 工作台 as of q.Today: documents overdue or
// due by q.WarnUntil, waiting for 拟办 or 批示, out for circulation, outgoing
// drafts in progress, seal requests waiting or approved and unused, open
// items by colour, and the meetings of the week.
func (s *Store) Dashboard(ctx context.Context, q app.DashboardQuery) (app.Dashboard, error) {
	if q.Today.IsZero() {
		q.Today = app.Today()
	}
	if q.WarnUntil.Before(q.Today) {
		q.WarnUntil = q.Today
	}
	var d app.Dashboard
	defer s.use(ctx)()
	// GORM binds the names, in each engine's own way
	row := s.rdb.WithContext(ctx).Raw(dashboardSQL,
		sql.Named("today", dateText(q.Today)), sql.Named("warn", dateText(q.WarnUntil)),
		sql.Named("from", dateText(q.WeekFrom)), sql.Named("to", dateText(q.WeekTo))).Row()
	err := row.Scan(&d.DocsOverdue, &d.DocsDueSoon, &d.AwaitingProposal, &d.AwaitingInstruction, &d.CirculationOut,
		&d.OutgoingInProgress, &d.SealsAwaiting, &d.SealsApproved, &d.ItemsRed, &d.ItemsYellow, &d.ItemsBlue, &d.MeetingsThisWeek)
	return d, mapError(err)
}
