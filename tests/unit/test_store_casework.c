/*
 * test_store_casework.c - the store's casework (store.h "casework",
 * src/store/casework.c, casework_file.c, 0008_casework.sql) on an
 * in-memory database holding the demo structure and meetings: saves
 * with audit rows and revisions, no-op saves that write nothing, steps,
 * item links, templates, agreements with stable item ids, follow-up
 * actions with notes, initiatives with comments and files by token, the
 * references the structure may no longer drop, and the import of
 * data/demo-casework.json and of broken files (the JSON path in the
 * message, nothing written). Run from the project root (meson's
 * workdir).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "util/date.h"

/* sha256("abc"), FIPS 180-2 appendix B.1. */
#define SHA256_ABC \
	"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
#define TODAY 20261123

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf b = BUF_INIT;
	char chunk[65536];
	size_t n;

	assert_non_null(f);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return buf_detach(&b);
}

/* The demo structure and its meetings, no casework. */
static struct store *open_demo(void)
{
	struct store *st = NULL;
	struct arena a;
	struct structure s;
	struct meeting *ms;
	size_t len, n;
	struct err err = { 0 };
	char *text = read_all("data/demo.json", &len);

	if (store_open(&st, ":memory:", &err))
		fail_msg("store_open: %s", err.msg);
	arena_init(&a);
	if (structure_from_json(&a, text, len, &s, &err) ||
	    store_import(st, &s, &err))
		fail_msg("structure: %s", err.msg);
	free(text);
	arena_free(&a);
	arena_init(&a);
	text = read_all("data/demo-meetings.json", &len);
	if (store_load(st, &a, &s, &err) ||
	    meetings_from_json(&a, &s, text, len, &ms, &n, &err) ||
	    store_meetings_import(st, &s, ms, n, TODAY, &err))
		fail_msg("meetings: %s", err.msg);
	free(text);
	arena_free(&a);
	store_actor_set("test");
	return st;
}

static int setup(void **state)
{
	*state = open_demo();
	return 0;
}

static int teardown(void **state)
{
	store_close(*state);
	store_actor_set(NULL);
	return 0;
}

/* Imports text as a casework file; returns the store's answer. */
static int import_text(struct store *st, const char *text, struct err *err)
{
	struct arena a;
	struct structure s;
	int rc;
	arena_init(&a);
	assert_int_equal(store_load(st, &a, &s, err), 0);
	rc = store_casework_import(st, &s, text, strlen(text), TODAY, err);
	arena_free(&a);
	return rc;
}

static int import_demo(struct store *st, struct err *err)
{
	size_t len;
	char *text = read_all("data/demo-casework.json", &len);
	int rc = import_text(st, text, err);
	free(text);
	return rc;
}

static int64_t body_id(struct store *st, const char *key)
{
	struct arena a;
	struct structure s;
	struct err err = { 0 };
	int64_t id = 0;
	arena_init(&a);
	assert_int_equal(store_load(st, &a, &s, &err), 0);
	for (size_t i = 0; i < s.n_bodies; i++)
		if (strcmp(s.bodies[i].key, key) == 0)
			id = s.bodies[i].id;
	for (size_t i = 0; !id && i < s.n_orgs; i++)
		if (strcmp(s.orgs[i].key, key) == 0)
			id = s.orgs[i].id;
	for (size_t i = 0; !id && i < s.n_areas; i++)
		if (strcmp(s.areas[i].key, key) == 0)
			id = s.areas[i].id;
	arena_free(&a);
	assert_true(id > 0);
	return id;
}
#define org_id(st, k) body_id(st, k)
#define area_id(st, k) body_id(st, k)

/* Audit rows of a kind (and object; 0 = any). */
static size_t audit_count(struct store *st, const char *kind, int64_t id)
{
	struct arena a;
	struct audit_entry *es;
	size_t n = 0;
	struct err err = { 0 };
	arena_init(&a);
	assert_int_equal(store_audit_list(st, &a, kind, id, 0, 0, &es, &n,
					  &err), 0);
	arena_free(&a);
	return n;
}

/* The first item of a body's meeting on a date. */
static int64_t first_item(struct store *st, const char *body, int date)
{
	struct arena a;
	struct meeting *ms;
	size_t n;
	struct err err = { 0 };
	int64_t id = 0;
	arena_init(&a);
	assert_int_equal(store_meeting_list(st, &a, body_id(st, body), date,
					    date, &ms, &n, &err), 0);
	assert_true(n > 0 && ms[0].n_items > 0);
	id = ms[0].items[0].id;
	arena_free(&a);
	return id;
}

