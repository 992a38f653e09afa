package data

import (
	"context"
	"crypto/sha256"
	"database/sql/driver"
	"encoding/hex"
	"fmt"
	"hash"
	"reflect"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"gongwen/app"
)

// Copy moves a whole office from one store to another (a file to a server
// the day the office moves, a server back to a file): every table of
// copyTables, read in one snapshot of src and written in one transaction of
// dst, which must be empty. Before the commit the written rows are read back
// and compared with what was read, table by table: the count and a SHA-256
// over a canonical encoding of every row in primary key order, computed
// the same way on both sides whatever the engine. Any error or difference
// rolls the whole copy back and leaves dst empty. The search index is not
// copied but rebuilt in dst.

// copyTable is one table a copy moves.
type copyTable struct {
	name  string
	label string // what the report calls it
	key   string // primary key: the order of the rows and of the checksum
	// keyField is the key's field in the row
	keyField string
	rows     func() any
}

func table[R interface{ TableName() string }](label, key string) copyTable {
	var r R
	field := strings.ToUpper(key[:1]) + key[1:]
	if key == "id" {
		field = "ID"
	}
	return copyTable{name: r.TableName(), label: label, key: key, keyField: field, rows: func() any { return &[]R{} }}
}

// Rows of the tables the books do not read through a model.
type counterRow struct {
	Name  string `gorm:"primaryKey"`
	Value int64
}

func (counterRow) TableName() string { return "counters" }

type settingsRow struct {
	ID   int64  `gorm:"primaryKey"`
	JSON string `gorm:"column:json"`
}

func (settingsRow) TableName() string { return "settings" }

type dayOverrideRow struct {
	Day  string `gorm:"primaryKey"`
	Work bool
	Name string
}

func (dayOverrideRow) TableName() string { return "day_overrides" }

type confirmedYearRow struct {
	Year int `gorm:"primaryKey;autoIncrement:false"`
}

func (confirmedYearRow) TableName() string { return "confirmed_years" }

// copyTables is every table of the schema but the search index (whose
// tables begin with "search_" and are rebuilt): a test fails when a
// migration adds a table that is not here.
var copyTables = []copyTable{
	table[settingsRow]("设置", "id"),
	table[counterRow]("编号计数器", "name"),
	table[dayOverrideRow]("节假日调整", "day"),
	table[confirmedYearRow]("已确认的节假日年份", "year"),
	table[unitRow]("单位", "id"),
	table[leaderRow]("领导", "id"),
	table[sealRow]("印章", "id"),
	table[documentRow]("公文", "id"),
	table[instructionRow]("公文批示", "id"),
	table[circulationRow]("公文传阅", "id"),
	table[reminderRow]("公文催办", "id"),
	table[reviewRow]("公文核稿", "id"),
	table[cosignRow]("公文会签", "id"),
	table[sealRequestRow]("用印申请", "id"),
	table[approvalRow]("用印审批", "id"),
	table[itemRow]("督查事项", "id"),
	table[stageRow]("督查事项阶段", "id"),
	table[progressRow]("督查事项进展", "id"),
	table[followUpRow]("督查事项回访", "id"),
	table[meetingRow]("会议", "id"),
	table[absenteeRow]("会议缺席", "id"),
	table[topicRow]("会议议题", "id"),
	table[decisionRow]("会议议定事项", "id"),
	table[absenceRow]("领导外出", "id"),
	table[absenceReportRow]("领导外出报告", "id"),
	table[standInRow]("代理", "id"),
	table[historyRow]("办理记录", "id"),
}

// derivedTable tells the tables a copy rebuilds rather than copies.
func derivedTable(name string) bool { return strings.HasPrefix(name, "search_") }

// CopyOptions choose what a copy leaves out.
type CopyOptions struct {
	// SkipClassified leaves out the documents with a 密级, their child
	// lists and history; links to them from other records are cleared.
	SkipClassified bool
}

// CopyReport is what a verified copy moved.
type CopyReport struct {
	Tables []CopiedTable
	// Skipped counts what SkipClassified left out.
	Skipped SkippedRecords
}

// CopiedTable is one table's verified count and checksum.
type CopiedTable struct {
	Name, Label string
	Rows        int
	Checksum    string // hex SHA-256, the same on both sides
}

