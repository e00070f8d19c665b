/*
 * casework.c - cases, their flow steps and agenda-item links, flow
 * templates, health agreements, follow-up actions with notes and shared
 * initiatives with comments and files on SQLite (store.h, "casework";
 * tables in 0008_casework.sql).
 *
 * Same rules as meetings.c: every call holds the store's lock for its
 * whole duration, every statement is a constant string with bound
 * values, every write is one BEGIN IMMEDIATE transaction that also
 * writes its audit row(s) (actor = store_actor(); body_id = the case's
 * origin body, the action's body, or 0). A write that changes nothing is
 * rolled back: no audit row, no revision, no move of the generation.
 *
 * Revisions: cases, follow-up actions and initiatives carry one. A save
 * given revision > 0 happens only while the stored one is still that
 * (checked inside the write transaction), else ERR_CONFLICT "stale". It
 * goes up when the row's canonical JSON (the printers below) changes.
 * Adding steps, links, notes, comments and files moves the owner's
 * modified but not its revision.
 *
 * Audit JSON: the object's own fields in the struct's order, with the
 * struct's names; enums as codes, references as ids, null for none;
 * dates "YYYY-MM-DD" or null. A template and an agreement include what
 * they hold (steps; items, parents by key), because they are saved as a
 * whole. A new case's row also lists its steps and linked items.
 * Never bytes or tokens (the Historik may be public).
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>

#include <jansson.h>
#include <sodium.h>

#include "../core/validate.h"
#include "../util/date.h"

/* ---- small helpers (meetings.c's, which keeps them static) -------------- */

static int not_found(struct err *err, const char *what)
{
	err_set(err, ERR_NOT_FOUND, "not_found", "%s findes ikke.", what);
	return ERR_NOT_FOUND;
}










static void sha256_hex(const void *data, size_t len, char *out)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	if (sodium_init() < 0)
		abort();
	crypto_hash_sha256(h, len ? data : (const unsigned char *)"", len);
	sodium_bin2hex(out, 65, h, sizeof(h));
}

static void bind_code(sqlite3_stmt *q, int i, const char *code)
{
	if (!code || !*code)
		sqlite3_bind_null(q, i);
	else
		sqlite3_bind_text(q, i, code, -1, SQLITE_STATIC);
}

static void bind_date(sqlite3_stmt *q, int i, int v)
{
	if (!v)
		sqlite3_bind_null(q, i);
	else
		sqlite3_bind_int(q, i, v);
}

static const char *col_code(sqlite3_stmt *q, int i)
{
	const unsigned char *t = sqlite3_column_text(q, i);
	return t ? (const char *)t : "";
}

static bool date_ok(int d)
{
	return d == 0 || date_valid(d);
}

/* ---- canonical JSON ----------------------------------------------------- */

/* A JSON string; text that is not UTF-8 (refused by every input path)
 * gets its high bytes replaced so the audit log never fails on it. */
static json_t *jstr(const char *s)
{
	json_t *j;
	char *c;
	if (!s)
		s = "";
	if ((j = json_string(s)))
		return j;
	c = strdup(s);
	if (!c)
		return NULL;
	for (char *p = c; *p; p++)
		if ((unsigned char)*p >= 0x80)
			*p = '?';
	j = json_string(c);
	free(c);
	return j;
}

static json_t *jcode(const char *code)
{
	return code && *code ? json_string(code) : json_null();
}

static json_t *jid(int64_t id)
{
	return id ? json_integer((json_int_t)id) : json_null();
}

static json_t *jdate(int d)
{
	char s[16];
	if (!d || !date_valid(d))
		return json_null();
	date_format(d, s, sizeof(s));
	return json_string(s);
}


static json_t *case_fields(const struct case_file *c)
{
	return json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:b,s:o,s:o}",
			 "case_number", jstr(c->case_number),
			 "title", jstr(c->title),
			 "description", jstr(c->description),
			 "origin_body_id", jid(c->origin_body_id),
			 "template_id", jid(c->template_id),
			 "initiative_id", jid(c->initiative_id),
			 "economic", c->economic,
			 "focus_area_id", jid(c->focus_area_id),
			 "started", jdate(c->started));
}

static json_t *step_fields(const struct case_step *s)
{
	return json_pack("{s:o,s:i,s:i,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}",
			 "case_id", jid(s->case_id),
			 "position", s->position,
			 "stage", s->stage,
			 "body_id", jid(s->body_id),
			 "org_id", jid(s->org_id),
			 "action", jcode(step_action_code(s->action)),
			 "due", jdate(s->due),
			 "status", jcode(step_status_code(s->status)),
			 "started", jdate(s->started),
			 "finished", jdate(s->finished),
			 "item_id", jid(s->item_id),
			 "note", jstr(s->note));
}

static int case_json(const struct case_file *c, bool with_children,
		     struct buf *out, struct err *err)
{
	json_t *j = case_fields(c);
	if (j && with_children) {
		json_t *steps = json_array(), *items = json_array();
		for (size_t i = 0; i < c->n_steps; i++)
			json_array_append_new(steps, step_fields(&c->steps[i]));
		for (size_t i = 0; i < c->n_items; i++)
			json_array_append_new(items, jid(c->item_ids[i]));
		json_object_set_new(j, "steps", steps);
		json_object_set_new(j, "item_ids", items);
	}
	return dump_json(j, out, err);
}

static int step_json(const struct case_step *s, struct buf *out,
		     struct err *err)
{
	return dump_json(step_fields(s), out, err);
}

static int template_json(const struct flow_template *t, struct buf *out,
			 struct err *err)
{
	json_t *j = json_pack("{s:o,s:o,s:o,s:o}",
			      "key", jstr(t->key),
			      "name", jstr(t->name),
			      "description", jstr(t->description),
			      "region_id", jid(t->region_id));
	json_t *steps = json_array();
	for (size_t i = 0; j && i < t->n_steps; i++) {
		const struct flow_template_step *s = &t->steps[i];
		json_array_append_new(steps, json_pack(
			"{s:i,s:o,s:o,s:o,s:o,s:i,s:o}",
			"position", s->position,
			"target", jcode(step_target_code(s->target)),
			"target_body_id", jid(s->target_body_id),
			"target_kind", jcode(body_kind_code(s->target_kind)),
			"action", jcode(step_action_code(s->action)),
			"offset_days", s->offset_days,
			"note", jstr(s->note)));
	}
	if (j)
		json_object_set_new(j, "steps", steps);
	else
		json_decref(steps);
	return dump_json(j, out, err);
}

/* items' parent_id are real ids of other items in the same array. */
static int agreement_json(const struct health_agreement *h,
			  const struct agreement_item *items, size_t n,
			  struct buf *out, struct err *err)
{
	json_t *j = json_pack("{s:o,s:o,s:o,s:o,s:o,s:o}",
			      "key", jstr(h->key),
			      "title", jstr(h->title),
			      "region_id", jid(h->region_id),
			      "valid_from", jdate(h->valid_from),
			      "valid_to", jdate(h->valid_to),
			      "note", jstr(h->note));
	json_t *list = json_array();
	for (size_t i = 0; j && i < n; i++) {
		const char *parent = NULL;
		for (size_t k = 0; items[i].parent_id && k < n; k++)
			if (items[k].id == items[i].parent_id)
				parent = items[k].key;
		json_array_append_new(list, json_pack(
			"{s:o,s:o,s:o,s:i,s:o,s:o}",
			"key", jstr(items[i].key),
			"part", jcode(agreement_part_code(items[i].part)),
			"parent", parent ? jstr(parent) : json_null(),
			"position", items[i].position,
			"title", jstr(items[i].title),
			"description", jstr(items[i].description)));
	}
	if (j)
		json_object_set_new(j, "items", list);
	else
		json_decref(list);
	return dump_json(j, out, err);
}

static int action_json(const struct followup_action *fa, struct buf *out,
		       struct err *err)
{
	return dump_json(json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}",
				   "case_id", jid(fa->case_id),
				   "item_id", jid(fa->item_id),
				   "body_id", jid(fa->body_id),
				   "what", jstr(fa->what),
				   "responsible_org_id", jid(fa->responsible_org_id),
				   "responsible_person_id",
				   jid(fa->responsible_person_id),
				   "responsible_body_id",
				   jid(fa->responsible_body_id),
				   "due", jdate(fa->due),
				   "status", jcode(action_status_code(fa->status)),
				   "focus_area_id", jid(fa->focus_area_id)),
			 out, err);
}

static int initiative_json(const struct initiative *in, struct buf *out,
			   struct err *err)
{
	return dump_json(json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:o}",
				   "area_id", jid(in->area_id),
				   "title", jstr(in->title),
				   "what", jstr(in->what),
				   "results", jstr(in->results),
				   "contact_person_id", jid(in->contact_person_id),
				   "contact_text", jstr(in->contact_text),
				   "focus_area_id", jid(in->focus_area_id)),
			 out, err);
}

/* ---- reading rows ------------------------------------------------------- */

#define AGREEMENT_COLS \
	"h.id, h.key, h.title, h.region_id, h.valid_from, h.valid_to, h.note"

static void agreement_row(struct arena *a, sqlite3_stmt *q, int i, void *x)
{
	struct health_agreement *h = x;
	memset(h, 0, sizeof(*h));
	h->id = sqlite3_column_int64(q, i);
	h->key = col_text(a, q, i + 1);
	h->title = col_text(a, q, i + 2);
	h->region_id = sqlite3_column_int64(q, i + 3);
	h->valid_from = sqlite3_column_int(q, i + 4);
	h->valid_to = sqlite3_column_int(q, i + 5);
	h->note = col_text(a, q, i + 6);
}

#define AITEM_COLS                                                         \
	"ai.id, ai.key, ai.agreement_id, ai.part, ai.parent_id, ai.position, " \
	"ai.title, ai.description"

