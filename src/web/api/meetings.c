/*
 * meetings.c - /api/v1 for meetings (issue 4): from planning to approved
 * minutes.
 *
 *   GET    /api/v1/meetings?body=&from=&to=     list (body: id or key)
 *   POST   /api/v1/meetings                     create (with its checklist)
 *   GET    /api/v1/meetings/:id                 one meeting, items included
 *   PUT    /api/v1/meetings/:id                 its own fields
 *   DELETE /api/v1/meetings/:id                 only never published ones
 *   POST   /api/v1/meetings/:id/state           {"state", "revision"}
 *   GET    /api/v1/meetings/:id/items           the agenda
 *   POST   /api/v1/meetings/:id/items           a new item
 *   PUT    /api/v1/meetings/:id/order           {"items": [ids]}
 *   GET    /api/v1/meetings/:id/attendance      members on the date + status
 *   PUT    /api/v1/meetings/:id/attendance      {"attendance": [...]}
 *   GET    /api/v1/meetings/:id/quorum          the quorum as recorded
 *   GET    /api/v1/items/:id                    one item
 *   PUT    /api/v1/items/:id                    its texts and fields
 *   DELETE /api/v1/items/:id
 *   PUT    /api/v1/items/:id/decision           {"outcome", "decision", "dissent"}
 *
 * The conventions are api.c's: errors {"error": {code, message,
 * fields}}, 400 for a body of the wrong shape, 422 with Danish messages
 * per field for values that are not valid, ETag "v<revision>" on GET of
 * one object, If-Match (412) or "revision" in the body (409 "stale")
 * for conditional writes.
 *
 * What anyone sees goes through access_meeting_view (core): a meeting
 * the principal may not see is 404 whatever they try; closed items reach
 * the public as number and title only. Writes are decided by the gate
 * in authorize.c (web_authorize_meeting): the public 401
 * login_required, others without the right 403 forbidden. The two
 * approvals (agenda_approved, minutes_approved) need the chair
 * (access_meeting_approve); everything else the secretariat
 * (access_meeting_edit), an item's texts also its case handler
 * (access_item_edit).
 *
 * The shape of a meeting and an item is the store's canonical JSON
 * (meeting_fields_json, item_fields_json: the struct's names, times
 * "HH:MM" in "start"/"end") plus what they hold and the usual
 * "revision", "created", "modified". What GET gives may be PUT back:
 * the read-only parts are accepted and ignored.
 */
#include "api.h"

#include <stdlib.h>
#include <string.h>

#include "../../render/ical.h"
#include "../../render/mail.h"
#include "../../util/date.h"

static const char MEETING_NOT_FOUND[] = "Mødet findes ikke";
static const char ITEM_NOT_FOUND[] = "Punktet findes ikke";
static const char LOGIN_MESSAGE[] =
	"Du skal være logget ind for at ændre oplysninger.";
static const char FORBIDDEN_MESSAGE[] = "Du har ikke ret til at ændre dette.";

#define TEXT_MAX 300	/* title, place, online link (bytes) */

/* ---- loading ------------------------------------------------------------ */


/* The stored meeting (complete), when req's principal may see it; else
 * a 404 (a meeting one may not see does not exist) and false. */
static bool load_meeting(struct request *req, struct response *res,
			 int64_t id, struct meeting *m)
{
	struct err err = { 0 };
	memset(m, 0, sizeof(*m));
	if (!id || store_meeting_get(req->app->store, req->arena, id, m,
				     &err) != 0) {
		if (!id || err.kind == ERR_NOT_FOUND)
			api_error(res, 404, "not_found", MEETING_NOT_FOUND);
		else
			api_store_failed(res, &err, MEETING_NOT_FOUND, false);
		return false;
	}
	if (!web_may_meeting(req, m, NULL, WEB_MEETING_VIEW)) {
		req->no_cache = true;
		api_error(res, 404, "not_found", MEETING_NOT_FOUND);
		return false;
	}
	return true;
}

/* The meeting as req's principal may see it. */
static bool view_of(struct request *req, const struct meeting *m,
		    struct meeting *v)
{
	return access_meeting_view(req->arena, web_structure_full(req),
				   &req->principal, m, date_today(), v);
}

static struct agenda_item *item_in(const struct meeting *m, int64_t id)
{
	for (size_t i = 0; i < m->n_items; i++)
		if (m->items[i].id == id)
			return &m->items[i];
	return NULL;
}

/* The meeting holding item `id`, loaded complete, and the item in it;
 * 404 (and false) when there is none or the meeting is hidden. */
static bool load_item(struct request *req, struct response *res, int64_t id,
		      struct meeting *m, struct agenda_item **it)
{
	int64_t mid = 0;
	struct err err = { 0 };
	if (!id || store_item_meeting(req->app->store, id, &mid, &err) != 0) {
		if (!id || err.kind == ERR_NOT_FOUND)
			api_error(res, 404, "not_found", ITEM_NOT_FOUND);
		else
			api_store_failed(res, &err, ITEM_NOT_FOUND, false);
		return false;
	}
	if (!load_meeting(req, res, mid, m))
		return false;
	*it = item_in(m, id);
	if (!*it) {
		api_error(res, 404, "not_found", ITEM_NOT_FOUND);
		return false;
	}
	return true;
}

/* The refusal of a write to something that is not stored yet (a new
 * meeting), as authorize.c answers for /api/. */
static void refuse(struct request *req, struct response *res)
{
	req->no_cache = true;
	if (req->principal.account_id)
		res_json_error(res, 403, "forbidden", FORBIDDEN_MESSAGE);
	else
		res_json_error(res, 401, "login_required", LOGIN_MESSAGE);
}

/* ---- output ------------------------------------------------------------- */

/* A store canonical JSON text as a jansson object ({} if it fails). */
static json_t *parse_base(const struct buf *b, int rc)
{
	json_t *j = rc == 0 ? json_loadb(buf_str(b), b->len, 0, NULL) : NULL;
	return j && json_is_object(j) ? j : (json_decref(j), json_object());
}

static json_t *file_url(struct request *req, const char *token)
{
	return json_string(arena_printf(req->arena, "%s/files/%s",
					req->app->base_url, token));
}

