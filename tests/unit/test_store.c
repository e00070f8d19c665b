/*
 * test_store.c - the store (SQLite) and structure files, end to end.
 *
 * tests/data/mini.json holds every object type and every field (forward
 * references, a substitute, a municipality in two areas, rotations,
 * approvals, overlaps) in canonical form, so parse -> print and import
 * -> export must both give back its exact bytes. Run from the project
 * root (meson's workdir).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store/store.h"
#include "util/date.h"

#define MINI "tests/data/mini.json"

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf b = BUF_INIT;
	char chunk[4096];
	size_t n;

	assert_non_null(f);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return buf_detach(&b);
}

static struct store *open_mem(void)
{
	struct store *st = NULL;
	struct err err = { 0 };
	int rc = store_open(&st, ":memory:", &err);
	if (rc)
		fail_msg("store_open: %s", err.msg);
	return st;
}

/* Parses mini.json into the arena (asserting success). */
static void parse_mini(struct arena *a, struct structure *s)
{
	size_t len;
	char *text = read_all(MINI, &len);
	struct err err = { 0 };
	int rc = structure_from_json(a, text, len, s, &err);
	if (rc)
		fail_msg("parse: %s", err.msg);
	free(text);
}

static struct store *open_mini(void)
{
	struct arena a;
	struct structure s;
	struct err err = { 0 };
	struct store *st = open_mem();

	arena_init(&a);
	parse_mini(&a, &s);
	if (store_import(st, &s, &err))
		fail_msg("import: %s", err.msg);
	arena_free(&a);
	return st;
}

static int64_t find_key(const struct structure *s, enum store_kind k,
			const char *key)
{
#define FIND(arr, n)                                                       \
	for (size_t i = 0; i < s->n; i++)                                  \
		if (strcmp(s->arr[i].key, key) == 0)                       \
			return s->arr[i].id;                               \
	break;
	switch (k) {
	case STORE_ORG: FIND(orgs, n_orgs)
	case STORE_AREA: FIND(areas, n_areas)
	case STORE_BODY: FIND(bodies, n_bodies)
	case STORE_CHARTER: FIND(charters, n_charters)
	case STORE_PERSON: FIND(people, n_people)
	case STORE_MEMBERSHIP: FIND(memberships, n_memberships)
	case STORE_ROTATION: break;
	}
#undef FIND
	return 0;
}

/* ---- round trips ------------------------------------------------------- */

static void test_parse_print_identical(void **state)
{
	(void)state;
	size_t len;
	char *text = read_all(MINI, &len);
	struct arena a;
	struct structure s;
	struct buf out = BUF_INIT;
	struct err err = { 0 };

	arena_init(&a);
	assert_int_equal(structure_from_json(&a, text, len, &s, &err), 0);
	assert_int_equal(structure_to_json(&s, &out, &err), 0);
	assert_int_equal(out.len, len);
	assert_memory_equal(out.data, text, len);

	/* ids follow file order, references are resolved to them */
	assert_int_equal(s.n_orgs, 11);
	assert_string_equal(s.orgs[7].key, "plo-syd");
	assert_int_equal(s.orgs[7].parent_id, 9);	/* forward: "plo" */
	assert_int_equal(s.memberships[3].substitute_for_id, 5);
	assert_int_equal(s.bodies[2].parent_id, 4);	/* forward: "fs-sdj" */
	assert_false(s.bodies[4].formal);
	assert_true(s.bodies[0].formal);
	assert_int_equal(s.charters[0].n_seats, 3);
	assert_int_equal(s.charters[0].approvals[1].date, 20220919);
	free(text);
	buf_free(&out);
	arena_free(&a);
}

static void test_import_export_identical(void **state)
{
	(void)state;
	size_t len;
	char *text = read_all(MINI, &len);
	struct store *st = open_mem();
	struct arena a;
	struct structure s, loaded;
	struct buf out = BUF_INIT;
	struct err err = { 0 };

	arena_init(&a);
	assert_int_equal(store_is_empty(st, &err), 1);
	parse_mini(&a, &s);
	int64_t g0 = store_generation(st);
	assert_int_equal(store_import(st, &s, &err), 0);
	assert_true(store_generation(st) > g0);
	assert_int_equal(store_is_empty(st, &err), 0);

	assert_int_equal(store_load(st, &a, &loaded, &err), 0);
	assert_int_equal(structure_to_json(&loaded, &out, &err), 0);
	assert_int_equal(out.len, len);
	assert_memory_equal(out.data, text, len);

	/* København-style: one municipality in two areas */
	int64_t sb = find_key(&loaded, STORE_ORG, "soenderborg");
	assert_true(area_has_municipality(&loaded.areas[0], sb));
	assert_true(area_has_municipality(&loaded.areas[1], sb));
	/* a substitute refers to a membership later in the file */
	const struct membership *dorte = structure_membership(&loaded,
		find_key(&loaded, STORE_MEMBERSHIP, "m-dorte-fs"));
	assert_non_null(dorte);
	assert_int_equal(dorte->substitute_for_id,
			 find_key(&loaded, STORE_MEMBERSHIP, "m-erik-fs"));
	assert_int_equal(loaded.n_rotations, 2);
	assert_int_equal(loaded.rotations[1].org_id, 0);

	/* a second import is refused */
	assert_int_equal(store_import(st, &s, &err), ERR_CONFLICT);
	assert_string_equal(err.code, "not_empty");

	free(text);
	buf_free(&out);
	arena_free(&a);
	store_close(st);
}

/* ---- saves ------------------------------------------------------------- */

