#!/usr/bin/env python3
"""gen-demo-casework.py - writes data/demo-casework.json, the demo's casework.

Reads data/demo.json (the structure) and data/demo-meetings.json (the
meetings of 2026, for the agenda items cases were treated under) and
writes, as seen on 23 November 2026:

  * Sundhedsaftalen 2024-2027 for Region Midtjylland from seed 003 (the
    4 visions, 3 focus areas and 5 principles verbatim; 1-2 goals per
    focus area, marked as demo text), and the same shape for Region
    Syddanmark (seed 003's wording reused, marked "Demodata");
  * the three flow templates of seed 001, item 2 for Region Syddanmark
    (ssu-til-klynger, skalering-af-lokal-indsats, klynge-fagligt-
    strategisk) with their time perspectives;
  * 6 cases across 2026, whose steps were started on the dates of the
    demo meetings that treated them where there is one (so lead times
    come from meeting dates);
  * 9 follow-up actions (5 overdue on 2026-11-23) with notes, and 3
    shared initiatives with comments (the Sønderjylland one adopted by
    Lillebælt: the template-b case).

One detail differs from a first sketch: the template-c case with
economic consequences starts in fsn-sonderjylland, not fsn-fyn, because
only Sønderjylland has implementation groups in the demo structure
(template c sends the case to the origin's implementation groups, and a
template step that finds no body cannot be applied).

Everything beyond the seeds is fictitious. The format is
docs/casework-format.md; `klynge import-casework` reads it.
Usage: python3 scripts/gen-demo-casework.py [output]
"""
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
TODAY = "2026-11-23"

S = json.load(open(os.path.join(ROOT, "data", "demo.json"), encoding="utf-8"))
M = json.load(open(os.path.join(ROOT, "data", "demo-meetings.json"),
                   encoding="utf-8"))
BODIES = {b["key"] for b in S["bodies"]}
ORGS = {o["key"] for o in S["organisations"]}
PEOPLE = {p["key"] for p in S["people"]}
AREAS = {a["key"] for a in S["areas"]}


def item(body, date, title_start):
    """The agenda item of body's meeting on date whose title starts so."""
    for m in M["meetings"]:
        if m["body"] == body and m["date"] == date:
            for n, it in enumerate(m.get("items", []), 1):
                if it["title"].startswith(title_start):
                    return {"body": body, "date": date, "number": n}
    raise SystemExit(f"no item '{title_start}' at {body} {date}")


DEMO = "Demotekst (fiktiv målsætning til demonstration)."

VISIONS = [
    "Sammenhæng og tryghed",
    "På borgerens præmisser",
    "Et nært og tilgængeligt sundhedsvæsen",
    "Et sundhedsvæsen i balance",
]
FOCUS = [
    ("psykiatri-og-trivsel",
     "Psykiatri og trivsel – med fokus på børn og unges trivsel og fokus på "
     "mennesker med svær psykisk sygdom"),
    ("kronisk-sygdom",
     "Sammenhæng for borgere med kronisk sygdom – med fokus på de med størst "
     "behov og størst kompleksitet"),
    ("velfaerdsteknologi-og-datadeling",
     "Velfærdsteknologi, digitalisering og datadeling – med fokus på "
     "hjemmemonitorering, digitale konsultationer og platforme samt "
     "datadeling"),
]
PRINCIPLES = [
    "Sammen med borgerne",
    "Fælles tidligere",
    "Kvalitet hele vejen rundt",
    "Virtuelt hvor det er muligt",
    "Økonomisk klarhed og fair balance",
]
GOALS = {
    "psykiatri-og-trivsel": [
        ("mal-ventetid-bup",
         "Færre børn og unge venter mere end 30 dage på udredning"),
        ("mal-samlet-forlob-psykiatri",
         "Alle borgere med svær psykisk sygdom og misbrug har en fælles "
         "koordineret plan"),
    ],
    "kronisk-sygdom": [
        ("mal-genindlaeggelser-kol",
         "Færre akutte genindlæggelser af borgere med KOL inden for 30 dage"),
    ],
    "velfaerdsteknologi-og-datadeling": [
        ("mal-hjemmemonitorering",
         "Hjemmemonitorering tilbydes alle relevante borgere med KOL og "
         "hjertesvigt"),
        ("mal-datadeling",
         "Fælles datagrundlag om forløb på tværs af sektorer i alle klynger"),
    ],
}


