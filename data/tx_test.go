package data

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"gongwen/app"
)

func count(t testing.TB, s *Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.sql.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestRollback(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		boom := errors.New("boom")
		doc := incoming()
		err := s.Update(ctx, func(tx app.Tx) error {
			n, err := tx.NextNumber("in:2026")
			if err != nil {
				return err
			}
			doc.Serial = app.IncomingSerial(2026, n)
			if err := tx.SaveDocument(&doc); err != nil {
				return err
			}
			if err := tx.AddHistory(app.HistoryEntry{Entity: app.EntityDocument, EntityID: doc.ID, Action: "登记"}); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("fn's own error must come back unchanged, got %v", err)
		}
		for _, table := range []string{"documents", "doc_instructions", "doc_circulations", "history", "search_entries", "counters"} {
			if n := count(t, s, "SELECT count(*) FROM "+table); n != 0 {
				t.Errorf("%s has %d rows after rollback", table, n)
			}
		}
		if hits, _, _ := s.Search(ctx, "安全", app.Page{}); len(hits) != 0 {
			t.Errorf("search finds a rolled back document: %v", hits)
		}
		update(t, s, func(tx app.Tx) error {
			n, err := tx.NextNumber("in:2026")
			if n != 1 {
				t.Errorf("the rolled back number was consumed: next is %d", n)
			}
			return err
		})

		// a panic in fn rolls back too
		func() {
			defer func() { recover() }()
			s.Update(ctx, func(tx app.Tx) error {
				tx.NextNumber("in:2026")
				panic("bug")
			})
		}()
		update(t, s, func(tx app.Tx) error {
			if n, _ := tx.NextNumber("in:2026"); n != 2 {
				t.Errorf("after a panic the next number is %d, want 2", n)
			}
			return nil
		})
	})
}

func TestCounters(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		update(t, s, func(tx app.Tx) error {
			for i, want := range []struct {
				key string
				n   int
			}{{"in:2026", 1}, {"in:2026", 2}, {"out:西府办发:2026", 1}, {"in:2026", 3}, {"in:2027", 1}} {
				n, err := tx.NextNumber(want.key)
				if err != nil {
					return err
				}
				if n != want.n {
					t.Errorf("call %d: %s gave %d, want %d", i, want.key, n, want.n)
				}
			}
			return nil
		})
		wantCode(t, s.Update(ctx, func(tx app.Tx) error { _, err := tx.NextNumber(" "); return err }), app.EINVALID)
	})
}

// Two real processes take numbers from one file at the same moment: the
// test binary runs itself twice as a helper (TestCounterHelper).
const (
	helperDB    = "GONGWEN_COUNTER_DB"
	helperStart = "GONGWEN_COUNTER_START"
	helperTakes = 100
	helperCount = "GONGWEN_COUNTER_TAKES" // how many numbers each helper takes, when not helperTakes
)

