-- 0008_casework.sql - cases that flow between bodies, their follow-up,
-- shared initiatives and the health agreement (issue 5; src/core/
-- casework.h, store.h "casework", written by casework.c).
--
-- Conventions (as 0005):
--   * Enums are their English code (casework.c's tables) or NULL for none.
--   * Dates (due, started, finished, valid_from ...) are INTEGER YYYYMMDD
--     or NULL for none.
--   * created/modified: TEXT 'YYYY-MM-DDTHH:MM:SSZ', UTC, set by
--     casework.c in the statement that writes the row. Notes and
--     comments keep their own time in `at`.
--   * revision (cases, followup_actions, initiatives): 1 when created, +1
--     with every save that changes the row's audit JSON. Adding steps,
--     notes, comments or files moves the owner's modified, not its
--     revision (an open edit form stays valid).
--   * References to the structure (bodies, organisations, people, areas)
--     and between casework objects (a case's template, initiative and
--     focus area) are ON DELETE RESTRICT: a body with cases, a template
--     in use, a focus area that a case names cannot vanish. What an
--     object holds belongs to it (CASCADE): a template's steps, an
--     agreement's items, a case's steps, links and follow-up actions, an
--     action's notes, an initiative's comments and files.
--   * A step's or an action's agenda item is ON DELETE SET NULL, and an
--     item link cascades: a never-published meeting may still be deleted
--     (store_meeting_delete) without the case losing anything but the
--     pointer to where it was to be treated.
--   * An initiative's files keep their bytes like attachments (0005):
--     only `token` (32 lowercase hex) addresses them; metadata reads
--     never select `data`.

-- The health agreement [sundhedsaftale] of a region and its items
-- (visions, focus areas, principles, goals; goals under a focus area).
CREATE TABLE health_agreements (
	id INTEGER PRIMARY KEY,
	key TEXT NOT NULL UNIQUE CHECK (length(key) BETWEEN 1 AND 64),
	title TEXT NOT NULL,
	region_id INTEGER NOT NULL
		REFERENCES organisation (id) ON DELETE RESTRICT,
	valid_from INTEGER CHECK (valid_from BETWEEN 10000101 AND 99991231),
	valid_to INTEGER CHECK (valid_to BETWEEN 10000101 AND 99991231),
	note TEXT NOT NULL DEFAULT '',
	created TEXT NOT NULL
		CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created) = created),
	modified TEXT NOT NULL
		CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', modified) = modified)
);
CREATE INDEX health_agreements_region ON health_agreements (region_id);

CREATE TABLE agreement_items (
	id INTEGER PRIMARY KEY,
	agreement_id INTEGER NOT NULL
		REFERENCES health_agreements (id) ON DELETE CASCADE,
	key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 64),
	part TEXT NOT NULL CHECK (part IN ('vision', 'focus_area',
		'principle', 'goal')),
	parent_id INTEGER REFERENCES agreement_items (id) ON DELETE CASCADE,
	position INTEGER NOT NULL CHECK (position >= 1),
	title TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	UNIQUE (agreement_id, key)
);
CREATE INDEX agreement_items_parent ON agreement_items (parent_id);

-- Flow templates [sagsflow] of a region (seed 001, item 2).
CREATE TABLE flow_templates (
	id INTEGER PRIMARY KEY,
	key TEXT NOT NULL UNIQUE CHECK (length(key) BETWEEN 1 AND 64),
	name TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	region_id INTEGER NOT NULL
		REFERENCES organisation (id) ON DELETE RESTRICT,
	created TEXT NOT NULL
		CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created) = created),
	modified TEXT NOT NULL
		CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', modified) = modified)
);
CREATE INDEX flow_templates_region ON flow_templates (region_id);

