// The Desk: its clock, settings and calendar, the operator of a step, and the
// one read-modify-write transaction every step goes through.

package app

import (
	"context"
	"strings"
	"sync"
	"time"
)

// Desk carries out the secretaries' work on the books: every workflow step
// loads the record in a write transaction, applies the domain rule, saves it
// and records who did it. The window and the command line both use it.
//
// Who does a step is part of the step's ctx (WithOperator): the window puts
// the secretary chosen in its status bar there, the command line its
// GONGWEN_OPERATOR, and a later sign-in the account's name.
type Desk struct {
	Store Store
	Now   func() time.Time // the clock; tests set it

	operator string // who acts in a step whose ctx names no one
	mu       sync.RWMutex
	calendar *Calendar
	settings Settings
}

// NewDesk loads the settings and the calendar from the store. operator is
// recorded for the steps whose ctx names no one (the sample office's
// loader, tests); "" leaves them unnamed.
func NewDesk(ctx context.Context, s Store, operator string) (*Desk, error) {
	k := &Desk{Store: s, operator: operator, Now: time.Now}
	if err := k.Reload(ctx); err != nil {
		return nil, err
	}
	return k, nil
}

// Reload rereads settings and calendar (after another window changed them).
func (k *Desk) Reload(ctx context.Context) error {
	st, err := k.Store.Settings(ctx)
	if err != nil {
		return err
	}
	overrides, err := k.Store.DayOverrides(ctx)
	if err != nil {
		return err
	}
	years, err := k.Store.ConfirmedYears(ctx)
	if err != nil {
		return err
	}
	k.mu.Lock()
	k.settings, k.calendar = st, NewCalendar(overrides, years)
	k.mu.Unlock()
	return nil
}

// Today is the current day by the desk's clock.
func (k *Desk) Today() Date { return DateOf(k.Now()) }

// Calendar is the working-day calendar in force.
func (k *Desk) Calendar() *Calendar {
	k.mu.RLock()
	defer k.mu.RUnlock()
	return k.calendar
}

// Settings are the office's settings in force.
func (k *Desk) Settings() Settings {
	k.mu.RLock()
	defer k.mu.RUnlock()
	return k.settings
}

// DueDate is the day n working days after from, with the coverage warning.
func (k *Desk) DueDate(from Date, n int) (Date, *Warning) { return k.Calendar().AddWorkdays(from, n) }

// DashboardQuery is the query of 工作台 for today.
func (k *Desk) DashboardQuery() DashboardQuery {
	today := k.Today()
	monday := today.AddDays(-((int(today.Weekday()) + 6) % 7))
	return DashboardQuery{Today: today, WarnUntil: WarnUntil(today, k.Calendar(), k.Settings().Rules.WarnDays),
		WeekFrom: monday, WeekTo: monday.AddDays(6)}
}

// Colour is the item's warning colour today.
func (k *Desk) Colour(it *Item) Colour {
	return it.ColourOn(k.Today(), k.Calendar(), k.Settings().Rules.WarnDays)
}

type operatorKey struct{}

// WithOperator returns a ctx whose steps are done by the operator name.
func WithOperator(ctx context.Context, name string) context.Context {
	return context.WithValue(ctx, operatorKey{}, strings.TrimSpace(name))
}

// OperatorFrom is the operator ctx names (WithOperator), or "".
func OperatorFrom(ctx context.Context) string {
	name, _ := ctx.Value(operatorKey{}).(string)
	return name
}

// Operator is who does a step run with ctx: the operator ctx names, else
// the one the desk was opened for.
func (k *Desk) Operator(ctx context.Context) string {
	if name := OperatorFrom(ctx); name != "" {
		return name
	}
	return k.operator
}

// history records a step in the record's 办理记录, under the operator of ctx.
func (k *Desk) history(ctx context.Context, tx Tx, e Entity, id int64, action, detail string) error {
	return tx.AddHistory(HistoryEntry{Entity: e, EntityID: id, At: k.Now(), Operator: k.Operator(ctx), Action: action, Detail: detail})
}

// change is the read-modify-write of one record in one transaction.
func change[T any](ctx context.Context, k *Desk, e Entity, id int64, action string,
	load func(Tx, int64) (T, error), save func(Tx, T) error,
	apply func(tx Tx, rec T) (detail string, err error)) (T, error) {
	var out T
	err := k.Store.Update(ctx, func(tx Tx) error {
		rec, err := load(tx, id)
		if err != nil {
			return err
		}
		detail, err := apply(tx, rec)
		if err != nil {
			return err
		}
		// every step (拟办, 批示, 办结, 进展 …) keeps the texts within their limits
		if c, ok := any(rec).(interface{ CheckLengths() error }); ok {
			if err := c.CheckLengths(); err != nil {
				return err
			}
		}
		if err := save(tx, rec); err != nil {
			return err
		}
		out = rec
		return k.history(ctx, tx, e, id, action, detail)
	})
	return out, err
}

func (k *Desk) changeDoc(ctx context.Context, id int64, action string, apply func(Tx, *Document) (string, error)) (*Document, error) {
	return change(ctx, k, EntityDocument, id, action, Tx.Document, Tx.SaveDocument, func(tx Tx, d *Document) (string, error) {
		detail, err := apply(tx, d)
		d.UpdatedAt, d.UpdatedBy = k.Now(), k.Operator(ctx)
		return detail, err
	})
}

func (k *Desk) changeSeal(ctx context.Context, id int64, action string, apply func(Tx, *SealRequest) (string, error)) (*SealRequest, error) {
	return change(ctx, k, EntitySeal, id, action, Tx.SealRequest, Tx.SaveSealRequest, func(tx Tx, r *SealRequest) (string, error) {
		detail, err := apply(tx, r)
		r.UpdatedAt, r.UpdatedBy = k.Now(), k.Operator(ctx)
		return detail, err
	})
}

func (k *Desk) changeItem(ctx context.Context, id int64, action string, apply func(Tx, *Item) (string, error)) (*Item, error) {
	return change(ctx, k, EntityItem, id, action, Tx.Item, Tx.SaveItem, func(tx Tx, it *Item) (string, error) {
		detail, err := apply(tx, it)
		it.UpdatedAt, it.UpdatedBy = k.Now(), k.Operator(ctx)
		return detail, err
	})
}

func (k *Desk) changeMeeting(ctx context.Context, id int64, action string, apply func(Tx, *Meeting) (string, error)) (*Meeting, error) {
	return change(ctx, k, EntityMeeting, id, action, Tx.Meeting, Tx.SaveMeeting, func(tx Tx, m *Meeting) (string, error) {
		detail, err := apply(tx, m)
		m.UpdatedAt, m.UpdatedBy = k.Now(), k.Operator(ctx)
		return detail, err
	})
}

func (k *Desk) leader(ctx context.Context, name string) (Leader, error) {
	leaders, err := k.Store.Leaders(ctx)
	if err != nil {
		return Leader{}, err
	}
	return LeaderNamed(leaders, name)
}

// optionalLeader applies the same rule to a leader field that may be left
// empty (a supervision item's 分管领导).
func (k *Desk) optionalLeader(ctx context.Context, name string) error {
	if strings.TrimSpace(name) == "" {
		return nil
	}
	_, err := k.leader(ctx, name)
	return err
}
