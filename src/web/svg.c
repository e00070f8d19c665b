/*
 * svg.c - the organisation diagram as inline SVG; see svg.h.
 *
 * Layout is a small tidy-tree: each subtree is measured bottom-up
 * (width, height, and where its own box sits), then placed top-down.
 * Three shapes:
 *   leaf        one box;
 *   stacked     all children are leaves: they hang below the parent in
 *               a column, indented, joined by an elbow line (a region's
 *               implementation groups would otherwise make it very wide);
 *   spread      children side by side under a horizontal bus, the
 *               parent centred over its first and last child.
 * Several roots are laid out side by side like siblings.
 */
#include "svg.h"

#include <string.h>

#include "html.h"

#define BW 196		/* box width */
#define BH 74		/* box height */
#define HGAP 22		/* between sibling subtrees */
#define VGAP 40		/* between a parent and its spread children */
#define IND 22		/* indentation of stacked children */
#define SGAP 12		/* between stacked children */
#define PAD 12		/* around the whole diagram */
#define LINE_CHARS 24	/* characters per name line: 12px bold in a
			   wide font (DejaVu Sans) still fits the box */

static const struct {
	const char *fill;
	const char *stroke;
} kind_colours[BODY__COUNT] = {
	[BODY_NONE] = { "#f4f4f4", "#555555" },
	[BODY_COLLABORATION_COMMITTEE] = { "#dbe6f4", "#1f4e79" },
	[BODY_STEERING_GROUP] = { "#e3edf8", "#2e6da4" },
	[BODY_POLITICAL_LEVEL] = { "#f4e4f0", "#8e3b74" },
	[BODY_STRATEGIC_LEVEL] = { "#dff1e9", "#1d7a55" },
	[BODY_IMPLEMENTATION_GROUP] = { "#fdf0d8", "#a86400" },
	[BODY_COORDINATION_FORUM] = { "#fbe6dc", "#b2532a" },
	[BODY_THEME_GROUP] = { "#eef4d9", "#5f7a16" },
	[BODY_ADHOC_GROUP] = { "#ebe9f7", "#5a4ea1" },
	[BODY_NETWORK_GROUP] = { "#f2f2f2", "#6b6b6b" },
	[BODY_SECRETARIAT] = { "#edf0f3", "#4a5661" },
	[BODY_COUNCIL] = { "#e4eef0", "#2f5d66" },
	[BODY_OTHER] = { "#f4f4f4", "#555555" },
};

const char *svg_kind_fill(enum body_kind kind)
{
	return (kind >= 0 && kind < BODY__COUNT) ? kind_colours[kind].fill
						  : kind_colours[0].fill;
}

const char *svg_kind_stroke(enum body_kind kind)
{
	return (kind >= 0 && kind < BODY__COUNT) ? kind_colours[kind].stroke
						  : kind_colours[0].stroke;
}

void svg_kind_swatch(struct buf *out, enum body_kind kind, bool formal)
{
	buf_printf(out,
		   "<svg class=\"swatch\" width=\"26\" height=\"16\" viewBox=\"0 0 26 16\" aria-hidden=\"true\">"
		   "<rect x=\"1\" y=\"1\" width=\"24\" height=\"14\" rx=\"3\" fill=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"%s/></svg>",
		   svg_kind_fill(kind), svg_kind_stroke(kind),
		   formal ? "" : " stroke-dasharray=\"4 2\"");
}

/* ---- tree ------------------------------------------------------------ */

enum shape { SHAPE_LEAF, SHAPE_STACKED, SHAPE_SPREAD };

struct node {
	const struct body *b;
	int viol;
	int parent;		/* index, -1 for a root */
	int *kids;
	int n_kids;
	enum shape shape;
	int w, h;		/* subtree size */
	int nx;			/* box x within the subtree */
	int *kid_off;		/* spread: x offset of each child subtree */
	int x, y;		/* placed box position */
};

static int find(const struct node *nodes, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (nodes[i].b->id == id)
			return (int)i;
	return -1;
}

