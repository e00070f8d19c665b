/*
 * casework_file.c - casework files (docs/casework-format.md): health
 * agreements, flow templates, shared initiatives, cases and follow-up
 * actions, imported through the store's casework functions (so every
 * object gets its audit row and its revision).
 *
 * Parsing is strict like meetings files: unknown fields, wrong types,
 * unknown codes, bad dates, keys naming nothing, a template that cannot
 * be applied to a case's origin, a step override matching no step of
 * the flow are errors in Danish with the JSON path
 * ("cases[2].steps[1].status: ukendt værdi «x»"). Everything is checked,
 * and every case's flow generated (core/casework.h case_flow_generate,
 * with case_decision_steps for decisions recorded as done), before
 * anything is written.
 */
#include "store.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "../core/casework.h"
#include "../core/meeting.h"
#include "../util/date.h"

#define CASEWORK_MAX_BYTES ((size_t)64 << 20)
#define CASEWORK_MAX_DEPTH 16

struct cparse {
	struct arena *a;
	struct store *st;
	const struct structure *s;
	int today;
	struct err *err;
};

static int cerr(struct cparse *p, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int cerr(struct cparse *p, const char *path, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	err_set(p->err, ERR_INVALID, "bad_casework_file", "%s: %s", path, msg);
	return ERR_INVALID;
}

/* Nesting depth before jansson sees the text (it recurses). */
static bool depth_ok(const char *t, size_t n)
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
			if (++d > CASEWORK_MAX_DEPTH)
				return false;
		} else if (c == '}' || c == ']') {
			d--;
		}
	}
	return true;
}

static int check_fields(struct cparse *p, json_t *j, const char *path,
			const char *const *allowed)
{
	const char *k;
	json_t *v;
	if (!json_is_object(j))
		return cerr(p, path, "skal være et objekt");
	json_object_foreach(j, k, v) {
		bool ok = false;
		for (size_t i = 0; allowed[i]; i++)
			if (strcmp(allowed[i], k) == 0)
				ok = true;
		if (!ok)
			return cerr(p, path, "ukendt felt «%.64s»", k);
	}
	return 0;
}

/* A string field; absent gives def. */
static int get_s(struct cparse *p, json_t *j, const char *path,
		 const char *name, const char *def, const char **out)
{
	json_t *v = json_object_get(j, name);
	if (!v) {
		*out = def;
		return 0;
	}
	if (!json_is_string(v))
		return cerr(p, path, "%s skal være en tekst", name);
	*out = arena_strdup(p->a, json_string_value(v));
	return 0;
}

static int get_b(struct cparse *p, json_t *j, const char *path,
		 const char *name, bool *out)
{
	json_t *v = json_object_get(j, name);
	*out = false;
	if (!v)
		return 0;
	if (!json_is_boolean(v))
		return cerr(p, path, "%s skal være true eller false", name);
	*out = json_is_true(v);
	return 0;
}

static int get_int(struct cparse *p, json_t *j, const char *path,
		   const char *name, int lo, int hi, int *out)
{
	json_t *v = json_object_get(j, name);
	*out = 0;
	if (!v)
		return 0;
	if (!json_is_integer(v) || json_integer_value(v) < lo ||
	    json_integer_value(v) > hi)
		return cerr(p, path, "%s skal være et helt tal fra %d til %d",
			    name, lo, hi);
	*out = (int)json_integer_value(v);
	return 0;
}

/* A date field "YYYY-MM-DD"; absent or "" gives 0. */
static int get_date(struct cparse *p, json_t *j, const char *path,
		    const char *name, int *out)
{
	const char *s;
	int rc;
	*out = 0;
	if ((rc = get_s(p, j, path, name, "", &s)))
		return rc;
	if (*s && date_parse(s, out) != 0)
		return cerr(p, path, "%s: ugyldig dato «%.64s» (ÅÅÅÅ-MM-DD)",
			    name, s);
	return 0;
}

/* A list field (absent: empty). */
static int get_list(struct cparse *p, json_t *j, const char *path,
		    const char *name, json_t **out, size_t *n)
{
	json_t *v = json_object_get(j, name);
	*out = v;
	*n = 0;
	if (!v)
		return 0;
	if (!json_is_array(v))
		return cerr(p, path, "%s skal være en liste", name);
	*n = json_array_size(v);
	return 0;
}

/* ---- structure lookups by key ------------------------------------------- */

static const struct body *body_by_key(const struct structure *s, const char *k)
{
	for (size_t i = 0; i < s->n_bodies; i++)
		if (strcmp(s->bodies[i].key, k) == 0)
			return &s->bodies[i];
	return NULL;
}

static const struct organisation *org_by_key(const struct structure *s,
					     const char *k)
{
	for (size_t i = 0; i < s->n_orgs; i++)
		if (strcmp(s->orgs[i].key, k) == 0)
			return &s->orgs[i];
	return NULL;
}

static const struct person *person_by_key(const struct structure *s,
					  const char *k)
{
	for (size_t i = 0; i < s->n_people; i++)
		if (strcmp(s->people[i].key, k) == 0)
			return &s->people[i];
	return NULL;
}

static const struct area *area_by_key(const struct structure *s, const char *k)
{
	for (size_t i = 0; i < s->n_areas; i++)
		if (strcmp(s->areas[i].key, k) == 0)
			return &s->areas[i];
	return NULL;
}

