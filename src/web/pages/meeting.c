/*
 * meeting.c - meetings from planning to approved minutes (issue 4): the
 * route table, the body's meetings by year, the meeting page, the item
 * page, the agenda and the minutes as printable HTML, and the "Møder"
 * section of the body page. Forms are meeting_forms.c, files
 * meeting_files.c; see meeting.h.
 *
 * What a page shows is what core's access_meeting_view leaves of the
 * meeting for the principal (closed items by title only for the public,
 * no attendance or checklist ...): pages never test `closed` or roles.
 */
#include "meeting.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/access.h"
#include "../../util/date.h"
#include "cases.h"
#include "pages.h"

const struct route meeting_routes[] = {
	{ "GET", "/bodies/:id/meetings", meeting_list },
	{ "GET", "/bodies/:id/meetings/new", meeting_new },
	{ "POST", "/bodies/:id/meetings", meeting_create },
	{ "GET", "/meetings/:id", meeting_show },
	{ "GET", "/meetings/:id/edit", meeting_edit },
	{ "POST", "/meetings/:id", meeting_update },
	{ "POST", "/meetings/:id/state", meeting_state_post },
	{ "POST", "/meetings/:id/tasks/:task", meeting_task },
	{ "GET", "/meetings/:id/attendance", meeting_attendance },
	{ "POST", "/meetings/:id/attendance", meeting_attendance_save },
	{ "GET", "/meetings/:id/agenda", meeting_agenda_html },
	{ "GET", "/meetings/:id/minutes", meeting_minutes_html },
	{ "POST", "/meetings/:id/documents", meeting_documents },
	{ "GET", "/meetings/:id/items/new", meeting_item_new },
	{ "POST", "/meetings/:id/items", meeting_item_create },
	{ "GET", "/items/:id", meeting_item_show },
	{ "GET", "/items/:id/edit", meeting_item_edit },
	{ "POST", "/items/:id", meeting_item_update },
	{ "GET", "/items/:id/delete", meeting_item_delete_page },
	{ "POST", "/items/:id/delete", meeting_item_delete },
	{ "POST", "/items/:id/move", meeting_item_move_post },
	{ "GET", "/items/:id/decision", meeting_decision },
	{ "POST", "/items/:id/decision", meeting_decision_save },
	{ "POST", "/items/:id/attachments", meeting_upload },
	{ "POST", "/attachments/:id/delete", meeting_attachment_delete },
	{ "GET", "/files/:token", meeting_file },
	{ NULL, NULL, NULL },
};

/* ---- shared helpers (meeting.h) ---------------------------------------- */

bool mtg_load(struct request *req, struct response *res, int64_t id,
	      struct mtg *c)
{
	memset(c, 0, sizeof(*c));
	req->no_cache = true;
	struct err err = { 0 };
	if (!id || store_meeting_get(req->app->store, req->arena, id, &c->full,
				     &err) != 0) {
		if (id && err.kind != ERR_NOT_FOUND)
			page_error(req, res, 500, "Mødet kunne ikke indlæses.");
		else
			page_error(req, res, 404, "Mødet findes ikke.");
		return false;
	}
	if (!access_meeting_view(req->arena, web_structure_full(req),
				 &req->principal, &c->full, date_today(),
				 &c->view)) {
		page_error(req, res, 404, "Mødet findes ikke.");
		return false;
	}
	c->body = structure_body(web_structure(req), c->full.body_id);
	if (!c->body)
		c->body = structure_body(web_structure_full(req), c->full.body_id);
	if (!c->body) {
		page_error(req, res, 404, "Mødet findes ikke.");
		return false;
	}
	return true;
}

/* The id of the meeting holding an item, 0 when none. */
static int64_t meeting_of_item(struct request *req, int64_t item_id)
{
	int64_t mid = 0;
	struct err err = { 0 };
	if (!item_id || store_item_meeting(req->app->store, item_id, &mid, &err) != 0)
		return 0;
	return mid;
}

bool mtg_load_item(struct request *req, struct response *res,
		   int64_t item_id, struct mtg *c, struct agenda_item **it,
		   const struct agenda_item **vit)
{
	*it = NULL;
	*vit = NULL;
	int64_t mid = meeting_of_item(req, item_id);
	if (!mid) {
		req->no_cache = true;
		page_error(req, res, 404, "Dagsordenspunktet findes ikke.");
		return false;
	}
	if (!mtg_load(req, res, mid, c))
		return false;
	for (size_t i = 0; i < c->full.n_items; i++)
		if (c->full.items[i].id == item_id)
			*it = &c->full.items[i];
	for (size_t i = 0; i < c->view.n_items; i++)
		if (c->view.items[i].id == item_id)
			*vit = &c->view.items[i];
	if (!*it || !*vit) {
		page_error(req, res, 404, "Dagsordenspunktet findes ikke.");
		return false;
	}
	return true;
}

bool mtg_psychiatry_first(struct request *req, const struct meeting *m)
{
	bool approved = false;
	const struct charter *ch = charter_in_force(web_structure_full(req),
						    m->body_id, m->date, &approved);
	return ch && ch->psychiatry_first;
}

const char *mtg_url(struct request *req, int64_t id)
{
	return arena_printf(req->arena, "/meetings/%lld", (long long)id);
}

const char *mtg_item_url(struct request *req, int64_t id)
{
	return arena_printf(req->arena, "/items/%lld", (long long)id);
}

const char *mtg_time_span(struct request *req, const struct meeting *m)
{
	char s[8], e[8];
	meeting_time_format(m->start_min, s, sizeof(s));
	meeting_time_format(m->end_min, e, sizeof(e));
	return arena_printf(req->arena, "%s–%s", s, e);
}

void mtg_markdown(struct response *res, const char *md)
{
	if (!md || !*md)
		return;
	char *h = cmark_markdown_to_html(md, strlen(md), CMARK_OPT_SAFE);
	if (h) {
		html(res, h);	/* safe mode: no raw HTML, no javascript: links */
		free(h);
	}
}

void mtg_size(struct response *res, int64_t bytes)
{
	if (bytes < 1024)
		html_printf(res, "%lld byte", (long long)bytes);
	else if (bytes < 1024 * 1024)
		html_printf(res, "%lld kB", (long long)((bytes + 1023) / 1024));
	else {
		long long tenths = (long long)(bytes * 10 / (1024 * 1024));
		html_printf(res, "%lld,%lld MB", tenths / 10, tenths % 10);
	}
}

