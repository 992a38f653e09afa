package exchange

import "strings"

// Spreadsheet programs run a CSV cell that starts with = + - @ (or a tab or
// carriage return) as a formula: =HYPERLINK(…) or =cmd|' /C calc'!A0 in a
// title would act when the export is opened. As the OWASP CSV-injection
// guidance says, such a cell is written with a single quote in front, which
// Excel and WPS show as text.
//
// The import of our own export must give back the original text, and a
// quote a user typed must survive too. So the quote is added to every cell
// that matches '*[=+\-@\t\r] (any run of quotes, then a dangerous
// character) and only such a cell loses one quote when read: a text that
// starts with a quote followed by anything else ('引号开头) is neither
// changed on export nor on import. Reading is the exact inverse of writing;
// the one text it cannot tell apart is a hand-made CSV cell such as '=1+1,
// which is read as =1+1, as the spreadsheet programs themselves show it.

const formulaStarts = "=+-@\t\r"

// formulaLed reports whether s is a run of quotes (possibly none) followed
// by a character that starts a formula.
func formulaLed(s string) bool {
	rest := strings.TrimLeft(s, "'")
	return rest != "" && strings.IndexByte(formulaStarts, rest[0]) >= 0
}

// csvSafe is the text of a cell as the CSV export writes it.
func csvSafe(s string) string {
	if formulaLed(s) {
		return "'" + s
	}
	return s
}

// csvUnsafe undoes csvSafe when a CSV file is read.
func csvUnsafe(s string) string {
	if strings.HasPrefix(s, "'") && formulaLed(s[1:]) {
		return s[1:]
	}
	return s
}
