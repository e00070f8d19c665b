/*
 * cases_forms.c - the casework forms (issue 5): a new case with a
 * preview of its flow (core case_flow_generate), the step buttons
 * (put on an agenda, started, done - a decision through
 * case_decision_steps -, skipped), follow-up actions with their status
 * and progress notes, and the flow templates' edit form. See cases.h.
 *
 * Rules are core's (core/casework.h: case_step_change_problem,
 * case_decision_steps, ...), permissions its access_* functions through
 * web_authorize_case. Every write is a CSRF POST (server.c checks it).
 */
#include "cases.h"

#include <stdlib.h>
#include <string.h>

#include "../../util/date.h"
#include "../../util/num.h"
#include "forms.h"
#include "meeting.h"
#include "pages.h"

#define MAX_ROWS 60
#define EMPTY_ROWS 3

static void ferr(struct form *f, const char *name, const char *msg)
{
	if (!field_errors_get(&f->errs, name))
		field_errors_add(f->req->arena, &f->errs, name, "%s", msg);
}

/* An id from a form field ("" = 0); -1 when not an id. */
static int64_t field_id(struct request *req, const char *name)
{
	const char *v = req_form(req, name);
	if (!v || !*v)
		return 0;
	int64_t id = num_positive(v);
	return id ? id : -1;
}

/* Text with CRLF made LF, trimmed; NULL when over max bytes. */
static const char *text_value(struct request *req, const char *name,
			      size_t max)
{
	const char *v = req_form(req, name);
	if (!v)
		return "";
	while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
		v++;
	size_t n = strlen(v);
	while (n && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\r' ||
		     v[n - 1] == '\n'))
		n--;
	if (n > max)
		return NULL;
	char *out = arena_strndup(req->arena, v, n);
	char *w = out;
	for (const char *r = out; *r; r++)
		if (!(r[0] == '\r' && r[1] == '\n'))
			*w++ = *r;
	*w = '\0';
	return out;
}

/* ---- a new case ---------------------------------------------------------- */

static const char *CASE_FIELDS[] = {
	"case_number", "title", "description", "origin", "template",
	"focus_area", "started",
};

/* Templates grouped by region, focus areas by agreement. */
static struct opts template_opts(struct request *req, const struct cw *cw)
{
	struct opts o = { 0 };
	for (size_t i = 0; i < cw->all.n_templates; i++) {
		const struct flow_template *t = &cw->all.templates[i];
		const struct organisation *r = structure_org(cw->s, t->region_id);
		opts_add(req->arena, &o, arena_printf(req->arena, "%lld", (long long)t->id),
			 t->name, r ? r->name : NULL);
	}
	return o;
}

/* The preview of a generated flow (steps with their due dates). */
static void flow_preview(struct request *req, struct response *out,
			 const struct cw *cw, const struct case_step *steps,
			 size_t n)
{
	html(out, "<section class=\"preview\" id=\"forhaandsvisning\"><h2>Sagsflowet</h2>"
		  "<p class=\"hint\">Sådan kommer sagen til at gå mellem fora. "
		  "Tryk »Opret sag« for at oprette den.</p>"
		  "<div class=\"table-wrap\"><table class=\"list flow\"><thead><tr>"
		  "<th scope=\"col\">Trin</th><th scope=\"col\">Forum</th>"
		  "<th scope=\"col\">Handling</th><th scope=\"col\">Frist</th>"
		  "</tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		html_printf(out, "<tr><td class=\"num\">%d</td><td>", steps[i].stage);
		html_txt(out, cw_step_who_text(req, cw, &steps[i]));
		html(out, "</td><td>");
		html_txt(out, step_action_label(steps[i].action));
		html(out, "</td><td>");
		cw_date_short(out, steps[i].due);
		html(out, "</td></tr>");
	}
	html(out, "</tbody></table></div></section>\n");
}

