package sample

import (
	"fmt"

	"gongwen/app"
)

var sealMatters = []struct{ unit, reason, file, destination string }{
	{"区财政局", "报送市财政局年度预算草案", "示例区年度预算草案", "市财政局"},
	{"区发展和改革局", "申报省级重点项目", "重点项目申报书", "市发展和改革委员会"},
	{"区教育局", "签订校舍维修合同", "校舍维修工程合同", "施工单位"},
	{"区住房和城乡建设局", "报送老旧小区改造计划", "老旧小区改造年度计划", "市住房和城乡建设局"},
	{"区人力资源和社会保障局", "出具人员调动介绍信", "干部调动介绍信", "市人社局"},
	{"区农业农村局", "申报高标准农田建设项目", "高标准农田项目申报材料", "市农业农村局"},
	{"区政府办公室", "报送年度工作总结", "示例区人民政府年度工作总结", "市政府办公室"},
	{"区卫生健康局", "签订医共体合作协议", "医共体合作协议", "市第一人民医院"},
}

// sealRequests makes about 45 requests in every state.
func (b *builder) sealRequests() error {
	start := b.today.AddDays(-600)
	const count = 45
	for i := 0; i < count; i++ {
		day := start.AddDays(i * 600 / count)
		if i >= count-4 { // the newest wait at a step
			day = b.today.AddDays(-8)
		}
		for !b.desk.Calendar().IsWorkday(day) {
			day = day.AddDays(-1)
		}
		if !b.at(day) {
			continue
		}
		m := sealMatters[i%len(sealMatters)]
		s := seals[i%3]
		r := &app.SealRequest{SealName: s.Name, Unit: m.unit, Contact: b.pick([]string{"钱会计", "冯科长", "褚干事", "卫主任"}),
			Phone: fmt.Sprintf("0000-68%06d", 100000+i*37), Reason: m.reason, FileName: m.file, Copies: 1 + b.rnd.IntN(5),
			Destination: m.destination, OffSite: i%11 == 5, RequestedOn: day}
		if err := must(r.Reason, b.desk.CreateSealRequest(b.ctx, r)); err != nil {
			return err
		}
		if err := b.approveSeal(r, i); err != nil {
			return must(r.Number, err)
		}
	}
	return nil
}

func (b *builder) approveSeal(r *app.SealRequest, i int) error {
	ctx, k := b.ctx, b.desk
	// the four newest: approved but not used, waiting for 审签, waiting for
	// 审核, and a draft not yet submitted
	waitAt := map[int]int{41: 2, 42: 1, 43: 0, 44: -1}[i]
	if _, newest := map[int]bool{41: true, 42: true, 43: true, 44: true}[i]; !newest {
		waitAt = 99
	}
	if waitAt < 0 {
		return nil
	}
	if i%17 == 8 && i < 41 {
		_, err := k.WithdrawSeal(ctx, r.ID)
		return err
	}
	r, err := k.SubmitSeal(ctx, r.ID)
	if err != nil {
		return err
	}
	day := r.RequestedOn
	for step := 0; step < len(r.Chain); step++ {
		day = b.workdays(day, 1)
		if !b.at(day) || step == waitAt {
			return nil // waiting for this step
		}
		who := approverFor(r.Chain[step].Role)
		if i%13 == 6 && step == 0 {
			_, err := k.RejectSeal(ctx, r.ID, who, "用印事由与所附材料不一致，请补充说明后重新申请", day)
			return err
		}
		if _, err := k.ApproveSeal(ctx, r.ID, who, "同意。", day); err != nil {
			return err
		}
	}
	day = b.workdays(day, 1)
	if !b.at(day) || waitAt == len(r.Chain) {
		return nil // approved, not yet used
	}
	_, err = k.UseSeal(ctx, r.ID, day, r.Copies, r.Contact, "张文书", "")
	return err
}

// approverFor names the sample leader who approves a step of role; the
// 常务副区长 reviews for the vice-mayors, as the rules allow.
func approverFor(role app.Role) string {
	switch role {
	case app.RoleMayor:
		return "王建国"
	case app.RoleViceMayor, app.RoleExecutiveVice:
		return "周启明"
	case app.RoleOfficeDirector:
		return "陈志远"
	}
	return "钱玉梅"
}
