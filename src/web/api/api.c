/*
 * api.c - /api/v1: JSON read/write of the governance structure.
 *
 * Every resource (organisations, areas, bodies, charters, people,
 * memberships, rotations) has the same five routes, served by the
 * generic handlers below from its `struct api_resource` (resources.c,
 * charter.c):
 *
 *   GET    /api/v1/R        list (filters per resource, see its keep())
 *   POST   /api/v1/R        create: 201 + Location + the object
 *   GET    /api/v1/R/:id    one object
 *   PUT    /api/v1/R/:id    update the fields given (others are kept)
 *   DELETE /api/v1/R/:id    204; 409 while other objects refer to it
 *
 * plus the questions about a body on a date:
 *
 *   GET /api/v1/bodies/:id/check?date=     rules_check_body
 *   GET /api/v1/bodies/:id/members?date=   memberships active on date
 *   GET /api/v1/people/:id/memberships     a person's memberships
 *
 * Reads use the request's structure (web_structure). A write validates
 * against it (core/validate.h, 422), saves through the store (409 on a
 * conflict), invalidates the cached structure and answers with the
 * object as stored, read back through the reloaded structure.
 *
 * Concurrent writers: every object has a revision (model.h). GET of one
 * object sends it as `ETag: "v<revision>"` and in the body ("revision").
 * PUT and DELETE with `If-Match: "v<revision>"` happen only while that is
 * still the stored revision, else 412 (the store compares inside its
 * write transaction, so two writers cannot both win). Without If-Match a
 * PUT whose body carries "revision" (what GET gave) is compared the same
 * way, answering 409 "stale"; with neither the write is unconditional.
 */
#include "api.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../../core/rules.h"
#include "../../util/date.h"

/* ---- output ------------------------------------------------------------ */

static int dump_to_buf(const char *data, size_t size, void *ctx)
{
	buf_put(ctx, data, size);
	return 0;
}

void api_send(struct response *res, int status, json_t *j)
{
	res->status = status;
	res->content_type = "application/json; charset=utf-8";
	buf_reset(&res->body);
	if (j) {
		json_dump_callback(j, dump_to_buf, &res->body,
				   JSON_COMPACT);
		buf_putc(&res->body, '\n');
		json_decref(j);
	}
}

void api_error(struct response *res, int status, const char *code,
	       const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	res_json_error(res, status, code, msg);
}

json_t *api_date(int date)
{
	char d[16];
	if (!date)
		return json_null();
	date_format(date, d, sizeof(d));
	return json_string(d);
}

json_t *api_id(int64_t id)
{
	return id ? json_integer((json_int_t)id) : json_null();
}

json_t *api_code(const char *code)
{
	return code && *code ? json_string(code) : json_null();
}

json_t *api_text(const char *s)
{
	return json_string(s ? s : "");
}

void api_put_times(json_t *o, const char *created, const char *modified,
		   int64_t revision)
{
	json_object_set_new(o, "revision", revision > 0 ?
			    json_integer((json_int_t)revision) : json_null());
	json_object_set_new(o, "created", created && *created ?
			    json_string(created) : json_null());
	json_object_set_new(o, "modified", modified && *modified ?
			    json_string(modified) : json_null());
}

void api_put_ref(json_t *o, const struct structure *s, const char *idf,
		 const char *keyf, enum api_ref kind, int64_t id)
{
	const char *key = api_key_of(s, kind, id);
	json_object_set_new(o, idf, key ? api_id(id) : json_null());
	json_object_set_new(o, keyf, key ? json_string(key) : json_null());
}

/* ---- keys ------------------------------------------------------------- */

#define KEY_SCAN(arr, n)                                                   \
	for (size_t i = 0; i < s->n; i++) {                                \
		if (by_id ? s->arr[i].id == id : s->arr[i].key &&          \
			    strcmp(s->arr[i].key, key) == 0) {             \
			*key_out = s->arr[i].key;                          \
			return s->arr[i].id;                               \
		}                                                          \
	}                                                                  \
	return 0;

/* Finds the object of kind by id (or by key when by_id is false):
 * returns its id and sets *key_out to its key; 0 when there is none. */
