/*
 * rules.c - the governance rules from the seeds; see rules.h.
 *
 * Everything here is pure: it reads a `struct structure`, allocates only
 * from the caller's arena and appends violations. The Danish messages
 * start with the body's name ("Fagligt strategisk niveau: ...") so they
 * can be listed across bodies, and then name the seat, organisation and
 * person the consultant must act on.
 *
 * Which organisation a membership stands for: the represented
 * organisation, or the person's employer when `represents` is empty (a
 * structure file may leave it out when they are the same). A sector is
 * that organisation's sector, or its parent's when it has none (a city
 * council under its municipality).
 */
#include "rules.h"

#include <stdarg.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/date.h"

/* Parent chains are short; this bounds a walk through bad data. */
#define MAX_PARENT_DEPTH 16

/* ---- violations ----------------------------------------------------- */

void violations_add(struct arena *a, struct violations *v, const char *code,
		    int64_t body_id, const char *seat_key, int64_t org_id,
		    int64_t person_id, int64_t membership_id,
		    const char *fmt, ...)
{
	if (v->n == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 8;
		v->items = arena_grow(a, v->items, v->n, cap, sizeof(*v->items));
		v->cap = cap;
	}
	struct buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);

	struct violation *x = &v->items[v->n++];
	x->code = code;
	x->message = arena_strdup(a, buf_str(&b));
	x->body_id = body_id;
	x->seat_key = seat_key ? arena_strdup(a, seat_key) : NULL;
	x->org_id = org_id;
	x->person_id = person_id;
	x->membership_id = membership_id;
	buf_free(&b);
}

/* ---- small helpers -------------------------------------------------- */

static const char *body_name(const struct body *b)
{
	return b && b->name && *b->name ? b->name : "(ukendt forum)";
}

static const char *org_name(const struct organisation *o)
{
	return o && o->name && *o->name ? o->name : "(ukendt organisation)";
}

static const char *person_name(const struct structure *s, int64_t id)
{
	const struct person *p = structure_person(s, id);
	return p && p->name && *p->name ? p->name : "(ukendt person)";
}

static const char *seat_label(const struct seat_rule *r)
{
	if (r->label && *r->label)
		return r->label;
	return r->key ? r->key : "";
}

/* The organisation a membership stands for (see the top of the file). */
static const struct organisation *member_org(const struct structure *s,
					     const struct membership *m)
{
	const struct organisation *o = structure_org(s, m->represents_id);
	if (!o) {
		const struct person *p = structure_person(s, m->person_id);
		if (p)
			o = structure_org(s, p->organisation_id);
	}
	return o;
}

static enum sector org_sector(const struct structure *s,
			      const struct organisation *o)
{
	for (int i = 0; o && i < MAX_PARENT_DEPTH; i++) {
		if (o->sector > SECTOR_NONE && o->sector < SECTOR__COUNT)
			return o->sector;
		o = structure_org(s, o->parent_id);
	}
	return SECTOR_NONE;
}

/* The municipality an organisation belongs to: itself, or the nearest
 * parent of kind municipality (a city council, a municipal department).
 * NULL when there is none. */
static const struct organisation *org_municipality(const struct structure *s,
						   const struct organisation *o)
{
	for (int i = 0; o && i < MAX_PARENT_DEPTH; i++) {
		if (o->kind == ORG_MUNICIPALITY)
			return o;
		o = structure_org(s, o->parent_id);
	}
	return NULL;
}

/* Does the organisation, or one of its parents, have this id? */
static bool org_is_or_under(const struct structure *s,
			    const struct organisation *o, int64_t id)
{
	for (int i = 0; o && i < MAX_PARENT_DEPTH; i++) {
		if (o->id == id)
			return true;
		o = structure_org(s, o->parent_id);
	}
	return false;
}

static bool is_chair_role(enum role r)
{
	return r == ROLE_CHAIR || r == ROLE_CO_CHAIR;
}

static const char *chair_word(enum role r)
{
	return r == ROLE_CO_CHAIR ? "medformand" : "formand";
}

enum sector rules_membership_sector(const struct structure *s,
				    const struct membership *m)
{
	return m ? org_sector(s, member_org(s, m)) : SECTOR_NONE;
}

/* Does the membership fit a seat rule on every criterion the rule sets? */
static bool seat_fits(const struct structure *s, const struct seat_rule *r,
		      const struct membership *m,
		      const struct organisation *org)
{
	if (r->sector && org_sector(s, org) != r->sector)
		return false;
	if (r->org_kind && (!org || org->kind != r->org_kind))
		return false;
	if (r->function && m->function != r->function)
		return false;
	if (r->appointed_by_kind) {
		const struct organisation *ap =
			structure_org(s, m->appointed_by_id);
		if (!ap || ap->kind != r->appointed_by_kind)
			return false;
	}
	return true;
}

/* The one place a membership is put in a seat (see rules.h); the body
 * page groups its members with it too. */
