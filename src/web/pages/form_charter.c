/*
 * form_charter.c - terms of reference [kommissorium]: a new version
 * (prefilled from the latest one), editing a version, and adding an
 * approval step to it.
 *
 * The composition (seat rules) and the required person overlaps are
 * edited as table rows: the existing rows plus three empty ones. A row
 * whose key and label are both empty is ignored, and so is a row marked
 * "slet". Rows are numbered in the form ("seat-4-min"); the validator
 * speaks of the kept rows ("seats[2].min"); form_add_map ties the two so
 * an error lands in the right row.
 */
#include "forms.h"

#include <stdlib.h>
#include <string.h>

#include "../../util/date.h"

#define EMPTY_ROWS 3
#define MAX_ROWS 500

static const char *row_name(struct arena *a, const char *kind, size_t r,
			    const char *field)
{
	return arena_printf(a, "%s-%zu-%s", kind, r, field);
}

/* How many rows the submitted form had (a hidden field). */
static size_t rows_submitted(const struct form *f, const char *name)
{
	long n = strtol(form_raw(f, name), NULL, 10);
	if (n < 0)
		n = 0;
	if (n > MAX_ROWS)
		n = MAX_ROWS;
	return (size_t)n;
}

static void charter_values(struct request *req, const struct charter *c,
			   struct kvlist *l)
{
	struct arena *a = req->arena;
	kv_set(a, l, "key", c->key);
	if (c->id)
		kv_set_int(a, l, "revision", c->revision);
	kv_set(a, l, "title", c->title);
	kv_set_int(a, l, "version", c->version);
	kv_set(a, l, "status", charter_status_code(c->status));
	kv_set_date(a, l, "valid_from", c->valid_from);
	kv_set(a, l, "text", c->text);
	kv_set(a, l, "chair_rule", chair_rule_code(c->chair_rule));
	kv_set(a, l, "quorum_rule", quorum_rule_code(c->quorum_rule));
	kv_set(a, l, "decision_rule", decision_rule_code(c->decision_rule));
	kv_set(a, l, "competence", competence_code(c->competence));
	kv_set_id(a, l, "recommends_to", c->recommends_to_id);
	kv_set_bool(a, l, "economic_to_councils", c->economic_to_councils);
	kv_set(a, l, "min_meetings_per_year",
	       c->min_meetings_per_year
		       ? arena_printf(a, "%d", c->min_meetings_per_year) : "");
	kv_set_id(a, l, "meets_before", c->meets_before_id);
	kv_set_bool(a, l, "psychiatry_first", c->psychiatry_first);

	kv_set_int(a, l, "seat_rows", (long long)(c->n_seats + EMPTY_ROWS));
	for (size_t i = 0; i < c->n_seats; i++) {
		const struct seat_rule *r = &c->seats[i];
		kv_set(a, l, row_name(a, "seat", i, "key"), r->key);
		kv_set(a, l, row_name(a, "seat", i, "label"), r->label);
		kv_set(a, l, row_name(a, "seat", i, "sector"), sector_code(r->sector));
		kv_set(a, l, row_name(a, "seat", i, "org_kind"),
		       org_kind_code(r->org_kind));
		kv_set(a, l, row_name(a, "seat", i, "function"),
		       function_code(r->function));
		kv_set_bool(a, l, row_name(a, "seat", i, "per_municipality"),
			    r->per_municipality);
		kv_set_int(a, l, row_name(a, "seat", i, "min"), r->min);
		kv_set(a, l, row_name(a, "seat", i, "max"),
		       r->max ? arena_printf(a, "%d", r->max) : "");
		kv_set(a, l, row_name(a, "seat", i, "appointed_by_kind"),
		       org_kind_code(r->appointed_by_kind));
		kv_set(a, l, row_name(a, "seat", i, "min_local"),
		       r->min_local ? arena_printf(a, "%d", r->min_local) : "");
	}
	kv_set_int(a, l, "overlap_rows", (long long)(c->n_overlaps + EMPTY_ROWS));
	for (size_t i = 0; i < c->n_overlaps; i++) {
		kv_set_id(a, l, row_name(a, "overlap", i, "body"),
			  c->overlaps[i].other_body_id);
		kv_set_int(a, l, row_name(a, "overlap", i, "min_persons"),
			   c->overlaps[i].min_persons);
	}
}