// SkippedRecords are the classified documents a copy left out and what
// went with them.
type SkippedRecords struct {
	Documents, Children, History, Links int
}

// copyChunk is how many rows are read and written at a time (the tests
// make it small, so that their rows cross chunks).
var copyChunk = 500

// Copy copies the office in src into the empty store dst (see above).
func Copy(ctx context.Context, src, dst *Store, o CopyOptions) (*CopyReport, error) {
	if src == dst {
		return nil, app.Errorf(app.EINVALID, "复制的来源和目标是同一个数据库")
	}
	return view(src, ctx, func(sdb *gorm.DB) (*CopyReport, error) {
		f, err := newCopyFilter(sdb, o)
		if err != nil {
			return nil, err
		}
		report := &CopyReport{}
		defer dst.use(ctx)()
		err = dst.write(ctx, func(ddb *gorm.DB) error {
			if err := refuseNonEmpty(ddb); err != nil {
				return err
			}
			for _, t := range copyTables {
				copied, err := copyOne(sdb, ddb, t, f)
				if err != nil {
					return err
				}
				written, err := checksum(ddb, t, func(any) bool { return true })
				if err != nil {
					return err
				}
				if written != copied {
					return app.Errorf(app.EINTERNAL, "复制后核对“%s”不一致（读出%d条，写入后读回%d条，校验和不同），已撤销复制，目标数据库保持为空", t.label, copied.Rows, written.Rows)
				}
				report.Tables = append(report.Tables, written)
			}
			if err := dst.eng.reindex(ddb); err != nil {
				return err
			}
			if a, ok := dst.eng.(interface{ afterCopy(*gorm.DB) error }); ok {
				return a.afterCopy(ddb) // an engine's own state (a server's sequences)
			}
			return nil
		})
		report.Skipped = f.skipped
		return report, err
	})
}

// refuseNonEmpty refuses a target that holds anything.
func refuseNonEmpty(db *gorm.DB) error {
	var held []string
	for _, t := range copyTables {
		var n int64
		q := db.Table(t.name)
		if t.name == "counters" {
			q = q.Where("name <> ?", changeCounter)
		}
		if err := q.Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			held = append(held, fmt.Sprintf("%s%d条", t.label, n))
		}
	}
	if len(held) > 3 {
		held = append(held[:3], "等")
	}
	if len(held) > 0 {
		return app.Errorf(app.ECONFLICT, "目标数据库不是空的（已有%s），复制只能写入空的数据库；为免覆盖已有数据，没有写入任何内容", strings.Replace(strings.Join(held, "、"), "、等", "等", 1))
	}
	return nil
}

// copyOne copies one table chunk by chunk and returns the count and
// checksum of what it wrote.
func copyOne(sdb, ddb *gorm.DB, t copyTable, f *copyFilter) (CopiedTable, error) {
	sum := newTableSum(t)
	err := eachChunk(sdb, t, func(rows reflect.Value) error {
		kept := reflect.MakeSlice(rows.Type(), 0, rows.Len())
		for i := 0; i < rows.Len(); i++ {
			r := rows.Index(i)
			if !f.keep(r.Addr().Interface()) {
				continue
			}
			sum.add(r)
			kept = reflect.Append(kept, r)
		}
		if kept.Len() == 0 {
			return nil
		}
		p := reflect.New(kept.Type())
		p.Elem().Set(kept)
		return ddb.Table(t.name).Create(p.Interface()).Error
	})
	return sum.result(), err
}

// checksum reads a table and sums the rows keep accepts.
func checksum(db *gorm.DB, t copyTable, keep func(row any) bool) (CopiedTable, error) {
	sum := newTableSum(t)
	err := eachChunk(db, t, func(rows reflect.Value) error {
		for i := 0; i < rows.Len(); i++ {
			if r := rows.Index(i); keep(r.Addr().Interface()) {
				sum.add(r)
			}
		}
		return nil
	})
	return sum.result(), err
}