static void aitem_row(struct arena *a, sqlite3_stmt *q, int i, void *x)
{
	struct agreement_item *it = x;
	memset(it, 0, sizeof(*it));
	it->id = sqlite3_column_int64(q, i);
	it->key = col_text(a, q, i + 1);
	it->agreement_id = sqlite3_column_int64(q, i + 2);
	it->part = agreement_part_from_code(col_code(q, i + 3), NULL);
	it->parent_id = sqlite3_column_int64(q, i + 4);
	it->position = sqlite3_column_int(q, i + 5);
	it->title = col_text(a, q, i + 6);
	it->description = col_text(a, q, i + 7);
}

#define TEMPLATE_COLS "t.id, t.key, t.name, t.description, t.region_id"

static void template_row(struct arena *a, sqlite3_stmt *q, int i, void *x)
{
	struct flow_template *t = x;
	memset(t, 0, sizeof(*t));
	t->id = sqlite3_column_int64(q, i);
	t->key = col_text(a, q, i + 1);
	t->name = col_text(a, q, i + 2);
	t->description = col_text(a, q, i + 3);
	t->region_id = sqlite3_column_int64(q, i + 4);
}

#define TSTEP_COLS                                                         \
	"ts.position, ts.target, ts.target_body_id, ts.target_kind, "      \
	"ts.action, ts.offset_days, ts.note"

static void tstep_row(struct arena *a, sqlite3_stmt *q, int i, void *x)
{
	struct flow_template_step *s = x;
	memset(s, 0, sizeof(*s));
	s->position = sqlite3_column_int(q, i);
	s->target = step_target_from_code(col_code(q, i + 1), NULL);
	s->target_body_id = sqlite3_column_int64(q, i + 2);
	s->target_kind = body_kind_from_code(col_code(q, i + 3), NULL);
	s->action = step_action_from_code(col_code(q, i + 4), NULL);
	s->offset_days = sqlite3_column_int(q, i + 5);
	s->note = col_text(a, q, i + 6);
}

#define CASE_COLS                                                          \
	"c.id, c.case_number, c.title, c.description, c.origin_body_id, "  \
	"c.template_id, c.initiative_id, c.economic, c.focus_area_id, "    \
	"c.started, c.created, c.modified, c.revision"

static void case_row(struct arena *a, sqlite3_stmt *q, int i, void *x)
{
	struct case_file *c = x;
	memset(c, 0, sizeof(*c));
	c->id = sqlite3_column_int64(q, i);
	c->case_number = col_text(a, q, i + 1);
	c->title = col_text(a, q, i + 2);
	c->description = col_text(a, q, i + 3);
	c->origin_body_id = sqlite3_column_int64(q, i + 4);
	c->template_id = sqlite3_column_int64(q, i + 5);
	c->initiative_id = sqlite3_column_int64(q, i + 6);
	c->economic = sqlite3_column_int(q, i + 7) != 0;
	c->focus_area_id = sqlite3_column_int64(q, i + 8);
	c->started = sqlite3_column_int(q, i + 9);
	c->created = col_text(a, q, i + 10);
	c->modified = col_text(a, q, i + 11);
	c->revision = sqlite3_column_int64(q, i + 12);
}

#define STEP_COLS                                                          \
	"s.id, s.case_id, s.position, s.stage, s.body_id, s.org_id, "      \
	"s.action, s.due, s.status, s.started, s.finished, s.item_id, s.note"

static void step_row(struct arena *a, sqlite3_stmt *q, int i, void *x)
{
	struct case_step *s = x;
	memset(s, 0, sizeof(*s));
	s->id = sqlite3_column_int64(q, i);
	s->case_id = sqlite3_column_int64(q, i + 1);
	s->position = sqlite3_column_int(q, i + 2);
	s->stage = sqlite3_column_int(q, i + 3);
	s->body_id = sqlite3_column_int64(q, i + 4);
	s->org_id = sqlite3_column_int64(q, i + 5);
	s->action = step_action_from_code(col_code(q, i + 6), NULL);
	s->due = sqlite3_column_int(q, i + 7);
	s->status = step_status_from_code(col_code(q, i + 8), NULL);
	s->started = sqlite3_column_int(q, i + 9);
	s->finished = sqlite3_column_int(q, i + 10);
	s->item_id = sqlite3_column_int64(q, i + 11);
	s->note = col_text(a, q, i + 12);
}

static void id_row(struct arena *a, sqlite3_stmt *q, int i, void *x)
{
	(void)a;
	*(int64_t *)x = sqlite3_column_int64(q, i);
}

#define ACTION_COLS                                                        \
	"f.id, f.case_id, f.item_id, f.body_id, f.what, "                  \
	"f.responsible_org_id, f.responsible_person_id, "                  \
	"f.responsible_body_id, f.due, f.status, f.focus_area_id, "        \
	"f.created, f.modified, f.revision"

static void action_row(struct arena *a, sqlite3_stmt *q, int i, void *x)
{
	struct followup_action *f = x;
	memset(f, 0, sizeof(*f));
	f->id = sqlite3_column_int64(q, i);
	f->case_id = sqlite3_column_int64(q, i + 1);
	f->item_id = sqlite3_column_int64(q, i + 2);
	f->body_id = sqlite3_column_int64(q, i + 3);
	f->what = col_text(a, q, i + 4);
	f->responsible_org_id = sqlite3_column_int64(q, i + 5);
	f->responsible_person_id = sqlite3_column_int64(q, i + 6);
	f->responsible_body_id = sqlite3_column_int64(q, i + 7);
	f->due = sqlite3_column_int(q, i + 8);
	f->status = action_status_from_code(col_code(q, i + 9), NULL);
	f->focus_area_id = sqlite3_column_int64(q, i + 10);
	f->created = col_text(a, q, i + 11);
	f->modified = col_text(a, q, i + 12);
	f->revision = sqlite3_column_int64(q, i + 13);
}

#define NOTE_COLS "n.id, n.action_id, n.at, n.author, n.text"

static void note_row(struct arena *a, sqlite3_stmt *q, int i, void *x)
{
	struct followup_note *n = x;
	memset(n, 0, sizeof(*n));
	n->id = sqlite3_column_int64(q, i);
	n->action_id = sqlite3_column_int64(q, i + 1);
	n->at = col_text(a, q, i + 2);
	n->author = col_text(a, q, i + 3);
	n->text = col_text(a, q, i + 4);
}

#define INITIATIVE_COLS                                                    \
	"n.id, n.area_id, n.title, n.what, n.results, n.contact_person_id, " \
	"n.contact_text, n.focus_area_id, n.created, n.modified, n.revision"

static void initiative_row(struct arena *a, sqlite3_stmt *q, int i, void *x)
{
	struct initiative *in = x;
	memset(in, 0, sizeof(*in));
	in->id = sqlite3_column_int64(q, i);
	in->area_id = sqlite3_column_int64(q, i + 1);
	in->title = col_text(a, q, i + 2);
	in->what = col_text(a, q, i + 3);
	in->results = col_text(a, q, i + 4);
	in->contact_person_id = sqlite3_column_int64(q, i + 5);
	in->contact_text = col_text(a, q, i + 6);
	in->focus_area_id = sqlite3_column_int64(q, i + 7);
	in->created = col_text(a, q, i + 8);
	in->modified = col_text(a, q, i + 9);
	in->revision = sqlite3_column_int64(q, i + 10);
}

#define COMMENT_COLS "k.id, k.initiative_id, k.at, k.author, k.area_id, k.text"

static void comment_row(struct arena *a, sqlite3_stmt *q, int i, void *x)
{
	struct initiative_comment *k = x;
	memset(k, 0, sizeof(*k));
	k->id = sqlite3_column_int64(q, i);
	k->initiative_id = sqlite3_column_int64(q, i + 1);
	k->at = col_text(a, q, i + 2);
	k->author = col_text(a, q, i + 3);
	k->area_id = sqlite3_column_int64(q, i + 4);
	k->text = col_text(a, q, i + 5);
}

/* An initiative's file as a struct attachment (item_id 0). */
#define FILE_COLS                                                          \
	"x.id, x.position, x.token, x.filename, x.media_type, x.size, "    \
	"x.sha256, x.created"

static void file_row(struct arena *a, sqlite3_stmt *q, int i, void *x)
{
	struct attachment *at = x;
	memset(at, 0, sizeof(*at));
	at->id = sqlite3_column_int64(q, i);
	at->position = sqlite3_column_int(q, i + 1);
	at->token = col_text(a, q, i + 2);
	at->filename = col_text(a, q, i + 3);
	at->media_type = col_text(a, q, i + 4);
	at->size = sqlite3_column_int64(q, i + 5);
	at->sha256 = col_text(a, q, i + 6);
	at->created = col_text(a, q, i + 7);
}

/* ---- loading: one query per kind of row, whatever the count ------------ */

typedef void (*row_fn)(struct arena *, sqlite3_stmt *, int, void *);

/* A growable arena array of rows, each with the index of its owner. */
struct rows {
	void *data;
	size_t *owner;
	size_t n, cap, size;
};

