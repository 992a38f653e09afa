package data

import (
	"database/sql"
	"os"

	"gorm.io/gorm"

	"gongwen/app"
)

// applicationID marks a file as a Gongwen Desk database (PRAGMA
// application_id, "GWDK"), so that neither Open nor Restore takes some other
// program's SQLite file for one.
const applicationID = 0x4757444B

// scanner reads one value, through GORM or database/sql.
type scanner func(query string, dest any) error

func gormScanner(db *gorm.DB) scanner {
	return func(q string, dest any) error { return db.Raw(q).Scan(dest).Error }
}

func sqlScanner(db *sql.DB) scanner {
	return func(q string, dest any) error { return db.QueryRow(q).Scan(dest) }
}

// fileVersion reads the version and owner marks of a file.
func fileVersion(scan scanner) (version, appID, tables int, err error) {
	if err = scan("PRAGMA user_version", &version); err != nil {
		return
	}
	if err = scan("PRAGMA application_id", &appID); err != nil {
		return
	}
	err = scan("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'", &tables)
	return
}

// precheck looks at an existing file read-only before Open connects to it
// (connecting switches the file to WAL), so a refused file stays untouched.
func precheck(path string) error {
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		return nil // new or empty: nothing to protect
	}
	db, err := sql.Open("sqlite3", dsnReadOnly(path))
	if err != nil {
		return mapError(err)
	}
	defer db.Close()
	version, appID, tables, err := fileVersion(sqlScanner(db))
	if err != nil {
		return notOurs(path, err)
	}
	return checkVersion(path, version, appID, tables)
}

// checkVersion refuses files this program must not touch.
func checkVersion(path string, version, appID, tables int) error {
	switch {
	case appID != 0 && appID != applicationID, appID == 0 && version == 0 && tables > 0:
		return app.Errorf(app.EINVALID, "“%s”不是公文督办台的数据文件，程序没有打开也没有改动它", path)
	case version > schemaVersion():
		return app.Errorf(app.EINVALID, "数据文件“%s”来自较新版本的公文督办台（数据版本%d，本程序只认识到版本%d）。为免损坏数据，程序没有打开它；请升级公文督办台后再打开", path, version, schemaVersion())
	}
	return nil
}
