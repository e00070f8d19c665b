/*
 * input.c - reading JSON request bodies field by field; see api.h.
 */
#include "api.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../../util/date.h"

/* "application/json" with or without parameters ("; charset=utf-8"). */
static bool is_json_type(const char *ct)
{
	static const char want[] = "application/json";
	size_t n = sizeof(want) - 1;
	if (!ct || strncasecmp(ct, want, n) != 0)
		return false;
	return ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ';
}

json_t *api_in_body(struct request *req, struct response *res)
{
	/* server.c refuses these already; checked again so the API does
	 * not depend on it (web_dispatch in tests has no server.c). */
	if (!is_json_type(req->content_type)) {
		api_error(res, 415, "unsupported_media_type",
			  "Forespørgslen skal sendes som JSON "
			  "(Content-Type: application/json)");
		return NULL;
	}
	if (!req->body || req->body_len == 0) {
		api_error(res, 400, "bad_json",
			  "Forespørgslen mangler et JSON-objekt");
		return NULL;
	}
	json_error_t jerr;
	json_t *j = json_loadb(req->body, req->body_len,
			       JSON_REJECT_DUPLICATES, &jerr);
	if (!j) {
		api_error(res, 400, "bad_json",
			  "Ugyldig JSON i linje %d, kolonne %d", jerr.line,
			  jerr.column);
		return NULL;
	}
	if (!json_is_object(j)) {
		json_decref(j);
		api_error(res, 400, "bad_json",
			  "Forespørgslen skal være et JSON-objekt");
		return NULL;
	}
	return j;
}

void api_in_init(struct api_in *in, struct arena *a,
		 const struct structure *s, json_t *obj)
{
	memset(in, 0, sizeof(*in));
	in->arena = a;
	in->s = s;
	in->obj = obj;
	in->prefix = "";
}

/* The field's name as the client sees it ("seats[1].key"). */
static const char *full(struct api_in *in, const char *field)
{
	if (!*in->prefix)
		return field;
	return arena_printf(in->arena, "%s%s", in->prefix, field);
}