def agreement(key, title, region, prefix, note, vision_desc, focus_desc):
    items = []
    for i, v in enumerate(VISIONS, 1):
        items.append({"key": f"{prefix}vision-{i}", "part": "vision",
                      "title": v, "description": vision_desc})
    for k, t in FOCUS:
        items.append({"key": prefix + k, "part": "focus_area", "title": t,
                      "description": focus_desc})
        for gk, gt in GOALS[k]:
            items.append({"key": prefix + gk, "part": "goal",
                          "parent": prefix + k, "title": gt,
                          "description": DEMO})
    for i, p in enumerate(PRINCIPLES, 1):
        items.append({"key": f"{prefix}princip-{i}", "part": "principle",
                      "title": p, "description": vision_desc})
    return {"key": key, "title": title, "region": region,
            "valid_from": "2024-01-01", "valid_to": "2027-12-31",
            "note": note, "items": items}


AGREEMENTS = [
    agreement("sundhedsaftale-midt-2024-2027", "Sundhedsaftalen 2024-2027",
              "region-midtjylland", "", "høringsudkast",
              "Seed 003: Sundhedsaftalen 2024-2027 (høringsudkast).",
              "Seed 003: indsatsområde i Sundhedsaftalen 2024-2027."),
    agreement("sundhedsaftale-syd-2024-2027", "Sundhedsaftalen 2024-2027",
              "region-syddanmark", "syd-",
              "Demodata: ordlyden er lånt fra Region Midtjyllands "
              "høringsudkast (seed 003)",
              "Demodata: ordlyden er lånt fra Region Midtjyllands aftale.",
              "Demodata: indsatsområdet er lånt fra Region Midtjyllands "
              "aftale."),
]

# Seed 001, item 2: "Eksempel på sagsflow mellem SSU og det nye
# administrative forum", "skalering af lokal indsats fra en sundheds-
# klynge" and the third example asked for, "hvor sagen starter på det
# faglige strategiske niveau"; with the time perspectives the meeting
# asked to add.
TEMPLATES = [
    {"key": "ssu-til-klynger",
     "name": "Fra Sundhedssamarbejdsudvalget til klyngerne",
     "description": "Sagsflow (a) fra seed 001: drøftelsen indledes i "
                    "Sundhedssamarbejdsudvalget og implementeres i klyngerne, "
                    "f.eks. en ny samarbejdsaftale.",
     "region": "region-syddanmark",
     "steps": [
         {"target": "body", "body": "ssu-syddanmark", "action": "decide",
          "offset_days": 0,
          "note": "Sundhedssamarbejdsudvalget beslutter sagen."},
         {"target": "body", "body": "strategisk-sundhedsstyregruppe",
          "action": "prepare", "offset_days": 30,
          "note": "Strategisk Sundhedsstyregruppe forbereder "
                  "implementeringen i klyngerne."},
         {"target": "kind_all", "kind": "strategic_level",
          "action": "implement", "offset_days": 60,
          "note": "Hver klynges fagligt strategiske niveau omsætter "
                  "beslutningen til lokale indsatser."},
         {"target": "children", "kind": "implementation_group",
          "action": "implement", "offset_days": 60,
          "note": "Implementeringsgrupperne udfører indsatsen."},
     ]},
    {"key": "skalering-af-lokal-indsats",
     "name": "Skalering af en lokal indsats til de øvrige klynger",
     "description": "Sagsflow (b) fra seed 001: en lokal indsats fra én "
                    "sundhedsklynge skaleres til de øvrige klynger.",
     "region": "region-syddanmark",
     "steps": [
         {"target": "origin", "action": "recommend", "offset_days": 0,
          "note": "Klyngens fagligt strategiske niveau indstiller indsatsen "
                  "til skalering."},
         {"target": "body", "body": "strategisk-sundhedsstyregruppe",
          "action": "discuss", "offset_days": 30,
          "note": "Strategisk Sundhedsstyregruppe drøfter indstillingen."},
         {"target": "body", "body": "ssu-syddanmark", "action": "decide",
          "offset_days": 30,
          "note": "Sundhedssamarbejdsudvalget beslutter skaleringen."},
         {"target": "kind_others", "kind": "strategic_level",
          "action": "implement", "offset_days": 60,
          "note": "De øvrige klyngers fagligt strategiske niveauer "
                  "implementerer indsatsen."},
     ]},
    {"key": "klynge-fagligt-strategisk",
     "name": "Sag, der starter på klyngens fagligt strategiske niveau",
     "description": "Sagsflow (c) fra seed 001: sagen starter og besluttes "
                    "på klyngens fagligt strategiske niveau og implementeres "
                    "lokalt.",
     "region": "region-syddanmark",
     "steps": [
         {"target": "origin", "action": "decide", "offset_days": 0,
          "note": "Det fagligt strategiske niveau beslutter sagen. Har den "
                  "økonomiske konsekvenser, skal regionsrådet og byrådene "
                  "godkende den."},
         {"target": "children", "kind": "implementation_group",
          "action": "implement", "offset_days": 45,
          "note": "Klyngens implementeringsgrupper implementerer."},
     ]},
]

