package data

import "time"

// The GORM rows. The schema itself is written out in sqlite_schema.go (the
// migrations own it, not AutoMigrate); these structs only name the columns.
// Child rows keep their list position in pos, so lists read back in order.

// GORM reads only exported fields, so the ID and the time stamps are spelt
// out in every row rather than embedded from an unexported type. Creation
// and change times are kept as the domain set them: GORM must not overwrite
// them.

type documentRow struct {
	ID               int64 `gorm:"primaryKey"`
	Direction        string
	Status           string
	Serial           string
	SerialNum        int // the number inside Serial, for numeric sorting
	Year             int
	DocNo            string
	DocNoKey         string // app.NormalizeDocNo(DocNo), for duplicates and look-up
	Title            string
	FromUnit         string
	ReceivedOn       string
	WrittenOn        string
	BookOn           string // 收文日期 (incoming) or 拟稿日期 (outgoing): the book's date
	Copies           int
	Pages            int
	Attachments      string
	Secrecy          string
	Urgency          string
	Kind             string
	Remarks          string
	Proposal         string
	ProposedBy       string
	ProposedOn       string
	LeadUnit         string
	CoUnits          jsonList[string]
	LimitWorkdays    int
	DueOn            string
	DueUncertain     bool
	AssignedOn       string
	Result           string
	DoneOn           string
	ArchiveFonds     string
	ArchiveYear      int
	ArchiveRetention string
	ArchiveOrgCode   string
	ArchivePiece     int
	ArchiveFiledOn   string
	ReturnReason     string
	TransferTo       string
	DuplicateOf      int64
	IssuingCode      string
	DraftUnit        string
	Drafter          string
	DraftedOn        string
	CheckedBy        string
	CheckedOn        string
	SigningKind      string
	Signer           string
	SignedFor        string
	SignerPrinted    string
	SignedOn         string
	MainTo           string
	CopyTo           string
	Countersign      jsonList[string]
	IssuedOn         string
	PrintCount       int

	// version 6: 文种, 退文原因, 来文签发人, 公开属性, 规范性文件 and its 合法性审查
	Genre              string
	ReturnCause        string
	SenderSigner       string
	Disclosure         string
	DisclosureReason   string
	Normative          bool
	LegalReviewOn      string
	LegalReviewOpinion string
	LegalReviewPassed  bool
	CreatedAt          time.Time `gorm:"autoCreateTime:false"`
	UpdatedAt          time.Time `gorm:"autoUpdateTime:false"`
	UpdatedBy          string
	Version            int
}

func (documentRow) TableName() string { return "documents" }

type instructionRow struct {
	ID     int64 `gorm:"primaryKey"`
	DocID  int64
	Pos    int
	Leader string
	Role   string
	Text   string
	OnDate string
}

func (instructionRow) TableName() string { return "doc_instructions" }

type circulationRow struct {
	ID         int64 `gorm:"primaryKey"`
	DocID      int64
	Pos        int
	Seq        int
	Reader     string
	SentOn     string
	ReturnedOn string
	Comment    string
}

func (circulationRow) TableName() string { return "doc_circulations" }

type reminderRow struct {
	ID       int64 `gorm:"primaryKey"`
	DocID    int64
	Pos      int
	OnDate   string
	Text     string
	Operator string
}

func (reminderRow) TableName() string { return "doc_reminders" }

type reviewRow struct {
	ID      int64 `gorm:"primaryKey"`
	DocID   int64
	Pos     int
	Leader  string
	Role    string
	OnDate  string
	Opinion string
	For     string `gorm:"column:acting_for"`
}

func (reviewRow) TableName() string { return "doc_reviews" }

// cosignRow is one 会签 of a draft (version 6).
type cosignRow struct {
	ID        int64 `gorm:"primaryKey"`
	DocID     int64
	Pos       int
	Party     string
	SentOn    string
	DueOn     string
	RepliedOn string
	Reply     string
}

func (cosignRow) TableName() string { return "doc_cosigns" }

