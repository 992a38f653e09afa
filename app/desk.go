package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

// Desk carries out the secretaries' work on the books: every workflow step
// loads the record in a write transaction, applies the domain rule, saves it
// and records who did it. The window and the command line both use it.
type Desk struct {
	Store    Store
	Operator string
	Now      func() time.Time // the clock; tests set it

	mu       sync.RWMutex
	calendar *Calendar
	settings Settings
}

// NewDesk loads the settings and the calendar from the store.
func NewDesk(ctx context.Context, s Store, operator string) (*Desk, error) {
	k := &Desk{Store: s, Operator: operator, Now: time.Now}
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
func (k *Desk) DueDate(from Date, n int) (Date, error) { return k.Calendar().AddWorkdays(from, n) }

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

func (k *Desk) history(tx Tx, e Entity, id int64, action, detail string) error {
	return tx.AddHistory(HistoryEntry{Entity: e, EntityID: id, At: k.Now(), Operator: k.Operator, Action: action, Detail: detail})
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
		return k.history(tx, e, id, action, detail)
	})
	return out, err
}

func (k *Desk) changeDoc(ctx context.Context, id int64, action string, apply func(Tx, *Document) (string, error)) (*Document, error) {
	return change(ctx, k, EntityDocument, id, action, Tx.Document, Tx.SaveDocument, func(tx Tx, d *Document) (string, error) {
		detail, err := apply(tx, d)
		d.UpdatedAt = k.Now()
		return detail, err
	})
}

func (k *Desk) changeSeal(ctx context.Context, id int64, action string, apply func(Tx, *SealRequest) (string, error)) (*SealRequest, error) {
	return change(ctx, k, EntitySeal, id, action, Tx.SealRequest, Tx.SaveSealRequest, func(tx Tx, r *SealRequest) (string, error) {
		detail, err := apply(tx, r)
		r.UpdatedAt = k.Now()
		return detail, err
	})
}

func (k *Desk) changeItem(ctx context.Context, id int64, action string, apply func(Tx, *Item) (string, error)) (*Item, error) {
	return change(ctx, k, EntityItem, id, action, Tx.Item, Tx.SaveItem, func(tx Tx, it *Item) (string, error) {
		detail, err := apply(tx, it)
		it.UpdatedAt = k.Now()
		return detail, err
	})
}

