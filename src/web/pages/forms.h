/*
 * forms.h - shared machinery of the create/edit forms (pages/forms.c,
 * pages/form_*.c). Internal to the web layer's form pages.
 *
 * A form is rendered from a list of *string* values (struct kv), never
 * from the parsed object: on GET the values are formatted from the
 * object, after a failed POST they are exactly what the user sent. So a
 * bad submit loses nothing, not even an unparsable date or a seat row
 * marked for deletion.
 *
 * Errors come from two places: form-level parsing in the handler ("not a
 * number", "not a date") and the core validators (core/validate.h). Both
 * go into one struct field_errors. Validator field names ("start",
 * "seats[2].key", "person_id") are mapped to form control names
 * ("start", "seat-4-key", "person") before rendering; an error that maps
 * to no control is still listed in the summary at the top.
 *
 * The controls are rendered into a scratch response first, so the error
 * summary (which must come first on the page) can link to exactly the
 * controls that were rendered.
 */
#ifndef KLYNGE_FORMS_H
#define KLYNGE_FORMS_H

#include <stdbool.h>
#include <stdint.h>

#include "../../core/validate.h"
#include "../../util/err.h"
#include "../html.h"
#include "../web.h"

/* ---- enums as data --------------------------------------------------- */

struct enum_desc {
	int (*count)(void);
	const char *(*code)(int v);
	const char *(*label)(int v);
};

extern const struct enum_desc enum_sector, enum_org_kind, enum_body_kind,
	enum_role, enum_function, enum_charter_status, enum_chair_rule,
	enum_quorum_rule, enum_decision_rule, enum_competence;

/* ---- options for reference selects ----------------------------------
 * Sorted with da_strcmp (pages.h), so a list reads in the same order as
 * on the pages.
 */

struct opt {
	const char *value;	/* id as text, or a code */
	const char *label;
	const char *group;	/* optgroup label; NULL = none */
};

struct opts {
	struct opt *items;
	size_t n, cap;
};

void opts_add(struct arena *a, struct opts *o, const char *value,
	      const char *label, const char *group);
/* Organisations sorted by name, labelled "Name (Kind)"; kind filters when
 * not ORG_NONE. */
struct opts opts_orgs(struct arena *a, const struct structure *s,
		      enum org_kind kind);
/* Bodies grouped by region and area, by name within a group; except_id
 * is left out (a body cannot report to itself). */
struct opts opts_bodies(struct arena *a, const struct structure *s,
			int64_t except_id);
/* People sorted by name, labelled "Name, Title (Org)". */
struct opts opts_people(struct arena *a, const struct structure *s);
/* Areas (clusters) grouped by region. */
struct opts opts_areas(struct arena *a, const struct structure *s);


/* ---- values ------------------------------------------------------------ */

struct kvlist {
	struct kv *items;
	size_t n, cap;
};

void kv_set(struct arena *a, struct kvlist *l, const char *key,
	    const char *value);
void kv_set_int(struct arena *a, struct kvlist *l, const char *key, long long v);
/* 0 becomes "" (no reference / no number). */
void kv_set_id(struct arena *a, struct kvlist *l, const char *key, int64_t id);
void kv_set_date(struct arena *a, struct kvlist *l, const char *key, int date);
void kv_set_bool(struct arena *a, struct kvlist *l, const char *key, bool v);

/* ---- the form ------------------------------------------------------------ */

struct form_ctl {
	const char *name;	/* control name as submitted */
	const char *id;		/* element id */
	const char *label;	/* for the summary link */
};

/* Maps a validator's list element ("seats[3]") to a row prefix
 * ("seat-5"; "" for a single object edited on its own form). */
struct form_map {
	const char *from;
	const char *to;
	const char *dflt;
};

