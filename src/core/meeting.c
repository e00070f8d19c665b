/*
 * meeting.c - meetings' rules; see meeting.h.
 *
 * Pure like rules.c: reads structs, allocates only from the caller's
 * arena (or, where the interface has none, from a local arena freed
 * before returning), never changes what it is given except the item
 * arrays the ordering functions are explicitly asked to reorder.
 * Messages are Danish; static ones are returned as such, formatted ones
 * live in the caller's arena.
 */
#include "meeting.h"

#include <stdio.h>
#include <string.h>

#include "enum_table.h"
#include "../util/buf.h"
#include "../util/date.h"

/* ---- enum tables ---------------------------------------------------- */

static const struct enum_entry meeting_kind_table[] = {
	{ "", "" },
	{ "ordinary", "Ordinært møde" },
	{ "extraordinary", "Ekstraordinært møde" },
};
MODEL_ENUM_DEF(meeting_kind, enum meeting_kind, meeting_kind_table)

static const struct enum_entry meeting_state_table[] = {
	{ "", "" },
	{ "planned", "Planlagt" },
	{ "invited", "Indkaldt" },
	{ "agenda_approved", "Dagsorden godkendt" },
	{ "published", "Dagsorden udsendt" },
	{ "held", "Afholdt" },
	{ "minutes_approved", "Referat godkendt" },
	{ "cancelled", "Aflyst" },
};
MODEL_ENUM_DEF(meeting_state, enum meeting_state, meeting_state_table)

static const struct enum_entry item_kind_table[] = {
	{ "", "" },
	{ "approval", "Godkendelse" },
	{ "discussion", "Drøftelse" },
	{ "information", "Orientering" },
	{ "aob", "Eventuelt" },
};
MODEL_ENUM_DEF(item_kind, enum item_kind, item_kind_table)

static const struct enum_entry item_outcome_table[] = {
	{ "", "" },
	{ "approved", "Godkendt" },
	{ "approved_changed", "Godkendt med ændringer" },
	{ "rejected", "Ikke godkendt" },
	{ "discussed", "Drøftet" },
	{ "noted", "Taget til efterretning" },
	{ "postponed", "Udsat" },
};
MODEL_ENUM_DEF(item_outcome, enum item_outcome, item_outcome_table)

static const struct enum_entry attendance_status_table[] = {
	{ "", "" },
	{ "present", "Til stede" },
	{ "apology", "Afbud" },
	{ "absent", "Fraværende" },
};
MODEL_ENUM_DEF(attendance_status, enum attendance_status,
	       attendance_status_table)

static const struct enum_entry document_kind_table[] = {
	{ "", "" },
	{ "agenda", "Dagsorden" },
	{ "minutes", "Referat" },
};
MODEL_ENUM_DEF(document_kind, enum document_kind, document_kind_table)

_Static_assert(sizeof(meeting_kind_table) / sizeof(meeting_kind_table[0]) ==
	       MEETING_KIND__COUNT, "a label per meeting kind");
_Static_assert(sizeof(meeting_state_table) / sizeof(meeting_state_table[0]) ==
	       MEETING_STATE__COUNT, "a label per meeting state");
_Static_assert(sizeof(item_kind_table) / sizeof(item_kind_table[0]) ==
	       ITEM_KIND__COUNT, "a label per item kind");
_Static_assert(sizeof(item_outcome_table) / sizeof(item_outcome_table[0]) ==
	       OUTCOME__COUNT, "a label per outcome");
_Static_assert(sizeof(attendance_status_table) /
	       sizeof(attendance_status_table[0]) == ATTEND__COUNT,
	       "a label per attendance status");
_Static_assert(sizeof(document_kind_table) / sizeof(document_kind_table[0]) ==
	       DOCUMENT_KIND__COUNT, "a label per document kind");

/* ---- small helpers -------------------------------------------------- */

static const char *body_name(const struct body *b)
{
	return b && b->name && *b->name ? b->name : "(ukendt forum)";
}

static bool str_empty(const char *s)
{
	return !s || !*s;
}

/* Days since 1970-01-01 of a YYYYMMDD date and back (H. Hinnant's
 * civil-date algorithms, as util/date.c uses for points in time). */
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

static int date_add_days(int date, int days)
{
	return date_from_days(days_from_date(date) + days);
}

