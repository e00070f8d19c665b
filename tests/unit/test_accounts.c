/*
 * test_accounts.c - accounts and login sessions in the store
 * (src/store/accounts.c, migration 0004_accounts.sql): creating and
 * finding accounts, the username rule, password hashes that never reach
 * the audit log, sessions that expire and end.
 *
 * The store gets hashes, never passwords or tokens; the strings here
 * stand in for them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"

#define HASH_A "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"
#define HASH_B "$argon2id$v=19$m=65536,t=2,p=1$b3RoZXJzYWx0$bmV3aGFzaG5ld2hhc2g"
#define TOK1 "1111111111111111111111111111111111111111111111111111111111111111"
#define TOK2 "2222222222222222222222222222222222222222222222222222222222222222"
#define CSRF "abababababababababababababababababababababababababababababababab"

static struct store *open_mem(void)
{
	struct store *st = NULL;
	struct err err = { 0 };
	if (store_open(&st, ":memory:", &err))
		fail_msg("store_open: %s", err.msg);
	return st;
}

static int64_t add(struct store *st, const char *username, const char *hash,
		   bool admin)
{
	struct account a = { .username = username, .display_name = "Navn",
			     .admin = admin };
	struct err err = { 0 };
	if (store_account_create(st, &a, hash, &err))
		fail_msg("create %s: %s", username, err.msg);
	assert_true(a.id > 0);
	return a.id;
}

static void test_username_rule(void **state)
{
	(void)state;
	char long_name[66];
	memset(long_name, 'a', 65);
	long_name[65] = '\0';
	assert_true(store_username_valid("anna"));
	assert_true(store_username_valid("anna.b_c-d@region.dk"));
	assert_true(store_username_valid("a"));
	assert_true(store_username_valid(long_name + 1));	/* 64 */
	assert_false(store_username_valid(long_name));	/* 65 */
	assert_false(store_username_valid(""));
	assert_false(store_username_valid(NULL));
	assert_false(store_username_valid("Anna"));
	assert_false(store_username_valid("an na"));
	assert_false(store_username_valid("søren"));
	assert_false(store_username_valid("a/b"));
}

static void test_create_find_list(void **state)
{
	(void)state;
	struct store *st = open_mem();
	struct arena a;
	struct account acc;
	struct err err = { 0 };
	arena_init(&a);

	int64_t id = add(st, "anna", HASH_A, true);
	add(st, "bo", NULL, false);

	assert_int_equal(store_account_find(st, &a, "anna", &acc, &err), 0);
	assert_int_equal(acc.id, id);
	assert_string_equal(acc.username, "anna");
	assert_string_equal(acc.display_name, "Navn");
	assert_true(acc.admin);
	assert_false(acc.disabled);
	assert_true(acc.has_password);
	assert_int_equal(acc.person_id, 0);

	assert_int_equal(store_account_get(st, &a, id, &acc, &err), 0);
	assert_string_equal(acc.username, "anna");
	assert_int_equal(store_account_get(st, &a, 999, &acc, &err), ERR_NOT_FOUND);
	assert_int_equal(store_account_find(st, &a, "nobody", &acc, &err), ERR_NOT_FOUND);

	/* Taken and invalid usernames, a person that does not exist. */
	struct account dup = { .username = "anna" };
	assert_int_equal(store_account_create(st, &dup, NULL, &err), ERR_CONFLICT);
	assert_string_equal(err.code, "duplicate_username");
	struct account bad = { .username = "Anna" };
	assert_int_equal(store_account_create(st, &bad, NULL, &err), ERR_INVALID);
	assert_string_equal(err.code, "bad_username");
	struct account ghost = { .username = "ghost", .person_id = 4242 };
	assert_int_equal(store_account_create(st, &ghost, NULL, &err), ERR_INVALID);
	assert_string_equal(err.code, "bad_reference");

	struct account *list;
	size_t n;
	assert_int_equal(store_account_list(st, &a, &list, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].username, "anna");
	assert_string_equal(list[1].username, "bo");
	assert_false(list[1].has_password);

	arena_free(&a);
	store_close(st);
}

