package reports

import (
	"fmt"
	"io"
	"slices"

	"gongwen/app"
)

// ArchiveCatalog prints the 归档文件目录 of a year (DA/T 22-2015) on A4
// landscape: 序号, 档号, 文号, 责任者, 题名, 日期 (8 digits), 密级, 页数, 备注,
// by retention period and item number. When any item is classified, the
// highest 密级 among them heads every page: the catalogue names them.
func ArchiveCatalog(w io.Writer, f *Fonts, s app.Settings, year int, docs []app.Document) error {
	c := newCanvas(f, true, fmt.Sprintf("%s%d年度归档文件目录", orgName(s), year), orgName(s))
	sh := newSheet(c, highestSecrecy(docs))
	sh.newPage()
	sh.title("归档文件目录")
	fonds := s.FondsCode
	if fonds == "" && len(docs) > 0 {
		fonds = docs[0].Archive.Fonds
	}
	c.textIn(sh.left, sh.width(), sh.y-1, formBody, fmt.Sprintf("全宗名称：%s　　全宗号：%s　　年度：%d", orgName(s), fonds, year), alignCenter)
	sh.y += formBody.sizeMM()*1.5 + 1

	docs = slices.Clone(docs)
	rank := map[app.Retention]int{app.RetainForever: 0, app.Retain30: 1, app.Retain10: 2}
	slices.SortStableFunc(docs, func(a, b app.Document) int {
		if d := rank[a.Archive.Retention] - rank[b.Archive.Retention]; d != 0 {
			return d
		}
		return a.Archive.Piece - b.Archive.Piece
	})
	t := sh.table([]column{
		{"序号", 11, alignCenter}, {"档号", 52, alignLeft}, {"文号", 42, alignLeft}, {"责任者", 31, alignLeft},
		{"题名", 0, alignLeft}, {"日期", 21, alignCenter}, {"密级", 13, alignCenter}, {"页数", 12, alignCenter}, {"备注", 16, alignLeft},
	})
	for i, d := range docs {
		sec := ""
		if d.Secrecy.Classified() {
			sec = string(d.Secrecy)
		}
		pages := ""
		if d.Pages > 0 {
			pages = fmt.Sprint(d.Pages)
		}
		t.add(fmt.Sprint(i+1), d.Archive.Number(), d.DocNo, d.ResponsibleBody(orgName(s)), d.Title, d.DocDate().Compact(), sec, pages, d.Remarks)
	}
	if len(docs) == 0 {
		t.rows = append(t.rows, row{cells: []cell{{text: "本年度尚无归档文件", width: sh.width(), align: alignCenter}}})
	}
	t.draw(sh.y, sh.bottom)
	numberFormPages(c, sh)
	return c.write(w)
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
