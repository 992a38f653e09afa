package ui

import (
	_ "embed"
	"os"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// Fyne's own words (the file dialogs' 打开/保存/取消, the entries' menu
// 复制/粘贴) follow the system's locale, so an English Windows or a Linux
// with LANG=C showed English dialogs. The program is Chinese whatever the
// locale: our wording is registered as the translation of English (the
// fallback of every locale Fyne has no translation for) and of Chinese,
// and on Linux the locale Fyne reads is Chinese while it chooses.

//go:embed fyne_zh.json
var fyneChinese []byte

// useChineseFyneText makes Fyne's own words Chinese.
func useChineseFyneText() {
	if runtime.GOOS != "windows" {
		// go-locale reads LANGUAGE first on Linux; set only while Fyne
		// chooses, so that programs we start keep the user's locale
		old, had := os.LookupEnv("LANGUAGE")
		os.Setenv("LANGUAGE", "zh_CN")
		defer func() {
			if had {
				os.Setenv("LANGUAGE", old)
			} else {
				os.Unsetenv("LANGUAGE")
			}
		}()
	}
	for _, l := range []fyne.Locale{"en", "zh-Hans"} {
		if err := lang.AddTranslationsForLocale(fyneChinese, l); err != nil {
			fyne.LogError("Chinese text for Fyne", err)
		}
	}
}
