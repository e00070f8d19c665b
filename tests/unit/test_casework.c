/*
 * test_casework.c - the casework rules of src/core/casework.c (flow
 * generation, competence, economic routing, case state, step changes,
 * lead times, civil-day arithmetic, overdue, who may do what), edge by
 * edge, against a small region built in fixture.h style.
 *
 * Seed rules are quoted where they are tested: the three case flows and
 * their time perspectives (seed 001, item 2), economic consequences
 * approved in the regional council and each city council (seed 001,
 * item 3).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/access.h"
#include "core/casework.h"
#include "fixture.h"

/* ---- the fixture ------------------------------------------------------ */

#define CW_START 20220701
#define CW_DATE 20260315

/*
 * Region Syddanmark (demo-sized): SSU and the strategic steering group
 * (region-wide), two clusters, Syd (Aabenraa, Haderslev) and Nord
 * (Kolding, Vejle), each with a political level (under SSU) and a
 * professional-strategic level (under the political level); Syd's
 * strategic level has two implementation groups and a theme group with
 * no charter. A second region has a strategic level of its own that no
 * flow of Syddanmark may reach.
 */
struct cw {
	int64_t region, rr, region2;
	int64_t muni[4];		/* Aabenraa, Haderslev | Kolding, Vejle */
	int64_t area_a, area_b, area_c;
	int64_t ssu, ssg, pol_a, str_a, ig_a1, ig_a2, theme_a, pol_b, str_b;
	int64_t str_c;			/* the other region's */
	int64_t draft_body;		/* only a draft charter */
	int64_t p_sec_str_a, p_sec_ig_a1, p_sec_str_b, p_sec_ssu;
	int64_t p_member_ig_a2, p_nobody, p_old_sec;
};

static int64_t cw_charter(struct fx *f, int64_t body, enum competence comp,
			  int64_t recommends_to)
{
	int64_t c = fx_charter(f, body, 1, CHARTER_APPROVED, CW_START);
	fx_charter_get(f, c)->competence = comp;
	fx_charter_get(f, c)->recommends_to_id = recommends_to;
	return c;
}

static int64_t cw_body(struct fx *f, struct cw *w, const char *name,
		       enum body_kind kind, int64_t parent, int64_t area)
{
	int64_t b = fx_body(f, name, kind, area);
	fx_body_get(f, b)->parent_id = parent;
	fx_body_get(f, b)->region_id = w->region;
	return b;
}

static void cw_build(struct fx *f, struct cw *w)
{
	fx_init(f);
	memset(w, 0, sizeof(*w));
	w->region = fx_org(f, "Region Syddanmark", ORG_REGION, SECTOR_REGION, 0);
	w->rr = fx_org(f, "Regionsrådet i Region Syddanmark",
		       ORG_REGIONAL_COUNCIL, SECTOR_REGION, w->region);
	w->region2 = fx_org(f, "Region Midtjylland", ORG_REGION, SECTOR_REGION,
			    0);
	static const char *names[4] = { "Aabenraa Kommune", "Haderslev Kommune",
		"Kolding Kommune", "Vejle Kommune" };
	for (int i = 0; i < 4; i++)
		w->muni[i] = fx_org(f, names[i], ORG_MUNICIPALITY,
				    SECTOR_MUNICIPALITY, 0);
	w->area_a = fx_area(f, "Sundhedsklynge Syd", w->region, 0);
	/* listed out of id order: approvals come by id all the same */
	fx_area_add(f, w->area_a, w->muni[1]);
	fx_area_add(f, w->area_a, w->muni[0]);
	w->area_b = fx_area(f, "Sundhedsklynge Nord", w->region, 0);
	fx_area_add(f, w->area_b, w->muni[2]);
	fx_area_add(f, w->area_b, w->muni[3]);
	w->area_c = fx_area(f, "Klynge i en anden region", w->region2, 0);

	w->ssu = cw_body(f, w, "Sundhedssamarbejdsudvalget",
			 BODY_COLLABORATION_COMMITTEE, 0, 0);
	cw_charter(f, w->ssu, COMPETENCE_DECIDE, 0);
	w->ssg = cw_body(f, w, "Strategisk Sundhedsstyregruppe",
			 BODY_STEERING_GROUP, w->ssu, 0);
	cw_charter(f, w->ssg, COMPETENCE_RECOMMEND, w->ssu);
	w->pol_a = cw_body(f, w, "Syd, politisk niveau", BODY_POLITICAL_LEVEL,
			   w->ssu, w->area_a);
	cw_charter(f, w->pol_a, COMPETENCE_DECIDE, 0);
	w->str_a = cw_body(f, w, "Syd, fagligt strategisk niveau",
			   BODY_STRATEGIC_LEVEL, w->pol_a, w->area_a);
	cw_charter(f, w->str_a, COMPETENCE_DECIDE, 0);
	/* implementation groups serve the cluster through their parent */
	w->ig_a1 = cw_body(f, w, "IPG Ældre", BODY_IMPLEMENTATION_GROUP,
			   w->str_a, 0);
	cw_charter(f, w->ig_a1, COMPETENCE_RECOMMEND, w->pol_a);
	w->ig_a2 = cw_body(f, w, "IPG Børn og unge", BODY_IMPLEMENTATION_GROUP,
			   w->str_a, 0);
	cw_charter(f, w->ig_a2, COMPETENCE_RECOMMEND, 0);
	w->theme_a = cw_body(f, w, "Temagruppe uden kommissorium",
			     BODY_THEME_GROUP, w->str_a, 0);
	w->pol_b = cw_body(f, w, "Nord, politisk niveau", BODY_POLITICAL_LEVEL,
			   w->ssu, w->area_b);
	cw_charter(f, w->pol_b, COMPETENCE_DECIDE, 0);
	w->str_b = cw_body(f, w, "Nord, fagligt strategisk niveau",
			   BODY_STRATEGIC_LEVEL, w->pol_b, w->area_b);
	cw_charter(f, w->str_b, COMPETENCE_DECIDE, 0);
	/* version 2 from 2027: may only recommend */
	int64_t v2 = fx_charter(f, w->str_b, 2, CHARTER_APPROVED, 20270101);
	fx_charter_get(f, v2)->competence = COMPETENCE_RECOMMEND;
	w->str_c = fx_body(f, "Midt, fagligt strategisk niveau",
			   BODY_STRATEGIC_LEVEL, w->area_c);
	fx_body_get(f, w->str_c)->region_id = w->region2;
	cw_charter(f, w->str_c, COMPETENCE_DECIDE, 0);
	w->draft_body = cw_body(f, w, "Nyt forum", BODY_ADHOC_GROUP, w->ssu, 0);
	int64_t dc = fx_charter(f, w->draft_body, 1, CHARTER_DRAFT, 0);
	fx_charter_get(f, dc)->competence = COMPETENCE_DECIDE;

	w->p_sec_str_a = fx_person(f, "Sara Sekretær", 0);
	fx_member(f, w->p_sec_str_a, w->str_a, ROLE_SECRETARY, FUNC_CONSULTANT,
		  0, CW_START, 0);
	w->p_sec_ig_a1 = fx_person(f, "Ivan Ipgsen", 0);
	fx_member(f, w->p_sec_ig_a1, w->ig_a1, ROLE_SECRETARY, FUNC_CONSULTANT,
		  0, CW_START, 0);
	w->p_sec_str_b = fx_person(f, "Nina Nordsekretær", 0);
	fx_member(f, w->p_sec_str_b, w->str_b, ROLE_SECRETARY, FUNC_CONSULTANT,
		  0, CW_START, 0);
	w->p_sec_ssu = fx_person(f, "Rita Regionsekretær", 0);
	fx_member(f, w->p_sec_ssu, w->ssu, ROLE_SECRETARY, FUNC_CONSULTANT, 0,
		  CW_START, 0);
	w->p_member_ig_a2 = fx_person(f, "Mads Medlem", 0);
	fx_member(f, w->p_member_ig_a2, w->ig_a2, ROLE_MEMBER,
		  FUNC_PROFESSIONAL, w->muni[0], CW_START, 0);
	w->p_nobody = fx_person(f, "Ole Udenfor", 0);
	w->p_old_sec = fx_person(f, "Tidligere Sekretær", 0);
	fx_member(f, w->p_old_sec, w->str_a, ROLE_SECRETARY, FUNC_CONSULTANT, 0,
		  CW_START, 20251231);
}

