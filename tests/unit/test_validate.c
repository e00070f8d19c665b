/*
 * test_validate.c - input validation of structure objects (validate.c).
 *
 * Field names are those of docs/structure-format.md; messages are the
 * Danish ones shown next to a form field.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/validate.h"
#include "fixture.h"

struct t {
	struct fx f;
	struct sj sj;
	struct field_errors e;
};

static int setup(void **state)
{
	struct t *t = test_malloc(sizeof(*t));
	fx_init(&t->f);
	fx_sonderjylland(&t->f, &t->sj);
	memset(&t->e, 0, sizeof(t->e));
	*state = t;
	return 0;
}

static int teardown(void **state)
{
	struct t *t = *state;
	fx_free(&t->f);
	test_free(t);
	return 0;
}

#define assert_field(t, field, msg)                                         \
	do {                                                                \
		const char *m_ = field_errors_get(&(t)->e, (field));         \
		if (!m_ || !strstr(m_, (msg))) {                            \
			print_message("field %s: got «%s», want «%s»\n",    \
				      (field), m_ ? m_ : "(none)", (msg));  \
			fail();                                             \
		}                                                           \
	} while (0)

/* ---- field errors and keys ------------------------------------------ */

static void field_errors_basics(void **state)
{
	struct arena a;
	arena_init(&a);
	struct field_errors e = { 0 };
	assert_null(field_errors_get(&e, "name"));
	for (int i = 0; i < 20; i++)
		field_errors_add(&a, &e, i % 2 ? "name" : "key", "fejl %d", i);
	assert_int_equal(e.n, 20);
	assert_string_equal(field_errors_get(&e, "key"), "fejl 0");
	assert_string_equal(field_errors_get(&e, "name"), "fejl 1");
	assert_null(field_errors_get(&e, "start"));
	assert_null(field_errors_get(NULL, "start"));
	arena_free(&a);
}

static void key_syntax(void **state)
{
	assert_true(validate_key_syntax("a"));
	assert_true(validate_key_syntax("plo_gp"));
	assert_true(validate_key_syntax("aabenraa-kommune-2"));
	char k64[65], k65[66];
	memset(k64, 'a', 64);
	k64[64] = '\0';
	memset(k65, 'a', 65);
	k65[65] = '\0';
	assert_true(validate_key_syntax(k64));
	assert_false(validate_key_syntax(k65));
	assert_false(validate_key_syntax(""));
	assert_false(validate_key_syntax(NULL));
	assert_false(validate_key_syntax("Aabenraa"));
	assert_false(validate_key_syntax("a b"));
	assert_false(validate_key_syntax("sønderborg"));
	assert_false(validate_key_syntax("a/b"));
}

struct taken_ctx {
	const char **keys;
	size_t n;
};

static bool taken(void *ctx, const char *key)
{
	struct taken_ctx *c = ctx;
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->keys[i], key) == 0)
			return true;
	return false;
}

static void key_from_danish_name(void **state)
{
	struct arena a;
	arena_init(&a);
	assert_string_equal(key_from_name(&a, "Aabenraa Kommune", NULL, NULL),
			    "aabenraa-kommune");
	assert_string_equal(key_from_name(&a, "Sønderborg Kommune", NULL, NULL),
			    "soenderborg-kommune");
	assert_string_equal(key_from_name(&a, "Tønder", NULL, NULL), "toender");
	assert_string_equal(key_from_name(&a, "Æblehaven Ålborg Øst", NULL, NULL),
			    "aeblehaven-aalborg-oest");
	assert_string_equal(key_from_name(&a, "  IPG: Ældre & Demens (2022) ",
					  NULL, NULL),
			    "ipg-aeldre-demens-2022");
	assert_string_equal(key_from_name(&a, "Sundhedsklynge Sønderjylland – "
					  "fagligt strategisk niveau", NULL, NULL),
			    "sundhedsklynge-soenderjylland-fagligt-strategisk-niveau");
	assert_string_equal(key_from_name(&a, "Café Müller", NULL, NULL),
			    "cafe-mueller");
	assert_string_equal(key_from_name(&a, "", NULL, NULL), "noegle");
	assert_string_equal(key_from_name(&a, "–", NULL, NULL), "noegle");
	assert_string_equal(key_from_name(&a, NULL, NULL, NULL), "noegle");
	/* Long names are cut, and stay valid keys. */
	char *k = key_from_name(&a, "Det Administrative Kontaktforum for "
				"Sundhedssamarbejdsudvalget i Region Syddanmark",
				NULL, NULL);
	assert_true(validate_key_syntax(k));
	assert_true(strlen(k) <= 58);
	assert_true(k[strlen(k) - 1] != '-');
	arena_free(&a);
}

