package data

import (
	"testing"

	"gongwen/app"
)

// roundTrip saves rec, reads it back both ways, edits it (fewer children,
// other fields) and reads it back again.
func roundTrip[T any](t *testing.T, s *Store, rec T, id func(*T) *int64,
	save func(app.Tx, *T) error, getTx func(app.Tx, int64) (*T, error), get func(int64) (*T, error),
	edit func(*T), childTables map[string]func(*T) int) {
	t.Helper()
	serverTimes(s, &rec)
	update(t, s, func(tx app.Tx) error { return save(tx, &rec) })
	if *id(&rec) == 0 {
		t.Fatal("save did not set the ID")
	}
	got, err := get(*id(&rec))
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "read back", *got, rec)
	update(t, s, func(tx app.Tx) error {
		got, err := getTx(tx, *id(&rec))
		if err != nil {
			return err
		}
		mustEqual(t, "read back in a transaction", *got, rec)
		return nil
	})

	edit(&rec)
	update(t, s, func(tx app.Tx) error { return save(tx, &rec) })
	got, err = get(*id(&rec))
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "read back after edit", *got, rec)
	for table, want := range childTables {
		var n int
		fk := map[string]string{"doc_": "doc_id", "seal": "request_id", "item": "item_id", "meet": "meeting_id"}[table[:4]]
		if err := s.db.Raw("SELECT count(*) FROM "+table+" WHERE "+fk+" = ?", *id(&rec)).Scan(&n).Error; err != nil {
			t.Fatal(err)
		}
		if n != want(&rec) {
			t.Errorf("%s holds %d rows of the record, want %d (old children must be replaced)", table, n, want(&rec))
		}
	}
}

func TestRoundTrip(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		t.Run("incoming", func(t *testing.T) {
			roundTrip(t, s, incoming(), func(d *app.Document) *int64 { return &d.ID },
				app.Tx.SaveDocument, app.Tx.Document, func(id int64) (*app.Document, error) { return s.Document(ctx, id) },
				func(d *app.Document) {
					d.Title, d.Status, d.DueUncertain = "改过的标题", app.StatusDone, false
					d.Instructions = d.Instructions[:1]
					d.Circulations = append(d.Circulations, app.Circulation{Seq: 3, Reader: "钱副区长", SentOn: d.ReceivedOn})
					d.Reminders, d.CoUnits = nil, nil
				},
				map[string]func(*app.Document) int{
					"doc_instructions": func(d *app.Document) int { return len(d.Instructions) },
					"doc_circulations": func(d *app.Document) int { return len(d.Circulations) },
					"doc_reminders":    func(d *app.Document) int { return len(d.Reminders) },
				})
		})
		t.Run("outgoing", func(t *testing.T) {
			roundTrip(t, s, outgoing(), func(d *app.Document) *int64 { return &d.ID },
				app.Tx.SaveDocument, app.Tx.Document, func(id int64) (*app.Document, error) { return s.Document(ctx, id) },
				func(d *app.Document) { d.Reviews, d.PrintCount, d.Cosigns = d.Reviews[1:], 41, d.Cosigns[1:] },
				map[string]func(*app.Document) int{
					"doc_reviews": func(d *app.Document) int { return len(d.Reviews) },
					"doc_cosigns": func(d *app.Document) int { return len(d.Cosigns) },
				})
		})
		t.Run("seal request", func(t *testing.T) {
			roundTrip(t, s, sealRequest(), func(r *app.SealRequest) *int64 { return &r.ID },
				app.Tx.SaveSealRequest, app.Tx.SealRequest, func(id int64) (*app.SealRequest, error) { return s.SealRequest(ctx, id) },
				func(r *app.SealRequest) { r.Approvals, r.Chain, r.OffSite = r.Approvals[:1], r.Chain[:1], false },
				map[string]func(*app.SealRequest) int{"seal_approvals": func(r *app.SealRequest) int { return len(r.Approvals) }})
		})
		t.Run("item", func(t *testing.T) {
			roundTrip(t, s, item(), func(it *app.Item) *int64 { return &it.ID },
				app.Tx.SaveItem, app.Tx.Item, func(id int64) (*app.Item, error) { return s.Item(ctx, id) },
				func(it *app.Item) {
					it.Stages, it.FollowUps = it.Stages[1:], nil
					it.Progress = append(it.Progress, app.Progress{On: d("2026-03-01"), Text: "全部完成", Operator: "张"})
				},
				map[string]func(*app.Item) int{
					"item_stages":     func(it *app.Item) int { return len(it.Stages) },
					"item_progress":   func(it *app.Item) int { return len(it.Progress) },
					"item_follow_ups": func(it *app.Item) int { return len(it.FollowUps) },
				})
		})
		t.Run("meeting", func(t *testing.T) {
			roundTrip(t, s, meeting(), func(m *app.Meeting) *int64 { return &m.ID },
				app.Tx.SaveMeeting, app.Tx.Meeting, func(id int64) (*app.Meeting, error) { return s.Meeting(ctx, id) },
				func(m *app.Meeting) { m.Topics, m.Absentees, m.Attendees = m.Topics[:1], nil, nil },
				map[string]func(*app.Meeting) int{
					"meeting_topics":    func(m *app.Meeting) int { return len(m.Topics) },
					"meeting_absentees": func(m *app.Meeting) int { return len(m.Absentees) },
					"meeting_decisions": func(m *app.Meeting) int { return len(m.Decisions) },
				})
		})
	})
}

