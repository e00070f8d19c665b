/*
 * test_access.c - the permission rule of src/core/access.c, at the core
 * level (the HTTP matrix over every surface is the web layer's).
 *
 * Issue 3: "Roles, derived from memberships where possible:
 * administrator; secretariat of a body (edits its meetings, items,
 * minutes); chair/co-chair (approves agenda and minutes); ... member
 * (reads everything of the body ...); public (not logged in: published
 * public items only)."
 *
 * The fixture has two bodies, B and C, each with an approved charter and
 * a draft of the next version. B has a member, a substitute, a chair, a
 * co-chair and a secretary; C has its own secretary. All terms run
 * T_START .. T_END.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/access.h"
#include "fixture.h"

#define T_START 20240101
#define T_END 20251231
#define T_DATE 20240601

struct ax {
	struct fx f;
	int64_t region, body_b, body_c;
	int64_t ch_b1, ch_b2, ch_c1, ch_c2;	/* approved, draft per body */
	int64_t p_member, p_sub, p_chair, p_co, p_sec_b, p_sec_c, p_sec_bc;
	int64_t m_member, m_sub, m_sec_b;
};

static void ax_init(struct ax *x)
{
	struct fx *f = &x->f;
	fx_init(f);
	x->region = fx_org(f, "Region Syddanmark", ORG_REGION, SECTOR_REGION, 0);
	x->body_b = fx_body(f, "Forum B", BODY_THEME_GROUP, 0);
	x->body_c = fx_body(f, "Forum C", BODY_THEME_GROUP, 0);

	x->ch_b1 = fx_charter(f, x->body_b, 1, CHARTER_APPROVED, 20230101);
	fx_approval(f, x->ch_b1, CHARTER_APPROVED, 20221201);
	x->ch_b2 = fx_charter(f, x->body_b, 2, CHARTER_DRAFT, 0);
	fx_charter_get(f, x->ch_b2)->text = "Udkast til B";
	x->ch_c1 = fx_charter(f, x->body_c, 1, CHARTER_APPROVED, 20230101);
	x->ch_c2 = fx_charter(f, x->body_c, 2, CHARTER_PRE_APPROVED, 0);
	fx_approval(f, x->ch_c2, CHARTER_PRE_APPROVED, 20240301);

	x->m_member = fx_seated(f, "Anne Andersen", x->body_b, ROLE_MEMBER,
				FUNC_DIRECTOR, x->region, T_START, T_END);
	x->p_member = fx_membership(f, x->m_member)->person_id;
	x->m_sub = fx_seated(f, "Bent Bruun", x->body_b, ROLE_SUBSTITUTE,
			     FUNC_DIRECTOR, x->region, T_START, T_END);
	fx_membership(f, x->m_sub)->substitute_for_id = x->m_member;
	x->p_sub = fx_membership(f, x->m_sub)->person_id;
	x->p_chair = fx_membership(f, fx_seated(f, "Carla Christensen",
		x->body_b, ROLE_CHAIR, FUNC_DIRECTOR, x->region, T_START,
		T_END))->person_id;
	x->p_co = fx_membership(f, fx_seated(f, "Dorte Damgaard", x->body_b,
		ROLE_CO_CHAIR, FUNC_DIRECTOR, x->region, T_START,
		T_END))->person_id;
	x->m_sec_b = fx_seated(f, "Eva Eriksen", x->body_b, ROLE_SECRETARY,
			       FUNC_CONSULTANT, x->region, T_START, T_END);
	x->p_sec_b = fx_membership(f, x->m_sec_b)->person_id;
	x->p_sec_c = fx_membership(f, fx_seated(f, "Finn Frost", x->body_c,
		ROLE_SECRETARY, FUNC_CONSULTANT, x->region, T_START,
		T_END))->person_id;
	x->p_sec_bc = fx_person(f, "Gitte Gram", x->region);
	fx_member(f, x->p_sec_bc, x->body_b, ROLE_SECRETARY, FUNC_CONSULTANT,
		  x->region, T_START, T_END);
	fx_member(f, x->p_sec_bc, x->body_c, ROLE_SECRETARY, FUNC_CONSULTANT,
		  x->region, T_START, T_END);

	for (size_t i = 0; i < f->s.n_people; i++) {
		struct person *p = &f->s.people[i];
		p->email = arena_printf(&f->a, "%s@example.dk", p->key);
	}
}

