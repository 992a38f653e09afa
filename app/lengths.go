package app

import (
	"strings"
	"unicode/utf8"
)

// Every text a book keeps has a longest length, far above what a real
// register holds but low enough that a pasted file or a hostile cell cannot
// fill the database, the window or a printed slip (a 3.5-million-character
// 来文单位 took 32 s and 625 MB to print). The window, the import and any
// store reach them through the entities' validation, so they are written
// once, here.
const (
	limitName   = 50    // a person's name, a 届次, a time of day
	limitNumber = 50    // 文号, 编号, 发文代字, 档号 parts, a phone number
	limitUnit   = 100   // a unit's or a seal's name, a place
	limitTitle  = 200   // titles: documents, items, topics, files, stages
	limitList   = 1000  // 主送, 抄送, 附件: one line of many names
	limitNote   = 2000  // 备注, 拟办意见, opinions, reasons, comments
	limitLong   = 5000  // 批示, 办理结果, 督办内容, 议定事项, 进展
	limitBody   = 50000 // the body of a 会议纪要
)

// maxTitle is the longest 文件标题, so that a slip still prints on one page.
const maxTitle = limitTitle

// textField is one text of a record with its Chinese name and longest
// length in characters.
type textField struct {
	name  string
	value string
	max   int
}

// checkLengths refuses the first text longer than its limit; the message
// names the field and counts, and never repeats the text.
func checkLengths(fields []textField) error {
	for _, f := range fields {
		if len(f.value) <= f.max { // bytes ≥ characters: most texts stop here
			continue
		}
		if n := utf8.RuneCountInString(f.value); n > f.max {
			return Errorf(EINVALID, "%s不能超过%d个字（现有%d个字）", f.name, f.max, n)
		}
	}
	return nil
}

// everyOf names every entry of a list of texts.
func everyOf(fields []textField, name string, values []string, max int) []textField {
	for _, v := range values {
		fields = append(fields, textField{name, v, max})
	}
	return fields
}

func (d *Document) textFields() []textField {
	f := []textField{
		{"收文编号或发文字号", d.Serial, limitNumber}, {"文号", d.DocNo, limitNumber}, {"文件标题", d.Title, limitTitle},
		{"来文单位", d.FromUnit, limitUnit}, {"附件", d.Attachments, limitList}, {"备注", d.Remarks, limitNote},
		{"拟办意见", d.Proposal, limitNote}, {"拟办人", d.ProposedBy, limitName}, {"承办单位", d.LeadUnit, limitUnit},
		{"办理结果", d.Result, limitLong}, {"退文或转办原因", d.ReturnReason, limitNote}, {"转办单位", d.TransferTo, limitUnit},
		{"发文代字", d.IssuingCode, limitNumber}, {"起草单位", d.DraftUnit, limitUnit}, {"拟稿人", d.Drafter, limitName},
		{"核稿人", d.CheckedBy, limitName}, {"签发人", d.Signer, limitName}, {"主送", d.MainTo, limitList},
		{"抄送", d.CopyTo, limitList}, {"全宗号", d.Archive.Fonds, limitNumber}, {"机构代码", d.Archive.OrgCode, limitNumber},
		{"来文签发人", d.SenderSigner, limitName}, {"不予公开的理由", d.DisclosureReason, limitNote},
		{"合法性审查意见", d.LegalReview.Opinion, limitNote},
	}
	f = everyOf(f, "协办单位", d.CoUnits, limitUnit)
	f = everyOf(f, "会签单位", d.Countersign, limitUnit)
	for _, in := range d.Instructions {
		f = append(f, textField{"批示领导", in.Leader, limitName}, textField{"批示内容", in.Text, limitLong})
	}
	for _, c := range d.Circulations {
		f = append(f, textField{"传阅人", c.Reader, limitName}, textField{"传阅意见", c.Comment, limitNote})
	}
	for _, r := range d.Reminders {
		f = append(f, textField{"催办内容", r.Text, limitNote}, textField{"催办人", r.Operator, limitName})
	}
	for _, c := range d.Cosigns {
		f = append(f, textField{"会签单位", c.Party, limitUnit}, textField{"会签意见", c.Reply, limitNote})
	}
	for _, r := range d.Reviews {
		f = append(f, textField{"审核领导", r.Leader, limitName}, textField{"审核意见", r.Opinion, limitNote})
	}
	return f
}