static void test_save_insert_update(void **state)
{
	(void)state;
	struct store *st = open_mini();
	struct arena a;
	struct structure s;
	struct err err = { 0 };

	arena_init(&a);
	int64_t g0 = store_generation(st);
	struct organisation o = { .name = "Tønder Kommune",
				  .kind = ORG_MUNICIPALITY,
				  .sector = SECTOR_MUNICIPALITY };
	assert_int_equal(store_org_save(st, &o, &err), 0);
	assert_int_equal(o.id, 12);
	assert_string_equal(o.key, "toender-kommune");
	assert_true(store_generation(st) > g0);

	/* the same name again gets a suffix */
	struct organisation o2 = { .name = "Tønder Kommune", .kind = ORG_OTHER };
	assert_int_equal(store_org_save(st, &o2, &err), 0);
	assert_string_equal(o2.key, "toender-kommune-2");

	/* update keeps the id; an empty key on update is derived again but
	 * the object's own key does not count as taken */
	o.name = "Tønder";
	o.short_name = "TK";
	assert_int_equal(store_org_save(st, &o, &err), 0);
	assert_int_equal(o.id, 12);

	/* duplicate key */
	struct organisation dup = { .key = "shs", .name = "Andet sygehus",
				    .kind = ORG_HOSPITAL };
	assert_int_equal(store_org_save(st, &dup, &err), ERR_CONFLICT);
	assert_string_equal(err.code, "duplicate_key");
	assert_non_null(strstr(err.msg, "«shs»"));
	assert_int_equal(dup.id, 0);

	/* update of a missing id */
	struct organisation ghost = { .id = 999, .key = "ghost", .name = "x",
				      .kind = ORG_OTHER };
	assert_int_equal(store_org_save(st, &ghost, &err), ERR_NOT_FOUND);

	/* a reference to nothing */
	struct person bad = { .key = "p-bad", .name = "X", .organisation_id = 4242 };
	assert_int_equal(store_person_save(st, &bad, &err), ERR_INVALID);
	assert_string_equal(err.code, "bad_reference");

	assert_int_equal(store_load(st, &a, &s, &err), 0);
	const struct organisation *t = structure_org(&s, 12);
	assert_non_null(t);
	assert_string_equal(t->name, "Tønder");
	assert_string_equal(t->short_name, "TK");
	assert_string_equal(t->key, "toender-kommune");

	/* area: the municipality list is replaced, in the given order */
	struct area ar = s.areas[1];
	int64_t munis[] = { 12, find_key(&s, STORE_ORG, "haderslev") };
	ar.municipality_ids = munis;
	ar.n_municipalities = 2;
	assert_int_equal(store_area_save(st, &ar, &err), 0);

	/* charter: seats/approvals/overlaps replaced */
	struct charter c = s.charters[2];
	struct seat_rule seats[] = {
		{ .key = "mayors", .label = "Borgmestrene",
		  .function = FUNC_MAYOR, .per_municipality = true, .min = 1, .max = 1 },
	};
	struct approval aps[] = {
		{ .status = CHARTER_APPROVED, .by_text = "SSU", .date = 20230101 },
	};
	c.seats = seats;
	c.n_seats = 1;
	c.approvals = aps;
	c.n_approvals = 1;
	c.overlaps = NULL;
	c.n_overlaps = 0;
	c.status = CHARTER_APPROVED;
	assert_int_equal(store_charter_save(st, &c, &err), 0);
	assert_true(seats[0].id > 0);

	/* a new charter without key: derived from body key and version */
	struct charter c3 = { .body_id = find_key(&s, STORE_BODY, "fs-sdj"),
			      .version = 2, .title = "Revideret" };
	assert_int_equal(store_charter_save(st, &c3, &err), 0);
	assert_string_equal(c3.key, "fs-sdj-v2");
	/* the same version twice */
	struct charter c4 = { .body_id = c3.body_id, .version = 2, .title = "Igen" };
	assert_int_equal(store_charter_save(st, &c4, &err), ERR_CONFLICT);
	assert_string_equal(err.code, "duplicate_version");

	/* membership without key: derived from person and body */
	struct membership m = { .person_id = find_key(&s, STORE_PERSON, "p-erik"),
				.body_id = find_key(&s, STORE_BODY, "ssu"),
				.role = ROLE_MEMBER, .start = 20240101 };
	assert_int_equal(store_membership_save(st, &m, &err), 0);
	assert_string_equal(m.key, "p-erik-ssu");
	/* an impossible date is refused */
	m.end = 20241399;
	assert_int_equal(store_membership_save(st, &m, &err), ERR_INVALID);

	struct rotation r = { .body_id = m.body_id, .start_year = 2030,
			      .end_year = 2033, .org_id = 12 };
	assert_int_equal(store_rotation_save(st, &r, &err), 0);
	assert_int_equal(r.id, 3);
	r.note = "Aftalt";
	assert_int_equal(store_rotation_save(st, &r, &err), 0);

	arena_free(&a);
	arena_init(&a);
	assert_int_equal(store_load(st, &a, &s, &err), 0);
	assert_int_equal(s.areas[1].n_municipalities, 2);
	assert_int_equal(s.areas[1].municipality_ids[0], 12);
	const struct charter *lc = structure_charter(&s, c.id);
	assert_int_equal(lc->n_seats, 1);
	assert_string_equal(lc->seats[0].key, "mayors");
	assert_int_equal(lc->seats[0].function, FUNC_MAYOR);
	assert_true(lc->seats[0].per_municipality);
	assert_int_equal(lc->n_approvals, 1);
	assert_int_equal(lc->approvals[0].date, 20230101);
	assert_int_equal(lc->n_overlaps, 0);
	assert_string_equal(s.rotations[2].note, "Aftalt");
	/* the untouched charter kept its children */
	assert_int_equal(s.charters[0].n_seats, 3);
	assert_int_equal(s.charters[0].n_overlaps, 1);

	arena_free(&a);
	store_close(st);
}

static void test_delete(void **state)
{
	(void)state;
	struct store *st = open_mini();
	struct arena a;
	struct structure s;
	struct err err = { 0 };

	arena_init(&a);
	assert_int_equal(store_load(st, &a, &s, &err), 0);

	/* a region that areas, bodies and organisations refer to */
	assert_int_equal(store_delete(st, STORE_ORG,
				      find_key(&s, STORE_ORG, "region-syd"), &err),
			 ERR_CONFLICT);
	assert_string_equal(err.code, "in_use");
	assert_string_equal(err.msg, "Organisationen kan ikke slettes, fordi "
			    "andre oplysninger henviser til den.");
	/* a municipality referred to only by an area's list */
	assert_int_equal(store_delete(st, STORE_ORG,
				      find_key(&s, STORE_ORG, "haderslev"), &err),
			 ERR_CONFLICT);
	/* a body referred to by a charter */
	assert_int_equal(store_delete(st, STORE_BODY,
				      find_key(&s, STORE_BODY, "koord-sdj"), &err),
			 ERR_CONFLICT);
	assert_non_null(strstr(err.msg, "Forummet kan ikke slettes"));
	/* a membership with a substitute, then the substitute first */
	int64_t erik = find_key(&s, STORE_MEMBERSHIP, "m-erik-fs");
	assert_int_equal(store_delete(st, STORE_MEMBERSHIP, erik, &err), ERR_CONFLICT);
	assert_int_equal(store_delete(st, STORE_MEMBERSHIP,
				      find_key(&s, STORE_MEMBERSHIP, "m-dorte-fs"), &err), 0);
	assert_int_equal(store_delete(st, STORE_MEMBERSHIP, erik, &err), 0);
	/* nothing refers to it */
	assert_int_equal(store_delete(st, STORE_ORG,
				      find_key(&s, STORE_ORG, "kkr-syd"), &err), 0);
	/* a charter goes with its seats, approvals and overlaps */
	assert_int_equal(store_delete(st, STORE_CHARTER,
				      find_key(&s, STORE_CHARTER, "fs-sdj-v1"), &err), 0);
	/* an area goes with its municipality list; then the body of the
	 * area still refers to it */
	assert_int_equal(store_delete(st, STORE_AREA,
				      find_key(&s, STORE_AREA, "klynge-syd"), &err), 0);
	assert_int_equal(store_delete(st, STORE_ORG,
				      find_key(&s, STORE_ORG, "haderslev"), &err), 0);
	assert_int_equal(store_delete(st, STORE_AREA,
				      find_key(&s, STORE_AREA, "klynge-sdj"), &err),
			 ERR_CONFLICT);
	assert_int_equal(store_delete(st, STORE_ROTATION, 1, &err), 0);
	/* not there */
	assert_int_equal(store_delete(st, STORE_PERSON, 999, &err), ERR_NOT_FOUND);
	assert_int_equal(store_delete(st, STORE_ROTATION, 1, &err), ERR_NOT_FOUND);
	assert_int_equal(store_delete(st, (enum store_kind)99, 1, &err), ERR_INVALID);

	arena_free(&a);
	arena_init(&a);
	assert_int_equal(store_load(st, &a, &s, &err), 0);
	assert_int_equal(s.n_orgs, 9);
	assert_int_equal(s.n_charters, 2);
	assert_int_equal(s.n_memberships, 5);
	assert_int_equal(s.n_rotations, 1);
	/* still exportable */
	struct buf out = BUF_INIT;
	assert_int_equal(structure_to_json(&s, &out, &err), 0);
	buf_free(&out);
	arena_free(&a);
	store_close(st);
}

