/*
 * view_audit.c - the "Historik" section of the body, person and
 * organisation pages: the audit log (store_audit_list) of the object,
 * newest first, the latest AUDIT_SHOWN rows unless ?historik=alle.
 *
 * Each row: when (Danish, Europe/Copenhagen), who, what (oprettet,
 * ændret, slettet), and for a change the fields that differ as
 * "felt: før → efter" (store_audit_changes).
 */
#include "pages.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../../util/date.h"

#define AUDIT_SHOWN 50

/* Structure-file field names in Danish (as the forms label them). */
static const char *const field_labels[][2] = {
	{ "key", "Nøgle" }, { "name", "Navn" }, { "short_name", "Kort navn" },
	{ "kind", "Type" }, { "sector", "Sektor" }, { "parent", "Hører under" },
	{ "note", "Note" }, { "region", "Region" }, { "hospital", "Sygehus" },
	{ "municipalities", "Kommuner" }, { "area", "Klynge" },
	{ "formal", "Formelt forum" }, { "description", "Beskrivelse" },
	{ "body", "Forum" }, { "version", "Version" }, { "title", "Titel" },
	{ "status", "Status" }, { "valid_from", "Gælder fra" },
	{ "text", "Formål og opgaver" }, { "chair_rule", "Formandskab" },
	{ "quorum_rule", "Beslutningsdygtighed" },
	{ "decision_rule", "Beslutninger" }, { "competence", "Kompetence" },
	{ "recommends_to", "Indstiller til" },
	{ "economic_to_councils", "Økonomi til råd og byråd" },
	{ "min_meetings_per_year", "Møder om året" },
	{ "meets_before", "Mødes før" },
	{ "psychiatry_first", "Psykiatri først" }, { "seats", "Pladser" },
	{ "approvals", "Godkendelser" }, { "overlaps", "Personsammenfald" },
	{ "email", "E-mail" }, { "organisation", "Organisation" },
	{ "person", "Person" }, { "role", "Rolle" }, { "function", "Funktion" },
	{ "seat", "Plads" }, { "represents", "Repræsenterer" },
	{ "appointed_by", "Udpeget af" }, { "substitute_for", "Suppleant for" },
	{ "local", "Udpeget lokalt" }, { "start", "Startdato" },
	{ "end", "Slutdato" }, { "start_year", "Fra år" },
	{ "end_year", "Til år" },
	/* accounts (kind "account") */
	{ "username", "Brugernavn" }, { "admin", "Administrator" },
	{ "disabled", "Spærret" }, { "password_changed", "Adgangskode sat" },
};

const char *audit_field_label(const char *field)
{
	for (size_t i = 0; i < sizeof(field_labels) / sizeof(field_labels[0]); i++)
		if (strcmp(field_labels[i][0], field) == 0)
			return field_labels[i][1];
	return field;
}

static const char *const kind_labels[][2] = {
	{ "organisation", "Organisation" }, { "area", "Klynge" },
	{ "body", "Forum" }, { "charter", "Kommissorium" },
	{ "person", "Person" }, { "membership", "Medlemskab" },
	{ "rotation", "Rotationsperiode" }, { "structure", "Struktur" },
	{ "account", "Konto" },
};

const char *audit_kind_label(const char *kind)
{
	for (size_t i = 0; i < sizeof(kind_labels) / sizeof(kind_labels[0]); i++)
		if (strcmp(kind_labels[i][0], kind) == 0)
			return kind_labels[i][1];
	return kind;
}

/* Last Sunday of month (1-12) in year, as a day of the month. */
static int last_sunday(int year, int month)
{
	struct tm tm = { .tm_year = year - 1900, .tm_mon = month, .tm_mday = 0,
			 .tm_hour = 12 };
	time_t t = timegm(&tm);		/* the month's last day */
	gmtime_r(&t, &tm);
	return tm.tm_mday - tm.tm_wday;
}

/*
 * A UTC "YYYY-MM-DDTHH:MM:SSZ" as Danish time in Europe/Copenhagen:
 * "3. marts 2025 kl. 14.05". CET (UTC+1), and CEST (UTC+2) from the last
 * Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC (the
 * EU rule), computed here so the output does not depend on the
 * process's TZ. Unparsable text is written as it is.
 */