static void measure(struct node *nodes, int i)
{
	struct node *nd = &nodes[i];
	if (nd->n_kids == 0) {
		nd->shape = SHAPE_LEAF;
		nd->w = BW;
		nd->h = BH;
		nd->nx = 0;
		return;
	}
	bool all_leaves = true;
	for (int k = 0; k < nd->n_kids; k++) {
		measure(nodes, nd->kids[k]);
		if (nodes[nd->kids[k]].n_kids)
			all_leaves = false;
	}
	if (all_leaves && nd->n_kids >= 2) {
		nd->shape = SHAPE_STACKED;
		nd->w = IND + BW;
		nd->h = BH + nd->n_kids * (SGAP + BH);
		nd->nx = 0;
		return;
	}
	nd->shape = SHAPE_SPREAD;
	int off = 0, hmax = 0;
	for (int k = 0; k < nd->n_kids; k++) {
		const struct node *c = &nodes[nd->kids[k]];
		nd->kid_off[k] = off;
		off += c->w + (k + 1 < nd->n_kids ? HGAP : 0);
		if (c->h > hmax)
			hmax = c->h;
	}
	const struct node *first = &nodes[nd->kids[0]];
	const struct node *last = &nodes[nd->kids[nd->n_kids - 1]];
	int c0 = nd->kid_off[0] + first->nx + BW / 2;
	int c1 = nd->kid_off[nd->n_kids - 1] + last->nx + BW / 2;
	int nx = (c0 + c1) / 2 - BW / 2;
	if (nx < 0) {
		for (int k = 0; k < nd->n_kids; k++)
			nd->kid_off[k] -= nx;
		off -= nx;
		nx = 0;
	}
	nd->nx = nx;
	nd->w = off > nx + BW ? off : nx + BW;
	nd->h = BH + VGAP + hmax;
}

static void place(struct node *nodes, int i, int x, int y)
{
	struct node *nd = &nodes[i];
	nd->x = x + nd->nx;
	nd->y = y;
	if (nd->shape == SHAPE_STACKED) {
		for (int k = 0; k < nd->n_kids; k++)
			place(nodes, nd->kids[k], x + IND,
			      y + BH + SGAP + k * (BH + SGAP));
	} else if (nd->shape == SHAPE_SPREAD) {
		for (int k = 0; k < nd->n_kids; k++)
			place(nodes, nd->kids[k], x + nd->kid_off[k],
			      y + BH + VGAP);
	}
}

/* ---- drawing ----------------------------------------------------------- */

/* Number of bytes of the first `chars` code points of s. */
static size_t utf8_prefix(const char *s, size_t chars)
{
	size_t i = 0, c = 0;
	while (s[i]) {
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			if (c == chars)
				break;
			c++;
		}
		i++;
	}
	return i;
}

static size_t utf8_len(const char *s)
{
	size_t c = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			c++;
	return c;
}

#define MAX_LINES 3

/* Greedy word wrap of text into at most MAX_LINES lines of LINE_CHARS
 * code points (a longer word is cut). Returns the line count; *fits is
 * false when text needed more lines, and then the last line ends in
 * "…". Lines are arena strings. */
static int wrap_text(struct arena *a, const char *text,
		     const char *lines[MAX_LINES], bool *fits)
{
	int n = 0;
	const char *p = text;
	*fits = true;
	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		if (n == MAX_LINES) {
			*fits = false;
			break;
		}
		size_t take;
		bool hyphen = false;
		if (utf8_len(p) <= LINE_CHARS) {
			take = strlen(p);
		} else {
			size_t max = utf8_prefix(p, LINE_CHARS);
			take = max;
			while (take > 0 && p[take] != ' ')
				take--;
			if (take == 0) {
				/* one long word: break it with a hyphen */
				take = utf8_prefix(p, LINE_CHARS - 1);
				hyphen = true;
			}
		}
		lines[n++] = hyphen ? arena_printf(a, "%.*s-", (int)take, p)
				    : arena_strndup(a, p, take);
		p += take;
	}
	if (!*fits) {
		/* shorten the last line so "…" fits after it */
		const char *last = lines[MAX_LINES - 1];
		size_t keep = utf8_prefix(last, LINE_CHARS - 1);
		while (keep > 0 && last[keep - 1] == ' ')
			keep--;
		lines[MAX_LINES - 1] = arena_printf(a, "%.*s…", (int)keep, last);
	}
	return n;
}

/* The name as box lines: the full name when it fits, else the short
 * name when there is one, else the name cut with "…". */
