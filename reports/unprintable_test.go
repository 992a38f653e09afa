package reports

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// hanazono is where Debian's fonts-hanazono (scripts/deps.sh) puts 花園明朝,
// whose two files cover the BMP and CJK Extensions B to F.
const hanazono = "/usr/share/fonts/truetype/hanazono"

// Characters outside the bundled fonts (𠮷 of Extension B, 鿏 of the
// Unified block past U+9FA5, 𫟼 of Extension D) are listed before printing
// on a machine without a font for them, and print from 花園明朝 where it is
// installed.
func TestRareCharacters(t *testing.T) {
	rare := "吉𠮷、杜鿏、𫟼"
	d := sampleIncoming()
	d.Remarks = "经办人：" + rare
	d.Instructions[1].Text += "（" + rare + "）"

	f := bundledFonts(t)
	if got := f.Unprintable(d); string(got) != "𠮷鿏𫟼" {
		t.Errorf("Unprintable with the bundled fonts = %q, want 𠮷鿏𫟼", string(got))
	}
	_, replaced := render(t, "rare-bundled", func(w io.Writer) (Printed, error) { return HandlingSlip(w, f, sampleSettings, d) })
	if string(replaced) != "𠮷鿏𫟼" {
		t.Errorf("the slip replaced %q, Unprintable foresaw 𠮷鿏𫟼", string(replaced))
	}

	if _, err := os.Stat(filepath.Join(hanazono, "HanaMinB.ttf")); err != nil {
		t.Skip("fonts-hanazono is not installed (scripts/deps.sh installs it)")
	}
	useFontDirs(t, hanazono)
	f, err := LoadFonts(sampleSettings.Fonts)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Unprintable(d); len(got) > 0 {
		t.Errorf("Unprintable with 花園明朝 installed = %q", string(got))
	}
	path, replaced := render(t, "rare-hanazono", func(w io.Writer) (Printed, error) { return HandlingSlip(w, f, sampleSettings, d) })
	if len(replaced) > 0 {
		t.Errorf("printed as 〓: %q", string(replaced))
	}
	checkAll(t, path, false)
	checkAllCharacters(t, path, []string{d.Remarks})
	if text := strings.Join(pageTexts(t, path), ""); strings.Contains(text, "〓") {
		t.Error("〓 on the paper")
	}
	if fonts := run(t, "pdffonts", path); !strings.Contains(fonts, "HanaMinA") || !strings.Contains(fonts, "HanaMinB") {
		t.Errorf("the rare characters do not come from 花園明朝:\n%s", fonts)
	}
	// a record with nothing rare has nothing to list
	if got := f.Unprintable(sampleOutgoing()); !slices.Equal(got, nil) {
		t.Errorf("Unprintable(outgoing) = %q", string(got))
	}
}