/* An optional reference by key: "" gives 0. */
#define REF(p, path, field, key, lookup, what, out)                          \
	do {                                                                 \
		(out) = 0;                                                   \
		if (*(key)) {                                                \
			const void *f_ = lookup((p)->s, (key));              \
			if (!f_)                                             \
				return cerr((p), (path), "%s: ukendt %s «%.64s»", \
					    (field), (what), (key));         \
			(out) = *(const int64_t *)f_;                        \
		}                                                            \
	} while (0)
/* (every structure object starts with its int64_t id) */

/* ---- what the file holds, parsed ------------------------------------------ */

struct pagreement {
	struct health_agreement h;
	struct agreement_item *items;	/* parent_id = index + 1 */
	size_t n_items;
};

struct ptext {
	const char *author;		/* "" = the importing actor */
	int64_t area_id;
	const char *text;
};

struct pinitiative {
	const char *key;		/* file-local */
	struct initiative in;
	const char *focus;		/* focus area key, "" */
	struct ptext *comments;
	size_t n_comments;
};

struct pcase {
	const char *key;		/* file-local, "" */
	struct case_file c;
	int template;			/* index + 1, 0 = none */
	int initiative;			/* index + 1, 0 = none */
	const char *focus;
};

struct paction {
	struct followup_action fa;
	int case_index;			/* index + 1, 0 = none */
	const char *focus;
	struct ptext *notes;
	size_t n_notes;
};

struct pfile {
	struct pagreement *agreements;	size_t n_agreements;
	struct flow_template *templates; size_t n_templates;
	struct pinitiative *initiatives; size_t n_initiatives;
	struct pcase *cases;		size_t n_cases;
	struct paction *actions;	size_t n_actions;
};

/* The focus area with this key in the file: its agreement and item
 * index; false when none. */
static bool focus_find(const struct pfile *f, const char *key, size_t *ai,
		       size_t *ii)
{
	for (size_t i = 0; i < f->n_agreements; i++)
		for (size_t k = 0; k < f->agreements[i].n_items; k++)
			if (strcmp(f->agreements[i].items[k].key, key) == 0 &&
			    f->agreements[i].items[k].part ==
				    AGREEMENT_FOCUS_AREA) {
				*ai = i;
				*ii = k;
				return true;
			}
	return false;
}

static int check_focus(struct cparse *p, const struct pfile *f,
		       const char *path, const char *key)
{
	size_t ai, ii;
	if (*key && !focus_find(f, key, &ai, &ii))
		return cerr(p, path, "focus_area: ukendt indsatsområde «%.64s»",
			    key);
	return 0;
}

/* ---- agreements ------------------------------------------------------------- */

static const char *const agreement_fields[] = {
	"key", "title", "region", "valid_from", "valid_to", "note", "items",
	NULL
};
static const char *const aitem_fields[] = {
	"key", "part", "parent", "title", "description", NULL
};

static int parse_agreement(struct cparse *p, json_t *j, const char *path,
			   struct pagreement *pa)
{
	const char *region;
	json_t *items;
	size_t n;
	int rc;

	memset(pa, 0, sizeof(*pa));
	if ((rc = check_fields(p, j, path, agreement_fields)) ||
	    (rc = get_s(p, j, path, "key", "", &pa->h.key)) ||
	    (rc = get_s(p, j, path, "title", "", &pa->h.title)) ||
	    (rc = get_s(p, j, path, "region", "", &region)) ||
	    (rc = get_date(p, j, path, "valid_from", &pa->h.valid_from)) ||
	    (rc = get_date(p, j, path, "valid_to", &pa->h.valid_to)) ||
	    (rc = get_s(p, j, path, "note", "", &pa->h.note)) ||
	    (rc = get_list(p, j, path, "items", &items, &n)))
		return rc;
	if (!*pa->h.key)
		return cerr(p, path, "key mangler");
	if (!*pa->h.title)
		return cerr(p, path, "title mangler");
	const struct organisation *o = org_by_key(p->s, region);
	if (!o || o->kind != ORG_REGION)
		return cerr(p, path, "region: ukendt region «%.64s»", region);
	pa->h.region_id = o->id;
	if (pa->h.valid_from && pa->h.valid_to &&
	    pa->h.valid_to < pa->h.valid_from)
		return cerr(p, path, "valid_to: aftalen skal slutte efter den begynder");
	pa->items = arena_array(p->a, n ? n : 1, sizeof(*pa->items));
	pa->n_items = n;
	const char **parents = arena_array(p->a, n ? n : 1, sizeof(char *));
	for (size_t i = 0; i < n; i++) {
		char ipath[96];
		const char *part;
		struct agreement_item *it = &pa->items[i];
		json_t *ij = json_array_get(items, i);
		bool ok;
		snprintf(ipath, sizeof(ipath), "%s.items[%zu]", path, i);
		if ((rc = check_fields(p, ij, ipath, aitem_fields)) ||
		    (rc = get_s(p, ij, ipath, "key", "", &it->key)) ||
		    (rc = get_s(p, ij, ipath, "part", "", &part)) ||
		    (rc = get_s(p, ij, ipath, "parent", "", &parents[i])) ||
		    (rc = get_s(p, ij, ipath, "title", "", &it->title)) ||
		    (rc = get_s(p, ij, ipath, "description", "",
				&it->description)))
			return rc;
		if (!*it->key)
			return cerr(p, ipath, "key mangler");
		if (!*it->title)
			return cerr(p, ipath, "title mangler");
		it->part = agreement_part_from_code(part, &ok);
		if (!ok || it->part == AGREEMENT_PART_NONE)
			return cerr(p, ipath, "part: ukendt værdi «%.64s»", part);
		it->position = (int)i + 1;
	}
	for (size_t i = 0; i < n; i++) {
		char ipath[96];
		struct agreement_item *it = &pa->items[i];
		snprintf(ipath, sizeof(ipath), "%s.items[%zu]", path, i);
		if (it->part == AGREEMENT_GOAL && !*parents[i])
			return cerr(p, ipath, "parent: et mål skal høre til et "
				    "indsatsområde");
		if (it->part != AGREEMENT_GOAL && *parents[i])
			return cerr(p, ipath, "parent: kun mål hører til et "
				    "indsatsområde");
		for (size_t k = 0; k < n; k++)
			if (*parents[i] && strcmp(pa->items[k].key, parents[i]) == 0 &&
			    pa->items[k].part == AGREEMENT_FOCUS_AREA)
				it->parent_id = (int64_t)k + 1;
		if (*parents[i] && !it->parent_id)
			return cerr(p, ipath, "parent: ukendt indsatsområde «%.64s»",
				    parents[i]);
	}
	return 0;
}