static void case_render(struct form *f, struct response *res, int status,
			const struct cw *cw, const struct case_step *preview,
			size_t n_preview)
{
	struct request *req = f->req;
	struct arena *a = req->arena;
	struct opts bodies = opts_bodies(a, cw->s, 0);
	struct opts templates = template_opts(req, cw);
	struct opts focus = cw_focus_opts(req, cw);
	form_text(f, "case_number", "Sagsnummer",
		  "Journalnummer, fx 22/17744 eller 27.00.00-A00-1-22", 0);
	form_text(f, "title", "Titel", NULL, FF_REQUIRED);
	form_textarea(f, "description", "Beskrivelse",
		      "Markdown: tomme linjer mellem afsnit, *kursiv*, **fed**.", 6);
	form_select(f, "origin", "Startes i forum",
		    "Det forum, hvor sagen begynder.", FF_REQUIRED, &bodies,
		    "Vælg forum");
	form_select(f, "template", "Sagsflow (skabelon)",
		    "Regionens skabeloner for, hvordan en sag går mellem fora.",
		    FF_REQUIRED, &templates, "Vælg sagsflow");
	form_checkbox(f, "economic", "Økonomiske konsekvenser",
		      "Sagen har økonomiske konsekvenser for regionen eller "
		      "kommunerne: beslutningen skal godkendes i regionsråd og byråd.");
	form_select(f, "focus_area", "Indsatsområde",
		    "Sundhedsaftalens indsatsområde, sagen hører under.", 0,
		    &focus, "Intet");
	form_datefield(f, "started", "Startdato",
		       "Skriv ÅÅÅÅ-MM-DD. Fristerne regnes herfra.", FF_REQUIRED);
	struct response pv = { .status = 200, .body = BUF_INIT, .arena = a };
	if (preview && n_preview) {
		form_hidden(f, "confirm", "1");
		flow_preview(req, &pv, cw, preview, n_preview);
		form_html(f, buf_str(&pv.body));
	}
	buf_free(&pv.body);
	form_crumb(f, "/cases", "Sager");
	form_page(f, res, status, "Ny sag",
		  "Vælg sagsflow og startdato; sagens trin og frister dannes ud "
		  "fra skabelonen og vises, før sagen oprettes.",
		  "/cases", preview ? "Opret sag" : "Vis sagsflow", "/cases", NULL);
}

/* May the principal create a case in any body (the form's GET)? */
static bool may_create_any(struct request *req, const struct cw *cw)
{
	for (size_t i = 0; i < cw->full->n_bodies; i++)
		if (access_case_create(cw->full, &req->principal,
				       cw->full->bodies[i].id, cw->today))
			return true;
	return false;
}

void cases_new(struct request *req, struct response *res)
{
	struct cw cw;
	if (!cw_load(req, res, &cw))
		return;
	int64_t origin = 0;
	const char *bq = req_query(req, "body");
	if (bq && *bq)
		origin = num_positive(bq);
	bool allowed = origin ? access_case_create(cw.full, &req->principal, origin, cw.today)
			      : may_create_any(req, &cw);
	if (!web_authorize_case(req, res, allowed, NULL))
		return;
	/* One value per field: form_raw reads the first one set. */
	struct kvlist l = { 0 };
	kv_set_id(req->arena, &l, "origin", origin);
	kv_set_date(req->arena, &l, "started", cw.today);
	for (size_t i = 0; i < sizeof(CASE_FIELDS) / sizeof(CASE_FIELDS[0]); i++)
		if (strcmp(CASE_FIELDS[i], "origin") != 0 &&
		    strcmp(CASE_FIELDS[i], "started") != 0)
			kv_set(req->arena, &l, CASE_FIELDS[i], "");
	struct form f;
	form_init_values(&f, req, &l);
	case_render(&f, res, 200, &cw, NULL, 0);
	form_free(&f);
}