static void key_from_name_unique(void **state)
{
	struct arena a;
	arena_init(&a);
	const char *keys[] = { "toender-kommune", "toender-kommune-2" };
	struct taken_ctx c = { keys, 2 };
	assert_string_equal(key_from_name(&a, "Tønder Kommune", taken, &c),
			    "toender-kommune-3");
	c.n = 1;
	assert_string_equal(key_from_name(&a, "Tønder Kommune", taken, &c),
			    "toender-kommune-2");
	assert_string_equal(key_from_name(&a, "Haderslev Kommune", taken, &c),
			    "haderslev-kommune");
	arena_free(&a);
}

/* ---- organisations -------------------------------------------------- */

static void org_valid(void **state)
{
	struct t *t = *state;
	struct organisation o = { .key = "vejle-kommune", .name = "Vejle Kommune",
				  .kind = ORG_MUNICIPALITY,
				  .sector = SECTOR_MUNICIPALITY };
	assert_int_equal(validate_org(&t->f.a, &t->f.s, &o, &t->e), 0);
	/* Editing an existing organisation keeps its own key. */
	struct organisation ex = *fx_org_get(&t->f, t->sj.shs);
	assert_int_equal(validate_org(&t->f.a, &t->f.s, &ex, &t->e), 0);
	/* Sector is optional (a municipal network). */
	o.sector = SECTOR_NONE;
	assert_int_equal(validate_org(&t->f.a, &t->f.s, &o, &t->e), 0);
}

static void org_required_fields(void **state)
{
	struct t *t = *state;
	struct organisation o = { .key = "", .name = "" };
	assert_int_equal(validate_org(&t->f.a, &t->f.s, &o, &t->e), 3);
	assert_field(t, "key", "Nøglen skal udfyldes");
	assert_field(t, "name", "Navn skal udfyldes");
	assert_field(t, "kind", "Vælg en type af organisation");
}

static void org_key_taken_and_bad(void **state)
{
	struct t *t = *state;
	const char *shs_key = fx_org_get(&t->f, t->sj.shs)->key;
	struct organisation o = { .key = shs_key, .name = "X",
				  .kind = ORG_OTHER };
	assert_int_equal(validate_org(&t->f.a, &t->f.s, &o, &t->e), 1);
	char want[64];
	snprintf(want, sizeof(want), "Nøglen «%s» bruges allerede", shs_key);
	assert_field(t, "key", want);

	t->e = (struct field_errors){ 0 };
	o.key = "Sygehus Sønderjylland";
	assert_int_equal(validate_org(&t->f.a, &t->f.s, &o, &t->e), 1);
	assert_field(t, "key", "må kun indeholde a-z, 0-9, _ og -");
}

static void org_enums_and_parent(void **state)
{
	struct t *t = *state;
	struct organisation o = { .key = "x", .name = "X",
				  .kind = (enum org_kind)99,
				  .sector = (enum sector)42,
				  .parent_id = 123456 };
	assert_int_equal(validate_org(&t->f.a, &t->f.s, &o, &t->e), 3);
	assert_field(t, "kind", "Ukendt værdi");
	assert_field(t, "sector", "Ukendt værdi for sektor");
	assert_field(t, "parent", "Organisationen findes ikke");
}

static void org_parent_cycle(void **state)
{
	struct t *t = *state;
	/* The region placed under its own hospital. */
	struct organisation o = *fx_org_get(&t->f, t->sj.region);
	o.parent_id = t->sj.shs;
	assert_int_equal(validate_org(&t->f.a, &t->f.s, &o, &t->e), 1);
	assert_field(t, "parent", "kan ikke høre under sig selv");
	/* Its own parent. */
	t->e = (struct field_errors){ 0 };
	o.parent_id = o.id;
	assert_int_equal(validate_org(&t->f.a, &t->f.s, &o, &t->e), 1);
}

/* ---- areas ---------------------------------------------------------- */

static void area_checks(void **state)
{
	struct t *t = *state;
	struct area ar = *fx_area_get(&t->f, t->sj.area);
	assert_int_equal(validate_area(&t->f.a, &t->f.s, &ar, &t->e), 0);

	int64_t munis[] = { t->sj.muni[0], t->sj.shs, 999999, t->sj.muni[0] };
	struct area bad = { .key = "ny", .name = "Ny klynge",
			    .region_id = t->sj.shs, .hospital_id = t->sj.psyk,
			    .municipality_ids = munis, .n_municipalities = 4 };
	assert_int_equal(validate_area(&t->f.a, &t->f.s, &bad, &t->e), 5);
	assert_field(t, "region", "Sygehus Sønderjylland er ikke en region");
	assert_field(t, "hospital", "er ikke et sygehus");
	assert_field(t, "municipalities", "Sygehus Sønderjylland er ikke en kommune");

	t->e = (struct field_errors){ 0 };
	struct area none = { .key = "ny", .name = "Ny klynge" };
	assert_int_equal(validate_area(&t->f.a, &t->f.s, &none, &t->e), 1);
	assert_field(t, "region", "Vælg en region");
}