static struct case_file new_case(struct store *st, struct case_step *steps,
				 size_t n)
{
	struct case_file c;
	memset(&c, 0, sizeof(c));
	c.case_number = "26/09999";
	c.title = "Testsag";
	c.origin_body_id = body_id(st, "fsn-fyn");
	c.started = 20260301;
	c.steps = steps;
	c.n_steps = n;
	return c;
}

/* ---- import ------------------------------------------------------------ */

static void test_import_demo(void **state)
{
	struct store *st = *state;
	struct err err = { 0 };
	struct arena a;
	struct casework cw;

	if (import_demo(st, &err))
		fail_msg("import: %s", err.msg);
	arena_init(&a);
	assert_int_equal(store_casework_load(st, &a, &cw, &err), 0);
	assert_int_equal(cw.n_agreements, 2);
	assert_int_equal(cw.n_agreement_items, 34);
	assert_int_equal(cw.n_templates, 3);
	assert_int_equal(cw.n_cases, 6);
	assert_int_equal(cw.n_actions, 9);
	assert_int_equal(cw.n_initiatives, 3);

	/* Seed 003 verbatim: the first vision and the last principle. */
	assert_string_equal(cw.agreement_items[0].title, "Sammenhæng og tryghed");
	assert_string_equal(cw.agreements[0].note, "høringsudkast");

	/* Template (a): SSU, SSG, four strategic levels, four IPGs. */
	const struct case_file *c = &cw.cases[0];
	assert_string_equal(c->title, "Ny samarbejdsaftale om behandlingsredskaber");
	assert_int_equal(c->n_steps, 10);
	assert_int_equal(c->template_id, cw.templates[0].id);
	assert_int_equal(c->n_items, 3);
	assert_int_equal(case_state(c), CASE_IMPLEMENTING);
	/* Lead times come from the meeting dates: decided 19 March,
	 * Sønderjylland started at its meeting on 11 June. */
	size_t nl = 0;
	struct lead_time *lt = case_lead_times(&a, c, TODAY, &nl);
	bool found = false;
	for (size_t i = 0; i < nl; i++)
		if (lt[i].body_id == body_id(st, "fsn-sonderjylland")) {
			assert_int_equal(lt[i].decided, 20260319);
			assert_int_equal(lt[i].started, 20260611);
			assert_int_equal(lt[i].days, 84);
			assert_false(lt[i].late);
			found = true;
		}
	assert_true(found);

	/* Template (c) with economic consequences: two councils missing. */
	assert_int_equal(case_state(&cw.cases[2]), CASE_AWAITING_COUNCILS);
	assert_false(case_is_decided(&cw.cases[2]));
	assert_true(cw.cases[2].economic);
	/* Template (b) scales the Sønderjylland initiative. */
	assert_int_equal(cw.cases[1].initiative_id, cw.initiatives[0].id);
	assert_int_equal(case_state(&cw.cases[4]), CASE_CLOSED);

	size_t overdue = 0, notes = 0;
	for (size_t i = 0; i < cw.n_actions; i++) {
		overdue += case_action_overdue(&cw.actions[i], TODAY);
		notes += cw.actions[i].n_notes;
	}
	assert_int_equal(overdue, 5);
	assert_int_equal(notes, 6);
	assert_int_equal(cw.initiatives[0].n_comments, 3);
	assert_string_equal(cw.initiatives[0].comments[0].author,
			    "Birgitte Berg, Sundhedsklynge Lillebælt");
	assert_int_equal(cw.initiatives[0].comments[0].area_id,
			 area_id(st, "klynge-lillebaelt"));
	assert_int_equal(audit_count(st, "case", 0), 6);
	assert_int_equal(audit_count(st, "comment", 0), 6);
	/* The importing actor is back. */
	assert_string_equal(store_actor(), "test");

	/* The same file again: its keys exist, nothing is written. */
	int64_t gen = store_generation(st);
	assert_int_equal(import_demo(st, &err), ERR_INVALID);
	assert_non_null(strstr(err.msg, "agreements[0].key"));
	assert_int_equal(store_generation(st), gen);
	arena_free(&a);
}

/* A broken file: the error names the path; nothing is written. */
static void expect_bad(struct store *st, const char *text, const char *path)
{
	struct err err = { 0 };
	struct arena a;
	struct casework cw;
	int64_t gen = store_generation(st);

	assert_int_equal(import_text(st, text, &err), ERR_INVALID);
	if (!strstr(err.msg, path))
		fail_msg("want «%s» in «%s»", path, err.msg);
	assert_int_equal(store_generation(st), gen);
	arena_init(&a);
	assert_int_equal(store_casework_load(st, &a, &cw, &err), 0);
	assert_int_equal(cw.n_agreements + cw.n_templates + cw.n_cases +
			 cw.n_actions + cw.n_initiatives, 0);
	arena_free(&a);
}