static json_t *attachment_json(struct request *req, const struct attachment *at)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", api_id(at->id));
	json_object_set_new(o, "position", json_integer(at->position));
	json_object_set_new(o, "filename", api_text(at->filename));
	json_object_set_new(o, "media_type", api_text(at->media_type));
	json_object_set_new(o, "size", json_integer((json_int_t)at->size));
	json_object_set_new(o, "sha256", api_text(at->sha256));
	json_object_set_new(o, "url", file_url(req, at->token));
	json_object_set_new(o, "created", at->created && *at->created ?
			    json_string(at->created) : json_null());
	return o;
}

static json_t *item_json(struct request *req, const struct agenda_item *it)
{
	const struct structure *s = web_structure(req);
	struct buf b = BUF_INIT;
	json_t *o = parse_base(&b, item_fields_json(it, &b));
	buf_free(&b);
	api_put_ref(o, s, "handler_person_id", "handler_person", REF_PERSON,
		    it->handler_person_id);
	json_object_set_new(o, "kind_label", api_text(it->kind ?
			    item_kind_label(it->kind) : ""));
	json_object_set_new(o, "outcome_label", api_text(it->outcome ?
			    item_outcome_label(it->outcome) : ""));
	json_t *atts = json_array();
	for (size_t i = 0; i < it->n_attachments; i++)
		json_array_append_new(atts, attachment_json(req,
							    &it->attachments[i]));
	json_object_set_new(o, "attachments", atts);
	api_put_times(o, it->created, it->modified, it->revision);
	return o;
}

/* A list's item: what the shallow list carries. */
static json_t *item_brief_json(const struct agenda_item *it)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", api_id(it->id));
	json_object_set_new(o, "number", json_integer(it->number));
	json_object_set_new(o, "title", api_text(it->title));
	json_object_set_new(o, "case_number", api_text(it->case_number));
	json_object_set_new(o, "kind", api_code(item_kind_code(it->kind)));
	json_object_set_new(o, "closed", json_boolean(it->closed));
	json_object_set_new(o, "outcome",
			    api_code(item_outcome_code(it->outcome)));
	return o;
}

static json_t *document_json(struct request *req,
			     const struct meeting_document *d)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", api_id(d->id));
	json_object_set_new(o, "kind", api_code(document_kind_code(d->kind)));
	json_object_set_new(o, "version", json_integer(d->version));
	json_object_set_new(o, "public_edition",
			    json_boolean(d->public_edition));
	json_object_set_new(o, "size", json_integer((json_int_t)d->size));
	json_object_set_new(o, "sha256", api_text(d->sha256));
	json_object_set_new(o, "url", file_url(req, d->token));
	json_object_set_new(o, "created", api_text(d->created));
	json_object_set_new(o, "created_by", api_text(d->created_by));
	return o;
}

static json_t *task_json(const struct meeting_task *t)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", api_id(t->id));
	json_object_set_new(o, "position", json_integer(t->position));
	json_object_set_new(o, "key", api_text(t->key));
	json_object_set_new(o, "label", api_text(t->label));
	json_object_set_new(o, "responsible", api_text(t->responsible));
	json_object_set_new(o, "due", api_date(t->due));
	json_object_set_new(o, "done", json_boolean(t->done));
	json_object_set_new(o, "done_by", api_text(t->done_by));
	json_object_set_new(o, "done_at", t->done_at && *t->done_at ?
			    json_string(t->done_at) : json_null());
	return o;
}

static json_t *attendance_row(const struct attendance *at)
{
	json_t *o = json_object();
	json_object_set_new(o, "membership_id", api_id(at->membership_id));
	json_object_set_new(o, "status",
			    api_code(attendance_status_code(at->status)));
	json_object_set_new(o, "note", api_text(at->note));
	return o;
}

/*
 * A meeting (already the principal's view) as JSON. deep: items in full
 * with attachments, and the attendance, checklist, history and
 * documents the view left; else items brief (lists).
 */
static json_t *meeting_json(struct request *req, const struct meeting *v,
			    bool deep)
{
	const struct structure *s = web_structure(req);
	struct buf b = BUF_INIT;
	json_t *o = parse_base(&b, meeting_fields_json(v, &b));
	buf_free(&b);
	api_put_ref(o, s, "body_id", "body", REF_BODY, v->body_id);
	json_object_set_new(o, "display_title",
			    api_text(meeting_display_title(req->arena, s, v)));
	json_object_set_new(o, "state_label",
			    api_text(meeting_state_label(v->state)));
	json_object_set_new(o, "url", json_string(arena_printf(req->arena,
		"%s/meetings/%lld", req->app->base_url, (long long)v->id)));
	json_t *items = json_array();
	for (size_t i = 0; i < v->n_items; i++)
		json_array_append_new(items, deep ? item_json(req, &v->items[i])
						  : item_brief_json(&v->items[i]));
	json_object_set_new(o, "items", items);
	json_t *docs = json_array();
	for (size_t i = 0; i < v->n_documents; i++)
		json_array_append_new(docs, document_json(req,
							  &v->documents[i]));
	json_object_set_new(o, "documents", docs);
	if (deep) {
		json_t *att = json_array(), *tasks = json_array(),
		       *ev = json_array();
		for (size_t i = 0; i < v->n_attendance; i++)
			json_array_append_new(att, attendance_row(
						      &v->attendance[i]));
		for (size_t i = 0; i < v->n_tasks; i++)
			json_array_append_new(tasks, task_json(&v->tasks[i]));
		for (size_t i = 0; i < v->n_events; i++) {
			const struct meeting_event *e = &v->events[i];
			json_array_append_new(ev, json_pack("{s:o, s:o, s:s, s:s}",
				"from", api_code(meeting_state_code(e->from)),
				"to", api_code(meeting_state_code(e->to)),
				"actor", e->actor ? e->actor : "",
				"at", e->at ? e->at : ""));
		}
		json_object_set_new(o, "attendance", att);
		json_object_set_new(o, "tasks", tasks);
		json_object_set_new(o, "events", ev);
	}
	api_put_times(o, v->created, v->modified, v->revision);
	return o;
}

/* Sends the stored meeting id, reloaded, as req's principal sees it,
 * with extra fields (may be NULL, stolen) merged in. */
