#!/usr/bin/env python3
"""Inputs for bench/pdf.sh: klynge-pdf's meeting documents (the JSON
pdf_client.c writes, format at the top of src/render/pdf.c) and the same
agenda as HTML for Chromium.

  pdf_gen.py attachment DIR        DIR/att.json: a 10-page document
  pdf_gen.py agenda DIR ATT.pdf    DIR/agenda.json (20 items, 10 of them
                                   with ATT.pdf attached), DIR/agenda-noatt.json
                                   (the same without attachment bytes),
                                   DIR/agenda.html (the same text, no attachments)
"""
import base64
import html
import json
import sys

PARA = ("I løbet af foråret har Det Administrative Kontaktforum drøftet, "
        "hvordan forummet ser den kommende tværsektorielle administrative "
        "organisering under det nye Sundhedssamarbejdsudvalg og de nye "
        "sundhedsklynger. På baggrund af disse drøftelser har "
        "Koordinationsgruppen udarbejdet et notat med forslag til principper "
        "og modeller for organiseringen på det tværsektorielle administrative "
        "niveau. Notatet er løbende blevet justeret i overensstemmelse med "
        "forummets tilbagemeldinger.")
BULLETS = ["Tre repræsentanter fra regionen: det somatiske sygehus, "
           "Psykiatrisygehuset og Regionshuset",
           "En repræsentant (relevant direktør) fra hver af de deltagende "
           "kommuner",
           "To praktiserende læger udpeget af PLO",
           "To repræsentanter for patienter og pårørende"]


def meeting(n_items, paras, title):
    items = []
    for i in range(1, n_items + 1):
        md = "#### Baggrund\n\n" + "\n\n".join(
            ("**Sagen.** " if k == 0 else "") + PARA for k in range(paras))
        md += "\n\n" + "\n".join("- " + b for b in BULLETS) + "\n"
        items.append({
            "number": i, "closed": False, "kind": "Godkendelse",
            "title": f"{title} {i}: sundhedsklyngernes organisering og "
                     "sekretariatsbetjening",
            "case_number": f"22/{17744 + i}",
            "summary": PARA, "presentation": md,
            "recommended_by": "Koordinationsgruppen indstiller, at "
                              "forummet",
            "resolutions": ["Godkender organiseringen (bilag 1)",
                            "Drøfter den videre proces"],
            "dissent": "", "guests": [], "decision": "", "outcome": "",
            "attachments": []})
    return {
        "kind": "agenda", "public": False,
        "title": "Det Administrative Kontaktforum 23. juni 2022",
        "body": "Det Administrative Kontaktforum",
        "region": "Region Syddanmark", "area": "",
        "meeting_kind": "Ordinært møde", "date": "23. juni 2022",
        "time": "14:30 - 15:30", "place": "Regionshuset, Damhaven 12, "
        "7100 Vejle", "online_url": "",
        "chairs": [{"name": "Anna Ørsted", "role": "Formand",
                    "organisation": "Region Syddanmark"}],
        "approved": False, "approved_date": "", "attendance": [],
        "created": "2022-06-16T08:00:00Z", "items": items}


def agenda_html(doc):
    e = html.escape
    out = ["<!doctype html><html lang=da><meta charset=utf-8>",
           f"<title>Dagsorden: {e(doc['title'])}</title>",
           "<style>@page{size:A4;margin:2cm}body{font-family:'DejaVu Sans';"
           "font-size:10pt}h2{page-break-before:always}"
           ".toc a{display:flex;justify-content:space-between}</style>",
           f"<h1>{e(doc['body'])}</h1><p>{e(doc['region'])}</p>",
           f"<h1>Dagsorden</h1><p>{e(doc['meeting_kind'])}</p>",
           f"<p>Dato {e(doc['date'])}<br>Tidspunkt {e(doc['time'])}<br>"
           f"Sted {e(doc['place'])}</p><h3>Indhold</h3><div class=toc>"]
    for it in doc["items"]:
        out.append(f"<a href='#item-{it['number']}'>Punkt {it['number']}: "
                   f"{e(it['title'])}</a>")
    out.append("</div>")
    for it in doc["items"]:
        out.append(f"<h2 id='item-{it['number']}'>Punkt {it['number']}: "
                   f"{e(it['title'])}</h2><p>Sagsnr.: {e(it['case_number'])}"
                   f" Punkttype: {e(it['kind'])}</p><h4>Resumé</h4>"
                   f"<p>{e(it['summary'])}</p><h4>Sagsfremstilling</h4>")
        body = it["presentation"].split("\n\n")
        for block in body:
            if block.startswith("####"):
                out.append(f"<h5>{e(block[5:])}</h5>")
            elif block.startswith("- "):
                out.append("<ul>" + "".join(
                    f"<li>{e(l[2:])}</li>" for l in block.strip().split("\n"))
                    + "</ul>")
            else:
                out.append("<p>" + e(block).replace(
                    "**Sagen.**", "<b>Sagen.</b>") + "</p>")
        out.append(f"<h4>Indstilling</h4><p>{e(it['recommended_by'])}</p><ul>"
                   + "".join(f"<li>{e(r)}</li>" for r in it["resolutions"])
                   + "</ul>")
        if it["attachments"]:
            out.append("<h4>Bilag</h4><ul>" + "".join(
                f"<li>Bilag {it['number']}.{a['position']}: "
                f"{e(a['filename'])}</li>" for a in it["attachments"])
                + "</ul>")
    out.append("</html>")
    return "\n".join(out)


def main():
    what, d = sys.argv[1], sys.argv[2]
    if what == "attachment":
        # Cover with contents, then 9 one-page items: 10 pages.
        doc = meeting(9, 1, "Bilagspunkt")
        json.dump(doc, open(f"{d}/att.json", "w"), ensure_ascii=False)
        return
    att = base64.b64encode(open(sys.argv[3], "rb").read()).decode()
    doc = meeting(20, 3, "Punkt")
    for it in doc["items"][:10]:
        it["attachments"] = [{"position": 1, "media_type": "application/pdf",
                              "filename": f"Notat til punkt {it['number']}.pdf",
                              "data": att}]
    json.dump(doc, open(f"{d}/agenda.json", "w"), ensure_ascii=False)
    for it in doc["items"]:
        for a in it["attachments"]:
            del a["data"]
    json.dump(doc, open(f"{d}/agenda-noatt.json", "w"), ensure_ascii=False)
    open(f"{d}/agenda.html", "w").write(agenda_html(doc))


if __name__ == "__main__":
    main()
