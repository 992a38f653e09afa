package reports

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"gongwen/app"
	"gongwen/typeset"
)

// SealLog prints the 用印登记簿 of a period on A4 landscape: one row per
// use (登记号, 申请编号, 用印日期, 印章, 用印单位, 文件名称, 事由, 份数,
// 批准人, 经办人, 监印人, 备注), in order of use, with the period's totals.
func SealLog(w io.Writer, f *Fonts, s app.Settings, from, to app.Date, used []app.SealRequest) (Printed, error) {
	title := orgName(s) + "用印登记簿"
	c := typeset.NewCanvas(f, true, title, orgName(s))
	sh := typeset.NewSheet(c, "")
	sh.Running = fmt.Sprintf("%s（续页）　%s至%s", title, from.Chinese(), to.Chinese())
	sh.NewPage()
	sh.Title(title)
	c.TextIn(sh.Left, sh.Width(), sh.Y-1, typeset.FormBody, fmt.Sprintf("（%s至%s）", from.Chinese(), to.Chinese()), typeset.AlignCenter)
	sh.Y += typeset.FormBody.SizeMM()*1.5 + 1

	used = slices.Clone(used)
	slices.SortStableFunc(used, func(a, b app.SealRequest) int {
		if n := a.UsedOn.Compare(b.UsedOn); n != 0 {
			return n
		}
		return strings.Compare(a.LogNo, b.LogNo)
	})
	// 登记号, 申请编号 and 用印日期 are sized to stay on one line
	cols := []typeset.Column{
		{Title: "登记号", Width: 24, Align: typeset.AlignCenter}, {Title: "申请编号", Width: 21, Align: typeset.AlignCenter}, {Title: "用印日期", Width: 23, Align: typeset.AlignCenter}, {Title: "印章", Width: 30, Align: typeset.AlignLeft},
		{Title: "用印单位", Width: 30, Align: typeset.AlignLeft}, {Title: "文件名称", Width: 0, Align: typeset.AlignLeft}, {Title: "事由", Width: 0, Align: typeset.AlignLeft}, {Title: "份数", Width: 11, Align: typeset.AlignCenter},
		{Title: "批准人", Width: 15, Align: typeset.AlignCenter}, {Title: "经办人", Width: 15, Align: typeset.AlignCenter}, {Title: "监印人", Width: 15, Align: typeset.AlignCenter}, {Title: "备注", Width: 14, Align: typeset.AlignLeft},
	}
	t := sh.Table(cols)
	total := 0
	for _, r := range used {
		n := r.UsedCopies()
		total += n
		seal := r.SealName
		if seal == "" {
			seal = string(r.SealKind)
		}
		t.Add(r.LogNo, r.Number, r.UsedOn.String(), seal, r.Unit, r.FileName, r.Reason, fmt.Sprint(n), r.ApprovedBy(), r.Handler, r.Witness, r.Remarks)
	}
	if len(used) == 0 {
		t.Rows = append(t.Rows, typeset.Row{Cells: []typeset.Cell{{Text: "本期无用印记录", Width: sh.Width(), Align: typeset.AlignCenter}}})
	}
	y := t.Draw(sh.Y, sh.Bottom-8)
	c.Text(sh.Left, y+2, typeset.FormBody, fmt.Sprintf("本期共用印%d次，计%d份。", len(used), total))
	typeset.NumberFormPages(c, sh)
	return c.Write(w)
}
