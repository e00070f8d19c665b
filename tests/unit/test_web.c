/*
 * test_web.c - the web layer without a network: form_parse, escaping,
 * route matching, error shapes, the pages against the demo structure,
 * and the shared structure cache (web_dispatch, as the server calls it).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/store.h"
#include "web/html.h"
#include "web/pages/pages.h"
#include "web/web.h"

static struct store *demo_store;
static struct app demo_app;

/* ---- form_parse ------------------------------------------------------- */

static int parse(struct arena *a, const char *s, struct kv **kv, size_t *n)
{
	return form_parse(a, s, strlen(s), kv, n);
}

static void test_form_parse_decodes(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	struct kv *kv;
	size_t n;
	assert_int_equal(parse(&a, "name=Aabenraa+Kommune&x=%C3%A6%C3%B8%C3%A5&&flag&=v", &kv, &n), 0);
	assert_int_equal(n, 4);
	assert_string_equal(kv[0].key, "name");
	assert_string_equal(kv[0].value, "Aabenraa Kommune");
	assert_string_equal(kv[1].value, "æøå");
	assert_string_equal(kv[2].key, "flag");
	assert_string_equal(kv[2].value, "");
	assert_string_equal(kv[3].key, "");
	assert_string_equal(kv[3].value, "v");
	assert_int_equal(parse(&a, "", &kv, &n), 0);
	assert_int_equal(n, 0);
	arena_free(&a);
}

static void test_form_parse_rejects(void **state)
{
	(void)state;
	static const char *bad[] = {
		"a=%", "a=%4", "a=%zz", "a=%00", "a=%FF", "a=%C3%28",
		"a=%ED%A0%80",	/* surrogate */
		"a=%C0%80",	/* overlong NUL */
		"a=%F4%90%80%80",	/* > U+10FFFF */
		"%E2%82=1",	/* truncated in the key */
	};
	struct arena a;
	arena_init(&a);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct kv *kv = (struct kv *)1;
		size_t n = 99;
		if (parse(&a, bad[i], &kv, &n) != -1)
			fail_msg("accepted %s", bad[i]);
		assert_null(kv);
		assert_int_equal(n, 0);
	}
	/* a raw NUL inside the given length */
	struct kv *kv;
	size_t n;
	assert_int_equal(form_parse(&a, "a=b\0c", 5, &kv, &n), -1);
	arena_free(&a);
}

/* ---- escaping ----------------------------------------------------------- */

static void test_html_escaping(void **state)
{
	(void)state;
	struct response res = { 0 };
	html_txt(&res, "<a href='x'>\"&\"</a>");
	assert_string_equal(buf_str(&res.body),
			    "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;");
	buf_reset(&res.body);
	html_url_param(&res, "Æ ø&x=1");
	assert_string_equal(buf_str(&res.body), "%C3%86%20%C3%B8%26x%3D1");
	buf_reset(&res.body);
	html_date(&res, 20220919);
	html(&res, "|");
	html_date(&res, 0);
	assert_string_equal(buf_str(&res.body), "19. september 2022|–");
	buf_free(&res.body);
}

static void test_da_order(void **state)
{
	(void)state;
	assert_true(da_strcmp("Zealand", "Ærø") < 0);
	assert_true(da_strcmp("Ærø", "Ørsted") < 0);
	assert_true(da_strcmp("Ørsted", "Århus") < 0);
	assert_true(da_strcmp("Vejle", "Aabenraa") < 0);	/* Aa = Å */
	assert_true(da_strcmp("anne", "Bo") < 0);
	assert_int_equal(da_strcmp("Skive", "Skive"), 0);
}

/* ---- dispatch ------------------------------------------------------------ */

struct call {
	struct arena arena;
	struct request req;
	struct response res;
};

/* Who the calls are made as (the public unless a test says otherwise);
 * an administrator account without a username, so that the audit log
 * still names the peer. Form pages and writes need a login (issue 3). */
static const struct principal public_principal;
static const struct principal admin_principal = { .account_id = 1, .admin = true };
static struct principal call_as;

static void call(struct call *c, const char *method, const char *path,
		 const char *date)
{
	memset(c, 0, sizeof(*c));
	arena_init(&c->arena);
	c->req.app = &demo_app;
	c->req.arena = &c->arena;
	c->req.method = method;
	c->req.path = path;
	c->req.csrf = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
	c->req.principal = call_as;
	if (date) {
		struct kv *q = arena_alloc(&c->arena, sizeof(*q));
		q->key = "date";
		q->value = date;
		c->req.query = q;
		c->req.n_query = 1;
	}
	c->res.status = 200;
	web_dispatch(&c->req, &c->res);
}

static void done(struct call *c)
{
	buf_free(&c->res.body);
	arena_free(&c->arena);
}

