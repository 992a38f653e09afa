package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// 工作台: the counts of the day; each number opens its list.

type dashboardScreen struct {
	u       *UI
	root    fyne.CanvasObject
	date    *widget.Label
	warning *fyne.Container
	warnTxt *widget.Label
	cards   map[string]*statCard
	lists   *fyne.Container
	ladder  *fyne.Container // items due a 催办单 or 督办通知单, or late with a report
	away    *fyne.Container // leaders away this week (dashboard_away.go)
	// ladderAll: the whole list asked for, not its first ladderShown
	ladderAll bool
	stale     bool
	last      app.Dashboard

	// damage says the data file is damaged (health.go)
	damage    *fyne.Container
	damageTxt *widget.Label
}

// The cards of the dashboard, by key.
const (
	cardDocsOverdue   = "收文逾期未办结"
	cardDocsDueSoon   = "收文临近时限"
	cardProposal      = "待拟办"
	cardInstruction   = "待领导批示"
	cardCirculation   = "传阅未退回"
	cardOutgoing      = "发文办理中"
	cardSealsWaiting  = "用印待审批"
	cardSealsApproved = "已批准待用印"
	cardItemsRed      = "督办红色（逾期）"
	cardItemsYellow   = "督办黄色（临期）"
	cardItemsBlue     = "督办蓝色（正常）"
	cardMeetings      = "本周会议"
)

func newDashboard(u *UI) *dashboardScreen {
	d := &dashboardScreen{u: u, cards: map[string]*statCard{}}
	d.date = heading("")
	d.warnTxt = wrapLabel("")
	d.warnTxt.Importance = widget.WarningImportance
	fix := widget.NewButton("去录入节假日", func() { u.show(ScreenSettings); u.settings.tabs.SelectIndex(settingsTabHolidays) })
	d.warning = container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), fix, d.warnTxt)
	group := func(title string, keys []string, colours []color.Color, open []func()) fyne.CanvasObject {
		row := container.NewGridWithColumns(len(keys))
		for i, k := range keys {
			c := newStatCard(k, colours[i], open[i])
			d.cards[k] = c
			row.Add(c)
		}
		return container.NewVBox(sectionLabel(title), row)
	}
	neutral := color.Color(primary)
	docs := group("收文", []string{cardDocsOverdue, cardDocsDueSoon, cardProposal, cardInstruction, cardCirculation},
		[]color.Color{widgets.ColourRed, widgets.ColourYellow, neutral, neutral, neutral},
		[]func(){
			func() { d.openDocs(viewOverdue) }, func() { d.openDocs(viewDueSoon) }, func() { d.openDocs(viewProposal) },
			func() { d.openDocs(viewInstruction) }, func() { d.openDocs(viewUnreturned) },
		})
	items := group("督查督办（三色预警）", []string{cardItemsRed, cardItemsYellow, cardItemsBlue},
		[]color.Color{widgets.ColourRed, widgets.ColourYellow, widgets.ColourBlue},
		[]func(){func() { d.openItems(viewRed) }, func() { d.openItems(viewYellow) }, func() { d.openItems(viewBlue) }})
	other := group("发文、用印和会议", []string{cardOutgoing, cardSealsWaiting, cardSealsApproved, cardMeetings},
		[]color.Color{neutral, widgets.ColourYellow, neutral, neutral},
		[]func(){
			func() { u.show(ScreenOutgoing); u.outgoing.showView(viewInProgress) },
			func() { u.show(ScreenSeals); u.seals.showView(viewSealsWaiting) },
			func() { u.show(ScreenSeals); u.seals.showView(viewSealsApproved) },
			func() { u.show(ScreenMeetings); u.meetings.showView(viewThisWeek) },
		})
	d.lists = widgets.NewFlow() // side by side, or one under the other on a narrow screen
	d.ladder = container.NewVBox()
	d.away = container.NewVBox()
	quick := widgets.NewFlowEnd(
		widget.NewButtonWithIcon("登记收文", theme.ContentAddIcon(), func() { u.show(ScreenIncoming); u.incoming.create() }),
		widget.NewButtonWithIcon("拟稿登记", theme.ContentAddIcon(), func() { u.show(ScreenOutgoing); u.outgoing.create() }),
		widget.NewButtonWithIcon("用印申请", theme.ContentAddIcon(), func() { u.show(ScreenSeals); u.seals.create() }),
		widget.NewButtonWithIcon("督办事项", theme.ContentAddIcon(), func() { u.show(ScreenItems); u.items.create() }),
		widget.NewButtonWithIcon("月度督查通报", theme.DocumentPrintIcon(), u.showMonthlyReport),
	)
	body := container.NewVBox(container.NewBorder(nil, nil, d.date, nil, quick), d.damageBanner(), d.warning, docs, items, other, d.away, widget.NewSeparator(), d.lists, widget.NewSeparator(), d.ladder)
	d.root = container.NewVScroll(container.NewPadded(body))
	d.checkDamage()
	return d
}