static void test_password_admin_disabled(void **state)
{
	(void)state;
	struct store *st = open_mem();
	struct arena a;
	struct account acc;
	const char *hash;
	struct err err = { 0 };
	arena_init(&a);

	int64_t id = add(st, "anna", HASH_A, false);
	assert_int_equal(store_account_password_hash(st, &a, id, &hash, &err), 0);
	assert_string_equal(hash, HASH_A);
	assert_int_equal(store_account_set_password_hash(st, id, HASH_B, &err), 0);
	assert_int_equal(store_account_password_hash(st, &a, id, &hash, &err), 0);
	assert_string_equal(hash, HASH_B);
	assert_int_equal(store_account_set_password_hash(st, id, NULL, &err), 0);
	assert_int_equal(store_account_password_hash(st, &a, id, &hash, &err), 0);
	assert_string_equal(hash, "");
	assert_int_equal(store_account_password_hash(st, &a, 77, &hash, &err),
			 ERR_NOT_FOUND);

	assert_int_equal(store_account_set_admin(st, id, true, &err), 0);
	assert_int_equal(store_account_set_disabled(st, id, true, &err), 0);
	assert_int_equal(store_account_get(st, &a, id, &acc, &err), 0);
	assert_true(acc.admin);
	assert_true(acc.disabled);
	assert_false(acc.has_password);
	assert_int_equal(store_account_set_disabled(st, 77, true, &err), ERR_NOT_FOUND);

	arena_free(&a);
	store_close(st);
}

/* Every account change is in the audit log as kind "account"; no row
 * ever holds a password hash. A change that changes nothing writes no
 * row. */
static void test_audit_without_hashes(void **state)
{
	(void)state;
	struct store *st = open_mem();
	struct arena a;
	struct audit_entry *rows;
	size_t n;
	struct err err = { 0 };
	arena_init(&a);

	store_actor_set("admin");
	int64_t id = add(st, "anna", HASH_A, false);
	assert_int_equal(store_account_set_password_hash(st, id, HASH_B, &err), 0);
	assert_int_equal(store_account_set_admin(st, id, true, &err), 0);
	assert_int_equal(store_account_set_admin(st, id, true, &err), 0); /* no-op */
	assert_int_equal(store_account_set_disabled(st, id, true, &err), 0);
	store_actor_set(NULL);

	assert_int_equal(store_audit_list(st, &a, "account", 0, 0, 0, &rows, &n,
					  &err), 0);
	assert_int_equal(n, 4);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(rows[i].kind, "account");
		assert_string_equal(rows[i].actor, "admin");
		assert_int_equal(rows[i].object_id, id);
		assert_string_equal(rows[i].object_key, "anna");
		assert_null(strstr(rows[i].after ? rows[i].after : "", "argon2"));
		assert_null(strstr(rows[i].before ? rows[i].before : "", "argon2"));
	}
	assert_string_equal(rows[3].action, "create");
	assert_null(rows[3].before);
	assert_non_null(strstr(rows[3].after, "\"username\":\"anna\""));
	/* Newest first: disabled, admin, password. */
	struct audit_change *ch;
	size_t nch;
	assert_int_equal(store_audit_changes(&a, &rows[0], &ch, &nch), 0);
	assert_int_equal(nch, 1);
	assert_string_equal(ch[0].field, "disabled");
	assert_string_equal(ch[0].after, "true");
	assert_int_equal(store_audit_changes(&a, &rows[1], &ch, &nch), 0);
	assert_int_equal(nch, 1);
	assert_string_equal(ch[0].field, "admin");

	arena_free(&a);
	store_close(st);
}