/* ---- state ---------------------------------------------------------- */

/*
 * The graph of enum meeting_state (meeting.h). NONE -> planned is how a
 * meeting comes to be. Nothing leaves minutes_approved: approved
 * minutes are the record. held is reached only from published (the
 * agenda went out before the meeting; one step at a time).
 */
bool meeting_transition_allowed(enum meeting_state from, enum meeting_state to)
{
	switch (from) {
	case MEETING_STATE_NONE:
		return to == MEETING_PLANNED;
	case MEETING_PLANNED:
		return to == MEETING_INVITED || to == MEETING_AGENDA_APPROVED ||
		       to == MEETING_CANCELLED;
	case MEETING_INVITED:
		return to == MEETING_AGENDA_APPROVED || to == MEETING_CANCELLED;
	case MEETING_AGENDA_APPROVED:
		return to == MEETING_PUBLISHED || to == MEETING_CANCELLED;
	case MEETING_PUBLISHED:
		return to == MEETING_HELD || to == MEETING_CANCELLED;
	case MEETING_HELD:
		return to == MEETING_MINUTES_APPROVED;
	case MEETING_CANCELLED:
		return to == MEETING_PLANNED;
	case MEETING_MINUTES_APPROVED:
	case MEETING_STATE__COUNT:
		break;
	}
	return false;
}

/* Why the state order forbids going to `to` (the message names what
 * the target needs, so it reads right whatever the meeting's state). */
static const char *order_problem(enum meeting_state from,
				 enum meeting_state to)
{
	if (from == MEETING_MINUTES_APPROVED)
		return "Referatet er godkendt; mødet kan ikke længere skifte tilstand.";
	if (from == to)
		return "Mødet er allerede i den tilstand.";
	switch (to) {
	case MEETING_PLANNED:
		return "Kun et aflyst møde kan planlægges igen.";
	case MEETING_INVITED:
		return "Der kan kun indkaldes til et planlagt møde.";
	case MEETING_AGENDA_APPROVED:
		return "Dagsordenen kan kun godkendes, når mødet er planlagt eller indkaldt.";
	case MEETING_PUBLISHED:
		return "Dagsordenen kan kun udsendes, når den er godkendt.";
	case MEETING_HELD:
		return "Mødet kan kun registreres som afholdt, når dagsordenen er udsendt.";
	case MEETING_MINUTES_APPROVED:
		return "Referatet kan kun godkendes, når mødet er afholdt.";
	case MEETING_CANCELLED:
		return "Et møde kan kun aflyses, før det er afholdt.";
	default:
		return "Ukendt tilstand.";
	}
}

/*
 * Everything a state change needs, the order included (so a caller
 * asks one question). Beyond the order:
 *  - agenda_approved, published: at least one item; every item has a
 *    title; an item with recorded dissent has both a case presentation
 *    and proposed resolutions, because "Ved evt. uenighed ... skal dette
 *    fremgå af sagsfremstilling og indstilling" (seed 004) and the
 *    documents print the dissent in both sections.
 *  - minutes_approved: every approval and discussion item has an
 *    outcome (postponed counts: it is a decision to wait); information
 *    and aob items need none.
 *  - planned, invited, held, cancelled: nothing beyond the order.
 */
const char *meeting_transition_problem(const struct meeting *m,
				       enum meeting_state to)
{
	if (!m)
		return "Mødet findes ikke.";
	if (!meeting_transition_allowed(m->state, to))
		return order_problem(m->state, to);

	switch (to) {
	case MEETING_AGENDA_APPROVED:
	case MEETING_PUBLISHED:
		if (m->n_items == 0)
			return "Dagsordenen har ingen punkter.";
		for (size_t i = 0; i < m->n_items; i++) {
			const struct agenda_item *it = &m->items[i];
			if (str_empty(it->title))
				return "Alle punkter på dagsordenen skal have en titel.";
			if (!str_empty(it->dissent) &&
			    (str_empty(it->presentation) ||
			     str_empty(it->resolutions)))
				return "Et punkt med registreret uenighed skal have både sagsfremstilling og indstilling, så uenigheden fremgår af begge.";
		}
		break;
	case MEETING_MINUTES_APPROVED:
		for (size_t i = 0; i < m->n_items; i++) {
			const struct agenda_item *it = &m->items[i];
			if ((it->kind == ITEM_APPROVAL ||
			     it->kind == ITEM_DISCUSSION) &&
			    it->outcome == OUTCOME_NONE)
				return "Alle punkter til godkendelse eller drøftelse skal have et udfald, før referatet kan godkendes.";
		}
		break;
	default:
		break;
	}
	return NULL;
}

