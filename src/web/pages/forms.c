/*
 * forms.c - the create/edit forms' route table and the machinery they
 * share (see forms.h): value lists, parsing of form fields, controls
 * with labels and per-field errors, the error summary and the page.
 *
 * The handlers themselves live in form_org.c (organisations, bodies,
 * people), form_membership.c and form_charter.c (terms of reference and
 * their approval steps).
 */
#include "forms.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../util/date.h"
#include "../../util/num.h"
#include "pages.h"

/* ---- routes ----------------------------------------------------------- */

const struct route form_routes[] = {
	{ "GET", "/organisations/new", form_org_new },
	{ "POST", "/organisations", form_org_create },
	{ "GET", "/organisations/:id/edit", form_org_edit },
	{ "POST", "/organisations/:id", form_org_update },
	{ "POST", "/organisations/:id/delete", form_org_delete },

	{ "GET", "/bodies/new", form_body_new },
	{ "POST", "/bodies", form_body_create },
	{ "GET", "/bodies/:id/edit", form_body_edit },
	{ "POST", "/bodies/:id", form_body_update },
	{ "POST", "/bodies/:id/delete", form_body_delete },

	{ "GET", "/people/new", form_person_new },
	{ "POST", "/people", form_person_create },
	{ "GET", "/people/:id/edit", form_person_edit },
	{ "POST", "/people/:id", form_person_update },
	{ "POST", "/people/:id/delete", form_person_delete },

	{ "GET", "/bodies/:id/memberships/new", form_membership_new },
	{ "POST", "/bodies/:id/memberships", form_membership_create },
	{ "GET", "/memberships/:id/edit", form_membership_edit },
	{ "POST", "/memberships/:id", form_membership_update },
	{ "POST", "/memberships/:id/delete", form_membership_delete },

	{ "GET", "/bodies/:id/charters/new", form_charter_new },
	{ "POST", "/bodies/:id/charters", form_charter_create },
	{ "GET", "/charters/:id/edit", form_charter_edit },
	{ "POST", "/charters/:id", form_charter_update },

	{ "GET", "/charters/:id/approvals/new", form_approval_new },
	{ "POST", "/charters/:id/approvals", form_approval_create },
	{ NULL, NULL, NULL },
};

/* ---- enums as data ------------------------------------------------------
 * Adapters so one select renderer serves every enum of model.h.
 */
#define ENUM_DESC(name, type)                                              \
	static const char *name##_code_i(int v)                            \
	{                                                                  \
		return name##_code((type)v);                               \
	}                                                                  \
	static const char *name##_label_i(int v)                           \
	{                                                                  \
		return name##_label((type)v);                              \
	}                                                                  \
	const struct enum_desc enum_##name = { name##_count, name##_code_i, \
					       name##_label_i };

ENUM_DESC(sector, enum sector)
ENUM_DESC(org_kind, enum org_kind)
ENUM_DESC(body_kind, enum body_kind)
ENUM_DESC(role, enum role)
ENUM_DESC(function, enum function)
ENUM_DESC(charter_status, enum charter_status)
ENUM_DESC(chair_rule, enum chair_rule)
ENUM_DESC(quorum_rule, enum quorum_rule)
ENUM_DESC(decision_rule, enum decision_rule)
ENUM_DESC(competence, enum competence)

/* ---- options for reference selects ---------------------------------- */

void opts_add(struct arena *a, struct opts *o, const char *value,
	      const char *label, const char *group)
{
	if (o->n == o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 32;
		o->items = arena_grow(a, o->items, o->n, cap, sizeof(*o->items));
		o->cap = cap;
	}
	o->items[o->n++] = (struct opt){ value, label, group };
}

static int opt_cmp(const void *x, const void *y)
{
	const struct opt *a = x, *b = y;
	int c = da_strcmp(a->group ? a->group : "", b->group ? b->group : "");
	return c ? c : da_strcmp(a->label, b->label);
}

static const char *id_text(struct arena *a, int64_t id)
{
	return arena_printf(a, "%lld", (long long)id);
}

struct opts opts_orgs(struct arena *a, const struct structure *s,
		      enum org_kind kind)
{
	struct opts o = { 0 };
	for (size_t i = 0; i < s->n_orgs; i++) {
		const struct organisation *g = &s->orgs[i];
		if (kind && g->kind != kind)
			continue;
		const char *label = g->kind
			? arena_printf(a, "%s (%s)", g->name, org_kind_label(g->kind))
			: g->name;
		opts_add(a, &o, id_text(a, g->id), label, NULL);
	}
	if (o.n)
		qsort(o.items, o.n, sizeof(*o.items), opt_cmp);
	return o;
}

/* "Region Syddanmark · Klynge Fyn", "Region Syddanmark · hele regionen". */
static const char *body_group(struct arena *a, const struct structure *s,
			      const struct body *b)
{
	const struct organisation *r = structure_org(s, b->region_id);
	const struct area *ar = structure_area(s, b->area_id);
	if (!r && ar)
		r = structure_org(s, ar->region_id);
	const char *rn = r ? r->name : "Uden region";
	if (ar)
		return arena_printf(a, "%s · %s", rn, ar->name);
	return arena_printf(a, "%s · hele regionen", rn);
}