/* ---- templates ----------------------------------------------------------- */

static const char *const template_fields[] = {
	"key", "name", "description", "region", "steps", NULL
};
static const char *const tstep_fields[] = {
	"target", "body", "kind", "action", "offset_days", "note", NULL
};

static int parse_template(struct cparse *p, json_t *j, const char *path,
			  struct flow_template *t)
{
	const char *region;
	json_t *steps;
	size_t n;
	int rc;

	memset(t, 0, sizeof(*t));
	if ((rc = check_fields(p, j, path, template_fields)) ||
	    (rc = get_s(p, j, path, "key", "", &t->key)) ||
	    (rc = get_s(p, j, path, "name", "", &t->name)) ||
	    (rc = get_s(p, j, path, "description", "", &t->description)) ||
	    (rc = get_s(p, j, path, "region", "", &region)) ||
	    (rc = get_list(p, j, path, "steps", &steps, &n)))
		return rc;
	if (!*t->key)
		return cerr(p, path, "key mangler");
	if (!*t->name)
		return cerr(p, path, "name mangler");
	const struct organisation *o = org_by_key(p->s, region);
	if (!o || o->kind != ORG_REGION)
		return cerr(p, path, "region: ukendt region «%.64s»", region);
	t->region_id = o->id;
	if (n == 0)
		return cerr(p, path, "steps: skabelonen skal have mindst ét trin");
	t->steps = arena_array(p->a, n, sizeof(*t->steps));
	t->n_steps = n;
	for (size_t i = 0; i < n; i++) {
		char spath[96];
		const char *target, *body, *kind, *action;
		struct flow_template_step *s = &t->steps[i];
		json_t *sj = json_array_get(steps, i);
		bool ok;
		snprintf(spath, sizeof(spath), "%s.steps[%zu]", path, i);
		if ((rc = check_fields(p, sj, spath, tstep_fields)) ||
		    (rc = get_s(p, sj, spath, "target", "", &target)) ||
		    (rc = get_s(p, sj, spath, "body", "", &body)) ||
		    (rc = get_s(p, sj, spath, "kind", "", &kind)) ||
		    (rc = get_s(p, sj, spath, "action", "", &action)) ||
		    (rc = get_int(p, sj, spath, "offset_days", 0, 3650,
				  &s->offset_days)) ||
		    (rc = get_s(p, sj, spath, "note", "", &s->note)))
			return rc;
		s->position = (int)i + 1;
		s->target = step_target_from_code(target, &ok);
		if (!ok || s->target == TARGET_NONE)
			return cerr(p, spath, "target: ukendt værdi «%.64s»", target);
		s->action = step_action_from_code(action, &ok);
		if (!ok || s->action == STEP_ACTION_NONE)
			return cerr(p, spath, "action: ukendt værdi «%.64s»", action);
		s->target_kind = body_kind_from_code(kind, &ok);
		if (!ok)
			return cerr(p, spath, "kind: ukendt værdi «%.64s»", kind);
		if (s->target == TARGET_BODY) {
			const struct body *b = body_by_key(p->s, body);
			if (!b)
				return cerr(p, spath, "body: ukendt forum «%.64s»",
					    body);
			s->target_body_id = b->id;
		} else if (*body) {
			return cerr(p, spath, "body: kun til target «body»");
		}
		if ((s->target == TARGET_KIND_ALL ||
		     s->target == TARGET_KIND_OTHERS ||
		     s->target == TARGET_KIND_ORIGIN_AREA ||
		     s->target == TARGET_CHILDREN) && s->target_kind == BODY_NONE)
			return cerr(p, spath, "kind: mangler for target «%s»",
				    target);
	}
	return 0;
}

/* ---- agenda items by "body + date + number" --------------------------------- */

static const char *const itemref_fields[] = { "body", "date", "number", NULL };

static int parse_itemref(struct cparse *p, json_t *j, const char *path,
			 int64_t *item_id)
{
	const char *body;
	int date, number;
	struct meeting *ms = NULL;
	size_t n = 0;
	int rc;

	*item_id = 0;
	if ((rc = check_fields(p, j, path, itemref_fields)) ||
	    (rc = get_s(p, j, path, "body", "", &body)) ||
	    (rc = get_date(p, j, path, "date", &date)) ||
	    (rc = get_int(p, j, path, "number", 1, 999, &number)))
		return rc;
	const struct body *b = body_by_key(p->s, body);
	if (!b)
		return cerr(p, path, "body: ukendt forum «%.64s»", body);
	if (!date)
		return cerr(p, path, "date mangler");
	if (!number)
		return cerr(p, path, "number mangler");
	if ((rc = store_meeting_list(p->st, p->a, b->id, date, date, &ms, &n,
				     p->err)))
		return rc;
	for (size_t i = 0; i < n && !*item_id; i++)
		for (size_t k = 0; k < ms[i].n_items; k++)
			if (ms[i].items[k].number == number)
				*item_id = ms[i].items[k].id;
	if (!*item_id)
		return cerr(p, path, "%s har intet punkt %d på et møde den %.10s",
			    b->key, number, json_string_value(
				    json_object_get(j, "date")));
	return 0;
}