/* ---- the three templates of seed 001, with time perspectives -------- */

/*
 * Seed 001, item 2: "Det blev derfor besluttet, at der tilføjes
 * eksempler på tidsperspektiver i modellerne" - each step is due
 * offset_days after the one before.
 */
struct tpl {
	struct flow_template t;
	struct flow_template_step steps[6];
};

static void tpl_step(struct tpl *p, enum step_target target, int64_t body,
		     enum body_kind kind, enum step_action action, int offset)
{
	struct flow_template_step *ts = &p->steps[p->t.n_steps];
	memset(ts, 0, sizeof(*ts));
	ts->position = (int)p->t.n_steps + 1;
	ts->target = target;
	ts->target_body_id = body;
	ts->target_kind = kind;
	ts->action = action;
	ts->offset_days = offset;
	ts->note = "";
	p->t.n_steps++;
}

static void tpl_init(struct tpl *p, const char *key, int64_t region)
{
	memset(p, 0, sizeof(*p));
	p->t.id = 1;
	p->t.key = key;
	p->t.name = key;
	p->t.description = "";
	p->t.region_id = region;
	p->t.steps = p->steps;
}

/* (a) "SSU decides -> strategic steering group prepares -> every
 * cluster's professional-strategic level implements -> implementation
 * groups carry out". */
static void tpl_a(struct tpl *p, const struct cw *w)
{
	tpl_init(p, "ssu-til-klynger", w->region);
	tpl_step(p, TARGET_BODY, w->ssu, 0, STEP_DECIDE, 14);
	tpl_step(p, TARGET_BODY, w->ssg, 0, STEP_PREPARE, 30);
	tpl_step(p, TARGET_KIND_ALL, 0, BODY_STRATEGIC_LEVEL, STEP_IMPLEMENT, 30);
	tpl_step(p, TARGET_CHILDREN, 0, BODY_IMPLEMENTATION_GROUP,
		 STEP_IMPLEMENT, 60);
}

/* (b) "a local initiative in one cluster scaled to the others via the
 * steering group/SSU". */
static void tpl_b(struct tpl *p, const struct cw *w)
{
	tpl_init(p, "skalering", w->region);
	tpl_step(p, TARGET_ORIGIN, 0, 0, STEP_RECOMMEND, 0);
	tpl_step(p, TARGET_BODY, w->ssg, 0, STEP_PREPARE, 21);
	tpl_step(p, TARGET_BODY, w->ssu, 0, STEP_DECIDE, 30);
	tpl_step(p, TARGET_KIND_OTHERS, 0, BODY_STRATEGIC_LEVEL,
		 STEP_IMPLEMENT, 30);
}

/* (c) "a case that starts at a cluster's professional-strategic level"
 * (seed 001: "et tredje eksempel på sagsflow, hvor sagen starter på det
 * faglige strategiske niveau"). */
static void tpl_c(struct tpl *p, const struct cw *w)
{
	tpl_init(p, "fra-fagligt-strategisk", w->region);
	tpl_step(p, TARGET_ORIGIN, 0, 0, STEP_PREPARE, 0);
	tpl_step(p, TARGET_ORIGIN_PARENT, 0, 0, STEP_DECIDE, 30);
	tpl_step(p, TARGET_KIND_ORIGIN_AREA, 0, BODY_STRATEGIC_LEVEL,
		 STEP_IMPLEMENT, 14);
	tpl_step(p, TARGET_CHILDREN, 0, BODY_IMPLEMENTATION_GROUP,
		 STEP_IMPLEMENT, 30);
}

static void assert_step(const struct case_step *st, int position, int stage,
			int64_t body, enum step_action action, int due)
{
	assert_int_equal(st->position, position);
	assert_int_equal(st->stage, stage);
	assert_int_equal(st->body_id, body);
	assert_int_equal(st->org_id, 0);
	assert_int_equal(st->action, action);
	assert_int_equal(st->due, due);
	assert_int_equal(st->status, STEP_PENDING);
	assert_non_null(st->note);
}

/* ---- enum tables ---------------------------------------------------- */

static void enum_tables(void **state)
{
	(void)state;
	assert_string_equal(step_action_code(STEP_APPROVE_COUNCIL),
			    "approve_council");
	assert_string_equal(step_action_label(STEP_RECOMMEND), "Indstille");
	assert_string_equal(step_action_label(STEP_DECIDE), "Beslutte");
	assert_string_equal(step_status_label(STEP_SKIPPED), "Udgået");
	assert_string_equal(case_state_code(CASE_AWAITING_COUNCILS),
			    "awaiting_councils");
	assert_string_equal(case_state_label(CASE_AWAITING_COUNCILS),
			    "Afventer regionsråd og byråd");
	assert_string_equal(action_status_label(ACTION_OPEN), "Ikke startet");
	assert_string_equal(step_target_code(TARGET_KIND_ORIGIN_AREA),
			    "kind_origin_area");
	assert_string_equal(agreement_part_label(AGREEMENT_PRINCIPLE),
			    "Bærende princip");
	assert_int_equal(step_target_count(), TARGET__COUNT);

	bool ok = false;
	assert_int_equal(step_action_from_code("implement", &ok),
			 STEP_IMPLEMENT);
	assert_true(ok);
	assert_int_equal(step_target_from_code("children", &ok),
			 TARGET_CHILDREN);
	assert_int_equal(case_state_from_code("nonsense", &ok), 0);
	assert_false(ok);
	assert_int_equal(agreement_part_from_code("", &ok), 0);
	assert_true(ok);
	for (int i = 1; i < STEP_STATUS__COUNT; i++)
		assert_int_equal(step_status_from_code(
			step_status_code((enum step_status)i), NULL), i);
	assert_string_equal(action_status_code((enum action_status)99), "");
}

/* ---- flow generation ------------------------------------------------- */

/* Template (a): SSU, the steering group, both clusters' strategic levels
 * (not the other region's), Syd's two implementation groups - Nord's
 * strategic level has none and gets no implementation-group step. */
