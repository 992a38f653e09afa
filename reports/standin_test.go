package reports

import (
	"io"
	"strings"
	"testing"
)

// A document signed, reviewed or a seal approved by a stand-in prints him
// in the office's wording: the 签发 box the stored 李四（代）, the review
// whom he stood in for, the seal form's 审签 the stored printed name.
func TestStandInPrinted(t *testing.T) {
	f := bundledFonts(t)
	d := sampleOutgoing()
	d.Signer, d.SignedFor, d.SignerPrinted = "赵常务", "王区长", "赵常务（代）"
	d.Reviews[1].For = "孙主任"
	path, _ := render(t, "outgoing-standin", func(w io.Writer) (Printed, error) { return OutgoingForm(w, f, sampleSettings, d) })
	text := squeeze(strings.Join(pageTexts(t, path), ""))
	for _, want := range []string{"赵常务（代）", d.Reviews[1].Leader + "（代孙主任）"} {
		if !strings.Contains(text, want) {
			t.Errorf("发文稿纸 does not print %q:\n%s", want, text)
		}
	}

	r := sampleSealRequest()
	last := &r.Approvals[len(r.Approvals)-1]
	last.Approver, last.For, last.Printed = "吴副主任", "孙堃", "吴副主任（代）"
	path, _ = render(t, "seal-standin", func(w io.Writer) (Printed, error) { return SealRequestForm(w, f, sampleSettings, r) })
	if text := squeeze(strings.Join(pageTexts(t, path), "")); !strings.Contains(text, "吴副主任（代）") {
		t.Errorf("seal form does not print the stand-in:\n%s", text)
	}
}