func (k *Desk) changeMeeting(ctx context.Context, id int64, action string, apply func(Tx, *Meeting) (string, error)) (*Meeting, error) {
	return change(ctx, k, EntityMeeting, id, action, Tx.Meeting, Tx.SaveMeeting, func(tx Tx, m *Meeting) (string, error) {
		detail, err := apply(tx, m)
		m.UpdatedAt = k.Now()
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

// ---- documents ----

// duplicateError is the probable-duplicate warning for an incoming document.
func duplicateError(dup *Document) *Error {
	return Errorf(EDUPLICATE, "可能重复登记：收文%s（%s，%s）的来文单位和文号与此相同。确认不是同一份文件的，请选择“仍然登记”", dup.Serial, dup.FromUnit, dup.DocNo)
}

// RegisterIncoming registers (登记) an incoming document and gives it the
// next 收文编号 of its year. A document with the same sender and 文号 as an
// existing one is refused with EDUPLICATE unless allowDuplicate is set; it
// is then kept with a link to the first.
func (k *Desk) RegisterIncoming(ctx context.Context, d *Document, allowDuplicate bool) error {
	d.Direction, d.Status, d.ID = Incoming, StatusRegistered, 0
	if err := d.ValidateNew(); err != nil {
		return err
	}
	return k.Store.Update(ctx, func(tx Tx) error {
		if d.DocNo != "" {
			dup, err := tx.IncomingDuplicate(d.FromUnit, d.DocNo, 0)
			if err != nil {
				return err
			}
			if dup != nil {
				if !allowDuplicate {
					return duplicateError(dup)
				}
				d.DuplicateOf = dup.ID
			}
		}
		n, err := tx.NextNumber(fmt.Sprintf("in:%d", d.Year))
		if err != nil {
			return err
		}
		d.Serial = IncomingSerial(d.Year, n)
		d.CreatedAt, d.UpdatedAt = k.Now(), k.Now()
		if err := tx.SaveDocument(d); err != nil {
			return err
		}
		return k.history(tx, EntityDocument, d.ID, "登记", d.Serial+" "+d.Title)
	})
}

// DraftOutgoing opens an outgoing draft (拟稿). Its 发文字号 comes at 签发.
func (k *Desk) DraftOutgoing(ctx context.Context, d *Document) error {
	d.Direction, d.Status, d.ID = Outgoing, StatusDrafted, 0
	if err := d.ValidateNew(); err != nil {
		return err
	}
	if _, ok := k.Settings().IssuingCodeFor(d.IssuingCode); !ok {
		return Errorf(EINVALID, "发文代字“%s”不在设置中，请先在“设置—发文代字”中添加", d.IssuingCode)
	}
	return k.Store.Update(ctx, func(tx Tx) error {
		d.CreatedAt, d.UpdatedAt = k.Now(), k.Now()
		if err := tx.SaveDocument(d); err != nil {
			return err
		}
		return k.history(tx, EntityDocument, d.ID, "拟稿", d.Title)
	})
}

// EditDocument saves corrected registration fields of a document; the
// workflow data, serial and status stay as they are in the store.
func (k *Desk) EditDocument(ctx context.Context, edited *Document, allowDuplicate bool) (*Document, error) {
	return k.changeDoc(ctx, edited.ID, "修改登记信息", func(tx Tx, d *Document) (string, error) {
		year := d.Year
		if err := d.ApplyRegistration(edited); err != nil {
			return "", err
		}
		if d.Direction == Incoming {
			d.Year = year // the serial's year does not move
			if d.DocNo != "" && !allowDuplicate {
				dup, err := tx.IncomingDuplicate(d.FromUnit, d.DocNo, d.ID)
				if err != nil {
					return "", err
				}
				if dup != nil {
					return "", duplicateError(dup)
				}
			}
		}
		return d.Title, nil
	})
}

func (k *Desk) Propose(ctx context.Context, id int64, text string) (*Document, error) {
	return k.changeDoc(ctx, id, "拟办", func(_ Tx, d *Document) (string, error) {
		return text, d.Propose(text, k.Operator, k.Today())
	})
}

// Instruct records a leader's 批示 written on paper on day on.
func (k *Desk) Instruct(ctx context.Context, id int64, leaderName, text string, on Date) (*Document, error) {
	l, err := k.leader(ctx, leaderName)
	if err != nil {
		return nil, err
	}
	return k.changeDoc(ctx, id, "批示", func(_ Tx, d *Document) (string, error) {
		return l.Name + "：" + text, d.Instruct(Instruction{Leader: l.Name, Role: l.Role, Text: text, On: on})
	})
}

// Assign sends the document to its lead unit; the due date is counted in
// working days from today. The returned warning is non-nil when that date
// falls in a year the calendar does not cover; the assignment is saved all
// the same.
func (k *Desk) Assign(ctx context.Context, id int64, lead string, co []string, limitWorkdays int) (*Document, error) {
	due, warn := k.DueDate(k.Today(), limitWorkdays)
	return k.changeDoc(ctx, id, "交办", func(_ Tx, d *Document) (string, error) {
		return fmt.Sprintf("%s，%d个工作日，%s前办结", lead, limitWorkdays, due), d.Assign(lead, co, limitWorkdays, k.Today(), due, warn != nil)
	})
}

// SuggestReaders proposes the reading order of the government's leaders.
func (k *Desk) SuggestReaders(ctx context.Context, d *Document) ([]Leader, error) {
	leaders, err := k.Store.Leaders(ctx)
	if err != nil {
		return nil, err
	}
	units, err := k.Store.Units(ctx)
	if err != nil {
		return nil, err
	}
	return SuggestReaders(d, leaders, units), nil
}

func (k *Desk) Circulate(ctx context.Context, id int64, readers []string) (*Document, error) {
	return k.changeDoc(ctx, id, "传阅", func(_ Tx, d *Document) (string, error) {
		return strings.Join(readers, "、"), d.Circulate(readers, k.Today())
	})
}

func (k *Desk) ReturnCirculation(ctx context.Context, id int64, seq int, on Date, comment string) (*Document, error) {
	return k.changeDoc(ctx, id, "传阅退回", func(_ Tx, d *Document) (string, error) {
		err := d.ReturnCirculation(seq, on, comment)
		reader := ""
		for _, c := range d.Circulations {
			if c.Seq == seq {
				reader = c.Reader
			}
		}
		return reader + " " + comment, err
	})
}

func (k *Desk) Remind(ctx context.Context, id int64, text string) (*Document, error) {
	return k.changeDoc(ctx, id, "催办", func(_ Tx, d *Document) (string, error) {
		err := d.Remind(k.Today(), text, k.Operator)
		if err != nil {
			return "", err
		}
		return d.Reminders[len(d.Reminders)-1].Text, nil
	})
}

func (k *Desk) Complete(ctx context.Context, id int64, result string) (*Document, error) {
	return k.changeDoc(ctx, id, "办结", func(_ Tx, d *Document) (string, error) {
		return result, d.Complete(result, k.Today())
	})
}

func (k *Desk) ReturnToSender(ctx context.Context, id int64, reason string) (*Document, error) {
	return k.changeDoc(ctx, id, "退文", func(_ Tx, d *Document) (string, error) {
		return reason, d.ReturnToSender(reason, k.Today())
	})
}

func (k *Desk) Transfer(ctx context.Context, id int64, to, reason string) (*Document, error) {
	return k.changeDoc(ctx, id, "转办", func(_ Tx, d *Document) (string, error) {
		return to + "：" + reason, d.Transfer(to, reason, k.Today())
	})
}

// Archive files the document with the next 件号 of its year and retention.
func (k *Desk) Archive(ctx context.Context, id int64, year int, retention Retention) (*Document, error) {
	st := k.Settings()
	return k.changeDoc(ctx, id, "归档", func(tx Tx, d *Document) (string, error) {
		a := Archive{Fonds: st.FondsCode, Year: year, Retention: retention, OrgCode: st.OrgCode, Piece: 1, FiledOn: k.Today()}
		if err := a.Validate(); err != nil {
			return "", err
		}
		if err := d.ArchiveAs(a); err != nil { // check the state before a 件号 is taken
			return "", err
		}
		n, err := tx.NextNumber(fmt.Sprintf("archive:%d:%s", year, retention))
		if err != nil {
			return "", err
		}
		d.Archive.Piece = n
		return d.Archive.Number(), nil
	})
}

func (k *Desk) CheckDraft(ctx context.Context, id int64) (*Document, error) {
	return k.changeDoc(ctx, id, "核稿", func(_ Tx, d *Document) (string, error) {
		return "", d.CheckDraft(k.Operator, k.Today())
	})
}

func (k *Desk) ReviewDraft(ctx context.Context, id int64, leaderName, opinion string, on Date) (*Document, error) {
	l, err := k.leaderFor(ctx, leaderName, func() Role { // the 副主任 first, then the 主任
		if d, err := k.Store.Document(ctx, id); err == nil {
			for _, r := range d.Reviews {
				if r.Role == RoleDeputyDirector {
					return RoleOfficeDirector
				}
			}
		}
		return RoleDeputyDirector
	})
	if err != nil {
		return nil, err
	}
	return k.changeDoc(ctx, id, "审核", func(_ Tx, d *Document) (string, error) {
		return leaderName + " " + opinion, d.ReviewDraft(l, on, opinion)
	})
}

// Sign records the 签发 and takes the next serial of the issuing code's
// year, in the same transaction, so numbers have no gaps.
func (k *Desk) Sign(ctx context.Context, id int64, leaderName string, on Date) (*Document, error) {
	l, err := k.leaderFor(ctx, leaderName, func() Role {
		if d, err := k.Store.Document(ctx, id); err == nil {
			if code, ok := k.Settings().IssuingCodeFor(d.IssuingCode); ok {
				return code.Body.SignerRoles()[0]
			}
		}
		return ""
	})
	if err != nil {
		return nil, err
	}
	return k.changeDoc(ctx, id, "签发", func(tx Tx, d *Document) (string, error) {
		code, ok := k.Settings().IssuingCodeFor(d.IssuingCode)
		if !ok {
			return "", Errorf(EINVALID, "发文代字“%s”不在设置中", d.IssuingCode)
		}
		if err := d.Sign(l, on, code, 1); err != nil { // check before a number is taken
			return "", err
		}
		n, err := tx.NextNumber(fmt.Sprintf("out:%s:%d", code.Code, on.Year))
		if err != nil {
			return "", err
		}
		no := DocNo{Code: code.Code, Year: on.Year, Serial: n}.String()
		d.DocNo, d.Serial = no, no
		return leaderName + " 签发，" + no, nil
	})
}

func (k *Desk) Issue(ctx context.Context, id int64, on Date, printCount int) (*Document, error) {
	return k.changeDoc(ctx, id, "印发", func(_ Tx, d *Document) (string, error) {
		return fmt.Sprintf("印数%d", printCount), d.Issue(on, printCount)
	})
}

// ---- seal requests ----

func (k *Desk) seal(ctx context.Context, name string) (Seal, error) {
	seals, err := k.Store.Seals(ctx)
	if err != nil {
		return Seal{}, err
	}
	for _, s := range seals {
		if s.Name == strings.TrimSpace(name) {
			return s, nil
		}
	}
	return Seal{}, NeedsSetting(Errorf(ENOTFOUND, "印章“%s”不在设置中", name), MissingSeal, strings.TrimSpace(name))
}

// leaderFor is k.leader for a step that needs a post: a name not on the
// list is refused naming the post (role reads it from the record), so that
// the leader can be added with it.
func (k *Desk) leaderFor(ctx context.Context, name string, role func() Role) (Leader, error) {
	l, err := k.leader(ctx, name)
	var e *Error
	if errors.As(err, &e) && e.Missing != nil {
		e.Missing.Role = role()
	}
	return l, err
}

// sealApprover is the leader named for the request's next step.
func (k *Desk) sealApprover(ctx context.Context, id int64, name string) (Leader, error) {
	return k.leaderFor(ctx, name, func() Role {
		if r, err := k.Store.SealRequest(ctx, id); err == nil && r.NextStep() != nil {
			return r.NextStep().Role
		}
		return ""
	})
}

// SealChain is the approval chain a request's form names: the one fixed
// when it was submitted, else (a draft) the one Submit would fix now, from
// the same rule and the seal's settings.
func (k *Desk) SealChain(ctx context.Context, r *SealRequest) ([]ApprovalStep, error) {
	if len(r.Chain) > 0 {
		return r.Chain, nil
	}
	s, err := k.seal(ctx, r.SealName)
	if err != nil {
		return nil, err
	}
	return ChainFor(s, r.OffSite), nil
}

// CreateSealRequest saves a new request as a draft with the next number.
func (k *Desk) CreateSealRequest(ctx context.Context, r *SealRequest) error {
	r.ID, r.Status = 0, SealDraft
	if err := r.Validate(); err != nil {
		return err
	}
	s, err := k.seal(ctx, r.SealName)
	if err != nil {
		return err
	}
	r.SealKind = s.Kind
	return k.Store.Update(ctx, func(tx Tx) error {
		n, err := tx.NextNumber(fmt.Sprintf("seal:%d", r.RequestedOn.Year))
		if err != nil {
			return err
		}
		r.Number = IncomingSerial(r.RequestedOn.Year, n)
		r.CreatedAt, r.UpdatedAt = k.Now(), k.Now()
		if err := tx.SaveSealRequest(r); err != nil {
			return err
		}
		return k.history(tx, EntitySeal, r.ID, "申请", r.Unit+" "+r.Reason)
	})
}

// EditSealRequest saves changes to a draft.
func (k *Desk) EditSealRequest(ctx context.Context, edited *SealRequest) (*SealRequest, error) {
	s, err := k.seal(ctx, edited.SealName)
	if err != nil {
		return nil, err
	}
	return k.changeSeal(ctx, edited.ID, "修改申请", func(_ Tx, r *SealRequest) (string, error) {
		if err := r.CanEdit(); err != nil {
			return "", err
		}
		keep := *r
		*r = *edited
		r.ID, r.Number, r.Status, r.CreatedAt, r.SealKind = keep.ID, keep.Number, keep.Status, keep.CreatedAt, s.Kind
		return r.Reason, r.Validate()
	})
}

func (k *Desk) SubmitSeal(ctx context.Context, id int64) (*SealRequest, error) {
	return k.changeSeal(ctx, id, "提交", func(_ Tx, r *SealRequest) (string, error) {
		s, err := k.seal(ctx, r.SealName)
		if err != nil {
			return "", err
		}
		return "", r.Submit(s)
	})
}

func (k *Desk) ApproveSeal(ctx context.Context, id int64, leaderName, opinion string, on Date) (*SealRequest, error) {
	l, err := k.sealApprover(ctx, id, leaderName)
	if err != nil {
		return nil, err
	}
	return k.changeSeal(ctx, id, "审批", func(_ Tx, r *SealRequest) (string, error) {
		step := r.NextStep()
		action := "审批"
		if step != nil {
			action = step.Action
		}
		return leaderName + " " + action + " " + opinion, r.Approve(l, on, opinion)
	})
}

func (k *Desk) RejectSeal(ctx context.Context, id int64, leaderName, reason string, on Date) (*SealRequest, error) {
	l, err := k.sealApprover(ctx, id, leaderName)
	if err != nil {
		return nil, err
	}
	return k.changeSeal(ctx, id, "退回", func(_ Tx, r *SealRequest) (string, error) {
		return reason, r.Reject(l, on, reason)
	})
}

func (k *Desk) WithdrawSeal(ctx context.Context, id int64) (*SealRequest, error) {
	return k.changeSeal(ctx, id, "撤回", func(_ Tx, r *SealRequest) (string, error) { return "", r.Withdraw() })
}

// UseSeal records the use and gives it the next 登记号 of the seal log.
func (k *Desk) UseSeal(ctx context.Context, id int64, on Date, count int, handler, witness, remarks string) (*SealRequest, error) {
	return k.changeSeal(ctx, id, "用印", func(tx Tx, r *SealRequest) (string, error) {
		if err := r.MarkUsed(on, count, handler, witness, "-", remarks); err != nil {
			return "", err
		}
		n, err := tx.NextNumber(fmt.Sprintf("seallog:%d", on.Year))
		if err != nil {
			return "", err
		}
		r.LogNo = IncomingSerial(on.Year, n)
		return fmt.Sprintf("登记号%s，%d份，经办人%s，监印人%s", r.LogNo, count, handler, witness), nil
	})
}

// ---- supervision ----

// CreateItem saves a new supervision item with the next 督办编号.
func (k *Desk) CreateItem(ctx context.Context, it *Item) error {
	if err := k.optionalLeader(ctx, it.LeaderInCharge); err != nil {
		return err
	}
	return k.Store.Update(ctx, func(tx Tx) error { return k.createItem(tx, it) })
}

func (k *Desk) createItem(tx Tx, it *Item) error {
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
	return k.history(tx, EntityItem, it.ID, "立项", it.Number+" "+it.Title)
}

// EditItem saves changes to an item's assignment data.
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

func (k *Desk) AddProgress(ctx context.Context, id int64, on Date, text string) (*Item, error) {
	return k.changeItem(ctx, id, "进展反馈", func(_ Tx, it *Item) (string, error) {
		return text, it.AddProgress(Progress{On: on, Text: text, Operator: k.Operator})
	})
}

func (k *Desk) CompleteStage(ctx context.Context, id int64, stage int, on Date) (*Item, error) {
	return k.changeItem(ctx, id, "阶段完成", func(_ Tx, it *Item) (string, error) {
		err := it.CompleteStage(stage, on)
		if err != nil {
			return "", err
		}
		return it.Stages[stage].Name, nil
	})
}

func (k *Desk) CompleteItem(ctx context.Context, id int64, result string, on Date) (*Item, error) {
	return k.changeItem(ctx, id, "办结", func(_ Tx, it *Item) (string, error) { return result, it.Complete(result, on) })
}

func (k *Desk) VisitItem(ctx context.Context, id int64, on Date, text string, reopen bool, newDeadline Date) (*Item, error) {
	action := "回访"
	if reopen {
		action = "回访并重新交办"
	}
	return k.changeItem(ctx, id, action, func(_ Tx, it *Item) (string, error) {
		return text, it.Visit(on, text, reopen, newDeadline)
	})
}

func (k *Desk) RecordSatisfaction(ctx context.Context, id int64, s Satisfaction, newDeadline Date) (*Item, error) {
	return k.changeItem(ctx, id, "满意度", func(_ Tx, it *Item) (string, error) {
		return string(s), it.RecordSatisfaction(s, k.Today(), newDeadline)
	})
}

// ItemFromInstruction makes a supervision item of the n-th 批示 (from 0) of
// a document in one step.
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
		if err := k.createItem(tx, &it); err != nil {
			return err
		}
		return k.history(tx, EntityDocument, d.ID, "转督办", it.Number)
	})
	return &it, err
}