static void flow_template_a(void **state)
{
	(void)state;
	struct fx f;
	struct cw w;
	cw_build(&f, &w);
	struct tpl p;
	tpl_a(&p, &w);
	size_t n = 0;
	const char *why = "x";
	struct case_step *st = case_flow_generate(&f.a, &f.s, &p.t, w.ssu,
						  20260302, &n, &why);
	assert_non_null(st);
	assert_null(why);
	assert_int_equal(n, 6);
	assert_step(&st[0], 1, 1, w.ssu, STEP_DECIDE, 20260316);
	assert_step(&st[1], 2, 2, w.ssg, STEP_PREPARE, 20260415);
	assert_step(&st[2], 3, 3, w.str_a, STEP_IMPLEMENT, 20260515);
	assert_step(&st[3], 4, 3, w.str_b, STEP_IMPLEMENT, 20260515);
	assert_step(&st[4], 5, 4, w.ig_a1, STEP_IMPLEMENT, 20260714);
	assert_step(&st[5], 6, 4, w.ig_a2, STEP_IMPLEMENT, 20260714);
	for (size_t i = 0; i < n; i++)
		assert_int_not_equal(st[i].body_id, w.str_c);

	/* no start date: no due dates, the flow all the same */
	st = case_flow_generate(&f.a, &f.s, &p.t, w.ssu, 0, &n, &why);
	assert_int_equal(n, 6);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(st[i].due, 0);
	fx_free(&f);
}

/* Template (b): scaled from Syd to the others - kind_others leaves out
 * the origin's cluster (and the other region). */
static void flow_template_b(void **state)
{
	(void)state;
	struct fx f;
	struct cw w;
	cw_build(&f, &w);
	struct tpl p;
	tpl_b(&p, &w);
	size_t n = 0;
	const char *why = NULL;
	struct case_step *st = case_flow_generate(&f.a, &f.s, &p.t, w.str_a,
						  20260315, &n, &why);
	assert_non_null(st);
	assert_int_equal(n, 4);
	assert_step(&st[0], 1, 1, w.str_a, STEP_RECOMMEND, 20260315);
	assert_step(&st[1], 2, 2, w.ssg, STEP_PREPARE, 20260405);
	assert_step(&st[2], 3, 3, w.ssu, STEP_DECIDE, 20260505);
	assert_step(&st[3], 4, 4, w.str_b, STEP_IMPLEMENT, 20260604);

	/* scaled from Nord: Syd implements */
	st = case_flow_generate(&f.a, &f.s, &p.t, w.str_b, 20260315, &n, &why);
	assert_int_equal(n, 4);
	assert_int_equal(st[3].body_id, w.str_a);

	/* from an implementation group of Syd: its cluster is Syd's
	 * (through its parent), so only Nord implements */
	st = case_flow_generate(&f.a, &f.s, &p.t, w.ig_a1, 20260315, &n, &why);
	assert_int_equal(n, 4);
	assert_int_equal(st[0].body_id, w.ig_a1);
	assert_int_equal(st[3].body_id, w.str_b);
	fx_free(&f);
}

/* Template (c): from Syd's strategic level, decided by its political
 * level, implemented in the origin's cluster and its implementation
 * groups. The origin comes back with another action (implement), which
 * is not a repeat. The due dates run across the DST change of
 * 2026-03-29 without losing a day. */
static void flow_template_c(void **state)
{
	(void)state;
	struct fx f;
	struct cw w;
	cw_build(&f, &w);
	struct tpl p;
	tpl_c(&p, &w);
	size_t n = 0;
	const char *why = NULL;
	struct case_step *st = case_flow_generate(&f.a, &f.s, &p.t, w.str_a,
						  20260320, &n, &why);
	assert_non_null(st);
	assert_int_equal(n, 5);
	assert_step(&st[0], 1, 1, w.str_a, STEP_PREPARE, 20260320);
	assert_step(&st[1], 2, 2, w.pol_a, STEP_DECIDE, 20260419);
	assert_step(&st[2], 3, 3, w.str_a, STEP_IMPLEMENT, 20260503);
	assert_step(&st[3], 4, 4, w.ig_a1, STEP_IMPLEMENT, 20260602);
	assert_step(&st[4], 5, 4, w.ig_a2, STEP_IMPLEMENT, 20260602);

	/* the same from Nord, which has no implementation groups at all:
	 * the children step finds no body and the template cannot apply */
	why = NULL;
	st = case_flow_generate(&f.a, &f.s, &p.t, w.str_b, 20260320, &n, &why);
	assert_null(st);
	assert_int_equal(n, 0);
	assert_non_null(why);
	assert_non_null(strstr(why, "Trin 4"));
	assert_non_null(strstr(why, "finder ingen fora"));
	fx_free(&f);
}

/* Bodies come sorted by id whatever order the structure holds them in;
 * children of several parents are sorted together. */
static void flow_sorted_by_id(void **state)
{
	(void)state;
	struct fx f;
	struct cw w;
	cw_build(&f, &w);
	for (size_t i = 0, j = f.s.n_bodies - 1; i < j; i++, j--) {
		struct body tmp = f.s.bodies[i];
		f.s.bodies[i] = f.s.bodies[j];
		f.s.bodies[j] = tmp;
	}
	struct tpl p;
	tpl_a(&p, &w);
	size_t n = 0;
	struct case_step *st = case_flow_generate(&f.a, &f.s, &p.t, w.ssu,
						  20260302, &n, NULL);
	assert_int_equal(n, 6);
	assert_int_equal(st[2].body_id, w.str_a);
	assert_int_equal(st[3].body_id, w.str_b);
	assert_int_equal(st[4].body_id, w.ig_a1);
	assert_int_equal(st[5].body_id, w.ig_a2);
	fx_free(&f);
}

/* "A step whose body is the origin and whose action is the origin's own
 * first step is not repeated": all strategic levels discuss, the origin
 * has already discussed. The stage still counts for the due dates. */
static void flow_origin_not_repeated(void **state)
{
	(void)state;
	struct fx f;
	struct cw w;
	cw_build(&f, &w);
	struct tpl p;
	tpl_init(&p, "droeftelse", w.region);
	tpl_step(&p, TARGET_ORIGIN, 0, 0, STEP_DISCUSS, 7);
	tpl_step(&p, TARGET_KIND_ALL, 0, BODY_STRATEGIC_LEVEL, STEP_DISCUSS, 14);
	tpl_step(&p, TARGET_ORIGIN, 0, 0, STEP_INFORM, 7);
	size_t n = 0;
	struct case_step *st = case_flow_generate(&f.a, &f.s, &p.t, w.str_a,
						  20261020, &n, NULL);
	assert_int_equal(n, 3);
	assert_step(&st[0], 1, 1, w.str_a, STEP_DISCUSS, 20261027);
	assert_step(&st[1], 2, 2, w.str_b, STEP_DISCUSS, 20261110);
	assert_step(&st[2], 3, 3, w.str_a, STEP_INFORM, 20261117);
	fx_free(&f);
}