bool meeting_agenda_editable(enum meeting_state st)
{
	return st == MEETING_PLANNED || st == MEETING_INVITED ||
	       st == MEETING_AGENDA_APPROVED || st == MEETING_PUBLISHED;
}

bool meeting_minutes_editable(enum meeting_state st)
{
	return st == MEETING_PUBLISHED || st == MEETING_HELD;
}

/* ---- cadence -------------------------------------------------------- */

static bool state_held(enum meeting_state st)
{
	return st == MEETING_HELD || st == MEETING_MINUTES_APPROVED;
}

static bool state_counts(enum meeting_state st)
{
	return st != MEETING_STATE_NONE && st != MEETING_CANCELLED &&
	       st < MEETING_STATE__COUNT;
}

/*
 * The requirement is the charter in force on the year's last day (a
 * charter approved in June governs that year's count; charter_in_force
 * falls back to the highest draft when none is approved, like the
 * composition check).
 */
void rules_cadence(const struct structure *s, int64_t body_id, int year,
		   const struct meeting *meetings, size_t n,
		   struct cadence_result *out)
{
	memset(out, 0, sizeof(*out));
	out->year = year;
	const struct charter *c =
		s ? charter_in_force(s, body_id, year * 10000 + 1231, NULL)
		  : NULL;
	out->required = c && c->min_meetings_per_year > 0
		? c->min_meetings_per_year : 0;
	for (size_t i = 0; i < n; i++) {
		const struct meeting *m = &meetings[i];
		if (m->body_id != body_id || date_year(m->date) != year ||
		    !state_counts(m->state))
			continue;
		if (state_held(m->state))
			out->held++;
		else
			out->planned++;
	}
	out->ok = out->held + out->planned >= out->required;
}

/* ---- meets before --------------------------------------------------- */

/* X's latest non-cancelled meeting strictly before date; 0 when none. */
static int previous_meeting(const struct meeting *meetings, size_t n,
			    int64_t body_id, int date)
{
	int prev = 0;
	for (size_t i = 0; i < n; i++) {
		const struct meeting *m = &meetings[i];
		if (m->body_id == body_id && state_counts(m->state) &&
		    m->date < date && m->date > prev)
			prev = m->date;
	}
	return prev;
}

void rules_check_meets_before(struct arena *a, const struct structure *s,
			      int64_t body_id, int year,
			      const struct meeting *meetings, size_t n,
			      struct violations *out)
{
	const struct body *b = structure_body(s, body_id);
	if (!b)
		return;
	for (size_t i = 0; i < n; i++) {
		const struct meeting *x = &meetings[i];
		if (x->body_id == body_id || date_year(x->date) != year ||
		    !state_counts(x->state))
			continue;
		const struct charter *c =
			charter_in_force(s, body_id, x->date, NULL);
		if (!c || !c->meets_before_id || c->meets_before_id != x->body_id)
			continue;
		/* The same X date twice (two meetings that day) is reported
		 * once. */
		bool dup = false;
		for (size_t k = 0; k < i && !dup; k++)
			dup = meetings[k].body_id == x->body_id &&
			      meetings[k].date == x->date &&
			      state_counts(meetings[k].state);
		if (dup)
			continue;
		int prev = previous_meeting(meetings, n, x->body_id, x->date);
		bool found = false;
		for (size_t k = 0; k < n && !found; k++) {
			const struct meeting *m = &meetings[k];
			found = m->body_id == body_id && state_counts(m->state) &&
				m->date < x->date && m->date > prev;
		}
		if (found)
			continue;
		char when[32], since[32];
		date_format_da(x->date, when, sizeof(when));
		const struct body *xb = structure_body(s, x->body_id);
		if (prev) {
			date_format_da(prev, since, sizeof(since));
			violations_add(a, out, V_MEETS_BEFORE_MISSING, body_id,
				       NULL, 0, 0, 0,
				       "%s: Forummet skal mødes forud for hvert møde i %s, men har intet møde mellem mødet den %s og mødet den %s",
				       body_name(b), body_name(xb), since, when);
		} else {
			violations_add(a, out, V_MEETS_BEFORE_MISSING, body_id,
				       NULL, 0, 0, 0,
				       "%s: Forummet skal mødes forud for hvert møde i %s, men har intet møde før mødet den %s",
				       body_name(b), body_name(xb), when);
		}
	}
}

