/*
 * casework.c - the rules of cases that flow between bodies; see
 * casework.h.
 *
 * Pure like rules.c and meeting.c: reads structs, allocates only from
 * the caller's arena, never changes what it is given. Static Danish
 * messages are returned as such; formatted ones live in the caller's
 * arena.
 *
 * Seed 001, item 2 (23-06-2022): "Det blev derfor besluttet, at der
 * tilføjes eksempler på tidsperspektiver i modellerne" - every step of a
 * flow gets a due date chained from the one before, and lead times are
 * measured from the decision to the start of implementation.
 * Seed 001, item 3: "beslutninger, der indebærer økonomiske konsekvenser
 * for regionen eller de enkelte kommuner ikke kan træffes i klyngerne,
 * men skal godkendes lokalt i Regionsrådet og de enkelte byråd" - the
 * council approval steps of case_decision_steps, which
 * case_step_change_problem never lets anyone skip.
 */
#include "casework.h"

#include <stdlib.h>
#include <string.h>

#include "enum_table.h"

/* ---- enum tables ---------------------------------------------------- */

static const struct enum_entry step_action_table[] = {
	{ "", "" },
	{ "prepare", "Forberede" },
	{ "discuss", "Drøfte" },
	{ "recommend", "Indstille" },
	{ "decide", "Beslutte" },
	{ "implement", "Implementere" },
	{ "inform", "Orientere" },
	{ "approve_council", "Godkendelse i regionsråd/byråd" },
};
MODEL_ENUM_DEF(step_action, enum step_action, step_action_table)

static const struct enum_entry step_status_table[] = {
	{ "", "" },
	{ "pending", "Afventer" },
	{ "started", "I gang" },
	{ "done", "Afsluttet" },
	{ "skipped", "Udgået" },
};
MODEL_ENUM_DEF(step_status, enum step_status, step_status_table)

static const struct enum_entry case_state_table[] = {
	{ "", "" },
	{ "open", "Under behandling" },
	{ "awaiting_councils", "Afventer regionsråd og byråd" },
	{ "decided", "Besluttet" },
	{ "implementing", "Under implementering" },
	{ "closed", "Afsluttet" },
};
MODEL_ENUM_DEF(case_state, enum case_state, case_state_table)

static const struct enum_entry action_status_table[] = {
	{ "", "" },
	{ "open", "Ikke startet" },
	{ "in_progress", "I gang" },
	{ "done", "Udført" },
	{ "cancelled", "Annulleret" },
};
MODEL_ENUM_DEF(action_status, enum action_status, action_status_table)

static const struct enum_entry step_target_table[] = {
	{ "", "" },
	{ "body", "Et bestemt forum" },
	{ "origin", "Sagens udgangspunkt" },
	{ "origin_parent", "Forummet over sagens udgangspunkt" },
	{ "kind_all", "Alle fora af typen i regionen" },
	{ "kind_others", "Fora af typen i de øvrige klynger" },
	{ "kind_origin_area", "Fora af typen i udgangspunktets klynge" },
	{ "children", "Fora under det foregående trins fora" },
};
MODEL_ENUM_DEF(step_target, enum step_target, step_target_table)

static const struct enum_entry agreement_part_table[] = {
	{ "", "" },
	{ "vision", "Vision" },
	{ "focus_area", "Indsatsområde" },
	{ "principle", "Bærende princip" },
	{ "goal", "Mål" },
};
MODEL_ENUM_DEF(agreement_part, enum agreement_part, agreement_part_table)

_Static_assert(sizeof(step_action_table) / sizeof(step_action_table[0]) ==
	       STEP_ACTION__COUNT, "a label per step action");
_Static_assert(sizeof(step_status_table) / sizeof(step_status_table[0]) ==
	       STEP_STATUS__COUNT, "a label per step status");
_Static_assert(sizeof(case_state_table) / sizeof(case_state_table[0]) ==
	       CASE_STATE__COUNT, "a label per case state");
_Static_assert(sizeof(action_status_table) / sizeof(action_status_table[0]) ==
	       ACTION_STATUS__COUNT, "a label per action status");
_Static_assert(sizeof(step_target_table) / sizeof(step_target_table[0]) ==
	       TARGET__COUNT, "a label per step target");