struct form {
	struct request *req;
	const struct kv *vals;
	size_t n_vals;
	struct field_errors errs;
	size_t n_parse_errs;	/* errs[0..n) came from form parsing */
	bool prepared;		/* norm/shown/hidden computed */
	const char **norm;	/* control name each error maps to */
	const char **shown;	/* id of the control error i was shown at */
	bool *hidden;		/* a parse error of the same control wins */
	struct form_ctl *ctls;
	size_t n_ctls, cap_ctls;
	struct form_map *maps;
	size_t n_maps, cap_maps;
	const char *general;	/* a store error (conflict...), Danish */
	/* After a stale save: the values as someone else stored them;
	 * each control whose submitted value differs shows "Gemt af en
	 * anden: ..." (form_stale). NULL otherwise. */
	const struct kvlist *theirs;
	const char *hide_field;	/* validator errors here are not shown */
	struct { const char *href, *label; } crumbs[4];	/* trail above h1 */
	size_t n_crumbs;
	struct response scratch;	/* controls, rendered before the summary */
};

/* Adds a link to the breadcrumb trail above the heading (href and
 * label are escaped when written; at most four). */
void form_crumb(struct form *f, const char *href, const char *label);

/* Values: from the submitted request (after a POST) or a list. */
void form_init_post(struct form *f, struct request *req);
void form_init_values(struct form *f, struct request *req,
		      const struct kvlist *vals);
void form_free(struct form *f);

/* The raw value of a control, "" when absent. */
const char *form_raw(const struct form *f, const char *name);
/* Trimmed copy (arena). */
const char *form_str(struct form *f, const char *name);
bool form_bool(const struct form *f, const char *name);
/* Parsers: on bad input they add a Danish error under `name` and return
 * 0. Empty input is 0 (none) without an error. */
int form_int(struct form *f, const char *name);
int64_t form_ref(struct form *f, const char *name);
int form_enum(struct form *f, const char *name, const struct enum_desc *d);
int form_date(struct form *f, const char *name);
/* Accepts "YYYY-MM-DD" and the Danish "D.M.YYYY" / "D-M-YYYY" (what a
 * browser without a date picker gets typed). 0 on success. */
int form_parse_date(const char *s, int *out);

/* Call once parsing is done, before running a validator: errors added
 * after this point are the validator's. */
void form_parsed(struct form *f);
/* dflt: the row control an error about the whole element goes to. */
void form_add_map(struct form *f, const char *from, const char *to,
		  const char *dflt);
bool form_has_errors(const struct form *f);
/* Sets a store error (shown in the summary); returns the HTTP status for
 * it (409, 404, 422, 500). */
int form_store_error(struct form *f, const struct err *err);
/* The HTTP status for a store error (409 conflict, 404, 422, 500). */
int form_err_status(const struct err *err);
/* The store's Danish message (arena copy), or a general one. */
const char *form_err_msg(struct request *req, const struct err *err);

/* ---- concurrent edits ------------------------------------------------
 * An edit form carries the object's revision in a hidden "revision"
 * field (form_revision_field), and the save passes it to the store
 * (form_revision), which refuses it when someone else saved in between
 * (ERR_CONFLICT "stale"). The form is then shown again with 409, the
 * user's own text kept, the store's message at the top, the other
 * person's values next to each control that differs, and the current
 * revision, so that saving again goes through.
 */
/* The submitted revision; 0 (unconditional) when absent or not a
 * number. */
int64_t form_revision(struct form *f);
/* The hidden "revision" control (nothing when the value is empty). */
void form_revision_field(struct form *f);
/* Was the store's refusal a stale revision? */
bool form_is_stale(const struct err *err);
/* Drops the request's structure and loads the current one (after a
 * stale save): pointers into the old one must not be used after this. */
const struct structure *form_reload(struct request *req);
/* Shows theirs (the stored object's values) next to the controls and
 * sets the hidden revision to the stored one. */
void form_stale(struct form *f, const struct kvlist *theirs, int64_t revision);

/* ---- controls (written into f->scratch) ---------------------------- */

/* Field flags. */
#define FF_REQUIRED 1u		/* label says it must be filled in */
#define FF_EMAIL 2u		/* type=email */
#define FF_NUMBER 4u		/* inputmode=numeric, short */

void form_text(struct form *f, const char *name, const char *label,
	       const char *hint, unsigned flags);
void form_textarea(struct form *f, const char *name, const char *label,
		   const char *hint, int rows);