static struct principal person_p(int64_t account, int64_t person)
{
	return (struct principal){ .account_id = account, .person_id = person };
}

static const struct principal P_PUBLIC = { 0, 0, false };
static const struct principal P_NOBODY = { 10, 0, false };
static const struct principal P_ADMIN = { 99, 0, true };

/* ---- roles from memberships ---------------------------------------- */

/* Every membership role, and the bits it gives. A new enum role makes
 * the table the wrong size and the build fail: decide its bits here. */
static void role_bits_per_role(void **state)
{
	static const unsigned expect[] = {
		[ROLE_NONE] = 0,
		[ROLE_CHAIR] = ACCESS_ROLE_CHAIR,
		[ROLE_CO_CHAIR] = ACCESS_ROLE_CHAIR,
		[ROLE_VICE_CHAIR] = ACCESS_ROLE_MEMBER,
		[ROLE_MEMBER] = ACCESS_ROLE_MEMBER,
		[ROLE_SUBSTITUTE] = ACCESS_ROLE_MEMBER,
		[ROLE_SECRETARY] = ACCESS_ROLE_SECRETARY,
	};
	_Static_assert(sizeof(expect) / sizeof(expect[0]) == ROLE__COUNT,
		       "a new role: give it its access bits in this table");
	for (int r = 0; r < ROLE__COUNT; r++) {
		struct fx f;
		fx_init(&f);
		int64_t b = fx_body(&f, "Forum", BODY_THEME_GROUP, 0);
		int64_t m = fx_seated(&f, "Anne", b, (enum role)r, FUNC_NONE,
				      0, T_START, T_END);
		int64_t pid = fx_membership(&f, m)->person_id;
		unsigned got = access_body_roles(&f.s, pid, b, T_DATE);
		if (got != expect[r]) {
			print_message("role %s: got %u, expected %u\n",
				      role_code((enum role)r), got, expect[r]);
			fail();
		}
		/* Another body gives nothing. */
		assert_int_equal(access_body_roles(&f.s, pid, b + 100, T_DATE), 0);
		fx_free(&f);
	}
}

/* Two memberships in one body add up (a chair who is also secretary);
 * person 0 and body 0 have no roles. */
static void roles_combine(void **state)
{
	struct ax x;
	ax_init(&x);
	fx_member(&x.f, x.p_chair, x.body_b, ROLE_SECRETARY, FUNC_NONE, 0,
		  T_START, T_END);
	assert_int_equal(access_body_roles(&x.f.s, x.p_chair, x.body_b, T_DATE),
			 ACCESS_ROLE_CHAIR | ACCESS_ROLE_SECRETARY);
	assert_int_equal(access_body_roles(&x.f.s, 0, x.body_b, T_DATE), 0);
	assert_int_equal(access_body_roles(&x.f.s, x.p_chair, 0, T_DATE), 0);
	struct structure empty = { 0 };
	assert_int_equal(access_body_roles(&empty, x.p_chair, x.body_b, T_DATE), 0);
	fx_free(&x.f);
}

/* ---- the permission matrix ----------------------------------------- */

/*
 * Each principal x each action, on body B (0 for registry/admin). The
 * tables are sized by the enums: a new action makes ACTIONS the wrong
 * length, a new principal row without its expectations fails to build.
 */
enum who {
	W_PUBLIC, W_NOBODY, W_MEMBER, W_SUBSTITUTE, W_CHAIR, W_CO_CHAIR,
	W_SECRETARY_B, W_SECRETARY_C, W_ADMIN, W__COUNT
};

static const char *const WHO_NAMES[] = {
	"public", "account without person", "member", "substitute", "chair",
	"co-chair", "secretary of B", "secretary of C", "admin",
};
_Static_assert(sizeof(WHO_NAMES) / sizeof(WHO_NAMES[0]) == W__COUNT,
	       "a name per principal");

static const enum access_action ACTIONS[] = {
	ACCESS_READ_DRAFT, ACCESS_APPROVE, ACCESS_EDIT_BODY,
	ACCESS_EDIT_REGISTRY, ACCESS_ADMIN,
};
#define N_ACTIONS (sizeof(ACTIONS) / sizeof(ACTIONS[0]))
_Static_assert(ACCESS_ADMIN == 5 && N_ACTIONS == 5,
	       "a new access action: add it to ACTIONS and a column to EXPECT");