func (r *SealRequest) textFields() []textField {
	f := []textField{
		{"申请编号", r.Number, limitNumber}, {"印章", r.SealName, limitUnit}, {"用印单位", r.Unit, limitUnit},
		{"联系人", r.Contact, limitName}, {"联系电话", r.Phone, limitNumber}, {"用印事由", r.Reason, limitNote},
		{"文件名称", r.FileName, limitTitle}, {"报送去向", r.Destination, limitTitle}, {"退回原因", r.RejectReason, limitNote},
		{"用印登记号", r.LogNo, limitNumber}, {"经办人", r.Handler, limitName}, {"监印人", r.Witness, limitName},
		{"备注", r.Remarks, limitNote},
	}
	for _, a := range r.Approvals {
		f = append(f, textField{"审批环节", a.Action, limitName}, textField{"审批人", a.Approver, limitName}, textField{"审批意见", a.Opinion, limitNote})
	}
	return f
}

func (it *Item) textFields() []textField {
	f := []textField{
		{"督办编号", it.Number, limitNumber}, {"事项来源", it.SourceRef, limitTitle}, {"督办事项名称", it.Title, limitTitle},
		{"督办内容", it.Content, limitLong}, {"牵头单位", it.LeadUnit, limitUnit}, {"责任人", it.Responsible, limitName},
		{"分管领导", it.LeaderInCharge, limitName}, {"报送频次", it.ReportEvery, limitName}, {"办理结果", it.Result, limitLong},
	}
	f = everyOf(f, "配合单位", it.CoUnits, limitUnit)
	for _, s := range it.Stages {
		f = append(f, textField{"阶段名称", s.Name, limitTitle})
	}
	for _, p := range it.Progress {
		f = append(f, textField{"进展情况", p.Text, limitLong}, textField{"进展填报人", p.Operator, limitName})
	}
	for _, u := range it.FollowUps {
		f = append(f, textField{"回访情况", u.Text, limitNote})
	}
	return f
}

func (m *Meeting) textFields() []textField {
	f := []textField{
		{"届次", m.Term, limitName}, {"会议时间", m.Time, limitName}, {"会议地点", m.Place, limitUnit},
		{"主持人", m.Chair, limitName}, {"记录人", m.Recorder, limitName}, {"纪要标题", m.Minutes.Title, limitTitle},
		{"纪要正文", m.Minutes.Body, limitBody}, {"纪要签发人", m.Minutes.Signer, limitName}, {"纪要分送", m.Minutes.CopyTo, limitList},
	}
	f = everyOf(f, "出席人员", m.Attendees, limitName)
	f = everyOf(f, "列席人员", m.Observers, limitName)
	for _, a := range m.Absentees {
		f = append(f, textField{"请假人员", a.Name, limitName}, textField{"请假原因", a.Reason, limitTitle})
	}
	for _, t := range m.Topics {
		f = append(f, textField{"议题", t.Title, limitTitle}, textField{"汇报单位", t.ReportingUnit, limitUnit})
	}
	for _, d := range m.Decisions {
		f = append(f, textField{"议定事项", d.Content, limitLong}, textField{"议定事项牵头单位", d.LeadUnit, limitUnit})
		f = everyOf(f, "议定事项配合单位", d.CoUnits, limitUnit)
	}
	return f
}

// CheckLengths refuses a record with a text longer than its limit.
func (d *Document) CheckLengths() error    { return checkLengths(d.textFields()) }
func (r *SealRequest) CheckLengths() error { return checkLengths(r.textFields()) }
func (it *Item) CheckLengths() error       { return checkLengths(it.textFields()) }
func (m *Meeting) CheckLengths() error     { return checkLengths(m.textFields()) }

// excerptRunes is how much of a typed value a message repeats.
const excerptRunes = 30

// Excerpt is a typed value as a message repeats it: trimmed, without
// control characters, and cut to a few dozen characters with “…”, so that
// a 5 MB cell is never echoed whole.
func Excerpt(s string) string {
	s = strings.TrimSpace(StripControl(s))
	if len(s) <= excerptRunes {
		return s
	}
	i, n := 0, 0
	for i = range s {
		if n == excerptRunes {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// StripControl removes control characters (ESC sequences' introducers,
// bells, backspaces …) but keeps line breaks and tabs, so that a text
// read from a file or the database cannot steer the terminal it is
// printed to.
func StripControl(s string) string {
	clean := true
	for _, r := range s {
		if isControl(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return -1
		}
		return r
	}, s)
}

func isControl(r rune) bool {
	return (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7F && r < 0xA0) || r == '\u2028' || r == '\u2029' ||
		(r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) // bidirectional overrides reorder what is shown
}
