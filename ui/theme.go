package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"gongwen/resources"
)

// deskTheme is the light theme of an office program with the bundled Noto
// Sans SC (regular and bold), so the window looks the same on a machine
// with no Chinese fonts and Chinese headings are really bold.
type deskTheme struct {
	regular, bold fyne.Resource
}

// Theme returns the theme of Gongwen Desk; main.go may set it on the app
// before creating the window (NewMainWindow does it too).
func Theme() fyne.Theme { return themeInstance }

var themeInstance = &deskTheme{
	regular: fyne.NewStaticResource("NotoSansSC-Regular.ttf", resources.SansRegular),
	bold:    fyne.NewStaticResource("NotoSansSC-Bold-UI.ttf", resources.UIBold),
}

var (
	primary    = color.NRGBA{R: 0x1d, G: 0x5f, B: 0xbf, A: 0xff}
	background = color.NRGBA{R: 0xf5, G: 0xf6, B: 0xf8, A: 0xff}
	headerBg   = color.NRGBA{R: 0xe8, G: 0xed, B: 0xf5, A: 0xff}
	sidebarBg  = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
)

func (t *deskTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameFocus:
		if n == theme.ColorNameFocus {
			return color.NRGBA{R: 0x1d, G: 0x5f, B: 0xbf, A: 0x80}
		}
		return primary
	case theme.ColorNameBackground:
		return background
	case theme.ColorNameHeaderBackground:
		return headerBg
	case theme.ColorNameSelection:
		return color.NRGBA{R: 0x1d, G: 0x5f, B: 0xbf, A: 0x40}
	case theme.ColorNameHover:
		return color.NRGBA{R: 0x1d, G: 0x5f, B: 0xbf, A: 0x18}
	}
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

func (t *deskTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Symbol {
		return theme.DefaultTheme().Font(s)
	}
	if s.Bold {
		return t.bold
	}
	return t.regular
}

func (t *deskTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t *deskTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameText:
		return 14
	case theme.SizeNameHeadingText:
		return 20
	case theme.SizeNameSubHeadingText:
		return 16
	}
	return theme.DefaultTheme().Size(n)
}
