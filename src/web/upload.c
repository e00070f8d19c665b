/*
 * upload.c - multipart/form-data parsing, type sniffing and filename
 * cleaning for uploads; see upload.h. Parses untrusted input and is
 * fuzzed (tests/fuzz/fuzz_upload.c).
 *
 * The parser is strict where browsers are consistent (CRLF line ends,
 * one Content-Disposition: form-data per part, a closing delimiter) so
 * that there is exactly one reading of a body: a part that could be
 * read two ways is a reason to refuse the whole request.
 */
#include "upload.h"

#include <string.h>
#include <strings.h>

#define MP_MAX_PARTS 4096
#define MP_MAX_HEADERS (8 * 1024)
#define MP_BOUNDARY_MAX 70

/* ---- Content-Type / Content-Disposition parameters --------------------- */

/*
 * Finds parameter `name` in a header value "type; a=b; c="d"" (after
 * the first ';'): its value unquoted (backslash escapes) into the
 * arena, or NULL when absent or malformed. *bad is set on malformed
 * syntax.
 */
static const char *header_param(struct arena *a, const char *v, size_t vlen,
				const char *name, bool *bad)
{
	const char *p = memchr(v, ';', vlen);
	const char *end = v + vlen;
	size_t nlen = strlen(name);
	const char *found = NULL;
	while (p && p < end) {
		p++;	/* past ';' */
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		const char *k = p;
		while (p < end && *p != '=' && *p != ';')
			p++;
		size_t klen = (size_t)(p - k);
		while (klen && (k[klen - 1] == ' ' || k[klen - 1] == '\t'))
			klen--;
		if (p >= end || *p != '=') {
			/* a bare token ("; foo"): allowed, ignored */
			if (p < end && *p == ';')
				continue;
			break;
		}
		p++;	/* past '=' */
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		struct buf val = BUF_INIT;
		if (p < end && *p == '"') {
			p++;
			bool closed = false;
			while (p < end) {
				if (*p == '\\' && p + 1 < end) {
					buf_putc(&val, p[1]);
					p += 2;
					continue;
				}
				if (*p == '"') {
					closed = true;
					p++;
					break;
				}
				buf_putc(&val, *p++);
			}
			if (!closed) {
				*bad = true;
				buf_free(&val);
				return NULL;
			}
			while (p < end && (*p == ' ' || *p == '\t'))
				p++;
			if (p < end && *p != ';') {
				*bad = true;
				buf_free(&val);
				return NULL;
			}
		} else {
			const char *s = p;
			while (p < end && *p != ';')
				p++;
			size_t n = (size_t)(p - s);
			while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
				n--;
			buf_put(&val, s, n);
		}
		if (!found && klen == nlen && strncasecmp(k, name, nlen) == 0)
			found = arena_strndup(a, val.data ? val.data : "", val.len);
		buf_free(&val);
		if (p < end && *p != ';')
			break;
	}
	return found;
}

/* Is the header value's first token (before ';') equal to type? */
static bool header_type_is(const char *v, size_t vlen, const char *type)
{
	size_t n = 0;
	while (n < vlen && v[n] != ';')
		n++;
	while (n && (v[n - 1] == ' ' || v[n - 1] == '\t'))
		n--;
	size_t i = 0;
	while (i < n && (v[i] == ' ' || v[i] == '\t'))
		i++;
	return n - i == strlen(type) && strncasecmp(v + i, type, n - i) == 0;
}

/* ---- the parser ------------------------------------------------------- */

struct mp_out {
	struct arena *a;
	struct kv *fields;
	size_t n_fields, cap_fields;
	struct web_file *files;
	size_t n_files, cap_files;
};

/* One part's header block [h, h + hlen) (lines without the final empty
 * one) and its data. Returns 0 or -1. */
