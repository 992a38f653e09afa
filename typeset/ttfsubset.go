package typeset

import (
	"bytes"
	"slices"
	"sort"
	"unicode/utf16"
)

// Why our own subsetter: handed a whole font, gofpdf parses its entire
// character map and metrics for every PDF, which costs more than the rest
// of a slip (docs/BENCHMARKS.md), and cannot read a member of a .ttc at all. We hand it instead a small standalone TrueType
// font holding exactly the characters of the document, built here from the
// original bytes: a new cmap, glyf, loca and hmtx (with the glyphs that
// composite glyphs are made of) and the fixed tables gofpdf reads. (The
// cost that grows faster than the number of characters is elsewhere in
// gofpdf; see maxRun in pdf.go.)

// subsetGlyph maps one code of the new font's cmap to a glyph of the source.
// The code is the character itself, or a private-use code standing in for a
// character outside the BMP, which gofpdf cannot encode.
type subsetGlyph struct {
	code uint16
	gid  uint16
}

// wideGlyph maps a character outside the BMP to a glyph of the source.
type wideGlyph struct {
	r   rune
	gid uint16
}

// subsetFont builds a TrueType font with the given glyphs of src. psName is
// the PostScript name written into the new name table.
func subsetFont(src *sfnt, glyphs []subsetGlyph, psName string) []byte {
	return subsetFontWide(src, glyphs, nil, psName)
}

// subsetFontWide is subsetFont whose character map also gives characters
// outside the BMP their glyphs, in a format 12 subtable beside the format 4
// one (the OFD's text carries such characters as themselves; gofpdf reads
// format 4 alone and is handed no wide glyphs).
func subsetFontWide(src *sfnt, glyphs []subsetGlyph, wide []wideGlyph, psName string) []byte {
	glyphs = slices.Clone(glyphs)
	sort.Slice(glyphs, func(i, j int) bool { return glyphs[i].code < glyphs[j].code })

	// New glyph order: .notdef, the glyphs in code order, then the parts of
	// composite glyphs as they are found.
	newID := map[uint16]uint16{0: 0}
	order := []uint16{0}
	add := func(g uint16) {
		if _, ok := newID[g]; !ok {
			newID[g] = uint16(len(order))
			order = append(order, g)
		}
	}
	for _, sg := range glyphs {
		add(sg.gid)
	}
	for _, wg := range wide {
		add(wg.gid)
	}
	for i := 0; i < len(order); i++ { // order grows while we walk it
		data := src.glyphData(order[i])
		forEachComponent(data, func(at int) { add(be.Uint16(data[at:])) })
	}

	var glyf bytes.Buffer
	loca := make([]byte, 4*(len(order)+1))
	hmtx := make([]byte, 4*len(order))
	for i, old := range order {
		be.PutUint32(loca[4*i:], uint32(glyf.Len()))
		adv, lsb := src.hMetric(old)
		be.PutUint16(hmtx[4*i:], adv)
		be.PutUint16(hmtx[4*i+2:], uint16(lsb))
		data := src.glyphData(old)
		if len(data) >= 10 && int16(be.Uint16(data)) < 0 {
			data = slices.Clone(data)
			forEachComponent(data, func(at int) { be.PutUint16(data[at:], newID[be.Uint16(data[at:])]) })
		}
		glyf.Write(data)
		for glyf.Len()%4 != 0 {
			glyf.WriteByte(0)
		}
	}
	be.PutUint32(loca[4*len(order):], uint32(glyf.Len()))

	head := slices.Clone(src.tables["head"])
	be.PutUint32(head[8:], 0)  // checkSumAdjustment, set once the file is complete
	be.PutUint16(head[50:], 1) // long loca

	hhea := slices.Clone(src.tables["hhea"])
	be.PutUint16(hhea[34:], uint16(len(order)))
	// Readers of the PDF (poppler's text boxes, for one) take the ascent
	// and descent from here; the ideographic em box keeps the box of a
	// Chinese line where the characters are.
	if asc, desc := src.typoAscent, src.typoDescent; asc > 0 && desc <= 0 {
		if h := float64(asc-desc) / float64(src.unitsPerEm); h > 0.8 && h < 1.3 {
			be.PutUint16(hhea[4:], uint16(int16(asc)))
			be.PutUint16(hhea[6:], uint16(int16(desc)))
			be.PutUint16(hhea[8:], 0) // line gap
		}
	}

	maxp := slices.Clone(src.tables["maxp"])
	be.PutUint16(maxp[4:], uint16(len(order)))

	_, copyright := fontNames(src.tables["name"])
	tables := map[string][]byte{
		"head": head, "hhea": hhea, "maxp": maxp,
		"hmtx": hmtx, "loca": loca, "glyf": glyf.Bytes(),
		"cmap": buildCmap(glyphs, wide, newID),
		"post": buildPost(src.tables["post"]),
		"name": buildName(psName, copyright),
	}
	if os2 := src.tables["OS/2"]; os2 != nil {
		tables["OS/2"] = os2
	}
	// Hinting programs are global: glyph instructions may call into them.
	for _, tag := range []string{"cvt ", "fpgm", "prep", "gasp"} {
		if t := src.tables[tag]; t != nil {
			tables[tag] = t
		}
	}
	return assembleSFNT(tables)
}