func TestCounterHelper(t *testing.T) {
	path := os.Getenv(helperDB)
	if path == "" {
		t.Skip("helper process for TestCountersTwoProcesses")
	}
	for { // start together
		if _, err := os.Stat(os.Getenv(helperStart)); err == nil {
			break
		}
		time.Sleep(time.Millisecond)
	}
	s, err := Open(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	defer s.Close()
	takes := helperTakes
	if n, err := strconv.Atoi(os.Getenv(helperCount)); err == nil {
		takes = n
	}
	for i := 0; i < takes; i++ {
		var n int
		err := s.Update(ctx, func(tx app.Tx) error {
			var err error
			if n, err = tx.NextNumber("in:2026"); err != nil {
				return err
			}
			doc := app.Document{Direction: app.Incoming, Status: app.StatusRegistered, Serial: app.IncomingSerial(2026, n), Year: 2026,
				Title: fmt.Sprintf("进程%d的第%d份", os.Getpid(), i), FromUnit: "区财政局", ReceivedOn: d("2026-01-05")}
			return tx.SaveDocument(&doc)
		})
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Println("took", n)       // committed
		time.Sleep(time.Millisecond) // give the other process its chance at the lock
	}
}

func TestCountersTwoProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts two processes")
	}
	dir := t.TempDir()
	path, start := filepath.Join(dir, "gongwen.db"), filepath.Join(dir, "start")
	var (
		mu       sync.Mutex
		taken    []int
		lastSeen [2]int
		switches int // how often the next number went to the other process
		wg       sync.WaitGroup
	)
	cmds := make([]*exec.Cmd, 2)
	for i := range cmds {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCounterHelper$", "-test.count=1")
		cmd.Env = append(os.Environ(), helperDB+"="+path, helperStart+"="+start)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds[i] = cmd
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				line := sc.Text()
				if n, ok := strings.CutPrefix(line, "took "); ok {
					v, _ := strconv.Atoi(n)
					mu.Lock()
					taken = append(taken, v)
					if v != lastSeen[i]+1 {
						switches++
					}
					lastSeen[i] = v
					mu.Unlock()
				} else if strings.HasPrefix(line, "error") {
					t.Errorf("helper: %s", line)
				}
			}
		}(i)
	}
	os.WriteFile(start, nil, 0o644) // both processes are up: go
	wg.Wait()
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("helper failed: %v", err)
		}
	}
	t.Logf("the counter changed hands %d times between the processes", switches)
	if len(taken) != 2*helperTakes {
		t.Fatalf("took %d numbers, want %d", len(taken), 2*helperTakes)
	}
	sort.Ints(taken)
	for i, n := range taken {
		if n != i+1 {
			t.Fatalf("numbers are not 1..%d without gaps or repeats: position %d holds %d", 2*helperTakes, i, n)
		}
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n := count(t, s, "SELECT count(DISTINCT serial) FROM documents"); n != 2*helperTakes {
		t.Errorf("%d distinct serials stored", n)
	}
	if n := count(t, s, "SELECT value FROM counters WHERE name = 'in:2026'"); n != 2*helperTakes {
		t.Errorf("counter stands at %d", n)
	}
}

func TestBusyIsReported(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gongwen.db")
	s, err := open(path, options{busyTimeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	// another program holds the write lock
	other, err := sql.Open("sqlite3", dsn(path, defaultOptions))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}

	started := time.Now()
	err = s.Update(ctx, func(tx app.Tx) error { _, err := tx.NextNumber("in:2026"); return err })
	wantCode(t, err, app.EBUSY)
	if app.ErrorMessage(err) != "数据库正被其他程序占用，请稍后再试" {
		t.Errorf("message %q", app.ErrorMessage(err))
	}
	if waited := time.Since(started); waited < 90*time.Millisecond { // SQLite waits the busy timeout at least
		t.Errorf("waited %v for the lock, want the busy timeout", waited)
	}
	if _, _, err := s.Documents(ctx, app.DocumentFilter{}); err != nil {
		t.Errorf("reading while another program writes: %v", err)
	}

	if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	update(t, s, func(tx app.Tx) error { _, err := tx.NextNumber("in:2026"); return err })
}

func TestDiskFullIsReported(t *testing.T) {
	s := newStore(t)
	s.sql.SetMaxOpenConns(1) // the page limit below is per connection
	pages := count(t, s, "PRAGMA page_count")
	if _, err := s.sql.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages+2)); err != nil {
		t.Fatal(err)
	}
	doc := incoming()
	doc.Remarks = strings.Repeat("很长的备注", 50000)
	err := s.Update(ctx, func(tx app.Tx) error { return tx.SaveDocument(&doc) })
	wantCode(t, err, app.EINTERNAL)
	if !strings.Contains(app.ErrorMessage(err), "磁盘已满，数据没有保存") {
		t.Errorf("message %q", app.ErrorMessage(err))
	}
	if n := count(t, s, "SELECT count(*) FROM documents"); n != 0 {
		t.Errorf("%d documents saved on a full disk", n)
	}
	if _, err := s.sql.Exec("PRAGMA max_page_count = 1073741823"); err != nil {
		t.Fatal(err)
	}
	doc.ID = 0
	update(t, s, func(tx app.Tx) error { return tx.SaveDocument(&doc) })
}

