//go:build !windows

package main

import "os"

// attachConsole is needed only by the Windows GUI build.
func attachConsole() {}

// consoleTakesUnicode is false outside Windows: a terminal reads bytes.
func consoleTakesUnicode(*os.File) bool { return false }

// outputCodePage is 0 outside Windows: UTF-8, unless GONGWEN_ENCODING says
// otherwise.
func outputCodePage() uint32 { return 0 }