/* ---- initiatives --------------------------------------------------------------- */

static const char *const initiative_fields[] = {
	"key", "area", "title", "what", "results", "contact", "contact_text",
	"focus_area", "comments", NULL
};
static const char *const text_fields[] = { "author", "area", "text", NULL };

/* Comments and notes: [{"author", "area"?, "text"}]. */
static int parse_texts(struct cparse *p, json_t *list, size_t n,
		       const char *path, bool with_area, struct ptext **out)
{
	int rc;
	*out = arena_array(p->a, n ? n : 1, sizeof(**out));
	for (size_t i = 0; i < n; i++) {
		char tpath[128];
		const char *area = "";
		struct ptext *t = &(*out)[i];
		json_t *tj = json_array_get(list, i);
		snprintf(tpath, sizeof(tpath), "%s[%zu]", path, i);
		if ((rc = check_fields(p, tj, tpath, text_fields)) ||
		    (rc = get_s(p, tj, tpath, "author", "", &t->author)) ||
		    (rc = get_s(p, tj, tpath, "text", "", &t->text)) ||
		    (with_area && (rc = get_s(p, tj, tpath, "area", "", &area))))
			return rc;
		if (!with_area && json_object_get(tj, "area"))
			return cerr(p, tpath, "ukendt felt «area»");
		if (!*t->text)
			return cerr(p, tpath, "text mangler");
		if (strlen(t->author) > 128)
			return cerr(p, tpath, "author: højst 128 tegn");
		REF(p, tpath, "area", area, area_by_key, "sundhedsklynge",
		    t->area_id);
	}
	return 0;
}

static int parse_initiative(struct cparse *p, const struct pfile *f,
			    json_t *j, const char *path,
			    struct pinitiative *pi)
{
	const char *area, *contact;
	json_t *comments;
	size_t n;
	int rc;

	memset(pi, 0, sizeof(*pi));
	if ((rc = check_fields(p, j, path, initiative_fields)) ||
	    (rc = get_s(p, j, path, "key", "", &pi->key)) ||
	    (rc = get_s(p, j, path, "area", "", &area)) ||
	    (rc = get_s(p, j, path, "title", "", &pi->in.title)) ||
	    (rc = get_s(p, j, path, "what", "", &pi->in.what)) ||
	    (rc = get_s(p, j, path, "results", "", &pi->in.results)) ||
	    (rc = get_s(p, j, path, "contact", "", &contact)) ||
	    (rc = get_s(p, j, path, "contact_text", "", &pi->in.contact_text)) ||
	    (rc = get_s(p, j, path, "focus_area", "", &pi->focus)) ||
	    (rc = get_list(p, j, path, "comments", &comments, &n)))
		return rc;
	if (!*pi->in.title)
		return cerr(p, path, "title mangler");
	const struct area *ar = area_by_key(p->s, area);
	if (!ar)
		return cerr(p, path, "area: ukendt sundhedsklynge «%.64s»", area);
	pi->in.area_id = ar->id;
	REF(p, path, "contact", contact, person_by_key, "person",
	    pi->in.contact_person_id);
	if ((rc = check_focus(p, f, path, pi->focus)))
		return rc;
	char cpath[96];
	snprintf(cpath, sizeof(cpath), "%s.comments", path);
	pi->n_comments = n;
	return parse_texts(p, comments, n, cpath, true, &pi->comments);
}

/* ---- cases ----------------------------------------------------------------- */

static const char *const case_fields[] = {
	"key", "case_number", "title", "description", "origin", "template",
	"initiative", "economic", "focus_area", "started", "steps", "items",
	NULL
};
static const char *const cstep_fields[] = {
	"body", "org", "action", "due", "status", "started", "finished",
	"item", "note", NULL
};

/* Appends one step to the case (arena). */
static struct case_step *case_push(struct cparse *p, struct case_file *c)
{
	c->steps = arena_grow(p->a, c->steps, c->n_steps, c->n_steps + 1,
			      sizeof(*c->steps));
	struct case_step *s = &c->steps[c->n_steps++];
	memset(s, 0, sizeof(*s));
	s->position = (int)c->n_steps;
	s->status = STEP_PENDING;
	s->note = "";
	return s;
}

static void case_link(struct cparse *p, struct case_file *c, int64_t item)
{
	for (size_t i = 0; i < c->n_items; i++)
		if (c->item_ids[i] == item)
			return;
	c->item_ids = arena_grow(p->a, c->item_ids, c->n_items, c->n_items + 1,
				 sizeof(*c->item_ids));
	c->item_ids[c->n_items++] = item;
}

/*
 * One entry of a case's "steps": with a template, an override of the
 * first step of the flow not yet overridden with that body (or council
 * organisation) and, when given, action; without one, a new step.
 * A DECIDE step set to done records the decision (case_decision_steps):
 * council approvals or a decision further up are appended, and later
 * entries may override them.
 */
