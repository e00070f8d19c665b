/*
 * casework.h - cases [sager] that flow between bodies, their follow-up,
 * lead times, shared initiatives and the health agreement, as plain data;
 * and the rules about them (pure C, no I/O): generating a flow from a
 * template, competence (who may decide, who may only recommend),
 * economic routing to the councils, lead times, overdue lists.
 *
 * Seed 001, item 2: cases travel between levels - (a) SSU decides, the
 * strategic steering group prepares, every cluster's professional-
 * strategic level implements, implementation groups carry it out; (b) a
 * local initiative in one cluster scaled to the others; (c) a case that
 * starts at a cluster's professional-strategic level - with "time
 * perspectives", because "det er vigtigt at have for øje, at vi ikke får
 * lavet et system, hvor der går for lang tid, før indsatserne bliver
 * implementeret".
 *
 * Like meetings, casework is not part of `struct structure`: the store
 * loads it on demand (store.h, "casework"). A `struct casework` holds a
 * whole region's worth (hundreds of cases, not millions) for the pages
 * that look across clusters.
 *
 * Dates are int YYYYMMDD (util/date.h); 0 = none. Strings are never NULL
 * in loaded objects ("" when empty).
 */
#ifndef KLYNGE_CASEWORK_H
#define KLYNGE_CASEWORK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "meeting.h"
#include "model.h"
#include "access.h"
#include "rules.h"
#include "../util/arena.h"

/* ---- enums (codes and Danish labels in casework.c, model.h style) --- */

/* What a body does with a case at one step of its flow. */
enum step_action {
	STEP_ACTION_NONE = 0,
	STEP_PREPARE,		/* "prepare" - Forberede */
	STEP_DISCUSS,		/* "discuss" - Drøfte */
	STEP_RECOMMEND,		/* "recommend" - Indstille */
	STEP_DECIDE,		/* "decide" - Beslutte */
	STEP_IMPLEMENT,		/* "implement" - Implementere */
	STEP_INFORM,		/* "inform" - Orientere */
	STEP_APPROVE_COUNCIL,	/* "approve_council" - Godkendelse i regionsråd/byråd */
	STEP_ACTION__COUNT
};

enum step_status {
	STEP_STATUS_NONE = 0,
	STEP_PENDING,		/* "pending" - Afventer */
	STEP_STARTED,		/* "started" - I gang */
	STEP_DONE,		/* "done" - Afsluttet */
	STEP_SKIPPED,		/* "skipped" - Udgået */
	STEP_STATUS__COUNT
};

/* A case's state, derived from its steps (case_state), never stored. */
enum case_state {
	CASE_STATE_NONE = 0,
	CASE_OPEN,		/* "open" - Under behandling */
	CASE_AWAITING_COUNCILS,	/* "awaiting_councils" - Afventer regionsråd og byråd */
	CASE_DECIDED,		/* "decided" - Besluttet */
	CASE_IMPLEMENTING,	/* "implementing" - Under implementering */
	CASE_CLOSED,		/* "closed" - Afsluttet */
	CASE_STATE__COUNT
};

enum action_status {
	ACTION_STATUS_NONE = 0,
	ACTION_OPEN,		/* "open" - Ikke startet */
	ACTION_IN_PROGRESS,	/* "in_progress" - I gang */
	ACTION_DONE,		/* "done" - Udført */
	ACTION_CANCELLED,	/* "cancelled" - Annulleret */
	ACTION_STATUS__COUNT
};

/* Which bodies a template step goes to (see struct flow_template_step). */
enum step_target {
	TARGET_NONE = 0,
	TARGET_BODY,		/* "body" - one named body (target_body_id) */
	TARGET_ORIGIN,		/* "origin" - the case's origin body */
	TARGET_ORIGIN_PARENT,	/* "origin_parent" - the origin body's parent */
	TARGET_KIND_ALL,	/* "kind_all" - every body of target_kind in the region */
	TARGET_KIND_OTHERS,	/* "kind_others" - every body of target_kind in the
				   region outside the origin's cluster */
	TARGET_KIND_ORIGIN_AREA, /* "kind_origin_area" - the body/bodies of
				   target_kind in the origin's cluster */
	TARGET_CHILDREN,	/* "children" - bodies of target_kind whose parent
				   is a body of the previous step (e.g. each
				   strategic level's implementation groups) */
	TARGET__COUNT
};

