package app

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// SealKind tells which approval chain a seal follows.
type SealKind string

const (
	SealGovernment SealKind = "区政府印章"
	SealOffice     SealKind = "区政府办公室印章"
	SealParty      SealKind = "党组印章"
	SealName       SealKind = "领导名章"
	SealOther      SealKind = "其他印章"
)

// ApprovalStep is one box of the 用印申请单.
type ApprovalStep struct {
	Role   Role
	Action string // 审核 or 审签
}

// Seal is a seal the office keeps, with its approval chain.
type Seal struct {
	ID     int64
	Name   string
	Kind   SealKind
	Keeper string
	Chain  []ApprovalStep // empty: the default chain of its kind
	Active bool
}

// DefaultChain is the approval chain a seal of kind takes when the office
// has set none. 003 第三十一条 fixes the first two: the 区政府印章 needs the
// 副区长's review and the 区长's signature, the 区政府办公室印章 the 副主任's
// review and the 主任's signature. For every other seal it asks only for a
// request "按流程逐级审批"; the defaults follow the seal's owner: the 党组印章
// is reviewed by the 副主任 and signed by the 党组书记 (the 区长), a
// 领导名章 is reviewed by the 主任 and signed by the 区长 (the office may
// name the leader himself in 设置—印章), any other seal takes the office
// seal's chain.
func DefaultChain(kind SealKind) []ApprovalStep {
	switch kind {
	case SealGovernment:
		return []ApprovalStep{{RoleViceMayor, "审核"}, {RoleMayor, "审签"}}
	case SealParty:
		return []ApprovalStep{{RoleDeputyDirector, "审核"}, {RoleMayor, "审签"}}
	case SealName:
		return []ApprovalStep{{RoleOfficeDirector, "审核"}, {RoleMayor, "审签"}}
	}
	return []ApprovalStep{{RoleDeputyDirector, "审核"}, {RoleOfficeDirector, "审签"}}
}

// ChainFixed says whether the chain of kind is set by the rules (003
// 第三十一条) and cannot be changed by the office.
func ChainFixed(kind SealKind) bool { return kind == SealGovernment || kind == SealOffice }

// CheckChain tidies the chain the office set for the seal: a chain equal
// to its kind's default is stored as none (so that it follows the rule),
// and the chains of 第三十一条 cannot be changed.
func (s *Seal) CheckChain() error {
	if slices.Equal(s.Chain, DefaultChain(s.Kind)) {
		s.Chain = nil
	}
	if ChainFixed(s.Kind) && len(s.Chain) > 0 {
		return Errorf(EINVALID, "%s的审批流程由规定确定（%s），不能更改", s.Kind, chainSteps(DefaultChain(s.Kind)))
	}
	return nil
}

func chainSteps(chain []ApprovalStep) string {
	parts := make([]string, len(chain))
	for i, st := range chain {
		parts[i] = string(st.Role) + st.Action
	}
	return strings.Join(parts, "、")
}

// ChainFor returns the approval steps of a request for seal: the chain the
// office set for it, else its kind's DefaultChain; use outside the
// keeper's office needs the 区长 or the 主任 last (003 第三十三条).
func ChainFor(seal Seal, offSite bool) []ApprovalStep {
	chain := DefaultChain(seal.Kind)
	if !ChainFixed(seal.Kind) && len(seal.Chain) > 0 {
		chain = slices.Clone(seal.Chain)
	}
	if offSite {
		last := chain[len(chain)-1].Role
		if last != RoleMayor && last != RoleOfficeDirector {
			chain = append(chain, ApprovalStep{RoleOfficeDirector, "异地用印审批"})
		}
	}
	return chain
}

// SealStatus is where a request stands.
type SealStatus string

const (
	SealDraft     SealStatus = "draft"
	SealSubmitted SealStatus = "submitted"
	SealReviewed  SealStatus = "reviewed"
	SealApproved  SealStatus = "approved"
	SealUsed      SealStatus = "used"
	SealRejected  SealStatus = "rejected"
	SealWithdrawn SealStatus = "withdrawn"
)

var SealStatuses = []SealStatus{SealDraft, SealSubmitted, SealReviewed, SealApproved, SealUsed, SealRejected, SealWithdrawn}

func (s SealStatus) Label() string {
	return map[SealStatus]string{SealDraft: "草稿", SealSubmitted: "待审核", SealReviewed: "待审签",
		SealApproved: "已批准待用印", SealUsed: "已用印", SealRejected: "已退回", SealWithdrawn: "已撤回"}[s]
}