// buildCmap writes a cmap with a format 4 subtable (Windows, Unicode BMP)
// and, when there are wide glyphs, a format 12 one (Windows, full Unicode)
// with every character, as readers that find it look nowhere else.
func buildCmap(glyphs []subsetGlyph, wide []wideGlyph, newID map[uint16]uint16) []byte {
	if len(wide) == 0 {
		return buildCmap4(glyphs, newID)
	}
	sub4 := buildCmap4(glyphs, newID)[12:]
	type entry struct {
		r   uint32
		gid uint16
	}
	var all []entry
	for _, sg := range glyphs {
		all = append(all, entry{uint32(sg.code), newID[sg.gid]})
	}
	for _, wg := range wide {
		all = append(all, entry{uint32(wg.r), newID[wg.gid]})
	}
	slices.SortFunc(all, func(a, b entry) int { return int(a.r) - int(b.r) })
	type group struct{ start, end, gid uint32 }
	var groups []group
	for _, e := range all {
		if n := len(groups); n > 0 && groups[n-1].end == e.r {
			continue // the same character twice
		} else if n > 0 && groups[n-1].end+1 == e.r && groups[n-1].gid+e.r-groups[n-1].start == uint32(e.gid) {
			groups[n-1].end = e.r
			continue
		}
		groups = append(groups, group{e.r, e.r, uint32(e.gid)})
	}
	sub12 := make([]byte, 16+12*len(groups))
	be.PutUint16(sub12[0:], 12)
	be.PutUint32(sub12[4:], uint32(len(sub12)))
	be.PutUint32(sub12[12:], uint32(len(groups)))
	for i, g := range groups {
		be.PutUint32(sub12[16+12*i:], g.start)
		be.PutUint32(sub12[20+12*i:], g.end)
		be.PutUint32(sub12[24+12*i:], g.gid)
	}
	t := make([]byte, 20, 20+len(sub4)+len(sub12))
	be.PutUint16(t[2:], 2) // two subtables, in the order of their platform and encoding
	be.PutUint16(t[4:], 3)
	be.PutUint16(t[6:], 1)
	be.PutUint32(t[8:], 20)
	be.PutUint16(t[12:], 3)
	be.PutUint16(t[14:], 10)
	be.PutUint32(t[16:], uint32(20+len(sub4)))
	return append(append(t, sub4...), sub12...)
}

