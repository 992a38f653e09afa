package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Importing brings an office's existing registers into the books. Package
// exchange reads the spreadsheet into records; the functions here complete
// them (status, due date, numbers), check them for probable duplicates
// against each other and the store, and save them all in one transaction.
//
// Numbers. A record keeps the number its register gives (收文编号, 发文字号,
// 申请编号, 登记号, 督办编号, 档号 件号); a record without one takes the next
// free number of its counter, skipping those the import itself uses. Each
// counter is then advanced to the highest number imported, so that later
// registrations never collide with an imported one (numbers below the
// highest that nobody uses stay unused). Numbers a counter has already given
// count as used unless the store can be asked (收文编号, 发文字号, 申请编号
// and 督办编号 are looked up; 件号 and 登记号 are not). Finding where a
// counter stands takes its next number, so when every imported number of a
// counter lies below it, that one number is left unused.

// RowRef tells where a record of an imported register came from.
type RowRef struct {
	Sheet string // the worksheet; "" for a CSV file
	Row   int    // the row number the spreadsheet shows, from 1
}

func (r RowRef) String() string {
	if r.Sheet == "" {
		return fmt.Sprintf("第%d行", r.Row)
	}
	return fmt.Sprintf("%s 第%d行", r.Sheet, r.Row)
}

// Problem is one reason a row of a register cannot be imported as it is.
type Problem struct {
	At     RowRef
	Column string // the column's header in the file; "" when the row as a whole is meant
	Reason string // Chinese, for a secretary
}

// String reads like “2024年 第12行 收文日期：日期“2024-02-30”不存在”.
func (p Problem) String() string {
	if p.Column != "" {
		return p.At.String() + " " + p.Column + "：" + p.Reason
	}
	return p.At.String() + "：" + p.Reason
}

// ImportRow is one record read from a register, with where it came from.
type ImportRow[T any] struct {
	At  RowRef
	Rec T
}

// History. An import is one change: it records one history entry, of the
// book (entity id 0), naming the file, the count and the first and last
// record. (An entry per record would cost about as much as saving the
// records' search index, a second per 10,000 rows.)

// ImportOptions say how an import runs.
type ImportOptions struct {
	// SkipBad imports the good rows and skips the others; by default one bad
	// row stops the whole import and nothing is written.
	SkipBad bool
	// DryRun checks everything, numbers included, and writes nothing.
	DryRun bool
	// Source names the file in the history.
	Source string
	// Progress, when set, is told how many records are saved so far.
	Progress func(done, total int)
}

// ImportResult counts what an import did (or, in a dry run, would do).
type ImportResult struct {
	Rows     int       // records offered
	Imported int       // records saved
	Skipped  int       // records not saved
	Bad      int       // records with a problem
	Problems []Problem // in the order of the rows
}

// ParseSerial reads a register's number: “2024-0012”, “2024年第12号”,
// “督〔2024〕12号”, or a bare “12” (year 0: the record's own year). The
// year is the first run of digits when there are several and it looks like
// one.
func ParseSerial(s string) (year, n int, ok bool) {
	runs := digitRuns.FindAllString(NormalizeWidth(s), -1)
	if len(runs) == 0 || len(runs) > 2 {
		return 0, 0, false
	}
	if len(runs) == 2 {
		y, err := strconv.Atoi(runs[0])
		if err != nil || len(runs[0]) != 4 || y < 1949 || y > 2200 {
			return 0, 0, false
		}
		year = y
	}
	last := runs[len(runs)-1]
	if len(last) > 6 {
		return 0, 0, false
	}
	n, _ = strconv.Atoi(last)
	return year, n, n > 0 && n <= maxSerial
}