void cases_create(struct request *req, struct response *res)
{
	struct cw cw;
	if (!cw_load(req, res, &cw))
		return;
	struct arena *a = req->arena;
	struct form f;
	form_init_post(&f, req);
	struct case_file c = { .description = "" };
	char cn[72];
	const char *why = NULL;
	const char *in = form_str(&f, "case_number");
	if (meeting_case_number_parse(in, cn, sizeof(cn), &why) != 0) {
		ferr(&f, "case_number", why ? why : "Ugyldigt sagsnummer");
		c.case_number = in;
	} else {
		c.case_number = arena_strdup(a, cn);
	}
	c.title = form_str(&f, "title");
	if (!*c.title)
		ferr(&f, "title", "Skriv sagens titel");
	else if (strlen(c.title) > 300)
		ferr(&f, "title", "Titlen er for lang (højst 300 tegn)");
	const char *d = text_value(req, "description", 100000);
	if (!d)
		ferr(&f, "description", "Teksten er for lang (højst 100.000 tegn)");
	c.description = d ? d : "";
	c.origin_body_id = form_ref(&f, "origin");
	const struct body *ob = structure_body(cw.full, c.origin_body_id);
	if (!ob)
		ferr(&f, "origin", "Vælg det forum, sagen startes i");
	c.template_id = form_ref(&f, "template");
	const struct flow_template *t = cw_template(&cw, c.template_id);
	if (!t)
		ferr(&f, "template", "Vælg et sagsflow");
	else if (ob && t->region_id != ob->region_id)
		ferr(&f, "template", "Skabelonen hører til en anden region end forummet");
	c.economic = form_bool(&f, "economic");
	c.focus_area_id = form_ref(&f, "focus_area");
	const struct agreement_item *fa = cw_agreement_item(&cw, c.focus_area_id);
	if (c.focus_area_id && (!fa || fa->part != AGREEMENT_FOCUS_AREA))
		ferr(&f, "focus_area", "Ugyldigt valg");
	c.started = form_date(&f, "started");
	if (!c.started && !field_errors_get(&f.errs, "started"))
		ferr(&f, "started", "Skriv startdatoen");
	form_parsed(&f);
	/* Who may: before any answer about the input (the public is sent
	 * to log in, not told what is wrong with the form). */
	if (!web_authorize_case(req, res,
				ob ? access_case_create(cw.full, &req->principal,
							c.origin_body_id, cw.today)
				   : may_create_any(req, &cw),
				"/cases/new"))
		goto out;
	if (form_has_errors(&f)) {
		case_render(&f, res, 422, &cw, NULL, 0);
		goto out;
	}
	size_t n = 0;
	const char *gwhy = NULL;
	struct case_step *steps = case_flow_generate(a, cw.full, t, c.origin_body_id,
						     c.started, &n, &gwhy);
	if (!steps || !n) {
		ferr(&f, "template", gwhy ? gwhy : "Skabelonen kan ikke bruges for dette forum");
		case_render(&f, res, 422, &cw, NULL, 0);
		goto out;
	}
	if (strcmp(form_raw(&f, "confirm"), "1") != 0) {
		case_render(&f, res, 200, &cw, steps, n);
		goto out;
	}
	c.steps = steps;
	c.n_steps = n;
	struct err err = { 0 };
	if (store_case_save(req->app->store, &c, &err) != 0) {
		int status = form_store_error(&f, &err);
		case_render(&f, res, status, &cw, steps, n);
		goto out;
	}
	form_redirect(req, res, "/cases", c.id);
out:
	form_free(&f);
}

/* ---- the step buttons --------------------------------------------------- */

/* Renumbers a meeting's items into the charter's order (psychiatry
 * first, "Eventuelt" last) after an item was added at the end. */
static void items_order(struct request *req, int64_t meeting_id)
{
	struct meeting m;
	struct err err = { 0 };
	if (store_meeting_get(req->app->store, req->arena, meeting_id, &m, &err) != 0 ||
	    m.n_items < 2)
		return;
	size_t n = m.n_items;
	bool pf = mtg_psychiatry_first(req, &m);
	meeting_order_fix(m.items, n, pf);
	int64_t *ids = arena_array(req->arena, n, sizeof(*ids));
	bool same = true;
	for (int no = 1; no <= (int)n; no++)
		for (size_t i = 0; i < n; i++)
			if (m.items[i].number == no) {
				ids[no - 1] = m.items[i].id;
				same = same && m.items[(size_t)no - 1].id == m.items[i].id;
			}
	if (!same)
		(void)store_items_reorder(req->app->store, meeting_id, ids, n, &err);
}

/* The body's next meeting (on or after today) whose agenda may still
 * change; false when there is none. */
