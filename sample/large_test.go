package sample_test

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"gongwen/app"
	"gongwen/data"
	"gongwen/sample"
)

var largeToday = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// openLarge loads the large office at 1/divisor into a new file.
func openLarge(t *testing.T, divisor int) (*data.Store, *app.Desk) {
	t.Helper()
	store, desk := sample.OpenTestDesk(t, filepath.Join(t.TempDir(), "large.db"))
	desk.Now = func() time.Time { return largeToday }
	start := time.Now()
	loaded, err := sample.LoadLarge(context.Background(), desk, sample.LargeOptions{Divisor: divisor})
	if err != nil || !loaded {
		t.Fatalf("LoadLarge: %v %v", loaded, err)
	}
	t.Logf("large office 1/%d loaded in %v", divisor, time.Since(start).Round(time.Millisecond))
	return store, desk
}

// books reads every record (the reduced office is small).
type books struct {
	docs     []app.Document
	seals    []app.SealRequest
	items    []app.Item
	meetings []app.Meeting
}

func readBooks(t *testing.T, s app.Store) books {
	t.Helper()
	ctx := context.Background()
	var b books
	var err error
	if b.docs, err = app.All(func(p app.Page) ([]app.Document, int, error) {
		return s.Documents(ctx, app.DocumentFilter{Sort: "serial", Page: p})
	}); err != nil {
		t.Fatal(err)
	}
	if b.seals, err = app.All(func(p app.Page) ([]app.SealRequest, int, error) {
		return s.SealRequests(ctx, app.SealFilter{Sort: "number", Page: p})
	}); err != nil {
		t.Fatal(err)
	}
	if b.items, err = app.All(func(p app.Page) ([]app.Item, int, error) {
		return s.Items(ctx, app.ItemFilter{Sort: "number", Page: p})
	}); err != nil {
		t.Fatal(err)
	}
	if b.meetings, err = app.All(func(p app.Page) ([]app.Meeting, int, error) {
		return s.Meetings(ctx, app.MeetingFilter{Sort: "date", Page: p})
	}); err != nil {
		t.Fatal(err)
	}
	return b
}

// gapless checks that the numbers of each series run 1, 2, 3 … without a
// gap or a repeat.
func gapless(t *testing.T, what string, series map[string][]int) {
	t.Helper()
	for key, ns := range series {
		slices.Sort(ns)
		for i, n := range ns {
			if n != i+1 {
				t.Errorf("%s %s: numbers %v… are not 1…%d", what, key, ns[:min(len(ns), i+3)], len(ns))
				break
			}
		}
	}
}

