#!/usr/bin/env python3
"""gen-demo-meetings.py - writes data/demo-meetings.json, the demo's meetings.

Reads data/demo.json (the structure) and gives every body whose terms of
reference set a cadence its meetings for 2026: held ones (with decisions,
attendance and approved minutes) before 23 November 2026, a published one
just after, planned ones in December. The items follow seed 001's layout.

Two bodies fall short on purpose, so that the meeting checks have
something to show (klynge check --date 2026-11-23):
  midt-tema-born                  cadence: 3 of at least 4 meetings in 2026
                                  (the June meeting was cancelled)
  koordineringsforum-sonderjylland meets_before_missing: no meeting before
                                  the professional-strategic level's
                                  September meeting (seed 004)

The format is docs/meetings-format.md; `klynge import-meetings` reads it.
Usage: python3 scripts/gen-demo-meetings.py [output]
"""
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
TODAY = "2026-11-23"

S = json.load(open(os.path.join(ROOT, "data", "demo.json"), encoding="utf-8"))
charter_of = {}
for c in S["charters"]:
    if c.get("status") == "approved":
        charter_of[c["body"]] = c
bodies = {b["key"]: b for b in S["bodies"]}


def active(m, date):
    return m["start"] <= date and (not m.get("end") or date <= m["end"])


def members(body_key, date):
    return [m for m in S["memberships"]
            if m["body"] == body_key and active(m, date)]


# Meeting dates per body in 2026: (date, start, end). Professional-
# strategic levels meet quarterly; the coordination forum a week before
# Sønderjylland's; political levels twice.
FSN_DATES = ["2026-03-12", "2026-06-11", "2026-09-10", "2026-12-10"]
PN_DATES = ["2026-04-23", "2026-11-26"]
MIDT4 = ["2026-02-26", "2026-05-28", "2026-09-24", "2026-12-03"]

PLACES = {
    "fyn": "Odense Universitetshospital, J.B. Winsløws Vej 4, 5000 Odense C",
    "lillebaelt": "Sygehus Lillebælt, Beriderbakken 4, 7100 Vejle",
    "sonderjylland": "Sygehus Sønderjylland, Kresten Philipsens Vej 15, 6200 Aabenraa",
    "sydvestjylland": "Sydvestjysk Sygehus, Finsensgade 35, 6700 Esbjerg",
    "midt": "Hospitalsenheden Midt, Heibergs Allé 2K, 8800 Viborg",
}


def place_for(key):
    for k, v in PLACES.items():
        if k in key:
            return v
    return "Regionshuset, Damhaven 12, 7100 Vejle"


