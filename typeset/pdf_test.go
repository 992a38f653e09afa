package typeset

import "testing"

// gofpdf's work on a font grows with the cube of its longest run of
// consecutive codes: however long the runs of a document, no font handed
// to gofpdf has one longer than maxRun, and every glyph is in one font.
func TestSplitRunsKeepsRunsShort(t *testing.T) {
	used := map[uint16]uint16{}
	for c := uint16(0x4E00); c < 0x4E00+2000; c++ {
		used[c] = c - 0x4E00 + 1
	}
	for c := uint16(0x3000); c < 0x3010; c++ { // a short run stays whole
		used[c] = c
	}
	parts, partOf := splitRuns(used)
	if len(parts) != 2 {
		t.Fatalf("%d fonts, want 2", len(parts))
	}
	seen := map[uint16]bool{}
	for p, glyphs := range parts {
		run, longest := 0, 0
		for i, g := range glyphs {
			if seen[g.code] || partOf[g.code] != p || used[g.code] != g.gid {
				t.Fatalf("code %04X: twice, or in the wrong font, or the wrong glyph", g.code)
			}
			seen[g.code] = true
			if i > 0 && g.code == glyphs[i-1].code+1 {
				run++
			} else {
				run = 1
			}
			longest = max(longest, run)
		}
		if longest > maxRun {
			t.Errorf("font %d has a run of %d consecutive codes, more than %d", p, longest, maxRun)
		}
	}
	if len(seen) != len(used) {
		t.Errorf("%d of %d glyphs placed", len(seen), len(used))
	}
	if partOf[0x3000] != partOf[0x300F] {
		t.Error("a short run was split")
	}
}
