package reports

import (
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gongwen/app"
	"gongwen/typeset"
)

// fakeFont cuts a bundled font down to chars and names it family, standing
// in for an office's installed font (仿宋_GB2312 lacks 喆, as the real one
// does).
func fakeFont(t *testing.T, bundled, family, chars string) []byte {
	t.Helper()
	data, err := typeset.FakeOfficialFont(bundled, family, chars)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

var be = binary.BigEndian

const asciiAndPunct = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~" +
	"，。、；：？！“”‘’（）《》〔〕【】—…·～「」『』〓　"

// gb2312ish is what the fake official fonts carry: ASCII, punctuation and
// the common characters, without 喆 堃 玥.
func gb2312ish() string {
	return asciiAndPunct + commonHanzi + "示例区人民政府办公室收文处理笺来文单位字号密级紧急程度份数件标题拟办意见领导批示承理时限结果备注编号日期类别页附重点检查事项清单值班安排表无特急"
}

// makeTTC packs fonts into a collection (.ttc): each font's table offsets
// count from the start of the collection.
func makeTTC(fonts ...[]byte) []byte {
	head := make([]byte, 12+4*len(fonts))
	copy(head, "ttcf")
	be.PutUint32(head[4:], 0x00010000)
	be.PutUint32(head[8:], uint32(len(fonts)))
	out := head
	for i, f := range fonts {
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		base := len(out)
		be.PutUint32(out[12+4*i:], uint32(base))
		f = slices.Clone(f)
		n := int(be.Uint16(f[4:]))
		for j := 0; j < n; j++ {
			rec := f[12+16*j:]
			be.PutUint32(rec[8:], be.Uint32(rec[8:])+uint32(base))
		}
		out = append(out, f...)
	}
	return out
}

// setFsType patches a font's embedding flags.
func setFsType(data []byte, fs uint16) []byte {
	data = slices.Clone(data)
	n := int(be.Uint16(data[4:]))
	for j := 0; j < n; j++ {
		rec := data[12+16*j:]
		if string(rec[:4]) == "OS/2" {
			be.PutUint16(data[be.Uint32(rec[8:])+8:], fs)
		}
	}
	return data
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// The office's installed fonts are preferred, found by their names (also
// inside a .ttc), those that may not be embedded are shown but not used,
// and a character the chosen font lacks comes from a bundled one.
func TestInstalledFontsPreferred(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "仿宋_GB2312.ttf", fakeFont(t, "SerifRegular", "仿宋_GB2312", gb2312ish()))
	// Windows' own 仿宋 has the GBK characters 仿宋_GB2312 lacks
	writeFile(t, dir, "simfang.ttf", fakeFont(t, "SerifRegular", "FangSong", gb2312ish()+strings.Join(docTexts(sampleIncoming()), "")))
	writeFile(t, dir, "simsun.ttc", makeTTC(
		fakeFont(t, "SerifRegular", "SimSun", gb2312ish()),
		fakeFont(t, "SansRegular", "NSimSun", gb2312ish())))
	heiData := fakeFont(t, "SansRegular", "黑体", gb2312ish())
	writeFile(t, dir, "restricted-hei.ttf", setFsType(heiData, 0x0002))
	writeFile(t, dir, "notes.txt", []byte("not a font"))
	useFontDirs(t, dir)

	roles := FontCandidates(app.FontChoice{})
	byRole := map[FontRole]RoleFonts{}
	for _, rf := range roles {
		byRole[rf.Role] = rf
	}
	if c := byRole[RoleBody].Chosen; c.Name != "仿宋_GB2312" || c.Bundled {
		t.Errorf("body prints with %+v, want the installed 仿宋_GB2312", c)
	}
	title := byRole[RoleTitle]
	if c := title.Chosen; c.Name != "SimSun" || c.Index != 0 || !strings.HasSuffix(c.Path, "simsun.ttc") {
		t.Errorf("title prints with %+v, want SimSun from simsun.ttc", c)
	}
	heading := byRole[RoleHeading]
	if !heading.Chosen.Bundled {
		t.Errorf("heading prints with %+v, want the bundled font: the installed 黑体 forbids embedding", heading.Chosen)
	}
	if len(heading.Candidates) != 2 || heading.Candidates[0].Usable || !strings.Contains(heading.Candidates[0].Problem, "嵌入") {
		t.Errorf("heading candidates %+v: want the restricted 黑体 listed with its problem, then the bundled font", heading.Candidates)
	}
	if kai := byRole[RoleKai]; len(kai.Candidates) != 1 || !kai.Chosen.Bundled {
		t.Errorf("楷体: %+v", kai)
	}

	f, err := LoadFonts(app.FontChoice{})
	if err != nil {
		t.Fatal(err)
	}
	if f.FaceName(RoleBody) != "仿宋_GB2312" || f.FaceName(RoleTitle) != "SimSun" {
		t.Errorf("loaded %s / %s", f.FaceName(RoleBody), f.FaceName(RoleTitle))
	}
	d := sampleIncoming()
	path, replaced := render(t, "official", func(w io.Writer) (Printed, error) { return HandlingSlip(w, f, sampleSettings, d) })
	if !slices.Equal(replaced, []rune("𠮷")) {
		t.Errorf("replaced %q", string(replaced))
	}
	checkAll(t, path, false)
	checkAllCharacters(t, path, docTexts(d))
	if hasTool("pdffonts") {
		out := run(t, "pdffonts", path)
		// 喆 comes from 仿宋 where 仿宋_GB2312 lacks it; in the 楷体 of the
		// 批示 it comes from the bundled serif
		for _, want := range []string{"GB2312", "FangSong", "SimSun", "NotoSerifSC"} {
			if !strings.Contains(out, want) {
				t.Errorf("pdffonts shows no %s font:\n%s", want, out)
			}
		}
	}
	// headings of 1. level are 仿宋 bold: an installed 仿宋 has no bold,
	// its strokes are thickened
	m := sampleMeeting(5)
	path, _ = render(t, "official-minutes", func(w io.Writer) (Printed, error) { return Minutes(w, f, sampleSettings, m) })
	checkAll(t, path, false)
	checkAllCharacters(t, path, []string{m.Minutes.Body}, "1. 道路交通。由区公安分局牵头，开展酒驾醉驾专项整治。")
}

// A font named in the settings wins; a member of a collection is named
// path#index; a missing file falls back to the automatic choice and says so.
func TestFontChoice(t *testing.T) {
	dir := t.TempDir()
	ttc := writeFile(t, dir, "pair.ttc", makeTTC(
		fakeFont(t, "SerifRegular", "仿宋", gb2312ish()),
		fakeFont(t, "SansRegular", "SimHei", gb2312ish())))
	useFontDirs(t, dir)

	member := FontCandidate{Path: ttc, Index: 1}
	choice := app.FontChoice{Heading: member.ChoiceValue(), Body: BundledChoice, Kai: filepath.Join(dir, "gone.ttf")}
	rs := FontCandidates(choice)
	if c := rs[RoleHeading].Chosen; c.Name != "SimHei" || c.Index != 1 {
		t.Errorf("heading chosen %+v, want SimHei, member 1 of pair.ttc", c)
	}
	if c := rs[RoleBody].Chosen; !c.Bundled {
		t.Errorf("body chosen %+v, want the bundled font as the settings ask", c)
	}
	if rs[RoleBody].Candidates[0].Name != "仿宋" {
		t.Errorf("the installed 仿宋 is not offered: %+v", rs[RoleBody].Candidates)
	}
	if rs[RoleKai].Problem == "" || !rs[RoleKai].Chosen.Bundled {
		t.Errorf("a missing file: %+v", rs[RoleKai])
	}
	f, err := LoadFonts(choice)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Problems()) != 1 || !strings.Contains(f.Problems()[0], "gone.ttf") {
		t.Errorf("problems %q", f.Problems())
	}
	if again, _ := LoadFonts(choice); again != f {
		t.Error("LoadFonts does not reuse its work")
	}
	path, _ := render(t, "choice", func(w io.Writer) (Printed, error) { return OutgoingForm(w, f, sampleSettings, sampleOutgoing()) })
	checkAll(t, path, false)
	if hasTool("pdffonts") && !strings.Contains(run(t, "pdffonts", path), "SimHei") {
		t.Error("the chosen SimHei is not in the PDF")
	}
}