func TestLargeOfficeIsConsistent(t *testing.T) {
	ctx := context.Background()
	const divisor = 100
	store, desk := openLarge(t, divisor)
	today := desk.Today()
	sz := sample.LargeOptions{Divisor: divisor}.Sizes()
	b := readBooks(t, store)
	progress := 0
	for _, it := range b.items {
		progress += len(it.Progress)
	}
	if got := []int{len(b.docs), len(b.items), progress, len(b.seals), len(b.meetings)}; !reflect.DeepEqual(got, []int{sz.Documents, sz.Items, sz.Progress, sz.Seals, sz.Meetings}) {
		t.Fatalf("sizes %v, want %+v", got, sz)
	}
	first := app.D(today.Year-10, today.Month, today.Day).AddDays(1)

	t.Run("documents", func(t *testing.T) {
		serials, issued, pieces := map[string][]int{}, map[string][]int{}, map[string][]int{}
		years := map[int]bool{}
		for _, d := range b.docs {
			what := d.Serial + " " + d.Title
			book := d.ReceivedOn
			if d.Direction == app.Outgoing {
				book = d.DraftedOn
			}
			years[book.Year] = true
			if book.Before(first) || book.After(today) {
				t.Errorf("%s: dated %s, outside the ten years", what, book)
			}
			for _, day := range []app.Date{d.ProposedOn, d.DoneOn, d.SignedOn, d.IssuedOn, d.Archive.FiledOn, d.CheckedOn} {
				if day.After(today) {
					t.Errorf("%s: a step on %s, after today", what, day)
				}
			}
			if d.Archive.IsZero() != (d.Status != app.StatusArchived) {
				t.Errorf("%s: status %s with archive %+v", what, d.Status, d.Archive)
			}
			if !d.Archive.IsZero() {
				if err := d.Archive.Validate(); err != nil || d.Archive.FiledOn.Before(d.DoneOn) || len(d.Outstanding()) > 0 {
					t.Errorf("%s: archive %+v: %v", what, d.Archive, err)
				}
				key := fmt.Sprint(d.Archive.Year, d.Archive.Retention)
				pieces[key] = append(pieces[key], d.Archive.Piece)
			}
			if d.Direction == app.Incoming {
				checkIncoming(t, d, what)
				y, n, _ := strings.Cut(d.Serial, "-")
				num, _ := strconv.Atoi(n)
				if y != fmt.Sprint(d.ReceivedOn.Year) || d.Year != d.ReceivedOn.Year {
					t.Errorf("%s: serial of another year", what)
				}
				serials[y] = append(serials[y], num)
				continue
			}
			checkOutgoing(t, d, what)
			if d.Serial != "" {
				no, err := app.ParseDocNo(d.Serial)
				if err != nil || d.DocNo != d.Serial || no.Year != d.SignedOn.Year {
					t.Errorf("%s: 发文字号 %q / %q: %v", what, d.Serial, d.DocNo, err)
				}
				key := fmt.Sprint(no.Code, no.Year)
				issued[key] = append(issued[key], no.Serial)
			}
		}
		if len(years) != 11 {
			t.Errorf("documents in %d years, want the 11 calendar years of the ten", len(years))
		}
		gapless(t, "收文编号", serials)
		gapless(t, "发文字号", issued)
		gapless(t, "件号", pieces)
	})

	t.Run("seal requests", func(t *testing.T) {
		numbers, logs := map[string][]int{}, map[string][]int{}
		for _, r := range b.seals {
			what := r.Number + " " + r.Reason
			y, n, _ := strings.Cut(r.Number, "-")
			num, _ := strconv.Atoi(n)
			numbers[y] = append(numbers[y], num)
			if y != fmt.Sprint(r.RequestedOn.Year) {
				t.Errorf("%s: requested in %d", what, r.RequestedOn.Year)
			}
			switch r.Status {
			case app.SealDraft:
				ok(t, what, len(r.Chain) == 0 && len(r.Approvals) == 0)
			case app.SealSubmitted:
				ok(t, what, len(r.Chain) > 0 && len(r.Approvals) == 0)
			case app.SealReviewed:
				ok(t, what, len(r.Approvals) > 0 && len(r.Approvals) < len(r.Chain))
			case app.SealApproved:
				ok(t, what, len(r.Approvals) == len(r.Chain) && r.LogNo == "")
			case app.SealUsed:
				ok(t, what, len(r.Approvals) == len(r.Chain) && r.LogNo != "" && !r.UsedOn.After(today) &&
					!r.UsedOn.Before(r.Approvals[len(r.Approvals)-1].On) && r.UsedCount >= 1)
				ly, ln, _ := strings.Cut(r.LogNo, "-")
				lnum, _ := strconv.Atoi(ln)
				ok(t, what, ly == fmt.Sprint(r.UsedOn.Year))
				logs[ly] = append(logs[ly], lnum)
			case app.SealRejected:
				ok(t, what, r.RejectReason != "")
			case app.SealWithdrawn:
				ok(t, what, r.LogNo == "")
			default:
				t.Errorf("%s: status %s", what, r.Status)
			}
			for i, a := range r.Approvals {
				ok(t, what, a.Role == r.Chain[i].Role || a.Role == app.RoleExecutiveVice || a.Role == app.RoleMayor)
			}
		}
		gapless(t, "申请编号", numbers)
		gapless(t, "用印登记号", logs)
	})

	docs := map[int64]app.Document{}
	for _, d := range b.docs {
		docs[d.ID] = d
	}
	meetings := map[int64]app.Meeting{}
	for _, m := range b.meetings {
		meetings[m.ID] = m
	}
	t.Run("items", func(t *testing.T) {
		numbers := map[string][]int{}
		for _, it := range b.items {
			what := it.Number + " " + it.Title
			numbers[fmt.Sprint(it.Year)] = append(numbers[fmt.Sprint(it.Year)], it.Seq)
			ok(t, what, it.Number == app.ItemNumber(it.Year, it.Seq) && it.Year == it.AssignedOn.Year && !it.AssignedOn.After(today))
			ok(t, what, !it.Deadline.Before(it.AssignedOn))
			end := today
			if it.Status == app.ItemDone {
				ok(t, what, !it.DoneOn.IsZero() && !it.DoneOn.After(today) && it.Result != "")
				end = it.DoneOn
				for _, s := range it.Stages {
					ok(t, what, !s.DoneOn.IsZero())
				}
			} else {
				ok(t, what, it.Status == app.ItemOpen && it.DoneOn.IsZero() && it.Result == "")
			}
			for _, p := range it.Progress {
				if p.On.Before(it.AssignedOn) || p.On.After(end) {
					t.Errorf("%s: progress on %s outside %s…%s", what, p.On, it.AssignedOn, end)
				}
			}
			switch it.SourceType {
			case app.SourceInstruction:
				d, found := docs[it.SourceDocID]
				ok(t, what+" (source document)", found && len(d.Instructions) > 0 && d.LeadUnit == it.LeadUnit)
			case app.SourceMeeting:
				m, found := meetings[it.SourceMeetingID]
				linked := false
				for _, dec := range m.Decisions {
					linked = linked || dec.ItemID == it.ID
				}
				ok(t, what+" (source meeting)", found && linked)
			}
		}
		gapless(t, "督办编号", numbers)
	})

	t.Run("meetings", func(t *testing.T) {
		minutes := map[string][]int{}
		for _, m := range b.meetings {
			if err := m.Validate(); err != nil {
				t.Errorf("%s: %v", m.Name(), err)
			}
			if m.Minutes.Number != 0 {
				ok(t, m.Name(), m.Minutes.Body != "" && !m.Minutes.IssuedOn.Before(m.Date) && !m.Minutes.IssuedOn.After(today))
				key := fmt.Sprint(m.Kind, m.Minutes.Year)
				minutes[key] = append(minutes[key], m.Minutes.Number)
			}
		}
		gapless(t, "纪要编号", minutes)
	})

	t.Run("history", func(t *testing.T) {
		for _, e := range []struct {
			entity app.Entity
			id     int64
		}{{app.EntityDocument, b.docs[0].ID}, {app.EntitySeal, b.seals[0].ID}, {app.EntityItem, b.items[0].ID}, {app.EntityMeeting, b.meetings[0].ID}} {
			if hs, err := store.History(ctx, e.entity, e.id); err != nil || len(hs) == 0 {
				t.Errorf("%s %d: no history (%v)", e.entity, e.id, err)
			}
		}
	})

	t.Run("search finds generated text", func(t *testing.T) {
		it := b.items[len(b.items)/2]
		for _, q := range []string{b.docs[len(b.docs)/2].Title, b.docs[3].DocNo, b.seals[5].Reason, b.meetings[7].Name()} {
			if _, n, err := store.Search(ctx, q, app.Page{Limit: 5}); err != nil || n == 0 {
				t.Errorf("search %q: %d hits, %v", q, n, err)
			}
		}
		if len(it.Progress) > 0 {
			hits, _, err := store.Search(ctx, it.Number+" "+it.Progress[0].Text[:9], app.Page{})
			if err != nil || len(hits) != 1 || hits[0].ID != it.ID || hits[0].Snippet == "" {
				t.Errorf("item %s by number and progress: %+v %v", it.Number, hits, err)
			}
		}
		if _, n, _ := store.Search(ctx, "安全", app.Page{Limit: 1}); n < sz.Documents/20 {
			t.Errorf("安全: only %d hits", n)
		}
	})

	t.Run("counters continue the series", func(t *testing.T) {
		maxSerial := 0
		for _, d := range b.docs {
			if d.Direction == app.Incoming && d.Year == today.Year {
				n, _ := strconv.Atoi(d.Serial[5:])
				maxSerial = max(maxSerial, n)
			}
		}
		d := &app.Document{Title: "关于测试编号连续的通知", FromUnit: "市政府办公室", ReceivedOn: today}
		if err := desk.RegisterIncoming(ctx, d, false); err != nil {
			t.Fatal(err)
		}
		if d.Serial != app.IncomingSerial(today.Year, maxSerial+1) {
			t.Errorf("new registration got %s after %d", d.Serial, maxSerial)
		}
		code := desk.Settings().IssuingCodes[2] // 示府办发
		maxOut := 0
		for _, x := range b.docs {
			if no, err := app.ParseDocNo(x.Serial); err == nil && x.Direction == app.Outgoing && no.Code == code.Code && no.Year == today.Year {
				maxOut = max(maxOut, no.Serial)
			}
		}
		out := &app.Document{Title: "关于测试发文字号的通知", IssuingCode: code.Code, DraftUnit: "区政府办公室", Drafter: "何静", DraftedOn: today, Disclosure: app.DiscloseActively}
		steps := []func() error{
			func() error { return desk.DraftOutgoing(ctx, out) },
			func() error { _, err := desk.CheckDraft(ctx, out.ID); return err },
			func() error { _, err := desk.ReviewDraft(ctx, out.ID, "陈志远", "同意。", today); return err },
			func() error { var err error; out, err = desk.Sign(ctx, out.ID, "陈志远", today); return err },
		}
		for _, step := range steps {
			if err := step(); err != nil {
				t.Fatal(err)
			}
		}
		if want := (app.DocNo{Code: code.Code, Year: today.Year, Serial: maxOut + 1}).String(); out.DocNo != want {
			t.Errorf("signed %s, want %s", out.DocNo, want)
		}
		it := &app.Item{Title: "测试督办编号", LeadUnit: "区财政局", AssignedOn: today, Deadline: today.AddDays(30)}
		if err := desk.CreateItem(ctx, it); err != nil {
			t.Fatal(err)
		}
		maxItem := 0
		for _, x := range b.items {
			if x.Year == today.Year {
				maxItem = max(maxItem, x.Seq)
			}
		}
		if it.Seq != maxItem+1 {
			t.Errorf("new item %s after %d", it.Number, maxItem)
		}
	})

	t.Run("a second load changes nothing", func(t *testing.T) {
		loaded, err := sample.LoadLarge(ctx, desk, sample.LargeOptions{Divisor: divisor})
		if err != nil || loaded {
			t.Fatalf("second LoadLarge: %v %v", loaded, err)
		}
		if loaded, err := sample.Load(ctx, desk); err != nil || loaded {
			t.Fatalf("small sample over the large one: %v %v", loaded, err)
		}
		_, n, _ := store.Documents(ctx, app.DocumentFilter{Page: app.Page{Limit: 1}})
		if n != sz.Documents+2 { // the two made by the counter test
			t.Errorf("documents %d", n)
		}
	})
}

