/*
 * meeting_forms.c - the meeting forms (issue 4): plan and edit a
 * meeting, its agenda items (create, edit, delete, move), state changes
 * with their e-mail, the secretariat's checklist, attendance and
 * decisions. See meeting.h.
 *
 * Like the structure forms (forms.h): values are rendered from strings,
 * so a refused submit (422) shows exactly what was sent with Danish
 * messages at each field; edit forms carry the revision and a stale
 * save is shown again with 409 and "Gemt af en anden". Rules are core's
 * (core/meeting.h), permissions web_authorize_meeting's.
 */
#include "meeting.h"

#include <stdlib.h>
#include <string.h>

#include "../../render/mail.h"
#include "../../util/date.h"
#include "../../util/num.h"
#include "pages.h"

/* ---- enums as data ------------------------------------------------------ */

#define MEETING_ENUM_DESC(name, type)                                      \
	static const char *name##_code_i(int v)                            \
	{                                                                  \
		return name##_code((type)v);                               \
	}                                                                  \
	static const char *name##_label_i(int v)                           \
	{                                                                  \
		return name##_label((type)v);                              \
	}                                                                  \
	static const struct enum_desc enum_##name = {                      \
		name##_count, name##_code_i, name##_label_i };

MEETING_ENUM_DESC(meeting_kind, enum meeting_kind)
MEETING_ENUM_DESC(item_kind, enum item_kind)
MEETING_ENUM_DESC(item_outcome, enum item_outcome)

#define TEXT_MAX 100000

static void ferr(struct form *f, const char *name, const char *msg)
{
	if (!field_errors_get(&f->errs, name))
		field_errors_add(f->req->arena, &f->errs, name, "%s", msg);
}

/* A trimmed text of at most max bytes (an error otherwise). */
static const char *text_field(struct form *f, const char *name, size_t max)
{
	const char *v = form_str(f, name);
	if (strlen(v) > max)
		ferr(f, name, arena_printf(f->req->arena,
					   "Teksten er for lang (højst %zu tegn)", max));
	return v;
}

/* A multi-line text: the raw value with CRLF made LF, trimmed at the
 * ends. */
static const char *area_field(struct form *f, const char *name)
{
	const char *v = form_str(f, name);
	if (strlen(v) > TEXT_MAX) {
		ferr(f, name, "Teksten er for lang (højst 100.000 tegn)");
		return v;
	}
	char *out = arena_strdup(f->req->arena, v);
	char *w = out;
	for (const char *r = out; *r; r++)
		if (!(r[0] == '\r' && r[1] == '\n'))
			*w++ = *r;
	*w = '\0';
	return out;
}

static const char *time_text(struct arena *a, int minutes)
{
	char t[8];
	meeting_time_format(minutes, t, sizeof(t));
	return arena_strdup(a, t);
}

/* ---- meeting form ---------------------------------------------------- */

static void meeting_values(struct request *req, const struct meeting *m,
			   struct kvlist *l)
{
	struct arena *a = req->arena;
	kv_set(a, l, "kind", meeting_kind_code(m->kind));
	kv_set(a, l, "title", m->title);
	if (m->date)
		kv_set_date(a, l, "date", m->date);
	kv_set(a, l, "start", time_text(a, m->start_min));
	kv_set(a, l, "end", time_text(a, m->end_min));
	kv_set(a, l, "place", m->place);
	kv_set(a, l, "online_url", m->online_url);
	if (m->id)
		kv_set_int(a, l, "revision", m->revision);
}

static void meeting_render(struct form *f, struct response *res, int status,
			   const struct body *b, const struct meeting *orig)
{
	struct request *req = f->req;
	struct arena *a = req->arena;
	form_revision_field(f);
	form_select_enum(f, "kind", "Mødetype", NULL, FF_REQUIRED,
			 &enum_meeting_kind, "Vælg mødetype");
	form_text(f, "title", "Titel",
		  "Kan udelades: så hedder mødet forummets navn og datoen.", 0);
	form_datefield(f, "date", "Dato", "Skriv ÅÅÅÅ-MM-DD, fx 2026-03-12",
		       FF_REQUIRED);
	form_text(f, "start", "Starttidspunkt", "Skriv TT:MM, fx 14:30",
		  FF_REQUIRED | FF_NUMBER);
	form_text(f, "end", "Sluttidspunkt", "Skriv TT:MM, fx 16:00",
		  FF_REQUIRED | FF_NUMBER);
	form_text(f, "place", "Sted",
		  "Fx Regionshuset, Damhaven 12, 7100 Vejle", 0);
	form_text(f, "online_url", "Link til onlinemøde",
		  "Fuld adresse, der begynder med https://", 0);
	form_crumb(f, "/bodies", "Fora");
	form_crumb(f, arena_printf(a, "/bodies/%lld", (long long)b->id), b->name);
	form_crumb(f, arena_printf(a, "/bodies/%lld/meetings", (long long)b->id),
		   "Møder");
	const char *title, *action, *cancel;
	if (orig) {
		title = arena_printf(a, "Rediger møde: %s",
				     meeting_display_title(a, web_structure(req), orig));
		action = mtg_url(req, orig->id);
		cancel = action;
	} else {
		title = arena_printf(a, "Planlæg møde i %s", b->name);
		action = arena_printf(a, "/bodies/%lld/meetings", (long long)b->id);
		cancel = arena_printf(a, "/bodies/%lld/meetings", (long long)b->id);
	}
	form_page(f, res, status, title,
		  orig ? NULL
		       : "Tjeklisten for sekretariatet dannes ud fra forummets "
			 "type og mødets dato.",
		  action, "Gem møde", cancel, NULL);
}

