package typeset

import (
	"bytes"
	"crypto/sha1"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"unicode/utf16"

	"github.com/jung-kurt/gofpdf"
)

// WritePDF renders the canvas's pages into a PDF on w. The PDF is complete
// even when characters had to be printed as 〓: Printed names them.
func (c *Canvas) WritePDF(w io.Writer) (Printed, error) {
	d := c.Document()
	if err := WritePDF(w, d); err != nil {
		return Printed{}, err
	}
	return Printed{Replaced: d.Replaced}, nil
}

// WritePDF renders a page description into a PDF on w, with gofpdf.
func WritePDF(w io.Writer, d *Document) error {
	orient := "P"
	if d.Landscape {
		orient = "L"
	}
	pdf := gofpdf.New(orient, "mm", "A4", "")
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCompression(true)
	pdf.SetTitle(metaText(d.Title), true)
	pdf.SetAuthor(metaText(d.Author), true)
	pdf.SetCreator("公文督办台", true)

	// One subset font per face (two when it has long runs of consecutive
	// characters, see splitRuns), named so that the PDF shows it as a
	// subset (see subsetTags).
	type fontPart struct {
		f    *face
		part int
	}
	family := map[fontPart]string{}
	partOf := map[*face]map[uint16]int{}
	glyphs := map[*face]map[uint16]uint16{}
	tags := map[string]string{}
	for i, fu := range d.Fonts {
		f := fu.Face
		parts, of := splitRuns(fu.Glyphs)
		partOf[f] = of
		glyphs[f] = fu.Glyphs
		for p, glyphs := range parts {
			name := fmt.Sprintf("%s-%d", f.psName, i+1)
			if p > 0 {
				name += "b"
			}
			data := subsetFont(f.sf, glyphs, name)
			pdf.AddUTF8FontFromBytes("fnt"+name, "", data)
			family[fontPart{f, p}] = "fnt" + name
			sum := sha1.Sum(data)
			tag := make([]byte, 6)
			for j := range tag {
				tag[j] = 'A' + sum[j]%26
			}
			tags[strings.ToLower(name)] = string(tag) + "+" + name
		}
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("生成PDF时无法装入字体：%w", err)
	}

	k := 72 / 25.4
	for _, page := range d.Pages {
		pdf.AddPage()
		for _, o := range page {
			switch o.Kind {
			case OpText:
				for _, pc := range pieces(o, partOf[o.Face], glyphs[o.Face]) {
					pdf.SetFont(family[fontPart{o.Face, pc.part}], "", o.Size)
					pdf.SetTextColor(int(o.Color.R), int(o.Color.G), int(o.Color.B))
					if o.Faux {
						pdf.SetDrawColor(int(o.Color.R), int(o.Color.G), int(o.Color.B))
						pdf.SetLineWidth(o.Size * PtToMM * 0.035)
						pdf.RawWriteStr("2 Tr")
					}
					if o.Spacing != 0 {
						pdf.RawWriteStr(fmt.Sprintf("%.4f Tc", o.Spacing*k))
					}
					if o.Actual != "" {
						pdf.RawWriteStr("/Span <</ActualText <" + utf16Hex(o.Actual) + ">>> BDC")
					}
					pdf.Text(pc.x, o.Y, pc.codes)
					if o.Actual != "" {
						pdf.RawWriteStr("EMC")
					}
					if o.Spacing != 0 {
						pdf.RawWriteStr("0 Tc")
					}
					if o.Faux {
						pdf.RawWriteStr("0 Tr")
					}
				}
			case OpLine:
				pdf.SetDrawColor(int(o.Color.R), int(o.Color.G), int(o.Color.B))
				pdf.SetLineWidth(o.Width)
				pdf.Line(o.X, o.Y, o.X2, o.Y2)
			case OpRect, OpCircle:
				styleStr := ""
				if o.Filled {
					pdf.SetFillColor(int(o.Fill.R), int(o.Fill.G), int(o.Fill.B))
					styleStr += "F"
				}
				if o.Stroked {
					pdf.SetDrawColor(int(o.Color.R), int(o.Color.G), int(o.Color.B))
					pdf.SetLineWidth(o.Width)
					styleStr += "D"
				}
				if o.Kind == OpRect {
					pdf.Rect(o.X, o.Y, o.X2, o.Y2, styleStr)
				} else {
					pdf.Circle(o.X, o.Y, o.X2, styleStr)
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return fmt.Errorf("生成PDF失败：%w", err)
	}
	if _, err := w.Write(subsetTags(buf.Bytes(), tags)); err != nil {
		return err
	}
	return nil
}

// metaText makes a string safe for gofpdf's document information, which
// reads UTF-8 by hand: valid, and within the BMP.
func metaText(s string) string {
	return strings.Map(func(r rune) rune {
		if r > 0xFFFF {
			return replacementMark
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// maxRun is the longest run of consecutive character codes one gofpdf font
// is given. gofpdf builds a font's width table (generateCIDFontMap) in time
// that grows with the cube of such a run, whatever the font (the figures are
// in docs/BENCHMARKS.md). Longer runs are shared between two fonts,
// alternate characters each, so that neither has a run at all.
const maxRun = 48

// splitRuns divides a face's glyphs (code → source glyph) between one font,
// or two when a run of consecutive codes is longer than maxRun; partOf
// tells which font has each code.
func splitRuns(used map[uint16]uint16) (parts [][]subsetGlyph, partOf map[uint16]int) {
	codes := make([]uint16, 0, len(used))
	for code := range used {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	partOf = map[uint16]int{}
	parts = [][]subsetGlyph{nil}
	for start := 0; start < len(codes); {
		end := start + 1
		for end < len(codes) && codes[end] == codes[end-1]+1 {
			end++
		}
		long := end-start > maxRun
		for i := start; i < end; i++ {
			p := 0
			if long && (i-start)%2 == 1 {
				p = 1
			}
			if p >= len(parts) {
				parts = append(parts, nil)
			}
			partOf[codes[i]] = p
			parts[p] = append(parts[p], subsetGlyph{codes[i], used[codes[i]]})
		}
		start = end
	}
	return parts, partOf
}

// piece is part of a text operation drawn with one of its face's fonts.
type piece struct {
	x     float64
	codes string
	part  int
}

// pieces splits a text operation where its characters change font (only
// for faces split by splitRuns), placing each piece after the advance of
// the characters before it.
func pieces(o Op, partOf map[uint16]int, glyphs map[uint16]uint16) []piece {
	var out []piece
	x := o.X
	for _, r := range o.Codes {
		p := partOf[uint16(r)]
		if n := len(out); n > 0 && out[n-1].part == p {
			out[n-1].codes += string(r)
		} else {
			out = append(out, piece{x: x, codes: string(r), part: p})
		}
		x += codeAdvance(o, glyphs[uint16(r)])
	}
	return out
}

// codeAdvance is how far a character of a text operation, drawn with the
// source glyph gid, moves the pen: its width at the size, and the spacing.
func codeAdvance(o Op, gid uint16) float64 {
	return float64(o.Face.sf.advance(gid))/float64(o.Face.sf.unitsPerEm)*o.Size*PtToMM + o.Spacing
}

var gofpdfFontName = regexp.MustCompile(`/utf8fnt[a-z0-9-]+`)

// subsetTags renames gofpdf's fonts "/utf8fnt<name>" to "/ABCDEF+<Name>",
// the form PDF readers recognise as an embedded subset (ISO 32000 §9.6.4).
// Both names have the same length, so the cross-reference offsets hold.
func subsetTags(pdf []byte, tags map[string]string) []byte {
	return gofpdfFontName.ReplaceAllFunc(pdf, func(m []byte) []byte {
		if t, ok := tags[string(m[len("/utf8fnt"):])]; ok {
			return []byte("/" + t)
		}
		return m
	})
}

func utf16Hex(s string) string {
	var b strings.Builder
	b.WriteString("FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return b.String()
}
