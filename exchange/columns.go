package exchange

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"gongwen/app"
)

// The books' spreadsheet columns, described once and shared by export
// (.xlsx and .csv), import (header names and cell readers) and the import
// templates. A column either points at a field of the record, whose type
// says how its cells are read and written, or has its own get and set.

// Book names a book as the command line does.
type Book string

const (
	Docs        Book = "docs"
	Seals       Book = "seals"
	Supervision Book = "supervision"
	Meetings    Book = "meetings"
	Catalog     Book = "catalog"
)

// kind is how a text column's cells are read and written.
type kind int

const (
	kLine  kind = iota // one line of text: the breaks of a wrapped cell are dropped
	kText              // free text, line breaks kept
	kName              // a unit's or a person's name: spaces removed
	kList              // names separated by 、
	kLines             // one entry a line
)

type column[T any] struct {
	key     string        // stable name; the JSON key of records.go where there is one
	header  string        // the Chinese header
	in, out string        // documents: the header in the 收文 / 发文 book when it differs
	names   []string      // other headers real registers use
	dir     app.Direction // documents: only in this book; "" in both
	kind    kind
	width   float64
	need    bool   // a row without it cannot be imported
	example string // the template's example row
	note    string // the template's explanation

	field func(*T) any                    // a pointer to the field, or
	get   func(*T, *env) any              // the value written: string, int or app.Date,
	set   func(*T, string, cellCtx) error // and how a cell is read (nil with get: not imported)
	list  func() []string                 // the values a template offers in a drop-down
}

// env is what computed columns need when exporting.
type env struct {
	desk  *app.Desk
	today app.Date
	org   string
	seq   int // the row's number in its sheet, from 1
}

func newEnv(desk *app.Desk) *env {
	return &env{desk: desk, today: desk.Today(), org: desk.Settings().OrgName}
}

func (c *column[T]) imported() bool { return c.field != nil || c.set != nil }

// headerFor is the column's header in the book of direction dir.
func (c *column[T]) headerFor(dir app.Direction) string {
	switch {
	case dir == app.Incoming && c.in != "":
		return c.in
	case dir == app.Outgoing && c.out != "":
		return c.out
	}
	return c.header
}

// allNames are the headers the column is recognised by.
func (c *column[T]) allNames() []string {
	return append([]string{c.header, c.in, c.out}, c.names...)
}

// value is what the column shows for rec.
func (c *column[T]) value(rec *T, e *env) any {
	if c.get != nil {
		return c.get(rec, e)
	}
	switch p := c.field(rec).(type) {
	case *string:
		return *p
	case *int:
		return *p
	case *app.Date:
		return *p
	case *[]string:
		if c.kind == kLines {
			return strings.Join(*p, "\n")
		}
		return strings.Join(*p, "、")
	case *bool:
		return yesNo(*p)
	case *app.Secrecy:
		return string(*p)
	case *app.Urgency:
		return string(*p)
	case *app.DocKind:
		return string(*p)
	case *app.SourceType:
		return string(*p)
	case *app.Satisfaction:
		return string(*p)
	}
	panic("exchange: column " + c.key + " has a field of unknown type")
}

// read stores what a cell says into rec.
func (c *column[T]) read(rec *T, cell string, cx cellCtx) error {
	if c.set != nil {
		return c.set(rec, cell, cx)
	}
	var err error
	switch p := c.field(rec).(type) {
	case *string:
		switch c.kind {
		case kName:
			*p = cleanName(cell)
		case kText:
			*p = cleanText(cell)
		default:
			*p = cleanLine(cell)
		}
	case *int:
		*p, err = parseInt(cell)
	case *app.Date:
		*p, err = parseDate(cell, cx)
	case *[]string:
		if c.kind == kLines {
			*p = splitLines(cell)
		} else {
			*p = splitList(cell)
		}
	case *bool:
		*p, err = parseBool(cell)
	case *app.Secrecy:
		s, _, _ := strings.Cut(cleanName(cell), "★") // 秘密★1年
		*p, err = app.ParseSecrecy(s)
	case *app.Urgency:
		*p, err = app.ParseUrgency(cleanName(cell))
	case *app.DocKind:
		*p, err = docKinds.parse(cell)
	case *app.SourceType:
		*p, err = sourceTypes.parse(cell)
	case *app.Satisfaction:
		*p, err = satisfactions.parse(cell)
	default:
		panic("exchange: column " + c.key + " has a field of unknown type")
	}
	return err
}

// choices are the values a template offers for the column, if it has a
// fixed set.
func (c *column[T]) choices() []string {
	if c.list != nil {
		return c.list()
	}
	if c.field == nil {
		return nil
	}
	var zero T
	switch c.field(&zero).(type) {
	case *bool:
		return []string{"是", "否"}
	case *app.Secrecy:
		return strs(app.Secrecies)
	case *app.Urgency:
		return strs(app.Urgencies)
	case *app.DocKind:
		return []string{string(app.KindAction), string(app.KindReading)}
	case *app.SourceType:
		return strs(app.SourceTypes)
	case *app.Satisfaction:
		return []string{string(app.Satisfied), string(app.FairlySatisfied), string(app.Unsatisfied)}
	}
	return nil
}

