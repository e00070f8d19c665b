/*
 * oparl.c - /oparl/v1: the public structure as OParl 1.1, read-only.
 *
 * Mapping (GLOSSARY.md):
 *   System        one, at /oparl/v1 (/oparl/v1/system redirects there)
 *   Body          each organisation of kind region: the publishing
 *                 authority (/oparl/v1/body/<organisation id>)
 *   Organization  each body [forum, udvalg, gruppe], formal or not
 *                 (/oparl/v1/organization/<body id>); classification is
 *                 the Danish body kind, subOrganizationOf its parent
 *   Person        each person with at least one membership; status is
 *                 the job title, affiliation the employer's name (not
 *                 an OParl 1.1 field: an extension); no e-mail address,
 *                 no note: those are not public
 *   Membership    each membership; role is the Danish role label,
 *                 votingRight false for substitutes and secretaries.
 *                 onBehalfOf is left out: the appointing organisation
 *                 (PLO, PIU) is not an OParl Organization here.
 *
 * A body, person or membership belongs to the region of its body: the
 * body's region, else its area's, else its parent's, else the first
 * region. A person belongs to the region of their first membership.
 *
 * Timestamps: every object has "created" and "modified" (spec 3-01),
 * the store's (model.h) in OParl's form "2026-11-23T15:04:05+00:00"
 * (spec 2-04). A Body has its region organisation's, an Organization
 * its body's; the System the oldest created and the newest modified of
 * anything stored.
 *
 * Lists are paginated as the spec's chapter "Objektlisten und
 * Paginierung" says (data, pagination, links; ?page=N, ?limit=1..100).
 * The filters created_since, created_until, modified_since and
 * modified_until take a date-time with its zone and select the objects
 * whose time is on or after (_since) or on or before (_until) it; they
 * are kept in the links. A bad value is a 400. Deleted objects are not
 * kept, so a list since a time cannot name those deleted after it
 * (spec 2-08 would want them).
 * Papers are cases (issue 5, below).
 *
 * Meetings (issue 4), always as the public sees them (core
 * access_meeting_view for the public: published meetings only):
 *   Meeting       /oparl/v1/meeting/<id>; listed per Body (its bodies'
 *                 meetings) and per Organization. meetingState is the
 *                 Danish state label, cancelled for cancelled meetings,
 *                 start/end in Copenhagen time with their offset, the
 *                 place as an embedded Location, organization the
 *                 body's Organization; agendaItem embedded in number
 *                 order; invitation the newest public edition of the
 *                 agenda PDF, resultsProtocol of the minutes (there is
 *                 no verbatim protocol).
 *   AgendaItem    /oparl/v1/agendaitem/<id>. A closed item [lukket
 *                 punkt] appears with its number, order and name and
 *                 "public": false, and nothing else: the spec's
 *                 "public" says it was discussed in closed session,
 *                 and the agenda the public reads lists it too. result
 *                 and resolutionText once the minutes are approved.
 *   File          /oparl/v1/file/<token>: attachments of public items
 *                 and the public editions of agendas and minutes.
 *                 accessUrl and downloadUrl are /files/<token> (the
 *                 token is what makes the bytes reachable at all).
 *                 OParl 1.1 knows sha1Checksum and sha512Checksum; the
 *                 store keeps SHA-256, given as the extension
 *                 "sha256Checksum".
 *   Location      /oparl/v1/location/<meeting id>: the meeting's place
 *                 as its description (a place has no identity of its
 *                 own in klynge), for meetings with a place.
 *
 * Casework (issue 5) is public, but the meetings it went through are
 * shown only as the public sees them:
 *   Paper         /oparl/v1/paper/<case id>: a case [sag]; name its
 *                 title, reference its case number, date the day its
 *                 flow started, paperType the flow template's name
 *                 ("Sag" without one), underDirectionOf and
 *                 originatorOrganization the origin body; no mainFile
 *                 (a case has no document of its own). Listed per Body
 *                 (the region of its origin body).
 *   Consultation  /oparl/v1/consultation/<step id>: a step of a case's
 *                 flow treated at a meeting the public can see
 *                 (embedded in its Paper, in flow order); organization
 *                 the step's body, role the Danish action label,
 *                 authoritative when the action is "decide"; agendaItem
 *                 only while the item is public (not closed).
 */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../render/ical.h"
#include "../util/date.h"
#include "api/api.h"
#include "web.h"

#define OPARL_SCHEMA "https://schema.oparl.org/1.1/"
#define OPARL_PER_PAGE 20
#define OPARL_MAX_PER_PAGE 100

/* Query parameters that select or shape a list; kept in its links, in
 * this (canonical) order: the date filters of spec 2-05 (time_params),
 * then these. */
static const char *const time_params[] = { "created_since", "created_until",
	"modified_since", "modified_until" };
static const char *const list_params[] = { "omit_internal", "limit", NULL };

/* ---- output helpers ---------------------------------------------------- */

static void oparl_send(struct response *res, int status, json_t *j)
{
	/* The spec requires CORS for every JSON answer (2-06). */
	res_header(res, "Access-Control-Allow-Origin", "*");
	api_send(res, status, j);
}

/* The spec's error object (2-09), in Danish like the content. */
static void oparl_error(struct response *res, int status, const char *msg,
			const char *debug)
{
	oparl_send(res, status, json_pack("{s:s, s:s, s:s}", "type",
					  OPARL_SCHEMA "Error", "message", msg,
					  "debug", debug));
}