static int box_lines(struct arena *a, const struct body *b, const char *name,
		     const char *lines[MAX_LINES])
{
	bool fits;
	int n = wrap_text(a, name, lines, &fits);
	if (fits || !b->short_name || !*b->short_name)
		return n;
	const char *alt[MAX_LINES] = { 0 };
	int m = wrap_text(a, b->short_name, alt, &fits);
	if (!fits)
		return n;
	memcpy(lines, alt, sizeof(alt));
	return m;
}

static void draw_box(struct arena *a, struct buf *out, const struct node *nd,
		     const char *date_text, const char *query)
{
	const struct body *b = nd->b;
	const char *name = b->name && *b->name ? b->name : "(uden navn)";
	buf_printf(out, "<a href=\"/bodies/%lld", (long long)b->id);
	buf_html_escape(out, query);
	buf_puts(out, "\" class=\"node\">");
	buf_puts(out, "<title>");
	buf_html_escape(out, name);
	buf_puts(out, " – ");
	buf_html_escape(out, body_kind_label(b->kind));
	if (!b->formal)
		buf_puts(out, " (uden for den formelle beslutningsstruktur)");
	if (nd->viol > 0) {
		buf_printf(out, " – %d regelbrud", nd->viol);
		if (date_text && *date_text) {
			buf_puts(out, " pr. ");
			buf_html_escape(out, date_text);
		}
	}
	buf_puts(out, "</title>");
	buf_printf(out,
		   "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"%s/>",
		   nd->x, nd->y, BW, BH, svg_kind_fill(b->kind),
		   svg_kind_stroke(b->kind), b->formal ? "1.5" : "1.8",
		   b->formal ? "" : " stroke-dasharray=\"6 4\"");
	/* a kind-coloured band on the left edge */
	buf_printf(out,
		   "<rect x=\"%d\" y=\"%d\" width=\"5\" height=\"%d\" fill=\"%s\"/>",
		   nd->x + 1, nd->y + 6, BH - 12, svg_kind_stroke(b->kind));

	const char *lines[MAX_LINES] = { 0 };
	int nl = box_lines(a, b, name, lines);
	/* name lines centred in the space above the kind label */
	int ty = nd->y + 19 + (MAX_LINES - nl) * 7;
	for (int i = 0; i < nl; i++) {
		buf_printf(out,
			   "<text x=\"%d\" y=\"%d\" font-size=\"12\" font-weight=\"600\" fill=\"#1b1b1b\">",
			   nd->x + 13, ty + i * 15);
		buf_html_escape(out, lines[i]);
		buf_puts(out, "</text>");
	}
	buf_printf(out,
		   "<text x=\"%d\" y=\"%d\" font-size=\"10.5\" fill=\"#4a4a4a\">",
		   nd->x + 13, nd->y + BH - 9);
	buf_html_escape(out, body_kind_label(b->kind));
	buf_puts(out, "</text>");

	if (nd->viol > 0) {
		int cx = nd->x + BW - 4, cy = nd->y + 4;
		buf_printf(out,
			   "<circle cx=\"%d\" cy=\"%d\" r=\"11\" fill=\"#c62828\" stroke=\"#ffffff\" stroke-width=\"2\"/>"
			   "<text x=\"%d\" y=\"%d\" font-size=\"11\" font-weight=\"700\" fill=\"#ffffff\" text-anchor=\"middle\">%d</text>",
			   cx, cy, cx, cy + 4, nd->viol > 99 ? 99 : nd->viol);
	}
	buf_puts(out, "</a>\n");
}

static void draw_edges(struct buf *out, const struct node *nodes, int i)
{
	const struct node *nd = &nodes[i];
	if (nd->n_kids == 0)
		return;
	if (nd->shape == SHAPE_STACKED) {
		int lx = nd->x + IND / 2;
		const struct node *last = &nodes[nd->kids[nd->n_kids - 1]];
		buf_printf(out, "<path d=\"M%d %dV%d", lx, nd->y + BH,
			   last->y + BH / 2);
		for (int k = 0; k < nd->n_kids; k++) {
			const struct node *c = &nodes[nd->kids[k]];
			buf_printf(out, "M%d %dH%d", lx, c->y + BH / 2, c->x);
		}
		buf_puts(out, "\"/>\n");
	} else {
		int px = nd->x + BW / 2;
		int bus = nd->y + BH + VGAP / 2;
		const struct node *first = &nodes[nd->kids[0]];
		const struct node *last = &nodes[nd->kids[nd->n_kids - 1]];
		buf_printf(out, "<path d=\"M%d %dV%dM%d %dH%d", px, nd->y + BH,
			   bus, first->x + BW / 2, bus, last->x + BW / 2);
		for (int k = 0; k < nd->n_kids; k++) {
			const struct node *c = &nodes[nd->kids[k]];
			buf_printf(out, "M%d %dV%d", c->x + BW / 2, bus, c->y);
		}
		buf_puts(out, "\"/>\n");
	}
	for (int k = 0; k < nd->n_kids; k++)
		draw_edges(out, nodes, nd->kids[k]);
}

