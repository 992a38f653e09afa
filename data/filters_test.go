package data

import (
	"slices"
	"testing"

	"gongwen/app"
)

// seedDocuments stores a small register: incoming documents in every state
// and outgoing ones, drafted and signed. Titles name them.
func seedDocuments(t testing.TB, s *Store) {
	t.Helper()
	in := func(serial, title, from, received string, status app.DocStatus) app.Document {
		return app.Document{Direction: app.Incoming, Status: status, Serial: serial, Year: d(received).Year,
			Title: title, FromUnit: from, ReceivedOn: d(received), Secrecy: app.SecrecyNone, Urgency: app.UrgencyNormal, Kind: app.KindAction}
	}
	docs := []app.Document{
		in("2026-0001", "收1", "市人民政府办公室", "2026-01-05", app.StatusRegistered),
		in("2026-0002", "收2", "区财政局", "2026-01-10", app.StatusProposed),
		in("2026-0003", "收3", "桃花镇人民政府", "2026-02-01", app.StatusAssigned),
		in("2026-0004", "收4", "区教育局", "2026-02-03", app.StatusAssigned),
		in("2026-0005", "收5", "区教育局", "2026-02-04", app.StatusAssigned),
		in("2025-0100", "收6", "市财政局", "2025-12-30", app.StatusArchived),
		{Direction: app.Outgoing, Status: app.StatusDrafted, Title: "发1", IssuingCode: "西府办发", DraftUnit: "区财政局", Drafter: "甲", DraftedOn: d("2026-02-02")},
		{Direction: app.Outgoing, Status: app.StatusSigned, Serial: "西府办发〔2026〕9号", DocNo: "西府办发〔2026〕9号", Year: 2026, Title: "发2", IssuingCode: "西府办发", DraftUnit: "区政务服务中心", Drafter: "乙", DraftedOn: d("2026-01-20")},
		{Direction: app.Outgoing, Status: app.StatusIssued, Serial: "西府办发〔2026〕10号", DocNo: "西府办发〔2026〕10号", Year: 2026, Title: "发3", IssuingCode: "西府办发", DraftUnit: "区政务服务中心", Drafter: "乙", DraftedOn: d("2026-01-21")},
		{Direction: app.Outgoing, Status: app.StatusIssued, Serial: "西府办发〔2025〕99号", DocNo: "西府办发〔2025〕99号", Year: 2025, Title: "发4", IssuingCode: "西府办发", DraftUnit: "区政务服务中心", Drafter: "乙", DraftedOn: d("2025-12-01")},
	}
	docs[1].Secrecy, docs[1].Urgency = app.SecrecySecret, app.UrgencyVeryUrgent
	docs[1].Circulations = []app.Circulation{{Seq: 1, Reader: "王区长", SentOn: d("2026-01-11")}}
	docs[2].LeadUnit, docs[2].DueOn = "区应急管理局", d("2026-02-05")
	docs[2].Circulations = []app.Circulation{
		{Seq: 1, Reader: "王区长", SentOn: d("2026-02-02")},
		{Seq: 2, Reader: "赵副区长", SentOn: d("2026-02-02")},
		{Seq: 3, Reader: "钱副区长", SentOn: d("2026-02-02"), ReturnedOn: d("2026-02-03")},
	}
	docs[3].LeadUnit, docs[3].DueOn = "区财政局", d("2026-02-12")
	docs[4].LeadUnit, docs[4].DueOn = "区教育局", d("2026-03-01")
	docs[5].Archive = app.Archive{Fonds: "Z109", Year: 2025, Retention: app.Retain10, Piece: 1}
	docs[5].Circulations = []app.Circulation{{Seq: 1, Reader: "王区长", SentOn: d("2026-01-02"), ReturnedOn: d("2026-01-03")}}
	update(t, s, func(tx app.Tx) error {
		for i := range docs {
			if err := tx.SaveDocument(&docs[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

func docTitles(ds []app.Document) []string {
	return convert(ds, func(_ int, d app.Document) string { return d.Title })
}

func TestDocumentFilters(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		seedDocuments(t, s)
		for _, c := range []struct {
			name  string
			f     app.DocumentFilter
			want  []string
			total int
		}{
			{"incoming, newest first", app.DocumentFilter{Direction: app.Incoming}, []string{"收5", "收4", "收3", "收2", "收1", "收6"}, 6},
			{"year", app.DocumentFilter{Direction: app.Incoming, Year: 2025}, []string{"收6"}, 1},
			{"outgoing year counts drafts by their date", app.DocumentFilter{Direction: app.Outgoing, Year: 2026}, []string{"发1", "发3", "发2"}, 3},
			{"statuses", app.DocumentFilter{Statuses: []app.DocStatus{app.StatusRegistered, app.StatusProposed}}, []string{"收2", "收1"}, 2},
			{"urgency", app.DocumentFilter{Urgency: app.UrgencyVeryUrgent}, []string{"收2"}, 1},
			{"secrecy", app.DocumentFilter{Secrecy: app.SecrecySecret}, []string{"收2"}, 1},
			{"unit in 来文/承办/起草", app.DocumentFilter{Unit: "财政"}, []string{"收4", "发1", "收2", "收6"}, 4},
			{"unit with LIKE wildcard is literal", app.DocumentFilter{Unit: "%"}, nil, 0},
			{"date range", app.DocumentFilter{Direction: app.Incoming, From: d("2026-01-06"), To: d("2026-02-03")}, []string{"收4", "收3", "收2"}, 3},
			{"overdue", app.DocumentFilter{DueBefore: d("2026-02-10")}, []string{"收3"}, 1},
			{"due soon", app.DocumentFilter{DueFrom: d("2026-02-10"), DueTo: d("2026-02-13")}, []string{"收4"}, 1},
			{"circulation not returned", app.DocumentFilter{Unreturned: true}, []string{"收3", "收2"}, 2},
			{"archive year", app.DocumentFilter{ArchiveYear: 2025}, []string{"收6"}, 1},
			{"text", app.DocumentFilter{Text: "教育"}, []string{"收5", "收4"}, 2},
			{"text and status", app.DocumentFilter{Text: "教育", Statuses: []app.DocStatus{app.StatusAssigned}, DueTo: d("2026-02-20")}, []string{"收4"}, 1},
			{"serial order", app.DocumentFilter{Direction: app.Incoming, Sort: "serial"}, []string{"收6", "收1", "收2", "收3", "收4", "收5"}, 6},
			{"发文字号 sorts by number, not text", app.DocumentFilter{Direction: app.Outgoing, Sort: "serial", Desc: true}, []string{"发3", "发2", "发4", "发1"}, 4},
			{"due date, none last", app.DocumentFilter{Direction: app.Incoming, Sort: "due_on"}, []string{"收3", "收4", "收5", "收1", "收2", "收6"}, 6},
			{"due date descending, none last too", app.DocumentFilter{Direction: app.Incoming, Sort: "due_on", Desc: true}, []string{"收5", "收4", "收3", "收6", "收2", "收1"}, 6},
			// text columns sort by code point (桃 > 市 > 区; 财 > 教), which groups equal names
			{"from unit descending", app.DocumentFilter{Direction: app.Incoming, Year: 2026, Sort: "from_unit", Desc: true}, []string{"收3", "收1", "收2", "收5", "收4"}, 5},
			{"unknown sort key is newest first", app.DocumentFilter{Direction: app.Incoming, Sort: "title; DROP TABLE documents", Desc: false}, []string{"收5", "收4", "收3", "收2", "收1", "收6"}, 6},
			{"page", app.DocumentFilter{Direction: app.Incoming, Sort: "serial", Page: app.Page{Offset: 2, Limit: 3}}, []string{"收2", "收3", "收4"}, 6},
			{"page past the end", app.DocumentFilter{Direction: app.Incoming, Page: app.Page{Offset: 10}}, nil, 6},
		} {
			t.Run(c.name, func(t *testing.T) {
				got, total, err := s.Documents(ctx, c.f)
				if err != nil {
					t.Fatal(err)
				}
				mustEqual(t, "titles", docTitles(got), c.want)
				if total != c.total {
					t.Errorf("total %d, want %d", total, c.total)
				}
			})
		}
	})
}

func TestSealFilters(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		mk := func(number, unit, reason, requested, used string, status app.SealStatus) app.SealRequest {
			r := app.SealRequest{Number: number, Status: status, SealName: "办公室印章", Unit: unit, Contact: "甲", Reason: reason,
				FileName: reason + "的文件", Copies: 1, RequestedOn: d(requested)}
			if used != "" {
				r.UsedOn, r.UsedCount = d(used), 1
			}
			return r
		}
		reqs := []app.SealRequest{
			mk("2026-0001", "区财政局", "报送预算", "2026-01-05", "2026-01-06", app.SealUsed),
			mk("2026-0002", "区教育局", "招生方案", "2026-01-07", "", app.SealSubmitted),
			mk("2026-0010", "区财政局", "决算报告", "2026-02-01", "2026-02-03", app.SealUsed),
			mk("2025-0099", "区民政局", "养老补贴", "2025-12-01", "2025-12-02", app.SealUsed),
		}
		update(t, s, func(tx app.Tx) error {
			for i := range reqs {
				if err := tx.SaveSealRequest(&reqs[i]); err != nil {
					return err
				}
			}
			return nil
		})
		numbers := func(rs []app.SealRequest) []string {
			return convert(rs, func(_ int, r app.SealRequest) string { return r.Number })
		}
		for _, c := range []struct {
			name string
			f    app.SealFilter
			want []string
		}{
			{"newest first", app.SealFilter{}, []string{"2026-0010", "2026-0002", "2026-0001", "2025-0099"}},
			{"status", app.SealFilter{Statuses: []app.SealStatus{app.SealSubmitted}}, []string{"2026-0002"}},
			{"year", app.SealFilter{Year: 2025}, []string{"2025-0099"}},
			{"unit", app.SealFilter{Unit: "财政"}, []string{"2026-0010", "2026-0001"}},
			{"text in reason", app.SealFilter{Text: "预算"}, []string{"2026-0001"}},
			{"seal log of January", app.SealFilter{UsedFrom: d("2026-01-01"), UsedTo: d("2026-01-31"), Sort: "used_on"}, []string{"2026-0001"}},
			{"number order", app.SealFilter{Sort: "number", Desc: true}, []string{"2026-0010", "2026-0002", "2026-0001", "2025-0099"}},
			{"used on, unused last", app.SealFilter{Sort: "used_on"}, []string{"2025-0099", "2026-0001", "2026-0010", "2026-0002"}},
		} {
			t.Run(c.name, func(t *testing.T) {
				got, total, err := s.SealRequests(ctx, c.f)
				if err != nil {
					t.Fatal(err)
				}
				mustEqual(t, "numbers", numbers(got), c.want)
				if total != len(c.want) {
					t.Errorf("total %d", total)
				}
			})
		}
		got, err := s.SealRequestByNumber(ctx, " 2026-0002 ")
		if err != nil || got.Reason != "招生方案" {
			t.Fatalf("by number: %v %v", got, err)
		}
	})
}

// seedItems stores items whose current deadline is set by a stage for one.
func seedItems(t testing.TB, s *Store) []app.Item {
	mk := func(seq int, title, lead, assigned, deadline string, src app.SourceType) app.Item {
		a := d(assigned)
		return app.Item{Number: app.ItemNumber(a.Year, seq), Year: a.Year, Seq: seq, SourceType: src, Title: title, LeadUnit: lead,
			AssignedOn: a, Deadline: d(deadline), Status: app.ItemOpen}
	}
	its := []app.Item{
		mk(1, "事1", "区财政局", "2026-01-05", "2026-02-05", app.SourceInstruction), // red on 02-10
		mk(2, "事2", "区教育局", "2026-01-06", "2026-06-30", app.SourceMeeting),     // stage due 02-12: yellow
		mk(3, "事3", "区教育局", "2026-01-07", "2026-04-30", app.SourceKeyTask),     // blue
		mk(4, "事4", "区民政局", "2026-01-08", "2026-01-31", app.SourceNPC),         // done
		mk(9, "事5", "区民政局", "2025-11-01", "2025-12-31", app.SourceNPC),         // done last year
	}
	its[1].Stages = []app.Stage{{Name: "方案", Deadline: d("2026-01-20"), DoneOn: d("2026-01-19")}, {Name: "招标", Deadline: d("2026-02-12")}}
	its[1].CoUnits = []string{"区财政局"}
	its[1].Progress = []app.Progress{{On: d("2026-01-19"), Text: "方案已报区政府常务会议审定"}}
	its[3].Status, its[3].DoneOn, its[3].Result = app.ItemDone, d("2026-01-30"), "已答复"
	its[4].Status, its[4].DoneOn = app.ItemDone, d("2025-12-20")
	update(t, s, func(tx app.Tx) error {
		for i := range its {
			if err := tx.SaveItem(&its[i]); err != nil {
				return err
			}
		}
		return nil
	})
	return its
}

func TestItemFilters(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		seedItems(t, s)
		titles := func(its []app.Item) []string {
			return convert(its, func(_ int, it app.Item) string { return it.Title })
		}
		for _, c := range []struct {
			name string
			f    app.ItemFilter
			want []string
		}{
			{"newest first", app.ItemFilter{}, []string{"事4", "事3", "事2", "事1", "事5"}},
			{"open", app.ItemFilter{Statuses: []app.ItemStatus{app.ItemOpen}}, []string{"事3", "事2", "事1"}},
			{"year", app.ItemFilter{Year: 2025}, []string{"事5"}},
			{"source", app.ItemFilter{SourceType: app.SourceNPC}, []string{"事4", "事5"}},
			{"unit, lead or co", app.ItemFilter{Unit: "财政"}, []string{"事2", "事1"}},
			{"text in progress", app.ItemFilter{Text: "常务会议"}, []string{"事2"}},
			{"red", app.ItemFilter{DeadlineBefore: d("2026-02-10")}, []string{"事1"}},
			{"yellow by the stage deadline", app.ItemFilter{DeadlineFrom: d("2026-02-10"), DeadlineTo: d("2026-02-13")}, []string{"事2"}},
			{"active in January 2026", app.ItemFilter{ActiveFrom: d("2026-01-01"), ActiveTo: d("2026-01-31"), Sort: "number"}, []string{"事1", "事2", "事3", "事4"}},
			{"active in December 2025", app.ItemFilter{ActiveFrom: d("2025-12-01"), ActiveTo: d("2025-12-31")}, []string{"事5"}},
			{"deadline order", app.ItemFilter{Statuses: []app.ItemStatus{app.ItemOpen}, Sort: "deadline"}, []string{"事1", "事2", "事3"}},
			{"lead unit order", app.ItemFilter{Year: 2026, Sort: "lead_unit", Desc: true}, []string{"事1", "事4", "事3", "事2"}},
		} {
			t.Run(c.name, func(t *testing.T) {
				got, total, err := s.Items(ctx, c.f)
				if err != nil {
					t.Fatal(err)
				}
				mustEqual(t, "titles", titles(got), c.want)
				if total != len(c.want) {
					t.Errorf("total %d", total)
				}
			})
		}
		it, err := s.ItemByNumber(ctx, "督[2026]2号")
		if err != nil || it.Title != "事2" || len(it.Stages) != 2 {
			t.Fatalf("by number with other brackets: %+v %v", it, err)
		}
	})
}

