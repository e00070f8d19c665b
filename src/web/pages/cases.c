/*
 * cases.c - cases that flow between bodies (issue 5): the route table,
 * shared helpers (cases.h), the case list and the case page (header,
 * the flow grouped by stage with its buttons, lead times, the
 * implementation plan, linked agenda items), and the "Sager" line of
 * the agenda item page. Forms are cases_forms.c, the cross-cluster
 * views cases_views.c.
 *
 * Casework is public (core/casework.h); a linked agenda item is shown
 * only as access_meeting_view leaves it (its title, never a closed
 * item's text: the case page shows titles only).
 */
#include "cases.h"

#include <stdlib.h>
#include <string.h>

#include "../../util/date.h"
#include "meeting.h"
#include "pages.h"

const struct route case_routes[] = {
	{ "GET", "/cases", cases_list },
	{ "GET", "/cases/new", cases_new },
	{ "POST", "/cases", cases_create },
	{ "GET", "/cases/:id", cases_show },
	{ "POST", "/cases/:id/steps/:sid", cases_step_post },
	{ "POST", "/cases/:id/actions", cases_action_create },
	{ "POST", "/actions/:id", cases_action_post },
	{ "POST", "/actions/:id/notes", cases_action_note },
	{ "GET", "/followup", cases_followup },
	{ "GET", "/leadtimes", cases_leadtimes },
	{ "GET", "/initiatives", cases_initiatives },
	{ "GET", "/initiatives/new", cases_initiative_new },
	{ "POST", "/initiatives", cases_initiative_create },
	{ "GET", "/initiatives/:id", cases_initiative_show },
	{ "POST", "/initiatives/:id/comments", cases_initiative_comment },
	{ "POST", "/initiatives/:id/files", cases_initiative_file },
	{ "POST", "/initiatives/:id/adopt", cases_initiative_adopt },
	{ "GET", "/agreement", cases_agreement },
	{ "GET", "/focus-areas/:id", cases_focus_area },
	{ "GET", "/templates", cases_templates },
	{ "GET", "/templates/:id", cases_template_show },
	{ "GET", "/templates/:id/edit", cases_template_edit },
	{ "POST", "/templates/:id", cases_template_update },
	{ NULL, NULL, NULL },
};

/* ---- shared helpers (cases.h) -------------------------------------------- */

bool cw_load(struct request *req, struct response *res, struct cw *cw)
{
	memset(cw, 0, sizeof(*cw));
	/* Casework is written through the store, which moves its generation
	 * with every write, so a public page showing it (the body and cluster
	 * pages' Opfølgning) may be cached with the structure: the cache is
	 * per generation, day and address, and never for the logged-in. */
	/* Shared per store generation and read-only (web_casework_all):
	 * the pages only read it (sorting copies of their own). */
	const struct casework *all = web_casework_all(req);
	if (!all) {
		page_error(req, res, 500, "Sagerne kunne ikke indlæses.");
		return false;
	}
	cw->all = *all;
	cw->s = web_structure(req);
	cw->full = web_structure_full(req);
	cw->today = date_today();
	return true;
}

const struct case_file *cw_case(const struct cw *cw, int64_t id)
{
	for (size_t i = 0; id && i < cw->all.n_cases; i++)
		if (cw->all.cases[i].id == id)
			return &cw->all.cases[i];
	return NULL;
}

const struct flow_template *cw_template(const struct cw *cw, int64_t id)
{
	for (size_t i = 0; id && i < cw->all.n_templates; i++)
		if (cw->all.templates[i].id == id)
			return &cw->all.templates[i];
	return NULL;
}

const struct initiative *cw_initiative(const struct cw *cw, int64_t id)
{
	for (size_t i = 0; id && i < cw->all.n_initiatives; i++)
		if (cw->all.initiatives[i].id == id)
			return &cw->all.initiatives[i];
	return NULL;
}

const struct agreement_item *cw_agreement_item(const struct cw *cw, int64_t id)
{
	for (size_t i = 0; id && i < cw->all.n_agreement_items; i++)
		if (cw->all.agreement_items[i].id == id)
			return &cw->all.agreement_items[i];
	return NULL;
}

struct opts cw_focus_opts(struct request *req, const struct cw *cw)
{
	struct opts o = { 0 };
	for (size_t i = 0; i < cw->all.n_agreement_items; i++) {
		const struct agreement_item *it = &cw->all.agreement_items[i];
		if (it->part != AGREEMENT_FOCUS_AREA)
			continue;
		const char *group = NULL;
		for (size_t k = 0; k < cw->all.n_agreements; k++) {
			const struct health_agreement *h = &cw->all.agreements[k];
			if (h->id != it->agreement_id)
				continue;
			const struct organisation *r = structure_org(cw->s, h->region_id);
			group = r ? arena_printf(req->arena, "%s (%s)", h->title, r->name)
				  : h->title;
		}
		opts_add(req->arena, &o, arena_printf(req->arena, "%lld", (long long)it->id),
			 it->title, group);
	}
	return o;
}

