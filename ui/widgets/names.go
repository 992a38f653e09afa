package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// NameField is an entry for a unit's or a leader's name with type-ahead from
// a list; any other name is accepted too (a new unit, a person not yet in
// the list). With Multi set it holds several names separated by 、 and
// completes the last one.
type NameField struct {
	Entry
	options func() []string
	Multi   bool

	matches []string
	popup   *widget.PopUp
	list    *suggestList
	// OnPicked is called when a name is taken from the list.
	OnPicked func(string)
	// UserChanged is called on each edit.
	UserChanged func(string)

	// addText and add, when set (PickList), offer a name not on the list
	// to be added to it.
	addText func(name string) string
	add     func(name string)
}

// PickList makes the field a pick list: a ▼ button lists every name, and
// a typed name that is not on the list is offered, as addText(name) under
// the suggestions, to add.
func (n *NameField) PickList(addText func(name string) string, add func(name string)) {
	n.addText, n.add = addText, add
	all := NewButton("", theme.MenuDropDownIcon(), n.ShowAll)
	all.SetOnEscape(func() { n.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) })
	n.ActionItem = all
	n.Refresh()
}

// ShowAll lists every name, in the list's order.
func (n *NameField) ShowAll() {
	n.matches = n.matches[:0]
	if n.options != nil {
		n.matches = append(n.matches, n.options()...)
	}
	if n.rows() == 0 {
		n.hide()
		return
	}
	n.show()
}

// AddOffered reports whether the suggestions offer to add what is typed.
func (n *NameField) AddOffered() bool {
	if n.add == nil {
		return false
	}
	_, word := n.current()
	if word == "" {
		return false
	}
	if n.options != nil {
		for _, o := range n.options() {
			if o == word {
				return false
			}
		}
	}
	return true
}

// rows is the number of rows in the suggestions: the matches and the
// offer to add.
func (n *NameField) rows() int {
	if n.AddOffered() {
		return len(n.matches) + 1
	}
	return len(n.matches)
}

// NewNameField returns a field completing from options (read on each key).
func NewNameField(placeholder string, options func() []string) *NameField {
	n := &NameField{options: options}
	n.PlaceHolder = placeholder
	n.Wrapping = fyne.TextWrapOff
	n.Entry.onKey = n.key
	n.Entry.onFocusLost = func() {}
	n.OnChanged = n.changed
	n.ExtendBaseWidget(n)
	return n
}

// NewNamesField is a NameField holding several names.
func NewNamesField(placeholder string, options func() []string) *NameField {
	n := NewNameField(placeholder, options)
	n.Multi = true
	return n
}

// Names splits a multi-name field.
func (n *NameField) Names() []string { return SplitNames(n.Text) }

// SetNames fills a multi-name field.
func (n *NameField) SetNames(names []string) { n.SetText(strings.Join(names, "、")) }

