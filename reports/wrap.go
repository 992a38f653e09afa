package reports

import "gongwen/textbreak"

// Chinese line breaking. gofpdf's own wrapping drops a character at every
// break (go-pdf/fpdf #80), so text is broken here and drawn line by line,
// by the rules of package textbreak, which the window follows too: 禁则
// for punctuation, and dates, numbers and 文号 never broken inside.

func isNoStart(r rune) bool { return textbreak.NoLineStart(r) }
func isNoEnd(r rune) bool   { return textbreak.NoLineEnd(r) }

// span is one line: the runes [start, end) of its paragraph.
type span struct{ start, end int }

// wrapText breaks text into lines no wider than width; the first line of
// each paragraph ('\n' separates them) is narrower by indent. Empty
// paragraphs give empty lines. widthOf measures one character.
func wrapText(text string, width, indent float64, widthOf func(rune) float64) []string {
	return textbreak.Lines(text, width, indent, widthOf)
}

// wrapRunes breaks one paragraph whose characters have the widths ws.
func wrapRunes(rs []rune, ws []float64, width, indent float64) []span {
	sps := textbreak.Spans(rs, ws, width, indent)
	out := make([]span, len(sps))
	for i, sp := range sps {
		out[i] = span{sp.Start, sp.End}
	}
	return out
}

// wrap breaks text for a style and width on the canvas.
func (c *canvas) wrap(st style, text string, width, indent float64) []string {
	return wrapText(text, width, indent, func(r rune) float64 { return c.runeWidth(st, r) })
}