// ---- meetings ----

// SaveMeeting creates or updates a meeting, computing the topics' due dates.
// The warning is non-nil when a due date lies in an uncovered year.
func (k *Desk) SaveMeeting(ctx context.Context, m *Meeting) (warn error, err error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	if _, err := k.leader(ctx, m.Chair); err != nil {
		return nil, err
	}
	warn = m.TopicsDue(k.Calendar())
	if seqWarn, err := k.meetingSequenceWarning(ctx, m); err != nil {
		return nil, err
	} else if seqWarn != nil {
		warn = joinWarnings(warn, seqWarn)
	}
	if m.ID == 0 {
		m.CreatedAt, m.UpdatedAt = k.Now(), k.Now()
		return warn, k.Store.Update(ctx, func(tx Tx) error {
			if err := tx.SaveMeeting(m); err != nil {
				return err
			}
			return k.history(tx, EntityMeeting, m.ID, "登记会议", m.Name())
		})
	}
	edited := *m
	saved, err := k.changeMeeting(ctx, m.ID, "修改会议", func(_ Tx, old *Meeting) (string, error) {
		edited.CreatedAt, edited.Minutes = old.CreatedAt, mergeMinutes(old.Minutes, edited.Minutes)
		keepDecisionLinks(old.Decisions, edited.Decisions)
		*old = edited
		return m.Name(), nil
	})
	if saved != nil {
		*m = *saved
	}
	return warn, err
}

