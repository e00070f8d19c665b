/*
 * arena.h - bump allocator owned by a request, a command or a test.
 *
 * Everything allocated from an arena is freed at once by arena_free().
 * Allocation never fails silently: on out-of-memory the process aborts,
 * because a half-built response is worse than a restart.
 */
#ifndef KLYNGE_ARENA_H
#define KLYNGE_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t block_size;	/* default size of new blocks */
};

void arena_init(struct arena *a);
void arena_free(struct arena *a);

/* Zeroed, 16-byte aligned memory living as long as the arena. */
void *arena_alloc(struct arena *a, size_t size);
/* n elements of size each, overflow-checked. */
void *arena_array(struct arena *a, size_t n, size_t size);
/* Grow an array allocated in the arena (old contents copied). */
void *arena_grow(struct arena *a, void *old, size_t old_n, size_t new_n, size_t size);

char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* printf into arena memory. */
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