const struct followup_action *cw_action(const struct cw *cw, int64_t id)
{
	for (size_t i = 0; id && i < cw->all.n_actions; i++)
		if (cw->all.actions[i].id == id)
			return &cw->all.actions[i];
	return NULL;
}

static void badge(struct response *res, const char *cls, const char *label)
{
	html(res, "<span class=\"badge ");
	html(res, cls);
	html(res, "\">");
	html_txt(res, label);
	html(res, "</span>");
}

void cw_state_badge(struct response *res, enum case_state st)
{
	badge(res, st == CASE_CLOSED ? "ok"
		   : st == CASE_AWAITING_COUNCILS ? "warn"
		   : st == CASE_OPEN ? "muted" : "current",
	      case_state_label(st));
}

void cw_step_status_badge(struct response *res, enum step_status st)
{
	badge(res, st == STEP_DONE ? "ok" : st == STEP_STARTED ? "current"
		   : st == STEP_SKIPPED ? "muted" : "",
	      step_status_label(st));
}

void cw_action_status_badge(struct response *res, enum action_status st)
{
	badge(res, st == ACTION_DONE ? "ok" : st == ACTION_IN_PROGRESS ? "current"
		   : st == ACTION_CANCELLED ? "muted" : "",
	      action_status_label(st));
}

void cw_date_short(struct response *res, int d)
{
	if (!d)
		html(res, "–");
	else
		html_printf(res, "%d.%d.%d", d % 100, d / 100 % 100, d / 10000);
}

/* "Regionsråd: Region Syddanmark" / "Byråd: Vejle Kommune". */
static const char *council_text(struct request *req, const struct cw *cw,
				int64_t org_id)
{
	const struct organisation *o = structure_org(cw->s, org_id);
	if (!o)
		return "Regionsråd/byråd";
	bool region = o->kind == ORG_REGION || o->kind == ORG_REGIONAL_COUNCIL;
	return arena_printf(req->arena, "%s: %s", region ? "Regionsråd" : "Byråd",
			    o->name);
}

const char *cw_step_who_text(struct request *req, const struct cw *cw,
			     const struct case_step *st)
{
	const char *l = case_step_target_label(req->arena, cw->s, st);
	if (l && *l)
		return l;
	return st->body_id ? "Ukendt forum" : council_text(req, cw, st->org_id);
}

void cw_step_who(struct request *req, struct response *res,
		 const struct cw *cw, const struct case_step *st)
{
	const struct body *b = st->body_id ? structure_body(cw->s, st->body_id) : NULL;
	if (b)
		html_link_body(res, b);
	else
		html_txt(res, cw_step_who_text(req, cw, st));
}

void cw_case_link(struct response *res, const struct case_file *c)
{
	html_printf(res, "<a href=\"/cases/%lld\">", (long long)c->id);
	if (c->case_number && *c->case_number) {
		html(res, "<span class=\"nowrap\">");
		html_txt(res, c->case_number);
		html(res, "</span> ");
	}
	html_txt(res, c->title);
	html(res, "</a>");
}

size_t cw_overdue_steps(const struct cw *cw, const struct case_file *c)
{
	size_t n = 0;
	for (size_t i = 0; i < c->n_steps; i++)
		n += case_step_overdue(&c->steps[i], cw->today);
	return n;
}

bool cw_case_late(struct request *req, const struct cw *cw,
		  const struct case_file *c)
{
	size_t n = 0;
	struct lead_time *lt = case_lead_times(req->arena, c, cw->today, &n);
	for (size_t i = 0; i < n; i++)
		if (lt[i].late)
			return true;
	return false;
}

int64_t cw_case_area(const struct cw *cw, const struct case_file *c)
{
	return case_body_area(cw->full, c->origin_body_id);
}

void cw_post_button(struct request *req, struct response *res,
		    const char *action, const char *name, const char *value,
		    const char *label, const char *cls)
{
	html(res, "<form class=\"inline\" method=\"post\" action=\"");
	html_attr(res, action);
	html(res, "\">");
	html_csrf(req, res);
	if (name) {
		html(res, "<input type=\"hidden\" name=\"");
		html_attr(res, name);
		html(res, "\" value=\"");
		html_attr(res, value);
		html(res, "\">");
	}
	html(res, "<button type=\"submit\"");
	if (cls) {
		html(res, " class=\"");
		html_attr(res, cls);
		html(res, "\"");
	}
	html(res, ">");
	html_txt(res, label);
	html(res, "</button></form>");
}

/* ---- the case list ------------------------------------------------------- */

static int64_t query_id(struct request *req, const char *key)
{
	const char *v = req_query(req, key);
	return v && *v ? (int64_t)strtoll(v, NULL, 10) : 0;
}