func TestMeetingFilters(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ms := []app.Meeting{
			{Kind: app.MeetingExecutive, Seq: 4, Date: d("2025-12-20"), Chair: "王区长", Topics: []app.Topic{{Seq: 1, Title: "研究年度预算"}}},
			{Kind: app.MeetingExecutive, Seq: 5, Date: d("2026-01-09"), Chair: "王区长", Decisions: []app.Decision{{Seq: 1, Content: "同意老旧小区改造"}}},
			{Kind: app.MeetingTopical, Date: d("2026-01-15"), Chair: "赵副区长", Minutes: app.Minutes{Body: "会议研究了防汛工作"}},
		}
		update(t, s, func(tx app.Tx) error {
			for i := range ms {
				if err := tx.SaveMeeting(&ms[i]); err != nil {
					return err
				}
			}
			return nil
		})
		dates := func(ms []app.Meeting) []string {
			return convert(ms, func(_ int, m app.Meeting) string { return m.Date.String() })
		}
		for _, c := range []struct {
			name string
			f    app.MeetingFilter
			want []string
		}{
			{"newest first", app.MeetingFilter{}, []string{"2026-01-15", "2026-01-09", "2025-12-20"}},
			{"kind", app.MeetingFilter{Kind: app.MeetingExecutive}, []string{"2026-01-09", "2025-12-20"}},
			{"year", app.MeetingFilter{Year: 2026, Sort: "date"}, []string{"2026-01-09", "2026-01-15"}},
			{"range", app.MeetingFilter{From: d("2026-01-01"), To: d("2026-01-10")}, []string{"2026-01-09"}},
			{"text in topic", app.MeetingFilter{Text: "预算"}, []string{"2025-12-20"}},
			{"text in decision", app.MeetingFilter{Text: "小区"}, []string{"2026-01-09"}},
			{"text in minutes", app.MeetingFilter{Text: "防汛"}, []string{"2026-01-15"}},
			{"kind order", app.MeetingFilter{Sort: "kind", Desc: true}, []string{"2026-01-09", "2025-12-20", "2026-01-15"}},
		} {
			t.Run(c.name, func(t *testing.T) {
				got, total, err := s.Meetings(ctx, c.f)
				if err != nil {
					t.Fatal(err)
				}
				mustEqual(t, "dates", dates(got), c.want)
				if total != len(c.want) {
					t.Errorf("total %d", total)
				}
			})
		}
	})
}

