/*
 * test_rules.c - the governance rules of src/core/rules.c, edge by edge.
 *
 * Each seed rule is quoted (seed file and sentence) above its tests. The
 * Sønderjylland fixture (fixture.h) is a professional-strategic level
 * filled exactly as seed 000 says; each test breaks one thing and
 * expects exactly the violation(s) that names it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "fixture.h"

/* ---- helpers -------------------------------------------------------- */

static struct violations check_body(struct fx *f, int64_t body, int date)
{
	struct violations v = { 0 };
	rules_check_body(&f->a, &f->s, body, date, &v);
	return v;
}

static void print_violations(const struct violations *v)
{
	for (size_t i = 0; i < v->n; i++)
		print_message("  %s: %s\n", v->items[i].code,
			      v->items[i].message);
}

/* Exactly one violation, with this code; returns it. */
static const struct violation *only(const struct violations *v,
				    const char *code)
{
	if (v->n != 1 || strcmp(v->items[0].code, code) != 0) {
		print_message("expected exactly one %s, got %zu:\n", code, v->n);
		print_violations(v);
		fail();
	}
	return &v->items[0];
}

static void none(const struct violations *v)
{
	if (v->n) {
		print_message("expected no violations, got %zu:\n", v->n);
		print_violations(v);
		fail();
	}
}

#define assert_contains(hay, needle)                                        \
	do {                                                                \
		if (!strstr((hay), (needle))) {                             \
			print_message("«%s»\n  does not contain\n«%s»\n",   \
				      (hay), (needle));                     \
			fail();                                             \
		}                                                           \
	} while (0)

/* ---- the baseline --------------------------------------------------- */

static void sj_complete_is_clean(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	none(&v);
	fx_free(&f);
}

static void violations_add_grows_and_copies(void **state)
{
	struct arena a;
	arena_init(&a);
	struct violations v = { 0 };
	char seat[8] = "seat";
	for (int i = 0; i < 100; i++)
		violations_add(&a, &v, V_SEAT_MISSING, 7, seat, 1, 2, 3,
			       "nr. %d «%s»", i, "x");
	seat[0] = 'X';	/* the violation keeps its own copy */
	assert_int_equal(v.n, 100);
	assert_true(v.cap >= 100);
	assert_string_equal(v.items[42].message, "nr. 42 «x»");
	assert_string_equal(v.items[99].seat_key, "seat");
	assert_int_equal(v.items[0].body_id, 7);
	assert_int_equal(v.items[0].membership_id, 3);
	violations_add(&a, &v, V_NO_CHARTER, 1, NULL, 0, 0, 0, "ingen");
	assert_null(v.items[100].seat_key);
	arena_free(&a);
}

/* A body id that does not exist gives nothing, and does not crash. */
static void unknown_body_is_quiet(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	struct violations v = check_body(&f, 999999, SJ_DATE);
	none(&v);
	rules_check_rotation(&f.a, &f.s, 0, SJ_DATE, &v);
	none(&v);
	/* An empty structure. */
	struct structure empty = { 0 };
	rules_check_body(&f.a, &empty, sj.body, SJ_DATE, &v);
	none(&v);
	fx_free(&f);
}

/* ---- composition (seed 000) ----------------------------------------- */

/*
 * seed 000: "Tre repræsentanter fra regionen henholdsvis det somatiske
 * sygehus, Psykiatrisygehuset samt Regionshuset"
 */
static void no_psychiatry_representative(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	fx_membership(&f, sj.m_psyk)->end = SJ_DATE - 1;
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	const struct violation *x = only(&v, V_SEAT_MISSING);
	assert_string_equal(x->seat_key, "psychiatry");
	assert_int_equal(x->body_id, sj.body);
	assert_contains(x->message, "Pladsen «Psykiatrisygehuset» er ikke besat");
	assert_contains(x->message, "Sønderjylland, fagligt strategisk niveau");
	fx_free(&f);
}

/* The psychiatric seat filled by a second somatic representative:
 * one seat over, the other empty. */
static void psychiatry_seat_taken_by_hospital(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	fx_membership(&f, sj.m_psyk)->represents_id = sj.shs;
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	assert_int_equal(v.n, 2);
	assert_int_equal(fx_count(&v, V_SEAT_EXTRA), 1);
	assert_int_equal(fx_count(&v, V_SEAT_MISSING), 1);
	assert_contains(fx_find(&v, V_SEAT_EXTRA)->message,
			"Der er 2 i pladsen «Det somatiske sygehus», højst 1 (Eva Eriksen og Finn Frost)");
	assert_string_equal(fx_find(&v, V_SEAT_MISSING)->seat_key, "psychiatry");
	fx_free(&f);
}

/* A named seat whose organisation does not fit it (interface addition
 * V_WRONG_ORGANISATION): the seat is held, but wrongly. */
static void named_seat_wrong_organisation(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	struct membership *m = fx_membership(&f, sj.m_psyk);
	m->represents_id = sj.shs;
	m->seat_key = "psychiatry";
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	const struct violation *x = only(&v, V_WRONG_ORGANISATION);
	assert_int_equal(x->org_id, sj.shs);
	assert_contains(x->message,
			"Finn Frost repræsenterer Sygehus Sønderjylland, som ikke passer til pladsen «Psykiatrisygehuset»");
	fx_free(&f);
}

/*
 * seed 000: "En repræsentant (relevant direktør) fra hver af de
 * deltagende kommuner"
 */
static void municipality_without_director(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	fx_membership(&f, sj.m_muni[3])->end = SJ_DATE - 1;	/* Tønder */
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	const struct violation *x = only(&v, V_MUNICIPALITY_MISSING);
	assert_int_equal(x->org_id, sj.muni[3]);
	assert_string_equal(x->seat_key, "municipal_director");
	assert_contains(x->message,
			"Tønder Kommune mangler sin repræsentant i pladsen «" SEAT_MUNI_LABEL "»");
	fx_free(&f);
}

/* Tønder sends a head of unit, not a director: matched by rules, the
 * member fits no seat and Tønder's seat is empty. */
static void municipality_sends_head_of_unit(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	fx_membership(&f, sj.m_muni[3])->function = FUNC_HEAD_OF_UNIT;
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	assert_int_equal(v.n, 2);
	const struct violation *x = fx_find(&v, V_NO_SEAT);
	assert_non_null(x);
	assert_int_equal(x->person_id,
			 fx_membership(&f, sj.m_muni[3])->person_id);
	assert_contains(x->message,
			"Dorte Damgaard (Tønder Kommune, Chef/leder) passer ikke til nogen plads");
	assert_int_equal(fx_count(&v, V_MUNICIPALITY_MISSING), 1);
	fx_free(&f);
}

/* The same, but the seat is named in the membership: it is held, with
 * the wrong function. */
static void named_seat_wrong_function(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	struct membership *m = fx_membership(&f, sj.m_muni[3]);
	m->function = FUNC_HEAD_OF_UNIT;
	m->seat_key = "municipal_director";
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	const struct violation *x = only(&v, V_WRONG_FUNCTION);
	assert_int_equal(x->membership_id, sj.m_muni[3]);
	assert_contains(x->message,
			"kræver en Direktør; Dorte Damgaard er angivet som Chef/leder");
	fx_free(&f);
}

static void municipality_two_directors(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	fx_seated(&f, "Lise Lund", sj.body, ROLE_MEMBER, FUNC_DIRECTOR,
		  sj.muni[3], SJ_START, 0);
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	const struct violation *x = only(&v, V_MUNICIPALITY_EXTRA);
	assert_int_equal(x->org_id, sj.muni[3]);
	assert_contains(x->message,
			"Tønder Kommune har 2 i pladsen «" SEAT_MUNI_LABEL "», højst 1 (Dorte Damgaard og Lise Lund)");
	fx_free(&f);
}

/* A per-municipality seat with min 2 and one present. */
static void municipality_below_min(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	struct charter *c = fx_charter_get(&f, sj.charter);
	c->seats[3].min = 2;
	c->seats[3].max = 2;
	fx_seated(&f, "Lise Lund", sj.body, ROLE_MEMBER, FUNC_DIRECTOR,
		  sj.muni[3], SJ_START, 0);
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	assert_int_equal(v.n, 3);	/* Aabenraa, Haderslev, Sønderborg */
	assert_int_equal(fx_count(&v, V_MUNICIPALITY_MISSING), 3);
	assert_contains(v.items[0].message,
			"Aabenraa Kommune har kun 1 af mindst 2 i pladsen");
	fx_free(&f);
}

