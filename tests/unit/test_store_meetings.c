/*
 * test_store_meetings.c - the store's meetings (store.h "meetings",
 * src/store/meetings.c, 0005_meetings.sql) on an in-memory database
 * holding tests/data/mini.json: saves and revisions, iCalendar sequence,
 * state events, item numbering, attachments and documents by token,
 * attendance, the checklist, the audit rows each write leaves, and the
 * references the structure may no longer drop. Run from the project root
 * (meson's workdir).
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

#define MINI "tests/data/mini.json"

/* sha256("abc"), FIPS 180-2 appendix B.1. */
#define SHA256_ABC \
	"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf b = BUF_INIT;
	char chunk[4096];
	size_t n;

	assert_non_null(f);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return buf_detach(&b);
}

static struct store *open_mini(void)
{
	struct store *st = NULL;
	struct arena a;
	struct structure s;
	struct err err = { 0 };
	size_t len;
	char *text = read_all(MINI, &len);

	if (store_open(&st, ":memory:", &err))
		fail_msg("store_open: %s", err.msg);
	arena_init(&a);
	if (structure_from_json(&a, text, len, &s, &err))
		fail_msg("parse: %s", err.msg);
	if (store_import(st, &s, &err))
		fail_msg("import: %s", err.msg);
	arena_free(&a);
	free(text);
	store_actor_set("test");
	return st;
}

/* The id of the body / membership / person with this key. */
static int64_t id_of(struct store *st, enum store_kind k, const char *key)
{
	struct arena a;
	struct structure s;
	struct err err = { 0 };
	int64_t id = 0;

	arena_init(&a);
	assert_int_equal(store_load(st, &a, &s, &err), 0);
#define FIND(arr, n)                                                       \
	for (size_t i = 0; i < s.n; i++)                                   \
		if (strcmp(s.arr[i].key, key) == 0)                        \
			id = s.arr[i].id;
	if (k == STORE_BODY) {
		FIND(bodies, n_bodies)
	} else if (k == STORE_MEMBERSHIP) {
		FIND(memberships, n_memberships)
	} else if (k == STORE_PERSON) {
		FIND(people, n_people)
	}
#undef FIND
	arena_free(&a);
	assert_true(id > 0);
	return id;
}

/* Audit rows of a kind (NULL: any) for a body (0: any). */
static size_t audit_count(struct store *st, const char *kind, int64_t body_id)
{
	struct arena a;
	struct audit_entry *rows;
	size_t n;
	struct err err = { 0 };

	arena_init(&a);
	assert_int_equal(store_audit_list(st, &a, kind, 0, body_id, 0, &rows,
					  &n, &err), 0);
	arena_free(&a);
	return n;
}

/* The newest audit row of a kind, copied into the arena. */
static struct audit_entry audit_newest(struct store *st, struct arena *a,
				       const char *kind)
{
	struct audit_entry *rows;
	size_t n;
	struct err err = { 0 };

	assert_int_equal(store_audit_list(st, a, kind, 0, 0, 1, &rows, &n,
					  &err), 0);
	assert_int_equal(n, 1);
	return rows[0];
}

/* A planned meeting of body on date, 14:00-16:00, with two tasks. */
static struct meeting new_meeting(struct store *st, int64_t body_id, int date)
{
	static struct meeting_task tasks[2];
	struct meeting m = { 0 };
	struct err err = { 0 };

	memset(tasks, 0, sizeof(tasks));
	tasks[0] = (struct meeting_task){ .position = 1, .key = "invite",
		.label = "Indkaldelse og lokale", .responsible = "Region Syddanmark",
		.due = 20220601 };
	tasks[1] = (struct meeting_task){ .position = 2, .key = "minutes",
		.label = "Referat", .responsible = "Kommunerne",
		.due = 20220630 };
	m.body_id = body_id;
	m.kind = MEETING_ORDINARY;
	m.title = "";
	m.date = date;
	m.start_min = 14 * 60;
	m.end_min = 16 * 60;
	m.place = "Regionshuset, Damhaven 12, 7100 Vejle";
	m.online_url = "";
	m.tasks = tasks;
	m.n_tasks = 2;
	if (store_meeting_save(st, &m, &err))
		fail_msg("meeting save: %s", err.msg);
	m.tasks = NULL;
	m.n_tasks = 0;
	return m;
}

static struct agenda_item new_item(struct store *st, int64_t meeting_id,
				   const char *title, int number)
{
	struct agenda_item it = { 0 };
	struct err err = { 0 };

	it.meeting_id = meeting_id;
	it.number = number;
	it.title = title;
	it.kind = ITEM_APPROVAL;
	it.summary = "Resumé";
	if (store_item_save(st, &it, &err))
		fail_msg("item save: %s", err.msg);
	return it;
}

/* ---- meetings ----------------------------------------------------------- */

static void test_meeting_create_get(void **state)
{
	(void)state;
	struct store *st = open_mini();
	int64_t body = id_of(st, STORE_BODY, "fs-sdj");
	struct meeting m = new_meeting(st, body, 20220623), g;
	struct arena a;
	struct err err = { 0 };

	assert_true(m.id > 0);
	assert_int_equal(m.state, MEETING_PLANNED);
	assert_int_equal(m.sequence, 0);
	assert_int_equal(m.revision, 1);

	arena_init(&a);
	assert_int_equal(store_meeting_get(st, &a, m.id, &g, &err), 0);
	assert_int_equal(g.id, m.id);
	assert_int_equal(g.body_id, body);
	assert_int_equal(g.kind, MEETING_ORDINARY);
	assert_int_equal(g.state, MEETING_PLANNED);
	assert_int_equal(g.date, 20220623);
	assert_int_equal(g.start_min, 840);
	assert_int_equal(g.end_min, 960);
	assert_string_equal(g.place, "Regionshuset, Damhaven 12, 7100 Vejle");
	assert_string_equal(g.title, "");
	assert_false(g.was_published);
	assert_int_equal(g.revision, 1);
	assert_int_equal(strlen(g.created), 20);
	assert_string_equal(g.created, g.modified);
	assert_int_equal(g.n_tasks, 2);
	assert_string_equal(g.tasks[0].key, "invite");
	assert_string_equal(g.tasks[0].label, "Indkaldelse og lokale");
	assert_string_equal(g.tasks[0].responsible, "Region Syddanmark");
	assert_int_equal(g.tasks[0].due, 20220601);
	assert_int_equal(g.tasks[1].position, 2);
	assert_false(g.tasks[1].done);
	assert_string_equal(g.tasks[1].done_by, "");
	assert_int_equal(g.n_events, 1);
	assert_int_equal(g.events[0].from, MEETING_STATE_NONE);
	assert_int_equal(g.events[0].to, MEETING_PLANNED);
	assert_string_equal(g.events[0].actor, "test");
	assert_int_equal(g.n_items, 0);
	assert_int_equal(g.n_attendance, 0);
	assert_int_equal(g.n_documents, 0);

	/* One "create" row for the meeting, in the body's Historik. */
	struct audit_entry e = audit_newest(st, &a, "meeting");
	assert_string_equal(e.action, "create");
	assert_int_equal(e.object_id, m.id);
	assert_int_equal(e.body_id, body);
	assert_string_equal(e.actor, "test");
	assert_null(e.before);
	assert_string_equal(e.after,
		"{\"id\":1,\"body_id\":4,\"kind\":\"ordinary\",\"state\":\"planned\","
		"\"title\":\"\",\"date\":\"2022-06-23\",\"start\":\"14:00\","
		"\"end\":\"16:00\",\"place\":\"Regionshuset, Damhaven 12, 7100 Vejle\","
		"\"online_url\":\"\",\"sequence\":0,\"was_published\":false}");

	assert_int_equal(store_meeting_get(st, &a, m.id + 100, &g, &err),
			 ERR_NOT_FOUND);
	arena_free(&a);
	store_close(st);
}

