/*
 * pages.c - the read-only pages: route table, shared helpers, the lists
 * (bodies, people, organisations, areas) and the person, organisation
 * and area pages. The structure page is view_structure.c, the body page
 * view_body.c.
 *
 * Pages only read: the structure (web_structure), the rules (core) and
 * the request. Links to create/edit forms use the URLs forms.c serves.
 */
#include "pages.h"

#include <stdlib.h>
#include <string.h>

#include "../../util/date.h"
#include "cases.h"

const struct route page_routes[] = {
	{ "GET", "/", view_structure },
	{ "GET", "/bodies", view_bodies },
	{ "GET", "/bodies/:id", view_body },
	{ "GET", "/people", view_people },
	{ "GET", "/people/:id", view_person },
	{ "GET", "/organisations", view_organisations },
	{ "GET", "/organisations/:id", view_organisation },
	{ "GET", "/areas", view_areas },
	{ "GET", "/areas/:id", view_area },
	{ NULL, NULL, NULL },
};

/* ---- shared helpers ---------------------------------------------------- */

int page_date(struct request *req, struct response *res, int *date)
{
	const char *d = req_query(req, "date");
	if (!d || !*d) {
		*date = date_today();
		return 0;
	}
	if (date_parse(d, date) != 0) {
		page_error(req, res, 400, "Ugyldig dato – brug formatet ÅÅÅÅ-MM-DD.");
		return -1;
	}
	return 0;
}

const char *page_date_suffix(struct request *req, int date)
{
	if (date == date_today())
		return "";
	char d[16];
	date_format(date, d, sizeof(d));
	return arena_printf(req->arena, "?date=%s", d);
}

void html_date_form(struct request *req, struct response *res,
		    const char *action, int date, const char *label)
{
	char d[16];
	date_format(date, d, sizeof(d));
	html(res, "<form class=\"dateform\" method=\"get\" action=\"");
	html_attr(res, action);
	html(res, "\"><label for=\"date\">");
	html_txt(res, label ? label : "Vis pr. dato");
	html(res, "</label> <input type=\"date\" id=\"date\" name=\"date\" value=\"");
	html_attr(res, d);
	html(res, "\" required pattern=\"[0-9]{4}-[0-9]{2}-[0-9]{2}\"> "
		  "<button type=\"submit\">Vis</button>");
	if (date != date_today()) {
		html(res, " <a href=\"");
		html_attr(res, action);
		html(res, "\">I dag</a>");
	}
	html(res, "</form>\n");
}

int page_members_on(const struct structure *s, int64_t body_id, int date)
{
	int n = 0;
	for (size_t i = 0; i < s->n_memberships; i++) {
		const struct membership *m = &s->memberships[i];
		if (m->body_id == body_id && role_is_ordinary(m->role) &&
		    membership_active(m, date))
			n++;
	}
	return n;
}

void html_violation_badge(struct response *res, size_t n)
{
	if (n == 0)
		html(res, "<span class=\"badge ok\">ingen</span>");
	else
		html_printf(res, "<span class=\"badge bad\">%zu regelbrud</span>", n);
}

void html_violations(struct response *res, const struct violations *v,
		     int date)
{
	if (v->n == 0) {
		html(res, "<p class=\"check-ok\">Ingen regelbrud pr. ");
		html_date(res, date);
		html(res, "</p>\n");
		return;
	}
	html(res, "<ul class=\"violations\">\n");
	for (size_t i = 0; i < v->n; i++) {
		html(res, "<li class=\"violation v-");
		html_attr(res, v->items[i].code);
		html(res, "\">");
		html_txt(res, v->items[i].message);
		html(res, "</li>\n");
	}
	html(res, "</ul>\n");
}

/* "19.9.2022": the short Danish form, for tables. */
static void html_date_short(struct response *res, int date)
{
	if (!date_valid(date)) {
		html(res, "–");
		return;
	}
	html_printf(res, "%d.%d.%d", date % 100, date / 100 % 100, date / 10000);
}

