// Package exchange takes the books out (JSON records, .xlsx and .csv
// registers, the archive catalogue) and brings existing registers in
// (.xlsx and .csv, with a preview before anything is written).
package exchange

import (
	"strings"

	"gongwen/app"
)

// DocumentRecord is one document as exported. The keys are documented in the
// README and are a stable interface for scripts.
type DocumentRecord struct {
	ID                int64    `json:"id"`
	Direction         string   `json:"direction"` // in | out
	Serial            string   `json:"serial"`    // 收文编号, or 发文字号 once signed
	DocNo             string   `json:"doc_no"`    // 来文字号 / 发文字号, normal form
	Title             string   `json:"title"`
	FromUnit          string   `json:"from_unit"`
	ReceivedOn        string   `json:"received_on"`
	WrittenOn         string   `json:"written_on"`
	Copies            int      `json:"copies"`
	Pages             int      `json:"pages"`
	Secrecy           string   `json:"secrecy"`
	Urgency           string   `json:"urgency"`
	Kind              string   `json:"kind"`
	Proposal          string   `json:"proposal"`
	Instructions      []string `json:"instructions"` // "领导：批示（日期）"
	LeadUnit          string   `json:"lead_unit"`
	CoUnits           []string `json:"co_units"`
	TimeLimitWorkdays int      `json:"time_limit_workdays"`
	DueOn             string   `json:"due_on"`
	Result            string   `json:"result"`
	DoneOn            string   `json:"done_on"`
	Status            string   `json:"status"`
	StatusLabel       string   `json:"status_label"`
	ArchiveNo         string   `json:"archive_no"`
	IssuingCode       string   `json:"issuing_code"`
	DraftUnit         string   `json:"draft_unit"`
	Drafter           string   `json:"drafter"`
	Signer            string   `json:"signer"`
	SignedOn          string   `json:"signed_on"`
	IssuedOn          string   `json:"issued_on"`
	PrintCount        int      `json:"print_count"`
	Remarks           string   `json:"remarks"`
	Genre             string   `json:"genre"`         // 文种, "" when not recorded
	SenderSigner      string   `json:"sender_signer"` // 来文签发人
	ReturnCause       string   `json:"return_cause"`  // 退文原因
	Disclosure        string   `json:"disclosure"`    // 公开属性, with the reason of 不予公开
	Normative         bool     `json:"normative"`     // 规范性文件
	LegalReview       string   `json:"legal_review"`  // 合法性审查: 通过（date）：opinion
}

// Document flattens a document.
func Document(d *app.Document) DocumentRecord {
	r := DocumentRecord{
		ID: d.ID, Direction: string(d.Direction), Serial: d.Serial, DocNo: d.DocNo, Title: d.Title, FromUnit: d.FromUnit,
		ReceivedOn: d.ReceivedOn.String(), WrittenOn: d.WrittenOn.String(), Copies: d.Copies, Pages: d.Pages,
		Secrecy: string(d.Secrecy), Urgency: string(d.Urgency), Kind: string(d.Kind), Proposal: d.Proposal,
		Instructions: []string{}, LeadUnit: d.LeadUnit, CoUnits: nonNil(d.CoUnits), TimeLimitWorkdays: d.LimitWorkdays,
		DueOn: d.DueOn.String(), Result: d.Result, DoneOn: d.DoneOn.String(), Status: string(d.Status),
		StatusLabel: d.Status.Label(), ArchiveNo: d.Archive.Number(), IssuingCode: d.IssuingCode, DraftUnit: d.DraftUnit,
		Drafter: d.Drafter, Signer: d.Signer, SignedOn: d.SignedOn.String(), IssuedOn: d.IssuedOn.String(),
		PrintCount: d.PrintCount, Remarks: d.Remarks,
		Genre: string(d.Genre), SenderSigner: d.SenderSigner, ReturnCause: string(d.ReturnCause),
		Disclosure: d.DisclosureText(), Normative: d.Normative, LegalReview: legalReviewText(d.LegalReview),
	}
	for _, in := range d.Instructions {
		r.Instructions = append(r.Instructions, instructionText(in))
	}
	return r
}

// SealRecord is one seal request as exported.
type SealRecord struct {
	ID          int64    `json:"id"`
	Number      string   `json:"number"`
	Status      string   `json:"status"`
	StatusLabel string   `json:"status_label"`
	Seal        string   `json:"seal"`
	Unit        string   `json:"unit"`
	Contact     string   `json:"contact"`
	Phone       string   `json:"phone"`
	Reason      string   `json:"reason"`
	FileName    string   `json:"file_name"`
	Copies      int      `json:"copies"`
	Destination string   `json:"destination"`
	OffSite     bool     `json:"off_site"`
	RequestedOn string   `json:"requested_on"`
	Approvals   []string `json:"approvals"` // "审核 李四 2026-01-05 同意"
	LogNo       string   `json:"log_no"`
	UsedOn      string   `json:"used_on"`
	UsedCount   int      `json:"used_count"`
	Handler     string   `json:"handler"`
	Witness     string   `json:"witness"`
	Remarks     string   `json:"remarks"`
}