func TestPageLimits(t *testing.T) {
	for _, c := range []struct {
		p             app.Page
		offset, limit int
	}{
		{app.Page{}, 0, 100},
		{app.Page{Offset: -5, Limit: -1}, 0, 100},
		{app.Page{Offset: 200, Limit: 20}, 200, 20},
		{app.Page{Limit: 100000}, 0, 1000},
	} {
		if o, l := limitOf(c.p); o != c.offset || l != c.limit {
			t.Errorf("%+v: got %d,%d want %d,%d", c.p, o, l, c.offset, c.limit)
		}
	}
}

func TestDuplicatesAndSerials(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		first := incoming()
		first.DocNo = "市政办发〔2025〕118号"
		second := incoming()
		second.Serial, second.DocNo, second.FromUnit = "2026-0008", "市政办发〔2025〕118号", "区财政局"
		out := outgoing()
		update(t, s, func(tx app.Tx) error {
			return firstErr(func() error { return tx.SaveDocument(&first) }, func() error { return tx.SaveDocument(&second) },
				func() error { return tx.SaveDocument(&out) })
		})
		update(t, s, func(tx app.Tx) error {
			for _, c := range []struct {
				from, no string
				except   int64
				want     int64
			}{
				{"市人民政府办公室", "市政办发[2025]118号", 0, first.ID},  // brackets normalised
				{" 市人民政府办公室 ", "市政办发（2025）118", 0, first.ID}, // no 号, spaces
				{"市人民政府办公室", "市政办发〔2025〕118号", first.ID, 0},
				{"区教育局", "市政办发〔2025〕118号", 0, 0}, // another sender
				{"市人民政府办公室", "", 0, 0},
			} {
				dup, err := tx.IncomingDuplicate(c.from, c.no, c.except)
				if err != nil {
					return err
				}
				got := int64(0)
				if dup != nil {
					got = dup.ID
					if len(dup.Instructions) != 2 {
						t.Errorf("duplicate comes without its children")
					}
				}
				if got != c.want {
					t.Errorf("%s %s except %d: got %d want %d", c.from, c.no, c.except, got, c.want)
				}
			}
			return nil
		})
		for _, c := range []struct{ serial, want string }{
			{"2026-0007", first.Title},
			{" 2026-0008 ", second.Title},
			{"西府办发〔2026〕12号", out.Title},
			{"西府办发[2026]12", out.Title},      // 发文字号 not normalised
			{"市政办发〔2025〕118号", second.Title}, // a 来文字号: the latest incoming
		} {
			got, err := s.DocumentBySerial(ctx, c.serial)
			if err != nil {
				t.Fatalf("%s: %v", c.serial, err)
			}
			if got.Title != c.want {
				t.Errorf("%s: got %s", c.serial, got.Title)
			}
		}
		// the serial is unique within its book
		dupSerial := incoming()
		err := s.Update(ctx, func(tx app.Tx) error { return tx.SaveDocument(&dupSerial) })
		wantCode(t, err, app.ECONFLICT)
		if app.ErrorMessage(err) != "收文编号或发文字号与已有记录重复，没有保存" {
			t.Errorf("message %q", app.ErrorMessage(err))
		}
	})
}