// meetingSequenceWarning compares m's 第N次 with the meetings of the same
// kind held within a year of it.
func (k *Desk) meetingSequenceWarning(ctx context.Context, m *Meeting) (error, error) {
	if m.Seq <= 0 {
		return nil, nil
	}
	others, _, err := k.Store.Meetings(ctx, MeetingFilter{Kind: m.Kind, From: m.Date.AddDays(-366), To: m.Date.AddDays(366),
		Page: Page{Limit: 1000}})
	if err != nil {
		return nil, err
	}
	return m.SequenceWarning(others), nil
}

// joinWarnings puts two warnings in one message; the first one's code stays.
func joinWarnings(a, b error) error {
	if a == nil {
		return b
	}
	return &Error{Code: ErrorCode(a), Message: ErrorMessage(a) + "\n" + ErrorMessage(b)}
}

// keepDecisionLinks carries the supervision items already made of decisions
// over to the edited list: by the same text, else by the same position (a
// corrected wording), so no decision can be made into an item twice.
func keepDecisionLinks(old, edited []Decision) {
	used := map[int64]bool{}
	for _, d := range edited {
		used[d.ItemID] = d.ItemID != 0
	}
	link := func(i int, match func(Decision) bool) {
		for _, od := range old {
			if od.ItemID != 0 && !used[od.ItemID] && match(od) {
				edited[i].ItemID, used[od.ItemID] = od.ItemID, true
				return
			}
		}
	}
	for i := range edited {
		if edited[i].ItemID == 0 {
			link(i, func(od Decision) bool { return od.Content == edited[i].Content })
		}
	}
	for i := range edited {
		if edited[i].ItemID == 0 {
			link(i, func(od Decision) bool { return od.Seq == edited[i].Seq })
		}
	}
}

