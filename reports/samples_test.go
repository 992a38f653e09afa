package reports

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"gongwen/app"
)

// TestWriteSamples keeps one example of each form, and a PNG of its first
// page, in the folder named by GONGWEN_SAMPLES, and the 督查通报 as OFD:
//
//	GONGWEN_SAMPLES=../docs/samples go test -tags sqlite_fts5 -run TestWriteSamples ./reports/
//
// The fonts are those the program would find on the machine.
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("GONGWEN_SAMPLES")
	if dir == "" {
		t.Skip("set GONGWEN_SAMPLES to a folder to write the examples")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	RescanFonts()
	f, err := LoadFonts(app.FontChoice{})
	if err != nil {
		t.Fatal(err)
	}
	for _, rf := range FontCandidates(app.FontChoice{}) {
		t.Logf("%s: %s", rf.Role.Label(), rf.Chosen.Name)
	}
	forms := sampleForms(f)
	for _, fm := range forms {
		path, replaced := render(t, "sample", fm.form)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, fm.name+".pdf")
		if err := os.WriteFile(out, data, 0o644); err != nil {
			t.Fatal(err)
		}
		pngOf(t, out, filepath.Join(dir, fm.name+".png"), 1, 1)
		if fm.name == ofdSample { // one form also as OFD; make ofd-check renders it
			writeOFDSample(t, fm, filepath.Join(dir, fm.name+".ofd"))
		}
		t.Logf("%s: %d KB%s", fm.name, len(data)/1024, map[bool]string{true: "，印为〓：" + string(replaced), false: ""}[len(replaced) > 0])
	}
}

// ofdSample is the form kept in docs/samples as OFD too.
const ofdSample = "monthly-report"

// sampleForm is one form of the samples, drawn on a writer.
type sampleForm struct {
	name string
	form func(io.Writer) (Printed, error)
}

// sampleForms is one example of each form, with the fonts f.
func sampleForms(f *Fonts) []sampleForm {
	return []sampleForm{
		{"handling-slip", func(w io.Writer) (Printed, error) { return HandlingSlip(w, f, sampleSettings, sampleIncoming()) }},
		{"handling-slip-blank", func(w io.Writer) (Printed, error) { return HandlingSlip(w, f, sampleSettings, sampleBlank()) }},
		{"circulation-slip", func(w io.Writer) (Printed, error) {
			return CirculationSlip(w, f, sampleSettings, sampleBlank(), []string{"王喆", "李堃", "张玥", "赵镕"})
		}},
		{"outgoing-form", func(w io.Writer) (Printed, error) {
			d := sampleOutgoing()
			d.Disclosure, d.DisclosureReason = app.DiscloseNot, "涉密文件" // a signed 发文 has its 公开属性
			return OutgoingForm(w, f, sampleSettings, d)
		}},
		{"seal-request", func(w io.Writer) (Printed, error) { return SealRequestForm(w, f, sampleSettings, sampleSealRequest()) }},
		{"seal-log", func(w io.Writer) (Printed, error) {
			return SealLog(w, f, sampleSettings, app.D(2026, 1, 1), app.D(2026, 1, 31), sampleSealLog(24))
		}},
		{"minutes", func(w io.Writer) (Printed, error) { return Minutes(w, f, sampleSettings, sampleMeeting(24)) }},
		{"monthly-report", func(w io.Writer) (Printed, error) {
			return MonthlyReport(w, f, sampleSettings, sampleMonthlyReadable(36))
		}},
		{"assign-slip", func(w io.Writer) (Printed, error) {
			return SupervisionSlip(w, f, sampleSupervisionSettings, sampleSupervisionItem(), sampleSlip(app.SlipAssign))
		}},
		{"reminder-slip", func(w io.Writer) (Printed, error) {
			return SupervisionSlip(w, f, sampleSupervisionSettings, sampleSupervisionItem(), sampleSlip(app.SlipReminder))
		}},
		{"notice-slip", func(w io.Writer) (Printed, error) {
			return SupervisionSlip(w, f, sampleSupervisionSettings, sampleRedItem(), sampleSlip(app.SlipNotice))
		}},
		{"archive-catalog", func(w io.Writer) (Printed, error) {
			return ArchiveCatalog(w, f, sampleSettings, 2026, sampleArchive(30))
		}},
	}
}
