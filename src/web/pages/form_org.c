/*
 * form_org.c - create/edit/delete forms for organisations, bodies
 * (forums) and people. See forms.h for how a form keeps the submitted
 * values and shows errors; the rules themselves are in core/validate.c.
 *
 * Each object has the same five handlers: new (GET), create (POST),
 * edit (GET), update (POST) and delete (POST). A failed submit
 * re-renders the form with 422; a store refusal (still referenced, key
 * taken) is shown as a form error with its status (409).
 */
#include "forms.h"

#include <stdlib.h>
#include <string.h>

static const struct structure *structure(struct request *req)
{
	return web_structure(req);
}

/* Removes the option with value (the object itself from its own
 * "parent" list). */
static void opts_remove(struct opts *o, int64_t id, struct arena *a)
{
	const char *v = arena_printf(a, "%lld", (long long)id);
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(o->items[i].value, v) == 0) {
			memmove(&o->items[i], &o->items[i + 1],
				(o->n - i - 1) * sizeof(*o->items));
			o->n--;
			return;
		}
}

static const char KEY_HINT[] =
	"Bruges i strukturfiler (a-z, 0-9, - og _). Udfyldes automatisk ud "
	"fra navnet, hvis feltet er tomt.";

/* ---- organisations --------------------------------------------------------- */

static void org_values(struct request *req, const struct organisation *o,
		       struct kvlist *l)
{
	struct arena *a = req->arena;
	kv_set(a, l, "name", o->name);
	kv_set(a, l, "short_name", o->short_name);
	kv_set(a, l, "kind", org_kind_code(o->kind));
	kv_set(a, l, "sector", sector_code(o->sector));
	kv_set_id(a, l, "parent", o->parent_id);
	kv_set(a, l, "note", o->note);
	kv_set(a, l, "key", o->key);
	if (o->id)
		kv_set_int(a, l, "revision", o->revision);
}

/* orig: the organisation being edited, NULL for a new one. */
static void org_render(struct form *f, struct response *res, int status,
		       const struct organisation *orig)
{
	struct request *req = f->req;
	struct arena *a = req->arena;
	const struct structure *s = structure(req);
	struct opts parents = opts_orgs(a, s, ORG_NONE);
	if (orig)
		opts_remove(&parents, orig->id, a);

	form_revision_field(f);
	form_text(f, "name", "Navn", NULL, FF_REQUIRED);
	form_text(f, "short_name", "Kort navn", "Fx SHS eller PLO", 0);
	form_select_enum(f, "kind", "Type", NULL, FF_REQUIRED, &enum_org_kind,
			 "Vælg type");
	form_select_enum(f, "sector", "Sektor",
			 "Den sektor, organisationen hører til, når "
			 "sammensætningen af et forum tjekkes",
			 0, &enum_sector, "Ingen sektor");
	form_select(f, "parent", "Hører under",
		    "Fx den region, et sygehus hører under", 0, &parents,
		    "Ingen");
	form_textarea(f, "note", "Note", "Fx »Demodata«", 3);
	form_text(f, "key", "Nøgle", KEY_HINT, 0);

	struct response after = { .status = 200, .body = BUF_INIT };
	const char *title, *action, *cancel;
	form_crumb(f, "/organisations", "Organisationer");
	if (orig) {
		title = arena_printf(a, "Rediger organisation: %s", orig->name);
		action = arena_printf(a, "/organisations/%lld", (long long)orig->id);
		cancel = action;
		form_crumb(f, action, orig->name);
		form_button_post(req, &after,
				 arena_printf(a, "/organisations/%lld/delete",
					      (long long)orig->id),
				 "Slet organisation",
				 "En organisation kan kun slettes, når ingen "
				 "personer, fora, områder eller medlemskaber "
				 "henviser til den.",
				 "Slet organisation");
	} else {
		title = "Ny organisation";
		action = "/organisations";
		cancel = "/organisations";
	}
	form_page(f, res, status, title, NULL, action, "Gem", cancel, &after);
	buf_free(&after.body);
}

static void org_show_form(struct request *req, struct response *res,
			  const struct organisation *orig, int status,
			  const char *general)
{
	struct kvlist l = { 0 };
	if (orig)
		org_values(req, orig, &l);
	struct form f;
	form_init_values(&f, req, &l);
	f.general = general;
	org_render(&f, res, status, orig);
	form_free(&f);
}

