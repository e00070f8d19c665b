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
 * Security, in one place: the request gate (request.c: CSRF, content
 * types, UTF-8) decides what is answered; every response carries the
 * same security headers.
 *
 * Limits, also in one place (docs/operations.md lists them):
 *   MEMORY_LIMIT  MHD's memory per connection; a request line or header
 *                 block that does not fit is answered by MHD itself
 *                 (414 / 431, a short English page) and the connection
 *                 closed;
 *   URL_MAX       the raw request target, query included: 414;
 *   HEADERS_MAX   header fields per request: 431;
 *   BODY_MAX      request body: 413 (declared or counted); a multipart
 *                 form POST (an upload) may have UPLOAD_BODY_MAX
 *                 (upload.h: 20 MiB per file);
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
#include <sys/socket.h>

#include "html.h"
#include "upload.h"
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
	size_t body_max;	/* BODY_MAX, or UPLOAD_BODY_MAX for a
				   multipart form POST (uploads) */
	int refuse;		/* 414 or 431: refused as its headers arrive */
	bool responded;		/* a response was queued early (413, 414, 431) */
};

/* ---- query and multipart collection ---------------------------------- */

static size_t unescape(void *cls, struct MHD_Connection *c, char *s)
{
	(void)cls;
	(void)c;
	return web_unescape(s);
}

static enum MHD_Result query_iter(void *cls, enum MHD_ValueKind kind,
				  const char *key, const char *value)
{
	(void)kind;
	return web_query_add(cls, key, value) ? MHD_YES : MHD_NO;
}

/* web_input.multipart: the body is parsed by upload.c (text fields
 * into req->form, file parts into req->files), a pure parser that is
 * fuzzed on its own (tests/fuzz/fuzz_upload.c). */
