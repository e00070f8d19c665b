/*
 * test_meeting.c - the meeting rules of src/core/meeting.c and the
 * meeting section of src/core/access.c, edge by edge.
 *
 * Seed rules are quoted where they are tested: cadence (seed 001),
 * "meets before" (seed 004), psychiatry first (seed 003), quorum at a
 * meeting (seed 001 item 3, substitutes seed 000), dissent (seed 004).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/access.h"
#include "core/meeting.h"
#include "fixture.h"

/* ---- helpers -------------------------------------------------------- */

/* A meeting of body on date in state (no items). */
static struct meeting mtg(int64_t body, int date, enum meeting_state st)
{
	struct meeting m;
	memset(&m, 0, sizeof(m));
	m.body_id = body;
	m.date = date;
	m.state = st;
	m.kind = MEETING_ORDINARY;
	m.title = "";
	m.place = "";
	m.online_url = "";
	m.start_min = 870;
	m.end_min = 930;
	return m;
}

/* An agenda item with every string "" (as loaded objects have). */
static struct agenda_item item(int number, const char *title,
			       enum item_kind kind, bool psychiatry)
{
	struct agenda_item it;
	memset(&it, 0, sizeof(it));
	it.id = 1000 + number;
	it.number = number;
	it.title = title;
	it.case_number = "";
	it.kind = kind;
	it.psychiatry = psychiatry;
	it.summary = "";
	it.presentation = "";
	it.recommended_by = "";
	it.resolutions = "";
	it.dissent = "";
	it.guests = "";
	it.decision = "";
	it.created = "";
	it.modified = "";
	return it;
}

/* ---- enum tables ---------------------------------------------------- */

/* The codes and labels of meeting.h's comments, and round trips. */
static void enum_tables(void **state)
{
	assert_string_equal(meeting_kind_code(MEETING_EXTRAORDINARY), "extraordinary");
	assert_string_equal(meeting_kind_label(MEETING_EXTRAORDINARY), "Ekstraordinært møde");
	assert_string_equal(meeting_state_code(MEETING_AGENDA_APPROVED), "agenda_approved");
	assert_string_equal(meeting_state_label(MEETING_PUBLISHED), "Dagsorden udsendt");
	assert_string_equal(meeting_state_label(MEETING_CANCELLED), "Aflyst");
	assert_string_equal(item_kind_code(ITEM_AOB), "aob");
	assert_string_equal(item_kind_label(ITEM_AOB), "Eventuelt");
	assert_string_equal(item_outcome_label(OUTCOME_NOTED), "Taget til efterretning");
	assert_string_equal(item_outcome_code(OUTCOME_APPROVED_CHANGED), "approved_changed");
	assert_string_equal(attendance_status_label(ATTEND_APOLOGY), "Afbud");
	assert_string_equal(document_kind_label(DOCUMENT_MINUTES), "Referat");
	assert_int_equal(meeting_state_count(), MEETING_STATE__COUNT);
	assert_int_equal(item_outcome_count(), OUTCOME__COUNT);

	for (int i = 1; i < MEETING_STATE__COUNT; i++) {
		bool ok = false;
		assert_int_equal(meeting_state_from_code(
			meeting_state_code((enum meeting_state)i), &ok), i);
		assert_true(ok);
		assert_true(*meeting_state_label((enum meeting_state)i));
	}
	for (int i = 1; i < ITEM_KIND__COUNT; i++)
		assert_int_equal(item_kind_from_code(
			item_kind_code((enum item_kind)i), NULL), i);
	for (int i = 1; i < OUTCOME__COUNT; i++)
		assert_int_equal(item_outcome_from_code(
			item_outcome_code((enum item_outcome)i), NULL), i);
	for (int i = 1; i < ATTEND__COUNT; i++)
		assert_int_equal(attendance_status_from_code(
			attendance_status_code((enum attendance_status)i), NULL), i);
	for (int i = 1; i < DOCUMENT_KIND__COUNT; i++)
		assert_int_equal(document_kind_from_code(
			document_kind_code((enum document_kind)i), NULL), i);
	for (int i = 1; i < MEETING_KIND__COUNT; i++)
		assert_int_equal(meeting_kind_from_code(
			meeting_kind_code((enum meeting_kind)i), NULL), i);

	bool ok = true;
	assert_int_equal(meeting_state_from_code("godkendt", &ok), 0);
	assert_false(ok);
	assert_int_equal(meeting_state_from_code("", &ok), 0);
	assert_true(ok);
	assert_int_equal(meeting_state_from_code(NULL, &ok), 0);
	assert_true(ok);
	assert_string_equal(meeting_state_code((enum meeting_state)99), "");
	assert_string_equal(item_kind_label((enum item_kind)-1), "");
	/* The sector tables still work after the macro moved. */
	assert_string_equal(sector_label(SECTOR_PATIENTS), "Patienter og pårørende");
}

/* ---- state ---------------------------------------------------------- */

/*
 * Every pair of states. meeting.h: "planned -> invited ->
 * agenda_approved -> published -> held -> minutes_approved; cancelled
 * from any state before held. Only forward, one step at a time, except
 * that invited may be skipped ... A cancelled meeting may be re-planned."
 */
static void transitions_exhaustive(void **state)
{
	enum { N = MEETING_STATE__COUNT };
	/* from \ to:        none pl  inv agA pub held minA canc */
	static const bool expect[N][N] = {
		[MEETING_STATE_NONE] =       { 0, 1, 0, 0, 0, 0, 0, 0 },
		[MEETING_PLANNED] =          { 0, 0, 1, 1, 0, 0, 0, 1 },
		[MEETING_INVITED] =          { 0, 0, 0, 1, 0, 0, 0, 1 },
		[MEETING_AGENDA_APPROVED] =  { 0, 0, 0, 0, 1, 0, 0, 1 },
		[MEETING_PUBLISHED] =        { 0, 0, 0, 0, 0, 1, 0, 1 },
		[MEETING_HELD] =             { 0, 0, 0, 0, 0, 0, 1, 0 },
		[MEETING_MINUTES_APPROVED] = { 0, 0, 0, 0, 0, 0, 0, 0 },
		[MEETING_CANCELLED] =        { 0, 1, 0, 0, 0, 0, 0, 0 },
	};
	_Static_assert(MEETING_STATE__COUNT == 8,
		       "a new meeting state: add its row and column here");
	int wrong = 0;
	for (int f = 0; f < N; f++)
		for (int t = 0; t < N; t++) {
			bool got = meeting_transition_allowed(
				(enum meeting_state)f, (enum meeting_state)t);
			if (got != expect[f][t]) {
				print_message("%s -> %s: got %d\n",
					      meeting_state_code((enum meeting_state)f),
					      meeting_state_code((enum meeting_state)t),
					      got);
				wrong++;
			}
		}
	/* Out of range never. */
	assert_false(meeting_transition_allowed(MEETING_STATE__COUNT,
						MEETING_PLANNED));
	assert_false(meeting_transition_allowed(MEETING_PLANNED,
						MEETING_STATE__COUNT));
	assert_int_equal(wrong, 0);
}

/* The problem function agrees with the graph: a message for every pair
 * the graph refuses, and none where only the graph is asked (a meeting
 * with one decided item, so no content rule bites). */
static void transition_problem_follows_graph(void **state)
{
	struct agenda_item it = item(1, "Godkendelse af kommissorium",
				     ITEM_APPROVAL, false);
	it.outcome = OUTCOME_APPROVED;
	for (int f = 0; f < MEETING_STATE__COUNT; f++)
		for (int t = 0; t < MEETING_STATE__COUNT; t++) {
			struct meeting m = mtg(1, 20220623, (enum meeting_state)f);
			m.items = &it;
			m.n_items = 1;
			const char *p = meeting_transition_problem(
				&m, (enum meeting_state)t);
			bool allowed = meeting_transition_allowed(
				(enum meeting_state)f, (enum meeting_state)t);
			if (allowed)
				assert_null(p);
			else
				assert_non_null(p);
		}
	assert_non_null(meeting_transition_problem(NULL, MEETING_PLANNED));

	/* The messages say what is wrong. */
	struct meeting m = mtg(1, 20220623, MEETING_MINUTES_APPROVED);
	assert_non_null(strstr(meeting_transition_problem(&m, MEETING_CANCELLED),
			       "Referatet er godkendt"));
	m.state = MEETING_HELD;
	assert_non_null(strstr(meeting_transition_problem(&m, MEETING_CANCELLED),
			       "før det er afholdt"));
	m.state = MEETING_AGENDA_APPROVED;
	assert_non_null(strstr(meeting_transition_problem(&m, MEETING_HELD),
			       "udsendt"));
	m.state = MEETING_CANCELLED;
	assert_non_null(strstr(meeting_transition_problem(&m, MEETING_CANCELLED),
			       "allerede"));
}

/* agenda_approved and published need at least one item, each with a
 * title; planned/invited/held/cancelled need none. */
static void transition_needs_items(void **state)
{
	struct meeting m = mtg(1, 20220623, MEETING_PLANNED);
	assert_string_equal(meeting_transition_problem(&m, MEETING_AGENDA_APPROVED),
			    "Dagsordenen har ingen punkter.");
	assert_null(meeting_transition_problem(&m, MEETING_INVITED));
	assert_null(meeting_transition_problem(&m, MEETING_CANCELLED));
	m.state = MEETING_AGENDA_APPROVED;
	assert_string_equal(meeting_transition_problem(&m, MEETING_PUBLISHED),
			    "Dagsordenen har ingen punkter.");

	struct agenda_item it = item(1, "Eventuelt", ITEM_AOB, false);
	m.items = &it;
	m.n_items = 1;
	assert_null(meeting_transition_problem(&m, MEETING_PUBLISHED));
	m.state = MEETING_PLANNED;
	assert_null(meeting_transition_problem(&m, MEETING_AGENDA_APPROVED));
	it.title = "";
	assert_non_null(strstr(meeting_transition_problem(&m, MEETING_AGENDA_APPROVED),
			       "titel"));

	/* Held, cancelled: no item needed (an empty published meeting
	 * cannot exist, but the rule does not ask). */
	m.n_items = 0;
	m.state = MEETING_PUBLISHED;
	assert_null(meeting_transition_problem(&m, MEETING_HELD));
	assert_null(meeting_transition_problem(&m, MEETING_CANCELLED));
}

/*
 * Seed 004: "Ved evt. uenighed mellem partnerne i forbindelse med sager
 * til Sundhedsklynge Sønderjyllands fagligt strategiske niveau skal
 * dette fremgå af sagsfremstilling og indstilling." An item with
 * recorded dissent needs both before the agenda is approved or sent.
 */