/* ---- bodies --------------------------------------------------------- */

static void body_checks(void **state)
{
	struct t *t = *state;
	struct body b = *fx_body_get(&t->f, t->sj.body);
	assert_int_equal(validate_body(&t->f.a, &t->f.s, &b, &t->e), 0);

	struct body bad = { .key = "", .name = "", .area_id = 424242,
			    .parent_id = 434343, .region_id = t->sj.muni[0] };
	assert_int_equal(validate_body(&t->f.a, &t->f.s, &bad, &t->e), 6);
	assert_field(t, "key", "Nøglen skal udfyldes");
	assert_field(t, "name", "Navn skal udfyldes");
	assert_field(t, "kind", "Vælg en type af forum");
	assert_field(t, "parent", "Forummet findes ikke");
	assert_field(t, "area", "Klyngen findes ikke");
	assert_field(t, "region", "Aabenraa Kommune er ikke en region");
}

static void body_parent_cycle(void **state)
{
	struct t *t = *state;
	/* IPG -> strategic level; then the strategic level placed under
	 * the IPG would be a cycle. */
	int64_t ipg = fx_body(&t->f, "IPG Ældre", BODY_IMPLEMENTATION_GROUP,
			      t->sj.area);
	fx_body_get(&t->f, ipg)->parent_id = t->sj.body;
	int64_t sub = fx_body(&t->f, "Arbejdsgruppe", BODY_ADHOC_GROUP, 0);
	fx_body_get(&t->f, sub)->parent_id = ipg;

	struct body b = *fx_body_get(&t->f, t->sj.body);
	b.parent_id = sub;
	assert_int_equal(validate_body(&t->f.a, &t->f.s, &b, &t->e), 1);
	assert_field(t, "parent", "kan ikke referere til sig selv");

	t->e = (struct field_errors){ 0 };
	b.parent_id = b.id;
	assert_int_equal(validate_body(&t->f.a, &t->f.s, &b, &t->e), 1);

	/* A new body (id 0) under the IPG is fine. */
	t->e = (struct field_errors){ 0 };
	struct body nb = { .key = "ny", .name = "Ny", .kind = BODY_OTHER,
			   .parent_id = sub };
	assert_int_equal(validate_body(&t->f.a, &t->f.s, &nb, &t->e), 0);

	/* A cycle already in the data does not hang the walk. */
	fx_body_get(&t->f, t->sj.body)->parent_id = sub;
	assert_int_equal(validate_body(&t->f.a, &t->f.s, &nb, &t->e), 0);
}

/* ---- charters ------------------------------------------------------- */

static void charter_valid(void **state)
{
	struct t *t = *state;
	struct charter c = *fx_charter_get(&t->f, t->sj.charter);
	assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 0);
}

static void charter_version(void **state)
{
	struct t *t = *state;
	struct charter c = { .key = "v1b", .body_id = t->sj.body, .version = 1,
			     .title = "Kommissorium", .status = CHARTER_DRAFT };
	assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 1);
	assert_field(t, "version",
		     "Forummet har allerede et kommissorium med version 1");
	t->e = (struct field_errors){ 0 };
	c.version = 2;
	assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 0);
	c.version = 0;
	assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 1);
	assert_field(t, "version", "Versionen skal være 1 eller mere");
}

static void charter_required(void **state)
{
	struct t *t = *state;
	struct charter c = { .key = "k", .version = 1, .title = "",
			     .valid_from = 20230230,
			     .chair_rule = (enum chair_rule)77,
			     .recommends_to_id = 555555,
			     .min_meetings_per_year = -1 };
	assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 6);
	assert_field(t, "body", "Vælg et forum");
	assert_field(t, "title", "Titel skal udfyldes");
	assert_field(t, "valid_from", "Gyldig fra er ikke en gyldig dato");
	assert_field(t, "chair_rule", "Ukendt værdi");
	assert_field(t, "recommends_to", "Forummet findes ikke");
	assert_field(t, "min_meetings_per_year", "negativt");
}