#define TPL "{\"key\":\"t\",\"name\":\"T\",\"region\":\"region-syddanmark\"," \
	"\"steps\":[{\"target\":\"origin\",\"action\":\"decide\"}," \
	"{\"target\":\"children\",\"kind\":\"implementation_group\"," \
	"\"action\":\"implement\",\"offset_days\":45}]}"
#define AGR "{\"key\":\"a\",\"title\":\"A\",\"region\":\"region-syddanmark\"," \
	"\"items\":[{\"key\":\"f\",\"part\":\"focus_area\",\"title\":\"F\"}]}"

static void test_import_errors(void **state)
{
	struct store *st = *state;

	expect_bad(st, "{\"klynge\":2}", "klynge");
	expect_bad(st, "{\"klynge\":1,\"sager\":[]}", "ukendt felt «sager»");
	expect_bad(st, "{\"klynge\":1,\"agreements\":[{\"key\":\"a\","
		       "\"title\":\"A\",\"region\":\"odense-kommune\"}]}",
		   "agreements[0]: region");
	expect_bad(st, "{\"klynge\":1,\"agreements\":[{\"key\":\"a\",\"title\":"
		       "\"A\",\"region\":\"region-syddanmark\",\"items\":[{\"key\":"
		       "\"g\",\"part\":\"goal\",\"title\":\"G\"}]}]}",
		   "agreements[0].items[0]: parent");
	expect_bad(st, "{\"klynge\":1,\"templates\":[{\"key\":\"t\",\"name\":"
		       "\"T\",\"region\":\"region-syddanmark\",\"steps\":[{\"target\":"
		       "\"origin\",\"action\":\"vote\"}]}]}",
		   "templates[0].steps[0]: action");
	/* The agreement and template are fine; the case is not: nothing. */
	expect_bad(st, "{\"klynge\":1,\"agreements\":[" AGR "],\"templates\":["
		       TPL "],\"cases\":[{\"title\":\"X\",\"origin\":\"fsn-nowhere\","
		       "\"template\":\"t\"}]}",
		   "cases[0]: origin: ukendt forum");
	/* Template c cannot go to Fyn: it has no implementation groups. */
	expect_bad(st, "{\"klynge\":1,\"templates\":[" TPL "],\"cases\":[{"
		       "\"title\":\"X\",\"origin\":\"fsn-fyn\",\"template\":\"t\"}]}",
		   "cases[0]: template:");
	expect_bad(st, "{\"klynge\":1,\"templates\":[" TPL "],\"cases\":[{"
		       "\"title\":\"X\",\"origin\":\"fsn-sonderjylland\",\"template\":"
		       "\"t\",\"started\":\"2026-02-30\"}]}",
		   "cases[0]: started: ugyldig dato");
	expect_bad(st, "{\"klynge\":1,\"templates\":[" TPL "],\"cases\":[{"
		       "\"title\":\"X\",\"origin\":\"fsn-sonderjylland\",\"template\":"
		       "\"t\",\"steps\":[{\"body\":\"fsn-fyn\",\"status\":\"done\","
		       "\"finished\":\"2026-03-01\"}]}]}",
		   "cases[0].steps[0]: fsn-fyn har intet trin");
	expect_bad(st, "{\"klynge\":1,\"templates\":[" TPL "],\"cases\":[{"
		       "\"title\":\"X\",\"origin\":\"fsn-sonderjylland\",\"template\":"
		       "\"t\",\"steps\":[{\"body\":\"fsn-sonderjylland\",\"status\":"
		       "\"started\"}]}]}",
		   "cases[0].steps[0]: started mangler");
	expect_bad(st, "{\"klynge\":1,\"cases\":[{\"title\":\"X\",\"origin\":"
		       "\"fsn-fyn\",\"items\":[{\"body\":\"fsn-fyn\",\"date\":"
		       "\"2026-06-11\",\"number\":9}],\"steps\":[{\"body\":\"fsn-fyn\","
		       "\"action\":\"decide\"}]}]}",
		   "cases[0].items[0]: fsn-fyn har intet punkt 9");
	expect_bad(st, "{\"klynge\":1,\"cases\":[{\"title\":\"X\",\"origin\":"
		       "\"fsn-fyn\",\"case_number\":\"abc\",\"steps\":[{\"body\":"
		       "\"fsn-fyn\",\"action\":\"decide\"}]}]}",
		   "cases[0]: case_number");
	expect_bad(st, "{\"klynge\":1,\"actions\":[{\"body\":\"fsn-fyn\","
		       "\"what\":\"W\",\"status\":\"late\"}]}",
		   "actions[0]: status: ukendt værdi «late»");
	expect_bad(st, "{\"klynge\":1,\"actions\":[{\"body\":\"fsn-fyn\","
		       "\"what\":\"W\",\"case\":\"nope\"}]}",
		   "actions[0]: case: ukendt sag");
	expect_bad(st, "{\"klynge\":1,\"initiatives\":[{\"area\":\"klynge-fyn\","
		       "\"title\":\"I\",\"focus_area\":\"nope\"}]}",
		   "initiatives[0]: focus_area");
	expect_bad(st, "{\"klynge\":1,\"initiatives\":[{\"area\":\"klynge-fyn\","
		       "\"title\":\"I\",\"comments\":[{\"text\":\"\"}]}]}",
		   "initiatives[0].comments[0]: text mangler");
	expect_bad(st, "{\"klynge\":1,\"templates\":[" TPL "," TPL "]}",
		   "templates[1].key");
	expect_bad(st, "{\"klynge\":1,", "linje");
}

