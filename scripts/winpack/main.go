// Command winpack makes the Windows package from the cross-built program:
//
//	winpack console gongwen.exe gongwen-cli.exe   the same program for scripts
//	winpack zip package.zip FILE...                the zip the users download
//
// The console copy differs from the window's exe in one field of its PE
// header, the subsystem (what the linker's -H windowsgui sets): cmd waits
// for a console program and passes on its exit status, and its output goes
// through pipes and redirections like any command's. The zip stores its
// names in UTF-8 and says so (general purpose flag bit 11, which
// archive/zip sets for a non-ASCII name), so Explorer and 7-Zip on a Chinese
// Windows show 使用说明.txt instead of reading the name as GBK.
package main

import (
	"archive/zip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

func main() {
	var err error
	switch {
	case len(os.Args) == 4 && os.Args[1] == "console":
		err = consoleCopy(os.Args[2], os.Args[3])
	case len(os.Args) >= 4 && os.Args[1] == "zip":
		err = writeZip(os.Args[2], os.Args[3:])
	default:
		err = errors.New("用法：winpack console 窗口程序.exe 控制台程序.exe | winpack zip 压缩包.zip 文件…")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "winpack:", err)
		os.Exit(1)
	}
}

// PE subsystems (IMAGE_SUBSYSTEM_WINDOWS_GUI, _CUI).
const (
	subsystemGUI     = 2
	subsystemConsole = 3
)

// subsystemOffset is where the subsystem field of a PE image lies: after the
// DOS header's pointer to "PE\0\0", the 20-byte file header, and 68 bytes
// into the optional header (the same for PE32 and PE32+).
func subsystemOffset(exe []byte) (int, error) {
	if len(exe) < 0x40 || string(exe[:2]) != "MZ" {
		return 0, errors.New("不是 Windows 程序（没有 MZ 头）")
	}
	pe := int(binary.LittleEndian.Uint32(exe[0x3c:]))
	off := pe + 4 + 20 + 68
	if pe < 0 || off+2 > len(exe) || string(exe[pe:pe+4]) != "PE\x00\x00" {
		return 0, errors.New("不是 Windows 程序（没有 PE 头）")
	}
	return off, nil
}

// setSubsystem returns a copy of the PE image exe with the subsystem set.
func setSubsystem(exe []byte, subsystem uint16) ([]byte, error) {
	off, err := subsystemOffset(exe)
	if err != nil {
		return nil, err
	}
	if got := binary.LittleEndian.Uint16(exe[off:]); got != subsystemGUI && got != subsystemConsole {
		return nil, fmt.Errorf("子系统为 %d，不是窗口程序或控制台程序", got)
	}
	out := append([]byte(nil), exe...)
	binary.LittleEndian.PutUint16(out[off:], subsystem)
	return out, nil
}

func consoleCopy(guiExe, consoleExe string) error {
	exe, err := os.ReadFile(guiExe)
	if err != nil {
		return err
	}
	out, err := setSubsystem(exe, subsystemConsole)
	if err != nil {
		return fmt.Errorf("%s：%w", guiExe, err)
	}
	return os.WriteFile(consoleExe, out, 0o755)
}

// writeZip stores files under their base names, compressed, dated now.
func writeZip(zipPath string, files []string) error {
	tmp := zipPath + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	zw := zip.NewWriter(f)
	for _, name := range files {
		if err := addFile(zw, name); err != nil {
			f.Close()
			return err
		}
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, zipPath)
}

func addFile(zw *zip.Writer, path string) error {
	src, err := os.Open(path)
	if err != nil {
		return err
	}
	defer src.Close()
	info, err := src.Stat()
	if err != nil {
		return err
	}
	h, err := zip.FileInfoHeader(info)
	if err != nil {
		return err
	}
	h.Name = filepath.Base(path)
	h.Method = zip.Deflate
	h.Flags |= 0x800 // every name is UTF-8: say so for the ASCII ones too
	h.Modified = time.Now()
	w, err := zw.CreateHeader(h)
	if err != nil {
		return err
	}
	_, err = io.Copy(w, src)
	return err
}