func TestErrorMapping(t *testing.T) {
	plain := errors.New("plain")
	for _, c := range []struct {
		err  error
		code string
	}{
		{nil, ""},
		{app.Errorf(app.ESTATE, "状态不对"), app.ESTATE},
		{plain, app.EINTERNAL},
		{fmt.Errorf("wrapped: %w", context.Canceled), app.EINTERNAL},
	} {
		if got := app.ErrorCode(mapError(c.err)); got != c.code {
			t.Errorf("%v: code %q, want %q", c.err, got, c.code)
		}
	}
	if app.ErrorMessage(mapError(context.Canceled)) != msgCancel {
		t.Error("a cancelled operation says so")
	}
	if mapError(plain) != plain {
		t.Error("errors of fn must pass through unchanged")
	}
}

func TestReadsDoNotWrite(t *testing.T) {
	s := newStore(t)
	if _, err := s.rsql.Exec("INSERT INTO counters (name, value) VALUES ('x', 1)"); err == nil {
		t.Error("the read pool wrote")
	}
	// a read transaction does not take the write lock
	tx, err := s.rsql.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRow("SELECT count(*) FROM documents").Scan(&n); err != nil {
		t.Fatal(err)
	}
	update(t, s, func(tx app.Tx) error { _, err := tx.NextNumber("in:2026"); return err })
}

// AdvanceNumber moves a counter up to a number an import gave itself, in
// one statement, and never back.
func TestAdvanceNumber(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		next := func(key string) (n int) {
			update(t, s, func(tx app.Tx) (err error) { n, err = tx.NextNumber(key); return err })
			return n
		}
		advance := func(key string, to int) {
			update(t, s, func(tx app.Tx) error { return tx.AdvanceNumber(key, to) })
		}
		advance("in:2026", 99999) // a counter not yet used
		mustEqual(t, "after advancing a new counter", next("in:2026"), 100000)
		next("seal:2026")
		next("seal:2026")
		advance("seal:2026", 1) // behind the counter: stays
		mustEqual(t, "after advancing behind", next("seal:2026"), 3)
		advance("seal:2026", 7)
		mustEqual(t, "after advancing ahead", next("seal:2026"), 8)
		err := s.Update(ctx, func(tx app.Tx) error { return tx.AdvanceNumber(" ", 3) })
		wantCode(t, err, app.EINVALID)
	})
}

// The reads of a transaction see the rows it wrote before they commit; the
// store's own reads do not (they run beside it on a snapshot).
func TestTxReadsSeeTheirOwnRows(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		update(t, s, func(tx app.Tx) error {
			d := incoming()
			d.Serial = "2026-0001"
			if err := tx.SaveDocument(&d); err != nil {
				return err
			}
			r := sealRequest()
			r.Number = "2026-0002"
			if err := tx.SaveSealRequest(&r); err != nil {
				return err
			}
			it := item()
			it.Number = "督〔2026〕3号"
			if err := tx.SaveItem(&it); err != nil {
				return err
			}
			if err := tx.SaveLeader(&app.Leader{Name: "王区长", Role: app.RoleMayor, Active: true}); err != nil {
				return err
			}
			if err := tx.SaveSeal(&app.Seal{Name: "区政府印章", Kind: app.SealGovernment, Active: true}); err != nil {
				return err
			}

			if got, err := tx.DocumentBySerial("2026-0001"); err != nil || got.ID != d.ID {
				t.Errorf("DocumentBySerial in the transaction: %v, %v", got, err)
			}
			if _, n, err := tx.Documents(app.DocumentFilter{Direction: app.Incoming}); err != nil || n != 1 {
				t.Errorf("Documents in the transaction: %d, %v", n, err)
			}
			if got, err := tx.SealRequestByNumber("2026-0002"); err != nil || got.ID != r.ID {
				t.Errorf("SealRequestByNumber in the transaction: %v, %v", got, err)
			}
			if got, err := tx.ItemByNumber("督[2026]3号"); err != nil || got.ID != it.ID {
				t.Errorf("ItemByNumber in the transaction: %v, %v", got, err)
			}
			if l, err := tx.Leaders(); err != nil || len(l) != 1 {
				t.Errorf("Leaders in the transaction: %v, %v", l, err)
			}
			if se, err := tx.Seals(); err != nil || len(se) != 1 {
				t.Errorf("Seals in the transaction: %v, %v", se, err)
			}
			if _, err := tx.ItemByNumber("督〔2026〕4号"); app.ErrorCode(err) != app.ENOTFOUND {
				t.Errorf("a number not in the book: %v", err)
			}
			return nil
		})
	})
}
