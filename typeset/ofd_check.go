package typeset

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// OFDContents is what CheckOFD read out of an OFD package.
type OFDContents struct {
	Title, Creator, CreationDate string
	PhysicalBox                  string
	Pages                        []string // each page's text: its TextCodes in drawing order
	Fonts                        int
}

// CheckOFD reads an OFD package back as a reader would and says what is
// wrong with it: every XML part must parse, in the OFD namespace; every
// part, page and font file named must be in the package; object IDs must
// be unique and no greater than MaxUnitID; every font must be a TrueType
// file whose character map has each character drawn with it, and each
// glyph a CGTransform names. It is how the tests,
// and whoever receives our files, can trust them.
func CheckOFD(data []byte) (*OFDContents, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("not a zip: %w", err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		files[f.Name] = b
	}
	parts := map[string]*ofdNode{}
	for name, b := range files {
		if strings.HasSuffix(name, ".xml") {
			n, err := parseOFDNode(b)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			parts[name] = n
		}
	}
	part := func(name, root string) (*ofdNode, error) {
		n := parts[name]
		if n == nil {
			return nil, fmt.Errorf("%s is missing", name)
		}
		if n.XMLName.Local != root {
			return nil, fmt.Errorf("%s: root <%s>, want <%s>", name, n.XMLName.Local, root)
		}
		return n, nil
	}

	out := &OFDContents{}
	root, err := part("OFD.xml", "OFD")
	if err != nil {
		return nil, err
	}
	info := root.child("DocBody").child("DocInfo")
	out.Title, out.Creator, out.CreationDate = info.child("Title").text(), info.child("Creator").text(), info.child("CreationDate").text()
	if id := info.child("DocID").text(); !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(id) {
		return nil, fmt.Errorf("DocID %q is not 32 hexadecimal digits", id)
	}
	if !regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`).MatchString(out.CreationDate) {
		return nil, fmt.Errorf("CreationDate %q is not a date", out.CreationDate)
	}
	docPath := root.child("DocBody").child("DocRoot").text()
	doc, err := part(docPath, "Document")
	if err != nil {
		return nil, err
	}
	docDir := path.Dir(docPath)
	common := doc.child("CommonData")
	maxID, err := strconv.Atoi(common.child("MaxUnitID").text())
	if err != nil {
		return nil, fmt.Errorf("MaxUnitID: %w", err)
	}
	out.PhysicalBox = common.child("PageArea").child("PhysicalBox").text()

	ids := map[int]bool{}
	checkIDs := func(name string, n *ofdNode) error {
		var bad error
		n.walk(func(e *ofdNode) {
			s, ok := e.attr("ID")
			if !ok || bad != nil {
				return
			}
			id, err := strconv.Atoi(s)
			switch {
			case err != nil || id < 1 || id > maxID:
				bad = fmt.Errorf("%s: ID %q outside 1…%d", name, s, maxID)
			case ids[id]:
				bad = fmt.Errorf("%s: ID %d used twice", name, id)
			}
			ids[id] = true
		})
		return bad
	}
	if err := checkIDs(docPath, doc); err != nil {
		return nil, err
	}

	fonts := map[string]*sfnt{}
	for _, res := range append(common.children("PublicRes"), common.children("DocumentRes")...) {
		resPath := path.Join(docDir, res.text())
		rn, err := part(resPath, "Res")
		if err != nil {
			return nil, err
		}
		if err := checkIDs(resPath, rn); err != nil {
			return nil, err
		}
		base, _ := rn.attr("BaseLoc")
		for _, f := range rn.child("Fonts").children("Font") {
			id, _ := f.attr("ID")
			file := path.Join(path.Dir(resPath), base, f.child("FontFile").text())
			b, ok := files[file]
			if !ok {
				return nil, fmt.Errorf("font %s: %s is missing", id, file)
			}
			if len(b) < 4 || be.Uint32(b) != tagTrueType {
				return nil, fmt.Errorf("font %s: %s is not a TrueType font", id, file)
			}
			sf, err := parseSFNT(b, 0)
			if err != nil {
				return nil, fmt.Errorf("font %s: %s: %w", id, file, err)
			}
			fonts[id] = sf
		}
	}
	out.Fonts = len(fonts)

	for _, pg := range doc.child("Pages").children("Page") {
		loc, _ := pg.attr("BaseLoc")
		pagePath := path.Join(docDir, loc)
		pn, err := part(pagePath, "Page")
		if err != nil {
			return nil, err
		}
		if err := checkIDs(pagePath, pn); err != nil {
			return nil, err
		}
		var text strings.Builder
		var bad error
		pn.walk(func(e *ofdNode) {
			if e.XMLName.Local != "TextObject" || bad != nil {
				return
			}
			fid, _ := e.attr("Font")
			sf := fonts[fid]
			if sf == nil {
				bad = fmt.Errorf("%s: font %q is not a resource", pagePath, fid)
				return
			}
			mapped := e.children("CGTransform")
			for _, tc := range e.children("TextCode") {
				s := tc.text()
				text.WriteString(s)
				for _, r := range s {
					if sf.glyphIndex(r) == 0 {
						bad = fmt.Errorf("%s: font %s has no glyph for %q", pagePath, fid, r)
					}
				}
			}
			for _, cg := range mapped {
				for _, g := range strings.Fields(cg.child("Glyphs").text()) {
					if n, err := strconv.Atoi(g); err != nil || n <= 0 || n >= sf.numGlyphs {
						bad = fmt.Errorf("%s: font %s has no glyph %s", pagePath, fid, g)
					}
				}
			}
		})
		if bad != nil {
			return nil, bad
		}
		out.Pages = append(out.Pages, text.String())
	}
	return out, nil
}

// ofdNode is an element of a part, as read back.
type ofdNode struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []*ofdNode `xml:",any"`
	Text    string     `xml:",chardata"`
}

func parseOFDNode(b []byte) (*ofdNode, error) {
	var n ofdNode
	if err := xml.Unmarshal(b, &n); err != nil {
		return nil, err
	}
	var bad error
	n.walk(func(e *ofdNode) {
		if e.XMLName.Space != ofdNamespace && bad == nil {
			bad = fmt.Errorf("<%s> is not in the OFD namespace", e.XMLName.Local)
		}
	})
	return &n, bad
}

func (n *ofdNode) walk(fn func(*ofdNode)) {
	fn(n)
	for _, c := range n.Nodes {
		c.walk(fn)
	}
}

func (n *ofdNode) children(local string) []*ofdNode {
	if n == nil {
		return nil
	}
	var out []*ofdNode
	for _, c := range n.Nodes {
		if c.XMLName.Local == local {
			out = append(out, c)
		}
	}
	return out
}

// child is the first child named local; nil (whose text is "") when none.
func (n *ofdNode) child(local string) *ofdNode {
	if c := n.children(local); len(c) > 0 {
		return c[0]
	}
	return nil
}

func (n *ofdNode) text() string {
	if n == nil {
		return ""
	}
	return n.Text
}

func (n *ofdNode) attr(name string) (string, bool) {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}
