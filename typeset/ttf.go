package typeset

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf16"
)

// This file reads TrueType fonts in place: the table directory of a plain
// font or of one member of a collection (.ttc), the character map, the
// metrics and the glyph outlines. Nothing is copied or decoded up front, so
// "loading" a 10 MB font costs microseconds; lookups are binary searches on
// the original bytes.

var be = binary.BigEndian

// sfnt is one TrueType font, a standalone file or a member of a collection.
type sfnt struct {
	tables map[string][]byte // slices of the file's bytes

	unitsPerEm  int
	numGlyphs   int
	numHMetrics int
	longLoca    bool
	fsType      uint16
	weight      int // OS/2 usWeightClass: 400 regular, 700 bold
	typoAscent  int
	typoDescent int

	cmap4  []byte // format-4 subtable (BMP), or nil
	cmap12 []byte // format-12 subtable (all planes), or nil
}

// Font problems a person can act on; the settings screen shows them.
var (
	errNotTrueType = errors.New("不是 TrueType 字体（可能是 OpenType/CFF 字体），无法嵌入PDF")
	errNoEmbedding = errors.New("字体的授权标志不允许嵌入或子集化")
	errNoUnicode   = errors.New("字体没有 Unicode 字符映射表")
	errDamaged     = errors.New("字体文件已损坏或格式不支持")
)

const (
	tagTrueType = 0x00010000
	tagTrue     = 0x74727565 // 'true' (old Apple fonts)
	tagOTTO     = 0x4F54544F // 'OTTO': CFF outlines
	tagTTC      = 0x74746366 // 'ttcf'
)

// sfntCount is the number of fonts in data: the collection's count for a
// .ttc, else 1.
func sfntCount(data []byte) int {
	if len(data) >= 12 && be.Uint32(data) == tagTTC {
		return int(be.Uint32(data[8:]))
	}
	return 1
}

// sfntOffset is where the table directory of font index starts.
func sfntOffset(data []byte, index int) (int, error) {
	if len(data) < 12 {
		return 0, errDamaged
	}
	if be.Uint32(data) != tagTTC {
		if index != 0 {
			return 0, fmt.Errorf("字体文件只有一个字体，没有第%d个", index+1)
		}
		return 0, nil
	}
	n := int(be.Uint32(data[8:]))
	if index < 0 || index >= n || len(data) < 12+4*n {
		return 0, fmt.Errorf("字体集合中没有第%d个字体", index+1)
	}
	return int(be.Uint32(data[12+4*index:])), nil
}

// readTableDirectory returns the tables of the font whose directory is at
// off, without checking what they contain.
func readTableDirectory(data []byte, off int) (map[string][]byte, uint32, error) {
	if off < 0 || off+12 > len(data) {
		return nil, 0, errDamaged
	}
	version := be.Uint32(data[off:])
	n := int(be.Uint16(data[off+4:]))
	if off+12+16*n > len(data) {
		return nil, 0, errDamaged
	}
	tables := make(map[string][]byte, n)
	for i := 0; i < n; i++ {
		rec := data[off+12+16*i:]
		start, length := int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		if start < 0 || length < 0 || start+length > len(data) {
			return nil, 0, errDamaged
		}
		tables[string(rec[:4])] = data[start : start+length : start+length]
	}
	return tables, version, nil
}

// parseSFNT reads font index of data (0 for a plain font file).
func parseSFNT(data []byte, index int) (*sfnt, error) {
	off, err := sfntOffset(data, index)
	if err != nil {
		return nil, err
	}
	tables, version, err := readTableDirectory(data, off)
	if err != nil {
		return nil, err
	}
	if version == tagOTTO || tables["glyf"] == nil {
		return nil, errNotTrueType
	}
	if version != tagTrueType && version != tagTrue {
		return nil, errDamaged
	}
	f := &sfnt{tables: tables}
	head, hhea, maxp := tables["head"], tables["hhea"], tables["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 || tables["loca"] == nil || tables["hmtx"] == nil {
		return nil, errDamaged
	}
	f.unitsPerEm = int(be.Uint16(head[18:]))
	f.longLoca = be.Uint16(head[50:]) == 1
	f.numHMetrics = int(be.Uint16(hhea[34:]))
	f.numGlyphs = int(be.Uint16(maxp[4:]))
	if f.unitsPerEm < 16 || f.numHMetrics < 1 || f.numHMetrics > f.numGlyphs || len(tables["hmtx"]) < 4*f.numHMetrics {
		return nil, errDamaged
	}
	locaEntry := 2
	if f.longLoca {
		locaEntry = 4
	}
	if len(tables["loca"]) < locaEntry*(f.numGlyphs+1) {
		return nil, errDamaged
	}
	asc, desc := int(int16(be.Uint16(hhea[4:]))), int(int16(be.Uint16(hhea[6:])))
	f.typoAscent, f.typoDescent = asc, desc
	if os2 := tables["OS/2"]; len(os2) >= 72 {
		f.weight = int(be.Uint16(os2[4:]))
		f.fsType = be.Uint16(os2[8:])
		f.typoAscent, f.typoDescent = int(int16(be.Uint16(os2[68:]))), int(int16(be.Uint16(os2[70:])))
	}
	// The low bits of fsType: 2 = restricted licence; 0x100 = no
	// subsetting; 0x200 = bitmap embedding only. Each forbids what we do.
	if f.fsType&0x0F == 0x0002 || f.fsType&0x0300 != 0 {
		return nil, errNoEmbedding
	}
	if err := f.pickCmap(); err != nil {
		return nil, err
	}
	return f, nil
}

