/*
 * structure_json.c - structure files (docs/structure-format.md) to and
 * from a `struct structure`, with jansson.
 *
 * Parsing is strict: unknown fields, wrong types, unknown enum codes,
 * bad dates and keys that name nothing are errors, reported in Danish
 * with the JSON path of the culprit ("memberships[12].person: ukendt
 * person «p-xyz»"). Only the first problem is reported. Ids are 1..n per
 * type in file order; references are resolved through a sorted key index
 * built in a first pass, so they may point forward in the file.
 *
 * Printing is canonical (fixed key order, defaults omitted, two-space
 * indent, UTF-8 as is, final newline), so print(parse(f)) == f for a
 * canonical f.
 */
#include "store.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../core/validate.h"
#include "../util/date.h"

/* A structure file is a few MB at most; refuse anything far beyond. */
#define STRUCTURE_MAX_BYTES ((size_t)64 << 20)
/* The format nests 5 deep (root, list, charter, seats, seat). */
#define STRUCTURE_MAX_DEPTH 16
/* User text quoted in a message is cut to this many bytes. */
#define CLIP_BYTES 64

enum ref_kind {
	REF_ORG,
	REF_AREA,
	REF_BODY,
	REF_CHARTER,
	REF_PERSON,
	REF_MEMBERSHIP,
	REF__COUNT
};

/* Danish noun used in "ukendt <noun> «key»". */
static const char *const ref_noun[REF__COUNT] = {
	"organisation", "område", "forum", "kommissorium", "person", "medlemskab",
};

static const char *const ref_section[REF__COUNT] = {
	"organisations", "areas", "bodies", "charters", "people", "memberships",
};

struct key_entry {
	const char *key;
	int64_t id;
	size_t index;		/* position in the file's list */
};

/* Child ids are unique per child type across the whole structure. */
struct child_ids {
	int64_t seat, approval, overlap;
};

struct parse {
	struct arena *a;
	struct err *err;
	struct child_ids ids;
	struct key_entry *keys[REF__COUNT];	/* sorted by key */
	size_t n_keys[REF__COUNT];
};

/* ---- messages ---------------------------------------------------------- */

/* A copy of s for quoting in a message: at most CLIP_BYTES, cut at a
 * UTF-8 character boundary (a message must stay valid UTF-8). */
static const char *clip(struct parse *p, const char *s)
{
	size_t n = strlen(s);
	if (n <= CLIP_BYTES)
		return s;
	n = CLIP_BYTES;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return arena_printf(p->a, "%.*s…", (int)n, s);
}

/* Sets err to "path.field: message" (or "path: message"); returns -1. */
static int perr(struct parse *p, const char *path, const char *field,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static int perr(struct parse *p, const char *path, const char *field,
		const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (field && *field && *path)
		err_set(p->err, ERR_INVALID, "invalid_structure", "%s.%s: %s",
			path, field, msg);
	else if (field && *field)
		err_set(p->err, ERR_INVALID, "invalid_structure", "%s: %s", field, msg);
	else if (*path)
		err_set(p->err, ERR_INVALID, "invalid_structure", "%s: %s", path, msg);
	else
		err_set(p->err, ERR_INVALID, "invalid_structure", "%s", msg);
	return -1;
}

/* jansson's parse errors, in Danish. */
static void json_error_da(struct err *err, const json_error_t *je)
{
	int line = je->line, col = je->column;

	switch (json_error_code(je)) {
	case json_error_invalid_utf8:
		err_set(err, ERR_INVALID, "invalid_utf8",
			"Filen er ikke gyldig UTF-8 (linje %d, kolonne %d).", line, col);
		break;
	case json_error_duplicate_key:
		err_set(err, ERR_INVALID, "invalid_json",
			"Et felt står to gange i samme objekt (linje %d, kolonne %d).",
			line, col);
		break;
	case json_error_null_character:
	case json_error_null_byte_in_key:
		err_set(err, ERR_INVALID, "invalid_json",
			"Filen indeholder et NUL-tegn (linje %d, kolonne %d).", line, col);
		break;
	case json_error_premature_end_of_input:
		err_set(err, ERR_INVALID, "invalid_json",
			"Filen slutter, før JSON-strukturen er afsluttet.");
		break;
	case json_error_end_of_input_expected:
		err_set(err, ERR_INVALID, "invalid_json",
			"Der står mere efter JSON-strukturen (linje %d, kolonne %d).",
			line, col);
		break;
	case json_error_numeric_overflow:
		err_set(err, ERR_INVALID, "invalid_json",
			"Et tal er for stort (linje %d, kolonne %d).", line, col);
		break;
	default:
		err_set(err, ERR_INVALID, "invalid_json",
			"Ugyldig JSON i linje %d, kolonne %d.", line, col);
		break;
	}
}

/*
 * Refuses nesting deeper than the format needs before jansson sees the
 * text (jansson recurses per level). Brackets inside strings do not
 * count.
 */
static int check_depth(const char *text, size_t len, struct err *err)
{
	int depth = 0;
	bool in_str = false, esc = false;

	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		if (in_str) {
			if (esc)
				esc = false;
			else if (c == '\\')
				esc = true;
			else if (c == '"')
				in_str = false;
			continue;
		}
		if (c == '"') {
			in_str = true;
		} else if (c == '{' || c == '[') {
			if (++depth > STRUCTURE_MAX_DEPTH) {
				err_set(err, ERR_INVALID, "too_deep",
					"Filen er for dybt indlejret (højst %d niveauer).",
					STRUCTURE_MAX_DEPTH);
				return -1;
			}
		} else if (c == '}' || c == ']') {
			depth--;
		}
	}
	return 0;
}

/* ---- typed field access -------------------------------------------------
 * Each getter reads one field of a JSON object; a missing field or null
 * gives the default. Returns 0 or -1 with err set.
 */

static int check_object(struct parse *p, json_t *j, const char *path,
			const char *const *fields)
{
	const char *k;
	json_t *v;

	if (!json_is_object(j))
		return perr(p, path, NULL, "skal være et objekt");
	json_object_foreach(j, k, v) {
		size_t i;
		for (i = 0; fields[i]; i++)
			if (strcmp(fields[i], k) == 0)
				break;
		if (!fields[i])
			return perr(p, path, NULL, "ukendt felt «%s»", clip(p, k));
	}
	return 0;
}

