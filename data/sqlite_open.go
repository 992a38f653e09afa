package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"gongwen/app"
)

// options are the connection settings tests shorten.
type options struct {
	busyTimeout time.Duration
}

var defaultOptions = options{busyTimeout: 5 * time.Second}

// Open opens the database at path, creating the file and its folder when
// missing (private to the user), and brings its schema up to date. A file
// written by a newer program, or not a Gongwen Desk file at all, is refused
// untouched. SQLite's quick check of an existing file runs beside the first
// reads; a file that fails it can still be read (and what is left copied),
// but every write is refused.
//
// A PostgreSQL URL (postgres://…, postgresql://…) opens the office on that
// server instead (postgres_open.go).
func Open(path string) (*Store, error) { return open(path, defaultOptions) }

func open(path string, o options) (*Store, error) {
	if IsServerURL(path) {
		return openServer(path, o)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, wrapIO("打开数据文件", err)
	}
	if err := makePrivateDir(filepath.Dir(abs)); err != nil {
		return nil, folderError(filepath.Dir(abs), "创建数据文件夹", err)
	}
	// what a killed backup, restore or export left behind
	CleanLeftovers(filepath.Dir(abs), time.Now())
	CleanLeftovers(BackupDir(abs), time.Now())
	if err := removeStaleShm(abs); err != nil {
		return nil, err
	}
	lock, err := holdShared(abs)
	if err != nil {
		return nil, err
	}
	s, err := openLocked(abs, o)
	if err != nil {
		lock.release()
		return nil, err
	}
	s.lock, s.opts = lock, o
	return s, nil
}

func openLocked(abs string, o options) (*Store, error) {
	if err := precheck(abs); err != nil {
		return nil, err
	}
	fi, statErr := os.Stat(abs)
	isNew := statErr != nil || fi.Size() == 0
	if err := createPrivate(abs); err != nil {
		return nil, folderError(filepath.Dir(abs), "创建数据文件", err)
	}
	db, sqlDB, err := connect(dsn(abs, o), 2)
	if err != nil {
		return nil, err
	}
	if err := migrate(db, abs); err != nil {
		sqlDB.Close()
		return nil, err
	}
	e := &sqliteEngine{readDSN: dsnReadOnly(abs), health: &health{}}
	s := &Store{db: db, sql: sqlDB, path: abs, eng: e}
	if !isNew { // a new file has nothing to check (and another program may be making it now)
		e.health.checkAtOpen(e.readDSN)
	}
	rdb, rsql, err := connect(dsnReader(abs, o), 4)
	if err != nil {
		sqlDB.Close()
		return nil, err
	}
	s.rdb, s.rsql = rdb, rsql
	return s, nil
}

