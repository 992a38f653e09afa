package main

import (
	"archive/zip"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

// The zip says that its names are UTF-8 (bit 11), so that no unzip tool on
// a Chinese Windows reads 使用说明.txt as GBK, and keeps every byte.
func TestZipNamesAreMarkedUTF8(t *testing.T) {
	dir := t.TempDir()
	notes := filepath.Join(dir, "使用说明.txt")
	exe := filepath.Join(dir, "gongwen.exe")
	os.WriteFile(notes, []byte("公文督办台 使用说明\r\n"), 0o644)
	os.WriteFile(exe, []byte("MZ"), 0o755)
	zipPath := filepath.Join(dir, "gongwen.zip")
	if err := writeZip(zipPath, []string{exe, notes}); err != nil {
		t.Fatal(err)
	}
	r, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if len(r.File) != 2 || r.File[0].Name != "gongwen.exe" || r.File[1].Name != "使用说明.txt" {
		t.Fatalf("entries %d: %q", len(r.File), r.File[0].Name)
	}
	for _, f := range r.File {
		if f.Flags&0x800 == 0 {
			t.Errorf("%s: flags %#x; want bit 11 (0x800, names in UTF-8)", f.Name, f.Flags)
		}
	}
	rc, _ := r.File[1].Open()
	defer rc.Close()
	b := make([]byte, 64)
	n, _ := rc.Read(b)
	if string(b[:n]) != "公文督办台 使用说明\r\n" {
		t.Fatalf("content %q", b[:n])
	}
}

// The console copy differs from the window's exe in the subsystem only.
func TestConsoleCopy(t *testing.T) {
	exe := make([]byte, 0x200)
	copy(exe, "MZ")
	binary.LittleEndian.PutUint32(exe[0x3c:], 0x80)
	copy(exe[0x80:], "PE\x00\x00")
	binary.LittleEndian.PutUint16(exe[0x80+4+20:], 0x20b) // PE32+
	binary.LittleEndian.PutUint16(exe[0x80+4+20+68:], subsystemGUI)
	dir := t.TempDir()
	gui, console := filepath.Join(dir, "gongwen.exe"), filepath.Join(dir, "gongwen-cli.exe")
	os.WriteFile(gui, exe, 0o755)
	if err := consoleCopy(gui, console); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(console)
	if binary.LittleEndian.Uint16(got[0x80+4+20+68:]) != subsystemConsole {
		t.Fatal("subsystem not set to console")
	}
	binary.LittleEndian.PutUint16(got[0x80+4+20+68:], subsystemGUI)
	if string(got) != string(exe) {
		t.Fatal("the copy differs elsewhere")
	}
	os.WriteFile(gui, []byte("#!/bin/sh\n"), 0o755)
	if err := consoleCopy(gui, console); err == nil {
		t.Fatal("a file that is no Windows program was accepted")
	}
}
