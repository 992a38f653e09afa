// Package textbreak holds the one set of Chinese line-breaking rules that
// both the printed paper (package reports) and the window (ui/widgets)
// follow, so that a date, a number or a 文号 reads the same everywhere.
//
// A line may break between any two Chinese characters, except that:
//   - (禁则) closing punctuation never starts a line (，。、；：？！）》」』 …)
//     and opening punctuation never ends one (（《「『 …);
//   - a token never breaks inside: a run of Latin letters and digits with
//     the punctuation that joins them (0571-88886666, 2026-09-03,
//     Z109-WS·2026-Y-BGS-0001, 3.5km), the bracketed year and serial of a
//     文号 (〔2026〕12号) together with the three Han characters before
//     it, its 机关代字 (示府发〔2026〕12号 never breaks), and a date or
//     time written with 年月日号时分 (2026年12月15日, 10月23日).
//
// Only a token wider than the whole line is broken, after one of its
// joining marks (- / · 〕年月日) when it can be, else between characters.
// The package measures nothing itself: callers pass the width of each
// character in their own units (millimetres on paper, pixels on screen).
package textbreak

import (
	"strings"
	"unicode"
)

const (
	noLineStart = "，。、；：？！）》」』”’〕】〉］｝〗.,;:?!)]}%％…—·～‰℃"
	noLineEnd   = "（《「『“‘〔【〈［｛〖([{"
	// joiners stay inside a token between its letters and digits
	joiners = ".,-/:_@#&+%'·"
	// dateUnits end a number inside a date, a time or a 文号's serial
	dateUnits = "年月日号时分"
	// breakAfter are the places a token too wide for the line breaks first
	breakAfter = "-/·〕:_年月日"
)

// NoLineStart reports whether r may not start a line.
func NoLineStart(r rune) bool { return strings.ContainsRune(noLineStart, r) }

// NoLineEnd reports whether r may not end a line.
func NoLineEnd(r rune) bool { return strings.ContainsRune(noLineEnd, r) }

func isAlnum(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// TokenEnd returns the end of the token that starts at rs[i], or i when no
// token starts there (a Chinese character, a space, punctuation).
func TokenEnd(rs []rune, i int) int {
	at := func(k int) rune {
		if k >= 0 && k < len(rs) {
			return rs[k]
		}
		return 0
	}
	r := rs[i]
	switch {
	case isAlnum(r):
	case (r == '〔' || r == '［' || r == '[') && isDigit(at(i+1)):
	default:
		return i
	}
	j := i + 1
	for j < len(rs) {
		r, prev, next := rs[j], rs[j-1], at(j+1)
		switch {
		case isAlnum(r):
		case strings.ContainsRune(joiners, r):
			if !isAlnum(next) && !isAlnum(prev) {
				return j
			}
		case r == '〔' || r == '［':
			if !isDigit(next) {
				return j
			}
		case r == '〕' || r == '］' || r == ']':
			if !isDigit(prev) {
				return j
			}
		case strings.ContainsRune(dateUnits, r):
			if !isDigit(prev) {
				return j
			}
			if !isDigit(next) {
				return j + 1 // 15日, 12号 end the token
			}
		default:
			return j
		}
		j++
	}
	return j
}

// Span is one line: the runes [Start, End) of its paragraph.
type Span struct{ Start, End int }

// Lines breaks text into lines no wider than width; the first line of each
// paragraph ('\n' separates them) is narrower by indent. Empty paragraphs
// give empty lines. widthOf measures one character.
func Lines(text string, width, indent float64, widthOf func(rune) float64) []string {
	var lines []string
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r", ""), "\n") {
		rs := []rune(para)
		ws := make([]float64, len(rs))
		for i, r := range rs {
			ws[i] = widthOf(r)
		}
		for _, sp := range Spans(rs, ws, width, indent) {
			lines = append(lines, string(rs[sp.Start:sp.End]))
		}
	}
	return lines
}

// unit is a piece of a line that is never broken: a character, a token
// or a space.
type unit struct {
	start, end int
	w          float64
	space      bool
}

// NameJoins gives, for each character of a list of names joined by 、
// (区财政局局长 司马青、王区长（出差）), whether it joins the one before
// it: a name with its post, or a reason for absence, never breaks; a line
// breaks after 、 or before （.
func NameJoins(text string) []bool {
	var joins []bool
	prev := '、'
	for _, r := range text {
		joins = append(joins, !strings.ContainsRune("、（", prev) && !strings.ContainsRune("、（", r))
		prev = r
	}
	return joins
}

// NameLines breaks a list of names (see NameJoins) into lines no wider
// than width; a name wider than the line is broken as a token is.
func NameLines(text string, width float64, widthOf func(rune) float64) []string {
	rs := []rune(text)
	ws := make([]float64, len(rs))
	for i, r := range rs {
		ws[i] = widthOf(r)
	}
	joins := NameJoins(text)
	var units []unit
	for _, u := range splitUnits(rs, ws) {
		if n := len(units); n > 0 && joins[u.start] {
			// the space between a post and a name is part of the name
			units[n-1].end, units[n-1].w, units[n-1].space = u.end, units[n-1].w+u.w, false
			continue
		}
		units = append(units, u)
	}
	var lines []string
	for _, sp := range spans(rs, ws, width, 0, units) {
		lines = append(lines, string(rs[sp.Start:sp.End]))
	}
	return lines
}