static bool next_meeting(struct request *req, const struct cw *cw,
			 int64_t body_id, struct meeting *out)
{
	struct meeting *ms = NULL;
	size_t n = 0;
	struct err err = { 0 };
	if (store_meeting_list(req->app->store, req->arena, body_id, cw->today, 0,
			       &ms, &n, &err) != 0)
		return false;
	for (size_t i = 0; i < n; i++)
		if (ms[i].state != MEETING_CANCELLED &&
		    meeting_agenda_editable(ms[i].state)) {
			*out = ms[i];
			return true;
		}
	return false;
}

static enum item_kind item_kind_for(enum step_action a)
{
	switch (a) {
	case STEP_DECIDE:
	case STEP_APPROVE_COUNCIL:
		return ITEM_APPROVAL;
	case STEP_INFORM:
		return ITEM_INFORMATION;
	default:
		return ITEM_DISCUSSION;
	}
}

/* "Sæt på dagsordenen": a new item on the step body's next meeting. */
static void step_agenda(struct request *req, struct response *res,
			struct cw *cw, const struct case_file *c,
			const struct case_step *st)
{
	if (!st->body_id) {
		cases_case_page(req, res, cw, c, 422,
				"En godkendelse i regionsråd eller byråd sættes ikke på et forums dagsorden her.",
				NULL);
		return;
	}
	if (st->item_id) {
		cases_case_page(req, res, cw, c, 409,
				"Trinnet er allerede sat på en dagsorden.", NULL);
		return;
	}
	struct meeting m;
	if (!next_meeting(req, cw, st->body_id, &m)) {
		cases_case_page(req, res, cw, c, 409,
				"Forummet har ikke et kommende møde – planlæg et møde først",
				NULL);
		return;
	}
	struct agenda_item it = {
		.meeting_id = m.id,
		.title = c->title,
		.case_number = c->case_number ? c->case_number : "",
		.kind = item_kind_for(st->action),
		.summary = arena_printf(req->arena, "Sagsflow, trin %d: %s.", st->stage,
					step_action_label(st->action)),
		.presentation = c->description ? c->description : "",
		.recommended_by = "", .resolutions = "", .dissent = "", .guests = "",
		.decision = "",
	};
	struct err err = { 0 };
	if (store_item_save(req->app->store, &it, &err) != 0) {
		cases_case_page(req, res, cw, c, form_err_status(&err),
				form_err_msg(req, &err), NULL);
		return;
	}
	items_order(req, m.id);
	/* A copy: the loaded casework may be shared between requests. */
	struct case_step upd = *st;
	upd.item_id = it.id;
	if (store_case_step_update(req->app->store, &upd, &err) != 0 ||
	    store_case_link_item(req->app->store, c->id, it.id, &err) != 0) {
		cases_case_page(req, res, cw, c, form_err_status(&err),
				form_err_msg(req, &err), NULL);
		return;
	}
	res_redirect(res, arena_printf(req->arena, "/cases/%lld#sagsflow", (long long)c->id));
}

/* The date a step happened: its item's meeting date when it was
 * treated on an agenda, else today. */
static int step_date(struct request *req, const struct cw *cw,
		     const struct case_step *st)
{
	int64_t mid = 0;
	struct err err = { 0 };
	struct meeting m;
	if (st->item_id &&
	    store_item_meeting(req->app->store, st->item_id, &mid, &err) == 0 &&
	    store_meeting_get(req->app->store, req->arena, mid, &m, &err) == 0)
		return case_step_date(m.date, cw->today);
	return cw->today;
}

