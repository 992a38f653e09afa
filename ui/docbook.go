package ui

import (
	"context"
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/exchange"
	"gongwen/ui/widgets"
)

// docBook is 收文 or 发文: one register of documents.
type docBook struct {
	*book[app.Document]
	dir app.Direction

	fb      *filterBar
	year    *widgets.Select
	status  *widgets.Select
	urgency *widgets.Select
	view    *widgets.Select
	unit    *widgets.NameField
	text    *widgets.Entry
	from    *widgets.DateField
	to      *widgets.DateField
	preset  func(*app.DocumentFilter) // a dashboard view beyond the widgets
	port    *porter                   // 导入, 导出
}

// The quick views of a register (and of the dashboard's numbers).
const (
	viewAll         = "全部"
	viewOverdue     = "逾期未办结"
	viewDueSoon     = "临近办理时限"
	viewProposal    = "待拟办"
	viewInstruction = "待批示"
	viewAssigned    = "承办中"
	viewUnreturned  = "传阅未退回"
	viewInProgress  = "办理中"
)

func newDocBook(u *UI, dir app.Direction) *docBook {
	b := &docBook{dir: dir}
	b.book = &book[app.Document]{u: u, title: dir.Label() + "登记簿", entity: app.EntityDocument,
		id: func(d app.Document) int64 { return d.ID },
		load: func(ctx context.Context, id int64) (app.Document, error) {
			return deref(u.desk.Store.Document(ctx, id))
		},
	}
	b.heading = b.headingOf
	b.buildFilters()
	if dir == app.Incoming {
		b.table = widgets.NewPagedTable(b.incomingColumns(), b.id, b.fetch)
		b.details = b.incomingDetails
		b.actions = b.incomingActions()
		b.tools = []fyne.CanvasObject{b.newButton("登记收文"), widget.NewButtonWithIcon("归档目录", theme.DocumentPrintIcon(), b.printCatalog)}
	} else {
		b.table = widgets.NewPagedTable(b.outgoingColumns(), b.id, b.fetch)
		b.details = b.outgoingDetails
		b.actions = b.outgoingActions()
		b.tools = []fyne.CanvasObject{b.newButton("拟稿登记"), widget.NewButtonWithIcon("归档目录", theme.DocumentPrintIcon(), b.printCatalog)}
	}
	b.port = &porter{u: u, title: b.title, book: exchange.Docs, dir: dir, count: func() int { return b.table.Total() }, reload: b.refresh,
		filtered: func() exportFunc { return exportWith(u.desk, b.filter(), exchange.ExportDocuments) }}
	b.tools = append(b.tools, b.port.tools()...)
	b.table.SetSort("serial", true)
	b.build()
	return b
}

func deref[T any](p *T, err error) (T, error) {
	var zero T
	if err != nil || p == nil {
		return zero, err
	}
	return *p, nil
}

func (b *docBook) newButton(label string) *widget.Button {
	btn := widget.NewButtonWithIcon(label+"（Ctrl+N）", theme.ContentAddIcon(), b.create)
	btn.Importance = widget.HighImportance
	return btn
}

func (b *docBook) create() {
	if b.dir == app.Incoming {
		b.registerForm(nil)
	} else {
		b.draftForm(nil)
	}
}

func (b *docBook) buildFilters() {
	b.fb = newFilterBar(func() {
		if b.table != nil {
			b.table.Reload()
		}
	})
	today := b.u.desk.Today()
	b.year = b.fb.choice("年度", yearOptions(today), 90)
	views := []string{viewOverdue, viewDueSoon, viewProposal, viewInstruction, viewAssigned, viewUnreturned}
	statuses := app.IncomingStatuses
	if b.dir == app.Outgoing {
		views = []string{viewInProgress}
		statuses = app.OutgoingStatuses
	}
	b.view = b.fb.choice("视图", views, 120)
	var labels []string
	for _, s := range statuses {
		labels = append(labels, s.Label())
	}
	b.status = b.fb.choice("状态", labels, 90)
	b.urgency = b.fb.choice("紧急程度", strs(app.Urgencies), 80)
	b.fb.newline()
	b.unit = b.fb.unit("单位", b.u.unitNames, 150)
	label := "收文日期"
	if b.dir == app.Outgoing {
		label = "拟稿日期"
	}
	b.from, b.to = b.fb.dates(label, b.u.desk)
	b.text = b.fb.text("关键词", "标题、文号、批示…", 160)
	b.fb.buttons()
	b.fb.resets = append(b.fb.resets, func() { b.preset = nil })
	b.filters = b.fb.box
}

