/*
 * cases.c - /api/v1 for casework (issue 5): cases that flow between
 * bodies, their follow-up, shared initiatives, flow templates and the
 * health agreement.
 *
 *   GET  /api/v1/cases?body=&area=&state=        list
 *   POST /api/v1/cases                           create; steps from the template
 *   GET  /api/v1/cases/:id                       one case with its flow
 *   PUT  /api/v1/cases/:id                       its own fields
 *   GET  /api/v1/cases/:id/steps                 the flow
 *   PUT  /api/v1/cases/:id/steps/:sid            {"status", "started",
 *                                                "finished", "item_id",
 *                                                "note", "due"}
 *   POST /api/v1/cases/:id/steps/:sid/agenda     on the body's next agenda
 *   GET  /api/v1/cases/:id/leadtimes             decision -> implementation
 *   GET  /api/v1/actions?body=&case=&area=&overdue=1
 *   POST /api/v1/actions
 *   GET  /api/v1/actions/:id, PUT /api/v1/actions/:id
 *   POST /api/v1/actions/:id/notes               {"text"}
 *   GET  /api/v1/initiatives?area=&focus_area=
 *   POST /api/v1/initiatives
 *   GET  /api/v1/initiatives/:id, PUT /api/v1/initiatives/:id
 *   POST /api/v1/initiatives/:id/comments        {"text", "area"}
 *   POST /api/v1/initiatives/:id/adopt           {"body", ...}: a scaling case
 *   GET  /api/v1/templates, POST /api/v1/templates
 *   GET  /api/v1/templates/:id, PUT /api/v1/templates/:id
 *   GET  /api/v1/agreements                      health agreements with items
 *
 * The conventions are api.c's and meetings.c's: 400 for a body of the
 * wrong shape, 422 with Danish messages per field, ETag "v<revision>"
 * on GET of one object, If-Match (412) or "revision" in the body (409
 * "stale") for conditional writes; the public 401 login_required, a
 * logged-in user without the right 403 forbidden. Who may write is
 * decided by core alone (the access_* functions of core/casework.h);
 * reading casework is public.
 *
 * Economic routing cannot be bypassed here: a case's "state" and
 * "decided" are computed by core (case_state, case_is_decided) on every
 * answer and can never be written; steps are made only from a template
 * (case_flow_generate) or by core when a decision is recorded
 * (case_decision_steps); every change of a step's status goes through
 * case_step_change_problem (a council approval can never be skipped);
 * no route deletes a step or changes its body, organisation or action;
 * and "economic" cannot go from true to false once a DECIDE step is
 * done (going to true then adds the council approvals at once).
 */
#include "api.h"

#include <stdlib.h>
#include <string.h>

#include "../../core/rules.h"
#include "../../util/date.h"

static const char CASE_NOT_FOUND[] = "Sagen findes ikke";
static const char STEP_NOT_FOUND[] = "Trinnet findes ikke";
static const char ACTION_NOT_FOUND[] = "Opfølgningspunktet findes ikke";
static const char INITIATIVE_NOT_FOUND[] = "Indsatsen findes ikke";
static const char TEMPLATE_NOT_FOUND[] = "Skabelonen findes ikke";
static const char LOGIN_MESSAGE[] =
	"Du skal være logget ind for at ændre oplysninger.";
static const char FORBIDDEN_MESSAGE[] = "Du har ikke ret til at ændre dette.";

#define TITLE_MAX 300		/* titles, names (bytes) */
#define TEXT_MAX 20000		/* descriptions, notes, comments (bytes) */

/* The key of the scaling template (seed 001, item 2, flow b). */
static const char ADOPT_TEMPLATE_KEY[] = "skalering-af-lokal-indsats";

/* ---- answers ------------------------------------------------------------ */


/* A write core refused: the public 401, everybody else 403 (the answers
 * of authorize.c under /api/). */
static bool refuse(struct request *req, struct response *res)
{
	req->no_cache = true;
	if (req->principal.account_id)
		res_json_error(res, 403, "forbidden", FORBIDDEN_MESSAGE);
	else
		res_json_error(res, 401, "login_required", LOGIN_MESSAGE);
	return false;
}

/* The gate: allowed goes on, anything else is refused. */
static bool gate(struct request *req, struct response *res, bool allowed)
{
	req->no_cache = true;
	return allowed ? true : refuse(req, res);
}

/* One Danish 422 with a code of its own ({"error": {code, message}}). */
static void unprocessable(struct response *res, const char *code,
			  const char *field, const char *msg)
{
	json_t *e = json_pack("{s:s, s:s}", "code", code, "message", msg);
	if (field)
		json_object_set_new(e, "fields", json_pack("{s:s}", field, msg));
	api_send(res, 422, json_pack("{s:o}", "error", e));
}

/* ---- conditional writes (as meetings.c) ---------------------------------- */



/* ---- loading ------------------------------------------------------------- */

/* The region's casework (arena); false after a 500. */
static bool load_cw(struct request *req, struct response *res,
		    struct casework *cw)
{
	struct err err = { 0 };
	memset(cw, 0, sizeof(*cw));
	if (store_casework_load(req->app->store, req->arena, cw, &err) != 0) {
		api_store_failed(res, &err, CASE_NOT_FOUND, false);
		return false;
	}
	return true;
}

static struct case_file *cw_case(const struct casework *cw, int64_t id)
{
	for (size_t i = 0; id && i < cw->n_cases; i++)
		if (cw->cases[i].id == id)
			return &cw->cases[i];
	return NULL;
}

static struct followup_action *cw_action(const struct casework *cw, int64_t id)
{
	for (size_t i = 0; id && i < cw->n_actions; i++)
		if (cw->actions[i].id == id)
			return &cw->actions[i];
	return NULL;
}

static struct initiative *cw_initiative(const struct casework *cw, int64_t id)
{
	for (size_t i = 0; id && i < cw->n_initiatives; i++)
		if (cw->initiatives[i].id == id)
			return &cw->initiatives[i];
	return NULL;
}

static struct flow_template *cw_template(const struct casework *cw, int64_t id)
{
	for (size_t i = 0; id && i < cw->n_templates; i++)
		if (cw->templates[i].id == id)
			return &cw->templates[i];
	return NULL;
}

static const struct agreement_item *cw_agreement_item(const struct casework *cw,
						      int64_t id)
{
	for (size_t i = 0; id && i < cw->n_agreement_items; i++)
		if (cw->agreement_items[i].id == id)
			return &cw->agreement_items[i];
	return NULL;
}

/* The case with the id, from the store (complete); 404 when none. */
static bool load_case(struct request *req, struct response *res, int64_t id,
		      struct case_file *c)
{
	struct err err = { 0 };
	memset(c, 0, sizeof(*c));
	if (!id || store_case_get(req->app->store, req->arena, id, c,
				  &err) != 0) {
		if (!id || err.kind == ERR_NOT_FOUND)
			api_error(res, 404, "not_found", CASE_NOT_FOUND);
		else
			api_store_failed(res, &err, CASE_NOT_FOUND, false);
		return false;
	}
	return true;
}

/* ---- output -------------------------------------------------------------- */

static const char *web_url(struct request *req, const char *fmt, long long id)
{
	return arena_printf(req->arena, "%s%s/%lld", req->app->base_url, fmt,
			    id);
}

/* The key of a template / an agreement item, null when none. */
static json_t *template_key(const struct casework *cw, int64_t id)
{
	const struct flow_template *t = cw ? cw_template(cw, id) : NULL;
	return t && t->key ? json_string(t->key) : json_null();
}

static json_t *agreement_key(const struct casework *cw, int64_t id)
{
	const struct agreement_item *ai = cw ? cw_agreement_item(cw, id) : NULL;
	return ai && ai->key ? json_string(ai->key) : json_null();
}

static json_t *step_json(struct request *req, const struct case_step *st,
			 int today)
{
	const struct structure *s = web_structure(req);
	json_t *o = json_object();
	json_object_set_new(o, "id", api_id(st->id));
	json_object_set_new(o, "case_id", api_id(st->case_id));
	json_object_set_new(o, "position", json_integer(st->position));
	json_object_set_new(o, "stage", json_integer(st->stage));
	api_put_ref(o, s, "body_id", "body", REF_BODY, st->body_id);
	api_put_ref(o, s, "org_id", "org", REF_ORG, st->org_id);
	json_object_set_new(o, "target_name", api_text(
		case_step_target_label(req->arena, web_structure_full(req), st)));
	json_object_set_new(o, "action", api_code(step_action_code(st->action)));
	json_object_set_new(o, "action_label", api_text(st->action ?
			    step_action_label(st->action) : ""));
	json_object_set_new(o, "due", api_date(st->due));
	json_object_set_new(o, "status", api_code(step_status_code(st->status)));
	json_object_set_new(o, "status_label", api_text(st->status ?
			    step_status_label(st->status) : ""));
	json_object_set_new(o, "started", api_date(st->started));
	json_object_set_new(o, "finished", api_date(st->finished));
	json_object_set_new(o, "item_id", api_id(st->item_id));
	json_object_set_new(o, "note", api_text(st->note));
	json_object_set_new(o, "overdue",
			    json_boolean(case_step_overdue(st, today)));
	return o;
}

static json_t *steps_json(struct request *req, const struct case_file *c)
{
	int today = date_today();
	json_t *arr = json_array();
	for (size_t i = 0; i < c->n_steps; i++)
		json_array_append_new(arr, step_json(req, &c->steps[i], today));
	return arr;
}

/* A case as JSON: its fields, what core computes ("state", "decided"),
 * the flow and the agenda items it was treated in. cw (may be NULL)
 * gives the template's and the focus area's keys. */
static json_t *case_json(struct request *req, const struct casework *cw,
			 const struct case_file *c)
{
	const struct structure *s = web_structure(req);
	json_t *o = json_object();
	enum case_state state = case_state(c);
	json_object_set_new(o, "id", api_id(c->id));
	json_object_set_new(o, "case_number", api_text(c->case_number));
	json_object_set_new(o, "title", api_text(c->title));
	json_object_set_new(o, "description", api_text(c->description));
	api_put_ref(o, s, "origin_body_id", "origin_body", REF_BODY,
		    c->origin_body_id);
	json_object_set_new(o, "template_id", api_id(c->template_id));
	json_object_set_new(o, "template", template_key(cw, c->template_id));
	json_object_set_new(o, "initiative_id", api_id(c->initiative_id));
	json_object_set_new(o, "economic", json_boolean(c->economic));
	json_object_set_new(o, "focus_area_id", api_id(c->focus_area_id));
	json_object_set_new(o, "focus_area",
			    agreement_key(cw, c->focus_area_id));
	json_object_set_new(o, "started", api_date(c->started));
	json_object_set_new(o, "state", api_code(case_state_code(state)));
	json_object_set_new(o, "state_label", api_text(state ?
			    case_state_label(state) : ""));
	json_object_set_new(o, "decided", json_boolean(case_is_decided(c)));
	json_object_set_new(o, "steps", steps_json(req, c));
	json_t *items = json_array();
	for (size_t i = 0; i < c->n_items; i++)
		json_array_append_new(items, api_id(c->item_ids[i]));
	json_object_set_new(o, "item_ids", items);
	json_object_set_new(o, "url", json_string(web_url(req, "/cases",
						  (long long)c->id)));
	api_put_times(o, c->created, c->modified, c->revision);
	return o;
}

