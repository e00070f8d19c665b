/*
 * test_util.c - arena, buf and date (src/util).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/num.h"

/* ---- arena ---------------------------------------------------------- */

static void arena_alloc_zeroed_aligned(void **state)
{
	struct arena a;
	arena_init(&a);
	for (size_t n = 1; n < 200; n += 7) {
		unsigned char *p = arena_alloc(&a, n);
		assert_int_equal((uintptr_t)p % 16, 0);
		for (size_t i = 0; i < n; i++)
			assert_int_equal(p[i], 0);
		memset(p, 0xAB, n);	/* the next allocation is still zeroed */
	}
	arena_free(&a);
	assert_null(a.head);
	/* Freeing twice and freeing an empty arena are harmless. */
	arena_free(&a);
}

static void arena_big_allocations(void **state)
{
	struct arena a;
	arena_init(&a);
	char *small = arena_strdup(&a, "før");
	/* Larger than a block: its own block, the head stays usable. */
	size_t big = 1024 * 1024;
	unsigned char *p = arena_alloc(&a, big);
	assert_non_null(p);
	assert_int_equal(p[0], 0);
	assert_int_equal(p[big - 1], 0);
	memset(p, 1, big);
	char *after = arena_strdup(&a, "efter");
	assert_string_equal(small, "før");
	assert_string_equal(after, "efter");
	/* Many small allocations over several blocks. */
	for (int i = 0; i < 10000; i++)
		assert_non_null(arena_alloc(&a, 100));
	assert_string_equal(small, "før");
	arena_free(&a);
}

static void arena_strings(void **state)
{
	struct arena a;
	arena_init(&a);
	assert_null(arena_strdup(&a, NULL));
	assert_string_equal(arena_strdup(&a, ""), "");
	assert_string_equal(arena_strndup(&a, "Tønder Kommune", 7), "Tønder");
	assert_string_equal(arena_strndup(&a, "x", 0), "");
	assert_string_equal(arena_printf(&a, "%s har %d medlemmer", "SSU", 17),
			    "SSU har 17 medlemmer");
	assert_string_equal(arena_printf(&a, "%s", ""), "");
	/* Longer than any stack buffer a naive version would use. */
	char *long_s = malloc(5001);
	memset(long_s, 'x', 5000);
	long_s[5000] = '\0';
	char *p = arena_printf(&a, "<%s>", long_s);
	assert_int_equal(strlen(p), 5002);
	assert_int_equal(p[0], '<');
	assert_int_equal(p[5001], '>');
	free(long_s);
	arena_free(&a);
}

static void arena_arrays(void **state)
{
	struct arena a;
	arena_init(&a);
	int *v = arena_array(&a, 4, sizeof(int));
	for (int i = 0; i < 4; i++)
		v[i] = i + 1;
	int *w = arena_grow(&a, v, 4, 10, sizeof(int));
	for (int i = 0; i < 4; i++)
		assert_int_equal(w[i], i + 1);
	for (int i = 4; i < 10; i++)
		assert_int_equal(w[i], 0);
	/* Shrinking copies only what fits; growing from NULL works. */
	int *s = arena_grow(&a, w, 10, 2, sizeof(int));
	assert_int_equal(s[1], 2);
	int *n = arena_grow(&a, NULL, 0, 3, sizeof(int));
	assert_int_equal(n[2], 0);
	assert_non_null(arena_array(&a, 0, sizeof(int)));
	arena_free(&a);
}

/* ---- buf ------------------------------------------------------------ */

static void buf_basics(void **state)
{
	struct buf b = BUF_INIT;
	assert_string_equal(buf_str(&b), "");
	buf_puts(&b, "Sundheds");
	buf_puts(&b, NULL);
	buf_puts(&b, "klynge");
	buf_putc(&b, ' ');
	buf_printf(&b, "%d/%s", 22, "17744");
	buf_put(&b, "xyz", 2);
	assert_string_equal(buf_str(&b), "Sundhedsklynge 22/17744xy");
	assert_int_equal(b.len, strlen("Sundhedsklynge 22/17744xy"));
	buf_reset(&b);
	assert_string_equal(buf_str(&b), "");
	assert_int_equal(b.len, 0);
	buf_printf(&b, "%s", "");	/* empty printf adds nothing */
	assert_int_equal(b.len, 0);
	buf_puts(&b, "ø");
	assert_string_equal(buf_str(&b), "ø");
	buf_free(&b);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
}

