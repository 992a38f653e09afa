package data

import (
	"bytes"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"time"

	"gongwen/app"
)

// jsonList stores a list that is never queried by its elements (co-units,
// attendees, a seal's chain) as a JSON array in one TEXT column.
type jsonList[T any] []T

func (jsonList[T]) GormDataType() string { return "text" }

func (l jsonList[T]) Value() (driver.Value, error) {
	if len(l) == 0 {
		return "[]", nil
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // keep unit names readable (and LIKE-able) in the column
	if err := enc.Encode([]T(l)); err != nil {
		return nil, err
	}
	return string(bytes.TrimSpace(b.Bytes())), nil
}

func (l *jsonList[T]) Scan(src any) error {
	var b []byte
	switch v := src.(type) {
	case nil:
		*l = nil
		return nil
	case string:
		b = []byte(v)
	case []byte:
		b = v
	default:
		return fmt.Errorf("jsonList: cannot scan %T", src)
	}
	var out []T
	if len(b) > 0 {
		if err := json.Unmarshal(b, &out); err != nil {
			return err
		}
	}
	if len(out) == 0 {
		out = nil // an empty list reads back as nil, as the domain builds it
	}
	*l = out
	return nil
}

// Dates are TEXT 'YYYY-MM-DD' (” for none): they sort and compare as text.
func dateText(d app.Date) string { return d.String() }

func dateOf(s string) app.Date {
	if s == "" {
		return app.Date{}
	}
	d, err := app.ParseDate(s)
	if err != nil {
		return app.Date{}
	}
	return d
}

// utc stores times in UTC without the monotonic reading; a zero time
// becomes now, so that every row says when it was written.
func utc(t time.Time) time.Time {
	if t.IsZero() {
		t = time.Now()
	}
	return t.UTC().Round(0)
}

// convert maps a list, keeping nil for an empty one.
func convert[A, B any](in []A, f func(int, A) B) []B {
	if len(in) == 0 {
		return nil
	}
	out := make([]B, len(in))
	for i, a := range in {
		out[i] = f(i, a)
	}
	return out
}
