// Command imecheck checks, for scripts/wine-smoke.sh, that the input
// method's windows follow the caret of the Windows program under Wine:
//
//	imecheck DIR
//
// DIR holds two moments, a and b, with the caret of the same entry at two
// places: screenshots a1.png… and b1.png… of the whole screen (several,
// since the caret blinks) and a.log, b.log, the last line the program
// wrote with GONGWEN_IME_LOG at that moment ("caret X,Y composition X,Y
// candidate X,Y exclude L,T,R,B", screen pixels read back from the input
// context). The caret is found in the pictures, not taken from the
// program: a thin upright bar of the theme's blue that is in one moment's
// pictures and not in the other's (the text and the field's blue border
// stay). Each moment's composition point and the top-left corner of its
// candidate exclusion area must be at its caret, within 2 pixels.
package main

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
)

// caretBlue is the theme's primary colour (ui/theme.go), the caret's.
const caretR, caretG, caretB = 0x1d, 0x5f, 0xbf

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "用法：imecheck 目录")
		os.Exit(2)
	}
	line, err := check(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "ime:", err)
		os.Exit(1)
	}
	fmt.Println(line)
}

type point struct{ X, Y int }

// bar is an upright run of caret-blue pixels: its top and its height.
type bar struct {
	point
	Height int
}

func check(dir string) (string, error) {
	bars := map[string][]bar{}
	for _, moment := range []string{"a", "b"} {
		shots, _ := filepath.Glob(filepath.Join(dir, moment+"*.png"))
		if len(shots) == 0 {
			return "", fmt.Errorf("no screenshots of moment %s", moment)
		}
		for _, shot := range shots {
			found, err := thinBars(shot)
			if err != nil {
				return "", err
			}
			bars[moment] = append(bars[moment], found...)
		}
	}
	carets := map[string]point{}
	for moment, other := range map[string]string{"a": "b", "b": "a"} {
		var only []bar
		for _, b := range bars[moment] {
			if !near(b, bars[other]) && !near(b, only) {
				only = append(only, b)
			}
		}
		if len(only) != 1 {
			return "", fmt.Errorf("moment %s: %d carets found on the screen (%v), want 1", moment, len(only), only)
		}
		carets[moment] = only[0].point
	}
	if d := carets["a"].X - carets["b"].X; d*d < 25 {
		return "", fmt.Errorf("the caret did not move: %v and %v", carets["a"], carets["b"])
	}
	var last string
	for _, moment := range []string{"a", "b"} {
		raw, err := os.ReadFile(filepath.Join(dir, moment+".log"))
		if err != nil {
			return "", err
		}
		reading := strings.TrimSpace(string(raw))
		var caret, composition point
		var exclude [4]int
		if _, err := fmt.Sscanf(reading, "caret %d,%d composition %d,%d", &caret.X, &caret.Y, &composition.X, &composition.Y); err != nil {
			return "", fmt.Errorf("moment %s: no composition position in the input context: %q", moment, reading)
		}
		seen := carets[moment]
		if !within2(composition, seen) {
			return "", fmt.Errorf("moment %s: composition at %d,%d, caret on the screen at %d,%d", moment, composition.X, composition.Y, seen.X, seen.Y)
		}
		_, rest, _ := strings.Cut(reading, " candidate ")
		if _, err := fmt.Sscanf(rest, "%d,%d exclude %d,%d,%d,%d", new(int), new(int), &exclude[0], &exclude[1], &exclude[2], &exclude[3]); err != nil {
			return "", fmt.Errorf("moment %s: no candidate list position in the input context: %q", moment, reading)
		}
		if !within2(point{exclude[0], exclude[1]}, seen) {
			return "", fmt.Errorf("moment %s: candidate list kept off %v, caret on the screen at %d,%d", moment, exclude, seen.X, seen.Y)
		}
		last = fmt.Sprintf("ime: composition at %d,%d follows caret %d,%d (2/2)", composition.X, composition.Y, seen.X, seen.Y)
	}
	return last, nil
}

func within2(p, q point) bool {
	return abs(p.X-q.X) <= 2 && abs(p.Y-q.Y) <= 2
}

func near(b bar, bars []bar) bool {
	for _, o := range bars {
		if within2(b.point, o.point) {
			return true
		}
	}
	return false
}

// thinBars returns the upright bars of caret blue, 12 to 40 pixels high,
// at most 2 pixels wide (a filled button or a border's corner is wider).
func thinBars(path string) ([]bar, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	r := img.Bounds()
	blue := func(x, y int) bool {
		if !(image.Point{x, y}).In(r) {
			return false
		}
		cr, cg, cb, _ := img.At(x, y).RGBA()
		return abs(int(cr>>8)-caretR)+abs(int(cg>>8)-caretG)+abs(int(cb>>8)-caretB) < 90
	}
	var bars []bar
	for x := r.Min.X; x < r.Max.X; x++ {
		for y := r.Min.Y; y < r.Max.Y; {
			if !blue(x, y) {
				y++
				continue
			}
			top := y
			for y < r.Max.Y && blue(x, y) {
				y++
			}
			// its left edge, and no wider than 2 pixels
			h := y - top
			if h >= 12 && h <= 40 && !blue(x-1, top+h/2) && !blue(x+2, top+h/2) {
				bars = append(bars, bar{point{x, top}, h})
			}
		}
	}
	return bars, nil
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
