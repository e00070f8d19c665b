/*
 * internal.h - what the store's source files share (sqlite.c, accounts.c):
 * the connection, its lock, and the small statement helpers. Not part of
 * the store's interface (store.h); nothing outside src/store includes it.
 */
#ifndef KLYNGE_STORE_INTERNAL_H
#define KLYNGE_STORE_INTERNAL_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <sqlite3.h>
#include <jansson.h>
#include <sodium.h>
#include <stdlib.h>

#include "store.h"

/* Now as the store writes points in time (created, modified,
 * applied_at): 'YYYY-MM-DDTHH:MM:SSZ', UTC. SQL text, no value. */
#define STORE_NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

struct store {
	sqlite3 *db;
	pthread_mutex_t mu;
	int64_t generation;	/* bumped after each committed write */
	int64_t data_version;	/* last PRAGMA data_version seen */
	struct arena keys;	/* keys derived by *_save, handed to callers */
};

/* ---- locking, errors, statements --------------------------------------- */

static inline void store_lock(struct store *st)
{
	pthread_mutex_lock(&st->mu);
}

static inline void store_unlock(struct store *st)
{
	pthread_mutex_unlock(&st->mu);
}

/*
 * Turns a failed SQLite call into a Danish err. Constraint failures that
 * users can cause get their own kinds and codes; the rest is internal.
 * Returns the err kind (negative).
 */
static inline int db_error(struct store *st, int rc, struct err *err)
{
	const char *m = sqlite3_errmsg(st->db);

	switch (rc) {
	case SQLITE_CONSTRAINT_FOREIGNKEY:
		err_set(err, ERR_INVALID, "bad_reference",
			"Oplysningerne henviser til noget, der ikke findes.");
		return ERR_INVALID;
	case SQLITE_CONSTRAINT_TRIGGER:	/* ON DELETE RESTRICT */
		err_set(err, ERR_CONFLICT, "in_use",
			"Oplysningerne kan ikke fjernes, fordi andre oplysninger "
			"henviser til dem.");
		return ERR_CONFLICT;
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		if (strstr(m, "charter.version"))
			err_set(err, ERR_CONFLICT, "duplicate_version",
				"Forummet har allerede et kommissorium med det versionsnummer.");
		else if (strstr(m, "seat_rule.key"))
			err_set(err, ERR_CONFLICT, "duplicate_seat",
				"To pladser i kommissoriet har samme nøgle.");
		else if (strstr(m, "area_municipality"))
			err_set(err, ERR_CONFLICT, "duplicate_municipality",
				"En kommune er angivet to gange i området.");
		else if (strstr(m, "account.username"))
			err_set(err, ERR_CONFLICT, "duplicate_username",
				"Brugernavnet er allerede i brug.");
		else if (strstr(m, ".key"))
			err_set(err, ERR_CONFLICT, "duplicate_key",
				"Nøglen er allerede i brug.");
		else
			err_set(err, ERR_CONFLICT, "duplicate",
				"Oplysningerne findes allerede.");
		return ERR_CONFLICT;
	case SQLITE_CONSTRAINT_CHECK:
		err_set(err, ERR_INVALID, "invalid",
			"En værdi er ugyldig (%s).", m);
		return ERR_INVALID;
	case SQLITE_CONSTRAINT_NOTNULL:
		err_set(err, ERR_INVALID, "required",
			"Et påkrævet felt mangler (%s).", m);
		return ERR_INVALID;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		err_set(err, ERR_INTERNAL, "busy",
			"Databasen er optaget. Prøv igen om lidt.");
		return ERR_INTERNAL;
	case SQLITE_FULL:
		err_set(err, ERR_INTERNAL, "disk_full", "Disken er fuld.");
		return ERR_INTERNAL;
	case SQLITE_READONLY:
		err_set(err, ERR_INTERNAL, "read_only",
			"Databasen er skrivebeskyttet.");
		return ERR_INTERNAL;
	default:
		err_set(err, ERR_INTERNAL, "db_error", "Databasefejl: %s.", m);
		return ERR_INTERNAL;
	}
}

static inline sqlite3_stmt *prep(struct store *st, const char *sql, struct err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &q, NULL);
	if (rc != SQLITE_OK) {
		db_error(st, rc, err);
		sqlite3_finalize(q);
		return NULL;
	}
	return q;
}

/* Runs a statement that returns no rows. 0 or an err kind. */
static inline int step_done(struct store *st, sqlite3_stmt *q, struct err *err)
{
	int rc = sqlite3_step(q);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_error(st, sqlite3_extended_errcode(st->db), err);
	return 0;
}

/* Constant SQL without values (BEGIN, COMMIT, migrations). */
static inline int exec(struct store *st, const char *sql, struct err *err)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return db_error(st, sqlite3_extended_errcode(st->db), err);
	return 0;
}

static inline int tx_begin(struct store *st, struct err *err)
{
	return exec(st, "BEGIN IMMEDIATE", err);
}

