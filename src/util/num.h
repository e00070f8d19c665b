/*
 * num.h - parsing small numbers from untrusted text (ids in URLs, form
 * fields, command-line options).
 */
#ifndef KLYNGE_NUM_H
#define KLYNGE_NUM_H

#include <stdint.h>

/* A positive decimal int64 written canonically ("1", "42"; no sign, no
 * leading zero, no spaces), or 0 when s is NULL, not one, or too big. */
int64_t num_positive(const char *s);

/* The value of a hex digit (0-15), or -1. */
int num_hexval(char c);

#endif
