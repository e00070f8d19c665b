/*
 * meetings_file.c - meetings files (docs/meetings-format.md): parsing
 * into `struct meeting`s and importing them through the store's meeting
 * functions (so every object gets its audit row and its revision).
 *
 * Parsing is strict like structure files: unknown fields, wrong types,
 * unknown codes, bad dates/times, keys naming nothing, a state the
 * meeting's items do not allow (a minutes_approved meeting whose items
 * lack outcomes) are errors in Danish with the JSON path
 * ("meetings[3].items[1].kind: ukendt værdi «x»"). Everything is checked
 * before anything is written.
 */
#include "store.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "../core/meeting.h"
#include "../util/date.h"

#define MEETINGS_MAX_BYTES ((size_t)64 << 20)
#define MEETINGS_MAX_DEPTH 16

/* The attendance of a parsed meeting, by membership id, is kept in
 * meeting->attendance (membership_id, status, note); items and their
 * fields in meeting->items. Handler keys are resolved to person ids. */

struct mparse {
	struct arena *a;
	const struct structure *s;
	struct err *err;
};

static int merr(struct mparse *p, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int merr(struct mparse *p, const char *path, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	err_set(p->err, ERR_INVALID, "bad_meetings_file", "%s: %s", path, msg);
	return ERR_INVALID;
}

/* Nesting depth before jansson sees the text (it recurses). */
static int depth_ok(const char *t, size_t n)
{
	int d = 0;
	bool in_str = false;
	for (size_t i = 0; i < n; i++) {
		char c = t[i];
		if (in_str) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_str = false;
		} else if (c == '"') {
			in_str = true;
		} else if (c == '{' || c == '[') {
			if (++d > MEETINGS_MAX_DEPTH)
				return 0;
		} else if (c == '}' || c == ']') {
			d--;
		}
	}
	return 1;
}

static int check_fields(struct mparse *p, json_t *j, const char *path,
			const char *const *allowed)
{
	if (!json_is_object(j))
		return merr(p, path, "skal være et objekt");
	const char *k;
	json_t *v;
	json_object_foreach(j, k, v) {
		bool ok = false;
		for (size_t i = 0; allowed[i]; i++)
			if (strcmp(allowed[i], k) == 0)
				ok = true;
		if (!ok)
			return merr(p, path, "ukendt felt «%.64s»", k);
	}
	return 0;
}

/* A string field; absent gives def. */
static int get_s(struct mparse *p, json_t *j, const char *path,
		 const char *name, const char *def, const char **out)
{
	json_t *v = json_object_get(j, name);
	if (!v) {
		*out = def;
		return 0;
	}
	if (!json_is_string(v))
		return merr(p, path, "%s skal være en tekst", name);
	*out = arena_strdup(p->a, json_string_value(v));
	return 0;
}

static int get_b(struct mparse *p, json_t *j, const char *path,
		 const char *name, bool *out)
{
	json_t *v = json_object_get(j, name);
	if (!v) {
		*out = false;
		return 0;
	}
	if (!json_is_boolean(v))
		return merr(p, path, "%s skal være true eller false", name);
	*out = json_is_true(v);
	return 0;
}

static const struct body *body_by_key(const struct structure *s,
				      const char *key)
{
	for (size_t i = 0; i < s->n_bodies; i++)
		if (strcmp(s->bodies[i].key, key) == 0)
			return &s->bodies[i];
	return NULL;
}

static const struct person *person_by_key(const struct structure *s,
					  const char *key)
{
	for (size_t i = 0; i < s->n_people; i++)
		if (strcmp(s->people[i].key, key) == 0)
			return &s->people[i];
	return NULL;
}

static const struct membership *membership_by_key(const struct structure *s,
						  const char *key)
{
	for (size_t i = 0; i < s->n_memberships; i++)
		if (strcmp(s->memberships[i].key, key) == 0)
			return &s->memberships[i];
	return NULL;
}

static const char *const meeting_fields[] = {
	"body", "kind", "title", "date", "start", "end", "place",
	"online_url", "state", "items", "attendance", NULL
};
static const char *const item_fields[] = {
	"title", "case_number", "kind", "closed", "psychiatry", "handler",
	"summary", "presentation", "recommended_by", "resolutions", "dissent",
	"guests", "decision", "outcome", NULL
};
static const char *const attendance_fields[] = {
	"membership", "status", "note", NULL
};