static void charter_seats(void **state)
{
	struct t *t = *state;
	struct seat_rule seats[] = {
		{ .key = "plo_gp", .label = "PLO", .min = 2, .max = 2 },
		{ .key = "plo_gp", .label = "PLO igen", .min = 1 },
		{ .key = "gp", .label = "", .min = 1 },
		{ .key = "x", .label = "X", .min = 3, .max = 2 },
		{ .key = "y", .label = "Y", .min = -1 },
		{ .key = "Z z", .label = "Z" },
		{ .key = "", .label = "Tom" },
		{ .key = "open", .label = "Ingen øvre grænse", .min = 4, .max = 0 },
	};
	struct charter c = { .key = "k", .body_id = t->sj.body, .version = 5,
			     .title = "Kommissorium", .seats = seats,
			     .n_seats = 8 };
	assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 6);
	/* Each error names its row (0-based) and field, so a form can show
	 * it in the row and the API and importer can point at it. */
	assert_field(t, "seats[1].key", "Nøglen «plo_gp» bruges allerede af en anden plads");
	assert_null(field_errors_get(&t->e, "seats"));
	const char *want[][2] = {
		{ "seats[1].key", "Nøglen «plo_gp» bruges allerede af en anden plads" },
		{ "seats[2].label", "Pladsen «gp» mangler en betegnelse" },
		{ "seats[3].min", "Pladsen «x»: mindst 3 kan ikke være mere end højst 2" },
		{ "seats[4].min", "Antal i pladsen «y» kan ikke være negativt" },
		{ "seats[5].key", "Pladsens nøgle «Z z» må kun indeholde" },
		{ "seats[6].key", "Plads nr. 7 mangler en nøgle" },
	};
	for (size_t i = 0; i < 6; i++) {
		assert_string_equal(t->e.items[i].field, want[i][0]);
		assert_non_null(strstr(t->e.items[i].message, want[i][1]));
	}
}

/* The other per-row seat fields: a negative max or min_local, min_local
 * over max, and each enum on its own field. */
static void charter_seat_row_fields(void **state)
{
	struct t *t = *state;
	struct seat_rule seats[] = {
		{ .key = "a", .label = "A", .max = -1 },
		{ .key = "b", .label = "B", .min_local = -2 },
		{ .key = "c", .label = "C", .min = 1, .max = 2, .min_local = 3 },
		{ .key = "d", .label = "D", .sector = (enum sector)99,
		  .appointed_by_kind = (enum org_kind)-1 },
		{ .key = "e", .label = "E", .org_kind = ORG__COUNT,
		  .function = FUNC__COUNT },
	};
	struct charter c = { .key = "k", .body_id = t->sj.body, .version = 5,
			     .title = "Kommissorium", .seats = seats,
			     .n_seats = 5 };
	assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 7);
	assert_field(t, "seats[0].max", "Antal i pladsen «a» kan ikke være negativt");
	assert_field(t, "seats[1].min_local", "Antal i pladsen «b» kan ikke være negativt");
	assert_field(t, "seats[2].min_local", "mindst 3 lokalt udpegede kan ikke være mere end højst 2");
	assert_field(t, "seats[3].sector", "Pladsen «d» har en ukendt værdi");
	assert_field(t, "seats[3].appointed_by_kind", "Pladsen «d» har en ukendt værdi");
	assert_field(t, "seats[4].org_kind", "Pladsen «e» har en ukendt værdi");
	assert_field(t, "seats[4].function", "Pladsen «e» har en ukendt værdi");
}

static void charter_approvals_and_overlaps(void **state)
{
	struct t *t = *state;
	struct approval ap[] = {
		{ .status = CHARTER_PRE_APPROVED, .date = 20220830,
		  .by_body_id = t->sj.body },
		{ .status = CHARTER_APPROVED, .date = 20220829 },
		{ .status = CHARTER_APPROVED, .date = 0, .by_body_id = 777777 },
	};
	struct overlap_rule ov[] = {
		{ .other_body_id = t->sj.body, .min_persons = 1 },
		{ .other_body_id = 888888, .min_persons = 0 },
	};
	struct charter c = { .key = "k", .body_id = t->sj.body, .version = 2,
			     .title = "K", .approvals = ap, .n_approvals = 3,
			     .overlaps = ov, .n_overlaps = 2 };
	assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 7);
	assert_field(t, "approvals[1].date", "Godkendelserne skal stå i datoorden");
	assert_field(t, "approvals[1].by_body", "Angiv hvem der godkendte: et forum eller en tekst");
	assert_field(t, "approvals[2].date", "Godkendelse nr. 3 mangler en gyldig dato");
	assert_field(t, "approvals[2].by_body", "Forummet findes ikke");
	assert_field(t, "overlaps[0].body", "Personsammenfald skal være med et andet forum");
	assert_field(t, "overlaps[1].body", "Forummet findes ikke");
	assert_field(t, "overlaps[1].min_persons", "Personsammenfald kræver mindst 1 person");
	assert_null(field_errors_get(&t->e, "approvals"));
	assert_null(field_errors_get(&t->e, "overlaps"));
}

