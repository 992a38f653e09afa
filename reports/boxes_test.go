package reports

import (
	"io"
	"math"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gongwen/app"
)

// rect is a rectangle drawn on a page, in mm from the top left.
type rect struct {
	page       int
	x, y, w, h float64
}

// pdfRects reads the rectangles (re operators) the PDF draws, page by page.
func pdfRects(t *testing.T, path string) []rect {
	t.Helper()
	needTool(t, "qpdf")
	data, err := exec.Command("qpdf", "--qdf", "--object-streams=disable", path, "-").Output()
	if err != nil {
		t.Fatalf("qpdf --qdf %s: %v", path, err)
	}
	const mm = 25.4 / 72
	const pageH = 297.0
	num := `(-?[\d.]+)`
	reRE := regexp.MustCompile(num + ` ` + num + ` ` + num + ` ` + num + ` re\b`)
	var out []rect
	for i, part := range strings.Split(string(data), "%% Contents for page ")[1:] {
		for _, m := range reRE.FindAllStringSubmatch(part, -1) {
			var v [4]float64
			for k := range v {
				v[k], _ = strconv.ParseFloat(m[k+1], 64)
			}
			x, y, w, h := v[0]*mm, v[1]*mm, v[2]*mm, v[3]*mm
			if h < 0 { // gofpdf draws from the top left downwards
				y, h = y+h, -h
			}
			out = append(out, rect{i + 1, x, pageH - y - h, w, h})
		}
	}
	return out
}

// boxHeights gives, for each label, the height of the row it heads on the
// first page it appears: the smallest rectangle around the label's word.
func boxHeights(t *testing.T, path string, labels ...string) map[string]float64 {
	t.Helper()
	rects := pdfRects(t, path)
	words := bboxWords(t, path)
	out := map[string]float64{}
	for _, label := range labels {
		for _, w := range words {
			// a spaced-out caption comes back one character a word
			if w.text != label && w.text != string([]rune(label)[0]) {
				continue
			}
			xc, yc := (w.xMin+w.xMax)/2, (w.yMin+w.yMax)/2
			best := 0.0
			for _, r := range rects {
				if r.page == w.page && r.x <= xc && xc <= r.x+r.w && r.y <= yc && yc <= r.y+r.h && (best == 0 || r.h*r.w < best) {
					best = r.h * r.w
					out[label] = r.h
				}
			}
			break
		}
		if out[label] == 0 {
			t.Errorf("%s: no box labelled %s", path, label)
		}
	}
	return out
}

// The boxes leaders sign are as tall on a long record as on a short one;
// the long text goes on to the continuation page instead.
func TestSigningBoxesKeepSize(t *testing.T) {
	f := bundledFonts(t)
	out, seal, _, _ := longRecords()
	out.CopyTo = out.MainTo
	normalOut := sampleOutgoing()
	normalOut.IssuingCode, normalOut.DocNo = out.IssuingCode, out.DocNo
	normalSeal := sampleSealRequest()
	normalSeal.Chain, normalSeal.Approvals = seal.Chain, nil
	seal.Approvals = nil
	for _, tt := range []struct {
		name         string
		normal, long func(io.Writer) (Printed, error)
		labels       []string
	}{
		{"outgoing", func(w io.Writer) (Printed, error) { return OutgoingForm(w, f, sampleSettings, normalOut) },
			func(w io.Writer) (Printed, error) { return OutgoingForm(w, f, sampleSettings, out) }, []string{"签发", "审核"}},
		{"seal", func(w io.Writer) (Printed, error) { return SealRequestForm(w, f, sampleSettings, normalSeal) },
			func(w io.Writer) (Printed, error) { return SealRequestForm(w, f, sampleSettings, seal) }, []string{"副主任审核", "主任审签", "区长审签"}},
	} {
		normalPath, _ := render(t, tt.name+"-normal", tt.normal)
		longPath, _ := render(t, tt.name+"-long", tt.long)
		if n := len(pageTexts(t, normalPath)); n != 1 {
			t.Fatalf("%s: the normal form has %d pages", tt.name, n)
		}
		normal, long := boxHeights(t, normalPath, tt.labels...), boxHeights(t, longPath, tt.labels...)
		t.Logf("%s: normal %v, long %v", tt.name, normal, long)
		for _, l := range tt.labels {
			if math.Abs(normal[l]-long[l]) > 1 {
				t.Errorf("%s: the %s box is %.1f mm on the long record, %.1f mm on a normal one", tt.name, l, long[l], normal[l])
			}
		}
	}
}

// A draft's 审核 box has a line to sign on for each review it awaits: the
// 副主任, the 主任 and, for a government document, the 分管副区长.
func TestReviewBoxSignLines(t *testing.T) {
	f := bundledFonts(t)
	d := sampleOutgoing()
	d.IssuingCode, d.DocNo, d.Signer, d.SignedOn, d.Reviews = "示府发", "", "", app.Date{}, nil
	path, _ := render(t, "review-lines", func(w io.Writer) (Printed, error) { return OutgoingForm(w, f, sampleSettings, d) })
	text := squeeze(pageTexts(t, path)[0])
	if n := strings.Count(text, "签名："); n != 3 {
		t.Errorf("%d lines to sign in the 审核 box, want 3:\n%s", n, text)
	}
	for _, role := range []string{"副主任：", "主任：", "分管副区长审核："} {
		if !strings.Contains(text, role) {
			t.Errorf("no %s in the 审核 box", role)
		}
	}
	// once the 副主任 and 主任 have reviewed, only the 分管副区长 is awaited
	d.Reviews = sampleOutgoing().Reviews
	path, _ = render(t, "review-one-line", func(w io.Writer) (Printed, error) { return OutgoingForm(w, f, sampleSettings, d) })
	if text := squeeze(pageTexts(t, path)[0]); strings.Count(text, "签名：") != 1 || !strings.Contains(text, "分管副区长审核：") {
		t.Errorf("after two reviews:\n%s", text)
	}
}
