/*
 * svg.h - inline SVG for pages: the organisation diagram.
 *
 * Output is plain SVG markup for embedding in HTML (no script, no style
 * element: colours are presentation attributes, which the CSP allows).
 * All text is escaped.
 */
#ifndef KLYNGE_SVG_H
#define KLYNGE_SVG_H

#include <stddef.h>

#include "../core/model.h"
#include "../util/arena.h"
#include "../util/buf.h"

/*
 * An organisation diagram of `n` bodies: a forest by parent links (a
 * body whose parent is not among them is a root). Each body is a box
 * linking to /bodies/ID, coloured by kind, dashed when not formal, with
 * a red corner marker showing violations[i] when it is > 0. Parents sit
 * above their children; a body whose children are all leaves gets them
 * stacked below it, which keeps wide structures readable. `label` names
 * the diagram for assistive technology; `date_text` (Danish date) is
 * used in the markers' tooltips; `query` ("" or "?date=...") is appended
 * to every link. Scratch memory comes from `a`.
 */
void svg_org_diagram(struct arena *a, struct buf *out,
		     const struct body *const *bodies, const int *violations,
		     size_t n, const char *label, const char *date_text,
		     const char *query);

/* A small colour swatch (inline <svg>) for a body kind, for legends. */
void svg_kind_swatch(struct buf *out, enum body_kind kind, bool formal);

/* Fill and stroke colours of a body kind ("#rrggbb"). */
const char *svg_kind_fill(enum body_kind kind);
const char *svg_kind_stroke(enum body_kind kind);

#endif