const struct seat_rule *rules_seat_of(const struct structure *s,
				      const struct charter *c,
				      const struct membership *m)
{
	if (!c || !m)
		return NULL;
	if (m->seat_key && *m->seat_key) {
		/* A named seat is never replaced by a fitting one: the
		 * name is what the secretariat decided. */
		for (size_t j = 0; j < c->n_seats; j++)
			if (c->seats[j].key &&
			    strcmp(c->seats[j].key, m->seat_key) == 0)
				return &c->seats[j];
		return NULL;
	}
	const struct organisation *org = member_org(s, m);
	for (size_t j = 0; j < c->n_seats; j++)
		if (seat_fits(s, &c->seats[j], m, org))
			return &c->seats[j];
	return NULL;
}

/* ---- composition ---------------------------------------------------- */

/*
 * A substitute must stand in for an ordinary member of the same body who
 * is active on the same date: "Det er muligt at udpege suppleanter, som
 * deltager ved afbud fra et ordnært medlem" (seed 000).
 */
static void check_substitute(struct arena *a, const struct structure *s,
			     const struct body *b, const struct membership *m,
			     int date, struct violations *out)
{
	const struct membership *t = structure_membership(s, m->substitute_for_id);
	const char *who = person_name(s, m->person_id);
	if (!t || t->body_id != b->id) {
		violations_add(a, out, V_SUBSTITUTE_ORPHAN, b->id, NULL, 0,
			       m->person_id, m->id,
			       "%s: %s er suppleant, men ikke for et medlem af forummet",
			       body_name(b), who);
		return;
	}
	if (!role_is_ordinary(t->role) || !membership_active(t, date)) {
		violations_add(a, out, V_SUBSTITUTE_ORPHAN, b->id, NULL, 0,
			       m->person_id, m->id,
			       "%s: %s er suppleant for %s, som ikke er ordinært medlem på datoen",
			       body_name(b), who, person_name(s, t->person_id));
	}
}

/* Checks an explicitly named seat's function, appointer and organisation. */
static void check_named_seat(struct arena *a, const struct structure *s,
			     const struct body *b, const struct seat_rule *r,
			     const struct membership *m,
			     const struct organisation *org,
			     struct violations *out)
{
	const char *who = person_name(s, m->person_id);
	if (r->function && m->function != r->function)
		violations_add(a, out, V_WRONG_FUNCTION, b->id, r->key,
			       org ? org->id : 0, m->person_id, m->id,
			       "%s: Pladsen «%s» kræver en %s; %s er angivet som %s",
			       body_name(b), seat_label(r),
			       function_label(r->function), who,
			       m->function ? function_label(m->function)
					   : "(ingen funktion)");
	if (r->appointed_by_kind) {
		const struct organisation *ap =
			structure_org(s, m->appointed_by_id);
		if (!ap || ap->kind != r->appointed_by_kind)
			violations_add(a, out, V_WRONG_APPOINTER, b->id, r->key,
				       ap ? ap->id : 0, m->person_id, m->id,
				       "%s: %s i pladsen «%s» skal være udpeget af %s, men er %s%s",
				       body_name(b), who, seat_label(r),
				       org_kind_label(r->appointed_by_kind),
				       ap ? "udpeget af " : "ikke udpeget af nogen",
				       ap ? org_name(ap) : "");
	}
	if ((r->sector && org_sector(s, org) != r->sector) ||
	    (r->org_kind && (!org || org->kind != r->org_kind)))
		violations_add(a, out, V_WRONG_ORGANISATION, b->id, r->key,
			       org ? org->id : 0, m->person_id, m->id,
			       "%s: %s repræsenterer %s, som ikke passer til pladsen «%s»",
			       body_name(b), who, org_name(org), seat_label(r));
}

/* Is membership i in seat j (and for municipality muni_id, when set)? */
static bool in_seat(const struct structure *s, const int *seat_of, size_t i,
		    int j, int64_t muni_id)
{
	if (seat_of[i] != j)
		return false;
	if (!muni_id)
		return true;
	const struct organisation *mu =
		org_municipality(s, member_org(s, &s->memberships[i]));
	return mu && mu->id == muni_id;
}

/* Appends the names of the people in seat j to b: "A, B og C". */
static void list_seat_people(const struct structure *s, const int *seat_of,
			     int j, int64_t muni_id, struct buf *b)
{
	size_t n = 0, total = 0;
	for (size_t i = 0; i < s->n_memberships; i++)
		if (in_seat(s, seat_of, i, j, muni_id))
			total++;
	for (size_t i = 0; i < s->n_memberships; i++) {
		if (!in_seat(s, seat_of, i, j, muni_id))
			continue;
		if (n)
			buf_puts(b, n + 1 == total ? " og " : ", ");
		buf_puts(b, person_name(s, s->memberships[i].person_id));
		n++;
	}
}

