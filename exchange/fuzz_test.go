package exchange

import (
	"strings"
	"testing"
	"unicode"

	"gongwen/app"
)

// The parsers that read what secretaries typed are fuzzed; their seed
// corpus is in testdata/fuzz. Run one with e.g.
//
//	go test -tags sqlite_fts5 -run '^$' -fuzz FuzzParseDate -fuzztime 60s ./exchange

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		year int
		want string // "" for an error
	}{
		{"2024-03-05", 0, "2024-03-05"}, {"2024/3/5", 0, "2024-03-05"}, {"2024.3.5", 0, "2024-03-05"},
		{"2024年3月5日", 0, "2024-03-05"}, {"20240305", 0, "2024-03-05"}, {"45356", 0, "2024-03-05"},
		{"45356.75", 0, "2024-03-05"}, {"２０２４－０３－０５", 0, "2024-03-05"}, {" 2024 年 3 月 5 日 ", 0, "2024-03-05"},
		{"2024-03-05 10:30:00", 0, "2024-03-05"}, {"2024/3/5 9:00", 0, "2024-03-05"}, {"2024-03-05T08:00:00Z", 0, "2024-03-05"},
		{"24.3.5", 0, "2024-03-05"}, {"3/5/2024", 0, "2024-03-05"}, {"3月5日", 2024, "2024-03-05"}, {"3.5", 2024, "2024-03-05"},
		{"3月5号", 2024, "2024-03-05"}, {"2024年3月5号", 0, "2024-03-05"},
		{"3月5日", 0, ""}, {"2024-02-30", 0, ""}, {"2023-02-29", 0, ""}, {"2024-13-01", 0, ""}, {"明天", 0, ""},
		{"5", 0, ""}, {"2024", 0, ""}, {"60", 0, ""}, {"1e5", 0, ""}, {"2024-3", 0, ""},
	} {
		d, err := ParseDate(c.in, c.year)
		if got := d.String(); got != c.want || (err == nil) != (c.want != "") {
			t.Errorf("ParseDate(%q, %d) = %q, %v; want %q", c.in, c.year, got, err, c.want)
		}
	}
	_, err := ParseDate("2024-02-30", 0)
	if app.ErrorMessage(err) != "日期“2024-02-30”不存在（2024年2月没有30日）" {
		t.Errorf("message: %v", err)
	}
	// the 1904 system of old Mac workbooks
	if d, _ := parseDate("43894", cellCtx{date1904: true}); d.String() != "2024-03-05" {
		t.Errorf("1904 serial: %s", d)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-03-05", "2024/3/5", "2024.3.5", "2024年3月5日", "20240305", "45356", "45356.5",
		"２０２４－０３－０５", "3月5日", "24.3.5", "3/5/2024", "2024-02-30", "2024-03-05 10:30", ""} {
		f.Add(s, 2024)
	}
	f.Fuzz(func(t *testing.T, s string, year int) {
		if year != 0 && (year < 1949 || year > 2200) {
			year = 0
		}
		d, err := ParseDate(s, year)
		if err != nil {
			if app.ErrorCode(err) != app.EINVALID || !strings.Contains(app.ErrorMessage(err), "日期") {
				t.Fatalf("ParseDate(%q): error %v", s, err)
			}
			return
		}
		if d.IsZero() {
			if strings.TrimSpace(app.NormalizeWidth(s)) != "" {
				t.Fatalf("ParseDate(%q) gave no date and no error", s)
			}
			return
		}
		if d.Year < 1900 || d.Year > 2200 || d != app.D(d.Year, d.Month, d.Day) {
			t.Fatalf("ParseDate(%q) = %v, not a valid date", s, d)
		}
		for _, again := range []string{d.String(), d.Compact(), d.Chinese()} {
			if e, err := ParseDate(again, 0); err != nil || e != d {
				t.Fatalf("ParseDate(%q) = %v, but %q reads as %v, %v", s, d, again, e, err)
			}
		}
		// the year only fills dates written without one
		if e, err := ParseDate(s, 0); err == nil && e != d {
			t.Fatalf("ParseDate(%q) is %v with year %d and %v without", s, d, year, e)
		}
	})
}

// FuzzParseDateAgreesWithApp: what app.ParseDate reads, a cell reads the
// same.
func FuzzParseDateAgreesWithApp(f *testing.F) {
	for _, s := range []string{"2024-03-05", "2024 3 5", "2024年3月5日", "20240305", "2024.03.5号", "0002024-3-5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := app.ParseDate(s)
		if err != nil || strings.ContainsAny(s, "+") {
			return
		}
		if _, err := inWindow(want, s); err != nil { // an import also refuses dates outside its window
			return
		}
		if got, err := ParseDate(s, 0); err != nil || got != want {
			t.Fatalf("app.ParseDate(%q) = %v, the cell reader gives %v, %v", s, want, got, err)
		}
	})
}