/*
 * Every enum code of model.c must pass the schema's CHECK lists (they
 * are written out in 0001_structure.sql and could drift).
 */
static void test_enum_codes_fit_schema(void **state)
{
	(void)state;
	struct store *st = open_mem();
	struct err err = { 0 };
	struct organisation reg = { .key = "r", .name = "R", .kind = ORG_REGION };
	struct body b = { .key = "b", .name = "B", .kind = BODY_OTHER, .formal = true };
	struct person p = { .key = "p", .name = "P" };

	assert_int_equal(store_org_save(st, &reg, &err), 0);
	assert_int_equal(store_body_save(st, &b, &err), 0);
	assert_int_equal(store_person_save(st, &p, &err), 0);

	for (int k = 1; k < org_kind_count(); k++)
		for (int sc = 0; sc < sector_count(); sc++) {
			struct organisation o = { .name = "O", .kind = k, .sector = sc };
			if (store_org_save(st, &o, &err))
				fail_msg("org %d/%d: %s", k, sc, err.msg);
		}
	for (int k = 1; k < body_kind_count(); k++) {
		struct body x = { .name = "X", .kind = k };
		if (store_body_save(st, &x, &err))
			fail_msg("body %d: %s", k, err.msg);
	}
	for (int r = 1; r < role_count(); r++)
		for (int f = 0; f < function_count(); f++) {
			struct membership m = { .person_id = p.id, .body_id = b.id,
						.role = r, .function = f,
						.start = 20220101 };
			if (store_membership_save(st, &m, &err))
				fail_msg("membership %d/%d: %s", r, f, err.msg);
		}
	int v = 1;
	int n = charter_status_count();
	if (chair_rule_count() > n)
		n = chair_rule_count();
	if (function_count() > n)
		n = function_count();
	if (org_kind_count() > n)
		n = org_kind_count();
	for (int i = 0; i < n; i++) {
		struct seat_rule seat = {
			.key = "s", .label = "S",
			.sector = i % sector_count(),
			.org_kind = i % org_kind_count(),
			.function = i % function_count(),
			.appointed_by_kind = (i + 1) % org_kind_count(),
		};
		struct approval ap = { .status = i % charter_status_count(),
				       .date = 20220101 };
		struct charter c = {
			.body_id = b.id, .version = v++, .title = "T",
			.status = i % charter_status_count(),
			.chair_rule = i % chair_rule_count(),
			.quorum_rule = i % quorum_rule_count(),
			.decision_rule = i % decision_rule_count(),
			.competence = i % competence_count(),
			.seats = &seat, .n_seats = 1,
			.approvals = &ap, .n_approvals = 1,
		};
		if (store_charter_save(st, &c, &err))
			fail_msg("charter %d: %s", i, err.msg);
	}
	store_close(st);
}

/* ---- files and processes ----------------------------------------------- */

static void test_reopen_file(void **state)
{
	(void)state;
	char dir[] = "/tmp/klynge-test-XXXXXX";
	char path[128];
	struct store *st = NULL, *other = NULL;
	struct err err = { 0 };
	struct arena a;
	struct structure s;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/k.db", dir);
	assert_int_equal(store_open(&st, path, &err), 0);
	arena_init(&a);
	parse_mini(&a, &s);
	assert_int_equal(store_import(st, &s, &err), 0);
	store_close(st);

	/* migrations are not run twice; the data is there */
	assert_int_equal(store_open(&st, path, &err), 0);
	assert_int_equal(store_is_empty(st, &err), 0);
	/* a second connection (as another process would have) */
	assert_int_equal(store_open(&other, path, &err), 0);
	int64_t g = store_generation(other);
	struct person p = { .key = "p-ny", .name = "Ny Person" };
	assert_int_equal(store_person_save(st, &p, &err), 0);
	assert_true(store_generation(other) != g);
	struct structure s2;
	assert_int_equal(store_load(other, &a, &s2, &err), 0);
	assert_int_equal(s2.n_people, 6);
	store_close(other);
	store_close(st);
	arena_free(&a);

	char tmp[160];
	snprintf(tmp, sizeof(tmp), "%s-wal", path);
	unlink(tmp);
	snprintf(tmp, sizeof(tmp), "%s-shm", path);
	unlink(tmp);
	unlink(path);
	rmdir(dir);
}

struct saver {
	struct store *st;
	int n;
	int failures;
};

static void *saver_run(void *arg)
{
	struct saver *sv = arg;
	struct err err = { 0 };
	for (int i = 0; i < sv->n; i++) {
		struct person p = { .name = "Samme Navn" };
		if (store_person_save(sv->st, &p, &err))
			sv->failures++;
	}
	return NULL;
}

