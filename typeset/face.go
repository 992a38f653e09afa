package typeset

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"sync"
	"unicode"

	"gongwen/resources"
)

// face is one usable font: bundled or installed, regular or bold.
type face struct {
	key     string // identity: "bundled:SerifRegular" or path#index
	name    string // as a secretary knows it: 仿宋_GB2312, Noto Serif SC
	psName  string // ASCII name for the PDF
	path    string
	index   int
	bundled bool
	sf      *sfnt
	data    []byte  // the font file, for drawing glyphs as pictures (raster.go)
	emTop   float64 // top of the ideographic em box above the baseline, in em
}

func newFace(key, path string, index int, bundled bool, data []byte) (*face, error) {
	sf, err := parseSFNT(data, index)
	if err != nil {
		return nil, err
	}
	fams, _ := fontNames(sf.tables["name"])
	f := &face{key: key, path: path, index: index, bundled: bundled, sf: sf, data: data, name: displayName(fams), psName: asciiName(fams)}
	f.emTop = 0.88 // Chinese fonts put the em box 0.88 above and 0.12 below the baseline
	if a, d := sf.typoAscent, sf.typoDescent; a > 0 && d <= 0 {
		if t := float64(a) / float64(a-d); t > 0.7 && t < 0.95 {
			f.emTop = t
		}
	}
	return f, nil
}

// displayName prefers the Chinese family name: 仿宋 over FangSong.
func displayName(fams []string) string {
	for _, n := range fams {
		if strings.IndexFunc(n, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
			return n
		}
	}
	if len(fams) > 0 {
		return fams[0]
	}
	return "未命名字体"
}

var nonPSName = regexp.MustCompile(`[^A-Za-z0-9]+`)

func asciiName(fams []string) string {
	for _, n := range fams {
		if s := nonPSName.ReplaceAllString(n, ""); s != "" {
			if len(s) > 28 {
				s = s[:28]
			}
			return s
		}
	}
	return "Font"
}

// The bundled faces, parsed once.
var bundled = sync.OnceValue(func() map[string]*face {
	m := map[string]*face{}
	for name, data := range map[string][]byte{
		"SerifRegular": resources.SerifRegular, "SerifBold": resources.SerifBold,
		"SansRegular": resources.SansRegular, "SansBold": resources.SansBold, "Kai": resources.Kai,
	} {
		f, err := newFace("bundled:"+name, "", 0, true, data)
		if err != nil {
			panic(fmt.Sprintf("bundled font %s: %v", name, err)) // a broken build, not a user's problem
		}
		m[name] = f
	}
	return m
})

// bundledFor is the bundled face of a role, regular or bold.
func bundledFor(role FontRole, bold bool) *face {
	b := bundled()
	switch role {
	case RoleTitle:
		return b["SerifBold"]
	case RoleHeading:
		if bold {
			return b["SansBold"]
		}
		return b["SansRegular"]
	case RoleKai:
		return b["Kai"]
	}
	if bold {
		return b["SerifBold"]
	}
	return b["SerifRegular"]
}

// installed caches the faces read from font files, by path, index, size
// and modification time.
var installed struct {
	sync.Mutex
	faces map[string]*face
}

func loadInstalled(path string, index int) (*face, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("找不到字体文件")
	}
	key := fmt.Sprintf("%s#%d#%d#%d", path, index, st.Size(), st.ModTime().UnixNano())
	installed.Lock()
	defer installed.Unlock()
	if f := installed.faces[key]; f != nil {
		return f, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取字体文件：%v", err)
	}
	f, err := newFace(key, path, index, false, data)
	if err != nil {
		return nil, err
	}
	if installed.faces == nil {
		installed.faces = map[string]*face{}
	}
	installed.faces[key] = f
	return f, nil
}

// FakeOfficialFont is a font file made of the bundled font named
// (SerifRegular, SerifBold, SansRegular, SansBold, Kai) cut down to chars
// and named family. Tests of the callers put it in a font folder to stand
// for an office's installed font.
func FakeOfficialFont(bundledName, family, chars string) ([]byte, error) {
	src := bundled()[bundledName]
	if src == nil {
		return nil, fmt.Errorf("no bundled font %q", bundledName)
	}
	var gs []subsetGlyph
	seen := map[rune]bool{}
	for _, r := range chars {
		if g := src.sf.glyphIndex(r); g != 0 && r <= 0xFFFF && !seen[r] {
			seen[r] = true
			gs = append(gs, subsetGlyph{uint16(r), g})
		}
	}
	return subsetFont(src.sf, gs, family), nil
}
