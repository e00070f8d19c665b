/*
 * view_body.c - GET /bodies/:id : one body on a date.
 *
 * Sections: facts, rule check (date form), members by seat on the date
 * (with substitutes and secretaries), the terms of reference in force
 * with their rules, the approval history of every version, the rotation
 * plan, sub-bodies, and former (and coming) members. Every section links
 * to the form that changes it (URLs served by forms.c).
 */
#include "pages.h"

#include <stdlib.h>
#include <string.h>

#include "../../util/date.h"
#include "cases.h"
#include "meeting.h"

/* Bounds the walk up a chain of parent bodies through bad data. */
#define MAX_PARENT_DEPTH 16

/* ---- pieces ------------------------------------------------------------- */

static void crumbs(struct response *res, const struct structure *s,
		   const struct body *b, const char *dq)
{
	const struct body *chain[MAX_PARENT_DEPTH];
	int n = 0;
	for (const struct body *p = structure_body(s, b->parent_id);
	     p && p != b && n < MAX_PARENT_DEPTH; p = structure_body(s, p->parent_id))
		chain[n++] = p;
	html(res, "<nav class=\"crumbs\" aria-label=\"Brødkrummer\"><a href=\"/");
	html_attr(res, dq);
	html(res, "\">Struktur</a>");
	for (int i = n - 1; i >= 0; i--) {
		html_printf(res, " <span aria-hidden=\"true\">›</span> <a href=\"/bodies/%lld",
			    (long long)chain[i]->id);
		html_attr(res, dq);
		html(res, "\">");
		html_txt(res, chain[i]->short_name && *chain[i]->short_name
				      ? chain[i]->short_name : chain[i]->name);
		html(res, "</a>");
	}
	html(res, "</nav>\n");
}

static void member_head(struct response *res, bool with_seat_cols)
{
	html(res, "<div class=\"table-wrap\"><table class=\"list members\">\n<thead><tr>"
		  "<th scope=\"col\" class=\"c-person\">Person</th><th scope=\"col\" class=\"c-role\">Rolle</th>"
		  "<th scope=\"col\" class=\"c-func\">Funktion</th><th scope=\"col\" class=\"c-org\">Repræsenterer</th>");
	if (with_seat_cols)
		html(res, "<th scope=\"col\" class=\"c-appt\">Udpeget af</th>");
	html(res, "<th scope=\"col\" class=\"c-period\">Periode</th>"
		  "<th scope=\"col\" class=\"c-act\"><span class=\"visually-hidden\">Handling</span></th>"
		  "</tr></thead>\n<tbody>\n");
}

/* edit: show the "Rediger" link (only to those who may edit the body;
 * the cell stays, empty, so the columns line up). */
static void member_row(struct response *res, const struct structure *s,
		       const struct membership *m, bool with_seat_cols,
		       bool show_local, bool edit)
{
	const struct person *p = structure_person(s, m->person_id);
	bool chair = m->role == ROLE_CHAIR || m->role == ROLE_CO_CHAIR ||
		     m->role == ROLE_VICE_CHAIR;
	html(res, chair ? "<tr class=\"chair\">" : "<tr>");
	html(res, "<td>");
	html_link_person(res, p);
	if (p && p->title && *p->title) {
		html(res, "<br><span class=\"muted\">");
		html_txt(res, p->title);
		html(res, "</span>");
	}
	html(res, "</td><td>");
	html_txt(res, role_label(m->role));
	html(res, "</td><td>");
	html_txt(res, m->function ? function_label(m->function) : "–");
	html(res, "</td><td>");
	html_link_org(res, structure_org(s, m->represents_id));
	html(res, "</td>");
	if (with_seat_cols) {
		html(res, "<td>");
		html_link_org(res, structure_org(s, m->appointed_by_id));
		if (show_local && m->local)
			html(res, "<br><span class=\"tag local\">udpeget i klyngens område</span>");
		html(res, "</td>");
	}
	html(res, "<td class=\"period\">");
	html_period(res, m->start, m->end);
	html(res, "</td><td>");
	if (edit)
		html_printf(res, "<a href=\"/memberships/%lld/edit\">Rediger</a>",
			    (long long)m->id);
	html(res, "</td></tr>\n");
}

