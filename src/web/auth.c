/*
 * auth.c - accounts on the web (issue 3, item 1): who is asking, the
 * login and logout pages, login rate limiting and the trusted-header
 * mode. What a logged-in person may do is not decided here (that is
 * core/access.h); this file only says who they are.
 *
 * Sessions: a login draws 32 random bytes (libsodium), sends them hex
 * encoded in the cookie "sid" (HttpOnly, SameSite=Lax, Secure behind
 * TLS) and stores only the hex of their BLAKE2b hash with the account,
 * an 8-hour absolute expiry and the session's own CSRF token. A login
 * always starts a new session (and ends the one the browser had), so a
 * token planted before the login is worth nothing after it.
 *
 * Passwords are argon2id strings (crypto_pwhash_str) checked with
 * crypto_pwhash_str_verify. A wrong password, an unknown username and a
 * disabled account get the same answer, after the same work (an unknown
 * name is checked against a dummy hash), so the answer tells nothing.
 *
 * Rate limiting: failures are counted in memory per client address and
 * per username; after LIMIT_FAILS within LIMIT_WINDOW_S further attempts
 * are refused (429) without looking at the password until the window
 * has passed. A successful login clears its username's count.
 *
 * API tokens (machine clients): "Authorization: Bearer klynge_<64 hex>"
 * on /api/ and /oparl/ only acts as the token's account; the store keeps
 * the hex of the token's SHA-256 hash. Pages and forms ignore the
 * header (a browser never sends one by itself, and forms rely on
 * cookies and CSRF tokens). A header naming no active token of an
 * enabled account is refused (401), not treated as the public, so a
 * client learns at once that its token stopped working.
 *
 * Trusted header (off by default): a reverse proxy that has done the
 * login itself (MitID Erhverv / NemLog-in) passes the username in a
 * header it names (KLYNGE_TRUSTED_HEADER) and proves it is the proxy
 * with X-Klynge-Proxy-Secret (KLYNGE_TRUSTED_SECRET), compared in
 * constant time. Without the mode, or with a wrong secret, the header
 * means nothing.
 */
#include "web.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>
#include <strings.h>

#include "html.h"

#define TOKEN_BYTES 32
#define TOKEN_HEX (TOKEN_BYTES * 2)
#define SESSION_LIFETIME_S (8 * 3600)
#define SESSION_TOUCH_S 60		/* last_seen is written at most this often */
#define PASSWORD_MAX 1024		/* bytes; longer input is refused */

#define LIMIT_FAILS 5
#define LIMIT_WINDOW_S (15 * 60)
#define LIMIT_SLOTS 4096
#define LIMIT_PROBE 8
#define LIMIT_KEY 96

/* ---- libsodium ---------------------------------------------------------- */

static pthread_once_t sodium_once = PTHREAD_ONCE_INIT;
static char dummy_hash[crypto_pwhash_STRBYTES];

/* sodium_init (main.c calls it too; tests and fuzzers may not) and a
 * hash of a random password to check unknown usernames against. */