/* Count check for a per-municipality seat against the area's municipalities. */
static void check_seat_per_municipality(struct arena *a,
					const struct structure *s,
					const struct body *b,
					const struct area *ar,
					const struct seat_rule *r, int j,
					int *seat_of, struct violations *out)
{
	/* Members for a municipality outside the area hold no seat. */
	for (size_t i = 0; i < s->n_memberships; i++) {
		if (seat_of[i] != j)
			continue;
		const struct membership *m = &s->memberships[i];
		const struct organisation *org = member_org(s, m);
		const struct organisation *mu = org_municipality(s, org);
		if (mu && area_has_municipality(ar, mu->id))
			continue;
		if (mu)
			violations_add(a, out, V_NOT_IN_AREA, b->id, r->key,
				       mu->id, m->person_id, m->id,
				       "%s: %s deltager ikke i klyngen %s, men %s repræsenterer kommunen i pladsen «%s»",
				       body_name(b), org_name(mu),
				       ar->name ? ar->name : "",
				       person_name(s, m->person_id),
				       seat_label(r));
		else
			violations_add(a, out, V_NOT_IN_AREA, b->id, r->key,
				       org ? org->id : 0, m->person_id, m->id,
				       "%s: %s i pladsen «%s» repræsenterer %s, som ikke er en af klyngens kommuner",
				       body_name(b), person_name(s, m->person_id),
				       seat_label(r), org_name(org));
		seat_of[i] = -1;
	}
	for (size_t k = 0; k < ar->n_municipalities; k++) {
		int64_t mid = ar->municipality_ids[k];
		const struct organisation *mu = structure_org(s, mid);
		int n = 0;
		for (size_t i = 0; i < s->n_memberships; i++)
			if (in_seat(s, seat_of, i, j, mid))
				n++;
		if (n < r->min && n == 0) {
			violations_add(a, out, V_MUNICIPALITY_MISSING, b->id,
				       r->key, mid, 0, 0,
				       "%s: %s mangler sin repræsentant i pladsen «%s»",
				       body_name(b), org_name(mu), seat_label(r));
		} else if (n < r->min) {
			violations_add(a, out, V_MUNICIPALITY_MISSING, b->id,
				       r->key, mid, 0, 0,
				       "%s: %s har kun %d af mindst %d i pladsen «%s»",
				       body_name(b), org_name(mu), n, r->min,
				       seat_label(r));
		} else if (r->max > 0 && n > r->max) {
			struct buf names = BUF_INIT;
			list_seat_people(s, seat_of, j, mid, &names);
			violations_add(a, out, V_MUNICIPALITY_EXTRA, b->id,
				       r->key, mid, 0, 0,
				       "%s: %s har %d i pladsen «%s», højst %d (%s)",
				       body_name(b), org_name(mu), n,
				       seat_label(r), r->max, buf_str(&names));
			buf_free(&names);
		}
	}
}

/* min_local: "hvor mindst en af repræsentanterne er udpeget inden for
 * sundhedsklyngens område" (seed 000). */
static void check_seat_local(struct arena *a, const struct structure *s,
			     const struct body *b, const struct seat_rule *r,
			     int j, const int *seat_of, struct violations *out)
{
	int n = 0, local = 0;
	for (size_t i = 0; i < s->n_memberships; i++) {
		if (seat_of[i] != j)
			continue;
		n++;
		if (s->memberships[i].local)
			local++;
	}
	if (local >= r->min_local)
		return;
	/* An empty seat is already reported as missing. */
	if (n == 0 && r->min > 0)
		return;
	if (n == 0)
		violations_add(a, out, V_SEAT_NOT_LOCAL, b->id, r->key, 0, 0, 0,
			       "%s: Ingen i pladsen «%s» er udpeget inden for klyngens område (mindst %d kræves)",
			       body_name(b), seat_label(r), r->min_local);
	else if (local == 0)
		violations_add(a, out, V_SEAT_NOT_LOCAL, b->id, r->key, 0, 0, 0,
			       "%s: Ingen af de %d i pladsen «%s» er udpeget inden for klyngens område (mindst %d kræves)",
			       body_name(b), n, seat_label(r), r->min_local);
	else
		violations_add(a, out, V_SEAT_NOT_LOCAL, b->id, r->key, 0, 0, 0,
			       "%s: Kun %d af de %d i pladsen «%s» er udpeget inden for klyngens område (mindst %d kræves)",
			       body_name(b), local, n, seat_label(r),
			       r->min_local);
}

static void check_seat_count(struct arena *a, const struct structure *s,
			     const struct body *b, const struct seat_rule *r,
			     int j, const int *seat_of, struct violations *out)
{
	int n = 0;
	for (size_t i = 0; i < s->n_memberships; i++)
		if (seat_of[i] == j)
			n++;
	if (n < r->min) {
		if (n == 0)
			violations_add(a, out, V_SEAT_MISSING, b->id, r->key,
				       0, 0, 0,
				       "%s: Pladsen «%s» er ikke besat (mindst %d kræves)",
				       body_name(b), seat_label(r), r->min);
		else
			violations_add(a, out, V_SEAT_MISSING, b->id, r->key,
				       0, 0, 0,
				       "%s: Der er kun %d af mindst %d i pladsen «%s»",
				       body_name(b), n, r->min, seat_label(r));
	} else if (r->max > 0 && n > r->max) {
		struct buf names = BUF_INIT;
		list_seat_people(s, seat_of, j, 0, &names);
		violations_add(a, out, V_SEAT_EXTRA, b->id, r->key, 0, 0, 0,
			       "%s: Der er %d i pladsen «%s», højst %d (%s)",
			       body_name(b), n, seat_label(r), r->max,
			       buf_str(&names));
		buf_free(&names);
	}
}

