package data

// The schema, one block per migration. A block is never edited once
// released: a change is a new block appended in sqlite_migrate.go.

// schemaBooks (version 1) holds the four books, their child lists, history,
// counters and reference data. Dates are TEXT 'YYYY-MM-DD' (” for none),
// times DATETIME in UTC. Child lists live in their own tables so that the
// work lists ("传阅未退回", "待批示") are indexed queries; lists never asked
// about (co-units, attendees, a seal's chain) are JSON arrays.
const schemaBooks = `
CREATE TABLE counters (
	name  TEXT PRIMARY KEY,
	value INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE documents (
	id                INTEGER PRIMARY KEY,
	direction         TEXT NOT NULL CHECK (direction IN ('in', 'out')),
	status            TEXT NOT NULL,
	serial            TEXT NOT NULL DEFAULT '',
	serial_num        INTEGER NOT NULL DEFAULT 0,
	year              INTEGER NOT NULL DEFAULT 0,
	doc_no            TEXT NOT NULL DEFAULT '',
	doc_no_key        TEXT NOT NULL DEFAULT '',
	title             TEXT NOT NULL,
	from_unit         TEXT NOT NULL DEFAULT '',
	received_on       TEXT NOT NULL DEFAULT '',
	written_on        TEXT NOT NULL DEFAULT '',
	book_on           TEXT NOT NULL DEFAULT '',
	copies            INTEGER NOT NULL DEFAULT 0,
	pages             INTEGER NOT NULL DEFAULT 0,
	attachments       TEXT NOT NULL DEFAULT '',
	secrecy           TEXT NOT NULL DEFAULT '',
	urgency           TEXT NOT NULL DEFAULT '',
	kind              TEXT NOT NULL DEFAULT '',
	remarks           TEXT NOT NULL DEFAULT '',
	proposal          TEXT NOT NULL DEFAULT '',
	proposed_by       TEXT NOT NULL DEFAULT '',
	proposed_on       TEXT NOT NULL DEFAULT '',
	lead_unit         TEXT NOT NULL DEFAULT '',
	co_units          TEXT NOT NULL DEFAULT '[]',
	limit_workdays    INTEGER NOT NULL DEFAULT 0,
	due_on            TEXT NOT NULL DEFAULT '',
	due_uncertain     INTEGER NOT NULL DEFAULT 0,
	result            TEXT NOT NULL DEFAULT '',
	done_on           TEXT NOT NULL DEFAULT '',
	archive_fonds     TEXT NOT NULL DEFAULT '',
	archive_year      INTEGER NOT NULL DEFAULT 0,
	archive_retention TEXT NOT NULL DEFAULT '',
	archive_org_code  TEXT NOT NULL DEFAULT '',
	archive_piece     INTEGER NOT NULL DEFAULT 0,
	archive_filed_on  TEXT NOT NULL DEFAULT '',
	return_reason     TEXT NOT NULL DEFAULT '',
	transfer_to       TEXT NOT NULL DEFAULT '',
	duplicate_of      INTEGER NOT NULL DEFAULT 0,
	issuing_code      TEXT NOT NULL DEFAULT '',
	draft_unit        TEXT NOT NULL DEFAULT '',
	drafter           TEXT NOT NULL DEFAULT '',
	drafted_on        TEXT NOT NULL DEFAULT '',
	checked_by        TEXT NOT NULL DEFAULT '',
	checked_on        TEXT NOT NULL DEFAULT '',
	signer            TEXT NOT NULL DEFAULT '',
	signed_on         TEXT NOT NULL DEFAULT '',
	main_to           TEXT NOT NULL DEFAULT '',
	copy_to           TEXT NOT NULL DEFAULT '',
	countersign       TEXT NOT NULL DEFAULT '[]',
	issued_on         TEXT NOT NULL DEFAULT '',
	print_count       INTEGER NOT NULL DEFAULT 0,
	created_at        DATETIME NOT NULL,
	updated_at        DATETIME NOT NULL
);
CREATE UNIQUE INDEX documents_serial ON documents (direction, serial) WHERE serial <> '';
CREATE INDEX documents_book ON documents (direction, book_on);
CREATE INDEX documents_year_serial ON documents (direction, year, serial_num);
CREATE INDEX documents_status_due ON documents (status, due_on);
CREATE INDEX documents_doc_no ON documents (doc_no_key, from_unit) WHERE doc_no_key <> '';
CREATE INDEX documents_archive ON documents (archive_year) WHERE archive_year <> 0;

CREATE TABLE doc_instructions (
	id      INTEGER PRIMARY KEY,
	doc_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	pos     INTEGER NOT NULL,
	leader  TEXT NOT NULL DEFAULT '',
	role    TEXT NOT NULL DEFAULT '',
	text    TEXT NOT NULL DEFAULT '',
	on_date TEXT NOT NULL DEFAULT ''
);
CREATE INDEX doc_instructions_doc ON doc_instructions (doc_id, pos);

CREATE TABLE doc_circulations (
	id          INTEGER PRIMARY KEY,
	doc_id      INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	pos         INTEGER NOT NULL,
	seq         INTEGER NOT NULL DEFAULT 0,
	reader      TEXT NOT NULL DEFAULT '',
	sent_on     TEXT NOT NULL DEFAULT '',
	returned_on TEXT NOT NULL DEFAULT '',
	comment     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX doc_circulations_doc ON doc_circulations (doc_id, pos);
-- 传阅未退回: only the rows still out are in this index
CREATE INDEX doc_circulations_out ON doc_circulations (doc_id) WHERE returned_on = '';

CREATE TABLE doc_reminders (
	id       INTEGER PRIMARY KEY,
	doc_id   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	pos      INTEGER NOT NULL,
	on_date  TEXT NOT NULL DEFAULT '',
	text     TEXT NOT NULL DEFAULT '',
	operator TEXT NOT NULL DEFAULT ''
);
CREATE INDEX doc_reminders_doc ON doc_reminders (doc_id, pos);

CREATE TABLE doc_reviews (
	id      INTEGER PRIMARY KEY,
	doc_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	pos     INTEGER NOT NULL,
	leader  TEXT NOT NULL DEFAULT '',
	role    TEXT NOT NULL DEFAULT '',
	on_date TEXT NOT NULL DEFAULT '',
	opinion TEXT NOT NULL DEFAULT ''
);
CREATE INDEX doc_reviews_doc ON doc_reviews (doc_id, pos);

CREATE TABLE seal_requests (
	id            INTEGER PRIMARY KEY,
	number        TEXT NOT NULL DEFAULT '',
	year          INTEGER NOT NULL DEFAULT 0,
	status        TEXT NOT NULL,
	seal_name     TEXT NOT NULL DEFAULT '',
	seal_kind     TEXT NOT NULL DEFAULT '',
	unit          TEXT NOT NULL DEFAULT '',
	contact       TEXT NOT NULL DEFAULT '',
	phone         TEXT NOT NULL DEFAULT '',
	reason        TEXT NOT NULL DEFAULT '',
	file_name     TEXT NOT NULL DEFAULT '',
	copies        INTEGER NOT NULL DEFAULT 0,
	destination   TEXT NOT NULL DEFAULT '',
	off_site      INTEGER NOT NULL DEFAULT 0,
	requested_on  TEXT NOT NULL DEFAULT '',
	chain         TEXT NOT NULL DEFAULT '[]',
	reject_reason TEXT NOT NULL DEFAULT '',
	log_no        TEXT NOT NULL DEFAULT '',
	used_on       TEXT NOT NULL DEFAULT '',
	used_count    INTEGER NOT NULL DEFAULT 0,
	handler       TEXT NOT NULL DEFAULT '',
	witness       TEXT NOT NULL DEFAULT '',
	remarks       TEXT NOT NULL DEFAULT '',
	created_at    DATETIME NOT NULL,
	updated_at    DATETIME NOT NULL
);
CREATE UNIQUE INDEX seal_requests_number ON seal_requests (number) WHERE number <> '';
CREATE INDEX seal_requests_status ON seal_requests (status);
CREATE INDEX seal_requests_requested ON seal_requests (requested_on);
CREATE INDEX seal_requests_used ON seal_requests (used_on) WHERE used_on <> '';

CREATE TABLE seal_approvals (
	id         INTEGER PRIMARY KEY,
	request_id INTEGER NOT NULL REFERENCES seal_requests (id) ON DELETE CASCADE,
	pos        INTEGER NOT NULL,
	step       INTEGER NOT NULL DEFAULT 0,
	role       TEXT NOT NULL DEFAULT '',
	action     TEXT NOT NULL DEFAULT '',
	approver   TEXT NOT NULL DEFAULT '',
	on_date    TEXT NOT NULL DEFAULT '',
	opinion    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX seal_approvals_request ON seal_approvals (request_id, pos);

CREATE TABLE items (
	id                INTEGER PRIMARY KEY,
	number            TEXT NOT NULL DEFAULT '',
	year              INTEGER NOT NULL DEFAULT 0,
	seq               INTEGER NOT NULL DEFAULT 0,
	source_type       TEXT NOT NULL DEFAULT '',
	source_ref        TEXT NOT NULL DEFAULT '',
	source_doc_id     INTEGER NOT NULL DEFAULT 0,
	source_meeting_id INTEGER NOT NULL DEFAULT 0,
	title             TEXT NOT NULL,
	content           TEXT NOT NULL DEFAULT '',
	lead_unit         TEXT NOT NULL DEFAULT '',
	co_units          TEXT NOT NULL DEFAULT '[]',
	responsible       TEXT NOT NULL DEFAULT '',
	leader_in_charge  TEXT NOT NULL DEFAULT '',
	assigned_on       TEXT NOT NULL DEFAULT '',
	deadline          TEXT NOT NULL DEFAULT '',
	current_deadline  TEXT NOT NULL DEFAULT '',
	report_every      TEXT NOT NULL DEFAULT '',
	status            TEXT NOT NULL,
	done_on           TEXT NOT NULL DEFAULT '',
	result            TEXT NOT NULL DEFAULT '',
	satisfaction      TEXT NOT NULL DEFAULT '',
	created_at        DATETIME NOT NULL,
	updated_at        DATETIME NOT NULL
);
CREATE UNIQUE INDEX items_number ON items (number) WHERE number <> '';
CREATE INDEX items_status_deadline ON items (status, current_deadline);
CREATE INDEX items_assigned ON items (assigned_on);
CREATE INDEX items_year_seq ON items (year, seq);
CREATE INDEX items_source_doc ON items (source_doc_id) WHERE source_doc_id <> 0;
CREATE INDEX items_source_meeting ON items (source_meeting_id) WHERE source_meeting_id <> 0;

CREATE TABLE item_stages (
	id       INTEGER PRIMARY KEY,
	item_id  INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
	pos      INTEGER NOT NULL,
	name     TEXT NOT NULL DEFAULT '',
	deadline TEXT NOT NULL DEFAULT '',
	done_on  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX item_stages_item ON item_stages (item_id, pos);

CREATE TABLE item_progress (
	id       INTEGER PRIMARY KEY,
	item_id  INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
	pos      INTEGER NOT NULL,
	on_date  TEXT NOT NULL DEFAULT '',
	text     TEXT NOT NULL DEFAULT '',
	operator TEXT NOT NULL DEFAULT ''
);
CREATE INDEX item_progress_item ON item_progress (item_id, pos);

CREATE TABLE item_follow_ups (
	id       INTEGER PRIMARY KEY,
	item_id  INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
	pos      INTEGER NOT NULL,
	on_date  TEXT NOT NULL DEFAULT '',
	text     TEXT NOT NULL DEFAULT '',
	reopened INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX item_follow_ups_item ON item_follow_ups (item_id, pos);

CREATE TABLE meetings (
	id                INTEGER PRIMARY KEY,
	kind              TEXT NOT NULL,
	term              TEXT NOT NULL DEFAULT '',
	seq               INTEGER NOT NULL DEFAULT 0,
	year              INTEGER NOT NULL DEFAULT 0,
	held_on           TEXT NOT NULL DEFAULT '',
	time_text         TEXT NOT NULL DEFAULT '',
	place             TEXT NOT NULL DEFAULT '',
	chair             TEXT NOT NULL DEFAULT '',
	attendees         TEXT NOT NULL DEFAULT '[]',
	observers         TEXT NOT NULL DEFAULT '[]',
	recorder          TEXT NOT NULL DEFAULT '',
	minutes_year      INTEGER NOT NULL DEFAULT 0,
	minutes_number    INTEGER NOT NULL DEFAULT 0,
	minutes_title     TEXT NOT NULL DEFAULT '',
	minutes_body      TEXT NOT NULL DEFAULT '',
	minutes_signer    TEXT NOT NULL DEFAULT '',
	minutes_issued_on TEXT NOT NULL DEFAULT '',
	minutes_copy_to   TEXT NOT NULL DEFAULT '',
	created_at        DATETIME NOT NULL,
	updated_at        DATETIME NOT NULL
);
CREATE INDEX meetings_held ON meetings (held_on);
CREATE INDEX meetings_kind ON meetings (kind, held_on);

CREATE TABLE meeting_absentees (
	id         INTEGER PRIMARY KEY,
	meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	pos        INTEGER NOT NULL,
	name       TEXT NOT NULL DEFAULT '',
	reason     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meeting_absentees_meeting ON meeting_absentees (meeting_id, pos);

CREATE TABLE meeting_topics (
	id             INTEGER PRIMARY KEY,
	meeting_id     INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	pos            INTEGER NOT NULL,
	seq            INTEGER NOT NULL DEFAULT 0,
	title          TEXT NOT NULL DEFAULT '',
	reporting_unit TEXT NOT NULL DEFAULT '',
	due_on         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meeting_topics_meeting ON meeting_topics (meeting_id, pos);

CREATE TABLE meeting_decisions (
	id         INTEGER PRIMARY KEY,
	meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	pos        INTEGER NOT NULL,
	seq        INTEGER NOT NULL DEFAULT 0,
	content    TEXT NOT NULL DEFAULT '',
	lead_unit  TEXT NOT NULL DEFAULT '',
	co_units   TEXT NOT NULL DEFAULT '[]',
	deadline   TEXT NOT NULL DEFAULT '',
	item_id    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX meeting_decisions_meeting ON meeting_decisions (meeting_id, pos);

CREATE TABLE history (
	id        INTEGER PRIMARY KEY,
	entity    TEXT NOT NULL,
	entity_id INTEGER NOT NULL,
	at        DATETIME NOT NULL,
	operator  TEXT NOT NULL DEFAULT '',
	action    TEXT NOT NULL DEFAULT '',
	detail    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX history_entity ON history (entity, entity_id, at);

CREATE TABLE settings (
	id   INTEGER PRIMARY KEY CHECK (id = 1),
	json TEXT NOT NULL
);

CREATE TABLE units (
	id     INTEGER PRIMARY KEY,
	name   TEXT NOT NULL UNIQUE,
	kind   TEXT NOT NULL DEFAULT '',
	ord    INTEGER NOT NULL DEFAULT 0,
	active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE leaders (
	id        INTEGER PRIMARY KEY,
	name      TEXT NOT NULL UNIQUE,
	role      TEXT NOT NULL DEFAULT '',
	ord       INTEGER NOT NULL DEFAULT 0,
	portfolio TEXT NOT NULL DEFAULT '',
	units     TEXT NOT NULL DEFAULT '[]',
	linked_to TEXT NOT NULL DEFAULT '',
	active    INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE seals (
	id     INTEGER PRIMARY KEY,
	name   TEXT NOT NULL UNIQUE,
	kind   TEXT NOT NULL DEFAULT '',
	keeper TEXT NOT NULL DEFAULT '',
	chain  TEXT NOT NULL DEFAULT '[]',
	active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE day_overrides (
	day  TEXT PRIMARY KEY,
	work INTEGER NOT NULL,
	name TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

CREATE TABLE confirmed_years (
	year INTEGER PRIMARY KEY
);
`

