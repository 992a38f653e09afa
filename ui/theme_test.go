package ui

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/go-text/typesetting/font"

	"gongwen/resources"
)

// Every character the window's own texts use must be in both bundled UI
// faces. The build leaves out Fyne's emoji font (no_emoji, for memory), so
// a symbol such as ⚠ or ✓ would be drawn by whatever font the office's
// system has, or as a box.
func TestWindowTextInBundledFonts(t *testing.T) {
	faces := map[string]*font.Face{}
	for name, data := range map[string][]byte{"NotoSansSC-Regular": resources.SansRegular, "NotoSansSC-Bold-UI": resources.UIBold} {
		f, err := font.ParseTTF(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		faces[name] = f
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("widgets/*.go")
	fset := token.NewFileSet()
	checked := 0
	for _, path := range append(files, more...) {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || (lit.Kind != token.STRING && lit.Kind != token.CHAR) {
				return true
			}
			text, err := strconv.Unquote(lit.Value)
			if err != nil {
				return true
			}
			for _, r := range text {
				if r < 0x20 {
					continue
				}
				checked++
				for name, f := range faces {
					if _, ok := f.NominalGlyph(r); !ok {
						t.Errorf("%s: %q (U+%04X) is not in %s", fset.Position(lit.Pos()), r, r, name)
					}
				}
			}
			return true
		})
	}
	if checked < 1000 {
		t.Fatalf("only %d characters checked: the window's sources were not found", checked)
	}
}
