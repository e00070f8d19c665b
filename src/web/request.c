/*
 * request.c - from what the transport received to a dispatched
 * response: the security checks of every request, in one place, and the
 * small parsers they use; see web.h ("the request gate").
 *
 * server.c (libmicrohttpd) gathers the raw parts of a request into a
 * `struct web_input` and calls web_handle(); tests/fuzz/fuzz_request.c
 * does the same with arbitrary bytes, without a network. MHD parses
 * the request line, headers and Cookie header itself; what is ours, and
 * fuzzed, is the URL unescaping, the query's UTF-8 check, the CSRF
 * token check, the body's content-type rules and the form parser.
 *
 * The checks: a CSRF double-submit cookie for every form POST outside
 * /api/ (and any other write outside /api/ and /oparl/ without a valid
 * token) - for a logged-in session, its own token instead (auth.c); /api/ writes must be application/json, which a cross-site
 * HTML form cannot send (an API token's writes too: they carry no
 * cookies, so no CSRF token, and the JSON rule is what they keep);
 * invalid UTF-8 in path or query is refused. Behind a trusted proxy the
 * client's address comes from X-Forwarded-For (proxy.c).
 */
#include "web.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>

#include "html.h"
#include "util/num.h"

#define CSRF_BYTES 32
#define CSRF_HEX (CSRF_BYTES * 2)
#define KV_MAX 4096

/* ---- small helpers --------------------------------------------------- */