/* Does a case touch a body (origin or a step)? */
static bool case_has_body(const struct case_file *c, int64_t body_id)
{
	if (c->origin_body_id == body_id)
		return true;
	for (size_t i = 0; i < c->n_steps; i++)
		if (c->steps[i].body_id == body_id)
			return true;
	return false;
}

static bool case_in_area(const struct cw *cw, const struct case_file *c,
			 int64_t area_id)
{
	if (cw_case_area(cw, c) == area_id)
		return true;
	for (size_t i = 0; i < c->n_steps; i++)
		if (c->steps[i].body_id &&
		    case_body_area(cw->full, c->steps[i].body_id) == area_id)
			return true;
	return false;
}

/* A GET form with a select of options value/label. */
static void filter_select(struct response *res, const char *name,
			  const char *label, const char *current,
			  const char *const *values, const char *const *labels,
			  size_t n)
{
	html(res, "<div class=\"field\"><label for=\"filter-");
	html_attr(res, name);
	html(res, "\">");
	html_txt(res, label);
	html(res, "</label><select id=\"filter-");
	html_attr(res, name);
	html(res, "\" name=\"");
	html_attr(res, name);
	html(res, "\"><option value=\"\">Alle</option>");
	for (size_t i = 0; i < n; i++) {
		html(res, "<option value=\"");
		html_attr(res, values[i]);
		html(res, current && strcmp(current, values[i]) == 0 ? "\" selected>" : "\">");
		html_txt(res, labels[i]);
		html(res, "</option>");
	}
	html(res, "</select></div>");
}

void cases_list(struct request *req, struct response *res)
{
	struct cw cw;
	if (!cw_load(req, res, &cw))
		return;
	struct arena *a = req->arena;
	int64_t body_f = query_id(req, "body");
	int64_t area_f = query_id(req, "area");
	int64_t template_f = query_id(req, "template");
	const char *state_q = req_query(req, "state");
	bool ok = true;
	enum case_state state_f = case_state_from_code(state_q ? state_q : "", &ok);
	if (!ok) {
		page_error(req, res, 400, "Ukendt status.");
		return;
	}
	page_begin(req, res, "Sager");
	html(res, "<header class=\"page-head\">\n<h1>Sager</h1>\n"
		  "<p class=\"lead\">Sager, der går mellem fora: fra beslutning til "
		  "implementering i klyngerne, med tidsperspektiver for hvert trin.</p>\n");
	html(res, "<p class=\"actions\">");
	if (!access_is_public(&req->principal))
		html(res, "<a class=\"button\" href=\"/cases/new\">Ny sag</a> ");
	html(res, "<a class=\"button\" href=\"/followup\">Opfølgning</a> "
		  "<a class=\"button\" href=\"/leadtimes\">Gennemløbstider</a> "
		  "<a class=\"button\" href=\"/templates\">Sagsflow-skabeloner</a></p>\n"
		  "</header>\n");

	/* Filters (GET, work without JavaScript). */
	size_t nb = 0, na = 0;
	const char **bv = arena_array(a, cw.s->n_bodies + 1, sizeof(*bv));
	const char **bl = arena_array(a, cw.s->n_bodies + 1, sizeof(*bl));
	for (size_t i = 0; i < cw.s->n_bodies; i++) {
		bool used = false;
		for (size_t k = 0; k < cw.all.n_cases && !used; k++)
			used = case_has_body(&cw.all.cases[k], cw.s->bodies[i].id);
		if (!used)
			continue;
		bv[nb] = arena_printf(a, "%lld", (long long)cw.s->bodies[i].id);
		bl[nb++] = cw.s->bodies[i].name;
	}
	const char **av = arena_array(a, cw.s->n_areas + 1, sizeof(*av));
	const char **al = arena_array(a, cw.s->n_areas + 1, sizeof(*al));
	for (size_t i = 0; i < cw.s->n_areas; i++) {
		av[na] = arena_printf(a, "%lld", (long long)cw.s->areas[i].id);
		al[na++] = cw.s->areas[i].name;
	}
	const char *sv[CASE_STATE__COUNT], *sl[CASE_STATE__COUNT];
	size_t ns = 0;
	for (int st = 1; st < CASE_STATE__COUNT; st++) {
		sv[ns] = case_state_code((enum case_state)st);
		sl[ns++] = case_state_label((enum case_state)st);
	}
	html(res, "<form class=\"dateform filters\" method=\"get\" action=\"/cases\">");
	filter_select(res, "body", "Forum", req_query(req, "body"), bv, bl, nb);
	filter_select(res, "area", "Klynge", req_query(req, "area"), av, al, na);
	filter_select(res, "state", "Status", state_q, sv, sl, ns);
	html(res, "<button type=\"submit\">Vis</button></form>\n");

	size_t shown = 0;
	for (size_t i = 0; i < cw.all.n_cases; i++) {
		const struct case_file *c = &cw.all.cases[i];
		if (body_f && !case_has_body(c, body_f))
			continue;
		if (area_f && !case_in_area(&cw, c, area_f))
			continue;
		if (template_f && c->template_id != template_f)
			continue;
		enum case_state st = case_state(c);
		if (state_f && st != state_f)
			continue;
		if (!shown++)
			html(res, "<div class=\"table-wrap\"><table class=\"list cases\">\n<thead><tr>"
				  "<th scope=\"col\">Sag</th><th scope=\"col\">Status</th>"
				  "<th scope=\"col\">Startet i</th><th scope=\"col\">Sagsflow</th>"
				  "<th scope=\"col\">Start</th>"
				  "<th scope=\"col\" class=\"num\">Overskredne trin</th>"
				  "</tr></thead>\n<tbody>\n");
		size_t od = cw_overdue_steps(&cw, c);
		html(res, od ? "<tr class=\"overdue\"><td>" : "<tr><td>");
		cw_case_link(res, c);
		if (c->economic)
			html(res, " <span class=\"tag\">Økonomi</span>");
		html(res, "</td><td>");
		cw_state_badge(res, st);
		html(res, "</td><td>");
		const struct body *ob = structure_body(cw.s, c->origin_body_id);
		if (ob)
			html_link_body(res, ob);
		html(res, "</td><td>");
		const struct flow_template *t = cw_template(&cw, c->template_id);
		if (t) {
			html_printf(res, "<a href=\"/templates/%lld\">", (long long)t->id);
			html_txt(res, t->name);
			html(res, "</a>");
		} else {
			html(res, "–");
		}
		html(res, "</td><td>");
		cw_date_short(res, c->started);
		html(res, "</td><td class=\"num\">");
		if (od)
			html_printf(res, "<strong class=\"bad\">%zu</strong>", od);
		else
			html(res, "0");
		html(res, "</td></tr>\n");
	}
	if (shown)
		html_printf(res, "</tbody></table></div>\n<p class=\"muted\">%zu sager.</p>\n",
			    shown);
	else
		html(res, "<p class=\"empty\">Ingen sager.</p>\n");
	page_end(req, res);
}

