/*
 * accounts.c - accounts and login sessions on SQLite (store.h,
 * "accounts and sessions"; tables in 0004_accounts.sql).
 *
 * Same rules as sqlite.c: every call holds the store's lock for its
 * whole duration, every statement is a constant string with bound
 * values. Account writes run in BEGIN IMMEDIATE transactions that also
 * write the audit row (kind "account"): the account before and after as
 * compact JSON without the password hash. They commit without moving
 * the store's generation: the loaded structure does not hold accounts,
 * so the server's caches stay valid (another process's commit still
 * moves it through PRAGMA data_version, harmlessly).
 */
#include "internal.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#define ACCOUNT_COLS                                                        \
	"a.id, a.username, a.display_name, a.person_id, a.admin, "          \
	"a.disabled, a.password_hash IS NOT NULL, coalesce(a.last_login, 0)"

bool store_username_valid(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n < 1 || n > STORE_USERNAME_MAX)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '.' || *s == '_' || *s == '@' || *s == '-'))
			return false;
	return true;
}

/* Reads ACCOUNT_COLS starting at column i. */
static void account_row(struct arena *ar, sqlite3_stmt *q, int i,
			struct account *a)
{
	a->id = sqlite3_column_int64(q, i);
	a->username = col_text(ar, q, i + 1);
	a->display_name = col_text(ar, q, i + 2);
	a->person_id = sqlite3_column_int64(q, i + 3);
	a->admin = sqlite3_column_int(q, i + 4) != 0;
	a->disabled = sqlite3_column_int(q, i + 5) != 0;
	a->has_password = sqlite3_column_int(q, i + 6) != 0;
	a->last_login = sqlite3_column_int64(q, i + 7);
}

static int not_found(struct err *err)
{
	err_set(err, ERR_NOT_FOUND, "not_found", "Kontoen findes ikke.");
	return ERR_NOT_FOUND;
}

/* Commit without moving the generation (see the top of the file). */
static int finish(struct store *st, int rc, struct err *err)
{
	if (rc == 0)
		rc = exec(st, "COMMIT", err);
	if (rc)
		tx_rollback(st);
	store_unlock(st);
	return rc;
}

/*
 * The account's active API tokens as the audit log names them, set as
 * "api_tokens": ["label (id N)", ...] in o when there are any (never a
 * hash). Unlocked.
 */
static int tokens_json(struct store *st, int64_t id, json_t *o,
		       struct err *err)
{
	sqlite3_stmt *q = prep(st, "SELECT id, label FROM api_token "
				   "WHERE account_id = ?1 AND revoked IS NULL "
				   "ORDER BY id", err);
	json_t *list = json_array();
	int r, rc = 0;

	if (!q) {
		json_decref(list);
		return ERR_INTERNAL;
	}
	sqlite3_bind_int64(q, 1, id);
	while ((r = sqlite3_step(q)) == SQLITE_ROW) {
		const char *label = (const char *)sqlite3_column_text(q, 1);
		char *t = NULL;
		if (asprintf(&t, "%s%s(id %lld)", label ? label : "",
			     label && *label ? " " : "",
			     (long long)sqlite3_column_int64(q, 0)) < 0) {
			err_set(err, ERR_INTERNAL, "nomem", "Der er ikke mere hukommelse.");
			rc = ERR_INTERNAL;
			goto out;
		}
		json_array_append_new(list, json_string(t));
		free(t);
	}
	if (r != SQLITE_DONE) {
		rc = db_error(st, sqlite3_extended_errcode(st->db), err);
		goto out;
	}
	if (json_array_size(list))
		json_object_set(o, "api_tokens", list);
out:
	json_decref(list);
	sqlite3_finalize(q);
	return rc;
}

/*
 * The account as the audit log keeps it, appended to out: compact JSON
 * with the person as its key. The hash is never part of it; when the
 * password was last set is. Unlocked; ERR_NOT_FOUND when there is none.
 */
