/*
 * cases.h - the casework pages' shared pieces (pages/cases*.c, issue 5):
 * internal to the web layer.
 *
 *   cases.c        route table; the case list, the case page with its
 *                  flow, step buttons, lead times and implementation
 *                  plan; the "Sager" line of the item page
 *   cases_forms.c  new case (with a flow preview), step changes,
 *                  follow-up actions and their notes, flow templates
 *   cases_views.c  overdue lists (/followup and the body and cluster
 *                  sections), lead times with their chart, knowledge
 *                  sharing (initiatives), the health agreement
 *
 * Casework is read by everyone (core/casework.h); every write is a CSRF
 * POST form whose permission comes from the access_* functions of
 * core/casework.h through web_authorize_case (authorize.c). Agenda items
 * linked to a case are shown only through access_meeting_view.
 */
#ifndef KLYNGE_PAGES_CASES_H
#define KLYNGE_PAGES_CASES_H

#include "../../core/casework.h"
#include "../html.h"
#include "../web.h"

/* A request's casework: loaded once (store_casework_load), with the
 * structures and today. */
struct cw {
	struct casework all;
	const struct structure *s;	/* web_structure(req): display */
	const struct structure *full;	/* web_structure_full(req): rules */
	int today;
};

/* Loads it; false after writing the 500 page. */
bool cw_load(struct request *req, struct response *res, struct cw *cw);

const struct case_file *cw_case(const struct cw *cw, int64_t id);
const struct flow_template *cw_template(const struct cw *cw, int64_t id);
const struct initiative *cw_initiative(const struct cw *cw, int64_t id);
const struct agreement_item *cw_agreement_item(const struct cw *cw, int64_t id);
const struct followup_action *cw_action(const struct cw *cw, int64_t id);
/* The health agreements' focus areas as select options, grouped
 * "Sundhedsaftalen 2024-2027 (Region Syddanmark)": two regions'
 * agreements may share their title and focus areas' titles. */
struct opts cw_focus_opts(struct request *req, const struct cw *cw);

/* Badges and labels. */
void cw_state_badge(struct response *res, enum case_state st);
void cw_step_status_badge(struct response *res, enum step_status st);
void cw_action_status_badge(struct response *res, enum action_status st);
/* "19.9.2022" (or "–"). */
void cw_date_short(struct response *res, int d);
/* Who does a step: the body's name linked, or the council ("Regionsråd:
 * Region Syddanmark"). */
void cw_step_who(struct request *req, struct response *res,
		 const struct cw *cw, const struct case_step *st);
const char *cw_step_who_text(struct request *req, const struct cw *cw,
			     const struct case_step *st);
/* A case link "22/17744 Title". */
void cw_case_link(struct response *res, const struct case_file *c);
/* The count of a case's overdue steps on cw->today. */
size_t cw_overdue_steps(const struct cw *cw, const struct case_file *c);
/* Is any of the case's lead times late? */
bool cw_case_late(struct request *req, const struct cw *cw,
		  const struct case_file *c);
/* The cluster of a case (its origin body's), 0 when region-wide. */
int64_t cw_case_area(const struct cw *cw, const struct case_file *c);

/* The follow-up table: its head, then one row per action (what,
 * responsible, due, status; with its status and note forms for those
 * who may edit it; with_case: the case named under "what"). The caller
 * closes it with "</tbody></table></div>". */
void cases_actions_head(struct response *res);
void cases_action_row(struct request *req, struct response *res,
		      const struct cw *cw, const struct followup_action *fa,
		      bool with_case);

/* The case page (after a refused step change: status and error; after
 * a decision: a notice). */
void cases_case_page(struct request *req, struct response *res,
		     struct cw *cw, const struct case_file *c, int status,
		     const char *error, const char *notice);

/* A POST form with one button (and hidden fields name=value). */
void cw_post_button(struct request *req, struct response *res,
		    const char *action, const char *name, const char *value,
		    const char *label, const char *cls);

/* Sections on other pages (one call each). */
void cases_body_section(struct request *req, struct response *res,
			const struct body *b);
void cases_area_section(struct request *req, struct response *res,
			const struct area *ar);
void cases_item_line(struct request *req, struct response *res,
		     int64_t item_id);

/* Handlers. */
void cases_list(struct request *req, struct response *res);
void cases_show(struct request *req, struct response *res);
void cases_new(struct request *req, struct response *res);
void cases_create(struct request *req, struct response *res);
void cases_step_post(struct request *req, struct response *res);
void cases_action_create(struct request *req, struct response *res);
void cases_action_post(struct request *req, struct response *res);
void cases_action_note(struct request *req, struct response *res);
void cases_followup(struct request *req, struct response *res);
void cases_leadtimes(struct request *req, struct response *res);
void cases_initiatives(struct request *req, struct response *res);
void cases_initiative_new(struct request *req, struct response *res);
void cases_initiative_create(struct request *req, struct response *res);
void cases_initiative_show(struct request *req, struct response *res);
void cases_initiative_comment(struct request *req, struct response *res);
void cases_initiative_file(struct request *req, struct response *res);
void cases_initiative_adopt(struct request *req, struct response *res);
void cases_agreement(struct request *req, struct response *res);
void cases_focus_area(struct request *req, struct response *res);
void cases_templates(struct request *req, struct response *res);
void cases_template_show(struct request *req, struct response *res);
void cases_template_edit(struct request *req, struct response *res);
void cases_template_update(struct request *req, struct response *res);

#endif