static void seat_rows(struct form *f, size_t n)
{
	struct arena *a = f->req->arena;
	form_fieldset_begin(f, "Sammensætning (pladser)",
			    "Én række pr. regel for, hvem der skal sidde i "
			    "forummet. Tom sektor, type eller funktion betyder "
			    "»alle«; tomt maks. betyder ingen øvre grænse. En "
			    "række uden nøgle og betegnelse springes over; "
			    "nøglen dannes ud fra betegnelsen, hvis den er tom.");
	form_group_errors(f, "seats", "Sammensætning");
	form_hidden(f, "seat_rows", arena_printf(a, "%zu", n));
	form_html(f, "<div class=\"table-wrap\"><table class=\"list rows-table\">"
		     "<thead><tr><th scope=\"col\">Nøgle</th>"
		     "<th scope=\"col\">Betegnelse</th><th scope=\"col\">Sektor</th>"
		     "<th scope=\"col\">Organisationstype</th>"
		     "<th scope=\"col\">Funktion</th>"
		     "<th scope=\"col\">Pr. kommune</th><th scope=\"col\">Min.</th>"
		     "<th scope=\"col\">Maks.</th>"
		     "<th scope=\"col\">Udpeget af (type)</th>"
		     "<th scope=\"col\">Heraf lokalt udpeget</th>"
		     "<th scope=\"col\">Slet</th></tr></thead><tbody>\n");
	for (size_t r = 0; r < n; r++) {
		size_t no = r + 1;
		form_html(f, "<tr>");
		form_cell_text(f, row_name(a, "seat", r, "key"),
			       arena_printf(a, "Nøgle, plads %zu", no), 0);
		form_cell_text(f, row_name(a, "seat", r, "label"),
			       arena_printf(a, "Betegnelse, plads %zu", no), 0);
		form_cell_enum(f, row_name(a, "seat", r, "sector"),
			       arena_printf(a, "Sektor, plads %zu", no),
			       &enum_sector, "Alle");
		form_cell_enum(f, row_name(a, "seat", r, "org_kind"),
			       arena_printf(a, "Organisationstype, plads %zu", no),
			       &enum_org_kind, "Alle");
		form_cell_enum(f, row_name(a, "seat", r, "function"),
			       arena_printf(a, "Funktion, plads %zu", no),
			       &enum_function, "Alle");
		form_cell_checkbox(f, row_name(a, "seat", r, "per_municipality"),
				   arena_printf(a, "Pr. kommune, plads %zu", no));
		form_cell_text(f, row_name(a, "seat", r, "min"),
			       arena_printf(a, "Min., plads %zu", no), FF_NUMBER);
		form_cell_text(f, row_name(a, "seat", r, "max"),
			       arena_printf(a, "Maks., plads %zu", no), FF_NUMBER);
		form_cell_enum(f, row_name(a, "seat", r, "appointed_by_kind"),
			       arena_printf(a, "Udpeget af, plads %zu", no),
			       &enum_org_kind, "Alle");
		form_cell_text(f, row_name(a, "seat", r, "min_local"),
			       arena_printf(a, "Heraf lokalt udpeget, plads %zu", no),
			       FF_NUMBER);
		form_cell_checkbox(f, row_name(a, "seat", r, "delete"),
				   arena_printf(a, "Slet plads %zu", no));
		form_html(f, "</tr>\n");
	}
	form_html(f, "</tbody></table></div>\n");
	form_fieldset_end(f);
}

static void overlap_rows(struct form *f, size_t n, const struct opts *bodies)
{
	struct arena *a = f->req->arena;
	form_fieldset_begin(f, "Personsammenfald",
			    "Fora, som dette forum skal have personer til "
			    "fælles med. En række uden forum springes over.");
	form_group_errors(f, "overlaps", "Personsammenfald");
	form_hidden(f, "overlap_rows", arena_printf(a, "%zu", n));
	form_html(f, "<div class=\"table-wrap\"><table class=\"list rows-table\">"
		     "<thead><tr>"
		     "<th scope=\"col\">Forum</th>"
		     "<th scope=\"col\">Mindst antal personer</th>"
		     "<th scope=\"col\">Slet</th></tr></thead><tbody>\n");
	for (size_t r = 0; r < n; r++) {
		size_t no = r + 1;
		form_html(f, "<tr>");
		form_cell_select(f, row_name(a, "overlap", r, "body"),
				 arena_printf(a, "Forum, personsammenfald %zu", no),
				 bodies, "Intet forum");
		form_cell_text(f, row_name(a, "overlap", r, "min_persons"),
			       arena_printf(a, "Mindst antal personer, "
					       "personsammenfald %zu", no),
			       FF_NUMBER);
		form_cell_checkbox(f, row_name(a, "overlap", r, "delete"),
				   arena_printf(a, "Slet personsammenfald %zu", no));
		form_html(f, "</tr>\n");
	}
	form_html(f, "</tbody></table></div>\n");
	form_fieldset_end(f);
}

