/*
 * embed.c - see embed.h.
 */
#include "embed.h"

#include <string.h>

const struct embedded_file *embed_find(const struct embedded_file *table,
				       const char *name)
{
	for (; table && table->name; table++)
		if (strcmp(table->name, name) == 0)
			return table;
	return NULL;
}