/* ---- the case page ------------------------------------------------------ */

/* The title of a linked agenda item as the principal may see it (and
 * its meeting's date); NULL when the item is not visible to them. */
static const struct agenda_item *visible_item(struct request *req,
					      const struct cw *cw,
					      int64_t item_id,
					      struct meeting *view)
{
	int64_t mid = 0;
	struct err err = { 0 };
	struct meeting full;
	if (!item_id || store_item_meeting(req->app->store, item_id, &mid, &err) != 0 ||
	    store_meeting_get(req->app->store, req->arena, mid, &full, &err) != 0 ||
	    !access_meeting_view(req->arena, cw->full, &req->principal, &full,
				 cw->today, view))
		return NULL;
	for (size_t i = 0; i < view->n_items; i++)
		if (view->items[i].id == item_id)
			return &view->items[i];
	return NULL;
}

static void item_link(struct request *req, struct response *res,
		      const struct cw *cw, int64_t item_id)
{
	struct meeting v;
	const struct agenda_item *it = visible_item(req, cw, item_id, &v);
	if (!it) {
		html(res, "<span class=\"muted\">Dagsordenspunkt (ikke offentligt)</span>");
		return;
	}
	html_printf(res, "<a href=\"/items/%lld\">", (long long)it->id);
	html_txt(res, it->title);
	html(res, "</a> <span class=\"muted\">(");
	cw_date_short(res, v.date);
	html(res, ")</span>");
}

static void fact_text(struct response *res, const char *term, const char *v)
{
	html(res, "<dt>");
	html_txt(res, term);
	html(res, "</dt><dd>");
	html_txt(res, v && *v ? v : "–");
	html(res, "</dd>\n");
}

static void step_buttons(struct request *req, struct response *res,
			 const struct case_file *c, const struct case_step *st)
{
	const char *action = arena_printf(req->arena, "/cases/%lld/steps/%lld",
					  (long long)c->id, (long long)st->id);
	if (st->status == STEP_DONE || st->status == STEP_SKIPPED)
		return;
	if (st->body_id && !st->item_id)
		cw_post_button(req, res, action, "do", "agenda", "Sæt på dagsordenen", NULL);
	if (st->status == STEP_PENDING)
		cw_post_button(req, res, action, "do", "start", "Påbegyndt", NULL);
	cw_post_button(req, res, action, "do", "done", "Afsluttet", NULL);
	cw_post_button(req, res, action, "do", "skip", "Udgår", "button-danger");
}