/*
 * Assigns each ordinary membership active on the date to a seat of the
 * charter in force (rules_seat_of), then checks each seat's counts. A
 * body without a charter has nothing to check here (rules_check_body
 * reports it).
 * seat_of[i] is the seat index of s->memberships[i], or -1.
 */
void rules_check_composition(struct arena *a, const struct structure *s,
			     int64_t body_id, int date, struct violations *out)
{
	const struct body *b = structure_body(s, body_id);
	const struct charter *c = charter_in_force(s, body_id, date, NULL);
	if (!b || !c)
		return;
	const struct area *ar = structure_area(s, b->area_id);
	int *seat_of = arena_array(a, s->n_memberships + 1, sizeof(int));

	for (size_t i = 0; i < s->n_memberships; i++) {
		const struct membership *m = &s->memberships[i];
		seat_of[i] = -1;
		if (m->body_id != body_id || !membership_active(m, date))
			continue;
		if (m->role == ROLE_SUBSTITUTE) {
			check_substitute(a, s, b, m, date, out);
			continue;
		}
		/* Secretaries hold no seat; a charter without seat rules
		 * ("sammensættes med de relevante kompetencepersoner",
		 * seed 003) leaves the composition free. */
		if (!role_is_ordinary(m->role) || c->n_seats == 0)
			continue;
		const struct organisation *org = member_org(s, m);
		const struct seat_rule *r = rules_seat_of(s, c, m);
		bool named = m->seat_key && *m->seat_key;
		if (r)
			seat_of[i] = (int)(r - c->seats);
		if (named && r) {
			check_named_seat(a, s, b, r, m, org, out);
		} else if (named) {
			violations_add(a, out, V_UNKNOWN_SEAT, b->id,
				       m->seat_key, org ? org->id : 0,
				       m->person_id, m->id,
				       "%s: %s er angivet i pladsen «%s», som ikke findes i kommissoriet (version %d)",
				       body_name(b),
				       person_name(s, m->person_id),
				       m->seat_key, c->version);
		} else if (!r) {
			violations_add(a, out, V_NO_SEAT, b->id, NULL,
				       org ? org->id : 0, m->person_id, m->id,
				       "%s: %s (%s%s%s) passer ikke til nogen plads i kommissoriet",
				       body_name(b), person_name(s, m->person_id),
				       org_name(org), m->function ? ", " : "",
				       m->function ? function_label(m->function) : "");
		}
	}

	for (size_t j = 0; j < c->n_seats; j++) {
		const struct seat_rule *r = &c->seats[j];
		if (r->per_municipality && ar)
			check_seat_per_municipality(a, s, b, ar, r, (int)j,
						    seat_of, out);
		else
			check_seat_count(a, s, b, r, (int)j, seat_of, out);
		if (r->min_local > 0)
			check_seat_local(a, s, b, r, (int)j, seat_of, out);
	}
}

/* ---- chairmanship --------------------------------------------------- */

/* Active chairs of a body on a date: roles chair and co-chair, plus
 * vice-chair when `vice` is set. Returns the count; *out is arena-owned. */
static size_t active_chairs(struct arena *a, const struct structure *s,
			    int64_t body_id, int date, bool vice,
			    const struct membership ***out)
{
	size_t n = 0;
	const struct membership **v =
		arena_array(a, s->n_memberships + 1, sizeof(*v));
	for (size_t i = 0; i < s->n_memberships; i++) {
		const struct membership *m = &s->memberships[i];
		if (m->body_id != body_id || !membership_active(m, date))
			continue;
		if (is_chair_role(m->role) || (vice && m->role == ROLE_VICE_CHAIR))
			v[n++] = m;
	}
	*out = v;
	return n;
}

/* "Anne Hansen (Region Syddanmark), Bo Jensen (Tønder Kommune)" */
static void list_chairs(const struct structure *s,
			const struct membership **ch, size_t n, struct buf *b)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_puts(b, i + 1 == n ? " og " : ", ");
		buf_printf(b, "%s (%s)", person_name(s, ch[i]->person_id),
			   org_name(member_org(s, ch[i])));
	}
}

/* "Formandskabet for det fagligt strategiske niveau er delt mellem
 * kommune og region" (seed 000). */
static void chair_shared(struct arena *a, const struct structure *s,
			 const struct body *b, const struct membership **ch,
			 size_t n, struct violations *out)
{
	bool region = false, muni = false;
	for (size_t i = 0; i < n; i++) {
		enum sector sec = org_sector(s, member_org(s, ch[i]));
		region |= sec == SECTOR_REGION;
		muni |= sec == SECTOR_MUNICIPALITY;
	}
	if (n == 0) {
		violations_add(a, out, V_CHAIR_MISSING, b->id, NULL, 0, 0, 0,
			       "%s: Formandskabet skal være delt mellem region og kommune; der er ingen formand/medformand",
			       body_name(b));
		return;
	}
	/* One chair only: incomplete. Two or more of one sector: not shared. */
	const char *code = n < 2 ? V_CHAIR_MISSING : V_CHAIR_SECTOR;
	if (!region)
		violations_add(a, out, code, b->id, NULL, 0, 0, 0,
			       "%s: Formandskabet skal være delt mellem region og kommune; der er ingen formand/medformand fra regionen",
			       body_name(b));
	if (!muni)
		violations_add(a, out, code, b->id, NULL, 0, 0, 0,
			       "%s: Formandskabet skal være delt mellem region og kommune; der er ingen formand/medformand fra en kommune",
			       body_name(b));
}

