/*
 * validate.c - input validation of structure objects; see validate.h.
 *
 * Field names are those of docs/structure-format.md (the JSON and form
 * names): "key", "name", "kind", "parent", "start", "end", "represents"
 * ... A problem with one row of a charter's lists names the row (0-based,
 * in the charter's array) and its field: "seats[2].min",
 * "overlaps[0].body", "approvals[1].date"; the forms map such a name to
 * the row's control, the API reports it as is and the structure-file
 * importer puts the object's path in front ("charters[3].seats[2].min").
 * A bare "seats" is for the list as a whole. Messages are Danish and can
 * be shown next to the field.
 * Only the first error per field is usually interesting, but all are
 * kept (field_errors_get returns the first).
 */
#include "validate.h"

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/date.h"

#define KEY_MAX 64

/* ---- field errors --------------------------------------------------- */

void field_errors_add(struct arena *a, struct field_errors *e,
		      const char *field, const char *fmt, ...)
{
	if (e->n == e->cap) {
		size_t cap = e->cap ? e->cap * 2 : 8;
		e->items = arena_grow(a, e->items, e->n, cap, sizeof(*e->items));
		e->cap = cap;
	}
	struct buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	e->items[e->n].field = arena_strdup(a, field ? field : "");
	e->items[e->n].message = arena_strdup(a, buf_str(&b));
	e->n++;
	buf_free(&b);
}

const char *field_errors_get(const struct field_errors *e, const char *field)
{
	if (!e || !field)
		return NULL;
	for (size_t i = 0; i < e->n; i++)
		if (strcmp(e->items[i].field, field) == 0)
			return e->items[i].message;
	return NULL;
}

/* ---- keys ----------------------------------------------------------- */

bool validate_key_syntax(const char *key)
{
	if (!key)
		return false;
	size_t n = strlen(key);
	if (n < 1 || n > KEY_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = key[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '-'))
			return false;
	}
	return true;
}

/* ASCII for a two-byte UTF-8 letter of Latin-1 (lead byte 0xC3), or
 * NULL: the Danish letters first, then common accented ones. */
static const char *translit_c3(unsigned char c)
{
	switch (c) {
	case 0xA6: case 0x86: return "ae";	/* æ Æ */
	case 0xB8: case 0x98: return "oe";	/* ø Ø */
	case 0xA5: case 0x85: return "aa";	/* å Å */
	case 0xA4: case 0x84: return "ae";	/* ä Ä */
	case 0xB6: case 0x96: return "oe";	/* ö Ö */
	case 0xBC: case 0x9C: return "ue";	/* ü Ü */
	case 0x9F: return "ss";			/* ß */
	case 0xA0: case 0xA1: case 0xA2: case 0xA3:
	case 0x80: case 0x81: case 0x82: case 0x83: return "a";
	case 0xA7: case 0x87: return "c";
	case 0xA8: case 0xA9: case 0xAA: case 0xAB:
	case 0x88: case 0x89: case 0x8A: case 0x8B: return "e";
	case 0xAC: case 0xAD: case 0xAE: case 0xAF:
	case 0x8C: case 0x8D: case 0x8E: case 0x8F: return "i";
	case 0xB1: case 0x91: return "n";
	case 0xB2: case 0xB3: case 0xB4: case 0xB5:
	case 0x92: case 0x93: case 0x94: case 0x95: return "o";
	case 0xB9: case 0xBA: case 0xBB:
	case 0x99: case 0x9A: case 0x9B: return "u";
	case 0xBD: case 0xBF: case 0x9D: return "y";
	default: return NULL;
	}
}

/* Lower-case ASCII slug of name: letters and digits kept, Danish
 * letters spelt out, every other run of characters one '-'. */
static void slug(const char *name, struct buf *b)
{
	const unsigned char *p = (const unsigned char *)(name ? name : "");
	bool dash = false;
	while (*p) {
		const char *out = NULL;
		char one[2] = { 0, 0 };
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '_') {
			one[0] = (char)*p;
			out = one;
			p++;
		} else if (*p >= 'A' && *p <= 'Z') {
			one[0] = (char)(*p - 'A' + 'a');
			out = one;
			p++;
		} else if (*p == 0xC3 && p[1]) {
			out = translit_c3(p[1]);
			p += 2;
		} else if (*p >= 0x80) {
			/* Skip the rest of any other UTF-8 sequence. */
			p++;
			while (*p >= 0x80 && *p < 0xC0)
				p++;
		} else {
			p++;
		}
		if (!out) {
			dash = b->len > 0;
			continue;
		}
		if (dash)
			buf_putc(b, '-');
		dash = false;
		buf_puts(b, out);
	}
}