static void flow_table(struct request *req, struct response *res,
		       const struct cw *cw, const struct case_file *c)
{
	html(res, "<section id=\"sagsflow\">\n<h2>Sagsflow</h2>\n");
	if (!c->n_steps) {
		html(res, "<p class=\"empty\">Sagen har ingen trin.</p>\n</section>\n");
		return;
	}
	bool any_edit = false;
	for (size_t i = 0; i < c->n_steps; i++)
		any_edit = any_edit || access_step_edit(cw->full, &req->principal, c,
							&c->steps[i], cw->today);
	html(res, "<div class=\"table-wrap\"><table class=\"list flow\">\n<thead><tr>"
		  "<th scope=\"col\">Trin</th><th scope=\"col\">Forum / råd</th>"
		  "<th scope=\"col\">Handling</th><th scope=\"col\">Frist</th>"
		  "<th scope=\"col\">Status</th><th scope=\"col\">Påbegyndt</th>"
		  "<th scope=\"col\">Afsluttet</th><th scope=\"col\">Behandlet på</th>");
	if (any_edit)
		html(res, "<th scope=\"col\"><span class=\"visually-hidden\">Handlinger</span></th>");
	html(res, "</tr></thead>\n");
	int stage = -1;
	for (size_t i = 0; i < c->n_steps; i++) {
		const struct case_step *st = &c->steps[i];
		if (st->stage != stage) {
			if (stage != -1)
				html(res, "</tbody>\n");
			stage = st->stage;
			html_printf(res, "<tbody class=\"stage\" id=\"trin-%d\">\n", stage);
		}
		bool overdue = case_step_overdue(st, cw->today);
		html(res, overdue ? "<tr class=\"overdue\">" : "<tr>");
		html_printf(res, "<td class=\"num\">%d</td><td>", st->stage);
		cw_step_who(req, res, cw, st);
		html(res, "</td><td>");
		html_txt(res, step_action_label(st->action));
		if (st->note && *st->note) {
			html(res, "<br><span class=\"muted\">");
			html_txt(res, st->note);
			html(res, "</span>");
		}
		/* The badge under the date: the flow table is wide. */
		html(res, "</td><td>");
		cw_date_short(res, st->due);
		if (overdue)
			html(res, "<br><span class=\"badge bad\">Overskredet</span>");
		html(res, "</td><td>");
		cw_step_status_badge(res, st->status);
		html(res, "</td><td>");
		cw_date_short(res, st->started);
		html(res, "</td><td>");
		cw_date_short(res, st->finished);
		html(res, "</td><td>");
		if (st->item_id)
			item_link(req, res, cw, st->item_id);
		else
			html(res, "–");
		html(res, "</td>");
		if (any_edit) {
			html(res, "<td class=\"move\">");
			if (access_step_edit(cw->full, &req->principal, c, st, cw->today))
				step_buttons(req, res, c, st);
			html(res, "</td>");
		}
		html(res, "</tr>\n");
	}
	html(res, "</tbody></table></div>\n</section>\n");
}

static void lead_section(struct request *req, struct response *res,
			 const struct cw *cw, const struct case_file *c)
{
	size_t n = 0;
	struct lead_time *lt = case_lead_times(req->arena, c, cw->today, &n);
	html(res, "<section id=\"gennemloebstid\">\n<h2>Gennemløbstid</h2>\n");
	if (!n) {
		html(res, "<p class=\"empty\">Sagen har ingen implementeringstrin.</p>\n</section>\n");
		return;
	}
	html(res, "<p class=\"hint\">Dage fra beslutningen (den sidste beslutning eller "
		  "godkendelse i regionsråd og byråd) til implementeringen er påbegyndt.</p>\n");
	html(res, "<div class=\"table-wrap\"><table class=\"list leadtimes\">\n<thead><tr>"
		  "<th scope=\"col\">Forum</th><th scope=\"col\">Besluttet</th>"
		  "<th scope=\"col\">Frist</th><th scope=\"col\">Påbegyndt</th>"
		  "<th scope=\"col\" class=\"num\">Dage</th><th scope=\"col\">Tidsperspektiv</th>"
		  "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		const struct body *b = structure_body(cw->s, lt[i].body_id);
		html(res, lt[i].late ? "<tr class=\"overdue\"><td>" : "<tr><td>");
		if (b)
			html_link_body(res, b);
		html(res, "</td><td>");
		cw_date_short(res, lt[i].decided);
		html(res, "</td><td>");
		cw_date_short(res, lt[i].due);
		html(res, "</td><td>");
		cw_date_short(res, lt[i].started);
		html(res, "</td><td class=\"num\">");
		if (lt[i].days >= 0)
			html_printf(res, "%d", lt[i].days);
		else
			html(res, "–");
		html(res, "</td><td>");
		if (lt[i].late)
			html(res, "<span class=\"badge bad\">Forsinket</span>");
		else if (lt[i].started)
			html(res, "<span class=\"badge ok\">Til tiden</span>");
		else if (!lt[i].decided)
			html(res, "<span class=\"badge muted\">Ikke besluttet</span>");
		else
			html(res, "<span class=\"badge\">Afventer</span>");
		html(res, "</td></tr>\n");
	}
	html(res, "</tbody></table></div>\n</section>\n");
}