/* Saves from several threads at once: all succeed, all keys differ. */
static void test_threads(void **state)
{
	(void)state;
	struct store *st = open_mem();
	struct saver sv[4];
	pthread_t th[4];
	struct arena a;
	struct structure s;
	struct err err = { 0 };

	for (int i = 0; i < 4; i++) {
		sv[i] = (struct saver){ st, 25, 0 };
		assert_int_equal(pthread_create(&th[i], NULL, saver_run, &sv[i]), 0);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(sv[i].failures, 0);
	}
	arena_init(&a);
	assert_int_equal(store_load(st, &a, &s, &err), 0);
	assert_int_equal(s.n_people, 100);
	for (size_t i = 1; i < s.n_people; i++)
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(s.people[i].key, s.people[j].key);
	arena_free(&a);
	store_close(st);
}

/* ---- timestamps (0002_timestamps.sql) ---------------------------------- */

#define OLD_TIME "2001-02-03T04:05:06Z"

/* Runs constant SQL on the database file through a connection of its
 * own, as another program (or an older klynge) would. */
static void raw_exec(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	char *msg = NULL;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg ? msg : "?");
	sqlite3_free(msg);
	sqlite3_close(db);
}

/* Every stored object's timestamps are set and in the store's form. */
#define ASSERT_STAMPED(arr, n)                                             \
	for (size_t i = 0; i < s->n; i++) {                                \
		int64_t t;                                                 \
		assert_int_equal(strlen(s->arr[i].created), 20);           \
		assert_int_equal(datetime_parse(s->arr[i].created, &t), 0); \
		assert_int_equal(datetime_parse(s->arr[i].modified, &t), 0); \
		assert_true(strcmp(s->arr[i].created, s->arr[i].modified) <= 0); \
	}

static void assert_all_stamped(const struct structure *s)
{
	ASSERT_STAMPED(orgs, n_orgs)
	ASSERT_STAMPED(areas, n_areas)
	ASSERT_STAMPED(bodies, n_bodies)
	ASSERT_STAMPED(charters, n_charters)
	ASSERT_STAMPED(people, n_people)
	ASSERT_STAMPED(memberships, n_memberships)
	ASSERT_STAMPED(rotations, n_rotations)
}

/* A temporary database file with mini.json imported, every timestamp
 * then set back to OLD_TIME, so that a change now shows. */
static struct store *open_mini_file(char *dir, char *path, size_t pathsz)
{
	struct store *st = NULL;
	struct arena a;
	struct structure s;
	struct err err = { 0 };

	assert_non_null(mkdtemp(dir));
	snprintf(path, pathsz, "%s/k.db", dir);
	assert_int_equal(store_open(&st, path, &err), 0);
	arena_init(&a);
	parse_mini(&a, &s);
	assert_int_equal(store_import(st, &s, &err), 0);
	arena_free(&a);
	/* An UPDATE that sets modified itself keeps it (the trigger leaves
	 * it alone). */
	raw_exec(path,
		"UPDATE organisation SET created = '" OLD_TIME "', modified = '" OLD_TIME "';"
		"UPDATE area SET created = '" OLD_TIME "', modified = '" OLD_TIME "';"
		"UPDATE body SET created = '" OLD_TIME "', modified = '" OLD_TIME "';"
		"UPDATE charter SET created = '" OLD_TIME "', modified = '" OLD_TIME "';"
		"UPDATE person SET created = '" OLD_TIME "', modified = '" OLD_TIME "';"
		"UPDATE membership SET created = '" OLD_TIME "', modified = '" OLD_TIME "';"
		"UPDATE rotation SET created = '" OLD_TIME "', modified = '" OLD_TIME "';");
	return st;
}

static void remove_db(const char *dir, const char *path)
{
	char tmp[192];
	snprintf(tmp, sizeof(tmp), "%s-wal", path);
	unlink(tmp);
	snprintf(tmp, sizeof(tmp), "%s-shm", path);
	unlink(tmp);
	unlink(path);
	rmdir(dir);
}

/* Inserts set created = modified = now; structure files hold none. */
static void test_timestamps_on_insert(void **state)
{
	(void)state;
	struct store *st = open_mini();
	struct arena a;
	struct structure s, parsed;
	struct err err = { 0 };
	int64_t before = (int64_t)time(NULL), t;

	arena_init(&a);
	parse_mini(&a, &parsed);
	assert_string_equal(parsed.bodies[0].created, "");
	assert_string_equal(parsed.memberships[0].modified, "");

	struct person p = { .name = "Ny Person", .created = "1999-01-01T00:00:00Z",
			    .modified = "1999-01-01T00:00:00Z" };
	assert_int_equal(store_person_save(st, &p, &err), 0);
	assert_int_equal(store_load(st, &a, &s, &err), 0);
	assert_all_stamped(&s);
	const struct person *lp = structure_person(&s, p.id);
	/* what the caller put in the object is ignored */
	assert_string_equal(lp->created, lp->modified);
	assert_int_equal(datetime_parse(lp->created, &t), 0);
	assert_true(t >= before - 1 && t <= (int64_t)time(NULL) + 1);
	arena_free(&a);
	store_close(st);
}

/* The modified of each kind changes when the object changes (owned
 * lists included), created never, and a save that changes nothing
 * changes neither. */