static void send_meeting(struct request *req, struct response *res,
			 int64_t id, int status, json_t *extra)
{
	struct meeting m, v;
	struct err err = { 0 };
	if (store_meeting_get(req->app->store, req->arena, id, &m, &err) != 0 ||
	    !view_of(req, &m, &v)) {
		json_t *o = json_pack("{s:I}", "id", (json_int_t)id);
		if (extra)
			json_object_update(o, extra);
		json_decref(extra);
		api_send(res, status, o);
		return;
	}
	json_t *o = meeting_json(req, &v, true);
	if (extra)
		json_object_update(o, extra);
	json_decref(extra);
	api_etag(res, v.revision);
	api_send(res, status, o);
}

/* ---- conditional writes ------------------------------------------------- */



/* ---- reading a meeting -------------------------------------------------- */

/* Reads an "HH:MM" field into *dst (minutes). */
static void read_time(struct api_in *in, const char *field, int *dst,
		      bool *given)
{
	const char *t;
	if (!api_in_text(in, field, &t))
		return;
	*given = true;
	if (!*t) {
		*dst = -1;
		return;
	}
	if (meeting_time_parse(t, dst) != 0) {
		field_errors_add(in->arena, &in->fields, field,
				 "Ugyldigt klokkeslæt «%s»: brug TT:MM "
				 "(f.eks. 14:30)", t);
		*dst = -1;
	}
}

static void meeting_parse(struct api_in *in, struct meeting *m)
{
	static const char *const fields[] = { "id", "body_id", "body", "kind",
		"state", "title", "date", "start", "end", "place",
		"online_url", "sequence", "was_published", "display_title",
		"state_label", "url", "items", "documents", "attendance",
		"tasks", "events", "created", "modified", "revision", NULL };
	api_in_allow(in, fields);
	api_in_ref(in, "body", REF_BODY, &m->body_id);
	API_IN_ENUM(in, "kind", meeting_kind, m->kind);
	api_in_text(in, "title", &m->title);
	api_in_date(in, "date", &m->date);
	bool given = false;
	read_time(in, "start", &m->start_min, &given);
	read_time(in, "end", &m->end_min, &given);
	api_in_text(in, "place", &m->place);
	api_in_text(in, "online_url", &m->online_url);
	/* The state has its own route; the one GET gave may be sent back. */
	const char *st;
	if (api_in_code(in, "state", &st) && *st) {
		bool ok;
		enum meeting_state s = meeting_state_from_code(st, &ok);
		if (!ok)
			api_in_bad_code(in, "state", st);
		else if (m->id && s != m->state)
			field_errors_add(in->arena, &in->fields, "state",
					 "Mødets status ændres med POST "
					 "/api/v1/meetings/%lld/state",
					 (long long)m->id);
		else if (!m->id && s != MEETING_PLANNED)
			field_errors_add(in->arena, &in->fields, "state",
					 "Et nyt møde er altid planlagt");
	}
}

static bool url_ok(const char *u)
{
	if (strncmp(u, "https://", 8) != 0 && strncmp(u, "http://", 7) != 0)
		return false;
	for (const unsigned char *p = (const unsigned char *)u; *p; p++)
		if (*p <= ' ' || *p == 0x7f || *p == '"' || *p == '<' ||
		    *p == '>')
			return false;
	return true;
}

static void meeting_validate(struct arena *a, const struct meeting *m,
			     struct field_errors *e)
{
	if (!m->body_id)
		field_errors_add(a, e, "body", "Forummet skal angives");
	if (!m->kind)
		field_errors_add(a, e, "kind", "Mødetypen skal angives");
	if (!m->date)
		field_errors_add(a, e, "date", "Datoen skal angives");
	if (m->start_min < 0)
		field_errors_add(a, e, "start",
				 "Starttidspunktet skal angives (TT:MM)");
	if (m->end_min < 0)
		field_errors_add(a, e, "end",
				 "Sluttidspunktet skal angives (TT:MM)");
	if (m->start_min >= 0 && m->end_min >= 0 && m->end_min <= m->start_min)
		field_errors_add(a, e, "end", "Mødet skal slutte, efter "
				 "det begynder");
	if (strlen(m->title) > TEXT_MAX)
		field_errors_add(a, e, "title", "Titlen må højst være %d tegn",
				 TEXT_MAX);
	if (strlen(m->place) > TEXT_MAX)
		field_errors_add(a, e, "place", "Stedet må højst være %d tegn",
				 TEXT_MAX);
	if (*m->online_url && (strlen(m->online_url) > TEXT_MAX ||
			       !url_ok(m->online_url)))
		field_errors_add(a, e, "online_url", "Linket til onlinemødet skal "
				 "være en adresse, der begynder med https://");
}

/* ---- meetings ------------------------------------------------------------ */

/* An optional date query parameter (0 when absent); 400 when bad. */
static bool query_date(struct request *req, struct response *res,
		       const char *name, int *out)
{
	const char *v = req_query(req, name);
	*out = 0;
	if (!v || !*v)
		return true;
	if (date_parse(v, out) != 0) {
		api_error(res, 400, "bad_date", "Ugyldig dato «%s» i parameteren "
			  "«%s»: brug formatet ÅÅÅÅ-MM-DD (f.eks. 2024-03-01)",
			  v, name);
		return false;
	}
	return true;
}

/* GET /api/v1/meetings?body=&from=&to= */
static void meetings_list(struct request *req, struct response *res)
{
	const struct structure *s = web_structure(req);
	int64_t body_id = 0;
	const char *bv = req_query(req, "body");
	if (bv && *bv) {
		body_id = api_id_of(s, REF_BODY, bv);
		if (!body_id && bv[0] >= '1' && bv[0] <= '9') {
			int64_t id = 0;
			if (api_query_id(req, res, "body", &id) != 0)
				return;
			body_id = structure_body(s, id) ? id : 0;
		}
		if (!body_id) {
			api_error(res, 400, "bad_parameter",
				  "Forummet «%s» i parameteren «body» findes ikke",
				  bv);
			return;
		}
	}
	int from, to;
	if (!query_date(req, res, "from", &from) ||
	    !query_date(req, res, "to", &to))
		return;
	struct meeting *ms = NULL;
	size_t n = 0;
	struct err err = { 0 };
	if (store_meeting_list(req->app->store, req->arena, body_id, from, to,
			       &ms, &n, &err) != 0) {
		api_store_failed(res, &err, MEETING_NOT_FOUND, false);
		return;
	}
	req->no_cache = true;
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		struct meeting v;
		if (view_of(req, &ms[i], &v))
			json_array_append_new(arr, meeting_json(req, &v, false));
	}
	api_send(res, 200, arr);
}