func TestParseDocNo(t *testing.T) {
	for in, want := range map[string]string{
		"市府办发[2024]12号": "市府办发〔2024〕12号", "市府办发【2024】12号": "市府办发〔2024〕12号", "市府办发(2024)12号": "市府办发〔2024〕12号",
		"市府办发〔２０２４〕１２号": "市府办发〔2024〕12号", " 市府办发 〔2024〕 12 ": "市府办发〔2024〕12号", "市府办\n发〔2024〕12号": "市府办发〔2024〕12号",
		"无": "", "/": "", "—": "", "第12号": "第12号", "国办函2024-3": "国办函2024-3",
	} {
		if got := ParseDocNo(in); got != want {
			t.Errorf("ParseDocNo(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzParseDocNo(f *testing.F) {
	for _, s := range []string{"市府办发[2024]12号", "市府办发【2024】12号", "示府办发〔２０２４〕１２号", "（2024）3号", "无", "国办函2024-3", "a(b)c[2024]5号"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := ParseDocNo(s)
		if again := ParseDocNo(got); again != got {
			t.Fatalf("ParseDocNo(%q) = %q, but that reads as %q", s, got, again)
		}
		if strings.ContainsAny(got, "\n\r") {
			t.Fatalf("ParseDocNo(%q) = %q keeps a line break", s, got)
		}
		if n, err := app.ParseDocNo(s); err == nil && !strings.ContainsAny(s, "\n\r\t") {
			if got != n.String() {
				t.Fatalf("ParseDocNo(%q) = %q, want %q", s, got, n.String())
			}
			if m, err := app.ParseDocNo(got); err != nil || m != n {
				t.Fatalf("%q reads as %+v, its normal form %q as %+v, %v", s, n, got, m, err)
			}
		}
	})
}

// TestHeaderNames: every name of every column is recognised, however it
// is decorated, and no name means two columns of one register.
func TestHeaderNames(t *testing.T) {
	check := func(book string, names [][]string, keys []string) {
		seen := map[string]string{}
		d := newDict(names, nil)
		for i, ns := range names {
			for _, n := range ns {
				if n == "" {
					continue
				}
				norm := NormalizeHeader(n)
				if other, ok := seen[norm]; ok && other != keys[i] {
					t.Errorf("%s: “%s” names both %s and %s", book, n, other, keys[i])
				}
				seen[norm] = keys[i]
				for _, deco := range []string{n, " " + n + "\n", "*" + n, n + "（必填）", n + "(份)", strings.Join(strings.Split(n, ""), " "), "【" + n + "】" + n} {
					if col, _, ok := d.match(deco); !ok || keys[col] != keys[i] {
						t.Errorf("%s: header %q is not recognised as %s", book, deco, keys[i])
					}
				}
			}
		}
	}
	for _, dir := range []app.Direction{app.Incoming, app.Outgoing, ""} {
		var names [][]string
		var keys []string
		for _, c := range docTable(dir).columns {
			names, keys = append(names, c.allNames()), append(keys, c.key)
		}
		if dir != "" { // the table of both books may give 日期 to either
			check("docs "+string(dir), names, keys)
		}
	}
	var names [][]string
	var keys []string
	for _, c := range sealColumns {
		names, keys = append(names, c.allNames()), append(keys, c.key)
	}
	check("seals", names, keys)
	names, keys = nil, nil
	for _, c := range itemColumns {
		names, keys = append(names, c.allNames()), append(keys, c.key)
	}
	check("supervision", names, keys)
}

func FuzzNormalizeHeader(f *testing.F) {
	for _, s := range []string{"收文\n编号", "来文单位（机关）", "*文件标题", "份  数(份)", "办理时限（工作日）", "ＡＢＣ", "【备注】", "收文/发文", "(", "）"} {
		f.Add(s)
	}
	d := dictOf(docTable("").columns, commonIgnored)
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeHeader(s)
		if again := NormalizeHeader(n); again != n {
			t.Fatalf("NormalizeHeader(%q) = %q, then %q", s, n, again)
		}
		if strings.IndexFunc(n, unicode.IsSpace) >= 0 || strings.ContainsAny(n, "*（）()：:") {
			t.Fatalf("NormalizeHeader(%q) = %q keeps a decoration", s, n)
		}
		c1, e1, ok1 := d.match(s)
		c2, e2, ok2 := d.match(n)
		if c1 != c2 || e1 != e2 || ok1 != ok2 {
			t.Fatalf("%q and its normal form %q are matched differently", s, n)
		}
	})
}