static int64_t find(const struct structure *s, enum api_ref kind, bool by_id,
		    int64_t id, const char *key, const char **key_out)
{
	switch (kind) {
	case REF_ORG: KEY_SCAN(orgs, n_orgs)
	case REF_AREA: KEY_SCAN(areas, n_areas)
	case REF_BODY: KEY_SCAN(bodies, n_bodies)
	case REF_CHARTER: KEY_SCAN(charters, n_charters)
	case REF_PERSON: KEY_SCAN(people, n_people)
	case REF_MEMBERSHIP: KEY_SCAN(memberships, n_memberships)
	}
	return 0;
}

const char *api_key_of(const struct structure *s, enum api_ref kind,
		       int64_t id)
{
	const char *key = NULL;
	if (!id || !find(s, kind, true, id, NULL, &key))
		return NULL;
	return key ? key : "";
}

int64_t api_id_of(const struct structure *s, enum api_ref kind,
		  const char *key)
{
	const char *k = NULL;
	if (!key || !*key)
		return 0;
	return find(s, kind, false, 0, key, &k);
}

struct taken_ctx {
	const struct structure *s;
	enum api_ref kind;
};

static bool key_taken(void *ctx, const char *key)
{
	struct taken_ctx *t = ctx;
	return api_id_of(t->s, t->kind, key) != 0;
}

const char *api_derive_key(struct arena *a, const struct structure *s,
			   enum api_ref kind, const char *text)
{
	struct taken_ctx t = { s, kind };
	if (!text || !*text)
		return "";
	char *k = key_from_name(a, text, key_taken, &t);
	return k ? k : "";
}

/* ---- query parameters ------------------------------------------------- */

int api_query_date(struct request *req, struct response *res,
		   const char *name, int *out)
{
	const char *v = req_query(req, name);
	if (!v || !*v) {
		*out = date_today();
		return 0;
	}
	if (date_parse(v, out) != 0) {
		api_error(res, 400, "bad_date",
			  "Ugyldig dato «%s»: brug formatet ÅÅÅÅ-MM-DD "
			  "(f.eks. 2024-03-01)", v);
		return -1;
	}
	return 0;
}

int api_query_id(struct request *req, struct response *res,
		 const char *name, int64_t *out)
{
	const char *v = req_query(req, name);
	*out = 0;
	if (!v || !*v)
		return 0;
	long long n = 0;
	for (const char *p = v; *p; p++) {
		if (*p < '0' || *p > '9' || n > 100000000000000LL) {
			n = 0;
			break;
		}
		n = n * 10 + (*p - '0');
	}
	if (n <= 0) {
		api_error(res, 400, "bad_parameter",
			  "Ugyldigt id «%s» i parameteren «%s»", v, name);
		return -1;
	}
	*out = n;
	return 0;
}

/* ---- generic handlers -------------------------------------------------- */

static int64_t *obj_revision(const struct api_resource *r, void *obj)
{
	return (int64_t *)((char *)obj + r->revision_off);
}

static void res_etag(struct response *res, int64_t revision)
{
	char tag[32];
	if (revision <= 0)
		return;
	snprintf(tag, sizeof(tag), "\"v%lld\"", (long long)revision);
	res_header(res, "ETag", tag);
}

/*
 * The If-Match header: -1 when absent, 0 for "*" (any current object),
 * the revision of one `"v<n>"` (weak W/ accepted), -2 for anything else
 * (a list, another server's tag): it cannot match, so 412.
 */
static int64_t if_match_revision(const struct request *req)
{
	const char *p = req->if_match;
	if (!p)
		return -1;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '*' && p[1 + strspn(p + 1, " \t")] == '\0')
		return 0;
	if (p[0] == 'W' && p[1] == '/')
		p += 2;
	if (p[0] != '"' || p[1] != 'v' || p[2] < '1' || p[2] > '9')
		return -2;
	int64_t v = 0;
	for (p += 2; *p >= '0' && *p <= '9'; p++) {
		if (v > (INT64_MAX - 9) / 10)
			return -2;
		v = v * 10 + (*p - '0');
	}
	if (*p++ != '"')
		return -2;
	p += strspn(p, " \t");
	return *p ? -2 : v;
}

static void precondition_failed(struct response *res)
{
	api_error(res, 412, "precondition_failed",
		  "Oplysningerne er ændret, siden du hentede dem (If-Match "
		  "passer ikke med den gemte udgave). Hent dem igen, og prøv "
		  "på ny.");
}

static void res_not_found(struct response *res, const struct api_resource *r)
{
	api_error(res, 404, "not_found", "%s", r->not_found);
}

