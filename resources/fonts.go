// Package resources holds what the program carries inside its binary: the
// Chinese fonts of the window and the printed paper, the icon, and the
// default data.
package resources

import _ "embed"

// Bundled fonts (see fonts/README.md for their sources and licences).
var (
	//go:embed fonts/NotoSerifSC-Regular.ttf
	SerifRegular []byte
	//go:embed fonts/NotoSerifSC-Bold.ttf
	SerifBold []byte
	//go:embed fonts/NotoSansSC-Regular.ttf
	SansRegular []byte
	//go:embed fonts/NotoSansSC-Bold.ttf
	SansBold []byte
	//go:embed fonts/GongwenKai-Regular.ttf
	Kai []byte
	// UIBold is the window's bold face, cut to GB 2312: Fyne keeps every
	// font it is given parsed whole, and the full face cost the window
	// about 25 MB while scrolling (docs/BENCHMARKS.md). Bold text in the
	// window is labels and headings; names and titles are regular.
	//go:embed fonts/NotoSansSC-Bold-UI.ttf
	UIBold []byte
)

// Icon is the program's icon: a red seal-style square with 文, legible at
// 16×16.
//
//go:embed icon.png
var Icon []byte
