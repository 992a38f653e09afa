package app_test

import (
	"strings"
	"testing"
	"time"

	"gongwen/app"
	"gongwen/data"
)

// secondSeat is another Desk on the same office file, as a second
// secretary's program would open it, its clock an hour after the first's.
func secondSeat(t *testing.T, s *data.Store, now *time.Time) *app.Desk {
	t.Helper()
	other, err := data.Open(s.Path())
	must(t, err)
	t.Cleanup(func() { other.Close() })
	desk, err := app.NewDesk(ctx, other, "李文书")
	must(t, err)
	desk.Now = func() time.Time { return now.Add(time.Hour) }
	return desk
}

// Two seats open the same record; the later save is refused, naming who
// changed it and when, and the earlier one stands.
func TestSeatsEditTheSameRecord(t *testing.T) {
	first, s, now := newDesk(t)
	second := secondSeat(t, s, now)
	zhang := app.WithOperator(ctx, "张文书")
	doc := &app.Document{Title: "关于做好春节期间安全生产工作的通知", FromUnit: "市人民政府办公室", ReceivedOn: first.Today()}
	must(t, first.RegisterIncoming(ctx, doc, false))

	formOne, err := first.Store.Document(ctx, doc.ID) // both seats open the record
	must(t, err)
	formTwo, err := second.Store.Document(ctx, doc.ID)
	must(t, err)
	formOne.Title = "关于做好春节和元宵节期间安全生产工作的通知"
	saved, err := first.EditDocument(zhang, formOne, false)
	must(t, err)
	formTwo.Remarks = "原件存机要室"
	_, err = second.EditDocument(ctx, formTwo, false)
	wantCode(t, err, app.ECONFLICT)
	if msg := app.ErrorMessage(err); !strings.Contains(msg, "此记录已被张文书于") || !strings.Contains(msg, "1月5日 09:00 修改，请重新打开后再改") {
		t.Fatalf("message: %s", msg)
	}
	stored, err := second.Store.Document(ctx, doc.ID)
	must(t, err)
	mustEqual(t, "the record after the refusal", *stored, *saved)
	// reopened, the second seat's change goes through, and the first seat's
	// old form is refused in turn
	stored.Remarks = "原件存机要室"
	_, err = second.EditDocument(ctx, stored, false)
	must(t, err)
	formOne.Title = "又一次修改"
	_, err = first.EditDocument(zhang, formOne, false)
	wantCode(t, err, app.ECONFLICT)
	if msg := app.ErrorMessage(err); !strings.Contains(msg, "此记录已被李文书于") || !strings.Contains(msg, "10:00") {
		t.Fatalf("message: %s", msg)
	}
	// a step (拟办) reads the record afresh in its own transaction: no conflict
	_, err = first.Propose(zhang, doc.ID, "拟请王区长阅示")
	must(t, err)
}

// The other books' forms are guarded the same way.
func TestSeatsEditTheOtherBooks(t *testing.T) {
	first, s, now := newDesk(t)
	second := secondSeat(t, s, now)
	it := &app.Item{Title: "推进老旧小区改造", LeadUnit: "区住建局", AssignedOn: first.Today(), Deadline: first.Today().AddDays(30)}
	must(t, first.CreateItem(ctx, it))
	m := &app.Meeting{Kind: app.MeetingKinds[0], Date: first.Today(), Place: "第一会议室", Chair: "王区长"}
	_, err := first.SaveMeeting(ctx, m)
	must(t, err)

	itemOne, err := first.Store.Item(ctx, it.ID)
	must(t, err)
	itemTwo, err := second.Store.Item(ctx, it.ID)
	must(t, err)
	itemOne.Content = "年内完成三个小区"
	_, err = first.EditItem(ctx, itemOne)
	must(t, err)
	itemTwo.Content = "年内完成五个小区"
	_, err = second.EditItem(ctx, itemTwo)
	wantCode(t, err, app.ECONFLICT)

	meetingOne, err := first.Store.Meeting(ctx, m.ID)
	must(t, err)
	meetingTwo, err := second.Store.Meeting(ctx, m.ID)
	must(t, err)
	meetingOne.Place = "第二会议室"
	_, err = first.SaveMeeting(ctx, meetingOne)
	must(t, err)
	meetingTwo.Place = "第三会议室"
	_, err = second.SaveMeeting(ctx, meetingTwo)
	wantCode(t, err, app.ECONFLICT)
	got, err := first.Store.Meeting(ctx, m.ID)
	must(t, err)
	mustEqual(t, "place kept", got.Place, "第二会议室")
}

// Every write of one seat moves the change counter the other seat reads.
func TestSeatsSeeEachOthersChanges(t *testing.T) {
	first, s, now := newDesk(t)
	second := secondSeat(t, s, now)
	before, err := second.Store.Changes(ctx)
	must(t, err)
	again, err := second.Store.Changes(ctx)
	must(t, err)
	mustEqual(t, "counter without writes", again, before)
	doc := &app.Document{Title: "关于报送年度工作总结的通知", FromUnit: "市人民政府办公室", ReceivedOn: first.Today()}
	must(t, first.RegisterIncoming(ctx, doc, false))
	after, err := second.Store.Changes(ctx)
	must(t, err)
	if after == before {
		t.Fatal("the second seat does not see the first seat's registration")
	}
	// a refused write moves nothing
	_, err = first.Propose(ctx, doc.ID, "阅")
	if err == nil {
		t.Fatal("a mere 阅 was accepted")
	}
	unchanged, err := second.Store.Changes(ctx)
	must(t, err)
	mustEqual(t, "counter after a refused write", unchanged, after)
}