static void test_modified_changes_on_update(void **state)
{
	(void)state;
	char dir[] = "/tmp/klynge-test-XXXXXX";
	char path[128];
	struct store *st = open_mini_file(dir, path, sizeof(path));
	struct arena a;
	struct structure s;
	struct err err = { 0 };

	arena_init(&a);
	assert_int_equal(store_load(st, &a, &s, &err), 0);
	assert_string_equal(s.bodies[1].modified, OLD_TIME);

	/* unchanged saves of every kind: nothing changes */
	struct organisation o = s.orgs[0];
	struct area ar = s.areas[0];
	struct body b = s.bodies[1];
	struct charter c = s.charters[0];
	struct person p = s.people[0];
	struct membership m = s.memberships[0];
	struct rotation r = s.rotations[0];
	assert_int_equal(store_org_save(st, &o, &err), 0);
	assert_int_equal(store_area_save(st, &ar, &err), 0);
	assert_int_equal(store_body_save(st, &b, &err), 0);
	assert_int_equal(store_charter_save(st, &c, &err), 0);
	assert_int_equal(store_person_save(st, &p, &err), 0);
	assert_int_equal(store_membership_save(st, &m, &err), 0);
	assert_int_equal(store_rotation_save(st, &r, &err), 0);
	struct structure s1;
	assert_int_equal(store_load(st, &a, &s1, &err), 0);
	assert_string_equal(s1.orgs[0].modified, OLD_TIME);
	assert_string_equal(s1.areas[0].modified, OLD_TIME);
	assert_string_equal(s1.bodies[1].modified, OLD_TIME);
	assert_string_equal(s1.charters[0].modified, OLD_TIME);
	assert_string_equal(s1.people[0].modified, OLD_TIME);
	assert_string_equal(s1.memberships[0].modified, OLD_TIME);
	assert_string_equal(s1.rotations[0].modified, OLD_TIME);

	/* a change of a column of each kind */
	o.note = "Ændret";
	b.description = "Ændret";
	p.title = "Ny titel";
	m.end = 20301231;
	r.note = "Ændret";
	assert_int_equal(store_org_save(st, &o, &err), 0);
	assert_int_equal(store_body_save(st, &b, &err), 0);
	assert_int_equal(store_person_save(st, &p, &err), 0);
	assert_int_equal(store_membership_save(st, &m, &err), 0);
	assert_int_equal(store_rotation_save(st, &r, &err), 0);
	/* an owned list alone: the area's municipalities in another order,
	 * one number of one of the charter's seats */
	assert_true(ar.n_municipalities >= 2);
	int64_t munis[16];
	for (size_t i = 0; i < ar.n_municipalities; i++)
		munis[i] = ar.municipality_ids[ar.n_municipalities - 1 - i];
	ar.municipality_ids = munis;
	assert_int_equal(store_area_save(st, &ar, &err), 0);
	struct seat_rule seats[16];
	assert_true(c.n_seats >= 1 && c.n_seats <= 16);
	memcpy(seats, c.seats, c.n_seats * sizeof(*seats));
	seats[0].max++;
	c.seats = seats;
	assert_int_equal(store_charter_save(st, &c, &err), 0);

	struct structure s2;
	assert_int_equal(store_load(st, &a, &s2, &err), 0);
	int64_t now = (int64_t)time(NULL), t;
#define CHANGED(obj)                                                       \
	do {                                                               \
		assert_string_equal((obj).created, OLD_TIME);              \
		assert_string_not_equal((obj).modified, OLD_TIME);         \
		assert_int_equal(datetime_parse((obj).modified, &t), 0);   \
		assert_true(t >= now - 60 && t <= now + 1);                \
	} while (0)
	CHANGED(s2.orgs[0]);
	CHANGED(s2.areas[0]);
	CHANGED(s2.bodies[1]);
	CHANGED(s2.charters[0]);
	CHANGED(s2.people[0]);
	CHANGED(s2.memberships[0]);
	CHANGED(s2.rotations[0]);
#undef CHANGED
	/* the others are untouched */
	assert_string_equal(s2.orgs[1].modified, OLD_TIME);
	assert_string_equal(s2.areas[1].modified, OLD_TIME);
	assert_string_equal(s2.bodies[0].modified, OLD_TIME);
	assert_string_equal(s2.charters[1].modified, OLD_TIME);
	assert_string_equal(s2.people[1].modified, OLD_TIME);
	assert_string_equal(s2.memberships[1].modified, OLD_TIME);
	assert_string_equal(s2.rotations[1].modified, OLD_TIME);

	/* The triggers end even with recursive triggers on. */
	raw_exec(path, "PRAGMA recursive_triggers = ON;"
		 "UPDATE body SET modified = '" OLD_TIME "';"
		 "UPDATE body SET name = name || ' x';"
		 "UPDATE body SET name = name || ' y';");
	struct structure s3;
	assert_int_equal(store_load(st, &a, &s3, &err), 0);
	assert_string_not_equal(s3.bodies[0].modified, OLD_TIME);
	assert_string_equal(s3.bodies[0].created, OLD_TIME);

	arena_free(&a);
	store_close(st);
	remove_db(dir, path);
}

/* A database made before 0002 gets timestamps for its rows. */
static void test_timestamps_migration(void **state)
{
	(void)state;
	char dir[] = "/tmp/klynge-test-XXXXXX";
	char path[128];
	size_t len;
	struct store *st = NULL;
	struct arena a;
	struct structure s;
	struct err err = { 0 };

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/k.db", dir);
	char *v1 = read_all("src/store/migrations/0001_structure.sql", &len);
	raw_exec(path, v1);
	free(v1);
	raw_exec(path, "INSERT INTO schema_migrations VALUES (1, '2020-01-01T00:00:00Z');"
		 "INSERT INTO organisation (key, name, kind) VALUES ('r', 'R', 'region');"
		 "INSERT INTO body (key, name, region_id) VALUES ('b', 'B', 1);"
		 "INSERT INTO person (key, name) VALUES ('p', 'P');"
		 "INSERT INTO membership (key, person_id, body_id, start_date) "
		 "VALUES ('m', 1, 1, '2024-01-01');");
	assert_int_equal(store_open(&st, path, &err), 0);
	arena_init(&a);
	assert_int_equal(store_load(st, &a, &s, &err), 0);
	assert_int_equal(s.n_memberships, 1);
	assert_all_stamped(&s);
	arena_free(&a);
	store_close(st);
	remove_db(dir, path);
}

/* ---- parse errors ------------------------------------------------------ */

struct bad_case {
	const char *json;
	const char *code;	/* err.code */
	const char *msg;	/* substring of err.msg */
};

#define ORGS "\"organisations\": [{\"key\": \"r\", \"name\": \"R\", \"kind\": \"region\"}]"
#define BODY "\"bodies\": [{\"key\": \"b\", \"name\": \"B\", \"kind\": \"other\"}]"
#define PERSON "\"people\": [{\"key\": \"p\", \"name\": \"P\"}]"
#define MEMBER(extra) "\"memberships\": [{\"key\": \"m\", \"person\": \"p\", " \
	"\"body\": \"b\", \"role\": \"member\", \"start\": \"2022-01-01\"" extra "}]"

