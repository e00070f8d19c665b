-- 0001_structure.sql - the governance structure (src/core/model.h).
--
-- Run once by sqlite.c inside a transaction, then recorded in
-- schema_migrations. Conventions:
--   * INTEGER PRIMARY KEY ids; a unique text `key` per table (the key of
--     structure files, docs/structure-format.md).
--   * Enums are stored as their English code (model.c) or NULL for none;
--     the CHECK lists must follow the tables in model.c.
--   * Dates are TEXT 'YYYY-MM-DD' or NULL for none.
--   * References: NULL for none, ON DELETE RESTRICT, so nothing that is
--     referred to can vanish. A charter's seats, approvals and overlaps and
--     an area's municipality list belong to their owner (CASCADE).
--   * Lists whose order matters (area municipalities) keep a position;
--     charter children keep theirs through their ids (replaced in order
--     on every save).

CREATE TABLE IF NOT EXISTS schema_migrations (
	version INTEGER PRIMARY KEY,
	applied_at TEXT NOT NULL
);

CREATE TABLE organisation (
	id INTEGER PRIMARY KEY,
	key TEXT NOT NULL UNIQUE CHECK (length(key) BETWEEN 1 AND 64),
	name TEXT NOT NULL,
	short_name TEXT NOT NULL DEFAULT '',
	kind TEXT CHECK (kind IN ('region', 'regional_council',
		'regional_administration', 'hospital', 'psychiatry',
		'municipality', 'city_council', 'gp_organisation', 'gp_practice',
		'patient_committee', 'municipal_network', 'other')),
	sector TEXT CHECK (sector IN ('region', 'municipality',
		'general_practice', 'patients')),
	parent_id INTEGER REFERENCES organisation (id) ON DELETE RESTRICT,
	note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX organisation_parent ON organisation (parent_id);

CREATE TABLE area (
	id INTEGER PRIMARY KEY,
	key TEXT NOT NULL UNIQUE CHECK (length(key) BETWEEN 1 AND 64),
	name TEXT NOT NULL,
	region_id INTEGER REFERENCES organisation (id) ON DELETE RESTRICT,
	hospital_id INTEGER REFERENCES organisation (id) ON DELETE RESTRICT,
	note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX area_region ON area (region_id);
CREATE INDEX area_hospital ON area (hospital_id);

-- Many-to-many: København is in two clusters.
CREATE TABLE area_municipality (
	area_id INTEGER NOT NULL REFERENCES area (id) ON DELETE CASCADE,
	org_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
	position INTEGER NOT NULL,
	PRIMARY KEY (area_id, org_id)
);
CREATE INDEX area_municipality_org ON area_municipality (org_id);

CREATE TABLE body (
	id INTEGER PRIMARY KEY,
	key TEXT NOT NULL UNIQUE CHECK (length(key) BETWEEN 1 AND 64),
	name TEXT NOT NULL,
	short_name TEXT NOT NULL DEFAULT '',
	kind TEXT CHECK (kind IN ('collaboration_committee', 'steering_group',
		'political_level', 'strategic_level', 'implementation_group',
		'coordination_forum', 'theme_group', 'adhoc_group',
		'network_group', 'secretariat', 'council', 'other')),
	parent_id INTEGER REFERENCES body (id) ON DELETE RESTRICT,
	area_id INTEGER REFERENCES area (id) ON DELETE RESTRICT,
	region_id INTEGER REFERENCES organisation (id) ON DELETE RESTRICT,
	formal INTEGER NOT NULL DEFAULT 1 CHECK (formal IN (0, 1)),
	description TEXT NOT NULL DEFAULT ''
);
CREATE INDEX body_parent ON body (parent_id);
CREATE INDEX body_area ON body (area_id);
CREATE INDEX body_region ON body (region_id);

-- Terms of reference [kommissorium], one row per version.
CREATE TABLE charter (
	id INTEGER PRIMARY KEY,
	key TEXT NOT NULL UNIQUE CHECK (length(key) BETWEEN 1 AND 64),
	body_id INTEGER NOT NULL REFERENCES body (id) ON DELETE RESTRICT,
	version INTEGER NOT NULL DEFAULT 0,
	title TEXT NOT NULL,
	text TEXT NOT NULL DEFAULT '',
	status TEXT CHECK (status IN ('draft', 'pre_approved', 'approved')),
	valid_from TEXT CHECK (valid_from GLOB
		'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	chair_rule TEXT CHECK (chair_rule IN ('single',
		'shared_region_municipality', 'region_chair_and_mayor',
		'region_chair_mayor_vice', 'two_part')),
	quorum_rule TEXT CHECK (quorum_rule IN ('half_per_sector', 'half')),
	decision_rule TEXT CHECK (decision_rule IN ('consensus', 'agreement',
		'majority')),
	competence TEXT CHECK (competence IN ('decide', 'recommend', 'advise')),
	recommends_to_id INTEGER REFERENCES body (id) ON DELETE RESTRICT,
	economic_to_councils INTEGER NOT NULL DEFAULT 0
		CHECK (economic_to_councils IN (0, 1)),
	min_meetings_per_year INTEGER NOT NULL DEFAULT 0,
	meets_before_id INTEGER REFERENCES body (id) ON DELETE RESTRICT,
	psychiatry_first INTEGER NOT NULL DEFAULT 0
		CHECK (psychiatry_first IN (0, 1)),
	UNIQUE (body_id, version)
);
CREATE INDEX charter_recommends_to ON charter (recommends_to_id);
CREATE INDEX charter_meets_before ON charter (meets_before_id);

CREATE TABLE seat_rule (
	id INTEGER PRIMARY KEY,
	charter_id INTEGER NOT NULL REFERENCES charter (id) ON DELETE CASCADE,
	key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 64),
	label TEXT NOT NULL,
	sector TEXT CHECK (sector IN ('region', 'municipality',
		'general_practice', 'patients')),
	org_kind TEXT CHECK (org_kind IN ('region', 'regional_council',
		'regional_administration', 'hospital', 'psychiatry',
		'municipality', 'city_council', 'gp_organisation', 'gp_practice',
		'patient_committee', 'municipal_network', 'other')),
	function TEXT CHECK (function IN ('regional_council_chair',
		'regional_council_member', 'mayor', 'alderman', 'group_director',
		'director', 'nursing_director', 'head_of_unit', 'consultant',
		'gp', 'practice_coordinator', 'patient_representative',
		'professional')),
	per_municipality INTEGER NOT NULL DEFAULT 0
		CHECK (per_municipality IN (0, 1)),
	min INTEGER NOT NULL DEFAULT 0,
	max INTEGER NOT NULL DEFAULT 0,
	appointed_by_kind TEXT CHECK (appointed_by_kind IN ('region',
		'regional_council', 'regional_administration', 'hospital',
		'psychiatry', 'municipality', 'city_council', 'gp_organisation',
		'gp_practice', 'patient_committee', 'municipal_network',
		'other')),
	min_local INTEGER NOT NULL DEFAULT 0,
	UNIQUE (charter_id, key)
);