_Static_assert(sizeof(agreement_part_table) / sizeof(agreement_part_table[0]) ==
	       AGREEMENT_PART__COUNT, "a label per agreement part");

/* ---- dates ---------------------------------------------------------- */

/*
 * Days since 1970-01-01 of a YYYYMMDD date and back (H. Hinnant's
 * civil-date algorithms, as meeting.c and util/date.c use). A date is a
 * civil day: counting whole days this way never meets a time zone, so
 * the 23- and 25-hour days of the DST changes count as one day each.
 */
static long days_from_date(int date)
{
	long y = date / 10000, m = date / 100 % 100, d = date % 100;
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int date_from_days(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;
	long y = yoe + era * 400 + (m <= 2);
	return (int)(y * 10000 + m * 100 + d);
}

/* date + days; 0 stays 0 (no date, no due date). */
static int date_add(int date, int days)
{
	if (!date)
		return 0;
	return date_from_days(days_from_date(date) + days);
}

int case_days_between(int a, int b)
{
	if (!a || !b)
		return 0;
	return (int)(days_from_date(b) - days_from_date(a));
}

/* ---- structure helpers ---------------------------------------------- */

static const char *body_name(const struct body *b)
{
	return b && b->name && *b->name ? b->name : "(ukendt forum)";
}

/*
 * The cluster of a body: its own area, else the nearest ancestor's.
 * The walk is bounded by the number of bodies so a parent cycle in bad
 * data ends instead of looping.
 */
int64_t case_body_area(const struct structure *s, int64_t body_id)
{
	if (!s)
		return 0;
	const struct body *b = structure_body(s, body_id);
	for (size_t guard = 0; b && guard <= s->n_bodies; guard++) {
		if (b->area_id)
			return b->area_id;
		b = structure_body(s, b->parent_id);
	}
	return 0;
}

/* The region a body belongs to: its region_id, else its cluster's. */
static int64_t body_region(const struct structure *s, const struct body *b)
{
	if (b->region_id)
		return b->region_id;
	const struct area *ar = structure_area(s, case_body_area(s, b->id));
	return ar ? ar->region_id : 0;
}

static int cmp_id(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return a < b ? -1 : a > b;
}

static bool id_in(const int64_t *ids, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

/* ---- flow generation ------------------------------------------------ */

/*
 * The bodies one template step targets, sorted by id, into ids (room
 * for s->n_bodies); returns how many. prev/n_prev are the bodies the
 * previous stage targeted (the origin before the first stage).
 */
static size_t stage_bodies(const struct structure *s,
			   const struct flow_template_step *ts,
			   int64_t region, const struct body *origin,
			   const int64_t *prev, size_t n_prev, int64_t *ids)
{
	size_t n = 0;
	int64_t origin_area = case_body_area(s, origin->id);

	switch (ts->target) {
	case TARGET_BODY: {
		const struct body *b = structure_body(s, ts->target_body_id);
		if (b && (!region || body_region(s, b) == region))
			ids[n++] = b->id;
		return n;
	}
	case TARGET_ORIGIN:
		ids[n++] = origin->id;
		return n;
	case TARGET_ORIGIN_PARENT: {
		const struct body *b = structure_body(s, origin->parent_id);
		if (b)
			ids[n++] = b->id;
		return n;
	}
	default:
		break;
	}

	for (size_t i = 0; i < s->n_bodies; i++) {
		const struct body *b = &s->bodies[i];
		if (!b->id || b->kind != ts->target_kind ||
		    (region && body_region(s, b) != region))
			continue;
		int64_t area = case_body_area(s, b->id);
		bool take = false;
		switch (ts->target) {
		case TARGET_KIND_ALL:
			take = true;
			break;
		case TARGET_KIND_OTHERS:
			take = area != origin_area;
			break;
		case TARGET_KIND_ORIGIN_AREA:
			take = origin_area && area == origin_area;
			break;
		case TARGET_CHILDREN:
			take = b->parent_id && id_in(prev, n_prev, b->parent_id);
			break;
		default:
			break;
		}
		if (take && !id_in(ids, n, b->id))
			ids[n++] = b->id;
	}
	qsort(ids, n, sizeof(*ids), cmp_id);
	return n;
}

/*
 * See casework.h. Details the header leaves open:
 *  - the region is the template's (region_id), or the origin's when the
 *    template names none; a template of another region is refused;
 *  - TARGET_CHILDREN as the first step looks under the origin;
 *  - due dates stay 0 when the case has no start date;
 *  - "not repeated": once the origin has a step, a later step at the
 *    origin with the same action as that first one is left out (its
 *    stage still counts for the due dates and for TARGET_CHILDREN);
 *  - stage is the template step's position (its index + 1 when 0).
 */
struct case_step *case_flow_generate(struct arena *a,
				     const struct structure *s,
				     const struct flow_template *t,
				     int64_t origin_body_id, int started,
				     size_t *n, const char **why)
{
	const char *msg = NULL;
	struct case_step *out = NULL;
	size_t n_out = 0;

	*n = 0;
	if (why)
		*why = NULL;
	if (!s || !t || !t->n_steps || !t->steps) {
		msg = "Skabelonen har ingen trin.";
		goto fail;
	}
	const struct body *origin = structure_body(s, origin_body_id);
	if (!origin) {
		msg = "Sagens udgangspunkt findes ikke.";
		goto fail;
	}
	int64_t region = t->region_id ? t->region_id : body_region(s, origin);
	if (t->region_id && body_region(s, origin) &&
	    body_region(s, origin) != t->region_id) {
		msg = "Skabelonen hører til en anden region end sagens "
		      "udgangspunkt.";
		goto fail;
	}

	size_t room = s->n_bodies ? s->n_bodies : 1;
	int64_t *prev = arena_array(a, room, sizeof(*prev));
	int64_t *ids = arena_array(a, room, sizeof(*ids));
	size_t n_prev = 1;
	prev[0] = origin->id;

	int due = started;
	bool origin_seen = false;
	enum step_action origin_first = STEP_ACTION_NONE;
	for (size_t k = 0; k < t->n_steps; k++) {
		const struct flow_template_step *ts = &t->steps[k];
		int stage = ts->position > 0 ? ts->position : (int)k + 1;

		if (ts->target <= TARGET_NONE || ts->target >= TARGET__COUNT) {
			msg = arena_printf(a, "Trin %d i skabelonen har intet "
					   "mål.", stage);
			goto fail;
		}
		size_t m = stage_bodies(s, ts, region, origin, prev, n_prev,
					ids);
		if (!m) {
			if (ts->target == TARGET_BODY)
				msg = arena_printf(a, "Forummet i trin %d i "
						   "skabelonen findes ikke i "
						   "regionen.", stage);
			else if (ts->target == TARGET_ORIGIN_PARENT)
				msg = arena_printf(a, "Trin %d i skabelonen "
						   "går til forummet over %s, "
						   "men det har intet.", stage,
						   body_name(origin));
			else
				msg = arena_printf(a, "Trin %d i skabelonen "
						   "(%s: %s) finder ingen fora.",
						   stage,
						   step_target_label(ts->target),
						   body_kind_label(ts->target_kind));
			goto fail;
		}

		due = date_add(due, ts->offset_days);
		out = arena_grow(a, out, n_out, n_out + m, sizeof(*out));
		for (size_t j = 0; j < m; j++) {
			if (ids[j] == origin->id) {
				if (origin_seen && origin_first == ts->action)
					continue;
				if (!origin_seen)
					origin_first = ts->action;
				origin_seen = true;
			}
			struct case_step *st = &out[n_out++];
			memset(st, 0, sizeof(*st));
			st->position = (int)n_out;
			st->stage = stage;
			st->body_id = ids[j];
			st->action = ts->action;
			st->due = due;
			st->status = STEP_PENDING;
			st->note = ts->note ? ts->note : "";
		}
		memcpy(prev, ids, m * sizeof(*ids));
		n_prev = m;
	}
	*n = n_out;
	return out;

fail:
	if (why)
		*why = msg;
	return NULL;
}

/* ---- competence and decisions --------------------------------------- */

/*
 * Only an approved charter gives competence: a draft says what a body
 * is meant to do, not what it may do yet. A body that may not decide
 * recommends to its charter's recommends_to_id, else to its parent
 * (0 when it has neither).
 */
bool case_may_decide(const struct structure *s, int64_t body_id, int date,
		     int64_t *recommend_to)
{
	if (recommend_to)
		*recommend_to = 0;
	const struct body *b = s ? structure_body(s, body_id) : NULL;
	if (!b)
		return false;
	bool approved = false;
	const struct charter *c = charter_in_force(s, body_id, date, &approved);
	if (c && approved && c->competence == COMPETENCE_DECIDE)
		return true;
	if (recommend_to)
		*recommend_to = c && approved && c->recommends_to_id
			? c->recommends_to_id : b->parent_id;
	return false;
}

/* The organisation whose council approves for a region: its regional
 * council when the structure has one, else the region itself. */
static int64_t regional_council(const struct structure *s, int64_t region)
{
	for (size_t i = 0; i < s->n_orgs; i++)
		if (s->orgs[i].kind == ORG_REGIONAL_COUNCIL &&
		    s->orgs[i].parent_id == region && s->orgs[i].id)
			return s->orgs[i].id;
	return region;
}

static bool has_council_step(const struct case_file *c, int64_t org_id)
{
	for (size_t i = 0; i < c->n_steps; i++)
		if (c->steps[i].action == STEP_APPROVE_COUNCIL &&
		    c->steps[i].org_id == org_id)
			return true;
	return false;
}

static int last_position(const struct case_file *c)
{
	int p = 0;
	for (size_t i = 0; i < c->n_steps; i++)
		if (c->steps[i].position > p)
			p = c->steps[i].position;
	return p;
}

/* A new pending step after the case's last one. */
static struct case_step new_step(const struct case_file *c,
				 const struct case_step *from, int position,
				 enum step_action action, int due)
{
	struct case_step st;
	memset(&st, 0, sizeof(st));
	st.case_id = c->id;
	st.position = position;
	st.stage = from->stage;
	st.action = action;
	st.due = due;
	st.status = STEP_PENDING;
	st.note = "";
	return st;
}

/*
 * See casework.h. Two details: a recommendation adds no DECIDE step
 * when the case already has one pending or started at that body (the
 * template may already send it there), nor when the body has nowhere
 * to recommend to; and municipalities listed twice in an area get one
 * approval step.
 */
struct case_step *case_decision_steps(struct arena *a,
				      const struct structure *s,
				      const struct case_file *c, size_t i,
				      int date, enum step_action *becomes,
				      size_t *n)
{
	*n = 0;
	if (becomes)
		*becomes = STEP_DECIDE;
	if (!s || !c || i >= c->n_steps || !c->steps)
		return NULL;
	const struct case_step *st = &c->steps[i];
	if (st->action != STEP_DECIDE) {
		if (becomes)
			*becomes = st->action;
		return NULL;
	}
	int pos = last_position(c);

	int64_t to = 0;
	if (!case_may_decide(s, st->body_id, date, &to)) {
		if (becomes)
			*becomes = STEP_RECOMMEND;
		if (!to || to == st->body_id)
			return NULL;
		for (size_t k = 0; k < c->n_steps; k++) {
			const struct case_step *o = &c->steps[k];
			if (o->action == STEP_DECIDE && o->body_id == to &&
			    (o->status == STEP_PENDING ||
			     o->status == STEP_STARTED))
				return NULL;
		}
		struct case_step *out = arena_array(a, 1, sizeof(*out));
		out[0] = new_step(c, st, pos + 1, STEP_DECIDE,
				  date_add(date, 30));
		out[0].body_id = to;
		out[0].note = arena_printf(a, "Indstillet af %s.",
					   body_name(structure_body(s,
							st->body_id)));
		*n = 1;
		return out;
	}

	int64_t area_id = case_body_area(s, st->body_id);
	const struct area *ar = structure_area(s, area_id);
	if (!c->economic || !ar)
		return NULL;

	const struct body *b = structure_body(s, st->body_id);
	int64_t region = b && b->region_id ? b->region_id : ar->region_id;
	size_t room = ar->n_municipalities + 1;
	struct case_step *out = arena_array(a, room, sizeof(*out));
	int64_t *orgs = arena_array(a, room, sizeof(*orgs));
	size_t n_orgs = 0;

	int64_t council = region ? regional_council(s, region) : 0;
	if (council)
		orgs[n_orgs++] = council;
	size_t first_muni = n_orgs;
	for (size_t k = 0; k < ar->n_municipalities; k++) {
		int64_t m = ar->municipality_ids[k];
		if (m && !id_in(orgs, n_orgs, m))
			orgs[n_orgs++] = m;
	}
	qsort(orgs + first_muni, n_orgs - first_muni, sizeof(*orgs), cmp_id);

	const char *note = "Sagen har økonomiske konsekvenser og skal "
			   "godkendes i regionsrådet og byrådene.";
	for (size_t k = 0; k < n_orgs; k++) {
		if (has_council_step(c, orgs[k]))
			continue;
		out[*n] = new_step(c, st, pos + 1 + (int)*n,
				   STEP_APPROVE_COUNCIL, date_add(date, 60));
		out[*n].org_id = orgs[k];
		out[*n].note = note;
		(*n)++;
	}
	return *n ? out : NULL;
}

/* ---- state ---------------------------------------------------------- */

/* Finished for the case's purposes: done, or skipped - except that a
 * council approval is finished only when done (it may not be skipped). */
static bool step_finished(const struct case_step *st)
{
	if (st->status == STEP_DONE)
		return true;
	return st->status == STEP_SKIPPED &&
	       st->action != STEP_APPROVE_COUNCIL;
}

static bool any_decide_done(const struct case_file *c)
{
	for (size_t i = 0; i < c->n_steps; i++)
		if (c->steps[i].action == STEP_DECIDE &&
		    c->steps[i].status == STEP_DONE)
			return true;
	return false;
}

static bool council_pending(const struct case_file *c)
{
	for (size_t i = 0; i < c->n_steps; i++)
		if (c->steps[i].action == STEP_APPROVE_COUNCIL &&
		    c->steps[i].status != STEP_DONE)
			return true;
	return false;
}

bool case_is_decided(const struct case_file *c)
{
	return c && any_decide_done(c) && !council_pending(c);
}

/*
 * Later states win over earlier ones (closed, then awaiting councils,
 * implementing, decided, open); awaiting councils wins over
 * implementing because implementation must wait for the councils
 * (case_step_change_problem).
 */
enum case_state case_state(const struct case_file *c)
{
	if (!c || !c->n_steps)
		return CASE_OPEN;
	bool all = true, implementing = false;
	for (size_t i = 0; i < c->n_steps; i++) {
		const struct case_step *st = &c->steps[i];
		if (!step_finished(st))
			all = false;
		if (st->action == STEP_IMPLEMENT &&
		    (st->status == STEP_STARTED || st->status == STEP_DONE))
			implementing = true;
	}
	if (all)
		return CASE_CLOSED;
	bool decided = any_decide_done(c);
	if (decided && council_pending(c))
		return CASE_AWAITING_COUNCILS;
	if (implementing)
		return CASE_IMPLEMENTING;
	if (decided)
		return CASE_DECIDED;
	return CASE_OPEN;
}

/* ---- step changes --------------------------------------------------- */

static bool has_action(const struct case_file *c, enum step_action action)
{
	for (size_t i = 0; i < c->n_steps; i++)
		if (c->steps[i].action == action)
			return true;
	return false;
}

/* See casework.h for the rules, in the order they are checked. */
const char *case_step_change_problem(const struct case_file *c, size_t i,
				     enum step_status to, int date)
{
	if (!c || i >= c->n_steps || !c->steps)
		return "Trinnet findes ikke.";
	const struct case_step *st = &c->steps[i];
	if (to <= STEP_STATUS_NONE || to >= STEP_STATUS__COUNT)
		return "Ukendt status for trinnet.";
	if (to == st->status)
		return NULL;
	if (st->action == STEP_APPROVE_COUNCIL && to == STEP_SKIPPED)
		return "Godkendelsen i regionsråd og byråd kan ikke springes "
		       "over, når sagen har økonomiske konsekvenser.";
	if (st->status == STEP_DONE)
		return "Et afsluttet trin kan ikke genåbnes eller ændres.";
	if (date && c->started && date < c->started &&
	    (to == STEP_STARTED || to == STEP_DONE))
		return "Datoen ligger før sagens start.";
	if (to != STEP_STARTED && to != STEP_DONE)
		return NULL;

	switch (st->action) {
	case STEP_IMPLEMENT:
		/* A case with economic consequences is implemented only once
		 * decided, councils included, even when its flow has no
		 * decide step: economic routing cannot be bypassed by a
		 * template that leaves the decision out. */
		if (c->economic && !has_action(c, STEP_DECIDE) &&
		    !has_action(c, STEP_APPROVE_COUNCIL))
			return "En sag med økonomiske konsekvenser skal besluttes, "
			       "før implementeringen kan begynde; sagsforløbet har "
			       "intet beslutningstrin.";
		if ((has_action(c, STEP_DECIDE) ||
		     has_action(c, STEP_APPROVE_COUNCIL)) &&
		    !case_is_decided(c))
			return "Implementeringen kan ikke begynde, før sagen "
			       "er besluttet.";
		break;
	case STEP_APPROVE_COUNCIL:
		if (!any_decide_done(c))
			return "Regionsrådet og byrådene kan først godkende, "
			       "når sagen er besluttet i klyngen.";
		break;
	case STEP_DECIDE:
		if (to != STEP_DONE)
			break;
		for (size_t k = 0; k < c->n_steps; k++) {
			const struct case_step *o = &c->steps[k];
			if (o->stage < st->stage &&
			    (o->action == STEP_PREPARE ||
			     o->action == STEP_RECOMMEND) &&
			    (o->status == STEP_PENDING ||
			     o->status == STEP_STARTED))
				return "Sagen kan ikke besluttes, før den er "
				       "forberedt: et tidligere trin, der "
				       "forbereder eller indstiller, er ikke "
				       "afsluttet.";
		}
		break;
	default:
		break;
	}
	return NULL;
}

const char *case_step_target_label(struct arena *a, const struct structure *s,
				   const struct case_step *st)
{
	if (!st || !s)
		return "";
	if (st->body_id)
		return body_name(structure_body(s, st->body_id));
	if (!st->org_id)
		return "";
	const struct organisation *o = structure_org(s, st->org_id);
	if (!o)
		return "(ukendt organisation)";
	switch (o->kind) {
	case ORG_REGION:
	case ORG_REGIONAL_COUNCIL:
		return "Regionsrådet";
	case ORG_MUNICIPALITY:
		return arena_printf(a, "Byrådet i %s", o->name ? o->name : "");
	default:
		return o->name && *o->name ? o->name : "(ukendt organisation)";
	}
}

/* ---- lead times and overdue ----------------------------------------- */

/* The decision date: the last council approval when the case has any,
 * else the last DECIDE step done; 0 while not decided. */
static int decided_date(const struct case_file *c)
{
	if (!case_is_decided(c))
		return 0;
	bool councils = has_action(c, STEP_APPROVE_COUNCIL);
	enum step_action which = councils ? STEP_APPROVE_COUNCIL : STEP_DECIDE;
	int d = 0;
	for (size_t i = 0; i < c->n_steps; i++) {
		const struct case_step *st = &c->steps[i];
		if (st->action == which && st->status == STEP_DONE &&
		    st->finished > d)
			d = st->finished;
	}
	return d;
}

/*
 * One entry per body with an IMPLEMENT step (its first such step), in
 * step order. A skipped implementation is left out: it will never
 * start, so it is not late either.
 */
struct lead_time *case_lead_times(struct arena *a, const struct case_file *c,
				  int today, size_t *n)
{
	*n = 0;
	if (!c || !c->n_steps)
		return NULL;
	int decided = decided_date(c);
	struct lead_time *out = NULL;
	for (size_t i = 0; i < c->n_steps; i++) {
		const struct case_step *st = &c->steps[i];
		if (st->action != STEP_IMPLEMENT || st->status == STEP_SKIPPED)
			continue;
		bool seen = false;
		for (size_t k = 0; k < *n; k++)
			if (out[k].body_id == st->body_id)
				seen = true;
		if (seen)
			continue;
		if (!out)
			out = arena_array(a, c->n_steps, sizeof(*out));
		struct lead_time *lt = &out[(*n)++];
		lt->body_id = st->body_id;
		lt->decided = decided;
		lt->due = st->due;
		lt->started = st->status == STEP_STARTED ||
			      st->status == STEP_DONE ? st->started : 0;
		lt->days = lt->started && decided
			? case_days_between(decided, lt->started) : -1;
		if (lt->started)
			lt->late = st->due && lt->started > st->due;
		else
			lt->late = st->due && today > st->due;
	}
	return out;
}

int case_step_date(int meeting_date, int today)
{
	return meeting_date && meeting_date <= today ? meeting_date : today;
}

bool case_step_overdue(const struct case_step *st, int today)
{
	if (!st || !st->due || st->due >= today ||
	    st->status == STEP_DONE || st->status == STEP_SKIPPED)
		return false;
	/* An implementation's time perspective is when it starts (the lead
	 * time, seed 001: "går for lang tid, før indsatserne bliver
	 * implementeret"); once started on time it is not overdue while it
	 * runs. Every other step is due to be finished. */
	if (st->action == STEP_IMPLEMENT && st->status == STEP_STARTED)
		return st->started > st->due;
	return true;
}

bool case_action_overdue(const struct followup_action *fa, int today)
{
	return fa && fa->due && fa->due < today &&
	       (fa->status == ACTION_OPEN || fa->status == ACTION_IN_PROGRESS);
}

/* ---- who may do what ------------------------------------------------ */

static bool is_secretary(const struct structure *s, const struct principal *p,
			 int64_t body_id, int date)
{
	return body_id &&
	       (access_body_roles(s, p->person_id, body_id, date) &
		ACCESS_ROLE_SECRETARY) != 0;
}

/* The common start of every write rule: administrators yes, the public
 * (and accounts that are no person) no, everyone else: undecided (-1). */
static int write_gate(const struct principal *p)
{
	if (!p)
		return 0;
	if (p->admin)
		return 1;
	if (access_is_public(p))
		return 0;
	return -1;
}

bool access_case_create(const struct structure *s, const struct principal *p,
			int64_t origin_body_id, int date)
{
	int g = write_gate(p);
	if (g >= 0)
		return g;
	return is_secretary(s, p, origin_body_id, date);
}

bool access_case_edit(const struct structure *s, const struct principal *p,
		      const struct case_file *c, int date)
{
	if (!c)
		return false;
	int g = write_gate(p);
	if (g >= 0)
		return g;
	return is_secretary(s, p, c->origin_body_id, date);
}

/* A council approval has no body of its own: the origin's secretariat
 * records it. */
bool access_step_edit(const struct structure *s, const struct principal *p,
		      const struct case_file *c, const struct case_step *st,
		      int date)
{
	if (!c || !st)
		return false;
	int g = write_gate(p);
	if (g >= 0)
		return g;
	return is_secretary(s, p, c->origin_body_id, date) ||
	       (st->action != STEP_APPROVE_COUNCIL &&
		is_secretary(s, p, st->body_id, date));
}

bool access_action_edit(const struct structure *s, const struct principal *p,
			const struct followup_action *fa, int date)
{
	if (!fa)
		return false;
	int g = write_gate(p);
	if (g >= 0)
		return g;
	return is_secretary(s, p, fa->body_id, date) ||
	       (fa->responsible_person_id &&
		fa->responsible_person_id == p->person_id);
}

bool access_initiative_post(const struct structure *s,
			    const struct principal *p, int64_t area_id,
			    int date)
{
	int g = write_gate(p);
	if (g >= 0)
		return g;
	if (!s || !area_id)
		return false;
	for (size_t i = 0; i < s->n_memberships; i++) {
		const struct membership *m = &s->memberships[i];
		if (m->person_id == p->person_id &&
		    membership_active(m, date) &&
		    case_body_area(s, m->body_id) == area_id)
			return true;
	}
	return false;
}

bool access_comment(const struct structure *s, const struct principal *p,
		    int date)
{
	int g = write_gate(p);
	if (g >= 0)
		return g;
	if (!s)
		return false;
	for (size_t i = 0; i < s->n_memberships; i++) {
		const struct membership *m = &s->memberships[i];
		if (m->person_id == p->person_id && membership_active(m, date))
			return true;
	}
	return false;
}

bool access_region_edit(const struct structure *s, const struct principal *p,
			int64_t region_id, int date)
{
	int g = write_gate(p);
	if (g >= 0)
		return g;
	if (!s || !region_id)
		return false;
	for (size_t i = 0; i < s->n_memberships; i++) {
		const struct membership *m = &s->memberships[i];
		if (m->person_id != p->person_id || m->role != ROLE_SECRETARY ||
		    !membership_active(m, date))
			continue;
		const struct body *b = structure_body(s, m->body_id);
		if (b && !case_body_area(s, b->id) &&
		    body_region(s, b) == region_id)
			return true;
	}
	return false;
}
