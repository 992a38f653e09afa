package widgets

import (
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne's RadioGroup and CheckGroup are focused through items of their own
// that drop Esc and Enter. These groups look and work like Fyne's (Tab
// moves from item to item, space chooses, the arrows move along the
// group, a radio choosing as it moves) and their items pass Esc and Enter
// on to the dialog as Select and Check do.

// RadioGroup is a widget.RadioGroup whose items pass Esc and Enter on.
type RadioGroup struct {
	widget.DisableableWidget
	dialogKeys
	Horizontal bool
	// Required keeps a choice: tapping the chosen item does not clear it.
	Required  bool
	Options   []string
	Selected  string
	OnChanged func(string)

	items []fyne.CanvasObject
}

// NewRadioGroup is widget.NewRadioGroup.
func NewRadioGroup(options []string, changed func(string)) *RadioGroup {
	r := &RadioGroup{Options: options, OnChanged: changed}
	r.ExtendBaseWidget(r)
	return r
}

// SetSelected chooses option ("" for none) and tells OnChanged.
func (r *RadioGroup) SetSelected(option string) {
	if r.Selected == option {
		return
	}
	r.Selected = option
	if r.OnChanged != nil {
		r.OnChanged(option)
	}
	r.Refresh()
}

// choose is a tap or space on item i: it chooses the item, or clears a
// chosen one when a choice is not required.
func (r *RadioGroup) choose(i int) {
	if r.Disabled() || i >= len(r.Options) {
		return
	}
	if r.Options[i] != r.Selected {
		r.SetSelected(r.Options[i])
	} else if !r.Required {
		r.SetSelected("")
	}
}

// CreateRenderer lays the items out as Fyne's group does.
func (r *RadioGroup) CreateRenderer() fyne.WidgetRenderer {
	r.ExtendBaseWidget(r)
	return &groupRenderer{horizontal: func() bool { return r.Horizontal }, sync: r.syncItems}
}

// syncItems makes one item per option.
func (r *RadioGroup) syncItems() []fyne.CanvasObject {
	for i := len(r.items); i < len(r.Options); i++ {
		item := &radioItem{group: r, index: i}
		item.ExtendBaseWidget(item)
		r.items = append(r.items, item)
	}
	r.items = r.items[:len(r.Options)]
	return r.items
}

// radioItem is one option of a RadioGroup; its label, choice and state
// are the group's.
type radioItem struct {
	widget.BaseWidget
	group            *RadioGroup
	index            int
	focused, hovered bool
}

var (
	_ fyne.Focusable    = (*radioItem)(nil)
	_ fyne.Tappable     = (*radioItem)(nil)
	_ desktop.Hoverable = (*radioItem)(nil)
)

func (i *radioItem) label() string {
	if i.index < len(i.group.Options) {
		return i.group.Options[i.index]
	}
	return ""
}

func (i *radioItem) chosen() bool {
	return i.group.Selected != "" && i.label() == i.group.Selected
}

// Tapped focuses the item, as Fyne's does, and chooses it.
func (i *radioItem) Tapped(*fyne.PointEvent) {
	focusOnDesktop(i)
	i.group.choose(i.index)
}

func (i *radioItem) FocusGained() { i.focused = true; i.Refresh() }
func (i *radioItem) FocusLost()   { i.focused = false; i.Refresh() }

func (i *radioItem) MouseIn(*desktop.MouseEvent) {
	i.hovered = !i.group.Disabled()
	i.Refresh()
}
func (i *radioItem) MouseMoved(*desktop.MouseEvent) {}
func (i *radioItem) MouseOut()                      { i.hovered = false; i.Refresh() }

// TypedRune chooses the item on space.
func (i *radioItem) TypedRune(ch rune) {
	if ch == ' ' {
		i.group.choose(i.index)
	}
}

// TypedKey passes Esc and Enter on; an arrow moves to the next or the
// previous item and chooses it.
func (i *radioItem) TypedKey(ev *fyne.KeyEvent) {
	if i.group.pass(i, ev) {
		return
	}
	if next := step(i.group.items, i.index, ev.Name); next >= 0 && !i.group.Disabled() {
		focusOnDesktop(i.group.items[next])
		i.group.SetSelected(i.group.Options[next])
	}
}

func (i *radioItem) CreateRenderer() fyne.WidgetRenderer {
	r := &radioItemRenderer{item: i, label: canvas.NewText("", color.Black)}
	r.objects = []fyne.CanvasObject{&r.focus, &r.fill, &r.ring, r.label}
	r.update()
	return r
}

// radioItemRenderer draws an item as Fyne 2.7's does: a circle that shows
// focus or hover behind the round button, and the label after it.
type radioItemRenderer struct {
	item       *radioItem
	focus      canvas.Circle
	fill, ring canvas.Image
	label      *canvas.Text
	objects    []fyne.CanvasObject
}

func (r *radioItemRenderer) Layout(size fyne.Size) {
	th := r.item.Theme()
	inner := th.Size(theme.SizeNameInnerPadding)
	border := th.Size(theme.SizeNameInputBorder)
	icon := th.Size(theme.SizeNameInlineIcon)
	focus := fyne.NewSquareSize(icon + inner)
	r.focus.Resize(focus)
	r.focus.Move(fyne.NewPos(border, (size.Height-focus.Height)/2))
	r.label.Resize(size)
	r.label.Move(fyne.NewPos(focus.Width+th.Size(theme.SizeNamePadding), 0))
	at := fyne.NewPos(inner/2+border, (size.Height-icon)/2)
	for _, img := range []*canvas.Image{&r.fill, &r.ring} {
		img.Resize(fyne.NewSquareSize(icon))
		img.Move(at)
	}
}

func (r *radioItemRenderer) MinSize() fyne.Size {
	th := r.item.Theme()
	pad := th.Size(theme.SizeNameInnerPadding) * 2
	return r.label.MinSize().AddWidthHeight(pad+th.Size(theme.SizeNameInlineIcon)+th.Size(theme.SizeNamePadding), pad)
}

func (r *radioItemRenderer) Refresh() {
	r.update()
	canvas.Refresh(r.item)
}

func (r *radioItemRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *radioItemRenderer) Destroy()                     {}

func (r *radioItemRenderer) update() {
	th := r.item.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	disabled, chosen := r.item.group.Disabled(), r.item.chosen()
	r.label.Text = r.item.label()
	r.label.TextSize = th.Size(theme.SizeNameText)
	r.label.Color = th.Color(theme.ColorNameForeground, v)
	if disabled {
		r.label.Color = th.Color(theme.ColorNameDisabled, v)
	}
	ring := theme.NewThemedResource(th.Icon(theme.IconNameRadioButton))
	fill := theme.NewThemedResource(th.Icon(theme.IconNameRadioButtonFill))
	switch {
	case disabled && chosen:
		ring.ColorName, fill.ColorName = theme.ColorNameDisabled, theme.ColorNameDisabled
	case disabled:
		ring.ColorName, fill.ColorName = theme.ColorNameDisabled, theme.ColorNameBackground
	case chosen:
		ring.ColorName, fill.ColorName = theme.ColorNameForeground, theme.ColorNamePrimary
	default:
		ring.ColorName, fill.ColorName = theme.ColorNameInputBorder, theme.ColorNameInputBackground
	}
	r.fill.Resource, r.ring.Resource = fill, ring
	r.fill.Refresh()
	r.ring.Refresh()
	switch {
	case disabled:
		r.focus.FillColor = color.Transparent
	case r.item.focused:
		r.focus.FillColor = th.Color(theme.ColorNameFocus, v)
	case r.item.hovered:
		r.focus.FillColor = th.Color(theme.ColorNameHover, v)
	default:
		r.focus.FillColor = color.Transparent
	}
	r.focus.Refresh()
	r.label.Refresh()
}

// CheckGroup is a widget.CheckGroup whose checks pass Esc and Enter on.
type CheckGroup struct {
	widget.DisableableWidget
	dialogKeys
	Horizontal bool
	// Required keeps one option ticked.
	Required bool
	Options  []string
	// Selected are the ticked options, in the order they were ticked.
	Selected  []string
	OnChanged func([]string)

	items []fyne.CanvasObject
}

// NewCheckGroup is widget.NewCheckGroup.
func NewCheckGroup(options []string, changed func([]string)) *CheckGroup {
	g := &CheckGroup{Options: options, OnChanged: changed}
	g.ExtendBaseWidget(g)
	return g
}

// SetSelected ticks exactly these options and tells OnChanged.
func (g *CheckGroup) SetSelected(options []string) {
	g.Selected = options
	if g.OnChanged != nil {
		g.OnChanged(options)
	}
	g.Refresh()
}

// toggle is a tap or space on a check: it adds or removes its option.
func (g *CheckGroup) toggle(option string) {
	if g.Disabled() {
		return
	}
	if i := slices.Index(g.Selected, option); i < 0 {
		g.Selected = append(slices.Clone(g.Selected), option)
	} else if g.Required && len(g.Selected) == 1 {
		g.Refresh() // the check ticks itself again
		return
	} else {
		g.Selected = slices.Delete(slices.Clone(g.Selected), i, i+1)
	}
	if g.OnChanged != nil {
		g.OnChanged(g.Selected)
	}
	g.Refresh()
}

// CreateRenderer lays the checks out as Fyne's group does.
func (g *CheckGroup) CreateRenderer() fyne.WidgetRenderer {
	g.ExtendBaseWidget(g)
	return &groupRenderer{horizontal: func() bool { return g.Horizontal }, sync: g.syncItems}
}

// syncItems makes one check per option, ticked as Selected says.
func (g *CheckGroup) syncItems() []fyne.CanvasObject {
	for i := len(g.items); i < len(g.Options); i++ {
		c := &groupCheck{group: g, index: i}
		c.OnChanged = func(bool) { g.toggle(c.Text) }
		c.ExtendBaseWidget(c)
		g.items = append(g.items, c)
	}
	g.items = g.items[:len(g.Options)]
	for i, o := range g.items {
		c := o.(*groupCheck)
		c.Text, c.Checked = g.Options[i], slices.Contains(g.Selected, g.Options[i])
		if g.Disabled() {
			c.Disable()
		} else {
			c.Enable()
		}
	}
	return g.items
}

// groupCheck is one check of a CheckGroup.
type groupCheck struct {
	widget.Check
	group *CheckGroup
	index int
}

// TypedKey passes Esc and Enter on; an arrow moves to the next or the
// previous check; space ticks (a rune).
func (c *groupCheck) TypedKey(ev *fyne.KeyEvent) {
	if c.group.pass(c, ev) {
		return
	}
	if next := step(c.group.items, c.index, ev.Name); next >= 0 {
		focusOnDesktop(c.group.items[next])
	}
}

// step is the index an arrow key moves to from item i, or -1.
func step(items []fyne.CanvasObject, i int, key fyne.KeyName) int {
	switch key {
	case fyne.KeyLeft, fyne.KeyUp:
		i--
	case fyne.KeyRight, fyne.KeyDown:
		i++
	default:
		return -1
	}
	if i < 0 || i >= len(items) {
		return -1
	}
	return i
}

// focusOnDesktop focuses f, as Fyne focuses a tapped control (not on a
// phone, where the keyboard would pop up).
func focusOnDesktop(o fyne.CanvasObject) {
	f, ok := o.(fyne.Focusable)
	if !ok || fyne.CurrentDevice().IsMobile() {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil {
		c.Focus(f)
	}
}

// groupRenderer lays items out as Fyne's groups do: each the size of the
// largest, in a row or a column.
type groupRenderer struct {
	horizontal func() bool
	sync       func() []fyne.CanvasObject
	items      []fyne.CanvasObject
}

func (r *groupRenderer) Layout(fyne.Size) {
	item, x, y := r.itemSize(), float32(0), float32(0)
	for _, o := range r.items {
		o.Resize(item)
		o.Move(fyne.NewPos(x, y))
		if r.horizontal() {
			x += item.Width
		} else {
			y += item.Height
		}
	}
}

func (r *groupRenderer) itemSize() fyne.Size {
	var s fyne.Size
	for _, o := range r.Objects() {
		s = s.Max(o.MinSize())
	}
	return s
}

func (r *groupRenderer) MinSize() fyne.Size {
	s, n := r.itemSize(), float32(len(r.items))
	if r.horizontal() {
		return fyne.NewSize(s.Width*n, s.Height)
	}
	return fyne.NewSize(s.Width, s.Height*n)
}

// Objects are the items, made when first asked for.
func (r *groupRenderer) Objects() []fyne.CanvasObject {
	if r.items == nil {
		r.items = r.sync()
	}
	return r.items
}

// Refresh follows changed options, choices and state.
func (r *groupRenderer) Refresh() {
	count := len(r.items)
	r.items = r.sync()
	if len(r.items) != count {
		r.Layout(fyne.Size{})
	}
	for _, o := range r.items {
		o.Refresh()
	}
}

func (r *groupRenderer) Destroy() {}