// SplitNames splits a list written with 、，,；; or spaces.
func SplitNames(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, isSep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func isSep(r rune) bool {
	return r == '、' || r == '，' || r == ',' || r == '；' || r == ';' || r == ' ' || r == '\u3000' || r == '\n'
}

// current is the name being typed: the whole text, or the last name.
func (n *NameField) current() (prefix, word string) {
	if !n.Multi {
		return "", strings.TrimSpace(n.Text)
	}
	i := strings.LastIndexFunc(n.Text, isSep)
	if i < 0 {
		return "", strings.TrimSpace(n.Text)
	}
	_, size := []rune(n.Text[i:])[0], len(string([]rune(n.Text[i:])[0]))
	return n.Text[:i+size], strings.TrimSpace(n.Text[i+size:])
}

func (n *NameField) changed(s string) {
	if n.UserChanged != nil {
		n.UserChanged(s)
	}
	_, word := n.current()
	n.matches = n.matches[:0]
	if word != "" && n.options != nil {
		for _, o := range n.options() {
			if o != word && strings.Contains(o, word) {
				n.matches = append(n.matches, o)
				if len(n.matches) == 8 {
					break
				}
			}
		}
	}
	if n.rows() == 0 {
		n.hide()
		return
	}
	n.show()
}

// Matches lists the names offered for what is typed (for tests).
func (n *NameField) Matches() []string { return append([]string(nil), n.matches...) }

// Pick takes suggestion i; the row after the matches is the offer to add.
func (n *NameField) Pick(i int) {
	if i == len(n.matches) && n.AddOffered() {
		_, word := n.current()
		n.hide()
		n.add(word)
		return
	}
	if i < 0 || i >= len(n.matches) {
		return
	}
	name := n.matches[i]
	prefix, _ := n.current()
	n.hide()
	text := prefix + name
	if n.Multi {
		text += "、"
	}
	cb := n.OnChanged
	n.OnChanged = nil
	n.SetText(text)
	n.CursorColumn = len([]rune(text))
	n.Refresh()
	n.OnChanged = cb
	n.matches = n.matches[:0]
	if n.UserChanged != nil {
		n.UserChanged(n.Text)
	}
	if n.OnPicked != nil {
		n.OnPicked(name)
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(n); c != nil {
		c.Focus(n)
	}
}

func (n *NameField) key(k *fyne.KeyEvent) bool {
	if n.popup == nil || !n.popup.Visible() {
		return false
	}
	switch k.Name {
	case fyne.KeyDown, fyne.KeyUp:
		n.list.TypedKey(k)
		return true
	case fyne.KeyEscape:
		n.hide()
		return true
	case fyne.KeyReturn, fyne.KeyEnter:
		n.Pick(n.list.sel)
		return true
	}
	return false
}

func (n *NameField) show() {
	c := fyne.CurrentApp().Driver().CanvasForObject(n)
	if c == nil {
		return
	}
	if n.list == nil {
		n.list = newSuggestList(n)
	}
	n.list.sel = 0
	n.list.fill()
	if n.popup == nil {
		n.popup = widget.NewPopUp(n.list, c)
	}
	h := n.list.box.MinSize().Height
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(n)
	n.popup.Resize(fyne.NewSize(n.Size().Width, h))
	n.popup.ShowAtPosition(pos.Add(fyne.NewPos(0, n.Size().Height)))
	c.Focus(n.list) // the pop-up's layer takes the keys and hands them on
}

func (n *NameField) hide() {
	if n.popup != nil && n.popup.Visible() {
		n.popup.Hide()
		if c := fyne.CurrentApp().Driver().CanvasForObject(n); c != nil {
			c.Focus(n)
		}
	}
}

// suggestList is the list in the pop-up. It holds the keyboard focus while
// shown (a pop-up is a layer of its own) and passes typing back to the
// field, so the user just keeps typing; Up/Down/Enter pick, a tap picks.
type suggestList struct {
	widget.BaseWidget
	field *NameField
	box   *fyne.Container
	sel   int
}

func newSuggestList(n *NameField) *suggestList {
	s := &suggestList{field: n, box: container.NewVBox()}
	s.ExtendBaseWidget(s)
	return s
}

// fill rebuilds the rows for the current matches.
func (s *suggestList) fill() {
	s.box.Objects = nil
	for i, m := range s.field.matches {
		i := i
		b := widget.NewButton(m, func() { s.field.Pick(i) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		if i == s.sel {
			b.Importance = widget.MediumImportance
		}
		s.box.Objects = append(s.box.Objects, b)
	}
	if s.field.AddOffered() {
		_, word := s.field.current()
		i := len(s.field.matches)
		b := widget.NewButtonWithIcon(s.field.addText(word), theme.ContentAddIcon(), func() { s.field.Pick(i) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		if i == s.sel {
			b.Importance = widget.MediumImportance
		}
		s.box.Objects = append(s.box.Objects, b)
	}
	s.box.Refresh()
}

func (s *suggestList) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(s.box) }
func (s *suggestList) FocusGained()                        {}
func (s *suggestList) FocusLost()                          {}
func (s *suggestList) TypedRune(r rune)                    { s.field.TypedRune(r) }
func (s *suggestList) TypedShortcut(sc fyne.Shortcut)      { s.field.TypedShortcut(sc) }

func (s *suggestList) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		if s.sel < s.field.rows()-1 {
			s.sel++
		}
		s.fill()
	case fyne.KeyUp:
		if s.sel > 0 {
			s.sel--
		}
		s.fill()
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyTab:
		s.field.Pick(s.sel)
	case fyne.KeyEscape:
		s.field.hide()
	default:
		s.field.Entry.TypedKey(k)
	}
}

// HideSuggestions closes the list of suggestions.
func (n *NameField) HideSuggestions() { n.hide() }