static void meeting_form_show(struct request *req, struct response *res,
			      const struct body *b, const struct meeting *orig)
{
	struct kvlist l = { 0 };
	if (orig) {
		meeting_values(req, orig, &l);
	} else {
		struct meeting blank = { .kind = MEETING_ORDINARY, .start_min = 14 * 60,
					 .end_min = 16 * 60, .title = "", .place = "",
					 .online_url = "" };
		meeting_values(req, &blank, &l);
	}
	struct form f;
	form_init_values(&f, req, &l);
	meeting_render(&f, res, 200, b, orig);
	form_free(&f);
}

/* Parses the meeting form into m (its own fields). */
static void meeting_parse(struct form *f, struct meeting *m)
{
	m->kind = (enum meeting_kind)form_enum(f, "kind", &enum_meeting_kind);
	if (!m->kind)
		ferr(f, "kind", "Vælg mødetype");
	m->title = text_field(f, "title", 200);
	m->date = form_date(f, "date");
	if (!m->date)
		ferr(f, "date", "Skriv mødets dato");
	const char *names[2] = { "start", "end" };
	int *mins[2] = { &m->start_min, &m->end_min };
	bool ok[2] = { false, false };
	for (int i = 0; i < 2; i++) {
		const char *v = form_str(f, names[i]);
		if (!*v)
			ferr(f, names[i], i ? "Skriv sluttidspunktet"
					    : "Skriv starttidspunktet");
		else if (meeting_time_parse(v, mins[i]) != 0)
			ferr(f, names[i], "Skriv tiden som TT:MM, fx 14:30");
		else
			ok[i] = true;
	}
	if (ok[0] && ok[1] && m->end_min <= m->start_min)
		ferr(f, "end", "Sluttidspunktet skal ligge efter starttidspunktet");
	m->place = text_field(f, "place", 500);
	const char *url = text_field(f, "online_url", 1000);
	if (*url && ((strncmp(url, "https://", 8) != 0 &&
		      strncmp(url, "http://", 7) != 0) ||
		     strpbrk(url, " \t\"<>")))
		ferr(f, "online_url", "Skriv en fuld adresse, der begynder med https://");
	m->online_url = url;
	form_parsed(f);
}

static void meeting_save(struct request *req, struct response *res,
			 const struct body *b, struct mtg *c)
{
	struct form f;
	form_init_post(&f, req);
	struct meeting m = c ? c->full : (struct meeting){ 0 };
	m.body_id = b->id;
	m.revision = c ? form_revision(&f) : 0;
	meeting_parse(&f, &m);
	if (form_has_errors(&f)) {
		meeting_render(&f, res, 422, b, c ? &c->full : NULL);
		goto out;
	}
	if (!c) {
		m.state = MEETING_PLANNED;
		m.tasks = meeting_tasks_generate(req->arena, b->kind, m.date,
						 &m.n_tasks);
	}
	if (!web_authorize_meeting(req, res, c ? &c->full : &m, NULL,
				   WEB_MEETING_EDIT))
		goto out;
	struct err err = { 0 };
	if (store_meeting_save(req->app->store, &m, &err) != 0) {
		int status = form_store_error(&f, &err);
		if (c && form_is_stale(&err)) {
			struct meeting now;
			struct err e2 = { 0 };
			if (store_meeting_get(req->app->store, req->arena, c->full.id,
					      &now, &e2) == 0) {
				struct kvlist *theirs = arena_alloc(req->arena, sizeof(*theirs));
				memset(theirs, 0, sizeof(*theirs));
				meeting_values(req, &now, theirs);
				form_stale(&f, theirs, now.revision);
			}
		}
		meeting_render(&f, res, status, b, c ? &c->full : NULL);
		goto out;
	}
	res_redirect(res, mtg_url(req, m.id));
out:
	form_free(&f);
}

void meeting_new(struct request *req, struct response *res)
{
	const struct body *b = form_body_param(req, res);
	if (!b)
		return;
	struct meeting blank = { .body_id = b->id, .date = date_today(),
				 .state = MEETING_PLANNED };
	if (web_authorize_meeting(req, res, &blank, NULL, WEB_MEETING_EDIT))
		meeting_form_show(req, res, b, NULL);
}

void meeting_create(struct request *req, struct response *res)
{
	const struct body *b = form_body_param(req, res);
	if (b)
		meeting_save(req, res, b, NULL);
}

void meeting_edit(struct request *req, struct response *res)
{
	struct mtg c;
	if (!mtg_load(req, res, req_param_id(req, 0), &c) ||
	    !web_authorize_meeting(req, res, &c.full, NULL, WEB_MEETING_EDIT))
		return;
	meeting_form_show(req, res, c.body, &c.full);
}

void meeting_update(struct request *req, struct response *res)
{
	struct mtg c;
	if (mtg_load(req, res, req_param_id(req, 0), &c))
		meeting_save(req, res, c.body, &c);
}

/* ---- state changes ------------------------------------------------------ */

