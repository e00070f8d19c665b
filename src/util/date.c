/*
 * date.c - see date.h.
 */
#include "date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && leap(y))
		return 29;
	return d[m - 1];
}

bool date_valid(int date)
{
	int y = date / 10000, m = date / 100 % 100, d = date % 100;
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1)
		return false;
	return d <= days_in_month(y, m);
}

int date_parse(const char *s, int *out)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	int v = 0;
	for (int i = 0; i < 10; i++) {
		if (i == 4 || i == 7)
			continue;
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (!date_valid(v))
		return -1;
	*out = v;
	return 0;
}

void date_format(int date, char *out, size_t outsz)
{
	if (!date) {
		if (outsz)
			out[0] = '\0';
		return;
	}
	snprintf(out, outsz, "%04d-%02d-%02d", date / 10000, date / 100 % 100,
		 date % 100);
}

void date_format_da(int date, char *out, size_t outsz)
{
	static const char *months[] = { "januar", "februar", "marts", "april",
		"maj", "juni", "juli", "august", "september", "oktober",
		"november", "december" };
	if (!date_valid(date)) {
		if (outsz)
			out[0] = '\0';
		return;
	}
	snprintf(out, outsz, "%d. %s %d", date % 100,
		 months[date / 100 % 100 - 1], date / 10000);
}

int date_year(int date)
{
	return date / 10000;
}

int date_today(void)
{
	const char *o = getenv("KLYNGE_TODAY");
	int d;
	if (o && date_parse(o, &d) == 0)
		return d;
	time_t t = time(NULL);
	struct tm tm;
	setenv("TZ", "Europe/Copenhagen", 0);
	tzset();
	localtime_r(&t, &tm);
	return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

/* ---- points in time ---------------------------------------------------- */

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar
 * (H. Hinnant's days_from_civil). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The inverse: y-m-d of day z since 1970-01-01. */
static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* n digits at s as a number; -1 when one of them is not a digit. */
static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int datetime_parse(const char *s, int64_t *out)
{
	if (!s || strlen(s) < 20 || s[4] != '-' || s[7] != '-' ||
	    (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':')
		return -1;
	int y = digits(s, 4), mo = digits(s + 5, 2), d = digits(s + 8, 2);
	int h = digits(s + 11, 2), mi = digits(s + 14, 2), se = digits(s + 17, 2);
	if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) ||
	    h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 60)
		return -1;
	const char *z = s + 19;
	if (*z == '.') {
		if (z[1] < '0' || z[1] > '9')
			return -1;
		for (z++; *z >= '0' && *z <= '9'; z++)
			;
	}
	int off = 0;
	if ((z[0] == 'Z' || z[0] == 'z') && z[1] == '\0') {
		off = 0;
	} else if ((z[0] == '+' || z[0] == '-') && strlen(z) == 6 &&
		   z[3] == ':') {
		int oh = digits(z + 1, 2), om = digits(z + 4, 2);
		if (oh < 0 || oh > 23 || om < 0 || om > 59)
			return -1;
		off = (oh * 60 + om) * 60 * (z[0] == '-' ? -1 : 1);
	} else {
		return -1;
	}
	*out = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se - off;
	return 0;
}

void datetime_format(int64_t t, char *out, size_t outsz)
{
	int64_t days = t / 86400, secs = t % 86400, y;
	int m, d;
	if (secs < 0) {
		secs += 86400;
		days--;
	}
	civil_from_days(days, &y, &m, &d);
	snprintf(out, outsz, "%04lld-%02d-%02dT%02d:%02d:%02d+00:00",
		 (long long)y, m, d, (int)(secs / 3600), (int)(secs / 60 % 60),
		 (int)(secs % 60));
}