static inline int tx_commit(struct store *st, struct err *err)
{
	int rc = exec(st, "COMMIT", err);
	if (rc == 0)
		st->generation++;
	return rc;
}

static inline void tx_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- binding and reading columns --------------------------------------- */

static inline int bind_text(sqlite3_stmt *q, int i, const char *s)
{
	return sqlite3_bind_text(q, i, s ? s : "", -1, SQLITE_TRANSIENT);
}
static inline int bind_id(sqlite3_stmt *q, int i, int64_t id)
{
	if (!id)
		return sqlite3_bind_null(q, i);
	return sqlite3_bind_int64(q, i, id);
}
static inline const char *col_text(struct arena *a, sqlite3_stmt *q, int i)
{
	const unsigned char *t = sqlite3_column_text(q, i);
	if (!t)
		return arena_strdup(a, "");
	return arena_strndup(a, (const char *)t, (size_t)sqlite3_column_bytes(q, i));
}

/* One audit row (sqlite.c), in the caller's write transaction, naming
 * the calling thread's actor. before/after: canonical JSON or NULL. */
int store_audit_insert(struct store *st, const char *action, const char *kind,
		       int64_t object_id, const char *key, int64_t body_id,
		       const struct buf *before, const struct buf *after,
		       struct err *err);


/* ---- the write protocol and small helpers of meetings.c and casework.c --
 * (sqlite.c and accounts.c keep their own older variants.) */
static inline int invalid(struct err *err, const char *code, const char *msg)
{
	err_set(err, ERR_INVALID, code, "%s", msg);
	return ERR_INVALID;
}

/* "Nogen har ændret mødet, siden du åbnede det. ..." (sqlite.c's words). */
static inline int stale(struct err *err, const char *noun, const char *pronoun,
		 bool delete)
{
	err_set(err, ERR_CONFLICT, "stale",
		"Nogen har ændret %s, siden du åbnede %s. %s", noun, pronoun,
		delete ? "Der er ikke slettet noget – se de nye oplysninger, "
			 "og slet igen, hvis det stadig er rigtigt."
		       : "Dine ændringer er ikke gemt – se forskellen herunder "
			 "og gem igen.");
	return ERR_CONFLICT;
}

static inline int json_failed(struct err *err)
{
	err_set(err, ERR_INTERNAL, "json",
		"Oplysningerne kan ikke skrives som JSON.");
	return ERR_INTERNAL;
}

static inline bool buf_equal(const struct buf *a, const struct buf *b)
{
	return a->len == b->len && (a->len == 0 ||
				    memcmp(a->data, b->data, a->len) == 0);
}

/* Locks and begins a write transaction. */
static inline int wbegin(struct store *st, struct err *err)
{
	store_lock(st);
	return tx_begin(st, err);
}

/*
 * The end of every write: commit when it succeeded and changed
 * something, roll back otherwise (a no-op leaves the generation), then
 * unlock.
 */
static inline int wfinish(struct store *st, int rc, bool changed, struct err *err)
{
	if (rc == 0 && changed)
		rc = tx_commit(st, err);
	if (rc || !changed)
		tx_rollback(st);
	store_unlock(st);
	return rc;
}

/* Runs one statement (no rows) with one id bound as ?1. */
static inline int exec_id(struct store *st, const char *sql, int64_t id,
		   struct err *err)
{
	sqlite3_stmt *q = prep(st, sql, err);
	int rc;
	if (!q)
		return ERR_INTERNAL;
	sqlite3_bind_int64(q, 1, id);
	rc = step_done(st, q, err);
	sqlite3_finalize(q);
	return rc;
}

/* One integer from a query with ?1 and ?2 bound (0 when no row). */
static inline int query_int(struct store *st, const char *sql, int64_t p1,
		     int64_t p2, int64_t *out, struct err *err)
{
	sqlite3_stmt *q = prep(st, sql, err);
	int r, rc = 0;
	if (!q)
		return ERR_INTERNAL;
	sqlite3_bind_int64(q, 1, p1);
	sqlite3_bind_int64(q, 2, p2);
	*out = 0;
	r = sqlite3_step(q);
	if (r == SQLITE_ROW)
		*out = sqlite3_column_int64(q, 0);
	else if (r != SQLITE_DONE)
		rc = db_error(st, sqlite3_extended_errcode(st->db), err);
	sqlite3_finalize(q);
	return rc;
}

/* 32 lowercase hex digits from 16 CSPRNG bytes into out[33]. */
static inline void token_new(char *out)
{
	unsigned char raw[16];
	/* Idempotent and thread-safe; main.c calls it too, tests may not. */
	if (sodium_init() < 0)
		abort();
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(out, 33, raw, sizeof(raw));
}

static inline int dump_json(json_t *j, struct buf *out, struct err *err)
{
	char *s;
	if (!j)
		return json_failed(err);
	s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(j);
	if (!s)
		return json_failed(err);
	buf_puts(out, s);
	free(s);
	return 0;
}

#endif
