/*
 * access.c - who may see and change what; see access.h.
 *
 * Issue 3, "Roles, derived from memberships where possible":
 * "administrator; secretariat of a body (edits its meetings, items,
 * minutes); chair/co-chair (approves agenda and minutes); ... member
 * (reads everything of the body, closed items included ...); public (not
 * logged in: published public items only). Permissions checked in one
 * place (src/core rule + one enforcement point), not scattered across
 * handlers."
 *
 * Everything here is pure: it reads a `struct structure` and a
 * principal, allocates only from the caller's arena (access_view) and
 * never changes its input. Anything it does not recognise (an unknown
 * action or kind, a NULL principal, a save with neither before nor
 * after) is refused: the safe answer to a question we cannot read is no.
 */
#include "access.h"

#include <string.h>

/* ---- roles ---------------------------------------------------------- */

/* The role bits one membership role gives. */
static unsigned role_bits(enum role r)
{
	switch (r) {
	case ROLE_CHAIR:
	case ROLE_CO_CHAIR:
		return ACCESS_ROLE_CHAIR;
	case ROLE_VICE_CHAIR:
	case ROLE_MEMBER:
	case ROLE_SUBSTITUTE:
		return ACCESS_ROLE_MEMBER;
	case ROLE_SECRETARY:
		return ACCESS_ROLE_SECRETARY;
	default:
		return 0;
	}
}

/*
 * A person's roles in one body: the union over their memberships in it
 * that are in force on date (first and last day included, see
 * membership_active). A person who was chair and is now an ordinary
 * member has only the member bit: roles follow the term, not history.
 */
unsigned access_body_roles(const struct structure *s, int64_t person_id,
			   int64_t body_id, int date)
{
	unsigned roles = 0;
	if (!s || !person_id || !body_id)
		return 0;
	for (size_t i = 0; i < s->n_memberships; i++) {
		const struct membership *m = &s->memberships[i];
		if (m->person_id == person_id && m->body_id == body_id &&
		    membership_active(m, date))
			roles |= role_bits(m->role);
	}
	return roles;
}

/* Is the person a secretary of any body on date? Access.h: "Registry"
 * is for "anyone who is a secretary of some body (they must be able to
 * add the person they are about to make a member)". */
static bool secretary_anywhere(const struct structure *s, int64_t person_id,
			       int date)
{
	if (!s || !person_id)
		return false;
	for (size_t i = 0; i < s->n_memberships; i++) {
		const struct membership *m = &s->memberships[i];
		if (m->person_id == person_id && m->role == ROLE_SECRETARY &&
		    membership_active(m, date))
			return true;
	}
	return false;
}

bool access_is_public(const struct principal *p)
{
	return !p || (!p->admin && (!p->account_id || !p->person_id));
}

/*
 * The one permission rule. Administrators may do everything; the
 * public, and an account that is no person (nothing to derive roles
 * from), nothing. Everyone else gets what their memberships on date
 * give them in body_id (or, for the registry, in any body).
 */
bool access_allowed(const struct structure *s, const struct principal *p,
		    enum access_action action, int64_t body_id, int date)
{
	if (!p)
		return false;
	if (p->admin)
		return true;
	if (access_is_public(p))
		return false;

	switch (action) {
	case ACCESS_READ_DRAFT:
		/* issue 3: a member "reads everything of the body" - and
		 * so do its chair and secretariat. */
		return access_body_roles(s, p->person_id, body_id, date) != 0;
	case ACCESS_APPROVE:
		/* issue 3: "chair/co-chair (approves agenda and minutes)" */
		return (access_body_roles(s, p->person_id, body_id, date) &
			ACCESS_ROLE_CHAIR) != 0;
	case ACCESS_EDIT_BODY:
		/* issue 3: "secretariat of a body (edits its meetings,
		 * items, minutes)" */
		return (access_body_roles(s, p->person_id, body_id, date) &
			ACCESS_ROLE_SECRETARY) != 0;
	case ACCESS_EDIT_REGISTRY:
		return secretary_anywhere(s, p->person_id, date);
	case ACCESS_ADMIN:
		return false;	/* administrators returned above */
	}
	return false;
}

/* ---- reading -------------------------------------------------------- */

bool access_charter_visible(const struct structure *s,
			    const struct principal *p,
			    const struct charter *c, int date)
{
	if (!c)
		return false;
	if (c->status == CHARTER_APPROVED)
		return true;
	return access_allowed(s, p, ACCESS_READ_DRAFT, c->body_id, date);
}

/*
 * The structure as p may see it. `out` starts as a shallow copy of `in`
 * (so every array p may see in full is shared, read-only); only the
 * arrays that lose or change something are copied into the arena:
 * charters when at least one is hidden, people when contact details
 * are blanked. Issue 3: "unpublished drafts never reach someone who
 * may not see them on any surface".
 */
