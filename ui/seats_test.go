package ui

import (
	"context"
	"slices"
	"testing"
	"time"

	"gongwen/app"
	"gongwen/data"
	"gongwen/ui/widgets"
)

// otherSeat is a second secretary's Desk on the window's office file.
func (h *harness) otherSeat(operator string) *app.Desk {
	h.t.Helper()
	s, err := data.Open(h.store.Path())
	if err != nil {
		h.t.Fatal(err)
	}
	h.t.Cleanup(func() { s.Close() })
	d, err := app.NewDesk(context.Background(), s, operator)
	if err != nil {
		h.t.Fatal(err)
	}
	d.Now = func() time.Time { return testDay.Add(30 * time.Minute) }
	return d
}

// What another seat writes appears in the open window at its next check
// of the change counter: the list, the selected record's pane and the
// 工作台's counts; the selection and an open form with its input stay. The
// form's save then is refused, naming the other seat, and keeps the input.
func TestOtherSeatsChangesAppear(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	other := h.otherSeat("李文书")
	ctx := context.Background()
	mine := &app.Document{Title: "关于报送一季度统计数据的通知", FromUnit: "区财政局", ReceivedOn: h.desk.Today()}
	if err := h.desk.RegisterIncoming(ctx, mine, false); err != nil {
		t.Fatal(err)
	}
	u.show(ScreenIncoming)
	i, ok := u.incoming.table.Find(func(d app.Document) bool { return d.ID == mine.ID })
	if !ok {
		t.Fatal("the document is not in the table")
	}
	u.incoming.table.Select(i)
	u.checkChanges() // what this window wrote itself
	tapAction(h, u.incoming.book, "修改登记")
	h.typeIn("备注", "原件存机要室")

	theirs := &app.Document{Title: "关于开展安全生产大检查的通知", FromUnit: "市人民政府办公室", ReceivedOn: other.Today()}
	if err := other.RegisterIncoming(ctx, theirs, false); err != nil {
		t.Fatal(err)
	}
	if _, err := other.Propose(ctx, mine.ID, "拟请王区长阅示，由区财政局办理"); err != nil {
		t.Fatal(err)
	}
	if u.incoming.table.Total() != 1 {
		t.Fatal("the window reread before its check")
	}
	u.checkChanges()
	if got := u.incoming.table.Total(); got != 2 {
		t.Fatalf("the list shows %d documents after the other seat registered one", got)
	}
	if u.incoming.sel == nil || u.incoming.sel.ID != mine.ID || u.incoming.sel.Proposal != "拟请王区长阅示，由区财政局办理" {
		t.Fatalf("the detail pane shows %+v", u.incoming.sel)
	}
	if r := u.incoming.table.Selected(); r < 0 || u.incoming.table.Text(r, 0) != mine.Serial {
		t.Fatalf("the selection moved to row %d", r)
	}
	if got := h.form().Get("备注").(*widgets.Entry).Text; got != "原件存机要室" {
		t.Fatalf("the open form lost its input: %q", got)
	}
	h.saveFails("此记录已被李文书于 3月10日 10:00 修改，请重新打开后再改")
	h.capture("seats-refused")
	if got := h.form().Get("备注").(*widgets.Entry).Text; got != "原件存机要室" {
		t.Fatalf("the refused form lost its input: %q", got)
	}
	h.form().Hide()

	// the 工作台's counts
	waiting := h.dash(cardProposal)
	more := &app.Document{Title: "关于做好防汛准备工作的通知", FromUnit: "市人民政府办公室", ReceivedOn: other.Today()}
	if err := other.RegisterIncoming(ctx, more, false); err != nil {
		t.Fatal(err)
	}
	u.checkChanges()
	if got := u.dashboard.count(cardProposal); got != waiting+1 {
		t.Fatalf("待拟办 = %d after the other seat registered one, was %d", got, waiting)
	}
}

// lostStore is the office's store while its server is gone: every read of
// the change counter and every write fails.
type lostStore struct {
	app.Store
	lost bool
}

var errLost = app.Errorf(app.EBUSY, "无法连接单位的数据库服务器，请稍后再试")

func (s *lostStore) Changes(ctx context.Context) (int64, error) {
	if s.lost {
		return 0, errLost
	}
	return s.Store.Changes(ctx)
}

func (s *lostStore) Update(ctx context.Context, fn func(app.Tx) error) error {
	if s.lost {
		return errLost
	}
	return s.Store.Update(ctx, fn)
}

