/*
 * store.h - the one storage interface (SQLite now, PostgreSQL later).
 *
 * SQL lives only behind this interface; every statement is prepared with
 * bound parameters. Migrations (src/store/migrations/NNNN_*.sql, embedded
 * at build time) run on open. All calls are thread-safe (the store
 * serialises access to its connection).
 */
#ifndef KLYNGE_STORE_H
#define KLYNGE_STORE_H

#include <stdint.h>

#include "../core/model.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/err.h"

struct store;

/* Opens (creating if needed) and migrates the database at path. */
int store_open(struct store **out, const char *path, struct err *err);
void store_close(struct store *st);

/* A counter that changes after every committed write: callers may cache
 * a loaded structure and reload when it differs. */
int64_t store_generation(struct store *st);

/* True when the store holds no organisations, bodies or people. */
int store_is_empty(struct store *st, struct err *err);

/*
 * Loads the whole structure into the arena: every array ordered by id,
 * every object complete (charters with seats, approvals, overlaps; areas
 * with their municipalities).
 */
int store_load(struct store *st, struct arena *a, struct structure *out,
	       struct err *err);

/*
 * Saves one object: inserts when id is 0 (and sets id; an empty key is
 * derived from the name), updates otherwise. Callers validate first
 * (core/validate.h); the store still enforces keys and references
 * (ERR_CONFLICT for a duplicate key, ERR_NOT_FOUND for a missing id,
 * ERR_INVALID with code "bad_reference" for a reference to nothing).
 * A derived key is set in the object and owned by the store (it lives
 * until store_close). Charters derive it from the body's key and the
 * version ("ssu-v2"), memberships from the person's and the body's keys.
 * store_area_save replaces the area's municipality list;
 * store_charter_save replaces the charter's seats, approvals, overlaps.
 */
int store_org_save(struct store *st, struct organisation *o, struct err *err);
int store_area_save(struct store *st, struct area *a, struct err *err);
int store_body_save(struct store *st, struct body *b, struct err *err);
int store_charter_save(struct store *st, struct charter *c, struct err *err);
int store_person_save(struct store *st, struct person *p, struct err *err);
int store_membership_save(struct store *st, struct membership *m,
			  struct err *err);
int store_rotation_save(struct store *st, struct rotation *r, struct err *err);

enum store_kind {
	STORE_ORG = 1,
	STORE_AREA,
	STORE_BODY,
	STORE_CHARTER,
	STORE_PERSON,
	STORE_MEMBERSHIP,
	STORE_ROTATION,
};
/* Deletes one object; ERR_CONFLICT with a Danish message when other
 * objects still refer to it, ERR_NOT_FOUND when there is none. */
int store_delete(struct store *st, enum store_kind kind, int64_t id,
		 struct err *err);

/*
 * Imports a whole structure (as parsed by structure_from_json: ids are
 * file-local, references by those ids) into an empty store, in one
 * transaction, keeping the file's order so that ids follow it.
 * ERR_CONFLICT when the store is not empty.
 */
int store_import(struct store *st, const struct structure *s, struct err *err);

/* ---- structure files (structure_json.c) ------------------------------
 * The format is docs/structure-format.md. Parsing assigns ids 1..n per
 * object type in file order and resolves key references to those ids;
 * every object is validated (core/validate.h) and the first problem is
 * reported in err with its JSON path. Printing is canonical: fixed key
 * order, defaults omitted, two-space indent, a final newline; so
 * print(parse(f)) == f for any canonical f.
 */
int structure_from_json(struct arena *a, const char *text, size_t len,
			struct structure *out, struct err *err);
int structure_to_json(const struct structure *s, struct buf *out,
		      struct err *err);

#endif