/* An absolute URL under /oparl/v1, e.g. url(req, "/body/%lld", id). */
static const char *url(struct request *req, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static const char *url(struct request *req, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	buf_puts(&b, req->app->base_url);
	buf_puts(&b, "/oparl/v1");
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	char *s = arena_strdup(req->arena, buf_str(&b));
	buf_free(&b);
	return s;
}

static void set_str(json_t *o, const char *k, const char *v)
{
	json_object_set_new(o, k, json_string(v));
}

/* ---- timestamps -------------------------------------------------------- */

/* A stored timestamp as seconds since 1970 UTC; false when unknown. */
static bool stamp_time(const char *ts, int64_t *t)
{
	return ts && *ts && datetime_parse(ts, t) == 0;
}

/* o[k] = a point in time in OParl's form; left out when unknown (only
 * for a structure that did not come from the store). */
static void set_time(json_t *o, const char *k, int64_t t)
{
	char s[32];
	datetime_format(t, s, sizeof(s));
	set_str(o, k, s);
}

static void set_times(json_t *o, const char *created, const char *modified)
{
	int64_t t;
	if (stamp_time(created, &t))
		set_time(o, "created", t);
	if (stamp_time(modified, &t))
		set_time(o, "modified", t);
}

/* The oldest created and the newest modified of a set of objects. */
struct span {
	int64_t created, modified;
	bool has_created, has_modified;
};

static void span_add(struct span *sp, const char *created,
		     const char *modified)
{
	int64_t t;
	if (stamp_time(created, &t) && (!sp->has_created || t < sp->created)) {
		sp->created = t;
		sp->has_created = true;
	}
	if (stamp_time(modified, &t) &&
	    (!sp->has_modified || t > sp->modified)) {
		sp->modified = t;
		sp->has_modified = true;
	}
}

/* Everything the store keeps, for the System's timestamps. */
static struct span structure_span(const struct structure *s)
{
	struct span sp = { 0 };
#define SPAN_OF(arr, n)                                                     \
	for (size_t i = 0; i < s->n; i++)                                   \
		span_add(&sp, s->arr[i].created, s->arr[i].modified);
	SPAN_OF(orgs, n_orgs)
	SPAN_OF(areas, n_areas)
	SPAN_OF(bodies, n_bodies)
	SPAN_OF(charters, n_charters)
	SPAN_OF(people, n_people)
	SPAN_OF(memberships, n_memberships)
	SPAN_OF(rotations, n_rotations)
#undef SPAN_OF
	return sp;
}

/* Optional text: left out when empty (spec 2-04: no "" for optional). */
static void set_opt(json_t *o, const char *k, const char *v)
{
	if (v && *v)
		json_object_set_new(o, k, json_string(v));
}

/* ---- who belongs where ------------------------------------------------- */

static bool is_region(const struct organisation *o)
{
	return o && o->kind == ORG_REGION;
}

static int64_t first_region(const struct structure *s)
{
	for (size_t i = 0; i < s->n_orgs; i++)
		if (is_region(&s->orgs[i]))
			return s->orgs[i].id;
	return 0;
}

/* The region organisation a body belongs to (see the top comment). */
static int64_t body_region(const struct structure *s, const struct body *b)
{
	/* Bounded: a parent cycle in bad data must not hang a request. */
	for (int depth = 0; b && depth < 64; depth++) {
		if (is_region(structure_org(s, b->region_id)))
			return b->region_id;
		const struct area *a = structure_area(s, b->area_id);
		if (a && is_region(structure_org(s, a->region_id)))
			return a->region_id;
		b = structure_body(s, b->parent_id);
	}
	return first_region(s);
}

/* The region of a published person, or 0 when not published (no
 * membership in any body). */
static int64_t person_region(const struct structure *s, int64_t person_id)
{
	for (size_t i = 0; i < s->n_memberships; i++) {
		const struct membership *m = &s->memberships[i];
		if (m->person_id != person_id)
			continue;
		const struct body *b = structure_body(s, m->body_id);
		if (b)
			return body_region(s, b);
	}
	return 0;
}

/* ---- objects ----------------------------------------------------------- */

static json_t *system_json(struct request *req)
{
	struct span sp = structure_span(web_structure(req));
	json_t *o = json_object();
	set_str(o, "id", url(req, "%s", ""));
	set_str(o, "type", OPARL_SCHEMA "System");
	set_str(o, "oparlVersion", OPARL_SCHEMA);
	set_str(o, "body", url(req, "/bodies"));
	set_str(o, "name", "klynge – tværsektorielt sundhedssamarbejde");
	set_str(o, "web", arena_printf(req->arena, "%s/", req->app->base_url));
	/* An empty store has no time to give. */
	if (sp.has_created)
		set_time(o, "created", sp.created);
	if (sp.has_modified)
		set_time(o, "modified", sp.modified);
	return o;
}

static json_t *body_json(struct request *req, const struct structure *s,
			 const struct organisation *r)
{
	long long id = (long long)r->id;
	json_t *o = json_object();
	set_str(o, "id", url(req, "/body/%lld", id));
	set_str(o, "type", OPARL_SCHEMA "Body");
	set_str(o, "system", url(req, "%s", ""));
	set_opt(o, "shortName", r->short_name);
	set_str(o, "name", r->name);
	set_str(o, "organization", url(req, "/body/%lld/organization", id));
	set_str(o, "person", url(req, "/body/%lld/person", id));
	set_str(o, "meeting", url(req, "/body/%lld/meeting", id));
	set_str(o, "paper", url(req, "/body/%lld/paper", id));
	set_str(o, "membership", url(req, "/body/%lld/membership", id));
	/* Required; the structure has no election periods yet. */
	json_object_set_new(o, "legislativeTerm", json_array());
	set_str(o, "classification", org_kind_label(r->kind));
	set_times(o, r->created, r->modified);
	return o;
}

static json_t *organization_json(struct request *req,
				 const struct structure *s,
				 const struct body *b)
{
	json_t *o = json_object();
	set_str(o, "id", url(req, "/organization/%lld", (long long)b->id));
	set_str(o, "type", OPARL_SCHEMA "Organization");
	set_str(o, "body", url(req, "/body/%lld",
			       (long long)body_region(s, b)));
	set_str(o, "name", b->name);
	set_opt(o, "shortName", b->short_name);
	json_t *ms = json_array();
	for (size_t i = 0; i < s->n_memberships; i++)
		if (s->memberships[i].body_id == b->id)
			json_array_append_new(ms, json_string(url(req,
				"/membership/%lld",
				(long long)s->memberships[i].id)));
	if (json_array_size(ms))
		json_object_set_new(o, "membership", ms);
	else
		json_decref(ms);
	if (structure_body(s, b->parent_id))
		set_str(o, "subOrganizationOf", url(req, "/organization/%lld",
						    (long long)b->parent_id));
	set_str(o, "meeting", url(req, "/organization/%lld/meeting",
				  (long long)b->id));
	set_str(o, "organizationType", "Gremium");
	set_opt(o, "classification", body_kind_label(b->kind));
	set_str(o, "web", arena_printf(req->arena, "%s/bodies/%lld",
				       req->app->base_url, (long long)b->id));
	set_times(o, b->created, b->modified);
	return o;
}

static json_t *membership_json(struct request *req, const struct membership *m)
{
	char d[16];
	json_t *o = json_object();
	set_str(o, "id", url(req, "/membership/%lld", (long long)m->id));
	set_str(o, "type", OPARL_SCHEMA "Membership");
	set_str(o, "person", url(req, "/person/%lld", (long long)m->person_id));
	set_str(o, "organization", url(req, "/organization/%lld",
				       (long long)m->body_id));
	set_opt(o, "role", role_label(m->role));
	/* Substitutes vote only in a member's absence; secretaries never. */
	json_object_set_new(o, "votingRight",
			    json_boolean(role_is_ordinary(m->role)));
	if (m->start) {
		date_format(m->start, d, sizeof(d));
		set_str(o, "startDate", d);
	}
	if (m->end) {
		date_format(m->end, d, sizeof(d));
		set_str(o, "endDate", d);
	}
	set_times(o, m->created, m->modified);
	return o;
}

static bool omit_internal(struct request *req)
{
	const char *v = req_query(req, "omit_internal");
	return v && strcmp(v, "true") == 0;
}

static json_t *person_json(struct request *req, const struct structure *s,
			   const struct person *p, int64_t region)
{
	json_t *o = json_object();
	set_str(o, "id", url(req, "/person/%lld", (long long)p->id));
	set_str(o, "type", OPARL_SCHEMA "Person");
	set_str(o, "body", url(req, "/body/%lld", (long long)region));
	set_str(o, "name", p->name);
	if (p->title && *p->title)
		json_object_set_new(o, "status", json_pack("[s]", p->title));
	const struct organisation *emp = structure_org(s, p->organisation_id);
	if (emp)
		set_str(o, "affiliation", emp->name);
	if (!omit_internal(req)) {
		json_t *ms = json_array();
		for (size_t i = 0; i < s->n_memberships; i++)
			if (s->memberships[i].person_id == p->id &&
			    structure_body(s, s->memberships[i].body_id))
				json_array_append_new(ms, membership_json(req,
							&s->memberships[i]));
		json_object_set_new(o, "membership", ms);
	}
	set_times(o, p->created, p->modified);
	return o;
}

/* ---- meetings (issue 4) ------------------------------------------------ */

/* OParl is the public's view, whoever asks. */
static const struct principal oparl_public = { 0 };

/* The meeting as the public sees it; false when they may not. */
static bool public_meeting(struct request *req, const struct meeting *m,
			   struct meeting *v)
{
	return access_meeting_view(req->arena, web_structure_full(req),
				   &oparl_public, m, date_today(), v);
}

/* A civil date and time of day in Copenhagen as OParl's date-time,
 * "2022-06-23T14:00:00+02:00". */
static const char *local_datetime(struct request *req, int date, int minutes)
{
	int off = ical_utc_offset(date, minutes) / 60;
	char sign = off < 0 ? '-' : '+';
	if (off < 0)
		off = -off;
	return arena_printf(req->arena, "%04d-%02d-%02dT%02d:%02d:00%c%02d:%02d",
			    date / 10000, date / 100 % 100, date % 100,
			    minutes / 60, minutes % 60, sign, off / 60,
			    off % 60);
}

static const char *files_url(struct request *req, const char *token)
{
	return arena_printf(req->arena, "%s/files/%s", req->app->base_url,
			    token);
}

static const char *meeting_web(struct request *req, int64_t id)
{
	return arena_printf(req->arena, "%s/meetings/%lld", req->app->base_url,
			    (long long)id);
}

/* The File fields a stored blob has, whatever it is. */
static json_t *file_common(struct request *req, const char *token,
			   const char *name, const char *file_name,
			   const char *media_type, int64_t size,
			   const char *sha256, const char *created)
{
	json_t *o = json_object();
	set_str(o, "id", url(req, "/file/%s", token));
	set_str(o, "type", OPARL_SCHEMA "File");
	set_opt(o, "name", name);
	set_opt(o, "fileName", file_name);
	set_opt(o, "mimeType", media_type);
	/* The day it was stored (File.date is a date). */
	if (created && strlen(created) >= 10)
		set_str(o, "date", arena_strndup(req->arena, created, 10));
	json_object_set_new(o, "size", json_integer((json_int_t)size));
	set_opt(o, "sha256Checksum", sha256);
	set_str(o, "accessUrl", files_url(req, token));
	set_str(o, "downloadUrl", files_url(req, token));
	set_times(o, created, created);
	return o;
}

static json_t *attachment_file_json(struct request *req,
				    const struct agenda_item *it,
				    const struct attachment *at)
{
	json_t *o = file_common(req, at->token, at->filename, at->filename,
				at->media_type, at->size, at->sha256,
				at->created);
	json_object_set_new(o, "meeting", json_pack("[s]", url(req,
		"/meeting/%lld", (long long)it->meeting_id)));
	json_object_set_new(o, "agendaItem", json_pack("[s]", url(req,
		"/agendaitem/%lld", (long long)it->id)));
	return o;
}

static json_t *document_file_json(struct request *req,
				  const struct meeting_document *d)
{
	const char *what = d->kind == DOCUMENT_MINUTES ? "Referat" : "Dagsorden";
	json_t *o = file_common(req, d->token,
		arena_printf(req->arena, "%s (version %d)", what, d->version),
		arena_printf(req->arena, "%s-%lld-v%d.pdf",
			     d->kind == DOCUMENT_MINUTES ? "referat" : "dagsorden",
			     (long long)d->meeting_id, d->version),
		"application/pdf", d->size, d->sha256, d->created);
	json_object_set_new(o, "meeting", json_pack("[s]", url(req,
		"/meeting/%lld", (long long)d->meeting_id)));
	return o;
}

/* The newest public edition of a kind of document, or NULL. */
static const struct meeting_document *newest_public(const struct meeting *v,
						    enum document_kind kind)
{
	const struct meeting_document *best = NULL;
	for (size_t i = 0; i < v->n_documents; i++) {
		const struct meeting_document *d = &v->documents[i];
		if (d->kind == kind && d->public_edition &&
		    (!best || d->version > best->version))
			best = d;
	}
	return best;
}

/* An agenda item of a meeting as the public sees it (v's). */
static json_t *agenda_item_json(struct request *req,
				const struct agenda_item *it)
{
	json_t *o = json_object();
	set_str(o, "id", url(req, "/agendaitem/%lld", (long long)it->id));
	set_str(o, "type", OPARL_SCHEMA "AgendaItem");
	set_str(o, "meeting", url(req, "/meeting/%lld",
				  (long long)it->meeting_id));
	set_str(o, "number", arena_printf(req->arena, "%d", it->number));
	json_object_set_new(o, "order", json_integer(it->number));
	set_opt(o, "name", it->title);
	json_object_set_new(o, "public", json_boolean(!it->closed));
	if (!it->closed) {
		if (it->outcome)
			set_str(o, "result", item_outcome_label(it->outcome));
		set_opt(o, "resolutionText", it->decision);
		if (it->n_attachments) {
			json_t *files = json_array();
			for (size_t i = 0; i < it->n_attachments; i++)
				json_array_append_new(files,
					attachment_file_json(req, it,
							     &it->attachments[i]));
			json_object_set_new(o, "auxiliaryFile", files);
		}
	}
	set_str(o, "web", arena_printf(req->arena, "%s#punkt-%d",
				       meeting_web(req, it->meeting_id),
				       it->number));
	set_times(o, it->created, it->modified);
	return o;
}

static json_t *location_json(struct request *req, const struct meeting *v)
{
	json_t *o = json_object();
	set_str(o, "id", url(req, "/location/%lld", (long long)v->id));
	set_str(o, "type", OPARL_SCHEMA "Location");
	set_str(o, "description", v->place);
	json_object_set_new(o, "meetings", json_pack("[s]", url(req,
		"/meeting/%lld", (long long)v->id)));
	set_times(o, v->created, v->modified);
	return o;
}

/* A meeting (the public's view v) as an OParl Meeting. */
static json_t *meeting_json(struct request *req, const struct structure *s,
			    const struct meeting *v)
{
	json_t *o = json_object();
	set_str(o, "id", url(req, "/meeting/%lld", (long long)v->id));
	set_str(o, "type", OPARL_SCHEMA "Meeting");
	set_str(o, "name", meeting_display_title(req->arena, s, v));
	set_str(o, "meetingState", meeting_state_label(v->state));
	json_object_set_new(o, "cancelled",
			    json_boolean(v->state == MEETING_CANCELLED));
	if (date_valid(v->date)) {
		set_str(o, "start", local_datetime(req, v->date, v->start_min));
		set_str(o, "end", local_datetime(req, v->date, v->end_min));
	}
	if (v->place && *v->place)
		json_object_set_new(o, "location", location_json(req, v));
	if (structure_body(s, v->body_id))
		json_object_set_new(o, "organization", json_pack("[s]",
			url(req, "/organization/%lld", (long long)v->body_id)));
	const struct meeting_document *d = newest_public(v, DOCUMENT_AGENDA);
	if (d)
		json_object_set_new(o, "invitation", document_file_json(req, d));
	d = newest_public(v, DOCUMENT_MINUTES);
	if (d)
		json_object_set_new(o, "resultsProtocol",
				    document_file_json(req, d));
	json_t *items = json_array();
	for (size_t i = 0; i < v->n_items; i++)
		json_array_append_new(items, agenda_item_json(req, &v->items[i]));
	json_object_set_new(o, "agendaItem", items);
	set_str(o, "web", meeting_web(req, v->id));
	set_times(o, v->created, v->modified);
	return o;
}

/* ---- lists ------------------------------------------------------------ */

/* Appends "k=v" to a query string, %-encoding v. */
static void query_add(struct buf *b, const char *k, const char *v)
{
	static const char hex[] = "0123456789ABCDEF";
	buf_putc(b, b->len ? '&' : '?');
	buf_puts(b, k);
	buf_putc(b, '=');
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~", *p)) {
			buf_putc(b, (char)*p);
		} else {
			buf_putc(b, '%');
			buf_putc(b, hex[*p >> 4]);
			buf_putc(b, hex[*p & 15]);
		}
	}
}