func ok(t *testing.T, what string, cond bool) {
	t.Helper()
	if !cond {
		t.Errorf("%s: fields do not agree with the status", what)
	}
}

func checkIncoming(t *testing.T, d app.Document, what string) {
	t.Helper()
	hasProposal, hasInstr, assigned := d.Proposal != "", len(d.Instructions) > 0, d.LeadUnit != ""
	switch d.Status {
	case app.StatusRegistered:
		ok(t, what, !hasProposal && !hasInstr && !assigned && d.DoneOn.IsZero())
	case app.StatusProposed:
		ok(t, what, hasProposal && !hasInstr && !assigned)
	case app.StatusInstructed:
		ok(t, what, hasProposal && hasInstr && !assigned && d.DoneOn.IsZero())
	case app.StatusAssigned:
		ok(t, what, hasInstr && assigned && !d.DueOn.IsZero() && d.LimitWorkdays > 0 && d.DoneOn.IsZero())
	case app.StatusDone, app.StatusArchived:
		ok(t, what, hasInstr && !d.DoneOn.IsZero() && !d.DoneOn.Before(d.ReceivedOn) && (d.Result != "" || d.Kind == app.KindReading))
		ok(t, what, assigned == (d.Kind == app.KindAction))
	case app.StatusReturned:
		ok(t, what, d.ReturnReason != "" && !hasInstr)
	case app.StatusTransferred:
		ok(t, what, d.ReturnReason != "" && d.TransferTo != "" && !hasInstr)
	default:
		t.Errorf("%s: status %s", what, d.Status)
	}
	ok(t, what, d.DocNo == app.NormalizeDocNo(d.DocNo) && !d.WrittenOn.After(d.ReceivedOn))
	for _, r := range d.Reminders {
		ok(t, what, r.On.After(d.DueOn))
	}
	for _, c := range d.Circulations {
		ok(t, what, c.ReturnedOn.IsZero() || !c.ReturnedOn.Before(c.SentOn))
	}
}

