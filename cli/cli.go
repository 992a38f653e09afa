// Package cli is the command line of the gongwen binary: the verbs that
// work without a display (sample data, search, export, due dates, backup,
// printing) and the hand-over to the window when no verb is given.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gongwen/app"
	"gongwen/data"
	"gongwen/serverconf"
)

// Env is what the command line needs from the program around it.
type Env struct {
	Stdout, Stderr io.Writer
	// OpenWindow starts the desktop window on the database at path.
	OpenWindow func(dbPath string) error
	// Now is the clock of the office's steps and dates (today's 工作台, the
	// sample office's two years); nil is the system clock. Tests fix it.
	Now func() time.Time
}

// usageError is a wrong call: exit status 2 with the usage text.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

const usage = `用法：gongwen [--db 数据文件] [命令]

不带命令时打开程序窗口。命令：
  demo [--scale small|large] 载入示例单位（示例区）的数据；重复运行不会重复载入
                             （large：十年、十万件公文的大型示例，用于性能测试）
  search [--json] 文字        在所有登记簿中查找
  export docs|seals|supervision|meetings|catalog --format json|xlsx|csv -o 文件
                             导出登记簿（catalog 为某年度的归档文件目录，需 --year；
                             不写 --format 时按文件扩展名 .json、.xlsx、.csv 决定格式）
  import docs|seals|supervision 文件 [--sheet 工作表] [--skip-bad] [--dry-run]
                             从 Excel（.xlsx）或 CSV 导入登记簿
  template docs|seals|supervision -o 文件.xlsx
                             生成导入模板
  due --from 日期 --workdays N 计算N个工作日后的到期日
  holidays parse|import 文件  读取国务院办公厅节假日安排通知（.txt，UTF-8 或 GBK）：
                             parse 显示解析出的放假日和调休上班日，import 存入本单位日历
  print slip|circulation|outgoing|seal|seal-log|minutes|monthly|catalog 参数 -o 文件.pdf|文件.ofd [--format pdf|ofd]
                             打印表单（参数为收文编号、发文字号、编号、会议id（export meetings 的 id）、YYYY-MM 或年份）
                             minutes、monthly 加 --format docx（或 -o 文件.docx）导出可编辑的Word文件
                             monthly 的参数写成 2026-Q4 打印季度通报；加 --format xlsx（或 -o 文件.xlsx）导出统计表
  print assign-slip|reminder|notice 督办编号 -o 文件.pdf|文件.ofd [--sent]
                             打印督查事项交办单、催办单、督办通知单；--sent 记为已印发
                             （记入办理记录，催办单取本年下一个编号）
  backup [-o 文件]            备份数据（程序运行时也可备份）
  restore 文件                从备份恢复数据（原数据另存为 .before-restore）
  check                      检查数据库是否完好
  copy [--skip-classified] 来源 目标
                             把整个单位的数据复制到一个空的数据库，复制后逐表核对；
                             --skip-classified 不复制有密级的公文
  version                    显示版本

数据文件默认在用户配置目录的 Gongwen/gongwen.db（Windows 为 %AppData%\Gongwen\gongwen.db），
可用 --db 或环境变量 GONGWEN_DB 指定；单位服务器上的数据写成 PostgreSQL 地址
postgres://用户名:密码@主机:5432/数据库名（服务器上的数据暂不能用 backup、restore）。输出重定向到文件或管道时，Windows 上按控制台的代码页
（中文系统为 GBK）输出，其他系统为 UTF-8；环境变量 GONGWEN_ENCODING（utf-8、gbk、gb18030）可另行指定。`

// Run carries out one command line and returns the exit status: 0 on
// success, 1 with a Chinese message on standard error, 2 for bad usage.
func Run(args []string, env Env) int {
	err := run(args, env)
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(env.Stderr, "%s\n\n%s\n", ue.msg, usage)
		return 2
	}
	fmt.Fprintln(env.Stderr, "错误："+app.StripControl(app.ErrorMessage(err)))
	return 1
}

func run(args []string, env Env) error {
	fs := flag.NewFlagSet("gongwen", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dbFlag := fs.String("db", "", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(env.Stdout, usage)
			return nil
		}
		return usagef("参数有误：%v", err)
	}
	dbPath, err := DatabasePath(*dbFlag)
	if err != nil {
		return err
	}
	rest := fs.Args()
	if len(rest) == 0 {
		if env.OpenWindow == nil {
			return usagef("请给出命令")
		}
		return env.OpenWindow(dbPath)
	}
	c := &command{env: env, dbPath: dbPath, ctx: context.Background()}
	verb, rest := rest[0], rest[1:]
	switch verb {
	case "demo":
		return c.demo(rest)
	case "search":
		return c.search(rest)
	case "export":
		return c.export(rest)
	case "import":
		return c.importBook(rest)
	case "template":
		return c.template(rest)
	case "due":
		return c.due(rest)
	case "holidays":
		return c.holidays(rest)
	case "print":
		return c.print(rest)
	case "backup":
		return c.backup(rest)
	case "restore":
		return c.restore(rest)
	case "check":
		return c.check(rest)
	case "copy":
		return c.copyOffice(rest)
	case "version":
		fmt.Fprintln(env.Stdout, "公文督办台 gongwen "+app.Version)
		return nil
	case "help", "-h", "--help":
		fmt.Fprintln(env.Stdout, usage)
		return nil
	}
	return usagef("没有“%s”这个命令", verb)
}