/* The same three for resources outside the generic handlers
 * (api/meetings.c): api.h. */
int64_t api_if_match(const struct request *req)
{
	return if_match_revision(req);
}

void api_etag(struct response *res, int64_t revision)
{
	res_etag(res, revision);
}

void api_precondition_failed(struct response *res)
{
	precondition_failed(res);
}

/* The path of one object, "/api/v1/bodies/12". */
static const char *object_path(struct arena *a, const struct api_resource *r,
			       int64_t id)
{
	return arena_printf(a, "/api/v1/%s/%lld", r->name, (long long)id);
}

static void api_list(struct request *req, struct response *res,
		     const struct api_resource *r)
{
	const struct structure *s = web_structure(req);
	void *state = NULL;
	if (r->filter_prep) {
		state = r->filter_prep(req, res);
		if (!state)
			return;
	}
	json_t *arr = json_array();
	size_t n = r->count(s);
	for (size_t i = 0; i < n; i++) {
		const void *o = r->nth(s, i);
		if (r->keep && !r->keep(state, s, o))
			continue;
		json_array_append_new(arr, r->to_json(s, o));
	}
	api_send(res, 200, arr);
}

static void api_get(struct request *req, struct response *res,
		    const struct api_resource *r)
{
	const struct structure *s = web_structure(req);
	const void *o = r->get(s, req_param_id(req, 0));
	if (!o) {
		res_not_found(res, r);
		return;
	}
	res_etag(res, *obj_revision(r, (void *)o));
	api_send(res, 200, r->to_json(s, o));
}

/* Maps a store error to a response. */
static void store_failed(struct response *res, const struct err *err,
			 const struct api_resource *r)
{
	const char *msg = err->msg[0] ? err->msg : "Der opstod en fejl i lageret";
	const char *code = err->code[0] ? err->code : "store_error";
	switch (err->kind) {
	case ERR_CONFLICT:
		api_error(res, 409, code, "%s", msg);
		break;
	case ERR_NOT_FOUND:
		if (err->msg[0])
			api_error(res, 404, code, "%s", msg);
		else
			res_not_found(res, r);
		break;
	case ERR_INVALID:
		api_error(res, 422, code, "%s", msg);
		break;
	default:
		api_error(res, 500, code, "%s", msg);
		break;
	}
}

/*
 * After a write: the object as stored (with its derived key and its
 * children's ids). The request gives back its reference on the old
 * structure and takes one on the new: the load the next request would
 * do anyway. Anything read from the old structure is gone after this.
 */
static json_t *stored_json(struct request *req, struct response *res,
			   const struct api_resource *r, int64_t id)
{
	web_structure_invalidate(req->app);
	web_request_end(req);
	const struct structure *s = web_structure(req);
	const void *o = r->get(s, id);
	if (o) {
		res_etag(res, *obj_revision(r, (void *)o));
		return r->to_json(s, o);
	}
	/* Saved, but the reload failed: the id is all there is to say. */
	return json_pack("{s:I}", "id", (json_int_t)id);
}

/* Removes the errors for field. */
static void drop_field(struct field_errors *e, const char *field)
{
	size_t k = 0;
	for (size_t i = 0; i < e->n; i++)
		if (strcmp(e->items[i].field, field) != 0)
			e->items[k++] = e->items[i];
	e->n = k;
}

/* Reads, validates and saves obj (a new object when id is 0); sends the
 * response. */
/* The permission rule's kind of a store kind (the same order). */
static enum access_kind access_kind_of(enum store_kind k)
{
	switch (k) {
	case STORE_ORG: return ACCESS_KIND_ORG;
	case STORE_AREA: return ACCESS_KIND_AREA;
	case STORE_BODY: return ACCESS_KIND_BODY;
	case STORE_CHARTER: return ACCESS_KIND_CHARTER;
	case STORE_PERSON: return ACCESS_KIND_PERSON;
	case STORE_MEMBERSHIP: return ACCESS_KIND_MEMBERSHIP;
	case STORE_ROTATION: return ACCESS_KIND_ROTATION;
	}
	return ACCESS_KIND_ORG;
}