MODEL_ENUM_DECL(step_action, enum step_action)
MODEL_ENUM_DECL(step_status, enum step_status)
MODEL_ENUM_DECL(case_state, enum case_state)
MODEL_ENUM_DECL(action_status, enum action_status)
MODEL_ENUM_DECL(step_target, enum step_target)

/* ---- the health agreement [sundhedsaftale] (seed 003) ---------------- */

enum agreement_part {
	AGREEMENT_PART_NONE = 0,
	AGREEMENT_VISION,	/* "vision" - Vision */
	AGREEMENT_FOCUS_AREA,	/* "focus_area" - Indsatsområde */
	AGREEMENT_PRINCIPLE,	/* "principle" - Bærende princip */
	AGREEMENT_GOAL,		/* "goal" - Mål */
	AGREEMENT_PART__COUNT
};
MODEL_ENUM_DECL(agreement_part, enum agreement_part)

/* One vision, focus area, principle or goal. Goals belong to a focus
 * area (parent_id); the rest have parent_id 0. Cases, initiatives and
 * actions link to focus areas. */
struct agreement_item {
	int64_t id;
	const char *key;		/* "psykiatri-og-trivsel" */
	int64_t agreement_id;
	enum agreement_part part;
	int64_t parent_id;		/* goal -> focus area */
	int position;
	const char *title;
	const char *description;
};

struct health_agreement {
	int64_t id;
	const char *key;		/* "sundhedsaftale-midt-2024-2027" */
	const char *title;		/* "Sundhedsaftalen 2024-2027" */
	int64_t region_id;		/* organisation (region) */
	int valid_from;
	int valid_to;
	const char *note;		/* "høringsudkast" */
};

/* ---- flow templates (data, per region) -------------------------------- */

struct flow_template_step {
	int position;			/* 1.. */
	enum step_target target;
	int64_t target_body_id;		/* TARGET_BODY */
	enum body_kind target_kind;	/* TARGET_KIND_*, TARGET_CHILDREN */
	enum step_action action;
	int offset_days;		/* time perspective: due this many days
					   after the previous step's due date
					   (the first: after the case starts) */
	const char *note;		/* Danish guidance shown with the step */
};

struct flow_template {
	int64_t id;
	const char *key;		/* "ssu-til-klynger" */
	const char *name;		/* Danish */
	const char *description;
	int64_t region_id;		/* the region it belongs to */
	struct flow_template_step *steps;
	size_t n_steps;
};

/* ---- cases ------------------------------------------------------------- */

/* One step of a case's flow: a body (or, for council approvals, an
 * organisation) doing something by a due date. */
struct case_step {
	int64_t id;
	int64_t case_id;
	int position;			/* 1..; steps of one template step share
					   the same `stage` */
	int stage;			/* the template step it came from, 1.. */
	int64_t body_id;		/* 0 for a council approval */
	int64_t org_id;			/* council approval: the region or the
					   municipality whose council approves */
	enum step_action action;
	int due;			/* date */
	enum step_status status;
	int started;			/* date the status became started (or
					   done, when it skipped started) */
	int finished;			/* date done/skipped */
	int64_t item_id;		/* the agenda item that treated it; 0 */
	const char *note;
};

/* A follow-up action [opfølgningspunkt] from a decision. */
struct followup_note {
	int64_t id;
	int64_t action_id;
	const char *at;			/* UTC time */
	const char *author;		/* actor */
	const char *text;
};

struct followup_action {
	int64_t id;
	int64_t case_id;		/* 0 = not tied to a case */
	int64_t item_id;		/* the decision it comes from; 0 */
	int64_t body_id;		/* the body that follows it up */
	const char *what;
	int64_t responsible_org_id;	/* 0 = none */
	int64_t responsible_person_id;	/* 0 = none */
	int64_t responsible_body_id;	/* 0 = none */
	int due;
	enum action_status status;
	int64_t focus_area_id;		/* agreement_item; 0 = none */
	struct followup_note *notes;	/* oldest first */
	size_t n_notes;
	const char *created;
	const char *modified;
	int64_t revision;
};

struct case_file {
	int64_t id;
	const char *case_number;	/* "22/17744" (meeting_case_number_parse) */
	const char *title;
	const char *description;
	int64_t origin_body_id;		/* where it started */
	int64_t template_id;		/* the flow it follows; 0 = none */
	int64_t initiative_id;		/* scaled from this initiative; 0 */
	bool economic;			/* economic consequences for the region
					   or the municipalities */
	int64_t focus_area_id;		/* agreement_item; 0 = none */
	int started;			/* date the flow starts */
	struct case_step *steps;	/* in position order */
	size_t n_steps;
	int64_t *item_ids;		/* agenda items where it was treated */
	size_t n_items;
	const char *created;
	const char *modified;
	int64_t revision;
};

