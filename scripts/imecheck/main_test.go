package main

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// screen writes a screenshot: a light window with the theme's blue field
// border (in every picture) and, when caret is not nil, a 1-pixel caret
// 20 pixels high at it.
func screen(t *testing.T, path string, caret *image.Point) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 400, 200))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.RGBA{0xf2, 0xf2, 0xf2, 0xff}), image.Point{}, draw.Src)
	blue := color.RGBA{caretR, caretG, caretB, 0xff}
	for x := 40; x < 360; x++ { // the focused field's border
		img.Set(x, 80, blue)
		img.Set(x, 115, blue)
	}
	for y := 80; y <= 115; y++ {
		img.Set(40, y, blue)
		img.Set(359, y, blue)
	}
	if caret != nil {
		for y := caret.Y; y < caret.Y+20; y++ {
			img.Set(caret.X, y, blue)
		}
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// moments writes moment a with the caret at 150,87 (in the second of two
// pictures: it blinks) and moment b with it at 60,87, and their readings.
func moments(t *testing.T, readingA, readingB string) string {
	dir := t.TempDir()
	screen(t, filepath.Join(dir, "a1.png"), nil)
	screen(t, filepath.Join(dir, "a2.png"), &image.Point{150, 87})
	screen(t, filepath.Join(dir, "b1.png"), &image.Point{60, 87})
	os.WriteFile(filepath.Join(dir, "a.log"), []byte(readingA+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.log"), []byte(readingB+"\n"), 0o644)
	return dir
}

func TestFollowsTheCaret(t *testing.T) {
	dir := moments(t,
		"caret 150,87 composition 151,87 candidate 150,107 exclude 150,87,151,107",
		"caret 60,87 composition 60,87 candidate 60,107 exclude 60,87,61,107")
	line, err := check(dir)
	if err != nil {
		t.Fatal(err)
	}
	if line != "ime: composition at 60,87 follows caret 60,87 (2/2)" {
		t.Errorf("printed %q", line)
	}
}

func TestFailsWhenTheInputMethodStaysPut(t *testing.T) {
	for name, readings := range map[string][2]string{
		"composition elsewhere": {"caret 150,87 composition 150,87 candidate 150,107 exclude 150,87,151,107",
			"caret 60,87 composition 150,87 candidate 60,107 exclude 60,87,61,107"},
		"no candidate position": {"caret 150,87 composition 150,87 candidate 150,107 exclude 150,87,151,107",
			"caret 60,87 composition 60,87 candidate none"},
		"candidate list elsewhere": {"caret 150,87 composition 150,87 candidate 0,0 exclude 0,0,0,0",
			"caret 60,87 composition 60,87 candidate 60,107 exclude 60,87,61,107"},
		"no input context": {"caret 150,87 no input context", "caret 60,87 no input context"},
	} {
		if _, err := check(moments(t, readings[0], readings[1])); err == nil {
			t.Errorf("%s: the check passed", name)
		}
	}
}

func TestFailsWithoutACaretOnTheScreen(t *testing.T) {
	dir := t.TempDir()
	screen(t, filepath.Join(dir, "a1.png"), nil)
	screen(t, filepath.Join(dir, "b1.png"), &image.Point{60, 87})
	os.WriteFile(filepath.Join(dir, "a.log"), []byte("caret 150,87 composition 150,87 candidate 150,107 exclude 150,87,151,107\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.log"), []byte("caret 60,87 composition 60,87 candidate 60,107 exclude 60,87,61,107\n"), 0o644)
	if _, err := check(dir); err == nil || !strings.Contains(err.Error(), "0 carets") {
		t.Errorf("got %v, want no caret found", err)
	}
}
