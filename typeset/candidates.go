package typeset

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// BundledChoice is the FontChoice value that asks for the font the
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

// FontCandidate is a font that could print a role.
type FontCandidate struct {
	Name    string // 仿宋_GB2312, Noto Serif SC（内置）
	Path    string // empty for a bundled font
	Index   int    // member of a font collection (.ttc)
	Bundled bool
	Usable  bool
	Problem string // why it cannot be used, for a person
}

// ChoiceValue is what to store in FontChoice to pick this font.
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
func FontCandidates(choice FontChoice) []RoleFonts {
	return candidatesFor(choice)
}

func candidatesFor(choice FontChoice) []RoleFonts {
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
		switch want := strings.TrimSpace(choice[role]); want {
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