size_t mtg_members(struct request *req, const struct meeting *m,
		   const struct membership ***out)
{
	const struct structure *s = web_structure_full(req);
	const struct membership **list =
		arena_array(req->arena, s->n_memberships + 1, sizeof(*list));
	size_t n = 0;
	for (size_t i = 0; i < s->n_memberships; i++) {
		const struct membership *ms = &s->memberships[i];
		if (ms->body_id == m->body_id && membership_active(ms, m->date) &&
		    (role_is_ordinary(ms->role) || ms->role == ROLE_SUBSTITUTE))
			list[n++] = ms;
	}
	*out = list;
	return n;
}

void mtg_quorum_html(struct request *req, struct response *res,
		     const struct meeting *full)
{
	enum quorum_rule rule = QUORUM_RULE_NONE;
	struct quorum_result q;
	memset(&q, 0, sizeof(q));
	meeting_quorum(web_structure_full(req), full, &rule, &q);
	html(res, "<div class=\"quorum\">");
	if (rule == QUORUM_RULE_NONE) {
		html(res, "<p>Kommissoriet har ingen regel om beslutningsdygtighed.</p>");
	} else {
		html(res, q.quorate
			? "<p><span class=\"badge ok\">Beslutningsdygtigt</span> "
			: "<p><span class=\"badge bad\">Ikke beslutningsdygtigt</span> ");
		html_txt(res, quorum_rule_label(rule));
		html(res, "</p>");
	}
	html(res, "<ul class=\"quorum-sectors\">");
	for (int sct = 1; sct < SECTOR__COUNT; sct++) {
		const struct quorum_sector *qs = &q.sectors[sct];
		if (qs->members == 0)
			continue;
		html(res, qs->ok || rule == QUORUM_RULE_NONE ? "<li>" : "<li class=\"short\">");
		html_txt(res, sector_label((enum sector)sct));
		html_printf(res, " %d af %d", qs->present, qs->members);
		if (rule == QUORUM_RULE_HALF_PER_SECTOR)
			html_printf(res, " (mindst %d)", qs->needed);
		html(res, "</li>");
	}
	html(res, "</ul></div>\n");
}

/* ---- small pieces ---------------------------------------------------- */

static const enum meeting_state steps[] = {
	MEETING_PLANNED, MEETING_INVITED, MEETING_AGENDA_APPROVED,
	MEETING_PUBLISHED, MEETING_HELD, MEETING_MINUTES_APPROVED,
};

static void state_badge(struct response *res, enum meeting_state st)
{
	const char *cls = st == MEETING_CANCELLED ? "bad"
			  : st == MEETING_MINUTES_APPROVED ? "ok"
			  : st == MEETING_PLANNED ? "muted" : "current";
	html(res, "<span class=\"badge ");
	html(res, cls);
	html(res, "\">");
	html_txt(res, meeting_state_label(st));
	html(res, "</span>");
}

/* 19.9.2022 */
static void date_short(struct response *res, int d)
{
	html_printf(res, "%d.%d.%d", d % 100, d / 100 % 100, d / 10000);
}

static const char *meeting_title(struct request *req, const struct meeting *m)
{
	return meeting_display_title(req->arena, web_structure(req), m);
}

static void crumbs(struct request *req, struct response *res,
		   const struct body *b, const struct meeting *m)
{
	html(res, "<nav class=\"crumbs\" aria-label=\"Brødkrummer\"><a href=\"/bodies\">Fora</a>");
	html(res, " <span aria-hidden=\"true\">›</span> ");
	html_link_body(res, b);
	html_printf(res, " <span aria-hidden=\"true\">›</span> <a href=\"/bodies/%lld/meetings\">Møder</a>",
		    (long long)b->id);
	if (m) {
		html(res, " <span aria-hidden=\"true\">›</span> <a href=\"");
		html_attr(res, mtg_url(req, m->id));
		html(res, "\">");
		html_txt(res, meeting_title(req, m));
		html(res, "</a>");
	}
	html(res, "</nav>\n");
}

/* A one-button POST form (state change, tick, move). */
/* Would moving item i one place (dir -1 up, +1 down) change the
 * agenda? Asked of core's meeting_item_move on a copy. */
static bool move_possible(struct request *req, const struct meeting *m,
			  size_t i, int dir, bool psychiatry_first)
{
	if (m->n_items < 2)
		return false;
	struct agenda_item *copy = arena_array(req->arena, m->n_items,
					       sizeof(*copy));
	memcpy(copy, m->items, m->n_items * sizeof(*copy));
	return meeting_item_move(copy, m->n_items, i, dir, psychiatry_first);
}

static void post_button(struct request *req, struct response *res,
			const char *action, const char *name,
			const char *value, const char *label,
			const char *cls, bool disabled, const char *describedby)
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
	if (disabled)
		html(res, " disabled");
	if (describedby) {
		html(res, " aria-describedby=\"");
		html_attr(res, describedby);
		html(res, "\"");
	}
	html(res, ">");
	html_txt(res, label);
	html(res, "</button></form>");
}

/* ---- the body's meetings -------------------------------------------- */

/* Every meeting (all bodies: "meets before" looks at another body's)
 * as the principal may see them; *all and *n_all (both may be NULL)
 * get every meeting, for the year's rules: whether a body keeps its
 * cadence is public, and the public's answer must be the check's
 * (klynge check), not one that leaves out a meeting not yet published.
 * The rules' results carry counts and dates of the other body's
 * meetings, never an unpublished meeting's title or agenda. */
static struct meeting *visible_meetings(struct request *req, size_t *n,
					const struct meeting **all_out,
					size_t *n_all)
{
	size_t na = 0;
	const struct meeting *all = web_meetings_all(req, &na);
	*n = 0;
	if (all_out)
		*all_out = NULL;
	if (n_all)
		*n_all = 0;
	if (!all)
		return NULL;
	if (all_out)
		*all_out = all;
	if (n_all)
		*n_all = na;
	struct meeting *out = arena_array(req->arena, na + 1, sizeof(*out));
	const struct structure *s = web_structure_full(req);
	int today = date_today();
	for (size_t i = 0; i < na; i++)
		if (access_meeting_view(req->arena, s, &req->principal, &all[i],
					today, &out[*n]))
			(*n)++;
	return out;
}

/* "2 af mindst 4 møder i 2026 (1 afholdt, 1 planlagt)" and the
 * meets-before violations of a year. */