// ParseArchiveNo reads a 档号 such as Z109-WS·2011-Y-BGS-0001 (the 机构代码
// may be missing; 永久, 定期30年 and 定期10年 are accepted for Y, D30, D10).
func ParseArchiveNo(s string) (Archive, error) {
	raw := strings.TrimSpace(s)
	bad := Errorf(EINVALID, "档号“%s”无法识别，应为 全宗号-WS·年度-保管期限-机构代码-件号，如 Z109-WS·2026-Y-BGS-0001", Excerpt(raw))
	parts := strings.Split(strings.ReplaceAll(NormalizeWidth(raw), " ", ""), "-")
	if len(parts) != 4 && len(parts) != 5 {
		return Archive{}, bad
	}
	a := Archive{Fonds: parts[0]}
	year := strings.TrimLeft(strings.ToUpper(parts[1]), "WS·.・ ")
	var err error
	if a.Year, err = strconv.Atoi(year); err != nil || len(year) != 4 {
		return Archive{}, bad
	}
	switch r := strings.ToUpper(parts[2]); r {
	case "Y", "永久":
		a.Retention = RetainForever
	case "D30", "定期30年", "30年":
		a.Retention = Retain30
	case "D10", "定期10年", "10年":
		a.Retention = Retain10
	default:
		return Archive{}, bad
	}
	if len(parts) == 5 {
		a.OrgCode = parts[3]
	}
	if a.Piece, err = strconv.Atoi(parts[len(parts)-1]); err != nil {
		return Archive{}, bad
	}
	if err := a.Validate(); err != nil {
		return Archive{}, err
	}
	return a, nil
}

// ---- the import of any book ----

// importer holds what differs between the books.
type importer[T any] struct {
	entity  Entity
	prepare func(rec *T) error           // complete and check one record
	keys    func(rec *T) []dupKey        // what two rows must not share
	check   func(tx Tx, rec *T) error    // against the store; EINVALID, EDUPLICATE and ECONFLICT are problems
	slots   func(rec *T) []slot          // the numbers the record carries or needs
	save    func(tx Tx, recs []*T) error // insert a batch of new records
	detail  func(rec *T) string          // names the record in the history
}

// importBatch is how many records an import hands the store at a time.
const importBatch = 200

// dupKey is something two rows of a register must not share.
type dupKey struct {
	key  string
	what string // e.g. 来文单位和文号（…）
}

// slot is one number a record carries or needs from a counter.
type slot struct {
	counter  string
	n        int         // the number the register gives; 0 takes the next free one
	what     string      // e.g. 收文编号2024-0012
	lookedUp bool        // the book's check asked the store whether n is in use
	set      func(n int) // stores a number taken from the counter
}

// errRollback ends a transaction that must leave nothing behind.
var errRollback = &Error{Code: EROLLBACK, Message: "导入未写入任何数据"}