static int mp_part(struct mp_out *o, const char *h, size_t hlen,
		   const char *data, size_t dlen)
{
	struct arena *a = o->a;
	if (memchr(h, '\0', hlen))
		return -1;
	const char *name = NULL, *filename = NULL, *ctype = "";
	bool have_cd = false, has_filename = false;
	const char *p = h, *end = h + hlen;
	while (p < end) {
		const char *eol = memmem(p, (size_t)(end - p), "\r\n", 2);
		if (!eol)
			eol = end;
		const char *colon = memchr(p, ':', (size_t)(eol - p));
		if (!colon || colon == p)
			return -1;
		size_t klen = (size_t)(colon - p);
		const char *v = colon + 1;
		while (v < eol && (*v == ' ' || *v == '\t'))
			v++;
		size_t vlen = (size_t)(eol - v);
		if (klen == 19 && strncasecmp(p, "Content-Disposition", 19) == 0) {
			if (have_cd || !header_type_is(v, vlen, "form-data"))
				return -1;
			have_cd = true;
			bool bad = false;
			name = header_param(a, v, vlen, "name", &bad);
			filename = header_param(a, v, vlen, "filename", &bad);
			if (bad)
				return -1;
			has_filename = filename != NULL;
		} else if (klen == 12 && strncasecmp(p, "Content-Type", 12) == 0) {
			ctype = arena_strndup(a, v, vlen);
		}
		p = eol + 2;
	}
	if (!have_cd || !name || !web_utf8_valid(name, strlen(name)))
		return -1;
	if (has_filename) {
		if (o->n_files == o->cap_files) {
			size_t cap = o->cap_files ? o->cap_files * 2 : 4;
			o->files = arena_grow(a, o->files, o->n_files, cap,
					      sizeof(*o->files));
			o->cap_files = cap;
		}
		o->files[o->n_files++] = (struct web_file){
			.field = name,
			.filename = filename,
			.content_type = ctype,
			.data = arena_strndup(a, data, dlen),
			.len = dlen,
		};
		return 0;
	}
	if (!web_utf8_valid(data, dlen))
		return -1;
	if (o->n_fields == o->cap_fields) {
		size_t cap = o->cap_fields ? o->cap_fields * 2 : 8;
		o->fields = arena_grow(a, o->fields, o->n_fields, cap,
				       sizeof(*o->fields));
		o->cap_fields = cap;
	}
	o->fields[o->n_fields++] = (struct kv){ name, arena_strndup(a, data, dlen) };
	return 0;
}

int upload_multipart_parse(struct arena *a, const char *content_type,
			   const char *body, size_t len, struct kv **fields,
			   size_t *n_fields, struct web_file **files,
			   size_t *n_files)
{
	*fields = NULL;
	*files = NULL;
	*n_fields = *n_files = 0;
	if (!content_type || !body)
		return -1;
	size_t ctlen = strlen(content_type);
	if (!header_type_is(content_type, ctlen, "multipart/form-data"))
		return -1;
	bool bad = false;
	const char *boundary = header_param(a, content_type, ctlen, "boundary", &bad);
	if (bad || !boundary)
		return -1;
	size_t blen = strlen(boundary);
	if (blen == 0 || blen > MP_BOUNDARY_MAX || strpbrk(boundary, "\r\n"))
		return -1;
	/* "\r\n--boundary": every delimiter but a first one at offset 0. */
	char *delim = arena_printf(a, "\r\n--%s", boundary);
	size_t dlen = blen + 4;

	const char *end = body + len;
	const char *p;
	if (len >= dlen - 2 && memcmp(body, delim + 2, dlen - 2) == 0) {
		p = body + dlen - 2;
	} else {
		const char *d = memmem(body, len, delim, dlen);
		if (!d)
			return -1;
		p = d + dlen;
	}
	struct mp_out o = { .a = a };
	size_t parts = 0;
	for (;;) {
		/* After a delimiter: "--" ends the body, else optional
		 * padding and CRLF begin a part. */
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			break;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return -1;
		p += 2;
		if (++parts > MP_MAX_PARTS)
			return -1;
		const char *hend;
		size_t hlen;
		if (end - p >= 2 && p[0] == '\r' && p[1] == '\n') {
			hend = p;	/* no headers at all */
			hlen = 0;
		} else {
			size_t avail = (size_t)(end - p);
			if (avail > MP_MAX_HEADERS + 4)
				avail = MP_MAX_HEADERS + 4;
			hend = memmem(p, avail, "\r\n\r\n", 4);
			if (!hend)
				return -1;
			hlen = (size_t)(hend - p);
			hend += 2;	/* at the empty line's CRLF */
		}
		const char *data = hend + 2;
		/* The part ends at the next delimiter; its CRLF belongs to
		 * the delimiter (an empty part: it starts right at data). */
		if (data > end)
			return -1;
		const char *next = memmem(data, (size_t)(end - data), delim, dlen);
		if (!next)
			return -1;
		size_t datalen = (size_t)(next - data);
		if (mp_part(&o, p, hlen, data, datalen) != 0)
			return -1;
		p = next + dlen;
	}
	*fields = o.fields;
	*n_fields = o.n_fields;
	*files = o.files;
	*n_files = o.n_files;
	return 0;
}

/* ---- sniffing ------------------------------------------------------- */

/* The extension of a filename, lower-cased ASCII, without the dot
 * (into out, at most outsz-1 bytes); "" when none. */
static void extension(const char *name, char *out, size_t outsz)
{
	out[0] = '\0';
	const char *dot = name ? strrchr(name, '.') : NULL;
	if (!dot || strlen(dot + 1) >= outsz)
		return;
	size_t i = 0;
	for (const char *p = dot + 1; *p; p++) {
		char c = *p;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		out[i++] = c;
	}
	out[i] = '\0';
}

/* Plain text: UTF-8 (an optional BOM), no control characters but tab,
 * line feed, carriage return and form feed. */