/* A template that cannot be applied: NULL, n = 0 and a Danish reason. */
static void flow_cannot_apply(void **state)
{
	(void)state;
	struct fx f;
	struct cw w;
	cw_build(&f, &w);
	struct tpl p;
	size_t n = 99;
	const char *why = NULL;

	/* a named body missing */
	tpl_init(&p, "mangler", w.region);
	tpl_step(&p, TARGET_ORIGIN, 0, 0, STEP_PREPARE, 0);
	tpl_step(&p, TARGET_BODY, 9999, 0, STEP_DECIDE, 10);
	assert_null(case_flow_generate(&f.a, &f.s, &p.t, w.str_a, CW_DATE,
				       &n, &why));
	assert_int_equal(n, 0);
	assert_non_null(why);
	assert_non_null(strstr(why, "trin 2"));
	assert_non_null(strstr(why, "findes ikke"));

	/* a named body of another region is missing in this one */
	p.steps[1].target_body_id = w.str_c;
	why = NULL;
	assert_null(case_flow_generate(&f.a, &f.s, &p.t, w.str_a, CW_DATE,
				       &n, &why));
	assert_non_null(why);

	/* origin_parent of a body at the top */
	tpl_init(&p, "top", w.region);
	tpl_step(&p, TARGET_ORIGIN_PARENT, 0, 0, STEP_DECIDE, 10);
	why = NULL;
	assert_null(case_flow_generate(&f.a, &f.s, &p.t, w.ssu, CW_DATE, &n,
				       &why));
	assert_non_null(why);

	/* kind_origin_area from a region-wide origin finds nothing */
	tpl_init(&p, "klynge", w.region);
	tpl_step(&p, TARGET_KIND_ORIGIN_AREA, 0, BODY_STRATEGIC_LEVEL,
		 STEP_IMPLEMENT, 10);
	why = NULL;
	assert_null(case_flow_generate(&f.a, &f.s, &p.t, w.ssu, CW_DATE, &n,
				       &why));
	assert_non_null(why);

	/* no steps, no target, no origin, another region's template */
	tpl_init(&p, "tom", w.region);
	why = NULL;
	assert_null(case_flow_generate(&f.a, &f.s, &p.t, w.ssu, CW_DATE, &n,
				       &why));
	assert_string_equal(why, "Skabelonen har ingen trin.");
	tpl_step(&p, TARGET_NONE, 0, 0, STEP_DECIDE, 0);
	why = NULL;
	assert_null(case_flow_generate(&f.a, &f.s, &p.t, w.ssu, CW_DATE, &n,
				       &why));
	assert_non_null(why);
	tpl_a(&p, &w);
	why = NULL;
	assert_null(case_flow_generate(&f.a, &f.s, &p.t, 9999, CW_DATE, &n,
				       &why));
	assert_string_equal(why, "Sagens udgangspunkt findes ikke.");
	why = NULL;
	assert_null(case_flow_generate(&f.a, &f.s, &p.t, w.str_c, CW_DATE, &n,
				       &why));
	assert_non_null(why);
	assert_int_equal(n, 0);
	fx_free(&f);
}

/* ---- competence ----------------------------------------------------- */

static void may_decide(void **state)
{
	(void)state;
	struct fx f;
	struct cw w;
	cw_build(&f, &w);
	int64_t to = -1;
	assert_true(case_may_decide(&f.s, w.ssu, CW_DATE, &to));
	assert_int_equal(to, 0);
	assert_true(case_may_decide(&f.s, w.pol_a, CW_DATE, NULL));

	/* recommend-only: to recommends_to_id, else the parent */
	assert_false(case_may_decide(&f.s, w.ssg, CW_DATE, &to));
	assert_int_equal(to, w.ssu);
	assert_false(case_may_decide(&f.s, w.ig_a1, CW_DATE, &to));
	assert_int_equal(to, w.pol_a);
	assert_false(case_may_decide(&f.s, w.ig_a2, CW_DATE, &to));
	assert_int_equal(to, w.str_a);

	/* no charter; only a draft charter; an unknown body */
	assert_false(case_may_decide(&f.s, w.theme_a, CW_DATE, &to));
	assert_int_equal(to, w.str_a);
	assert_false(case_may_decide(&f.s, w.draft_body, CW_DATE, &to));
	assert_int_equal(to, w.ssu);
	assert_false(case_may_decide(&f.s, 9999, CW_DATE, &to));
	assert_int_equal(to, 0);

	/* the charter in force on the date: Nord's version 2 of
	 * 2027-01-01 may only recommend (to the parent) */
	assert_true(case_may_decide(&f.s, w.str_b, 20261231, &to));
	assert_false(case_may_decide(&f.s, w.str_b, 20270101, &to));
	assert_int_equal(to, w.pol_b);

	/* advisory bodies do not decide either */
	struct charter *c = fx_charter_get(&f, f.s.charters[0].id);
	assert_int_equal(c->body_id, w.ssu);
	c->competence = COMPETENCE_ADVISE;
	assert_false(case_may_decide(&f.s, w.ssu, CW_DATE, &to));
	assert_int_equal(to, 0);	/* no parent */
	fx_free(&f);
}

/* ---- cases ------------------------------------------------------------ */

/* A case of origin over the given steps (copied, ids 101..). */
static struct case_file mk_case(struct fx *f, int64_t origin, bool economic,
				int started, const struct case_step *steps,
				size_t n)
{
	struct case_file c;
	memset(&c, 0, sizeof(c));
	c.id = 7;
	c.case_number = "26/00042";
	c.title = "Fælles forløbsprogram";
	c.description = "";
	c.origin_body_id = origin;
	c.economic = economic;
	c.started = started;
	c.created = "";
	c.modified = "";
	c.steps = arena_array(&f->a, n + 16, sizeof(*c.steps));
	if (n)
		memcpy(c.steps, steps, n * sizeof(*steps));
	c.n_steps = n;
	for (size_t i = 0; i < n; i++) {
		c.steps[i].id = 101 + (int64_t)i;
		c.steps[i].case_id = c.id;
	}
	return c;
}

/* Appends steps (as the store would) to a case made by mk_case. */
static void add_steps(struct case_file *c, const struct case_step *st,
		      size_t n)
{
	for (size_t i = 0; i < n; i++) {
		c->steps[c->n_steps] = st[i];
		c->steps[c->n_steps].id = 101 + (int64_t)c->n_steps;
		c->n_steps++;
	}
}

static void set(struct case_file *c, size_t i, enum step_status st,
		int date)
{
	assert_null(case_step_change_problem(c, i, st, date));
	c->steps[i].status = st;
	if (st == STEP_STARTED || (st == STEP_DONE && !c->steps[i].started))
		c->steps[i].started = date;
	if (st == STEP_DONE || st == STEP_SKIPPED)
		c->steps[i].finished = date;
}

/* Template (c) from Syd's strategic level, economic or not. */
static struct case_file case_c(struct fx *f, const struct cw *w,
			       bool economic)
{
	struct tpl p;
	tpl_c(&p, w);
	size_t n = 0;
	struct case_step *st = case_flow_generate(&f->a, &f->s, &p.t, w->str_a,
						  20260320, &n, NULL);
	assert_int_equal(n, 5);
	return mk_case(f, w->str_a, economic, 20260320, st, n);
}

/* An implementation group may only recommend: its decision becomes a
 * recommendation and a DECIDE step goes to the body it recommends to
 * (recommends_to_id, else the parent). */