static void year_rules(struct request *req, struct response *res,
		       const struct body *b, int year,
		       const struct meeting *ms, size_t n)
{
	const struct structure *s = web_structure_full(req);
	struct cadence_result cr;
	memset(&cr, 0, sizeof(cr));
	rules_cadence(s, b->id, year, ms, n, &cr);
	html(res, "<p class=\"cadence\">");
	if (cr.required > 0) {
		html(res, cr.ok ? "<span class=\"badge ok\">Mødekadence overholdt</span> "
				: "<span class=\"badge bad\">For få møder</span> ");
		html_printf(res, "%d af mindst %d møder i %d", cr.held + cr.planned,
			    cr.required, year);
	} else {
		html_printf(res, "%d møder i %d (kommissoriet kræver intet antal)",
			    cr.held + cr.planned, year);
	}
	html_printf(res, " <span class=\"muted\">(%d afholdt, %d planlagt)</span></p>\n",
		    cr.held, cr.planned);
	struct violations v = { 0 };
	rules_check_meets_before(req->arena, s, b->id, year, ms, n, &v);
	if (v.n) {
		html(res, "<ul class=\"violations\">\n");
		for (size_t i = 0; i < v.n; i++) {
			html(res, "<li class=\"violation v-");
			html_attr(res, v.items[i].code);
			html(res, "\">");
			html_txt(res, v.items[i].message);
			html(res, "</li>\n");
		}
		html(res, "</ul>\n");
	}
}

static bool may_plan(struct request *req, const struct body *b)
{
	struct meeting blank = { .body_id = b->id, .date = date_today(),
				 .state = MEETING_PLANNED };
	return access_meeting_edit(web_structure_full(req), &req->principal,
				   &blank, date_today());
}

static void meeting_row(struct request *req, struct response *res,
			const struct meeting *m)
{
	html(res, m->state == MEETING_CANCELLED ? "<tr class=\"past\"><td>" : "<tr><td>");
	date_short(res, m->date);
	html(res, "</td><td>");
	html_txt(res, mtg_time_span(req, m));
	html(res, "</td><td><a href=\"");
	html_attr(res, mtg_url(req, m->id));
	html(res, "\">");
	html_txt(res, meeting_title(req, m));
	html(res, "</a></td><td>");
	html_txt(res, meeting_kind_label(m->kind));
	html(res, "</td><td>");
	state_badge(res, m->state);
	html_printf(res, "</td><td class=\"num\">%zu</td></tr>\n", m->n_items);
}

void meeting_list(struct request *req, struct response *res)
{
	req->no_cache = true;
	const struct body *b = structure_body(web_structure(req), req_param_id(req, 0));
	if (!b) {
		page_error(req, res, 404, "Forummet findes ikke.");
		return;
	}
	size_t n = 0, n_all = 0;
	const struct meeting *all = NULL;
	struct meeting *ms = visible_meetings(req, &n, &all, &n_all);
	int this_year = date_year(date_today());
	int lo = this_year, hi = this_year;
	for (size_t i = 0; i < n; i++) {
		if (ms[i].body_id != b->id)
			continue;
		int y = date_year(ms[i].date);
		lo = y < lo ? y : lo;
		hi = y > hi ? y : hi;
	}
	page_begin(req, res, arena_printf(req->arena, "Møder – %s", b->name));
	crumbs(req, res, b, NULL);
	html(res, "<h1>Møder i ");
	html_txt(res, b->name);
	html(res, "</h1>\n");
	if (may_plan(req, b))
		html_printf(res, "<p class=\"actions\"><a class=\"button\" href=\"/bodies/%lld/meetings/new\">Planlæg møde</a></p>\n",
			    (long long)b->id);
	for (int y = hi; y >= lo; y--) {
		size_t cnt = 0;
		for (size_t i = 0; i < n; i++)
			if (ms[i].body_id == b->id && date_year(ms[i].date) == y)
				cnt++;
		if (!cnt && y != this_year)
			continue;
		html_printf(res, "<section id=\"aar-%d\">\n<h2>%d</h2>\n", y, y);
		year_rules(req, res, b, y, all, n_all);
		if (!cnt) {
			html(res, "<p class=\"empty\">Ingen møder i året.</p>\n</section>\n");
			continue;
		}
		html(res, "<div class=\"table-wrap\"><table class=\"list\">\n<thead><tr>"
			  "<th scope=\"col\">Dato</th><th scope=\"col\">Tid</th>"
			  "<th scope=\"col\">Møde</th><th scope=\"col\">Type</th>"
			  "<th scope=\"col\">Status</th><th scope=\"col\" class=\"num\">Punkter</th>"
			  "</tr></thead>\n<tbody>\n");
		for (size_t i = 0; i < n; i++)
			if (ms[i].body_id == b->id && date_year(ms[i].date) == y)
				meeting_row(req, res, &ms[i]);
		html(res, "</tbody></table></div>\n</section>\n");
	}
	page_end(req, res);
}

void meeting_body_section(struct request *req, struct response *res,
			  const struct body *b)
{
	size_t n = 0, n_all = 0;
	const struct meeting *all = NULL;
	struct meeting *ms = visible_meetings(req, &n, &all, &n_all);
	int today = date_today();
	html(res, "<section id=\"moeder\">\n<h2>Møder</h2>\n");
	const struct meeting *last = NULL;
	size_t shown = 0;
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		const struct meeting *m = &ms[i];
		if (m->body_id != b->id)
			continue;
		any = true;
		if (m->date < today && m->state != MEETING_CANCELLED)
			last = m;
	}
	for (size_t i = 0; i < n && shown < 3; i++) {
		const struct meeting *m = &ms[i];
		if (m->body_id != b->id || m->date < today ||
		    m->state == MEETING_CANCELLED)
			continue;
		if (!shown)
			html(res, "<h3>Kommende møder</h3>\n<ul class=\"plain meetings\">\n");
		shown++;
		html(res, "<li><a href=\"");
		html_attr(res, mtg_url(req, m->id));
		html(res, "\">");
		html_date(res, m->date);
		html(res, " kl. ");
		html_txt(res, mtg_time_span(req, m));
		html(res, "</a> ");
		state_badge(res, m->state);
		if (m->title && *m->title) {
			html(res, " <span class=\"muted\">");
			html_txt(res, m->title);
			html(res, "</span>");
		}
		html(res, "</li>\n");
	}
	if (shown)
		html(res, "</ul>\n");
	if (last) {
		html(res, "<p>Seneste møde: <a href=\"");
		html_attr(res, mtg_url(req, last->id));
		html(res, "\">");
		html_date(res, last->date);
		html(res, "</a> ");
		state_badge(res, last->state);
		html(res, "</p>\n");
	}
	if (!any)
		html(res, "<p class=\"empty\">Der er ingen møder endnu.</p>\n");
	year_rules(req, res, b, date_year(today), all, n_all);
	html_printf(res, "<p class=\"actions\"><a class=\"button\" href=\"/bodies/%lld/meetings\">Alle møder</a>"
		    " <a class=\"button\" href=\"/bodies/%lld/calendar.ics\">Kalender (iCalendar)</a>",
		    (long long)b->id, (long long)b->id);
	if (may_plan(req, b))
		html_printf(res, " <a class=\"button\" href=\"/bodies/%lld/meetings/new\">Planlæg møde</a>",
			    (long long)b->id);
	html(res, "</p>\n</section>\n");
}

