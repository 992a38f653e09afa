package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"gongwen/app"
)

// TestMain runs the program itself when GONGWEN_TEST_RUN_MAIN is set, so a
// test can start this test binary as the real program, with the same
// package initialisation, under an environment of its choosing.
func TestMain(m *testing.M) {
	if os.Getenv("GONGWEN_TEST_RUN_MAIN") != "" {
		os.Args = append([]string{"gongwen"}, strings.Fields(os.Getenv("GONGWEN_TEST_RUN_MAIN"))...)
		main()
		return
	}
	os.Exit(m.Run())
}

// runProgram runs the program with args under the environment given on top
// of this one (locale variables cleared first).
func runProgram(t *testing.T, args string, env ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); name != "LANG" && name != "LANGUAGE" && !strings.HasPrefix(name, "LC_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "GONGWEN_TEST_RUN_MAIN="+args)
	cmd.Env = append(cmd.Env, env...)
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errOut.String(), code
}

// Under LANG=C.UTF-8 (a common default) a command line verb writes nothing
// to standard error: Fyne, which parses the locale while the program starts,
// must not complain about "C".
func TestNoLocaleErrorsOnTheCommandLine(t *testing.T) {
	db := filepath.Join(t.TempDir(), "office.db")
	for _, env := range [][]string{{"LANG=C.UTF-8"}, {"LC_ALL=C.UTF-8"}, {"LANG=POSIX.UTF-8"}, {"LANG=C"}, {"LANG=zh_CN.UTF-8"}} {
		for _, verb := range []struct{ args, want string }{
			{"version", "公文督办台"},
			{"--db " + db + " due --from 2026-09-30 --workdays 5", "2026-10-13"},
		} {
			out, errOut, code := runProgram(t, verb.args, env...)
			if code != 0 || !strings.Contains(out, verb.want) || errOut != "" {
				t.Errorf("%v %s: exit %d, stdout %q, stderr %q", env, verb.args, code, out, errOut)
			}
		}
	}
}

// What the command line prints to a file or a pipe is in GONGWEN_ENCODING
// when set (on Windows the console's code page otherwise); a name it does not
// know stops the program with a message before it does anything.
func TestOutputEncoding(t *testing.T) {
	out, errOut, code := runProgram(t, "version", "LANG=C.UTF-8", "GONGWEN_ENCODING=gbk")
	want, _ := simplifiedchinese.GBK.NewEncoder().String("公文督办台 gongwen " + app.Version + "\n")
	if code != 0 || out != want || errOut != "" {
		t.Errorf("GBK: exit %d, stdout %x (want %x), stderr %q", code, out, want, errOut)
	}
	if out, _, _ := runProgram(t, "version", "LANG=C.UTF-8"); !strings.HasPrefix(out, "公文督办台") {
		t.Errorf("UTF-8 by default: %q", out)
	}
	_, errOut, code = runProgram(t, "version", "LANG=C.UTF-8", "GONGWEN_ENCODING=latin9")
	if code != 2 || !strings.Contains(errOut, "不认识的输出编码") {
		t.Errorf("unknown encoding: exit %d, %q", code, errOut)
	}
}
