package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// englishSelects lists the selects under root that would show Fyne's
// English "(Select one)" when nothing is chosen.
func englishSelects(root fyne.CanvasObject) []string {
	var bad []string
	for _, o := range test.LaidOutObjects(root) {
		if s, ok := o.(*widgets.Select); ok && !hasHan(s.PlaceHolder) {
			bad = append(bad, strings.Join(s.Options[:min(3, len(s.Options))], "、"))
		}
	}
	return bad
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

// The 用印登记簿 opens on the last month with uses, shows the 申请编号 as
// the paper does, and a date range of its own leaves a Chinese word, not
// "(Select one)", in the 月份 box.
func TestSealLogOpensOnUsesInChinese(t *testing.T) {
	h := newHarness(t, true)
	u := h.u
	used, err := app.All(func(p app.Page) ([]app.SealRequest, int, error) {
		return u.desk.Store.SealRequests(u.ctx, app.SealFilter{Statuses: []app.SealStatus{app.SealUsed}, Sort: "used_on", Page: p})
	})
	if err != nil || len(used) == 0 {
		t.Fatalf("%d uses (%v)", len(used), err)
	}
	last := used[len(used)-1]
	u.show(ScreenSeals)
	v := u.seals.logView()
	v.dlg.Show()
	if v.month.Selected != monthLabel(last.UsedOn) || v.table.Total() == 0 {
		t.Fatalf("the log opens on %q with %d uses, want %s", v.month.Selected, v.table.Total(), monthLabel(last.UsedOn))
	}
	row, _ := v.table.Row(0)
	found := false
	for c := 1; c < 4; c++ {
		found = found || v.table.Text(0, c) == row.Number
	}
	if !found {
		t.Errorf("no 申请编号 column (%s) in the first columns", row.Number)
	}

	v.from.SetDate(app.D(2026, 1, 1))
	v.to.SetDate(app.D(2026, 1, 20))
	test.Tap(findButton(t, u.win.Canvas().Overlays().Top(), "查询"))
	if v.month.Selected != "" || !hasHan(v.month.PlaceHolder) {
		t.Fatalf("after 查询 the 月份 box shows %q / %q", v.month.Selected, v.month.PlaceHolder)
	}
	v.dlg.Resize(fyne.NewSize(980, 640))
	shots(t, u, "seallog")
	if bad := englishSelects(u.win.Canvas().Overlays().Top()); len(bad) > 0 {
		t.Errorf("selects with an English placeholder: %v", bad)
	}
	v.dlg.Hide()
	for _, name := range navOrder {
		u.show(name)
		if bad := englishSelects(u.win.Content()); len(bad) > 0 {
			t.Errorf("%s: selects with an English placeholder: %v", name, bad)
		}
	}
}

// An empty date field's grey text cannot be read as a date.
func TestDatePlaceholderIsNoDate(t *testing.T) {
	test.NewTempApp(t)
	f := widgets.NewDateField(nil, false)
	if d, err := app.ParseDate(f.Entry.PlaceHolder); err == nil && !d.IsZero() {
		t.Fatalf("placeholder %q reads as the date %s", f.Entry.PlaceHolder, d)
	}
	if strings.ContainsAny(f.Entry.PlaceHolder, "0123456789") {
		t.Fatalf("placeholder %q looks like a value", f.Entry.PlaceHolder)
	}
}

// widthOf is the width of the column titled title.
func widthOf[T any](t *testing.T, cols []widgets.Column[T], title string) float32 {
	t.Helper()
	for _, c := range cols {
		if c.Title == title {
			return c.Width
		}
	}
	t.Fatalf("no column %q", title)
	return 0
}

// A long 文号 shows whole in the 收文 table, and the detail pane gives each
// value a label of its own, its labels in line.
func TestIncomingDocNoWholeAndLabels(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	docNo := "省政府办发〔2026〕123号"
	if need, got := widget.NewLabel(docNo).MinSize().Width, widthOf(t, u.incoming.incomingColumns(), "来文字号"); got < need {
		t.Errorf("来文字号 column %.0f px, %s needs %.0f", got, docNo, need)
	}
	in := app.Document{FromUnit: "区财政局", DocNo: "区财发〔2026〕12号", Title: "关于拨付防汛物资经费的请示", ReceivedOn: app.D(2026, 3, 9), Copies: 2, Pages: 4}
	if err := u.desk.RegisterIncoming(u.ctx, &in, false); err != nil {
		t.Fatal(err)
	}
	form := u.incoming.incomingDetails(in).(*widget.Form)
	labels := map[string]string{}
	for _, it := range form.Items {
		if txt, ok := it.Widget.(*widgets.Text); ok {
			labels[it.Text] = txt.Full()
		}
	}
	// labels of four characters at most, so that all start in line
	for label := range labels {
		if n := len([]rune(label)); n > 4 {
			t.Errorf("label %q is wider than the others", label)
		}
	}
	for label, want := range map[string]string{"份数": "2份", "页数": "4页", "密级": "无", "紧急程度": "平件", "文件类别": "办件"} {
		if labels[label] != want {
			t.Errorf("%s = %q, want %q (labels %v)", label, labels[label], want, labels)
		}
	}
	u.show(ScreenIncoming)
	u.incoming.table.Select(0)
	shots(t, u, "incoming")
}

// A draft's hit says 未编号; a match in the title leaves the 摘要 empty;
// a meeting's name fits the 编号 column.
func TestSearchNumberAndExcerpt(t *testing.T) {
	h := newHarness(t, false)
	u := h.u
	out := app.Document{IssuingCode: "测府办发", Title: "关于做好2026年防汛工作的通知", DraftUnit: "综合科", Drafter: "张文书",
		DraftedOn: app.D(2026, 3, 10)}
	if err := u.desk.DraftOutgoing(u.ctx, &out); err != nil {
		t.Fatal(err)
	}
	u.focusSearch()
	test.Type(u.searchBox, "防汛")
	u.searchBox.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	tbl := u.search.table
	if tbl.Total() != 1 {
		t.Fatalf("%d hits", tbl.Total())
	}
	if got := tbl.Text(0, 1); got != "未编号" {
		t.Errorf("编号 of a draft = %q", got)
	}
	if got := tbl.Text(0, 3); got != "" {
		t.Errorf("摘要 repeats the title: %q", got)
	}
	name := "十八届政府第13次常务会议"
	if need, got := widget.NewLabel(name).MinSize().Width, widthOf(t, searchColumns(), "编号"); got < need {
		t.Errorf("编号 column %.0f px, %s needs %.0f", got, name, need)
	}
	shots(t, u, "search")
}

// shots renders the window at 1024×700 and 1280×800 into the folder
// GONGWEN_SHOTS names, when it is set.
func shots(t *testing.T, u *UI, name string) {
	t.Helper()
	dir := os.Getenv("GONGWEN_SHOTS")
	if dir == "" {
		return
	}
	for _, size := range []fyne.Size{{Width: 1024, Height: 700}, {Width: 1280, Height: 800}} {
		u.win.Resize(size)
		u.Wait()
		writePNG(t, u, filepath.Join(dir, name+"-"+fmt.Sprint(size.Width)+".png"))
	}
	u.win.Resize(fyne.NewSize(1280, 800))
}