/* A member for a municipality outside the cluster holds no seat. */
static void member_from_municipality_outside_area(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	int64_t m = fx_seated(&f, "Mads Mørk", sj.body, ROLE_MEMBER,
			      FUNC_DIRECTOR, sj.kolding, SJ_START, 0);
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	const struct violation *x = only(&v, V_NOT_IN_AREA);
	assert_int_equal(x->org_id, sj.kolding);
	assert_int_equal(x->membership_id, m);
	assert_contains(x->message,
			"Kolding Kommune deltager ikke i klyngen Sundhedsklynge Sønderjylland, men Mads Mørk repræsenterer kommunen");
	fx_free(&f);
}

/* Kolding replaces Tønder's director: outside the area, and Tønder
 * is missing. */
static void outside_member_does_not_fill_seat(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	fx_membership(&f, sj.m_muni[3])->represents_id = sj.kolding;
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	assert_int_equal(v.n, 2);
	assert_int_equal(fx_count(&v, V_NOT_IN_AREA), 1);
	assert_int_equal(fx_find(&v, V_MUNICIPALITY_MISSING)->org_id, sj.muni[3]);
	fx_free(&f);
}

/* A municipality belongs to two clusters (DOMAIN.md, København in "Byen"
 * and "Syd"): area membership is many-to-many, so a director counts in
 * each cluster that lists the municipality. */
static void municipality_in_two_areas(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	int64_t other = fx_area(&f, "Anden klynge", sj.region, 0);
	fx_area_add(&f, other, sj.muni[3]);
	fx_area_add(&f, other, sj.kolding);
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	none(&v);
	fx_free(&f);
}

/* Without an area a per-municipality seat is a plain count. */
static void per_municipality_without_area(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	fx_body_get(&f, sj.body)->area_id = 0;
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	const struct violation *x = only(&v, V_SEAT_EXTRA);
	assert_string_equal(x->seat_key, "municipal_director");
	assert_contains(x->message, "Der er 4 i pladsen");
	fx_free(&f);
}

/*
 * seed 000: "To praktiserende læger udpeget af Praktiserende Lægers
 * Organisation (PLO), hvor mindst en af repræsentanterne er udpeget
 * inden for sundhedsklyngens område"
 */
static void only_one_plo_gp(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	fx_membership(&f, sj.m_gp[0])->end = SJ_DATE - 1;
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	const struct violation *x = only(&v, V_SEAT_MISSING);
	assert_string_equal(x->seat_key, "plo_gp");
	assert_contains(x->message,
			"Der er kun 1 af mindst 2 i pladsen «" SEAT_PLO_LABEL "»");
	fx_free(&f);
}

/* The remaining GP is the non-local one: missing and not local. */
static void only_one_plo_gp_not_local(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	fx_membership(&f, sj.m_gp[1])->end = SJ_DATE - 1;
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	assert_int_equal(v.n, 2);
	assert_int_equal(fx_count(&v, V_SEAT_MISSING), 1);
	assert_contains(fx_find(&v, V_SEAT_NOT_LOCAL)->message,
			"Ingen af de 1 i pladsen");
	fx_free(&f);
}

static void no_plo_gp_from_area(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	fx_membership(&f, sj.m_gp[1])->local = false;
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	const struct violation *x = only(&v, V_SEAT_NOT_LOCAL);
	assert_string_equal(x->seat_key, "plo_gp");
	assert_contains(x->message,
			"Ingen af de 2 i pladsen «" SEAT_PLO_LABEL "» er udpeget inden for klyngens område (mindst 1 kræves)");
	fx_free(&f);
}

/* Both local is fine ("mindst en"). */
static void both_plo_gps_local(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	fx_membership(&f, sj.m_gp[0])->local = true;
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	none(&v);
	fx_free(&f);
}

/* An optional seat (min 0) that must still have a local member when
 * empty. */
static void min_local_on_empty_optional_seat(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	struct seat_rule *r = &fx_charter_get(&f, sj.charter)->seats[4];
	r->min = 0;
	fx_membership(&f, sj.m_gp[0])->end = SJ_DATE - 1;
	fx_membership(&f, sj.m_gp[1])->end = SJ_DATE - 1;
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	assert_contains(only(&v, V_SEAT_NOT_LOCAL)->message,
			"Ingen i pladsen «" SEAT_PLO_LABEL "» er udpeget inden for klyngens område (mindst 1 kræves)");
	fx_free(&f);
}

static void min_local_two_with_one(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	fx_charter_get(&f, sj.charter)->seats[4].min_local = 2;
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	assert_contains(only(&v, V_SEAT_NOT_LOCAL)->message,
			"Kun 1 af de 2 i pladsen");
	fx_free(&f);
}

/* A GP not appointed by PLO fits no seat (matched by rules) ... */
static void gp_not_appointed_by_plo(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	fx_membership(&f, sj.m_gp[0])->appointed_by_id = 0;
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	assert_int_equal(v.n, 2);
	assert_int_equal(fx_count(&v, V_NO_SEAT), 1);
	assert_int_equal(fx_count(&v, V_SEAT_MISSING), 1);
	fx_free(&f);
}

/* ... and with the seat named, holds it with the wrong appointer. */
static void named_seat_wrong_appointer(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	struct membership *m = fx_membership(&f, sj.m_gp[0]);
	m->appointed_by_id = sj.region;
	m->seat_key = "plo_gp";
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	const struct violation *x = only(&v, V_WRONG_APPOINTER);
	assert_int_equal(x->org_id, sj.region);
	assert_contains(x->message,
			"Hans Holm i pladsen «" SEAT_PLO_LABEL "» skal være udpeget af Praktiserende Lægers Organisation, men er udpeget af Region Syddanmark");
	fx_free(&f);
}

static void extra_plo_gp(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	int64_t m = fx_seated(&f, "Nina Nørgaard", sj.body, ROLE_MEMBER,
			      FUNC_GP, sj.plo, SJ_START, 0);
	fx_membership(&f, m)->appointed_by_id = sj.plo;
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	const struct violation *x = only(&v, V_SEAT_EXTRA);
	assert_contains(x->message,
			"Der er 3 i pladsen «" SEAT_PLO_LABEL "», højst 2 (Hans Holm, Ida Isaksen og Nina Nørgaard)");
	fx_free(&f);
}

static void unknown_seat_key(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	fx_membership(&f, sj.m_rh)->seat_key = "regionshus";
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	assert_int_equal(v.n, 2);
	const struct violation *x = fx_find(&v, V_UNKNOWN_SEAT);
	assert_string_equal(x->seat_key, "regionshus");
	assert_contains(x->message, "Gitte Gram er angivet i pladsen «regionshus», som ikke findes i kommissoriet (version 1)");
	assert_string_equal(fx_find(&v, V_SEAT_MISSING)->seat_key, "regional_house");
	fx_free(&f);
}

/* ---- rules_seat_of: the seat a membership is assigned to ------------- */

/* The key of the seat rules_seat_of gives membership m under charter c,
 * or NULL. */
static const char *seat_of(struct fx *f, int64_t charter, int64_t m)
{
	const struct charter *c = structure_charter(&f->s, charter);
	const struct seat_rule *r =
		rules_seat_of(&f->s, c, structure_membership(&f->s, m));
	if (r) {
		/* It points into the charter's own seats. */
		assert_true(r >= c->seats && r < c->seats + c->n_seats);
		return r->key;
	}
	return NULL;
}

/* Seed 000 filled as written: every member in the seat meant for them,
 * each by the first rule they fit (no member names a seat). */
static void seat_of_sonderjylland(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	assert_string_equal(seat_of(&f, sj.charter, sj.m_shs), "somatic");
	assert_string_equal(seat_of(&f, sj.charter, sj.m_psyk), "psychiatry");
	assert_string_equal(seat_of(&f, sj.charter, sj.m_rh), "regional_house");
	for (int i = 0; i < 4; i++)
		assert_string_equal(seat_of(&f, sj.charter, sj.m_muni[i]),
				    "municipal_director");
	for (int i = 0; i < 2; i++) {
		assert_string_equal(seat_of(&f, sj.charter, sj.m_gp[i]), "plo_gp");
		assert_string_equal(seat_of(&f, sj.charter, sj.m_pat[i]),
				    "patients");
	}
	/* The employer stands in for a represented organisation left out. */
	fx_membership(&f, sj.m_rh)->represents_id = 0;
	assert_string_equal(seat_of(&f, sj.charter, sj.m_rh), "regional_house");
	fx_free(&f);
}