static void transition_dissent(void **state)
{
	struct agenda_item it = item(1, "Implementeringsplan", ITEM_APPROVAL, false);
	it.dissent = "Psykiatrien ønsker en senere opstart.";
	struct meeting m = mtg(1, 20221123, MEETING_INVITED);
	m.items = &it;
	m.n_items = 1;
	const char *p = meeting_transition_problem(&m, MEETING_AGENDA_APPROVED);
	assert_non_null(p);
	assert_non_null(strstr(p, "uenighed"));
	it.presentation = "Sagsfremstilling med uenigheden.";
	assert_non_null(meeting_transition_problem(&m, MEETING_AGENDA_APPROVED));
	it.presentation = "";
	it.resolutions = "At planen godkendes";
	assert_non_null(meeting_transition_problem(&m, MEETING_AGENDA_APPROVED));
	it.presentation = "Sagsfremstilling med uenigheden.";
	assert_null(meeting_transition_problem(&m, MEETING_AGENDA_APPROVED));
	/* Published from agenda_approved checks it again (an edit between). */
	m.state = MEETING_AGENDA_APPROVED;
	it.resolutions = "";
	assert_non_null(meeting_transition_problem(&m, MEETING_PUBLISHED));
	/* No dissent, no requirement. */
	it.dissent = "";
	assert_null(meeting_transition_problem(&m, MEETING_PUBLISHED));
}

/* minutes_approved: an outcome on every approval and discussion item;
 * information and aob items need none; postponed is an outcome. */
static void transition_minutes_need_outcomes(void **state)
{
	struct agenda_item its[4] = {
		item(1, "Godkendelse af ny organisering", ITEM_APPROVAL, false),
		item(2, "Drøftelse af sagsflows", ITEM_DISCUSSION, false),
		item(3, "Orientering", ITEM_INFORMATION, false),
		item(4, "Eventuelt", ITEM_AOB, false),
	};
	struct meeting m = mtg(1, 20220623, MEETING_HELD);
	m.items = its;
	m.n_items = 4;
	assert_non_null(meeting_transition_problem(&m, MEETING_MINUTES_APPROVED));
	its[0].outcome = OUTCOME_APPROVED;
	const char *p = meeting_transition_problem(&m, MEETING_MINUTES_APPROVED);
	assert_non_null(p);
	assert_non_null(strstr(p, "udfald"));
	its[1].outcome = OUTCOME_POSTPONED;
	assert_null(meeting_transition_problem(&m, MEETING_MINUTES_APPROVED));
	its[0].outcome = OUTCOME_NONE;
	its[1].outcome = OUTCOME_DISCUSSED;
	assert_non_null(meeting_transition_problem(&m, MEETING_MINUTES_APPROVED));
	its[0].outcome = OUTCOME_REJECTED;
	assert_null(meeting_transition_problem(&m, MEETING_MINUTES_APPROVED));
	/* Not from published: held comes first. */
	m.state = MEETING_PUBLISHED;
	assert_non_null(meeting_transition_problem(&m, MEETING_MINUTES_APPROVED));
}

static void editable_states(void **state)
{
	/*                     none pl inv agA pub held minA canc */
	static const bool agenda[] = { 0, 1, 1, 1, 1, 0, 0, 0 };
	static const bool minutes[] = { 0, 0, 0, 0, 1, 1, 0, 0 };
	_Static_assert(sizeof(agenda) == MEETING_STATE__COUNT, "a column per state");
	for (int i = 0; i < MEETING_STATE__COUNT; i++) {
		assert_int_equal(meeting_agenda_editable((enum meeting_state)i),
				 agenda[i]);
		assert_int_equal(meeting_minutes_editable((enum meeting_state)i),
				 minutes[i]);
	}
}

/* ---- cadence -------------------------------------------------------- */

/*
 * Seed 001, the political level's terms of reference: "Det politiske
 * niveau mødes mindst to gange årligt og efter behov"; the professional-
 * strategic level's: "Det fagligt strategiske niveau mødes mindst fire
 * gange årligt og efter behov" (issue 4: "political level >= 2,
 * professional-strategic >= 4").
 */
static void cadence_political_and_strategic(void **state)
{
	struct fx f;
	fx_init(&f);
	int64_t pol = fx_body(&f, "Politisk niveau", BODY_POLITICAL_LEVEL, 0);
	int64_t fsn = fx_body(&f, "Fagligt strategisk niveau", BODY_STRATEGIC_LEVEL, 0);
	int64_t cp = fx_charter(&f, pol, 1, CHARTER_APPROVED, 20220623);
	fx_charter_get(&f, cp)->min_meetings_per_year = 2;
	int64_t cf = fx_charter(&f, fsn, 1, CHARTER_APPROVED, 20220623);
	fx_charter_get(&f, cf)->min_meetings_per_year = 4;

	struct meeting ms[] = {
		mtg(pol, 20230301, MEETING_MINUTES_APPROVED),
		mtg(pol, 20231115, MEETING_PLANNED),
		mtg(fsn, 20230110, MEETING_HELD),
		mtg(fsn, 20230410, MEETING_PUBLISHED),
		mtg(fsn, 20230910, MEETING_CANCELLED),
		mtg(fsn, 20231210, MEETING_INVITED),
	};
	size_t n = sizeof(ms) / sizeof(ms[0]);
	struct cadence_result r;
	rules_cadence(&f.s, pol, 2023, ms, n, &r);
	assert_int_equal(r.year, 2023);
	assert_int_equal(r.required, 2);
	assert_int_equal(r.held, 1);
	assert_int_equal(r.planned, 1);
	assert_true(r.ok);
	/* One fewer: short. */
	ms[1].state = MEETING_CANCELLED;
	rules_cadence(&f.s, pol, 2023, ms, n, &r);
	assert_int_equal(r.planned, 0);
	assert_false(r.ok);

	/* Strategic: 3 that count (the cancelled one does not) of 4. */
	rules_cadence(&f.s, fsn, 2023, ms, n, &r);
	assert_int_equal(r.required, 4);
	assert_int_equal(r.held, 1);
	assert_int_equal(r.planned, 2);
	assert_false(r.ok);
	/* Re-planning the cancelled one makes it 4. */
	ms[4].state = MEETING_PLANNED;
	rules_cadence(&f.s, fsn, 2023, ms, n, &r);
	assert_int_equal(r.planned, 3);
	assert_true(r.ok);
	fx_free(&f);
}

/* Calendar-year edges: Dec 31 counts for its year, Jan 1 for the next;
 * a body without a charter or without a cadence needs nothing. */
static void cadence_year_edges(void **state)
{
	struct fx f;
	fx_init(&f);
	int64_t pol = fx_body(&f, "Politisk niveau", BODY_POLITICAL_LEVEL, 0);
	int64_t other = fx_body(&f, "Andet forum", BODY_THEME_GROUP, 0);
	int64_t cp = fx_charter(&f, pol, 1, CHARTER_APPROVED, 20220101);
	fx_charter_get(&f, cp)->min_meetings_per_year = 2;
	struct meeting ms[] = {
		mtg(pol, 20221231, MEETING_HELD),
		mtg(pol, 20230101, MEETING_HELD),
		mtg(pol, 20231231, MEETING_PLANNED),
		mtg(pol, 20240101, MEETING_PLANNED),
		mtg(other, 20230601, MEETING_HELD),
	};
	size_t n = sizeof(ms) / sizeof(ms[0]);
	struct cadence_result r;
	rules_cadence(&f.s, pol, 2022, ms, n, &r);
	assert_int_equal(r.held + r.planned, 1);
	assert_false(r.ok);
	rules_cadence(&f.s, pol, 2023, ms, n, &r);
	assert_int_equal(r.held, 1);
	assert_int_equal(r.planned, 1);
	assert_true(r.ok);
	rules_cadence(&f.s, pol, 2024, ms, n, &r);
	assert_int_equal(r.planned, 1);
	assert_false(r.ok);

	/* No charter: nothing required. */
	rules_cadence(&f.s, other, 2023, ms, n, &r);
	assert_int_equal(r.required, 0);
	assert_int_equal(r.held, 1);
	assert_true(r.ok);
	/* No meetings at all, no requirement: ok. */
	rules_cadence(&f.s, other, 2023, NULL, 0, &r);
	assert_true(r.ok);
	/* Required with no meetings: not ok. */
	rules_cadence(&f.s, pol, 2025, NULL, 0, &r);
	assert_int_equal(r.required, 2);
	assert_false(r.ok);

	/* A charter approved mid-year governs that year (in force on
	 * Dec 31); a later version with a higher cadence from next year
	 * does not. */
	int64_t c2 = fx_charter(&f, pol, 2, CHARTER_APPROVED, 20240101);
	fx_charter_get(&f, c2)->min_meetings_per_year = 4;
	rules_cadence(&f.s, pol, 2023, ms, n, &r);
	assert_int_equal(r.required, 2);
	rules_cadence(&f.s, pol, 2024, ms, n, &r);
	assert_int_equal(r.required, 4);
	fx_free(&f);
}

/* ---- meets before --------------------------------------------------- */

/*
 * Seed 004: "Implementeringsgrupperne mødes efter behov og
 * koordineringsforum mødes forud for møder i Sundhedsklynge
 * Sønderjyllands fagligt strategiske niveau."
 */
struct mb {
	struct fx f;
	int64_t forum, fsn, charter;
};

static void mb_init(struct mb *x)
{
	fx_init(&x->f);
	x->fsn = fx_body(&x->f, "Sønderjylland, fagligt strategisk niveau",
			 BODY_STRATEGIC_LEVEL, 0);
	x->forum = fx_body(&x->f, "Koordineringsforum for IPG'erne",
			   BODY_COORDINATION_FORUM, 0);
	x->charter = fx_charter(&x->f, x->forum, 1, CHARTER_APPROVED, 20220919);
	fx_charter_get(&x->f, x->charter)->meets_before_id = x->fsn;
}

static size_t mb_check(struct mb *x, const struct meeting *ms, size_t n,
		       int year, struct violations *v)
{
	memset(v, 0, sizeof(*v));
	rules_check_meets_before(&x->f.a, &x->f.s, x->forum, year, ms, n, v);
	return v->n;
}