/* ---- the meeting page -------------------------------------------------- */

static const char *transition_label(enum meeting_state to)
{
	switch (to) {
	case MEETING_PLANNED: return "Genoptag planlægningen";
	case MEETING_INVITED: return "Indkald til mødet";
	case MEETING_AGENDA_APPROVED: return "Godkend dagsordenen";
	case MEETING_PUBLISHED: return "Udsend dagsordenen";
	case MEETING_HELD: return "Markér mødet som afholdt";
	case MEETING_MINUTES_APPROVED: return "Godkend referatet";
	case MEETING_CANCELLED: return "Aflys mødet";
	default: return "Skift status";
	}
}

static void steps_html(struct response *res, const struct meeting *m)
{
	html(res, "<ol class=\"steps\" aria-label=\"Mødets forløb\">");
	int cur = -1;
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		if (steps[i] == m->state)
			cur = (int)i;
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		bool done = cur >= 0 && (int)i < cur;
		bool now = (int)i == cur;
		html(res, now ? "<li class=\"step current\" aria-current=\"step\">"
			      : done ? "<li class=\"step done\">" : "<li class=\"step\">");
		html_txt(res, meeting_state_label(steps[i]));
		html(res, "</li>");
	}
	if (m->state == MEETING_CANCELLED)
		html(res, "<li class=\"step cancelled\" aria-current=\"step\">Aflyst</li>");
	html(res, "</ol>\n");
}

static void state_actions(struct request *req, struct response *res,
			  struct mtg *c)
{
	const struct meeting *m = &c->full;
	bool edit = web_may_meeting(req, m, NULL, WEB_MEETING_EDIT);
	bool approve = web_may_meeting(req, m, NULL, WEB_MEETING_APPROVE);
	if (!edit && !approve)
		return;
	static const enum meeting_state order[] = {
		MEETING_INVITED, MEETING_AGENDA_APPROVED, MEETING_PUBLISHED,
		MEETING_HELD, MEETING_MINUTES_APPROVED, MEETING_PLANNED,
		MEETING_CANCELLED,
	};
	bool any = false;
	const char *action = arena_printf(req->arena, "/meetings/%lld/state",
					  (long long)m->id);
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		enum meeting_state to = order[i];
		if (!meeting_transition_allowed(m->state, to))
			continue;
		bool approval = to == MEETING_AGENDA_APPROVED ||
				to == MEETING_MINUTES_APPROVED;
		if (approval ? !approve : !edit)
			continue;
		if (!any)
			html(res, "<div class=\"state-actions actions\">");
		any = true;
		const char *problem = meeting_transition_problem_on(m, to, date_today());
		const char *pid = problem ? arena_printf(req->arena, "problem-%s",
							 meeting_state_code(to))
					  : NULL;
		html(res, "<div class=\"state-action\">");
		html(res, "<form class=\"inline\" method=\"post\" action=\"");
		html_attr(res, action);
		html(res, "\">");
		html_csrf(req, res);
		html(res, "<input type=\"hidden\" name=\"to\" value=\"");
		html_attr(res, meeting_state_code(to));
		html_printf(res, "\"><input type=\"hidden\" name=\"revision\" value=\"%lld\">",
			    (long long)m->revision);
		html(res, to == MEETING_CANCELLED
			? "<button type=\"submit\" class=\"button-danger\""
			: "<button type=\"submit\"");
		if (problem) {
			html(res, " disabled aria-describedby=\"");
			html_attr(res, pid);
			html(res, "\"");
		}
		html(res, ">");
		html_txt(res, transition_label(to));
		html(res, "</button></form>");
		if (problem) {
			html(res, "<p class=\"hint\" id=\"");
			html_attr(res, pid);
			html(res, "\">");
			html_txt(res, problem);
			html(res, "</p>");
		}
		html(res, "</div>");
	}
	if (any)
		html(res, "</div>\n");
}

static void history_html(struct response *res, const struct meeting *v)
{
	if (!v->n_events)
		return;
	html(res, "<details class=\"events\"><summary>Statushistorik</summary>"
		  "<table class=\"list\"><thead><tr><th scope=\"col\">Hvornår</th>"
		  "<th scope=\"col\">Fra</th><th scope=\"col\">Til</th>"
		  "<th scope=\"col\">Af</th></tr></thead><tbody>\n");
	for (size_t i = 0; i < v->n_events; i++) {
		const struct meeting_event *e = &v->events[i];
		char at[48];
		audit_time_da(e->at, at, sizeof(at));
		html(res, "<tr><td>");
		html_txt(res, at);
		html(res, "</td><td>");
		html_txt(res, e->from ? meeting_state_label(e->from) : "–");
		html(res, "</td><td>");
		html_txt(res, meeting_state_label(e->to));
		html(res, "</td><td>");
		html_txt(res, e->actor);
		html(res, "</td></tr>\n");
	}
	html(res, "</tbody></table></details>\n");
}

