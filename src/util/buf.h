/*
 * buf.h - growable byte buffer (heap-owned). Use instead of sprintf/strcat.
 */
#ifndef KLYNGE_BUF_H
#define KLYNGE_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *data;	/* always NUL-terminated once anything was added */
	size_t len;
	size_t cap;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_free(struct buf *b);
void buf_reset(struct buf *b);	/* len = 0, keeps memory */
void buf_put(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/* Returns the string (never NULL) and leaves b empty; caller frees. */
char *buf_detach(struct buf *b);
/* Returns data or "" when empty. */
const char *buf_str(const struct buf *b);

#endif
