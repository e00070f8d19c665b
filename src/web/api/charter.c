/*
 * charter.c - the API's view of terms of reference [kommissorier], one
 * object per version, with its seats, approvals and overlaps nested.
 *
 * A PUT that gives "seats" (or "approvals", "overlaps") replaces that
 * whole list, as store_charter_save does; a list not given is kept. The
 * nested objects have no "id": the store writes the lists anew on every
 * save, so their ids would change with each PUT; a seat is known by its
 * key.
 */
#include "api.h"

#include <stddef.h>

#include <string.h>

/* ---- nested objects --------------------------------------------------- */

static json_t *seat_json(const struct seat_rule *r)
{
	json_t *j = json_object();
	json_object_set_new(j, "key", api_text(r->key));
	json_object_set_new(j, "label", api_text(r->label));
	json_object_set_new(j, "sector", api_code(sector_code(r->sector)));
	json_object_set_new(j, "org_kind",
			    api_code(org_kind_code(r->org_kind)));
	json_object_set_new(j, "function",
			    api_code(function_code(r->function)));
	json_object_set_new(j, "per_municipality",
			    json_boolean(r->per_municipality));
	json_object_set_new(j, "min", json_integer(r->min));
	json_object_set_new(j, "max", json_integer(r->max));
	json_object_set_new(j, "appointed_by_kind",
			    api_code(org_kind_code(r->appointed_by_kind)));
	json_object_set_new(j, "min_local", json_integer(r->min_local));
	return j;
}

static void seat_parse(struct api_in *in, struct seat_rule *r)
{
	static const char *const fields[] = { "key", "label", "sector",
		"org_kind", "function", "per_municipality", "min", "max",
		"appointed_by_kind", "min_local", NULL };
	r->key = r->label = "";
	api_in_allow(in, fields);
	api_in_text(in, "key", &r->key);
	api_in_text(in, "label", &r->label);
	API_IN_ENUM(in, "sector", sector, r->sector);
	API_IN_ENUM(in, "org_kind", org_kind, r->org_kind);
	API_IN_ENUM(in, "function", function, r->function);
	api_in_bool(in, "per_municipality", &r->per_municipality);
	api_in_int(in, "min", &r->min);
	api_in_int(in, "max", &r->max);
	API_IN_ENUM(in, "appointed_by_kind", org_kind, r->appointed_by_kind);
	api_in_int(in, "min_local", &r->min_local);
}

static json_t *approval_json(const struct structure *s,
			     const struct approval *a)
{
	json_t *j = json_object();
	json_object_set_new(j, "status",
			    api_code(charter_status_code(a->status)));
	api_put_ref(j, s, "by_body_id", "by_body", REF_BODY, a->by_body_id);
	json_object_set_new(j, "by_text", api_text(a->by_text));
	json_object_set_new(j, "date", api_date(a->date));
	json_object_set_new(j, "note", api_text(a->note));
	return j;
}

static void approval_parse(struct api_in *in, struct approval *a)
{
	static const char *const fields[] = { "status", "by_body_id",
		"by_body", "by_text", "date", "note", NULL };
	a->by_text = a->note = "";
	api_in_allow(in, fields);
	API_IN_ENUM(in, "status", charter_status, a->status);
	api_in_ref(in, "by_body", REF_BODY, &a->by_body_id);
	api_in_text(in, "by_text", &a->by_text);
	api_in_date(in, "date", &a->date);
	api_in_text(in, "note", &a->note);
}

static json_t *overlap_json(const struct structure *s,
			    const struct overlap_rule *o)
{
	json_t *j = json_object();
	api_put_ref(j, s, "body_id", "body", REF_BODY, o->other_body_id);
	json_object_set_new(j, "min_persons", json_integer(o->min_persons));
	return j;
}