void meeting_state_post(struct request *req, struct response *res)
{
	struct mtg c;
	if (!mtg_load(req, res, req_param_id(req, 0), &c))
		return;
	bool ok = false;
	const char *code = req_form(req, "to");
	enum meeting_state to = meeting_state_from_code(code ? code : "", &ok);
	if (!to || !ok) {
		mtg_meeting_page(req, res, &c, 422, "Ukendt status.", NULL);
		return;
	}
	bool approval = to == MEETING_AGENDA_APPROVED || to == MEETING_MINUTES_APPROVED;
	if (!web_authorize_meeting(req, res, &c.full, NULL,
				   approval ? WEB_MEETING_APPROVE : WEB_MEETING_EDIT))
		return;
	if (!meeting_transition_allowed(c.full.state, to)) {
		mtg_meeting_page(req, res, &c, 409,
				 arena_printf(req->arena,
					      "Mødet kan ikke gå fra »%s« til »%s«.",
					      meeting_state_label(c.full.state),
					      meeting_state_label(to)),
				 NULL);
		return;
	}
	const char *problem = meeting_transition_problem_on(&c.full, to, date_today());
	if (problem) {
		mtg_meeting_page(req, res, &c, 422, problem, NULL);
		return;
	}
	struct err err = { 0 };
	int64_t rev = num_positive(req_form(req, "revision") ? req_form(req, "revision") : "");
	if (store_meeting_set_state(req->app->store, c.full.id, to, rev, &err) != 0) {
		int status = form_err_status(&err);
		const char *msg = form_err_msg(req, &err);
		int64_t id = c.full.id;
		if (mtg_load(req, res, id, &c))
			mtg_meeting_page(req, res, &c, status, msg, NULL);
		return;
	}
	enum mail_kind mk = mail_kind_for_state(to);
	if (mk) {
		struct meeting now;
		struct err e2 = { 0 };
		size_t sent = 0;
		if (store_meeting_get(req->app->store, req->arena, c.full.id, &now,
				      &e2) == 0 &&
		    mail_meeting_notify(req->arena, web_structure_full(req), &now,
					mk, &sent, &e2) != 0) {
			const char *warn = arena_printf(
				req->arena,
				"Status er ændret, men e-mailen til medlemmerne kunne ikke sendes: %s",
				*e2.msg ? e2.msg : "ukendt fejl");
			int64_t id = c.full.id;
			if (mtg_load(req, res, id, &c))
				mtg_meeting_page(req, res, &c, 200, NULL, warn);
			return;
		}
	}
	res_redirect(res, mtg_url(req, c.full.id));
}

/* ---- checklist --------------------------------------------------------- */

void meeting_task(struct request *req, struct response *res)
{
	struct mtg c;
	if (!mtg_load(req, res, req_param_id(req, 0), &c) ||
	    !web_authorize_meeting(req, res, &c.full, NULL, WEB_MEETING_EDIT))
		return;
	int64_t tid = req_param_id(req, 1);
	const struct meeting_task *t = NULL;
	for (size_t i = 0; i < c.full.n_tasks; i++)
		if (c.full.tasks[i].id == tid)
			t = &c.full.tasks[i];
	if (!t) {
		page_error(req, res, 404, "Opgaven findes ikke.");
		return;
	}
	const char *d = req_form(req, "done");
	bool done = d && strcmp(d, "1") == 0;
	struct err err = { 0 };
	if (store_task_set_done(req->app->store, t->id, done, &err) != 0) {
		mtg_meeting_page(req, res, &c, form_err_status(&err),
				 form_err_msg(req, &err), NULL);
		return;
	}
	res_redirect(res, arena_printf(req->arena, "/meetings/%lld#tjekliste",
				       (long long)c.full.id));
}

/* ---- attendance -------------------------------------------------------- */

static enum attendance_status attendance_of(const struct meeting *m,
					    int64_t membership_id,
					    const char **note)
{
	*note = "";
	for (size_t i = 0; i < m->n_attendance; i++)
		if (m->attendance[i].membership_id == membership_id) {
			*note = m->attendance[i].note;
			return m->attendance[i].status;
		}
	return ATTEND_NONE;
}

static enum sector member_sector(const struct structure *s,
				 const struct membership *ms)
{
	const struct organisation *o = structure_org(s, ms->represents_id);
	return o ? o->sector : SECTOR_NONE;
}

