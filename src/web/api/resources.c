/*
 * resources.c - the API's view of organisations, areas, bodies, people,
 * memberships and rotations (charters: charter.c).
 *
 * Each object is written with "id" first, then the fields of
 * docs/structure-format.md in its order; a reference "x" appears twice,
 * as "x_id" (the id) and "x" (the key), both null when there is none.
 * Last come "created", "modified" and "revision" (api_put_times).
 * Input accepts the same fields (either form of a reference); the
 * timestamps are read-only and ignored; a "revision" makes the write
 * conditional (api.c).
 */
#include "api.h"

#include <stddef.h>

#include <string.h>

/* get/nth/count/id for a model array `arr` of `type` in the structure. */
#define ACCESSORS(pre, type, arr, n, lookup)                                \
	static const void *pre##_get(const struct structure *s, int64_t id) \
	{ return lookup(s, id); }                                           \
	static const void *pre##_nth(const struct structure *s, size_t i)   \
	{ return &s->arr[i]; }                                              \
	static size_t pre##_count(const struct structure *s)                \
	{ return s->n; }                                                    \
	static int64_t pre##_id(const void *o)                              \
	{ return ((const struct type *)o)->id; }

/* Filter state: ids and enum values from the query; 0 = any. */
struct filter {
	int64_t a, b;
	int kind, sector;
	int date;
	bool has_date;
};

static struct filter *filter_new(struct request *req)
{
	return arena_alloc(req->arena, sizeof(struct filter));
}

/* Reads an enum query parameter; 400 and false when unknown. */
#define QUERY_ENUM(req, res, pname, name, dst)                              \
	do {                                                                \
		const char *v_ = req_query(req, pname);                     \
		bool ok_ = true;                                            \
		(dst) = (int)name##_from_code(v_, &ok_);                    \
		if (!ok_) {                                                 \
			api_error(res, 400, "bad_parameter",                \
				  "Ukendt værdi «%s» i parameteren «%s»",   \
				  v_, pname);                               \
			return NULL;                                        \
		}                                                           \
	} while (0)

/* ---- organisations ---------------------------------------------------- */

ACCESSORS(org, organisation, orgs, n_orgs, structure_org)

static void org_init(void *p)
{
	struct organisation *o = p;
	o->key = o->name = o->short_name = o->note = "";
}

static json_t *org_json(const struct structure *s, const void *p)
{
	const struct organisation *o = p;
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer((json_int_t)o->id));
	json_object_set_new(j, "key", api_text(o->key));
	json_object_set_new(j, "name", api_text(o->name));
	json_object_set_new(j, "short_name", api_text(o->short_name));
	json_object_set_new(j, "kind", api_code(org_kind_code(o->kind)));
	json_object_set_new(j, "sector", api_code(sector_code(o->sector)));
	api_put_ref(j, s, "parent_id", "parent", REF_ORG, o->parent_id);
	json_object_set_new(j, "note", api_text(o->note));
	api_put_times(j, o->created, o->modified,
		      o->revision);
	return j;
}

static void org_parse(struct api_in *in, void *p)
{
	static const char *const fields[] = { "id", "key", "name",
		"short_name", "kind", "sector", "parent_id", "parent", "note",
		"created", "modified", "revision", NULL };
	struct organisation *o = p;
	api_in_allow(in, fields);
	api_in_text(in, "key", &o->key);
	api_in_text(in, "name", &o->name);
	api_in_text(in, "short_name", &o->short_name);
	API_IN_ENUM(in, "kind", org_kind, o->kind);
	API_IN_ENUM(in, "sector", sector, o->sector);
	api_in_ref(in, "parent", REF_ORG, &o->parent_id);
	api_in_text(in, "note", &o->note);
}

static bool org_derive_key(struct arena *a, const struct structure *s,
			   void *p)
{
	struct organisation *o = p;
	if (!*o->key)
		o->key = api_derive_key(a, s, REF_ORG, o->name);
	return *o->key != '\0';
}

