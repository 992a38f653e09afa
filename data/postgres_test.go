package data

import (
	"bufio"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"gorm.io/gorm"

	"gongwen/app"
)

// The same office on a file and on a server lists the same records in the
// same order with the same totals, for filters and sorts of every kind and
// pages at the start, middle and end, and the global search finds the same
// hits with the same totals.
func TestServerListsAndSearchAgreeWithFile(t *testing.T) {
	server := newServerStore(t)
	file, today := planOffice(t)
	planOfficeIn(t, server)
	in := app.Incoming
	filters := map[string]app.DocumentFilter{
		"book":            {Direction: in},
		"year":            {Direction: in, Year: today.Year - 3},
		"status":          {Direction: in, Statuses: []app.DocStatus{app.StatusArchived}},
		"urgency":         {Direction: in, Urgency: app.UrgencyVeryUrgent},
		"unit":            {Direction: in, Unit: "财政"},
		"unit-letters":    {Direction: in, Unit: "ab"},
		"unreturned":      {Direction: in, Unreturned: true},
		"text-common":     {Direction: in, Text: "区"},
		"text-2":          {Direction: in, Text: "安全"},
		"text-3":          {Direction: in, Text: "关于做"},
		"text-two-words":  {Direction: in, Text: "关于 通知"},
		"text-and-status": {Direction: in, Text: "区", Statuses: []app.DocStatus{app.StatusArchived}},
		"text-none":       {Direction: in, Text: "不存在的词语"},
		"outgoing-text":   {Direction: app.Outgoing, Text: "通知"},
		"both-books-text": {Text: "通知"},
	}
	sorts := []struct {
		key  string
		desc bool
	}{{"serial", true}, {"received_on", true}, {"title", false}, {"from_unit", true}, {"due_on", false}, {"due_on", true}, {"status", false}}
	filled := 0 // pages compared that hold records
	for name, f := range filters {
		for _, so := range sorts {
			f.Sort, f.Desc = so.key, so.desc
			_, total, err := file.Documents(ctx, f)
			must(t, err)
			for _, offset := range []int{0, total / 2, max(total-7, 0)} {
				f.Page = app.Page{Offset: offset, Limit: 20}
				want, wantTotal, err := file.Documents(ctx, f)
				must(t, err)
				got, gotTotal, err := server.Documents(ctx, f)
				must(t, err)
				if len(want) > 0 {
					filled++
				}
				if gotTotal != wantTotal || !slices.Equal(docIDs(got), docIDs(want)) {
					t.Errorf("%s by %s at %d: server %d %v, file %d %v", name, so.key, offset, gotTotal, docIDs(got), wantTotal, docIDs(want))
				}
			}
		}
	}
	if filled < 200 {
		t.Fatalf("only %d pages held records", filled)
	}
	for _, q := range []string{"区", "通知", "关于做好", "财政 工作", "〔2024〕", "[2024]", "ab", "不存在的词语", "会议 纪要"} {
		for _, p := range []app.Page{{Limit: 50}, {Offset: 40, Limit: 50}} {
			want, wantTotal, err := file.Search(ctx, q, p)
			must(t, err)
			got, gotTotal, err := server.Search(ctx, q, p)
			must(t, err)
			if gotTotal != wantTotal || !slices.Equal(hitKeys(got), hitKeys(want)) {
				t.Errorf("search %q at %d: server %d %v, file %d %v", q, p.Offset, gotTotal, hitKeys(got), wantTotal, hitKeys(want))
			}
			if len(got) > 0 && got[0].Snippet != want[0].Snippet {
				t.Errorf("search %q: snippet %q, file %q", q, got[0].Snippet, want[0].Snippet)
			}
		}
	}
	// the dashboard counts the same
	q := app.DashboardQuery{Today: today, WarnUntil: today.AddDays(3), WeekFrom: today.AddDays(-3), WeekTo: today.AddDays(3)}
	want, err := file.Dashboard(ctx, q)
	must(t, err)
	got, err := server.Dashboard(ctx, q)
	must(t, err)
	mustEqual(t, "dashboard", got, want)
	// Check finds nothing wrong with the server's office
	problems, err := server.Check(ctx)
	must(t, err)
	mustEqual(t, "problems", len(problems), 0)
}

