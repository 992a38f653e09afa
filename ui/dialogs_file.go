package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Fyne's file dialog writes a few texts without translating them: the
// places in its side list and its question before overwriting a file.
// showFileDialog relabels them through the dialog's public parts.

// placeNames are the side list's places in Chinese.
var placeNames = map[string]string{
	"Home": "主文件夹", "Computer": "计算机", "Desktop": "桌面", "Documents": "文档",
	"Downloads": "下载", "Music": "音乐", "Pictures": "图片", "Videos": "视频", "Movies": "影片",
	"App Files": "程序文件",
}

// showFileDialog shows the file dialog d titled title ("保存文件",
// "打开文件"; Fyne's own title is "保存 文件") at the comfortable size.
func (u *UI) showFileDialog(d *dialog.FileDialog, title string) {
	d.SetTitleText(title)
	d.Resize(u.fileDialogSize())
	d.Show()
	top, ok := u.win.Canvas().Overlays().Top().(*widget.PopUp)
	if !ok {
		return
	}
	visitPublic(top.Content, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.List: // the places: labels set on every refresh
			update := w.UpdateItem
			w.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
				update(id, item)
				if c, ok := item.(*fyne.Container); ok && len(c.Objects) > 1 {
					if l, ok := c.Objects[1].(*widget.Label); ok {
						if zh, ok := placeNames[l.Text]; ok {
							l.SetText(zh)
						}
					}
				}
			}
			w.Refresh()
		case *widget.Button: // 保存 may ask before overwriting: in Chinese
			if w.Importance == widget.HighImportance && w.OnTapped != nil {
				tapped := w.OnTapped
				w.OnTapped = func() {
					tapped()
					u.chineseOverwriteQuestion()
				}
			}
		}
	})
}

// chineseOverwriteQuestion relabels the question Fyne has just shown, if
// it is its overwrite question.
func (u *UI) chineseOverwriteQuestion() {
	top, ok := u.win.Canvas().Overlays().Top().(*widget.PopUp)
	if !ok {
		return
	}
	visitPublic(top.Content, func(o fyne.CanvasObject) {
		l, ok := o.(*widget.Label)
		if !ok {
			return
		}
		switch {
		case l.Text == "Overwrite?":
			l.SetText("替换已有的文件吗？")
		case strings.HasPrefix(l.Text, "Are you sure you want to overwrite the file\n"):
			name := strings.TrimSuffix(strings.TrimPrefix(l.Text, "Are you sure you want to overwrite the file\n"), "?")
			l.SetText("这个文件夹中已有“" + name + "”。\n要用新文件替换它吗？")
		case l.Text == "Cannot overwrite":
			l.SetText("不能保存")
		case strings.HasPrefix(l.Text, "Files cannot replace a directory"):
			l.SetText("已有同名的文件夹，请换一个文件名。")
		}
	})
}

// visitPublic calls visit for o and what its public fields hold
// (containers, splits, scrollers), without reaching into renderers.
func visitPublic(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	visit(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, x := range c.Objects {
			visitPublic(x, visit)
		}
	case *container.Split:
		visitPublic(c.Leading, visit)
		visitPublic(c.Trailing, visit)
	case *container.Scroll:
		visitPublic(c.Content, visit)
	}
}
