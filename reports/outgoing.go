package reports

import (
	"fmt"
	"io"
	"strings"

	"gongwen/app"
)

// OutgoingForm prints the 发文稿纸 of an outgoing document: the 签发, 会签,
// 审核, 核稿 and 拟稿 boxes (filled as recorded, else open for signing), the
// title, 主送 and 抄送, the 发文字号, 密级, 紧急程度 and 印数.
func OutgoingForm(w io.Writer, f *Fonts, s app.Settings, d *app.Document) error {
	// the 稿纸 is the issuing body's: 示府发 goes on the 区人民政府's
	title := d.ResponsibleBody(s) + "发文稿纸"
	c := newCanvas(f, false, title, orgName(s))
	sh := newSheet(c, d.Secrecy)
	sh.running = continued(title, "发文字号", d.DocNo)
	if d.DocNo == "" {
		sh.running = continued(title, "稿号", d.Serial)
	}
	sh.newPage()
	sh.title(title)

	const lw = 24.0
	half := (sh.width() - 2*lw) / 2
	third := (sh.width() - 3*lw) / 3
	rest := sh.width() - lw

	signed := signedBox(d.Signer, d.SignedOn, half)
	counter := box(strings.Join(d.Countersign, "\n"), half)
	if len(d.Countersign) > 0 {
		counter.footer = blankDate
	}
	var reviews []block
	for i, r := range d.Reviews {
		gap := 0.0
		if i > 0 {
			gap = 2
		}
		text := string(r.Role) + "　" + r.Leader
		if r.Opinion != "" {
			text += "：" + r.Opinion
		}
		reviews = append(reviews, record(text, r.On.Chinese(), gap)...)
	}
	// each review still awaited has its own line to sign on, with room
	// above it for the opinion
	for _, role := range d.ReviewsAwaited(s) {
		reviews = append(reviews, block{text: role + "：", gap: 2}, block{text: signLine, align: alignRight, gap: 6})
	}
	review := cell{width: rest, top: true, blocks: reviews}
	docNo := d.DocNo
	if docNo == "" {
		year := d.DraftedOn.Year
		if year == 0 {
			year = today().Year
		}
		docNo = fmt.Sprintf("%s〔%d〕　　号", d.IssuingCode, year)
	}
	rows := []row{
		// the 签发 box keeps room for the leader's hand however long the
		// record: what does not fit goes on to a continuation page
		{cells: []cell{label("签发", lw), signed, label("会签", lw), counter}, minH: 60, stretch: true},
		{cells: []cell{label("审核", lw), review}, minH: 30},
		{cells: []cell{label("核稿", lw), signedBox(d.CheckedBy, d.CheckedOn, half), label("拟稿", lw), signedBox(d.Drafter, d.DraftedOn, half)}, minH: 16},
		{cells: []cell{label("拟稿单位", lw), value(d.DraftUnit, half), label("校对", lw), signedBox("", app.Date{}, half)}, minH: 16},
		{cells: []cell{label("标题", lw), {text: d.Title, width: rest, st: &formTitleSmall}}, minH: 20},
		// a long 主送 or 抄送 goes on to a continuation page
		{cells: []cell{label("主送", lw), value(d.MainTo, rest)}, minH: 14, flows: true},
		{cells: []cell{label("抄送", lw), value(d.CopyTo, rest)}, minH: 14, flows: true},
		{cells: []cell{label("发文字号", lw), value(docNo, half), label("附件", lw), value(d.Attachments, half)}},
		{cells: []cell{label("密级", lw), value(secrecyText(d.Secrecy), third), label("紧急程度", lw), value(string(d.Urgency), third),
			label("印数", lw), value(countText(d.PrintCount, "份"), third)}},
		// 公开属性 is decided on the draft and ticked by hand
		{cells: []cell{label("印发日期", lw), value(dateOr(d.IssuedOn), half), label("公开属性", lw), value(disclosureChoices, half)}},
	}
	g := sh.grid()
	g.fit(c, rows, sh.bottom-sh.y, 0.75)
	g.draw(c, rows, sh.y, sh.bottom)
	numberFormPages(c, sh)
	return c.write(w)
}

// formTitleSmall sets a document's title inside a form.
var formTitleSmall = style{role: RoleTitle, size: 14, color: black}

// signedBox shows who signed and when, in 楷体 as a record of a signature,
// or is left open with a date line.
func signedBox(who string, on app.Date, w float64) cell {
	if who == "" {
		return cell{width: w, top: true, footer: blankDate}
	}
	return cell{width: w, top: true, blocks: record(who, dateOr(on), 0)}
}

// disclosureChoices are the 公开属性 of a 发文, to be ticked on the 稿纸.
const disclosureChoices = "□主动公开　□依申请公开\n□不予公开"
