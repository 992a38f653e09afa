package data

import (
	"context"
	"database/sql"
	"fmt"
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

// searchProblems is indexProblems in SQLite's words.
func searchProblems(ctx context.Context, db *sql.DB) ([]string, error) {
	return indexProblems(ctx, db, "?1")
}