/* old: the object as stored (NULL for a create). */
static void api_write(struct request *req, struct response *res,
		      const struct api_resource *r, void *obj, bool create,
		      const void *old)
{
	const struct structure *s = web_structure(req);
	json_t *body = api_in_body(req, res);
	if (!body)
		return;
	struct api_in in;
	api_in_init(&in, req->arena, s, body);
	/* "id" is output by GET; on input it may only repeat the URL's. */
	json_t *idv = json_object_get(body, "id");
	if (idv && !json_is_null(idv)) {
		int64_t want = create ? 0 : r->id(obj);
		if (!json_is_integer(idv) ||
		    (int64_t)json_integer_value(idv) != want) {
			json_decref(body);
			api_error(res, 400, "bad_id", create ?
				  "feltet «id» kan ikke angives ved oprettelse" :
				  "feltet «id» skal være det samme som i adressen");
			return;
		}
	}
	/* Which revision the write is conditional on (0: none). */
	int64_t match = create ? -1 : if_match_revision(req);
	int64_t want = 0;
	json_t *rv = json_object_get(body, "revision");
	if (rv && !json_is_null(rv)) {
		if (!json_is_integer(rv) || json_integer_value(rv) < 1) {
			json_decref(body);
			api_error(res, 400, "bad_revision",
				  "feltet «revision» skal være et positivt heltal, "
				  "som GET gav det");
			return;
		}
		want = (int64_t)json_integer_value(rv);
	}
	if (match == -2 || (match > 0 && want && want != match)) {
		json_decref(body);
		precondition_failed(res);
		return;
	}
	r->parse(&in, obj);
	if (in.bad) {
		json_decref(body);
		api_in_fail(&in, NULL, res);
		return;
	}
	*obj_revision(r, obj) = create ? 0 : match > 0 ? match : want;
	bool no_key = r->derive_key && !r->derive_key(req->arena, s, obj);
	struct field_errors ve = { 0 };
	r->validate(req->arena, s, obj, &ve);
	/* A key left out is derived from the name (or person and body):
	 * when that is missing, the error belongs to the name alone. */
	if (no_key && !json_object_get(body, "key"))
		drop_field(&ve, "key");
	json_decref(body);
	if (api_in_fail(&in, &ve, res))
		return;
	if (!web_authorize_save(req, res, access_kind_of(r->kind), old, obj))
		return;
	struct err err = { 0 };
	if (r->save(req->app->store, obj, &err) != 0) {
		if (match > 0 && strcmp(err.code, "stale") == 0)
			precondition_failed(res);
		else if (strcmp(err.code, "stale") == 0)
			api_error(res, 409, "stale",
				  "Oplysningerne er ændret, siden du hentede dem "
				  "(«revision» passer ikke med den gemte udgave). "
				  "Dine ændringer er ikke gemt – hent dem igen, og "
				  "prøv på ny.");
		else
			store_failed(res, &err, r);
		return;
	}
	int64_t id = r->id(obj);
	if (create)
		res_header(res, "Location", object_path(req->arena, r, id));
	api_send(res, create ? 201 : 200, stored_json(req, res, r, id));
}

static void api_create(struct request *req, struct response *res,
		       const struct api_resource *r)
{
	void *obj = arena_alloc(req->arena, r->size);
	r->init(obj);
	api_write(req, res, r, obj, true, NULL);
}

static void api_update(struct request *req, struct response *res,
		       const struct api_resource *r)
{
	const struct structure *s = web_structure(req);
	const void *old = r->get(s, req_param_id(req, 0));
	if (!old) {
		res_not_found(res, r);
		return;
	}
	/* A shallow copy: lists not given in the body stay shared with the
	 * cached structure, which the store only reads. */
	void *obj = arena_alloc(req->arena, r->size);
	memcpy(obj, old, r->size);
	api_write(req, res, r, obj, false, old);
}

static void api_delete(struct request *req, struct response *res,
		       const struct api_resource *r)
{
	/* Only what this principal may see can be named (a hidden draft is
	 * 404, not 403). */
	const void *old = r->get(web_structure(req), req_param_id(req, 0));
	if (!old) {
		res_not_found(res, r);
		return;
	}
	int64_t id = r->id(old);
	int64_t match = if_match_revision(req);
	if (match == -2) {
		precondition_failed(res);
		return;
	}
	if (!web_authorize_save(req, res, access_kind_of(r->kind), old, NULL))
		return;
	struct err err = { 0 };
	if (store_delete_rev(req->app->store, r->kind, id, match > 0 ? match : 0,
			     &err) != 0) {
		if (strcmp(err.code, "stale") == 0)
			precondition_failed(res);
		else
			store_failed(res, &err, r);
		return;
	}
	web_structure_invalidate(req->app);
	res->status = 204;
	res->content_type = "application/json; charset=utf-8";
	buf_reset(&res->body);
}