/* Sends the stored case id as it is now (with extra fields, stolen). */
static void send_case(struct request *req, struct response *res, int64_t id,
		      int status, json_t *extra)
{
	struct casework cw;
	struct case_file *c;
	struct err err = { 0 };
	memset(&cw, 0, sizeof(cw));
	store_casework_load(req->app->store, req->arena, &cw, &err);
	c = cw_case(&cw, id);
	struct case_file one;
	if (!c && store_case_get(req->app->store, req->arena, id, &one,
				 &err) == 0)
		c = &one;
	json_t *o = c ? case_json(req, &cw, c) :
		    json_pack("{s:I}", "id", (json_int_t)id);
	if (extra)
		json_object_update(o, extra);
	json_decref(extra);
	if (c)
		api_etag(res, c->revision);
	api_send(res, status, o);
}

/* ---- query parameters ------------------------------------------------------ */

/* A structure reference in the query by id or key (0 when absent);
 * 400 and false when it names nothing. */
static bool query_ref(struct request *req, struct response *res,
		      const char *name, enum api_ref kind, const char *what,
		      int64_t *out)
{
	const struct structure *s = web_structure(req);
	const char *v = req_query(req, name);
	*out = 0;
	if (!v || !*v)
		return true;
	*out = api_id_of(s, kind, v);
	if (!*out && v[0] >= '1' && v[0] <= '9') {
		char *end;
		long long id = strtoll(v, &end, 10);
		if (!*end && api_key_of(s, kind, id))
			*out = id;
	}
	if (!*out) {
		api_error(res, 400, "bad_parameter",
			  "%s «%s» i parameteren «%s» findes ikke", what, v,
			  name);
		return false;
	}
	return true;
}

/* An id in the query (0 when absent); 400 when it is not one. */
static bool query_id(struct request *req, struct response *res,
		     const char *name, int64_t *out)
{
	return api_query_id(req, res, name, out) == 0;
}

/* ---- reading references to casework objects ------------------------------ */

enum cw_ref { CW_TEMPLATE = 1, CW_FOCUS_AREA, CW_INITIATIVE, CW_CASE };

static int64_t cw_ref_by_id(const struct casework *cw, enum cw_ref kind,
			    int64_t id)
{
	switch (kind) {
	case CW_TEMPLATE:
		return cw_template(cw, id) ? id : 0;
	case CW_FOCUS_AREA: {
		const struct agreement_item *ai = cw_agreement_item(cw, id);
		return ai && ai->part == AGREEMENT_FOCUS_AREA ? id : 0;
	}
	case CW_INITIATIVE:
		return cw_initiative(cw, id) ? id : 0;
	case CW_CASE:
		return cw_case(cw, id) ? id : 0;
	}
	return 0;
}

static int64_t cw_ref_by_key(const struct casework *cw, enum cw_ref kind,
			     const char *key)
{
	if (kind == CW_TEMPLATE) {
		for (size_t i = 0; i < cw->n_templates; i++)
			if (cw->templates[i].key &&
			    strcmp(cw->templates[i].key, key) == 0)
				return cw->templates[i].id;
	} else if (kind == CW_FOCUS_AREA) {
		for (size_t i = 0; i < cw->n_agreement_items; i++) {
			const struct agreement_item *ai = &cw->agreement_items[i];
			if (ai->part == AGREEMENT_FOCUS_AREA && ai->key &&
			    strcmp(ai->key, key) == 0)
				return ai->id;
		}
	}
	return 0;
}

/*
 * A reference to a casework object as "<field>_id" (integer or null)
 * or, for templates and focus areas, "<field>" (key or null); the id
 * wins when both are given (as api_in_ref). 422 under "<field>" when it
 * names nothing.
 */
static bool in_cw_ref(struct api_in *in, const struct casework *cw,
		      const char *field, enum cw_ref kind, const char *what,
		      int64_t *dst)
{
	const char *idf = arena_printf(in->arena, "%s_id", field);
	json_t *iv = json_object_get(in->obj, idf);
	json_t *kv = kind == CW_TEMPLATE || kind == CW_FOCUS_AREA ?
		     json_object_get(in->obj, field) : NULL;
	if (iv) {
		if (json_is_null(iv)) {
			*dst = 0;
			return true;
		}
		if (!json_is_integer(iv)) {
			if (!in->bad) {
				in->bad = true;
				in->bad_code = "bad_type";
				snprintf(in->bad_msg, sizeof(in->bad_msg),
					 "feltet «%s» skal være et heltal eller "
					 "null", idf);
			}
			return false;
		}
		int64_t id = (int64_t)json_integer_value(iv);
		*dst = cw_ref_by_id(cw, kind, id);
		if (!*dst)
			field_errors_add(in->arena, &in->fields, field,
					 "%s med id %lld findes ikke", what,
					 (long long)id);
		return true;
	}
	if (!kv)
		return false;
	if (json_is_null(kv) || (json_is_string(kv) && !*json_string_value(kv))) {
		*dst = 0;
		return true;
	}
	if (!json_is_string(kv)) {
		if (!in->bad) {
			in->bad = true;
			in->bad_code = "bad_type";
			snprintf(in->bad_msg, sizeof(in->bad_msg),
				 "feltet «%s» skal være en nøgle (tekst) eller "
				 "null", field);
		}
		return false;
	}
	*dst = cw_ref_by_key(cw, kind, json_string_value(kv));
	if (!*dst)
		field_errors_add(in->arena, &in->fields, field,
				 "%s «%s» findes ikke", what,
				 json_string_value(kv));
	return true;
}

/* A case number field, normalised (meeting_case_number_parse). */
static void in_case_number(struct api_in *in, const char *field,
			   const char **dst)
{
	const char *cn;
	if (!api_in_text(in, field, &cn))
		return;
	char norm[72];
	const char *why = NULL;
	if (meeting_case_number_parse(cn, norm, sizeof(norm), &why) != 0)
		field_errors_add(in->arena, &in->fields, field, "%s",
				 why ? why : "Ugyldigt sagsnummer");
	else
		*dst = arena_strdup(in->arena, norm);
}

static void check_len(struct api_in *in, const char *field, const char *v,
		      size_t max, const char *what)
{
	if (v && strlen(v) > max)
		field_errors_add(in->arena, &in->fields, field,
				 "%s må højst være %zu tegn", what, max);
}

/* ---- cases ------------------------------------------------------------------ */

/* Does the case concern the body (origin or a step)? */
static bool case_has_body(const struct case_file *c, int64_t body_id)
{
	if (c->origin_body_id == body_id)
		return true;
	for (size_t i = 0; i < c->n_steps; i++)
		if (c->steps[i].body_id == body_id)
			return true;
	return false;
}

/* Does the case concern the cluster (origin or a step's body in it)? */
static bool case_has_area(const struct structure *s, const struct case_file *c,
			  int64_t area_id)
{
	if (case_body_area(s, c->origin_body_id) == area_id)
		return true;
	for (size_t i = 0; i < c->n_steps; i++)
		if (c->steps[i].body_id &&
		    case_body_area(s, c->steps[i].body_id) == area_id)
			return true;
	return false;
}

/* GET /api/v1/cases?body=&area=&state= */
static void cases_list(struct request *req, struct response *res)
{
	int64_t body_id, area_id;
	if (!query_ref(req, res, "body", REF_BODY, "Forummet", &body_id) ||
	    !query_ref(req, res, "area", REF_AREA, "Klyngen", &area_id))
		return;
	enum case_state want = CASE_STATE_NONE;
	const char *sv = req_query(req, "state");
	if (sv && *sv) {
		bool ok;
		want = case_state_from_code(sv, &ok);
		if (!ok) {
			api_error(res, 400, "bad_parameter",
				  "Ukendt status «%s» i parameteren «state»", sv);
			return;
		}
	}
	struct casework cw;
	if (!load_cw(req, res, &cw))
		return;
	const struct structure *s = web_structure_full(req);
	json_t *arr = json_array();
	for (size_t i = 0; i < cw.n_cases; i++) {
		const struct case_file *c = &cw.cases[i];
		if ((body_id && !case_has_body(c, body_id)) ||
		    (area_id && !case_has_area(s, c, area_id)) ||
		    (want && case_state(c) != want))
			continue;
		json_array_append_new(arr, case_json(req, &cw, c));
	}
	api_send(res, 200, arr);
}

/* GET /api/v1/cases/:id */
static void case_get(struct request *req, struct response *res)
{
	struct casework cw;
	if (!load_cw(req, res, &cw))
		return;
	const struct case_file *c = cw_case(&cw, req_param_id(req, 0));
	if (!c) {
		api_error(res, 404, "not_found", CASE_NOT_FOUND);
		return;
	}
	api_etag(res, c->revision);
	api_send(res, 200, case_json(req, &cw, c));
}

/* The fields of a case a client may send (GET's read-only ones
 * included, so that what GET gave can be PUT back). */
static const char *const case_fields[] = { "id", "case_number", "title",
	"description", "origin_body_id", "origin_body", "template_id",
	"template", "initiative_id", "economic", "focus_area_id",
	"focus_area", "started", "state", "state_label", "decided", "steps",
	"item_ids", "url", "created", "modified", "revision", NULL };

static void case_parse(struct api_in *in, const struct casework *cw,
		       struct case_file *c)
{
	api_in_allow(in, case_fields);
	in_case_number(in, "case_number", &c->case_number);
	api_in_text(in, "title", &c->title);
	api_in_text(in, "description", &c->description);
	api_in_ref(in, "origin_body", REF_BODY, &c->origin_body_id);
	in_cw_ref(in, cw, "template", CW_TEMPLATE, "Skabelonen",
		  &c->template_id);
	in_cw_ref(in, cw, "initiative", CW_INITIATIVE, "Indsatsen",
		  &c->initiative_id);
	api_in_bool(in, "economic", &c->economic);
	in_cw_ref(in, cw, "focus_area", CW_FOCUS_AREA, "Indsatsområdet",
		  &c->focus_area_id);
	api_in_date(in, "started", &c->started);
}

