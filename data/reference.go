package data

import (
	"context"
	"encoding/json"
	"sort"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"gorm.io/gorm"

	"gongwen/app"
)

// Reference data: the office's settings, its lists of units, leaders and
// seals, and the holiday calendar's corrections.

// Settings are stored as one JSON document: nothing queries inside them.
// Fields a saved document lacks (a newer program's additions) keep their
// defaults.
func (s *Store) Settings(ctx context.Context) (app.Settings, error) {
	st := app.Settings{Rules: app.DefaultRules()}
	var js []string
	if err := s.reading(ctx, func(db *gorm.DB) error {
		return db.Raw("SELECT json FROM settings WHERE id = 1").Scan(&js).Error
	}); err != nil {
		return st, mapError(err)
	}
	if len(js) == 0 {
		return st, nil
	}
	if err := json.Unmarshal([]byte(js[0]), &st); err != nil {
		return st, app.Errorf(app.EINTERNAL, "设置数据已损坏，无法读取：%v", err)
	}
	return st, nil
}

func (t *tx) SaveSettings(st app.Settings) error {
	b, err := json.Marshal(st)
	if err != nil {
		return app.Errorf(app.EINTERNAL, "设置无法保存：%v", err)
	}
	return mapError(t.db.Exec("INSERT INTO settings (id, json) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json", string(b)).Error)
}

// refMissing is the not-found error of a reference list.
func refMissing(noun string) func(int64) *app.Error {
	return func(id int64) *app.Error { return notFound("%s（内部编号%d），可能已被删除", noun, id) }
}

// saveNamed saves a row of a list whose names are unique, saying which
// name is taken when it is.
func saveNamed[R any, P keyedRow[R]](db *gorm.DB, row *R, noun, name string) error {
	err := saveRow[R, P](db, row, refMissing(noun))
	if app.ErrorCode(err) == app.ECONFLICT {
		return app.Errorf(app.ECONFLICT, "%s“%s”已在名单中，不能重复添加", noun, name)
	}
	return err
}

// readList runs the read of a reference list as one read of the store (which
// notes damage met from the error before it is mapped).
func readList[D any](s *Store, ctx context.Context, read func(*gorm.DB) ([]D, error)) ([]D, error) {
	var out []D
	err := s.reading(ctx, func(db *gorm.DB) (err error) { out, err = read(db); return err })
	return out, mapError(err)
}

// txList is the read of a reference list in a transaction.
func txList[D any](t *tx, read func(*gorm.DB) ([]D, error)) ([]D, error) {
	out, err := read(t.db)
	return out, mapError(err)
}

// list reads a whole reference list (they are short) in order.
func list[R any, D any](db *gorm.DB, order string, conv func(*R) D) ([]D, error) {
	var rows []R
	if err := db.Order(order).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]D, len(rows))
	for i := range rows {
		out[i] = conv(&rows[i])
	}
	return out, nil
}

// byOrderThenName sorts a short reference list by its Order, then by name
// in pinyin order (区财政局 before 区教育局), as a secretary reads a list;
// SQLite would compare code points.
func byOrderThenName[T any](list []T, err error, order func(*T) int, name func(*T) string) ([]T, error) {
	c := collate.New(language.SimplifiedChinese) // a Collator is not safe for concurrent use
	sort.SliceStable(list, func(i, j int) bool {
		if a, b := order(&list[i]), order(&list[j]); a != b {
			return a < b
		}
		return c.CompareString(name(&list[i]), name(&list[j])) < 0
	})
	return list, err
}

// Units lists the units by Order, then name.
func (s *Store) Units(ctx context.Context) ([]app.Unit, error) { return readList(s, ctx, units) }

func units(db *gorm.DB) ([]app.Unit, error) {
	units, err := list(db, "id", func(r *unitRow) app.Unit {
		return app.Unit{ID: r.ID, Name: r.Name, Kind: app.UnitKind(r.Kind), Order: r.Ord, Active: r.Active}
	})
	return byOrderThenName(units, err, func(u *app.Unit) int { return u.Order }, func(u *app.Unit) string { return u.Name })
}

func (t *tx) SaveUnit(u *app.Unit) error {
	row := unitRow{ID: u.ID, Name: u.Name, Kind: string(u.Kind), Ord: u.Order, Active: u.Active}
	if err := saveNamed(t.db, &row, "单位", u.Name); err != nil {
		return err
	}
	u.ID = row.ID
	return nil
}

func (t *tx) DeleteUnit(id int64) error { return deleteRow[unitRow](t.db, id, refMissing("单位")) }

