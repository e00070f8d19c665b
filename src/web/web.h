/*
 * web.h - the HTTP layer's request/response model and route table.
 *
 * server.c (libmicrohttpd) turns each request into a `struct request`
 * whose memory lives in a per-request arena, finds the route, calls the
 * handler and sends the `struct response`. Handlers parse and validate
 * input, call store/core, and render: no SQL, no business rules.
 */
#ifndef KLYNGE_WEB_H
#define KLYNGE_WEB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/access.h"
#include "../core/model.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/embed.h"

struct kv {
	const char *key;
	const char *value;	/* NUL-terminated; may contain no NUL */
};

/* A file part of a multipart/form-data body (upload.c): the client's
 * field name, filename and Content-Type as sent (unchecked; the
 * handler sniffs and cleans), and the bytes (arena, NUL-terminated
 * after len for convenience; may contain NULs). */
struct web_file {
	const char *field;
	const char *filename;
	const char *content_type;
	const char *data;
	size_t len;
};

struct app {
	struct store *store;
	const char *base_url;	/* "http://127.0.0.1:8080", no trailing / */
	/* Accounts (auth.c), from the environment (main.c): the session
	 * cookie gets "; Secure" (KLYNGE_SECURE_COOKIES=1, behind TLS);
	 * the trusted-header mode is on when both the header's name
	 * (KLYNGE_TRUSTED_HEADER) and the proxy's secret
	 * (KLYNGE_TRUSTED_SECRET) are set. */
	bool secure_cookies;
	const char *trusted_header;
	const char *trusted_secret;
	/* Behind a reverse proxy (proxy.c): the proxies' addresses,
	 * comma-separated (KLYNGE_TRUSTED_PROXIES); NULL = none, and
	 * X-Forwarded-For is ignored. */
	const char *trusted_proxies;
};

struct request {
	struct app *app;
	struct arena *arena;
	const char *method;		/* "GET", "POST", ... */
	const char *path;		/* decoded path, no query */
	struct kv *query;		/* query parameters, in order */
	size_t n_query;
	struct kv *form;		/* urlencoded POST fields, in order;
					   repeated keys allowed */
	size_t n_form;
	/* File parts of a multipart/form-data POST (uploads), in order. */
	const struct web_file *files;
	size_t n_files;
	const char *body;		/* raw body (JSON API), NUL-terminated */
	size_t body_len;
	const char *content_type;	/* request Content-Type or "" */
	/* The If-Match header (API writes: RFC 9110 conditional requests)
	 * and the client's address ("192.0.2.7", for the audit log's
	 * actor); NULL when absent or not known. Set by server.c. */
	const char *if_match;
	const char *peer;
	const char *params[4];		/* ":name" captures of the route */
	size_t n_params;
	/* CSRF token for this client (double-submit cookie "csrf"), set by
	 * server.c before dispatch; forms embed it with html_csrf(). Every
	 * urlencoded POST is refused (403) by server.c unless its "csrf"
	 * field equals the cookie. */
	const char *csrf;
	/* Who is asking (auth.c, resolved by web_handle from the session
	 * cookie or the trusted header): principal.account_id 0 is the
	 * public. display_name and username are "" for the public;
	 * session_hash is the login's token hash (logout deletes it), NULL
	 * when not logged in through a session (the public, or the trusted
	 * header: via_proxy). */
	struct principal principal;
	const char *display_name;
	const char *username;
	const char *session_hash;
	const char *session_csrf;
	bool via_proxy;
	/* Logged in by an API token ("Authorization: Bearer klynge_...",
	 * /api/ and /oparl/ only; auth.c): no session, no cookies. */
	bool via_token;
	/* An Authorization: Bearer header that names no active token of an
	 * enabled account: web_handle answers 401 without dispatching. */
	bool token_refused;
	/* The structure as this request's principal may see it (lazily,
	 * see web_structure): read-only, shared or in the arena. */
	const struct structure *structure;
	/* The whole structure as loaded (web_structure_full); read-only,
	 * shared. Only for permission decisions and rule checks. */
	const struct structure *structure_full;
	/* The reference web_structure() took on the shared cache entry;
	 * released by web_request_end() (web_dispatch calls it). */
	void *structure_ref;
	/* Set by a page handler whose output depends on more than the
	 * structure, today's date and the URL (e.g. the CSRF token): the
	 * page is then not kept in the rendered-page cache. */
	bool no_cache;
};

struct header {
	const char *name;
	const char *value;
};

