package app

import (
	"context"
	"time"
)

// Entity names the book a history entry belongs to.
type Entity string

const (
	EntityDocument Entity = "document"
	EntitySeal     Entity = "seal"
	EntityItem     Entity = "item"
	EntityMeeting  Entity = "meeting"
	EntitySettings Entity = "settings"
)

// HistoryEntry records who changed what and when.
type HistoryEntry struct {
	ID       int64
	Entity   Entity
	EntityID int64
	At       time.Time
	Operator string
	Action   string
	Detail   string
}

// Page asks for one page of a list. Limit 0 means the default of 100.
type Page struct {
	Offset int
	Limit  int
}

// DocumentFilter selects documents of one book. Zero fields do not filter.
type DocumentFilter struct {
	Direction   Direction
	Year        int
	Statuses    []DocStatus
	Urgency     Urgency
	Secrecy     Secrecy
	Unit        string // 来文单位, 承办单位 or 起草单位 contains
	From, To    Date   // 收文日期 (incoming) or 拟稿日期 (outgoing)
	Text        string // any substring of title, 文号, units, 批示
	DueBefore   Date   // assigned and due before this day (overdue)
	DueFrom     Date   // assigned and due on or after this day
	DueTo       Date   // assigned and due on or before this day
	Unreturned  bool   // circulation not returned
	ArchiveYear int
	Sort        string // serial, received_on, due_on, title, from_unit, status
	Desc        bool
	Page
}

// SealFilter selects seal requests.
type SealFilter struct {
	Statuses         []SealStatus
	Year             int
	Unit             string
	Text             string
	UsedFrom, UsedTo Date   // the seal log of a period
	Sort             string // number, requested_on, used_on, unit
	Desc             bool
	Page
}

// ItemFilter selects supervision items.
type ItemFilter struct {
	Statuses             []ItemStatus
	Year                 int
	SourceType           SourceType
	Unit                 string
	Text                 string
	DeadlineBefore       Date   // open and current deadline before (red)
	DeadlineFrom         Date   // open and current deadline on or after
	DeadlineTo           Date   // open and current deadline on or before
	ActiveFrom, ActiveTo Date   // assigned by ActiveTo and not done before ActiveFrom
	Sort                 string // number, deadline, assigned_on, lead_unit
	Desc                 bool
	Page
}

// MeetingFilter selects meetings.
type MeetingFilter struct {
	Kind     MeetingKind
	Year     int
	From, To Date
	Text     string
	Sort     string // date, kind
	Desc     bool
	Page
}

// SearchHit is one result of the global search.
type SearchHit struct {
	Entity  Entity
	ID      int64
	Number  string // 收文编号, 文号, 督办编号, meeting name
	Title   string
	Snippet string
	Date    Date
	Status  string

	Direction Direction // of a document: 收文 or 发文
	Marks     HitMarks  // what the query matched, to highlight
}

// Book is the register a hit is in, as the window names it: 收文 or 发文
// for a document, else 用印, 督查 or 会议.
func (h SearchHit) Book() string {
	if h.Entity == EntityDocument && h.Direction != "" {
		return h.Direction.Label()
	}
	return map[Entity]string{EntityDocument: "公文", EntitySeal: "用印", EntityItem: "督查", EntityMeeting: "会议"}[h.Entity]
}

// HitMarks are the rune ranges [from, to) of a hit's Number, Title and
// Snippet that the query's words matched.
type HitMarks struct{ Number, Title, Snippet [][2]int }

// DashboardQuery gives the days the 工作台 counts against.
type DashboardQuery struct {
	Today     Date
	WarnUntil Date // last day that is yellow
	WeekFrom  Date
	WeekTo    Date
}

// Dashboard holds the counts of 工作台.
type Dashboard struct {
	DocsOverdue         int
	DocsDueSoon         int
	AwaitingProposal    int
	AwaitingInstruction int
	CirculationOut      int
	OutgoingInProgress  int
	SealsAwaiting       int
	SealsApproved       int
	ItemsRed            int
	ItemsYellow         int
	ItemsBlue           int
	MeetingsThisWeek    int
}

