/*
 * fuzz_structure.c - libFuzzer target for structure files
 * (structure_from_json / structure_to_json, src/store/structure_json.c).
 *
 * Any input must either be refused with an error or parse; what parses
 * must print, and the printed (canonical) form must parse again and
 * print to the same bytes. Seeds: tests/fuzz/corpus/structure/.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void die(const char *what, const struct err *err)
{
	fprintf(stderr, "fuzz_structure: %s: [%s] %s\n", what, err->code, err->msg);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct structure s1, s2;
	struct buf p1 = BUF_INIT, p2 = BUF_INIT;
	struct err err = { 0 };

	arena_init(&a);
	if (structure_from_json(&a, (const char *)data, size, &s1, &err) != 0) {
		if (err.kind != ERR_INVALID || !err.msg[0])
			die("parse error without a message", &err);
		goto out;
	}
	if (structure_to_json(&s1, &p1, &err) != 0)
		die("print of a parsed structure", &err);
	if (structure_from_json(&a, p1.data, p1.len, &s2, &err) != 0)
		die("re-parse of printed structure", &err);
	if (structure_to_json(&s2, &p2, &err) != 0)
		die("print of re-parsed structure", &err);
	if (p1.len != p2.len || memcmp(p1.data, p2.data, p1.len) != 0) {
		fprintf(stderr, "fuzz_structure: not canonical\n--- first\n%s--- second\n%s",
			buf_str(&p1), buf_str(&p2));
		abort();
	}
out:
	buf_free(&p1);
	buf_free(&p2);
	arena_free(&a);
	return 0;
}
