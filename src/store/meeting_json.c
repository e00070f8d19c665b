/*
 * meeting_json.c - a meeting's and an agenda item's own fields as
 * canonical compact JSON (store.h): what the audit log keeps as before
 * and after, and the base shape of the API's objects.
 *
 * Canonical: every field always present, in the struct's order, with
 * the struct's names; enums as their codes, null for none; references
 * as ids, null for none; the date "YYYY-MM-DD"; times of day "HH:MM".
 * Two saves of the same values give the same bytes, which is how the
 * store tells a save that changes nothing (no audit row, no revision).
 * Not included: revision, created, modified (they change because of a
 * save, not as part of it) and what the object holds (items,
 * attachments, attendance...).
 */
#include "store.h"

#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "../util/date.h"

/* Length of the valid UTF-8 sequence at p (at most n bytes), 0 if none. */
static size_t utf8_len(const unsigned char *p, size_t n)
{
	size_t len;
	unsigned c, min;

	if (p[0] < 0x80)
		return 1;
	if ((p[0] & 0xE0) == 0xC0) {
		len = 2;
		c = p[0] & 0x1F;
		min = 0x80;
	} else if ((p[0] & 0xF0) == 0xE0) {
		len = 3;
		c = p[0] & 0x0F;
		min = 0x800;
	} else if ((p[0] & 0xF8) == 0xF0) {
		len = 4;
		c = p[0] & 0x07;
		min = 0x10000;
	} else {
		return 0;
	}
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

/*
 * A JSON string of s; bytes that are not UTF-8 become U+FFFD, so the
 * audit log never fails on a stored value (the web layer refuses such
 * input before it gets here).
 */
static json_t *jstr(const char *s)
{
	json_t *j;
	struct buf b = BUF_INIT;
	const unsigned char *p;
	size_t n;

	if (!s)
		s = "";
	if ((j = json_string(s)))
		return j;
	p = (const unsigned char *)s;
	n = strlen(s);
	while (n) {
		size_t k = utf8_len(p, n);
		if (k) {
			buf_put(&b, p, k);
		} else {
			buf_puts(&b, "\xEF\xBF\xBD");
			k = 1;
		}
		p += k;
		n -= k;
	}
	j = json_string(b.len ? buf_str(&b) : "");
	buf_free(&b);
	return j;
}

static json_t *jcode(const char *code)
{
	return code && *code ? json_string(code) : json_null();
}

static json_t *jid(int64_t id)
{
	return id ? json_integer(id) : json_null();
}

static json_t *jdate(int d)
{
	char s[16];
	if (!d || !date_valid(d))
		return json_null();
	date_format(d, s, sizeof(s));
	return json_string(s);
}

static json_t *jtime(int minutes)
{
	char s[8];
	if (minutes < 0 || minutes > 24 * 60)
		return json_null();
	snprintf(s, sizeof(s), "%02d:%02d", minutes / 60, minutes % 60);
	return json_string(s);
}

static int dump_to_buf(const char *data, size_t n, void *ctx)
{
	buf_put(ctx, data, n);
	return 0;
}

/* Dumps j (stolen) compactly onto out; 0 or -1 (out untouched then). */
static int dump(json_t *j, bool failed, struct buf *out)
{
	struct buf tmp = BUF_INIT;
	int rc = -1;

	if (!j || failed)
		goto out;
	if (json_dump_callback(j, dump_to_buf, &tmp,
			       JSON_COMPACT | JSON_PRESERVE_ORDER) != 0)
		goto out;
	buf_put(out, tmp.data ? tmp.data : "", tmp.len);
	rc = 0;
out:
	buf_free(&tmp);
	json_decref(j);
	return rc;
}

/* Sets k (v stolen); *failed once any set fails. */
static void set(json_t *o, const char *k, json_t *v, bool *failed)
{
	if (!v || json_object_set_new(o, k, v) != 0)
		*failed = true;
}

int meeting_fields_json(const struct meeting *m, struct buf *out)
{
	json_t *j = json_object();
	bool failed = !j;

	if (failed)
		return -1;
	set(j, "id", jid(m->id), &failed);
	set(j, "body_id", jid(m->body_id), &failed);
	set(j, "kind", jcode(meeting_kind_code(m->kind)), &failed);
	set(j, "state", jcode(meeting_state_code(m->state)), &failed);
	set(j, "title", jstr(m->title), &failed);
	set(j, "date", jdate(m->date), &failed);
	set(j, "start", jtime(m->start_min), &failed);
	set(j, "end", jtime(m->end_min), &failed);
	set(j, "place", jstr(m->place), &failed);
	set(j, "online_url", jstr(m->online_url), &failed);
	set(j, "sequence", json_integer(m->sequence), &failed);
	set(j, "was_published", json_boolean(m->was_published), &failed);
	return dump(j, failed, out);
}

int item_fields_json(const struct agenda_item *it, struct buf *out)
{
	json_t *j = json_object();
	bool failed = !j;

	if (failed)
		return -1;
	set(j, "id", jid(it->id), &failed);
	set(j, "meeting_id", jid(it->meeting_id), &failed);
	set(j, "number", json_integer(it->number), &failed);
	set(j, "title", jstr(it->title), &failed);
	set(j, "case_number", jstr(it->case_number), &failed);
	set(j, "kind", jcode(item_kind_code(it->kind)), &failed);
	set(j, "closed", json_boolean(it->closed), &failed);
	set(j, "psychiatry", json_boolean(it->psychiatry), &failed);
	set(j, "handler_person_id", jid(it->handler_person_id), &failed);
	set(j, "summary", jstr(it->summary), &failed);
	set(j, "presentation", jstr(it->presentation), &failed);
	set(j, "recommended_by", jstr(it->recommended_by), &failed);
	set(j, "resolutions", jstr(it->resolutions), &failed);
	set(j, "dissent", jstr(it->dissent), &failed);
	set(j, "guests", jstr(it->guests), &failed);
	set(j, "decision", jstr(it->decision), &failed);
	set(j, "outcome", jcode(item_outcome_code(it->outcome)), &failed);
	return dump(j, failed, out);
}
