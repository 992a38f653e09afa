package resources

import (
	"testing"

	"golang.org/x/image/font/sfnt"
)

// cover reports the first rune of rs the font has no glyph for.
func firstMissing(t *testing.T, data []byte, rs func(yield func(rune) bool)) (rune, bool) {
	t.Helper()
	f, err := sfnt.Parse(data)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	var buf sfnt.Buffer
	for r := range rs {
		if gi, err := f.GlyphIndex(&buf, r); err != nil || gi == 0 {
			return r, true
		}
	}
	return 0, false
}

func span(lo, hi rune) func(func(rune) bool) {
	return func(yield func(rune) bool) {
		for r := lo; r <= hi; r++ {
			if !yield(r) {
				return
			}
		}
	}
}

func runes(s string) func(func(rune) bool) {
	return func(yield func(rune) bool) {
		for _, r := range s {
			if !yield(r) {
				return
			}
		}
	}
}

// The punctuation of 公文 and the 档号's middle dot.
const punctuation = "，。、；：？！“”‘’（）《》〔〕【】—…·～「」『』〈〉￥％＋－×÷"

func TestBundledFontsCoverChinese(t *testing.T) {
	full := map[string][]byte{"SerifRegular": SerifRegular, "SansRegular": SansRegular, "SansBold": SansBold}
	for name, data := range full {
		for _, set := range []func(func(rune) bool){span(0x20, 0x7E), span(0x4E00, 0x9FA5), runes(punctuation)} {
			if r, missing := firstMissing(t, data, set); missing {
				t.Errorf("%s lacks %q (U+%04X)", name, r, r)
			}
		}
	}
	// The title and 楷体 faces keep GB 2312; check a line of everyday and
	// official words, and the punctuation.
	common := "示例区人民政府办公室关于做好年终岁末安全生产工作的通知会议纪要督查通报领导批示请阅办理" + punctuation
	for name, data := range map[string][]byte{"SerifBold": SerifBold, "Kai": Kai, "UIBold": UIBold} {
		if r, missing := firstMissing(t, data, runes(common)); missing {
			t.Errorf("%s lacks %q", name, r)
		}
	}
}