/* Five handlers per resource, bound to its descriptor. */
#define RESOURCE_HANDLERS(name, desc)                                       \
	static void name##_list(struct request *q, struct response *s)     \
	{ api_list(q, s, &desc); }                                          \
	static void name##_get(struct request *q, struct response *s)      \
	{ api_get(q, s, &desc); }                                           \
	static void name##_create(struct request *q, struct response *s)   \
	{ api_create(q, s, &desc); }                                        \
	static void name##_update(struct request *q, struct response *s)   \
	{ api_update(q, s, &desc); }                                        \
	static void name##_delete(struct request *q, struct response *s)   \
	{ api_delete(q, s, &desc); }

RESOURCE_HANDLERS(orgs, api_orgs)
RESOURCE_HANDLERS(areas, api_areas)
RESOURCE_HANDLERS(bodies, api_bodies)
RESOURCE_HANDLERS(charters, api_charters)
RESOURCE_HANDLERS(people, api_people)
RESOURCE_HANDLERS(memberships, api_memberships)
RESOURCE_HANDLERS(rotations, api_rotations)

/* ---- questions about a body or a person ----------------------------- */

static json_t *violation_json(const struct violation *v)
{
	json_t *o = json_object();
	json_object_set_new(o, "code", json_string(v->code));
	json_object_set_new(o, "message", api_text(v->message));
	json_object_set_new(o, "seat", v->seat_key && *v->seat_key ?
			    json_string(v->seat_key) : json_null());
	json_object_set_new(o, "organisation_id", api_id(v->org_id));
	json_object_set_new(o, "person_id", api_id(v->person_id));
	json_object_set_new(o, "membership_id", api_id(v->membership_id));
	return o;
}

/* GET /api/v1/bodies/:id/check?date=YYYY-MM-DD (default today). */
static void body_check(struct request *req, struct response *res)
{
	const struct structure *s = web_structure(req);
	const struct body *b = structure_body(s, req_param_id(req, 0));
	if (!b) {
		res_not_found(res, &api_bodies);
		return;
	}
	int date;
	if (api_query_date(req, res, "date", &date) != 0)
		return;
	/* rules_check_body, shared with the pages through the cache. */
	const struct violations *v = web_check_body(req, b->id, date);
	json_t *list = json_array();
	for (size_t i = 0; i < v->n; i++)
		json_array_append_new(list, violation_json(&v->items[i]));
	json_t *o = json_object();
	json_object_set_new(o, "body_id", json_integer((json_int_t)b->id));
	json_object_set_new(o, "date", api_date(date));
	json_object_set_new(o, "ok", json_boolean(v->n == 0));
	json_object_set_new(o, "violations", list);
	api_send(res, 200, o);
}

/* GET /api/v1/bodies/:id/members?date=YYYY-MM-DD (default today): the
 * memberships in force on the date, each with the person's name. */
static void body_members(struct request *req, struct response *res)
{
	const struct structure *s = web_structure(req);
	const struct body *b = structure_body(s, req_param_id(req, 0));
	if (!b) {
		res_not_found(res, &api_bodies);
		return;
	}
	int date;
	if (api_query_date(req, res, "date", &date) != 0)
		return;
	json_t *list = json_array();
	for (size_t i = 0; i < s->n_memberships; i++) {
		const struct membership *m = &s->memberships[i];
		if (m->body_id != b->id || !membership_active(m, date))
			continue;
		json_t *o = api_membership_json(s, m);
		const struct person *p = structure_person(s, m->person_id);
		json_object_set_new(o, "person_name",
				    api_text(p ? p->name : ""));
		json_array_append_new(list, o);
	}
	json_t *o = json_object();
	json_object_set_new(o, "body_id", json_integer((json_int_t)b->id));
	json_object_set_new(o, "date", api_date(date));
	json_object_set_new(o, "members", list);
	api_send(res, 200, o);
}

