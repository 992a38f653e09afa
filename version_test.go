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