void cases_step_post(struct request *req, struct response *res)
{
	struct cw cw;
	if (!cw_load(req, res, &cw))
		return;
	const struct case_file *c = cw_case(&cw, req_param_id(req, 0));
	int64_t sid = req_param_id(req, 1);
	size_t i = 0;
	while (c && i < c->n_steps && c->steps[i].id != sid)
		i++;
	if (!c || i == c->n_steps) {
		page_error(req, res, 404, c ? "Trinnet findes ikke." : "Sagen findes ikke.");
		return;
	}
	const struct case_step *st = &c->steps[i];
	const char *back = arena_printf(req->arena, "/cases/%lld", (long long)c->id);
	if (!web_authorize_case(req, res,
				access_step_edit(cw.full, &req->principal, c, st, cw.today),
				back))
		return;
	const char *what = req_form(req, "do");
	what = what ? what : "";
	if (strcmp(what, "agenda") == 0) {
		step_agenda(req, res, &cw, c, st);
		return;
	}
	enum step_status to = strcmp(what, "start") == 0 ? STEP_STARTED
			      : strcmp(what, "done") == 0 ? STEP_DONE
			      : strcmp(what, "skip") == 0 ? STEP_SKIPPED
			      : STEP_STATUS_NONE;
	if (!to) {
		cases_case_page(req, res, &cw, c, 422, "Ukendt handling.", NULL);
		return;
	}
	const char *problem = case_step_change_problem(c, i, to, cw.today);
	if (problem) {
		cases_case_page(req, res, &cw, c, 422, problem, NULL);
		return;
	}
	int date = step_date(req, &cw, st);
	struct case_step upd = *st;
	upd.status = to;
	const char *msg = NULL;
	struct case_step *added = NULL;
	size_t n_added = 0;
	if (to == STEP_STARTED) {
		upd.started = date;
	} else {
		if (!upd.started && to == STEP_DONE)
			upd.started = date;
		upd.finished = date;
	}
	if (to == STEP_DONE && st->action == STEP_DECIDE) {
		enum step_action becomes = STEP_DECIDE;
		added = case_decision_steps(req->arena, cw.full, c, i, date, &becomes,
					    &n_added);
		upd.action = becomes;
		bool councils = false;
		for (size_t k = 0; k < n_added; k++)
			councils = councils || added[k].action == STEP_APPROVE_COUNCIL;
		msg = becomes == STEP_RECOMMEND ? "indstilling"
		      : councils ? "raad" : "besluttet";
	}
	struct err err = { 0 };
	if (store_case_step_update(req->app->store, &upd, &err) != 0 ||
	    (n_added && store_case_steps_add(req->app->store, c->id, added, n_added,
					     &err) != 0)) {
		cases_case_page(req, res, &cw, c, form_err_status(&err),
				form_err_msg(req, &err), NULL);
		return;
	}
	res_redirect(res, msg ? arena_printf(req->arena, "/cases/%lld?besked=%s#sagsflow",
					     (long long)c->id, msg)
			      : arena_printf(req->arena, "/cases/%lld#sagsflow",
					     (long long)c->id));
}

/* ---- follow-up actions ----------------------------------------------------- */

/* Where an action's forms come back to: its case, else /followup. */
static const char *action_back(struct request *req, const struct followup_action *fa)
{
	return fa->case_id ? arena_printf(req->arena, "/cases/%lld#implementeringsplan",
					  (long long)fa->case_id)
			   : "/followup";
}

/* A refused action form: the case page (422) or the error page. */
static void action_error(struct request *req, struct response *res,
			 struct cw *cw, int64_t case_id, int status,
			 const char *msg)
{
	const struct case_file *c = cw_case(cw, case_id);
	if (c)
		cases_case_page(req, res, cw, c, status, msg, NULL);
	else
		page_error(req, res, status, msg);
}