static void meets_before_two_meetings(void **state)
{
	struct mb x;
	mb_init(&x);
	struct violations v;
	struct meeting ms[] = {
		mtg(x.fsn, 20230310, MEETING_HELD),
		mtg(x.fsn, 20230610, MEETING_PLANNED),
		mtg(x.forum, 20230301, MEETING_HELD),
		mtg(x.forum, 20230601, MEETING_PLANNED),
	};
	assert_int_equal(mb_check(&x, ms, 4, 2023, &v), 0);

	/* The forum's June meeting gone: its March meeting lies before the
	 * March FSN meeting, so it does not serve June. */
	ms[3].state = MEETING_CANCELLED;
	assert_int_equal(mb_check(&x, ms, 4, 2023, &v), 1);
	assert_string_equal(v.items[0].code, V_MEETS_BEFORE_MISSING);
	assert_int_equal(v.items[0].body_id, x.forum);
	assert_non_null(strstr(v.items[0].message, "10. juni 2023"));
	assert_non_null(strstr(v.items[0].message, "10. marts 2023"));
	assert_non_null(strstr(v.items[0].message,
			       "Sønderjylland, fagligt strategisk niveau"));
	assert_non_null(strstr(v.items[0].message, "Koordineringsforum"));

	/* Both gone: two violations, the first says "før". */
	ms[2].state = MEETING_CANCELLED;
	assert_int_equal(mb_check(&x, ms, 4, 2023, &v), 2);
	assert_non_null(strstr(v.items[0].message, "intet møde før mødet den 10. marts 2023"));

	/* A cancelled FSN meeting needs no forum meeting. */
	ms[0].state = MEETING_CANCELLED;
	ms[1].state = MEETING_CANCELLED;
	assert_int_equal(mb_check(&x, ms, 4, 2023, &v), 0);
	fx_free(&x.f);
}

/* The forum meeting on the same day as the FSN meeting is not before it. */
static void meets_before_same_day(void **state)
{
	struct mb x;
	mb_init(&x);
	struct violations v;
	struct meeting ms[] = {
		mtg(x.fsn, 20230310, MEETING_PUBLISHED),
		mtg(x.forum, 20230310, MEETING_PUBLISHED),
	};
	assert_int_equal(mb_check(&x, ms, 2, 2023, &v), 1);
	/* The day before is. */
	ms[1].date = 20230309;
	assert_int_equal(mb_check(&x, ms, 2, 2023, &v), 0);
	/* The day after is not. */
	ms[1].date = 20230311;
	assert_int_equal(mb_check(&x, ms, 2, 2023, &v), 1);
	fx_free(&x.f);
}

/* Two FSN meetings on one day are served by one forum meeting and, when
 * none, reported once. Year edges: the first FSN meeting of the year is
 * served by a forum meeting in December after the previous FSN
 * meeting; meetings of other years are not checked. */
static void meets_before_edges(void **state)
{
	struct mb x;
	mb_init(&x);
	struct violations v;
	struct meeting ms[] = {
		mtg(x.fsn, 20221215, MEETING_MINUTES_APPROVED),
		mtg(x.forum, 20221220, MEETING_HELD),
		mtg(x.fsn, 20230110, MEETING_HELD),
		mtg(x.fsn, 20230110, MEETING_HELD),
	};
	assert_int_equal(mb_check(&x, ms, 4, 2023, &v), 0);
	/* 2022: FSN's Dec 15 meeting had no forum meeting before it. */
	assert_int_equal(mb_check(&x, ms, 4, 2022, &v), 1);
	assert_non_null(strstr(v.items[0].message, "15. december 2022"));
	/* The forum's December meeting moved before FSN's: Jan 10 (twice)
	 * is one violation. */
	ms[1].date = 20221214;
	assert_int_equal(mb_check(&x, ms, 4, 2023, &v), 1);
	assert_non_null(strstr(v.items[0].message, "10. januar 2023"));
	/* Forum meeting on Jan 1 serves Jan 10. */
	struct meeting ms2[] = {
		ms[0], ms[1], ms[2], ms[3], mtg(x.forum, 20230101, MEETING_PLANNED),
	};
	assert_int_equal(mb_check(&x, ms2, 5, 2023, &v), 0);
	fx_free(&x.f);
}

/* Only a charter that says so, in force on the FSN meeting's date. */
static void meets_before_charter(void **state)
{
	struct mb x;
	mb_init(&x);
	struct violations v;
	struct meeting ms[] = {
		mtg(x.fsn, 20221001, MEETING_HELD),
		mtg(x.fsn, 20221101, MEETING_HELD),
		mtg(x.fsn, 20230601, MEETING_HELD),
	};
	assert_int_equal(mb_check(&x, ms, 3, 2022, &v), 2);
	assert_int_equal(mb_check(&x, ms, 3, 2023, &v), 1);
	/* A version 2 without the rule from 2023: nothing then, 2022 as
	 * before. */
	fx_charter(&x.f, x.forum, 2, CHARTER_APPROVED, 20230101);
	assert_int_equal(mb_check(&x, ms, 3, 2023, &v), 0);
	assert_int_equal(mb_check(&x, ms, 3, 2022, &v), 2);
	/* Another body (the FSN itself) has no such rule. */
	memset(&v, 0, sizeof(v));
	rules_check_meets_before(&x.f.a, &x.f.s, x.fsn, 2022, ms, 3, &v);
	assert_int_equal(v.n, 0);
	/* An unknown body: nothing. */
	rules_check_meets_before(&x.f.a, &x.f.s, 9999, 2022, ms, 3, &v);
	assert_int_equal(v.n, 0);
	fx_free(&x.f);
}

/* ---- agenda order --------------------------------------------------- */

static void assert_titles(const struct agenda_item *its, size_t n,
			  const char *const *titles)
{
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(its[i].title, titles[i]);
		assert_int_equal(its[i].number, (int)i + 1);
	}
}

/*
 * Seed 003: "Punkter vedrørende psykiatri placeres som udgangspunkt
 * først på dagsordenen." Any other business last. Within each group the
 * secretariat's order stands (stable).
 */
static void order_fix_stable(void **state)
{
	struct agenda_item its[] = {
		item(1, "A", ITEM_APPROVAL, false),
		item(2, "P1", ITEM_DISCUSSION, true),
		item(3, "Eventuelt", ITEM_AOB, false),
		item(4, "B", ITEM_INFORMATION, false),
		item(5, "P2", ITEM_APPROVAL, true),
		item(6, "Eventuelt 2", ITEM_AOB, true),
	};
	struct agenda_item copy[6];
	memcpy(copy, its, sizeof(its));

	meeting_order_fix(its, 6, true);
	static const char *const psy[] = { "P1", "P2", "A", "B", "Eventuelt",
					   "Eventuelt 2" };
	assert_titles(its, 6, psy);

	/* Without the charter rule psychiatry is nothing special. */
	meeting_order_fix(copy, 6, false);
	static const char *const plain[] = { "A", "P1", "B", "P2", "Eventuelt",
					     "Eventuelt 2" };
	assert_titles(copy, 6, plain);

	/* Idempotent. */
	meeting_order_fix(its, 6, true);
	assert_titles(its, 6, psy);

	/* Empty and single are fine. */
	meeting_order_fix(NULL, 0, true);
	struct agenda_item one = item(7, "Eneste", ITEM_AOB, false);
	meeting_order_fix(&one, 1, true);
	assert_int_equal(one.number, 1);
}

static void order_check(void **state)
{
	struct arena a;
	arena_init(&a);
	struct violations v = { 0 };
	struct agenda_item its[] = {
		item(1, "A", ITEM_APPROVAL, false),
		item(2, "P1", ITEM_DISCUSSION, true),
		item(3, "Eventuelt", ITEM_AOB, false),
		item(4, "B", ITEM_INFORMATION, false),
		item(5, "P2", ITEM_APPROVAL, true),
	};
	rules_check_order(&a, its, 5, true, &v);
	assert_int_equal(v.n, 2);
	const struct violation *p = fx_find(&v, V_ORDER_PSYCHIATRY);
	const struct violation *o = fx_find(&v, V_ORDER_AOB);
	assert_non_null(p);
	assert_non_null(o);
	/* The first misplaced item each. */
	assert_non_null(strstr(p->message, "Punkt 2 «P1»"));
	assert_non_null(strstr(o->message, "Punkt 4 «B»"));

	memset(&v, 0, sizeof(v));
	rules_check_order(&a, its, 5, false, &v);
	assert_int_equal(v.n, 1);
	assert_int_equal(fx_count(&v, V_ORDER_AOB), 1);

	memset(&v, 0, sizeof(v));
	meeting_order_fix(its, 5, true);
	rules_check_order(&a, its, 5, true, &v);
	assert_int_equal(v.n, 0);
	rules_check_order(&a, NULL, 0, true, &v);
	assert_int_equal(v.n, 0);
	arena_free(&a);
}

/* Moves at the ends, across groups, within a group. */
static void order_move(void **state)
{
	struct agenda_item its[] = {
		item(1, "P1", ITEM_DISCUSSION, true),
		item(2, "A", ITEM_APPROVAL, false),
		item(3, "B", ITEM_APPROVAL, false),
		item(4, "Eventuelt", ITEM_AOB, false),
	};
	static const char *const start[] = { "P1", "A", "B", "Eventuelt" };
	/* At the ends, bad direction or index. */
	assert_false(meeting_item_move(its, 4, 0, -1, true));
	assert_false(meeting_item_move(its, 4, 3, 1, true));
	assert_false(meeting_item_move(its, 4, 4, -1, true));
	assert_false(meeting_item_move(its, 4, 1, 0, true));
	assert_false(meeting_item_move(its, 4, 1, 2, true));
	assert_false(meeting_item_move(NULL, 0, 0, 1, true));
	/* Across groups: undone by the rules, nothing changes. */
	assert_false(meeting_item_move(its, 4, 1, -1, true));	/* A above P1 */
	assert_false(meeting_item_move(its, 4, 2, 1, true));	/* B below aob */
	assert_false(meeting_item_move(its, 4, 3, -1, true));	/* aob up */
	assert_titles(its, 4, start);
	/* Within a group. */
	assert_true(meeting_item_move(its, 4, 2, -1, true));
	static const char *const ba[] = { "P1", "B", "A", "Eventuelt" };
	assert_titles(its, 4, ba);
	assert_true(meeting_item_move(its, 4, 1, 1, true));
	static const char *const ab[] = { "P1", "A", "B", "Eventuelt" };
	assert_titles(its, 4, ab);
	/* Without psychiatry first, A may go above P1. */
	assert_true(meeting_item_move(its, 4, 1, -1, false));
	static const char *const ap[] = { "A", "P1", "B", "Eventuelt" };
	assert_titles(its, 4, ap);
	/* An order that breaks the rules is repaired by any move: moving
	 * P1 up fixes it; a move within a group also applies the fix. */
	assert_true(meeting_item_move(its, 4, 1, -1, true));
	assert_titles(its, 4, ab);
	struct agenda_item bad[] = {
		item(1, "Eventuelt", ITEM_AOB, false),
		item(2, "A", ITEM_APPROVAL, false),
		item(3, "B", ITEM_APPROVAL, false),
	};
	assert_true(meeting_item_move(bad, 3, 2, -1, true));
	static const char *const fixed[] = { "B", "A", "Eventuelt" };
	assert_titles(bad, 3, fixed);
}