/* GET /api/v1/meetings/:id */
static void meeting_get(struct request *req, struct response *res)
{
	struct meeting m, v;
	if (!load_meeting(req, res, req_param_id(req, 0), &m))
		return;
	view_of(req, &m, &v);
	api_etag(res, v.revision);
	api_send(res, 200, meeting_json(req, &v, true));
}

/*
 * Reads, validates, authorizes and saves a meeting: m is a new one
 * (id 0) or a copy of the stored `old`. Sends the answer.
 */
static void meeting_write(struct request *req, struct response *res,
			  struct meeting *m, const struct meeting *old)
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
	meeting_parse(&in, m);
	json_decref(body);
	if (in.bad) {
		api_in_fail(&in, NULL, res);
		return;
	}
	if (old && m->body_id != old->body_id)
		field_errors_add(req->arena, &in.fields, "body",
				 "Et møde kan ikke flyttes til et andet forum; "
				 "aflys det, og opret et nyt");
	struct field_errors ve = { 0 };
	meeting_validate(req->arena, m, &ve);
	if (api_in_fail(&in, &ve, res))
		return;
	if (old) {
		if (!web_authorize_meeting(req, res, old, NULL, WEB_MEETING_EDIT))
			return;
	} else if (!web_may_meeting(req, m, NULL, WEB_MEETING_EDIT)) {
		refuse(req, res);
		return;
	}
	if (!old) {
		const struct body *b = structure_body(web_structure_full(req),
						      m->body_id);
		m->tasks = meeting_tasks_generate(req->arena,
						  b ? b->kind : BODY_NONE,
						  m->date, &m->n_tasks);
	}
	m->revision = rev;
	struct err err = { 0 };
	if (store_meeting_save(req->app->store, m, &err) != 0) {
		api_store_failed(res, &err, MEETING_NOT_FOUND, from_header);
		return;
	}
	if (!old)
		res_header(res, "Location", arena_printf(req->arena,
			   "/api/v1/meetings/%lld", (long long)m->id));
	send_meeting(req, res, m->id, old ? 200 : 201, NULL);
}

/* POST /api/v1/meetings */
static void meeting_create(struct request *req, struct response *res)
{
	struct meeting *m = arena_alloc(req->arena, sizeof(*m));
	m->title = m->place = m->online_url = "";
	m->kind = MEETING_ORDINARY;
	m->state = MEETING_PLANNED;
	m->start_min = m->end_min = -1;
	meeting_write(req, res, m, NULL);
}

/* PUT /api/v1/meetings/:id */
static void meeting_update(struct request *req, struct response *res)
{
	struct meeting *old = arena_alloc(req->arena, sizeof(*old));
	if (!load_meeting(req, res, req_param_id(req, 0), old))
		return;
	struct meeting *m = arena_alloc(req->arena, sizeof(*m));
	*m = *old;
	meeting_write(req, res, m, old);
}

/* DELETE /api/v1/meetings/:id */
static void meeting_delete(struct request *req, struct response *res)
{
	struct meeting m;
	if (!load_meeting(req, res, req_param_id(req, 0), &m))
		return;
	int64_t rev = 0;
	bool from_header = false;
	if (!api_write_revision(req, res, NULL, &rev, &from_header) ||
	    !web_authorize_meeting(req, res, &m, NULL, WEB_MEETING_EDIT))
		return;
	struct err err = { 0 };
	if (store_meeting_delete(req->app->store, m.id, rev, &err) != 0) {
		api_store_failed(res, &err, MEETING_NOT_FOUND, from_header);
		return;
	}
	res->status = 204;
	res->content_type = "application/json; charset=utf-8";
	buf_reset(&res->body);
}

/* POST /api/v1/meetings/:id/state {"state": "...", "revision": n} */
static void meeting_state(struct request *req, struct response *res)
{
	struct meeting m;
	if (!load_meeting(req, res, req_param_id(req, 0), &m))
		return;
	json_t *body = api_in_body(req, res);
	if (!body)
		return;
	int64_t rev = 0;
	bool from_header = false;
	if (!api_write_revision(req, res, body, &rev, &from_header)) {
		json_decref(body);
		return;
	}
	static const char *const fields[] = { "state", "revision", NULL };
	struct api_in in;
	api_in_init(&in, req->arena, web_structure(req), body);
	api_in_allow(&in, fields);
	enum meeting_state to = MEETING_STATE_NONE;
	API_IN_ENUM(&in, "state", meeting_state, to);
	json_decref(body);
	if (!in.bad && !to && !in.fields.n)
		field_errors_add(req->arena, &in.fields, "state",
				 "Den nye status skal angives");
	if (api_in_fail(&in, NULL, res))
		return;
	bool approval = to == MEETING_AGENDA_APPROVED ||
			to == MEETING_MINUTES_APPROVED;
	if (!web_authorize_meeting(req, res, &m, NULL, approval ?
				   WEB_MEETING_APPROVE : WEB_MEETING_EDIT))
		return;
	if (!meeting_transition_allowed(m.state, to)) {
		api_error(res, 422, "transition_not_allowed",
			  "Mødet kan ikke gå fra «%s» til «%s»",
			  meeting_state_label(m.state), meeting_state_label(to));
		return;
	}
	const char *why = meeting_transition_problem_on(&m, to, date_today());
	if (why) {
		api_error(res, 422, "transition_problem", "%s", why);
		return;
	}
	struct err err = { 0 };
	if (store_meeting_set_state(req->app->store, m.id, to, rev, &err) != 0) {
		api_store_failed(res, &err, MEETING_NOT_FOUND, from_header);
		return;
	}
	/* The notice; its failure is a warning: the state change stands. */
	json_t *mail = json_object();
	enum mail_kind kind = mail_kind_for_state(to);
	size_t sent = 0;
	struct meeting now;
	struct err merr = { 0 };
	const char *warning = NULL;
	if (kind && mail_enabled()) {
		if (store_meeting_get(req->app->store, req->arena, m.id, &now,
				      &merr) != 0)
			now = m, now.state = to;
		if (mail_meeting_notify(req->arena, web_structure_full(req), &now,
					kind, &sent, &merr) != 0)
			warning = merr.msg[0] ? merr.msg :
				  "E-mail kunne ikke sendes";
	}
	json_object_set_new(mail, "enabled", json_boolean(mail_enabled()));
	json_object_set_new(mail, "sent", json_integer((json_int_t)sent));
	json_object_set_new(mail, "warning", warning ? json_string(warning) :
			    json_null());
	send_meeting(req, res, m.id, 200, json_pack("{s:o}", "mail", mail));
}