/* An approval step says who approved (a body or a text such as
 * "Formandskabet"), reaches pre_approved or approved, and has a date. */
static void charter_approval_steps(void **state)
{
	struct t *t = *state;
	int64_t pol = fx_body(&t->f, "Politisk niveau", BODY_POLITICAL_LEVEL,
			      t->sj.area);
	struct approval ap[] = {
		{ .status = CHARTER_PRE_APPROVED, .date = 20220801,
		  .by_body_id = pol },
		{ .status = CHARTER_APPROVED, .date = 20220901,
		  .by_text = "Formandskabet" },
	};
	struct charter c = { .key = "k", .body_id = t->sj.body, .version = 2,
			     .title = "K", .approvals = ap, .n_approvals = 2 };
	assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 0);

	/* Neither a body nor a text (NULL or ""). */
	ap[1].by_text = "";
	assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 1);
	assert_field(t, "approvals[1].by_body",
		     "Angiv hvem der godkendte: et forum eller en tekst");
	t->e = (struct field_errors){ 0 };
	ap[1].by_text = NULL;
	assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 1);
	t->e = (struct field_errors){ 0 };
	ap[1].by_text = "Formandskabet";

	/* A step never makes a draft, and has a status. */
	ap[0].status = CHARTER_DRAFT;
	assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 1);
	assert_field(t, "approvals[0].status",
		     "Godkendelse nr. 1 skal give status «Forhåndsgodkendt» eller «Godkendt»");
	t->e = (struct field_errors){ 0 };
	ap[0].status = CHARTER_NONE;
	assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 1);
	assert_field(t, "approvals[0].status", "skal give status");
	t->e = (struct field_errors){ 0 };
	ap[0].status = (enum charter_status)9;
	assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 1);
	assert_field(t, "approvals[0].status", "Godkendelse nr. 1 har en ukendt status");
	t->e = (struct field_errors){ 0 };
	ap[0].status = CHARTER_PRE_APPROVED;

	/* The date must be set, and real. */
	ap[1].date = 0;
	assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 1);
	assert_field(t, "approvals[1].date", "Godkendelse nr. 2 mangler en gyldig dato");
	t->e = (struct field_errors){ 0 };
	ap[1].date = 20220231;
	assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 1);
	assert_field(t, "approvals[1].date", "Godkendelse nr. 2 mangler en gyldig dato");
}

/* recommends_to goes with competence "recommend" [Kan alene indstille],
 * and that competence needs it. */
static void charter_recommends_to(void **state)
{
	struct t *t = *state;
	int64_t pol = fx_body(&t->f, "Politisk niveau", BODY_POLITICAL_LEVEL,
			      t->sj.area);
	struct charter c = { .key = "k", .body_id = t->sj.body, .version = 2,
			     .title = "K", .competence = COMPETENCE_RECOMMEND,
			     .recommends_to_id = pol };
	assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 0);

	c.recommends_to_id = 0;
	assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 1);
	assert_field(t, "recommends_to",
		     "Vælg det forum, der indstilles til, når kompetencen er «Kan alene indstille»");
	t->e = (struct field_errors){ 0 };

	enum competence others[] = { COMPETENCE_NONE, COMPETENCE_DECIDE,
				     COMPETENCE_ADVISE };
	for (size_t i = 0; i < 3; i++) {
		c.competence = others[i];
		c.recommends_to_id = 0;
		assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 0);
		c.recommends_to_id = pol;
		assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 1);
		assert_field(t, "recommends_to",
			     "Kun et forum med kompetencen «Kan alene indstille» indstiller til et andet forum");
		t->e = (struct field_errors){ 0 };
	}

	/* An unknown body is reported once, as unknown. */
	c.competence = COMPETENCE_DECIDE;
	c.recommends_to_id = 555555;
	assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 1);
	assert_field(t, "recommends_to", "Forummet findes ikke");
}