static int org_validate(struct arena *a, const struct structure *s,
			const void *p, struct field_errors *e)
{
	return validate_org(a, s, p, e);
}

static int org_save(struct store *st, void *p, struct err *err)
{
	return store_org_save(st, p, err);
}

/* ?kind=&sector= */
static void *org_filter_prep(struct request *req, struct response *res)
{
	struct filter *f = filter_new(req);
	QUERY_ENUM(req, res, "kind", org_kind, f->kind);
	QUERY_ENUM(req, res, "sector", sector, f->sector);
	return f;
}

static bool org_keep(const void *state, const struct structure *s,
		     const void *p)
{
	const struct filter *f = state;
	const struct organisation *o = p;
	return (!f->kind || (int)o->kind == f->kind) &&
	       (!f->sector || (int)o->sector == f->sector);
}

const struct api_resource api_orgs = {
	.name = "organisations", .kind = STORE_ORG,
	.size = sizeof(struct organisation),
	.revision_off = offsetof(struct organisation, revision),
	.not_found = "Organisationen findes ikke",
	.get = org_get, .nth = org_nth, .count = org_count, .id = org_id,
	.init = org_init, .parse = org_parse,
	.derive_key = org_derive_key, .validate = org_validate,
	.save = org_save, .to_json = org_json,
	.filter_prep = org_filter_prep, .keep = org_keep,
};

/* ---- areas (clusters) ------------------------------------------------- */

ACCESSORS(area, area, areas, n_areas, structure_area)

static void area_init(void *p)
{
	struct area *a = p;
	a->key = a->name = a->note = "";
}

static json_t *area_json(const struct structure *s, const void *p)
{
	const struct area *a = p;
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer((json_int_t)a->id));
	json_object_set_new(j, "key", api_text(a->key));
	json_object_set_new(j, "name", api_text(a->name));
	api_put_ref(j, s, "region_id", "region", REF_ORG, a->region_id);
	api_put_ref(j, s, "hospital_id", "hospital", REF_ORG, a->hospital_id);
	json_t *ids = json_array(), *keys = json_array();
	for (size_t i = 0; i < a->n_municipalities; i++) {
		const char *k = api_key_of(s, REF_ORG, a->municipality_ids[i]);
		json_array_append_new(ids, api_id(a->municipality_ids[i]));
		json_array_append_new(keys, k ? json_string(k) : json_null());
	}
	json_object_set_new(j, "municipality_ids", ids);
	json_object_set_new(j, "municipalities", keys);
	json_object_set_new(j, "note", api_text(a->note));
	api_put_times(j, a->created, a->modified,
		      a->revision);
	return j;
}

static void area_parse(struct api_in *in, void *p)
{
	static const char *const fields[] = { "id", "key", "name",
		"region_id", "region", "hospital_id", "hospital",
		"municipality_ids", "municipalities", "note", "created",
		"modified", "revision", NULL };
	struct area *a = p;
	api_in_allow(in, fields);
	api_in_text(in, "key", &a->key);
	api_in_text(in, "name", &a->name);
	api_in_ref(in, "region", REF_ORG, &a->region_id);
	api_in_ref(in, "hospital", REF_ORG, &a->hospital_id);
	api_in_ref_list(in, "municipality_ids", "municipalities", REF_ORG,
			&a->municipality_ids, &a->n_municipalities);
	api_in_text(in, "note", &a->note);
}

static bool area_derive_key(struct arena *ar, const struct structure *s,
			    void *p)
{
	struct area *a = p;
	if (!*a->key)
		a->key = api_derive_key(ar, s, REF_AREA, a->name);
	return *a->key != '\0';
}

static int area_validate(struct arena *a, const struct structure *s,
			 const void *p, struct field_errors *e)
{
	return validate_area(a, s, p, e);
}