/* ---- items -------------------------------------------------------------- */

static void item_parse(struct api_in *in, struct agenda_item *it)
{
	static const char *const fields[] = { "id", "meeting_id", "number",
		"title", "case_number", "kind", "kind_label", "closed",
		"psychiatry", "handler_person_id", "handler_person", "summary",
		"presentation", "recommended_by", "resolutions", "dissent",
		"guests", "decision", "outcome", "outcome_label", "attachments",
		"created", "modified", "revision", NULL };
	api_in_allow(in, fields);
	json_t *mid = json_object_get(in->obj, "meeting_id");
	if (mid && !json_is_null(mid) && (!json_is_integer(mid) ||
	    (int64_t)json_integer_value(mid) != it->meeting_id))
		field_errors_add(in->arena, &in->fields, "meeting_id",
				 "Et punkt kan ikke flyttes til et andet møde");
	api_in_int(in, "number", &it->number);
	api_in_text(in, "title", &it->title);
	const char *cn;
	if (api_in_text(in, "case_number", &cn)) {
		char norm[72];
		const char *why = NULL;
		if (meeting_case_number_parse(cn, norm, sizeof(norm), &why) != 0)
			field_errors_add(in->arena, &in->fields, "case_number",
					 "%s", why ? why : "Ugyldigt sagsnummer");
		else
			it->case_number = arena_strdup(in->arena, norm);
	}
	API_IN_ENUM(in, "kind", item_kind, it->kind);
	api_in_bool(in, "closed", &it->closed);
	api_in_bool(in, "psychiatry", &it->psychiatry);
	api_in_ref(in, "handler_person", REF_PERSON, &it->handler_person_id);
	api_in_text(in, "summary", &it->summary);
	api_in_text(in, "presentation", &it->presentation);
	api_in_text(in, "recommended_by", &it->recommended_by);
	api_in_text(in, "resolutions", &it->resolutions);
	api_in_text(in, "dissent", &it->dissent);
	api_in_text(in, "guests", &it->guests);
	api_in_text(in, "decision", &it->decision);
	API_IN_ENUM(in, "outcome", item_outcome, it->outcome);
}

static void item_validate(struct arena *a, const struct agenda_item *it,
			  struct field_errors *e)
{
	if (!*it->title)
		field_errors_add(a, e, "title", "Punktets titel skal angives");
	else if (strlen(it->title) > TEXT_MAX)
		field_errors_add(a, e, "title", "Titlen må højst være %d tegn",
				 TEXT_MAX);
	if (!it->kind)
		field_errors_add(a, e, "kind", "Punktets type skal angives");
	if (it->number < 0)
		field_errors_add(a, e, "number", "Nummeret skal være positivt");
}

/* Does the charter in force on the meeting's date put psychiatry items
 * first? */
static bool psychiatry_first(struct request *req, const struct meeting *m)
{
	bool approved;
	const struct charter *c = charter_in_force(web_structure_full(req),
						   m->body_id, m->date,
						   &approved);
	return c && c->psychiatry_first;
}

static int by_number(const void *x, const void *y)
{
	const struct agenda_item *a = x, *b = y;
	return (a->number > b->number) - (a->number < b->number);
}

/* After an item was added: the agenda put into the charter's order
 * (psychiatry first, "eventuelt" last), keeping the rest as it was. */
static void fix_order(struct request *req, int64_t meeting_id)
{
	struct meeting m;
	struct err err = { 0 };
	if (store_meeting_get(req->app->store, req->arena, meeting_id, &m,
			      &err) != 0 || m.n_items < 2)
		return;
	struct agenda_item *copy = arena_array(req->arena, m.n_items,
					       sizeof(*copy));
	memcpy(copy, m.items, m.n_items * sizeof(*copy));
	meeting_order_fix(copy, m.n_items, psychiatry_first(req, &m));
	qsort(copy, m.n_items, sizeof(*copy), by_number);
	bool changed = false;
	int64_t *ids = arena_array(req->arena, m.n_items, sizeof(*ids));
	for (size_t i = 0; i < m.n_items; i++) {
		ids[i] = copy[i].id;
		changed |= ids[i] != m.items[i].id;
	}
	if (changed)
		store_items_reorder(req->app->store, meeting_id, ids, m.n_items,
				    &err);
}

static void send_item(struct request *req, struct response *res,
		      int64_t meeting_id, int64_t item_id, int status)
{
	struct meeting m, v;
	struct err err = { 0 };
	struct agenda_item *it;
	if (store_meeting_get(req->app->store, req->arena, meeting_id, &m,
			      &err) != 0 || !view_of(req, &m, &v) ||
	    !(it = item_in(&v, item_id))) {
		api_send(res, status, json_pack("{s:I}", "id",
						(json_int_t)item_id));
		return;
	}
	api_etag(res, it->revision);
	api_send(res, status, item_json(req, it));
}

static void agenda_locked(struct response *res)
{
	api_error(res, 409, "agenda_locked",
		  "Dagsordenen kan ikke ændres, når mødet er afholdt eller "
		  "aflyst");
}

/* GET /api/v1/meetings/:id/items */
static void items_list(struct request *req, struct response *res)
{
	struct meeting m, v;
	if (!load_meeting(req, res, req_param_id(req, 0), &m))
		return;
	view_of(req, &m, &v);
	json_t *arr = json_array();
	for (size_t i = 0; i < v.n_items; i++)
		json_array_append_new(arr, item_json(req, &v.items[i]));
	api_send(res, 200, arr);
}