static void member_foot(struct response *res)
{
	html(res, "</tbody></table></div>\n");
}

/* "2 pladser", "1–2 pladser", "mindst 1", "1 pr. kommune" ... */
static void seat_count_text(struct response *res, const struct seat_rule *r)
{
	if (r->max && r->max == r->min)
		html_printf(res, "%d", r->min);
	else if (r->max)
		html_printf(res, "%d–%d", r->min, r->max);
	else if (r->min)
		html_printf(res, "mindst %d", r->min);
	else {
		html(res, "efter behov");
		return;
	}
	if (r->per_municipality)
		html(res, " pr. kommune");
	else if (r->max && r->max == r->min)
		html(res, r->min == 1 ? " plads" : " pladser");
	else if (r->max)
		html(res, " pladser");
}

static void seat_rule_summary(struct response *res, const struct seat_rule *r,
			      size_t filled)
{
	html(res, "<span class=\"seat-rule\">");
	seat_count_text(res, r);
	if (r->appointed_by_kind) {
		html(res, " · udpeget af ");
		html_txt(res, org_kind_label(r->appointed_by_kind));
	}
	if (r->min_local)
		html_printf(res, " · mindst %d udpeget i klyngens område", r->min_local);
	html_printf(res, " · %zu besat", filled);
	html(res, "</span>");
}

static void members_section(struct request *req, struct response *res,
			    const struct structure *s, const struct body *b,
			    const struct charter *c, int date)
{
	html(res, "<section id=\"medlemmer\">\n<h2>Medlemmer pr. ");
	html_date(res, date);
	html(res, "</h2>\n");
	/* Links to forms only for those who may submit them. */
	bool edit = web_allowed(req, ACCESS_EDIT_BODY, b->id);
	if (edit)
		html_printf(res, "<p class=\"actions\"><a class=\"button\" href=\"/bodies/%lld/memberships/new\">Tilføj medlem</a></p>\n",
			    (long long)b->id);

	size_t nm = s->n_memberships;
	int *seat = arena_array(req->arena, nm + 1, sizeof(int));
	size_t n_active = 0, n_seatless = 0, n_subst = 0, n_secr = 0;
	for (size_t i = 0; i < nm; i++) {
		const struct membership *m = &s->memberships[i];
		seat[i] = -2;	/* not shown in seats */
		if (m->body_id != b->id || !membership_active(m, date))
			continue;
		n_active++;
		if (m->role == ROLE_SUBSTITUTE) {
			n_subst++;
		} else if (m->role == ROLE_SECRETARY) {
			n_secr++;
		} else if (role_is_ordinary(m->role)) {
			/* The seat the composition check assigns, so the
			 * grouping on screen agrees with the check. */
			const struct seat_rule *r = rules_seat_of(s, c, m);
			seat[i] = r ? (int)(r - c->seats) : -1;
			if (seat[i] < 0)
				n_seatless++;
		}
	}
	if (n_active == 0) {
		html(res, "<p class=\"empty\">Forummet har ingen medlemmer på datoen.</p>\n");
	}

	if (c && c->n_seats) {
		for (size_t j = 0; j < c->n_seats; j++) {
			const struct seat_rule *r = &c->seats[j];
			size_t filled = 0;
			for (size_t i = 0; i < nm; i++)
				if (seat[i] == (int)j)
					filled++;
			html(res, "<div class=\"seat\">\n<h3>");
			html_txt(res, r->label && *r->label ? r->label : r->key);
			html(res, " ");
			seat_rule_summary(res, r, filled);
			html(res, "</h3>\n");
			size_t cnt = 0;
			for (size_t i = 0; i < nm; i++) {
				if (seat[i] != (int)j)
					continue;
				if (cnt++ == 0)
					member_head(res, true);
				member_row(res, s, &s->memberships[i], true, true, edit);
			}
			if (cnt)
				member_foot(res);
			else
				html(res, "<p class=\"empty\">Ingen i denne plads.</p>\n");
			html(res, "</div>\n");
		}
	}
	if (n_seatless) {
		html(res, c && c->n_seats ? "<h3>Medlemmer uden plads i kommissoriet</h3>\n"
					  : "<h3>Medlemmer</h3>\n");
		member_head(res, true);
		for (size_t i = 0; i < nm; i++)
			if (seat[i] == -1)
				member_row(res, s, &s->memberships[i], true, true, edit);
		member_foot(res);
	}

	if (n_subst) {
		html(res, "<h3>Suppleanter</h3>\n<div class=\"table-wrap\"><table class=\"list members\">\n"
			  "<thead><tr><th scope=\"col\" class=\"c-person\">Person</th><th scope=\"col\" class=\"c-person\">Suppleant for</th>"
			  "<th scope=\"col\" class=\"c-org\">Repræsenterer</th><th scope=\"col\" class=\"c-period\">Periode</th>"
			  "<th scope=\"col\" class=\"c-act\"><span class=\"visually-hidden\">Handling</span></th></tr></thead>\n<tbody>\n");
		for (size_t i = 0; i < nm; i++) {
			const struct membership *m = &s->memberships[i];
			if (m->body_id != b->id || m->role != ROLE_SUBSTITUTE ||
			    !membership_active(m, date))
				continue;
			html(res, "<tr><td>");
			html_link_person(res, structure_person(s, m->person_id));
			html(res, "</td><td>");
			const struct membership *f = structure_membership(s, m->substitute_for_id);
			if (f)
				html_link_person(res, structure_person(s, f->person_id));
			else
				html(res, "<span class=\"muted\">ikke angivet</span>");
			html(res, "</td><td>");
			html_link_org(res, structure_org(s, m->represents_id));
			html(res, "</td><td class=\"period\">");
			html_period(res, m->start, m->end);
			html(res, "</td><td>");
			if (edit)
				html_printf(res, "<a href=\"/memberships/%lld/edit\">Rediger</a>",
					    (long long)m->id);
			html(res, "</td></tr>\n");
		}
		html(res, "</tbody></table></div>\n");
	}

	if (n_secr) {
		html(res, "<h3>Sekretariat</h3>\n");
		member_head(res, false);
		for (size_t i = 0; i < nm; i++) {
			const struct membership *m = &s->memberships[i];
			if (m->body_id == b->id && m->role == ROLE_SECRETARY &&
			    membership_active(m, date))
				member_row(res, s, m, false, false, edit);
		}
		member_foot(res);
	}
	html(res, "</section>\n");
}