/* A named seat is the seat, fitting or not; a name the charter lacks
 * gives no seat even when a rule would fit (unknown_seat). */
static void seat_of_named(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	fx_membership(&f, sj.m_psyk)->seat_key = "regional_house";
	assert_string_equal(seat_of(&f, sj.charter, sj.m_psyk), "regional_house");
	fx_membership(&f, sj.m_rh)->seat_key = "regionshus";
	assert_null(seat_of(&f, sj.charter, sj.m_rh));
	/* The check counts them the same way: regional_house is filled by
	 * the psychiatry director, psychiatry is empty. */
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	assert_int_equal(fx_count(&v, V_SEAT_MISSING), 1);
	assert_string_equal(fx_find(&v, V_SEAT_MISSING)->seat_key, "psychiatry");
	assert_int_equal(fx_count(&v, V_UNKNOWN_SEAT), 1);
	assert_int_equal(fx_count(&v, V_WRONG_ORGANISATION), 1);
	assert_int_equal(v.n, 3);
	fx_free(&f);
}

/* The first rule that fits wins; none fitting, no charter or a charter
 * without seat rules give NULL. */
static void seat_of_first_fit_and_none(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	/* A GP not appointed by PLO fits no rule. */
	fx_membership(&f, sj.m_gp[0])->appointed_by_id = 0;
	assert_null(seat_of(&f, sj.charter, sj.m_gp[0]));
	/* A catch-all rule at the end takes them; earlier rules still
	 * take those who fit them. */
	fx_seat(&f, sj.charter, "other", "Andre", 0, 0, 0, 0, 0);
	assert_string_equal(seat_of(&f, sj.charter, sj.m_gp[0]), "other");
	assert_string_equal(seat_of(&f, sj.charter, sj.m_gp[1]), "plo_gp");

	int64_t c2 = fx_charter(&f, sj.body, 2, CHARTER_DRAFT, 0);
	assert_null(seat_of(&f, c2, sj.m_shs));
	fx_seat(&f, c2, "all", "Alle", 0, 0, 0, 0, 0);
	fx_seat(&f, c2, "somatic", "Sygehuset", SECTOR_REGION, ORG_HOSPITAL,
		0, 1, 1);
	assert_string_equal(seat_of(&f, c2, sj.m_shs), "all");
	assert_null(rules_seat_of(&f.s, NULL, structure_membership(&f.s, sj.m_shs)));
	fx_free(&f);
}

/* Represented organisation left out: the employer is used. */
static void represents_defaults_to_employer(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	fx_membership(&f, sj.m_rh)->represents_id = 0;
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	none(&v);
	fx_free(&f);
}

/* Secretaries are not members and hold no seat. */
static void secretary_ignored(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	fx_seated(&f, "Ole Olsen", sj.body, ROLE_SECRETARY, FUNC_CONSULTANT,
		  sj.shs, SJ_START, 0);
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	none(&v);
	fx_free(&f);
}

/* Terms at their ends: a membership counts on its first and last day,
 * not the day after (model.h: start <= date <= end). */
static void membership_term_ends(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	struct violations v;

	/* First day of every term, last day of every term. */
	v = check_body(&f, sj.body, SJ_START);
	none(&v);
	v = check_body(&f, sj.body, SJ_END);
	none(&v);
	/* The day before and the day after: nobody sits. */
	v = check_body(&f, sj.body, 20220630);
	assert_int_equal(fx_count(&v, V_SEAT_MISSING), 5);
	assert_int_equal(fx_count(&v, V_MUNICIPALITY_MISSING), 4);
	assert_int_equal(fx_count(&v, V_CHAIR_MISSING), 1);
	v = check_body(&f, sj.body, 20260101);
	assert_int_equal(v.n, 10);

	/* A handover: the old psychiatry representative's last day is
	 * 2023-06-30, the new one's first day 2023-07-01. */
	fx_membership(&f, sj.m_psyk)->end = 20230630;
	int64_t next = fx_seated(&f, "Pia Post", sj.body, ROLE_MEMBER,
				 FUNC_DIRECTOR, sj.psyk, 20230701, 0);
	v = check_body(&f, sj.body, 20230630);
	none(&v);
	v = check_body(&f, sj.body, 20230701);
	none(&v);
	/* One day's gap. */
	fx_membership(&f, next)->start = 20230702;
	v = check_body(&f, sj.body, 20230701);
	assert_string_equal(only(&v, V_SEAT_MISSING)->seat_key, "psychiatry");
	v = check_body(&f, sj.body, 20230702);
	none(&v);
	/* Overlapping by a day: two in the seat on that day. */
	fx_membership(&f, next)->start = 20230630;
	v = check_body(&f, sj.body, 20230630);
	only(&v, V_SEAT_EXTRA);
	fx_free(&f);
}

/*
 * seed 000: "Det er muligt at udpege suppleanter, som deltager ved
 * afbud fra et ordnært medlem"
 */
static void substitute_for_active_member(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	int64_t s = fx_seated(&f, "Rikke Rask", sj.body, ROLE_SUBSTITUTE,
			      FUNC_GP, sj.plo, SJ_START, 0);
	fx_membership(&f, s)->substitute_for_id = sj.m_gp[0];
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	none(&v);
	fx_free(&f);
}

static void substitute_orphans(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	int64_t other = fx_body(&f, "Anden gruppe", BODY_OTHER, 0);
	int64_t elsewhere = fx_seated(&f, "Søren Sand", other, ROLE_MEMBER,
				      FUNC_GP, sj.plo, SJ_START, 0);
	int64_t s = fx_seated(&f, "Rikke Rask", sj.body, ROLE_SUBSTITUTE,
			      FUNC_GP, sj.plo, SJ_START, 0);
	struct violations v;

	/* For nobody. */
	v = check_body(&f, sj.body, SJ_DATE);
	const struct violation *x = only(&v, V_SUBSTITUTE_ORPHAN);
	assert_int_equal(x->membership_id, s);
	assert_contains(x->message,
			"Rikke Rask er suppleant, men ikke for et medlem af forummet");

	/* For a member of another body. */
	fx_membership(&f, s)->substitute_for_id = elsewhere;
	v = check_body(&f, sj.body, SJ_DATE);
	only(&v, V_SUBSTITUTE_ORPHAN);

	/* For a member whose term ended: the member's seat is empty, and
	 * the substitute does not fill it. */
	fx_membership(&f, s)->substitute_for_id = sj.m_gp[0];
	fx_membership(&f, sj.m_gp[0])->end = SJ_DATE - 1;
	v = check_body(&f, sj.body, SJ_DATE);
	assert_int_equal(v.n, 2);
	assert_contains(fx_find(&v, V_SUBSTITUTE_ORPHAN)->message,
			"Rikke Rask er suppleant for Hans Holm, som ikke er ordinært medlem på datoen");
	assert_int_equal(fx_count(&v, V_SEAT_MISSING), 1);

	/* For another substitute. */
	fx_membership(&f, sj.m_gp[0])->end = SJ_END;
	int64_t s2 = fx_seated(&f, "Tina Tang", sj.body, ROLE_SUBSTITUTE,
			       FUNC_GP, sj.plo, SJ_START, 0);
	fx_membership(&f, s)->substitute_for_id = sj.m_gp[0];
	fx_membership(&f, s2)->substitute_for_id = s;
	v = check_body(&f, sj.body, SJ_DATE);
	assert_int_equal(only(&v, V_SUBSTITUTE_ORPHAN)->membership_id, s2);

	/* An inactive substitute is not checked at all. */
	fx_membership(&f, s2)->end = SJ_DATE - 1;
	v = check_body(&f, sj.body, SJ_DATE);
	none(&v);
	fx_free(&f);
}

/* ---- charters ------------------------------------------------------- */

static void no_charter_only(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	fx_charter_get(&f, sj.charter)->body_id = 0;
	fx_rotation(&f, sj.body, 2022, 2025, sj.kolding);
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	const struct violation *x = only(&v, V_NO_CHARTER);
	assert_contains(x->message, "Forummet har intet kommissorium");
	fx_free(&f);
}

/* "Kommissoriet er forhåndsgodkendt af Sundhedsklynge Sønderjylland-
 * Fagligt strategisk niveau på mødet den 30. august 2022" (seed 004):
 * pre-approved is not approved, and the check still runs. */