/*                          READ  APPROVE  EDIT_BODY  REGISTRY  ADMIN */
static const bool EXPECT[W__COUNT][N_ACTIONS] = {
	[W_PUBLIC] =      { 0,    0,       0,         0,        0 },
	[W_NOBODY] =      { 0,    0,       0,         0,        0 },
	[W_MEMBER] =      { 1,    0,       0,         0,        0 },
	[W_SUBSTITUTE] =  { 1,    0,       0,         0,        0 },
	[W_CHAIR] =       { 1,    1,       0,         0,        0 },
	[W_CO_CHAIR] =    { 1,    1,       0,         0,        0 },
	[W_SECRETARY_B] = { 1,    0,       1,         1,        0 },
	[W_SECRETARY_C] = { 0,    0,       0,         1,        0 },
	[W_ADMIN] =       { 1,    1,       1,         1,        1 },
};

static struct principal who_principal(const struct ax *x, enum who w)
{
	switch (w) {
	case W_PUBLIC: return P_PUBLIC;
	case W_NOBODY: return P_NOBODY;
	case W_MEMBER: return person_p(1, x->p_member);
	case W_SUBSTITUTE: return person_p(2, x->p_sub);
	case W_CHAIR: return person_p(3, x->p_chair);
	case W_CO_CHAIR: return person_p(4, x->p_co);
	case W_SECRETARY_B: return person_p(5, x->p_sec_b);
	case W_SECRETARY_C: return person_p(6, x->p_sec_c);
	case W_ADMIN: return P_ADMIN;
	case W__COUNT: break;
	}
	fail_msg("no principal for %d", (int)w);
	return P_PUBLIC;
}

static bool action_on_body(enum access_action act)
{
	return act == ACCESS_READ_DRAFT || act == ACCESS_APPROVE ||
	       act == ACCESS_EDIT_BODY;
}

static void permission_matrix(void **state)
{
	struct ax x;
	ax_init(&x);
	int wrong = 0;
	for (int w = 0; w < W__COUNT; w++) {
		struct principal p = who_principal(&x, (enum who)w);
		for (size_t j = 0; j < N_ACTIONS; j++) {
			int64_t body = action_on_body(ACTIONS[j]) ? x.body_b : 0;
			bool got = access_allowed(&x.f.s, &p, ACTIONS[j], body,
						  T_DATE);
			if (got != EXPECT[w][j]) {
				print_message("%s, action %d: got %s\n",
					      WHO_NAMES[w], (int)ACTIONS[j],
					      got ? "yes" : "no");
				wrong++;
			}
		}
	}
	assert_int_equal(wrong, 0);
	fx_free(&x.f);
}

/* Roles are per body: B's chair and member have nothing in C, C's
 * secretary edits C. */
static void roles_stay_in_their_body(void **state)
{
	struct ax x;
	ax_init(&x);
	struct principal chair = person_p(3, x.p_chair);
	struct principal sec_c = person_p(6, x.p_sec_c);
	assert_false(access_allowed(&x.f.s, &chair, ACCESS_READ_DRAFT, x.body_c, T_DATE));
	assert_false(access_allowed(&x.f.s, &chair, ACCESS_APPROVE, x.body_c, T_DATE));
	assert_true(access_allowed(&x.f.s, &sec_c, ACCESS_EDIT_BODY, x.body_c, T_DATE));
	assert_true(access_allowed(&x.f.s, &sec_c, ACCESS_READ_DRAFT, x.body_c, T_DATE));
	/* Body actions on "no body" are nobody's but the administrator's. */
	assert_false(access_allowed(&x.f.s, &sec_c, ACCESS_EDIT_BODY, 0, T_DATE));
	assert_true(access_allowed(&x.f.s, &P_ADMIN, ACCESS_EDIT_BODY, 0, T_DATE));
	/* An unknown action and a NULL principal are refused. */
	assert_false(access_allowed(&x.f.s, &sec_c, (enum access_action)99,
				    x.body_c, T_DATE));
	assert_false(access_allowed(&x.f.s, NULL, ACCESS_READ_DRAFT, x.body_c, T_DATE));
	/* A public principal carrying a person id is still the public. */
	struct principal forged = person_p(0, x.p_sec_b);
	assert_false(access_allowed(&x.f.s, &forged, ACCESS_EDIT_BODY, x.body_b, T_DATE));
	fx_free(&x.f);
}