// Characters outside the BMP never panic: drawn from an installed font that
// has them, else printed as 〓 and reported; copying the text gives them back.
func TestCharactersOutsideTheBMP(t *testing.T) {
	odd := "吉𠮷、𠀀、😀与𪚥"
	m := sampleMeeting(3)
	m.Attendees = append(m.Attendees, odd)
	f := bundledFonts(t)
	path, replaced := render(t, "nonbmp", func(w io.Writer) (Printed, error) { return Minutes(w, f, sampleSettings, m) })
	if want := []rune("𠮷𠀀😀𪚥"); !slices.Equal(replaced, want) {
		t.Errorf("replaced %q, want %q", string(replaced), string(want))
	}
	checkAll(t, path, false)
	checkAllCharacters(t, path, []string{odd})

	p, err := Minutes(io.Discard, f, sampleSettings, m)
	if err != nil || !strings.Contains(p.Warning(), "𠮷（U+20BB7）") {
		t.Errorf("warning %q, error %v", p.Warning(), err)
	}

	// LXGW WenKai, when installed, has 𠮷
	lxgw := "/usr/share/fonts/truetype/lxgw-wenkai"
	if _, err := os.Stat(filepath.Join(lxgw, "LXGWWenKai-Regular.ttf")); err != nil {
		t.Skip("LXGW WenKai is not installed")
	}
	useFontDirs(t, lxgw)
	f, err = LoadFonts(app.FontChoice{})
	if err != nil {
		t.Fatal(err)
	}
	path, replaced = render(t, "nonbmp-font", func(w io.Writer) (Printed, error) { return Minutes(w, f, sampleSettings, m) })
	if slices.Contains(replaced, '𠮷') {
		t.Errorf("𠮷 replaced although LXGW WenKai has it")
	}
	checkAll(t, path, false)
	checkAllCharacters(t, path, []string{odd})
	if hasTool("pdffonts") && !strings.Contains(run(t, "pdffonts", path), "LXGWWenKai") {
		t.Error("𠮷 not drawn from LXGW WenKai")
	}
}