static void decision_recommend_only(void **state)
{
	(void)state;
	struct fx f;
	struct cw w;
	cw_build(&f, &w);
	struct case_step one;
	memset(&one, 0, sizeof(one));
	one.position = 1;
	one.stage = 1;
	one.body_id = w.ig_a2;
	one.action = STEP_DECIDE;
	one.status = STEP_PENDING;
	one.note = "";
	struct case_file c = mk_case(&f, w.ig_a2, true, CW_DATE, &one, 1);

	enum step_action becomes = STEP_ACTION_NONE;
	size_t n = 0;
	struct case_step *add = case_decision_steps(&f.a, &f.s, &c, 0,
						    20260310, &becomes, &n);
	assert_int_equal(becomes, STEP_RECOMMEND);
	assert_int_equal(n, 1);
	assert_int_equal(add[0].body_id, w.str_a);	/* the parent */
	assert_int_equal(add[0].org_id, 0);
	assert_int_equal(add[0].action, STEP_DECIDE);
	assert_int_equal(add[0].due, 20260409);
	assert_int_equal(add[0].status, STEP_PENDING);
	assert_int_equal(add[0].position, 2);
	assert_int_equal(add[0].case_id, c.id);
	assert_non_null(strstr(add[0].note, "IPG Børn og unge"));
	/* a recommendation is no decision: no council steps, although the
	 * case is economic and the group is in a cluster */

	/* ig_a1 recommends to the political level (recommends_to_id) */
	c.steps[0].body_id = w.ig_a1;
	add = case_decision_steps(&f.a, &f.s, &c, 0, 20260310, &becomes, &n);
	assert_int_equal(becomes, STEP_RECOMMEND);
	assert_int_equal(n, 1);
	assert_int_equal(add[0].body_id, w.pol_a);

	/* the case already goes to the political level for a decision:
	 * nothing added, still a recommendation */
	struct case_step dec = one;
	dec.position = 2;
	dec.stage = 2;
	dec.body_id = w.pol_a;
	add_steps(&c, &dec, 1);
	add = case_decision_steps(&f.a, &f.s, &c, 0, 20260310, &becomes, &n);
	assert_null(add);
	assert_int_equal(n, 0);
	assert_int_equal(becomes, STEP_RECOMMEND);

	/* not a DECIDE step: nothing; out of range: nothing */
	c.steps[0].action = STEP_PREPARE;
	assert_null(case_decision_steps(&f.a, &f.s, &c, 0, 20260310, &becomes,
					&n));
	assert_int_equal(becomes, STEP_PREPARE);
	assert_null(case_decision_steps(&f.a, &f.s, &c, 9, 20260310, &becomes,
					&n));
	assert_int_equal(n, 0);
	fx_free(&f);
}

/*
 * Seed 001, item 3: "beslutninger, der indebærer økonomiske
 * konsekvenser for regionen eller de enkelte kommuner ikke kan træffes
 * i klyngerne, men skal godkendes lokalt i Regionsrådet og de enkelte
 * byråd" - the regional council, then each municipality of the cluster
 * by id, once.
 */
static void decision_economic(void **state)
{
	(void)state;
	struct fx f;
	struct cw w;
	cw_build(&f, &w);
	struct case_file c = case_c(&f, &w, true);
	enum step_action becomes = STEP_ACTION_NONE;
	size_t n = 0;
	struct case_step *add = case_decision_steps(&f.a, &f.s, &c, 1,
						    20260310, &becomes, &n);
	assert_int_equal(becomes, STEP_DECIDE);
	assert_int_equal(n, 3);
	assert_int_equal(add[0].org_id, w.rr);
	assert_int_equal(add[1].org_id, w.muni[0]);	/* by id, not list order */
	assert_int_equal(add[2].org_id, w.muni[1]);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(add[i].body_id, 0);
		assert_int_equal(add[i].action, STEP_APPROVE_COUNCIL);
		assert_int_equal(add[i].due, 20260509);
		assert_int_equal(add[i].status, STEP_PENDING);
		assert_int_equal(add[i].position, 6 + (int)i);
		assert_non_null(add[i].note);
	}
	assert_string_equal(case_step_target_label(&f.a, &f.s, &add[0]),
			    "Regionsrådet");
	assert_string_equal(case_step_target_label(&f.a, &f.s, &add[1]),
			    "Byrådet i Aabenraa Kommune");
	assert_string_equal(case_step_target_label(&f.a, &f.s, &c.steps[1]),
			    "Syd, politisk niveau");

	/* once, not twice: a second decision in the cluster adds none */
	add_steps(&c, add, n);
	struct case_step again = c.steps[1];
	again.stage = 9;
	again.body_id = w.str_a;
	add_steps(&c, &again, 1);
	assert_null(case_decision_steps(&f.a, &f.s, &c, c.n_steps - 1,
					20260320, &becomes, &n));
	assert_int_equal(n, 0);
	assert_int_equal(becomes, STEP_DECIDE);

	/* a municipality listed twice in the area: one step */
	fx_area_add(&f, w.area_a, w.muni[0]);
	struct case_file c2 = case_c(&f, &w, true);
	add = case_decision_steps(&f.a, &f.s, &c2, 1, 20260310, &becomes, &n);
	assert_int_equal(n, 3);

	/* not economic: the decision stands with no council step */
	struct case_file c3 = case_c(&f, &w, false);
	assert_null(case_decision_steps(&f.a, &f.s, &c3, 1, 20260310, &becomes,
					&n));
	assert_int_equal(n, 0);
	assert_int_equal(becomes, STEP_DECIDE);

	/* a region without a regional council organisation: the region */
	fx_org_get(&f, w.rr)->kind = ORG_OTHER;
	add = case_decision_steps(&f.a, &f.s, &c2, 1, 20260310, &becomes, &n);
	assert_int_equal(n, 3);
	assert_int_equal(add[0].org_id, w.region);
	assert_string_equal(case_step_target_label(&f.a, &f.s, &add[0]),
			    "Regionsrådet");
	fx_free(&f);
}

/* A region-wide body (SSU) decides an economic case: not decided in a
 * cluster, so no council steps. */
static void decision_economic_region_wide(void **state)
{
	(void)state;
	struct fx f;
	struct cw w;
	cw_build(&f, &w);
	struct tpl p;
	tpl_a(&p, &w);
	size_t n = 0;
	struct case_step *st = case_flow_generate(&f.a, &f.s, &p.t, w.ssu,
						  20260302, &n, NULL);
	struct case_file c = mk_case(&f, w.ssu, true, 20260302, st, n);
	enum step_action becomes = STEP_ACTION_NONE;
	assert_null(case_decision_steps(&f.a, &f.s, &c, 0, 20260310, &becomes,
					&n));
	assert_int_equal(n, 0);
	assert_int_equal(becomes, STEP_DECIDE);
	fx_free(&f);
}

/* The whole life of an economic case of template (c): open, awaiting
 * the councils until every one has approved, decided, implementing,
 * closed. Implementation cannot start while a council is pending. */
static void case_life(void **state)
{
	(void)state;
	struct fx f;
	struct cw w;
	cw_build(&f, &w);
	struct case_file c = case_c(&f, &w, true);
	assert_int_equal(case_state(&c), CASE_OPEN);
	assert_false(case_is_decided(&c));

	set(&c, 0, STEP_STARTED, 20260320);
	set(&c, 0, STEP_DONE, 20260401);
	assert_int_equal(case_state(&c), CASE_OPEN);

	enum step_action becomes;
	size_t n = 0;
	struct case_step *add = case_decision_steps(&f.a, &f.s, &c, 1,
						    20260415, &becomes, &n);
	assert_int_equal(n, 3);
	set(&c, 1, STEP_DONE, 20260415);
	add_steps(&c, add, n);		/* steps 5, 6, 7 */
	assert_int_equal(case_state(&c), CASE_AWAITING_COUNCILS);
	assert_false(case_is_decided(&c));
	assert_string_equal(case_step_change_problem(&c, 2, STEP_STARTED,
						     20260416),
			    "Implementeringen kan ikke begynde, før sagen er "
			    "besluttet.");

	set(&c, 5, STEP_DONE, 20260501);
	set(&c, 6, STEP_STARTED, 20260502);
	set(&c, 6, STEP_DONE, 20260510);
	assert_int_equal(case_state(&c), CASE_AWAITING_COUNCILS);
	assert_false(case_is_decided(&c));
	assert_non_null(case_step_change_problem(&c, 3, STEP_DONE, 20260511));

	set(&c, 7, STEP_DONE, 20260520);
	assert_int_equal(case_state(&c), CASE_DECIDED);
	assert_true(case_is_decided(&c));

	set(&c, 2, STEP_STARTED, 20260521);
	assert_int_equal(case_state(&c), CASE_IMPLEMENTING);
	set(&c, 3, STEP_DONE, 20260601);
	set(&c, 4, STEP_SKIPPED, 20260601);
	assert_int_equal(case_state(&c), CASE_IMPLEMENTING);
	set(&c, 2, STEP_DONE, 20260610);
	assert_int_equal(case_state(&c), CASE_CLOSED);
	assert_true(case_is_decided(&c));

	/* a council approval can never count as skipped, even in data
	 * that somehow holds one: the case is not closed nor decided */
	c.steps[7].status = STEP_SKIPPED;
	assert_int_equal(case_state(&c), CASE_AWAITING_COUNCILS);
	assert_false(case_is_decided(&c));

	/* a case without steps is open; NULL is not decided */
	struct case_file empty = mk_case(&f, w.str_a, false, 0, NULL, 0);
	assert_int_equal(case_state(&empty), CASE_OPEN);
	assert_false(case_is_decided(NULL));
	fx_free(&f);
}