/* ---- cases, steps, links ----------------------------------------------- */

static void test_case_save(void **state)
{
	struct store *st = *state;
	struct err err = { 0 };
	struct arena a;
	struct case_step steps[2];
	memset(steps, 0, sizeof(steps));
	steps[0].stage = 1;
	steps[0].body_id = body_id(st, "fsn-fyn");
	steps[0].action = STEP_DECIDE;
	steps[0].due = 20260401;
	steps[1].stage = 2;
	steps[1].org_id = org_id(st, "odense-kommune");
	steps[1].action = STEP_APPROVE_COUNCIL;
	struct case_file c = new_case(st, steps, 2);

	assert_int_equal(store_case_save(st, &c, &err), 0);
	assert_true(c.id > 0);
	assert_int_equal(c.revision, 1);
	assert_int_equal(steps[1].position, 2);
	assert_int_equal(steps[1].status, STEP_PENDING);
	assert_int_equal(audit_count(st, "case", c.id), 1);

	arena_init(&a);
	struct case_file got;
	assert_int_equal(store_case_get(st, &a, c.id, &got, &err), 0);
	assert_string_equal(got.title, "Testsag");
	assert_string_equal(got.description, "");
	assert_int_equal(got.n_steps, 2);
	assert_int_equal(got.steps[1].org_id, org_id(st, "odense-kommune"));
	assert_int_equal(got.steps[0].due, 20260401);
	assert_int_equal(got.started, 20260301);

	/* The same values: no audit row, no revision, no generation. */
	int64_t gen = store_generation(st);
	got.steps = NULL;
	got.n_steps = 0;
	assert_int_equal(store_case_save(st, &got, &err), 0);
	assert_int_equal(got.revision, 1);
	assert_int_equal(store_generation(st), gen);
	assert_int_equal(audit_count(st, "case", c.id), 1);

	/* A change. */
	got.title = "Testsag (ændret)";
	got.economic = true;
	assert_int_equal(store_case_save(st, &got, &err), 0);
	assert_int_equal(got.revision, 2);
	assert_int_equal(audit_count(st, "case", c.id), 2);
	struct audit_entry *es;
	size_t n;
	assert_int_equal(store_audit_list(st, &a, "case", c.id, 0, 1, &es, &n,
					  &err), 0);
	assert_string_equal(es[0].action, "update");
	assert_int_equal(es[0].body_id, body_id(st, "fsn-fyn"));
	assert_non_null(strstr(es[0].after, "\"economic\":true"));
	assert_non_null(strstr(es[0].before, "\"title\":\"Testsag\""));

	/* Stale: the form still had revision 1. */
	got.revision = 1;
	got.title = "Andet";
	assert_int_equal(store_case_save(st, &got, &err), ERR_CONFLICT);
	assert_string_equal(err.code, "stale");
	assert_non_null(strstr(err.msg, "Nogen har ændret sagen"));

	/* Checks. */
	struct case_file bad = new_case(st, NULL, 0);
	bad.title = "";
	assert_int_equal(store_case_save(st, &bad, &err), ERR_INVALID);
	bad = new_case(st, NULL, 0);
	bad.origin_body_id = 99999;
	assert_int_equal(store_case_save(st, &bad, &err), ERR_INVALID);
	assert_string_equal(err.code, "bad_reference");
	assert_int_equal(store_case_get(st, &a, 99999, &got, &err),
			 ERR_NOT_FOUND);
	arena_free(&a);
}