struct opts opts_bodies(struct arena *a, const struct structure *s,
			int64_t except_id)
{
	struct opts o = { 0 };
	for (size_t i = 0; i < s->n_bodies; i++) {
		const struct body *b = &s->bodies[i];
		if (b->id == except_id)
			continue;
		const char *label = b->short_name && *b->short_name &&
					    strcmp(b->short_name, b->name)
			? arena_printf(a, "%s (%s)", b->name, b->short_name)
			: b->name;
		opts_add(a, &o, id_text(a, b->id), label, body_group(a, s, b));
	}
	if (o.n)
		qsort(o.items, o.n, sizeof(*o.items), opt_cmp);
	return o;
}

struct opts opts_people(struct arena *a, const struct structure *s)
{
	struct opts o = { 0 };
	for (size_t i = 0; i < s->n_people; i++) {
		const struct person *p = &s->people[i];
		const struct organisation *g = structure_org(s, p->organisation_id);
		struct buf b = BUF_INIT;
		buf_puts(&b, p->name);
		if (p->title && *p->title) {
			buf_puts(&b, ", ");
			buf_puts(&b, p->title);
		}
		if (g) {
			buf_puts(&b, " (");
			buf_puts(&b, g->short_name && *g->short_name ? g->short_name
								      : g->name);
			buf_puts(&b, ")");
		}
		opts_add(a, &o, id_text(a, p->id), arena_strdup(a, buf_str(&b)),
			 NULL);
		buf_free(&b);
	}
	if (o.n)
		qsort(o.items, o.n, sizeof(*o.items), opt_cmp);
	return o;
}

struct opts opts_areas(struct arena *a, const struct structure *s)
{
	struct opts o = { 0 };
	for (size_t i = 0; i < s->n_areas; i++) {
		const struct area *ar = &s->areas[i];
		const struct organisation *r = structure_org(s, ar->region_id);
		opts_add(a, &o, id_text(a, ar->id), ar->name,
			 r ? r->name : "Uden region");
	}
	if (o.n)
		qsort(o.items, o.n, sizeof(*o.items), opt_cmp);
	return o;
}

/* ---- value lists --------------------------------------------------- */

void kv_set(struct arena *a, struct kvlist *l, const char *key,
	    const char *value)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 32;
		l->items = arena_grow(a, l->items, l->n, cap, sizeof(*l->items));
		l->cap = cap;
	}
	l->items[l->n++] = (struct kv){ key, value ? value : "" };
}

void kv_set_int(struct arena *a, struct kvlist *l, const char *key, long long v)
{
	kv_set(a, l, key, arena_printf(a, "%lld", v));
}

void kv_set_id(struct arena *a, struct kvlist *l, const char *key, int64_t id)
{
	kv_set(a, l, key, id ? arena_printf(a, "%lld", (long long)id) : "");
}

void kv_set_date(struct arena *a, struct kvlist *l, const char *key, int date)
{
	char d[16];
	date_format(date, d, sizeof(d));
	kv_set(a, l, key, arena_strdup(a, d));
}

void kv_set_bool(struct arena *a, struct kvlist *l, const char *key, bool v)
{
	if (v)
		kv_set(a, l, key, "1");
}

/* ---- the form: values and parsing -------------------------------------- */

static void form_init(struct form *f, struct request *req)
{
	memset(f, 0, sizeof(*f));
	f->req = req;
	f->scratch.status = 200;
	f->scratch.body = (struct buf)BUF_INIT;
}

void form_init_post(struct form *f, struct request *req)
{
	form_init(f, req);
	f->vals = req->form;
	f->n_vals = req->n_form;
}

void form_init_values(struct form *f, struct request *req,
		      const struct kvlist *vals)
{
	form_init(f, req);
	f->vals = vals->items;
	f->n_vals = vals->n;
}

void form_free(struct form *f)
{
	buf_free(&f->scratch.body);
}

const char *form_raw(const struct form *f, const char *name)
{
	for (size_t i = 0; i < f->n_vals; i++)
		if (f->vals[i].key && strcmp(f->vals[i].key, name) == 0)
			return f->vals[i].value ? f->vals[i].value : "";
	return "";
}

const char *form_str(struct form *f, const char *name)
{
	const char *s = form_raw(f, name);
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' ||
		     s[n - 1] == '\n'))
		n--;
	return arena_strndup(f->req->arena, s, n);
}

bool form_bool(const struct form *f, const char *name)
{
	const char *v = form_raw(f, name);
	return *v && strcmp(v, "0") != 0;
}

static void parse_error(struct form *f, const char *name, const char *msg)
{
	field_errors_add(f->req->arena, &f->errs, name, "%s", msg);
}

int form_int(struct form *f, const char *name)
{
	const char *s = form_str(f, name);
	if (!*s)
		return 0;
	const char *p = s;
	bool neg = false;
	if (*p == '-') {
		neg = true;
		p++;
	}
	long v = 0;
	if (!*p) {
		parse_error(f, name, "Skal være et helt tal");
		return 0;
	}
	for (; *p; p++) {
		if (*p < '0' || *p > '9') {
			parse_error(f, name, "Skal være et helt tal");
			return 0;
		}
		v = v * 10 + (*p - '0');
		if (v > 1000000) {
			parse_error(f, name, "Tallet er for stort");
			return 0;
		}
	}
	return (int)(neg ? -v : v);
}