/* Not economic: decided as soon as the decision is done. */
static void case_life_not_economic(void **state)
{
	(void)state;
	struct fx f;
	struct cw w;
	cw_build(&f, &w);
	struct case_file c = case_c(&f, &w, false);
	set(&c, 0, STEP_SKIPPED, 20260321);	/* decided without preparation */
	set(&c, 1, STEP_DONE, 20260415);
	assert_int_equal(case_state(&c), CASE_DECIDED);
	assert_true(case_is_decided(&c));
	assert_null(case_step_change_problem(&c, 2, STEP_STARTED, 20260416));
	fx_free(&f);
}

/* What case_step_change_problem refuses, and what it lets through. */
static void step_change_problems(void **state)
{
	(void)state;
	struct fx f;
	struct cw w;
	cw_build(&f, &w);
	struct case_file c = case_c(&f, &w, true);

	/* the decision waits for the preparation (an earlier stage) */
	assert_non_null(case_step_change_problem(&c, 1, STEP_DONE, 20260401));
	assert_null(case_step_change_problem(&c, 1, STEP_STARTED, 20260401));
	set(&c, 0, STEP_DONE, 20260330);
	assert_null(case_step_change_problem(&c, 1, STEP_DONE, 20260401));

	/* the councils approve only after the decision */
	enum step_action becomes;
	size_t n = 0;
	struct case_step *add = case_decision_steps(&f.a, &f.s, &c, 1,
						    20260401, &becomes, &n);
	add_steps(&c, add, n);
	assert_non_null(case_step_change_problem(&c, 5, STEP_DONE, 20260402));
	assert_non_null(case_step_change_problem(&c, 5, STEP_STARTED,
						 20260402));
	set(&c, 1, STEP_DONE, 20260401);

	/* and may never be skipped */
	assert_string_equal(case_step_change_problem(&c, 5, STEP_SKIPPED,
						     20260402),
			    "Godkendelsen i regionsråd og byråd kan ikke "
			    "springes over, når sagen har økonomiske "
			    "konsekvenser.");
	set(&c, 5, STEP_STARTED, 20260402);
	assert_non_null(case_step_change_problem(&c, 5, STEP_SKIPPED,
						 20260403));
	assert_null(case_step_change_problem(&c, 5, STEP_PENDING, 20260403));

	/* done is final */
	assert_non_null(case_step_change_problem(&c, 0, STEP_PENDING,
						 20260403));
	assert_non_null(case_step_change_problem(&c, 1, STEP_STARTED,
						 20260403));
	assert_non_null(case_step_change_problem(&c, 1, STEP_SKIPPED,
						 20260403));
	/* no change is no problem */
	assert_null(case_step_change_problem(&c, 1, STEP_DONE, 20260403));

	/* a date before the case started */
	assert_non_null(case_step_change_problem(&c, 6, STEP_DONE, 20260301));

	/* unknown step or status */
	assert_non_null(case_step_change_problem(&c, 99, STEP_DONE, 20260403));
	assert_non_null(case_step_change_problem(&c, 2, STEP_STATUS_NONE,
						 20260403));
	assert_non_null(case_step_change_problem(NULL, 0, STEP_DONE, 20260403));

	/* skipping and reinstating an implementation is fine */
	assert_null(case_step_change_problem(&c, 4, STEP_SKIPPED, 20260403));
	c.steps[4].status = STEP_SKIPPED;
	assert_null(case_step_change_problem(&c, 4, STEP_PENDING, 20260404));

	/* a flow with no decision at all may be implemented right away */
	struct case_step impl = c.steps[2];
	impl.status = STEP_PENDING;
	struct case_file plain = mk_case(&f, w.str_a, false, 20260320, &impl, 1);
	assert_null(case_step_change_problem(&plain, 0, STEP_STARTED,
					     20260401));
	/* ... unless it has economic consequences: with no decision in its
	 * flow it can never be decided, so it is never implemented (the
	 * councils cannot be bypassed by a template without a decision). */
	struct case_file costly = mk_case(&f, w.str_a, true, 20260320, &impl, 1);
	assert_non_null(case_step_change_problem(&costly, 0, STEP_STARTED,
						 20260401));
	assert_non_null(case_step_change_problem(&costly, 0, STEP_DONE,
						 20260401));
	assert_false(case_is_decided(&costly));
	fx_free(&f);
}

/* ---- lead times --------------------------------------------------------- */

/* Decided = the last council approval (economic); days from it to each
 * implementation's start; late when started after due, or not started
 * and past due; -1 while not started. */
static void lead_times_economic(void **state)
{
	(void)state;
	struct fx f;
	struct cw w;
	cw_build(&f, &w);
	struct case_file c = case_c(&f, &w, true);
	set(&c, 0, STEP_DONE, 20260325);
	enum step_action becomes;
	size_t n = 0;
	struct case_step *add = case_decision_steps(&f.a, &f.s, &c, 1,
						    20260310, &becomes, &n);
	add_steps(&c, add, n);
	set(&c, 1, STEP_DONE, 20260326);

	/* not decided yet: decided 0, days -1 */
	struct lead_time *lt = case_lead_times(&f.a, &c, 20260401, &n);
	assert_int_equal(n, 3);
	assert_int_equal(lt[0].body_id, w.str_a);
	assert_int_equal(lt[1].body_id, w.ig_a1);
	assert_int_equal(lt[2].body_id, w.ig_a2);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(lt[i].decided, 0);
		assert_int_equal(lt[i].started, 0);
		assert_int_equal(lt[i].days, -1);
		assert_false(lt[i].late);
	}

	set(&c, 5, STEP_DONE, 20260327);
	set(&c, 7, STEP_DONE, 20260401);	/* the last one */
	set(&c, 6, STEP_DONE, 20260330);
	set(&c, 2, STEP_STARTED, 20260415);	/* due 20260503 */
	set(&c, 3, STEP_STARTED, 20260603);	/* due 20260602: late */
	lt = case_lead_times(&f.a, &c, 20260610, &n);
	assert_int_equal(n, 3);
	assert_int_equal(lt[0].decided, 20260401);
	assert_int_equal(lt[0].started, 20260415);
	assert_int_equal(lt[0].due, 20260503);
	assert_int_equal(lt[0].days, 14);
	assert_false(lt[0].late);
	assert_int_equal(lt[1].days, 63);
	assert_true(lt[1].late);
	assert_int_equal(lt[2].days, -1);	/* not started, past due */
	assert_true(lt[2].late);

	/* on the due date itself it is not late yet */
	lt = case_lead_times(&f.a, &c, 20260602, &n);
	assert_false(lt[2].late);

	/* a skipped implementation is no lead time at all */
	c.steps[4].status = STEP_SKIPPED;
	lt = case_lead_times(&f.a, &c, 20260610, &n);
	assert_int_equal(n, 2);
	fx_free(&f);
}