type sealRequestRow struct {
	ID           int64 `gorm:"primaryKey"`
	Number       string
	Year         int // of RequestedOn
	Status       string
	SealName     string
	SealKind     string
	Unit         string
	Contact      string
	Phone        string
	Reason       string
	FileName     string
	Copies       int
	Destination  string
	OffSite      bool
	RequestedOn  string
	Chain        jsonList[approvalStep]
	RejectReason string
	LogNo        string
	UsedOn       string
	UsedCount    int
	Handler      string
	Witness      string
	Remarks      string
	CreatedAt    time.Time `gorm:"autoCreateTime:false"`
	UpdatedAt    time.Time `gorm:"autoUpdateTime:false"`
	UpdatedBy    string
	Version      int
}

func (sealRequestRow) TableName() string { return "seal_requests" }

// approvalStep is app.ApprovalStep with stable JSON names.
type approvalStep struct {
	Role   string `json:"role"`
	Action string `json:"action"`
}

type approvalRow struct {
	ID        int64 `gorm:"primaryKey"`
	RequestID int64
	Pos       int
	Step      int
	Role      string
	Action    string
	Approver  string
	OnDate    string
	Opinion   string
	For       string `gorm:"column:acting_for"`
	Printed   string
}

func (approvalRow) TableName() string { return "seal_approvals" }

type itemRow struct {
	ID              int64 `gorm:"primaryKey"`
	Number          string
	Year            int
	Seq             int
	SourceType      string
	SourceRef       string
	SourceDocID     int64
	SourceMeetingID int64
	Title           string
	Content         string
	LeadUnit        string
	CoUnits         jsonList[string]
	Responsible     string
	LeaderInCharge  string
	AssignedOn      string
	Deadline        string
	CurrentDeadline string // app.Item.CurrentDeadline(), for the warning colours
	ReportEvery     string
	Status          string
	DoneOn          string
	Result          string
	Satisfaction    string
	CreatedAt       time.Time `gorm:"autoCreateTime:false"`
	UpdatedAt       time.Time `gorm:"autoUpdateTime:false"`
	UpdatedBy       string
	Version         int
}

func (itemRow) TableName() string { return "items" }

type stageRow struct {
	ID       int64 `gorm:"primaryKey"`
	ItemID   int64
	Pos      int
	Name     string
	Deadline string
	DoneOn   string
}

func (stageRow) TableName() string { return "item_stages" }

type progressRow struct {
	ID       int64 `gorm:"primaryKey"`
	ItemID   int64
	Pos      int
	OnDate   string
	Text     string
	Operator string
}

func (progressRow) TableName() string { return "item_progress" }

type followUpRow struct {
	ID       int64 `gorm:"primaryKey"`
	ItemID   int64
	Pos      int
	OnDate   string
	Text     string
	Reopened bool
}

func (followUpRow) TableName() string { return "item_follow_ups" }

type meetingRow struct {
	ID                   int64 `gorm:"primaryKey"`
	Kind                 string
	Term                 string
	Seq                  int
	Year                 int // of HeldOn
	HeldOn               string
	TimeText             string
	Place                string
	Chair                string
	Attendees            jsonList[string]
	Observers            jsonList[string]
	Recorder             string
	MinutesYear          int
	MinutesNumber        int
	MinutesTitle         string
	MinutesBody          string
	MinutesSigner        string
	MinutesIssuedOn      string
	MinutesCopyTo        string
	MinutesSignedFor     string
	MinutesSignerPrinted string
	CreatedAt            time.Time `gorm:"autoCreateTime:false"`
	UpdatedAt            time.Time `gorm:"autoUpdateTime:false"`
	UpdatedBy            string
	Version              int
}

func (meetingRow) TableName() string { return "meetings" }

type absenteeRow struct {
	ID        int64 `gorm:"primaryKey"`
	MeetingID int64
	Pos       int
	Name      string
	Reason    string
}

func (absenteeRow) TableName() string { return "meeting_absentees" }