/* Charter text: paragraphs split at blank lines, lines kept. */
static void charter_text(struct request *req, struct response *res,
			 const char *text)
{
	if (!text || !*text)
		return;
	html(res, "<div class=\"charter-text\">\n");
	const char *p = text;
	while (*p) {
		while (*p == '\n' || *p == '\r')
			p++;
		if (!*p)
			break;
		const char *end = strstr(p, "\n\n");
		const char *crlf = strstr(p, "\r\n\r\n");
		if (crlf && (!end || crlf < end))
			end = crlf;
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char *para = arena_strndup(req->arena, p, len);
		html(res, "<p>");
		char *line = para;
		for (;;) {
			char *nl = strchr(line, '\n');
			if (nl) {
				*nl = '\0';
				if (nl > line && nl[-1] == '\r')
					nl[-1] = '\0';
			}
			html_txt(res, line);
			if (!nl)
				break;
			html(res, "<br>\n");
			line = nl + 1;
		}
		html(res, "</p>\n");
		p += len;
	}
	html(res, "</div>\n");
}

static void fact(struct response *res, const char *term)
{
	html(res, "<dt>");
	html_txt(res, term);
	html(res, "</dt><dd>");
}

static void charter_rules(struct response *res, const struct structure *s,
			  const struct charter *c, const char *dq)
{
	html(res, "<dl class=\"facts rules\">\n");
	fact(res, "Formandskab");
	html_txt(res, chair_rule_label(c->chair_rule));
	html(res, "</dd>\n");
	fact(res, "Beslutningsdygtighed");
	html_txt(res, quorum_rule_label(c->quorum_rule));
	html(res, "</dd>\n");
	fact(res, "Beslutninger");
	html_txt(res, decision_rule_label(c->decision_rule));
	html(res, "</dd>\n");
	fact(res, "Kompetence");
	html_txt(res, competence_label(c->competence));
	const struct body *to = structure_body(s, c->recommends_to_id);
	if (to) {
		html(res, " – indstiller til ");
		html_link_body(res, to);
	}
	html(res, "</dd>\n");
	fact(res, "Mødefrekvens");
	if (c->min_meetings_per_year > 0)
		html_printf(res, "mindst %d %s om året", c->min_meetings_per_year,
			    c->min_meetings_per_year == 1 ? "møde" : "møder");
	else
		html(res, "Efter behov");
	html(res, "</dd>\n");
	const struct body *before = structure_body(s, c->meets_before_id);
	if (before) {
		fact(res, "Mødeplan");
		html(res, "Mødes før ");
		html_link_body(res, before);
		html(res, "</dd>\n");
	}
	if (c->psychiatry_first) {
		fact(res, "Dagsorden");
		html(res, "Punkter om psykiatri behandles først på dagsordenen</dd>\n");
	}
	if (c->economic_to_councils) {
		fact(res, "Økonomi");
		html(res, "Beslutninger med økonomiske konsekvenser skal godkendes i "
			  "Regionsrådet og de enkelte byråd</dd>\n");
	}
	html(res, "</dl>\n");
	(void)dq;
}