// pickCmap finds the Unicode subtables: format 4 for the BMP and format 12
// for every plane (a name like 𠮷 lives in plane 2).
func (f *sfnt) pickCmap() error {
	cmap := f.tables["cmap"]
	if len(cmap) < 4 {
		return errNoUnicode
	}
	n := int(be.Uint16(cmap[2:]))
	for i := 0; i < n && 4+8*i+8 <= len(cmap); i++ {
		rec := cmap[4+8*i:]
		platform, encoding, off := be.Uint16(rec), be.Uint16(rec[2:]), int(be.Uint32(rec[4:]))
		unicode := platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10))
		if !unicode || off+8 > len(cmap) {
			continue
		}
		sub := cmap[off:]
		switch be.Uint16(sub) {
		case 4:
			if l := int(be.Uint16(sub[2:])); f.cmap4 == nil && l <= len(sub) && l >= 16 {
				f.cmap4 = sub[:l]
			}
		case 12:
			if l := int(be.Uint32(sub[4:])); f.cmap12 == nil && l <= len(sub) && l >= 16 {
				f.cmap12 = sub[:l]
			}
		}
	}
	if f.cmap4 == nil && f.cmap12 == nil {
		return errNoUnicode
	}
	return nil
}

// glyphIndex is the glyph of r, or 0 when the font lacks it.
func (f *sfnt) glyphIndex(r rune) uint16 {
	if f.cmap12 != nil {
		return cmap12Lookup(f.cmap12, r)
	}
	if r > 0xFFFF {
		return 0
	}
	return cmap4Lookup(f.cmap4, uint16(r))
}

func cmap4Lookup(t []byte, c uint16) uint16 {
	segX2 := int(be.Uint16(t[6:]))
	segs := segX2 / 2
	if 16+4*segX2 > len(t) {
		return 0
	}
	ends := t[14 : 14+segX2]
	starts := t[16+segX2 : 16+2*segX2]
	deltas := t[16+2*segX2 : 16+3*segX2]
	rangeOffs := t[16+3*segX2 : 16+4*segX2]
	i := sort.Search(segs, func(i int) bool { return be.Uint16(ends[2*i:]) >= c })
	if i == segs || be.Uint16(starts[2*i:]) > c {
		return 0
	}
	delta, ro := be.Uint16(deltas[2*i:]), int(be.Uint16(rangeOffs[2*i:]))
	if ro == 0 {
		return c + delta
	}
	// idRangeOffset counts from its own position in the array
	pos := 16 + 3*segX2 + 2*i + ro + 2*int(c-be.Uint16(starts[2*i:]))
	if pos+2 > len(t) {
		return 0
	}
	g := be.Uint16(t[pos:])
	if g == 0 {
		return 0
	}
	return g + delta
}

func cmap12Lookup(t []byte, r rune) uint16 {
	n := int(be.Uint32(t[12:]))
	if 16+12*n > len(t) {
		n = (len(t) - 16) / 12
	}
	c := uint32(r)
	i := sort.Search(n, func(i int) bool { return be.Uint32(t[16+12*i+4:]) >= c })
	if i == n {
		return 0
	}
	g := t[16+12*i:]
	start := be.Uint32(g)
	if start > c {
		return 0
	}
	return uint16(be.Uint32(g[8:]) + c - start)
}

