package typeset

import (
	"bytes"
	"image/png"
	"runtime"
	"testing"
)

// A part of a page drawn as a picture shows the fills, rules and glyphs
// of the page where they are, and nothing outside them.
func TestPNG(t *testing.T) {
	f, err := LoadFonts(FontChoice{RoleBody: BundledChoice, RoleTitle: BundledChoice, RoleHeading: BundledChoice, RoleKai: BundledChoice})
	if err != nil {
		t.Fatal(err)
	}
	c := NewCanvas(f, false, "", "")
	c.newPage()
	c.FillRect(20, 20, 10, 10, Red)                         // mm 20–30
	c.Line(40, 25, 60, 25, 1, Black)                        // a rule across y = 25
	c.Text(70, 20, Style{Role: RoleHeading, Size: 28}, "国") // 9.9 mm of 黑体
	b, err := c.Document().PNG(0, 10, 10, 80, 30, 127)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if w, h := img.Bounds().Dx(), img.Bounds().Dy(); w != 400 || h != 150 {
		t.Fatalf("%d×%d pixels, want 400×150 (80×30 mm at 5 px/mm)", w, h)
	}
	at := func(xmm, ymm float64) (r, g, b uint32) {
		r, g, b, _ = img.At(int((xmm-10)*5), int((ymm-10)*5)).RGBA()
		return r >> 8, g >> 8, b >> 8
	}
	if r, g, b := at(25, 25); r != uint32(Red.R) || g != uint32(Red.G) || b != uint32(Red.B) {
		t.Errorf("the red fill is %d,%d,%d", r, g, b)
	}
	if r, _, _ := at(50, 25); r > 60 {
		t.Errorf("the rule is not drawn: %d", r)
	}
	if r, _, _ := at(50, 28); r != 255 {
		t.Errorf("below the rule is not white: %d", r)
	}
	dark := 0
	for x := 70.0; x < 80; x += 0.2 {
		for y := 20.0; y < 30; y += 0.2 {
			if r, _, _ := at(x, y); r < 128 {
				dark++
			}
		}
	}
	if dark < 200 || dark > 1800 { // of 2,500 points: strokes, not a blank or a filled box
		t.Errorf("the glyph covers %d of 2500 points", dark)
	}
	if r, _, _ := at(85, 35); r != 255 {
		t.Error("the picture is not white outside the drawing")
	}
}

// Each glyph is rasterized in its own few pixels: a chart of many labels
// in a large picture once cost a picture-sized mask per glyph (seconds
// for a 通报's Word file). Measured in bytes allocated, not in time.
func TestPNGRasterizesEachShapeInItsBox(t *testing.T) {
	f, err := LoadFonts(FontChoice{RoleBody: BundledChoice, RoleTitle: BundledChoice, RoleHeading: BundledChoice, RoleKai: BundledChoice})
	if err != nil {
		t.Fatal(err)
	}
	c := NewCanvas(f, false, "", "")
	c.newPage()
	for i := range 10 {
		c.Text(20, 20+float64(i)*10, Style{Role: RoleBody, Size: 12}, "区住房城乡建设局按期办结")
	}
	d := c.Document()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, err := d.PNG(0, 0, 0, 160, 120, 200); err != nil { // 1260×945 pixels
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	// a picture-sized mask is 1260×945×8 bytes ≈ 9.5 MB; 120 glyphs of them
	// would be above a gigabyte
	if mb := float64(after.TotalAlloc-before.TotalAlloc) / 1e6; mb > 100 {
		t.Errorf("drawing 120 glyphs allocated %.0f MB", mb)
	}
}
