package typeset

import "gongwen/textbreak"

// Chinese line breaking. gofpdf's own wrapping drops a character at every
// break (go-pdf/fpdf #80), so text is broken here and drawn line by line,
// by the rules of package textbreak, which the window follows too: 禁则
// for punctuation, and dates, numbers and 文号 never broken inside.

// wrapText breaks text into lines no wider than width; the first line of
// each paragraph ('\n' separates them) is narrower by indent. Empty
// paragraphs give empty lines. widthOf measures one character.
func wrapText(text string, width, indent float64, widthOf func(rune) float64) []string {
	return textbreak.Lines(text, width, indent, widthOf)
}

// Wrap breaks text for a style and width on the canvas.
func (c *Canvas) Wrap(st Style, text string, width, indent float64) []string {
	return wrapText(text, width, indent, func(r rune) float64 { return c.runeWidth(st, r) })
}