static int parse_item(struct mparse *p, json_t *j, const char *path,
		      struct agenda_item *it, int number)
{
	int rc;
	const char *kind, *outcome, *handler, *cn;
	if ((rc = check_fields(p, j, path, item_fields)) ||
	    (rc = get_s(p, j, path, "title", "", &it->title)) ||
	    (rc = get_s(p, j, path, "case_number", "", &cn)) ||
	    (rc = get_s(p, j, path, "kind", "", &kind)) ||
	    (rc = get_b(p, j, path, "closed", &it->closed)) ||
	    (rc = get_b(p, j, path, "psychiatry", &it->psychiatry)) ||
	    (rc = get_s(p, j, path, "handler", "", &handler)) ||
	    (rc = get_s(p, j, path, "summary", "", &it->summary)) ||
	    (rc = get_s(p, j, path, "presentation", "", &it->presentation)) ||
	    (rc = get_s(p, j, path, "recommended_by", "", &it->recommended_by)) ||
	    (rc = get_s(p, j, path, "resolutions", "", &it->resolutions)) ||
	    (rc = get_s(p, j, path, "dissent", "", &it->dissent)) ||
	    (rc = get_s(p, j, path, "guests", "", &it->guests)) ||
	    (rc = get_s(p, j, path, "decision", "", &it->decision)) ||
	    (rc = get_s(p, j, path, "outcome", "", &outcome)))
		return rc;
	it->number = number;
	if (!*it->title)
		return merr(p, path, "title mangler");
	bool ok;
	it->kind = item_kind_from_code(kind, &ok);
	if (!ok || it->kind == ITEM_KIND_NONE)
		return merr(p, path, "kind: ukendt værdi «%.64s»", kind);
	it->outcome = item_outcome_from_code(outcome, &ok);
	if (!ok)
		return merr(p, path, "outcome: ukendt værdi «%.64s»", outcome);
	char norm[80];
	const char *why = NULL;
	if (meeting_case_number_parse(cn, norm, sizeof(norm), &why) != 0)
		return merr(p, path, "case_number: %s", why ? why : "ugyldigt sagsnummer");
	it->case_number = arena_strdup(p->a, norm);
	if (*handler) {
		const struct person *pe = person_by_key(p->s, handler);
		if (!pe)
			return merr(p, path, "handler: ukendt person «%.64s»", handler);
		it->handler_person_id = pe->id;
	}
	return 0;
}

static int parse_meeting(struct mparse *p, json_t *j, const char *path,
			 struct meeting *m, enum meeting_state *target)
{
	int rc;
	const char *body, *kind, *date, *start, *end, *state;
	if ((rc = check_fields(p, j, path, meeting_fields)) ||
	    (rc = get_s(p, j, path, "body", "", &body)) ||
	    (rc = get_s(p, j, path, "kind", "ordinary", &kind)) ||
	    (rc = get_s(p, j, path, "title", "", &m->title)) ||
	    (rc = get_s(p, j, path, "date", "", &date)) ||
	    (rc = get_s(p, j, path, "start", "", &start)) ||
	    (rc = get_s(p, j, path, "end", "", &end)) ||
	    (rc = get_s(p, j, path, "place", "", &m->place)) ||
	    (rc = get_s(p, j, path, "online_url", "", &m->online_url)) ||
	    (rc = get_s(p, j, path, "state", "planned", &state)))
		return rc;
	const struct body *b = body_by_key(p->s, body);
	if (!b)
		return merr(p, path, "body: ukendt forum «%.64s»", body);
	m->body_id = b->id;
	bool ok;
	m->kind = meeting_kind_from_code(kind, &ok);
	if (!ok || m->kind == MEETING_KIND_NONE)
		return merr(p, path, "kind: ukendt værdi «%.64s»", kind);
	*target = meeting_state_from_code(state, &ok);
	if (!ok || *target == MEETING_STATE_NONE)
		return merr(p, path, "state: ukendt værdi «%.64s»", state);
	if (date_parse(date, &m->date) != 0)
		return merr(p, path, "date: ugyldig dato «%.64s» (ÅÅÅÅ-MM-DD)", date);
	if (meeting_time_parse(start, &m->start_min) != 0)
		return merr(p, path, "start: ugyldigt klokkeslæt «%.64s» (TT:MM)", start);
	if (meeting_time_parse(end, &m->end_min) != 0)
		return merr(p, path, "end: ugyldigt klokkeslæt «%.64s» (TT:MM)", end);
	if (m->end_min <= m->start_min)
		return merr(p, path, "end: mødet skal slutte efter det begynder");