/* ---- agenda order --------------------------------------------------- */

/* 0: psychiatry first (when the charter says so), 1: the rest, 2: aob. */
static int order_group(const struct agenda_item *it, bool psychiatry_first)
{
	if (it->kind == ITEM_AOB)
		return 2;
	if (psychiatry_first && it->psychiatry)
		return 0;
	return 1;
}

/* Stable insertion sort by group (agendas are short), then 1..n. The
 * array's order is the secretariat's order within a group. */
void meeting_order_fix(struct agenda_item *items, size_t n,
		       bool psychiatry_first)
{
	for (size_t i = 1; i < n; i++) {
		struct agenda_item t = items[i];
		int g = order_group(&t, psychiatry_first);
		size_t j = i;
		while (j > 0 && order_group(&items[j - 1], psychiatry_first) > g) {
			items[j] = items[j - 1];
			j--;
		}
		items[j] = t;
	}
	for (size_t i = 0; i < n; i++)
		items[i].number = (int)i + 1;
}

static const char *item_title(const struct agenda_item *it)
{
	return str_empty(it->title) ? "(uden titel)" : it->title;
}

void rules_check_order(struct arena *a, const struct agenda_item *items,
		       size_t n, bool psychiatry_first, struct violations *out)
{
	bool seen_other = false, seen_aob = false;
	bool told_psy = false, told_aob = false;
	for (size_t i = 0; i < n; i++) {
		const struct agenda_item *it = &items[i];
		int g = order_group(it, psychiatry_first);
		if (seen_aob && g != 2 && !told_aob) {
			violations_add(a, out, V_ORDER_AOB, 0, NULL, 0, 0, 0,
				       "Punkt %d «%s» står efter «Eventuelt», som skal være sidste punkt på dagsordenen",
				       it->number, item_title(it));
			told_aob = true;
		}
		if (seen_other && g == 0 && !told_psy) {
			violations_add(a, out, V_ORDER_PSYCHIATRY, 0, NULL, 0, 0,
				       0,
				       "Punkt %d «%s» vedrører psykiatri og skal ifølge kommissoriet stå før de øvrige punkter",
				       it->number, item_title(it));
			told_psy = true;
		}
		if (g == 1)
			seen_other = true;
		if (g == 2)
			seen_aob = true;
	}
}

/* Is the array in a valid order already? */
static bool order_valid(const struct agenda_item *items, size_t n,
			bool psychiatry_first)
{
	for (size_t i = 1; i < n; i++)
		if (order_group(&items[i - 1], psychiatry_first) >
		    order_group(&items[i], psychiatry_first))
			return false;
	return true;
}

/*
 * Without scratch memory: when the order is valid and the two items are
 * in different groups, meeting_order_fix would put them straight back,
 * so nothing is changed. In every other case the swap survives the fix
 * (same group: the fix is stable), or the fix turns an invalid order
 * into a valid one; both are changes.
 */
bool meeting_item_move(struct agenda_item *items, size_t n, size_t i, int dir,
		       bool psychiatry_first)
{
	if (!items || i >= n || (dir != -1 && dir != 1))
		return false;
	if ((dir < 0 && i == 0) || (dir > 0 && i + 1 >= n))
		return false;
	size_t j = dir < 0 ? i - 1 : i + 1;
	if (order_valid(items, n, psychiatry_first) &&
	    order_group(&items[i], psychiatry_first) !=
	    order_group(&items[j], psychiatry_first))
		return false;
	struct agenda_item t = items[i];
	items[i] = items[j];
	items[j] = t;
	meeting_order_fix(items, n, psychiatry_first);
	return true;
}

/* ---- quorum at a meeting -------------------------------------------- */