/*
 * What core computes may be sent back as GET gave it, never changed:
 * "state", "decided" (economic routing: a case is decided only when
 * core says so), "steps" (changed one by one through their own route)
 * and "item_ids" (linked when an item treats a step). old is NULL for
 * a new case (whose steps come from its template).
 */
static void case_readonly(struct request *req, struct api_in *in,
			  const struct casework *cw,
			  const struct case_file *old)
{
	json_t *body = in->obj;
	json_t *v;
	enum case_state st = old ? case_state(old) : CASE_STATE_NONE;
	if ((v = json_object_get(body, "state")) && !json_is_null(v) &&
	    (!old || !json_is_string(v) ||
	     strcmp(json_string_value(v), case_state_code(st)) != 0))
		field_errors_add(in->arena, &in->fields, "state",
				 "Sagens status beregnes ud fra trinnene i "
				 "sagsflowet og kan ikke sættes");
	if ((v = json_object_get(body, "decided")) && !json_is_null(v) &&
	    (!json_is_boolean(v) ||
	     json_boolean_value(v) != (old ? case_is_decided(old) : false)))
		field_errors_add(in->arena, &in->fields, "decided",
				 "Om sagen er besluttet, afgøres af trinnene "
				 "(en beslutning og, når sagen har økonomiske "
				 "konsekvenser, godkendelsen i regionsråd og "
				 "byråd) og kan ikke sættes");
	if ((v = json_object_get(body, "steps")) && !json_is_null(v)) {
		json_t *now = old ? steps_json(req, old) : NULL;
		if (!old || !json_equal(v, now))
			field_errors_add(in->arena, &in->fields, "steps", old ?
					 "Trinene ændres ét ad gangen med PUT "
					 "/api/v1/cases/%lld/steps/:id; de kan "
					 "ikke slettes eller springes over her" :
					 "Trinene dannes ud fra sagens skabelon",
					 old ? (long long)old->id : 0LL);
		json_decref(now);
	}
	if ((v = json_object_get(body, "item_ids")) && !json_is_null(v)) {
		bool same = old && json_is_array(v) &&
			    json_array_size(v) == old->n_items;
		for (size_t i = 0; same && i < old->n_items; i++) {
			json_t *e = json_array_get(v, i);
			same = json_is_integer(e) &&
			       (int64_t)json_integer_value(e) == old->item_ids[i];
		}
		if (!same)
			field_errors_add(in->arena, &in->fields, "item_ids",
					 "Dagsordenspunkter knyttes til sagen, "
					 "når et trin behandles på et møde");
	}
	(void)cw;
}

static void case_validate(struct request *req, struct api_in *in,
			  const struct case_file *c)
{
	const struct structure *s = web_structure_full(req);
	if (!*c->title)
		field_errors_add(in->arena, &in->fields, "title",
				 "Sagens titel skal angives");
	check_len(in, "title", c->title, TITLE_MAX, "Titlen");
	check_len(in, "description", c->description, TEXT_MAX, "Beskrivelsen");
	if (!c->origin_body_id)
		field_errors_add(in->arena, &in->fields, "origin_body",
				 "Det forum, sagen begynder i, skal angives");
	else if (!structure_body(s, c->origin_body_id))
		field_errors_add(in->arena, &in->fields, "origin_body",
				 "Forummet findes ikke");
	if (!c->started)
		field_errors_add(in->arena, &in->fields, "started",
				 "Datoen, sagsflowet begynder, skal angives");
}

/* POST /api/v1/cases: the steps come from the template, never from the
 * client. */
static void case_create(struct request *req, struct response *res)
{
	json_t *body = api_in_body(req, res);
	if (!body)
		return;
	if (!api_check_body_id(res, body, 0)) {
		json_decref(body);
		return;
	}
	struct casework cw;
	if (!load_cw(req, res, &cw)) {
		json_decref(body);
		return;
	}
	struct case_file *c = arena_alloc(req->arena, sizeof(*c));
	c->case_number = c->title = c->description = "";
	c->started = date_today();
	struct api_in in;
	api_in_init(&in, req->arena, web_structure(req), body);
	case_parse(&in, &cw, c);
	if (!in.bad)
		case_readonly(req, &in, &cw, NULL);
	json_decref(body);
	if (in.bad) {
		api_in_fail(&in, NULL, res);
		return;
	}
	case_validate(req, &in, c);
	if (!c->template_id && !field_errors_get(&in.fields, "template"))
		field_errors_add(req->arena, &in.fields, "template",
				 "Skabelonen for sagsflowet skal angives");
	if (api_in_fail(&in, NULL, res))
		return;
	const struct structure *s = web_structure_full(req);
	if (!gate(req, res, access_case_create(s, &req->principal,
					       c->origin_body_id, date_today())))
		return;
	const struct flow_template *t = cw_template(&cw, c->template_id);
	const struct body *ob = structure_body(s, c->origin_body_id);
	if (t && ob && t->region_id && ob->region_id &&
	    t->region_id != ob->region_id) {
		unprocessable(res, "flow", "template", "Skabelonen hører til en "
			      "anden region end det forum, sagen begynder i");
		return;
	}
	const char *why = NULL;
	size_t n = 0;
	c->steps = case_flow_generate(req->arena, s, t, c->origin_body_id,
				      c->started, &n, &why);
	if (!c->steps) {
		unprocessable(res, "flow", "template", why ? why :
			      "Sagsflowet kan ikke dannes ud fra skabelonen");
		return;
	}
	c->n_steps = n;
	c->revision = 0;
	struct err err = { 0 };
	if (store_case_save(req->app->store, c, &err) != 0) {
		api_store_failed(res, &err, CASE_NOT_FOUND, false);
		return;
	}
	res_header(res, "Location", arena_printf(req->arena,
		   "/api/v1/cases/%lld", (long long)c->id));
	send_case(req, res, c->id, 201, NULL);
}

/* Is a DECIDE step of c done? */
static bool decide_done(const struct case_file *c, size_t *at)
{
	for (size_t i = c->n_steps; i-- > 0;)
		if (c->steps[i].action == STEP_DECIDE &&
		    c->steps[i].status == STEP_DONE) {
			if (at)
				*at = i;
			return true;
		}
	return false;
}

/* PUT /api/v1/cases/:id: the case's own fields. */
static void case_update(struct request *req, struct response *res)
{
	struct casework cw;
	if (!load_cw(req, res, &cw))
		return;
	struct case_file *old = cw_case(&cw, req_param_id(req, 0));
	if (!old) {
		api_error(res, 404, "not_found", CASE_NOT_FOUND);
		return;
	}
	json_t *body = api_in_body(req, res);
	if (!body)
		return;
	int64_t rev = 0;
	bool from_header = false;
	if (!api_check_body_id(res, body, old->id) ||
	    !api_write_revision(req, res, body, &rev, &from_header)) {
		json_decref(body);
		return;
	}
	struct case_file *c = arena_alloc(req->arena, sizeof(*c));
	*c = *old;
	struct api_in in;
	api_in_init(&in, req->arena, web_structure(req), body);
	case_parse(&in, &cw, c);
	if (!in.bad)
		case_readonly(req, &in, &cw, old);
	json_decref(body);
	if (in.bad) {
		api_in_fail(&in, NULL, res);
		return;
	}
	case_validate(req, &in, c);
	if (c->origin_body_id != old->origin_body_id)
		field_errors_add(req->arena, &in.fields, "origin_body",
				 "Sagens udgangspunkt kan ikke ændres");
	if (c->template_id != old->template_id)
		field_errors_add(req->arena, &in.fields, "template",
				 "Skabelonen kan ikke ændres, når sagsflowet er "
				 "dannet");
	size_t at = 0;
	bool decided_once = decide_done(old, &at);
	if (old->economic && !c->economic && decided_once)
		field_errors_add(req->arena, &in.fields, "economic",
				 "Sagen er besluttet med økonomiske konsekvenser; "
				 "det kan ikke ændres bagefter, for så ville "
				 "godkendelsen i regionsråd og byråd blive "
				 "sprunget over");
	if (api_in_fail(&in, NULL, res))
		return;
	const struct structure *s = web_structure_full(req);
	if (!gate(req, res, access_case_edit(s, &req->principal, old,
					     date_today())))
		return;
	/* Economic consequences found after the decision: the councils'
	 * approvals are added now, as if the decision were recorded again. */
	struct case_step *add = NULL;
	size_t n_add = 0;
	if (!old->economic && c->economic && decided_once) {
		enum step_action becomes = STEP_DECIDE;
		int when = old->steps[at].finished ? old->steps[at].finished
						   : date_today();
		add = case_decision_steps(req->arena, s, c, at, when, &becomes,
					  &n_add);
	}
	c->revision = rev;
	struct err err = { 0 };
	if (store_case_save(req->app->store, c, &err) != 0) {
		api_store_failed(res, &err, CASE_NOT_FOUND, from_header);
		return;
	}
	if (n_add && store_case_steps_add(req->app->store, c->id, add, n_add,
					  &err) != 0) {
		api_store_failed(res, &err, CASE_NOT_FOUND, false);
		return;
	}
	send_case(req, res, c->id, 200, NULL);
}

/* ---- steps ------------------------------------------------------------------ */

/* The case :id and the index of its step :sid; 404 when either is not. */
static bool load_step(struct request *req, struct response *res,
		      struct case_file *c, size_t *i)
{
	if (!load_case(req, res, req_param_id(req, 0), c))
		return false;
	int64_t sid = req_param_id(req, 1);
	for (size_t k = 0; sid && k < c->n_steps; k++)
		if (c->steps[k].id == sid) {
			*i = k;
			return true;
		}
	api_error(res, 404, "not_found", STEP_NOT_FOUND);
	return false;
}

/* GET /api/v1/cases/:id/steps */
static void steps_list(struct request *req, struct response *res)
{
	struct case_file c;
	if (load_case(req, res, req_param_id(req, 0), &c))
		api_send(res, 200, steps_json(req, &c));
}

/* The date of the meeting holding an agenda item; 0 when none. */
static int item_meeting_date(struct request *req, int64_t item_id)
{
	int64_t mid = 0;
	struct meeting m;
	struct err err = { 0 };
	if (!item_id || store_item_meeting(req->app->store, item_id, &mid,
					   &err) != 0 ||
	    store_meeting_get(req->app->store, req->arena, mid, &m, &err) != 0)
		return 0;
	return m.date;
}

