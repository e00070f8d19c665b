/*
 * calendar.c - meetings as iCalendar feeds a calendar program can
 * subscribe to:
 *
 *   GET /bodies/:id/calendar.ics    the body's meetings
 *   GET /people/:id/calendar.ics    the meetings of the bodies the person
 *                                   is a member of on each meeting's date
 *
 * From a year back onward. Every meeting goes through
 * access_meeting_view for the requesting principal, so the public (and a
 * calendar program, which sends no cookie) gets published meetings only,
 * and a logged-in member their bodies' planned ones too. What a VEVENT
 * holds is in render/ical.c (no item texts ever).
 */
#include "web.h"

#include <string.h>

#include "html.h"
#include "../render/ical.h"
#include "../util/date.h"

/* Keeps, in place, the meetings req's principal may see, as they may
 * see them. Returns the new count. */
static size_t visible(struct request *req, struct meeting *ms, size_t n)
{
	const struct structure *full = web_structure_full(req);
	int today = date_today();
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		struct meeting v;
		if (access_meeting_view(req->arena, full, &req->principal,
					&ms[i], today, &v))
			ms[k++] = v;
	}
	return k;
}

static void send_feed(struct request *req, struct response *res,
		      struct meeting *ms, size_t n, const char *calname,
		      const char *filename)
{
	n = visible(req, ms, n);
	struct err err = { 0 };
	struct buf out = BUF_INIT;
	if (ical_meetings(req->arena, web_structure(req), ms, n, calname,
			  req->app->base_url, NULL, &out, &err) != 0) {
		buf_free(&out);
		page_error(req, res, 500, err.msg[0] ? err.msg :
			   "Kalenderen kunne ikke laves.");
		return;
	}
	res->status = 200;
	res->content_type = "text/calendar; charset=utf-8";
	buf_reset(&res->body);
	buf_put(&res->body, buf_str(&out), out.len);
	buf_free(&out);
	res_header(res, "Content-Disposition",
		   arena_printf(req->arena, "inline; filename=\"%s\"",
				filename));
	/* What the feed holds depends on who asks. */
	res_header(res, "Cache-Control", "private, max-age=300");
	req->no_cache = true;
}

/* A year before today: the feeds' first day (a 29 February gives an
 * invalid date, which still orders correctly as a bound). */
static int feed_from(void)
{
	return date_today() - 10000;
}

static void storage_failed(struct request *req, struct response *res,
			   const struct err *err)
{
	page_error(req, res, 500, err->msg[0] ? err->msg :
		   "Møderne kunne ikke hentes.");
}

/* GET /bodies/:id/calendar.ics */
static void calendar_body(struct request *req, struct response *res)
{
	const struct body *b = structure_body(web_structure(req),
					      req_param_id(req, 0));
	if (!b) {
		page_error(req, res, 404, "Forummet findes ikke.");
		return;
	}
	struct meeting *ms = NULL;
	size_t n = 0;
	struct err err = { 0 };
	if (store_meeting_list(req->app->store, req->arena, b->id, feed_from(),
			       0, &ms, &n, &err) != 0) {
		storage_failed(req, res, &err);
		return;
	}
	send_feed(req, res, ms, n, b->name,
		  arena_printf(req->arena, "forum-%lld.ics", (long long)b->id));
}

/* GET /people/:id/calendar.ics */
static void calendar_person(struct request *req, struct response *res)
{
	const struct person *p = structure_person(web_structure(req),
						  req_param_id(req, 0));
	if (!p) {
		page_error(req, res, 404, "Personen findes ikke.");
		return;
	}
	struct meeting *ms = NULL;
	size_t n = 0;
	struct err err = { 0 };
	if (store_meeting_list_person(req->app->store, req->arena, p->id,
				      feed_from(), 0, &ms, &n, &err) != 0) {
		storage_failed(req, res, &err);
		return;
	}
	send_feed(req, res, ms, n,
		  arena_printf(req->arena, "Møder – %s", p->name),
		  arena_printf(req->arena, "person-%lld.ics", (long long)p->id));
}

const struct route calendar_routes[] = {
	{ "GET", "/bodies/:id/calendar.ics", calendar_body },
	{ "GET", "/people/:id/calendar.ics", calendar_person },
	{ NULL, NULL, NULL },
};
