package reports

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"gongwen/app"
	"gongwen/typeset"
)

var ofdDay = time.Date(2026, 3, 10, 9, 0, 0, 0, time.Local)

// Every form written as OFD is a sound package (typeset.CheckOFD: every
// part parses, every resource it names is there, IDs unique and within
// MaxUnitID, the fonts TrueType with every glyph drawn) with the PDF's
// pages and the PDF's text, character for character, as pdftotext reads
// the PDF in drawing order (-raw) and the OFD's TextCodes give it.
func TestEveryFormAsOFD(t *testing.T) {
	needTool(t, "pdftotext")
	f := bundledFonts(t)
	for _, fm := range sampleForms(f) {
		pdf, pdfReplaced := render(t, fm.name, fm.form)
		var buf bytes.Buffer
		printed, err := fm.form(AsOFD(&buf, ofdDay))
		if err != nil {
			t.Fatalf("%s: %v", fm.name, err)
		}
		if !slices.Equal(printed.Replaced, pdfReplaced) {
			t.Errorf("%s: the OFD replaced %q, the PDF %q", fm.name, string(printed.Replaced), string(pdfReplaced))
		}
		ofd, err := typeset.CheckOFD(buf.Bytes())
		if err != nil {
			t.Errorf("%s: %v", fm.name, err)
			continue
		}
		if ofd.CreationDate != "2026-03-10" || ofd.Creator != "公文督办台" || ofd.Title == "" {
			t.Errorf("%s: DocInfo %q %q %q", fm.name, ofd.Title, ofd.Creator, ofd.CreationDate)
		}
		out := run(t, "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-")
		if n := strings.Count(out, "\f"); n != len(ofd.Pages) {
			t.Errorf("%s: the OFD has %d pages, the PDF %d", fm.name, len(ofd.Pages), n)
			continue
		}
		for i, page := range strings.Split(strings.TrimSuffix(out, "\f"), "\f") {
			if a, b := squeeze(page), squeeze(ofd.Pages[i]); a != b {
				t.Errorf("%s page %d: the text differs\nPDF %s\nOFD %s", fm.name, i+1, a, b)
			}
		}
		landscape := fm.name == "seal-log" || fm.name == "archive-catalog"
		if want := map[bool]string{false: "0 0 210 297", true: "0 0 297 210"}[landscape]; ofd.PhysicalBox != want {
			t.Errorf("%s: PhysicalBox %q, want %q", fm.name, ofd.PhysicalBox, want)
		}
	}
}

// TestWriteOFDs writes every sample form as OFD and PDF into the folder
// named by GONGWEN_OFD_DIR, with the fonts of the machine, for an
// independent reader to render beside the PDF (make ofd-check).
func TestWriteOFDs(t *testing.T) {
	dir := os.Getenv("GONGWEN_OFD_DIR")
	if dir == "" {
		t.Skip("set GONGWEN_OFD_DIR to a folder to write the forms as OFD")
	}
	f, err := LoadFonts(app.FontChoice{})
	if err != nil {
		t.Fatal(err)
	}
	for _, fm := range sampleForms(f) {
		writeOFDSample(t, fm, filepath.Join(dir, fm.name+".ofd"))
		pdf, _ := render(t, fm.name, fm.form)
		if out, err := exec.Command("cp", pdf, filepath.Join(dir, fm.name+".pdf")).CombinedOutput(); err != nil {
			t.Fatalf("%v %s", err, out)
		}
	}
}

// writeOFDSample writes a form as OFD to path.
func writeOFDSample(t *testing.T, fm sampleForm, path string) {
	t.Helper()
	var buf bytes.Buffer
	if _, err := fm.form(AsOFD(&buf, ofdDay)); err != nil {
		t.Fatalf("%s: %v", fm.name, err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