static int parse_case_step(struct cparse *p, struct case_file *c,
			   bool *touched, json_t *j, const char *path,
			   bool templated)
{
	const char *body, *org, *action, *status, *note;
	int due, started, finished;
	json_t *item;
	int rc;

	if ((rc = check_fields(p, j, path, cstep_fields)) ||
	    (rc = get_s(p, j, path, "body", "", &body)) ||
	    (rc = get_s(p, j, path, "org", "", &org)) ||
	    (rc = get_s(p, j, path, "action", "", &action)) ||
	    (rc = get_date(p, j, path, "due", &due)) ||
	    (rc = get_s(p, j, path, "status", "", &status)) ||
	    (rc = get_date(p, j, path, "started", &started)) ||
	    (rc = get_date(p, j, path, "finished", &finished)) ||
	    (rc = get_s(p, j, path, "note", "", &note)))
		return rc;
	int64_t body_id = 0, org_id = 0;
	REF(p, path, "body", body, body_by_key, "forum", body_id);
	REF(p, path, "org", org, org_by_key, "organisation", org_id);
	if (!body_id == !org_id)
		return cerr(p, path, "angiv enten body eller org");
	bool ok;
	enum step_action act = step_action_from_code(action, &ok);
	if (!ok)
		return cerr(p, path, "action: ukendt værdi «%.64s»", action);
	enum step_status stat = step_status_from_code(status, &ok);
	if (!ok)
		return cerr(p, path, "status: ukendt værdi «%.64s»", status);
	if (stat == STEP_STATUS_NONE)
		stat = STEP_PENDING;
	if (stat == STEP_PENDING && (started || finished))
		return cerr(p, path, "started/finished: et trin, der afventer, "
			    "har ingen datoer");
	if (stat == STEP_STARTED && !started)
		return cerr(p, path, "started mangler for et trin i gang");
	if (stat == STEP_STARTED && finished)
		return cerr(p, path, "finished: et trin i gang er ikke afsluttet");
	if ((stat == STEP_DONE || stat == STEP_SKIPPED) && !finished)
		return cerr(p, path, "finished mangler for et afsluttet trin");
	if (stat == STEP_DONE && !started)
		started = finished;
	if (started && finished && finished < started)
		return cerr(p, path, "finished: før started");
	int64_t item_id = 0;
	if ((item = json_object_get(j, "item"))) {
		char ipath[128];
		snprintf(ipath, sizeof(ipath), "%s.item", path);
		if ((rc = parse_itemref(p, item, ipath, &item_id)))
			return rc;
	}

	size_t i;
	struct case_step *st = NULL;
	if (templated) {
		for (i = 0; i < c->n_steps; i++) {
			struct case_step *s = &c->steps[i];
			if (!touched[i] && s->body_id == body_id &&
			    s->org_id == org_id &&
			    (act == STEP_ACTION_NONE || s->action == act)) {
				st = s;
				break;
			}
		}
		if (!st)
			return cerr(p, path, "%s har intet trin%s%s i sagens "
				    "forløb, der ikke allerede er angivet",
				    *body ? body : org, act ? " med handlingen " : "",
				    act ? step_action_code(act) : "");
		touched[i] = true;
		if (due)
			st->due = due;
	} else {
		if (act == STEP_ACTION_NONE)
			return cerr(p, path, "action mangler");
		i = c->n_steps;
		st = case_push(p, c);
		st->stage = (int)i + 1;
		st->body_id = body_id;
		st->org_id = org_id;
		st->action = act;
		st->due = due;
		touched[i] = true;
	}
	st->status = stat;
	st->started = started;
	st->finished = finished;
	if (item_id) {
		st->item_id = item_id;
		case_link(p, c, item_id);
	}
	if (*note)
		st->note = note;

	/* A decision recorded: what it sets off. */
	if (st->action == STEP_DECIDE && stat == STEP_DONE) {
		enum step_action becomes = STEP_DECIDE;
		size_t n = 0;
		struct case_step *more = case_decision_steps(p->a, p->s, c, i,
							     finished, &becomes,
							     &n);
		c->steps[i].action = becomes;
		for (size_t k = 0; k < n; k++) {
			struct case_step *ns = case_push(p, c);
			int pos = ns->position;
			*ns = more[k];
			ns->position = pos;
			ns->status = STEP_PENDING;
			if (!ns->note)
				ns->note = "";
		}
	}
	return 0;
}