static bool attended(const struct meeting *m, int64_t membership_id)
{
	for (size_t i = 0; i < m->n_attendance; i++)
		if (m->attendance[i].membership_id == membership_id)
			return m->attendance[i].status == ATTEND_PRESENT;
	return false;
}

/* Is membership x one the meeting counts (active on the date in the
 * body, ordinary or substitute)? */
static bool quorum_member(const struct membership *x, int64_t body_id,
			  int date)
{
	return x->body_id == body_id && membership_active(x, date) &&
	       (role_is_ordinary(x->role) || x->role == ROLE_SUBSTITUTE);
}

void meeting_quorum(const struct structure *s, const struct meeting *m,
		    enum quorum_rule *rule, struct quorum_result *out)
{
	enum quorum_rule r = QUORUM_RULE_NONE;
	const struct charter *c =
		s && m ? charter_in_force(s, m->body_id, m->date, NULL) : NULL;
	if (c)
		r = c->quorum_rule;
	if (rule)
		*rule = r;
	if (!s || !m) {
		rules_quorum(QUORUM_RULE_NONE, NULL, 0, out);
		return;
	}

	/* index[i]: the quorum_person of s->memberships[i], or -1. */
	struct arena tmp;
	arena_init(&tmp);
	int *index = arena_array(&tmp, s->n_memberships + 1, sizeof(int));
	struct quorum_person *people =
		arena_array(&tmp, s->n_memberships + 1, sizeof(*people));
	size_t n = 0;
	for (size_t i = 0; i < s->n_memberships; i++) {
		const struct membership *x = &s->memberships[i];
		index[i] = -1;
		if (!quorum_member(x, m->body_id, m->date))
			continue;
		index[i] = (int)n;
		struct quorum_person *q = &people[n++];
		q->sector = rules_membership_sector(s, x);
		q->ordinary = role_is_ordinary(x->role);
		q->present = attended(m, x->id);
		q->substitute_for = -1;
	}
	/* Second pass: substitutes point at their member's entry, when that
	 * member is one the meeting counts. */
	for (size_t i = 0; i < s->n_memberships; i++) {
		const struct membership *x = &s->memberships[i];
		if (index[i] < 0 || x->role != ROLE_SUBSTITUTE)
			continue;
		for (size_t k = 0; k < s->n_memberships; k++)
			if (s->memberships[k].id == x->substitute_for_id &&
			    index[k] >= 0 && people[index[k]].ordinary)
				people[index[i]].substitute_for = index[k];
	}
	rules_quorum(r, people, n, out);
	arena_free(&tmp);
}

/*
 * Decisions are recorded while the minutes are editable (published,
 * held). Information items and "any other business" take no decision
 * that needs a quorum (under "Eventuelt" nothing is decided), so they
 * are always allowed.
 */
const char *meeting_decision_problem(struct arena *a,
				     const struct structure *s,
				     const struct meeting *m,
				     const struct agenda_item *it)
{
	if (!m)
		return "Mødet findes ikke.";
	if (!meeting_minutes_editable(m->state))
		return "Beslutninger kan kun registreres, når dagsordenen er udsendt, eller mødet er afholdt.";
	if (it && (it->kind == ITEM_INFORMATION || it->kind == ITEM_AOB))
		return NULL;

	enum quorum_rule rule;
	struct quorum_result q;
	meeting_quorum(s, m, &rule, &q);
	if (rule == QUORUM_RULE_NONE || q.quorate)
		return NULL;

	struct buf b = BUF_INIT;
	buf_puts(&b, "Mødet er ikke beslutningsdygtigt: ");
	if (rule == QUORUM_RULE_HALF) {
		const struct quorum_sector *t = &q.sectors[SECTOR_NONE];
		buf_printf(&b, "%d af %d medlemmer er til stede (mindst %d kræves)",
			   t->present, t->members, t->needed);
	} else {
		bool first = true;
		for (int k = 0; k < SECTOR__COUNT; k++) {
			const struct quorum_sector *t = &q.sectors[k];
			if (t->ok)
				continue;
			buf_printf(&b, "%s%s har %d af %d til stede (mindst %d kræves)",
				   first ? "" : "; ",
				   k == SECTOR_NONE ? "Medlemmer uden sektor"
						    : sector_label((enum sector)k),
				   t->present, t->members, t->needed);
			first = false;
		}
	}
	buf_puts(&b, ". Mindst halvdelen af medlemmerne");
	buf_puts(&b, rule == QUORUM_RULE_HALF_PER_SECTOR ? " fra hver sektor"
							 : "");
	buf_puts(&b, " skal være til stede.");
	const char *msg = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return msg;
}

