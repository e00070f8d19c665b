/*
 * fuzz_request.c - libFuzzer target for the request gate and dispatch
 * (web/request.c, router.c and every handler behind them): arbitrary
 * bytes as method, path, query, CSRF cookie, content type and body, put
 * together the way server.c does after libmicrohttpd has parsed the
 * request line and headers, then checked and dispatched with no network.
 *
 * Input: byte 0 picks the method (bits 0-2), the Content-Type (bits
 * 3-5), a 431 refusal (bit 6) and an over-size body (bit 7); the rest
 * is "PATH\nQUERY\nCOOKIE\nBODY" (BODY may hold anything), where COOKIE
 * is "CSRF", "CSRF;SID", "CSRF;SID;XFF" or "CSRF;SID;XFF;AUTH": the
 * "csrf" and "sid" cookies, X-Forwarded-For (the peer, 127.0.0.1, is a
 * trusted proxy) and Authorization (an API token, API_TOKEN, of the
 * fuzz account is live). As MHD does,
 * the path and query values end at a NUL, query pairs are split at '&'
 * and '=', '+' becomes a space, then our unescaper runs on each part.
 *
 * The store is an in-memory database with data/demo.json imported
 * (empty when the file is not there), so handlers run for real and a
 * write that passes the gate is made. Besides "does not crash" (ASan,
 * UBSan), it checks every answer: no 5xx, a JSON body is one JSON value,
 * an HTML or JSON body is valid UTF-8, and a new CSRF cookie is set
 * exactly when the request had no well-formed one.
 *
 * Sessions: the store holds an administrator account "fuzz" (writes
 * need a login; an administrator reaches every write handler and its
 * store call, the public only the refusals) with a session whose
 * token is SESSION_TOKEN (64 'a's; its form token CSRF_TOKEN, 64 'b's),
 * made again whenever an input logged it out, so the session parsing
 * and the logged-in paths (session-bound CSRF, the header, the actor)
 * are reachable; a sid equal to it must give a logged-in request.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "util/arena.h"
#include "web/web.h"

static struct store *store;
static struct app app;
static int64_t fuzz_account;

#define SESSION_TOKEN "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define CSRF_TOKEN "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
#define API_TOKEN "klynge_cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"

/* The fuzz session, made again when an input ended it (logout). */
static void session_ensure(void)
{
	struct arena a;
	struct err err = { 0 };
	arena_init(&a);
	const char *hash = auth_token_hash(&a, SESSION_TOKEN);
	struct account acc;
	const char *csrf;
	if (hash && store_session_find(store, &a, hash, 1, &acc, &csrf, NULL,
				       &err) != 0)
		(void)store_session_create(store, fuzz_account, hash, CSRF_TOKEN, 1,
					   INT64_MAX, &err);
	arena_free(&a);
}

static const char *const methods[] = {
	"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "FOO",
};
static const char *const content_types[] = {
	NULL, "application/json", "application/x-www-form-urlencoded",
	"multipart/form-data; boundary=x", "text/plain",
	"APPLICATION/JSON; charset=utf-8", "application/x-www-form-urlencoded;",
	"",
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	struct err err = { 0 };
	if (store_open(&store, ":memory:", &err) != 0) {
		fprintf(stderr, "fuzz_request: store_open failed\n");
		abort();
	}
	FILE *f = fopen("data/demo.json", "rb");
	if (f) {
		struct buf b = BUF_INIT;
		char chunk[65536];
		size_t n;
		while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
			buf_put(&b, chunk, n);
		fclose(f);
		struct arena a;
		arena_init(&a);
		struct structure s;
		if (structure_from_json(&a, buf_str(&b), b.len, &s, &err) == 0)
			(void)store_import(store, &s, &err);
		arena_free(&a);
		buf_free(&b);
	}
	app.store = store;
	app.base_url = "http://127.0.0.1:8080";
	struct account acc = { .username = "fuzz", .display_name = "Fuzz <b>",
			       .admin = true };
	if (store_account_create(store, &acc, NULL, &err) != 0) {
		fprintf(stderr, "fuzz_request: store_account_create failed\n");
		abort();
	}
	fuzz_account = acc.id;
	app.trusted_proxies = "127.0.0.1, ::1";
	struct arena a;
	arena_init(&a);
	const char *th = auth_api_token_hash(&a, API_TOKEN);
	if (!th || store_token_create(store, acc.id, "fuzz", th, 1, NULL, &err) != 0) {
		fprintf(stderr, "fuzz_request: store_token_create failed\n");
		abort();
	}
	arena_free(&a);
	return 0;
}