CREATE TABLE flow_template_steps (
	id INTEGER PRIMARY KEY,
	template_id INTEGER NOT NULL
		REFERENCES flow_templates (id) ON DELETE CASCADE,
	position INTEGER NOT NULL CHECK (position >= 1),
	target TEXT NOT NULL CHECK (target IN ('body', 'origin',
		'origin_parent', 'kind_all', 'kind_others', 'kind_origin_area',
		'children')),
	target_body_id INTEGER REFERENCES body (id) ON DELETE RESTRICT,
	target_kind TEXT CHECK (target_kind IN ('collaboration_committee',
		'steering_group', 'political_level', 'strategic_level',
		'implementation_group', 'coordination_forum', 'theme_group',
		'adhoc_group', 'network_group', 'secretariat', 'council',
		'other')),
	action TEXT NOT NULL CHECK (action IN ('prepare', 'discuss',
		'recommend', 'decide', 'implement', 'inform',
		'approve_council')),
	offset_days INTEGER NOT NULL DEFAULT 0 CHECK (offset_days >= 0),
	note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX flow_template_steps_template
	ON flow_template_steps (template_id, position);
CREATE INDEX flow_template_steps_body ON flow_template_steps (target_body_id);

-- Knowledge sharing [vidensdeling]: initiatives a cluster shares.
CREATE TABLE initiatives (
	id INTEGER PRIMARY KEY,
	area_id INTEGER NOT NULL REFERENCES area (id) ON DELETE RESTRICT,
	title TEXT NOT NULL CHECK (length(title) >= 1),
	what TEXT NOT NULL DEFAULT '',
	results TEXT NOT NULL DEFAULT '',
	contact_person_id INTEGER REFERENCES person (id) ON DELETE RESTRICT,
	contact_text TEXT NOT NULL DEFAULT '',
	focus_area_id INTEGER
		REFERENCES agreement_items (id) ON DELETE RESTRICT,
	created TEXT NOT NULL
		CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created) = created),
	modified TEXT NOT NULL
		CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', modified) = modified),
	revision INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX initiatives_area ON initiatives (area_id);
CREATE INDEX initiatives_contact ON initiatives (contact_person_id);
CREATE INDEX initiatives_focus ON initiatives (focus_area_id);

CREATE TABLE initiative_comments (
	id INTEGER PRIMARY KEY,
	initiative_id INTEGER NOT NULL
		REFERENCES initiatives (id) ON DELETE CASCADE,
	at TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', at) = at),
	author TEXT NOT NULL,
	area_id INTEGER REFERENCES area (id) ON DELETE RESTRICT,
	text TEXT NOT NULL CHECK (length(text) >= 1)
);
CREATE INDEX initiative_comments_initiative
	ON initiative_comments (initiative_id);
CREATE INDEX initiative_comments_area ON initiative_comments (area_id);

CREATE TABLE initiative_files (
	id INTEGER PRIMARY KEY,
	initiative_id INTEGER NOT NULL
		REFERENCES initiatives (id) ON DELETE CASCADE,
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
CREATE INDEX initiative_files_initiative
	ON initiative_files (initiative_id, position);

-- Cases [sager]. case_number is '' or "YY/NNNNN" (not unique: a case
-- may be split into several flows under one journal number).
CREATE TABLE cases (
	id INTEGER PRIMARY KEY,
	case_number TEXT NOT NULL DEFAULT '',
	title TEXT NOT NULL CHECK (length(title) >= 1),
	description TEXT NOT NULL DEFAULT '',
	origin_body_id INTEGER NOT NULL
		REFERENCES body (id) ON DELETE RESTRICT,
	template_id INTEGER REFERENCES flow_templates (id) ON DELETE RESTRICT,
	initiative_id INTEGER REFERENCES initiatives (id) ON DELETE RESTRICT,
	economic INTEGER NOT NULL DEFAULT 0 CHECK (economic IN (0, 1)),
	focus_area_id INTEGER
		REFERENCES agreement_items (id) ON DELETE RESTRICT,
	started INTEGER CHECK (started BETWEEN 10000101 AND 99991231),
	created TEXT NOT NULL
		CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created) = created),
	modified TEXT NOT NULL
		CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', modified) = modified),
	revision INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX cases_origin ON cases (origin_body_id);
CREATE INDEX cases_template ON cases (template_id);
CREATE INDEX cases_initiative ON cases (initiative_id);
CREATE INDEX cases_focus ON cases (focus_area_id);
CREATE INDEX cases_modified ON cases (modified);