/* ---- dates at the ends of a term ----------------------------------- */

/* A role is held from the first day to the last day of the term, both
 * included, and not a day outside it. */
static void role_at_term_ends(void **state)
{
	struct ax x;
	ax_init(&x);
	struct principal m = person_p(1, x.p_member);
	struct principal sec = person_p(5, x.p_sec_b);
	static const struct {
		int date;
		bool in;
	} days[] = {
		{ 20231231, false },	/* day before start */
		{ T_START, true },	/* first day */
		{ T_END, true },	/* last day */
		{ 20260101, false },	/* day after end */
	};
	for (size_t i = 0; i < sizeof(days) / sizeof(days[0]); i++) {
		int d = days[i].date;
		assert_int_equal(access_body_roles(&x.f.s, x.p_member, x.body_b, d),
				 days[i].in ? ACCESS_ROLE_MEMBER : 0);
		assert_int_equal(access_allowed(&x.f.s, &m, ACCESS_READ_DRAFT,
						x.body_b, d), days[i].in);
		assert_int_equal(access_allowed(&x.f.s, &sec, ACCESS_EDIT_BODY,
						x.body_b, d), days[i].in);
		/* The registry follows the secretary's term too. */
		assert_int_equal(access_allowed(&x.f.s, &sec, ACCESS_EDIT_REGISTRY,
						0, d), days[i].in);
	}
	/* An open-ended term holds on and on. */
	fx_membership(&x.f, x.m_member)->end = 0;
	assert_int_equal(access_body_roles(&x.f.s, x.p_member, x.body_b, 20991231),
			 ACCESS_ROLE_MEMBER);
	fx_free(&x.f);
}

/* ---- reading: charters and the view -------------------------------- */

static void charter_visibility(void **state)
{
	struct ax x;
	ax_init(&x);
	const struct structure *s = &x.f.s;
	struct principal m = person_p(1, x.p_member);
	const struct charter *b1 = structure_charter(s, x.ch_b1);
	const struct charter *b2 = structure_charter(s, x.ch_b2);
	const struct charter *c2 = structure_charter(s, x.ch_c2);
	/* Approved versions are public. */
	assert_true(access_charter_visible(s, &P_PUBLIC, b1, T_DATE));
	assert_true(access_charter_visible(s, NULL, b1, T_DATE));
	/* Drafts and pre-approved versions are not. */
	assert_false(access_charter_visible(s, &P_PUBLIC, b2, T_DATE));
	assert_false(access_charter_visible(s, &P_PUBLIC, c2, T_DATE));
	assert_false(access_charter_visible(s, &P_NOBODY, b2, T_DATE));
	assert_true(access_charter_visible(s, &m, b2, T_DATE));
	assert_false(access_charter_visible(s, &m, c2, T_DATE));
	/* After the member's term, B's draft is hidden from them again. */
	assert_false(access_charter_visible(s, &m, b2, 20260101));
	assert_true(access_charter_visible(s, &P_ADMIN, c2, T_DATE));
	assert_false(access_charter_visible(s, &P_ADMIN, NULL, T_DATE));
	fx_free(&x.f);
}

static bool view_has_charter(const struct structure *v, int64_t id)
{
	return structure_charter(v, id) != NULL;
}

/* `in` after a view: the same arrays, counts and contents as before. */
static void assert_unchanged(const struct ax *x, const struct structure *saved)
{
	const struct structure *s = &x->f.s;
	assert_ptr_equal(s->charters, saved->charters);
	assert_int_equal(s->n_charters, 4);
	assert_ptr_equal(s->people, saved->people);
	assert_int_equal(s->n_people, saved->n_people);
	assert_int_equal(s->charters[1].status, CHARTER_DRAFT);
	assert_string_equal(s->charters[1].text, "Udkast til B");
	for (size_t i = 0; i < s->n_people; i++) {
		char want[64];
		snprintf(want, sizeof(want), "%s@example.dk", s->people[i].key);
		assert_string_equal(s->people[i].email, want);
		assert_string_equal(s->people[i].note, "Fiktiv person");
	}
}

