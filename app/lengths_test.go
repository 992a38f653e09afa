package app

import (
	"strings"
	"testing"
)

// TestTextLimits: every book refuses a text longer than its field's limit,
// names the field, counts, and does not repeat the text; a text at the
// limit is accepted.
func TestTextLimits(t *testing.T) {
	long := func(n int) string { return strings.Repeat("长", n) }
	meeting := func() *Meeting { return &Meeting{Kind: MeetingMayor, Date: MustDate("2026-11-05"), Chair: "王建国"} }
	for _, c := range []struct {
		field    string
		limit    int
		validate func(string) error
	}{
		{"来文单位", 100, func(s string) error { d := newIncoming(); d.FromUnit = s; return d.ValidateNew() }},
		{"文件标题", 200, func(s string) error { d := newIncoming(); d.Title = s; return d.ValidateNew() }},
		{"文号", 50, func(s string) error { d := newIncoming(); d.DocNo = s; return d.ValidateNew() }},
		{"备注", 2000, func(s string) error { d := newIncoming(); d.Remarks = s; return d.ValidateNew() }},
		{"批示内容", 5000, func(s string) error {
			d := newIncoming()
			d.Instructions = []Instruction{{Leader: "王区长", Text: s}}
			return d.ValidateNew()
		}},
		{"协办单位", 100, func(s string) error {
			d := newIncoming()
			d.CoUnits = []string{"区财政局", s}
			return d.ValidateNew()
		}},
		{"用印单位", 100, func(s string) error { r := newSealRequest(); r.Unit = s; return r.Validate() }},
		{"联系人", 50, func(s string) error { r := newSealRequest(); r.Contact = s; return r.Validate() }},
		{"督办内容", 5000, func(s string) error { it := newItem(); it.Content = s; return it.Validate() }},
		{"责任人", 50, func(s string) error { it := newItem(); it.Responsible = s; return it.Validate() }},
		{"会议地点", 100, func(s string) error { m := meeting(); m.Place = s; return m.Validate() }},
		{"议定事项", 5000, func(s string) error { m := meeting(); m.Decisions = []Decision{{Content: s}}; return m.Validate() }},
	} {
		if err := c.validate(long(c.limit)); err != nil {
			t.Errorf("%s of %d characters refused: %v", c.field, c.limit, err)
		}
		err := c.validate(long(c.limit + 1))
		wantCode(t, err, EINVALID, c.field)
		if msg := ErrorMessage(err); !strings.HasPrefix(msg, c.field+"不能超过") || strings.Contains(msg, long(10)) {
			t.Errorf("%s: message %q", c.field, msg)
		}
	}
	// the campaign's 来文单位 of 3.5 million characters
	d := newIncoming()
	d.FromUnit = long(3_500_000)
	if msg := ErrorMessage(d.ValidateNew()); msg != "来文单位不能超过100个字（现有3500000个字）" {
		t.Errorf("message %q", msg)
	}
}

func TestExcerpt(t *testing.T) {
	for in, want := range map[string]string{
		"  区财政局 ":               "区财政局",
		strings.Repeat("长", 30): strings.Repeat("长", 30),
		strings.Repeat("长", 31): strings.Repeat("长", 30) + "…",
		"\x1b[31m红字\x1b[0m":     "[31m红字[0m",
		"a\x07b\rc\u202ed":      "abcd",
	} {
		if got := Excerpt(in); got != want {
			t.Errorf("Excerpt(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Excerpt(strings.Repeat("x", 5<<20)); len(got) > 40 {
		t.Errorf("a 5 MB value is echoed as %d bytes", len(got))
	}
}