static int area_save(struct store *st, void *p, struct err *err)
{
	return store_area_save(st, p, err);
}

/* ?region_id= */
static void *area_filter_prep(struct request *req, struct response *res)
{
	struct filter *f = filter_new(req);
	if (api_query_id(req, res, "region_id", &f->a) != 0)
		return NULL;
	return f;
}

static bool area_keep(const void *state, const struct structure *s,
		      const void *p)
{
	const struct filter *f = state;
	const struct area *a = p;
	return !f->a || a->region_id == f->a;
}

const struct api_resource api_areas = {
	.name = "areas", .kind = STORE_AREA, .size = sizeof(struct area),
	.revision_off = offsetof(struct area, revision),
	.not_found = "Klyngen findes ikke",
	.get = area_get, .nth = area_nth, .count = area_count,
	.id = area_id, .init = area_init, .parse = area_parse,
	.derive_key = area_derive_key, .validate = area_validate,
	.save = area_save, .to_json = area_json,
	.filter_prep = area_filter_prep, .keep = area_keep,
};

/* ---- bodies ----------------------------------------------------------- */

ACCESSORS(body, body, bodies, n_bodies, structure_body)

static void body_init(void *p)
{
	struct body *b = p;
	b->key = b->name = b->short_name = b->description = "";
	b->formal = true;
}

static json_t *body_json(const struct structure *s, const void *p)
{
	const struct body *b = p;
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer((json_int_t)b->id));
	json_object_set_new(j, "key", api_text(b->key));
	json_object_set_new(j, "name", api_text(b->name));
	json_object_set_new(j, "short_name", api_text(b->short_name));
	json_object_set_new(j, "kind", api_code(body_kind_code(b->kind)));
	api_put_ref(j, s, "parent_id", "parent", REF_BODY, b->parent_id);
	api_put_ref(j, s, "area_id", "area", REF_AREA, b->area_id);
	api_put_ref(j, s, "region_id", "region", REF_ORG, b->region_id);
	json_object_set_new(j, "formal", json_boolean(b->formal));
	json_object_set_new(j, "description", api_text(b->description));
	api_put_times(j, b->created, b->modified,
		      b->revision);
	return j;
}

static void body_parse(struct api_in *in, void *p)
{
	static const char *const fields[] = { "id", "key", "name",
		"short_name", "kind", "parent_id", "parent", "area_id", "area",
		"region_id", "region", "formal", "description", "created",
		"modified", "revision", NULL };
	struct body *b = p;
	api_in_allow(in, fields);
	api_in_text(in, "key", &b->key);
	api_in_text(in, "name", &b->name);
	api_in_text(in, "short_name", &b->short_name);
	API_IN_ENUM(in, "kind", body_kind, b->kind);
	api_in_ref(in, "parent", REF_BODY, &b->parent_id);
	api_in_ref(in, "area", REF_AREA, &b->area_id);
	api_in_ref(in, "region", REF_ORG, &b->region_id);
	api_in_bool(in, "formal", &b->formal);
	api_in_text(in, "description", &b->description);
}

static bool body_derive_key(struct arena *a, const struct structure *s,
			    void *p)
{
	struct body *b = p;
	if (!*b->key)
		b->key = api_derive_key(a, s, REF_BODY, b->name);
	return *b->key != '\0';
}

static int body_validate(struct arena *a, const struct structure *s,
			 const void *p, struct field_errors *e)
{
	return validate_body(a, s, p, e);
}

static int body_save(struct store *st, void *p, struct err *err)
{
	return store_body_save(st, p, err);
}

/* ?area_id=&region_id=&kind= */
static void *body_filter_prep(struct request *req, struct response *res)
{
	struct filter *f = filter_new(req);
	if (api_query_id(req, res, "area_id", &f->a) != 0 ||
	    api_query_id(req, res, "region_id", &f->b) != 0)
		return NULL;
	QUERY_ENUM(req, res, "kind", body_kind, f->kind);
	return f;
}

