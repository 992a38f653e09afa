package reports

import (
	"fmt"
	"io"
	"strings"

	"gongwen/app"
	"gongwen/typeset"
)

// OutgoingForm prints the 发文稿纸 of an outgoing document: the 签发, 会签,
// 审核, 核稿 and 拟稿 boxes (filled as recorded, else open for signing), the
// title, 主送 and 抄送, the 发文字号, 密级, 紧急程度 and 印数.
func OutgoingForm(w io.Writer, f *Fonts, s app.Settings, d *app.Document) (Printed, error) {
	// the 稿纸 is the issuing body's: 示府发 goes on the 区人民政府's
	title := d.ResponsibleBody(s) + "发文稿纸"
	c := typeset.NewCanvas(f, false, title, orgName(s))
	sh := typeset.NewSheet(c, secrecyMark(d.Secrecy))
	sh.Running = continued(title, "发文字号", d.DocNo)
	if d.DocNo == "" {
		sh.Running = continued(title, "稿号", d.Serial)
	}
	sh.NewPage()
	sh.Title(title)

	const lw = 24.0
	half := (sh.Width() - 2*lw) / 2
	third := (sh.Width() - 3*lw) / 3
	rest := sh.Width() - lw

	signed := signedBox(d.PrintedSigner(), d.SignedOn, half)
	counter := box(strings.Join(cosignLines(d), "\n"), half)
	if len(d.Countersign) > 0 && len(d.Cosigns) == 0 {
		counter.Footer = blankDate
	}
	var reviews []typeset.Block
	for i, r := range d.Reviews {
		gap := 0.0
		if i > 0 {
			gap = 2
		}
		text := string(r.Role) + "　" + r.Printed()
		if r.Opinion != "" {
			text += "：" + r.Opinion
		}
		reviews = append(reviews, record(text, r.On.Chinese(), gap)...)
	}
	// each review still awaited has its own line to sign on, with room
	// above it for the opinion
	for _, role := range d.ReviewsAwaited(s) {
		reviews = append(reviews, typeset.Block{Text: role + "：", Gap: 2}, typeset.Block{Text: signLine, Align: typeset.AlignRight, Gap: 6})
	}
	review := typeset.Cell{Width: rest, Top: true, Blocks: reviews}
	docNo := d.DocNo
	if docNo == "" {
		year := "　　　　" // to write by hand when the draft has no date
		if !d.DraftedOn.IsZero() {
			year = fmt.Sprint(d.DraftedOn.Year)
		}
		docNo = fmt.Sprintf("%s〔%s〕　　号", d.IssuingCode, year)
	}
	rows := []typeset.Row{
		// the 签发 box keeps room for the leader's hand however long the
		// record: what does not fit goes on to a continuation page
		{Cells: []typeset.Cell{label("签发", lw), signed, label("会签", lw), counter}, MinH: 60, Stretch: true},
		{Cells: []typeset.Cell{label("审核", lw), review}, MinH: 30},
		{Cells: []typeset.Cell{label("核稿", lw), signedBox(d.CheckedBy, d.CheckedOn, half), label("拟稿", lw), signedBox(d.Drafter, d.DraftedOn, half)}, MinH: 16},
		{Cells: []typeset.Cell{label("拟稿单位", lw), value(d.DraftUnit, half), label("校对", lw), signedBox("", app.Date{}, half)}, MinH: 16},
		{Cells: []typeset.Cell{label("标题", lw), {Text: d.Title, Width: rest, Style: &formTitleSmall}}, MinH: 20},
		// a long 主送 or 抄送 goes on to a continuation page
		{Cells: []typeset.Cell{label("主送", lw), value(d.MainTo, rest)}, MinH: 14, Flows: true},
		{Cells: []typeset.Cell{label("抄送", lw), value(d.CopyTo, rest)}, MinH: 14, Flows: true},
		{Cells: []typeset.Cell{label("发文字号", lw), value(docNo, half), label("附件", lw), value(d.Attachments, half)}},
		{Cells: []typeset.Cell{label("密级", lw), value(secrecyText(d.Secrecy), third), label("紧急程度", lw), value(string(d.Urgency), third),
			label("印数", lw), value(countText(d.PrintCount, "份"), third)}},
		// the 公开属性 chosen at 拟稿 is ticked; none chosen leaves the boxes to tick by hand
		{Cells: []typeset.Cell{label("印发日期", lw), value(dateOr(d.IssuedOn), half), label("公开属性", lw), value(disclosureChoices(d), half)}},
	}
	if d.Normative {
		rows = append(rows, typeset.Row{Cells: []typeset.Cell{label("法制审核", lw), value(legalReviewText(d.LegalReview), rest)}, MinH: 14})
	}
	g := sh.Grid()
	g.Fit(c, rows, sh.Bottom-sh.Y, 0.75)
	g.Draw(c, rows, sh.Y, sh.Bottom)
	typeset.NumberFormPages(c, sh)
	return c.Write(w)
}

// formTitleSmall sets a document's title inside a form.
var formTitleSmall = typeset.Style{Role: RoleTitle, Size: 14, Color: typeset.Black}

// signedBox shows who signed and when, in 楷体 as a record of a signature,
// or is left open with a date line.
func signedBox(who string, on app.Date, w float64) typeset.Cell {
	if who == "" {
		return typeset.Cell{Width: w, Top: true, Footer: blankDate}
	}
	return typeset.Cell{Width: w, Top: true, Blocks: record(who, dateOr(on), 0)}
}

// disclosureChoices are the 公开属性 of a 发文 as boxes, the chosen one
// filled (■), with the reason of 不予公开.
func disclosureChoices(d *app.Document) string {
	tick := func(x app.Disclosure) string {
		if d.Disclosure == x {
			return "■" + string(x)
		}
		return "□" + string(x)
	}
	not := tick(app.DiscloseNot)
	if d.Disclosure == app.DiscloseNot && d.DisclosureReason != "" {
		not += "（" + d.DisclosureReason + "）"
	}
	return tick(app.DiscloseActively) + "　" + tick(app.DiscloseOnRequest) + "\n" + not
}

// legalReviewText is the 合法性审查 row of a 规范性文件: the 区司法局's
// verdict and opinion, or what is still due.
func legalReviewText(r app.LegalReview) string {
	if !r.Recorded() {
		return "规范性文件，须经区司法局合法性审查后签发"
	}
	return fmt.Sprintf("规范性文件，%s合法性审查%s（%s）：%s", app.LegalReviewer, r.Verdict(), r.On.Chinese(), r.Opinion)
}

// cosignLines fill the 会签 box: each recorded 会签 with its reply, or the
// day it is due (004 二十九: 逾期不回复的视为无不同意见); units named for 会签
// but not yet sent are listed alone, to sign by hand.
func cosignLines(d *app.Document) []string {
	var out []string
	sent := map[string]bool{}
	for _, c := range d.Cosigns {
		sent[c.Party] = true
		if !c.RepliedOn.IsZero() {
			out = append(out, fmt.Sprintf("%s：%s（%s）", c.Party, c.Reply, c.RepliedOn.Chinese()))
		} else {
			out = append(out, fmt.Sprintf("%s：%s前回复，逾期视为无不同意见", c.Party, c.DueOn.Chinese()))
		}
	}
	for _, u := range d.Countersign {
		if !sent[u] {
			out = append(out, u)
		}
	}
	return out
}