static const struct bad_case bad_cases[] = {
	{ "{\"klynge\": 1, " BODY ", " PERSON ", \"memberships\": [{\"key\": \"m\", "
	  "\"person\": \"p-xyz\", \"body\": \"b\", \"role\": \"member\", "
	  "\"start\": \"2022-01-01\"}]}",
	  "invalid_structure", "memberships[0].person: ukendt person «p-xyz»" },
	{ "{\"klynge\": 1, " BODY ", " PERSON ", \"memberships\": [{\"key\": \"m\", "
	  "\"person\": \"p\", \"body\": \"b\", \"role\": \"member\", "
	  "\"start\": \"2022-02-30\"}]}",
	  "invalid_structure", "memberships[0].start: ugyldig dato «2022-02-30»" },
	{ "{\"klynge\": 1, " BODY ", " PERSON ", " MEMBER(", \"end\": \"1.1.2023\"") "}",
	  "invalid_structure", "memberships[0].end: ugyldig dato «1.1.2023»" },
	{ "{\"klynge\": 1, \"organisations\": [{\"key\": \"h\", \"name\": \"H\", "
	  "\"kind\": \"sygehus\"}]}",
	  "invalid_structure", "organisations[0].kind: ukendt værdi «sygehus» (mulige: region, " },
	{ "{\"klynge\": 1, " BODY ", " PERSON ", " MEMBER(", \"role\": \"boss\"") "}",
	  "invalid_json", "Et felt står to gange" },
	{ "{\"klynge\": 1, \"organisations\": [{\"key\": \"r\", \"name\": \"R\xff\", "
	  "\"kind\": \"region\"}]}",
	  "invalid_utf8", "ikke gyldig UTF-8" },
	{ "{\"klynge\": 1, \"organisations\": [{\"key\": \"r\", \"name\": \"R\xc3\", "
	  "\"kind\": \"region\"}]}",
	  "invalid_utf8", "UTF-8" },
	{ "{\"klynge\": 1, \"organisations\": [{\"key\": \"r\", \"name\": 5}]}",
	  "invalid_structure", "organisations[0].name: skal være tekst" },
	{ "{\"klynge\": 1, " ORGS ", \"bodies\": [{\"key\": \"b\", \"name\": \"B\", "
	  "\"kind\": \"other\", \"formal\": \"nej\"}]}",
	  "invalid_structure", "bodies[0].formal: skal være true eller false" },
	{ "{\"klynge\": 1, " BODY ", \"charters\": [{\"key\": \"c\", \"body\": \"b\", "
	  "\"version\": \"1\", \"title\": \"T\"}]}",
	  "invalid_structure", "charters[0].version: skal være et heltal" },
	{ "{\"klynge\": 1, " BODY ", \"charters\": [{\"key\": \"c\", \"body\": \"b\", "
	  "\"version\": 1.5, \"title\": \"T\"}]}",
	  "invalid_structure", "charters[0].version: skal være et heltal" },
	{ "{\"klynge\": 1, " BODY ", \"charters\": [{\"key\": \"c\", \"body\": \"b\", "
	  "\"version\": 99999999999, \"title\": \"T\"}]}",
	  "invalid_structure", "charters[0].version: tallet 99999999999 er for stort" },
	{ "{\"klynge\": 1, " BODY ", \"charters\": [{\"key\": \"c\", \"body\": \"b\", "
	  "\"version\": 1, \"title\": \"T\", \"seats\": [{\"key\": \"s\", \"label\": \"S\", "
	  "\"sector\": \"kommune\"}]}]}",
	  "invalid_structure", "charters[0].seats[0].sector: ukendt værdi «kommune»" },
	{ "{\"klynge\": 1, " BODY ", \"charters\": [{\"key\": \"c\", \"body\": \"b\", "
	  "\"version\": 1, \"title\": \"T\", \"approvals\": [{\"by_body\": \"nope\"}]}]}",
	  "invalid_structure", "charters[0].approvals[0].by_body: ukendt forum «nope»" },
	{ "{\"klynge\": 1, " BODY ", \"charters\": [{\"key\": \"c\", \"body\": \"b\", "
	  "\"version\": 1, \"title\": \"T\", \"seats\": {}}]}",
	  "invalid_structure", "charters[0].seats: skal være en liste" },
	{ "{\"klynge\": 1, \"organisations\": [{\"key\": \"r\", \"name\": \"R\", "
	  "\"kind\": \"region\", \"colour\": \"blue\"}]}",
	  "invalid_structure", "organisations[0]: ukendt felt «colour»" },
	{ "{\"klynge\": 1, \"organization\": []}",
	  "invalid_structure", "ukendt felt «organization»" },
	{ "{\"klynge\": 1, \"organisations\": [{\"key\": \"a\", \"name\": \"A\", "
	  "\"kind\": \"other\"}, {\"key\": \"a\", \"name\": \"B\", \"kind\": \"other\"}]}",
	  "invalid_structure", "organisations[1].key: nøglen «a» er også brugt af organisations[0]" },
	{ "{\"klynge\": 1, \"organisations\": [{\"key\": \"Æble\", \"name\": \"A\"}]}",
	  "invalid_structure", "organisations[0].key: ugyldig nøgle «Æble»" },
	{ "{\"klynge\": 1, \"organisations\": [{\"name\": \"A\"}]}",
	  "invalid_structure", "organisations[0].key: skal udfyldes" },
	{ "{\"klynge\": 1, " ORGS ", \"areas\": [{\"key\": \"a\", \"name\": \"A\", "
	  "\"region\": \"r\", \"municipalities\": [\"r\", \"x\"]}]}",
	  "invalid_structure", "areas[0].municipalities[1]: ukendt organisation «x»" },
	{ "{\"klynge\": 1, " BODY ", " PERSON ", \"memberships\": [{\"key\": \"m\", "
	  "\"person\": \"p\", \"body\": \"b\", \"role\": \"member\"}]}",
	  "invalid_structure", "memberships[0].start: skal udfyldes" },
	{ "{\"klynge\": 1, " BODY ", \"charters\": [{\"key\": \"c1\", \"body\": \"b\", "
	  "\"version\": 1, \"title\": \"T\"}, {\"key\": \"c2\", \"body\": \"b\", "
	  "\"version\": 1, \"title\": \"T\"}]}",
	  "invalid_structure", "charters[1].version: " },
	/* a validator's message (core/validate.c), with the path in front */
	{ "{\"klynge\": 1, \"organisations\": [{\"key\": \"r\", \"name\": \"R\"}]}",
	  "invalid_structure", "organisations[0].kind: " },
	{ "{\"klynge\": 2}", "invalid_structure", "klynge: formatversionen" },
	{ "{\"organisations\": []}", "invalid_structure", "klynge: mangler" },
	{ "[]", "invalid_structure", "skal være et JSON-objekt" },
	{ "", "invalid_json", "Filen slutter" },
	{ "{\"klynge\": 1} x", "invalid_json", "Der står mere efter" },
	{ "{\"klynge\": 1, \"organisations\": [{\"key\": \"r\", \"name\": \"a\\u0000b\"}]}",
	  "invalid_json", "NUL" },
	{ "{\"klynge\": 1, \"organisations\": [[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]}",
	  "too_deep", "for dybt" },
	{ "{\"klynge\": 1, \"rotations\": [{\"body\": \"b\"}]}",
	  "invalid_structure", "rotations[0].body: ukendt forum «b»" },
	{ "{\"klynge\": 1, \"organisations\": [{\"key\": \"r\", \"name\": \"R\", "
	  "\"kind\": \"region\", \"parent\": 7}]}",
	  "invalid_structure", "organisations[0].parent: skal være tekst" },
};