INITIATIVES = [
    {"key": "opfolgende-hjemmebesog",
     "area": "klynge-sonderjylland",
     "title": "Opfølgende hjemmebesøg efter udskrivelse af skrøbelige ældre",
     "what": "Sygehus Sønderjylland og de fire kommuner i klyngen tilbyder "
             "skrøbelige ældre et fælles hjemmebesøg inden for tre dage "
             "efter udskrivelse. En sygeplejerske fra kommunen og en fra "
             "sygehusets udgående team gennemgår medicin, ernæring og "
             "genoptræningsplan sammen med borgeren og de pårørende.\n\n"
             "*Demodata.*",
     "results": "- 212 borgere fik besøget i 2025\n"
                "- Færre genindlæggelser inden for 30 dage i pilotområdet\n"
                "- Borgere og pårørende oplever større tryghed\n\n"
                "*Tallene er fiktive.*",
     "contact": "p-astrid-bisgaard",
     "focus_area": "syd-kronisk-sygdom",
     "comments": [
         {"author": "Birgitte Berg, Sundhedsklynge Lillebælt",
          "area": "klynge-lillebaelt",
          "text": "Vi har drøftet modellen i Lillebælt og vil gerne tage "
                  "den op. Må vi låne jeres funktionsbeskrivelse for det "
                  "udgående team?"},
         {"author": "Ole Kristensen, Sundhedsklynge Sønderjylland",
          "area": "klynge-sonderjylland",
          "text": "Selvfølgelig – den er sendt til klyngesekretariatet. Vi "
                  "har indstillet indsatsen til skalering i alle klynger."},
         {"author": "Sofie Engel, Sundhedsklynge Fyn",
          "area": "klynge-fyn",
          "text": "Spændende resultater. Hvordan har I håndteret "
                  "kørselstiden i de tyndt befolkede områder?"},
     ]},
    {"key": "virtuel-hjertesvigtskonsultation",
     "area": "klynge-fyn",
     "title": "Virtuel sygeplejekonsultation for borgere med hjertesvigt",
     "what": "Odense Universitetshospital og Odense Kommune afprøver "
             "virtuelle kontroller, hvor borgeren måler vægt og blodtryk "
             "hjemme, og en sygeplejerske følger op over video.\n\n"
             "*Demodata.*",
     "results": "Afprøvningen kører til udgangen af 2026; en evaluering "
                "forventes i foråret 2027.",
     "contact_text": "Klyngesekretariatet for Sundhedsklynge Fyn",
     "focus_area": "syd-velfaerdsteknologi-og-datadeling",
     "comments": [
         {"author": "Jørgen Kirk, Sundhedsklynge Sydvestjylland",
          "area": "klynge-sydvestjylland",
          "text": "Vi følger gerne evalueringen – Esbjerg Kommune overvejer "
                  "en lignende løsning."},
     ]},
    {"key": "demenskoordinatorer-og-almen-praksis",
     "area": "midtklyngen",
     "title": "Fast kontaktperson mellem demenskoordinatorer og almen praksis",
     "what": "I Midtklyngen har hver lægepraksis en fast demenskoordinator "
             "i kommunen, som praksis kan ringe direkte til. "
             "Netværksgruppen for demenskoordinatorer mødes to gange årligt "
             "med praktiserende læger.\n\n*Demodata.*",
     "results": "Kortere tid fra mistanke om demens til kontakt med "
                "kommunen (fiktivt resultat).",
     "contact": "p-jette-thygesen",
     "focus_area": "kronisk-sygdom",
     "comments": [
         {"author": "Helle Hviid, Midtklyngen",
          "area": "midtklyngen",
          "text": "Skive Kommune har nu også fået faste kontaktpersoner på "
                  "plads i alle praksis."},
         {"author": "Ole Kristensen, Sundhedsklynge Sønderjylland",
          "area": "klynge-sonderjylland",
          "text": "Tak for inspirationen – vi tager det med i "
                  "implementeringsgruppen for ældre og kronisk sygdom."},
     ]},
]


