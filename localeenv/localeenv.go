// Package localeenv makes a "C.UTF-8" or "POSIX.UTF-8" locale, a common
// default on servers and in containers, read the way Fyne reads plain "C".
//
// Fyne's lang package parses the user's locale while the program is being
// initialised, before main runs, and logs "Fyne error: Error parsing user
// locale C" for C.UTF-8 (it takes the part before the dot as a language
// tag), on every command line verb. Importing this package from main fixes
// the environment first: Go initialises a package as soon as everything it
// imports is initialised, in import-path order among the ready ones, and
// this package needs only os while Fyne's lang needs text/template, which
// sorts after it and also needs os. A test of package main runs the program
// under LANG=C.UTF-8 and checks that standard error stays clean.
package localeenv

import (
	"os"
	"strings"
)

func init() { Fix() }

// Fix sets LANGUAGE to en, which is what Fyne falls back to for plain C,
// when the locale in force (LC_ALL, else LC_MESSAGES, else LANG, the order
// Fyne's locale reader uses) is C or POSIX with a code set and LANGUAGE is
// unset. LC_ALL and LANG are left alone: they still choose UTF-8 for the
// window's input methods and for the programs it starts. It reports whether
// it changed anything.
func Fix() bool {
	if os.Getenv("LANGUAGE") != "" {
		return false
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(name)
		if v == "" {
			continue
		}
		if strings.HasPrefix(v, "C.") || strings.HasPrefix(v, "POSIX.") {
			return os.Setenv("LANGUAGE", "en") == nil
		}
		return false
	}
	return false
}