func (d *dashboardScreen) openDocs(view string) {
	d.u.show(ScreenIncoming)
	d.u.incoming.showView(view)
}

func (d *dashboardScreen) openItems(view string) {
	d.u.show(ScreenItems)
	d.u.items.showView(view)
}

func (d *dashboardScreen) content() fyne.CanvasObject { return d.root }

func (d *dashboardScreen) refresh() {
	d.stale = false
	today := d.u.desk.Today()
	d.date.SetText(fmt.Sprintf("%s %s", today.Chinese(), weekdayCN(today)))
	if w := d.u.desk.CalendarWarning(); w != "" {
		d.warnTxt.SetText(w)
		d.warning.Show()
	} else {
		d.warning.Hide()
	}
	q := d.u.desk.DashboardQuery()
	s, err := d.u.desk.Store.Dashboard(d.u.ctx, q)
	if err != nil {
		d.u.showError(err)
		return
	}
	d.last = s
	set := func(k string, n int) { d.cards[k].set(n) }
	set(cardDocsOverdue, s.DocsOverdue)
	set(cardDocsDueSoon, s.DocsDueSoon)
	set(cardProposal, s.AwaitingProposal)
	set(cardInstruction, s.AwaitingInstruction)
	set(cardCirculation, s.CirculationOut)
	set(cardOutgoing, s.OutgoingInProgress)
	set(cardSealsWaiting, s.SealsAwaiting)
	set(cardSealsApproved, s.SealsApproved)
	set(cardItemsRed, s.ItemsRed)
	set(cardItemsYellow, s.ItemsYellow)
	set(cardItemsBlue, s.ItemsBlue)
	set(cardMeetings, s.MeetingsThisWeek)
	d.fillLists(q)
	d.fillLadder()
	d.fillAway()
}

// ladderShown is how many items the 催办督办 list names before "…".
const ladderShown = 10

// fillLadder lists the items whose next step is due: a 催办单, a 督办通知单,
// or a progress report the unit owes.
func (d *dashboardScreen) fillLadder() {
	steps, err := d.u.desk.LadderDue(d.u.ctx)
	d.showLadder(steps, err)
}

// showLadder lays out the steps read; "显示全部" shows the same steps again
// in full rather than reading every open item a second time.
func (d *dashboardScreen) showLadder(steps []app.LadderStep, err error) {
	d.ladder.Objects = []fyne.CanvasObject{sectionLabel("应催办、督办的事项")}
	if err != nil {
		d.ladder.Add(note("未能读取：" + app.ErrorMessage(err)))
	}
	for i, s := range steps {
		if i == ladderShown && !d.ladderAll {
			more := widget.NewButton(fmt.Sprintf("显示全部（还有%d项）", len(steps)-ladderShown), func() { d.ladderAll = true; d.showLadder(steps, nil) })
			more.Importance = widget.LowImportance
			d.ladder.Add(container.NewHBox(more))
			break
		}
		b := widget.NewButton(fmt.Sprintf("%s　%s　%s　—　%s", s.Item.Number, ellipsis(s.Item.Title, 12), ellipsis(s.Item.LeadUnit, 7), ellipsis(s.Reason(), 20)), func() {
			d.u.show(ScreenItems)
			d.u.items.open(s.Item.ID)
		})
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		d.ladder.Add(container.NewBorder(nil, nil, chip(s.Colour.Label(), colourOf(s.Colour)), nil, b))
	}
	if len(steps) == 0 && err == nil {
		d.ladder.Add(note("今天没有需要催办、督办的事项。"))
	}
	d.ladder.Refresh()
}

// ladderLines are the items the 催办督办 list names (for tests).
func (d *dashboardScreen) ladderLines() []string {
	var out []string
	for _, o := range d.ladder.Objects {
		if c, ok := o.(*fyne.Container); ok {
			for _, x := range c.Objects {
				if b, ok := x.(*widget.Button); ok {
					out = append(out, b.Text)
				}
			}
		}
	}
	return out
}