static void view_public(void **state)
{
	struct ax x;
	ax_init(&x);
	struct structure saved = x.f.s, v;
	access_view(&x.f.a, &x.f.s, &P_PUBLIC, T_DATE, &v);
	/* Issue 3: "unpublished drafts never reach someone who may not
	 * see them on any surface". */
	assert_int_equal(v.n_charters, 2);
	assert_true(view_has_charter(&v, x.ch_b1));
	assert_true(view_has_charter(&v, x.ch_c1));
	assert_false(view_has_charter(&v, x.ch_b2));
	assert_false(view_has_charter(&v, x.ch_c2));
	/* E-mails and notes blanked, everything else of a person kept. */
	assert_int_equal(v.n_people, x.f.s.n_people);
	for (size_t i = 0; i < v.n_people; i++) {
		assert_string_equal(v.people[i].email, "");
		assert_string_equal(v.people[i].note, "");
		assert_int_equal(v.people[i].id, x.f.s.people[i].id);
		assert_string_equal(v.people[i].name, x.f.s.people[i].name);
	}
	/* The rest is shared as it is. */
	assert_ptr_equal(v.memberships, x.f.s.memberships);
	assert_int_equal(v.n_memberships, x.f.s.n_memberships);
	assert_ptr_equal(v.bodies, x.f.s.bodies);
	assert_ptr_equal(v.orgs, x.f.s.orgs);
	assert_unchanged(&x, &saved);

	/* An account that is no person sees what the public sees. */
	access_view(&x.f.a, &x.f.s, &P_NOBODY, T_DATE, &v);
	assert_int_equal(v.n_charters, 2);
	assert_string_equal(v.people[0].email, "");
	assert_unchanged(&x, &saved);
	fx_free(&x.f);
}

static void view_member(void **state)
{
	struct ax x;
	ax_init(&x);
	struct structure saved = x.f.s, v;
	struct principal m = person_p(1, x.p_member);
	access_view(&x.f.a, &x.f.s, &m, T_DATE, &v);
	assert_int_equal(v.n_charters, 3);
	assert_true(view_has_charter(&v, x.ch_b2));	/* B's draft */
	assert_false(view_has_charter(&v, x.ch_c2));	/* not C's */
	/* Logged-in people see contact details: people shared. */
	assert_ptr_equal(v.people, x.f.s.people);
	assert_unchanged(&x, &saved);

	/* C's secretary: the other way round. */
	struct principal sec_c = person_p(6, x.p_sec_c);
	access_view(&x.f.a, &x.f.s, &sec_c, T_DATE, &v);
	assert_int_equal(v.n_charters, 3);
	assert_false(view_has_charter(&v, x.ch_b2));
	assert_true(view_has_charter(&v, x.ch_c2));
	assert_unchanged(&x, &saved);
	fx_free(&x.f);
}

static void view_admin(void **state)
{
	struct ax x;
	ax_init(&x);
	struct structure saved = x.f.s, v;
	access_view(&x.f.a, &x.f.s, &P_ADMIN, T_DATE, &v);
	assert_int_equal(v.n_charters, 4);
	assert_ptr_equal(v.charters, x.f.s.charters);
	assert_ptr_equal(v.people, x.f.s.people);
	assert_unchanged(&x, &saved);

	/* Nothing visible at all: an empty list, not a dangling one. */
	struct structure drafts_only = x.f.s;
	drafts_only.charters = &x.f.s.charters[1];
	drafts_only.n_charters = 1;
	access_view(&x.f.a, &drafts_only, &P_PUBLIC, T_DATE, &v);
	assert_int_equal(v.n_charters, 0);
	fx_free(&x.f);
}

/* ---- saving --------------------------------------------------------- */

static bool can_save(const struct ax *x, const struct principal *p,
		     enum access_kind kind, const void *before,
		     const void *after)
{
	return access_can_save(&x->f.s, p, kind, before, after, T_DATE);
}

