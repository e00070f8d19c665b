/*
 * router.c - route matching, request/response helpers and the shared
 * structure cache; see web.h.
 *
 * Routes come from four tables (pages, forms, API, OParl). A pattern is
 * a path of literal segments and ":name" segments that each match one
 * non-empty segment. When several routes match a path, the most specific
 * wins: comparing segment by segment, a literal beats a parameter at the
 * first place where they differ ("/people/new" beats "/people/:id"); on a
 * tie the earlier table and entry win. A path that matches only routes of
 * other methods gives 405 with an Allow header; no match at all 404.
 */
#include "web.h"
#include "util/num.h"

#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "html.h"
#include "../core/rules.h"
#include "../util/date.h"

/* ---- matching -------------------------------------------------------- */

#define MAX_SEGMENTS 16

/* Does pattern match path? On success fills params (pointers into the
 * arena) and a specificity key: bit (MAX_SEGMENTS-1-i) set when segment
 * i is a literal, so a larger key is more specific in the order above. */
static bool route_match(struct arena *a, const char *pattern, const char *path,
			const char **params, size_t *n_params, unsigned *key)
{
	const char *pp = pattern, *up = path;
	size_t np = 0;
	unsigned k = 0;
	int seg = 0;
	if (*pp != '/' || *up != '/')
		return false;
	for (;;) {
		if (*pp == '\0' || *up == '\0')
			break;
		pp++;		/* skip '/' */
		up++;
		const char *pe = strchrnul(pp, '/');
		const char *ue = strchrnul(up, '/');
		size_t pl = (size_t)(pe - pp), ul = (size_t)(ue - up);
		if (pl > 0 && pp[0] == ':') {
			if (ul == 0)
				return false;
			if (np < 4 && params)
				params[np] = arena_strndup(a, up, ul);
			np++;
		} else {
			if (pl != ul || memcmp(pp, up, pl) != 0)
				return false;
			if (seg < MAX_SEGMENTS)
				k |= 1u << (MAX_SEGMENTS - 1 - seg);
		}
		seg++;
		pp = pe;
		up = ue;
	}
	if (*pp != '\0' || *up != '\0')
		return false;
	if (np > 4)
		return false;
	*n_params = np;
	*key = k;
	return true;
}

static const struct route *const *route_tables(void)
{
	static const struct route *const tables[] = {
		page_routes, form_routes, api_routes, oparl_routes, auth_routes,
		meeting_routes, meeting_api_routes, calendar_routes,
		case_routes, case_api_routes,
		admin_routes, note_routes, NULL
	};
	return tables;
}

static bool method_is(const char *m, const char *want)
{
	return m && strcmp(m, want) == 0;
}

/* Route method `rm` serves request method `m`? HEAD is served by GET. */
static bool method_fits(const char *rm, const char *m)
{
	if (method_is(m, rm))
		return true;
	return method_is(m, "HEAD") && strcmp(rm, "GET") == 0;
}

static bool is_machine_path(const char *path)
{
	return strncmp(path, "/api/", 5) == 0 || strcmp(path, "/api") == 0 ||
	       strncmp(path, "/oparl/", 7) == 0 || strcmp(path, "/oparl") == 0;
}

/* Adds method to a comma-separated Allow list unless present. */
static void allow_add(struct buf *allow, const char *method)
{
	const char *s = buf_str(allow);
	size_t n = strlen(method);
	for (const char *p = s; (p = strstr(p, method)) != NULL; p += n)
		if ((p == s || p[-1] == ' ') && (p[n] == ',' || p[n] == '\0'))
			return;
	if (allow->len)
		buf_puts(allow, ", ");
	buf_puts(allow, method);
}

static bool page_cache_enabled(void);
static bool page_cache_get(struct request *req, const char *key,
			   struct response *res);
static void page_cache_put(struct request *req, const char *key,
			   const struct response *res);

/* The cache key of a read-only page: everything its output depends on
 * besides the structure (today's date, path, query). NULL when too long
 * to be worth caching. */
