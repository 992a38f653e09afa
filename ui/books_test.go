package ui

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"gongwen/app"
	"gongwen/data"
	"gongwen/ui/widgets"
)

// Each book: create an item through its form, find it in the table, carry
// it through its workflow and see 工作台 change; validation errors keep the
// dialog open with everything typed.

func TestIncomingWorkflow(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	if n := h.dash(cardProposal); n != 0 {
		t.Fatalf("待拟办 = %d before anything was registered", n)
	}

	u.show(ScreenIncoming)
	u.shortcutNew() // Ctrl+N
	h.typeIn("来文单位", "市人民政府办公室")
	h.typeIn("来文字号", "市府办发[2026]12号")
	h.typeIn("文件标题", "关于做好春季森林防火工作的通知")
	h.typeIn("成文日期", "2026-03-20") // later than the day it arrived
	h.saveFails("成文日期")
	if got := h.form().Get("文件标题").(*widgets.Entry).Text; got != "关于做好春季森林防火工作的通知" {
		t.Fatalf("title lost after the error: %q", got)
	}
	if got := h.form().Get("来文单位").(*widgets.NameField).Text; got != "市人民政府办公室" {
		t.Fatalf("sender lost after the error: %q", got)
	}
	h.typeIn("成文日期", "2026年3月6日")
	h.save()

	i, ok := u.incoming.table.Find(func(d app.Document) bool { return d.Title == "关于做好春季森林防火工作的通知" })
	if !ok {
		t.Fatal("the new document is not in the table")
	}
	u.incoming.table.Select(i)
	d := *u.incoming.sel
	if d.Serial != "2026-0001" || d.DocNo != "市府办发〔2026〕12号" {
		t.Fatalf("registered as %s %s", d.Serial, d.DocNo)
	}
	if got := u.incoming.table.Text(i, 0); got != "2026-0001" {
		t.Fatalf("table shows %q", got)
	}
	if h.dash(cardProposal) != 1 {
		t.Fatal("工作台 does not count the new document as 待拟办")
	}

	// a second registration of the same 文号 asks before keeping a duplicate
	u.show(ScreenIncoming)
	u.incoming.create()
	h.typeIn("来文单位", "市人民政府办公室")
	h.typeIn("来文字号", "市府办发〔2026〕12号")
	h.typeIn("文件标题", "关于做好春季森林防火工作的通知")
	h.saveFails("可能重复登记")
	h.form().Hide()

	u.show(ScreenIncoming)
	u.incoming.open(d.ID)
	if enabled(u.incoming.book, "批示") || enabled(u.incoming.book, "归档") {
		t.Fatal("批示 or 归档 enabled on a document waiting for 拟办")
	}
	tapAction(h, u.incoming.book, "拟办")
	h.typeIn("拟办意见", "阅")
	h.saveFails("不得简单圈阅")
	h.typeIn("拟办意见", "拟呈王区长阅示，请区财政局牵头办理。")
	h.save()
	if u.incoming.sel.Status != app.StatusProposed || h.dash(cardInstruction) != 1 {
		t.Fatalf("after 拟办: %s, 待批示 %d", u.incoming.sel.Status, h.dash(cardInstruction))
	}

	u.show(ScreenIncoming)
	tapAction(h, u.incoming.book, "批示")
	h.typeIn("批示领导", "王区长")
	h.typeIn("批示内容", "请区财政局抓紧落实，按时报结果。")
	h.save()
	if len(u.incoming.sel.Instructions) != 1 || u.incoming.sel.Status != app.StatusInstructed {
		t.Fatal("批示 not recorded")
	}

	tapAction(h, u.incoming.book, "承办")
	h.typeIn("承办单位", "区财政局")
	h.typeIn("时限（工作日）", "5")
	if !h.shows("2026-03-17") { // Tue 10 March + 5 working days
		t.Fatal("承办 does not show the computed due date before confirming")
	}
	h.save()
	if got := u.incoming.sel.DueOn; got != app.D(2026, 3, 17) || u.incoming.sel.Status != app.StatusAssigned {
		t.Fatalf("due %s status %s", got, u.incoming.sel.Status)
	}

	tapAction(h, u.incoming.book, "传阅")
	check := h.form().Get("建议传阅顺序").(*widgets.CheckGroup)
	if len(check.Options) == 0 || check.Options[0] != "王区长" {
		t.Fatalf("a city document should go to the 区长 first: %v", check.Options)
	}
	h.save()
	if len(u.incoming.sel.Circulations) == 0 || h.dash(cardCirculation) != 1 {
		t.Fatal("传阅 not recorded or not counted")
	}
	u.show(ScreenIncoming)
	for range u.incoming.sel.Outstanding() {
		tapAction(h, u.incoming.book, "传阅退回")
		h.save()
	}
	if h.dash(cardCirculation) != 0 {
		t.Fatal("传阅未退回 still counted after every reader returned it")
	}

	u.show(ScreenIncoming)
	tapAction(h, u.incoming.book, "催办")
	h.save()
	if len(u.incoming.sel.Reminders) != 1 {
		t.Fatal("催办 not recorded")
	}
	tapAction(h, u.incoming.book, "转督办")
	h.save()
	if it, _, _ := u.desk.Store.Items(u.ctx, app.ItemFilter{}); len(it) != 1 || it[0].SourceDocID != d.ID {
		t.Fatal("批示转督办 made no item")
	}
	h.u.forms.Top() // the 已立项 message is a plain dialog, not a form
	u.show(ScreenIncoming)
	u.incoming.open(d.ID)
	tapAction(h, u.incoming.book, "办结")
	h.saveFails("办理结果")
	h.typeIn("办理结果", "区财政局已下达防火专项资金120万元。")
	h.save()
	tapAction(h, u.incoming.book, "归档")
	h.save()
	if got := u.incoming.sel.Archive.Number(); got != "Z109-WS·2026-D30-BGS-0001" {
		t.Fatalf("档号 %q", got)
	}
	for _, a := range []string{"拟办", "批示", "承办", "办结", "归档", "修改登记"} {
		if enabled(u.incoming.book, a) {
			t.Fatalf("%s still enabled on an archived document", a)
		}
	}
	hs, _ := u.desk.Store.History(u.ctx, app.EntityDocument, d.ID)
	if len(hs) < 9 {
		t.Fatalf("history has %d entries", len(hs))
	}
}