/*
 * A key from a Danish name, unique by `taken` (may be NULL). The result
 * is arena-owned, always valid by validate_key_syntax; an empty slug
 * becomes "noegle".
 */
char *key_from_name(struct arena *a, const char *name,
		    bool (*taken)(void *ctx, const char *key), void *ctx)
{
	struct buf b = BUF_INIT;
	slug(name, &b);
	if (b.len == 0)
		buf_puts(&b, "noegle");
	/* Leave room for a "-NNNN" suffix within KEY_MAX. */
	size_t base = b.len > KEY_MAX - 6 ? KEY_MAX - 6 : b.len;
	while (base > 1 && b.data[base - 1] == '-')
		base--;
	char *key = arena_strndup(a, b.data, base);
	buf_free(&b);
	if (!taken || !taken(ctx, key))
		return key;
	for (int i = 2; i < 100000; i++) {
		char *k = arena_printf(a, "%s-%d", key, i);
		if (!taken(ctx, k))
			return k;
	}
	return key;	/* not reached with any real structure */
}

/* ---- shared checks -------------------------------------------------- */

static bool empty(const char *s)
{
	return !s || !*s;
}

/* Checks syntax and, via `dup`, uniqueness of a key. */
static int check_key(struct arena *a, struct field_errors *e, const char *key,
		     bool dup)
{
	if (empty(key)) {
		field_errors_add(a, e, "key", "Nøglen skal udfyldes");
		return 1;
	}
	if (!validate_key_syntax(key)) {
		field_errors_add(a, e, "key",
				 "Nøglen «%s» må kun indeholde a-z, 0-9, _ og - (1-64 tegn)",
				 key);
		return 1;
	}
	if (dup) {
		field_errors_add(a, e, "key", "Nøglen «%s» bruges allerede", key);
		return 1;
	}
	return 0;
}

/* Is key used by another object (id differs) in an array of objects of
 * `size` bytes with `id` and `key` members at the given offsets? */
static bool key_taken(const void *arr, size_t n, size_t size, size_t id_off,
		      size_t key_off, int64_t id, const char *key)
{
	if (!key)
		return false;
	for (size_t i = 0; i < n; i++) {
		const char *obj = (const char *)arr + i * size;
		int64_t oid;
		const char *okey;
		memcpy(&oid, obj + id_off, sizeof(oid));
		memcpy(&okey, obj + key_off, sizeof(okey));
		if (oid != id && okey && strcmp(okey, key) == 0)
			return true;
	}
	return false;
}

#define KEY_TAKEN(type, arr, n, obj)                                       \
	key_taken((arr), (n), sizeof(struct type),                         \
		  offsetof(struct type, id), offsetof(struct type, key),   \
		  (obj)->id, (obj)->key)

static int check_required(struct arena *a, struct field_errors *e,
			  const char *field, const char *value,
			  const char *what)
{
	if (!empty(value))
		return 0;
	field_errors_add(a, e, field, "%s skal udfyldes", what);
	return 1;
}

/* An enum value: `required` means 0 is an error; out of range always is. */
static int check_enum(struct arena *a, struct field_errors *e,
		      const char *field, int v, int count, bool required,
		      const char *what)
{
	if (v == 0 && required) {
		field_errors_add(a, e, field, "Vælg %s", what);
		return 1;
	}
	if (v < 0 || v >= count) {
		field_errors_add(a, e, field, "Ukendt værdi for %s", what);
		return 1;
	}
	return 0;
}

/* A reference that may be 0; when set, it must exist. */
static int check_org_ref(struct arena *a, const struct structure *s,
			 struct field_errors *e, const char *field, int64_t id)
{
	if (!id || structure_org(s, id))
		return 0;
	field_errors_add(a, e, field, "Organisationen findes ikke");
	return 1;
}

static int check_body_ref(struct arena *a, const struct structure *s,
			  struct field_errors *e, const char *field, int64_t id)
{
	if (!id || structure_body(s, id))
		return 0;
	field_errors_add(a, e, field, "Forummet findes ikke");
	return 1;
}