static void tasks_html(struct request *req, struct response *res, struct mtg *c)
{
	const struct meeting *v = &c->view;
	if (!v->n_tasks)
		return;
	bool edit = web_may_meeting(req, &c->full, NULL, WEB_MEETING_EDIT);
	int today = date_today();
	size_t open = 0;
	for (size_t i = 0; i < v->n_tasks; i++)
		open += !v->tasks[i].done;
	html(res, "<section id=\"tjekliste\">\n<h2>Tjekliste for sekretariatet</h2>\n");
	html_printf(res, "<p class=\"muted\">%zu af %zu opgaver udført.</p>\n",
		    v->n_tasks - open, v->n_tasks);
	html(res, "<div class=\"table-wrap\"><table class=\"list tasks\">\n<thead><tr>"
		  "<th scope=\"col\">Opgave</th><th scope=\"col\">Ansvarlig</th>"
		  "<th scope=\"col\">Frist</th><th scope=\"col\">Status</th>");
	if (edit)
		html(res, "<th scope=\"col\"><span class=\"visually-hidden\">Handling</span></th>");
	html(res, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < v->n_tasks; i++) {
		const struct meeting_task *t = &v->tasks[i];
		bool overdue = !t->done && t->due && t->due < today;
		html(res, t->done ? "<tr class=\"done\"><td>"
				  : overdue ? "<tr class=\"overdue\"><td>" : "<tr><td>");
		html_txt(res, t->label);
		html(res, "</td><td>");
		html_txt(res, t->responsible);
		html(res, "</td><td>");
		if (t->due)
			date_short(res, t->due);
		if (overdue)
			html(res, " <span class=\"badge bad\">Overskredet</span>");
		html(res, "</td><td>");
		if (t->done) {
			char at[48];
			audit_time_da(t->done_at, at, sizeof(at));
			html(res, "<span class=\"badge ok\">Udført</span> <span class=\"muted\">");
			html_txt(res, t->done_by);
			html(res, ", ");
			html_txt(res, at);
			html(res, "</span>");
		} else {
			html(res, "<span class=\"badge\">Mangler</span>");
		}
		html(res, "</td>");
		if (edit) {
			html(res, "<td>");
			post_button(req, res,
				    arena_printf(req->arena, "/meetings/%lld/tasks/%lld",
						 (long long)v->id, (long long)t->id),
				    "done", t->done ? "0" : "1",
				    t->done ? "Fortryd" : "Markér udført", NULL,
				    false, NULL);
			html(res, "</td>");
		}
		html(res, "</tr>\n");
	}
	html(res, "</tbody></table></div>\n</section>\n");
}

static void agenda_table(struct request *req, struct response *res,
			 struct mtg *c)
{
	const struct meeting *v = &c->view;
	bool edit = web_may_meeting(req, &c->full, NULL, WEB_MEETING_EDIT);
	bool editable = edit && meeting_agenda_editable(c->full.state);
	const struct structure *s = web_structure(req);
	html(res, "<section id=\"dagsorden\">\n<h2>Dagsorden</h2>\n");
	html(res, "<p class=\"actions\">");
	html_printf(res, "<a class=\"button\" href=\"/meetings/%lld/agenda\">Dagsorden (HTML)</a> ",
		    (long long)v->id);
	if (v->state == MEETING_HELD || v->state == MEETING_MINUTES_APPROVED)
		html_printf(res, "<a class=\"button\" href=\"/meetings/%lld/minutes\">Referat (HTML)</a> ",
			    (long long)v->id);
	if (editable)
		html_printf(res, "<a class=\"button\" href=\"/meetings/%lld/items/new\">Nyt dagsordenspunkt</a>",
			    (long long)v->id);
	html(res, "</p>\n");
	struct violations ov = { 0 };
	bool psych = mtg_psychiatry_first(req, &c->full);
	rules_check_order(req->arena, c->full.items, c->full.n_items, psych,
			  &ov);
	if (ov.n && edit)
		html_violations(res, &ov, v->date);
	if (!v->n_items) {
		html(res, "<p class=\"empty\">Der er ingen punkter på dagsordenen endnu.</p>\n</section>\n");
		return;
	}
	html(res, "<div class=\"table-wrap\"><table class=\"list agenda\">\n<thead><tr>"
		  "<th scope=\"col\" class=\"num\">Nr.</th><th scope=\"col\">Punkt</th>"
		  "<th scope=\"col\">Sagsnr.</th><th scope=\"col\">Type</th>"
		  "<th scope=\"col\">Sagsbehandler</th>");
	if (v->state == MEETING_HELD || v->state == MEETING_MINUTES_APPROVED ||
	    v->state == MEETING_PUBLISHED)
		html(res, "<th scope=\"col\">Beslutning</th>");
	if (editable)
		html(res, "<th scope=\"col\">Rækkefølge</th>");
	html(res, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < v->n_items; i++) {
		const struct agenda_item *it = &v->items[i];
		html_printf(res, "<tr><td class=\"num\">%d</td><td><a href=\"", it->number);
		html_attr(res, mtg_item_url(req, it->id));
		html(res, "\">");
		html_txt(res, it->title);
		html(res, "</a>");
		if (it->closed)
			html(res, " <span class=\"tag closed\">Lukket punkt</span>");
		if (it->psychiatry)
			html(res, " <span class=\"tag\">Psykiatri</span>");
		html(res, "</td><td>");
		html_txt(res, it->case_number);
		html(res, "</td><td>");
		html_txt(res, item_kind_label(it->kind));
		html(res, "</td><td>");
		const struct person *p = structure_person(s, it->handler_person_id);
		if (p)
			html_txt(res, p->name);
		html(res, "</td>");
		if (v->state == MEETING_HELD || v->state == MEETING_MINUTES_APPROVED ||
		    v->state == MEETING_PUBLISHED) {
			html(res, "<td>");
			if (it->outcome)
				html_txt(res, item_outcome_label(it->outcome));
			html(res, "</td>");
		}
		if (editable) {
			const char *mv = arena_printf(req->arena, "/items/%lld/move",
						      (long long)it->id);
			html(res, "<td class=\"move\">");
			/* A move the order rules would undo (Eventuelt up,
			 * the item above it down) is offered disabled. */
			post_button(req, res, mv, "dir", "up", "Op", NULL,
				    !move_possible(req, v, i, -1, psych), NULL);
			post_button(req, res, mv, "dir", "down", "Ned", NULL,
				    !move_possible(req, v, i, +1, psych), NULL);
			html(res, "</td>");
		}
		html(res, "</tr>\n");
	}
	html(res, "</tbody></table></div>\n</section>\n");
}

