// Package reports prints the office's paper as PDF: the 收文处理笺, 公文传阅单,
// 发文稿纸, 用印申请单 and 用印登记簿, the 会议纪要 in the GB/T 9704-2012 layout,
// the monthly 督查通报 and the 归档文件目录. Each form is a function that takes
// domain values and writes one PDF; none touches the database.
//
// Fonts. LoadFonts picks, for each role (正文仿宋, 标题小标宋, 黑体, 楷体), the
// office's installed official font when there is one (仿宋_GB2312, 方正小标宋简体,
// 黑体, 楷体_GB2312, SimSun from simsun.ttc …) or the one named in
// app.FontChoice, else the bundled open-licence font; FontCandidates shows
// the settings screen what was found. A character the chosen font lacks is
// taken from the role's other installed fonts (仿宋 after 仿宋_GB2312), then
// from a bundled font, then from installed fonts that cover rare and
// non-BMP characters (SimSun-ExtB, 花園明朝 HanaMinA/HanaMinB …).
//
// Forms are laid out first (measured with the fonts' own metrics, wrapped
// with the Chinese line-breaking rules of package textbreak, which the
// window follows too), then every font is cut
// down in Go (package typeset) to the characters the document uses and the
// pages are replayed into gofpdf (docs/BENCHMARKS.md has the times).
//
// Missing characters. When no font has a character, it is printed as “〓”
// and the form still writes the whole PDF: its Printed result names them,
// and callers show Printed.Warning() and keep the file. Such characters, and those outside the
// BMP (which gofpdf cannot encode and which are drawn through a private-use
// stand-in), are carried in the PDF as ActualText, so copying or searching
// the text gives the real characters.
//
//	printed, err := reports.HandlingSlip(w, fonts, settings, doc)
//	if err != nil { fail(err) } else if msg := printed.Warning(); msg != "" { warn(msg) }
package reports