func TestOutgoingWorkflow(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	u.show(ScreenOutgoing)
	u.shortcutNew()
	h.typeIn("文件标题", "关于调整区政府工作部门联系人的通知")
	h.typeIn("起草单位", "区政府办公室")
	h.typeIn("拟稿人", "")
	h.saveFails("拟稿人")
	h.typeIn("拟稿人", "刘秘书")
	pickDisclosure(h, app.DiscloseActively, "")
	h.save()
	if h.dash(cardOutgoing) != 1 {
		t.Fatal("发文办理中 not counted")
	}
	u.show(ScreenOutgoing)
	i, ok := u.outgoing.table.Find(func(d app.Document) bool { return d.Drafter == "刘秘书" })
	if !ok {
		t.Fatal("draft not in the table")
	}
	u.outgoing.table.Select(i)
	if enabled(u.outgoing.book, "签发") {
		t.Fatal("签发 enabled before 核稿")
	}
	tapAction(h, u.outgoing.book, "核稿")
	h.save()
	tapAction(h, u.outgoing.book, "审核")
	h.typeIn("审核人", "赵副主任")
	h.save()
	if enabled(u.outgoing.book, "签发") {
		t.Fatal("签发 enabled after the 副主任 alone")
	}
	tapAction(h, u.outgoing.book, "审核")
	h.typeIn("审核人", "陈主任")
	h.save()
	tapAction(h, u.outgoing.book, "签发")
	h.typeIn("签发人", "王区长")
	h.saveFails("应由主任签发")
	h.typeIn("签发人", "陈主任")
	h.save()
	if got := u.outgoing.sel.DocNo; got != "测府办发〔2026〕1号" {
		t.Fatalf("发文字号 %q", got)
	}
	tapAction(h, u.outgoing.book, "印发")
	h.typeIn("印数", "30")
	h.save()
	tapAction(h, u.outgoing.book, "归档")
	h.save()
	if u.outgoing.sel.Status != app.StatusArchived || h.dash(cardOutgoing) != 0 {
		t.Fatal("outgoing not archived or still counted")
	}
}

