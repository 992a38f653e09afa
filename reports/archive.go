package reports

import (
	"fmt"
	"io"
	"slices"

	"gongwen/app"
	"gongwen/typeset"
)

// ArchiveCatalog prints the 归档文件目录 of a year (DA/T 22-2015) on A4
// landscape: 序号, 档号, 文号, 责任者, 题名, 日期 (8 digits), 密级, 页数, 备注.
// Each 保管期限 (永久, 定期30年, 定期10年) is a catalogue of its own: it
// starts on a new page under its own heading and lists its items in 件号
// order, 序号 from 1. When any item is classified, the
// highest 密级 among them heads every page: the catalogue names them.
func ArchiveCatalog(w io.Writer, f *Fonts, s app.Settings, year int, docs []app.Document) (Printed, error) {
	c := typeset.NewCanvas(f, true, fmt.Sprintf("%s%d年度归档文件目录", orgName(s), year), orgName(s))
	sh := typeset.NewSheet(c, secrecyMark(highestSecrecy(docs)))
	fonds := s.FondsCode
	if fonds == "" && len(docs) > 0 {
		fonds = docs[0].Archive.Fonds
	}
	blocks := map[app.Retention][]app.Document{}
	for _, d := range docs {
		blocks[d.Archive.Retention] = append(blocks[d.Archive.Retention], d)
	}
	printed := 0
	for _, ret := range app.Retentions {
		block := blocks[ret]
		if len(block) == 0 && (printed > 0 || len(docs) > 0) {
			continue
		}
		printed++
		// DA/T 22: the catalogue runs in 件号 order, so 序号 is the 件号;
		// the dates follow the order the documents were filed in
		slices.SortStableFunc(block, func(a, b app.Document) int { return a.Archive.Piece - b.Archive.Piece })
		head := fmt.Sprintf("全宗名称：%s　　全宗号：%s　　年度：%d　　保管期限：%s", orgName(s), fonds, year, ret.Label())
		sh.Running = fmt.Sprintf("归档文件目录（续页）　　全宗号：%s　　年度：%d　　保管期限：%s", fonds, year, ret.Label())
		sh.FirstPage()
		sh.Title("归档文件目录")
		c.TextIn(sh.Left, sh.Width(), sh.Y-1, typeset.FormBody, head, typeset.AlignCenter)
		sh.Y += typeset.FormBody.SizeMM()*1.5 + 1
		// 档号, 文号 and 责任者 are as wide as the block's widest (at most
		// the room of a 档号 of 保管期限 D30, a 文号 with a four-character
		// 代字 and a serial over 1000, the office's full name), so that
		// they never break; 题名 takes the rest and more titles keep to one
		// line: more rows to a page
		var numbers, docNos, bodies []string
		for _, d := range block {
			numbers, docNos, bodies = append(numbers, d.Archive.Number()), append(docNos, d.DocNo), append(bodies, d.ResponsibleBody(s))
		}
		t := sh.Table([]typeset.Column{
			{Title: "序号", Width: 11, Align: typeset.AlignCenter}, {Title: "档号", Width: fitWidth(c, numbers, 55), Align: typeset.AlignLeft}, {Title: "文号", Width: fitWidth(c, docNos, 46), Align: typeset.AlignLeft},
			{Title: "责任者", Width: fitWidth(c, bodies, 41), Align: typeset.AlignLeft},
			{Title: "题名", Width: 0, Align: typeset.AlignLeft}, {Title: "日期", Width: 21, Align: typeset.AlignCenter}, {Title: "密级", Width: 12, Align: typeset.AlignCenter}, {Title: "页数", Width: 11, Align: typeset.AlignCenter}, {Title: "备注", Width: 12, Align: typeset.AlignLeft},
		})
		for i, d := range block {
			sec := ""
			if d.Secrecy.Classified() {
				sec = string(d.Secrecy)
			}
			pages := ""
			if d.Pages > 0 {
				pages = fmt.Sprint(d.Pages)
			}
			t.Add(fmt.Sprint(i+1), d.Archive.Number(), d.DocNo, d.ResponsibleBody(s), d.Title, d.DocDate().Compact(), sec, pages, d.Remarks)
		}
		if len(docs) == 0 {
			t.Rows = append(t.Rows, typeset.Row{Cells: []typeset.Cell{{Text: "本年度尚无归档文件", Width: sh.Width(), Align: typeset.AlignCenter}}})
		}
		t.Draw(sh.Y, sh.Bottom)
	}
	typeset.NumberFormPages(c, sh)
	return c.Write(w)
}

// fitWidth is the width of a table column that holds each of values on
// one line, at most most and at least what its heading needs.
func fitWidth(c *typeset.Canvas, values []string, most float64) float64 {
	w := c.Width(typeset.TableLabel, "责任者")
	for _, v := range values {
		w = max(w, c.Width(typeset.TableBody, v))
	}
	return min(most, w+2*1.5+1)
}

func highestSecrecy(docs []app.Document) app.Secrecy {
	best := app.SecrecyNone
	for _, d := range docs {
		if slices.Index(app.Secrecies, d.Secrecy) > slices.Index(app.Secrecies, best) {
			best = d.Secrecy
		}
	}
	return best
}