/* Person overlap: each other body once, never the charter's own. */
static void charter_overlaps_unique(void **state)
{
	struct t *t = *state;
	int64_t pol = fx_body(&t->f, "Politisk niveau", BODY_POLITICAL_LEVEL,
			      t->sj.area);
	int64_t ssu = fx_body(&t->f, "SSU", BODY_COLLABORATION_COMMITTEE, 0);
	struct overlap_rule ov[] = {
		{ .other_body_id = pol, .min_persons = 1 },
		{ .other_body_id = ssu, .min_persons = 2 },
		{ .other_body_id = pol, .min_persons = 2 },
		{ .other_body_id = t->sj.body, .min_persons = 1 },
		{ .other_body_id = t->sj.body, .min_persons = 1 },
	};
	struct charter c = { .key = "k", .body_id = t->sj.body, .version = 2,
			     .title = "K", .overlaps = ov, .n_overlaps = 2 };
	assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 0);
	c.n_overlaps = 5;
	assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 3);
	assert_field(t, "overlaps[2].body", "Politisk niveau er nævnt to gange");
	assert_field(t, "overlaps[3].body", "Personsammenfald skal være med et andet forum");
	assert_field(t, "overlaps[4].body", "Personsammenfald skal være med et andet forum");
	assert_null(field_errors_get(&t->e, "overlaps[0].body"));
	assert_null(field_errors_get(&t->e, "overlaps[1].body"));
}

/* Editing a charter must not drop a seat key memberships of the body
 * name (membership.seat_key): they would be in no seat. */
static void charter_seat_key_in_use(void **state)
{
	struct t *t = *state;
	fx_membership(&t->f, t->sj.m_rh)->seat_key = "regional_house";
	for (int i = 0; i < 2; i++)
		fx_membership(&t->f, t->sj.m_gp[i])->seat_key = "plo_gp";
	/* An ended membership still names the seat. */
	fx_membership(&t->f, t->sj.m_gp[1])->end = 20230101;
	/* Another body's membership with the same key is no concern. */
	int64_t other = fx_body(&t->f, "Andet forum", BODY_THEME_GROUP, 0);
	int64_t om = fx_seated(&t->f, "Lis Lund", other, ROLE_MEMBER, 0,
			       t->sj.rh, SJ_START, 0);
	fx_membership(&t->f, om)->seat_key = "somatic";

	const struct charter *orig = fx_charter_get(&t->f, t->sj.charter);
	struct seat_rule seats[8];
	assert_true(orig->n_seats <= 8);
	memcpy(seats, orig->seats, orig->n_seats * sizeof(*seats));
	struct charter c = *orig;
	c.seats = seats;
	assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 0);

	/* Seats: somatic, psychiatry, regional_house, municipal_director,
	 * plo_gp, patients. Dropping somatic (named by no member of this
	 * body) and patients (members fit it by rule, none names it) is
	 * fine. */
	struct seat_rule kept[] = { seats[1], seats[2], seats[3], seats[4] };
	c.seats = kept;
	c.n_seats = 4;
	assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 0);

	/* Deleting regional_house (its row now holds patients), renaming
	 * plo_gp. */
	kept[1] = seats[5];
	kept[3].key = "plo";
	assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 2);
	assert_string_equal(t->e.items[0].field, "seats");
	assert_string_equal(t->e.items[0].message,
			    "Pladsen «regional_house» bruges af 1 medlemskab; flyt det først");
	assert_string_equal(t->e.items[1].message,
			    "Pladsen «plo_gp» bruges af 2 medlemskaber; flyt dem først");
	t->e = (struct field_errors){ 0 };

	/* Once the memberships are moved, the key can go. */
	fx_membership(&t->f, t->sj.m_rh)->seat_key = "";
	for (int i = 0; i < 2; i++)
		fx_membership(&t->f, t->sj.m_gp[i])->seat_key = "plo";
	assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 0);

	/* A new version is compared with nothing. */
	fx_membership(&t->f, t->sj.m_rh)->seat_key = "regional_house";
	c.id = 0;
	c.key = "v2";
	c.version = 2;
	assert_int_equal(validate_charter(&t->f.a, &t->f.s, &c, &t->e), 0);
}

/* ---- people --------------------------------------------------------- */

static void person_checks(void **state)
{
	struct t *t = *state;
	struct person p = { .key = "ny-person", .name = "Ny Person",
			    .email = "ny@example.dk",
			    .organisation_id = t->sj.shs };
	assert_int_equal(validate_person(&t->f.a, &t->f.s, &p, &t->e), 0);
	p.email = "ny example.dk";
	p.name = "";
	p.organisation_id = 99999;
	assert_int_equal(validate_person(&t->f.a, &t->f.s, &p, &t->e), 3);
	assert_field(t, "email", "er ikke en gyldig e-mailadresse");
	assert_field(t, "name", "Navn skal udfyldes");
	assert_field(t, "organisation", "Organisationen findes ikke");
}