/* The fields of a step; those after "note" and "due" are GET's, read only. */
static const char *const step_fields[] = { "status", "started", "finished",
	"item_id", "note", "due", "id", "case_id", "position", "stage",
	"body_id", "body", "org_id", "org", "target_name", "action",
	"action_label", "status_label", "overdue", NULL };

/* A read-only field of a step sent back changed (null is none): 422. */
static void step_same_id(struct api_in *in, const char *field, int64_t want,
			 const char *msg)
{
	json_t *v = json_object_get(in->obj, field);
	if (!v)
		return;
	int64_t got = json_is_integer(v) ? (int64_t)json_integer_value(v) :
		      json_is_null(v) ? 0 : -1;
	if (got != want)
		field_errors_add(in->arena, &in->fields, field, "%s", msg);
}

static void step_same_text(struct api_in *in, const char *field,
			   const char *want, const char *msg)
{
	json_t *v = json_object_get(in->obj, field);
	if (!v)
		return;
	bool same = json_is_null(v) ? !want || !*want :
		    json_is_string(v) && strcmp(json_string_value(v),
						want ? want : "") == 0;
	if (!same)
		field_errors_add(in->arena, &in->fields, field, "%s", msg);
}

/*
 * PUT /api/v1/cases/:id/steps/:sid. Every change of status goes through
 * case_step_change_problem; a DECIDE step done goes through
 * case_decision_steps (a body that may only recommend recommends, and
 * the body it recommends to gets a decide step; a case with economic
 * consequences decided in a cluster gets the councils' approvals).
 * Default dates: started/finished the linked item's meeting date, else
 * today.
 */
static void step_update(struct request *req, struct response *res)
{
	struct case_file c;
	size_t i = 0;
	if (!load_step(req, res, &c, &i))
		return;
	const struct case_step *old = &c.steps[i];
	json_t *body = api_in_body(req, res);
	if (!body)
		return;
	const struct structure *sv = web_structure(req);
	struct case_step *st = arena_alloc(req->arena, sizeof(*st));
	*st = *old;
	struct api_in in;
	api_in_init(&in, req->arena, sv, body);
	api_in_allow(&in, step_fields);
	API_IN_ENUM(&in, "status", step_status, st->status);
	bool started_given = api_in_date(&in, "started", &st->started);
	bool finished_given = api_in_date(&in, "finished", &st->finished);
	json_t *iv = json_object_get(body, "item_id");
	if (iv && !json_is_null(iv) && !json_is_integer(iv) && !in.bad) {
		in.bad = true;
		in.bad_code = "bad_type";
		snprintf(in.bad_msg, sizeof(in.bad_msg),
			 "feltet «item_id» skal være et punkts id eller null");
	} else if (iv) {
		st->item_id = json_is_null(iv) ? 0 :
			      (int64_t)json_integer_value(iv);
	}
	api_in_text(&in, "note", &st->note);
	api_in_date(&in, "due", &st->due);
	if (!in.bad) {
		static const char fixed[] = "Trinnets forum, organisation, "
			"handling og plads i sagsflowet kan ikke ændres";
		step_same_id(&in, "id", old->id, fixed);
		step_same_id(&in, "case_id", old->case_id, fixed);
		step_same_id(&in, "position", old->position, fixed);
		step_same_id(&in, "stage", old->stage, fixed);
		step_same_id(&in, "body_id", old->body_id, fixed);
		step_same_id(&in, "org_id", old->org_id, fixed);
		step_same_text(&in, "body", api_key_of(sv, REF_BODY,
			       old->body_id), fixed);
		step_same_text(&in, "org", api_key_of(sv, REF_ORG,
			       old->org_id), fixed);
		step_same_text(&in, "action", step_action_code(old->action),
			       fixed);
	}
	json_decref(body);
	if (in.bad) {
		api_in_fail(&in, NULL, res);
		return;
	}
	if (!st->status)
		field_errors_add(req->arena, &in.fields, "status",
				 "Trinnets status skal angives");
	check_len(&in, "note", st->note, TEXT_MAX, "Bemærkningen");
	if (st->item_id && st->item_id != old->item_id) {
		if (!st->body_id)
			field_errors_add(req->arena, &in.fields, "item_id",
					 "Godkendelsen i regionsråd og byråd "
					 "behandles ikke på et møde i klynge");
		else if (!item_meeting_date(req, st->item_id))
			field_errors_add(req->arena, &in.fields, "item_id",
					 "Dagsordenspunktet med id %lld findes "
					 "ikke", (long long)st->item_id);
	}
	if (api_in_fail(&in, NULL, res))
		return;
	const struct structure *s = web_structure_full(req);
	int today = date_today();
	if (!gate(req, res, access_step_edit(s, &req->principal, &c, old,
					     today)))
		return;
	/* The dates a status brings, from the treating meeting when there
	 * is one. */
	int when = case_step_date(item_meeting_date(req, st->item_id), today);
	if (st->status == STEP_PENDING && st->status != old->status) {
		if (!started_given)
			st->started = 0;
		if (!finished_given)
			st->finished = 0;
	}
	if ((st->status == STEP_STARTED || st->status == STEP_DONE) &&
	    !st->started)
		st->started = st->status == STEP_DONE && st->finished ?
			      st->finished : when;
	if ((st->status == STEP_DONE || st->status == STEP_SKIPPED) &&
	    !st->finished)
		st->finished = when;
	if (st->status == STEP_STARTED && !finished_given)
		st->finished = 0;
	if (st->started && st->finished && st->finished < st->started) {
		unprocessable(res, "validation", "finished",
			      "Trinnet kan ikke være afsluttet, før det er "
			      "påbegyndt");
		return;
	}
	int change_date = st->status == STEP_STARTED ? st->started :
			  st->status == STEP_PENDING ? today : st->finished;
	if (st->status != old->status) {
		const char *why = case_step_change_problem(&c, i, st->status,
							   change_date);
		if (why) {
			unprocessable(res, "step_change", "status", why);
			return;
		}
	}
	/* A decision recorded: competence and economic routing (core). */
	struct case_step *add = NULL;
	size_t n_add = 0;
	enum step_action becomes = old->action;
	if (old->action == STEP_DECIDE && st->status == STEP_DONE &&
	    old->status != STEP_DONE) {
		add = case_decision_steps(req->arena, s, &c, i, st->finished,
					  &becomes, &n_add);
		st->action = becomes;
	}
	struct err err = { 0 };
	if (store_case_step_update(req->app->store, st, &err) != 0) {
		api_store_failed(res, &err, STEP_NOT_FOUND, false);
		return;
	}
	if (n_add && store_case_steps_add(req->app->store, c.id, add, n_add,
					  &err) != 0) {
		api_store_failed(res, &err, CASE_NOT_FOUND, false);
		return;
	}
	if (st->item_id && store_case_link_item(req->app->store, c.id,
						st->item_id, &err) != 0) {
		api_store_failed(res, &err, CASE_NOT_FOUND, false);
		return;
	}
	json_t *extra = NULL;
	if (becomes != old->action || n_add) {
		json_t *added = json_array();
		for (size_t k = 0; k < n_add; k++)
			json_array_append_new(added, json_pack("{s:o, s:o, s:o, s:o}",
				"body", api_code(api_key_of(sv, REF_BODY,
							    add[k].body_id)),
				"org", api_code(api_key_of(sv, REF_ORG,
							   add[k].org_id)),
				"action", api_code(step_action_code(add[k].action)),
				"due", api_date(add[k].due)));
		extra = json_pack("{s:{s:o, s:o}}", "decision",
				  "became", api_code(step_action_code(becomes)),
				  "added", added);
	}
	send_case(req, res, c.id, 200, extra);
}

/* After an item was added: the agenda in the charter's order
 * (psychiatry first, "eventuelt" last), the rest as it was. */
static void fix_order(struct request *req, int64_t meeting_id)
{
	struct meeting m;
	struct err err = { 0 };
	if (store_meeting_get(req->app->store, req->arena, meeting_id, &m,
			      &err) != 0 || m.n_items < 2)
		return;
	bool approved;
	const struct charter *ch = charter_in_force(web_structure_full(req),
						    m.body_id, m.date,
						    &approved);
	struct agenda_item *copy = arena_array(req->arena, m.n_items,
					       sizeof(*copy));
	memcpy(copy, m.items, m.n_items * sizeof(*copy));
	meeting_order_fix(copy, m.n_items, ch && ch->psychiatry_first);
	int64_t *ids = arena_array(req->arena, m.n_items, sizeof(*ids));
	bool changed = false;
	for (size_t i = 0; i < m.n_items; i++) {
		size_t k = 0;
		while (k < m.n_items && copy[k].number != (int)i + 1)
			k++;
		ids[i] = k < m.n_items ? copy[k].id : m.items[i].id;
		changed |= ids[i] != m.items[i].id;
	}
	if (changed)
		store_items_reorder(req->app->store, meeting_id, ids, m.n_items,
				    &err);
}

/*
 * POST /api/v1/cases/:id/steps/:sid/agenda: a new item on the agenda of
 * the step's body's next meeting (from today) whose agenda can still be
 * changed, with the case's number and title; linked to the step and the
 * case. 409 when the body has no such meeting or the step has an item.
 */
