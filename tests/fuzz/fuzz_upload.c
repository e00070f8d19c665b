/*
 * fuzz_upload.c - libFuzzer target for the upload path (web/upload.c):
 * the multipart/form-data parser, then for every file part the filename
 * cleaning and the type sniffing, as POST /items/:id/attachments does.
 *
 * Input: the Content-Type header value up to the first '\n', then the
 * body. Besides "does not crash", it checks what the handlers rely on:
 * fields are NUL-free valid UTF-8; a cleaned filename is non-empty,
 * at most UPLOAD_FILENAME_MAX bytes, valid UTF-8, without '/', '\' or
 * control characters, and cleaning it again changes nothing; a sniffed
 * type is one of the allowed ones, and a PDF starts with "%PDF-".
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "web/upload.h"

static void check_name(struct arena *a, const char *n)
{
	size_t len = strlen(n);
	if (len == 0 || len > UPLOAD_FILENAME_MAX || !web_utf8_valid(n, len))
		abort();
	for (const unsigned char *p = (const unsigned char *)n; *p; p++)
		if (*p < 0x20 || *p == 0x7f || *p == '/' || *p == '\\')
			abort();
	if (strcmp(upload_filename_clean(a, n), n) != 0)
		abort();
}

static void check_type(const char *t, const struct web_file *f)
{
	static const char *const allowed[] = {
		"application/pdf", "image/png", "image/jpeg", "image/gif",
		"text/plain; charset=utf-8", "text/csv; charset=utf-8",
		"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
		"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		"application/vnd.openxmlformats-officedocument.presentationml.presentation",
		"application/vnd.oasis.opendocument.text",
		"application/vnd.oasis.opendocument.spreadsheet",
	};
	if (!t)
		return;
	bool ok = false;
	for (size_t i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++)
		ok = ok || strcmp(t, allowed[i]) == 0;
	if (!ok || f->len == 0)
		abort();
	if (strcmp(t, "application/pdf") == 0 &&
	    (f->len < 5 || memcmp(f->data, "%PDF-", 5) != 0))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *nl = memchr(data, '\n', size);
	if (!nl)
		return 0;
	struct arena a;
	arena_init(&a);
	char *ct = arena_strndup(&a, (const char *)data, (size_t)(nl - (const char *)data));
	const char *body = nl + 1;
	size_t blen = size - (size_t)(body - (const char *)data);
	struct kv *fields = NULL;
	struct web_file *files = NULL;
	size_t nf = 0, nfiles = 0;
	if (upload_multipart_parse(&a, ct, body, blen, &fields, &nf, &files,
				   &nfiles) == 0) {
		for (size_t i = 0; i < nf; i++)
			if (!web_utf8_valid(fields[i].key, strlen(fields[i].key)) ||
			    !web_utf8_valid(fields[i].value, strlen(fields[i].value)))
				abort();
		for (size_t i = 0; i < nfiles; i++) {
			const struct web_file *f = &files[i];
			if (!f->field || !f->filename || !f->content_type ||
			    (f->len && !f->data) || f->len > blen)
				abort();
			const char *name = upload_filename_clean(&a, f->filename);
			check_name(&a, name);
			check_type(upload_sniff(name, f->data, f->len), f);
		}
	} else if (fields || files || nf || nfiles) {
		abort();	/* failure must leave no half result */
	}
	/* The pieces on their own, over the raw input too. */
	check_name(&a, upload_filename_clean(&a, ct));
	(void)upload_sniff(ct, body, blen);
	arena_free(&a);
	return 0;
}