// OpenReadOnly opens an existing database only to read it (search, export,
// print, check, backup): nothing is created or changed, so that it works
// on read-only media and in folders the user may not write to. Every write
// is refused.
func OpenReadOnly(path string) (*Store, error) {
	if IsServerURL(path) {
		return openServerReadOnly(path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, wrapIO("打开数据文件", err)
	}
	if _, err := os.Stat(abs); err != nil {
		return nil, missingFile(abs, err)
	}
	lock, err := holdForReading(abs)
	if err != nil {
		return nil, err
	}
	readDSN, err := readableDSN(abs)
	if err != nil {
		lock.release()
		return nil, err
	}
	db, sqlDB, err := connect(readDSN+"&_foreign_keys=on&_txlock=deferred&_query_only=true", 2)
	if err != nil {
		lock.release()
		return nil, err
	}
	version, appID, tables, err := fileVersion(sqlScanner(sqlDB))
	if err == nil {
		err = checkVersion(abs, version, appID, tables)
	}
	if err == nil && version < schemaVersion() {
		err = ErrNeedsUpgrade
	}
	if err != nil {
		sqlDB.Close()
		lock.release()
		return nil, notOurs(abs, err)
	}
	return &Store{db: db, sql: sqlDB, rdb: db, rsql: sqlDB, path: abs, readOnly: true, lock: lock, opts: defaultOptions,
		eng: &sqliteEngine{readDSN: readDSN, health: &health{}}}, nil
}

// ErrNeedsUpgrade is OpenReadOnly's refusal of a file an older program
// wrote: reading it needs its schema brought up to date, which is a write.
var ErrNeedsUpgrade = app.Errorf(app.EINVALID, "数据文件是旧版本公文督办台写的，需要先升级：请在可以写入的位置用公文督办台打开它一次")

// connect opens a pool of conns connections without touching the schema.
// Writes queue for SQLite's one write lock anyway, so their pool is small;
// reads run side by side under WAL.
func connect(dsn string, conns int) (*gorm.DB, *sql.DB, error) {
	db, err := gorm.Open(sqlite.Open(dsn), &gorm.Config{
		Logger:                 logger.Default.LogMode(logger.Silent),
		SkipDefaultTransaction: true, // every write already runs in Update's transaction
		NowFunc:                func() time.Time { return time.Now().UTC() },
	})
	if err != nil {
		return nil, nil, mapError(err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, nil, mapError(err)
	}
	sqlDB.SetMaxOpenConns(conns)
	sqlDB.SetMaxIdleConns(conns) // idle connections keep their page cache warm
	return db, sqlDB, nil
}

// fileURI is the SQLite URI of an absolute path (escaped, so that spaces,
// # and ? in folder names are safe).
func fileURI(abs string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: file:///C:/…
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// dsn adds the connection settings. _txlock=immediate makes every
// transaction take the write lock at BEGIN, so two programs never read the
// same counter value and then both write it.
func dsn(abs string, o options) string {
	return fmt.Sprintf("%s?_journal_mode=WAL&_busy_timeout=%d&_foreign_keys=on&_synchronous=NORMAL&_txlock=immediate&_cache_size=-16000",
		fileURI(abs), o.busyTimeout.Milliseconds())
}

// dsnReader is the pool of the store's reads: deferred transactions see one
// snapshot and do not take the write lock; query_only guards against a read
// path writing by mistake. Each of the four readers caches 4 MB of pages:
// the operating system caches the file as well, and scrolling a large book
// end to end filled 16 MB caches that the window then kept (14 MB of its
// resident memory; no list page measurably slower, docs/BENCHMARKS.md).
func dsnReader(abs string, o options) string {
	return fmt.Sprintf("%s?_busy_timeout=%d&_foreign_keys=on&_txlock=deferred&_query_only=true&_cache_size=-4000",
		fileURI(abs), o.busyTimeout.Milliseconds())
}

// dsnReadOnly opens a file only to read it: backups being checked, and the
// live file being copied into one (SQLite's default 2 MB page cache).
func dsnReadOnly(abs string) string { return fileURI(abs) + "?mode=ro&_busy_timeout=5000" }

// dsnImmutable reads a file that nobody changes (on read-only media, a
// backup to restore from) without SQLite's lock and -shm files, so that
// nothing is created beside it. It ignores a -wal file: callers use it
// only where there is none.
func dsnImmutable(abs string) string { return fileURI(abs) + "?mode=ro&immutable=1" }

// Close lets SQLite refresh its planner statistics, then closes the file.
func (s *Store) Close() (err error) {
	s.gate.replace(func() { err = s.closeLocked() })
	return err
}

func (s *Store) closeLocked() error {
	if _, ok := s.eng.(*pgEngine); ok {
		rerr := s.rsql.Close()
		return mapError(errors.Join(s.sql.Close(), rerr))
	}
	defer s.lock.release()
	s.sqlite().health.waitOpened(context.Background()) // no check left reading a closed store's file
	if s.readOnly {
		return mapError(s.sql.Close())
	}
	s.sql.Exec("PRAGMA optimize")
	rerr := s.rsql.Close()
	if err := s.sql.Close(); err != nil {
		return mapError(err)
	}
	return mapError(rerr)
}