/*
 * A date filter's value as the client meant it: a "+" sent unencoded
 * ("...T00:00:00+01:00") arrives as a space, which is read as the "+"
 * it was. NULL when absent or empty.
 */
static const char *time_param(struct request *req, const char *name)
{
	const char *v = req_query(req, name);
	if (!v || !*v)
		return NULL;
	char *t = arena_strdup(req->arena, v);
	char *sp = strlen(t) > 19 ? strchr(t + 19, ' ') : NULL;
	if (sp)
		*sp = '+';
	return t;
}

/* The URL of page `page` of the list at path, keeping the filters. */
static const char *page_url(struct request *req, const char *path, int page)
{
	struct buf q = BUF_INIT;
	for (size_t i = 0; i < 4; i++) {
		const char *v = time_param(req, time_params[i]);
		if (v)
			query_add(&q, time_params[i], v);
	}
	for (size_t i = 0; list_params[i]; i++) {
		const char *v = req_query(req, list_params[i]);
		if (v && *v)
			query_add(&q, list_params[i], v);
	}
	if (page > 1) {
		char n[16];
		snprintf(n, sizeof(n), "%d", page);
		query_add(&q, "page", n);
	}
	const char *u = url(req, "%s%s", path, buf_str(&q));
	buf_free(&q);
	return u;
}

