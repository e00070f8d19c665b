/*
 * mail.c - meeting notices by e-mail over SMTP (libcurl); see mail.h.
 *
 * One message per recipient (members should not see each other's
 * addresses), each a multipart/mixed MIME message:
 *   1. text/plain; charset=UTF-8, base64: a short Danish notice with the
 *      meeting's title, body, date, time, place and its page's address;
 *   2. text/calendar; method=REQUEST (or CANCEL), base64: the meeting as
 *      iCalendar (ical.c), also as an attachment "mode.ics".
 * Headers: Date, From, To, Subject (RFC 2047 "=?UTF-8?B?...?=" when not
 * plain ASCII), Message-ID, MIME-Version.
 *
 * Never any agenda content: a closed item's title or text cannot leak
 * by e-mail because nothing of the items is written at all.
 *
 * Recipients: people with a membership in the meeting's body active on
 * the meeting's date and an e-mail address, each address once (compared
 * without regard to case). The caller passes the whole structure
 * (web_structure_full): the public's view has no e-mail addresses.
 *
 * The SMTP connection is reused between the messages of one notice.
 * Timeouts: 10 s to connect, 30 s per message. When the server cannot
 * be reached the remaining messages are not tried (each would wait for
 * the same timeout); a message the server refuses does not stop the
 * others. The first failure is reported in err, in Danish.
 */
#include "mail.h"

#include <curl/curl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "ical.h"
#include "../util/buf.h"
#include "../util/date.h"

#define MAIL_CONNECT_TIMEOUT 10L
#define MAIL_TIMEOUT 30L

bool mail_enabled(void)
{
	const char *u = getenv("KLYNGE_SMTP_URL");
	return u && *u;
}

enum mail_kind mail_kind_for_state(enum meeting_state to)
{
	switch (to) {
	case MEETING_INVITED: return MAIL_INVITATION;
	case MEETING_PUBLISHED: return MAIL_AGENDA_PUBLISHED;
	case MEETING_CANCELLED: return MAIL_CANCELLED;
	case MEETING_MINUTES_APPROVED: return MAIL_MINUTES_APPROVED;
	default: return 0;
	}
}

/* ---- encoding ----------------------------------------------------------- */

static const char b64[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Base64 of data; with wrap, CRLF after every 76 characters and at the
 * end (a MIME body). */
static void base64(struct buf *out, const unsigned char *p, size_t n,
		   bool wrap)
{
	size_t col = 0;
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		char q[4] = { b64[v >> 18 & 63], b64[v >> 12 & 63],
			      i + 1 < n ? b64[v >> 6 & 63] : '=',
			      i + 2 < n ? b64[v & 63] : '=' };
		buf_put(out, q, 4);
		col += 4;
		if (wrap && col >= 76) {
			buf_puts(out, "\r\n");
			col = 0;
		}
	}
	if (wrap && col)
		buf_puts(out, "\r\n");
}

static bool is_ascii_printable(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p > 0x7e)
			return false;
	return true;
}

/*
 * A header text as RFC 2047 encoded words when it is not plain printable
 * ASCII: "=?UTF-8?B?...?=" of at most 45 bytes of UTF-8 each (60
 * characters of base64, under the 75 of an encoded word), cut only
 * between characters, joined by CRLF SP (folding).
 */
static void header_text(struct buf *out, const char *s)
{
	if (is_ascii_printable(s)) {
		buf_puts(out, s);
		return;
	}
	size_t n = strlen(s), i = 0;
	bool first = true;
	while (i < n) {
		size_t end = i + 45 < n ? i + 45 : n;
		/* Do not split a UTF-8 sequence: back up over continuation
		 * bytes. */
		while (end < n && end > i &&
		       ((unsigned char)s[end] & 0xC0) == 0x80)
			end--;
		if (end == i)
			end = i + 1;
		if (!first)
			buf_puts(out, "\r\n ");
		buf_puts(out, "=?UTF-8?B?");
		base64(out, (const unsigned char *)s + i, end - i, false);
		buf_puts(out, "?=");
		first = false;
		i = end;
	}
}

/* An address we will put in a header and an SMTP command: one @, no
 * spaces, controls, angle brackets, commas, quotes or backslashes. */
