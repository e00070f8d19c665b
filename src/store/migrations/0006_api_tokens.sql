-- 0006_api_tokens.sql - API tokens for machine clients, and when an
-- account last logged in (issue 3, leftovers).
--
-- api_token: a machine client's bearer token ("klynge_" + 64 hex
-- digits, 32 random bytes). Only the hex of its SHA-256 hash is kept,
-- so a copy of the database authenticates nobody; the token itself is
-- shown once, when it is made. A token acts as its account (roles,
-- administrator), only on /api/ and /oparl/, and only while the
-- account is not disabled. Revoking keeps the row (revoked set) so the
-- list of an account's tokens keeps its history. created, last_used
-- and revoked are Unix seconds chosen by the caller; last_used and
-- revoked are NULL until they happen.
--
-- account.last_login: Unix seconds of the account's newest session
-- (set when a login creates one), NULL when it never logged in.

CREATE TABLE api_token (
	id INTEGER PRIMARY KEY,
	account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	label TEXT NOT NULL DEFAULT '' CHECK (length(label) <= 200),
	token_hash TEXT NOT NULL UNIQUE,
	created INTEGER NOT NULL,
	last_used INTEGER,
	revoked INTEGER
);
CREATE INDEX api_token_account ON api_token (account_id);

ALTER TABLE account ADD COLUMN last_login INTEGER;
