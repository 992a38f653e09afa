package data

import (
	"context"
	"time"

	"gorm.io/gorm"

	"gongwen/app"
)

// meetingBook stores meetings with their absentees, topics, decisions and
// minutes.
var meetingBook = &book[app.Meeting, meetingRow, *meetingRow]{
	entity:   app.EntityMeeting,
	toRow:    meetingToRow,
	fill:     fillMeetings,
	children: saveMeetingChildren,
	search:   meetingEntry,
	meta: func(m *app.Meeting) (*int64, *time.Time, *time.Time) {
		return &m.ID, &m.CreatedAt, &m.UpdatedAt
	},
	version: func(m *app.Meeting) *int { return &m.Version },
	missing: func(id int64) *app.Error {
		return notFound("这次会议（内部编号%d），可能已被删除", id)
	},
	sorts: map[string]string{
		"date": "held_on %[1]s",
		"kind": "kind %[1]s, held_on %[1]s",
	},
	newest: "held_on DESC, id DESC",
}

func meetingToRow(m *app.Meeting) meetingRow {
	var r meetingRow
	toRow(&r, m, "")
	toRow(&r, &m.Minutes, "Minutes")
	r.Year, r.HeldOn, r.TimeText = m.Date.Year, dateText(m.Date), m.Time
	return r
}

func (r *meetingRow) domain() app.Meeting {
	var m app.Meeting
	fromRow(&m, r, "")
	fromRow(&m.Minutes, r, "Minutes")
	m.Date, m.Time = dateOf(r.HeldOn), r.TimeText
	return m
}

func fillMeetings(db *gorm.DB, rows []meetingRow) ([]app.Meeting, error) {
	ids := keys(rows)
	var err error
	absent := children[absenteeRow](db, "meeting_id", ids, &err)
	topics := children[topicRow](db, "meeting_id", ids, &err)
	decisions := children[decisionRow](db, "meeting_id", ids, &err)
	if err != nil {
		return nil, err
	}
	out := make([]app.Meeting, len(rows))
	for i := range rows {
		m := rows[i].domain()
		m.Absentees = convert(absent[m.ID], func(_ int, a absenteeRow) app.Absentee {
			return app.Absentee{Name: a.Name, Reason: a.Reason}
		})
		m.Topics = convert(topics[m.ID], func(_ int, t topicRow) app.Topic {
			return app.Topic{Seq: t.Seq, Title: t.Title, ReportingUnit: t.ReportingUnit, DueOn: dateOf(t.DueOn)}
		})
		m.Decisions = convert(decisions[m.ID], func(_ int, d decisionRow) app.Decision {
			return app.Decision{Seq: d.Seq, Content: d.Content, LeadUnit: d.LeadUnit, CoUnits: d.CoUnits, Deadline: dateOf(d.Deadline), ItemID: d.ItemID}
		})
		out[i] = m
	}
	return out, nil
}

func saveMeetingChildren(db *gorm.DB, id int64, m *app.Meeting) error {
	return firstErr(
		func() error {
			return replaceChildren(db, "meeting_id", id, convert(m.Absentees, func(i int, a app.Absentee) absenteeRow {
				return absenteeRow{MeetingID: id, Pos: i, Name: a.Name, Reason: a.Reason}
			}))
		},
		func() error {
			return replaceChildren(db, "meeting_id", id, convert(m.Topics, func(i int, t app.Topic) topicRow {
				return topicRow{MeetingID: id, Pos: i, Seq: t.Seq, Title: t.Title, ReportingUnit: t.ReportingUnit, DueOn: dateText(t.DueOn)}
			}))
		},
		func() error {
			return replaceChildren(db, "meeting_id", id, convert(m.Decisions, func(i int, d app.Decision) decisionRow {
				return decisionRow{MeetingID: id, Pos: i, Seq: d.Seq, Content: d.Content, LeadUnit: d.LeadUnit, CoUnits: d.CoUnits, Deadline: dateText(d.Deadline), ItemID: d.ItemID}
			}))
		},
	)
}

func meetingEntry(m *app.Meeting) searchEntry {
	name := m.Name()
	fields := []string{name, m.Place, m.Chair, m.Recorder, m.Minutes.Title, m.Minutes.NumberText(), m.Minutes.Body, m.Minutes.CopyTo}
	for _, t := range m.Topics {
		fields = append(fields, t.Title, t.ReportingUnit)
	}
	for _, d := range m.Decisions {
		fields = append(fields, d.Content, d.LeadUnit)
		fields = append(fields, d.CoUnits...)
	}
	title := m.Minutes.Title
	if title == "" {
		title = name
	}
	status := ""
	if m.Minutes.Number != 0 {
		status = "纪要已印发"
	}
	return searchEntry{Number: name, Title: title, Status: status, Date: m.Date, Fields: fields}
}

func meetingConds(f app.MeetingFilter) conds {
	var c conds
	eq(&c, "kind", string(f.Kind))
	eq(&c, "year", f.Year)
	c.between("held_on", f.From, f.To)
	c.text(app.EntityMeeting, string(app.EntityMeeting), f.Text)
	return c
}

func (s *Store) Meeting(ctx context.Context, id int64) (*app.Meeting, error) {
	return view(s, ctx, func(db *gorm.DB) (*app.Meeting, error) { return meetingBook.get(db, id) })
}

func (s *Store) Meetings(ctx context.Context, f app.MeetingFilter) ([]app.Meeting, int, error) {
	return viewList(s, ctx, func(db *gorm.DB) ([]app.Meeting, int, error) {
		return meetingBook.list(db, s.eng, meetingConds(f), f.Sort, f.Desc, f.Page)
	})
}

func (t *tx) Meeting(id int64) (*app.Meeting, error) { return meetingBook.get(t.db, id) }

func (t *tx) SaveMeeting(m *app.Meeting) error { return meetingBook.save(t.db, t.eng, m) }
