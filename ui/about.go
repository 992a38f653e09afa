package ui

import (
	"fyne.io/fyne/v2"

	"gongwen/ui/widgets"
)

// 关于: the menu's message and the tab of 设置.

func (u *UI) showAbout() {
	v := u.env.Version
	if v == "" {
		v = "0.1.0"
	}
	widgets.ShowMessage(u.win, "关于公文督办台", "公文督办台 "+v+"\n区政府办公室收文、发文、用印、督查督办和会议纪要的登记与办理。\n"+
		"数据只保存在本机，不向任何地方发送。\n界面字体：思源黑体（Noto Sans SC，SIL Open Font License）。")
}
func (s *settingsScreen) aboutTab() fyne.CanvasObject {
	v := s.u.env.Version
	if v == "" {
		v = "0.1.0"
	}
	return page(heading("公文督办台 "+v),
		wrapLabel("区政府办公室的收文、发文、用印、督查督办和会议纪要登记与办理程序。"),
		wrapLabel("依据：《党政机关公文处理工作条例》、GB/T 9704-2012《党政机关公文格式》、DA/T 22-2015《归档文件整理规则》及各区政府工作规则。"),
		wrapLabel("界面字体：思源黑体 Noto Sans SC；打印内置字体：思源宋体 Noto Serif SC 及楷体，均按 SIL Open Font License 1.1 随程序分发。"),
		wrapLabel("快捷键：Ctrl+N 新建，Ctrl+S 保存，Ctrl+P 打印，Ctrl+F 搜索，Esc 关闭对话框，Ctrl+1…7 切换页面。"))
}
