package app

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// DocNo is a 文号 such as 西府办发〔2020〕65号: the issuing body's code
// (机关代字), the year and a serial that is never zero-padded.
type DocNo struct {
	Code   string
	Year   int
	Serial int
}

// String is the normal form 代字〔年〕序号号 with full-width 〔〕.
func (n DocNo) String() string {
	if n.Code == "" && n.Year == 0 && n.Serial == 0 {
		return ""
	}
	return fmt.Sprintf("%s〔%d〕%d号", n.Code, n.Year, n.Serial)
}

// bracket pairs secretaries use instead of 〔〕.
var docNoOpen, docNoClose = "〔[【（(［{｛", "〕]】）)］}｝"

// ParseDocNo reads a 文号 written with 〔〕, [], 【】, （）, (), full-width
// digits or stray spaces, with or without the final 号.
func ParseDocNo(s string) (DocNo, error) {
	raw := s
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' {
			return -1
		}
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
	bad := Errorf(EINVALID, "文号“%s”格式不对，应为“代字〔年份〕序号号”，如 西府办发〔2026〕7号", Excerpt(raw))
	open := strings.IndexAny(s, docNoOpen)
	if open <= 0 {
		return DocNo{}, bad
	}
	rest := s[open:]
	_, w := firstRune(rest)
	rest = rest[w:]
	closeAt := strings.IndexAny(rest, docNoClose)
	if closeAt < 0 {
		return DocNo{}, bad
	}
	year, err := strconv.Atoi(rest[:closeAt])
	if err != nil || year < 1949 || year > 2200 {
		return DocNo{}, bad
	}
	_, w = firstRune(rest[closeAt:])
	tail := strings.TrimSuffix(rest[closeAt+w:], "号")
	serial, err := strconv.Atoi(tail)
	if err != nil || serial <= 0 {
		return DocNo{}, bad
	}
	return DocNo{Code: s[:open], Year: year, Serial: serial}, nil
}

// NormalizeDocNo returns the normal form of a 文号, or the trimmed input when
// it does not parse (some senders number their documents their own way).
func NormalizeDocNo(s string) string {
	if n, err := ParseDocNo(s); err == nil {
		return n.String()
	}
	return strings.TrimSpace(s)
}

func firstRune(s string) (rune, int) {
	for i, r := range s {
		if i == 0 {
			return r, len(string(r))
		}
	}
	return 0, 0
}