static int account_json(struct store *st, int64_t id, struct buf *out,
			const char **username, struct arena *ar,
			struct err *err)
{
	sqlite3_stmt *q = prep(st, "SELECT a.username, a.display_name, p.key, "
				   "a.admin, a.disabled, a.password_changed "
				   "FROM account a LEFT JOIN person p ON p.id = a.person_id "
				   "WHERE a.id = ?1", err);
	json_t *o = NULL;
	char *s = NULL;
	int r, rc = 0;

	if (!q)
		return ERR_INTERNAL;
	sqlite3_bind_int64(q, 1, id);
	r = sqlite3_step(q);
	if (r == SQLITE_DONE) {
		rc = not_found(err);
		goto out;
	}
	if (r != SQLITE_ROW) {
		rc = db_error(st, sqlite3_extended_errcode(st->db), err);
		goto out;
	}
	o = json_object();
	json_object_set_new(o, "username",
			    json_string((const char *)sqlite3_column_text(q, 0)));
	if (sqlite3_column_bytes(q, 1))
		json_object_set_new(o, "name", json_string(
			(const char *)sqlite3_column_text(q, 1)));
	if (sqlite3_column_type(q, 2) != SQLITE_NULL)
		json_object_set_new(o, "person", json_string(
			(const char *)sqlite3_column_text(q, 2)));
	json_object_set_new(o, "admin", json_boolean(sqlite3_column_int(q, 3)));
	json_object_set_new(o, "disabled", json_boolean(sqlite3_column_int(q, 4)));
	if (sqlite3_column_type(q, 5) != SQLITE_NULL)
		json_object_set_new(o, "password_changed", json_string(
			(const char *)sqlite3_column_text(q, 5)));
	if (username)
		*username = col_text(ar, q, 0);
	sqlite3_finalize(q);
	q = NULL;
	if ((rc = tokens_json(st, id, o, err)))
		goto out;
	s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	if (!s) {
		err_set(err, ERR_INTERNAL, "nomem", "Der er ikke mere hukommelse.");
		rc = ERR_INTERNAL;
		goto out;
	}
	buf_puts(out, s);
out:
	free(s);
	json_decref(o);
	sqlite3_finalize(q);
	return rc;
}