static void org_save(struct request *req, struct response *res,
		     const struct organisation *orig)
{
	const struct structure *s = structure(req);
	struct form f;
	form_init_post(&f, req);
	struct organisation o = orig ? *orig : (struct organisation){ 0 };
	o.revision = orig ? form_revision(&f) : 0;
	o.name = form_str(&f, "name");
	o.short_name = form_str(&f, "short_name");
	o.note = form_str(&f, "note");
	o.kind = (enum org_kind)form_enum(&f, "kind", &enum_org_kind);
	o.sector = (enum sector)form_enum(&f, "sector", &enum_sector);
	o.parent_id = form_ref(&f, "parent");
	form_parsed(&f);
	o.key = form_key(&f, s, STORE_ORG, o.id, form_str(&f, "key"), o.name);

	validate_org(req->arena, s, &o, &f.errs);
	if (form_has_errors(&f)) {
		org_render(&f, res, 422, orig);
		goto out;
	}
	if (!web_authorize_save(req, res, ACCESS_KIND_ORG, orig, &o))
		goto out;
	struct err err = { 0 };
	if (store_org_save(req->app->store, &o, &err) != 0) {
		int status = form_store_error(&f, &err);
		if (orig && form_is_stale(&err)) {
			/* Someone saved in between: show their values. */
			int64_t id = orig->id;
			orig = structure_org(form_reload(req), id);
			if (!orig) {
				page_error(req, res, 404, "Organisationen findes ikke længere.");
				goto out;
			}
			struct kvlist *theirs = arena_alloc(req->arena, sizeof(*theirs));
			org_values(req, orig, theirs);
			form_stale(&f, theirs, orig->revision);
		}
		org_render(&f, res, status, orig);
		goto out;
	}
	web_structure_invalidate(req->app);
	form_redirect(req, res, "/organisations", o.id);
out:
	form_free(&f);
}

static const struct organisation *org_param(struct request *req,
					    struct response *res)
{
	const struct organisation *o =
		structure_org(structure(req), req_param_id(req, 0));
	if (!o)
		page_error(req, res, 404, "Organisationen findes ikke.");
	return o;
}

void form_org_new(struct request *req, struct response *res)
{
	static const struct organisation blank;
	if (web_authorize_save(req, res, ACCESS_KIND_ORG, NULL, &blank))
		org_show_form(req, res, NULL, 200, NULL);
}

void form_org_create(struct request *req, struct response *res)
{
	org_save(req, res, NULL);
}

void form_org_edit(struct request *req, struct response *res)
{
	const struct organisation *o = org_param(req, res);
	if (o && web_authorize_save(req, res, ACCESS_KIND_ORG, o, o))
		org_show_form(req, res, o, 200, NULL);
}

void form_org_update(struct request *req, struct response *res)
{
	const struct organisation *o = org_param(req, res);
	if (o)
		org_save(req, res, o);
}

void form_org_delete(struct request *req, struct response *res)
{
	const struct organisation *o = org_param(req, res);
	if (!o || !web_authorize_save(req, res, ACCESS_KIND_ORG, o, NULL))
		return;
	struct err err = { 0 };
	if (store_delete(req->app->store, STORE_ORG, o->id, &err) != 0) {
		org_show_form(req, res, o, form_err_status(&err),
			      form_err_msg(req, &err));
		return;
	}
	web_structure_invalidate(req->app);
	form_redirect(req, res, "/organisations", 0);
}

/* ---- bodies (forums) ------------------------------------------------------ */

static void body_values(struct request *req, const struct body *b,
			struct kvlist *l)
{
	struct arena *a = req->arena;
	kv_set(a, l, "name", b->name);
	kv_set(a, l, "short_name", b->short_name);
	kv_set(a, l, "kind", body_kind_code(b->kind));
	kv_set_id(a, l, "parent", b->parent_id);
	kv_set_id(a, l, "area", b->area_id);
	kv_set_id(a, l, "region", b->region_id);
	kv_set_bool(a, l, "formal", b->formal);
	kv_set(a, l, "description", b->description);
	kv_set(a, l, "key", b->key);
	if (b->id)
		kv_set_int(a, l, "revision", b->revision);
}

