/*
 * fixture.h - builds a `struct structure` in an arena for unit tests.
 *
 * Each fx_* adder appends one object, gives it the next id and a key
 * ("o3", "b7" ...) and returns the id. Pointers into the structure's
 * arrays move when an array grows, so tests keep ids and fetch a pointer
 * (fx_membership(), fx_charter() ...) right before changing a field.
 *
 * fx_sonderjylland() builds the professional-strategic level of
 * Sundhedsklynge Sønderjylland filled as seed 000 says, so each test can
 * break one thing and look for exactly one violation.
 */
#ifndef KLYNGE_TEST_FIXTURE_H
#define KLYNGE_TEST_FIXTURE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "core/model.h"
#include "core/rules.h"
#include "util/arena.h"

struct fx {
	struct arena a;
	struct structure s;
	int64_t next_id;
};

static inline void fx_init(struct fx *f)
{
	memset(f, 0, sizeof(*f));
	arena_init(&f->a);
	f->next_id = 1;
}

static inline void fx_free(struct fx *f)
{
	arena_free(&f->a);
}

/* Appends one zeroed element to an arena array; returns it. */
#define FX_PUSH(f, arr, n)                                                 \
	((arr) = arena_grow(&(f)->a, (arr), (n), (n) + 1, sizeof(*(arr))), \
	 &(arr)[(n)++])

static inline const char *fx_key(struct fx *f, const char *prefix, int64_t id)
{
	return arena_printf(&f->a, "%s%lld", prefix, (long long)id);
}

static inline int64_t fx_org(struct fx *f, const char *name,
			     enum org_kind kind, enum sector sector,
			     int64_t parent)
{
	struct organisation *o = FX_PUSH(f, f->s.orgs, f->s.n_orgs);
	o->id = f->next_id++;
	o->key = fx_key(f, "o", o->id);
	o->name = name;
	o->short_name = "";
	o->kind = kind;
	o->sector = sector;
	o->parent_id = parent;
	o->note = "";
	return o->id;
}

static inline struct organisation *fx_org_get(struct fx *f, int64_t id)
{
	return (struct organisation *)structure_org(&f->s, id);
}

static inline int64_t fx_area(struct fx *f, const char *name, int64_t region,
			      int64_t hospital)
{
	struct area *ar = FX_PUSH(f, f->s.areas, f->s.n_areas);
	ar->id = f->next_id++;
	ar->key = fx_key(f, "a", ar->id);
	ar->name = name;
	ar->region_id = region;
	ar->hospital_id = hospital;
	ar->note = "";
	return ar->id;
}

static inline struct area *fx_area_get(struct fx *f, int64_t id)
{
	return (struct area *)structure_area(&f->s, id);
}

static inline void fx_area_add(struct fx *f, int64_t area, int64_t muni)
{
	struct area *ar = fx_area_get(f, area);
	*FX_PUSH(f, ar->municipality_ids, ar->n_municipalities) = muni;
}

static inline int64_t fx_body(struct fx *f, const char *name,
			      enum body_kind kind, int64_t area)
{
	struct body *b = FX_PUSH(f, f->s.bodies, f->s.n_bodies);
	b->id = f->next_id++;
	b->key = fx_key(f, "b", b->id);
	b->name = name;
	b->short_name = "";
	b->kind = kind;
	b->area_id = area;
	b->formal = true;
	b->description = "";
	return b->id;
}

static inline struct body *fx_body_get(struct fx *f, int64_t id)
{
	return (struct body *)structure_body(&f->s, id);
}

static inline int64_t fx_charter(struct fx *f, int64_t body, int version,
				 enum charter_status status, int valid_from)
{
	struct charter *c = FX_PUSH(f, f->s.charters, f->s.n_charters);
	c->id = f->next_id++;
	c->key = fx_key(f, "c", c->id);
	c->body_id = body;
	c->version = version;
	c->title = "Kommissorium";
	c->text = "";
	c->status = status;
	c->valid_from = valid_from;
	return c->id;
}

static inline struct charter *fx_charter_get(struct fx *f, int64_t id)
{
	return (struct charter *)structure_charter(&f->s, id);
}

/* A seat rule; returns it (valid until the next seat of the charter). */
static inline struct seat_rule *fx_seat(struct fx *f, int64_t charter,
					const char *key, const char *label,
					enum sector sector,
					enum org_kind org_kind,
					enum function function, int min,
					int max)
{
	struct charter *c = fx_charter_get(f, charter);
	struct seat_rule *r = FX_PUSH(f, c->seats, c->n_seats);
	r->id = f->next_id++;
	r->key = key;
	r->label = label;
	r->sector = sector;
	r->org_kind = org_kind;
	r->function = function;
	r->min = min;
	r->max = max;
	return r;
}

static inline void fx_approval(struct fx *f, int64_t charter,
			       enum charter_status status, int date)
{
	struct charter *c = fx_charter_get(f, charter);
	struct approval *ap = FX_PUSH(f, c->approvals, c->n_approvals);
	ap->id = f->next_id++;
	ap->status = status;
	ap->by_text = "Formandskabet";
	ap->date = date;
	ap->note = "";
}

