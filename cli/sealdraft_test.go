package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// A draft request for the 党组印章 goes round naming the steps its seal's
// chain will take (副主任审核, 区长审签), not the office seal's 主任审签.
func TestPrintDraftSealRequestChain(t *testing.T) {
	var draft string
	for _, r := range exportBook(t, demoDB, "seals") {
		if r["status"] == "draft" && strings.Contains(r["seal"].(string), "党组") {
			draft, _ = r["number"].(string)
		}
	}
	if draft == "" {
		t.Fatal("the sample office has no draft request for the 党组印章")
	}
	file := filepath.Join(t.TempDir(), "seal.pdf")
	if code, _, errOut := runCLI(t, "--db", demoDB, "print", "seal", draft, "-o", file); code != 0 {
		t.Fatalf("print seal %s: %d %s", draft, code, errOut)
	}
	text := pdfText(t, file)
	for _, want := range []string{"副主任审核", "区长审签"} {
		if !strings.Contains(text, want) {
			t.Errorf("the draft lacks %s", want)
		}
	}
	if strings.Contains(text, "主任审签") {
		t.Error("the draft names 主任审签, the office seal's step")
	}
}