static bool has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool under(const char *path, const char *dir)	/* "/api" */
{
	size_t n = strlen(dir);
	return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

/* Media type of a Content-Type value, compared without parameters. */
static bool media_is(const char *ct, const char *type)
{
	size_t n = strlen(type);
	if (!ct || strncasecmp(ct, type, n) != 0)
		return false;
	return ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ' || ct[n] == '\t';
}

static bool is_write_method(const char *m)
{
	return strcmp(m, "GET") != 0 && strcmp(m, "HEAD") != 0 &&
	       strcmp(m, "OPTIONS") != 0;
}

bool web_csrf_valid(const char *t)
{
	if (!t || strlen(t) != CSRF_HEX)
		return false;
	for (const char *p = t; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return false;
	return true;
}

/* Compares two tokens in time independent of where they differ. */
bool web_csrf_equal(const char *a, const char *b)
{
	if (!a || !b)
		return false;
	size_t la = strlen(a), lb = strlen(b);
	if (la != CSRF_HEX || lb != CSRF_HEX)
		return false;
	unsigned char d = 0;
	for (size_t i = 0; i < CSRF_HEX; i++)
		d |= (unsigned char)(a[i] ^ b[i]);
	return d == 0;
}

static char *csrf_new(struct arena *a)
{
	unsigned char raw[CSRF_BYTES];
	size_t got = 0;
	while (got < sizeof(raw)) {
		ssize_t n = getrandom(raw + got, sizeof(raw) - got, 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			abort();	/* no randomness: refuse to run insecurely */
		}
		got += (size_t)n;
	}
	static const char hex[] = "0123456789abcdef";
	char *t = arena_alloc(a, CSRF_HEX + 1);
	for (size_t i = 0; i < CSRF_BYTES; i++) {
		t[2 * i] = hex[raw[i] >> 4];
		t[2 * i + 1] = hex[raw[i] & 15];
	}
	return t;
}

/* ---- unescaping ------------------------------------------------------
 * MHD's default unescaper decodes "%00" into a NUL that silently cuts
 * the path or value short. Ours decodes valid escapes except %00 and
 * leaves malformed ones as they are, so "/bodies/1%00x" stays a (bad)
 * id rather than turning into "/bodies/1".
 */
size_t web_unescape(char *s)
{
	char *w = s;
	for (const char *r = s; *r; r++) {
		if (r[0] == '%' && r[1] && r[2]) {
			int hi = num_hexval(r[1]), lo = num_hexval(r[2]);
			if (hi >= 0 && lo >= 0 && (hi | lo)) {
				*w++ = (char)(hi << 4 | lo);
				r += 2;
				continue;
			}
		}
		*w++ = *r;
	}
	*w = '\0';
	return (size_t)(w - s);
}

/* ---- key/value lists -------------------------------------------------- */

void web_kv_push(struct web_kv_list *l, const char *key, const char *value)
{
	if (l->n >= KV_MAX) {
		l->bad = true;
		return;
	}
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		l->items = arena_grow(l->arena, l->items, l->n, cap,
				      sizeof(*l->items));
		l->cap = cap;
	}
	l->items[l->n].key = key;
	l->items[l->n].value = value;
	l->n++;
}

bool web_query_add(struct web_kv_list *l, const char *key, const char *value)
{
	if (!key)
		key = "";
	if (!value)
		value = "";
	if (!web_utf8_valid(key, strlen(key)) ||
	    !web_utf8_valid(value, strlen(value))) {
		l->bad = true;
		return false;
	}
	web_kv_push(l, arena_strdup(l->arena, key),
		    arena_strdup(l->arena, value));
	return !l->bad;
}

/* ---- the gate --------------------------------------------------------- */

/* An error answered before routing: JSON under /api/ (and /oparl/, by
 * page_error), a Danish page elsewhere. */
static void fail(struct request *req, struct response *res, int status,
		 const char *code, const char *message)
{
	if (req->path && under(req->path, "/api"))
		res_json_error(res, status, code, message);
	else
		page_error(req, res, status, message);
}

enum web_action web_handle(const struct web_input *in, struct request *req,
			   struct response *res, const char **set_cookie,
			   const struct embedded_file **asset)
{
	struct arena *a = req->arena;
	const char *url = in->path;
	req->method = in->method ? in->method : "GET";
	req->path = url;
	*set_cookie = NULL;
	*asset = NULL;
	if (!res->arena)
		res->arena = a;

	/* Conditional writes and the audit actor. Header values are the
	 * client's bytes: kept only when short and valid UTF-8. */
	if (in->if_match && strlen(in->if_match) <= 256 &&
	    web_utf8_valid(in->if_match, strlen(in->if_match)))
		req->if_match = arena_strdup(a, in->if_match);
	if (in->peer && strlen(in->peer) < 64)
		req->peer = arena_strdup(a, in->peer);
	/* Behind a trusted proxy the client is who it says (proxy.c). */
	if (req->peer && req->app)
		req->peer = web_client_address(a, req->peer, in->forwarded_for,
					       req->app->trusted_proxies);

	/* CSRF token: the client's cookie when well-formed, else a new one
	 * that this response sets. */
	const char *cookie = in->csrf_cookie;
	if (web_csrf_valid(cookie)) {
		req->csrf = arena_strdup(a, cookie);
	} else {
		req->csrf = csrf_new(a);
		*set_cookie = req->csrf;
		cookie = NULL;
	}

	bool url_ok = url && url[0] == '/' && web_utf8_valid(url, strlen(url));
	if (in->refuse) {
		if (!url_ok)
			req->path = "/";
		if (in->refuse == 414)
			fail(req, res, 414, "uri_too_long",
			     "Adressen er for lang (højst 8 KiB).");
		else
			fail(req, res, 431, "header_fields_too_large",
			     "Forespørgslen har for mange headerfelter.");
		return WEB_RESPOND;
	}
	if (!url_ok) {
		req->path = "/";
		fail(req, res, 400, "bad_request",
		     "Ugyldig adresse (tegnkodningen skal være UTF-8).");
		return WEB_RESPOND;
	}
	if (in->query_bad) {
		fail(req, res, 400, "bad_request",
		     "Ugyldige parametre i adressen (tegnkodningen skal være UTF-8).");
		return WEB_RESPOND;
	}
	req->query = in->query;
	req->n_query = in->n_query;

	if (in->too_large) {
		/* Only multipart form POSTs (uploads) may be larger (server.c). */
		if (media_is(in->content_type, "multipart/form-data") &&
		    !under(url, "/api"))
			fail(req, res, 413, "payload_too_large",
			     "Filen er for stor. Et bilag må højst fylde 20 MB.");
		else
			fail(req, res, 413, "payload_too_large",
			     "Forespørgslen er for stor. Der kan højst sendes 1 MiB.");
		return WEB_RESPOND;
	}

	if (has_prefix(url, "/static/") &&
	    (!strcmp(req->method, "GET") || !strcmp(req->method, "HEAD"))) {
		const char *name = url + strlen("/static/");
		*asset = strchr(name, '/') ? NULL : embed_find(web_assets, name);
		if (*asset)
			return WEB_ASSET;
		fail(req, res, 404, "not_found", "Filen findes ikke.");
		return WEB_RESPOND;
	}

	/* Who is asking. A logged-in session's forms carry the session's
	 * own token: the anonymous cookie is then worth nothing. */
	auth_resolve(in, req, res);
	if (req->token_refused) {
		/* RFC 6750: a token that is wrong, revoked or whose account
		 * is disabled. Never the public's answer instead: the client
		 * should learn its token stopped working. */
		res_json_error(res, 401, "invalid_token",
			       "API-nøglen er ugyldig eller tilbagekaldt.");
		res_header(res, "WWW-Authenticate",
			   "Bearer realm=\"klynge\", error=\"invalid_token\"");
		res_header(res, "Cache-Control", "no-store");
		return WEB_RESPOND;
	}
	if (req->session_csrf) {
		req->csrf = req->session_csrf;
		cookie = req->session_csrf;
	}

	req->content_type = in->content_type ? arena_strdup(a, in->content_type) : "";
	req->body_len = in->body_len;
	req->body = arena_strndup(a, in->body ? in->body : "", in->body_len);

	if (is_write_method(req->method)) {
		if (under(url, "/api")) {
			/* A DELETE without a body carries nothing to type; a
			 * cross-site page cannot send one without a CORS
			 * preflight, which is never granted. */
			bool bodiless_delete = !strcmp(req->method, "DELETE") &&
					       req->body_len == 0;
			if (!bodiless_delete &&
			    !media_is(req->content_type, "application/json")) {
				fail(req, res, 415, "unsupported_media_type",
				     "Indholdet skal sendes som application/json.");
				return WEB_RESPOND;
			}
		} else if (!under(url, "/oparl")) {
			int rc = 0;
			if (media_is(req->content_type,
				     "application/x-www-form-urlencoded"))
				rc = form_parse(a, req->body, req->body_len,
						&req->form, &req->n_form);
			else if (media_is(req->content_type, "multipart/form-data"))
				rc = in->multipart
					     ? in->multipart(in->multipart_cls, req)
					     : -1;
			if (rc != 0) {
				fail(req, res, 400, "bad_request",
				     "Formularens indhold kunne ikke læses (ugyldig kodning).");
				return WEB_RESPOND;
			}
			/* Any other write outside the API (text/plain forms
			 * included) has no "csrf" field and is refused here. */
			if (!web_csrf_equal(req_form(req, "csrf"), cookie)) {
				fail(req, res, 403, "csrf",
				     "Formularen er udløbet – indlæs siden igen og prøv på ny.");
				return WEB_RESPOND;
			}
		}
	}

	web_dispatch(req, res);
	/* Every API 401 names the scheme that would have worked (RFC 9110
	 * 11.6.1; the session cookie works too, see docs/api.md). */
	if (res->status == 401 && under(url, "/api")) {
		bool has = false;
		for (size_t i = 0; i < res->n_headers; i++)
			has = has || !strcasecmp(res->headers[i].name, "WWW-Authenticate");
		if (!has)
			res_header(res, "WWW-Authenticate", "Bearer realm=\"klynge\"");
	}
	/* An answer for a logged-in person (their name in the header) or
	 * one setting the login cookie stays out of shared caches. */
	if (req->principal.account_id || res->set_session) {
		bool has = false;
		for (size_t i = 0; i < res->n_headers; i++)
			has = has || !strcasecmp(res->headers[i].name, "Cache-Control");
		if (!has)
			res_header(res, "Cache-Control", "private, no-store");
	}
	return WEB_RESPOND;
}