/* A region reference: must exist and be of kind region. */
static int check_region_ref(struct arena *a, const struct structure *s,
			    struct field_errors *e, const char *field,
			    int64_t id)
{
	if (!id)
		return 0;
	const struct organisation *o = structure_org(s, id);
	if (!o) {
		field_errors_add(a, e, field, "Organisationen findes ikke");
		return 1;
	}
	if (o->kind != ORG_REGION) {
		field_errors_add(a, e, field, "%s er ikke en region", o->name);
		return 1;
	}
	return 0;
}

/* A date field: 0 is "none" unless required; otherwise it must exist. */
static int check_date(struct arena *a, struct field_errors *e,
		      const char *field, int date, bool required,
		      const char *what)
{
	if (!date) {
		if (!required)
			return 0;
		field_errors_add(a, e, field, "%s skal udfyldes", what);
		return 1;
	}
	if (!date_valid(date)) {
		field_errors_add(a, e, field, "%s er ikke en gyldig dato", what);
		return 1;
	}
	return 0;
}

/* ---- validators ----------------------------------------------------- */

int validate_org(struct arena *a, const struct structure *s,
		 const struct organisation *o, struct field_errors *e)
{
	int n = 0;
	n += check_key(a, e, o->key, KEY_TAKEN(organisation, s->orgs, s->n_orgs, o));
	n += check_required(a, e, "name", o->name, "Navn");
	n += check_enum(a, e, "kind", o->kind, ORG__COUNT, true,
			"en type af organisation");
	n += check_enum(a, e, "sector", o->sector, SECTOR__COUNT, false,
			"sektor");
	if (o->parent_id) {
		/* Walk up from the new parent; meeting o itself is a cycle. */
		const struct organisation *p = structure_org(s, o->parent_id);
		if (!p) {
			field_errors_add(a, e, "parent", "Organisationen findes ikke");
			n++;
		}
		for (size_t i = 0; p && i <= s->n_orgs; i++) {
			if (o->id && p->id == o->id) {
				field_errors_add(a, e, "parent",
						 "En organisation kan ikke høre under sig selv");
				n++;
				break;
			}
			p = structure_org(s, p->parent_id);
		}
	}
	return n;
}

int validate_area(struct arena *a, const struct structure *s,
		  const struct area *ar, struct field_errors *e)
{
	int n = 0;
	n += check_key(a, e, ar->key, KEY_TAKEN(area, s->areas, s->n_areas, ar));
	n += check_required(a, e, "name", ar->name, "Navn");
	if (!ar->region_id) {
		field_errors_add(a, e, "region", "Vælg en region");
		n++;
	} else {
		n += check_region_ref(a, s, e, "region", ar->region_id);
	}
	if (ar->hospital_id) {
		const struct organisation *h = structure_org(s, ar->hospital_id);
		if (!h) {
			field_errors_add(a, e, "hospital", "Organisationen findes ikke");
			n++;
		} else if (h->kind != ORG_HOSPITAL) {
			field_errors_add(a, e, "hospital", "%s er ikke et sygehus",
					 h->name);
			n++;
		}
	}
	for (size_t i = 0; i < ar->n_municipalities; i++) {
		int64_t id = ar->municipality_ids[i];
		const struct organisation *m = structure_org(s, id);
		if (!m) {
			field_errors_add(a, e, "municipalities",
					 "Organisationen findes ikke");
			n++;
			continue;
		}
		if (m->kind != ORG_MUNICIPALITY) {
			field_errors_add(a, e, "municipalities",
					 "%s er ikke en kommune", m->name);
			n++;
		}
		for (size_t j = 0; j < i; j++) {
			if (ar->municipality_ids[j] == id) {
				field_errors_add(a, e, "municipalities",
						 "%s er nævnt to gange", m->name);
				n++;
				break;
			}
		}
	}
	return n;
}