/* A positive int query parameter no larger than max; def when absent;
 * -1 when malformed. */
static int query_int(struct request *req, const char *name, int def, int max)
{
	const char *v = req_query(req, name);
	if (!v)
		return def;
	int n = 0;
	if (!*v)
		return -1;
	for (const char *p = v; *p; p++) {
		if (*p < '0' || *p > '9' || n > max)
			return -1;
		n = n * 10 + (*p - '0');
	}
	return n >= 1 && n <= max ? n : -1;
}

typedef json_t *(*item_fn)(struct request *req, const struct structure *s,
			   const void *item);
/* An item's timestamps (model.h texts). */
typedef void (*stamps_fn)(const void *item, const char **created,
			  const char **modified);

/* The date filters, in the order of time_params. */
struct time_filter {
	bool has[4];
	int64_t at[4];		/* seconds since 1970 UTC */
};

/*
 * Reads the date filters of the query (time_param; an empty one counts
 * as absent). A value is a date-time with its zone
 * ("2014-01-01T00:00:00+01:00"). Sends a 400 and returns false for
 * anything else.
 */
static bool time_filter_read(struct request *req, struct response *res,
			     struct time_filter *f)
{
	memset(f, 0, sizeof(*f));
	for (int i = 0; i < 4; i++) {
		const char *t = time_param(req, time_params[i]);
		if (!t)
			continue;
		if (datetime_parse(t, &f->at[i]) != 0) {
			oparl_error(res, 400, arena_printf(req->arena,
				"Ugyldig parameter «%s»: angiv dato og klokkeslæt "
				"med tidszone, f.eks. 2014-01-01T00:00:00+01:00",
				time_params[i]), arena_printf(req->arena,
				"%s must be a date-time such as "
				"2014-01-01T00:00:00+01:00", time_params[i]));
			return false;
		}
		f->has[i] = true;
	}
	return true;
}