static void attendance_html(struct request *req, struct response *res,
			    struct mtg *c)
{
	if (!web_may_meeting(req, &c->full, NULL, WEB_MEETING_FULL))
		return;
	const struct meeting *v = &c->view;
	html(res, "<section id=\"fremmoede\">\n<h2>Fremmøde og beslutningsdygtighed</h2>\n");
	size_t present = 0, apology = 0, absent = 0;
	for (size_t i = 0; i < v->n_attendance; i++) {
		present += v->attendance[i].status == ATTEND_PRESENT;
		apology += v->attendance[i].status == ATTEND_APOLOGY;
		absent += v->attendance[i].status == ATTEND_ABSENT;
	}
	if (v->n_attendance)
		html_printf(res, "<p>%zu til stede, %zu afbud, %zu fraværende.</p>\n",
			    present, apology, absent);
	else
		html(res, "<p class=\"empty\">Fremmødet er ikke registreret.</p>\n");
	mtg_quorum_html(req, res, &c->full);
	if (web_may_meeting(req, &c->full, NULL, WEB_MEETING_EDIT) &&
	    meeting_minutes_editable(c->full.state))
		html_printf(res, "<p class=\"actions\"><a class=\"button\" href=\"/meetings/%lld/attendance\">Registrér fremmøde</a></p>\n",
			    (long long)v->id);
	html(res, "</section>\n");
}

static void documents_html(struct request *req, struct response *res,
			   struct mtg *c)
{
	const struct meeting *v = &c->view;
	bool edit = web_may_meeting(req, &c->full, NULL, WEB_MEETING_EDIT);
	/* Who generated a document is an account name: like the state
	 * history's actors, only for those who see the whole meeting. */
	bool who = web_may_meeting(req, &c->full, NULL, WEB_MEETING_FULL);
	if (!v->n_documents && !edit)
		return;
	html(res, "<section id=\"dokumenter\">\n<h2>Dokumenter</h2>\n");
	if (v->n_documents) {
		html(res, "<div class=\"table-wrap\"><table class=\"list documents\">\n<thead><tr>"
			  "<th scope=\"col\">Dokument</th><th scope=\"col\">Udgave</th>"
			  "<th scope=\"col\">Størrelse</th><th scope=\"col\">Dannet</th>"
			  "</tr></thead>\n<tbody>\n");
		for (size_t i = v->n_documents; i-- > 0;) {
			const struct meeting_document *d = &v->documents[i];
			char at[48];
			audit_time_da(d->created, at, sizeof(at));
			html(res, "<tr><td><a href=\"/files/");
			html_attr(res, d->token);
			html(res, "\">");
			html_txt(res, document_kind_label(d->kind));
			html_printf(res, ", version %d (PDF)</a></td><td>", d->version);
			html(res, d->public_edition ? "Offentlig udgave" : "Fuld udgave (medlemmer)");
			html(res, "</td><td>");
			mtg_size(res, d->size);
			html(res, "</td><td>");
			html_txt(res, at);
			if (who && d->created_by && *d->created_by) {
				html(res, " af ");
				html_txt(res, d->created_by);
			}
			html(res, "</td></tr>\n");
		}
		html(res, "</tbody></table></div>\n");
	} else {
		html(res, "<p class=\"empty\">Der er ikke dannet dokumenter endnu.</p>\n");
	}
	if (edit) {
		const char *action = arena_printf(req->arena, "/meetings/%lld/documents",
						  (long long)v->id);
		html(res, "<div class=\"actions\">");
		post_button(req, res, action, "kind", "agenda", "Dan dagsorden (PDF)",
			    NULL, false, NULL);
		if (c->full.state == MEETING_HELD ||
		    c->full.state == MEETING_MINUTES_APPROVED)
			post_button(req, res, action, "kind", "minutes",
				    "Dan referat (PDF)", NULL, false, NULL);
		html(res, "</div>\n<p class=\"hint\">Hver gang dannes både en fuld udgave "
			  "til medlemmerne og en offentlig udgave uden lukkede punkters "
			  "indhold. Tidligere versioner bevares.</p>\n");
	}
	html(res, "</section>\n");
}

void mtg_meeting_page(struct request *req, struct response *res,
		      struct mtg *c, int status, const char *error,
		      const char *warning)
{
	const struct meeting *v = &c->view;
	const char *title = meeting_title(req, v);
	res->status = status;
	page_begin(req, res, title);
	crumbs(req, res, c->body, NULL);
	html(res, "<header class=\"page-head\">\n<p class=\"kicker\">");
	html_txt(res, meeting_kind_label(v->kind));
	html(res, " · ");
	html_txt(res, c->body->name);
	html(res, "</p>\n<h1>");
	html_txt(res, title);
	html(res, "</h1>\n");
	if (web_may_meeting(req, &c->full, NULL, WEB_MEETING_EDIT))
		html_printf(res, "<p class=\"actions\"><a class=\"button\" href=\"/meetings/%lld/edit\">Rediger møde</a></p>\n",
			    (long long)v->id);
	html(res, "</header>\n");
	if (error) {
		html(res, "<div class=\"error-summary\" role=\"alert\"><h2>Det kunne ikke lade sig gøre</h2><p>");
		html_txt(res, error);
		html(res, "</p></div>\n");
	}
	if (warning) {
		html(res, "<div class=\"notice warn\" role=\"status\"><p>");
		html_txt(res, warning);
		html(res, "</p></div>\n");
	}
	html(res, "<dl class=\"facts\">\n<dt>Forum</dt><dd>");
	html_link_body(res, c->body);
	html(res, "</dd>\n<dt>Dato</dt><dd>");
	html_date(res, v->date);
	html(res, "</dd>\n<dt>Tid</dt><dd>kl. ");
	html_txt(res, mtg_time_span(req, v));
	html(res, "</dd>\n");
	if (v->place && *v->place) {
		html(res, "<dt>Sted</dt><dd>");
		html_txt(res, v->place);
		html(res, "</dd>\n");
	}
	if (v->online_url && *v->online_url) {
		html(res, "<dt>Online</dt><dd><a rel=\"noopener noreferrer\" href=\"");
		html_attr(res, v->online_url);
		html(res, "\">");
		html_txt(res, v->online_url);
		html(res, "</a></dd>\n");
	}
	html(res, "<dt>Status</dt><dd>");
	state_badge(res, v->state);
	html(res, "</dd>\n</dl>\n");
	steps_html(res, v);
	state_actions(req, res, c);
	history_html(res, v);
	agenda_table(req, res, c);
	attendance_html(req, res, c);
	documents_html(req, res, c);
	tasks_html(req, res, c);
	page_end(req, res);
}

void meeting_show(struct request *req, struct response *res)
{
	struct mtg c;
	if (mtg_load(req, res, req_param_id(req, 0), &c))
		mtg_meeting_page(req, res, &c, 200, NULL, NULL);
}

/* ---- the item page ------------------------------------------------------ */

static void text_block(struct response *res, const char *heading,
		       const char *text)
{
	if (!text || !*text)
		return;
	html(res, "<h3>");
	html_txt(res, heading);
	html(res, "</h3>\n<p class=\"pre\">");
	html_txt(res, text);
	html(res, "</p>\n");
}