/* Without councils: the last DECIDE step done. A body with two
 * implementation steps counts once (its first). */
static void lead_times_plain(void **state)
{
	(void)state;
	struct fx f;
	struct cw w;
	cw_build(&f, &w);
	struct case_file c = case_c(&f, &w, false);
	struct case_step second = c.steps[1];
	second.stage = 2;
	second.body_id = w.ssu;
	add_steps(&c, &second, 1);		/* index 5: SSU decides too */
	struct case_step impl = c.steps[2];
	impl.stage = 5;
	impl.due = 20261231;
	add_steps(&c, &impl, 1);		/* index 6: str_a again */

	set(&c, 0, STEP_DONE, 20260325);
	set(&c, 1, STEP_DONE, 20260330);	/* across the DST change */
	set(&c, 5, STEP_DONE, 20260327);
	set(&c, 2, STEP_DONE, 20260410);	/* done without started */
	size_t n = 0;
	struct lead_time *lt = case_lead_times(&f.a, &c, 20260410, &n);
	assert_int_equal(n, 3);
	assert_int_equal(lt[0].body_id, w.str_a);
	assert_int_equal(lt[0].decided, 20260330);
	assert_int_equal(lt[0].started, 20260410);
	assert_int_equal(lt[0].days, 11);
	assert_int_equal(lt[0].due, 20260503);

	/* a case with no implementation */
	struct case_file none = mk_case(&f, w.str_a, false, 0, c.steps, 2);
	assert_null(case_lead_times(&f.a, &none, 20260410, &n));
	assert_int_equal(n, 0);
	fx_free(&f);
}

/* ---- civil days ------------------------------------------------------- */

/*
 * Europe/Copenhagen changes to summer time on 2026-03-29 (a 23-hour
 * day) and back on 2026-10-25 (a 25-hour day); counting by seconds /
 * 86400 would gain or lose a day there. Civil days never do.
 */
static void days_between(void **state)
{
	(void)state;
	assert_int_equal(case_days_between(20260328, 20260330), 2);
	assert_int_equal(case_days_between(20260328, 20260329), 1);
	assert_int_equal(case_days_between(20260329, 20260330), 1);
	assert_int_equal(case_days_between(20261024, 20261026), 2);
	assert_int_equal(case_days_between(20261025, 20261026), 1);
	assert_int_equal(case_days_between(20261024, 20261025), 1);
	assert_int_equal(case_days_between(20260301, 20261101), 245);
	assert_int_equal(case_days_between(20261101, 20260301), -245);
	/* year ends */
	assert_int_equal(case_days_between(20251231, 20260101), 1);
	assert_int_equal(case_days_between(20261231, 20270101), 1);
	assert_int_equal(case_days_between(20260101, 20270101), 365);
	/* the leap day of 2028 */
	assert_int_equal(case_days_between(20280228, 20280229), 1);
	assert_int_equal(case_days_between(20280229, 20280301), 1);
	assert_int_equal(case_days_between(20280228, 20280301), 2);
	assert_int_equal(case_days_between(20270228, 20270301), 1);
	assert_int_equal(case_days_between(20280101, 20290101), 366);
	assert_int_equal(case_days_between(20240229, 20280229), 1461);
	/* no date */
	assert_int_equal(case_days_between(0, 20260101), 0);
	assert_int_equal(case_days_between(20260101, 0), 0);
	assert_int_equal(case_days_between(20260101, 20260101), 0);
}

/* ---- overdue ---------------------------------------------------------- */

static void overdue(void **state)
{
	(void)state;
	struct case_step st;
	memset(&st, 0, sizeof(st));
	st.due = 20260401;
	st.status = STEP_PENDING;
	assert_false(case_step_overdue(&st, 20260401));
	assert_true(case_step_overdue(&st, 20260402));
	st.status = STEP_STARTED;
	assert_true(case_step_overdue(&st, 20260402));
	/* an implementation started in time is not overdue while it runs;
	 * started late it is */
	st.action = STEP_IMPLEMENT;
	st.started = 20260401;
	assert_false(case_step_overdue(&st, 20260402));
	st.started = 20260402;
	assert_true(case_step_overdue(&st, 20260403));
	st.status = STEP_PENDING;
	st.started = 0;
	assert_true(case_step_overdue(&st, 20260402));
	st.action = STEP_ACTION_NONE;
	/* the date a change is recorded on: a meeting that has been, else
	 * today (never a meeting still to come) */
	assert_int_equal(case_step_date(20260611, 20261123), 20260611);
	assert_int_equal(case_step_date(20261123, 20261123), 20261123);
	assert_int_equal(case_step_date(20261210, 20261123), 20261123);
	assert_int_equal(case_step_date(0, 20261123), 20261123);
	st.status = STEP_DONE;
	assert_false(case_step_overdue(&st, 20260402));
	st.status = STEP_SKIPPED;
	assert_false(case_step_overdue(&st, 20260402));
	st.status = STEP_PENDING;
	st.due = 0;
	assert_false(case_step_overdue(&st, 20260402));
	assert_false(case_step_overdue(NULL, 20260402));

	struct followup_action fa;
	memset(&fa, 0, sizeof(fa));
	fa.due = 20261025;
	fa.status = ACTION_OPEN;
	assert_false(case_action_overdue(&fa, 20261025));
	assert_true(case_action_overdue(&fa, 20261026));
	fa.status = ACTION_IN_PROGRESS;
	assert_true(case_action_overdue(&fa, 20261026));
	fa.status = ACTION_DONE;
	assert_false(case_action_overdue(&fa, 20261026));
	fa.status = ACTION_CANCELLED;
	assert_false(case_action_overdue(&fa, 20261026));
	fa.status = ACTION_OPEN;
	fa.due = 0;
	assert_false(case_action_overdue(&fa, 20261026));
}

/* ---- the cluster of a body ------------------------------------------ */

static void body_area(void **state)
{
	(void)state;
	struct fx f;
	struct cw w;
	cw_build(&f, &w);
	assert_int_equal(case_body_area(&f.s, w.str_a), w.area_a);
	assert_int_equal(case_body_area(&f.s, w.ig_a1), w.area_a);
	assert_int_equal(case_body_area(&f.s, w.str_b), w.area_b);
	assert_int_equal(case_body_area(&f.s, w.ssu), 0);
	assert_int_equal(case_body_area(&f.s, w.ssg), 0);
	assert_int_equal(case_body_area(&f.s, 9999), 0);
	assert_int_equal(case_body_area(NULL, w.str_a), 0);

	/* a parent cycle in bad data ends */
	int64_t x = fx_body(&f, "X", BODY_OTHER, 0);
	int64_t y = fx_body(&f, "Y", BODY_OTHER, 0);
	fx_body_get(&f, x)->parent_id = y;
	fx_body_get(&f, y)->parent_id = x;
	assert_int_equal(case_body_area(&f.s, x), 0);

	struct case_step none;
	memset(&none, 0, sizeof(none));
	assert_string_equal(case_step_target_label(&f.a, &f.s, &none), "");
	fx_free(&f);
}

/* ---- who may do what ---------------------------------------------------- */