static void body_render(struct form *f, struct response *res, int status,
			const struct body *orig)
{
	struct request *req = f->req;
	struct arena *a = req->arena;
	const struct structure *s = structure(req);
	struct opts parents = opts_bodies(a, s, orig ? orig->id : 0);
	struct opts areas = opts_areas(a, s);
	struct opts regions = opts_orgs(a, s, ORG_REGION);

	form_revision_field(f);
	form_text(f, "name", "Navn", NULL, FF_REQUIRED);
	form_text(f, "short_name", "Kort navn", "Fx SSU eller IPG Ældre", 0);
	form_select_enum(f, "kind", "Type", NULL, FF_REQUIRED, &enum_body_kind,
			 "Vælg type");
	form_select(f, "parent", "Refererer til",
		    "Det forum, dette forum refererer til", 0, &parents,
		    "Ingen (øverste niveau)");
	form_select(f, "area", "Klynge/område",
		    "Den klynge, forummet dækker", 0, &areas,
		    "Hele regionen (intet område)");
	form_select(f, "region", "Region", NULL, 0, &regions, "Ingen region");
	form_checkbox(f, "formal", "Del af den formelle beslutningsstruktur",
		      "Fjern markeringen for fx netværksgrupper, der ikke er "
		      "en del af beslutningsstrukturen");
	form_textarea(f, "description", "Beskrivelse", NULL, 5);
	form_text(f, "key", "Nøgle", KEY_HINT, 0);

	struct response after = { .status = 200, .body = BUF_INIT };
	const char *title, *action, *cancel;
	form_crumb(f, "/bodies", "Fora");
	if (orig) {
		title = arena_printf(a, "Rediger forum: %s", orig->name);
		action = arena_printf(a, "/bodies/%lld", (long long)orig->id);
		cancel = action;
		form_crumb(f, action, orig->name);
		form_button_post(req, &after,
				 arena_printf(a, "/bodies/%lld/delete",
					      (long long)orig->id),
				 "Slet forum",
				 "Et forum kan kun slettes, når det ikke har "
				 "kommissorier, medlemskaber eller underliggende "
				 "fora.",
				 "Slet forum");
	} else {
		title = "Nyt forum";
		action = "/bodies";
		cancel = "/bodies";
	}
	form_page(f, res, status, title, NULL, action, "Gem", cancel, &after);
	buf_free(&after.body);
}

static void body_show_form(struct request *req, struct response *res,
			   const struct body *orig, int status,
			   const char *general)
{
	struct kvlist l = { 0 };
	struct arena *a = req->arena;
	if (orig)
		body_values(req, orig, &l);
	else {
		/* /bodies/new?parent=ID or ?area=ID (links from a body's or a
		 * cluster's page) preselect where the new forum belongs. */
		const struct structure *s = structure(req);
		const char *q = req_query(req, "parent");
		const struct body *p = q ? structure_body(s, strtoll(q, NULL, 10)) : NULL;
		q = req_query(req, "area");
		const struct area *ar = q ? structure_area(s, strtoll(q, NULL, 10)) : NULL;
		if (p) {
			kv_set_id(a, &l, "parent", p->id);
			kv_set_id(a, &l, "area", p->area_id);
			kv_set_id(a, &l, "region", p->region_id);
		} else if (ar) {
			kv_set_id(a, &l, "area", ar->id);
			kv_set_id(a, &l, "region", ar->region_id);
		}
		kv_set_bool(a, &l, "formal", true);
	}
	struct form f;
	form_init_values(&f, req, &l);
	f.general = general;
	body_render(&f, res, status, orig);
	form_free(&f);
}