/* ---- knowledge sharing [vidensdeling] --------------------------------- */

struct initiative_comment {
	int64_t id;
	int64_t initiative_id;
	const char *at;
	const char *author;		/* actor, as shown */
	int64_t area_id;		/* the commenter's cluster; 0 */
	const char *text;
};

/* An initiative or experience a cluster shares with the others. */
struct initiative {
	int64_t id;
	int64_t area_id;		/* the cluster that posts it */
	const char *title;
	const char *what;		/* markdown */
	const char *results;		/* markdown */
	int64_t contact_person_id;	/* 0 = none */
	const char *contact_text;	/* free text when no person */
	int64_t focus_area_id;		/* agreement_item; 0 = none */
	struct attachment *files;	/* uploaded like an item's bilag
					   (item_id = 0; token-addressed) */
	size_t n_files;
	struct initiative_comment *comments;
	size_t n_comments;
	const char *created;
	const char *modified;
	int64_t revision;
};

/* Everything of a region's casework at once, for the pages that look
 * across clusters (lead times, overdue lists, a focus area's progress).
 * Arrays ordered by id. */
struct casework {
	struct health_agreement *agreements;	size_t n_agreements;
	struct agreement_item *agreement_items;	size_t n_agreement_items;
	struct flow_template *templates;	size_t n_templates;
	struct case_file *cases;		size_t n_cases;
	struct followup_action *actions;	size_t n_actions;
	struct initiative *initiatives;		size_t n_initiatives;
};

/* ---- rules ------------------------------------------------------------ */

/*
 * The concrete steps of a flow: for each template step in order, its
 * target bodies in the region (see enum step_target; bodies sorted by
 * id), action and due date (the previous stage's due + offset_days; the
 * first stage's: started + offset). TARGET_CHILDREN with no children
 * gives no step for that parent. A step whose body is the origin and
 * whose action is the origin's own first step is not repeated.
 * Arena-owned; positions 1..n, status pending. Returns NULL with *n = 0
 * and a Danish message in *why when the template cannot be applied
 * (a named body missing, a target that finds no body at all).
 */
struct case_step *case_flow_generate(struct arena *a,
				     const struct structure *s,
				     const struct flow_template *t,
				     int64_t origin_body_id, int started,
				     size_t *n, const char **why);

/*
 * Competence (the charter in force on `date`): may body_id record a
 * binding decision? COMPETENCE_DECIDE yes; RECOMMEND or ADVISE no
 * (*recommend_to = the charter's recommends_to_id, else the body's
 * parent). A body without a charter may not decide.
 */
bool case_may_decide(const struct structure *s, int64_t body_id, int date,
		     int64_t *recommend_to);

/*
 * Recording a decision at step index i (action DECIDE) of c on `date`:
 * returns the steps to ADD (arena, *n), or NULL with *n = 0 when none:
 *  - a body that may only recommend: no decision; the step becomes a
 *    recommendation (*becomes = STEP_RECOMMEND) and one DECIDE step is
 *    added at the body it recommends to (due: date + 30);
 *  - a case with economic consequences decided in a cluster (the body
 *    has an area): one APPROVE_COUNCIL step for the region's regional
 *    council organisation and one for each municipality of the area
 *    (org_id; due: date + 60), in the order region, then municipalities
 *    by id; unless the case already has them.
 * *becomes is STEP_DECIDE when the decision stands. Never fails.
 */
struct case_step *case_decision_steps(struct arena *a,
				      const struct structure *s,
				      const struct case_file *c, size_t i,
				      int date, enum step_action *becomes,
				      size_t *n);

/* The case's state from its steps: closed when every step is done or
 * skipped; awaiting_councils while a council approval is not done after
 * a DECIDE step is done; decided when a DECIDE step is done (and no
 * council approval is pending); implementing when an IMPLEMENT step has
 * started; open otherwise. */
enum case_state case_state(const struct case_file *c);

/* Is the case decided (a DECIDE step done and every council approval
 * done)? Economic routing cannot be bypassed: this is the only answer
 * the pages and the API give. */
bool case_is_decided(const struct case_file *c);

