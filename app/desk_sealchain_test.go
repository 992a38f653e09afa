package app_test

import (
	"slices"
	"testing"

	"gongwen/app"
)

// A draft's form names the steps its seal's chain will take, as the
// submission will fix them; a submitted request keeps its own.
func TestSealChainOfADraft(t *testing.T) {
	desk, _, _ := newDesk(t)
	party := []app.ApprovalStep{{Role: app.RoleDeputyDirector, Action: "审核"}, {Role: app.RoleMayor, Action: "审签"}}
	must(t, desk.SaveSeal(ctx, &app.Seal{Name: "党组印章", Kind: app.SealParty, Keeper: "王监印", Active: true, Chain: party}))
	named := []app.ApprovalStep{{Role: app.RoleDeputyDirector, Action: "审核"}}
	must(t, desk.SaveSeal(ctx, &app.Seal{Name: "王区长名章", Kind: app.SealName, Keeper: "王监印", Active: true, Chain: named}))

	for _, tt := range []struct {
		seal    string
		offSite bool
		want    []app.ApprovalStep
	}{
		{"党组印章", false, party},
		{"王区长名章", false, named},
		{"王区长名章", true, append(slices.Clone(named), app.ApprovalStep{Role: app.RoleOfficeDirector, Action: "异地用印审批"})},
		{"区政府印章", false, []app.ApprovalStep{{Role: app.RoleViceMayor, Action: "审核"}, {Role: app.RoleMayor, Action: "审签"}}},
	} {
		r := &app.SealRequest{SealName: tt.seal, Unit: "区财政局", Contact: "李四", Reason: "报送材料", FileName: "关于某事的报告",
			Copies: 2, RequestedOn: desk.Today(), OffSite: tt.offSite}
		must(t, desk.CreateSealRequest(ctx, r))
		draft, err := desk.SealChain(ctx, r)
		must(t, err)
		if !slices.Equal(draft, tt.want) {
			t.Errorf("%s draft (异地 %v): chain %v, want %v", tt.seal, tt.offSite, draft, tt.want)
		}
		submitted, err := desk.SubmitSeal(ctx, r.ID)
		must(t, err)
		if !slices.Equal(submitted.Chain, draft) {
			t.Errorf("%s: the draft showed %v, the submission fixed %v", tt.seal, draft, submitted.Chain)
		}
		if again, _ := desk.SealChain(ctx, submitted); !slices.Equal(again, submitted.Chain) {
			t.Errorf("%s submitted: %v", tt.seal, again)
		}
	}
}