// While the store cannot be reached the window says so, a save fails with
// its form open and its input kept, and the window carries on, rereading
// what it shows, once the store answers again.
func TestStoreGoneAndBack(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	other := h.otherSeat("李文书")
	store := &lostStore{Store: h.desk.Store}
	h.desk.Store = store
	u.show(ScreenIncoming)
	u.checkChanges()

	store.lost = true
	u.checkChanges()
	if !u.statusLost.Visible() || !h.shows("与数据库的连接中断") {
		t.Fatal("the status bar does not say the store is gone")
	}
	h.newIncoming("关于报送一季度统计数据的通知")
	h.saveFails("无法连接单位的数据库服务器")
	if got := h.form().Get("文件标题").(*widgets.Entry).Text; got != "关于报送一季度统计数据的通知" {
		t.Fatalf("the form lost its input: %q", got)
	}
	h.capture("seats-lost")
	theirs := &app.Document{Title: "关于开展安全生产大检查的通知", FromUnit: "市人民政府办公室", ReceivedOn: other.Today()}
	if err := other.RegisterIncoming(context.Background(), theirs, false); err != nil {
		t.Fatal(err)
	}

	store.lost = false
	u.checkChanges()
	if u.statusLost.Visible() {
		t.Fatal("the status bar still says the store is gone")
	}
	if got := u.incoming.table.Total(); got != 1 {
		t.Fatalf("the list shows %d documents once the store is back", got)
	}
	h.save() // the same form, saved now
	if got := u.incoming.table.Total(); got != 2 {
		t.Fatalf("the list shows %d documents after the save", got)
	}
}

// What the window wrote itself it has reread already: the next check of
// the counter rereads nothing, unless another seat wrote too.
func TestOwnChangesAreNotReadTwice(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	other := h.otherSeat("李文书")
	u.show(ScreenIncoming)
	u.checkChanges()
	reloads := 0
	counted := u.incoming.table.OnReload
	u.incoming.table.OnReload = func(total int) { reloads++; counted(total) }
	h.newIncoming("关于报送一季度统计数据的通知")
	h.save()
	mine := reloads
	if mine == 0 {
		t.Fatal("the save did not reread the list")
	}
	u.checkChanges()
	if reloads != mine {
		t.Fatalf("the window reread its own save again (%d → %d)", mine, reloads)
	}
	theirs := &app.Document{Title: "关于开展安全生产大检查的通知", FromUnit: "市人民政府办公室", ReceivedOn: other.Today()}
	if err := other.RegisterIncoming(context.Background(), theirs, false); err != nil {
		t.Fatal(err)
	}
	u.checkChanges()
	if reloads != mine+1 || u.incoming.table.Total() != 2 {
		t.Fatalf("after the other seat's registration: %d rereads, %d documents", reloads-mine, u.incoming.table.Total())
	}
}

// busyStore lets another seat write once while the window rereads after a
// check (just after its reread of the units).
type busyStore struct {
	app.Store
	meanwhile func()
}

func (s *busyStore) Units(ctx context.Context) ([]app.Unit, error) {
	units, err := s.Store.Units(ctx)
	if f := s.meanwhile; f != nil {
		s.meanwhile = nil
		f()
	}
	return units, err
}

// A write another seat makes while the window rereads after a check is
// not taken for one of the window's own: the next check shows it.
func TestChangesDuringARereadAppear(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	other := h.otherSeat("李文书")
	ctx := context.Background()
	u.show(ScreenIncoming)
	u.checkChanges()
	theirs := &app.Document{Title: "关于报送一季度统计数据的通知", FromUnit: "区财政局", ReceivedOn: other.Today()}
	if err := other.RegisterIncoming(ctx, theirs, false); err != nil {
		t.Fatal(err)
	}
	store := &busyStore{Store: h.desk.Store}
	h.desk.Store = store
	store.meanwhile = func() {
		if err := other.SaveUnit(ctx, &app.Unit{Name: "区数据局", Kind: app.UnitDepartment, Active: true}); err != nil {
			t.Fatal(err)
		}
	}
	u.checkChanges()
	if store.meanwhile != nil {
		t.Fatal("the check did not reread the units")
	}
	u.checkChanges()
	if !slices.Contains(u.unitNames(), "区数据局") {
		t.Fatalf("the unit the other seat added meanwhile is not offered: %v", u.unitNames())
	}
}
