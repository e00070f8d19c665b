/*
 * server.c - the HTTP server (libmicrohttpd 0.9.75); see web.h.
 *
 * One daemon with an internal epoll thread pool. Handlers block on the
 * store, so the pool is larger than the core count. For each request:
 *
 *   URI log callback (the request line has arrived): allocate the
 *      per-request context (arena + body buffer), note the raw URI's
 *      length.
 *   1st call of the access handler (the headers have arrived): check
 *      the limits below and return. Queuing a response here would make
 *      MHD drop keep-alive (stack.md, "Gotchas" 1), so only refusals
 *      are answered at once.
 *   calls with upload data: append to the body, up to 1 MiB.
 *   last call (no upload data): build a `struct request`, run the
 *      security checks below, dispatch, and queue the response.
 *   NOTIFY_COMPLETED: free the context (the arena and all it holds).
 *
 * Security, in one place: CSRF double-submit cookie for every form POST
 * outside /api/ (and any other write outside /api/ without a valid
 * token); /api/ writes must be application/json, which a cross-site
 * HTML form cannot send; invalid UTF-8 in path or query is refused; and
 * every response carries the same security headers.
 *
 * Limits, also in one place (docs/operations.md lists them):
 *   MEMORY_LIMIT  MHD's memory per connection; a request line or header
 *                 block that does not fit is answered by MHD itself
 *                 (414 / 431, a short English page) and the connection
 *                 closed;
 *   URL_MAX       the raw request target, query included: 414;
 *   HEADERS_MAX   header fields per request: 431;
 *   BODY_MAX      request body: 413 (declared or counted);
 *   timeouts      idle (MHD) plus a deadline per request against slow
 *                 clients: see "deadlines" below.
 */
#include "web.h"

#include <errno.h>
#include <arpa/inet.h>
#include <stdatomic.h>
#include <time.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/socket.h>

#include "html.h"
#include "../util/date.h"
#include "../util/embed.h"

#define BODY_MAX (1024 * 1024)
#define URL_MAX (8 * 1024)
#define HEADERS_MAX 100
#define MEMORY_LIMIT ((size_t)64 * 1024)
#define POOL_THREADS 8
#define CONNECTION_TIMEOUT_S 30		/* idle */
#define DEFAULT_HEADER_TIMEOUT_S 30	/* headers complete, per request */
#define DEFAULT_BODY_TIMEOUT_S 60	/* body complete, after the headers */
#define DEFAULT_MAX_CONNECTIONS 1000
#define DEFAULT_MAX_PER_IP 256
#define CSRF_BYTES 32
#define CSRF_HEX (CSRF_BYTES * 2)

static const char CSP[] =
	"default-src 'self'; img-src 'self' data:; style-src 'self'; "
	"script-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
	"form-action 'self'";

struct conn_watch;

struct reqctx {
	struct arena arena;
	struct buf body;
	size_t uri_len;		/* raw request target, query included */
	bool started;		/* the access handler has seen it */
	bool too_large;
	int refuse;		/* 414 or 431: refused as its headers arrive */
	bool responded;		/* a response was queued early (413, 414, 431) */
};

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