/* Does an object with these timestamps pass? The bounds are inclusive,
 * so ?modified_since= with the newest modified a client has seen gives
 * that object again rather than miss another changed in the same
 * second. An unknown time passes: more is safe for a client. */
static bool time_filter_keep(const struct time_filter *f, const char *created,
			     const char *modified)
{
	for (int i = 0; i < 4; i++) {
		int64_t t;
		if (!f->has[i] || !stamp_time(i < 2 ? created : modified, &t))
			continue;
		if (i % 2 == 0 ? t < f->at[i] : t > f->at[i])
			return false;
	}
	return true;
}

/*
 * Sends page ?page= of those of the n items (in id order: stable between
 * requests) that pass the date filters, as an OParl list page. Filters
 * items in place.
 */
static void send_list(struct request *req, struct response *res,
		      const struct structure *s, const char *path,
		      const void **items, size_t n, item_fn fn,
		      stamps_fn stamps)
{
	struct time_filter tf;
	if (!time_filter_read(req, res, &tf))
		return;
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		const char *created = NULL, *modified = NULL;
		stamps(items[i], &created, &modified);
		if (time_filter_keep(&tf, created, modified))
			items[kept++] = items[i];
	}
	n = kept;
	int per = query_int(req, "limit", OPARL_PER_PAGE, OPARL_MAX_PER_PAGE);
	if (per < 0) {
		oparl_error(res, 400, "Ugyldig parameter «limit»",
			    "limit must be an integer from 1 to 100");
		return;
	}
	int page = query_int(req, "page", 1, 1000000);
	if (page < 0) {
		oparl_error(res, 400, "Ugyldig parameter «page»",
			    "page must be a positive integer");
		return;
	}
	int pages = n ? (int)((n + (size_t)per - 1) / (size_t)per) : 1;
	if (page > pages) {
		oparl_error(res, 404, "Listesiden findes ikke",
			    "page is beyond the last page");
		return;
	}
	json_t *data = json_array();
	size_t from = (size_t)(page - 1) * (size_t)per;
	for (size_t i = from; i < n && i < from + (size_t)per; i++)
		json_array_append_new(data, fn(req, s, items[i]));
	json_t *links = json_object();
	set_str(links, "first", page_url(req, path, 1));
	if (page > 1)
		set_str(links, "prev", page_url(req, path, page - 1));
	set_str(links, "self", page_url(req, path, page));
	if (page < pages)
		set_str(links, "next", page_url(req, path, page + 1));
	set_str(links, "last", page_url(req, path, pages));
	json_t *o = json_object();
	json_object_set_new(o, "data", data);
	json_object_set_new(o, "pagination", json_pack("{s:I, s:i, s:i, s:i}",
		"totalElements", (json_int_t)n, "elementsPerPage", per,
		"currentPage", page, "totalPages", pages));
	json_object_set_new(o, "links", links);
	oparl_send(res, 200, o);
}

static json_t *body_item(struct request *req, const struct structure *s,
			 const void *item)
{
	return body_json(req, s, item);
}

static json_t *organization_item(struct request *req,
				 const struct structure *s, const void *item)
{
	return organization_json(req, s, item);
}

static json_t *person_item(struct request *req, const struct structure *s,
			   const void *item)
{
	const struct person *p = item;
	return person_json(req, s, p, person_region(s, p->id));
}

static json_t *membership_item(struct request *req, const struct structure *s,
			       const void *item)
{
	return membership_json(req, item);
}

#define STAMPS(name, type)                                                  \
	static void name(const void *item, const char **created,           \
			 const char **modified)                             \
	{                                                                   \
		*created = ((const struct type *)item)->created;            \
		*modified = ((const struct type *)item)->modified;          \
	}
STAMPS(org_stamps, organisation)
STAMPS(body_stamps, body)
STAMPS(person_stamps, person)
STAMPS(membership_stamps, membership)
STAMPS(meeting_stamps, meeting)
#undef STAMPS

static json_t *meeting_item(struct request *req, const struct structure *s,
			    const void *item)
{
	return meeting_json(req, s, item);
}

/* An arena array for up to n list items. */
static const void **items_new(struct request *req, size_t n)
{
	return arena_array(req->arena, n ? n : 1, sizeof(void *));
}

/* ---- handlers --------------------------------------------------------- */

static void oparl_system(struct request *req, struct response *res)
{
	oparl_send(res, 200, system_json(req));
}

/* /oparl/v1/system: the canonical URL is /oparl/v1 (spec 2-03: 301). */
static void oparl_system_alias(struct request *req, struct response *res)
{
	res_header(res, "Location", url(req, "%s", ""));
	oparl_send(res, 301, system_json(req));
}