struct response {
	int status;			/* default 200 */
	const char *content_type;	/* default "text/html; charset=utf-8" */
	struct buf body;
	struct header headers[8];
	size_t n_headers;
	/* When set (web_dispatch sets it to the request's arena), res_header
	 * and res_redirect copy their strings into it. */
	struct arena *arena;
	/* A Set-Cookie value for the session cookie "sid" (login, logout,
	 * a stale cookie cleared), or NULL; sent besides the CSRF cookie. */
	const char *set_session;
};

typedef void (*handler_fn)(struct request *req, struct response *res);

struct route {
	const char *method;		/* "GET", "POST", "PUT", "DELETE" */
	const char *pattern;		/* "/bodies/:id/edit": ":x" matches one
					   non-empty segment */
	handler_fn fn;
};

/* Route tables, each ended by {NULL, NULL, NULL}. */
extern const struct route page_routes[];	/* read-only pages (pages/pages.c) */
extern const struct route form_routes[];	/* create/edit forms (pages/forms.c) */
extern const struct route api_routes[];		/* api/ files */
extern const struct route oparl_routes[];	/* oparl.c */
extern const struct route auth_routes[];	/* auth.c: /login, /logout */
extern const struct route meeting_routes[];	/* pages/meeting.c: meeting pages and forms */
extern const struct route meeting_api_routes[];	/* api/meetings.c */
extern const struct route calendar_routes[];	/* calendar.c: .ics feeds */
extern const struct route case_routes[];	/* pages/cases.c: casework pages and forms */
extern const struct route case_api_routes[];	/* api/cases.c */
extern const struct route admin_routes[];	/* pages/admin.c: accounts (administrators) */
extern const struct route note_routes[];	/* pages/meeting_notes.c: private notes on items */

/* Runs the server until SIGINT/SIGTERM. */
int web_serve(struct app *app, const char *addr, int port);

/* Dispatch without a network (tests, fuzzing, benchmarks): finds the
 * route and calls it; 404/405 pages otherwise. */
void web_dispatch(struct request *req, struct response *res);

/* ---- helpers for handlers (router.c) -------------------------------- */
const char *req_query(const struct request *req, const char *key);
const char *req_form(const struct request *req, const char *key);
/* Parses params[i] as a positive int64 id; 0 when not a valid id. */
int64_t req_param_id(const struct request *req, size_t i);
/* The structure as req->principal may see it (core access_view on
 * today's date): drafts they may not read left out, people's e-mail
 * and note blank for the public. /oparl/ always gets the public view.
 * The public view is kept with the shared structure; a logged-in
 * user's is made per request in the arena. Never NULL; on storage
 * failure an empty one. This is the one place reads are filtered. */
const struct structure *web_structure(struct request *req);
/* The whole structure, loaded once per store generation and shared
 * between threads: for permission decisions (web_authorize_save) and
 * rule checks only, never for display. */
const struct structure *web_structure_full(struct request *req);
/* Every meeting of every body, shallow as store_meeting_list gives them
 * (items without texts; no attendance or tasks), loaded once per store
 * generation and shared, read-only, for the rest of the request; NULL
 * with *n = 0 when the store fails. Filter through access_meeting_view
 * before showing anything. */
const struct meeting *web_meetings_all(struct request *req, size_t *n);
/* All casework (store_casework_load), likewise loaded once per store
 * generation and shared read-only; NULL when the store fails. */
const struct casework *web_casework_all(struct request *req);
/* store_audit_list's answer, kept per store generation and shared
 * read-only (a write moves the generation, so it is never stale): 0, or
 * -1 when the store fails. */
int web_audit_list(struct request *req, const char *kind, int64_t object_id,
		   int64_t body_id, int limit, const struct audit_entry **out,
		   size_t *n);

/* ---- the write gate (authorize.c) -------------------------------------
 * May req->principal save `after` (an object of kind, NULL for a delete)
 * over `before` (NULL for a create)? Decided by core access_can_save on
 * the whole structure and today's date. On refusal fills res and returns
 * false: the public gets 303 to /login?next=<the form's page> (pages) or
 * 401 "login_required" (/api/); a logged-in user without the right 403.
 * Called right before every store save/delete, and by form pages (new,
 * edit) with the object as it would be saved. */
bool web_authorize_save(struct request *req, struct response *res,
			enum access_kind kind, const void *before,
			const void *after);
/* The same decision without a response (whether to show an edit link). */
/* Administrators only (accounts, API tokens: ACCESS_ADMIN): on refusal
 * fills res like web_authorize_save (the public 303 to /login?next=,
 * others 403; under /api/ 401/403 JSON) and returns false. */