func runImport[T any](ctx context.Context, k *Desk, b importer[T], rows []ImportRow[T], opt ImportOptions) (ImportResult, error) {
	// The records are completed and numbered in a copy: the caller's rows
	// stay as read, so that they can be checked (DryRun), then imported.
	rows = slices.Clone(rows)
	type rowProblem struct {
		row int
		p   Problem
	}
	var problems []rowProblem
	bad := make([]bool, len(rows))
	fail := func(i int, reason string) {
		bad[i] = true
		problems = append(problems, rowProblem{i, Problem{At: rows[i].At, Reason: reason}})
	}
	for i := range rows {
		if err := b.prepare(&rows[i].Rec); err != nil {
			fail(i, ErrorMessage(err))
		}
	}
	// Rows that share a key with an earlier row are probable duplicates.
	seen := map[string]int{}
	for i := range rows {
		if bad[i] {
			continue
		}
		keys := b.keys(&rows[i].Rec)
		for _, s := range b.slots(&rows[i].Rec) {
			if s.n > 0 {
				keys = append(keys, dupKey{"no\x00" + s.counter + "\x00" + strconv.Itoa(s.n), s.what})
			}
		}
		for _, key := range keys {
			if j, ok := seen[key.key]; ok {
				fail(i, fmt.Sprintf("可能重复：%s与%s相同", key.what, rowName(rows[j].At, rows[i].At)))
				break
			}
		}
		if !bad[i] {
			for _, key := range keys {
				seen[key.key] = i
			}
		}
	}
	res := ImportResult{Rows: len(rows)}
	err := k.Store.Update(ctx, func(tx Tx) error {
		for i := range rows {
			if bad[i] {
				continue
			}
			if err := b.check(tx, &rows[i].Rec); err != nil {
				switch ErrorCode(err) {
				case EINVALID, EDUPLICATE, ECONFLICT:
					fail(i, ErrorMessage(err))
				default:
					return err
				}
			}
		}
		if err := numberRows(tx, b, rows, bad, fail); err != nil {
			return err
		}
		if len(problems) > 0 && !opt.SkipBad {
			return errRollback
		}
		now, total := k.Now(), len(rows)-countTrue(bad)
		var first, last string
		var batch []*T
		flush := func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			if len(batch) == 0 {
				return nil
			}
			if err := b.save(tx, batch); err != nil {
				return err
			}
			res.Imported += len(batch)
			batch = batch[:0]
			if opt.Progress != nil {
				opt.Progress(res.Imported, total)
			}
			return nil
		}
		for i := range rows {
			if bad[i] {
				continue
			}
			if res.Imported+len(batch) == 0 {
				first = b.detail(&rows[i].Rec)
			}
			last = b.detail(&rows[i].Rec)
			stamp(&rows[i].Rec, now)
			batch = append(batch, &rows[i].Rec)
			if len(batch) == importBatch {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		if err := flush(); err != nil {
			return err
		}
		if opt.DryRun {
			return errRollback
		}
		if res.Imported == 0 {
			return nil
		}
		detail := fmt.Sprintf("从%s导入%d件：%s", strings.TrimSpace(opt.Source), res.Imported, first)
		if res.Imported > 1 {
			detail += " 至 " + last
		}
		return k.history(ctx, tx, b.entity, 0, "导入", detail)
	})
	sort.SliceStable(problems, func(a, b int) bool { return problems[a].row < problems[b].row })
	for _, p := range problems {
		res.Problems = append(res.Problems, p.p)
	}
	res.Bad = countTrue(bad)
	if err != nil && !errors.Is(err, errRollback) {
		res.Imported = 0
	}
	res.Skipped = res.Rows - res.Imported
	switch {
	case err != nil && !errors.Is(err, errRollback):
		return res, err
	case res.Bad > 0 && !opt.SkipBad:
		return res, Errorf(EINVALID, "有%d行有问题，没有导入任何数据", res.Bad)
	}
	return res, nil
}

// numberRows refuses numbers already in use, gives numbers to the records
// that have none, and advances each counter past the highest imported.
func numberRows[T any](tx Tx, b importer[T], rows []ImportRow[T], bad []bool, fail func(int, string)) error {
	next := map[string]int{} // the number each counter gives next; taking it moved the counter
	for i := range rows {
		for _, s := range b.slots(&rows[i].Rec) {
			if bad[i] {
				break
			}
			if _, ok := next[s.counter]; !ok {
				n, err := tx.NextNumber(s.counter)
				if err != nil {
					return err
				}
				next[s.counter] = n
			}
			if s.n > 0 && s.n < next[s.counter] && !s.lookedUp {
				fail(i, fmt.Sprintf("%s已被使用（已编到第%d号）", s.what, next[s.counter]-1))
			}
		}
	}
	type use struct {
		row int
		s   slot
	}
	uses := map[string][]use{}
	var counters []string
	for i := range rows {
		if bad[i] {
			continue
		}
		for _, s := range b.slots(&rows[i].Rec) {
			if _, ok := uses[s.counter]; !ok {
				counters = append(counters, s.counter)
			}
			uses[s.counter] = append(uses[s.counter], use{i, s})
		}
	}
	for _, c := range counters {
		taken, top := map[int]bool{}, 0
		for _, u := range uses[c] {
			taken[u.s.n], top = true, max(top, u.s.n)
		}
		n := next[c]
		for _, u := range uses[c] {
			if u.s.n > 0 {
				continue
			}
			for taken[n] {
				n++
			}
			if n > maxSerial {
				return Errorf(EINVALID, "编号已超过%d，无法继续编号", maxSerial)
			}
			u.s.set(n)
			taken[n], top = true, max(top, n)
		}
		if top > next[c] {
			if err := tx.AdvanceNumber(c, top); err != nil {
				return err
			}
		}
	}
	return nil
}

// rowName names row at as seen from row from: 第9行, or “2023年”第9行 on
// another sheet.
func rowName(at, from RowRef) string {
	if at.Sheet == from.Sheet || at.Sheet == "" {
		return fmt.Sprintf("第%d行", at.Row)
	}
	return fmt.Sprintf("“%s”第%d行", at.Sheet, at.Row)
}

func countTrue(xs []bool) int {
	n := 0
	for _, x := range xs {
		if x {
			n++
		}
	}
	return n
}

// stamp sets the creation and change times of a new record.
func stamp(rec any, now time.Time) {
	switch r := rec.(type) {
	case *Document:
		r.CreatedAt, r.UpdatedAt = now, now
	case *SealRequest:
		r.CreatedAt, r.UpdatedAt = now, now
	case *Item:
		r.CreatedAt, r.UpdatedAt = now, now
	}
}

// each saves the records one by one.
func each[T any](recs []*T, save func(*T) error) error {
	for _, r := range recs {
		if err := save(r); err != nil {
			return err
		}
	}
	return nil
}
