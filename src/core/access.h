/*
 * access.h - who may see and change what: the permission rule, pure C.
 *
 * Roles are derived from memberships where possible (issue 3): a person's
 * active memberships in a body on a date give them that body's roles.
 * Accounts add only what memberships cannot say: administrator. The web
 * layer enforces this in one place (reads through access_view, writes
 * through access_can_save); handlers never decide permissions themselves.
 *
 *   role            from                                  may
 *   public          not logged in                         read published data
 *   member          member/vice-chair/substitute of B     + read B's drafts (and
 *                                                           later closed items)
 *   chair           chair/co-chair of B                   + approve for B
 *   secretariat     secretary of B                        + edit B (members,
 *                                                           terms of reference,
 *                                                           rotation, body fields)
 *                                                           + the registry
 *   administrator   account flag                          everything
 *
 * "Registry" = organisations, areas, people and new bodies: administrators
 * and anyone who is a secretary of some body (they must be able to add the
 * person they are about to make a member).
 */
#ifndef KLYNGE_ACCESS_H
#define KLYNGE_ACCESS_H

#include "model.h"
#include "../util/arena.h"

struct principal {
	int64_t account_id;	/* 0: the public (not logged in) */
	int64_t person_id;	/* the person the account is; 0 = none */
	bool admin;
};

/* Roles in one body on a date (bit set). */
enum {
	ACCESS_ROLE_MEMBER = 1 << 0,	/* member, vice-chair, substitute */
	ACCESS_ROLE_CHAIR = 1 << 1,	/* chair, co-chair */
	ACCESS_ROLE_SECRETARY = 1 << 2,	/* secretary */
};

enum access_action {
	ACCESS_READ_DRAFT = 1,	/* unapproved terms of reference of a body */
	ACCESS_APPROVE,		/* record approvals for a body */
	ACCESS_EDIT_BODY,	/* a body's fields, memberships, charters, rotation */
	ACCESS_EDIT_REGISTRY,	/* organisations, areas, people, new bodies */
	ACCESS_ADMIN,		/* accounts */
};

/* Can p do nothing beyond the public? True for NULL, for the public
 * (account 0) and for an account that is no person and no administrator
 * (no memberships to derive roles from). Such principals also get
 * people's e-mail addresses and notes blanked by access_view. */
bool access_is_public(const struct principal *p);

/* The roles a person holds in a body on a date (0 for person 0). */
unsigned access_body_roles(const struct structure *s, int64_t person_id,
			   int64_t body_id, int date);

/* May principal p do action on body_id (0 for registry/admin actions)
 * on date? Administrators may do everything; the public nothing. */
bool access_allowed(const struct structure *s, const struct principal *p,
		    enum access_action action, int64_t body_id, int date);

/* Is this charter version visible to p? Approved versions are public;
 * drafts and pre-approved versions need ACCESS_READ_DRAFT on its body. */
bool access_charter_visible(const struct structure *s,
			    const struct principal *p,
			    const struct charter *c, int date);

/*
 * The structure as p may see it, in the arena: charters p may not see
 * left out; for the public, people's e-mail addresses and notes blanked.
 * Shares unchanged objects with `in` (read-only); never modifies `in`.
 */
void access_view(struct arena *a, const struct structure *in,
		 const struct principal *p, int date, struct structure *out);

/*
 * May p save `after` (an object of the given store kind, see
 * store_kind codes below) replacing `before` (NULL for a create)?
 * A membership, charter or rotation needs ACCESS_EDIT_BODY on its body
 * (both the old and the new body when it moves); an approval step needs
 * ACCESS_APPROVE or ACCESS_EDIT_BODY; a body's own fields need
 * ACCESS_EDIT_BODY on it (creating a body: ACCESS_EDIT_REGISTRY);
 * organisations, areas and people need ACCESS_EDIT_REGISTRY.
 * Deletes pass after = NULL.
 */
enum access_kind {
	ACCESS_KIND_ORG = 1,
	ACCESS_KIND_AREA,
	ACCESS_KIND_BODY,
	ACCESS_KIND_CHARTER,
	ACCESS_KIND_PERSON,
	ACCESS_KIND_MEMBERSHIP,
	ACCESS_KIND_ROTATION,
};
bool access_can_save(const struct structure *s, const struct principal *p,
		     enum access_kind kind, const void *before,
		     const void *after, int date);

/* ---- meetings (issue 4) ----------------------------------------------
 * One rule for every surface (pages, API, OParl, PDF, iCal, e-mail,
 * attachment downloads, search): handlers never look at `closed` or the
 * state themselves, they call access_meeting_view and show what it
 * leaves.
 *
 *   who                          sees
 *   public (and no-role accounts) a meeting once it was published
 *                                 (was_published), public items in full,
 *                                 closed items by number and title only
 *                                 (no texts, no attachments); decisions
 *                                 only once the minutes are approved;
 *                                 no attendance, tasks, events, or
 *                                 full-edition documents
 *   case handler of an item       that item in full (and the meeting's
 *                                 date/title), even before publication
 *   member/chair/secretary of B   everything of B's meetings, closed
 *   administrator                 items, drafts, attendance included
 */
#include "meeting.h"

/* Can p read everything of body_id's meetings (closed items, drafts)? */
bool access_meeting_full(const struct structure *s, const struct principal *p,
			 int64_t body_id, int date);

/*
 * The meeting as p may see it, copied into the arena (strings shared
 * with `in`); returns false when p may not see the meeting at all (then
 * *out is zeroed). For the public: as in the table above; a closed
 * item keeps id, number, title, kind, closed=true, everything else
 * blanked ("" / 0 / no attachments). Documents: only public editions
 * for those without access_meeting_full.
 */
bool access_meeting_view(struct arena *a, const struct structure *s,
			 const struct principal *p, const struct meeting *in,
			 int date, struct meeting *out);

/* May p edit the meeting itself (fields, state other than the two
 * approvals, items, order, attendance, tasks, documents)? Secretariat
 * of its body (ACCESS_EDIT_BODY) or administrator. */
bool access_meeting_edit(const struct structure *s, const struct principal *p,
			 const struct meeting *m, int date);
/* May p approve the agenda / the minutes (the states agenda_approved,
 * minutes_approved)? Chair or co-chair (ACCESS_APPROVE) or
 * administrator; the secretariat may not. */
bool access_meeting_approve(const struct structure *s,
			    const struct principal *p,
			    const struct meeting *m, int date);
/* May p edit this item's texts and attachments? access_meeting_edit, or
 * p is the item's case handler (handler_person_id) while the agenda is
 * editable and the item has no decision yet. Case handlers may not
 * change number, closed, handler, decision or outcome. */
bool access_item_edit(const struct structure *s, const struct principal *p,
		      const struct meeting *m, const struct agenda_item *it,
		      int date);
/* May p keep a private note [private noter] on this item? Those who
 * read the item in full by role: access_meeting_full for the meeting's
 * body (members, chairs, secretaries, administrators) or the item's
 * case handler; and only a logged-in account (a note belongs to an
 * account_id). The note is shown to its author only, never to others. */
bool access_annotate(const struct structure *s, const struct principal *p,
		     const struct meeting *m, const struct agenda_item *it,
		     int date);

#endif