static void seat_table(struct response *res, const struct charter *c)
{
	html(res, "<h4>Sammensætning</h4>\n");
	if (c->n_seats == 0) {
		html(res, "<p class=\"empty\">Kommissoriet har ingen pladsregler.</p>\n");
		return;
	}
	html(res, "<div class=\"table-wrap\"><table class=\"list\">\n<thead><tr>"
		  "<th scope=\"col\">Plads</th><th scope=\"col\">Sektor</th>"
		  "<th scope=\"col\">Organisationstype</th><th scope=\"col\">Funktion</th>"
		  "<th scope=\"col\">Antal</th><th scope=\"col\">Udpeget af</th>"
		  "<th scope=\"col\">Lokalt udpeget</th></tr></thead>\n<tbody>\n");
	for (size_t j = 0; j < c->n_seats; j++) {
		const struct seat_rule *r = &c->seats[j];
		html(res, "<tr><td>");
		html_txt(res, r->label && *r->label ? r->label : r->key);
		html(res, "</td><td>");
		html_txt(res, r->sector ? sector_label(r->sector) : "Alle");
		html(res, "</td><td>");
		html_txt(res, r->org_kind ? org_kind_label(r->org_kind) : "Alle");
		html(res, "</td><td>");
		html_txt(res, r->function ? function_label(r->function) : "Alle");
		html(res, "</td><td>");
		seat_count_text(res, r);
		html(res, "</td><td>");
		html_txt(res, r->appointed_by_kind ? org_kind_label(r->appointed_by_kind) : "–");
		html(res, "</td><td>");
		if (r->min_local)
			html_printf(res, "mindst %d", r->min_local);
		else
			html(res, "–");
		html(res, "</td></tr>\n");
	}
	html(res, "</tbody></table></div>\n");
}

static void status_badge(struct response *res, enum charter_status st)
{
	const char *cls = st == CHARTER_APPROVED ? "ok"
			  : st == CHARTER_PRE_APPROVED ? "warn" : "muted";
	html(res, "<span class=\"badge ");
	html(res, cls);
	html(res, "\">");
	html_txt(res, st ? charter_status_label(st) : "Ukendt");
	html(res, "</span>");
}

