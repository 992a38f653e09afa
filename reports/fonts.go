package reports

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"gongwen/app"
	"gongwen/resources"
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

// choiceOf is the role's entry of app.FontChoice.
func (r FontRole) choiceOf(c app.FontChoice) string {
	return [...]string{c.Body, c.Title, c.Heading, c.Kai}[r]
}

// BundledChoice is the app.FontChoice value that asks for the font the
// program carries even when an official one is installed.
const BundledChoice = "bundled"

// officialFamilies are the installed fonts an office prints with, best
// first, matched against every family name a font file gives itself
// (ignoring case, spaces, '_' and '-').
var officialFamilies = [...][]string{
	RoleBody:    {"仿宋_GB2312", "FangSong_GB2312", "方正仿宋_GBK", "方正仿宋简体", "仿宋", "FangSong", "华文仿宋", "STFangsong"},
	RoleTitle:   {"方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "方正小标宋", "华文中宋", "STZhongsong", "宋体", "SimSun", "华文宋体", "STSong"},
	RoleHeading: {"黑体", "SimHei", "方正黑体_GBK", "方正黑体简体", "华文黑体", "STHeiti"},
	RoleKai:     {"楷体_GB2312", "KaiTi_GB2312", "方正楷体_GBK", "方正楷体简体", "楷体", "KaiTi", "华文楷体", "STKaiti"},
}

// lastResortFamilies are installed fonts tried, after the bundled ones, for
// a character nothing else has: the Ext-B fonts of Windows carry names such
// as 𠮷 that lie outside the BMP.
var lastResortFamilies = []string{
	"SimSun-ExtB", "SimSun-ExtG", "MingLiU-ExtB", "PMingLiU-ExtB", "宋体-方正超大字符集", "FZSongS-Extended",
	"HanaMinB", "HanaMinA", "BabelStone Han", "LXGW WenKai", "霞鹜文楷", "宋体", "SimSun", "新宋体", "NSimSun",
	"Microsoft YaHei", "微软雅黑", "Droid Sans Fallback",
}

// face is one usable font: bundled or installed, regular or bold.
type face struct {
	key     string // identity: "bundled:SerifRegular" or path#index
	name    string // as a secretary knows it: 仿宋_GB2312, Noto Serif SC
	psName  string // ASCII name for the PDF
	path    string
	index   int
	bundled bool
	sf      *sfnt
	emTop   float64 // top of the ideographic em box above the baseline, in em
}

func newFace(key, path string, index int, bundled bool, data []byte) (*face, error) {
	sf, err := parseSFNT(data, index)
	if err != nil {
		return nil, err
	}
	fams, _ := fontNames(sf.tables["name"])
	f := &face{key: key, path: path, index: index, bundled: bundled, sf: sf, name: displayName(fams), psName: asciiName(fams)}
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
	loaded map[app.FontChoice]*Fonts
}

// LoadFonts returns the faces for the office's choice (an empty entry of
// choice means automatic: an installed official font when there is one,
// else the bundled font). The first call looks through the font folders;
// later calls with the same choice return the same *Fonts at once. Call
// RescanFonts after fonts were installed.
func LoadFonts(choice app.FontChoice) (*Fonts, error) {
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
		fontCache.loaded = map[app.FontChoice]*Fonts{}
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

// FontCandidate is a font that could print a role.
type FontCandidate struct {
	Name    string // 仿宋_GB2312, Noto Serif SC（内置）
	Path    string // empty for a bundled font
	Index   int    // member of a font collection (.ttc)
	Bundled bool
	Usable  bool
	Problem string // why it cannot be used, for a person
}

// ChoiceValue is what to store in app.FontChoice to pick this font.
func (c FontCandidate) ChoiceValue() string {
	switch {
	case c.Bundled:
		return BundledChoice
	case c.Index > 0:
		return c.Path + "#" + strconv.Itoa(c.Index)
	}
	return c.Path
}

// RoleFonts lists, for one role, the fonts found and the one chosen.
type RoleFonts struct {
	Role       FontRole
	Candidates []FontCandidate // official fonts found, best first, then the bundled one
	Chosen     FontCandidate
	Problem    string // the font named in the settings could not be used
	chosen     *face
}

// FontCandidates tells the settings screen, for each role, which fonts were
// found and which one printing will use with choice.
func FontCandidates(choice app.FontChoice) []RoleFonts {
	return candidatesFor(choice)
}

func candidatesFor(choice app.FontChoice) []RoleFonts {
	found := installedFonts()
	var out []RoleFonts
	for _, role := range FontRoles {
		rf := RoleFonts{Role: role}
		type ranked struct {
			rank int
			c    FontCandidate
		}
		var rs []ranked
		for _, ff := range found {
			if rank := matchFamily(ff.families, officialFamilies[role]); rank >= 0 {
				rank *= 2
				if ff.weight >= 600 {
					rank++ // the regular member of a family first
				}
				rs = append(rs, ranked{rank, FontCandidate{Name: displayName(ff.families), Path: ff.path, Index: ff.index, Usable: ff.problem == "", Problem: ff.problem}})
			}
		}
		slices.SortStableFunc(rs, func(a, b ranked) int { return a.rank - b.rank })
		names := map[string]int{}
		for _, r := range rs {
			names[r.c.Name]++
		}
		for _, r := range rs {
			if names[r.c.Name] > 1 { // two files of one name: say which is which
				r.c.Name += "（" + filepath.Base(r.c.Path)
				if r.c.Index > 0 {
					r.c.Name += "#" + strconv.Itoa(r.c.Index)
				}
				r.c.Name += "）"
			}
			rf.Candidates = append(rf.Candidates, r.c)
		}
		bf := bundledFor(role, false)
		bundledCand := FontCandidate{Name: bf.name + "（内置）", Bundled: true, Usable: true}
		rf.Candidates = append(rf.Candidates, bundledCand)

		pick := func(c FontCandidate) bool {
			if c.Bundled {
				rf.Chosen, rf.chosen = c, bf
				return true
			}
			fc, err := loadInstalled(c.Path, c.Index)
			if err != nil {
				return false
			}
			rf.Chosen, rf.chosen = c, fc
			return true
		}
		switch want := strings.TrimSpace(role.choiceOf(choice)); want {
		case "":
		case BundledChoice:
			pick(bundledCand)
		default:
			path, index := splitChoice(want)
			c := FontCandidate{Name: filepath.Base(path), Path: path, Index: index, Usable: true}
			if fc, err := loadInstalled(path, index); err != nil {
				rf.Problem = fmt.Sprintf("设置中指定的字体“%s”无法使用（%v），已改用自动选择的字体", want, err)
			} else {
				c.Name = fc.name
				rf.Chosen, rf.chosen = c, fc
				if !slices.ContainsFunc(rf.Candidates, func(x FontCandidate) bool { return x.Path == path && x.Index == index }) {
					rf.Candidates = append([]FontCandidate{c}, rf.Candidates...)
				}
			}
		}
		for i := 0; rf.chosen == nil && i < len(rf.Candidates); i++ {
			if c := rf.Candidates[i]; c.Usable && !pick(c) {
				rf.Candidates[i].Usable, rf.Candidates[i].Problem = false, "无法读取"
			}
		}
		out = append(out, rf)
	}
	return out
}

// splitChoice reads "path" or "path#index" (a member of a collection).
func splitChoice(s string) (string, int) {
	if i := strings.LastIndexByte(s, '#'); i > 0 {
		if n, err := strconv.Atoi(s[i+1:]); err == nil && n >= 0 {
			return s[:i], n
		}
	}
	return s, 0
}

func normFamily(s string) string {
	return strings.ToLower(strings.NewReplacer(" ", "", "_", "", "-", "").Replace(s))
}

// matchFamily is the position in prefs of the first of fams it names, or -1.
func matchFamily(fams, prefs []string) int {
	best := -1
	for _, fam := range fams {
		n := normFamily(fam)
		for i, p := range prefs {
			if n == normFamily(p) && (best < 0 || i < best) {
				best = i
			}
		}
	}
	return best
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

// fontFile is a font found in a font folder, known by its names only.
type fontFile struct {
	path     string
	index    int
	families []string
	weight   int    // OS/2 usWeightClass; bold members are not picked for a role
	problem  string // why it cannot print, or ""
}

// fontDirs are the folders searched for installed fonts; tests replace it.
var fontDirs = systemFontDirs

func systemFontDirs() []string {
	home, _ := os.UserHomeDir()
	switch runtime.GOOS {
	case "windows":
		windir := os.Getenv("WINDIR")
		if windir == "" {
			windir = `C:\Windows`
		}
		dirs := []string{filepath.Join(windir, "Fonts")}
		if la := os.Getenv("LOCALAPPDATA"); la != "" {
			dirs = append(dirs, filepath.Join(la, "Microsoft", "Windows", "Fonts"))
		}
		return dirs
	case "darwin":
		return []string{"/Library/Fonts", "/System/Library/Fonts", filepath.Join(home, "Library", "Fonts")}
	}
	return []string{"/usr/share/fonts", "/usr/local/share/fonts", filepath.Join(home, ".local", "share", "fonts"), filepath.Join(home, ".fonts")}
}

var scan struct {
	sync.Mutex
	done  bool
	files []fontFile
}

// installedFonts reads the names of every font in the font folders, once.
func installedFonts() []fontFile {
	scan.Lock()
	defer scan.Unlock()
	if scan.done {
		return scan.files
	}
	scan.files = nil
	for _, dir := range fontDirs() {
		_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			switch strings.ToLower(filepath.Ext(path)) {
			case ".ttf", ".ttc", ".otf", ".otc":
				scan.files = append(scan.files, readFontFileNames(path)...)
			}
			return nil
		})
	}
	scan.done = true
	return scan.files
}

// readFontFileNames reads the table directories and name tables of a font
// file (each member of a collection), without reading the outlines.
func readFontFileNames(path string) []fontFile {
	fh, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return nil
	}
	size := st.Size()
	readAt := func(off, n int64) []byte {
		if off < 0 || n < 0 || off+n > size || n > 4<<20 {
			return nil
		}
		b := make([]byte, n)
		if _, err := fh.ReadAt(b, off); err != nil {
			return nil
		}
		return b
	}
	head := readAt(0, 12)
	if head == nil {
		return nil
	}
	offsets := []int64{0}
	if be.Uint32(head) == tagTTC {
		n := int64(be.Uint32(head[8:]))
		if n < 1 || n > 64 {
			return nil
		}
		tab := readAt(12, 4*n)
		if tab == nil {
			return nil
		}
		offsets = offsets[:0]
		for i := int64(0); i < n; i++ {
			offsets = append(offsets, int64(be.Uint32(tab[4*i:])))
		}
	}
	var out []fontFile
	for i, off := range offsets {
		dh := readAt(off, 12)
		if dh == nil {
			continue
		}
		n := int64(be.Uint16(dh[4:]))
		dir := readAt(off+12, 16*n)
		if dir == nil {
			continue
		}
		tables := map[string][2]int64{}
		for j := int64(0); j < n; j++ {
			rec := dir[16*j:]
			tables[string(rec[:4])] = [2]int64{int64(be.Uint32(rec[8:])), int64(be.Uint32(rec[12:]))}
		}
		ff := fontFile{path: path, index: i}
		if t, ok := tables["name"]; ok {
			ff.families, _ = fontNames(readAt(t[0], t[1]))
		}
		switch {
		case be.Uint32(dh) == tagOTTO, tables["glyf"] == [2]int64{}:
			ff.problem = errNotTrueType.Error()
		default:
			if t, ok := tables["OS/2"]; ok && t[1] >= 10 {
				if os2 := readAt(t[0], 10); os2 != nil {
					ff.weight = int(be.Uint16(os2[4:]))
					if fs := be.Uint16(os2[8:]); fs&0x0F == 0x0002 || fs&0x0300 != 0 {
						ff.problem = errNoEmbedding.Error()
					}
				}
			}
		}
		if len(ff.families) > 0 {
			out = append(out, ff)
		}
	}
	return out
}
