-- 0003_versions.sql - revisions for concurrent edits, and the audit log.
--
-- revision: a counter per object, 1 when created, one more with every
-- save that really changes the object (its own columns or the lists it
-- owns: an area's municipalities; a charter's seats, approvals and
-- overlaps). A save that changes nothing leaves it, as it leaves
-- modified (0002). Named "revision", not "version": charters already
-- have a version (their number, "ssu-v2").
--   * sqlite.c bumps it, in the transaction of the save, when the
--     object's canonical JSON (the audit row's before and after) differs:
--     one rule for the row and its lists, one bump per save. No trigger
--     writes it, so nothing can recurse.
--   * A save given the revision the client read updates only while the
--     stored one is still that (compare-and-set inside the write
--     transaction); otherwise ERR_CONFLICT "stale" and nothing is saved.
--   * Structure files never contain it (an import starts every object
--     at 1).
--
-- audit: append-only, one row per change, written by sqlite.c in the
-- transaction of the change. before/after are the object's canonical
-- compact JSON as in structure files (references as keys); NULL before
-- a create and after a delete. An import writes one row with counts.
-- The triggers refuse every UPDATE and DELETE of an audit row.

ALTER TABLE organisation ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE area ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE body ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE charter ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE person ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE membership ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE rotation ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;

CREATE TABLE audit (
	id INTEGER PRIMARY KEY,
	at TEXT NOT NULL
		CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', at) = at),
	actor TEXT NOT NULL,
	action TEXT NOT NULL
		CHECK (action IN ('create', 'update', 'delete', 'import')),
	kind TEXT NOT NULL
		CHECK (kind IN ('organisation', 'area', 'body', 'charter',
		'person', 'membership', 'rotation', 'structure')),
	object_id INTEGER,
	object_key TEXT,
	body_id INTEGER,	-- no REFERENCES: the log outlives the body
	before TEXT,
	after TEXT
);
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
