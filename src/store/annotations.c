/*
 * annotations.c - members' private notes on agenda items (store.h,
 * "annotations"; table in 0007_annotations.sql).
 *
 * A note belongs to one account and is read back only for that account:
 * every statement here is keyed by (account_id, item_id), and there is
 * no function that lists the notes of an item or of other accounts.
 * Unlike every other write of the store, saving a note writes no audit
 * row: the Historik of a body may be public, and a note is nobody's
 * business but its author's (0007_annotations.sql).
 */
#include "internal.h"

int store_annotation_get(struct store *st, struct arena *a,
			 int64_t account_id, int64_t item_id,
			 const char **text, struct err *err)
{
	sqlite3_stmt *q;
	int rc = 0, s;

	*text = "";
	store_lock(st);
	q = prep(st, "SELECT text FROM annotation "
		     "WHERE account_id = ?1 AND item_id = ?2", err);
	if (!q) {
		rc = err->kind ? err->kind : ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(q, 1, account_id);
	sqlite3_bind_int64(q, 2, item_id);
	s = sqlite3_step(q);
	if (s == SQLITE_ROW)
		*text = col_text(a, q, 0);
	else if (s != SQLITE_DONE)
		rc = db_error(st, sqlite3_extended_errcode(st->db), err);
out:
	sqlite3_finalize(q);
	store_unlock(st);
	return rc;
}

int store_annotation_set(struct store *st, int64_t account_id,
			 int64_t item_id, const char *text, int64_t now,
			 struct err *err)
{
	sqlite3_stmt *q = NULL;
	int rc;

	store_lock(st);
	if (text && *text) {
		q = prep(st, "INSERT INTO annotation "
			     "(account_id, item_id, text, updated) "
			     "VALUES (?1, ?2, ?3, ?4) "
			     "ON CONFLICT (account_id, item_id) DO UPDATE SET "
			     "text = excluded.text, updated = excluded.updated",
			 err);
	} else {
		q = prep(st, "DELETE FROM annotation "
			     "WHERE account_id = ?1 AND item_id = ?2", err);
	}
	if (!q) {
		rc = err->kind ? err->kind : ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(q, 1, account_id);
	sqlite3_bind_int64(q, 2, item_id);
	if (text && *text) {
		bind_text(q, 3, text);
		sqlite3_bind_int64(q, 4, now);
	}
	rc = step_done(st, q, err);
out:
	sqlite3_finalize(q);
	store_unlock(st);
	return rc;
}