/* ---- memberships ---------------------------------------------------- */

static struct membership new_membership(struct t *t)
{
	struct membership m = {
		.key = "ny", .person_id = t->f.s.people[0].id,
		.body_id = t->sj.body, .role = ROLE_MEMBER,
		.function = FUNC_GP, .seat_key = "plo_gp",
		.represents_id = t->sj.plo, .appointed_by_id = t->sj.plo,
		.start = 20230101, .end = 20251231,
	};
	return m;
}

static void membership_valid(void **state)
{
	struct t *t = *state;
	struct membership m = new_membership(t);
	assert_int_equal(validate_membership(&t->f.a, &t->f.s, &m, &t->e), 0);
	/* An existing one, unchanged. */
	m = *fx_membership(&t->f, t->sj.m_gp[0]);
	assert_int_equal(validate_membership(&t->f.a, &t->f.s, &m, &t->e), 0);
}

static void membership_dates(void **state)
{
	struct t *t = *state;
	struct membership m = new_membership(t);

	m.start = 0;
	assert_int_equal(validate_membership(&t->f.a, &t->f.s, &m, &t->e), 1);
	assert_field(t, "start", "Startdato skal udfyldes");

	t->e = (struct field_errors){ 0 };
	m.start = 20230229;	/* 2023 is no leap year */
	assert_int_equal(validate_membership(&t->f.a, &t->f.s, &m, &t->e), 1);
	assert_field(t, "start", "Startdato er ikke en gyldig dato");

	t->e = (struct field_errors){ 0 };
	m.start = 20240229;
	m.end = 20240228;
	assert_int_equal(validate_membership(&t->f.a, &t->f.s, &m, &t->e), 1);
	assert_field(t, "end", "Slutdato kan ikke ligge før startdato");

	/* A one-day membership: end == start. Open end. */
	t->e = (struct field_errors){ 0 };
	m.end = 20240229;
	assert_int_equal(validate_membership(&t->f.a, &t->f.s, &m, &t->e), 0);
	m.end = 0;
	assert_int_equal(validate_membership(&t->f.a, &t->f.s, &m, &t->e), 0);

	m.end = 20241301;
	assert_int_equal(validate_membership(&t->f.a, &t->f.s, &m, &t->e), 1);
	assert_field(t, "end", "Slutdato er ikke en gyldig dato");
}

static void membership_references(void **state)
{
	struct t *t = *state;
	struct membership m = new_membership(t);
	m.person_id = 919191;
	m.body_id = 929292;
	m.role = ROLE_NONE;
	m.represents_id = 939393;
	m.appointed_by_id = 949494;
	m.function = (enum function)55;
	assert_int_equal(validate_membership(&t->f.a, &t->f.s, &m, &t->e), 6);
	assert_field(t, "person", "Personen findes ikke");
	assert_field(t, "body", "Forummet findes ikke");
	assert_field(t, "role", "Vælg en rolle");
	assert_field(t, "function", "Ukendt værdi for funktion");
	assert_field(t, "represents", "Organisationen findes ikke");
	assert_field(t, "appointed_by", "Organisationen findes ikke");

	t->e = (struct field_errors){ 0 };
	m = new_membership(t);
	m.person_id = 0;
	m.body_id = 0;
	assert_int_equal(validate_membership(&t->f.a, &t->f.s, &m, &t->e), 2);
	assert_field(t, "person", "Vælg en person");
	assert_field(t, "body", "Vælg et forum");
}

static void membership_seat_key(void **state)
{
	struct t *t = *state;
	struct membership m = new_membership(t);
	m.seat_key = "praktiserende";
	assert_int_equal(validate_membership(&t->f.a, &t->f.s, &m, &t->e), 1);
	assert_field(t, "seat",
		     "Pladsen «praktiserende» findes ikke i forummets kommissorium");
	/* A body without any charter: nothing to check against. */
	t->e = (struct field_errors){ 0 };
	m.body_id = fx_body(&t->f, "Uden kommissorium", BODY_OTHER, 0);
	assert_int_equal(validate_membership(&t->f.a, &t->f.s, &m, &t->e), 0);
}