// Spans breaks one paragraph (no '\n') whose characters have the widths ws.
func Spans(rs []rune, ws []float64, width, indent float64) []Span {
	return spans(rs, ws, width, indent, splitUnits(rs, ws))
}

// spans breaks a paragraph made of units.
func spans(rs []rune, ws []float64, width, indent float64, units []unit) []Span {
	if len(units) == 0 {
		return []Span{{0, 0}}
	}
	const eps = 0.01
	var lines []Span
	var cur []unit
	curW := 0.0
	avail := width - indent
	emit := func(us []unit) {
		for len(us) > 0 && us[len(us)-1].space {
			us = us[:len(us)-1]
		}
		if len(us) == 0 {
			lines = append(lines, Span{0, 0})
		} else {
			lines = append(lines, Span{us[0].start, us[len(us)-1].end})
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
				// a token wider than the line: broken into pieces
				units = append(units[:i], append(splitToken(rs, ws, u, avail), units[i+1:]...)...)
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
			if NoLineStart(rs[u.start]) && !u.space {
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
	return noLoneLast(rs, lines)
}

// noLoneLast keeps a paragraph from ending in a line of one Chinese
// character (示例区人民政府办公室印 / 章): the line above gives it a
// companion when that line keeps at least two characters and no rule
// forbids the new break.
func noLoneLast(rs []rune, lines []Span) []Span {
	n := len(lines)
	if n < 2 {
		return lines
	}
	last, prev := lines[n-1], &lines[n-2]
	if last.End-last.Start != 1 || last.Start != prev.End || !unicode.Is(unicode.Han, rs[last.Start]) {
		return lines
	}
	// break one character earlier, or two when the one would start the
	// line with closing punctuation (九。/ 十 becomes / 九。十)
	for b := prev.End - 1; b >= prev.End-2 && b-prev.Start >= 2; b-- {
		if NoLineStart(rs[b]) || NoLineEnd(rs[b-1]) || isAlnum(rs[b]) || isAlnum(rs[b-1]) {
			continue
		}
		lines[n-1].Start = b
		prev.End = b
		break
	}
	return lines
}

// splitToken cuts a token wider than the line: the longest head that fits
// and ends after a joining mark, else the characters one by one.
func splitToken(rs []rune, ws []float64, u unit, avail float64) []unit {
	w, cut := 0.0, -1
	for j := u.start; j < u.end-1; j++ {
		w += ws[j]
		if w > avail+0.01 {
			break
		}
		if strings.ContainsRune(breakAfter, rs[j]) {
			cut = j + 1
		}
	}
	if cut > u.start {
		head := unit{start: u.start, end: cut}
		for j := head.start; j < head.end; j++ {
			head.w += ws[j]
		}
		return []unit{head, {start: cut, end: u.end, w: u.w - head.w}}
	}
	chars := make([]unit, 0, u.end-u.start)
	for j := u.start; j < u.end; j++ {
		chars = append(chars, unit{start: j, end: j + 1, w: ws[j]})
	}
	return chars
}

// violates reports whether breaking cur before index k (u follows cur)
// breaks a 禁则 rule; spaces at the break do not count.
func violates(rs []rune, cur []unit, k int, u unit) bool {
	j := k - 1
	for j >= 0 && cur[j].space {
		j--
	}
	if j >= 0 && NoLineEnd(rs[cur[j].end-1]) {
		return true
	}
	next := u
	for i := k; i < len(cur); i++ {
		if !cur[i].space {
			next = cur[i]
			break
		}
	}
	return !next.space && NoLineStart(rs[next.start])
}

// codeChars is how many Han characters before a 文号's 〔year〕 stay with
// it. The 机关代字 (示府发, 示府办发, 示府函) cannot be told from the text
// before it, so the last three characters, the length of most 代字, are
// kept: a line never breaks inside them nor between them and 〔.
const codeChars = 3

// glueCode joins the up to codeChars Han characters that end out to the
// 〔year〕 token u.
func glueCode(rs []rune, out []unit, u unit) ([]unit, unit) {
	for n := 0; n < codeChars && len(out) > 0; n++ {
		p := out[len(out)-1]
		if p.space || p.end != u.start || p.end-p.start != 1 || !unicode.Is(unicode.Han, rs[p.start]) {
			break
		}
		u.start, u.w = p.start, u.w+p.w
		out = out[:len(out)-1]
	}
	return out, u
}

func splitUnits(rs []rune, ws []float64) []unit {
	var out []unit
	for i := 0; i < len(rs); {
		r := rs[i]
		switch end := TokenEnd(rs, i); {
		case r == ' ' || r == '\t':
			out = append(out, unit{start: i, end: i + 1, w: ws[i], space: true})
			i++
		case end > i:
			u := unit{start: i, end: end}
			for j := i; j < end; j++ {
				u.w += ws[j]
			}
			if r == '〔' {
				out, u = glueCode(rs, out, u)
			}
			out = append(out, u)
			i = end
		default:
			out = append(out, unit{start: i, end: i + 1, w: ws[i]})
			i++
		}
	}
	return out
}