void html_period(struct response *res, int start, int end)
{
	if (start && end) {
		html_date_short(res, start);
		html(res, "–");
		html_date_short(res, end);
	} else if (start) {
		html(res, "fra ");
		html_date_short(res, start);
	} else if (end) {
		html(res, "til ");
		html_date_short(res, end);
	} else {
		html(res, "–");
	}
}

void html_org_name(struct response *res, const struct organisation *o)
{
	html_link_org(res, o);
}

/* Collation weight of the code point at *p (advancing p): letters fold
 * to lower case, æ ø å sort after z, and a leading "aa" counts as å. */
static int da_weight(const unsigned char **pp, bool word_start)
{
	const unsigned char *p = *pp;
	int c = p[0];
	if (c < 0x80) {
		if (word_start && (c == 'a' || c == 'A') && (p[1] == 'a' || p[1] == 'A')) {
			*pp = p + 2;
			return 'z' + 3;
		}
		*pp = p + 1;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		return c;
	}
	if (c == 0xC3 && p[1]) {
		int d = p[1];
		*pp = p + 2;
		switch (d) {
		case 0x86: case 0xA6: return 'z' + 1;	/* Æ æ */
		case 0x98: case 0xB8: return 'z' + 2;	/* Ø ø */
		case 0x85: case 0xA5: return 'z' + 3;	/* Å å */
		case 0x89: case 0xA9: return 'e';	/* É é */
		case 0x96: case 0xB6: return 'z' + 2;	/* Ö ö */
		case 0x9C: case 0xBC: return 'y';	/* Ü ü */
		case 0x84: case 0xA4: return 'z' + 1;	/* Ä ä */
		default: return 0x100 + d;
		}
	}
	*pp = p + 1;
	return 0x200 + c;
}

int da_strcmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)(a ? a : "");
	const unsigned char *q = (const unsigned char *)(b ? b : "");
	bool ws_p = true, ws_q = true;
	while (*p && *q) {
		bool sp = *p == ' ' || *p == '-', sq = *q == ' ' || *q == '-';
		int wp = da_weight(&p, ws_p), wq = da_weight(&q, ws_q);
		ws_p = sp;
		ws_q = sq;
		if (wp != wq)
			return wp < wq ? -1 : 1;
	}
	if (*p)
		return 1;
	if (*q)
		return -1;
	return strcmp(a ? a : "", b ? b : "");
}

/* Indices of people/organisations in Danish name order (qsort_r). */
static int cmp_person_idx(const void *x, const void *y, void *ctx)
{
	const struct structure *s = ctx;
	return da_strcmp(s->people[*(const size_t *)x].name,
			 s->people[*(const size_t *)y].name);
}

static int cmp_org_idx(const void *x, const void *y, void *ctx)
{
	const struct structure *s = ctx;
	return da_strcmp(s->orgs[*(const size_t *)x].name,
			 s->orgs[*(const size_t *)y].name);
}

static size_t *sorted_index(struct arena *a, const struct structure *s,
			    size_t n,
			    int (*cmp)(const void *, const void *, void *))
{
	size_t *idx = arena_array(a, n + 1, sizeof(size_t));
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	qsort_r(idx, n, sizeof(size_t), cmp, (void *)s);
	return idx;
}

static void empty_hint(struct response *res)
{
	html(res, "<p class=\"empty\">Der er ingen data endnu. Indlæs en struktur med "
		  "<code>klynge import data/demo.json</code>.</p>\n");
}

static void actions_begin(struct response *res)
{
	html(res, "<p class=\"actions\">");
}

static void action_link(struct response *res, const char *href,
			const char *label)
{
	html(res, "<a class=\"button\" href=\"");
	html_attr(res, href);
	html(res, "\">");
	html_txt(res, label);
	html(res, "</a> ");
}

static void actions_end(struct response *res)
{
	html(res, "</p>\n");
}

/* ---- bodies ------------------------------------------------------------ */