static void charter_section(struct request *req, struct response *res,
			    const struct structure *s, const struct body *b,
			    const struct charter *c, bool approved, int date,
			    const char *dq)
{
	html(res, "<section id=\"kommissorium\">\n<h2>Kommissorium</h2>\n");
	if (!c) {
		html(res, "<p class=\"empty\">Forummet har intet kommissorium.</p>\n");
		if (web_allowed(req, ACCESS_EDIT_BODY, b->id))
			html_printf(res, "<p class=\"actions\"><a class=\"button\" href=\"/bodies/%lld/charters/new\">Nyt kommissorium</a></p>\n",
				    (long long)b->id);
		html(res, "</section>\n");
		return;
	}
	html(res, "<article class=\"charter\">\n<header>\n<h3>");
	html_txt(res, c->title && *c->title ? c->title : "Kommissorium");
	html(res, "</h3>\n<p class=\"meta\">");
	html_printf(res, "Version %d ", c->version);
	status_badge(res, c->status);
	if (c->valid_from) {
		html(res, " · gyldig fra ");
		html_date(res, c->valid_from);
	}
	if (!approved) {
		html(res, "</p>\n<p class=\"notice\">Der er intet godkendt kommissorium i kraft pr. ");
		html_date(res, date);
		html(res, "; her vises den nyeste version.");
	}
	html(res, "</p>\n");
	bool edit = web_allowed(req, ACCESS_EDIT_BODY, b->id);
	bool approve = edit || web_allowed(req, ACCESS_APPROVE, b->id);
	if (approve) {
		html(res, "<p class=\"actions\">");
		if (edit)
			html_printf(res, "<a class=\"button\" href=\"/charters/%lld/edit\">Rediger kommissorium</a> ",
				    (long long)c->id);
		html_printf(res, "<a class=\"button\" href=\"/charters/%lld/approvals/new\">Tilføj godkendelse</a>",
			    (long long)c->id);
		if (edit)
			html_printf(res, " <a class=\"button\" href=\"/bodies/%lld/charters/new\">Nyt kommissorium</a>",
				    (long long)b->id);
		html(res, "</p>\n");
	}
	html(res, "</header>\n");
	charter_text(req, res, c->text);
	charter_rules(res, s, c, dq);
	seat_table(res, c);
	if (c->n_overlaps) {
		html(res, "<h4>Personsammenfald</h4>\n<ul class=\"plain\">\n");
		for (size_t i = 0; i < c->n_overlaps; i++) {
			const struct overlap_rule *o = &c->overlaps[i];
			html_printf(res, "<li>Mindst %d %s skal også være medlem af ",
				    o->min_persons, o->min_persons == 1 ? "person" : "personer");
			html_link_body(res, structure_body(s, o->other_body_id));
			html(res, "</li>\n");
		}
		html(res, "</ul>\n");
	}
	html(res, "</article>\n</section>\n");
}

static int cmp_charter_version_desc(const void *x, const void *y)
{
	const struct charter *a = *(const struct charter *const *)x;
	const struct charter *b = *(const struct charter *const *)y;
	return (a->version < b->version) - (a->version > b->version);
}

static void history_section(struct request *req, struct response *res,
			    const struct structure *s, const struct body *b,
			    const struct charter *in_force)
{
	bool edit = web_allowed(req, ACCESS_EDIT_BODY, b->id);
	bool approve = edit || web_allowed(req, ACCESS_APPROVE, b->id);
	size_t n = 0;
	for (size_t i = 0; i < s->n_charters; i++)
		if (s->charters[i].body_id == b->id)
			n++;
	if (n == 0)
		return;
	const struct charter **cs = arena_array(req->arena, n, sizeof(*cs));
	n = 0;
	for (size_t i = 0; i < s->n_charters; i++)
		if (s->charters[i].body_id == b->id)
			cs[n++] = &s->charters[i];
	qsort(cs, n, sizeof(*cs), cmp_charter_version_desc);

	html(res, "<section id=\"historik\">\n<h2>Godkendelseshistorik</h2>\n");
	for (size_t k = 0; k < n; k++) {
		const struct charter *c = cs[k];
		html(res, "<div class=\"version\">\n<h3>");
		html_printf(res, "Version %d", c->version);
		if (c->title && *c->title) {
			html(res, ": ");
			html_txt(res, c->title);
		}
		html(res, "</h3>\n<p class=\"meta\">");
		status_badge(res, c->status);
		if (c == in_force)
			html(res, " <span class=\"badge current\">vises ovenfor</span>");
		/* The edit page is where a draft is read in full: linked for
		 * everyone who sees the version ("Vis" when they may not
		 * change it). */
		html_printf(res, " · <a href=\"/charters/%lld/edit\">%s</a>",
			    (long long)c->id, edit ? "Rediger" : "Vis");
		if (approve)
			html_printf(res, " · <a href=\"/charters/%lld/approvals/new\">Tilføj godkendelse</a>",
				    (long long)c->id);
		html(res, "</p>\n");
		if (c->n_approvals == 0) {
			html(res, "<p class=\"empty\">Ingen godkendelser registreret.</p>\n</div>\n");
			continue;
		}
		html(res, "<ol class=\"timeline\">\n");
		for (size_t i = 0; i < c->n_approvals; i++) {
			const struct approval *ap = &c->approvals[i];
			html(res, "<li><span class=\"when\">");
			html_date(res, ap->date);
			html(res, "</span> ");
			status_badge(res, ap->status);
			html(res, " af ");
			const struct body *by = structure_body(s, ap->by_body_id);
			if (by)
				html_link_body(res, by);
			else
				html_txt(res, ap->by_text && *ap->by_text ? ap->by_text : "(ikke angivet)");
			if (ap->note && *ap->note) {
				html(res, "<br><span class=\"muted\">");
				html_txt(res, ap->note);
				html(res, "</span>");
			}
			html(res, "</li>\n");
		}
		html(res, "</ol>\n</div>\n");
	}
	html(res, "</section>\n");
}

