/*
 * ical.h - meetings as iCalendar (RFC 5545, libical).
 */
#ifndef KLYNGE_ICAL_H
#define KLYNGE_ICAL_H

#include <stddef.h>

#include "../core/meeting.h"
#include "../core/model.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/err.h"

/*
 * A VCALENDAR with one VEVENT per meeting (already filtered by the
 * caller with access_meeting_view), appended to out. UID is stable per
 * meeting; SEQUENCE is m->sequence; STATUS is CANCELLED for cancelled
 * meetings, TENTATIVE before the invitation, CONFIRMED after; DTSTART/
 * DTEND carry TZID=Europe/Copenhagen with its VTIMEZONE; URL links to
 * base_url + "/meetings/<id>". method: NULL for a feed (no METHOD),
 * "REQUEST" or "CANCEL" for an e-mail attachment. calname names the
 * feed (X-WR-CALNAME). 0, or a negative err kind.
 */
int ical_meetings(struct arena *a, const struct structure *s,
		  const struct meeting *ms, size_t n, const char *calname,
		  const char *base_url, const char *method, struct buf *out,
		  struct err *err);

/* The public base URL of this klynge (env KLYNGE_BASE_URL, without a
 * trailing slash; "http://127.0.0.1:8080" when unset). Never taken from
 * the request's Host header. */
const char *klynge_base_url(void);

/* The UTC offset in seconds of Europe/Copenhagen at a local date and
 * time of day (minutes after midnight): 3600 or 7200 (OParl's
 * date-times carry it). Added with ical.c (issue 4). */
int ical_utc_offset(int date, int minutes);

#endif