static void bodies_table(struct request *req, struct response *res,
			 const struct structure *s, int64_t region_id,
			 bool other, int date, const char *dq)
{
	html(res, "<div class=\"table-wrap\"><table class=\"list\">\n"
		  "<thead><tr><th scope=\"col\">Forum</th><th scope=\"col\">Type</th>"
		  "<th scope=\"col\">Klynge</th><th scope=\"col\">Refererer til</th>"
		  "<th scope=\"col\" class=\"num\">Medlemmer</th>"
		  "<th scope=\"col\">Regeltjek</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < s->n_bodies; i++) {
		const struct body *b = &s->bodies[i];
		const struct organisation *reg = structure_org(s, b->region_id);
		bool in_region = reg && reg->kind == ORG_REGION;
		if (other ? in_region : b->region_id != region_id)
			continue;
		const struct violations *v = web_check_body(req, b->id, date);
		html(res, "<tr><td>");
		html_printf(res, "<a href=\"/bodies/%lld", (long long)b->id);
		html_attr(res, dq);
		html(res, "\">");
		html_txt(res, b->name);
		html(res, "</a>");
		if (!b->formal)
			html(res, " <span class=\"tag\">uformel</span>");
		html(res, "</td><td>");
		html_txt(res, body_kind_label(b->kind));
		html(res, "</td><td>");
		const struct area *ar = structure_area(s, b->area_id);
		if (ar)
			html_link_area(res, ar);
		else
			html(res, "<span class=\"muted\">Hele regionen</span>");
		html(res, "</td><td>");
		html_link_body(res, structure_body(s, b->parent_id));
		html_printf(res, "</td><td class=\"num\">%d</td><td>",
			    page_members_on(s, b->id, date));
		html_violation_badge(res, v->n);
		html(res, "</td></tr>\n");
	}
	html(res, "</tbody></table></div>\n");
}

void view_bodies(struct request *req, struct response *res)
{
	const struct structure *s = web_structure(req);
	int date;
	if (page_date(req, res, &date) != 0)
		return;
	const char *dq = page_date_suffix(req, date);
	page_begin(req, res, "Fora");
	html(res, "<h1>Fora</h1>\n<p class=\"lead\">Alle udvalg, styregrupper og "
		  "grupper med medlemstal og regeltjek pr. ");
	html_date(res, date);
	html(res, ".</p>\n");
	html_date_form(req, res, "/bodies", date, NULL);
	if (web_allowed(req, ACCESS_EDIT_REGISTRY, 0)) {
		actions_begin(res);
		action_link(res, "/bodies/new", "Nyt forum");
		actions_end(res);
	}
	if (s->n_bodies == 0) {
		empty_hint(res);
		page_end(req, res);
		return;
	}
	bool any_other = false;
	for (size_t i = 0; i < s->n_bodies; i++) {
		const struct organisation *reg = structure_org(s, s->bodies[i].region_id);
		if (!reg || reg->kind != ORG_REGION)
			any_other = true;
	}
	for (size_t r = 0; r < s->n_orgs; r++) {
		const struct organisation *reg = &s->orgs[r];
		if (reg->kind != ORG_REGION)
			continue;
		bool any = false;
		for (size_t i = 0; i < s->n_bodies && !any; i++)
			any = s->bodies[i].region_id == reg->id;
		if (!any)
			continue;
		html(res, "<section>\n<h2>");
		html_txt(res, reg->name);
		html(res, "</h2>\n");
		bodies_table(req, res, s, reg->id, false, date, dq);
		html(res, "</section>\n");
	}
	if (any_other) {
		html(res, "<section>\n<h2>Øvrige fora</h2>\n");
		bodies_table(req, res, s, 0, true, date, dq);
		html(res, "</section>\n");
	}
	page_end(req, res);
}

/* ---- people ------------------------------------------------------------ */