// Count is the number shown on a card (for tests).
func (d *dashboardScreen) count(card string) int { return d.cards[card].n }

// fillLists shows the first overdue documents and red items by name.
func (d *dashboardScreen) fillLists(q app.DashboardQuery) {
	docs, _, _ := d.u.desk.Store.Documents(d.u.ctx, app.DocumentFilter{Direction: app.Incoming, DueBefore: q.Today, Sort: "due_on", Page: app.Page{Limit: 8}})
	items, _, _ := d.u.desk.Store.Items(d.u.ctx, app.ItemFilter{DeadlineBefore: q.Today, Sort: "deadline", Page: app.Page{Limit: 8}})
	left := container.NewVBox(sectionLabel("逾期未办结的收文"))
	for _, doc := range docs {
		b := widget.NewButton(fmt.Sprintf("%s　%s　%s", doc.DueOn, ellipsis(doc.Title, 16), ellipsis(doc.LeadUnit, 7)), func() {
			d.u.show(ScreenIncoming)
			d.u.incoming.open(doc.ID)
		})
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		left.Add(b)
	}
	if len(docs) == 0 {
		left.Add(note("没有逾期的收文。"))
	}
	right := container.NewVBox(sectionLabel("逾期的督办事项"))
	for _, it := range items {
		b := widget.NewButton(fmt.Sprintf("%s　%s　%s", it.CurrentDeadline(), ellipsis(it.Title, 16), ellipsis(it.LeadUnit, 7)), func() {
			d.u.show(ScreenItems)
			d.u.items.open(it.ID)
		})
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		right.Add(b)
	}
	if len(items) == 0 {
		right.Add(note("没有逾期的督办事项。"))
	}
	d.lists.Objects = []fyne.CanvasObject{left, right}
	d.lists.Refresh()
}

// statCard is a big number with its label; a click opens the list.
type statCard struct {
	widget.BaseWidget
	label  string
	colour color.Color
	onTap  func()
	n      int
	num    *canvas.Text
	bg     *canvas.Rectangle
	hover  bool
}

func newStatCard(label string, c color.Color, onTap func()) *statCard {
	s := &statCard{label: label, colour: c, onTap: onTap}
	s.ExtendBaseWidget(s)
	return s
}

func (s *statCard) set(n int) {
	s.n = n
	if s.num != nil {
		s.num.Text = fmt.Sprint(n)
		s.num.Color = s.numColour()
		s.num.Refresh()
	}
}

func (s *statCard) numColour() color.Color {
	if s.n == 0 {
		return widgets.ColourGrey
	}
	if s.colour == color.Color(widgets.ColourYellow) {
		return color.NRGBA{R: 0xc0, G: 0x78, B: 0x00, A: 0xff}
	}
	return s.colour
}

func (s *statCard) Tapped(*fyne.PointEvent) {
	if s.onTap != nil {
		s.onTap()
	}
}

func (s *statCard) Cursor() desktop.Cursor { return desktop.PointerCursor }
func (s *statCard) MouseIn(*desktop.MouseEvent) {
	s.bg.StrokeColor = primary
	s.bg.Refresh()
}
func (s *statCard) MouseMoved(*desktop.MouseEvent) {}
func (s *statCard) MouseOut() {
	s.bg.StrokeColor = color.NRGBA{R: 0xdd, G: 0xe1, B: 0xe8, A: 0xff}
	s.bg.Refresh()
}

func (s *statCard) CreateRenderer() fyne.WidgetRenderer {
	s.bg = canvas.NewRectangle(color.White)
	s.bg.CornerRadius = 6
	s.bg.StrokeWidth = 1
	s.bg.StrokeColor = color.NRGBA{R: 0xdd, G: 0xe1, B: 0xe8, A: 0xff}
	bar := canvas.NewRectangle(s.colour)
	s.num = canvas.NewText(fmt.Sprint(s.n), s.numColour())
	s.num.TextSize = 30
	s.num.TextStyle.Bold = true
	lbl := widget.NewLabel(s.label)
	content := container.NewBorder(nil, nil, container.New(&minWidth{w: 5}, bar), nil,
		container.NewPadded(container.NewVBox(s.num, lbl)))
	return widget.NewSimpleRenderer(container.NewStack(s.bg, content))
}