int validate_body(struct arena *a, const struct structure *s,
		  const struct body *b, struct field_errors *e)
{
	int n = 0;
	n += check_key(a, e, b->key, KEY_TAKEN(body, s->bodies, s->n_bodies, b));
	n += check_required(a, e, "name", b->name, "Navn");
	n += check_enum(a, e, "kind", b->kind, BODY__COUNT, true,
			"en type af forum");
	if (b->parent_id) {
		const struct body *p = structure_body(s, b->parent_id);
		if (!p) {
			field_errors_add(a, e, "parent", "Forummet findes ikke");
			n++;
		}
		/* b's own stored parent is replaced by the new one: walking
		 * up from the new parent and meeting b is a cycle. The bound
		 * stops a walk through a cycle already in the data. */
		for (size_t i = 0; p && i <= s->n_bodies; i++) {
			if (p->id == b->id && b->id) {
				field_errors_add(a, e, "parent",
						 "Et forum kan ikke referere til sig selv eller et af sine underfora");
				n++;
				break;
			}
			p = structure_body(s, p->parent_id);
		}
	}
	if (b->area_id && !structure_area(s, b->area_id)) {
		field_errors_add(a, e, "area", "Klyngen findes ikke");
		n++;
	}
	n += check_region_ref(a, s, e, "region", b->region_id);
	return n;
}

/* The name of a field of row i of a charter's list: "seats[2].min". */
static const char *row_field(struct arena *a, const char *list, size_t i,
			     const char *field)
{
	return arena_printf(a, "%s[%zu].%s", list, i, field);
}

/* An enum field of a seat row: 0 is "any", out of range is an error. */
static int check_seat_enum(struct arena *a, struct field_errors *e, size_t i,
			   const char *field, int v, int count, const char *k)
{
	if (v >= 0 && v < count)
		return 0;
	field_errors_add(a, e, row_field(a, "seats", i, field),
			 "Pladsen «%s» har en ukendt værdi", k);
	return 1;
}

static int validate_seats(struct arena *a, const struct charter *c,
			  struct field_errors *e)
{
	int n = 0;
	for (size_t i = 0; i < c->n_seats; i++) {
		const struct seat_rule *r = &c->seats[i];
		const char *k = empty(r->key) ? "" : r->key;
		const char *fkey = row_field(a, "seats", i, "key");
		if (empty(r->key)) {
			field_errors_add(a, e, fkey,
					 "Plads nr. %zu mangler en nøgle", i + 1);
			n++;
		} else if (!validate_key_syntax(r->key)) {
			field_errors_add(a, e, fkey,
					 "Pladsens nøgle «%s» må kun indeholde a-z, 0-9, _ og - (1-64 tegn)",
					 r->key);
			n++;
		} else {
			for (size_t j = 0; j < i; j++) {
				if (c->seats[j].key &&
				    strcmp(c->seats[j].key, r->key) == 0) {
					field_errors_add(a, e, fkey,
							 "Nøglen «%s» bruges allerede af en anden plads",
							 r->key);
					n++;
					break;
				}
			}
		}
		if (empty(r->label)) {
			field_errors_add(a, e, row_field(a, "seats", i, "label"),
					 "Pladsen «%s» mangler en betegnelse", k);
			n++;
		}
		if (r->min < 0 || r->max < 0 || r->min_local < 0) {
			const char *f = r->min < 0 ? "min"
					: r->max < 0 ? "max" : "min_local";
			field_errors_add(a, e, row_field(a, "seats", i, f),
					 "Antal i pladsen «%s» kan ikke være negativt", k);
			n++;
		} else if (r->max > 0 && r->min > r->max) {
			field_errors_add(a, e, row_field(a, "seats", i, "min"),
					 "Pladsen «%s»: mindst %d kan ikke være mere end højst %d",
					 k, r->min, r->max);
			n++;
		} else if (r->max > 0 && !r->per_municipality &&
			   r->min_local > r->max) {
			field_errors_add(a, e, row_field(a, "seats", i, "min_local"),
					 "Pladsen «%s»: mindst %d lokalt udpegede kan ikke være mere end højst %d",
					 k, r->min_local, r->max);
			n++;
		}
		n += check_seat_enum(a, e, i, "sector", (int)r->sector,
				     SECTOR__COUNT, k);
		n += check_seat_enum(a, e, i, "org_kind", (int)r->org_kind,
				     ORG__COUNT, k);
		n += check_seat_enum(a, e, i, "function", (int)r->function,
				     FUNC__COUNT, k);
		n += check_seat_enum(a, e, i, "appointed_by_kind",
				     (int)r->appointed_by_kind, ORG__COUNT, k);
	}
	return n;
}

static bool charter_has_seat(const struct charter *c, const char *key)
{
	for (size_t j = 0; j < c->n_seats; j++)
		if (c->seats[j].key && strcmp(c->seats[j].key, key) == 0)
			return true;
	return false;
}

