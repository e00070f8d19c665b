/*
 * err.h - error detail passed in by the caller.
 *
 * Functions return 0 or a negative code and, when given a non-NULL
 * struct err, fill in a machine code ("not_found") and a Danish message
 * that can be shown to a user as it is.
 */
#ifndef KLYNGE_ERR_H
#define KLYNGE_ERR_H

enum err_kind {
	ERR_OK = 0,
	ERR_INVALID = -1,	/* bad input: 400/422 */
	ERR_NOT_FOUND = -2,	/* 404 */
	ERR_CONFLICT = -3,	/* 409: unique key, still referenced, stale */
	ERR_INTERNAL = -4,	/* 500: storage failure and the like */
};

struct err {
	enum err_kind kind;
	char code[48];		/* machine code, e.g. "not_found" */
	char msg[512];		/* Danish, shown to users */
};

void err_set(struct err *e, enum err_kind kind, const char *code,
	     const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void err_clear(struct err *e);

#endif