	json_t *items = json_object_get(j, "items");
	if (items && !json_is_array(items))
		return merr(p, path, "items skal være en liste");
	size_t ni = items ? json_array_size(items) : 0;
	m->items = arena_array(p->a, ni ? ni : 1, sizeof(*m->items));
	m->n_items = ni;
	for (size_t i = 0; i < ni; i++) {
		char ipath[96];
		snprintf(ipath, sizeof(ipath), "%s.items[%zu]", path, i);
		if ((rc = parse_item(p, json_array_get(items, i), ipath,
				     &m->items[i], (int)i + 1)))
			return rc;
	}

	json_t *att = json_object_get(j, "attendance");
	if (att && !json_is_array(att))
		return merr(p, path, "attendance skal være en liste");
	size_t na = att ? json_array_size(att) : 0;
	m->attendance = arena_array(p->a, na ? na : 1, sizeof(*m->attendance));
	m->n_attendance = na;
	for (size_t i = 0; i < na; i++) {
		char apath[96];
		snprintf(apath, sizeof(apath), "%s.attendance[%zu]", path, i);
		json_t *aj = json_array_get(att, i);
		const char *mk, *st, *note;
		if ((rc = check_fields(p, aj, apath, attendance_fields)) ||
		    (rc = get_s(p, aj, apath, "membership", "", &mk)) ||
		    (rc = get_s(p, aj, apath, "status", "", &st)) ||
		    (rc = get_s(p, aj, apath, "note", "", &note)))
			return rc;
		const struct membership *ms = membership_by_key(p->s, mk);
		if (!ms || ms->body_id != m->body_id)
			return merr(p, apath, "membership: ukendt medlemskab af forummet «%.64s»", mk);
		struct attendance *a = &m->attendance[i];
		a->membership_id = ms->id;
		a->status = attendance_status_from_code(st, &ok);
		if (!ok || a->status == ATTEND_NONE)
			return merr(p, apath, "status: ukendt værdi «%.64s»", st);
		a->note = note;
		for (size_t k = 0; k < i; k++)
			if (m->attendance[k].membership_id == a->membership_id)
				return merr(p, apath, "membership: «%.64s» står der to gange", mk);
	}

	/* The state must be reachable with these items: walk the path the
	 * import will take and ask the rules at each step. */
	enum meeting_state path_states[8];
	size_t np = 0;
	static const enum meeting_state forward[] = {
		MEETING_INVITED, MEETING_AGENDA_APPROVED, MEETING_PUBLISHED,
		MEETING_HELD, MEETING_MINUTES_APPROVED,
	};
	if (*target == MEETING_CANCELLED) {
		path_states[np++] = MEETING_CANCELLED;
	} else if (*target != MEETING_PLANNED) {
		for (size_t i = 0; i < sizeof(forward) / sizeof(forward[0]); i++) {
			path_states[np++] = forward[i];
			if (forward[i] == *target)
				break;
		}
	}
	m->state = MEETING_PLANNED;
	for (size_t i = 0; i < np; i++) {
		const char *why = meeting_transition_problem(m, path_states[i]);
		if (!meeting_transition_allowed(m->state, path_states[i]) || why)
			return merr(p, path, "state: mødet kan ikke blive «%s»: %s",
				    meeting_state_label(*target),
				    why ? why : "ikke tilladt");
		m->state = path_states[i];
	}
	m->state = *target;
	return 0;
}