/*
 * A membership names its seat by key (membership.seat_key). Editing a
 * charter so that a key its stored version has disappears (the row
 * deleted, or its key changed) would leave those memberships in a seat
 * that no longer exists: reported as unknown_seat, and counted in no
 * seat, from the day the version is in force. The simple, safe rule:
 * when an existing charter is edited, no key any membership of the body
 * uses (on any date) may disappear; the memberships are moved first. A
 * new version is not compared with anything: it starts as a draft, and
 * approving it later is an edit that keeps its keys.
 */
static int check_seat_keys_in_use(struct arena *a, const struct structure *s,
				  const struct charter *c,
				  struct field_errors *e)
{
	const struct charter *orig = c->id ? structure_charter(s, c->id) : NULL;
	if (!orig)
		return 0;
	int n = 0;
	for (size_t j = 0; j < orig->n_seats; j++) {
		const char *key = orig->seats[j].key;
		if (empty(key) || charter_has_seat(c, key))
			continue;
		/* A key twice in the stored version is reported once. */
		bool seen = false;
		for (size_t k = 0; k < j && !seen; k++)
			seen = orig->seats[k].key &&
			       strcmp(orig->seats[k].key, key) == 0;
		if (seen)
			continue;
		size_t used = 0;
		for (size_t i = 0; i < s->n_memberships; i++) {
			const struct membership *m = &s->memberships[i];
			if (m->body_id == orig->body_id && m->seat_key &&
			    strcmp(m->seat_key, key) == 0)
				used++;
		}
		if (!used)
			continue;
		field_errors_add(a, e, "seats",
				 "Pladsen «%s» bruges af %zu %s; flyt %s først",
				 key, used,
				 used == 1 ? "medlemskab" : "medlemskaber",
				 used == 1 ? "det" : "dem");
		n++;
	}
	return n;
}

/*
 * An approval step records who moved the charter to which status on
 * which date: a body or a text ("Formandskabet"), pre_approved or
 * approved (a step never makes a draft), a real date, in date order.
 */
static int validate_approvals(struct arena *a, const struct structure *s,
			      const struct charter *c, struct field_errors *e)
{
	int n = 0;
	for (size_t i = 0; i < c->n_approvals; i++) {
		const struct approval *ap = &c->approvals[i];
		const char *fdate = row_field(a, "approvals", i, "date");
		const char *fby = row_field(a, "approvals", i, "by_body");
		if (!ap->date || !date_valid(ap->date)) {
			field_errors_add(a, e, fdate,
					 "Godkendelse nr. %zu mangler en gyldig dato", i + 1);
			n++;
		} else if (i > 0 && c->approvals[i - 1].date > ap->date) {
			field_errors_add(a, e, fdate,
					 "Godkendelserne skal stå i datoorden");
			n++;
		}
		if ((int)ap->status < 0 || ap->status >= CHARTER__COUNT) {
			field_errors_add(a, e, row_field(a, "approvals", i, "status"),
					 "Godkendelse nr. %zu har en ukendt status", i + 1);
			n++;
		} else if (ap->status != CHARTER_PRE_APPROVED &&
			   ap->status != CHARTER_APPROVED) {
			field_errors_add(a, e, row_field(a, "approvals", i, "status"),
					 "Godkendelse nr. %zu skal give status «%s» eller «%s»",
					 i + 1, charter_status_label(CHARTER_PRE_APPROVED),
					 charter_status_label(CHARTER_APPROVED));
			n++;
		}
		if (ap->by_body_id && !structure_body(s, ap->by_body_id)) {
			field_errors_add(a, e, fby, "Forummet findes ikke");
			n++;
		} else if (!ap->by_body_id && empty(ap->by_text)) {
			field_errors_add(a, e, fby,
					 "Angiv hvem der godkendte: et forum eller en tekst");
			n++;
		}
	}
	return n;
}

/* Person overlap with other bodies: each named once, none the charter's
 * own body, at least one person. */