/* The next '\n'-terminated part of [*p, end), as an arena string cut at
 * its first NUL (MHD hands over C strings). */
static char *part(struct arena *a, const char **p, const char *end)
{
	const char *nl = memchr(*p, '\n', (size_t)(end - *p));
	size_t n = nl ? (size_t)(nl - *p) : (size_t)(end - *p);
	char *s = arena_strndup(a, *p, n);
	*p = nl ? nl + 1 : end;
	s[strnlen(s, n)] = '\0';
	return s;
}

/* MHD_parse_arguments_ with our unescaper. */
static void parse_query(struct web_kv_list *l, char *q)
{
	while (q && *q && !l->bad) {
		char *amp = strchr(q, '&');
		if (amp)
			*amp = '\0';
		char *eq = strchr(q, '=');
		if (eq)
			*eq = '\0';
		for (char *c = q; *c; c++)
			if (*c == '+')
				*c = ' ';
		web_unescape(q);
		char *v = NULL;
		if (eq) {
			v = eq + 1;
			for (char *c = v; *c; c++)
				if (*c == '+')
					*c = ' ';
			web_unescape(v);
		}
		web_query_add(l, q, v);
		q = amp ? amp + 1 : NULL;
	}
}

static bool is_type(const char *ct, const char *prefix)
{
	return ct && strncmp(ct, prefix, strlen(prefix)) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	struct arena a;
	arena_init(&a);
	const char *p = (const char *)data + 1, *end = (const char *)data + size;
	char *path = part(&a, &p, end);
	char *query = part(&a, &p, end);
	char *cookie = part(&a, &p, end);
	char *sid = strchr(cookie, ';');
	if (sid)
		*sid++ = '\0';
	char *xff = sid ? strchr(sid, ';') : NULL;
	if (xff)
		*xff++ = '\0';
	char *auth = xff ? strchr(xff, ';') : NULL;
	if (auth)
		*auth++ = '\0';
	web_unescape(path);
	session_ensure();
	struct web_kv_list q = { .arena = &a };
	parse_query(&q, query);

	struct web_input in = {
		.method = methods[data[0] & 7],
		.path = path,
		.query = q.items,
		.n_query = q.n,
		.query_bad = q.bad,
		.csrf_cookie = *cookie ? cookie : NULL,
		.sid_cookie = sid,
		.peer = "127.0.0.1",
		.forwarded_for = xff,
		.authorization = auth,
		.content_type = content_types[(data[0] >> 3) & 7],
		.body = p,
		.body_len = (size_t)(end - p),
		.refuse = (data[0] & 0x40) ? 431 : 0,
		.too_large = (data[0] & 0x80) != 0,
	};
	struct request req = { .app = &app, .arena = &a };
	struct response res = { .status = 200, .arena = &a };
	const char *set_cookie = NULL;
	const struct embedded_file *asset = NULL;
	enum web_action act = web_handle(&in, &req, &res, &set_cookie, &asset);

	if (act == WEB_ASSET && !asset)
		abort();
	if (act == WEB_RESPOND) {
		if (res.status < 100 || res.status >= 500)
			abort();
		const char *ct = res.content_type;
		bool json = is_type(ct, "application/json");
		if ((json || !ct || is_type(ct, "text/html")) &&
		    !web_utf8_valid(buf_str(&res.body), res.body.len))
			abort();
		if (json && res.body.len) {
			json_t *j = json_loadb(res.body.data, res.body.len, 0, NULL);
			if (!j)
				abort();
			json_decref(j);
		}
	}
	if ((set_cookie != NULL) == web_csrf_valid(in.csrf_cookie))
		abort();
	/* Only the live session's token logs in (no password works: the
	 * account has none; the trusted-header mode is off), and a
	 * logged-in request's forms carry the session's token; or the API
	 * token, and only where it counts. */
	if (req.principal.account_id && !req.via_token &&
	    (!sid || strcmp(sid, SESSION_TOKEN) != 0 ||
	     req.principal.account_id != fuzz_account || !req.csrf ||
	     strcmp(req.csrf, CSRF_TOKEN) != 0))
		abort();
	if (req.via_token &&
	    (!auth || !strstr(auth, API_TOKEN) || req.principal.account_id != fuzz_account ||
	     !(strncmp(path, "/api", 4) == 0 || strncmp(path, "/oparl", 6) == 0)))
		abort();
	/* The client's address is never longer than an address. */
	if (req.peer && strlen(req.peer) >= 64)
		abort();

	buf_free(&res.body);
	arena_free(&a);
	return 0;
}
