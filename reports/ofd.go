package reports

import (
	"io"
	"time"

	"gongwen/typeset"
)

// AsOFD makes a form written to w come out as OFD (GB/T 33190-2016)
// instead of PDF: the same pages, laid out once (see typeset.WriteOFD).
// created is the document's date, from the Desk's clock.
func AsOFD(w io.Writer, created time.Time) io.Writer {
	return &typeset.OFDFile{W: w, Created: created}
}