static int parse_case(struct cparse *p, const struct pfile *f, json_t *j,
		      const char *path, struct pcase *pc)
{
	const char *cn, *origin, *template, *initiative;
	json_t *steps, *items;
	size_t ns, ni;
	int rc;

	memset(pc, 0, sizeof(*pc));
	struct case_file *c = &pc->c;
	if ((rc = check_fields(p, j, path, case_fields)) ||
	    (rc = get_s(p, j, path, "key", "", &pc->key)) ||
	    (rc = get_s(p, j, path, "case_number", "", &cn)) ||
	    (rc = get_s(p, j, path, "title", "", &c->title)) ||
	    (rc = get_s(p, j, path, "description", "", &c->description)) ||
	    (rc = get_s(p, j, path, "origin", "", &origin)) ||
	    (rc = get_s(p, j, path, "template", "", &template)) ||
	    (rc = get_s(p, j, path, "initiative", "", &initiative)) ||
	    (rc = get_b(p, j, path, "economic", &c->economic)) ||
	    (rc = get_s(p, j, path, "focus_area", "", &pc->focus)) ||
	    (rc = get_date(p, j, path, "started", &c->started)) ||
	    (rc = get_list(p, j, path, "steps", &steps, &ns)) ||
	    (rc = get_list(p, j, path, "items", &items, &ni)))
		return rc;
	if (!*c->title)
		return cerr(p, path, "title mangler");
	char norm[80];
	const char *why = NULL;
	if (meeting_case_number_parse(cn, norm, sizeof(norm), &why) != 0)
		return cerr(p, path, "case_number: %s",
			    why ? why : "ugyldigt sagsnummer");
	c->case_number = arena_strdup(p->a, norm);
	const struct body *ob = body_by_key(p->s, origin);
	if (!ob)
		return cerr(p, path, "origin: ukendt forum «%.64s»", origin);
	c->origin_body_id = ob->id;
	if (!c->started)
		c->started = p->today;
	if ((rc = check_focus(p, f, path, pc->focus)))
		return rc;
	if (*initiative) {
		for (size_t i = 0; i < f->n_initiatives; i++)
			if (*f->initiatives[i].key &&
			    strcmp(f->initiatives[i].key, initiative) == 0)
				pc->initiative = (int)i + 1;
		if (!pc->initiative)
			return cerr(p, path, "initiative: ukendt initiativ «%.64s»",
				    initiative);
	}
	if (*template) {
		const struct flow_template *t = NULL;
		for (size_t i = 0; i < f->n_templates; i++)
			if (strcmp(f->templates[i].key, template) == 0) {
				t = &f->templates[i];
				pc->template = (int)i + 1;
			}
		if (!t)
			return cerr(p, path, "template: ukendt skabelon «%.64s»",
				    template);
		size_t n = 0;
		const char *w = NULL;
		struct case_step *gen = case_flow_generate(p->a, p->s, t,
							   c->origin_body_id,
							   c->started, &n, &w);
		if (!gen || !n)
			return cerr(p, path, "template: %s",
				    w ? w : "skabelonen giver ingen trin");
		c->steps = gen;
		c->n_steps = n;
	} else if (ns == 0) {
		return cerr(p, path, "steps: en sag uden skabelon skal have trin");
	}
	/* Room for a flag per step, including those decisions add. */
	size_t room = c->n_steps + ns * (p->s->n_orgs + 2) + 1;
	bool *touched = arena_array(p->a, room, sizeof(bool));
	memset(touched, 0, room * sizeof(bool));
	for (size_t i = 0; i < ns; i++) {
		char spath[96];
		snprintf(spath, sizeof(spath), "%s.steps[%zu]", path, i);
		if ((rc = parse_case_step(p, c, touched, json_array_get(steps, i),
					  spath, pc->template != 0)))
			return rc;
	}
	for (size_t i = 0; i < ni; i++) {
		char ipath[96];
		int64_t item_id;
		snprintf(ipath, sizeof(ipath), "%s.items[%zu]", path, i);
		if ((rc = parse_itemref(p, json_array_get(items, i), ipath,
					&item_id)))
			return rc;
		case_link(p, c, item_id);
	}
	return 0;
}

/* ---- follow-up actions ---------------------------------------------------------- */

static const char *const action_fields[] = {
	"case", "item", "body", "what", "responsible_org",
	"responsible_person", "responsible_body", "due", "status",
	"focus_area", "notes", NULL
};

static int parse_action(struct cparse *p, const struct pfile *f, json_t *j,
			const char *path, struct paction *pa)
{
	const char *ckey, *body, *rorg, *rperson, *rbody, *status;
	json_t *item, *notes;
	size_t n;
	int rc;

	memset(pa, 0, sizeof(*pa));
	struct followup_action *fa = &pa->fa;
	if ((rc = check_fields(p, j, path, action_fields)) ||
	    (rc = get_s(p, j, path, "case", "", &ckey)) ||
	    (rc = get_s(p, j, path, "body", "", &body)) ||
	    (rc = get_s(p, j, path, "what", "", &fa->what)) ||
	    (rc = get_s(p, j, path, "responsible_org", "", &rorg)) ||
	    (rc = get_s(p, j, path, "responsible_person", "", &rperson)) ||
	    (rc = get_s(p, j, path, "responsible_body", "", &rbody)) ||
	    (rc = get_date(p, j, path, "due", &fa->due)) ||
	    (rc = get_s(p, j, path, "status", "open", &status)) ||
	    (rc = get_s(p, j, path, "focus_area", "", &pa->focus)) ||
	    (rc = get_list(p, j, path, "notes", &notes, &n)))
		return rc;
	if (!*fa->what)
		return cerr(p, path, "what mangler");
	const struct body *b = body_by_key(p->s, body);
	if (!b)
		return cerr(p, path, "body: ukendt forum «%.64s»", body);
	fa->body_id = b->id;
	REF(p, path, "responsible_org", rorg, org_by_key, "organisation",
	    fa->responsible_org_id);
	REF(p, path, "responsible_person", rperson, person_by_key, "person",
	    fa->responsible_person_id);
	REF(p, path, "responsible_body", rbody, body_by_key, "forum",
	    fa->responsible_body_id);
	bool ok;
	fa->status = action_status_from_code(status, &ok);
	if (!ok || fa->status == ACTION_STATUS_NONE)
		return cerr(p, path, "status: ukendt værdi «%.64s»", status);
	if ((rc = check_focus(p, f, path, pa->focus)))
		return rc;
	if (*ckey) {
		for (size_t i = 0; i < f->n_cases; i++)
			if (*f->cases[i].key && strcmp(f->cases[i].key, ckey) == 0)
				pa->case_index = (int)i + 1;
		if (!pa->case_index)
			return cerr(p, path, "case: ukendt sag «%.64s»", ckey);
	}
	if ((item = json_object_get(j, "item"))) {
		char ipath[96];
		snprintf(ipath, sizeof(ipath), "%s.item", path);
		if ((rc = parse_itemref(p, item, ipath, &fa->item_id)))
			return rc;
	}
	char npath[96];
	snprintf(npath, sizeof(npath), "%s.notes", path);
	pa->n_notes = n;
	return parse_texts(p, notes, n, npath, false, &pa->notes);
}

