package textbreak

import (
	"strings"
	"testing"
)

// widths for the tests: Chinese characters 1, everything else ½.
func width(r rune) float64 {
	if r < 0x80 {
		return 0.5
	}
	return 1
}

func TestTokens(t *testing.T) {
	for text, want := range map[string][]string{
		"用印日期2026-09-03经办":        {"2026-09-03"},
		"示府办发〔2026〕12号文":          {"〔2026〕12号"},
		"于2026年12月15日前报送":         {"2026年12月15日"},
		"10月23日前":                 {"10月23日"},
		"Z109-WS·2026-Y-BGS-0001": {"Z109-WS·2026-Y-BGS-0001"},
		"约1.2亿元（含3.5km）":          {"1.2", "3.5km"},
		"2026年度工作":                {"2026年"},
	} {
		rs := []rune(text)
		var got []string
		for i := 0; i < len(rs); i++ {
			if end := TokenEnd(rs, i); end > i {
				got = append(got, string(rs[i:end]))
				i = end - 1
			}
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("tokens of %q: %q, want %q", text, got, want)
		}
	}
}

func TestLines(t *testing.T) {
	cases := []struct {
		text  string
		width float64
		want  []string
	}{
		// a date, a 文号 and a number go down whole
		{"用印日期为2026-12-15", 8, []string{"用印日期为", "2026-12-15"}},
		{"依据示府发〔2026〕12号文件", 9, []string{"依据", "示府发〔2026〕12号", "文件"}},
		// a 文号's 机关代字 (its last three characters) stays with 〔year〕
		{"原文号示府发〔2026〕5号", 9, []string{"原文号", "示府发〔2026〕5号"}},
		{"原文号示府发〔2026〕5号", 10, []string{"原文号", "示府发〔2026〕5号"}},
		{"见示府办发〔2026〕5号", 10, []string{"见示", "府办发〔2026〕5号"}},
		{"请于2026年12月15日前报送", 8, []string{"请于", "2026年12月15日前", "报送"}},
		// 禁则: a comma never starts a line, an opening mark never ends one
		{"拟同意，同意。", 3, []string{"拟同", "意，同", "意。"}},
		{"一二（三）", 3, []string{"一二", "（三）"}},
		// a token wider than the line breaks after a joining mark
		{"Z109-WS·2026-Y-BGS-0001", 8, []string{"Z109-WS·2026-Y-", "BGS-0001"}},
		{"2026年12月15日", 4, []string{"2026年", "12月15日"}},
		// no paragraph ends in a lone character
		{"示例区人民政府办公室印章", 11, []string{"示例区人民政府办公室", "印章"}},
		{"示例区人民政府办公室印章", 6, []string{"示例区人民政", "府办公室印章"}},
		{"一二三四五六七八九。十", 10, []string{"一二三四五六七八", "九。十"}},
	}
	for _, c := range cases {
		got := Lines(c.text, c.width, 0, width)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Lines(%q, %v) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}

// A list of names breaks after 、 or before （, never inside a name with
// its post (the space between them included).
func TestNameLines(t *testing.T) {
	text := "区审计局局长 皇甫琳、区财政局局长 司马青、王区长（出差）"
	for w, want := range map[float64][]string{
		11: {"区审计局局长 皇甫琳、", "区财政局局长 司马青、", "王区长（出差）"},
		24: {"区审计局局长 皇甫琳、区财政局局长 司马青、王区长", "（出差）"},
	} {
		if got := NameLines(text, w, width); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("NameLines(%v) = %q, want %q", w, got, want)
		}
	}
}
