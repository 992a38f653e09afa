package reports

import (
	"gongwen/app"
	"gongwen/typeset"
)

// The fonts of the office's paper are those of package typeset, chosen by
// the office's settings (app.FontChoice).

type (
	Fonts         = typeset.Fonts
	FontRole      = typeset.FontRole
	FontCandidate = typeset.FontCandidate
	RoleFonts     = typeset.RoleFonts
	Printed       = typeset.Printed // how a form came out: characters printed as 〓
)

const (
	RoleBody      = typeset.RoleBody
	RoleTitle     = typeset.RoleTitle
	RoleHeading   = typeset.RoleHeading
	RoleKai       = typeset.RoleKai
	BundledChoice = typeset.BundledChoice
)

// LoadFonts returns the faces for the office's choice; see typeset.LoadFonts.
func LoadFonts(choice app.FontChoice) (*Fonts, error) {
	return typeset.LoadFonts(fontChoice(choice))
}

// FontCandidates tells the settings screen, for each role, which fonts were
// found and which one printing will use with choice.
func FontCandidates(choice app.FontChoice) []RoleFonts {
	return typeset.FontCandidates(fontChoice(choice))
}

// RescanFonts makes the next LoadFonts or FontCandidates see newly
// installed fonts.
func RescanFonts() { typeset.RescanFonts() }

func fontChoice(c app.FontChoice) typeset.FontChoice {
	return typeset.FontChoice{RoleBody: c.Body, RoleTitle: c.Title, RoleHeading: c.Heading, RoleKai: c.Kai}
}

// secrecyMark is the 密级 a page carries at its top left, "" for none.
func secrecyMark(s app.Secrecy) string {
	if s.Classified() {
		return string(s)
	}
	return ""
}