/* The approval history of a charter, read-only, with a link to add a
 * step. */
static void approvals_section(struct request *req, struct response *out,
			      const struct charter *c)
{
	const struct structure *s = web_structure(req);
	html(out, "<section class=\"approvals\"><h2>Godkendelser</h2>");
	if (!c->n_approvals)
		html(out, "<p>Kommissoriet har ingen godkendelsestrin endnu.</p>");
	else {
		html(out, "<div class=\"table-wrap\"><table class=\"list\">"
			  "<thead><tr><th scope=\"col\">Dato</th>"
			  "<th scope=\"col\">Status</th><th scope=\"col\">Af</th>"
			  "<th scope=\"col\">Note</th></tr></thead><tbody>");
		for (size_t i = 0; i < c->n_approvals; i++) {
			const struct approval *ap = &c->approvals[i];
			const struct body *b = structure_body(s, ap->by_body_id);
			html(out, "<tr><td>");
			html_date(out, ap->date);
			html(out, "</td><td>");
			html_txt(out, charter_status_label(ap->status));
			html(out, "</td><td>");
			if (b)
				html_link_body(out, b);
			else
				html_txt(out, ap->by_text ? ap->by_text : "");
			html(out, "</td><td>");
			html_txt(out, ap->note ? ap->note : "");
			html(out, "</td></tr>");
		}
		html(out, "</tbody></table></div>");
	}
	html_printf(out, "<p><a href=\"/charters/%lld/approvals/new\">"
			 "Tilføj godkendelsestrin</a></p></section>\n",
		    (long long)c->id);
}

static void charter_render(struct form *f, struct response *res, int status,
			   const struct body *body, const struct charter *orig)
{
	struct request *req = f->req;
	struct arena *a = req->arena;
	const struct structure *s = web_structure(req);
	struct opts bodies = opts_bodies(a, s, body->id);

	form_revision_field(f);
	form_text(f, "title", "Titel", NULL, FF_REQUIRED);
	form_text(f, "version", "Version", NULL, FF_REQUIRED | FF_NUMBER);
	form_select_enum(f, "status", "Status", NULL, FF_REQUIRED,
			 &enum_charter_status, "Vælg status");
	form_datefield(f, "valid_from", "Gælder fra",
		       "Tom: fra datoen for den endelige godkendelse. Skriv "
		       "ÅÅÅÅ-MM-DD", 0);
	form_textarea(f, "text", "Formål og opgaver",
		      "Almindelig tekst; en tom linje mellem afsnit", 12);

	form_fieldset_begin(f, "Regler", NULL);
	form_select_enum(f, "chair_rule", "Formandskab", NULL, 0,
			 &enum_chair_rule, chair_rule_label(CHAIR_RULE_NONE));
	form_select_enum(f, "quorum_rule", "Beslutningsdygtighed", NULL, 0,
			 &enum_quorum_rule, quorum_rule_label(QUORUM_RULE_NONE));
	form_select_enum(f, "decision_rule", "Beslutningsregel", NULL, 0,
			 &enum_decision_rule,
			 decision_rule_label(DECISION_RULE_NONE));
	form_select_enum(f, "competence", "Kompetence", NULL, 0, &enum_competence,
			 competence_label(COMPETENCE_NONE));
	form_select(f, "recommends_to", "Indstiller til",
		    "Når forummet alene kan indstille: det forum, der "
		    "indstilles til", 0, &bodies, "Intet forum");
	form_checkbox(f, "economic_to_councils",
		      "Beslutninger med økonomiske konsekvenser skal godkendes "
		      "i Regionsrådet og i hvert byråd", NULL);
	form_text(f, "min_meetings_per_year", "Mindst antal møder om året",
		  "Tom: efter behov", FF_NUMBER);
	form_select(f, "meets_before", "Mødes før",
		    "Forummet holder sine møder før dette forums møder", 0,
		    &bodies, "Intet forum");
	form_checkbox(f, "psychiatry_first",
		      "Punkter om psykiatri først på dagsordenen", NULL);
	form_fieldset_end(f);

	seat_rows(f, rows_submitted(f, "seat_rows"));
	overlap_rows(f, rows_submitted(f, "overlap_rows"), &bodies);
	form_text(f, "key", "Nøgle",
		  "Bruges i strukturfiler. Udfyldes automatisk, hvis feltet er "
		  "tomt.", 0);

	struct response after = { .status = 200, .body = BUF_INIT };
	const char *title, *action;
	const char *body_href = arena_printf(a, "/bodies/%lld", (long long)body->id);
	form_crumb(f, "/bodies", "Fora");
	form_crumb(f, body_href, body->name);
	if (orig) {
		title = arena_printf(a, "Rediger kommissorium: %s, version %d",
				     body->name, orig->version);
		action = arena_printf(a, "/charters/%lld", (long long)orig->id);
		approvals_section(req, &after, orig);
	} else {
		title = arena_printf(a, "Nyt kommissorium for %s", body->name);
		action = arena_printf(a, "/bodies/%lld/charters", (long long)body->id);
	}
	form_page(f, res, status, title, NULL, action, "Gem", body_href, &after);
	buf_free(&after.body);
}

