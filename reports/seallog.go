package reports

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"gongwen/app"
)

// SealLog prints the 用印登记簿 of a period on A4 landscape: one row per
// use (登记号, 申请编号, 用印日期, 印章, 用印单位, 文件名称, 事由, 份数,
// 批准人, 经办人, 监印人, 备注), in order of use, with the period's totals.
func SealLog(w io.Writer, f *Fonts, s app.Settings, from, to app.Date, used []app.SealRequest) error {
	title := orgName(s) + "用印登记簿"
	c := newCanvas(f, true, title, orgName(s))
	sh := newSheet(c, app.SecrecyNone)
	sh.running = fmt.Sprintf("%s（续页）　%s至%s", title, from.Chinese(), to.Chinese())
	sh.newPage()
	sh.title(title)
	c.textIn(sh.left, sh.width(), sh.y-1, formBody, fmt.Sprintf("（%s至%s）", from.Chinese(), to.Chinese()), alignCenter)
	sh.y += formBody.sizeMM()*1.5 + 1

	used = slices.Clone(used)
	slices.SortStableFunc(used, func(a, b app.SealRequest) int {
		if n := a.UsedOn.Compare(b.UsedOn); n != 0 {
			return n
		}
		return strings.Compare(a.LogNo, b.LogNo)
	})
	// 登记号, 申请编号 and 用印日期 are sized to stay on one line
	cols := []column{
		{"登记号", 24, alignCenter}, {"申请编号", 21, alignCenter}, {"用印日期", 23, alignCenter}, {"印章", 30, alignLeft},
		{"用印单位", 30, alignLeft}, {"文件名称", 0, alignLeft}, {"事由", 0, alignLeft}, {"份数", 11, alignCenter},
		{"批准人", 15, alignCenter}, {"经办人", 15, alignCenter}, {"监印人", 15, alignCenter}, {"备注", 14, alignLeft},
	}
	t := sh.table(cols)
	total := 0
	for _, r := range used {
		n := r.UsedCopies()
		total += n
		seal := r.SealName
		if seal == "" {
			seal = string(r.SealKind)
		}
		t.add(r.LogNo, r.Number, r.UsedOn.String(), seal, r.Unit, r.FileName, r.Reason, fmt.Sprint(n), r.ApprovedBy(), r.Handler, r.Witness, r.Remarks)
	}
	if len(used) == 0 {
		t.rows = append(t.rows, row{cells: []cell{{text: "本期无用印记录", width: sh.width(), align: alignCenter}}})
	}
	y := t.draw(sh.y, sh.bottom-8)
	c.text(sh.left, y+2, formBody, fmt.Sprintf("本期共用印%d次，计%d份。", len(used), total))
	numberFormPages(c, sh)
	return c.write(w)
}