static void lines_list(struct request *req, struct response *res,
		       const char *text, const char *cls)
{
	size_t n = 0;
	const char **lines = meeting_lines(req->arena, text, &n);
	if (!n)
		return;
	html(res, "<ol class=\"");
	html_attr(res, cls);
	html(res, "\">");
	for (size_t i = 0; i < n; i++) {
		html(res, "<li>");
		html_txt(res, lines[i]);
		html(res, "</li>");
	}
	html(res, "</ol>\n");
}

/* The item's texts as the agenda shows them (item page, agenda,
 * minutes). with_decision: the decision part too. */
static void item_body(struct request *req, struct response *res,
		      const struct agenda_item *it, bool with_decision,
		      bool attachment_links)
{
	const struct structure *s = web_structure(req);
	html(res, "<dl class=\"facts\">");
	if (it->case_number && *it->case_number) {
		html(res, "<dt>Sagsnr.</dt><dd>");
		html_txt(res, it->case_number);
		html(res, "</dd>");
	}
	html(res, "<dt>Type</dt><dd>");
	html_txt(res, item_kind_label(it->kind));
	html(res, "</dd>");
	const struct person *p = structure_person(s, it->handler_person_id);
	if (p) {
		html(res, "<dt>Sagsbehandler</dt><dd>");
		html_txt(res, p->name);
		html(res, "</dd>");
	}
	html(res, "</dl>\n");
	bool blank = !*it->summary && !*it->presentation && !*it->resolutions &&
		     !*it->recommended_by;
	if (it->closed && blank && !it->n_attachments) {
		html(res, "<p class=\"closed-note\">Lukket punkt – indholdet er kun "
			  "tilgængeligt for forummets medlemmer.</p>\n");
		return;
	}
	text_block(res, "Resumé", it->summary);
	if (it->presentation && *it->presentation) {
		html(res, "<h3>Sagsfremstilling</h3>\n<div class=\"markdown\">");
		mtg_markdown(res, it->presentation);
		html(res, "</div>\n");
	}
	if ((it->recommended_by && *it->recommended_by) ||
	    (it->resolutions && *it->resolutions)) {
		html(res, "<h3>Indstilling</h3>\n");
		if (it->recommended_by && *it->recommended_by) {
			html(res, "<p>");
			html_txt(res, it->recommended_by);
			html(res, "</p>\n");
		}
		lines_list(req, res, it->resolutions, "resolutions");
	}
	text_block(res, "Uenighed", it->dissent);
	if (it->guests && *it->guests) {
		html(res, "<h3>Gæster</h3>\n");
		lines_list(req, res, it->guests, "guests");
	}
	if (it->n_attachments) {
		html(res, "<h3>Bilag</h3>\n<ol class=\"attachments\">");
		for (size_t i = 0; i < it->n_attachments; i++) {
			const struct attachment *at = &it->attachments[i];
			html(res, "<li>");
			if (attachment_links) {
				html(res, "<a href=\"/files/");
				html_attr(res, at->token);
				html(res, "\">");
				html_txt(res, at->filename);
				html(res, "</a>");
			} else {
				html_txt(res, at->filename);
			}
			html(res, " <span class=\"muted\">(");
			mtg_size(res, at->size);
			html(res, ")</span></li>");
		}
		html(res, "</ol>\n");
	}
	if (with_decision && (it->outcome || (it->decision && *it->decision))) {
		html(res, "<h3>Beslutning</h3>\n<div class=\"decision\">");
		if (it->outcome) {
			html(res, "<p><strong>");
			html_txt(res, item_outcome_label(it->outcome));
			html(res, "</strong></p>");
		}
		mtg_markdown(res, it->decision);
		html(res, "</div>\n");
	}
}

void mtg_item_page(struct request *req, struct response *res, struct mtg *c,
		   const struct agenda_item *vit, int status,
		   const char *error)
{
	const struct agenda_item *it = NULL;
	for (size_t i = 0; i < c->full.n_items; i++)
		if (c->full.items[i].id == vit->id)
			it = &c->full.items[i];
	bool edit = web_may_meeting(req, &c->full, NULL, WEB_MEETING_EDIT);
	bool item_edit = it && web_may_meeting(req, &c->full, it, WEB_MEETING_ITEM_EDIT);
	bool agenda_open = meeting_agenda_editable(c->full.state);
	const char *title = arena_printf(req->arena, "%d. %s", vit->number, vit->title);
	res->status = status;
	page_begin(req, res, title);
	crumbs(req, res, c->body, &c->view);
	html(res, "<header class=\"page-head\">\n<p class=\"kicker\">Dagsordenspunkt</p>\n<h1>");
	html_txt(res, title);
	if (vit->closed)
		html(res, " <span class=\"tag closed\">Lukket punkt</span>");
	if (vit->psychiatry)
		html(res, " <span class=\"tag\">Psykiatri</span>");
	html(res, "</h1>\n<p class=\"actions\">");
	if (item_edit && agenda_open)
		html_printf(res, "<a class=\"button\" href=\"/items/%lld/edit\">Rediger punkt</a> ",
			    (long long)vit->id);
	if (edit && meeting_minutes_editable(c->full.state))
		html_printf(res, "<a class=\"button\" href=\"/items/%lld/decision\">Registrér beslutning</a> ",
			    (long long)vit->id);
	if (edit && agenda_open)
		html_printf(res, "<a class=\"button\" href=\"/items/%lld/delete\">Slet punkt</a>",
			    (long long)vit->id);
	html(res, "</p>\n</header>\n");
	if (error) {
		html(res, "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2>Det kunne ikke lade sig gøre</h2><p>");
		html_txt(res, error);
		html(res, "</p></div>\n");
	}
	html(res, "<article class=\"agenda-item\">\n");
	item_body(req, res, vit, true, true);
	cases_item_line(req, res, vit->id);	/* cases.c (issue 5) */
	html(res, "</article>\n");
	if (item_edit && agenda_open) {
		html(res, "<section id=\"bilag\">\n<h2>Rediger bilag</h2>\n");
		if (vit->n_attachments) {
			html(res, "<ul class=\"plain\">");
			for (size_t i = 0; i < vit->n_attachments; i++) {
				const struct attachment *at = &vit->attachments[i];
				html(res, "<li>");
				html_txt(res, at->filename);
				html(res, " ");
				html(res, "<form class=\"inline\" method=\"post\" action=\"");
				html_printf(res, "/attachments/%lld/delete\">", (long long)at->id);
				html_csrf(req, res);
				html_printf(res, "<input type=\"hidden\" name=\"item\" value=\"%lld\">",
					    (long long)vit->id);
				html(res, "<button type=\"submit\" class=\"button-danger\">Fjern bilag</button></form></li>");
			}
			html(res, "</ul>\n");
		}
		html_printf(res, "<form class=\"edit-form upload\" method=\"post\" enctype=\"multipart/form-data\" action=\"/items/%lld/attachments\">",
			    (long long)vit->id);
		html_csrf(req, res);
		html(res, "<div class=\"field\"><label for=\"f-file\">Tilføj bilag</label>"
			  "<p class=\"hint\" id=\"f-file-hint\">PDF, billeder (PNG, JPEG, GIF), "
			  "tekst (.txt, .csv) eller Office-/OpenDocument-filer (.docx, .xlsx, "
			  ".pptx, .odt, .ods); højst 20 MB.</p>"
			  "<input type=\"file\" id=\"f-file\" name=\"file\" aria-describedby=\"f-file-hint\"></div>"
			  "<div class=\"form-actions actions\"><button type=\"submit\">Upload bilag</button></div></form>\n");
		html(res, "</section>\n");
	}
	meeting_notes_form(req, res, c, vit);
	html(res, "<p><a href=\"");
	html_attr(res, mtg_url(req, c->view.id));
	html(res, "#dagsorden\">Tilbage til mødet</a></p>\n");
	page_end(req, res);
}