static void *rows_push(struct arena *a, struct rows *r, size_t owner)
{
	if (r->n == r->cap) {
		size_t nc = r->cap ? r->cap * 2 : 16;
		r->data = arena_grow(a, r->data, r->n, nc, r->size);
		r->owner = arena_grow(a, r->owner, r->n, nc, sizeof(size_t));
		r->cap = nc;
	}
	r->owner[r->n] = owner;
	return (char *)r->data + r->n++ * r->size;
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/*
 * The rows of sql (?1 = p1) into r. With pids (the owners' ids,
 * ascending), column 0 is the owner's id and fn reads from column 1;
 * rows whose owner is not in pids are skipped. Without, fn reads from
 * column 0.
 */
static int load_rows(struct store *st, struct arena *a, const char *sql,
		     int64_t p1, const int64_t *pids, size_t np, row_fn fn,
		     struct rows *r, struct err *err)
{
	sqlite3_stmt *q = prep(st, sql, err);
	int s, rc = 0;
	if (!q)
		return ERR_INTERNAL;
	sqlite3_bind_int64(q, 1, p1);
	while ((s = sqlite3_step(q)) == SQLITE_ROW) {
		size_t o = 0;
		if (pids) {
			int64_t id = sqlite3_column_int64(q, 0);
			const int64_t *f = np ? bsearch(&id, pids, np,
							sizeof(*pids), cmp_i64)
					      : NULL;
			if (!f)
				continue;
			o = (size_t)(f - pids);
		}
		fn(a, q, pids ? 1 : 0, rows_push(a, r, o));
	}
	if (s != SQLITE_DONE)
		rc = db_error(st, sqlite3_extended_errcode(st->db), err);
	sqlite3_finalize(q);
	return rc;
}

/* Hands each owner its slice of r (rows arrive grouped by owner). */
#define SLICES(owners, r, type, field, count)                               \
	do {                                                                \
		type *base_ = (r).data;                                     \
		for (size_t k_ = 0; k_ < (r).n; k_++) {                     \
			if ((owners)[(r).owner[k_]].count++ == 0)           \
				(owners)[(r).owner[k_]].field = &base_[k_]; \
		}                                                           \
	} while (0)

#define IDS_OF(a, arr, n, out)                                              \
	do {                                                                \
		(out) = arena_array((a), (n) ? (n) : 1, sizeof(int64_t));   \
		for (size_t k_ = 0; k_ < (n); k_++)                         \
			(out)[k_] = (arr)[k_].id;                           \
	} while (0)

/* Cases (all with id 0, else the one) with steps and item links. */
static int load_cases(struct store *st, struct arena *a, int64_t id,
		      struct case_file **out, size_t *n, struct err *err)
{
	struct rows cs = { .size = sizeof(struct case_file) };
	struct rows steps = { .size = sizeof(struct case_step) };
	struct rows links = { .size = sizeof(int64_t) };
	int64_t *ids;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = load_rows(st, a, "SELECT " CASE_COLS " FROM cases c WHERE "
				   "(?1 = 0 OR c.id = ?1) ORDER BY c.id", id,
			    NULL, 0, case_row, &cs, err)))
		return rc;
	struct case_file *c = cs.data;
	IDS_OF(a, c, cs.n, ids);
	if ((rc = load_rows(st, a, "SELECT s.case_id, " STEP_COLS " FROM "
				   "case_steps s WHERE (?1 = 0 OR s.case_id = ?1) "
				   "ORDER BY s.case_id, s.position, s.id", id,
			    ids, cs.n, step_row, &steps, err)) ||
	    (rc = load_rows(st, a, "SELECT l.case_id, l.item_id FROM case_items l "
				   "WHERE (?1 = 0 OR l.case_id = ?1) "
				   "ORDER BY l.case_id, l.item_id", id,
			    ids, cs.n, id_row, &links, err)))
		return rc;
	SLICES(c, steps, struct case_step, steps, n_steps);
	SLICES(c, links, int64_t, item_ids, n_items);
	*out = c;
	*n = cs.n;
	return 0;
}

static int load_templates(struct store *st, struct arena *a, int64_t id,
			  struct flow_template **out, size_t *n,
			  struct err *err)
{
	struct rows ts = { .size = sizeof(struct flow_template) };
	struct rows steps = { .size = sizeof(struct flow_template_step) };
	int64_t *ids;
	int rc;

	if ((rc = load_rows(st, a, "SELECT " TEMPLATE_COLS " FROM flow_templates t "
				   "WHERE (?1 = 0 OR t.id = ?1) ORDER BY t.id",
			    id, NULL, 0, template_row, &ts, err)))
		return rc;
	struct flow_template *t = ts.data;
	IDS_OF(a, t, ts.n, ids);
	if ((rc = load_rows(st, a, "SELECT ts.template_id, " TSTEP_COLS " FROM "
				   "flow_template_steps ts WHERE (?1 = 0 OR "
				   "ts.template_id = ?1) ORDER BY ts.template_id, "
				   "ts.position, ts.id", id, ids, ts.n, tstep_row,
			    &steps, err)))
		return rc;
	SLICES(t, steps, struct flow_template_step, steps, n_steps);
	*out = t;
	*n = ts.n;
	return 0;
}

static int load_actions(struct store *st, struct arena *a, int64_t id,
			struct followup_action **out, size_t *n,
			struct err *err)
{
	struct rows fs = { .size = sizeof(struct followup_action) };
	struct rows notes = { .size = sizeof(struct followup_note) };
	int64_t *ids;
	int rc;

	if ((rc = load_rows(st, a, "SELECT " ACTION_COLS " FROM followup_actions f "
				   "WHERE (?1 = 0 OR f.id = ?1) ORDER BY f.id",
			    id, NULL, 0, action_row, &fs, err)))
		return rc;
	struct followup_action *f = fs.data;
	IDS_OF(a, f, fs.n, ids);
	if ((rc = load_rows(st, a, "SELECT n.action_id, " NOTE_COLS " FROM "
				   "followup_notes n WHERE (?1 = 0 OR "
				   "n.action_id = ?1) ORDER BY n.action_id, n.id",
			    id, ids, fs.n, note_row, &notes, err)))
		return rc;
	SLICES(f, notes, struct followup_note, notes, n_notes);
	*out = f;
	*n = fs.n;
	return 0;
}

static int load_initiatives(struct store *st, struct arena *a, int64_t id,
			    struct initiative **out, size_t *n,
			    struct err *err)
{
	struct rows is = { .size = sizeof(struct initiative) };
	struct rows comments = { .size = sizeof(struct initiative_comment) };
	struct rows files = { .size = sizeof(struct attachment) };
	int64_t *ids;
	int rc;

	if ((rc = load_rows(st, a, "SELECT " INITIATIVE_COLS " FROM initiatives n "
				   "WHERE (?1 = 0 OR n.id = ?1) ORDER BY n.id",
			    id, NULL, 0, initiative_row, &is, err)))
		return rc;
	struct initiative *in = is.data;
	IDS_OF(a, in, is.n, ids);
	if ((rc = load_rows(st, a, "SELECT k.initiative_id, " COMMENT_COLS
				   " FROM initiative_comments k WHERE (?1 = 0 OR "
				   "k.initiative_id = ?1) ORDER BY "
				   "k.initiative_id, k.id", id, ids, is.n,
			    comment_row, &comments, err)) ||
	    (rc = load_rows(st, a, "SELECT x.initiative_id, " FILE_COLS
				   " FROM initiative_files x WHERE (?1 = 0 OR "
				   "x.initiative_id = ?1) ORDER BY "
				   "x.initiative_id, x.position, x.id", id, ids,
			    is.n, file_row, &files, err)))
		return rc;
	SLICES(in, comments, struct initiative_comment, comments, n_comments);
	SLICES(in, files, struct attachment, files, n_files);
	*out = in;
	*n = is.n;
	return 0;
}

static int load_agreements(struct store *st, struct arena *a,
			   struct casework *out, struct err *err)
{
	struct rows hs = { .size = sizeof(struct health_agreement) };
	struct rows items = { .size = sizeof(struct agreement_item) };
	int rc;

	if ((rc = load_rows(st, a, "SELECT " AGREEMENT_COLS " FROM "
				   "health_agreements h WHERE ?1 = 0 ORDER BY h.id",
			    0, NULL, 0, agreement_row, &hs, err)) ||
	    (rc = load_rows(st, a, "SELECT " AITEM_COLS " FROM agreement_items ai "
				   "WHERE ?1 = 0 ORDER BY ai.id", 0, NULL, 0,
			    aitem_row, &items, err)))
		return rc;
	out->agreements = hs.data;
	out->n_agreements = hs.n;
	out->agreement_items = items.data;
	out->n_agreement_items = items.n;
	return 0;
}

/* A read: lock, one snapshot, fn, unlock. */
static int read_begin(struct store *st, struct err *err)
{
	store_lock(st);
	return exec(st, "BEGIN", err);
}

static void read_end(struct store *st)
{
	tx_rollback(st);
	store_unlock(st);
}

int store_casework_load(struct store *st, struct arena *a,
			struct casework *out, struct err *err)
{
	int rc;
	memset(out, 0, sizeof(*out));
	if ((rc = read_begin(st, err)) == 0 &&
	    (rc = load_agreements(st, a, out, err)) == 0 &&
	    (rc = load_templates(st, a, 0, &out->templates, &out->n_templates,
				 err)) == 0 &&
	    (rc = load_cases(st, a, 0, &out->cases, &out->n_cases, err)) == 0 &&
	    (rc = load_actions(st, a, 0, &out->actions, &out->n_actions,
			       err)) == 0)
		rc = load_initiatives(st, a, 0, &out->initiatives,
				      &out->n_initiatives, err);
	read_end(st);
	if (rc)
		memset(out, 0, sizeof(*out));
	return rc;
}

/* One object by id through a loader; ERR_NOT_FOUND naming `what`. */
static int case_read(struct store *st, struct arena *a, int64_t id,
		     struct case_file *out, struct err *err)
{
	struct case_file *cs;
	size_t n;
	int rc;
	if (id <= 0)
		return not_found(err, "Sagen");
	if ((rc = load_cases(st, a, id, &cs, &n, err)))
		return rc;
	if (n == 0)
		return not_found(err, "Sagen");
	*out = cs[0];
	return 0;
}

int store_case_get(struct store *st, struct arena *a, int64_t id,
		   struct case_file *out, struct err *err)
{
	int rc;
	memset(out, 0, sizeof(*out));
	if ((rc = read_begin(st, err)) == 0)
		rc = case_read(st, a, id, out, err);
	read_end(st);
	return rc;
}

