package typeset

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// fontFile is a font found in a font folder, known by its names only.
type fontFile struct {
	path     string
	index    int
	families []string
	weight   int    // OS/2 usWeightClass; bold members are not picked for a role
	problem  string // why it cannot print, or ""
}

// FontDirs are the folders searched for installed fonts; tests replace it
// (then RescanFonts).
var FontDirs = systemFontDirs

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
	for _, dir := range FontDirs() {
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
