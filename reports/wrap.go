package reports

import (
	"strings"
	"unicode"
)

// Chinese line breaking. gofpdf's own wrapping drops a character at every
// break (go-pdf/fpdf #80), so text is broken here and drawn line by line.
// A line may break between any two Chinese characters, except that
// (禁则) closing punctuation never starts a line and opening punctuation
// never ends one; a run of Latin letters and digits (a 文号 serial, 2026,
// a phone number, a word) stays whole unless it is wider than the line.

const (
	noLineStart = "，。、；：？！）》」』”’〕】〉］｝〗.,;:?!)]}%％…—·～‰℃"
	noLineEnd   = "（《「『“‘〔【〈［｛〖([{"
)

func isNoStart(r rune) bool { return strings.ContainsRune(noLineStart, r) }
func isNoEnd(r rune) bool   { return strings.ContainsRune(noLineEnd, r) }

// inWord reports whether r belongs to a run that must not be broken.
func inWord(r rune) bool {
	return (r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(".,-/:_@#&+%'", r))) || r == '·' // the 档号's middle dot
}

// unit is a piece of a line that is never broken: a character, a word
// or a space; start and end index the paragraph's runes.
type unit struct {
	start, end int
	w          float64
	space      bool
}

// span is one line: the runes [start, end) of its paragraph.
type span struct{ start, end int }

// wrapText breaks text into lines no wider than width; the first line of
// each paragraph ('\n' separates them) is narrower by indent. Empty
// paragraphs give empty lines. widthOf measures one character.
func wrapText(text string, width, indent float64, widthOf func(rune) float64) []string {
	var lines []string
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r", ""), "\n") {
		rs := []rune(para)
		ws := make([]float64, len(rs))
		for i, r := range rs {
			ws[i] = widthOf(r)
		}
		for _, sp := range wrapRunes(rs, ws, width, indent) {
			lines = append(lines, string(rs[sp.start:sp.end]))
		}
	}
	return lines
}

// wrapRunes breaks one paragraph whose characters have the widths ws.
func wrapRunes(rs []rune, ws []float64, width, indent float64) []span {
	units := splitUnits(rs, ws)
	if len(units) == 0 {
		return []span{{0, 0}}
	}
	const eps = 0.01
	var lines []span
	var cur []unit
	curW := 0.0
	avail := width - indent
	emit := func(us []unit) {
		for len(us) > 0 && us[len(us)-1].space {
			us = us[:len(us)-1]
		}
		if len(us) == 0 {
			lines = append(lines, span{0, 0})
		} else {
			lines = append(lines, span{us[0].start, us[len(us)-1].end})
		}
		avail = width
	}
	for i := 0; i < len(units); {
		u := units[i]
		if u.space && len(cur) == 0 && len(lines) > 0 {
			i++ // a wrapped line does not start with a space
			continue
		}
		if curW+u.w <= avail+eps || u.space {
			cur = append(cur, u)
			curW += u.w
			i++
			continue
		}
		if len(cur) == 0 {
			if u.end-u.start > 1 {
				// a word wider than the line is broken between its characters
				chars := make([]unit, 0, u.end-u.start)
				for j := u.start; j < u.end; j++ {
					chars = append(chars, unit{start: j, end: j + 1, w: ws[j]})
				}
				units = append(units[:i], append(chars, units[i+1:]...)...)
				continue
			}
			cur = append(cur, u) // a single character wider than the line
			curW += u.w
			i++
			continue
		}
		// Break before u, moving characters down while the break would
		// leave closing punctuation at a line start or opening
		// punctuation at a line end.
		k := len(cur)
		for k > 1 && violates(rs, cur, k, u) {
			k--
		}
		if violates(rs, cur, k, u) {
			if isNoStart(rs[u.start]) && !u.space {
				// nowhere to break by the rules (a run of punctuation):
				// the mark hangs past the end rather than start a line
				cur = append(cur, u)
				curW += u.w
				i++
				continue
			}
			k = len(cur)
		}
		emit(cur[:k])
		cur = append([]unit(nil), cur[k:]...)
		curW = 0
		for _, c := range cur {
			curW += c.w
		}
	}
	if len(cur) > 0 || len(lines) == 0 {
		emit(cur)
	}
	return lines
}

// violates reports whether breaking cur before index k (u follows cur)
// breaks a 禁则 rule; spaces at the break do not count.
func violates(rs []rune, cur []unit, k int, u unit) bool {
	j := k - 1
	for j >= 0 && cur[j].space {
		j--
	}
	if j >= 0 && isNoEnd(rs[cur[j].end-1]) {
		return true
	}
	next := u
	for i := k; i < len(cur); i++ {
		if !cur[i].space {
			next = cur[i]
			break
		}
	}
	return !next.space && isNoStart(rs[next.start])
}

func splitUnits(rs []rune, ws []float64) []unit {
	var out []unit
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case r == ' ' || r == '\t':
			out = append(out, unit{start: i, end: i + 1, w: ws[i], space: true})
			i++
		case inWord(r):
			j, w := i, 0.0
			for j < len(rs) && inWord(rs[j]) {
				w += ws[j]
				j++
			}
			out = append(out, unit{start: i, end: j, w: w})
			i = j
		default:
			out = append(out, unit{start: i, end: i + 1, w: ws[i]})
			i++
		}
	}
	return out
}

// wrap breaks text for a style and width on the canvas.
func (c *canvas) wrap(st style, text string, width, indent float64) []string {
	return wrapText(text, width, indent, func(r rune) float64 { return c.runeWidth(st, r) })
}
