package cli

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"reflect"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"gongwen/data"
)

// serverDB creates a throwaway database on the server of GONGWEN_TEST_PG
// (dropped when the test ends) and returns its URL; without a server the
// test skips, unless GONGWEN_REQUIRE_PG says it must not (CI).
func serverDB(t *testing.T) string {
	t.Helper()
	base := os.Getenv("GONGWEN_TEST_PG")
	if base == "" {
		if os.Getenv("GONGWEN_REQUIRE_PG") != "" {
			t.Fatal("GONGWEN_REQUIRE_PG is set but GONGWEN_TEST_PG is not")
		}
		t.Skip("GONGWEN_TEST_PG is not set: no PostgreSQL server to test the command line against")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	name := fmt.Sprintf("gongwen_cli_test_%d", os.Getpid())
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)") })
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// The command line on a server office: demo builds the same sample office
// as on a file (every book exports alike), search finds the same, check
// passes, and what a server cannot do yet, or a wrong password, ends with
// exit 1 and a Chinese message naming the server, never the password.
func TestServerOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the sample office on a server")
	}
	db := serverDB(t)
	server := data.ServerName(db)
	code, out, errOut := runCLI(t, "--db", db, "demo")
	if code != 0 || !strings.Contains(out, server) {
		t.Fatalf("demo on a server: %d %q %q", code, out, errOut)
	}
	for _, book := range []string{"docs", "seals", "supervision", "meetings"} {
		if got, want := exportBook(t, db, book), exportBook(t, demoDB, book); !reflect.DeepEqual(got, want) {
			t.Errorf("%s on the server differ from the file's: %d and %d rows", book, len(got), len(want))
		}
	}
	for _, q := range []string{"安", "安全", "安全生产", "〔2026〕1", "不可能出现的词语组合"} {
		_, got, _ := runCLI(t, "--db", db, "search", "--json", q)
		_, want, _ := runCLI(t, "--db", demoDB, "search", "--json", q)
		if got != want {
			t.Errorf("search %q on the server:\n%s\nfile:\n%s", q, got, want)
		}
	}
	if code, out, errOut := runCLI(t, "--db", db, "check"); code != 0 || !strings.Contains(out, server) {
		t.Errorf("check: %d %q %q", code, out, errOut)
	}
	t.Setenv("GONGWEN_DB", db)
	if code, out, _ := runCLI(t, "search", "安全"); code != 0 || !strings.Contains(out, "共找到") {
		t.Errorf("GONGWEN_DB with a server URL: %d %q", code, out)
	}
	u, _ := url.Parse(db)
	u.User = url.UserPassword(u.User.Username(), "wrong-pass-7")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--db", db, "backup"}, "暂时不能用本程序备份或恢复"},
		{[]string{"--db", db, "restore", "x.db"}, "暂时不能用本程序备份或恢复"},
		{[]string{"--db", u.String(), "search", "安全"}, "用户名或密码不对"},
	} {
		code, out, errOut := runCLI(t, c.args...)
		if code != 1 || !strings.Contains(errOut, c.want) || !strings.Contains(errOut, server) || out != "" {
			t.Errorf("%v: %d %q %q", c.args[2:], code, out, errOut)
		}
		if strings.Contains(errOut, "wrong-pass-7") {
			t.Errorf("%v shows the password: %q", c.args[2:], errOut)
		}
	}
}