static void attendance_page(struct request *req, struct response *res,
			    struct mtg *c, int status, const char *error,
			    bool saved)
{
	const struct structure *s = web_structure_full(req);
	const struct structure *vs = web_structure(req);
	const struct membership **ms;
	size_t n = mtg_members(req, &c->full, &ms);
	const char *title = arena_printf(req->arena, "Fremmøde: %s",
					 meeting_display_title(req->arena, vs, &c->full));
	res->status = status;
	page_begin(req, res, title);
	html(res, "<nav class=\"crumbs\" aria-label=\"Brødkrummer\"><a href=\"");
	html_attr(res, mtg_url(req, c->full.id));
	html(res, "\">Tilbage til mødet</a></nav>\n<h1>");
	html_txt(res, title);
	html(res, "</h1>\n");
	if (error) {
		html(res, "<div class=\"error-summary\" role=\"alert\"><h2>Formularen indeholder fejl</h2><p>");
		html_txt(res, error);
		html(res, "</p></div>\n");
	}
	if (saved)
		html(res, "<div class=\"notice ok\" role=\"status\"><p>Fremmødet er gemt.</p></div>\n");
	html(res, "<section id=\"beslutningsdygtighed\"><h2>Beslutningsdygtighed</h2>");
	mtg_quorum_html(req, res, &c->full);
	html(res, "</section>\n");
	if (!n) {
		html(res, "<p class=\"empty\">Forummet har ingen medlemmer på mødets dato.</p>\n");
		page_end(req, res);
		return;
	}
	html(res, "<form class=\"edit-form attendance\" method=\"post\" action=\"");
	html_printf(res, "/meetings/%lld/attendance\">", (long long)c->full.id);
	html_csrf(req, res);
	for (int sct = 0; sct < SECTOR__COUNT; sct++) {
		bool any = false;
		for (size_t i = 0; i < n; i++) {
			const struct membership *m = ms[i];
			if ((int)member_sector(s, m) != sct)
				continue;
			if (!any) {
				html(res, "<fieldset><legend>");
				html_txt(res, sct ? sector_label((enum sector)sct) : "Uden sektor");
				html(res, "</legend><div class=\"table-wrap\"><table class=\"list\"><thead><tr>"
					  "<th scope=\"col\">Medlem</th><th scope=\"col\">Rolle</th>"
					  "<th scope=\"col\">Fremmøde</th><th scope=\"col\">Note</th>"
					  "</tr></thead><tbody>");
			}
			any = true;
			const struct person *p = structure_person(vs, m->person_id);
			const char *note = "";
			enum attendance_status st = attendance_of(&c->full, m->id, &note);
			html(res, "<tr><th scope=\"row\">");
			html_txt(res, p ? p->name : "Ukendt person");
			html(res, "<br><span class=\"muted\">");
			html_org_name(res, structure_org(vs, m->represents_id));
			html(res, "</span></th><td>");
			html_txt(res, role_label(m->role));
			if (m->substitute_for_id) {
				const struct membership *o = structure_membership(s, m->substitute_for_id);
				const struct person *op = o ? structure_person(vs, o->person_id) : NULL;
				if (op) {
					html(res, " for ");
					html_txt(res, op->name);
				}
			}
			html(res, "</td><td class=\"radios\">");
			for (int k = ATTEND_PRESENT; k <= ATTEND_ABSENT; k++) {
				const char *id = arena_printf(req->arena, "a-%lld-%d",
							      (long long)m->id, k);
				html(res, "<span class=\"radio\"><input type=\"radio\" id=\"");
				html_attr(res, id);
				html_printf(res, "\" name=\"status-%lld\" value=\"", (long long)m->id);
				html_attr(res, attendance_status_code((enum attendance_status)k));
				html(res, (int)st == k ? "\" checked> " : "\"> ");
				html(res, "<label for=\"");
				html_attr(res, id);
				html(res, "\">");
				html_txt(res, attendance_status_label((enum attendance_status)k));
				html(res, "</label></span> ");
			}
			html_printf(res, "</td><td><input type=\"text\" name=\"note-%lld\" aria-label=\"Note\" value=\"",
				    (long long)m->id);
			html_attr(res, note);
			html(res, "\"></td></tr>");
		}
		if (any)
			html(res, "</tbody></table></div></fieldset>\n");
	}
	html(res, "<div class=\"form-actions actions\"><button type=\"submit\">Gem fremmøde</button> <a href=\"");
	html_attr(res, mtg_url(req, c->full.id));
	html(res, "\">Annuller</a></div></form>\n");
	page_end(req, res);
}

static bool attendance_allowed(struct request *req, struct response *res,
			       struct mtg *c)
{
	if (!web_authorize_meeting(req, res, &c->full, NULL, WEB_MEETING_EDIT))
		return false;
	if (!meeting_minutes_editable(c->full.state)) {
		mtg_meeting_page(req, res, c, 409,
				 "Fremmøde kan kun registreres, når dagsordenen er "
				 "udsendt, eller mødet er afholdt.",
				 NULL);
		return false;
	}
	return true;
}

void meeting_attendance(struct request *req, struct response *res)
{
	struct mtg c;
	if (!mtg_load(req, res, req_param_id(req, 0), &c) ||
	    !attendance_allowed(req, res, &c))
		return;
	const char *g = req_query(req, "gemt");
	attendance_page(req, res, &c, 200, NULL, g && *g);
}