/* ---- case numbers --------------------------------------------------- */

#define CASE_NUMBER_MAX 64

static bool case_sep(char c)
{
	return c == '/' || c == '-' || c == '.' || c == ' ';
}

static bool case_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

static bool case_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/*
 * Validates then writes, so *out is only touched on success (and then
 * always NUL-terminated). Whitespace around is trimmed (space, tab, CR,
 * LF: a pasted line); inside, only a plain space, and never two
 * separators in a row ("22//1", "22 /1"), which also keeps a space
 * "single". Bytes >= 0x80 (UTF-8 letters such as æøå) are refused:
 * journal systems write case numbers in ASCII.
 */
int meeting_case_number_parse(const char *in, char *out, size_t outsz,
			      const char **why)
{
	static const char *const no_room = "Internt: for lille plads til sagsnummeret.";
	const char *dummy;
	if (!why)
		why = &dummy;
	*why = NULL;
	if (!out || outsz < CASE_NUMBER_MAX + 1) {
		*why = no_room;
		return -1;
	}
	if (!in)
		in = "";
	size_t len = strlen(in);
	size_t start = 0;
	while (start < len && case_space(in[start]))
		start++;
	while (len > start && case_space(in[len - 1]))
		len--;
	const char *p = in + start;
	size_t n = len - start;

	if (n > CASE_NUMBER_MAX) {
		*why = "Sagsnummeret er for langt (højst 64 tegn).";
		return -1;
	}
	bool digit = false;
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		if (!case_alnum(c) && !case_sep(c)) {
			*why = "Sagsnummeret må kun indeholde cifre, bogstaverne a-z, skilletegnene / - . og enkelte mellemrum.";
			return -1;
		}
		if (c >= '0' && c <= '9')
			digit = true;
	}
	if (n && (case_sep(p[0]) || case_sep(p[n - 1]))) {
		*why = "Sagsnummeret må ikke begynde eller slutte med et skilletegn.";
		return -1;
	}
	for (size_t i = 1; i < n; i++) {
		if (case_sep(p[i]) && case_sep(p[i - 1])) {
			*why = "Sagsnummeret må ikke have to skilletegn eller mellemrum i træk.";
			return -1;
		}
	}
	if (n && !digit) {
		*why = "Sagsnummeret skal indeholde mindst ét ciffer.";
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		out[i] = (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
	}
	out[n] = '\0';
	return 0;
}

/* ---- the secretariat's checklist ------------------------------------
 * Seed 001, annex "Notat: Etablering af klyngesekretariater omkring hver
 * sundhedsklynge", the tables "Sekretariatsbetjening af det politiske
 * niveau" and "... af det fagligt strategiske niveau" (OPGAVE -
 * ANSVARLIG), one row per task in the seed's order. The seed gives no
 * dates; the offsets are the secretariats' usual rhythm, with the agenda
 * sent a week before the meeting. "Skrive referat og sikre godkendelse
 * af referat" is two tasks here (written, then approved), so each can
 * be ticked off.
 */
#define RESP_POL "Regionshuset (Tværsektorielt Samarbejde) og kommunal tovholder fra klyngeformandskabskommune"
#define RESP_POL_HOSP "Sygehuse (somatisk og/eller psykiatri) samt kommunal tovholder fra klyngeformandskabskommune"
#define RESP_STRAT "Somatisk sygehus, psykiatrisygehuset og klyngeformandskabskommune"

