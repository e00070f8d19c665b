/*
 * authorize.c - the one place writes are allowed or refused (issue 3,
 * item 2). The decision is core's (access_can_save, on the whole
 * structure and today's date); this file only turns a refusal into the
 * answer each surface gives:
 *
 *   who                       pages (forms)                 /api/
 *   the public                303 /login?next=<form page>   401 login_required
 *   logged in, not allowed    403 Danish page               403 forbidden
 *
 * Handlers call web_authorize_save right before every store save or
 * delete, and form pages (new, edit) call it with the object as it
 * would be saved, so nobody is shown a form they cannot submit.
 */
#include "web.h"

#include <string.h>

#include "html.h"
#include "../util/date.h"

static const char LOGIN_MESSAGE[] =
	"Du skal være logget ind for at ændre oplysninger.";
static const char FORBIDDEN_MESSAGE[] = "Du har ikke ret til at ændre dette.";

static bool is_api(const struct request *req)
{
	return req->path && (strncmp(req->path, "/api/", 5) == 0 ||
			     strcmp(req->path, "/api") == 0);
}

/* Is the path's last segment all digits ("/people/12")? */
static bool ends_in_id(const char *path)
{
	const char *last = strrchr(path, '/');
	if (!last || !last[1])
		return false;
	for (const char *p = last + 1; *p; p++)
		if (*p < '0' || *p > '9')
			return false;
	return true;
}

/* Appends "?k=v&..." of req's query to b, percent-encoded again (the
 * parameters were decoded on arrival). */
static void query_append(struct buf *b, const struct request *req)
{
	static const char hex[] = "0123456789ABCDEF";
	for (size_t i = 0; i < req->n_query; i++) {
		buf_putc(b, i ? '&' : '?');
		for (int part = 0; part < 2; part++) {
			const char *s = part ? req->query[i].value : req->query[i].key;
			if (part)
				buf_putc(b, '=');
			for (const unsigned char *p = (const unsigned char *)(s ? s : "");
			     *p; p++) {
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
	}
}

/* A GET's own page, query string included ("/bodies/3/memberships/new
 * ?date=2025-01-01"): where to come back to after logging in. */
static const char *get_page_of(struct request *req)
{
	const char *path = req->path ? req->path : "/";
	if (!req->n_query)
		return path;
	struct buf b = BUF_INIT;
	buf_puts(&b, path);
	query_append(&b, req);
	/* An over-long one is not worth keeping: the page without it. */
	const char *out = b.len <= 2048 ? arena_strndup(req->arena, buf_str(&b), b.len)
					: path;
	buf_free(&b);
	return out;
}

/*
 * The page the form that posts here lives on (where to come back after
 * logging in): a GET is its own page (with its query); "/x/12/delete" and "/x/12" are
 * edited at "/x/12/edit"; "/bodies/3/memberships" is created at
 * "/bodies/3/memberships/new". Arena-owned.
 */
static const char *form_page_of(struct request *req)
{
	const char *path = req->path ? req->path : "/";
	if (req->method && (strcmp(req->method, "GET") == 0 ||
			    strcmp(req->method, "HEAD") == 0))
		return get_page_of(req);
	size_t n = strlen(path);
	static const char del[] = "/delete";
	if (n > sizeof(del) - 1 && strcmp(path + n - (sizeof(del) - 1), del) == 0)
		return arena_printf(req->arena, "%.*s/edit",
				    (int)(n - (sizeof(del) - 1)), path);
	if (ends_in_id(path))
		return arena_printf(req->arena, "%s/edit", path);
	return arena_printf(req->arena, "%s/new", path);
}

/* "/login?next=" + path, percent-encoded. Arena-owned. */
static const char *login_url(struct request *req, const char *next)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf b = BUF_INIT;
	buf_puts(&b, "/login?next=");
	for (const unsigned char *p = (const unsigned char *)next; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~", *p)) {
			buf_putc(&b, (char)*p);
		} else {
			buf_putc(&b, '%');
			buf_putc(&b, hex[*p >> 4]);
			buf_putc(&b, hex[*p & 15]);
		}
	}
	const char *out = arena_strndup(req->arena, buf_str(&b), b.len);
	buf_free(&b);
	return out;
}

bool web_may_save(struct request *req, enum access_kind kind,
		  const void *before, const void *after)
{
	return access_can_save(web_structure_full(req), &req->principal, kind,
			       before, after, date_today());
}

bool web_allowed(struct request *req, enum access_action action,
		 int64_t body_id)
{
	return access_allowed(web_structure_full(req), &req->principal,
			      action, body_id, date_today());
}

/* The refusal of a write: login for the public, 403 for others. */
static void refuse_write(struct request *req, struct response *res)
{
	/* An answer that depends on who asks is never shared. */
	req->no_cache = true;
	bool logged_in = req->principal.account_id != 0;
	if (is_api(req)) {
		if (logged_in)
			res_json_error(res, 403, "forbidden", FORBIDDEN_MESSAGE);
		else
			res_json_error(res, 401, "login_required", LOGIN_MESSAGE);
	} else if (logged_in) {
		page_error(req, res, 403, FORBIDDEN_MESSAGE);
	} else {
		res_redirect(res, login_url(req, form_page_of(req)));
	}
}

bool web_authorize_save(struct request *req, struct response *res,
			enum access_kind kind, const void *before,
			const void *after)
{
	if (web_may_save(req, kind, before, after))
		return true;
	refuse_write(req, res);
	return false;
}