static void charter_pre_approved_still_checked(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	fx_charter_get(&f, sj.charter)->status = CHARTER_PRE_APPROVED;
	fx_membership(&f, sj.m_psyk)->end = SJ_DATE - 1;
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	assert_int_equal(v.n, 2);
	assert_string_equal(v.items[0].code, V_CHARTER_NOT_APPROVED);
	assert_contains(v.items[0].message,
			"Kommissoriet (version 1) er ikke godkendt; status er «Forhåndsgodkendt»");
	assert_string_equal(v.items[1].code, V_SEAT_MISSING);
	fx_free(&f);
}

static void charter_in_force_draft_only(void **state)
{
	struct fx f;
	fx_init(&f);
	int64_t b = fx_body(&f, "IPG Ældre", BODY_IMPLEMENTATION_GROUP, 0);
	int64_t c = fx_charter(&f, b, 1, CHARTER_DRAFT, 0);
	bool ok = true;
	const struct charter *x = charter_in_force(&f.s, b, 20230101, &ok);
	assert_non_null(x);
	assert_int_equal(x->id, c);
	assert_false(ok);
	/* No charter at all. */
	int64_t b2 = fx_body(&f, "Uden", BODY_OTHER, 0);
	assert_null(charter_in_force(&f.s, b2, 20230101, &ok));
	assert_false(ok);
	fx_free(&f);
}

static void charter_in_force_future_valid_from(void **state)
{
	struct fx f;
	fx_init(&f);
	int64_t b = fx_body(&f, "IPG Ældre", BODY_IMPLEMENTATION_GROUP, 0);
	fx_charter(&f, b, 1, CHARTER_APPROVED, 20240101);
	bool ok = true;
	const struct charter *x = charter_in_force(&f.s, b, 20231231, &ok);
	assert_non_null(x);
	assert_false(ok);
	x = charter_in_force(&f.s, b, 20240101, &ok);
	assert_true(ok);
	/* rules_check_body says when it takes effect. */
	struct violations v = check_body(&f, b, 20231231);
	assert_contains(only(&v, V_CHARTER_NOT_APPROVED)->message,
			"er godkendt, men gælder først fra 1. januar 2024");
	fx_free(&f);
}

/* Seed 004: pre-approved 30 Aug 2022, approved by the chairs on
 * 19 Sep 2022; valid_from left out means "from approval". */
static void charter_in_force_from_approval(void **state)
{
	struct fx f;
	fx_init(&f);
	int64_t b = fx_body(&f, "IPG Ældre", BODY_IMPLEMENTATION_GROUP, 0);
	int64_t c = fx_charter(&f, b, 1, CHARTER_APPROVED, 0);
	fx_approval(&f, c, CHARTER_PRE_APPROVED, 20220830);
	fx_approval(&f, c, CHARTER_APPROVED, 20220919);
	bool ok = true;
	charter_in_force(&f.s, b, 20220918, &ok);
	assert_false(ok);
	charter_in_force(&f.s, b, 20220919, &ok);
	assert_true(ok);
	fx_free(&f);
}

static void charter_in_force_two_versions(void **state)
{
	struct fx f;
	fx_init(&f);
	int64_t b = fx_body(&f, "Klyngestyregruppen", BODY_STEERING_GROUP, 0);
	int64_t v1 = fx_charter(&f, b, 1, CHARTER_APPROVED, 20220701);
	int64_t v2 = fx_charter(&f, b, 2, CHARTER_APPROVED, 20240101);
	bool ok = false;
	assert_int_equal(charter_in_force(&f.s, b, 20231231, &ok)->id, v1);
	assert_true(ok);
	assert_int_equal(charter_in_force(&f.s, b, 20240101, &ok)->id, v2);
	assert_true(ok);
	/* A newer draft does not replace the approved version. */
	fx_charter(&f, b, 3, CHARTER_DRAFT, 0);
	assert_int_equal(charter_in_force(&f.s, b, 20250101, &ok)->id, v2);
	assert_true(ok);
	/* Composition follows the version in force. */
	fx_seat(&f, v2, "x", "Plads X", 0, 0, 0, 1, 0);
	struct violations v = check_body(&f, b, 20231231);
	none(&v);
	v = check_body(&f, b, 20240101);
	assert_string_equal(only(&v, V_SEAT_MISSING)->seat_key, "x");
	fx_free(&f);
}

/* ---- chairmanship --------------------------------------------------- */

/*
 * seed 000: "Formandskabet for det fagligt strategiske niveau er delt
 * mellem kommune og region og aftales konkret på udvalgets første møde."
 */
static void chair_shared_missing_municipality(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	fx_membership(&f, sj.m_muni[0])->role = ROLE_MEMBER;
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	assert_contains(only(&v, V_CHAIR_MISSING)->message,
			"Formandskabet skal være delt mellem region og kommune; der er ingen formand/medformand fra en kommune");
	fx_free(&f);
}

static void chair_shared_missing_region(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	fx_membership(&f, sj.m_shs)->role = ROLE_MEMBER;
	fx_membership(&f, sj.m_muni[1])->role = ROLE_CHAIR;
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	assert_contains(only(&v, V_CHAIR_SECTOR)->message,
			"der er ingen formand/medformand fra regionen");
	fx_free(&f);
}

static void chair_shared_none(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	fx_membership(&f, sj.m_shs)->role = ROLE_MEMBER;
	fx_membership(&f, sj.m_muni[0])->role = ROLE_MEMBER;
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	assert_contains(only(&v, V_CHAIR_MISSING)->message,
			"der er ingen formand/medformand");
	fx_free(&f);
}

/* Two regional co-chairs: complete, but not shared. */
static void chair_shared_two_regional(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	fx_membership(&f, sj.m_psyk)->role = ROLE_CO_CHAIR;
	fx_membership(&f, sj.m_muni[0])->role = ROLE_MEMBER;
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	only(&v, V_CHAIR_SECTOR);
	fx_free(&f);
}

/* A vice-chair is no co-chair under the shared rule. */
static void chair_shared_vice_not_counted(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	fx_membership(&f, sj.m_muni[0])->role = ROLE_VICE_CHAIR;
	struct violations v = check_body(&f, sj.body, SJ_DATE);
	only(&v, V_CHAIR_MISSING);
	fx_free(&f);
}

/*
 * Political level, seed 001 (annex): "Formandskabet for det politiske
 * niveau i sundhedsklyngen varetages ligeværdigt af
 * regionsrådsformanden og én af de deltagende borgmestre."
 */
struct pol {
	int64_t region, council, area, tonder, tonder_cc, kolding, body;
	int64_t m_rc, m_mayor;
};

static void fx_political(struct fx *f, struct pol *p)
{
	p->region = fx_org(f, "Region Syddanmark", ORG_REGION, SECTOR_REGION, 0);
	p->council = fx_org(f, "Regionsrådet", ORG_REGIONAL_COUNCIL,
			    SECTOR_REGION, p->region);
	p->tonder = fx_org(f, "Tønder Kommune", ORG_MUNICIPALITY,
			   SECTOR_MUNICIPALITY, 0);
	p->tonder_cc = fx_org(f, "Tønder Byråd", ORG_CITY_COUNCIL, SECTOR_NONE,
			      p->tonder);
	p->kolding = fx_org(f, "Kolding Kommune", ORG_MUNICIPALITY,
			    SECTOR_MUNICIPALITY, 0);
	p->area = fx_area(f, "Sundhedsklynge Sønderjylland", p->region, 0);
	fx_area_add(f, p->area, p->tonder);
	p->body = fx_body(f, "Sønderjylland, politisk niveau",
			  BODY_POLITICAL_LEVEL, p->area);
	int64_t c = fx_charter(f, p->body, 1, CHARTER_APPROVED, 20220816);
	fx_charter_get(f, c)->chair_rule = CHAIR_RULE_REGION_CHAIR_AND_MAYOR;
	p->m_rc = fx_seated(f, "Ulla Ulriksen", p->body, ROLE_CO_CHAIR,
			    FUNC_REGIONAL_COUNCIL_CHAIR, p->council, 20220701, 0);
	p->m_mayor = fx_seated(f, "Villy Vang", p->body, ROLE_CO_CHAIR,
			       FUNC_MAYOR, p->tonder, 20220701, 0);
}

static struct violations check_chair(struct fx *f, int64_t body, int date)
{
	struct violations v = { 0 };
	rules_check_chair(&f->a, &f->s, body, date, &v);
	return v;
}

static void chair_region_chair_and_mayor(void **state)
{
	struct fx f;
	struct pol p;
	fx_init(&f);
	fx_political(&f, &p);
	struct violations v = check_chair(&f, p.body, SJ_DATE);
	none(&v);
	/* The mayor represents the city council under the municipality. */
	fx_membership(&f, p.m_mayor)->represents_id = p.tonder_cc;
	v = check_chair(&f, p.body, SJ_DATE);
	none(&v);
	fx_free(&f);
}

