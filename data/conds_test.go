package data

import (
	"slices"
	"testing"

	"gongwen/app"
)

// bookOnly keeps the conditions that pick the book (收文 or 发文) and drops
// the filter's, which is how the plan counts a book's records.
func TestBookOnly(t *testing.T) {
	c := documentConds(app.DocumentFilter{Direction: app.Incoming, Year: 2024, Unit: "财政", Text: "安全"})
	book := c.bookOnly()
	if !slices.Equal(book.where, []string{"direction = ?"}) || !slices.Equal(book.args, []any{"in"}) || book.match != nil {
		t.Errorf("bookOnly of 收文 2024 财政 安全: %q %v", book.where, book.args)
	}
	if all := documentConds(app.DocumentFilter{Year: 2024}).bookOnly(); len(all.where) != 0 {
		t.Errorf("both books: %q", all.where)
	}
	defer func() {
		if recover() == nil {
			t.Error("scope after another condition did not panic")
		}
	}()
	var late conds
	late.add("year = ?", 2024)
	late.scope("direction", "in")
}