/* ---- quorum at a meeting -------------------------------------------- */

/*
 * Seed 001, item 3: "Beslutninger i det politiske niveau træffes på
 * baggrund af konsensus under forudsætning af, at mindst halvdelen af
 * medlemmerne fra hver sektor er til stede." Seed 000: "Det er muligt
 * at udpege suppleanter, som deltager ved afbud fra et ordnært medlem".
 * The Sønderjylland fixture: region 3, municipalities 4, general
 * practice 2, patients 2.
 */
struct qx {
	struct fx f;
	struct sj sj;
	struct meeting m;
	struct attendance att[20];
	int64_t m_sub;		/* substitute for Tønder's director */
};

static void qx_present(struct qx *x, int64_t membership,
		       enum attendance_status st)
{
	for (size_t i = 0; i < x->m.n_attendance; i++)
		if (x->att[i].membership_id == membership) {
			x->att[i].status = st;
			return;
		}
	struct attendance *a = &x->att[x->m.n_attendance++];
	memset(a, 0, sizeof(*a));
	a->membership_id = membership;
	a->status = st;
	a->note = "";
}

static void qx_init(struct qx *x)
{
	fx_init(&x->f);
	fx_sonderjylland(&x->f, &x->sj);
	fx_charter_get(&x->f, x->sj.charter)->quorum_rule =
		QUORUM_RULE_HALF_PER_SECTOR;
	x->m_sub = fx_seated(&x->f, "Lars Lund", x->sj.body, ROLE_SUBSTITUTE,
			     FUNC_DIRECTOR, x->sj.muni[3], SJ_START, SJ_END);
	fx_membership(&x->f, x->m_sub)->substitute_for_id = x->sj.m_muni[3];
	x->m = mtg(x->sj.body, SJ_DATE, MEETING_HELD);
	x->m.attendance = x->att;
	int64_t all[] = { x->sj.m_shs, x->sj.m_psyk, x->sj.m_rh,
			  x->sj.m_muni[0], x->sj.m_muni[1], x->sj.m_muni[2],
			  x->sj.m_muni[3], x->sj.m_gp[0], x->sj.m_gp[1],
			  x->sj.m_pat[0], x->sj.m_pat[1] };
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		qx_present(x, all[i], ATTEND_PRESENT);
}

static void quorum_at_meeting(void **state)
{
	struct qx x;
	qx_init(&x);
	enum quorum_rule rule;
	struct quorum_result q;
	meeting_quorum(&x.f.s, &x.m, &rule, &q);
	assert_int_equal(rule, QUORUM_RULE_HALF_PER_SECTOR);
	assert_true(q.quorate);
	assert_int_equal(q.sectors[SECTOR_REGION].members, 3);
	assert_int_equal(q.sectors[SECTOR_MUNICIPALITY].members, 4);
	assert_int_equal(q.sectors[SECTOR_GENERAL_PRACTICE].members, 2);
	assert_int_equal(q.sectors[SECTOR_PATIENTS].members, 2);

	/* Municipalities: 2 of 4 is half - enough. */
	qx_present(&x, x.sj.m_muni[2], ATTEND_APOLOGY);
	qx_present(&x, x.sj.m_muni[3], ATTEND_ABSENT);
	meeting_quorum(&x.f.s, &x.m, &rule, &q);
	assert_int_equal(q.sectors[SECTOR_MUNICIPALITY].present, 2);
	assert_int_equal(q.sectors[SECTOR_MUNICIPALITY].needed, 2);
	assert_true(q.quorate);
	/* 1 of 4 is not. */
	qx_present(&x, x.sj.m_muni[1], ATTEND_APOLOGY);
	meeting_quorum(&x.f.s, &x.m, &rule, &q);
	assert_false(q.sectors[SECTOR_MUNICIPALITY].ok);
	assert_false(q.quorate);
	/* Tønder's substitute steps in for the absent director: counts. */
	qx_present(&x, x.m_sub, ATTEND_PRESENT);
	meeting_quorum(&x.f.s, &x.m, &rule, &q);
	assert_int_equal(q.sectors[SECTOR_MUNICIPALITY].present, 2);
	assert_true(q.quorate);
	fx_free(&x.f);
}

/* A substitute for a present member does not count; nor one whose term
 * has ended, nor one with no attendance recorded; patients: 1 of 2 is
 * half, 0 of 2 is not; region: 2 of 3 needed. */
static void quorum_at_meeting_edges(void **state)
{
	struct qx x;
	qx_init(&x);
	enum quorum_rule rule;
	struct quorum_result q;
	qx_present(&x, x.m_sub, ATTEND_PRESENT);	/* Tønder present too */
	qx_present(&x, x.sj.m_muni[1], ATTEND_ABSENT);
	qx_present(&x, x.sj.m_muni[2], ATTEND_ABSENT);
	qx_present(&x, x.sj.m_muni[3], ATTEND_ABSENT);
	meeting_quorum(&x.f.s, &x.m, &rule, &q);
	assert_int_equal(q.sectors[SECTOR_MUNICIPALITY].present, 2);
	qx_present(&x, x.sj.m_muni[3], ATTEND_PRESENT);
	qx_present(&x, x.sj.m_muni[0], ATTEND_ABSENT);
	meeting_quorum(&x.f.s, &x.m, &rule, &q);
	/* Tønder's director is there: the substitute does not count. */
	assert_int_equal(q.sectors[SECTOR_MUNICIPALITY].present, 1);
	assert_false(q.quorate);

	/* The substitute's term ended the day before the meeting. */
	qx_present(&x, x.sj.m_muni[3], ATTEND_ABSENT);
	fx_membership(&x.f, x.m_sub)->end = SJ_DATE - 1;
	meeting_quorum(&x.f.s, &x.m, &rule, &q);
	assert_int_equal(q.sectors[SECTOR_MUNICIPALITY].present, 0);
	/* Ends on the meeting day: still in office. */
	fx_membership(&x.f, x.m_sub)->end = SJ_DATE;
	meeting_quorum(&x.f.s, &x.m, &rule, &q);
	assert_int_equal(q.sectors[SECTOR_MUNICIPALITY].present, 1);

	/* Nothing recorded for a member = not present. */
	x.m.n_attendance = 0;
	meeting_quorum(&x.f.s, &x.m, &rule, &q);
	assert_int_equal(q.sectors[SECTOR_REGION].present, 0);
	assert_false(q.quorate);
	qx_present(&x, x.sj.m_shs, ATTEND_PRESENT);
	qx_present(&x, x.sj.m_psyk, ATTEND_PRESENT);
	qx_present(&x, x.sj.m_muni[0], ATTEND_PRESENT);
	qx_present(&x, x.sj.m_muni[1], ATTEND_PRESENT);
	qx_present(&x, x.sj.m_gp[0], ATTEND_PRESENT);
	qx_present(&x, x.sj.m_pat[1], ATTEND_PRESENT);
	meeting_quorum(&x.f.s, &x.m, &rule, &q);
	assert_int_equal(q.sectors[SECTOR_REGION].needed, 2);
	assert_int_equal(q.sectors[SECTOR_PATIENTS].needed, 1);
	assert_true(q.quorate);
	qx_present(&x, x.sj.m_pat[1], ATTEND_APOLOGY);
	meeting_quorum(&x.f.s, &x.m, &rule, &q);
	assert_false(q.sectors[SECTOR_PATIENTS].ok);
	assert_false(q.quorate);

	/* Members of other bodies and secretaries are not counted. */
	int64_t other = fx_body(&x.f, "Andet", BODY_THEME_GROUP, 0);
	int64_t mo = fx_seated(&x.f, "Mette Mo", other, ROLE_MEMBER,
			       FUNC_DIRECTOR, x.sj.piu, SJ_START, SJ_END);
	int64_t ms = fx_seated(&x.f, "Niels Nim", x.sj.body, ROLE_SECRETARY,
			       FUNC_CONSULTANT, x.sj.piu, SJ_START, SJ_END);
	qx_present(&x, mo, ATTEND_PRESENT);
	qx_present(&x, ms, ATTEND_PRESENT);
	meeting_quorum(&x.f.s, &x.m, &rule, &q);
	assert_int_equal(q.sectors[SECTOR_PATIENTS].members, 2);
	assert_int_equal(q.sectors[SECTOR_PATIENTS].present, 0);
	fx_free(&x.f);
}

/* A charter without a quorum rule, or no charter: quorate. "half". */
static void quorum_rules_none_and_half(void **state)
{
	struct qx x;
	qx_init(&x);
	enum quorum_rule rule;
	struct quorum_result q;
	x.m.n_attendance = 0;
	fx_charter_get(&x.f, x.sj.charter)->quorum_rule = QUORUM_RULE_NONE;
	meeting_quorum(&x.f.s, &x.m, &rule, &q);
	assert_int_equal(rule, QUORUM_RULE_NONE);
	assert_true(q.quorate);

	fx_charter_get(&x.f, x.sj.charter)->quorum_rule = QUORUM_RULE_HALF;
	for (int i = 0; i < 4; i++)
		qx_present(&x, x.sj.m_muni[i], ATTEND_PRESENT);
	qx_present(&x, x.sj.m_gp[0], ATTEND_PRESENT);
	qx_present(&x, x.sj.m_gp[1], ATTEND_PRESENT);
	meeting_quorum(&x.f.s, &x.m, &rule, &q);
	assert_int_equal(rule, QUORUM_RULE_HALF);
	assert_int_equal(q.sectors[SECTOR_NONE].members, 11);
	assert_int_equal(q.sectors[SECTOR_NONE].needed, 6);
	assert_true(q.quorate);
	qx_present(&x, x.sj.m_gp[0], ATTEND_ABSENT);
	meeting_quorum(&x.f.s, &x.m, &rule, &q);
	assert_false(q.quorate);

	struct meeting orphan = mtg(9999, SJ_DATE, MEETING_HELD);
	meeting_quorum(&x.f.s, &orphan, &rule, &q);
	assert_int_equal(rule, QUORUM_RULE_NONE);
	assert_true(q.quorate);
	fx_free(&x.f);
}

/* "a decision recorded on an inquorate meeting is refused with a clear
 * message where the terms of reference require quorum" (issue 4). */
