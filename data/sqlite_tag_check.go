//go:build !sqlite_fts5

package data

// The search index needs SQLite's FTS5, compiled in only with the
// sqlite_fts5 build tag: go build / go test -tags sqlite_fts5.
var _ = ERROR_build_with_tags_sqlite_fts5