// schemaSearch (version 2) is the search index, described in sqlite_search.go:
// search_entries holds what a hit shows, keyed by an id that sorts newest
// first; search_chars and search_pairs are contentless FTS5 indexes whose
// rowid is that id.
const schemaSearch = `
CREATE TABLE search_entries (
	id        INTEGER PRIMARY KEY,
	entity    TEXT NOT NULL,
	entity_id INTEGER NOT NULL,
	number    TEXT NOT NULL DEFAULT '',
	title     TEXT NOT NULL DEFAULT '',
	status    TEXT NOT NULL DEFAULT '',
	on_date   TEXT NOT NULL DEFAULT '',
	body      TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX search_entries_entity ON search_entries (entity, entity_id);
-- a book's text filter maps entry ids to record ids from this index alone
CREATE INDEX search_entries_records ON search_entries (entity, id, entity_id);
CREATE VIRTUAL TABLE search_chars USING fts5 (c, tokenize = 'ascii', content = '', contentless_delete = 1, detail = none);
CREATE VIRTUAL TABLE search_pairs USING fts5 (p, tokenize = 'ascii', content = '', contentless_delete = 1, detail = full);
`

// schemaLarge (version 3) is what ten years of records showed (issue 7,
// docs/BENCHMARKS.md):
//
// search_entries no longer keeps a copy of every record's searchable text
// for the snippets of hits: it was a quarter of a large office's file (52 MB
// of 338 MB with 100,000 documents). The snippets of a page of hits are cut
// from the records themselves.
//
// Three indexes let a page of a book be read without reading the whole book
// (80,000 收文 take 30–45 ms to scan): the default order (newest number
// first) under a status filter, for the quick views (待拟办, 承办中, 已办结 …)
// and the sort by status; and the 用印 book's default order (year, number).
// The sorts by title, 来文单位 and 办理时限 over a whole book had none until
// version 5 (schemaSortKeys, with sqlite_plan.go to steer the planner): with
// SQLite's planner lacking statistics, an index whose order is not the
// records' order (title, unit, due date) is also taken for unrelated
// filters, which then read the rows in random order and get slower
// (measured: 33 → 45–98 ms for the 紧急程度 filter).
const schemaLarge = `
ALTER TABLE search_entries DROP COLUMN body;
CREATE INDEX documents_status_serial ON documents (direction, status, year, serial_num);
CREATE INDEX seal_requests_year_number ON seal_requests (year, number);
CREATE INDEX items_status_year_seq ON items (status, year, seq);
`

