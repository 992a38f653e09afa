package data

import (
	"context"
	"database/sql"
	"fmt"

	"gongwen/app"
)

// integrity runs PRAGMA integrity_check and foreign_key_check.
func integrity(ctx context.Context, db *sql.DB) ([]string, error) {
	var problems []string
	msgs, err := pragmaRows(ctx, db, "PRAGMA integrity_check")
	switch {
	case isDamage(err): // so damaged that SQLite cannot even finish the check
		return []string{"数据文件结构损坏，无法完成完整性检查"}, nil
	case err != nil:
		return nil, mapError(err)
	}
	for _, m := range msgs {
		if m != "ok" {
			problems = append(problems, "数据文件结构损坏："+m)
		}
	}
	rows, err := db.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fk int
		if err := rows.Scan(&table, &rowid, &parent, &fk); err != nil {
			return nil, mapError(err)
		}
		problems = append(problems, fmt.Sprintf("表%s第%d行引用的%s记录不存在", table, rowid.Int64, parent))
	}
	return problems, mapError(rows.Err())
}

// searchProblems compares the search entries with the books: every record
// has exactly one entry, every entry has its record.
func searchProblems(ctx context.Context, db *sql.DB) ([]string, error) {
	var problems []string
	for _, b := range []struct {
		entity app.Entity
		table  string
		name   string
	}{
		{app.EntityDocument, "documents", "公文"},
		{app.EntitySeal, "seal_requests", "用印申请"},
		{app.EntityItem, "items", "督办事项"},
		{app.EntityMeeting, "meetings", "会议"},
	} {
		var unindexed, orphans int
		err := db.QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM `+b.table+` r WHERE NOT EXISTS (SELECT 1 FROM search_entries e WHERE e.entity = ?1 AND e.entity_id = r.id)),
			(SELECT count(*) FROM search_entries e WHERE e.entity = ?1 AND NOT EXISTS (SELECT 1 FROM `+b.table+` r WHERE r.id = e.entity_id))`,
			string(b.entity)).Scan(&unindexed, &orphans)
		if err != nil {
			return nil, mapError(err)
		}
		if unindexed+orphans > 0 {
			problems = append(problems, fmt.Sprintf("检索索引与%s台账不一致（%d条未编入索引，%d条索引没有对应记录），请执行“重建检索索引”", b.name, unindexed, orphans))
		}
	}
	return problems, nil
}
