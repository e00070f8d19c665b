/*
 * form.c - application/x-www-form-urlencoded parsing and UTF-8 checks;
 * see web.h. This parses untrusted input and is fuzzed
 * (tests/fuzz/fuzz_form.c).
 *
 * The grammar is the WHATWG one, made strict: pairs separated by '&',
 * key and value by the first '='; '+' is a space; "%XX" is a byte and
 * must have two hex digits. A decoded NUL or invalid UTF-8 rejects the
 * whole input, because the rest of klynge works on NUL-terminated
 * UTF-8 strings and must never see a truncated or mis-encoded value.
 */
#include "web.h"
#include "util/num.h"

#include <string.h>

/* Bounds: a form larger than the server's body limit, or with more
 * fields than any klynge form has, is refused rather than parsed. */
#define FORM_MAX_LEN (1024 * 1024 + 1)
#define FORM_MAX_FIELDS 4096

bool web_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	const unsigned char *end = p + len;
	while (p < end) {
		unsigned char c = *p;
		if (c < 0x80) {
			if (c == 0)
				return false;
			p++;
			continue;
		}
		size_t n;
		unsigned cp, min;
		if (c >= 0xC2 && c <= 0xDF) {
			n = 1; cp = c & 0x1F; min = 0x80;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2; cp = c & 0x0F; min = 0x800;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3; cp = c & 0x07; min = 0x10000;
		} else {
			return false;	/* continuation byte, C0/C1, F5.. */
		}
		if ((size_t)(end - p) <= n)
			return false;
		for (size_t i = 1; i <= n; i++) {
			if ((p[i] & 0xC0) != 0x80)
				return false;
			cp = (cp << 6) | (p[i] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return false;
		p += n + 1;
	}
	return true;
}

/* Decodes s[0..len) into a new arena string; NULL when malformed. */
static char *decode(struct arena *a, const char *s, size_t len)
{
	char *out = arena_alloc(a, len + 1);
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '+') {
			c = ' ';
		} else if (c == '%') {
			if (len - i < 3)
				return NULL;
			int hi = num_hexval(s[i + 1]), lo = num_hexval(s[i + 2]);
			if (hi < 0 || lo < 0)
				return NULL;
			c = (char)(hi << 4 | lo);
			i += 2;
		}
		if (c == '\0')
			return NULL;
		out[o++] = c;
	}
	out[o] = '\0';
	if (!web_utf8_valid(out, o))
		return NULL;
	return out;
}

int form_parse(struct arena *a, const char *s, size_t len, struct kv **out,
	       size_t *n_out)
{
	*out = NULL;
	*n_out = 0;
	if (!s || len == 0)
		return 0;
	if (len > FORM_MAX_LEN || memchr(s, '\0', len))
		return -1;

	/* Count pairs first, so the array is allocated once. */
	size_t cap = 1;
	for (size_t i = 0; i < len; i++)
		if (s[i] == '&')
			cap++;
	if (cap > FORM_MAX_FIELDS)
		return -1;
	struct kv *kv = arena_array(a, cap, sizeof(*kv));
	size_t n = 0;

	size_t i = 0;
	while (i <= len) {
		const char *seg = s + i;
		const char *amp = memchr(seg, '&', len - i);
		size_t seglen = amp ? (size_t)(amp - seg) : len - i;
		if (seglen > 0) {
			const char *eq = memchr(seg, '=', seglen);
			size_t klen = eq ? (size_t)(eq - seg) : seglen;
			char *k = decode(a, seg, klen);
			char *v = eq ? decode(a, eq + 1, seglen - klen - 1)
				     : arena_strdup(a, "");
			if (!k || !v)
				return -1;
			kv[n].key = k;
			kv[n].value = v;
			n++;
		}
		if (!amp)
			break;
		i += seglen + 1;
	}
	*out = kv;
	*n_out = n;
	return 0;
}
