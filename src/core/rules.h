/*
 * rules.h - the governance rules from the seeds, as pure functions.
 *
 * No I/O, no SQL, no HTTP. Inputs are a `struct structure` (model.h) and
 * a date; results are appended to a `struct violations` whose memory
 * (array and messages) comes from the caller's arena.
 *
 * Every violation has a stable machine code (below) and a Danish
 * message a secretariat consultant can act on, naming the body, the seat,
 * the organisation or the person concerned.
 */
#ifndef KLYNGE_RULES_H
#define KLYNGE_RULES_H

#include "model.h"
#include "../util/arena.h"

/* Violation codes (stable: used in the API, tests and CSS classes). */
#define V_NO_CHARTER		"no_charter"		/* body has no terms of reference */
#define V_CHARTER_NOT_APPROVED	"charter_not_approved"	/* only drafts in force */
#define V_SEAT_MISSING		"seat_missing"		/* fewer than min in a seat */
#define V_SEAT_EXTRA		"seat_extra"		/* more than max in a seat */
#define V_MUNICIPALITY_MISSING	"municipality_missing"	/* per-municipality seat empty for one municipality */
#define V_MUNICIPALITY_EXTRA	"municipality_extra"	/* per-municipality seat over max for one municipality */
#define V_NOT_IN_AREA		"not_in_area"		/* represents a municipality outside the area */
#define V_SEAT_NOT_LOCAL	"seat_not_local"	/* fewer than min_local appointed within the area */
#define V_WRONG_FUNCTION	"wrong_function"	/* seat requires a capacity the member lacks */
#define V_WRONG_APPOINTER	"wrong_appointer"	/* not appointed by the required organisation */
#define V_WRONG_ORGANISATION	"wrong_organisation"	/* named seat requires another sector/kind of organisation */
#define V_NO_SEAT		"no_seat"		/* ordinary member fits no seat rule */
#define V_UNKNOWN_SEAT		"unknown_seat"		/* membership names a seat the charter lacks */
#define V_SUBSTITUTE_ORPHAN	"substitute_orphan"	/* substitute for no active ordinary member */
#define V_CHAIR_MISSING		"chair_missing"		/* chairmanship incomplete */
#define V_CHAIR_SECTOR		"chair_sector"		/* chairs not shared as the rule says */
#define V_CHAIR_FUNCTION	"chair_function"	/* e.g. not the regional council chair */
#define V_ROTATION_MISMATCH	"rotation_mismatch"	/* co-chair not the organisation the plan names */
#define V_ROTATION_SAME_YEAR	"rotation_same_year"	/* hospital and municipal co-chairs change the same year */
#define V_OVERLAP_MISSING	"overlap_missing"	/* too few persons shared with another body */

struct violation {
	const char *code;
	const char *message;		/* Danish, arena-owned */
	int64_t body_id;
	const char *seat_key;		/* or NULL */
	int64_t org_id;			/* or 0 */
	int64_t person_id;		/* or 0 */
	int64_t membership_id;		/* or 0 */
};

struct violations {
	struct violation *items;
	size_t n;
	size_t cap;
};

/* Appends one violation (message formatted into the arena). */
void violations_add(struct arena *a, struct violations *v, const char *code,
		    int64_t body_id, const char *seat_key, int64_t org_id,
		    int64_t person_id, int64_t membership_id,
		    const char *fmt, ...) __attribute__((format(printf, 9, 10)));

/*
 * Composition of a body on a date against the seat rules of the charter
 * in force (model.h charter_in_force). Each ordinary membership active on
 * the date is assigned to a seat: the seat named by membership.seat_key,
 * else the first seat rule whose sector/kind/function/appointer it fits.
 * Then, per seat rule: min/max counts (per participating municipality of
 * the body's area when per_municipality), min_local, function and
 * appointer. Substitutes must stand in for an active ordinary member.
 */
void rules_check_composition(struct arena *a, const struct structure *s,
			     int64_t body_id, int date, struct violations *out);

/*
 * The seat rule of charter c that membership m is assigned to, as the
 * composition check assigns it: the seat m->seat_key names when it is
 * set (NULL when c has no seat with that key: the check reports it as
 * unknown_seat and counts it in no seat), else the first seat rule whose
 * sector, organisation kind, function and appointer m fits. NULL when
 * c is NULL, has no seat rules, or no rule fits. Only the seat is
 * judged: whether m is active, ordinary and in c's body is the caller's
 * business. The result points into c->seats (index: r - c->seats).
 * Pages use this to group members under seats so the grouping on screen
 * agrees with the check.
 */
const struct seat_rule *rules_seat_of(const struct structure *s,
				      const struct charter *c,
				      const struct membership *m);

/*
 * The sector a membership stands for, as every rule here judges it:
 * the represented organisation's sector (or its parent's), or the
 * person's employer's when nothing is represented; SECTOR_NONE when
 * neither says. Meetings' quorum (meeting.c) groups attendance by it.
 */
enum sector rules_membership_sector(const struct structure *s,
				    const struct membership *m);

/*
 * Chairmanship on a date against the charter's chair rule:
 *  shared_region_municipality: one chair/co-chair from the region sector
 *    and one from the municipality sector (seed 000).
 *  region_chair_and_mayor: the regional council chair and one of the
 *    participating mayors (Sundhedsloven §203 stk. 5).
 *  region_chair_mayor_vice: chair from the regional council, vice-chair
 *    among the mayors (§204 stk. 2, SSU).
 *  two_part: two chairs/co-chairs from different organisations.
 *  single: exactly one chair.
 */
void rules_check_chair(struct arena *a, const struct structure *s,
		       int64_t body_id, int date, struct violations *out);

/*
 * Rotation plan (seed 003): on the date, the co-chair from the sector of
 * the planned organisation must represent that organisation; and over
 * the body's whole history a regional (hospital/psychiatry) co-chair must
 * not change in a year in which the municipal co-chair changes.
 */
void rules_check_rotation(struct arena *a, const struct structure *s,
			  int64_t body_id, int date, struct violations *out);

/*
 * Person overlap (seed 001, "personsammenfald"): for each overlap rule of
 * the body's charter, at least min_persons people must hold an active
 * ordinary membership in both bodies on the date.
 */
void rules_check_overlap(struct arena *a, const struct structure *s,
			 int64_t body_id, int date, struct violations *out);

/* All of the above for one body (no_charter/charter_not_approved first). */
void rules_check_body(struct arena *a, const struct structure *s,
		      int64_t body_id, int date, struct violations *out);

/* ---- quorum ----------------------------------------------------------
 * "Beslutninger i det politiske niveau træffes på baggrund af konsensus
 * under forudsætning af, at mindst halvdelen af medlemmerne fra hver
 * sektor er til stede" (seed 001, item 3). A substitute counts only when
 * the ordinary member they stand in for is absent (seed 000).
 */
struct quorum_person {
	enum sector sector;
	bool ordinary;			/* false: substitute */
	bool present;
	int substitute_for;		/* index of the ordinary member in the
					   same array, or -1 */
};

struct quorum_sector {
	int members;			/* ordinary members of the sector */
	int present;			/* ordinary present + counted substitutes */
	int needed;			/* ceil(members / 2) */
	bool ok;
};

struct quorum_result {
	bool quorate;
	struct quorum_sector sectors[SECTOR__COUNT];	/* indexed by enum sector */
};

void rules_quorum(enum quorum_rule rule, const struct quorum_person *people,
		  size_t n, struct quorum_result *out);

#endif