/* ---- meetings (issue 4) ------------------------------------------------
 * The same gate for meetings: core decides (access.h, meeting section),
 * on the whole structure and today's date; this turns a refusal into
 * the answer. A meeting the principal may not see does not exist for
 * them (404), whatever they tried to do with it.
 */
bool web_may_meeting(struct request *req, const struct meeting *m,
		     const struct agenda_item *it,
		     enum web_meeting_action what)
{
	if (!m)
		return false;
	const struct structure *s = web_structure_full(req);
	const struct principal *p = &req->principal;
	int today = date_today();
	switch (what) {
	case WEB_MEETING_VIEW: {
		struct meeting view;
		return access_meeting_view(req->arena, s, p, m, today, &view);
	}
	case WEB_MEETING_FULL:
		return access_meeting_full(s, p, m->body_id, today);
	case WEB_MEETING_EDIT:
		return access_meeting_edit(s, p, m, today);
	case WEB_MEETING_APPROVE:
		return access_meeting_approve(s, p, m, today);
	case WEB_MEETING_ITEM_EDIT:
		return it && access_item_edit(s, p, m, it, today);
	}
	return false;
}

bool web_authorize_meeting(struct request *req, struct response *res,
			   const struct meeting *m,
			   const struct agenda_item *it,
			   enum web_meeting_action what)
{
	req->no_cache = true;
	/* A meeting about to be created (id 0) has nothing to hide: the
	 * public is sent to log in rather than told it does not exist. */
	if (m && m->id == 0 && what != WEB_MEETING_VIEW &&
	    what != WEB_MEETING_FULL) {
		if (web_may_meeting(req, m, it, what))
			return true;
		refuse_write(req, res);
		return false;
	}
	if (!web_may_meeting(req, m, NULL, WEB_MEETING_VIEW)) {
		page_error(req, res, 404, "Mødet findes ikke.");
		return false;
	}
	if (what == WEB_MEETING_VIEW || web_may_meeting(req, m, it, what))
		return true;
	if (what == WEB_MEETING_FULL) {
		page_error(req, res, 404, "Siden findes ikke.");
		return false;
	}
	refuse_write(req, res);
	return false;
}

/* ---- casework (issue 5) ------------------------------------------------
 * Core decides (the access_* functions of core/casework.h); the caller
 * passes the answer, and this gives the refusal its usual shape. A
 * casework form posts to a path the structure forms' convention does
 * not know ("/cases/3/steps/7"), so the caller may name the page to
 * come back to after logging in.
 */
bool web_authorize_case(struct request *req, struct response *res,
			bool allowed, const char *back)
{
	req->no_cache = true;
	if (allowed)
		return true;
	if (back && *back == '/' && back[1] != '/' &&
	    req->principal.account_id == 0 && !is_api(req)) {
		res_redirect(res, login_url(req, back));
		return false;
	}
	refuse_write(req, res);
	return false;
}

/* ---- what the history may show (the read side of the same rule) ---- */

bool web_audit_visible(struct request *req, const struct audit_entry *e)
{
	/* A charter's rows carry its text and title as they were, drafts
	 * included: only for those who may read the body's drafts. */
	if (e->kind && strcmp(e->kind, "charter") == 0)
		return web_allowed(req, ACCESS_READ_DRAFT, e->body_id);
	/* Meeting rows (issue 4) carry closed items' texts, attendance and
	 * drafts as they were: only for those who see meetings in full. */
	static const char *const meeting_kinds[] = {
		"meeting", "item", "attachment", "attendance", "task", "document",
	};
	for (size_t i = 0; e->kind && i < sizeof(meeting_kinds) / sizeof(meeting_kinds[0]); i++)
		if (strcmp(e->kind, meeting_kinds[i]) == 0)
			return access_meeting_full(web_structure_full(req),
						   &req->principal, e->body_id,
						   date_today());
	return true;
}

bool web_audit_field_visible(struct request *req, const struct audit_entry *e,
			     const char *field)
{
	if (!access_is_public(&req->principal))
		return true;
	return !(e->kind && strcmp(e->kind, "person") == 0 && field &&
		 (strcmp(field, "email") == 0 || strcmp(field, "note") == 0));
}

/* ---- accounts (administrators only) -------------------------------- */

/* The page an account form lives on: a GET is its own page; a POST to
 * "/admin/accounts/12/password" (or ".../new") comes from
 * "/admin/accounts/12" (".../new"). Arena-owned. */
static const char *admin_page_of(struct request *req)
{
	const char *path = req->path ? req->path : "/";
	if (req->method && (strcmp(req->method, "GET") == 0 ||
			    strcmp(req->method, "HEAD") == 0))
		return get_page_of(req);
	const char *p = path;
	for (int seg = 0; seg < 3 && p; seg++)
		p = strchr(p + 1, '/');
	return p ? arena_strndup(req->arena, path, (size_t)(p - path)) : path;
}

bool web_authorize_admin(struct request *req, struct response *res)
{
	/* Account pages show who may log in: never shared. */
	req->no_cache = true;
	if (access_allowed(web_structure_full(req), &req->principal,
			   ACCESS_ADMIN, 0, date_today()))
		return true;
	bool logged_in = req->principal.account_id != 0;
	if (is_api(req)) {
		if (logged_in)
			res_json_error(res, 403, "forbidden", FORBIDDEN_MESSAGE);
		else
			res_json_error(res, 401, "login_required", LOGIN_MESSAGE);
	} else if (logged_in) {
		page_error(req, res, 403, FORBIDDEN_MESSAGE);
	} else {
		res_redirect(res, login_url(req, admin_page_of(req)));
	}
	return false;
}