static void test_meeting_checks(void **state)
{
	(void)state;
	struct store *st = open_mini();
	int64_t body = id_of(st, STORE_BODY, "fs-sdj");
	struct meeting m = { .body_id = body, .date = 20220623,
			     .start_min = 600, .end_min = 720 };
	struct err err = { 0 };

	m.date = 20220231;
	assert_int_equal(store_meeting_save(st, &m, &err), ERR_INVALID);
	assert_string_equal(err.code, "bad_date");
	m.date = 20220623;
	m.end_min = 600;
	assert_int_equal(store_meeting_save(st, &m, &err), ERR_INVALID);
	assert_string_equal(err.code, "bad_time");
	m.end_min = 720;
	m.body_id = 0;
	assert_int_equal(store_meeting_save(st, &m, &err), ERR_INVALID);
	m.body_id = 999;
	assert_int_equal(store_meeting_save(st, &m, &err), ERR_INVALID);
	assert_string_equal(err.code, "bad_reference");
	assert_int_equal(m.id, 0);
	assert_int_equal(audit_count(st, "meeting", 0), 0);
	m.id = 77;
	m.body_id = body;
	assert_int_equal(store_meeting_save(st, &m, &err), ERR_NOT_FOUND);
	store_close(st);
}

static void test_meeting_update_sequence(void **state)
{
	(void)state;
	struct store *st = open_mini();
	int64_t body = id_of(st, STORE_BODY, "fs-sdj");
	struct meeting m = new_meeting(st, body, 20220623), g;
	struct arena a;
	struct err err = { 0 };
	int64_t gen;

	/* The title is not in the calendar's SEQUENCE rule. */
	m.title = "Møde i fagligt strategisk niveau";
	assert_int_equal(store_meeting_save(st, &m, &err), 0);
	assert_int_equal(m.revision, 2);
	assert_int_equal(m.sequence, 0);
	assert_int_equal(audit_count(st, "meeting", body), 2);

	/* Place, time, date and link are. */
	m.place = "Sygehus Sønderjylland, Aabenraa";
	assert_int_equal(store_meeting_save(st, &m, &err), 0);
	assert_int_equal(m.revision, 3);
	assert_int_equal(m.sequence, 1);
	m.start_min = 13 * 60;
	assert_int_equal(store_meeting_save(st, &m, &err), 0);
	assert_int_equal(m.sequence, 2);
	m.online_url = "https://video.example/abc";
	assert_int_equal(store_meeting_save(st, &m, &err), 0);
	assert_int_equal(m.sequence, 3);
	m.date = 20220624;
	assert_int_equal(store_meeting_save(st, &m, &err), 0);
	assert_int_equal(m.sequence, 4);
	assert_int_equal(m.revision, 6);

	/* The same values again: nothing written, no row, no generation. */
	gen = store_generation(st);
	size_t rows = audit_count(st, NULL, 0);
	assert_int_equal(store_meeting_save(st, &m, &err), 0);
	assert_int_equal(m.revision, 6);
	assert_int_equal(m.sequence, 4);
	assert_int_equal(audit_count(st, NULL, 0), rows);
	assert_int_equal(store_generation(st), gen);

	arena_init(&a);
	assert_int_equal(store_meeting_get(st, &a, m.id, &g, &err), 0);
	assert_string_equal(g.title, "Møde i fagligt strategisk niveau");
	assert_int_equal(g.sequence, 4);
	assert_int_equal(g.revision, 6);
	assert_int_equal(g.date, 20220624);
	assert_int_equal(g.n_tasks, 2);	/* untouched by updates */
	assert_int_equal(g.state, MEETING_PLANNED);
	struct audit_entry e = audit_newest(st, &a, "meeting");
	assert_string_equal(e.action, "update");
	assert_non_null(strstr(e.before, "\"date\":\"2022-06-23\""));
	assert_non_null(strstr(e.after, "\"date\":\"2022-06-24\""));
	arena_free(&a);
	store_close(st);
}

static void test_meeting_stale(void **state)
{
	(void)state;
	struct store *st = open_mini();
	int64_t body = id_of(st, STORE_BODY, "fs-sdj");
	struct meeting m = new_meeting(st, body, 20220623), other, g;
	struct arena a;
	struct err err = { 0 };

	other = m;
	other.title = "Først";
	assert_int_equal(store_meeting_save(st, &other, &err), 0);
	assert_int_equal(other.revision, 2);

	size_t rows = audit_count(st, NULL, 0);
	int64_t gen = store_generation(st);
	m.title = "Sidst";
	assert_int_equal(store_meeting_save(st, &m, &err), ERR_CONFLICT);
	assert_string_equal(err.code, "stale");
	assert_non_null(strstr(err.msg, "Nogen har ændret mødet"));
	assert_int_equal(audit_count(st, NULL, 0), rows);
	assert_int_equal(store_generation(st), gen);
	assert_int_equal(store_meeting_set_state(st, m.id, MEETING_INVITED, 1,
						 &err), ERR_CONFLICT);
	assert_string_equal(err.code, "stale");
	assert_int_equal(store_meeting_delete(st, m.id, 1, &err), ERR_CONFLICT);
	assert_string_equal(err.code, "stale");

	arena_init(&a);
	assert_int_equal(store_meeting_get(st, &a, m.id, &g, &err), 0);
	assert_string_equal(g.title, "Først");
	assert_int_equal(g.state, MEETING_PLANNED);

	/* revision 0 saves unconditionally. */
	m.revision = 0;
	assert_int_equal(store_meeting_save(st, &m, &err), 0);
	assert_int_equal(m.revision, 3);
	arena_free(&a);
	store_close(st);
}