static int validate_overlaps(struct arena *a, const struct structure *s,
			     const struct charter *c, struct field_errors *e)
{
	int n = 0;
	for (size_t i = 0; i < c->n_overlaps; i++) {
		const struct overlap_rule *ov = &c->overlaps[i];
		const struct body *ob = structure_body(s, ov->other_body_id);
		const char *fbody = row_field(a, "overlaps", i, "body");
		if (!ob) {
			field_errors_add(a, e, fbody, "Forummet findes ikke");
			n++;
		} else if (ov->other_body_id == c->body_id) {
			field_errors_add(a, e, fbody,
					 "Personsammenfald skal være med et andet forum");
			n++;
		} else {
			for (size_t j = 0; j < i; j++) {
				if (c->overlaps[j].other_body_id ==
				    ov->other_body_id) {
					field_errors_add(a, e, fbody,
							 "%s er nævnt to gange", ob->name);
					n++;
					break;
				}
			}
		}
		if (ov->min_persons < 1) {
			field_errors_add(a, e,
					 row_field(a, "overlaps", i, "min_persons"),
					 "Personsammenfald kræver mindst 1 person");
			n++;
		}
	}
	return n;
}

int validate_charter(struct arena *a, const struct structure *s,
		     const struct charter *c, struct field_errors *e)
{
	int n = 0;
	n += check_key(a, e, c->key, KEY_TAKEN(charter, s->charters, s->n_charters, c));
	if (!c->body_id) {
		field_errors_add(a, e, "body", "Vælg et forum");
		n++;
	} else {
		n += check_body_ref(a, s, e, "body", c->body_id);
	}
	if (c->version < 1) {
		field_errors_add(a, e, "version", "Versionen skal være 1 eller mere");
		n++;
	} else {
		for (size_t i = 0; i < s->n_charters; i++) {
			const struct charter *o = &s->charters[i];
			if (o->id != c->id && o->body_id == c->body_id &&
			    o->version == c->version) {
				field_errors_add(a, e, "version",
						 "Forummet har allerede et kommissorium med version %d",
						 c->version);
				n++;
				break;
			}
		}
	}
	n += check_required(a, e, "title", c->title, "Titel");
	n += check_enum(a, e, "status", c->status, CHARTER__COUNT, false, "status");
	n += check_date(a, e, "valid_from", c->valid_from, false, "Gyldig fra");
	n += check_enum(a, e, "chair_rule", c->chair_rule, CHAIR_RULE__COUNT,
			false, "formandskab");
	n += check_enum(a, e, "quorum_rule", c->quorum_rule, QUORUM_RULE__COUNT,
			false, "beslutningsdygtighed");
	n += check_enum(a, e, "decision_rule", c->decision_rule,
			DECISION_RULE__COUNT, false, "beslutningsform");
	int bad_competence = check_enum(a, e, "competence", c->competence,
					COMPETENCE__COUNT, false, "kompetence");
	n += bad_competence;
	int bad_to = check_body_ref(a, s, e, "recommends_to", c->recommends_to_id);
	n += bad_to;
	/* "Kan alene indstille" is to someone; only then is there a body
	 * the recommendations go to. */
	if (!bad_competence && !bad_to) {
		if (c->competence == COMPETENCE_RECOMMEND && !c->recommends_to_id) {
			field_errors_add(a, e, "recommends_to",
					 "Vælg det forum, der indstilles til, når kompetencen er «%s»",
					 competence_label(COMPETENCE_RECOMMEND));
			n++;
		} else if (c->competence != COMPETENCE_RECOMMEND &&
			   c->recommends_to_id) {
			field_errors_add(a, e, "recommends_to",
					 "Kun et forum med kompetencen «%s» indstiller til et andet forum; vælg den kompetence, eller fjern forummet her",
					 competence_label(COMPETENCE_RECOMMEND));
			n++;
		}
	}
	n += check_body_ref(a, s, e, "meets_before", c->meets_before_id);
	if (c->min_meetings_per_year < 0) {
		field_errors_add(a, e, "min_meetings_per_year",
				 "Antal møder kan ikke være negativt");
		n++;
	}
	n += validate_seats(a, c, e);
	n += check_seat_keys_in_use(a, s, c, e);
	n += validate_approvals(a, s, c, e);
	n += validate_overlaps(a, s, c, e);
	return n;
}