static json_t *field(json_t *j, const char *name)
{
	json_t *v = json_object_get(j, name);
	return json_is_null(v) ? NULL : v;
}

static int get_str(struct parse *p, json_t *j, const char *path,
		   const char *name, bool required, const char **out)
{
	json_t *v = field(j, name);

	*out = "";
	if (v && !json_is_string(v))
		return perr(p, path, name, "skal være tekst");
	if (!v || json_string_length(v) == 0)
		return required ? perr(p, path, name, "skal udfyldes") : 0;
	*out = arena_strndup(p->a, json_string_value(v), json_string_length(v));
	return 0;
}

static int get_int(struct parse *p, json_t *j, const char *path,
		   const char *name, int *out)
{
	json_t *v = field(j, name);

	*out = 0;
	if (!v)
		return 0;
	if (!json_is_integer(v))
		return perr(p, path, name, "skal være et heltal");
	json_int_t x = json_integer_value(v);
	if (x < INT_MIN || x > INT_MAX)
		return perr(p, path, name, "tallet %" JSON_INTEGER_FORMAT
			    " er for stort", x);
	*out = (int)x;
	return 0;
}

static int get_bool(struct parse *p, json_t *j, const char *path,
		    const char *name, bool def, bool *out)
{
	json_t *v = field(j, name);

	*out = def;
	if (!v)
		return 0;
	if (!json_is_boolean(v))
		return perr(p, path, name, "skal være true eller false");
	*out = json_is_true(v);
	return 0;
}

static int get_date(struct parse *p, json_t *j, const char *path,
		    const char *name, bool required, int *out)
{
	const char *s;

	*out = 0;
	if (get_str(p, j, path, name, required, &s))
		return -1;
	if (*s && date_parse(s, out) != 0)
		return perr(p, path, name, "ugyldig dato «%s» (skal være ÅÅÅÅ-MM-DD)",
			    clip(p, s));
	return 0;
}

