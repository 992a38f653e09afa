package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"gongwen/app"
	"gongwen/data"
)

// copyOffice copies the whole office in one store into another, empty one
// (a file to the office's server, a server to a file) and prints what the
// verification found.
func (c *command) copyOffice(args []string) error {
	fset := flag.NewFlagSet("copy", flag.ContinueOnError)
	skip := fset.Bool("skip-classified", false, "")
	rest, err := parseFlags(fset, args)
	if err != nil || len(rest) != 2 {
		return usagef("用法：gongwen copy [--skip-classified] 来源 目标")
	}
	from, to := rest[0], rest[1]
	if !strings.Contains(from, "://") { // a file: copying from nothing would make an empty office
		if _, err := os.Stat(from); errors.Is(err, fs.ErrNotExist) {
			return app.Errorf(app.ENOTFOUND, "要复制的数据文件%s不存在", from)
		}
	}
	src, err := data.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := data.Open(to)
	if err != nil {
		return err
	}
	defer dst.Close()
	report, err := data.Copy(c.ctx, src, dst, data.CopyOptions{SkipClassified: *skip})
	if err != nil {
		return err
	}
	printCopyReport(c.env.Stdout, from, to, *skip, report)
	return nil
}

func printCopyReport(w io.Writer, from, to string, skipClassified bool, r *data.CopyReport) {
	fmt.Fprintf(w, "已把 %s 复制到 %s，并逐表核对：\n", from, to)
	total := 0
	for _, t := range r.Tables {
		fmt.Fprintf(w, "  %8d 条  校验和 %s  %s\n", t.Rows, t.Checksum[:16], t.Label)
		total += t.Rows
	}
	fmt.Fprintf(w, "共%d张表、%d条记录：两边条数相同，每条记录的校验和（SHA-256）相同。检索索引已在目标中重建。\n", len(r.Tables), total)
	switch s := r.Skipped; {
	case skipClassified && s.Documents == 0:
		fmt.Fprintln(w, "来源中没有有密级的公文。")
	case s.Documents > 0:
		fmt.Fprintf(w, "按 --skip-classified 未复制有密级的公文%d件，以及它们的批示、传阅、催办等%d条、办理记录%d条", s.Documents, s.Children, s.History)
		if s.Links > 0 {
			fmt.Fprintf(w, "；其他记录对它们的%d处引用已清空", s.Links)
		}
		fmt.Fprintln(w, "。")
	}
}
