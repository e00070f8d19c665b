/*
 * validate.h - input validation of structure objects, shared by the
 * HTML forms, the JSON API and the structure-file importer.
 *
 * Each validator checks one object against the rest of the structure
 * (references must exist, dates must be real and ordered, keys unique)
 * and appends per-field Danish messages. No I/O.
 */
#ifndef KLYNGE_VALIDATE_H
#define KLYNGE_VALIDATE_H

#include "model.h"
#include "../util/arena.h"

struct field_error {
	const char *field;	/* form/JSON field name, e.g. "name", "start" */
	const char *message;	/* Danish, arena-owned */
};

struct field_errors {
	struct field_error *items;
	size_t n;
	size_t cap;
};

void field_errors_add(struct arena *a, struct field_errors *e,
		      const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* The message for a field, or NULL. */
const char *field_errors_get(const struct field_errors *e, const char *field);

/*
 * Validators. `s` is the current structure; the object may be new (id 0)
 * or an edit of an existing one (id set: it is not compared with itself
 * for key uniqueness). Return the number of errors added.
 */
int validate_org(struct arena *a, const struct structure *s,
		 const struct organisation *o, struct field_errors *e);
int validate_area(struct arena *a, const struct structure *s,
		  const struct area *ar, struct field_errors *e);
int validate_body(struct arena *a, const struct structure *s,
		  const struct body *b, struct field_errors *e);
int validate_charter(struct arena *a, const struct structure *s,
		     const struct charter *c, struct field_errors *e);
int validate_person(struct arena *a, const struct structure *s,
		    const struct person *p, struct field_errors *e);
int validate_membership(struct arena *a, const struct structure *s,
			const struct membership *m, struct field_errors *e);
int validate_rotation(struct arena *a, const struct structure *s,
		      const struct rotation *r, struct field_errors *e);

/* Keys: 1-64 chars of [a-z0-9_-]. */
bool validate_key_syntax(const char *key);
/* Makes a key from a Danish name ("Aabenraa Kommune" -> "aabenraa-kommune",
 * æ->ae, ø->oe, å->aa), unique within existing keys by suffixing -2, -3. */
char *key_from_name(struct arena *a, const char *name,
		    bool (*taken)(void *ctx, const char *key), void *ctx);

#endif