static void rotation_section(struct response *res, const struct structure *s,
			     const struct body *b, int date)
{
	bool any = false;
	int year = date_year(date);
	for (size_t i = 0; i < s->n_rotations; i++) {
		const struct rotation *r = &s->rotations[i];
		if (r->body_id != b->id)
			continue;
		if (!any)
			html(res, "<section id=\"rotation\">\n<h2>Rotationsplan for formandskabet</h2>\n"
				  "<div class=\"table-wrap\"><table class=\"list\">\n<thead><tr>"
				  "<th scope=\"col\">Periode</th><th scope=\"col\">Organisation</th>"
				  "<th scope=\"col\">Note</th></tr></thead>\n<tbody>\n");
		any = true;
		bool now = year >= r->start_year && year <= r->end_year;
		html(res, now ? "<tr class=\"current\">" : "<tr>");
		html(res, "<td class=\"nowrap\">");
		if (r->end_year && r->end_year != r->start_year)
			html_printf(res, "%d–%d", r->start_year, r->end_year);
		else
			html_printf(res, "%d", r->start_year);
		if (now)
			html(res, " <span class=\"badge current\">nu</span>");
		html(res, "</td><td>");
		const struct organisation *o = structure_org(s, r->org_id);
		if (o)
			html_link_org(res, o);
		else
			html(res, "<span class=\"muted\">Ikke besluttet</span>");
		html(res, "</td><td>");
		html_txt(res, r->note);
		html(res, "</td></tr>\n");
	}
	if (any)
		html(res, "</tbody></table></div>\n</section>\n");
}

static void subbodies_section(struct request *req, struct response *res,
			      const struct structure *s, const struct body *b,
			      int date, const char *dq)
{
	bool any = false;
	for (size_t i = 0; i < s->n_bodies; i++) {
		const struct body *k = &s->bodies[i];
		if (k->parent_id != b->id || k->id == b->id)
			continue;
		if (!any)
			html(res, "<section id=\"underfora\">\n<h2>Underliggende fora</h2>\n<ul class=\"plain\">\n");
		any = true;
		const struct violations *v = web_check_body(req, k->id, date);
		html_printf(res, "<li><a href=\"/bodies/%lld", (long long)k->id);
		html_attr(res, dq);
		html(res, "\">");
		html_txt(res, k->name);
		html(res, "</a> <span class=\"muted\">");
		html_txt(res, body_kind_label(k->kind));
		html(res, "</span> ");
		if (v->n)
			html_violation_badge(res, v->n);
		html(res, "</li>\n");
	}
	if (any)
		html(res, "</ul>\n</section>\n");
}

/* Ended memberships (before the date), then those not yet begun. */
static void other_members_section(struct response *res,
				  const struct structure *s,
				  const struct body *b, int date, bool future,
				  bool edit)
{
	bool any = false;
	for (size_t i = 0; i < s->n_memberships; i++) {
		const struct membership *m = &s->memberships[i];
		if (m->body_id != b->id)
			continue;
		bool hit = future ? (m->start && m->start > date)
				  : (m->end && m->end < date);
		if (!hit)
			continue;
		if (!any) {
			html(res, future ? "<section id=\"kommende\">\n<h2>Kommende medlemmer</h2>\n"
					 : "<section id=\"tidligere\">\n<h2>Tidligere medlemmer</h2>\n");
			member_head(res, false);
		}
		any = true;
		member_row(res, s, m, false, false, edit);
	}
	if (any) {
		member_foot(res);
		html(res, "</section>\n");
	}
}