void access_view(struct arena *a, const struct structure *in,
		 const struct principal *p, int date, struct structure *out)
{
	*out = *in;

	size_t visible = 0;
	for (size_t i = 0; i < in->n_charters; i++)
		if (access_charter_visible(in, p, &in->charters[i], date))
			visible++;
	if (visible < in->n_charters) {
		struct charter *cs = visible
			? arena_array(a, visible, sizeof(*cs)) : NULL;
		size_t k = 0;
		for (size_t i = 0; i < in->n_charters; i++)
			if (access_charter_visible(in, p, &in->charters[i], date))
				cs[k++] = in->charters[i];
		out->charters = cs;
		out->n_charters = k;
	}

	/* E-mail addresses and notes are for those who work with the
	 * structure, not for the public (nor an account that is no one). */
	if (access_is_public(p) && in->n_people) {
		struct person *ps = arena_array(a, in->n_people, sizeof(*ps));
		memcpy(ps, in->people, in->n_people * sizeof(*ps));
		for (size_t i = 0; i < in->n_people; i++) {
			ps[i].email = "";
			ps[i].note = "";
		}
		out->people = ps;
	}
}

/* ---- saving --------------------------------------------------------- */

static bool str_same(const char *x, const char *y)
{
	return strcmp(x ? x : "", y ? y : "") == 0;
}

static bool approval_same(const struct approval *x, const struct approval *y)
{
	return x->status == y->status && x->by_body_id == y->by_body_id &&
	       str_same(x->by_text, y->by_text) && x->date == y->date &&
	       str_same(x->note, y->note);
}

static bool seat_same(const struct seat_rule *x, const struct seat_rule *y)
{
	return str_same(x->key, y->key) && str_same(x->label, y->label) &&
	       x->sector == y->sector && x->org_kind == y->org_kind &&
	       x->function == y->function &&
	       x->per_municipality == y->per_municipality &&
	       x->min == y->min && x->max == y->max &&
	       x->appointed_by_kind == y->appointed_by_kind &&
	       x->min_local == y->min_local;
}

/*
 * Is `after` `before` with approval steps added and nothing else changed
 * but the status (which a step sets)? The steps before must all still be
 * there, in order; new ones may sit anywhere (they are kept in date
 * order). Row ids, timestamps and revision are ignored: the store
 * renumbers rows and sets the rest itself. This is what lets a chair,
 * who may approve but not edit, record an approval without being able
 * to slip a change to the text in with it.
 */
static bool only_approvals_added(const struct charter *before,
				 const struct charter *after)
{
	if (after->n_approvals <= before->n_approvals)
		return false;
	if (after->id != before->id || after->body_id != before->body_id ||
	    !str_same(after->key, before->key) ||
	    after->version != before->version ||
	    !str_same(after->title, before->title) ||
	    !str_same(after->text, before->text) ||
	    after->valid_from != before->valid_from ||
	    after->chair_rule != before->chair_rule ||
	    after->quorum_rule != before->quorum_rule ||
	    after->decision_rule != before->decision_rule ||
	    after->competence != before->competence ||
	    after->recommends_to_id != before->recommends_to_id ||
	    after->economic_to_councils != before->economic_to_councils ||
	    after->min_meetings_per_year != before->min_meetings_per_year ||
	    after->meets_before_id != before->meets_before_id ||
	    after->psychiatry_first != before->psychiatry_first ||
	    after->n_seats != before->n_seats ||
	    after->n_overlaps != before->n_overlaps)
		return false;
	for (size_t i = 0; i < before->n_seats; i++)
		if (!seat_same(&before->seats[i], &after->seats[i]))
			return false;
	for (size_t i = 0; i < before->n_overlaps; i++)
		if (before->overlaps[i].other_body_id !=
		    after->overlaps[i].other_body_id ||
		    before->overlaps[i].min_persons !=
		    after->overlaps[i].min_persons)
			return false;
	/* before's steps, in order, as a subsequence of after's. */
	size_t k = 0;
	for (size_t i = 0; i < after->n_approvals && k < before->n_approvals; i++)
		if (approval_same(&after->approvals[i], &before->approvals[k]))
			k++;
	return k == before->n_approvals;
}

/* EDIT_BODY on the old body and on the new one (a move needs both; a
 * create or delete has one side only, 0 for the missing side). */
static bool edit_bodies(const struct structure *s, const struct principal *p,
			bool has_old, int64_t old_body, bool has_new,
			int64_t new_body, int date)
{
	if (has_old && !access_allowed(s, p, ACCESS_EDIT_BODY, old_body, date))
		return false;
	if (has_new && (!has_old || new_body != old_body) &&
	    !access_allowed(s, p, ACCESS_EDIT_BODY, new_body, date))
		return false;
	return has_old || has_new;
}

