/*
 * model.h - the governance structure as plain data.
 *
 * A `struct structure` holds everything klynge knows about who sits
 * where: organisations, areas (clusters), bodies, terms of reference
 * (charters) with their rules, people and dated memberships. It is
 * loaded from the store (or parsed from a structure file) into an arena
 * and handed to the rules in src/core, which do no I/O.
 *
 * Identity: every object has `id` (the store's integer id, used in URLs
 * and the API) and `key` (a stable text key, used in structure files so
 * an import/export round-trips byte for byte). References between
 * objects are by id; 0 means "none".
 *
 * Dates are int YYYYMMDD (see util/date.h); 0 means "none" (an open end).
 *
 * Timestamps: the objects the store keeps (organisations, areas, bodies,
 * charters, people, memberships, rotations) end with `created` and
 * `modified`, UTC texts "YYYY-MM-DDTHH:MM:SSZ" that store_load fills
 * in. The store sets them itself and ignores them on save; modified
 * changes with every save that changes the object, including its owned
 * lists (seats, approvals, overlaps; municipalities). "" or NULL means
 * unknown, e.g. in a structure parsed from a file, which holds none.
 *
 * Revisions: the same objects end with `revision`, a counter the store
 * keeps (1 when created, +1 with every save that changes the object,
 * owned lists included; store_load fills it). Given to a save (> 0 with
 * an id), it makes the save conditional: the store refuses it with
 * ERR_CONFLICT "stale" when the stored revision is no longer that, so
 * two people editing the same object cannot overwrite each other
 * unawares. 0 saves unconditionally (the CLI, imports). Structure files
 * never hold it. (A charter's `version` is something else: its number.)
 */
#ifndef KLYNGE_MODEL_H
#define KLYNGE_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- enums ----------------------------------------------------------
 * Every enum has a 0 value meaning "none/any" and a table in model.c
 * giving its code (used in SQL, JSON, URLs) and its Danish label.
 */

enum sector {
	SECTOR_NONE = 0,
	SECTOR_REGION,			/* "region" - Region */
	SECTOR_MUNICIPALITY,		/* "municipality" - Kommune */
	SECTOR_GENERAL_PRACTICE,	/* "general_practice" - Almen praksis */
	SECTOR_PATIENTS,		/* "patients" - Patienter og pårørende */
	SECTOR__COUNT
};

enum org_kind {
	ORG_NONE = 0,
	ORG_REGION,			/* "region" - Region */
	ORG_REGIONAL_COUNCIL,		/* "regional_council" - Regionsråd */
	ORG_REGIONAL_ADMINISTRATION,	/* "regional_administration" - Regionshus */
	ORG_HOSPITAL,			/* "hospital" - Somatisk sygehus */
	ORG_PSYCHIATRY,			/* "psychiatry" - Psykiatri */
	ORG_MUNICIPALITY,		/* "municipality" - Kommune */
	ORG_CITY_COUNCIL,		/* "city_council" - Byråd/kommunalbestyrelse */
	ORG_GP_ORGANISATION,		/* "gp_organisation" - PLO */
	ORG_GP_PRACTICE,		/* "gp_practice" - Lægepraksis */
	ORG_PATIENT_COMMITTEE,		/* "patient_committee" - Patientinddragelsesudvalg */
	ORG_MUNICIPAL_NETWORK,		/* "municipal_network" - Kommunalt samarbejde (KKR, direktørkreds) */
	ORG_OTHER,			/* "other" - Anden organisation */
	ORG__COUNT
};

enum body_kind {
	BODY_NONE = 0,
	BODY_COLLABORATION_COMMITTEE,	/* "collaboration_committee" - Sundhedssamarbejdsudvalg (SSU) */
	BODY_STEERING_GROUP,		/* "steering_group" - Styregruppe */
	BODY_POLITICAL_LEVEL,		/* "political_level" - Politisk niveau */
	BODY_STRATEGIC_LEVEL,		/* "strategic_level" - Fagligt strategisk niveau */
	BODY_IMPLEMENTATION_GROUP,	/* "implementation_group" - Implementeringsgruppe */
	BODY_COORDINATION_FORUM,	/* "coordination_forum" - Koordineringsforum */
	BODY_THEME_GROUP,		/* "theme_group" - Temagruppe */
	BODY_ADHOC_GROUP,		/* "adhoc_group" - Ad hoc-gruppe */
	BODY_NETWORK_GROUP,		/* "network_group" - Netværksgruppe */
	BODY_SECRETARIAT,		/* "secretariat" - Sekretariat */
	BODY_COUNCIL,			/* "council" - Regionsråd/byråd */
	BODY_OTHER,			/* "other" - Andet forum */
	BODY__COUNT
};

