package typeset

import (
	"fmt"
	"strings"
)

// Document is the page description a Canvas records: what every page
// shows, in millimetres from the top-left corner, and the glyphs each font
// face must carry. It knows nothing of PDF: WritePDF renders it with
// gofpdf and WriteOFD as OFD, so that the forms are laid out once
// whatever the output.
type Document struct {
	Width, Height float64 // mm: A4 upright or landscape
	Landscape     bool
	Title, Author string
	Pages         []Page
	Fonts         []FontUse // in order of first use
	Replaced      []rune    // characters no font has, printed as 〓, each once
}

// Page is what one page shows, in drawing order.
type Page []Op

// FontUse is a face of the document and the glyphs it draws: the code an
// Op's Codes use → the glyph of the source font. The renderers cut each
// face down to these glyphs (subsetFont).
type FontUse struct {
	Face   *face
	Glyphs map[uint16]uint16
}

// Document returns the page description recorded so far.
func (c *Canvas) Document() *Document {
	d := &Document{Width: c.pageW, Height: c.pageH, Landscape: c.landscape, Title: c.title, Author: c.author,
		Pages: c.Pages, Replaced: c.sh.replaced}
	for _, f := range c.sh.order {
		d.Fonts = append(d.Fonts, FontUse{Face: f, Glyphs: c.sh.used[f]})
	}
	return d
}

// Printed tells how a form came out: the file is complete, but characters
// no font has (chosen, bundled or installed) are printed as “〓”. Copying
// the text out of the PDF still gives the original characters (the marks
// carry them as ActualText). It is a warning, not an error.
type Printed struct {
	Replaced []rune // each character once, in order of first appearance
}

// Warning is what to tell the secretary, "" when every character printed.
func (p Printed) Warning() string {
	if len(p.Replaced) == 0 {
		return ""
	}
	parts := make([]string, len(p.Replaced))
	for i, r := range p.Replaced {
		parts[i] = fmt.Sprintf("%c（U+%04X）", r, r)
	}
	return "以下字符在现有字体中都没有字形，已印为“〓”：" + strings.Join(parts, "、") +
		"。复制文件（PDF、OFD）中的文字时仍是原字；安装含这些字的字体（如 Windows 的 SimSun-ExtB，或花园明朝 HanaMinA/HanaMinB）后重新打印即可。"
}