static void chair_regional_council_member_not_chair(void **state)
{
	struct fx f;
	struct pol p;
	fx_init(&f);
	fx_political(&f, &p);
	fx_membership(&f, p.m_rc)->function = FUNC_REGIONAL_COUNCIL_MEMBER;
	struct violations v = check_chair(&f, p.body, SJ_DATE);
	assert_contains(only(&v, V_CHAIR_FUNCTION)->message,
			"Formandskabet skal varetages af regionsrådsformanden; Ulla Ulriksen er Regionsrådsmedlem");
	fx_free(&f);
}

static void chair_mayor_outside_area(void **state)
{
	struct fx f;
	struct pol p;
	fx_init(&f);
	fx_political(&f, &p);
	fx_membership(&f, p.m_mayor)->represents_id = p.kolding;
	struct violations v = check_chair(&f, p.body, SJ_DATE);
	const struct violation *x = only(&v, V_CHAIR_FUNCTION);
	assert_int_equal(x->org_id, p.kolding);
	assert_contains(x->message,
			"Villy Vang er borgmester for Kolding Kommune, som ikke deltager i klyngen");
	fx_free(&f);
}

static void chair_municipal_not_mayor(void **state)
{
	struct fx f;
	struct pol p;
	fx_init(&f);
	fx_political(&f, &p);
	fx_membership(&f, p.m_mayor)->function = FUNC_ALDERMAN;
	struct violations v = check_chair(&f, p.body, SJ_DATE);
	assert_contains(only(&v, V_CHAIR_FUNCTION)->message, "Villy Vang er Rådmand");
	fx_free(&f);
}

static void chair_mayor_missing(void **state)
{
	struct fx f;
	struct pol p;
	fx_init(&f);
	fx_political(&f, &p);
	fx_membership(&f, p.m_mayor)->role = ROLE_MEMBER;
	struct violations v = check_chair(&f, p.body, SJ_DATE);
	assert_contains(only(&v, V_CHAIR_MISSING)->message,
			"mangler en af de deltagende borgmestre");
	fx_membership(&f, p.m_rc)->end = SJ_DATE - 1;
	v = check_chair(&f, p.body, SJ_DATE);
	assert_int_equal(fx_count(&v, V_CHAIR_MISSING), 2);
	fx_free(&f);
}

/*
 * SSU (DOMAIN.md, seed 001): "Chair from the region, vice-chair among
 * the mayors" (rules.h: region_chair_mayor_vice, §204 stk. 2).
 */
static void chair_region_mayor_vice(void **state)
{
	struct fx f;
	struct pol p;
	fx_init(&f);
	fx_political(&f, &p);
	int64_t ssu = fx_body(&f, "Sundhedssamarbejdsudvalget",
			      BODY_COLLABORATION_COMMITTEE, 0);
	int64_t c = fx_charter(&f, ssu, 1, CHARTER_APPROVED, 20220701);
	fx_charter_get(&f, c)->chair_rule = CHAIR_RULE_REGION_CHAIR_MAYOR_VICE;
	int64_t chair = fx_member(&f, fx_membership(&f, p.m_rc)->person_id, ssu,
				  ROLE_CHAIR, FUNC_REGIONAL_COUNCIL_CHAIR,
				  p.council, 20220701, 0);
	int64_t vice = fx_member(&f, fx_membership(&f, p.m_mayor)->person_id,
				 ssu, ROLE_VICE_CHAIR, FUNC_MAYOR, p.tonder,
				 20220701, 0);
	struct violations v = check_chair(&f, ssu, SJ_DATE);
	none(&v);

	fx_membership(&f, vice)->function = FUNC_DIRECTOR;
	v = check_chair(&f, ssu, SJ_DATE);
	assert_contains(only(&v, V_CHAIR_FUNCTION)->message,
			"Næstformanden skal være en af borgmestrene; Villy Vang er Direktør");

	fx_membership(&f, vice)->end = SJ_DATE - 1;
	v = check_chair(&f, ssu, SJ_DATE);
	assert_contains(only(&v, V_CHAIR_MISSING)->message,
			"ingen næstformand blandt borgmestrene");

	fx_membership(&f, vice)->end = 0;
	fx_membership(&f, vice)->function = FUNC_MAYOR;
	fx_membership(&f, chair)->function = FUNC_MAYOR;
	v = check_chair(&f, ssu, SJ_DATE);
	assert_contains(only(&v, V_CHAIR_FUNCTION)->message,
			"Formanden skal komme fra regionsrådet");

	fx_membership(&f, chair)->role = ROLE_MEMBER;
	v = check_chair(&f, ssu, SJ_DATE);
	only(&v, V_CHAIR_MISSING);
	fx_free(&f);
}

/* "Der nedsættes som udgangspunkt et todelt formandskab." (seed 003,
 * ad-hoc groups) */
static void chair_two_part(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	fx_charter_get(&f, sj.charter)->chair_rule = CHAIR_RULE_TWO_PART;
	struct violations v = check_chair(&f, sj.body, SJ_DATE);
	none(&v);
	/* Two from the same organisation. */
	fx_membership(&f, sj.m_muni[0])->role = ROLE_MEMBER;
	int64_t m = fx_seated(&f, "Ebbe Eriksen", sj.body, ROLE_CO_CHAIR,
			      FUNC_DIRECTOR, sj.shs, SJ_START, 0);
	v = check_chair(&f, sj.body, SJ_DATE);
	assert_contains(only(&v, V_CHAIR_SECTOR)->message,
			"alle er fra Sygehus Sønderjylland");
	/* Only one. */
	fx_membership(&f, m)->end = SJ_DATE - 1;
	v = check_chair(&f, sj.body, SJ_DATE);
	assert_contains(only(&v, V_CHAIR_MISSING)->message,
			"der er 1 formand/medformand (Eva Eriksen (Sygehus Sønderjylland))");
	fx_free(&f);
}

static void chair_single(void **state)
{
	struct fx f;
	struct sj sj;
	fx_init(&f);
	fx_sonderjylland(&f, &sj);
	fx_charter_get(&f, sj.charter)->chair_rule = CHAIR_RULE_SINGLE;
	struct violations v = check_chair(&f, sj.body, SJ_DATE);
	assert_contains(only(&v, V_CHAIR_SECTOR)->message,
			"Der skal være én formand; der er 2");
	fx_membership(&f, sj.m_muni[0])->role = ROLE_MEMBER;
	v = check_chair(&f, sj.body, SJ_DATE);
	none(&v);
	fx_membership(&f, sj.m_shs)->role = ROLE_MEMBER;
	v = check_chair(&f, sj.body, SJ_DATE);
	only(&v, V_CHAIR_MISSING);
	/* No rule: nothing to check. */
	fx_charter_get(&f, sj.charter)->chair_rule = CHAIR_RULE_NONE;
	v = check_chair(&f, sj.body, SJ_DATE);
	none(&v);
	fx_free(&f);
}

/* ---- rotation (seed 003) -------------------------------------------- */

/*
 * Midtklyngen's plan for the cluster steering group
 * [Klyngestyregruppen], seed 003 "Plan for kommunernes rotation i
 * formandskaberne":
 *   2021-2022  HE Midt og Silkeborg Kommune
 *   2023-2025  HE Midt og Viborg Kommune
 *   2026-2027  HE Midt og X kommune (afhænger af udpegning af politisk
 *              formandskommune)
 * "Det kommunale medformandsskab i klyngestyregruppen skiftede således
 * pr. 16.9.2022 fra Silkeborg til Viborg Kommune."
 */
struct midt {
	int64_t region, hem, psyk, skive, viborg, silkeborg, body;
	int64_t m_hem, m_silkeborg, m_viborg;
};

