package app

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestCause: the library and system errors a secretary meets reach her
// as a Chinese cause she can act on, from real failures where the machine
// allows and from their texts on Windows and in libraries.
func TestCause(t *testing.T) {
	_, notExist := os.Open(filepath.Join(t.TempDir(), "没有.xlsx"))
	_, notZip := zip.NewReader(bytes.NewReader([]byte("not a zip file at all, only text")), 32)
	dir := t.TempDir()
	_, isDir := os.ReadFile(dir)
	for _, c := range []struct {
		err  error
		want string
	}{
		{notExist, "文件不存在"},
		{errors.New("open C:\\x.xlsx: The system cannot find the file specified."), "文件不存在"},
		{notZip, "不是有效的 .xlsx 文件"},
		{errors.New("sheet 收文 does not exist"), "工作表“收文”不存在"},
		{&os.PathError{Op: "write", Path: "/x", Err: syscall.ENOSPC}, "磁盘已满"},
		{errors.New("write D:\\x: There is not enough space on the disk."), "磁盘已满"},
		{&os.PathError{Op: "open", Path: "/x", Err: syscall.EACCES}, "没有访问权限"},
		{errors.New("open C:\\x: Access is denied."), "没有访问权限"},
		{&os.PathError{Op: "open", Path: "/x", Err: syscall.EROFS}, "只读"},
		{isDir, "这是一个文件夹"},
		{fmt.Errorf("reading: %w", Errorf(EINVALID, "日期不对")), "日期不对"},
		{errors.New("something else"), "something else"},
	} {
		got := Cause(c.err)
		if !strings.Contains(got, c.want) {
			t.Errorf("Cause(%v) = %q, want %q in it", c.err, got, c.want)
		}
		if msg := ErrorMessage(c.err); !strings.Contains(msg, c.want) {
			t.Errorf("ErrorMessage(%v) = %q, want %q in it", c.err, msg, c.want)
		}
	}
}