static const char *page_key(struct request *req)
{
	struct buf b = BUF_INIT;
	buf_printf(&b, "%d %s", date_today(), req->path);
	for (size_t i = 0; i < req->n_query; i++) {
		buf_putc(&b, i ? '&' : '?');
		buf_puts(&b, req->query[i].key);
		buf_putc(&b, '=');
		buf_puts(&b, req->query[i].value);
	}
	const char *k = b.len <= 512 ? arena_strndup(req->arena, buf_str(&b), b.len)
				     : NULL;
	buf_free(&b);
	return k;
}

/*
 * Finds the route and runs it. Read-only pages (page_routes, GET/HEAD)
 * depend only on the structure, today's date and the URL, so their
 * output is remembered with the shared structure and served from there
 * until the structure changes (see "the shared structure" below).
 */
void web_dispatch(struct request *req, struct response *res)
{
	if (!res->status)
		res->status = 200;
	if (!res->arena)
		res->arena = req->arena;
	/* Who the audit log names for this request's writes (per thread):
	 * the account's username when logged in. */
	if (req->principal.account_id && req->username && *req->username)
		store_actor_set(req->username);
	else
		store_actor_set(req->peer && *req->peer
					? arena_printf(req->arena, "anonym (%s)", req->peer)
					: "anonym");
	const char *path = req->path ? req->path : "/";
	const char *method = req->method ? req->method : "GET";

	const struct route *best = NULL;
	const struct route *best_table = NULL;
	unsigned best_key = 0;
	const char *best_params[4] = { 0 };
	size_t best_np = 0;
	struct buf allow = BUF_INIT;
	bool path_known = false;

	for (const struct route *const *t = route_tables(); *t; t++) {
		for (const struct route *r = *t; r->pattern; r++) {
			const char *params[4] = { 0 };
			size_t np = 0;
			unsigned key = 0;
			if (!route_match(req->arena, r->pattern, path, params,
					 &np, &key))
				continue;
			path_known = true;
			if (!method_fits(r->method, method)) {
				allow_add(&allow, r->method);
				if (strcmp(r->method, "GET") == 0)
					allow_add(&allow, "HEAD");
				continue;
			}
			if (best && key <= best_key)
				continue;
			best = r;
			best_table = *t;
			best_key = key;
			best_np = np;
			memcpy(best_params, params, sizeof(params));
		}
	}

	if (best) {
		memcpy(req->params, best_params, sizeof(best_params));
		req->n_params = best_np;
		/* Logged-in pages name the person in their header: only the
		 * public's pages are shared. */
		const char *key = best_table == page_routes && !req->no_cache &&
					  !req->principal.account_id &&
					  page_cache_enabled()
					  ? page_key(req) : NULL;
		if (!key || !page_cache_get(req, key, res)) {
			best->fn(req, res);
			if (key)
				page_cache_put(req, key, res);
		}
	} else if (path_known) {
		char *a = arena_strdup(req->arena, buf_str(&allow));
		page_error(req, res, 405,
			   is_machine_path(path)
				   ? "Metoden er ikke tilladt for denne adresse."
				   : "Siden kan ikke bruges på den måde.");
		res_header(res, "Allow", a);
	} else {
		page_error(req, res, 404,
			   is_machine_path(path)
				   ? "Ressourcen findes ikke."
				   : "Siden findes ikke. Den kan være flyttet eller slettet.");
	}
	buf_free(&allow);
	/* Whatever a write did, pages must not show the state before it. */
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0 &&
	    best_table != auth_routes)	/* logins change no structure */
		web_structure_invalidate(req->app);
	web_request_end(req);
}

/* ---- request helpers ------------------------------------------------- */

static const char *kv_get(const struct kv *kv, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (kv[i].key && strcmp(kv[i].key, key) == 0)
			return kv[i].value;
	return NULL;
}

const char *req_query(const struct request *req, const char *key)
{
	return kv_get(req->query, req->n_query, key);
}

const char *req_form(const struct request *req, const char *key)
{
	return kv_get(req->form, req->n_form, key);
}

