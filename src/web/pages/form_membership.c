/*
 * form_membership.c - who sits where: create, edit (including ending a
 * membership by giving it a last day) and delete memberships of a body.
 *
 * The seat select offers the seat rules of the charter in force for the
 * body today; "(automatisk)" leaves the seat empty so the composition
 * rules match the membership to a seat by organisation and function.
 * Dates are type=date inputs, and typed text (YYYY-MM-DD or D.M.YYYY)
 * is accepted too.
 */
#include "forms.h"

#include <stdlib.h>
#include <string.h>

#include "../../util/date.h"
#include "pages.h"

static void membership_values(struct request *req, const struct membership *m,
			      struct kvlist *l)
{
	struct arena *a = req->arena;
	kv_set_id(a, l, "person", m->person_id);
	kv_set(a, l, "role", role_code(m->role));
	kv_set(a, l, "function", function_code(m->function));
	kv_set(a, l, "seat", m->seat_key);
	kv_set_id(a, l, "represents", m->represents_id);
	kv_set_id(a, l, "appointed_by", m->appointed_by_id);
	kv_set_id(a, l, "substitute_for", m->substitute_for_id);
	kv_set_bool(a, l, "local", m->local);
	kv_set_date(a, l, "start", m->start);
	kv_set_date(a, l, "end", m->end);
	kv_set(a, l, "key", m->key);
	if (m->id)
		kv_set_int(a, l, "revision", m->revision);
}

/* "1. januar 2024 – " / "1. januar 2024 – 31. december 2025". */
static const char *period(struct arena *a, const struct membership *m)
{
	char s[32], e[32];
	date_format_da(m->start, s, sizeof(s));
	date_format_da(m->end, e, sizeof(e));
	return arena_printf(a, "%s – %s", s, e);
}

/* The body's other memberships, for "suppleant for": by person name. */
static struct opts substitute_opts(struct arena *a, const struct structure *s,
				   int64_t body_id, int64_t self_id)
{
	struct opts o = { 0 };
	for (size_t i = 0; i < s->n_memberships; i++) {
		const struct membership *m = &s->memberships[i];
		if (m->body_id != body_id || m->id == self_id)
			continue;
		const struct person *p = structure_person(s, m->person_id);
		const char *label = arena_printf(a, "%s – %s (%s)",
						 p ? p->name : "Ukendt person",
						 role_label(m->role), period(a, m));
		opts_add(a, &o, arena_printf(a, "%lld", (long long)m->id), label,
			 NULL);
	}
	if (o.n > 1) {
		/* Labels start with the person's name. */
		for (size_t i = 1; i < o.n; i++)
			for (size_t j = i; j > 0 &&
			     da_strcmp(o.items[j - 1].label, o.items[j].label) > 0; j--) {
				struct opt t = o.items[j];
				o.items[j] = o.items[j - 1];
				o.items[j - 1] = t;
			}
	}
	return o;
}