// schemaSortKeys (version 5) lets every sort of a whole book read a page
// without reading the book (docs/BENCHMARKS.md): the sorts by title, 来文单位
// and 办理时限 and the 紧急程度 filter in the default order. 办理时限 has an
// index for each direction because no due date comes last both ways; each
// is written so that new documents are appended at its end, which keeps its
// pages full. The unit index also holds the other units, so the 单位
// filter counts from it alone. sqlite_plan.go keeps the planner from walking these
// indexes for unrelated filters.
//
// The 文号 index was partial (only non-empty 文号), which SQLite cannot
// use for "doc_no_key = ?" with a bound value: the duplicate check of every
// registration read a unit's documents instead. It is now whole, and holds
// the 文号 alone.
//
// The search index is rebuilt with the books' markers (sqlite_search.go).
const schemaSortKeys = `
CREATE INDEX documents_title ON documents (direction, title);
CREATE INDEX documents_unit ON documents (direction, from_unit, id, lead_unit, draft_unit);
CREATE INDEX documents_due ON documents (direction, due_on = '', due_on);
CREATE INDEX documents_dated ON documents (direction, due_on <> '', due_on);
CREATE INDEX documents_urgency ON documents (direction, urgency, year, serial_num);
DROP INDEX documents_doc_no;
CREATE INDEX documents_doc_no ON documents (doc_no_key);
`