static bool body_keep(const void *state, const struct structure *s,
		      const void *p)
{
	const struct filter *f = state;
	const struct body *b = p;
	return (!f->a || b->area_id == f->a) &&
	       (!f->b || b->region_id == f->b) &&
	       (!f->kind || (int)b->kind == f->kind);
}

const struct api_resource api_bodies = {
	.name = "bodies", .kind = STORE_BODY, .size = sizeof(struct body),
	.revision_off = offsetof(struct body, revision),
	.not_found = "Forummet findes ikke",
	.get = body_get, .nth = body_nth, .count = body_count,
	.id = body_id, .init = body_init, .parse = body_parse,
	.derive_key = body_derive_key, .validate = body_validate,
	.save = body_save, .to_json = body_json,
	.filter_prep = body_filter_prep, .keep = body_keep,
};

/* ---- people ----------------------------------------------------------- */

ACCESSORS(person, person, people, n_people, structure_person)

static void person_init(void *p)
{
	struct person *o = p;
	o->key = o->name = o->title = o->email = o->note = "";
}

static json_t *person_json(const struct structure *s, const void *p)
{
	const struct person *o = p;
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer((json_int_t)o->id));
	json_object_set_new(j, "key", api_text(o->key));
	json_object_set_new(j, "name", api_text(o->name));
	json_object_set_new(j, "title", api_text(o->title));
	json_object_set_new(j, "email", api_text(o->email));
	api_put_ref(j, s, "organisation_id", "organisation", REF_ORG,
		    o->organisation_id);
	json_object_set_new(j, "note", api_text(o->note));
	api_put_times(j, o->created, o->modified,
		      o->revision);
	return j;
}

static void person_parse(struct api_in *in, void *p)
{
	static const char *const fields[] = { "id", "key", "name", "title",
		"email", "organisation_id", "organisation", "note", "created",
		"modified", "revision", NULL };
	struct person *o = p;
	api_in_allow(in, fields);
	api_in_text(in, "key", &o->key);
	api_in_text(in, "name", &o->name);
	api_in_text(in, "title", &o->title);
	api_in_text(in, "email", &o->email);
	api_in_ref(in, "organisation", REF_ORG, &o->organisation_id);
	api_in_text(in, "note", &o->note);
}

static bool person_derive_key(struct arena *a, const struct structure *s,
			      void *p)
{
	struct person *o = p;
	if (!*o->key)
		o->key = api_derive_key(a, s, REF_PERSON, o->name);
	return *o->key != '\0';
}

static int person_validate(struct arena *a, const struct structure *s,
			   const void *p, struct field_errors *e)
{
	return validate_person(a, s, p, e);
}

static int person_save(struct store *st, void *p, struct err *err)
{
	return store_person_save(st, p, err);
}

/* ?organisation_id= */
static void *person_filter_prep(struct request *req, struct response *res)
{
	struct filter *f = filter_new(req);
	if (api_query_id(req, res, "organisation_id", &f->a) != 0)
		return NULL;
	return f;
}

static bool person_keep(const void *state, const struct structure *s,
			const void *p)
{
	const struct filter *f = state;
	const struct person *o = p;
	return !f->a || o->organisation_id == f->a;
}

const struct api_resource api_people = {
	.name = "people", .kind = STORE_PERSON, .size = sizeof(struct person),
	.revision_off = offsetof(struct person, revision),
	.not_found = "Personen findes ikke",
	.get = person_get, .nth = person_nth, .count = person_count,
	.id = person_id, .init = person_init, .parse = person_parse,
	.derive_key = person_derive_key, .validate = person_validate,
	.save = person_save, .to_json = person_json,
	.filter_prep = person_filter_prep, .keep = person_keep,
};

/* ---- memberships ------------------------------------------------------ */

ACCESSORS(mship, membership, memberships, n_memberships,
	  structure_membership)