void view_people(struct request *req, struct response *res)
{
	const struct structure *s = web_structure(req);
	int today = date_today();
	page_begin(req, res, "Personer");
	html(res, "<h1>Personer</h1>\n");
	if (web_allowed(req, ACCESS_EDIT_REGISTRY, 0)) {
		actions_begin(res);
		action_link(res, "/people/new", "Ny person");
		actions_end(res);
	}
	if (s->n_people == 0) {
		empty_hint(res);
		page_end(req, res);
		return;
	}
	size_t *idx = sorted_index(req->arena, s, s->n_people, cmp_person_idx);
	html(res, "<div class=\"table-wrap\"><table class=\"list\">\n"
		  "<thead><tr><th scope=\"col\">Navn</th><th scope=\"col\">Stilling</th>"
		  "<th scope=\"col\">Organisation</th>"
		  "<th scope=\"col\" class=\"num\">Nuværende poster</th></tr></thead>\n<tbody>\n");
	for (size_t k = 0; k < s->n_people; k++) {
		const struct person *p = &s->people[idx[k]];
		int posts = 0;
		for (size_t i = 0; i < s->n_memberships; i++)
			if (s->memberships[i].person_id == p->id &&
			    membership_active(&s->memberships[i], today))
				posts++;
		html(res, "<tr><td>");
		html_link_person(res, p);
		html(res, "</td><td>");
		html_txt(res, p->title);
		html(res, "</td><td>");
		html_link_org(res, structure_org(s, p->organisation_id));
		html_printf(res, "</td><td class=\"num\">%d</td></tr>\n", posts);
	}
	html(res, "</tbody></table></div>\n");
	page_end(req, res);
}

