-- 0002_timestamps.sql - when each object was created and last changed.
--
-- OParl 1.1 requires "created" and "modified" on every object, and a
-- "modified" that changes with every change of the object: clients
-- update their copy with ?modified_since= (spec 2-05, 3-01).
--
--   * created, modified: TEXT 'YYYY-MM-DDTHH:MM:SSZ', UTC, whole seconds
--     (the form of schema_migrations.applied_at; the CHECK holds them to
--     it). The store sets them; nothing else writes them (a client's
--     values are ignored).
--   * Rows that existed before this migration get its time for both:
--     their real times are unknown, and a later time only makes
--     ?created_since= and ?modified_since= return more, never less.
--   * <table>_created (AFTER INSERT) sets both to now where the INSERT
--     left them NULL.
--   * <table>_modified (AFTER UPDATE) sets modified to now when a column
--     really changed and the UPDATE did not set modified itself. A save
--     that changes nothing (an API GET sent back as PUT) is no change.
--     Its own UPDATE changes only modified, so it never fires again,
--     whether or not PRAGMA recursive_triggers is on (it is off).
--     A migration that adds a column to one of these tables must
--     recreate the table's trigger with the column in its list.
--   * The lists a save rewrites (an area's municipalities; a charter's
--     seats, approvals, overlaps) have no timestamps: they belong to
--     their owner. sqlite.c compares them before and after the rewrite
--     and sets the owner's modified when they differ.

ALTER TABLE organisation ADD COLUMN created TEXT
	CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created) = created);
ALTER TABLE organisation ADD COLUMN modified TEXT
	CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', modified) = modified);
UPDATE organisation SET created = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
	modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
CREATE TRIGGER organisation_created AFTER INSERT ON organisation
	WHEN NEW.created IS NULL OR NEW.modified IS NULL
BEGIN
	UPDATE organisation SET
		created = coalesce(created, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
		modified = coalesce(modified, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
		WHERE id = NEW.id;
END;
CREATE TRIGGER organisation_modified AFTER UPDATE ON organisation
	WHEN NEW.modified IS OLD.modified AND
		(NEW.key, NEW.name, NEW.short_name, NEW.kind, NEW.sector,
		NEW.parent_id, NEW.note)
		IS NOT
		(OLD.key, OLD.name, OLD.short_name, OLD.kind, OLD.sector,
		OLD.parent_id, OLD.note)
BEGIN
	UPDATE organisation SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
		WHERE id = NEW.id;
END;

ALTER TABLE area ADD COLUMN created TEXT
	CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created) = created);
ALTER TABLE area ADD COLUMN modified TEXT
	CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', modified) = modified);
UPDATE area SET created = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
	modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
CREATE TRIGGER area_created AFTER INSERT ON area
	WHEN NEW.created IS NULL OR NEW.modified IS NULL
BEGIN
	UPDATE area SET
		created = coalesce(created, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
		modified = coalesce(modified, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
		WHERE id = NEW.id;
END;
CREATE TRIGGER area_modified AFTER UPDATE ON area
	WHEN NEW.modified IS OLD.modified AND
		(NEW.key, NEW.name, NEW.region_id, NEW.hospital_id,
		NEW.note)
		IS NOT
		(OLD.key, OLD.name, OLD.region_id, OLD.hospital_id,
		OLD.note)
BEGIN
	UPDATE area SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
		WHERE id = NEW.id;
END;

ALTER TABLE body ADD COLUMN created TEXT
	CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created) = created);
ALTER TABLE body ADD COLUMN modified TEXT
	CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', modified) = modified);
UPDATE body SET created = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
	modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
CREATE TRIGGER body_created AFTER INSERT ON body
	WHEN NEW.created IS NULL OR NEW.modified IS NULL
BEGIN
	UPDATE body SET
		created = coalesce(created, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
		modified = coalesce(modified, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
		WHERE id = NEW.id;
END;
CREATE TRIGGER body_modified AFTER UPDATE ON body
	WHEN NEW.modified IS OLD.modified AND
		(NEW.key, NEW.name, NEW.short_name, NEW.kind,
		NEW.parent_id, NEW.area_id, NEW.region_id, NEW.formal,
		NEW.description)
		IS NOT
		(OLD.key, OLD.name, OLD.short_name, OLD.kind,
		OLD.parent_id, OLD.area_id, OLD.region_id, OLD.formal,
		OLD.description)
BEGIN
	UPDATE body SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
		WHERE id = NEW.id;
END;

ALTER TABLE charter ADD COLUMN created TEXT
	CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created) = created);
ALTER TABLE charter ADD COLUMN modified TEXT
	CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', modified) = modified);
