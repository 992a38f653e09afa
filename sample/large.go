package sample

import (
	"container/heap"
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"gongwen/app"
)

// The large office: ten years of 示例区 ending today, for measuring the
// program at the size a district office reaches (issue 7). It shares the
// small sample's reference data (settings, units, leaders, seals) and its
// rules, but writes the records straight through app.Tx in batches instead
// of one transaction per workflow step, so that 100,000 documents take
// minutes rather than hours. Every record is still carried through its
// lifecycle by the domain's own methods (Document.Propose, Item.Complete,
// SealRequest.Approve …), so it is valid and its fields agree with its
// status, and every number comes from tx.NextNumber in the order of the
// days it was taken on, so later registrations continue the series.

// LargeVersion changes whenever the generator writes something different;
// cached benchmark files carry it in their names.
const LargeVersion = 1

// Full sizes of the large office.
const (
	LargeDocuments = 100_000 // 收文 and 发文 (four to one)
	LargeItems     = 20_000  // 督查事项
	LargeProgress  = 100_000 // their 进展反馈
	LargeSeals     = 10_000  // 用印申请
	LargeMeetings  = 2_000   // 会议
	largeYears     = 10
)

// largeMark is the history entry written with the last batch: it tells a
// finished large office from a small sample or an interrupted load.
const largeMark = "载入示例数据（大型）"

// LargeOptions tune LoadLarge.
type LargeOptions struct {
	// Divisor divides every size (0 or 1: the full office; 100: a
	// hundredth, for tests). The ten years stay ten years.
	Divisor int
	// Progress, when set, is called after each committed batch with the last
	// day written and the records written so far.
	Progress func(through app.Date, records int)
}

// LargeSizes are the counts a load writes.
type LargeSizes struct {
	Documents, Items, Progress, Seals, Meetings int
}

// Sizes are the counts of the options' office.
func (o LargeOptions) Sizes() LargeSizes {
	n := max(o.Divisor, 1)
	return LargeSizes{Documents: LargeDocuments / n, Items: LargeItems / n, Progress: LargeProgress / n,
		Seals: LargeSeals / n, Meetings: LargeMeetings / n}
}

// LoadLarge fills an empty database with the large office, anchored on the
// desk's today: the same day gives the same data. It returns false when the
// large office is already there (running it twice changes nothing) and an
// ECONFLICT error when the database holds anything else, the small sample
// included.
func LoadLarge(ctx context.Context, desk *app.Desk, o LargeOptions) (bool, error) {
	st, err := desk.Store.Settings(ctx)
	if err != nil {
		return false, err
	}
	_, n, err := desk.Store.Documents(ctx, app.DocumentFilter{Page: app.Page{Limit: 1}})
	if err != nil {
		return false, err
	}
	if st.OrgName == OrgName && n > 0 {
		done, err := largeLoaded(ctx, desk.Store)
		if err != nil || done {
			return false, err
		}
		return false, app.Errorf(app.ECONFLICT, "数据库中已有示例区的其他数据（小型示例数据，或一次未完成的载入）；大型示例数据只能载入空数据库，请另选一个数据文件")
	}
	if n > 0 || (st.OrgName != "" && st.OrgName != OrgName) {
		return false, app.Errorf(app.ECONFLICT, "数据库中已有“%s”的数据，示例数据只能载入空数据库；请另选一个数据文件", st.OrgName)
	}
	b, err := newBuilder(ctx, desk)
	if err != nil {
		return false, err
	}
	units, err := desk.Store.Units(ctx)
	if err != nil {
		return false, err
	}
	if len(units) == 0 { // not there yet from an interrupted load
		if err := b.reference(); err != nil {
			return false, err
		}
	}
	g, err := newLarge(b, o)
	if err != nil {
		return false, err
	}
	if err := g.run(); err != nil {
		return false, err
	}
	return true, desk.Reload(ctx)
}

func largeLoaded(ctx context.Context, s app.Store) (bool, error) {
	hs, err := s.History(ctx, app.EntitySettings, 0)
	if err != nil {
		return false, err
	}
	for _, h := range hs {
		if h.Action == largeMark {
			return true, nil
		}
	}
	return false, nil
}