static void test_case_steps(void **state)
{
	struct store *st = *state;
	struct err err = { 0 };
	struct arena a;
	struct case_step s1;
	memset(&s1, 0, sizeof(s1));
	s1.body_id = body_id(st, "fsn-fyn");
	s1.action = STEP_DECIDE;
	struct case_file c = new_case(st, &s1, 1);
	assert_int_equal(store_case_save(st, &c, &err), 0);

	struct case_step more[2];
	memset(more, 0, sizeof(more));
	more[0].body_id = body_id(st, "pn-fyn");
	more[0].action = STEP_INFORM;
	more[1].org_id = org_id(st, "regionsraadet-syddanmark");
	more[1].action = STEP_APPROVE_COUNCIL;
	more[1].due = 20260601;
	assert_int_equal(store_case_steps_add(st, c.id, more, 2, &err), 0);
	assert_int_equal(audit_count(st, "case_step", 0), 2);

	arena_init(&a);
	struct case_file got;
	assert_int_equal(store_case_get(st, &a, c.id, &got, &err), 0);
	assert_int_equal(got.n_steps, 3);
	assert_int_equal(got.steps[1].position, 2);
	assert_int_equal(got.steps[2].position, 3);
	assert_int_equal(got.steps[2].action, STEP_APPROVE_COUNCIL);
	assert_int_equal(got.revision, 1);	/* steps are not a save */

	/* A step's update. */
	struct case_step u = got.steps[0];
	u.status = STEP_DONE;
	u.started = 20260310;
	u.finished = 20260310;
	u.item_id = first_item(st, "fsn-fyn", 20260312);
	u.note = "Besluttet";
	assert_int_equal(store_case_step_update(st, &u, &err), 0);
	assert_int_equal(audit_count(st, "case_step", u.id), 1);
	/* The same again: nothing. */
	int64_t gen = store_generation(st);
	assert_int_equal(store_case_step_update(st, &u, &err), 0);
	assert_int_equal(store_generation(st), gen);
	assert_int_equal(audit_count(st, "case_step", u.id), 1);
	assert_int_equal(store_case_get(st, &a, c.id, &got, &err), 0);
	assert_int_equal(got.steps[0].status, STEP_DONE);
	assert_string_equal(got.steps[0].note, "Besluttet");
	assert_int_equal(got.steps[0].item_id, u.item_id);
	/* Another case's step id, a bad date. */
	u.case_id = c.id + 1000;
	assert_int_equal(store_case_step_update(st, &u, &err), ERR_NOT_FOUND);
	u.case_id = c.id;
	u.due = 20261341;
	assert_int_equal(store_case_step_update(st, &u, &err), ERR_INVALID);
	/* Nothing to add is fine; a step without body or org is not. */
	assert_int_equal(store_case_steps_add(st, c.id, more, 0, &err), 0);
	struct case_step none;
	memset(&none, 0, sizeof(none));
	none.action = STEP_INFORM;
	assert_int_equal(store_case_steps_add(st, c.id, &none, 1, &err),
			 ERR_INVALID);
	arena_free(&a);
}

static void test_case_links(void **state)
{
	struct store *st = *state;
	struct err err = { 0 };
	struct arena a;
	struct case_step s1;
	memset(&s1, 0, sizeof(s1));
	s1.body_id = body_id(st, "fsn-fyn");
	s1.action = STEP_DECIDE;
	int64_t item = first_item(st, "fsn-fyn", 20260611);
	struct case_file c = new_case(st, &s1, 1);
	c.item_ids = &item;
	c.n_items = 1;
	assert_int_equal(store_case_save(st, &c, &err), 0);

	int64_t other = first_item(st, "fsn-fyn", 20260910);
	int64_t gen = store_generation(st);
	assert_int_equal(store_case_link_item(st, c.id, item, &err), 0);
	assert_int_equal(store_generation(st), gen);	/* linked already */
	assert_int_equal(store_case_link_item(st, c.id, other, &err), 0);
	assert_int_equal(audit_count(st, "case", c.id), 2);
	assert_int_equal(store_case_link_item(st, c.id, 999999, &err),
			 ERR_NOT_FOUND);
	assert_int_equal(store_case_link_item(st, 999999, other, &err),
			 ERR_NOT_FOUND);

	arena_init(&a);
	int64_t *ids;
	size_t n;
	assert_int_equal(store_cases_of_item(st, &a, other, &ids, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], c.id);
	assert_int_equal(store_cases_of_item(st, &a, 999999, &ids, &n, &err), 0);
	assert_int_equal(n, 0);
	struct case_file got;
	assert_int_equal(store_case_get(st, &a, c.id, &got, &err), 0);
	assert_int_equal(got.n_items, 2);

	/* The structure cannot drop a body with cases. */
	assert_int_equal(store_delete(st, STORE_BODY, body_id(st, "fsn-fyn"),
				      &err), ERR_CONFLICT);
	assert_string_equal(err.code, "in_use");
	arena_free(&a);
}

/* ---- templates and agreements -------------------------------------------- */

