#!/usr/bin/env python3
"""gen-demo.py - writes data/demo.json, klynge's demo structure file.

The structure follows the seeds (../shared/seeds): Region Syddanmark's
four health clusters with SSU, Strategisk Sundhedsstyregruppe, political
and professional-strategic levels (seed 000, 001), Sønderjylland's
implementation groups (seed 004), and Region Midtjylland's Midtklyngen
with its rotation plan (seed 003).

Organisations are real; every person is fictitious ("Fiktiv person",
@example.dk). Where the seeds do not say (most municipalities of Fyn,
Lillebælt and Sydvestjylland, IPG themes, dates of some approvals) the
data is marked as demo data.

Four bodies break their terms of reference on purpose, so that the checks
have something to show (klynge check --date 2026-11-23):
  fsn-sonderjylland    municipality_missing (no director from Tønder)
  pn-lillebaelt        seat_missing (one PLO GP instead of two)
  fsn-fyn              seat_not_local (no PLO GP appointed within the area)
  fsn-sydvestjylland   seat_missing (no psychiatry representative)
  midt-tema-somatik    rotation_same_year (HE Midt changes its co-chair in
                       2023, the year the municipal co-chair changes)
Everything else is meant to pass on 2026-11-23.

Output is the canonical form of docs/structure-format.md: key order as
documented, defaults omitted, two-space indent, UTF-8, final newline.
Usage: python3 scripts/gen-demo.py [output]   (default data/demo.json)
"""
import datetime
import json
import os
import re
import sys

ORGS, AREAS, BODIES, CHARTERS, PEOPLE, MEMBERSHIPS, ROTATIONS = (
    [], [], [], [], [], [], [])

# ---------------------------------------------------------------- helpers


def slug(text):
    s = text.lower()
    for a, b in (("æ", "ae"), ("ø", "o"), ("å", "aa"), ("é", "e"),
                 ("ü", "u"), ("ö", "o"), ("ä", "ae")):
        s = s.replace(a, b)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


def clean(obj, keep_false=()):
    """Drops fields at their default (None, "", 0, False, []), keeping
    the order of the remaining keys. `formal` is special: its default is
    true, so it is written only when false."""
    out = {}
    for k, v in obj.items():
        if k == "formal":
            if v is False:
                out[k] = False
            continue
        if v is None or v == "" or v is False or v == [] or (
                isinstance(v, int) and not isinstance(v, bool) and v == 0):
            continue
        out[k] = v
    return out


ORG_KEYS = set()


def org(key, name, kind, sector=None, short=None, parent=None, note=None):
    assert key not in ORG_KEYS, key
    ORG_KEYS.add(key)
    ORGS.append(clean({"key": key, "name": name, "short_name": short,
                       "kind": kind, "sector": sector, "parent": parent,
                       "note": note}))
    return key


def area(key, name, region, hospital, municipalities, note=None):
    AREAS.append(clean({"key": key, "name": name, "region": region,
                        "hospital": hospital,
                        "municipalities": list(municipalities),
                        "note": note}))
    return key


BODY_AREA = {}


def body(key, name, kind, region, parent=None, area_=None, short=None,
         formal=True, description=None):
    BODY_AREA[key] = area_
    BODIES.append(clean({"key": key, "name": name, "short_name": short,
                         "kind": kind, "parent": parent, "area": area_,
                         "region": region, "formal": formal,
                         "description": description}))
    return key


def seat(key, label, sector=None, org_kind=None, function=None,
         per_municipality=False, min_=0, max_=0, appointed_by_kind=None,
         min_local=0):
    return clean({"key": key, "label": label, "sector": sector,
                  "org_kind": org_kind, "function": function,
                  "per_municipality": per_municipality, "min": min_,
                  "max": max_, "appointed_by_kind": appointed_by_kind,
                  "min_local": min_local})


def approval(status, date, by_body=None, by_text=None, note=None):
    return clean({"status": status, "by_body": by_body, "by_text": by_text,
                  "date": date, "note": note})


def overlap(body_key, min_persons):
    return {"body": body_key, "min_persons": min_persons}


def charter(body_key, title, text, seats, approvals, status="approved",
            version=1, valid_from=None, chair_rule=None, quorum_rule=None,
            decision_rule=None, competence=None, recommends_to=None,
            economic_to_councils=False, min_meetings_per_year=0,
            meets_before=None, psychiatry_first=False, overlaps=()):
    key = "k-%s-v%d" % (body_key, version)
    CHARTERS.append(clean({
        "key": key, "body": body_key, "version": version, "title": title,
        "status": status, "valid_from": valid_from, "text": text,
        "chair_rule": chair_rule, "quorum_rule": quorum_rule,
        "decision_rule": decision_rule, "competence": competence,
        "recommends_to": recommends_to,
        "economic_to_councils": economic_to_councils,
        "min_meetings_per_year": min_meetings_per_year,
        "meets_before": meets_before, "psychiatry_first": psychiatry_first,
        "seats": list(seats), "approvals": list(approvals),
        "overlaps": list(overlaps)}))
    return key


# Fictitious names: common Danish first names and surnames, combined
# deterministically. Combinations that are the names of well-known
# people (politicians among them) are skipped.
FIRST = """Anne Lars Mette Søren Hanne Jens Karen Henrik Lene Peter Camilla
Mads Birgitte Rasmus Susanne Thomas Louise Morten Kirsten Jesper Charlotte
Niels Bente Jakob Pia Kasper Helle Anders Dorthe Michael Line Christian
Tina Martin Sofie Jonas Ida Frederik Marianne Torben Gitte Poul Lone Erik
Jette Carsten Trine Allan Rikke Steen Malene Flemming Stine Jørgen Julie
Hans Ulla Karsten Vibeke Kristian Signe Esben Astrid Troels Nanna Mikkel
Katrine Simon Sanne Bo Lotte Kim Merete Ebbe Annette Ole Janne Claus Heidi
Per Maja Jan Tove Rune Inge""".split()
LAST = """Holm Nielsen Hansen Pedersen Andersen Larsen Sørensen Jørgensen
Madsen Kristensen Olsen Thomsen Christiansen Poulsen Johansen Møller
Mortensen Knudsen Jakobsen Lauridsen Frandsen Dalgaard Bech Lund Krogh Skov
Bak Vestergaard Kjær Nørgaard Overgaard Damgaard Friis Juhl Buch Bruun
Iversen Thygesen Mikkelsen Clausen Ravn Berg Fog Lykke Brink Toft Dahl
Winther Schmidt Ebbesen Høj Kirk Svendsen Hedegaard Søndergaard Kragh Gram
Klitgaard Bundgaard Storm Holst Hviid Munk Lassen Bisgaard Rask Kofoed
Thorsen Wulff Gregersen Ladefoged Borup Sloth Engel""".split()
BLOCK = {
    "Lars Rasmussen", "Kristian Jensen", "Pia Olsen", "Troels Poulsen",
    "Peter Christensen", "Carsten Hansen", "Henrik Larsen", "Jesper Petersen",
    "Bo Hansen", "Morten Andersen", "Jens Christensen", "Anders Christensen",
    "Kim Larsen", "Mads Mikkelsen", "Ole Olsen", "Hans Andersen",
    "Mette Lindberg", "Jesper Rasmussen", "Erik Lauritzen", "Ib Kristensen",
    "Morten Østergaard", "Flemming Møller", "Michael Jensen", "Martin Jensen",
    "Helle Thorning", "Søren Gade", "Lars Larsen", "Kasper Holm",
    "Ulla Tørnæs", "Karen Jensen", "Peter Madsen", "Søren Pind",
    "Anne Linnet", "Per Larsen", "Jens Jensen", "Steen Holm",
    "Niels Bohr", "Lars Holm", "Anders Holm", "Bo Andersen",
    "Kim Andersen", "Karen Klitgaard", "Erik Christiansen", "Søren Pedersen",
}
# Names pinned for tests and docs (never generated).
TONDER_DIRECTOR_NAME = "Anne Holm"
_used_names = {TONDER_DIRECTOR_NAME}
_name_seq = [0]