static void test_parse_errors(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		const struct bad_case *c = &bad_cases[i];
		struct arena a;
		struct structure s;
		struct err err = { 0 };
		arena_init(&a);
		int rc = structure_from_json(&a, c->json, strlen(c->json), &s, &err);
		if (rc != ERR_INVALID)
			fail_msg("case %zu: rc %d, want ERR_INVALID (%s)", i, rc, c->json);
		if (strcmp(err.code, c->code) != 0 || !strstr(err.msg, c->msg))
			fail_msg("case %zu: got [%s] %s\nwant [%s] ...%s...", i,
				 err.code, err.msg, c->code, c->msg);
		assert_int_equal(s.n_orgs, 0);
		arena_free(&a);
	}
}

/* Everything optional may be missing or null; an empty file is valid. */
static void test_parse_minimal(void **state)
{
	(void)state;
	const char *in = "{\"klynge\": 1, \"organisations\": null, "
		"\"bodies\": [{\"key\": \"b\", \"name\": \"B\", \"kind\": \"other\", "
		"\"parent\": null, \"formal\": true, \"description\": \"\"}]}";
	const char *want = "{\n  \"klynge\": 1,\n  \"bodies\": [\n    {\n"
		"      \"key\": \"b\",\n      \"name\": \"B\",\n"
		"      \"kind\": \"other\"\n    }\n  ]\n}\n";
	struct arena a;
	struct structure s;
	struct buf out = BUF_INIT;
	struct err err = { 0 };

	arena_init(&a);
	assert_int_equal(structure_from_json(&a, in, strlen(in), &s, &err), 0);
	assert_int_equal(structure_to_json(&s, &out, &err), 0);
	assert_string_equal(buf_str(&out), want);

	struct structure empty = { 0 };
	buf_reset(&out);
	assert_int_equal(structure_to_json(&empty, &out, &err), 0);
	assert_string_equal(buf_str(&out), "{\n  \"klynge\": 1\n}\n");
	buf_free(&out);
	arena_free(&a);
}

/* Text that is not UTF-8 (possible through a direct save) cannot be
 * exported; the export says so instead of writing broken JSON. */
static void test_export_bad_utf8(void **state)
{
	(void)state;
	struct store *st = open_mem();
	struct arena a;
	struct structure s;
	struct buf out = BUF_INIT;
	struct err err = { 0 };
	struct organisation o = { .key = "x", .name = "Bad \xff", .kind = ORG_OTHER };

	assert_int_equal(store_org_save(st, &o, &err), 0);
	arena_init(&a);
	assert_int_equal(store_load(st, &a, &s, &err), 0);
	buf_puts(&out, "before");
	assert_int_equal(structure_to_json(&s, &out, &err), ERR_INTERNAL);
	assert_non_null(strstr(err.msg, "«name»"));
	assert_string_equal(buf_str(&out), "before");
	buf_free(&out);
	arena_free(&a);
	store_close(st);
}


/* ---- revisions and the audit log (0003_versions.sql) -------------------- */

/* Loads the membership with key (asserting it exists) into a copy. */
static struct membership load_membership(struct store *st, struct arena *a,
					 const char *key)
{
	struct structure s;
	struct err err = { 0 };
	assert_int_equal(store_load(st, a, &s, &err), 0);
	for (size_t i = 0; i < s.n_memberships; i++)
		if (strcmp(s.memberships[i].key, key) == 0)
			return s.memberships[i];
	fail_msg("no membership %s", key);
	return (struct membership){ 0 };
}

/* Issue 3 item 5: "the second save against a stale version gets a clear
 * Danish message and keeps their text; no lost update". */
static void test_revision_compare_and_set(void **state)
{
	(void)state;
	struct store *st = open_mini();
	struct arena a;
	struct err err = { 0 };
	arena_init(&a);
	struct structure s;
	assert_int_equal(store_load(st, &a, &s, &err), 0);
	for (size_t i = 0; i < s.n_memberships; i++)
		assert_int_equal(s.memberships[i].revision, 1);
	const char *key = s.memberships[0].key;

	/* Two people open revision 1. */
	struct membership first = load_membership(st, &a, key);
	struct membership second = first;
	assert_int_equal(first.revision, 1);

	/* The first saves a change: revision 2. */
	first.end = 20301231;
	assert_int_equal(store_membership_save(st, &first, &err), 0);
	assert_int_equal(first.revision, 2);

	/* The second, still at 1, is refused and nothing is written. */
	second.end = 20290630;
	err_clear(&err);
	assert_int_equal(store_membership_save(st, &second, &err), ERR_CONFLICT);
	assert_string_equal(err.code, "stale");
	assert_string_equal(err.msg, "Nogen har ændret medlemskabet, siden du "
			    "åbnede det. Dine ændringer er ikke gemt – se "
			    "forskellen herunder og gem igen.");
	struct membership now = load_membership(st, &a, key);
	assert_int_equal(now.end, 20301231);
	assert_int_equal(now.revision, 2);

	/* With the fresh revision the save goes through. */
	second.revision = now.revision;
	assert_int_equal(store_membership_save(st, &second, &err), 0);
	assert_int_equal(second.revision, 3);

	/* A save that changes nothing keeps the revision (and writes no
	 * audit row); revision 0 saves unconditionally. */
	struct membership again = load_membership(st, &a, key);
	assert_int_equal(store_membership_save(st, &again, &err), 0);
	assert_int_equal(again.revision, 3);
	again.revision = 0;
	again.local = !again.local;
	assert_int_equal(store_membership_save(st, &again, &err), 0);
	assert_int_equal(again.revision, 4);

	/* A charter's owned lists count as its change: one bump per save. */
	assert_int_equal(store_load(st, &a, &s, &err), 0);
	struct charter c = s.charters[0];
	assert_true(c.n_seats > 0);
	int64_t rev = c.revision;
	struct seat_rule *seats = arena_array(&a, c.n_seats, sizeof(*seats));
	memcpy(seats, c.seats, c.n_seats * sizeof(*seats));
	seats[0].min += 1;
	c.seats = seats;
	c.title = "Ny titel";
	assert_int_equal(store_charter_save(st, &c, &err), 0);
	assert_int_equal(c.revision, rev + 1);

	/* A stale delete is refused too. */
	struct membership gone = load_membership(st, &a, key);
	err_clear(&err);
	assert_int_equal(store_delete_rev(st, STORE_MEMBERSHIP, gone.id, 1, &err),
			 ERR_CONFLICT);
	assert_string_equal(err.code, "stale");
	arena_free(&a);
	store_close(st);
}

/* Issue 3 item 4: "every change (who, when, what, before/after) stored
 * append-only". */