void cases_action_create(struct request *req, struct response *res)
{
	struct cw cw;
	if (!cw_load(req, res, &cw))
		return;
	const struct case_file *c = cw_case(&cw, req_param_id(req, 0));
	if (!c) {
		page_error(req, res, 404, "Sagen findes ikke.");
		return;
	}
	struct followup_action fa = {
		.case_id = c->id, .status = ACTION_OPEN,
		.focus_area_id = c->focus_area_id,
	};
	fa.body_id = field_id(req, "body");
	bool body_ok = fa.body_id == c->origin_body_id;
	for (size_t i = 0; i < c->n_steps && !body_ok; i++)
		body_ok = fa.body_id > 0 && c->steps[i].body_id == fa.body_id;
	if (!body_ok)
		fa.body_id = c->origin_body_id;
	const char *back = arena_printf(req->arena, "/cases/%lld", (long long)c->id);
	if (!web_authorize_case(req, res,
				access_action_edit(cw.full, &req->principal, &fa, cw.today),
				back))
		return;
	const char *what = text_value(req, "what", 1000);
	const char *problem = NULL;
	if (!what || !*what)
		problem = what ? "Skriv, hvad der skal gøres." : "Teksten er for lang (højst 1.000 tegn).";
	fa.what = what ? what : "";
	fa.responsible_person_id = field_id(req, "person");
	fa.responsible_org_id = field_id(req, "org");
	if (!problem && (fa.responsible_person_id < 0 || fa.responsible_org_id < 0 ||
			 (fa.responsible_person_id &&
			  !structure_person(cw.full, fa.responsible_person_id)) ||
			 (fa.responsible_org_id &&
			  !structure_org(cw.full, fa.responsible_org_id))))
		problem = "Ugyldig ansvarlig.";
	const char *due = req_form(req, "due");
	if (!problem && due && *due && form_parse_date(due, &fa.due) != 0)
		problem = "Skriv fristen som ÅÅÅÅ-MM-DD.";
	if (problem) {
		cases_case_page(req, res, &cw, c, 422, problem, NULL);
		return;
	}
	struct err err = { 0 };
	if (store_action_save(req->app->store, &fa, &err) != 0) {
		cases_case_page(req, res, &cw, c, form_err_status(&err),
				form_err_msg(req, &err), NULL);
		return;
	}
	res_redirect(res, action_back(req, &fa));
}

void cases_action_post(struct request *req, struct response *res)
{
	struct cw cw;
	if (!cw_load(req, res, &cw))
		return;
	const struct followup_action *fa = cw_action(&cw, req_param_id(req, 0));
	if (!fa) {
		page_error(req, res, 404, "Opfølgningspunktet findes ikke.");
		return;
	}
	if (!web_authorize_case(req, res,
				access_action_edit(cw.full, &req->principal, fa, cw.today),
				action_back(req, fa)))
		return;
	const char *sv = req_form(req, "status");
	bool ok = true;
	enum action_status st = action_status_from_code(sv ? sv : "", &ok);
	if (!st || !ok) {
		action_error(req, res, &cw, fa->case_id, 422, "Ukendt status.");
		return;
	}
	struct followup_action upd = *fa;
	upd.status = st;
	const char *rv = req_form(req, "revision");
	upd.revision = rv && *rv ? num_positive(rv) : 0;
	struct err err = { 0 };
	if (store_action_save(req->app->store, &upd, &err) != 0) {
		action_error(req, res, &cw, fa->case_id, form_err_status(&err),
			     form_err_msg(req, &err));
		return;
	}
	res_redirect(res, action_back(req, fa));
}

void cases_action_note(struct request *req, struct response *res)
{
	struct cw cw;
	if (!cw_load(req, res, &cw))
		return;
	const struct followup_action *fa = cw_action(&cw, req_param_id(req, 0));
	if (!fa) {
		page_error(req, res, 404, "Opfølgningspunktet findes ikke.");
		return;
	}
	if (!web_authorize_case(req, res,
				access_action_edit(cw.full, &req->principal, fa, cw.today),
				action_back(req, fa)))
		return;
	const char *text = text_value(req, "text", 4000);
	if (!text || !*text) {
		action_error(req, res, &cw, fa->case_id, 422,
			     text ? "Skriv notatet." : "Notatet er for langt (højst 4.000 tegn).");
		return;
	}
	struct err err = { 0 };
	if (store_action_note_add(req->app->store, fa->id, text, &err) != 0) {
		action_error(req, res, &cw, fa->case_id, form_err_status(&err),
			     form_err_msg(req, &err));
		return;
	}
	res_redirect(res, action_back(req, fa));
}

/* ---- flow templates: the edit form ------------------------------------------ */

#define CW_ENUM_DESC(name, type)                                           \
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

CW_ENUM_DESC(step_target, enum step_target)
CW_ENUM_DESC(step_action, enum step_action)

static const char *row_name(struct arena *a, size_t r, const char *field)
{
	return arena_printf(a, "step-%zu-%s", r, field);
}

static size_t rows_submitted(const struct form *f)
{
	long n = strtol(form_raw(f, "step_rows"), NULL, 10);
	return n < 0 ? 0 : n > MAX_ROWS ? MAX_ROWS : (size_t)n;
}