/* V_CHAIR_FUNCTION for chair m: "<rule>; <person> er <function>". */
static void chair_wrong_function(struct arena *a, const struct structure *s,
				 const struct body *b,
				 const struct membership *m, const char *rule,
				 const char *no_function,
				 struct violations *out)
{
	const struct organisation *org = member_org(s, m);
	violations_add(a, out, V_CHAIR_FUNCTION, b->id, NULL,
		       org ? org->id : 0, m->person_id, m->id,
		       "%s: %s; %s er %s", body_name(b), rule,
		       person_name(s, m->person_id),
		       m->function ? function_label(m->function) : no_function);
}

/* "Formandskabet for det politiske niveau i sundhedsklyngen varetages
 * ligeværdigt af regionsrådsformanden og én af de deltagende
 * borgmestre" (seed 001, annex). */
static void chair_region_and_mayor(struct arena *a, const struct structure *s,
				   const struct body *b, const struct area *ar,
				   const struct membership **ch, size_t n,
				   struct violations *out)
{
	const struct membership *rc = NULL, *mayor = NULL, *mayor_out = NULL;
	const struct membership *region_other = NULL, *muni_other = NULL;
	for (size_t i = 0; i < n; i++) {
		const struct organisation *org = member_org(s, ch[i]);
		enum sector sec = org_sector(s, org);
		if (ch[i]->function == FUNC_REGIONAL_COUNCIL_CHAIR) {
			rc = ch[i];
		} else if (ch[i]->function == FUNC_MAYOR) {
			const struct organisation *mu = org_municipality(s, org);
			if (!ar || (mu && area_has_municipality(ar, mu->id)))
				mayor = ch[i];
			else
				mayor_out = ch[i];
		} else if (sec == SECTOR_REGION) {
			region_other = ch[i];
		} else if (sec == SECTOR_MUNICIPALITY) {
			muni_other = ch[i];
		}
	}
	if (!rc && region_other)
		chair_wrong_function(a, s, b, region_other,
				     "Formandskabet skal varetages af regionsrådsformanden",
				     "ikke angivet som regionsrådsformand", out);
	else if (!rc)
		violations_add(a, out, V_CHAIR_MISSING, b->id, NULL, 0, 0, 0,
			       "%s: Regionsrådsformanden mangler i formandskabet",
			       body_name(b));
	if (mayor)
		return;
	if (mayor_out) {
		const struct organisation *mu =
			org_municipality(s, member_org(s, mayor_out));
		violations_add(a, out, V_CHAIR_FUNCTION, b->id, NULL,
			       mu ? mu->id : 0, mayor_out->person_id,
			       mayor_out->id,
			       "%s: Formandskabet skal varetages af en af de deltagende borgmestre; %s er borgmester for %s, som ikke deltager i klyngen",
			       body_name(b), person_name(s, mayor_out->person_id),
			       org_name(mu ? mu : member_org(s, mayor_out)));
	} else if (muni_other) {
		chair_wrong_function(a, s, b, muni_other,
				     "Formandskabet skal varetages af en af de deltagende borgmestre",
				     "ikke angivet som borgmester", out);
	} else {
		violations_add(a, out, V_CHAIR_MISSING, b->id, NULL, 0, 0, 0,
			       "%s: Formandskabet mangler en af de deltagende borgmestre",
			       body_name(b));
	}
}

/* SSU: chair from the regional council, vice-chair among the mayors. */
static void chair_region_mayor_vice(struct arena *a, const struct structure *s,
				    const struct body *b,
				    const struct membership **ch, size_t n,
				    struct violations *out)
{
	const struct membership *chair = NULL, *chair_bad = NULL;
	const struct membership *vice = NULL, *vice_bad = NULL;
	for (size_t i = 0; i < n; i++) {
		const struct membership *m = ch[i];
		if (is_chair_role(m->role)) {
			if (m->function == FUNC_REGIONAL_COUNCIL_CHAIR ||
			    m->function == FUNC_REGIONAL_COUNCIL_MEMBER)
				chair = m;
			else
				chair_bad = m;
		} else if (m->role == ROLE_VICE_CHAIR) {
			if (m->function == FUNC_MAYOR)
				vice = m;
			else
				vice_bad = m;
		}
	}
	if (!chair && chair_bad)
		chair_wrong_function(a, s, b, chair_bad,
				     "Formanden skal komme fra regionsrådet",
				     "ikke angivet som regionsrådsmedlem", out);
	else if (!chair)
		violations_add(a, out, V_CHAIR_MISSING, b->id, NULL, 0, 0, 0,
			       "%s: Der er ingen formand fra regionsrådet",
			       body_name(b));
	if (!vice && vice_bad)
		chair_wrong_function(a, s, b, vice_bad,
				     "Næstformanden skal være en af borgmestrene",
				     "ikke angivet som borgmester", out);
	else if (!vice)
		violations_add(a, out, V_CHAIR_MISSING, b->id, NULL, 0, 0, 0,
			       "%s: Der er ingen næstformand blandt borgmestrene",
			       body_name(b));
}