static inline void fx_overlap(struct fx *f, int64_t charter, int64_t other,
			      int min_persons)
{
	struct charter *c = fx_charter_get(f, charter);
	struct overlap_rule *o = FX_PUSH(f, c->overlaps, c->n_overlaps);
	o->id = f->next_id++;
	o->other_body_id = other;
	o->min_persons = min_persons;
}

static inline int64_t fx_person(struct fx *f, const char *name, int64_t employer)
{
	struct person *p = FX_PUSH(f, f->s.people, f->s.n_people);
	p->id = f->next_id++;
	p->key = fx_key(f, "p", p->id);
	p->name = name;
	p->title = "";
	p->email = "";
	p->organisation_id = employer;
	p->note = "Fiktiv person";
	return p->id;
}

static inline int64_t fx_member(struct fx *f, int64_t person, int64_t body,
				enum role role, enum function function,
				int64_t represents, int start, int end)
{
	struct membership *m = FX_PUSH(f, f->s.memberships, f->s.n_memberships);
	m->id = f->next_id++;
	m->key = fx_key(f, "m", m->id);
	m->person_id = person;
	m->body_id = body;
	m->role = role;
	m->function = function;
	m->seat_key = "";
	m->represents_id = represents;
	m->start = start;
	m->end = end;
	return m->id;
}

static inline struct membership *fx_membership(struct fx *f, int64_t id)
{
	return (struct membership *)structure_membership(&f->s, id);
}

/* A new person with one membership; returns the membership id. */
static inline int64_t fx_seated(struct fx *f, const char *name, int64_t body,
				enum role role, enum function function,
				int64_t represents, int start, int end)
{
	int64_t p = fx_person(f, name, represents);
	return fx_member(f, p, body, role, function, represents, start, end);
}

static inline int64_t fx_rotation(struct fx *f, int64_t body, int y0, int y1,
				  int64_t org)
{
	struct rotation *r = FX_PUSH(f, f->s.rotations, f->s.n_rotations);
	r->id = f->next_id++;
	r->body_id = body;
	r->start_year = y0;
	r->end_year = y1;
	r->org_id = org;
	r->note = "";
	return r->id;
}

/* ---- violations helpers -------------------------------------------- */

static inline size_t fx_count(const struct violations *v, const char *code)
{
	size_t n = 0;
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->items[i].code, code) == 0)
			n++;
	return n;
}

/* The first violation with code, or NULL. */
static inline const struct violation *fx_find(const struct violations *v,
					      const char *code)
{
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->items[i].code, code) == 0)
			return &v->items[i];
	return NULL;
}

/* ---- Sundhedsklynge Sønderjylland, fagligt strategisk niveau -------- */

/*
 * Seed 000, "Sammensætning og formandskab":
 *  - Tre repræsentanter fra regionen henholdsvis det somatiske sygehus,
 *    Psykiatrisygehuset samt Regionshuset
 *  - En repræsentant (relevant direktør) fra hver af de deltagende kommuner
 *  - To praktiserende læger udpeget af Praktiserende Lægers Organisation
 *    (PLO), hvor mindst en af repræsentanterne er udpeget inden for
 *    sundhedsklyngens område
 *  - To repræsentanter for patienter og pårørende udpeget af
 *    Patientinddragelsesudvalget
 * Terms run 2022-07-01 .. 2025-12-31 (fictitious people).
 */
#define SJ_START 20220701
#define SJ_END 20251231
#define SJ_DATE 20230601

#define SEAT_MUNI_LABEL "En repræsentant (relevant direktør) fra hver af de deltagende kommuner"
#define SEAT_PLO_LABEL "To praktiserende læger udpeget af PLO"

struct sj {
	int64_t region, rh, shs, psyk, plo, piu, kolding;
	int64_t muni[4];		/* Aabenraa, Haderslev, Sønderborg, Tønder */
	int64_t area, body, charter;
	int64_t m_shs, m_psyk, m_rh;
	int64_t m_muni[4];
	int64_t m_gp[2], m_pat[2];
};