func docIDs(ds []app.Document) []int64 {
	ids := make([]int64, len(ds))
	for i, d := range ds {
		ids[i] = d.ID
	}
	return ids
}

// A database of another program and one of a newer version are refused
// with a message naming the server, and nothing is written to them.
func TestServerRefuses(t *testing.T) {
	t.Run("another program", func(t *testing.T) {
		u := serverURL(t)
		s := adminOf(t, u)
		must(t, s.Exec("CREATE TABLE orders (id integer)").Error)
		_, err := Open(u)
		wantRefusal(t, err, u, "不是公文督办台的数据库")
		var n int
		must(t, s.Raw("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()").Scan(&n).Error)
		mustEqual(t, "tables after the refusal", n, 1)
	})
	t.Run("newer version", func(t *testing.T) {
		u := serverURL(t)
		s, err := Open(u)
		must(t, err)
		must(t, s.db.Exec("UPDATE gongwen_schema SET version = ?", schemaVersion()+1).Error)
		s.Close()
		_, err = Open(u)
		wantRefusal(t, err, u, "较新版本")
		_, err = OpenReadOnly(u)
		wantRefusal(t, err, u, "较新版本")
	})
}

// adminOf is a store-less connection to the database at u.
func adminOf(t *testing.T, u string) *gorm.DB {
	t.Helper()
	db, sqlDB, err := pgConnect(u, 1, "")
	must(t, err)
	t.Cleanup(func() { sqlDB.Close() })
	return db
}

func wantRefusal(t *testing.T, err error, u, want string) {
	t.Helper()
	if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), ServerName(u)) {
		t.Fatalf("want a refusal with %q naming %s, got %v", want, ServerName(u), err)
	}
}

// A server office of an older version gets what the newer one adds.
func TestServerMigratesOlderVersion(t *testing.T) {
	u := serverURL(t)
	db := adminOf(t, u)
	must(t, pgMigrateTo(db, ServerName(u), 4))
	var hasIndex bool
	must(t, db.Raw("SELECT to_regclass('documents_title') IS NOT NULL").Scan(&hasIndex).Error)
	mustEqual(t, "version 4 has the title index", hasIndex, false)
	must(t, db.Exec(`INSERT INTO documents (direction, status, serial, title, created_at, updated_at)
		VALUES ('in', 'registered', '2026-0001', '关于旧版本的通知', now(), now())`).Error)
	s, err := Open(u)
	must(t, err)
	defer s.Close()
	must(t, db.Raw("SELECT to_regclass('documents_title') IS NOT NULL").Scan(&hasIndex).Error)
	mustEqual(t, "the title index after the upgrade", hasIndex, true)
	mustEqual(t, "version", count(t, s, "SELECT version FROM gongwen_schema"), schemaVersion())
	docs, n, err := s.Documents(ctx, app.DocumentFilter{Direction: app.Incoming})
	must(t, err)
	if n != 1 || docs[0].Title != "关于旧版本的通知" {
		t.Fatalf("the old record after the upgrade: %d %+v", n, docs)
	}
}