static void decision_problem(void **state)
{
	struct qx x;
	qx_init(&x);
	struct agenda_item app = item(1, "Godkendelse", ITEM_APPROVAL, false);
	struct agenda_item info = item(2, "Orientering", ITEM_INFORMATION, false);
	struct agenda_item aob = item(3, "Eventuelt", ITEM_AOB, false);
	assert_null(meeting_decision_problem(&x.f.a, &x.f.s, &x.m, &app));

	qx_present(&x, x.sj.m_muni[1], ATTEND_APOLOGY);
	qx_present(&x, x.sj.m_muni[2], ATTEND_APOLOGY);
	qx_present(&x, x.sj.m_muni[3], ATTEND_APOLOGY);
	qx_present(&x, x.sj.m_pat[0], ATTEND_ABSENT);
	qx_present(&x, x.sj.m_pat[1], ATTEND_ABSENT);
	const char *p = meeting_decision_problem(&x.f.a, &x.f.s, &x.m, &app);
	assert_non_null(p);
	static const char head[] = "Mødet er ikke beslutningsdygtigt: ";
	assert_true(strncmp(p, head, sizeof(head) - 1) == 0);
	assert_non_null(strstr(p, "Kommune har 1 af 4 til stede (mindst 2 kræves)"));
	assert_non_null(strstr(p, "Patienter og pårørende har 0 af 2"));
	assert_null(strstr(p, "Region har"));
	assert_non_null(strstr(p, "fra hver sektor"));
	/* Information and aob need no quorum. */
	assert_null(meeting_decision_problem(&x.f.a, &x.f.s, &x.m, &info));
	assert_null(meeting_decision_problem(&x.f.a, &x.f.s, &x.m, &aob));
	/* Discussion items do. */
	app.kind = ITEM_DISCUSSION;
	assert_non_null(meeting_decision_problem(&x.f.a, &x.f.s, &x.m, &app));
	/* Not in a state where decisions are recorded. */
	x.m.state = MEETING_AGENDA_APPROVED;
	p = meeting_decision_problem(&x.f.a, &x.f.s, &x.m, &info);
	assert_non_null(p);
	assert_non_null(strstr(p, "udsendt"));
	x.m.state = MEETING_MINUTES_APPROVED;
	assert_non_null(meeting_decision_problem(&x.f.a, &x.f.s, &x.m, &info));
	x.m.state = MEETING_PUBLISHED;	/* decided during the meeting */
	assert_non_null(meeting_decision_problem(&x.f.a, &x.f.s, &x.m, &app));
	/* "half": the total. */
	fx_charter_get(&x.f, x.sj.charter)->quorum_rule = QUORUM_RULE_HALF;
	assert_null(meeting_decision_problem(&x.f.a, &x.f.s, &x.m, &app));
	qx_present(&x, x.sj.m_gp[0], ATTEND_ABSENT);
	qx_present(&x, x.sj.m_gp[1], ATTEND_ABSENT);
	p = meeting_decision_problem(&x.f.a, &x.f.s, &x.m, &app);
	assert_non_null(p);
	assert_non_null(strstr(p, "4 af 11 medlemmer er til stede (mindst 6 kræves)"));
	/* No rule: never refused. */
	fx_charter_get(&x.f, x.sj.charter)->quorum_rule = QUORUM_RULE_NONE;
	assert_null(meeting_decision_problem(&x.f.a, &x.f.s, &x.m, &app));
	assert_non_null(meeting_decision_problem(&x.f.a, &x.f.s, NULL, &app));
	fx_free(&x.f);
}

/* ---- case numbers --------------------------------------------------- */

static void case_ok(const char *in, const char *want)
{
	char out[65];
	const char *why = "unset";
	if (meeting_case_number_parse(in, out, sizeof(out), &why) != 0) {
		print_message("rejected \"%s\": %s\n", in, why);
		fail();
	}
	assert_null(why);
	assert_string_equal(out, want);
	/* Idempotent. */
	char again[65];
	assert_int_equal(meeting_case_number_parse(out, again, sizeof(again),
						   &why), 0);
	assert_string_equal(again, out);
}

static void case_bad(const char *in, const char *why_part)
{
	char out[65] = "untouched";
	const char *why = NULL;
	if (meeting_case_number_parse(in, out, sizeof(out), &why) == 0) {
		print_message("accepted \"%s\" as \"%s\"\n", in, out);
		fail();
	}
	assert_non_null(why);
	if (why_part && !strstr(why, why_part)) {
		print_message("\"%s\": %s\n", in, why);
		fail();
	}
	assert_string_equal(out, "untouched");
}

/* meeting.h: "22/17744" (seed 001's "Sagsnr.: 22/17744"),
 * "2022-012345", "27.00.00-A00-1-22". */
static void case_numbers(void **state)
{
	case_ok("22/17744", "22/17744");
	case_ok(" 22/17744 ", "22/17744");
	case_ok("\t22/17744\r\n", "22/17744");
	case_ok("2217744", "2217744");
	case_ok("2022-012345", "2022-012345");
	case_ok("27.00.00-a00-1-22", "27.00.00-A00-1-22");
	case_ok("27.00.00-A00-1-22", "27.00.00-A00-1-22");
	case_ok("SAG 22/1", "SAG 22/1");
	case_ok("sag 22/1", "SAG 22/1");
	case_ok("7", "7");
	case_ok("", "");
	case_ok("   ", "");
	case_ok(NULL, "");
	char sixty_four[65];
	memset(sixty_four, '1', 64);
	sixty_four[64] = '\0';
	case_ok(sixty_four, sixty_four);

	char sixty_five[66];
	memset(sixty_five, '1', 65);
	sixty_five[65] = '\0';
	case_bad(sixty_five, "for langt");
	/* 64 inside spaces is fine: trimmed first. */
	char padded[70];
	snprintf(padded, sizeof(padded), "  %s  ", sixty_four);
	case_ok(padded, sixty_four);

	case_bad("/22", "begynde eller slutte");
	case_bad("22/", "begynde eller slutte");
	case_bad("-22", "begynde eller slutte");
	case_bad("abc", "ciffer");
	case_bad("A-B", "ciffer");
	case_bad("22//1", "i træk");
	case_bad("22 /1", "i træk");
	case_bad("22  1", "i træk");
	case_bad("22\t1", "må kun");
	case_bad("22\x01" "1", "må kun");
	case_bad("22\x7f", "må kun");
	case_bad("22/1\n7", "må kun");
	case_bad("22/æ1", "må kun");
	case_bad("22/\xc3\x85", "må kun");	/* Å */
	case_bad("22_1", "må kun");
	case_bad("22:1", "må kun");
	case_bad("22,1", "må kun");

	/* Too small a buffer is refused, never overrun. */
	char small[10];
	const char *why = NULL;
	assert_int_equal(meeting_case_number_parse("22/1", small, sizeof(small),
						   &why), -1);
	assert_non_null(why);
	/* why may be NULL. */
	char out[65];
	assert_int_equal(meeting_case_number_parse("/", out, sizeof(out), NULL), -1);
}

/* ---- checklist ------------------------------------------------------ */

static const struct task_template *find_task(const struct task_template *t,
					     size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(t[i].key, key) == 0)
			return &t[i];
	return NULL;
}

/* Seed 001's annex: "Sekretariatsbetjening af det politiske niveau" and
 * "... af det fagligt strategiske niveau" (OPGAVE / ANSVARLIG). */
static void task_templates(void **state)
{
	static const char *const keys[] = {
		"find_date", "invite", "catering", "write_items",
		"quality_assure", "generate", "chairs_approval", "regenerate",
		"send_agenda", "attend", "write_minutes", "approve_minutes",
		"generate_minutes", "send_minutes", "follow_up",
	};
	size_t nk = sizeof(keys) / sizeof(keys[0]);
	static const enum body_kind kinds[] = {
		BODY_POLITICAL_LEVEL, BODY_STRATEGIC_LEVEL, BODY_THEME_GROUP,
		BODY_NONE, BODY_COLLABORATION_COMMITTEE,
	};
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		size_t n = 0;
		const struct task_template *t = meeting_task_template(kinds[k], &n);
		assert_non_null(t);
		assert_int_equal(n, nk);
		for (size_t i = 0; i < n; i++) {
			assert_string_equal(t[i].key, keys[i]);
			assert_true(*t[i].label);
			assert_true(*t[i].responsible);
		}
		/* Before the meeting, in the seed's rhythm. */
		assert_true(find_task(t, n, "find_date")->offset_days <
			    find_task(t, n, "invite")->offset_days);
		assert_true(find_task(t, n, "write_items")->offset_days <
			    find_task(t, n, "quality_assure")->offset_days);
		assert_true(find_task(t, n, "chairs_approval")->offset_days <
			    find_task(t, n, "send_agenda")->offset_days);
		assert_int_equal(find_task(t, n, "send_agenda")->offset_days, -7);
		assert_int_equal(find_task(t, n, "attend")->offset_days, 0);
		assert_true(find_task(t, n, "write_minutes")->offset_days > 0);
		assert_true(find_task(t, n, "send_minutes")->offset_days <
			    find_task(t, n, "follow_up")->offset_days);
	}
	size_t n;
	const struct task_template *pol = meeting_task_template(BODY_POLITICAL_LEVEL, &n);
	assert_string_equal(find_task(pol, n, "send_agenda")->label,
			    "Udsendelse af dagsordenen til det politiske niveau");
	assert_string_equal(find_task(pol, n, "generate")->responsible, "Regionshuset");
	assert_non_null(strstr(find_task(pol, n, "invite")->responsible,
			       "Sygehuse (somatisk og/eller psykiatri)"));
	assert_non_null(strstr(find_task(pol, n, "write_items")->label, "Acadre"));
	assert_non_null(strstr(find_task(pol, n, "chairs_approval")->label,
			       "administrative og politiske formænd"));
	const struct task_template *fsn = meeting_task_template(BODY_STRATEGIC_LEVEL, &n);
	assert_string_equal(find_task(fsn, n, "quality_assure")->responsible,
			    "Somatisk sygehus, psykiatrisygehuset og klyngeformandskabskommune");
	assert_non_null(strstr(find_task(fsn, n, "write_items")->label, "First Agenda"));
	assert_non_null(strstr(find_task(fsn, n, "chairs_approval")->label,
			       "administrative formænd"));
	const struct task_template *gen = meeting_task_template(BODY_THEME_GROUP, NULL);
	assert_string_equal(gen[0].responsible, "Sekretariatet");
	assert_true(gen != pol && gen != fsn);
}