static void step_agenda(struct request *req, struct response *res)
{
	struct case_file c;
	size_t i = 0;
	if (!load_step(req, res, &c, &i))
		return;
	const struct case_step *st = &c.steps[i];
	const struct structure *s = web_structure_full(req);
	int today = date_today();
	if (!gate(req, res, access_step_edit(s, &req->principal, &c, st, today)))
		return;
	if (!st->body_id) {
		unprocessable(res, "no_body", NULL,
			      "Godkendelsen i regionsråd og byråd behandles ikke "
			      "på et møde i klynge");
		return;
	}
	if (st->item_id) {
		api_error(res, 409, "already_on_agenda",
			  "Trinnet er allerede sat på en dagsorden (punkt %lld)",
			  (long long)st->item_id);
		return;
	}
	struct meeting *ms = NULL;
	size_t n = 0;
	struct err err = { 0 };
	if (store_meeting_list(req->app->store, req->arena, st->body_id, today,
			       0, &ms, &n, &err) != 0) {
		api_store_failed(res, &err, CASE_NOT_FOUND, false);
		return;
	}
	const struct meeting *next = NULL;
	for (size_t k = 0; k < n && !next; k++)
		if (meeting_agenda_editable(ms[k].state))
			next = &ms[k];
	if (!next) {
		api_error(res, 409, "no_meeting",
			  "Forummet har ikke et kommende møde – planlæg et møde "
			  "først");
		return;
	}
	struct agenda_item *it = arena_alloc(req->arena, sizeof(*it));
	it->meeting_id = next->id;
	it->title = c.title;
	it->case_number = c.case_number ? c.case_number : "";
	it->summary = c.description ? c.description : "";
	it->presentation = it->recommended_by = it->resolutions = "";
	it->dissent = it->guests = it->decision = "";
	it->kind = st->action == STEP_DECIDE ? ITEM_APPROVAL :
		   st->action == STEP_INFORM ? ITEM_INFORMATION :
		   ITEM_DISCUSSION;
	if (store_item_save(req->app->store, it, &err) != 0) {
		api_store_failed(res, &err, CASE_NOT_FOUND, false);
		return;
	}
	fix_order(req, next->id);
	struct case_step up = *st;
	up.item_id = it->id;
	if (store_case_step_update(req->app->store, &up, &err) != 0 ||
	    store_case_link_item(req->app->store, c.id, it->id, &err) != 0) {
		api_store_failed(res, &err, CASE_NOT_FOUND, false);
		return;
	}
	res_header(res, "Location", arena_printf(req->arena,
		   "/api/v1/items/%lld", (long long)it->id));
	send_case(req, res, c.id, 201, json_pack("{s:{s:I, s:I, s:s, s:o}}",
		"item", "id", (json_int_t)it->id, "meeting_id",
		(json_int_t)next->id, "title", it->title, "meeting_date",
		api_date(next->date)));
}

/* GET /api/v1/cases/:id/leadtimes */
static void case_leadtimes(struct request *req, struct response *res)
{
	struct case_file c;
	if (!load_case(req, res, req_param_id(req, 0), &c))
		return;
	const struct structure *s = web_structure(req);
	size_t n = 0;
	struct lead_time *lt = case_lead_times(req->arena, &c, date_today(), &n);
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		api_put_ref(o, s, "body_id", "body", REF_BODY, lt[i].body_id);
		const struct body *b = structure_body(s, lt[i].body_id);
		json_object_set_new(o, "body_name", api_text(b ? b->name : ""));
		json_object_set_new(o, "area_id", api_id(case_body_area(
			web_structure_full(req), lt[i].body_id)));
		json_object_set_new(o, "decided", api_date(lt[i].decided));
		json_object_set_new(o, "due", api_date(lt[i].due));
		json_object_set_new(o, "started", api_date(lt[i].started));
		json_object_set_new(o, "days", lt[i].days < 0 ? json_null() :
				    json_integer(lt[i].days));
		json_object_set_new(o, "late", json_boolean(lt[i].late));
		json_array_append_new(arr, o);
	}
	enum case_state state = case_state(&c);
	api_send(res, 200, json_pack("{s:I, s:o, s:b, s:o}", "case_id",
		 (json_int_t)c.id, "state", api_code(case_state_code(state)),
		 "decided", case_is_decided(&c), "lead_times", arr));
}

/* ---- follow-up actions ------------------------------------------------------- */

static json_t *action_json(struct request *req, const struct casework *cw,
			   const struct followup_action *fa)
{
	const struct structure *s = web_structure(req);
	json_t *o = json_object();
	json_object_set_new(o, "id", api_id(fa->id));
	json_object_set_new(o, "case_id", api_id(fa->case_id));
	json_object_set_new(o, "item_id", api_id(fa->item_id));
	api_put_ref(o, s, "body_id", "body", REF_BODY, fa->body_id);
	json_object_set_new(o, "what", api_text(fa->what));
	api_put_ref(o, s, "responsible_org_id", "responsible_org", REF_ORG,
		    fa->responsible_org_id);
	api_put_ref(o, s, "responsible_person_id", "responsible_person",
		    REF_PERSON, fa->responsible_person_id);
	api_put_ref(o, s, "responsible_body_id", "responsible_body", REF_BODY,
		    fa->responsible_body_id);
	json_object_set_new(o, "due", api_date(fa->due));
	json_object_set_new(o, "status", api_code(action_status_code(fa->status)));
	json_object_set_new(o, "status_label", api_text(fa->status ?
			    action_status_label(fa->status) : ""));
	json_object_set_new(o, "focus_area_id", api_id(fa->focus_area_id));
	json_object_set_new(o, "focus_area",
			    agreement_key(cw, fa->focus_area_id));
	json_object_set_new(o, "overdue", json_boolean(
		case_action_overdue(fa, date_today())));
	json_t *notes = json_array();
	for (size_t i = 0; i < fa->n_notes; i++)
		json_array_append_new(notes, json_pack("{s:o, s:s, s:s, s:s}",
			"id", api_id(fa->notes[i].id),
			"at", fa->notes[i].at ? fa->notes[i].at : "",
			"author", fa->notes[i].author ? fa->notes[i].author : "",
			"text", fa->notes[i].text ? fa->notes[i].text : ""));
	json_object_set_new(o, "notes", notes);
	api_put_times(o, fa->created, fa->modified, fa->revision);
	return o;
}

static void send_action(struct request *req, struct response *res,
			int64_t id, int status)
{
	struct casework cw;
	if (!load_cw(req, res, &cw))
		return;
	const struct followup_action *fa = cw_action(&cw, id);
	if (!fa) {
		api_send(res, status, json_pack("{s:I}", "id", (json_int_t)id));
		return;
	}
	api_etag(res, fa->revision);
	api_send(res, status, action_json(req, &cw, fa));
}

/* GET /api/v1/actions?body=&case=&area=&overdue=1 */
static void actions_list(struct request *req, struct response *res)
{
	int64_t body_id, area_id, case_id;
	if (!query_ref(req, res, "body", REF_BODY, "Forummet", &body_id) ||
	    !query_ref(req, res, "area", REF_AREA, "Klyngen", &area_id) ||
	    !query_id(req, res, "case", &case_id))
		return;
	const char *ov = req_query(req, "overdue");
	bool overdue = ov && (strcmp(ov, "1") == 0 || strcmp(ov, "true") == 0);
	struct casework cw;
	if (!load_cw(req, res, &cw))
		return;
	const struct structure *s = web_structure_full(req);
	int today = date_today();
	json_t *arr = json_array();
	for (size_t i = 0; i < cw.n_actions; i++) {
		const struct followup_action *fa = &cw.actions[i];
		if ((body_id && fa->body_id != body_id) ||
		    (case_id && fa->case_id != case_id) ||
		    (area_id && case_body_area(s, fa->body_id) != area_id) ||
		    (overdue && !case_action_overdue(fa, today)))
			continue;
		json_array_append_new(arr, action_json(req, &cw, fa));
	}
	api_send(res, 200, arr);
}

/* GET /api/v1/actions/:id */
static void action_get(struct request *req, struct response *res)
{
	struct casework cw;
	if (!load_cw(req, res, &cw))
		return;
	const struct followup_action *fa = cw_action(&cw, req_param_id(req, 0));
	if (!fa) {
		api_error(res, 404, "not_found", ACTION_NOT_FOUND);
		return;
	}
	api_etag(res, fa->revision);
	api_send(res, 200, action_json(req, &cw, fa));
}

static void action_parse(struct api_in *in, const struct casework *cw,
			 struct followup_action *fa)
{
	static const char *const fields[] = { "id", "case_id", "item_id",
		"body_id", "body", "what", "responsible_org_id",
		"responsible_org", "responsible_person_id",
		"responsible_person", "responsible_body_id",
		"responsible_body", "due", "status", "status_label",
		"focus_area_id", "focus_area", "overdue", "notes", "created",
		"modified", "revision", NULL };
	api_in_allow(in, fields);
	in_cw_ref(in, cw, "case", CW_CASE, "Sagen", &fa->case_id);
	json_t *iv = json_object_get(in->obj, "item_id");
	if (iv && (json_is_integer(iv) || json_is_null(iv)))
		fa->item_id = json_is_null(iv) ? 0 :
			      (int64_t)json_integer_value(iv);
	else if (iv && !in->bad) {
		in->bad = true;
		in->bad_code = "bad_type";
		snprintf(in->bad_msg, sizeof(in->bad_msg),
			 "feltet «item_id» skal være et punkts id eller null");
	}
	api_in_ref(in, "body", REF_BODY, &fa->body_id);
	api_in_text(in, "what", &fa->what);
	api_in_ref(in, "responsible_org", REF_ORG, &fa->responsible_org_id);
	api_in_ref(in, "responsible_person", REF_PERSON,
		   &fa->responsible_person_id);
	api_in_ref(in, "responsible_body", REF_BODY, &fa->responsible_body_id);
	api_in_date(in, "due", &fa->due);
	API_IN_ENUM(in, "status", action_status, fa->status);
	in_cw_ref(in, cw, "focus_area", CW_FOCUS_AREA, "Indsatsområdet",
		  &fa->focus_area_id);
}

static void action_validate(struct request *req, struct api_in *in,
			    const struct followup_action *fa)
{
	if (!*fa->what)
		field_errors_add(in->arena, &in->fields, "what",
				 "Det skal angives, hvad der skal følges op på");
	check_len(in, "what", fa->what, TEXT_MAX, "Teksten");
	if (!fa->body_id)
		field_errors_add(in->arena, &in->fields, "body",
				 "Det forum, der følger op, skal angives");
	if (!fa->status)
		field_errors_add(in->arena, &in->fields, "status",
				 "Status skal angives");
	if (fa->item_id && !item_meeting_date(req, fa->item_id))
		field_errors_add(in->arena, &in->fields, "item_id",
				 "Dagsordenspunktet med id %lld findes ikke",
				 (long long)fa->item_id);
}

/* Reads, validates, authorizes and saves an action: new (old NULL) or
 * a copy of old. */
