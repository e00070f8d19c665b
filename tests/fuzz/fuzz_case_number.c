/*
 * fuzz_case_number.c - libFuzzer target for meeting_case_number_parse
 * (core/meeting.c), which reads case numbers typed into forms and sent
 * to the API.
 *
 * Besides "does not crash" (ASan watches the output buffer, exactly the
 * minimum of 65 bytes), it checks what pages, PDFs and the store rely
 * on: an accepted number is at most 64 bytes of [0-9A-Z/.- ], has a
 * digit unless empty, parses again to itself (normalising is
 * idempotent), and a refusal always says why.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/meeting.h"

static void check(int cond)
{
	if (!cond)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The parser takes a C string: the input up to its first NUL. */
	char *in = malloc(size + 1);
	if (!in)
		return 0;
	memcpy(in, data, size);
	in[size] = '\0';

	char *out = malloc(65);
	const char *why = NULL;
	if (meeting_case_number_parse(in, out, 65, &why) == 0) {
		size_t len = strlen(out);
		check(why == NULL);
		check(len <= 64);
		int digit = 0;
		for (size_t i = 0; i < len; i++) {
			char c = out[i];
			check((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
			      c == '/' || c == '-' || c == '.' || c == ' ');
			digit |= c >= '0' && c <= '9';
		}
		check(len == 0 || digit);
		char again[65];
		const char *why2 = NULL;
		check(meeting_case_number_parse(out, again, sizeof(again),
						&why2) == 0);
		check(strcmp(again, out) == 0);
	} else {
		check(why != NULL && *why);
	}
	free(out);
	free(in);
	return 0;
}
