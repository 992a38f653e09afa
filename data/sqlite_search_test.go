package data

import (
	"context"
	"strings"
	"testing"

	"gongwen/app"
)

func TestIndexTokens(t *testing.T) {
	chars, pairs := indexTokens([]string{"通知", "市 府", "Ａb"})
	mustEqual(t, "chars", strings.Fields(chars), []string{"901a", "77e5", "5e02", "5e9c", "61", "62"})
	// 通知 | 市 | 府 | ab: pairs inside runs only, gaps between runs
	mustEqual(t, "pairs", strings.Fields(pairs), []string{"901ax77e5", gap, "61x62", gap})
	mustEqual(t, "query words fold width, case and brackets", queryWords(" ［２０２５］ 118号  ［２０２５］ "),
		[][]rune{[]rune("〔2025〕"), []rune("118号")})
	c, p := matchExprs(queryWords("区 应急管理"))
	if c != `"533a"` || p != `"5e94x6025 6025x7ba1 7ba1x7406"` {
		t.Errorf("match expressions %q %q", c, p)
	}
}

func TestSnippet(t *testing.T) {
	body := "2026-0007\n关于做好2026年春节期间安全生产工作的通知\n市人民政府办公室"
	for _, c := range []struct{ q, want string }{
		{"春节", "关于做好2026年春节期间安全生产工作的通知"},
		{"安全", "…于做好2026年春节期间安全生产工作的通知"}, // 12 characters before the match
		{"办公", "市人民政府办公室"},
		{"ＡＢＣ", ""},
	} {
		if got := snippet(body, queryWords(c.q)); got != c.want {
			t.Errorf("%s: %q", c.q, got)
		}
	}
	long := strings.Repeat("甲", 30) + "目标" + strings.Repeat("乙", 60)
	got := snippet(long, queryWords("目标"))
	if !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") || !strings.Contains(got, "目标") {
		t.Errorf("long line cut: %q", got)
	}
}

// seedSearch stores one record of each book with text in its child lists.
func seedSearch(t testing.TB, s *Store) (in, out app.Document, r app.SealRequest, it app.Item, m app.Meeting) {
	in, out, r, it, m = incoming(), outgoing(), sealRequest(), item(), meeting()
	in.ReceivedOn = d("2026-01-05") // oldest
	out.DraftedOn = d("2026-01-08") //
	m.Date = d("2026-01-09")        //
	r.RequestedOn = d("2026-01-10") //
	it.AssignedOn = d("2026-01-11") // newest
	in.Title = "关于做好春节期间安全生产工作的通知"
	update(t, s, func(tx app.Tx) error {
		return firstErr(
			func() error { return tx.SaveDocument(&in) },
			func() error { return tx.SaveDocument(&out) },
			func() error { return tx.SaveSealRequest(&r) },
			func() error { return tx.SaveItem(&it) },
			func() error { return tx.SaveMeeting(&m) },
		)
	})
	return
}

type hitKey struct {
	Entity app.Entity
	ID     int64
}

func hitKeys(hs []app.SearchHit) []hitKey {
	return convert(hs, func(_ int, h app.SearchHit) hitKey { return hitKey{h.Entity, h.ID} })
}

func TestSearch(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		in, out, r, it, m := seedSearch(t, s)
		doc := hitKey{app.EntityDocument, in.ID}
		outDoc := hitKey{app.EntityDocument, out.ID}
		seal := hitKey{app.EntitySeal, r.ID}
		itm := hitKey{app.EntityItem, it.ID}
		meet := hitKey{app.EntityMeeting, m.ID}
		for _, c := range []struct {
			name, q string
			want    []hitKey
		}{
			{"1 char in titles", "春", []hitKey{itm, doc}},
			{"1 char in a 批示", "抓", []hitKey{doc}},
			{"1 char everywhere, newest first", "区", []hitKey{itm, seal, meet, outDoc, doc}},
			{"1 char digit", "8", []hitKey{doc}}, // 118号 only
			{"2 chars", "安全", []hitKey{itm, doc}},
			{"2 chars in 批示", "节前", []hitKey{doc}},
			{"2 chars in 拟办", "阅示", []hitKey{doc}},
			{"3 chars", "政务服", []hitKey{meet, outDoc}},
			{"4 chars", "安全生产", []hitKey{itm, doc}},
			{"long phrase", "关于做好春节期间安全生产工作的通知", []hitKey{doc}},
			{"文号 fragment", "〔2025〕118", []hitKey{doc}},
			{"文号 with other brackets and full-width digits", "［２０２５］118", []hitKey{doc}},
			{"文号 tail", "118号", []hitKey{doc}},
			{"发文字号", "西府办发〔2026〕12", []hitKey{outDoc}},
			{"收文编号", "2026-0007", []hitKey{doc}},
			{"督办编号", "督〔2026〕5号", []hitKey{itm}},
			{"progress text", "隐患", []hitKey{itm}},
			{"follow-up text", "整改巩固", []hitKey{itm}},
			{"meeting topic", "老旧小区", []hitKey{meet}},
			{"meeting minutes", "汇报", []hitKey{meet}},
			{"meeting name", "第5次", []hitKey{meet}},
			{"seal reason", "预算执行", []hitKey{seal}},
			{"seal unit", "财政", []hitKey{seal, meet, outDoc}},
			{"all words must occur", "安全 拉网", []hitKey{itm}},
			{"a char and a word", "隐 排查", []hitKey{itm}},
			{"not across fields", "通知市", nil},
			{"absent", "不存在的词", nil},
			{"spaces only", "  \u3000 ", nil},
		} {
			t.Run(c.name, func(t *testing.T) {
				hits, total, err := s.Search(ctx, c.q, app.Page{})
				if err != nil {
					t.Fatal(err)
				}
				mustEqual(t, "hits", hitKeys(hits), c.want)
				if total != len(c.want) {
					t.Errorf("total %d", total)
				}
				for _, h := range hits {
					if h.Snippet == "" || h.Number == "" && h.Entity != app.EntityDocument {
						t.Errorf("hit without snippet or number: %+v", h)
					}
				}
			})
		}

		hits, _, _ := s.Search(ctx, "节前", app.Page{})
		h := hits[0]
		if h.Number != "2026-0007" || h.Title != in.Title || h.Date != in.ReceivedOn || h.Status != "承办中" || h.Snippet != "请应急局抓紧落实，节前完成全面排查" {
			t.Errorf("hit fields: %+v", h)
		}

		// paging: total stays, pages do not overlap
		p1, total, _ := s.Search(ctx, "区", app.Page{Limit: 2})
		p3, _, _ := s.Search(ctx, "区", app.Page{Offset: 4, Limit: 2})
		if total != 5 || len(p1) != 2 || len(p3) != 1 || p3[0].ID != in.ID {
			t.Errorf("pages: %d %v %v", total, hitKeys(p1), hitKeys(p3))
		}
	})
}