static bool csrf_token_valid(const char *t)
{
	if (!t || strlen(t) != CSRF_HEX)
		return false;
	for (const char *p = t; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return false;
	return true;
}

/* Compares two tokens in time independent of where they differ. */
static bool csrf_equal(const char *a, const char *b)
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
static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static size_t unescape(void *cls, struct MHD_Connection *c, char *s)
{
	(void)cls;
	(void)c;
	char *w = s;
	for (const char *r = s; *r; r++) {
		if (r[0] == '%' && r[1] && r[2]) {
			int hi = hexval(r[1]), lo = hexval(r[2]);
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

/* ---- query and multipart collection ---------------------------------- */

struct kv_list {
	struct arena *arena;
	struct kv *items;
	size_t n, cap;
	bool bad;		/* invalid UTF-8, too many */
};

static void kv_push(struct kv_list *l, const char *key, const char *value)
{
	if (l->n >= 4096) {
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

static enum MHD_Result query_iter(void *cls, enum MHD_ValueKind kind,
				  const char *key, const char *value)
{
	(void)kind;
	struct kv_list *l = cls;
	if (!value)
		value = "";
	if (!web_utf8_valid(key, strlen(key)) ||
	    !web_utf8_valid(value, strlen(value))) {
		l->bad = true;
		return MHD_NO;
	}
	kv_push(l, arena_strdup(l->arena, key), arena_strdup(l->arena, value));
	return l->bad ? MHD_NO : MHD_YES;
}

/* Multipart fields arrive in chunks (off > 0 continues the last one).
 * Files are not used by any form yet and are skipped. */
struct mp_state {
	struct kv_list list;
	struct buf cur;
	const char *cur_key;
	bool in_field;
};

static void mp_flush(struct mp_state *m)
{
	if (!m->in_field)
		return;
	if (!web_utf8_valid(buf_str(&m->cur), m->cur.len) && m->cur.len)
		m->list.bad = true;
	else
		kv_push(&m->list, m->cur_key,
			arena_strndup(m->list.arena, buf_str(&m->cur), m->cur.len));
	buf_reset(&m->cur);
	m->in_field = false;
}

static enum MHD_Result mp_iter(void *cls, enum MHD_ValueKind kind,
			       const char *key, const char *filename,
			       const char *content_type,
			       const char *transfer_encoding, const char *data,
			       uint64_t off, size_t size)
{
	(void)kind;
	(void)content_type;
	(void)transfer_encoding;
	struct mp_state *m = cls;
	if (filename)
		return MHD_YES;
	if (off == 0 || !m->in_field || strcmp(m->cur_key, key) != 0) {
		mp_flush(m);
		if (!web_utf8_valid(key, strlen(key))) {
			m->list.bad = true;
			return MHD_NO;
		}
		m->cur_key = arena_strdup(m->list.arena, key);
		m->in_field = true;
	}
	if (size && memchr(data, '\0', size)) {
		m->list.bad = true;
		return MHD_NO;
	}
	buf_put(&m->cur, data, size);
	return m->list.bad ? MHD_NO : MHD_YES;
}

static int parse_multipart(struct MHD_Connection *c, struct request *req,
			   const char *body, size_t len)
{
	struct mp_state m = { .list = { .arena = req->arena } };
	struct MHD_PostProcessor *pp =
		MHD_create_post_processor(c, 16 * 1024, mp_iter, &m);
	if (!pp)
		return -1;
	enum MHD_Result ok = MHD_post_process(pp, body, len);
	if (MHD_destroy_post_processor(pp) != MHD_YES)
		ok = MHD_NO;
	mp_flush(&m);
	buf_free(&m.cur);
	if (ok != MHD_YES || m.list.bad)
		return -1;
	req->form = m.list.items;
	req->n_form = m.list.n;
	return 0;
}

/* ---- responses -------------------------------------------------------- */

static void add_security_headers(struct MHD_Response *r)
{
	MHD_add_response_header(r, "Content-Security-Policy", CSP);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Referrer-Policy", "same-origin");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
}

/* Sends res (its body is handed over to MHD). set_cookie: a new CSRF
 * token to set, or NULL. */
static enum MHD_Result send_response(struct MHD_Connection *c,
				     struct response *res,
				     const char *set_cookie, struct arena *a)
{
	size_t len = res->body.len;
	char *data = buf_detach(&res->body);
	struct MHD_Response *r =
		MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
	if (!r) {
		free(data);
		return MHD_NO;
	}
	MHD_add_response_header(r, "Content-Type",
				res->content_type ? res->content_type
						  : "text/html; charset=utf-8");
	add_security_headers(r);
	for (size_t i = 0; i < res->n_headers; i++)
		MHD_add_response_header(r, res->headers[i].name,
					res->headers[i].value);
	if (set_cookie) {
		char *v = arena_printf(a, "csrf=%s; Path=/; HttpOnly; SameSite=Strict",
				       set_cookie);
		MHD_add_response_header(r, "Set-Cookie", v);
	}
	enum MHD_Result ret =
		MHD_queue_response(c, res->status ? (unsigned)res->status : 200, r);
	MHD_destroy_response(r);
	return ret;
}

/* An error answered by the server itself (before routing). */
static enum MHD_Result send_error(struct MHD_Connection *c, struct request *req,
				  int status, const char *code,
				  const char *message, const char *set_cookie)
{
	struct response res = { .status = status, .arena = req->arena };
	if (req->path && under(req->path, "/api"))
		res_json_error(&res, status, code, message);
	else
		page_error(req, &res, status, message);
	enum MHD_Result r = send_response(c, &res, set_cookie, req->arena);
	buf_free(&res.body);
	return r;
}

static const char *asset_type(const char *name)
{
	const char *dot = strrchr(name, '.');
	if (!dot)
		return "application/octet-stream";
	if (!strcmp(dot, ".css"))
		return "text/css; charset=utf-8";
	if (!strcmp(dot, ".js"))
		return "text/javascript; charset=utf-8";
	if (!strcmp(dot, ".svg"))
		return "image/svg+xml";
	if (!strcmp(dot, ".png"))
		return "image/png";
	if (!strcmp(dot, ".ico"))
		return "image/x-icon";
	if (!strcmp(dot, ".woff2"))
		return "font/woff2";
	return "application/octet-stream";
}

/* /static/NAME from the embedded table; NULL name when not found. */
static enum MHD_Result send_asset(struct MHD_Connection *c,
				  struct request *req, const char *name)
{
	const struct embedded_file *f =
		strchr(name, '/') ? NULL : embed_find(web_assets, name);
	if (!f)
		return send_error(c, req, 404, "not_found",
				  "Filen findes ikke.", NULL);
	struct MHD_Response *r = MHD_create_response_from_buffer(
		f->len, (void *)f->data, MHD_RESPMEM_PERSISTENT);
	if (!r)
		return MHD_NO;
	MHD_add_response_header(r, "Content-Type", asset_type(f->name));
	/* With the ?v= tag pages use, a file never changes under its URL. */
	MHD_add_response_header(r, "Cache-Control",
				req_query(req, "v")
					? "public, max-age=31536000, immutable"
					: "public, max-age=3600");
	add_security_headers(r);
	enum MHD_Result ret = MHD_queue_response(c, MHD_HTTP_OK, r);
	MHD_destroy_response(r);
	return ret;
}

/* ---- deadlines against slow clients -----------------------------------
 * MHD's connection timeout is an idle timeout: a client that sends one
 * byte every few seconds ("slowloris") keeps its connection, and a slot
 * of the connection limit, for as long as it likes. So each connection
 * also has a deadline for the request it is receiving: the headers must
 * be complete within header_s of the connection's start (or of the end
 * of the previous request on it), and the body within body_s of the
 * headers. While a request is being answered there is none (the idle
 * timeout covers a client that stops reading).
 *
 * A watchdog thread shuts down the socket of a connection past its
 * deadline; MHD then reads the end of the stream and closes the
 * connection its usual way (callbacks, cleanup). The socket cannot be
 * closed and reused under us: MHD calls NOTIFY_CONNECTION(CLOSED),
 * which takes the entry off the list under watch.mu, before it closes
 * the descriptor (daemon.c, 0.9.75).
 */
struct conn_watch {
	struct conn_watch *prev, *next;
	int fd;
	_Atomic int64_t deadline_ms;	/* CLOCK_MONOTONIC; 0: none */
};

static struct {
	pthread_mutex_t mu;
	struct conn_watch *head;	/* under mu */
	atomic_bool stop;
	unsigned header_s, body_s;
} watch = { .mu = PTHREAD_MUTEX_INITIALIZER };

static int64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void watch_set(struct conn_watch *w, unsigned seconds)
{
	if (w)
		atomic_store(&w->deadline_ms,
			     seconds ? mono_ms() + (int64_t)seconds * 1000 : 0);
}

static struct conn_watch *watch_of(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	return ci ? ci->socket_context : NULL;
}

static void on_connection(void *cls, struct MHD_Connection *c,
			  void **socket_ctx,
			  enum MHD_ConnectionNotificationCode code)
{
	(void)cls;
	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *ci =
			MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
		struct conn_watch *w = calloc(1, sizeof(*w));
		if (!w || !ci) {
			free(w);	/* no deadline; the idle timeout still holds */
			return;
		}
		w->fd = ci->connect_fd;
		watch_set(w, watch.header_s);
		pthread_mutex_lock(&watch.mu);
		w->next = watch.head;
		if (watch.head)
			watch.head->prev = w;
		watch.head = w;
		pthread_mutex_unlock(&watch.mu);
		*socket_ctx = w;
		return;
	}
	struct conn_watch *w = *socket_ctx;
	if (!w)
		return;
	pthread_mutex_lock(&watch.mu);
	if (w->prev)
		w->prev->next = w->next;
	else
		watch.head = w->next;
	if (w->next)
		w->next->prev = w->prev;
	pthread_mutex_unlock(&watch.mu);
	free(w);
	*socket_ctx = NULL;
}

static void *watchdog(void *arg)
{
	(void)arg;
	const struct timespec tick = { 0, 250 * 1000 * 1000 };
	while (!atomic_load(&watch.stop)) {
		nanosleep(&tick, NULL);
		int64_t now = mono_ms();
		pthread_mutex_lock(&watch.mu);
		for (struct conn_watch *w = watch.head; w; w = w->next) {
			int64_t d = atomic_load(&w->deadline_ms);
			if (d && now > d) {
				atomic_store(&w->deadline_ms, 0);
				shutdown(w->fd, SHUT_RDWR);
			}
		}
		pthread_mutex_unlock(&watch.mu);
	}
	return NULL;
}

/* ---- the access handler ---------------------------------------------- */

static enum MHD_Result handle(struct app *app, struct MHD_Connection *c,
			      struct reqctx *ctx, const char *url,
			      const char *method)
{
	struct request req = { .app = app, .arena = &ctx->arena,
			       .method = method, .path = url };
	struct arena *a = &ctx->arena;

	/* CSRF token: the client's cookie when well-formed, else a new one
	 * that this response sets. */
	const char *cookie = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "csrf");
	const char *set_cookie = NULL;
	if (csrf_token_valid(cookie)) {
		req.csrf = arena_strdup(a, cookie);
	} else {
		req.csrf = csrf_new(a);
		set_cookie = req.csrf;
		cookie = NULL;
	}

	bool url_ok = url && url[0] == '/' && web_utf8_valid(url, strlen(url));
	if (ctx->refuse) {
		if (!url_ok)
			req.path = "/";
		if (ctx->refuse == 414)
			return send_error(c, &req, 414, "uri_too_long",
					  "Adressen er for lang (højst 8 KiB).",
					  set_cookie);
		return send_error(c, &req, 431, "header_fields_too_large",
				  "Forespørgslen har for mange headerfelter.",
				  set_cookie);
	}

	if (!url_ok) {
		req.path = "/";
		return send_error(c, &req, 400, "bad_request",
				  "Ugyldig adresse (tegnkodningen skal være UTF-8).",
				  set_cookie);
	}

	struct kv_list q = { .arena = a };
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, query_iter, &q);
	if (q.bad)
		return send_error(c, &req, 400, "bad_request",
				  "Ugyldige parametre i adressen (tegnkodningen skal være UTF-8).",
				  set_cookie);
	req.query = q.items;
	req.n_query = q.n;

	if (ctx->too_large)
		return send_error(c, &req, 413, "payload_too_large",
				  "Forespørgslen er for stor. Der kan højst sendes 1 MiB.",
				  set_cookie);

	if (has_prefix(url, "/static/") &&
	    (!strcmp(method, "GET") || !strcmp(method, "HEAD")))
		return send_asset(c, &req, url + strlen("/static/"));

	const char *ct = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
						     MHD_HTTP_HEADER_CONTENT_TYPE);
	req.content_type = ct ? arena_strdup(a, ct) : "";
	req.body_len = ctx->body.len;
	req.body = arena_strndup(a, buf_str(&ctx->body), ctx->body.len);
	buf_free(&ctx->body);

	if (is_write_method(method)) {
		if (under(url, "/api")) {
			/* A DELETE without a body carries nothing to type; a
			 * cross-site page cannot send one without a CORS
			 * preflight, which is never granted. */
			bool bodiless_delete = !strcmp(method, "DELETE") &&
					       req.body_len == 0;
			if (!bodiless_delete &&
			    !media_is(req.content_type, "application/json"))
				return send_error(c, &req, 415, "unsupported_media_type",
						  "Indholdet skal sendes som application/json.",
						  set_cookie);
		} else if (!under(url, "/oparl")) {
			int rc = 0;
			if (media_is(req.content_type,
				     "application/x-www-form-urlencoded"))
				rc = form_parse(a, req.body, req.body_len,
						&req.form, &req.n_form);
			else if (media_is(req.content_type, "multipart/form-data"))
				rc = parse_multipart(c, &req, req.body, req.body_len);
			if (rc != 0)
				return send_error(c, &req, 400, "bad_request",
						  "Formularens indhold kunne ikke læses (ugyldig kodning).",
						  set_cookie);
			/* Any other write outside the API (text/plain forms
			 * included) has no "csrf" field and is refused here. */
			if (!csrf_equal(req_form(&req, "csrf"), cookie))
				return send_error(c, &req, 403, "csrf",
						  "Formularen er udløbet – indlæs siden igen og prøv på ny.",
						  set_cookie);
		}
	}

	struct response res = { .status = 200, .arena = a };
	web_dispatch(&req, &res);
	enum MHD_Result r = send_response(c, &res, set_cookie, a);
	buf_free(&res.body);
	return r;
}

static struct reqctx *reqctx_new(void)
{
	struct reqctx *ctx = calloc(1, sizeof(*ctx));
	if (!ctx)
		return NULL;
	arena_init(&ctx->arena);
	ctx->arena.block_size = 64 * 1024;
	return ctx;
}

/* MHD_OPTION_URI_LOG_CALLBACK: the request line has arrived; uri is the
 * raw target, query included. What it returns is the request's *con_cls
 * (freed by on_completed, which MHD calls for it from here on). */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
	(void)cls;
	(void)c;
	struct reqctx *ctx = reqctx_new();
	if (ctx)
		ctx->uri_len = uri ? strlen(uri) : 0;
	return ctx;
}

static enum MHD_Result count_header(void *cls, enum MHD_ValueKind kind,
				    const char *key, const char *value)
{
	(void)kind;
	(void)key;
	(void)value;
	(*(size_t *)cls)++;
	return MHD_YES;
}

/* The first call for a request (its headers are in): limits that refuse
 * it before any body is read. Returns true when it is refused. */
static bool refused_early(struct MHD_Connection *c, struct reqctx *ctx)
{
	if (ctx->uri_len > URL_MAX) {
		ctx->refuse = 414;
		return true;
	}
	size_t n = 0;
	MHD_get_connection_values(c, MHD_HEADER_KIND, count_header, &n);
	if (n > HEADERS_MAX) {
		ctx->refuse = 431;
		return true;
	}
	/* A declared body over the limit is refused before it is read; MHD
	 * then closes the connection. (MHD itself has already refused a
	 * Content-Length that is not a number.) */
	const char *cl = MHD_lookup_connection_value(
		c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (cl) {
		char *end;
		errno = 0;
		unsigned long long len = strtoull(cl, &end, 10);
		if (errno || *end || len > BODY_MAX) {
			ctx->too_large = true;
			return true;
		}
	}
	return false;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c,
				  const char *url, const char *method,
				  const char *version, const char *upload_data,
				  size_t *upload_data_size, void **con_cls)
{
	(void)version;
	struct reqctx *ctx = *con_cls;
	if (!ctx) {		/* on_uri could not allocate */
		ctx = reqctx_new();
		if (!ctx)
			return MHD_NO;
		*con_cls = ctx;
	}
	if (!ctx->started) {
		ctx->started = true;
		/* The headers are in; now the body has its own deadline. */
		watch_set(watch_of(c), watch.body_s);
		if (refused_early(c, ctx)) {
			ctx->responded = true;
			watch_set(watch_of(c), 0);
			return handle(cls, c, ctx, url, method);
		}
		return MHD_YES;
	}
	if (ctx->responded) {
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (*upload_data_size) {
		if (!ctx->too_large) {
			if (ctx->body.len + *upload_data_size > BODY_MAX) {
				ctx->too_large = true;
				buf_free(&ctx->body);
			} else {
				buf_put(&ctx->body, upload_data, *upload_data_size);
			}
		}
		*upload_data_size = 0;
		return MHD_YES;
	}
	watch_set(watch_of(c), 0);	/* the request is in: answering it */
	return handle(cls, c, ctx, url, method);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)toe;
	/* The next request on this connection starts its own deadline. */
	watch_set(watch_of(c), watch.header_s);
	struct reqctx *ctx = *con_cls;
	if (!ctx)
		return;
	buf_free(&ctx->body);
	arena_free(&ctx->arena);
	free(ctx);
	*con_cls = NULL;
}

static unsigned env_uint(const char *name, unsigned def)
{
	const char *s = getenv(name);
	if (!s || !*s)
		return def;
	char *end;
	unsigned long v = strtoul(s, &end, 10);
	return (*end || v == 0 || v > 1000000) ? def : (unsigned)v;
}

int web_serve(struct app *app, const char *addr, int port)
{
	struct sockaddr_in6 sa6 = { 0 };
	struct sockaddr_in sa4 = { 0 };
	struct sockaddr *sa;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
			 MHD_USE_ERROR_LOG;
	if (inet_pton(AF_INET, addr, &sa4.sin_addr) == 1) {
		sa4.sin_family = AF_INET;
		sa4.sin_port = htons((uint16_t)port);
		sa = (struct sockaddr *)&sa4;
	} else if (inet_pton(AF_INET6, addr, &sa6.sin6_addr) == 1) {
		sa6.sin6_family = AF_INET6;
		sa6.sin6_port = htons((uint16_t)port);
		sa = (struct sockaddr *)&sa6;
		flags |= MHD_USE_IPv6;
	} else {
		fprintf(stderr, "klynge serve: ugyldig adresse '%s' (brug en IP-adresse)\n",
			addr);
		return -1;
	}

	/* date_today() sets TZ on first use; do it before threads exist. */
	(void)date_today();
	(void)html_asset_version();

	/* Signals: the daemon's threads inherit a mask without SIGINT and
	 * SIGTERM, and this thread waits for them with sigwait(). */
	signal(SIGPIPE, SIG_IGN);
	sigset_t set, old;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, &old);

	watch.header_s = env_uint("KLYNGE_HEADER_TIMEOUT", DEFAULT_HEADER_TIMEOUT_S);
	watch.body_s = env_uint("KLYNGE_BODY_TIMEOUT", DEFAULT_BODY_TIMEOUT_S);
	atomic_store(&watch.stop, false);
	pthread_t watchdog_thread;
	if (pthread_create(&watchdog_thread, NULL, watchdog, NULL) != 0) {
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		fprintf(stderr, "klynge serve: kan ikke starte tråde\n");
		return -1;
	}

	struct MHD_Daemon *d = MHD_start_daemon(
		flags, (uint16_t)port, NULL, NULL, on_request, app,
		MHD_OPTION_SOCK_ADDR, sa,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)POOL_THREADS,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)CONNECTION_TIMEOUT_S,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, MEMORY_LIMIT,
		MHD_OPTION_CONNECTION_LIMIT,
		env_uint("KLYNGE_MAX_CONNECTIONS", DEFAULT_MAX_CONNECTIONS),
		MHD_OPTION_PER_IP_CONNECTION_LIMIT,
		env_uint("KLYNGE_MAX_PER_IP", DEFAULT_MAX_PER_IP),
		MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
		MHD_OPTION_NOTIFY_CONNECTION, on_connection, NULL,
		MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
		MHD_OPTION_END);
	if (!d) {
		atomic_store(&watch.stop, true);
		pthread_join(watchdog_thread, NULL);
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		fprintf(stderr, "klynge serve: kan ikke lytte på %s:%d\n", addr, port);
		return -1;
	}
	if (strchr(addr, ':'))
		printf("klynge lytter på http://[%s]:%d\n", addr, port);
	else
		printf("klynge lytter på http://%s:%d\n", addr, port);
	fflush(stdout);

	int sig = 0;
	while (sigwait(&set, &sig) != 0)
		;
	fprintf(stderr, "klynge: stopper (%s)\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
	MHD_stop_daemon(d);
	atomic_store(&watch.stop, true);
	pthread_join(watchdog_thread, NULL);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return 0;
}
