package cli

import (
	"bytes"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// What goes to a Chinese console's file or pipe arrives in its code page,
// whole characters even when a write splits one, with "?" for what the code
// page lacks and no byte order mark.
func TestEncodeOutput(t *testing.T) {
	enc, err := OutputEncoding("936")
	if err != nil || enc != simplifiedchinese.GBK {
		t.Fatalf("936: %v %v", enc, err)
	}
	var got bytes.Buffer
	w := EncodeOutput(&got, enc)
	text := []byte("\uFEFF收文编号,标题\n2026-0001,关于𠮷的通知\n")
	for i := 0; i < len(text); i += 2 { // two bytes at a time: every character is split
		if _, err := w.Write(text[i:min(i+2, len(text))]); err != nil {
			t.Fatal(err)
		}
	}
	want, _ := simplifiedchinese.GBK.NewEncoder().String("收文编号,标题\n2026-0001,关于?的通知\n")
	if got.String() != want {
		t.Fatalf("GBK output %x; want %x", got.Bytes(), want)
	}
	if enc, err := OutputEncoding("UTF-8"); err != nil || EncodeOutput(&got, enc) != &got {
		t.Fatal("UTF-8 needs no conversion")
	}
	if _, err := OutputEncoding("latin9"); err == nil {
		t.Fatal("an unknown encoding is accepted")
	}
	if CodePageName(936) != "936" || CodePageName(12345) != "" {
		t.Fatal("code page names")
	}
}