func TestSearchFollowsSaves(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		in, _, _, it, _ := seedSearch(t, s)
		in.Title = "关于防汛抗旱工作的通知"
		in.ReceivedOn = d("2026-03-01") // a new date moves it to the front
		it.Progress = append(it.Progress, app.Progress{On: d("2026-03-02"), Text: "已召开防汛调度会"})
		update(t, s, func(tx app.Tx) error {
			return firstErr(func() error { return tx.SaveDocument(&in) }, func() error { return tx.SaveItem(&it) })
		})
		for _, c := range []struct {
			q    string
			want []hitKey
		}{
			{"春节", []hitKey{{app.EntityItem, it.ID}}},
			{"防汛", []hitKey{{app.EntityDocument, in.ID}, {app.EntityItem, it.ID}}},
			{"汛", []hitKey{{app.EntityDocument, in.ID}, {app.EntityItem, it.ID}}},
		} {
			hits, _, err := s.Search(ctx, c.q, app.Page{})
			if err != nil {
				t.Fatal(err)
			}
			mustEqual(t, c.q, hitKeys(hits), c.want)
		}
		var entries int
		s.sql.QueryRow("SELECT count(*) FROM search_entries").Scan(&entries)
		if entries != 5 {
			t.Errorf("%d search entries for 5 records", entries)
		}
		problems, err := checkFixtures(s)
		if err != nil || len(problems) > 0 {
			t.Errorf("check: %v %v", problems, err)
		}

		// a rebuilt index answers the same
		if err := s.Reindex(ctx); err != nil {
			t.Fatal(err)
		}
		hits, _, _ := s.Search(ctx, "防汛", app.Page{})
		if len(hits) != 2 {
			t.Errorf("after reindex: %v", hitKeys(hits))
		}
	})
}

// A hit says which register a document is in and where the query matched,
// as the search compares (other brackets, full-width digits).
func TestSearchHitDirectionAndMarks(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		in, out, _, _, _ := seedSearch(t, s)
		hits, _, err := s.Search(context.Background(), "区", app.Page{Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		dirs := map[int64]app.Direction{}
		for _, h := range hits {
			if h.Entity == app.EntityDocument {
				dirs[h.ID] = h.Direction
			} else if h.Direction != "" {
				t.Errorf("%s hit has direction %q", h.Entity, h.Direction)
			}
		}
		if dirs[in.ID] != app.Incoming || dirs[out.ID] != app.Outgoing {
			t.Fatalf("directions %v, want %d in and %d out", dirs, in.ID, out.ID)
		}
		hits, _, err = s.Search(context.Background(), "［２０２５］118 安全", app.Page{Limit: 10})
		if err != nil || len(hits) != 1 {
			t.Fatalf("hits %v, %v", hits, err)
		}
		h := hits[0]
		if got := markedText(h.Title, h.Marks.Title); got != "安全" {
			t.Errorf("title %q marked %q", h.Title, got)
		}
		if got := markedText(h.Snippet, h.Marks.Snippet); !strings.Contains(got, "〔2025〕118") {
			t.Errorf("snippet %q marked %q", h.Snippet, got)
		}
	})
}

func markedText(s string, marks [][2]int) string {
	rs := []rune(s)
	var parts []string
	for _, m := range marks {
		parts = append(parts, string(rs[m[0]:m[1]]))
	}
	return strings.Join(parts, "|")
}
