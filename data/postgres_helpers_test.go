package data

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// pgEnv names the PostgreSQL server the store's tests also run against: a
// URL of a role that may create databases. Without it the server's
// variants of the tests skip (TestMain says so once).
const pgEnv = "GONGWEN_TEST_PG"

// pgRequired, when set, makes a missing pgEnv a failure (CI).
const pgRequired = "GONGWEN_REQUIRE_PG"

var pgCount atomic.Int64

// newServerStore opens a fresh office in a throwaway database of the test
// server, dropped when the test ends; the test skips without a server.
func newServerStore(t testing.TB) *Store {
	t.Helper()
	s, err := Open(serverURL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// serverURL creates a throwaway database on the test server and returns
// its URL; the database is dropped when the test ends.
func serverURL(t testing.TB) string {
	t.Helper()
	base := os.Getenv(pgEnv)
	if base == "" {
		t.Skip(pgEnv + " is not set: no PostgreSQL server to test against")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	name := fmt.Sprintf("gongwen_test_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9, pgCount.Add(1))
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// the server's autovacuum may still be in the database, and only a
		// superuser may end it: try again while it finishes
		var err error
		for range 50 {
			if _, err = admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err == nil {
				return
			}
			time.Sleep(200 * time.Millisecond)
		}
		t.Error(err)
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// storeKinds are the engines every store test runs on.
var storeKinds = []struct {
	name string
	open func(t testing.TB) *Store
}{
	{"sqlite", newStore},
	{"postgres", newServerStore},
}

// eachStore runs test on a fresh store of each engine.
func eachStore(t *testing.T, test func(t *testing.T, s *Store)) {
	for _, k := range storeKinds {
		t.Run(k.name, func(t *testing.T) { test(t, k.open(t)) })
	}
}

func TestMain(m *testing.M) {
	if os.Getenv(pgEnv) == "" {
		if os.Getenv(pgRequired) != "" { // CI never skips them
			fmt.Fprintln(os.Stderr, "data: "+pgRequired+" is set but "+pgEnv+" is not")
			os.Exit(1)
		}
		if !isHelperRun() {
			fmt.Fprintln(os.Stderr, "data: "+pgEnv+" is not set: the PostgreSQL variants of the store's tests are skipped")
		}
	}
	os.Exit(m.Run())
}

// isHelperRun reports the test binary started by a test as a helper
// process, whose output that test reads.
func isHelperRun() bool {
	for _, a := range os.Args[1:] {
		if strings.HasSuffix(a, "Helper$") || a == "-test.run=^$" {
			return true
		}
	}
	return false
}

// serverTime is t as a server keeps it: to the microsecond (SQLite keeps
// the nanoseconds).
func serverTime(s *Store, t time.Time) time.Time {
	if _, ok := s.eng.(*pgEngine); ok {
		return t.Truncate(time.Microsecond)
	}
	return t
}

// serverTimes sets the CreatedAt and UpdatedAt of the record rec points to
// as a server keeps them.
func serverTimes(s *Store, rec any) {
	v := reflect.ValueOf(rec).Elem()
	for _, name := range []string{"CreatedAt", "UpdatedAt"} {
		if f := v.FieldByName(name); f.IsValid() {
			f.Set(reflect.ValueOf(serverTime(s, f.Interface().(time.Time))))
		}
	}
}
