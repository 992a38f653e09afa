package data

import (
	"cmp"
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"gongwen/app"
)

// docBook stores both books of documents, 收文 and 发文.
var docBook = &book[app.Document, documentRow, *documentRow]{
	entity:   app.EntityDocument,
	toRow:    documentToRow,
	fill:     fillDocuments,
	children: saveDocumentChildren,
	search:   documentEntry,
	meta: func(d *app.Document) (*int64, *time.Time, *time.Time) {
		return &d.ID, &d.CreatedAt, &d.UpdatedAt
	},
	version: func(d *app.Document) *int { return &d.Version },
	missing: func(id int64) *app.Error {
		return notFound("这份公文（内部编号%d），可能已被删除", id)
	},
	sorts: map[string]string{
		"serial":      "year %[1]s, serial_num %[1]s",
		"received_on": "book_on %[1]s",
		"due_on":      "due_on = '', due_on %[1]s", // no due date last
		"title":       "title %[1]s",
		"from_unit":   "from_unit %[1]s",
		"status":      "status %[1]s, year %[1]s, serial_num %[1]s", // newest first within a status
	},
	// no due date last in this order too, written as index documents_dated
	// reads it backwards
	descending: map[string]string{"due_on": "due_on <> '' DESC, due_on DESC"},
	newest:     "book_on DESC, id DESC",
}

func documentToRow(d *app.Document) documentRow {
	var r documentRow
	toRow(&r, d, "")
	toRow(&r, &d.Archive, "Archive")
	toRow(&r, &d.LegalReview, "LegalReview")
	book := d.ReceivedOn
	if d.Direction == app.Outgoing {
		book = d.DraftedOn
	}
	r.SerialNum, r.DocNoKey, r.BookOn = serialNum(d), app.NormalizeDocNo(d.DocNo), dateText(book)
	return r
}

// serialNum is the number inside a 收文编号 (2026-0012 → 12) or a 发文字号
// (西府办发〔2026〕12号 → 12), so that serials sort as numbers.
func serialNum(d *app.Document) int {
	if d.Direction == app.Incoming {
		_, n, _ := strings.Cut(d.Serial, "-")
		v, _ := strconv.Atoi(n)
		return v
	}
	if no, err := app.ParseDocNo(d.Serial); err == nil {
		return no.Serial
	}
	return 0
}

func (r *documentRow) domain() app.Document {
	var d app.Document
	fromRow(&d, r, "")
	fromRow(&d.Archive, r, "Archive")
	fromRow(&d.LegalReview, r, "LegalReview")
	return d
}

func fillDocuments(db *gorm.DB, rows []documentRow) ([]app.Document, error) {
	ids := keys(rows)
	var err error
	ins := children[instructionRow](db, "doc_id", ids, &err)
	circ := children[circulationRow](db, "doc_id", ids, &err)
	rem := children[reminderRow](db, "doc_id", ids, &err)
	rev := children[reviewRow](db, "doc_id", ids, &err)
	cos := children[cosignRow](db, "doc_id", ids, &err)
	if err != nil {
		return nil, err
	}
	out := make([]app.Document, len(rows))
	for i := range rows {
		d := rows[i].domain()
		d.Instructions = convert(ins[d.ID], func(_ int, r instructionRow) app.Instruction {
			return app.Instruction{Leader: r.Leader, Role: app.Role(r.Role), Text: r.Text, On: dateOf(r.OnDate)}
		})
		d.Circulations = convert(circ[d.ID], func(_ int, r circulationRow) app.Circulation {
			return app.Circulation{Seq: r.Seq, Reader: r.Reader, SentOn: dateOf(r.SentOn), ReturnedOn: dateOf(r.ReturnedOn), Comment: r.Comment}
		})
		d.Reminders = convert(rem[d.ID], func(_ int, r reminderRow) app.Reminder {
			return app.Reminder{On: dateOf(r.OnDate), Text: r.Text, Operator: r.Operator}
		})
		d.Reviews = convert(rev[d.ID], func(_ int, r reviewRow) app.Review {
			return app.Review{Leader: r.Leader, Role: app.Role(r.Role), On: dateOf(r.OnDate), Opinion: r.Opinion, For: r.For}
		})
		d.Cosigns = convert(cos[d.ID], func(_ int, r cosignRow) app.Cosign {
			return app.Cosign{Party: r.Party, SentOn: dateOf(r.SentOn), DueOn: dateOf(r.DueOn), RepliedOn: dateOf(r.RepliedOn), Reply: r.Reply}
		})
		out[i] = d
	}
	return out, nil
}