static void buf_growth(void **state)
{
	struct buf b = BUF_INIT;
	for (int i = 0; i < 10000; i++)
		buf_printf(&b, "%04d,", i % 10000);
	assert_int_equal(b.len, 50000);
	assert_true(b.cap > b.len);
	assert_int_equal(b.data[b.len], '\0');
	assert_memory_equal(b.data + 5 * 9999, "9999,", 5);
	/* One big write. */
	char big[3000];
	memset(big, 'q', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	buf_reset(&b);
	buf_printf(&b, "[%s]", big);
	assert_int_equal(b.len, sizeof(big) + 1);
	buf_free(&b);
}

static void buf_detach_owns(void **state)
{
	struct buf b = BUF_INIT;
	char *empty = buf_detach(&b);
	assert_string_equal(empty, "");
	free(empty);
	buf_puts(&b, "referat");
	char *s = buf_detach(&b);
	assert_string_equal(s, "referat");
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
	free(s);
	/* Usable again after detach. */
	buf_puts(&b, "igen");
	assert_string_equal(buf_str(&b), "igen");
	buf_free(&b);
}

/* ---- dates ---------------------------------------------------------- */

static void date_parse_good(void **state)
{
	int d = 0;
	assert_int_equal(date_parse("2022-09-19", &d), 0);
	assert_int_equal(d, 20220919);
	assert_int_equal(date_parse("2022-01-01", &d), 0);
	assert_int_equal(d, 20220101);
	assert_int_equal(date_parse("2022-12-31", &d), 0);
	assert_int_equal(d, 20221231);
	assert_int_equal(date_parse("2027-01-01", &d), 0);
	assert_int_equal(d, 20270101);
}

/* Leap days: every 4th year, not every 100th, but every 400th. */
static void date_leap_days(void **state)
{
	int d = 0;
	assert_int_equal(date_parse("2024-02-29", &d), 0);
	assert_int_equal(d, 20240229);
	assert_int_equal(date_parse("2000-02-29", &d), 0);
	assert_int_equal(date_parse("2023-02-29", &d), -1);
	assert_int_equal(date_parse("1900-02-29", &d), -1);
	assert_int_equal(date_parse("2100-02-29", &d), -1);
	assert_int_equal(date_parse("2024-02-30", &d), -1);
	assert_int_equal(date_parse("2023-02-28", &d), 0);
	assert_true(date_valid(20280229));
	assert_false(date_valid(20270229));
}

static void date_parse_bad(void **state)
{
	int d = 4711;
	const char *bad[] = {
		"", "2022", "2022-9-19", "2022-09-1", "22-09-19",
		"2022/09/19", "2022-09-19 ", " 2022-09-19", "2022-09-19T10:00",
		"abcd-ef-gh", "2022-0a-19", "2022-13-01", "2022-00-10",
		"2022-04-31", "2022-06-31", "2022-01-32", "2022-01-00",
		"0000-01-01", "1899-12-31", "3000-01-01", "-022-01-01",
		"19.09.2022", "2022-09-+1",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (date_parse(bad[i], &d) != -1) {
			print_message("accepted «%s»\n", bad[i]);
			fail();
		}
	}
	assert_int_equal(date_parse(NULL, &d), -1);
	/* A failed parse leaves the output alone. */
	assert_int_equal(d, 4711);
}

static void date_valid_ints(void **state)
{
	assert_true(date_valid(20220919));
	assert_false(date_valid(0));
	assert_false(date_valid(20221301));
	assert_false(date_valid(20220431));
	assert_false(date_valid(20220100));
	assert_false(date_valid(-20220101));
	assert_false(date_valid(220919));
}

static void date_formats(void **state)
{
	char out[32];
	date_format(20220919, out, sizeof(out));
	assert_string_equal(out, "2022-09-19");
	date_format(20240229, out, sizeof(out));
	assert_string_equal(out, "2024-02-29");
	date_format(0, out, sizeof(out));
	assert_string_equal(out, "");
	date_format_da(20220919, out, sizeof(out));
	assert_string_equal(out, "19. september 2022");
	date_format_da(20220623, out, sizeof(out));
	assert_string_equal(out, "23. juni 2022");
	date_format_da(20240301, out, sizeof(out));
	assert_string_equal(out, "1. marts 2024");
	date_format_da(20230230, out, sizeof(out));
	assert_string_equal(out, "");
	/* Round trip. */
	int d;
	date_format(20221231, out, sizeof(out));
	assert_int_equal(date_parse(out, &d), 0);
	assert_int_equal(d, 20221231);
	/* A short buffer is truncated, never overrun. */
	char tiny[5];
	date_format(20220919, tiny, sizeof(tiny));
	assert_string_equal(tiny, "2022");
}

static void date_year_and_today(void **state)
{
	assert_int_equal(date_year(20220919), 2022);
	assert_int_equal(date_year(20291231), 2029);
	setenv("KLYNGE_TODAY", "2024-02-29", 1);
	assert_int_equal(date_today(), 20240229);
	/* A bad override is ignored: today is a real date. */
	setenv("KLYNGE_TODAY", "2023-02-29", 1);
	assert_true(date_valid(date_today()));
	unsetenv("KLYNGE_TODAY");
	int t = date_today();
	assert_true(date_valid(t));
	assert_true(date_year(t) >= 2024);
}

/* Points in time: RFC 3339 with a zone, as seconds since 1970 UTC. */
static void datetime_parse_and_format(void **state)
{
	int64_t t = 0;
	char out[32];
	assert_int_equal(datetime_parse("1970-01-01T00:00:00Z", &t), 0);
	assert_int_equal(t, 0);
	assert_int_equal(datetime_parse("2026-11-23T15:04:05Z", &t), 0);
	assert_int_equal(t, 1795446245);
	/* the same instant in other zones, with a fraction, lower case */
	int64_t u = 0;
	assert_int_equal(datetime_parse("2026-11-23T16:04:05+01:00", &u), 0);
	assert_int_equal(u, t);
	assert_int_equal(datetime_parse("2026-11-23T10:34:05.999-04:30", &u), 0);
	assert_int_equal(u, t);
	assert_int_equal(datetime_parse("2026-11-23t15:04:05z", &u), 0);
	assert_int_equal(u, t);
	assert_int_equal(datetime_parse("2024-02-29T23:59:59+00:00", &u), 0);
	assert_int_equal(datetime_parse("1969-12-31T23:59:59Z", &u), 0);
	assert_int_equal(u, -1);

	datetime_format(t, out, sizeof(out));
	assert_string_equal(out, "2026-11-23T15:04:05+00:00");
	datetime_format(-1, out, sizeof(out));
	assert_string_equal(out, "1969-12-31T23:59:59+00:00");
	datetime_format(951868799, out, sizeof(out));	/* a leap day */
	assert_string_equal(out, "2000-02-29T23:59:59+00:00");
	assert_int_equal(datetime_parse(out, &u), 0);
	assert_int_equal(u, 951868799);

	const char *bad[] = {
		"", "2026-11-23", "2026-11-23T15:04:05", "2026-11-23 15:04:05Z",
		"2026-11-23T15:04Z", "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
		"2026-11-23T24:00:00Z", "2026-11-23T15:60:00Z",
		"2026-11-23T15:04:05+1:00", "2026-11-23T15:04:05+01", "2026-11-23T15:04:05+24:00",
		"2026-11-23T15:04:05 01:00", "2026-11-23T15:04:05.Z",
		"2026-11-23T15:04:05Zx", "2026-11-23T15:04:05+01:00x",
		"0000-01-01T00:00:00Z", "abcd-11-23T15:04:05Z",
	};
	t = 4711;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (datetime_parse(bad[i], &t) != -1) {
			print_message("accepted «%s»\n", bad[i]);
			fail();
		}
	}
	assert_int_equal(datetime_parse(NULL, &t), -1);
	assert_int_equal(t, 4711);
}