static void bad(struct api_in *in, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Records the first structural problem (400). */
static void bad(struct api_in *in, const char *code, const char *fmt, ...)
{
	if (in->bad)
		return;
	in->bad = true;
	in->bad_code = code;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(in->bad_msg, sizeof(in->bad_msg), fmt, ap);
	va_end(ap);
}

static void type_error(struct api_in *in, const char *field, const char *what)
{
	bad(in, "bad_type", "feltet «%s» skal være %s", full(in, field), what);
}

void api_in_allow(struct api_in *in, const char *const *fields)
{
	const char *k;
	json_t *v;
	json_object_foreach(in->obj, k, v) {
		bool known = false;
		for (size_t i = 0; fields[i]; i++)
			if (strcmp(fields[i], k) == 0) {
				known = true;
				break;
			}
		if (!known) {
			bad(in, "unknown_field", "ukendt felt «%s»",
			    full(in, k));
			return;
		}
	}
}

bool api_in_text(struct api_in *in, const char *field, const char **dst)
{
	json_t *v = json_object_get(in->obj, field);
	if (!v)
		return false;
	if (json_is_null(v)) {
		*dst = "";
		return true;
	}
	if (!json_is_string(v)) {
		type_error(in, field, "tekst");
		return false;
	}
	*dst = arena_strndup(in->arena, json_string_value(v),
			     json_string_length(v));
	return true;
}

bool api_in_int(struct api_in *in, const char *field, int *dst)
{
	json_t *v = json_object_get(in->obj, field);
	if (!v)
		return false;
	if (json_is_null(v)) {
		*dst = 0;
		return true;
	}
	if (!json_is_integer(v) || json_integer_value(v) < INT_MIN ||
	    json_integer_value(v) > INT_MAX) {
		type_error(in, field, "et heltal");
		return false;
	}
	*dst = (int)json_integer_value(v);
	return true;
}

bool api_in_bool(struct api_in *in, const char *field, bool *dst)
{
	json_t *v = json_object_get(in->obj, field);
	if (!v)
		return false;
	if (!json_is_boolean(v)) {
		type_error(in, field, "true eller false");
		return false;
	}
	*dst = json_is_true(v);
	return true;
}

bool api_in_date(struct api_in *in, const char *field, int *dst)
{
	json_t *v = json_object_get(in->obj, field);
	if (!v)
		return false;
	if (json_is_null(v)) {
		*dst = 0;
		return true;
	}
	if (!json_is_string(v)) {
		type_error(in, field, "en dato (ÅÅÅÅ-MM-DD) eller null");
		return false;
	}
	const char *s = json_string_value(v);
	if (!*s) {
		*dst = 0;
		return true;
	}
	if (date_parse(s, dst) != 0) {
		field_errors_add(in->arena, &in->fields, full(in, field),
				 "Ugyldig dato «%s»: brug ÅÅÅÅ-MM-DD", s);
		*dst = 0;
	}
	return true;
}

bool api_in_code(struct api_in *in, const char *field, const char **dst)
{
	return api_in_text(in, field, dst);
}

void api_in_bad_code(struct api_in *in, const char *field, const char *code)
{
	field_errors_add(in->arena, &in->fields, full(in, field),
			 "Ukendt værdi «%s»", code);
}

static const char *kind_name(enum api_ref kind)
{
	switch (kind) {
	case REF_ORG: return "Organisationen";
	case REF_AREA: return "Klyngen";
	case REF_BODY: return "Forummet";
	case REF_CHARTER: return "Kommissoriet";
	case REF_PERSON: return "Personen";
	case REF_MEMBERSHIP: return "Medlemskabet";
	}
	return "Objektet";
}

/* Checks that id names an object of kind; 422 on field otherwise. */
static void check_id(struct api_in *in, const char *field, enum api_ref kind,
		     int64_t id)
{
	if (!api_key_of(in->s, kind, id))
		field_errors_add(in->arena, &in->fields, full(in, field),
				 "%s med id %lld findes ikke",
				 kind_name(kind), (long long)id);
}

/* Reads one id value (integer > 0, or null/0 for none). A type error
 * names field; a value error names efield (the structure-format name
 * that core/validate.h uses too: "parent", not "parent_id"). */
static bool read_id(struct api_in *in, const char *field, const char *efield,
		    json_t *v, enum api_ref kind, int64_t *dst)
{
	if (json_is_null(v)) {
		*dst = 0;
		return true;
	}
	if (!json_is_integer(v) || json_integer_value(v) < 0) {
		type_error(in, field, "et id (et positivt heltal) eller null");
		return false;
	}
	*dst = (int64_t)json_integer_value(v);
	if (*dst)
		check_id(in, efield, kind, *dst);
	return true;
}

/* Reads one key value (string, or null/"" for none). */
static bool read_key(struct api_in *in, const char *field, const char *efield,
		     json_t *v, enum api_ref kind, int64_t *dst)
{
	if (json_is_null(v)) {
		*dst = 0;
		return true;
	}
	if (!json_is_string(v)) {
		type_error(in, field, "en nøgle (tekst) eller null");
		return false;
	}
	const char *key = json_string_value(v);
	if (!*key) {
		*dst = 0;
		return true;
	}
	*dst = api_id_of(in->s, kind, key);
	if (!*dst)
		field_errors_add(in->arena, &in->fields, full(in, efield),
				 "%s med nøglen «%s» findes ikke",
				 kind_name(kind), key);
	return true;
}

bool api_in_ref(struct api_in *in, const char *field, enum api_ref kind,
		int64_t *dst)
{
	const char *idf = arena_printf(in->arena, "%s_id", field);
	json_t *v = json_object_get(in->obj, idf);
	if (v)
		return read_id(in, idf, field, v, kind, dst);
	v = json_object_get(in->obj, field);
	if (v)
		return read_key(in, field, field, v, kind, dst);
	return false;
}

bool api_in_ref_list(struct api_in *in, const char *ids_field,
		     const char *keys_field, enum api_ref kind,
		     int64_t **dst, size_t *n)
{
	const char *field = ids_field;
	json_t *v = json_object_get(in->obj, ids_field);
	bool by_id = true;
	if (!v) {
		field = keys_field;
		v = json_object_get(in->obj, keys_field);
		by_id = false;
	}
	if (!v)
		return false;
	if (json_is_null(v)) {
		*dst = NULL;
		*n = 0;
		return true;
	}
	if (!json_is_array(v)) {
		type_error(in, field, by_id ? "en liste af id'er" :
			   "en liste af nøgler");
		return false;
	}
	size_t len = json_array_size(v);
	int64_t *ids = arena_array(in->arena, len ? len : 1, sizeof(*ids));
	size_t k = 0;
	for (size_t i = 0; i < len; i++) {
		json_t *e = json_array_get(v, i);
		int64_t id = 0;
		const char *ef = arena_printf(in->arena, "%s[%zu]", field, i);
		bool ok = by_id ? read_id(in, ef, keys_field, e, kind, &id) :
				  read_key(in, ef, keys_field, e, kind, &id);
		if (!ok)
			return false;
		if (id)
			ids[k++] = id;
	}
	*dst = ids;
	*n = k;
	return true;
}

int api_in_array(struct api_in *in, const char *field, bool *present)
{
	json_t *v = json_object_get(in->obj, field);
	*present = v != NULL;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_array(v)) {
		type_error(in, field, "en liste af objekter");
		return -1;
	}
	for (size_t i = 0; i < json_array_size(v); i++)
		if (!json_is_object(json_array_get(v, i))) {
			bad(in, "bad_type", "«%s[%zu]» skal være et objekt",
			    full(in, field), i);
			return -1;
		}
	return (int)json_array_size(v);
}

