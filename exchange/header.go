package exchange

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gongwen/app"
)

// Headers. Registers name the same column many ways (来文单位, 来文机关,
// 发文单位 …), decorate it (“收文\n日期”, “份数（份）”, “*标题”) and put title
// rows above it. Each header cell is normalised, then looked up among the
// book's column names; the header row is the row that matches best.

// NormalizeHeader is the form headers are compared in: half-width, lower
// case, without spaces, line breaks, required-marks (*), colons or notes in
// brackets.
func NormalizeHeader(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range app.NormalizeWidth(s) {
		switch {
		case strings.ContainsRune("(（[【<〔", r):
			depth++
		case strings.ContainsRune(")）]】>〕", r):
			depth = max(depth-1, 0)
		case depth > 0, unicode.IsSpace(r), strings.ContainsRune("*※★:：_-—、/\\", r):
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// dict finds the column a header names.
type dict struct {
	exact map[string]int // normalised name → column index; ignoredColumn for known columns not imported
	long  []dictEntry    // names of 3 runes or more, longest first, found inside longer headers
}

type dictEntry struct {
	name string
	col  int
}

// ignoredColumn marks headers known to carry nothing to import (序号 …).
const ignoredColumn = -1

// commonIgnored are headers every book knows and skips.
var commonIgnored = []string{"序号", "顺序", "签收人", "签收人签字", "签收", "签名", "签字", "领取人", "签收时间"}

// newDict indexes names[i], the names of column i; the first column to
// claim a name keeps it.
func newDict(names [][]string, ignored []string) dict {
	d := dict{exact: map[string]int{}}
	add := func(name string, col int) {
		n := NormalizeHeader(name)
		if n == "" {
			return
		}
		if _, ok := d.exact[n]; !ok {
			d.exact[n] = col
			if utf8.RuneCountInString(n) >= 3 {
				d.long = append(d.long, dictEntry{n, col})
			}
		}
	}
	for i, ns := range names {
		for _, n := range ns {
			add(n, i)
		}
	}
	for _, n := range ignored {
		add(n, ignoredColumn)
	}
	sort.SliceStable(d.long, func(a, b int) bool { return len(d.long[a].name) > len(d.long[b].name) })
	return d
}

// match returns the column header h names, and whether by its whole name.
func (d dict) match(h string) (col int, exact, ok bool) {
	n := NormalizeHeader(h)
	if n == "" {
		return 0, false, false
	}
	if c, ok := d.exact[n]; ok {
		return c, true, true
	}
	if utf8.RuneCountInString(n) > 12 { // a long cell is data, not a header
		return 0, false, false
	}
	for _, e := range d.long {
		if strings.Contains(n, e.name) {
			return e.col, false, true
		}
	}
	return 0, false, false
}

// score rates a row as a header: 2 for each column named in full, 1 for a
// name found inside a cell.
func (d dict) score(row []string) (score, exact int) {
	seen := map[int]bool{}
	for _, cell := range row {
		col, ex, ok := d.match(cell)
		if !ok || seen[col] {
			continue
		}
		seen[col] = true
		if ex {
			score, exact = score+2, exact+1
		} else {
			score++
		}
	}
	return score, exact
}

// headerScan is how far down a sheet the header is looked for.
const headerScan = 30

// findHeader returns the index of the header row, or -1: the best-scoring
// of the first rows that names at least two columns in full.
func (d dict) findHeader(rows [][]string) int {
	best, at := 0, -1
	for i := 0; i < len(rows) && i < headerScan; i++ {
		if s, ex := d.score(rows[i]); ex >= 2 && s > best {
			best, at = s, i
		}
	}
	return at
}

// mapHeader assigns the header cells to columns: overrides first, then
// whole names, then names found inside a cell, each column once, left to
// right. The result holds the column index of each cell, or ignoredColumn.
func (d dict) mapHeader(header []string, override func(string) (int, bool)) []int {
	out := make([]int, len(header))
	taken := map[int]bool{}
	for i := range out {
		out[i] = ignoredColumn
	}
	done := make([]bool, len(header))
	for i, h := range header {
		if col, ok := override(h); ok {
			done[i] = true
			if col != ignoredColumn && !taken[col] {
				out[i], taken[col] = col, true
			}
		}
	}
	for _, wantExact := range []bool{true, false} {
		for i, h := range header {
			if done[i] {
				continue
			}
			col, exact, ok := d.match(h)
			if !ok || exact != wantExact {
				continue
			}
			done[i] = true
			if col != ignoredColumn && !taken[col] {
				out[i], taken[col] = col, true
			}
		}
	}
	return out
}

var yearPattern = regexp.MustCompile(`(?:^|[^0-9])((?:19|20|21)[0-9]{2})(?:[^0-9]|$)`)

// yearIn finds a year (1949–2200) in a sheet name, a title or a file name.
func yearIn(s string) int {
	for _, m := range yearPattern.FindAllStringSubmatch(app.NormalizeWidth(s), -1) {
		if y, _ := strconv.Atoi(m[1]); y >= 1949 && y <= 2200 {
			return y
		}
	}
	return 0
}