static void test_templates(void **state)
{
	struct store *st = *state;
	struct err err = { 0 };
	struct arena a;
	struct flow_template_step ts[2];
	memset(ts, 0, sizeof(ts));
	ts[0].target = TARGET_ORIGIN;
	ts[0].action = STEP_DECIDE;
	ts[1].target = TARGET_CHILDREN;
	ts[1].target_kind = BODY_IMPLEMENTATION_GROUP;
	ts[1].action = STEP_IMPLEMENT;
	ts[1].offset_days = 45;
	ts[1].note = "Implementeringsgrupperne";
	struct flow_template t = {
		.name = "Sag fra klyngen", .region_id = org_id(st, "region-syddanmark"),
		.steps = ts, .n_steps = 2,
	};
	assert_int_equal(store_template_save(st, &t, &err), 0);
	assert_true(t.id > 0);
	assert_string_equal(t.key, "sag-fra-klyngen");	/* from the name */
	assert_int_equal(audit_count(st, "template", t.id), 1);

	int64_t gen = store_generation(st);
	assert_int_equal(store_template_save(st, &t, &err), 0);
	assert_int_equal(store_generation(st), gen);

	ts[1].offset_days = 30;
	assert_int_equal(store_template_save(st, &t, &err), 0);
	assert_int_equal(audit_count(st, "template", t.id), 2);

	arena_init(&a);
	struct casework cw;
	assert_int_equal(store_casework_load(st, &a, &cw, &err), 0);
	assert_int_equal(cw.n_templates, 1);
	assert_int_equal(cw.templates[0].n_steps, 2);
	assert_int_equal(cw.templates[0].steps[1].offset_days, 30);
	assert_int_equal(cw.templates[0].steps[1].target_kind,
			 BODY_IMPLEMENTATION_GROUP);
	assert_string_equal(cw.templates[0].steps[1].note, "Implementeringsgrupperne");

	/* A second with the same key; a bad step. */
	struct flow_template t2 = t;
	t2.id = 0;
	assert_int_equal(store_template_save(st, &t2, &err), ERR_CONFLICT);
	ts[0].target = TARGET_NONE;
	t2.key = "";
	assert_int_equal(store_template_save(st, &t2, &err), ERR_INVALID);
	ts[0].target = TARGET_ORIGIN;

	/* In use by a case: cannot go. */
	struct case_step s1;
	memset(&s1, 0, sizeof(s1));
	s1.body_id = body_id(st, "fsn-sonderjylland");
	s1.action = STEP_DECIDE;
	struct case_file c = new_case(st, &s1, 1);
	c.template_id = t.id;
	assert_int_equal(store_case_save(st, &c, &err), 0);
	assert_int_equal(store_template_delete(st, t.id, &err), ERR_CONFLICT);
	assert_string_equal(err.code, "in_use");

	struct flow_template t3 = { .key = "ubrugt", .name = "Ubrugt",
		.region_id = t.region_id, .steps = ts, .n_steps = 1 };
	assert_int_equal(store_template_save(st, &t3, &err), 0);
	assert_int_equal(store_template_delete(st, t3.id, &err), 0);
	assert_int_equal(audit_count(st, "template", t3.id), 2);
	assert_int_equal(store_template_delete(st, t3.id, &err), ERR_NOT_FOUND);
	arena_free(&a);
}