static const struct task_template political_tasks[] = {
	{ "find_date", "Finde datoer for møderne og koordinere med relevante kalendere",
	  "Regionshuset samt kommunal tovholder fra klyngeformandskabskommune", -90 },
	{ "invite", "Indkaldelse til mødet, herunder lokalebooking", RESP_POL_HOSP, -60 },
	{ "catering", "Forplejning til mødet, herunder overblik over afbud", RESP_POL_HOSP, -3 },
	{ "write_items", "Skrive dagsordenspunkterne og lægge dem i Acadre",
	  "Relevante sagsbehandlere fra kommuner og region", -21 },
	{ "quality_assure", "Samle og kvalitetssikre dagsordenen", RESP_POL, -14 },
	{ "generate", "Generering af dagsorden inkl. bilag i Acadre", "Regionshuset", -10 },
	{ "chairs_approval", "Sikre godkendelse af dagsordenen hos administrative og politiske formænd",
	  RESP_POL, -8 },
	{ "regenerate", "Generere dagsorden og bilag på ny, hvis der er rettelser fra godkendelsen",
	  RESP_POL, -7 },
	{ "send_agenda", "Udsendelse af dagsordenen til det politiske niveau", RESP_POL, -7 },
	{ "attend", "Deltagelse i mødet for at sikre teknik og skrive referat", RESP_POL, 0 },
	{ "write_minutes", "Skrive referat", RESP_POL, 5 },
	{ "approve_minutes", "Sikre godkendelse af referatet", RESP_POL, 10 },
	{ "generate_minutes", "Generering af referat i Acadre", "Regionshuset", 12 },
	{ "send_minutes", "Udsendelse af referat", RESP_POL, 14 },
	{ "follow_up", "Opfølgning og overlevering på beslutninger", RESP_POL, 30 },
};

static const struct task_template strategic_tasks[] = {
	{ "find_date", "Finde datoer for møderne og koordinere med relevante kalendere", RESP_STRAT, -90 },
	{ "invite", "Indkaldelse til mødet, herunder lokalebooking", RESP_STRAT, -60 },
	{ "catering", "Forplejning til mødet, herunder overblik over afbud", RESP_STRAT, -3 },
	{ "write_items", "Skrive dagsordenspunkterne i First Agenda",
	  "Relevante sagsbehandlere fra kommuner og region", -21 },
	{ "quality_assure", "Kvalitetssikring af dagsordenen", RESP_STRAT, -14 },
	{ "generate", "Generering af dagsorden inkl. bilag i First Agenda", RESP_STRAT, -10 },
	{ "chairs_approval", "Sikre godkendelse af dagsordenen hos administrative formænd", RESP_STRAT, -8 },
	{ "regenerate", "Generere dagsorden og bilag på ny, hvis der er rettelser fra godkendelsen",
	  RESP_STRAT, -7 },
	{ "send_agenda", "Udsendelse af dagsordenen", RESP_STRAT, -7 },
	{ "attend", "Deltagelse i mødet for at sikre teknik og skrive referat",
	  "Konsulent fra somatisk sygehus og/eller psykiatrisygehus samt klyngeformandskabskommune", 0 },
	{ "write_minutes", "Skrive referat", RESP_STRAT, 5 },
	{ "approve_minutes", "Sikre godkendelse af referatet", RESP_STRAT, 10 },
	{ "generate_minutes", "Generering af referat i First Agenda", RESP_STRAT, 12 },
	{ "send_minutes", "Udsendelse af referat", RESP_STRAT, 14 },
	{ "follow_up", "Opfølgning og overlevering på beslutninger", RESP_STRAT, 30 },
};

/* Other bodies: the same cycle, the secretariat responsible, no
 * particular journal system. */
static const struct task_template generic_tasks[] = {
	{ "find_date", "Finde datoer for møderne og koordinere med relevante kalendere", "Sekretariatet", -90 },
	{ "invite", "Indkaldelse til mødet, herunder lokalebooking", "Sekretariatet", -60 },
	{ "catering", "Forplejning til mødet, herunder overblik over afbud", "Sekretariatet", -3 },
	{ "write_items", "Skrive dagsordenspunkterne", "Relevante sagsbehandlere", -21 },
	{ "quality_assure", "Samle og kvalitetssikre dagsordenen", "Sekretariatet", -14 },
	{ "generate", "Generering af dagsorden inkl. bilag", "Sekretariatet", -10 },
	{ "chairs_approval", "Sikre godkendelse af dagsordenen hos formandskabet", "Sekretariatet", -8 },
	{ "regenerate", "Generere dagsorden og bilag på ny, hvis der er rettelser fra godkendelsen",
	  "Sekretariatet", -7 },
	{ "send_agenda", "Udsendelse af dagsordenen", "Sekretariatet", -7 },
	{ "attend", "Deltagelse i mødet for at sikre teknik og skrive referat", "Sekretariatet", 0 },
	{ "write_minutes", "Skrive referat", "Sekretariatet", 5 },
	{ "approve_minutes", "Sikre godkendelse af referatet", "Sekretariatet", 10 },
	{ "generate_minutes", "Generering af referat", "Sekretariatet", 12 },
	{ "send_minutes", "Udsendelse af referat", "Sekretariatet", 14 },
	{ "follow_up", "Opfølgning og overlevering på beslutninger", "Sekretariatet", 30 },
};

