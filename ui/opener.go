package ui

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"gongwen/app"
)

// Opening a printed PDF (or the folder it is in) with the desktop's own
// program. Which commands to try depends on facts about the machine; the
// choice is a plain function so that every platform's choice is tested
// here, and the trying is separate.

// platform is what the choice of opener depends on.
type platform struct {
	GOOS string
	// Wine is true for the Windows build running under Wine on Linux,
	// where the Windows openers reach no Linux viewer.
	Wine bool
}

// thisPlatform describes the machine the program runs on.
func thisPlatform() platform {
	return platform{GOOS: runtime.GOOS, Wine: runningUnderWine()}
}

// openerCommands lists the commands that may open path, best first; each
// is tried until one starts and does not fail at once.
func openerCommands(p platform, path string) [][]string {
	switch p.GOOS {
	case "windows":
		windows := [][]string{
			{"rundll32", "url.dll,FileProtocolHandler", path},
			{"cmd", "/c", "start", "", path},
		}
		if p.Wine {
			// winebrowser hands a file URL to the Linux desktop (xdg-open);
			// start /unix opens a Linux path the same way
			uri := "file:///" + strings.ReplaceAll(path, `\`, "/")
			return append([][]string{{"winebrowser", uri}, {"start", "/unix", wineUnixPath(path)}}, windows...)
		}
		return windows
	case "darwin":
		return [][]string{{"open", path}}
	default:
		// xdg-open is the freedesktop standard and is on 统信UOS and 麒麟
		// (both ship xdg-utils); gio comes with every GTK desktop (UOS's
		// DDE, 麒麟's UKUI); KDE and Xfce have their own.
		return [][]string{
			{"xdg-open", path},
			{"gio", "open", path},
			{"kde-open5", path},
			{"kde-open", path},
			{"exo-open", path},
		}
	}
}

// wineUnixPath turns Wine's Z:\home\文书\x.pdf (drive Z is the Linux root) into
// /home/文书/x.pdf; other drives are left to start to resolve.
func wineUnixPath(path string) string {
	if len(path) > 2 && (path[0] == 'Z' || path[0] == 'z') && path[1] == ':' {
		return strings.ReplaceAll(path[2:], `\`, "/")
	}
	return path
}

// errNoViewer is returned when no opener could show the file.
var errNoViewer = errors.New("no program opened the file")

// openerWait is how long an opener may take to fail: xdg-open and its
// kin exit at once with an error when nothing handles the file, but may
// keep running for as long as the viewer is open when something does.
const openerWait = 3 * time.Second

// OpenWithSystem opens path (a file or a folder) with the desktop's
// default program, trying the openers of this platform in turn.
func OpenWithSystem(path string) error {
	for _, args := range openerCommands(thisPlatform(), path) {
		bin, err := exec.LookPath(args[0])
		if err != nil {
			continue
		}
		cmd := exec.Command(bin, args[1:]...)
		if err := cmd.Start(); err != nil {
			continue
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err == nil {
				return nil
			}
		case <-time.After(openerWait):
			return nil // still running: the viewer is showing the file
		}
	}
	return errNoViewer
}

// ---- the print folder ----

// printDirName is the folder for the PDFs of 打印, inside the user's own
// cache folder (~/.cache on Linux, %LOCALAPPDATA% on Windows) so that no
// other user of the machine can read or replace them.
const printDirName = "gongwen-print"

// printDir is the private folder 打印 writes to, made (0700) if needed.
func printDir(env Env) (string, error) {
	dir := env.TempDir
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			base = os.TempDir()
		}
		dir = filepath.Join(base, printDirName)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", app.Errorf(app.EINTERNAL, "无法建立打印用的临时文件夹 %s：%s", dir, app.ErrorMessage(err))
	}
	// an older version made it 0755; what is in it is the office's business
	if err := os.Chmod(dir, 0o700); err != nil {
		return "", app.Errorf(app.EINTERNAL, "无法设置打印临时文件夹 %s 的权限：%s", dir, app.ErrorMessage(err))
	}
	return dir, nil
}

// printedKeep is how long printed temporaries are kept: long enough to
// print again the same day, short enough not to pile up.
const printedKeep = 24 * time.Hour

// cleanPrinted deletes the PDFs in dir older than a day and returns how
// many it deleted; other files are left alone.
func cleanPrinted(dir string, now time.Time) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range entries {
		if e.IsDir() || !strings.EqualFold(filepath.Ext(e.Name()), ".pdf") {
			continue
		}
		info, err := e.Info()
		if err != nil || now.Sub(info.ModTime()) < printedKeep {
			continue
		}
		if os.Remove(filepath.Join(dir, e.Name())) == nil {
			n++
		}
	}
	return n
}
