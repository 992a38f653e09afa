package typeset

import (
	"slices"
)

// replacementMark stands on paper for a character no font has.
const replacementMark = '〓'

// glyphRef is how one character of a role is drawn.
type glyphRef struct {
	face   *face
	code   uint16  // the code in the face's subset: the character, or a private-use stand-in
	adv    float64 // advance width in em
	actual bool    // the PDF must carry the character as ActualText (stand-in or mark)
}

type styleKey struct {
	role FontRole
	bold bool
	r    rune
}

// shaper resolves the characters of one document to faces and records
// which glyphs each face must carry into the PDF.
type shaper struct {
	fonts    *Fonts
	cache    map[styleKey]glyphRef
	used     map[*face]map[uint16]uint16 // face → code → glyph of the source font
	order    []*face                     // faces in order of first use
	nextPUA  map[*face]uint16
	replaced []rune
}

func newShaper(f *Fonts) *shaper {
	return &shaper{fonts: f, cache: map[styleKey]glyphRef{}, used: map[*face]map[uint16]uint16{}, nextPUA: map[*face]uint16{}}
}

// ignorable characters have no width and no glyph: variation selectors,
// zero-width joiners and the byte-order mark. They are dropped.
func ignorable(r rune) bool {
	return (r >= 0xFE00 && r <= 0xFE0F) || (r >= 0xE0100 && r <= 0xE01EF) || (r >= 0x200B && r <= 0x200D) || r == 0xFEFF || r == 0x2060 ||
		(r < 0x20 && r != '\t') || (r >= 0x7F && r < 0xA0)
}

// resolve finds the face that draws r in the style, in the order of
// Fonts.chain: the role's font, the role's other installed fonts, the
// bundled fonts, installed fonts with rare characters. A
// character outside the BMP gets a private-use code in the face's subset,
// because gofpdf encodes 16-bit codes only; a character no face has is
// drawn as 〓. Both carry the real character as ActualText.
func (s *shaper) resolve(role FontRole, bold bool, r rune) glyphRef {
	k := styleKey{role, bold, r}
	if g, ok := s.cache[k]; ok {
		s.use(g, r)
		return g
	}
	chain := s.fonts.chain(role, bold)
	g, found := s.glyphIn(chain, r)
	if !found {
		g, _ = s.glyphIn(chain, replacementMark)
		g.actual = true
		if !slices.Contains(s.replaced, r) {
			s.replaced = append(s.replaced, r)
		}
	}
	s.cache[k] = g
	s.use(g, r)
	return g
}

// glyphIn is r from the first of the faces that has it.
func (s *shaper) glyphIn(faces []source, r rune) (glyphRef, bool) {
	for _, src := range faces {
		f := src.get()
		if f == nil {
			continue // an installed font that could not be read after all
		}
		if gid := f.sf.glyphIndex(r); gid != 0 {
			g := glyphRef{face: f, code: uint16(r), adv: float64(f.sf.advance(gid)) / float64(f.sf.unitsPerEm)}
			if r > 0xFFFF {
				g.code, g.actual = s.privateCode(f), true
			}
			return g, true
		}
	}
	return glyphRef{}, false
}

// privateCode hands out the next private-use code of a face's subset,
// from U+F000: GB 18030 fonts give glyphs to codes from U+E000 on.
func (s *shaper) privateCode(f *face) uint16 {
	c := s.nextPUA[f]
	if c == 0 {
		c = 0xF000
	}
	s.nextPUA[f] = c + 1
	return c
}

// use records that the glyph must be in the face's subset.
func (s *shaper) use(g glyphRef, r rune) {
	if g.face == nil {
		return
	}
	m := s.used[g.face]
	if m == nil {
		m = map[uint16]uint16{}
		s.used[g.face] = m
		s.order = append(s.order, g.face)
	}
	if _, ok := m[g.code]; ok {
		return
	}
	src := r
	if g.code == replacementMark && r != replacementMark {
		src = replacementMark
	}
	m[g.code] = g.face.sf.glyphIndex(src)
}
