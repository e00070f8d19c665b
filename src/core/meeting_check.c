/*
 * meeting_check.c - the meeting rules of one body over a year, as
 * violations: what the body page and `klynge check` show next to the
 * structure's rules. See rules_check_meetings in meeting.h.
 */
#include "meeting.h"

#include "../util/date.h"

#include <string.h>

void rules_check_meetings(struct arena *a, const struct structure *s,
			  int64_t body_id, int year,
			  const struct meeting *meetings, size_t n,
			  struct violations *out)
{
	struct cadence_result c;

	rules_cadence(s, body_id, year, meetings, n, &c);
	if (c.required > 0 && !c.ok)
		violations_add(a, out, V_CADENCE, body_id, NULL, 0, 0, 0,
			       "Kommissoriet kræver mindst %d møder i %d; der er "
			       "%d %s og %d %s.",
			       c.required, year, c.held,
			       c.held == 1 ? "afholdt" : "afholdte", c.planned,
			       c.planned == 1 ? "planlagt" : "planlagte");
	rules_check_meets_before(a, s, body_id, year, meetings, n, out);
}

const char *meeting_transition_problem_on(const struct meeting *m,
					  enum meeting_state to, int today)
{
	const char *why = meeting_transition_problem(m, to);
	if (why)
		return why;
	if (to == MEETING_HELD && m->date > today)
		return "Mødet kan først markeres som afholdt på mødedagen.";
	return NULL;
}

bool meeting_task_done_by_state(const char *key, enum meeting_state to)
{
	static const struct {
		enum meeting_state state;
		const char *key;
	} done_by[] = {
		{ MEETING_INVITED, "find_date" },
		{ MEETING_INVITED, "invite" },
		{ MEETING_AGENDA_APPROVED, "write_items" },
		{ MEETING_AGENDA_APPROVED, "quality_assure" },
		{ MEETING_AGENDA_APPROVED, "chairs_approval" },
		{ MEETING_PUBLISHED, "send_agenda" },
		{ MEETING_HELD, "attend" },
		{ MEETING_MINUTES_APPROVED, "write_minutes" },
		{ MEETING_MINUTES_APPROVED, "approve_minutes" },
	};
	if (!key)
		return false;
	for (size_t i = 0; i < sizeof(done_by) / sizeof(done_by[0]); i++)
		if (done_by[i].state == to && strcmp(done_by[i].key, key) == 0)
			return true;
	return false;
}