// mergeMinutes keeps the number once given; the rest comes from the edit.
func mergeMinutes(old, edited Minutes) Minutes {
	if old.Number != 0 {
		edited.Year, edited.Number = old.Year, old.Number
	}
	return edited
}

// DecisionToItem makes a supervision item of decision seq of a meeting, in
// one step, and links them both ways.
func (k *Desk) DecisionToItem(ctx context.Context, meetingID int64, seq int) (*Item, error) {
	var it Item
	_, err := k.changeMeeting(ctx, meetingID, "议定事项转督办", func(tx Tx, m *Meeting) (string, error) {
		for i := range m.Decisions {
			dec := &m.Decisions[i]
			if dec.Seq != seq {
				continue
			}
			if dec.ItemID != 0 {
				return "", Errorf(ECONFLICT, "第%d项议定事项已转为督办事项", seq)
			}
			if dec.Deadline.IsZero() {
				return "", Errorf(EINVALID, "第%d项议定事项没有时限，请先填写", seq)
			}
			it = ItemFromDecision(m, *dec)
			if err := k.createItem(tx, &it); err != nil {
				return "", err
			}
			dec.ItemID = it.ID
			return it.Number, nil
		}
		return "", Errorf(ENOTFOUND, "没有第%d项议定事项", seq)
	})
	return &it, err
}