static const char *header(const struct response *res, const char *name)
{
	for (size_t i = 0; i < res->n_headers; i++)
		if (strcmp(res->headers[i].name, name) == 0)
			return res->headers[i].value;
	return NULL;
}

static void assert_contains(const char *hay, const char *needle)
{
	if (!strstr(hay, needle))
		fail_msg("missing \"%s\"", needle);
}

static void test_pages_ok(void **state)
{
	(void)state;
	static const char *paths[] = { "/", "/bodies", "/people", "/organisations",
				       "/areas", "/bodies/1", "/people/1",
				       "/organisations/1", "/areas/1" };
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		struct call c;
		call(&c, "GET", paths[i], NULL);
		if (c.res.status != 200)
			fail_msg("%s: %d", paths[i], c.res.status);
		const char *b = buf_str(&c.res.body);
		assert_contains(b, "<html lang=\"da\">");
		assert_contains(b, "klynge – tværsektoriel styring af sundhedsklynger");
		assert_null(strstr(b, "<script"));
		assert_null(strstr(b, "style="));
		assert_null(c.req.structure_ref);	/* released */
		done(&c);
	}
}

static void test_structure_page(void **state)
{
	(void)state;
	struct call c;
	call(&c, "GET", "/", "2026-11-23");
	const char *b = buf_str(&c.res.body);
	assert_contains(b, "<svg class=\"orgchart\"");
	assert_contains(b, "<a href=\"/bodies/1");
	assert_contains(b, "Region Syddanmark");
	assert_contains(b, "class=\"tree\"");
	done(&c);
}

static void test_body_page(void **state)
{
	(void)state;
	struct call c;
	/* The public sees the page without links to forms it may not use. */
	call(&c, "GET", "/bodies/1", "2026-11-23");
	assert_int_equal(c.res.status, 200);
	assert_null(strstr(buf_str(&c.res.body), "href=\"/bodies/1/edit\""));
	assert_null(strstr(buf_str(&c.res.body), "/memberships/new\""));
	assert_null(strstr(buf_str(&c.res.body), "/approvals/new\""));
	done(&c);
	call_as = admin_principal;	/* the links are for those who may edit */
	call(&c, "GET", "/bodies/1", "2026-11-23");
	call_as = public_principal;
	const char *b = buf_str(&c.res.body);
	assert_int_equal(c.res.status, 200);
	assert_contains(b, "Regeltjek");
	assert_contains(b, "Medlemmer pr. 23. november 2026");
	assert_contains(b, "Kommissorium");
	assert_contains(b, "Godkendelseshistorik");
	assert_contains(b, "href=\"/bodies/1/edit\"");
	assert_contains(b, "href=\"/bodies/1/memberships/new\"");
	assert_contains(b, "href=\"/bodies/1/charters/new\"");
	assert_contains(b, "/approvals/new\"");
	done(&c);
}

static void test_not_found_and_bad_date(void **state)
{
	(void)state;
	struct call c;
	call(&c, "GET", "/bodies/99999", NULL);
	assert_int_equal(c.res.status, 404);
	assert_contains(buf_str(&c.res.body), "<html lang=\"da\">");
	done(&c);
	call(&c, "GET", "/bodies/01", NULL);
	assert_int_equal(c.res.status, 404);
	done(&c);
	call(&c, "GET", "/bodies/1", "2022-02-30");
	assert_int_equal(c.res.status, 400);
	assert_contains(buf_str(&c.res.body), "Ugyldig dato – brug formatet ÅÅÅÅ-MM-DD");
	done(&c);
	call(&c, "GET", "/no/such/page", NULL);
	assert_int_equal(c.res.status, 404);
	done(&c);
}

static void test_api_errors_are_json(void **state)
{
	(void)state;
	struct call c;
	call(&c, "GET", "/api/v1/no-such-thing", NULL);
	assert_int_equal(c.res.status, 404);
	assert_string_equal(c.res.content_type, "application/json; charset=utf-8");
	assert_contains(buf_str(&c.res.body), "{\"error\":{\"code\":\"not_found\"");
	done(&c);
	call(&c, "GET", "/oparl/v1/no-such-thing", NULL);
	assert_int_equal(c.res.status, 404);
	assert_contains(buf_str(&c.res.body), "\"not_found\"");
	done(&c);
}

static void test_405_and_head(void **state)
{
	(void)state;
	struct call c;
	call(&c, "DELETE", "/bodies", NULL);
	assert_int_equal(c.res.status, 405);
	assert_non_null(header(&c.res, "Allow"));
	assert_contains(header(&c.res, "Allow"), "GET");
	done(&c);
	call(&c, "HEAD", "/bodies", NULL);
	assert_int_equal(c.res.status, 200);
	done(&c);
}