static void sodium_setup(void)
{
	if (sodium_init() < 0)
		abort();	/* no randomness: refuse to run insecurely */
	char pw[TOKEN_HEX + 1];
	unsigned char raw[TOKEN_BYTES];
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(pw, sizeof(pw), raw, sizeof(raw));
	if (crypto_pwhash_str(dummy_hash, pw, strlen(pw),
			      crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		dummy_hash[0] = '\0';
}

/* A new random token: 64 lowercase hex digits, in the arena. */
static char *token_new(struct arena *a)
{
	unsigned char raw[TOKEN_BYTES];
	char *t = arena_alloc(a, TOKEN_HEX + 1);
	pthread_once(&sodium_once, sodium_setup);
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(t, TOKEN_HEX + 1, raw, sizeof(raw));
	return t;
}

const char *auth_token_hash(struct arena *a, const char *token)
{
	unsigned char h[crypto_generichash_BYTES];
	if (!web_csrf_valid(token))	/* same shape: 64 lowercase hex */
		return NULL;
	pthread_once(&sodium_once, sodium_setup);
	crypto_generichash(h, sizeof(h), (const unsigned char *)token,
			   strlen(token), NULL, 0);
	char *hex = arena_alloc(a, 2 * sizeof(h) + 1);
	sodium_bin2hex(hex, 2 * sizeof(h) + 1, h, sizeof(h));
	return hex;
}

#define API_TOKEN_PREFIX "klynge_"
#define API_TOKEN_LEN (sizeof(API_TOKEN_PREFIX) - 1 + TOKEN_HEX)

const char *auth_api_token_new(struct arena *a)
{
	return arena_printf(a, API_TOKEN_PREFIX "%s", token_new(a));
}

const char *auth_api_token_hash(struct arena *a, const char *token)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	if (!token || strlen(token) != API_TOKEN_LEN ||
	    strncmp(token, API_TOKEN_PREFIX, sizeof(API_TOKEN_PREFIX) - 1) != 0 ||
	    !web_csrf_valid(token + sizeof(API_TOKEN_PREFIX) - 1))
		return NULL;
	pthread_once(&sodium_once, sodium_setup);
	crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
	char *hex = arena_alloc(a, 2 * sizeof(h) + 1);
	sodium_bin2hex(hex, 2 * sizeof(h) + 1, h, sizeof(h));
	return hex;
}

const char *auth_password_new(struct arena *a)
{
	/* No 0/O, 1/l/I: read aloud or copied by hand without mistakes.
	 * 55 symbols, 20 of them: over 115 bits. */
	static const char alphabet[] =
		"abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	enum { LEN = 20 };
	char *pw = arena_alloc(a, LEN + 1);
	pthread_once(&sodium_once, sodium_setup);
	for (int i = 0; i < LEN; i++)
		pw[i] = alphabet[randombytes_uniform(sizeof(alphabet) - 1)];
	pw[LEN] = '\0';
	return pw;
}

const char *auth_password_hash(struct arena *a, const char *password)
{
	char *h = arena_alloc(a, crypto_pwhash_STRBYTES);
	pthread_once(&sodium_once, sodium_setup);
	if (!password || crypto_pwhash_str(h, password, strlen(password),
					   crypto_pwhash_OPSLIMIT_INTERACTIVE,
					   crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return NULL;
	return h;
}

/* Equal strings, in time that depends on neither (both are hashed
 * first, so their lengths do not show either). */
static bool secret_equal(const char *a, const char *b)
{
	unsigned char ha[crypto_generichash_BYTES], hb[crypto_generichash_BYTES];
	if (!a || !b || !*a || !*b)
		return false;
	crypto_generichash(ha, sizeof(ha), (const unsigned char *)a, strlen(a),
			   NULL, 0);
	crypto_generichash(hb, sizeof(hb), (const unsigned char *)b, strlen(b),
			   NULL, 0);
	return sodium_memcmp(ha, hb, sizeof(ha)) == 0;
}

const char *auth_cookie(struct request *req, const char *token)
{
	bool secure = req->app && req->app->secure_cookies;
	if (!token)
		return arena_printf(req->arena,
				    "sid=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax%s",
				    secure ? "; Secure" : "");
	return arena_printf(req->arena, "sid=%s; Path=/; HttpOnly; SameSite=Lax%s",
			    token, secure ? "; Secure" : "");
}

/* ---- who is asking ------------------------------------------------------ */

static void principal_set(struct request *req, const struct account *a)
{
	req->principal.account_id = a->id;
	req->principal.person_id = a->person_id;
	req->principal.admin = a->admin;
	req->username = a->username;
	req->display_name = a->display_name && *a->display_name
				    ? a->display_name : a->username;
	/* The page's header names them: never in the shared page cache. */
	req->no_cache = true;
}

/* Is path under /api or /oparl (where API tokens count)? */
static bool machine_path(const char *path)
{
	return path && (strncmp(path, "/api/", 5) == 0 || strcmp(path, "/api") == 0 ||
			strncmp(path, "/oparl/", 7) == 0 || strcmp(path, "/oparl") == 0);
}

/* The token of an "Authorization: Bearer TOKEN" value (scheme in any
 * case, RFC 9110), or NULL when the scheme is another. */
static const char *bearer_token(const char *h)
{
	if (!h || strncasecmp(h, "Bearer", 6) != 0 || (h[6] != ' ' && h[6] != '\t'))
		return NULL;
	h += 6;
	while (*h == ' ' || *h == '\t')
		h++;
	return h;
}

/* Logs req in by an API token (the header's scheme is Bearer). */
static void token_resolve(const char *token, struct request *req)
{
	struct err err = { 0 };
	struct account acc;
	struct api_token t;
	const char *hash = auth_api_token_hash(req->arena, token);
	if (!hash || store_token_find(req->app->store, req->arena, hash,
				      (int64_t)time(NULL), &acc, &t, &err) != 0 ||
	    acc.disabled) {
		req->token_refused = true;
		return;
	}
	principal_set(req, &acc);
	req->via_token = true;
}

void auth_resolve(const struct web_input *in, struct request *req,
		  struct response *res)
{
	struct app *app = req->app;
	struct err err = { 0 };
	struct account acc;

	memset(&req->principal, 0, sizeof(req->principal));
	req->username = "";
	req->display_name = "";
	req->session_hash = NULL;
	req->session_csrf = NULL;
	req->via_proxy = false;
	req->via_token = false;
	req->token_refused = false;
	if (!app || !app->store)
		return;

	/* A machine client's token, where it counts; then nothing else
	 * (no cookies) decides who is asking. */
	const char *bearer = bearer_token(in->authorization);
	if (bearer && machine_path(req->path)) {
		token_resolve(bearer, req);
		return;
	}

	/* The proxy's word, when the mode is on and it proves who it is. */
	if (app->trusted_header && *app->trusted_header &&
	    app->trusted_secret && *app->trusted_secret && in->trusted_user &&
	    secret_equal(in->proxy_secret, app->trusted_secret)) {
		if (store_username_valid(in->trusted_user) &&
		    store_account_find(app->store, req->arena, in->trusted_user,
				       &acc, &err) == 0 &&
		    !acc.disabled) {
			principal_set(req, &acc);
			req->via_proxy = true;
		}
		return;
	}

	if (!in->sid_cookie || !*in->sid_cookie)
		return;
	const char *hash = auth_token_hash(req->arena, in->sid_cookie);
	const char *csrf = NULL;
	int64_t last_seen = 0, now = (int64_t)time(NULL);
	if (!hash || store_session_find(app->store, req->arena, hash, now, &acc,
					&csrf, &last_seen, &err) != 0 ||
	    acc.disabled || !web_csrf_valid(csrf)) {
		res->set_session = auth_cookie(req, NULL);	/* forget it */
		return;
	}
	principal_set(req, &acc);
	req->session_hash = hash;
	req->session_csrf = csrf;
	if (now - last_seen >= SESSION_TOUCH_S)
		(void)store_session_touch(app->store, hash, now, &err);
}

/* ---- rate limiting ------------------------------------------------------ */

struct limit_slot {
	char key[LIMIT_KEY];	/* "ip 127.0.0.1", "user anna"; "" = free */
	int64_t start;		/* first failure of the window */
	int fails;
};

static pthread_mutex_t limit_mu = PTHREAD_MUTEX_INITIALIZER;
static struct limit_slot limit_slots[LIMIT_SLOTS];

static unsigned limit_hash(const char *key)
{
	uint64_t h = 1469598103934665603ULL;
	for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
		h ^= *p;
		h *= 1099511628211ULL;
	}
	return (unsigned)(h % LIMIT_SLOTS);
}

/* A slot another key may take: never used, or its window is over. */
static bool slot_free(const struct limit_slot *s, int64_t now)
{
	return !s->key[0] || now - s->start >= LIMIT_WINDOW_S;
}

/* The slot of key (limit_mu held): its own, or when create a free one
 * among its probes, else the one whose window started first. NULL when
 * key has none and !create. */
static struct limit_slot *limit_slot(const char *key, int64_t now, bool create)
{
	unsigned h = limit_hash(key);
	struct limit_slot *victim = NULL;
	for (unsigned i = 0; i < LIMIT_PROBE; i++) {
		struct limit_slot *s = &limit_slots[(h + i) % LIMIT_SLOTS];
		if (s->key[0] && strcmp(s->key, key) == 0) {
			if (now - s->start >= LIMIT_WINDOW_S) {
				s->fails = 0;	/* the window is over */
				s->start = now;
			}
			return s;
		}
		bool f = slot_free(s, now), vf = victim && slot_free(victim, now);
		if (!victim || (f && !vf) ||
		    (!f && !vf && s->start < victim->start))
			victim = s;
	}
	if (!create)
		return NULL;
	snprintf(victim->key, sizeof(victim->key), "%s", key);
	victim->start = now;
	victim->fails = 0;
	return victim;
}

/* Minutes left (>= 1) when key is locked out, else 0. */
static int limit_blocked(const char *key, int64_t now)
{
	int minutes = 0;
	pthread_mutex_lock(&limit_mu);
	struct limit_slot *s = limit_slot(key, now, false);
	if (s && s->fails >= LIMIT_FAILS) {
		int64_t left = s->start + LIMIT_WINDOW_S - now;
		minutes = (int)((left + 59) / 60);
		if (minutes < 1)
			minutes = 1;
	}
	pthread_mutex_unlock(&limit_mu);
	return minutes;
}

static void limit_fail(const char *key, int64_t now)
{
	pthread_mutex_lock(&limit_mu);
	struct limit_slot *s = limit_slot(key, now, true);
	if (s->fails == 0)
		s->start = now;
	s->fails++;
	pthread_mutex_unlock(&limit_mu);
}

static void limit_clear(const char *key, int64_t now)
{
	pthread_mutex_lock(&limit_mu);
	struct limit_slot *s = limit_slot(key, now, false);
	if (s)
		s->key[0] = '\0';
	pthread_mutex_unlock(&limit_mu);
}

void auth_limits_reset(void)
{
	pthread_mutex_lock(&limit_mu);
	memset(limit_slots, 0, sizeof(limit_slots));
	pthread_mutex_unlock(&limit_mu);
}

/* ---- pages -------------------------------------------------------------- */

/* "/bodies/3" stays; anything that is not a local path becomes "". */
static const char *local_next(const char *next)
{
	if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\' ||
	    strpbrk(next, "\r\n") || strlen(next) > 2048)
		return "";
	return next;
}

/* The login form; message (escaped) above it when not NULL. */
static void login_page(struct request *req, struct response *res, int status,
		       const char *message, const char *username,
		       const char *next)
{
	res->status = status;
	buf_reset(&res->body);
	req->no_cache = true;
	page_begin(req, res, "Log ind");
	html(res, "<h1>Log ind</h1>\n");
	if (req->principal.account_id) {
		html(res, "<p>Du er logget ind som ");
		html_txt(res, req->display_name);
		html(res, ".</p>\n");
	}
	if (message) {
		html(res, "<div class=\"error-summary\" role=\"alert\"><p>");
		html_txt(res, message);
		html(res, "</p></div>\n");
	}
	html(res, "<form class=\"edit-form login\" method=\"post\" action=\"/login\">\n");
	html_csrf(req, res);
	html(res, "\n<input type=\"hidden\" name=\"next\" value=\"");
	html_attr(res, local_next(next));
	html(res, "\">\n<div class=\"field\"><label for=\"username\">Brugernavn</label>"
		  "<input id=\"username\" name=\"username\" type=\"text\" "
		  "autocomplete=\"username\" autocapitalize=\"none\" spellcheck=\"false\" "
		  "required value=\"");
	html_attr(res, username ? username : "");
	html(res, "\"></div>\n<div class=\"field\"><label for=\"password\">Adgangskode</label>"
		  "<input id=\"password\" name=\"password\" type=\"password\" "
		  "autocomplete=\"current-password\" required></div>\n"
		  "<div class=\"form-actions actions\"><button type=\"submit\">Log ind</button></div>\n"
		  "</form>\n");
	page_end(req, res);
}

static void login_get(struct request *req, struct response *res)
{
	login_page(req, res, 200, NULL, NULL, req_query(req, "next"));
}

static const char FAILED[] = "Forkert brugernavn eller adgangskode.";

/* The username as typed, lower-cased (usernames are lower case); ""
 * when it could not be one. */
static const char *username_key(struct arena *a, const char *typed)
{
	size_t n = typed ? strlen(typed) : 0;
	if (n == 0 || n > STORE_USERNAME_MAX)
		return "";
	char *u = arena_strdup(a, typed);
	for (char *p = u; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return store_username_valid(u) ? u : "";
}

static void login_post(struct request *req, struct response *res)
{
	struct store *st = req->app->store;
	const char *typed = req_form(req, "username");
	const char *password = req_form(req, "password");
	const char *next = local_next(req_form(req, "next"));
	const char *username = username_key(req->arena, typed);
	int64_t now = (int64_t)time(NULL);
	const char *ip_key = arena_printf(req->arena, "ip %s",
					  req->peer ? req->peer : "?");
	const char *user_key = arena_printf(req->arena, "user %s", username);
	struct err err = { 0 };
	struct account acc = { 0 };
	const char *hash = NULL;

	pthread_once(&sodium_once, sodium_setup);
	int wait = limit_blocked(ip_key, now);
	if (*username) {
		int w = limit_blocked(user_key, now);
		if (w > wait)
			wait = w;
	}
	if (wait) {
		const char *m = arena_printf(req->arena,
			"For mange forkerte forsøg. Prøv igen om %d %s.", wait,
			wait == 1 ? "minut" : "minutter");
		login_page(req, res, 429, m, typed, next);
		res_header(res, "Retry-After", arena_printf(req->arena, "%d", wait * 60));
		return;
	}

	/* The same work whatever is wrong: an unknown name is checked
	 * against the dummy hash. */
	bool known = *username &&
		     store_account_find(st, req->arena, username, &acc, &err) == 0 &&
		     store_account_password_hash(st, req->arena, acc.id, &hash,
						 &err) == 0 &&
		     hash && *hash;
	const char *check = known ? hash : dummy_hash;
	bool ok = password && strlen(password) <= PASSWORD_MAX && *check &&
		  crypto_pwhash_str_verify(check, password, strlen(password)) == 0;
	if (!known || !ok || acc.disabled) {
		limit_fail(ip_key, now);
		if (*username)
			limit_fail(user_key, now);
		login_page(req, res, 401, FAILED, typed, next);
		return;
	}

	/* A new session; the one the browser had (if any) ends. */
	const char *token = token_new(req->arena);
	const char *csrf = token_new(req->arena);
	const char *token_hash = auth_token_hash(req->arena, token);
	(void)store_session_purge(st, now, NULL, &err);
	if (req->session_hash)
		(void)store_session_delete(st, req->session_hash, &err);
	if (store_session_create(st, acc.id, token_hash, csrf, now,
				 now + SESSION_LIFETIME_S, &err) != 0) {
		page_error(req, res, 503, "Du kunne ikke logges ind lige nu. Prøv igen om lidt.");
		return;
	}
	limit_clear(user_key, now);
	res->set_session = auth_cookie(req, token);
	res_redirect(res, *next ? next : "/");
}

static void logout_post(struct request *req, struct response *res)
{
	struct err err = { 0 };
	if (req->session_hash)
		(void)store_session_delete(req->app->store, req->session_hash, &err);
	res->set_session = auth_cookie(req, NULL);
	res_redirect(res, "/");
}

const struct route auth_routes[] = {
	{ "GET", "/login", login_get },
	{ "POST", "/login", login_post },
	{ "POST", "/logout", logout_post },
	{ NULL, NULL, NULL },
};