// Broken text (invalid UTF-8, control characters, non-BMP in the office's
// name, which goes into the PDF's information) prints without a panic.
func TestBrokenText(t *testing.T) {
	f := bundledFonts(t)
	s := sampleSettings
	s.OrgName = "吉𠮷区人民政府办公室\xe4"
	d := sampleBlank()
	d.Title = "标题\x00\x07含\u200b零宽\ufe0f和\xff无效\t字节"
	path, replaced := render(t, "broken", func(w io.Writer) (Printed, error) { return HandlingSlip(w, f, s, d) })
	checkAll(t, path, false)
	checkAllCharacters(t, path, []string{"标题含零宽和", "无效字节", "吉𠮷区人民政府办公室"})
	if !slices.Contains(replaced, '𠮷') {
		t.Errorf("replaced %q", string(replaced))
	}
}

// The window prints while the settings screen lists fonts: a *Fonts is
// shared between goroutines.
func TestConcurrentPrinting(t *testing.T) {
	useFontDirs(t, "/usr/share/fonts")
	done := make(chan error)
	for i := 0; i < 4; i++ {
		go func(i int) {
			f, err := LoadFonts(app.FontChoice{})
			if err == nil {
				FontCandidates(app.FontChoice{})
				m := sampleMeeting(3)
				m.Attendees = append(m.Attendees, "吉𠮷", string(rune(0x2A6A5+i)))
				err = printed(Minutes(io.Discard, f, sampleSettings, m))
			}
			done <- err
		}(i)
	}
	for i := 0; i < 4; i++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

// gofpdf builds a font's width table in time cubic in the length of runs of
// consecutive character codes; such runs are shared between two fonts
// (typeset's TestSplitRunsKeepsRunsShort counts them; BenchmarkLongRuns
// times them), and the text still reads whole.
func TestLongRunsOfConsecutiveCharacters(t *testing.T) {
	var b strings.Builder
	for r := rune(0x4E00); r < 0x4E00+2000; r++ {
		b.WriteRune(r)
	}
	f := bundledFonts(t)
	m := sampleMeeting(3)
	m.Minutes.Body = b.String()
	path, _ := render(t, "runs", func(w io.Writer) (Printed, error) { return Minutes(w, f, sampleSettings, m) })
	checkAll(t, path, false)
	checkAllCharacters(t, path, []string{m.Minutes.Body})
	words := bboxWords(t, path)
	// the pieces of a line drawn with the two fonts join up: pdftotext
	// sees whole lines of 28 characters
	full := 0
	for _, w := range words {
		if len([]rune(w.text)) == 28 {
			full++
		}
	}
	if full < 50 {
		t.Errorf("only %d full lines read back whole", full)
	}
}