// IssueMinutes gives the minutes their number (per kind per year, once) and
// records body, signer and date.
func (k *Desk) IssueMinutes(ctx context.Context, id int64, body, signer string, on Date) (*Meeting, error) {
	if _, err := k.leader(ctx, signer); err != nil {
		return nil, err
	}
	return k.changeMeeting(ctx, id, "印发纪要", func(tx Tx, m *Meeting) (string, error) {
		year, number := m.Minutes.Year, m.Minutes.Number
		if err := m.CanIssueMinutes(k.Today()); err != nil {
			return "", err
		}
		if err := m.IssueMinutes(1, body, signer, on); err != nil { // validate before a number is taken
			return "", err
		}
		if number == 0 { // reissued minutes keep their number and its year
			n, err := tx.NextNumber(fmt.Sprintf("minutes:%s:%d", m.Kind, on.Year))
			if err != nil {
				return "", err
			}
			year, number = on.Year, n
		}
		m.Minutes.Year, m.Minutes.Number = year, number
		return m.Minutes.NumberText(), nil
	})
}

// ---- reference data and settings ----

func (k *Desk) changeSettings(ctx context.Context, action, detail string, fn func(tx Tx) error) error {
	err := k.Store.Update(ctx, func(tx Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		return k.history(tx, EntitySettings, 0, action, detail)
	})
	if err != nil {
		return err
	}
	return k.Reload(ctx)
}

