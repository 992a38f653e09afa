package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The lists of 设置 (领导, 单位, 印章, 节假日): one generic list with its buttons.

// refList is a list of reference records with 新增/修改/删除.
type refList[T any] struct {
	items []T
	sel   int
	list  *widget.List
	root  fyne.CanvasObject
}

func newRefList[T any](text func(T) string, onNew func(), onEdit func(T), onDelete func(T), extra ...fyne.CanvasObject) *refList[T] {
	r := &refList[T]{sel: -1}
	r.list = widget.NewList(func() int { return len(r.items) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(text(r.items[i])) })
	r.list.OnSelected = func(i widget.ListItemID) { r.sel = i }
	bar := container.NewHBox()
	if onNew != nil {
		add := widget.NewButtonWithIcon("新增", theme.ContentAddIcon(), onNew)
		add.Importance = widget.HighImportance
		bar.Add(add)
	}
	if onEdit != nil {
		bar.Add(widget.NewButtonWithIcon("修改所选", theme.DocumentCreateIcon(), func() {
			if r.sel >= 0 && r.sel < len(r.items) {
				onEdit(r.items[r.sel])
			}
		}))
	}
	if onDelete != nil {
		bar.Add(widget.NewButtonWithIcon("删除所选", theme.DeleteIcon(), func() {
			if r.sel >= 0 && r.sel < len(r.items) {
				onDelete(r.items[r.sel])
			}
		}))
	}
	for _, e := range extra {
		bar.Add(e)
	}
	r.root = container.NewBorder(bar, nil, nil, nil, r.list)
	return r
}

func (r *refList[T]) set(items []T) {
	r.items = items
	r.sel = -1
	r.list.UnselectAll()
	r.list.Refresh()
}