static void template_values(struct request *req, const struct flow_template *t,
			    struct kvlist *l)
{
	struct arena *a = req->arena;
	kv_set(a, l, "name", t->name);
	kv_set(a, l, "description", t->description);
	kv_set_int(a, l, "step_rows", (long long)(t->n_steps + EMPTY_ROWS));
	for (size_t r = 0; r < t->n_steps; r++) {
		const struct flow_template_step *s = &t->steps[r];
		kv_set(a, l, row_name(a, r, "target"), step_target_code(s->target));
		kv_set_id(a, l, row_name(a, r, "body"), s->target_body_id);
		kv_set(a, l, row_name(a, r, "kind"), body_kind_code(s->target_kind));
		kv_set(a, l, row_name(a, r, "action"), step_action_code(s->action));
		kv_set_int(a, l, row_name(a, r, "offset"), s->offset_days);
		kv_set(a, l, row_name(a, r, "note"), s->note);
	}
}

static void template_render(struct form *f, struct response *res, int status,
			    const struct cw *cw, const struct flow_template *t)
{
	struct arena *a = f->req->arena;
	struct opts bodies = opts_bodies(a, cw->s, 0);
	size_t n = rows_submitted(f);
	form_text(f, "name", "Navn", NULL, FF_REQUIRED);
	form_textarea(f, "description", "Beskrivelse", NULL, 3);
	form_fieldset_begin(f, "Trin",
			    "Én række pr. trin i rækkefølge. »Hvem« afgør, hvilke "
			    "fora trinnet går til; forum bruges ved »ét bestemt "
			    "forum«, forumtype ved typerne. Dage: tidsperspektivet "
			    "efter forrige trins frist (første trin: efter sagens "
			    "start). Tomme rækker springes over.");
	form_group_errors(f, "steps", "Trin");
	form_hidden(f, "step_rows", arena_printf(a, "%zu", n));
	form_html(f, "<div class=\"table-wrap\"><table class=\"list rows-table\">"
		     "<thead><tr><th scope=\"col\">Nr.</th><th scope=\"col\">Hvem</th>"
		     "<th scope=\"col\">Forum</th><th scope=\"col\">Forumtype</th>"
		     "<th scope=\"col\">Handling</th><th scope=\"col\">Dage</th>"
		     "<th scope=\"col\">Vejledning</th><th scope=\"col\">Slet</th>"
		     "</tr></thead><tbody>\n");
	for (size_t r = 0; r < n; r++) {
		size_t no = r + 1;
		form_html(f, arena_printf(a, "<tr><td class=\"num\">%zu</td>", no));
		form_cell_enum(f, row_name(a, r, "target"),
			       arena_printf(a, "Hvem, trin %zu", no), &enum_step_target, "–");
		form_cell_select(f, row_name(a, r, "body"),
				 arena_printf(a, "Forum, trin %zu", no), &bodies, "–");
		form_cell_enum(f, row_name(a, r, "kind"),
			       arena_printf(a, "Forumtype, trin %zu", no), &enum_body_kind, "–");
		form_cell_enum(f, row_name(a, r, "action"),
			       arena_printf(a, "Handling, trin %zu", no), &enum_step_action, "–");
		form_cell_text(f, row_name(a, r, "offset"),
			       arena_printf(a, "Dage, trin %zu", no), FF_NUMBER);
		form_cell_text(f, row_name(a, r, "note"),
			       arena_printf(a, "Vejledning, trin %zu", no), 0);
		form_cell_checkbox(f, row_name(a, r, "delete"),
				   arena_printf(a, "Slet trin %zu", no));
		form_html(f, "</tr>\n");
	}
	form_html(f, "</tbody></table></div>\n");
	form_fieldset_end(f);
	form_crumb(f, "/templates", "Sagsflow-skabeloner");
	const char *href = arena_printf(a, "/templates/%lld", (long long)t->id);
	form_crumb(f, href, t->name);
	form_page(f, res, status, arena_printf(a, "Rediger sagsflow: %s", t->name),
		  NULL, href, "Gem sagsflow", href, NULL);
}