static void oparl_bodies(struct request *req, struct response *res)
{
	const struct structure *s = web_structure(req);
	const void **items = items_new(req, s->n_orgs);
	size_t n = 0;
	for (size_t i = 0; i < s->n_orgs; i++)
		if (is_region(&s->orgs[i]))
			items[n++] = &s->orgs[i];
	send_list(req, res, s, "/bodies", items, n, body_item, org_stamps);
}

/* The region organisation named by the route's :id, or NULL after a 404. */
static const struct organisation *region_param(struct request *req,
					       struct response *res,
					       const struct structure *s)
{
	const struct organisation *r = structure_org(s, req_param_id(req, 0));
	if (!is_region(r)) {
		oparl_error(res, 404, "Organet findes ikke", "no such body");
		return NULL;
	}
	return r;
}

static void oparl_body(struct request *req, struct response *res)
{
	const struct structure *s = web_structure(req);
	const struct organisation *r = region_param(req, res, s);
	if (r)
		oparl_send(res, 200, body_json(req, s, r));
}

static const char *body_list_path(struct request *req,
				  const struct organisation *r,
				  const char *what)
{
	return arena_printf(req->arena, "/body/%lld/%s", (long long)r->id,
			    what);
}

static void oparl_body_organizations(struct request *req,
				     struct response *res)
{
	const struct structure *s = web_structure(req);
	const struct organisation *r = region_param(req, res, s);
	if (!r)
		return;
	const void **items = items_new(req, s->n_bodies);
	size_t n = 0;
	for (size_t i = 0; i < s->n_bodies; i++)
		if (body_region(s, &s->bodies[i]) == r->id)
			items[n++] = &s->bodies[i];
	send_list(req, res, s, body_list_path(req, r, "organization"), items,
		  n, organization_item, body_stamps);
}

static void oparl_body_people(struct request *req, struct response *res)
{
	const struct structure *s = web_structure(req);
	const struct organisation *r = region_param(req, res, s);
	if (!r)
		return;
	const void **items = items_new(req, s->n_people);
	size_t n = 0;
	for (size_t i = 0; i < s->n_people; i++)
		if (person_region(s, s->people[i].id) == r->id)
			items[n++] = &s->people[i];
	send_list(req, res, s, body_list_path(req, r, "person"), items, n,
		  person_item, person_stamps);
}

static void oparl_body_memberships(struct request *req, struct response *res)
{
	const struct structure *s = web_structure(req);
	const struct organisation *r = region_param(req, res, s);
	if (!r)
		return;
	const void **items = items_new(req, s->n_memberships);
	size_t n = 0;
	for (size_t i = 0; i < s->n_memberships; i++) {
		const struct body *b = structure_body(s,
						      s->memberships[i].body_id);
		if (b && body_region(s, b) == r->id)
			items[n++] = &s->memberships[i];
	}
	send_list(req, res, s, body_list_path(req, r, "membership"), items, n,
		  membership_item, membership_stamps);
}

/*
 * The public meetings of body_id (0: of every body in region r), each
 * the public's view in the arena, for send_list. false after a 500.
 */
static bool public_meetings(struct request *req, struct response *res,
			    const struct structure *s, int64_t body_id,
			    const struct organisation *r, const void ***items,
			    size_t *n)
{
	struct meeting *ms = NULL;
	size_t count = 0;
	struct err err = { 0 };
	if (store_meeting_list(req->app->store, req->arena, body_id, 0, 0, &ms,
			       &count, &err) != 0) {
		oparl_error(res, 500, "Møderne kunne ikke hentes",
			    "storage failure");
		return false;
	}
	*items = items_new(req, count);
	*n = 0;
	for (size_t i = 0; i < count; i++) {
		const struct body *b = structure_body(s, ms[i].body_id);
		if (!b || (r && body_region(s, b) != r->id))
			continue;
		struct meeting *v = arena_alloc(req->arena, sizeof(*v));
		if (public_meeting(req, &ms[i], v))
			(*items)[(*n)++] = v;
	}
	return true;
}

static void oparl_body_meetings(struct request *req, struct response *res)
{
	const struct structure *s = web_structure(req);
	const struct organisation *r = region_param(req, res, s);
	const void **items;
	size_t n;
	if (r && public_meetings(req, res, s, 0, r, &items, &n))
		send_list(req, res, s, body_list_path(req, r, "meeting"),
			  items, n, meeting_item, meeting_stamps);
}

/* ---- casework (issue 5): Paper and Consultation ------------------------ */

/* What the public may see of the meeting treating a step: *meeting_id
 * (0 when the meeting is not visible) and *item_public (the item is in
 * the public's view and not closed). */
static void step_public(struct request *req, const struct case_step *st,
			int64_t *meeting_id, bool *item_public)
{
	*meeting_id = 0;
	*item_public = false;
	int64_t mid = 0;
	struct meeting m, v;
	struct err err = { 0 };
	if (!st->item_id || store_item_meeting(req->app->store, st->item_id,
					       &mid, &err) != 0 ||
	    store_meeting_get(req->app->store, req->arena, mid, &m,
			      &err) != 0 || !public_meeting(req, &m, &v))
		return;
	*meeting_id = mid;
	for (size_t i = 0; i < v.n_items; i++)
		if (v.items[i].id == st->item_id)
			*item_public = !v.items[i].closed;
}

/* A step as an OParl Consultation; NULL when the public cannot see the
 * meeting that treated it (or none did). */