// The 单位 filter finds a part of a unit's name, ignoring the case of Latin
// letters as it always has, and takes %, _ and \ literally.
func TestUnitFilterCaseAndWildcards(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		update(t, s, func(tx app.Tx) error {
			for i, unit := range []string{"区IT服务中心", "区财政局", "100%_测试\\单位"} {
				doc := incoming()
				doc.Serial, doc.FromUnit, doc.Title, doc.LeadUnit = app.IncomingSerial(2026, i+1), unit, unit, ""
				if err := tx.SaveDocument(&doc); err != nil {
					return err
				}
			}
			return nil
		})
		for _, c := range []struct {
			unit string
			want []string
		}{
			{"it", []string{"区IT服务中心"}},
			{"It服务", []string{"区IT服务中心"}},
			{"财政", []string{"区财政局"}},
			{"%_", []string{"100%_测试\\单位"}},
			{"\\", []string{"100%_测试\\单位"}},
			{"_", []string{"100%_测试\\单位"}},
			{"区", []string{"区财政局", "区IT服务中心"}},
		} {
			for _, dir := range []app.Direction{app.Incoming, ""} {
				docs, _, err := s.Documents(ctx, app.DocumentFilter{Direction: dir, Unit: c.unit, Sort: "title", Desc: true})
				if err != nil {
					t.Fatal(err)
				}
				if got := docTitles(docs); !slices.Equal(got, c.want) {
					t.Errorf("单位 %q (%q): %v, want %v", c.unit, dir, got, c.want)
				}
			}
		}
	})
}