static void action_write(struct request *req, struct response *res,
			 const struct casework *cw, struct followup_action *fa,
			 const struct followup_action *old)
{
	json_t *body = api_in_body(req, res);
	if (!body)
		return;
	int64_t rev = 0;
	bool from_header = false;
	if (!api_check_body_id(res, body, old ? old->id : 0) ||
	    (old && !api_write_revision(req, res, body, &rev, &from_header))) {
		json_decref(body);
		return;
	}
	struct api_in in;
	api_in_init(&in, req->arena, web_structure(req), body);
	action_parse(&in, cw, fa);
	json_decref(body);
	if (in.bad) {
		api_in_fail(&in, NULL, res);
		return;
	}
	action_validate(req, &in, fa);
	if (api_in_fail(&in, NULL, res))
		return;
	const struct structure *s = web_structure_full(req);
	int today = date_today();
	/* Creating one is the secretariat's (naming oneself responsible
	 * gives no right to create); a change needs the right before and
	 * after (moving it to another body is that body's too). */
	struct followup_action probe = *fa;
	if (!old)
		probe.responsible_person_id = 0;
	bool ok = access_action_edit(s, &req->principal, &probe, today) &&
		  (!old || access_action_edit(s, &req->principal, old, today));
	if (!gate(req, res, ok))
		return;
	fa->revision = rev;
	struct err err = { 0 };
	if (store_action_save(req->app->store, fa, &err) != 0) {
		api_store_failed(res, &err, ACTION_NOT_FOUND, from_header);
		return;
	}
	if (!old)
		res_header(res, "Location", arena_printf(req->arena,
			   "/api/v1/actions/%lld", (long long)fa->id));
	send_action(req, res, fa->id, old ? 200 : 201);
}

/* POST /api/v1/actions */
static void action_create(struct request *req, struct response *res)
{
	struct casework cw;
	if (!load_cw(req, res, &cw))
		return;
	struct followup_action *fa = arena_alloc(req->arena, sizeof(*fa));
	fa->what = "";
	fa->status = ACTION_OPEN;
	action_write(req, res, &cw, fa, NULL);
}

/* PUT /api/v1/actions/:id */
static void action_update(struct request *req, struct response *res)
{
	struct casework cw;
	if (!load_cw(req, res, &cw))
		return;
	const struct followup_action *old = cw_action(&cw, req_param_id(req, 0));
	if (!old) {
		api_error(res, 404, "not_found", ACTION_NOT_FOUND);
		return;
	}
	struct followup_action *fa = arena_alloc(req->arena, sizeof(*fa));
	*fa = *old;
	action_write(req, res, &cw, fa, old);
}

/* Reads {"text": "..."} (the only field besides those listed in
 * extra); sends 400/422 and returns NULL when it is not there. */
static const char *read_text_body(struct request *req, struct response *res,
				  const char *const *fields, json_t **keep)
{
	json_t *body = api_in_body(req, res);
	if (!body)
		return NULL;
	struct api_in in;
	api_in_init(&in, req->arena, web_structure(req), body);
	api_in_allow(&in, fields);
	const char *text = "";
	api_in_text(&in, "text", &text);
	if (!in.bad && !*text)
		field_errors_add(req->arena, &in.fields, "text",
				 "Teksten skal angives");
	check_len(&in, "text", text, TEXT_MAX, "Teksten");
	if (api_in_fail(&in, NULL, res)) {
		json_decref(body);
		return NULL;
	}
	if (keep)
		*keep = body;
	else
		json_decref(body);
	return text;
}

/* POST /api/v1/actions/:id/notes {"text"} */
static void action_note(struct request *req, struct response *res)
{
	struct casework cw;
	if (!load_cw(req, res, &cw))
		return;
	const struct followup_action *fa = cw_action(&cw, req_param_id(req, 0));
	if (!fa) {
		api_error(res, 404, "not_found", ACTION_NOT_FOUND);
		return;
	}
	static const char *const fields[] = { "text", NULL };
	const char *text = read_text_body(req, res, fields, NULL);
	if (!text)
		return;
	if (!gate(req, res, access_action_edit(web_structure_full(req),
					       &req->principal, fa,
					       date_today())))
		return;
	struct err err = { 0 };
	if (store_action_note_add(req->app->store, fa->id, text, &err) != 0) {
		api_store_failed(res, &err, ACTION_NOT_FOUND, false);
		return;
	}
	send_action(req, res, fa->id, 201);
}

/* ---- initiatives (knowledge sharing) ------------------------------------------- */

static json_t *initiative_json(struct request *req, const struct casework *cw,
			       const struct initiative *in)
{
	const struct structure *s = web_structure(req);
	json_t *o = json_object();
	json_object_set_new(o, "id", api_id(in->id));
	api_put_ref(o, s, "area_id", "area", REF_AREA, in->area_id);
	json_object_set_new(o, "title", api_text(in->title));
	json_object_set_new(o, "what", api_text(in->what));
	json_object_set_new(o, "results", api_text(in->results));
	api_put_ref(o, s, "contact_person_id", "contact_person", REF_PERSON,
		    in->contact_person_id);
	json_object_set_new(o, "contact_text", api_text(in->contact_text));
	json_object_set_new(o, "focus_area_id", api_id(in->focus_area_id));
	json_object_set_new(o, "focus_area",
			    agreement_key(cw, in->focus_area_id));
	json_t *files = json_array();
	for (size_t i = 0; i < in->n_files; i++) {
		const struct attachment *at = &in->files[i];
		json_array_append_new(files, json_pack("{s:o, s:s, s:s, s:I, s:s, s:s}",
			"id", api_id(at->id),
			"filename", at->filename ? at->filename : "",
			"media_type", at->media_type ? at->media_type : "",
			"size", (json_int_t)at->size,
			"sha256", at->sha256 ? at->sha256 : "",
			"url", arena_printf(req->arena, "%s/files/%s",
					    req->app->base_url,
					    at->token ? at->token : "")));
	}
	json_object_set_new(o, "files", files);
	json_t *comments = json_array();
	for (size_t i = 0; i < in->n_comments; i++) {
		const struct initiative_comment *cm = &in->comments[i];
		json_t *c = json_pack("{s:o, s:s, s:s, s:s}", "id", api_id(cm->id),
			"at", cm->at ? cm->at : "",
			"author", cm->author ? cm->author : "",
			"text", cm->text ? cm->text : "");
		api_put_ref(c, s, "area_id", "area", REF_AREA, cm->area_id);
		json_array_append_new(comments, c);
	}
	json_object_set_new(o, "comments", comments);
	json_t *cases = json_array();
	for (size_t i = 0; i < cw->n_cases; i++)
		if (cw->cases[i].initiative_id == in->id)
			json_array_append_new(cases, api_id(cw->cases[i].id));
	json_object_set_new(o, "case_ids", cases);
	json_object_set_new(o, "url", json_string(web_url(req, "/initiatives",
						  (long long)in->id)));
	api_put_times(o, in->created, in->modified, in->revision);
	return o;
}

static void send_initiative(struct request *req, struct response *res,
			    int64_t id, int status)
{
	struct casework cw;
	if (!load_cw(req, res, &cw))
		return;
	const struct initiative *in = cw_initiative(&cw, id);
	if (!in) {
		api_send(res, status, json_pack("{s:I}", "id", (json_int_t)id));
		return;
	}
	api_etag(res, in->revision);
	api_send(res, status, initiative_json(req, &cw, in));
}

/* GET /api/v1/initiatives?area=&focus_area= */
static void initiatives_list(struct request *req, struct response *res)
{
	int64_t area_id, focus;
	if (!query_ref(req, res, "area", REF_AREA, "Klyngen", &area_id) ||
	    !query_id(req, res, "focus_area", &focus))
		return;
	struct casework cw;
	if (!load_cw(req, res, &cw))
		return;
	json_t *arr = json_array();
	for (size_t i = 0; i < cw.n_initiatives; i++) {
		const struct initiative *in = &cw.initiatives[i];
		if ((area_id && in->area_id != area_id) ||
		    (focus && in->focus_area_id != focus))
			continue;
		json_array_append_new(arr, initiative_json(req, &cw, in));
	}
	api_send(res, 200, arr);
}

/* GET /api/v1/initiatives/:id */
static void initiative_get(struct request *req, struct response *res)
{
	struct casework cw;
	if (!load_cw(req, res, &cw))
		return;
	const struct initiative *in = cw_initiative(&cw, req_param_id(req, 0));
	if (!in) {
		api_error(res, 404, "not_found", INITIATIVE_NOT_FOUND);
		return;
	}
	api_etag(res, in->revision);
	api_send(res, 200, initiative_json(req, &cw, in));
}

static void initiative_parse(struct api_in *in, const struct casework *cw,
			     struct initiative *it)
{
	static const char *const fields[] = { "id", "area_id", "area", "title",
		"what", "results", "contact_person_id", "contact_person",
		"contact_text", "focus_area_id", "focus_area", "files",
		"comments", "case_ids", "url", "created", "modified",
		"revision", NULL };
	api_in_allow(in, fields);
	api_in_ref(in, "area", REF_AREA, &it->area_id);
	api_in_text(in, "title", &it->title);
	api_in_text(in, "what", &it->what);
	api_in_text(in, "results", &it->results);
	api_in_ref(in, "contact_person", REF_PERSON, &it->contact_person_id);
	api_in_text(in, "contact_text", &it->contact_text);
	in_cw_ref(in, cw, "focus_area", CW_FOCUS_AREA, "Indsatsområdet",
		  &it->focus_area_id);
}

static void initiative_write(struct request *req, struct response *res,
			     const struct casework *cw, struct initiative *it,
			     const struct initiative *old)
{
	json_t *body = api_in_body(req, res);
	if (!body)
		return;
	int64_t rev = 0;
	bool from_header = false;
	if (!api_check_body_id(res, body, old ? old->id : 0) ||
	    (old && !api_write_revision(req, res, body, &rev, &from_header))) {
		json_decref(body);
		return;
	}
	struct api_in in;
	api_in_init(&in, req->arena, web_structure(req), body);
	initiative_parse(&in, cw, it);
	json_decref(body);
	if (in.bad) {
		api_in_fail(&in, NULL, res);
		return;
	}
	if (!it->area_id)
		field_errors_add(req->arena, &in.fields, "area",
				 "Den klynge, der deler indsatsen, skal angives");
	if (!*it->title)
		field_errors_add(req->arena, &in.fields, "title",
				 "Indsatsens titel skal angives");
	check_len(&in, "title", it->title, TITLE_MAX, "Titlen");
	check_len(&in, "what", it->what, TEXT_MAX, "Beskrivelsen");
	check_len(&in, "results", it->results, TEXT_MAX, "Resultaterne");
	check_len(&in, "contact_text", it->contact_text, TITLE_MAX,
		  "Kontaktoplysningen");
	if (old && it->area_id != old->area_id)
		field_errors_add(req->arena, &in.fields, "area",
				 "En delt indsats kan ikke flyttes til en anden "
				 "klynge");
	if (api_in_fail(&in, NULL, res))
		return;
	if (!gate(req, res, access_initiative_post(web_structure_full(req),
						   &req->principal,
						   it->area_id, date_today())))
		return;
	it->revision = rev;
	struct err err = { 0 };
	if (store_initiative_save(req->app->store, it, &err) != 0) {
		api_store_failed(res, &err, INITIATIVE_NOT_FOUND, from_header);
		return;
	}
	if (!old)
		res_header(res, "Location", arena_printf(req->arena,
			   "/api/v1/initiatives/%lld", (long long)it->id));
	send_initiative(req, res, it->id, old ? 200 : 201);
}

