//go:build windows

package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// attachConsole gives the command-line verbs of the GUI-subsystem build the
// console of the cmd or PowerShell window that started them. Output that
// was redirected to a file or a pipe keeps its handle.
func attachConsole() {
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	proc := windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")
	if ok, _, _ := proc.Call(attachParentProcess); ok == 0 {
		return // started from Explorer: no console to attach to
	}
	for _, std := range []struct {
		handle uint32
		file   **os.File
	}{{windows.STD_OUTPUT_HANDLE, &os.Stdout}, {windows.STD_ERROR_HANDLE, &os.Stderr}} {
		if h, err := windows.GetStdHandle(std.handle); err == nil && h != 0 && h != windows.InvalidHandle {
			continue
		}
		// Go writes to a console handle with WriteConsoleW, so Chinese shows
		// correctly whatever the console's code page.
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			*std.file = f
		}
	}
}

// consoleTakesUnicode reports whether f is a console: Go writes it in
// UTF-16, so Chinese shows whatever the console's code page.
func consoleTakesUnicode(f *os.File) bool {
	var mode uint32
	return windows.GetConsoleMode(windows.Handle(f.Fd()), &mode) == nil
}

// outputCodePage is the code page in which a program reads text from a file
// or a pipe (`> file`, `| more`): the console's, as cmd's own commands write
// it, or the ANSI code page when the program has no console.
func outputCodePage() uint32 {
	if cp, err := windows.GetConsoleOutputCP(); err == nil && cp != 0 {
		return cp
	}
	return windows.GetACP()
}
