package app

import (
	"context"
	"slices"
	"strings"
)

// Cosign is one 会签 of a draft: the unit or leader asked, the day it was
// sent, the day the reply is due and the reply (004 二十九: "会签一般应在7个
// 工作日内回复，逾期不回复的视为无不同意见"; 004 三十一(八): 涉及多位领导分管范围的，
// 请其他领导会签).
type Cosign struct {
	Party     string
	SentOn    Date
	DueOn     Date
	RepliedOn Date
	Reply     string
}

// CosignWorkdays is the time a 会签 is given to reply (004 二十九).
const CosignWorkdays = 7

// DeemedAgreed reports whether the 会签 is past due on day without a reply,
// and so counts as 无不同意见 (004 二十九).
func (c Cosign) DeemedAgreed(day Date) bool {
	return c.RepliedOn.IsZero() && !c.DueOn.IsZero() && day.After(c.DueOn)
}

// State is where the 会签 stands on day, in the secretary's words.
func (c Cosign) State(day Date) string {
	switch {
	case !c.RepliedOn.IsZero():
		return "已回复：" + c.Reply
	case c.DeemedAgreed(day):
		return "逾期未回复，视为无不同意见"
	}
	return "待回复，" + c.DueOn.String() + "前"
}

// CanCosign says why the draft cannot be sent for 会签 now, or nil: only
// before it is signed.
func (d *Document) CanCosign() error {
	if d.Direction != Outgoing {
		return Errorf(ESTATE, "只有发文需要会签")
	}
	return d.mustBe("会签", StatusDrafted, StatusChecked, StatusReviewed)
}

// SendCosign records that the draft went to party for 会签 on day on, due
// CosignWorkdays working days later on cal. The warning says the due date
// lies in a year whose holidays are unknown.
func (d *Document) SendCosign(party string, on Date, cal *Calendar) (*Warning, error) {
	if err := d.CanCosign(); err != nil {
		return nil, err
	}
	party = strings.TrimSpace(party)
	if party == "" {
		return nil, Errorf(EINVALID, "请填写会签的单位或领导")
	}
	if err := checkLengths([]textField{{"会签单位", party, limitUnit}}); err != nil {
		return nil, err
	}
	if on.IsZero() || on.Before(d.DraftedOn) {
		return nil, Errorf(EINVALID, "送会签日期不能早于拟稿日期（%s）", d.DraftedOn)
	}
	if slices.ContainsFunc(d.Cosigns, func(c Cosign) bool { return c.Party == party && c.RepliedOn.IsZero() }) {
		return nil, Errorf(EINVALID, "已送%s会签，尚未回复", party)
	}
	due, w := cal.AddWorkdays(on, CosignWorkdays)
	d.Cosigns = append(d.Cosigns, Cosign{Party: party, SentOn: on, DueOn: due})
	return w, nil
}

// ReplyCosign records party's reply to its 会签 on day on.
func (d *Document) ReplyCosign(party, reply string, on Date) error {
	i := slices.IndexFunc(d.Cosigns, func(c Cosign) bool { return c.Party == strings.TrimSpace(party) && c.RepliedOn.IsZero() })
	if i < 0 {
		return Errorf(EINVALID, "%s没有待回复的会签", party)
	}
	reply = strings.TrimSpace(reply)
	if reply == "" {
		return Errorf(EINVALID, "请照录会签意见（如“同意”）")
	}
	if err := checkLengths([]textField{{"会签意见", reply, limitNote}}); err != nil {
		return err
	}
	if on.IsZero() || on.Before(d.Cosigns[i].SentOn) {
		return Errorf(EINVALID, "回复日期不能早于送会签日期（%s）", d.Cosigns[i].SentOn)
	}
	d.Cosigns[i].RepliedOn, d.Cosigns[i].Reply = on, reply
	return nil
}

// PendingCosigns are the parties whose 会签 still awaits a reply.
func (d *Document) PendingCosigns() []string {
	var out []string
	for _, c := range d.Cosigns {
		if c.RepliedOn.IsZero() {
			out = append(out, c.Party)
		}
	}
	return out
}

// SendCosign sends the draft for 会签 to party today; the warning says the
// due date is uncertain (its year's holidays are unknown).
func (k *Desk) SendCosign(ctx context.Context, id int64, party string) (*Document, *Warning, error) {
	var warn *Warning
	d, err := k.changeDoc(ctx, id, "送会签", func(_ Tx, d *Document) (string, error) {
		w, err := d.SendCosign(party, k.Today(), k.Calendar())
		warn = w
		return party, err
	})
	return d, warn, err
}

// ReplyCosign records party's reply to its 会签 on day on.
func (k *Desk) ReplyCosign(ctx context.Context, id int64, party, reply string, on Date) (*Document, error) {
	return k.changeDoc(ctx, id, "会签回复", func(_ Tx, d *Document) (string, error) {
		return party + "：" + reply, d.ReplyCosign(party, reply, on)
	})
}
