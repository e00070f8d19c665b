/*
 * embed.h - files embedded at build time by scripts/embed.py
 * (migrations, CSS, fonts...). Arrays end with an entry whose name is NULL.
 */
#ifndef KLYNGE_EMBED_H
#define KLYNGE_EMBED_H

#include <stddef.h>

struct embedded_file {
	const char *name;	/* basename, e.g. "0001_structure.sql" */
	const char *data;	/* NUL-terminated */
	size_t len;
};

/* Finds a file by name in a NULL-terminated table, or NULL. */
const struct embedded_file *embed_find(const struct embedded_file *table,
				       const char *name);

#endif
