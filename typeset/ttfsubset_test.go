package typeset

import (
	"bytes"
	"slices"
	"testing"
)

// The subset is a valid font with the glyphs and widths of its source.
func TestSubsetFont(t *testing.T) {
	src := bundled()["SerifRegular"]
	text := []rune("示例区人民政府喆堃镕玥，。“”《》ABCxyz0123〓")
	var gs []subsetGlyph
	for _, r := range text {
		gs = append(gs, subsetGlyph{uint16(r), src.sf.glyphIndex(r)})
	}
	gs = append(gs, subsetGlyph{0xE000, src.sf.glyphIndex('喆')}) // a stand-in code
	data := subsetFont(src.sf, gs, "TestSubset")
	sub, err := parseSFNT(data, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range append(text, 0xE000) {
		want := r
		if r == 0xE000 {
			want = '喆'
		}
		g, og := sub.glyphIndex(r), src.sf.glyphIndex(want)
		if g == 0 {
			t.Fatalf("%c missing from the subset", r)
		}
		if sub.advance(g)*src.sf.unitsPerEm != src.sf.advance(og)*sub.unitsPerEm {
			t.Errorf("%c: width %d, source %d", r, sub.advance(g), src.sf.advance(og))
		}
		// outlines are copied as they are, padded to four bytes
		if sg, og := sub.glyphData(g), src.sf.glyphData(og); !isComposite(og) && (!bytes.HasPrefix(sg, og) || len(sg)-len(og) > 3) {
			t.Errorf("%c: outline differs from the source", r)
		}
	}
	if sub.glyphIndex('国') != 0 {
		t.Error("the subset has a character nobody asked for")
	}
	if fams, _ := fontNames(sub.tables["name"]); !slices.Contains(fams, "TestSubset") {
		t.Errorf("names %v", fams)
	}
	if got := sfntChecksum(data); got != 0xB1B0AFBA {
		t.Errorf("file checksum %08X, want B1B0AFBA", got)
	}
}

func isComposite(g []byte) bool { return len(g) >= 10 && int16(be.Uint16(g)) < 0 }

// A composite glyph brings the glyphs it is made of, renumbered.
func TestSubsetCompositeGlyphs(t *testing.T) {
	for _, name := range []string{"SerifRegular", "SansRegular", "Kai", "SerifBold", "SansBold"} {
		src := bundled()[name]
		var comp rune
		for r := rune(0x20); r < 0xFFFF && comp == 0; r++ {
			if g := src.sf.glyphIndex(r); g != 0 && isComposite(src.sf.glyphData(g)) {
				comp = r
			}
		}
		if comp == 0 {
			continue
		}
		data := subsetFont(src.sf, []subsetGlyph{{uint16(comp), src.sf.glyphIndex(comp)}}, "Composite")
		sub, err := parseSFNT(data, 0)
		if err != nil {
			t.Fatal(err)
		}
		g := sub.glyphData(sub.glyphIndex(comp))
		n := 0
		forEachComponent(g, func(at int) {
			n++
			if part := be.Uint16(g[at:]); int(part) >= sub.numGlyphs || len(sub.glyphData(part)) == 0 && part != 0 {
				t.Errorf("%s %c: component %d missing", name, comp, part)
			}
		})
		if n == 0 || sub.numGlyphs < 2+1 {
			t.Errorf("%s %c: %d components, %d glyphs", name, comp, n, sub.numGlyphs)
		}
		return
	}
	t.Skip("no composite glyph in the bundled fonts")
}