int store_account_create(struct store *st, struct account *a,
			 const char *password_hash, struct err *err)
{
	struct buf after = BUF_INIT;
	sqlite3_stmt *q = NULL;
	int rc;

	if (!store_username_valid(a->username)) {
		err_set(err, ERR_INVALID, "bad_username",
			"Brugernavnet skal være 1-64 tegn: små bogstaver a-z, "
			"tal og . _ @ -");
		return ERR_INVALID;
	}
	store_lock(st);
	if ((rc = tx_begin(st, err)))
		goto out;
	if (!(q = prep(st, "INSERT INTO account (username, display_name, "
			   "person_id, password_hash, password_changed, admin, "
			   "disabled) VALUES (?1, ?2, ?3, ?4, "
			   "CASE WHEN ?4 IS NULL THEN NULL ELSE " STORE_NOW " END, "
			   "?5, ?6)", err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	bind_text(q, 1, a->username);
	bind_text(q, 2, a->display_name);
	bind_id(q, 3, a->person_id);
	if (password_hash && *password_hash)
		bind_text(q, 4, password_hash);
	sqlite3_bind_int(q, 5, a->admin ? 1 : 0);
	sqlite3_bind_int(q, 6, a->disabled ? 1 : 0);
	if ((rc = step_done(st, q, err)))
		goto out;
	a->id = sqlite3_last_insert_rowid(st->db);
	a->has_password = password_hash && *password_hash;
	if ((rc = account_json(st, a->id, &after, NULL, NULL, err)))
		goto out;
	rc = store_audit_insert(st, "create", "account", a->id, a->username, 0,
				NULL, &after, err);
out:
	sqlite3_finalize(q);
	buf_free(&after);
	return finish(st, rc, err);
}

/* What one account change does (in account_tx's transaction). */
struct account_op {
	const char *sql;	/* ?1 the account id, ?2 and ?3 the values */
	const char *text;	/* ?2 as text (when set) ... */
	bool null_text;		/* ... or NULL ... */
	int64_t ival;		/* ... else this number */
	bool bind3;		/* ?3 = ival3 (NULL when 0) */
	int64_t ival3;
	const char *text4;	/* ?4 when set */
	int64_t *new_id;	/* when set: the inserted row's id */
};

/*
 * One change of account id: op->sql updates it (or a row of it); when
 * the account's audit JSON differs afterwards (or always, for a
 * password: two changes within a second look the same), an "update"
 * row is written. Also ends the account's sessions when end_sessions.
 */
static int account_tx(struct store *st, int64_t id, const struct account_op *op,
		      bool end_sessions, bool always, struct err *err)
{
	struct buf before = BUF_INIT, after = BUF_INIT;
	struct arena ar;
	const char *username = "";
	sqlite3_stmt *q = NULL;
	int rc;

	arena_init(&ar);
	store_lock(st);
	if ((rc = tx_begin(st, err)))
		goto out;
	if ((rc = account_json(st, id, &before, &username, &ar, err)))
		goto out;
	if (!(q = prep(st, op->sql, err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(q, 1, id);
	if (op->null_text)
		sqlite3_bind_null(q, 2);
	else if (op->text)
		bind_text(q, 2, op->text);
	else
		sqlite3_bind_int64(q, 2, op->ival);
	if (op->bind3)
		bind_id(q, 3, op->ival3);
	if (op->text4)
		bind_text(q, 4, op->text4);
	if ((rc = step_done(st, q, err)))
		goto out;
	if (op->new_id)
		*op->new_id = sqlite3_last_insert_rowid(st->db);
	sqlite3_finalize(q);
	q = NULL;
	if (end_sessions) {
		if (!(q = prep(st, "DELETE FROM session WHERE account_id = ?1", err))) {
			rc = ERR_INTERNAL;
			goto out;
		}
		sqlite3_bind_int64(q, 1, id);
		if ((rc = step_done(st, q, err)))
			goto out;
	}
	if ((rc = account_json(st, id, &after, NULL, NULL, err)))
		goto out;
	if (always || after.len != before.len ||
	    memcmp(after.data, before.data, after.len))
		rc = store_audit_insert(st, "update", "account", id, username, 0,
					&before, &after, err);
out:
	sqlite3_finalize(q);
	buf_free(&before);
	buf_free(&after);
	rc = finish(st, rc, err);
	arena_free(&ar);
	return rc;
}

/* account_tx with one value: text when set (or NULL when null_text),
 * else ival. */
static int account_change(struct store *st, int64_t id, const char *sql,
			  const char *text, bool null_text, int64_t ival,
			  bool end_sessions, bool always, struct err *err)
{
	struct account_op op = { .sql = sql, .text = text,
				 .null_text = null_text, .ival = ival };
	return account_tx(st, id, &op, end_sessions, always, err);
}

int store_account_set_password_hash(struct store *st, int64_t id,
				    const char *hash, struct err *err)
{
	bool clear = !hash || !*hash;
	return account_change(st, id,
		"UPDATE account SET password_hash = ?2, password_changed = "
		"CASE WHEN ?2 IS NULL THEN NULL ELSE " STORE_NOW " END, "
		"modified = " STORE_NOW " WHERE id = ?1",
		clear ? NULL : hash, clear, 0, false, true, err);
}

int store_account_set_admin(struct store *st, int64_t id, bool admin,
			    struct err *err)
{
	return account_change(st, id,
		"UPDATE account SET admin = ?2, modified = " STORE_NOW
		" WHERE id = ?1 AND admin IS NOT ?2",
		NULL, false, admin ? 1 : 0, false, false, err);
}

int store_account_set_disabled(struct store *st, int64_t id, bool disabled,
			       struct err *err)
{
	return account_change(st, id,
		"UPDATE account SET disabled = ?2, modified = " STORE_NOW
		" WHERE id = ?1 AND disabled IS NOT ?2",
		NULL, false, disabled ? 1 : 0, disabled, false, err);
}

/* One account by a statement with ACCOUNT_COLS and one bound value. */
static int account_one(struct store *st, struct arena *ar, const char *sql,
		       const char *text, int64_t id, struct account *out,
		       struct err *err)
{
	sqlite3_stmt *q;
	int r, rc = 0;

	memset(out, 0, sizeof(*out));
	store_lock(st);
	if (!(q = prep(st, sql, err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	if (text)
		bind_text(q, 1, text);
	else
		sqlite3_bind_int64(q, 1, id);
	r = sqlite3_step(q);
	if (r == SQLITE_ROW)
		account_row(ar, q, 0, out);
	else if (r == SQLITE_DONE)
		rc = not_found(err);
	else
		rc = db_error(st, sqlite3_extended_errcode(st->db), err);
out:
	sqlite3_finalize(q);
	store_unlock(st);
	return rc;
}

int store_account_get(struct store *st, struct arena *ar, int64_t id,
		      struct account *out, struct err *err)
{
	return account_one(st, ar, "SELECT " ACCOUNT_COLS " FROM account a "
			   "WHERE a.id = ?1", NULL, id, out, err);
}

int store_account_find(struct store *st, struct arena *ar,
		       const char *username, struct account *out,
		       struct err *err)
{
	if (!username) {
		memset(out, 0, sizeof(*out));
		return not_found(err);
	}
	return account_one(st, ar, "SELECT " ACCOUNT_COLS " FROM account a "
			   "WHERE a.username = ?1", username, 0, out, err);
}

int store_account_list(struct store *st, struct arena *ar,
		       struct account **out, size_t *n, struct err *err)
{
	sqlite3_stmt *q;
	struct account *items = NULL;
	size_t count = 0, cap = 0;
	int r, rc = 0;

	*out = NULL;
	*n = 0;
	store_lock(st);
	if (!(q = prep(st, "SELECT " ACCOUNT_COLS " FROM account a "
			   "ORDER BY a.username", err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	while ((r = sqlite3_step(q)) == SQLITE_ROW) {
		if (count == cap) {
			size_t nc = cap ? cap * 2 : 16;
			items = arena_grow(ar, items, count, nc, sizeof(*items));
			cap = nc;
		}
		account_row(ar, q, 0, &items[count++]);
	}
	if (r != SQLITE_DONE) {
		rc = db_error(st, sqlite3_extended_errcode(st->db), err);
		goto out;
	}
	*out = items;
	*n = count;
out:
	sqlite3_finalize(q);
	store_unlock(st);
	return rc;
}

int store_account_password_hash(struct store *st, struct arena *ar, int64_t id,
				const char **hash, struct err *err)
{
	sqlite3_stmt *q;
	int r, rc = 0;

	*hash = "";
	store_lock(st);
	if (!(q = prep(st, "SELECT password_hash FROM account WHERE id = ?1", err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(q, 1, id);
	r = sqlite3_step(q);
	if (r == SQLITE_ROW)
		*hash = col_text(ar, q, 0);
	else if (r == SQLITE_DONE)
		rc = not_found(err);
	else
		rc = db_error(st, sqlite3_extended_errcode(st->db), err);
out:
	sqlite3_finalize(q);
	store_unlock(st);
	return rc;
}

/* ---- sessions ----------------------------------------------------------- */

/* A statement of constant SQL with the given binds, run under the lock
 * outside any explicit transaction (one statement is atomic). *changes
 * (may be NULL) the rows it changed. */
static int session_exec(struct store *st, const char *sql, const char *text,
			int64_t num, size_t *changes, struct err *err)
{
	sqlite3_stmt *q;
	int rc = 0;

	store_lock(st);
	if (!(q = prep(st, sql, err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	/* ?1 the text (or the number), ?2 the number after a text. */
	if (text)
		bind_text(q, 1, text);
	else
		sqlite3_bind_int64(q, 1, num);
	if (text && sqlite3_bind_parameter_count(q) >= 2)
		sqlite3_bind_int64(q, 2, num);
	rc = step_done(st, q, err);
	if (rc == 0 && changes)
		*changes = (size_t)sqlite3_changes(st->db);
out:
	sqlite3_finalize(q);
	store_unlock(st);
	return rc;
}

int store_session_create(struct store *st, int64_t account_id,
			 const char *token_hash, const char *csrf,
			 int64_t now, int64_t expires, struct err *err)
{
	sqlite3_stmt *q;
	int rc = 0;

	if (!token_hash || !*token_hash || !csrf || !*csrf) {
		err_set(err, ERR_INVALID, "invalid", "Sessionen mangler sit token.");
		return ERR_INVALID;
	}
	store_lock(st);
	if (!(q = prep(st, "INSERT INTO session (token_hash, account_id, csrf, "
			   "created, expires, last_seen) VALUES (?1, ?2, ?3, ?4, ?5, ?4)",
		       err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	bind_text(q, 1, token_hash);
	sqlite3_bind_int64(q, 2, account_id);
	bind_text(q, 3, csrf);
	sqlite3_bind_int64(q, 4, now);
	sqlite3_bind_int64(q, 5, expires);
	if ((rc = step_done(st, q, err)))
		goto out;
	/* When the account last logged in (no audit row: not a change of
	 * the account, like the session itself). */
	sqlite3_finalize(q);
	if (!(q = prep(st, "UPDATE account SET last_login = ?2 WHERE id = ?1",
		       err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(q, 1, account_id);
	sqlite3_bind_int64(q, 2, now);
	rc = step_done(st, q, err);
out:
	sqlite3_finalize(q);
	store_unlock(st);
	return rc;
}

int store_session_find(struct store *st, struct arena *ar,
		       const char *token_hash, int64_t now,
		       struct account *account, const char **csrf,
		       int64_t *last_seen, struct err *err)
{
	sqlite3_stmt *q = NULL;
	bool expired = false;
	int r, rc = 0;

	memset(account, 0, sizeof(*account));
	*csrf = "";
	if (last_seen)
		*last_seen = 0;
	if (!token_hash || !*token_hash)
		return not_found(err);
	store_lock(st);
	if (!(q = prep(st, "SELECT s.expires, s.csrf, s.last_seen, " ACCOUNT_COLS
			   " FROM session s JOIN account a ON a.id = s.account_id "
			   "WHERE s.token_hash = ?1", err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	bind_text(q, 1, token_hash);
	r = sqlite3_step(q);
	if (r == SQLITE_DONE) {
		rc = not_found(err);
		goto out;
	}
	if (r != SQLITE_ROW) {
		rc = db_error(st, sqlite3_extended_errcode(st->db), err);
		goto out;
	}
	if (sqlite3_column_int64(q, 0) <= now) {
		expired = true;
	} else {
		*csrf = col_text(ar, q, 1);
		if (last_seen)
			*last_seen = sqlite3_column_int64(q, 2);
		account_row(ar, q, 3, account);
	}
	sqlite3_finalize(q);
	q = NULL;
	if (expired) {
		if (!(q = prep(st, "DELETE FROM session WHERE token_hash = ?1", err))) {
			rc = ERR_INTERNAL;
			goto out;
		}
		bind_text(q, 1, token_hash);
		if ((rc = step_done(st, q, err)))
			goto out;
		rc = not_found(err);
	}
out:
	sqlite3_finalize(q);
	store_unlock(st);
	return rc;
}

int store_session_touch(struct store *st, const char *token_hash, int64_t now,
			struct err *err)
{
	return session_exec(st, "UPDATE session SET last_seen = ?2 "
			    "WHERE token_hash = ?1 AND last_seen < ?2",
			    token_hash ? token_hash : "", now, NULL, err);
}

int store_session_delete(struct store *st, const char *token_hash,
			 struct err *err)
{
	return session_exec(st, "DELETE FROM session WHERE token_hash = ?1",
			    token_hash ? token_hash : "", 0, NULL, err);
}

int store_session_delete_account(struct store *st, int64_t account_id,
				 struct err *err)
{
	return session_exec(st, "DELETE FROM session WHERE account_id = ?1",
			    NULL, account_id, NULL, err);
}

int store_session_purge(struct store *st, int64_t now, size_t *n,
			struct err *err)
{
	size_t changes = 0;
	int rc = session_exec(st, "DELETE FROM session WHERE expires <= ?1",
			      NULL, now, &changes, err);
	if (n)
		*n = rc == 0 ? changes : 0;
	return rc;
}

/* ---- profile ------------------------------------------------------------ */

int store_account_set_profile(struct store *st, int64_t id,
			      const char *display_name, int64_t person_id,
			      struct err *err)
{
	struct account_op op = {
		.sql = "UPDATE account SET display_name = ?2, person_id = ?3, "
		       "modified = " STORE_NOW " WHERE id = ?1 AND "
		       "(display_name IS NOT ?2 OR person_id IS NOT ?3)",
		.text = display_name ? display_name : "",
		.bind3 = true,
		.ival3 = person_id,
	};
	return account_tx(st, id, &op, false, false, err);
}

/* ---- API tokens --------------------------------------------------------- */

#define TOKEN_COLS "t.id, t.account_id, t.label, t.created, " \
	"coalesce(t.last_used, 0), coalesce(t.revoked, 0)"

static void token_row(struct arena *ar, sqlite3_stmt *q, int i,
		      struct api_token *t)
{
	t->id = sqlite3_column_int64(q, i);
	t->account_id = sqlite3_column_int64(q, i + 1);
	t->label = col_text(ar, q, i + 2);
	t->created = sqlite3_column_int64(q, i + 3);
	t->last_used = sqlite3_column_int64(q, i + 4);
	t->revoked = sqlite3_column_int64(q, i + 5);
}

static int token_not_found(struct err *err)
{
	err_set(err, ERR_NOT_FOUND, "not_found", "API-nøglen findes ikke.");
	return ERR_NOT_FOUND;
}

int store_token_create(struct store *st, int64_t account_id, const char *label,
		       const char *token_hash, int64_t now, int64_t *id,
		       struct err *err)
{
	int64_t new_id = 0;
	if (!label)
		label = "";
	if (strlen(label) > STORE_TOKEN_LABEL_MAX) {
		err_set(err, ERR_INVALID, "bad_label",
			"Betegnelsen må højst være %d tegn.", STORE_TOKEN_LABEL_MAX);
		return ERR_INVALID;
	}
	if (!token_hash || !*token_hash) {
		err_set(err, ERR_INVALID, "invalid", "API-nøglen mangler sit token.");
		return ERR_INVALID;
	}
	struct account_op op = {
		.sql = "INSERT INTO api_token (account_id, label, created, token_hash) "
		       "VALUES (?1, ?2, ?3, ?4)",
		.text = label,
		.bind3 = true,
		.ival3 = now,
		.text4 = token_hash,
		.new_id = &new_id,
	};
	int rc = account_tx(st, account_id, &op, false, false, err);
	if (rc)
		return rc;
	if (id)
		*id = new_id;
	return 0;
}

int store_token_get(struct store *st, struct arena *ar, int64_t id,
		    struct api_token *out, struct err *err)
{
	sqlite3_stmt *q;
	int r, rc = 0;

	memset(out, 0, sizeof(*out));
	store_lock(st);
	if (!(q = prep(st, "SELECT " TOKEN_COLS " FROM api_token t WHERE t.id = ?1",
		       err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(q, 1, id);
	r = sqlite3_step(q);
	if (r == SQLITE_ROW)
		token_row(ar, q, 0, out);
	else if (r == SQLITE_DONE)
		rc = token_not_found(err);
	else
		rc = db_error(st, sqlite3_extended_errcode(st->db), err);
out:
	sqlite3_finalize(q);
	store_unlock(st);
	return rc;
}

int store_token_list(struct store *st, struct arena *ar, int64_t account_id,
		     struct api_token **out, size_t *n, struct err *err)
{
	sqlite3_stmt *q;
	struct api_token *items = NULL;
	size_t count = 0, cap = 0;
	int r, rc = 0;

	*out = NULL;
	*n = 0;
	store_lock(st);
	if (!(q = prep(st, "SELECT " TOKEN_COLS " FROM api_token t "
			   "WHERE t.account_id = ?1 ORDER BY t.id DESC", err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(q, 1, account_id);
	while ((r = sqlite3_step(q)) == SQLITE_ROW) {
		if (count == cap) {
			size_t nc = cap ? cap * 2 : 8;
			items = arena_grow(ar, items, count, nc, sizeof(*items));
			cap = nc;
		}
		token_row(ar, q, 0, &items[count++]);
	}
	if (r != SQLITE_DONE) {
		rc = db_error(st, sqlite3_extended_errcode(st->db), err);
		goto out;
	}
	*out = items;
	*n = count;
out:
	sqlite3_finalize(q);
	store_unlock(st);
	return rc;
}

int store_token_revoke(struct store *st, int64_t id, int64_t now,
		       struct err *err)
{
	struct arena ar;
	struct api_token t;
	arena_init(&ar);
	int rc = store_token_get(st, &ar, id, &t, err);
	arena_free(&ar);
	if (rc)
		return rc;
	/* The token's account never changes, so looking it up first is
	 * safe; the change itself is one transaction with its audit row. */
	struct account_op op = {
		.sql = "UPDATE api_token SET revoked = ?2 "
		       "WHERE id = ?3 AND account_id = ?1 AND revoked IS NULL",
		.ival = now,
		.bind3 = true,
		.ival3 = id,
	};
	return account_tx(st, t.account_id, &op, false, false, err);
}

int store_token_find(struct store *st, struct arena *ar,
		     const char *token_hash, int64_t now,
		     struct account *account, struct api_token *token,
		     struct err *err)
{
	sqlite3_stmt *q = NULL;
	int r, rc = 0;
	bool touch = false;

	memset(account, 0, sizeof(*account));
	memset(token, 0, sizeof(*token));
	if (!token_hash || !*token_hash)
		return token_not_found(err);
	store_lock(st);
	if (!(q = prep(st, "SELECT " TOKEN_COLS ", " ACCOUNT_COLS
			   " FROM api_token t JOIN account a ON a.id = t.account_id "
			   "WHERE t.token_hash = ?1 AND t.revoked IS NULL", err))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	bind_text(q, 1, token_hash);
	r = sqlite3_step(q);
	if (r == SQLITE_DONE) {
		rc = token_not_found(err);
		goto out;
	}
	if (r != SQLITE_ROW) {
		rc = db_error(st, sqlite3_extended_errcode(st->db), err);
		goto out;
	}
	token_row(ar, q, 0, token);
	account_row(ar, q, 6, account);
	touch = now - token->last_used >= 60;
	sqlite3_finalize(q);
	q = NULL;
	if (touch) {
		/* Like a session's last_seen: not a change, no audit row. */
		if (!(q = prep(st, "UPDATE api_token SET last_used = ?2 WHERE id = ?1",
			       err))) {
			rc = ERR_INTERNAL;
			goto out;
		}
		sqlite3_bind_int64(q, 1, token->id);
		sqlite3_bind_int64(q, 2, now);
		if ((rc = step_done(st, q, err)))
			goto out;
		token->last_used = now;
	}
out:
	sqlite3_finalize(q);
	store_unlock(st);
	return rc;
}