enum role {
	ROLE_NONE = 0,
	ROLE_CHAIR,		/* "chair" - Formand */
	ROLE_CO_CHAIR,		/* "co_chair" - Medformand */
	ROLE_VICE_CHAIR,	/* "vice_chair" - Næstformand */
	ROLE_MEMBER,		/* "member" - Medlem */
	ROLE_SUBSTITUTE,	/* "substitute" - Suppleant */
	ROLE_SECRETARY,		/* "secretary" - Sekretær */
	ROLE__COUNT
};

/* The capacity in which a person holds a seat. */
enum function {
	FUNC_NONE = 0,
	FUNC_REGIONAL_COUNCIL_CHAIR,	/* "regional_council_chair" - Regionsrådsformand */
	FUNC_REGIONAL_COUNCIL_MEMBER,	/* "regional_council_member" - Regionsrådsmedlem */
	FUNC_MAYOR,			/* "mayor" - Borgmester */
	FUNC_ALDERMAN,			/* "alderman" - Rådmand */
	FUNC_GROUP_DIRECTOR,		/* "group_director" - Koncerndirektør */
	FUNC_DIRECTOR,			/* "director" - Direktør */
	FUNC_NURSING_DIRECTOR,		/* "nursing_director" - Sygeplejefaglig direktør */
	FUNC_HEAD_OF_UNIT,		/* "head_of_unit" - Chef/leder */
	FUNC_CONSULTANT,		/* "consultant" - Konsulent */
	FUNC_GP,			/* "gp" - Praktiserende læge */
	FUNC_PRACTICE_COORDINATOR,	/* "practice_coordinator" - Praksiskoordinator */
	FUNC_PATIENT_REPRESENTATIVE,	/* "patient_representative" - Patient-/pårørenderepræsentant */
	FUNC_PROFESSIONAL,		/* "professional" - Fagperson */
	FUNC__COUNT
};

enum charter_status {
	CHARTER_NONE = 0,
	CHARTER_DRAFT,		/* "draft" - Udkast */
	CHARTER_PRE_APPROVED,	/* "pre_approved" - Forhåndsgodkendt */
	CHARTER_APPROVED,	/* "approved" - Godkendt */
	CHARTER__COUNT
};

enum chair_rule {
	CHAIR_RULE_NONE = 0,
	CHAIR_RULE_SINGLE,		/* "single" - Én formand */
	CHAIR_RULE_SHARED_REGION_MUNICIPALITY,	/* "shared_region_municipality" - Delt mellem region og kommune */
	CHAIR_RULE_REGION_CHAIR_AND_MAYOR,	/* "region_chair_and_mayor" - Regionsrådsformand og en borgmester */
	CHAIR_RULE_REGION_CHAIR_MAYOR_VICE,	/* "region_chair_mayor_vice" - Formand fra regionen, næstformand blandt borgmestrene */
	CHAIR_RULE_TWO_PART,		/* "two_part" - Todelt formandskab */
	CHAIR_RULE__COUNT
};

enum quorum_rule {
	QUORUM_RULE_NONE = 0,
	QUORUM_RULE_HALF_PER_SECTOR,	/* "half_per_sector" - Mindst halvdelen fra hver sektor */
	QUORUM_RULE_HALF,		/* "half" - Mindst halvdelen af medlemmerne */
	QUORUM_RULE__COUNT
};

enum decision_rule {
	DECISION_RULE_NONE = 0,
	DECISION_RULE_CONSENSUS,	/* "consensus" - Konsensus */
	DECISION_RULE_AGREEMENT,	/* "agreement" - Enighed; uenighed fremgår af sagsfremstilling og indstilling */
	DECISION_RULE_MAJORITY,		/* "majority" - Flertal */
	DECISION_RULE__COUNT
};