/* The newest version of a body's charter, or NULL. */
static const struct charter *latest_charter(const struct structure *s,
					    int64_t body_id)
{
	const struct charter *best = NULL;
	for (size_t i = 0; i < s->n_charters; i++)
		if (s->charters[i].body_id == body_id &&
		    (!best || s->charters[i].version > best->version))
			best = &s->charters[i];
	return best;
}

struct seat_keys {
	struct seat_rule *seats;
	size_t n;
	struct form *f;
	size_t rows;
};

/* A key made from a seat's label must not clash with a key kept so far
 * or typed in any row. */
static bool seat_key_taken(void *ctx, const char *key)
{
	struct seat_keys *k = ctx;
	for (size_t i = 0; i < k->n; i++)
		if (strcmp(k->seats[i].key, key) == 0)
			return true;
	struct arena *a = k->f->req->arena;
	for (size_t r = 0; r < k->rows; r++)
		if (strcmp(form_raw(k->f, row_name(a, "seat", r, "key")), key) == 0)
			return true;
	return false;
}

/* Reads the seat rows of the form into c->seats. */
static void parse_seats(struct form *f, struct charter *c)
{
	struct arena *a = f->req->arena;
	size_t rows = rows_submitted(f, "seat_rows");
	struct seat_keys k = { arena_array(a, rows ? rows : 1, sizeof(*k.seats)),
			       0, f, rows };
	for (size_t r = 0; r < rows; r++) {
		const char *key = form_str(f, row_name(a, "seat", r, "key"));
		const char *label = form_str(f, row_name(a, "seat", r, "label"));
		if (form_bool(f, row_name(a, "seat", r, "delete")) ||
		    (!*key && !*label))
			continue;
		struct seat_rule *sr = &k.seats[k.n];
		memset(sr, 0, sizeof(*sr));
		sr->label = label;
		sr->sector = (enum sector)form_enum(
			f, row_name(a, "seat", r, "sector"), &enum_sector);
		sr->org_kind = (enum org_kind)form_enum(
			f, row_name(a, "seat", r, "org_kind"), &enum_org_kind);
		sr->function = (enum function)form_enum(
			f, row_name(a, "seat", r, "function"), &enum_function);
		sr->per_municipality =
			form_bool(f, row_name(a, "seat", r, "per_municipality"));
		sr->min = form_int(f, row_name(a, "seat", r, "min"));
		sr->max = form_int(f, row_name(a, "seat", r, "max"));
		sr->appointed_by_kind = (enum org_kind)form_enum(
			f, row_name(a, "seat", r, "appointed_by_kind"),
			&enum_org_kind);
		sr->min_local = form_int(f, row_name(a, "seat", r, "min_local"));
		if (!*key) {
			const char *made = key_from_name(a, label, seat_key_taken, &k);
			key = made ? made : "";
		}
		sr->key = key;
		form_add_map(f, arena_printf(a, "seats[%zu]", k.n),
			     arena_printf(a, "seat-%zu", r), "key");
		k.n++;
	}
	c->seats = k.seats;
	c->n_seats = k.n;
}

