/*
 * api.h - shared by the JSON API (the files in api/) and the OParl interface
 * (oparl.c). Not a public interface: web.h is.
 *
 * Output: handlers build a jansson tree and hand it to api_send, which
 * writes it into res->body and frees it. Errors have one shape:
 *   {"error": {"code": "not_found", "message": "<Danish>"}}
 *
 * Input: a `struct api_in` reads one JSON object field by field. A field
 * of the wrong JSON type or a field the resource does not have is a 400
 * (the client is broken); a value of the right type that is not valid
 * (a date that does not exist, an unknown enum code, a key that names
 * nothing) is a per-field 422 error, merged with core/validate.h's. The
 * 422's "fields" use the names of docs/structure-format.md ("parent",
 * "municipalities"), as the validators and the HTML forms do.
 */
#ifndef KLYNGE_WEB_API_H
#define KLYNGE_WEB_API_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "../../core/model.h"
#include "../../core/validate.h"
#include "../../store/store.h"
#include "../web.h"

/* ---- output (api.c) ------------------------------------------------- */

/* Writes j as the body with status and content type application/json;
 * steals the reference to j. */
void api_send(struct response *res, int status, json_t *j);
/* {"error": {"code": code, "message": <formatted Danish text>}}. */
void api_error(struct response *res, int status, const char *code,
	       const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* "YYYY-MM-DD" or null for 0. */
json_t *api_date(int date);
/* An integer id, or null for 0. */
json_t *api_id(int64_t id);
/* An enum code, or null for 0 (code ""). */
json_t *api_code(const char *code);
/* A string, "" for NULL (never null: text fields are never absent). */
json_t *api_text(const char *s);
/* Sets o["created"] and o["modified"] to the object's timestamps
 * ("YYYY-MM-DDTHH:MM:SSZ"), null when unknown, and o["revision"] to its
 * revision (null when unknown). The timestamps are read-only: on input
 * the resources accept both fields and ignore them, so what GET gave can
 * be PUT back. A "revision" given on input makes a PUT conditional on
 * it (api.c). */
void api_put_times(json_t *o, const char *created, const char *modified,
		   int64_t revision);

/* The kinds of object the API and references deal with. */
enum api_ref {
	REF_ORG = 1,
	REF_AREA,
	REF_BODY,
	REF_CHARTER,
	REF_PERSON,
	REF_MEMBERSHIP,
};

/* Sets o[idf] to the id and o[keyf] to the key of a reference, both
 * null when there is none. */
void api_put_ref(json_t *o, const struct structure *s, const char *idf,
		 const char *keyf, enum api_ref kind, int64_t id);

/* The key of the object of that kind with that id; NULL when none. */
const char *api_key_of(const struct structure *s, enum api_ref kind,
		       int64_t id);
/* The id of the object of that kind with that key; 0 when none. */
int64_t api_id_of(const struct structure *s, enum api_ref kind,
		  const char *key);

/* Parses a query parameter as a date (default today when absent). On a
 * bad value sends a 400 and returns -1. */
int api_query_date(struct request *req, struct response *res,
		   const char *name, int *out);
/* Parses an optional id query parameter (0 when absent); 400 and -1 on
 * a bad one. */
int api_query_id(struct request *req, struct response *res,
		 const char *name, int64_t *out);

/* Conditional writes for resources outside the generic handlers
 * (api/meetings.c), as api.c does them: the If-Match header's revision
 * (-1 absent, 0 "*", -2 one that cannot match: 412), the ETag
 * "v<revision>" of an object, and the 412 answer. */
int64_t api_if_match(const struct request *req);
void api_etag(struct response *res, int64_t revision);
void api_precondition_failed(struct response *res);
/* The revision a write is conditional on (0: none), from If-Match or
 * the body's "revision"; *from_header says which. Sends 400/412 and
 * returns false when they are malformed or disagree. */
bool api_write_revision(struct request *req, struct response *res,
			json_t *body, int64_t *rev, bool *from_header);
/* "id" in a body may only repeat the URL's (want; 0 for a create):
 * 400 and false otherwise. */
bool api_check_body_id(struct response *res, json_t *body, int64_t want);
/* A store error as the answer: stale -> 412 (from If-Match) or 409,
 * conflict 409, not found 404 with not_found, invalid 422, else 500. */
void api_store_failed(struct response *res, const struct err *err,
		      const char *not_found, bool from_header);

/* ---- input (input.c) ------------------------------------------------ */

struct api_in {
	struct arena *arena;
	const struct structure *s;
	json_t *obj;			/* the object being read */
	const char *prefix;		/* "" or "seats[2]." for nested objects */
	/* First structural problem (400): unknown field, wrong type. */
	bool bad;
	const char *bad_code;		/* "unknown_field", "bad_type" */
	char bad_msg[256];
	/* Value problems (422), field names as in the JSON. */
	struct field_errors fields;
};

/* Parses the request body as one JSON object. Sends 400/415 and returns
 * NULL when it is not; the caller json_decref()s the result. */
json_t *api_in_body(struct request *req, struct response *res);

void api_in_init(struct api_in *in, struct arena *a,
		 const struct structure *s, json_t *obj);
/* 400 unless every field of in->obj is in the NULL-ended list. */
void api_in_allow(struct api_in *in, const char *const *fields);

/* Each reader leaves *dst alone when the field is absent and returns
 * true when it was present (and of the right type). null reads as the
 * empty value ("", 0, false, no date, no reference). */
bool api_in_text(struct api_in *in, const char *field, const char **dst);
bool api_in_int(struct api_in *in, const char *field, int *dst);
bool api_in_bool(struct api_in *in, const char *field, bool *dst);
bool api_in_date(struct api_in *in, const char *field, int *dst);
/* Reads an enum code as a string; the caller converts it and calls
 * api_in_bad_code when the code is unknown. */
bool api_in_code(struct api_in *in, const char *field, const char **dst);
void api_in_bad_code(struct api_in *in, const char *field, const char *code);
/* Reads an enum field through name##_from_code (model.h) into dst. */
#define API_IN_ENUM(in, field, name, dst)                                   \
	do {                                                                \
		const char *code_;                                          \
		if (api_in_code(in, field, &code_)) {                       \
			bool ok_;                                           \
			(dst) = name##_from_code(code_, &ok_);              \
			if (!ok_)                                           \
				api_in_bad_code(in, field, code_);          \
		}                                                           \
	} while (0)
/*
 * A reference, given either as "<field>_id" (integer or null) or as
 * "<field>" (the key, or null). When both are given the id wins: a
 * client that changes "parent_id" of an object it read need not also
 * change "parent". An id or key that names nothing is a 422, reported
 * under "<field>" (the name core/validate.h uses).
 */
bool api_in_ref(struct api_in *in, const char *field, enum api_ref kind,
		int64_t *dst);
/* A list of references: "<ids_field>" [int] or "<keys_field>" [key]. */
bool api_in_ref_list(struct api_in *in, const char *ids_field,
		     const char *keys_field, enum api_ref kind,
		     int64_t **dst, size_t *n);
/* An array of objects: returns its length (0 when absent, sets
 * *present), or -1 after a 400 when it is not an array of objects. */
int api_in_array(struct api_in *in, const char *field, bool *present);
/* A reader for element i of array field, sharing in's error state. */
void api_in_nested(struct api_in *in, const char *field, size_t i,
		   struct api_in *sub);
/* Copies a nested reader's errors back into its parent. */
void api_in_nested_done(struct api_in *in, struct api_in *sub);

/* Sends the 400 or 422 for in and returns true when there is one;
 * validator errors in ve are added for fields in does not already name. */
bool api_in_fail(struct api_in *in, const struct field_errors *ve,
		 struct response *res);

/* ---- resources (resources.c, charter.c) ------------------------------
 * One descriptor per resource drives the generic list/get/create/
 * update/delete handlers in api.c. Objects are handled as void * of
 * the model struct named by `size`.
 */
struct api_resource {
	const char *name;		/* "organisations" */
	enum store_kind kind;
	size_t size;			/* sizeof the model struct */
	size_t revision_off;		/* offsetof its int64_t revision */
	const char *not_found;		/* "Organisationen findes ikke" */
	/* The object with the id, or NULL. */
	const void *(*get)(const struct structure *s, int64_t id);
	/* The n-th object of the structure, n < count(s). */
	const void *(*nth)(const struct structure *s, size_t n);
	size_t (*count)(const struct structure *s);
	int64_t (*id)(const void *obj);
	/* Zero value for a new object (strings "", defaults set). */
	void (*init)(void *obj);
	/* Reads the JSON fields into obj (a new or a copied object). */
	void (*parse)(struct api_in *in, void *obj);
	/* Fills in a key derived from the name when the key is empty;
	 * returns false when there is nothing to derive it from. */
	bool (*derive_key)(struct arena *a, const struct structure *s,
			   void *obj);
	int (*validate)(struct arena *a, const struct structure *s,
			const void *obj, struct field_errors *e);
	int (*save)(struct store *st, void *obj, struct err *err);
	json_t *(*to_json)(const struct structure *s, const void *obj);
	/* List filters (both NULL: none). filter_prep reads the query
	 * into an arena-owned state, or sends a 400 and returns NULL;
	 * keep says whether obj passes. */
	void *(*filter_prep)(struct request *req, struct response *res);
	bool (*keep)(const void *state, const struct structure *s,
		     const void *obj);
};

extern const struct api_resource api_orgs, api_areas, api_bodies,
	api_charters, api_people, api_memberships, api_rotations;

json_t *api_membership_json(const struct structure *s,
			    const struct membership *m);

/* A key from text (key_from_name) unique among the keys of kind. */
const char *api_derive_key(struct arena *a, const struct structure *s,
			   enum api_ref kind, const char *text);

#endif