// SaveSettings validates and stores the office's settings.
func (k *Desk) SaveSettings(ctx context.Context, s Settings) error {
	s.OrgName = strings.TrimSpace(s.OrgName)
	if s.OrgName == "" {
		return Errorf(EINVALID, "请填写单位名称")
	}
	if err := s.Rules.Validate(); err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, c := range s.IssuingCodes {
		if strings.TrimSpace(c.Code) == "" {
			return Errorf(EINVALID, "发文代字不能为空")
		}
		if seen[c.Code] {
			return Errorf(ECONFLICT, "发文代字“%s”重复", c.Code)
		}
		seen[c.Code] = true
	}
	return k.changeSettings(ctx, "修改设置", s.OrgName, func(tx Tx) error { return tx.SaveSettings(s) })
}

func (k *Desk) SaveUnit(ctx context.Context, u *Unit) error {
	if u.Name = strings.TrimSpace(u.Name); u.Name == "" {
		return Errorf(EINVALID, "请填写单位名称")
	}
	if u.Kind == "" {
		u.Kind = UnitOther
	}
	return k.changeSettings(ctx, "保存单位", u.Name, func(tx Tx) error { return tx.SaveUnit(u) })
}

func (k *Desk) DeleteUnit(ctx context.Context, id int64) error {
	return k.changeSettings(ctx, "删除单位", fmt.Sprint(id), func(tx Tx) error { return tx.DeleteUnit(id) })
}

func (k *Desk) SaveLeader(ctx context.Context, l *Leader) error {
	if l.Name = strings.TrimSpace(l.Name); l.Name == "" {
		return Errorf(EINVALID, "请填写领导姓名")
	}
	if l.Role == "" {
		return Errorf(EINVALID, "请选择%s的职务", l.Name)
	}
	return k.changeSettings(ctx, "保存领导", l.Name, func(tx Tx) error { return tx.SaveLeader(l) })
}

func (k *Desk) DeleteLeader(ctx context.Context, id int64) error {
	return k.changeSettings(ctx, "删除领导", fmt.Sprint(id), func(tx Tx) error { return tx.DeleteLeader(id) })
}

