package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// TestScreenshots renders every main screen and the main dialogs with the
// sample office to PNG, at 1280×800 and 1920×1080, and the 收文 screen also
// at 1024×700, the smallest window the program is laid out for:
//
//	GONGWEN_SCREENSHOTS=../docs/screenshots go test -tags sqlite_fts5,no_emoji -run TestScreenshots ./ui/
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("GONGWEN_SCREENSHOTS")
	if dir == "" {
		t.Skip("set GONGWEN_SCREENSHOTS to a folder to write the screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	sizes := []struct {
		fyne.Size
		suffix string
		only   string // the one scene taken at this size ("" for all)
	}{
		{fyne.Size{Width: 1280, Height: 800}, "", ""},
		{fyne.Size{Width: 1920, Height: 1080}, "-1920", ""},
		{fyne.Size{Width: 1024, Height: 700}, "-1024", "02-incoming"},
	}
	for _, size := range sizes {
		h := newHarness(t, true)
		h.u.win.Resize(size.Size)
		h.u.env.DataPath = `D:\公文督办台\gongwen.db` // what an office sees, not the test's temp folder
		h.u.env.BackupDir = `D:\公文督办台\备份`
		h.u.refreshStatus()
		suffix := size.suffix
		shot := func(name string) {
			t.Helper()
			h.u.Wait()
			img := h.u.win.Canvas().Capture()
			f, err := os.Create(filepath.Join(dir, name+suffix+".png"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := png.Encode(f, img); err != nil {
				t.Fatal(err)
			}
		}
		for _, s := range screenshotScenes(h) {
			if size.only != "" && s.name != size.only {
				continue
			}
			s.setup()
			shot(s.name)
			if s.teardown != nil {
				s.teardown()
			}
		}
	}
}

type scene struct {
	name            string
	setup, teardown func()
}

func screenshotScenes(h *harness) []scene {
	u := h.u
	closeForm := func() {
		for u.forms.Top() != nil {
			u.forms.Top().Hide()
		}
	}
	selectFirst := func(sel func(int)) { sel(0) }
	hideDialog := func() {
		if top := u.win.Canvas().Overlays().Top(); top != nil {
			top.Hide()
		}
	}
	return []scene{
		{name: "01-dashboard", setup: func() { u.show(ScreenDashboard) }},
		{name: "02-incoming", setup: func() { u.show(ScreenIncoming); selectFirst(u.incoming.table.Select) }},
		{name: "03-outgoing", setup: func() { u.show(ScreenOutgoing); selectFirst(u.outgoing.table.Select) }},
		{name: "04-seals", setup: func() { u.show(ScreenSeals); selectFirst(u.seals.table.Select) }},
		{name: "05-supervision", setup: func() { u.show(ScreenItems); selectFirst(u.items.table.Select) }},
		{name: "06-meetings", setup: func() { u.show(ScreenMeetings); selectFirst(u.meetings.table.Select) }},
		{name: "07-settings", setup: func() { u.show(ScreenSettings); u.settings.tabs.SelectIndex(settingsTabOffice) }},
		{name: "08-settings-leaders", setup: func() { u.settings.tabs.SelectIndex(settingsTabLeaders) }},
		{name: "09-settings-holidays", setup: func() { u.settings.tabs.SelectIndex(settingsTabHolidays) }},
		{name: "10-search", setup: func() { u.runSearch("财政") }},
		{name: "11-register-form", setup: func() { u.show(ScreenIncoming); u.incoming.create() }, teardown: closeForm},
		{name: "12-register-error", setup: func() {
			u.show(ScreenIncoming)
			u.incoming.create()
			f := u.forms.Top()
			f.Get("文件标题").(interface{ SetText(string) }).SetText("")
			f.Get("来文单位").(interface{ SetText(string) }).SetText("市人民政府办公室")
			f.Get("成文日期").(interface{ SetDate(app.Date) }).SetDate(app.Date{})
			u.shortcutSave()
		}, teardown: closeForm},
		{name: "13-monthly-report", setup: func() { u.showMonthlyReport() }, teardown: closeForm},
		{name: "14-meeting-form", setup: func() {
			u.show(ScreenMeetings)
			u.meetings.table.Select(0)
			u.meetings.meetingForm(u.meetings.sel)
		}, teardown: closeForm},
		{name: "15-welcome", setup: func() { u.show(ScreenDashboard); u.showWelcome() }, teardown: closeForm},
		{name: "16-typeahead", setup: func() {
			u.show(ScreenIncoming)
			u.incoming.create()
			test.Type(u.forms.Top().Get("来文单位").(*widgets.NameField), "区财")
		}, teardown: func() {
			u.forms.Top().Get("来文单位").(*widgets.NameField).HideSuggestions()
			closeForm()
		}},
		{name: "17-assign-form", setup: func() {
			u.show(ScreenIncoming)
			u.incoming.showView(viewInstruction)
			u.incoming.table.Select(0)
			u.incoming.assignForm(*u.incoming.sel)
		}, teardown: closeForm},
		{name: "18-circulate-form", setup: func() {
			u.incoming.table.Select(0)
			u.incoming.circulateForm(*u.incoming.sel)
		}, teardown: closeForm},
		{name: "19-seal-approve", setup: func() {
			u.show(ScreenSeals)
			u.seals.showView(viewSealsWaiting)
			u.seals.table.Select(0)
			u.seals.approveForm(*u.seals.sel)
		}, teardown: closeForm},
		{name: "20-date-picker", setup: func() {
			u.show(ScreenItems)
			u.items.create()
			u.forms.Top().Get("完成时限").(*widgets.DateField).OpenPicker()
		}, teardown: func() {
			for _, o := range u.win.Canvas().Overlays().List() {
				if p, ok := o.(*widget.PopUp); ok {
					p.Hide()
				}
			}
			closeForm()
		}},
		{name: "21-settings-fonts", setup: func() { u.show(ScreenSettings); u.settings.tabs.SelectIndex(settingsTabFonts) }},
		{name: "22-settings-data", setup: func() { u.settings.tabs.SelectIndex(settingsTabData) }},
		{name: "23-item-form", setup: func() { u.show(ScreenItems); u.items.create() }, teardown: closeForm},
		{name: "24-import-preview", setup: func() {
			u.show(ScreenIncoming)
			u.incoming.fb.clear()
			u.incoming.table.Select(0)
			u.incoming.port.importFile(screenshotRegister(h.t))
		}, teardown: func() { u.incoming.port.preview.hide() }},
		{name: "25-export-dialog", setup: func() { u.show(ScreenIncoming); u.incoming.port.exportForm() }, teardown: closeForm},
		{name: "26-setup-leaders", setup: func() {
			u.show(ScreenDashboard)
			u.guidedSetup(2)
			rows := u.forms.Top().Get("领导").(*widgets.RowEditor).Rows()
			rows[0][0].(*widgets.Entry).SetText("王建国")
			rows[2][0].(*widgets.Entry).SetText("李晓红")
			rows[2][2].(*widgets.Entry).SetText("教育、卫生健康、民政、人社")
			rows[3][0].(*widgets.Entry).SetText("陈志远")
		}, teardown: closeForm},
		{name: "27-setup-seals", setup: func() { u.guidedSetup(3) }, teardown: closeForm},
		{name: "28-setup-fonds", setup: func() { u.guidedSetup(4) }, teardown: closeForm},
		{name: "29-seal-log", setup: func() { u.show(ScreenSeals); u.seals.showLog() }, teardown: hideDialog},
		{name: "30-unsaved-question", setup: func() {
			h.newIncoming("关于拨付防汛物资经费的请示")
			u.quit()
		}, teardown: func() { test.Tap(h.overlayButton("取消")); closeForm() }},
		{name: "31-print-no-viewer", setup: func() {
			u.show(ScreenIncoming)
			selectFirst(u.incoming.table.Select)
			// the path an office sees on Windows, not the test's temp folder
			u.showPrintedFile(paper{name: "收文处理笺"}, `C:\Users\张文书\AppData\Local\Temp\公文督办台\打印\收文处理笺-3958120467.pdf`, "")
		}, teardown: hideDialog},
		{name: "32-holiday-notice", setup: func() {
			u.show(ScreenSettings)
			u.settings.tabs.SelectIndex(settingsTabHolidays)
			h.tapButton("从通知导入…")
			notice, err := os.ReadFile(filepath.Join("..", "app", "testdata", "holidays", "2030-invented.txt"))
			if err != nil {
				h.t.Fatal(err)
			}
			h.form().Get("通知全文").(*widgets.Entry).SetText(string(notice))
			h.save()
		}, teardown: func() { u.settings.notice.dlg.Hide(); closeForm() }},
		{name: "33-supervision-slips", setup: func() {
			due, err := h.desk.LadderDue(u.ctx)
			if err != nil {
				h.t.Fatal(err)
			}
			for _, s := range due {
				if s.Next == app.SlipNotice && !s.ReportLate {
					u.show(ScreenItems)
					u.items.open(s.Item.ID)
					tapAction(h, u.items.book, "打印督查文书")
					return
				}
			}
			h.t.Fatal("the sample office has no item due a 督办通知单")
		}, teardown: func() { u.items.menu.Hide() }},
		{name: "34-search-marks", setup: func() { u.runSearch("防汛") }},
		{name: "36-settings-signing", setup: func() { u.show(ScreenSettings); u.settings.tabs.SelectIndex(settingsTabSigning) }},
		{name: "37-settings-absences", setup: func() { u.settings.tabs.SelectIndex(settingsTabAbsences) }},
		{name: "38-server-form", setup: func() { u.show(ScreenDashboard); u.showServerForm() }, teardown: closeForm},
		{name: "39-draft-form", setup: func() { u.show(ScreenOutgoing); u.outgoing.create() }, teardown: closeForm},
		{name: "35-grey-button-why", setup: func() {
			d := heldDocument(h, "拟呈周启明常务副区长阅示，请区财政局牵头办理。", "周启明", "王建国") // last: it adds a document to the office
			u.show(ScreenIncoming)
			u.incoming.open(d.ID)
			test.Tap(u.incoming.book.blocked["归档"])
		}, teardown: func() { u.incoming.book.blocked["归档"].MouseOut() }},
	}
}

// screenshotRegister is a year's 收文登记簿 kept in Excel by an office: a
// title, its own column names, a running 序号 that is not imported, and a
// date that does not exist.
func screenshotRegister(t *testing.T) string {
	t.Helper()
	rows := [][]any{
		{"示例区人民政府办公室2026年收文登记簿"},
		{"序号", "收到日期", "来文机关", "文件字号", "文件名称", "密级", "份数", "缓急", "承办科室", "办结时限", "备注"},
		{1, "2026.1.5", "市人民政府办公室", "市府办发[2026]1号", "关于做好2026年元旦春节期间有关工作的通知", "", 2, "急件", "区应急管理局", "5", ""},
		{2, "2026年1月6日", "市财政局", "市财预【2026】2号", "关于提前下达2026年转移支付资金的通知", "", 1, "", "区财政局", "10", ""},
		{3, "2026-01-07", "东城街道", "东街办〔2026〕1号", "关于老旧小区改造资金的请示", "", 1, "", "", "", "待拟办"},
		{4, "2026-02-30", "区教育局", "示教〔2026〕3号", "关于春季学期开学准备工作情况的报告", "", 1, "", "", "", ""},
		{5, "2026-01-09", "市生态环境局", "市环发〔2026〕4号", "关于开展冬季大气污染防治专项检查的通知", "", 2, "特急", "区生态环境分局", "3", ""},
	}
	return writeRegister(t, "2026年", "K1", rows)
}
