package data

import (
	"database/sql"
	"os"
	"strconv"
	"strings"

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

// A migration moves the schema one version up. The schema version is PRAGMA
// user_version: 0 for a new file, len(migrations) for an up-to-date one.
type migration struct {
	name    string
	sql     string
	reindex bool // the search index must be rebuilt once the schema is final
}

// migrations in order; migrations[i] brings a file to version i+1. Append
// only: a released entry never changes.
var migrations = []migration{
	{name: "四本台账、参考资料和历史记录", sql: schemaBooks},
	{name: "全文检索索引", sql: schemaSearch, reindex: true},
	{name: "检索条目不再重复保存正文，列表按状态的索引", sql: schemaLarge},
	{name: "记录交办日期", sql: `ALTER TABLE documents ADD COLUMN assigned_on TEXT NOT NULL DEFAULT '';`},
	{name: "各种排序的索引，检索索引分台账", sql: schemaSortKeys, reindex: true},
	{name: "文种、退文原因、来文签发人、公开属性和规范性文件的合法性审查", sql: schemaOutgoingSteps},
	{name: "签发规则：公文类别、代签、领导外出登记", sql: schemaAuthority},
	{name: "记录的版本号和最后修改人（多人同时修改同一记录）", sql: schemaVersions},
}

// schemaVersion is the version this program writes.
func schemaVersion() int { return len(migrations) }

// migrate brings the file at path up to schemaVersion in one immediate
// transaction, so that two programs opening an old file at once cannot both
// migrate it, and a failure leaves the file as it was.
func migrate(db *gorm.DB, path string) error {
	return migrateTo(db, path, schemaVersion())
}

func migrateTo(db *gorm.DB, path string, target int) error {
	version, appID, tables, err := fileVersion(gormScanner(db))
	if err != nil {
		return mapError(err)
	}
	if err := checkVersion(path, version, appID, tables); err != nil {
		return err
	}
	if version >= target {
		return nil
	}
	err = db.Transaction(func(tx *gorm.DB) error {
		// read again under the write lock: another program may have migrated
		if version, appID, tables, err = fileVersion(gormScanner(tx)); err != nil {
			return err
		}
		if err := checkVersion(path, version, appID, tables); err != nil {
			return err
		}
		reindex := false
		for v := version; v < target; v++ {
			for _, stmt := range statements(migrations[v].sql) {
				if err := tx.Exec(stmt).Error; err != nil {
					return app.Errorf(app.EINTERNAL, "升级数据文件（%s）失败：%v", migrations[v].name, err)
				}
			}
			reindex = reindex || migrations[v].reindex
		}
		if reindex {
			if err := rebuildSearch(tx); err != nil {
				return err
			}
		}
		if err := tx.Exec("PRAGMA application_id = " + strconv.Itoa(applicationID)).Error; err != nil {
			return err
		}
		return tx.Exec("PRAGMA user_version = " + strconv.Itoa(target)).Error
	})
	return mapError(err)
}

// statements splits a schema block at semicolons that end a line; the
// blocks contain no semicolons inside statements.
func statements(block string) []string {
	var out []string
	for _, s := range strings.Split(block, ";\n") {
		var lines []string
		for _, l := range strings.Split(s, "\n") {
			if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "--") {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			out = append(out, strings.TrimSuffix(strings.Join(lines, "\n"), ";"))
		}
	}
	return out
}