void meeting_attendance_save(struct request *req, struct response *res)
{
	struct mtg c;
	if (!mtg_load(req, res, req_param_id(req, 0), &c) ||
	    !attendance_allowed(req, res, &c))
		return;
	const struct membership **ms;
	size_t n = mtg_members(req, &c.full, &ms);
	/* Check everything before writing anything. */
	enum attendance_status *st = arena_array(req->arena, n + 1, sizeof(*st));
	const char **notes = arena_array(req->arena, n + 1, sizeof(*notes));
	for (size_t i = 0; i < n; i++) {
		const char *v = req_form(req, arena_printf(req->arena, "status-%lld",
							   (long long)ms[i]->id));
		const char *note = req_form(req, arena_printf(req->arena, "note-%lld",
							      (long long)ms[i]->id));
		bool ok = true;
		st[i] = v && *v ? attendance_status_from_code(v, &ok) : ATTEND_NONE;
		notes[i] = note ? note : "";
		if (!ok || strlen(notes[i]) > 500) {
			attendance_page(req, res, &c, 422,
					!ok ? "Ugyldigt valg af fremmøde."
					    : "En note må højst være 500 tegn.",
					false);
			return;
		}
	}
	for (size_t i = 0; i < n; i++) {
		const char *old_note = "";
		enum attendance_status old = attendance_of(&c.full, ms[i]->id, &old_note);
		if (!st[i] || (st[i] == old && strcmp(notes[i], old_note) == 0))
			continue;
		struct err err = { 0 };
		if (store_attendance_set(req->app->store, c.full.id, ms[i]->id, st[i],
					 notes[i], &err) != 0) {
			attendance_page(req, res, &c, form_err_status(&err),
					form_err_msg(req, &err), false);
			return;
		}
	}
	res_redirect(res, arena_printf(req->arena, "/meetings/%lld/attendance?gemt=1",
				       (long long)c.full.id));
}

/* ---- items ---------------------------------------------------------- */

/* Renumbers the meeting's items into the charter's order (psychiatry
 * first, aob last) when they are not in it. items: the meeting's items
 * as they are now (any order of the array; numbers count). */
static void items_fix_order(struct request *req, int64_t meeting_id,
			    struct agenda_item *items, size_t n, bool pf)
{
	if (n < 2)
		return;
	/* The order before: ids by number. */
	int64_t *before = arena_array(req->arena, n, sizeof(*before));
	struct agenda_item *copy = arena_array(req->arena, n, sizeof(*copy));
	memcpy(copy, items, n * sizeof(*copy));
	for (size_t i = 1; i < n; i++)	/* insertion sort by number */
		for (size_t j = i; j > 0 && copy[j - 1].number > copy[j].number; j--) {
			struct agenda_item t = copy[j];
			copy[j] = copy[j - 1];
			copy[j - 1] = t;
		}
	for (size_t i = 0; i < n; i++)
		before[i] = copy[i].id;
	meeting_order_fix(copy, n, pf);
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && copy[j - 1].number > copy[j].number; j--) {
			struct agenda_item t = copy[j];
			copy[j] = copy[j - 1];
			copy[j - 1] = t;
		}
	int64_t *after = arena_array(req->arena, n, sizeof(*after));
	bool same = true;
	for (size_t i = 0; i < n; i++) {
		after[i] = copy[i].id;
		same = same && after[i] == before[i];
	}
	if (same)
		return;
	struct err err = { 0 };
	(void)store_items_reorder(req->app->store, meeting_id, after, n, &err);
}

static void item_values(struct request *req, const struct agenda_item *it,
			struct kvlist *l)
{
	struct arena *a = req->arena;
	kv_set(a, l, "title", it->title);
	kv_set(a, l, "case_number", it->case_number);
	kv_set(a, l, "kind", item_kind_code(it->kind));
	kv_set_bool(a, l, "closed", it->closed);
	kv_set_bool(a, l, "psychiatry", it->psychiatry);
	kv_set_id(a, l, "handler", it->handler_person_id);
	kv_set(a, l, "summary", it->summary);
	kv_set(a, l, "presentation", it->presentation);
	kv_set(a, l, "recommended_by", it->recommended_by);
	kv_set(a, l, "resolutions", it->resolutions);
	kv_set(a, l, "dissent", it->dissent);
	kv_set(a, l, "guests", it->guests);
	if (it->id)
		kv_set_int(a, l, "revision", it->revision);
}

/* full_form: the meeting's editor (every field); otherwise the case
 * handler, who edits only the texts. */
static void item_render(struct form *f, struct response *res, int status,
			struct mtg *c, const struct agenda_item *orig,
			bool full_form)
{
	struct request *req = f->req;
	struct arena *a = req->arena;
	form_revision_field(f);
	if (full_form) {
		struct opts people = opts_people(a, web_structure(req));
		form_text(f, "title", "Titel", NULL, FF_REQUIRED);
		form_text(f, "case_number", "Sagsnummer",
			  "Journalnummer, fx 22/17744 eller 27.00.00-A00-1-22", 0);
		form_select_enum(f, "kind", "Type", NULL, FF_REQUIRED,
				 &enum_item_kind, "Vælg type");
		form_checkbox(f, "closed", "Lukket punkt",
			      "Kun forummets medlemmer ser indholdet; offentligheden ser titlen.");
		form_checkbox(f, "psychiatry", "Psykiatripunkt",
			      "Sættes først på dagsordenen, når kommissoriet kræver det.");
		form_select(f, "handler", "Sagsbehandler",
			    "Sagsbehandleren kan selv skrive punktets tekster og bilag.",
			    0, &people, "Ingen");
	} else {
		form_text(f, "title", "Titel", NULL, FF_REQUIRED);
	}
	form_textarea(f, "summary", "Resumé", NULL, 4);
	form_textarea(f, "presentation", "Sagsfremstilling",
		      "Markdown: tomme linjer mellem afsnit, *kursiv*, **fed**, "
		      "lister med - foran.", 12);
	form_text(f, "recommended_by", "Indstilling fra",
		  "Fx »Administrationen indstiller, at«", 0);
	form_textarea(f, "resolutions", "Indstillinger",
		      "Én indstilling pr. linje", 4);
	form_textarea(f, "dissent", "Uenighed",
		      "Eventuel uenighed, som skal fremgå af sagen", 3);
	form_textarea(f, "guests", "Gæster", "Én gæst pr. linje", 3);
	const char *mt = meeting_display_title(a, web_structure(req), &c->full);
	form_crumb(f, arena_printf(a, "/bodies/%lld/meetings", (long long)c->body->id),
		   "Møder");
	form_crumb(f, mtg_url(req, c->full.id), mt);
	const char *title, *action, *cancel;
	if (orig) {
		title = arena_printf(a, "Rediger punkt %d: %s", orig->number, orig->title);
		action = mtg_item_url(req, orig->id);
		cancel = action;
	} else {
		title = arena_printf(a, "Nyt dagsordenspunkt: %s", mt);
		action = arena_printf(a, "/meetings/%lld/items", (long long)c->full.id);
		cancel = arena_printf(a, "/meetings/%lld#dagsorden", (long long)c->full.id);
	}
	form_page(f, res, status, title, NULL, action, "Gem punkt", cancel, NULL);
}

