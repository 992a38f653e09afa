package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
)

// fillAway lists the leaders away this week (003 第四十四条), each with
// his stand-in, from the register of 设置—领导外出.
func (d *dashboardScreen) fillAway() {
	away, err := d.u.desk.AwayThisWeek(d.u.ctx)
	register := widget.NewButton("登记外出", func() {
		d.u.show(ScreenSettings)
		d.u.settings.tabs.SelectIndex(settingsTabAbsences)
	})
	register.Importance = widget.LowImportance
	d.away.Objects = []fyne.CanvasObject{container.NewHBox(sectionLabel("本周外出的领导"), layout.NewSpacer(), register)}
	switch {
	case err != nil:
		d.away.Add(note("未能读取：" + app.ErrorMessage(err)))
	case len(away) == 0:
		d.away.Add(note("本周没有登记外出的领导。"))
	}
	for _, a := range away {
		d.away.Add(wrapLabel(a.AwayLine(d.u.leaderList())))
	}
	d.away.Refresh()
}

// awayLines are the lines of the list (for tests).
func (d *dashboardScreen) awayLines() []string {
	var out []string
	for _, o := range d.away.Objects {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	}
	return out
}