func saveDocumentChildren(db *gorm.DB, id int64, d *app.Document) error {
	return firstErr(
		func() error {
			return replaceChildren(db, "doc_id", id, convert(d.Instructions, func(i int, in app.Instruction) instructionRow {
				return instructionRow{DocID: id, Pos: i, Leader: in.Leader, Role: string(in.Role), Text: in.Text, OnDate: dateText(in.On)}
			}))
		},
		func() error {
			return replaceChildren(db, "doc_id", id, convert(d.Circulations, func(i int, c app.Circulation) circulationRow {
				return circulationRow{DocID: id, Pos: i, Seq: c.Seq, Reader: c.Reader, SentOn: dateText(c.SentOn), ReturnedOn: dateText(c.ReturnedOn), Comment: c.Comment}
			}))
		},
		func() error {
			return replaceChildren(db, "doc_id", id, convert(d.Reminders, func(i int, r app.Reminder) reminderRow {
				return reminderRow{DocID: id, Pos: i, OnDate: dateText(r.On), Text: r.Text, Operator: r.Operator}
			}))
		},
		func() error {
			return replaceChildren(db, "doc_id", id, convert(d.Reviews, func(i int, r app.Review) reviewRow {
				return reviewRow{DocID: id, Pos: i, Leader: r.Leader, Role: string(r.Role), OnDate: dateText(r.On), Opinion: r.Opinion, For: r.For}
			}))
		},
		func() error {
			return replaceChildren(db, "doc_id", id, convert(d.Cosigns, func(i int, c app.Cosign) cosignRow {
				return cosignRow{DocID: id, Pos: i, Party: c.Party, SentOn: dateText(c.SentOn), DueOn: dateText(c.DueOn), RepliedOn: dateText(c.RepliedOn), Reply: c.Reply}
			}))
		},
	)
}

// documentEntry is a document's search entry: numbers, title, units and
// every text a secretary copied onto it.
func documentEntry(d *app.Document) searchEntry {
	date := d.ReceivedOn
	if d.Direction == app.Outgoing {
		date = d.DraftedOn
	}
	fields := []string{d.Serial, d.DocNo, d.Title, d.FromUnit, d.LeadUnit, d.DraftUnit, d.Drafter,
		d.MainTo, d.CopyTo, d.TransferTo, d.Attachments, d.Proposal, d.Result, d.Remarks, d.ReturnReason, d.Archive.Number()}
	fields = append(fields, d.CoUnits...)
	fields = append(fields, d.Countersign...)
	for _, in := range d.Instructions {
		fields = append(fields, in.Leader, in.Text)
	}
	return searchEntry{Number: d.Serial, Title: d.Title, Status: d.Status.Label(), Date: date, Fields: fields, Book: string(d.Direction)}
}

// unitColumns are the units the 单位 filter looks at in each book: a 收文
// has no 起草单位 and a 发文 no 来文单位, and each column costs a read of the
// unit index (documents_unit).
var unitColumns = map[app.Direction][]string{
	app.Incoming: {"from_unit", "lead_unit"},
	app.Outgoing: {"draft_unit", "lead_unit"},
	"":           {"from_unit", "lead_unit", "draft_unit"},
}