static void test_sessions(void **state)
{
	(void)state;
	struct store *st = open_mem();
	struct arena a;
	struct account acc;
	const char *csrf;
	int64_t last_seen;
	size_t purged;
	struct err err = { 0 };
	arena_init(&a);

	int64_t id = add(st, "anna", HASH_A, true);
	int64_t bo = add(st, "bo", HASH_A, false);
	assert_int_equal(store_session_create(st, id, TOK1, CSRF, 1000, 1000 + 8 * 3600,
					      &err), 0);
	assert_int_equal(store_session_create(st, bo, TOK2, CSRF, 1000, 2000, &err), 0);
	/* The same token hash twice is refused. */
	assert_int_equal(store_session_create(st, bo, TOK2, CSRF, 1000, 2000, &err),
			 ERR_CONFLICT);

	assert_int_equal(store_session_find(st, &a, TOK1, 1500, &acc, &csrf,
					    &last_seen, &err), 0);
	assert_int_equal(acc.id, id);
	assert_string_equal(acc.username, "anna");
	assert_true(acc.admin);
	assert_string_equal(csrf, CSRF);
	assert_int_equal(last_seen, 1000);
	assert_int_equal(store_session_touch(st, TOK1, 1600, &err), 0);
	assert_int_equal(store_session_find(st, &a, TOK1, 1700, &acc, &csrf,
					    &last_seen, &err), 0);
	assert_int_equal(last_seen, 1600);
	assert_int_equal(store_session_find(st, &a, "nope", 1700, &acc, &csrf,
					    NULL, &err), ERR_NOT_FOUND);
	assert_int_equal(acc.id, 0);

	/* Expired: not found, and gone (found again before expiry: still
	 * gone). */
	assert_int_equal(store_session_find(st, &a, TOK2, 2000, &acc, &csrf, NULL,
					    &err), ERR_NOT_FOUND);
	assert_int_equal(store_session_find(st, &a, TOK2, 1500, &acc, &csrf, NULL,
					    &err), ERR_NOT_FOUND);

	/* Logout. */
	assert_int_equal(store_session_delete(st, TOK1, &err), 0);
	assert_int_equal(store_session_find(st, &a, TOK1, 1500, &acc, &csrf, NULL,
					    &err), ERR_NOT_FOUND);

	/* All of an account's sessions end (password reset), others stay. */
	assert_int_equal(store_session_create(st, id, TOK1, CSRF, 1000, 9000, &err), 0);
	assert_int_equal(store_session_create(st, bo, TOK2, CSRF, 1000, 9000, &err), 0);
	assert_int_equal(store_session_delete_account(st, id, &err), 0);
	assert_int_equal(store_session_find(st, &a, TOK1, 1500, &acc, &csrf, NULL,
					    &err), ERR_NOT_FOUND);
	assert_int_equal(store_session_find(st, &a, TOK2, 1500, &acc, &csrf, NULL,
					    &err), 0);

	/* Disabling ends them too. */
	assert_int_equal(store_account_set_disabled(st, bo, true, &err), 0);
	assert_int_equal(store_session_find(st, &a, TOK2, 1500, &acc, &csrf, NULL,
					    &err), ERR_NOT_FOUND);

	/* Purge counts what it removes. */
	assert_int_equal(store_session_create(st, id, TOK1, CSRF, 1000, 3000, &err), 0);
	assert_int_equal(store_session_create(st, id, TOK2, CSRF, 1000, 5000, &err), 0);
	assert_int_equal(store_session_purge(st, 4000, &purged, &err), 0);
	assert_int_equal(purged, 1);
	assert_int_equal(store_session_find(st, &a, TOK2, 4000, &acc, &csrf, NULL,
					    &err), 0);

	arena_free(&a);
	store_close(st);
}

/* Account writes do not move the generation: the server's cached
 * structure stays valid across logins. */
static void test_generation_unmoved(void **state)
{
	(void)state;
	struct store *st = open_mem();
	struct err err = { 0 };
	int64_t g = store_generation(st);
	int64_t id = add(st, "anna", HASH_A, false);
	assert_int_equal(store_session_create(st, id, TOK1, CSRF, 1, 99, &err), 0);
	assert_int_equal(store_session_touch(st, TOK1, 5, &err), 0);
	assert_int_equal(store_account_set_admin(st, id, true, &err), 0);
	assert_int_equal(store_generation(st), g);
	store_close(st);
}

/* The admin page's edit: display name and person in one change, one
 * audit row; a person that does not exist is refused. */
static void test_profile(void **state)
{
	(void)state;
	struct store *st = open_mem();
	struct arena a;
	struct account acc;
	struct audit_entry *rows;
	size_t n;
	struct err err = { 0 };
	arena_init(&a);
	int64_t id = add(st, "anna", HASH_A, false);

	assert_int_equal(store_account_set_profile(st, id, "Anna Ørsted", 0, &err), 0);
	assert_int_equal(store_account_set_profile(st, id, "Anna Ørsted", 0, &err), 0);
	assert_int_equal(store_account_set_profile(st, id, "X", 999, &err), ERR_INVALID);
	assert_string_equal(err.code, "bad_reference");
	assert_int_equal(store_account_set_profile(st, 4242, "X", 0, &err),
			 ERR_NOT_FOUND);
	assert_int_equal(store_account_get(st, &a, id, &acc, &err), 0);
	assert_string_equal(acc.display_name, "Anna Ørsted");
	assert_int_equal(acc.person_id, 0);
	assert_int_equal(acc.last_login, 0);
	assert_int_equal(store_audit_list(st, &a, "account", id, 0, 0, &rows, &n,
					  &err), 0);
	assert_int_equal(n, 2);	/* create, one update (the no-op writes none) */
	struct audit_change *ch;
	size_t nch;
	assert_int_equal(store_audit_changes(&a, &rows[0], &ch, &nch), 0);
	assert_int_equal(nch, 1);
	assert_string_equal(ch[0].field, "name");
	assert_string_equal(ch[0].after, "Anna Ørsted");

	/* A login records when. */
	assert_int_equal(store_session_create(st, id, TOK1, CSRF, 1000, 2000, &err), 0);
	assert_int_equal(store_account_find(st, &a, "anna", &acc, &err), 0);
	assert_int_equal(acc.last_login, 1000);
	arena_free(&a);
	store_close(st);
}

