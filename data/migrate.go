package data

import (
	"strconv"
	"strings"

	"gorm.io/gorm"

	"gongwen/app"
)

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