/*
 * May p save `after` over `before`? See access.h for the rule per kind.
 * before/after point to the struct of the kind (struct membership for
 * ACCESS_KIND_MEMBERSHIP ...); NULL before is a create, NULL after a
 * delete, both NULL is refused.
 */
bool access_can_save(const struct structure *s, const struct principal *p,
		     enum access_kind kind, const void *before,
		     const void *after, int date)
{
	if (!p || (!before && !after))
		return false;
	if (p->admin)
		return true;

	switch (kind) {
	case ACCESS_KIND_ORG:
	case ACCESS_KIND_AREA:
	case ACCESS_KIND_PERSON:
		return access_allowed(s, p, ACCESS_EDIT_REGISTRY, 0, date);

	case ACCESS_KIND_BODY: {
		const struct body *b0 = before, *b1 = after;
		/* Creating and deleting bodies is registry work; editing
		 * one is its secretariat's. */
		if (!b0 || !b1)
			return access_allowed(s, p, ACCESS_EDIT_REGISTRY, 0, date);
		return edit_bodies(s, p, true, b0->id, true, b1->id, date);
	}

	case ACCESS_KIND_MEMBERSHIP: {
		const struct membership *m0 = before, *m1 = after;
		return edit_bodies(s, p, m0 != NULL, m0 ? m0->body_id : 0,
				   m1 != NULL, m1 ? m1->body_id : 0, date);
	}

	case ACCESS_KIND_ROTATION: {
		const struct rotation *r0 = before, *r1 = after;
		return edit_bodies(s, p, r0 != NULL, r0 ? r0->body_id : 0,
				   r1 != NULL, r1 ? r1->body_id : 0, date);
	}

	case ACCESS_KIND_CHARTER: {
		const struct charter *c0 = before, *c1 = after;
		if (edit_bodies(s, p, c0 != NULL, c0 ? c0->body_id : 0,
				c1 != NULL, c1 ? c1->body_id : 0, date))
			return true;
		/* access.h: "an approval step needs ACCESS_APPROVE or
		 * ACCESS_EDIT_BODY" - only a pure approval step. */
		return c0 && c1 && only_approvals_added(c0, c1) &&
		       access_allowed(s, p, ACCESS_APPROVE, c1->body_id, date);
	}
	}
	return false;
}

/* ---- meetings (issue 4) --------------------------------------------- */

/* Members, chairs and the secretariat of the body, and administrators:
 * the same people who read the body's drafts. */
bool access_meeting_full(const struct structure *s, const struct principal *p,
			 int64_t body_id, int date)
{
	return access_allowed(s, p, ACCESS_READ_DRAFT, body_id, date);
}

/* Is p (a logged-in person) the case handler of this item? */
static bool is_handler(const struct principal *p, const struct agenda_item *it)
{
	return !access_is_public(p) && p->person_id &&
	       it->handler_person_id == p->person_id;
}

/* A copy of the item with its attachments array copied too. */
static void item_copy(struct arena *a, const struct agenda_item *in,
		      struct agenda_item *out)
{
	*out = *in;
	if (in->n_attachments && in->attachments) {
		out->attachments = arena_array(a, in->n_attachments,
					       sizeof(*out->attachments));
		memcpy(out->attachments, in->attachments,
		       in->n_attachments * sizeof(*out->attachments));
	} else {
		out->attachments = NULL;
		out->n_attachments = 0;
	}
}

/* A closed item as those without full access see it: its place on the
 * agenda and its title, nothing of its content. */
static void item_closed(const struct agenda_item *in, struct agenda_item *out)
{
	memset(out, 0, sizeof(*out));
	out->id = in->id;
	out->meeting_id = in->meeting_id;
	out->number = in->number;
	out->title = in->title;
	out->case_number = "";
	out->kind = in->kind;
	out->closed = true;
	out->summary = "";
	out->presentation = "";
	out->recommended_by = "";
	out->resolutions = "";
	out->dissent = "";
	out->guests = "";
	out->decision = "";
	out->outcome = OUTCOME_NONE;
	out->created = in->created;
	out->modified = in->modified;
	out->revision = in->revision;
}

/* Copies n elements of size each into the arena (NULL for none). */
static void *copy_array(struct arena *a, const void *in, size_t n, size_t size)
{
	if (!in || !n)
		return NULL;
	void *out = arena_array(a, n, size);
	memcpy(out, in, n * size);
	return out;
}