def items_for(body_key, date, n, held):
    """The agenda of meeting number n (1..) of a body."""
    c = charter_of[body_key]
    kind = bodies[body_key]["kind"]
    recommender = ("Formandskabet indstiller, at " + bodies[body_key]["name"]
                   if kind == "political_level" else
                   "Klyngesekretariatet indstiller, at det fagligt strategiske niveau")
    out = []
    if c.get("psychiatry_first"):
        out.append({
            "title": "Status på den fælles indsats for borgere med psykisk sygdom og misbrug",
            "case_number": "26/%05d" % (1100 + n), "kind": "discussion",
            "psychiatry": True,
            "summary": "Temagruppen for psykiatri giver status på indsatsen, og der lægges op til en drøftelse af næste skridt.",
            "presentation": "Indsatsen er forankret i **Temagruppen for psykiatri**. Status:\n\n- udgående team er etableret i tre kommuner\n- fælles plan for udskrivning er afprøvet\n",
            "recommended_by": "Sekretariatet indstiller, at Klyngestyregruppen",
            "resolutions": "Drøfter status\nGiver input til næste skridt",
            "outcome": "discussed",
            "decision": "Klyngestyregruppen drøftede status og bad temagruppen om en plan for de sidste kommuner.",
        })
    out.append({
        "title": "Orientering fra formandskabet",
        "kind": "information",
        "summary": "Formandskabet orienterer om aktuelle sager siden sidste møde.",
        "outcome": "noted",
        "decision": "Orienteringen blev taget til efterretning.",
    })
    out.append({
        "title": "Status på implementering af Sundhedsaftalen 2024-2027",
        "case_number": "26/%05d" % (2200 + n), "kind": "discussion",
        "summary": "Status på de fire fokusområder i sundhedsaftalen og klyngens egne mål.",
        "presentation": "#### Baggrund\n\nSundhedsaftalen 2024-2027 har fire fokusområder. Klyngen følger op på sine mål hvert kvartal.\n\n#### Status\n\nTo af klyngens mål er nået; et er forsinket på grund af rekruttering.",
        "recommended_by": recommender,
        "resolutions": "Drøfter status på implementeringen\nTager orienteringen om det forsinkede mål til efterretning",
        "outcome": "discussed",
        "decision": "Status blev drøftet. Sekretariatet følger op på det forsinkede mål til næste møde.",
    })
    out.append({
        "title": "Godkendelse af fælles forløbsbeskrivelse for borgere med KOL",
        "case_number": "26/%05d" % (3300 + n), "kind": "approval",
        "summary": "Forløbsbeskrivelsen samler aftalerne om opsporing, behandling og rehabilitering af borgere med KOL på tværs af sektorer.",
        "presentation": "Forløbsbeskrivelsen er udarbejdet af en arbejdsgruppe med deltagelse af sygehus, kommuner og almen praksis. Den bygger på den nationale anbefaling og tilpasser den klyngens organisering.",
        "recommended_by": recommender,
        "resolutions": "Godkender forløbsbeskrivelsen\nSender den til orientering i implementeringsgrupperne",
        "outcome": "approved",
        "decision": "Forløbsbeskrivelsen blev godkendt.",
    })
    if kind == "strategic_level" and n == 2:
        out.append({
            "title": "Drøftelse af ansættelse af fælles projektleder",
            "case_number": "26/%05d" % (4400 + n), "kind": "discussion",
            "closed": True,
            "summary": "Personsag: drøftelse af kandidater til stillingen som fælles projektleder.",
            "presentation": "Punktet behandles for lukkede døre, da det indeholder oplysninger om enkeltpersoners forhold.",
            "recommended_by": recommender,
            "resolutions": "Drøfter kandidaterne",
            "outcome": "discussed",
            "decision": "Der var enighed om den foretrukne kandidat.",
        })
    out.append({
        "title": "Eventuelt", "kind": "aob",
        "outcome": "noted", "decision": "Intet.",
    })
    if not held:
        for it in out:
            it.pop("outcome", None)
            it.pop("decision", None)
    return out


def attendance_for(body_key, date, n):
    out = []
    for i, m in enumerate(members(body_key, date)):
        if m.get("role") == "secretary":
            continue
        if m.get("role") == "substitute":
            continue
        status = "apology" if (i + n) % 7 == 3 else "present"
        out.append({"membership": m["key"], "status": status})
    return out


def meeting(body_key, date, start, end, n, kind="ordinary", state=None,
            note=None):
    held = date < TODAY
    if state is None:
        if held:
            state = "minutes_approved"
        elif date <= "2026-12-05":
            state = "published"
        else:
            state = "planned"
    m = {
        "body": body_key,
        "kind": kind,
        "date": date,
        "start": start,
        "end": end,
        "place": place_for(body_key),
        "state": state,
        "items": items_for(body_key, date, n, state == "minutes_approved"),
    }
    if state in ("held", "minutes_approved"):
        m["attendance"] = attendance_for(body_key, date, n)
    if state == "cancelled":
        m["items"] = []
    return m


def main():
    out = []
    for key, b in bodies.items():
        c = charter_of.get(key)
        if not c or not c.get("min_meetings_per_year"):
            continue
        kind = b["kind"]
        if kind == "political_level":
            dates, times = PN_DATES, ("15:00", "17:00")
        elif kind == "strategic_level" and not key.startswith("midt"):
            dates, times = FSN_DATES, ("13:00", "16:00")
        elif kind == "coordination_forum":
            # A week before each of Sønderjylland's professional-strategic
            # meetings, except September: the forum met the day after.
            dates = ["2026-03-05", "2026-06-04", "2026-09-11", "2026-12-03"]
            times = ("09:00", "11:00")
        else:
            dates, times = MIDT4, ("13:00", "15:30")
        if key.startswith("midt-politisk"):
            dates = ["2026-03-19", "2026-10-29"]
        for n, d in enumerate(dates, 1):
            if key == "midt-tema-born" and d == "2026-05-28":
                out.append(meeting(key, d, times[0], times[1], n,
                                   state="cancelled"))
                continue
            out.append(meeting(key, d, times[0], times[1], n))
    doc = {"klynge": 1, "meetings": out}
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "data", "demo-meetings.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"{path}: {len(out)} meetings, "
          f"{sum(len(m['items']) for m in out)} items")


if __name__ == "__main__":
    main()