/* POST /api/v1/meetings/:id/items */
static void item_create(struct request *req, struct response *res)
{
	struct meeting m;
	if (!load_meeting(req, res, req_param_id(req, 0), &m))
		return;
	json_t *body = api_in_body(req, res);
	if (!body)
		return;
	if (!api_check_body_id(res, body, 0)) {
		json_decref(body);
		return;
	}
	struct agenda_item *it = arena_alloc(req->arena, sizeof(*it));
	it->meeting_id = m.id;
	it->title = it->case_number = it->summary = it->presentation = "";
	it->recommended_by = it->resolutions = it->dissent = it->guests = "";
	it->decision = "";
	it->kind = ITEM_DISCUSSION;
	struct api_in in;
	api_in_init(&in, req->arena, web_structure(req), body);
	item_parse(&in, it);
	json_decref(body);
	if (in.bad) {
		api_in_fail(&in, NULL, res);
		return;
	}
	struct field_errors ve = { 0 };
	item_validate(req->arena, it, &ve);
	if (api_in_fail(&in, &ve, res))
		return;
	if (!web_authorize_meeting(req, res, &m, NULL, WEB_MEETING_EDIT))
		return;
	if (!meeting_agenda_editable(m.state)) {
		agenda_locked(res);
		return;
	}
	if (it->number > (int)m.n_items)
		it->number = 0;
	struct err err = { 0 };
	if (store_item_save(req->app->store, it, &err) != 0) {
		api_store_failed(res, &err, MEETING_NOT_FOUND, false);
		return;
	}
	fix_order(req, m.id);
	res_header(res, "Location", arena_printf(req->arena,
		   "/api/v1/items/%lld", (long long)it->id));
	send_item(req, res, m.id, it->id, 201);
}

/* GET /api/v1/items/:id */
static void item_get(struct request *req, struct response *res)
{
	struct meeting m, v;
	struct agenda_item *it;
	if (!load_item(req, res, req_param_id(req, 0), &m, &it))
		return;
	view_of(req, &m, &v);
	struct agenda_item *vi = item_in(&v, it->id);
	if (!vi) {
		api_error(res, 404, "not_found", ITEM_NOT_FOUND);
		return;
	}
	api_etag(res, vi->revision);
	api_send(res, 200, item_json(req, vi));
}

/* PUT /api/v1/items/:id */
static void item_update(struct request *req, struct response *res)
{
	struct meeting m;
	struct agenda_item *old;
	if (!load_item(req, res, req_param_id(req, 0), &m, &old))
		return;
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
	struct agenda_item *it = arena_alloc(req->arena, sizeof(*it));
	*it = *old;
	struct api_in in;
	api_in_init(&in, req->arena, web_structure(req), body);
	item_parse(&in, it);
	json_decref(body);
	if (in.bad) {
		api_in_fail(&in, NULL, res);
		return;
	}
	if (it->number != old->number)
		field_errors_add(req->arena, &in.fields, "number",
				 "Rækkefølgen ændres med PUT "
				 "/api/v1/meetings/%lld/order", (long long)m.id);
	if (it->outcome != old->outcome ||
	    strcmp(it->decision, old->decision) != 0)
		field_errors_add(req->arena, &in.fields,
				 it->outcome != old->outcome ? "outcome" :
				 "decision", "Beslutningen registreres med PUT "
				 "/api/v1/items/%lld/decision", (long long)it->id);
	struct field_errors ve = { 0 };
	item_validate(req->arena, it, &ve);
	if (api_in_fail(&in, &ve, res))
		return;
	if (!web_authorize_meeting(req, res, &m, old, WEB_MEETING_ITEM_EDIT))
		return;
	/* A case handler writes the texts; the rest is the secretariat's. */
	if (!web_may_meeting(req, &m, NULL, WEB_MEETING_EDIT) &&
	    (it->closed != old->closed ||
	     it->handler_person_id != old->handler_person_id)) {
		api_error(res, 403, "forbidden", "Som sagsbehandler kan du "
			  "ikke ændre, om punktet er lukket, eller hvem der "
			  "er sagsbehandler");
		return;
	}
	if (!meeting_agenda_editable(m.state)) {
		agenda_locked(res);
		return;
	}
	it->revision = rev;
	struct err err = { 0 };
	if (store_item_save(req->app->store, it, &err) != 0) {
		api_store_failed(res, &err, ITEM_NOT_FOUND, from_header);
		return;
	}
	send_item(req, res, m.id, it->id, 200);
}

/* DELETE /api/v1/items/:id */
static void item_delete(struct request *req, struct response *res)
{
	struct meeting m;
	struct agenda_item *it;
	if (!load_item(req, res, req_param_id(req, 0), &m, &it))
		return;
	int64_t rev = 0;
	bool from_header = false;
	if (!api_write_revision(req, res, NULL, &rev, &from_header) ||
	    !web_authorize_meeting(req, res, &m, NULL, WEB_MEETING_EDIT))
		return;
	if (!meeting_agenda_editable(m.state)) {
		agenda_locked(res);
		return;
	}
	struct err err = { 0 };
	if (store_item_delete(req->app->store, it->id, rev, &err) != 0) {
		api_store_failed(res, &err, ITEM_NOT_FOUND, from_header);
		return;
	}
	res->status = 204;
	res->content_type = "application/json; charset=utf-8";
	buf_reset(&res->body);
}

/* PUT /api/v1/items/:id/decision {"outcome", "decision", "dissent"} */
static void item_decision(struct request *req, struct response *res)
{
	struct meeting m;
	struct agenda_item *old;
	if (!load_item(req, res, req_param_id(req, 0), &m, &old))
		return;
	json_t *body = api_in_body(req, res);
	if (!body)
		return;
	int64_t rev = 0;
	bool from_header = false;
	if (!api_write_revision(req, res, body, &rev, &from_header)) {
		json_decref(body);
		return;
	}
	static const char *const fields[] = { "outcome", "decision", "dissent",
		"revision", NULL };
	struct agenda_item *it = arena_alloc(req->arena, sizeof(*it));
	*it = *old;
	struct api_in in;
	api_in_init(&in, req->arena, web_structure(req), body);
	api_in_allow(&in, fields);
	API_IN_ENUM(&in, "outcome", item_outcome, it->outcome);
	api_in_text(&in, "decision", &it->decision);
	api_in_text(&in, "dissent", &it->dissent);
	json_decref(body);
	if (!in.bad && !it->outcome && !in.fields.n)
		field_errors_add(req->arena, &in.fields, "outcome",
				 "Udfaldet skal angives");
	if (api_in_fail(&in, NULL, res))
		return;
	if (!web_authorize_meeting(req, res, &m, NULL, WEB_MEETING_EDIT))
		return;
	if (!meeting_minutes_editable(m.state)) {
		api_error(res, 409, "minutes_locked",
			  "Beslutninger kan kun registreres, når dagsordenen er "
			  "udsendt, eller mødet er afholdt (mødet er «%s»)",
			  meeting_state_label(m.state));
		return;
	}
	const char *why = meeting_decision_problem(req->arena,
						   web_structure_full(req), &m,
						   it);
	if (why) {
		api_error(res, 422, "inquorate", "%s", why);
		return;
	}
	it->revision = rev;
	struct err err = { 0 };
	if (store_item_save(req->app->store, it, &err) != 0) {
		api_store_failed(res, &err, ITEM_NOT_FOUND, from_header);
		return;
	}
	send_item(req, res, m.id, it->id, 200);
}

