// The Desk's steps on the 会议 book: meetings, decisions made items, minutes.

package app

import (
	"context"
	"fmt"
)

// SaveMeeting creates (m.ID 0) or updates a meeting, computing the topics'
// due dates; the chair must be on the 领导名单. The meeting is saved all
// the same when a due date lies in a year the calendar does not cover or
// its 第N次 goes against its date: the warnings say so. On update the
// minutes' number and the decisions already made supervision items stay.
func (k *Desk) SaveMeeting(ctx context.Context, m *Meeting) (Warnings, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	if _, err := k.leader(ctx, m.Chair); err != nil {
		return nil, err
	}
	var warns Warnings
	warns.add(m.TopicsDue(k.Calendar()))
	seqWarn, err := k.meetingSequenceWarning(ctx, m)
	if err != nil {
		return nil, err
	}
	warns.add(seqWarn)
	if m.ID == 0 {
		m.CreatedAt, m.UpdatedAt = k.Now(), k.Now()
		return warns, k.Store.Update(ctx, func(tx Tx) error {
			if err := tx.SaveMeeting(m); err != nil {
				return err
			}
			return k.history(ctx, tx, EntityMeeting, m.ID, "登记会议", m.Name())
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
	return warns, err
}

// meetingSequenceWarning compares m's 第N次 with the meetings of the same
// kind held within a year of it.
func (k *Desk) meetingSequenceWarning(ctx context.Context, m *Meeting) (*Warning, error) {
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
// one step, and links them both ways. The decision must have a deadline and
// not be made an item yet.
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
			if err := k.createItem(ctx, tx, &it); err != nil {
				return "", err
			}
			dec.ItemID = it.ID
			return it.Number, nil
		}
		return "", Errorf(ENOTFOUND, "没有第%d项议定事项", seq)
	})
	return &it, err
}

// IssueMinutes gives the minutes their number (per kind per year, once:
// reissued minutes keep theirs) and records body, signer and date. The
// meeting must have been held (CanIssueMinutes) and the signer be on the
// 领导名单; the number is taken only once the minutes are accepted.
func (k *Desk) IssueMinutes(ctx context.Context, id int64, body, signer string, on Date) (*Meeting, error) {
	l, err := k.leader(ctx, signer)
	if err != nil {
		return nil, err
	}
	return k.changeMeeting(ctx, id, "印发纪要", func(tx Tx, m *Meeting) (string, error) {
		if err := m.CanIssueMinutes(k.Today()); err != nil {
			return "", err
		}
		if err := m.CheckMinutes(body, signer, on); err != nil {
			return "", err
		}
		auth, err := k.authority(tx)
		if err != nil {
			return "", err
		}
		acting, err := auth.CheckMinutesSigner(m, l, on)
		if err != nil {
			return "", err
		}
		number := 0
		if m.NeedsMinutesNumber() {
			n, err := tx.NextNumber(fmt.Sprintf("minutes:%s:%d", m.Kind, on.Year))
			if err != nil {
				return "", err
			}
			number = n
		}
		if err := m.IssueMinutes(number, body, signer, on); err != nil {
			return "", err
		}
		m.Minutes.SignedFor, m.Minutes.SignerPrinted = "", ""
		if acting.IsStandIn() {
			m.Minutes.SignedFor, m.Minutes.SignerPrinted = acting.For.Name, acting.Printed(auth.Rules)
		}
		return acting.HistoryText("签发") + " " + m.Minutes.NumberText(), nil
	})
}
