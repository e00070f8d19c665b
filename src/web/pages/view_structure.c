/*
 * view_structure.c - GET / : "Struktur", one organisation diagram per
 * region with a red marker on every body whose rule check fails on the
 * date, a legend, and the same bodies as a nested list (the accessible
 * and printable fallback of the diagram).
 */
#include "pages.h"

#include <string.h>

#include "../svg.h"
#include "../../util/date.h"

struct group {
	const struct body **bodies;
	int *viol;
	size_t n;
};

static bool in_group(const struct group *g, int64_t id)
{
	for (size_t i = 0; i < g->n; i++)
		if (g->bodies[i]->id == id)
			return true;
	return false;
}

/* Nested list of the group's bodies under parent_id (0: the roots, i.e.
 * bodies whose parent is outside the group). `seen` guards against
 * parent cycles in bad data. */
static void tree_list(struct response *res, const struct group *g,
		      int64_t parent_id, bool *seen, const char *dq, int depth)
{
	bool open = false;
	for (size_t i = 0; i < g->n; i++) {
		const struct body *b = g->bodies[i];
		bool root = !b->parent_id || !in_group(g, b->parent_id) ||
			    b->parent_id == b->id;
		if (parent_id ? b->parent_id != parent_id || root : !root)
			continue;
		if (seen[i])
			continue;
		seen[i] = true;
		if (!open)
			html(res, depth ? "<ul>\n" : "<ul class=\"tree\">\n");
		open = true;
		html_printf(res, "<li><a href=\"/bodies/%lld", (long long)b->id);
		html_attr(res, dq);
		html(res, "\">");
		html_txt(res, b->name);
		html(res, "</a> <span class=\"muted\">");
		html_txt(res, body_kind_label(b->kind));
		if (!b->formal)
			html(res, ", uden for beslutningsstrukturen");
		html(res, "</span> ");
		if (g->viol[i] > 0)
			html_violation_badge(res, (size_t)g->viol[i]);
		if (depth < 32)
			tree_list(res, g, b->id, seen, dq, depth + 1);
		html(res, "</li>\n");
	}
	if (open)
		html(res, "</ul>\n");
}

static void legend(struct response *res, const struct group *g)
{
	bool kinds[BODY__COUNT] = { 0 };
	bool informal = false, viol = false;
	for (size_t i = 0; i < g->n; i++) {
		const struct body *b = g->bodies[i];
		if (b->kind >= 0 && b->kind < BODY__COUNT)
			kinds[b->kind] = true;
		if (!b->formal)
			informal = true;
		if (g->viol[i] > 0)
			viol = true;
	}
	html(res, "<ul class=\"legend\" aria-label=\"Signaturforklaring\">\n");
	for (int k = 1; k < BODY__COUNT; k++) {
		if (!kinds[k])
			continue;
		html(res, "<li>");
		svg_kind_swatch(&res->body, (enum body_kind)k, true);
		html_txt(res, body_kind_label((enum body_kind)k));
		html(res, "</li>\n");
	}
	if (informal) {
		html(res, "<li>");
		svg_kind_swatch(&res->body, BODY_NETWORK_GROUP, false);
		html(res, "Stiplet: uden for den formelle beslutningsstruktur</li>\n");
	}
	if (viol)
		html(res, "<li><span class=\"marker\" aria-hidden=\"true\">3</span>"
			  "Rød markering: antal regelbrud på datoen</li>\n");
	html(res, "</ul>\n");
}