static bool plain_text(const unsigned char *d, size_t len)
{
	if (!web_utf8_valid((const char *)d, len))
		return false;
	for (size_t i = 0; i < len; i++)
		if ((d[i] < 0x20 && d[i] != '\t' && d[i] != '\n' &&
		     d[i] != '\r' && d[i] != '\f') || d[i] == 0x7f)
			return false;
	return true;
}

const char *upload_sniff(const char *filename, const void *data, size_t len)
{
	const unsigned char *d = data;
	if (!d || len == 0)
		return NULL;
	if (len >= 5 && memcmp(d, "%PDF-", 5) == 0)
		return "application/pdf";
	if (len >= 8 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "image/png";
	if (len >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF)
		return "image/jpeg";
	if (len >= 6 && (memcmp(d, "GIF87a", 6) == 0 || memcmp(d, "GIF89a", 6) == 0))
		return "image/gif";
	char ext[8];
	extension(filename, ext, sizeof(ext));
	if (len >= 4 && memcmp(d, "PK\x03\x04", 4) == 0) {
		static const char *const office[][2] = {
			{ "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
			{ "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
			{ "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
			{ "odt", "application/vnd.oasis.opendocument.text" },
			{ "ods", "application/vnd.oasis.opendocument.spreadsheet" },
		};
		for (size_t i = 0; i < sizeof(office) / sizeof(office[0]); i++)
			if (strcmp(ext, office[i][0]) == 0)
				return office[i][1];
		return NULL;
	}
	if (strcmp(ext, "txt") == 0 && plain_text(d, len))
		return "text/plain; charset=utf-8";
	if (strcmp(ext, "csv") == 0 && plain_text(d, len))
		return "text/csv; charset=utf-8";
	return NULL;
}

/* ---- filenames ------------------------------------------------------ */

/* Length of the valid UTF-8 sequence at p (at most n bytes), 0 if none. */
static size_t utf8_seq(const unsigned char *p, size_t n)
{
	size_t k;
	if (p[0] < 0x80)
		k = 1;
	else if (p[0] >= 0xC2 && p[0] <= 0xDF)
		k = 2;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		k = 3;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		k = 4;
	else
		return 0;
	if (k > n || !web_utf8_valid((const char *)p, k))
		return 0;
	return k;
}

/* Characters a filename must not carry: C0/C1 controls, DEL, and the
 * bidirectional controls that make "gpj.exe" read as "exe.jpg". */
static bool unwanted(const unsigned char *p, size_t k)
{
	if (k == 1)
		return p[0] < 0x20 || p[0] == 0x7f;
	if (k == 2)
		return p[0] == 0xC2 && p[1] < 0xA0;
	if (k == 3 && p[0] == 0xE2 && p[1] == 0x80)
		return (p[2] >= 0x8E && p[2] <= 0x8F) ||	/* LRM RLM */
		       (p[2] >= 0xAA && p[2] <= 0xAE);		/* LRE..RLO */
	if (k == 3 && p[0] == 0xE2 && p[1] == 0x81)
		return p[2] >= 0xA6 && p[2] <= 0xA9;		/* LRI..PDI */
	return false;
}

/* The largest n' <= n at a character boundary of s. */
static size_t utf8_cut(const char *s, size_t n)
{
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

const char *upload_filename_clean(struct arena *a, const char *name)
{
	if (!name)
		name = "";
	const char *base = name;
	for (const char *p = name; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	size_t n = strlen(base);
	char *out = arena_alloc(a, n + 1);
	size_t w = 0;
	const unsigned char *p = (const unsigned char *)base;
	const unsigned char *end = p + n;
	while (p < end) {
		size_t k = utf8_seq(p, (size_t)(end - p));
		if (k == 0) {
			p++;
			continue;
		}
		if (!unwanted(p, k)) {
			memcpy(out + w, p, k);
			w += k;
		}
		p += k;
	}
	out[w] = '\0';
	/* Trim spaces and dots at both ends (hidden files, Windows). */
	size_t s = 0;
	while (s < w && (out[s] == ' ' || out[s] == '.'))
		s++;
	while (w > s && (out[w - 1] == ' ' || out[w - 1] == '.'))
		w--;
	out[w] = '\0';
	char *r = out + s;
	size_t rl = w - s;
	if (rl > UPLOAD_FILENAME_MAX) {
		const char *dot = strrchr(r, '.');
		size_t el = dot ? strlen(dot) : 0;
		if (el > 16)
			el = 0;
		size_t keep = utf8_cut(r, UPLOAD_FILENAME_MAX - el);
		if (el)
			memmove(r + keep, r + rl - el, el);
		r[keep + el] = '\0';
		rl = keep + el;
		/* The cut may end in spaces or dots: trimmed as above, so
		 * that cleaning a clean name changes nothing. */
		while (rl > 0 && (r[rl - 1] == ' ' || r[rl - 1] == '.'))
			r[--rl] = '\0';
	}
	if (rl == 0)
		return "bilag";
	return r;
}