static void test_agreements(void **state)
{
	struct store *st = *state;
	struct err err = { 0 };
	struct arena a;
	struct agreement_item items[3] = {
		{ .key = "vision-1", .part = AGREEMENT_VISION,
		  .title = "Sammenhæng og tryghed" },
		{ .key = "kronisk", .part = AGREEMENT_FOCUS_AREA,
		  .title = "Kronisk sygdom" },
		{ .key = "mal-1", .part = AGREEMENT_GOAL, .parent_id = 2,
		  .title = "Færre genindlæggelser" },
	};
	struct health_agreement h = {
		.key = "aftale", .title = "Sundhedsaftalen 2024-2027",
		.region_id = org_id(st, "region-syddanmark"),
		.valid_from = 20240101, .valid_to = 20271231,
	};
	assert_int_equal(store_agreement_save(st, &h, items, 3, &err), 0);
	assert_true(h.id > 0);
	int64_t focus = items[1].id;
	assert_true(focus > 0);
	assert_int_equal(items[2].parent_id, focus);
	assert_int_equal(audit_count(st, "agreement", h.id), 1);

	/* Saved again as given (parents by index + 1): nothing changes. */
	items[2].parent_id = 2;
	int64_t gen = store_generation(st);
	assert_int_equal(store_agreement_save(st, &h, items, 3, &err), 0);
	assert_int_equal(store_generation(st), gen);
	assert_int_equal(items[1].id, focus);

	/* A case names the focus area. */
	struct case_step s1;
	memset(&s1, 0, sizeof(s1));
	s1.body_id = body_id(st, "fsn-fyn");
	s1.action = STEP_DECIDE;
	struct case_file c = new_case(st, &s1, 1);
	c.focus_area_id = focus;
	assert_int_equal(store_case_save(st, &c, &err), 0);

	/* Reordered with a new title: the kept keys keep their ids. */
	struct agreement_item re[3] = {
		{ .key = "kronisk", .part = AGREEMENT_FOCUS_AREA,
		  .title = "Sammenhæng for borgere med kronisk sygdom" },
		{ .key = "mal-1", .part = AGREEMENT_GOAL, .parent_id = 1,
		  .title = "Færre genindlæggelser" },
		{ .key = "vision-1", .part = AGREEMENT_VISION,
		  .title = "Sammenhæng og tryghed" },
	};
	assert_int_equal(store_agreement_save(st, &h, re, 3, &err), 0);
	assert_int_equal(re[0].id, focus);
	assert_int_equal(re[1].parent_id, focus);
	assert_int_equal(audit_count(st, "agreement", h.id), 2);

	/* Dropping the focus area a case names: refused, nothing changed. */
	assert_int_equal(store_agreement_save(st, &h, &re[2], 1, &err),
			 ERR_CONFLICT);
	assert_string_equal(err.code, "in_use");
	arena_init(&a);
	struct casework cw;
	assert_int_equal(store_casework_load(st, &a, &cw, &err), 0);
	assert_int_equal(cw.n_agreement_items, 3);
	assert_string_equal(cw.agreements[0].key, "aftale");
	assert_int_equal(cw.agreements[0].valid_to, 20271231);

	/* Checks: a cycle, a duplicate key, a bad period. */
	struct agreement_item cyc[2] = {
		{ .key = "x", .part = AGREEMENT_GOAL, .parent_id = 2, .title = "X" },
		{ .key = "y", .part = AGREEMENT_GOAL, .parent_id = 1, .title = "Y" },
	};
	struct health_agreement h2 = { .title = "Anden",
		.region_id = h.region_id };
	assert_int_equal(store_agreement_save(st, &h2, cyc, 2, &err), ERR_INVALID);
	cyc[1].key = "x";
	cyc[0].parent_id = cyc[1].parent_id = 0;
	assert_int_equal(store_agreement_save(st, &h2, cyc, 2, &err), ERR_INVALID);
	h2.valid_from = 20270101;
	h2.valid_to = 20240101;
	assert_int_equal(store_agreement_save(st, &h2, NULL, 0, &err), ERR_INVALID);
	arena_free(&a);
}

/* ---- follow-up actions and initiatives ------------------------------------ */

static void test_actions(void **state)
{
	struct store *st = *state;
	struct err err = { 0 };
	struct arena a;
	struct followup_action fa = {
		.body_id = body_id(st, "fsn-fyn"),
		.what = "Udpege tovholder",
		.responsible_org_id = org_id(st, "ouh"),
		.due = 20261001,
	};
	assert_int_equal(store_action_save(st, &fa, &err), 0);
	assert_true(fa.id > 0);
	assert_int_equal(fa.status, ACTION_OPEN);
	assert_int_equal(fa.revision, 1);
	assert_true(case_action_overdue(&fa, TODAY));

	int64_t gen = store_generation(st);
	assert_int_equal(store_action_save(st, &fa, &err), 0);
	assert_int_equal(store_generation(st), gen);
	fa.status = ACTION_IN_PROGRESS;
	assert_int_equal(store_action_save(st, &fa, &err), 0);
	assert_int_equal(fa.revision, 2);
	fa.revision = 1;
	assert_int_equal(store_action_save(st, &fa, &err), ERR_CONFLICT);
	assert_string_equal(err.code, "stale");
	fa.revision = 2;

	store_actor_set("Sofie Engel");
	assert_int_equal(store_action_note_add(st, fa.id, "Rykket for svar", &err), 0);
	store_actor_set("test");
	assert_int_equal(store_action_note_add(st, fa.id, "", &err), ERR_INVALID);
	assert_int_equal(store_action_note_add(st, 999999, "x", &err),
			 ERR_NOT_FOUND);
	assert_int_equal(audit_count(st, "action", fa.id), 3);

	arena_init(&a);
	struct casework cw;
	assert_int_equal(store_casework_load(st, &a, &cw, &err), 0);
	assert_int_equal(cw.n_actions, 1);
	assert_int_equal(cw.actions[0].n_notes, 1);
	assert_string_equal(cw.actions[0].notes[0].author, "Sofie Engel");
	assert_string_equal(cw.actions[0].notes[0].text, "Rykket for svar");
	assert_int_equal(cw.actions[0].revision, 2);	/* a note is no save */
	assert_int_equal(cw.actions[0].responsible_org_id, org_id(st, "ouh"));

	struct followup_action bad = { .what = "", .body_id = fa.body_id };
	assert_int_equal(store_action_save(st, &bad, &err), ERR_INVALID);
	bad.what = "x";
	bad.responsible_person_id = 999999;
	assert_int_equal(store_action_save(st, &bad, &err), ERR_INVALID);
	assert_string_equal(err.code, "bad_reference");
	arena_free(&a);
}