static void save_membership(void **state)
{
	struct ax x;
	ax_init(&x);
	struct principal sec_b = person_p(5, x.p_sec_b);
	struct principal sec_c = person_p(6, x.p_sec_c);
	struct principal sec_bc = person_p(7, x.p_sec_bc);
	struct principal member = person_p(1, x.p_member);
	struct membership in_b = *fx_membership(&x.f, x.m_member);
	in_b.id = 0;
	/* Create in B. */
	assert_true(can_save(&x, &sec_b, ACCESS_KIND_MEMBERSHIP, NULL, &in_b));
	assert_false(can_save(&x, &sec_c, ACCESS_KIND_MEMBERSHIP, NULL, &in_b));
	assert_false(can_save(&x, &member, ACCESS_KIND_MEMBERSHIP, NULL, &in_b));
	assert_false(can_save(&x, &P_PUBLIC, ACCESS_KIND_MEMBERSHIP, NULL, &in_b));
	assert_true(can_save(&x, &P_ADMIN, ACCESS_KIND_MEMBERSHIP, NULL, &in_b));
	/* Move from B to C: both secretariats. */
	struct membership before = *fx_membership(&x.f, x.m_member);
	struct membership moved = before;
	moved.body_id = x.body_c;
	assert_false(can_save(&x, &sec_b, ACCESS_KIND_MEMBERSHIP, &before, &moved));
	assert_false(can_save(&x, &sec_c, ACCESS_KIND_MEMBERSHIP, &before, &moved));
	assert_true(can_save(&x, &sec_bc, ACCESS_KIND_MEMBERSHIP, &before, &moved));
	/* Edit and delete in B. */
	struct membership edited = before;
	edited.end = 20241231;
	assert_true(can_save(&x, &sec_b, ACCESS_KIND_MEMBERSHIP, &before, &edited));
	assert_false(can_save(&x, &member, ACCESS_KIND_MEMBERSHIP, &before, &edited));
	assert_true(can_save(&x, &sec_b, ACCESS_KIND_MEMBERSHIP, &before, NULL));
	assert_false(can_save(&x, &sec_c, ACCESS_KIND_MEMBERSHIP, &before, NULL));
	/* A membership in no body is not B's secretariat's to create. */
	struct membership nowhere = in_b;
	nowhere.body_id = 0;
	assert_false(can_save(&x, &sec_b, ACCESS_KIND_MEMBERSHIP, NULL, &nowhere));
	/* Neither before nor after, or an unknown kind: no, even for an
	 * administrator in the first case. */
	assert_false(can_save(&x, &P_ADMIN, ACCESS_KIND_MEMBERSHIP, NULL, NULL));
	assert_false(can_save(&x, &sec_b, (enum access_kind)99, NULL, &in_b));
	assert_false(can_save(&x, NULL, ACCESS_KIND_MEMBERSHIP, NULL, &in_b));
	/* After the secretary's term ends: no. */
	assert_false(access_can_save(&x.f.s, &sec_b, ACCESS_KIND_MEMBERSHIP,
				     NULL, &in_b, 20260101));
	fx_free(&x.f);
}

static void save_rotation(void **state)
{
	struct ax x;
	ax_init(&x);
	struct principal sec_b = person_p(5, x.p_sec_b);
	struct principal chair = person_p(3, x.p_chair);
	struct rotation r = { .body_id = x.body_b, .start_year = 2024,
			      .end_year = 2025, .org_id = x.region, .note = "" };
	assert_true(can_save(&x, &sec_b, ACCESS_KIND_ROTATION, NULL, &r));
	assert_false(can_save(&x, &chair, ACCESS_KIND_ROTATION, NULL, &r));
	struct rotation moved = r;
	moved.body_id = x.body_c;
	assert_false(can_save(&x, &sec_b, ACCESS_KIND_ROTATION, &r, &moved));
	fx_free(&x.f);
}

/* The charter with one approval step added, as form_approval_create
 * builds it: inserted in date order, the status set to the step's. */
static struct charter with_step(struct ax *x, const struct charter *c,
				size_t at, enum charter_status st, int date)
{
	struct charter out = *c;
	out.approvals = arena_array(&x->f.a, c->n_approvals + 1,
				    sizeof(*out.approvals));
	/* A loop, not memcpy: c->approvals is NULL when there are none. */
	for (size_t i = 0, k = 0; i < c->n_approvals; i++, k++) {
		if (i == at)
			k++;
		out.approvals[k] = c->approvals[i];
	}
	out.approvals[at] = (struct approval){ .status = st, .date = date,
		.by_text = "Formandskabet", .note = "" };
	out.n_approvals = c->n_approvals + 1;
	out.status = st;
	return out;
}