/* Memberships sorted newest first for a person's history. */
static int cmp_membership_start_desc(const void *x, const void *y)
{
	const struct membership *a = *(const struct membership *const *)x;
	const struct membership *b = *(const struct membership *const *)y;
	if (a->start != b->start)
		return a->start > b->start ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

static void membership_status(struct response *res, const struct membership *m,
			      int today)
{
	if (membership_active(m, today))
		html(res, "<span class=\"badge ok\">nuværende</span>");
	else if (m->start && m->start > today)
		html(res, "<span class=\"badge\">kommende</span>");
	else
		html(res, "<span class=\"badge muted\">tidligere</span>");
}

void view_person(struct request *req, struct response *res)
{
	const struct structure *s = web_structure(req);
	const struct person *p = structure_person(s, req_param_id(req, 0));
	if (!p) {
		page_error(req, res, 404, "Personen findes ikke.");
		return;
	}
	int today = date_today();
	page_begin(req, res, p->name);
	html(res, "<nav class=\"crumbs\" aria-label=\"Brødkrummer\"><a href=\"/people\">Personer</a></nav>\n");
	html(res, "<h1>");
	html_txt(res, p->name);
	html(res, "</h1>\n");
	if (web_allowed(req, ACCESS_EDIT_REGISTRY, 0)) {
		actions_begin(res);
		html_printf(res, "<a class=\"button\" href=\"/people/%lld/edit\">Rediger person</a>",
			    (long long)p->id);
		actions_end(res);
	}
	html(res, "<dl class=\"facts\">\n");
	if (p->title && *p->title) {
		html(res, "<dt>Stilling</dt><dd>");
		html_txt(res, p->title);
		html(res, "</dd>\n");
	}
	html(res, "<dt>Ansat i</dt><dd>");
	html_link_org(res, structure_org(s, p->organisation_id));
	html(res, "</dd>\n");
	if (p->email && *p->email) {
		html(res, "<dt>E-mail</dt><dd><a href=\"mailto:");
		html_attr(res, p->email);
		html(res, "\">");
		html_txt(res, p->email);
		html(res, "</a></dd>\n");
	}
	if (p->note && *p->note) {
		html(res, "<dt>Note</dt><dd>");
		html_txt(res, p->note);
		html(res, "</dd>\n");
	}
	html_printf(res, "<dt>Møder</dt><dd><a href=\"/people/%lld/calendar.ics\">Kalender (iCalendar)</a></dd>\n",
		    (long long)p->id);	/* calendar.c */
	html(res, "</dl>\n");

	size_t n = 0;
	for (size_t i = 0; i < s->n_memberships; i++)
		if (s->memberships[i].person_id == p->id)
			n++;
	html(res, "<section>\n<h2>Poster</h2>\n");
	if (n == 0) {
		html(res, "<p class=\"empty\">Personen har ingen poster.</p>\n</section>\n");
		page_end(req, res);
		return;
	}
	const struct membership **ms = arena_array(req->arena, n, sizeof(*ms));
	n = 0;
	for (size_t i = 0; i < s->n_memberships; i++)
		if (s->memberships[i].person_id == p->id)
			ms[n++] = &s->memberships[i];
	qsort(ms, n, sizeof(*ms), cmp_membership_start_desc);
	html(res, "<div class=\"table-wrap\"><table class=\"list\">\n"
		  "<thead><tr><th scope=\"col\">Forum</th><th scope=\"col\">Rolle</th>"
		  "<th scope=\"col\">Funktion</th><th scope=\"col\">Repræsenterer</th>"
		  "<th scope=\"col\">Periode</th><th scope=\"col\">Status</th>"
		  "<th scope=\"col\"><span class=\"visually-hidden\">Handling</span></th></tr></thead>\n<tbody>\n");
	for (size_t k = 0; k < n; k++) {
		const struct membership *m = ms[k];
		html(res, membership_active(m, today) ? "<tr>" : "<tr class=\"past\">");
		html(res, "<td>");
		html_link_body(res, structure_body(s, m->body_id));
		html(res, "</td><td>");
		html_txt(res, role_label(m->role));
		html(res, "</td><td>");
		html_txt(res, function_label(m->function));
		html(res, "</td><td>");
		html_link_org(res, structure_org(s, m->represents_id));
		html(res, "</td><td>");
		html_period(res, m->start, m->end);
		html(res, "</td><td>");
		membership_status(res, m, today);
		html(res, "</td><td>");
		if (web_allowed(req, ACCESS_EDIT_BODY, m->body_id))
			html_printf(res, "<a href=\"/memberships/%lld/edit\">Rediger</a>",
				    (long long)m->id);
		html(res, "</td></tr>\n");
	}
	html(res, "</tbody></table></div>\n</section>\n");
	page_audit_section(req, res, "person", p->id, 0,
			   arena_printf(req->arena, "/people/%lld", (long long)p->id));
	page_end(req, res);
}

/* ---- organisations ----------------------------------------------------- */

void view_organisations(struct request *req, struct response *res)
{
	const struct structure *s = web_structure(req);
	page_begin(req, res, "Organisationer");
	html(res, "<h1>Organisationer</h1>\n");
	if (web_allowed(req, ACCESS_EDIT_REGISTRY, 0)) {
		actions_begin(res);
		action_link(res, "/organisations/new", "Ny organisation");
		actions_end(res);
	}
	if (s->n_orgs == 0) {
		empty_hint(res);
		page_end(req, res);
		return;
	}
	size_t *idx = sorted_index(req->arena, s, s->n_orgs, cmp_org_idx);
	/* grouped by sector, in the enum's order; no sector last */
	for (int sec = SECTOR_REGION; sec <= SECTOR__COUNT; sec++) {
		enum sector want = sec == SECTOR__COUNT ? SECTOR_NONE : (enum sector)sec;
		bool any = false;
		for (size_t k = 0; k < s->n_orgs && !any; k++)
			any = s->orgs[k].sector == want;
		if (!any)
			continue;
		html(res, "<section>\n<h2>");
		html_txt(res, want ? sector_label(want) : "Uden sektor");
		html(res, "</h2>\n<div class=\"table-wrap\"><table class=\"list\">\n"
			  "<thead><tr><th scope=\"col\">Navn</th><th scope=\"col\">Type</th>"
			  "<th scope=\"col\">Hører under</th></tr></thead>\n<tbody>\n");
		for (size_t k = 0; k < s->n_orgs; k++) {
			const struct organisation *o = &s->orgs[idx[k]];
			if (o->sector != want)
				continue;
			html(res, "<tr><td>");
			html_link_org(res, o);
			if (o->short_name && *o->short_name) {
				html(res, " <span class=\"muted\">(");
				html_txt(res, o->short_name);
				html(res, ")</span>");
			}
			html(res, "</td><td>");
			html_txt(res, org_kind_label(o->kind));
			html(res, "</td><td>");
			html_link_org(res, structure_org(s, o->parent_id));
			html(res, "</td></tr>\n");
		}
		html(res, "</tbody></table></div>\n</section>\n");
	}
	page_end(req, res);
}

void view_organisation(struct request *req, struct response *res)
{
	const struct structure *s = web_structure(req);
	const struct organisation *o = structure_org(s, req_param_id(req, 0));
	if (!o) {
		page_error(req, res, 404, "Organisationen findes ikke.");
		return;
	}
	int today = date_today();
	page_begin(req, res, o->name);
	html(res, "<nav class=\"crumbs\" aria-label=\"Brødkrummer\"><a href=\"/organisations\">Organisationer</a></nav>\n<h1>");
	html_txt(res, o->name);
	if (o->short_name && *o->short_name) {
		html(res, " <span class=\"short\">(");
		html_txt(res, o->short_name);
		html(res, ")</span>");
	}
	html(res, "</h1>\n");
	if (web_allowed(req, ACCESS_EDIT_REGISTRY, 0)) {
		actions_begin(res);
		html_printf(res, "<a class=\"button\" href=\"/organisations/%lld/edit\">Rediger</a>",
			    (long long)o->id);
		actions_end(res);
	}
	html(res, "<dl class=\"facts\">\n<dt>Type</dt><dd>");
	html_txt(res, org_kind_label(o->kind));
	html(res, "</dd>\n<dt>Sektor</dt><dd>");
	html_txt(res, o->sector ? sector_label(o->sector) : "–");
	html(res, "</dd>\n<dt>Hører under</dt><dd>");
	html_link_org(res, structure_org(s, o->parent_id));
	html(res, "</dd>\n");
	if (o->note && *o->note) {
		html(res, "<dt>Note</dt><dd>");
		html_txt(res, o->note);
		html(res, "</dd>\n");
	}
	html(res, "</dl>\n");

	/* sub-organisations */
	bool any = false;
	for (size_t i = 0; i < s->n_orgs; i++) {
		if (s->orgs[i].parent_id != o->id)
			continue;
		if (!any)
			html(res, "<section>\n<h2>Underliggende organisationer</h2>\n<ul class=\"plain\">\n");
		any = true;
		html(res, "<li>");
		html_link_org(res, &s->orgs[i]);
		html(res, " <span class=\"muted\">");
		html_txt(res, org_kind_label(s->orgs[i].kind));
		html(res, "</span></li>\n");
	}
	if (any)
		html(res, "</ul>\n</section>\n");

	/* areas */
	html(res, "<section>\n<h2>Klynger</h2>\n");
	any = false;
	for (size_t i = 0; i < s->n_areas; i++) {
		const struct area *ar = &s->areas[i];
		const char *how = NULL;
		if (area_has_municipality(ar, o->id))
			how = "kommune i klyngen";
		else if (ar->hospital_id == o->id)
			how = "klyngens akutsygehus";
		else if (ar->region_id == o->id)
			how = "region";
		if (!how)
			continue;
		if (!any)
			html(res, "<ul class=\"plain\">\n");
		any = true;
		html(res, "<li>");
		html_link_area(res, ar);
		html(res, " <span class=\"muted\">– ");
		html_txt(res, how);
		html(res, "</span></li>\n");
	}
	html(res, any ? "</ul>\n" : "<p class=\"empty\">Organisationen indgår ikke i en klynge.</p>\n");
	html(res, "</section>\n");

	/* people employed */
	html(res, "<section>\n<h2>Ansatte</h2>\n");
	any = false;
	for (size_t i = 0; i < s->n_people; i++) {
		const struct person *p = &s->people[i];
		if (p->organisation_id != o->id)
			continue;
		if (!any)
			html(res, "<ul class=\"plain\">\n");
		any = true;
		html(res, "<li>");
		html_link_person(res, p);
		if (p->title && *p->title) {
			html(res, " <span class=\"muted\">– ");
			html_txt(res, p->title);
			html(res, "</span>");
		}
		html(res, "</li>\n");
	}
	html(res, any ? "</ul>\n" : "<p class=\"empty\">Ingen personer er registreret som ansat her.</p>\n");
	html(res, "</section>\n");

	/* memberships representing it (or appointed by it) */
	html(res, "<section>\n<h2>Repræsenteret i fora</h2>\n");
	any = false;
	for (size_t i = 0; i < s->n_memberships; i++) {
		const struct membership *m = &s->memberships[i];
		if (m->represents_id != o->id && m->appointed_by_id != o->id)
			continue;
		if (!any)
			html(res, "<div class=\"table-wrap\"><table class=\"list\">\n"
				  "<thead><tr><th scope=\"col\">Forum</th><th scope=\"col\">Person</th>"
				  "<th scope=\"col\">Rolle</th><th scope=\"col\">Forhold</th>"
				  "<th scope=\"col\">Periode</th><th scope=\"col\">Status</th></tr></thead>\n<tbody>\n");
		any = true;
		html(res, membership_active(m, today) ? "<tr>" : "<tr class=\"past\">");
		html(res, "<td>");
		html_link_body(res, structure_body(s, m->body_id));
		html(res, "</td><td>");
		html_link_person(res, structure_person(s, m->person_id));
		html(res, "</td><td>");
		html_txt(res, role_label(m->role));
		html(res, "</td><td>");
		if (m->represents_id == o->id && m->appointed_by_id == o->id)
			html(res, "repræsenterer og udpeget af");
		else if (m->represents_id == o->id)
			html(res, "repræsenterer");
		else
			html(res, "udpeget af");
		html(res, "</td><td>");
		html_period(res, m->start, m->end);
		html(res, "</td><td>");
		membership_status(res, m, today);
		html(res, "</td></tr>\n");
	}
	html(res, any ? "</tbody></table></div>\n"
		      : "<p class=\"empty\">Organisationen er ikke repræsenteret i noget forum.</p>\n");
	html(res, "</section>\n");
	page_audit_section(req, res, "organisation", o->id, 0,
			   arena_printf(req->arena, "/organisations/%lld",
					(long long)o->id));
	page_end(req, res);
}

/* ---- areas ------------------------------------------------------------- */

void view_areas(struct request *req, struct response *res)
{
	const struct structure *s = web_structure(req);
	page_begin(req, res, "Klynger");
	html(res, "<h1>Klynger</h1>\n<p class=\"lead\">Sundhedsklyngerne: et akutsygehus "
		  "og kommunerne i dets optageområde.</p>\n");
	if (s->n_areas == 0) {
		empty_hint(res);
		page_end(req, res);
		return;
	}
	html(res, "<div class=\"table-wrap\"><table class=\"list\">\n"
		  "<thead><tr><th scope=\"col\">Klynge</th><th scope=\"col\">Region</th>"
		  "<th scope=\"col\">Akutsygehus</th><th scope=\"col\">Kommuner</th>"
		  "<th scope=\"col\" class=\"num\">Fora</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < s->n_areas; i++) {
		const struct area *ar = &s->areas[i];
		html(res, "<tr><td>");
		html_link_area(res, ar);
		html(res, "</td><td>");
		html_link_org(res, structure_org(s, ar->region_id));
		html(res, "</td><td>");
		html_link_org(res, structure_org(s, ar->hospital_id));
		html(res, "</td><td>");
		for (size_t k = 0; k < ar->n_municipalities; k++) {
			if (k)
				html(res, ", ");
			html_link_org(res, structure_org(s, ar->municipality_ids[k]));
		}
		int nb = 0;
		for (size_t k = 0; k < s->n_bodies; k++)
			if (s->bodies[k].area_id == ar->id)
				nb++;
		html_printf(res, "</td><td class=\"num\">%d</td></tr>\n", nb);
	}
	html(res, "</tbody></table></div>\n");
	page_end(req, res);
}

void view_area(struct request *req, struct response *res)
{
	const struct structure *s = web_structure(req);
	const struct area *ar = structure_area(s, req_param_id(req, 0));
	if (!ar) {
		page_error(req, res, 404, "Klyngen findes ikke.");
		return;
	}
	int date;
	if (page_date(req, res, &date) != 0)
		return;
	const char *dq = page_date_suffix(req, date);
	page_begin(req, res, ar->name);
	html(res, "<nav class=\"crumbs\" aria-label=\"Brødkrummer\"><a href=\"/areas\">Klynger</a></nav>\n<h1>");
	html_txt(res, ar->name);
	html(res, "</h1>\n<dl class=\"facts\">\n<dt>Region</dt><dd>");
	html_link_org(res, structure_org(s, ar->region_id));
	html(res, "</dd>\n<dt>Akutsygehus</dt><dd>");
	html_link_org(res, structure_org(s, ar->hospital_id));
	html(res, "</dd>\n");
	if (ar->note && *ar->note) {
		html(res, "<dt>Note</dt><dd>");
		html_txt(res, ar->note);
		html(res, "</dd>\n");
	}
	html(res, "</dl>\n<section>\n<h2>Kommuner</h2>\n");
	if (ar->n_municipalities == 0) {
		html(res, "<p class=\"empty\">Ingen kommuner registreret.</p>\n");
	} else {
		html(res, "<ul class=\"plain columns\">\n");
		for (size_t k = 0; k < ar->n_municipalities; k++) {
			const struct organisation *m = structure_org(s, ar->municipality_ids[k]);
			html(res, "<li>");
			html_link_org(res, m);
			/* a municipality in two clusters (København) */
			for (size_t j = 0; m && j < s->n_areas; j++) {
				if (&s->areas[j] == ar || !area_has_municipality(&s->areas[j], m->id))
					continue;
				html(res, " <span class=\"muted\">(også i ");
				html_link_area(res, &s->areas[j]);
				html(res, ")</span>");
			}
			html(res, "</li>\n");
		}
		html(res, "</ul>\n");
	}
	html(res, "</section>\n<section>\n<h2>Fora i klyngen</h2>\n");
	html_date_form(req, res, arena_printf(req->arena, "/areas/%lld", (long long)ar->id),
		       date, NULL);
	bool any = false;
	for (size_t i = 0; i < s->n_bodies; i++) {
		const struct body *b = &s->bodies[i];
		if (b->area_id != ar->id)
			continue;
		if (!any)
			html(res, "<div class=\"table-wrap\"><table class=\"list\">\n"
				  "<thead><tr><th scope=\"col\">Forum</th><th scope=\"col\">Type</th>"
				  "<th scope=\"col\" class=\"num\">Medlemmer</th><th scope=\"col\">Regeltjek</th></tr></thead>\n<tbody>\n");
		any = true;
		const struct violations *v = web_check_body(req, b->id, date);
		html_printf(res, "<tr><td><a href=\"/bodies/%lld", (long long)b->id);
		html_attr(res, dq);
		html(res, "\">");
		html_txt(res, b->name);
		html(res, "</a></td><td>");
		html_txt(res, body_kind_label(b->kind));
		html_printf(res, "</td><td class=\"num\">%d</td><td>",
			    page_members_on(s, b->id, date));
		html_violation_badge(res, v->n);
		html(res, "</td></tr>\n");
	}
	html(res, any ? "</tbody></table></div>\n" : "<p class=\"empty\">Ingen fora er knyttet til klyngen.</p>\n");
	html(res, "</section>\n");
	cases_area_section(req, res, ar);	/* cases_views.c (issue 5) */
	page_end(req, res);
}