static void fx_midt(struct fx *f, struct midt *m)
{
	m->region = fx_org(f, "Region Midtjylland", ORG_REGION, SECTOR_REGION, 0);
	m->hem = fx_org(f, "Hospitalsenhed Midt", ORG_HOSPITAL, SECTOR_REGION,
			m->region);
	m->psyk = fx_org(f, "Regionspsykiatrien Midt", ORG_PSYCHIATRY,
			 SECTOR_REGION, m->region);
	m->skive = fx_org(f, "Skive Kommune", ORG_MUNICIPALITY,
			  SECTOR_MUNICIPALITY, 0);
	m->viborg = fx_org(f, "Viborg Kommune", ORG_MUNICIPALITY,
			   SECTOR_MUNICIPALITY, 0);
	m->silkeborg = fx_org(f, "Silkeborg Kommune", ORG_MUNICIPALITY,
			      SECTOR_MUNICIPALITY, 0);
	m->body = fx_body(f, "Klyngestyregruppen", BODY_STEERING_GROUP, 0);
	int64_t c = fx_charter(f, m->body, 1, CHARTER_APPROVED, 20210101);
	fx_charter_get(f, c)->chair_rule = CHAIR_RULE_SHARED_REGION_MUNICIPALITY;
	fx_rotation(f, m->body, 2021, 2022, m->hem);
	fx_rotation(f, m->body, 2021, 2022, m->silkeborg);
	fx_rotation(f, m->body, 2023, 2025, m->hem);
	fx_rotation(f, m->body, 2023, 2025, m->viborg);
	fx_rotation(f, m->body, 2026, 2027, m->hem);
	fx_rotation(f, m->body, 2026, 2027, 0);	/* "X kommune" */
	m->m_hem = fx_seated(f, "Anders Amby", m->body, ROLE_CO_CHAIR,
			     FUNC_DIRECTOR, m->hem, 20210101, 0);
	m->m_silkeborg = fx_seated(f, "Berit Borg", m->body, ROLE_CO_CHAIR,
				   FUNC_DIRECTOR, m->silkeborg, 20210101,
				   20220915);
	m->m_viborg = fx_seated(f, "Claus Clemmensen", m->body, ROLE_CO_CHAIR,
				FUNC_DIRECTOR, m->viborg, 20220916, 0);
}

static struct violations check_rotation(struct fx *f, int64_t body, int date)
{
	struct violations v = { 0 };
	rules_check_rotation(&f->a, &f->s, body, date, &v);
	return v;
}

static void rotation_follows_plan(void **state)
{
	struct fx f;
	struct midt m;
	fx_init(&f);
	fx_midt(&f, &m);
	struct violations v;
	v = check_rotation(&f, m.body, 20220101);
	none(&v);
	v = check_rotation(&f, m.body, 20240301);
	none(&v);
	/* The whole body is clean too. */
	v = check_body(&f, m.body, 20240301);
	none(&v);
	/* 2026-2027: the municipality is not decided yet ("X kommune"). */
	v = check_rotation(&f, m.body, 20260301);
	none(&v);
	fx_free(&f);
}

static void rotation_mismatch(void **state)
{
	struct fx f;
	struct midt m;
	fx_init(&f);
	fx_midt(&f, &m);
	/* Silkeborg stays on into the Viborg period. */
	fx_membership(&f, m.m_silkeborg)->end = 0;
	fx_membership(&f, m.m_viborg)->end = 20220101;
	struct violations v = check_rotation(&f, m.body, 20240301);
	const struct violation *x = only(&v, V_ROTATION_MISMATCH);
	assert_int_equal(x->org_id, m.viborg);
	assert_contains(x->message,
			"Ifølge rotationsplanen for 2023-2025 skal Viborg Kommune have formandskabet");
	assert_contains(x->message,
			"(nu: Anders Amby (Hospitalsenhed Midt) og Berit Borg (Silkeborg Kommune))");
	/* 2022 (Silkeborg's period), before the change on 16.9.2022. */
	fx_membership(&f, m.m_viborg)->end = 0;
	fx_membership(&f, m.m_silkeborg)->end = 20220915;
	v = check_rotation(&f, m.body, 20220915);
	none(&v);
	/* After it Viborg holds the seat while the plan row still says
	 * Silkeborg: the plan names periods by whole years. */
	v = check_rotation(&f, m.body, 20220916);
	assert_int_equal(only(&v, V_ROTATION_MISMATCH)->org_id, m.silkeborg);
	fx_free(&f);
}

/* The regional side of the plan is checked too. */
static void rotation_mismatch_region(void **state)
{
	struct fx f;
	struct midt m;
	fx_init(&f);
	fx_midt(&f, &m);
	fx_membership(&f, m.m_hem)->represents_id = m.psyk;
	struct violations v = check_rotation(&f, m.body, 20240301);
	assert_int_equal(only(&v, V_ROTATION_MISMATCH)->org_id, m.hem);
	fx_free(&f);
}

/*
 * seed 003: "Hvis HE Midt eller Regionspsykiatrien foretager udskiftning
 * af medformand, skal det af hensyn til kontinuitet sikres, at det ikke
 * sker samme år, som de kommunale medformænd skifter."
 */
static void rotation_same_year_flagged(void **state)
{
	struct fx f;
	struct midt m;
	fx_init(&f);
	fx_midt(&f, &m);
	/* HE Midt replaces its co-chair in 2022, the year Silkeborg hands
	 * over to Viborg. */
	fx_membership(&f, m.m_hem)->end = 20220531;
	int64_t n = fx_seated(&f, "Dina Dahl", m.body, ROLE_CO_CHAIR,
			      FUNC_DIRECTOR, m.hem, 20220601, 0);
	struct violations v = check_rotation(&f, m.body, 20240301);
	const struct violation *x = only(&v, V_ROTATION_SAME_YEAR);
	assert_int_equal(x->org_id, m.hem);
	assert_int_equal(x->membership_id, n);
	assert_contains(x->message,
			"Hospitalsenhed Midt skiftede medformand i 2022, samme år som den kommunale medformand skiftede");
	/* Seen from the year of the change, too (where Viborg also sits
	 * in Silkeborg's plan period, see rotation_mismatch) ... */
	v = check_rotation(&f, m.body, 20221231);
	assert_int_equal(fx_count(&v, V_ROTATION_SAME_YEAR), 1);
	/* ... but not from before it. */
	v = check_rotation(&f, m.body, 20211231);
	none(&v);
	fx_free(&f);
}

static void rotation_different_years_ok(void **state)
{
	struct fx f;
	struct midt m;
	fx_init(&f);
	fx_midt(&f, &m);
	fx_membership(&f, m.m_hem)->end = 20231231;
	fx_seated(&f, "Dina Dahl", m.body, ROLE_CO_CHAIR, FUNC_DIRECTOR, m.hem,
		  20240101, 0);
	struct violations v = check_rotation(&f, m.body, 20240301);
	none(&v);
	fx_free(&f);
}

/* The first appointments in 2021 are no change for either side. */
static void rotation_first_appointment_not_change(void **state)
{
	struct fx f;
	struct midt m;
	fx_init(&f);
	fx_midt(&f, &m);
	struct violations v = check_rotation(&f, m.body, 20210601);
	none(&v);
	/* A psychiatry co-chair joins HE Midt's in 2022, the year the
	 * municipal co-chair changes: a new seat, not a replacement. */
	fx_seated(&f, "Erik Ebbesen", m.body, ROLE_CO_CHAIR, FUNC_DIRECTOR,
		  m.psyk, 20220916, 0);
	v = check_rotation(&f, m.body, 20230101);
	none(&v);
	/* But when psychiatry takes over from HE Midt that year, it is a
	 * change of the regional co-chair. */
	fx_membership(&f, m.m_hem)->end = 20220915;
	v = check_rotation(&f, m.body, 20221231);
	assert_int_equal(fx_count(&v, V_ROTATION_SAME_YEAR), 1);
	assert_contains(fx_find(&v, V_ROTATION_SAME_YEAR)->message,
			"Regionspsykiatrien Midt skiftede medformand i 2022");
	fx_free(&f);
}

/* The same person reappointed for a new term is no change. */
static void rotation_renewed_term_not_change(void **state)
{
	struct fx f;
	struct midt m;
	fx_init(&f);
	fx_midt(&f, &m);
	fx_membership(&f, m.m_hem)->end = 20220630;
	int64_t p = fx_membership(&f, m.m_hem)->person_id;
	fx_member(&f, p, m.body, ROLE_CO_CHAIR, FUNC_DIRECTOR, m.hem,
		  20220701, 0);
	struct violations v = check_rotation(&f, m.body, 20240301);
	none(&v);
	fx_free(&f);
}

/* A body without a rotation plan has no continuity rule. */
static void rotation_without_plan(void **state)
{
	struct fx f;
	struct midt m;
	fx_init(&f);
	fx_midt(&f, &m);
	f.s.n_rotations = 0;
	fx_membership(&f, m.m_hem)->end = 20220531;
	fx_seated(&f, "Dina Dahl", m.body, ROLE_CO_CHAIR, FUNC_DIRECTOR, m.hem,
		  20220601, 0);
	struct violations v = check_rotation(&f, m.body, 20240301);
	none(&v);
	fx_free(&f);
}