/* "/people/new" is the form, not "/people/:id" with a bad id. */
static void test_literal_beats_param(void **state)
{
	(void)state;
	struct call c;
	call_as = admin_principal;	/* the form is for those who may save */
	call(&c, "GET", "/people/new", NULL);
	call_as = public_principal;
	assert_int_equal(c.res.status, 200);
	assert_contains(buf_str(&c.res.body), "<form");
	done(&c);
}

/* A write through dispatch invalidates the cache: the next page shows
 * the new state (here: a store write plus an empty POST). */
static void test_cache_follows_writes(void **state)
{
	(void)state;
	struct call c;
	call(&c, "GET", "/organisations", NULL);
	assert_null(strstr(buf_str(&c.res.body), "Testorganisation Ø"));
	done(&c);

	struct organisation o = { .name = "Testorganisation Ø", .short_name = "",
				  .kind = ORG_OTHER, .key = "", .note = "" };
	struct err err = { 0 };
	assert_int_equal(store_org_save(demo_store, &o, &err), 0);
	web_structure_invalidate(&demo_app);

	call(&c, "GET", "/organisations", NULL);
	assert_contains(buf_str(&c.res.body), "Testorganisation Ø");
	done(&c);
	assert_int_equal(store_delete(demo_store, STORE_ORG, o.id, &err), 0);
	call(&c, "POST", "/no/such/form", NULL);	/* any write invalidates */
	done(&c);
	call(&c, "GET", "/organisations", NULL);
	assert_null(strstr(buf_str(&c.res.body), "Testorganisation Ø"));
	done(&c);
}

static void test_res_redirect_local_only(void **state)
{
	(void)state;
	struct response res = { 0 };
	res_redirect(&res, "//evil.example/");
	assert_int_equal(res.status, 303);
	assert_string_equal(header(&res, "Location"), "/");
	res_redirect(&res, "/bodies/3");
	assert_string_equal(header(&res, "Location"), "/bodies/3");
	assert_int_equal(res.n_headers, 1);
	buf_free(&res.body);
}

/* A JSON API write through dispatch, with an optional If-Match and peer. */
static void call_json(struct call *c, const char *method, const char *path,
		      const char *body, const char *if_match, const char *peer)
{
	memset(c, 0, sizeof(*c));
	arena_init(&c->arena);
	c->req.app = &demo_app;
	c->req.arena = &c->arena;
	c->req.method = method;
	c->req.path = path;
	c->req.content_type = "application/json";
	c->req.body = body ? body : "";
	c->req.body_len = strlen(c->req.body);
	c->req.if_match = if_match;
	c->req.peer = peer;
	c->req.principal = admin_principal;	/* API writes need a login */
	c->res.status = 200;
	web_dispatch(&c->req, &c->res);
}

/* RFC 9110 conditional writes: ETag on GET, If-Match on PUT/DELETE. */
static void test_api_if_match(void **state)
{
	(void)state;
	struct call c;
	call(&c, "GET", "/api/v1/people/7", NULL);
	assert_int_equal(c.res.status, 200);
	const char *etag = arena_strdup(&c.arena, header(&c.res, "ETag"));
	assert_non_null(etag);
	assert_int_equal(etag[0], '"');
	assert_int_equal(etag[1], 'v');
	long long rev = strtoll(etag + 2, NULL, 10);
	assert_true(rev >= 1);
	char want[64];
	snprintf(want, sizeof(want), "\"revision\":%lld", rev);
	assert_contains(buf_str(&c.res.body), want);
	char cur[32], next[32];
	snprintf(cur, sizeof(cur), "\"v%lld\"", rev);
	snprintf(next, sizeof(next), "W/\"v%lld\"", rev + 1);
	done(&c);

	/* A tag that is not the stored one, or not ours at all: 412. */
	const char *bad[] = { "\"v999999\"", "\"abc\"", "\"v1\", \"v2\"", "v1" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		call_json(&c, "PUT", "/api/v1/people/7", "{\"title\":\"X\"}",
			  bad[i], NULL);
		assert_int_equal(c.res.status, 412);
		assert_contains(buf_str(&c.res.body), "\"precondition_failed\"");
		assert_contains(buf_str(&c.res.body), "If-Match");
		done(&c);
	}
	/* The stored one: saved, new ETag; the audit row names the peer. */
	call_json(&c, "PUT", "/api/v1/people/7", "{\"title\":\"Ny titel\"}", cur,
		  "192.0.2.7");
	assert_int_equal(c.res.status, 200);
	snprintf(want, sizeof(want), "\"v%lld\"", rev + 1);
	assert_string_equal(header(&c.res, "ETag"), want);
	done(&c);
	struct arena a;
	arena_init(&a);
	struct audit_entry *rows;
	size_t n;
	struct err err = { 0 };
	assert_int_equal(store_audit_list(demo_store, &a, "person", 7, 0, 1, &rows,
					  &n, &err), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].actor, "anonym (192.0.2.7)");
	assert_string_equal(rows[0].action, "update");
	arena_free(&a);

	/* The old tag again: 412, nothing saved; a weak current tag and "*"
	 * match. A body "revision" that contradicts If-Match: 412. */
	call_json(&c, "PUT", "/api/v1/people/7", "{\"title\":\"Forkert\"}", cur, NULL);
	assert_int_equal(c.res.status, 412);
	done(&c);
	call_json(&c, "PUT", "/api/v1/people/7", "{\"title\":\"Svag\"}", next, NULL);
	assert_int_equal(c.res.status, 200);
	done(&c);
	call_json(&c, "PUT", "/api/v1/people/7", "{\"title\":\"Stjerne\"}", "*", NULL);
	assert_int_equal(c.res.status, 200);
	done(&c);
	call_json(&c, "PUT", "/api/v1/people/7", "{\"title\":\"Y\",\"revision\":1}",
		  "\"v2\"", NULL);
	assert_int_equal(c.res.status, 412);
	done(&c);

	/* DELETE: a stale tag is 412 and the person is still there. */
	call_json(&c, "DELETE", "/api/v1/people/7", NULL, "\"v1\"", NULL);
	assert_int_equal(c.res.status, 412);
	done(&c);
	call(&c, "GET", "/api/v1/people/7", NULL);
	assert_int_equal(c.res.status, 200);
	assert_contains(buf_str(&c.res.body), "Stjerne");
	done(&c);
}