/* Ids in URLs, revisions in forms and CLI counts: canonical positive
 * decimals only, 0 for anything else, never an overflow. */
static void num_positive_edges(void **state)
{
	(void)state;
	assert_int_equal(num_positive("1"), 1);
	assert_int_equal(num_positive("42"), 42);
	assert_true(num_positive("9223372036854775807") == INT64_MAX);
	assert_int_equal(num_positive("9223372036854775808"), 0);
	assert_int_equal(num_positive("99999999999999999999"), 0);
	assert_int_equal(num_positive(NULL), 0);
	assert_int_equal(num_positive(""), 0);
	assert_int_equal(num_positive("0"), 0);
	assert_int_equal(num_positive("01"), 0);
	assert_int_equal(num_positive("-1"), 0);
	assert_int_equal(num_positive("+1"), 0);
	assert_int_equal(num_positive(" 1"), 0);
	assert_int_equal(num_positive("12a"), 0);
	assert_int_equal(num_positive("1 "), 0);
}

static void num_hexval_digits(void **state)
{
	(void)state;
	assert_int_equal(num_hexval('0'), 0);
	assert_int_equal(num_hexval('9'), 9);
	assert_int_equal(num_hexval('a'), 10);
	assert_int_equal(num_hexval('F'), 15);
	assert_int_equal(num_hexval('g'), -1);
	assert_int_equal(num_hexval('%'), -1);
	assert_int_equal(num_hexval('\0'), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(arena_alloc_zeroed_aligned),
		cmocka_unit_test(arena_big_allocations),
		cmocka_unit_test(arena_strings),
		cmocka_unit_test(arena_arrays),
		cmocka_unit_test(buf_basics),
		cmocka_unit_test(buf_growth),
		cmocka_unit_test(buf_detach_owns),
		cmocka_unit_test(date_parse_good),
		cmocka_unit_test(date_leap_days),
		cmocka_unit_test(date_parse_bad),
		cmocka_unit_test(date_valid_ints),
		cmocka_unit_test(date_formats),
		cmocka_unit_test(date_year_and_today),
		cmocka_unit_test(datetime_parse_and_format),
		cmocka_unit_test(num_positive_edges),
		cmocka_unit_test(num_hexval_digits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
