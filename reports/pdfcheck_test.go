package reports

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// Checks of a PDF as a reader sees it, with poppler-utils and qpdf. Each
// check is skipped when its tool is missing.

func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s is not installed", name)
	}
}

func hasTool(name string) bool {
	_, err := exec.LookPath(name)
	return err == nil
}

// render writes a form into a temporary PDF and returns its path and the
// characters it reported as replaced.
func render(t *testing.T, name string, form func(io.Writer) (Printed, error)) (string, []rune) {
	t.Helper()
	var buf bytes.Buffer
	p, err := form(&buf)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	path := filepath.Join(t.TempDir(), name+".pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, p.Replaced
}

// printed is err, or an error when characters of the BMP were printed as
// 〓: whether those outside it are depends on the fonts of the machine
// (LXGW WenKai, when installed, has 𠮷); every other character must print.
func printed(p Printed, err error) error {
	if err != nil {
		return err
	}
	for _, r := range p.Replaced {
		if r <= 0xFFFF {
			return errors.New(p.Warning())
		}
	}
	return nil
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// pageTexts is the text of each page, as pdftotext reads it.
func pageTexts(t *testing.T, path string) []string {
	t.Helper()
	out := run(t, "pdftotext", "-enc", "UTF-8", path, "-")
	pages := strings.Split(out, "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// checkAllCharacters verifies that every character of the inputs comes
// back from pdftotext at least as often as the inputs hold it, and that
// each of the whole strings in contiguous comes back in one piece.
func checkAllCharacters(t *testing.T, path string, inputs []string, contiguous ...string) {
	t.Helper()
	needTool(t, "pdftotext")
	got := squeeze(folioRE.ReplaceAllString(strings.Join(pageTexts(t, path), ""), ""))
	have := map[rune]int{}
	for _, r := range got {
		have[r]++
	}
	want := map[rune]int{}
	seen := map[string]bool{}
	for _, in := range inputs {
		if seen[in] {
			continue // a value printed once though two fields hold it
		}
		seen[in] = true
		for _, r := range squeeze(in) {
			want[r]++
		}
	}
	var missing []string
	for r, n := range want {
		if have[r] < n {
			missing = append(missing, string(r)+"×"+strconv.Itoa(n-have[r]))
		}
	}
	if len(missing) > 0 {
		t.Errorf("characters lost in %s: %s", filepath.Base(path), strings.Join(missing, " "))
	}
	for _, s := range contiguous {
		if !strings.Contains(got, squeeze(s)) {
			t.Errorf("%s does not come back in one piece: %.40s…", filepath.Base(path), s)
		}
	}
}

// folioRE matches the page numbers, which pdftotext reads in the middle of
// a paragraph that runs over a page.
var folioRE = regexp.MustCompile(`—\s*\d+\s*—|第\s*\d+\s*页\s*共\s*\d+\s*页`)

// checkFontsEmbedded verifies with pdffonts that every font is an embedded
// subset.
func checkFontsEmbedded(t *testing.T, path string) {
	t.Helper()
	needTool(t, "pdffonts")
	out := run(t, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", out)
	}
	for _, ln := range lines[2:] {
		f := strings.Fields(ln)
		// name type... encoding emb sub uni object ID: emb/sub/uni are the 5th, 4th and 3rd from the end
		if len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" {
			t.Errorf("font not an embedded subset: %s", ln)
		}
	}
}

func checkQPDF(t *testing.T, path string) {
	t.Helper()
	needTool(t, "qpdf")
	out, err := exec.Command("qpdf", "--check", path).CombinedOutput()
	if err != nil {
		t.Errorf("qpdf --check %s: %v\n%s", filepath.Base(path), err, out)
	}
}

var pageSizeRE = regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`)

// checkA4 verifies the page size and returns the number of pages.
func checkA4(t *testing.T, path string, landscape bool) int {
	t.Helper()
	needTool(t, "pdfinfo")
	out := run(t, "pdfinfo", path)
	m := pageSizeRE.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo shows no page size:\n%s", out)
	}
	w, _ := strconv.ParseFloat(m[1], 64)
	h, _ := strconv.ParseFloat(m[2], 64)
	if landscape {
		w, h = h, w
	}
	if math.Abs(w-595.28) > 1 || math.Abs(h-841.89) > 1 {
		t.Errorf("page is %s x %s pt, not A4", m[1], m[2])
	}
	pm := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(out)
	n, _ := strconv.Atoi(pm[1])
	return n
}

// checkPageNumbers verifies that every page carries its number.
func checkPageNumbers(t *testing.T, path string, format func(n, total int) string) {
	t.Helper()
	needTool(t, "pdftotext")
	pages := pageTexts(t, path)
	for i, p := range pages {
		if want := squeeze(format(i+1, len(pages))); !strings.Contains(squeeze(p), want) {
			t.Errorf("page %d of %s has no page number %q", i+1, filepath.Base(path), want)
		}
	}
}

func checkAll(t *testing.T, path string, landscape bool) int {
	t.Helper()
	checkFontsEmbedded(t, path)
	checkQPDF(t, path)
	return checkA4(t, path, landscape)
}

// word is a word of pdftotext -bbox, in mm from the top-left corner.
type word struct {
	page                   int
	xMin, yMin, xMax, yMax float64
	text                   string
}

func bboxWords(t *testing.T, path string) []word {
	t.Helper()
	needTool(t, "pdftotext")
	// stdout alone: a blank page makes pdftotext say "no word list" on stderr
	data, err := exec.Command("pdftotext", "-bbox", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox %s: %v", path, err)
	}
	out := string(data)
	var doc struct {
		Pages []struct {
			Words []struct {
				XMin float64 `xml:"xMin,attr"`
				YMin float64 `xml:"yMin,attr"`
				XMax float64 `xml:"xMax,attr"`
				YMax float64 `xml:"yMax,attr"`
				Text string  `xml:",chardata"`
			} `xml:"word"`
		} `xml:"body>doc>page"`
	}
	dec := xml.NewDecoder(strings.NewReader(out))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("reading pdftotext -bbox: %v", err)
	}
	const mm = 25.4 / 72
	var words []word
	for i, p := range doc.Pages {
		for _, w := range p.Words {
			words = append(words, word{i + 1, w.XMin * mm, w.YMin * mm, w.XMax * mm, w.YMax * mm, w.Text})
		}
	}
	return words
}

// pngOf renders page 1 of a PDF at 60 dpi next to it, for looking at.
func pngOf(t *testing.T, pdf, png string, first, last int) {
	t.Helper()
	if !hasTool("pdftoppm") {
		return
	}
	args := []string{"-png", "-r", "60", "-f", strconv.Itoa(first), "-l", strconv.Itoa(last)}
	if first == last {
		args = append(args, "-singlefile")
	}
	run(t, "pdftoppm", append(args, pdf, strings.TrimSuffix(png, ".png"))...)
}
