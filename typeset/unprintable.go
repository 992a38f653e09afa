package typeset

import (
	"reflect"
	"slices"
)

// Unprintable lists, each once and in order, the characters of a record
// (a document, a seal request, a meeting, a report: every string it holds)
// that no font has, chosen, bundled or installed: its paper would print
// them as “〓”. The window asks before printing such a record.
func (f *Fonts) Unprintable(record any) []rune {
	var out []rune
	seen := map[rune]bool{}
	sh := newShaper(f)
	var chains [][]source
	for role := range f.primary {
		chains = append(chains, f.chain(FontRole(role), false))
	}
	walkStrings(reflect.ValueOf(record), func(s string) {
		for _, r := range s {
			if r < 0x80 || seen[r] || ignorable(r) || r == '\uFFFD' {
				continue
			}
			seen[r] = true
			if slices.ContainsFunc(chains, func(c []source) bool { _, ok := sh.glyphIn(c, r); return !ok }) {
				out = append(out, r)
			}
		}
	})
	return out
}

// walkStrings calls fn with every string inside v.
func walkStrings(v reflect.Value, fn func(string)) {
	switch v.Kind() {
	case reflect.String:
		fn(v.String())
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkStrings(v.Elem(), fn)
		}
	case reflect.Struct:
		if v.Type().PkgPath() == "time" {
			return
		}
		for i := 0; i < v.NumField(); i++ {
			walkStrings(v.Field(i), fn)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			walkStrings(v.Index(i), fn)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			walkStrings(it.Value(), fn)
		}
	}
}
