package exchange

import (
	"context"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongwen/app"
)

// TestImportValueChecks: dates outside 1949-10-01 … today + 10 years, a
// negative 份数 and over-long texts are problems that say what is wrong
// without echoing a huge cell; malformed 文号 are warnings, imported as
// written and found by search.
func TestImportValueChecks(t *testing.T) {
	huge := strings.Repeat("坏", 20_000)
	file := workbook(t, func(f *excelize.File) {
		setRows(t, f, "Sheet1", 1, []any{"收文编号", "收文日期", "来文单位", "文号", "文件标题", "份数"},
			[]any{"2026-0001", "1900-03-05", "区财政局", "示财〔2026〕1号", "关于一的通知", 1},
			[]any{"2026-0002", "2173-03-05", "区财政局", "示财〔2026〕2号", "关于二的通知", 1},
			[]any{"2026-0003", "2026-03-05", "区财政局", "示财〔2026〕3号", "关于三的通知", "-1"},
			[]any{"2026-0004", huge, strings.Repeat("长", 101), "示财〔2026〕4号", "关于四的通知", 1},
			[]any{"2026-0005", "2026-03-06", "括号局", "括号发〔2026号", "关于五的通知", 1},
			[]any{"2026-0006", "2026-03-06", "无代字局", "〔2026〕10号", "关于六的通知", 1},
			[]any{"2026-0007", "2026-03-06", "长号局", "长号发〔2026〕12345678901234567890号", "关于七的通知", 1},
		)
	})
	p := readBytes(t, Docs, "收文.xlsx", file, ReadOptions{})
	desk := newDesk(t)
	rep, err := p.Run(context.Background(), desk, app.ImportOptions{SkipBad: true})
	if err != nil || rep.Imported != 3 {
		t.Fatalf("%+v %v\n%s", rep, err, strings.Join(problemTexts(rep.Problems), "\n"))
	}
	problems := strings.Join(problemTexts(rep.Problems), "\n")
	for _, want := range []string{
		"第2行 收文日期：日期“1900-03-05”不在1949年10月1日至",
		"第3行 收文日期：日期“2173-03-05”不在1949年10月1日至",
		"第4行 份数：“-1”是负数，应为0或正整数",
		"第5行 收文日期：日期“" + strings.Repeat("坏", 30) + "…”无法识别",
	} {
		if !strings.Contains(problems, want) {
			t.Errorf("no problem %q among\n%s", want, problems)
		}
	}
	if strings.Contains(problems, strings.Repeat("坏", 31)) || len(problems) > 2000 {
		t.Errorf("a huge cell is echoed: %d bytes of problems", len(problems))
	}
	warnings := strings.Join(problemTexts(rep.Warnings), "\n")
	for _, want := range []string{"第6行 文号：文号“括号发〔2026号”不是", "第7行 文号：文号“〔2026〕10号”不是", "第8行 文号：文号“长号发〔2026〕12345678901234567890号”不是"} {
		if !strings.Contains(warnings, want) {
			t.Errorf("no warning %q among\n%s", want, warnings)
		}
	}
	for _, q := range []string{"括号发〔2026号", "〔2026〕10号", "12345678901234567890"} {
		if _, n, err := desk.Store.Search(context.Background(), q, app.Page{Limit: 5}); err != nil || n != 1 {
			t.Errorf("search %q finds %d, %v", q, n, err)
		}
	}

	// over-long texts: refused by the domain, named, not echoed
	long := workbook(t, func(f *excelize.File) {
		setRows(t, f, "Sheet1", 1, []any{"收文日期", "来文单位", "文件标题", "拟办意见"},
			[]any{"2026-03-05", strings.Repeat("长", 101), "关于一的通知", ""},
			[]any{"2026-03-05", "区财政局", "关于二的通知", strings.Repeat("拟", 2001)})
	})
	rep, err = readBytes(t, Docs, "收文.xlsx", long, ReadOptions{}).Run(context.Background(), newDesk(t), app.ImportOptions{})
	problems = strings.Join(problemTexts(rep.Problems), "\n")
	if err == nil || !strings.Contains(problems, "第2行：来文单位不能超过100个字（现有101个字）") || !strings.Contains(problems, "第3行：拟办意见不能超过2000个字（现有2001个字）") {
		t.Errorf("%v\n%s", err, problems)
	}
}

// TestWorkflowTextLimits: a step of the workflow (here 拟办) with a text
// beyond its limit is refused and changes nothing.
func TestWorkflowTextLimits(t *testing.T) {
	desk := newDesk(t)
	ctx := context.Background()
	d := &app.Document{Direction: app.Incoming, Title: "关于安全生产的通知", FromUnit: "区财政局", ReceivedOn: app.D(2026, 11, 2)}
	if err := desk.RegisterIncoming(ctx, d, false); err != nil {
		t.Fatal(err)
	}
	_, err := desk.Propose(ctx, d.ID, strings.Repeat("拟", 2001))
	if app.ErrorMessage(err) != "拟办意见不能超过2000个字（现有2001个字）" {
		t.Fatalf("%v", err)
	}
	after, err := desk.Store.Document(ctx, d.ID)
	if err != nil || after.Proposal != "" || after.Status != app.StatusRegistered {
		t.Fatalf("%+v %v", after, err)
	}
	if _, err := desk.Propose(ctx, d.ID, strings.Repeat("拟", 2000)); err != nil {
		t.Fatalf("2000 characters: %v", err)
	}
}