func checkOutgoing(t *testing.T, d app.Document, what string) {
	t.Helper()
	signed := d.Serial != ""
	director := slices.ContainsFunc(d.Reviews, func(r app.Review) bool { return r.Role == app.RoleOfficeDirector })
	switch d.Status {
	case app.StatusDrafted:
		ok(t, what, d.CheckedBy == "" && !signed)
	case app.StatusChecked:
		ok(t, what, d.CheckedBy != "" && !director && !signed)
	case app.StatusReviewed:
		ok(t, what, director && !signed)
	case app.StatusSigned:
		ok(t, what, signed && d.Signer != "" && d.IssuedOn.IsZero())
	case app.StatusIssued, app.StatusArchived:
		ok(t, what, signed && !d.IssuedOn.IsZero() && d.PrintCount > 0 && !d.IssuedOn.Before(d.SignedOn))
	default:
		t.Errorf("%s: status %s", what, d.Status)
	}
}

// The same day gives the same office, to the last field.
func TestLargeOfficeIsDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the reduced office twice")
	}
	s1, _ := openLarge(t, 200)
	s2, _ := openLarge(t, 200)
	b1, b2 := readBooks(t, s1), readBooks(t, s2)
	if !reflect.DeepEqual(b1, b2) {
		t.Fatal("two loads on the same day differ")
	}
}