def new_name():
    while True:
        _name_seq[0] += 1
        i = _name_seq[0]
        first = FIRST[(i * 37) % len(FIRST)]
        last = LAST[(i * 29 + i // len(FIRST)) % len(LAST)]
        name = "%s %s" % (first, last)
        if name in _used_names or name in BLOCK:
            continue
        _used_names.add(name)
        return name


PERSON_KEYS = set()


def person(title, organisation=None, note=None, name=None):
    """A fictitious person; returns the key ("p-" + slug of the name)."""
    name = name or new_name()
    key = "p-" + slug(name)
    assert key not in PERSON_KEYS, key
    PERSON_KEYS.add(key)
    email = slug(name).replace("-", ".") + "@example.dk"
    PEOPLE.append(clean({"key": key, "name": name, "title": title,
                         "email": email, "organisation": organisation,
                         "note": "Fiktiv person" + (
                             ". " + note if note else "")}))
    return key


MEMBERSHIP_KEYS = set()


def mem(person_key, body_key, role, function=None, seat_=None,
        represents=None, appointed_by=None, substitute_for=None,
        local=False, start=None, end=None):
    base = "m-%s-%s" % (body_key, person_key[2:])
    key, n = base, 1
    while key in MEMBERSHIP_KEYS:
        n += 1
        key = "%s-%d" % (base, n)
    assert len(key) <= 64, key
    MEMBERSHIP_KEYS.add(key)
    MEMBERSHIPS.append(clean({
        "key": key, "person": person_key, "body": body_key, "role": role,
        "function": function, "seat": seat_, "represents": represents,
        "appointed_by": appointed_by, "substitute_for": substitute_for,
        "local": local, "start": start, "end": end}))
    return key


def rotation(body_key, y0, y1, organisation=None, note=None):
    ROTATIONS.append(clean({"body": body_key, "start_year": y0,
                            "end_year": y1, "organisation": organisation,
                            "note": note}))


def day_before(date):
    """'2026-01-01' -> '2025-12-31'."""
    d = datetime.date.fromisoformat(date) - datetime.timedelta(days=1)
    return d.isoformat()


def timeline(person_key, body_key, segments, **kw):
    """Memberships of one person in one body over time: segments is a
    list of (start, role) in date order, the last open-ended (or
    (start, role, end) for a last segment that ends). Consecutive
    segments with the same role are merged."""
    merged = []
    for seg in segments:
        if merged and merged[-1][1] == seg[1]:
            if len(seg) == 3:
                merged[-1] = (merged[-1][0], seg[1], seg[2])
            continue
        merged.append(seg)
    keys = []
    for i, seg in enumerate(merged):
        start, role = seg[0], seg[1]
        if i + 1 < len(merged):
            end = day_before(merged[i + 1][0])
        else:
            end = seg[2] if len(seg) == 3 else None
        keys.append(mem(person_key, body_key, role, start=start, end=end,
                        **kw))
    return keys


# ======================================================= Region Syddanmark

RSD = org("region-syddanmark", "Region Syddanmark", "region", "region",
          short="RSD")
RSD_RR = org("regionsraadet-syddanmark", "Regionsrådet i Region Syddanmark",
             "regional_council", "region", parent=RSD)
RSD_RH = org("regionshuset-syddanmark",
             "Regionshuset, Tværsektorielt Samarbejde",
             "regional_administration", "region", short="Regionshuset",
             parent=RSD)
OUH = org("ouh", "Odense Universitetshospital", "hospital", "region",
          short="OUH", parent=RSD)
SLB = org("sygehus-lillebaelt", "Sygehus Lillebælt", "hospital", "region",
          short="SLB", parent=RSD)
SHS = org("sygehus-sonderjylland", "Sygehus Sønderjylland", "hospital",
          "region", short="SHS", parent=RSD)
SVS = org("sydvestjysk-sygehus", "Sydvestjysk Sygehus", "hospital", "region",
          short="SVS", parent=RSD)
PSYK = org("psykiatrien-syddanmark", "Psykiatrien i Region Syddanmark",
           "psychiatry", "region", short="Psykiatrisygehuset", parent=RSD)

CLUSTER_MUNIS = {
    "fyn": ["Assens", "Faaborg-Midtfyn", "Kerteminde", "Langeland",
            "Nordfyns", "Nyborg", "Odense", "Svendborg", "Ærø"],
    "lillebaelt": ["Billund", "Fredericia", "Kolding", "Middelfart",
                   "Vejle"],
    "sonderjylland": ["Aabenraa", "Haderslev", "Sønderborg", "Tønder"],
    "sydvestjylland": ["Esbjerg", "Fanø", "Varde", "Vejen"],
}
MUNI = {}
for _cl in ("fyn", "lillebaelt", "sonderjylland", "sydvestjylland"):
    for _m in CLUSTER_MUNIS[_cl]:
        MUNI[_m] = org(slug(_m) + "-kommune", _m + " Kommune",
                       "municipality", "municipality")

PLO_S = org("plo-syddanmark", "PLO-Syddanmark", "gp_organisation",
            "general_practice", short="PLO-S")
PIU_S = org("piu-syddanmark",
            "Patientinddragelsesudvalget i Region Syddanmark",
            "patient_committee", "patients", short="PIU", parent=RSD)
KKR_S = org("kkr-syddanmark", "KKR Syddanmark", "municipal_network",
            "municipality", short="KKR")
KDK_S = org("kdk-syddanmark", "Kommunaldirektørkredsen i Syddanmark",
            "municipal_network", "municipality", short="KDK", parent=KKR_S)

FICT_PRACTICE = "Fiktiv lægepraksis (demodata)"
PRACTICE = {}
for _town, _name in (("Odense", "Lægehuset Kastanjen, Odense"),
                     ("Faaborg", "Lægerne ved Havnen, Faaborg"),
                     ("Kolding", "Lægerne ved Åen, Kolding"),
                     ("Vejle", "Lægerne i Midtbyen, Vejle"),
                     ("Haderslev", "Lægeklinikken Sønderport, Haderslev"),
                     ("Tønder", "Lægehuset Marsken, Tønder"),
                     ("Esbjerg", "Lægehuset Vestervold, Esbjerg"),
                     ("Varde", "Lægerne ved Torvet, Varde"),
                     ("Middelfart", "Lægehuset Bæltet, Middelfart")):
    PRACTICE[_town] = org("laegepraksis-" + slug(_town), _name,
                          "gp_practice", "general_practice",
                          note=FICT_PRACTICE)

CLUSTER_NAME = {"fyn": "Fyn", "lillebaelt": "Lillebælt",
                "sonderjylland": "Sønderjylland",
                "sydvestjylland": "Sydvestjylland"}
CLUSTER_HOSPITAL = {"fyn": OUH, "lillebaelt": SLB, "sonderjylland": SHS,
                    "sydvestjylland": SVS}
CLUSTERS = ["fyn", "lillebaelt", "sonderjylland", "sydvestjylland"]
DEMO_MUNIS = "Kommunernes fordeling er demodata"
AREA = {}
for _cl in CLUSTERS:
    AREA[_cl] = area("klynge-" + _cl, "Sundhedsklynge " + CLUSTER_NAME[_cl],
                     RSD, CLUSTER_HOSPITAL[_cl],
                     [MUNI[m] for m in CLUSTER_MUNIS[_cl]],
                     note=None if _cl == "sonderjylland" else DEMO_MUNIS)

# ---- bodies
SSU = body("ssu-syddanmark", "Sundhedssamarbejdsudvalget i Region Syddanmark",
           "collaboration_committee", RSD, short="SSU",
           description="Sikrer fælles rammer og retning for samarbejdet på "
           "tværs af de fire sundhedsklynger og udarbejder udkast til "
           "sundhedsaftalen (sundhedsloven § 204).")
SSG = body("strategisk-sundhedsstyregruppe", "Strategisk Sundhedsstyregruppe",
           "steering_group", RSD, parent=SSU, short="SSG",
           description="Det koordinerende administrative organ under "
           "Sundhedssamarbejdsudvalget; sikrer koordinering på tværs af de "
           "fire klynger. Afløste Det Administrative Kontaktforum "
           "1. juli 2022.")
PN, FSN, SEK = {}, {}, {}
for _cl in CLUSTERS:
    _n = CLUSTER_NAME[_cl]
    PN[_cl] = body("pn-" + _cl, "Sundhedsklynge %s – politisk niveau" % _n,
                   "political_level", RSD, parent=SSU, area_=AREA[_cl],
                   description="Sætter retning for Sundhedsklynge %s." % _n)
    FSN[_cl] = body("fsn-" + _cl,
                    "Sundhedsklynge %s – fagligt strategisk niveau" % _n,
                    "strategic_level", RSD, parent=PN[_cl], area_=AREA[_cl],
                    description="Forbereder møderne i det politiske niveau "
                    "og omsætter politiske målsætninger til strategiske "
                    "satsninger og lokale indsatser.")
    SEK[_cl] = body("sek-" + _cl, "Klyngesekretariatet for Sundhedsklynge "
                    + _n, "secretariat", RSD, parent=FSN[_cl],
                    area_=AREA[_cl],
                    description="Sekretariatsbetjener det politiske og det "
                    "fagligt strategiske niveau i klyngen.")

IPG_THEMES = [
    ("aeldre", "IPG Ældre og kronisk sygdom",
     "Implementeringsgruppe for ældre og kronisk sygdom"),
    ("psykiatri", "IPG Psykiatri og misbrug",
     "Implementeringsgruppe for psykiatri og misbrug"),
    ("born", "IPG Børn og unge", "Implementeringsgruppe for børn og unge"),
    ("akut", "IPG Akut og sammenhængende forløb",
     "Implementeringsgruppe for akutte og sammenhængende forløb"),
]
IPG = {}
for _k, _short, _name in IPG_THEMES:
    IPG[_k] = body("ipg-sonderjylland-" + _k,
                   _name + " – Sundhedsklynge Sønderjylland",
                   "implementation_group", RSD, parent=FSN["sonderjylland"],
                   area_=AREA["sonderjylland"], short=_short,
                   description="Gruppernes temaer er demodata")
KF_SJ = body("koordineringsforum-sonderjylland",
             "Koordineringsforum for IPG'erne under Sundhedsklynge "
             "Sønderjylland", "coordination_forum", RSD,
             parent=FSN["sonderjylland"], area_=AREA["sonderjylland"],
             short="Koordineringsforum",
             description="Koordinerer opgaver og indsatser på tværs af "
             "implementeringsgrupperne; mødes forud for møderne i det "
             "fagligt strategiske niveau.")

# ---- charters
DAK = "Det Administrative Kontaktforum"

SSU_TEXT = """Sundhedssamarbejdsudvalget skal sikre fælles rammer og retning for udviklingen af samarbejdet på tværs af sundhedsklyngerne, herunder udarbejde udkast til sundhedsaftalen og drøfte rammerne for sundhedsklyngernes udmøntning af nationale handlingsplaner.

Sundhedssamarbejdsudvalget består af repræsentanter for regionsrådet, heriblandt regionsrådsformanden, en borgmester fra hver sundhedsklynge, som samtidig er den kommunale formand i sundhedsklyngen, og repræsentanter for almen praksis (sundhedsloven § 204, stk. 1).

Formandskabet varetages af en formand, som vælges blandt regionsrådets repræsentanter, og en næstformand, som vælges blandt de borgmestre, der er medlemmer af udvalget. Regionsrådet og kommunalbestyrelserne i regionen sekretariatsbetjener i samarbejde udvalget (§ 204, stk. 2)."""

charter(SSU, "Sammensætning og formandskab for Sundhedssamarbejdsudvalget",
        SSU_TEXT,
        [seat("regional_council_chair", "Regionsrådsformanden", "region",
              "regional_council", "regional_council_chair", min_=1, max_=1),
         seat("regional_council_members", "Øvrige repræsentanter for "
              "regionsrådet", "region", "regional_council",
              "regional_council_member", min_=3, max_=4),
         seat("mayors", "En borgmester fra hver sundhedsklynge (klyngens "
              "kommunale formand)", "municipality", "municipality", "mayor",
              min_=4, max_=4),
         seat("plo_gp", "Repræsentanter for almen praksis udpeget af PLO",
              "general_practice", None, "gp", min_=2, max_=2,
              appointed_by_kind="gp_organisation")],
        [approval("approved", "2022-08-16", by_body=SSU,
                  note="Konstituerende møde; datoen er demodata")],
        chair_rule="region_chair_mayor_vice", decision_rule="consensus",
        competence="decide")

SSG_TEXT = """Strategisk Sundhedsstyregruppe er det koordinerende administrative organ under Sundhedssamarbejdsudvalget. Formålet er at understøtte Sundhedssamarbejdsudvalget og sikre koordinering på tværs af de fire klynger i forbindelse med implementering af sundhedsaftale og andre tværgående indsatser som f.eks. nationale retningslinjer.

Møderne har dels til formål at omsætte politiske dagsordener til virkeligheden og dels at spille samlet ind i den politiske dagsorden til de kommende møder i Sundhedssamarbejdsudvalget.

De kommunale repræsentanter udgøres af 1-2 direktører fra hver sundhedsklynge samt 1-2 tovholdere for sundhed i Kommunaldirektørkredsen. De regionale repræsentanter består af de sygeplejefaglige direktører fra de fire somatiske sygehuse, en direktør fra psykiatrisygehuset samt koncerndirektøren. Fra PLO deltager 2 repræsentanter.

Der skal være personsammenfald mellem de repræsentanter, som sidder i Strategisk Sundhedsstyregruppe, og de, der sidder i de fagligt strategiske klynger, så der sikres en rød tråd fra beslutning til handling."""

charter(SSG, "Organisering under Sundhedssamarbejdsudvalg og sundhedsklynger "
        "– Strategisk Sundhedsstyregruppe", SSG_TEXT,
        [seat("municipal_directors", "1-2 direktører fra hver "
              "sundhedsklynge", "municipality", "municipality", "director",
              min_=4, max_=8),
         seat("kdk_health_leads", "1-2 tovholdere for sundhed i "
              "Kommunaldirektørkredsen", "municipality", "municipal_network",
              "director", min_=1, max_=2),
         seat("nursing_directors", "De sygeplejefaglige direktører fra de "
              "fire somatiske sygehuse", "region", "hospital",
              "nursing_director", min_=4, max_=4),
         seat("psychiatry_director", "En direktør fra psykiatrisygehuset",
              "region", "psychiatry", "director", min_=1, max_=1),
         seat("group_director", "Koncerndirektøren", "region", "region",
              "group_director", min_=1, max_=1),
         seat("plo_gp", "To repræsentanter fra PLO", "general_practice",
              None, "gp", min_=2, max_=2,
              appointed_by_kind="gp_organisation")],
        [approval("approved", "2022-06-23", by_text=DAK,
                  note="Godkendt som del af notatet \"Organisering under "
                  "Sundhedssamarbejdsudvalg og sundhedsklynger\" (sagsnr. "
                  "22/17744)")],
        chair_rule="shared_region_municipality", decision_rule="consensus",
        competence="decide",
        overlaps=[overlap(FSN[c], 1) for c in CLUSTERS])

PN_TEXT = """Det politiske niveau skal bl.a.:
- Sætte retning for sundhedsklyngen, herunder igangsætte indsatser, der understøtter udviklingen af det nære, sammenhængende sundhedsvæsen
- Komme med input til og implementere den sundhedsaftale, som Sundhedssamarbejdsudvalget udarbejder udkast til, og som indgår mellem regionen og kommunalbestyrelserne i regionen
- Implementere og komme med input til nationale tiltag
- Drøfte og beslutte anvendelsen af prioriterede midler
- Opstille selvstændige mål inden for sundhedsaftalens rammer for arbejdet med udgangspunkt i lokale udfordringer og behov (populationsansvar)

Beslutninger i det politiske niveau træffes på baggrund af konsensus under forudsætning af, at mindst halvdelen af medlemmerne fra hver sektor er til stede.

Beslutninger, der indebærer økonomiske konsekvenser for regionen eller de enkelte kommuner, kan ikke træffes i klyngerne, men skal godkendes lokalt i Regionsrådet og de enkelte byråd.

Formandskabet varetages ligeværdigt af regionsrådsformanden og én af de deltagende borgmestre. Formandskabet er også medlemmer af Sundhedssamarbejdsudvalget. Repræsentanter for patienter og pårørende inddrages i relevant omfang.

Det politiske niveau mødes mindst to gange årligt og efter behov."""

FSN_TEXT = """Det fagligt strategiske niveau forbereder møder i det politiske niveau og omsætter politiske målsætninger og beslutninger til strategiske satsninger og lokale indsatser. Det fagligt strategiske niveau har som hovedopgave at tage hånd om klyngens borgere med fokus på at sikre konkrete løsninger for bedre sammenhæng, kvalitet og øget nærhed. Niveauet skal samtidig være en drivende kraft for styrket kvalitet og omstilling i det primære sundhedsvæsen.

Det omfatter bl.a. at:
- Følge op på fastlagte mål og implementering af lokalt, regionalt og nationalt aftalte initiativer
- Drøfte og aftale lokale modeller for bedre patientforløb, med fokus på styrket kvalitet og øget nærhed
- Håndtere praktiske udfordringer og muligheder i sundhedsklyngen, herunder igangsætte relevante samarbejdsprojekter, som taler ind i dette
- Anvende nationalt eller lokalt prioriterede midler til styrket sammenhæng og nærhed
- Følge og drøfte centrale nøgletal og data for populationen inden for sundhedsklyngen

Beslutninger i det fagligt strategiske niveau i sundhedsklyngen træffes på baggrund af konsensus. Det er af stor betydning, at det faglige strategiske niveau er operationelt og handlekraftigt.

Det fagligt strategiske niveau i den enkelte sundhedsklynge fastlægger organiseringen af sundhedsklyngens implementeringsniveau ud fra lokale behov. Organiseringen fastsættes med henblik på at sikre effektivitet, sammenhæng og implementeringskraft.

Det er vigtigt, at repræsentanterne har mandat til at træffe beslutninger. Formandskabet er delt mellem kommune og region og aftales konkret på udvalgets første møde. Det er muligt at udpege suppleanter, som deltager ved afbud fra et ordinært medlem, så der altid kan sikres repræsentation fra de deltagende organisationer ved møderne. Andre relevante repræsentanter fra region, kommune og almen praksis kan inddrages, når det er relevant ud fra den pågældende dagsorden.

Det fagligt strategiske niveau mødes mindst fire gange årligt og efter behov."""

for _cl in CLUSTERS:
    charter(PN[_cl], "Generisk kommissorium for det politiske niveau i de "
            "syddanske sundhedsklynger", PN_TEXT,
            [seat("regional_council_chair", "Regionsrådsformanden",
                  "region", "regional_council", "regional_council_chair",
                  min_=1, max_=1),
             seat("regional_council_members", "Tre øvrige "
                  "regionsrådsmedlemmer (i alt fire, herunder "
                  "regionsrådsformanden)", "region", "regional_council",
                  "regional_council_member", min_=3, max_=3),
             seat("mayors", "Borgmestre for de deltagende "
                  "kommunalbestyrelser i sundhedsklyngen", "municipality",
                  "municipality", "mayor", per_municipality=True, min_=1,
                  max_=1),
             seat("plo_gp", "To praktiserende læger udpeget af PLO (en "
                  "central repræsentant og en inden for sundhedsklyngens "
                  "område)", "general_practice", None, "gp", min_=2, max_=2,
                  appointed_by_kind="gp_organisation", min_local=1)],
            [approval("pre_approved", "2022-06-23", by_text=DAK,
                      note="Godkendt med bemærkninger; sendt til "
                      "godkendelse i Sundhedssamarbejdsudvalget"),
             approval("approved", "2022-08-16", by_body=SSU)],
            chair_rule="region_chair_and_mayor",
            quorum_rule="half_per_sector", decision_rule="consensus",
            competence="decide", economic_to_councils=True,
            min_meetings_per_year=2, overlaps=[overlap(SSU, 2)])
    charter(FSN[_cl], "Generisk kommissorium for det fagligt strategiske "
            "niveau i de syddanske sundhedsklynger", FSN_TEXT,
            [seat("somatic", "Det somatiske sygehus", "region", "hospital",
                  min_=1, max_=1),
             seat("psychiatry", "Psykiatrisygehuset", "region",
                  "psychiatry", min_=1, max_=1),
             seat("regional_house", "Regionshuset", "region",
                  "regional_administration", min_=1, max_=1),
             seat("municipal_director", "En repræsentant (relevant "
                  "direktør) fra hver af de deltagende kommuner",
                  "municipality", "municipality", "director",
                  per_municipality=True, min_=1, max_=1),
             seat("plo_gp", "To praktiserende læger udpeget af PLO, hvor "
                  "mindst en er udpeget inden for sundhedsklyngens område",
                  "general_practice", None, "gp", min_=2, max_=2,
                  appointed_by_kind="gp_organisation", min_local=1),
             seat("patients", "To repræsentanter for patienter og "
                  "pårørende udpeget af Patientinddragelsesudvalget",
                  "patients", None, "patient_representative", min_=2,
                  max_=2, appointed_by_kind="patient_committee")],
            [approval("approved", "2022-06-23", by_text=DAK,
                      note="Godkendt i Det Administrative Kontaktforum "
                      "d. 23.06.2022")],
            chair_rule="shared_region_municipality",
            decision_rule="consensus", competence="decide",
            economic_to_councils=True, min_meetings_per_year=4)
    charter(SEK[_cl], "Etablering af klyngesekretariater omkring hver "
            "sundhedsklynge",
            """Klyngesekretariatet består af konsulenter fra Regionshuset (Tværsektorielt Samarbejde), psykiatrisygehuset, det somatiske sygehus i klyngen samt de deltagende kommuner. Hovedansvaret for sekretariatsbetjening af det politiske niveau ligger hos Regionshuset og klyngeformandskabskommunen; hovedansvaret for det fagligt strategiske niveau ligger hos det somatiske sygehus (primær tovholder), psykiatrisygehuset og klyngeformandskabskommunen.

Det fastlægges lokalt, hvem fra de deltagende kommuner der er tovholder. Det er den samme person fra Tværsektorielt Samarbejde, der sekretariatsbetjener både det politiske niveau og det fagligt strategiske niveau i sundhedsklyngen.""",
            [seat("regional_house_consultant", "Konsulent fra Regionshuset "
                  "(Tværsektorielt Samarbejde)", "region",
                  "regional_administration", "consultant", min_=1, max_=1),
             seat("hospital_consultant", "Konsulent fra det somatiske "
                  "sygehus", "region", "hospital", "consultant", min_=1),
             seat("psychiatry_consultant", "Konsulent fra "
                  "psykiatrisygehuset", "region", "psychiatry", "consultant",
                  min_=1),
             seat("municipal_consultants", "Konsulenter fra de deltagende "
                  "kommuner", "municipality", "municipality", "consultant",
                  min_=1)],
            [approval("approved", "2022-06-23", by_text=DAK,
                      note="Notat om sekretariatsbetjening godkendt med "
                      "bemærkninger")])

IPG_TEXT = """Formålet med Sundhedsklyngens implementeringsgrupper er, på et operationelt fagligt niveau, at understøtte implementeringen af de beslutninger, som det politiske og det fagligt strategiske niveau i Sundhedsklynge Sønderjylland træffer.

Implementeringsgrupperne skal:
- Gennemføre de samarbejdsprojekter og indsatser med omstilling til det primære sundhedsvæsen, som det politiske niveau træffer beslutning om, og på opfordring give input til det fagligt strategiske niveaus overvejelser om økonomiske konsekvenser af forslag
- Sikre lokal implementering af sundhedsaftalens indsatser og initiativer
- Sikre lokal implementering af nationale tiltag
- Give input til det fagligt strategiske niveaus forslag til anvendelse af prioriterede midler og til lokale modeller for bedre patientforløb
- Følge op på de selvstændige mål, som det politiske niveau fastlægger

Implementeringsgrupperne kan alene træffe koordinerende, faglige beslutninger og kan indstille sager og planer til drøftelse og godkendelse i det fagligt strategiske niveau. Beslutninger træffes som udgangspunkt i enighed. Ved evt. uenighed skal dette fremgå af sagsfremstilling og indstilling.

Gruppen ledes af et formandskab bestående af en regional formand og en kommunal formand på chefniveau. Øvrige medlemmer er relevante fagpersoner og klinikere fra Sygehus Sønderjylland, Psykiatrien i Region Syddanmark og kommunerne. Almen praksis og repræsentanter for patienter og pårørende inddrages i relevant omfang. Grupperne mødes efter behov."""

IPG_APPROVALS = [
    approval("pre_approved", "2022-08-30", by_body=FSN["sonderjylland"]),
    approval("approved", "2022-09-19", by_text="Formandskabet",
             note="Endeligt formandskabsgodkendt")]
for _k, _short, _name in IPG_THEMES:
    charter(IPG[_k], "Kommissorium for implementeringsgrupperne i "
            "Sundhedsklynge Sønderjylland", IPG_TEXT,
            [seat("regional_professionals", "Fagpersoner og klinikere fra "
                  "Sygehus Sønderjylland og Psykiatrien", "region", min_=1),
             seat("municipal_professionals", "Fagpersoner fra kommunerne",
                  "municipality", "municipality", min_=1),
             seat("general_practice", "Almen praksis (i relevant omfang)",
                  "general_practice", function="gp"),
             seat("patients", "Patienter og pårørende (i relevant omfang)",
                  "patients", function="patient_representative")],
            IPG_APPROVALS,
            chair_rule="shared_region_municipality",
            decision_rule="agreement", competence="recommend",
            recommends_to=FSN["sonderjylland"])

charter(KF_SJ, "Kommissorium for implementeringsgrupperne i Sundhedsklynge "
        "Sønderjylland – Koordineringsforum",
        """For at sikre koordineringen af opgaver og indsatser på tværs af de enkelte implementeringsgrupper oprettes et koordineringsforum.

Koordineringsforummet har et formandskab bestående af to regionale IPG-medformænd (en fra Sygehus Sønderjylland og en fra Psykiatrien) og en kommunal IPG-formand. Formandskabet deltager ad hoc på møder i det fagligt strategiske niveau. Implementeringsgruppernes formandskaber er fødte medlemmer af koordineringsforummet.

Koordineringsforummet mødes ca. 4 gange om året, forud for møderne i Sundhedsklynge Sønderjyllands fagligt strategiske niveau, og udarbejder egen forretningsorden.""",
        [seat("regional_ipg_chairs", "Regionale IPG-formænd", "region",
              min_=1),
         seat("municipal_ipg_chairs", "Kommunale IPG-formænd",
              "municipality", "municipality", min_=1)],
        IPG_APPROVALS,
        chair_rule="shared_region_municipality", decision_rule="agreement",
        min_meetings_per_year=4, meets_before=FSN["sonderjylland"],
        overlaps=[overlap(IPG[k], 2) for k, _s, _n in IPG_THEMES])

# ---- people and memberships, Region Syddanmark
S = "2022-07-01"       # the clusters' first day
S_IPG = "2022-09-19"   # IPG terms of reference approved

TITLE_DIRECTOR = ["Direktør for Sundhed og Omsorg",
                  "Social- og sundhedsdirektør",
                  "Sundheds- og ældredirektør",
                  "Direktør for Sundhed og Ældre",
                  "Sundheds- og omsorgsdirektør",
                  "Direktør for Social og Sundhed"]

# Regional council: the chair sits in SSU and all four political levels.
RC_CHAIR = person("Regionsrådsformand", RSD_RR)
RC_MEMBERS = {c: [person("Regionsrådsmedlem", RSD_RR) for _ in range(3)]
              for c in CLUSTERS}
MAYOR, DIRECTOR = {}, {}
for _cl in CLUSTERS:
    for _i, _m in enumerate(CLUSTER_MUNIS[_cl]):
        MAYOR[_m] = person("Borgmester", MUNI[_m])
for _cl in CLUSTERS:
    for _i, _m in enumerate(CLUSTER_MUNIS[_cl]):
        if _m == "Tønder":
            continue
        DIRECTOR[_m] = person(TITLE_DIRECTOR[(_i + len(_m)) %
                                             len(TITLE_DIRECTOR)],
                              MUNI[_m])
# Tønder: the director left on 31 May 2026; the successor is employed but
# not yet appointed to the professional-strategic level.
TONDER_OLD_DIRECTOR = person("Tidligere sundheds- og omsorgsdirektør",
                             MUNI["Tønder"],
                             note="Fratrådt 31.05.2026")
TONDER_DIRECTOR = person("Sundheds- og omsorgsdirektør", MUNI["Tønder"],
                         name=TONDER_DIRECTOR_NAME, note="Tiltrådt 01.06.2026; endnu ikke udpeget til "
                         "det fagligt strategiske niveau")
# Mayors replaced after the municipal election of November 2025.
NEW_MAYOR = {m: person("Borgmester", MUNI[m], note="Borgmester fra "
                       "01.01.2026") for m in ("Svendborg", "Varde",
                                               "Aabenraa")}
for _p in PEOPLE:
    if _p["key"] in {MAYOR[m] for m in NEW_MAYOR}:
        _p["title"] = "Tidligere borgmester"
        _p["note"] += ". Borgmester til 31.12.2025"

NURSING_DIR = {
    "fyn": person("Sygeplejefaglig direktør", OUH,
                  note="Fratrådt 31.03.2024"),
    "lillebaelt": person("Sygeplejefaglig direktør", SLB),
    "sonderjylland": person("Sygeplejefaglig direktør", SHS),
    "sydvestjylland": person("Sygeplejefaglig direktør", SVS),
}
OUH_ND_NEW = person("Sygeplejefaglig direktør", OUH,
                    note="Tiltrådt 01.04.2024")
PSYK_DIRECTOR = person("Hospitalsdirektør", PSYK)
GROUP_DIRECTOR = person("Koncerndirektør", RSD)
KDK_LEAD = person("Kommunaldirektør, Vejen Kommune", MUNI["Vejen"])
PSYK_REP = {
    "fyn": person("Sygeplejefaglig direktør", PSYK),
    "lillebaelt": person("Lægefaglig direktør", PSYK),
    "sonderjylland": person("Vicedirektør", PSYK),
    "sydvestjylland": person("Klinikchef, Psykiatrisk Afdeling Esbjerg",
                             PSYK, note="Udtrådt af det fagligt "
                             "strategiske niveau 31.10.2025"),
}
RH_HEAD = [person("Afdelingschef, Tværsektorielt Samarbejde", RSD_RH),
           person("Vicekontorchef, Tværsektorielt Samarbejde", RSD_RH)]
RH_REP = {"fyn": RH_HEAD[0], "lillebaelt": RH_HEAD[0],
          "sonderjylland": RH_HEAD[1], "sydvestjylland": RH_HEAD[1]}
SSU_SECRETARY = person("Sekretariatschef, Tværsektorielt Samarbejde", RSD_RH)

# PLO: one central representative for the political levels, one for the
# strategic levels (both also in SSU and SSG), and local GPs per cluster.
PLO_CENTRAL_PN = person("Praktiserende læge", PRACTICE["Odense"])
PLO_CENTRAL_FSN = person("Praktiserende læge", PRACTICE["Kolding"])
LOCAL_GP_PN = {"fyn": person("Praktiserende læge", PRACTICE["Faaborg"]),
               "lillebaelt": person("Praktiserende læge",
                                    PRACTICE["Middelfart"]),
               "sonderjylland": person("Praktiserende læge",
                                       PRACTICE["Haderslev"]),
               "sydvestjylland": person("Praktiserende læge",
                                        PRACTICE["Esbjerg"])}
LOCAL_GP_FSN = {"fyn": person("Praktiserende læge", PRACTICE["Odense"],
                              note="Udtrådt 31.08.2025"),
                "lillebaelt": person("Praktiserende læge", PRACTICE["Vejle"]),
                "sonderjylland": person("Praktiserende læge",
                                        PRACTICE["Tønder"]),
                "sydvestjylland": person("Praktiserende læge",
                                         PRACTICE["Varde"])}
# Fyn's local GP was replaced by a GP from outside the area (Vejle).
FYN_GP_NONLOCAL = person("Praktiserende læge", PRACTICE["Vejle"],
                         note="Udpeget af PLO fra 01.09.2025")
PATIENT = {c: [person("Patientrepræsentant"),
               person("Pårørenderepræsentant")] for c in CLUSTERS}
FYN_PATIENT_OLD = person("Patientrepræsentant", note="Udtrådt 30.06.2024")

# SSU
mem(RC_CHAIR, SSU, "chair", "regional_council_chair",
    "regional_council_chair", RSD_RR, start=S)
for _cl in ("fyn", "lillebaelt", "sydvestjylland"):
    mem(RC_MEMBERS[_cl][0], SSU, "member", "regional_council_member",
        "regional_council_members", RSD_RR, start=S)
CLUSTER_CHAIR_MUNI = {"fyn": "Odense", "lillebaelt": "Kolding",
                      "sonderjylland": "Haderslev",
                      "sydvestjylland": "Esbjerg"}
for _cl in CLUSTERS:
    _m = CLUSTER_CHAIR_MUNI[_cl]
    mem(MAYOR[_m], SSU, "vice_chair" if _cl == "fyn" else "member",
        "mayor", "mayors", MUNI[_m], start=S)
for _gp in (PLO_CENTRAL_PN, PLO_CENTRAL_FSN):
    mem(_gp, SSU, "member", "gp", "plo_gp", PLO_S, appointed_by=PLO_S,
        start=S)
mem(SSU_SECRETARY, SSU, "secretary", "consultant", start=S)

# Strategisk Sundhedsstyregruppe
SSG_MUNI_DIRECTORS = {"fyn": ["Odense", "Svendborg"],
                      "lillebaelt": ["Kolding"],
                      "sonderjylland": ["Aabenraa", "Sønderborg"],
                      "sydvestjylland": ["Esbjerg"]}
mem(GROUP_DIRECTOR, SSG, "co_chair", "group_director", "group_director",
    RSD, start=S)
for _cl in CLUSTERS:
    for _m in SSG_MUNI_DIRECTORS[_cl]:
        mem(DIRECTOR[_m], SSG, "co_chair" if _m == "Kolding" else "member",
            "director", "municipal_directors", MUNI[_m], start=S)
mem(KDK_LEAD, SSG, "member", "director", "kdk_health_leads", KDK_S, start=S)
for _cl in CLUSTERS:
    if _cl == "fyn":
        mem(NURSING_DIR[_cl], SSG, "member", "nursing_director",
            "nursing_directors", OUH, start=S, end="2024-03-31")
        mem(OUH_ND_NEW, SSG, "member", "nursing_director",
            "nursing_directors", OUH, start="2024-04-01")
    else:
        mem(NURSING_DIR[_cl], SSG, "member", "nursing_director",
            "nursing_directors", CLUSTER_HOSPITAL[_cl], start=S)
mem(PSYK_DIRECTOR, SSG, "member", "director", "psychiatry_director", PSYK,
    start=S)
for _gp in (PLO_CENTRAL_PN, PLO_CENTRAL_FSN):
    mem(_gp, SSG, "member", "gp", "plo_gp", PLO_S, appointed_by=PLO_S,
        start=S)
mem(SSU_SECRETARY, SSG, "secretary", "consultant", start=S)

# Cluster secretariats: consultants (who also serve the two levels)
RH_CONSULTANT, HOSP_CONSULTANT, MUNI_CONSULTANT = {}, {}, {}
PSYK_CONSULTANT_A = person("Konsulent", PSYK)
PSYK_CONSULTANT_B = person("Specialkonsulent", PSYK)
SEK_MUNIS = {"fyn": ["Odense", "Svendborg"],
             "lillebaelt": ["Kolding", "Vejle"],
             "sonderjylland": ["Haderslev", "Sønderborg"],
             "sydvestjylland": ["Esbjerg", "Varde"]}
for _cl in CLUSTERS:
    RH_CONSULTANT[_cl] = person("Konsulent, Tværsektorielt Samarbejde",
                                RSD_RH)
    HOSP_CONSULTANT[_cl] = person("Konsulent", CLUSTER_HOSPITAL[_cl])
    for _m in SEK_MUNIS[_cl]:
        MUNI_CONSULTANT[_m] = person("Sundhedskonsulent", MUNI[_m])
for _cl in CLUSTERS:
    mem(RH_CONSULTANT[_cl], SEK[_cl], "member", "consultant",
        "regional_house_consultant", RSD_RH, start=S)
    mem(HOSP_CONSULTANT[_cl], SEK[_cl], "member", "consultant",
        "hospital_consultant", CLUSTER_HOSPITAL[_cl], start=S)
    mem(PSYK_CONSULTANT_A if _cl in ("fyn", "lillebaelt")
        else PSYK_CONSULTANT_B, SEK[_cl], "member", "consultant",
        "psychiatry_consultant", PSYK, start=S)
    for _m in SEK_MUNIS[_cl]:
        mem(MUNI_CONSULTANT[_m], SEK[_cl], "member", "consultant",
            "municipal_consultants", MUNI[_m], start=S)

# Political levels
for _cl in CLUSTERS:
    b = PN[_cl]
    mem(RC_CHAIR, b, "co_chair", "regional_council_chair",
        "regional_council_chair", RSD_RR, start=S)
    for _p in RC_MEMBERS[_cl]:
        mem(_p, b, "member", "regional_council_member",
            "regional_council_members", RSD_RR, start=S)
    for _m in CLUSTER_MUNIS[_cl]:
        _role = "co_chair" if _m == CLUSTER_CHAIR_MUNI[_cl] else "member"
        if _m in NEW_MAYOR:
            mem(MAYOR[_m], b, _role, "mayor", "mayors", MUNI[_m], start=S,
                end="2025-12-31")
            mem(NEW_MAYOR[_m], b, _role, "mayor", "mayors", MUNI[_m],
                start="2026-01-01")
        else:
            mem(MAYOR[_m], b, _role, "mayor", "mayors", MUNI[_m], start=S)
    # DELIBERATE (pn-lillebaelt): PLO's central representative left on
    # 31.12.2025 and has not been replaced -> seat_missing.
    mem(PLO_CENTRAL_PN, b, "member", "gp", "plo_gp", PLO_S,
        appointed_by=PLO_S, start=S,
        end="2025-12-31" if _cl == "lillebaelt" else None)
    mem(LOCAL_GP_PN[_cl], b, "member", "gp", "plo_gp", PLO_S,
        appointed_by=PLO_S, local=True, start=S)
    mem(RH_CONSULTANT[_cl], b, "secretary", "consultant", start=S)
    mem(MUNI_CONSULTANT[CLUSTER_CHAIR_MUNI[_cl]], b, "secretary",
        "consultant", start=S)

# Professional-strategic levels
FSN_CHAIR_MUNI = {"fyn": "Odense", "lillebaelt": "Vejle",
                  "sonderjylland": "Sønderborg",
                  "sydvestjylland": "Esbjerg"}
FSN_MEMBERSHIP = {}
for _cl in CLUSTERS:
    b = FSN[_cl]
    hosp = CLUSTER_HOSPITAL[_cl]
    if _cl == "fyn":
        mem(NURSING_DIR[_cl], b, "co_chair", "nursing_director", "somatic",
            hosp, start=S, end="2024-03-31")
        mem(OUH_ND_NEW, b, "co_chair", "nursing_director", "somatic", hosp,
            start="2024-04-01")
    else:
        mem(NURSING_DIR[_cl], b, "co_chair", "nursing_director", "somatic",
            hosp, start=S)
    # DELIBERATE (fsn-sydvestjylland): the psychiatry representative left
    # on 31.10.2025 and has not been replaced -> seat_missing.
    mem(PSYK_REP[_cl], b, "member",
        "nursing_director" if _cl == "fyn" else "director", "psychiatry",
        PSYK, start=S,
        end="2025-10-31" if _cl == "sydvestjylland" else None)
    mem(RH_REP[_cl], b, "member", "head_of_unit", "regional_house", RSD_RH,
        start=S)
    for _m in CLUSTER_MUNIS[_cl]:
        _role = "co_chair" if _m == FSN_CHAIR_MUNI[_cl] else "member"
        if _m == "Tønder":
            # DELIBERATE (fsn-sonderjylland): Tønder's director left on
            # 31.05.2026; the successor is not appointed yet ->
            # municipality_missing.
            mem(TONDER_OLD_DIRECTOR, b, _role, "director",
                "municipal_director", MUNI[_m], start=S, end="2026-05-31")
            continue
        FSN_MEMBERSHIP[_m] = mem(DIRECTOR[_m], b, _role, "director",
                                 "municipal_director", MUNI[_m], start=S)
    mem(PLO_CENTRAL_FSN, b, "member", "gp", "plo_gp", PLO_S,
        appointed_by=PLO_S, start=S)
    if _cl == "fyn":
        # DELIBERATE (fsn-fyn): the local GP left; PLO appointed a GP from
        # outside the area -> seat_not_local.
        mem(LOCAL_GP_FSN[_cl], b, "member", "gp", "plo_gp", PLO_S,
            appointed_by=PLO_S, local=True, start=S, end="2025-08-31")
        mem(FYN_GP_NONLOCAL, b, "member", "gp", "plo_gp", PLO_S,
            appointed_by=PLO_S, start="2025-09-01")
    else:
        mem(LOCAL_GP_FSN[_cl], b, "member", "gp", "plo_gp", PLO_S,
            appointed_by=PLO_S, local=True, start=S)
    if _cl == "fyn":
        mem(FYN_PATIENT_OLD, b, "member", "patient_representative",
            "patients", PIU_S, appointed_by=PIU_S, start=S,
            end="2024-06-30")
        mem(PATIENT[_cl][0], b, "member", "patient_representative",
            "patients", PIU_S, appointed_by=PIU_S, start="2024-07-01")
    else:
        FSN_MEMBERSHIP["patient-" + _cl] = mem(
            PATIENT[_cl][0], b, "member", "patient_representative",
            "patients", PIU_S, appointed_by=PIU_S, start=S)
    mem(PATIENT[_cl][1], b, "member", "patient_representative", "patients",
        PIU_S, appointed_by=PIU_S, start=S)
    mem(RH_CONSULTANT[_cl], b, "secretary", "consultant", start=S)
    mem(HOSP_CONSULTANT[_cl], b, "secretary", "consultant", start=S)

# Substitutes in Lillebælt (seed 000: suppleanter may be appointed)
_sub_dir = person("Vicedirektør, Sundhed og Omsorg", MUNI["Fredericia"])
mem(_sub_dir, FSN["lillebaelt"], "substitute", "director",
    represents=MUNI["Fredericia"],
    substitute_for=FSN_MEMBERSHIP["Fredericia"], start="2023-02-01")
_sub_pat = person("Patientrepræsentant (suppleant)")
mem(_sub_pat, FSN["lillebaelt"], "substitute", "patient_representative",
    represents=PIU_S, appointed_by=PIU_S,
    substitute_for=FSN_MEMBERSHIP["patient-lillebaelt"], start=S)

# Sønderjylland implementation groups and their coordination forum
SJ = "sonderjylland"
IPG_PEOPLE = {
    "aeldre": [
        ("co_chair", "head_of_unit", SHS, "Centerchef, Medicinsk Center"),
        ("co_chair", "head_of_unit", MUNI["Haderslev"], "Sundhedschef"),
        ("member", "professional", SHS,
         "Afdelingssygeplejerske, Geriatrisk Afdeling"),
        ("member", "professional", PSYK, "Overlæge, Gerontopsykiatrien"),
        ("member", "professional", MUNI["Aabenraa"],
         "Leder af Sundhedsafdelingen"),
        ("member", "professional", MUNI["Sønderborg"],
         "Sygeplejefaglig leder, Hjemmeplejen"),
        ("member", "professional", MUNI["Tønder"], "Visitationsleder"),
        ("member", "gp", PLO_S, "Praktiserende læge"),
    ],
    "psykiatri": [
        ("co_chair", "head_of_unit", PSYK,
         "Klinikchef, Psykiatrisk Afdeling Aabenraa"),
        ("co_chair", "head_of_unit", MUNI["Sønderborg"],
         "Chef for Social og Handicap"),
        ("member", "professional", PSYK, "Afdelingssygeplejerske"),
        ("member", "professional", SHS, "Overlæge, Akutafdelingen"),
        ("member", "professional", MUNI["Aabenraa"],
         "Leder af Misbrugscentret"),
        ("member", "professional", MUNI["Haderslev"], "Socialfaglig leder"),
        ("member", "professional", MUNI["Tønder"],
         "Leder af Socialpsykiatrien"),
    ],
    "born": [
        ("co_chair", "head_of_unit", SHS,
         "Ledende overlæge, Børne- og Ungeafdelingen"),
        ("co_chair", "head_of_unit", MUNI["Aabenraa"], "Familiechef"),
        ("member", "professional", PSYK,
         "Afdelingsleder, Børne- og Ungdomspsykiatrien"),
        ("member", "professional", SHS, "Jordemoderfaglig leder"),
        ("member", "professional", MUNI["Haderslev"],
         "Leder af Sundhedsplejen"),
        ("member", "professional", MUNI["Sønderborg"],
         "Leder af Børne- og Familierådgivningen"),
        ("member", "professional", MUNI["Tønder"], "Sundhedsplejerske"),
    ],
    "akut": [
        ("co_chair", "head_of_unit", SHS, "Centerchef, Akutcentret"),
        ("co_chair", "head_of_unit", MUNI["Tønder"],
         "Chef for Sundhed og Ældre"),
        ("member", "professional", SHS,
         "Afdelingssygeplejerske, Fælles Akutmodtagelse"),
        ("member", "professional", PSYK,
         "Afsnitsleder, Psykiatrisk Akutmodtagelse"),
        ("member", "professional", MUNI["Aabenraa"], "Leder af Akutteamet"),
        ("member", "professional", MUNI["Haderslev"],
         "Leder af Akutfunktionen"),
        ("member", "professional", MUNI["Sønderborg"], "Leder af Sygeplejen"),
    ],
}
ORG_SECTOR = {o["key"]: o.get("sector") for o in ORGS}
IPG_CHAIRS = []
for _k, _short, _name in IPG_THEMES:
    b = IPG[_k]
    for role, func, rep, title in IPG_PEOPLE[_k]:
        if func == "gp":
            p = person(title, PRACTICE["Haderslev"])
            mem(p, b, role, "gp", "general_practice", PLO_S,
                appointed_by=PLO_S, local=True, start=S_IPG)
            continue
        p = person(title, rep)
        sector = ORG_SECTOR[rep]
        seat_key = ("regional_professionals" if sector == "region"
                    else "municipal_professionals")
        mem(p, b, role, func, seat_key, rep, start=S_IPG)
        if role == "co_chair":
            IPG_CHAIRS.append((_k, p, rep, sector))
    mem(HOSP_CONSULTANT[SJ] if _k != "psykiatri" else PSYK_CONSULTANT_B, b,
        "secretary", "consultant", start=S_IPG)
# The forum's chairmanship: the regional co-chairs of IPG Ældre (SHS) and
# IPG Psykiatri (Psykiatrien) and the municipal co-chair of IPG Ældre.
for _k, p, rep, sector in IPG_CHAIRS:
    forum_chair = ((_k == "aeldre") or (_k == "psykiatri" and
                                        sector == "region"))
    mem(p, KF_SJ, "co_chair" if forum_chair else "member", "head_of_unit",
        "regional_ipg_chairs" if sector == "region"
        else "municipal_ipg_chairs", rep, start=S_IPG)
mem(HOSP_CONSULTANT[SJ], KF_SJ, "secretary", "consultant", start=S_IPG)

# ======================================================= Region Midtjylland

RM = org("region-midtjylland", "Region Midtjylland", "region", "region",
         short="RM")
RM_RR = org("regionsraadet-midtjylland", "Regionsrådet i Region Midtjylland",
            "regional_council", "region", parent=RM)
HEM = org("he-midt", "Hospitalsenhed Midt", "hospital", "region",
          short="HE Midt", parent=RM)
RPM = org("regionspsykiatrien-midt", "Regionspsykiatrien Midt",
          "psychiatry", "region", parent=RM)
BUP = org("bup-midtjylland", "Børne- og Ungdomspsykiatrien", "psychiatry",
          "region", short="BUP", parent=RM)
MM = {m: org(slug(m) + "-kommune", m + " Kommune", "municipality",
             "municipality") for m in ("Skive", "Viborg", "Silkeborg")}
PLO_M = org("plo-midtjylland", "PLO-Midtjylland", "gp_organisation",
            "general_practice", short="PLO-Midt")
PIU_M = org("piu-midtjylland",
            "Patientinddragelsesudvalget i Region Midtjylland",
            "patient_committee", "patients", short="PIU", parent=RM)
PRACTICE_VIBORG = org("laegepraksis-viborg", "Lægerne i Sct. Mogens Gade, "
                      "Viborg", "gp_practice", "general_practice",
                      note=FICT_PRACTICE)
PRACTICE_SKIVE = org("laegepraksis-skive", "Lægeklinikken Torvet, Skive",
                     "gp_practice", "general_practice", note=FICT_PRACTICE)
MIDT_MUNIS = ["Skive", "Viborg", "Silkeborg"]

MIDT = area("midtklyngen", "Midtklyngen", RM, HEM,
            [MM[m] for m in MIDT_MUNIS])

M_POL = body("midt-politisk", "Politisk klyngegruppe i Midtklyngen",
             "political_level", RM, area_=MIDT,
             short="Politisk klyngegruppe",
             description="Sætter retning for sundhedsklyngen og beslutter "
             "anvendelsen af prioriterede midler.")
M_KSG = body("midt-ksg", "Klyngestyregruppen i Midtklyngen",
             "strategic_level", RM, parent=M_POL, area_=MIDT,
             short="Klyngestyregruppen",
             description="Fagligt strategisk niveau: strategisk ledelse og "
             "styring af det tværsektorielle sundhedssamarbejde.")
M_SOM = body("midt-tema-somatik", "Voksentemagruppen for somatik",
             "theme_group", RM, parent=M_KSG, area_=MIDT)
M_PSY = body("midt-tema-psykiatri", "Voksentemagruppen for psykiatri",
             "theme_group", RM, parent=M_KSG, area_=MIDT)
M_BUF = body("midt-tema-born", "Temagruppen for børn, unge og familie",
             "theme_group", RM, parent=M_KSG, area_=MIDT)
M_ADHOC = body("midt-adhoc-hjemmemonitorering",
               "Ad hoc-gruppe om hjemmemonitorering af borgere med KOL",
               "adhoc_group", RM, parent=M_KSG, area_=MIDT,
               description="Tidsafgrænset opgave; gruppen og dens "
               "kommissorium er demodata.")
M_NET = body("midt-netvaerk-demens", "Netværksgruppe for demenskoordinatorer "
             "i Midtklyngen", "network_group", RM, parent=M_SOM, area_=MIDT,
             formal=False,
             description="Sparring og erfaringsudveksling mellem "
             "fagpersoner; ikke en del af den formelle "
             "beslutningsstruktur. Gruppen er demodata.")
M_SEK = body("midt-faellessekretariat", "Fællessekretariatet i Midtklyngen",
             "secretariat", RM, parent=M_KSG, area_=MIDT,
             short="Fællessekretariatet")

MIDT_APPROVAL = [approval("approved", "2023-11-01", by_body=M_KSG,
                          note="Godkendelsesdatoen er demodata; "
                          "kommissoriet henviser til høringsudkastet til "
                          "Sundhedsaftalen 2024-2027")]

charter(M_POL, "Kommissorium for sundhedssamarbejdet i Midtklyngen – "
        "Politisk klyngegruppe",
        """Sundhedsklyngen skal løfte populationsansvaret med udgangspunkt i akuthospitalets optageområde og sikre sammenhæng i behandlings- og rehabiliteringsforløb på tværs af sundhedsområdet og i relevant omfang mellem sundhedsområdet og de tilgrænsende områder. Sundhedsklyngen skal samtidig styrke forebyggelse, kvalitet og omstilling til det nære sundhedsvæsen.

Den politiske klyngegruppe skal:
- Sætte retning for sundhedsklyngen, herunder igangsætte indsatser med omstilling til det nære sundhedsvæsen
- Implementere og komme med input til sundhedsaftalen og nationale tiltag
- Drøfte og beslutte anvendelsen af prioriterede midler
- Opstille selvstændige mål for arbejdet med udgangspunkt i lokale udfordringer og behov

Den politiske klyngegruppe har som udgangspunkt 2 årlige møder. Sekretariatsbetjeningen sker i samarbejde med regionsadministrationen og en konsulent fra den kommune, som varetager det kommunale medformandskab.""",
        [seat("regional_council_chair", "Regionsrådsformanden", "region",
              "regional_council", "regional_council_chair", min_=1, max_=1),
         seat("regional_council_members", "Øvrige regionsrådsmedlemmer",
              "region", "regional_council", "regional_council_member",
              min_=3, max_=3),
         seat("mayors", "Borgmestrene i Skive, Viborg og Silkeborg",
              "municipality", "municipality", "mayor",
              per_municipality=True, min_=1, max_=1),
         seat("plo_gp", "To repræsentanter for PLO-Midtjylland",
              "general_practice", None, "gp", min_=2, max_=2,
              appointed_by_kind="gp_organisation")],
        [approval("approved", "2023-11-01", by_body=M_POL,
                  note="Godkendelsesdatoen er demodata")],
        chair_rule="region_chair_and_mayor", competence="decide",
        min_meetings_per_year=2)

charter(M_KSG, "Kommissorium for klyngestyregruppen (fagligt strategisk "
        "niveau)",
        """Formål: Klyngestyregruppen skal tage hånd om borgernes behov med fokus på at sikre konkrete løsninger for bedre sammenhæng, kvalitet og øget nærhed og samtidig være en drivende kraft for styrket kvalitet, sammenhæng og omstilling i det nære sundhedsvæsen.

Opgaver:
- Udmøntning af og opfølgning på beslutninger i den politiske klyngegruppe
- Sikre implementering af nationale eller lokalt prioriterede initiativer til styrket sammenhæng, nærhed og omstilling i regi af sundhedsaftalen
- Behandle tiltag og beslutninger fra Sundhedsstyregruppen og temagrupperne på et overordnet strategisk niveau
- Iværksætte tværsektorielle udviklingstiltag
- Følge op på fastlagte mål og implementering af lokalt og nationalt aftalte initiativer
- Inddrage patient- og pårørendeperspektivet
- Understøtte spredning og videndeling på tværs af klyngerne
- Drøfte aktuelle sundhedsstrategiske emner, erfaringsudveksling og idéudvikling
- Understøtte forskningsmæssige initiativer

Formandskabet er delt mellem Hospitalsenhed Midt og en kommune. Det kommunale medformandskab følger det kommunale medformandskab i den politiske klyngegruppe og er derfor som udgangspunkt for 4 år ad gangen. Klyngestyregruppen og formandskabet sekretariatsbetjenes af 1 konsulent fra HE Midt og 1 konsulent fra den kommune, som varetager medformandskabet.

Klyngestyregruppen mødes 4 gange om året samt ad hoc. Punkter vedrørende psykiatri placeres som udgangspunkt først på dagsordenen. Der udarbejdes korte beslutningsreferater fra møderne.""",
        [seat("municipal_directors", "3 direktører (en fra hver kommune)",
              "municipality", "municipality", "director",
              per_municipality=True, min_=1, max_=1),
         seat("municipal_health_chiefs", "3-4 chefer med ansvar for "
              "sundheds- og/eller omsorgsområdet (Skive Kommune deltager "
              "med 2 chefer)", "municipality", "municipality",
              "head_of_unit", min_=3, max_=4),
         seat("municipal_social_chief", "1 chef fra arbejdsmarked/social/"
              "psykiatri (medformand for voksentemagruppen for psykiatri)",
              "municipality", "municipality", "head_of_unit", min_=1,
              max_=1),
         seat("municipal_family_chief", "1 chef fra familieområdet "
              "(medformand for temagruppen for børn, unge og familie)",
              "municipality", "municipality", "head_of_unit", min_=1,
              max_=1),
         seat("municipal_consultants", "3 konsulenter (en fra hver "
              "kommune)", "municipality", "municipality", "consultant",
              per_municipality=True, min_=1, max_=1),
         seat("hem_director", "Hospitalsenhed Midt: 1 direktør", "region",
              "hospital", "director", min_=1, max_=1),
         seat("hem_centre_leads", "Hospitalsenhed Midt: 4 center-/"
              "afdelingsledelsesrepræsentanter", "region", "hospital",
              "head_of_unit", min_=4, max_=4),
         seat("hem_finance_chief", "Hospitalsenhed Midt: 1 økonomi- og "
              "planchef", "region", "hospital", "head_of_unit", min_=1,
              max_=1),
         seat("hem_consultant", "Hospitalsenhed Midt: 1 konsulent/"
              "sekretariat", "region", "hospital", "consultant", min_=1,
              max_=1),
         seat("psych_director", "Regionspsykiatrien: 1 direktør", "region",
              "psychiatry", "director", min_=1, max_=1),
         seat("psych_chief", "Regionspsykiatrien: 1 chef-/"
              "afdelingsledelsesrepræsentant (medformand for "
              "voksentemagruppen for psykiatri)", "region", "psychiatry",
              "head_of_unit", min_=1, max_=1),
         seat("psych_consultant", "Regionspsykiatrien: 1 konsulent",
              "region", "psychiatry", "consultant", min_=1, max_=1),
         seat("practice_coordinator", "Almen praksis: 1 praksiskoordinator",
              "general_practice", None, "practice_coordinator", min_=1,
              max_=1),
         seat("plo_midt", "Almen praksis: 1 PLO-Midt-repræsentant",
              "general_practice", None, "gp", min_=1, max_=1,
              appointed_by_kind="gp_organisation"),
         seat("patients", "2 repræsentanter for patienter og pårørende "
              "udpeget af Patientinddragelsesudvalget", "patients", None,
              "patient_representative", min_=2, max_=2,
              appointed_by_kind="patient_committee")],
        MIDT_APPROVAL, chair_rule="shared_region_municipality",
        competence="decide", min_meetings_per_year=4,
        psychiatry_first=True)

THEME_TEXT = """Formål: Temagrupperne skal sikre implementering og opfølgning på sundhedsaftalens indsatsområder og øvrige beslutninger truffet i klyngestyregruppen. Grupperne arbejder tværsektorielt inden for deres respektive områder, har ansvar for at tænke i helheder og involvere hinanden samt at bidrage til det strategiske arbejde i klyngestyregruppen.

Opgaver:
- Implementering af og opfølgning på samarbejdsaftaler og øvrige tiltag i regi af sundhedsaftalen
- Afdække behov for tværkommunale og tværsektorielle sundhedsindsatser
- Udvikling, afprøvning og evaluering af nye løsninger, som skal styrke det tværsektorielle samarbejde
- Inddrage patient- og pårørendeperspektivet
- Erfaringsudveksling og idéudvikling, herunder fælles undervisnings- og uddannelsesforløb, projekter og temadage
- Opfølgning på økonomi og nøgletal
- Vurdere potentiale for udbredelse og spredning

Formandskaberne for temagrupperne er fødte medlemmer af klyngestyregruppen. Det kommunale medformandskab varetages for en 2-årig periode; hospitalet eller psykiatrien må ikke udskifte sin medformand i samme år, som de kommunale medformænd skifter. Der udarbejdes korte beslutningsreferater. Som udgangspunkt afholdes 4 årlige møder; temagrupperne kan aftale anden mødefrekvens."""

GP_ADHOC = seat("general_practice", "Repræsentant fra almen praksis kan "
                "deltage ad hoc", "general_practice")
charter(M_SOM, "Kommissorium for temagrupper – Voksentemagruppen for "
        "somatik", THEME_TEXT,
        [seat("municipal_leads", "2-4 chef-/lederrepræsentanter fra hver "
              "af de 3 kommuner", "municipality", "municipality",
              "head_of_unit", per_municipality=True, min_=2, max_=4),
         seat("hem_leads", "5-6 chef-/ledelsesrepræsentanter fra HE Midt",
              "region", "hospital", "head_of_unit", min_=5, max_=6),
         seat("municipal_consultant", "1 konsulent fra kommune",
              "municipality", "municipality", "consultant", min_=1, max_=1),
         GP_ADHOC],
        MIDT_APPROVAL, chair_rule="shared_region_municipality",
        min_meetings_per_year=4, overlaps=[overlap(M_KSG, 2)])
charter(M_PSY, "Kommissorium for temagrupper – Voksentemagruppen for "
        "psykiatri", THEME_TEXT,
        [seat("municipal_leads", "1-2 chef-/lederrepræsentanter fra hver "
              "af de 3 kommuner", "municipality", "municipality",
              "head_of_unit", per_municipality=True, min_=1, max_=2),
         seat("psych_leads", "1-2 chef-/ledelsesrepræsentanter fra "
              "Regionspsykiatrien Midt", "region", "psychiatry",
              "head_of_unit", min_=1, max_=2),
         seat("psych_consultant", "1 konsulent fra Regionspsykiatrien",
              "region", "psychiatry", "consultant", min_=1, max_=1),
         GP_ADHOC],
        MIDT_APPROVAL, chair_rule="shared_region_municipality",
        min_meetings_per_year=4, overlaps=[overlap(M_KSG, 2)])
charter(M_BUF, "Kommissorium for temagrupper – Temagruppen for børn, unge "
        "og familie", THEME_TEXT,
        [seat("family_chiefs", "1 familiechef fra hver af de 3 kommuner",
              "municipality", "municipality", "head_of_unit",
              per_municipality=True, min_=1, max_=1),
         seat("hem_leads", "1-2 chef-/ledelsesrepræsentanter fra HE Midt",
              "region", "hospital", "head_of_unit", min_=1, max_=2),
         seat("child_psychiatry", "1 chef-/ledelsesrepræsentant fra Børne- "
              "og Ungdomspsykiatrien", "region", "psychiatry",
              "head_of_unit", min_=1, max_=1),
         seat("municipal_consultant", "1 konsulent fra kommune",
              "municipality", "municipality", "consultant", min_=1, max_=1),
         GP_ADHOC],
        MIDT_APPROVAL, chair_rule="shared_region_municipality",
        min_meetings_per_year=4, overlaps=[overlap(M_KSG, 2)])

charter(M_ADHOC, "Kommissorium for ad hoc-gruppe om hjemmemonitorering af "
        "borgere med KOL",
        """1. Formål med gruppens arbejde
At udarbejde en fælles model for hjemmemonitorering af borgere med KOL i Midtklyngen, så borgeren oplever ét sammenhængende tilbud på tværs af hospital, kommune og almen praksis (sundhedsaftalens indsatsområde om velfærdsteknologi, digitalisering og datadeling).

2. Opgaver
- Kortlægge nuværende tilbud i Skive, Viborg og Silkeborg kommuner og på HE Midt
- Beskrive snitflader til Voksentemagruppen for somatik og til almen praksis
- Inddrage patient- og pårørendeperspektivet gennem interview med borgere og pårørende

3. Formandskab og gruppens sammensætning
Todelt formandskab med en repræsentant fra HE Midt og en fra en kommune. Relevante kompetencepersoner udpeges af parterne.

4. Tidsplan
Gruppen nedsættes september 2025 og afrapporterer til Klyngestyregruppen i december 2026.

5. Kommunikationsplan
Interessenter er klyngens kommuner, HE Midt, almen praksis og borgere med KOL. Formandskabet informerer temagruppen for somatik løbende; Fællessekretariatet orienterer klyngestyregruppen.

6. Afslutning
Gruppen nedlægges, når afrapporteringen er godkendt i Klyngestyregruppen.""",
        [seat("regional_members", "Kompetencepersoner fra HE Midt",
              "region", min_=1),
         seat("municipal_members", "Kompetencepersoner fra kommunerne",
              "municipality", "municipality", min_=1),
         seat("general_practice", "Almen praksis", "general_practice")],
        [approval("approved", "2025-08-28", by_body=M_KSG,
                  note="Demodata")],
        chair_rule="two_part", competence="recommend", recommends_to=M_KSG)

charter(M_NET, "Kommissorium for netværksgruppe for demenskoordinatorer",
        """Netværksgruppen er nedsat af Voksentemagruppen for somatik med henblik på sparring og erfaringsudveksling mellem fagpersoner. Klyngestyregruppen og temagrupperne kan indhente faglig rådgivning i netværksgruppen.

Netværksgrupper er ikke en del af den formelle beslutningsstruktur i Midtklyngen, men kan rejse faglige emner og konkrete samarbejdsforhold i temagrupperne.""",
        [seat("professionals", "Fagpersoner fra kommuner og HE Midt",
              function="professional", min_=1)],
        [approval("approved", "2024-02-15", by_body=M_SOM,
                  note="Demodata")],
        competence="advise")

charter(M_SEK, "Kommissorium for sundhedssamarbejdet i Midtklyngen – "
        "Fællessekretariatet",
        """Midtklyngen har etableret et fællessekretariat med konsulentdeltagelse fra Hospitalsenhed Midt, de 3 kommuner og Psykiatrien i Region Midtjylland. Sekretariatet understøtter koordinering mellem Sundhedsstyregruppen, Sundhedsaftalesekretariatet og Midtklyngens mødefora; klyngestyregruppen, temagrupperne, projekter og ad hoc-grupper; direktørkredsen i Midtklyngen; og den politiske klyngegruppe.

Fællessekretariatet har ansvar for:
- Udarbejdelse af dagsordener til klyngestyregruppen og temagrupperne
- Referater fra møderne i klyngestyregruppen og temagrupperne
- Opfølgning på beslutninger i klyngestyregruppen og temagrupperne
- At understøtte igangsætning af opgaver og projekter
- Input og udarbejdelse af dagsordener til den politiske klyngegruppe samt opfølgning herpå""",
        [seat("hem_consultant", "Konsulent fra Hospitalsenhed Midt",
              "region", "hospital", "consultant", min_=1),
         seat("psych_consultant", "Konsulent fra Psykiatrien", "region",
              "psychiatry", "consultant", min_=1),
         seat("municipal_consultants", "Konsulent fra hver af de 3 "
              "kommuner", "municipality", "municipality", "consultant",
              per_municipality=True, min_=1, max_=1)],
        MIDT_APPROVAL)

# ---- rotation plan (seed 003)
PERIODS = [(2021, 2022), (2023, 2025), (2026, 2027), (2028, 2029)]
NOTE_21 = ("Det kommunale medformandskab i Klyngestyregruppen følger det "
           "kommunale medformandskab i den politiske sundhedsklynge og "
           "skiftede pr. 16.9.2022 fra Silkeborg til Viborg Kommune")
NOTE_23 = ("Perioden er 3-årig, så de kommunale medformandskaber i "
           "klyngestyregruppen og temagrupperne roterer på samme tid")
NOTE_26 = ("Afhænger af udpegning af politisk formandskommune; "
           "medformandskaberne i temagrupperne bemandes, så der som "
           "udgangspunkt er en ligelig fordeling på tværs af de 3 kommuner")
NOTE_REGION = ("HE Midt og Regionspsykiatrien har ikke en fastlagt praksis "
               "for rotation; udskiftning må ikke ske i samme år, som de "
               "kommunale medformænd skifter")
for (y0, y1), muni_ in zip(PERIODS[:3], ["Silkeborg", "Viborg", None]):
    rotation(M_KSG, y0, y1, HEM)
    if muni_:
        rotation(M_KSG, y0, y1, MM[muni_],
                 note=NOTE_21 if y0 == 2021 else NOTE_23)
    else:
        rotation(M_KSG, y0, y1,
                 note="Afhænger af udpegning af politisk formandskommune")
THEME_ROTATION = {
    M_SOM: (HEM, ["Skive", "Silkeborg", "Viborg", "Skive"]),
    M_PSY: (RPM, ["Skive", "Silkeborg", "Viborg", "Skive"]),
    M_BUF: (HEM, ["Viborg", "Skive", "Silkeborg", "Viborg"]),
}
for b, (reg, munis) in THEME_ROTATION.items():
    for (y0, y1), muni_ in zip(PERIODS, munis):
        rotation(b, y0, y1, reg, note=NOTE_REGION)
        rotation(b, y0, y1, MM[muni_],
                 note={2023: NOTE_23, 2026: NOTE_26}.get(y0))

# ---- people and memberships, Midtklyngen
M0 = "2020-01-01"      # cluster groups existed before the 2022 law
P1, P2, P3 = "2021-01-01", "2023-01-01", "2026-01-01"   # plan periods


def rotating(person_key, body_key, muni, munis_by_period, **kw):
    """Member from M0; co-chair in the plan periods where `muni` holds
    the municipal co-chair (periods from 2021; 2028- is in the future)."""
    segs = [(M0, "member")]
    for start, holder in zip((P1, P2, P3), munis_by_period):
        segs.append((start, "co_chair" if holder == muni else "member"))
    return timeline(person_key, body_key, segs, **kw)


RM_CHAIR = person("Regionsrådsformand", RM_RR)
RM_MEMBERS = [person("Regionsrådsmedlem", RM_RR) for _ in range(3)]
M_MAYOR = {m: person("Borgmester", MM[m]) for m in MIDT_MUNIS}
M_GP = [person("Praktiserende læge", PRACTICE_VIBORG),
        person("Praktiserende læge", PRACTICE_SKIVE)]
M_DIRECTOR = {"Skive": person("Direktør for Social og Sundhed", MM["Skive"]),
              "Viborg": person("Direktør for Sundhed og Omsorg",
                               MM["Viborg"]),
              "Silkeborg": person("Direktør for Sundhed og Omsorg",
                                  MM["Silkeborg"])}
M_HEALTH_CHIEF = {m: person("Sundhedschef", MM[m]) for m in MIDT_MUNIS}
SKIVE_CARE_CHIEF = person("Pleje- og visitationschef", MM["Skive"])
M_CARE_LEAD = {"Viborg": person("Chef for Sundhed og Omsorg", MM["Viborg"]),
               "Silkeborg": person("Chef for Ældre og Omsorg",
                                   MM["Silkeborg"])}
M_SOCIAL_CHIEF = {m: person("Chef for Arbejdsmarked, Social og Psykiatri",
                            MM[m]) for m in MIDT_MUNIS}
M_FAMILY_CHIEF = {m: person("Familiechef", MM[m]) for m in MIDT_MUNIS}
M_CONSULTANT = {m: person("Sundhedskonsulent", MM[m]) for m in MIDT_MUNIS}
HEM_DIRECTOR = person("Hospitalsdirektør", HEM)
HEM_SOM_OLD = person("Centerchef, Medicinsk Center", HEM,
                     note="Medformand for Voksentemagruppen for somatik til "
                     "31.12.2022")
HEM_SOM_NEW = person("Centerchef, Akut- og Akutmodtagelsescenter", HEM)
HEM_CHILD = person("Ledende overlæge, Børn og Unge", HEM)
HEM_LEADS = [person("Centerchef, Diagnostisk Center", HEM),
             person("Oversygeplejerske, Ortopædkirurgi", HEM)]
HEM_FINANCE = person("Økonomi- og planchef", HEM)
HEM_CONSULTANT = person("Konsulent, Tværsektorielt Sekretariat", HEM)
HEM_SOM_MEMBERS = [person("Afdelingsleder, Medicinsk Afdeling", HEM),
                   person("Afdelingssygeplejerske, Lungemedicin", HEM)]
HEM_CHILD_2 = person("Afdelingssygeplejerske, Børneafdelingen", HEM)
RPM_DIRECTOR = person("Direktør, Regionspsykiatrien Midt", RPM)
RPM_CHIEF = person("Afdelingsledelse, Regionspsykiatrien Midt", RPM)
RPM_LEAD_2 = person("Ledende overlæge, Regionspsykiatrien Midt", RPM)
RPM_CONSULTANT = person("Konsulent", RPM)
BUP_LEAD = person("Afdelingsledelse, Børne- og Ungdomspsykiatrien", BUP)
PRACTICE_COORD = person("Praksiskoordinator", PRACTICE_VIBORG)
PLO_MIDT_REP = person("Praktiserende læge", PRACTICE_SKIVE)
PLO_MIDT_SUB = person("Praktiserende læge", PRACTICE_VIBORG)
M_PATIENTS = [person("Patientrepræsentant"),
              person("Pårørenderepræsentant", note="Udtrådt 31.03.2024"),
              person("Pårørenderepræsentant")]

# Political cluster group (first meeting after the 16.9.2022 change)
SP = "2022-09-16"
mem(RM_CHAIR, M_POL, "co_chair", "regional_council_chair",
    "regional_council_chair", RM_RR, start=SP)
for _p in RM_MEMBERS:
    mem(_p, M_POL, "member", "regional_council_member",
        "regional_council_members", RM_RR, start=SP)
timeline(M_MAYOR["Viborg"], M_POL, [(SP, "co_chair"), (P3, "member")],
         function="mayor", seat_="mayors", represents=MM["Viborg"])
timeline(M_MAYOR["Skive"], M_POL, [(SP, "member"), (P3, "co_chair")],
         function="mayor", seat_="mayors", represents=MM["Skive"])
mem(M_MAYOR["Silkeborg"], M_POL, "member", "mayor", "mayors",
    MM["Silkeborg"], start=SP)
for _gp in M_GP:
    mem(_gp, M_POL, "member", "gp", "plo_gp", PLO_M, appointed_by=PLO_M,
        local=True, start=SP)
timeline(M_CONSULTANT["Viborg"], M_POL, [(SP, "secretary", "2025-12-31")],
         function="consultant")
mem(M_CONSULTANT["Skive"], M_POL, "secretary", "consultant", start=P3)

# Klyngestyregruppen
KSG_MUNI_COCHAIR = [  # (start, municipality holding the co-chair)
    (P1, "Silkeborg"), ("2022-09-16", "Viborg"), (P3, "Skive")]
mem(HEM_DIRECTOR, M_KSG, "co_chair", "director", "hem_director", HEM,
    start=M0)
for _m in MIDT_MUNIS:
    segs = [(M0, "member")] + [
        (start, "co_chair" if holder == _m else "member")
        for start, holder in KSG_MUNI_COCHAIR]
    timeline(M_DIRECTOR[_m], M_KSG, segs, function="director",
             seat_="municipal_directors", represents=MM[_m])
for _m in MIDT_MUNIS:
    mem(M_HEALTH_CHIEF[_m], M_KSG, "member", "head_of_unit",
        "municipal_health_chiefs", MM[_m], start=M0)
mem(SKIVE_CARE_CHIEF, M_KSG, "member", "head_of_unit",
    "municipal_health_chiefs", MM["Skive"], start=M0)
# The social and family chief seats follow the theme groups' rotation.
for _seat, chiefs, order in (
        ("municipal_social_chief", M_SOCIAL_CHIEF, THEME_ROTATION[M_PSY][1]),
        ("municipal_family_chief", M_FAMILY_CHIEF,
         THEME_ROTATION[M_BUF][1])):
    for i, (start, end) in enumerate(((M0, "2022-12-31"),
                                      (P2, "2025-12-31"), (P3, None))):
        _m = order[i]
        mem(chiefs[_m], M_KSG, "member", "head_of_unit", _seat, MM[_m],
            start=start, end=end)
for _m in MIDT_MUNIS:
    mem(M_CONSULTANT[_m], M_KSG, "member", "consultant",
        "municipal_consultants", MM[_m], start=M0)
mem(HEM_SOM_OLD, M_KSG, "member", "head_of_unit", "hem_centre_leads", HEM,
    start=M0, end="2022-12-31")
mem(HEM_SOM_NEW, M_KSG, "member", "head_of_unit", "hem_centre_leads", HEM,
    start=P2)
for _p in [HEM_CHILD] + HEM_LEADS:
    mem(_p, M_KSG, "member", "head_of_unit", "hem_centre_leads", HEM,
        start=M0)
mem(HEM_FINANCE, M_KSG, "member", "head_of_unit", "hem_finance_chief", HEM,
    start=M0)
mem(HEM_CONSULTANT, M_KSG, "member", "consultant", "hem_consultant", HEM,
    start=M0)
mem(RPM_DIRECTOR, M_KSG, "member", "director", "psych_director", RPM,
    start=M0)
mem(RPM_CHIEF, M_KSG, "member", "head_of_unit", "psych_chief", RPM,
    start=M0)
mem(RPM_CONSULTANT, M_KSG, "member", "consultant", "psych_consultant", RPM,
    start=M0)
mem(PRACTICE_COORD, M_KSG, "member", "practice_coordinator",
    "practice_coordinator", PRACTICE_VIBORG, start=M0)
_plo_m = mem(PLO_MIDT_REP, M_KSG, "member", "gp", "plo_midt", PLO_M,
             appointed_by=PLO_M, local=True, start=M0)
mem(PLO_MIDT_SUB, M_KSG, "substitute", "gp", represents=PLO_M,
    appointed_by=PLO_M, substitute_for=_plo_m, local=True, start=M0)
# PIU appoints 2 members since the law change of 1 July 2022.
mem(M_PATIENTS[0], M_KSG, "member", "patient_representative", "patients",
    PIU_M, appointed_by=PIU_M, start=S)
mem(M_PATIENTS[1], M_KSG, "member", "patient_representative", "patients",
    PIU_M, appointed_by=PIU_M, start=S, end="2024-03-31")
mem(M_PATIENTS[2], M_KSG, "member", "patient_representative", "patients",
    PIU_M, appointed_by=PIU_M, start="2024-04-01")

# Voksentemagruppen for somatik.
# DELIBERATE (midt-tema-somatik): HE Midt replaces its co-chair at the
# turn of 2023, when the municipal co-chair passes from Skive to
# Silkeborg -> rotation_same_year.
_som = THEME_ROTATION[M_SOM][1]
mem(HEM_SOM_OLD, M_SOM, "co_chair", "head_of_unit", "hem_leads", HEM,
    start=M0, end="2022-12-31")
mem(HEM_SOM_NEW, M_SOM, "co_chair", "head_of_unit", "hem_leads", HEM,
    start=P2)
for _p in HEM_LEADS + HEM_SOM_MEMBERS:
    mem(_p, M_SOM, "member", "head_of_unit", "hem_leads", HEM, start=M0)
for _m in MIDT_MUNIS:
    rotating(M_HEALTH_CHIEF[_m], M_SOM, _m, _som, function="head_of_unit",
             seat_="municipal_leads", represents=MM[_m])
    mem(SKIVE_CARE_CHIEF if _m == "Skive" else M_CARE_LEAD[_m], M_SOM,
        "member", "head_of_unit", "municipal_leads", MM[_m], start=M0)
for i, (start, end) in enumerate(((M0, "2022-12-31"), (P2, "2025-12-31"),
                                  (P3, None))):
    _m = _som[i]
    mem(M_CONSULTANT[_m], M_SOM, "member", "consultant",
        "municipal_consultant", MM[_m], start=start, end=end)

# Voksentemagruppen for psykiatri
_psy = THEME_ROTATION[M_PSY][1]
mem(RPM_CHIEF, M_PSY, "co_chair", "head_of_unit", "psych_leads", RPM,
    start=M0)
mem(RPM_LEAD_2, M_PSY, "member", "head_of_unit", "psych_leads", RPM,
    start=M0)
mem(RPM_CONSULTANT, M_PSY, "member", "consultant", "psych_consultant", RPM,
    start=M0)
for _m in MIDT_MUNIS:
    rotating(M_SOCIAL_CHIEF[_m], M_PSY, _m, _psy, function="head_of_unit",
             seat_="municipal_leads", represents=MM[_m])

# Temagruppen for børn, unge og familie
_buf = THEME_ROTATION[M_BUF][1]
mem(HEM_CHILD, M_BUF, "co_chair", "head_of_unit", "hem_leads", HEM,
    start=M0)
mem(HEM_CHILD_2, M_BUF, "member", "head_of_unit", "hem_leads", HEM,
    start=M0)
mem(BUP_LEAD, M_BUF, "member", "head_of_unit", "child_psychiatry", BUP,
    start=M0)
for _m in MIDT_MUNIS:
    rotating(M_FAMILY_CHIEF[_m], M_BUF, _m, _buf, function="head_of_unit",
             seat_="family_chiefs", represents=MM[_m])
for i, (start, end) in enumerate(((M0, "2022-12-31"), (P2, "2025-12-31"),
                                  (P3, None))):
    _m = _buf[i]
    mem(M_CONSULTANT[_m], M_BUF, "member", "consultant",
        "municipal_consultant", MM[_m], start=start, end=end)

# Ad hoc group (September 2025 - December 2026)
SA, EA = "2025-09-01", "2026-12-31"
mem(HEM_SOM_MEMBERS[1], M_ADHOC, "co_chair", "head_of_unit",
    "regional_members", HEM, start=SA, end=EA)
mem(M_CARE_LEAD["Silkeborg"], M_ADHOC, "co_chair", "head_of_unit",
    "municipal_members", MM["Silkeborg"], start=SA, end=EA)
for _t, _o in (("Sygeplejerske, Lungemedicinsk Ambulatorium", HEM),
               ("Projektleder, Velfærdsteknologi", MM["Viborg"]),
               ("Sygeplejerske, Hjemmesygeplejen", MM["Skive"])):
    mem(person(_t, _o), M_ADHOC, "member", "professional",
        "regional_members" if _o == HEM else "municipal_members", _o,
        start=SA, end=EA)
mem(PLO_MIDT_SUB, M_ADHOC, "member", "gp", "general_practice", PLO_M,
    appointed_by=PLO_M, start=SA, end=EA)
mem(M_CONSULTANT["Silkeborg"], M_ADHOC, "secretary", "consultant",
    start=SA, end=EA)

# Network group (informal)
for _t, _o in (("Demenskoordinator", MM["Skive"]),
               ("Demenskoordinator", MM["Viborg"]),
               ("Demenskoordinator", MM["Silkeborg"]),
               ("Klinisk sygeplejespecialist, Geriatri", HEM)):
    mem(person(_t, _o), M_NET, "member", "professional", "professionals",
        _o, start="2024-03-01")

# Fællessekretariatet
mem(HEM_CONSULTANT, M_SEK, "member", "consultant", "hem_consultant", HEM,
    start=M0)
mem(RPM_CONSULTANT, M_SEK, "member", "consultant", "psych_consultant", RPM,
    start=M0)
for _m in MIDT_MUNIS:
    mem(M_CONSULTANT[_m], M_SEK, "member", "consultant",
        "municipal_consultants", MM[_m], start=M0)

# ================================================================ output


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "data",
        "demo.json")
    doc = {"klynge": 1, "organisations": ORGS, "areas": AREAS,
           "bodies": BODIES, "charters": CHARTERS, "people": PEOPLE,
           "memberships": MEMBERSHIPS, "rotations": ROTATIONS}
    text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