void form_datefield(struct form *f, const char *name, const char *label,
		    const char *hint, unsigned flags);
void form_checkbox(struct form *f, const char *name, const char *label,
		   const char *hint);
/* empty_label: text of the "" option, NULL for no empty option. */
void form_select(struct form *f, const char *name, const char *label,
		 const char *hint, unsigned flags, const struct opts *o,
		 const char *empty_label);
void form_select_enum(struct form *f, const char *name, const char *label,
		      const char *hint, unsigned flags,
		      const struct enum_desc *d, const char *empty_label);
void form_hidden(struct form *f, const char *name, const char *value);
void form_fieldset_begin(struct form *f, const char *legend,
			 const char *hint);
void form_fieldset_end(struct form *f);
/* An anchor for errors about a whole group ("seats": the validator's
 * messages about seat rules), with the messages; label names it in the
 * summary. */
void form_group_errors(struct form *f, const char *name, const char *label);
/* Raw trusted markup into the scratch body. */
void form_html(struct form *f, const char *markup);

/* Table cells for row-based parts (seat rules, overlaps): the control
 * is labelled by aria-label; its error is shown in the cell. */
void form_cell_text(struct form *f, const char *name, const char *aria,
		    unsigned flags);
void form_cell_select(struct form *f, const char *name, const char *aria,
		      const struct opts *o, const char *empty_label);
void form_cell_enum(struct form *f, const char *name, const char *aria,
		    const struct enum_desc *d, const char *empty_label);
void form_cell_checkbox(struct form *f, const char *name, const char *aria);

/*
 * Writes the whole page: frame, heading, error summary, the <form>
 * (csrf, the scratch controls, submit button and cancel link), then
 * `after` (trusted markup rendered by the caller, e.g. a delete form;
 * may be NULL). status is set on res.
 */
void form_page(struct form *f, struct response *res, int status,
	       const char *title, const char *intro, const char *action,
	       const char *submit, const char *cancel_href,
	       const struct response *after);

/* A small POST form with one button (delete) and a line explaining it,
 * written into out (a scratch response). */
void form_button_post(struct request *req, struct response *out,
		      const char *action, const char *heading,
		      const char *explain, const char *button);

/* Key for a new object: the typed key, else one made from the name
 * that no other object of the kind uses. */
const char *form_key(struct form *f, const struct structure *s,
		     enum store_kind kind, int64_t self_id, const char *typed,
		     const char *name);

/* The body of the URL's first :id, or NULL after writing a 404 page. */
const struct body *form_body_param(struct request *req, struct response *res);

/* 303 to "prefix/id" ("/bodies/12"), or to prefix when id is 0. */
void form_redirect(struct request *req, struct response *res,
		   const char *prefix, int64_t id);

/* Handlers (form_*.c). */
void form_org_new(struct request *req, struct response *res);
void form_org_create(struct request *req, struct response *res);
void form_org_edit(struct request *req, struct response *res);
void form_org_update(struct request *req, struct response *res);
void form_org_delete(struct request *req, struct response *res);
void form_body_new(struct request *req, struct response *res);
void form_body_create(struct request *req, struct response *res);
void form_body_edit(struct request *req, struct response *res);
void form_body_update(struct request *req, struct response *res);
void form_body_delete(struct request *req, struct response *res);
void form_person_new(struct request *req, struct response *res);
void form_person_create(struct request *req, struct response *res);
void form_person_edit(struct request *req, struct response *res);
void form_person_update(struct request *req, struct response *res);
void form_person_delete(struct request *req, struct response *res);
void form_membership_new(struct request *req, struct response *res);
void form_membership_create(struct request *req, struct response *res);
void form_membership_edit(struct request *req, struct response *res);
void form_membership_update(struct request *req, struct response *res);
void form_membership_delete(struct request *req, struct response *res);
void form_charter_new(struct request *req, struct response *res);
void form_charter_create(struct request *req, struct response *res);
void form_charter_edit(struct request *req, struct response *res);
void form_charter_update(struct request *req, struct response *res);
void form_approval_new(struct request *req, struct response *res);
void form_approval_create(struct request *req, struct response *res);

#endif