// eachChunk reads a table in primary key order, copyChunk rows at a time,
// each chunk from the last key of the one before (an OFFSET would read a
// large office's history again for every chunk).
func eachChunk(db *gorm.DB, t copyTable, fn func(rows reflect.Value) error) error {
	var last any
	for {
		p := t.rows()
		q := db.Table(t.name).Order(t.key).Limit(copyChunk)
		if last != nil {
			q = q.Where(t.key+" > ?", last)
		}
		if err := q.Find(p).Error; err != nil {
			return err
		}
		rows := reflect.ValueOf(p).Elem()
		if rows.Len() == 0 {
			return nil
		}
		last = rows.Index(rows.Len() - 1).FieldByName(t.keyField).Interface()
		if err := fn(rows); err != nil {
			return err
		}
		if rows.Len() < copyChunk {
			return nil
		}
	}
}

type tableSum struct {
	t CopiedTable
	h hash.Hash
}

func newTableSum(t copyTable) *tableSum {
	return &tableSum{t: CopiedTable{Name: t.name, Label: t.label}, h: sha256.New()}
}

func (s *tableSum) add(row reflect.Value) {
	s.t.Rows++
	s.h.Write(canonicalRow(row))
}

func (s *tableSum) result() CopiedTable {
	s.t.Checksum = hex.EncodeToString(s.h.Sum(nil))
	return s.t
}

// canonicalRow encodes a row so that the same record gives the same bytes
// on any engine: each field as name=value, values quoted, times in UTC to
// the microsecond (what a server keeps), lists as their stored JSON.
func canonicalRow(row reflect.Value) []byte {
	var b []byte
	typ := row.Type()
	for i := 0; i < row.NumField(); i++ {
		b = append(b, typ.Field(i).Name...)
		b = append(b, '=')
		b = appendValue(b, row.Field(i))
		b = append(b, '\x1f')
	}
	return append(b, '\x1e')
}

func appendValue(b []byte, v reflect.Value) []byte {
	switch x := v.Interface().(type) {
	case time.Time:
		return append(b, x.UTC().Truncate(time.Microsecond).Format("2006-01-02T15:04:05.000000Z")...)
	case driver.Valuer:
		dv, err := x.Value()
		if err != nil {
			return append(b, "!"+err.Error()...)
		}
		return strconv.AppendQuote(b, fmt.Sprint(dv))
	}
	switch v.Kind() {
	case reflect.String:
		return strconv.AppendQuote(b, v.String())
	case reflect.Bool:
		return strconv.AppendBool(b, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.AppendInt(b, v.Int(), 10)
	}
	return fmt.Appendf(b, "%v", v.Interface())
}

// copyFilter leaves out what a copy must not take: the classified
// documents with what belongs to them (SkipClassified), and the change
// counter, which is each store's own.
type copyFilter struct {
	classified map[int64]bool
	skipped    SkippedRecords
}

func newCopyFilter(db *gorm.DB, o CopyOptions) (*copyFilter, error) {
	f := &copyFilter{classified: map[int64]bool{}}
	if !o.SkipClassified {
		return f, nil
	}
	var rows []struct {
		ID      int64
		Secrecy string
	}
	if err := db.Raw("SELECT id, secrecy FROM documents").Scan(&rows).Error; err != nil {
		return nil, err
	}
	for _, r := range rows {
		if app.Secrecy(r.Secrecy).Classified() {
			f.classified[r.ID] = true
		}
	}
	return f, nil
}

// keep says whether a row is copied, clearing its links to documents left
// out.
func (f *copyFilter) keep(row any) bool {
	switch r := row.(type) {
	case *counterRow:
		return r.Name != changeCounter
	case *documentRow:
		if f.classified[r.ID] {
			f.skipped.Documents++
			return false
		}
		if f.classified[r.DuplicateOf] {
			r.DuplicateOf = 0
			f.skipped.Links++
		}
	case *historyRow:
		if r.Entity == string(app.EntityDocument) && f.classified[r.EntityID] {
			f.skipped.History++
			return false
		}
	case *itemRow:
		if f.classified[r.SourceDocID] {
			r.SourceDocID = 0
			f.skipped.Links++
		}
	case *instructionRow, *circulationRow, *reminderRow, *reviewRow, *cosignRow:
		if f.classified[r.(interface{ parent() int64 }).parent()] {
			f.skipped.Children++
			return false
		}
	}
	return true
}
