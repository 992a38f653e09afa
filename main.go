// Command gongwen is Gongwen Desk (公文督办台): the desktop program of a
// district government office's secretaries, and its command line.
package main

import (
	"context"
	"os"

	fyneapp "fyne.io/fyne/v2/app"

	"gongwen/app"
	"gongwen/cli"
	"gongwen/data"
	"gongwen/ui"
)

func main() {
	if len(os.Args) > 1 {
		attachConsole()
	}
	os.Exit(cli.Run(os.Args[1:], cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, OpenWindow: openWindow}))
}

// openWindow opens the database and runs the window until it is closed;
// the window takes the day's automatic backup in the background. A second
// window on the same data file says that the first is open, and exits.
func openWindow(dbPath string) error {
	release, err := ui.HoldWindow(dbPath)
	if err != nil {
		if app.ErrorCode(err) == app.EBUSY {
			ui.RunAlreadyOpen(fyneapp.NewWithID("org.gongwen.desk"), app.ErrorMessage(err))
		}
		return err
	}
	defer release()
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
	env := ui.DataEnv(desk, store, cli.BackupDir(dbPath))
	env.Version = app.Version
	ui.Run(fyneapp.NewWithID("org.gongwen.desk"), env)
	return store.Close()
}
