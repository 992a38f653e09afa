// Command gongwen is Gongwen Desk (公文督办台): the desktop program of a
// district government office's secretaries, and its command line.
package main

import (
	"context"
	"fmt"
	"io"
	"os"

	fyneapp "fyne.io/fyne/v2/app"

	"gongwen/app"
	"gongwen/cli"
	"gongwen/data"
	_ "gongwen/localeenv" // before Fyne reads the locale: C.UTF-8 would log errors on every verb
	"gongwen/ui"
)

func main() {
	if len(os.Args) > 1 {
		attachConsole()
	}
	stdout, err := textOutput(os.Stdout)
	if err == nil {
		var stderr io.Writer
		stderr, err = textOutput(os.Stderr)
		if err == nil {
			os.Exit(cli.Run(os.Args[1:], cli.Env{Stdout: stdout, Stderr: stderr, OpenWindow: openWindow}))
		}
	}
	fmt.Fprintln(os.Stderr, "错误："+app.ErrorMessage(err))
	os.Exit(2)
}

// textOutput is f in the encoding its reader expects: unchanged for a
// Windows console, which Go writes in UTF-16; else GONGWEN_ENCODING when
// set, else the console's code page on Windows (cmd reads a file or a pipe
// in it) and UTF-8 elsewhere.
func textOutput(f *os.File) (io.Writer, error) {
	name := os.Getenv(cli.EncodingVar)
	switch {
	case consoleTakesUnicode(f):
		return f, nil
	case name == "":
		name = cli.CodePageName(outputCodePage())
	}
	enc, err := cli.OutputEncoding(name)
	if err != nil {
		return nil, err
	}
	return cli.EncodeOutput(f, enc), nil
}

// openWindow opens the database and runs the window until it is closed;
// the window takes the day's automatic backup in the background. A second
// window on the same data file says that the first is open, and exits.
func openWindow(dbPath string) error {
	if !data.IsServerURL(dbPath) { // every seat opens a server office in its own window
		release, err := ui.HoldWindow(dbPath)
		if err != nil {
			if app.ErrorCode(err) == app.EBUSY {
				ui.RunAlreadyOpen(fyneapp.NewWithID("org.gongwen.desk"), app.ErrorMessage(err))
			}
			return err
		}
		defer release()
	}
	ctx := context.Background()
	store, err := data.Open(dbPath)
	if err != nil {
		return err
	}
	desk, err := app.NewDesk(ctx, store, "")
	if err != nil {
		store.Close()
		return err
	}
	backupDir := cli.BackupDir(dbPath)
	if store.OnServer() {
		backupDir = "" // the server is backed up on the server
	}
	env := DataEnv(desk, store, backupDir)
	env.Version = app.Version
	ui.Run(fyneapp.NewWithID("org.gongwen.desk"), env)
	return store.Close()
}