static void parse_overlaps(struct form *f, struct charter *c)
{
	struct arena *a = f->req->arena;
	size_t rows = rows_submitted(f, "overlap_rows");
	struct overlap_rule *o = arena_array(a, rows ? rows : 1, sizeof(*o));
	size_t n = 0;
	for (size_t r = 0; r < rows; r++) {
		const char *body = row_name(a, "overlap", r, "body");
		const char *min = row_name(a, "overlap", r, "min_persons");
		if (form_bool(f, row_name(a, "overlap", r, "delete")))
			continue;
		if (!*form_str(f, body)) {
			/* A number without a forum would vanish silently. */
			if (*form_str(f, min))
				field_errors_add(a, &f->errs, body, "%s",
						 "Vælg et forum");
			continue;
		}
		memset(&o[n], 0, sizeof(o[n]));
		o[n].other_body_id = form_ref(f, body);
		o[n].min_persons = form_int(f, min);
		form_add_map(f, arena_printf(a, "overlaps[%zu]", n),
			     arena_printf(a, "overlap-%zu", r), "body");
		n++;
	}
	c->overlaps = o;
	c->n_overlaps = n;
}

static void charter_save(struct request *req, struct response *res,
			 const struct body *body, const struct charter *orig)
{
	struct arena *a = req->arena;
	const struct structure *s = web_structure(req);
	struct form f;
	form_init_post(&f, req);
	struct charter c = orig ? *orig : (struct charter){ 0 };
	c.revision = orig ? form_revision(&f) : 0;
	c.body_id = body->id;
	c.title = form_str(&f, "title");
	c.version = form_int(&f, "version");
	c.status = (enum charter_status)form_enum(&f, "status", &enum_charter_status);
	c.valid_from = form_date(&f, "valid_from");
	c.text = form_str(&f, "text");
	c.chair_rule = (enum chair_rule)form_enum(&f, "chair_rule", &enum_chair_rule);
	c.quorum_rule = (enum quorum_rule)form_enum(&f, "quorum_rule",
						    &enum_quorum_rule);
	c.decision_rule = (enum decision_rule)form_enum(&f, "decision_rule",
							&enum_decision_rule);
	c.competence = (enum competence)form_enum(&f, "competence", &enum_competence);
	c.recommends_to_id = form_ref(&f, "recommends_to");
	c.economic_to_councils = form_bool(&f, "economic_to_councils");
	c.min_meetings_per_year = form_int(&f, "min_meetings_per_year");
	c.meets_before_id = form_ref(&f, "meets_before");
	c.psychiatry_first = form_bool(&f, "psychiatry_first");
	parse_seats(&f, &c);
	parse_overlaps(&f, &c);
	form_parsed(&f);
	/* A new version keeps no approvals: it has not been through any. */
	if (!orig) {
		c.approvals = NULL;
		c.n_approvals = 0;
	}
	c.key = form_key(&f, s, STORE_CHARTER, c.id, form_str(&f, "key"),
			 arena_printf(a, "%s-v%d", body->key, c.version));

	validate_charter(a, s, &c, &f.errs);
	if (form_has_errors(&f)) {
		charter_render(&f, res, 422, body, orig);
		goto out;
	}
	if (!web_authorize_save(req, res, ACCESS_KIND_CHARTER, orig, &c))
		goto out;
	struct err err = { 0 };
	if (store_charter_save(req->app->store, &c, &err) != 0) {
		int status = form_store_error(&f, &err);
		if (orig && form_is_stale(&err)) {
			/* Someone saved in between: show their values. */
			int64_t id = orig->id, body_id = body->id;
			s = form_reload(req);
			orig = structure_charter(s, id);
			body = structure_body(s, orig ? orig->body_id : body_id);
			if (!orig || !body) {
				page_error(req, res, 404,
					   "Kommissoriet findes ikke længere.");
				goto out;
			}
			struct kvlist *theirs = arena_alloc(req->arena, sizeof(*theirs));
			charter_values(req, orig, theirs);
			form_stale(&f, theirs, orig->revision);
		}
		charter_render(&f, res, status, body, orig);
		goto out;
	}
	web_structure_invalidate(req->app);
	form_redirect(req, res, "/bodies", body->id);
out:
	form_free(&f);
}