// A wrong password, an unknown host, a server that does not answer and a
// missing database each get a Chinese message naming the server, never
// the password.
func TestServerConnectErrors(t *testing.T) {
	base := os.Getenv(pgEnv)
	if base == "" {
		t.Skip(pgEnv + " is not set")
	}
	u, err := url.Parse(base)
	must(t, err)
	with := func(f func(u *url.URL)) string {
		c := *u
		f(&c)
		return c.String()
	}
	for _, c := range []struct{ name, url, want string }{
		{"wrong password", with(func(u *url.URL) { u.User = url.UserPassword(u.User.Username(), "不对的密码x9") }), "用户名或密码不对"},
		{"unknown host", with(func(u *url.URL) { u.Host = "no-such-host.invalid:5432" }), "找不到数据库服务器"},
		{"nobody listening", with(func(u *url.URL) { u.Host = "127.0.0.1:1" }), "连接不上数据库服务器"},
		{"missing database", with(func(u *url.URL) { u.Path = "/no_such_gongwen_db" }), "没有这个数据库"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Open(c.url)
			wantRefusal(t, err, c.url, c.want)
			if strings.Contains(err.Error(), "不对的密码x9") {
				t.Fatalf("the message shows the password: %v", err)
			}
		})
	}
}

// Four processes register 250 incoming documents each into one server
// office at the same time: the 收文编号 are 1…1000, none missing, none
// twice.
func TestServerCountersFourProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts four processes")
	}
	u := serverURL(t)
	s, err := Open(u) // the schema exists before the processes start
	must(t, err)
	defer s.Close()
	const procs, takes = 4, 250
	start := t.TempDir() + "/start"
	var (
		mu    sync.Mutex
		taken []int
		wg    sync.WaitGroup
	)
	cmds := make([]*exec.Cmd, procs)
	for i := range cmds {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCounterHelper$", "-test.count=1")
		cmd.Env = append(os.Environ(), helperDB+"="+u, helperStart+"="+start, helperCount+"="+strconv.Itoa(takes))
		out, err := cmd.StdoutPipe()
		must(t, err)
		cmd.Stderr = os.Stderr
		must(t, cmd.Start())
		cmds[i] = cmd
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				if n, ok := strings.CutPrefix(sc.Text(), "took "); ok {
					v, _ := strconv.Atoi(n)
					mu.Lock()
					taken = append(taken, v)
					mu.Unlock()
				} else if strings.HasPrefix(sc.Text(), "error") {
					t.Errorf("helper: %s", sc.Text())
				}
			}
		}()
	}
	must(t, os.WriteFile(start, nil, 0o644))
	wg.Wait()
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("helper failed: %v", err)
		}
	}
	sort.Ints(taken)
	if len(taken) != procs*takes {
		t.Fatalf("took %d numbers, want %d", len(taken), procs*takes)
	}
	for i, n := range taken {
		if n != i+1 {
			t.Fatalf("numbers are not 1..%d without gaps or repeats: position %d holds %d", procs*takes, i, n)
		}
	}
	mustEqual(t, "distinct serials stored", count(t, s, "SELECT count(DISTINCT serial) FROM documents"), procs*takes)
	mustEqual(t, "the counter", count(t, s, "SELECT value FROM counters WHERE name = 'in:2026'"), procs*takes)
	_, n, err := s.Search(ctx, "进程", app.Page{Limit: 1})
	must(t, err)
	mustEqual(t, "search entries", n, procs*takes)
}

