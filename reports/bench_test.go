package reports

import (
	"io"
	"strings"
	"testing"
	"unicode"

	"gongwen/app"
)

// BenchmarkHandlingSlip prints one 收文处理笺, fonts loading included
// (LoadFonts answers from its cache after the first call, as it does in
// the program).
func BenchmarkHandlingSlip(b *testing.B) {
	d := sampleIncoming()
	for b.Loop() {
		f, err := LoadFonts(sampleSettings.Fonts)
		if err != nil {
			b.Fatal(err)
		}
		if err := printed(HandlingSlip(io.Discard, f, sampleSettings, d)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMonthlyReport300 prints a 督查通报 of 300 items using more than
// 2,000 distinct characters.
func BenchmarkMonthlyReport300(b *testing.B) {
	r := sampleMonthly(300)
	distinct := map[rune]bool{}
	for _, row := range r.Rows {
		for _, c := range row.Item.Title {
			if unicode.Is(unicode.Han, c) {
				distinct[c] = true
			}
		}
	}
	if len(distinct) < 2000 {
		b.Fatalf("only %d distinct characters", len(distinct))
	}
	f, err := LoadFonts(sampleSettings.Fonts)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := printed(MonthlyReport(io.Discard, f, sampleSettings, r)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadFonts: the first LoadFonts looks through the font folders
// (cold, after RescanFonts); later ones answer from the cache (warm).
func BenchmarkLoadFonts(b *testing.B) {
	b.Run("cold", func(b *testing.B) {
		for b.Loop() {
			RescanFonts()
			if _, err := LoadFonts(app.FontChoice{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("warm", func(b *testing.B) {
		for b.Loop() {
			if _, err := LoadFonts(app.FontChoice{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkLongRuns prints minutes whose body is 2,000 consecutive
// characters (U+4E00 on), the case gofpdf is slowest at (see maxRun in
// package typeset).
func BenchmarkLongRuns(b *testing.B) {
	var text strings.Builder
	for r := rune(0x4E00); r < 0x4E00+2000; r++ {
		text.WriteRune(r)
	}
	f, err := LoadFonts(sampleSettings.Fonts)
	if err != nil {
		b.Fatal(err)
	}
	m := sampleMeeting(3)
	m.Minutes.Body = text.String()
	for b.Loop() {
		if _, err := Minutes(io.Discard, f, sampleSettings, m); err != nil {
			b.Fatal(err)
		}
	}
}