static bool address_ok(const char *a)
{
	const char *at = strchr(a, '@');
	if (!at || at == a || !at[1] || strchr(at + 1, '@') ||
	    strlen(a) > 254)
		return false;
	for (const unsigned char *p = (const unsigned char *)a; *p; p++)
		if (*p <= 0x20 || *p == 0x7f || strchr("<>,;:\"\\()[]", *p))
			return false;
	return true;
}

/* RFC 5322 date, always in English and UTC. */
static void rfc5322_date(struct buf *out, time_t t)
{
	static const char *const day[] = { "Sun", "Mon", "Tue", "Wed", "Thu",
					   "Fri", "Sat" };
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May",
					   "Jun", "Jul", "Aug", "Sep", "Oct",
					   "Nov", "Dec" };
	struct tm tm;
	gmtime_r(&t, &tm);
	buf_printf(out, "%s, %02d %s %04d %02d:%02d:%02d +0000",
		   day[tm.tm_wday], tm.tm_mday, mon[tm.tm_mon],
		   tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* ---- the message --------------------------------------------------------- */

static const char *kind_subject(enum mail_kind k)
{
	switch (k) {
	case MAIL_INVITATION: return "Indkaldelse";
	case MAIL_AGENDA_PUBLISHED: return "Dagsorden udsendt";
	case MAIL_CANCELLED: return "Mødet er aflyst";
	case MAIL_MINUTES_APPROVED: return "Referat godkendt";
	}
	return "Møde";
}

static const char *kind_intro(enum mail_kind k)
{
	switch (k) {
	case MAIL_INVITATION:
		return "Du indkaldes hermed til mødet nedenfor. Dagsordenen "
		       "udsendes senere.";
	case MAIL_AGENDA_PUBLISHED:
		return "Dagsordenen til mødet nedenfor er udsendt.";
	case MAIL_CANCELLED:
		return "Mødet nedenfor er aflyst.";
	case MAIL_MINUTES_APPROVED:
		return "Referatet af mødet nedenfor er godkendt.";
	}
	return "";
}

/* The Danish text part: only the meeting's public facts and its link. */
static void text_part(struct buf *t, struct arena *a,
		      const struct structure *s, const struct meeting *m,
		      enum mail_kind kind, const char *name, const char *page)
{
	char date[48], from[8], to[8];
	date_format_da(m->date, date, sizeof(date));
	meeting_time_format(m->start_min, from, sizeof(from));
	meeting_time_format(m->end_min, to, sizeof(to));
	const struct body *b = structure_body(s, m->body_id);
	buf_printf(t, "Kære %s\r\n\r\n%s\r\n\r\n", name && *name ? name :
		   "medlem", kind_intro(kind));
	buf_printf(t, "Møde: %s\r\n", meeting_display_title(a, s, m));
	if (b)
		buf_printf(t, "Forum: %s\r\n", b->name);
	buf_printf(t, "Dato: %s\r\n", date);
	buf_printf(t, "Tid: kl. %s–%s\r\n", from, to);
	if (m->place && *m->place)
		buf_printf(t, "Sted: %s\r\n", m->place);
	if (m->online_url && *m->online_url && kind != MAIL_CANCELLED)
		buf_printf(t, "Onlinemøde: %s\r\n", m->online_url);
	buf_printf(t, "\r\nMødet, dagsordenen og referatet findes her "
		   "(log ind for at se de lukkede punkter):\r\n%s\r\n", page);
	if (kind == MAIL_CANCELLED)
		buf_puts(t, "\r\nDen vedhæftede kalenderfil fjerner mødet fra "
			 "din kalender.\r\n");
	else
		buf_puts(t, "\r\nMødet er vedhæftet som kalenderinvitation.\r\n");
	buf_puts(t, "\r\nVenlig hilsen\r\nSekretariatet\r\n\r\n-- \r\n"
		 "Sendt af klynge. Svar ikke på denne e-mail.\r\n");
}

static atomic_uint mail_counter;

/* The whole message for one recipient, CRLF line ends. */
static void message(struct buf *msg, struct arena *a,
		    const struct structure *s, const struct meeting *m,
		    enum mail_kind kind, const char *from,
		    const struct person *p, const char *ics, const char *page)
{
	time_t now = time(NULL);
	unsigned serial = atomic_fetch_add(&mail_counter, 1);
	char boundary[96];
	snprintf(boundary, sizeof(boundary), "=_klynge_%lld_%u_%ld",
		 (long long)m->id, serial, (long)now);
	const char *method = kind == MAIL_CANCELLED ? "CANCEL" : "REQUEST";
	char date[48];
	date_format_da(m->date, date, sizeof(date));

	buf_puts(msg, "Date: ");
	rfc5322_date(msg, now);
	buf_puts(msg, "\r\nFrom: klynge <");
	buf_puts(msg, from);
	buf_puts(msg, ">\r\nTo: ");
	if (p->name && *p->name && !strpbrk(p->name, "\r\n")) {
		if (is_ascii_printable(p->name) &&
		    !strpbrk(p->name, "\"\\()<>,;:@[]")) {
			buf_puts(msg, p->name);
		} else if (is_ascii_printable(p->name)) {
			buf_putc(msg, '"');
			for (const char *c = p->name; *c; c++) {
				if (*c == '"' || *c == '\\')
					buf_putc(msg, '\\');
				buf_putc(msg, *c);
			}
			buf_putc(msg, '"');
		} else {
			header_text(msg, p->name);
		}
		buf_puts(msg, " ");
	}
	buf_printf(msg, "<%s>\r\nSubject: ", p->email);
	header_text(msg, arena_printf(a, "%s: %s, %s", kind_subject(kind),
				      meeting_display_title(a, s, m), date));
	buf_printf(msg, "\r\nMessage-ID: <meeting-%lld-%d-%ld-%u-%ld@klynge>"
		   "\r\n", (long long)m->id, (int)kind, (long)now, serial,
		   (long)getpid());
	buf_puts(msg, "MIME-Version: 1.0\r\n");
	buf_printf(msg, "Content-Type: multipart/mixed; boundary=\"%s\"\r\n",
		   boundary);
	buf_puts(msg, "\r\nDette er en MIME-meddelelse.\r\n");

	struct buf text = BUF_INIT;
	text_part(&text, a, s, m, kind, p->name, page);
	buf_printf(msg, "\r\n--%s\r\n", boundary);
	buf_puts(msg, "Content-Type: text/plain; charset=UTF-8\r\n"
		 "Content-Transfer-Encoding: base64\r\n\r\n");
	base64(msg, (const unsigned char *)buf_str(&text), text.len, true);
	buf_free(&text);

	buf_printf(msg, "\r\n--%s\r\n", boundary);
	buf_printf(msg, "Content-Type: text/calendar; charset=UTF-8; "
		   "method=%s; name=\"mode.ics\"\r\n"
		   "Content-Transfer-Encoding: base64\r\n"
		   "Content-Disposition: attachment; filename=\"mode.ics\""
		   "\r\n\r\n", method);
	base64(msg, (const unsigned char *)ics, strlen(ics), true);
	buf_printf(msg, "\r\n--%s--\r\n", boundary);
}

/* ---- sending ------------------------------------------------------------- */

struct upload {
	const char *data;
	size_t len, pos;
};

static size_t read_cb(char *ptr, size_t size, size_t nmemb, void *userp)
{
	struct upload *u = userp;
	size_t room = size * nmemb;
	size_t left = u->len - u->pos;
	size_t n = left < room ? left : room;
	memcpy(ptr, u->data + u->pos, n);
	u->pos += n;
	return n;
}

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;

static void curl_init_once(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
}

/* Could the server not be reached at all (so the next message would
 * fail the same way)? */
static bool unreachable(CURLcode rc)
{
	return rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST ||
	       rc == CURLE_OPERATION_TIMEDOUT || rc == CURLE_LOGIN_DENIED ||
	       rc == CURLE_SSL_CONNECT_ERROR || rc == CURLE_UNSUPPORTED_PROTOCOL ||
	       rc == CURLE_URL_MALFORMAT || rc == CURLE_USE_SSL_FAILED ||
	       rc == CURLE_PEER_FAILED_VERIFICATION;
}

/* Has the list of addresses (lower-cased) got this one? */
static bool seen(char **list, size_t n, const char *addr)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(list[i], addr) == 0)
			return true;
	return false;
}

