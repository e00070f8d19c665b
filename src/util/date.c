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