/* "En suppleant skal være suppleant for et medlem af samme forum" */
static void membership_substitute(void **state)
{
	struct t *t = *state;
	struct membership m = new_membership(t);
	m.role = ROLE_SUBSTITUTE;
	m.substitute_for_id = t->sj.m_gp[0];
	assert_int_equal(validate_membership(&t->f.a, &t->f.s, &m, &t->e), 0);

	m.substitute_for_id = 0;
	assert_int_equal(validate_membership(&t->f.a, &t->f.s, &m, &t->e), 1);
	assert_field(t, "substitute_for",
		     "En suppleant skal være suppleant for et medlem af samme forum");

	/* Of another body. */
	int64_t other = fx_body(&t->f, "Andet", BODY_OTHER, 0);
	int64_t om = fx_seated(&t->f, "Ulf", other, ROLE_MEMBER, FUNC_GP,
			       t->sj.plo, 20230101, 0);
	m.substitute_for_id = om;
	assert_int_equal(validate_membership(&t->f.a, &t->f.s, &m, &t->e), 1);

	/* For a secretary. */
	int64_t sec = fx_seated(&t->f, "Sif", t->sj.body, ROLE_SECRETARY,
				FUNC_CONSULTANT, t->sj.shs, 20230101, 0);
	m.substitute_for_id = sec;
	assert_int_equal(validate_membership(&t->f.a, &t->f.s, &m, &t->e), 1);

	/* A member cannot be a substitute for someone. */
	t->e = (struct field_errors){ 0 };
	m.role = ROLE_MEMBER;
	m.substitute_for_id = t->sj.m_gp[0];
	assert_int_equal(validate_membership(&t->f.a, &t->f.s, &m, &t->e), 1);
	assert_field(t, "substitute_for", "Kun en suppleant");
}

static void membership_key_unique(void **state)
{
	struct t *t = *state;
	struct membership m = new_membership(t);
	m.key = fx_membership(&t->f, t->sj.m_gp[0])->key;
	assert_int_equal(validate_membership(&t->f.a, &t->f.s, &m, &t->e), 1);
	assert_field(t, "key", "bruges allerede");
	/* The same key on another type of object is fine. */
	t->e = (struct field_errors){ 0 };
	m.key = fx_org_get(&t->f, t->sj.shs)->key;
	assert_int_equal(validate_membership(&t->f.a, &t->f.s, &m, &t->e), 0);
}

/* ---- rotations ------------------------------------------------------ */

static void rotation_checks(void **state)
{
	struct t *t = *state;
	/* seed 003: "2026-2027 HE Midt og X kommune": no organisation yet. */
	struct rotation r = { .body_id = t->sj.body, .start_year = 2026,
			      .end_year = 2027 };
	assert_int_equal(validate_rotation(&t->f.a, &t->f.s, &r, &t->e), 0);
	r.org_id = t->sj.muni[0];
	r.start_year = 2023;
	r.end_year = 2025;
	assert_int_equal(validate_rotation(&t->f.a, &t->f.s, &r, &t->e), 0);
	/* A one-year period. */
	r.end_year = 2023;
	assert_int_equal(validate_rotation(&t->f.a, &t->f.s, &r, &t->e), 0);

	r.end_year = 2022;
	assert_int_equal(validate_rotation(&t->f.a, &t->f.s, &r, &t->e), 1);
	assert_field(t, "end_year", "Slutår kan ikke ligge før startår");

	t->e = (struct field_errors){ 0 };
	struct rotation bad = { .body_id = 0, .start_year = 0, .end_year = 99999,
				.org_id = 123123 };
	assert_int_equal(validate_rotation(&t->f.a, &t->f.s, &bad, &t->e), 4);
	assert_field(t, "body", "Vælg et forum");
	assert_field(t, "start_year", "Angiv et gyldigt startår");
	assert_field(t, "end_year", "Angiv et gyldigt slutår");
	assert_field(t, "organisation", "Organisationen findes ikke");
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(field_errors_basics),
		cmocka_unit_test(key_syntax),
		cmocka_unit_test(key_from_danish_name),
		cmocka_unit_test(key_from_name_unique),
		T(org_valid),
		T(org_required_fields),
		T(org_key_taken_and_bad),
		T(org_enums_and_parent),
		T(org_parent_cycle),
		T(area_checks),
		T(body_checks),
		T(body_parent_cycle),
		T(charter_valid),
		T(charter_version),
		T(charter_required),
		T(charter_seats),
		T(charter_seat_row_fields),
		T(charter_approvals_and_overlaps),
		T(charter_approval_steps),
		T(charter_recommends_to),
		T(charter_overlaps_unique),
		T(charter_seat_key_in_use),
		T(person_checks),
		T(membership_valid),
		T(membership_dates),
		T(membership_references),
		T(membership_seat_key),
		T(membership_substitute),
		T(membership_key_unique),
		T(rotation_checks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