int64_t form_ref(struct form *f, const char *name)
{
	const char *s = form_str(f, name);
	if (!*s)
		return 0;
	int64_t v = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9' || v > INT64_MAX / 10 - 10) {
			parse_error(f, name, "Ugyldigt valg");
			return 0;
		}
		v = v * 10 + (*p - '0');
	}
	if (!v)
		parse_error(f, name, "Ugyldigt valg");
	return v;
}

int form_enum(struct form *f, const char *name, const struct enum_desc *d)
{
	const char *s = form_str(f, name);
	if (!*s)
		return 0;
	for (int i = 1; i < d->count(); i++)
		if (strcmp(d->code(i), s) == 0)
			return i;
	parse_error(f, name, "Ugyldigt valg");
	return 0;
}

/* Reads 1-4 digits; returns the count read. */
static int read_num(const char **pp, int maxd, int *out)
{
	const char *p = *pp;
	int v = 0, n = 0;
	while (n < maxd && *p >= '0' && *p <= '9') {
		v = v * 10 + (*p - '0');
		p++;
		n++;
	}
	*pp = p;
	*out = v;
	return n;
}

/* 0: a real date; -1: not a date at all; -2: the format is right but the
 * day does not exist (2023-02-29). */
static int parse_date_detail(const char *s, int *out)
{
	int y, m, d;
	const char *p = s;
	int n = read_num(&p, 4, &y);
	if (n == 4 && *p == '-') {		/* YYYY-MM-DD */
		p++;
		if (read_num(&p, 2, &m) < 1 || *p++ != '-' ||
		    read_num(&p, 2, &d) < 1 || *p)
			return -1;
	} else if (n >= 1 && n <= 2 && (*p == '.' || *p == '-' || *p == '/')) {
		char sep = *p++;		/* D.M.YYYY, Danish order */
		d = y;
		if (read_num(&p, 2, &m) < 1 || *p++ != sep ||
		    read_num(&p, 4, &y) != 4 || *p)
			return -1;
	} else
		return -1;
	int v = y * 10000 + m * 100 + d;
	if (!date_valid(v))
		return -2;
	*out = v;
	return 0;
}

int form_parse_date(const char *s, int *out)
{
	return parse_date_detail(s, out) == 0 ? 0 : -1;
}

int form_date(struct form *f, const char *name)
{
	const char *s = form_str(f, name);
	if (!*s)
		return 0;
	int v = 0;
	int rc = parse_date_detail(s, &v);
	if (rc == -2) {
		parse_error(f, name, "Datoen findes ikke");
		return 0;
	}
	if (rc) {
		parse_error(f, name,
			    "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2024-01-31");
		return 0;
	}
	return v;
}

void form_parsed(struct form *f)
{
	f->n_parse_errs = f->errs.n;
}

void form_add_map(struct form *f, const char *from, const char *to,
		  const char *dflt)
{
	if (f->n_maps == f->cap_maps) {
		size_t cap = f->cap_maps ? f->cap_maps * 2 : 16;
		f->maps = arena_grow(f->req->arena, f->maps, f->n_maps, cap,
				     sizeof(*f->maps));
		f->cap_maps = cap;
	}
	f->maps[f->n_maps++] = (struct form_map){ from, to, dflt };
}

bool form_has_errors(const struct form *f)
{
	return f->errs.n > 0 || f->general;
}

int form_store_error(struct form *f, const struct err *err)
{
	f->general = form_err_msg(f->req, err);
	return form_err_status(err);
}

const char *form_err_msg(struct request *req, const struct err *err)
{
	return arena_strdup(req->arena, *err->msg ? err->msg
					  : "Handlingen kunne ikke gennemføres.");
}

int form_err_status(const struct err *err)
{
	switch (err->kind) {
	case ERR_CONFLICT: return 409;
	case ERR_NOT_FOUND: return 404;
	case ERR_INVALID: return 422;
	default: return 500;
	}
}

/* ---- concurrent edits ---------------------------------------------------- */

int64_t form_revision(struct form *f)
{
	return num_positive(form_raw(f, "revision"));
}

void form_revision_field(struct form *f)
{
	const char *v = form_raw(f, "revision");
	if (*v)
		form_hidden(f, "revision", v);
}

bool form_is_stale(const struct err *err)
{
	return err->kind == ERR_CONFLICT && strcmp(err->code, "stale") == 0;
}

const struct structure *form_reload(struct request *req)
{
	web_structure_invalidate(req->app);
	web_request_end(req);
	return web_structure(req);
}

void form_stale(struct form *f, const struct kvlist *theirs, int64_t revision)
{
	struct arena *a = f->req->arena;
	struct kv *vals = arena_array(a, f->n_vals + 1, sizeof(*vals));
	size_t n = 0;
	for (size_t i = 0; i < f->n_vals; i++)
		if (!f->vals[i].key || strcmp(f->vals[i].key, "revision") != 0)
			vals[n++] = f->vals[i];
	vals[n++] = (struct kv){ "revision",
				 arena_printf(a, "%lld", (long long)revision) };
	f->vals = vals;
	f->n_vals = n;
	f->theirs = theirs;
}