// filter is the store query the filter bar describes.
func (b *docBook) filter() app.DocumentFilter {
	f := app.DocumentFilter{Direction: b.dir, Year: selectedYear(b.year), Unit: strings.TrimSpace(b.unit.Text),
		Text: strings.TrimSpace(b.text.Text)}
	f.From, _ = b.from.Date()
	f.To, _ = b.to.Date()
	if u := b.urgency.Selected; u != "全部" {
		f.Urgency = app.Urgency(u)
	}
	statuses := app.IncomingStatuses
	if b.dir == app.Outgoing {
		statuses = app.OutgoingStatuses
	}
	for _, s := range statuses {
		if s.Label() == b.status.Selected {
			f.Statuses = []app.DocStatus{s}
		}
	}
	q := b.u.desk.DashboardQuery()
	switch b.view.Selected {
	case viewOverdue:
		f.DueBefore = q.Today
	case viewDueSoon:
		f.DueFrom, f.DueTo = q.Today, q.WarnUntil
	case viewProposal:
		f.Statuses = []app.DocStatus{app.StatusRegistered}
	case viewInstruction:
		f.Statuses = []app.DocStatus{app.StatusProposed}
	case viewAssigned:
		f.Statuses = []app.DocStatus{app.StatusAssigned}
	case viewUnreturned:
		f.Unreturned = true
	case viewInProgress:
		f.Statuses = []app.DocStatus{app.StatusDrafted, app.StatusChecked, app.StatusReviewed, app.StatusSigned}
	}
	if b.preset != nil {
		b.preset(&f)
	}
	return f
}

func (b *docBook) fetch(sort string, desc bool, p app.Page) ([]app.Document, int, error) {
	f := b.filter()
	f.Sort, f.Desc, f.Page = sort, desc, p
	return b.u.desk.Store.Documents(b.u.ctx, f)
}

// showView opens the register on one of its quick views (from 工作台).
func (b *docBook) showView(view string) { b.fb.showOnly(b.view, view) }

// statusChip is the document's status, red when overdue, yellow when due
// within the warning window.
func (b *docBook) statusChip(d app.Document) (string, color.Color) {
	today := b.u.desk.Today()
	switch {
	case d.OverdueOn(today):
		return "逾期", widgets.ColourRed
	case d.Status == app.StatusAssigned && !d.DueOn.IsZero() && !d.DueOn.After(b.u.desk.DashboardQuery().WarnUntil):
		return "临期", widgets.ColourYellow
	}
	switch d.Status {
	case app.StatusRegistered, app.StatusDrafted:
		return d.Status.Label(), widgets.ColourPurple
	case app.StatusProposed, app.StatusChecked, app.StatusReviewed, app.StatusSigned, app.StatusInstructed:
		return d.Status.Label(), widgets.ColourBlue
	case app.StatusAssigned:
		return d.Status.Label(), widgets.ColourBlue
	case app.StatusDone, app.StatusIssued:
		return d.Status.Label(), widgets.ColourGreen
	}
	return d.Status.Label(), widgets.ColourGrey
}