// Approval is a recorded step.
type Approval struct {
	Step     int
	Role     Role
	Action   string
	Approver string
	On       Date
	Opinion  string
	For      string // the leader the approver stood in for, if any
	Printed  string // the approver as the form prints him when he stood in: 李四（代）
}

// SealRequest is a 用印申请. One request is one matter and one use.
type SealRequest struct {
	ID           int64
	Number       string // 申请编号 2026-0001
	Status       SealStatus
	SealName     string
	SealKind     SealKind
	Unit         string // 用印单位
	Contact      string
	Phone        string
	Reason       string // 用印事由
	FileName     string // 文件名称
	Copies       int    // 份数 / 用印次数
	Destination  string // 报送去向
	OffSite      bool
	RequestedOn  Date
	Chain        []ApprovalStep
	Approvals    []Approval
	RejectReason string

	// filled when the seal is used (用印登记簿)
	LogNo     string
	UsedOn    Date
	UsedCount int
	Handler   string // 经办人
	Witness   string // 监印人
	Remarks   string

	CreatedAt time.Time
	UpdatedAt time.Time
	UpdatedBy string // who saved it last
	// Version counts the saves: a form's save is refused when the record
	// was saved by someone else since the form read it (EditConflict).
	Version int
}

// Validate checks a new or edited draft.
func (r *SealRequest) Validate() error {
	for _, f := range []struct {
		v    *string
		name string
	}{{&r.SealName, "印章"}, {&r.Unit, "用印单位"}, {&r.Contact, "联系人"}, {&r.Reason, "用印事由"}, {&r.FileName, "文件名称"}} {
		*f.v = strings.TrimSpace(*f.v)
		if *f.v == "" {
			return Errorf(EINVALID, "请填写%s", f.name)
		}
	}
	if err := r.CheckLengths(); err != nil {
		return err
	}
	if r.Copies < 1 || r.Copies > 999 {
		return Errorf(EINVALID, "份数应为1到999")
	}
	if r.RequestedOn.IsZero() {
		return Errorf(EINVALID, "请填写申请日期")
	}
	if r.Status == "" {
		r.Status = SealDraft
	}
	return nil
}

func (r *SealRequest) mustBe(step string, allowed ...SealStatus) error {
	if slices.Contains(allowed, r.Status) {
		return nil
	}
	return Errorf(ESTATE, "用印申请%s当前状态为“%s”，不能%s", r.Number, r.Status.Label(), step)
}

// CanEdit says why the request can no longer be changed, or nil.
func (r *SealRequest) CanEdit() error {
	if r.Status != SealDraft {
		return Errorf(ESTATE, "已提交的用印申请不能修改，请撤回后重新申请")
	}
	return nil
}

// CanSubmit says why the request cannot be sent for approval, or nil.
func (r *SealRequest) CanSubmit() error {
	return r.mustBe("提交", SealDraft)
}

// Submit sends the draft for approval and fixes its chain.
func (r *SealRequest) Submit(seal Seal) error {
	if err := r.CanSubmit(); err != nil {
		return err
	}
	if err := r.Validate(); err != nil {
		return err
	}
	r.SealName, r.SealKind = seal.Name, seal.Kind
	r.Chain = ChainFor(seal, r.OffSite)
	r.Status = SealSubmitted
	return nil
}

// NextStep is the step waiting for approval, or nil.
func (r *SealRequest) NextStep() *ApprovalStep {
	if r.Status != SealSubmitted && r.Status != SealReviewed {
		return nil
	}
	if n := len(r.Approvals); n < len(r.Chain) {
		return &r.Chain[n]
	}
	return nil
}

// CanApprove says why no approval can be recorded now, or nil.
func (r *SealRequest) CanApprove() error {
	if r.Status == SealDraft {
		return Errorf(ESTATE, "用印申请%s尚未提交审批", r.Number)
	}
	if err := r.mustBe("审批", SealSubmitted, SealReviewed); err != nil {
		return err
	}
	if r.NextStep() == nil {
		return Errorf(ESTATE, "用印申请%s已无待审批的环节", r.Number)
	}
	return nil
}