static void membership_render(struct form *f, struct response *res, int status,
			      const struct body *body,
			      const struct membership *orig)
{
	struct request *req = f->req;
	struct arena *a = req->arena;
	const struct structure *s = web_structure(req);
	struct opts people = opts_people(a, s);
	struct opts orgs = opts_orgs(a, s, ORG_NONE);
	struct opts subs = substitute_opts(a, s, body->id, orig ? orig->id : 0);

	bool approved = false;
	const struct charter *c = charter_in_force(s, body->id, date_today(), &approved);
	struct opts seats = { 0 };
	for (size_t i = 0; c && i < c->n_seats; i++)
		opts_add(a, &seats, c->seats[i].key,
			 *c->seats[i].label ? c->seats[i].label : c->seats[i].key,
			 NULL);
	const char *seat_hint = c
		? arena_printf(a, "Pladserne i kommissoriet »%s«, version %d%s. "
				  "»(automatisk)« lader reglerne finde pladsen ud "
				  "fra organisation og funktion.",
			       c->title, c->version,
			       approved ? "" : " (endnu ikke godkendt)")
		: "Forummet har intet kommissorium med pladser endnu.";

	form_revision_field(f);
	form_select(f, "person", "Person", NULL, FF_REQUIRED, &people,
		    "Vælg person");
	form_select_enum(f, "role", "Rolle", NULL, FF_REQUIRED, &enum_role,
			 "Vælg rolle");
	form_select_enum(f, "function", "Funktion",
			 "Den egenskab, personen sidder i forummet i", 0,
			 &enum_function, "Ikke angivet");
	form_select(f, "seat", "Plads", seat_hint, 0, &seats, "(automatisk)");
	form_select(f, "represents", "Repræsenterer",
		    "Den organisation, personen repræsenterer", 0, &orgs,
		    "Vælg organisation");
	form_select(f, "appointed_by", "Udpeget af",
		    "Fx PLO eller Patientinddragelsesudvalget", 0, &orgs,
		    "Ikke angivet");
	form_select(f, "substitute_for", "Suppleant for",
		    "Kun for suppleanter: det medlemskab, der suppleres", 0,
		    &subs, "Ingen");
	form_checkbox(f, "local", "Udpeget inden for klyngens område", NULL);
	form_datefield(f, "start", "Startdato",
		       "Første dag. Skriv ÅÅÅÅ-MM-DD, fx 2024-01-31", FF_REQUIRED);
	form_datefield(f, "end", "Slutdato",
		       "Sidste dag. Tom, så længe medlemskabet løber. Skriv "
		       "ÅÅÅÅ-MM-DD", 0);
	form_text(f, "key", "Nøgle",
		  "Bruges i strukturfiler. Udfyldes automatisk, hvis feltet "
		  "er tomt.", 0);

	struct response after = { .status = 200, .body = BUF_INIT };
	const char *title, *action, *intro;
	const char *cancel = arena_printf(a, "/bodies/%lld", (long long)body->id);
	form_crumb(f, "/bodies", "Fora");
	form_crumb(f, cancel, body->name);
	if (orig) {
		const struct person *p = structure_person(s, orig->person_id);
		title = arena_printf(a, "Rediger medlemskab: %s i %s",
				     p ? p->name : "ukendt person", body->name);
		action = arena_printf(a, "/memberships/%lld", (long long)orig->id);
		intro = "Afslut medlemskab: skriv den sidste dag i »Slutdato« "
			"og gem. Så bevares historikken over, hvem der sad "
			"hvor.";
		form_button_post(req, &after,
				 arena_printf(a, "/memberships/%lld/delete",
					      (long long)orig->id),
				 "Slet medlemskab",
				 "Sletning fjerner medlemskabet helt, også fra "
				 "historikken. Brug kun sletning til fejl; "
				 "afslut ellers medlemskabet med en slutdato.",
				 "Slet medlemskab");
	} else {
		title = arena_printf(a, "Nyt medlemskab i %s", body->name);
		action = arena_printf(a, "/bodies/%lld/memberships",
				      (long long)body->id);
		intro = NULL;
	}
	form_page(f, res, status, title, intro, action, "Gem medlemskab", cancel,
		  &after);
	buf_free(&after.body);
}

static void membership_show_form(struct request *req, struct response *res,
				 const struct body *body,
				 const struct membership *orig, int status,
				 const char *general)
{
	struct arena *a = req->arena;
	struct kvlist l = { 0 };
	if (orig)
		membership_values(req, orig, &l);
	else {
		kv_set(a, &l, "role", role_code(ROLE_MEMBER));
		kv_set_date(a, &l, "start", date_today());
		const char *q = req_query(req, "person");
		const struct person *p =
			q ? structure_person(web_structure(req), strtoll(q, NULL, 10))
			  : NULL;
		if (p) {
			kv_set_id(a, &l, "person", p->id);
			kv_set_id(a, &l, "represents", p->organisation_id);
		}
	}
	struct form f;
	form_init_values(&f, req, &l);
	f.general = general;
	membership_render(&f, res, status, body, orig);
	form_free(&f);
}

