package reports

import (
	"fmt"
	"io"
	"strings"

	"gongwen/app"
	"gongwen/typeset"
)

// SealRequestForm prints the 用印申请单: the request, one box per approval
// step of its chain (filled as recorded, else open for signing), and the
// record of use.
func SealRequestForm(w io.Writer, f *Fonts, s app.Settings, r *app.SealRequest) (Printed, error) {
	title := orgName(s) + "用印申请单"
	c := typeset.NewCanvas(f, false, title, orgName(s))
	sh := typeset.NewSheet(c, "")
	sh.Running = continued(title, "申请编号", r.Number)
	sh.NewPage()
	sh.Title(title)
	sh.InfoLine("申请编号", r.Number, "申请日期", r.RequestedOn.Chinese())

	const lw = 26.0
	half := (sh.Width() - 2*lw) / 2
	rest := sh.Width() - lw
	offSite := "否"
	if r.OffSite {
		offSite = "是（需区长或主任批准）"
	}
	seal := r.SealName
	if seal == "" {
		seal = string(r.SealKind)
	}
	rows := []typeset.Row{
		{Cells: []typeset.Cell{label("用印单位", lw), value(r.Unit, half), label("联系人", lw), value(r.Contact, half)}},
		{Cells: []typeset.Cell{label("联系电话", lw), value(r.Phone, half), label("印章名称", lw), value(seal, half)}},
		{Cells: []typeset.Cell{label("文件名称", lw), value(r.FileName, rest)}, MinH: 14},
		// a long 事由 goes on to a continuation page
		{Cells: []typeset.Cell{label("用印事由", lw), box(r.Reason, rest)}, MinH: 20, Flows: true},
		// the requesting unit's head signs for the request by hand
		{Cells: []typeset.Cell{label("用印单位\n负责人", lw), {Width: rest, Top: true, Footer: signLine}}, MinH: 16},
		{Cells: []typeset.Cell{label("份数", lw), value(countText(r.Copies, "份"), half), label("报送去向", lw), value(r.Destination, half)}},
		{Cells: []typeset.Cell{label("异地用印", lw), value(offSite, half), label("办理状态", lw), value(r.Status.Label(), half)}},
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
		rows = append(rows, typeset.Row{Cells: []typeset.Cell{label(string(step.Role)+step.Action, lw), approvalCell(rec, rest)}, MinH: 30, Stretch: true})
	}
	if r.RejectReason != "" {
		rows = append(rows, typeset.Row{Cells: []typeset.Cell{label("退回理由", lw), box(r.RejectReason, rest)}, Flows: true})
	}
	rows = append(rows,
		typeset.Row{Cells: []typeset.Cell{label("用印记录", lw), useCell(r, rest)}, MinH: 16},
		typeset.Row{Cells: []typeset.Cell{label("备注", lw), value(r.Remarks, rest)}, Flows: true},
	)
	g := sh.Grid()
	g.Fit(c, rows, sh.Bottom-sh.Y-8, 0.8)
	y := g.Draw(c, rows, sh.Y, sh.Bottom-8)
	c.Text(sh.Left, y+2, typeset.FormSmall, "说明：一事一申请，一次审批只用印一次；用印后本单与文件底稿、附件一并留存归档。")
	typeset.NumberFormPages(c, sh)
	return c.Write(w)
}

func approvalCell(a *app.Approval, w float64) typeset.Cell {
	if a == nil {
		return typeset.Cell{Width: w, Top: true, Footer: signLine}
	}
	opinion := a.Opinion
	if opinion == "" {
		opinion = "同意。"
	}
	return typeset.Cell{Width: w, Top: true, Blocks: record(opinion, a.PrintedApprover()+"　"+a.On.Chinese(), 0)}
}

// useCell is the record of the seal's use, or blanks for the keeper.
func useCell(r *app.SealRequest, w float64) typeset.Cell {
	if r.UsedOn.IsZero() {
		return typeset.Cell{Width: w, Text: "用印日期：" + blankDate + "　　用印份数：　　　\n经办人：　　　　　　　　监印人：　　　　　　　　登记号："}
	}
	return typeset.Cell{Width: w, Text: fmt.Sprintf("用印日期：%s　　用印份数：%d份\n经办人：%s　　监印人：%s　　登记号：%s",
		r.UsedOn.Chinese(), r.UsedCount, r.Handler, r.Witness, strings.TrimSpace(r.LogNo))}
}