CREATE TABLE approval (
	id INTEGER PRIMARY KEY,
	charter_id INTEGER NOT NULL REFERENCES charter (id) ON DELETE CASCADE,
	status TEXT CHECK (status IN ('draft', 'pre_approved', 'approved')),
	by_body_id INTEGER REFERENCES body (id) ON DELETE RESTRICT,
	by_text TEXT NOT NULL DEFAULT '',
	date TEXT CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX approval_charter ON approval (charter_id);
CREATE INDEX approval_by_body ON approval (by_body_id);

-- Person overlap [personsammenfald] required with another body.
CREATE TABLE overlap_rule (
	id INTEGER PRIMARY KEY,
	charter_id INTEGER NOT NULL REFERENCES charter (id) ON DELETE CASCADE,
	other_body_id INTEGER NOT NULL REFERENCES body (id) ON DELETE RESTRICT,
	min_persons INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX overlap_rule_charter ON overlap_rule (charter_id);
CREATE INDEX overlap_rule_other ON overlap_rule (other_body_id);

CREATE TABLE person (
	id INTEGER PRIMARY KEY,
	key TEXT NOT NULL UNIQUE CHECK (length(key) BETWEEN 1 AND 64),
	name TEXT NOT NULL,
	title TEXT NOT NULL DEFAULT '',
	email TEXT NOT NULL DEFAULT '',
	organisation_id INTEGER REFERENCES organisation (id) ON DELETE RESTRICT,
	note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX person_organisation ON person (organisation_id);

CREATE TABLE membership (
	id INTEGER PRIMARY KEY,
	key TEXT NOT NULL UNIQUE CHECK (length(key) BETWEEN 1 AND 64),
	person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
	body_id INTEGER NOT NULL REFERENCES body (id) ON DELETE RESTRICT,
	role TEXT CHECK (role IN ('chair', 'co_chair', 'vice_chair', 'member',
		'substitute', 'secretary')),
	function TEXT CHECK (function IN ('regional_council_chair',
		'regional_council_member', 'mayor', 'alderman', 'group_director',
		'director', 'nursing_director', 'head_of_unit', 'consultant',
		'gp', 'practice_coordinator', 'patient_representative',
		'professional')),
	seat_key TEXT NOT NULL DEFAULT '',
	represents_id INTEGER REFERENCES organisation (id) ON DELETE RESTRICT,
	appointed_by_id INTEGER REFERENCES organisation (id) ON DELETE RESTRICT,
	substitute_for_id INTEGER REFERENCES membership (id) ON DELETE RESTRICT,
	local INTEGER NOT NULL DEFAULT 0 CHECK (local IN (0, 1)),
	start_date TEXT CHECK (start_date GLOB
		'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	end_date TEXT CHECK (end_date GLOB
		'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
CREATE INDEX membership_person ON membership (person_id);
CREATE INDEX membership_body ON membership (body_id);
CREATE INDEX membership_represents ON membership (represents_id);
CREATE INDEX membership_appointed_by ON membership (appointed_by_id);
CREATE INDEX membership_substitute_for ON membership (substitute_for_id);

-- Chair rotation plan [rotationsplan].
CREATE TABLE rotation (
	id INTEGER PRIMARY KEY,
	body_id INTEGER NOT NULL REFERENCES body (id) ON DELETE RESTRICT,
	start_year INTEGER NOT NULL DEFAULT 0,
	end_year INTEGER NOT NULL DEFAULT 0,
	org_id INTEGER REFERENCES organisation (id) ON DELETE RESTRICT,
	note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX rotation_body ON rotation (body_id);
CREATE INDEX rotation_org ON rotation (org_id);