func (k *Desk) SaveSeal(ctx context.Context, s *Seal) error {
	if s.Name = strings.TrimSpace(s.Name); s.Name == "" {
		return Errorf(EINVALID, "请填写印章名称")
	}
	if s.Kind == "" {
		s.Kind = SealOther
	}
	if err := s.CheckChain(); err != nil {
		return err
	}
	return k.changeSettings(ctx, "保存印章", s.Name, func(tx Tx) error { return tx.SaveSeal(s) })
}

func (k *Desk) DeleteSeal(ctx context.Context, id int64) error {
	return k.changeSettings(ctx, "删除印章", fmt.Sprint(id), func(tx Tx) error { return tx.DeleteSeal(id) })
}

// SetDay adds or corrects a day of the holiday calendar.
func (k *Desk) SetDay(ctx context.Context, o DayOverride) error {
	if o.Day.IsZero() {
		return Errorf(EINVALID, "请填写日期")
	}
	kind := "放假"
	if o.Work {
		kind = "调休上班"
	}
	if err := k.changeSettings(ctx, "修改节假日", o.Day.String()+" "+kind, func(tx Tx) error { return tx.SaveDayOverride(o) }); err != nil {
		return err
	}
	return k.recountUncertain(ctx)
}

// recountUncertain counts again, on the calendar now in force, the due
// dates that were counted while their year's holidays were unknown.
func (k *Desk) recountUncertain(ctx context.Context) error {
	assigned, err := All(func(p Page) ([]Document, int, error) {
		return k.Store.Documents(ctx, DocumentFilter{Statuses: []DocStatus{StatusAssigned}, Sort: "id", Page: p})
	})
	if err != nil {
		return err
	}
	cal := k.Calendar()
	return k.Store.Update(ctx, func(tx Tx) error {
		for i := range assigned {
			d := &assigned[i]
			old := d.DueOn
			if !d.Recount(cal) {
				continue
			}
			if err := tx.SaveDocument(d); err != nil {
				return err
			}
			if err := k.history(tx, EntityDocument, d.ID, "重算期限", fmt.Sprintf("节假日安排录入后，办理期限由%s改为%s", old, d.DueOn)); err != nil {
				return err
			}
		}
		return nil
	})
}

func (k *Desk) ClearDay(ctx context.Context, d Date) error {
	return k.changeSettings(ctx, "删除节假日", d.String(), func(tx Tx) error { return tx.DeleteDayOverride(d) })
}

// ConfirmYear marks a year's schedule as entered by the office.
func (k *Desk) ConfirmYear(ctx context.Context, year int, confirmed bool) error {
	if year < 2000 || year > 2200 {
		return Errorf(EINVALID, "年份不对")
	}
	if err := k.changeSettings(ctx, "确认节假日年度", fmt.Sprint(year), func(tx Tx) error { return tx.SetYearConfirmed(year, confirmed) }); err != nil {
		return err
	}
	return k.recountUncertain(ctx)
}

// CalendarWarning says which of this year and next the calendar lacks, or "".
func (k *Desk) CalendarWarning() string {
	y := k.Today().Year
	var missing []string
	for _, yr := range []int{y, y + 1} {
		if !k.Calendar().Covers(yr) {
			missing = append(missing, fmt.Sprint(yr))
		}
	}
	if len(missing) == 0 {
		return ""
	}
	return strings.Join(missing, "、") + "年的节假日安排尚未录入，期限按普通周末推算；国务院公布安排后请在“设置—节假日”中补录"
}

// MonthlyReport counts the supervision items of a month's 督查通报 (its
// scope is the year's: see BuildMonthlyReport); the issue number is the
// month's (one 通报 a month, counted per year).
func (k *Desk) MonthlyReport(ctx context.Context, year int, month time.Month) (MonthlyReport, error) {
	first := D(year, month, 1)
	items, err := All(func(p Page) ([]Item, int, error) {
		return k.Store.Items(ctx, ItemFilter{ActiveFrom: D(year, time.January, 1), ActiveTo: first.LastOfMonth(), Sort: "number", Page: p})
	})
	if err != nil {
		return MonthlyReport{}, err
	}
	r := BuildMonthlyReport(items, year, month, k.Today(), k.Calendar(), k.Settings().Rules.WarnDays)
	st := k.Settings()
	r.OrgName, r.Issue = st.OrgName, int(month)
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
