package data

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"gongwen/app"
)

// BenchmarkSearch measures the search design on a generated register:
// GONGWEN_BENCH_DOCS documents (default 20,000), a fifth as many items with
// five progress entries each, and a meeting per 200 documents. The store is
// generated once into the system temp folder and reused.
//
//	go test -tags sqlite_fts5 -run XXX -bench Search ./data/
//	GONGWEN_BENCH_DOCS=100000 go test -tags sqlite_fts5 -run XXX -bench Search -timeout 30m ./data/
func BenchmarkSearch(b *testing.B) {
	docs := 20000
	if v, err := strconv.Atoi(os.Getenv("GONGWEN_BENCH_DOCS")); err == nil && v > 0 {
		docs = v
	}
	s := benchStore(b, docs)
	for _, c := range []struct{ name, q string }{
		{"1-char", "区"},      // in nearly every entry
		{"1-char-rare", "汛"}, // in a few percent
		{"2-char", "安全"},
		{"4-char", "安全生产"},
		{"文号-fragment", "〔2024〕12"},
		{"two-words", "财政 预算"},
	} {
		b.Run(c.name, func(b *testing.B) {
			total := 0
			for b.Loop() {
				hits, n, err := s.Search(ctx, c.q, app.Page{Limit: 50})
				if err != nil || (n > 0 && len(hits) == 0) {
					b.Fatal(n, err)
				}
				total = n
			}
			b.ReportMetric(float64(total), "hits")
		})
	}
	b.Run("filter-2-char", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := s.Documents(ctx, app.DocumentFilter{Direction: app.Incoming, Text: "安全", Page: app.Page{Limit: 50}}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("dashboard", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Dashboard(ctx, app.DashboardQuery{Today: d("2025-06-10"), WarnUntil: d("2025-06-13"), WeekFrom: d("2025-06-09"), WeekTo: d("2025-06-15")}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// benchStore opens the generated store of n documents, building it first
// when the temp folder does not hold it yet.
func benchStore(b *testing.B, n int) *Store {
	b.Helper()
	dir := filepath.Join(os.TempDir(), "gongwen-bench")
	path := filepath.Join(dir, fmt.Sprintf("v%d-g2-%d.db", schemaVersion(), n))
	if _, err := os.Stat(path); err != nil {
		started := time.Now()
		tmp := path + ".building"
		os.Remove(tmp)
		os.Remove(tmp + "-wal")
		os.Remove(tmp + "-shm")
		s, err := Open(tmp)
		if err != nil {
			b.Fatal(err)
		}
		generate(b, s, n)
		s.sql.Exec("INSERT INTO search_chars (search_chars) VALUES ('optimize')")
		s.sql.Exec("INSERT INTO search_pairs (search_pairs) VALUES ('optimize')")
		s.sql.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		s.Close()
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
		b.Logf("generated %d documents in %v", n, time.Since(started).Round(time.Second))
	}
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if fi, err := os.Stat(path); err == nil {
		b.Logf("store %s: %d MB", path, fi.Size()>>20)
	}
	return s
}

var (
	benchUnits = []string{"区财政局", "区教育局", "区卫生健康局", "区应急管理局", "区住房和城乡建设局", "区自然资源局",
		"区生态环境分局", "区市场监督管理局", "区民政局", "区人力资源和社会保障局", "区农业农村局", "区文化和旅游局",
		"区交通运输局", "区水务局", "区公安分局", "区司法局", "区审计局", "区统计局", "区医疗保障局", "区政务服务中心",
		"桃花镇人民政府", "杏林镇人民政府", "青山镇人民政府", "东城街道办事处", "西城街道办事处", "南湖街道办事处",
		"市人民政府办公室", "市财政局", "市教育局", "市应急管理局", "省人民政府办公厅", "区委办公室"}
	benchCodes = []string{"区财发", "区教发", "区卫健发", "区应急发", "区住建发", "区自然资发", "市政办发", "市财预", "市教发", "省府办发", "桃政发", "东街发"}
	benchVerbs = []string{"关于印发", "关于做好", "关于开展", "关于加强", "关于进一步规范", "关于报送", "关于申请", "关于组织"}
	benchTopic = []string{"安全生产大检查", "春节期间市场保供", "防汛抗旱", "老旧小区改造", "义务教育招生", "秸秆禁烧", "森林防火",
		"乡村振兴重点工作", "营商环境优化提升", "政务服务一网通办", "城市管理综合执法", "食品安全监督抽检", "耕地保护",
		"国有资产清查", "财政预算执行", "医疗保障基金监管", "养老服务体系建设", "河长制工作", "安全生产专项整治", "农村人居环境整治",
		"重大项目建设", "招商引资", "统计执法检查", "审计整改", "高标准农田建设", "就业创业", "校园安全", "燃气安全排查"}
	benchKinds   = []string{"的通知", "的请示", "的报告", "的意见", "的函", "工作方案", "实施意见"}
	benchLeaders = []string{"王区长", "赵副区长", "钱副区长", "孙副区长", "李副区长"}
	benchActions = []string{"认真研究", "抓紧落实", "提出意见", "按要求办理", "牵头研究", "会同相关部门办理"}
	benchEnds    = []string{"于月底前报送结果", "确保按期完成", "及时反馈办理情况", "重大情况及时报告"}
)

func pick(r *rand.Rand, list []string) string { return list[r.Intn(len(list))] }

// generate writes n documents, n/5 items with five progress entries each,
// and n/200 meetings, a thousand records per transaction.
func generate(b *testing.B, s *Store, n int) {
	r := rand.New(rand.NewSource(1))
	start := d("2020-01-02")
	serials := map[int]int{}
	for done := 0; done < n; {
		update(b, s, func(tx app.Tx) error {
			for i := 0; i < 1000 && done < n; i++ {
				received := start.AddDays(done * 2190 / n) // six years, oldest first
				serials[received.Year]++
				topic := pick(r, benchTopic)
				doc := app.Document{Direction: app.Incoming, Status: app.StatusDone, Year: received.Year,
					Serial: app.IncomingSerial(received.Year, serials[received.Year]),
					DocNo:  app.DocNo{Code: pick(r, benchCodes), Year: received.Year, Serial: r.Intn(300) + 1}.String(),
					Title:  pick(r, benchVerbs) + topic + pick(r, benchKinds), FromUnit: pick(r, benchUnits), ReceivedOn: received,
					Secrecy: app.SecrecyNone, Urgency: app.UrgencyNormal, Kind: app.KindAction,
					Proposal: "拟请" + pick(r, benchLeaders) + "阅示，由" + pick(r, benchUnits) + "牵头办理",
					LeadUnit: pick(r, benchUnits), DueOn: received.AddDays(10), Result: "已按要求办理完毕"}
				if r.Intn(2) == 0 {
					doc.Instructions = []app.Instruction{{Leader: pick(r, benchLeaders), Text: "请" + doc.LeadUnit + pick(r, benchActions) + "，" + pick(r, benchEnds), On: received}}
				}
				if r.Intn(50) == 0 {
					doc.Status = app.StatusAssigned
				}
				if err := tx.SaveDocument(&doc); err != nil {
					return err
				}
				if done%5 == 0 {
					it := app.Item{Number: app.ItemNumber(received.Year, done/5+1), Year: received.Year, Seq: done/5 + 1,
						SourceType: app.SourceInstruction, Title: topic + "推进情况", Content: "按照" + doc.Title + "要求，抓好" + topic,
						LeadUnit: doc.LeadUnit, AssignedOn: received, Deadline: received.AddDays(60), Status: app.ItemDone, DoneOn: received.AddDays(50)}
					for p := 1; p <= 5; p++ {
						it.Progress = append(it.Progress, app.Progress{On: received.AddDays(p * 10),
							Text: fmt.Sprintf("第%d次反馈：%s已完成%d%%，%s", p, topic, p*20, pick(r, benchEnds))})
					}
					if err := tx.SaveItem(&it); err != nil {
						return err
					}
				}
				if done%200 == 0 {
					m := app.Meeting{Kind: app.MeetingExecutive, Seq: done/200 + 1, Date: received, Chair: "王区长",
						Topics:    []app.Topic{{Seq: 1, Title: "研究" + topic, ReportingUnit: doc.LeadUnit}},
						Decisions: []app.Decision{{Seq: 1, Content: "原则同意" + topic + "方案", LeadUnit: doc.LeadUnit}}}
					if err := tx.SaveMeeting(&m); err != nil {
						return err
					}
				}
				done++
			}
			return nil
		})
	}
}