/* "Vejle Kommune", a person or a body: who is responsible. */
static void responsible_html(struct response *res, const struct cw *cw,
			     const struct followup_action *fa)
{
	bool any = false;
	const struct person *p = structure_person(cw->s, fa->responsible_person_id);
	if (p) {
		html_link_person(res, p);
		any = true;
	}
	const struct body *b = structure_body(cw->s, fa->responsible_body_id);
	if (b) {
		html(res, any ? ", " : "");
		html_link_body(res, b);
		any = true;
	}
	const struct organisation *o = structure_org(cw->s, fa->responsible_org_id);
	if (o) {
		html(res, any ? ", " : "");
		html_link_org(res, o);
		any = true;
	}
	if (!any)
		html(res, "–");
}

void cases_action_row(struct request *req, struct response *res,
		      const struct cw *cw, const struct followup_action *fa,
		      bool with_case)
{
	bool overdue = case_action_overdue(fa, cw->today);
	bool edit = access_action_edit(cw->full, &req->principal, fa, cw->today);
	html(res, overdue ? "<tr class=\"overdue\"><td>" : "<tr><td>");
	html_txt(res, fa->what);
	if (with_case) {
		const struct case_file *c = cw_case(cw, fa->case_id);
		if (c) {
			html(res, "<br><span class=\"muted\">Sag: ");
			cw_case_link(res, c);
			html(res, "</span>");
		}
	}
	if (fa->n_notes) {
		html_printf(res, "<details class=\"notes\"><summary>%zu notat%s</summary><ul class=\"plain\">",
			    fa->n_notes, fa->n_notes == 1 ? "" : "er");
		for (size_t k = 0; k < fa->n_notes; k++) {
			char at[48];
			audit_time_da(fa->notes[k].at, at, sizeof(at));
			html(res, "<li><span class=\"muted\">");
			html_txt(res, at);
			html(res, ", ");
			html_txt(res, fa->notes[k].author);
			html(res, ":</span> ");
			html_txt(res, fa->notes[k].text);
			html(res, "</li>");
		}
		html(res, "</ul></details>");
	}
	html(res, "</td><td>");
	responsible_html(res, cw, fa);
	html(res, "</td><td class=\"nowrap\">");
	cw_date_short(res, fa->due);
	if (overdue)
		html(res, " <span class=\"badge bad\">Overskredet</span>");
	html(res, "</td><td>");
	cw_action_status_badge(res, fa->status);
	html(res, "</td><td>");
	if (edit) {
		const char *act = arena_printf(req->arena, "/actions/%lld", (long long)fa->id);
		html(res, "<form class=\"inline\" method=\"post\" action=\"");
		html_attr(res, act);
		html(res, "\">");
		html_csrf(req, res);
		html_printf(res, "<input type=\"hidden\" name=\"revision\" value=\"%lld\">",
			    (long long)fa->revision);
		html_printf(res, "<label class=\"visually-hidden\" for=\"status-%lld\">Status</label>"
			    "<select id=\"status-%lld\" name=\"status\">",
			    (long long)fa->id, (long long)fa->id);
		for (int s = 1; s < ACTION_STATUS__COUNT; s++) {
			html(res, "<option value=\"");
			html_attr(res, action_status_code((enum action_status)s));
			html(res, (int)fa->status == s ? "\" selected>" : "\">");
			html_txt(res, action_status_label((enum action_status)s));
			html(res, "</option>");
		}
		html(res, "</select> <button type=\"submit\">Skift status</button></form>");
		html(res, "<form class=\"note-form\" method=\"post\" action=\"");
		html_attr(res, act);
		html(res, "/notes\">");
		html_csrf(req, res);
		html_printf(res, "<label class=\"visually-hidden\" for=\"note-%lld\">Notat om fremdrift</label>"
			    "<input type=\"text\" id=\"note-%lld\" name=\"text\" placeholder=\"Notat om fremdrift\" maxlength=\"4000\"> "
			    "<button type=\"submit\">Tilføj notat</button></form>",
			    (long long)fa->id, (long long)fa->id);
	}
	html(res, "</td></tr>\n");
}

void cases_actions_head(struct response *res)
{
	html(res, "<div class=\"table-wrap\"><table class=\"list actions-table\">\n<thead><tr>"
		  "<th scope=\"col\">Handling</th><th scope=\"col\">Ansvarlig</th>"
		  "<th scope=\"col\">Frist</th><th scope=\"col\">Status</th>"
		  "<th scope=\"col\"><span class=\"visually-hidden\">Ændr</span></th>"
		  "</tr></thead>\n<tbody>\n");
}

/* The options of a select: bodies of the case (origin and steps). */
static void case_body_options(struct response *res, const struct cw *cw,
			      const struct case_file *c)
{
	const struct body *ob = structure_body(cw->s, c->origin_body_id);
	if (ob) {
		html_printf(res, "<option value=\"%lld\">", (long long)ob->id);
		html_txt(res, ob->name);
		html(res, "</option>");
	}
	for (size_t i = 0; i < c->n_steps; i++) {
		int64_t id = c->steps[i].body_id;
		if (!id || id == c->origin_body_id)
			continue;
		bool dup = false;
		for (size_t k = 0; k < i && !dup; k++)
			dup = c->steps[k].body_id == id;
		const struct body *b = structure_body(cw->s, id);
		if (dup || !b)
			continue;
		html_printf(res, "<option value=\"%lld\">", (long long)id);
		html_txt(res, b->name);
		html(res, "</option>");
	}
}