static json_t *consultation_json(struct request *req,
				 const struct structure *s,
				 const struct case_file *c,
				 const struct case_step *st)
{
	int64_t mid;
	bool item_public;
	step_public(req, st, &mid, &item_public);
	if (!mid)
		return NULL;
	json_t *o = json_object();
	set_str(o, "id", url(req, "/consultation/%lld", (long long)st->id));
	set_str(o, "type", OPARL_SCHEMA "Consultation");
	set_str(o, "paper", url(req, "/paper/%lld", (long long)c->id));
	if (item_public)
		set_str(o, "agendaItem", url(req, "/agendaitem/%lld",
					     (long long)st->item_id));
	set_str(o, "meeting", url(req, "/meeting/%lld", (long long)mid));
	if (structure_body(s, st->body_id))
		json_object_set_new(o, "organization", json_pack("[s]",
			url(req, "/organization/%lld", (long long)st->body_id)));
	if (st->action)
		set_str(o, "role", step_action_label(st->action));
	json_object_set_new(o, "authoritative",
			    json_boolean(st->action == STEP_DECIDE));
	set_times(o, c->created, c->modified);
	return o;
}

/* The casework, for the lists and lookups below; false after a 500. */
static bool load_casework(struct request *req, struct response *res,
			  struct casework *cw)
{
	struct err err = { 0 };
	memset(cw, 0, sizeof(*cw));
	if (store_casework_load(req->app->store, req->arena, cw, &err) != 0) {
		oparl_error(res, 500, "Sagerne kunne ikke hentes",
			    "storage failure");
		return false;
	}
	return true;
}

/* The casework of the list being sent (see oparl_body_papers). */
static _Thread_local const struct casework *paper_cw;

static json_t *paper_json(struct request *req, const struct structure *s,
			  const struct casework *cw, const struct case_file *c)
{
	json_t *o = json_object();
	set_str(o, "id", url(req, "/paper/%lld", (long long)c->id));
	set_str(o, "type", OPARL_SCHEMA "Paper");
	const struct body *ob = structure_body(s, c->origin_body_id);
	if (ob)
		set_str(o, "body", url(req, "/body/%lld",
				       (long long)body_region(s, ob)));
	set_opt(o, "name", c->title);
	set_opt(o, "reference", c->case_number);
	if (date_valid(c->started)) {
		char d[16];
		date_format(c->started, d, sizeof(d));
		set_str(o, "date", d);
	}
	const char *type = "Sag";
	for (size_t i = 0; cw && i < cw->n_templates; i++)
		if (cw->templates[i].id == c->template_id &&
		    cw->templates[i].name && *cw->templates[i].name)
			type = cw->templates[i].name;
	set_str(o, "paperType", type);
	if (ob) {
		const char *org = url(req, "/organization/%lld",
				      (long long)ob->id);
		json_object_set_new(o, "underDirectionOf", json_pack("[s]", org));
		json_object_set_new(o, "originatorOrganization",
				    json_pack("[s]", org));
	}
	json_t *cons = json_array();
	for (size_t i = 0; i < c->n_steps; i++) {
		json_t *co = consultation_json(req, s, c, &c->steps[i]);
		if (co)
			json_array_append_new(cons, co);
	}
	json_object_set_new(o, "consultation", cons);
	set_str(o, "web", arena_printf(req->arena, "%s/cases/%lld",
				       req->app->base_url, (long long)c->id));
	set_times(o, c->created, c->modified);
	return o;
}

static json_t *paper_item(struct request *req, const struct structure *s,
			  const void *item)
{
	return paper_json(req, s, paper_cw, item);
}

static void case_stamps(const void *item, const char **created,
			const char **modified)
{
	*created = ((const struct case_file *)item)->created;
	*modified = ((const struct case_file *)item)->modified;
}

/* GET /oparl/v1/body/:id/paper: the cases whose origin body is in the
 * region. */
static void oparl_body_papers(struct request *req, struct response *res)
{
	const struct structure *s = web_structure(req);
	const struct organisation *r = region_param(req, res, s);
	struct casework *cw = arena_alloc(req->arena, sizeof(*cw));
	if (!r || !load_casework(req, res, cw))
		return;
	const void **items = items_new(req, cw->n_cases);
	size_t n = 0;
	for (size_t i = 0; i < cw->n_cases; i++) {
		const struct body *b = structure_body(s,
						      cw->cases[i].origin_body_id);
		if (b && body_region(s, b) == r->id)
			items[n++] = &cw->cases[i];
	}
	/* send_list's item function has no context argument: the
	 * templates' names are read through paper_cw, set and cleared
	 * around the call (a thread-local, as requests run in parallel). */
	paper_cw = cw;
	send_list(req, res, s, body_list_path(req, r, "paper"), items, n,
		  paper_item, case_stamps);
	paper_cw = NULL;
}

/* GET /oparl/v1/paper/:id */
static void oparl_paper(struct request *req, struct response *res)
{
	const struct structure *s = web_structure(req);
	struct casework cw;
	if (!load_casework(req, res, &cw))
		return;
	int64_t id = req_param_id(req, 0);
	for (size_t i = 0; id && i < cw.n_cases; i++)
		if (cw.cases[i].id == id &&
		    structure_body(s, cw.cases[i].origin_body_id)) {
			oparl_send(res, 200, paper_json(req, s, &cw,
							&cw.cases[i]));
			return;
		}
	oparl_error(res, 404, "Sagen findes ikke", "no such paper");
}

/* GET /oparl/v1/consultation/:id */
static void oparl_consultation(struct request *req, struct response *res)
{
	const struct structure *s = web_structure(req);
	struct casework cw;
	if (!load_casework(req, res, &cw))
		return;
	int64_t id = req_param_id(req, 0);
	for (size_t i = 0; id && i < cw.n_cases; i++)
		for (size_t k = 0; k < cw.cases[i].n_steps; k++) {
			if (cw.cases[i].steps[k].id != id)
				continue;
			json_t *o = consultation_json(req, s, &cw.cases[i],
						      &cw.cases[i].steps[k]);
			if (o) {
				oparl_send(res, 200, o);
				return;
			}
		}
	oparl_error(res, 404, "Behandlingen findes ikke",
		    "no such consultation");
}

static void oparl_organization(struct request *req, struct response *res)
{
	const struct structure *s = web_structure(req);
	const struct body *b = structure_body(s, req_param_id(req, 0));
	if (!b) {
		oparl_error(res, 404, "Gruppen findes ikke",
			    "no such organization");
		return;
	}
	oparl_send(res, 200, organization_json(req, s, b));
}