def fsn_item(body, date):
    return item(body, date, "Orientering fra formandskabet")


CASES = [
    # (a) SSU decides in spring; Sønderjylland and Fyn start on time at
    # their June meetings, Lillebælt late in September, Sydvestjylland
    # not yet.
    {"key": "behandlingsredskaber",
     "case_number": "26/01550",
     "title": "Ny samarbejdsaftale om behandlingsredskaber",
     "description": "Sundhedssamarbejdsudvalget har godkendt en ny "
                    "samarbejdsaftale om ansvarsfordeling og udlevering af "
                    "behandlingsredskaber og hjælpemidler ved udskrivelse. "
                    "Aftalen implementeres i alle fire sundhedsklynger.",
     "origin": "ssu-syddanmark",
     "template": "ssu-til-klynger",
     "focus_area": "syd-kronisk-sygdom",
     "started": "2026-03-19",
     "steps": [
         {"body": "ssu-syddanmark", "status": "done",
          "finished": "2026-03-19",
          "note": "Godkendt på Sundhedssamarbejdsudvalgets møde."},
         {"body": "strategisk-sundhedsstyregruppe", "status": "done",
          "started": "2026-04-02", "finished": "2026-04-16",
          "note": "Implementeringsplan og materiale til klyngerne udsendt."},
         {"body": "fsn-sonderjylland", "status": "started",
          "started": "2026-06-11",
          "item": fsn_item("fsn-sonderjylland", "2026-06-11")},
         {"body": "fsn-fyn", "status": "started", "started": "2026-06-11",
          "item": fsn_item("fsn-fyn", "2026-06-11")},
         {"body": "fsn-lillebaelt", "status": "started",
          "started": "2026-09-10",
          "item": fsn_item("fsn-lillebaelt", "2026-09-10"),
          "note": "Udskudt fra juni: ansvarsfordelingen mellem kommunerne "
                  "og Sygehus Lillebælt skulle afklares først."},
         {"body": "ipg-sonderjylland-aeldre", "status": "started",
          "started": "2026-08-20"},
         {"body": "ipg-sonderjylland-akut", "status": "started",
          "started": "2026-09-01"},
     ],
     "items": [fsn_item("fsn-sonderjylland", "2026-06-11")]},
    # (b) the Sønderjylland initiative, adopted by Lillebælt.
    {"key": "skalering-hjemmebesog",
     "case_number": "26/02810",
     "title": "Skalering af opfølgende hjemmebesøg efter udskrivelse",
     "description": "Sundhedsklynge Sønderjyllands model for opfølgende "
                    "hjemmebesøg efter udskrivelse af skrøbelige ældre "
                    "indstilles til udbredelse i de øvrige klynger.",
     "origin": "fsn-sonderjylland",
     "template": "skalering-af-lokal-indsats",
     "initiative": "opfolgende-hjemmebesog",
     "focus_area": "syd-kronisk-sygdom",
     "started": "2026-06-11",
     "steps": [
         {"body": "fsn-sonderjylland", "status": "done",
          "finished": "2026-06-11",
          "item": item("fsn-sonderjylland", "2026-06-11",
                       "Status på implementering af Sundhedsaftalen")},
         {"body": "strategisk-sundhedsstyregruppe", "status": "done",
          "finished": "2026-08-27"},
         {"body": "ssu-syddanmark", "status": "done",
          "finished": "2026-09-24",
          "note": "Besluttet med forbehold for finansiering i den enkelte "
                  "klynge."},
         {"body": "fsn-lillebaelt", "status": "started",
          "started": "2026-10-01",
          "note": "Lillebælt begynder i Kolding og Fredericia."},
     ],
     "items": [item("fsn-sonderjylland", "2026-06-11",
                    "Status på implementering af Sundhedsaftalen")]},
    # (c) economic consequences: decided, awaiting two city councils.
    {"key": "faelles-projektleder",
     "case_number": "26/04402",
     "title": "Ansættelse af fælles projektleder for sammenhængende forløb",
     "description": "Klyngen ansætter en fælles projektleder, finansieret "
                    "ligeligt af regionen og de fire kommuner. Sagen har "
                    "økonomiske konsekvenser og skal godkendes i "
                    "regionsrådet og byrådene.",
     "origin": "fsn-sonderjylland",
     "template": "klynge-fagligt-strategisk",
     "economic": True,
     "focus_area": "syd-kronisk-sygdom",
     "started": "2026-06-11",
     "steps": [
         {"body": "fsn-sonderjylland", "status": "done",
          "started": "2026-06-11", "finished": "2026-06-25",
          "item": item("fsn-sonderjylland", "2026-06-11",
                       "Drøftelse af ansættelse af fælles projektleder"),
          "note": "Drøftet på mødet 11. juni og besluttet skriftligt "
                  "25. juni 2026."},
         {"org": "regionsraadet-syddanmark", "status": "done",
          "finished": "2026-08-19"},
         {"org": "aabenraa-kommune", "status": "done",
          "finished": "2026-08-27"},
         {"org": "haderslev-kommune", "status": "done",
          "finished": "2026-09-03"},
     ],
     "items": [item("fsn-sonderjylland", "2026-06-11",
                    "Drøftelse af ansættelse af fælles projektleder")]},
    # (a) again, in the autumn: prepared, not yet in the clusters.
    {"key": "dobbeltdiagnose",
     "case_number": "26/05120",
     "title": "Fælles indsats for borgere med psykisk sygdom og samtidigt "
              "misbrug",
     "description": "Sundhedssamarbejdsudvalget har besluttet en fælles "
                    "model for koordinerede forløb for borgere med "
                    "dobbeltdiagnose på tværs af psykiatrien, kommunernes "
                    "misbrugsbehandling og almen praksis.",
     "origin": "ssu-syddanmark",
     "template": "ssu-til-klynger",
     "focus_area": "syd-psykiatri-og-trivsel",
     "started": "2026-09-17",
     "steps": [
         {"body": "ssu-syddanmark", "status": "done",
          "finished": "2026-09-17"},
         {"body": "strategisk-sundhedsstyregruppe", "status": "started",
          "started": "2026-10-08"},
     ]},
    # (c) without economic consequences, carried out and closed.
    {"key": "kol-forlobsbeskrivelse",
     "case_number": "26/03301",
     "title": "Fælles forløbsbeskrivelse for borgere med KOL",
     "description": "Klyngens fælles forløbsbeskrivelse for borgere med "
                    "KOL, fra opsporing i almen praksis til rehabilitering "
                    "i kommunen.",
     "origin": "fsn-sonderjylland",
     "template": "klynge-fagligt-strategisk",
     "focus_area": "syd-kronisk-sygdom",
     "started": "2026-03-12",
     "steps": [
         {"body": "fsn-sonderjylland", "status": "done",
          "finished": "2026-03-12",
          "item": item("fsn-sonderjylland", "2026-03-12",
                       "Godkendelse af fælles forløbsbeskrivelse")},
         {"body": "ipg-sonderjylland-aeldre", "status": "done",
          "started": "2026-03-26", "finished": "2026-06-30"},
         {"body": "ipg-sonderjylland-psykiatri", "status": "skipped",
          "finished": "2026-04-02",
          "note": "Ikke relevant for gruppens målgruppe."},
         {"body": "ipg-sonderjylland-born", "status": "skipped",
          "finished": "2026-04-02",
          "note": "Ikke relevant for gruppens målgruppe."},
         {"body": "ipg-sonderjylland-akut", "status": "done",
          "started": "2026-04-09", "finished": "2026-09-04"},
     ],
     "items": [item("fsn-sonderjylland", "2026-03-12",
                    "Godkendelse af fælles forløbsbeskrivelse")]},
    # Region Midtjylland has no templates in the demo: explicit steps.
    {"key": "hjemmemonitorering-kol",
     "case_number": "26/01870",
     "title": "Hjemmemonitorering af borgere med KOL i Midtklyngen",
     "description": "Ad hoc-gruppen om hjemmemonitorering indstiller en "
                    "fælles pilotafprøvning i Skive, Viborg og Silkeborg.",
     "origin": "midt-adhoc-hjemmemonitorering",
     "focus_area": "velfaerdsteknologi-og-datadeling",
     "started": "2026-02-02",
     "steps": [
         {"body": "midt-adhoc-hjemmemonitorering", "action": "recommend",
          "due": "2026-02-13", "status": "done", "finished": "2026-02-10"},
         {"body": "midt-ksg", "action": "decide", "due": "2026-03-31",
          "status": "done", "finished": "2026-02-26",
          "item": item("midt-ksg", "2026-02-26",
                       "Godkendelse af fælles forløbsbeskrivelse")},
         {"body": "midt-tema-somatik", "action": "implement",
          "due": "2026-06-30", "status": "started",
          "started": "2026-05-28",
          "item": item("midt-tema-somatik", "2026-05-28",
                       "Godkendelse af fælles forløbsbeskrivelse")},
     ]},
]

