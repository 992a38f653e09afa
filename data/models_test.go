package data

import (
	"reflect"
	"slices"
	"sync"
	"testing"

	"gorm.io/gorm/schema"
)

// rowModels are every GORM row of the store.
var rowModels = []any{
	documentRow{}, instructionRow{}, circulationRow{}, reminderRow{}, reviewRow{},
	sealRequestRow{}, approvalRow{}, itemRow{}, stageRow{}, progressRow{}, followUpRow{},
	meetingRow{}, absenteeRow{}, topicRow{}, decisionRow{}, historyRow{}, unitRow{}, leaderRow{}, sealRow{},
}

// The columns GORM derives from each row (models.go) are the columns the
// migrations made (sqlite_schema.go): the two places a column is written agree.
func TestModelsMatchTheSchema(t *testing.T) {
	s := newStore(t)
	for _, m := range rowModels {
		sch, err := schema.Parse(m, &sync.Map{}, s.db.NamingStrategy)
		must(t, err)
		model := slices.Clone(sch.DBNames)
		var table []string
		rows, err := s.sql.Query("SELECT name FROM pragma_table_info(?)", sch.Table)
		must(t, err)
		for rows.Next() {
			var name string
			must(t, rows.Scan(&name))
			table = append(table, name)
		}
		must(t, rows.Err())
		rows.Close()
		slices.Sort(model)
		slices.Sort(table)
		if !slices.Equal(model, table) {
			t.Errorf("%s: the model has columns %v, the schema %v", sch.Table, model, table)
		}
	}
}

// The round-trip fixtures fill every field of the books' records (a field
// empty in one fixture is filled in another of its kind), so that
// TestRoundTrip fails when a field is left out of the mapping to a row
// (documentToRow and the others) or back (domain).
func TestFixturesFillEveryField(t *testing.T) {
	for name, fixtures := range map[string][]any{
		"document":     {incoming(), outgoing()},
		"seal request": {sealRequest()},
		"item":         {item()},
		"meeting":      {meeting()},
	} {
		typ := reflect.TypeOf(fixtures[0])
		for i := range typ.NumField() {
			f := typ.Field(i)
			filled := f.Name == "ID" // given by the store
			for _, fx := range fixtures {
				filled = filled || !reflect.ValueOf(fx).Field(i).IsZero()
			}
			if !filled {
				t.Errorf("no %s fixture fills %s: the round trip does not check it", name, f.Name)
			}
		}
	}
}