int validate_person(struct arena *a, const struct structure *s,
		    const struct person *p, struct field_errors *e)
{
	int n = 0;
	n += check_key(a, e, p->key, KEY_TAKEN(person, s->people, s->n_people, p));
	n += check_required(a, e, "name", p->name, "Navn");
	if (!empty(p->email)) {
		const char *at = strchr(p->email, '@');
		if (!at || at == p->email || !at[1] || strchr(at + 1, '@') ||
		    strpbrk(p->email, " \t\r\n<>,;")) {
			field_errors_add(a, e, "email",
					 "«%s» er ikke en gyldig e-mailadresse",
					 p->email);
			n++;
		}
	}
	n += check_org_ref(a, s, e, "organisation", p->organisation_id);
	return n;
}

/* Does any charter of the body have a seat with this key? Also true
 * when the body has no charter yet (nothing to check against). */
static bool body_has_seat(const struct structure *s, int64_t body_id,
			  const char *key)
{
	bool any = false;
	for (size_t i = 0; i < s->n_charters; i++) {
		const struct charter *c = &s->charters[i];
		if (c->body_id != body_id)
			continue;
		any = true;
		for (size_t j = 0; j < c->n_seats; j++)
			if (c->seats[j].key && strcmp(c->seats[j].key, key) == 0)
				return true;
	}
	return !any;
}

int validate_membership(struct arena *a, const struct structure *s,
			const struct membership *m, struct field_errors *e)
{
	int n = 0;
	n += check_key(a, e, m->key,
		       KEY_TAKEN(membership, s->memberships, s->n_memberships, m));
	if (!m->person_id) {
		field_errors_add(a, e, "person", "Vælg en person");
		n++;
	} else if (!structure_person(s, m->person_id)) {
		field_errors_add(a, e, "person", "Personen findes ikke");
		n++;
	}
	if (!m->body_id) {
		field_errors_add(a, e, "body", "Vælg et forum");
		n++;
	} else {
		n += check_body_ref(a, s, e, "body", m->body_id);
	}
	n += check_enum(a, e, "role", m->role, ROLE__COUNT, true, "en rolle");
	n += check_enum(a, e, "function", m->function, FUNC__COUNT, false,
			"funktion");
	if (!empty(m->seat_key) && m->body_id &&
	    !body_has_seat(s, m->body_id, m->seat_key)) {
		field_errors_add(a, e, "seat",
				 "Pladsen «%s» findes ikke i forummets kommissorium",
				 m->seat_key);
		n++;
	}
	n += check_org_ref(a, s, e, "represents", m->represents_id);
	n += check_org_ref(a, s, e, "appointed_by", m->appointed_by_id);

	if (m->role == ROLE_SUBSTITUTE) {
		const struct membership *t =
			structure_membership(s, m->substitute_for_id);
		if (!t || t->body_id != m->body_id ||
		    !role_is_ordinary(t->role) || (m->id && t->id == m->id)) {
			field_errors_add(a, e, "substitute_for",
					 "En suppleant skal være suppleant for et medlem af samme forum");
			n++;
		}
	} else if (m->substitute_for_id) {
		field_errors_add(a, e, "substitute_for",
				 "Kun en suppleant kan være suppleant for et medlem");
		n++;
	}

	n += check_date(a, e, "start", m->start, true, "Startdato");
	int bad_end = check_date(a, e, "end", m->end, false, "Slutdato");
	n += bad_end;
	if (!bad_end && m->end && date_valid(m->start) && m->end < m->start) {
		field_errors_add(a, e, "end",
				 "Slutdato kan ikke ligge før startdato");
		n++;
	}
	return n;
}

int validate_rotation(struct arena *a, const struct structure *s,
		      const struct rotation *r, struct field_errors *e)
{
	int n = 0;
	if (!r->body_id) {
		field_errors_add(a, e, "body", "Vælg et forum");
		n++;
	} else {
		n += check_body_ref(a, s, e, "body", r->body_id);
	}
	bool ok_start = r->start_year >= 1900 && r->start_year <= 2999;
	bool ok_end = r->end_year >= 1900 && r->end_year <= 2999;
	if (!ok_start) {
		field_errors_add(a, e, "start_year", "Angiv et gyldigt startår");
		n++;
	}
	if (!ok_end) {
		field_errors_add(a, e, "end_year", "Angiv et gyldigt slutår");
		n++;
	}
	if (ok_start && ok_end && r->end_year < r->start_year) {
		field_errors_add(a, e, "end_year",
				 "Slutår kan ikke ligge før startår");
		n++;
	}
	n += check_org_ref(a, s, e, "organisation", r->org_id);
	return n;
}