func TestReferenceData(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {

		st, err := s.Settings(ctx)
		if err != nil {
			t.Fatal(err)
		}
		mustEqual(t, "settings before any save", st, app.Settings{Rules: app.DefaultRules()})
		want := app.Settings{OrgName: "示例区人民政府办公室", DistrictName: "示例区", FondsCode: "Z109", OrgCode: "BGS",
			IssuingCodes: []app.IssuingCode{{Code: "西府发", Body: app.IssuerGovernment}, {Code: "西府办发", Body: app.IssuerOffice}},
			Rules:        app.Rules{WithinPowers: 4, Consult: 6, Investigate: 20, Review: 1, Urgent: 3, VeryUrgent: 2, WarnDays: 2, ChaseAfter: 8},
			Operators:    []string{"李文书"}, Fonts: app.FontChoice{Body: "仿宋_GB2312"},
			SupervisionContact: "陈督查", SupervisionPhone: "0571-87650000"}
		p004 := app.Preset004()
		want.Signing = &p004
		update(t, s, func(tx app.Tx) error { return tx.SaveSettings(want) })
		update(t, s, func(tx app.Tx) error { return tx.SaveSettings(want) }) // saving twice keeps one row
		st, _ = s.Settings(ctx)
		mustEqual(t, "settings", st, want)

		units := []app.Unit{
			{Name: "区财政局", Kind: app.UnitDepartment, Order: 2, Active: true},
			{Name: "市人民政府办公室", Kind: app.UnitSuperior, Order: 1, Active: true},
			{Name: "区教育局", Kind: app.UnitDepartment, Order: 2, Active: false},
		}
		leaders := []app.Leader{
			{Name: "赵副区长", Role: app.RoleExecutiveVice, Order: 2, Portfolio: "财政、应急", Units: []string{"区财政局", "区应急管理局"}, Active: true},
			{Name: "王区长", Role: app.RoleMayor, Order: 1, Active: true},
			{Name: "周副主任", Role: app.RoleDeputyDirector, Order: 5, LinkedTo: "赵副区长", Active: true},
		}
		seals := []app.Seal{
			{Name: "区政府印章", Kind: app.SealGovernment, Keeper: "王监印", Active: true},
			{Name: "党组印章", Kind: app.SealParty, Keeper: "王监印", Chain: []app.ApprovalStep{{Role: app.RoleOfficeDirector, Action: "审签"}}},
		}
		update(t, s, func(tx app.Tx) error {
			for i := range units {
				if err := tx.SaveUnit(&units[i]); err != nil {
					return err
				}
			}
			for i := range leaders {
				if err := tx.SaveLeader(&leaders[i]); err != nil {
					return err
				}
			}
			for i := range seals {
				if err := tx.SaveSeal(&seals[i]); err != nil {
					return err
				}
			}
			return nil
		})
		gotUnits, _ := s.Units(ctx)
		mustEqual(t, "units by order then name", gotUnits, []app.Unit{units[1], units[0], units[2]})
		gotLeaders, _ := s.Leaders(ctx)
		mustEqual(t, "leaders by order", gotLeaders, []app.Leader{leaders[1], leaders[0], leaders[2]})
		gotSeals, _ := s.Seals(ctx)
		mustEqual(t, "seals", gotSeals, seals)

		// edit, duplicate names, deletes
		units[0].Order = 0
		update(t, s, func(tx app.Tx) error { return tx.SaveUnit(&units[0]) })
		gotUnits, _ = s.Units(ctx)
		mustEqual(t, "unit moved first", gotUnits[0], units[0])
		err = s.Update(ctx, func(tx app.Tx) error { return tx.SaveUnit(&app.Unit{Name: "区财政局"}) })
		wantCode(t, err, app.ECONFLICT)
		if msg := app.ErrorMessage(err); msg != "单位“区财政局”已在名单中，不能重复添加" {
			t.Errorf("message %q", msg)
		}
		update(t, s, func(tx app.Tx) error { return tx.DeleteLeader(leaders[2].ID) })
		gotLeaders, _ = s.Leaders(ctx)
		if len(gotLeaders) != 2 {
			t.Errorf("leaders after delete: %v", gotLeaders)
		}
		for _, fn := range []func(app.Tx) error{
			func(tx app.Tx) error { return tx.DeleteLeader(leaders[2].ID) },
			func(tx app.Tx) error { return tx.DeleteUnit(999) },
			func(tx app.Tx) error { return tx.DeleteSeal(999) },
			func(tx app.Tx) error { return tx.SaveSeal(&app.Seal{ID: 999, Name: "不存在"}) },
			func(tx app.Tx) error { return tx.DeleteDayOverride(d("2026-05-01")) },
		} {
			wantCode(t, s.Update(ctx, fn), app.ENOTFOUND)
		}

		// holiday corrections and confirmed years
		days := []app.DayOverride{
			{Day: d("2027-01-01"), Work: false, Name: "元旦"},
			{Day: d("2026-12-27"), Work: true, Name: "元旦调休"},
		}
		update(t, s, func(tx app.Tx) error {
			for _, o := range days {
				if err := tx.SaveDayOverride(o); err != nil {
					return err
				}
			}
			days[0].Name = "元旦节"
			if err := tx.SaveDayOverride(days[0]); err != nil { // replaces
				return err
			}
			for _, y := range []int{2028, 2027, 2027} {
				if err := tx.SetYearConfirmed(y, true); err != nil {
					return err
				}
			}
			return tx.SetYearConfirmed(2028, false)
		})
		gotDays, _ := s.DayOverrides(ctx)
		mustEqual(t, "day overrides in date order", gotDays, []app.DayOverride{days[1], days[0]})
		years, _ := s.ConfirmedYears(ctx)
		mustEqual(t, "confirmed years", years, []int{2027})
		update(t, s, func(tx app.Tx) error { return tx.DeleteDayOverride(days[1].Day) })
		gotDays, _ = s.DayOverrides(ctx)
		mustEqual(t, "after delete", gotDays, []app.DayOverride{days[0]})
	})
}