void audit_time_da(const char *utc, char *out, size_t outsz)
{
	int64_t t;
	if (datetime_parse(utc, &t) != 0) {
		snprintf(out, outsz, "%s", utc);
		return;
	}
	struct tm tm;
	time_t tt = (time_t)t;
	gmtime_r(&tt, &tm);
	int year = tm.tm_year + 1900;
	struct tm b = { .tm_year = tm.tm_year, .tm_mon = 2,
			.tm_mday = last_sunday(year, 3), .tm_hour = 1 };
	struct tm e = { .tm_year = tm.tm_year, .tm_mon = 9,
			.tm_mday = last_sunday(year, 10), .tm_hour = 1 };
	bool summer = t >= (int64_t)timegm(&b) && t < (int64_t)timegm(&e);
	tt = (time_t)(t + (summer ? 7200 : 3600));
	gmtime_r(&tt, &tm);
	char d[32];
	date_format_da((tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 +
		       tm.tm_mday, d, sizeof(d));
	snprintf(out, outsz, "%s kl. %02d.%02d", d, tm.tm_hour, tm.tm_min);
}

/* A value in a change, cut short when long (a charter's text). */
static void change_value(struct response *res, const char *v)
{
	if (!*v) {
		html(res, "<em>(tomt)</em>");
		return;
	}
	size_t n = strlen(v);
	if (n <= 120) {
		html_txt(res, v);
		return;
	}
	size_t k = 117;
	while (k > 0 && ((unsigned char)v[k] & 0xC0) == 0x80)
		k--;
	struct buf b = BUF_INIT;
	buf_put(&b, v, k);
	buf_puts(&b, "…");
	html_txt(res, buf_str(&b));
	buf_free(&b);
}

void page_audit_section(struct request *req, struct response *res,
			const char *kind, int64_t object_id, int64_t body_id,
			const char *href)
{
	const char *q = req_query(req, "historik");
	bool all = q && strcmp(q, "alle") == 0;
	const struct audit_entry *rows = NULL;
	size_t n = 0;

	html(res, "<section id=\"aendringer\" class=\"audit\">\n<h2>Historik</h2>\n");
	if (!req->app || !req->app->store ||
	    web_audit_list(req, kind, object_id, body_id,
			   all ? 0 : AUDIT_SHOWN + 1, &rows, &n) != 0) {
		html(res, "<p class=\"empty\">Historikken kan ikke vises.</p>\n</section>\n");
		return;
	}
	if (!n) {
		html(res, "<p class=\"empty\">Ingen ændringer registreret endnu.</p>\n</section>\n");
		return;
	}
	bool more = !all && n > AUDIT_SHOWN;
	if (more)
		n = AUDIT_SHOWN;
	html(res, "<div class=\"table-wrap\"><table class=\"audit-log\"><thead><tr>"
		  "<th>Tidspunkt</th><th>Hvem</th><th>Hvad</th><th>Ændringer</th>"
		  "</tr></thead><tbody>\n");
	for (size_t i = 0; i < n; i++) {
		const struct audit_entry *e = &rows[i];
		if (!web_audit_visible(req, e))
			continue;
		char when[64];
		audit_time_da(e->at, when, sizeof(when));
		html(res, "<tr><td>");
		html_txt(res, when);
		html(res, "</td><td>");
		html_txt(res, e->actor);
		html(res, "</td><td>");
		html_txt(res, audit_kind_label(e->kind));
		if (e->object_key && *e->object_key) {
			html(res, " <code>");
			html_txt(res, e->object_key);
			html(res, "</code>");
		}
		html(res, " ");
		html_txt(res, store_audit_action_label(e->action));
		html(res, "</td><td>");
		struct audit_change *ch = NULL;
		size_t nch = 0;
		store_audit_changes(req->arena, e, &ch, &nch);
		if (nch) {
			html(res, "<ul class=\"changes\">");
			for (size_t k = 0; k < nch; k++) {
				if (!web_audit_field_visible(req, e, ch[k].field))
					continue;
				html(res, "<li>");
				html_txt(res, audit_field_label(ch[k].field));
				html(res, ": ");
				change_value(res, ch[k].before);
				html(res, " → ");
				change_value(res, ch[k].after);
				html(res, "</li>");
			}
			html(res, "</ul>");
		}
		html(res, "</td></tr>\n");
	}
	html(res, "</tbody></table></div>\n");
	if (more) {
		html(res, "<p><a href=\"");
		html_attr(res, href);
		html(res, "?historik=alle#aendringer\">Vis hele historikken</a></p>\n");
	}
	html(res, "</section>\n");
}