bool web_authorize_admin(struct request *req, struct response *res);
bool web_may_save(struct request *req, enum access_kind kind,
		  const void *before, const void *after);
/* May req->principal see this audit row (a charter's history only for
 * those who may read the body's drafts), and this field of it (people's
 * e-mail and note not for the public, as access_view blanks them)? */
struct audit_entry;
bool web_audit_visible(struct request *req, const struct audit_entry *e);
bool web_audit_field_visible(struct request *req, const struct audit_entry *e,
			     const char *field);
/* access_allowed for req->principal today (links and buttons only). */
bool web_allowed(struct request *req, enum access_action action,
		 int64_t body_id);
/* The rule check of a body on a date (core rules_check_body), computed
 * once per loaded structure and shared: read-only, valid until the
 * request ends. */
struct violations;
const struct violations *web_check_body(struct request *req, int64_t body_id,
					int date);
/* Call after a successful write so the next web_structure reloads. */
void web_structure_invalidate(struct app *app);
/* Releases what the request holds of shared state (its reference on the
 * structure). Idempotent; web_dispatch calls it before returning, so the
 * response must not point into req->structure (res_header copies). */
void web_request_end(struct request *req);

void res_header(struct response *res, const char *name, const char *value);
/* 303 See Other to a local path. */
void res_redirect(struct response *res, const char *location);
/* A JSON error body {"error":{"code":..,"message":..}} with status. */
void res_json_error(struct response *res, int status, const char *code,
		    const char *message);

/* Strict UTF-8 check (no overlongs, surrogates or > U+10FFFF; no NUL). */
bool web_utf8_valid(const char *s, size_t len);

/* ---- meetings (issue 4): the same gate for meeting pages -------------
 * What a handler wants to do with a meeting (or one of its items).
 * Decided by core (access.h, meeting section) for req->principal on
 * today's date, on the whole structure:
 *   VIEW       access_meeting_view leaves the meeting visible
 *   FULL       access_meeting_full (closed items, drafts, attendance)
 *   EDIT       access_meeting_edit (secretariat, administrator)
 *   APPROVE    access_meeting_approve (chair/co-chair, administrator)
 *   ITEM_EDIT  access_item_edit on `it` (also its case handler)
 * On refusal web_authorize_meeting fills res: 404 for VIEW (and for any
 * action on a meeting the principal may not see: existence is not
 * confirmed), else the public gets 303 to /login?next=<form page> and a
 * logged-in user 403, like web_authorize_save. */
enum web_meeting_action {
	WEB_MEETING_VIEW = 1,
	WEB_MEETING_FULL,
	WEB_MEETING_EDIT,
	WEB_MEETING_APPROVE,
	WEB_MEETING_ITEM_EDIT,
};
bool web_may_meeting(struct request *req, const struct meeting *m,
		     const struct agenda_item *it,
		     enum web_meeting_action what);
bool web_authorize_meeting(struct request *req, struct response *res,
			   const struct meeting *m,
			   const struct agenda_item *it,
			   enum web_meeting_action what);

/* ---- casework (issue 5): the same answers for casework writes --------
 * `allowed` is the decision of an access_* function of core/casework.h
 * (for req->principal, on the whole structure and today's date). When
 * false, fills res like web_authorize_save: the public 303 to
 * /login?next=<back> (back: the page the form lives on; NULL derives it
 * from the path like the structure forms), a logged-in user 403 (under
 * /api/ 401/403 JSON). */
bool web_authorize_case(struct request *req, struct response *res,
			bool allowed, const char *back);

/* Static files served at /static/NAME (generated from assets/). */
extern const struct embedded_file web_assets[];

/* Parses an application/x-www-form-urlencoded string into kv pairs
 * (used by server.c for POST bodies and query strings; fuzzed).
 * Returns 0, or -1 on malformed percent-escapes or invalid UTF-8. */
int form_parse(struct arena *a, const char *s, size_t len, struct kv **out,
	       size_t *n_out);

/* ---- the request gate (request.c) ------------------------------------
 * What a transport received for one request, before any check. Strings
 * are NUL-terminated; the body is not (body_len bytes). */
struct web_kv_list {
	struct arena *arena;
	struct kv *items;
	size_t n, cap;
	bool bad;		/* invalid UTF-8, too many (over 4096) */
};