static void overlap_parse(struct api_in *in, struct overlap_rule *o)
{
	static const char *const fields[] = { "body_id", "body",
		"min_persons", NULL };
	api_in_allow(in, fields);
	api_in_ref(in, "body", REF_BODY, &o->other_body_id);
	api_in_int(in, "min_persons", &o->min_persons);
}

/*
 * Reads the array `field` into a new arena array of n elements of size,
 * calling parse on each; leaves items and count alone when the field is absent.
 */
#define PARSE_LIST(in, field, type, items, count, parse_one)               \
	do {                                                                \
		bool present_;                                              \
		int n_ = api_in_array(in, field, &present_);                \
		if (n_ < 0 || !present_)                                    \
			break;                                              \
		type *arr_ = arena_array((in)->arena, n_ ? (size_t)n_ : 1,  \
					 sizeof(type));                     \
		for (int i_ = 0; i_ < n_; i_++) {                           \
			struct api_in sub_;                                 \
			api_in_nested(in, field, (size_t)i_, &sub_);        \
			parse_one(&sub_, &arr_[i_]);                        \
			api_in_nested_done(in, &sub_);                      \
		}                                                           \
		(items) = arr_;                                             \
		(count) = (size_t)n_;                                       \
	} while (0)

/* ---- charters --------------------------------------------------------- */

static const void *charter_get(const struct structure *s, int64_t id)
{
	return structure_charter(s, id);
}

static const void *charter_nth(const struct structure *s, size_t i)
{
	return &s->charters[i];
}

static size_t charter_count(const struct structure *s)
{
	return s->n_charters;
}

static int64_t charter_id(const void *o)
{
	return ((const struct charter *)o)->id;
}

static void charter_init(void *p)
{
	struct charter *c = p;
	c->key = c->title = c->text = "";
}

static json_t *charter_json(const struct structure *s, const void *p)
{
	const struct charter *c = p;
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer((json_int_t)c->id));
	json_object_set_new(j, "key", api_text(c->key));
	api_put_ref(j, s, "body_id", "body", REF_BODY, c->body_id);
	json_object_set_new(j, "version", json_integer(c->version));
	json_object_set_new(j, "title", api_text(c->title));
	json_object_set_new(j, "status",
			    api_code(charter_status_code(c->status)));
	json_object_set_new(j, "valid_from", api_date(c->valid_from));
	json_object_set_new(j, "text", api_text(c->text));
	json_object_set_new(j, "chair_rule",
			    api_code(chair_rule_code(c->chair_rule)));
	json_object_set_new(j, "quorum_rule",
			    api_code(quorum_rule_code(c->quorum_rule)));
	json_object_set_new(j, "decision_rule",
			    api_code(decision_rule_code(c->decision_rule)));
	json_object_set_new(j, "competence",
			    api_code(competence_code(c->competence)));
	api_put_ref(j, s, "recommends_to_id", "recommends_to", REF_BODY,
		c->recommends_to_id);
	json_object_set_new(j, "economic_to_councils",
			    json_boolean(c->economic_to_councils));
	json_object_set_new(j, "min_meetings_per_year",
			    json_integer(c->min_meetings_per_year));
	api_put_ref(j, s, "meets_before_id", "meets_before", REF_BODY,
		c->meets_before_id);
	json_object_set_new(j, "psychiatry_first",
			    json_boolean(c->psychiatry_first));
	json_t *seats = json_array(), *apps = json_array(),
	       *overlaps = json_array();
	for (size_t i = 0; i < c->n_seats; i++)
		json_array_append_new(seats, seat_json(&c->seats[i]));
	for (size_t i = 0; i < c->n_approvals; i++)
		json_array_append_new(apps, approval_json(s, &c->approvals[i]));
	for (size_t i = 0; i < c->n_overlaps; i++)
		json_array_append_new(overlaps,
				      overlap_json(s, &c->overlaps[i]));
	json_object_set_new(j, "seats", seats);
	json_object_set_new(j, "approvals", apps);
	json_object_set_new(j, "overlaps", overlaps);
	api_put_times(j, c->created, c->modified,
		      c->revision);
	return j;
}

