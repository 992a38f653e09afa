package reports

import (
	"testing"

	"gongwen/app"
	"gongwen/typeset"
)

// useFontDirs makes the font search see only dirs (none: the bundled fonts
// alone) for the rest of the test.
func useFontDirs(t *testing.T, dirs ...string) {
	t.Helper()
	old := typeset.FontDirs
	typeset.FontDirs = func() []string { return dirs }
	RescanFonts()
	t.Cleanup(func() {
		typeset.FontDirs = old
		RescanFonts()
	})
}

// bundledFonts are the fonts of a machine with no Chinese fonts installed.
func bundledFonts(t *testing.T) *Fonts {
	t.Helper()
	useFontDirs(t)
	f, err := LoadFonts(app.FontChoice{})
	if err != nil {
		t.Fatal(err)
	}
	return f
}
