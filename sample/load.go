package sample

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"gongwen/app"
)

// Load fills an empty database with the sample office, anchored on the
// desk's today. It returns false when the sample is already there (running
// it twice changes nothing) and an error when the database holds another
// office's data.
func Load(ctx context.Context, desk *app.Desk) (bool, error) {
	return LoadWithProgress(ctx, desk, nil)
}

// LoadWithProgress is Load telling progress, when not nil, which part it
// is making: step (1-based) of total, and what it is.
func LoadWithProgress(ctx context.Context, desk *app.Desk, progress func(step, total int, what string)) (bool, error) {
	st, err := desk.Store.Settings(ctx)
	if err != nil {
		return false, err
	}
	_, n, err := desk.Store.Documents(ctx, app.DocumentFilter{Page: app.Page{Limit: 1}})
	if err != nil {
		return false, err
	}
	if st.OrgName == OrgName && n > 0 {
		return false, nil
	}
	if n > 0 || (st.OrgName != "" && st.OrgName != OrgName) {
		return false, app.Errorf(app.ECONFLICT, "数据库中已有“%s”的数据，示例数据只能载入空数据库；请另选一个数据文件", st.OrgName)
	}
	err = inOneGo(ctx, desk.Store, func(ctx context.Context) error {
		b, err := newBuilder(ctx, desk)
		if err != nil {
			return err
		}
		steps := []struct {
			what string
			make func() error
		}{{"单位、领导和印章", b.reference}, {"收文登记簿", b.incoming}, {"发文登记簿", b.outgoing},
			{"用印申请", b.sealRequests}, {"会议和会议纪要", b.meetings}, {"督查事项", b.items}}
		for i, step := range steps {
			if progress != nil {
				progress(i+1, len(steps), step.what)
			}
			if err := step.make(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return false, err
	}
	return true, desk.Reload(ctx)
}

// batcher is a store that can make many writes one transaction (data.Store).
type batcher interface {
	Batch(ctx context.Context, fn func(ctx context.Context) error) error
}

// inOneGo runs fn as one transaction where the store can: a load killed or
// failed midway (a full disk) then leaves no half office behind, which a
// rerun would take for a loaded one or trip over.
func inOneGo(ctx context.Context, s app.Store, fn func(ctx context.Context) error) error {
	if b, ok := s.(batcher); ok {
		return b.Batch(ctx, fn)
	}
	return fn(ctx)
}

// builder carries the state of one load: a desk of its own whose clock it
// moves to each step's day, and the random source.
type builder struct {
	ctx   context.Context
	desk  *app.Desk
	today app.Date
	rnd   *rand.Rand
	day   app.Date
}

func newBuilder(ctx context.Context, desk *app.Desk) (*builder, error) {
	// the sample's secretary does its steps, whoever loads it
	ctx = app.WithOperator(ctx, "张文书")
	own, err := app.NewDesk(ctx, desk.Store, "张文书")
	if err != nil {
		return nil, err
	}
	b := &builder{ctx: ctx, desk: own, today: desk.Today(), rnd: rand.New(rand.NewPCG(2026, 1123))}
	own.Now = func() time.Time { return b.day.Time().Add(9 * time.Hour) }
	return b, nil
}

// at moves the clock to day and reports whether that day has come yet.
func (b *builder) at(day app.Date) bool {
	if day.After(b.today) {
		return false
	}
	b.day = day
	return true
}

// workdays is n working days after d.
func (b *builder) workdays(d app.Date, n int) app.Date {
	out, _ := b.desk.DueDate(d, n)
	return out
}

func (b *builder) pick(xs []string) string { return xs[b.rnd.IntN(len(xs))] }
func (b *builder) chance(p float64) bool   { return b.rnd.Float64() < p }

func (b *builder) reference() error {
	b.day = b.today
	if err := b.desk.SaveSettings(b.ctx, settings); err != nil {
		return err
	}
	for i, u := range units {
		u.Order, u.Active = i+1, true
		if err := b.desk.SaveUnit(b.ctx, &u); err != nil {
			return err
		}
	}
	for i, l := range leaders {
		l.Order, l.Active = i+1, true
		if err := b.desk.SaveLeader(b.ctx, &l); err != nil {
			return err
		}
	}
	for _, s := range seals {
		s.Active = true
		if err := b.desk.SaveSeal(b.ctx, &s); err != nil {
			return err
		}
	}
	return nil
}

// must stops the load on the first error, naming the record it was making.
func must(what string, err error) error {
	if err != nil {
		return fmt.Errorf("示例数据（%s）：%w", what, err)
	}
	return nil
}
