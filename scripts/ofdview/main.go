// Command ofdview writes an HTML page that renders an OFD file with ofd.js
// (npm's ofd.js@0.2.6) in a browser, its pages one under the other, so
// that an independent reader can be compared with our PDF (make
// ofd-check).
//
//	ofdview -js ofd.umd.js -scale 4 form.ofd DIR
//
// It first checks the package (typeset.CheckOFD). ofd.js 0.2.6 draws text
// with the font named by FamilyName from the browser's fonts and ignores
// the embedded files; the page declares each embedded font file as a web
// font and hands it to ofd.js in their place, so that the browser draws
// the glyphs the OFD carries. ofd.js 0.2.6 also cuts a character outside
// the BMP (𠮷) into its two UTF-16 halves, one SVG text each, which crashes
// Chromium's renderer: the page loads a copy of ofd.js patched to step
// through the text by character. It prints the HTML file, the width and
// height of a page in pixels and the number of pages, tab-separated.
package main

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"gongwen/typeset"
)

func main() {
	js := flag.String("js", "", "ofd.umd.js of ofd.js@0.2.6")
	scale := flag.Float64("scale", 4, "pixels per millimetre")
	flag.Parse()
	if flag.NArg() != 2 || *js == "" {
		fmt.Fprintln(os.Stderr, "usage: ofdview -js ofd.umd.js [-scale 4] FILE.ofd DIR")
		os.Exit(2)
	}
	if err := run(*js, *scale, flag.Arg(0), flag.Arg(1)); err != nil {
		fmt.Fprintln(os.Stderr, "ofdview:", err)
		os.Exit(1)
	}
}

func run(js string, scale float64, file, dir string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	contents, err := typeset.CheckOFD(data)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	fonts, err := embeddedFonts(data)
	if err != nil {
		return err
	}
	box := strings.Fields(contents.PhysicalBox)
	if len(box) != 4 {
		return fmt.Errorf("PhysicalBox %q", contents.PhysicalBox)
	}
	wmm, _ := strconv.ParseFloat(box[2], 64)
	hmm, _ := strconv.ParseFloat(box[3], 64)
	w, h := int(wmm*scale+0.5), int(hmm*scale+0.5)
	jsURL, err := patchedReader(js, dir)
	if err != nil {
		return err
	}

	var css strings.Builder
	names := map[string]string{}
	for id, font := range fonts {
		name := "ofd-font-" + id
		names[id] = name
		fmt.Fprintf(&css, "@font-face{font-family:%q;src:url(data:font/ttf;base64,%s)}\n", name, base64.StdEncoding.EncodeToString(font))
	}
	fontMap, _ := json.Marshal(names)
	base := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	page := fmt.Sprintf(pageHTML, css.String(), "file://"+filepath.ToSlash(jsURL), base64.StdEncoding.EncodeToString(data), fontMap, wmm*scale+10)
	out := filepath.Join(dir, base+"-ofd.html")
	if err := os.WriteFile(out, []byte(page), 0o644); err != nil {
		return err
	}
	fmt.Printf("%s\t%d\t%d\t%d\n", out, w, h, len(contents.Pages))
	return nil
}

// patchedReader writes ofd.js with its text cut by character rather than
// by UTF-16 unit into dir, and returns the copy's absolute path.
func patchedReader(js, dir string) (string, error) {
	b, err := os.ReadFile(js)
	if err != nil {
		return "", err
	}
	src := string(b)
	for _, fix := range [][2]string{
		{"textStr = textStr.replace(/&#x20;/g, ' ');", "textStr = Array.from(textStr.replace(/&#x20;/g, ' '));"},
		{"var text = textStr.substring(i, i + 1);", "var text = textStr[i];"},
	} {
		if strings.Count(src, fix[0]) != 1 {
			return "", fmt.Errorf("%s is not ofd.js 0.2.6's ofd.umd.js: no %q", js, fix[0])
		}
		src = strings.Replace(src, fix[0], fix[1], 1)
	}
	out, err := filepath.Abs(filepath.Join(dir, "ofd.umd.patched.js"))
	if err != nil {
		return "", err
	}
	return out, os.WriteFile(out, []byte(src), 0o644)
}

// embeddedFonts is each font resource's file, by its ID.
func embeddedFonts(data []byte) (map[string][]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	read := func(name string) ([]byte, error) {
		f, err := zr.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return io.ReadAll(f)
	}
	var doc struct {
		PublicRes []string `xml:"CommonData>PublicRes"`
	}
	var root struct {
		DocRoot string `xml:"DocBody>DocRoot"`
	}
	b, err := read("OFD.xml")
	if err != nil {
		return nil, err
	}
	if err := xml.Unmarshal(b, &root); err != nil {
		return nil, err
	}
	if b, err = read(root.DocRoot); err != nil {
		return nil, err
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		return nil, err
	}
	fonts := map[string][]byte{}
	for _, r := range doc.PublicRes {
		resPath := path.Join(path.Dir(root.DocRoot), r)
		var res struct {
			BaseLoc string `xml:"BaseLoc,attr"`
			Fonts   []struct {
				ID   string `xml:"ID,attr"`
				File string `xml:"FontFile"`
			} `xml:"Fonts>Font"`
		}
		if b, err = read(resPath); err != nil {
			return nil, err
		}
		if err := xml.Unmarshal(b, &res); err != nil {
			return nil, err
		}
		for _, f := range res.Fonts {
			if fonts[f.ID], err = read(path.Join(path.Dir(resPath), res.BaseLoc, f.File)); err != nil {
				return nil, err
			}
		}
	}
	return fonts, nil
}

// pageHTML renders the pages at the width %[5]f that gives ofd.js its
// scale; body's data-status says "ok N" (N pages read) or the error, for
// the script to check.
const pageHTML = `<!DOCTYPE html>
<meta charset="utf-8">
<style>
html,body{margin:0;padding:0;background:#fff;overflow:hidden}
%[1]s</style>
<script src="%[2]s"></script>
<body data-status="pending">
<script>
const bytes = Uint8Array.from(atob("%[3]s"), c => c.charCodeAt(0));
ofd.parseOfdDocument({
  ofd: bytes.buffer,
  success(res) {
    const doc = res[0];
    doc.fontResObj = %[4]s;
    for (const div of ofd.renderOfd(%[5]f, doc)) {
      div.style.marginBottom = "0";
      div.style.overflow = "hidden";
      document.body.appendChild(div);
    }
    document.body.dataset.status = "ok " + doc.pages.length;
  },
  fail(err) { document.body.dataset.status = "error " + err; },
});
</script>
`