// Approve records the next step by leader, who must hold its post (the 区长
// may also approve the off-site step the 主任 would).
func (r *SealRequest) Approve(leader Leader, on Date, opinion string) error {
	if err := r.CanApprove(); err != nil {
		return err
	}
	step := r.NextStep()
	ok := leader.Role == step.Role ||
		(step.Role == RoleViceMayor && leader.Role == RoleExecutiveVice) ||
		(step.Action == "异地用印审批" && leader.Role == RoleMayor)
	if !ok {
		return Errorf(EINVALID, "这一步“%s”应由%s办理，%s是%s", step.Action, step.Role, leader.Name, leader.Role)
	}
	if on.Before(r.RequestedOn) {
		return Errorf(EINVALID, "审批日期不能早于申请日期（%s）", r.RequestedOn)
	}
	r.Approvals = append(r.Approvals, Approval{Step: len(r.Approvals) + 1, Role: leader.Role, Action: step.Action,
		Approver: leader.Name, On: on, Opinion: strings.TrimSpace(opinion)})
	if len(r.Approvals) == len(r.Chain) {
		r.Status = SealApproved
	} else {
		r.Status = SealReviewed
	}
	return nil
}

// CanReject says why the request cannot be turned down now, or nil.
func (r *SealRequest) CanReject() error {
	if r.Status == SealDraft {
		return Errorf(ESTATE, "用印申请%s尚未提交审批", r.Number)
	}
	return r.mustBe("退回", SealSubmitted, SealReviewed)
}

// Reject ends the request at the current step with a reason.
func (r *SealRequest) Reject(leader Leader, on Date, reason string) error {
	if err := r.CanReject(); err != nil {
		return err
	}
	if strings.TrimSpace(reason) == "" {
		return Errorf(EINVALID, "请写明退回理由")
	}
	r.RejectReason = fmt.Sprintf("%s（%s %s）", strings.TrimSpace(reason), leader.Name, on)
	r.Status = SealRejected
	return nil
}

// CanWithdraw says why the request can no longer be taken back, or nil.
func (r *SealRequest) CanWithdraw() error {
	return r.mustBe("撤回", SealDraft, SealSubmitted, SealReviewed, SealApproved)
}

// Withdraw is the applicant taking the request back before it is used.
func (r *SealRequest) Withdraw() error {
	if err := r.CanWithdraw(); err != nil {
		return err
	}
	r.Status = SealWithdrawn
	return nil
}

// CanUse says why the seal cannot be used on this request now, or nil.
func (r *SealRequest) CanUse() error {
	if r.Status == SealUsed {
		return Errorf(ESTATE, "用印申请%s已于%s用印，一次审批只能用印一次", r.Number, r.UsedOn)
	}
	if r.Status == SealSubmitted || r.Status == SealReviewed || r.Status == SealDraft {
		return Errorf(ESTATE, "用印申请%s尚未审批完毕，不能用印", r.Number)
	}
	return r.mustBe("用印", SealApproved)
}

// CheckUse says why the request cannot be used on day on for count copies
// with these handler and witness, or nil; it needs no 登记号, so that the
// number is taken only once the use is allowed.
func (r *SealRequest) CheckUse(on Date, count int, handler, witness string) error {
	if err := r.CanUse(); err != nil {
		return err
	}
	if count < 1 || count > r.Copies {
		return Errorf(EINVALID, "用印份数应为1到%d（申请份数）", r.Copies)
	}
	if strings.TrimSpace(handler) == "" || strings.TrimSpace(witness) == "" {
		return Errorf(EINVALID, "请填写经办人和监印人")
	}
	if last := r.Approvals[len(r.Approvals)-1].On; on.Before(last) {
		return Errorf(EINVALID, "用印日期不能早于批准日期（%s）", last)
	}
	return nil
}

// MarkUsed records the use of an approved request under the seal log's
// 登记号 logNo: one approval, one use. It refuses what CheckUse refuses.
func (r *SealRequest) MarkUsed(on Date, count int, handler, witness, logNo, remarks string) error {
	if err := r.CheckUse(on, count, handler, witness); err != nil {
		return err
	}
	r.UsedOn, r.UsedCount, r.Handler, r.Witness, r.LogNo, r.Remarks = on, count, strings.TrimSpace(handler), strings.TrimSpace(witness), logNo, strings.TrimSpace(remarks)
	r.Status = SealUsed
	return nil
}

// UsedCopies is the number of copies sealed: the 用印份数, else (records
// imported without it) the copies asked for.
func (r *SealRequest) UsedCopies() int {
	if r.UsedCount > 0 {
		return r.UsedCount
	}
	return r.Copies
}

// ApprovedBy names the approver who signed the last step (批准人 of the log).
func (r *SealRequest) ApprovedBy() string {
	if n := len(r.Approvals); n > 0 {
		return r.Approvals[n-1].Approver
	}
	return ""
}
