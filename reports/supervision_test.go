package reports

import (
	"io"
	"strings"
	"testing"

	"gongwen/app"
)

// sampleSupervisionItem is an item from a 批示, in stages, with progress.
func sampleSupervisionItem() *app.Item {
	return &app.Item{
		ID: 7, Number: "督〔2026〕7号", Year: 2026, Seq: 7, SourceType: app.SourceInstruction,
		SourceRef: "王喆同志在《关于加快推进老旧小区改造工作的请示》（示住建〔2026〕3号）上的批示",
		Title:     "加快推进老旧小区改造", Content: "请区住建局牵头，会同各街道抓紧制定年度改造计划，确保汛期前完成雨污分流改造。",
		LeadUnit: "区住房和城乡建设局", CoUnits: []string{"区财政局", "东城街道办事处"}, Responsible: "刘建国",
		LeaderInCharge: "李堃", AssignedOn: app.D(2026, 1, 6), Deadline: app.D(2026, 3, 31),
		Stages:      []app.Stage{{Name: "完成摸底调查", Deadline: app.D(2026, 1, 30), DoneOn: app.D(2026, 1, 28)}, {Name: "制定改造方案", Deadline: app.D(2026, 2, 27)}},
		ReportEvery: "每半月", Status: app.ItemOpen,
		Progress: []app.Progress{{On: app.D(2026, 1, 28), Text: "已完成12个小区的摸底调查，形成问题清单。"}},
	}
}

// sampleRedItem is the same item past its deadline.
func sampleRedItem() *app.Item {
	it := sampleSupervisionItem()
	it.Stages, it.Deadline = nil, app.D(2026, 2, 27)
	return it
}

var sampleSupervisionSettings = func() app.Settings {
	s := sampleSettings
	s.SupervisionContact, s.SupervisionPhone = "陈督查", "0571-87650000"
	return s
}()

func sampleSlip(kind app.SlipKind) app.SlipPrint {
	sent := []app.SlipSent{{Kind: app.SlipAssign, Number: "督〔2026〕7号", On: app.D(2026, 1, 6)}}
	switch kind {
	case app.SlipAssign:
		return app.SlipPrint{Kind: kind, Number: "督〔2026〕7号", On: app.D(2026, 1, 6),
			SourceQuote: "请住建局抓紧研究，拿出具体方案，汛期前见到成效。", SourceBy: "王喆　2026年1月5日"}
	case app.SlipReminder:
		return app.SlipPrint{Kind: kind, Number: "催〔2026〕3号", On: app.D(2026, 2, 24), ReplyBy: app.D(2026, 2, 27), Sent: sent}
	}
	sent = append(sent, app.SlipSent{Kind: app.SlipReminder, Number: "催〔2026〕3号", On: app.D(2026, 2, 24)})
	return app.SlipPrint{Kind: kind, Number: "督〔2026〕7号", On: app.D(2026, 3, 4), ReplyBy: app.D(2026, 3, 9), Sent: sent}
}

func TestSupervisionSlips(t *testing.T) {
	f := bundledFonts(t)
	it := sampleSupervisionItem()
	st := sampleSupervisionSettings
	common := []string{it.Number, it.Title, "区住房和城乡建设局", it.Responsible, "陈督查", "0571-87650000", "签收单位", "签收人", "签收时间"}
	tests := []struct {
		kind   app.SlipKind
		fields []string
		whole  []string
	}{
		{app.SlipAssign, []string{"示例区人民政府办公室督查事项交办单", "交办日期", "2026年1月6日", string(it.SourceType), it.SourceRef, it.Content,
			"请住建局抓紧研究，拿出具体方案，汛期前见到成效。", "王喆", "2026年1月5日", "区财政局、东城街道办事处", "李堃",
			"2026年3月31日前", "完成摸底调查", "制定改造方案", "2026年2月27日前", "2026年1月28日完成", "每半月报送一次办理进展", "示例区人民政府督查室"},
			[]string{"督〔2026〕7号", "2026年3月31日前", "0571-87650000"}},
		{app.SlipReminder, []string{"示例区人民政府办公室督查事项催办单", "催〔2026〕3号", "催办日期", "2026年2月24日", "2026年2月27日前",
			"距时限还有3天", "已完成12个小区的摸底调查，形成问题清单。", "2026年1月28日报送", "2026年1月6日交办单督〔2026〕7号", "最近一次报送进展是2026年1月28日"},
			[]string{"催〔2026〕3号", "2026年2月27日前", "（阶段：制定改造方案）", "全部完成：2026年3月31日前"}},
		{app.SlipNotice, []string{"示例区人民政府办公室督办通知单", "督办日期", "2026年3月4日", "分管领导", "李堃", "已超过时限5天", "至今已逾期5天仍未办结，经1次催办仍未按期完成",
			"2026年3月9日前", "抄送：示例区人民政府分管领导李堃同志，示例区人民政府办公室主任。", "2026年2月24日催办单催〔2026〕3号"},
			[]string{"督〔2026〕7号", "2026年3月9日前"}},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			sp := sampleSlip(tt.kind)
			if tt.kind == app.SlipNotice {
				it = sampleRedItem()
			}
			path, _ := render(t, "slip", func(w io.Writer) (Printed, error) { return SupervisionSlip(w, f, st, it, sp) })
			check(t, path, append(common, tt.fields...), tt.whole)
		})
	}
}

func check(t *testing.T, path string, fields, whole []string) {
	t.Helper()
	if n := checkAll(t, path, false); n != 1 {
		t.Errorf("%d pages, want 1", n)
	}
	checkAllCharacters(t, path, fields, append(whole, fields...)...)
	checkPageNumbers(t, path, formFooter)
}

// A 催办单 previewed, not sent, leaves its number to be written in; a long
// item goes on to continuation pages with the title and number.
func TestSupervisionSlipLong(t *testing.T) {
	f := bundledFonts(t)
	it := sampleSupervisionItem()
	it.Content = strings.Repeat(it.Content, 30)
	it.Progress[0].Text = strings.Repeat(it.Progress[0].Text, 20)
	for _, kind := range []app.SlipKind{app.SlipAssign, app.SlipReminder} {
		sp := sampleSlip(kind)
		head := "示例区人民政府办公室" + kind.Title() + "（续页）"
		if kind == app.SlipReminder {
			sp.Number = ""
			it.Content = "见交办单。"
			it.Progress = append(it.Progress, it.Progress[0], it.Progress[0])
			it.Progress[2].Text = strings.Repeat(it.Progress[0].Text, 3)
		}
		path, _ := render(t, "long", func(w io.Writer) (Printed, error) { return SupervisionSlip(w, f, sampleSettings, it, sp) })
		checkAll(t, path, false)
		pages := pageTexts(t, path)
		if len(pages) < 2 {
			t.Fatalf("%s: %d page, want a continuation", kind, len(pages))
		}
		for i, p := range pages[1:] {
			if !strings.Contains(squeeze(p), head) {
				t.Errorf("%s page %d has no running head %q", kind, i+2, head)
			}
		}
		if kind == app.SlipReminder && !strings.Contains(squeeze(pages[1]), "编号：催〔2026〕号") {
			t.Errorf("preview: the number is not left blank:\n%.300s", squeeze(pages[1]))
		}
		// no contact set: lines to write it in
		if all := squeeze(strings.Join(pages, "")); !strings.Contains(all, "联系人：电话：") && !strings.Contains(all, "督查室联系人：") || strings.Contains(all, "陈督查") {
			t.Errorf("%s: no blank contact line: …%s", kind, string([]rune(all)[len([]rune(all))-200:]))
		}
	}
}