static inline void fx_sonderjylland(struct fx *f, struct sj *sj)
{
	static const char *names[4] = { "Aabenraa Kommune", "Haderslev Kommune",
		"Sønderborg Kommune", "Tønder Kommune" };
	static const char *directors[4] = { "Anne Andersen", "Bent Bruun",
		"Carla Christensen", "Dorte Damgaard" };

	sj->region = fx_org(f, "Region Syddanmark", ORG_REGION, SECTOR_REGION, 0);
	sj->rh = fx_org(f, "Regionshuset", ORG_REGIONAL_ADMINISTRATION,
			SECTOR_REGION, sj->region);
	sj->shs = fx_org(f, "Sygehus Sønderjylland", ORG_HOSPITAL,
			 SECTOR_REGION, sj->region);
	sj->psyk = fx_org(f, "Psykiatrien i Region Syddanmark", ORG_PSYCHIATRY,
			  SECTOR_REGION, sj->region);
	sj->plo = fx_org(f, "PLO Syddanmark", ORG_GP_ORGANISATION,
			 SECTOR_GENERAL_PRACTICE, 0);
	sj->piu = fx_org(f, "Patientinddragelsesudvalget", ORG_PATIENT_COMMITTEE,
			 SECTOR_PATIENTS, sj->region);
	sj->kolding = fx_org(f, "Kolding Kommune", ORG_MUNICIPALITY,
			     SECTOR_MUNICIPALITY, 0);
	sj->area = fx_area(f, "Sundhedsklynge Sønderjylland", sj->region, sj->shs);
	for (int i = 0; i < 4; i++) {
		sj->muni[i] = fx_org(f, names[i], ORG_MUNICIPALITY,
				     SECTOR_MUNICIPALITY, 0);
		fx_area_add(f, sj->area, sj->muni[i]);
	}
	sj->body = fx_body(f, "Sønderjylland, fagligt strategisk niveau",
			   BODY_STRATEGIC_LEVEL, sj->area);
	fx_body_get(f, sj->body)->region_id = sj->region;

	sj->charter = fx_charter(f, sj->body, 1, CHARTER_APPROVED, 20220623);
	fx_charter_get(f, sj->charter)->chair_rule =
		CHAIR_RULE_SHARED_REGION_MUNICIPALITY;
	fx_seat(f, sj->charter, "somatic", "Det somatiske sygehus",
		SECTOR_REGION, ORG_HOSPITAL, 0, 1, 1);
	fx_seat(f, sj->charter, "psychiatry", "Psykiatrisygehuset",
		SECTOR_REGION, ORG_PSYCHIATRY, 0, 1, 1);
	fx_seat(f, sj->charter, "regional_house", "Regionshuset",
		SECTOR_REGION, ORG_REGIONAL_ADMINISTRATION, 0, 1, 1);
	fx_seat(f, sj->charter, "municipal_director", SEAT_MUNI_LABEL,
		SECTOR_MUNICIPALITY, ORG_MUNICIPALITY, FUNC_DIRECTOR, 1, 1)
		->per_municipality = true;
	struct seat_rule *gp = fx_seat(f, sj->charter, "plo_gp", SEAT_PLO_LABEL,
				       SECTOR_GENERAL_PRACTICE, 0, FUNC_GP, 2, 2);
	gp->appointed_by_kind = ORG_GP_ORGANISATION;
	gp->min_local = 1;
	fx_seat(f, sj->charter, "patients",
		"To repræsentanter for patienter og pårørende udpeget af Patientinddragelsesudvalget",
		SECTOR_PATIENTS, 0, FUNC_PATIENT_REPRESENTATIVE, 2, 2)
		->appointed_by_kind = ORG_PATIENT_COMMITTEE;

	sj->m_shs = fx_seated(f, "Eva Eriksen", sj->body, ROLE_CO_CHAIR,
			      FUNC_NURSING_DIRECTOR, sj->shs, SJ_START, SJ_END);
	sj->m_psyk = fx_seated(f, "Finn Frost", sj->body, ROLE_MEMBER,
			       FUNC_DIRECTOR, sj->psyk, SJ_START, SJ_END);
	sj->m_rh = fx_seated(f, "Gitte Gram", sj->body, ROLE_MEMBER,
			     FUNC_HEAD_OF_UNIT, sj->rh, SJ_START, SJ_END);
	for (int i = 0; i < 4; i++)
		sj->m_muni[i] = fx_seated(f, directors[i], sj->body,
					  i == 0 ? ROLE_CO_CHAIR : ROLE_MEMBER,
					  FUNC_DIRECTOR, sj->muni[i], SJ_START,
					  SJ_END);
	sj->m_gp[0] = fx_seated(f, "Hans Holm", sj->body, ROLE_MEMBER, FUNC_GP,
				sj->plo, SJ_START, SJ_END);
	sj->m_gp[1] = fx_seated(f, "Ida Isaksen", sj->body, ROLE_MEMBER, FUNC_GP,
				sj->plo, SJ_START, SJ_END);
	for (int i = 0; i < 2; i++)
		fx_membership(f, sj->m_gp[i])->appointed_by_id = sj->plo;
	fx_membership(f, sj->m_gp[1])->local = true;
	sj->m_pat[0] = fx_seated(f, "Jens Juhl", sj->body, ROLE_MEMBER,
				 FUNC_PATIENT_REPRESENTATIVE, sj->piu, SJ_START,
				 SJ_END);
	sj->m_pat[1] = fx_seated(f, "Karen Krog", sj->body, ROLE_MEMBER,
				 FUNC_PATIENT_REPRESENTATIVE, sj->piu, SJ_START,
				 SJ_END);
	for (int i = 0; i < 2; i++)
		fx_membership(f, sj->m_pat[i])->appointed_by_id = sj->piu;
}

#endif