static void charter_parse(struct api_in *in, void *p)
{
	static const char *const fields[] = { "id", "key", "body_id", "body",
		"version", "title", "status", "valid_from", "text",
		"chair_rule", "quorum_rule", "decision_rule", "competence",
		"recommends_to_id", "recommends_to", "economic_to_councils",
		"min_meetings_per_year", "meets_before_id", "meets_before",
		"psychiatry_first", "seats", "approvals", "overlaps", "created",
		"modified", "revision", NULL };
	struct charter *c = p;
	api_in_allow(in, fields);
	api_in_text(in, "key", &c->key);
	api_in_ref(in, "body", REF_BODY, &c->body_id);
	api_in_int(in, "version", &c->version);
	api_in_text(in, "title", &c->title);
	API_IN_ENUM(in, "status", charter_status, c->status);
	api_in_date(in, "valid_from", &c->valid_from);
	api_in_text(in, "text", &c->text);
	API_IN_ENUM(in, "chair_rule", chair_rule, c->chair_rule);
	API_IN_ENUM(in, "quorum_rule", quorum_rule, c->quorum_rule);
	API_IN_ENUM(in, "decision_rule", decision_rule, c->decision_rule);
	API_IN_ENUM(in, "competence", competence, c->competence);
	api_in_ref(in, "recommends_to", REF_BODY, &c->recommends_to_id);
	api_in_bool(in, "economic_to_councils", &c->economic_to_councils);
	api_in_int(in, "min_meetings_per_year", &c->min_meetings_per_year);
	api_in_ref(in, "meets_before", REF_BODY, &c->meets_before_id);
	api_in_bool(in, "psychiatry_first", &c->psychiatry_first);
	PARSE_LIST(in, "seats", struct seat_rule, c->seats, c->n_seats,
		   seat_parse);
	PARSE_LIST(in, "approvals", struct approval, c->approvals,
		   c->n_approvals, approval_parse);
	PARSE_LIST(in, "overlaps", struct overlap_rule, c->overlaps,
		   c->n_overlaps, overlap_parse);
}

/* "<body key> v<version>" -> "ssu-v2". */
static bool charter_derive_key(struct arena *a, const struct structure *s,
			       void *p)
{
	struct charter *c = p;
	const char *bk = api_key_of(s, REF_BODY, c->body_id);
	if (!*c->key && bk)
		c->key = api_derive_key(a, s, REF_CHARTER,
					arena_printf(a, "%s v%d", bk,
						     c->version));
	return *c->key != '\0';
}

static int charter_validate(struct arena *a, const struct structure *s,
			    const void *p, struct field_errors *e)
{
	return validate_charter(a, s, p, e);
}

static int charter_save(struct store *st, void *p, struct err *err)
{
	return store_charter_save(st, p, err);
}

struct charter_filter {
	int64_t body_id;
};

/* ?body_id= */
static void *charter_filter_prep(struct request *req, struct response *res)
{
	struct charter_filter *f = arena_alloc(req->arena, sizeof(*f));
	if (api_query_id(req, res, "body_id", &f->body_id) != 0)
		return NULL;
	return f;
}

static bool charter_keep(const void *state, const struct structure *s,
			 const void *p)
{
	const struct charter_filter *f = state;
	const struct charter *c = p;
	return !f->body_id || c->body_id == f->body_id;
}

const struct api_resource api_charters = {
	.name = "charters", .kind = STORE_CHARTER,
	.size = sizeof(struct charter),
	.revision_off = offsetof(struct charter, revision),
	.not_found = "Kommissoriet findes ikke",
	.get = charter_get, .nth = charter_nth, .count = charter_count,
	.id = charter_id, .init = charter_init, .parse = charter_parse,
	.derive_key = charter_derive_key, .validate = charter_validate,
	.save = charter_save, .to_json = charter_json,
	.filter_prep = charter_filter_prep, .keep = charter_keep,
};