void api_in_nested(struct api_in *in, const char *field, size_t i,
		   struct api_in *sub)
{
	api_in_init(sub, in->arena, in->s,
		    json_array_get(json_object_get(in->obj, field), i));
	sub->prefix = arena_printf(in->arena, "%s%s[%zu].", in->prefix,
				   field, i);
}

void api_in_nested_done(struct api_in *in, struct api_in *sub)
{
	if (sub->bad && !in->bad) {
		in->bad = true;
		in->bad_code = sub->bad_code;
		memcpy(in->bad_msg, sub->bad_msg, sizeof(in->bad_msg));
	}
	for (size_t i = 0; i < sub->fields.n; i++)
		field_errors_add(in->arena, &in->fields,
				 sub->fields.items[i].field, "%s",
				 sub->fields.items[i].message);
}

/* Does the reader already have an error for field? */
static bool named(const struct api_in *in, const char *field)
{
	for (size_t i = 0; i < in->fields.n; i++)
		if (strcmp(in->fields.items[i].field, field) == 0)
			return true;
	return false;
}

bool api_in_fail(struct api_in *in, const struct field_errors *ve,
		 struct response *res)
{
	if (in->bad) {
		api_error(res, 400, in->bad_code, "%s", in->bad_msg);
		return true;
	}
	json_t *fields = json_object();
	const char *first = NULL;
	for (size_t i = 0; i < in->fields.n; i++) {
		const struct field_error *fe = &in->fields.items[i];
		if (json_object_get(fields, fe->field))
			continue;
		json_object_set_new(fields, fe->field, json_string(fe->message));
		if (!first)
			first = fe->message;
	}
	for (size_t i = 0; ve && i < ve->n; i++) {
		const struct field_error *fe = &ve->items[i];
		if (named(in, fe->field) || json_object_get(fields, fe->field))
			continue;
		json_object_set_new(fields, fe->field, json_string(fe->message));
		if (!first)
			first = fe->message;
	}
	if (!first) {
		json_decref(fields);
		return false;
	}
	json_t *err = json_pack("{s:s, s:s+, s:o}", "code", "validation",
				"message", "Oplysningerne kan ikke gemmes: ",
				first, "fields", fields);
	api_send(res, 422, json_pack("{s:o}", "error", err));
	return true;
}