static void save_charter(void **state)
{
	struct ax x;
	ax_init(&x);
	struct principal chair = person_p(3, x.p_chair);
	struct principal co = person_p(4, x.p_co);
	struct principal member = person_p(1, x.p_member);
	struct principal sec_b = person_p(5, x.p_sec_b);
	struct principal sec_c = person_p(6, x.p_sec_c);
	const struct charter *draft = structure_charter(&x.f.s, x.ch_b2);

	/* Approval added by the chair (or co-chair): yes. */
	struct charter approved = with_step(&x, draft, 0, CHARTER_APPROVED,
					    20240501);
	assert_true(can_save(&x, &chair, ACCESS_KIND_CHARTER, draft, &approved));
	assert_true(can_save(&x, &co, ACCESS_KIND_CHARTER, draft, &approved));
	assert_true(can_save(&x, &sec_b, ACCESS_KIND_CHARTER, draft, &approved));
	assert_false(can_save(&x, &member, ACCESS_KIND_CHARTER, draft, &approved));
	assert_false(can_save(&x, &sec_c, ACCESS_KIND_CHARTER, draft, &approved));

	/* A step inserted before an existing one (date order): yes. */
	const struct charter *b1 = structure_charter(&x.f.s, x.ch_b1);
	struct charter earlier = with_step(&x, b1, 0, CHARTER_PRE_APPROVED,
					   20221101);
	earlier.status = CHARTER_APPROVED;
	assert_true(can_save(&x, &chair, ACCESS_KIND_CHARTER, b1, &earlier));

	/* A step plus a change to the text: that is editing, not approving. */
	struct charter sneaky = approved;
	sneaky.text = "Ændret af formanden";
	assert_false(can_save(&x, &chair, ACCESS_KIND_CHARTER, draft, &sneaky));
	assert_true(can_save(&x, &sec_b, ACCESS_KIND_CHARTER, draft, &sneaky));
	/* ... or a seat added, or an earlier step changed. */
	struct seat_rule seat = { .key = "gp", .label = "Læger", .min = 1 };
	struct charter seated = approved;
	seated.seats = &seat;
	seated.n_seats = 1;
	assert_false(can_save(&x, &chair, ACCESS_KIND_CHARTER, draft, &seated));
	struct charter rewritten = with_step(&x, b1, 1, CHARTER_APPROVED, 20240501);
	struct approval *steps = arena_array(&x.f.a, rewritten.n_approvals,
					     sizeof(*steps));
	memcpy(steps, rewritten.approvals, rewritten.n_approvals * sizeof(*steps));
	steps[0].date = 20221202;
	rewritten.approvals = steps;
	assert_false(can_save(&x, &chair, ACCESS_KIND_CHARTER, b1, &rewritten));
	/* The same step without the change is fine. */
	struct charter appended = with_step(&x, b1, 1, CHARTER_APPROVED, 20240501);
	assert_true(can_save(&x, &chair, ACCESS_KIND_CHARTER, b1, &appended));
	/* Removing a step is not approving either. */
	struct charter fewer = *b1;
	fewer.n_approvals = 0;
	assert_false(can_save(&x, &chair, ACCESS_KIND_CHARTER, b1, &fewer));

	/* Plain edits, creates, deletes: the secretariat. */
	struct charter edited = *draft;
	edited.text = "Nyt udkast";
	assert_true(can_save(&x, &sec_b, ACCESS_KIND_CHARTER, draft, &edited));
	assert_false(can_save(&x, &chair, ACCESS_KIND_CHARTER, draft, &edited));
	assert_true(can_save(&x, &sec_b, ACCESS_KIND_CHARTER, NULL, &edited));
	assert_false(can_save(&x, &chair, ACCESS_KIND_CHARTER, NULL, &approved));
	assert_true(can_save(&x, &sec_b, ACCESS_KIND_CHARTER, draft, NULL));
	assert_false(can_save(&x, &chair, ACCESS_KIND_CHARTER, draft, NULL));
	/* Moving a charter to C: both secretariats. */
	struct charter moved = *draft;
	moved.body_id = x.body_c;
	assert_false(can_save(&x, &sec_b, ACCESS_KIND_CHARTER, draft, &moved));
	assert_false(can_save(&x, &sec_c, ACCESS_KIND_CHARTER, draft, &moved));
	fx_free(&x.f);
}

