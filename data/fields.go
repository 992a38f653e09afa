package data

import (
	"reflect"
	"sync"

	"gongwen/app"
)

// A record's fields and its row's columns of the same name are copied by
// these, so that a new field is written in the schema, the row and the
// domain, not in the mappings between them too. A field of the record
// fills the column named prefix+field (Archive.Fonds → ArchiveFonds) when
// their kinds agree: a named string type and string, app.Date and its TEXT,
// []T and jsonList[T], the same number, bool or time. Whatever else a row
// holds (derived sort keys, nested lists) the book's toRow and domain set
// by hand; TestRoundTrip and TestFixturesFillEveryField check both.

// toRow fills the columns of row (a pointer) from rec (a pointer).
func toRow(row, rec any, prefix string) { copyFields(row, rec, prefix, true) }

// fromRow fills the fields of rec (a pointer) from row (a pointer).
func fromRow(rec, row any, prefix string) { copyFields(rec, row, prefix, false) }

type fieldsKey struct {
	dst, src reflect.Type
	prefix   string
	toRow    bool
}

// fieldCopy copies one field: from src's field to dst's field.
type fieldCopy struct {
	from, to int
	copy     func(dst, src reflect.Value)
}

var fieldPlans sync.Map // fieldsKey → []fieldCopy

func copyFields(dst, src any, prefix string, toRow bool) {
	d, s := reflect.ValueOf(dst).Elem(), reflect.ValueOf(src).Elem()
	key := fieldsKey{d.Type(), s.Type(), prefix, toRow}
	plan, ok := fieldPlans.Load(key)
	if !ok {
		plan, _ = fieldPlans.LoadOrStore(key, planFields(key))
	}
	for _, c := range plan.([]fieldCopy) {
		c.copy(d.Field(c.to), s.Field(c.from))
	}
}

var dateType = reflect.TypeOf(app.Date{})

// planFields pairs the fields of the record with the row's columns named
// after them.
func planFields(k fieldsKey) []fieldCopy {
	rec, row := k.src, k.dst
	if !k.toRow {
		rec, row = k.dst, k.src
	}
	var plan []fieldCopy
	for i := range rec.NumField() {
		rf := rec.Field(i)
		cf, ok := row.FieldByName(k.prefix + rf.Name)
		if !ok || len(cf.Index) != 1 || !rf.IsExported() {
			continue
		}
		c := fieldCopy{from: i, to: cf.Index[0]}
		if !k.toRow {
			c.from, c.to = c.to, c.from
		}
		c.copy = copier(rf.Type, cf.Type, k.toRow)
		if c.copy == nil {
			continue
		}
		plan = append(plan, c)
	}
	return plan
}

// copier copies a record's field of type field to its column of type
// column (toRow) or back; nil when their kinds do not agree. Each kind is
// set without converting through an interface, which would allocate.
func copier(field, column reflect.Type, toRow bool) func(dst, src reflect.Value) {
	switch {
	case field == dateType && column.Kind() == reflect.String && toRow:
		return func(d, s reflect.Value) { d.SetString(dateText(*s.Addr().Interface().(*app.Date))) }
	case field == dateType && column.Kind() == reflect.String:
		return func(d, s reflect.Value) { *d.Addr().Interface().(*app.Date) = dateOf(s.String()) }
	case field.Kind() != column.Kind():
		return nil
	}
	switch field.Kind() {
	case reflect.String:
		return func(d, s reflect.Value) { d.SetString(s.String()) }
	case reflect.Int, reflect.Int64:
		return func(d, s reflect.Value) { d.SetInt(s.Int()) }
	case reflect.Bool:
		return func(d, s reflect.Value) { d.SetBool(s.Bool()) }
	}
	to := column
	if !toRow {
		to = field
	}
	if field.ConvertibleTo(column) { // []T and jsonList[T]; time.Time
		return func(d, s reflect.Value) { d.Set(s.Convert(to)) }
	}
	return nil
}
