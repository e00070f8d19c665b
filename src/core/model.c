/*
 * model.c - enum tables and lookups for the structure; see model.h.
 */
#include "model.h"

#include <string.h>

#include "enum_table.h"

static const struct enum_entry sector_table[] = {
	{ "", "" },
	{ "region", "Region" },
	{ "municipality", "Kommune" },
	{ "general_practice", "Almen praksis" },
	{ "patients", "Patienter og pårørende" },
};
MODEL_ENUM_DEF(sector, enum sector, sector_table)

static const struct enum_entry org_kind_table[] = {
	{ "", "" },
	{ "region", "Region" },
	{ "regional_council", "Regionsråd" },
	{ "regional_administration", "Regionshus" },
	{ "hospital", "Somatisk sygehus" },
	{ "psychiatry", "Psykiatri" },
	{ "municipality", "Kommune" },
	{ "city_council", "Byråd/kommunalbestyrelse" },
	{ "gp_organisation", "Praktiserende Lægers Organisation" },
	{ "gp_practice", "Lægepraksis" },
	{ "patient_committee", "Patientinddragelsesudvalg" },
	{ "municipal_network", "Kommunalt samarbejde" },
	{ "other", "Anden organisation" },
};
MODEL_ENUM_DEF(org_kind, enum org_kind, org_kind_table)

static const struct enum_entry body_kind_table[] = {
	{ "", "" },
	{ "collaboration_committee", "Sundhedssamarbejdsudvalg" },
	{ "steering_group", "Styregruppe" },
	{ "political_level", "Politisk niveau" },
	{ "strategic_level", "Fagligt strategisk niveau" },
	{ "implementation_group", "Implementeringsgruppe" },
	{ "coordination_forum", "Koordineringsforum" },
	{ "theme_group", "Temagruppe" },
	{ "adhoc_group", "Ad hoc-gruppe" },
	{ "network_group", "Netværksgruppe" },
	{ "secretariat", "Sekretariat" },
	{ "council", "Regionsråd/byråd" },
	{ "other", "Andet forum" },
};
MODEL_ENUM_DEF(body_kind, enum body_kind, body_kind_table)

static const struct enum_entry role_table[] = {
	{ "", "" },
	{ "chair", "Formand" },
	{ "co_chair", "Medformand" },
	{ "vice_chair", "Næstformand" },
	{ "member", "Medlem" },
	{ "substitute", "Suppleant" },
	{ "secretary", "Sekretær" },
};
MODEL_ENUM_DEF(role, enum role, role_table)

static const struct enum_entry function_table[] = {
	{ "", "" },
	{ "regional_council_chair", "Regionsrådsformand" },
	{ "regional_council_member", "Regionsrådsmedlem" },
	{ "mayor", "Borgmester" },
	{ "alderman", "Rådmand" },
	{ "group_director", "Koncerndirektør" },
	{ "director", "Direktør" },
	{ "nursing_director", "Sygeplejefaglig direktør" },
	{ "head_of_unit", "Chef/leder" },
	{ "consultant", "Konsulent" },
	{ "gp", "Praktiserende læge" },
	{ "practice_coordinator", "Praksiskoordinator" },
	{ "patient_representative", "Patient-/pårørenderepræsentant" },
	{ "professional", "Fagperson" },
};
MODEL_ENUM_DEF(function, enum function, function_table)

static const struct enum_entry charter_status_table[] = {
	{ "", "" },
	{ "draft", "Udkast" },
	{ "pre_approved", "Forhåndsgodkendt" },
	{ "approved", "Godkendt" },
};
MODEL_ENUM_DEF(charter_status, enum charter_status, charter_status_table)

