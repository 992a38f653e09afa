package reports

import (
	"fmt"
	"io"
	"strings"

	"gongwen/app"
)

// SealRequestForm prints the 用印申请单: the request, one box per approval
// step of its chain (filled as recorded, else open for signing), and the
// record of use.
func SealRequestForm(w io.Writer, f *Fonts, s app.Settings, r *app.SealRequest) error {
	title := orgName(s) + "用印申请单"
	c := newCanvas(f, false, title, orgName(s))
	sh := newSheet(c, app.SecrecyNone)
	sh.running = continued(title, "申请编号", r.Number)
	sh.newPage()
	sh.title(title)
	sh.infoLine("申请编号", r.Number, "申请日期", r.RequestedOn.Chinese())

	const lw = 26.0
	half := (sh.width() - 2*lw) / 2
	rest := sh.width() - lw
	offSite := "否"
	if r.OffSite {
		offSite = "是（需区长或主任批准）"
	}
	seal := r.SealName
	if seal == "" {
		seal = string(r.SealKind)
	}
	rows := []row{
		{cells: []cell{label("用印单位", lw), value(r.Unit, half), label("联系人", lw), value(r.Contact, half)}},
		{cells: []cell{label("联系电话", lw), value(r.Phone, half), label("印章名称", lw), value(seal, half)}},
		{cells: []cell{label("文件名称", lw), value(r.FileName, rest)}, minH: 14},
		// a long 事由 goes on to a continuation page
		{cells: []cell{label("用印事由", lw), box(r.Reason, rest)}, minH: 20, flows: true},
		// the requesting unit's head signs for the request by hand
		{cells: []cell{label("用印单位\n负责人", lw), {width: rest, top: true, footer: signLine}}, minH: 16},
		{cells: []cell{label("份数", lw), value(countText(r.Copies, "份"), half), label("报送去向", lw), value(r.Destination, half)}},
		{cells: []cell{label("异地用印", lw), value(offSite, half), label("办理状态", lw), value(r.Status.Label(), half)}},
	}
	chain := r.Chain
	if len(chain) == 0 {
		chain = app.ChainFor(app.Seal{Kind: r.SealKind}, r.OffSite)
	}
	for i, step := range chain {
		var rec *app.Approval
		for j := range r.Approvals {
			if a := &r.Approvals[j]; a.Step == i+1 || (a.Step == 0 && j == i) {
				rec = a
			}
		}
		rows = append(rows, row{cells: []cell{label(string(step.Role)+step.Action, lw), approvalCell(rec, rest)}, minH: 30, stretch: true})
	}
	if r.RejectReason != "" {
		rows = append(rows, row{cells: []cell{label("退回理由", lw), box(r.RejectReason, rest)}, flows: true})
	}
	rows = append(rows,
		row{cells: []cell{label("用印记录", lw), useCell(r, rest)}, minH: 16},
		row{cells: []cell{label("备注", lw), value(r.Remarks, rest)}, flows: true},
	)
	g := sh.grid()
	g.fit(c, rows, sh.bottom-sh.y-8, 0.8)
	y := g.draw(c, rows, sh.y, sh.bottom-8)
	c.text(sh.left, y+2, formSmall, "说明：一事一申请，一次审批只用印一次；用印后本单与文件底稿、附件一并留存归档。")
	numberFormPages(c, sh)
	return c.write(w)
}

func approvalCell(a *app.Approval, w float64) cell {
	if a == nil {
		return cell{width: w, top: true, footer: signLine}
	}
	opinion := a.Opinion
	if opinion == "" {
		opinion = "同意。"
	}
	return cell{width: w, top: true, blocks: record(opinion, a.Approver+"　"+a.On.Chinese(), 0)}
}

// useCell is the record of the seal's use, or blanks for the keeper.
func useCell(r *app.SealRequest, w float64) cell {
	if r.UsedOn.IsZero() {
		return cell{width: w, text: "用印日期：" + blankDate + "　　用印份数：　　　\n经办人：　　　　　　　　监印人：　　　　　　　　登记号："}
	}
	return cell{width: w, text: fmt.Sprintf("用印日期：%s　　用印份数：%d份\n经办人：%s　　监印人：%s　　登记号：%s",
		r.UsedOn.Chinese(), r.UsedCount, r.Handler, r.Witness, strings.TrimSpace(r.LogNo))}
}