func documentConds(f app.DocumentFilter) conds {
	var c conds
	c.scope("direction", string(f.Direction))
	switch {
	case f.Year == 0:
	case f.Direction == app.Incoming:
		// every 收文 has a year (its 收文编号's, from registration): the
		// year index then holds all the filter needs
		c.add("year = ?", f.Year)
	default:
		// a draft has no serial year yet: it counts in the year it was
		// drafted. Written as IN so that the year indexes serve it.
		c.add("year IN (?, 0) AND (year <> 0 OR book_on LIKE ?)", f.Year, fmt.Sprintf("%04d-%%", f.Year))
	}
	oneOf(&c, "status", f.Statuses)
	eq(&c, "urgency", string(f.Urgency))
	eq(&c, "secrecy", string(f.Secrecy))
	units, ok := unitColumns[f.Direction]
	if !ok {
		units = unitColumns[""]
	}
	c.contains(f.Unit, units...)
	c.between("book_on", f.From, f.To)
	c.text(app.EntityDocument, cmp.Or(string(f.Direction), string(app.EntityDocument)), f.Text)
	if !f.DueBefore.IsZero() {
		c.add("status = ? AND due_on <> '' AND due_on < ?", string(app.StatusAssigned), dateText(f.DueBefore))
	}
	if !f.DueFrom.IsZero() || !f.DueTo.IsZero() {
		c.add("status = ?", string(app.StatusAssigned))
		c.between("due_on", f.DueFrom, f.DueTo)
	}
	if f.Unreturned {
		c.add("id IN (SELECT doc_id FROM doc_circulations WHERE returned_on = '')")
		c.noIndex = true
	}
	eq(&c, "archive_year", f.ArchiveYear)
	return c
}

func (s *Store) Document(ctx context.Context, id int64) (*app.Document, error) {
	return view(s, ctx, func(db *gorm.DB) (*app.Document, error) { return docBook.get(db, id) })
}

// DocumentBySerial finds a document by its 收文编号 or 发文字号; a 文号
// written with other brackets or spaces is normalised first. Failing that,
// it finds the latest incoming document with that 来文字号.
func (s *Store) DocumentBySerial(ctx context.Context, serial string) (*app.Document, error) {
	return view(s, ctx, func(db *gorm.DB) (*app.Document, error) { return documentBySerial(db, serial) })
}

func (t *tx) DocumentBySerial(serial string) (*app.Document, error) {
	return documentBySerial(t.db, serial)
}

func documentBySerial(db *gorm.DB, serial string) (*app.Document, error) {
	serial = strings.TrimSpace(serial)
	no := app.NormalizeDocNo(serial)
	missing := notFound("文号为“%s”的公文", no)
	if incomingSerial.MatchString(serial) {
		missing = notFound("收文%s", serial)
	}
	if serial == "" {
		return nil, missing
	}
	if d, err := docBook.first(db, nil, "id", "serial IN ?", []string{serial, no}); d != nil || err != nil {
		return d, err
	}
	return docBook.first(db, missing, "id DESC", "direction = ? AND doc_no_key = ?", string(app.Incoming), no)
}

var incomingSerial = regexp.MustCompile(`^\d{4}-\d+$`)

func (s *Store) Documents(ctx context.Context, f app.DocumentFilter) ([]app.Document, int, error) {
	return viewList(s, ctx, func(db *gorm.DB) ([]app.Document, int, error) {
		return docBook.list(db, s.eng, documentConds(f), f.Sort, f.Desc, f.Page)
	})
}

func (t *tx) Documents(f app.DocumentFilter) ([]app.Document, int, error) {
	return docBook.list(t.db, t.eng, documentConds(f), f.Sort, f.Desc, f.Page)
}

func (t *tx) Document(id int64) (*app.Document, error) { return docBook.get(t.db, id) }

func (t *tx) SaveDocument(d *app.Document) error { return docBook.save(t.db, t.eng, d) }

func (t *tx) InsertDocuments(ds []*app.Document) error { return docBook.insertAll(t.db, t.eng, ds) }

// IncomingDuplicate finds the first incoming document from the same sender
// with the same normalised 文号, other than exceptID; nil when none.
func (t *tx) IncomingDuplicate(fromUnit, docNo string, exceptID int64) (*app.Document, error) {
	no := app.NormalizeDocNo(docNo)
	if no == "" {
		return nil, nil
	}
	return docBook.first(t.db, nil, "id", "direction = ? AND doc_no_key = ? AND from_unit = ? AND id <> ?",
		string(app.Incoming), no, strings.TrimSpace(fromUnit), exceptID)
}