static struct principal who(int64_t person, bool admin)
{
	struct principal p = { person ? 100 + person : (admin ? 1 : 0),
			       person, admin };
	return p;
}

static void access_casework(void **state)
{
	(void)state;
	struct fx f;
	struct cw w;
	cw_build(&f, &w);
	struct case_file c = case_c(&f, &w, true);
	enum step_action becomes;
	size_t n = 0;
	struct case_step *add = case_decision_steps(&f.a, &f.s, &c, 1,
						    20260401, &becomes, &n);
	add_steps(&c, add, n);
	const struct case_step *ig1_step = &c.steps[3];
	const struct case_step *ig2_step = &c.steps[4];
	const struct case_step *council = &c.steps[5];
	assert_int_equal(ig1_step->body_id, w.ig_a1);
	assert_int_equal(council->action, STEP_APPROVE_COUNCIL);

	struct principal pub = who(0, false);
	struct principal noone = { 55, 0, false };	/* an account, no person */
	struct principal admin = who(0, true);
	struct principal origin_sec = who(w.p_sec_str_a, false);
	struct principal step_sec = who(w.p_sec_ig_a1, false);
	struct principal other_sec = who(w.p_sec_str_b, false);
	struct principal region_sec = who(w.p_sec_ssu, false);
	struct principal member = who(w.p_member_ig_a2, false);
	struct principal nobody = who(w.p_nobody, false);
	struct principal old_sec = who(w.p_old_sec, false);
	int d = CW_DATE;

	/* creating a case: the origin's secretary, administrators */
	assert_true(access_case_create(&f.s, &origin_sec, w.str_a, d));
	assert_false(access_case_create(&f.s, &origin_sec, w.str_b, d));
	assert_false(access_case_create(&f.s, &step_sec, w.str_a, d));
	assert_false(access_case_create(&f.s, &member, w.ig_a2, d));
	assert_true(access_case_create(&f.s, &admin, w.str_a, d));
	assert_false(access_case_create(&f.s, &pub, w.str_a, d));
	assert_false(access_case_create(&f.s, &noone, w.str_a, d));
	assert_false(access_case_create(&f.s, NULL, w.str_a, d));
	/* roles follow the term: a former secretary no longer may */
	assert_true(access_case_create(&f.s, &old_sec, w.str_a, 20251231));
	assert_false(access_case_create(&f.s, &old_sec, w.str_a, 20260101));

	/* editing the case: the origin's secretary, administrators */
	assert_true(access_case_edit(&f.s, &origin_sec, &c, d));
	assert_false(access_case_edit(&f.s, &step_sec, &c, d));
	assert_false(access_case_edit(&f.s, &other_sec, &c, d));
	assert_false(access_case_edit(&f.s, &member, &c, d));
	assert_false(access_case_edit(&f.s, &pub, &c, d));
	assert_true(access_case_edit(&f.s, &admin, &c, d));
	assert_false(access_case_edit(&f.s, &admin, NULL, d));

	/* a step: the origin's or the step body's secretary */
	assert_true(access_step_edit(&f.s, &origin_sec, &c, ig1_step, d));
	assert_true(access_step_edit(&f.s, &step_sec, &c, ig1_step, d));
	assert_false(access_step_edit(&f.s, &step_sec, &c, ig2_step, d));
	assert_false(access_step_edit(&f.s, &other_sec, &c, ig1_step, d));
	assert_false(access_step_edit(&f.s, &member, &c, ig2_step, d));
	assert_false(access_step_edit(&f.s, &pub, &c, ig1_step, d));
	assert_true(access_step_edit(&f.s, &admin, &c, ig1_step, d));
	/* a council approval: the origin's secretary records it */
	assert_true(access_step_edit(&f.s, &origin_sec, &c, council, d));
	assert_false(access_step_edit(&f.s, &step_sec, &c, council, d));
	assert_false(access_step_edit(&f.s, &region_sec, &c, council, d));
	assert_true(access_step_edit(&f.s, &admin, &c, council, d));

	/* a follow-up action: its body's secretary, its responsible
	 * person, administrators */
	struct followup_action fa;
	memset(&fa, 0, sizeof(fa));
	fa.body_id = w.str_a;
	fa.responsible_person_id = w.p_member_ig_a2;
	assert_true(access_action_edit(&f.s, &origin_sec, &fa, d));
	assert_true(access_action_edit(&f.s, &member, &fa, d));
	assert_false(access_action_edit(&f.s, &other_sec, &fa, d));
	assert_false(access_action_edit(&f.s, &step_sec, &fa, d));
	assert_false(access_action_edit(&f.s, &pub, &fa, d));
	assert_true(access_action_edit(&f.s, &admin, &fa, d));
	fa.responsible_person_id = 0;
	assert_false(access_action_edit(&f.s, &member, &fa, d));
	assert_false(access_action_edit(&f.s, &noone, &fa, d));

	/* an initiative: a membership of a body in that cluster */
	assert_true(access_initiative_post(&f.s, &member, w.area_a, d));
	assert_false(access_initiative_post(&f.s, &member, w.area_b, d));
	assert_true(access_initiative_post(&f.s, &other_sec, w.area_b, d));
	assert_false(access_initiative_post(&f.s, &region_sec, w.area_a, d));
	assert_false(access_initiative_post(&f.s, &nobody, w.area_a, d));
	assert_false(access_initiative_post(&f.s, &pub, w.area_a, d));
	assert_false(access_initiative_post(&f.s, &member, 0, d));
	assert_true(access_initiative_post(&f.s, &admin, w.area_b, d));

	/* a comment: a membership anywhere */
	assert_true(access_comment(&f.s, &member, d));
	assert_true(access_comment(&f.s, &region_sec, d));
	assert_false(access_comment(&f.s, &nobody, d));
	assert_false(access_comment(&f.s, &pub, d));
	assert_false(access_comment(&f.s, &noone, d));
	assert_true(access_comment(&f.s, &admin, d));
	assert_false(access_comment(&f.s, &old_sec, 20260101));

	/* templates and the health agreement: a secretary of a
	 * region-wide body of that region, administrators */
	assert_true(access_region_edit(&f.s, &region_sec, w.region, d));
	assert_false(access_region_edit(&f.s, &region_sec, w.region2, d));
	assert_false(access_region_edit(&f.s, &origin_sec, w.region, d));
	assert_false(access_region_edit(&f.s, &step_sec, w.region, d));
	assert_false(access_region_edit(&f.s, &member, w.region, d));
	assert_false(access_region_edit(&f.s, &pub, w.region, d));
	assert_true(access_region_edit(&f.s, &admin, w.region2, d));
	fx_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(enum_tables),
		cmocka_unit_test(flow_template_a),
		cmocka_unit_test(flow_template_b),
		cmocka_unit_test(flow_template_c),
		cmocka_unit_test(flow_sorted_by_id),
		cmocka_unit_test(flow_origin_not_repeated),
		cmocka_unit_test(flow_cannot_apply),
		cmocka_unit_test(may_decide),
		cmocka_unit_test(decision_recommend_only),
		cmocka_unit_test(decision_economic),
		cmocka_unit_test(decision_economic_region_wide),
		cmocka_unit_test(case_life),
		cmocka_unit_test(case_life_not_economic),
		cmocka_unit_test(step_change_problems),
		cmocka_unit_test(lead_times_economic),
		cmocka_unit_test(lead_times_plain),
		cmocka_unit_test(days_between),
		cmocka_unit_test(overdue),
		cmocka_unit_test(body_area),
		cmocka_unit_test(access_casework),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