-- A case's flow: a body (or, for a council approval, an organisation)
-- doing something by a due date.
CREATE TABLE case_steps (
	id INTEGER PRIMARY KEY,
	case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
	position INTEGER NOT NULL CHECK (position >= 1),
	stage INTEGER NOT NULL DEFAULT 1 CHECK (stage >= 0),
	body_id INTEGER REFERENCES body (id) ON DELETE RESTRICT,
	org_id INTEGER REFERENCES organisation (id) ON DELETE RESTRICT,
	action TEXT NOT NULL CHECK (action IN ('prepare', 'discuss',
		'recommend', 'decide', 'implement', 'inform',
		'approve_council')),
	due INTEGER CHECK (due BETWEEN 10000101 AND 99991231),
	status TEXT NOT NULL CHECK (status IN ('pending', 'started', 'done',
		'skipped')),
	started INTEGER CHECK (started BETWEEN 10000101 AND 99991231),
	finished INTEGER CHECK (finished BETWEEN 10000101 AND 99991231),
	item_id INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
	note TEXT NOT NULL DEFAULT '',
	CHECK (body_id IS NOT NULL OR org_id IS NOT NULL)
);
CREATE INDEX case_steps_case ON case_steps (case_id, position);
CREATE INDEX case_steps_body ON case_steps (body_id);
CREATE INDEX case_steps_org ON case_steps (org_id);
CREATE INDEX case_steps_item ON case_steps (item_id);

-- The agenda items where a case was treated.
CREATE TABLE case_items (
	case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
	item_id INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
	PRIMARY KEY (case_id, item_id)
);
CREATE INDEX case_items_item ON case_items (item_id);

-- Follow-up actions [opfølgningspunkter] and their progress notes.
CREATE TABLE followup_actions (
	id INTEGER PRIMARY KEY,
	case_id INTEGER REFERENCES cases (id) ON DELETE CASCADE,
	item_id INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
	body_id INTEGER NOT NULL REFERENCES body (id) ON DELETE RESTRICT,
	what TEXT NOT NULL CHECK (length(what) >= 1),
	responsible_org_id INTEGER
		REFERENCES organisation (id) ON DELETE RESTRICT,
	responsible_person_id INTEGER
		REFERENCES person (id) ON DELETE RESTRICT,
	responsible_body_id INTEGER REFERENCES body (id) ON DELETE RESTRICT,
	due INTEGER CHECK (due BETWEEN 10000101 AND 99991231),
	status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done',
		'cancelled')),
	focus_area_id INTEGER
		REFERENCES agreement_items (id) ON DELETE RESTRICT,
	created TEXT NOT NULL
		CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created) = created),
	modified TEXT NOT NULL
		CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', modified) = modified),
	revision INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX followup_actions_case ON followup_actions (case_id);
CREATE INDEX followup_actions_item ON followup_actions (item_id);
CREATE INDEX followup_actions_body ON followup_actions (body_id);
CREATE INDEX followup_actions_org ON followup_actions (responsible_org_id);
CREATE INDEX followup_actions_person
	ON followup_actions (responsible_person_id);
CREATE INDEX followup_actions_rbody ON followup_actions (responsible_body_id);
CREATE INDEX followup_actions_focus ON followup_actions (focus_area_id);

CREATE TABLE followup_notes (
	id INTEGER PRIMARY KEY,
	action_id INTEGER NOT NULL
		REFERENCES followup_actions (id) ON DELETE CASCADE,
	at TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', at) = at),
	author TEXT NOT NULL,
	text TEXT NOT NULL CHECK (length(text) >= 1)
);
CREATE INDEX followup_notes_action ON followup_notes (action_id);

-- Indexes for ON DELETE RESTRICT checks on the structure side.
CREATE INDEX agreement_items_agreement ON agreement_items (agreement_id);

-- The audit log gains the casework kinds (rebuilt as in 0005).
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
		'document', 'case', 'case_step', 'template', 'agreement',
		'action', 'initiative', 'comment')),
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
