package reports

import (
	"fmt"
	"math"
)

// Horizontal stacked bar charts drawn with lines and rectangles, so that
// they print sharp and cost nothing: one bar per category (a lead unit, a
// source), one coloured segment per series (done on time, open, overdue…).

type series struct {
	name  string
	color rgb
}

type barChart struct {
	series []series
	cats   []string
	values [][]int // per category, per series
}

var (
	chartText   = style{role: RoleBody, size: 9, color: black}
	chartInside = style{role: RoleBody, size: 8, color: white}
)

const (
	barH      = 4.4 // bar thickness, mm
	barPitch  = 6.6
	legendH   = 8
	axisH     = 7
	labelMaxW = 46
)

// chartHeight is the height of a chart of n categories.
func chartHeight(n int) float64 { return legendH + float64(n)*barPitch + axisH }

// draw draws categories [from, to) of the chart at y across width; every
// part carries its legend and axis, so a chart split over pages reads on
// its own. All parts share the scale of the whole chart.
func (ch *barChart) draw(c *canvas, x, y, width float64, from, to int) {
	// legend
	lx := x
	for _, s := range ch.series {
		c.fillRect(lx, y+1.2, 3.2, 3.2, s.color)
		lx += 4.4
		lx += c.text(lx, y+1.2, chartText, s.name) + 5
	}
	y += legendH

	labelW := 0.0
	for _, cat := range ch.cats {
		labelW = math.Max(labelW, c.width(chartText, cat))
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

	plotH := float64(to-from) * barPitch
	// grid lines and tick labels
	for v := 0; v <= top; v += step {
		gx := x0 + float64(v)*scale
		c.line(gx, y, gx, y+plotH, 0.1, ruleGrey)
		c.textIn(gx-8, 16, y+plotH+1.2, chartText.withColor(grey), fmt.Sprint(v), alignCenter)
	}
	c.line(x0, y, x0, y+plotH, 0.3, black)
	c.line(x0, y+plotH, x0+float64(top)*scale, y+plotH, 0.3, black)

	for i := from; i < to; i++ {
		by := y + float64(i-from)*barPitch + (barPitch-barH)/2
		name := ch.cats[i]
		for c.width(chartText, name) > labelMaxW && len([]rune(name)) > 2 {
			r := []rune(name)
			name = string(r[:len(r)-2]) + "…"
		}
		c.textIn(x, labelW-2, by+(barH-chartText.sizeMM())/2, chartText, name, alignRight)
		bx := x0
		for j, v := range ch.values[i] {
			if v == 0 {
				continue
			}
			w := float64(v) * scale
			c.fillRect(bx, by, w, barH, ch.series[j].color)
			if s := fmt.Sprint(v); c.width(chartInside, s)+1 < w {
				c.textIn(bx, w, by+(barH-chartInside.sizeMM())/2, chartInside, s, alignCenter)
			}
			bx += w
		}
		c.text(bx+1.2, by+(barH-chartText.sizeMM())/2, chartText, fmt.Sprint(sum(ch.values[i])))
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
