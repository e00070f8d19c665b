-- 0005_meetings.sql - meetings from planning to approved minutes (issue 4;
-- src/core/meeting.h, store.h "meetings", written by meetings.c).
--
-- Conventions (as 0001-0004, with these differences):
--   * Enums are their English code (meeting.c's tables) or NULL for none.
--   * A meeting's date and a task's due date are INTEGER YYYYMMDD (the
--     model's int date, compared and ordered as numbers); times of day
--     are minutes after midnight. Membership dates stay TEXT (0001): the
--     person query converts with printf.
--   * created/modified: TEXT 'YYYY-MM-DDTHH:MM:SSZ', UTC, set by
--     meetings.c in the statement that writes the row (no triggers: a
--     meeting's or an item's save already knows whether it changed
--     anything, from comparing the audit JSON before and after). Any
--     write below a meeting (items, attachments, attendance, tasks,
--     documents) also sets the meeting's modified, because OParl embeds
--     agenda items in the meeting and clients sync by modified_since.
--   * revision (meetings, agenda_items): 1 when created, +1 with every
--     save or state change that changes the row's audit JSON. Renumbering
--     (reorder, an item deleted before it) is not a save of the item and
--     does not move its revision, so an open edit form stays valid.
--   * References to the structure are ON DELETE RESTRICT (a body with
--     meetings, a membership with recorded attendance, a person who is
--     an item's case handler cannot vanish: store_delete says "in_use").
--     Everything a meeting holds belongs to it (CASCADE), so deleting a
--     never-published meeting takes it all.
--   * Bytes (attachments, generated PDFs) live in BLOBs next to their
--     metadata; their only outside address is `token`, 32 lowercase hex
--     from 16 CSPRNG bytes. Reads of metadata never select `data`.

CREATE TABLE meetings (
	id INTEGER PRIMARY KEY,
	body_id INTEGER NOT NULL REFERENCES body (id) ON DELETE RESTRICT,
	kind TEXT CHECK (kind IN ('ordinary', 'extraordinary')),
	state TEXT NOT NULL CHECK (state IN ('planned', 'invited',
		'agenda_approved', 'published', 'held', 'minutes_approved',
		'cancelled')),
	title TEXT NOT NULL DEFAULT '',
	date INTEGER NOT NULL CHECK (date BETWEEN 10000101 AND 99991231),
	start_min INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1439),
	end_min INTEGER NOT NULL CHECK (end_min BETWEEN 1 AND 1440),
	place TEXT NOT NULL DEFAULT '',
	online_url TEXT NOT NULL DEFAULT '',
	sequence INTEGER NOT NULL DEFAULT 0,
	was_published INTEGER NOT NULL DEFAULT 0
		CHECK (was_published IN (0, 1)),
	created TEXT NOT NULL
		CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created) = created),
	modified TEXT NOT NULL
		CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', modified) = modified),
	revision INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX meetings_body_date ON meetings (body_id, date);
CREATE INDEX meetings_date ON meetings (date);
CREATE INDEX meetings_modified ON meetings (modified);

-- Who moved a meeting from one state to another, and when. from_state
-- is NULL for the creation (none -> planned).
CREATE TABLE meeting_events (
	id INTEGER PRIMARY KEY,
	meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	from_state TEXT CHECK (from_state IN ('planned', 'invited',
		'agenda_approved', 'published', 'held', 'minutes_approved',
		'cancelled')),
	to_state TEXT NOT NULL CHECK (to_state IN ('planned', 'invited',
		'agenda_approved', 'published', 'held', 'minutes_approved',
		'cancelled')),
	actor TEXT NOT NULL,
	at TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', at) = at)
);
CREATE INDEX meeting_events_meeting ON meeting_events (meeting_id);

-- Items [dagsordenspunkter]. number is 1..n within the meeting; not
-- UNIQUE, because a renumbering UPDATE passes through duplicates.
CREATE TABLE agenda_items (
	id INTEGER PRIMARY KEY,
	meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	number INTEGER NOT NULL CHECK (number >= 1),
	title TEXT NOT NULL,
	case_number TEXT NOT NULL DEFAULT '',
	kind TEXT CHECK (kind IN ('approval', 'discussion', 'information',
		'aob')),
	closed INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
	psychiatry INTEGER NOT NULL DEFAULT 0 CHECK (psychiatry IN (0, 1)),
	handler_person_id INTEGER REFERENCES person (id) ON DELETE RESTRICT,
	summary TEXT NOT NULL DEFAULT '',
	presentation TEXT NOT NULL DEFAULT '',
	recommended_by TEXT NOT NULL DEFAULT '',
	resolutions TEXT NOT NULL DEFAULT '',
	dissent TEXT NOT NULL DEFAULT '',
	guests TEXT NOT NULL DEFAULT '',
	decision TEXT NOT NULL DEFAULT '',
	outcome TEXT CHECK (outcome IN ('approved', 'approved_changed',
		'rejected', 'discussed', 'noted', 'postponed')),
	created TEXT NOT NULL
		CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created) = created),
	modified TEXT NOT NULL
		CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', modified) = modified),
	revision INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, number);