/* Only plain decimal digits, no sign, no leading zero, fits int64. */
int64_t req_param_id(const struct request *req, size_t i)
{
	if (i >= req->n_params || i >= 4)
		return 0;
	return num_positive(req->params[i]);
}

/* ---- response helpers ------------------------------------------------ */

void res_header(struct response *res, const char *name, const char *value)
{
	if (!name || !value)
		return;
	if (res->arena) {
		name = arena_strdup(res->arena, name);
		value = arena_strdup(res->arena, value);
	}
	/* Replace an earlier value of the same header (Location twice). */
	for (size_t i = 0; i < res->n_headers; i++)
		if (strcasecmp(res->headers[i].name, name) == 0) {
			res->headers[i].value = value;
			return;
		}
	if (res->n_headers >= sizeof(res->headers) / sizeof(res->headers[0]))
		return;
	res->headers[res->n_headers].name = name;
	res->headers[res->n_headers].value = value;
	res->n_headers++;
}

/* Only local paths: "//evil.example" or "http:..." would be an open
 * redirect, so anything else goes to "/". */
void res_redirect(struct response *res, const char *location)
{
	if (!location || location[0] != '/' || location[1] == '/' ||
	    location[1] == '\\' || strpbrk(location, "\r\n"))
		location = "/";
	res->status = 303;
	res_header(res, "Location", location);
	buf_reset(&res->body);
}

void res_json_error(struct response *res, int status, const char *code,
		    const char *message)
{
	json_t *o = json_pack("{s:{s:s, s:s}}", "error", "code",
			      code ? code : "error", "message",
			      message ? message : "");
	buf_reset(&res->body);
	res->status = status;
	res->content_type = "application/json; charset=utf-8";
	char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
	if (s) {
		buf_puts(&res->body, s);
		free(s);
	} else {
		buf_puts(&res->body, "{\"error\":{\"code\":\"internal\",\"message\":\"\"}}");
	}
	buf_putc(&res->body, '\n');
	json_decref(o);
}

/* ---- the shared structure -------------------------------------------
 * Loading the whole structure takes milliseconds; pages need it on every
 * request. So one loaded copy is kept per store generation and shared,
 * read-only, between the server's threads. Each request that uses it
 * takes a reference (under cache_mu) and gives it back at request end;
 * the cache holds one reference of its own. When the generation moves
 * on (or web_structure_invalidate is called) the next request loads a
 * new copy and the cache drops its reference on the old one, which is
 * freed when the last request still reading it ends. Loads happen under
 * the lock, so a burst of requests after a write loads once.
 */
/* Rule-check results for (body, date), computed once per structure:
 * the structure is immutable, so the result cannot change. Bounded, so
 * that requests for ever new dates cannot grow memory without limit. */
#define CHECK_BUCKETS 1024
#define CHECK_MAX 8192
/* Rendered read-only pages, bounded the same way. */
#define PAGE_BUCKETS 256
#define PAGE_MAX 512
#define PAGE_MAX_BYTES (32u * 1024 * 1024)

struct page_entry {
	struct page_entry *next;
	const char *key;
	const char *content_type;
	char *body;
	size_t len;
};

struct check_entry {
	struct check_entry *next;
	int64_t body_id;
	int date;
	struct violations v;
};

struct shared_structure {
	struct arena arena;
	struct structure s;
	struct store *store;
	int64_t generation;
	int refs;
	bool stale;
	pthread_rwlock_t check_mu;	/* guards checks, pages and the arena after load */
	struct check_entry *checks[CHECK_BUCKETS];
	size_t n_checks;
	struct page_entry *pages[PAGE_BUCKETS];	/* also under check_mu */
	size_t n_pages, page_bytes;
	/* The public's view of s on pub_date (also under check_mu). */
	const struct structure *pub;
	int pub_date;
	/* Every meeting, shallow (store_meeting_list), loaded on first use
	 * (also under check_mu): meetings are written through the store,
	 * which moves the generation, so they are as fresh as s. */
	struct meeting *meetings;
	size_t n_meetings;
	bool meetings_loaded;
	/* All casework, loaded on first use (under check_mu), likewise. */
	struct casework casework;
	bool casework_loaded;
	/* Audit lists already asked for (under check_mu), newest first. */
	struct audit_cached *audits;
	size_t n_audits;
};