static void item_parse(struct form *f, struct agenda_item *it, bool full_form)
{
	it->title = text_field(f, "title", 300);
	if (!*it->title)
		ferr(f, "title", "Skriv punktets titel");
	if (full_form) {
		char cn[72];
		const char *why = NULL;
		const char *in = form_str(f, "case_number");
		if (meeting_case_number_parse(in, cn, sizeof(cn), &why) != 0) {
			ferr(f, "case_number", why ? why : "Ugyldigt sagsnummer");
			it->case_number = in;
		} else {
			it->case_number = arena_strdup(f->req->arena, cn);
		}
		it->kind = (enum item_kind)form_enum(f, "kind", &enum_item_kind);
		if (!it->kind)
			ferr(f, "kind", "Vælg punktets type");
		it->closed = form_bool(f, "closed");
		it->psychiatry = form_bool(f, "psychiatry");
		it->handler_person_id = form_ref(f, "handler");
		if (it->handler_person_id &&
		    !structure_person(web_structure_full(f->req), it->handler_person_id))
			ferr(f, "handler", "Ugyldigt valg");
	}
	it->summary = area_field(f, "summary");
	it->presentation = area_field(f, "presentation");
	it->recommended_by = text_field(f, "recommended_by", 500);
	it->resolutions = area_field(f, "resolutions");
	it->dissent = area_field(f, "dissent");
	it->guests = area_field(f, "guests");
	form_parsed(f);
}

/* May the agenda still change? A 409 meeting page when not. */
static bool agenda_open(struct request *req, struct response *res,
			struct mtg *c)
{
	if (meeting_agenda_editable(c->full.state))
		return true;
	mtg_meeting_page(req, res, c, 409,
			 "Dagsordenen kan ikke længere ændres (mødet er afholdt eller aflyst).",
			 NULL);
	return false;
}

static void item_save(struct request *req, struct response *res,
		      struct mtg *c, struct agenda_item *orig)
{
	bool full_form = web_may_meeting(req, &c->full, NULL, WEB_MEETING_EDIT);
	struct form f;
	form_init_post(&f, req);
	struct agenda_item it = orig ? *orig : (struct agenda_item){ 0 };
	it.meeting_id = c->full.id;
	it.revision = orig ? form_revision(&f) : 0;
	item_parse(&f, &it, full_form);
	if (form_has_errors(&f)) {
		item_render(&f, res, 422, c, orig, full_form);
		goto out;
	}
	struct err err = { 0 };
	if (store_item_save(req->app->store, &it, &err) != 0) {
		int status = form_store_error(&f, &err);
		if (orig && form_is_stale(&err)) {
			struct mtg now;
			struct response scratch = { .status = 200, .body = BUF_INIT,
						    .arena = req->arena };
			if (mtg_load(req, &scratch, c->full.id, &now)) {
				for (size_t i = 0; i < now.full.n_items; i++)
					if (now.full.items[i].id == orig->id) {
						struct kvlist *theirs = arena_alloc(req->arena, sizeof(*theirs));
						memset(theirs, 0, sizeof(*theirs));
						item_values(req, &now.full.items[i], theirs);
						form_stale(&f, theirs, now.full.items[i].revision);
					}
			}
			buf_free(&scratch.body);
		}
		item_render(&f, res, status, c, orig, full_form);
		goto out;
	}
	if (full_form) {
		/* The charter's order: psychiatry first, aob last. */
		size_t n = c->full.n_items + (orig ? 0 : 1);
		struct agenda_item *items = arena_array(req->arena, n + 1, sizeof(*items));
		if (c->full.n_items)
			memcpy(items, c->full.items, c->full.n_items * sizeof(*items));
		if (orig) {
			for (size_t i = 0; i < n; i++)
				if (items[i].id == it.id)
					items[i] = it;
		} else {
			items[n - 1] = it;
		}
		items_fix_order(req, c->full.id, items, n,
				mtg_psychiatry_first(req, &c->full));
	}
	res_redirect(res, mtg_item_url(req, it.id));
out:
	form_free(&f);
}