static void body_save(struct request *req, struct response *res,
		      const struct body *orig)
{
	const struct structure *s = structure(req);
	struct form f;
	form_init_post(&f, req);
	struct body b = orig ? *orig : (struct body){ 0 };
	b.revision = orig ? form_revision(&f) : 0;
	b.name = form_str(&f, "name");
	b.short_name = form_str(&f, "short_name");
	b.description = form_str(&f, "description");
	b.kind = (enum body_kind)form_enum(&f, "kind", &enum_body_kind);
	b.parent_id = form_ref(&f, "parent");
	b.area_id = form_ref(&f, "area");
	b.region_id = form_ref(&f, "region");
	b.formal = form_bool(&f, "formal");
	form_parsed(&f);
	b.key = form_key(&f, s, STORE_BODY, b.id, form_str(&f, "key"), b.name);

	validate_body(req->arena, s, &b, &f.errs);
	if (form_has_errors(&f)) {
		body_render(&f, res, 422, orig);
		goto out;
	}
	if (!web_authorize_save(req, res, ACCESS_KIND_BODY, orig, &b))
		goto out;
	struct err err = { 0 };
	if (store_body_save(req->app->store, &b, &err) != 0) {
		int status = form_store_error(&f, &err);
		if (orig && form_is_stale(&err)) {
			/* Someone saved in between: show their values. */
			int64_t id = orig->id;
			orig = structure_body(form_reload(req), id);
			if (!orig) {
				page_error(req, res, 404, "Forummet findes ikke længere.");
				goto out;
			}
			struct kvlist *theirs = arena_alloc(req->arena, sizeof(*theirs));
			body_values(req, orig, theirs);
			form_stale(&f, theirs, orig->revision);
		}
		body_render(&f, res, status, orig);
		goto out;
	}
	web_structure_invalidate(req->app);
	form_redirect(req, res, "/bodies", b.id);
out:
	form_free(&f);
}

void form_body_new(struct request *req, struct response *res)
{
	static const struct body blank;
	if (web_authorize_save(req, res, ACCESS_KIND_BODY, NULL, &blank))
		body_show_form(req, res, NULL, 200, NULL);
}

void form_body_create(struct request *req, struct response *res)
{
	body_save(req, res, NULL);
}

void form_body_edit(struct request *req, struct response *res)
{
	const struct body *b = form_body_param(req, res);
	if (b && web_authorize_save(req, res, ACCESS_KIND_BODY, b, b))
		body_show_form(req, res, b, 200, NULL);
}

void form_body_update(struct request *req, struct response *res)
{
	const struct body *b = form_body_param(req, res);
	if (b)
		body_save(req, res, b);
}

void form_body_delete(struct request *req, struct response *res)
{
	const struct body *b = form_body_param(req, res);
	if (!b || !web_authorize_save(req, res, ACCESS_KIND_BODY, b, NULL))
		return;
	struct err err = { 0 };
	if (store_delete(req->app->store, STORE_BODY, b->id, &err) != 0) {
		body_show_form(req, res, b, form_err_status(&err),
			       form_err_msg(req, &err));
		return;
	}
	web_structure_invalidate(req->app);
	form_redirect(req, res, "/bodies", 0);
}

/* ---- people -------------------------------------------------------------- */

static void person_values(struct request *req, const struct person *p,
			  struct kvlist *l)
{
	struct arena *a = req->arena;
	kv_set(a, l, "name", p->name);
	kv_set(a, l, "title", p->title);
	kv_set(a, l, "email", p->email);
	kv_set_id(a, l, "organisation", p->organisation_id);
	kv_set(a, l, "note", p->note);
	kv_set(a, l, "key", p->key);
	if (p->id)
		kv_set_int(a, l, "revision", p->revision);
}

static void person_render(struct form *f, struct response *res, int status,
			  const struct person *orig)
{
	struct request *req = f->req;
	struct arena *a = req->arena;
	struct opts orgs = opts_orgs(a, structure(req), ORG_NONE);

	form_revision_field(f);
	form_text(f, "name", "Navn", NULL, FF_REQUIRED);
	form_text(f, "title", "Stillingsbetegnelse", "Fx Sundhedsdirektør", 0);
	form_text(f, "email", "E-mail", NULL, FF_EMAIL);
	form_select(f, "organisation", "Ansat i", NULL, 0, &orgs, "Ingen");
	form_textarea(f, "note", "Note", "Fx »Fiktiv person«", 3);
	form_text(f, "key", "Nøgle", KEY_HINT, 0);

	struct response after = { .status = 200, .body = BUF_INIT };
	const char *title, *action, *cancel;
	form_crumb(f, "/people", "Personer");
	if (orig) {
		title = arena_printf(a, "Rediger person: %s", orig->name);
		action = arena_printf(a, "/people/%lld", (long long)orig->id);
		cancel = action;
		form_crumb(f, action, orig->name);
		form_button_post(req, &after,
				 arena_printf(a, "/people/%lld/delete",
					      (long long)orig->id),
				 "Slet person",
				 "En person kan kun slettes, når vedkommende "
				 "ikke har medlemskaber. Afslut hellers "
				 "medlemskaberne med en slutdato, så "
				 "historikken bevares.",
				 "Slet person");
	} else {
		title = "Ny person";
		action = "/people";
		cancel = "/people";
	}
	form_page(f, res, status, title, NULL, action, "Gem", cancel, &after);
	buf_free(&after.body);
}