static void save_body(void **state)
{
	struct ax x;
	ax_init(&x);
	struct principal member = person_p(1, x.p_member);
	struct principal chair = person_p(3, x.p_chair);
	struct principal sec_b = person_p(5, x.p_sec_b);
	struct principal sec_c = person_p(6, x.p_sec_c);
	const struct body *b = structure_body(&x.f.s, x.body_b);
	struct body fresh = { .name = "Nyt forum", .kind = BODY_ADHOC_GROUP };
	/* Create: registry work. */
	assert_true(can_save(&x, &sec_b, ACCESS_KIND_BODY, NULL, &fresh));
	assert_true(can_save(&x, &sec_c, ACCESS_KIND_BODY, NULL, &fresh));
	assert_false(can_save(&x, &member, ACCESS_KIND_BODY, NULL, &fresh));
	assert_false(can_save(&x, &chair, ACCESS_KIND_BODY, NULL, &fresh));
	assert_false(can_save(&x, &P_NOBODY, ACCESS_KIND_BODY, NULL, &fresh));
	/* Edit: the body's own secretariat. */
	struct body renamed = *b;
	renamed.name = "Forum B, nyt navn";
	assert_true(can_save(&x, &sec_b, ACCESS_KIND_BODY, b, &renamed));
	assert_false(can_save(&x, &sec_c, ACCESS_KIND_BODY, b, &renamed));
	assert_false(can_save(&x, &chair, ACCESS_KIND_BODY, b, &renamed));
	/* Delete: registry work. */
	assert_true(can_save(&x, &sec_b, ACCESS_KIND_BODY, b, NULL));
	assert_false(can_save(&x, &member, ACCESS_KIND_BODY, b, NULL));
	fx_free(&x.f);
}

static void save_registry(void **state)
{
	struct ax x;
	ax_init(&x);
	struct principal member = person_p(1, x.p_member);
	struct principal chair = person_p(3, x.p_chair);
	struct principal sec_c = person_p(6, x.p_sec_c);
	const struct person *pp = structure_person(&x.f.s, x.p_member);
	struct person edited = *pp;
	edited.title = "Direktør";
	/* Person edit by a member (even of themselves): no. */
	assert_false(can_save(&x, &member, ACCESS_KIND_PERSON, pp, &edited));
	assert_false(can_save(&x, &chair, ACCESS_KIND_PERSON, pp, &edited));
	assert_true(can_save(&x, &sec_c, ACCESS_KIND_PERSON, pp, &edited));
	assert_true(can_save(&x, &sec_c, ACCESS_KIND_PERSON, NULL, &edited));
	assert_true(can_save(&x, &P_ADMIN, ACCESS_KIND_PERSON, pp, NULL));

	const struct organisation *o = structure_org(&x.f.s, x.region);
	struct area ar = { .name = "Klynge", .region_id = x.region };
	assert_true(can_save(&x, &sec_c, ACCESS_KIND_ORG, o, NULL));
	assert_false(can_save(&x, &member, ACCESS_KIND_ORG, NULL, o));
	assert_false(can_save(&x, &P_PUBLIC, ACCESS_KIND_ORG, NULL, o));
	assert_true(can_save(&x, &sec_c, ACCESS_KIND_AREA, NULL, &ar));
	assert_false(can_save(&x, &chair, ACCESS_KIND_AREA, NULL, &ar));
	fx_free(&x.f);
}

static void is_public(void **state)
{
	struct principal p = person_p(5, 42);
	assert_true(access_is_public(NULL));
	assert_true(access_is_public(&P_PUBLIC));
	assert_true(access_is_public(&P_NOBODY));
	assert_false(access_is_public(&P_ADMIN));
	assert_false(access_is_public(&p));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(role_bits_per_role),
		cmocka_unit_test(roles_combine),
		cmocka_unit_test(permission_matrix),
		cmocka_unit_test(roles_stay_in_their_body),
		cmocka_unit_test(role_at_term_ends),
		cmocka_unit_test(charter_visibility),
		cmocka_unit_test(view_public),
		cmocka_unit_test(view_member),
		cmocka_unit_test(view_admin),
		cmocka_unit_test(save_membership),
		cmocka_unit_test(save_rotation),
		cmocka_unit_test(save_charter),
		cmocka_unit_test(save_body),
		cmocka_unit_test(save_registry),
		cmocka_unit_test(is_public),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
