package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// The first run: start an empty register for one's own office, or look
// round the fictional 示例区 office first.

const (
	startEmpty  = "从空白开始，登记本单位的公文"
	startSample = "载入示例单位（示例区人民政府办公室）先熟悉一下"
	startServer = "连接单位服务器（多台电脑共用本单位的数据）"
)

func (u *UI) showWelcome() {
	how := widgets.NewRadioGroup([]string{startEmpty, startSample, startServer}, nil)
	how.Required = true
	how.SetSelected(startEmpty)
	org := textField("如：××区人民政府办公室", "")
	district := textField("如：××区", "")
	code := textField("如：×府办发", "")
	op := textField("您的姓名", u.operatorName)
	blank := []interface {
		Enable()
		Disable()
	}{org, district, code, op}
	how.OnChanged = func(s string) {
		for _, w := range blank {
			if s != startEmpty {
				w.Disable()
			} else {
				w.Enable()
			}
		}
	}
	if u.env.ConnectServer == nil {
		how.Options = slices.DeleteFunc(how.Options, func(s string) bool { return s == startServer })
	}
	if u.env.LoadSample == nil {
		how.Options = slices.DeleteFunc(how.Options, func(s string) bool { return s == startSample })
	}
	f := u.newForm("欢迎使用公文督办台", "开始使用")
	f.Width = 620
	f.Top(wrapLabel("公文督办台用于区政府办公室的收文、发文、用印、督查督办和会议纪要登记与办理。数据保存在这台电脑上；几台电脑共用一份数据时，连接本单位的服务器。\n请先选择开始方式："))
	f.Field("开始方式", how)
	f.Field("单位名称", org).Field("区名", district).Field("发文代字", code, "以区政府办公室名义发文的代字，可在“设置”中增加").Field("操作员", op)
	f.Bottom(note("接下来依次填写领导名单、印章和全宗号，每一步都可以跳过。这些信息以后都可以在“设置”中修改。"))
	// the progress dialog opens once this one has closed: closing a dialog
	// takes every overlay above it away too
	f.OnSaved = func(string) {
		switch how.Selected {
		case startSample:
			u.loadSample()
		case startServer:
			u.showServerForm()
		default:
			u.guidedSetup(2)
		}
	}
	f.Show(func(bool) error {
		if how.Selected != startEmpty {
			return nil
		}
		name := strings.TrimSpace(op.Text)
		if name == "" {
			return app.Errorf(app.EINVALID, "请填写操作员姓名")
		}
		if strings.TrimSpace(code.Text) == "" {
			return app.Errorf(app.EINVALID, "请填写发文代字")
		}
		st := u.desk.Settings()
		st.OrgName, st.DistrictName = org.Text, strings.TrimSpace(district.Text)
		st.IssuingCodes = []app.IssuingCode{{Code: strings.TrimSpace(code.Text), Body: app.IssuerOffice}}
		if st.Rules.WithinPowers == 0 {
			st.Rules = app.DefaultRules()
		}
		st.Operators = []string{name}
		if err := u.desk.SaveSettings(u.ctx, st); err != nil {
			return err
		}
		u.setOperator(name)
		u.reloadAll()
		u.autoBackup() // the new office's first copy today, even if the steps that follow are left
		return nil
	})
}

// loadSample makes the sample office behind a progress dialog that says
// which book is being made; the window is usable again when it is done.
func (u *UI) loadSample() {
	what := widget.NewLabel("正在准备…")
	// the steps take very different times (收文 most of it): a bar that
	// moves shows the work goes on, the label says how far it has got
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons("正在载入示例单位", container.NewVBox(
		wrapLabel("示例区两年的收文、发文、用印、督查事项和会议，需要半分钟左右，完成后即可使用。"), what, bar), u.win)
	d.Show()
	d.Resize(fyne.NewSize(460, d.MinSize().Height))
	d.Resize(fyne.NewSize(460, d.MinSize().Height)) // the wrapped text measured at its width
	progress := func(step, total int, part string) {
		fyne.Do(func() {
			what.SetText(fmt.Sprintf("第%d步，共%d步：正在生成%s", step, total, part))
		})
	}
	u.wg.Add(1)
	ctx := u.ctx // taken on the UI thread, where setOperator replaces it
	go func() {
		defer u.wg.Done()
		err := u.env.LoadSample(ctx, u.desk, progress)
		if err == nil {
			fyne.Do(func() { what.SetText("正在打开工作台…") })
			err = u.desk.Reload(ctx)
		}
		fyne.DoAndWait(func() {
			bar.Stop()
			d.Hide()
			if err != nil {
				u.showError(err)
				return
			}
			if u.operatorName == "" {
				u.setOperator("")
			}
			u.reloadAll()
			u.autoBackup()
		})
	}()
}

// reloadAll rereads everything after the data changed wholesale (first
// run, sample, restore).
func (u *UI) reloadAll() {
	u.loadRef()
	u.refreshStatus()
	for _, s := range u.screens {
		if s != u.screens[u.current] {
			if r, ok := s.(interface{ reset() }); ok {
				r.reset()
			}
		}
	}
	u.settings.load()
	u.screens[u.current].refresh()
	u.changed()
}