static void test_meeting_states(void **state)
{
	(void)state;
	struct store *st = open_mini();
	int64_t body = id_of(st, STORE_BODY, "fs-sdj");
	struct meeting m = new_meeting(st, body, 20220623), g;
	struct arena a;
	struct err err = { 0 };
	static const enum meeting_state path[] = {
		MEETING_INVITED, MEETING_AGENDA_APPROVED, MEETING_PUBLISHED,
		MEETING_CANCELLED, MEETING_PLANNED,
	};
	int64_t rev = m.revision;

	store_actor_set("sekretariatet");
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(store_meeting_set_state(st, m.id, path[i], rev,
							 &err), 0);
		rev++;
	}
	arena_init(&a);
	assert_int_equal(store_meeting_get(st, &a, m.id, &g, &err), 0);
	assert_int_equal(g.state, MEETING_PUBLISHED);
	assert_true(g.was_published);
	assert_int_equal(g.sequence, 0);
	assert_int_equal(g.revision, rev);
	assert_int_equal(g.n_events, 4);
	assert_int_equal(g.events[3].from, MEETING_AGENDA_APPROVED);
	assert_int_equal(g.events[3].to, MEETING_PUBLISHED);
	assert_string_equal(g.events[3].actor, "sekretariatet");
	assert_int_equal(strlen(g.events[3].at), 20);
	/* The invitation went out with the move to invited: its checklist
	 * task is ticked off by the same actor (meeting_task_done_by_state);
	 * a task no state stands for ("minutes" here) is not. */
	assert_string_equal(g.tasks[0].key, "invite");
	assert_true(g.tasks[0].done);
	assert_string_equal(g.tasks[0].done_by, "sekretariatet");
	assert_false(g.tasks[1].done);
	struct audit_entry te = audit_newest(st, &a, "task");
	assert_string_equal(te.object_key, "invite");
	assert_string_equal(te.actor, "sekretariatet");

	/* Cancelling and planning again each move the SEQUENCE; was_published
	 * stays. */
	assert_int_equal(store_meeting_set_state(st, m.id, MEETING_CANCELLED,
						 rev++, &err), 0);
	assert_int_equal(store_meeting_set_state(st, m.id, MEETING_PLANNED,
						 rev++, &err), 0);
	assert_int_equal(store_meeting_get(st, &a, m.id, &g, &err), 0);
	assert_int_equal(g.state, MEETING_PLANNED);
	assert_true(g.was_published);
	assert_int_equal(g.sequence, 2);
	assert_int_equal(g.n_events, 6);
	assert_int_equal(g.events[4].to, MEETING_CANCELLED);
	assert_int_equal(g.events[5].from, MEETING_CANCELLED);

	/* The same state again writes nothing. */
	size_t rows = audit_count(st, "meeting", body);
	assert_int_equal(store_meeting_set_state(st, m.id, MEETING_PLANNED, 0,
						 &err), 0);
	assert_int_equal(audit_count(st, "meeting", body), rows);
	assert_int_equal(store_meeting_set_state(st, m.id, MEETING_STATE_NONE, 0,
						 &err), ERR_INVALID);
	assert_int_equal(store_meeting_set_state(st, m.id + 9, MEETING_HELD, 0,
						 &err), ERR_NOT_FOUND);

	struct audit_entry e = audit_newest(st, &a, "meeting");
	assert_string_equal(e.action, "update");
	assert_string_equal(e.actor, "sekretariatet");
	assert_non_null(strstr(e.before, "\"state\":\"cancelled\""));
	assert_non_null(strstr(e.after, "\"state\":\"planned\""));
	arena_free(&a);
	store_close(st);
}

static void test_meeting_delete(void **state)
{
	(void)state;
	struct store *st = open_mini();
	int64_t body = id_of(st, STORE_BODY, "fs-sdj");
	int64_t anna = id_of(st, STORE_MEMBERSHIP, "m-anna-fs");
	struct meeting m = new_meeting(st, body, 20220623), p, g;
	struct agenda_item it = new_item(st, m.id, "Punkt", 0);
	struct attachment at = { .item_id = it.id, .filename = "a.txt",
				 .media_type = "text/plain" };
	struct meeting_document d = { .meeting_id = m.id,
				      .kind = DOCUMENT_AGENDA };
	struct store_blob blob;
	struct arena a;
	struct err err = { 0 };

	arena_init(&a);
	assert_int_equal(store_attachment_add(st, &at, "abc", 3, &err), 0);
	assert_int_equal(store_document_add(st, &d, "%PDF", 4, &err), 0);
	assert_int_equal(store_attendance_set(st, m.id, anna, ATTEND_PRESENT, "",
					      &err), 0);
	const char *tok = at.token, *dtok = d.token;

	/* Never published: goes with everything it holds. */
	assert_int_equal(store_meeting_delete(st, m.id, m.revision, &err), 0);
	assert_int_equal(store_meeting_get(st, &a, m.id, &g, &err), ERR_NOT_FOUND);
	assert_int_equal(store_blob_get(st, &a, tok, &blob, &err), ERR_NOT_FOUND);
	assert_int_equal(store_blob_get(st, &a, dtok, &blob, &err), ERR_NOT_FOUND);
	struct audit_entry e = audit_newest(st, &a, "meeting");
	assert_string_equal(e.action, "delete");
	assert_int_equal(e.body_id, body);
	assert_non_null(e.before);
	assert_null(e.after);
	assert_int_equal(store_meeting_delete(st, m.id, 0, &err), ERR_NOT_FOUND);

	/* Published once: refused (cancel it), also after re-planning. */
	p = new_meeting(st, body, 20220901);
	assert_int_equal(store_meeting_set_state(st, p.id, MEETING_PUBLISHED, 0,
						 &err), 0);
	assert_int_equal(store_meeting_delete(st, p.id, 0, &err), ERR_CONFLICT);
	assert_string_equal(err.code, "published");
	assert_int_equal(store_meeting_set_state(st, p.id, MEETING_CANCELLED, 0,
						 &err), 0);
	assert_int_equal(store_meeting_set_state(st, p.id, MEETING_PLANNED, 0,
						 &err), 0);
	assert_int_equal(store_meeting_delete(st, p.id, 0, &err), ERR_CONFLICT);
	assert_int_equal(store_meeting_get(st, &a, p.id, &g, &err), 0);
	arena_free(&a);
	store_close(st);
}

/* ---- items -------------------------------------------------------------- */

/* The meeting's item titles in number order, joined by ",". */
static const char *titles(struct store *st, struct arena *a, int64_t id)
{
	struct meeting g;
	struct err err = { 0 };
	struct buf b = BUF_INIT;

	assert_int_equal(store_meeting_get(st, a, id, &g, &err), 0);
	for (size_t i = 0; i < g.n_items; i++) {
		assert_int_equal(g.items[i].number, (int)i + 1);
		buf_printf(&b, "%s%s", i ? "," : "", g.items[i].title);
	}
	const char *s = arena_strdup(a, b.len ? buf_str(&b) : "");
	buf_free(&b);
	return s;
}