/* One cached answer of store_audit_list. */
struct audit_cached {
	struct audit_cached *next;
	const char *kind;		/* "" for any */
	int64_t object_id, body_id;
	int limit;
	struct audit_entry *rows;
	size_t n;
};
/* A page asks for a handful of audit lists; a crawler could ask for
 * thousands. Beyond this many, answers are not kept. */
#define AUDIT_CACHE_MAX 2048

/* Writes through this server invalidate the cache at once (web_dispatch
 * does it after every non-GET request; handlers may too). Writes by other
 * processes (a CLI import into a served database) are noticed by asking
 * the store for its generation at most this often. */
#define GENERATION_POLL_MS 100

static pthread_mutex_t cache_mu = PTHREAD_MUTEX_INITIALIZER;
static _Atomic int64_t last_poll_ms;
static struct shared_structure *cache_cur;
static const struct structure empty_structure;

static void shared_unref_locked(struct shared_structure *sh)
{
	if (--sh->refs == 0) {
		pthread_rwlock_destroy(&sh->check_mu);
		arena_free(&sh->arena);
		free(sh);
	}
}

/* Milliseconds on a coarse monotonic clock (cheap: no syscall). */
static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Is it time to ask the store for its generation? Only one thread per
 * interval does; the rest use the loaded copy. */
static bool poll_due(void)
{
	int64_t now = now_ms();
	int64_t last = atomic_load(&last_poll_ms);
	if (now - last < GENERATION_POLL_MS)
		return false;
	return atomic_compare_exchange_strong(&last_poll_ms, &last, now);
}

const struct structure *web_structure_full(struct request *req)
{
	if (req->structure_full)
		return req->structure_full;
	struct store *st = req->app ? req->app->store : NULL;
	if (!st) {
		req->structure_full = &empty_structure;
		return req->structure_full;
	}
	/* Asking the store takes its lock and an SQLite statement, so it is
	 * done outside cache_mu and at most every GENERATION_POLL_MS. */
	int64_t gen = poll_due() ? store_generation(st) : -1;
	pthread_mutex_lock(&cache_mu);
	struct shared_structure *sh = cache_cur;
	if (!sh || sh->stale || sh->store != st ||
	    (gen >= 0 && sh->generation != gen)) {
		/* The generation is read before loading: a write landing in
		 * between makes the copy look older, never newer. */
		gen = store_generation(st);
		sh = calloc(1, sizeof(*sh));
		if (!sh)
			abort();
		arena_init(&sh->arena);
		sh->arena.block_size = 256 * 1024;
		struct err err = { 0 };
		if (store_load(st, &sh->arena, &sh->s, &err) != 0) {
			/* Not cached: the next request tries again. */
			arena_free(&sh->arena);
			free(sh);
			pthread_mutex_unlock(&cache_mu);
			req->structure_full = &empty_structure;
			return req->structure_full;
		}
		sh->store = st;
		sh->generation = gen;
		sh->refs = 1;		/* the cache's own */
		pthread_rwlock_init(&sh->check_mu, NULL);
		if (cache_cur)
			shared_unref_locked(cache_cur);
		cache_cur = sh;
	}
	sh->refs++;
	pthread_mutex_unlock(&cache_mu);
	req->structure_ref = sh;
	req->structure_full = &sh->s;
	return req->structure_full;
}

