package app_test

import (
	"strings"
	"testing"

	"gongwen/app"
)

// 批示, 审核 and 用印审批 take a leader's name by one and the same rule: a
// name on the 领导名单, and a refusal that lists the names that are.
func TestEveryLeaderStepTakesTheSameNames(t *testing.T) {
	desk, _, _ := newDesk(t)
	in := &app.Document{Title: "关于做好安全生产工作的通知", FromUnit: "市人民政府办公室", ReceivedOn: desk.Today()}
	must(t, desk.RegisterIncoming(ctx, in, false))
	mustDoc(t)(desk.Propose(ctx, in.ID, "拟请王区长阅示，由区应急管理局办理"))
	out := &app.Document{Direction: app.Outgoing, Title: "关于开展安全检查的通知", IssuingCode: "西府办发", Drafter: "李文", DraftUnit: "综合科", DraftedOn: desk.Today()}
	must(t, desk.DraftOutgoing(ctx, out))
	mustDoc(t)(desk.CheckDraft(ctx, out.ID))
	seal := &app.SealRequest{SealName: "区政府办公室印章", Unit: "区财政局", Contact: "钱会计", Reason: "报送预算", FileName: "预算草案", Copies: 1, RequestedOn: desk.Today()}
	must(t, desk.CreateSealRequest(ctx, seal))
	if _, err := desk.SubmitSeal(ctx, seal.ID); err != nil {
		t.Fatal(err)
	}

	steps := map[string]func(name string) error{
		"批示": func(n string) error {
			_, err := desk.Instruct(ctx, in.ID, n, "请应急局办理", desk.Today())
			return err
		},
		"审核": func(n string) error { _, err := desk.ReviewDraft(ctx, out.ID, n, "同意", desk.Today()); return err },
		"审批": func(n string) error { _, err := desk.ApproveSeal(ctx, seal.ID, n, "同意", desk.Today()); return err },
	}
	steps["会议主持人"] = func(n string) error {
		_, err := desk.SaveMeeting(ctx, &app.Meeting{Kind: app.MeetingKinds[0], Date: desk.Today(), Place: "第一会议室", Chair: n})
		return err
	}
	steps["督查事项分管领导"] = func(n string) error {
		return desk.CreateItem(ctx, &app.Item{Title: "推进老旧小区改造", LeadUnit: "区住建局", AssignedOn: desk.Today(), Deadline: desk.Today().AddDays(30), LeaderInCharge: n})
	}
	for step, run := range steps {
		err := run("李副区长")
		if m, ok := app.MissingOf(err); !ok || m.Kind != app.MissingLeader || m.Name != "李副区长" {
			t.Errorf("%s by an unlisted name: %v", step, err)
			continue
		}
		if msg := app.ErrorMessage(err); !strings.Contains(msg, "王区长（区长）、赵副区长（常务副区长）、钱副区长（副区长）、孙主任（主任）、周副主任（副主任）") {
			t.Errorf("%s: the message does not list the leaders: %s", step, msg)
		}
	}
	// 用印审批 and 审核 name the post the step needs, for the leader to be added with it
	if m, _ := app.MissingOf(steps["审批"]("李副主任")); m.Role != app.RoleDeputyDirector {
		t.Errorf("the first step of an office seal wants a %q", m.Role)
	}
	if m, _ := app.MissingOf(steps["审核"]("李副主任")); m.Role != app.RoleDeputyDirector {
		t.Errorf("the first 审核 wants a %q", m.Role)
	}
	if err := steps["批示"]("王区长"); err != nil {
		t.Errorf("批示 by a listed leader: %v", err)
	}
}