/* "Der nedsættes som udgangspunkt et todelt formandskab" (seed 003):
 * two chairs from two different organisations. */
static void chair_two_part(struct arena *a, const struct structure *s,
			   const struct body *b, const struct membership **ch,
			   size_t n, struct violations *out)
{
	if (n < 2) {
		struct buf names = BUF_INIT;
		list_chairs(s, ch, n, &names);
		violations_add(a, out, V_CHAIR_MISSING, b->id, NULL, 0, 0, 0,
			       "%s: Formandskabet skal være todelt; der er %zu formand/medformand%s%s%s",
			       body_name(b), n, n ? " (" : "", buf_str(&names),
			       n ? ")" : "");
		buf_free(&names);
		return;
	}
	const struct organisation *first = member_org(s, ch[0]);
	for (size_t i = 1; i < n; i++)
		if (member_org(s, ch[i]) != first)
			return;
	violations_add(a, out, V_CHAIR_SECTOR, b->id, NULL, first ? first->id : 0,
		       0, 0,
		       "%s: Det todelte formandskab skal komme fra to forskellige organisationer; alle er fra %s",
		       body_name(b), org_name(first));
}

void rules_check_chair(struct arena *a, const struct structure *s,
		       int64_t body_id, int date, struct violations *out)
{
	const struct body *b = structure_body(s, body_id);
	const struct charter *c = charter_in_force(s, body_id, date, NULL);
	if (!b || !c || c->chair_rule == CHAIR_RULE_NONE)
		return;
	const struct membership **ch;
	bool vice = c->chair_rule == CHAIR_RULE_REGION_CHAIR_MAYOR_VICE;
	size_t n = active_chairs(a, s, body_id, date, vice, &ch);

	switch (c->chair_rule) {
	case CHAIR_RULE_SINGLE:
		if (n == 0) {
			violations_add(a, out, V_CHAIR_MISSING, b->id, NULL, 0,
				       0, 0, "%s: Der er ingen formand",
				       body_name(b));
		} else if (n > 1) {
			struct buf names = BUF_INIT;
			list_chairs(s, ch, n, &names);
			violations_add(a, out, V_CHAIR_SECTOR, b->id, NULL, 0,
				       0, 0,
				       "%s: Der skal være én formand; der er %zu: %s",
				       body_name(b), n, buf_str(&names));
			buf_free(&names);
		}
		break;
	case CHAIR_RULE_SHARED_REGION_MUNICIPALITY:
		chair_shared(a, s, b, ch, n, out);
		break;
	case CHAIR_RULE_REGION_CHAIR_AND_MAYOR:
		chair_region_and_mayor(a, s, b, structure_area(s, b->area_id),
				       ch, n, out);
		break;
	case CHAIR_RULE_REGION_CHAIR_MAYOR_VICE:
		chair_region_mayor_vice(a, s, b, ch, n, out);
		break;
	case CHAIR_RULE_TWO_PART:
		chair_two_part(a, s, b, ch, n, out);
		break;
	default:
		break;
	}
}

/* ---- rotation ------------------------------------------------------- */

static int prev_day(int d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y = d / 10000, m = d / 100 % 100, day = d % 100;
	if (day > 1)
		return d - 1;
	if (m <= 1)
		return (y - 1) * 10000 + 1231;
	m--;
	day = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		day = 29;
	return y * 10000 + m * 100 + day;
}

/*
 * Is chair membership m a change of chair for its sector? It is when it
 * replaces an earlier chair membership of the same sector held by
 * another person: one of the same organisation ("HE Midt foretager
 * udskiftning af medformand"), or one that ends before m does (the
 * municipal co-chair moving from Silkeborg to Viborg). So the first
 * appointment is no change, nor is a second co-chair from another
 * organisation sitting alongside, nor a renewed term of the same person
 * (held up to the day before).
 */
static bool chair_change(const struct structure *s, const struct membership *m,
			 enum sector sec)
{
	bool replaces = false;
	int before = prev_day(m->start);
	const struct organisation *org = member_org(s, m);
	for (size_t i = 0; i < s->n_memberships; i++) {
		const struct membership *o = &s->memberships[i];
		if (o == m || o->body_id != m->body_id ||
		    !is_chair_role(o->role) || !o->start ||
		    o->start >= m->start)
			continue;
		const struct organisation *oorg = member_org(s, o);
		if (org_sector(s, oorg) != sec)
			continue;
		if (o->person_id == m->person_id) {
			if (!o->end || o->end >= before)
				return false;
			continue;
		}
		if (oorg == org || (o->end && (!m->end || o->end < m->end)))
			replaces = true;
	}
	return replaces;
}