/* Trimmed equality: the submitted text may carry spaces the store
 * trimmed away. */
static bool same_text(const char *x, const char *y)
{
	while (*x == ' ' || *x == '\t' || *x == '\r' || *x == '\n')
		x++;
	while (*y == ' ' || *y == '\t' || *y == '\r' || *y == '\n')
		y++;
	size_t nx = strlen(x), ny = strlen(y);
	while (nx && strchr(" \t\r\n", x[nx - 1]))
		nx--;
	while (ny && strchr(" \t\r\n", y[ny - 1]))
		ny--;
	return nx == ny && memcmp(x, y, nx) == 0;
}

/* The other person's value of a control, NULL when there is no stale
 * save or it equals the submitted one. */
static const char *theirs_differs(struct form *f, const char *name)
{
	if (!f->theirs)
		return NULL;
	const char *t = "";
	for (size_t i = 0; i < f->theirs->n; i++)
		if (strcmp(f->theirs->items[i].key, name) == 0)
			t = f->theirs->items[i].value;
	return same_text(t, form_raw(f, name)) ? NULL : t;
}

/* "Gemt af en anden: <shown>" under a control. */
static void theirs_note(struct form *f, const char *shown)
{
	struct response *r = &f->scratch;
	html(r, "<p class=\"field-theirs\">Gemt af en anden: ");
	if (*shown)
		html_txt(r, shown);
	else
		html(r, "<em>(tomt)</em>");
	html(r, "</p>");
}

/* ---- mapping validator field names to controls -------------------------- */

/* Validator names that differ from the form's control names. */
static const char *const field_alias[][2] = {
	{ "seat_key", "seat" },
	{ "other_body", "body" },
	{ "min_meetings", "min_meetings_per_year" },
	{ "substitute", "substitute_for" },
};

static const char *alias_field(struct arena *a, const char *name)
{
	size_t n = strlen(name);
	if (n > 3 && strcmp(name + n - 3, "_id") == 0)
		name = arena_strndup(a, name, n - 3);
	for (size_t i = 0; i < sizeof(field_alias) / sizeof(field_alias[0]); i++)
		if (strcmp(name, field_alias[i][0]) == 0)
			return field_alias[i][1];
	return name;
}

/*
 * "seats[2].key", "seats.2.key", "seats/2/key" -> via the map for
 * "seats[2]" -> "seat-4-key". A name that is no list element is only
 * aliased ("person_id" -> "person").
 */
static const char *normalize_field(struct form *f, const char *field)
{
	struct arena *a = f->req->arena;
	if (!field)
		return "";
	const char *p = field;
	while ((*p >= 'a' && *p <= 'z') || *p == '_')
		p++;
	size_t wlen = (size_t)(p - field);
	if (wlen && (*p == '[' || *p == '.' || *p == '/') && p[1] >= '0' &&
	    p[1] <= '9') {
		p++;
		long idx = strtol(p, (char **)&p, 10);
		if (*p == ']')
			p++;
		if (*p == '.' || *p == '/')
			p++;
		const char *key = arena_printf(a, "%.*s[%ld]", (int)wlen, field, idx);
		for (size_t i = 0; i < f->n_maps; i++) {
			if (strcmp(f->maps[i].from, key))
				continue;
			const char *rest = *p ? alias_field(a, p) : f->maps[i].dflt;
			if (!*f->maps[i].to)
				return rest;
			return arena_printf(a, "%s-%s", f->maps[i].to, rest);
		}
		return field;
	}
	return alias_field(a, field);
}

static void form_prepare(struct form *f)
{
	if (f->prepared)
		return;
	f->prepared = true;
	struct arena *a = f->req->arena;
	size_t n = f->errs.n;
	f->norm = arena_array(a, n ? n : 1, sizeof(*f->norm));
	f->shown = arena_array(a, n ? n : 1, sizeof(*f->shown));
	f->hidden = arena_array(a, n ? n : 1, sizeof(*f->hidden));
	for (size_t i = 0; i < n; i++)
		f->norm[i] = i < f->n_parse_errs ? f->errs.items[i].field
						 : normalize_field(f, f->errs.items[i].field);
	/* A control that could not be parsed gets only its parse message:
	 * the validator then sees 0 and would add "mangler" on top. */
	for (size_t i = f->n_parse_errs; i < n; i++)
		for (size_t j = 0; j < f->n_parse_errs; j++)
			if (strcmp(f->norm[i], f->norm[j]) == 0)
				f->hidden[i] = true;
	/* "Nøglen skal udfyldes" when the key was left to be made from a
	 * name that is missing: the name's own error says what to do. */
	for (size_t i = f->n_parse_errs; i < n; i++)
		if (f->hide_field && strcmp(f->norm[i], f->hide_field) == 0)
			f->hidden[i] = true;
}

/* ---- controls ----------------------------------------------------------- */

void form_html(struct form *f, const char *markup)
{
	html(&f->scratch, markup);
}