/* POST /api/v1/initiatives */
static void initiative_create(struct request *req, struct response *res)
{
	struct casework cw;
	if (!load_cw(req, res, &cw))
		return;
	struct initiative *it = arena_alloc(req->arena, sizeof(*it));
	it->title = it->what = it->results = it->contact_text = "";
	initiative_write(req, res, &cw, it, NULL);
}

/* PUT /api/v1/initiatives/:id */
static void initiative_update(struct request *req, struct response *res)
{
	struct casework cw;
	if (!load_cw(req, res, &cw))
		return;
	const struct initiative *old = cw_initiative(&cw, req_param_id(req, 0));
	if (!old) {
		api_error(res, 404, "not_found", INITIATIVE_NOT_FOUND);
		return;
	}
	struct initiative *it = arena_alloc(req->arena, sizeof(*it));
	*it = *old;
	initiative_write(req, res, &cw, it, old);
}

/* The cluster of the principal's first body with an active membership
 * today that has one; 0 when none. */
static int64_t principal_area(struct request *req)
{
	const struct structure *s = web_structure_full(req);
	int today = date_today();
	if (!req->principal.person_id)
		return 0;
	for (size_t i = 0; i < s->n_memberships; i++) {
		const struct membership *m = &s->memberships[i];
		if (m->person_id != req->principal.person_id ||
		    !membership_active(m, today))
			continue;
		int64_t a = case_body_area(s, m->body_id);
		if (a)
			return a;
	}
	return 0;
}

/* POST /api/v1/initiatives/:id/comments {"text", "area"} */
static void initiative_comment(struct request *req, struct response *res)
{
	struct casework cw;
	if (!load_cw(req, res, &cw))
		return;
	const struct initiative *it = cw_initiative(&cw, req_param_id(req, 0));
	if (!it) {
		api_error(res, 404, "not_found", INITIATIVE_NOT_FOUND);
		return;
	}
	static const char *const fields[] = { "text", "area", "area_id", NULL };
	json_t *body = NULL;
	const char *text = read_text_body(req, res, fields, &body);
	if (!text)
		return;
	struct api_in in;
	api_in_init(&in, req->arena, web_structure(req), body);
	int64_t area_id = 0;
	bool given = api_in_ref(&in, "area", REF_AREA, &area_id);
	json_decref(body);
	if (api_in_fail(&in, NULL, res))
		return;
	if (!gate(req, res, access_comment(web_structure_full(req),
					   &req->principal, date_today())))
		return;
	if (!given)
		area_id = principal_area(req);
	struct err err = { 0 };
	if (store_initiative_comment_add(req->app->store, it->id, area_id, text,
					 &err) != 0) {
		api_store_failed(res, &err, INITIATIVE_NOT_FOUND, false);
		return;
	}
	send_initiative(req, res, it->id, 201);
}

/* The region's template with that key; NULL when none. */
static const struct flow_template *template_by_key(const struct casework *cw,
						   int64_t region_id,
						   const char *key)
{
	for (size_t i = 0; i < cw->n_templates; i++)
		if (cw->templates[i].region_id == region_id &&
		    cw->templates[i].key && strcmp(cw->templates[i].key, key) == 0)
			return &cw->templates[i];
	return NULL;
}

/* The professional-strategic level of a cluster (the lowest id); 0. */
static int64_t strategic_level(const struct structure *s, int64_t area_id)
{
	for (size_t i = 0; i < s->n_bodies; i++)
		if (s->bodies[i].area_id == area_id &&
		    s->bodies[i].kind == BODY_STRATEGIC_LEVEL)
			return s->bodies[i].id;
	return 0;
}

/*
 * POST /api/v1/initiatives/:id/adopt {"body", "case_number", "title",
 * "started", "template"}: another cluster takes a shared initiative in
 * use. A scaling case (seed 001, flow b; the region's template
 * "skalering-af-lokal-indsats" unless another is named) starts at the
 * initiative's cluster's professional-strategic level with the
 * initiative linked. "body" is the adopting cluster's body; its
 * secretariat (or an administrator) may do it.
 */
static void initiative_adopt(struct request *req, struct response *res)
{
	struct casework cw;
	if (!load_cw(req, res, &cw))
		return;
	const struct initiative *ini = cw_initiative(&cw, req_param_id(req, 0));
	if (!ini) {
		api_error(res, 404, "not_found", INITIATIVE_NOT_FOUND);
		return;
	}
	json_t *body = api_in_body(req, res);
	if (!body)
		return;
	static const char *const fields[] = { "body", "body_id", "case_number",
		"title", "description", "started", "economic", "template",
		"template_id", NULL };
	const struct structure *s = web_structure_full(req);
	struct case_file *c = arena_alloc(req->arena, sizeof(*c));
	c->case_number = "";
	c->title = ini->title;
	c->description = arena_printf(req->arena, "Skalering af indsatsen "
				      "«%s», delt under vidensdeling.",
				      ini->title);
	c->started = date_today();
	c->initiative_id = ini->id;
	c->focus_area_id = ini->focus_area_id;
	int64_t adopter = 0;
	struct api_in in;
	api_in_init(&in, req->arena, web_structure(req), body);
	api_in_allow(&in, fields);
	api_in_ref(&in, "body", REF_BODY, &adopter);
	in_case_number(&in, "case_number", &c->case_number);
	api_in_text(&in, "title", &c->title);
	api_in_text(&in, "description", &c->description);
	api_in_date(&in, "started", &c->started);
	api_in_bool(&in, "economic", &c->economic);
	in_cw_ref(&in, &cw, "template", CW_TEMPLATE, "Skabelonen",
		  &c->template_id);
	json_decref(body);
	if (in.bad) {
		api_in_fail(&in, NULL, res);
		return;
	}
	int64_t adopter_area = case_body_area(s, adopter);
	if (!adopter)
		field_errors_add(req->arena, &in.fields, "body",
				 "Det forum i jeres klynge, der tager indsatsen "
				 "i brug, skal angives");
	else if (!adopter_area)
		field_errors_add(req->arena, &in.fields, "body",
				 "Forummet hører ikke til en klynge");
	else if (adopter_area == ini->area_id)
		field_errors_add(req->arena, &in.fields, "body",
				 "Indsatsen er delt af jeres egen klynge");
	if (!*c->title)
		field_errors_add(req->arena, &in.fields, "title",
				 "Sagens titel skal angives");
	check_len(&in, "title", c->title, TITLE_MAX, "Titlen");
	c->origin_body_id = strategic_level(s, ini->area_id);
	if (!c->origin_body_id)
		field_errors_add(req->arena, &in.fields, "body",
				 "Den klynge, der delte indsatsen, har ikke et "
				 "fagligt strategisk niveau, som sagen kan "
				 "begynde i");
	if (api_in_fail(&in, NULL, res))
		return;
	if (!gate(req, res, access_case_create(s, &req->principal, adopter,
					       date_today())))
		return;
	/* One scaling flow per initiative: it already goes to every other
	 * cluster (template b), so a second adoption would only repeat it. */
	for (size_t i = 0; i < cw.n_cases; i++)
		if (cw.cases[i].initiative_id == ini->id) {
			res_header(res, "Location",
				   arena_printf(req->arena, "/api/v1/cases/%lld",
						(long long)cw.cases[i].id));
			api_error(res, 409, "already_adopted",
				  "Indsatsen skaleres allerede til de øvrige "
				  "klynger (sag %lld).", (long long)cw.cases[i].id);
			return;
		}
	const struct body *ob = structure_body(s, c->origin_body_id);
	const struct flow_template *t = c->template_id ?
		cw_template(&cw, c->template_id) :
		template_by_key(&cw, ob ? ob->region_id : 0, ADOPT_TEMPLATE_KEY);
	if (!t) {
		unprocessable(res, "flow", "template",
			      "Regionen har ingen skabelon for skalering af en "
			      "lokal indsats («skalering-af-lokal-indsats»)");
		return;
	}
	c->template_id = t->id;
	const char *why = NULL;
	size_t n = 0;
	c->steps = case_flow_generate(req->arena, s, t, c->origin_body_id,
				      c->started, &n, &why);
	if (!c->steps) {
		unprocessable(res, "flow", "template", why ? why :
			      "Sagsflowet kan ikke dannes ud fra skabelonen");
		return;
	}
	c->n_steps = n;
	struct err err = { 0 };
	if (store_case_save(req->app->store, c, &err) != 0) {
		api_store_failed(res, &err, CASE_NOT_FOUND, false);
		return;
	}
	res_header(res, "Location", arena_printf(req->arena,
		   "/api/v1/cases/%lld", (long long)c->id));
	send_case(req, res, c->id, 201, NULL);
}

/* ---- flow templates ------------------------------------------------------------ */

static json_t *template_json(struct request *req, const struct flow_template *t)
{
	const struct structure *s = web_structure(req);
	json_t *o = json_object();
	json_object_set_new(o, "id", api_id(t->id));
	json_object_set_new(o, "key", api_text(t->key));
	json_object_set_new(o, "name", api_text(t->name));
	json_object_set_new(o, "description", api_text(t->description));
	api_put_ref(o, s, "region_id", "region", REF_ORG, t->region_id);
	json_t *steps = json_array();
	for (size_t i = 0; i < t->n_steps; i++) {
		const struct flow_template_step *st = &t->steps[i];
		json_t *so = json_object();
		json_object_set_new(so, "position", json_integer(st->position));
		json_object_set_new(so, "target",
				    api_code(step_target_code(st->target)));
		api_put_ref(so, s, "target_body_id", "target_body", REF_BODY,
			    st->target_body_id);
		json_object_set_new(so, "target_kind",
				    api_code(body_kind_code(st->target_kind)));
		json_object_set_new(so, "action",
				    api_code(step_action_code(st->action)));
		json_object_set_new(so, "offset_days",
				    json_integer(st->offset_days));
		json_object_set_new(so, "note", api_text(st->note));
		json_array_append_new(steps, so);
	}
	json_object_set_new(o, "steps", steps);
	return o;
}

