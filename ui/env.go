package ui

import (
	"context"
	"time"

	"gongwen/app"
)

// Env is what the window needs from main.go besides the app.
type Env struct {
	// Desk carries out every change; Desk.Store answers every list.
	Desk *app.Desk
	// DataPath is the database file, shown in the status line and 设置.
	DataPath string
	// BackupDir is where backups go.
	BackupDir string
	// Backup copies the database into BackupDir now and returns the file.
	Backup func(ctx context.Context) (string, error)
	// Restore replaces the data with the backup file src (the store is
	// reopened by the function; the desk is reloaded by the window).
	Restore func(ctx context.Context, src string) error
	// AutoBackup writes today's automatic backup if it is not there yet
	// ("" when it was); the window runs it in the background at start.
	AutoBackup func(ctx context.Context) (string, error)
	// LastBackup is the newest backup file and its time ("" when none).
	// ForeignBackup names the data file the backup at path was taken of
	// when that is another data file ("" when it is this one's, or when the
	// name does not tell); 从备份恢复 warns about it (two offices keep their
	// backups in one folder).
	ForeignBackup func(path string) string
	LastBackup    func() (string, time.Time, error)
	// Check runs the database's integrity check.
	Check func(ctx context.Context) error
	// LoadSample fills an empty database with the fictional 示例区 office.
	// progress is told which part is being made (step of total).
	LoadSample func(ctx context.Context, desk *app.Desk, progress func(step, total int, what string)) error
	// TestServer opens and closes the office on the PostgreSQL server at
	// url (postgres://…), and says in Chinese why it could not; nil hides
	// 连接单位服务器.
	TestServer func(ctx context.Context, url string) error
	// ConnectServer remembers url as the database of the next start (its
	// password not in plain text).
	ConnectServer func(url string) error
	// OpenFile shows a file (a PDF) in the system's viewer; nil uses
	// OpenWithSystem. Tests stub it.
	OpenFile func(path string) error
	// TempDir is where 打印 writes its PDF files; "" is a private folder
	// in the user's cache folder.
	TempDir string
	// Version is shown in 关于.
	Version string
}
