package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"gongwen/reports"
	"gongwen/ui/widgets"
)

// confirmPrintable runs next at once, unless the record holds characters
// that no font has: then it names them and asks first, since the paper
// would show “〓” in their place.
func (u *UI) confirmPrintable(p paper, next func()) {
	if p.record == nil {
		next()
		return
	}
	fonts, err := reports.LoadFonts(u.desk.Settings().Fonts)
	if err != nil {
		next() // printing says what is wrong with the fonts
		return
	}
	missing := fonts.Unprintable(p.record)
	if len(missing) == 0 {
		next()
		return
	}
	d := dialog.NewCustomConfirm("字体缺字", "仍然打印", "取消", widgets.NewText(unprintableMessage(missing)), func(ok bool) {
		if ok {
			next()
		}
	}, u.win)
	d.Show()
	// measured again at its width, the wrapped text loses the empty space
	d.Resize(fyne.NewSize(480, d.MinSize().Height))
	d.Resize(fyne.NewSize(480, d.MinSize().Height))
}

// unprintableMessage names the characters and what to do about them.
func unprintableMessage(rs []rune) string {
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = fmt.Sprintf("“%c”（U+%04X）", r, r)
	}
	return "这份记录中的" + strings.Join(names, "、") + "在本机所有字体中都没有字形，打印出来会是“〓”，需要手写补上。" +
		"安装含这些字的字体（如 Windows 的 SimSun-ExtB，或花园明朝 HanaMinA/HanaMinB）后重新打印即可避免。"
}