const struct meeting *web_meetings_all(struct request *req, size_t *n)
{
	*n = 0;
	web_structure_full(req);
	struct shared_structure *sh = req->structure_ref;
	struct store *st = req->app ? req->app->store : NULL;
	if (!sh || !st)
		return NULL;
	pthread_rwlock_rdlock(&sh->check_mu);
	bool loaded = sh->meetings_loaded;
	pthread_rwlock_unlock(&sh->check_mu);
	if (!loaded) {
		pthread_rwlock_wrlock(&sh->check_mu);
		if (!sh->meetings_loaded) {
			struct err err = { 0 };
			struct meeting *ms = NULL;
			size_t nm = 0;
			if (store_meeting_list(st, &sh->arena, 0, 0, 0, &ms, &nm,
					       &err) == 0) {
				sh->meetings = ms;
				sh->n_meetings = nm;
				sh->meetings_loaded = true;
			}
		}
		loaded = sh->meetings_loaded;
		pthread_rwlock_unlock(&sh->check_mu);
		if (!loaded)
			return NULL;
	}
	/* Read-only from here on: the request holds a reference. */
	*n = sh->n_meetings;
	return sh->meetings;
}

const struct casework *web_casework_all(struct request *req)
{
	web_structure_full(req);
	struct shared_structure *sh = req->structure_ref;
	struct store *st = req->app ? req->app->store : NULL;
	if (!sh || !st)
		return NULL;
	pthread_rwlock_rdlock(&sh->check_mu);
	bool loaded = sh->casework_loaded;
	pthread_rwlock_unlock(&sh->check_mu);
	if (!loaded) {
		pthread_rwlock_wrlock(&sh->check_mu);
		if (!sh->casework_loaded) {
			struct err err = { 0 };
			if (store_casework_load(st, &sh->arena, &sh->casework,
						&err) == 0)
				sh->casework_loaded = true;
		}
		loaded = sh->casework_loaded;
		pthread_rwlock_unlock(&sh->check_mu);
	}
	return loaded ? &sh->casework : NULL;
}

static struct audit_cached *audit_find(struct shared_structure *sh,
				       const char *kind, int64_t object_id,
				       int64_t body_id, int limit)
{
	for (struct audit_cached *c = sh->audits; c; c = c->next)
		if (c->object_id == object_id && c->body_id == body_id &&
		    c->limit == limit && strcmp(c->kind, kind) == 0)
			return c;
	return NULL;
}

int web_audit_list(struct request *req, const char *kind, int64_t object_id,
		   int64_t body_id, int limit, const struct audit_entry **out,
		   size_t *n)
{
	*out = NULL;
	*n = 0;
	web_structure_full(req);
	struct shared_structure *sh = req->structure_ref;
	struct store *st = req->app ? req->app->store : NULL;
	if (!sh || !st)
		return -1;
	const char *k = kind ? kind : "";
	/* Account changes do not move the generation (accounts.c): their
	 * history is always asked for anew. */
	bool cacheable = strcmp(k, "account") != 0;
	pthread_rwlock_rdlock(&sh->check_mu);
	struct audit_cached *c = cacheable
		? audit_find(sh, k, object_id, body_id, limit) : NULL;
	pthread_rwlock_unlock(&sh->check_mu);
	if (!c) {
		pthread_rwlock_wrlock(&sh->check_mu);
		c = cacheable ? audit_find(sh, k, object_id, body_id, limit)
			      : NULL;
		if (!c && cacheable && sh->n_audits < AUDIT_CACHE_MAX) {
			struct audit_entry *rows = NULL;
			size_t nr = 0;
			struct err err = { 0 };
			if (store_audit_list(st, &sh->arena, kind, object_id,
					     body_id, limit, &rows, &nr,
					     &err) == 0) {
				c = arena_alloc(&sh->arena, sizeof(*c));
				c->kind = arena_strdup(&sh->arena, k);
				c->object_id = object_id;
				c->body_id = body_id;
				c->limit = limit;
				c->rows = rows;
				c->n = nr;
				c->next = sh->audits;
				sh->audits = c;
				sh->n_audits++;
			}
		}
		pthread_rwlock_unlock(&sh->check_mu);
		if (!c) {
			/* Not cached (full, or the store failed): ask it for
			 * this request alone. */
			struct audit_entry *rows = NULL;
			size_t nr = 0;
			struct err err = { 0 };
			if (store_audit_list(st, req->arena, kind, object_id,
					     body_id, limit, &rows, &nr, &err) != 0)
				return -1;
			*out = rows;
			*n = nr;
			return 0;
		}
	}
	*out = c->rows;
	*n = c->n;
	return 0;
}

