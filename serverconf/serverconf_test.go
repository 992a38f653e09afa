package serverconf

import (
	"os"
	"strings"
	"testing"
)

// The remembered server comes back whole, and its file never holds the
// password as it was typed.
func TestSaveKeepsNoPlainPassword(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("AppData", os.Getenv("XDG_CONFIG_HOME")) // Windows' config folder
	if got, err := Load(); err != nil || got != "" {
		t.Fatalf("nothing saved yet: %q, %v", got, err)
	}
	const url = "postgres://gongwen:Mi%40ma-2026@192.168.1.10:5432/gongwen?sslmode=disable"
	if err := Save(url); err != nil {
		t.Fatal(err)
	}
	path, _ := Path()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, plain := range []string{"Mi@ma-2026", "Mi%40ma-2026"} {
		if strings.Contains(string(b), plain) {
			t.Fatalf("the file holds the password in plain text:\n%s", b)
		}
	}
	if !strings.Contains(string(b), "192.168.1.10:5432/gongwen") {
		t.Errorf("the file does not name the server:\n%s", b)
	}
	if got, err := Load(); err != nil || got != url {
		t.Fatalf("Load = %q, %v; want %q", got, err, url)
	}
	if err := Forget(); err != nil {
		t.Fatal(err)
	}
	if got, _ := Load(); got != "" {
		t.Errorf("forgotten, still %q", got)
	}
}

// A file whose password was sealed elsewhere is refused in Chinese.
func TestForeignPasswordIsRefused(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	if err := Save("postgres://a:b@h/db"); err != nil {
		t.Fatal(err)
	}
	path, _ := Path()
	b, _ := os.ReadFile(path)
	other, _ := seal("x")
	os.WriteFile(path, []byte(strings.Replace(string(b), `"password": "`, `"password": "`+other[:8], 1)), 0o600)
	if _, err := Load(); err == nil || !strings.Contains(err.Error(), "无法解开") {
		t.Fatalf("err = %v", err)
	}
}