static void mship_init(void *p)
{
	struct membership *m = p;
	m->key = m->seat_key = "";
}

json_t *api_membership_json(const struct structure *s,
			    const struct membership *m)
{
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer((json_int_t)m->id));
	json_object_set_new(j, "key", api_text(m->key));
	api_put_ref(j, s, "person_id", "person", REF_PERSON, m->person_id);
	api_put_ref(j, s, "body_id", "body", REF_BODY, m->body_id);
	json_object_set_new(j, "role", api_code(role_code(m->role)));
	json_object_set_new(j, "function",
			    api_code(function_code(m->function)));
	json_object_set_new(j, "seat", api_text(m->seat_key));
	api_put_ref(j, s, "represents_id", "represents", REF_ORG,
		    m->represents_id);
	api_put_ref(j, s, "appointed_by_id", "appointed_by", REF_ORG,
		    m->appointed_by_id);
	api_put_ref(j, s, "substitute_for_id", "substitute_for", REF_MEMBERSHIP,
		    m->substitute_for_id);
	json_object_set_new(j, "local", json_boolean(m->local));
	json_object_set_new(j, "start", api_date(m->start));
	json_object_set_new(j, "end", api_date(m->end));
	api_put_times(j, m->created, m->modified,
		      m->revision);
	return j;
}

static json_t *mship_json(const struct structure *s, const void *p)
{
	return api_membership_json(s, p);
}

static void mship_parse(struct api_in *in, void *p)
{
	static const char *const fields[] = { "id", "key", "person_id",
		"person", "body_id", "body", "role", "function", "seat",
		"represents_id", "represents", "appointed_by_id",
		"appointed_by", "substitute_for_id", "substitute_for", "local",
		"start", "end", "created", "modified", "revision", NULL };
	struct membership *m = p;
	api_in_allow(in, fields);
	api_in_text(in, "key", &m->key);
	api_in_ref(in, "person", REF_PERSON, &m->person_id);
	api_in_ref(in, "body", REF_BODY, &m->body_id);
	API_IN_ENUM(in, "role", role, m->role);
	API_IN_ENUM(in, "function", function, m->function);
	api_in_text(in, "seat", &m->seat_key);
	api_in_ref(in, "represents", REF_ORG, &m->represents_id);
	api_in_ref(in, "appointed_by", REF_ORG, &m->appointed_by_id);
	api_in_ref(in, "substitute_for", REF_MEMBERSHIP,
		   &m->substitute_for_id);
	api_in_bool(in, "local", &m->local);
	api_in_date(in, "start", &m->start);
	api_in_date(in, "end", &m->end);
}

/* "<person key>-<body key>", e.g. "anna-holm-ssu". */
static bool mship_derive_key(struct arena *a, const struct structure *s,
			     void *p)
{
	struct membership *m = p;
	const char *pk = api_key_of(s, REF_PERSON, m->person_id);
	const char *bk = api_key_of(s, REF_BODY, m->body_id);
	if (!*m->key && pk && bk)
		m->key = api_derive_key(a, s, REF_MEMBERSHIP,
					arena_printf(a, "%s %s", pk, bk));
	return *m->key != '\0';
}

static int mship_validate(struct arena *a, const struct structure *s,
			  const void *p, struct field_errors *e)
{
	return validate_membership(a, s, p, e);
}

static int mship_save(struct store *st, void *p, struct err *err)
{
	return store_membership_save(st, p, err);
}

/* ?body_id=&person_id=&date= (in force on the date) */
static void *mship_filter_prep(struct request *req, struct response *res)
{
	struct filter *f = filter_new(req);
	if (api_query_id(req, res, "body_id", &f->a) != 0 ||
	    api_query_id(req, res, "person_id", &f->b) != 0)
		return NULL;
	const char *d = req_query(req, "date");
	if (d && *d) {
		if (api_query_date(req, res, "date", &f->date) != 0)
			return NULL;
		f->has_date = true;
	}
	return f;
}

