package main

import (
	"os"
	"regexp"
	"testing"

	"gongwen/app"
)

// The version the program reports must be the one the packages carry.
func TestVersionMatchesFyneApp(t *testing.T) {
	raw, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindSubmatch(raw)
	if m == nil || string(m[1]) != app.Version {
		t.Fatalf("FyneApp.toml Version %q, app.Version %q", m, app.Version)
	}
}

// The README and the 使用说明 send users to tabs of 设置 that exist (the
// data file is under 数据与备份, not 关于 or 数据).
func TestDocsNameRealSettingsTabs(t *testing.T) {
	src, err := os.ReadFile("ui/settings.go")
	if err != nil {
		t.Fatal(err)
	}
	tabs := map[string]bool{}
	for _, m := range regexp.MustCompile(`container\.NewTabItem\("([^"]+)"`).FindAllStringSubmatch(string(src), -1) {
		tabs[m[1]] = true
	}
	ref := regexp.MustCompile(`设置(?:—| → )([^”"，、。；：,;:)（）\s→]+)`)
	for _, doc := range []string{"README.md", "packaging/使用说明.txt"} {
		text, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		refs := ref.FindAllStringSubmatch(string(text), -1)
		if len(refs) == 0 {
			t.Errorf("%s names no tab of 设置", doc)
		}
		for _, m := range refs {
			if !tabs[m[1]] {
				t.Errorf("%s sends the user to “%s”: 设置 has no tab %q (it has %v)", doc, m[0], m[1], tabs)
			}
		}
	}
}