static const struct charter *charter_param(struct request *req,
					   struct response *res,
					   const struct body **body)
{
	const struct structure *s = web_structure(req);
	const struct charter *c = structure_charter(s, req_param_id(req, 0));
	*body = c ? structure_body(s, c->body_id) : NULL;
	if (!c || !*body) {
		page_error(req, res, 404, "Kommissoriet findes ikke.");
		return NULL;
	}
	return c;
}

/* GET /bodies/:id/charters/new: the latest version copied as version+1,
 * a draft without approvals; or an empty first version. */
void form_charter_new(struct request *req, struct response *res)
{
	const struct body *b = form_body_param(req, res);
	if (!b)
		return;
	struct arena *a = req->arena;
	const struct charter *latest = latest_charter(web_structure(req), b->id);
	struct charter c = latest ? *latest : (struct charter){ 0 };
	c.id = 0;
	c.key = "";
	c.version = latest ? latest->version + 1 : 1;
	c.status = CHARTER_DRAFT;
	c.valid_from = 0;
	c.approvals = NULL;
	c.n_approvals = 0;
	if (!latest)
		c.title = arena_printf(a, "Kommissorium for %s", b->name);
	c.body_id = b->id;
	if (!web_authorize_save(req, res, ACCESS_KIND_CHARTER, NULL, &c))
		return;
	struct kvlist l = { 0 };
	charter_values(req, &c, &l);
	struct form f;
	form_init_values(&f, req, &l);
	charter_render(&f, res, 200, b, NULL);
	form_free(&f);
}

void form_charter_create(struct request *req, struct response *res)
{
	const struct body *b = form_body_param(req, res);
	if (b)
		charter_save(req, res, b, NULL);
}

void form_charter_edit(struct request *req, struct response *res)
{
	const struct body *b;
	/* The one page that shows a draft's text in full: whoever sees the
	 * charter (it is in their view, else 404) may read it here; saving
	 * it is refused at the POST unless they may edit the body. */
	const struct charter *c = charter_param(req, res, &b);
	if (!c)
		return;
	struct kvlist l = { 0 };
	charter_values(req, c, &l);
	struct form f;
	form_init_values(&f, req, &l);
	charter_render(&f, res, 200, b, c);
	form_free(&f);
}

void form_charter_update(struct request *req, struct response *res)
{
	const struct body *b;
	const struct charter *c = charter_param(req, res, &b);
	if (c)
		charter_save(req, res, b, c);
}

/* ---- approval steps ----------------------------------------------------- */

static void approval_render(struct form *f, struct response *res, int status,
			    const struct body *body, const struct charter *c)
{
	struct request *req = f->req;
	struct arena *a = req->arena;
	struct opts bodies = opts_bodies(a, web_structure(req), 0);
	struct opts statuses = { 0 };
	opts_add(a, &statuses, charter_status_code(CHARTER_PRE_APPROVED),
		 charter_status_label(CHARTER_PRE_APPROVED), NULL);
	opts_add(a, &statuses, charter_status_code(CHARTER_APPROVED),
		 charter_status_label(CHARTER_APPROVED), NULL);

	/* The validator checks the whole history ("approvals"). */
	form_group_errors(f, "approvals", "Godkendelsestrin");
	form_select(f, "status", "Opnået status",
		    "Kommissoriet får denne status, når trinnet gemmes",
		    FF_REQUIRED, &statuses, "Vælg status");
	form_select(f, "by_body", "Godkendt af (forum)", NULL, 0, &bodies,
		    "Intet forum (se tekst)");
	form_text(f, "by_text", "Godkendt af (tekst)",
		  "Når det ikke er et forum, fx »Formandskabet«", 0);
	form_datefield(f, "date", "Dato", NULL, FF_REQUIRED);
	form_textarea(f, "note", "Note", NULL, 3);

	form_crumb(f, "/bodies", "Fora");
	form_crumb(f, arena_printf(a, "/bodies/%lld", (long long)body->id),
		   body->name);
	form_crumb(f, arena_printf(a, "/charters/%lld/edit", (long long)c->id),
		   arena_printf(a, "Kommissorium, version %d", c->version));
	const char *intro = arena_printf(
		a, "Kommissorium »%s«, version %d, har nu status %s.", c->title,
		c->version, charter_status_label(c->status));
	form_page(f, res, status,
		  arena_printf(a, "Nyt godkendelsestrin: %s, version %d",
			       body->name, c->version),
		  intro,
		  arena_printf(a, "/charters/%lld/approvals", (long long)c->id),
		  "Gem", arena_printf(a, "/charters/%lld/edit", (long long)c->id),
		  NULL);
}

