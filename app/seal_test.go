package app

import (
	"slices"
	"strings"
	"testing"
)

func TestChainFor(t *testing.T) {
	gov := Seal{Name: "示例区人民政府", Kind: SealGovernment}
	office := Seal{Name: "示例区人民政府办公室", Kind: SealOffice}
	party := Seal{Name: "区政府党组", Kind: SealParty, Chain: []ApprovalStep{{RoleExecutiveVice, "审签"}}}
	bare := Seal{Name: "某印章", Kind: SealOther}
	tests := []struct {
		name    string
		seal    Seal
		offSite bool
		want    []ApprovalStep
	}{
		{"government seal", gov, false, []ApprovalStep{{RoleViceMayor, "审核"}, {RoleMayor, "审签"}}},
		{"government seal off-site: the 区长 already signs", gov, true, []ApprovalStep{{RoleViceMayor, "审核"}, {RoleMayor, "审签"}}},
		{"office seal", office, false, []ApprovalStep{{RoleDeputyDirector, "审核"}, {RoleOfficeDirector, "审签"}}},
		{"configured chain", party, false, []ApprovalStep{{RoleExecutiveVice, "审签"}}},
		{"configured chain off-site adds the 主任", party, true, []ApprovalStep{{RoleExecutiveVice, "审签"}, {RoleOfficeDirector, "异地用印审批"}}},
		{"unconfigured seal: the office chain", bare, false, []ApprovalStep{{RoleDeputyDirector, "审核"}, {RoleOfficeDirector, "审签"}}},
		// issue 12: a new office's 党组印章 and 领导名章 have chains of their own
		{"党组印章: the 区长 (党组书记) signs", Seal{Kind: SealParty}, false, []ApprovalStep{{RoleDeputyDirector, "审核"}, {RoleMayor, "审签"}}},
		{"领导名章: the 主任 reviews, the 区长 signs", Seal{Kind: SealName}, false, []ApprovalStep{{RoleOfficeDirector, "审核"}, {RoleMayor, "审签"}}},
		{"领导名章 off-site: the 区长 already signs", Seal{Kind: SealName}, true, []ApprovalStep{{RoleOfficeDirector, "审核"}, {RoleMayor, "审签"}}},
		{"a chain set on the government seal does not change 第三十一条", Seal{Kind: SealGovernment, Chain: party.Chain}, false, []ApprovalStep{{RoleViceMayor, "审核"}, {RoleMayor, "审签"}}},
	}
	for _, tt := range tests {
		if got := ChainFor(tt.seal, tt.offSite); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestSealCheckChain(t *testing.T) {
	name := Seal{Kind: SealName, Chain: DefaultChain(SealName)}
	if err := name.CheckChain(); err != nil || name.Chain != nil {
		t.Errorf("the default chain set by hand is kept: %v %v", name.Chain, err)
	}
	own := []ApprovalStep{{RoleOfficeDirector, "审核"}, {RoleViceMayor, "审签"}}
	name.Chain = own
	if err := name.CheckChain(); err != nil || !slices.Equal(name.Chain, own) {
		t.Errorf("a 领导名章's own chain: %v %v", name.Chain, err)
	}
	gov := Seal{Kind: SealGovernment, Chain: own}
	if err := gov.CheckChain(); ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), "副区长审核、区长审签") {
		t.Errorf("a changed 区政府印章 chain: %v", err)
	}
}

func newSealRequest() *SealRequest {
	r := &SealRequest{Number: "2026-0001", SealName: "示例区人民政府", Unit: "区财政局", Contact: "钱会计", Phone: "0000-1234567",
		Reason: "报送市财政局2027年预算草案", FileName: "示例区2027年预算草案", Copies: 3, RequestedOn: MustDate("2026-11-02")}
	if err := r.Validate(); err != nil {
		panic(err)
	}
	return r
}