int mail_meeting_notify(struct arena *a, const struct structure *s,
			const struct meeting *m, enum mail_kind kind,
			size_t *sent, struct err *err)
{
	if (sent)
		*sent = 0;
	if (!mail_enabled() || !kind)
		return 0;
	const char *url = getenv("KLYNGE_SMTP_URL");
	const char *from = getenv("KLYNGE_MAIL_FROM");
	if (!from || !*from)
		from = "klynge@localhost";
	if (!address_ok(from)) {
		err_set(err, ERR_INVALID, "mail_config",
			"Afsenderadressen (KLYNGE_MAIL_FROM) er ugyldig; der er "
			"ikke sendt e-mail");
		return ERR_INVALID;
	}

	/* The recipients: active members on the date with an address. */
	size_t cap = s->n_memberships ? s->n_memberships : 1, n = 0;
	const struct person **to = arena_array(a, cap, sizeof(*to));
	char **addrs = arena_array(a, cap, sizeof(*addrs));
	for (size_t i = 0; i < s->n_memberships; i++) {
		const struct membership *ms = &s->memberships[i];
		if (ms->body_id != m->body_id || !membership_active(ms, m->date))
			continue;
		const struct person *p = structure_person(s, ms->person_id);
		if (!p || !p->email || !*p->email || !address_ok(p->email) ||
		    seen(addrs, n, p->email))
			continue;
		to[n] = p;
		addrs[n++] = arena_strdup(a, p->email);
	}
	if (n == 0)
		return 0;

	struct buf ics = BUF_INIT;
	int rc = ical_meetings(a, s, m, 1, NULL, klynge_base_url(),
			       kind == MAIL_CANCELLED ? "CANCEL" : "REQUEST",
			       &ics, err);
	if (rc != 0) {
		buf_free(&ics);
		return rc;
	}
	const char *page = arena_printf(a, "%s/meetings/%lld",
					klynge_base_url(), (long long)m->id);

	pthread_once(&curl_once, curl_init_once);
	CURL *c = curl_easy_init();
	if (!c) {
		buf_free(&ics);
		err_set(err, ERR_INTERNAL, "mail_failed",
			"E-mail kunne ikke sendes (libcurl kunne ikke starte)");
		return ERR_INTERNAL;
	}
	const char *user = getenv("KLYNGE_SMTP_USER");
	const char *pass = getenv("KLYNGE_SMTP_PASSWORD");
	char errbuf[CURL_ERROR_SIZE];
	int result = 0;
	size_t ok = 0, failed = 0;
	for (size_t i = 0; i < n; i++) {
		struct buf msg = BUF_INIT;
		message(&msg, a, s, m, kind, from, to[i], buf_str(&ics), page);
		struct upload up = { buf_str(&msg), msg.len, 0 };
		struct curl_slist *rcpt = curl_slist_append(NULL,
			arena_printf(a, "<%s>", addrs[i]));
		curl_easy_reset(c);
		errbuf[0] = '\0';
		curl_easy_setopt(c, CURLOPT_URL, url);
		curl_easy_setopt(c, CURLOPT_MAIL_FROM,
				 arena_printf(a, "<%s>", from));
		curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
		curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
		curl_easy_setopt(c, CURLOPT_READDATA, &up);
		curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
		curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE,
				 (curl_off_t)msg.len);
		curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, MAIL_CONNECT_TIMEOUT);
		curl_easy_setopt(c, CURLOPT_TIMEOUT, MAIL_TIMEOUT);
		curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
		curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
		/* STARTTLS when the server offers it (smtps:// is TLS from
		 * the start anyway). */
		curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
		if (user && *user) {
			curl_easy_setopt(c, CURLOPT_USERNAME, user);
			curl_easy_setopt(c, CURLOPT_PASSWORD, pass ? pass : "");
		}
		CURLcode cr = curl_easy_perform(c);
		curl_slist_free_all(rcpt);
		buf_free(&msg);
		if (cr == CURLE_OK) {
			ok++;
			continue;
		}
		failed++;
		if (result == 0) {
			result = ERR_INTERNAL;
			err_set(err, ERR_INTERNAL, "mail_failed",
				"E-mail kunne ikke sendes til %s: %s", addrs[i],
				errbuf[0] ? errbuf : curl_easy_strerror(cr));
		}
		if (unreachable(cr))
			break;
	}
	curl_easy_cleanup(c);
	buf_free(&ics);
	if (sent)
		*sent = ok;
	if (result != 0 && err && failed + ok < n)
		snprintf(err->msg + strlen(err->msg),
			 sizeof(err->msg) - strlen(err->msg),
			 " (%zu af %zu e-mails ikke forsøgt)", n - ok - failed,
			 n);
	return result;
}