/*
 * May step i of c change to status `to` on `date` (the day it is
 * recorded)? NULL when it may, else a static Danish message. Checked in
 * this order:
 *  - an unknown step or status is refused; no change (to == status) is
 *    always allowed;
 *  - an APPROVE_COUNCIL step may never be skipped ("Godkendelsen i
 *    regionsråd og byråd kan ikke springes over, når sagen har
 *    økonomiske konsekvenser.");
 *  - a done step is final: it does not go back to pending, started or
 *    skipped (the decision is the record; a new step is added instead);
 *  - starting or finishing on a date before the case started is refused;
 *  - an IMPLEMENT step cannot start (or be done) before the case is
 *    decided (case_is_decided), when the case has a DECIDE or council
 *    step at all ("Implementeringen kan ikke begynde, før sagen er
 *    besluttet.");
 *  - an APPROVE_COUNCIL step cannot start or be done before a DECIDE
 *    step is done;
 *  - a DECIDE step cannot be done while a PREPARE or RECOMMEND step of
 *    an earlier stage is pending or started (decide on a prepared case;
 *    skip the preparation explicitly to decide without it).
 * Going back from started or skipped to pending is allowed.
 */
const char *case_step_change_problem(const struct case_file *c, size_t i,
				     enum step_status to, int date);

/*
 * Who does the step, in Danish: the body's name; for a council approval
 * "Regionsrådet" (a region or regional council organisation) or
 * "Byrådet i <the municipality's name>" (arena), another organisation's
 * name. "" for a step with neither body nor organisation.
 */
const char *case_step_target_label(struct arena *a, const struct structure *s,
				   const struct case_step *st);

/*
 * Lead time: for each body with an IMPLEMENT step of c, the days from
 * the decision (the date the last DECIDE step, or the last council
 * approval when there are any, was done) to the step's `started`
 * date; -1 while not started. Days are civil days in Europe/Copenhagen
 * (a DST change in between does not shorten or lengthen a day).
 * *late is set when not started and today > due, or started after due.
 */
struct lead_time {
	int64_t body_id;
	int decided;		/* date; 0 when not decided yet */
	int due;
	int started;		/* 0 while not started */
	int days;		/* started - decided; -1 while not started */
	bool late;
};
struct lead_time *case_lead_times(struct arena *a, const struct case_file *c,
				  int today, size_t *n);

/* The date a step's change is recorded on: the date of the meeting
 * that treated it (meeting_date, 0 when none) once that meeting has
 * been, else today - a lead time never counts a meeting still to come. */
int case_step_date(int meeting_date, int today);

/* Days between two dates (b - a), civil days; 0 when either is 0. */
int case_days_between(int a, int b);

/* Steps overdue on `today` (not done/skipped, due < today; an
 * implementation only until it has started: started after its due date
 * it stays overdue, started in time it is not), and follow-up actions
 * overdue (open/in progress, due < today). */
bool case_step_overdue(const struct case_step *st, int today);
bool case_action_overdue(const struct followup_action *fa, int today);

/*
 * The cluster (area) a body belongs to: its area_id, or the nearest
 * ancestor's; 0 for region-wide bodies.
 */
int64_t case_body_area(const struct structure *s, int64_t body_id);

/* ---- who may do what (the one rule; casework.c) -------------------------
 * Reading casework is public: cases, flows, follow-up actions, shared
 * initiatives and the health agreement are the clusters' open record
 * (agenda items linked to a case are still shown only through
 * access_meeting_view). Writing:
 *   create a case        secretary of its origin body, administrator
 *   edit a case / a step secretary of the origin body or of the step's
 *                        body (a council approval: of the origin body),
 *                        administrator
 *   follow-up action     secretary of its body, its responsible person,
 *                        administrator
 *   post an initiative   anyone with an active membership of a body in
 *                        that cluster, administrator
 *   comment              anyone with an active membership anywhere,
 *                        administrator
 *   flow templates,      administrator, or a secretary of a region-wide
 *   health agreement     body (no area) of that region
 */
bool access_case_create(const struct structure *s, const struct principal *p,
			int64_t origin_body_id, int date);
bool access_case_edit(const struct structure *s, const struct principal *p,
		      const struct case_file *c, int date);
bool access_step_edit(const struct structure *s, const struct principal *p,
		      const struct case_file *c, const struct case_step *st,
		      int date);
bool access_action_edit(const struct structure *s, const struct principal *p,
			const struct followup_action *fa, int date);
bool access_initiative_post(const struct structure *s,
			    const struct principal *p, int64_t area_id,
			    int date);
bool access_comment(const struct structure *s, const struct principal *p,
		    int date);
bool access_region_edit(const struct structure *s, const struct principal *p,
			int64_t region_id, int date);

#endif