/* Due dates across month, year and leap-day edges. */
static void tasks_generate(void **state)
{
	struct arena a;
	arena_init(&a);
	size_t n = 0;
	struct meeting_task *t = meeting_tasks_generate(&a, BODY_POLITICAL_LEVEL,
							20230105, &n);
	assert_int_equal(n, 15);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(t[i].position, (int)i + 1);
		assert_false(t[i].done);
		assert_string_equal(t[i].done_by, "");
		assert_string_equal(t[i].done_at, "");
		assert_int_equal(t[i].id, 0);
	}
	assert_string_equal(t[0].key, "find_date");
	assert_int_equal(t[0].due, 20221007);		/* -90 */
	assert_int_equal(t[1].due, 20221106);		/* -60 */
	assert_int_equal(t[8].due, 20221229);		/* send -7 */
	assert_int_equal(t[9].due, 20230105);		/* the meeting */
	assert_int_equal(t[13].due, 20230119);		/* +14 */
	assert_int_equal(t[14].due, 20230204);		/* +30 */

	t = meeting_tasks_generate(&a, BODY_STRATEGIC_LEVEL, 20240307, &n);
	assert_int_equal(t[8].due, 20240229);		/* leap day */
	t = meeting_tasks_generate(&a, BODY_STRATEGIC_LEVEL, 20230307, &n);
	assert_int_equal(t[8].due, 20230228);
	t = meeting_tasks_generate(&a, BODY_ADHOC_GROUP, 20231220, &n);
	assert_int_equal(t[14].due, 20240119);
	/* An invalid date gives no due dates rather than nonsense. */
	t = meeting_tasks_generate(&a, BODY_ADHOC_GROUP, 0, &n);
	assert_int_equal(t[0].due, 0);
	arena_free(&a);
}

/* ---- small helpers -------------------------------------------------- */

