package data

import (
	"context"

	"gorm.io/gorm"

	"gongwen/app"
)

// The stand-ins and the register of leaders' absences: short lists, read
// whole, oldest first.

func (s *Store) StandIns(ctx context.Context) ([]app.StandIn, error) {
	return readList(s, ctx, standIns)
}

func (t *tx) StandIns() ([]app.StandIn, error) { return txList(t, standIns) }

func standIns(db *gorm.DB) ([]app.StandIn, error) {
	return list(db, "from_on, id", func(r *standInRow) app.StandIn {
		return app.StandIn{ID: r.ID, Leader: r.Leader, Deputy: r.Deputy, From: dateOf(r.FromOn), To: dateOf(r.ToOn),
			Reason: r.Reason, AbsenceID: r.AbsenceID}
	})
}

func (t *tx) SaveStandIn(si *app.StandIn) error {
	row := standInRow{ID: si.ID, Leader: si.Leader, Deputy: si.Deputy, FromOn: dateText(si.From), ToOn: dateText(si.To),
		Reason: si.Reason, AbsenceID: si.AbsenceID}
	if err := saveRow(t.db, &row, refMissing("代理记录")); err != nil {
		return err
	}
	si.ID = row.ID
	return nil
}

func (t *tx) DeleteStandIn(id int64) error {
	return deleteRow[standInRow](t.db, id, refMissing("代理记录"))
}

func (s *Store) Absences(ctx context.Context) ([]app.Absence, error) {
	return readList(s, ctx, absences)
}

func (t *tx) Absences() ([]app.Absence, error) { return txList(t, absences) }

func absences(db *gorm.DB) ([]app.Absence, error) {
	out, err := list(db, "from_on, id", func(r *absenceRow) app.Absence {
		return app.Absence{ID: r.ID, Leader: r.Leader, Kind: app.AbsenceKind(r.Kind), From: dateOf(r.FromOn), To: dateOf(r.ToOn),
			Place: r.Place, Contact: r.Contact, StandIn: r.StandIn, Remarks: r.Remarks}
	})
	if err != nil || len(out) == 0 {
		return out, err
	}
	ids := make([]int64, len(out))
	for i := range out {
		ids[i] = out[i].ID
	}
	reports := children[absenceReportRow](db, "absence_id", ids, &err)
	for i := range out {
		out[i].Reports = convert(reports[out[i].ID], func(_ int, r absenceReportRow) app.AbsenceReport {
			return app.AbsenceReport{To: r.ToName, On: dateOf(r.OnDate)}
		})
	}
	return out, err
}

func (t *tx) SaveAbsence(a *app.Absence) error {
	row := absenceRow{ID: a.ID, Leader: a.Leader, Kind: string(a.Kind), FromOn: dateText(a.From), ToOn: dateText(a.To),
		Place: a.Place, Contact: a.Contact, StandIn: a.StandIn, Remarks: a.Remarks}
	if err := saveRow(t.db, &row, refMissing("外出登记")); err != nil {
		return err
	}
	a.ID = row.ID
	return mapError(replaceChildren(t.db, "absence_id", a.ID, convert(a.Reports, func(i int, r app.AbsenceReport) absenceReportRow {
		return absenceReportRow{AbsenceID: a.ID, Pos: i, ToName: r.To, OnDate: dateText(r.On)}
	})))
}

func (t *tx) DeleteAbsence(id int64) error {
	if err := t.db.Where("absence_id = ?", id).Delete(new(absenceReportRow)).Error; err != nil {
		return mapError(err)
	}
	return deleteRow[absenceRow](t.db, id, refMissing("外出登记"))
}
