/*
 * date.h - calendar dates as int YYYYMMDD (20220919); 0 means "none".
 *
 * Dates in the structure are civil dates in Europe/Copenhagen; no time
 * zone arithmetic is needed for them (meeting times come later).
 */
#ifndef KLYNGE_DATE_H
#define KLYNGE_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Parses exactly "YYYY-MM-DD" and checks the day exists. 0 on success. */
int date_parse(const char *s, int *out);
/* Writes "YYYY-MM-DD" (or "" for 0) into out (at least 11 bytes). */
void date_format(int date, char *out, size_t outsz);
/* Danish long form "19. september 2022" (at least 32 bytes). */
void date_format_da(int date, char *out, size_t outsz);
bool date_valid(int date);
int date_year(int date);
/* Today in Europe/Copenhagen (uses the TZ database; KLYNGE_TODAY
 * overrides it for tests). */
int date_today(void);

/*
 * Points in time (the store's created/modified): RFC 3339
 * "YYYY-MM-DDTHH:MM:SS", an optional fraction, and a zone "Z" or
 * "+HH:MM"/"-HH:MM". datetime_parse gives seconds since 1970-01-01 UTC,
 * the fraction dropped (so "since" filters err on the side of more).
 * 0 on success; -1 (and *out untouched) when s is not such a text.
 */
int datetime_parse(const char *s, int64_t *out);
/* Writes t as "YYYY-MM-DDTHH:MM:SS+00:00", OParl's form of a date-time
 * (at least 26 bytes; truncated, never overrun, when shorter). */
void datetime_format(int64_t t, char *out, size_t outsz);

#endif