/* PUT /api/v1/meetings/:id/order {"items": [ids in the new order]} */
static void items_order(struct request *req, struct response *res)
{
	struct meeting m;
	if (!load_meeting(req, res, req_param_id(req, 0), &m))
		return;
	json_t *body = api_in_body(req, res);
	if (!body)
		return;
	json_t *list = json_object_get(body, "items");
	const char *k;
	json_t *val;
	json_object_foreach(body, k, val) {
		if (strcmp(k, "items") != 0 && strcmp(k, "revision") != 0) {
			json_decref(body);
			api_error(res, 400, "unknown_field", "ukendt felt «%s»", k);
			return;
		}
	}
	if (!json_is_array(list)) {
		json_decref(body);
		api_error(res, 400, "bad_type", "feltet «items» skal være en "
			  "liste af punkternes id'er");
		return;
	}
	size_t n = json_array_size(list);
	int64_t *ids = arena_array(req->arena, n ? n : 1, sizeof(*ids));
	for (size_t i = 0; i < n; i++) {
		json_t *e = json_array_get(list, i);
		if (!json_is_integer(e)) {
			json_decref(body);
			api_error(res, 400, "bad_type", "«items[%zu]» skal være "
				  "et punkts id", i);
			return;
		}
		ids[i] = (int64_t)json_integer_value(e);
	}
	json_decref(body);
	/* Exactly the meeting's items, each once. */
	bool ok = n == m.n_items;
	struct agenda_item *items = arena_array(req->arena, n ? n : 1,
						sizeof(*items));
	for (size_t i = 0; ok && i < n; i++) {
		const struct agenda_item *it = item_in(&m, ids[i]);
		for (size_t j = 0; it && j < i; j++)
			if (ids[j] == ids[i])
				it = NULL;
		if (!it) {
			ok = false;
			break;
		}
		items[i] = *it;
		items[i].number = (int)i + 1;
	}
	if (!ok) {
		json_t *f = json_pack("{s:s}", "items", "Listen skal indeholde "
				      "hvert af mødets punkter netop én gang");
		api_send(res, 422, json_pack("{s:{s:s, s:s, s:o}}", "error",
			 "code", "validation", "message",
			 "Rækkefølgen kan ikke gemmes: listen skal indeholde "
			 "hvert af mødets punkter netop én gang", "fields", f));
		return;
	}
	if (!web_authorize_meeting(req, res, &m, NULL, WEB_MEETING_EDIT))
		return;
	if (!meeting_agenda_editable(m.state)) {
		agenda_locked(res);
		return;
	}
	struct violations v = { 0 };
	rules_check_order(req->arena, items, n, psychiatry_first(req, &m), &v);
	if (v.n) {
		json_t *vs = json_array();
		for (size_t i = 0; i < v.n; i++)
			json_array_append_new(vs, json_pack("{s:s, s:s}",
				"code", v.items[i].code, "message",
				v.items[i].message));
		api_send(res, 422, json_pack("{s:{s:s, s:s, s:o}}", "error",
			 "code", "order", "message", v.items[0].message,
			 "violations", vs));
		return;
	}
	struct err err = { 0 };
	if (store_items_reorder(req->app->store, m.id, ids, n, &err) != 0) {
		api_store_failed(res, &err, MEETING_NOT_FOUND, false);
		return;
	}
	struct meeting now, view;
	if (store_meeting_get(req->app->store, req->arena, m.id, &now,
			      &err) != 0 || !view_of(req, &now, &view)) {
		api_send(res, 200, json_array());
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < view.n_items; i++)
		json_array_append_new(arr, item_json(req, &view.items[i]));
	api_send(res, 200, arr);
}

/* ---- attendance and quorum ------------------------------------------------ */

static const struct attendance *attendance_of(const struct meeting *m,
					      int64_t membership_id)
{
	for (size_t i = 0; i < m->n_attendance; i++)
		if (m->attendance[i].membership_id == membership_id)
			return &m->attendance[i];
	return NULL;
}

static json_t *quorum_json(struct request *req, const struct meeting *m)
{
	enum quorum_rule rule = QUORUM_RULE_NONE;
	struct quorum_result qr;
	memset(&qr, 0, sizeof(qr));
	meeting_quorum(web_structure_full(req), m, &rule, &qr);
	json_t *sectors = json_array();
	for (int s = 1; s < SECTOR__COUNT; s++) {
		const struct quorum_sector *q = &qr.sectors[s];
		if (!q->members)
			continue;
		json_array_append_new(sectors, json_pack(
			"{s:s, s:s, s:i, s:i, s:i, s:b}",
			"sector", sector_code((enum sector)s),
			"label", sector_label((enum sector)s),
			"members", q->members, "present", q->present,
			"needed", q->needed, "ok", q->ok));
	}
	json_t *o = json_object();
	json_object_set_new(o, "meeting_id", api_id(m->id));
	json_object_set_new(o, "rule", api_code(quorum_rule_code(rule)));
	json_object_set_new(o, "quorate", json_boolean(qr.quorate));
	json_object_set_new(o, "sectors", sectors);
	return o;
}

/* The members expected on the meeting's date, with what was recorded. */
static json_t *attendance_json(struct request *req, const struct meeting *m)
{
	const struct structure *s = web_structure_full(req);
	json_t *list = json_array();
	for (size_t i = 0; i < s->n_memberships; i++) {
		const struct membership *ms = &s->memberships[i];
		const struct attendance *at = attendance_of(m, ms->id);
		if (ms->body_id != m->body_id ||
		    (!membership_active(ms, m->date) && !at))
			continue;
		const struct person *p = structure_person(s, ms->person_id);
		json_t *o = json_object();
		json_object_set_new(o, "membership_id", api_id(ms->id));
		json_object_set_new(o, "person_id", api_id(ms->person_id));
		json_object_set_new(o, "person_name", api_text(p ? p->name : ""));
		json_object_set_new(o, "role", api_code(role_code(ms->role)));
		json_object_set_new(o, "status", at ? api_code(
			attendance_status_code(at->status)) : json_null());
		json_object_set_new(o, "note", api_text(at ? at->note : ""));
		json_array_append_new(list, o);
	}
	json_t *o = json_object();
	json_object_set_new(o, "meeting_id", api_id(m->id));
	json_object_set_new(o, "date", api_date(m->date));
	json_object_set_new(o, "members", list);
	json_object_set_new(o, "quorum", quorum_json(req, m));
	return o;
}

