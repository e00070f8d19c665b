/*
 * fuzz_form.c - libFuzzer target for form_parse (web/form.c), the parser
 * of every urlencoded POST body.
 *
 * Besides "does not crash", it checks what the rest of klynge relies on:
 * a successful parse yields NUL-free valid UTF-8 keys and values, and
 * re-encoding the pairs and parsing again gives the same pairs.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/buf.h"
#include "web/web.h"

static void encode(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			buf_putc(b, (char)*p);
		else if (*p == ' ')
			buf_putc(b, '+');
		else {
			char e[3] = { '%', hex[*p >> 4], hex[*p & 15] };
			buf_put(b, e, 3);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	arena_init(&a);
	struct kv *kv = NULL;
	size_t n = 0;
	if (form_parse(&a, (const char *)data, size, &kv, &n) == 0) {
		struct buf again = BUF_INIT;
		for (size_t i = 0; i < n; i++) {
			if (!kv[i].key || !kv[i].value)
				abort();
			if (!web_utf8_valid(kv[i].key, strlen(kv[i].key)) ||
			    !web_utf8_valid(kv[i].value, strlen(kv[i].value)))
				abort();
			if (i)
				buf_putc(&again, '&');
			encode(&again, kv[i].key);
			buf_putc(&again, '=');
			encode(&again, kv[i].value);
		}
		struct kv *kv2 = NULL;
		size_t n2 = 0;
		if (form_parse(&a, buf_str(&again), again.len, &kv2, &n2) != 0)
			abort();
		/* Empty pairs ("&&") vanish, so compare only non-empty ones. */
		size_t j = 0;
		for (size_t i = 0; i < n; i++) {
			if (!kv[i].key[0] && !kv[i].value[0])
				continue;
			while (j < n2 && !kv2[j].key[0] && !kv2[j].value[0])
				j++;
			if (j >= n2 || strcmp(kv[i].key, kv2[j].key) ||
			    strcmp(kv[i].value, kv2[j].value))
				abort();
			j++;
		}
		buf_free(&again);
	} else if (kv || n) {
		abort();	/* failure must leave no half result */
	}
	arena_free(&a);
	return 0;
}