static void test_initiatives(void **state)
{
	struct store *st = *state;
	struct err err = { 0 };
	struct arena a;
	struct initiative in = {
		.area_id = area_id(st, "klynge-sonderjylland"),
		.title = "Opfølgende hjemmebesøg",
		.what = "Et *fælles* besøg",
	};
	assert_int_equal(store_initiative_save(st, &in, &err), 0);
	assert_true(in.id > 0);
	assert_int_equal(in.revision, 1);
	int64_t gen = store_generation(st);
	assert_int_equal(store_initiative_save(st, &in, &err), 0);
	assert_int_equal(store_generation(st), gen);
	in.results = "Færre genindlæggelser";
	assert_int_equal(store_initiative_save(st, &in, &err), 0);
	assert_int_equal(in.revision, 2);
	in.revision = 1;
	assert_int_equal(store_initiative_save(st, &in, &err), ERR_CONFLICT);
	in.revision = 2;

	assert_int_equal(store_initiative_comment_add(st, in.id,
		area_id(st, "klynge-lillebaelt"), "Vi tager den op", &err), 0);
	assert_int_equal(store_initiative_comment_add(st, in.id, 0, "", &err),
			 ERR_INVALID);
	assert_int_equal(audit_count(st, "comment", 0), 1);

	struct attachment at = { .filename = "model.pdf",
				 .media_type = "application/pdf" };
	assert_int_equal(store_initiative_file_add(st, in.id, &at, "abc", 3,
						   &err), 0);
	assert_int_equal(strlen(at.token), 32);
	assert_string_equal(at.sha256, SHA256_ABC);
	assert_int_equal(at.position, 1);
	assert_int_equal(at.item_id, 0);

	arena_init(&a);
	struct store_blob b;
	assert_int_equal(store_blob_get(st, &a, at.token, &b, &err), 0);
	assert_int_equal(b.initiative_id, in.id);
	assert_int_equal(b.meeting_id, 0);
	assert_int_equal(b.item_id, 0);
	assert_int_equal(b.document_id, 0);
	assert_int_equal(b.len, 3);
	assert_memory_equal(b.data, "abc", 3);
	assert_string_equal(b.filename, "model.pdf");
	assert_string_equal(b.sha256, SHA256_ABC);
	assert_int_equal(store_blob_get(st, &a, "0123456789abcdef0123456789abcdef",
					&b, &err), ERR_NOT_FOUND);

	/* The audit log never keeps the token (the Historik may be public). */
	struct audit_entry *es;
	size_t n;
	assert_int_equal(store_audit_list(st, &a, "initiative", in.id, 0, 0, &es,
					  &n, &err), 0);
	assert_int_equal(n, 3);
	for (size_t i = 0; i < n; i++)
		assert_null(es[i].after ? strstr(es[i].after, at.token) : NULL);

	struct casework cw;
	assert_int_equal(store_casework_load(st, &a, &cw, &err), 0);
	assert_int_equal(cw.n_initiatives, 1);
	assert_int_equal(cw.initiatives[0].n_files, 1);
	assert_string_equal(cw.initiatives[0].files[0].token, at.token);
	assert_int_equal(cw.initiatives[0].files[0].size, 3);
	assert_int_equal(cw.initiatives[0].n_comments, 1);
	assert_string_equal(cw.initiatives[0].comments[0].author, "test");
	assert_string_equal(cw.initiatives[0].results, "Færre genindlæggelser");

	/* An area with initiatives cannot be dropped. */
	assert_int_equal(store_delete(st, STORE_AREA, in.area_id, &err),
			 ERR_CONFLICT);
	struct initiative bad = { .area_id = in.area_id, .title = "" };
	assert_int_equal(store_initiative_save(st, &bad, &err), ERR_INVALID);
	assert_int_equal(store_initiative_file_add(st, 999999, &at, "x", 1, &err),
			 ERR_NOT_FOUND);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_import_demo, setup, teardown),
		cmocka_unit_test_setup_teardown(test_import_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_case_save, setup, teardown),
		cmocka_unit_test_setup_teardown(test_case_steps, setup, teardown),
		cmocka_unit_test_setup_teardown(test_case_links, setup, teardown),
		cmocka_unit_test_setup_teardown(test_templates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_agreements, setup, teardown),
		cmocka_unit_test_setup_teardown(test_actions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_initiatives, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