func (b *docBook) headingOf(d app.Document) (string, []*widgets.Chip) {
	st, col := b.statusChip(d)
	chips := nonNil(chip(st, col), secrecyChip(d.Secrecy), urgencyChip(d.Urgency))
	if d.Kind == app.KindReading {
		chips = append(chips, chip("阅件", widgets.ColourGrey))
	}
	if d.DuplicateOf != 0 {
		chips = append(chips, chip("疑似重复", widgets.ColourYellow))
	}
	num := d.Serial
	if num == "" {
		num = "（未编号）"
	}
	return num + "　" + d.Title, chips
}

// title with a ★ mark for classified documents, everywhere in lists.
func docTitle(d app.Document) string {
	if d.Secrecy.Classified() {
		return "★" + string(d.Secrecy) + "｜" + d.Title
	}
	return d.Title
}

func urgencyText(d app.Document) string {
	if d.Urgency == app.UrgencyNormal {
		return ""
	}
	return string(d.Urgency)
}

// dueText is the due date with a mark when the calendar did not cover it.
func dueText(d app.Document) string {
	if d.DueOn.IsZero() {
		return ""
	}
	if d.DueUncertain {
		return d.DueOn.String() + "（待核）"
	}
	return d.DueOn.String()
}

// archiveForm files a done or issued document.
func (b *docBook) archiveForm(d app.Document) {
	f := b.u.newForm("归档", "归档")
	year := d.Year
	if year == 0 {
		year = b.u.desk.Today().Year
	}
	yearE := intField("归档年度", year)
	var labels []string
	for _, r := range app.Retentions {
		labels = append(labels, r.Label())
	}
	ret := selectField(labels, app.Retain30.Label())
	st := b.u.desk.Settings()
	f.Top(wrapLabel(d.Title))
	f.Field("归档年度", yearE).Field("保管期限", ret)
	f.Bottom(note(fmt.Sprintf("档号按 全宗号-WS·年度-保管期限-机构代码-件号 编制；全宗号 %s，机构代码 %s（在“设置—单位信息”中修改）。件号自动取下一个。", orDash(st.FondsCode), orDash(st.OrgCode))))
	f.Show(func(bool) error {
		y, err := parseInt("归档年度", yearE.Text)
		if err != nil {
			return err
		}
		r := app.Retain30
		for _, x := range app.Retentions {
			if x.Label() == ret.Selected {
				r = x
			}
		}
		out, err := b.u.desk.Archive(b.u.ctx, d.ID, y, r)
		if err == nil {
			b.done(*out)
		}
		return err
	})
}

func (b *docBook) printCatalog() {
	f := b.u.newForm("打印归档文件目录", "打印")
	year := intField("年度", b.u.desk.Today().Year)
	f.Field("归档年度", year)
	f.Bottom(note("列出该年度已归档的" + b.dir.Label() + "，按件号排列（A4横向）。"))
	f.Show(func(bool) error {
		y, err := parseInt("年度", year.Text)
		if err != nil {
			return err
		}
		b.u.printPaper(catalogPaper(b.u, b.dir, y), false)
		return nil
	})
}

func (b *docBook) print() {
	if b.sel == nil {
		widgets.ShowMessage(b.u.win, "打印", "请先在表格中选择一份公文。")
		return
	}
	if b.dir == app.Incoming {
		b.u.printPaper(handlingSlipPaper(*b.sel), false)
	} else {
		b.u.printPaper(outgoingPaper(*b.sel), false)
	}
}

func (b *docBook) exportPDF(d app.Document) { b.u.printPaper(b.paperOf(d), true) }

func (b *docBook) exportOFD(d app.Document) { b.u.exportOFD(b.paperOf(d)) }

// paperOf is the form of a document: its 收文处理笺 or 发文稿纸.
func (b *docBook) paperOf(d app.Document) paper {
	if b.dir == app.Incoming {
		return handlingSlipPaper(d)
	}
	return outgoingPaper(d)
}

// instructionsText lists the 批示 of a document.
func instructionsText(d app.Document) string {
	var lines []string
	for _, in := range d.Instructions {
		lines = append(lines, fmt.Sprintf("%s（%s）：%s", in.Leader, in.On, in.Text))
	}
	return strings.Join(lines, "\n")
}
