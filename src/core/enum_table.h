/*
 * enum_table.h - private to src/core: defines the MODEL_ENUM_DECL
 * functions (model.h) from a table of { code, Danish label }, indexed by
 * the enum value (entry 0 is the "none" value). Included by model.c and
 * meeting.c; not part of any public interface.
 */
#ifndef KLYNGE_ENUM_TABLE_H
#define KLYNGE_ENUM_TABLE_H

#include <stdbool.h>
#include <string.h>

struct enum_entry {
	const char *code;
	const char *label;
};

#define MODEL_ENUM_DEF(name, type, table)                                  \
	int name##_count(void)                                             \
	{                                                                  \
		return (int)(sizeof(table) / sizeof(table[0]));            \
	}                                                                  \
	const char *name##_code(type v)                                    \
	{                                                                  \
		if ((int)v < 0 || (int)v >= name##_count())                \
			return "";                                         \
		return table[v].code;                                      \
	}                                                                  \
	const char *name##_label(type v)                                   \
	{                                                                  \
		if ((int)v < 0 || (int)v >= name##_count())                \
			return "";                                         \
		return table[v].label;                                     \
	}                                                                  \
	type name##_from_code(const char *code, bool *ok)                  \
	{                                                                  \
		if (ok)                                                    \
			*ok = true;                                        \
		if (!code || !*code)                                       \
			return (type)0;                                    \
		for (int i = 1; i < name##_count(); i++)                   \
			if (strcmp(table[i].code, code) == 0)              \
				return (type)i;                            \
		if (ok)                                                    \
			*ok = false;                                       \
		return (type)0;                                            \
	}

#endif