/*
 * The meeting as p may see it (access.h has the table). Full readers get
 * a copy of everything. Others get:
 *  - nothing at all of a meeting that was never published, unless they
 *    handle one of its items: then only their own items (in full);
 *  - of a published meeting: their own items in full; public items in
 *    full except the decision and outcome until the minutes are
 *    approved; closed items by number, title and kind only;
 *  - no attendance, tasks or events; of the documents only public
 *    editions, and minutes only once approved.
 * `in` is never changed: every array that is filtered or blanked is a
 * new one in the arena, and so are the item and attachment arrays.
 */
bool access_meeting_view(struct arena *a, const struct structure *s,
			 const struct principal *p, const struct meeting *in,
			 int date, struct meeting *out)
{
	memset(out, 0, sizeof(*out));
	if (!in)
		return false;

	if (access_meeting_full(s, p, in->body_id, date)) {
		*out = *in;
		out->items = in->n_items
			? arena_array(a, in->n_items, sizeof(*out->items))
			: NULL;
		for (size_t i = 0; i < in->n_items; i++)
			item_copy(a, &in->items[i], &out->items[i]);
		out->attendance = copy_array(a, in->attendance,
					     in->n_attendance,
					     sizeof(*in->attendance));
		out->tasks = copy_array(a, in->tasks, in->n_tasks,
					sizeof(*in->tasks));
		out->events = copy_array(a, in->events, in->n_events,
					 sizeof(*in->events));
		out->documents = copy_array(a, in->documents, in->n_documents,
					    sizeof(*in->documents));
		if (!in->items)
			out->n_items = 0;
		if (!out->attendance)
			out->n_attendance = 0;
		if (!out->tasks)
			out->n_tasks = 0;
		if (!out->events)
			out->n_events = 0;
		if (!out->documents)
			out->n_documents = 0;
		return true;
	}

	bool handler = false;
	for (size_t i = 0; i < in->n_items && !handler; i++)
		handler = is_handler(p, &in->items[i]);
	if (!in->was_published && !handler)
		return false;

	*out = *in;
	out->items = NULL;
	out->n_items = 0;
	out->attendance = NULL;
	out->n_attendance = 0;
	out->tasks = NULL;
	out->n_tasks = 0;
	out->events = NULL;
	out->n_events = 0;
	out->documents = NULL;
	out->n_documents = 0;

	bool decided = in->state == MEETING_MINUTES_APPROVED;
	if (in->n_items) {
		out->items = arena_array(a, in->n_items, sizeof(*out->items));
		for (size_t i = 0; i < in->n_items; i++) {
			const struct agenda_item *it = &in->items[i];
			struct agenda_item *o = &out->items[out->n_items];
			if (is_handler(p, it)) {
				item_copy(a, it, o);
			} else if (!in->was_published) {
				continue;
			} else if (it->closed) {
				item_closed(it, o);
			} else {
				item_copy(a, it, o);
				if (!decided) {
					o->decision = "";
					o->outcome = OUTCOME_NONE;
				}
			}
			out->n_items++;
		}
	}

	if (in->was_published && in->n_documents) {
		out->documents = arena_array(a, in->n_documents,
					     sizeof(*out->documents));
		for (size_t i = 0; i < in->n_documents; i++) {
			const struct meeting_document *d = &in->documents[i];
			if (!d->public_edition ||
			    (d->kind == DOCUMENT_MINUTES && !decided))
				continue;
			out->documents[out->n_documents++] = *d;
		}
	}
	return true;
}

bool access_meeting_edit(const struct structure *s, const struct principal *p,
			 const struct meeting *m, int date)
{
	return m && access_allowed(s, p, ACCESS_EDIT_BODY, m->body_id, date);
}

bool access_meeting_approve(const struct structure *s,
			    const struct principal *p,
			    const struct meeting *m, int date)
{
	return m && access_allowed(s, p, ACCESS_APPROVE, m->body_id, date);
}

/* A case handler writes their item until it is decided or the agenda
 * closes (held, cancelled); what they may change of it is the page's
 * and API's business (access.h). */
bool access_item_edit(const struct structure *s, const struct principal *p,
		      const struct meeting *m, const struct agenda_item *it,
		      int date)
{
	if (!m || !it)
		return false;
	if (access_meeting_edit(s, p, m, date))
		return true;
	return is_handler(p, it) && meeting_agenda_editable(m->state) &&
	       (!it->decision || !*it->decision) &&
	       it->outcome == OUTCOME_NONE;
}

/* Private notes: the author must be an account (the note is keyed by
 * it), and must read the item in full by role - the public reads public
 * items in full too, but annotating is the member's privilege (issue 3),
 * not the reader's. */
bool access_annotate(const struct structure *s, const struct principal *p,
		     const struct meeting *m, const struct agenda_item *it,
		     int date)
{
	if (!p || !p->account_id || !m || !it)
		return false;
	return access_meeting_full(s, p, m->body_id, date) ||
	       is_handler(p, it);
}