UPDATE charter SET created = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
	modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
CREATE TRIGGER charter_created AFTER INSERT ON charter
	WHEN NEW.created IS NULL OR NEW.modified IS NULL
BEGIN
	UPDATE charter SET
		created = coalesce(created, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
		modified = coalesce(modified, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
		WHERE id = NEW.id;
END;
CREATE TRIGGER charter_modified AFTER UPDATE ON charter
	WHEN NEW.modified IS OLD.modified AND
		(NEW.key, NEW.body_id, NEW.version, NEW.title, NEW.text,
		NEW.status, NEW.valid_from, NEW.chair_rule,
		NEW.quorum_rule, NEW.decision_rule, NEW.competence,
		NEW.recommends_to_id, NEW.economic_to_councils,
		NEW.min_meetings_per_year, NEW.meets_before_id,
		NEW.psychiatry_first)
		IS NOT
		(OLD.key, OLD.body_id, OLD.version, OLD.title, OLD.text,
		OLD.status, OLD.valid_from, OLD.chair_rule,
		OLD.quorum_rule, OLD.decision_rule, OLD.competence,
		OLD.recommends_to_id, OLD.economic_to_councils,
		OLD.min_meetings_per_year, OLD.meets_before_id,
		OLD.psychiatry_first)
BEGIN
	UPDATE charter SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
		WHERE id = NEW.id;
END;

ALTER TABLE person ADD COLUMN created TEXT
	CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created) = created);
ALTER TABLE person ADD COLUMN modified TEXT
	CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', modified) = modified);
UPDATE person SET created = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
	modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
CREATE TRIGGER person_created AFTER INSERT ON person
	WHEN NEW.created IS NULL OR NEW.modified IS NULL
BEGIN
	UPDATE person SET
		created = coalesce(created, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
		modified = coalesce(modified, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
		WHERE id = NEW.id;
END;
CREATE TRIGGER person_modified AFTER UPDATE ON person
	WHEN NEW.modified IS OLD.modified AND
		(NEW.key, NEW.name, NEW.title, NEW.email,
		NEW.organisation_id, NEW.note)
		IS NOT
		(OLD.key, OLD.name, OLD.title, OLD.email,
		OLD.organisation_id, OLD.note)
BEGIN
	UPDATE person SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
		WHERE id = NEW.id;
END;

ALTER TABLE membership ADD COLUMN created TEXT
	CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created) = created);
ALTER TABLE membership ADD COLUMN modified TEXT
	CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', modified) = modified);
UPDATE membership SET created = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
	modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
CREATE TRIGGER membership_created AFTER INSERT ON membership
	WHEN NEW.created IS NULL OR NEW.modified IS NULL
BEGIN
	UPDATE membership SET
		created = coalesce(created, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
		modified = coalesce(modified, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
		WHERE id = NEW.id;
END;
CREATE TRIGGER membership_modified AFTER UPDATE ON membership
	WHEN NEW.modified IS OLD.modified AND
		(NEW.key, NEW.person_id, NEW.body_id, NEW.role,
		NEW.function, NEW.seat_key, NEW.represents_id,
		NEW.appointed_by_id, NEW.substitute_for_id, NEW.local,
		NEW.start_date, NEW.end_date)
		IS NOT
		(OLD.key, OLD.person_id, OLD.body_id, OLD.role,
		OLD.function, OLD.seat_key, OLD.represents_id,
		OLD.appointed_by_id, OLD.substitute_for_id, OLD.local,
		OLD.start_date, OLD.end_date)
BEGIN
	UPDATE membership SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
		WHERE id = NEW.id;
END;

ALTER TABLE rotation ADD COLUMN created TEXT
	CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created) = created);
ALTER TABLE rotation ADD COLUMN modified TEXT
	CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', modified) = modified);
UPDATE rotation SET created = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
	modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
CREATE TRIGGER rotation_created AFTER INSERT ON rotation
	WHEN NEW.created IS NULL OR NEW.modified IS NULL
BEGIN
	UPDATE rotation SET
		created = coalesce(created, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
		modified = coalesce(modified, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
		WHERE id = NEW.id;
END;
CREATE TRIGGER rotation_modified AFTER UPDATE ON rotation
	WHEN NEW.modified IS OLD.modified AND
		(NEW.body_id, NEW.start_year, NEW.end_year, NEW.org_id,
		NEW.note)
		IS NOT
		(OLD.body_id, OLD.start_year, OLD.end_year, OLD.org_id,
		OLD.note)
BEGIN
	UPDATE rotation SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
		WHERE id = NEW.id;
END;