static void oparl_person(struct request *req, struct response *res)
{
	const struct structure *s = web_structure(req);
	const struct person *p = structure_person(s, req_param_id(req, 0));
	int64_t region = p ? person_region(s, p->id) : 0;
	if (!region) {
		oparl_error(res, 404, "Personen findes ikke",
			    "no such person");
		return;
	}
	oparl_send(res, 200, person_json(req, s, p, region));
}

static void oparl_membership(struct request *req, struct response *res)
{
	const struct structure *s = web_structure(req);
	const struct membership *m = structure_membership(s,
							  req_param_id(req, 0));
	if (!m || !structure_body(s, m->body_id)) {
		oparl_error(res, 404, "Medlemskabet findes ikke",
			    "no such membership");
		return;
	}
	oparl_send(res, 200, membership_json(req, m));
}

static void oparl_organization_meetings(struct request *req,
					struct response *res)
{
	const struct structure *s = web_structure(req);
	const struct body *b = structure_body(s, req_param_id(req, 0));
	if (!b) {
		oparl_error(res, 404, "Gruppen findes ikke",
			    "no such organization");
		return;
	}
	const void **items;
	size_t n;
	if (public_meetings(req, res, s, b->id, NULL, &items, &n))
		send_list(req, res, s, arena_printf(req->arena,
			  "/organization/%lld/meeting", (long long)b->id),
			  items, n, meeting_item, meeting_stamps);
}

/* The public's view of the stored meeting id; false after a 404. */
static bool meeting_param(struct request *req, struct response *res,
			  int64_t id, struct meeting *v)
{
	struct meeting m;
	struct err err = { 0 };
	if (!id || store_meeting_get(req->app->store, req->arena, id, &m,
				     &err) != 0 || !public_meeting(req, &m, v)) {
		oparl_error(res, 404, "Mødet findes ikke", "no such meeting");
		return false;
	}
	return true;
}

static void oparl_meeting(struct request *req, struct response *res)
{
	struct meeting v;
	if (meeting_param(req, res, req_param_id(req, 0), &v))
		oparl_send(res, 200, meeting_json(req, web_structure(req), &v));
}

static void oparl_location(struct request *req, struct response *res)
{
	struct meeting v;
	if (!meeting_param(req, res, req_param_id(req, 0), &v))
		return;
	if (!v.place || !*v.place) {
		oparl_error(res, 404, "Stedet findes ikke", "no such location");
		return;
	}
	oparl_send(res, 200, location_json(req, &v));
}

/* GET /oparl/v1/agendaitem/:id */
static void oparl_agenda_item(struct request *req, struct response *res)
{
	int64_t id = req_param_id(req, 0);
	struct err err = { 0 };
	int64_t mid = 0;
	if (id && store_item_meeting(req->app->store, id, &mid, &err) != 0)
		mid = 0;
	struct meeting v;
	if (!mid || !meeting_param(req, res, mid, &v)) {
		if (!mid)
			oparl_error(res, 404, "Punktet findes ikke",
				    "no such agenda item");
		return;
	}
	for (size_t i = 0; i < v.n_items; i++)
		if (v.items[i].id == id) {
			oparl_send(res, 200, agenda_item_json(req, &v.items[i]));
			return;
		}
	oparl_error(res, 404, "Punktet findes ikke", "no such agenda item");
}

/* GET /oparl/v1/file/:token: an attachment of a public item or a public
 * edition of an agenda or minutes, as the public's view has them. */
static void oparl_file(struct request *req, struct response *res)
{
	const char *token = req->n_params ? req->params[0] : "";
	struct store_blob blob;
	struct err err = { 0 };
	struct meeting v;
	memset(&blob, 0, sizeof(blob));
	if (store_blob_get(req->app->store, req->arena, token, &blob,
			   &err) != 0 ||
	    !meeting_param(req, res, blob.meeting_id, &v)) {
		if (!res->body.len)
			oparl_error(res, 404, "Filen findes ikke",
				    "no such file");
		return;
	}
	for (size_t i = 0; i < v.n_items; i++) {
		const struct agenda_item *it = &v.items[i];
		for (size_t j = 0; !it->closed && j < it->n_attachments; j++)
			if (strcmp(it->attachments[j].token, token) == 0) {
				oparl_send(res, 200, attachment_file_json(req, it,
						&it->attachments[j]));
				return;
			}
	}
	for (size_t i = 0; i < v.n_documents; i++)
		if (v.documents[i].public_edition &&
		    strcmp(v.documents[i].token, token) == 0) {
			oparl_send(res, 200, document_file_json(req,
							&v.documents[i]));
			return;
		}
	oparl_error(res, 404, "Filen findes ikke", "no such file");
}

const struct route oparl_routes[] = {
	{ "GET", "/oparl/v1", oparl_system },
	{ "GET", "/oparl/v1/system", oparl_system_alias },
	{ "GET", "/oparl/v1/bodies", oparl_bodies },
	{ "GET", "/oparl/v1/body/:id", oparl_body },
	{ "GET", "/oparl/v1/body/:id/organization", oparl_body_organizations },
	{ "GET", "/oparl/v1/body/:id/person", oparl_body_people },
	{ "GET", "/oparl/v1/body/:id/membership", oparl_body_memberships },
	{ "GET", "/oparl/v1/body/:id/meeting", oparl_body_meetings },
	{ "GET", "/oparl/v1/body/:id/paper", oparl_body_papers },
	{ "GET", "/oparl/v1/organization/:id", oparl_organization },
	{ "GET", "/oparl/v1/organization/:id/meeting",
	  oparl_organization_meetings },
	{ "GET", "/oparl/v1/meeting/:id", oparl_meeting },
	{ "GET", "/oparl/v1/agendaitem/:id", oparl_agenda_item },
	{ "GET", "/oparl/v1/paper/:id", oparl_paper },
	{ "GET", "/oparl/v1/consultation/:id", oparl_consultation },
	{ "GET", "/oparl/v1/file/:token", oparl_file },
	{ "GET", "/oparl/v1/location/:id", oparl_location },
	{ "GET", "/oparl/v1/person/:id", oparl_person },
	{ "GET", "/oparl/v1/membership/:id", oparl_membership },
	{ NULL, NULL, NULL },
};
