package reports

import (
	"fmt"

	"gongwen/app"
	"gongwen/typeset"
)

// What the forms share: the office's names, captions and cells, and how
// recorded signatures and open boxes to sign in are printed.

// orgName is the office printing the paper.
func orgName(s app.Settings) string { return s.OfficeName() }

// districtGov is the district government: 示例区人民政府.
func districtGov(s app.Settings) string { return s.GovernmentName() }

// continued is the running head of a record's continuation pages: the
// form's title and the record's number.
func continued(title, numberLabel, number string) string {
	if number == "" {
		return title + "（续页）"
	}
	return title + "（续页）　" + numberLabel + "：" + number
}

// spaced widens a two-character caption to the width of four, as printed
// forms do: 密　　级.
func spaced(s string) string {
	if r := []rune(s); len(r) == 2 {
		return string(r[0]) + "　　" + string(r[1])
	}
	return s
}

func label(text string, w float64) typeset.Cell {
	return typeset.Cell{Text: spaced(text), Width: w, Label: true}
}

// header is a column caption, as written.
func header(text string, w float64) typeset.Cell {
	return typeset.Cell{Text: text, Width: w, Label: true}
}

func value(text string, w float64) typeset.Cell { return typeset.Cell{Text: text, Width: w} }

// box is a value cell that starts at the top, for longer text.
func box(text string, w float64) typeset.Cell { return typeset.Cell{Text: text, Width: w, Top: true} }

func secrecyText(s app.Secrecy) string {
	if s == "" {
		return string(app.SecrecyNone)
	}
	return string(s)
}

func countText(n int, unit string) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf("%d%s", n, unit)
}

func pagesText(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf("（%d页）", n)
}

// blankDate is a date line to fill in by hand.
const blankDate = "　　　　年　　月　　日"

// dateOr is the date in Chinese, or a blank date line.
func dateOr(d app.Date) string {
	if d.IsZero() {
		return blankDate
	}
	return d.Chinese()
}

// signLine is the line a person signs on by hand.
const signLine = "签名：　　　　　　　日期：" + blankDate

// kaiRecord sets what someone wrote by hand and the secretary copied: a
// 批示, an opinion, a signature.
var kaiRecord = typeset.Style{Role: RoleKai, Size: 14, Color: typeset.Black}

// record is a handwritten entry: its text, then who wrote it and when at
// the right; gap is the space above it.
func record(text, signature string, gap float64) []typeset.Block {
	var bs []typeset.Block
	if text != "" {
		bs = append(bs, typeset.Block{Text: text, Style: &kaiRecord, Gap: gap})
		gap = 0
	}
	return append(bs, typeset.Block{Text: signature, Style: &kaiRecord, Align: typeset.AlignRight, Gap: gap})
}

// instructionsCell holds each leader's 批示 in 楷体 (they were written by
// hand) with the leader and date beneath, or stays open to be written in.
func instructionsCell(d *app.Document, w float64) typeset.Cell {
	if len(d.Instructions) == 0 {
		return typeset.Cell{Width: w, Top: true, Footer: signLine}
	}
	var bs []typeset.Block
	for i, in := range d.Instructions {
		gap := 0.0
		if i > 0 {
			gap = 3
		}
		who := in.Leader
		if in.Role != "" && in.Role != app.RoleOther {
			who = string(in.Role) + "　" + in.Leader
		}
		bs = append(bs, record(in.Text, who+"　"+in.On.Chinese(), gap)...)
	}
	return typeset.Cell{Width: w, Top: true, Blocks: bs}
}