static void test_audit_rows(void **state)
{
	(void)state;
	struct store *st = open_mem();
	struct arena a;
	struct err err = { 0 };
	struct audit_entry *rows;
	size_t n;
	arena_init(&a);

	store_actor_set("tester (127.0.0.1)");
	struct organisation o = { .key = "r", .name = "Region R",
				  .kind = ORG_REGION, .sector = SECTOR_REGION };
	assert_int_equal(store_org_save(st, &o, &err), 0);
	struct body b = { .name = "Forum B", .kind = BODY_OTHER,
			  .region_id = o.id, .formal = true };
	assert_int_equal(store_body_save(st, &b, &err), 0);
	b.name = "Forum C";
	b.revision = 1;
	assert_int_equal(store_body_save(st, &b, &err), 0);
	assert_int_equal(store_body_save(st, &b, &err), 0);	/* no change */
	assert_int_equal(store_delete(st, STORE_BODY, b.id, &err), 0);

	assert_int_equal(store_audit_list(st, &a, NULL, 0, 0, 0, &rows, &n, &err), 0);
	assert_int_equal(n, 4);
	/* Newest first: delete, update, create (body), create (org). */
	assert_string_equal(rows[0].action, "delete");
	assert_string_equal(rows[0].kind, "body");
	assert_int_equal(rows[0].object_id, b.id);
	assert_int_equal(rows[0].body_id, b.id);
	assert_string_equal(rows[0].object_key, "forum-b");
	assert_string_equal(rows[0].before,
			    "{\"key\":\"forum-b\",\"name\":\"Forum C\","
			    "\"kind\":\"other\",\"region\":\"r\"}");
	assert_null(rows[0].after);
	assert_string_equal(rows[1].action, "update");
	assert_string_equal(rows[1].before,
			    "{\"key\":\"forum-b\",\"name\":\"Forum B\","
			    "\"kind\":\"other\",\"region\":\"r\"}");
	assert_string_equal(rows[1].after, rows[0].before);
	assert_string_equal(rows[2].action, "create");
	assert_null(rows[2].before);
	assert_string_equal(rows[3].kind, "organisation");
	assert_string_equal(rows[3].after,
			    "{\"key\":\"r\",\"name\":\"Region R\",\"kind\":\"region\","
			    "\"sector\":\"region\"}");
	for (size_t i = 0; i < n; i++) {
		int64_t t;
		assert_string_equal(rows[i].actor, "tester (127.0.0.1)");
		assert_int_equal(datetime_parse(rows[i].at, &t), 0);
		assert_int_equal(strlen(rows[i].at), 20);
	}
	struct audit_change *ch;
	size_t nch;
	store_audit_changes(&a, &rows[1], &ch, &nch);
	assert_int_equal(nch, 1);
	assert_string_equal(ch[0].field, "name");
	assert_string_equal(ch[0].before, "Forum B");
	assert_string_equal(ch[0].after, "Forum C");

	/* Filters. */
	assert_int_equal(store_audit_list(st, &a, "organisation", 0, 0, 0, &rows,
					  &n, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(store_audit_list(st, &a, NULL, 0, b.id, 2, &rows, &n,
					  &err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].action, "delete");

	/* The actor: default "system", at most 128 bytes, cut on a whole
	 * UTF-8 character. */
	store_actor_set(NULL);
	assert_string_equal(store_actor(), "system");
	char longname[200];
	memset(longname, 'x', sizeof(longname));
	memcpy(longname + 126, "æøå", 6);
	longname[sizeof(longname) - 1] = '\0';
	store_actor_set(longname);
	assert_int_equal(strlen(store_actor()), 128);
	assert_memory_equal(store_actor() + 126, "æ", 2);
	store_actor_set(NULL);
	arena_free(&a);
	store_close(st);
}

/* Changing or removing an audit row is an SQL error. */
static void test_audit_append_only(void **state)
{
	(void)state;
	char dir[] = "/tmp/klynge-test-XXXXXX";
	char path[128];
	struct store *st = NULL;
	struct err err = { 0 };
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/k.db", dir);
	assert_int_equal(store_open(&st, path, &err), 0);
	struct organisation o = { .key = "o", .name = "O", .kind = ORG_OTHER };
	assert_int_equal(store_org_save(st, &o, &err), 0);
	store_close(st);

	sqlite3 *db = NULL;
	char *msg = NULL;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE audit SET actor = 'x'",
					  NULL, NULL, &msg), SQLITE_OK);
	assert_non_null(strstr(msg, "append-only"));
	sqlite3_free(msg);
	msg = NULL;
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM audit", NULL, NULL,
					  &msg), SQLITE_OK);
	assert_non_null(strstr(msg, "append-only"));
	sqlite3_free(msg);
	sqlite3_stmt *q = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM audit", -1,
					    &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 1);
	sqlite3_finalize(q);
	sqlite3_close(db);
	remove_db(dir, path);
}

/* An import is one row with the counts; the export stays the file. */
static void test_audit_import(void **state)
{
	(void)state;
	struct store *st = open_mini();
	struct arena a;
	struct err err = { 0 };
	struct audit_entry *rows;
	size_t n;
	arena_init(&a);
	assert_int_equal(store_audit_list(st, &a, NULL, 0, 0, 0, &rows, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].action, "import");
	assert_string_equal(rows[0].kind, "structure");
	assert_string_equal(rows[0].actor, "system");
	assert_null(rows[0].before);
	assert_non_null(strstr(rows[0].after, "\"memberships\":"));

	struct structure s;
	struct buf out = BUF_INIT;
	size_t len;
	char *want = read_all(MINI, &len);
	assert_int_equal(store_load(st, &a, &s, &err), 0);
	assert_int_equal(structure_to_json(&s, &out, &err), 0);
	assert_int_equal(out.len, len);
	assert_memory_equal(out.data, want, len);
	free(want);
	buf_free(&out);
	arena_free(&a);
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_print_identical),
		cmocka_unit_test(test_import_export_identical),
		cmocka_unit_test(test_save_insert_update),
		cmocka_unit_test(test_delete),
		cmocka_unit_test(test_enum_codes_fit_schema),
		cmocka_unit_test(test_reopen_file),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_timestamps_on_insert),
		cmocka_unit_test(test_modified_changes_on_update),
		cmocka_unit_test(test_timestamps_migration),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_parse_minimal),
		cmocka_unit_test(test_export_bad_utf8),
		cmocka_unit_test(test_revision_compare_and_set),
		cmocka_unit_test(test_audit_rows),
		cmocka_unit_test(test_audit_append_only),
		cmocka_unit_test(test_audit_import),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