// The server drops every connection of the office mid-work (a restart):
// what fails says so in Chinese, naming the server, and writes nothing;
// the next steps reconnect and carry on.
func TestServerConnectionsDropped(t *testing.T) {
	u := serverURL(t)
	s, err := Open(u)
	must(t, err)
	defer s.Close()
	register := func(title string) error {
		return s.Update(ctx, func(tx app.Tx) error {
			n, err := tx.NextNumber("in:2026")
			if err != nil {
				return err
			}
			doc := app.Document{Direction: app.Incoming, Status: app.StatusRegistered, Serial: app.IncomingSerial(2026, n), Year: 2026,
				Title: title, FromUnit: "区财政局", ReceivedOn: d("2026-01-05")}
			return tx.SaveDocument(&doc)
		})
	}
	must(t, register("断开之前"))
	_, _, err = s.Documents(ctx, app.DocumentFilter{}) // the read pool holds a connection too
	must(t, err)
	admin := adminOf(t, u)
	must(t, admin.Exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()").Error)
	failures := 0
	for i := range 3 {
		err := register(fmt.Sprintf("断开之后%d", i))
		if err == nil {
			continue
		}
		failures++
		msg := app.ErrorMessage(err)
		if !strings.Contains(msg, ServerName(u)) || !strings.Contains(msg, "没有保存") {
			t.Errorf("a write on a dropped connection: %q", msg)
		}
	}
	if _, _, err := s.Documents(ctx, app.DocumentFilter{}); err != nil && !strings.Contains(app.ErrorMessage(err), ServerName(u)) {
		t.Errorf("a read on a dropped connection: %v", err)
	}
	must(t, register("重新连接以后"))
	docs, n, err := s.Documents(ctx, app.DocumentFilter{Sort: "serial"})
	must(t, err)
	mustEqual(t, "documents saved", n, 5-failures)
	for i, doc := range docs {
		if doc.Serial != app.IncomingSerial(2026, i+1) {
			t.Errorf("收文编号 %s at %d: a failed write left a gap", doc.Serial, i)
		}
	}
	t.Logf("%d of 3 writes met the dropped connection", failures)
}

// Check on a server finds counters behind their numbers and records
// missing from the search index.
func TestServerCheck(t *testing.T) {
	s := newServerStore(t)
	update(t, s, func(tx app.Tx) error {
		doc := incoming()
		if err := tx.SaveDocument(&doc); err != nil {
			return err
		}
		r := sealRequest()
		r.Number = "2026-0012"
		return tx.SaveSealRequest(&r)
	})
	must(t, s.db.Exec("DELETE FROM search_entries WHERE entity = 'seal'").Error)
	problems, err := s.Check(ctx)
	must(t, err)
	got := strings.Join(problems, "\n")
	for _, want := range []string{"编号计数器in:2026是0，但已用到7", "编号计数器seal:2026是0，但已用到12", "检索索引与用印申请台账不一致"} {
		if !strings.Contains(got, want) {
			t.Errorf("check did not report %q:\n%s", want, got)
		}
	}
	must(t, s.Reindex(ctx))
	problems, err = s.Check(ctx)
	must(t, err)
	if strings.Contains(strings.Join(problems, "\n"), "检索索引") {
		t.Errorf("after reindex: %v", problems)
	}
}

// Every bool field of the store's rows is a boolean column on a server
// (pgBoolColumns lists the models it parses): a new row with a bool field
// must be listed there, or the server refuses to store false into bigint.
func TestServerBoolColumnsCoverEveryModel(t *testing.T) {
	s := newStore(t)
	bools := pgBoolColumns(s.db)
	for _, m := range rowModels {
		st := &gorm.Statement{DB: s.db}
		must(t, st.Parse(m))
		for _, f := range st.Schema.Fields {
			if f.FieldType.Kind() == reflect.Bool && f.DBName != "" && !bools[st.Schema.Table][f.DBName] {
				t.Errorf("%s.%s is bool in the model but not boolean on a server: add its row to pgBoolColumns", st.Schema.Table, f.DBName)
			}
		}
	}
}

// An office copied from a file onto a server goes on taking new records:
// the server's id sequences start after the copied ids.
func TestServerCopyThenSave(t *testing.T) {
	src, dst := newStore(t), newServerStore(t)
	first := incoming()
	update(t, src, func(tx app.Tx) error { return tx.SaveDocument(&first) })
	if _, err := Copy(ctx, src, dst, CopyOptions{}); err != nil {
		t.Fatal(err)
	}
	next := incoming()
	next.Serial = "2026-0002"
	update(t, dst, func(tx app.Tx) error { return tx.SaveDocument(&next) })
	if next.ID <= first.ID {
		t.Fatalf("the record saved after the copy has id %d, the copied one %d", next.ID, first.ID)
	}
}