enum competence {
	COMPETENCE_NONE = 0,
	COMPETENCE_DECIDE,		/* "decide" - Kan træffe beslutninger */
	COMPETENCE_RECOMMEND,		/* "recommend" - Kan alene indstille */
	COMPETENCE_ADVISE,		/* "advise" - Rådgivende, uden for beslutningsstrukturen */
	COMPETENCE__COUNT
};

/* ---- objects -------------------------------------------------------- */

struct organisation {
	int64_t id;
	const char *key;
	const char *name;
	const char *short_name;		/* may be "" */
	enum org_kind kind;
	enum sector sector;
	int64_t parent_id;		/* e.g. a hospital's region; 0 = none */
	const char *note;		/* "" or e.g. "Demodata" */
	const char *created;		/* see "Timestamps" above */
	const char *modified;
	int64_t revision;		/* see "Revisions" above */
};

/* A cluster [sundhedsklynge] or another geographic area. */
struct area {
	int64_t id;
	const char *key;
	const char *name;
	int64_t region_id;		/* organisation (region) */
	int64_t hospital_id;		/* the acute hospital; 0 = none */
	const char *note;		/* e.g. "Kommunerne er demodata" */
	int64_t *municipality_ids;	/* organisations, many-to-many */
	size_t n_municipalities;
	const char *created;		/* see "Timestamps" above */
	const char *modified;
	int64_t revision;		/* see "Revisions" above */
};

struct body {
	int64_t id;
	const char *key;
	const char *name;
	const char *short_name;		/* "SSU", "IPG Ældre" ... or "" */
	enum body_kind kind;
	int64_t parent_id;		/* reports to; 0 = top */
	int64_t area_id;		/* cluster it serves; 0 = region-wide */
	int64_t region_id;		/* owning region organisation */
	bool formal;			/* false for network groups */
	const char *description;
	const char *created;		/* see "Timestamps" above */
	const char *modified;
	int64_t revision;		/* see "Revisions" above */
};

/* One seat rule of a charter: who must fill which seats. */
struct seat_rule {
	int64_t id;
	const char *key;		/* unique within the charter, e.g. "plo_gp" */
	const char *label;		/* Danish: "Praktiserende læger udpeget af PLO" */
	enum sector sector;		/* represented organisation's sector; 0 = any */
	enum org_kind org_kind;		/* represented organisation's kind; 0 = any */
	enum function function;		/* required capacity; 0 = any */
	bool per_municipality;		/* min..max per participating municipality */
	int min;
	int max;			/* 0 = no upper limit */
	enum org_kind appointed_by_kind; /* e.g. ORG_GP_ORGANISATION; 0 = any */
	int min_local;			/* at least N appointed within the area */
};

struct approval {
	int64_t id;
	enum charter_status status;	/* the status this step reached */
	int64_t by_body_id;		/* approving body; 0 = see by_text */
	const char *by_text;		/* "Formandskabet" when not a body */
	int date;
	const char *note;
};

/* Person overlap [personsammenfald] required with another body. */
struct overlap_rule {
	int64_t id;
	int64_t other_body_id;
	int min_persons;
};

/* Terms of reference [kommissorium], one version. */
struct charter {
	int64_t id;
	const char *key;
	int64_t body_id;
	int version;
	const char *title;
	const char *text;		/* purpose, tasks; plain text/markdown */
	enum charter_status status;
	int valid_from;			/* 0 = from approval */
	enum chair_rule chair_rule;
	enum quorum_rule quorum_rule;
	enum decision_rule decision_rule;
	enum competence competence;
	int64_t recommends_to_id;	/* body, when competence = recommend */
	bool economic_to_councils;	/* economic consequences go to the
					   regional council and each city council */
	int min_meetings_per_year;	/* cadence; 0 = as needed */
	int64_t meets_before_id;	/* "meets before body X"; 0 = none */
	bool psychiatry_first;		/* agenda rule */
	struct seat_rule *seats;
	size_t n_seats;
	struct approval *approvals;	/* in date order */
	size_t n_approvals;
	struct overlap_rule *overlaps;
	size_t n_overlaps;
	const char *created;		/* see "Timestamps" above */
	const char *modified;
	int64_t revision;		/* see "Revisions" above */
};

struct person {
	int64_t id;
	const char *key;
	const char *name;
	const char *title;		/* job title, e.g. "Sundhedsdirektør" */
	const char *email;
	int64_t organisation_id;	/* employer; 0 = none */
	const char *note;		/* "Fiktiv person" in the demo */
	const char *created;		/* see "Timestamps" above */
	const char *modified;
	int64_t revision;		/* see "Revisions" above */
};

