package reports

import (
	"fmt"
	"math"

	"gongwen/typeset"
)

// Horizontal stacked bar charts drawn with lines and rectangles, so that
// they print sharp and cost nothing: one bar per category (a lead unit, a
// source), one coloured segment per series (done on time, open, overdue…).

type series struct {
	name  string
	color typeset.Color
	hatch bool // white diagonal lines over the colour (overdue)
}

type barChart struct {
	series []series
	cats   []string
	values [][]int // per category, per series
	pitch  float64 // distance between bars, mm; 0: barPitch
}

var (
	chartText   = typeset.Style{Role: RoleBody, Size: 9, Color: typeset.Black}
	chartInside = typeset.Style{Role: RoleBody, Size: 8, Color: typeset.White}
)

const (
	barH      = 4.4 // bar thickness, mm
	barPitch  = 6.6
	minPitch  = 5.2 // a chart's bars are made no thinner to keep it whole
	legendH   = 8
	axisH     = 7
	labelMaxW = 46
)

func (ch *barChart) barPitch() float64 {
	if ch.pitch > 0 {
		return ch.pitch
	}
	return barPitch
}

// height is the height of n of the chart's bars with legend and axis.
func (ch *barChart) height(n int) float64 { return legendH + float64(n)*ch.barPitch() + axisH }

// fitsShrunk reports whether the whole chart fits in room mm with its
// bars no closer than minPitch.
func (ch *barChart) fitsShrunk(room float64) bool {
	return legendH+float64(len(ch.cats))*minPitch+axisH <= room
}

// fillBar fills a bar's segment, hatched for the series that are.
func fillBar(c *typeset.Canvas, x, y, w, h float64, s series) {
	c.FillRect(x, y, w, h, s.color)
	if s.hatch {
		hatch(c, x, y, w, h)
	}
}

// hatch draws white lines at 45° across a rectangle.
func hatch(c *typeset.Canvas, x, y, w, h float64) {
	const step = 1.3
	for t := -h + step/2; t < w; t += step {
		// the line (x+t+s, y+h-s) for s in [0, h], kept within the rectangle
		lo, hi := math.Max(0, -t), math.Min(h, w-t)
		if hi > lo {
			c.Line(x+t+lo, y+h-lo, x+t+hi, y+h-hi, 0.3, typeset.White)
		}
	}
}

// luminance is how light a colour prints in grey, 0–255.
func luminance(c typeset.Color) float64 {
	return 0.299*float64(c.R) + 0.587*float64(c.G) + 0.114*float64(c.B)
}

// draw draws categories [from, to) of the chart at y across width; every
// part carries its legend and axis, so a chart split over pages reads on
// its own. All parts share the scale of the whole chart.
func (ch *barChart) draw(c *typeset.Canvas, x, y, width float64, from, to int) {
	// legend
	lx := x
	for _, s := range ch.series {
		fillBar(c, lx, y+1.2, 3.2, 3.2, s)
		lx += 4.4
		lx += c.Text(lx, y+1.2, chartText, s.name) + 5
	}
	y += legendH

	labelW := 0.0
	for _, cat := range ch.cats {
		labelW = math.Max(labelW, c.Width(chartText, cat))
	}
	labelW = math.Min(labelW, labelMaxW) + 2
	x0 := x + labelW
	plotW := width - labelW - 8 // room for the total at the end of the longest bar
	maxTotal := 0
	for _, vs := range ch.values {
		maxTotal = max(maxTotal, sum(vs))
	}
	step, top := niceScale(maxTotal)
	scale := plotW / float64(top)

	pitch := ch.barPitch()
	bh := barH * pitch / barPitch
	plotH := float64(to-from) * pitch
	// grid lines and tick labels
	for v := 0; v <= top; v += step {
		gx := x0 + float64(v)*scale
		c.Line(gx, y, gx, y+plotH, 0.1, typeset.RuleGrey)
		c.TextIn(gx-8, 16, y+plotH+1.2, chartText.WithColor(typeset.Grey), fmt.Sprint(v), typeset.AlignCenter)
	}
	c.Line(x0, y, x0, y+plotH, 0.3, typeset.Black)
	c.Line(x0, y+plotH, x0+float64(top)*scale, y+plotH, 0.3, typeset.Black)

	for i := from; i < to; i++ {
		by := y + float64(i-from)*pitch + (pitch-bh)/2
		name := ch.cats[i]
		for c.Width(chartText, name) > labelMaxW && len([]rune(name)) > 2 {
			r := []rune(name)
			name = string(r[:len(r)-2]) + "…"
		}
		c.TextIn(x, labelW-2, by+(bh-chartText.SizeMM())/2, chartText, name, typeset.AlignRight)
		bx := x0
		for j, v := range ch.values[i] {
			if v == 0 {
				continue
			}
			w := float64(v) * scale
			fillBar(c, bx, by, w, bh, ch.series[j])
			if s := fmt.Sprint(v); c.Width(chartInside, s)+1 < w {
				st := chartInside
				if luminance(ch.series[j].color) > 150 {
					st = st.WithColor(typeset.Black)
				}
				if ch.series[j].hatch { // the number on a plain patch, to be read
					lw := c.Width(st, s) + 3
					c.FillRect(bx+(w-lw)/2, by+0.6, lw, bh-1.2, ch.series[j].color)
				}
				c.TextIn(bx, w, by+(bh-chartInside.SizeMM())/2, st, s, typeset.AlignCenter)
			}
			bx += w
		}
		c.Text(bx+1.2, by+(bh-chartText.SizeMM())/2, chartText, fmt.Sprint(sum(ch.values[i])))
	}
}

func sum(vs []int) int {
	t := 0
	for _, v := range vs {
		t += v
	}
	return t
}

// niceScale picks a tick step of 1, 2 or 5 times a power of ten giving
// about five ticks, and the axis end as a multiple of it.
func niceScale(maxV int) (step, top int) {
	if maxV <= 0 {
		return 1, 1
	}
	raw := float64(maxV) / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step = int(mag)
	for _, m := range []float64{1, 2, 5, 10} {
		if raw <= m*mag {
			step = int(m * mag)
			break
		}
	}
	if step < 1 {
		step = 1
	}
	top = (maxV + step - 1) / step * step
	return step, top
}