void view_body(struct request *req, struct response *res)
{
	const struct structure *s = web_structure(req);
	const struct body *b = structure_body(s, req_param_id(req, 0));
	if (!b) {
		page_error(req, res, 404, "Forummet findes ikke.");
		return;
	}
	int date;
	if (page_date(req, res, &date) != 0)
		return;
	const char *dq = page_date_suffix(req, date);
	bool approved = false;
	const struct charter *c = charter_in_force(s, b->id, date, &approved);
	const struct violations *v = web_check_body(req, b->id, date);

	page_begin(req, res, b->name);
	crumbs(res, s, b, dq);
	html(res, "<header class=\"page-head\">\n<p class=\"kicker\">");
	html_txt(res, body_kind_label(b->kind));
	const struct area *ar = structure_area(s, b->area_id);
	if (ar) {
		html(res, " · ");
		html_txt(res, ar->name);
	}
	html(res, "</p>\n<h1>");
	html_txt(res, b->name);
	if (b->short_name && *b->short_name && strcmp(b->short_name, b->name) != 0) {
		html(res, " <span class=\"short\">(");
		html_txt(res, b->short_name);
		html(res, ")</span>");
	}
	html(res, "</h1>\n");
	if (web_allowed(req, ACCESS_EDIT_BODY, b->id))
		html_printf(res, "<p class=\"actions\"><a class=\"button\" href=\"/bodies/%lld/edit\">Rediger forum</a> "
				 "<a class=\"button\" href=\"/bodies/%lld/memberships/new\">Tilføj medlem</a> "
				 "<a class=\"button\" href=\"/bodies/%lld/charters/new\">Nyt kommissorium</a></p>\n",
			    (long long)b->id, (long long)b->id, (long long)b->id);
	html(res, "</header>\n");

	html(res, "<dl class=\"facts\">\n");
	fact(res, "Type");
	html_txt(res, body_kind_label(b->kind));
	if (!b->formal)
		html(res, " <span class=\"tag\">uden for den formelle beslutningsstruktur</span>");
	html(res, "</dd>\n");
	fact(res, "Klynge");
	if (ar)
		html_link_area(res, ar);
	else
		html(res, "Hele regionen");
	html(res, "</dd>\n");
	const struct organisation *reg = structure_org(s, b->region_id);
	if (reg) {
		fact(res, "Region");
		html_link_org(res, reg);
		html(res, "</dd>\n");
	}
	fact(res, "Overordnet forum");
	html_link_body(res, structure_body(s, b->parent_id));
	html(res, "</dd>\n");
	const struct body *to = c ? structure_body(s, c->recommends_to_id) : NULL;
	fact(res, "Refererer til");
	html_link_body(res, to ? to : structure_body(s, b->parent_id));
	html(res, "</dd>\n");
	html_printf(res, "<dt>Medlemmer pr. dato</dt><dd>%d</dd>\n",
		    page_members_on(s, b->id, date));
	html(res, "</dl>\n");
	if (b->description && *b->description) {
		html(res, "<p class=\"description\">");
		html_txt(res, b->description);
		html(res, "</p>\n");
	}

	html(res, "<section id=\"regeltjek\" class=\"check\">\n<h2>Regeltjek</h2>\n");
	html_date_form(req, res, arena_printf(req->arena, "/bodies/%lld", (long long)b->id),
		       date, "Tjek pr. dato");
	html_violations(res, v, date);
	html(res, "</section>\n");

	members_section(req, res, s, b, c, date);
	charter_section(req, res, s, b, c, approved, date, dq);
	history_section(req, res, s, b, c);
	rotation_section(res, s, b, date);
	subbodies_section(req, res, s, b, date, dq);
	bool edit = web_allowed(req, ACCESS_EDIT_BODY, b->id);
	other_members_section(res, s, b, date, false, edit);
	other_members_section(res, s, b, date, true, edit);
	meeting_body_section(req, res, b);	/* meeting.c (issue 4) */
	cases_body_section(req, res, b);	/* cases_views.c (issue 5) */
	page_audit_section(req, res, NULL, 0, b->id,
			   arena_printf(req->arena, "/bodies/%lld", (long long)b->id));
	page_end(req, res);
}
