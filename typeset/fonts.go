package typeset

import (
	"slices"
	"sync"
)

// FontRole is what a typeface does on GB/T 9704 paper.
type FontRole int

const (
	RoleBody    FontRole = iota // 仿宋: body text and filled-in values
	RoleTitle                   // 小标宋 (宋体 in its absence): titles and marks
	RoleHeading                 // 黑体: first-level headings and labels
	RoleKai                     // 楷体: second-level headings
)

// FontRoles lists the roles in the order the settings screen shows them.
var FontRoles = []FontRole{RoleBody, RoleTitle, RoleHeading, RoleKai}

// Label is the role's name for a secretary.
func (r FontRole) Label() string {
	return [...]string{"正文（仿宋）", "标题（小标宋）", "黑体", "楷体"}[r]
}

// FontChoice names, for each role, the font to print with: a font file
// ("path#index" for a member of a collection), BundledChoice, or "" for
// the automatic choice.
type FontChoice [4]string

// Fonts are the faces a printout uses: one per role and the fallbacks for
// characters a face lacks. A Fonts is read-only once loaded and may be
// shared by goroutines.
type Fonts struct {
	primary    [4]*face
	alternates [4][]source // the role's other installed fonts (仿宋 after 仿宋_GB2312)
	fallbacks  []*face     // the bundled faces
	lastResort []source    // installed faces for what nothing else has
	problems   []string
}

// source is a face, or an installed font not read until a character needs
// it (SimSun-ExtB is 20 MB and most paper never needs it).
type source interface{ get() *face }

func (f *face) get() *face { return f }

type lazyFace struct {
	file fontFile
	once sync.Once
	face *face
}

func (l *lazyFace) get() *face {
	l.once.Do(func() { l.face, _ = loadInstalled(l.file.path, l.file.index) })
	return l.face
}

// Problems explains settings that could not be honoured (a named font file
// missing or unusable); printing then uses the automatic choice.
func (f *Fonts) Problems() []string { return slices.Clone(f.problems) }

// FaceName is the name of the font a role prints with.
func (f *Fonts) FaceName(role FontRole) string { return f.primary[role].name }

// chain is the order in which faces are tried for a character of role: the
// chosen face, the role's other installed fonts, the role's bundled face,
// the other bundled faces, then installed fonts with rare characters.
func (f *Fonts) chain(role FontRole, bold bool) []source {
	first := f.primary[role]
	if bold && first.bundled {
		first = bundledFor(role, true)
	}
	out := []source{first}
	out = append(out, f.alternates[role]...)
	seen := map[*face]bool{first: true}
	for _, b := range append([]*face{bundledFor(role, bold)}, f.fallbacks...) {
		if !seen[b] {
			seen[b] = true
			out = append(out, b)
		}
	}
	return append(out, f.lastResort...)
}

var fontCache struct {
	sync.Mutex
	loaded map[FontChoice]*Fonts
}

// LoadFonts returns the faces for the office's choice (an empty entry of
// choice means automatic: an installed official font when there is one,
// else the bundled font). The first call looks through the font folders;
// later calls with the same choice return the same *Fonts at once. Call
// RescanFonts after fonts were installed.
func LoadFonts(choice FontChoice) (*Fonts, error) {
	fontCache.Lock()
	defer fontCache.Unlock()
	if f := fontCache.loaded[choice]; f != nil {
		return f, nil
	}
	cands := candidatesFor(choice)
	f := &Fonts{}
	for _, rc := range cands {
		f.primary[rc.Role] = rc.chosen
		if rc.Problem != "" {
			f.problems = append(f.problems, rc.Role.Label()+"："+rc.Problem)
		}
		for _, c := range rc.Candidates {
			if c.Usable && !c.Bundled && (c.Path != rc.chosen.path || c.Index != rc.chosen.index) {
				f.alternates[rc.Role] = append(f.alternates[rc.Role], &lazyFace{file: fontFile{path: c.Path, index: c.Index}})
			}
		}
	}
	b := bundled()
	f.fallbacks = []*face{b["SerifRegular"], b["SansRegular"], b["Kai"], b["SerifBold"], b["SansBold"]}
	var last []fontFile
	for _, ff := range installedFonts() {
		if matchFamily(ff.families, lastResortFamilies) >= 0 && ff.problem == "" && ff.weight < 600 {
			last = append(last, ff)
		}
	}
	slices.SortStableFunc(last, func(a, b fontFile) int {
		return matchFamily(a.families, lastResortFamilies) - matchFamily(b.families, lastResortFamilies)
	})
	for _, ff := range last {
		f.lastResort = append(f.lastResort, &lazyFace{file: ff})
	}
	if fontCache.loaded == nil {
		fontCache.loaded = map[FontChoice]*Fonts{}
	}
	fontCache.loaded[choice] = f
	return f, nil
}

// RescanFonts forgets what was found in the font folders, so that the next
// LoadFonts or FontCandidates sees newly installed fonts.
func RescanFonts() {
	fontCache.Lock()
	fontCache.loaded = nil
	fontCache.Unlock()
	scan.Lock()
	scan.done = false
	scan.Unlock()
	installed.Lock()
	installed.faces = nil
	installed.Unlock()
}
