//go:build !sqlite_fts5

package main

// Every build of Gongwen Desk needs the sqlite_fts5 tag: full-text search is
// compiled into SQLite only with it. Build with `make`, or add
// `-tags sqlite_fts5,no_emoji` to go build / go test / go run (no_emoji
// keeps Fyne's emoji font, 10 MB of the window's memory, out).
var _ = ERROR_build_with_tags_sqlite_fts5__use_make_or_go_build_tags_sqlite_fts5