static void test_items(void **state)
{
	(void)state;
	struct store *st = open_mini();
	int64_t body = id_of(st, STORE_BODY, "fs-sdj");
	int64_t person = id_of(st, STORE_PERSON, "p-carl");
	struct meeting m = new_meeting(st, body, 20220623), g;
	struct arena a;
	struct err err = { 0 };

	arena_init(&a);
	struct agenda_item i1 = new_item(st, m.id, "A", 0);
	struct agenda_item i2 = new_item(st, m.id, "B", 0);
	struct agenda_item i3 = new_item(st, m.id, "C", 0);
	assert_int_equal(i1.number, 1);
	assert_int_equal(i2.number, 2);
	assert_int_equal(i3.number, 3);
	assert_int_equal(i3.revision, 1);
	/* Inserted at a place: the rest move down; past the end: last. */
	struct agenda_item i4 = new_item(st, m.id, "D", 2);
	assert_int_equal(i4.number, 2);
	struct agenda_item i5 = new_item(st, m.id, "E", 99);
	assert_int_equal(i5.number, 5);
	assert_string_equal(titles(st, &a, m.id), "A,D,B,C,E");

	int64_t mid = 0;
	assert_int_equal(store_item_meeting(st, i3.id, &mid, &err), 0);
	assert_int_equal(mid, m.id);
	assert_int_equal(store_item_meeting(st, 999, &mid, &err), ERR_NOT_FOUND);
	assert_int_equal(mid, 0);

	/* Into no meeting. */
	struct agenda_item bad = { .meeting_id = 999, .title = "X" };
	assert_int_equal(store_item_save(st, &bad, &err), ERR_NOT_FOUND);
	bad.meeting_id = m.id;
	bad.handler_person_id = 999;
	assert_int_equal(store_item_save(st, &bad, &err), ERR_INVALID);
	assert_string_equal(err.code, "bad_reference");

	/* Update: every field, CAS on the revision, number kept. */
	struct agenda_item up = i2;
	up.title = "B2";
	up.case_number = "22/17744";
	up.kind = ITEM_DISCUSSION;
	up.closed = true;
	up.psychiatry = true;
	up.handler_person_id = person;
	up.summary = "Resumé 2";
	up.presentation = "**Sagsfremstilling**";
	up.recommended_by = "Administrationen indstiller, at";
	up.resolutions = "en\nto";
	up.dissent = "PLO tager forbehold";
	up.guests = "Gæst";
	up.decision = "Godkendt";
	up.outcome = OUTCOME_APPROVED;
	up.number = 1;		/* ignored: store_items_reorder moves items */
	assert_int_equal(store_item_save(st, &up, &err), 0);
	assert_int_equal(up.revision, 2);
	assert_int_equal(up.number, 3);
	assert_int_equal(store_meeting_get(st, &a, m.id, &g, &err), 0);
	struct agenda_item *b = &g.items[2];
	assert_int_equal(b->id, i2.id);
	assert_string_equal(b->title, "B2");
	assert_string_equal(b->case_number, "22/17744");
	assert_int_equal(b->kind, ITEM_DISCUSSION);
	assert_true(b->closed);
	assert_true(b->psychiatry);
	assert_int_equal(b->handler_person_id, person);
	assert_string_equal(b->summary, "Resumé 2");
	assert_string_equal(b->presentation, "**Sagsfremstilling**");
	assert_string_equal(b->recommended_by, "Administrationen indstiller, at");
	assert_string_equal(b->resolutions, "en\nto");
	assert_string_equal(b->dissent, "PLO tager forbehold");
	assert_string_equal(b->guests, "Gæst");
	assert_string_equal(b->decision, "Godkendt");
	assert_int_equal(b->outcome, OUTCOME_APPROVED);
	assert_int_equal(b->revision, 2);

	/* A stale copy writes nothing. */
	size_t rows = audit_count(st, "item", body);
	i2.title = "B3";
	assert_int_equal(store_item_save(st, &i2, &err), ERR_CONFLICT);
	assert_string_equal(err.code, "stale");
	assert_non_null(strstr(err.msg, "punktet"));
	assert_int_equal(audit_count(st, "item", body), rows);
	/* The same values again: no row, same revision. */
	assert_int_equal(store_item_save(st, &up, &err), 0);
	assert_int_equal(up.revision, 2);
	assert_int_equal(audit_count(st, "item", body), rows);
	struct audit_entry e = audit_newest(st, &a, "item");
	assert_string_equal(e.action, "update");
	assert_int_equal(e.body_id, body);
	assert_non_null(strstr(e.after, "\"case_number\":\"22/17744\""));
	assert_non_null(strstr(e.after, "\"outcome\":\"approved\""));

	/* Delete renumbers the rest 1..n. */
	assert_int_equal(store_item_delete(st, i4.id, 5, &err), ERR_CONFLICT);
	assert_int_equal(store_item_delete(st, i4.id, i4.revision, &err), 0);
	assert_string_equal(titles(st, &a, m.id), "A,B2,C,E");
	assert_int_equal(store_item_delete(st, i4.id, 0, &err), ERR_NOT_FOUND);
	e = audit_newest(st, &a, "item");
	assert_string_equal(e.action, "delete");

	/* Reorder: exactly the meeting's items, each once. */
	int64_t missing[] = { i1.id, i2.id, i3.id };
	int64_t twice[] = { i1.id, i2.id, i3.id, i3.id };
	int64_t foreign[] = { i1.id, i2.id, i3.id, i4.id };
	int64_t good[] = { i5.id, i3.id, i1.id, i2.id };
	rows = audit_count(st, NULL, 0);
	assert_int_equal(store_items_reorder(st, m.id, missing, 3, &err),
			 ERR_INVALID);
	assert_string_equal(err.code, "bad_order");
	assert_int_equal(store_items_reorder(st, m.id, twice, 4, &err),
			 ERR_INVALID);
	assert_int_equal(store_items_reorder(st, m.id, foreign, 4, &err),
			 ERR_INVALID);
	assert_int_equal(store_items_reorder(st, m.id, NULL, 0, &err),
			 ERR_INVALID);
	assert_int_equal(store_items_reorder(st, 999, good, 4, &err),
			 ERR_NOT_FOUND);
	assert_int_equal(audit_count(st, NULL, 0), rows);
	assert_string_equal(titles(st, &a, m.id), "A,B2,C,E");
	assert_int_equal(store_items_reorder(st, m.id, good, 4, &err), 0);
	assert_string_equal(titles(st, &a, m.id), "E,C,A,B2");
	/* One row per item that moved (all four here); no revision moves, so
	 * an open edit form stays valid. */
	assert_int_equal(audit_count(st, NULL, 0), rows + 4);
	assert_int_equal(store_meeting_get(st, &a, m.id, &g, &err), 0);
	assert_int_equal(g.items[3].revision, 2);
	assert_int_equal(g.items[0].revision, 1);
	up.title = "B4";
	assert_int_equal(store_item_save(st, &up, &err), 0);
	assert_int_equal(up.number, 4);
	/* The same order again: nothing. */
	rows = audit_count(st, NULL, 0);
	assert_int_equal(store_items_reorder(st, m.id, good, 4, &err), 0);
	assert_int_equal(audit_count(st, NULL, 0), rows);
	arena_free(&a);
	store_close(st);
}

/* ---- attachments and documents ------------------------------------------ */