func TestHistory(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		update(t, s, func(tx app.Tx) error {
			for _, h := range []app.HistoryEntry{
				{Entity: app.EntityDocument, EntityID: 1, At: changed, Operator: "李", Action: "拟办", Detail: "拟请阅示"},
				{Entity: app.EntityDocument, EntityID: 1, At: created, Operator: "李", Action: "登记", Detail: "2026-0001"},
				{Entity: app.EntityDocument, EntityID: 2, At: created, Operator: "李", Action: "登记"},
				{Entity: app.EntityItem, EntityID: 1, At: created, Operator: "张", Action: "立项"},
			} {
				if err := tx.AddHistory(h); err != nil {
					return err
				}
			}
			return nil
		})
		got, err := s.History(ctx, app.EntityDocument, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].Action != "登记" || got[1].Action != "拟办" || !got[0].At.Equal(serverTime(s, created)) || got[1].Detail != "拟请阅示" {
			t.Fatalf("history in time order: %+v", got)
		}
	})
}

func TestNotFound(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		for _, c := range []struct {
			name string
			err  func() error
			msg  string
		}{
			{"document", func() error { _, err := s.Document(ctx, 42); return err }, "没有找到这份公文（内部编号42），可能已被删除"},
			{"serial", func() error { _, err := s.DocumentBySerial(ctx, "2026-0001"); return err }, "没有找到收文2026-0001"},
			{"文号", func() error { _, err := s.DocumentBySerial(ctx, "西府办发[2026]3号"); return err }, "没有找到文号为“西府办发〔2026〕3号”的公文"},
			{"seal", func() error { _, err := s.SealRequestByNumber(ctx, "2026-0009"); return err }, "没有找到用印申请2026-0009"},
			{"item", func() error { _, err := s.ItemByNumber(ctx, "督〔2026〕9号"); return err }, "没有找到督办事项督〔2026〕9号"},
			{"meeting", func() error { _, err := s.Meeting(ctx, 5); return err }, "没有找到这次会议（内部编号5），可能已被删除"},
			{"save missing", func() error {
				doc := incoming()
				doc.ID = 77
				return s.Update(ctx, func(tx app.Tx) error { return tx.SaveDocument(&doc) })
			}, "没有找到这份公文（内部编号77），可能已被删除"},
		} {
			t.Run(c.name, func(t *testing.T) {
				err := c.err()
				wantCode(t, err, app.ENOTFOUND)
				if app.ErrorMessage(err) != c.msg {
					t.Errorf("message %q, want %q", app.ErrorMessage(err), c.msg)
				}
			})
		}
	})
}