struct membership {
	int64_t id;
	const char *key;
	int64_t person_id;
	int64_t body_id;
	enum role role;
	enum function function;
	const char *seat_key;		/* seat rule key in the charter; "" = matched by rules */
	int64_t represents_id;		/* organisation represented */
	int64_t appointed_by_id;	/* organisation that appointed; 0 = none */
	int64_t substitute_for_id;	/* membership id, for substitutes */
	bool local;			/* appointed within the area */
	int start;			/* first day */
	int end;			/* last day; 0 = open */
	const char *created;		/* see "Timestamps" above */
	const char *modified;
	int64_t revision;		/* see "Revisions" above */
};

/* Chair rotation plan [rotationsplan]: which organisation holds the
 * (municipal or regional) co-chair of a body in a period. */
struct rotation {
	int64_t id;
	int64_t body_id;
	int start_year;
	int end_year;
	int64_t org_id;			/* 0 = not yet decided ("X kommune") */
	const char *note;
	const char *created;		/* see "Timestamps" above */
	const char *modified;
	int64_t revision;		/* see "Revisions" above */
};

struct structure {
	struct organisation *orgs;	size_t n_orgs;
	struct area *areas;		size_t n_areas;
	struct body *bodies;		size_t n_bodies;
	struct charter *charters;	size_t n_charters;
	struct person *people;		size_t n_people;
	struct membership *memberships;	size_t n_memberships;
	struct rotation *rotations;	size_t n_rotations;
};

/* ---- enum tables (model.c) ------------------------------------------
 * *_code returns the English code ("" for 0), *_label the Danish label,
 * *_from_code returns 0 for NULL/""/unknown and sets *ok = false for an
 * unknown non-empty code (ok may be NULL).
 */
#define MODEL_ENUM_DECL(name, type)                                        \
	const char *name##_code(type v);                                   \
	const char *name##_label(type v);                                  \
	type name##_from_code(const char *code, bool *ok);                 \
	int name##_count(void);

MODEL_ENUM_DECL(sector, enum sector)
MODEL_ENUM_DECL(org_kind, enum org_kind)
MODEL_ENUM_DECL(body_kind, enum body_kind)
MODEL_ENUM_DECL(role, enum role)
MODEL_ENUM_DECL(function, enum function)
MODEL_ENUM_DECL(charter_status, enum charter_status)
MODEL_ENUM_DECL(chair_rule, enum chair_rule)
MODEL_ENUM_DECL(quorum_rule, enum quorum_rule)
MODEL_ENUM_DECL(decision_rule, enum decision_rule)
MODEL_ENUM_DECL(competence, enum competence)

/* ---- lookups (model.c) ----------------------------------------------
 * Linear scans: a structure holds hundreds of objects, not millions.
 * All return NULL when id is 0 or not found.
 */
const struct organisation *structure_org(const struct structure *s, int64_t id);
const struct area *structure_area(const struct structure *s, int64_t id);
const struct body *structure_body(const struct structure *s, int64_t id);
const struct charter *structure_charter(const struct structure *s, int64_t id);
const struct person *structure_person(const struct structure *s, int64_t id);
const struct membership *structure_membership(const struct structure *s, int64_t id);

/* Is the membership in force on date (start <= date <= end or open)? */
bool membership_active(const struct membership *m, int date);
/* Ordinary member: chair, co-chair, vice-chair or member (not substitute
 * or secretary). Ordinary members count for composition and quorum. */
bool role_is_ordinary(enum role r);
/* Does the area include the municipality? */
bool area_has_municipality(const struct area *a, int64_t org_id);

/* The date a charter version takes effect: valid_from, else the date of
 * its last approval step that reached "approved"; 0 when neither. */
int charter_effective(const struct charter *c);

/*
 * The charter in force for a body on a date: the highest version whose
 * status is approved and whose valid_from (or, when 0, its last approval
 * date) is on or before date. When none is approved yet, the highest
 * version of any status is returned and *approved is set false, so the
 * check can still run and say the charter is not approved.
 * Returns NULL when the body has no charter at all.
 */
const struct charter *charter_in_force(const struct structure *s,
				       int64_t body_id, int date,
				       bool *approved);

#endif