/* ---- overlap -------------------------------------------------------- */

/*
 * seed 001 (annex): "Formandskabet for det politiske niveau er også
 * medlemmer af Sundhedssamarbejdsudvalget." As an overlap rule of the
 * political level: at least 2 persons shared with SSU.
 */
static void overlap(void **state)
{
	struct fx f;
	struct pol p;
	fx_init(&f);
	fx_political(&f, &p);
	int64_t ssu = fx_body(&f, "Sundhedssamarbejdsudvalget",
			      BODY_COLLABORATION_COMMITTEE, 0);
	fx_overlap(&f, f.s.charters[0].id, ssu, 2);
	int64_t rc = fx_membership(&f, p.m_rc)->person_id;
	int64_t mayor = fx_membership(&f, p.m_mayor)->person_id;
	struct violations v = { 0 };

	rules_check_overlap(&f.a, &f.s, p.body, SJ_DATE, &v);
	assert_contains(only(&v, V_OVERLAP_MISSING)->message,
			"Mindst 2 personer skal også være medlem af Sundhedssamarbejdsudvalget; der er 0");

	int64_t s1 = fx_member(&f, rc, ssu, ROLE_CHAIR,
			       FUNC_REGIONAL_COUNCIL_CHAIR, p.council, 20220701, 0);
	int64_t s2 = fx_member(&f, mayor, ssu, ROLE_SUBSTITUTE, FUNC_MAYOR,
			       p.tonder, 20220701, 0);
	/* The same person twice in the body counts once. */
	fx_member(&f, rc, p.body, ROLE_MEMBER, FUNC_REGIONAL_COUNCIL_CHAIR,
		  p.council, 20220701, 0);
	v = (struct violations){ 0 };
	rules_check_overlap(&f.a, &f.s, p.body, SJ_DATE, &v);
	assert_contains(only(&v, V_OVERLAP_MISSING)->message, "der er 1");

	/* A substitute is no member; as vice-chair the mayor counts. */
	fx_membership(&f, s2)->role = ROLE_VICE_CHAIR;
	v = (struct violations){ 0 };
	rules_check_overlap(&f.a, &f.s, p.body, SJ_DATE, &v);
	none(&v);

	/* Membership in SSU ended the day before. */
	fx_membership(&f, s1)->end = SJ_DATE - 1;
	v = (struct violations){ 0 };
	rules_check_overlap(&f.a, &f.s, p.body, SJ_DATE, &v);
	only(&v, V_OVERLAP_MISSING);
	fx_free(&f);
}

/* ---- quorum --------------------------------------------------------- */

/*
 * seed 001, item 3: "Beslutninger i det politiske niveau træffes på
 * baggrund af konsensus under forudsætning af, at mindst halvdelen af
 * medlemmerne fra hver sektor er til stede"
 */
#define QP(sec, pres) { (sec), true, (pres), -1 }
#define QS(sec, pres, idx) { (sec), false, (pres), (idx) }

static void quorum_odd_counts(void **state)
{
	/* 3 members need 2; 1 needs 1; 5 need 3. */
	struct quorum_person p[] = {
		QP(SECTOR_REGION, true), QP(SECTOR_REGION, true),
		QP(SECTOR_REGION, false),
		QP(SECTOR_GENERAL_PRACTICE, true),
		QP(SECTOR_MUNICIPALITY, true), QP(SECTOR_MUNICIPALITY, true),
		QP(SECTOR_MUNICIPALITY, false), QP(SECTOR_MUNICIPALITY, false),
		QP(SECTOR_MUNICIPALITY, true),
	};
	struct quorum_result r;
	rules_quorum(QUORUM_RULE_HALF_PER_SECTOR, p, 9, &r);
	assert_int_equal(r.sectors[SECTOR_REGION].members, 3);
	assert_int_equal(r.sectors[SECTOR_REGION].needed, 2);
	assert_int_equal(r.sectors[SECTOR_REGION].present, 2);
	assert_true(r.sectors[SECTOR_REGION].ok);
	assert_int_equal(r.sectors[SECTOR_GENERAL_PRACTICE].needed, 1);
	assert_int_equal(r.sectors[SECTOR_MUNICIPALITY].needed, 3);
	assert_true(r.sectors[SECTOR_MUNICIPALITY].ok);
	assert_true(r.quorate);
	/* One fewer in the region: 1 of 3 is not half. */
	p[1].present = false;
	rules_quorum(QUORUM_RULE_HALF_PER_SECTOR, p, 9, &r);
	assert_false(r.sectors[SECTOR_REGION].ok);
	assert_false(r.quorate);
}

static void quorum_even_counts(void **state)
{
	/* 4 members need 2 ("mindst halvdelen"). */
	struct quorum_person p[] = {
		QP(SECTOR_REGION, true), QP(SECTOR_REGION, true),
		QP(SECTOR_REGION, false), QP(SECTOR_REGION, false),
	};
	struct quorum_result r;
	rules_quorum(QUORUM_RULE_HALF_PER_SECTOR, p, 4, &r);
	assert_int_equal(r.sectors[SECTOR_REGION].needed, 2);
	assert_true(r.quorate);
}

static void quorum_all_sectors_present(void **state)
{
	struct quorum_person p[] = {
		QP(SECTOR_REGION, true), QP(SECTOR_REGION, true),
		QP(SECTOR_REGION, true), QP(SECTOR_REGION, true),
		QP(SECTOR_MUNICIPALITY, true), QP(SECTOR_MUNICIPALITY, true),
		QP(SECTOR_MUNICIPALITY, true), QP(SECTOR_MUNICIPALITY, true),
		QP(SECTOR_GENERAL_PRACTICE, true),
		QP(SECTOR_GENERAL_PRACTICE, true),
	};
	struct quorum_result r;
	rules_quorum(QUORUM_RULE_HALF_PER_SECTOR, p, 10, &r);
	assert_true(r.quorate);
	for (int k = SECTOR_REGION; k <= SECTOR_GENERAL_PRACTICE; k++)
		assert_true(r.sectors[k].ok);
}

/* Many present overall is not enough when one sector is short. */
static void quorum_one_sector_short(void **state)
{
	struct quorum_person p[] = {
		QP(SECTOR_REGION, true), QP(SECTOR_REGION, true),
		QP(SECTOR_REGION, true), QP(SECTOR_REGION, true),
		QP(SECTOR_MUNICIPALITY, true), QP(SECTOR_MUNICIPALITY, true),
		QP(SECTOR_MUNICIPALITY, true), QP(SECTOR_MUNICIPALITY, true),
		QP(SECTOR_GENERAL_PRACTICE, false),
		QP(SECTOR_GENERAL_PRACTICE, false),
	};
	struct quorum_result r;
	rules_quorum(QUORUM_RULE_HALF_PER_SECTOR, p, 10, &r);
	assert_false(r.quorate);
	assert_false(r.sectors[SECTOR_GENERAL_PRACTICE].ok);
	assert_int_equal(r.sectors[SECTOR_GENERAL_PRACTICE].present, 0);
	assert_true(r.sectors[SECTOR_REGION].ok);
	/* The same people under "half of all members": 8 of 10. */
	rules_quorum(QUORUM_RULE_HALF, p, 10, &r);
	assert_true(r.quorate);
}

/*
 * seed 000: "Det er muligt at udpege suppleanter, som deltager ved
 * afbud fra et ordnært medlem": a substitute counts only for an absent
 * ordinary member.
 */
static void quorum_substitute_for_absent(void **state)
{
	struct quorum_person p[] = {
		QP(SECTOR_GENERAL_PRACTICE, false),		/* 0 */
		QP(SECTOR_GENERAL_PRACTICE, false),		/* 1 */
		QS(SECTOR_GENERAL_PRACTICE, true, 0),		/* for 0 */
	};
	struct quorum_result r;
	rules_quorum(QUORUM_RULE_HALF_PER_SECTOR, p, 3, &r);
	assert_int_equal(r.sectors[SECTOR_GENERAL_PRACTICE].members, 2);
	assert_int_equal(r.sectors[SECTOR_GENERAL_PRACTICE].present, 1);
	assert_true(r.quorate);
	/* Absent substitute: nothing. */
	p[2].present = false;
	rules_quorum(QUORUM_RULE_HALF_PER_SECTOR, p, 3, &r);
	assert_false(r.quorate);
}

