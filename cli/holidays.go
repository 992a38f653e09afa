package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"gongwen/app"
	"gongwen/exchange"
)

// holidays reads the State Council's notice of a year's holidays from a
// text file: parse shows what it says, import makes it the office's
// schedule of that year.
func (c *command) holidays(args []string) error {
	if len(args) != 2 || (args[0] != "parse" && args[0] != "import") {
		return usagef("用法：gongwen holidays parse|import 通知.txt（国务院办公厅关于××××年部分节假日安排的通知，UTF-8 或 GBK 文本）")
	}
	data, err := os.ReadFile(args[1])
	if err != nil {
		return app.Errorf(app.ENOTFOUND, "无法读取%s：%v", args[1], err)
	}
	text, err := exchange.ReadText(filepath.Base(args[1]), data)
	if err != nil {
		return err
	}
	n, err := app.ParseHolidayNotice(text)
	if err != nil {
		return err
	}
	if args[0] == "parse" {
		out, err := json.Marshal(struct {
			Year     int      `json:"year"`
			Holidays []string `json:"holidays"`
			Workdays []string `json:"workdays"`
		}{n.Year, isoDates(n.Holidays()), isoDates(n.Workdays())})
		if err != nil {
			return err
		}
		fmt.Fprintln(c.env.Stdout, string(out))
		return nil
	}
	desk, err := c.open()
	if err != nil {
		return err
	}
	defer c.close()
	plan, err := desk.PlanHolidayNotice(c.ctx, n)
	if err != nil {
		return err
	}
	if err := desk.ImportHolidayNotice(c.ctx, n); err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stdout, "已导入%s。\n", plan.Summary())
	for _, ch := range plan.Changes {
		fmt.Fprintf(c.env.Stdout, "  %s %s：%s → %s\n", ch.Day, app.WeekdayName(ch.Day), ch.Before, ch.After)
	}
	if len(plan.Changes) == 0 {
		fmt.Fprintln(c.env.Stdout, "  日历中的工作日和休息日没有变化。")
	}
	for _, ch := range plan.BuiltinDiffers {
		fmt.Fprintf(c.env.Stdout, "  与程序内置安排不同：%s %s，内置为%s，通知为%s\n", ch.Day, app.WeekdayName(ch.Day), ch.Before, ch.After)
	}
	return nil
}

func isoDates(ds []app.Date) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.String()
	}
	return out
}