static void draw_boxes(struct arena *a, struct buf *out,
		       const struct node *nodes, int i, const char *date_text,
		       const char *query)
{
	draw_box(a, out, &nodes[i], date_text, query);
	for (int k = 0; k < nodes[i].n_kids; k++)
		draw_boxes(a, out, nodes, nodes[i].kids[k], date_text, query);
}

void svg_org_diagram(struct arena *a, struct buf *out,
		     const struct body *const *bodies, const int *violations,
		     size_t n, const char *label, const char *date_text,
		     const char *query)
{
	if (!query)
		query = "";
	if (n == 0)
		return;
	struct node *nodes = arena_array(a, n, sizeof(*nodes));
	for (size_t i = 0; i < n; i++) {
		nodes[i].b = bodies[i];
		nodes[i].viol = violations ? violations[i] : 0;
	}
	for (size_t i = 0; i < n; i++)
		nodes[i].parent = bodies[i]->parent_id
					  ? find(nodes, n, bodies[i]->parent_id)
					  : -1;
	/* A parent chain that does not end within n steps is a cycle (bad
	 * data): such bodies are drawn as roots rather than looping. */
	for (size_t i = 0; i < n; i++) {
		int p = nodes[i].parent;
		size_t steps = 0;
		while (p >= 0 && steps <= n) {
			p = nodes[p].parent;
			steps++;
		}
		if (p >= 0 || steps > n)
			nodes[i].parent = -1;
	}
	for (size_t i = 0; i < n; i++)
		if (nodes[i].parent == (int)i)
			nodes[i].parent = -1;
	/* children and roots, in the given order */
	int *count = arena_array(a, n, sizeof(int));
	size_t n_roots = 0;
	for (size_t i = 0; i < n; i++) {
		if (nodes[i].parent >= 0)
			count[nodes[i].parent]++;
		else
			n_roots++;
	}
	for (size_t i = 0; i < n; i++) {
		nodes[i].kids = arena_array(a, (size_t)count[i] + 1, sizeof(int));
		nodes[i].kid_off = arena_array(a, (size_t)count[i] + 1, sizeof(int));
	}
	int *roots = arena_array(a, n_roots + 1, sizeof(int));
	size_t r = 0;
	for (size_t i = 0; i < n; i++) {
		int p = nodes[i].parent;
		if (p >= 0)
			nodes[p].kids[nodes[p].n_kids++] = (int)i;
		else
			roots[r++] = (int)i;
	}

	int x = PAD, hmax = 0;
	for (size_t k = 0; k < n_roots; k++) {
		measure(nodes, roots[k]);
		place(nodes, roots[k], x, PAD);
		x += nodes[roots[k]].w + (k + 1 < n_roots ? 2 * HGAP : 0);
		if (nodes[roots[k]].h > hmax)
			hmax = nodes[roots[k]].h;
	}
	int w = x + PAD, h = hmax + 2 * PAD;

	buf_printf(out,
		   "<svg class=\"orgchart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
		   "font-family=\"Arial, 'Liberation Sans', Helvetica, 'DejaVu Sans Condensed', sans-serif\" aria-label=\"",
		   w, h, w, h);
	buf_html_escape(out, label ? label : "Organisationsdiagram");
	buf_puts(out, "\">\n<g fill=\"none\" stroke=\"#8a8f96\" stroke-width=\"1.5\">\n");
	for (size_t k = 0; k < n_roots; k++)
		draw_edges(out, nodes, roots[k]);
	buf_puts(out, "</g>\n");
	for (size_t k = 0; k < n_roots; k++)
		draw_boxes(a, out, nodes, roots[k], date_text, query);
	buf_puts(out, "</svg>\n");
}
