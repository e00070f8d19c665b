/*
 * pages.h - shared pieces of the read-only pages (pages.c, view_*.c).
 *
 * Each page handler follows the same steps: take the structure, parse
 * and check its input (id, ?date=), call core, render. Helpers here keep
 * the pages alike: the date form, violation lists, membership rows.
 */
#ifndef KLYNGE_PAGES_H
#define KLYNGE_PAGES_H

#include "../../core/rules.h"
#include "../html.h"
#include "../web.h"

/* Page handlers (page_routes in pages.c). */
void view_structure(struct request *req, struct response *res);
void view_bodies(struct request *req, struct response *res);
void view_body(struct request *req, struct response *res);
void view_people(struct request *req, struct response *res);
void view_person(struct request *req, struct response *res);
void view_organisations(struct request *req, struct response *res);
void view_organisation(struct request *req, struct response *res);
void view_areas(struct request *req, struct response *res);
void view_area(struct request *req, struct response *res);

/*
 * The date the page shows: ?date=YYYY-MM-DD, or today when absent or
 * empty. On a malformed date writes the 400 page and returns -1.
 */
int page_date(struct request *req, struct response *res, int *date);

/* "?date=YYYY-MM-DD" when date differs from today, else "" (arena). */
const char *page_date_suffix(struct request *req, int date);

/* A GET form choosing the date of `action` (a local path). */
void html_date_form(struct request *req, struct response *res,
		    const char *action, int date, const char *label);


/* Ordinary members of a body active on date. */
int page_members_on(const struct structure *s, int64_t body_id, int date);

/* A violation count as a badge ("3 regelbrud") or a quiet "ingen". */
void html_violation_badge(struct response *res, size_t n);

/* The list of violations, or a green "Ingen regelbrud pr. <date>". */
void html_violations(struct response *res, const struct violations *v,
		     int date);

/* "1.7.2022–30.6.2026" / "fra 1.7.2022" for a period (tables). */
void html_period(struct response *res, int start, int end);

/* Name of an organisation, short, for tables; "–" when none. */
void html_org_name(struct response *res, const struct organisation *o);

/* ---- the audit log (view_audit.c) ------------------------------------ */

/* The "Historik" section (id "aendringer"): changes to the object (kind
 * and object_id) or, with body_id, to a body and what belongs to it;
 * the latest 50, all with ?historik=alle (href: the page's path). */
void page_audit_section(struct request *req, struct response *res,
			const char *kind, int64_t object_id, int64_t body_id,
			const char *href);
/* Danish labels: a structure-file field ("role" -> "Rolle"), a kind
 * ("membership" -> "Medlemskab"), an action ("update" -> "ændret"). */
const char *audit_field_label(const char *field);
const char *audit_kind_label(const char *kind);
/* UTC "YYYY-MM-DDTHH:MM:SSZ" as "3. marts 2025 kl. 14.05" in
 * Europe/Copenhagen (out: at least 48 bytes). */
void audit_time_da(const char *utc, char *out, size_t outsz);

/* Danish-aware comparison of names for sorting (æ, ø, å last; "aa" as
 * å, as in Aabenraa). */
int da_strcmp(const char *a, const char *b);

#endif