static bool mship_keep(const void *state, const struct structure *s,
		       const void *p)
{
	const struct filter *f = state;
	const struct membership *m = p;
	return (!f->a || m->body_id == f->a) &&
	       (!f->b || m->person_id == f->b) &&
	       (!f->has_date || membership_active(m, f->date));
}

const struct api_resource api_memberships = {
	.name = "memberships", .kind = STORE_MEMBERSHIP,
	.size = sizeof(struct membership),
	.revision_off = offsetof(struct membership, revision),
	.not_found = "Medlemskabet findes ikke",
	.get = mship_get, .nth = mship_nth, .count = mship_count,
	.id = mship_id, .init = mship_init, .parse = mship_parse,
	.derive_key = mship_derive_key, .validate = mship_validate,
	.save = mship_save, .to_json = mship_json,
	.filter_prep = mship_filter_prep, .keep = mship_keep,
};

/* ---- rotations (chair rotation plans) --------------------------------- */

static const struct rotation *rotation_find(const struct structure *s,
					    int64_t id)
{
	for (size_t i = 0; id && i < s->n_rotations; i++)
		if (s->rotations[i].id == id)
			return &s->rotations[i];
	return NULL;
}

ACCESSORS(rot, rotation, rotations, n_rotations, rotation_find)

static void rot_init(void *p)
{
	struct rotation *r = p;
	r->note = "";
}

static json_t *rot_json(const struct structure *s, const void *p)
{
	const struct rotation *r = p;
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer((json_int_t)r->id));
	api_put_ref(j, s, "body_id", "body", REF_BODY, r->body_id);
	json_object_set_new(j, "start_year", json_integer(r->start_year));
	json_object_set_new(j, "end_year", json_integer(r->end_year));
	api_put_ref(j, s, "organisation_id", "organisation", REF_ORG,
		    r->org_id);
	json_object_set_new(j, "note", api_text(r->note));
	api_put_times(j, r->created, r->modified,
		      r->revision);
	return j;
}

static void rot_parse(struct api_in *in, void *p)
{
	static const char *const fields[] = { "id", "body_id", "body",
		"start_year", "end_year", "organisation_id", "organisation",
		"note", "created", "modified", "revision", NULL };
	struct rotation *r = p;
	api_in_allow(in, fields);
	api_in_ref(in, "body", REF_BODY, &r->body_id);
	api_in_int(in, "start_year", &r->start_year);
	api_in_int(in, "end_year", &r->end_year);
	api_in_ref(in, "organisation", REF_ORG, &r->org_id);
	api_in_text(in, "note", &r->note);
}

static int rot_validate(struct arena *a, const struct structure *s,
			const void *p, struct field_errors *e)
{
	return validate_rotation(a, s, p, e);
}

static int rot_save(struct store *st, void *p, struct err *err)
{
	return store_rotation_save(st, p, err);
}

/* ?body_id= */
static void *rot_filter_prep(struct request *req, struct response *res)
{
	struct filter *f = filter_new(req);
	if (api_query_id(req, res, "body_id", &f->a) != 0)
		return NULL;
	return f;
}

static bool rot_keep(const void *state, const struct structure *s,
		     const void *p)
{
	const struct filter *f = state;
	const struct rotation *r = p;
	return !f->a || r->body_id == f->a;
}

const struct api_resource api_rotations = {
	.name = "rotations", .kind = STORE_ROTATION,
	.size = sizeof(struct rotation),
	.revision_off = offsetof(struct rotation, revision),
	.not_found = "Rotationen findes ikke",
	.get = rot_get, .nth = rot_nth, .count = rot_count, .id = rot_id,
	.init = rot_init, .parse = rot_parse, .derive_key = NULL,
	.validate = rot_validate, .save = rot_save, .to_json = rot_json,
	.filter_prep = rot_filter_prep, .keep = rot_keep,
};