static const char *ctl_id(struct form *f, const char *name)
{
	char *id = arena_printf(f->req->arena, "f-%s", name);
	for (char *p = id + 2; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_')
			*p = '-';
	return id;
}

static void ctl_register(struct form *f, const char *name, const char *id,
			 const char *label)
{
	if (f->n_ctls == f->cap_ctls) {
		size_t cap = f->cap_ctls ? f->cap_ctls * 2 : 32;
		f->ctls = arena_grow(f->req->arena, f->ctls, f->n_ctls, cap,
				     sizeof(*f->ctls));
		f->cap_ctls = cap;
	}
	f->ctls[f->n_ctls++] = (struct form_ctl){ name, id, label };
}

/* Does the control have errors? Marks them shown (at id). */
static bool ctl_errors(struct form *f, const char *name, const char *id)
{
	form_prepare(f);
	bool any = false;
	for (size_t i = 0; i < f->errs.n; i++) {
		if (f->hidden[i] || f->shown[i] || strcmp(f->norm[i], name))
			continue;
		f->shown[i] = id;
		any = true;
	}
	return any;
}

/* The error messages of a control, as <p id=ID-error>. */
static void ctl_error_text(struct form *f, const char *id, const char *tag)
{
	struct response *r = &f->scratch;
	html(r, "<");
	html(r, tag);
	html(r, " class=\"field-error\" id=\"");
	html_attr(r, id);
	html(r, "-error\">");
	bool first = true;
	for (size_t i = 0; i < f->errs.n; i++) {
		if (f->shown[i] != id)
			continue;
		if (!first)
			html(r, "<br>");
		html(r, "<span class=\"visually-hidden\">Fejl: </span>");
		html_txt(r, f->errs.items[i].message);
		first = false;
	}
	html(r, "</");
	html(r, tag);
	html(r, ">");
}

/* Opening of a field: wrapper, label, hint, errors. Returns whether it
 * has errors (for aria-invalid and aria-describedby). */
static bool field_begin(struct form *f, const char *name, const char *id,
			const char *label, const char *hint, unsigned flags)
{
	struct response *r = &f->scratch;
	bool bad = ctl_errors(f, name, id);
	ctl_register(f, name, id, label);
	html(r, bad ? "<div class=\"field field-invalid\">" : "<div class=\"field\">");
	html(r, "<label for=\"");
	html_attr(r, id);
	html(r, "\">");
	html_txt(r, label);
	if (flags & FF_REQUIRED)
		html(r, " <span class=\"required\">(skal udfyldes)</span>");
	html(r, "</label>");
	if (hint) {
		html(r, "<p class=\"hint\" id=\"");
		html_attr(r, id);
		html(r, "-hint\">");
		html_txt(r, hint);
		html(r, "</p>");
	}
	if (bad)
		ctl_error_text(f, id, "p");
	return bad;
}

/* id, name and the aria attributes of a control. */
static void ctl_attrs(struct form *f, const char *name, const char *id,
		      bool hint, bool bad)
{
	struct response *r = &f->scratch;
	html(r, " id=\"");
	html_attr(r, id);
	html(r, "\" name=\"");
	html_attr(r, name);
	html(r, "\"");
	if (hint || bad) {
		html(r, " aria-describedby=\"");
		if (bad) {
			html_attr(r, id);
			html(r, "-error");
		}
		if (hint) {
			if (bad)
				html(r, " ");
			html_attr(r, id);
			html(r, "-hint");
		}
		html(r, "\"");
	}
	if (bad)
		html(r, " aria-invalid=\"true\"");
}

static void input(struct form *f, const char *type, const char *name,
		  const char *id, bool hint, bool bad, unsigned flags)
{
	struct response *r = &f->scratch;
	html(r, "<input type=\"");
	html(r, type);
	html(r, "\"");
	ctl_attrs(f, name, id, hint, bad);
	if (flags & FF_NUMBER)
		html(r, " inputmode=\"numeric\" class=\"input-short\"");
	html(r, " value=\"");
	html_attr(r, form_raw(f, name));
	html(r, "\">");
}

void form_text(struct form *f, const char *name, const char *label,
	       const char *hint, unsigned flags)
{
	const char *id = ctl_id(f, name);
	bool bad = field_begin(f, name, id, label, hint, flags);
	input(f, (flags & FF_EMAIL) ? "email" : "text", name, id, hint != NULL,
	      bad, flags);
	const char *t = theirs_differs(f, name);
	if (t)
		theirs_note(f, t);
	html(&f->scratch, "</div>\n");
}

void form_textarea(struct form *f, const char *name, const char *label,
		   const char *hint, int rows)
{
	struct response *r = &f->scratch;
	const char *id = ctl_id(f, name);
	bool bad = field_begin(f, name, id, label, hint, 0);
	html_printf(r, "<textarea rows=\"%d\"", rows);
	ctl_attrs(f, name, id, hint != NULL, bad);
	html(r, ">");
	/* A leading newline right after <textarea> is dropped by the
	 * parser; keep one the user typed. */
	const char *v = form_raw(f, name);
	if (*v == '\n' || (*v == '\r' && v[1] == '\n'))
		html(r, "\n");
	html_txt(r, v);
	html(r, "</textarea>");
	const char *t = theirs_differs(f, name);
	if (t)
		theirs_note(f, t);
	html(r, "</div>\n");
}

void form_datefield(struct form *f, const char *name, const char *label,
		    const char *hint, unsigned flags)
{
	const char *id = ctl_id(f, name);
	if (!hint)
		hint = "Skriv ÅÅÅÅ-MM-DD, fx 2024-01-31";
	bool bad = field_begin(f, name, id, label, hint, flags);
	/* A browser empties a type=date input whose value is no ISO date;
	 * show such a value as text so the user sees what was typed. */
	const char *v = form_raw(f, name);
	int d;
	bool iso = !*v || (date_parse(v, &d) == 0);
	input(f, iso ? "date" : "text", name, id, true, bad, 0);
	const char *t = theirs_differs(f, name);
	if (t) {
		char da[32];
		int td = 0;
		if (*t && date_parse(t, &td) == 0) {
			date_format_da(td, da, sizeof(da));
			t = arena_strdup(f->req->arena, da);
		}
		theirs_note(f, t);
	}
	html(&f->scratch, "</div>\n");
}

void form_checkbox(struct form *f, const char *name, const char *label,
		   const char *hint)
{
	struct response *r = &f->scratch;
	const char *id = ctl_id(f, name);
	bool bad = ctl_errors(f, name, id);
	ctl_register(f, name, id, label);
	html(r, bad ? "<div class=\"field field-checkbox field-invalid\">"
		    : "<div class=\"field field-checkbox\">");
	if (bad)
		ctl_error_text(f, id, "p");
	html(r, "<input type=\"checkbox\" value=\"1\"");
	ctl_attrs(f, name, id, hint != NULL, bad);
	if (form_bool(f, name))
		html(r, " checked");
	html(r, "> <label for=\"");
	html_attr(r, id);
	html(r, "\">");
	html_txt(r, label);
	html(r, "</label>");
	if (hint) {
		html(r, "<p class=\"hint\" id=\"");
		html_attr(r, id);
		html(r, "-hint\">");
		html_txt(r, hint);
		html(r, "</p>");
	}
	if (f->theirs) {
		bool mine = form_bool(f, name), their = false;
		for (size_t i = 0; i < f->theirs->n; i++)
			if (strcmp(f->theirs->items[i].key, name) == 0)
				their = *f->theirs->items[i].value &&
					strcmp(f->theirs->items[i].value, "0");
		if (mine != their)
			theirs_note(f, their ? "markeret" : "ikke markeret");
	}
	html(r, "</div>\n");
}

/* The <option>s; a current value that is not among them is kept as an
 * extra option, so a stale or odd value is not silently replaced. */
static void options(struct form *f, const char *cur, const struct opts *o,
		    const char *empty_label)
{
	struct response *r = &f->scratch;
	bool found = !*cur && empty_label;
	for (size_t i = 0; i < o->n && !found; i++)
		if (strcmp(o->items[i].value, cur) == 0)
			found = true;
	if (empty_label) {
		html(r, "<option value=\"\"");
		if (!*cur)
			html(r, " selected");
		html(r, ">");
		html_txt(r, empty_label);
		html(r, "</option>");
	}
	if (!found && *cur) {
		html(r, "<option value=\"");
		html_attr(r, cur);
		html(r, "\" selected>");
		html_txt(r, cur);
		html(r, " (ukendt)</option>");
	}
	const char *group = NULL;
	for (size_t i = 0; i < o->n; i++) {
		const struct opt *op = &o->items[i];
		if (op->group && (!group || strcmp(group, op->group))) {
			if (group)
				html(r, "</optgroup>");
			html(r, "<optgroup label=\"");
			html_attr(r, op->group);
			html(r, "\">");
			group = op->group;
		}
		html(r, "<option value=\"");
		html_attr(r, op->value);
		html(r, "\"");
		if (strcmp(op->value, cur) == 0)
			html(r, " selected");
		html(r, ">");
		html_txt(r, op->label);
		html(r, "</option>");
	}
	if (group)
		html(r, "</optgroup>");
}

void form_select(struct form *f, const char *name, const char *label,
		 const char *hint, unsigned flags, const struct opts *o,
		 const char *empty_label)
{
	struct response *r = &f->scratch;
	const char *id = ctl_id(f, name);
	bool bad = field_begin(f, name, id, label, hint, flags);
	html(r, "<select");
	ctl_attrs(f, name, id, hint != NULL, bad);
	html(r, ">");
	options(f, form_raw(f, name), o, empty_label);
	html(r, "</select>");
	const char *t = theirs_differs(f, name);
	if (t) {
		const char *shown = *t ? t : (empty_label ? empty_label : "");
		for (size_t i = 0; i < o->n; i++)
			if (strcmp(o->items[i].value, t) == 0)
				shown = o->items[i].label;
		theirs_note(f, shown);
	}
	html(r, "</div>\n");
}

static struct opts enum_opts(struct form *f, const struct enum_desc *d)
{
	struct opts o = { 0 };
	for (int i = 1; i < d->count(); i++)
		opts_add(f->req->arena, &o, d->code(i), d->label(i), NULL);
	return o;
}

void form_select_enum(struct form *f, const char *name, const char *label,
		      const char *hint, unsigned flags,
		      const struct enum_desc *d, const char *empty_label)
{
	struct opts o = enum_opts(f, d);
	form_select(f, name, label, hint, flags, &o, empty_label);
}

void form_hidden(struct form *f, const char *name, const char *value)
{
	struct response *r = &f->scratch;
	html(r, "<input type=\"hidden\" name=\"");
	html_attr(r, name);
	html(r, "\" value=\"");
	html_attr(r, value);
	html(r, "\">");
}

void form_fieldset_begin(struct form *f, const char *legend, const char *hint)
{
	struct response *r = &f->scratch;
	html(r, "<fieldset><legend>");
	html_txt(r, legend);
	html(r, "</legend>");
	if (hint) {
		html(r, "<p class=\"hint\">");
		html_txt(r, hint);
		html(r, "</p>");
	}
	html(r, "\n");
}

void form_fieldset_end(struct form *f)
{
	html(&f->scratch, "</fieldset>\n");
}

void form_group_errors(struct form *f, const char *name, const char *label)
{
	const char *id = ctl_id(f, name);
	if (!ctl_errors(f, name, id))
		return;
	ctl_register(f, name, id, label);
	html(&f->scratch, "<div class=\"group-errors\" tabindex=\"-1\" id=\"");
	html_attr(&f->scratch, id);
	html(&f->scratch, "\">");
	ctl_error_text(f, id, "p");
	html(&f->scratch, "</div>\n");
}

/* ---- table cells ------------------------------------------------------ */

static bool cell_begin(struct form *f, const char *name, const char *id,
		       const char *aria)
{
	bool bad = ctl_errors(f, name, id);
	ctl_register(f, name, id, aria);
	html(&f->scratch, bad ? "<td class=\"cell-invalid\">" : "<td>");
	return bad;
}

static void cell_end(struct form *f, const char *id, bool bad)
{
	if (bad)
		ctl_error_text(f, id, "div");
	html(&f->scratch, "</td>");
}

static void aria_label(struct form *f, const char *aria)
{
	html(&f->scratch, " aria-label=\"");
	html_attr(&f->scratch, aria);
	html(&f->scratch, "\"");
}

void form_cell_text(struct form *f, const char *name, const char *aria,
		    unsigned flags)
{
	const char *id = ctl_id(f, name);
	bool bad = cell_begin(f, name, id, aria);
	struct response *r = &f->scratch;
	html(r, "<input type=\"text\"");
	ctl_attrs(f, name, id, false, bad);
	aria_label(f, aria);
	if (flags & FF_NUMBER)
		html(r, " inputmode=\"numeric\" size=\"3\" class=\"input-short\"");
	html(r, " value=\"");
	html_attr(r, form_raw(f, name));
	html(r, "\">");
	cell_end(f, id, bad);
}

void form_cell_select(struct form *f, const char *name, const char *aria,
		      const struct opts *o, const char *empty_label)
{
	const char *id = ctl_id(f, name);
	bool bad = cell_begin(f, name, id, aria);
	html(&f->scratch, "<select");
	ctl_attrs(f, name, id, false, bad);
	aria_label(f, aria);
	html(&f->scratch, ">");
	options(f, form_raw(f, name), o, empty_label);
	html(&f->scratch, "</select>");
	cell_end(f, id, bad);
}

void form_cell_enum(struct form *f, const char *name, const char *aria,
		    const struct enum_desc *d, const char *empty_label)
{
	struct opts o = enum_opts(f, d);
	form_cell_select(f, name, aria, &o, empty_label);
}

void form_cell_checkbox(struct form *f, const char *name, const char *aria)
{
	const char *id = ctl_id(f, name);
	bool bad = cell_begin(f, name, id, aria);
	html(&f->scratch, "<input type=\"checkbox\" value=\"1\"");
	ctl_attrs(f, name, id, false, bad);
	aria_label(f, aria);
	if (form_bool(f, name))
		html(&f->scratch, " checked");
	html(&f->scratch, ">");
	cell_end(f, id, bad);
}

/* ---- the page ---------------------------------------------------------- */

/* "Formularen indeholder fejl": one link per error to its control; an
 * error no control shows (a rule about the whole object, a store
 * conflict) is listed as text. */
static void error_summary(struct form *f, struct response *res)
{
	form_prepare(f);
	size_t shown = 0;
	for (size_t i = 0; i < f->errs.n; i++)
		if (!f->hidden[i])
			shown++;
	if (!shown && !f->general)
		return;
	html(res, "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" "
		  "aria-labelledby=\"error-summary-title\">"
		  "<h2 id=\"error-summary-title\">Formularen indeholder fejl</h2><ul>");
	if (f->general) {
		html(res, "<li>");
		html_txt(res, f->general);
		html(res, "</li>");
	}
	/* Errors about the object as a whole first, then in the order of
	 * the controls on the page. */
	for (size_t i = 0; i < f->errs.n; i++) {
		if (f->hidden[i] || f->shown[i])
			continue;
		html(res, "<li>");
		html_txt(res, f->errs.items[i].message);
		html(res, "</li>");
	}
	for (size_t c = 0; c < f->n_ctls; c++) {
		const struct form_ctl *ctl = &f->ctls[c];
		for (size_t i = 0; i < f->errs.n; i++) {
			if (f->hidden[i] || f->shown[i] != ctl->id)
				continue;
			html(res, "<li><a href=\"#");
			html_attr(res, ctl->id);
			html(res, "\">");
			html_txt(res, ctl->label);
			html(res, ": ");
			html_txt(res, f->errs.items[i].message);
			html(res, "</a></li>");
		}
	}
	html(res, "</ul></div>\n");
}

void form_crumb(struct form *f, const char *href, const char *label)
{
	if (f->n_crumbs < sizeof(f->crumbs) / sizeof(f->crumbs[0])) {
		f->crumbs[f->n_crumbs].href = href;
		f->crumbs[f->n_crumbs].label = label;
		f->n_crumbs++;
	}
}

void form_page(struct form *f, struct response *res, int status,
	       const char *title, const char *intro, const char *action,
	       const char *submit, const char *cancel_href,
	       const struct response *after)
{
	struct request *req = f->req;
	res->status = status;
	page_begin(req, res, title);
	if (f->n_crumbs) {
		html(res, "<nav class=\"crumbs\" aria-label=\"Brødkrummer\">");
		for (size_t i = 0; i < f->n_crumbs; i++) {
			if (i)
				html(res, "<span aria-hidden=\"true\">›</span>");
			html(res, "<a href=\"");
			html_attr(res, f->crumbs[i].href);
			html(res, "\">");
			html_txt(res, f->crumbs[i].label);
			html(res, "</a>");
		}
		html(res, "</nav>\n");
	}
	html(res, "<h1>");
	html_txt(res, title);
	html(res, "</h1>\n");
	error_summary(f, res);
	if (intro) {
		html(res, "<p class=\"lead\">");
		html_txt(res, intro);
		html(res, "</p>\n");
	}
	html(res, "<form class=\"edit-form\" method=\"post\" novalidate action=\"");
	html_attr(res, action);
	html(res, "\">");
	html_csrf(req, res);
	html(res, "\n");
	buf_put(&res->body, f->scratch.body.data, f->scratch.body.len);
	html(res, "<div class=\"form-actions actions\"><button type=\"submit\">");
	html_txt(res, submit);
	html(res, "</button>");
	if (cancel_href) {
		html(res, " <a href=\"");
		html_attr(res, cancel_href);
		html(res, "\">Annuller</a>");
	}
	html(res, "</div></form>\n");
	if (after && after->body.len)
		buf_put(&res->body, after->body.data, after->body.len);
	page_end(req, res);
}

void form_button_post(struct request *req, struct response *out,
		      const char *action, const char *heading,
		      const char *explain, const char *button)
{
	html(out, "<section class=\"danger-zone\"><h2>");
	html_txt(out, heading);
	html(out, "</h2>");
	if (explain) {
		html(out, "<p>");
		html_txt(out, explain);
		html(out, "</p>");
	}
	html(out, "<form method=\"post\" action=\"");
	html_attr(out, action);
	html(out, "\">");
	html_csrf(req, out);
	html(out, "<button type=\"submit\" class=\"button-danger\">");
	html_txt(out, button);
	html(out, "</button></form></section>\n");
}

/* ---- objects of the URL ------------------------------------------------ */

const struct body *form_body_param(struct request *req, struct response *res)
{
	const struct body *b = structure_body(web_structure(req), req_param_id(req, 0));
	if (!b)
		page_error(req, res, 404, "Forummet findes ikke.");
	return b;
}

/* ---- keys and redirects ------------------------------------------------- */

struct key_ctx {
	const struct structure *s;
	enum store_kind kind;
	int64_t self;
};

static bool key_taken(void *ctx, const char *key)
{
	const struct key_ctx *k = ctx;
	const struct structure *s = k->s;
#define TAKEN(arr, n)                                                      \
	for (size_t i = 0; i < s->n; i++)                                  \
		if (s->arr[i].id != k->self && s->arr[i].key &&            \
		    strcmp(s->arr[i].key, key) == 0)                       \
			return true;                                       \
	return false;
	switch (k->kind) {
	case STORE_ORG: TAKEN(orgs, n_orgs)
	case STORE_AREA: TAKEN(areas, n_areas)
	case STORE_BODY: TAKEN(bodies, n_bodies)
	case STORE_CHARTER: TAKEN(charters, n_charters)
	case STORE_PERSON: TAKEN(people, n_people)
	case STORE_MEMBERSHIP: TAKEN(memberships, n_memberships)
	case STORE_ROTATION: return false;
	}
#undef TAKEN
	return false;
}

const char *form_key(struct form *f, const struct structure *s,
		     enum store_kind kind, int64_t self_id, const char *typed,
		     const char *name)
{
	if (typed && *typed)
		return typed;
	if (!name || !*name) {
		f->hide_field = "key";
		return "";
	}
	struct key_ctx k = { s, kind, self_id };
	const char *key = key_from_name(f->req->arena, name, key_taken, &k);
	return key ? key : "";
}

void form_redirect(struct request *req, struct response *res,
		   const char *prefix, int64_t id)
{
	/* Arena memory: the response may keep the pointer until sent. */
	res_redirect(res, id ? arena_printf(req->arena, "%s/%lld", prefix,
					    (long long)id)
			     : prefix);
}
