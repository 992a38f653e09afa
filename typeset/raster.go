package typeset

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"

	"golang.org/x/image/font"
	xsfnt "golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// PNG draws the part of page i from (x, y), w by h mm, at dpi as a PNG
// picture on white: a report's chart goes into its Word file as the
// picture of what the same drawing code puts on paper.
func (d *Document) PNG(page int, x, y, w, h, dpi float64) ([]byte, error) {
	if page < 0 || page >= len(d.Pages) {
		return nil, fmt.Errorf("no page %d", page)
	}
	px := dpi / 25.4 // pixels per mm
	img := image.NewRGBA(image.Rect(0, 0, int(math.Ceil(w*px)), int(math.Ceil(h*px))))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	r := rasterizer{img: img, px: px, x0: x, y0: y, glyphs: map[*face]map[uint16]uint16{}, fonts: map[*face]*xsfnt.Font{}}
	for _, fu := range d.Fonts {
		r.glyphs[fu.Face] = fu.Glyphs
	}
	for _, o := range d.Pages[page] {
		if err := r.op(o); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type rasterizer struct {
	img    *image.RGBA
	px     float64 // pixels per mm
	x0, y0 float64 // the picture's top-left corner on the page, mm
	glyphs map[*face]map[uint16]uint16
	fonts  map[*face]*xsfnt.Font
	buf    xsfnt.Buffer
}

func (r *rasterizer) pt(x, y float64) (float32, float32) {
	return float32((x - r.x0) * r.px), float32((y - r.y0) * r.px)
}

// outline is a path in picture pixels, kept until it is filled so that
// only the box it covers is rasterized: a glyph costs its own pixels,
// not the whole picture's.
type outline struct {
	segs                   []pathSeg
	minX, minY, maxX, maxY float32
}

type pathSeg struct {
	op  xsfnt.SegmentOp // MoveTo, LineTo, QuadTo, CubeTo; 0xFF closes
	pts [6]float32
}

const closePath = xsfnt.SegmentOp(0xFF)

func (r *rasterizer) newPath() *outline {
	return &outline{minX: math.MaxFloat32, minY: math.MaxFloat32, maxX: -math.MaxFloat32, maxY: -math.MaxFloat32}
}

func (p *outline) add(op xsfnt.SegmentOp, pts ...float32) {
	s := pathSeg{op: op}
	copy(s.pts[:], pts)
	for i := 0; i+1 < len(pts); i += 2 {
		p.minX, p.maxX = min(p.minX, pts[i]), max(p.maxX, pts[i])
		p.minY, p.maxY = min(p.minY, pts[i+1]), max(p.maxY, pts[i+1])
	}
	p.segs = append(p.segs, s)
}

func (p *outline) MoveTo(x, y float32)         { p.add(xsfnt.SegmentOpMoveTo, x, y) }
func (p *outline) LineTo(x, y float32)         { p.add(xsfnt.SegmentOpLineTo, x, y) }
func (p *outline) QuadTo(ax, ay, x, y float32) { p.add(xsfnt.SegmentOpQuadTo, ax, ay, x, y) }
func (p *outline) CubeTo(ax, ay, bx, by, x, y float32) {
	p.add(xsfnt.SegmentOpCubeTo, ax, ay, bx, by, x, y)
}
func (p *outline) ClosePath() { p.add(closePath) }

// fill paints the path in c, rasterized in the box of its points (the
// curves stay inside their control points) with a pixel to spare.
func (r *rasterizer) fill(p *outline, c Color) {
	if len(p.segs) == 0 || p.minX > p.maxX {
		return
	}
	box := image.Rect(int(math.Floor(float64(p.minX)))-1, int(math.Floor(float64(p.minY)))-1,
		int(math.Ceil(float64(p.maxX)))+1, int(math.Ceil(float64(p.maxY)))+1).Intersect(r.img.Bounds())
	if box.Empty() {
		return
	}
	v := vector.NewRasterizer(box.Dx(), box.Dy())
	ox, oy := float32(box.Min.X), float32(box.Min.Y)
	for _, s := range p.segs {
		q := s.pts
		switch s.op {
		case xsfnt.SegmentOpMoveTo:
			v.MoveTo(q[0]-ox, q[1]-oy)
		case xsfnt.SegmentOpLineTo:
			v.LineTo(q[0]-ox, q[1]-oy)
		case xsfnt.SegmentOpQuadTo:
			v.QuadTo(q[0]-ox, q[1]-oy, q[2]-ox, q[3]-oy)
		case xsfnt.SegmentOpCubeTo:
			v.CubeTo(q[0]-ox, q[1]-oy, q[2]-ox, q[3]-oy, q[4]-ox, q[5]-oy)
		case closePath:
			v.ClosePath()
		}
	}
	v.Draw(r.img, box, image.NewUniform(color.RGBA{c.R, c.G, c.B, 255}), image.Point{})
}

// polygon adds a closed polygon of page points, in mm.
func (r *rasterizer) polygon(v *outline, xs, ys []float64) {
	v.MoveTo(r.pt(xs[0], ys[0]))
	for i := 1; i < len(xs); i++ {
		v.LineTo(r.pt(xs[i], ys[i]))
	}
	v.ClosePath()
}

// line adds a stroke from (x1, y1) to (x2, y2) of width w mm as a
// rectangle, at least a pixel wide so that hairlines show.
func (r *rasterizer) line(v *outline, x1, y1, x2, y2, w float64) {
	w = math.Max(w, 1/r.px)
	dx, dy := x2-x1, y2-y1
	n := math.Hypot(dx, dy)
	if n == 0 {
		return
	}
	ox, oy := -dy/n*w/2, dx/n*w/2
	r.polygon(v, []float64{x1 + ox, x2 + ox, x2 - ox, x1 - ox}, []float64{y1 + oy, y2 + oy, y2 - oy, y1 - oy})
}

func (r *rasterizer) op(o Op) error {
	switch o.Kind {
	case OpLine:
		v := r.newPath()
		r.line(v, o.X, o.Y, o.X2, o.Y2, o.Width)
		r.fill(v, o.Color)
	case OpRect:
		r.shape(o, []float64{o.X, o.X + o.X2, o.X + o.X2, o.X}, []float64{o.Y, o.Y, o.Y + o.Y2, o.Y + o.Y2})
	case OpCircle:
		const n = 48
		xs, ys := make([]float64, n), make([]float64, n)
		for i := range n {
			a := 2 * math.Pi * float64(i) / n
			xs[i], ys[i] = o.X+o.X2*math.Cos(a), o.Y+o.X2*math.Sin(a)
		}
		r.shape(o, xs, ys)
	case OpText:
		return r.text(o)
	}
	return nil
}

// shape fills and strokes the polygon of a rectangle or circle Op.
func (r *rasterizer) shape(o Op, xs, ys []float64) {
	if o.Filled {
		v := r.newPath()
		r.polygon(v, xs, ys)
		r.fill(v, o.Fill)
	}
	if o.Stroked {
		v := r.newPath()
		for i := range xs {
			j := (i + 1) % len(xs)
			r.line(v, xs[i], ys[i], xs[j], ys[j], o.Width)
		}
		r.fill(v, o.Color)
	}
}

func (r *rasterizer) font(f *face) (*xsfnt.Font, error) {
	if sf := r.fonts[f]; sf != nil {
		return sf, nil
	}
	c, err := xsfnt.ParseCollection(f.data)
	if err != nil {
		return nil, err
	}
	sf, err := c.Font(f.index)
	if err != nil {
		return nil, err
	}
	r.fonts[f] = sf
	return sf, nil
}

// text draws a text Op's glyphs, each advanced by its width and the
// Op's spacing, as on paper.
func (r *rasterizer) text(o Op) error {
	sf, err := r.font(o.Face)
	if err != nil {
		return err
	}
	ppem := o.Size * PtToMM * r.px
	scale := fixed.Int26_6(ppem * 64)
	x := o.X
	for _, code := range o.Codes {
		g := xsfnt.GlyphIndex(r.glyphs[o.Face][uint16(code)])
		segs, err := sf.LoadGlyph(&r.buf, g, scale, nil)
		if err != nil {
			return err
		}
		bx, by := r.pt(x, o.Y)
		v := r.newPath()
		f := func(p fixed.Point26_6) (float32, float32) {
			return bx + float32(p.X)/64, by + float32(p.Y)/64
		}
		for _, s := range segs {
			switch s.Op {
			case xsfnt.SegmentOpMoveTo:
				v.ClosePath() // the contour before: MoveTo does not close it
				v.MoveTo(f(s.Args[0]))
			case xsfnt.SegmentOpLineTo:
				v.LineTo(f(s.Args[0]))
			case xsfnt.SegmentOpQuadTo:
				ax, ay := f(s.Args[0])
				cx, cy := f(s.Args[1])
				v.QuadTo(ax, ay, cx, cy)
			case xsfnt.SegmentOpCubeTo:
				ax, ay := f(s.Args[0])
				bx2, by2 := f(s.Args[1])
				cx, cy := f(s.Args[2])
				v.CubeTo(ax, ay, bx2, by2, cx, cy)
			}
		}
		v.ClosePath()
		r.fill(v, o.Color)
		adv, err := sf.GlyphAdvance(&r.buf, g, scale, font.HintingNone)
		if err != nil {
			return err
		}
		x += float64(adv)/64/r.px + o.Spacing
	}
	return nil
}
