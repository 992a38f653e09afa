package ui

import (
	"context"
	"strings"
	"testing"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// Issue 12: the seal dialog of 设置—印章 shows the chain in force for the
// kind chosen (a 党组印章 is signed by the 区长, not the 主任), follows the
// kind while the chain is left as it was, and keeps a chain changed by hand.
func TestSealDialogShowsEachKindsChain(t *testing.T) {
	h := openHarness(t, func(d *app.Desk) { minimalOffice(t, d) })
	u := h.u
	u.show(ScreenSettings)
	u.settings.sealForm(nil)
	h.typeIn("印章名称", "测试区人民政府党组印章")
	kind := h.form().Get("类别").(*widgets.Select)
	rows := h.form().Get("审批流程").(*widgets.RowEditor)
	shown := func() string {
		var steps []app.ApprovalStep
		for _, r := range rows.Rows() {
			steps = append(steps, app.ApprovalStep{Role: app.Role(r[0].(*widgets.Select).Selected), Action: r[1].(*widgets.Entry).Text})
		}
		return chainText(steps, 0)
	}
	if got := shown(); got != "副主任审核 → 主任审签" {
		t.Errorf("a new office seal shows %q", got)
	}
	for _, tt := range []struct{ kind, want string }{
		{"党组印章", "副主任审核 → 区长审签"},
		{"领导名章", "主任审核 → 区长审签"},
		{"区政府印章", "副区长审核 → 区长审签"},
		{"党组印章", "副主任审核 → 区长审签"},
	} {
		kind.SetSelected(tt.kind)
		if got := shown(); got != tt.want {
			t.Errorf("%s shows %q, want %q", tt.kind, got, tt.want)
		}
	}
	rows.Rows()[1][0].(*widgets.Select).SetSelected(string(app.RoleExecutiveVice))
	h.save()
	seals, err := u.desk.Store.Seals(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range seals {
		if s.Name == "测试区人民政府党组印章" {
			if got := chainText(app.ChainFor(s, false), 0); s.Kind != app.SealParty || got != "副主任审核 → 常务副区长审签" {
				t.Errorf("saved %s with %q", s.Kind, got)
			}
			return
		}
	}
	t.Error("the 党组印章 was not saved")
}

// Issue 12: restoring a backup named after another data file of the same
// folder says so before anything is replaced.
func TestRestoreQuestionNamesTheOwner(t *testing.T) {
	own := restoreQuestion("/办公室/backups/gongwen-20261203.db", "/办公室/gongwen.db", "")
	if strings.Contains(own, "注意") {
		t.Errorf("an own backup warns: %s", own)
	}
	other := restoreQuestion("/办公室/backups/new-20261203.db", "/办公室/gongwen.db", "new.db")
	if !strings.HasPrefix(other, "注意：这是数据文件“new.db”的备份，不是当前数据文件“gongwen.db”的。") {
		t.Errorf("another office's backup: %s", other)
	}
}