func TestSealRequestFlow(t *testing.T) {
	gov := Seal{Name: "示例区人民政府", Kind: SealGovernment}
	vice := Leader{Name: "李财政", Role: RoleViceMayor}
	mayor := Leader{Name: "王建国", Role: RoleMayor}
	day := MustDate("2026-11-03")

	r := newSealRequest()
	wantCode(t, r.Validate(), "", "valid request")
	wantCode(t, r.MarkUsed(day, 1, "钱会计", "孙监印", "x", ""), ESTATE, "use of a draft")
	wantCode(t, r.Approve(vice, day, ""), ESTATE, "approval of a draft")
	if err := r.Submit(gov); err != nil || r.Status != SealSubmitted || len(r.Chain) != 2 {
		t.Fatal(err)
	}
	wantCode(t, r.Approve(mayor, day, ""), EINVALID, "区长 before the 副区长's review")
	if err := r.Approve(vice, day, "同意"); err != nil || r.Status != SealReviewed {
		t.Fatal(err)
	}
	wantCode(t, r.MarkUsed(day, 1, "钱会计", "孙监印", "x", ""), ESTATE, "use before the 区长 signs")
	if err := r.Approve(mayor, day, "同意"); err != nil || r.Status != SealApproved || r.ApprovedBy() != "王建国" {
		t.Fatal(err)
	}
	wantCode(t, r.MarkUsed(day, 4, "钱会计", "孙监印", "x", ""), EINVALID, "more copies than approved")
	wantCode(t, r.MarkUsed(day, 3, "", "孙监印", "x", ""), EINVALID, "no handler")
	wantCode(t, r.MarkUsed(MustDate("2026-11-01"), 3, "钱会计", "孙监印", "x", ""), EINVALID, "used before approval day")
	if err := r.CheckUse(day, 3, "钱会计", "孙监印"); err != nil || r.Status == SealUsed || r.LogNo != "" {
		t.Fatalf("a check before the 登记号 is taken: %v %s %q", err, r.Status, r.LogNo)
	}
	wantCode(t, r.CheckUse(day, 4, "钱会计", "孙监印"), EINVALID, "the check refuses what the use refuses")
	if err := r.MarkUsed(day, 3, "钱会计", "孙监印", "2026-0001", ""); err != nil || r.Status != SealUsed {
		t.Fatal(err)
	}
	wantCode(t, r.MarkUsed(day, 1, "钱会计", "孙监印", "x", ""), ESTATE, "one approval, one use")
	wantCode(t, r.Withdraw(), ESTATE, "withdraw after use")
}

func TestSealRejectAndWithdraw(t *testing.T) {
	office := Seal{Name: "示例区人民政府办公室", Kind: SealOffice}
	r := newSealRequest()
	_ = r.Submit(office)
	wantCode(t, r.Approve(Leader{Name: "李财政", Role: RoleViceMayor}, r.RequestedOn, ""), EINVALID, "副区长 on the office chain")
	wantCode(t, r.Reject(Leader{Name: "赵副主任", Role: RoleDeputyDirector}, r.RequestedOn, ""), EINVALID, "reject without reason")
	if err := r.Reject(Leader{Name: "赵副主任", Role: RoleDeputyDirector}, r.RequestedOn, "事由不清"); err != nil || r.Status != SealRejected {
		t.Fatal(err)
	}
	r = newSealRequest()
	if err := r.Withdraw(); err != nil || r.Status != SealWithdrawn {
		t.Fatal(err)
	}
	wantCode(t, r.Submit(office), ESTATE, "submit after withdrawal")
	// Off-site use of a configured seal: the 区长 may approve the 主任's step.
	r = newSealRequest()
	r.OffSite = true
	_ = r.Submit(Seal{Name: "区政府党组", Kind: SealParty, Chain: []ApprovalStep{{RoleExecutiveVice, "审签"}}})
	_ = r.Approve(Leader{Name: "周常务", Role: RoleExecutiveVice}, r.RequestedOn, "")
	if err := r.Approve(Leader{Name: "王建国", Role: RoleMayor}, r.RequestedOn, "同意异地用印"); err != nil || r.Status != SealApproved {
		t.Fatalf("区长 approving the off-site step: %v", err)
	}
}