ACTIONS = [
    {"case": "behandlingsredskaber",
     "body": "strategisk-sundhedsstyregruppe",
     "what": "Følge op på implementeringen af samarbejdsaftalen om "
             "behandlingsredskaber i alle fire klynger",
     "responsible_person": "p-claus-hviid", "due": "2026-10-01",
     "status": "in_progress", "focus_area": "syd-kronisk-sygdom",
     "notes": [
         {"author": "Martin Borup",
          "text": "Status indhentet fra Sønderjylland og Fyn; Lillebælt "
                  "er i gang, Sydvestjylland mangler."},
     ]},
    {"case": "behandlingsredskaber", "body": "fsn-sydvestjylland",
     "what": "Udpege tovholder for implementering af samarbejdsaftalen om "
             "behandlingsredskaber",
     "responsible_org": "sydvestjysk-sygehus", "due": "2026-08-31",
     "status": "open",
     "notes": [
         {"author": "Jørgen Kirk",
          "text": "Rykket for svar efter mødet den 10. september."},
     ]},
    {"case": "behandlingsredskaber", "body": "fsn-lillebaelt",
     "item": fsn_item("fsn-lillebaelt", "2026-09-10"),
     "what": "Afklare ansvarsfordelingen for udlevering af "
             "behandlingsredskaber mellem kommunerne og Sygehus Lillebælt",
     "responsible_person": "p-kasper-bruun", "due": "2026-12-15",
     "status": "in_progress"},
    {"case": "faelles-projektleder", "body": "fsn-sonderjylland",
     "what": "Udarbejde stillingsopslag og funktionsbeskrivelse for den "
             "fælles projektleder",
     "responsible_body": "sek-sonderjylland", "due": "2026-10-15",
     "status": "open",
     "notes": [
         {"author": "Ole Kristensen",
          "text": "Afventer godkendelse i Sønderborg og Tønder, før "
                  "stillingen kan slås op."},
     ]},
    {"case": "faelles-projektleder", "body": "fsn-sonderjylland",
     "what": "Sikre behandling af sagen i Sønderborg og Tønder byråd",
     "responsible_person": "p-maja-berg", "due": "2026-11-30",
     "status": "in_progress"},
    {"case": "kol-forlobsbeskrivelse", "body": "ipg-sonderjylland-aeldre",
     "what": "Undervise hjemmesygeplejen i den fælles forløbsbeskrivelse "
             "for borgere med KOL",
     "responsible_org": "sygehus-sonderjylland", "due": "2026-06-30",
     "status": "done", "focus_area": "syd-kronisk-sygdom",
     "notes": [
         {"author": "Ole Kristensen",
          "text": "Fire undervisningsforløb gennemført i maj og juni."},
     ]},
    {"case": "skalering-hjemmebesog", "body": "fsn-lillebaelt",
     "what": "Tilpasse modellen for opfølgende hjemmebesøg til kommunerne "
             "i Sundhedsklynge Lillebælt",
     "responsible_org": "sygehus-lillebaelt", "due": "2026-11-01",
     "status": "in_progress",
     "notes": [
         {"author": "Birgitte Berg",
          "text": "Funktionsbeskrivelsen fra Sønderjylland er modtaget."},
         {"author": "Birgitte Berg",
          "text": "Kolding og Fredericia deltager fra januar; Vejle, "
                  "Middelfart og Billund overvejer."},
     ]},
    {"body": "fsn-fyn",
     "item": item("fsn-fyn", "2026-06-11",
                  "Drøftelse af ansættelse af fælles projektleder"),
     "what": "Beskrive behov og finansieringsmodel for en fælles "
             "projektleder i Sundhedsklynge Fyn",
     "responsible_person": "p-esben-lassen", "due": "2026-09-01",
     "status": "open"},
    {"case": "hjemmemonitorering-kol", "body": "midt-ksg",
     "what": "Evaluere pilotafprøvningen af hjemmemonitorering efter "
             "seks måneder",
     "responsible_body": "midt-tema-somatik", "due": "2026-11-30",
     "status": "open", "focus_area": "velfaerdsteknologi-og-datadeling"},
]