/* GET /api/v1/people/:id/memberships: all of them, past and future. */
static void person_memberships(struct request *req, struct response *res)
{
	const struct structure *s = web_structure(req);
	const struct person *p = structure_person(s, req_param_id(req, 0));
	if (!p) {
		res_not_found(res, &api_people);
		return;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < s->n_memberships; i++)
		if (s->memberships[i].person_id == p->id)
			json_array_append_new(list, api_membership_json(s,
						&s->memberships[i]));
	api_send(res, 200, list);
}

#define RESOURCE_ROUTES(path, name)                                         \
	{ "GET", "/api/v1/" path, name##_list },                            \
	{ "POST", "/api/v1/" path, name##_create },                         \
	{ "GET", "/api/v1/" path "/:id", name##_get },                      \
	{ "PUT", "/api/v1/" path "/:id", name##_update },                   \
	{ "DELETE", "/api/v1/" path "/:id", name##_delete }

const struct route api_routes[] = {
	RESOURCE_ROUTES("organisations", orgs),
	RESOURCE_ROUTES("areas", areas),
	RESOURCE_ROUTES("bodies", bodies),
	{ "GET", "/api/v1/bodies/:id/check", body_check },
	{ "GET", "/api/v1/bodies/:id/members", body_members },
	RESOURCE_ROUTES("charters", charters),
	RESOURCE_ROUTES("people", people),
	{ "GET", "/api/v1/people/:id/memberships", person_memberships },
	RESOURCE_ROUTES("memberships", memberships),
	RESOURCE_ROUTES("rotations", rotations),
	{ NULL, NULL, NULL },
};

/* ---- shared by api/meetings.c and api/cases.c ----------------------- */

/*
 * The revision a write is conditional on (0: none), from If-Match or
 * the body's "revision" (as api.c). *from_header says which, for the
 * answer to a stale write (412 or 409). Sends 400/412 and returns false
 * when they are malformed or disagree.
 */
bool api_write_revision(struct request *req, struct response *res,
			   json_t *body, int64_t *rev, bool *from_header)
{
	int64_t match = api_if_match(req);
	int64_t want = 0;
	json_t *rv = body ? json_object_get(body, "revision") : NULL;
	if (rv && !json_is_null(rv)) {
		if (!json_is_integer(rv) || json_integer_value(rv) < 1) {
			api_error(res, 400, "bad_revision",
				  "feltet «revision» skal være et positivt heltal, "
				  "som GET gav det");
			return false;
		}
		want = (int64_t)json_integer_value(rv);
	}
	if (match == -2 || (match > 0 && want && want != match)) {
		api_precondition_failed(res);
		return false;
	}
	*from_header = match > 0;
	*rev = match > 0 ? match : want;
	return true;
}

/* "id" in a body may only repeat the URL's (0 for a create). */
bool api_check_body_id(struct response *res, json_t *body, int64_t want)
{
	json_t *idv = json_object_get(body, "id");
	if (!idv || json_is_null(idv))
		return true;
	if (json_is_integer(idv) && (int64_t)json_integer_value(idv) == want &&
	    want)
		return true;
	api_error(res, 400, "bad_id", want ?
		  "feltet «id» skal være det samme som i adressen" :
		  "feltet «id» kan ikke angives ved oprettelse");
	return false;
}

/* Maps a store error to a response for the meeting and casework
 * resources (api.c's store_failed, with 412/409 for a stale write). */
void api_store_failed(struct response *res, const struct err *err,
			 const char *not_found, bool from_header)
{
	const char *msg = err->msg[0] ? err->msg : "Der opstod en fejl i lageret";
	const char *code = err->code[0] ? err->code : "store_error";
	if (strcmp(code, "stale") == 0) {
		if (from_header)
			api_precondition_failed(res);
		else
			api_error(res, 409, "stale",
				  "Oplysningerne er ændret, siden du hentede dem "
				  "(«revision» passer ikke med den gemte udgave). "
				  "Dine ændringer er ikke gemt – hent dem igen, og "
				  "prøv på ny.");
		return;
	}
	switch (err->kind) {
	case ERR_CONFLICT:
		api_error(res, 409, code, "%s", msg);
		break;
	case ERR_NOT_FOUND:
		api_error(res, 404, "not_found", "%s", not_found);
		break;
	case ERR_INVALID:
		api_error(res, 422, code, "%s", msg);
		break;
	default:
		api_error(res, 500, code, "%s", msg);
		break;
	}
}