// schemaOutgoingSteps (version 6) records the steps the seeds ask of a
// document beyond the register: its 文种, the preset cause of a 退文, the
// 来文签发人, a 发文's 公开属性, for a 规范性文件 the 区司法局's 合法性审查, and
// each 会签 of a draft (doc_cosigns).
const schemaOutgoingSteps = `
ALTER TABLE documents ADD COLUMN genre TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN return_cause TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN sender_signer TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN disclosure TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN disclosure_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN normative INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN legal_review_on TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN legal_review_opinion TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN legal_review_passed INTEGER NOT NULL DEFAULT 0;

CREATE TABLE doc_cosigns (
	id         INTEGER PRIMARY KEY,
	doc_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	pos        INTEGER NOT NULL,
	party      TEXT NOT NULL DEFAULT '',
	sent_on    TEXT NOT NULL DEFAULT '',
	due_on     TEXT NOT NULL DEFAULT '',
	replied_on TEXT NOT NULL DEFAULT '',
	reply      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX doc_cosigns_doc ON doc_cosigns (doc_id, pos);
`

// schemaAuthority (version 7) keeps what the office's rules of authority need: the kind
// of an outgoing document as far as signing goes, who signed, reviewed,
// approved a seal or signed minutes for another leader and how the paper
// prints him (李四（代）), the recorded stand-ins and the register of
// leaders' absences with the reports made of them.
const schemaAuthority = `
ALTER TABLE documents ADD COLUMN signing_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN signed_for TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN signer_printed TEXT NOT NULL DEFAULT '';
ALTER TABLE doc_reviews ADD COLUMN acting_for TEXT NOT NULL DEFAULT '';
ALTER TABLE seal_approvals ADD COLUMN acting_for TEXT NOT NULL DEFAULT '';
ALTER TABLE seal_approvals ADD COLUMN printed TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN minutes_signed_for TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN minutes_signer_printed TEXT NOT NULL DEFAULT '';

CREATE TABLE stand_ins (
	id         INTEGER PRIMARY KEY,
	leader     TEXT NOT NULL,
	deputy     TEXT NOT NULL,
	from_on    TEXT NOT NULL,
	to_on      TEXT NOT NULL,
	reason     TEXT NOT NULL DEFAULT '',
	absence_id INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stand_ins_deputy ON stand_ins (deputy, from_on);

CREATE TABLE absences (
	id       INTEGER PRIMARY KEY,
	leader   TEXT NOT NULL,
	kind     TEXT NOT NULL DEFAULT '',
	from_on  TEXT NOT NULL,
	to_on    TEXT NOT NULL,
	place    TEXT NOT NULL DEFAULT '',
	contact  TEXT NOT NULL DEFAULT '',
	stand_in TEXT NOT NULL DEFAULT '',
	remarks  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX absences_dates ON absences (to_on, from_on);

CREATE TABLE absence_reports (
	id         INTEGER PRIMARY KEY,
	absence_id INTEGER NOT NULL REFERENCES absences (id) ON DELETE CASCADE,
	pos        INTEGER NOT NULL,
	to_name    TEXT NOT NULL,
	on_date    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX absence_reports_absence ON absence_reports (absence_id, pos);
`

// schemaVersions (version 8) lets several seats edit the same record: each
// record of the four books counts its saves and names who saved it last,
// so that a save from a form opened before another seat's save is refused
// (saveRow) with a message naming that seat and when.
const schemaVersions = `
ALTER TABLE documents ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE seal_requests ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE seal_requests ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE items ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE items ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE meetings ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
`