/* The plan row for year: some active chair/co-chair must represent the
 * planned organisation (or a unit under it). */
static void rotation_plan(struct arena *a, const struct structure *s,
			  const struct body *b, const struct rotation *r,
			  int date, struct violations *out)
{
	const struct membership **ch;
	size_t n = active_chairs(a, s, b->id, date, false, &ch);
	for (size_t i = 0; i < n; i++)
		if (org_is_or_under(s, member_org(s, ch[i]), r->org_id))
			return;
	const struct organisation *planned = structure_org(s, r->org_id);
	struct buf names = BUF_INIT;
	list_chairs(s, ch, n, &names);
	violations_add(a, out, V_ROTATION_MISMATCH, b->id, NULL, r->org_id, 0, 0,
		       "%s: Ifølge rotationsplanen for %d-%d skal %s have formandskabet, men ingen formand/medformand repræsenterer %s (nu: %s)",
		       body_name(b), r->start_year, r->end_year,
		       org_name(planned), org_name(planned),
		       n ? buf_str(&names) : "ingen");
	buf_free(&names);
}

/*
 * Plan and continuity (seed 003). Only bodies with a rotation plan are
 * checked: the continuity rule is part of that plan, and a body without
 * one (e.g. the Syddanmark levels) has no agreed rotation.
 */
void rules_check_rotation(struct arena *a, const struct structure *s,
			  int64_t body_id, int date, struct violations *out)
{
	const struct body *b = structure_body(s, body_id);
	if (!b)
		return;
	int year = date_year(date);
	bool planned = false;
	for (size_t i = 0; i < s->n_rotations; i++) {
		const struct rotation *r = &s->rotations[i];
		if (r->body_id != body_id)
			continue;
		planned = true;
		/* "HE Midt og X kommune (afhænger af udpegning af politisk
		 * formandskommune)": not decided yet, nothing to check. */
		if (!r->org_id || year < r->start_year || year > r->end_year)
			continue;
		rotation_plan(a, s, b, r, date, out);
	}
	if (!planned)
		return;

	/*
	 * "Hvis HE Midt eller Regionspsykiatrien foretager udskiftning af
	 * medformand, skal det af hensyn til kontinuitet sikres, at det ikke
	 * sker samme år, som de kommunale medformænd skifter." (seed 003)
	 * Changes are over the body's whole history up to the date's year.
	 */
	int *muni_years = arena_array(a, s->n_memberships + 1, sizeof(int));
	size_t n_muni = 0;
	for (size_t i = 0; i < s->n_memberships; i++) {
		const struct membership *m = &s->memberships[i];
		if (m->body_id != body_id || !is_chair_role(m->role) ||
		    !m->start || date_year(m->start) > year)
			continue;
		if (org_sector(s, member_org(s, m)) == SECTOR_MUNICIPALITY &&
		    chair_change(s, m, SECTOR_MUNICIPALITY))
			muni_years[n_muni++] = date_year(m->start);
	}
	for (size_t i = 0; i < s->n_memberships; i++) {
		const struct membership *m = &s->memberships[i];
		if (m->body_id != body_id || !is_chair_role(m->role) ||
		    !m->start || date_year(m->start) > year)
			continue;
		const struct organisation *org = member_org(s, m);
		if (org_sector(s, org) != SECTOR_REGION ||
		    !chair_change(s, m, SECTOR_REGION))
			continue;
		int y = date_year(m->start);
		bool same = false;
		for (size_t k = 0; k < n_muni; k++)
			same |= muni_years[k] == y;
		if (!same)
			continue;
		/* One report per organisation and year. */
		bool dup = false;
		for (size_t k = 0; k < i; k++) {
			const struct membership *o = &s->memberships[k];
			if (o->body_id == body_id && is_chair_role(o->role) &&
			    o->start && date_year(o->start) == y &&
			    member_org(s, o) == org &&
			    chair_change(s, o, SECTOR_REGION))
				dup = true;
		}
		if (dup)
			continue;
		violations_add(a, out, V_ROTATION_SAME_YEAR, b->id, NULL,
			       org ? org->id : 0, m->person_id, m->id,
			       "%s: %s skiftede %s i %d, samme år som den kommunale medformand skiftede; af hensyn til kontinuitet må det ikke ske samme år",
			       body_name(b), org_name(org), chair_word(m->role),
			       y);
	}
}

/* ---- overlap -------------------------------------------------------- */

static bool person_in_body(const struct structure *s, int64_t person_id,
			   int64_t body_id, int date)
{
	for (size_t i = 0; i < s->n_memberships; i++) {
		const struct membership *m = &s->memberships[i];
		if (m->person_id == person_id && m->body_id == body_id &&
		    role_is_ordinary(m->role) && membership_active(m, date))
			return true;
	}
	return false;
}