static const struct flow_template *template_param(struct request *req,
						  struct response *res,
						  const struct cw *cw)
{
	const struct flow_template *t = cw_template(cw, req_param_id(req, 0));
	if (!t)
		page_error(req, res, 404, "Skabelonen findes ikke.");
	return t;
}

void cases_template_edit(struct request *req, struct response *res)
{
	struct cw cw;
	if (!cw_load(req, res, &cw))
		return;
	const struct flow_template *t = template_param(req, res, &cw);
	if (!t || !web_authorize_case(req, res,
				      access_region_edit(cw.full, &req->principal,
							 t->region_id, cw.today),
				      NULL))
		return;
	struct kvlist l = { 0 };
	template_values(req, t, &l);
	struct form f;
	form_init_values(&f, req, &l);
	template_render(&f, res, 200, &cw, t);
	form_free(&f);
}

void cases_template_update(struct request *req, struct response *res)
{
	struct cw cw;
	if (!cw_load(req, res, &cw))
		return;
	const struct flow_template *t = template_param(req, res, &cw);
	if (!t || !web_authorize_case(req, res,
				      access_region_edit(cw.full, &req->principal,
							 t->region_id, cw.today),
				      arena_printf(req->arena, "/templates/%lld/edit",
						   (long long)t->id)))
		return;
	struct arena *a = req->arena;
	struct form f;
	form_init_post(&f, req);
	struct flow_template nt = *t;
	nt.name = form_str(&f, "name");
	if (!*nt.name)
		ferr(&f, "name", "Skriv skabelonens navn");
	const char *d = text_value(req, "description", 10000);
	if (!d)
		ferr(&f, "description", "Teksten er for lang");
	nt.description = d ? d : "";
	size_t rows = rows_submitted(&f);
	nt.steps = arena_array(a, rows + 1, sizeof(*nt.steps));
	nt.n_steps = 0;
	for (size_t r = 0; r < rows; r++) {
		if (form_bool(&f, row_name(a, r, "delete")))
			continue;
		const char *tn = row_name(a, r, "target");
		const char *an = row_name(a, r, "action");
		if (!*form_raw(&f, tn) && !*form_raw(&f, an))
			continue;	/* an empty row */
		struct flow_template_step s = { .position = (int)nt.n_steps + 1 };
		s.target = (enum step_target)form_enum(&f, tn, &enum_step_target);
		if (!s.target)
			ferr(&f, tn, "Vælg, hvem trinnet går til");
		s.action = (enum step_action)form_enum(&f, an, &enum_step_action);
		if (!s.action)
			ferr(&f, an, "Vælg trinnets handling");
		const char *bn = row_name(a, r, "body");
		s.target_body_id = form_ref(&f, bn);
		if (s.target == TARGET_BODY && !structure_body(cw.full, s.target_body_id))
			ferr(&f, bn, "Vælg forummet");
		const char *kn = row_name(a, r, "kind");
		s.target_kind = (enum body_kind)form_enum(&f, kn, &enum_body_kind);
		if ((s.target == TARGET_KIND_ALL || s.target == TARGET_KIND_OTHERS ||
		     s.target == TARGET_KIND_ORIGIN_AREA || s.target == TARGET_CHILDREN) &&
		    !s.target_kind)
			ferr(&f, kn, "Vælg forumtypen");
		const char *on = row_name(a, r, "offset");
		s.offset_days = form_int(&f, on);
		if (s.offset_days < 0 || s.offset_days > 3650)
			ferr(&f, on, "Skriv et antal dage mellem 0 og 3650");
		s.note = form_str(&f, row_name(a, r, "note"));
		nt.steps[nt.n_steps++] = s;
	}
	if (!nt.n_steps && !form_has_errors(&f))
		ferr(&f, "steps", "Skabelonen skal have mindst ét trin");
	form_parsed(&f);
	if (form_has_errors(&f)) {
		template_render(&f, res, 422, &cw, t);
		goto out;
	}
	struct err err = { 0 };
	if (store_template_save(req->app->store, &nt, &err) != 0) {
		template_render(&f, res, form_store_error(&f, &err), &cw, t);
		goto out;
	}
	form_redirect(req, res, "/templates", t->id);
out:
	form_free(&f);
}