static const struct enum_entry chair_rule_table[] = {
	{ "", "Ingen regel" },
	{ "single", "Én formand" },
	{ "shared_region_municipality", "Formandskabet er delt mellem region og kommune" },
	{ "region_chair_and_mayor", "Formandskabet varetages af regionsrådsformanden og en af de deltagende borgmestre" },
	{ "region_chair_mayor_vice", "Formand fra regionsrådet, næstformand blandt borgmestrene" },
	{ "two_part", "Todelt formandskab" },
};
MODEL_ENUM_DEF(chair_rule, enum chair_rule, chair_rule_table)

static const struct enum_entry quorum_rule_table[] = {
	{ "", "Ingen regel" },
	{ "half_per_sector", "Beslutningsdygtigt, når mindst halvdelen af medlemmerne fra hver sektor er til stede" },
	{ "half", "Beslutningsdygtigt, når mindst halvdelen af medlemmerne er til stede" },
};
MODEL_ENUM_DEF(quorum_rule, enum quorum_rule, quorum_rule_table)

static const struct enum_entry decision_rule_table[] = {
	{ "", "Ingen regel" },
	{ "consensus", "Beslutninger træffes på baggrund af konsensus" },
	{ "agreement", "Beslutninger træffes i enighed; uenighed skal fremgå af sagsfremstilling og indstilling" },
	{ "majority", "Beslutninger træffes ved flertal" },
};
MODEL_ENUM_DEF(decision_rule, enum decision_rule, decision_rule_table)

static const struct enum_entry competence_table[] = {
	{ "", "Ikke angivet" },
	{ "decide", "Kan træffe beslutninger" },
	{ "recommend", "Kan alene indstille" },
	{ "advise", "Rådgivende, uden for den formelle beslutningsstruktur" },
};
MODEL_ENUM_DEF(competence, enum competence, competence_table)

#define LOOKUP(fn, type, arr, n)                                           \
	const struct type *fn(const struct structure *s, int64_t id)       \
	{                                                                  \
		if (!s || !id)                                             \
			return NULL;                                       \
		for (size_t i = 0; i < s->n; i++)                          \
			if (s->arr[i].id == id)                            \
				return &s->arr[i];                         \
		return NULL;                                               \
	}

LOOKUP(structure_org, organisation, orgs, n_orgs)
LOOKUP(structure_area, area, areas, n_areas)
LOOKUP(structure_body, body, bodies, n_bodies)
LOOKUP(structure_charter, charter, charters, n_charters)
LOOKUP(structure_person, person, people, n_people)
LOOKUP(structure_membership, membership, memberships, n_memberships)

bool membership_active(const struct membership *m, int date)
{
	if (m->start && date < m->start)
		return false;
	if (m->end && date > m->end)
		return false;
	return true;
}

bool role_is_ordinary(enum role r)
{
	return r == ROLE_CHAIR || r == ROLE_CO_CHAIR || r == ROLE_VICE_CHAIR ||
	       r == ROLE_MEMBER;
}

bool area_has_municipality(const struct area *a, int64_t org_id)
{
	if (!a)
		return false;
	for (size_t i = 0; i < a->n_municipalities; i++)
		if (a->municipality_ids[i] == org_id)
			return true;
	return false;
}

int charter_effective(const struct charter *c)
{
	if (c->valid_from)
		return c->valid_from;
	int d = 0;
	for (size_t i = 0; i < c->n_approvals; i++)
		if (c->approvals[i].status == CHARTER_APPROVED &&
		    c->approvals[i].date > d)
			d = c->approvals[i].date;
	return d;
}

const struct charter *charter_in_force(const struct structure *s,
				       int64_t body_id, int date,
				       bool *approved)
{
	const struct charter *best = NULL, *any = NULL;
	for (size_t i = 0; i < s->n_charters; i++) {
		const struct charter *c = &s->charters[i];
		if (c->body_id != body_id)
			continue;
		if (!any || c->version > any->version)
			any = c;
		if (c->status != CHARTER_APPROVED)
			continue;
		int eff = charter_effective(c);
		if (eff && eff > date)
			continue;
		if (!best || c->version > best->version)
			best = c;
	}
	if (approved)
		*approved = best != NULL;
	return best ? best : any;
}