static void membership_save(struct request *req, struct response *res,
			    const struct body *body,
			    const struct membership *orig)
{
	const struct structure *s = web_structure(req);
	struct form f;
	form_init_post(&f, req);
	struct membership m = orig ? *orig : (struct membership){ 0 };
	m.revision = orig ? form_revision(&f) : 0;
	m.body_id = body->id;
	m.person_id = form_ref(&f, "person");
	m.role = (enum role)form_enum(&f, "role", &enum_role);
	m.function = (enum function)form_enum(&f, "function", &enum_function);
	m.seat_key = form_str(&f, "seat");
	m.represents_id = form_ref(&f, "represents");
	m.appointed_by_id = form_ref(&f, "appointed_by");
	m.substitute_for_id = form_ref(&f, "substitute_for");
	m.local = form_bool(&f, "local");
	m.start = form_date(&f, "start");
	m.end = form_date(&f, "end");
	form_parsed(&f);
	const struct person *p = structure_person(s, m.person_id);
	m.key = form_key(&f, s, STORE_MEMBERSHIP, m.id, form_str(&f, "key"),
			 p ? arena_printf(req->arena, "%s %s", body->key, p->name)
			   : NULL);

	validate_membership(req->arena, s, &m, &f.errs);
	if (form_has_errors(&f)) {
		membership_render(&f, res, 422, body, orig);
		goto out;
	}
	if (!web_authorize_save(req, res, ACCESS_KIND_MEMBERSHIP, orig, &m))
		goto out;
	struct err err = { 0 };
	if (store_membership_save(req->app->store, &m, &err) != 0) {
		int status = form_store_error(&f, &err);
		if (orig && form_is_stale(&err)) {
			/* Someone saved in between: show their values. */
			int64_t id = orig->id, body_id = body->id;
			s = form_reload(req);
			orig = structure_membership(s, id);
			body = structure_body(s, orig ? orig->body_id : body_id);
			if (!orig || !body) {
				page_error(req, res, 404,
					   "Medlemskabet findes ikke længere.");
				goto out;
			}
			struct kvlist *theirs = arena_alloc(req->arena, sizeof(*theirs));
			membership_values(req, orig, theirs);
			form_stale(&f, theirs, orig->revision);
		}
		membership_render(&f, res, status, body, orig);
		goto out;
	}
	web_structure_invalidate(req->app);
	form_redirect(req, res, "/bodies", body->id);
out:
	form_free(&f);
}

/* The membership of the URL and its body; a 404 page when missing. */
static const struct membership *membership_param(struct request *req,
						 struct response *res,
						 const struct body **body)
{
	const struct structure *s = web_structure(req);
	const struct membership *m = structure_membership(s, req_param_id(req, 0));
	*body = m ? structure_body(s, m->body_id) : NULL;
	if (!m || !*body) {
		page_error(req, res, 404, "Medlemskabet findes ikke.");
		return NULL;
	}
	return m;
}

void form_membership_new(struct request *req, struct response *res)
{
	const struct body *b = form_body_param(req, res);
	if (!b)
		return;
	struct membership blank = { .body_id = b->id };
	if (web_authorize_save(req, res, ACCESS_KIND_MEMBERSHIP, NULL, &blank))
		membership_show_form(req, res, b, NULL, 200, NULL);
}

void form_membership_create(struct request *req, struct response *res)
{
	const struct body *b = form_body_param(req, res);
	if (b)
		membership_save(req, res, b, NULL);
}

void form_membership_edit(struct request *req, struct response *res)
{
	const struct body *b;
	const struct membership *m = membership_param(req, res, &b);
	if (m && web_authorize_save(req, res, ACCESS_KIND_MEMBERSHIP, m, m))
		membership_show_form(req, res, b, m, 200, NULL);
}

void form_membership_update(struct request *req, struct response *res)
{
	const struct body *b;
	const struct membership *m = membership_param(req, res, &b);
	if (m)
		membership_save(req, res, b, m);
}

void form_membership_delete(struct request *req, struct response *res)
{
	const struct body *b;
	const struct membership *m = membership_param(req, res, &b);
	if (!m || !web_authorize_save(req, res, ACCESS_KIND_MEMBERSHIP, m, NULL))
		return;
	struct err err = { 0 };
	if (store_delete(req->app->store, STORE_MEMBERSHIP, m->id, &err) != 0) {
		membership_show_form(req, res, b, m, form_err_status(&err),
				     form_err_msg(req, &err));
		return;
	}
	web_structure_invalidate(req->app);
	form_redirect(req, res, "/bodies", b->id);
}