/* ---- the whole file ------------------------------------------------------------- */

/* Is a key used twice within one list of the file? */
static int unique_keys(struct cparse *p, const char *list, size_t n,
		       const char *(*key)(const struct pfile *, size_t),
		       const struct pfile *f)
{
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < i; k++)
			if (*key(f, i) && strcmp(key(f, i), key(f, k)) == 0) {
				char path[48];
				snprintf(path, sizeof(path), "%s[%zu].key", list, i);
				return cerr(p, path, "nøglen «%.64s» står der to gange",
					    key(f, i));
			}
	return 0;
}

static const char *agreement_key(const struct pfile *f, size_t i)
{
	return f->agreements[i].h.key;
}
static const char *template_key(const struct pfile *f, size_t i)
{
	return f->templates[i].key;
}
static const char *initiative_key(const struct pfile *f, size_t i)
{
	return f->initiatives[i].key;
}
static const char *case_key(const struct pfile *f, size_t i)
{
	return f->cases[i].key;
}

/* Parses and checks the whole file; nothing is written. */
static int parse_file(struct cparse *p, json_t *root, struct pfile *f)
{
	static const char *const root_fields[] = {
		"klynge", "agreements", "templates", "initiatives", "cases",
		"actions", NULL
	};
	json_t *list;
	int rc;

	memset(f, 0, sizeof(*f));
	if ((rc = check_fields(p, root, "$", root_fields)))
		return rc;
	json_t *ver = json_object_get(root, "klynge");
	if (!json_is_integer(ver) || json_integer_value(ver) != 1)
		return cerr(p, "klynge", "formatversionen skal være 1");

	if ((rc = get_list(p, root, "$", "agreements", &list,
			   &f->n_agreements)))
		return rc;
	f->agreements = arena_array(p->a, f->n_agreements + 1,
				    sizeof(*f->agreements));
	for (size_t i = 0; i < f->n_agreements; i++) {
		char path[48];
		snprintf(path, sizeof(path), "agreements[%zu]", i);
		if ((rc = parse_agreement(p, json_array_get(list, i), path,
					  &f->agreements[i])))
			return rc;
	}
	if ((rc = unique_keys(p, "agreements", f->n_agreements, agreement_key,
			      f)))
		return rc;
	/* Focus areas and goals are named by their keys across the file. */
	for (size_t i = 0; i < f->n_agreements; i++)
		for (size_t k = 0; k < f->agreements[i].n_items; k++)
			for (size_t i2 = 0; i2 <= i; i2++)
				for (size_t k2 = 0; k2 < f->agreements[i2].n_items &&
						    (i2 < i || k2 < k); k2++)
					if (strcmp(f->agreements[i].items[k].key,
						   f->agreements[i2].items[k2].key) == 0) {
						char path[80];
						snprintf(path, sizeof(path),
							 "agreements[%zu].items[%zu].key",
							 i, k);
						return cerr(p, path, "nøglen «%.64s» "
							    "står der to gange",
							    f->agreements[i].items[k].key);
					}

	if ((rc = get_list(p, root, "$", "templates", &list, &f->n_templates)))
		return rc;
	f->templates = arena_array(p->a, f->n_templates + 1,
				   sizeof(*f->templates));
	for (size_t i = 0; i < f->n_templates; i++) {
		char path[48];
		snprintf(path, sizeof(path), "templates[%zu]", i);
		if ((rc = parse_template(p, json_array_get(list, i), path,
					 &f->templates[i])))
			return rc;
	}
	if ((rc = unique_keys(p, "templates", f->n_templates, template_key, f)))
		return rc;

	if ((rc = get_list(p, root, "$", "initiatives", &list,
			   &f->n_initiatives)))
		return rc;
	f->initiatives = arena_array(p->a, f->n_initiatives + 1,
				     sizeof(*f->initiatives));
	for (size_t i = 0; i < f->n_initiatives; i++) {
		char path[48];
		snprintf(path, sizeof(path), "initiatives[%zu]", i);
		if ((rc = parse_initiative(p, f, json_array_get(list, i), path,
					   &f->initiatives[i])))
			return rc;
	}
	if ((rc = unique_keys(p, "initiatives", f->n_initiatives,
			      initiative_key, f)))
		return rc;

	if ((rc = get_list(p, root, "$", "cases", &list, &f->n_cases)))
		return rc;
	f->cases = arena_array(p->a, f->n_cases + 1, sizeof(*f->cases));
	for (size_t i = 0; i < f->n_cases; i++) {
		char path[48];
		snprintf(path, sizeof(path), "cases[%zu]", i);
		if ((rc = parse_case(p, f, json_array_get(list, i), path,
				     &f->cases[i])))
			return rc;
	}
	if ((rc = unique_keys(p, "cases", f->n_cases, case_key, f)))
		return rc;

	if ((rc = get_list(p, root, "$", "actions", &list, &f->n_actions)))
		return rc;
	f->actions = arena_array(p->a, f->n_actions + 1, sizeof(*f->actions));
	for (size_t i = 0; i < f->n_actions; i++) {
		char path[48];
		snprintf(path, sizeof(path), "actions[%zu]", i);
		if ((rc = parse_action(p, f, json_array_get(list, i), path,
				       &f->actions[i])))
			return rc;
	}
	return 0;
}