// advance is the advance width of glyph g in font units.
func (f *sfnt) advance(g uint16) int {
	hmtx := f.tables["hmtx"]
	if int(g) >= f.numHMetrics {
		g = uint16(f.numHMetrics - 1)
	}
	return int(be.Uint16(hmtx[4*int(g):]))
}

// hMetric is the (advance, left side bearing) pair of glyph g as stored.
func (f *sfnt) hMetric(g uint16) (uint16, int16) {
	hmtx := f.tables["hmtx"]
	if int(g) < f.numHMetrics {
		return be.Uint16(hmtx[4*int(g):]), int16(be.Uint16(hmtx[4*int(g)+2:]))
	}
	adv := be.Uint16(hmtx[4*(f.numHMetrics-1):])
	at := 4*f.numHMetrics + 2*(int(g)-f.numHMetrics)
	if at+2 > len(hmtx) {
		return adv, 0
	}
	return adv, int16(be.Uint16(hmtx[at:]))
}

// glyphData is the outline of glyph g (empty for a blank glyph).
func (f *sfnt) glyphData(g uint16) []byte {
	if int(g) >= f.numGlyphs {
		return nil
	}
	loca, glyf := f.tables["loca"], f.tables["glyf"]
	var start, end int
	if f.longLoca {
		start, end = int(be.Uint32(loca[4*int(g):])), int(be.Uint32(loca[4*int(g)+4:]))
	} else {
		start, end = 2*int(be.Uint16(loca[2*int(g):])), 2*int(be.Uint16(loca[2*int(g)+2:]))
	}
	if start >= end || end > len(glyf) {
		return nil
	}
	return glyf[start:end]
}

// Flags of a composite glyph's components.
const (
	compArgWords   = 0x0001
	compScale      = 0x0008
	compMore       = 0x0020
	compXYScale    = 0x0040
	compTwoByTwo   = 0x0080
	compGlyphIndex = 2 // offset of the glyph index after the flags
)

// forEachComponent calls fn with the offset, within data, of each
// component's glyph index when data is a composite glyph.
func forEachComponent(data []byte, fn func(at int)) {
	if len(data) < 10 || int16(be.Uint16(data)) >= 0 {
		return
	}
	for at := 10; at+4 <= len(data); {
		flags := be.Uint16(data[at:])
		fn(at + compGlyphIndex)
		at += 4
		if flags&compArgWords != 0 {
			at += 4
		} else {
			at += 2
		}
		switch {
		case flags&compScale != 0:
			at += 2
		case flags&compXYScale != 0:
			at += 4
		case flags&compTwoByTwo != 0:
			at += 8
		}
		if flags&compMore == 0 {
			return
		}
	}
}

// Name table IDs we read and write.
const (
	nameCopyright  = 0
	nameFamily     = 1
	nameSubfamily  = 2
	nameUniqueID   = 3
	nameFull       = 4
	namePostScript = 6
	nameTypoFamily = 16
)

// fontNames returns the family and full names of a font in every language
// it carries (Chinese fonts name themselves 仿宋 and FangSong), plus its
// copyright notice.
func fontNames(name []byte) (families []string, copyright string) {
	if len(name) < 6 {
		return nil, ""
	}
	count, strOff := int(be.Uint16(name[2:])), int(be.Uint16(name[4:]))
	seen := map[string]bool{}
	for i := 0; i < count && 6+12*i+12 <= len(name); i++ {
		rec := name[6+12*i:]
		platform, encoding, id := be.Uint16(rec), be.Uint16(rec[2:]), be.Uint16(rec[6:])
		length, off := int(be.Uint16(rec[8:])), int(be.Uint16(rec[10:]))
		if strOff+off+length > len(name) {
			continue
		}
		raw := name[strOff+off : strOff+off+length]
		var s string
		switch {
		case platform == 3 && (encoding == 1 || encoding == 10), platform == 0:
			u := make([]uint16, len(raw)/2)
			for j := range u {
				u[j] = be.Uint16(raw[2*j:])
			}
			s = string(utf16.Decode(u))
		case platform == 1 && encoding == 0:
			s = string(raw) // Mac Roman; only ASCII names matter here
		default:
			continue
		}
		s = strings.TrimSpace(s)
		switch id {
		case nameFamily, nameFull, nameTypoFamily:
			if s != "" && !seen[s] {
				seen[s] = true
				families = append(families, s)
			}
		case nameCopyright:
			if copyright == "" {
				copyright = s
			}
		}
	}
	return families, copyright
}