def check(doc):
    """The keys the file names exist in the demo structure."""
    def need(kind, key, pool):
        if key and key not in pool:
            raise SystemExit(f"unknown {kind} {key}")
    for a in doc["agreements"]:
        need("organisation", a["region"], ORGS)
    for t in doc["templates"]:
        need("organisation", t["region"], ORGS)
        for s in t["steps"]:
            need("body", s.get("body"), BODIES)
    for i in doc["initiatives"]:
        need("area", i["area"], AREAS)
        need("person", i.get("contact"), PEOPLE)
        for c in i["comments"]:
            need("area", c.get("area"), AREAS)
    for c in doc["cases"]:
        need("body", c["origin"], BODIES)
        for s in c["steps"]:
            need("body", s.get("body"), BODIES)
            need("organisation", s.get("org"), ORGS)
    for a in doc["actions"]:
        need("body", a["body"], BODIES)
        need("body", a.get("responsible_body"), BODIES)
        need("organisation", a.get("responsible_org"), ORGS)
        need("person", a.get("responsible_person"), PEOPLE)


def main():
    doc = {"klynge": 1, "agreements": AGREEMENTS, "templates": TEMPLATES,
           "initiatives": INITIATIVES, "cases": CASES, "actions": ACTIONS}
    check(doc)
    overdue = sum(1 for a in ACTIONS if a["due"] < TODAY
                  and a["status"] in ("open", "in_progress"))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        ROOT, "data", "demo-casework.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"{path}: {len(AGREEMENTS)} agreements, {len(TEMPLATES)} templates, "
          f"{len(CASES)} cases, {len(ACTIONS)} actions ({overdue} overdue on "
          f"{TODAY}), {len(INITIATIVES)} initiatives")


if __name__ == "__main__":
    main()
