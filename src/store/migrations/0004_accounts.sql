-- 0004_accounts.sql - local accounts and login sessions (issue 3, item 1).
--
-- account: who can log in. A username is 1-64 characters of
-- [a-z0-9._@-] (lower case, so "Anna" and "anna" cannot both exist).
-- password_hash is libsodium's crypto_pwhash_str (argon2id) string, NULL
-- for an account that logs in only through the trusted-header mode.
-- password_changed is when it was last set (shown in the audit log
-- instead of the hash, which never leaves this table). person_id links
-- the account to the person it is: roles come from that person's
-- memberships (core/access.h). Accounts are never deleted, only
-- disabled, so the audit log's actors keep meaning something.
--
-- session: one row per login. The cookie holds a random token; only
-- the hex of its BLAKE2b hash (crypto_generichash) is stored, so a copy
-- of the database does not log anyone in. csrf is the session's form
-- token (bound to the login, replacing the anonymous double-submit
-- cookie). created, expires and last_seen are Unix seconds (compared
-- with the caller's "now"); expired rows are deleted when met and by
-- store_session_purge.

CREATE TABLE account (
	id INTEGER PRIMARY KEY,
	username TEXT NOT NULL UNIQUE
		CHECK (length(username) BETWEEN 1 AND 64
		       AND username NOT GLOB '*[^a-z0-9._@-]*'),
	display_name TEXT NOT NULL DEFAULT '',
	person_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
	password_hash TEXT,
	password_changed TEXT,
	admin INTEGER NOT NULL DEFAULT 0 CHECK (admin IN (0, 1)),
	disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
	created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	modified TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX account_person ON account (person_id);

CREATE TABLE session (
	id INTEGER PRIMARY KEY,
	token_hash TEXT NOT NULL UNIQUE,
	account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	csrf TEXT NOT NULL,
	created INTEGER NOT NULL,
	expires INTEGER NOT NULL,
	last_seen INTEGER NOT NULL
);
CREATE INDEX session_account ON session (account_id);
CREATE INDEX session_expires ON session (expires);

-- The audit log gains the kind 'account'. SQLite cannot change a CHECK
-- in place: the table is rebuilt with the same rows (DROP TABLE fires
-- no DELETE triggers; the append-only triggers are made again).
CREATE TABLE audit_new (
	id INTEGER PRIMARY KEY,
	at TEXT NOT NULL
		CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', at) = at),
	actor TEXT NOT NULL,
	action TEXT NOT NULL
		CHECK (action IN ('create', 'update', 'delete', 'import')),
	kind TEXT NOT NULL
		CHECK (kind IN ('organisation', 'area', 'body', 'charter',
		'person', 'membership', 'rotation', 'structure', 'account')),
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