/* GET /api/v1/templates?region= */
static void templates_list(struct request *req, struct response *res)
{
	int64_t region;
	if (!query_ref(req, res, "region", REF_ORG, "Regionen", &region))
		return;
	struct casework cw;
	if (!load_cw(req, res, &cw))
		return;
	json_t *arr = json_array();
	for (size_t i = 0; i < cw.n_templates; i++)
		if (!region || cw.templates[i].region_id == region)
			json_array_append_new(arr, template_json(req,
							&cw.templates[i]));
	api_send(res, 200, arr);
}

/* GET /api/v1/templates/:id */
static void template_get(struct request *req, struct response *res)
{
	struct casework cw;
	if (!load_cw(req, res, &cw))
		return;
	const struct flow_template *t = cw_template(&cw, req_param_id(req, 0));
	if (!t) {
		api_error(res, 404, "not_found", TEMPLATE_NOT_FOUND);
		return;
	}
	api_send(res, 200, template_json(req, t));
}

static void template_parse(struct api_in *in, struct flow_template *t)
{
	static const char *const fields[] = { "id", "key", "name",
		"description", "region_id", "region", "steps", NULL };
	static const char *const step_fields_in[] = { "position", "target",
		"target_body_id", "target_body", "target_kind", "action",
		"offset_days", "note", NULL };
	api_in_allow(in, fields);
	api_in_text(in, "key", &t->key);
	api_in_text(in, "name", &t->name);
	api_in_text(in, "description", &t->description);
	api_in_ref(in, "region", REF_ORG, &t->region_id);
	bool present = false;
	int n = in->bad ? -1 : api_in_array(in, "steps", &present);
	if (!present || n < 0)
		return;
	struct flow_template_step *steps = arena_array(in->arena,
						       n ? (size_t)n : 1,
						       sizeof(*steps));
	for (int i = 0; i < n; i++) {
		struct api_in sub;
		api_in_nested(in, "steps", (size_t)i, &sub);
		api_in_allow(&sub, step_fields_in);
		struct flow_template_step *st = &steps[i];
		st->position = i + 1;
		st->note = "";
		API_IN_ENUM(&sub, "target", step_target, st->target);
		api_in_ref(&sub, "target_body", REF_BODY, &st->target_body_id);
		API_IN_ENUM(&sub, "target_kind", body_kind, st->target_kind);
		API_IN_ENUM(&sub, "action", step_action, st->action);
		api_in_int(&sub, "offset_days", &st->offset_days);
		api_in_text(&sub, "note", &st->note);
		const char *pre = arena_printf(in->arena, "steps[%d].", i);
		if (!st->target)
			field_errors_add(in->arena, &sub.fields,
					 arena_printf(in->arena, "%starget", pre),
					 "Trinnets modtager skal angives");
		if (st->target == TARGET_BODY && !st->target_body_id)
			field_errors_add(in->arena, &sub.fields,
					 arena_printf(in->arena, "%starget_body", pre),
					 "Forummet skal angives");
		if ((st->target == TARGET_KIND_ALL ||
		     st->target == TARGET_KIND_OTHERS ||
		     st->target == TARGET_KIND_ORIGIN_AREA ||
		     st->target == TARGET_CHILDREN) && !st->target_kind)
			field_errors_add(in->arena, &sub.fields,
					 arena_printf(in->arena, "%starget_kind", pre),
					 "Forumtypen skal angives");
		if (!st->action)
			field_errors_add(in->arena, &sub.fields,
					 arena_printf(in->arena, "%saction", pre),
					 "Trinnets handling skal angives");
		if (st->offset_days < 0 || st->offset_days > 3650)
			field_errors_add(in->arena, &sub.fields,
					 arena_printf(in->arena, "%soffset_days", pre),
					 "Tidsperspektivet skal være 0-3650 dage");
		api_in_nested_done(in, &sub);
	}
	t->steps = steps;
	t->n_steps = (size_t)n;
}

static bool template_taken(void *ctx, const char *key)
{
	return cw_ref_by_key(ctx, CW_TEMPLATE, key) != 0;
}

static void template_write(struct request *req, struct response *res,
			   struct flow_template *t,
			   const struct flow_template *old)
{
	json_t *body = api_in_body(req, res);
	if (!body)
		return;
	if (!api_check_body_id(res, body, old ? old->id : 0)) {
		json_decref(body);
		return;
	}
	struct api_in in;
	api_in_init(&in, req->arena, web_structure(req), body);
	template_parse(&in, t);
	json_decref(body);
	if (in.bad) {
		api_in_fail(&in, NULL, res);
		return;
	}
	const struct structure *s = web_structure_full(req);
	const struct organisation *r = structure_org(s, t->region_id);
	if (!r || r->kind != ORG_REGION)
		field_errors_add(req->arena, &in.fields, "region",
				 "Skabelonen skal høre til en region");
	if (!*t->name)
		field_errors_add(req->arena, &in.fields, "name",
				 "Skabelonens navn skal angives");
	check_len(&in, "name", t->name, TITLE_MAX, "Navnet");
	if (!t->n_steps)
		field_errors_add(req->arena, &in.fields, "steps",
				 "Skabelonen skal have mindst ét trin");
	if (old && t->region_id != old->region_id)
		field_errors_add(req->arena, &in.fields, "region",
				 "Skabelonen kan ikke flyttes til en anden region");
	if (api_in_fail(&in, NULL, res))
		return;
	if (!gate(req, res, access_region_edit(s, &req->principal, t->region_id,
					       date_today())))
		return;
	if (!*t->key) {
		struct casework cw0;
		if (!load_cw(req, res, &cw0))
			return;
		t->key = key_from_name(req->arena, t->name, template_taken, &cw0);
	}
	struct err err = { 0 };
	if (store_template_save(req->app->store, t, &err) != 0) {
		api_store_failed(res, &err, TEMPLATE_NOT_FOUND, false);
		return;
	}
	struct casework cw;
	if (!load_cw(req, res, &cw))
		return;
	const struct flow_template *now = cw_template(&cw, t->id);
	if (!old)
		res_header(res, "Location", arena_printf(req->arena,
			   "/api/v1/templates/%lld", (long long)t->id));
	api_send(res, old ? 200 : 201, now ? template_json(req, now) :
		 json_pack("{s:I}", "id", (json_int_t)t->id));
}

/* POST /api/v1/templates */
static void template_create(struct request *req, struct response *res)
{
	struct flow_template *t = arena_alloc(req->arena, sizeof(*t));
	t->key = t->name = t->description = "";
	template_write(req, res, t, NULL);
}

/* PUT /api/v1/templates/:id (the steps, when given, are replaced; cases
 * made from it keep their own steps) */
static void template_update(struct request *req, struct response *res)
{
	struct casework cw;
	if (!load_cw(req, res, &cw))
		return;
	const struct flow_template *old = cw_template(&cw, req_param_id(req, 0));
	if (!old) {
		api_error(res, 404, "not_found", TEMPLATE_NOT_FOUND);
		return;
	}
	struct flow_template *t = arena_alloc(req->arena, sizeof(*t));
	*t = *old;
	template_write(req, res, t, old);
}

/* ---- the health agreement -------------------------------------------------------- */

/* GET /api/v1/agreements */
static void agreements_list(struct request *req, struct response *res)
{
	struct casework cw;
	if (!load_cw(req, res, &cw))
		return;
	const struct structure *s = web_structure(req);
	json_t *arr = json_array();
	for (size_t i = 0; i < cw.n_agreements; i++) {
		const struct health_agreement *h = &cw.agreements[i];
		json_t *o = json_object();
		json_object_set_new(o, "id", api_id(h->id));
		json_object_set_new(o, "key", api_text(h->key));
		json_object_set_new(o, "title", api_text(h->title));
		api_put_ref(o, s, "region_id", "region", REF_ORG, h->region_id);
		json_object_set_new(o, "valid_from", api_date(h->valid_from));
		json_object_set_new(o, "valid_to", api_date(h->valid_to));
		json_object_set_new(o, "note", api_text(h->note));
		json_t *items = json_array();
		for (size_t k = 0; k < cw.n_agreement_items; k++) {
			const struct agreement_item *ai = &cw.agreement_items[k];
			if (ai->agreement_id != h->id)
				continue;
			json_array_append_new(items, json_pack(
				"{s:o, s:s, s:o, s:s, s:o, s:o, s:i, s:s, s:s}",
				"id", api_id(ai->id), "key", ai->key ? ai->key : "",
				"part", api_code(agreement_part_code(ai->part)),
				"part_label", ai->part ?
					agreement_part_label(ai->part) : "",
				"parent_id", api_id(ai->parent_id),
				"parent", agreement_key(&cw, ai->parent_id),
				"position", ai->position,
				"title", ai->title ? ai->title : "",
				"description", ai->description ?
					ai->description : ""));
		}
		json_object_set_new(o, "items", items);
		json_array_append_new(arr, o);
	}
	api_send(res, 200, arr);
}

const struct route case_api_routes[] = {
	{ "GET", "/api/v1/cases", cases_list },
	{ "POST", "/api/v1/cases", case_create },
	{ "GET", "/api/v1/cases/:id", case_get },
	{ "PUT", "/api/v1/cases/:id", case_update },
	{ "GET", "/api/v1/cases/:id/steps", steps_list },
	{ "PUT", "/api/v1/cases/:id/steps/:sid", step_update },
	{ "POST", "/api/v1/cases/:id/steps/:sid/agenda", step_agenda },
	{ "GET", "/api/v1/cases/:id/leadtimes", case_leadtimes },
	{ "GET", "/api/v1/actions", actions_list },
	{ "POST", "/api/v1/actions", action_create },
	{ "GET", "/api/v1/actions/:id", action_get },
	{ "PUT", "/api/v1/actions/:id", action_update },
	{ "POST", "/api/v1/actions/:id/notes", action_note },
	{ "GET", "/api/v1/initiatives", initiatives_list },
	{ "POST", "/api/v1/initiatives", initiative_create },
	{ "GET", "/api/v1/initiatives/:id", initiative_get },
	{ "PUT", "/api/v1/initiatives/:id", initiative_update },
	{ "POST", "/api/v1/initiatives/:id/comments", initiative_comment },
	{ "POST", "/api/v1/initiatives/:id/adopt", initiative_adopt },
	{ "GET", "/api/v1/templates", templates_list },
	{ "POST", "/api/v1/templates", template_create },
	{ "GET", "/api/v1/templates/:id", template_get },
	{ "PUT", "/api/v1/templates/:id", template_update },
	{ "GET", "/api/v1/agreements", agreements_list },
	{ NULL, NULL, NULL },
};