struct web_input {
	const char *method;
	const char *path;		/* after web_unescape, without query */
	struct kv *query;		/* collected with web_query_add */
	size_t n_query;
	bool query_bad;
	const char *csrf_cookie;	/* the "csrf" cookie's value, or NULL */
	const char *sid_cookie;		/* the "sid" cookie's value, or NULL */
	/* Trusted-header mode (auth.c): the value of the header named by
	 * app->trusted_header and of X-Klynge-Proxy-Secret, or NULL. */
	const char *trusted_user;
	const char *proxy_secret;
	const char *content_type;	/* or NULL */
	const char *if_match;		/* If-Match header, or NULL */
	const char *peer;		/* client address ("127.0.0.1"), or NULL */
	/* X-Forwarded-For (all its fields joined by ", ") and
	 * Authorization, as received; NULL when absent. */
	const char *forwarded_for;
	const char *authorization;
	const char *body;
	size_t body_len;
	bool too_large;			/* body over 1 MiB: 413 */
	int refuse;			/* 414 or 431: refused as it arrived */
	/* Parses a multipart/form-data body into req->form (0, or -1 when
	 * malformed); NULL refuses every multipart body. */
	int (*multipart)(void *cls, struct request *req);
	void *multipart_cls;
};

enum web_action {
	WEB_RESPOND,		/* send res */
	WEB_ASSET,		/* send the embedded file *asset */
};

/* Runs the security checks on in and, when they pass, web_dispatch.
 * req must have app and arena set; res is filled (its body is the
 * caller's to free). *set_cookie: a new CSRF token the answer must set,
 * or NULL. */
enum web_action web_handle(const struct web_input *in, struct request *req,
			   struct response *res, const char **set_cookie,
			   const struct embedded_file **asset);

/* In-place URL unescaping as the server does it (MHD's unescape
 * callback): valid %XX escapes except %00 are decoded, anything else is
 * kept as it is. Returns the new length. */
size_t web_unescape(char *s);
/* Appends a query parameter, copying both; an invalid UTF-8 key or value
 * (or too many) sets l->bad and returns false. */
bool web_query_add(struct web_kv_list *l, const char *key, const char *value);
/* Appends without checks or copies (multipart fields, already checked). */
void web_kv_push(struct web_kv_list *l, const char *key, const char *value);
/* A well-formed CSRF token (64 lowercase hex digits)? */
bool web_csrf_valid(const char *t);
/* Two well-formed, equal tokens? (constant time) */
bool web_csrf_equal(const char *a, const char *b);

/* ---- accounts (auth.c) ------------------------------------------------ */
/* Sets req->principal and the rest of "who is asking" from the input:
 * the trusted header when its mode is on and the proxy's secret is
 * right, else the session cookie. A cookie naming no live session gets
 * res->set_session to clear it. Never fails: anything wrong is the
 * public. */
void auth_resolve(const struct web_input *in, struct request *req,
		  struct response *res);
/* The header for the session cookie: "sid=TOKEN; Path=/; HttpOnly;
 * SameSite=Lax" (+ "; Secure"); token NULL clears it. Arena-owned. */
const char *auth_cookie(struct request *req, const char *token);
/* Hex of the BLAKE2b hash of a session token (what the store keeps);
 * NULL when token is not a well-formed token. Arena-owned. */
const char *auth_token_hash(struct arena *a, const char *token);
/* Forgets the in-memory login failures (tests). */
void auth_limits_reset(void);
/* A new API token "klynge_" + 64 lowercase hex digits (32 random
 * bytes), in the arena; shown once, never stored. */
const char *auth_api_token_new(struct arena *a);
/* Hex of the SHA-256 hash of an API token (what the store keeps); NULL
 * when token is not of that form. Arena-owned. */
const char *auth_api_token_hash(struct arena *a, const char *token);
/* A new random password for an account (20 characters of an alphabet
 * without look-alikes), in the arena: what an administrator hands on. */
const char *auth_password_new(struct arena *a);
/* The argon2id string of a password (libsodium interactive limits), in
 * the arena; NULL when out of memory. */
const char *auth_password_hash(struct arena *a, const char *password);

/* ---- behind a reverse proxy (proxy.c) ----------------------------------
 * The client's address: peer, unless peer is one of trusted_proxies
 * (comma-separated addresses; NULL or "" = none), in which case the
 * right-most X-Forwarded-For entry that is not a trusted proxy (the
 * left-most when all are), in canonical text. Falls back to peer when
 * the header is missing, over 4 KiB or the entry is no address. Pure;
 * the result is peer itself or in the arena. */
const char *web_client_address(struct arena *a, const char *peer,
			       const char *forwarded_for,
			       const char *trusted_proxies);

#endif