// The stand-ins and the register of absences (with its reports) read back
// as saved, oldest first; an edit replaces the reports, a delete takes
// them too.
func TestAuthorityRecords(t *testing.T) {
	s := newStore(t)
	away := app.Absence{Leader: "王区长", Kind: app.AbsenceStudy, From: d("2026-03-02"), To: d("2026-03-06"), Place: "北京",
		Contact: "13800000000", StandIn: "赵副区长", Remarks: "文件传真至驻地",
		Reports: []app.AbsenceReport{{To: "市政府办公室", On: d("2026-02-27")}, {To: "区委办公室", On: d("2026-02-28")}}}
	earlier := app.Absence{Leader: "周副主任", Kind: app.AbsenceLeave, From: d("2026-02-10"), To: d("2026-02-12"), Place: "老家"}
	stand := app.StandIn{Leader: "王区长", Deputy: "赵副区长", From: d("2026-03-02"), To: d("2026-03-06"), Reason: "区长学习", AbsenceID: 1}
	other := app.StandIn{Leader: "钱副区长", Deputy: "赵副区长", From: d("2026-01-05"), To: d("2026-01-05"), Reason: "AB角"}
	update(t, s, func(tx app.Tx) error {
		for _, a := range []*app.Absence{&away, &earlier} {
			if err := tx.SaveAbsence(a); err != nil {
				return err
			}
		}
		for _, si := range []*app.StandIn{&stand, &other} {
			if err := tx.SaveStandIn(si); err != nil {
				return err
			}
		}
		return nil
	})
	gotAway, err := s.Absences(ctx)
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "absences by date", gotAway, []app.Absence{earlier, away})
	gotStand, _ := s.StandIns(ctx)
	mustEqual(t, "stand-ins by date", gotStand, []app.StandIn{other, stand})

	away.Reports, away.To = away.Reports[1:], d("2026-03-05")
	stand.Deputy = "钱副区长"
	update(t, s, func(tx app.Tx) error {
		if err := tx.SaveAbsence(&away); err != nil {
			return err
		}
		if err := tx.SaveStandIn(&stand); err != nil {
			return err
		}
		got, err := tx.Absences()
		mustEqual(t, "absences in the transaction", got, []app.Absence{earlier, away})
		return err
	})
	gotAway, _ = s.Absences(ctx)
	mustEqual(t, "absence after edit", gotAway[1], away)
	var n int
	if err := s.sql.QueryRow("SELECT count(*) FROM absence_reports WHERE absence_id = ?", away.ID).Scan(&n); err != nil || n != 1 {
		t.Errorf("reports after edit: %d %v, want 1", n, err)
	}
	update(t, s, func(tx app.Tx) error {
		if err := tx.DeleteAbsence(away.ID); err != nil {
			return err
		}
		return tx.DeleteStandIn(other.ID)
	})
	if err := s.sql.QueryRow("SELECT count(*) FROM absence_reports").Scan(&n); err != nil || n != 0 {
		t.Errorf("reports after delete: %d %v", n, err)
	}
	gotStand, _ = s.StandIns(ctx)
	mustEqual(t, "stand-ins after delete", gotStand, []app.StandIn{stand})
	for _, fn := range []func(app.Tx) error{
		func(tx app.Tx) error { return tx.DeleteAbsence(away.ID) },
		func(tx app.Tx) error { return tx.DeleteStandIn(other.ID) },
		func(tx app.Tx) error { return tx.SaveAbsence(&app.Absence{ID: 99, Leader: "某"}) },
	} {
		wantCode(t, s.Update(ctx, fn), app.ENOTFOUND)
	}
}
