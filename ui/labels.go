package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Small text helpers shared by the screens.

// orDash is s, or a dash for an empty value in a list or a detail.
func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// heading is the bold title of a page or a tab.
func heading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// wrapLabel is a label whose text wraps at the width it is given.
func wrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapBreak
	return l
}