// Leaders lists the leaders by Order, then name.
func (s *Store) Leaders(ctx context.Context) ([]app.Leader, error) { return readList(s, ctx, leaders) }

func (t *tx) Leaders() ([]app.Leader, error) { return txList(t, leaders) }

func leaders(db *gorm.DB) ([]app.Leader, error) {
	leaders, err := list(db, "id", func(r *leaderRow) app.Leader {
		return app.Leader{ID: r.ID, Name: r.Name, Role: app.Role(r.Role), Order: r.Ord, Portfolio: r.Portfolio,
			Units: r.Units, LinkedTo: r.LinkedTo, Active: r.Active}
	})
	return byOrderThenName(leaders, err, func(l *app.Leader) int { return l.Order }, func(l *app.Leader) string { return l.Name })
}

func (t *tx) SaveLeader(l *app.Leader) error {
	row := leaderRow{ID: l.ID, Name: l.Name, Role: string(l.Role), Ord: l.Order, Portfolio: l.Portfolio,
		Units: l.Units, LinkedTo: l.LinkedTo, Active: l.Active}
	if err := saveNamed(t.db, &row, "领导", l.Name); err != nil {
		return err
	}
	l.ID = row.ID
	return nil
}

func (t *tx) DeleteLeader(id int64) error {
	return deleteRow[leaderRow](t.db, id, refMissing("领导"))
}

func (s *Store) Seals(ctx context.Context) ([]app.Seal, error) { return readList(s, ctx, seals) }

func (t *tx) Seals() ([]app.Seal, error) { return txList(t, seals) }

func seals(db *gorm.DB) ([]app.Seal, error) {
	return list(db, "id", func(r *sealRow) app.Seal {
		return app.Seal{ID: r.ID, Name: r.Name, Kind: app.SealKind(r.Kind), Keeper: r.Keeper, Chain: chainOf(r.Chain), Active: r.Active}
	})
}

func (t *tx) SaveSeal(se *app.Seal) error {
	row := sealRow{ID: se.ID, Name: se.Name, Kind: string(se.Kind), Keeper: se.Keeper, Chain: chainToRows(se.Chain), Active: se.Active}
	if err := saveNamed(t.db, &row, "印章", se.Name); err != nil {
		return err
	}
	se.ID = row.ID
	return nil
}

func (t *tx) DeleteSeal(id int64) error { return deleteRow[sealRow](t.db, id, refMissing("印章")) }

func (s *Store) DayOverrides(ctx context.Context) ([]app.DayOverride, error) {
	var rows []struct {
		Day  string
		Work bool
		Name string
	}
	if err := s.reading(ctx, func(db *gorm.DB) error {
		return db.Raw("SELECT day, work, name FROM day_overrides ORDER BY day").Scan(&rows).Error
	}); err != nil {
		return nil, mapError(err)
	}
	out := make([]app.DayOverride, len(rows))
	for i, r := range rows {
		out[i] = app.DayOverride{Day: dateOf(r.Day), Work: r.Work, Name: r.Name}
	}
	return out, nil
}

func (t *tx) SaveDayOverride(o app.DayOverride) error {
	if o.Day.IsZero() {
		return app.Errorf(app.EINVALID, "请填写日期")
	}
	return mapError(t.db.Exec(`INSERT INTO day_overrides (day, work, name) VALUES (?, ?, ?)
		ON CONFLICT (day) DO UPDATE SET work = excluded.work, name = excluded.name`, dateText(o.Day), o.Work, o.Name).Error)
}

func (t *tx) DeleteDayOverride(d app.Date) error {
	res := t.db.Exec("DELETE FROM day_overrides WHERE day = ?", dateText(d))
	if res.Error != nil {
		return mapError(res.Error)
	}
	if res.RowsAffected == 0 {
		return notFound("%s的节假日设置", d.Chinese())
	}
	return nil
}

func (s *Store) ConfirmedYears(ctx context.Context) ([]int, error) {
	var years []int
	if err := s.reading(ctx, func(db *gorm.DB) error {
		return db.Raw("SELECT year FROM confirmed_years ORDER BY year").Scan(&years).Error
	}); err != nil {
		return nil, mapError(err)
	}
	return years, nil
}

func (t *tx) SetYearConfirmed(year int, confirmed bool) error {
	stmt := "DELETE FROM confirmed_years WHERE year = ?"
	if confirmed {
		stmt = "INSERT INTO confirmed_years (year) VALUES (?) ON CONFLICT DO NOTHING"
	}
	return mapError(t.db.Exec(stmt, year).Error)
}