static void test_attachments(void **state)
{
	(void)state;
	struct store *st = open_mini();
	int64_t body = id_of(st, STORE_BODY, "fs-sdj");
	struct meeting m = new_meeting(st, body, 20220623), g;
	struct agenda_item it = new_item(st, m.id, "Punkt", 0);
	struct attachment a1 = { .item_id = it.id, .filename = "bilag 1.pdf",
				 .media_type = "application/pdf" };
	struct attachment a2 = { .item_id = it.id, .filename = "tom.txt",
				 .media_type = "text/plain" };
	struct attachment a3 = { .item_id = it.id, .filename = "c.txt",
				 .media_type = "text/plain" };
	struct store_blob blob;
	struct arena a;
	struct err err = { 0 };

	arena_init(&a);
	assert_int_equal(store_attachment_add(st, &a1, "abc", 3, &err), 0);
	assert_true(a1.id > 0);
	assert_int_equal(a1.position, 1);
	assert_int_equal(a1.size, 3);
	assert_string_equal(a1.sha256, SHA256_ABC);
	assert_int_equal(strlen(a1.token), 32);
	assert_int_equal(strspn(a1.token, "0123456789abcdef"), 32);
	assert_int_equal(strlen(a1.created), 20);
	assert_int_equal(store_attachment_add(st, &a2, NULL, 0, &err), 0);
	assert_int_equal(a2.position, 2);
	assert_string_equal(a2.sha256,
		"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	assert_string_not_equal(a1.token, a2.token);
	assert_int_equal(store_attachment_add(st, &a3, "xyz", 3, &err), 0);
	struct attachment none = { .item_id = 999, .filename = "x" };
	assert_int_equal(store_attachment_add(st, &none, "x", 1, &err),
			 ERR_NOT_FOUND);

	/* The bytes by token, with what they belong to. */
	assert_int_equal(store_blob_get(st, &a, a1.token, &blob, &err), 0);
	assert_int_equal(blob.len, 3);
	assert_memory_equal(blob.data, "abc", 3);
	assert_int_equal(blob.meeting_id, m.id);
	assert_int_equal(blob.item_id, it.id);
	assert_int_equal(blob.attachment_id, a1.id);
	assert_int_equal(blob.document_id, 0);
	assert_string_equal(blob.filename, "bilag 1.pdf");
	assert_string_equal(blob.media_type, "application/pdf");
	assert_string_equal(blob.sha256, SHA256_ABC);
	assert_int_equal(store_blob_get(st, &a, a2.token, &blob, &err), 0);
	assert_int_equal(blob.len, 0);

	/* Anything but 32 lowercase hex is not found (and never queried). */
	char upper[33];
	snprintf(upper, sizeof(upper), "%s", a1.token);
	for (char *p = upper; *p; p++)
		if (*p >= 'a' && *p <= 'f')
			*p = (char)(*p - 'a' + 'A');
	const char *bad[] = {
		NULL, "", "abc", "0123456789abcdef0123456789abcde",
		"0123456789abcdef0123456789abcdef0", "../../etc/passwd",
		"0123456789abcdef0123456789abcdeg", "' OR 1=1 --",
		"0123456789abcdef0123456789abcdef", strcmp(upper, a1.token) ? upper
									 : "X",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err_clear(&err);
		assert_int_equal(store_blob_get(st, &a, bad[i], &blob, &err),
				 ERR_NOT_FOUND);
		assert_string_equal(err.code, "not_found");
		assert_null(blob.data);
	}

	/* The meeting carries the metadata, in position order. */
	assert_int_equal(store_meeting_get(st, &a, m.id, &g, &err), 0);
	assert_int_equal(g.items[0].n_attachments, 3);
	assert_string_equal(g.items[0].attachments[0].token, a1.token);
	assert_string_equal(g.items[0].attachments[1].filename, "tom.txt");
	assert_int_equal(g.items[0].attachments[2].position, 3);
	assert_int_equal(g.items[0].attachments[0].size, 3);

	/* Audit: metadata only, never the token or the bytes. */
	struct audit_entry e = audit_newest(st, &a, "attachment");
	assert_string_equal(e.action, "create");
	assert_int_equal(e.body_id, body);
	assert_int_equal(e.object_id, a3.id);
	assert_null(strstr(e.after, a3.token));
	assert_null(strstr(e.after, "xyz"));
	assert_non_null(strstr(e.after, "\"filename\":\"c.txt\""));

	/* Delete renumbers the positions. */
	assert_int_equal(store_attachment_delete(st, a1.id, &err), 0);
	assert_int_equal(store_attachment_delete(st, a1.id, &err), ERR_NOT_FOUND);
	assert_int_equal(store_blob_get(st, &a, a1.token, &blob, &err),
			 ERR_NOT_FOUND);
	assert_int_equal(store_meeting_get(st, &a, m.id, &g, &err), 0);
	assert_int_equal(g.items[0].n_attachments, 2);
	assert_int_equal(g.items[0].attachments[0].id, a2.id);
	assert_int_equal(g.items[0].attachments[0].position, 1);
	assert_int_equal(g.items[0].attachments[1].position, 2);
	e = audit_newest(st, &a, "attachment");
	assert_string_equal(e.action, "delete");
	assert_null(e.after);

	/* Deleting the item takes its attachments. */
	assert_int_equal(store_item_delete(st, it.id, 0, &err), 0);
	assert_int_equal(store_blob_get(st, &a, a3.token, &blob, &err),
			 ERR_NOT_FOUND);
	arena_free(&a);
	store_close(st);
}

static void test_documents(void **state)
{
	(void)state;
	struct store *st = open_mini();
	int64_t body = id_of(st, STORE_BODY, "fs-sdj");
	struct meeting m = new_meeting(st, body, 20220623), g;
	struct store_blob blob;
	struct arena a;
	struct err err = { 0 };
	struct {
		enum document_kind kind;
		bool pub;
		int version;
	} want[] = {
		{ DOCUMENT_AGENDA, false, 1 }, { DOCUMENT_AGENDA, true, 1 },
		{ DOCUMENT_AGENDA, false, 2 }, { DOCUMENT_AGENDA, true, 2 },
		{ DOCUMENT_MINUTES, false, 1 }, { DOCUMENT_MINUTES, true, 1 },
	};
	const char *tokens[6];

	arena_init(&a);
	store_actor_set("anna (sekretær)");
	for (size_t i = 0; i < 6; i++) {
		struct meeting_document d = { .meeting_id = m.id,
					      .kind = want[i].kind,
					      .public_edition = want[i].pub };
		assert_int_equal(store_document_add(st, &d, "abc", 3, &err), 0);
		assert_int_equal(d.version, want[i].version);
		assert_string_equal(d.sha256, SHA256_ABC);
		assert_int_equal(d.size, 3);
		assert_int_equal(strlen(d.token), 32);
		assert_string_equal(d.created_by, "anna (sekretær)");
		tokens[i] = d.token;
	}
	struct meeting_document none = { .meeting_id = m.id };
	assert_int_equal(store_document_add(st, &none, "x", 1, &err), ERR_INVALID);
	none.kind = DOCUMENT_MINUTES;
	none.meeting_id = 999;
	assert_int_equal(store_document_add(st, &none, "x", 1, &err),
			 ERR_NOT_FOUND);

	assert_int_equal(store_meeting_get(st, &a, m.id, &g, &err), 0);
	assert_int_equal(g.n_documents, 6);
	assert_int_equal(g.documents[2].version, 2);
	assert_false(g.documents[2].public_edition);
	assert_true(g.documents[5].public_edition);
	assert_int_equal(g.documents[5].kind, DOCUMENT_MINUTES);
	assert_string_equal(g.documents[0].created_by, "anna (sekretær)");

	assert_int_equal(store_blob_get(st, &a, tokens[2], &blob, &err), 0);
	assert_int_equal(blob.document_id, g.documents[2].id);
	assert_int_equal(blob.meeting_id, m.id);
	assert_int_equal(blob.attachment_id, 0);
	assert_false(blob.public_edition);
	assert_string_equal(blob.filename, "dagsorden-v2.pdf");
	assert_string_equal(blob.media_type, "application/pdf");
	assert_memory_equal(blob.data, "abc", 3);
	assert_int_equal(store_blob_get(st, &a, tokens[5], &blob, &err), 0);
	assert_true(blob.public_edition);
	assert_string_equal(blob.filename, "referat-v1-offentlig.pdf");

	struct audit_entry e = audit_newest(st, &a, "document");
	assert_string_equal(e.action, "create");
	assert_int_equal(e.body_id, body);
	assert_null(strstr(e.after, tokens[5]));
	assert_non_null(strstr(e.after, "\"kind\":\"minutes\""));
	arena_free(&a);
	store_close(st);
}

/* ---- attendance and the checklist --------------------------------------- */

static void test_attendance(void **state)
{
	(void)state;
	struct store *st = open_mini();
	int64_t body = id_of(st, STORE_BODY, "fs-sdj");
	int64_t anna = id_of(st, STORE_MEMBERSHIP, "m-anna-fs");
	int64_t carl = id_of(st, STORE_MEMBERSHIP, "m-carl-fs");
	int64_t anna_pol = id_of(st, STORE_MEMBERSHIP, "m-anna-pol");
	struct meeting m = new_meeting(st, body, 20230623), g;
	struct arena a;
	struct err err = { 0 };

	arena_init(&a);
	assert_int_equal(store_attendance_set(st, m.id, anna, ATTEND_PRESENT,
					      NULL, &err), 0);
	assert_int_equal(store_attendance_set(st, m.id, carl, ATTEND_APOLOGY,
					      "syg", &err), 0);
	size_t rows = audit_count(st, "attendance", body);
	assert_int_equal(rows, 2);
	/* The same again: nothing. */
	assert_int_equal(store_attendance_set(st, m.id, anna, ATTEND_PRESENT, "",
					      &err), 0);
	assert_int_equal(audit_count(st, "attendance", body), rows);
	/* Replaced per membership, not added. */
	assert_int_equal(store_attendance_set(st, m.id, anna, ATTEND_PRESENT,
					      "deltog virtuelt", &err), 0);
	assert_int_equal(audit_count(st, "attendance", body), rows + 1);
	struct audit_entry e = audit_newest(st, &a, "attendance");
	assert_string_equal(e.action, "update");
	assert_string_equal(e.object_key, "m-anna-fs");
	assert_non_null(strstr(e.after, "\"note\":\"deltog virtuelt\""));

	assert_int_equal(store_meeting_get(st, &a, m.id, &g, &err), 0);
	assert_int_equal(g.n_attendance, 2);
	assert_int_equal(g.attendance[0].membership_id, anna);
	assert_int_equal(g.attendance[0].status, ATTEND_PRESENT);
	assert_string_equal(g.attendance[0].note, "deltog virtuelt");
	assert_int_equal(g.attendance[1].membership_id, carl);
	assert_int_equal(g.attendance[1].status, ATTEND_APOLOGY);
	assert_string_equal(g.attendance[1].note, "syg");

	/* Not recorded any more: the row goes. */
	assert_int_equal(store_attendance_set(st, m.id, carl, ATTEND_NONE, "",
					      &err), 0);
	assert_int_equal(store_meeting_get(st, &a, m.id, &g, &err), 0);
	assert_int_equal(g.n_attendance, 1);
	e = audit_newest(st, &a, "attendance");
	assert_string_equal(e.action, "delete");

	/* Another body's membership, no membership, no meeting. */
	assert_int_equal(store_attendance_set(st, m.id, anna_pol, ATTEND_PRESENT,
					      "", &err), ERR_INVALID);
	assert_string_equal(err.code, "wrong_body");
	assert_int_equal(store_attendance_set(st, m.id, 999, ATTEND_PRESENT, "",
					      &err), ERR_INVALID);
	assert_string_equal(err.code, "bad_reference");
	assert_int_equal(store_attendance_set(st, 999, anna, ATTEND_PRESENT, "",
					      &err), ERR_NOT_FOUND);
	assert_int_equal(store_attendance_set(st, m.id, anna, ATTEND__COUNT, "",
					      &err), ERR_INVALID);

	/* A membership with recorded attendance cannot vanish. */
	assert_int_equal(store_delete(st, STORE_MEMBERSHIP, anna, &err),
			 ERR_CONFLICT);
	assert_string_equal(err.code, "in_use");
	arena_free(&a);
	store_close(st);
}

static void test_tasks(void **state)
{
	(void)state;
	struct store *st = open_mini();
	int64_t body = id_of(st, STORE_BODY, "fs-sdj");
	struct meeting m = new_meeting(st, body, 20220623), g;
	struct arena a;
	struct err err = { 0 };

	arena_init(&a);
	assert_int_equal(store_meeting_get(st, &a, m.id, &g, &err), 0);
	int64_t t = g.tasks[0].id;

	store_actor_set("bo (sekretariat)");
	assert_int_equal(store_task_set_done(st, t, true, &err), 0);
	assert_int_equal(store_meeting_get(st, &a, m.id, &g, &err), 0);
	assert_true(g.tasks[0].done);
	assert_string_equal(g.tasks[0].done_by, "bo (sekretariat)");
	assert_int_equal(strlen(g.tasks[0].done_at), 20);
	assert_false(g.tasks[1].done);
	struct audit_entry e = audit_newest(st, &a, "task");
	assert_string_equal(e.action, "update");
	assert_string_equal(e.object_key, "invite");
	assert_int_equal(e.body_id, body);
	assert_non_null(strstr(e.after, "\"done\":true"));

	/* Done again: nothing. */
	size_t rows = audit_count(st, "task", body);
	assert_int_equal(store_task_set_done(st, t, true, &err), 0);
	assert_int_equal(audit_count(st, "task", body), rows);

	assert_int_equal(store_task_set_done(st, t, false, &err), 0);
	assert_int_equal(store_meeting_get(st, &a, m.id, &g, &err), 0);
	assert_false(g.tasks[0].done);
	assert_string_equal(g.tasks[0].done_by, "");
	assert_string_equal(g.tasks[0].done_at, "");
	assert_int_equal(audit_count(st, "task", body), rows + 1);
	assert_int_equal(store_task_set_done(st, 999, true, &err), ERR_NOT_FOUND);
	arena_free(&a);
	store_close(st);
}

/* ---- audit, references, lists, generation ------------------------------- */

static void test_audit_every_kind(void **state)
{
	(void)state;
	struct store *st = open_mini();
	int64_t body = id_of(st, STORE_BODY, "fs-sdj");
	int64_t other = id_of(st, STORE_BODY, "pol-sdj");
	int64_t anna = id_of(st, STORE_MEMBERSHIP, "m-anna-fs");
	struct meeting m = new_meeting(st, body, 20220623), g;
	struct agenda_item it = new_item(st, m.id, "Punkt", 0);
	struct attachment at = { .item_id = it.id, .filename = "a",
				 .media_type = "text/plain" };
	struct meeting_document d = { .meeting_id = m.id,
				      .kind = DOCUMENT_AGENDA };
	struct arena a;
	struct err err = { 0 };
	static const char *const kinds[] = {
		"meeting", "item", "attachment", "attendance", "task", "document",
	};

	arena_init(&a);
	new_meeting(st, other, 20220701);
	assert_int_equal(store_attachment_add(st, &at, "a", 1, &err), 0);
	assert_int_equal(store_attendance_set(st, m.id, anna, ATTEND_PRESENT, "",
					      &err), 0);
	assert_int_equal(store_meeting_get(st, &a, m.id, &g, &err), 0);
	assert_int_equal(store_task_set_done(st, g.tasks[1].id, true, &err), 0);
	assert_int_equal(store_document_add(st, &d, "%PDF", 4, &err), 0);

	/* Each kind once, all in fs-sdj's Historik; the other body's meeting
	 * only in its own. */
	for (size_t i = 0; i < 6; i++) {
		struct audit_entry *rows;
		size_t n;
		assert_int_equal(store_audit_list(st, &a, kinds[i], 0, body, 0,
						  &rows, &n, &err), 0);
		assert_int_equal(n, 1);
		assert_int_equal(rows[0].body_id, body);
		assert_string_equal(rows[0].actor, "test");
		assert_non_null(rows[0].after);
	}
	assert_int_equal(audit_count(st, NULL, body), 6);
	assert_int_equal(audit_count(st, "meeting", other), 1);
	assert_string_equal(store_audit_action_label("update"), "ændret");
	arena_free(&a);
	store_close(st);
}

static void test_structure_references(void **state)
{
	(void)state;
	struct store *st = open_mini();
	int64_t person = id_of(st, STORE_PERSON, "p-carl");
	struct body b = { .name = "Midlertidig gruppe", .key = "midl",
			  .kind = BODY_ADHOC_GROUP, .formal = true,
			  .short_name = "", .description = "" };
	struct err err = { 0 };

	assert_int_equal(store_body_save(st, &b, &err), 0);
	struct meeting m = new_meeting(st, b.id, 20220623);
	assert_int_equal(store_delete(st, STORE_BODY, b.id, &err), ERR_CONFLICT);
	assert_string_equal(err.code, "in_use");
	assert_non_null(strstr(err.msg, "Forummet kan ikke slettes"));

	/* A case handler cannot vanish either. */
	struct agenda_item it = new_item(st, m.id, "Punkt", 0);
	it.handler_person_id = person;
	assert_int_equal(store_item_save(st, &it, &err), 0);
	assert_int_equal(store_meeting_delete(st, m.id, 0, &err), 0);
	assert_int_equal(store_delete(st, STORE_BODY, b.id, &err), 0);
	store_close(st);
}

static void test_lists(void **state)
{
	(void)state;
	struct store *st = open_mini();
	int64_t fs = id_of(st, STORE_BODY, "fs-sdj");
	int64_t pol = id_of(st, STORE_BODY, "pol-sdj");
	int64_t anna = id_of(st, STORE_PERSON, "p-anna");
	int64_t bo = id_of(st, STORE_PERSON, "p-bo");
	int64_t dorte = id_of(st, STORE_PERSON, "p-dorte");
	struct meeting *ms;
	size_t n;
	struct arena a;
	struct err err = { 0 };

	arena_init(&a);
	/* fs-sdj memberships start 2022-09-01 (Bo's ends 2025-12-31); Anna
	 * sits in pol-sdj from 2022-06-23, Dorte in fs-sdj from 2023-01-01. */
	struct meeting m1 = new_meeting(st, fs, 20230201);
	struct meeting m0 = new_meeting(st, fs, 20220601);
	struct meeting m2 = new_meeting(st, fs, 20260301);
	struct meeting p1 = new_meeting(st, pol, 20220701);
	struct meeting same_day = new_meeting(st, fs, 20230201);
	struct meeting_document d = { .meeting_id = m1.id,
				      .kind = DOCUMENT_AGENDA };
	int64_t membership = id_of(st, STORE_MEMBERSHIP, "m-anna-fs");
	new_item(st, m1.id, "Et", 0);
	new_item(st, m1.id, "To", 0);
	new_item(st, m2.id, "Tre", 0);
	assert_int_equal(store_document_add(st, &d, "x", 1, &err), 0);
	assert_int_equal(store_attendance_set(st, m1.id, membership,
					      ATTEND_PRESENT, "", &err), 0);
	assert_int_equal(store_meeting_set_state(st, m1.id, MEETING_INVITED, 0,
						 &err), 0);
	/* An earlier start the same day comes first. */
	same_day.start_min = 9 * 60;
	same_day.end_min = 10 * 60;
	assert_int_equal(store_meeting_save(st, &same_day, &err), 0);

	assert_int_equal(store_meeting_list(st, &a, fs, 0, 0, &ms, &n, &err), 0);
	assert_int_equal(n, 4);
	assert_int_equal(ms[0].id, m0.id);
	assert_int_equal(ms[1].id, same_day.id);
	assert_int_equal(ms[2].id, m1.id);
	assert_int_equal(ms[3].id, m2.id);
	/* Shallow: items without texts, documents and events; no attendance
	 * or tasks. */
	assert_int_equal(ms[2].n_items, 2);
	assert_string_equal(ms[2].items[0].title, "Et");
	assert_string_equal(ms[2].items[1].title, "To");
	assert_int_equal(ms[2].items[1].number, 2);
	assert_int_equal(ms[2].items[0].kind, ITEM_APPROVAL);
	assert_string_equal(ms[2].items[0].summary, "");
	assert_int_equal(ms[2].items[0].n_attachments, 0);
	assert_int_equal(ms[2].n_documents, 1);
	assert_int_equal(ms[2].n_events, 2);
	assert_int_equal(ms[2].state, MEETING_INVITED);
	assert_int_equal(ms[2].n_attendance, 0);
	assert_int_equal(ms[2].n_tasks, 0);
	assert_int_equal(ms[3].n_items, 1);
	assert_string_equal(ms[3].items[0].title, "Tre");
	assert_int_equal(ms[0].n_items, 0);
	assert_int_equal(ms[0].n_events, 1);

	/* Date range, both ends inclusive; all bodies. */
	assert_int_equal(store_meeting_list(st, &a, fs, 20220601, 20230201, &ms,
					    &n, &err), 0);
	assert_int_equal(n, 3);
	assert_int_equal(store_meeting_list(st, &a, 0, 20220602, 0, &ms, &n,
					    &err), 0);
	assert_int_equal(n, 4);
	assert_int_equal(ms[0].id, p1.id);
	assert_int_equal(store_meeting_list(st, &a, 999, 0, 0, &ms, &n, &err), 0);
	assert_int_equal(n, 0);
	assert_null(ms);

	/* The person's meetings: bodies where a membership is active on the
	 * meeting's date. */
	assert_int_equal(store_meeting_list_person(st, &a, anna, 0, 0, &ms, &n,
						   &err), 0);
	assert_int_equal(n, 4);
	assert_int_equal(ms[0].id, p1.id);
	assert_int_equal(ms[1].id, same_day.id);
	assert_int_equal(ms[2].id, m1.id);
	assert_int_equal(ms[3].id, m2.id);
	assert_int_equal(ms[2].n_items, 2);
	assert_int_equal(store_meeting_list_person(st, &a, bo, 0, 0, &ms, &n,
						   &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(ms[0].id, same_day.id);
	assert_int_equal(ms[1].id, m1.id);
	assert_int_equal(store_meeting_list_person(st, &a, dorte, 20230101, 0,
						   &ms, &n, &err), 0);
	assert_int_equal(n, 3);
	assert_int_equal(store_meeting_list_person(st, &a, anna, 0, 20221231,
						   &ms, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(store_meeting_list_person(st, &a, 999, 0, 0, &ms, &n,
						   &err), 0);
	assert_int_equal(n, 0);
	arena_free(&a);
	store_close(st);
}

static void test_generation(void **state)
{
	(void)state;
	struct store *st = open_mini();
	int64_t body = id_of(st, STORE_BODY, "fs-sdj");
	int64_t g0 = store_generation(st);
	struct meeting m = new_meeting(st, body, 20220623);
	int64_t g1 = store_generation(st);
	struct err err = { 0 };

	assert_true(g1 > g0);
	struct agenda_item it = new_item(st, m.id, "Punkt", 0);
	int64_t g2 = store_generation(st);
	assert_true(g2 > g1);
	assert_int_equal(store_item_save(st, &it, &err), 0);	/* no-op */
	assert_int_equal(store_generation(st), g2);
	assert_int_equal(store_meeting_set_state(st, m.id, MEETING_INVITED, 0,
						 &err), 0);
	assert_true(store_generation(st) > g2);
	int64_t g3 = store_generation(st);
	/* A failed write leaves it. */
	assert_int_equal(store_meeting_delete(st, m.id, 1, &err), ERR_CONFLICT);
	assert_int_equal(store_generation(st), g3);
	store_close(st);
}

/* Every code of the meeting enums fits the CHECK lists of 0005. */
static void test_enum_codes_fit_schema(void **state)
{
	(void)state;
	struct store *st = open_mini();
	int64_t body = id_of(st, STORE_BODY, "fs-sdj");
	int64_t anna = id_of(st, STORE_MEMBERSHIP, "m-anna-fs");
	struct meeting m = new_meeting(st, body, 20220623), g;
	struct arena a;
	struct err err = { 0 };

	arena_init(&a);
	for (int k = 0; k < MEETING_KIND__COUNT; k++) {
		m.kind = (enum meeting_kind)k;
		if (store_meeting_save(st, &m, &err))
			fail_msg("meeting kind %d: %s", k, err.msg);
	}
	for (int s = 1; s < MEETING_STATE__COUNT; s++)
		if (store_meeting_set_state(st, m.id, (enum meeting_state)s, 0,
					    &err))
			fail_msg("state %d: %s", s, err.msg);
	struct agenda_item it = new_item(st, m.id, "Punkt", 0);
	for (int k = 0; k < ITEM_KIND__COUNT; k++) {
		it.kind = (enum item_kind)k;
		if (store_item_save(st, &it, &err))
			fail_msg("item kind %d: %s", k, err.msg);
	}
	for (int o = 0; o < OUTCOME__COUNT; o++) {
		it.outcome = (enum item_outcome)o;
		if (store_item_save(st, &it, &err))
			fail_msg("outcome %d: %s", o, err.msg);
	}
	for (int s = 0; s < ATTEND__COUNT; s++)
		if (store_attendance_set(st, m.id, anna,
					 (enum attendance_status)s, "", &err))
			fail_msg("attendance %d: %s", s, err.msg);
	for (int k = 1; k < DOCUMENT_KIND__COUNT; k++) {
		struct meeting_document d = { .meeting_id = m.id,
					      .kind = (enum document_kind)k };
		if (store_document_add(st, &d, "x", 1, &err))
			fail_msg("document kind %d: %s", k, err.msg);
	}
	assert_int_equal(store_meeting_get(st, &a, m.id, &g, &err), 0);
	assert_int_equal(g.kind, MEETING_KIND__COUNT - 1);
	assert_int_equal(g.state, MEETING_STATE__COUNT - 1);
	assert_int_equal(g.items[0].kind, ITEM_KIND__COUNT - 1);
	assert_int_equal(g.items[0].outcome, OUTCOME__COUNT - 1);
	assert_int_equal(g.n_attendance, 1);
	assert_int_equal(g.attendance[0].status, ATTEND__COUNT - 1);
	arena_free(&a);
	store_close(st);
}

/* The JSON shape other layers read (API base, audit before/after). */
static void test_fields_json(void **state)
{
	(void)state;
	struct meeting m = { .id = 3, .body_id = 2, .kind = MEETING_KIND_NONE,
			     .state = MEETING_PUBLISHED, .title = "Møde \"x\"",
			     .date = 20220623, .start_min = 870, .end_min = 960,
			     .place = NULL, .online_url = "", .sequence = 2,
			     .was_published = true };
	struct agenda_item it = { .id = 9, .meeting_id = 3, .number = 1,
				  .title = "Godkendelse af referat",
				  .case_number = "22/17744",
				  .kind = ITEM_INFORMATION, .closed = true,
				  .outcome = OUTCOME_NOTED };
	struct buf b = BUF_INIT;

	assert_int_equal(meeting_fields_json(&m, &b), 0);
	assert_string_equal(buf_str(&b),
		"{\"id\":3,\"body_id\":2,\"kind\":null,\"state\":\"published\","
		"\"title\":\"Møde \\\"x\\\"\",\"date\":\"2022-06-23\","
		"\"start\":\"14:30\",\"end\":\"16:00\",\"place\":\"\","
		"\"online_url\":\"\",\"sequence\":2,\"was_published\":true}");
	buf_reset(&b);
	assert_int_equal(item_fields_json(&it, &b), 0);
	assert_string_equal(buf_str(&b),
		"{\"id\":9,\"meeting_id\":3,\"number\":1,"
		"\"title\":\"Godkendelse af referat\",\"case_number\":\"22/17744\","
		"\"kind\":\"information\",\"closed\":true,\"psychiatry\":false,"
		"\"handler_person_id\":null,\"summary\":\"\",\"presentation\":\"\","
		"\"recommended_by\":\"\",\"resolutions\":\"\",\"dissent\":\"\","
		"\"guests\":\"\",\"decision\":\"\",\"outcome\":\"noted\"}");
	/* Not UTF-8: replaced, never a failure. */
	buf_reset(&b);
	it.title = "bad \xff byte";
	assert_int_equal(item_fields_json(&it, &b), 0);
	assert_non_null(strstr(buf_str(&b), "bad \xEF\xBF\xBD byte"));
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_meeting_create_get),
		cmocka_unit_test(test_meeting_checks),
		cmocka_unit_test(test_meeting_update_sequence),
		cmocka_unit_test(test_meeting_stale),
		cmocka_unit_test(test_meeting_states),
		cmocka_unit_test(test_meeting_delete),
		cmocka_unit_test(test_items),
		cmocka_unit_test(test_attachments),
		cmocka_unit_test(test_documents),
		cmocka_unit_test(test_attendance),
		cmocka_unit_test(test_tasks),
		cmocka_unit_test(test_audit_every_kind),
		cmocka_unit_test(test_structure_references),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_generation),
		cmocka_unit_test(test_enum_codes_fit_schema),
		cmocka_unit_test(test_fields_json),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
