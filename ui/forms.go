package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2/theme"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// The field makers shared by every form, so each book's forms read alike.

func (u *UI) newForm(title, save string) *widgets.Form {
	f := widgets.NewForm(u.win, u.forms, title, save)
	f.OnMissing = u.addMissing
	return f
}

func textField(placeholder, value string) *widgets.Entry {
	e := widgets.NewEntry(placeholder)
	e.SetText(value)
	return e
}

func textArea(placeholder, value string, rows int) *widgets.Entry {
	e := widgets.NewMultiLineEntry(placeholder, rows)
	e.SetText(value)
	return e
}

func (u *UI) dateField(d app.Date, required bool) *widgets.DateField {
	f := widgets.NewDateField(u.desk, required)
	f.SetDate(d)
	return f
}

func (u *UI) unitField(value string) *widgets.NameField {
	f := widgets.NewNameField("输入单位名称，可从列表选择，也可填写新单位", u.unitNames)
	f.SetText(value)
	return f
}

func (u *UI) unitsField(values []string) *widgets.NameField {
	f := widgets.NewNamesField("多个单位用“、”分隔", u.unitNames)
	f.SetNames(values)
	return f
}

func (u *UI) leaderField(value string, names func() []string) *widgets.NameField {
	if names == nil {
		names = u.leaderNames
	}
	f := widgets.NewNameField("输入姓名或点右侧按钮，从领导名单中选择", names)
	f.PickList(func(name string) string { return "把“" + name + "”添加到领导名单…" }, func(name string) {
		u.settings.leaderDialog(nil, app.Missing{Kind: app.MissingLeader, Name: name}, "把“"+name+"”添加到领导名单。添加后即可在审核、签发、用印审批和批示中选择。", func(l app.Leader) {
			f.SetText(l.Name)
		})
	})
	f.SetText(value) // after the ▼ button: the entry draws what it has when first shown
	return f
}

func (u *UI) peopleField(values []string) *widgets.NameField {
	f := widgets.NewNamesField("多人用“、”分隔", u.peopleNames)
	f.SetNames(values)
	return f
}

func intField(placeholder string, v int) *widgets.Entry {
	e := widgets.NewEntry(placeholder)
	if v != 0 {
		e.SetText(strconv.Itoa(v))
	}
	return e
}

// parseInt reads a whole number typed with half- or full-width digits; an
// empty field is 0.
func parseInt(label, s string) (int, error) {
	s = strings.TrimSpace(app.NormalizeWidth(s))
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, app.Errorf(app.EINVALID, "%s应填写数字，“%s”不是数字", label, s)
	}
	return n, nil
}

func selectField(options []string, value string) *widgets.Select {
	s := widgets.NewSelect(options, nil)
	if value != "" {
		s.SetSelected(value)
	} else if len(options) > 0 {
		s.SetSelectedIndex(0)
	}
	return s
}

func radioField(options []string, value string) *widgets.RadioGroup {
	r := widgets.NewRadioGroup(options, nil)
	r.Horizontal = true
	r.Required = true
	if value == "" && len(options) > 0 {
		value = options[0]
	}
	r.SetSelected(value)
	return r
}

// dateOf reads a date field with the label in the message.
func dateOf(label string, f *widgets.DateField) (app.Date, error) {
	d, err := f.Date()
	if err != nil {
		return d, app.Errorf(app.EINVALID, "%s：%s", label, app.ErrorMessage(err))
	}
	return d, nil
}

// note is a grey explanation under a form's fields.
func note(text string) *widgets.Text {
	l := widgets.NewText(text)
	l.SizeName = theme.SizeNameCaptionText
	return l
}

func strs[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}
