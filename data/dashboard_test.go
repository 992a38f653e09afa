package data

import (
	"strings"
	"testing"

	"gongwen/app"
)

func TestDashboard(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		seedDocuments(t, s) // overdue 收3, due soon 收4, 收1 registered, 收2 proposed, 收2 and 收3 out for circulation, 发1 and 发2 in progress
		seedItems(t, s)     // 事1 red, 事2 yellow by its stage, 事3 blue, 事4 and 事5 done
		dueToday := app.Document{Direction: app.Incoming, Status: app.StatusAssigned, Serial: "2026-0009", Title: "今天到期",
			FromUnit: "区财政局", ReceivedOn: d("2026-02-01"), DueOn: d("2026-02-10")}
		doneLate := app.Document{Direction: app.Incoming, Status: app.StatusDone, Serial: "2026-0010", Title: "办结了的",
			FromUnit: "区财政局", ReceivedOn: d("2026-01-01"), DueOn: d("2026-01-05")}
		lastYellow := app.Item{Number: "督〔2026〕20号", Title: "预警最后一天", LeadUnit: "区财政局", AssignedOn: d("2026-02-01"), Deadline: d("2026-02-13"), Status: app.ItemOpen}
		firstBlue := app.Item{Number: "督〔2026〕21号", Title: "预警期后一天", LeadUnit: "区财政局", AssignedOn: d("2026-02-01"), Deadline: d("2026-02-14"), Status: app.ItemOpen}
		seal := func(n string, st app.SealStatus) app.SealRequest {
			return app.SealRequest{Number: n, Status: st, SealName: "印", Unit: "区财政局", Contact: "甲", Reason: "事由", FileName: "文件", Copies: 1, RequestedOn: d("2026-02-01")}
		}
		seals := []app.SealRequest{seal("1", app.SealDraft), seal("2", app.SealSubmitted), seal("3", app.SealReviewed),
			seal("4", app.SealApproved), seal("5", app.SealApproved), seal("6", app.SealUsed), seal("7", app.SealRejected)}
		meetings := []app.Meeting{{Kind: app.MeetingTopical, Date: d("2026-02-08"), Chair: "甲"}, {Kind: app.MeetingTopical, Date: d("2026-02-09"), Chair: "甲"},
			{Kind: app.MeetingExecutive, Date: d("2026-02-15"), Chair: "甲"}, {Kind: app.MeetingTopical, Date: d("2026-02-16"), Chair: "甲"}}
		update(t, s, func(tx app.Tx) error {
			steps := []func() error{
				func() error { return tx.SaveDocument(&dueToday) },
				func() error { return tx.SaveDocument(&doneLate) },
				func() error { return tx.SaveItem(&lastYellow) },
				func() error { return tx.SaveItem(&firstBlue) },
			}
			for i := range seals {
				steps = append(steps, func() error { return tx.SaveSealRequest(&seals[i]) })
			}
			for i := range meetings {
				steps = append(steps, func() error { return tx.SaveMeeting(&meetings[i]) })
			}
			return firstErr(steps...)
		})

		got, err := s.Dashboard(ctx, app.DashboardQuery{Today: d("2026-02-10"), WarnUntil: d("2026-02-13"), WeekFrom: d("2026-02-09"), WeekTo: d("2026-02-15")})
		if err != nil {
			t.Fatal(err)
		}
		mustEqual(t, "dashboard", got, app.Dashboard{
			DocsOverdue:         1, // 收3, due 02-05
			DocsDueSoon:         2, // due today and 收4 on 02-12
			AwaitingProposal:    1,
			AwaitingInstruction: 1,
			CirculationOut:      2, // 收3 has two readers out: counted once
			OutgoingInProgress:  2,
			SealsAwaiting:       2,
			SealsApproved:       2,
			ItemsRed:            1,
			ItemsYellow:         2, // 事2's stage on 02-12 and the one due on the last yellow day
			ItemsBlue:           2,
			MeetingsThisWeek:    2,
		})

		// the counts agree with the lists behind them
		for _, c := range []struct {
			name string
			f    app.DocumentFilter
			want int
		}{
			{"overdue", app.DocumentFilter{DueBefore: d("2026-02-10")}, got.DocsOverdue},
			{"due soon", app.DocumentFilter{DueFrom: d("2026-02-10"), DueTo: d("2026-02-13")}, got.DocsDueSoon},
			{"out", app.DocumentFilter{Unreturned: true}, got.CirculationOut},
		} {
			if _, total, _ := s.Documents(ctx, c.f); total != c.want {
				t.Errorf("%s list has %d, dashboard %d", c.name, total, c.want)
			}
		}
		for _, c := range []struct {
			name string
			f    app.ItemFilter
			want int
		}{
			{"red", app.ItemFilter{DeadlineBefore: d("2026-02-10")}, got.ItemsRed},
			{"yellow", app.ItemFilter{DeadlineFrom: d("2026-02-10"), DeadlineTo: d("2026-02-13")}, got.ItemsYellow},
			{"blue", app.ItemFilter{DeadlineFrom: d("2026-02-14")}, got.ItemsBlue},
		} {
			if _, total, _ := s.Items(ctx, c.f); total != c.want {
				t.Errorf("%s list has %d, dashboard %d", c.name, total, c.want)
			}
		}
	})
}

// The dashboard's statements must be answered from indexes, not by reading
// whole books.
func TestDashboardUsesIndexes(t *testing.T) {
	s := newStore(t)
	rows, err := s.sql.Query("EXPLAIN QUERY PLAN "+dashboardSQL, d("2026-02-10").String(), d("2026-02-13").String(), "", "")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		// a scan of a (partial) index is fine; a scan of a table is not
		if strings.HasPrefix(detail, "SCAN") && !strings.Contains(detail, "INDEX") && detail != "SCAN CONSTANT ROW" {
			t.Errorf("full scan in the dashboard: %s", detail)
		}
	}
}
