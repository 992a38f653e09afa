package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2/widget"

	"gongwen/app"
)

// The first run: start an empty register for one's own office, or look
// round the fictional 示例区 office first.

const (
	startEmpty  = "从空白开始，登记本单位的公文"
	startSample = "载入示例单位（示例区人民政府办公室）先熟悉一下"
)

func (u *UI) showWelcome() {
	how := widget.NewRadioGroup([]string{startEmpty, startSample}, nil)
	how.Required = true
	how.SetSelected(startEmpty)
	org := textField("如：××区人民政府办公室", "")
	district := textField("如：××区", "")
	code := textField("如：×府办发", "")
	op := textField("您的姓名", u.desk.Operator)
	blank := []interface {
		Enable()
		Disable()
	}{org, district, code, op}
	how.OnChanged = func(s string) {
		for _, w := range blank {
			if s == startSample {
				w.Disable()
			} else {
				w.Enable()
			}
		}
	}
	if u.env.LoadSample == nil {
		how.Options = how.Options[:1]
	}
	f := u.newForm("欢迎使用公文督办台", "开始使用")
	f.Width = 620
	f.Top(wrapLabel("公文督办台用于区政府办公室的收文、发文、用印、督查督办和会议纪要登记与办理。数据只保存在这台电脑上。\n请先选择开始方式："))
	f.Field("开始方式", how)
	f.Field("单位名称", org).Field("区名", district).Field("发文代字", code, "以区政府办公室名义发文的代字，可在“设置”中增加").Field("操作员", op)
	f.Bottom(note("这些信息以后都可以在“设置”中修改。"))
	f.Show(func(bool) error {
		if how.Selected == startSample {
			u.loadSample()
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
		u.desk.Operator = name
		u.reloadAll()
		u.autoBackup() // a new office is backed up on its first day too
		return nil
	})
}

func (u *UI) loadSample() {
	u.busy("正在载入示例单位", func(ctx context.Context) error {
		if err := u.env.LoadSample(ctx, u.desk); err != nil {
			return err
		}
		return u.desk.Reload(ctx)
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if u.desk.Operator == "" {
			if ops := u.desk.Settings().Operators; len(ops) > 0 {
				u.desk.Operator = ops[0]
			}
		}
		u.reloadAll()
		u.autoBackup()
	})
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
