package data

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// The search index works on characters, not words: Chinese has no spaces and
// secretaries search with 1- and 2-character words. Every entry is indexed
// twice, as the set of its characters (for 1-character queries) and as the
// sequence of its overlapping character pairs (a query of n ≥ 2 characters is
// the phrase of its n−1 pairs, which FTS5 matches exactly by position).
// Tokens are the characters' code points in hex, so that FTS5's plain ascii
// tokenizer keeps every character (punctuation such as 〔〕 included).

// Brackets secretaries type for the 〔〕 of a 文号 (and for （）): all fold to
// 〔〕 so that 〔2024〕12, [2024]12 and （2024）12 find the same documents.
const (
	openBrackets  = "〔[【(［{｛（〖"
	closeBrackets = "〕]】)］}｝）〗"
)

// fold maps a character to its searchable form: half-width ASCII, lower
// case, brackets unified, every kind of space a plain space. It maps one rune
// to one rune, so positions in folded text are positions in the original.
func fold(r rune) rune {
	switch {
	case r == '\u3000' || unicode.IsSpace(r):
		return ' '
	case r >= '！' && r <= '～':
		r -= 0xFEE0
	}
	if strings.ContainsRune(openBrackets, r) {
		return '〔'
	}
	if strings.ContainsRune(closeBrackets, r) {
		return '〕'
	}
	return unicode.ToLower(r)
}

func foldRunes(s string) []rune {
	rs := []rune(s)
	for i, r := range rs {
		rs[i] = fold(r)
	}
	return rs
}

// runs splits folded text at spaces: pairs never span a space or a field.
func runs(rs []rune) [][]rune {
	var out [][]rune
	start := -1
	for i, r := range rs {
		if r == ' ' {
			if start >= 0 {
				out = append(out, rs[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, rs[start:])
	}
	return out
}

func charToken(r rune) string { return strconv.FormatInt(int64(r), 16) }

func pairToken(a, b rune) string { return charToken(a) + "x" + charToken(b) }

// gap separates runs in the pair column so that a phrase cannot match across
// two fields ("…通知" + "区财政局" must not contain 知区). Queries never
// produce it: their tokens are hex digits and x.
const gap = "zz"

// bookMarker is the token that every entry of book carries in both indexes
// (schema version 5), so that a book's 关键词 filter counts its records from
// the index alone: "bookdocument", "bookin", "bookitem" …. Queries never
// produce it: it has letters that are not hex digits.
func bookMarker(book string) string { return "book" + book }

// indexTokens returns the character set and the pair sequence of fields.
func indexTokens(fields []string) (chars, pairs string) {
	seen := map[rune]bool{}
	var cb, pb strings.Builder
	for _, f := range fields {
		for _, run := range runs(foldRunes(f)) {
			for i, r := range run {
				if !seen[r] {
					seen[r] = true
					cb.WriteString(charToken(r))
					cb.WriteByte(' ')
				}
				if i+1 < len(run) {
					pb.WriteString(pairToken(r, run[i+1]))
					pb.WriteByte(' ')
				}
			}
			if len(run) > 1 {
				pb.WriteString(gap + " ")
			}
		}
	}
	return cb.String(), pb.String()
}

// queryWords splits a query into its folded words, without repeats.
func queryWords(text string) [][]rune {
	var out [][]rune
	seen := map[string]bool{}
	for _, w := range runs(foldRunes(text)) {
		if !seen[string(w)] {
			seen[string(w)] = true
			out = append(out, w)
		}
	}
	return out
}

// matchExprs builds the FTS5 query of each index: single characters go to the
// character index, longer words to the pair index as phrases. An empty string
// means that index is not needed.
func matchExprs(words [][]rune) (chars, pairs string) {
	var cs, ps []string
	for _, w := range words {
		if len(w) == 1 {
			cs = append(cs, `"`+charToken(w[0])+`"`)
			continue
		}
		toks := make([]string, len(w)-1)
		for i := range toks {
			toks[i] = pairToken(w[i], w[i+1])
		}
		ps = append(ps, `"`+strings.Join(toks, " ")+`"`)
	}
	return strings.Join(cs, " AND "), strings.Join(ps, " AND ")
}

// Snippet window: characters shown before and after the first match.
const (
	snippetBefore = 12
	snippetAfter  = 36
)

// snippet cuts the line of body around the first word found, marking cuts
// with an ellipsis.
func snippet(body string, words [][]rune) string {
	for _, line := range strings.Split(body, "\n") {
		orig := []rune(line)
		folded := foldRunes(line)
		for _, w := range words {
			at := indexRunes(folded, w)
			if at < 0 {
				continue
			}
			from, to := max(0, at-snippetBefore), min(len(orig), at+len(w)+snippetAfter)
			s := strings.TrimSpace(string(orig[from:to]))
			if from > 0 {
				s = "…" + s
			}
			if to < len(orig) {
				s += "…"
			}
			return s
		}
	}
	return ""
}

// matchRanges are the rune ranges [from, to) of text where a word occurs,
// as the search compares them (folded), in order.
func matchRanges(text string, words [][]rune) [][2]int {
	folded := foldRunes(text)
	var out [][2]int
	for _, w := range words {
		for from := 0; from+len(w) <= len(folded); {
			at := indexRunes(folded[from:], w)
			if at < 0 {
				break
			}
			out = append(out, [2]int{from + at, from + at + len(w)})
			from += at + len(w)
		}
	}
	slices.SortFunc(out, func(a, b [2]int) int { return a[0] - b[0] })
	return out
}

func indexRunes(s, sub []rune) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		match := true
		for j, r := range sub {
			if s[i+j] != r {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
}