#define N_OF(arr) (sizeof(arr) / sizeof((arr)[0]))

const struct task_template *meeting_task_template(enum body_kind kind,
						  size_t *n)
{
	const struct task_template *t;
	size_t len;
	switch (kind) {
	case BODY_POLITICAL_LEVEL:
		t = political_tasks;
		len = N_OF(political_tasks);
		break;
	case BODY_STRATEGIC_LEVEL:
		t = strategic_tasks;
		len = N_OF(strategic_tasks);
		break;
	default:
		t = generic_tasks;
		len = N_OF(generic_tasks);
		break;
	}
	if (n)
		*n = len;
	return t;
}

struct meeting_task *meeting_tasks_generate(struct arena *a,
					    enum body_kind kind, int date,
					    size_t *n)
{
	size_t len;
	const struct task_template *t = meeting_task_template(kind, &len);
	struct meeting_task *tasks = arena_array(a, len, sizeof(*tasks));
	for (size_t i = 0; i < len; i++) {
		struct meeting_task *k = &tasks[i];
		k->position = (int)i + 1;
		k->key = t[i].key;
		k->label = t[i].label;
		k->responsible = t[i].responsible;
		k->due = date_valid(date) ? date_add_days(date, t[i].offset_days)
					  : 0;
		k->done = false;
		k->done_by = "";
		k->done_at = "";
	}
	if (n)
		*n = len;
	return tasks;
}

/* ---- small helpers -------------------------------------------------- */

void meeting_time_format(int minutes, char *out, size_t outsz)
{
	if (!out || !outsz)
		return;
	if (minutes < 0 || minutes >= 24 * 60) {
		out[0] = '\0';
		return;
	}
	snprintf(out, outsz, "%02d:%02d", minutes / 60, minutes % 60);
}

int meeting_time_parse(const char *s, int *out)
{
	if (!s || strlen(s) != 5 || s[2] != ':')
		return -1;
	for (int i = 0; i < 5; i++)
		if (i != 2 && (s[i] < '0' || s[i] > '9'))
			return -1;
	int h = (s[0] - '0') * 10 + (s[1] - '0');
	int m = (s[3] - '0') * 10 + (s[4] - '0');
	if (h > 23 || m > 59)
		return -1;
	*out = h * 60 + m;
	return 0;
}

const char *meeting_display_title(struct arena *a, const struct structure *s,
				  const struct meeting *m)
{
	if (!m)
		return "";
	if (!str_empty(m->title))
		return m->title;
	char when[32];
	date_format_da(m->date, when, sizeof(when));
	const struct body *b = s ? structure_body(s, m->body_id) : NULL;
	const char *name = b && !str_empty(b->name) ? b->name : "Møde";
	if (!*when)
		return arena_strdup(a, name);
	return arena_printf(a, "%s %s", name, when);
}

static bool line_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* The array is NULL-terminated too (never NULL itself). */
const char **meeting_lines(struct arena *a, const char *text, size_t *n)
{
	size_t count = 0;
	if (!text)
		text = "";
	for (const char *p = text; *p; p++)
		if (*p == '\n')
			count++;
	const char **lines = arena_array(a, count + 2, sizeof(*lines));
	size_t k = 0;
	const char *p = text;
	for (;;) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		size_t s0 = 0;
		while (s0 < len && line_space(p[s0]))
			s0++;
		while (len > s0 && line_space(p[len - 1]))
			len--;
		if (len > s0)
			lines[k++] = arena_strndup(a, p + s0, len - s0);
		if (!end)
			break;
		p = end + 1;
	}
	lines[k] = NULL;
	if (n)
		*n = k;
	return lines;
}