/* API tokens: only the hash is stored; find gives the account and
 * touches last_used at most once a minute; revoked tokens are not
 * found; making and revoking are audited as changes of the account,
 * naming the token by label and id, never by hash. */
static void test_tokens(void **state)
{
	(void)state;
	struct store *st = open_mem();
	struct arena a;
	struct account acc;
	struct api_token t, *list;
	struct audit_entry *rows;
	size_t n;
	int64_t t1 = 0, t2 = 0;
	struct err err = { 0 };
	arena_init(&a);
	int64_t id = add(st, "robot", NULL, false);
	int64_t g = store_generation(st);

	assert_int_equal(store_token_create(st, id, "Dagsordens-eksport", TOK1, 100,
					    &t1, &err), 0);
	assert_int_equal(store_token_create(st, id, "", TOK2, 200, &t2, &err), 0);
	assert_true(t1 > 0 && t2 > t1);
	assert_int_equal(store_token_create(st, 4242, "x", "ff", 1, NULL, &err),
			 ERR_NOT_FOUND);
	assert_int_equal(store_token_create(st, id, "x", TOK1, 1, NULL, &err),
			 ERR_CONFLICT);	/* the same hash twice */
	char long_label[STORE_TOKEN_LABEL_MAX + 2];
	memset(long_label, 'x', sizeof(long_label) - 1);
	long_label[sizeof(long_label) - 1] = '\0';
	assert_int_equal(store_token_create(st, id, long_label, "ee", 1, NULL, &err),
			 ERR_INVALID);

	assert_int_equal(store_token_find(st, &a, TOK1, 500, &acc, &t, &err), 0);
	assert_string_equal(acc.username, "robot");
	assert_int_equal(t.id, t1);
	assert_int_equal(t.last_used, 500);
	assert_int_equal(store_token_find(st, &a, TOK1, 530, &acc, &t, &err), 0);
	assert_int_equal(t.last_used, 500);	/* within the minute: not written */
	assert_int_equal(store_token_find(st, &a, "nope", 1, &acc, &t, &err),
			 ERR_NOT_FOUND);

	assert_int_equal(store_token_list(st, &a, id, &list, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].id, t2);	/* newest first */
	assert_string_equal(list[1].label, "Dagsordens-eksport");
	assert_int_equal(list[1].created, 100);

	assert_int_equal(store_token_revoke(st, t1, 900, &err), 0);
	assert_int_equal(store_token_revoke(st, t1, 950, &err), 0);	/* no-op */
	assert_int_equal(store_token_revoke(st, 4242, 1, &err), ERR_NOT_FOUND);
	assert_int_equal(store_token_find(st, &a, TOK1, 1000, &acc, &t, &err),
			 ERR_NOT_FOUND);
	assert_int_equal(store_token_get(st, &a, t1, &t, &err), 0);
	assert_int_equal(t.revoked, 900);
	assert_int_equal(store_token_find(st, &a, TOK2, 1000, &acc, &t, &err), 0);
	/* Disabling is the caller's to check: the account says so. */
	assert_int_equal(store_account_set_disabled(st, id, true, &err), 0);
	assert_int_equal(store_token_find(st, &a, TOK2, 1000, &acc, &t, &err), 0);
	assert_true(acc.disabled);

	assert_int_equal(store_audit_list(st, &a, "account", id, 0, 0, &rows, &n,
					  &err), 0);
	assert_int_equal(n, 5);	/* create, 2 tokens, revoke, disable */
	for (size_t i = 0; i < n; i++) {
		assert_null(strstr(rows[i].after ? rows[i].after : "", TOK1));
		assert_null(strstr(rows[i].after ? rows[i].after : "", TOK2));
	}
	struct audit_change *ch;
	size_t nch;
	assert_int_equal(store_audit_changes(&a, &rows[1], &ch, &nch), 0);
	assert_int_equal(nch, 1);
	assert_string_equal(ch[0].field, "api_tokens");
	assert_non_null(strstr(ch[0].before, "Dagsordens-eksport (id 1)"));
	assert_null(strstr(ch[0].after, "Dagsordens-eksport"));
	assert_int_equal(store_generation(st), g);
	arena_free(&a);
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_username_rule),
		cmocka_unit_test(test_create_find_list),
		cmocka_unit_test(test_password_admin_disabled),
		cmocka_unit_test(test_audit_without_hashes),
		cmocka_unit_test(test_sessions),
		cmocka_unit_test(test_generation_unmoved),
		cmocka_unit_test(test_profile),
		cmocka_unit_test(test_tokens),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
