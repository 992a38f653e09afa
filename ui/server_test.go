package ui

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"gongwen/serverconf"
	"gongwen/ui/widgets"
)

// serverHarness is a window whose user configuration folder is the
// test's own, with 连接单位服务器 open.
func serverHarness(t *testing.T) *harness {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	h := newHarness(t, false)
	h.u.showServerForm()
	return h
}

func savedServer(t *testing.T) string {
	t.Helper()
	path, err := serverconf.Path()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return string(b)
}

// Bad input is refused in Chinese and nothing is remembered; a good one is
// remembered for the next start, its password not in plain text.
func TestServerFormValidates(t *testing.T) {
	h := serverHarness(t)
	h.typeIn("用户名", "gongwen")
	h.typeIn("密码", "Mi@ma 2026")
	h.saveFails("请填写服务器地址")
	h.typeIn("服务器地址", "postgres://192.168.1.10/gongwen")
	h.saveFails("只写主机名或 IP 地址")
	h.typeIn("服务器地址", "192.168.1.10")
	for _, port := range []string{"", "abc", "0", "70000"} {
		h.typeIn("端口", port)
		h.saveFails("端口应是 1 到 65535 之间的数字")
	}
	h.typeIn("端口", "5433")
	h.typeIn("数据库", "")
	h.saveFails("请填写数据库名")
	if got := savedServer(t); got != "" {
		t.Fatalf("refused input was saved:\n%s", got)
	}
	h.typeIn("数据库", "gongwen")
	h.save()
	if !h.shows("请关闭本窗口，再重新打开公文督办台") {
		t.Error("no word that the server is used from the next start")
	}
	file := savedServer(t)
	if !strings.Contains(file, "192.168.1.10:5433/gongwen") {
		t.Errorf("the file does not name the server:\n%s", file)
	}
	for _, plain := range []string{"Mi@ma 2026", url.QueryEscape("Mi@ma 2026"), url.PathEscape("Mi@ma 2026"), "Mi%40ma"} {
		if strings.Contains(file, plain) {
			t.Fatalf("the password is in the file as %q:\n%s", plain, file)
		}
	}
	if got, err := serverconf.Load(); err != nil || got != "postgres://gongwen:Mi%40ma%202026@192.168.1.10:5433/gongwen" {
		t.Errorf("the next start opens %q, %v", got, err)
	}
}

// 测试连接 opens the office on the real test server; a wrong password gets
// the engine's Chinese message, and neither remembers anything.
func TestServerFormTestsTheConnection(t *testing.T) {
	base := os.Getenv("GONGWEN_TEST_PG")
	if base == "" {
		t.Skip("GONGWEN_TEST_PG is not set: 测试连接 is not tried against a server")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("gongwen_ui_test_%d", os.Getpid())
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	defer admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	pw, _ := u.User.Password()

	h := serverHarness(t)
	h.typeIn("服务器地址", u.Hostname())
	h.typeIn("端口", u.Port())
	h.typeIn("数据库", name)
	h.typeIn("用户名", u.User.Username())
	try := func(password string) string {
		h.typeIn("密码", password)
		h.tapButton("测试连接")
		h.u.Wait()
		if msg := h.form().ErrorText(); msg != "" {
			return msg
		}
		if h.shows("连接成功，可以保存") {
			return "连接成功，可以保存"
		}
		return "no word on the connection"
	}
	if got := try(pw + "x"); !strings.Contains(got, "用户名或密码不对") {
		t.Errorf("wrong password: %q", got)
	}
	if got := try(pw); got != "连接成功，可以保存" {
		t.Errorf("right password: %q", got)
	}
	if got := savedServer(t); got != "" {
		t.Errorf("测试连接 saved:\n%s", got)
	}
}

// The first-run dialog's third way in opens 连接单位服务器, and leaves the
// office's own fields alone.
func TestWelcomeOffersTheServer(t *testing.T) {
	h := serverHarness(t)
	h.form().Cancel()
	h.u.showWelcome()
	how := h.form().Get("开始方式").(*widgets.RadioGroup)
	how.SetSelected(startServer)
	if !h.form().Get("单位名称").(*widgets.Entry).Disabled() {
		t.Error("单位名称 stays open for the server")
	}
	h.save()
	if got := h.form().Title; got != "连接单位服务器" {
		t.Fatalf("the welcome opened %q", got)
	}
	if h.desk.Settings().Operators[0] != "张文书" {
		t.Error("the welcome changed the office's settings")
	}
}
