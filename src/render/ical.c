/*
 * ical.c - meetings as iCalendar (RFC 5545) with libical; see ical.h.
 *
 * One VCALENDAR, one VTIMEZONE (Europe/Copenhagen, from libical's
 * builtin/system zone data, its TZID renamed to the plain Olson name and
 * truncated to the years the meetings need), one VEVENT per meeting.
 * The caller has filtered the meetings (access_meeting_view); this file
 * still writes only what is public about a meeting anyway: its title,
 * body, time, place, state and a link to its page. Item texts never go
 * into a calendar. The video link (online_url) is written only into
 * e-mail attachments (method != NULL): those go to the body's members,
 * whereas a feed URL can be passed around.
 *
 * libical is not used concurrently on shared objects here: the zone is
 * fetched and its offsets computed under one lock (libical caches the
 * zone's changes inside the shared icaltimezone); everything else is a
 * component private to the call.
 */
#include "ical.h"

#include <libical/ical.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../util/date.h"

#define ICAL_TZ "Europe/Copenhagen"
#define ICAL_PRODID "-//klynge//klynge//DA"

static pthread_mutex_t ical_lock = PTHREAD_MUTEX_INITIALIZER;

/* ---- base URL ---------------------------------------------------------- */

static pthread_once_t base_once = PTHREAD_ONCE_INIT;
static char base_url[512];

static void base_init(void)
{
	const char *v = getenv("KLYNGE_BASE_URL");
	if (!v || !*v || strlen(v) >= sizeof(base_url))
		v = "http://127.0.0.1:8080";
	size_t n = strlen(v);
	while (n > 0 && v[n - 1] == '/')
		n--;
	memcpy(base_url, v, n);
	base_url[n] = '\0';
}

const char *klynge_base_url(void)
{
	pthread_once(&base_once, base_init);
	return base_url;
}

/* ---- time zone ---------------------------------------------------------- */

/* Copenhagen's zone; libical keeps it for the life of the process. */
static icaltimezone *zone(void)
{
	return icaltimezone_get_builtin_timezone(ICAL_TZ);
}

static struct icaltimetype local_time(int date, int minutes, icaltimezone *tz)
{
	struct icaltimetype t = icaltime_null_time();
	t.year = date / 10000;
	t.month = date / 100 % 100;
	t.day = date % 100;
	t.hour = minutes / 60;
	t.minute = minutes % 60;
	t.is_date = 0;
	return icaltime_set_timezone(&t, tz);
}

int ical_utc_offset(int date, int minutes)
{
	int off = 0, dst = 0;
	pthread_mutex_lock(&ical_lock);
	icaltimezone *tz = zone();
	if (tz) {
		struct icaltimetype t = local_time(date, minutes, tz);
		off = icaltimezone_get_utc_offset(tz, &t, &dst);
	}
	pthread_mutex_unlock(&ical_lock);
	return off;
}

/*
 * The VTIMEZONE to embed: a copy of libical's, named plainly
 * "Europe/Copenhagen" (libical prefixes its own TZIDs) and cut to start
 * on 1 January of from_year, so a feed does not carry a century of
 * history. NULL when the zone data is missing.
 */
static icalcomponent *vtimezone(int from_year)
{
	icalcomponent *v = NULL;
	pthread_mutex_lock(&ical_lock);
	icaltimezone *tz = zone();
	icalcomponent *c = tz ? icaltimezone_get_component(tz) : NULL;
	if (c)
		v = icalcomponent_new_clone(c);
	pthread_mutex_unlock(&ical_lock);
	if (!v)
		return NULL;
	char start[32];
	snprintf(start, sizeof(start), "%04d0101T000000Z", from_year);
	icaltimezone_truncate_vtimezone(v, icaltime_from_string(start),
					icaltime_null_time(), 0);
	icalproperty *p = icalcomponent_get_first_property(v,
							   ICAL_TZID_PROPERTY);
	if (p)
		icalproperty_set_tzid(p, ICAL_TZ);
	else
		icalcomponent_add_property(v, icalproperty_new_tzid(ICAL_TZ));
	return v;
}

/* A DTSTART or DTEND with TZID=Europe/Copenhagen. */
static icalproperty *zoned(icalproperty_kind kind, int date, int minutes)
{
	struct icaltimetype t = local_time(date, minutes, NULL);
	icalproperty *p = kind == ICAL_DTSTART_PROPERTY ?
		icalproperty_new_dtstart(t) : icalproperty_new_dtend(t);
	icalproperty_add_parameter(p, icalparameter_new_tzid(ICAL_TZ));
	return p;
}

/* A stored UTC time "YYYY-MM-DDTHH:MM:SSZ" as an iCalendar UTC time;
 * now when it is missing or malformed. */
static struct icaltimetype utc_time(const char *stamp)
{
	int64_t t;
	if (!stamp || !*stamp || datetime_parse(stamp, &t) != 0)
		t = (int64_t)time(NULL);
	return icaltime_from_timet_with_zone((time_t)t, 0,
					     icaltimezone_get_utc_timezone());
}

/* ---- events ------------------------------------------------------------- */

static enum icalproperty_status event_status(enum meeting_state st)
{
	switch (st) {
	case MEETING_CANCELLED:
		return ICAL_STATUS_CANCELLED;
	case MEETING_PLANNED:
	case MEETING_STATE_NONE:
		return ICAL_STATUS_TENTATIVE;
	default:
		return ICAL_STATUS_CONFIRMED;
	}
}

