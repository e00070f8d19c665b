/*
 * meetings.c - meetings, agenda items, attachments, attendance, the
 * checklist, state events and generated documents on SQLite (store.h,
 * "meetings"; tables in 0005_meetings.sql).
 *
 * Same rules as sqlite.c: every call holds the store's lock for its
 * whole duration, every statement is a constant string with bound
 * values, every write is one BEGIN IMMEDIATE transaction that also
 * writes its audit row(s) (body_id = the meeting's body, actor =
 * store_actor()). A write that changes nothing is rolled back: no audit
 * row, no revision, no move of the generation.
 *
 * Revisions: meetings and items carry one. A save given revision > 0
 * happens only while the stored one is still that (checked inside the
 * write transaction), else ERR_CONFLICT "stale". The revision goes up
 * when the row's canonical JSON (meeting_fields_json, item_fields_json)
 * changes; renumbering items changes their number but is not a save of
 * the item and leaves its revision (an open edit form stays valid).
 *
 * Bytes: attachments and documents keep their bytes in the row; only
 * store_blob_get reads them. Metadata reads never select `data`, and the
 * audit log keeps metadata only (never bytes, never the token: the token
 * is the capability to read the bytes, and the Historik may be public).
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>

#include <jansson.h>
#include <sodium.h>

#include "../util/date.h"

/* ---- small helpers ------------------------------------------------------ */

static int not_found(struct err *err, const char *what)
{
	err_set(err, ERR_NOT_FOUND, "not_found", "%s findes ikke.", what);
	return ERR_NOT_FOUND;
}









/* A write below a meeting changes what OParl embeds in it. */
static int touch_meeting(struct store *st, int64_t meeting_id, struct err *err)
{
	return exec_id(st, "UPDATE meetings SET modified = " STORE_NOW
			   " WHERE id = ?1", meeting_id, err);
}


/* The SHA-256 of the bytes as 64 lowercase hex into out[65]. */
static void sha256_hex(const void *data, size_t len, char *out)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	if (sodium_init() < 0)
		abort();
	crypto_hash_sha256(h, len ? data : (const unsigned char *)"", len);
	sodium_bin2hex(out, 65, h, sizeof(h));
}

static bool token_valid(const char *t)
{
	size_t i;
	if (!t)
		return false;
	for (i = 0; t[i]; i++)
		if (i >= 32 || !((t[i] >= '0' && t[i] <= '9') ||
				 (t[i] >= 'a' && t[i] <= 'f')))
			return false;
	return i == 32;
}

/* An enum code, NULL for none. */
static void bind_code(sqlite3_stmt *q, int i, const char *code)
{
	if (!code || !*code)
		sqlite3_bind_null(q, i);
	else
		sqlite3_bind_text(q, i, code, -1, SQLITE_STATIC);
}

static void bind_int_or_null(sqlite3_stmt *q, int i, int v)
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

/* A growable arena array of rows, each with the index of the meeting it
 * belongs to (rows arrive grouped by meeting). */
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

/* ---- reading rows ------------------------------------------------------- */

#define MEETING_COLS                                                        \
	"m.id, m.body_id, m.kind, m.state, m.title, m.date, m.start_min, "  \
	"m.end_min, m.place, m.online_url, m.sequence, m.was_published, "  \
	"m.created, m.modified, m.revision"

static void meeting_row(struct arena *a, sqlite3_stmt *q, struct meeting *m)
{
	memset(m, 0, sizeof(*m));
	m->id = sqlite3_column_int64(q, 0);
	m->body_id = sqlite3_column_int64(q, 1);
	m->kind = meeting_kind_from_code(col_code(q, 2), NULL);
	m->state = meeting_state_from_code(col_code(q, 3), NULL);
	m->title = col_text(a, q, 4);
	m->date = sqlite3_column_int(q, 5);
	m->start_min = sqlite3_column_int(q, 6);
	m->end_min = sqlite3_column_int(q, 7);
	m->place = col_text(a, q, 8);
	m->online_url = col_text(a, q, 9);
	m->sequence = sqlite3_column_int(q, 10);
	m->was_published = sqlite3_column_int(q, 11) != 0;
	m->created = col_text(a, q, 12);
	m->modified = col_text(a, q, 13);
	m->revision = sqlite3_column_int64(q, 14);
}

/* The full item; the shallow one (lists) selects '' for the texts. */
#define ITEM_COLS                                                           \
	"i.id, i.meeting_id, i.number, i.title, i.case_number, i.kind, "    \
	"i.closed, i.psychiatry, i.handler_person_id, i.summary, "         \
	"i.presentation, i.recommended_by, i.resolutions, i.dissent, "     \
	"i.guests, i.decision, i.outcome, i.created, i.modified, i.revision"
#define ITEM_COLS_SHALLOW                                                   \
	"i.id, i.meeting_id, i.number, i.title, i.case_number, i.kind, "    \
	"i.closed, i.psychiatry, i.handler_person_id, '', '', '', '', '', " \
	"'', '', i.outcome, i.created, i.modified, i.revision"

static void item_row(struct arena *a, sqlite3_stmt *q, int i,
		     struct agenda_item *it)
{
	memset(it, 0, sizeof(*it));
	it->id = sqlite3_column_int64(q, i);
	it->meeting_id = sqlite3_column_int64(q, i + 1);
	it->number = sqlite3_column_int(q, i + 2);
	it->title = col_text(a, q, i + 3);
	it->case_number = col_text(a, q, i + 4);
	it->kind = item_kind_from_code(col_code(q, i + 5), NULL);
	it->closed = sqlite3_column_int(q, i + 6) != 0;
	it->psychiatry = sqlite3_column_int(q, i + 7) != 0;
	it->handler_person_id = sqlite3_column_int64(q, i + 8);
	it->summary = col_text(a, q, i + 9);
	it->presentation = col_text(a, q, i + 10);
	it->recommended_by = col_text(a, q, i + 11);
	it->resolutions = col_text(a, q, i + 12);
	it->dissent = col_text(a, q, i + 13);
	it->guests = col_text(a, q, i + 14);
	it->decision = col_text(a, q, i + 15);
	it->outcome = item_outcome_from_code(col_code(q, i + 16), NULL);
	it->created = col_text(a, q, i + 17);
	it->modified = col_text(a, q, i + 18);
	it->revision = sqlite3_column_int64(q, i + 19);
}

#define ATTACHMENT_COLS                                                     \
	"a.id, a.item_id, a.position, a.token, a.filename, a.media_type, "  \
	"a.size, a.sha256, a.created"

static void attachment_row(struct arena *a, sqlite3_stmt *q, int i,
			   struct attachment *at)
{
	memset(at, 0, sizeof(*at));
	at->id = sqlite3_column_int64(q, i);
	at->item_id = sqlite3_column_int64(q, i + 1);
	at->position = sqlite3_column_int(q, i + 2);
	at->token = col_text(a, q, i + 3);
	at->filename = col_text(a, q, i + 4);
	at->media_type = col_text(a, q, i + 5);
	at->size = sqlite3_column_int64(q, i + 6);
	at->sha256 = col_text(a, q, i + 7);
	at->created = col_text(a, q, i + 8);
}

#define ATTENDANCE_COLS "a.id, a.meeting_id, a.membership_id, a.status, a.note"

static void attendance_row(struct arena *a, sqlite3_stmt *q, int i,
			   struct attendance *at)
{
	memset(at, 0, sizeof(*at));
	at->id = sqlite3_column_int64(q, i);
	at->meeting_id = sqlite3_column_int64(q, i + 1);
	at->membership_id = sqlite3_column_int64(q, i + 2);
	at->status = attendance_status_from_code(col_code(q, i + 3), NULL);
	at->note = col_text(a, q, i + 4);
}

#define TASK_COLS                                                           \
	"t.id, t.meeting_id, t.position, t.key, t.label, t.responsible, "   \
	"t.due, t.done, t.done_by, t.done_at"

static void task_row(struct arena *a, sqlite3_stmt *q, int i,
		     struct meeting_task *t)
{
	memset(t, 0, sizeof(*t));
	t->id = sqlite3_column_int64(q, i);
	t->meeting_id = sqlite3_column_int64(q, i + 1);
	t->position = sqlite3_column_int(q, i + 2);
	t->key = col_text(a, q, i + 3);
	t->label = col_text(a, q, i + 4);
	t->responsible = col_text(a, q, i + 5);
	t->due = sqlite3_column_int(q, i + 6);
	t->done = sqlite3_column_int(q, i + 7) != 0;
	t->done_by = col_text(a, q, i + 8);
	t->done_at = col_text(a, q, i + 9);
}

#define EVENT_COLS "e.id, e.from_state, e.to_state, e.actor, e.at"

