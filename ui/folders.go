package ui

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// File dialogs open in the folder last used for the same kind of file
// (kept in the app's preferences, so across starts), else in a sensible
// default: the home folder, or the backup folder for backups.

// fileKind names a kind of file whose folder is remembered.
type fileKind string

const (
	folderPDF    fileKind = "pdf"    // 导出PDF, 另存为… of a printed form
	folderSheet  fileKind = "sheet"  // .xlsx/.csv import, export and templates
	folderBackup fileKind = "backup" // 从备份恢复
)

func (k fileKind) prefKey() string { return "lastFolder." + string(k) }

// rememberFolder keeps the folder of the file just chosen.
func (u *UI) rememberFolder(k fileKind, file fyne.URI) {
	if file == nil || file.Scheme() != "file" {
		return
	}
	u.app.Preferences().SetString(k.prefKey(), filepath.Dir(filepath.FromSlash(file.Path())))
}

// lastFolder is the folder to start a dialog for k in.
func (u *UI) lastFolder(k fileKind) string {
	if dir := u.app.Preferences().String(k.prefKey()); dir != "" {
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir
		}
	}
	if k == folderBackup && u.env.BackupDir != "" {
		if st, err := os.Stat(u.env.BackupDir); err == nil && st.IsDir() {
			return u.env.BackupDir
		}
	}
	home, _ := os.UserHomeDir()
	return home
}

// startIn opens the file dialog d in the folder for k.
func (u *UI) startIn(d *dialog.FileDialog, k fileKind) {
	dir := u.lastFolder(k)
	if dir == "" {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
}

// fileDialogSize is a file dialog as large as is comfortable, within the
// window (which may be as small as 1024×700).
func (u *UI) fileDialogSize() fyne.Size {
	s := u.win.Canvas().Size()
	w, h := float32(900), float32(600)
	if s.Width > 0 && s.Width-40 < w {
		w = s.Width - 40
	}
	if s.Height > 0 && s.Height-40 < h {
		h = s.Height - 40
	}
	return fyne.NewSize(w, h)
}