/* The public's view of the shared structure on date, made once and kept
 * with it (in its arena, so it lives as long as the structure). */
static const struct structure *public_view(struct shared_structure *sh,
					   int date)
{
	pthread_rwlock_rdlock(&sh->check_mu);
	const struct structure *v = sh->pub && sh->pub_date == date ? sh->pub : NULL;
	pthread_rwlock_unlock(&sh->check_mu);
	if (v)
		return v;
	static const struct principal nobody = { 0 };
	pthread_rwlock_wrlock(&sh->check_mu);
	if (!sh->pub || sh->pub_date != date) {
		struct structure *out = arena_alloc(&sh->arena, sizeof(*out));
		access_view(&sh->arena, &sh->s, &nobody, date, out);
		sh->pub = out;
		sh->pub_date = date;
	}
	v = sh->pub;
	pthread_rwlock_unlock(&sh->check_mu);
	return v;
}

/*
 * The one place reads are filtered: OParl is public data only, so it
 * always gets the public view; an administrator sees everything; anyone
 * else gets core access_view for today.
 */
const struct structure *web_structure(struct request *req)
{
	if (req->structure)
		return req->structure;
	const struct structure *full = web_structure_full(req);
	struct shared_structure *sh = req->structure_ref;
	static const struct principal nobody = { 0 };
	const struct principal *p = &req->principal;
	bool oparl = req->path && (strncmp(req->path, "/oparl/", 7) == 0 ||
				   strcmp(req->path, "/oparl") == 0);
	if (oparl)
		p = &nobody;
	int date = date_today();
	if (p->admin && !oparl) {
		req->structure = full;
	} else if (access_is_public(p) && sh) {
		req->structure = public_view(sh, date);
	} else {
		struct structure *out = arena_alloc(req->arena, sizeof(*out));
		access_view(req->arena, full, p, date, out);
		req->structure = out;
	}
	return req->structure;
}

void web_structure_invalidate(struct app *app)
{
	(void)app;
	pthread_mutex_lock(&cache_mu);
	if (cache_cur)
		cache_cur->stale = true;
	pthread_mutex_unlock(&cache_mu);
}

void web_request_end(struct request *req)
{
	struct shared_structure *sh = req->structure_ref;
	if (sh) {
		pthread_mutex_lock(&cache_mu);
		shared_unref_locked(sh);
		pthread_mutex_unlock(&cache_mu);
	}
	req->structure_ref = NULL;
	req->structure = NULL;
	req->structure_full = NULL;
}

static unsigned check_hash(int64_t body_id, int date)
{
	uint64_t h = (uint64_t)body_id * 0x9E3779B97F4A7C15ULL ^ (uint64_t)(unsigned)date;
	h ^= h >> 29;
	return (unsigned)(h % CHECK_BUCKETS);
}

static const struct violations *check_find(struct shared_structure *sh,
					   int64_t body_id, int date)
{
	for (struct check_entry *e = sh->checks[check_hash(body_id, date)]; e;
	     e = e->next)
		if (e->body_id == body_id && e->date == date)
			return &e->v;
	return NULL;
}

/* Copies v into the shared arena (check_mu held). The codes are the
 * string constants of rules.h and are kept as they are. */
static const struct violations *check_insert(struct shared_structure *sh,
					     int64_t body_id, int date,
					     const struct violations *v)
{
	struct check_entry *e = arena_alloc(&sh->arena, sizeof(*e));
	e->body_id = body_id;
	e->date = date;
	e->v.n = e->v.cap = v->n;
	e->v.items = arena_array(&sh->arena, v->n + 1, sizeof(*v->items));
	for (size_t i = 0; i < v->n; i++) {
		e->v.items[i] = v->items[i];
		e->v.items[i].message = arena_strdup(&sh->arena, v->items[i].message);
		e->v.items[i].seat_key = arena_strdup(&sh->arena, v->items[i].seat_key);
	}
	unsigned h = check_hash(body_id, date);
	e->next = sh->checks[h];
	sh->checks[h] = e;
	sh->n_checks++;
	return &e->v;
}