static void plan_section(struct request *req, struct response *res,
			 const struct cw *cw, const struct case_file *c)
{
	html(res, "<section id=\"implementeringsplan\">\n<h2>Implementeringsplan og opfølgning</h2>\n");
	size_t n = 0, done = 0;
	for (size_t i = 0; i < cw->all.n_actions; i++) {
		const struct followup_action *fa = &cw->all.actions[i];
		if (fa->case_id != c->id)
			continue;
		if (!n++)
			cases_actions_head(res);
		done += fa->status == ACTION_DONE;
		cases_action_row(req, res, cw, fa, false);
	}
	if (n)
		html_printf(res, "</tbody></table></div>\n<p class=\"muted\">%zu af %zu handlinger udført.</p>\n",
			    done, n);
	else
		html(res, "<p class=\"empty\">Der er ingen opfølgningspunkter endnu.</p>\n");
	/* The form for a new action: shown to those who may follow up in
	 * one of the case's bodies (the POST checks again). */
	bool may = false;
	struct followup_action probe = { .case_id = c->id, .body_id = c->origin_body_id };
	may = access_action_edit(cw->full, &req->principal, &probe, cw->today);
	for (size_t i = 0; i < c->n_steps && !may; i++) {
		probe.body_id = c->steps[i].body_id;
		may = probe.body_id &&
		      access_action_edit(cw->full, &req->principal, &probe, cw->today);
	}
	if (may) {
		html_printf(res, "<details class=\"new-action\"><summary>Nyt opfølgningspunkt</summary>"
			    "<form class=\"edit-form\" method=\"post\" action=\"/cases/%lld/actions\">",
			    (long long)c->id);
		html_csrf(req, res);
		html(res, "<div class=\"field\"><label for=\"a-what\">Hvad skal gøres</label>"
			  "<input type=\"text\" id=\"a-what\" name=\"what\" required maxlength=\"1000\"></div>"
			  "<div class=\"field\"><label for=\"a-body\">Følges op af</label>"
			  "<select id=\"a-body\" name=\"body\">");
		case_body_options(res, cw, c);
		html(res, "</select></div><div class=\"field\"><label for=\"a-person\">Ansvarlig person</label>"
			  "<select id=\"a-person\" name=\"person\"><option value=\"\">Ingen</option>");
		for (size_t i = 0; i < cw->s->n_people; i++) {
			html_printf(res, "<option value=\"%lld\">", (long long)cw->s->people[i].id);
			html_txt(res, cw->s->people[i].name);
			html(res, "</option>");
		}
		html(res, "</select></div><div class=\"field\"><label for=\"a-org\">Ansvarlig organisation</label>"
			  "<select id=\"a-org\" name=\"org\"><option value=\"\">Ingen</option>");
		for (size_t i = 0; i < cw->s->n_orgs; i++) {
			html_printf(res, "<option value=\"%lld\">", (long long)cw->s->orgs[i].id);
			html_txt(res, cw->s->orgs[i].name);
			html(res, "</option>");
		}
		html(res, "</select></div><div class=\"field\"><label for=\"a-due\">Frist</label>"
			  "<p class=\"hint\" id=\"a-due-hint\">Skriv ÅÅÅÅ-MM-DD</p>"
			  "<input type=\"date\" id=\"a-due\" name=\"due\" aria-describedby=\"a-due-hint\"></div>"
			  "<div class=\"form-actions actions\"><button type=\"submit\">Tilføj opfølgningspunkt</button></div>"
			  "</form></details>\n");
	}
	html(res, "</section>\n");
}

static void items_section(struct request *req, struct response *res,
			  const struct cw *cw, const struct case_file *c)
{
	html(res, "<section id=\"dagsordenspunkter\">\n<h2>Behandlet på møder</h2>\n");
	if (!c->n_items) {
		html(res, "<p class=\"empty\">Sagen er ikke sat på en dagsorden endnu.</p>\n</section>\n");
		return;
	}
	html(res, "<ul class=\"plain\">");
	for (size_t i = 0; i < c->n_items; i++) {
		html(res, "<li>");
		item_link(req, res, cw, c->item_ids[i]);
		html(res, "</li>");
	}
	html(res, "</ul>\n</section>\n");
}

