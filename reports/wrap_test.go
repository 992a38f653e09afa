package reports

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"gongwen/textbreak"
)

// widths for the tests: Chinese characters 1, everything else ½.
func testWidth(r rune) float64 {
	if r < 0x80 {
		return 0.5
	}
	return 1
}

func TestWrapRules(t *testing.T) {
	cases := []struct {
		text  string
		width float64
		want  []string
	}{
		// 。 may not start a line: 了 goes down with it
		{"一二三四五六七八九了。十", 10, []string{"一二三四五六七八九", "了。十"}},
		// （ may not end a line
		{"一二三四五六七八九（十）", 10, []string{"一二三四五六七八九", "（十）"}},
		// ” then 。 both closing: three characters go down
		{"一二三四五六七八“九”。", 10, []string{"一二三四五六七八", "“九”。"}},
		// a Latin word and a number stay whole
		{"请拨打0571-88886666联系", 8, []string{"请拨打", "0571-88886666联", "系"}},
		{"abc def ghi", 4, []string{"abc def", "ghi"}},
		// a space at the break does not hide an opening mark
		{"一二三《 四五", 4, []string{"一二三", "《 四五"}},
		// a word longer than the line is broken
		{"ABCDEFGHIJKLMNOPQRST", 5, []string{"ABCDEFGHIJ", "KLMNOPQRST"}},
		// paragraphs and empty lines
		{"甲\n\n乙", 5, []string{"甲", "", "乙"}},
	}
	for _, c := range cases {
		got := textbreak.Lines(c.text, c.width, 0, testWidth)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("wrap(%q, %v) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
	// the first line is narrower by the indent; a negative indent hangs
	if got := textbreak.Lines("一二三四五六", 4, 2, testWidth); strings.Join(got, "|") != "一二|三四五六" {
		t.Errorf("indent: %q", got)
	}
	if got := textbreak.Lines("一二三四五六", 2, -2, testWidth); strings.Join(got, "|") != "一二三四|五六" {
		t.Errorf("hang: %q", got)
	}
}

// Over random text: no character is lost, no line is too wide, no line
// starts with closing or ends with opening punctuation.
func TestWrapRandom(t *testing.T) {
	alphabet := []rune("的一是在不了有和人这中大为上个国我以要他，。、；：？！）》」』”’（《「『“‘abc123 —…")
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 2000; n++ {
		var b strings.Builder
		for i := rng.IntN(80); i >= 0; i-- {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		text := b.String()
		width := float64(3 + rng.IntN(15))
		lines := textbreak.Lines(text, width, 0, testWidth)
		if squeeze(strings.Join(lines, "")) != squeeze(text) {
			t.Fatalf("characters lost: %q → %q", text, lines)
		}
		for i, ln := range lines {
			w := 0.0
			for _, r := range ln {
				w += testWidth(r)
			}
			first, _ := utf8.DecodeRuneInString(ln)
			last, _ := utf8.DecodeLastRuneInString(ln)
			// hanging punctuation (and the spaces before it) may pass the end
			for ln != "" && w > width+0.01 {
				r, _ := utf8.DecodeLastRuneInString(ln)
				if !textbreak.NoLineStart(r) && r != ' ' {
					break
				}
				w -= testWidth(r)
				ln = ln[:len(ln)-utf8.RuneLen(r)]
			}
			if w > width+0.01 && !strings.Contains(ln, "abc") && !strings.Contains(ln, "123") {
				t.Errorf("line %q of %q wider than %v", ln, text, width)
			}
			// a rule may give way only where a line is all punctuation
			if i > 0 && textbreak.NoLineStart(first) && !allPunct(lines[i-1]) {
				t.Errorf("line starts with %c: %q", first, lines)
			}
			if i < len(lines)-1 && textbreak.NoLineEnd(last) && !allPunct(ln) {
				t.Errorf("line ends with %c: %q (%q, %v)", last, lines, text, width)
			}
		}
	}
}

func allPunct(s string) bool {
	for _, r := range s {
		if !textbreak.NoLineStart(r) && !textbreak.NoLineEnd(r) && r != ' ' {
			return false
		}
	}
	return true
}
