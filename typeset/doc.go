// Package typeset sets Chinese official paper: A4 pages of text, ruled
// tables and simple drawings, with the fonts of GB/T 9704 (仿宋, 小标宋, 黑体,
// 楷体) found on the machine or bundled, and writes them as PDF. It knows
// nothing of the office's records: package reports lays its forms out
// with it.
//
// Layout. A Canvas records the pages as drawing operations (Op), measured
// with the fonts' own metrics and wrapped by the rules of package
// textbreak. Sheet is the page of the office forms (margins, 密级, running
// heads, page numbers; Grid and Table for the ruled boxes and registers);
// GBFlow is the GB/T 9704 type area of minutes and bulletins (22 lines of
// 28 characters, justified, no heading or single line left alone).
//
// Output. Canvas.Document returns the page description: pages of Ops and
// the glyphs each font face must carry. WritePDF renders it with gofpdf
// after cutting every font down to those glyphs (ttfsubset.go); WriteOFD
// renders the same Document as OFD (GB/T 33190-2016, ofd.go) with the
// same font subsets embedded, so that the two never drift. A form writes
// to an io.Writer through Canvas.Write: PDF, or OFD when the writer is an
// *OFDFile. CheckOFD reads an OFD package back and checks it.
//
// Fonts. LoadFonts picks a face per FontRole (fonts.go, candidates.go),
// from the fonts found in FontDirs (fontfiles.go) or the bundled ones
// (face.go). A character a face lacks comes from the next face that has
// it (shape.go); one no face has is printed as 〓 and named in Printed;
// Fonts.Unprintable finds such characters before printing.
package typeset