static int key_cmp(const void *a_, const void *b_)
{
	const struct key_entry *a = a_, *b = b_;
	int c = strcmp(a->key, b->key);
	if (c)
		return c;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* The id of the object of kind k with key, or 0. */
static int64_t key_lookup(struct parse *p, enum ref_kind k, const char *key)
{
	size_t lo = 0, hi = p->n_keys[k];

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(p->keys[k][mid].key, key);
		if (c == 0)
			return p->keys[k][mid].id;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* A reference by key: "" (or missing) is none. `name` is the field as
 * shown in messages. */
static int resolve_ref(struct parse *p, const char *path, const char *name,
		       enum ref_kind k, const char *key, bool required,
		       int64_t *out)
{
	*out = 0;
	if (!*key)
		return required ? perr(p, path, name, "skal udfyldes") : 0;
	*out = key_lookup(p, k, key);
	if (!*out)
		return perr(p, path, name, "ukendt %s «%s»", ref_noun[k],
			    clip(p, key));
	return 0;
}

static int get_ref(struct parse *p, json_t *j, const char *path,
		   const char *name, enum ref_kind k, bool required,
		   int64_t *out)
{
	const char *key;

	*out = 0;
	if (get_str(p, j, path, name, required, &key))
		return -1;
	return resolve_ref(p, path, name, k, key, required, out);
}

/* A list field: missing or null is an empty list. */
static int get_list(struct parse *p, json_t *j, const char *path,
		    const char *name, json_t **out, size_t *n)
{
	json_t *v = field(j, name);

	*out = NULL;
	*n = 0;
	if (!v)
		return 0;
	if (!json_is_array(v))
		return perr(p, path, name, "skal være en liste");
	*out = v;
	*n = json_array_size(v);
	return 0;
}

/* get_<enum>(): a code from model.c; an unknown one is reported with the
 * codes that are allowed. */
#define ENUM_GETTER(name, type)                                            \
	static int get_##name(struct parse *p, json_t *j, const char *path,\
			      const char *fname, type *out)                \
	{                                                                  \
		const char *code;                                          \
		bool ok;                                                   \
		struct buf b = BUF_INIT;                                   \
		*out = (type)0;                                            \
		if (get_str(p, j, path, fname, false, &code))              \
			return -1;                                         \
		*out = name##_from_code(code, &ok);                        \
		if (ok)                                                    \
			return 0;                                          \
		for (int i = 1; i < name##_count(); i++) {                 \
			if (i > 1)                                         \
				buf_puts(&b, ", ");                        \
			buf_puts(&b, name##_code((type)i));                \
		}                                                          \
		perr(p, path, fname, "ukendt værdi «%s» (mulige: %s)",     \
		     clip(p, code), buf_str(&b));                          \
		buf_free(&b);                                              \
		return -1;                                                 \
	}

ENUM_GETTER(sector, enum sector)
ENUM_GETTER(org_kind, enum org_kind)
ENUM_GETTER(body_kind, enum body_kind)
ENUM_GETTER(role, enum role)
ENUM_GETTER(function, enum function)
ENUM_GETTER(charter_status, enum charter_status)
ENUM_GETTER(chair_rule, enum chair_rule)
ENUM_GETTER(quorum_rule, enum quorum_rule)
ENUM_GETTER(decision_rule, enum decision_rule)
ENUM_GETTER(competence, enum competence)

#undef ENUM_GETTER

/* ---- parsing objects --------------------------------------------------- */

static const char *const root_fields[] = {
	"klynge", "organisations", "areas", "bodies", "charters", "people",
	"memberships", "rotations", NULL,
};
static const char *const org_fields[] = {
	"key", "name", "short_name", "kind", "sector", "parent", "note", NULL,
};
static const char *const area_fields[] = {
	"key", "name", "region", "hospital", "municipalities", "note", NULL,
};
static const char *const body_fields[] = {
	"key", "name", "short_name", "kind", "parent", "area", "region",
	"formal", "description", NULL,
};
static const char *const charter_fields[] = {
	"key", "body", "version", "title", "status", "valid_from", "text",
	"chair_rule", "quorum_rule", "decision_rule", "competence",
	"recommends_to", "economic_to_councils", "min_meetings_per_year",
	"meets_before", "psychiatry_first", "seats", "approvals", "overlaps",
	NULL,
};
static const char *const seat_fields[] = {
	"key", "label", "sector", "org_kind", "function", "per_municipality",
	"min", "max", "appointed_by_kind", "min_local", NULL,
};
static const char *const approval_fields[] = {
	"status", "by_body", "by_text", "date", "note", NULL,
};
static const char *const overlap_fields[] = {
	"body", "min_persons", NULL,
};
static const char *const person_fields[] = {
	"key", "name", "title", "email", "organisation", "note", NULL,
};
static const char *const membership_fields[] = {
	"key", "person", "body", "role", "function", "seat", "represents",
	"appointed_by", "substitute_for", "local", "start", "end", NULL,
};
static const char *const rotation_fields[] = {
	"body", "start_year", "end_year", "organisation", "note", NULL,
};

static int get_key(struct parse *p, json_t *j, const char *path,
		   const char **out)
{
	if (get_str(p, j, path, "key", true, out))
		return -1;
	if (!validate_key_syntax(*out))
		return perr(p, path, "key", "ugyldig nøgle «%s» (1-64 tegn: a-z, 0-9, _ og -)",
			    clip(p, *out));
	return 0;
}

/*
 * First pass over a keyed list: every element is an object with a valid,
 * unique key. Builds the sorted index used to resolve references.
 */
static int index_keys(struct parse *p, json_t *list, size_t n, enum ref_kind k)
{
	char path[64];
	struct key_entry *e = arena_array(p->a, n, sizeof(*e));

	for (size_t i = 0; i < n; i++) {
		json_t *j = json_array_get(list, i);
		snprintf(path, sizeof(path), "%s[%zu]", ref_section[k], i);
		if (!json_is_object(j))
			return perr(p, path, NULL, "skal være et objekt");
		if (get_key(p, j, path, &e[i].key))
			return -1;
		e[i].id = (int64_t)i + 1;
		e[i].index = i;
	}
	qsort(e, n, sizeof(*e), key_cmp);
	for (size_t i = 1; i < n; i++) {
		if (strcmp(e[i - 1].key, e[i].key) == 0) {
			snprintf(path, sizeof(path), "%s[%zu]", ref_section[k], e[i].index);
			return perr(p, path, "key", "nøglen «%s» er også brugt af %s[%zu]",
				    e[i].key, ref_section[k], e[i - 1].index);
		}
	}
	p->keys[k] = e;
	p->n_keys[k] = n;
	return 0;
}

static int parse_org(struct parse *p, json_t *j, const char *path,
		     struct organisation *o)
{
	/* Files hold no timestamps: "" (model.h), as in every parse_*. */
	o->created = o->modified = "";
	if (check_object(p, j, path, org_fields) ||
	    get_key(p, j, path, &o->key) ||
	    get_str(p, j, path, "name", true, &o->name) ||
	    get_str(p, j, path, "short_name", false, &o->short_name) ||
	    get_org_kind(p, j, path, "kind", &o->kind) ||
	    get_sector(p, j, path, "sector", &o->sector) ||
	    get_ref(p, j, path, "parent", REF_ORG, false, &o->parent_id) ||
	    get_str(p, j, path, "note", false, &o->note))
		return -1;
	return 0;
}

static int parse_area(struct parse *p, json_t *j, const char *path,
		      struct area *ar)
{
	json_t *list;
	size_t n;
	char name[48];

	ar->created = ar->modified = "";
	if (check_object(p, j, path, area_fields) ||
	    get_key(p, j, path, &ar->key) ||
	    get_str(p, j, path, "name", true, &ar->name) ||
	    get_ref(p, j, path, "region", REF_ORG, true, &ar->region_id) ||
	    get_ref(p, j, path, "hospital", REF_ORG, false, &ar->hospital_id) ||
	    get_list(p, j, path, "municipalities", &list, &n) ||
	    get_str(p, j, path, "note", false, &ar->note))
		return -1;
	ar->municipality_ids = arena_array(p->a, n, sizeof(int64_t));
	ar->n_municipalities = n;
	for (size_t i = 0; i < n; i++) {
		json_t *v = json_array_get(list, i);
		snprintf(name, sizeof(name), "municipalities[%zu]", i);
		if (!json_is_string(v) || json_string_length(v) == 0)
			return perr(p, path, name, "skal være nøglen for en organisation");
		if (resolve_ref(p, path, name, REF_ORG, json_string_value(v), true,
				&ar->municipality_ids[i]))
			return -1;
		for (size_t k = 0; k < i; k++)
			if (ar->municipality_ids[k] == ar->municipality_ids[i])
				return perr(p, path, name, "kommunen «%s» står to gange",
					    clip(p, json_string_value(v)));
	}
	return 0;
}

static int parse_body(struct parse *p, json_t *j, const char *path,
		      struct body *b)
{
	b->created = b->modified = "";
	if (check_object(p, j, path, body_fields) ||
	    get_key(p, j, path, &b->key) ||
	    get_str(p, j, path, "name", true, &b->name) ||
	    get_str(p, j, path, "short_name", false, &b->short_name) ||
	    get_body_kind(p, j, path, "kind", &b->kind) ||
	    get_ref(p, j, path, "parent", REF_BODY, false, &b->parent_id) ||
	    get_ref(p, j, path, "area", REF_AREA, false, &b->area_id) ||
	    get_ref(p, j, path, "region", REF_ORG, false, &b->region_id) ||
	    get_bool(p, j, path, "formal", true, &b->formal) ||
	    get_str(p, j, path, "description", false, &b->description))
		return -1;
	return 0;
}

static int parse_seat(struct parse *p, json_t *j, const char *path,
		      struct seat_rule *sr)
{
	if (check_object(p, j, path, seat_fields) ||
	    get_key(p, j, path, &sr->key) ||
	    get_str(p, j, path, "label", true, &sr->label) ||
	    get_sector(p, j, path, "sector", &sr->sector) ||
	    get_org_kind(p, j, path, "org_kind", &sr->org_kind) ||
	    get_function(p, j, path, "function", &sr->function) ||
	    get_bool(p, j, path, "per_municipality", false, &sr->per_municipality) ||
	    get_int(p, j, path, "min", &sr->min) ||
	    get_int(p, j, path, "max", &sr->max) ||
	    get_org_kind(p, j, path, "appointed_by_kind", &sr->appointed_by_kind) ||
	    get_int(p, j, path, "min_local", &sr->min_local))
		return -1;
	return 0;
}

static int parse_approval(struct parse *p, json_t *j, const char *path,
			  struct approval *ap)
{
	if (check_object(p, j, path, approval_fields) ||
	    get_charter_status(p, j, path, "status", &ap->status) ||
	    get_ref(p, j, path, "by_body", REF_BODY, false, &ap->by_body_id) ||
	    get_str(p, j, path, "by_text", false, &ap->by_text) ||
	    get_date(p, j, path, "date", false, &ap->date) ||
	    get_str(p, j, path, "note", false, &ap->note))
		return -1;
	return 0;
}

static int parse_overlap(struct parse *p, json_t *j, const char *path,
			 struct overlap_rule *ov)
{
	if (check_object(p, j, path, overlap_fields) ||
	    get_ref(p, j, path, "body", REF_BODY, true, &ov->other_body_id) ||
	    get_int(p, j, path, "min_persons", &ov->min_persons))
		return -1;
	return 0;
}

static int parse_charter(struct parse *p, json_t *j, const char *path,
			 struct charter *c)
{
	json_t *seats, *approvals, *overlaps;
	size_t ns, na, no;
	char sub[96];

	c->created = c->modified = "";
	if (check_object(p, j, path, charter_fields) ||
	    get_key(p, j, path, &c->key) ||
	    get_ref(p, j, path, "body", REF_BODY, true, &c->body_id) ||
	    get_int(p, j, path, "version", &c->version) ||
	    get_str(p, j, path, "title", true, &c->title) ||
	    get_charter_status(p, j, path, "status", &c->status) ||
	    get_date(p, j, path, "valid_from", false, &c->valid_from) ||
	    get_str(p, j, path, "text", false, &c->text) ||
	    get_chair_rule(p, j, path, "chair_rule", &c->chair_rule) ||
	    get_quorum_rule(p, j, path, "quorum_rule", &c->quorum_rule) ||
	    get_decision_rule(p, j, path, "decision_rule", &c->decision_rule) ||
	    get_competence(p, j, path, "competence", &c->competence) ||
	    get_ref(p, j, path, "recommends_to", REF_BODY, false, &c->recommends_to_id) ||
	    get_bool(p, j, path, "economic_to_councils", false, &c->economic_to_councils) ||
	    get_int(p, j, path, "min_meetings_per_year", &c->min_meetings_per_year) ||
	    get_ref(p, j, path, "meets_before", REF_BODY, false, &c->meets_before_id) ||
	    get_bool(p, j, path, "psychiatry_first", false, &c->psychiatry_first) ||
	    get_list(p, j, path, "seats", &seats, &ns) ||
	    get_list(p, j, path, "approvals", &approvals, &na) ||
	    get_list(p, j, path, "overlaps", &overlaps, &no))
		return -1;

	c->seats = arena_array(p->a, ns, sizeof(*c->seats));
	c->n_seats = ns;
	for (size_t i = 0; i < ns; i++) {
		snprintf(sub, sizeof(sub), "%s.seats[%zu]", path, i);
		c->seats[i].id = ++p->ids.seat;
		if (parse_seat(p, json_array_get(seats, i), sub, &c->seats[i]))
			return -1;
		for (size_t k = 0; k < i; k++)
			if (strcmp(c->seats[k].key, c->seats[i].key) == 0)
				return perr(p, sub, "key", "pladsen «%s» findes allerede "
					    "i kommissoriet", c->seats[i].key);
	}
	c->approvals = arena_array(p->a, na, sizeof(*c->approvals));
	c->n_approvals = na;
	for (size_t i = 0; i < na; i++) {
		snprintf(sub, sizeof(sub), "%s.approvals[%zu]", path, i);
		c->approvals[i].id = ++p->ids.approval;
		if (parse_approval(p, json_array_get(approvals, i), sub, &c->approvals[i]))
			return -1;
	}
	c->overlaps = arena_array(p->a, no, sizeof(*c->overlaps));
	c->n_overlaps = no;
	for (size_t i = 0; i < no; i++) {
		snprintf(sub, sizeof(sub), "%s.overlaps[%zu]", path, i);
		c->overlaps[i].id = ++p->ids.overlap;
		if (parse_overlap(p, json_array_get(overlaps, i), sub, &c->overlaps[i]))
			return -1;
	}
	return 0;
}

static int parse_person(struct parse *p, json_t *j, const char *path,
			struct person *pe)
{
	pe->created = pe->modified = "";
	if (check_object(p, j, path, person_fields) ||
	    get_key(p, j, path, &pe->key) ||
	    get_str(p, j, path, "name", true, &pe->name) ||
	    get_str(p, j, path, "title", false, &pe->title) ||
	    get_str(p, j, path, "email", false, &pe->email) ||
	    get_ref(p, j, path, "organisation", REF_ORG, false, &pe->organisation_id) ||
	    get_str(p, j, path, "note", false, &pe->note))
		return -1;
	return 0;
}

static int parse_membership(struct parse *p, json_t *j, const char *path,
			    struct membership *m)
{
	m->created = m->modified = "";
	if (check_object(p, j, path, membership_fields) ||
	    get_key(p, j, path, &m->key) ||
	    get_ref(p, j, path, "person", REF_PERSON, true, &m->person_id) ||
	    get_ref(p, j, path, "body", REF_BODY, true, &m->body_id) ||
	    get_role(p, j, path, "role", &m->role) ||
	    get_function(p, j, path, "function", &m->function) ||
	    get_str(p, j, path, "seat", false, &m->seat_key) ||
	    get_ref(p, j, path, "represents", REF_ORG, false, &m->represents_id) ||
	    get_ref(p, j, path, "appointed_by", REF_ORG, false, &m->appointed_by_id) ||
	    get_ref(p, j, path, "substitute_for", REF_MEMBERSHIP, false,
		    &m->substitute_for_id) ||
	    get_bool(p, j, path, "local", false, &m->local) ||
	    get_date(p, j, path, "start", true, &m->start) ||
	    get_date(p, j, path, "end", false, &m->end))
		return -1;
	return 0;
}

static int parse_rotation(struct parse *p, json_t *j, const char *path,
			  struct rotation *r)
{
	r->created = r->modified = "";
	if (check_object(p, j, path, rotation_fields) ||
	    get_ref(p, j, path, "body", REF_BODY, true, &r->body_id) ||
	    get_int(p, j, path, "start_year", &r->start_year) ||
	    get_int(p, j, path, "end_year", &r->end_year) ||
	    get_ref(p, j, path, "organisation", REF_ORG, false, &r->org_id) ||
	    get_str(p, j, path, "note", false, &r->note))
		return -1;
	return 0;
}

/* The store keeps one charter per (body, version). */
static int check_charter_versions(struct parse *p, const struct structure *s)
{
	char path[64];

	for (size_t i = 0; i < s->n_charters; i++) {
		for (size_t k = 0; k < i; k++) {
			if (s->charters[k].body_id == s->charters[i].body_id &&
			    s->charters[k].version == s->charters[i].version) {
				snprintf(path, sizeof(path), "charters[%zu]", i);
				return perr(p, path, "version", "forummet har allerede "
					    "version %d af kommissoriet (charters[%zu])",
					    s->charters[i].version, k);
			}
		}
	}
	return 0;
}

/* Reports the first message of a validator as "path.field: message". */
static int report(struct parse *p, const char *path, const struct field_errors *fe)
{
	const struct field_error *fe0 = &fe->items[0];
	return perr(p, path, fe0->field, "%s", fe0->message ? fe0->message : "ugyldig");
}

/* Runs the validators of core/validate.h over every object. */
static int validate_all(struct parse *p, const struct structure *s)
{
	char path[64];
	struct field_errors fe = { 0 };
	size_t i;

#define VALIDATE(fn, arr, count, section)                                  \
	for (i = 0; i < s->count; i++) {                                   \
		if (fn(p->a, s, &s->arr[i], &fe) > 0 && fe.n > 0) {        \
			snprintf(path, sizeof(path), section "[%zu]", i);  \
			return report(p, path, &fe);                       \
		}                                                          \
	}
	VALIDATE(validate_org, orgs, n_orgs, "organisations")
	VALIDATE(validate_area, areas, n_areas, "areas")
	VALIDATE(validate_body, bodies, n_bodies, "bodies")
	VALIDATE(validate_charter, charters, n_charters, "charters")
	VALIDATE(validate_person, people, n_people, "people")
	VALIDATE(validate_membership, memberships, n_memberships, "memberships")
	VALIDATE(validate_rotation, rotations, n_rotations, "rotations")
#undef VALIDATE
	return 0;
}

/*
 * The whole file. Lists are read in the order of the format so that a
 * file's first problem is reported first; references are resolved by
 * the key index built before any object is parsed.
 */
static int parse_root(struct parse *p, json_t *root, struct structure *s)
{
	json_t *l_org, *l_area, *l_body, *l_charter, *l_person, *l_member, *l_rot;
	size_t n_rot;
	char path[64];
	json_t *v;

	if (!json_is_object(root)) {
		err_set(p->err, ERR_INVALID, "invalid_structure",
			"En strukturfil skal være et JSON-objekt.");
		return -1;
	}
	if (check_object(p, root, "", root_fields))
		return -1;
	v = json_object_get(root, "klynge");
	if (!v)
		return perr(p, "klynge", NULL, "mangler (skal være 1)");
	if (!json_is_integer(v) || json_integer_value(v) != 1)
		return perr(p, "klynge", NULL, "formatversionen understøttes ikke "
			    "(skal være 1)");
	if (get_list(p, root, "", "organisations", &l_org, &s->n_orgs) ||
	    get_list(p, root, "", "areas", &l_area, &s->n_areas) ||
	    get_list(p, root, "", "bodies", &l_body, &s->n_bodies) ||
	    get_list(p, root, "", "charters", &l_charter, &s->n_charters) ||
	    get_list(p, root, "", "people", &l_person, &s->n_people) ||
	    get_list(p, root, "", "memberships", &l_member, &s->n_memberships) ||
	    get_list(p, root, "", "rotations", &l_rot, &n_rot))
		return -1;
	s->n_rotations = n_rot;

	if (index_keys(p, l_org, s->n_orgs, REF_ORG) ||
	    index_keys(p, l_area, s->n_areas, REF_AREA) ||
	    index_keys(p, l_body, s->n_bodies, REF_BODY) ||
	    index_keys(p, l_charter, s->n_charters, REF_CHARTER) ||
	    index_keys(p, l_person, s->n_people, REF_PERSON) ||
	    index_keys(p, l_member, s->n_memberships, REF_MEMBERSHIP))
		return -1;

	s->orgs = arena_array(p->a, s->n_orgs, sizeof(*s->orgs));
	s->areas = arena_array(p->a, s->n_areas, sizeof(*s->areas));
	s->bodies = arena_array(p->a, s->n_bodies, sizeof(*s->bodies));
	s->charters = arena_array(p->a, s->n_charters, sizeof(*s->charters));
	s->people = arena_array(p->a, s->n_people, sizeof(*s->people));
	s->memberships = arena_array(p->a, s->n_memberships, sizeof(*s->memberships));
	s->rotations = arena_array(p->a, s->n_rotations, sizeof(*s->rotations));

#define PARSE_LIST(list, arr, count, section, fn)                           \
	for (size_t i = 0; i < s->count; i++) {                            \
		snprintf(path, sizeof(path), section "[%zu]", i);          \
		s->arr[i].id = (int64_t)i + 1;                             \
		if (fn(p, json_array_get(list, i), path, &s->arr[i]))      \
			return -1;                                         \
	}
	PARSE_LIST(l_org, orgs, n_orgs, "organisations", parse_org)
	PARSE_LIST(l_area, areas, n_areas, "areas", parse_area)
	PARSE_LIST(l_body, bodies, n_bodies, "bodies", parse_body)
	PARSE_LIST(l_charter, charters, n_charters, "charters", parse_charter)
	PARSE_LIST(l_person, people, n_people, "people", parse_person)
	PARSE_LIST(l_member, memberships, n_memberships, "memberships", parse_membership)
	PARSE_LIST(l_rot, rotations, n_rotations, "rotations", parse_rotation)
#undef PARSE_LIST

	if (check_charter_versions(p, s))
		return -1;
	return validate_all(p, s);
}

int structure_from_json(struct arena *a, const char *text, size_t len,
			struct structure *out, struct err *err)
{
	struct parse p = { .a = a, .err = err };
	json_error_t je;
	json_t *root = NULL;
	int rc = ERR_INVALID;

	memset(out, 0, sizeof(*out));
	if (len > STRUCTURE_MAX_BYTES) {
		err_set(err, ERR_INVALID, "too_large",
			"Filen er for stor (højst %zu MiB).", STRUCTURE_MAX_BYTES >> 20);
		goto out;
	}
	if (check_depth(text, len, err))
		goto out;
	root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
	if (!root) {
		json_error_da(err, &je);
		goto out;
	}
	if (parse_root(&p, root, out))
		goto out;
	rc = 0;
out:
	json_decref(root);
	if (rc)
		memset(out, 0, sizeof(*out));
	return rc;
}

/* ---- printing ---------------------------------------------------------- */

struct print {
	const struct structure *s;
	struct err *err;
	bool failed;		/* the first failure is in err */
	/* For the audit log: text that is not UTF-8 is written with
	 * U+FFFD for the bad bytes instead of failing (the store keeps
	 * what it is given; a change must not fail for its log). */
	bool lenient;
};

/* Length of the valid UTF-8 sequence at p (at most n bytes), 0 if none. */
static size_t utf8_seq(const unsigned char *p, size_t n)
{
	size_t len;
	unsigned min;
	unsigned c = p[0];
	if (c < 0x80)
		return c ? 1 : 0;
	if ((c & 0xE0) == 0xC0) { len = 2; c &= 0x1F; min = 0x80; }
	else if ((c & 0xF0) == 0xE0) { len = 3; c &= 0x0F; min = 0x800; }
	else if ((c & 0xF8) == 0xF0) { len = 4; c &= 0x07; min = 0x10000; }
	else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	return len;
}

/* A JSON string of s with every invalid byte replaced by U+FFFD. */
static json_t *json_string_lenient(const char *s)
{
	struct buf b = BUF_INIT;
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	while (n) {
		size_t k = utf8_seq(p, n);
		if (k) {
			buf_put(&b, p, k);
		} else {
			buf_puts(&b, "\xEF\xBF\xBD");
			k = 1;
		}
		p += k;
		n -= k;
	}
	json_t *j = json_string(buf_str(&b));
	buf_free(&b);
	return j;
}

/* Index of the object with id in an id-carrying array, or -1; loaded and
 * parsed arrays hold ids in order, so a binary search hits. */
static long find_sorted(const void *base, size_t n, size_t size, size_t off,
			int64_t id)
{
#define ID_AT(i) (*(const int64_t *)((const char *)base + (i) * size + off))
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ID_AT(mid) == id)
			return (long)mid;
		if (ID_AT(mid) < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = 0; i < n; i++)	/* not sorted after all */
		if (ID_AT(i) == id)
			return (long)i;
	return -1;
#undef ID_AT
}

#define KEY_AT(arr, n, type)                                               \
	do {                                                               \
		long i_ = find_sorted((arr), (n), sizeof(struct type),     \
				      offsetof(struct type, id), id);      \
		return i_ < 0 ? NULL : (arr)[i_].key;                      \
	} while (0)

/* The key of the object of kind k with id, or NULL. */
static const char *key_of(const struct structure *s, enum ref_kind k, int64_t id)
{
	switch (k) {
	case REF_ORG:
		KEY_AT(s->orgs, s->n_orgs, organisation);
	case REF_AREA:
		KEY_AT(s->areas, s->n_areas, area);
	case REF_BODY:
		KEY_AT(s->bodies, s->n_bodies, body);
	case REF_CHARTER:
		KEY_AT(s->charters, s->n_charters, charter);
	case REF_PERSON:
		KEY_AT(s->people, s->n_people, person);
	case REF_MEMBERSHIP:
		KEY_AT(s->memberships, s->n_memberships, membership);
	case REF__COUNT:
		break;
	}
	return NULL;
}
#undef KEY_AT

/* Adds k: v to o (v is stolen); the first failure is kept. */
static void put(struct print *pr, json_t *o, const char *k, json_t *v)
{
	if (pr->failed) {
		json_decref(v);
		return;
	}
	if (!v || json_object_set_new(o, k, v) != 0) {
		pr->failed = true;
		err_set(pr->err, ERR_INTERNAL, "bad_text",
			"Feltet «%s» kan ikke skrives som JSON (ugyldig UTF-8?).", k);
	}
}

static void put_str(struct print *pr, json_t *o, const char *k, const char *v)
{
	if (v && *v) {
		json_t *j = json_string(v);
		if (!j && pr->lenient)
			j = json_string_lenient(v);
		put(pr, o, k, j);
	}
}

static void put_int(struct print *pr, json_t *o, const char *k, int v)
{
	if (v)
		put(pr, o, k, json_integer(v));
}

static void put_bool(struct print *pr, json_t *o, const char *k, bool v, bool def)
{
	if (v != def)
		put(pr, o, k, json_boolean(v));
}

static void put_date(struct print *pr, json_t *o, const char *k, int d)
{
	char s[16];
	if (!d)
		return;
	if (!date_valid(d)) {
		if (!pr->failed)
			err_set(pr->err, ERR_INTERNAL, "bad_date",
				"Feltet «%s» har en ugyldig dato (%d).", k, d);
		pr->failed = true;
		return;
	}
	date_format(d, s, sizeof(s));
	put(pr, o, k, json_string(s));
}

static void put_ref(struct print *pr, json_t *o, const char *k,
		    enum ref_kind kind, int64_t id)
{
	if (!id)
		return;
	const char *key = key_of(pr->s, kind, id);
	if (!key) {
		if (!pr->failed)
			err_set(pr->err, ERR_INTERNAL, "bad_reference",
				"Feltet «%s» henviser til et ukendt %s (id %lld).",
				k, ref_noun[kind], (long long)id);
		pr->failed = true;
		return;
	}
	put_str(pr, o, k, key);
}

static json_t *print_org(struct print *pr, const struct organisation *o)
{
	json_t *j = json_object();
	put_str(pr, j, "key", o->key);
	put_str(pr, j, "name", o->name);
	put_str(pr, j, "short_name", o->short_name);
	put_str(pr, j, "kind", org_kind_code(o->kind));
	put_str(pr, j, "sector", sector_code(o->sector));
	put_ref(pr, j, "parent", REF_ORG, o->parent_id);
	put_str(pr, j, "note", o->note);
	return j;
}

static json_t *print_area(struct print *pr, const struct area *ar)
{
	json_t *j = json_object();
	put_str(pr, j, "key", ar->key);
	put_str(pr, j, "name", ar->name);
	put_ref(pr, j, "region", REF_ORG, ar->region_id);
	put_ref(pr, j, "hospital", REF_ORG, ar->hospital_id);
	if (ar->n_municipalities) {
		json_t *l = json_array();
		for (size_t i = 0; i < ar->n_municipalities && !pr->failed; i++) {
			const char *key = key_of(pr->s, REF_ORG, ar->municipality_ids[i]);
			if (!key) {
				err_set(pr->err, ERR_INTERNAL, "bad_reference",
					"Området «%s» henviser til en ukendt kommune (id %lld).",
					ar->key, (long long)ar->municipality_ids[i]);
				pr->failed = true;
			} else if (json_array_append_new(l, json_string(key))) {
				err_set(pr->err, ERR_INTERNAL, "bad_text",
					"Nøglen for en kommune kan ikke skrives som JSON.");
				pr->failed = true;
			}
		}
		put(pr, j, "municipalities", l);
	}
	put_str(pr, j, "note", ar->note);
	return j;
}

static json_t *print_body(struct print *pr, const struct body *b)
{
	json_t *j = json_object();
	put_str(pr, j, "key", b->key);
	put_str(pr, j, "name", b->name);
	put_str(pr, j, "short_name", b->short_name);
	put_str(pr, j, "kind", body_kind_code(b->kind));
	put_ref(pr, j, "parent", REF_BODY, b->parent_id);
	put_ref(pr, j, "area", REF_AREA, b->area_id);
	put_ref(pr, j, "region", REF_ORG, b->region_id);
	put_bool(pr, j, "formal", b->formal, true);
	put_str(pr, j, "description", b->description);
	return j;
}

static json_t *print_seat(struct print *pr, const struct seat_rule *sr)
{
	json_t *j = json_object();
	put_str(pr, j, "key", sr->key);
	put_str(pr, j, "label", sr->label);
	put_str(pr, j, "sector", sector_code(sr->sector));
	put_str(pr, j, "org_kind", org_kind_code(sr->org_kind));
	put_str(pr, j, "function", function_code(sr->function));
	put_bool(pr, j, "per_municipality", sr->per_municipality, false);
	put_int(pr, j, "min", sr->min);
	put_int(pr, j, "max", sr->max);
	put_str(pr, j, "appointed_by_kind", org_kind_code(sr->appointed_by_kind));
	put_int(pr, j, "min_local", sr->min_local);
	return j;
}

static json_t *print_approval(struct print *pr, const struct approval *ap)
{
	json_t *j = json_object();
	put_str(pr, j, "status", charter_status_code(ap->status));
	put_ref(pr, j, "by_body", REF_BODY, ap->by_body_id);
	put_str(pr, j, "by_text", ap->by_text);
	put_date(pr, j, "date", ap->date);
	put_str(pr, j, "note", ap->note);
	return j;
}

static json_t *print_overlap(struct print *pr, const struct overlap_rule *ov)
{
	json_t *j = json_object();
	put_ref(pr, j, "body", REF_BODY, ov->other_body_id);
	put_int(pr, j, "min_persons", ov->min_persons);
	return j;
}

static json_t *print_charter(struct print *pr, const struct charter *c)
{
	json_t *j = json_object();
	put_str(pr, j, "key", c->key);
	put_ref(pr, j, "body", REF_BODY, c->body_id);
	put_int(pr, j, "version", c->version);
	put_str(pr, j, "title", c->title);
	put_str(pr, j, "status", charter_status_code(c->status));
	put_date(pr, j, "valid_from", c->valid_from);
	put_str(pr, j, "text", c->text);
	put_str(pr, j, "chair_rule", chair_rule_code(c->chair_rule));
	put_str(pr, j, "quorum_rule", quorum_rule_code(c->quorum_rule));
	put_str(pr, j, "decision_rule", decision_rule_code(c->decision_rule));
	put_str(pr, j, "competence", competence_code(c->competence));
	put_ref(pr, j, "recommends_to", REF_BODY, c->recommends_to_id);
	put_bool(pr, j, "economic_to_councils", c->economic_to_councils, false);
	put_int(pr, j, "min_meetings_per_year", c->min_meetings_per_year);
	put_ref(pr, j, "meets_before", REF_BODY, c->meets_before_id);
	put_bool(pr, j, "psychiatry_first", c->psychiatry_first, false);
	if (c->n_seats) {
		json_t *l = json_array();
		for (size_t i = 0; i < c->n_seats; i++)
			json_array_append_new(l, print_seat(pr, &c->seats[i]));
		put(pr, j, "seats", l);
	}
	if (c->n_approvals) {
		json_t *l = json_array();
		for (size_t i = 0; i < c->n_approvals; i++)
			json_array_append_new(l, print_approval(pr, &c->approvals[i]));
		put(pr, j, "approvals", l);
	}
	if (c->n_overlaps) {
		json_t *l = json_array();
		for (size_t i = 0; i < c->n_overlaps; i++)
			json_array_append_new(l, print_overlap(pr, &c->overlaps[i]));
		put(pr, j, "overlaps", l);
	}
	return j;
}

static json_t *print_person(struct print *pr, const struct person *p)
{
	json_t *j = json_object();
	put_str(pr, j, "key", p->key);
	put_str(pr, j, "name", p->name);
	put_str(pr, j, "title", p->title);
	put_str(pr, j, "email", p->email);
	put_ref(pr, j, "organisation", REF_ORG, p->organisation_id);
	put_str(pr, j, "note", p->note);
	return j;
}

static json_t *print_membership(struct print *pr, const struct membership *m)
{
	json_t *j = json_object();
	put_str(pr, j, "key", m->key);
	put_ref(pr, j, "person", REF_PERSON, m->person_id);
	put_ref(pr, j, "body", REF_BODY, m->body_id);
	put_str(pr, j, "role", role_code(m->role));
	put_str(pr, j, "function", function_code(m->function));
	put_str(pr, j, "seat", m->seat_key);
	put_ref(pr, j, "represents", REF_ORG, m->represents_id);
	put_ref(pr, j, "appointed_by", REF_ORG, m->appointed_by_id);
	put_ref(pr, j, "substitute_for", REF_MEMBERSHIP, m->substitute_for_id);
	put_bool(pr, j, "local", m->local, false);
	put_date(pr, j, "start", m->start);
	put_date(pr, j, "end", m->end);
	return j;
}

static json_t *print_rotation(struct print *pr, const struct rotation *r)
{
	json_t *j = json_object();
	put_ref(pr, j, "body", REF_BODY, r->body_id);
	put_int(pr, j, "start_year", r->start_year);
	put_int(pr, j, "end_year", r->end_year);
	put_ref(pr, j, "organisation", REF_ORG, r->org_id);
	put_str(pr, j, "note", r->note);
	return j;
}

static int dump_to_buf(const char *data, size_t n, void *ctx)
{
	buf_put(ctx, data, n);
	return 0;
}

/*
 * Appends the canonical file to out. On failure (an object that cannot
 * be written: a reference to nothing, text that is not UTF-8) out is
 * left as it was and err says which field.
 */
int structure_to_json(const struct structure *s, struct buf *out,
		      struct err *err)
{
	struct print pr = { .s = s, .err = err };
	json_t *root = json_object();
	size_t mark = out->len;
	int rc = ERR_INTERNAL;

	put(&pr, root, "klynge", json_integer(1));
#define PRINT_LIST(name, arr, count, fn)                                   \
	if (s->count) {                                                    \
		json_t *l = json_array();                                  \
		for (size_t i = 0; i < s->count && !pr.failed; i++)        \
			json_array_append_new(l, fn(&pr, &s->arr[i]));     \
		put(&pr, root, name, l);                                   \
	}
	PRINT_LIST("organisations", orgs, n_orgs, print_org)
	PRINT_LIST("areas", areas, n_areas, print_area)
	PRINT_LIST("bodies", bodies, n_bodies, print_body)
	PRINT_LIST("charters", charters, n_charters, print_charter)
	PRINT_LIST("people", people, n_people, print_person)
	PRINT_LIST("memberships", memberships, n_memberships, print_membership)
	PRINT_LIST("rotations", rotations, n_rotations, print_rotation)
#undef PRINT_LIST
	if (pr.failed)
		goto out;
	if (json_dump_callback(root, dump_to_buf, out, JSON_INDENT(2)) != 0) {
		err_set(err, ERR_INTERNAL, "json_dump", "Strukturen kan ikke skrives som JSON.");
		goto out;
	}
	buf_putc(out, '\n');
	rc = 0;
out:
	if (rc && out->len > mark) {
		out->len = mark;
		if (out->data)
			out->data[mark] = '\0';
	}
	json_decref(root);
	return rc;
}

/* ---- one object, for the audit log ------------------------------------- */

#define OBJ_AT(arr, n, type, fn)                                           \
	do {                                                               \
		long i_ = find_sorted((arr), (n), sizeof(struct type),     \
				      offsetof(struct type, id), id);      \
		if (i_ >= 0)                                               \
			j = fn(&pr, &(arr)[i_]);                           \
	} while (0)

int structure_object_json(const struct structure *s, enum store_kind kind,
			  int64_t id, struct buf *out, struct err *err)
{
	struct print pr = { .s = s, .err = err, .lenient = true };
	json_t *j = NULL;
	int rc = ERR_INTERNAL;

	switch (kind) {
	case STORE_ORG:
		OBJ_AT(s->orgs, s->n_orgs, organisation, print_org);
		break;
	case STORE_AREA:
		OBJ_AT(s->areas, s->n_areas, area, print_area);
		break;
	case STORE_BODY:
		OBJ_AT(s->bodies, s->n_bodies, body, print_body);
		break;
	case STORE_CHARTER:
		OBJ_AT(s->charters, s->n_charters, charter, print_charter);
		break;
	case STORE_PERSON:
		OBJ_AT(s->people, s->n_people, person, print_person);
		break;
	case STORE_MEMBERSHIP:
		OBJ_AT(s->memberships, s->n_memberships, membership,
		       print_membership);
		break;
	case STORE_ROTATION:
		OBJ_AT(s->rotations, s->n_rotations, rotation, print_rotation);
		break;
	}
	if (!j) {
		err_set(err, ERR_NOT_FOUND, "not_found", "Oplysningerne findes ikke.");
		return ERR_NOT_FOUND;
	}
	if (pr.failed)
		goto out;
	if (json_dump_callback(j, dump_to_buf, out, JSON_COMPACT) != 0) {
		err_set(err, ERR_INTERNAL, "json_dump",
			"Oplysningerne kan ikke skrives som JSON.");
		goto out;
	}
	rc = 0;
out:
	json_decref(j);
	return rc;
}
#undef OBJ_AT

/* A JSON value as display text (see struct audit_change). */
static const char *change_text(struct arena *a, json_t *v)
{
	if (!v || json_is_null(v))
		return "";
	if (json_is_string(v))
		return arena_strndup(a, json_string_value(v), json_string_length(v));
	char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
	const char *t = arena_strdup(a, s ? s : "");
	free(s);
	return t;
}

static void change_add(struct arena *a, struct audit_change **out, size_t *n,
		       size_t *cap, const char *field, json_t *b, json_t *f)
{
	if (b && f && json_equal(b, f))
		return;
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 8;
		*out = arena_grow(a, *out, *n, nc, sizeof(**out));
		*cap = nc;
	}
	(*out)[(*n)++] = (struct audit_change){ arena_strdup(a, field),
						change_text(a, b),
						change_text(a, f) };
}

int store_audit_changes(struct arena *a, const struct audit_entry *e,
			struct audit_change **out, size_t *n)
{
	json_t *b = NULL, *f = NULL;
	size_t cap = 0;
	const char *k;
	json_t *v;

	*out = NULL;
	*n = 0;
	if (!e->before || !e->after)
		return 0;
	b = json_loads(e->before, 0, NULL);
	f = json_loads(e->after, 0, NULL);
	if (json_is_object(b) && json_is_object(f)) {
		json_object_foreach(f, k, v)
			change_add(a, out, n, &cap, k, json_object_get(b, k), v);
		json_object_foreach(b, k, v)
			if (!json_object_get(f, k))
				change_add(a, out, n, &cap, k, v, NULL);
	}
	json_decref(b);
	json_decref(f);
	return 0;
}