static void event_row(struct arena *a, sqlite3_stmt *q, int i,
		      struct meeting_event *e)
{
	memset(e, 0, sizeof(*e));
	e->id = sqlite3_column_int64(q, i);
	e->from = meeting_state_from_code(col_code(q, i + 1), NULL);
	e->to = meeting_state_from_code(col_code(q, i + 2), NULL);
	e->actor = col_text(a, q, i + 3);
	e->at = col_text(a, q, i + 4);
}

#define DOCUMENT_COLS                                                       \
	"d.id, d.meeting_id, d.kind, d.version, d.public_edition, d.token, " \
	"d.size, d.sha256, d.created, d.created_by"

static void document_row(struct arena *a, sqlite3_stmt *q, int i,
			 struct meeting_document *d)
{
	memset(d, 0, sizeof(*d));
	d->id = sqlite3_column_int64(q, i);
	d->meeting_id = sqlite3_column_int64(q, i + 1);
	d->kind = document_kind_from_code(col_code(q, i + 2), NULL);
	d->version = sqlite3_column_int(q, i + 3);
	d->public_edition = sqlite3_column_int(q, i + 4) != 0;
	d->token = col_text(a, q, i + 5);
	d->size = sqlite3_column_int64(q, i + 6);
	d->sha256 = col_text(a, q, i + 7);
	d->created = col_text(a, q, i + 8);
	d->created_by = col_text(a, q, i + 9);
}

/* One row by id with sql (?1 = id) read by fn; ERR_NOT_FOUND naming
 * `what` when there is none. Unlocked. */
static int read_one(struct store *st, const char *sql, int64_t id,
		    void (*fn)(struct arena *, sqlite3_stmt *, int, void *),
		    struct arena *a, void *out, const char *what,
		    struct err *err)
{
	sqlite3_stmt *q = prep(st, sql, err);
	int r, rc = 0;
	if (!q)
		return ERR_INTERNAL;
	sqlite3_bind_int64(q, 1, id);
	r = sqlite3_step(q);
	if (r == SQLITE_ROW)
		fn(a, q, 0, out);
	else if (r == SQLITE_DONE)
		rc = not_found(err, what);
	else
		rc = db_error(st, sqlite3_extended_errcode(st->db), err);
	sqlite3_finalize(q);
	return rc;
}

static void meeting_row_v(struct arena *a, sqlite3_stmt *q, int i, void *m)
{
	(void)i;
	meeting_row(a, q, m);
}
static void item_row_v(struct arena *a, sqlite3_stmt *q, int i, void *it)
{
	item_row(a, q, i, it);
}
static void attachment_row_v(struct arena *a, sqlite3_stmt *q, int i, void *at)
{
	attachment_row(a, q, i, at);
}
static void task_row_v(struct arena *a, sqlite3_stmt *q, int i, void *t)
{
	task_row(a, q, i, t);
}

/* The meeting's own fields (no children). Unlocked. */
static int meeting_read(struct store *st, struct arena *a, int64_t id,
			struct meeting *m, struct err *err)
{
	return read_one(st, "SELECT " MEETING_COLS " FROM meetings m "
			    "WHERE m.id = ?1", id, meeting_row_v, a, m,
			"Mødet", err);
}

static int item_read(struct store *st, struct arena *a, int64_t id,
		     struct agenda_item *it, struct err *err)
{
	return read_one(st, "SELECT " ITEM_COLS " FROM agenda_items i "
			    "WHERE i.id = ?1", id, item_row_v, a, it,
			"Punktet", err);
}

/* ---- loading meetings (get, lists) -------------------------------------
 * One set of queries per way of choosing meetings; each child query
 * selects the children of all chosen meetings at once, ordered by
 * meeting, so a list costs the same few queries however long it is.
 */
struct load_sql {
	const char *meetings;
	const char *items;
	const char *attachments;
	const char *attendance;
	const char *tasks;
	const char *events;
	const char *documents;
};

#define LOAD_SQL(item_cols, where)                                          \
	{                                                                   \
	.meetings = "SELECT " MEETING_COLS " FROM meetings m WHERE " where  \
		    " ORDER BY m.date, m.start_min, m.id",                  \
	.items = "SELECT " item_cols " FROM agenda_items i WHERE "          \
		 "i.meeting_id IN (SELECT m.id FROM meetings m WHERE " where \
		 ") ORDER BY i.meeting_id, i.number, i.id",                  \
	.attachments = "SELECT i.meeting_id, " ATTACHMENT_COLS              \
		 " FROM attachments a "                                     \
		 "JOIN agenda_items i ON i.id = a.item_id WHERE "           \
		 "i.meeting_id IN (SELECT m.id FROM meetings m WHERE " where \
		 ") ORDER BY i.meeting_id, i.number, i.id, a.position, a.id", \
	.attendance = "SELECT " ATTENDANCE_COLS " FROM attendance a WHERE " \
		 "a.meeting_id IN (SELECT m.id FROM meetings m WHERE " where \
		 ") ORDER BY a.meeting_id, a.id",                            \
	.tasks = "SELECT " TASK_COLS " FROM meeting_tasks t WHERE "         \
		 "t.meeting_id IN (SELECT m.id FROM meetings m WHERE " where \
		 ") ORDER BY t.meeting_id, t.position, t.id",                \
	.events = "SELECT e.meeting_id, " EVENT_COLS " FROM meeting_events e " \
		 "WHERE e.meeting_id IN (SELECT m.id FROM meetings m WHERE " \
		 where ") ORDER BY e.meeting_id, e.id",                      \
	.documents = "SELECT " DOCUMENT_COLS " FROM meeting_documents d "   \
		 "WHERE d.meeting_id IN (SELECT m.id FROM meetings m WHERE " \
		 where ") ORDER BY d.meeting_id, d.id",                      \
	}

/* The meeting's date as membership dates are written ('YYYY-MM-DD'). */
#define MEETING_DAY \
	"printf('%04d-%02d-%02d', m.date / 10000, m.date / 100 % 100, m.date % 100)"
#define DATE_RANGE "(?2 = 0 OR m.date >= ?2) AND (?3 = 0 OR m.date <= ?3)"

static const struct load_sql load_by_id = LOAD_SQL(ITEM_COLS, "m.id = ?1");
static const struct load_sql load_by_body = LOAD_SQL(ITEM_COLS_SHALLOW,
	"(?1 = 0 OR m.body_id = ?1) AND " DATE_RANGE);
static const struct load_sql load_by_person = LOAD_SQL(ITEM_COLS_SHALLOW,
	"EXISTS (SELECT 1 FROM membership ms WHERE ms.person_id = ?1 "
	"AND ms.body_id = m.body_id "
	"AND (ms.start_date IS NULL OR ms.start_date <= " MEETING_DAY ") "
	"AND (ms.end_date IS NULL OR ms.end_date >= " MEETING_DAY ")) AND "
	DATE_RANGE);

struct id_index {
	int64_t id;
	size_t i;
};