CREATE INDEX agenda_items_handler ON agenda_items (handler_person_id);

-- Uploaded files of an item [bilag].
CREATE TABLE attachments (
	id INTEGER PRIMARY KEY,
	item_id INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
	position INTEGER NOT NULL CHECK (position >= 1),
	token TEXT NOT NULL UNIQUE
		CHECK (length(token) = 32 AND token NOT GLOB '*[^0-9a-f]*'),
	filename TEXT NOT NULL,
	media_type TEXT NOT NULL,
	size INTEGER NOT NULL CHECK (size >= 0),
	sha256 TEXT NOT NULL
		CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
	data BLOB NOT NULL,
	created TEXT NOT NULL
		CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created) = created)
);
CREATE INDEX attachments_item ON attachments (item_id, position);

-- Attendance [fremmøde]: at most one row per membership and meeting.
CREATE TABLE attendance (
	id INTEGER PRIMARY KEY,
	meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	membership_id INTEGER NOT NULL
		REFERENCES membership (id) ON DELETE RESTRICT,
	status TEXT NOT NULL CHECK (status IN ('present', 'apology', 'absent')),
	note TEXT NOT NULL DEFAULT '',
	UNIQUE (meeting_id, membership_id)
);
CREATE INDEX attendance_membership ON attendance (membership_id);

-- The secretariat's checklist (seed 001's task matrix, one row per task).
CREATE TABLE meeting_tasks (
	id INTEGER PRIMARY KEY,
	meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	position INTEGER NOT NULL CHECK (position >= 1),
	key TEXT NOT NULL DEFAULT '',
	label TEXT NOT NULL,
	responsible TEXT NOT NULL DEFAULT '',
	due INTEGER CHECK (due BETWEEN 10000101 AND 99991231),
	done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
	done_by TEXT NOT NULL DEFAULT '',
	done_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meeting_tasks_meeting ON meeting_tasks (meeting_id, position);

-- Generated PDFs, kept forever; one version number per meeting, kind
-- and edition.
CREATE TABLE meeting_documents (
	id INTEGER PRIMARY KEY,
	meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind IN ('agenda', 'minutes')),
	version INTEGER NOT NULL CHECK (version >= 1),
	public_edition INTEGER NOT NULL CHECK (public_edition IN (0, 1)),
	token TEXT NOT NULL UNIQUE
		CHECK (length(token) = 32 AND token NOT GLOB '*[^0-9a-f]*'),
	size INTEGER NOT NULL CHECK (size >= 0),
	sha256 TEXT NOT NULL
		CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
	data BLOB NOT NULL,
	created TEXT NOT NULL
		CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created) = created),
	created_by TEXT NOT NULL,
	UNIQUE (meeting_id, kind, public_edition, version)
);

-- The audit log gains the meeting kinds (rebuilt as in 0004: SQLite
-- cannot change a CHECK in place; DROP TABLE fires no DELETE trigger).
CREATE TABLE audit_new (
	id INTEGER PRIMARY KEY,
	at TEXT NOT NULL
		CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', at) = at),
	actor TEXT NOT NULL,
	action TEXT NOT NULL
		CHECK (action IN ('create', 'update', 'delete', 'import')),
	kind TEXT NOT NULL
		CHECK (kind IN ('organisation', 'area', 'body', 'charter',
		'person', 'membership', 'rotation', 'structure', 'account',
		'meeting', 'item', 'attachment', 'attendance', 'task',
		'document')),
	object_id INTEGER,
	object_key TEXT,
	body_id INTEGER,	-- no REFERENCES: the log outlives the body
	before TEXT,
	after TEXT
);
INSERT INTO audit_new (id, at, actor, action, kind, object_id, object_key,
		       body_id, before, after)
	SELECT id, at, actor, action, kind, object_id, object_key, body_id,
	       before, after FROM audit ORDER BY id;
DROP TABLE audit;
ALTER TABLE audit_new RENAME TO audit;
CREATE INDEX audit_object ON audit (kind, object_id);
CREATE INDEX audit_body ON audit (body_id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
	SELECT RAISE(ABORT, 'audit log is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
	SELECT RAISE(ABORT, 'audit log is append-only');
END;