int meetings_from_json(struct arena *a, const struct structure *s,
		       const char *text, size_t len, struct meeting **out,
		       size_t *n, struct err *err)
{
	struct mparse p = { .a = a, .s = s, .err = err };
	*out = NULL;
	*n = 0;
	if (len > MEETINGS_MAX_BYTES) {
		err_set(err, ERR_INVALID, "too_large", "Filen er for stor.");
		return ERR_INVALID;
	}
	if (!depth_ok(text, len)) {
		err_set(err, ERR_INVALID, "too_deep", "Filen er indlejret for dybt.");
		return ERR_INVALID;
	}
	json_error_t je;
	json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
	if (!root) {
		err_set(err, ERR_INVALID, "bad_json",
			"Filen er ikke gyldig JSON (linje %d, kolonne %d).",
			je.line, je.column);
		return ERR_INVALID;
	}
	int rc = 0;
	static const char *const root_fields[] = { "klynge", "meetings", NULL };
	if ((rc = check_fields(&p, root, "$", root_fields)))
		goto out;
	json_t *ver = json_object_get(root, "klynge");
	if (!json_is_integer(ver) || json_integer_value(ver) != 1) {
		rc = merr(&p, "klynge", "formatversionen skal være 1");
		goto out;
	}
	json_t *list = json_object_get(root, "meetings");
	if (!json_is_array(list)) {
		rc = merr(&p, "meetings", "skal være en liste");
		goto out;
	}
	size_t nm = json_array_size(list);
	struct meeting *ms = arena_array(a, nm ? nm : 1, sizeof(*ms));
	for (size_t i = 0; i < nm; i++) {
		char path[48];
		snprintf(path, sizeof(path), "meetings[%zu]", i);
		enum meeting_state target;
		if ((rc = parse_meeting(&p, json_array_get(list, i), path, &ms[i],
					&target)))
			goto out;
	}
	*out = ms;
	*n = nm;
out:
	json_decref(root);
	return rc;
}

/* The forward path from planned to `to` (cancelled: straight there). */
static size_t state_path(enum meeting_state to, enum meeting_state *path)
{
	static const enum meeting_state forward[] = {
		MEETING_INVITED, MEETING_AGENDA_APPROVED, MEETING_PUBLISHED,
		MEETING_HELD, MEETING_MINUTES_APPROVED,
	};
	size_t n = 0;
	if (to == MEETING_CANCELLED) {
		path[n++] = MEETING_CANCELLED;
		return n;
	}
	if (to == MEETING_PLANNED)
		return 0;
	for (size_t i = 0; i < sizeof(forward) / sizeof(forward[0]); i++) {
		path[n++] = forward[i];
		if (forward[i] == to)
			break;
	}
	return n;
}

int store_meetings_import(struct store *st, const struct structure *s,
			  const struct meeting *ms, size_t n, int today,
			  struct err *err)
{
	for (size_t i = 0; i < n; i++) {
		struct arena a;
		arena_init(&a);
		const struct meeting *src = &ms[i];
		const struct body *b = structure_body(s, src->body_id);
		struct meeting m = *src;
		m.id = 0;
		m.revision = 0;
		m.state = MEETING_PLANNED;
		m.tasks = meeting_tasks_generate(&a, b ? b->kind : BODY_NONE,
						 src->date, &m.n_tasks);
		int rc = store_meeting_save(st, &m, err);
		for (size_t k = 0; rc == 0 && k < src->n_items; k++) {
			struct agenda_item it = src->items[k];
			it.id = 0;
			it.revision = 0;
			it.meeting_id = m.id;
			rc = store_item_save(st, &it, err);
		}
		for (size_t k = 0; rc == 0 && k < src->n_attendance; k++)
			rc = store_attendance_set(st, m.id,
						  src->attendance[k].membership_id,
						  src->attendance[k].status,
						  src->attendance[k].note, err);
		enum meeting_state path[8];
		size_t np = state_path(src->state, path);
		for (size_t k = 0; rc == 0 && k < np; k++)
			rc = store_meeting_set_state(st, m.id, path[k], 0, err);
		/* The secretariat's checklist: what was due by today is done
		 * for a meeting that got that far. */
		if (rc == 0 && src->state != MEETING_PLANNED &&
		    src->state != MEETING_CANCELLED) {
			struct meeting got;
			rc = store_meeting_get(st, &a, m.id, &got, err);
			for (size_t k = 0; rc == 0 && k < got.n_tasks; k++)
				if (got.tasks[k].due <= today)
					rc = store_task_set_done(st, got.tasks[k].id,
								 true, err);
		}
		arena_free(&a);
		if (rc)
			return rc;
	}
	return 0;
}
