package data

import (
	"context"
	"database/sql"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"gongwen/app"
)

// IsServerURL reports whether a --db value names a PostgreSQL server
// (postgres://… or postgresql://…) rather than a file.
func IsServerURL(db string) bool {
	lower := strings.ToLower(strings.TrimSpace(db))
	return strings.HasPrefix(lower, "postgres://") || strings.HasPrefix(lower, "postgresql://")
}

// ServerRefusesFiles is the refusal of a backup or restore of the office
// on the server at rawURL, until the copy of an office between engines
// exists.
func ServerRefusesFiles(rawURL string) error { return errServerBackup(ServerName(rawURL)) }

// ServerName is how messages name the server of url: host:port/database,
// never the user's password.
func ServerName(rawURL string) string {
	cfg, err := pgx.ParseConfig(rawURL)
	if err != nil {
		if u, uerr := url.Parse(rawURL); uerr == nil {
			return u.Host + u.Path
		}
		return "（无法识别的服务器地址）"
	}
	return pgServerName(cfg.Host, cfg.Port, cfg.Database)
}

func pgServerName(host string, port uint16, database string) string {
	if port == 0 {
		port = 5432
	}
	return host + ":" + strconv.Itoa(int(port)) + "/" + database
}

// pgServer is the server of rawURL for messages (its address without the
// password), or the refusal of an address that cannot be read.
func pgServer(rawURL string) (string, error) {
	if _, err := pgx.ParseConfig(rawURL); err != nil {
		return "", app.Errorf(app.EINVALID, "数据库服务器地址“%s”写得不对，应当像 postgres://用户名:密码@主机:5432/数据库名", ServerName(rawURL))
	}
	return ServerName(rawURL), nil
}

// openServer opens the office on the PostgreSQL server at rawURL and brings
// its schema up to date. A database of another program, or of a newer
// version of this one, is refused untouched.
func openServer(rawURL string, o options) (*Store, error) {
	server, err := pgServer(rawURL)
	if err != nil {
		return nil, err
	}
	db, sqlDB, err := pgConnect(rawURL, 4, "")
	if err != nil {
		return nil, pgOpenError(server, err)
	}
	if err := pgMigrateTo(db, server, schemaVersion()); err != nil {
		sqlDB.Close()
		return nil, pgOpenError(server, err)
	}
	// Reads see one snapshot per transaction, as SQLite's do: a list's
	// page and its total agree.
	rdb, rsql, err := pgConnect(rawURL, 4, "repeatable read")
	if err != nil {
		sqlDB.Close()
		return nil, pgOpenError(server, err)
	}
	return &Store{db: db, sql: sqlDB, rdb: rdb, rsql: rsql, path: server, opts: o,
		eng: &pgEngine{server: server}}, nil
}

// openServerReadOnly opens the office on a server only to read it: its
// schema must be up to date already, and every write is refused.
func openServerReadOnly(rawURL string) (*Store, error) {
	server, err := pgServer(rawURL)
	if err != nil {
		return nil, err
	}
	db, sqlDB, err := pgConnect(rawURL, 4, "repeatable read")
	if err != nil {
		return nil, pgOpenError(server, err)
	}
	st, err := pgReadState(db)
	if err == nil {
		err = pgCheckState(server, st)
	}
	switch {
	case err == nil && st.program == "":
		err = app.Errorf(app.ENOTFOUND, "服务器上的数据库“%s”里还没有公文督办台的数据：请先用窗口、demo 或 import 建立", server)
	case err == nil && st.version < schemaVersion():
		err = ErrNeedsUpgrade // the command line upgrades it as the window would
	}
	if err != nil {
		sqlDB.Close()
		return nil, pgOpenError(server, err)
	}
	return &Store{db: db, sql: sqlDB, rdb: db, rsql: sqlDB, path: server, readOnly: true, opts: defaultOptions,
		eng: &pgEngine{server: server}}, nil
}

// pgConnect opens a pool of conns connections and makes sure the server
// answers; isolation, when set, is the default of its transactions.
func pgConnect(rawURL string, conns int, isolation string) (*gorm.DB, *sql.DB, error) {
	dsn := rawURL
	if isolation != "" {
		dsn = withParam(rawURL, "default_transaction_isolation", isolation)
	}
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, nil, err
	}
	// every new connection, not only the first, gives up on a server that
	// does not answer instead of waiting for the system's TCP timeout
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 10 * time.Second
	}
	// times come back in UTC, as the store writes them (SQLite's do)
	sqlDB := stdlib.OpenDB(*cfg, stdlib.OptionAfterConnect(func(ctx context.Context, c *pgx.Conn) error {
		c.TypeMap().RegisterType(&pgtype.Type{Name: "timestamptz", OID: pgtype.TimestamptzOID,
			Codec: &pgtype.TimestamptzCodec{ScanLocation: time.UTC}})
		return nil
	}))
	db, err := gorm.Open(postgres.New(postgres.Config{Conn: sqlDB}), &gorm.Config{
		Logger:                 logger.Default.LogMode(logger.Silent),
		SkipDefaultTransaction: true,
		NowFunc:                func() time.Time { return time.Now().UTC() },
	})
	if err != nil {
		sqlDB.Close()
		return nil, nil, err
	}
	sqlDB.SetMaxOpenConns(conns)
	sqlDB.SetMaxIdleConns(conns)
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := sqlDB.PingContext(ctx); err != nil {
		sqlDB.Close()
		return nil, nil, err
	}
	return db, sqlDB, nil
}

// withParam adds a run-time parameter to a connection URL.
func withParam(rawURL, key, value string) string {
	sep := "?"
	if strings.Contains(rawURL, "?") {
		sep = "&"
	}
	return rawURL + sep + key + "=" + url.QueryEscape(value)
}