func strs[S ~string](xs []S) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

func labels[S interface {
	~string
	Label() string
}](xs []S) func() []string {
	return func() []string {
		var out []string
		for _, x := range xs {
			if l := x.Label(); l != "" && !contains(out, l) {
				out = append(out, l)
			}
		}
		return out
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

const dateNote = "可写成 2024-03-05、2024/3/5、2024年3月5日、20240305 或 Excel 日期；只写月日时取工作表名或文件名中的年份"

// table is one sheet of a book.
type table[T any] struct {
	name    string
	columns []column[T]
	red     func(*T, *env) bool // rows filled red (overdue)
}

// ---- documents ----

type doc = app.Document

var docColumns = []column[doc]{
	{key: "serial", header: "收文编号", dir: app.Incoming, names: []string{"编号", "顺序号", "收文号", "收文序号", "登记号", "收文登记号", "收文顺序号"},
		kind: kName, width: 11, example: "2024-0001", note: "年度-序号；只写序号时按收文日期的年度；留空则自动编号",
		field: func(d *doc) any { return &d.Serial }},
	{key: "received_on", header: "收文日期", dir: app.Incoming, names: []string{"收到日期", "登记日期", "日期", "收文时间", "签收日期", "来文日期", "收件日期"},
		width: 12, need: true, example: "2024-03-05", note: dateNote, field: func(d *doc) any { return &d.ReceivedOn }},
	{key: "from_unit", header: "来文单位", dir: app.Incoming, names: []string{"来文机关", "发文单位", "发文机关", "来文单位名称", "来文部门", "来文机关名称"},
		kind: kName, width: 20, need: true, example: "市政府办公室", field: func(d *doc) any { return &d.FromUnit }},
	{key: "doc_no", header: "文号", in: "来文字号", out: "发文字号", names: []string{"来文文号", "文件字号", "文件编号", "字号", "文件文号", "发文号", "发文文号"},
		width: 22, example: "市府办发〔2024〕12号", note: "〔〕、[]、【】均可，导入后统一为〔〕",
		field: func(d *doc) any { return &d.DocNo }, set: func(d *doc, s string, _ cellCtx) error { d.DocNo = ParseDocNo(s); return docNoWarning(d.DocNo) }},
	{key: "issuing_code", header: "发文代字", dir: app.Outgoing, names: []string{"代字", "机关代字"}, kind: kName, width: 11,
		note: "留空时取发文字号中的代字", field: func(d *doc) any { return &d.IssuingCode }},
	{key: "title", header: "文件标题", names: []string{"标题", "文件名称", "来文标题", "文件题目", "题名", "文件名", "公文标题", "文件标题事由"},
		width: 44, need: true, example: "关于做好2024年安全生产工作的通知", field: func(d *doc) any { return &d.Title }},
	{key: "genre", header: "文种", names: []string{"公文种类", "文件种类"}, kind: kName, width: 8, example: "通知",
		note: "通知、请示、报告、函、意见、决定、纪要、批复、通报、公告等；留空为未注明", list: func() []string { return strs(app.Genres) },
		get: func(d *doc, _ *env) any { return string(d.Genre) },
		set: func(d *doc, s string, _ cellCtx) (err error) { d.Genre, err = app.ParseGenre(s); return err }},
	{key: "written_on", header: "成文日期", names: []string{"成文时间", "文件日期"}, width: 12, example: "2024-03-01", note: dateNote,
		field: func(d *doc) any { return &d.WrittenOn }},
	{key: "secrecy", header: "密级", names: []string{"秘密等级", "密等", "保密等级"}, width: 7, example: "无", note: "无、秘密、机密、绝密；留空为无",
		field: func(d *doc) any { return &d.Secrecy }},
	{key: "urgency", header: "紧急程度", names: []string{"缓急", "缓急程度", "紧急", "急缓程度", "急缓"}, width: 9, example: "平件",
		note: "平件、加急（急件）、特急；留空为平件", field: func(d *doc) any { return &d.Urgency }},
	{key: "copies", header: "份数", dir: app.Incoming, width: 6, example: "2", field: func(d *doc) any { return &d.Copies }},
	{key: "pages", header: "页数", width: 6, example: "4", field: func(d *doc) any { return &d.Pages }},
	{key: "attachments", header: "附件", width: 14, field: func(d *doc) any { return &d.Attachments }},
	{key: "kind", header: "文件类别", dir: app.Incoming, names: []string{"办件类别", "文件类型", "类别"}, width: 9, example: "办件",
		note: "办件（需要办理）或阅件（只需阅知）；留空为办件", field: func(d *doc) any { return &d.Kind }},
	{key: "proposal", header: "拟办意见", dir: app.Incoming, names: []string{"拟办", "拟办意见及签名"}, kind: kText, width: 30,
		field: func(d *doc) any { return &d.Proposal }},
	{key: "instructions", header: "领导批示", dir: app.Incoming, names: []string{"批示", "批示意见", "领导批示意见", "领导意见"}, kind: kLines, width: 36,
		example: "王区长：请区应急管理局牵头落实。（2024-03-06）", note: "每条批示一行：领导：批示内容（日期）",
		get: func(d *doc, _ *env) any { return joinLines(d.Instructions, instructionText) }, set: readInstructions},
	{key: "lead_unit", header: "承办单位", dir: app.Incoming, names: []string{"承办科室", "主办部门", "主办单位", "承办部门", "办理单位", "承办"},
		kind: kName, width: 18, example: "区应急管理局", note: "填了承办单位而没有办理结果的，导入为承办中",
		field: func(d *doc) any { return &d.LeadUnit }},
	{key: "co_units", header: "协办单位", dir: app.Incoming, names: []string{"配合单位", "协办部门", "会办单位"}, kind: kList, width: 18,
		note: "多个单位用顿号隔开", field: func(d *doc) any { return &d.CoUnits }},
	{key: "time_limit_workdays", header: "办理时限", dir: app.Incoming, names: []string{"办结时限", "时限", "办理期限"}, width: 9, example: "5",
		note: "工作日数（如 5，从收文日期起按工作日推算到期日期）或到期的日期", field: func(d *doc) any { return &d.LimitWorkdays },
		set: func(d *doc, s string, cx cellCtx) error {
			days, due, err := parseLimit(s, cx)
			if !due.IsZero() && d.DueOn.IsZero() {
				d.DueOn = due
			}
			d.LimitWorkdays = days
			return err
		}},
	{key: "due_on", header: "到期日期", dir: app.Incoming, names: []string{"截止日期", "限办日期", "到期日", "要求办结日期", "办结期限"}, width: 12,
		field: func(d *doc) any { return &d.DueOn }},
	{key: "result", header: "办理结果", dir: app.Incoming, names: []string{"办理情况", "办结情况", "结果", "办理结果及反馈"}, kind: kText, width: 30,
		note: "填了办理结果或办结日期的，导入为已办结", field: func(d *doc) any { return &d.Result }},
	{key: "done_on", header: "办结日期", dir: app.Incoming, names: []string{"办结时间", "完成日期", "办结日"}, width: 12,
		field: func(d *doc) any { return &d.DoneOn }},
	{key: "transfer_to", header: "转办单位", dir: app.Incoming, names: []string{"转交单位"}, kind: kName, width: 14,
		field: func(d *doc) any { return &d.TransferTo }},
	{key: "return_reason", header: "退文转办理由", dir: app.Incoming, names: []string{"退文理由", "转办理由", "退办理由"}, kind: kText, width: 18,
		field: func(d *doc) any { return &d.ReturnReason }},
	{key: "return_cause", header: "退文原因", dir: app.Incoming, names: []string{"退文类别"}, kind: kName, width: 14,
		list: func() []string { return strs(app.ReturnCauses) },
		get:  func(d *doc, _ *env) any { return string(d.ReturnCause) },
		set: func(d *doc, s string, _ cellCtx) error {
			d.ReturnCause = app.ReturnCause(cleanName(s))
			if d.ReturnCause != "" && !slices.Contains(app.ReturnCauses, d.ReturnCause) {
				return app.Errorf(app.EINVALID, "退文原因“%s”无法识别，应为 %s 之一", app.Excerpt(s), strings.Join(strs(app.ReturnCauses), "、"))
			}
			return nil
		}},
	{key: "sender_signer", header: "来文签发人", dir: app.Incoming, kind: kName, width: 9,
		field: func(d *doc) any { return &d.SenderSigner }},
	{key: "draft_unit", header: "起草单位", dir: app.Outgoing, names: []string{"拟稿单位", "承办科室", "承办单位", "主办科室", "起草科室", "拟稿科室"},
		kind: kName, width: 14, example: "秘书股", field: func(d *doc) any { return &d.DraftUnit }},
	{key: "drafter", header: "拟稿人", dir: app.Outgoing, names: []string{"起草人", "拟稿", "承办人"}, kind: kName, width: 9, example: "李四",
		field: func(d *doc) any { return &d.Drafter }},
	{key: "drafted_on", header: "拟稿日期", dir: app.Outgoing, names: []string{"起草日期", "拟稿时间"}, width: 12, note: "留空时取签发日期",
		field: func(d *doc) any { return &d.DraftedOn }},
	{key: "checked_by", header: "核稿人", dir: app.Outgoing, names: []string{"核稿"}, kind: kName, width: 9,
		field: func(d *doc) any { return &d.CheckedBy }},
	{key: "signer", header: "签发人", dir: app.Outgoing, names: []string{"签发", "签发领导"}, kind: kName, width: 9, example: "赵主任",
		field: func(d *doc) any { return &d.Signer }},
	{key: "signed_on", header: "签发日期", dir: app.Outgoing, names: []string{"签发时间"}, width: 12, example: "2024-03-08",
		field: func(d *doc) any { return &d.SignedOn }},
	{key: "main_to", header: "主送", dir: app.Outgoing, names: []string{"主送机关", "主送单位"}, width: 24, example: "各镇人民政府、街道办事处",
		field: func(d *doc) any { return &d.MainTo }},
	{key: "copy_to", header: "抄送", dir: app.Outgoing, names: []string{"抄送机关", "抄送单位"}, width: 24, field: func(d *doc) any { return &d.CopyTo }},
	{key: "print_count", header: "印数", dir: app.Outgoing, names: []string{"印发份数", "份数", "印制份数"}, width: 6, example: "30",
		field: func(d *doc) any { return &d.PrintCount }},
	{key: "issued_on", header: "印发日期", dir: app.Outgoing, names: []string{"发文日期", "印发时间", "日期", "发出日期"}, width: 12, example: "2024-03-09",
		field: func(d *doc) any { return &d.IssuedOn }},
	{key: "disclosure", header: "公开属性", dir: app.Outgoing, names: []string{"公开方式", "公开类型"}, width: 14, example: "主动公开",
		note: "主动公开、依申请公开或不予公开（理由）", list: func() []string { return strs(app.Disclosures) },
		get: func(d *doc, _ *env) any { return d.DisclosureText() },
		set: func(d *doc, s string, _ cellCtx) (err error) {
			choice, reason, _ := strings.Cut(cleanLine(s), "（")
			d.Disclosure, err = app.ParseDisclosure(choice)
			d.DisclosureReason = strings.TrimSuffix(reason, "）")
			return err
		}},
	{key: "normative", header: "规范性文件", dir: app.Outgoing, width: 8, example: "否", field: func(d *doc) any { return &d.Normative }},
	{key: "legal_review", header: "合法性审查", dir: app.Outgoing, width: 30,
		get: func(d *doc, _ *env) any { return legalReviewText(d.LegalReview) }},
	{key: "cosigns", header: "会签记录", dir: app.Outgoing, kind: kLines, width: 30,
		get: func(d *doc, e *env) any {
			return joinLines(d.Cosigns, func(c app.Cosign) string { return c.Party + "：" + c.SentOn.String() + "送，" + c.State(e.today) })
		}},
	{key: "status", header: "状态", names: []string{"办理状态", "当前状态", "处理状态"}, width: 9,
		note: "留空时按所填内容推定", list: labels(append(append([]app.DocStatus{}, app.IncomingStatuses...), app.OutgoingStatuses...)),
		get: func(d *doc, _ *env) any { return d.Status.Label() },
		set: func(d *doc, s string, _ cellCtx) (err error) { d.Status, err = docStatuses.parse(s); return err }},
	{key: "archive_no", header: "档号", names: []string{"归档号"}, kind: kName, width: 26, note: "如 Z109-WS·2024-Y-BGS-0001；填了档号的导入为已归档",
		get: func(d *doc, _ *env) any { return d.Archive.Number() },
		set: func(d *doc, s string, _ cellCtx) (err error) { d.Archive, err = app.ParseArchiveNo(s); return err }},
	{key: "remarks", header: "备注", names: []string{"备考", "说明"}, kind: kText, width: 18, field: func(d *doc) any { return &d.Remarks }},
}

// docDirection is the 收发 column of a sheet holding both books.
var docDirection = column[doc]{key: "direction", header: "收发", names: []string{"收文发文", "收发文", "收发类别", "类型"}, width: 6,
	list: func() []string { return []string{"收文", "发文"} },
	get:  func(d *doc, _ *env) any { return d.Direction.Label() },
	set: func(d *doc, s string, _ cellCtx) error {
		switch strings.ToLower(cleanName(s)) {
		case "收文", "收", "来文", "in":
			d.Direction = app.Incoming
		case "发文", "发", "out":
			d.Direction = app.Outgoing
		default:
			return app.Errorf(app.EINVALID, "“%s”应为收文或发文", app.Excerpt(s))
		}
		return nil
	}}

// docTable is the sheet of one book, or of both (dir "") with a 收发 column.
func docTable(dir app.Direction) table[doc] {
	t := table[doc]{name: "公文登记簿", red: func(d *doc, e *env) bool { return d.OverdueOn(e.today) }}
	switch dir {
	case app.Incoming:
		t.name = "收文登记簿"
	case app.Outgoing:
		t.name = "发文登记簿"
	default:
		t.columns = append(t.columns, docDirection)
	}
	for _, c := range docColumns {
		if dir == "" || c.dir == "" || c.dir == dir {
			if h := c.headerFor(dir); h != c.header {
				c.names = append([]string{c.header}, c.names...)
				c.header = h
			}
			if c.key == "status" && dir != "" { // offer the statuses of this book only
				c.list = labels(map[app.Direction][]app.DocStatus{app.Incoming: app.IncomingStatuses, app.Outgoing: app.OutgoingStatuses}[dir])
			}
			t.columns = append(t.columns, c)
		}
	}
	return t
}

// instructionLine reads 领导：批示内容（2024-03-06）; the date may be missing.
var instructionLine = regexp.MustCompile(`^([^：:]{1,20})[：:](.*?)(?:[（(]([^（）()]*)[）)])?$`)

func readInstructions(d *doc, s string, cx cellCtx) error {
	d.Instructions = nil
	for _, l := range splitLines(s) {
		m := instructionLine.FindStringSubmatch(l)
		if m == nil {
			return app.Errorf(app.EINVALID, "批示“%s”应写成“领导：批示内容（日期）”", app.Excerpt(l))
		}
		in := app.Instruction{Leader: cleanName(m[1]), Text: strings.TrimSpace(m[2])}
		if on, err := parseDate(m[3], cx); err == nil {
			in.On = on
		} else {
			in.Text = strings.TrimSpace(strings.TrimSpace(m[2]) + "（" + m[3] + "）") // a remark in brackets, not a date
		}
		d.Instructions = append(d.Instructions, in)
	}
	return nil
}

// ---- seal requests ----

type seal = app.SealRequest

var sealColumns = []column[seal]{
	{key: "number", header: "申请编号", names: []string{"申请号", "用印申请编号", "申请单编号"}, kind: kName, width: 11,
		note: "年度-序号；留空则自动编号", field: func(r *seal) any { return &r.Number }},
	{key: "requested_on", header: "申请日期", names: []string{"申请时间"}, width: 12, note: "留空时取用印日期",
		field: func(r *seal) any { return &r.RequestedOn }},
	{key: "seal", header: "印章", names: []string{"印章名称", "用印类别", "印章类型", "所用印章", "印章种类", "用印种类", "加盖印章", "印章类别"},
		kind: kName, width: 18, need: true, example: "区政府办公室印章", field: func(r *seal) any { return &r.SealName }},
	{key: "unit", header: "用印单位", names: []string{"申请单位", "用印部门", "用印科室", "申请部门", "单位"}, kind: kName, width: 16, need: true,
		example: "区财政局", field: func(r *seal) any { return &r.Unit }},
	{key: "contact", header: "联系人", names: []string{"申请人"}, kind: kName, width: 9, field: func(r *seal) any { return &r.Contact }},
	{key: "phone", header: "联系电话", names: []string{"电话", "手机", "联系方式"}, kind: kName, width: 13, field: func(r *seal) any { return &r.Phone }},
	{key: "reason", header: "用印事由", names: []string{"事由", "用途", "用印用途", "用印原因", "用印内容"}, width: 30, need: true,
		example: "报送2024年部门预算", note: "没有事由时可只填文件名称", field: func(r *seal) any { return &r.Reason }},
	{key: "file_name", header: "文件名称", names: []string{"文件标题", "材料名称", "用印文件", "用印材料", "文件"}, width: 28,
		example: "2024年部门预算报告", field: func(r *seal) any { return &r.FileName }},
	{key: "copies", header: "份数", names: []string{"申请份数"}, width: 6, example: "3", note: "留空为1",
		field: func(r *seal) any { return &r.Copies }},
	{key: "destination", header: "报送去向", names: []string{"去向", "报送单位", "送往"}, width: 14, field: func(r *seal) any { return &r.Destination }},
	{key: "off_site", header: "异地用印", names: []string{"是否异地用印", "外带"}, width: 8, example: "否", note: "是或否；留空为否",
		field: func(r *seal) any { return &r.OffSite }},
	{key: "approvals", header: "审批记录", names: []string{"审批情况", "审批意见"}, kind: kLines, width: 34, note: "每步一行：环节 审批人 日期 意见",
		get: func(r *seal, _ *env) any { return joinLines(r.Approvals, approvalText) }, set: readApprovals},
	{key: "approved_by", header: "批准人", names: []string{"审批人", "批准领导", "审批领导", "签批人"}, kind: kName, width: 9, example: "赵主任",
		note: "用印登记簿的批准人；有审批记录时以审批记录为准",
		get:  func(r *seal, _ *env) any { return r.ApprovedBy() },
		set: func(r *seal, s string, _ cellCtx) error {
			if len(r.Approvals) == 0 {
				r.Approvals = []app.Approval{{Approver: cleanName(s)}}
			}
			return nil
		}},
	{key: "status", header: "状态", names: []string{"办理状态"}, width: 12, note: "留空时：有用印日期的为已用印", list: labels(app.SealStatuses),
		get: func(r *seal, _ *env) any { return r.Status.Label() },
		set: func(r *seal, s string, _ cellCtx) (err error) { r.Status, err = sealStatuses.parse(s); return err }},
	{key: "log_no", header: "登记号", names: []string{"用印登记号", "登记编号", "编号"}, kind: kName, width: 11, example: "2024-0001",
		note: "用印登记簿的编号；留空则自动编号", field: func(r *seal) any { return &r.LogNo }},
	{key: "used_on", header: "用印日期", names: []string{"盖章日期", "日期", "用印时间"}, width: 12, example: "2024-03-05", note: dateNote,
		field: func(r *seal) any { return &r.UsedOn }},
	{key: "used_count", header: "用印份数", names: []string{"用印次数", "盖章份数", "次数", "用印数"}, width: 8, note: "留空时同份数",
		field: func(r *seal) any { return &r.UsedCount }},
	{key: "handler", header: "经办人", names: []string{"经手人", "用印人", "办理人"}, kind: kName, width: 9, example: "张文书",
		field: func(r *seal) any { return &r.Handler }},
	{key: "witness", header: "监印人", names: []string{"监印", "监印员"}, kind: kName, width: 9, example: "刘监印",
		field: func(r *seal) any { return &r.Witness }},
	{key: "reject_reason", header: "退回理由", kind: kText, width: 18, field: func(r *seal) any { return &r.RejectReason }},
	{key: "remarks", header: "备注", names: []string{"备考", "说明"}, kind: kText, width: 18, field: func(r *seal) any { return &r.Remarks }},
}

var sealTable = table[seal]{name: "用印登记簿", columns: sealColumns}

// sealLogTable is the 用印登记簿 of a period as it is printed: the uses only,
// with the copies actually sealed.
var sealLogTable = table[seal]{name: "用印登记簿", columns: sealLogColumns()}

func sealLogColumns() []column[seal] {
	var out []column[seal]
	for _, key := range []string{"log_no", "used_on", "seal", "unit", "reason", "file_name", "used_count", "approved_by", "handler", "witness", "remarks"} {
		for _, c := range sealColumns {
			if c.key != key {
				continue
			}
			if key == "used_count" {
				c.header, c.field = "份数", nil
				c.get = func(r *seal, _ *env) any { return r.UsedCopies() }
			}
			out = append(out, c)
		}
	}
	return out
}

// readApprovals reads lines of “环节 审批人 日期 意见”.
func readApprovals(r *seal, s string, cx cellCtx) error {
	r.Approvals = nil
	for _, l := range splitLines(s) {
		f := strings.Fields(l)
		if len(f) < 2 {
			return app.Errorf(app.EINVALID, "审批记录“%s”应写成“环节 审批人 日期 意见”", app.Excerpt(l))
		}
		a := app.Approval{Action: f[0], Approver: f[1]}
		rest := f[2:]
		if len(rest) > 0 {
			if on, err := parseDate(rest[0], cx); err == nil {
				a.On, rest = on, rest[1:]
			}
		}
		a.Opinion = strings.Join(rest, " ")
		r.Approvals = append(r.Approvals, a)
	}
	return nil
}

// ---- supervision items ----

type item = app.Item

var itemColumns = []column[item]{
	{key: "number", header: "督办编号", names: []string{"编号", "督办号", "督查编号", "事项编号", "督办文号", "督查号"}, kind: kName, width: 14,
		example: "督〔2024〕1号", note: "留空则自动编号", field: func(it *item) any { return &it.Number }},
	{key: "source_type", header: "事项来源", names: []string{"来源", "来源类别", "督办类别", "事项类别", "督办类型", "类别", "来源类型"}, width: 12,
		example: "领导批示", note: "领导批示、会议议定事项、重点工作、上级决策部署、人大代表建议、政协委员提案、群众来信来电、重大项目、其他",
		field: func(it *item) any { return &it.SourceType }},
	{key: "source_ref", header: "来源依据", names: []string{"交办依据", "依据", "来源文件", "交办文件"}, kind: kText, width: 26,
		example: "王区长在《关于…的报告》上的批示", field: func(it *item) any { return &it.SourceRef }},
	{key: "title", header: "事项名称", names: []string{"督办事项", "事项", "标题", "督查事项", "工作任务", "督办事项名称", "任务名称"}, width: 30, need: true,
		example: "推进老旧小区改造", field: func(it *item) any { return &it.Title }},
	{key: "content", header: "督办内容", names: []string{"内容", "具体内容", "工作要求", "督办要求", "任务内容", "主要内容", "批示内容"}, kind: kText, width: 40,
		field: func(it *item) any { return &it.Content }},
	{key: "lead_unit", header: "牵头单位", names: []string{"承办单位", "责任单位", "主办单位", "牵头部门", "主办部门", "责任部门"}, kind: kName, width: 16,
		need: true, example: "区住房和城乡建设局", field: func(it *item) any { return &it.LeadUnit }},
	{key: "co_units", header: "协办单位", names: []string{"配合单位", "协办部门", "参与单位"}, kind: kList, width: 18, note: "多个单位用顿号隔开",
		field: func(it *item) any { return &it.CoUnits }},
	{key: "responsible", header: "责任人", names: []string{"联系人", "具体责任人", "经办人"}, kind: kName, width: 9,
		field: func(it *item) any { return &it.Responsible }},
	{key: "leader_in_charge", header: "分管领导", names: []string{"责任领导", "分管区领导", "批示领导", "牵头领导"}, kind: kName, width: 9,
		field: func(it *item) any { return &it.LeaderInCharge }},
	{key: "assigned_on", header: "交办日期", names: []string{"交办时间", "立项日期", "下达日期", "日期", "交办日"}, width: 12, need: true,
		example: "2024-03-05", note: dateNote, field: func(it *item) any { return &it.AssignedOn }},
	{key: "deadline", header: "完成时限", names: []string{"办结时限", "时限", "完成期限", "截止日期", "办理时限", "完成时间"}, width: 12, need: true,
		example: "2024-06-30", field: func(it *item) any { return &it.Deadline }},
	{key: "stages", header: "阶段时限", names: []string{"阶段目标", "分阶段时限"}, kind: kLines, width: 28, note: "每阶段一行：阶段名称：截止日期（完成日期完成）",
		get: func(it *item, _ *env) any { return stageLines(it.Stages) }, set: readStages},
	{key: "report_every", header: "报送频次", names: []string{"反馈频次", "报送要求", "反馈要求", "反馈时间"}, width: 9, example: "每月",
		field: func(it *item) any { return &it.ReportEvery }},
	{key: "status", header: "状态", names: []string{"办理状态", "进度状态", "完成状态"}, width: 9, note: "正在办理或已办结；留空时有办结日期的为已办结",
		list: labels([]app.ItemStatus{app.ItemOpen, app.ItemDone}),
		get:  func(it *item, _ *env) any { return it.Status.Label() },
		set:  func(it *item, s string, _ cellCtx) (err error) { it.Status, err = itemStatuses.parse(s); return err }},
	{key: "colour", header: "预警", names: []string{"预警颜色", "三色预警"}, width: 7, note: "导出时按当天计算，导入时不读",
		get: func(it *item, e *env) any { return e.desk.Colour(it).Label() }},
	{key: "done_on", header: "办结日期", names: []string{"办结时间", "完成日期", "销号日期"}, width: 12, field: func(it *item) any { return &it.DoneOn }},
	{key: "result", header: "办理结果", names: []string{"办理情况", "办结情况", "完成情况", "落实情况"}, kind: kText, width: 30,
		field: func(it *item) any { return &it.Result }},
	{key: "satisfaction", header: "满意度", names: []string{"代表意见", "满意程度", "测评意见"}, width: 9, note: "人大建议、政协提案：满意、基本满意或不满意",
		field: func(it *item) any { return &it.Satisfaction }},
	{key: "progress", header: "进展情况", names: []string{"工作进展", "进展", "推进情况", "进度"}, kind: kLines, width: 40, note: "每次反馈一行：日期 进展",
		get: func(it *item, _ *env) any { return joinLines(it.Progress, progressText) }, set: readProgress},
}

var itemTable = table[item]{name: "督办事项", columns: itemColumns,
	red: func(it *item, e *env) bool { return e.desk.Colour(it) == app.ColourRed }}

func stageLines(stages []app.Stage) string {
	var l []string
	for _, s := range stages {
		line := s.Name + "：" + s.Deadline.String()
		if !s.DoneOn.IsZero() {
			line += "（" + s.DoneOn.String() + "完成）"
		}
		l = append(l, line)
	}
	return strings.Join(l, "\n")
}

var stageLine = regexp.MustCompile(`^(.*)[：:]\s*([^（(]+?)\s*(?:[（(](.*?)完成[）)])?$`)

func readStages(it *item, s string, cx cellCtx) error {
	it.Stages = nil
	for _, l := range splitLines(s) {
		m := stageLine.FindStringSubmatch(l)
		bad := app.Errorf(app.EINVALID, "阶段“%s”应写成“阶段名称：截止日期”", app.Excerpt(l))
		if m == nil {
			return bad
		}
		st := app.Stage{Name: strings.TrimSpace(m[1])}
		var err error
		if st.Deadline, err = parseDate(m[2], cx); err != nil || st.Deadline.IsZero() {
			return bad
		}
		if st.DoneOn, err = parseDate(m[3], cx); err != nil {
			return err
		}
		it.Stages = append(it.Stages, st)
	}
	return nil
}

func readProgress(it *item, s string, cx cellCtx) error {
	it.Progress = nil
	for _, l := range splitLines(s) {
		on, text, _ := strings.Cut(l, " ")
		d, err := parseDate(on, cx)
		if err != nil || d.IsZero() || strings.TrimSpace(text) == "" {
			return app.Errorf(app.EINVALID, "进展“%s”应写成“日期 进展情况”", app.Excerpt(l))
		}
		it.Progress = append(it.Progress, app.Progress{On: d, Text: strings.TrimSpace(text)})
	}
	return nil
}

// ---- meetings (export only) ----

type meeting = app.Meeting

func meetingGet(f func(m *meeting) any) func(*meeting, *env) any {
	return func(m *meeting, _ *env) any { return f(m) }
}

var meetingTable = table[meeting]{name: "会议", columns: []column[meeting]{
	{key: "kind", header: "会议类型", width: 16, get: meetingGet(func(m *meeting) any { return string(m.Kind) })},
	{key: "name", header: "会议名称", width: 30, get: meetingGet(func(m *meeting) any { return m.Name() })},
	{key: "date", header: "会议日期", width: 12, get: meetingGet(func(m *meeting) any { return m.Date })},
	{key: "time", header: "时间", width: 10, get: meetingGet(func(m *meeting) any { return m.Time })},
	{key: "place", header: "地点", width: 16, get: meetingGet(func(m *meeting) any { return m.Place })},
	{key: "chair", header: "主持", width: 9, get: meetingGet(func(m *meeting) any { return m.Chair })},
	{key: "attendees", header: "出席", width: 30, get: meetingGet(func(m *meeting) any { return strings.Join(m.Attendees, "、") })},
	{key: "observers", header: "列席", width: 30, get: meetingGet(func(m *meeting) any { return strings.Join(m.Observers, "、") })},
	{key: "absentees", header: "请假", width: 20, get: meetingGet(func(m *meeting) any { return strings.Join(Meeting(m).Absentees, "、") })},
	{key: "recorder", header: "记录人", width: 9, get: meetingGet(func(m *meeting) any { return m.Recorder })},
	{key: "topics", header: "议题", kind: kLines, width: 40, get: meetingGet(func(m *meeting) any { return numbered(Meeting(m).Topics) })},
	{key: "decisions", header: "议定事项", kind: kLines, width: 40, get: meetingGet(func(m *meeting) any { return numbered(Meeting(m).Decisions) })},
	{key: "minutes_no", header: "纪要编号", width: 12, get: meetingGet(func(m *meeting) any { return m.Minutes.NumberText() })},
	{key: "minutes_issued_on", header: "纪要印发日期", width: 12, get: meetingGet(func(m *meeting) any { return m.Minutes.IssuedOn })},
}}

func joinLines[T any](xs []T, f func(T) string) string {
	l := make([]string, len(xs))
	for i, x := range xs {
		l[i] = f(x)
	}
	return strings.Join(l, "\n")
}

func numbered(xs []string) string {
	for i := range xs {
		xs[i] = fmt.Sprintf("%d. %s", i+1, xs[i])
	}
	return strings.Join(xs, "\n")
}

// ---- the archive catalogue (DA/T 22-2015) ----

var catalogTable = table[doc]{name: "归档文件目录", columns: []column[doc]{
	{key: "seq", header: "序号", width: 6, get: func(_ *doc, e *env) any { return e.seq }},
	{key: "archive_no", header: "档号", width: 26, get: func(d *doc, _ *env) any { return d.Archive.Number() }},
	{key: "doc_no", header: "文号", width: 22, get: func(d *doc, _ *env) any { return d.DocNo }},
	{key: "responsible", header: "责任者", width: 20, get: func(d *doc, e *env) any { return d.ResponsibleBody(e.desk.Settings()) }},
	{key: "title", header: "题名", width: 50, get: func(d *doc, _ *env) any { return d.Title }},
	{key: "date", header: "日期", width: 10, get: func(d *doc, _ *env) any { return d.DocDate().Compact() }},
	{key: "secrecy", header: "密级", width: 7, get: func(d *doc, _ *env) any {
		if d.Secrecy.Classified() {
			return string(d.Secrecy)
		}
		return ""
	}},
	{key: "pages", header: "页数", width: 6, get: func(d *doc, _ *env) any { return d.Pages }},
	{key: "remarks", header: "备注", width: 16, get: func(d *doc, _ *env) any { return d.Remarks }},
}}

// legalReviewText is the 合法性审查 of a 规范性文件 in one cell: the verdict,
// its date and the opinion; empty when none is recorded.
func legalReviewText(r app.LegalReview) string {
	if !r.Recorded() {
		return ""
	}
	return fmt.Sprintf("%s（%s）：%s", r.Verdict(), r.On, r.Opinion)
}