/* GET /api/v1/meetings/:id/attendance */
static void attendance_get(struct request *req, struct response *res)
{
	struct meeting m;
	if (!load_meeting(req, res, req_param_id(req, 0), &m) ||
	    !web_authorize_meeting(req, res, &m, NULL, WEB_MEETING_FULL))
		return;
	api_send(res, 200, attendance_json(req, &m));
}

/* PUT /api/v1/meetings/:id/attendance
 * {"attendance": [{"membership_id", "status", "note"}]} */
static void attendance_put(struct request *req, struct response *res)
{
	struct meeting m;
	if (!load_meeting(req, res, req_param_id(req, 0), &m))
		return;
	json_t *body = api_in_body(req, res);
	if (!body)
		return;
	static const char *const fields[] = { "attendance", "meeting_id",
		"date", "members", "quorum", NULL };
	static const char *const row_fields[] = { "membership_id", "status",
		"note", "person_id", "person_name", "role", NULL };
	struct api_in in;
	api_in_init(&in, req->arena, web_structure(req), body);
	api_in_allow(&in, fields);
	bool present = false;
	/* GET's "members" may be sent back as it is. */
	const char *field = json_object_get(body, "attendance") ? "attendance"
								 : "members";
	int n = in.bad ? -1 : api_in_array(&in, field, &present);
	const struct structure *s = web_structure_full(req);
	struct attendance *rows = arena_array(req->arena, n > 0 ? (size_t)n : 1,
					      sizeof(*rows));
	for (int i = 0; i < n; i++) {
		struct api_in sub;
		api_in_nested(&in, field, (size_t)i, &sub);
		api_in_allow(&sub, row_fields);
		struct attendance *r = &rows[i];
		r->note = "";
		int64_t mid = 0;
		json_t *idv = json_object_get(sub.obj, "membership_id");
		if (!idv || !json_is_integer(idv)) {
			field_errors_add(req->arena, &sub.fields,
					 arena_printf(req->arena,
						      "%s[%d].membership_id",
						      field, i),
					 "Medlemskabet skal angives");
		} else {
			mid = (int64_t)json_integer_value(idv);
			const struct membership *ms = structure_membership(s,
									   mid);
			if (!ms || ms->body_id != m.body_id ||
			    !membership_active(ms, m.date))
				field_errors_add(req->arena, &sub.fields,
					arena_printf(req->arena,
						     "%s[%d].membership_id", field,
						     i),
					"Medlemskabet med id %lld er ikke et "
					"medlemskab af forummet på mødedagen",
					(long long)mid);
		}
		r->membership_id = mid;
		const char *code = NULL;
		if (api_in_code(&sub, "status", &code) && code && *code) {
			bool ok;
			r->status = attendance_status_from_code(code, &ok);
			if (!ok)
				api_in_bad_code(&sub, "status", code);
		}
		api_in_text(&sub, "note", &r->note);
		api_in_nested_done(&in, &sub);
	}
	json_decref(body);
	if (!in.bad && !present)
		field_errors_add(req->arena, &in.fields, "attendance",
				 "Fremmødet skal angives som en liste");
	if (api_in_fail(&in, NULL, res))
		return;
	if (!web_authorize_meeting(req, res, &m, NULL, WEB_MEETING_EDIT))
		return;
	if (!meeting_minutes_editable(m.state)) {
		api_error(res, 409, "minutes_locked",
			  "Fremmødet kan kun registreres, når dagsordenen er "
			  "udsendt, eller mødet er afholdt (mødet er «%s»)",
			  meeting_state_label(m.state));
		return;
	}
	struct err err = { 0 };
	for (int i = 0; i < n; i++) {
		/* A row GET gave without a status changes nothing. */
		if (!rows[i].status && !attendance_of(&m, rows[i].membership_id))
			continue;
		if (store_attendance_set(req->app->store, m.id,
					 rows[i].membership_id, rows[i].status,
					 rows[i].note, &err) != 0) {
			api_store_failed(res, &err, MEETING_NOT_FOUND, false);
			return;
		}
	}
	struct meeting now;
	if (store_meeting_get(req->app->store, req->arena, m.id, &now,
			      &err) != 0) {
		api_store_failed(res, &err, MEETING_NOT_FOUND, false);
		return;
	}
	api_send(res, 200, attendance_json(req, &now));
}

/* GET /api/v1/meetings/:id/quorum */
static void quorum_get(struct request *req, struct response *res)
{
	struct meeting m;
	if (!load_meeting(req, res, req_param_id(req, 0), &m) ||
	    !web_authorize_meeting(req, res, &m, NULL, WEB_MEETING_FULL))
		return;
	api_send(res, 200, quorum_json(req, &m));
}

const struct route meeting_api_routes[] = {
	{ "GET", "/api/v1/meetings", meetings_list },
	{ "POST", "/api/v1/meetings", meeting_create },
	{ "GET", "/api/v1/meetings/:id", meeting_get },
	{ "PUT", "/api/v1/meetings/:id", meeting_update },
	{ "DELETE", "/api/v1/meetings/:id", meeting_delete },
	{ "POST", "/api/v1/meetings/:id/state", meeting_state },
	{ "GET", "/api/v1/meetings/:id/items", items_list },
	{ "POST", "/api/v1/meetings/:id/items", item_create },
	{ "PUT", "/api/v1/meetings/:id/order", items_order },
	{ "GET", "/api/v1/meetings/:id/attendance", attendance_get },
	{ "PUT", "/api/v1/meetings/:id/attendance", attendance_put },
	{ "GET", "/api/v1/meetings/:id/quorum", quorum_get },
	{ "GET", "/api/v1/items/:id", item_get },
	{ "PUT", "/api/v1/items/:id", item_update },
	{ "DELETE", "/api/v1/items/:id", item_delete },
	{ "PUT", "/api/v1/items/:id/decision", item_decision },
	{ NULL, NULL, NULL },
};