// buildCmap4 writes a cmap with one format-4 subtable (Windows, Unicode
// BMP), one segment per run of consecutive codes with consecutive glyphs.
func buildCmap4(glyphs []subsetGlyph, newID map[uint16]uint16) []byte {
	type segment struct{ start, end, delta uint16 }
	var segs []segment
	for _, sg := range glyphs {
		g := newID[sg.gid]
		if n := len(segs); n > 0 && segs[n-1].end+1 == sg.code && segs[n-1].end+segs[n-1].delta+1 == g {
			segs[n-1].end = sg.code
			continue
		} else if n > 0 && segs[n-1].end == sg.code {
			continue // the same code twice
		}
		segs = append(segs, segment{sg.code, sg.code, g - sg.code})
	}
	if n := len(segs); n == 0 || segs[n-1].end != 0xFFFF {
		segs = append(segs, segment{0xFFFF, 0xFFFF, 1})
	}
	n := len(segs)
	searchRange, entrySelector := 2, 0
	for searchRange*2 <= 2*n {
		searchRange *= 2
		entrySelector++
	}
	length := 16 + 8*n
	t := make([]byte, 12+length)
	be.PutUint16(t[0:], 0) // version
	be.PutUint16(t[2:], 1) // one subtable
	be.PutUint16(t[4:], 3) // Windows
	be.PutUint16(t[6:], 1) // Unicode BMP
	be.PutUint32(t[8:], 12)
	s := t[12:]
	be.PutUint16(s[0:], 4)
	be.PutUint16(s[2:], uint16(length))
	be.PutUint16(s[6:], uint16(2*n))
	be.PutUint16(s[8:], uint16(searchRange))
	be.PutUint16(s[10:], uint16(entrySelector))
	be.PutUint16(s[12:], uint16(2*n-searchRange))
	for i, sg := range segs {
		be.PutUint16(s[14+2*i:], sg.end)
		be.PutUint16(s[16+2*n+2*i:], sg.start)
		be.PutUint16(s[16+4*n+2*i:], sg.delta)
		// idRangeOffset stays 0: every segment maps by delta
	}
	return t
}

// buildPost keeps the source's italic angle and underline but drops the
// glyph names (format 3).
func buildPost(src []byte) []byte {
	t := make([]byte, 32)
	if len(src) >= 32 {
		copy(t, src[:32])
	}
	be.PutUint32(t[0:], 0x00030000)
	return t
}

// buildName writes a small name table in format 0 (the only format gofpdf
// reads), in Windows Unicode English.
func buildName(psName, copyright string) []byte {
	type record struct {
		id   uint16
		text string
	}
	recs := []record{{nameFamily, psName}, {nameSubfamily, "Regular"}, {nameUniqueID, psName}, {nameFull, psName}, {namePostScript, psName}}
	if copyright != "" {
		recs = append([]record{{nameCopyright, copyright}}, recs...)
	}
	var strs bytes.Buffer
	t := make([]byte, 6+12*len(recs))
	be.PutUint16(t[2:], uint16(len(recs)))
	be.PutUint16(t[4:], uint16(len(t)))
	for i, r := range recs {
		u := utf16.Encode([]rune(r.text))
		rec := t[6+12*i:]
		be.PutUint16(rec[0:], 3)
		be.PutUint16(rec[2:], 1)
		be.PutUint16(rec[4:], 0x409)
		be.PutUint16(rec[6:], r.id)
		be.PutUint16(rec[8:], uint16(2*len(u)))
		be.PutUint16(rec[10:], uint16(strs.Len()))
		for _, c := range u {
			strs.WriteByte(byte(c >> 8))
			strs.WriteByte(byte(c))
		}
	}
	return append(t, strs.Bytes()...)
}

// assembleSFNT writes a font file: the table directory sorted by tag, each
// table 4-byte aligned with its checksum, and head's checkSumAdjustment.
func assembleSFNT(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	n := len(tags)
	searchRange, entrySelector := 1, 0
	for searchRange*2 <= n {
		searchRange *= 2
		entrySelector++
	}
	searchRange *= 16
	size := 12 + 16*n
	for _, tag := range tags {
		size += (len(tables[tag]) + 3) &^ 3
	}
	out := make([]byte, 12+16*n, size)
	be.PutUint32(out[0:], tagTrueType)
	be.PutUint16(out[4:], uint16(n))
	be.PutUint16(out[6:], uint16(searchRange))
	be.PutUint16(out[8:], uint16(entrySelector))
	be.PutUint16(out[10:], uint16(16*n-searchRange))
	headAt := 0
	for i, tag := range tags {
		t := tables[tag]
		rec := out[12+16*i:]
		copy(rec, tag)
		be.PutUint32(rec[4:], sfntChecksum(t))
		be.PutUint32(rec[8:], uint32(len(out)))
		be.PutUint32(rec[12:], uint32(len(t)))
		if tag == "head" {
			headAt = len(out)
		}
		out = append(out, t...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	be.PutUint32(out[headAt+8:], 0xB1B0AFBA-sfntChecksum(out))
	return out
}

func sfntChecksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += be.Uint32(w[:])
	}
	return sum
}