// event is one dated step that takes a number or writes a record. Events
// run in the order of their day, then of their creation, so that every
// counter advances in date order even when a record's steps span the end
// of a batch.
type event struct {
	day app.Date
	seq int
	run func(tx app.Tx) error
}

type events []event

func (q events) Len() int { return len(q) }
func (q events) Less(i, j int) bool {
	if c := q[i].day.Compare(q[j].day); c != 0 {
		return c < 0
	}
	return q[i].seq < q[j].seq
}
func (q events) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *events) Push(x any)   { *q = append(*q, x.(event)) }
func (q *events) Pop() any {
	old := *q
	e := old[len(old)-1]
	*q = old[:len(old)-1]
	return e
}

// rng is one random stream; each book has its own so that changing one
// book's generator leaves the others as they were.
type rng struct{ *rand.Rand }

func newRng(stream uint64) rng { return rng{rand.New(rand.NewPCG(20261123, stream))} }

func (r rng) pick(xs []string) string { return xs[r.IntN(len(xs))] }
func (r rng) chance(p float64) bool   { return r.Float64() < p }

// between is a whole number from lo to hi, both included.
func (r rng) between(lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// large is the state of one load.
type large struct {
	*builder
	cal      *app.Calendar
	st       app.Settings
	sz       LargeSizes
	start    app.Date // the first day of the ten years
	span     int      // days from start to today
	leaders  []app.Leader
	units    []app.Unit
	progress func(app.Date, int)

	rDocs, rSeals, rMeetings, rItems rng

	queue   events
	seq     int
	written int // records saved

	nextDoc, nextSeal, nextMeeting, nextSlot int

	docNos     map[string]int // the senders' own 文号 serials, by 代字 and year
	instructed []*app.Document
	meetings   []*plannedMeeting
	slots      []*itemSlot
}

func newLarge(b *builder, o LargeOptions) (*large, error) {
	today := b.today
	g := &large{builder: b, cal: b.desk.Calendar(), st: b.desk.Settings(), sz: o.Sizes(), progress: o.Progress,
		start: app.D(today.Year-largeYears, today.Month, today.Day).AddDays(1),
		rDocs: newRng(1), rSeals: newRng(2), rMeetings: newRng(3), rItems: newRng(4),
		docNos: map[string]int{}}
	g.span = g.start.DaysUntil(today)
	for i, l := range leaders {
		l.Order, l.Active = i+1, true
		g.leaders = append(g.leaders, l)
	}
	for i, u := range units {
		u.Order, u.Active = i+1, true
		g.units = append(g.units, u)
	}
	if g.sz.Documents < 10 || g.sz.Items < 2 || g.sz.Meetings < 2 || g.sz.Seals < 2 {
		return nil, app.Errorf(app.EINVALID, "大型示例数据的缩小倍数太大")
	}
	g.planMeetings()
	if err := g.planItems(); err != nil {
		return nil, err
	}
	return g, nil
}

// dayOf spreads n records evenly over the ten years: record j's day, moved
// to the next working day (or back to the last one up to today).
func (g *large) dayOf(j, n int) app.Date {
	d := g.start.AddDays(int(int64(j) * int64(g.span+1) / int64(n)))
	for !g.cal.IsWorkday(d) {
		d = d.AddDays(1)
	}
	for d.After(g.today) {
		d = d.AddDays(-1)
		for !g.cal.IsWorkday(d) && d.After(g.start) {
			d = d.AddDays(-1)
		}
	}
	return d
}

// wd is n working days after d.
func (g *large) wd(d app.Date, n int) app.Date {
	out, _ := g.cal.AddWorkdays(d, n)
	return out
}

// past reports whether day has come by today.
func (g *large) past(day app.Date) bool { return !day.After(g.today) }

// at is the time of day minute on day, as the records' time stamps.
func at(day app.Date, minute int) time.Time {
	return day.Time().Add(8*time.Hour + time.Duration(minute%540)*time.Minute)
}

func (g *large) push(day app.Date, run func(tx app.Tx) error) {
	g.seq++
	heap.Push(&g.queue, event{day: day, seq: g.seq, run: run})
}

// next takes the next value of a counter.
func next(tx app.Tx, format string, args ...any) (int, error) {
	return tx.NextNumber(fmt.Sprintf(format, args...))
}

// run writes the ten years month by month, a batch of about batchSize
// records per transaction.
func (g *large) run() error {
	const batchSize = 3000
	month := g.start.FirstOfMonth()
	for !month.After(g.today) {
		err := g.desk.Store.Update(g.ctx, func(tx app.Tx) error {
			before := g.written
			for !month.After(g.today) && g.written-before < batchSize {
				end := month.LastOfMonth()
				if end.After(g.today) {
					end = g.today
				}
				if err := g.plan(end); err != nil {
					return fmt.Errorf("大型示例数据：%w", err)
				}
				for g.queue.Len() > 0 && !g.queue[0].day.After(end) {
					e := heap.Pop(&g.queue).(event)
					if err := e.run(tx); err != nil {
						return fmt.Errorf("大型示例数据（%s）：%w", e.day, err)
					}
				}
				month = end.AddDays(1)
			}
			if month.After(g.today) {
				if g.queue.Len() > 0 {
					return app.Errorf(app.EINTERNAL, "大型示例数据：还有%d个步骤晚于今天", g.queue.Len())
				}
				return tx.AddHistory(app.HistoryEntry{Entity: app.EntitySettings, At: at(g.today, 600), Operator: "张文书",
					Action: largeMark, Detail: g.summary()})
			}
			return nil
		})
		if err != nil {
			return err
		}
		if g.progress != nil {
			g.progress(month.AddDays(-1), g.written)
		}
	}
	return nil
}

func (g *large) summary() string { return fmt.Sprintf("%s至%s：%s", g.start, g.today, g.sz) }

// plan creates the records whose first day is on or before end and queues
// their steps.
func (g *large) plan(end app.Date) error {
	for ; g.nextDoc < g.sz.Documents; g.nextDoc++ {
		j := g.nextDoc
		day := g.dayOf(j, g.sz.Documents)
		if day.After(end) {
			break
		}
		gen := g.incoming
		if j%5 == 2 {
			gen = g.outgoing
		}
		if err := gen(j, day); err != nil {
			return err
		}
	}
	for ; g.nextSeal < g.sz.Seals; g.nextSeal++ {
		day := g.dayOf(g.nextSeal, g.sz.Seals)
		if day.After(end) {
			break
		}
		if err := g.sealRequest(g.nextSeal, day); err != nil {
			return err
		}
	}
	for ; g.nextMeeting < len(g.meetings); g.nextMeeting++ {
		pm := g.meetings[g.nextMeeting]
		if pm.created.After(end) {
			break
		}
		if err := g.meeting(pm); err != nil {
			return err
		}
	}
	for ; g.nextSlot < len(g.slots); g.nextSlot++ {
		s := g.slots[g.nextSlot]
		if s.assigned.After(end) {
			break
		}
		if s.meeting == nil { // decision items are made with their meeting
			g.freeItem(s)
		}
	}
	return nil
}

// saved counts a record and writes its first history entry.
func (g *large) saved(tx app.Tx, e app.Entity, id int64, when time.Time, operator, action, detail string) error {
	g.written++
	return tx.AddHistory(app.HistoryEntry{Entity: e, EntityID: id, At: when, Operator: operator, Action: action, Detail: detail})
}

// fill replaces the {key} placeholders of a template.
func fill(tmpl string, kv ...string) string {
	for k := 0; k+1 < len(kv); k += 2 {
		tmpl = strings.ReplaceAll(tmpl, "{"+kv[k]+"}", kv[k+1])
	}
	return tmpl
}

// String describes the sizes in Chinese.
func (s LargeSizes) String() string {
	return fmt.Sprintf("公文%d件，督办事项%d项（进展%d条），用印申请%d件，会议%d次", s.Documents, s.Items, s.Progress, s.Seals, s.Meetings)
}
