// The Desk's side of the office's rules of authority: the stand-ins and
// the register of leaders' absences they come from.

package app

import (
	"context"
	"slices"
)

// authority is what a signature is decided with inside tx: the settings'
// signing rules, the leaders and the recorded stand-ins.
func (k *Desk) authority(tx Tx) (Authority, error) {
	leaders, err := tx.Leaders()
	if err != nil {
		return Authority{}, err
	}
	standIns, err := tx.StandIns()
	if err != nil {
		return Authority{}, err
	}
	return Authority{Rules: k.Settings().SigningRules(), Leaders: leaders, StandIns: standIns}, nil
}

// SaveSigningRules validates and stores the office's rules of authority.
func (k *Desk) SaveSigningRules(ctx context.Context, rules SigningRules) error {
	if err := rules.Validate(); err != nil {
		return err
	}
	st := k.Settings()
	st.Signing = &rules
	return k.changeSettings(ctx, "修改签发规则", rules.Name, func(tx Tx) error { return tx.SaveSettings(st) })
}

// AbsenceWarnings are what the secretary should see before recording a:
// missing or late reports, a leader away twice, a 副主任 away together with
// his vice-mayor (Absence.Warnings). It changes nothing.
func (k *Desk) AbsenceWarnings(ctx context.Context, a Absence) ([]string, error) {
	register, leaders, err := k.absenceRegister(ctx)
	if err != nil {
		return nil, err
	}
	return a.Warnings(register, leaders, k.Settings().SigningRules()), nil
}

// absenceRegister is the register of absences with the leaders it names.
func (k *Desk) absenceRegister(ctx context.Context) ([]Absence, []Leader, error) {
	register, err := k.Store.Absences(ctx)
	if err != nil {
		return nil, nil, err
	}
	leaders, err := k.Store.Leaders(ctx)
	if err != nil {
		return nil, nil, err
	}
	return register, leaders, nil
}

// SaveAbsence records (ID 0) or corrects an absence, and with it, in the
// same transaction, the stand-in it names: the deputy acts for the leader
// for the whole absence; an absence that names nobody any more drops its
// stand-in. The warnings (AbsenceWarnings) do not stop it.
func (k *Desk) SaveAbsence(ctx context.Context, a *Absence) error {
	leaders, err := k.Store.Leaders(ctx)
	if err != nil {
		return err
	}
	rules := k.Settings().SigningRules()
	if err := a.Validate(leaders, rules); err != nil {
		return err
	}
	action := "登记领导外出"
	if a.ID != 0 {
		action = "修改领导外出"
	}
	detail := a.AwayLine(leaders)
	return k.changeSettings(ctx, action, detail, func(tx Tx) error {
		if err := tx.SaveAbsence(a); err != nil {
			return err
		}
		return k.replaceStandIn(ctx, tx, a, leaders)
	})
}

// replaceStandIn makes the stand-ins recorded from absence a match it.
func (k *Desk) replaceStandIn(ctx context.Context, tx Tx, a *Absence, leaders []Leader) error {
	standIns, err := tx.StandIns()
	if err != nil {
		return err
	}
	i := slices.IndexFunc(standIns, func(s StandIn) bool { return s.AbsenceID == a.ID })
	s, named := a.StandInRecord()
	switch {
	case named && i >= 0:
		s.ID = standIns[i].ID
	case i >= 0:
		if err := tx.DeleteStandIn(standIns[i].ID); err != nil {
			return err
		}
		return k.history(ctx, tx, EntitySettings, 0, "取消代理", standIns[i].HistoryText(leaders))
	case !named:
		return nil
	}
	if err := tx.SaveStandIn(&s); err != nil {
		return err
	}
	return k.history(ctx, tx, EntitySettings, 0, "代理", s.HistoryText(leaders))
}

// DeleteAbsence removes an absence and the stand-in recorded from it.
func (k *Desk) DeleteAbsence(ctx context.Context, id int64) error {
	leaders, err := k.Store.Leaders(ctx)
	if err != nil {
		return err
	}
	return k.changeSettings(ctx, "删除领导外出", "", func(tx Tx) error {
		if err := tx.DeleteAbsence(id); err != nil {
			return err
		}
		return k.replaceStandIn(ctx, tx, &Absence{ID: id}, leaders)
	})
}

// AwayThisWeek lists the absences of the week of today, for the 工作台.
func (k *Desk) AwayThisWeek(ctx context.Context) ([]Absence, error) {
	register, leaders, err := k.absenceRegister(ctx)
	if err != nil {
		return nil, err
	}
	from, to := WeekOf(k.Today())
	return AwayBetween(register, from, to, leaders), nil
}