func TestSealWorkflow(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	u.show(ScreenSeals)
	u.shortcutNew()
	h.form().Get("印章").(*widgets.Select).SetSelected("测试区人民政府办公室印章")
	h.typeIn("用印单位", "区司法局")
	h.typeIn("联系人", "周敏")
	h.typeIn("用印事由", "报送年度法治政府建设情况报告")
	h.typeIn("份数", "三")
	h.saveFails("份数")
	if got := h.form().Get("用印事由").(*widgets.Entry).Text; got != "报送年度法治政府建设情况报告" {
		t.Fatalf("事由 lost: %q", got)
	}
	h.typeIn("份数", "3")
	h.saveFails("文件名称")
	h.typeIn("文件名称", "示例区2025年法治政府建设情况报告")
	h.save()
	u.show(ScreenSeals)
	i, ok := u.seals.table.Find(func(r app.SealRequest) bool { return r.Unit == "区司法局" })
	if !ok {
		t.Fatal("request not in the table")
	}
	u.seals.table.Select(i)
	tapAction(h, u.seals.book, "提交审批")
	h.save()
	if h.dash(cardSealsWaiting) != 1 {
		t.Fatal("用印待审批 not counted")
	}
	u.show(ScreenSeals)
	tapAction(h, u.seals.book, "审批")
	if !h.shows("副主任审核") {
		t.Fatal("审批 does not show the step")
	}
	h.typeIn("副主任", "赵副主任")
	h.save()
	tapAction(h, u.seals.book, "审批")
	if !h.shows("副主任已审核 → 主任审签") {
		t.Fatal("the second 审批 does not show the first step done")
	}
	h.typeIn("主任", "赵副主任")
	h.saveFails("主任")
	h.typeIn("主任", "陈主任")
	h.save()
	if u.seals.sel.Status != app.SealApproved || h.dash(cardSealsApproved) != 1 {
		t.Fatal("request not approved")
	}
	u.show(ScreenSeals)
	tapAction(h, u.seals.book, "用印登记")
	h.save()
	if r := u.seals.sel; r.Status != app.SealUsed || r.LogNo != "2026-0001" || r.Witness != "孙保管" {
		t.Fatalf("use: %+v", r)
	}
	if h.dash(cardSealsApproved) != 0 {
		t.Fatal("used request still counted")
	}
}

func TestSupervisionWorkflow(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	u.show(ScreenItems)
	u.shortcutNew()
	h.typeIn("督办事项", "春季造林绿化任务")
	h.typeIn("牵头单位", "区自然资源局")
	h.typeIn("完成时限", "2026-03-01")
	h.saveFails("不能早于交办日期")
	h.typeIn("完成时限", "2026-03-12")
	h.save()
	if h.dash(cardItemsYellow) != 1 {
		t.Fatalf("黄色 = %d", h.dash(cardItemsYellow))
	}
	u.show(ScreenItems)
	i, ok := u.items.table.Find(func(it app.Item) bool { return it.Title == "春季造林绿化任务" })
	if !ok {
		t.Fatal("item not in the table")
	}
	u.items.table.Select(i)
	if txt := u.items.table.Text(i, 0); txt != "临期" {
		t.Fatalf("colour chip %q", txt)
	}
	tapAction(h, u.items.book, "进展反馈")
	h.typeIn("进展情况", "已完成苗木采购。")
	h.save()
	tapAction(h, u.items.book, "办结销号")
	h.typeIn("办理结果", "完成造林1200亩。")
	h.save()
	if h.dash(cardItemsYellow) != 0 {
		t.Fatal("done item still yellow")
	}
	u.show(ScreenItems)
	tapAction(h, u.items.book, "回访")
	h.typeIn("回访情况", "部分地块苗木成活率低。")
	h.form().Get("").(*widgets.Check).SetChecked(true)
	h.typeIn("新的时限", "2026-04-30")
	h.save()
	if u.items.sel.Status != app.ItemOpen || h.dash(cardItemsBlue) != 1 {
		t.Fatal("回访 did not reopen the item")
	}
}