/* ---- flow templates ------------------------------------------------------ */

struct taken_ctx {
	struct store *st;
	const char *sql;	/* ?1 = key, ?2 = own id */
	int64_t id;
};

static bool key_taken(void *vctx, const char *key)
{
	struct taken_ctx *c = vctx;
	sqlite3_stmt *q = NULL;
	bool taken = false;
	if (sqlite3_prepare_v2(c->st->db, c->sql, -1, &q, NULL) == SQLITE_OK) {
		sqlite3_bind_text(q, 1, key, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(q, 2, c->id);
		taken = sqlite3_step(q) == SQLITE_ROW;
	}
	sqlite3_finalize(q);
	return taken;
}

/* The key to save with: the given one (checked), or one from the name.
 * Derived keys live in the store's arena. */
static int pick_key(struct store *st, const char *sql, int64_t id,
		    const char *key, const char *name, const char **out,
		    struct err *err)
{
	struct taken_ctx c = { st, sql, id };
	if (key && *key) {
		if (!validate_key_syntax(key))
			return invalid(err, "bad_key",
				       "Nøglen må kun indeholde a-z, 0-9, - og _ "
				       "(højst 64 tegn).");
		if (key_taken(&c, key)) {
			err_set(err, ERR_CONFLICT, "duplicate_key",
				"Nøglen «%s» er allerede i brug.", key);
			return ERR_CONFLICT;
		}
		*out = key;
		return 0;
	}
	char *k = key_from_name(&st->keys, name ? name : "", key_taken, &c);
	if (!k || !*k)
		return invalid(err, "bad_key",
			       "Der kan ikke dannes en nøgle ud fra navnet; "
			       "angiv en nøgle.");
	*out = k;
	return 0;
}

static int template_check(const struct flow_template *t, struct err *err)
{
	if (!t->name || !*t->name)
		return invalid(err, "required", "Skabelonen skal have et navn.");
	if (t->region_id <= 0)
		return invalid(err, "required",
			       "Skabelonen skal høre til en region.");
	for (size_t i = 0; i < t->n_steps; i++) {
		const struct flow_template_step *s = &t->steps[i];
		if (s->target <= TARGET_NONE || s->target >= TARGET__COUNT)
			return invalid(err, "bad_target",
				       "Et trin i skabelonen har et ugyldigt mål.");
		if (s->action <= STEP_ACTION_NONE ||
		    s->action >= STEP_ACTION__COUNT)
			return invalid(err, "bad_action",
				       "Et trin i skabelonen har en ugyldig handling.");
		if ((int)s->target_kind < 0 || s->target_kind >= BODY__COUNT)
			return invalid(err, "bad_kind",
				       "Et trin i skabelonen har en ugyldig forumtype.");
		if (s->target == TARGET_BODY && s->target_body_id <= 0)
			return invalid(err, "required",
				       "Et trin i skabelonen skal nævne et forum.");
		if ((s->target == TARGET_KIND_ALL ||
		     s->target == TARGET_KIND_OTHERS ||
		     s->target == TARGET_KIND_ORIGIN_AREA ||
		     s->target == TARGET_CHILDREN) &&
		    s->target_kind == BODY_NONE)
			return invalid(err, "required",
				       "Et trin i skabelonen skal nævne en forumtype.");
		if (s->offset_days < 0)
			return invalid(err, "bad_offset",
				       "Et trins frist kan ikke ligge før det "
				       "forrige trins.");
	}
	return 0;
}

static int template_steps_insert(struct store *st, int64_t id,
				 struct flow_template_step *steps, size_t n,
				 struct err *err)
{
	sqlite3_stmt *q = prep(st, "INSERT INTO flow_template_steps (template_id, "
				   "position, target, target_body_id, target_kind, "
				   "action, offset_days, note) VALUES (?1, ?2, ?3, "
				   "?4, ?5, ?6, ?7, ?8)", err);
	int rc = 0;
	if (!q)
		return ERR_INTERNAL;
	for (size_t i = 0; i < n; i++) {
		struct flow_template_step *s = &steps[i];
		s->position = (int)i + 1;
		sqlite3_reset(q);
		sqlite3_bind_int64(q, 1, id);
		sqlite3_bind_int(q, 2, s->position);
		bind_code(q, 3, step_target_code(s->target));
		bind_id(q, 4, s->target_body_id);
		bind_code(q, 5, body_kind_code(s->target_kind));
		bind_code(q, 6, step_action_code(s->action));
		sqlite3_bind_int(q, 7, s->offset_days);
		bind_text(q, 8, s->note);
		if ((rc = step_done(st, q, err)))
			break;
	}
	sqlite3_finalize(q);
	return rc;
}

int store_template_save(struct store *st, struct flow_template *t,
			struct err *err)
{
	struct arena a;
	struct flow_template old = { 0 }, new;
	struct flow_template *ts;
	struct buf before = BUF_INIT, after = BUF_INIT;
	sqlite3_stmt *q = NULL;
	bool changed = false;
	size_t n;
	int rc;

	if ((rc = template_check(t, err)))
		return rc;
	arena_init(&a);
	if ((rc = wbegin(st, err)))
		goto out;
	if (t->id) {
		if ((rc = load_templates(st, &a, t->id, &ts, &n, err)))
			goto out;
		if (n == 0) {
			rc = not_found(err, "Skabelonen");
			goto out;
		}
		old = ts[0];
	}
	new = *t;
	if (t->id && (!t->key || !*t->key))
		new.key = old.key;	/* an edit without a key keeps it */
	else if ((rc = pick_key(st, "SELECT 1 FROM flow_templates WHERE "
				    "key = ?1 AND id != ?2", t->id, t->key,
				t->name, &new.key, err)))
		goto out;
	new.key = arena_strdup(&st->keys, new.key);
	for (size_t i = 0; i < new.n_steps; i++)
		new.steps[i].position = (int)i + 1;
	if (!new.description)
		new.description = "";
	if ((rc = template_json(&new, &after, err)))
		goto out;
	if (t->id) {
		if ((rc = template_json(&old, &before, err)))
			goto out;
		if (buf_equal(&before, &after))
			goto out;
		if (!(q = prep(st, "UPDATE flow_templates SET key = ?2, name = ?3, "
				   "description = ?4, region_id = ?5, modified = "
				   STORE_NOW " WHERE id = ?1", err))) {
			rc = ERR_INTERNAL;
			goto out;
		}
		sqlite3_bind_int64(q, 1, t->id);
	} else {
		if (!(q = prep(st, "INSERT INTO flow_templates (key, name, "
				   "description, region_id, created, modified) "
				   "VALUES (?2, ?3, ?4, ?5, " STORE_NOW ", "
				   STORE_NOW ")", err))) {
			rc = ERR_INTERNAL;
			goto out;
		}
	}
	bind_text(q, 2, new.key);
	bind_text(q, 3, new.name);
	bind_text(q, 4, new.description);
	bind_id(q, 5, new.region_id);
	if ((rc = step_done(st, q, err)))
		goto out;
	if (!t->id)
		new.id = sqlite3_last_insert_rowid(st->db);
	if ((rc = exec_id(st, "DELETE FROM flow_template_steps WHERE "
			      "template_id = ?1", new.id, err)) ||
	    (rc = template_steps_insert(st, new.id, t->steps, t->n_steps,
					err)) ||
	    (rc = store_audit_insert(st, t->id ? "update" : "create",
				     "template", new.id, new.key, 0,
				     t->id ? &before : NULL, &after, err)))
		goto out;
	changed = true;
	t->id = new.id;
out:
	sqlite3_finalize(q);
	rc = wfinish(st, rc, changed, err);
	if (rc == 0)
		t->key = new.key;
	buf_free(&before);
	buf_free(&after);
	arena_free(&a);
	return rc;
}

int store_template_delete(struct store *st, int64_t id, struct err *err)
{
	struct arena a;
	struct flow_template *ts;
	struct buf before = BUF_INIT;
	bool changed = false;
	size_t n = 0;
	int rc;

	arena_init(&a);
	if ((rc = wbegin(st, err)) ||
	    (rc = load_templates(st, &a, id, &ts, &n, err)))
		goto out;
	if (id <= 0 || n == 0) {
		rc = not_found(err, "Skabelonen");
		goto out;
	}
	if ((rc = template_json(&ts[0], &before, err)))
		goto out;
	if ((rc = exec_id(st, "DELETE FROM flow_templates WHERE id = ?1", id,
			  err))) {
		if (rc == ERR_CONFLICT || rc == ERR_INVALID)
			err_set(err, ERR_CONFLICT, "in_use",
				"Skabelonen kan ikke slettes, fordi sager "
				"følger den.");
		rc = ERR_CONFLICT;
		goto out;
	}
	if ((rc = store_audit_insert(st, "delete", "template", id, ts[0].key, 0,
				     &before, NULL, err)))
		goto out;
	changed = true;
out:
	rc = wfinish(st, rc, changed, err);
	buf_free(&before);
	arena_free(&a);
	return rc;
}

/* ---- health agreements ---------------------------------------------------- */

static int agreement_check(const struct health_agreement *h,
			   const struct agreement_item *items, size_t n,
			   struct err *err)
{
	if (!h->title || !*h->title)
		return invalid(err, "required", "Sundhedsaftalen skal have en titel.");
	if (h->region_id <= 0)
		return invalid(err, "required",
			       "Sundhedsaftalen skal høre til en region.");
	if (!date_ok(h->valid_from) || !date_ok(h->valid_to))
		return invalid(err, "bad_date", "Sundhedsaftalens periode er ugyldig.");
	if (h->valid_from && h->valid_to && h->valid_to < h->valid_from)
		return invalid(err, "bad_date",
			       "Sundhedsaftalen skal slutte efter den begynder.");
	for (size_t i = 0; i < n; i++) {
		const struct agreement_item *it = &items[i];
		if (!it->key || !validate_key_syntax(it->key))
			return invalid(err, "bad_key",
				       "Et punkt i sundhedsaftalen har en ugyldig nøgle.");
		if (!it->title || !*it->title)
			return invalid(err, "required",
				       "Et punkt i sundhedsaftalen mangler en titel.");
		if (it->part <= AGREEMENT_PART_NONE ||
		    it->part >= AGREEMENT_PART__COUNT)
			return invalid(err, "bad_part",
				       "Et punkt i sundhedsaftalen har en ugyldig type.");
		if (it->parent_id < 0 || it->parent_id > (int64_t)n ||
		    it->parent_id == (int64_t)i + 1)
			return invalid(err, "bad_reference",
				       "Et punkt i sundhedsaftalen henviser til et "
				       "punkt, der ikke findes.");
		for (size_t k = 0; k < i; k++)
			if (strcmp(items[k].key, it->key) == 0)
				return invalid(err, "duplicate_key",
					       "To punkter i sundhedsaftalen har "
					       "samme nøgle.");
	}
	/* No cycles: following parents from any item ends within n steps. */
	for (size_t i = 0; i < n; i++) {
		int64_t p = items[i].parent_id;
		size_t steps = 0;
		while (p && steps++ <= n)
			p = items[p - 1].parent_id;
		if (p)
			return invalid(err, "bad_reference",
				       "Punkterne i sundhedsaftalen henviser i ring "
				       "til hinanden.");
	}
	return 0;
}

int store_agreement_save(struct store *st, struct health_agreement *h,
			 struct agreement_item *items, size_t n,
			 struct err *err)
{
	struct arena a;
	struct casework cw;
	struct health_agreement old = { 0 };
	struct agreement_item *old_items = NULL, *new_items = NULL;
	size_t n_old = 0;
	struct buf before = BUF_INIT, after = BUF_INIT;
	sqlite3_stmt *q = NULL;
	bool changed = false, found = false;
	int64_t id = h->id;
	const char *key = NULL;
	int rc;

	if ((rc = agreement_check(h, items, n, err)))
		return rc;
	arena_init(&a);
	if ((rc = wbegin(st, err)))
		goto out;
	memset(&cw, 0, sizeof(cw));
	if (id) {
		if ((rc = load_agreements(st, &a, &cw, err)))
			goto out;
		for (size_t i = 0; i < cw.n_agreements; i++)
			if (cw.agreements[i].id == id) {
				old = cw.agreements[i];
				found = true;
			}
		if (!found) {
			rc = not_found(err, "Sundhedsaftalen");
			goto out;
		}
		old_items = arena_array(&a, cw.n_agreement_items + 1,
					sizeof(*old_items));
		for (size_t i = 0; i < cw.n_agreement_items; i++)
			if (cw.agreement_items[i].agreement_id == id)
				old_items[n_old++] = cw.agreement_items[i];
		if ((rc = agreement_json(&old, old_items, n_old, &before, err)))
			goto out;
	}
	if (id && (!h->key || !*h->key))
		key = arena_strdup(&st->keys, old.key);
	else if ((rc = pick_key(st, "SELECT 1 FROM health_agreements WHERE "
				    "key = ?1 AND id != ?2", id, h->key,
				h->title, &key, err)))
		goto out;

	/* The new items with their ids: a kept key keeps its id; new ones
	 * get temporary negative ids for the comparison. Parents by index
	 * + 1 become those ids. */
	new_items = arena_array(&a, n + 1, sizeof(*new_items));
	for (size_t i = 0; i < n; i++) {
		new_items[i] = items[i];
		new_items[i].id = -(int64_t)i - 1;
		new_items[i].agreement_id = id;
		new_items[i].position = (int)i + 1;
		if (!new_items[i].description)
			new_items[i].description = "";
		for (size_t k = 0; k < n_old; k++)
			if (strcmp(old_items[k].key, items[i].key) == 0)
				new_items[i].id = old_items[k].id;
	}
	for (size_t i = 0; i < n; i++)
		new_items[i].parent_id = items[i].parent_id
			? new_items[items[i].parent_id - 1].id : 0;
	{
		struct health_agreement nh = *h;
		nh.key = key;
		if (!nh.note)
			nh.note = "";
		if ((rc = agreement_json(&nh, new_items, n, &after, err)))
			goto out;
	}
	if (id && buf_equal(&before, &after))
		goto out;

	if (id) {
		q = prep(st, "UPDATE health_agreements SET key = ?2, title = ?3, "
			     "region_id = ?4, valid_from = ?5, valid_to = ?6, "
			     "note = ?7, modified = " STORE_NOW " WHERE id = ?1",
			 err);
		if (q)
			sqlite3_bind_int64(q, 1, id);
	} else {
		q = prep(st, "INSERT INTO health_agreements (key, title, region_id, "
			     "valid_from, valid_to, note, created, modified) VALUES "
			     "(?2, ?3, ?4, ?5, ?6, ?7, " STORE_NOW ", " STORE_NOW
			     ")", err);
	}
	if (!q) {
		rc = ERR_INTERNAL;
		goto out;
	}
	bind_text(q, 2, key);
	bind_text(q, 3, h->title);
	bind_id(q, 4, h->region_id);
	bind_date(q, 5, h->valid_from);
	bind_date(q, 6, h->valid_to);
	bind_text(q, 7, h->note);
	if ((rc = step_done(st, q, err)))
		goto out;
	sqlite3_finalize(q);
	q = NULL;
	if (!id)
		id = sqlite3_last_insert_rowid(st->db);

	/* Upsert every item without its parent, then set parents, then drop
	 * the items whose keys are gone (a focus area a case names cannot
	 * go: RESTRICT). */
	if (!(q = prep(st, "INSERT INTO agreement_items (agreement_id, key, part, "
			   "parent_id, position, title, description) VALUES "
			   "(?1, ?2, ?3, NULL, ?4, ?5, ?6) ON CONFLICT "
			   "(agreement_id, key) DO UPDATE SET part = excluded.part, "
			   "parent_id = NULL, position = excluded.position, "
			   "title = excluded.title, "
			   "description = excluded.description", err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		sqlite3_reset(q);
		sqlite3_bind_int64(q, 1, id);
		bind_text(q, 2, items[i].key);
		bind_code(q, 3, agreement_part_code(items[i].part));
		sqlite3_bind_int(q, 4, (int)i + 1);
		bind_text(q, 5, items[i].title);
		bind_text(q, 6, items[i].description);
		if ((rc = step_done(st, q, err)))
			goto out;
	}
	sqlite3_finalize(q);
	q = NULL;
	/* Real ids by key. */
	if (!(q = prep(st, "SELECT id FROM agreement_items WHERE agreement_id = ?1 "
			   "AND key = ?2", err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		sqlite3_reset(q);
		sqlite3_bind_int64(q, 1, id);
		bind_text(q, 2, items[i].key);
		if (sqlite3_step(q) != SQLITE_ROW) {
			rc = db_error(st, sqlite3_extended_errcode(st->db), err);
			goto out;
		}
		new_items[i].id = sqlite3_column_int64(q, 0);
	}
	sqlite3_finalize(q);
	q = NULL;
	if (!(q = prep(st, "UPDATE agreement_items SET parent_id = ?2 WHERE "
			   "id = ?1", err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		int64_t pid = items[i].parent_id
			? new_items[items[i].parent_id - 1].id : 0;
		new_items[i].parent_id = pid;
		sqlite3_reset(q);
		sqlite3_bind_int64(q, 1, new_items[i].id);
		bind_id(q, 2, pid);
		if ((rc = step_done(st, q, err)))
			goto out;
	}
	sqlite3_finalize(q);
	q = NULL;
	for (size_t k = 0; k < n_old; k++) {
		bool kept = false;
		for (size_t i = 0; i < n; i++)
			if (strcmp(old_items[k].key, items[i].key) == 0)
				kept = true;
		if (kept)
			continue;
		if ((rc = exec_id(st, "DELETE FROM agreement_items WHERE id = ?1",
				  old_items[k].id, err))) {
			if (rc == ERR_CONFLICT)
				err_set(err, ERR_CONFLICT, "in_use",
					"Punktet «%s» kan ikke fjernes fra "
					"sundhedsaftalen, fordi sager, "
					"opfølgningspunkter eller initiativer "
					"henviser til det.", old_items[k].title);
			goto out;
		}
	}
	if ((rc = store_audit_insert(st, h->id ? "update" : "create",
				     "agreement", id, key, 0,
				     h->id ? &before : NULL, &after, err)))
		goto out;
	changed = true;
out:
	sqlite3_finalize(q);
	rc = wfinish(st, rc, changed, err);
	if (rc == 0) {
		if (changed) {
			h->id = id;
			h->key = key;
			for (size_t i = 0; i < n; i++) {
				items[i].id = new_items[i].id;
				items[i].parent_id = new_items[i].parent_id;
				items[i].agreement_id = id;
				items[i].position = (int)i + 1;
			}
		} else {
			/* Nothing changed: the stored ids are the ones. */
			for (size_t i = 0; i < n; i++) {
				items[i].id = new_items[i].id;
				items[i].parent_id = new_items[i].parent_id;
				items[i].agreement_id = id;
				items[i].position = (int)i + 1;
			}
			h->key = key;
		}
	}
	buf_free(&before);
	buf_free(&after);
	arena_free(&a);
	return rc;
}

/* ---- cases ---------------------------------------------------------------- */

static int case_check(const struct case_file *c, struct err *err)
{
	if (!c->title || !*c->title)
		return invalid(err, "required", "Sagen skal have en titel.");
	if (c->origin_body_id <= 0)
		return invalid(err, "required",
			       "Sagen skal have et forum, hvor den begynder.");
	if (!date_ok(c->started))
		return invalid(err, "bad_date", "Sagens startdato er ugyldig.");
	if (c->template_id < 0 || c->initiative_id < 0 || c->focus_area_id < 0)
		return invalid(err, "bad_reference",
			       "Oplysningerne henviser til noget, der ikke findes.");
	return 0;
}

static int step_check(const struct case_step *s, struct err *err)
{
	if (s->action <= STEP_ACTION_NONE || s->action >= STEP_ACTION__COUNT)
		return invalid(err, "bad_action", "Trinnets handling er ugyldig.");
	if ((int)s->status < 0 || s->status >= STEP_STATUS__COUNT)
		return invalid(err, "bad_status", "Trinnets status er ugyldig.");
	if (s->body_id <= 0 && s->org_id <= 0)
		return invalid(err, "required",
			       "Et trin skal høre til et forum eller en "
			       "organisation.");
	if (!date_ok(s->due) || !date_ok(s->started) || !date_ok(s->finished))
		return invalid(err, "bad_date", "En dato på trinnet er ugyldig.");
	return 0;
}

static int case_touch(struct store *st, int64_t case_id, struct err *err)
{
	return exec_id(st, "UPDATE cases SET modified = " STORE_NOW
			   " WHERE id = ?1", case_id, err);
}

/* Inserts steps of a case at their positions; sets their ids. */
static int steps_insert(struct store *st, int64_t case_id,
			struct case_step *steps, size_t n, struct err *err)
{
	sqlite3_stmt *q = prep(st, "INSERT INTO case_steps (case_id, position, "
				   "stage, body_id, org_id, action, due, status, "
				   "started, finished, item_id, note) VALUES "
				   "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
				   "?12)", err);
	int rc = 0;
	if (!q)
		return ERR_INTERNAL;
	for (size_t i = 0; i < n; i++) {
		struct case_step *s = &steps[i];
		sqlite3_reset(q);
		sqlite3_bind_int64(q, 1, case_id);
		sqlite3_bind_int(q, 2, s->position);
		sqlite3_bind_int(q, 3, s->stage);
		bind_id(q, 4, s->body_id);
		bind_id(q, 5, s->org_id);
		bind_code(q, 6, step_action_code(s->action));
		bind_date(q, 7, s->due);
		bind_code(q, 8, step_status_code(s->status));
		bind_date(q, 9, s->started);
		bind_date(q, 10, s->finished);
		bind_id(q, 11, s->item_id);
		bind_text(q, 12, s->note);
		if ((rc = step_done(st, q, err)))
			break;
		s->id = sqlite3_last_insert_rowid(st->db);
		s->case_id = case_id;
	}
	sqlite3_finalize(q);
	return rc;
}

/* The values a new step is stored with (status pending when none). */
static void step_norm(struct case_step *s, int position)
{
	s->position = position;
	if (s->status == STEP_STATUS_NONE)
		s->status = STEP_PENDING;
	if (!s->note)
		s->note = "";
	if (s->stage < 0)
		s->stage = 0;
}

static int links_insert(struct store *st, int64_t case_id,
			const int64_t *ids, size_t n, struct err *err)
{
	sqlite3_stmt *q = prep(st, "INSERT OR IGNORE INTO case_items (case_id, "
				   "item_id) VALUES (?1, ?2)", err);
	int rc = 0;
	if (!q)
		return ERR_INTERNAL;
	for (size_t i = 0; i < n; i++) {
		sqlite3_reset(q);
		sqlite3_bind_int64(q, 1, case_id);
		sqlite3_bind_int64(q, 2, ids[i]);
		if ((rc = step_done(st, q, err)))
			break;
	}
	sqlite3_finalize(q);
	return rc;
}

static void case_bind(sqlite3_stmt *q, const struct case_file *c)
{
	bind_text(q, 2, c->case_number);
	bind_text(q, 3, c->title);
	bind_text(q, 4, c->description);
	bind_id(q, 5, c->origin_body_id);
	bind_id(q, 6, c->template_id);
	bind_id(q, 7, c->initiative_id);
	sqlite3_bind_int(q, 8, c->economic ? 1 : 0);
	bind_id(q, 9, c->focus_area_id);
	bind_date(q, 10, c->started);
}

static int case_insert(struct store *st, struct arena *a, struct case_file *c,
		       struct err *err)
{
	sqlite3_stmt *q = prep(st, "INSERT INTO cases (case_number, title, "
				   "description, origin_body_id, template_id, "
				   "initiative_id, economic, focus_area_id, "
				   "started, created, modified, revision) VALUES "
				   "(?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, " STORE_NOW
				   ", " STORE_NOW ", 1)", err);
	struct case_file now;
	struct case_step *steps;
	struct buf after = BUF_INIT;
	int64_t id;
	int rc;

	if (!q)
		return ERR_INTERNAL;
	case_bind(q, c);
	rc = step_done(st, q, err);
	sqlite3_finalize(q);
	if (rc)
		return rc;
	id = sqlite3_last_insert_rowid(st->db);
	steps = arena_array(a, c->n_steps + 1, sizeof(*steps));
	for (size_t i = 0; i < c->n_steps; i++) {
		steps[i] = c->steps[i];
		step_norm(&steps[i], c->steps[i].position > 0
			  ? c->steps[i].position : (int)i + 1);
		if ((rc = step_check(&steps[i], err)))
			return rc;
	}
	if ((rc = steps_insert(st, id, steps, c->n_steps, err)) ||
	    (rc = links_insert(st, id, c->item_ids, c->n_items, err)) ||
	    (rc = case_read(st, a, id, &now, err)))
		return rc;
	if ((rc = case_json(&now, true, &after, err)) == 0)
		rc = store_audit_insert(st, "create", "case", id, NULL,
					now.origin_body_id, NULL, &after, err);
	buf_free(&after);
	if (rc)
		return rc;
	for (size_t i = 0; i < c->n_steps; i++) {
		c->steps[i].id = steps[i].id;
		c->steps[i].case_id = id;
		c->steps[i].position = steps[i].position;
		c->steps[i].status = steps[i].status;
		if (!c->steps[i].note)
			c->steps[i].note = "";
	}
	c->id = id;
	c->revision = now.revision;
	c->created = arena_strdup(&st->keys, now.created);
	c->modified = arena_strdup(&st->keys, now.modified);
	return 0;
}

static int case_update(struct store *st, struct arena *a, struct case_file *c,
		       bool *changed, struct err *err)
{
	struct case_file old, new;
	struct buf before = BUF_INIT, after = BUF_INIT;
	sqlite3_stmt *q = NULL;
	int rc;

	if ((rc = case_read(st, a, c->id, &old, err)))
		goto out;
	if (c->revision > 0 && c->revision != old.revision) {
		rc = stale(err, "sagen", "den", false);
		goto out;
	}
	new = old;
#define S(f) new.f = c->f ? c->f : ""
	S(case_number);
	S(title);
	S(description);
#undef S
	new.origin_body_id = c->origin_body_id;
	new.template_id = c->template_id;
	new.initiative_id = c->initiative_id;
	new.economic = c->economic;
	new.focus_area_id = c->focus_area_id;
	new.started = c->started;
	if ((rc = case_json(&old, false, &before, err)) ||
	    (rc = case_json(&new, false, &after, err)))
		goto out;
	if (buf_equal(&before, &after)) {
		c->revision = old.revision;
		goto out;
	}
	if (!(q = prep(st, "UPDATE cases SET case_number = ?2, title = ?3, "
			   "description = ?4, origin_body_id = ?5, "
			   "template_id = ?6, initiative_id = ?7, economic = ?8, "
			   "focus_area_id = ?9, started = ?10, revision = "
			   "revision + 1, modified = " STORE_NOW " WHERE id = ?1",
			   err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(q, 1, old.id);
	case_bind(q, &new);
	if ((rc = step_done(st, q, err)) ||
	    (rc = store_audit_insert(st, "update", "case", old.id, NULL,
				     new.origin_body_id, &before, &after, err)))
		goto out;
	c->revision = old.revision + 1;
	*changed = true;
out:
	sqlite3_finalize(q);
	buf_free(&before);
	buf_free(&after);
	return rc;
}

int store_case_save(struct store *st, struct case_file *c, struct err *err)
{
	struct arena a;
	bool changed = false;
	int rc;

	if ((rc = case_check(c, err)))
		return rc;
	arena_init(&a);
	if ((rc = wbegin(st, err)) == 0) {
		if (c->id) {
			rc = case_update(st, &a, c, &changed, err);
		} else {
			rc = case_insert(st, &a, c, err);
			changed = true;
		}
	}
	rc = wfinish(st, rc, changed, err);
	arena_free(&a);
	return rc;
}

int store_case_steps_add(struct store *st, int64_t case_id,
			 const struct case_step *steps, size_t n,
			 struct err *err)
{
	struct arena a;
	struct case_file c;
	struct case_step *ns;
	bool changed = false;
	int64_t last = 0;
	int rc;

	if (n == 0)
		return 0;
	arena_init(&a);
	ns = arena_array(&a, n, sizeof(*ns));
	for (size_t i = 0; i < n; i++)
		ns[i] = steps[i];
	if ((rc = wbegin(st, err)) ||
	    (rc = case_read(st, &a, case_id, &c, err)) ||
	    (rc = query_int(st, "SELECT coalesce(max(position), 0) FROM "
				"case_steps WHERE case_id = ?1", case_id, 0,
			    &last, err)))
		goto out;
	for (size_t i = 0; i < n; i++) {
		step_norm(&ns[i], (int)last + (int)i + 1);
		if ((rc = step_check(&ns[i], err)))
			goto out;
	}
	if ((rc = steps_insert(st, case_id, ns, n, err)))
		goto out;
	for (size_t i = 0; i < n; i++) {
		struct buf after = BUF_INIT;
		if ((rc = step_json(&ns[i], &after, err)) == 0)
			rc = store_audit_insert(st, "create", "case_step", ns[i].id,
						NULL, c.origin_body_id, NULL,
						&after, err);
		buf_free(&after);
		if (rc)
			goto out;
	}
	if ((rc = case_touch(st, case_id, err)))
		goto out;
	changed = true;
out:
	rc = wfinish(st, rc, changed, err);
	arena_free(&a);
	return rc;
}

int store_case_step_update(struct store *st, const struct case_step *stp,
			   struct err *err)
{
	struct arena a;
	struct case_file c;
	struct case_step old, new;
	struct buf before = BUF_INIT, after = BUF_INIT;
	sqlite3_stmt *q = NULL;
	bool changed = false, found = false;
	int rc;

	new = *stp;
	if (!new.note)
		new.note = "";
	if (new.status == STEP_STATUS_NONE)
		new.status = STEP_PENDING;
	arena_init(&a);
	if ((rc = wbegin(st, err)) ||
	    (rc = case_read(st, &a, stp->case_id, &c, err)))
		goto out;
	for (size_t i = 0; i < c.n_steps; i++)
		if (c.steps[i].id == stp->id) {
			old = c.steps[i];
			found = true;
		}
	if (!found || stp->id <= 0) {
		rc = not_found(err, "Trinnet");
		goto out;
	}
	/* What an update may not change. */
	new.case_id = old.case_id;
	new.position = old.position;
	new.stage = old.stage;
	new.body_id = old.body_id;
	new.org_id = old.org_id;
	if ((rc = step_check(&new, err)) ||
	    (rc = step_json(&old, &before, err)) ||
	    (rc = step_json(&new, &after, err)))
		goto out;
	if (buf_equal(&before, &after))
		goto out;
	if (!(q = prep(st, "UPDATE case_steps SET action = ?2, status = ?3, "
			   "started = ?4, finished = ?5, item_id = ?6, note = ?7, "
			   "due = ?8 WHERE id = ?1", err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(q, 1, old.id);
	bind_code(q, 2, step_action_code(new.action));
	bind_code(q, 3, step_status_code(new.status));
	bind_date(q, 4, new.started);
	bind_date(q, 5, new.finished);
	bind_id(q, 6, new.item_id);
	bind_text(q, 7, new.note);
	bind_date(q, 8, new.due);
	if ((rc = step_done(st, q, err)) ||
	    (rc = store_audit_insert(st, "update", "case_step", old.id, NULL,
				     c.origin_body_id, &before, &after, err)) ||
	    (rc = case_touch(st, c.id, err)))
		goto out;
	changed = true;
out:
	sqlite3_finalize(q);
	rc = wfinish(st, rc, changed, err);
	buf_free(&before);
	buf_free(&after);
	arena_free(&a);
	return rc;
}

static int item_ids_json(const int64_t *ids, size_t n, struct buf *out,
			 struct err *err)
{
	json_t *list = json_array();
	for (size_t i = 0; list && i < n; i++)
		json_array_append_new(list, json_integer((json_int_t)ids[i]));
	return dump_json(json_pack("{s:o}", "item_ids", list), out, err);
}

int store_case_link_item(struct store *st, int64_t case_id, int64_t item_id,
			 struct err *err)
{
	struct arena a;
	struct case_file c, now;
	struct buf before = BUF_INIT, after = BUF_INIT;
	bool changed = false;
	int64_t exists = 0;
	int rc;

	arena_init(&a);
	if ((rc = wbegin(st, err)) ||
	    (rc = case_read(st, &a, case_id, &c, err)))
		goto out;
	for (size_t i = 0; i < c.n_items; i++)
		if (c.item_ids[i] == item_id)
			goto out;	/* linked already */
	if ((rc = query_int(st, "SELECT count(*) FROM agenda_items WHERE id = ?1",
			    item_id, 0, &exists, err)))
		goto out;
	if (!exists) {
		rc = not_found(err, "Punktet");
		goto out;
	}
	if ((rc = links_insert(st, case_id, &item_id, 1, err)) ||
	    (rc = case_read(st, &a, case_id, &now, err)) ||
	    (rc = item_ids_json(c.item_ids, c.n_items, &before, err)) ||
	    (rc = item_ids_json(now.item_ids, now.n_items, &after, err)) ||
	    (rc = store_audit_insert(st, "update", "case", case_id, NULL,
				     c.origin_body_id, &before, &after, err)) ||
	    (rc = case_touch(st, case_id, err)))
		goto out;
	changed = true;
out:
	rc = wfinish(st, rc, changed, err);
	buf_free(&before);
	buf_free(&after);
	arena_free(&a);
	return rc;
}

int store_cases_of_item(struct store *st, struct arena *a, int64_t item_id,
			int64_t **ids, size_t *n, struct err *err)
{
	struct rows r = { .size = sizeof(int64_t) };
	int rc;

	*ids = NULL;
	*n = 0;
	store_lock(st);
	rc = load_rows(st, a, "SELECT case_id FROM case_items WHERE item_id = ?1 "
			      "ORDER BY case_id", item_id, NULL, 0, id_row, &r,
		       err);
	store_unlock(st);
	if (rc == 0) {
		*ids = r.data;
		*n = r.n;
	}
	return rc;
}

/* ---- follow-up actions ------------------------------------------------------ */

static int action_check(const struct followup_action *fa, struct err *err)
{
	if (!fa->what || !*fa->what)
		return invalid(err, "required",
			       "Opfølgningspunktet skal beskrive, hvad der skal ske.");
	if (fa->body_id <= 0)
		return invalid(err, "required",
			       "Opfølgningspunktet skal høre til et forum.");
	if ((int)fa->status < 0 || fa->status >= ACTION_STATUS__COUNT)
		return invalid(err, "bad_status",
			       "Opfølgningspunktets status er ugyldig.");
	if (!date_ok(fa->due))
		return invalid(err, "bad_date", "Opfølgningspunktets frist er ugyldig.");
	return 0;
}

static void action_bind(sqlite3_stmt *q, const struct followup_action *f)
{
	bind_id(q, 2, f->case_id);
	bind_id(q, 3, f->item_id);
	bind_id(q, 4, f->body_id);
	bind_text(q, 5, f->what);
	bind_id(q, 6, f->responsible_org_id);
	bind_id(q, 7, f->responsible_person_id);
	bind_id(q, 8, f->responsible_body_id);
	bind_date(q, 9, f->due);
	bind_code(q, 10, action_status_code(f->status));
	bind_id(q, 11, f->focus_area_id);
}

static int action_read(struct store *st, struct arena *a, int64_t id,
		       struct followup_action *out, struct err *err)
{
	struct followup_action *fs;
	size_t n;
	int rc;
	if (id <= 0)
		return not_found(err, "Opfølgningspunktet");
	if ((rc = load_actions(st, a, id, &fs, &n, err)))
		return rc;
	if (n == 0)
		return not_found(err, "Opfølgningspunktet");
	*out = fs[0];
	return 0;
}

int store_action_save(struct store *st, struct followup_action *fa,
		      struct err *err)
{
	struct arena a;
	struct followup_action old, new, now;
	struct buf before = BUF_INIT, after = BUF_INIT;
	sqlite3_stmt *q = NULL;
	bool changed = false;
	int64_t id = fa->id;
	int rc;

	if ((rc = action_check(fa, err)))
		return rc;
	new = *fa;
	if (!new.what)
		new.what = "";
	if (new.status == ACTION_STATUS_NONE)
		new.status = ACTION_OPEN;
	arena_init(&a);
	if ((rc = wbegin(st, err)))
		goto out;
	if (id) {
		if ((rc = action_read(st, &a, id, &old, err)))
			goto out;
		if (fa->revision > 0 && fa->revision != old.revision) {
			rc = stale(err, "opfølgningspunktet", "det", false);
			goto out;
		}
		if ((rc = action_json(&old, &before, err)) ||
		    (rc = action_json(&new, &after, err)))
			goto out;
		if (buf_equal(&before, &after)) {
			fa->revision = old.revision;
			goto out;
		}
		q = prep(st, "UPDATE followup_actions SET case_id = ?2, "
			     "item_id = ?3, body_id = ?4, what = ?5, "
			     "responsible_org_id = ?6, responsible_person_id = ?7, "
			     "responsible_body_id = ?8, due = ?9, status = ?10, "
			     "focus_area_id = ?11, revision = revision + 1, "
			     "modified = " STORE_NOW " WHERE id = ?1", err);
		if (q)
			sqlite3_bind_int64(q, 1, id);
	} else {
		q = prep(st, "INSERT INTO followup_actions (case_id, item_id, "
			     "body_id, what, responsible_org_id, "
			     "responsible_person_id, responsible_body_id, due, "
			     "status, focus_area_id, created, modified, revision) "
			     "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
			     STORE_NOW ", " STORE_NOW ", 1)", err);
	}
	if (!q) {
		rc = ERR_INTERNAL;
		goto out;
	}
	action_bind(q, &new);
	if ((rc = step_done(st, q, err)))
		goto out;
	if (!id)
		id = sqlite3_last_insert_rowid(st->db);
	if ((rc = action_read(st, &a, id, &now, err)))
		goto out;
	if (!fa->id) {
		buf_free(&after);
		if ((rc = action_json(&now, &after, err)))
			goto out;
	}
	if ((rc = store_audit_insert(st, fa->id ? "update" : "create", "action",
				     id, NULL, now.body_id,
				     fa->id ? &before : NULL, &after, err)))
		goto out;
	changed = true;
	fa->id = id;
	fa->status = now.status;
	fa->revision = now.revision;
	fa->created = arena_strdup(&st->keys, now.created);
	fa->modified = arena_strdup(&st->keys, now.modified);
out:
	sqlite3_finalize(q);
	rc = wfinish(st, rc, changed, err);
	buf_free(&before);
	buf_free(&after);
	arena_free(&a);
	return rc;
}

int store_action_note_add(struct store *st, int64_t action_id,
			  const char *text, struct err *err)
{
	struct arena a;
	struct followup_action fa;
	struct buf after = BUF_INIT;
	sqlite3_stmt *q = NULL;
	bool changed = false;
	int rc;

	if (!text || !*text)
		return invalid(err, "required", "Notatet er tomt.");
	arena_init(&a);
	if ((rc = wbegin(st, err)) ||
	    (rc = action_read(st, &a, action_id, &fa, err)))
		goto out;
	if (!(q = prep(st, "INSERT INTO followup_notes (action_id, at, author, "
			   "text) VALUES (?1, " STORE_NOW ", ?2, ?3)", err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(q, 1, action_id);
	sqlite3_bind_text(q, 2, store_actor(), -1, SQLITE_TRANSIENT);
	bind_text(q, 3, text);
	if ((rc = step_done(st, q, err)) ||
	    (rc = dump_json(json_pack("{s:I,s:o}", "action_id",
				      (json_int_t)action_id, "note", jstr(text)),
			    &after, err)) ||
	    (rc = store_audit_insert(st, "update", "action", action_id, NULL,
				     fa.body_id, NULL, &after, err)) ||
	    (rc = exec_id(st, "UPDATE followup_actions SET modified = " STORE_NOW
			      " WHERE id = ?1", action_id, err)))
		goto out;
	changed = true;
out:
	sqlite3_finalize(q);
	rc = wfinish(st, rc, changed, err);
	buf_free(&after);
	arena_free(&a);
	return rc;
}

/* ---- initiatives ------------------------------------------------------------ */

static int initiative_read(struct store *st, struct arena *a, int64_t id,
			   struct initiative *out, struct err *err)
{
	struct initiative *is;
	size_t n;
	int rc;
	if (id <= 0)
		return not_found(err, "Initiativet");
	if ((rc = load_initiatives(st, a, id, &is, &n, err)))
		return rc;
	if (n == 0)
		return not_found(err, "Initiativet");
	*out = is[0];
	return 0;
}

int store_initiative_save(struct store *st, struct initiative *in,
			  struct err *err)
{
	struct arena a;
	struct initiative old, new, now;
	struct buf before = BUF_INIT, after = BUF_INIT;
	sqlite3_stmt *q = NULL;
	bool changed = false;
	int64_t id = in->id;
	int rc;

	if (!in->title || !*in->title)
		return invalid(err, "required", "Initiativet skal have en titel.");
	if (in->area_id <= 0)
		return invalid(err, "required",
			       "Initiativet skal høre til en sundhedsklynge.");
	new = *in;
#define S(f) new.f = in->f ? in->f : ""
	S(what);
	S(results);
	S(contact_text);
#undef S
	arena_init(&a);
	if ((rc = wbegin(st, err)))
		goto out;
	if (id) {
		if ((rc = initiative_read(st, &a, id, &old, err)))
			goto out;
		if (in->revision > 0 && in->revision != old.revision) {
			rc = stale(err, "initiativet", "det", false);
			goto out;
		}
		if ((rc = initiative_json(&old, &before, err)) ||
		    (rc = initiative_json(&new, &after, err)))
			goto out;
		if (buf_equal(&before, &after)) {
			in->revision = old.revision;
			goto out;
		}
		q = prep(st, "UPDATE initiatives SET area_id = ?2, title = ?3, "
			     "what = ?4, results = ?5, contact_person_id = ?6, "
			     "contact_text = ?7, focus_area_id = ?8, revision = "
			     "revision + 1, modified = " STORE_NOW " WHERE id = ?1",
			 err);
		if (q)
			sqlite3_bind_int64(q, 1, id);
	} else {
		if ((rc = initiative_json(&new, &after, err)))
			goto out;
		q = prep(st, "INSERT INTO initiatives (area_id, title, what, "
			     "results, contact_person_id, contact_text, "
			     "focus_area_id, created, modified, revision) VALUES "
			     "(?2, ?3, ?4, ?5, ?6, ?7, ?8, " STORE_NOW ", "
			     STORE_NOW ", 1)", err);
	}
	if (!q) {
		rc = ERR_INTERNAL;
		goto out;
	}
	bind_id(q, 2, new.area_id);
	bind_text(q, 3, new.title);
	bind_text(q, 4, new.what);
	bind_text(q, 5, new.results);
	bind_id(q, 6, new.contact_person_id);
	bind_text(q, 7, new.contact_text);
	bind_id(q, 8, new.focus_area_id);
	if ((rc = step_done(st, q, err)))
		goto out;
	if (!id)
		id = sqlite3_last_insert_rowid(st->db);
	if ((rc = initiative_read(st, &a, id, &now, err)) ||
	    (rc = store_audit_insert(st, in->id ? "update" : "create",
				     "initiative", id, NULL, 0,
				     in->id ? &before : NULL, &after, err)))
		goto out;
	changed = true;
	in->id = id;
	in->revision = now.revision;
	in->created = arena_strdup(&st->keys, now.created);
	in->modified = arena_strdup(&st->keys, now.modified);
out:
	sqlite3_finalize(q);
	rc = wfinish(st, rc, changed, err);
	buf_free(&before);
	buf_free(&after);
	arena_free(&a);
	return rc;
}

int store_initiative_comment_add(struct store *st, int64_t initiative_id,
				 int64_t area_id, const char *text,
				 struct err *err)
{
	struct arena a;
	struct initiative in;
	struct buf after = BUF_INIT;
	sqlite3_stmt *q = NULL;
	bool changed = false;
	int64_t id;
	int rc;

	if (!text || !*text)
		return invalid(err, "required", "Kommentaren er tom.");
	arena_init(&a);
	if ((rc = wbegin(st, err)) ||
	    (rc = initiative_read(st, &a, initiative_id, &in, err)))
		goto out;
	if (!(q = prep(st, "INSERT INTO initiative_comments (initiative_id, at, "
			   "author, area_id, text) VALUES (?1, " STORE_NOW
			   ", ?2, ?3, ?4)", err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(q, 1, initiative_id);
	sqlite3_bind_text(q, 2, store_actor(), -1, SQLITE_TRANSIENT);
	bind_id(q, 3, area_id);
	bind_text(q, 4, text);
	if ((rc = step_done(st, q, err)))
		goto out;
	id = sqlite3_last_insert_rowid(st->db);
	if ((rc = dump_json(json_pack("{s:I,s:o,s:s,s:o}",
				      "initiative_id", (json_int_t)initiative_id,
				      "area_id", jid(area_id),
				      "author", store_actor(),
				      "text", jstr(text)), &after, err)) ||
	    (rc = store_audit_insert(st, "create", "comment", id, NULL, 0, NULL,
				     &after, err)) ||
	    (rc = exec_id(st, "UPDATE initiatives SET modified = " STORE_NOW
			      " WHERE id = ?1", initiative_id, err)))
		goto out;
	changed = true;
out:
	sqlite3_finalize(q);
	rc = wfinish(st, rc, changed, err);
	buf_free(&after);
	arena_free(&a);
	return rc;
}

int store_initiative_file_add(struct store *st, int64_t initiative_id,
			      struct attachment *at, const void *data,
			      size_t len, struct err *err)
{
	struct arena a;
	struct initiative in;
	struct buf after = BUF_INIT;
	sqlite3_stmt *q = NULL;
	char token[33], sha[65];
	int64_t last = 0, id;
	bool changed = false;
	int rc;

	if (len > (size_t)INT32_MAX)
		return invalid(err, "too_large", "Filen er for stor.");
	token_new(token);
	sha256_hex(data, len, sha);
	arena_init(&a);
	if ((rc = wbegin(st, err)) ||
	    (rc = initiative_read(st, &a, initiative_id, &in, err)) ||
	    (rc = query_int(st, "SELECT coalesce(max(position), 0) FROM "
				"initiative_files WHERE initiative_id = ?1",
			    initiative_id, 0, &last, err)))
		goto out;
	if (!(q = prep(st, "INSERT INTO initiative_files (initiative_id, position, "
			   "token, filename, media_type, size, sha256, data, "
			   "created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
			   STORE_NOW ")", err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(q, 1, initiative_id);
	sqlite3_bind_int64(q, 2, last + 1);
	sqlite3_bind_text(q, 3, token, 32, SQLITE_TRANSIENT);
	bind_text(q, 4, at->filename);
	bind_text(q, 5, at->media_type);
	sqlite3_bind_int64(q, 6, (int64_t)len);
	sqlite3_bind_text(q, 7, sha, 64, SQLITE_TRANSIENT);
	sqlite3_bind_blob(q, 8, len ? data : "", (int)len, SQLITE_STATIC);
	if ((rc = step_done(st, q, err)))
		goto out;
	id = sqlite3_last_insert_rowid(st->db);
	if ((rc = dump_json(json_pack("{s:{s:I,s:o,s:o,s:I,s:s}}", "file",
				      "position", (json_int_t)(last + 1),
				      "filename", jstr(at->filename),
				      "media_type", jstr(at->media_type),
				      "size", (json_int_t)len,
				      "sha256", sha), &after, err)) ||
	    (rc = store_audit_insert(st, "update", "initiative", initiative_id,
				     NULL, 0, NULL, &after, err)) ||
	    (rc = exec_id(st, "UPDATE initiatives SET modified = " STORE_NOW
			      " WHERE id = ?1", initiative_id, err)))
		goto out;
	changed = true;
	at->id = id;
	at->item_id = 0;
	at->position = (int)last + 1;
	at->token = arena_strdup(&st->keys, token);
	at->size = (int64_t)len;
	at->sha256 = arena_strdup(&st->keys, sha);
	at->created = "";
	if (!at->filename)
		at->filename = "";
	if (!at->media_type)
		at->media_type = "";
out:
	sqlite3_finalize(q);
	rc = wfinish(st, rc, changed, err);
	buf_free(&after);
	arena_free(&a);
	return rc;
}