/* Keys of agreements and templates already in the store. */
static int check_store_keys(struct cparse *p, const struct pfile *f)
{
	struct casework cw;
	int rc;
	if ((rc = store_casework_load(p->st, p->a, &cw, p->err)))
		return rc;
	for (size_t i = 0; i < f->n_agreements; i++)
		for (size_t k = 0; k < cw.n_agreements; k++)
			if (strcmp(cw.agreements[k].key, f->agreements[i].h.key) == 0) {
				char path[48];
				snprintf(path, sizeof(path), "agreements[%zu].key", i);
				return cerr(p, path, "sundhedsaftalen «%.64s» findes "
					    "allerede", f->agreements[i].h.key);
			}
	for (size_t i = 0; i < f->n_templates; i++)
		for (size_t k = 0; k < cw.n_templates; k++)
			if (strcmp(cw.templates[k].key, f->templates[i].key) == 0) {
				char path[48];
				snprintf(path, sizeof(path), "templates[%zu].key", i);
				return cerr(p, path, "skabelonen «%.64s» findes "
					    "allerede", f->templates[i].key);
			}
	return 0;
}

/* The stored id of a focus area named in the file (after writing). */
static int64_t focus_id(const struct pfile *f, const char *key)
{
	size_t ai, ii;
	if (!*key || !focus_find(f, key, &ai, &ii))
		return 0;
	return f->agreements[ai].items[ii].id;
}

/* Writes a note or comment as its author when the file names one. */
static void actor_push(const char *author, char *saved, size_t n)
{
	snprintf(saved, n, "%s", store_actor());
	if (author && *author)
		store_actor_set(author);
}

static int write_file(struct cparse *p, struct pfile *f)
{
	struct store *st = p->st;
	struct err *err = p->err;
	char saved[160];
	int rc;

	for (size_t i = 0; i < f->n_agreements; i++) {
		struct pagreement *pa = &f->agreements[i];
		if ((rc = store_agreement_save(st, &pa->h, pa->items, pa->n_items,
					       err)))
			return rc;
	}
	for (size_t i = 0; i < f->n_templates; i++)
		if ((rc = store_template_save(st, &f->templates[i], err)))
			return rc;
	for (size_t i = 0; i < f->n_initiatives; i++) {
		struct pinitiative *pi = &f->initiatives[i];
		pi->in.focus_area_id = focus_id(f, pi->focus);
		if ((rc = store_initiative_save(st, &pi->in, err)))
			return rc;
		for (size_t k = 0; k < pi->n_comments; k++) {
			actor_push(pi->comments[k].author, saved, sizeof(saved));
			rc = store_initiative_comment_add(st, pi->in.id,
							  pi->comments[k].area_id,
							  pi->comments[k].text,
							  err);
			store_actor_set(saved);
			if (rc)
				return rc;
		}
	}
	for (size_t i = 0; i < f->n_cases; i++) {
		struct pcase *pc = &f->cases[i];
		pc->c.template_id = pc->template
			? f->templates[pc->template - 1].id : 0;
		pc->c.initiative_id = pc->initiative
			? f->initiatives[pc->initiative - 1].in.id : 0;
		pc->c.focus_area_id = focus_id(f, pc->focus);
		if ((rc = store_case_save(st, &pc->c, err)))
			return rc;
	}
	for (size_t i = 0; i < f->n_actions; i++) {
		struct paction *pa = &f->actions[i];
		pa->fa.case_id = pa->case_index
			? f->cases[pa->case_index - 1].c.id : 0;
		pa->fa.focus_area_id = focus_id(f, pa->focus);
		if ((rc = store_action_save(st, &pa->fa, err)))
			return rc;
		for (size_t k = 0; k < pa->n_notes; k++) {
			actor_push(pa->notes[k].author, saved, sizeof(saved));
			rc = store_action_note_add(st, pa->fa.id,
						   pa->notes[k].text, err);
			store_actor_set(saved);
			if (rc)
				return rc;
		}
	}
	return 0;
}

int store_casework_import(struct store *st, const struct structure *s,
			  const char *text, size_t len, int today,
			  struct err *err)
{
	struct arena a;
	struct cparse p = { .a = &a, .st = st, .s = s, .today = today,
			    .err = err };
	struct pfile f;
	json_error_t je;
	json_t *root;
	int rc;

	if (len > CASEWORK_MAX_BYTES) {
		err_set(err, ERR_INVALID, "too_large", "Filen er for stor.");
		return ERR_INVALID;
	}
	if (!depth_ok(text, len)) {
		err_set(err, ERR_INVALID, "too_deep", "Filen er indlejret for dybt.");
		return ERR_INVALID;
	}
	root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
	if (!root) {
		err_set(err, ERR_INVALID, "bad_json",
			"Filen er ikke gyldig JSON (linje %d, kolonne %d).",
			je.line, je.column);
		return ERR_INVALID;
	}
	arena_init(&a);
	if ((rc = parse_file(&p, root, &f)) == 0 &&
	    (rc = check_store_keys(&p, &f)) == 0)
		rc = write_file(&p, &f);
	json_decref(root);
	arena_free(&a);
	return rc;
}