void meeting_item_show(struct request *req, struct response *res)
{
	struct mtg c;
	struct agenda_item *it;
	const struct agenda_item *vit;
	if (mtg_load_item(req, res, req_param_id(req, 0), &c, &it, &vit))
		mtg_item_page(req, res, &c, vit, 200, NULL);
}

/* ---- agenda and minutes as HTML ------------------------------------------ */

static void document_html(struct request *req, struct response *res,
			  bool minutes)
{
	struct mtg c;
	if (!mtg_load(req, res, req_param_id(req, 0), &c))
		return;
	const struct meeting *v = &c.view;
	const char *what = minutes ? "Referat" : "Dagsorden";
	const char *title = arena_printf(req->arena, "%s – %s", what,
					 meeting_title(req, v));
	page_begin(req, res, title);
	crumbs(req, res, c.body, v);
	html(res, "<article class=\"meeting-document\">\n<header class=\"doc-head\">\n<p class=\"kicker\">");
	html_txt(res, c.body->name);
	html(res, "</p>\n<h1>");
	html_txt(res, what);
	html(res, "</h1>\n<dl class=\"facts\"><dt>Møde</dt><dd>");
	html_txt(res, meeting_title(req, v));
	html(res, "</dd><dt>Dato</dt><dd>");
	html_date(res, v->date);
	html(res, ", kl. ");
	html_txt(res, mtg_time_span(req, v));
	html(res, "</dd>");
	if (v->place && *v->place) {
		html(res, "<dt>Sted</dt><dd>");
		html_txt(res, v->place);
		html(res, "</dd>");
	}
	html(res, "</dl>\n");
	if (minutes && v->state != MEETING_MINUTES_APPROVED)
		html(res, "<p class=\"notice warn\">Udkast – referatet er endnu ikke godkendt.</p>\n");
	if (minutes && v->state == MEETING_MINUTES_APPROVED) {
		/* As the PDF says it; the date only for those who see the
		 * state history (the public's view has no events). */
		const char *when = NULL;
		for (size_t i = 0; i < v->n_events; i++)
			if (v->events[i].to == MEETING_MINUTES_APPROVED)
				when = v->events[i].at;
		html(res, "<p class=\"notice ok\">Referatet er godkendt");
		if (when) {
			char at[48];
			audit_time_da(when, at, sizeof(at));
			html(res, " den ");
			html_txt(res, at);
		}
		html(res, ".</p>\n");
	}
	html(res, "</header>\n");
	if (minutes && v->n_attendance) {
		const struct structure *s = web_structure(req);
		html(res, "<section class=\"doc-attendance\"><h2>Deltagere</h2>");
		for (int st = ATTEND_PRESENT; st <= ATTEND_ABSENT; st++) {
			bool any = false;
			for (size_t i = 0; i < v->n_attendance; i++) {
				const struct attendance *at = &v->attendance[i];
				if ((int)at->status != st)
					continue;
				const struct membership *ms = structure_membership(s, at->membership_id);
				const struct person *p = ms ? structure_person(s, ms->person_id) : NULL;
				if (!any) {
					html(res, "<h3>");
					html_txt(res, attendance_status_label((enum attendance_status)st));
					html(res, "</h3><ul class=\"plain\">");
				}
				any = true;
				html(res, "<li>");
				html_txt(res, p ? p->name : "Ukendt person");
				if (at->note && *at->note) {
					html(res, " <span class=\"muted\">(");
					html_txt(res, at->note);
					html(res, ")</span>");
				}
				html(res, "</li>");
			}
			if (any)
				html(res, "</ul>");
		}
		html(res, "</section>\n");
	}
	html(res, "<section class=\"doc-toc\"><h2>Punkter</h2><ol>");
	for (size_t i = 0; i < v->n_items; i++) {
		html_printf(res, "<li value=\"%d\"><a href=\"#punkt-%d\">", v->items[i].number,
			    v->items[i].number);
		html_txt(res, v->items[i].title);
		html(res, "</a>");
		if (v->items[i].closed)
			html(res, " <span class=\"tag closed\">Lukket punkt</span>");
		html(res, "</li>");
	}
	html(res, "</ol></section>\n");
	for (size_t i = 0; i < v->n_items; i++) {
		const struct agenda_item *it = &v->items[i];
		html_printf(res, "<section class=\"agenda-item\" id=\"punkt-%d\">\n<h2>%d. ",
			    it->number, it->number);
		html_txt(res, it->title);
		if (it->closed)
			html(res, " <span class=\"tag closed\">Lukket punkt</span>");
		html(res, "</h2>\n");
		item_body(req, res, it, minutes, true);
		html(res, "</section>\n");
	}
	html(res, "</article>\n");
	page_end(req, res);
}

void meeting_agenda_html(struct request *req, struct response *res)
{
	document_html(req, res, false);
}

void meeting_minutes_html(struct request *req, struct response *res)
{
	document_html(req, res, true);
}
