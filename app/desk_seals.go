// The Desk's steps on the 用印 book: request, approval chain, use.

package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

func (k *Desk) seal(ctx context.Context, name string) (Seal, error) {
	seals, err := k.Store.Seals(ctx)
	if err != nil {
		return Seal{}, err
	}
	return sealNamed(seals, name)
}

// sealNamed finds the seal of that name in the settings' list.
func sealNamed(seals []Seal, name string) (Seal, error) {
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

// SealChain is the approval chain a request's form names, in any state: the
// one fixed when it was submitted, else (a draft) the one Submit would fix
// now, from the same rule and the seal's settings.
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

// CreateSealRequest saves a new request as a 草稿 with the next 用印编号 of
// its year. Its seal must be in the settings.
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
		return k.history(ctx, tx, EntitySeal, r.ID, "申请", r.Unit+" "+r.Reason)
	})
}

// EditSealRequest saves changes to a request that is still a 草稿 (CanEdit);
// its number, status and creation stay.
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

// SubmitSeal sends a 草稿 for approval (CanSubmit) and fixes its approval
// chain from the seal's settings.
func (k *Desk) SubmitSeal(ctx context.Context, id int64) (*SealRequest, error) {
	return k.changeSeal(ctx, id, "提交", func(tx Tx, r *SealRequest) (string, error) {
		seals, err := tx.Seals()
		if err != nil {
			return "", err
		}
		s, err := sealNamed(seals, r.SealName)
		if err != nil {
			return "", err
		}
		return "", r.Submit(s)
	})
}

// ApproveSeal records the approval of the request's next step by leaderName
// on day on. The request must be under approval with a step left
// (CanApprove), and the leader hold that step's post.
func (k *Desk) ApproveSeal(ctx context.Context, id int64, leaderName, opinion string, on Date) (*SealRequest, error) {
	l, err := k.sealApprover(ctx, id, leaderName)
	if err != nil {
		return nil, err
	}
	return k.changeSeal(ctx, id, "审批", func(tx Tx, r *SealRequest) (string, error) {
		step := r.NextStep()
		if step == nil {
			return "", r.CanApprove()
		}
		// a leader who does not hold the step's post may take it as the
		// recorded stand-in of one who does, on that day
		acting := Acting{Leader: l}
		if err := r.Approve(l, on, opinion); err != nil {
			auth, aerr := k.authority(tx)
			if aerr != nil {
				return "", aerr
			}
			a, serr := auth.ActingAs(l, []Role{step.Role}, on)
			if ErrorCode(serr) == ENOTFOUND {
				return "", err
			} else if serr != nil {
				return "", serr
			}
			acting = a
			in := l
			in.Role = acting.Post()
			if err := r.Approve(in, on, opinion); err != nil {
				return "", err
			}
			last := &r.Approvals[len(r.Approvals)-1]
			last.Approver, last.For, last.Printed = l.Name, acting.For.Name, acting.Printed(auth.Rules)
		}
		return acting.HistoryText(step.Action) + " " + opinion, nil
	})
}

// RejectSeal ends a request under approval (CanReject) at its current step,
// with the reason.
func (k *Desk) RejectSeal(ctx context.Context, id int64, leaderName, reason string, on Date) (*SealRequest, error) {
	l, err := k.sealApprover(ctx, id, leaderName)
	if err != nil {
		return nil, err
	}
	return k.changeSeal(ctx, id, "退回", func(_ Tx, r *SealRequest) (string, error) {
		return reason, r.Reject(l, on, reason)
	})
}

// WithdrawSeal is the applicant taking the request back; it must be a 草稿,
// under approval or approved, not yet used (CanWithdraw).
func (k *Desk) WithdrawSeal(ctx context.Context, id int64) (*SealRequest, error) {
	return k.changeSeal(ctx, id, "撤回", func(_ Tx, r *SealRequest) (string, error) { return "", r.Withdraw() })
}

// UseSeal records the use and gives it the next 登记号 of the seal log. The
// request must be approved and not used yet (CanUse: one approval, one use),
// the copies within those approved (CheckUse); only then is the number taken.
func (k *Desk) UseSeal(ctx context.Context, id int64, on Date, count int, handler, witness, remarks string) (*SealRequest, error) {
	return k.changeSeal(ctx, id, "用印", func(tx Tx, r *SealRequest) (string, error) {
		if err := r.CheckUse(on, count, handler, witness); err != nil {
			return "", err
		}
		n, err := tx.NextNumber(fmt.Sprintf("seallog:%d", on.Year))
		if err != nil {
			return "", err
		}
		if err := r.MarkUsed(on, count, handler, witness, IncomingSerial(on.Year, n), remarks); err != nil {
			return "", err
		}
		return fmt.Sprintf("登记号%s，%d份，经办人%s，监印人%s", r.LogNo, count, handler, witness), nil
	})
}