type topicRow struct {
	ID            int64 `gorm:"primaryKey"`
	MeetingID     int64
	Pos           int
	Seq           int
	Title         string
	ReportingUnit string
	DueOn         string
}

func (topicRow) TableName() string { return "meeting_topics" }

type decisionRow struct {
	ID        int64 `gorm:"primaryKey"`
	MeetingID int64
	Pos       int
	Seq       int
	Content   string
	LeadUnit  string
	CoUnits   jsonList[string]
	Deadline  string
	ItemID    int64
}

func (decisionRow) TableName() string { return "meeting_decisions" }

type historyRow struct {
	ID       int64 `gorm:"primaryKey"`
	Entity   string
	EntityID int64
	At       time.Time
	Operator string
	Action   string
	Detail   string
}

func (historyRow) TableName() string { return "history" }

type unitRow struct {
	ID     int64 `gorm:"primaryKey"`
	Name   string
	Kind   string
	Ord    int
	Active bool
}

func (unitRow) TableName() string { return "units" }

type leaderRow struct {
	ID        int64 `gorm:"primaryKey"`
	Name      string
	Role      string
	Ord       int
	Portfolio string
	Units     jsonList[string]
	LinkedTo  string
	Active    bool
}

func (leaderRow) TableName() string { return "leaders" }

type sealRow struct {
	ID     int64 `gorm:"primaryKey"`
	Name   string
	Kind   string
	Keeper string
	Chain  jsonList[approvalStep]
	Active bool
}

func (sealRow) TableName() string { return "seals" }

type standInRow struct {
	ID        int64 `gorm:"primaryKey"`
	Leader    string
	Deputy    string
	FromOn    string
	ToOn      string
	Reason    string
	AbsenceID int64
}

func (standInRow) TableName() string { return "stand_ins" }

type absenceRow struct {
	ID      int64 `gorm:"primaryKey"`
	Leader  string
	Kind    string
	FromOn  string
	ToOn    string
	Place   string
	Contact string
	StandIn string
	Remarks string
}

func (absenceRow) TableName() string { return "absences" }

type absenceReportRow struct {
	ID        int64 `gorm:"primaryKey"`
	AbsenceID int64
	Pos       int
	ToName    string
	OnDate    string
}

func (absenceReportRow) TableName() string { return "absence_reports" }

// key gives generic code the primary key of a book's or a list's row.
func (r *documentRow) key() *int64    { return &r.ID }
func (r *sealRequestRow) key() *int64 { return &r.ID }
func (r *itemRow) key() *int64        { return &r.ID }
func (r *meetingRow) key() *int64     { return &r.ID }
func (r *unitRow) key() *int64        { return &r.ID }
func (r *leaderRow) key() *int64      { return &r.ID }
func (r *sealRow) key() *int64        { return &r.ID }
func (r *standInRow) key() *int64     { return &r.ID }
func (r *absenceRow) key() *int64     { return &r.ID }

// version gives generic code the save count of a book's row (saveRow).
func (r *documentRow) version() *int    { return &r.Version }
func (r *sealRequestRow) version() *int { return &r.Version }
func (r *itemRow) version() *int        { return &r.Version }
func (r *meetingRow) version() *int     { return &r.Version }

// parent gives generic code the record a child row belongs to.
func (r instructionRow) parent() int64   { return r.DocID }
func (r circulationRow) parent() int64   { return r.DocID }
func (r reminderRow) parent() int64      { return r.DocID }
func (r reviewRow) parent() int64        { return r.DocID }
func (r cosignRow) parent() int64        { return r.DocID }
func (r approvalRow) parent() int64      { return r.RequestID }
func (r stageRow) parent() int64         { return r.ItemID }
func (r progressRow) parent() int64      { return r.ItemID }
func (r followUpRow) parent() int64      { return r.ItemID }
func (r absenteeRow) parent() int64      { return r.MeetingID }
func (r topicRow) parent() int64         { return r.MeetingID }
func (r decisionRow) parent() int64      { return r.MeetingID }
func (r absenceReportRow) parent() int64 { return r.AbsenceID }