/* The audit log's time in Danish, Europe/Copenhagen, both sides of the
 * summer-time switch. */
static void test_audit_time_da(void **state)
{
	(void)state;
	char s[64];
	audit_time_da("2025-01-15T12:30:00Z", s, sizeof(s));
	assert_string_equal(s, "15. januar 2025 kl. 13.30");
	audit_time_da("2025-07-01T22:05:00Z", s, sizeof(s));
	assert_string_equal(s, "2. juli 2025 kl. 00.05");
	audit_time_da("2025-03-30T00:59:59Z", s, sizeof(s));
	assert_string_equal(s, "30. marts 2025 kl. 01.59");
	audit_time_da("2025-03-30T01:00:00Z", s, sizeof(s));
	assert_string_equal(s, "30. marts 2025 kl. 03.00");
	audit_time_da("2025-10-26T00:59:00Z", s, sizeof(s));
	assert_string_equal(s, "26. oktober 2025 kl. 02.59");
	audit_time_da("2025-10-26T01:00:00Z", s, sizeof(s));
	assert_string_equal(s, "26. oktober 2025 kl. 02.00");
	audit_time_da("ikke en tid", s, sizeof(s));
	assert_string_equal(s, "ikke en tid");
}

static int setup(void **state)
{
	(void)state;
	struct err err = { 0 };
	if (store_open(&demo_store, ":memory:", &err) != 0)
		return -1;
	FILE *f = fopen("data/demo.json", "rb");
	if (!f)
		return -1;
	struct buf text = BUF_INIT;
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&text, chunk, n);
	fclose(f);
	struct arena a;
	arena_init(&a);
	struct structure s;
	int rc = structure_from_json(&a, buf_str(&text), text.len, &s, &err);
	if (rc == 0)
		rc = store_import(demo_store, &s, &err);
	arena_free(&a);
	buf_free(&text);
	if (rc)
		fprintf(stderr, "demo: %s\n", err.msg);
	demo_app.store = demo_store;
	demo_app.base_url = "http://127.0.0.1:8080";
	setenv("KLYNGE_TODAY", "2026-11-23", 1);
	return rc;
}

static int teardown(void **state)
{
	(void)state;
	demo_app.store = NULL;
	store_close(demo_store);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_form_parse_decodes),
		cmocka_unit_test(test_form_parse_rejects),
		cmocka_unit_test(test_html_escaping),
		cmocka_unit_test(test_da_order),
		cmocka_unit_test(test_pages_ok),
		cmocka_unit_test(test_structure_page),
		cmocka_unit_test(test_body_page),
		cmocka_unit_test(test_not_found_and_bad_date),
		cmocka_unit_test(test_api_errors_are_json),
		cmocka_unit_test(test_405_and_head),
		cmocka_unit_test(test_literal_beats_param),
		cmocka_unit_test(test_cache_follows_writes),
		cmocka_unit_test(test_res_redirect_local_only),
		cmocka_unit_test(test_api_if_match),
		cmocka_unit_test(test_audit_time_da),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
