-- 0007_annotations.sql - members' private notes on agenda items
-- [private noter] (issue 3: a member "reads everything of the body,
-- closed items included, and may annotate privately").
--
-- One note per account and item, readable only by that account: no
-- page, API, OParl object, feed, PDF or audit row ever shows it to
-- anyone else. That is why a note has no audit row at all (the
-- Historik may be public) and no revision: it is the author's scratch
-- pad, not a record of the body. An empty note is no row. A note goes
-- with its item (and so with its meeting) and with its account.
-- updated: Unix seconds of the last save, chosen by the caller.

CREATE TABLE annotation (
	account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	item_id INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
	text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 20000),
	updated INTEGER NOT NULL,
	PRIMARY KEY (account_id, item_id)
);
CREATE INDEX annotation_item ON annotation (item_id);