static void quorum_substitute_for_present_not_counted(void **state)
{
	struct quorum_person p[] = {
		QP(SECTOR_GENERAL_PRACTICE, true),		/* 0 */
		QP(SECTOR_GENERAL_PRACTICE, false),		/* 1 */
		QP(SECTOR_GENERAL_PRACTICE, false),		/* 2 */
		QS(SECTOR_GENERAL_PRACTICE, true, 0),		/* for 0, present */
	};
	struct quorum_result r;
	rules_quorum(QUORUM_RULE_HALF_PER_SECTOR, p, 4, &r);
	assert_int_equal(r.sectors[SECTOR_GENERAL_PRACTICE].present, 1);
	assert_int_equal(r.sectors[SECTOR_GENERAL_PRACTICE].needed, 2);
	assert_false(r.quorate);
}

/* Odd cases: two substitutes for one absent member count once; a
 * substitute for a substitute, for nobody or out of range counts not;
 * a substitute counts in the sector of the member they replace. */
static void quorum_substitute_edge_cases(void **state)
{
	struct quorum_person p[] = {
		QP(SECTOR_REGION, false),			/* 0 */
		QP(SECTOR_REGION, false),			/* 1 */
		QP(SECTOR_REGION, false),			/* 2 */
		QS(SECTOR_REGION, true, 0),			/* 3: for 0 */
		QS(SECTOR_REGION, true, 0),			/* 4: for 0 again */
		QS(SECTOR_REGION, true, 3),			/* 5: for a substitute */
		QS(SECTOR_REGION, true, -1),			/* 6: for nobody */
		QS(SECTOR_REGION, true, 99),			/* 7: out of range */
		QS(SECTOR_NONE, true, 1),			/* 8: no sector, for 1 */
	};
	struct quorum_result r;
	rules_quorum(QUORUM_RULE_HALF_PER_SECTOR, p, 9, &r);
	assert_int_equal(r.sectors[SECTOR_REGION].members, 3);
	assert_int_equal(r.sectors[SECTOR_REGION].present, 2);
	assert_int_equal(r.sectors[SECTOR_NONE].members, 0);
	assert_int_equal(r.sectors[SECTOR_NONE].present, 0);
	assert_true(r.quorate);
}

/* A sector without members does not block (patients are "involved as
 * relevant" at the political level, seed 001). */
static void quorum_empty_sector(void **state)
{
	struct quorum_person p[] = {
		QP(SECTOR_REGION, true), QP(SECTOR_MUNICIPALITY, true),
	};
	struct quorum_result r;
	rules_quorum(QUORUM_RULE_HALF_PER_SECTOR, p, 2, &r);
	assert_int_equal(r.sectors[SECTOR_PATIENTS].members, 0);
	assert_int_equal(r.sectors[SECTOR_PATIENTS].needed, 0);
	assert_true(r.sectors[SECTOR_PATIENTS].ok);
	assert_true(r.quorate);
	rules_quorum(QUORUM_RULE_HALF_PER_SECTOR, NULL, 0, &r);
	assert_true(r.quorate);
}

static void quorum_half(void **state)
{
	struct quorum_person p[] = {
		QP(SECTOR_REGION, true), QP(SECTOR_REGION, true),
		QP(SECTOR_MUNICIPALITY, false), QP(SECTOR_MUNICIPALITY, false),
		QP(SECTOR_MUNICIPALITY, false),
		QS(SECTOR_MUNICIPALITY, true, 2),
	};
	struct quorum_result r;
	rules_quorum(QUORUM_RULE_HALF, p, 6, &r);
	/* Totals in the SECTOR_NONE slot: 5 members, 3 needed, 3 present. */
	assert_int_equal(r.sectors[SECTOR_NONE].members, 5);
	assert_int_equal(r.sectors[SECTOR_NONE].needed, 3);
	assert_int_equal(r.sectors[SECTOR_NONE].present, 3);
	assert_true(r.sectors[SECTOR_NONE].ok);
	assert_true(r.quorate);
	/* Per-sector counts are still filled. */
	assert_false(r.sectors[SECTOR_MUNICIPALITY].ok);
	p[5].present = false;
	rules_quorum(QUORUM_RULE_HALF, p, 6, &r);
	assert_false(r.quorate);
}

static void quorum_rule_none(void **state)
{
	struct quorum_person p[] = { QP(SECTOR_REGION, false),
				     QP(SECTOR_REGION, false) };
	struct quorum_result r;
	rules_quorum(QUORUM_RULE_NONE, p, 2, &r);
	assert_true(r.quorate);
	assert_int_equal(r.sectors[SECTOR_REGION].members, 2);
	assert_false(r.sectors[SECTOR_REGION].ok);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sj_complete_is_clean),
		cmocka_unit_test(violations_add_grows_and_copies),
		cmocka_unit_test(unknown_body_is_quiet),
		cmocka_unit_test(no_psychiatry_representative),
		cmocka_unit_test(psychiatry_seat_taken_by_hospital),
		cmocka_unit_test(named_seat_wrong_organisation),
		cmocka_unit_test(municipality_without_director),
		cmocka_unit_test(municipality_sends_head_of_unit),
		cmocka_unit_test(named_seat_wrong_function),
		cmocka_unit_test(municipality_two_directors),
		cmocka_unit_test(municipality_below_min),
		cmocka_unit_test(member_from_municipality_outside_area),
		cmocka_unit_test(outside_member_does_not_fill_seat),
		cmocka_unit_test(municipality_in_two_areas),
		cmocka_unit_test(per_municipality_without_area),
		cmocka_unit_test(only_one_plo_gp),
		cmocka_unit_test(only_one_plo_gp_not_local),
		cmocka_unit_test(no_plo_gp_from_area),
		cmocka_unit_test(both_plo_gps_local),
		cmocka_unit_test(min_local_on_empty_optional_seat),
		cmocka_unit_test(min_local_two_with_one),
		cmocka_unit_test(gp_not_appointed_by_plo),
		cmocka_unit_test(named_seat_wrong_appointer),
		cmocka_unit_test(extra_plo_gp),
		cmocka_unit_test(unknown_seat_key),
		cmocka_unit_test(seat_of_sonderjylland),
		cmocka_unit_test(seat_of_named),
		cmocka_unit_test(seat_of_first_fit_and_none),
		cmocka_unit_test(represents_defaults_to_employer),
		cmocka_unit_test(secretary_ignored),
		cmocka_unit_test(membership_term_ends),
		cmocka_unit_test(substitute_for_active_member),
		cmocka_unit_test(substitute_orphans),
		cmocka_unit_test(no_charter_only),
		cmocka_unit_test(charter_pre_approved_still_checked),
		cmocka_unit_test(charter_in_force_draft_only),
		cmocka_unit_test(charter_in_force_future_valid_from),
		cmocka_unit_test(charter_in_force_from_approval),
		cmocka_unit_test(charter_in_force_two_versions),
		cmocka_unit_test(chair_shared_missing_municipality),
		cmocka_unit_test(chair_shared_missing_region),
		cmocka_unit_test(chair_shared_none),
		cmocka_unit_test(chair_shared_two_regional),
		cmocka_unit_test(chair_shared_vice_not_counted),
		cmocka_unit_test(chair_region_chair_and_mayor),
		cmocka_unit_test(chair_regional_council_member_not_chair),
		cmocka_unit_test(chair_mayor_outside_area),
		cmocka_unit_test(chair_municipal_not_mayor),
		cmocka_unit_test(chair_mayor_missing),
		cmocka_unit_test(chair_region_mayor_vice),
		cmocka_unit_test(chair_two_part),
		cmocka_unit_test(chair_single),
		cmocka_unit_test(rotation_follows_plan),
		cmocka_unit_test(rotation_mismatch),
		cmocka_unit_test(rotation_mismatch_region),
		cmocka_unit_test(rotation_same_year_flagged),
		cmocka_unit_test(rotation_different_years_ok),
		cmocka_unit_test(rotation_first_appointment_not_change),
		cmocka_unit_test(rotation_renewed_term_not_change),
		cmocka_unit_test(rotation_without_plan),
		cmocka_unit_test(overlap),
		cmocka_unit_test(quorum_odd_counts),
		cmocka_unit_test(quorum_even_counts),
		cmocka_unit_test(quorum_all_sectors_present),
		cmocka_unit_test(quorum_one_sector_short),
		cmocka_unit_test(quorum_substitute_for_absent),
		cmocka_unit_test(quorum_substitute_for_present_not_counted),
		cmocka_unit_test(quorum_substitute_edge_cases),
		cmocka_unit_test(quorum_empty_sector),
		cmocka_unit_test(quorum_half),
		cmocka_unit_test(quorum_rule_none),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