// Seal flattens a seal request.
func Seal(r *app.SealRequest) SealRecord {
	out := SealRecord{ID: r.ID, Number: r.Number, Status: string(r.Status), StatusLabel: r.Status.Label(), Seal: r.SealName,
		Unit: r.Unit, Contact: r.Contact, Phone: r.Phone, Reason: r.Reason, FileName: r.FileName, Copies: r.Copies,
		Destination: r.Destination, OffSite: r.OffSite, RequestedOn: r.RequestedOn.String(), Approvals: []string{},
		LogNo: r.LogNo, UsedOn: r.UsedOn.String(), UsedCount: r.UsedCount, Handler: r.Handler, Witness: r.Witness, Remarks: r.Remarks}
	for _, a := range r.Approvals {
		out.Approvals = append(out.Approvals, approvalText(a))
	}
	return out
}

// ItemRecord is one supervision item as exported.
type ItemRecord struct {
	ID             int64    `json:"id"`
	Number         string   `json:"number"`
	SourceType     string   `json:"source_type"`
	SourceRef      string   `json:"source_ref"`
	Title          string   `json:"title"`
	Content        string   `json:"content"`
	LeadUnit       string   `json:"lead_unit"`
	CoUnits        []string `json:"co_units"`
	Responsible    string   `json:"responsible"`
	LeaderInCharge string   `json:"leader_in_charge"`
	AssignedOn     string   `json:"assigned_on"`
	Deadline       string   `json:"deadline"`
	Status         string   `json:"status"`
	Colour         string   `json:"colour"` // blue | yellow | red | done, as of the export day
	DoneOn         string   `json:"done_on"`
	Result         string   `json:"result"`
	Satisfaction   string   `json:"satisfaction"`
	Progress       []string `json:"progress"` // "2026-01-05 进展"
}

// Item flattens a supervision item with its colour on the day of export.
func Item(it *app.Item, colour app.Colour) ItemRecord {
	r := ItemRecord{ID: it.ID, Number: it.Number, SourceType: string(it.SourceType), SourceRef: it.SourceRef, Title: it.Title,
		Content: it.Content, LeadUnit: it.LeadUnit, CoUnits: nonNil(it.CoUnits), Responsible: it.Responsible,
		LeaderInCharge: it.LeaderInCharge, AssignedOn: it.AssignedOn.String(), Deadline: it.Deadline.String(),
		Status: string(it.Status), Colour: string(colour), DoneOn: it.DoneOn.String(), Result: it.Result,
		Satisfaction: string(it.Satisfaction), Progress: []string{}}
	for _, p := range it.Progress {
		r.Progress = append(r.Progress, progressText(p))
	}
	return r
}

// MeetingRecord is one meeting as exported.
type MeetingRecord struct {
	ID        int64    `json:"id"`
	Kind      string   `json:"kind"`
	Name      string   `json:"name"`
	Date      string   `json:"date"`
	Place     string   `json:"place"`
	Chair     string   `json:"chair"`
	Attendees []string `json:"attendees"`
	Observers []string `json:"observers"`
	Absentees []string `json:"absentees"` // "姓名（原因）"
	Recorder  string   `json:"recorder"`
	Topics    []string `json:"topics"`
	Decisions []string `json:"decisions"`
	MinutesNo string   `json:"minutes_no"`
	IssuedOn  string   `json:"minutes_issued_on"`
}

// Meeting flattens a meeting.
func Meeting(m *app.Meeting) MeetingRecord {
	r := MeetingRecord{ID: m.ID, Kind: string(m.Kind), Name: m.Name(), Date: m.Date.String(), Place: m.Place, Chair: m.Chair,
		Attendees: nonNil(m.Attendees), Observers: nonNil(m.Observers), Absentees: []string{}, Recorder: m.Recorder,
		Topics: []string{}, Decisions: []string{}, MinutesNo: m.Minutes.NumberText(), IssuedOn: m.Minutes.IssuedOn.String()}
	for _, a := range m.Absentees {
		r.Absentees = append(r.Absentees, a.Name+"（"+a.Reason+"）")
	}
	for _, t := range m.Topics {
		r.Topics = append(r.Topics, t.Title)
	}
	for _, d := range m.Decisions {
		r.Decisions = append(r.Decisions, d.Content)
	}
	return r
}

// The texts of a record's lists, shared by JSON and the spreadsheets.
func instructionText(in app.Instruction) string {
	return in.Leader + "：" + in.Text + "（" + in.On.String() + "）"
}

func approvalText(a app.Approval) string {
	return strings.TrimSpace(a.Action + " " + a.Approver + " " + a.On.String() + " " + a.Opinion)
}

func progressText(p app.Progress) string { return p.On.String() + " " + p.Text }

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}