static int id_index_cmp(const void *a, const void *b)
{
	const struct id_index *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

/* The index in ms of meeting id (it is there: children are selected by
 * the same condition as the meetings, in the same transaction). */
static size_t owner_of(const struct id_index *ix, size_t n, int64_t id)
{
	struct id_index key = { .id = id };
	const struct id_index *f = bsearch(&key, ix, n, sizeof(*ix),
					   id_index_cmp);
	return f ? f->i : 0;
}

/* Prepares sql with the selection's values bound. */
static sqlite3_stmt *prep_sel(struct store *st, const char *sql, int64_t p1,
			      int from, int to, struct err *err)
{
	sqlite3_stmt *q = prep(st, sql, err);
	if (!q)
		return NULL;
	/* ?2 and ?3 are absent from the by-id queries: SQLITE_RANGE there
	 * is harmless. */
	sqlite3_bind_int64(q, 1, p1);
	sqlite3_bind_int(q, 2, from);
	sqlite3_bind_int(q, 3, to);
	return q;
}

/* The rows of one child query into r: the meeting's id is in column
 * meeting_col, fn reads the row from column first_col on. */
static int load_rows(struct store *st, struct arena *a, const char *sql,
		     int64_t p1, int from, int to, const struct id_index *ix,
		     size_t n_ix, int meeting_col, int first_col,
		     void (*fn)(struct arena *, sqlite3_stmt *, int, void *),
		     struct rows *r, struct err *err)
{
	sqlite3_stmt *q = prep_sel(st, sql, p1, from, to, err);
	int s, rc = 0;
	if (!q)
		return ERR_INTERNAL;
	while ((s = sqlite3_step(q)) == SQLITE_ROW) {
		size_t o = owner_of(ix, n_ix, sqlite3_column_int64(q, meeting_col));
		fn(a, q, first_col, rows_push(a, r, o));
	}
	if (s != SQLITE_DONE)
		rc = db_error(st, sqlite3_extended_errcode(st->db), err);
	sqlite3_finalize(q);
	return rc;
}

static void attendance_row_v(struct arena *a, sqlite3_stmt *q, int i, void *x)
{
	attendance_row(a, q, i, x);
}
static void event_row_v(struct arena *a, sqlite3_stmt *q, int i, void *x)
{
	event_row(a, q, i, x);
}
static void document_row_v(struct arena *a, sqlite3_stmt *q, int i, void *x)
{
	document_row(a, q, i, x);
}

/* Hands each meeting its slice of r (rows are grouped by meeting). */
#define SLICES(ms, r, type, field, count)                                   \
	do {                                                                \
		type *base_ = (r).data;                                     \
		for (size_t k_ = 0; k_ < (r).n; k_++) {                     \
			struct meeting *m_ = &(ms)[(r).owner[k_]];          \
			if (m_->count++ == 0)                               \
				m_->field = &base_[k_];                     \
		}                                                           \
	} while (0)

/*
 * The meetings chosen by sql (p1, from, to bound), with items, events
 * and documents; with `full` also attachments, attendance and tasks.
 * Everything in the arena. Locked by the caller, inside one read
 * transaction (one snapshot).
 */
static int load_meetings(struct store *st, struct arena *a,
			 const struct load_sql *sql, int64_t p1, int from,
			 int to, bool full, struct meeting **out, size_t *n,
			 struct err *err)
{
	struct meeting *ms = NULL;
	struct id_index *ix = NULL;
	size_t count = 0, cap = 0;
	struct rows items = { .size = sizeof(struct agenda_item) };
	struct rows atts = { .size = sizeof(struct attachment) };
	struct rows attendance = { .size = sizeof(struct attendance) };
	struct rows tasks = { .size = sizeof(struct meeting_task) };
	struct rows events = { .size = sizeof(struct meeting_event) };
	struct rows docs = { .size = sizeof(struct meeting_document) };
	sqlite3_stmt *q = NULL;
	int s, rc = 0;

	*out = NULL;
	*n = 0;
	if (!(q = prep_sel(st, sql->meetings, p1, from, to, err)))
		return ERR_INTERNAL;
	while ((s = sqlite3_step(q)) == SQLITE_ROW) {
		if (count == cap) {
			size_t nc = cap ? cap * 2 : 16;
			ms = arena_grow(a, ms, count, nc, sizeof(*ms));
			cap = nc;
		}
		meeting_row(a, q, &ms[count++]);
	}
	if (s != SQLITE_DONE)
		rc = db_error(st, sqlite3_extended_errcode(st->db), err);
	sqlite3_finalize(q);
	if (rc || count == 0)
		return rc;

	ix = arena_array(a, count, sizeof(*ix));
	for (size_t i = 0; i < count; i++)
		ix[i] = (struct id_index){ ms[i].id, i };
	qsort(ix, count, sizeof(*ix), id_index_cmp);

	if ((rc = load_rows(st, a, sql->items, p1, from, to, ix, count, 1, 0,
			    item_row_v, &items, err)) ||
	    (rc = load_rows(st, a, sql->events, p1, from, to, ix, count, 0, 1,
			    event_row_v, &events, err)) ||
	    (rc = load_rows(st, a, sql->documents, p1, from, to, ix, count, 1,
			    0, document_row_v, &docs, err)))
		return rc;
	if (full &&
	    ((rc = load_rows(st, a, sql->attachments, p1, from, to, ix, count,
			     0, 1, attachment_row_v, &atts, err)) ||
	     (rc = load_rows(st, a, sql->attendance, p1, from, to, ix, count,
			     1, 0, attendance_row_v, &attendance, err)) ||
	     (rc = load_rows(st, a, sql->tasks, p1, from, to, ix, count, 1, 0,
			     task_row_v, &tasks, err))))
		return rc;

	SLICES(ms, items, struct agenda_item, items, n_items);
	SLICES(ms, events, struct meeting_event, events, n_events);
	SLICES(ms, docs, struct meeting_document, documents, n_documents);
	SLICES(ms, attendance, struct attendance, attendance, n_attendance);
	SLICES(ms, tasks, struct meeting_task, tasks, n_tasks);

	/* Attachments come in the items' order (meeting, number, id):
	 * walk both. */
	{
		struct agenda_item *its = items.data;
		struct attachment *as = atts.data;
		size_t k = 0;
		for (size_t j = 0; j < atts.n; j++) {
			while (k < items.n && its[k].id != as[j].item_id)
				k++;
			if (k == items.n)
				break;	/* cannot happen: same snapshot */
			if (its[k].n_attachments++ == 0)
				its[k].attachments = &as[j];
		}
	}
	*out = ms;
	*n = count;
	return 0;
}

/* A read: lock, one snapshot, load, unlock. */
static int read_meetings(struct store *st, struct arena *a,
			 const struct load_sql *sql, int64_t p1, int from,
			 int to, bool full, struct meeting **out, size_t *n,
			 struct err *err)
{
	int rc;
	store_lock(st);
	if ((rc = exec(st, "BEGIN", err)) == 0)
		rc = load_meetings(st, a, sql, p1, from, to, full, out, n, err);
	tx_rollback(st);
	store_unlock(st);
	return rc;
}

int store_meeting_get(struct store *st, struct arena *a, int64_t id,
		      struct meeting *out, struct err *err)
{
	struct meeting *ms = NULL;
	size_t n = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	if (id <= 0)
		return not_found(err, "Mødet");
	rc = read_meetings(st, a, &load_by_id, id, 0, 0, true, &ms, &n, err);
	if (rc)
		return rc;
	if (n == 0)
		return not_found(err, "Mødet");
	*out = ms[0];
	return 0;
}

int store_meeting_list(struct store *st, struct arena *a, int64_t body_id,
		       int from, int to, struct meeting **out, size_t *n,
		       struct err *err)
{
	return read_meetings(st, a, &load_by_body, body_id < 0 ? 0 : body_id,
			     from, to, false, out, n, err);
}

int store_meeting_list_person(struct store *st, struct arena *a,
			      int64_t person_id, int from, int to,
			      struct meeting **out, size_t *n,
			      struct err *err)
{
	return read_meetings(st, a, &load_by_person, person_id, from, to,
			     false, out, n, err);
}

/* ---- audit JSON of the small objects -------------------------------------
 * Attachments, attendance, tasks and documents have no json function in
 * the interface; their audit rows keep these (metadata only).
 */

static json_t *jcode(const char *code)
{
	return code && *code ? json_string(code) : json_null();
}


static int attachment_json(const struct attachment *at, int64_t meeting_id,
			   struct buf *out, struct err *err)
{
	json_t *j = json_pack("{s:I,s:I,s:i,s:s?,s:s?,s:I,s:s?}",
			      "meeting_id", (json_int_t)meeting_id,
			      "item_id", (json_int_t)at->item_id,
			      "position", at->position,
			      "filename", at->filename,
			      "media_type", at->media_type,
			      "size", (json_int_t)at->size,
			      "sha256", at->sha256);
	return dump_json(j, out, err);
}

static int attendance_json(const struct attendance *at, struct buf *out,
			   struct err *err)
{
	json_t *j = json_pack("{s:I,s:I,s:o,s:s?}",
			      "meeting_id", (json_int_t)at->meeting_id,
			      "membership_id", (json_int_t)at->membership_id,
			      "status", jcode(attendance_status_code(at->status)),
			      "note", at->note);
	return dump_json(j, out, err);
}

static int task_json(const struct meeting_task *t, struct buf *out,
		     struct err *err)
{
	char due[16] = "";
	if (t->due && date_valid(t->due))
		date_format(t->due, due, sizeof(due));
	json_t *j = json_pack("{s:I,s:i,s:s?,s:s?,s:s?,s:o,s:b,s:s?,s:s?}",
			      "meeting_id", (json_int_t)t->meeting_id,
			      "position", t->position,
			      "key", t->key,
			      "label", t->label,
			      "responsible", t->responsible,
			      "due", *due ? json_string(due) : json_null(),
			      "done", t->done,
			      "done_by", t->done_by,
			      "done_at", t->done_at);
	return dump_json(j, out, err);
}

static int document_json(const struct meeting_document *d, struct buf *out,
			 struct err *err)
{
	json_t *j = json_pack("{s:I,s:o,s:i,s:b,s:I,s:s?,s:s?}",
			      "meeting_id", (json_int_t)d->meeting_id,
			      "kind", jcode(document_kind_code(d->kind)),
			      "version", d->version,
			      "public_edition", d->public_edition,
			      "size", (json_int_t)d->size,
			      "sha256", d->sha256,
			      "created_by", d->created_by);
	return dump_json(j, out, err);
}

/* ---- meetings ----------------------------------------------------------- */

/* The store's checks of a meeting's own values (the rules are core's). */
static int meeting_check(const struct meeting *m, struct err *err)
{
	if (m->body_id <= 0)
		return invalid(err, "required", "Mødet skal høre til et forum.");
	if ((int)m->kind < 0 || m->kind >= MEETING_KIND__COUNT)
		return invalid(err, "bad_kind", "Mødets type er ugyldig.");
	if (!date_valid(m->date))
		return invalid(err, "bad_date", "Mødets dato er ugyldig.");
	if (m->start_min < 0 || m->start_min > 23 * 60 + 59 ||
	    m->end_min <= m->start_min || m->end_min > 24 * 60)
		return invalid(err, "bad_time",
			       "Mødets tidspunkt er ugyldigt: det skal slutte "
			       "efter, det begynder, samme dag.");
	return 0;
}

static int event_insert(struct store *st, int64_t meeting_id,
			enum meeting_state from, enum meeting_state to,
			struct err *err)
{
	sqlite3_stmt *q = prep(st, "INSERT INTO meeting_events (meeting_id, "
				   "from_state, to_state, actor, at) VALUES "
				   "(?1, ?2, ?3, ?4, " STORE_NOW ")", err);
	int rc;
	if (!q)
		return ERR_INTERNAL;
	sqlite3_bind_int64(q, 1, meeting_id);
	bind_code(q, 2, meeting_state_code(from));
	bind_code(q, 3, meeting_state_code(to));
	sqlite3_bind_text(q, 4, store_actor(), -1, SQLITE_TRANSIENT);
	rc = step_done(st, q, err);
	sqlite3_finalize(q);
	return rc;
}

static int tasks_insert(struct store *st, int64_t meeting_id,
			struct meeting_task *tasks, size_t n, struct err *err)
{
	sqlite3_stmt *q = prep(st, "INSERT INTO meeting_tasks (meeting_id, "
				   "position, key, label, responsible, due, "
				   "done, done_by, done_at) VALUES "
				   "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", err);
	int rc = 0;
	if (!q)
		return ERR_INTERNAL;
	for (size_t i = 0; i < n; i++) {
		struct meeting_task *t = &tasks[i];
		if (t->due && !date_valid(t->due)) {
			rc = invalid(err, "bad_date",
				     "En opgaves frist er ugyldig.");
			break;
		}
		sqlite3_reset(q);
		sqlite3_bind_int64(q, 1, meeting_id);
		sqlite3_bind_int(q, 2, t->position > 0 ? t->position
						       : (int)i + 1);
		bind_text(q, 3, t->key);
		bind_text(q, 4, t->label);
		bind_text(q, 5, t->responsible);
		bind_int_or_null(q, 6, t->due);
		sqlite3_bind_int(q, 7, t->done ? 1 : 0);
		bind_text(q, 8, t->done ? t->done_by : "");
		bind_text(q, 9, t->done ? t->done_at : "");
		if ((rc = step_done(st, q, err)))
			break;
		t->id = sqlite3_last_insert_rowid(st->db);
		t->meeting_id = meeting_id;
		if (t->position <= 0)
			t->position = (int)i + 1;
	}
	sqlite3_finalize(q);
	return rc;
}

/* Inserts a new meeting (planned) with its event and checklist. */
static int meeting_insert(struct store *st, struct arena *a, struct meeting *m,
			  struct err *err)
{
	sqlite3_stmt *q = prep(st, "INSERT INTO meetings (body_id, kind, state, "
				   "title, date, start_min, end_min, place, "
				   "online_url, sequence, was_published, created, "
				   "modified, revision) VALUES (?1, ?2, 'planned', "
				   "?3, ?4, ?5, ?6, ?7, ?8, 0, 0, " STORE_NOW ", "
				   STORE_NOW ", 1)", err);
	struct meeting now;
	struct buf after = BUF_INIT;
	int64_t id;
	int rc;

	if (!q)
		return ERR_INTERNAL;
	sqlite3_bind_int64(q, 1, m->body_id);
	bind_code(q, 2, meeting_kind_code(m->kind));
	bind_text(q, 3, m->title);
	sqlite3_bind_int(q, 4, m->date);
	sqlite3_bind_int(q, 5, m->start_min);
	sqlite3_bind_int(q, 6, m->end_min);
	bind_text(q, 7, m->place);
	bind_text(q, 8, m->online_url);
	rc = step_done(st, q, err);
	sqlite3_finalize(q);
	if (rc)
		return rc;
	id = sqlite3_last_insert_rowid(st->db);
	if ((rc = event_insert(st, id, MEETING_STATE_NONE, MEETING_PLANNED, err)) ||
	    (rc = tasks_insert(st, id, m->tasks, m->n_tasks, err)) ||
	    (rc = meeting_read(st, a, id, &now, err)))
		return rc;
	if (meeting_fields_json(&now, &after) != 0)
		rc = json_failed(err);
	else
		rc = store_audit_insert(st, "create", "meeting", id, NULL,
					now.body_id, NULL, &after, err);
	buf_free(&after);
	if (rc == 0) {
		m->id = id;
		m->state = MEETING_PLANNED;
		m->sequence = 0;
		m->was_published = false;
		m->revision = now.revision;
	}
	return rc;
}

/* Updates a meeting's own fields; *changed when anything did. */
static int meeting_update(struct store *st, struct arena *a, struct meeting *m,
			  bool *changed, struct err *err)
{
	struct meeting old, new;
	struct buf before = BUF_INIT, after = BUF_INIT;
	sqlite3_stmt *q = NULL;
	int rc;

	if ((rc = meeting_read(st, a, m->id, &old, err)))
		goto out;
	if (m->revision > 0 && m->revision != old.revision) {
		rc = stale(err, "mødet", "det", false);
		goto out;
	}
	new = old;
	new.body_id = m->body_id;
	new.kind = m->kind;
	new.title = m->title ? m->title : "";
	new.date = m->date;
	new.start_min = m->start_min;
	new.end_min = m->end_min;
	new.place = m->place ? m->place : "";
	new.online_url = m->online_url ? m->online_url : "";
	/* iCalendar: attendees' calendars update only when SEQUENCE grows. */
	if (new.date != old.date || new.start_min != old.start_min ||
	    new.end_min != old.end_min || strcmp(new.place, old.place) != 0 ||
	    strcmp(new.online_url, old.online_url) != 0)
		new.sequence = old.sequence + 1;
	if (meeting_fields_json(&old, &before) != 0 ||
	    meeting_fields_json(&new, &after) != 0) {
		rc = json_failed(err);
		goto out;
	}
	if (buf_equal(&before, &after))
		goto done;
	if (!(q = prep(st, "UPDATE meetings SET body_id = ?2, kind = ?3, "
			   "title = ?4, date = ?5, start_min = ?6, end_min = ?7, "
			   "place = ?8, online_url = ?9, sequence = ?10, "
			   "revision = revision + 1, modified = " STORE_NOW
			   " WHERE id = ?1", err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(q, 1, old.id);
	sqlite3_bind_int64(q, 2, new.body_id);
	bind_code(q, 3, meeting_kind_code(new.kind));
	bind_text(q, 4, new.title);
	sqlite3_bind_int(q, 5, new.date);
	sqlite3_bind_int(q, 6, new.start_min);
	sqlite3_bind_int(q, 7, new.end_min);
	bind_text(q, 8, new.place);
	bind_text(q, 9, new.online_url);
	sqlite3_bind_int(q, 10, new.sequence);
	if ((rc = step_done(st, q, err)) ||
	    (rc = store_audit_insert(st, "update", "meeting", old.id, NULL,
				     new.body_id, &before, &after, err)))
		goto out;
	new.revision = old.revision + 1;
	*changed = true;
done:
	m->revision = new.revision;
	m->sequence = new.sequence;
	m->state = old.state;
	m->was_published = old.was_published;
out:
	sqlite3_finalize(q);
	buf_free(&before);
	buf_free(&after);
	return rc;
}

int store_meeting_save(struct store *st, struct meeting *m, struct err *err)
{
	struct arena a;
	bool changed = false;
	int rc;

	if ((rc = meeting_check(m, err)))
		return rc;
	arena_init(&a);
	if ((rc = wbegin(st, err)) == 0) {
		if (m->id) {
			rc = meeting_update(st, &a, m, &changed, err);
		} else {
			rc = meeting_insert(st, &a, m, err);
			changed = true;
		}
	}
	rc = wfinish(st, rc, changed, err);
	arena_free(&a);
	return rc;
}

static int tasks_done_by_state(struct store *st, struct arena *a,
			       int64_t meeting_id, enum meeting_state to,
			       struct err *err);

int store_meeting_set_state(struct store *st, int64_t meeting_id,
			    enum meeting_state to, int64_t revision,
			    struct err *err)
{
	struct arena a;
	struct meeting old, new;
	struct buf before = BUF_INIT, after = BUF_INIT;
	sqlite3_stmt *q = NULL;
	bool changed = false;
	int rc;

	if (to <= MEETING_STATE_NONE || to >= MEETING_STATE__COUNT)
		return invalid(err, "bad_state", "Mødets status er ugyldig.");
	arena_init(&a);
	if ((rc = wbegin(st, err)) ||
	    (rc = meeting_read(st, &a, meeting_id, &old, err)))
		goto out;
	if (revision > 0 && revision != old.revision) {
		rc = stale(err, "mødet", "det", false);
		goto out;
	}
	if (old.state == to)
		goto out;	/* already there: nothing to record */
	new = old;
	new.state = to;
	if (to == MEETING_PUBLISHED)
		new.was_published = true;
	if (to == MEETING_CANCELLED ||
	    (old.state == MEETING_CANCELLED && to == MEETING_PLANNED))
		new.sequence = old.sequence + 1;
	if (meeting_fields_json(&old, &before) != 0 ||
	    meeting_fields_json(&new, &after) != 0) {
		rc = json_failed(err);
		goto out;
	}
	if (!(q = prep(st, "UPDATE meetings SET state = ?2, was_published = ?3, "
			   "sequence = ?4, revision = revision + 1, modified = "
			   STORE_NOW " WHERE id = ?1", err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(q, 1, meeting_id);
	bind_code(q, 2, meeting_state_code(to));
	sqlite3_bind_int(q, 3, new.was_published ? 1 : 0);
	sqlite3_bind_int(q, 4, new.sequence);
	if ((rc = step_done(st, q, err)) ||
	    (rc = event_insert(st, meeting_id, old.state, to, err)) ||
	    (rc = store_audit_insert(st, "update", "meeting", meeting_id, NULL,
				     old.body_id, &before, &after, err)) ||
	    (rc = tasks_done_by_state(st, &a, meeting_id, to, err)))
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

int store_meeting_delete(struct store *st, int64_t id, int64_t revision,
			 struct err *err)
{
	struct arena a;
	struct meeting old;
	struct buf before = BUF_INIT;
	bool changed = false;
	int rc;

	arena_init(&a);
	if ((rc = wbegin(st, err)) ||
	    (rc = meeting_read(st, &a, id, &old, err)))
		goto out;
	if (revision > 0 && revision != old.revision) {
		rc = stale(err, "mødet", "det", true);
		goto out;
	}
	if (old.was_published) {
		err_set(err, ERR_CONFLICT, "published",
			"Mødet har været udsendt og kan ikke slettes. "
			"Aflys det i stedet.");
		rc = ERR_CONFLICT;
		goto out;
	}
	if (meeting_fields_json(&old, &before) != 0) {
		rc = json_failed(err);
		goto out;
	}
	if ((rc = exec_id(st, "DELETE FROM meetings WHERE id = ?1", id, err)) ||
	    (rc = store_audit_insert(st, "delete", "meeting", id, NULL,
				     old.body_id, &before, NULL, err)))
		goto out;
	changed = true;
out:
	rc = wfinish(st, rc, changed, err);
	buf_free(&before);
	arena_free(&a);
	return rc;
}

/* ---- items -------------------------------------------------------------- */

static int item_check(const struct agenda_item *it, struct err *err)
{
	if ((int)it->kind < 0 || it->kind >= ITEM_KIND__COUNT)
		return invalid(err, "bad_kind", "Punktets type er ugyldig.");
	if ((int)it->outcome < 0 || it->outcome >= OUTCOME__COUNT)
		return invalid(err, "bad_outcome", "Punktets udfald er ugyldigt.");
	if (it->handler_person_id < 0)
		return invalid(err, "bad_reference",
			       "Oplysningerne henviser til noget, der ikke findes.");
	return 0;
}

/* Binds an item's fields as ?2..?16 (title .. outcome). */
static void item_bind(sqlite3_stmt *q, const struct agenda_item *it)
{
	bind_text(q, 2, it->title);
	bind_text(q, 3, it->case_number);
	bind_code(q, 4, item_kind_code(it->kind));
	sqlite3_bind_int(q, 5, it->closed ? 1 : 0);
	sqlite3_bind_int(q, 6, it->psychiatry ? 1 : 0);
	bind_id(q, 7, it->handler_person_id);
	bind_text(q, 8, it->summary);
	bind_text(q, 9, it->presentation);
	bind_text(q, 10, it->recommended_by);
	bind_text(q, 11, it->resolutions);
	bind_text(q, 12, it->dissent);
	bind_text(q, 13, it->guests);
	bind_text(q, 14, it->decision);
	bind_code(q, 15, item_outcome_code(it->outcome));
}

/* The fields a save may change, from `in` onto a copy of the stored. */
static void item_apply(struct agenda_item *to, const struct agenda_item *in)
{
#define S(f) to->f = in->f ? in->f : ""
	S(title);
	S(case_number);
	S(summary);
	S(presentation);
	S(recommended_by);
	S(resolutions);
	S(dissent);
	S(guests);
	S(decision);
#undef S
	to->kind = in->kind;
	to->closed = in->closed;
	to->psychiatry = in->psychiatry;
	to->handler_person_id = in->handler_person_id;
	to->outcome = in->outcome;
}

static int item_insert(struct store *st, struct arena *a,
		       struct agenda_item *it, struct err *err)
{
	struct meeting m;
	struct agenda_item now;
	struct buf after = BUF_INIT;
	sqlite3_stmt *q = NULL;
	int64_t last = 0, id;
	int number, rc;

	if ((rc = meeting_read(st, a, it->meeting_id, &m, err)) ||
	    (rc = query_int(st, "SELECT coalesce(max(number), 0) FROM "
				"agenda_items WHERE meeting_id = ?1", m.id, 0,
			    &last, err)))
		goto out;
	number = it->number;
	if (number <= 0 || number > last) {
		number = (int)last + 1;
	} else {
		/* Inserted at a place: the items from there move down one. */
		if (!(q = prep(st, "UPDATE agenda_items SET number = number + 1, "
				   "modified = " STORE_NOW " WHERE meeting_id = ?1 "
				   "AND number >= ?2", err))) {
			rc = ERR_INTERNAL;
			goto out;
		}
		sqlite3_bind_int64(q, 1, m.id);
		sqlite3_bind_int(q, 2, number);
		if ((rc = step_done(st, q, err)))
			goto out;
		sqlite3_finalize(q);
	}
	if (!(q = prep(st, "INSERT INTO agenda_items (meeting_id, title, "
			   "case_number, kind, closed, psychiatry, "
			   "handler_person_id, summary, presentation, "
			   "recommended_by, resolutions, dissent, guests, "
			   "decision, outcome, number, created, modified, "
			   "revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
			   "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, " STORE_NOW
			   ", " STORE_NOW ", 1)", err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(q, 1, m.id);
	item_bind(q, it);
	sqlite3_bind_int(q, 16, number);
	if ((rc = step_done(st, q, err)))
		goto out;
	id = sqlite3_last_insert_rowid(st->db);
	if ((rc = item_read(st, a, id, &now, err)))
		goto out;
	if (item_fields_json(&now, &after) != 0) {
		rc = json_failed(err);
		goto out;
	}
	if ((rc = store_audit_insert(st, "create", "item", id, NULL, m.body_id,
				     NULL, &after, err)) ||
	    (rc = touch_meeting(st, m.id, err)))
		goto out;
	it->id = id;
	it->number = number;
	it->revision = now.revision;
out:
	sqlite3_finalize(q);
	buf_free(&after);
	return rc;
}

static int item_update(struct store *st, struct arena *a,
		       struct agenda_item *it, bool *changed, struct err *err)
{
	struct agenda_item old, new;
	struct meeting m;
	struct buf before = BUF_INIT, after = BUF_INIT;
	sqlite3_stmt *q = NULL;
	int rc;

	if ((rc = item_read(st, a, it->id, &old, err)))
		goto out;
	if (it->revision > 0 && it->revision != old.revision) {
		rc = stale(err, "punktet", "det", false);
		goto out;
	}
	new = old;
	item_apply(&new, it);
	if (item_fields_json(&old, &before) != 0 ||
	    item_fields_json(&new, &after) != 0) {
		rc = json_failed(err);
		goto out;
	}
	if (buf_equal(&before, &after))
		goto done;
	if ((rc = meeting_read(st, a, old.meeting_id, &m, err)))
		goto out;
	if (!(q = prep(st, "UPDATE agenda_items SET title = ?2, case_number = ?3, "
			   "kind = ?4, closed = ?5, psychiatry = ?6, "
			   "handler_person_id = ?7, summary = ?8, "
			   "presentation = ?9, recommended_by = ?10, "
			   "resolutions = ?11, dissent = ?12, guests = ?13, "
			   "decision = ?14, outcome = ?15, "
			   "revision = revision + 1, modified = " STORE_NOW
			   " WHERE id = ?1", err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(q, 1, old.id);
	item_bind(q, &new);
	if ((rc = step_done(st, q, err)) ||
	    (rc = store_audit_insert(st, "update", "item", old.id, NULL,
				     m.body_id, &before, &after, err)) ||
	    (rc = touch_meeting(st, m.id, err)))
		goto out;
	new.revision = old.revision + 1;
	*changed = true;
done:
	it->meeting_id = old.meeting_id;
	it->number = old.number;
	it->revision = new.revision;
out:
	sqlite3_finalize(q);
	buf_free(&before);
	buf_free(&after);
	return rc;
}

int store_item_save(struct store *st, struct agenda_item *it,
		    struct err *err)
{
	struct arena a;
	bool changed = false;
	int rc;

	if ((rc = item_check(it, err)))
		return rc;
	arena_init(&a);
	if ((rc = wbegin(st, err)) == 0) {
		if (it->id) {
			rc = item_update(st, &a, it, &changed, err);
		} else {
			rc = item_insert(st, &a, it, err);
			changed = true;
		}
	}
	rc = wfinish(st, rc, changed, err);
	arena_free(&a);
	return rc;
}

/*
 * Numbers the rows sql selects (?1 = the owner; ids in their order)
 * 1..n with upd (?1 id, ?2 number) where they differ. Unlocked.
 */
static int renumber(struct store *st, const char *sql, const char *upd,
		    int64_t owner, struct err *err)
{
	sqlite3_stmt *q = prep(st, sql, err), *u = NULL;
	int r, rc = 0, k = 0;
	if (!q)
		return ERR_INTERNAL;
	if (!(u = prep(st, upd, err))) {
		sqlite3_finalize(q);
		return ERR_INTERNAL;
	}
	sqlite3_bind_int64(q, 1, owner);
	while ((r = sqlite3_step(q)) == SQLITE_ROW) {
		k++;
		if (sqlite3_column_int(q, 1) == k)
			continue;
		sqlite3_reset(u);
		sqlite3_bind_int64(u, 1, sqlite3_column_int64(q, 0));
		sqlite3_bind_int(u, 2, k);
		if ((rc = step_done(st, u, err)))
			break;
	}
	if (rc == 0 && r != SQLITE_DONE)
		rc = db_error(st, sqlite3_extended_errcode(st->db), err);
	sqlite3_finalize(q);
	sqlite3_finalize(u);
	return rc;
}

int store_item_delete(struct store *st, int64_t id, int64_t revision,
		      struct err *err)
{
	struct arena a;
	struct agenda_item old;
	struct meeting m;
	struct buf before = BUF_INIT;
	bool changed = false;
	int rc;

	arena_init(&a);
	if ((rc = wbegin(st, err)) ||
	    (rc = item_read(st, &a, id, &old, err)))
		goto out;
	if (revision > 0 && revision != old.revision) {
		rc = stale(err, "punktet", "det", true);
		goto out;
	}
	if ((rc = meeting_read(st, &a, old.meeting_id, &m, err)))
		goto out;
	if (item_fields_json(&old, &before) != 0) {
		rc = json_failed(err);
		goto out;
	}
	if ((rc = exec_id(st, "DELETE FROM agenda_items WHERE id = ?1", id, err)) ||
	    (rc = renumber(st, "SELECT id, number FROM agenda_items WHERE "
			       "meeting_id = ?1 ORDER BY number, id",
			   "UPDATE agenda_items SET number = ?2, modified = "
			   STORE_NOW " WHERE id = ?1", m.id, err)) ||
	    (rc = store_audit_insert(st, "delete", "item", id, NULL, m.body_id,
				     &before, NULL, err)) ||
	    (rc = touch_meeting(st, m.id, err)))
		goto out;
	changed = true;
out:
	rc = wfinish(st, rc, changed, err);
	buf_free(&before);
	arena_free(&a);
	return rc;
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

int store_items_reorder(struct store *st, int64_t meeting_id,
			const int64_t *item_ids, size_t n, struct err *err)
{
	struct arena a;
	struct meeting m;
	struct agenda_item *items = NULL;
	size_t count = 0, cap = 0;
	int64_t *want = NULL, *have = NULL;
	sqlite3_stmt *q = NULL;
	bool changed = false;
	int r, rc;

	arena_init(&a);
	if ((rc = wbegin(st, err)) ||
	    (rc = meeting_read(st, &a, meeting_id, &m, err)))
		goto out;
	if (!(q = prep(st, "SELECT " ITEM_COLS " FROM agenda_items i WHERE "
			   "i.meeting_id = ?1 ORDER BY i.id", err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(q, 1, meeting_id);
	while ((r = sqlite3_step(q)) == SQLITE_ROW) {
		if (count == cap) {
			size_t nc = cap ? cap * 2 : 16;
			items = arena_grow(&a, items, count, nc, sizeof(*items));
			cap = nc;
		}
		item_row(&a, q, 0, &items[count++]);
	}
	if (r != SQLITE_DONE) {
		rc = db_error(st, sqlite3_extended_errcode(st->db), err);
		goto out;
	}
	sqlite3_finalize(q);
	q = NULL;

	/* Exactly the meeting's items, each once: the sorted lists match. */
	if (n != count || (n && !item_ids))
		goto bad;
	want = arena_array(&a, n ? n : 1, sizeof(*want));
	have = arena_array(&a, n ? n : 1, sizeof(*have));
	for (size_t i = 0; i < n; i++) {
		want[i] = item_ids[i];
		have[i] = items[i].id;	/* ordered by id */
	}
	qsort(want, n, sizeof(*want), cmp_i64);
	if (n && memcmp(want, have, n * sizeof(*want)) != 0)
		goto bad;

	if (!(q = prep(st, "UPDATE agenda_items SET number = ?2, modified = "
			   STORE_NOW " WHERE id = ?1", err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		int64_t *p = bsearch(&item_ids[i], have, n, sizeof(*have),
				     cmp_i64);
		struct agenda_item *old = &items[p - have], new = *old;
		struct buf before = BUF_INIT, after = BUF_INIT;
		if (old->number == (int)i + 1)
			continue;
		new.number = (int)i + 1;
		if (item_fields_json(old, &before) != 0 ||
		    item_fields_json(&new, &after) != 0)
			rc = json_failed(err);
		if (rc == 0) {
			sqlite3_reset(q);
			sqlite3_bind_int64(q, 1, old->id);
			sqlite3_bind_int(q, 2, new.number);
			rc = step_done(st, q, err);
		}
		if (rc == 0)
			rc = store_audit_insert(st, "update", "item", old->id,
						NULL, m.body_id, &before,
						&after, err);
		buf_free(&before);
		buf_free(&after);
		if (rc)
			goto out;
		changed = true;
	}
	if (changed)
		rc = touch_meeting(st, meeting_id, err);
	goto out;
bad:
	rc = invalid(err, "bad_order",
		     "Rækkefølgen skal nævne hvert af mødets punkter præcis "
		     "én gang.");
out:
	sqlite3_finalize(q);
	rc = wfinish(st, rc, changed, err);
	arena_free(&a);
	return rc;
}

int store_item_meeting(struct store *st, int64_t item_id,
		       int64_t *meeting_id, struct err *err)
{
	int64_t mid = 0;
	int rc;

	*meeting_id = 0;
	store_lock(st);
	rc = query_int(st, "SELECT meeting_id FROM agenda_items WHERE id = ?1",
		       item_id, 0, &mid, err);
	store_unlock(st);
	if (rc)
		return rc;
	if (!mid)
		return not_found(err, "Punktet");
	*meeting_id = mid;
	return 0;
}

/* ---- attachments -------------------------------------------------------- */

int store_attachment_add(struct store *st, struct attachment *at,
			 const void *data, size_t len, struct err *err)
{
	struct arena a;
	struct agenda_item it;
	struct meeting m;
	struct attachment now;
	struct buf after = BUF_INIT;
	sqlite3_stmt *q = NULL;
	char token[33], sha[65];
	int64_t last = 0, id = 0;
	bool changed = false;
	int rc;

	if (len > (size_t)INT32_MAX)
		return invalid(err, "too_large", "Filen er for stor.");
	token_new(token);
	sha256_hex(data, len, sha);
	arena_init(&a);
	if ((rc = wbegin(st, err)) ||
	    (rc = item_read(st, &a, at->item_id, &it, err)) ||
	    (rc = meeting_read(st, &a, it.meeting_id, &m, err)) ||
	    (rc = query_int(st, "SELECT coalesce(max(position), 0) FROM "
				"attachments WHERE item_id = ?1", it.id, 0,
			    &last, err)))
		goto out;
	if (!(q = prep(st, "INSERT INTO attachments (item_id, position, token, "
			   "filename, media_type, size, sha256, data, created) "
			   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, " STORE_NOW
			   ")", err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(q, 1, it.id);
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
	if ((rc = read_one(st, "SELECT " ATTACHMENT_COLS " FROM attachments a "
			       "WHERE a.id = ?1", id, attachment_row_v, &a, &now,
			   "Bilaget", err)) ||
	    (rc = attachment_json(&now, m.id, &after, err)) ||
	    (rc = store_audit_insert(st, "create", "attachment", id, NULL,
				     m.body_id, NULL, &after, err)) ||
	    (rc = touch_meeting(st, m.id, err)))
		goto out;
	changed = true;
	/* Strings for the caller, owned by the store like derived keys. */
	at->id = id;
	at->position = now.position;
	at->token = arena_strdup(&st->keys, now.token);
	at->size = now.size;
	at->sha256 = arena_strdup(&st->keys, now.sha256);
	at->created = arena_strdup(&st->keys, now.created);
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

int store_attachment_delete(struct store *st, int64_t id, struct err *err)
{
	struct arena a;
	struct attachment old;
	struct agenda_item it;
	struct meeting m;
	struct buf before = BUF_INIT;
	bool changed = false;
	int rc;

	arena_init(&a);
	if ((rc = wbegin(st, err)) ||
	    (rc = read_one(st, "SELECT " ATTACHMENT_COLS " FROM attachments a "
			       "WHERE a.id = ?1", id, attachment_row_v, &a, &old,
			   "Bilaget", err)) ||
	    (rc = item_read(st, &a, old.item_id, &it, err)) ||
	    (rc = meeting_read(st, &a, it.meeting_id, &m, err)) ||
	    (rc = attachment_json(&old, m.id, &before, err)) ||
	    (rc = exec_id(st, "DELETE FROM attachments WHERE id = ?1", id, err)) ||
	    (rc = renumber(st, "SELECT id, position FROM attachments WHERE "
			       "item_id = ?1 ORDER BY position, id",
			   "UPDATE attachments SET position = ?2 WHERE id = ?1",
			   it.id, err)) ||
	    (rc = store_audit_insert(st, "delete", "attachment", id, NULL,
				     m.body_id, &before, NULL, err)) ||
	    (rc = touch_meeting(st, m.id, err)))
		goto out;
	changed = true;
out:
	rc = wfinish(st, rc, changed, err);
	buf_free(&before);
	arena_free(&a);
	return rc;
}

/* ---- attendance --------------------------------------------------------- */

int store_attendance_set(struct store *st, int64_t meeting_id,
			 int64_t membership_id, enum attendance_status status,
			 const char *note, struct err *err)
{
	struct arena a;
	struct meeting m;
	struct attendance old = { 0 }, new;
	struct buf before = BUF_INIT, after = BUF_INIT;
	sqlite3_stmt *q = NULL;
	int64_t ms_body = 0;
	const char *ms_key = NULL;
	bool exists = false, changed = false;
	int r, rc;

	if ((int)status < 0 || status >= ATTEND__COUNT)
		return invalid(err, "bad_status", "Fremmødet er ugyldigt.");
	if (!note)
		note = "";
	arena_init(&a);
	if ((rc = wbegin(st, err)) ||
	    (rc = meeting_read(st, &a, meeting_id, &m, err)))
		goto out;
	if (!(q = prep(st, "SELECT body_id, key FROM membership WHERE id = ?1",
		       err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(q, 1, membership_id);
	r = sqlite3_step(q);
	if (r == SQLITE_ROW) {
		ms_body = sqlite3_column_int64(q, 0);
		ms_key = col_text(&a, q, 1);
	} else if (r != SQLITE_DONE) {
		rc = db_error(st, sqlite3_extended_errcode(st->db), err);
		goto out;
	}
	sqlite3_finalize(q);
	q = NULL;
	if (!ms_key) {
		rc = invalid(err, "bad_reference",
			     "Oplysningerne henviser til noget, der ikke findes.");
		goto out;
	}
	if (ms_body != m.body_id) {
		rc = invalid(err, "wrong_body",
			     "Medlemskabet hører ikke til mødets forum.");
		goto out;
	}
	if (!(q = prep(st, "SELECT " ATTENDANCE_COLS " FROM attendance a WHERE "
			   "a.meeting_id = ?1 AND a.membership_id = ?2", err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(q, 1, meeting_id);
	sqlite3_bind_int64(q, 2, membership_id);
	r = sqlite3_step(q);
	if (r == SQLITE_ROW) {
		attendance_row(&a, q, 0, &old);
		exists = true;
	} else if (r != SQLITE_DONE) {
		rc = db_error(st, sqlite3_extended_errcode(st->db), err);
		goto out;
	}
	sqlite3_finalize(q);
	q = NULL;

	new = (struct attendance){ .id = old.id, .meeting_id = meeting_id,
				   .membership_id = membership_id,
				   .status = status, .note = note };
	if (status == ATTEND_NONE) {
		/* Not recorded: the row goes. */
		if (!exists)
			goto out;
		if ((rc = attendance_json(&old, &before, err)) ||
		    (rc = exec_id(st, "DELETE FROM attendance WHERE id = ?1",
				  old.id, err)) ||
		    (rc = store_audit_insert(st, "delete", "attendance", old.id,
					     ms_key, m.body_id, &before, NULL,
					     err)))
			goto out;
	} else {
		if (exists && old.status == status && strcmp(old.note, note) == 0)
			goto out;
		if ((exists && (rc = attendance_json(&old, &before, err))) ||
		    (rc = attendance_json(&new, &after, err)))
			goto out;
		if (!(q = prep(st, "INSERT INTO attendance (meeting_id, "
				   "membership_id, status, note) VALUES (?1, ?2, "
				   "?3, ?4) ON CONFLICT (meeting_id, membership_id) "
				   "DO UPDATE SET status = excluded.status, "
				   "note = excluded.note", err))) {
			rc = ERR_INTERNAL;
			goto out;
		}
		sqlite3_bind_int64(q, 1, meeting_id);
		sqlite3_bind_int64(q, 2, membership_id);
		bind_code(q, 3, attendance_status_code(status));
		bind_text(q, 4, note);
		if ((rc = step_done(st, q, err)))
			goto out;
		if (!exists)
			new.id = sqlite3_last_insert_rowid(st->db);
		if ((rc = store_audit_insert(st, exists ? "update" : "create",
					     "attendance", new.id, ms_key,
					     m.body_id, exists ? &before : NULL,
					     &after, err)))
			goto out;
	}
	if ((rc = touch_meeting(st, meeting_id, err)))
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

/* ---- checklist ---------------------------------------------------------- */

/* Ticks a task off (or on) inside the caller's write transaction, with
 * its audit row; *changed is set when it changed. */
static int task_set_done_tx(struct store *st, struct arena *a,
			    int64_t task_id, bool done, bool *changed,
			    struct err *err)
{
	struct meeting_task old, now;
	struct meeting m;
	struct buf before = BUF_INIT, after = BUF_INIT;
	sqlite3_stmt *q = NULL;
	int rc;
	static const char task_sql[] = "SELECT " TASK_COLS
				       " FROM meeting_tasks t WHERE t.id = ?1";

	if ((rc = read_one(st, task_sql, task_id, task_row_v, a, &old,
			   "Opgaven", err)))
		goto out;
	if (old.done == done)
		goto out;
	if ((rc = meeting_read(st, a, old.meeting_id, &m, err)) ||
	    (rc = task_json(&old, &before, err)))
		goto out;
	if (!(q = prep(st, "UPDATE meeting_tasks SET done = ?2, "
			   "done_by = CASE WHEN ?2 THEN ?3 ELSE '' END, "
			   "done_at = CASE WHEN ?2 THEN " STORE_NOW " ELSE '' END "
			   "WHERE id = ?1", err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(q, 1, task_id);
	sqlite3_bind_int(q, 2, done ? 1 : 0);
	sqlite3_bind_text(q, 3, store_actor(), -1, SQLITE_TRANSIENT);
	if ((rc = step_done(st, q, err)) ||
	    (rc = read_one(st, task_sql, task_id, task_row_v, a, &now,
			   "Opgaven", err)) ||
	    (rc = task_json(&now, &after, err)) ||
	    (rc = store_audit_insert(st, "update", "task", task_id, old.key,
				     m.body_id, &before, &after, err)) ||
	    (rc = touch_meeting(st, m.id, err)))
		goto out;
	*changed = true;
out:
	sqlite3_finalize(q);
	buf_free(&before);
	buf_free(&after);
	return rc;
}

int store_task_set_done(struct store *st, int64_t task_id, bool done,
			struct err *err)
{
	struct arena a;
	bool changed = false;
	int rc;

	arena_init(&a);
	if ((rc = wbegin(st, err)) == 0)
		rc = task_set_done_tx(st, &a, task_id, done, &changed, err);
	rc = wfinish(st, rc, changed, err);
	arena_free(&a);
	return rc;
}

/* The checklist tasks a state change stands for, ticked off with it
 * (meeting_task_done_by_state), inside the same transaction. */
static int tasks_done_by_state(struct store *st, struct arena *a,
			       int64_t meeting_id, enum meeting_state to,
			       struct err *err)
{
	sqlite3_stmt *q = prep(st, "SELECT id, key FROM meeting_tasks "
				   "WHERE meeting_id = ?1 AND done = 0 "
				   "ORDER BY position", err);
	if (!q)
		return ERR_INTERNAL;
	sqlite3_bind_int64(q, 1, meeting_id);
	int64_t ids[64];
	size_t n = 0;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW)
		if (n < sizeof(ids) / sizeof(ids[0]) &&
		    meeting_task_done_by_state(
			    (const char *)sqlite3_column_text(q, 1), to))
			ids[n++] = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE)
		return db_error(st, rc, err);
	for (size_t i = 0; i < n; i++) {
		bool changed = false;
		if ((rc = task_set_done_tx(st, a, ids[i], true, &changed, err)))
			return rc;
	}
	return 0;
}

/* ---- documents ---------------------------------------------------------- */

int store_document_add(struct store *st, struct meeting_document *d,
		       const void *data, size_t len, struct err *err)
{
	struct arena a;
	struct meeting m;
	struct meeting_document now;
	struct buf after = BUF_INIT;
	sqlite3_stmt *q = NULL;
	char token[33], sha[65];
	int64_t last = 0, id = 0;
	bool changed = false;
	int rc;

	if (d->kind <= DOCUMENT_KIND_NONE || d->kind >= DOCUMENT_KIND__COUNT)
		return invalid(err, "bad_kind", "Dokumentets type er ugyldig.");
	if (len > (size_t)INT32_MAX)
		return invalid(err, "too_large", "Dokumentet er for stort.");
	token_new(token);
	sha256_hex(data, len, sha);
	arena_init(&a);
	if ((rc = wbegin(st, err)) ||
	    (rc = meeting_read(st, &a, d->meeting_id, &m, err)))
		goto out;
	if (!(q = prep(st, "SELECT coalesce(max(version), 0) FROM "
			   "meeting_documents WHERE meeting_id = ?1 AND "
			   "kind = ?2 AND public_edition = ?3", err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(q, 1, m.id);
	bind_code(q, 2, document_kind_code(d->kind));
	sqlite3_bind_int(q, 3, d->public_edition ? 1 : 0);
	if (sqlite3_step(q) == SQLITE_ROW)
		last = sqlite3_column_int64(q, 0);
	else {
		rc = db_error(st, sqlite3_extended_errcode(st->db), err);
		goto out;
	}
	sqlite3_finalize(q);
	if (!(q = prep(st, "INSERT INTO meeting_documents (meeting_id, kind, "
			   "version, public_edition, token, size, sha256, data, "
			   "created, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
			   "?7, ?8, " STORE_NOW ", ?9)", err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(q, 1, m.id);
	bind_code(q, 2, document_kind_code(d->kind));
	sqlite3_bind_int64(q, 3, last + 1);
	sqlite3_bind_int(q, 4, d->public_edition ? 1 : 0);
	sqlite3_bind_text(q, 5, token, 32, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 6, (int64_t)len);
	sqlite3_bind_text(q, 7, sha, 64, SQLITE_TRANSIENT);
	sqlite3_bind_blob(q, 8, len ? data : "", (int)len, SQLITE_STATIC);
	sqlite3_bind_text(q, 9, store_actor(), -1, SQLITE_TRANSIENT);
	if ((rc = step_done(st, q, err)))
		goto out;
	id = sqlite3_last_insert_rowid(st->db);
	if ((rc = read_one(st, "SELECT " DOCUMENT_COLS " FROM meeting_documents d "
			       "WHERE d.id = ?1", id, document_row_v, &a, &now,
			   "Dokumentet", err)) ||
	    (rc = document_json(&now, &after, err)) ||
	    (rc = store_audit_insert(st, "create", "document", id, NULL,
				     m.body_id, NULL, &after, err)) ||
	    (rc = touch_meeting(st, m.id, err)))
		goto out;
	changed = true;
	d->id = id;
	d->version = now.version;
	d->token = arena_strdup(&st->keys, now.token);
	d->size = now.size;
	d->sha256 = arena_strdup(&st->keys, now.sha256);
	d->created = arena_strdup(&st->keys, now.created);
	d->created_by = arena_strdup(&st->keys, now.created_by);
out:
	sqlite3_finalize(q);
	rc = wfinish(st, rc, changed, err);
	buf_free(&after);
	arena_free(&a);
	return rc;
}

/* ---- bytes by token ----------------------------------------------------- */

static const void *blob_copy(struct arena *a, sqlite3_stmt *q, int i,
			     size_t *len)
{
	const void *p = sqlite3_column_blob(q, i);
	size_t n = (size_t)sqlite3_column_bytes(q, i);
	char *out = arena_alloc(a, n ? n : 1);
	if (n)
		memcpy(out, p, n);
	*len = n;
	return out;
}

int store_blob_get(struct store *st, struct arena *a, const char *token,
		   struct store_blob *out, struct err *err)
{
	sqlite3_stmt *q = NULL;
	int r, rc = 0;

	memset(out, 0, sizeof(*out));
	if (!token_valid(token))
		return not_found(err, "Filen");
	store_lock(st);
	if (!(q = prep(st, "SELECT i.meeting_id, a.item_id, a.id, a.filename, "
			   "a.media_type, a.sha256, a.data FROM attachments a "
			   "JOIN agenda_items i ON i.id = a.item_id "
			   "WHERE a.token = ?1", err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_text(q, 1, token, 32, SQLITE_TRANSIENT);
	r = sqlite3_step(q);
	if (r == SQLITE_ROW) {
		out->meeting_id = sqlite3_column_int64(q, 0);
		out->item_id = sqlite3_column_int64(q, 1);
		out->attachment_id = sqlite3_column_int64(q, 2);
		out->filename = col_text(a, q, 3);
		out->media_type = col_text(a, q, 4);
		out->sha256 = col_text(a, q, 5);
		out->data = blob_copy(a, q, 6, &out->len);
		goto out;
	}
	if (r != SQLITE_DONE) {
		rc = db_error(st, sqlite3_extended_errcode(st->db), err);
		goto out;
	}
	sqlite3_finalize(q);
	if (!(q = prep(st, "SELECT meeting_id, id, kind, version, "
			   "public_edition, sha256, data FROM meeting_documents "
			   "WHERE token = ?1", err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_text(q, 1, token, 32, SQLITE_TRANSIENT);
	r = sqlite3_step(q);
	if (r == SQLITE_ROW) {
		enum document_kind k = document_kind_from_code(col_code(q, 2),
							       NULL);
		out->meeting_id = sqlite3_column_int64(q, 0);
		out->document_id = sqlite3_column_int64(q, 1);
		out->public_edition = sqlite3_column_int(q, 4) != 0;
		/* "dagsorden-v2.pdf"; the public edition says so. */
		out->filename = arena_printf(a, "%s-v%d%s.pdf",
					     k == DOCUMENT_MINUTES ? "referat"
								   : "dagsorden",
					     sqlite3_column_int(q, 3),
					     out->public_edition ? "-offentlig"
								 : "");
		out->media_type = "application/pdf";
		out->sha256 = col_text(a, q, 5);
		out->data = blob_copy(a, q, 6, &out->len);
		goto out;
	}
	if (r != SQLITE_DONE) {
		rc = db_error(st, sqlite3_extended_errcode(st->db), err);
		goto out;
	}
	/* A shared initiative's file (0008_casework.sql). */
	sqlite3_finalize(q);
	if (!(q = prep(st, "SELECT initiative_id, 0, filename, media_type, "
			   "sha256, data FROM initiative_files WHERE token = ?1",
		       err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_text(q, 1, token, 32, SQLITE_TRANSIENT);
	r = sqlite3_step(q);
	if (r == SQLITE_ROW) {
		/* attachment_id and document_id stay 0: only
		 * initiative_id says what the bytes belong to. */
		out->initiative_id = sqlite3_column_int64(q, 0);
		out->filename = col_text(a, q, 2);
		out->media_type = col_text(a, q, 3);
		out->sha256 = col_text(a, q, 4);
		out->data = blob_copy(a, q, 5, &out->len);
	} else if (r == SQLITE_DONE) {
		rc = not_found(err, "Filen");
	} else {
		rc = db_error(st, sqlite3_extended_errcode(st->db), err);
	}
out:
	sqlite3_finalize(q);
	store_unlock(st);
	return rc;
}
