package app

import (
	"context"
	"errors"
	"fmt"
	"regexp"
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

// ImportDocuments imports documents of both books. A record's status is
// the one its register gives, else follows from what it carries: 档号 →
// archived; incoming: 办理结果 or 办结日期 → done, 承办单位 → assigned (due
// date counted in working days from the 收文日期 when the 办理时限 is a number
// of days), 批示 → instructed, 拟办意见 → proposed, else registered;
// outgoing: 印发日期 → issued, 发文字号 or 签发日期 → signed, else drafted.
// Probable duplicates (same sender and 文号 as a document in the store or
// another row, or a 收文编号/发文字号 already used) are problems.
func (k *Desk) ImportDocuments(ctx context.Context, rows []ImportRow[Document], opt ImportOptions) (ImportResult, error) {
	leaders, err := k.Store.Leaders(ctx)
	if err != nil {
		return ImportResult{}, err
	}
	roles := map[string]Role{}
	for _, l := range leaders {
		roles[l.Name] = l.Role
	}
	cal := k.Calendar()
	some := k.somethingIn(ctx)
	return runImport(ctx, k, importer[Document]{
		entity:  EntityDocument,
		prepare: func(d *Document) error { return prepareDocument(d, roles, cal) },
		keys: func(d *Document) []dupKey {
			if d.Direction != Incoming || d.DocNo == "" {
				return nil
			}
			return []dupKey{{"from\x00" + d.FromUnit + "\x00" + d.DocNo, fmt.Sprintf("来文单位和文号（%s，%s）", d.FromUnit, d.DocNo)}}
		},
		check: func(tx Tx, d *Document) error {
			if d.Direction == Incoming && d.DocNo != "" && some("in") {
				dup, err := tx.IncomingDuplicate(d.FromUnit, d.DocNo, 0)
				if err != nil {
					return err
				}
				if dup != nil {
					return Errorf(EDUPLICATE, "可能重复：已有收文%s“%s”的来文单位和文号与此相同（%s，%s）", dup.Serial, dup.shortTitle(), dup.FromUnit, dup.DocNo)
				}
			}
			if !some(fmt.Sprintf("%s:%d", d.Direction, d.Year)) {
				return nil
			}
			return inUse(ctx, d.Serial, k.Store.DocumentBySerial, func(old *Document) string {
				if old.Serial != d.Serial || old.Direction != d.Direction { // found by its 来文字号
					return ""
				}
				return fmt.Sprintf("%s%s已被“%s”使用", serialName(d.Direction), d.Serial, old.shortTitle())
			})
		},
		slots:  documentSlots,
		save:   func(tx Tx, ds []*Document) error { return tx.InsertDocuments(ds) },
		detail: func(d *Document) string { return strings.TrimSpace(d.Serial + " " + d.Title) },
	}, rows, opt)
}

// somethingIn answers, once per key, whether the store holds any document
// of a direction ("in") or of a direction and year ("in:2024"), so that an
// import into an empty book skips the lookups.
func (k *Desk) somethingIn(ctx context.Context) func(key string) bool {
	known := map[string]bool{}
	return func(key string) bool {
		if v, ok := known[key]; ok {
			return v
		}
		dir, year, _ := strings.Cut(key, ":")
		y, _ := strconv.Atoi(year)
		_, n, err := k.Store.Documents(ctx, DocumentFilter{Direction: Direction(dir), Year: y, Page: Page{Limit: 1}})
		known[key] = err != nil || n > 0 // on error, look up
		return known[key]
	}
}

// inUse asks the store for the record numbered no: a probable duplicate
// when there is one and taken describes it ("" when the record found is not
// the same number after all).
func inUse[T any](ctx context.Context, no string, find func(context.Context, string) (*T, error), taken func(*T) string) error {
	if no == "" {
		return nil
	}
	old, err := find(ctx, no)
	switch {
	case ErrorCode(err) == ENOTFOUND:
		return nil
	case err != nil:
		return err
	}
	if what := taken(old); what != "" {
		return Errorf(ECONFLICT, "可能重复：%s", what)
	}
	return nil
}

func serialName(d Direction) string {
	if d == Outgoing {
		return "发文字号"
	}
	return "收文编号"
}

// importedStatus is the status a document's fields point to.
func importedStatus(d *Document) DocStatus {
	switch {
	case !d.Archive.IsZero():
		return StatusArchived
	case d.Direction == Outgoing && !d.IssuedOn.IsZero():
		return StatusIssued
	case d.Direction == Outgoing && (d.DocNo != "" || !d.SignedOn.IsZero()):
		return StatusSigned
	case d.Direction == Outgoing:
		return StatusDrafted
	case d.Result != "" || !d.DoneOn.IsZero():
		return StatusDone
	case d.LeadUnit != "":
		return StatusAssigned
	case len(d.Instructions) > 0:
		return StatusInstructed
	case d.Proposal != "":
		return StatusProposed
	}
	return StatusRegistered
}

// prepareDocument completes and checks an imported document.
func prepareDocument(d *Document, roles map[string]Role, cal *Calendar) error {
	d.ID, d.DuplicateOf = 0, 0
	if d.Direction == "" {
		d.Direction = Incoming
	}
	if d.Status == "" {
		d.Status = importedStatus(d)
	}
	statuses := IncomingStatuses
	if d.Direction == Outgoing {
		statuses = OutgoingStatuses
	}
	if !slices.Contains(statuses, d.Status) {
		return Errorf(EINVALID, "状态“%s”不是%s的状态", d.Status.Label(), d.Direction.Label())
	}
	signed := d.Direction == Outgoing && !slices.Contains([]DocStatus{StatusDrafted, StatusChecked, StatusReviewed}, d.Status)
	var no DocNo
	if signed && d.DocNo != "" {
		var err error
		if no, err = ParseDocNo(d.DocNo); err != nil {
			return err
		}
		if d.IssuingCode == "" {
			d.IssuingCode = no.Code
		}
	} else if signed && d.Status != StatusArchived {
		return Errorf(EINVALID, "%s的发文请填写发文字号", d.Status.Label())
	}
	if d.Direction == Outgoing {
		if strings.TrimSpace(d.IssuingCode) == "" {
			return Errorf(EINVALID, "请填写发文字号或发文代字")
		}
		if d.DraftedOn.IsZero() {
			d.DraftedOn = firstDate(d.SignedOn, d.WrittenOn, d.IssuedOn)
		}
		if d.DraftedOn.IsZero() {
			return Errorf(EINVALID, "请填写拟稿日期或签发日期")
		}
	}
	// A register of issued documents need not name the drafter: ValidateNew
	// sees stand-ins, which are then taken out again.
	unit, drafter := d.DraftUnit, d.Drafter
	if d.DraftUnit == "" {
		d.DraftUnit = "-"
	}
	if d.Drafter == "" {
		d.Drafter = "-"
	}
	err := d.ValidateNew()
	d.DraftUnit, d.Drafter = strings.TrimSpace(unit), strings.TrimSpace(drafter)
	if err != nil {
		return err
	}
	switch {
	case d.Direction == Incoming && d.Serial != "":
		y, n, ok := ParseSerial(d.Serial)
		if !ok {
			return Errorf(EINVALID, "收文编号“%s”无法识别，应为“年度-序号”（如 %s）或序号", Excerpt(d.Serial), IncomingSerial(d.Year, 12))
		}
		if y != 0 {
			d.Year = y
		}
		d.Serial = IncomingSerial(d.Year, n)
	case d.Direction == Outgoing && no.Serial > 0:
		d.DocNo, d.Serial, d.Year = no.String(), no.String(), no.Year
	case d.Direction == Outgoing:
		d.Serial = ""
	}
	if d.LimitWorkdays < 0 || d.LimitWorkdays > 365 {
		return Errorf(EINVALID, "办理时限应为1到365个工作日")
	}
	if d.Direction == Incoming {
		if !d.DoneOn.IsZero() && d.DoneOn.Before(d.ReceivedOn) {
			return Errorf(EINVALID, "办结日期（%s）不能早于收文日期（%s）", d.DoneOn, d.ReceivedOn)
		}
		if d.LeadUnit != "" && d.DueOn.IsZero() && d.LimitWorkdays > 0 {
			due, warn := cal.AddWorkdays(d.ReceivedOn, d.LimitWorkdays)
			d.DueOn, d.DueUncertain = due, warn != nil
		}
	}
	if d.Status == StatusArchived && d.Archive.IsZero() {
		return Errorf(EINVALID, "已归档的公文请填写档号")
	}
	if !d.Archive.IsZero() {
		if err := d.Archive.Validate(); err != nil {
			return err
		}
	}
	for i := range d.Instructions {
		in := &d.Instructions[i]
		if in.Role == "" {
			in.Role = RoleOther
			if r, ok := roles[in.Leader]; ok {
				in.Role = r
			}
		}
		if in.On.IsZero() {
			in.On = d.ReceivedOn
		}
	}
	return nil
}

func documentSlots(d *Document) []slot {
	var s []slot
	switch {
	case d.Direction == Incoming:
		_, n, _ := ParseSerial(d.Serial)
		s = append(s, slot{counter: fmt.Sprintf("in:%d", d.Year), n: n, what: "收文编号" + d.Serial, lookedUp: true,
			set: func(n int) { d.Serial = IncomingSerial(d.Year, n) }})
	case d.Serial != "":
		no, _ := ParseDocNo(d.Serial)
		s = append(s, slot{counter: fmt.Sprintf("out:%s:%d", no.Code, no.Year), n: no.Serial, what: "发文字号" + d.Serial, lookedUp: true})
	}
	if a := d.Archive; !a.IsZero() {
		s = append(s, slot{counter: fmt.Sprintf("archive:%d:%s", a.Year, a.Retention), n: a.Piece, what: "档号" + a.Number()})
	}
	return s
}

// ImportSealRequests imports seal requests; a row of a 用印登记簿 (a 用印日期,
// no status) becomes a used request whose 批准人 signed its last step.
func (k *Desk) ImportSealRequests(ctx context.Context, rows []ImportRow[SealRequest], opt ImportOptions) (ImportResult, error) {
	list, err := k.Store.Seals(ctx)
	if err != nil {
		return ImportResult{}, err
	}
	seals := map[string]Seal{}
	for _, s := range list {
		seals[s.Name] = s
	}
	return runImport(ctx, k, importer[SealRequest]{
		entity:  EntitySeal,
		prepare: func(r *SealRequest) error { return prepareSealRequest(r, seals) },
		keys:    func(*SealRequest) []dupKey { return nil },
		check: func(_ Tx, r *SealRequest) error {
			return inUse(ctx, r.Number, k.Store.SealRequestByNumber, func(old *SealRequest) string {
				return fmt.Sprintf("用印申请编号%s已被使用（%s，%s）", r.Number, old.Unit, old.Reason)
			})
		},
		slots: func(r *SealRequest) []slot {
			y, n, _ := ParseSerial(r.Number)
			if y == 0 {
				y = r.RequestedOn.Year
			}
			s := []slot{{counter: fmt.Sprintf("seal:%d", y), n: n, what: "用印申请编号" + r.Number, lookedUp: true,
				set: func(n int) { r.Number = IncomingSerial(y, n) }}}
			if r.Status == SealUsed {
				ly, ln, _ := ParseSerial(r.LogNo)
				if ly == 0 {
					ly = r.UsedOn.Year
				}
				s = append(s, slot{counter: fmt.Sprintf("seallog:%d", ly), n: ln, what: "用印登记号" + r.LogNo,
					set: func(n int) { r.LogNo = IncomingSerial(ly, n) }})
			}
			return s
		},
		save:   func(tx Tx, rs []*SealRequest) error { return each(rs, tx.SaveSealRequest) },
		detail: func(r *SealRequest) string { return strings.TrimSpace(r.Number + " " + r.Unit + " " + r.Reason) },
	}, rows, opt)
}

// prepareSealRequest completes and checks an imported seal request.
func prepareSealRequest(r *SealRequest, seals map[string]Seal) error {
	r.ID = 0
	for _, p := range []*string{&r.SealName, &r.Unit, &r.Contact, &r.Reason, &r.FileName, &r.Handler, &r.Witness, &r.Number, &r.LogNo} {
		*p = strings.TrimSpace(*p)
	}
	switch {
	case r.SealName == "":
		return Errorf(EINVALID, "请填写印章")
	case r.Unit == "":
		return Errorf(EINVALID, "请填写用印单位")
	case r.Reason == "" && r.FileName == "":
		return Errorf(EINVALID, "请填写用印事由或文件名称")
	}
	if r.RequestedOn.IsZero() {
		r.RequestedOn = r.UsedOn
	}
	if r.RequestedOn.IsZero() {
		return Errorf(EINVALID, "请填写申请日期或用印日期")
	}
	if r.Status == "" {
		r.Status = SealDraft
		if !r.UsedOn.IsZero() || r.LogNo != "" {
			r.Status = SealUsed
		}
	}
	if !slices.Contains(SealStatuses, r.Status) {
		return Errorf(EINVALID, "用印状态“%s”无法识别", r.Status)
	}
	if r.Copies == 0 {
		r.Copies = max(r.UsedCount, 1)
	}
	if r.Status == SealUsed {
		if r.UsedOn.IsZero() {
			return Errorf(EINVALID, "已用印的申请请填写用印日期")
		}
		if r.UsedOn.Before(r.RequestedOn) {
			return Errorf(EINVALID, "用印日期（%s）不能早于申请日期（%s）", r.UsedOn, r.RequestedOn)
		}
		if r.UsedCount == 0 {
			r.UsedCount = r.Copies
		}
	}
	if r.Copies < 1 || r.Copies > 999 {
		return Errorf(EINVALID, "份数应为1到999")
	}
	if r.UsedCount < 0 || r.UsedCount > r.Copies {
		return Errorf(EINVALID, "用印份数应为1到%d（申请份数）", r.Copies)
	}
	if r.Status != SealUsed {
		r.LogNo = ""
	}
	for _, f := range []struct {
		no   *string
		year int
	}{{&r.Number, r.RequestedOn.Year}, {&r.LogNo, r.UsedOn.Year}} {
		if *f.no == "" {
			continue
		}
		y, n, ok := ParseSerial(*f.no)
		if !ok {
			return Errorf(EINVALID, "编号“%s”无法识别，应为“年度-序号”（如 %s）或序号", Excerpt(*f.no), IncomingSerial(f.year, 12))
		}
		if y == 0 {
			y = f.year
		}
		*f.no = IncomingSerial(y, n)
	}
	seal, ok := seals[r.SealName]
	if !ok {
		seal = Seal{Name: r.SealName, Kind: SealOther}
	}
	r.SealKind, r.Chain = seal.Kind, nil
	if r.Status != SealDraft {
		r.Chain = ChainFor(seal, r.OffSite)
	}
	for i := range r.Approvals {
		a := &r.Approvals[i]
		a.Step = i + 1
		switch {
		case len(r.Chain) == 0:
		case a.Action == "": // the log's 批准人 signed the last step
			last := r.Chain[len(r.Chain)-1]
			a.Role, a.Action = last.Role, last.Action
		case a.Role == "" && i < len(r.Chain):
			a.Role = r.Chain[i].Role
		}
		if a.On.IsZero() {
			a.On = firstDate(r.UsedOn, r.RequestedOn)
		}
	}
	return nil
}

// ImportItems imports supervision items; an item with a 办结日期 is done.
func (k *Desk) ImportItems(ctx context.Context, rows []ImportRow[Item], opt ImportOptions) (ImportResult, error) {
	return runImport(ctx, k, importer[Item]{
		entity:  EntityItem,
		prepare: prepareItem,
		keys:    func(*Item) []dupKey { return nil },
		check: func(_ Tx, it *Item) error {
			return inUse(ctx, it.Number, k.Store.ItemByNumber, func(old *Item) string {
				return fmt.Sprintf("督办编号%s已被“%s”使用", it.Number, old.Title)
			})
		},
		slots: func(it *Item) []slot {
			return []slot{{counter: fmt.Sprintf("item:%d", it.Year), n: it.Seq, what: "督办编号" + it.Number, lookedUp: true,
				set: func(n int) { it.Seq, it.Number = n, ItemNumber(it.Year, n) }}}
		},
		save:   func(tx Tx, its []*Item) error { return each(its, tx.SaveItem) },
		detail: func(it *Item) string { return strings.TrimSpace(it.Number + " " + it.Title) },
	}, rows, opt)
}

func prepareItem(it *Item) error {
	it.ID = 0
	if it.Status == "" {
		it.Status = ItemOpen
		if !it.DoneOn.IsZero() {
			it.Status = ItemDone
		}
	}
	if err := it.Validate(); err != nil {
		return err
	}
	if it.Status != ItemOpen && it.Status != ItemDone {
		return Errorf(EINVALID, "事项状态“%s”无法识别", it.Status)
	}
	if it.Status == ItemDone && it.DoneOn.IsZero() {
		return Errorf(EINVALID, "已办结的事项请填写办结日期")
	}
	if !it.DoneOn.IsZero() && it.DoneOn.Before(it.AssignedOn) {
		return Errorf(EINVALID, "办结日期（%s）不能早于交办日期（%s）", it.DoneOn, it.AssignedOn)
	}
	it.Year, it.Seq = it.AssignedOn.Year, 0
	if it.Number = strings.TrimSpace(it.Number); it.Number != "" {
		y, n, ok := ParseSerial(it.Number)
		if !ok {
			return Errorf(EINVALID, "督办编号“%s”无法识别，应为 %s 或序号", Excerpt(it.Number), ItemNumber(it.Year, 12))
		}
		if y != 0 {
			it.Year = y
		}
		it.Seq, it.Number = n, ItemNumber(it.Year, n)
	}
	return nil
}

// maxSerial bounds the numbers an import may give: a counter is advanced
// one step at a time up to the highest.
const maxSerial = 99999

var digitRuns = regexp.MustCompile(`[0-9]+`)

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
var errRollback = &Error{Code: "rollback", Message: "导入未写入任何数据"}

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
		return k.history(tx, b.entity, 0, "导入", detail)
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
		for at := next[c]; at < top; {
			var err error
			if at, err = tx.NextNumber(c); err != nil {
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