static int parse_multipart(void *cls, struct request *req)
{
	(void)cls;
	struct kv *fields = NULL;
	struct web_file *files = NULL;
	size_t nf = 0, nfiles = 0;
	if (upload_multipart_parse(req->arena, req->content_type, req->body,
				   req->body_len, &fields, &nf, &files,
				   &nfiles) != 0)
		return -1;
	req->form = fields;
	req->n_form = nf;
	req->files = files;
	req->n_files = nfiles;
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

/* Does the handler's response set this header itself (a download's
 * Content-Security-Policy "sandbox")? Then its value replaces ours. */
static bool res_has_header(const struct response *res, const char *name)
{
	for (size_t i = 0; i < res->n_headers; i++)
		if (strcasecmp(res->headers[i].name, name) == 0)
			return true;
	return false;
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
	if (res_has_header(res, "Content-Security-Policy") ||
	    res_has_header(res, "X-Content-Type-Options")) {
		if (!res_has_header(res, "Content-Security-Policy"))
			MHD_add_response_header(r, "Content-Security-Policy", CSP);
		if (!res_has_header(res, "X-Content-Type-Options"))
			MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
		MHD_add_response_header(r, "Referrer-Policy", "same-origin");
		MHD_add_response_header(r, "X-Frame-Options", "DENY");
	} else {
		add_security_headers(r);
	}
	for (size_t i = 0; i < res->n_headers; i++)
		MHD_add_response_header(r, res->headers[i].name,
					res->headers[i].value);
	if (set_cookie) {
		char *v = arena_printf(a, "csrf=%s; Path=/; HttpOnly; SameSite=Strict",
				       set_cookie);
		MHD_add_response_header(r, "Set-Cookie", v);
	}
	if (res->set_session)	/* the login cookie (auth.c) */
		MHD_add_response_header(r, "Set-Cookie", res->set_session);
	enum MHD_Result ret =
		MHD_queue_response(c, res->status ? (unsigned)res->status : 200, r);
	MHD_destroy_response(r);
	return ret;
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

/* An embedded file (/static/NAME), without copying it. */
static enum MHD_Result send_asset(struct MHD_Connection *c,
				  struct request *req,
				  const struct embedded_file *f)
{
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

/* The client's address as text ("127.0.0.1", "::1"), for the audit log;
 * NULL when MHD does not know it. */
static const char *peer_address(struct MHD_Connection *c, struct arena *a)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (!ci || !ci->client_addr)
		return NULL;
	char *out = arena_alloc(a, INET6_ADDRSTRLEN);
	const struct sockaddr *sa = ci->client_addr;
	const void *src = sa->sa_family == AF_INET6
				  ? (const void *)&((const struct sockaddr_in6 *)sa)->sin6_addr
				  : (const void *)&((const struct sockaddr_in *)sa)->sin_addr;
	if (sa->sa_family != AF_INET && sa->sa_family != AF_INET6)
		return NULL;
	return inet_ntop(sa->sa_family, src, out, INET6_ADDRSTRLEN) ? out : NULL;
}

/* X-Forwarded-For may come in several header fields: one list, joined
 * by ", " as RFC 9110 5.3 allows; NULL when there is none. */
struct xff_join {
	struct arena *arena;
	char *joined;
};

static enum MHD_Result xff_iter(void *cls, enum MHD_ValueKind kind,
				const char *key, const char *value)
{
	struct xff_join *j = cls;
	(void)kind;
	if (!key || strcasecmp(key, "X-Forwarded-For") != 0 || !value)
		return MHD_YES;
	j->joined = j->joined ? arena_printf(j->arena, "%s, %s", j->joined, value)
			      : arena_strdup(j->arena, value);
	return MHD_YES;
}

/* The last call for a request: gather what MHD parsed, run the gate
 * (request.c) and send what it decided. */
static enum MHD_Result handle(struct app *app, struct MHD_Connection *c,
			      struct reqctx *ctx, const char *url,
			      const char *method)
{
	struct arena *a = &ctx->arena;
	struct request req = { .app = app, .arena = a };
	struct web_kv_list q = { .arena = a };
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, query_iter, &q);
	struct xff_join xff = { .arena = a };
	if (app->trusted_proxies)
		MHD_get_connection_values(c, MHD_HEADER_KIND, xff_iter, &xff);
	struct web_input in = {
		.method = method,
		.path = url,
		.query = q.items,
		.n_query = q.n,
		.query_bad = q.bad,
		.csrf_cookie = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "csrf"),
		.sid_cookie = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "sid"),
		.trusted_user = app->trusted_header && *app->trusted_header
					? MHD_lookup_connection_value(c, MHD_HEADER_KIND,
								      app->trusted_header)
					: NULL,
		.proxy_secret = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
							    "X-Klynge-Proxy-Secret"),
		.content_type = MHD_lookup_connection_value(
			c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE),
		.if_match = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
							MHD_HTTP_HEADER_IF_MATCH),
		.peer = peer_address(c, a),
		.forwarded_for = xff.joined,
		.authorization = MHD_lookup_connection_value(
			c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION),
		.body = buf_str(&ctx->body),
		.body_len = ctx->body.len,
		.too_large = ctx->too_large,
		.refuse = ctx->refuse,
		.multipart = parse_multipart,
		.multipart_cls = c,
	};
	struct response res = { .status = 200, .arena = a };
	const char *set_cookie = NULL;
	const struct embedded_file *asset = NULL;
	enum web_action act = web_handle(&in, &req, &res, &set_cookie, &asset);
	buf_free(&ctx->body);	/* web_handle copied it into the arena */
	enum MHD_Result r = act == WEB_ASSET
				    ? send_asset(c, &req, asset)
				    : send_response(c, &res, set_cookie, a);
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
static bool refused_early(struct MHD_Connection *c, struct reqctx *ctx,
			  const char *url, const char *method)
{
	/* Uploads (attachments) are multipart form POSTs outside the API;
	 * only they may be larger than BODY_MAX. */
	const char *ct = MHD_lookup_connection_value(
		c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
	ctx->body_max = BODY_MAX;
	if (method && strcmp(method, "POST") == 0 && ct &&
	    strncasecmp(ct, "multipart/form-data", 19) == 0 &&
	    url && strncmp(url, "/api/", 5) != 0)
		ctx->body_max = UPLOAD_BODY_MAX;
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
		if (errno || *end || len > ctx->body_max) {
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
		if (refused_early(c, ctx, url, method)) {
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
			size_t max = ctx->body_max ? ctx->body_max : BODY_MAX;
			if (ctx->body.len + *upload_data_size > max) {
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
