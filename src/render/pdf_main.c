/*
 * pdf_main.c - klynge-pdf: reads a meeting document (JSON, pdf.c
 * describes it) on stdin and writes its PDF on stdout. Exit 0 on
 * success; 1 with a Danish message on stderr otherwise.
 *
 * The server (pdf_client.c) runs this as a child process: poppler is GPL
 * and parses untrusted attachments, so it never runs inside the server.
 * The parent sets resource limits on this process (prlimit); we set the
 * same limits here too, first thing, so a klynge-pdf started by hand or
 * by another caller is bounded as well.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <fontconfig/fontconfig.h>
#include <jansson.h>
#include <pango/pangocairo.h>

#include "pdf_build.h"

#ifndef __has_feature
#define __has_feature(x) 0
#endif
#if defined(__SANITIZE_ADDRESS__) || __has_feature(address_sanitizer)
#define KLYNGE_PDF_ASAN 1
#else
#define KLYNGE_PDF_ASAN 0
#endif

/* The largest input accepted: the meeting with its attachments in
 * base64. The server's upload limits keep real documents far below. */
#define PDF_MAX_INPUT ((size_t)1 << 30)

static void limit(int res, rlim_t v)
{
	struct rlimit rl;
	if (getrlimit(res, &rl) == 0 && (rl.rlim_max == RLIM_INFINITY ||
					 rl.rlim_max > v)) {
		rl.rlim_cur = v;
		rl.rlim_max = v;
		setrlimit(res, &rl);
	}
}

static char *read_all(int fd, size_t *len)
{
	size_t cap = 1 << 16, n = 0;
	char *p = malloc(cap);
	if (!p)
		return NULL;
	for (;;) {
		if (n == cap) {
			if (cap >= PDF_MAX_INPUT) {
				free(p);
				errno = EFBIG;
				return NULL;
			}
			char *q = realloc(p, cap * 2);
			if (!q) {
				free(p);
				return NULL;
			}
			p = q;
			cap *= 2;
		}
		ssize_t r = read(fd, p + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(p);
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	*len = n;
	return p;
}

int main(int argc, char **argv)
{
	(void)argv;
	if (argc > 1) {
		fputs("brug: klynge-pdf < møde.json > dokument.pdf\n", stderr);
		return 2;
	}
	limit(RLIMIT_CPU, 60);
	limit(RLIMIT_FSIZE, (rlim_t)512 << 20);
	if (!KLYNGE_PDF_ASAN)	/* ASan reserves terabytes of address space */
		limit(RLIMIT_AS, (rlim_t)2 << 30);

	size_t len = 0;
	char *data = read_all(0, &len);
	if (!data) {
		fprintf(stderr, "klynge-pdf: kunne ikke læse input: %s\n",
			strerror(errno));
		return 1;
	}
	json_error_t jerr;
	json_t *in = json_loadb(data, len, 0, &jerr);
	free(data);
	if (!in) {
		fprintf(stderr, "klynge-pdf: ugyldigt input (linje %d): %s\n",
			jerr.line, jerr.text);
		return 1;
	}
	char msg[512] = "";
	int rc = pdf_build(in, 1, msg, sizeof(msg));
	json_decref(in);
	/* Under ASan (the sanitized tests), let go of the font caches so
	 * LeakSanitizer sees a clean exit. Not in normal builds: nothing is
	 * gained at exit, and cairo_debug_reset_static_data would assert on
	 * fonts poppler still holds, so it is not called at all. */
	if (KLYNGE_PDF_ASAN) {
		pango_cairo_font_map_set_default(NULL);
		FcFini();
	}
	if (rc != 0) {
		fprintf(stderr, "klynge-pdf: %s\n", msg);
		return 1;
	}
	return 0;
}