// Reader is what the store answers without changing anything.
type Reader interface {
	// Changes moves whenever anything is written, by this program or by
	// another seat on the same office: an open window reads it every second
	// and reloads what it shows when it moved. It is one cheap read.
	Changes(ctx context.Context) (int64, error)
	Document(ctx context.Context, id int64) (*Document, error)
	DocumentBySerial(ctx context.Context, serial string) (*Document, error)
	Documents(ctx context.Context, f DocumentFilter) ([]Document, int, error)
	SealRequest(ctx context.Context, id int64) (*SealRequest, error)
	SealRequestByNumber(ctx context.Context, number string) (*SealRequest, error)
	SealRequests(ctx context.Context, f SealFilter) ([]SealRequest, int, error)
	Item(ctx context.Context, id int64) (*Item, error)
	ItemByNumber(ctx context.Context, number string) (*Item, error)
	Items(ctx context.Context, f ItemFilter) ([]Item, int, error)
	Meeting(ctx context.Context, id int64) (*Meeting, error)
	Meetings(ctx context.Context, f MeetingFilter) ([]Meeting, int, error)
	Search(ctx context.Context, text string, p Page) ([]SearchHit, int, error)
	Dashboard(ctx context.Context, q DashboardQuery) (Dashboard, error)
	History(ctx context.Context, e Entity, id int64) ([]HistoryEntry, error)
	// Histories lists the entries of several records of one kind, oldest
	// first, in one read (工作台 needs those of every late item).
	Histories(ctx context.Context, e Entity, ids []int64) (map[int64][]HistoryEntry, error)

	Settings(ctx context.Context) (Settings, error)
	Units(ctx context.Context) ([]Unit, error)
	Leaders(ctx context.Context) ([]Leader, error)
	Seals(ctx context.Context) ([]Seal, error)
	DayOverrides(ctx context.Context) ([]DayOverride, error)
	ConfirmedYears(ctx context.Context) ([]int, error)
	// StandIns and Absences are the recorded stand-ins and the register of
	// leaders' absences, oldest first.
	StandIns(ctx context.Context) ([]StandIn, error)
	Absences(ctx context.Context) ([]Absence, error)
}

// Tx is one write transaction: everything done through it is committed
// together or not at all.
type Tx interface {
	// NextNumber returns the next value of the named counter, starting at 1;
	// counters never skip or repeat, even across processes.
	NextNumber(key string) (int, error)
	// AdvanceNumber moves the named counter to at least n, so that the next
	// NextNumber gives n+1 or more; it never moves a counter back.
	AdvanceNumber(key string, n int) error

	// The reads a write needs see the transaction's own rows.
	Documents(f DocumentFilter) ([]Document, int, error)
	DocumentBySerial(serial string) (*Document, error)
	SealRequestByNumber(number string) (*SealRequest, error)
	ItemByNumber(number string) (*Item, error)
	Leaders() ([]Leader, error)
	Seals() ([]Seal, error)

	Document(id int64) (*Document, error)
	SaveDocument(d *Document) error // inserts when ID is 0
	// InsertDocuments inserts new documents (ID 0) together, a few hundred
	// rows a statement: the import of a register.
	InsertDocuments(ds []*Document) error
	// IncomingDuplicate finds an incoming document from the same sender with
	// the same normalised 文号, other than exceptID.
	IncomingDuplicate(fromUnit, docNo string, exceptID int64) (*Document, error)
	SealRequest(id int64) (*SealRequest, error)
	SaveSealRequest(r *SealRequest) error
	Item(id int64) (*Item, error)
	SaveItem(it *Item) error
	Meeting(id int64) (*Meeting, error)
	SaveMeeting(m *Meeting) error

	SaveSettings(s Settings) error
	SaveUnit(u *Unit) error
	DeleteUnit(id int64) error
	SaveLeader(l *Leader) error
	DeleteLeader(id int64) error
	SaveSeal(s *Seal) error
	DeleteSeal(id int64) error
	SaveDayOverride(o DayOverride) error
	DeleteDayOverride(d Date) error
	SetYearConfirmed(year int, confirmed bool) error
	StandIns() ([]StandIn, error)
	SaveStandIn(s *StandIn) error // inserts when ID is 0
	DeleteStandIn(id int64) error
	Absences() ([]Absence, error)
	SaveAbsence(a *Absence) error // inserts when ID is 0, with its reports
	DeleteAbsence(id int64) error

	AddHistory(h HistoryEntry) error
}

// Store is the database behind the books.
type Store interface {
	Reader
	// Update runs fn in one write transaction, rolled back if fn fails.
	Update(ctx context.Context, fn func(tx Tx) error) error
}

// All collects every page of a list. Use it only for sets bounded by their
// filter (a month's seal log, a year's catalogue), never for a whole book.
func All[T any](fetch func(Page) ([]T, int, error)) ([]T, error) {
	const size = 500
	var out []T
	for offset := 0; ; offset += size {
		rows, total, err := fetch(Page{Offset: offset, Limit: size})
		if err != nil {
			return nil, err
		}
		out = append(out, rows...)
		if len(rows) < size || len(out) >= total {
			return out, nil
		}
	}
}