static void times(void **state)
{
	char out[6];
	meeting_time_format(870, out, sizeof(out));
	assert_string_equal(out, "14:30");
	meeting_time_format(0, out, sizeof(out));
	assert_string_equal(out, "00:00");
	meeting_time_format(1439, out, sizeof(out));
	assert_string_equal(out, "23:59");
	meeting_time_format(1440, out, sizeof(out));
	assert_string_equal(out, "");
	meeting_time_format(-1, out, sizeof(out));
	assert_string_equal(out, "");

	int m = -1;
	assert_int_equal(meeting_time_parse("14:30", &m), 0);
	assert_int_equal(m, 870);
	assert_int_equal(meeting_time_parse("00:00", &m), 0);
	assert_int_equal(m, 0);
	assert_int_equal(meeting_time_parse("23:59", &m), 0);
	assert_int_equal(m, 1439);
	m = 7;
	static const char *const bad[] = { "24:00", "12:60", "1:30", "14.30",
		"14:30:00", "", "ab:cd", " 14:30", "-1:00", "14:3x" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(meeting_time_parse(bad[i], &m), -1);
	assert_int_equal(meeting_time_parse(NULL, &m), -1);
	assert_int_equal(m, 7);
}

static void display_title(void **state)
{
	struct fx f;
	fx_init(&f);
	int64_t b = fx_body(&f, "Det Administrative Kontaktforum", BODY_OTHER, 0);
	struct meeting m = mtg(b, 20220623, MEETING_HELD);
	assert_string_equal(meeting_display_title(&f.a, &f.s, &m),
			    "Det Administrative Kontaktforum 23. juni 2022");
	m.title = "Ekstraordinært møde i Det Administrative Kontaktforum";
	assert_string_equal(meeting_display_title(&f.a, &f.s, &m), m.title);
	m.title = "";
	m.body_id = 999;
	assert_string_equal(meeting_display_title(&f.a, &f.s, &m),
			    "Møde 23. juni 2022");
	m.title = NULL;
	assert_string_equal(meeting_display_title(&f.a, &f.s, &m),
			    "Møde 23. juni 2022");
	fx_free(&f);
}

static void lines(void **state)
{
	struct arena a;
	arena_init(&a);
	size_t n = 99;
	const char **l = meeting_lines(&a,
		"  At organiseringen godkendes \r\n\n\tAt notatet tages til efterretning\n   \nSidste", &n);
	assert_int_equal(n, 3);
	assert_string_equal(l[0], "At organiseringen godkendes");
	assert_string_equal(l[1], "At notatet tages til efterretning");
	assert_string_equal(l[2], "Sidste");
	assert_null(l[3]);
	l = meeting_lines(&a, "", &n);
	assert_int_equal(n, 0);
	assert_non_null(l);
	assert_null(l[0]);
	l = meeting_lines(&a, NULL, &n);
	assert_int_equal(n, 0);
	l = meeting_lines(&a, "\n\n\n", &n);
	assert_int_equal(n, 0);
	l = meeting_lines(&a, "én linje", &n);
	assert_int_equal(n, 1);
	assert_string_equal(l[0], "én linje");
	arena_free(&a);
}

/* ---- access --------------------------------------------------------- */

/*
 * Body B with a member, a chair, a secretary; body C with a secretary;
 * Hanne is case handler of items 2 (closed) and 3 and member of
 * nothing. The meeting: 1 public approval item with an attachment and a
 * decision, 2 closed, 3 public (Hanne's), 4 closed (someone else's).
 */
#define A_START 20220101
#define A_END 20261231
#define A_DATE 20230601

struct mx {
	struct fx f;
	int64_t body_b, body_c;
	int64_t p_member, p_chair, p_sec, p_sec_c, p_handler, p_other;
	struct meeting m;
	struct agenda_item items[4];
	struct attachment att[2];
	struct attendance attendance[1];
	struct meeting_task tasks[1];
	struct meeting_event events[1];
	struct meeting_document docs[4];
};

static void mx_init(struct mx *x)
{
	struct fx *f = &x->f;
	fx_init(f);
	int64_t region = fx_org(f, "Region Syddanmark", ORG_REGION, SECTOR_REGION, 0);
	x->body_b = fx_body(f, "Forum B", BODY_STRATEGIC_LEVEL, 0);
	x->body_c = fx_body(f, "Forum C", BODY_THEME_GROUP, 0);
	int64_t mm = fx_seated(f, "Anne Andersen", x->body_b, ROLE_MEMBER,
			       FUNC_DIRECTOR, region, A_START, A_END);
	x->p_member = fx_membership(f, mm)->person_id;
	x->p_chair = fx_membership(f, fx_seated(f, "Carla Christensen",
		x->body_b, ROLE_CHAIR, FUNC_DIRECTOR, region, A_START,
		A_END))->person_id;
	x->p_sec = fx_membership(f, fx_seated(f, "Eva Eriksen", x->body_b,
		ROLE_SECRETARY, FUNC_CONSULTANT, region, A_START,
		A_END))->person_id;
	x->p_sec_c = fx_membership(f, fx_seated(f, "Finn Frost", x->body_c,
		ROLE_SECRETARY, FUNC_CONSULTANT, region, A_START,
		A_END))->person_id;
	x->p_handler = fx_person(f, "Hanne Holm", region);
	x->p_other = fx_person(f, "Ib Iversen", region);

	x->m = mtg(x->body_b, 20230915, MEETING_PLANNED);
	x->m.id = 77;
	x->items[0] = item(1, "Godkendelse af ny organisering", ITEM_APPROVAL, false);
	x->items[1] = item(2, "Personsag", ITEM_APPROVAL, false);
	x->items[2] = item(3, "Sagsflows", ITEM_DISCUSSION, false);
	x->items[3] = item(4, "Lukket forhandling", ITEM_DISCUSSION, false);
	x->items[1].closed = true;
	x->items[3].closed = true;
	x->items[1].handler_person_id = x->p_handler;
	x->items[2].handler_person_id = x->p_handler;
	x->items[3].handler_person_id = x->p_other;
	for (int i = 0; i < 4; i++) {
		x->items[i].meeting_id = 77;
		x->items[i].case_number = "22/17744";
		x->items[i].summary = "Resumé";
		x->items[i].presentation = "Sagsfremstilling";
		x->items[i].recommended_by = "Administrationen indstiller, at";
		x->items[i].resolutions = "forslaget godkendes";
		x->items[i].dissent = "Uenighed";
		x->items[i].guests = "Gæst";
		x->items[i].decision = "Godkendt som indstillet";
		x->items[i].outcome = OUTCOME_APPROVED;
	}
	x->att[0] = (struct attachment){ .id = 1, .item_id = 1001, .position = 1,
		.token = "0123456789abcdef0123456789abcdef", .filename = "bilag.pdf",
		.media_type = "application/pdf", .size = 10, .sha256 = "", .created = "" };
	x->att[1] = x->att[0];
	x->att[1].id = 2;
	x->att[1].item_id = 1002;
	x->items[0].attachments = &x->att[0];
	x->items[0].n_attachments = 1;
	x->items[1].attachments = &x->att[1];
	x->items[1].n_attachments = 1;
	x->m.items = x->items;
	x->m.n_items = 4;
	x->attendance[0] = (struct attendance){ 1, 77, mm, ATTEND_PRESENT, "" };
	x->m.attendance = x->attendance;
	x->m.n_attendance = 1;
	x->tasks[0] = (struct meeting_task){ .id = 1, .meeting_id = 77,
		.position = 1, .key = "invite", .label = "Indkaldelse",
		.responsible = "Sekretariatet", .due = 20230715, .done_by = "",
		.done_at = "" };
	x->m.tasks = x->tasks;
	x->m.n_tasks = 1;
	x->events[0] = (struct meeting_event){ 1, MEETING_STATE_NONE,
		MEETING_PLANNED, "admin", "2023-05-01T10:00:00Z" };
	x->m.events = x->events;
	x->m.n_events = 1;
	static const struct { enum document_kind k; bool pub; } d[4] = {
		{ DOCUMENT_AGENDA, false }, { DOCUMENT_AGENDA, true },
		{ DOCUMENT_MINUTES, false }, { DOCUMENT_MINUTES, true },
	};
	for (int i = 0; i < 4; i++)
		x->docs[i] = (struct meeting_document){ .id = i + 1,
			.meeting_id = 77, .kind = d[i].k, .version = 1,
			.public_edition = d[i].pub, .token = "", .sha256 = "",
			.created = "", .created_by = "" };
	x->m.documents = x->docs;
	x->m.n_documents = 4;
}

static void mx_state(struct mx *x, enum meeting_state st, bool published)
{
	x->m.state = st;
	x->m.was_published = published;
}

static struct principal pp(int64_t account, int64_t person)
{
	return (struct principal){ .account_id = account, .person_id = person };
}

static const struct principal MP_PUBLIC = { 0, 0, false };
static const struct principal MP_NOBODY = { 10, 0, false };
static const struct principal MP_ADMIN = { 99, 0, true };

/* A copy of the meeting and its items to compare `in` after a view. */
struct snap {
	struct meeting m;
	struct agenda_item items[4];
	struct attachment att[2];
};

static void snap_take(const struct mx *x, struct snap *s)
{
	s->m = x->m;
	memcpy(s->items, x->items, sizeof(s->items));
	memcpy(s->att, x->att, sizeof(s->att));
}

static void snap_same(const struct mx *x, const struct snap *s)
{
	assert_memory_equal(&s->m, &x->m, sizeof(s->m));
	assert_memory_equal(s->items, x->items, sizeof(s->items));
	assert_memory_equal(s->att, x->att, sizeof(s->att));
}

static const struct agenda_item *find_item(const struct meeting *m, int number)
{
	for (size_t i = 0; i < m->n_items; i++)
		if (m->items[i].number == number)
			return &m->items[i];
	return NULL;
}

static void assert_blank(const struct agenda_item *it, int number,
			 const char *title)
{
	assert_non_null(it);
	assert_int_equal(it->number, number);
	assert_string_equal(it->title, title);
	assert_true(it->closed);
	assert_int_equal(it->id, 1000 + number);
	assert_string_equal(it->summary, "");
	assert_string_equal(it->presentation, "");
	assert_string_equal(it->recommended_by, "");
	assert_string_equal(it->resolutions, "");
	assert_string_equal(it->dissent, "");
	assert_string_equal(it->guests, "");
	assert_string_equal(it->decision, "");
	assert_string_equal(it->case_number, "");
	assert_int_equal(it->outcome, OUTCOME_NONE);
	assert_int_equal(it->handler_person_id, 0);
	assert_int_equal(it->n_attachments, 0);
	assert_null(it->attachments);
}

static void assert_full(const struct agenda_item *it, const struct agenda_item *in)
{
	assert_non_null(it);
	assert_int_equal(it->id, in->id);
	assert_string_equal(it->presentation, in->presentation);
	assert_string_equal(it->decision, in->decision);
	assert_int_equal(it->outcome, in->outcome);
	assert_int_equal(it->n_attachments, in->n_attachments);
	if (in->n_attachments) {
		/* A copy, not the caller's array. */
		assert_ptr_not_equal(it->attachments, in->attachments);
		assert_memory_equal(it->attachments, in->attachments,
				    in->n_attachments * sizeof(*in->attachments));
	}
}

/* Not yet published: the public, a no-person account and another body's
 * secretary see nothing; the body's people and admin everything; the
 * case handler only their own items. */
static void meeting_view_unpublished(void **state)
{
	struct mx x;
	mx_init(&x);
	struct snap s;
	snap_take(&x, &s);
	struct meeting out;
	const struct principal none[] = { MP_PUBLIC, MP_NOBODY,
					  pp(6, x.p_sec_c), pp(7, x.p_other + 1000) };
	for (size_t i = 0; i < sizeof(none) / sizeof(none[0]); i++) {
		memset(&out, 0xab, sizeof(out));
		assert_false(access_meeting_view(&x.f.a, &x.f.s, &none[i], &x.m,
						 A_DATE, &out));
		assert_int_equal(out.id, 0);
		assert_null(out.items);
	}
	assert_false(access_meeting_view(&x.f.a, &x.f.s, NULL, &x.m, A_DATE, &out));

	const struct principal full[] = { pp(1, x.p_member), pp(2, x.p_chair),
					  pp(3, x.p_sec), MP_ADMIN };
	for (size_t i = 0; i < sizeof(full) / sizeof(full[0]); i++) {
		assert_true(access_meeting_full(&x.f.s, &full[i], x.body_b, A_DATE));
		assert_true(access_meeting_view(&x.f.a, &x.f.s, &full[i], &x.m,
						A_DATE, &out));
		assert_int_equal(out.n_items, 4);
		assert_ptr_not_equal(out.items, x.m.items);
		for (int k = 0; k < 4; k++)
			assert_full(&out.items[k], &x.items[k]);
		assert_int_equal(out.n_attendance, 1);
		assert_int_equal(out.n_tasks, 1);
		assert_int_equal(out.n_events, 1);
		assert_int_equal(out.n_documents, 4);
	}
	/* Their membership over: no longer. */
	assert_false(access_meeting_full(&x.f.s, &full[0], x.body_b, A_END + 1));
	assert_false(access_meeting_view(&x.f.a, &x.f.s, &full[0], &x.m,
					 A_END + 1, &out));

	/* The case handler: items 2 and 3, in full; nothing else. */
	struct principal h = pp(8, x.p_handler);
	assert_false(access_meeting_full(&x.f.s, &h, x.body_b, A_DATE));
	assert_true(access_meeting_view(&x.f.a, &x.f.s, &h, &x.m, A_DATE, &out));
	assert_int_equal(out.id, 77);
	assert_int_equal(out.n_items, 2);
	assert_full(find_item(&out, 2), &x.items[1]);
	assert_full(find_item(&out, 3), &x.items[2]);
	assert_null(find_item(&out, 1));
	assert_int_equal(out.n_attendance, 0);
	assert_int_equal(out.n_tasks, 0);
	assert_int_equal(out.n_events, 0);
	assert_int_equal(out.n_documents, 0);
	/* A handler who is not logged in as a person is the public. */
	struct principal h0 = pp(0, x.p_handler);
	assert_false(access_meeting_view(&x.f.a, &x.f.s, &h0, &x.m, A_DATE, &out));
	snap_same(&x, &s);
	fx_free(&x.f);
}

/* Published, minutes not approved: the public sees all four items,
 * closed ones by title, no decisions; public editions of the agenda
 * only. */
static void meeting_view_published(void **state)
{
	struct mx x;
	mx_init(&x);
	mx_state(&x, MEETING_HELD, true);
	struct snap s;
	snap_take(&x, &s);
	struct meeting out;
	const struct principal pub[] = { MP_PUBLIC, MP_NOBODY, pp(6, x.p_sec_c) };
	for (size_t i = 0; i < sizeof(pub) / sizeof(pub[0]); i++) {
		assert_true(access_meeting_view(&x.f.a, &x.f.s, &pub[i], &x.m,
						A_DATE, &out));
		assert_int_equal(out.n_items, 4);
		const struct agenda_item *it = find_item(&out, 1);
		assert_non_null(it);
		assert_string_equal(it->presentation, "Sagsfremstilling");
		assert_string_equal(it->decision, "");
		assert_int_equal(it->outcome, OUTCOME_NONE);
		assert_int_equal(it->n_attachments, 1);
		assert_ptr_not_equal(it->attachments, x.items[0].attachments);
		assert_blank(find_item(&out, 2), 2, "Personsag");
		assert_string_equal(find_item(&out, 3)->decision, "");
		assert_blank(find_item(&out, 4), 4, "Lukket forhandling");
		assert_int_equal(out.n_attendance, 0);
		assert_null(out.attendance);
		assert_int_equal(out.n_tasks, 0);
		assert_int_equal(out.n_events, 0);
		assert_int_equal(out.n_documents, 1);
		assert_int_equal(out.documents[0].id, 2);
	}

	/* The handler: their closed item 2 and item 3 in full, decision
	 * included; 1 as for the public, 4 blanked. */
	struct principal h = pp(8, x.p_handler);
	assert_true(access_meeting_view(&x.f.a, &x.f.s, &h, &x.m, A_DATE, &out));
	assert_int_equal(out.n_items, 4);
	assert_full(find_item(&out, 2), &x.items[1]);
	assert_full(find_item(&out, 3), &x.items[2]);
	assert_string_equal(find_item(&out, 1)->decision, "");
	assert_blank(find_item(&out, 4), 4, "Lukket forhandling");
	assert_int_equal(out.n_documents, 1);

	/* The member: everything. */
	struct principal mem = pp(1, x.p_member);
	assert_true(access_meeting_view(&x.f.a, &x.f.s, &mem, &x.m, A_DATE, &out));
	assert_full(find_item(&out, 4), &x.items[3]);
	assert_int_equal(out.n_documents, 4);

	/* Changing the copy does not change the meeting. */
	out.items[0].title = "ændret";
	out.items[0].attachments[0].filename = "ændret.pdf";
	assert_string_equal(x.items[0].title, "Godkendelse af ny organisering");
	assert_string_equal(x.att[0].filename, "bilag.pdf");

	/* A cancelled meeting that was published stays visible (its
	 * cancellation is news); one that never was does not. */
	mx_state(&x, MEETING_CANCELLED, true);
	assert_true(access_meeting_view(&x.f.a, &x.f.s, &MP_PUBLIC, &x.m, A_DATE, &out));
	assert_int_equal(out.state, MEETING_CANCELLED);
	mx_state(&x, MEETING_CANCELLED, false);
	assert_false(access_meeting_view(&x.f.a, &x.f.s, &MP_PUBLIC, &x.m, A_DATE, &out));
	mx_state(&x, MEETING_HELD, true);
	snap_same(&x, &s);
	fx_free(&x.f);
}

/* Minutes approved: the public sees decisions of public items and the
 * public minutes; closed items stay blank. */
static void meeting_view_minutes_approved(void **state)
{
	struct mx x;
	mx_init(&x);
	mx_state(&x, MEETING_MINUTES_APPROVED, true);
	struct meeting out;
	assert_true(access_meeting_view(&x.f.a, &x.f.s, &MP_PUBLIC, &x.m, A_DATE, &out));
	assert_string_equal(find_item(&out, 1)->decision, "Godkendt som indstillet");
	assert_int_equal(find_item(&out, 1)->outcome, OUTCOME_APPROVED);
	assert_string_equal(find_item(&out, 3)->decision, "Godkendt som indstillet");
	assert_blank(find_item(&out, 2), 2, "Personsag");
	assert_blank(find_item(&out, 4), 4, "Lukket forhandling");
	assert_int_equal(out.n_documents, 2);
	assert_int_equal(out.documents[0].id, 2);
	assert_int_equal(out.documents[1].id, 4);
	assert_true(out.documents[1].public_edition);
	assert_int_equal(out.n_attendance, 0);

	/* An empty meeting. */
	x.m.n_items = 0;
	x.m.items = NULL;
	x.m.n_documents = 0;
	x.m.documents = NULL;
	assert_true(access_meeting_view(&x.f.a, &x.f.s, &MP_PUBLIC, &x.m, A_DATE, &out));
	assert_int_equal(out.n_items, 0);
	assert_int_equal(out.n_documents, 0);
	assert_true(access_meeting_view(&x.f.a, &x.f.s, &MP_ADMIN, &x.m, A_DATE, &out));
	assert_int_equal(out.n_items, 0);
	assert_false(access_meeting_view(&x.f.a, &x.f.s, &MP_ADMIN, NULL, A_DATE, &out));
	fx_free(&x.f);
}

/* Edit: secretariat and admin. Approve: chair and admin, not the
 * secretariat (access.h). */
static void meeting_edit_approve(void **state)
{
	struct mx x;
	mx_init(&x);
	struct {
		struct principal p;
		bool edit, approve;
	} rows[] = {
		{ MP_PUBLIC, false, false },
		{ MP_NOBODY, false, false },
		{ pp(1, x.p_member), false, false },
		{ pp(2, x.p_chair), false, true },
		{ pp(3, x.p_sec), true, false },
		{ pp(6, x.p_sec_c), false, false },
		{ pp(8, x.p_handler), false, false },
		{ MP_ADMIN, true, true },
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		assert_int_equal(access_meeting_edit(&x.f.s, &rows[i].p, &x.m, A_DATE),
				 rows[i].edit);
		assert_int_equal(access_meeting_approve(&x.f.s, &rows[i].p, &x.m, A_DATE),
				 rows[i].approve);
	}
	assert_false(access_meeting_edit(&x.f.s, &MP_ADMIN, NULL, A_DATE));
	assert_false(access_meeting_approve(&x.f.s, &MP_ADMIN, NULL, A_DATE));
	fx_free(&x.f);
}

/* A case handler writes their own item while the agenda is editable and
 * until it has a decision; the secretariat always may. */
static void item_edit(void **state)
{
	struct mx x;
	mx_init(&x);
	struct principal h = pp(8, x.p_handler);
	struct principal sec = pp(3, x.p_sec);
	struct agenda_item *it = &x.items[2];	/* Hanne's */
	it->decision = "";
	it->outcome = OUTCOME_NONE;

	static const enum meeting_state editable[] = { MEETING_PLANNED,
		MEETING_INVITED, MEETING_AGENDA_APPROVED, MEETING_PUBLISHED };
	for (size_t i = 0; i < 4; i++) {
		x.m.state = editable[i];
		assert_true(access_item_edit(&x.f.s, &h, &x.m, it, A_DATE));
	}
	x.m.state = MEETING_HELD;
	assert_false(access_item_edit(&x.f.s, &h, &x.m, it, A_DATE));
	assert_true(access_item_edit(&x.f.s, &sec, &x.m, it, A_DATE));
	x.m.state = MEETING_CANCELLED;
	assert_false(access_item_edit(&x.f.s, &h, &x.m, it, A_DATE));

	/* After the decision: no longer (published: decided in the
	 * meeting). */
	x.m.state = MEETING_PUBLISHED;
	it->decision = "Godkendt";
	assert_false(access_item_edit(&x.f.s, &h, &x.m, it, A_DATE));
	assert_true(access_item_edit(&x.f.s, &sec, &x.m, it, A_DATE));
	assert_true(access_item_edit(&x.f.s, &MP_ADMIN, &x.m, it, A_DATE));
	it->decision = "";
	it->outcome = OUTCOME_POSTPONED;
	assert_false(access_item_edit(&x.f.s, &h, &x.m, it, A_DATE));
	it->outcome = OUTCOME_NONE;
	assert_true(access_item_edit(&x.f.s, &h, &x.m, it, A_DATE));

	/* Not someone else's item; not the public, member or chair. */
	assert_false(access_item_edit(&x.f.s, &h, &x.m, &x.items[3], A_DATE));
	assert_false(access_item_edit(&x.f.s, &MP_PUBLIC, &x.m, it, A_DATE));
	struct principal h0 = pp(0, x.p_handler);
	assert_false(access_item_edit(&x.f.s, &h0, &x.m, it, A_DATE));
	assert_false(access_item_edit(&x.f.s, &(struct principal){ 1, 0, false },
				      &x.m, &x.items[0], A_DATE));
	struct principal mem = pp(1, x.p_member), ch = pp(2, x.p_chair);
	assert_false(access_item_edit(&x.f.s, &mem, &x.m, it, A_DATE));
	assert_false(access_item_edit(&x.f.s, &ch, &x.m, it, A_DATE));
	assert_false(access_item_edit(&x.f.s, &sec, NULL, it, A_DATE));
	assert_false(access_item_edit(&x.f.s, &sec, &x.m, NULL, A_DATE));
	fx_free(&x.f);
}

/* Private notes (issue 3: a member "reads everything of the body,
 * closed items included, and may annotate privately"): members, chairs,
 * the secretariat, administrators and the item's case handler; never
 * the public, an account without a person, another body's secretary or
 * someone else's case handler; and never without an account. */
static void annotate(void **state)
{
	(void)state;
	struct mx x;
	mx_init(&x);
	x.m.state = MEETING_PUBLISHED;
	struct agenda_item *closed = &x.items[1];	/* Hanne's, closed */
	struct agenda_item *open = &x.items[0];

	const struct principal yes[] = { pp(1, x.p_member), pp(2, x.p_chair),
					 pp(3, x.p_sec), MP_ADMIN };
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		assert_true(access_annotate(&x.f.s, &yes[i], &x.m, closed, A_DATE));
		assert_true(access_annotate(&x.f.s, &yes[i], &x.m, open, A_DATE));
	}
	/* The case handler: their own items only, closed or not. */
	struct principal h = pp(8, x.p_handler);
	assert_true(access_annotate(&x.f.s, &h, &x.m, closed, A_DATE));
	assert_true(access_annotate(&x.f.s, &h, &x.m, &x.items[2], A_DATE));
	assert_false(access_annotate(&x.f.s, &h, &x.m, open, A_DATE));
	assert_false(access_annotate(&x.f.s, &h, &x.m, &x.items[3], A_DATE));

	/* The public reads the public item in full but may not annotate. */
	const struct principal no[] = { MP_PUBLIC, MP_NOBODY, pp(6, x.p_sec_c),
					pp(7, x.p_other + 1000) };
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
		assert_false(access_annotate(&x.f.s, &no[i], &x.m, closed, A_DATE));
		assert_false(access_annotate(&x.f.s, &no[i], &x.m, open, A_DATE));
	}
	/* A note belongs to an account: a person without one has none. */
	struct principal m0 = pp(0, x.p_member), h0 = pp(0, x.p_handler);
	struct principal admin0 = { 0, 0, true };
	assert_false(access_annotate(&x.f.s, &m0, &x.m, open, A_DATE));
	assert_false(access_annotate(&x.f.s, &h0, &x.m, closed, A_DATE));
	assert_false(access_annotate(&x.f.s, &admin0, &x.m, open, A_DATE));
	/* Outside the member's term: no longer. */
	assert_false(access_annotate(&x.f.s, &yes[0], &x.m, open, 20270101));
	assert_false(access_annotate(&x.f.s, &yes[0], NULL, open, A_DATE));
	assert_false(access_annotate(&x.f.s, &yes[0], &x.m, NULL, A_DATE));
	assert_false(access_annotate(&x.f.s, NULL, &x.m, open, A_DATE));
	fx_free(&x.f);
}