void rules_check_overlap(struct arena *a, const struct structure *s,
			 int64_t body_id, int date, struct violations *out)
{
	const struct body *b = structure_body(s, body_id);
	const struct charter *c = charter_in_force(s, body_id, date, NULL);
	if (!b || !c)
		return;
	for (size_t k = 0; k < c->n_overlaps; k++) {
		const struct overlap_rule *r = &c->overlaps[k];
		const struct body *other = structure_body(s, r->other_body_id);
		int n = 0;
		for (size_t i = 0; i < s->n_memberships; i++) {
			const struct membership *m = &s->memberships[i];
			if (m->body_id != body_id || !role_is_ordinary(m->role) ||
			    !membership_active(m, date))
				continue;
			/* Count each person once. */
			bool seen = false;
			for (size_t j = 0; j < i && !seen; j++) {
				const struct membership *o = &s->memberships[j];
				seen = o->person_id == m->person_id &&
				       o->body_id == body_id &&
				       role_is_ordinary(o->role) &&
				       membership_active(o, date);
			}
			if (!seen && person_in_body(s, m->person_id,
						    r->other_body_id, date))
				n++;
		}
		if (n < r->min_persons)
			violations_add(a, out, V_OVERLAP_MISSING, b->id, NULL, 0,
				       0, 0,
				       "%s: Mindst %d %s skal også være medlem af %s; der er %d",
				       body_name(b), r->min_persons,
				       r->min_persons == 1 ? "person" : "personer",
				       body_name(other), n);
	}
}

/* ---- the whole body ------------------------------------------------- */

void rules_check_body(struct arena *a, const struct structure *s,
		      int64_t body_id, int date, struct violations *out)
{
	const struct body *b = structure_body(s, body_id);
	if (!b)
		return;
	bool approved = false;
	const struct charter *c = charter_in_force(s, body_id, date, &approved);
	if (!c) {
		violations_add(a, out, V_NO_CHARTER, body_id, NULL, 0, 0, 0,
			       "%s: Forummet har intet kommissorium",
			       body_name(b));
		return;
	}
	if (!approved && c->status == CHARTER_APPROVED) {
		/* Approved, but its valid_from (or approval) is later. */
		char from[32];
		date_format_da(charter_effective(c), from, sizeof(from));
		violations_add(a, out, V_CHARTER_NOT_APPROVED, body_id, NULL, 0,
			       0, 0,
			       "%s: Kommissoriet (version %d) er godkendt, men gælder først fra %s",
			       body_name(b), c->version, from);
	} else if (!approved) {
		violations_add(a, out, V_CHARTER_NOT_APPROVED, body_id, NULL, 0,
			       0, 0,
			       "%s: Kommissoriet (version %d) er ikke godkendt; status er «%s»",
			       body_name(b), c->version,
			       c->status ? charter_status_label(c->status)
					 : "ikke angivet");
	}
	rules_check_composition(a, s, body_id, date, out);
	rules_check_chair(a, s, body_id, date, out);
	rules_check_rotation(a, s, body_id, date, out);
	rules_check_overlap(a, s, body_id, date, out);
}

/* ---- quorum --------------------------------------------------------- */

static enum sector quorum_sector_of(enum sector sec)
{
	return sec > SECTOR_NONE && sec < SECTOR__COUNT ? sec : SECTOR_NONE;
}

/*
 * Counts per sector. A substitute counts, in the sector of the member
 * they stand in for, only when present and that ordinary member is
 * absent; two substitutes for one absent member count once. Members
 * with no sector are a group of their own (slot SECTOR_NONE) under
 * half_per_sector. With QUORUM_RULE_HALF the slot SECTOR_NONE instead
 * holds the totals over all sectors, and quorate is that slot's ok.
 * With QUORUM_RULE_NONE the counts are filled and quorate is true.
 */
void rules_quorum(enum quorum_rule rule, const struct quorum_person *people,
		  size_t n, struct quorum_result *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < n; i++) {
		const struct quorum_person *p = &people[i];
		if (p->ordinary) {
			struct quorum_sector *q =
				&out->sectors[quorum_sector_of(p->sector)];
			q->members++;
			if (p->present)
				q->present++;
			continue;
		}
		if (!p->present || p->substitute_for < 0 ||
		    (size_t)p->substitute_for >= n)
			continue;
		const struct quorum_person *t = &people[p->substitute_for];
		if (!t->ordinary || t->present)
			continue;
		bool counted = false;
		for (size_t j = 0; j < i && !counted; j++)
			counted = !people[j].ordinary && people[j].present &&
				  people[j].substitute_for == p->substitute_for;
		if (!counted)
			out->sectors[quorum_sector_of(t->sector)].present++;
	}

	struct quorum_sector total = { 0, 0, 0, false };
	out->quorate = true;
	for (int k = 0; k < SECTOR__COUNT; k++) {
		struct quorum_sector *q = &out->sectors[k];
		q->needed = (q->members + 1) / 2;
		q->ok = q->members == 0 || q->present >= q->needed;
		total.members += q->members;
		total.present += q->present;
		if (!q->ok)
			out->quorate = false;
	}
	switch (rule) {
	case QUORUM_RULE_HALF_PER_SECTOR:
		break;
	case QUORUM_RULE_HALF:
		total.needed = (total.members + 1) / 2;
		total.ok = total.members == 0 || total.present >= total.needed;
		out->sectors[SECTOR_NONE] = total;
		out->quorate = total.ok;
		break;
	default:
		out->quorate = true;
		break;
	}
}