func TestMeetingWorkflow(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	u.show(ScreenMeetings)
	u.shortcutNew()
	h.typeIn("主持", "王区长")
	h.typeIn("地点", "区政府第一会议室")
	h.typeIn("日期", "2026-03-12")
	topics := h.form().Get("议题").(*widgets.RowEditor)
	row := topics.AddRow()
	test.Type(row[0].(*widgets.Entry), "研究春季防火工作")
	decisions := h.form().Get("议定事项").(*widgets.RowEditor)
	row = decisions.AddRow()
	test.Type(row[0].(*widgets.Entry), "区应急管理局牵头开展森林防火检查")
	row[1].(*widgets.NameField).SetText("区应急管理局")
	row[3].(*widgets.DateField).Entry.SetText("2026-04-10")
	h.save()
	if h.dash(cardMeetings) != 1 {
		t.Fatal("本周会议 not counted")
	}
	u.show(ScreenMeetings)
	u.meetings.table.Select(0)
	m := *u.meetings.sel
	if len(m.Topics) != 1 || m.Topics[0].DueOn != app.D(2026, 3, 5) {
		t.Fatalf("topics %+v", m.Topics)
	}
	tapAction(h, u.meetings.book, "转督办")
	h.save()
	if u.meetings.sel.Decisions[0].ItemID == 0 {
		t.Fatal("decision not linked to an item")
	}
	if enabled(u.meetings.book, "转督办") {
		t.Fatal("转督办 still enabled with every decision done")
	}
	if enabled(u.meetings.book, "印发纪要") {
		t.Fatal("印发纪要 enabled before the meeting is held")
	}
	u.desk.Now = func() time.Time { return testDay.Add(72 * time.Hour) } // the meeting has been held
	u.meetings.refresh()
	tapAction(h, u.meetings.book, "印发纪要")
	// The draft writes each decision as the printed minutes do: punctuated.
	draft := h.form().Get("正文").(*widgets.Entry).Text
	if want := "一、区应急管理局牵头开展森林防火检查（牵头单位：区应急管理局；完成时限：2026年4月10日）。"; !strings.Contains(draft, want) {
		t.Fatalf("drafted minutes %q, want the line %q", draft, want)
	}
	h.save()
	if u.meetings.sel.Minutes.NumberText() != "〔2026〕1号" {
		t.Fatalf("minutes number %q", u.meetings.sel.Minutes.NumberText())
	}
}

func TestSearchOpensRecord(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	d := app.Document{FromUnit: "区财政局", Title: "关于拨付防汛物资经费的请示", ReceivedOn: app.D(2026, 3, 9)}
	if err := u.desk.RegisterIncoming(u.ctx, &d, false); err != nil {
		t.Fatal(err)
	}
	u.focusSearch() // Ctrl+F
	test.Type(u.searchBox, "防汛")
	u.searchBox.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if u.current != ScreenSearch || u.search.table.Total() != 1 {
		t.Fatalf("search shows %d hits on %s", u.search.table.Total(), u.current)
	}
	u.search.table.Select(0)
	if u.current != ScreenIncoming || u.incoming.sel == nil || u.incoming.sel.ID != d.ID {
		t.Fatal("the hit did not open the document")
	}
}