void cases_case_page(struct request *req, struct response *res,
		     struct cw *cw, const struct case_file *c, int status,
		     const char *error, const char *notice)
{
	req->no_cache = true;
	res->status = status;
	enum case_state st = case_state(c);
	const char *title = c->case_number && *c->case_number
				    ? arena_printf(req->arena, "%s %s", c->case_number, c->title)
				    : c->title;
	page_begin(req, res, title);
	html(res, "<nav class=\"crumbs\" aria-label=\"Brødkrummer\"><a href=\"/cases\">Sager</a></nav>\n");
	html(res, "<header class=\"page-head\">\n<p class=\"kicker\">Sag");
	if (c->case_number && *c->case_number) {
		html(res, " ");
		html_txt(res, c->case_number);
	}
	html(res, "</p>\n<h1>");
	html_txt(res, c->title);
	html(res, "</h1>\n<p>");
	cw_state_badge(res, st);
	if (c->economic)
		html(res, " <span class=\"badge warn\">Økonomiske konsekvenser</span>");
	if (case_is_decided(c))
		html(res, " <span class=\"badge ok\">Besluttet</span>");
	html(res, "</p>\n</header>\n");
	if (error) {
		html(res, "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2>Det kunne ikke lade sig gøre</h2><p>");
		html_txt(res, error);
		html(res, "</p></div>\n");
	}
	if (notice) {
		html(res, "<div class=\"notice ok\" role=\"status\"><p>");
		html_txt(res, notice);
		html(res, "</p></div>\n");
	}
	html(res, "<dl class=\"facts\">\n");
	html(res, "<dt>Startet i</dt><dd>");
	const struct body *ob = structure_body(cw->s, c->origin_body_id);
	if (ob)
		html_link_body(res, ob);
	else
		html(res, "–");
	html(res, "</dd>\n<dt>Sagsflow</dt><dd>");
	const struct flow_template *t = cw_template(cw, c->template_id);
	if (t) {
		html_printf(res, "<a href=\"/templates/%lld\">", (long long)t->id);
		html_txt(res, t->name);
		html(res, "</a>");
	} else {
		html(res, "–");
	}
	html(res, "</dd>\n<dt>Indsatsområde</dt><dd>");
	const struct agreement_item *fa = cw_agreement_item(cw, c->focus_area_id);
	if (fa) {
		html_printf(res, "<a href=\"/focus-areas/%lld\">", (long long)fa->id);
		html_txt(res, fa->title);
		html(res, "</a>");
	} else {
		html(res, "–");
	}
	html(res, "</dd>\n<dt>Start</dt><dd>");
	html_date(res, c->started);
	html(res, "</dd>\n");
	fact_text(res, "Økonomiske konsekvenser", c->economic ? "Ja" : "Nej");
	const struct initiative *in = cw_initiative(cw, c->initiative_id);
	if (in) {
		html_printf(res, "<dt>Skaleret fra</dt><dd><a href=\"/initiatives/%lld\">",
			    (long long)in->id);
		html_txt(res, in->title);
		html(res, "</a></dd>\n");
	}
	html(res, "</dl>\n");
	if (c->description && *c->description) {
		html(res, "<div class=\"markdown description\">");
		mtg_markdown(res, c->description);
		html(res, "</div>\n");
	}
	flow_table(req, res, cw, c);
	lead_section(req, res, cw, c);
	plan_section(req, res, cw, c);
	items_section(req, res, cw, c);
	page_end(req, res);
}

void cases_show(struct request *req, struct response *res)
{
	struct cw cw;
	if (!cw_load(req, res, &cw))
		return;
	const struct case_file *c = cw_case(&cw, req_param_id(req, 0));
	if (!c) {
		page_error(req, res, 404, "Sagen findes ikke.");
		return;
	}
	/* What a decision led to (cases_step_post redirects here). */
	const char *msg = req_query(req, "besked");
	const char *notice = NULL;
	if (msg && strcmp(msg, "indstilling") == 0)
		notice = "Forummet kan ikke selv beslutte sagen: trinnet er registreret som "
			 "en indstilling, og et beslutningstrin er tilføjet hos det forum, "
			 "der indstilles til.";
	else if (msg && strcmp(msg, "raad") == 0)
		notice = "Beslutningen er registreret. Sagen har økonomiske konsekvenser og "
			 "afventer nu godkendelse i regionsrådet og byrådene (trinene er tilføjet).";
	else if (msg && strcmp(msg, "besluttet") == 0)
		notice = "Beslutningen er registreret.";
	cases_case_page(req, res, &cw, c, 200, NULL, notice);
}

/* ---- the agenda item page's "Sager" line ---------------------------------- */

void cases_item_line(struct request *req, struct response *res,
		     int64_t item_id)
{
	int64_t *ids = NULL;
	size_t n = 0;
	struct err err = { 0 };
	if (store_cases_of_item(req->app->store, req->arena, item_id, &ids, &n,
				&err) != 0 || !n)
		return;
	html(res, "<p class=\"item-cases\">Sager: ");
	for (size_t i = 0; i < n; i++) {
		struct case_file c;
		if (store_case_get(req->app->store, req->arena, ids[i], &c, &err) != 0)
			continue;
		if (i)
			html(res, ", ");
		cw_case_link(res, &c);
	}
	html(res, "</p>\n");
}