/* Which checklist tasks a state change stands for (seed 001's task
 * matrix: the invitation, the agenda's approval and sending, the meeting,
 * the minutes' approval). */
static void tasks_done_by_state(void **state)
{
	(void)state;
	assert_true(meeting_task_done_by_state("invite", MEETING_INVITED));
	assert_true(meeting_task_done_by_state("find_date", MEETING_INVITED));
	assert_true(meeting_task_done_by_state("chairs_approval", MEETING_AGENDA_APPROVED));
	assert_true(meeting_task_done_by_state("send_agenda", MEETING_PUBLISHED));
	assert_true(meeting_task_done_by_state("attend", MEETING_HELD));
	assert_true(meeting_task_done_by_state("approve_minutes", MEETING_MINUTES_APPROVED));
	assert_false(meeting_task_done_by_state("invite", MEETING_PUBLISHED));
	assert_false(meeting_task_done_by_state("catering", MEETING_HELD));
	assert_false(meeting_task_done_by_state("send_minutes", MEETING_MINUTES_APPROVED));
	assert_false(meeting_task_done_by_state("generate", MEETING_PUBLISHED));
	assert_false(meeting_task_done_by_state(NULL, MEETING_INVITED));
	/* every key the templates use is a real key, and each state that
	 * ticks something off ticks a key of every template */
	static const enum body_kind kinds[] = { BODY_POLITICAL_LEVEL,
		BODY_STRATEGIC_LEVEL, BODY_THEME_GROUP };
	for (size_t k = 0; k < 3; k++) {
		size_t n = 0, ticked = 0;
		const struct task_template *t = meeting_task_template(kinds[k], &n);
		for (size_t i = 0; i < n; i++)
			for (int st = MEETING_PLANNED; st < MEETING_STATE__COUNT; st++)
				ticked += meeting_task_done_by_state(t[i].key, (enum meeting_state)st);
		assert_int_equal(ticked, 9);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tasks_done_by_state),
		cmocka_unit_test(enum_tables),
		cmocka_unit_test(transitions_exhaustive),
		cmocka_unit_test(transition_problem_follows_graph),
		cmocka_unit_test(transition_needs_items),
		cmocka_unit_test(transition_dissent),
		cmocka_unit_test(transition_minutes_need_outcomes),
		cmocka_unit_test(editable_states),
		cmocka_unit_test(cadence_political_and_strategic),
		cmocka_unit_test(cadence_year_edges),
		cmocka_unit_test(meets_before_two_meetings),
		cmocka_unit_test(meets_before_same_day),
		cmocka_unit_test(meets_before_edges),
		cmocka_unit_test(meets_before_charter),
		cmocka_unit_test(order_fix_stable),
		cmocka_unit_test(order_check),
		cmocka_unit_test(order_move),
		cmocka_unit_test(quorum_at_meeting),
		cmocka_unit_test(quorum_at_meeting_edges),
		cmocka_unit_test(quorum_rules_none_and_half),
		cmocka_unit_test(decision_problem),
		cmocka_unit_test(case_numbers),
		cmocka_unit_test(task_templates),
		cmocka_unit_test(tasks_generate),
		cmocka_unit_test(times),
		cmocka_unit_test(display_title),
		cmocka_unit_test(lines),
		cmocka_unit_test(meeting_view_unpublished),
		cmocka_unit_test(meeting_view_published),
		cmocka_unit_test(meeting_view_minutes_approved),
		cmocka_unit_test(meeting_edit_approve),
		cmocka_unit_test(item_edit),
		cmocka_unit_test(annotate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