void meeting_item_new(struct request *req, struct response *res)
{
	struct mtg c;
	if (!mtg_load(req, res, req_param_id(req, 0), &c) ||
	    !web_authorize_meeting(req, res, &c.full, NULL, WEB_MEETING_EDIT) ||
	    !agenda_open(req, res, &c))
		return;
	struct kvlist l = { 0 };
	struct agenda_item blank = {
		.title = "", .case_number = "", .kind = ITEM_APPROVAL, .summary = "",
		.presentation = "", .recommended_by = "Administrationen indstiller, at",
		.resolutions = "", .dissent = "", .guests = "",
	};
	item_values(req, &blank, &l);
	struct form f;
	form_init_values(&f, req, &l);
	item_render(&f, res, 200, &c, NULL, true);
	form_free(&f);
}

void meeting_item_create(struct request *req, struct response *res)
{
	struct mtg c;
	if (!mtg_load(req, res, req_param_id(req, 0), &c) ||
	    !web_authorize_meeting(req, res, &c.full, NULL, WEB_MEETING_EDIT) ||
	    !agenda_open(req, res, &c))
		return;
	item_save(req, res, &c, NULL);
}

void meeting_item_edit(struct request *req, struct response *res)
{
	struct mtg c;
	struct agenda_item *it;
	const struct agenda_item *vit;
	if (!mtg_load_item(req, res, req_param_id(req, 0), &c, &it, &vit) ||
	    !web_authorize_meeting(req, res, &c.full, it, WEB_MEETING_ITEM_EDIT) ||
	    !agenda_open(req, res, &c))
		return;
	bool full_form = web_may_meeting(req, &c.full, NULL, WEB_MEETING_EDIT);
	struct kvlist l = { 0 };
	item_values(req, it, &l);
	struct form f;
	form_init_values(&f, req, &l);
	item_render(&f, res, 200, &c, it, full_form);
	form_free(&f);
}

void meeting_item_update(struct request *req, struct response *res)
{
	struct mtg c;
	struct agenda_item *it;
	const struct agenda_item *vit;
	if (!mtg_load_item(req, res, req_param_id(req, 0), &c, &it, &vit) ||
	    !web_authorize_meeting(req, res, &c.full, it, WEB_MEETING_ITEM_EDIT) ||
	    !agenda_open(req, res, &c))
		return;
	item_save(req, res, &c, it);
}

void meeting_item_delete_page(struct request *req, struct response *res)
{
	struct mtg c;
	struct agenda_item *it;
	const struct agenda_item *vit;
	if (!mtg_load_item(req, res, req_param_id(req, 0), &c, &it, &vit) ||
	    !web_authorize_meeting(req, res, &c.full, NULL, WEB_MEETING_EDIT) ||
	    !agenda_open(req, res, &c))
		return;
	const char *title = arena_printf(req->arena, "Slet punkt %d: %s",
					 it->number, it->title);
	page_begin(req, res, title);
	html(res, "<nav class=\"crumbs\" aria-label=\"Brødkrummer\"><a href=\"");
	html_attr(res, mtg_item_url(req, it->id));
	html(res, "\">Tilbage til punktet</a></nav>\n<h1>");
	html_txt(res, title);
	html(res, "</h1>\n");
	struct response out = { .status = 200, .body = BUF_INIT };
	form_button_post(req, &out,
			 arena_printf(req->arena, "/items/%lld/delete", (long long)it->id),
			 "Vil du slette punktet?",
			 "Punktet og dets bilag slettes, og de øvrige punkter "
			 "nummereres forfra. Det kan ikke fortrydes.",
			 "Slet punkt");
	buf_put(&res->body, out.body.data, out.body.len);
	buf_free(&out.body);
	page_end(req, res);
}

void meeting_item_delete(struct request *req, struct response *res)
{
	struct mtg c;
	struct agenda_item *it;
	const struct agenda_item *vit;
	if (!mtg_load_item(req, res, req_param_id(req, 0), &c, &it, &vit) ||
	    !web_authorize_meeting(req, res, &c.full, NULL, WEB_MEETING_EDIT) ||
	    !agenda_open(req, res, &c))
		return;
	struct err err = { 0 };
	if (store_item_delete(req->app->store, it->id, 0, &err) != 0) {
		mtg_item_page(req, res, &c, vit, form_err_status(&err),
			      form_err_msg(req, &err));
		return;
	}
	res_redirect(res, arena_printf(req->arena, "/meetings/%lld#dagsorden",
				       (long long)c.full.id));
}