static void region_section(struct request *req, struct response *res,
			   const struct group *g, const char *title,
			   const struct organisation *reg, int date,
			   const char *dq)
{
	char dtxt[40];
	date_format_da(date, dtxt, sizeof(dtxt));
	int total = 0, with = 0;
	for (size_t i = 0; i < g->n; i++) {
		total += g->viol[i];
		if (g->viol[i] > 0)
			with++;
	}
	html(res, "<section class=\"region\">\n<h2>");
	if (reg)
		html_link_org(res, reg);
	else
		html_txt(res, title);
	html(res, "</h2>\n<p class=\"summary\">");
	html_printf(res, "%zu fora. ", g->n);
	if (with)
		html_printf(res, "<strong class=\"bad\">%d %s med i alt %d regelbrud</strong> pr. ",
			    with, with == 1 ? "forum" : "fora", total);
	else
		html(res, "<strong class=\"good\">Ingen regelbrud</strong> pr. ");
	html_txt(res, dtxt);
	html(res, ".</p>\n<figure class=\"diagram\">\n<div class=\"diagram-scroll\">\n");
	const char *label = arena_printf(req->arena, "Organisationsdiagram: %s",
					 reg ? reg->name : title);
	svg_org_diagram(req->arena, &res->body, (const struct body *const *)g->bodies,
			g->viol, g->n, label, dtxt, dq);
	html(res, "</div>\n<figcaption>");
	legend(res, g);
	html(res, "</figcaption>\n</figure>\n<details class=\"tree-list\" open>\n"
		  "<summary>Fora som liste</summary>\n");
	bool *seen = arena_array(req->arena, g->n + 1, sizeof(bool));
	tree_list(res, g, 0, seen, dq, 0);
	/* whatever a parent cycle kept out of the tree */
	for (size_t i = 0; i < g->n; i++) {
		if (seen[i])
			continue;
		html_printf(res, "<p><a href=\"/bodies/%lld", (long long)g->bodies[i]->id);
		html_attr(res, dq);
		html(res, "\">");
		html_txt(res, g->bodies[i]->name);
		html(res, "</a></p>\n");
	}
	html(res, "</details>\n</section>\n");
}

void view_structure(struct request *req, struct response *res)
{
	const struct structure *s = web_structure(req);
	int date;
	if (page_date(req, res, &date) != 0)
		return;
	const char *dq = page_date_suffix(req, date);
	page_begin(req, res, "Struktur");
	html(res, "<h1>Struktur</h1>\n<p class=\"lead\">Sundhedssamarbejdets fora og "
		  "hvordan de hænger sammen. Klik på et forum for medlemmer, "
		  "kommissorium og regeltjek.</p>\n");
	html_date_form(req, res, "/", date, NULL);
	if (s->n_bodies == 0) {
		html(res, "<p class=\"empty\">Der er ingen fora endnu. Indlæs en struktur med "
			  "<code>klynge import data/demo.json</code>.</p>\n");
		page_end(req, res);
		return;
	}

	struct group other = { 0 };
	other.bodies = arena_array(req->arena, s->n_bodies, sizeof(*other.bodies));
	other.viol = arena_array(req->arena, s->n_bodies, sizeof(int));
	int *viol = arena_array(req->arena, s->n_bodies, sizeof(int));
	for (size_t i = 0; i < s->n_bodies; i++) {
		const struct violations *v = web_check_body(req, s->bodies[i].id, date);
		viol[i] = (int)v->n;
	}

	for (size_t r = 0; r < s->n_orgs; r++) {
		const struct organisation *reg = &s->orgs[r];
		if (reg->kind != ORG_REGION)
			continue;
		struct group g = { 0 };
		g.bodies = arena_array(req->arena, s->n_bodies, sizeof(*g.bodies));
		g.viol = arena_array(req->arena, s->n_bodies, sizeof(int));
		for (size_t i = 0; i < s->n_bodies; i++)
			if (s->bodies[i].region_id == reg->id) {
				g.bodies[g.n] = &s->bodies[i];
				g.viol[g.n++] = viol[i];
			}
		if (g.n)
			region_section(req, res, &g, reg->name, reg, date, dq);
	}
	for (size_t i = 0; i < s->n_bodies; i++) {
		const struct organisation *reg = structure_org(s, s->bodies[i].region_id);
		if (!reg || reg->kind != ORG_REGION) {
			other.bodies[other.n] = &s->bodies[i];
			other.viol[other.n++] = viol[i];
		}
	}
	if (other.n)
		region_section(req, res, &other, "Øvrige fora", NULL, date, dq);
	page_end(req, res);
}