/* The public description: body, state, the page's address. */
static char *description(struct arena *a, const struct structure *s,
			 const struct meeting *m, const char *page,
			 bool with_online)
{
	const struct body *b = structure_body(s, m->body_id);
	struct buf d = BUF_INIT;
	if (b)
		buf_printf(&d, "Forum: %s\n", b->name);
	buf_printf(&d, "Status: %s\n", meeting_state_label(m->state));
	if (with_online && m->online_url && *m->online_url)
		buf_printf(&d, "Onlinemøde: %s\n", m->online_url);
	buf_printf(&d, "Dagsorden og referat: %s", page);
	char *out = arena_strdup(a, buf_str(&d));
	buf_free(&d);
	return out;
}

static icalcomponent *vevent(struct arena *a, const struct structure *s,
			     const struct meeting *m, const char *base,
			     const char *method)
{
	icalcomponent *e = icalcomponent_new_vevent();
	char *uid = arena_printf(a, "meeting-%lld@klynge", (long long)m->id);
	const char *page = arena_printf(a, "%s/meetings/%lld", base,
					(long long)m->id);
	icalcomponent_add_property(e, icalproperty_new_uid(uid));
	/* A feed's DTSTAMP is when the meeting last changed (RFC 5545
	 * 3.8.7.2 without METHOD); a message's is when it is sent. */
	icalcomponent_add_property(e, icalproperty_new_dtstamp(
		utc_time(method ? NULL : m->modified)));
	icalcomponent_add_property(e, icalproperty_new_sequence(
		m->sequence > 0 ? m->sequence : 0));
	icalcomponent_add_property(e, icalproperty_new_status(
		method && strcmp(method, "CANCEL") == 0 ?
		ICAL_STATUS_CANCELLED : event_status(m->state)));
	icalcomponent_add_property(e, icalproperty_new_summary(
		meeting_display_title(a, s, m)));
	icalcomponent_add_property(e, zoned(ICAL_DTSTART_PROPERTY, m->date,
					    m->start_min));
	icalcomponent_add_property(e, zoned(ICAL_DTEND_PROPERTY, m->date,
					    m->end_min > m->start_min ?
					    m->end_min : m->start_min));
	if (m->place && *m->place)
		icalcomponent_add_property(e, icalproperty_new_location(
			m->place));
	icalcomponent_add_property(e, icalproperty_new_url(page));
	icalcomponent_add_property(e, icalproperty_new_description(
		description(a, s, m, page, method != NULL)));
	icalcomponent_add_property(e, icalproperty_new_class(
		ICAL_CLASS_PUBLIC));
	/* iTIP (RFC 5546) wants an ORGANIZER on REQUEST and CANCEL: the
	 * address the notices come from. */
	const char *from = getenv("KLYNGE_MAIL_FROM");
	if (method && from && *from && !strpbrk(from, "\r\n:;,\"")) {
		icalproperty *o = icalproperty_new_organizer(
			arena_printf(a, "mailto:%s", from));
		icalproperty_add_parameter(o, icalparameter_new_cn("klynge"));
		icalcomponent_add_property(e, o);
	}
	return e;
}

int ical_meetings(struct arena *a, const struct structure *s,
		  const struct meeting *ms, size_t n, const char *calname,
		  const char *base_url_in, const char *method, struct buf *out,
		  struct err *err)
{
	const char *base = base_url_in && *base_url_in ? base_url_in :
			   klynge_base_url();
	icalcomponent *cal = icalcomponent_new_vcalendar();
	icalcomponent_add_property(cal, icalproperty_new_prodid(ICAL_PRODID));
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_calscale(
		"GREGORIAN"));
	if (method && strcmp(method, "REQUEST") == 0)
		icalcomponent_add_property(cal, icalproperty_new_method(
			ICAL_METHOD_REQUEST));
	else if (method && strcmp(method, "CANCEL") == 0)
		icalcomponent_add_property(cal, icalproperty_new_method(
			ICAL_METHOD_CANCEL));
	else if (method && *method) {
		icalcomponent_free(cal);
		err_set(err, ERR_INVALID, "bad_method",
			"Ukendt iCalendar-metode «%s»", method);
		return ERR_INVALID;
	}
	if (calname && *calname) {
		icalproperty *p = icalproperty_new_x(calname);
		icalproperty_set_x_name(p, "X-WR-CALNAME");
		icalcomponent_add_property(cal, p);
	}
	icalproperty *tzp = icalproperty_new_x(ICAL_TZ);
	icalproperty_set_x_name(tzp, "X-WR-TIMEZONE");
	icalcomponent_add_property(cal, tzp);

	int from_year = date_year(date_today());
	for (size_t i = 0; i < n; i++)
		if (ms[i].date && date_year(ms[i].date) < from_year)
			from_year = date_year(ms[i].date);
	icalcomponent *vtz = vtimezone(from_year - 1);
	if (!vtz) {
		icalcomponent_free(cal);
		err_set(err, ERR_INTERNAL, "no_timezone",
			"Tidszonen %s findes ikke på serveren", ICAL_TZ);
		return ERR_INTERNAL;
	}
	icalcomponent_add_component(cal, vtz);
	for (size_t i = 0; i < n; i++)
		if (date_valid(ms[i].date))
			icalcomponent_add_component(cal, vevent(a, s, &ms[i],
								base, method));
	char *text = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	if (!text) {
		err_set(err, ERR_INTERNAL, "ical_failed",
			"Kalenderen kunne ikke skrives");
		return ERR_INTERNAL;
	}
	buf_puts(out, text);
	icalmemory_free_buffer(text);
	return 0;
}