func TestEscapeAndPrint(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	u.show(ScreenIncoming)
	u.shortcutNew()
	f := h.form()
	title := f.Get("文件标题").(*widgets.Entry)
	title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f.Visible() || u.forms.Top() != nil {
		t.Fatal("Esc did not close the form")
	}
	d := app.Document{FromUnit: "区财政局", Title: "关于拨付防汛物资经费的请示", ReceivedOn: app.D(2026, 3, 9)}
	if err := u.desk.RegisterIncoming(u.ctx, &d, false); err != nil {
		t.Fatal(err)
	}
	u.incoming.refresh()
	u.incoming.table.Select(0)
	u.shortcutPrint() // Ctrl+P
	u.Wait()
	if len(h.opened) != 1 {
		t.Fatal("打印 opened no PDF")
	}
	b, err := os.ReadFile(h.opened[0])
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("not a PDF: %v", err)
	}
}

func TestSettingsAndWelcome(t *testing.T) {
	h := openHarness(t, func(*app.Desk) {})
	u := h.u
	f := h.form()
	if f.Title != "欢迎使用公文督办台" {
		t.Fatalf("first run shows %q", f.Title)
	}
	h.typeIn("单位名称", "东山区人民政府办公室")
	h.typeIn("发文代字", "东府办发")
	h.typeIn("操作员", "")
	h.saveFails("操作员")
	h.typeIn("操作员", "吴文书")
	h.save()
	st := u.desk.Settings()
	if st.OrgName != "东山区人民政府办公室" || u.operatorName != "吴文书" || st.Rules.WithinPowers != 5 {
		t.Fatalf("settings %+v", st)
	}
	u.show(ScreenSettings)
	u.settings.tabs.SelectIndex(settingsTabUnits)
	u.settings.unitForm(nil)
	h.typeIn("单位名称", "区水务局")
	h.save()
	if names := u.unitNames(); !slices.Contains(names, "区水务局") {
		t.Fatal("new unit not offered in the name fields")
	}
	u.Wait()
	if _, _, ok := data.LastBackup(h.backups, h.u.env.DataPath); !ok {
		t.Error("a new office has no backup on its first day")
	}
	u.settings.tabs.SelectIndex(settingsTabHolidays)
	u.settings.dayForm(app.DayOverride{})
	h.typeIn("日期", "2028-01-03")
	h.typeIn("名称", "元旦")
	h.save()
	if cal := u.desk.Calendar(); cal.IsWorkday(app.D(2028, 1, 3)) {
		t.Fatal("holiday not in the calendar")
	}
}

// The tables read the book page by page: opening 收文 of the sample office
// (about 200 documents) reads one page; scrolling down reads the next.
func TestTablesArePaged(t *testing.T) {
	h := newHarness(t, true)
	u := h.u
	u.show(ScreenIncoming)
	tb := u.incoming.table
	if tb.Total() <= widgets.PageSize || tb.LoadedPages() != 1 {
		t.Fatalf("total %d, pages loaded %d", tb.Total(), tb.LoadedPages())
	}
	if _, ok := tb.Row(widgets.PageSize + 5); !ok || tb.LoadedPages() != 2 {
		t.Fatalf("row beyond the first page: pages loaded %d", tb.LoadedPages())
	}
	// sorting by a header rereads from the first page
	tb.SortBy("title", false)
	if tb.LoadedPages() != 1 {
		t.Fatal("sorting did not start again from one page")
	}
	// every dashboard number opens a list of as many rows
	h.dash(cardDocsOverdue)
	for card, c := range u.dashboard.cards {
		want := c.n
		c.Tapped(nil)
		var got int
		switch u.current {
		case ScreenIncoming:
			got = u.incoming.table.Total()
		case ScreenOutgoing:
			got = u.outgoing.table.Total()
		case ScreenSeals:
			got = u.seals.table.Total()
		case ScreenItems:
			got = u.items.table.Total()
		case ScreenMeetings:
			got = u.meetings.table.Total()
		}
		if got != want {
			t.Errorf("card %s says %d, its list on %s shows %d", card, want, u.current, got)
		}
		h.dash(card)
	}
}