void form_approval_new(struct request *req, struct response *res)
{
	const struct body *b;
	const struct charter *c = charter_param(req, res, &b);
	if (!c)
		return;
	struct arena *a = req->arena;
	/* Shown to whoever may record a step: the charter with one more. */
	struct charter stepped = *c;
	stepped.approvals = arena_array(a, c->n_approvals + 1, sizeof(*c->approvals));
	if (c->n_approvals)
		memcpy(stepped.approvals, c->approvals,
		       c->n_approvals * sizeof(*c->approvals));
	stepped.approvals[c->n_approvals] = (struct approval){
		.status = CHARTER_APPROVED, .date = date_today() };
	stepped.n_approvals = c->n_approvals + 1;
	if (!web_authorize_save(req, res, ACCESS_KIND_CHARTER, c, &stepped))
		return;
	struct kvlist l = { 0 };
	kv_set(a, &l, "status",
	       charter_status_code(c->status == CHARTER_DRAFT ? CHARTER_PRE_APPROVED
							      : CHARTER_APPROVED));
	kv_set_date(a, &l, "date", date_today());
	struct form f;
	form_init_values(&f, req, &l);
	approval_render(&f, res, 200, b, c);
	form_free(&f);
}

/* POST /charters/:id/approvals: appends the step (in date order) and
 * gives the charter the status the step reached. */
void form_approval_create(struct request *req, struct response *res)
{
	const struct body *b;
	const struct charter *orig = charter_param(req, res, &b);
	if (!orig)
		return;
	struct arena *a = req->arena;
	const struct structure *s = web_structure(req);
	struct form f;
	form_init_post(&f, req);

	struct approval ap = { 0 };
	const char *st = form_str(&f, "status");
	if (strcmp(st, charter_status_code(CHARTER_PRE_APPROVED)) == 0)
		ap.status = CHARTER_PRE_APPROVED;
	else if (strcmp(st, charter_status_code(CHARTER_APPROVED)) == 0)
		ap.status = CHARTER_APPROVED;
	else
		field_errors_add(a, &f.errs, "status", "%s",
				 *st ? "Ugyldigt valg"
				     : "Vælg den status, godkendelsen gav");
	ap.by_body_id = form_ref(&f, "by_body");
	ap.by_text = form_str(&f, "by_text");
	ap.date = form_date(&f, "date");
	ap.note = form_str(&f, "note");
	form_parsed(&f);

	struct charter c = *orig;
	c.approvals = arena_array(a, orig->n_approvals + 1, sizeof(*c.approvals));
	size_t at = orig->n_approvals;
	for (size_t i = 0; i < orig->n_approvals; i++)
		if (ap.date && orig->approvals[i].date > ap.date) {
			at = i;
			break;
		}
	/* memcpy from NULL is undefined even for 0 bytes: a charter
	 * without approvals has approvals == NULL. */
	if (at)
		memcpy(c.approvals, orig->approvals, at * sizeof(*c.approvals));
	c.approvals[at] = ap;
	if (orig->n_approvals > at)
		memcpy(c.approvals + at + 1, orig->approvals + at,
		       (orig->n_approvals - at) * sizeof(*c.approvals));
	c.n_approvals = orig->n_approvals + 1;
	if (ap.status)
		c.status = ap.status;
	form_add_map(&f, arena_printf(a, "approvals[%zu]", at), "", "status");

	/* The validator speaks of the whole history ("Godkendelse nr. 3
	 * mangler en gyldig dato"): when the step itself could not be read,
	 * the parse messages at its fields say it better. */
	if (!form_has_errors(&f))
		validate_charter(a, s, &c, &f.errs);
	if (form_has_errors(&f)) {
		approval_render(&f, res, 422, b, orig);
		goto out;
	}
	if (!web_authorize_save(req, res, ACCESS_KIND_CHARTER, orig, &c))
		goto out;
	struct err err = { 0 };
	if (store_charter_save(req->app->store, &c, &err) != 0) {
		approval_render(&f, res, form_store_error(&f, &err), b, orig);
		goto out;
	}
	web_structure_invalidate(req->app);
	form_redirect(req, res, "/bodies", b->id);
out:
	form_free(&f);
}