// DatabasePath is the database the program works on: --db, else GONGWEN_DB,
// else Gongwen/gongwen.db in the user's configuration directory.
func DatabasePath(flagValue string) (string, error) {
	if p := strings.TrimSpace(flagValue); p != "" {
		return p, nil
	}
	if p := strings.TrimSpace(os.Getenv("GONGWEN_DB")); p != "" {
		return p, nil
	}
	if server, err := serverconf.Load(); err != nil || server != "" { // 连接单位服务器 in the window
		return server, err
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", app.Errorf(app.EINVALID, "找不到用户配置目录，请用 --db 指定数据文件")
	}
	return filepath.Join(dir, "Gongwen", "gongwen.db"), nil
}

// name is how messages name the database: its path, or host:port/database
// of a server (never its password).
func (c *command) name() string {
	if c.onServer() {
		return data.ServerName(c.dbPath)
	}
	return c.dbPath
}

// onServer reports a --db that names a PostgreSQL server.
func (c *command) onServer() bool { return data.IsServerURL(c.dbPath) }

// BackupDir is where backups of the database at dbPath go.
func BackupDir(dbPath string) string { return data.BackupDir(dbPath) }

// command is one run of a verb.
type command struct {
	env    Env
	dbPath string
	ctx    context.Context
	store  *data.Store
	// slipSent: print a 督查文书 as the one sent, recording it
	slipSent bool
}

// open opens the database and a desk on it; the operator of command-line
// changes is GONGWEN_OPERATOR or 命令行.
func (c *command) open() (*app.Desk, error) {
	s, err := data.Open(c.dbPath)
	if err != nil {
		return nil, err
	}
	return c.deskOn(s)
}

// openToRead opens the database only to read it, for the verbs that never
// change it (search, export, print, check, backup): they never create an
// office where --db names no file, and they work on read-only media.
func (c *command) openToRead() (*app.Desk, error) {
	if _, err := os.Stat(c.dbPath); !c.onServer() && errors.Is(err, fs.ErrNotExist) {
		return nil, app.Errorf(app.ENOTFOUND, "数据文件%s不存在。请检查 --db 或 GONGWEN_DB 给出的路径；新的数据文件只由窗口、demo 或 import 建立", c.dbPath)
	}
	s, err := data.OpenReadOnly(c.dbPath)
	if errors.Is(err, data.ErrNeedsUpgrade) { // where it can be written, upgrade it as the window would
		s, err = data.Open(c.dbPath)
	}
	if err != nil {
		return nil, err
	}
	return c.deskOn(s)
}

func (c *command) deskOn(s *data.Store) (*app.Desk, error) {
	c.store = s
	op := strings.TrimSpace(os.Getenv("GONGWEN_OPERATOR"))
	if op == "" {
		op = "命令行"
	}
	c.ctx = app.WithOperator(c.ctx, op) // every step of this command is op's
	desk, err := app.NewDesk(c.ctx, s, "")
	if err != nil {
		s.Close()
		return nil, err
	}
	if c.env.Now != nil {
		desk.Now = c.env.Now
	}
	return desk, nil
}

func (c *command) close() {
	if c.store != nil {
		c.store.Close()
	}
}

// parseFlags parses flags that may stand before, between or after the
// positional arguments, which it returns.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usagef("参数有误：%v", err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// terminalText is stored text as one field of a line on a terminal: no
// control characters (an ESC sequence in a title must not steer the
// terminal), no line breaks or tabs.
func terminalText(s string) string {
	return strings.NewReplacer("\n", " ", "\t", " ").Replace(app.StripControl(s))
}

// writeFileAtomic writes through a temporary file and renames it, so a
// failure never leaves half a file under the asked name.
func writeFileAtomic(path string, write func(w io.Writer) error) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return app.Errorf(app.EINVALID, "无法创建目录%s：%s", dir, app.Cause(err))
	}
	data.CleanLeftovers(dir, time.Now()) // what a killed export left here
	// the process id lets a later run tell a killed export's file
	f, err := os.CreateTemp(dir, fmt.Sprintf(".gongwen-%d-*.tmp", os.Getpid()))
	if err != nil {
		return app.Errorf(app.EINVALID, "无法写入%s：%s", dir, app.Cause(err))
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	if err := f.Chmod(0o644); err != nil { // CreateTemp makes it private to its owner
		f.Close()
		return app.Errorf(app.EINTERNAL, "无法写入%s：%s", path, app.Cause(err))
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return app.Errorf(app.EINTERNAL, "写入%s失败：%s", path, app.Cause(err))
	}
	if err := os.Rename(tmp, path); err != nil {
		return app.Errorf(app.EINTERNAL, "无法保存%s：%s", path, app.Cause(err))
	}
	return nil
}