static void person_show_form(struct request *req, struct response *res,
			     const struct person *orig, int status,
			     const char *general)
{
	struct kvlist l = { 0 };
	if (orig)
		person_values(req, orig, &l);
	else {
		const char *q = req_query(req, "organisation");
		const struct organisation *o =
			q ? structure_org(structure(req), strtoll(q, NULL, 10)) : NULL;
		if (o)
			kv_set_id(req->arena, &l, "organisation", o->id);
	}
	struct form f;
	form_init_values(&f, req, &l);
	f.general = general;
	person_render(&f, res, status, orig);
	form_free(&f);
}

static void person_save(struct request *req, struct response *res,
			const struct person *orig)
{
	const struct structure *s = structure(req);
	struct form f;
	form_init_post(&f, req);
	struct person p = orig ? *orig : (struct person){ 0 };
	p.revision = orig ? form_revision(&f) : 0;
	p.name = form_str(&f, "name");
	p.title = form_str(&f, "title");
	p.email = form_str(&f, "email");
	p.note = form_str(&f, "note");
	p.organisation_id = form_ref(&f, "organisation");
	form_parsed(&f);
	p.key = form_key(&f, s, STORE_PERSON, p.id, form_str(&f, "key"), p.name);

	validate_person(req->arena, s, &p, &f.errs);
	if (form_has_errors(&f)) {
		person_render(&f, res, 422, orig);
		goto out;
	}
	if (!web_authorize_save(req, res, ACCESS_KIND_PERSON, orig, &p))
		goto out;
	struct err err = { 0 };
	if (store_person_save(req->app->store, &p, &err) != 0) {
		int status = form_store_error(&f, &err);
		if (orig && form_is_stale(&err)) {
			/* Someone saved in between: show their values. */
			int64_t id = orig->id;
			orig = structure_person(form_reload(req), id);
			if (!orig) {
				page_error(req, res, 404, "Personen findes ikke længere.");
				goto out;
			}
			struct kvlist *theirs = arena_alloc(req->arena, sizeof(*theirs));
			person_values(req, orig, theirs);
			form_stale(&f, theirs, orig->revision);
		}
		person_render(&f, res, status, orig);
		goto out;
	}
	web_structure_invalidate(req->app);
	form_redirect(req, res, "/people", p.id);
out:
	form_free(&f);
}

static const struct person *person_param(struct request *req,
					 struct response *res)
{
	const struct person *p =
		structure_person(structure(req), req_param_id(req, 0));
	if (!p)
		page_error(req, res, 404, "Personen findes ikke.");
	return p;
}

void form_person_new(struct request *req, struct response *res)
{
	static const struct person blank;
	if (web_authorize_save(req, res, ACCESS_KIND_PERSON, NULL, &blank))
		person_show_form(req, res, NULL, 200, NULL);
}

void form_person_create(struct request *req, struct response *res)
{
	person_save(req, res, NULL);
}

void form_person_edit(struct request *req, struct response *res)
{
	const struct person *p = person_param(req, res);
	if (p && web_authorize_save(req, res, ACCESS_KIND_PERSON, p, p))
		person_show_form(req, res, p, 200, NULL);
}

void form_person_update(struct request *req, struct response *res)
{
	const struct person *p = person_param(req, res);
	if (p)
		person_save(req, res, p);
}

void form_person_delete(struct request *req, struct response *res)
{
	const struct person *p = person_param(req, res);
	if (!p || !web_authorize_save(req, res, ACCESS_KIND_PERSON, p, NULL))
		return;
	struct err err = { 0 };
	if (store_delete(req->app->store, STORE_PERSON, p->id, &err) != 0) {
		person_show_form(req, res, p, form_err_status(&err),
				 form_err_msg(req, &err));
		return;
	}
	web_structure_invalidate(req->app);
	form_redirect(req, res, "/people", 0);
}