void meeting_item_move_post(struct request *req, struct response *res)
{
	struct mtg c;
	struct agenda_item *it;
	const struct agenda_item *vit;
	if (!mtg_load_item(req, res, req_param_id(req, 0), &c, &it, &vit) ||
	    !web_authorize_meeting(req, res, &c.full, NULL, WEB_MEETING_EDIT) ||
	    !agenda_open(req, res, &c))
		return;
	const char *d = req_form(req, "dir");
	int dir = d && strcmp(d, "up") == 0 ? -1 : d && strcmp(d, "down") == 0 ? 1 : 0;
	if (!dir) {
		mtg_meeting_page(req, res, &c, 422, "Ugyldig retning.", NULL);
		return;
	}
	size_t n = c.full.n_items, idx = (size_t)(it - c.full.items);
	struct agenda_item *items = arena_array(req->arena, n + 1, sizeof(*items));
	memcpy(items, c.full.items, n * sizeof(*items));	/* n >= 1: it is one */
	if (meeting_item_move(items, n, idx, dir, mtg_psychiatry_first(req, &c.full))) {
		for (size_t i = 1; i < n; i++)
			for (size_t j = i; j > 0 && items[j - 1].number > items[j].number; j--) {
				struct agenda_item t = items[j];
				items[j] = items[j - 1];
				items[j - 1] = t;
			}
		int64_t *ids = arena_array(req->arena, n + 1, sizeof(*ids));
		for (size_t i = 0; i < n; i++)
			ids[i] = items[i].id;
		struct err err = { 0 };
		if (store_items_reorder(req->app->store, c.full.id, ids, n, &err) != 0) {
			mtg_meeting_page(req, res, &c, form_err_status(&err),
					 form_err_msg(req, &err), NULL);
			return;
		}
	}
	res_redirect(res, arena_printf(req->arena, "/meetings/%lld#dagsorden",
				       (long long)c.full.id));
}

/* ---- decisions ---------------------------------------------------------- */

static void decision_render(struct form *f, struct response *res, int status,
			    struct mtg *c, const struct agenda_item *it)
{
	struct request *req = f->req;
	struct arena *a = req->arena;
	form_revision_field(f);
	form_select_enum(f, "outcome", "Udfald", NULL, FF_REQUIRED,
			 &enum_item_outcome, "Vælg udfald");
	form_textarea(f, "decision", "Beslutning",
		      "Beslutningen som den skal stå i referatet (markdown).", 6);
	form_textarea(f, "dissent", "Uenighed",
		      "Eventuel uenighed, som skal fremgå af referatet", 3);
	const char *mt = meeting_display_title(a, web_structure(req), &c->full);
	form_crumb(f, mtg_url(req, c->full.id), mt);
	form_crumb(f, mtg_item_url(req, it->id), it->title);
	struct response after = { .status = 200, .body = BUF_INIT };
	html(&after, "<section class=\"quorum-box\"><h2>Beslutningsdygtighed</h2>");
	mtg_quorum_html(req, &after, &c->full);
	html_printf(&after, "<p><a href=\"/meetings/%lld/attendance\">Registrér fremmøde</a></p></section>\n",
		    (long long)c->full.id);
	form_page(f, res, status,
		  arena_printf(a, "Beslutning: %d. %s", it->number, it->title),
		  NULL, arena_printf(a, "/items/%lld/decision", (long long)it->id),
		  "Gem beslutning", mtg_item_url(req, it->id), &after);
	buf_free(&after.body);
}

static bool decision_allowed(struct request *req, struct response *res,
			     struct mtg *c)
{
	if (!web_authorize_meeting(req, res, &c->full, NULL, WEB_MEETING_EDIT))
		return false;
	if (!meeting_minutes_editable(c->full.state)) {
		mtg_meeting_page(req, res, c, 409,
				 "Beslutninger kan kun registreres, når dagsordenen er "
				 "udsendt, eller mødet er afholdt.",
				 NULL);
		return false;
	}
	return true;
}

void meeting_decision(struct request *req, struct response *res)
{
	struct mtg c;
	struct agenda_item *it;
	const struct agenda_item *vit;
	if (!mtg_load_item(req, res, req_param_id(req, 0), &c, &it, &vit) ||
	    !decision_allowed(req, res, &c))
		return;
	struct kvlist l = { 0 };
	kv_set(req->arena, &l, "outcome", item_outcome_code(it->outcome));
	kv_set(req->arena, &l, "decision", it->decision);
	kv_set(req->arena, &l, "dissent", it->dissent);
	kv_set_int(req->arena, &l, "revision", it->revision);
	struct form f;
	form_init_values(&f, req, &l);
	f.general = meeting_decision_problem(req->arena, web_structure_full(req),
					     &c.full, it);
	decision_render(&f, res, 200, &c, it);
	form_free(&f);
}

void meeting_decision_save(struct request *req, struct response *res)
{
	struct mtg c;
	struct agenda_item *orig;
	const struct agenda_item *vit;
	if (!mtg_load_item(req, res, req_param_id(req, 0), &c, &orig, &vit) ||
	    !decision_allowed(req, res, &c))
		return;
	struct form f;
	form_init_post(&f, req);
	struct agenda_item it = *orig;
	it.revision = form_revision(&f);
	it.outcome = (enum item_outcome)form_enum(&f, "outcome", &enum_item_outcome);
	if (!it.outcome)
		ferr(&f, "outcome", "Vælg udfald");
	it.decision = area_field(&f, "decision");
	it.dissent = area_field(&f, "dissent");
	form_parsed(&f);
	/* The rule (quorum) is core's; the message names each sector short
	 * of its half. */
	const char *problem = meeting_decision_problem(req->arena,
						       web_structure_full(req),
						       &c.full, orig);
	if (problem)
		f.general = problem;
	if (form_has_errors(&f)) {
		decision_render(&f, res, 422, &c, orig);
		goto out;
	}
	struct err err = { 0 };
	if (store_item_save(req->app->store, &it, &err) != 0) {
		int status = form_store_error(&f, &err);
		decision_render(&f, res, status, &c, orig);
		goto out;
	}
	res_redirect(res, mtg_item_url(req, it.id));
out:
	form_free(&f);
}