// At a twentieth of the size, the office has work waiting at every step.
func TestLargeOfficeHasEveryState(t *testing.T) {
	if testing.Short() {
		t.Skip("loads 5,000 documents")
	}
	store, desk := openLarge(t, 20)
	ctx := context.Background()
	count := func(f app.DocumentFilter) int {
		f.Page.Limit = 1
		_, n, err := store.Documents(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, s := range app.IncomingStatuses {
		if count(app.DocumentFilter{Direction: app.Incoming, Statuses: []app.DocStatus{s}}) == 0 {
			t.Errorf("no incoming document %s", s)
		}
	}
	for _, s := range []app.DocStatus{app.StatusIssued, app.StatusArchived} {
		if count(app.DocumentFilter{Direction: app.Outgoing, Statuses: []app.DocStatus{s}}) == 0 {
			t.Errorf("no outgoing document %s", s)
		}
	}
	for _, s := range []app.SealStatus{app.SealUsed, app.SealRejected, app.SealWithdrawn} {
		if _, n, _ := store.SealRequests(ctx, app.SealFilter{Statuses: []app.SealStatus{s}, Page: app.Page{Limit: 1}}); n == 0 {
			t.Errorf("no seal request %s", s)
		}
	}
	dash, err := store.Dashboard(ctx, desk.DashboardQuery())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("dashboard: %+v", dash)
	if dash.DocsOverdue == 0 || dash.AwaitingProposal == 0 || dash.AwaitingInstruction == 0 || dash.CirculationOut == 0 ||
		dash.ItemsRed == 0 || dash.ItemsBlue == 0 || dash.OutgoingInProgress == 0 {
		t.Errorf("the 工作台 should have work waiting: %+v", dash)
	}
}

// The large office refuses a database that holds the small sample.
func TestLargeOfficeRefusesOtherData(t *testing.T) {
	ctx := context.Background()
	_, desk := sample.OpenSampleCopy(t)
	desk.Now = func() time.Time { return largeToday }
	if _, err := sample.LoadLarge(ctx, desk, sample.LargeOptions{Divisor: 100}); app.ErrorCode(err) != app.ECONFLICT {
		t.Fatalf("large over small: %v", err)
	}
}