/* rules_check_body, remembered with the shared structure. The check
 * itself runs outside the lock (two threads may both compute the same
 * result once; the first stored wins). */
const struct violations *web_check_body(struct request *req, int64_t body_id,
					int date)
{
	/* On the whole structure: compositions are public facts, and the
	 * result is shared between principals. Pages show only what their
	 * view holds. */
	const struct structure *s = web_structure_full(req);
	struct shared_structure *sh = req->structure_ref;
	if (sh) {
		pthread_rwlock_rdlock(&sh->check_mu);
		const struct violations *hit = check_find(sh, body_id, date);
		pthread_rwlock_unlock(&sh->check_mu);
		if (hit)
			return hit;
	}
	struct violations *v = arena_alloc(req->arena, sizeof(*v));
	rules_check_body(req->arena, s, body_id, date, v);
	if (!sh)
		return v;
	pthread_rwlock_wrlock(&sh->check_mu);
	const struct violations *out = check_find(sh, body_id, date);
	if (!out && sh->n_checks < CHECK_MAX)
		out = check_insert(sh, body_id, date, v);
	pthread_rwlock_unlock(&sh->check_mu);
	return out ? out : v;
}

/* ---- rendered pages ----------------------------------------------------- */

/* KLYNGE_PAGE_CACHE=0 turns the rendered-page cache off (the benchmark
 * measures rendering both ways). Read once: getenv is not thread-safe
 * against setenv, and the setting is per process anyway. */
static bool page_cache_enabled(void)
{
	static int enabled = -1;
	if (enabled < 0) {
		const char *v = getenv("KLYNGE_PAGE_CACHE");
		enabled = !(v && strcmp(v, "0") == 0);
	}
	return enabled;
}

static unsigned page_hash(const char *key)
{
	uint64_t h = 1469598103934665603ULL;
	for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
		h ^= *p;
		h *= 1099511628211ULL;
	}
	return (unsigned)(h % PAGE_BUCKETS);
}

static bool page_cache_get(struct request *req, const char *key,
			   struct response *res)
{
	web_structure_full(req);
	struct shared_structure *sh = req->structure_ref;
	if (!sh)
		return false;
	bool hit = false;
	pthread_rwlock_rdlock(&sh->check_mu);
	for (struct page_entry *e = sh->pages[page_hash(key)]; e; e = e->next) {
		if (strcmp(e->key, key) != 0)
			continue;
		/* copied under the lock: entries live as long as sh */
		buf_reset(&res->body);
		buf_put(&res->body, e->body, e->len);
		res->status = 200;
		res->content_type = e->content_type;
		hit = true;
		break;
	}
	pthread_rwlock_unlock(&sh->check_mu);
	return hit;
}

/* Only plain 200 pages without extra headers are kept. */
static void page_cache_put(struct request *req, const char *key,
			   const struct response *res)
{
	struct shared_structure *sh = req->structure_ref;
	if (!sh || res->status != 200 || res->n_headers || req->no_cache)
		return;
	pthread_rwlock_wrlock(&sh->check_mu);
	if (sh->n_pages < PAGE_MAX &&
	    sh->page_bytes + res->body.len <= PAGE_MAX_BYTES) {
		unsigned h = page_hash(key);
		bool dup = false;
		for (struct page_entry *e = sh->pages[h]; e && !dup; e = e->next)
			dup = strcmp(e->key, key) == 0;
		if (!dup) {
			struct page_entry *e = arena_alloc(&sh->arena, sizeof(*e));
			e->key = arena_strdup(&sh->arena, key);
			e->content_type = res->content_type;
			e->len = res->body.len;
			e->body = arena_strndup(&sh->arena, buf_str(&res->body), e->len);
			e->next = sh->pages[h];
			sh->pages[h] = e;
			sh->n_pages++;
			sh->page_bytes += e->len;
		}
	}
	pthread_rwlock_unlock(&sh->check_mu);
}
